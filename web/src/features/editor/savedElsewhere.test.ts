import { act, createElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Page } from '../../lib/types'
import { click, json, render, until } from '../../test/render'
import { PageText } from './Editor'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  sessionStorage.clear()
})

const page = (text: string, etag: string): Page => ({ number: 5, role: 'notes', text, illustration: null, imageAssetId: null, updatedAt: '2026-12-07T10:00:00Z', etag })

async function typeText(area: HTMLTextAreaElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(area, value)
    area.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

const button = (c: HTMLElement, text: string) => [...c.querySelectorAll('button')].find((b) => b.textContent === text)!
const stale = () => new Response(JSON.stringify({
  title: 'Saved elsewhere first',
  detail: 'Page 5 was changed after you opened it (saved in another tab or window, or by the book being made); reload to see that change, then make yours again',
}), { status: 412, headers: { 'Content-Type': 'application/problem+json' } })

describe('Two tabs editing one page', () => {
  function server() {
    const puts: (string | null)[] = []
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'PUT') {
        const ifMatch = new Headers(init.headers).get('If-Match')
        puts.push(ifMatch)
        return ifMatch === '"v2"' ? json(200, page(JSON.parse(init.body as string).text as string, '"v3"')) : stale()
      }
      if (url === '/api/v1/books/b1/pages') return json(200, [page('Saved in the other tab.', '"v2"')])
      return json(404, {})
    }))
    return puts
  }

  it('sends the version the text was typed over, and on a 412 loads what the other tab saved', async () => {
    const puts = server()
    const { container } = await render(createElement(PageText, { bookId: 'b1', page: page('First words.', '"v1"'), ageGroup: '3-5' }))
    await typeText(container.querySelector('textarea')!, 'My words.')
    await click(button(container, 'Save text'))
    await until(() => container.querySelector('[role="alert"]') !== null)
    expect(puts).toEqual(['"v1"'])
    expect(container.querySelector('[role="alert"]')!.textContent).toContain('Page 5 was changed after you opened it (saved in another tab or window')

    await click(button(container, 'Load the saved version'))
    await until(() => container.querySelector('textarea')!.value === 'Saved in the other tab.')
    expect(container.querySelector('[role="alert"]')).toBeNull()
  })

  it('can keep its own text and then save it over the newer version', async () => {
    const puts = server()
    const { container } = await render(createElement(PageText, { bookId: 'b1', page: page('First words.', '"v1"'), ageGroup: '3-5' }))
    await typeText(container.querySelector('textarea')!, 'My words.')
    await click(button(container, 'Save text'))
    await until(() => container.querySelector('[role="alert"]') !== null)
    await click(button(container, 'Keep my text and save it over theirs'))
    await until(() => container.querySelector('[role="alert"]') === null)
    expect(container.querySelector('textarea')!.value).toBe('My words.')
    await click(button(container, 'Save text'))
    await until(() => puts.length === 2)
    expect(puts).toEqual(['"v1"', '"v2"'])
    await until(() => !button(container, 'Save text').disabled)
    expect(container.querySelector('[role="alert"]')).toBeNull()
  })
})
