import type { BookRequest } from '../../lib/types'

/** The wizard's eBook choice: the Kindle eBook is made after the print book; narration reads it aloud (story books only). */
export interface EbookValue { ebook: boolean; narrate: boolean }

export const noEbook: EbookValue = { ebook: false, narrate: false }

/** The request fields: a coloring book sends neither (a Kindle cannot be colored in); narration asks for the eBook too. */
export function ebookFields(v: EbookValue, coloring: boolean): Pick<BookRequest, 'formats' | 'narrate'> {
  if (coloring) return { formats: undefined, narrate: undefined }
  const ebook = v.ebook || v.narrate
  return { formats: ebook ? ['print', 'ebook'] : ['print'], narrate: ebook && v.narrate }
}

/** The review step's words. */
export function ebookWords(v: EbookValue, coloring: boolean): string {
  if (coloring) return 'Print only (a coloring book has no eBook)'
  if (v.narrate) return 'Paperback and Kindle eBook with read-along narration'
  return v.ebook ? 'Paperback and Kindle eBook' : 'Paperback only'
}

export interface ReadAlongClip { id: string; begin: number; end: number }
export interface ReadAlongBlock { class: 'text' | 'flow'; style: string; html: string }
export interface ReadAlongPage { number: number; image: string; alt: string; blocks: ReadAlongBlock[]; audio: string | null; seconds: number; clips: ReadAlongClip[] }
export interface ReadAlong {
  version: number; width: number; height: number; language: string; direction: 'ltr' | 'rtl'; narrated: boolean
  activeClass: string; css: string; pages: ReadAlongPage[]
}

/** The sentence being read at <paramref name="t"/> seconds, as the media overlay says; null in a pause or after the end. */
export function activeClip(clips: ReadAlongClip[], t: number): ReadAlongClip | null {
  return clips.find((c) => t >= c.begin && t < c.end) ?? null
}

/** A page's markup: the EPUB's own text boxes (live text, each sentence a span with its id) over its picture. */
export function pageHtml(page: ReadAlongPage): string {
  return page.blocks.map((b) => `<div class="${b.class === 'flow' ? 'flow' : 'text'}" style="${b.style.replace(/"/g, '&quot;')}">${b.html}</div>`).join('')
}
