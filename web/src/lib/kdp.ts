// The KDP paperback rules the wizard shows live; a port of src/Storyloom.Print/Kdp (KdpRules, Trim, PrintOptions, CoverGeometry).
export type Ink = 'bw' | 'standard-color' | 'premium-color'
export type Paper = 'white' | 'cream'
type TrimGroup = 'standard' | 'wide825' | 'wide85' | 'a4'

export interface Trim {
  name: string
  width: number
  height: number
  group: TrimGroup
}

const t = (width: number, height: number, group: TrimGroup): Trim => ({ name: `${width}x${height}`, width, height, group })

export const TRIMS: readonly Trim[] = [
  t(5, 8, 'standard'), t(5.06, 7.81, 'standard'), t(5.25, 8, 'standard'), t(5.5, 8.5, 'standard'), t(6, 9, 'standard'),
  t(6.14, 9.21, 'standard'), t(6.69, 9.61, 'standard'), t(7, 10, 'standard'), t(7.44, 9.69, 'standard'), t(7.5, 9.25, 'standard'),
  t(8, 10, 'standard'), t(8.25, 6, 'wide825'), t(8.25, 8.25, 'wide825'), t(8.5, 8.5, 'wide85'), t(8.5, 11, 'wide85'),
  t(8.27, 11.69, 'a4'),
]

export const BLEED_IN = 0.125
export const SPINE_TEXT_MIN_PAGES = 80

export const findTrim = (name: string): Trim | undefined => TRIMS.find((x) => x.name === name.replace(/\s/g, '').toLowerCase())

/** Inches of spine per page (R23); no constant is added for paperbacks. */
export function spineFactor(ink: Ink, paper: Paper): number {
  if (ink === 'bw') return paper === 'cream' ? 0.0025 : 0.002252
  return ink === 'premium-color' ? 0.002347 : 0.002252
}

export const spineWidthIn = (pages: number, ink: Ink, paper: Paper) => pages * spineFactor(ink, paper)

/** Allowed page range (§1.2); null when KDP does not offer the combination. */
export function pageRange(trim: Trim, ink: Ink, paper: Paper): { min: number; max: number } | null {
  if (paper === 'cream' && ink !== 'bw') return null
  if (ink === 'standard-color') return trim.group === 'a4' ? null : { min: 72, max: 600 }
  const cream = paper === 'cream'
  switch (trim.group) {
    case 'standard': return { min: 24, max: cream ? 776 : 828 }
    case 'wide825': return { min: 24, max: cream ? 750 : 800 }
    case 'wide85': return { min: 24, max: cream ? 550 : 590 }
    case 'a4': return ink === 'premium-color' ? { min: 24, max: 590 } : { min: 24, max: cream ? 730 : 780 }
  }
}

/** Minimum inside (gutter) margin by page count (R9). */
export function gutterIn(pages: number): number {
  if (pages <= 150) return 0.375
  if (pages <= 300) return 0.5
  if (pages <= 500) return 0.625
  if (pages <= 700) return 0.75
  return 0.875
}

export const outsideMarginIn = (bleed: boolean) => (bleed ? 0.375 : 0.25)

export interface PrintFigures {
  /** False while the page count is not a positive whole number: the sizes are then unknown, never NaN or negative. */
  pagesKnown: boolean
  spineIn: number
  coverWidthIn: number
  coverHeightIn: number
  range: { min: number; max: number } | null
  spineText: boolean
  problems: string[]
}

/** Everything the calculator shows, with each problem as a sentence that says what to change (PrintOptions.Validate). */
export function printFigures(trim: Trim, ink: Ink, paper: Paper, pages: number): PrintFigures {
  const pagesKnown = Number.isInteger(pages) && pages > 0
  const spineIn = pagesKnown ? spineWidthIn(pages, ink, paper) : 0
  const range = pageRange(trim, ink, paper)
  const problems: string[] = []
  if (paper === 'cream' && ink !== 'bw') problems.push(`Cream paper is only printed with black ink; choose white paper with ${ink}, or black ink with cream.`)
  if (ink === 'standard-color' && trim.group === 'a4') problems.push('Standard color is not offered at 8.27x11.69 (A4); choose premium color or another trim.')
  if (!Number.isInteger(pages) || pages <= 0) problems.push('Give a whole number of pages, for example 32.')
  else if (pages % 2 !== 0) problems.push(`${pages} pages is odd and KDP would add a blank page; use ${pages + 1} or ${Math.max(24, pages - 1)}.`)
  if (range && pagesKnown) {
    if (ink === 'standard-color' && pages < range.min) problems.push(`Standard color needs at least ${range.min} pages; choose premium color or add pages.`)
    else if (pages < range.min || pages > range.max)
      problems.push(`${trim.name} in with ${ink} ink on ${paper} paper allows ${range.min}–${range.max} pages; choose a page count in that range.`)
  }
  return {
    pagesKnown,
    spineIn,
    coverWidthIn: 2 * BLEED_IN + 2 * trim.width + spineIn,
    coverHeightIn: 2 * BLEED_IN + trim.height,
    range,
    spineText: pagesKnown && pages >= SPINE_TEXT_MIN_PAGES,
    problems,
  }
}

/** The page-count problem shown at the Pages field, or undefined when KDP prints that many pages with these choices. */
export function pagesProblem(trim: Trim, ink: Ink, paper: Paper, pages: number): string | undefined {
  if (!Number.isInteger(pages) || pages <= 0) return 'Type a whole number of pages, for example 32.'
  return printFigures(trim, ink, paper, pages).problems.find((p) => /pages/.test(p) && !/^Cream|^Standard color is not offered/.test(p))
}

export const inches = (n: number, digits = 3) => `${n.toFixed(digits)} in`
