import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { Link, useParams } from 'react-router'
import { gutterIn, outsideMarginIn, spineWidthIn, type Ink, type Paper } from '../../lib/kdp'
import { bookQuery, fileUrl } from '../../lib/resources'
import type { Book } from '../../lib/types'
import { Empty, ErrorBox, Loading } from '../../lib/ui'
import { loadPdf, renderPage, type PdfDocument } from './pdf'

export function Preview() {
  const { id = '' } = useParams()
  const book = useQuery(bookQuery(id))
  const interior = useQuery({ queryKey: ['pdf', id, 'interior'], queryFn: () => loadPdf(fileUrl(id, 'interior.pdf')), staleTime: Infinity, gcTime: 60_000 })
  const cover = useQuery({ queryKey: ['pdf', id, 'cover'], queryFn: () => loadPdf(fileUrl(id, 'cover.pdf')), staleTime: Infinity, gcTime: 60_000 })
  const [guides, setGuides] = useState(true)
  const [spread, setSpread] = useState(0)

  if (book.isPending || interior.isPending) return <Loading what="Opening the print files" />
  if (book.isError) return <ErrorBox error={book.error} retry={() => book.refetch()} />
  if (interior.isError) return <ErrorBox error={interior.error} retry={() => interior.refetch()} />
  if (!interior.data)
    return <Empty><p>Nothing to preview yet: the print files appear once the book is made. <Link to={`/books/${id}`}>Make the book</Link></p></Empty>

  const count = interior.data.numPages
  // Page 1 is a right-hand page alone; then 2–3, 4–5 … as the book opens.
  const spreads: number[][] = [[1]]
  for (let p = 2; p <= count; p += 2) spreads.push(p + 1 <= count ? [p, p + 1] : [p])
  const current = spreads[Math.min(spread, spreads.length - 1)]

  return (
    <>
      <div className="heading-row">
        <h1>Print preview</h1>
        <Link className="button secondary" to={`/books/${id}`}>Back to the book</Link>
      </div>
      <div className="toolbar">
        <label className="inline">
          <input type="checkbox" checked={guides} onChange={(e) => setGuides(e.target.checked)} /> Show trim, bleed and safe-area guides
        </label>
        <span className="legend"><i className="g-trim" /> trim <i className="g-bleed" /> bleed <i className="g-safe" /> safe area</span>
      </div>
      <section aria-labelledby="spreads">
        <h2 id="spreads">Pages {current.join('–')} of {count}</h2>
        <div className="pager" onKeyDown={(e) => {
          if (e.key === 'ArrowRight') setSpread(Math.min(spreads.length - 1, spread + 1))
          if (e.key === 'ArrowLeft') setSpread(Math.max(0, spread - 1))
        }}>
          <button type="button" className="secondary" onClick={() => setSpread(Math.max(0, spread - 1))} disabled={spread === 0}>← Previous</button>
          <label htmlFor="spread" className="sr-only">Spread</label>
          <input id="spread" type="range" min={0} max={spreads.length - 1} value={spread} onChange={(e) => setSpread(e.target.valueAsNumber)} />
          <button type="button" className="secondary" onClick={() => setSpread(Math.min(spreads.length - 1, spread + 1))} disabled={spread >= spreads.length - 1}>Next →</button>
        </div>
        <div className={`spread ${current[0] === 1 ? 'first' : ''}`}>
          {current.map((n) => <PdfPage key={n} doc={interior.data!} number={n} guides={guides} book={book.data} />)}
        </div>
      </section>
      <section aria-labelledby="cover-title">
        <h2 id="cover-title">Cover with spine</h2>
        {cover.isPending ? <Loading /> : cover.isError ? <ErrorBox error={cover.error} retry={() => cover.refetch()} /> :
          cover.data ? <PdfPage doc={cover.data} number={1} guides={guides} book={book.data} cover /> : <p className="muted">No cover built yet.</p>}
      </section>
    </>
  )
}

function PdfPage({ doc, number, guides, book, cover = false }: { doc: PdfDocument; number: number; guides: boolean; book: Book; cover?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const box = useRef<HTMLDivElement>(null)
  const [size, setSize] = useState<{ w: number; h: number } | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    const el = canvas.current
    const width = Math.min(cover ? 1100 : 520, (box.current?.parentElement?.clientWidth ?? 600) / (cover ? 1 : 2) - 8)
    if (el) renderPage(doc, number, el, Math.max(140, width)).then(setSize, setError)
  }, [doc, number, cover])

  return (
    <figure className="pdf-page" ref={box}>
      <div className="pdf-canvas">
        <canvas ref={canvas} aria-label={cover ? 'The wrap cover' : `Page ${number}`} role="img" />
        {guides && size && <Guides size={size} number={number} book={book} cover={cover} />}
      </div>
      <figcaption>{cover ? 'Back · spine · front' : `Page ${number}`}</figcaption>
      {error != null && <ErrorBox error={error} />}
    </figure>
  )
}

/** Guides from the KDP geometry (InteriorGeometry / CoverGeometry), drawn in the page's own points. */
function Guides({ size, number, book, cover }: { size: { w: number; h: number }; number: number; book: Book; cover: boolean }) {
  const pt = 72
  const b = book.bleed || cover ? 0.125 * pt : 0
  const rects: { cls: string; x: number; y: number; w: number; h: number }[] = []
  const lines: number[] = []
  if (cover) {
    const spine = spineWidthIn(book.pageCount, book.ink as Ink, book.paper as Paper) * pt
    const trimW = (size.w - 2 * b - spine) / 2
    rects.push({ cls: 'g-trim', x: b, y: b, w: size.w - 2 * b, h: size.h - 2 * b })
    rects.push({ cls: 'g-safe', x: b + 0.25 * pt, y: b + 0.25 * pt, w: trimW - 0.5 * pt, h: size.h - 2 * b - 0.5 * pt })
    rects.push({ cls: 'g-safe', x: b + trimW + spine + 0.25 * pt, y: b + 0.25 * pt, w: trimW - 0.5 * pt, h: size.h - 2 * b - 0.5 * pt })
    lines.push(b + trimW, b + trimW + spine)
  } else {
    const recto = number % 2 === 1
    const x0 = recto ? 0 : b
    const trimW = size.w - b
    const trimH = size.h - 2 * b
    rects.push({ cls: 'g-trim', x: x0, y: b, w: trimW, h: trimH })
    const inside = gutterIn(book.pageCount) * pt
    const outside = outsideMarginIn(book.bleed) * pt
    rects.push({ cls: 'g-safe', x: x0 + (recto ? inside : outside), y: b + outside, w: trimW - inside - outside, h: trimH - 2 * outside })
  }
  return (
    <svg className="guides" viewBox={`0 0 ${size.w} ${size.h}`} preserveAspectRatio="none" aria-hidden="true">
      {b > 0 && <rect className="g-bleed" x={0} y={0} width={size.w} height={size.h} />}
      {rects.map((r, i) => <rect key={i} className={r.cls} x={r.x} y={r.y} width={r.w} height={r.h} />)}
      {lines.map((x) => <line key={x} className="g-spine" x1={x} x2={x} y1={0} y2={size.h} />)}
    </svg>
  )
}
