// A Flesch–Kincaid grade as you type, after src/Storyloom.Core/Story/ReadabilityMeter.cs (the server's figure is the judge).
export interface ReadingLevel {
  words: number
  sentences: number
  grade: number
}

export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '')
  if (w.length === 0) return 0
  if (w.length <= 3) return 1
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '')
  const groups = trimmed.match(/[aeiouy]{1,2}/g)
  return Math.max(1, groups ? groups.length : 1)
}

export function readingLevel(text: string): ReadingLevel {
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []
  if (words.length === 0) return { words: 0, sentences: 0, grade: 0 }
  const sentences = Math.max(1, (text.match(/[.!?]+(\s|$)/g) ?? []).length)
  const syl = words.reduce((sum, w) => sum + syllables(w), 0)
  const grade = 0.39 * (words.length / sentences) + 11.8 * (syl / words.length) - 15.59
  return { words: words.length, sentences, grade: Math.round(grade * 10) / 10 }
}

/** The grade band each age band reads comfortably (ReadabilityTarget.For). */
export const GRADE_BANDS: Record<string, { min: number; max: number; label: string }> = {
  '0-2': { min: -3, max: 1.5, label: 'board book' },
  '3-5': { min: -3, max: 2.5, label: 'read-aloud' },
  '6-8': { min: 0, max: 4, label: 'early reader' },
  '9-12': { min: 3, max: 6, label: 'chapter book' },
}

export function gradeWords(grade: number): string {
  if (grade < 1) return 'very easy (below grade 1)'
  return `grade ${grade.toFixed(1)}`
}
