import * as pdfjs from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import { api, toApiError } from '../../lib/api'

// The worker is a file of this app ('self'), so the server's Content-Security-Policy holds.
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl

export type PdfDocument = pdfjs.PDFDocumentProxy

/** Loads a built PDF with the access token; null when it is not built yet (404). */
export async function loadPdf(path: string): Promise<PdfDocument | null> {
  const res = await api.fetch(path)
  if (res.status === 404) return null
  if (!res.ok) throw await toApiError(res)
  const data = new Uint8Array(await res.arrayBuffer())
  return pdfjs.getDocument({ data, isEvalSupported: false }).promise
}

/** Renders one page into the canvas at the given CSS width; returns the page size in points. */
export async function renderPage(doc: PdfDocument, number: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<{ w: number; h: number }> {
  const page = await doc.getPage(number)
  const base = page.getViewport({ scale: 1 })
  const scale = (cssWidth / base.width) * Math.min(2, window.devicePixelRatio || 1)
  const viewport = page.getViewport({ scale })
  canvas.width = Math.round(viewport.width)
  canvas.height = Math.round(viewport.height)
  canvas.style.width = `${cssWidth}px`
  await page.render({ canvas, viewport }).promise
  return { w: base.width, h: base.height }
}
