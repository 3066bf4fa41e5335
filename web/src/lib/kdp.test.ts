import { describe, expect, it } from 'vitest'
import { findTrim, pageRange, pagesProblem, printFigures, spineWidthIn } from './kdp'

const square = findTrim('8.5x8.5')!
const letter = findTrim('8.5x11')!
const a4 = findTrim('8.27x11.69')!

describe('KDP calculator (same numbers as src/Storyloom.Print/Kdp)', () => {
  it('spine width is pages times the paper factor', () => {
    expect(spineWidthIn(32, 'premium-color', 'white')).toBeCloseTo(0.075104, 6)
    expect(spineWidthIn(100, 'bw', 'white')).toBeCloseTo(0.2252, 6)
    expect(spineWidthIn(100, 'bw', 'cream')).toBeCloseTo(0.25, 6)
    expect(spineWidthIn(100, 'standard-color', 'white')).toBeCloseTo(0.2252, 6)
  })

  it('cover width adds the spine and bleed on both sides', () => {
    const f = printFigures(square, 'premium-color', 'white', 100)
    expect(f.coverWidthIn).toBeCloseTo(0.25 + 17 + 0.2347, 6)
    expect(f.coverHeightIn).toBeCloseTo(8.75, 6)
    expect(f.spineText).toBe(true)
    expect(printFigures(square, 'premium-color', 'white', 32).spineText).toBe(false)
  })

  it('page ranges follow the trim group, ink and paper', () => {
    expect(pageRange(square, 'premium-color', 'white')).toEqual({ min: 24, max: 590 })
    expect(pageRange(letter, 'bw', 'cream')).toEqual({ min: 24, max: 550 })
    expect(pageRange(findTrim('6x9')!, 'bw', 'white')).toEqual({ min: 24, max: 828 })
    expect(pageRange(square, 'standard-color', 'white')).toEqual({ min: 72, max: 600 })
    expect(pageRange(a4, 'standard-color', 'white')).toBeNull()
    expect(pageRange(square, 'premium-color', 'cream')).toBeNull()
  })

  it('says what to change for odd, too few and impossible combinations', () => {
    expect(printFigures(square, 'premium-color', 'white', 33).problems[0]).toMatch(/odd.*34 or 32/)
    expect(printFigures(square, 'standard-color', 'white', 32).problems[0]).toMatch(/at least 72 pages/)
    expect(printFigures(square, 'premium-color', 'cream', 32).problems[0]).toMatch(/Cream paper is only printed with black ink/)
    expect(printFigures(square, 'premium-color', 'white', 600).problems[0]).toMatch(/allows 24–590 pages/)
    expect(printFigures(square, 'premium-color', 'white', 32).problems).toEqual([])
  })

  it('an empty, fractional or negative page count is a problem at the field, with no NaN or negative spine', () => {
    for (const pages of [Number.NaN, -4, 0, 12.5]) {
      const f = printFigures(square, 'premium-color', 'white', pages)
      expect(f.pagesKnown).toBe(false)
      expect(f.spineIn).toBe(0)
      expect(Number.isFinite(f.coverWidthIn)).toBe(true)
      expect(f.coverWidthIn).toBeGreaterThan(0)
      expect(pagesProblem(square, 'premium-color', 'white', pages)).toMatch(/whole number of pages/)
    }
    expect(pagesProblem(square, 'premium-color', 'white', 600)).toMatch(/allows 24–590 pages/)
    expect(pagesProblem(square, 'premium-color', 'white', 33)).toMatch(/odd/)
    expect(pagesProblem(square, 'premium-color', 'white', 32)).toBeUndefined()
    expect(pagesProblem(square, 'premium-color', 'cream', 32)).toBeUndefined()
  })
})
