import { describe, expect, it } from 'vitest'
import { readingLevel, syllables } from './readingLevel'

describe('reading level as you type', () => {
  it('counts syllables the usual way', () => {
    expect(syllables('cat')).toBe(1)
    expect(syllables('lantern')).toBe(2)
    expect(syllables('butterfly')).toBe(3)
    expect(syllables('made')).toBe(1)
  })

  it('gives a Flesch–Kincaid grade: short plain sentences read easier than long ones', () => {
    const easy = readingLevel('Pip ran. Pip hid. The sun came up.')
    const hard = readingLevel('Extraordinarily curious creatures investigated the mysterious illumination emanating from the abandoned observatory.')
    expect(easy.words).toBe(8)
    expect(easy.sentences).toBe(3)
    expect(easy.grade).toBeLessThan(1)
    expect(hard.grade).toBeGreaterThan(12)
    expect(readingLevel('').words).toBe(0)
  })
})
