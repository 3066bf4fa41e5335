import { createElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { click, json, render, until } from '../../test/render'
import { ageWords, aiWords, Listing, listingFields, type ListingFile } from './Listing'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const no = { aiGenerated: false, tool: null, extent: null }
const listing: ListingFile = {
  title: 'Pip and the Kite', subtitle: 'A story about trying again', author: 'Ana Reyes', description: 'Pip wants to fly a kite.\nThe wind has other plans.',
  keywords: ['kite story', 'trying again'], categories: ['Juvenile Fiction / Animals / Foxes'], readingAge: '3-5', readingAgeMin: 3, readingAgeMax: 5,
  aiContent: { text: { aiGenerated: true, tool: 'gpt-5-mini', extent: 'Entire work, with minimal or no editing' }, images: no, translations: no, note: 'the parts marked aiGenerated' },
}

describe('The listing as KDP’s fields', () => {
  it('puts each field in KDP’s order with the text to paste', () => {
    expect(listingFields(listing).map((f) => f.label)).toEqual([
      'Title', 'Subtitle', 'Author', 'Description', 'Keyword 1', 'Keyword 2', 'Category 1', 'Reading age', 'AI-generated text', 'AI-generated images', 'AI-generated translations',
    ])
    expect(listingFields({ ...listing, subtitle: null }).map((f) => f.label)).not.toContain('Subtitle')
    expect(ageWords(0, 2)).toBe('Baby to 2 years')
    expect(ageWords(3, 5)).toBe('3 to 5 years')
    expect(aiWords(listing.aiContent!.text)).toBe('Yes: gpt-5-mini, Entire work, with minimal or no editing')
    expect(aiWords(no)).toBe('No')
  })

  it('copies a field with its button and says so, and never shows the file’s field names', async () => {
    const writeText = vi.fn(async () => {})
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    vi.stubGlobal('fetch', vi.fn(async () => json(200, listing)))
    const { container } = await render(createElement(Listing, { bookId: 'b1' }))
    await until(() => container.querySelector('#listing') !== null)
    expect(container.querySelector<HTMLTextAreaElement>('textarea')!.value).toBe(listing.description)
    await click(container.querySelector<HTMLButtonElement>('button[aria-label="Copy description"]')!)
    expect(writeText).toHaveBeenCalledWith(listing.description)
    await click(container.querySelector<HTMLButtonElement>('button[aria-label="Copy keyword 2"]')!)
    expect(writeText).toHaveBeenLastCalledWith('trying again')
    expect(container.querySelector('[role="status"]')!.textContent).toBe('Keyword 2 copied.')
    expect(container.textContent).not.toMatch(/aiGenerated|readingAge|listing\.json/)
    expect(container.textContent).toContain('answer Yes where it says Yes above')
  })

  it('shows nothing before the book is built', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(404, { title: 'Not found' })))
    const { container } = await render(createElement(Listing, { bookId: 'b1' }))
    await until(() => (vi.mocked(fetch).mock.calls.length > 0))
    expect(container.textContent).toBe('')
  })
})
