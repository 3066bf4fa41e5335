import { createElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Character } from '../../lib/types'
import { click, json, render, type, until } from '../../test/render'
import { CharacterWizard, formOf, palettesFor } from './CharacterWizard'
import { Characters } from './Characters'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  sessionStorage.clear()
})

const character = (over: Partial<Character> = {}): Character => ({
  id: 'c1', ownerId: 'u1', name: 'Moss', species: 'owl', role: 'friend', pronoun: 'he', traits: ['wise', 'sleepy'],
  visualDescription: 'a small owl with green feathers', bodyColor: '#123456', accentColor: '#abcdef', clothingColor: '#654321',
  clothing: 'scarf', accessory: null, chosenImageAssetId: null, createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z',
  books: [], ...over,
})

const button = (c: HTMLElement, text: string) => [...c.querySelectorAll('button')].find((b) => b.textContent === text)!

describe('Characters: change and delete', () => {
  it('refuses an empty name at the first step, next to the field', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, character())))
    const { container } = await render(createElement(CharacterWizard))
    await click(button(container, 'Next'))
    expect(container.querySelector('#name-error')!.textContent).toMatch(/Give the character a name/)
    expect(container.querySelector('legend')!.textContent).toBe('Who is it?')
    await type(container.querySelector<HTMLInputElement>('#name')!, 'Pip')
    expect(container.querySelector('#name-error')).toBeNull()
    await click(button(container, 'Next'))
    expect(container.querySelector('legend')!.textContent).not.toBe('Who is it?')
  })

  it('keeps a character’s own colors as the first choice when no palette matches', () => {
    const c = character()
    expect(palettesFor(c)[0]).toEqual({ name: 'Its own', bodyColor: '#123456', accentColor: '#abcdef', clothingColor: '#654321' })
    expect(formOf(c)).toMatchObject({ name: 'Moss', species: 'owl', traits: 'wise, sleepy', palette: 0, pronoun: 'he' })
    const warm = character({ bodyColor: '#d9822b', accentColor: '#fff3e0', clothingColor: '#2f6f9f' })
    expect(palettesFor(warm)[0].name).toBe('Warm')
    expect(formOf(warm).palette).toBe(0)
  })

  it('saves a change over the character with PUT, keeping what was not changed', async () => {
    const sent: { method: string; url: string; body: Record<string, unknown> }[] = []
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      sent.push({ method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(init.body as string) as Record<string, unknown> : {} })
      return json(200, character())
    }))
    const { container } = await render(createElement(CharacterWizard, { existing: character({ books: [{ id: 'b1', title: 'Moss at Night' }] }) }))
    expect(container.querySelector('h1')!.textContent).toBe('Change Moss')
    expect(container.textContent).toContain('Moss is in “Moss at Night”')
    expect(container.querySelector<HTMLInputElement>('#name')!.value).toBe('Moss')
    for (let i = 0; i < 3; i++) await click(button(container, 'Next'))
    await click(button(container, 'Save the changes'))
    await until(() => sent.length > 0)
    expect(sent[0].method).toBe('PUT')
    expect(sent[0].url).toBe('/api/v1/characters/c1')
    expect(sent[0].body).toMatchObject({ name: 'Moss', species: 'owl', traits: ['wise', 'sleepy'], bodyColor: '#123456', clothingColor: '#654321', visualDescription: 'a small owl with green feathers' })
  })

  it('deletes a character in no book after asking, and explains instead for one still in a book', async () => {
    const calls: string[] = []
    let items = [character(), character({ id: 'c2', name: 'Pip', species: 'fox', books: [{ id: 'b1', title: 'Pip and the Kite' }] })]
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`)
      if (init?.method === 'DELETE') { items = items.filter((c) => !url.endsWith(c.id)); return new Response(null, { status: 204 }) }
      return json(200, { items, page: 1, pageSize: 100, total: items.length })
    }))
    const { container } = await render(createElement(Characters))
    await until(() => container.textContent!.includes('Pip'))
    expect(container.querySelector<HTMLAnchorElement>('a[aria-label="Change Moss"]')!.getAttribute('href')).toBe('/characters/c1/edit')

    await click(container.querySelector<HTMLButtonElement>('button[aria-label="Delete Pip"]')!)
    expect(container.querySelector('[role="alertdialog"]')!.textContent).toContain('Pip is in “Pip and the Kite”. Take Pip out of that book first')
    expect(button(container, 'Delete Pip')).toBeUndefined()
    await click(button(container, 'Close'))

    await click(container.querySelector<HTMLButtonElement>('button[aria-label="Delete Moss"]')!)
    expect(calls.some((c) => c.startsWith('DELETE'))).toBe(false)
    await click(button(container, 'Delete Moss'))
    await until(() => container.querySelector('[role="status"]') !== null)
    expect(calls).toContain('DELETE /api/v1/characters/c1')
    expect(container.querySelector('[role="status"]')!.textContent).toBe('Moss was deleted.')
    await until(() => container.querySelector('button[aria-label="Delete Moss"]') === null)
  })
})
