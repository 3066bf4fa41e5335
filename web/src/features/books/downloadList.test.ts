import { createElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { click, json, render, until } from '../../test/render'
import { DownloadList } from './DownloadList'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const labels = (c: HTMLElement) => [...c.querySelectorAll('button')].map((b) => b.textContent)

describe('DownloadList', () => {
  it('lists the print files and the zip, and the eBook files only for a book with an eBook', async () => {
    const paperback = await render(createElement(DownloadList, { bookId: 'b1', busy: false, ebook: false }))
    expect(labels(paperback.container)).toEqual(['Interior PDF', 'Cover PDF', 'Listing (title, description, keywords)', 'Everything (zip)'])
    await paperback.unmount()
    const both = await render(createElement(DownloadList, { bookId: 'b1', busy: true, ebook: true }))
    expect(labels(both.container)).toContain('Kindle eBook (EPUB)')
    expect([...both.container.querySelectorAll('button')].every((b) => b.disabled)).toBe(true)
  })

  it('asks for the file with the session and says what went wrong', async () => {
    const urls: string[] = []
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      urls.push(url)
      return json(404, { title: 'Not found', detail: 'the book has no cover.pdf yet' })
    }))
    const { container } = await render(createElement(DownloadList, { bookId: 'b1', busy: false, ebook: false }))
    await click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Cover PDF')!)
    await until(() => container.querySelector('[role="alert"]') !== null)
    expect(urls).toEqual(['/api/v1/books/b1/files/cover.pdf'])
  })
})
