import type { BookRequest } from '../../lib/types'

/** The longest text each field of a brief may hold: the same numbers as the server's and the CLI's (BriefLimits). */
export const LIMITS = {
  title: 120, author: 120, theme: 500, moral: 300, dedication: 300, aboutAuthor: 1200, imprint: 80,
} as const

/** What the book prints besides its story: only what the user gives or asks for. */
export interface MatterValue {
  dedication: string; aboutAuthor: string; meetTheCharacters: boolean; imprint: string; reviewedByAuthor: boolean; credit: boolean
}

export const noMatter: MatterValue = {
  dedication: '', aboutAuthor: '', meetTheCharacters: false, imprint: '', reviewedByAuthor: false, credit: false,
}

/** The request fields of the front and back matter; empty texts are left out, so the server prints nothing for them. */
export function matterFields(m: MatterValue, coloring: boolean): Partial<BookRequest> {
  const text = (s: string) => s.trim() || undefined
  return {
    dedication: text(m.dedication), aboutAuthor: text(m.aboutAuthor), imprint: text(m.imprint),
    meetTheCharacters: coloring ? undefined : m.meetTheCharacters, reviewedByAuthor: m.reviewedByAuthor, credit: m.credit,
  }
}

/** The review step's words for the matter. */
export function matterWords(author: string, m: MatterValue): string[] {
  return [
    author.trim() ? `By ${author.trim()}` : 'No author line',
    m.imprint.trim() ? `Published by ${m.imprint.trim()}` : 'No publisher named',
    m.reviewedByAuthor ? 'Says you reviewed the text and every picture' : 'Claims no review',
    m.credit ? 'Credits Storyloom on the copyright page' : 'No Storyloom name in the book',
  ]
}
