import { act, createElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { click, json, render, type, until } from '../../test/render'
import { NewBookWizard } from './NewBookWizard'
import { PrintCost } from './PrintCost'
import { pricesParam, readPrice } from './printCost'
import { stepSlug } from './wizardSteps'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  sessionStorage.clear()
})

const costs = (prices: string) => ({
  publishedOn: '2025-06-10', source: 'https://kdp.amazon.com/en_US/help/topic/G201834340', trim: '8.5x8.5', largeTrim: true, ink: 'premium-color', pages: 32,
  marketplaces: [
    { code: 'US', site: 'Amazon.com', currency: 'USD', printingCost: 4.2, minimumPrice: 7, sixtyPercentFrom: 9.99,
      listPrice: prices.includes('US:12.99') ? 12.99 : null, royaltyRate: prices.includes('US:12.99') ? 0.6 : null, royalty: prices.includes('US:12.99') ? 3.59 : null },
    { code: 'JP', site: 'Amazon.co.jp', currency: 'JPY', printingCost: 475, minimumPrice: 950, sixtyPercentFrom: 1000, listPrice: null, royaltyRate: null, royalty: null },
  ],
})

function server() {
  const urls: string[] = []
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    urls.push(url)
    if (url.startsWith('/api/v1/print-rules/costs')) return json(200, costs(decodeURIComponent(url)))
    if (url.startsWith('/api/v1/characters')) return json(200, { items: [], page: 1, pageSize: 100, total: 0 })
    if (url.startsWith('/api/v1/canva/connection')) return json(200, { configured: false, connected: false })
    return json(404, {})
  }))
  return urls
}

const byLabel = (c: HTMLElement, label: string) => c.querySelector<HTMLInputElement>(`[aria-label="${label}"]`)!
const button = (c: HTMLElement, text: string) => [...c.querySelectorAll('button')].find((b) => b.textContent === text)!

describe('print cost and royalty', () => {
  it('reads list prices and sends only the ones that are numbers', () => {
    expect(readPrice('12.99')).toEqual({ price: 12.99 })
    expect(readPrice('12,99')).toEqual({ price: 12.99 })
    expect(readPrice('')).toEqual({ price: null })
    expect(readPrice('-3').problem).toMatch(/price such as/)
    expect(readPrice('abc').problem).toMatch(/price such as/)
    expect(pricesParam({ US: '12.99', UK: 'x', JP: '' })).toBe('US:12.99')
  })

  it('shows the server’s printing cost, the royalty of a typed price and the date of KDP’s table', async () => {
    const urls = server()
    const { container } = await render(createElement(PrintCost, { trim: '8.5x8.5', ink: 'premium-color', pages: 32 }))
    await until(() => container.querySelector('[data-testid="printing-US"]') !== null)
    expect(container.querySelector('[data-testid="printing-US"]')!.textContent).toMatch(/USD\s*4\.20/)
    expect(container.querySelector('[data-testid="printing-JP"]')!.textContent).toMatch(/JPY\s*475/)
    expect(container.querySelector('[data-testid="costs-date"]')!.textContent).toContain('KDP printing costs as published 10 June 2025')
    await type(byLabel(container, 'List price on Amazon.com (USD)'), '12.99')
    await until(() => /3\.59/.test(container.querySelector('[data-testid="royalty-US"]')!.textContent ?? ''))
    expect(container.querySelector('[data-testid="royalty-US"]')!.textContent).toContain('(60%)')
    expect(urls.some((u) => u.includes('prices=US%3A12.99'))).toBe(true)
    await type(byLabel(container, 'List price on Amazon.co.jp (JPY)'), 'lots')
    expect(container.textContent).toContain('Type a price such as 12.99')
  })
})

describe('new-book wizard', () => {
  it('names its steps in the address', () => {
    expect(stepSlug('Front & back')).toBe('front-back')
    expect(stepSlug('Review')).toBe('review')
  })

  it('refuses a page count that is not a number at the field, and the calculator never shows NaN', async () => {
    server()
    sessionStorage.setItem('storyloom.draft.new-book', JSON.stringify({ title: 'Pip' }))
    const { container } = await render(createElement(NewBookWizard))
    for (let i = 0; i < 4; i++) await click(button(container, 'Next'))
    const pages = container.querySelector<HTMLInputElement>('#pageCount')!
    expect(pages).not.toBeNull()
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(pages, '')
      pages.dispatchEvent(new Event('input', { bubbles: true }))
    })
    expect(container.querySelector('#pageCount-error')!.textContent).toMatch(/whole number of pages/)
    expect(container.querySelector('[data-testid="spine"]')!.textContent).not.toMatch(/NaN|-/)
    expect(container.textContent).not.toContain('NaN')
    await click(button(container, 'Next'))
    expect(container.querySelector('#pageCount')).not.toBeNull()
    await type(pages, '-4')
    expect(container.querySelector('#pageCount-error')!.textContent).toMatch(/whole number of pages/)
    await type(pages, '32')
    expect(container.querySelector('#pageCount-error')).toBeNull()
  })

  it('counts the theme’s letters against the server’s limit, and offers to start over a kept draft', async () => {
    server()
    sessionStorage.setItem('storyloom.draft.new-book', JSON.stringify({ title: 'Pip and the moon' }))
    const { container } = await render(createElement(NewBookWizard))
    expect(container.querySelector<HTMLInputElement>('#title')!.value).toBe('Pip and the moon')
    await click(button(container, 'Next'))
    await type(container.querySelector<HTMLInputElement>('#theme')!, 'a fox')
    expect(container.querySelector('[data-testid="theme-count"]')!.textContent).toBe('5 of 500 letters')
    await click(button(container, 'Start over'))
    expect(container.querySelector<HTMLInputElement>('#title')!.value).toBe('')
    expect(button(container, 'Start over')).toBeUndefined()
  })

  it('a coloring book has its own step: a free-text theme and a level with a sample page each, no story or cast', async () => {
    server()
    const { container } = await render(createElement(NewBookWizard))
    await click(container.querySelector<HTMLInputElement>('input[name="kind"][value="coloring"]')!)
    await type(container.querySelector<HTMLInputElement>('#title')!, 'Big Trucks')
    const steps = [...container.querySelectorAll('.stepper li')].map((li) => li.textContent)
    expect(steps).toEqual(['1. Kind', '2. Coloring', '3. Front & back', '4. Print', '5. Review'])
    await click(button(container, 'Next'))
    expect(container.querySelector('legend')!.textContent).toBe('What to color')
    await type(container.querySelector<HTMLInputElement>('#coloringTheme')!, 'trucks and diggers')
    expect(container.querySelector('[data-testid="coloring-theme-count"]')!.textContent).toBe('18 of 500 letters')
    const samples = [...container.querySelectorAll<HTMLImageElement>('.levels img')].map((i) => i.getAttribute('src'))
    expect(samples).toEqual(['/api/v1/coloring/samples/simple.svg', '/api/v1/coloring/samples/medium.svg', '/api/v1/coloring/samples/detailed.svg'])
    await click(container.querySelector<HTMLInputElement>('input[name="level"][value="detailed"]')!)
    expect(container.querySelector('input[name="level"][value="detailed"]')!.closest('label')!.className).toContain('chosen')
    await click(button(container, 'Next'))
    expect(container.querySelector('legend')!.textContent).toBe('Front and back of the book')
  })
})
