import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { api, toApiError } from '../../lib/api'
import { ErrorBox, Loading } from '../../lib/ui'
import { activeClip, pageHtml, type ReadAlong as ReadAlongData } from './ebook'

const SHOWN_WIDTH = 320

/** A picture or a sound from inside the stored EPUB, fetched with the access token (an <img> or <audio> cannot send it). */
function useItem(bookId: string, path: string | null) {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    if (!path) return
    let made: string | null = null
    let live = true
    void api.fetch(`/api/v1/books/${bookId}/ebook/items/${path}`).then(async (res) => {
      if (!res.ok) throw await toApiError(res)
      made = URL.createObjectURL(await res.blob())
      if (live) setUrl(made)
    }).catch(() => live && setUrl(null))
    return () => {
      live = false
      setUrl(null)
      if (made) URL.revokeObjectURL(made)
    }
  }, [bookId, path])
  return path ? url : null
}

/**
 * The eBook as a reader sees it: one page at a time, the picture with its live text over it, and for a narrated eBook the
 * page's sound with each sentence highlighted while it is read (the media overlay's own timing); "Read to me" turns the pages.
 */
export function ReadAlong({ bookId }: { bookId: string }) {
  const book = useQuery({ queryKey: ['books', bookId, 'read-along'], queryFn: () => api.json<ReadAlongData>(`/api/v1/books/${bookId}/ebook/read-along`) })
  const [index, setIndex] = useState(0)
  const [reading, setReading] = useState(false)
  const [active, setActive] = useState<string | null>(null)
  const sheet = useRef<HTMLDivElement>(null)
  const player = useRef<HTMLAudioElement>(null)
  const data = book.data
  const page = data?.pages[Math.min(index, data.pages.length - 1)]
  const picture = useItem(bookId, page?.image ?? null)
  const sound = useItem(bookId, page?.audio ?? null)

  // The sentence being read carries the EPUB's active class, as a reading system sets it.
  useEffect(() => {
    const root = sheet.current
    if (!root || !data) return
    ;[...root.getElementsByClassName(data.activeClass)].forEach((e) => e.classList.remove(data.activeClass))
    if (active) [...root.querySelectorAll('[id]')].find((e) => e.id === active)?.classList.add(data.activeClass)
  }, [active, data, page])

  useEffect(() => {
    if (reading && sound && player.current) void player.current.play().catch(() => setReading(false))
  }, [reading, sound])

  // A page with nothing to read (the copyright page) is shown a moment, then the reading goes on.
  useEffect(() => {
    if (!reading || !data || !page || page.audio !== null) return
    const next = setTimeout(() => (index < data.pages.length - 1 ? setIndex(index + 1) : setReading(false)), 1500)
    return () => clearTimeout(next)
  }, [reading, data, page, index])

  if (book.isPending) return <Loading what="the eBook" />
  if (book.isError) return <ErrorBox error={book.error} />
  if (!data || !page) return <p className="muted">The eBook has no pages.</p>
  const scale = SHOWN_WIDTH / data.width
  const go = (to: number) => {
    setActive(null)
    setIndex(Math.max(0, Math.min(data.pages.length - 1, to)))
  }

  return (
    <div className="read-along" data-testid="read-along">
      <style>{`
        .read-along .sheet { position: relative; overflow: hidden; background: #fff; transform-origin: 0 0; }
        .read-along .sheet img { position: absolute; inset: 0; width: 100%; height: 100%; }
        .read-along .sheet .text { position: absolute; box-sizing: border-box; overflow: hidden; }
        .read-along .sheet .flow { position: absolute; display: flex; flex-direction: column; }
        .read-along .sheet .text p { margin: 0 0 0.45em 0; }
        .read-along .sheet .${data.activeClass} { background-color: #ffe66d; color: #1a1a1a; border-radius: 0.15em; }
      `}</style>
      <div style={{ width: data.width * scale, height: data.height * scale }}>
        <div ref={sheet} className="sheet" dir={data.direction} lang={data.language}
          style={{ width: data.width, height: data.height, transform: `scale(${scale})` }}>
          {picture && <img src={picture} alt={page.alt} />}
          <div dangerouslySetInnerHTML={{ __html: pageHtml(page) }} />
        </div>
      </div>
      <p className="muted" aria-live="polite">Page {page.number} ({index + 1} of {data.pages.length})</p>
      <div className="actions">
        <button type="button" className="secondary" disabled={index === 0} onClick={() => go(index - 1)}>Previous page</button>
        <button type="button" className="secondary" disabled={index === data.pages.length - 1} onClick={() => go(index + 1)}>Next page</button>
        {data.narrated && (
          <button type="button" onClick={() => {
            if (reading) player.current?.pause()
            setReading(!reading)
          }}>{reading ? 'Stop reading' : 'Read to me'}</button>
        )}
      </div>
      {data.narrated && (
        <audio ref={player} src={sound ?? undefined} controls={page.audio !== null} data-testid="page-audio"
          onTimeUpdate={(e) => setActive(activeClip(page.clips, e.currentTarget.currentTime)?.id ?? null)}
          onEnded={() => {
            setActive(null)
            if (reading && index < data.pages.length - 1) go(index + 1)
            else setReading(false)
          }} />
      )}
      {!data.narrated && <p className="hint">This eBook is not narrated: ask for read-along narration in the brief and make the book again to hear it.</p>}
    </div>
  )
}
