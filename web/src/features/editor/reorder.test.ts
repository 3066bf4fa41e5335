import { describe, expect, it } from 'vitest'
import { dropOrder, undoOrder } from './reorder'

/** Applies a reorder the way the server does: slot i gets the page numbered order[i]. */
const apply = (pages: Record<number, string>, slots: number[], order: number[]) =>
  Object.fromEntries(slots.map((s, i) => [s, pages[order[i]]])) as Record<number, string>

describe('dragging pages and undoing it', () => {
  const slots = [3, 4, 5, 6]
  const pages = { 3: 'a', 4: 'b', 5: 'c', 6: 'd' }

  it('puts the dragged page in the place of the one it is dropped on', () => {
    expect(dropOrder(slots, 6, 4)).toEqual([3, 6, 4, 5])
    expect(dropOrder(slots, 3, 5)).toEqual([4, 5, 3, 6])
    expect(dropOrder(slots, 4, 4)).toBeNull()
    expect(dropOrder(slots, 9, 4)).toBeNull()
  })

  it('undo puts every page back', () => {
    for (const [dragged, target] of [[6, 4], [3, 5], [4, 6], [5, 3]]) {
      const order = dropOrder(slots, dragged, target)!
      const moved = apply(pages, slots, order)
      expect(apply(moved, slots, undoOrder(slots, order))).toEqual(pages)
    }
  })
})

describe('the editor’s page list', () => {
  it('moves a page with its arrow and undoes the move with the inverse order', async () => {
    const { createElement } = await import('react')
    const { vi } = await import('vitest')
    const { click, json, render, until } = await import('../../test/render')
    const { Editor } = await import('./Editor')
    const page = (number: number, text: string) => ({ number, role: 'story', text, illustration: null, imageAssetId: null, updatedAt: '2026-12-07T10:00:00Z' })
    let pages = [page(1, 'one'), page(2, 'two'), page(3, 'three')]
    const sent: number[][] = []
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/pages/reorder')) {
        const order = (JSON.parse(init!.body as string) as { order: number[] }).order
        sent.push(order)
        const byNumber = Object.fromEntries(pages.map((p) => [p.number, p]))
        pages = order.map((n, i) => ({ ...byNumber[n], number: i + 1 }))
        return json(200, pages)
      }
      if (url.endsWith('/pages')) return json(200, pages)
      if (url.includes('/tasks')) return json(200, { items: [], page: 1, pageSize: 20, total: 0 })
      if (url.includes('/pictures')) return json(200, { candidates: [], original: null })
      return json(200, { id: 'b1', title: 'Pip', status: 'ready', ageGroup: '3-5', pages: [], characters: [] })
    }))
    const { container } = await render(createElement(Editor))
    await until(() => container.querySelector('[aria-label="Move page 1 later"]') !== null)
    await click(container.querySelector<HTMLButtonElement>('[aria-label="Move page 1 later"]')!)
    await until(() => container.querySelector('.undo-move') !== null)
    expect(sent[0]).toEqual([2, 1, 3])
    expect(container.querySelector('.undo-move')!.textContent).toContain('Page 1 is now page 2.')
    // The text box shows what is now on the page, not what was there before the move.
    expect(container.querySelector<HTMLTextAreaElement>('#page-text')!.value).toBe('one')
    await click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Undo the move')!)
    await until(() => sent.length === 2 && container.querySelector('.undo-move') === null)
    expect(pages.map((p) => p.text)).toEqual(['one', 'two', 'three'])

    // Dragging page 2 onto page 1, which is open: the open page's text box shows the page that is there now.
    expect(container.querySelector<HTMLTextAreaElement>('#page-text')!.value).toBe('two')
    await click(container.querySelectorAll<HTMLButtonElement>('.thumb')[1])
    await until(() => container.querySelector<HTMLTextAreaElement>('#page-text')!.value === 'one')
    const { act } = await import('react')
    const fire = (el: Element, type: string) => act(async () => {
      const ev = new Event(type, { bubbles: true, cancelable: true })
      Object.defineProperty(ev, 'dataTransfer', { value: { setData: () => {}, effectAllowed: '' } })
      el.dispatchEvent(ev)
    })
    const items = () => [...container.querySelectorAll('[data-testid=movable]')]
    await fire(items()[1], 'dragstart')
    await fire(items()[0], 'dragover')
    await fire(items()[0], 'drop')
    await until(() => sent.length === 3)
    expect(sent[2]).toEqual([2, 1, 3])
    await until(() => container.querySelector<HTMLTextAreaElement>('#page-text')!.value === 'two')
    vi.unstubAllGlobals()
  })
})
