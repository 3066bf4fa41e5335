import { createElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { click, json, render, until } from '../../test/render'
import { Versions, versionWords, type BookVersion } from './Versions'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const v = (number: number, latest: boolean, restoredFrom: number | null = null): BookVersion => ({
  number, latest, restoredFrom, createdAt: '2026-12-07T10:00:00Z', taskId: null,
  files: [{ name: 'interior.pdf', size: 10, url: `/api/v1/books/b1/files/interior.pdf?version=${number}` }],
})

const buttons = (c: HTMLElement) => [...c.querySelectorAll('button')]
const button = (c: HTMLElement, text: string) => buttons(c).find((b) => b.textContent === text)!

describe('Versions on the book page', () => {
  it('says which version is current and which one a restore copied', () => {
    expect(versionWords(v(3, true, 1))).toMatch(/^Version 3 \(current\), made .+, restored from version 1$/)
    expect(versionWords(v(2, false))).not.toContain('restored')
  })

  it('restores an older version after asking, and says what became current', async () => {
    let list = [v(2, true), v(1, false)]
    const calls: string[] = []
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`)
      if (url === '/api/v1/books/b1/versions/1/restore') { list = [v(3, true, 1), v(2, false), v(1, false)]; return json(200, list[0]) }
      if (url === '/api/v1/books/b1/versions') return json(200, list)
      return json(404, {})
    }))
    const { container } = await render(createElement(Versions, { bookId: 'b1', outdated: false, busy: false }))
    await until(() => container.textContent!.includes('Version 2 (current)'))
    // The current version of a book not edited since has nothing to restore.
    expect(buttons(container).map((b) => b.textContent)).toEqual(['Download version 2', 'Download version 1', 'Restore version 1…'])

    await click(button(container, 'Restore version 1…'))
    const dialog = container.querySelector('[role="alertdialog"]')!
    expect(dialog.textContent).toContain('The version that is current now stays in this list')
    expect(dialog.textContent).not.toContain('will be lost')
    expect(calls.filter((c) => c.startsWith('POST'))).toEqual([])

    await click(button(container, 'Yes, restore version 1'))
    await until(() => container.querySelector('[role="status"]') !== null)
    expect(container.querySelector('[role="status"]')!.textContent).toBe('Version 1 is the current one again (saved as version 3); the pages are as it printed them.')
    expect(calls).toContain('POST /api/v1/books/b1/versions/1/restore')
    await until(() => container.textContent!.includes('Version 3 (current)'))
    expect(container.querySelector('[role="alertdialog"]')).toBeNull()
  })

  it('offers to undo edits made since the last build, warns they are lost, and shows the server’s refusal', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => url === '/api/v1/books/b1/versions'
      ? json(200, [v(2, true), v(1, false)])
      : new Response(JSON.stringify({ title: 'Conflict', detail: 'the book is being made right now; wait until it is done (or stop it), then restore the version' }),
        { status: 409, headers: { 'Content-Type': 'application/problem+json' } })))
    const { container } = await render(createElement(Versions, { bookId: 'b1', outdated: true, busy: false }))
    await until(() => container.textContent!.includes('Version 2 (current)'))
    await click(button(container, 'Undo my edits since version 2…'))
    expect(container.querySelector('[role="alertdialog"]')!.textContent).toContain('will be lost; rebuild the PDFs first to keep them')
    await click(button(container, 'Yes, undo my edits'))
    await until(() => container.querySelector('.error') !== null)
    expect(container.querySelector('.error')!.textContent).toContain('The book is being made right now')
  })

  it('offers no restore while the book is being made', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, [v(2, true), v(1, false)])))
    const { container } = await render(createElement(Versions, { bookId: 'b1', outdated: false, busy: true }))
    await until(() => container.textContent!.includes('Version 2 (current)'))
    expect(button(container, 'Restore version 1…').disabled).toBe(true)
  })
})
