import { describe, expect, it } from 'vitest'
import { pageRoleName, plainWords } from './ui'

describe('plain words for slugs', () => {
  it('names page roles as a reader would', () => {
    expect(pageRoleName('the-end')).toBe('The End')
    expect(pageRoleName('blank-back')).toBe('Blank back')
    expect(pageRoleName('coloring-design')).toBe('Coloring page')
  })
  it('names statuses in words, and makes an unknown slug readable', () => {
    expect(plainWords('outdated')).toBe('Edited since the PDFs were made')
    expect(plainWords('budget-reached')).toBe('Stopped at the budget')
    expect(plainWords('some-new-state')).toBe('Some new state')
  })
})
