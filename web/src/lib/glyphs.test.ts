import { describe, expect, it } from 'vitest'
import { unprintable } from './glyphs'

describe('characters the print fonts lack', () => {
  it('finds emoji (whole sequences) and picture symbols as the server does, not letters, accents or © and ™', () => {
    expect(unprintable('Pip the fox')).toEqual([])
    expect(unprintable('Ça va, Zoë? © 2026 Acorn™ — “yes” … Привет, Γειά, مرحبا, 你好')).toEqual([])
    expect(unprintable('Pip 🦊 and Moss 🦉🦊')).toEqual(['🦊', '🦉'])
    expect(unprintable('a heart ❤️ and a family 👨‍👩‍👧')).toEqual(['❤️', '👨‍👩‍👧'])
    expect(unprintable('sun ☀ and star ⭐')).toEqual(['☀', '⭐'])
  })
})

describe('the warning under a field', () => {
  it('names the characters and says what to do, and is absent for plain text', async () => {
    const { createElement } = await import('react')
    const { render } = await import('../test/render')
    const { GlyphWarning } = await import('./glyphs')
    const plain = await render(createElement(GlyphWarning, { text: 'Pip the fox' }))
    expect(plain.container.querySelector('[data-testid="glyph-warning"]')).toBeNull()
    const fox = await render(createElement(GlyphWarning, { text: 'Pip 🦊' }))
    expect(fox.container.querySelector('[data-testid="glyph-warning"]')!.textContent).toMatch(/🦊 cannot be printed: .* empty box\. Take it out or say it in words/)
  })
})
