import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api } from '../../lib/api'
import { download, keys } from '../../lib/resources'
import { ErrorBox, when } from '../../lib/ui'

/** One build of the book, as GET /books/{id}/versions gives it. */
export interface BookVersion {
  number: number; latest: boolean; createdAt: string; taskId: string | null; restoredFrom: number | null
  files: { name: string; size: number; url: string }[]
}

export const versionsQuery = (bookId: string) =>
  queryOptions({ queryKey: [...keys.book(bookId), 'versions'], queryFn: () => api.json<BookVersion[]>(`/api/v1/books/${bookId}/versions`) })

/** What a version is, in words: the number, when it was made and whether it copies an older one. */
export function versionWords(v: BookVersion): string {
  return `Version ${v.number}${v.latest ? ' (current)' : ''}, made ${when(v.createdAt)}${v.restoredFrom ? `, restored from version ${v.restoredFrom}` : ''}`
}

/**
 * Every build of the book, newest first, with "Restore this version": the older PDFs become the current ones (copied into a
 * new version, so the one that was current stays here) and the pages go back to what that version printed. On a book edited
 * since its last build, the current version offers to throw those edits away.
 */
export function Versions({ bookId, outdated, busy }: { bookId: string; outdated: boolean; busy: boolean }) {
  const qc = useQueryClient()
  const versions = useQuery(versionsQuery(bookId))
  const [asking, setAsking] = useState<number | null>(null)
  const [restoring, setRestoring] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)

  async function restore(v: BookVersion) {
    setRestoring(true)
    setError(null)
    try {
      const now = await api.send<BookVersion>('POST', `/api/v1/books/${bookId}/versions/${v.number}/restore`)
      setAsking(null)
      setDone(v.latest
        ? `Your edits since version ${v.number} were thrown away; the pages are as version ${v.number} printed them.`
        : `Version ${v.number} is the current one again (saved as version ${now.number}); the pages are as it printed them.`)
      await qc.invalidateQueries({ queryKey: keys.book(bookId) })
      await qc.invalidateQueries({ queryKey: keys.books })
    } catch (e) {
      setError(e)
    } finally {
      setRestoring(false)
    }
  }

  if (versions.isPending || versions.isError || versions.data.length === 0) return null
  const list = versions.data
  const chosen = list.find((v) => v.number === asking)

  return (
    <section aria-labelledby="versions">
      <h2 id="versions">Versions</h2>
      <p className="muted">Each time the PDFs are made, they are kept as a version. Restoring one brings back its PDFs and its pages.</p>
      <ul className="versions plain">
        {list.map((v) => (
          <li key={v.number}>
            <span>{versionWords(v)}</span>{' '}
            <button type="button" className="secondary"
              onClick={() => download(`/api/v1/books/${bookId}/files.zip?version=${v.number}`, `version-${v.number}.zip`).catch(setError)}>
              Download version {v.number}
            </button>{' '}
            {(!v.latest || outdated) && (
              <button type="button" className="secondary" disabled={busy || restoring} onClick={() => { setDone(null); setAsking(v.number) }}>
                {v.latest ? `Undo my edits since version ${v.number}…` : `Restore version ${v.number}…`}
              </button>
            )}
          </li>
        ))}
      </ul>
      {chosen && (
        <div className="confirm" role="alertdialog" aria-labelledby="restore-title" aria-describedby="restore-words">
          <h2 id="restore-title">{chosen.latest ? `Undo your edits since version ${chosen.number}?` : `Restore version ${chosen.number}?`}</h2>
          <p id="restore-words">
            {chosen.latest
              ? `The pages go back to what version ${chosen.number} printed: their words, their order and the pictures chosen. `
              : `Version ${chosen.number}’s PDFs become the current ones, and the pages go back to what it printed: their words, their order and the pictures chosen. The version that is current now stays in this list. `}
            {outdated && 'The edits you made since the PDFs were last made are in no version and will be lost; rebuild the PDFs first to keep them. '}
            The title, size and other settings stay as they are now.
          </p>
          <button type="button" onClick={() => void restore(chosen)} disabled={restoring} autoFocus>
            {restoring ? 'Restoring…' : chosen.latest ? 'Yes, undo my edits' : `Yes, restore version ${chosen.number}`}
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(null)}>Keep things as they are</button>
        </div>
      )}
      {done && <p role="status">{done}</p>}
      {error != null && <ErrorBox error={error} />}
    </section>
  )
}
