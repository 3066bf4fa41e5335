// Text the book's fonts cannot print: the same ranges as the server's check (src/Storyloom.Core/Books/PrintableText.cs), which
// refuses such text when it is saved; here it is flagged while it is typed. Whatever slips through, preflight's GLYPH check finds.

const isPictograph = (cp: number) =>
  (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0x2b00 && cp <= 0x2bff) ||
  cp === 0xfe0f || cp === 0x200d || cp === 0x20e3 || (cp >= 0xe0020 && cp <= 0xe007f)

/** The distinct characters (whole emoji sequences kept together) the print fonts lack, in the order they appear. */
export function unprintable(text: string): string[] {
  const found: string[] = []
  const segments = typeof Intl.Segmenter === 'function'
    ? [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment)
    : [...text]
  for (const g of segments) {
    if ([...g].some((c) => isPictograph(c.codePointAt(0)!)) && !found.includes(g)) found.push(g)
  }
  return found
}

/** A warning under a text field, while what is typed holds characters the print fonts lack. */
export function GlyphWarning({ text, id }: { text: string; id?: string }) {
  const chars = unprintable(text)
  if (chars.length === 0) return null
  return (
    <p className="field-error" role="status" id={id} data-testid="glyph-warning">
      {chars.slice(0, 5).join(' ')} cannot be printed: the book’s fonts have no emoji or picture symbols, so {chars.length === 1 ? 'it' : 'they'} would
      come out as an empty box. Take {chars.length === 1 ? 'it' : 'them'} out or say it in words.
    </p>
  )
}
