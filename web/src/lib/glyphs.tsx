// Text the book's fonts cannot print. The print stack is Andika, the Noto families and DejaVu Sans (src/Storyloom.Core/Layout/Scripts.cs):
// it has letters, punctuation and plain symbols, but no colour emoji: an emoji prints as an empty box (most of them) or as DejaVu's
// black outline (a few faces and signs), and a private-use character always as an empty box. The preflight's GLYPH check finds the boxes.

const UNPRINTABLE = /[\p{Co}\uFE0F\u200D]|\p{Extended_Pictographic}/u

/** The distinct characters (whole emoji sequences kept together) that would print as an empty box; empty when all print. */
export function unprintable(text: string): string[] {
  const found = new Set<string>()
  const segments = typeof Intl.Segmenter === 'function'
    ? [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment)
    : [...text]
  for (const g of segments) {
    // Below the arrows (©, ®, ™, ‼ …) the fonts have the character, even where Unicode counts it as a pictograph.
    if ([...g].some((c) => c.codePointAt(0)! >= 0x2190 && UNPRINTABLE.test(c)) || /[\p{Co}]/u.test(g)) found.add(g)
  }
  return [...found]
}

/** A warning under a text field, while what is typed holds characters the print fonts lack. */
export function GlyphWarning({ text, id }: { text: string; id?: string }) {
  const chars = unprintable(text)
  if (chars.length === 0) return null
  return (
    <p className="field-error" role="status" id={id} data-testid="glyph-warning">
      {chars.join(' ')} will not print as you see {chars.length === 1 ? 'it' : 'them'}: the book’s fonts have no colour emoji, so
      {chars.length === 1 ? ' it prints' : ' they print'} as an empty box or a plain outline. Use words instead.
    </p>
  )
}
