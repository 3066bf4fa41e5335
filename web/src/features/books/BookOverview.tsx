import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { api } from '../../lib/api'
import { followEvents } from '../../lib/events'
import { inches } from '../../lib/kdp'
import { bookQuery, download, fileUrl, keys, startGeneration, tasksQuery } from '../../lib/resources'
import { FINISHED, type TaskEvent } from '../../lib/types'
import { ErrorBox, Linked, Loading, StatusBadge } from '../../lib/ui'
import { BudgetStop } from './BudgetStop'
import { CanvaBook } from './CanvaBook'

const FILES = [
  ['interior.pdf', 'Interior PDF'], ['cover.pdf', 'Cover PDF'], ['listing.json', 'Listing (title, description, keywords)'],
] as const

export function BookOverview() {
  const { id = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const qc = useQueryClient()
  const book = useQuery(bookQuery(id))
  const tasks = useQuery(tasksQuery(id))
  const active = tasks.data?.items.find((t) => !FINISHED.includes(t.status))
  const taskId = params.get('task') ?? active?.id ?? null
  const [starting, setStarting] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [downloadError, setDownloadError] = useState<unknown>(null)

  async function generate() {
    setStarting(true)
    setError(null)
    try {
      const task = await startGeneration(id)
      if (task) setParams({ task: task.id })
      await qc.invalidateQueries({ queryKey: keys.book(id) })
    } catch (e) {
      setError(e)
    } finally {
      setStarting(false)
    }
  }

  if (book.isPending) return <Loading what="Loading the book" />
  if (book.isError) return <ErrorBox error={book.error} retry={() => book.refetch()} />
  const b = book.data
  const written = b.pages.length > 0
  const lastTask = tasks.data?.items[0]

  return (
    <>
      <div className="heading-row">
        <h1>{b.title}</h1>
        <StatusBadge status={b.status} />
      </div>
      <p className="muted">
        {b.kind === 'coloring' ? 'Coloring book' : 'Picture book'}{b.author ? ` by ${b.author}` : ''} · ages {b.ageGroup} · {b.theme}
      </p>
      <section className="actions" aria-label="Actions">
        <button type="button" onClick={generate} disabled={starting || !!active}>
          {starting ? 'Starting…' : written ? 'Make the book again' : 'Make the book'}
        </button>
        <Link className={`button secondary ${written ? '' : 'disabled'}`} to={`/books/${id}/edit`} aria-disabled={!written}>Edit pages</Link>
        <Link className="button secondary" to={`/books/${id}/preview`}>Print preview</Link>
        <Link className="button secondary" to={`/books/${id}/preflight`}>Preflight report</Link>
      </section>
      {error != null && <ErrorBox error={error} retry={generate} />}
      {taskId && <Progress taskId={taskId} onDone={() => {
        void qc.invalidateQueries({ queryKey: ['books'] })
        void qc.invalidateQueries({ queryKey: keys.tasks })
      }} />}
      {!taskId && lastTask?.status === 'budget-reached' && <BudgetStop bookId={id} task={lastTask} onRetry={(t) => setParams({ task: t })} />}
      {!taskId && lastTask?.status === 'failed' && (
        <div className="error" role="alert">
          <p>The last run stopped at “{lastTask.stepText}”: <Linked text={lastTask.error ?? 'no reason given'} /></p>
          <button type="button" className="secondary" onClick={async () => {
            const t = await api.send<{ id: string }>('POST', `/api/v1/tasks/${lastTask.id}/retry`).catch((e: unknown) => { setError(e); return null })
            if (t) setParams({ task: t.id })
          }}>Retry from there</button>
        </div>
      )}

      <div className="columns">
        <section aria-labelledby="print">
          <h2 id="print">Print</h2>
          <dl className="facts">
            <dt>Trim</dt><dd>{b.trim} in{b.bleed ? ', with bleed' : ''}</dd>
            <dt>Ink and paper</dt><dd>{b.ink}, {b.paper}</dd>
            <dt>Pages</dt><dd>{b.pageCount}</dd>
            <dt>Spine</dt><dd>{inches(b.spineWidthIn)}</dd>
            <dt>Cast</dt><dd>{b.characters.map((c) => c.name).join(', ') || 'not chosen yet'}</dd>
            <dt>Publisher</dt><dd>{b.imprint ?? 'none named'}</dd>
            <dt>In the book</dt><dd>{b.reviewedByAuthor ? 'says you reviewed it' : 'claims no review'}; {b.credit ? 'credits Storyloom' : 'no Storyloom name'}</dd>
          </dl>
        </section>
        <section aria-labelledby="downloads">
          <h2 id="downloads">Downloads</h2>
          {b.status !== 'ready' && <p className="muted">The files appear here once the book is made.</p>}
          <ul className="downloads">
            {FILES.map(([name, label]) => (
              <li key={name}>
                <button type="button" className="secondary" disabled={b.status === 'generating'}
                  onClick={() => download(fileUrl(id, name), name).catch(setDownloadError)}>
                  {label}
                </button>
              </li>
            ))}
            <li>
              <button type="button" disabled={b.status === 'generating'} onClick={() => download(`/api/v1/books/${id}/files.zip`, 'book.zip').catch(setDownloadError)}>
                Everything (zip)
              </button>
            </li>
          </ul>
          {downloadError != null && <ErrorBox error={downloadError} />}
        </section>
      </div>

      <CanvaBook bookId={id} failed={params.get('canva') === 'failed'} />

      <section aria-labelledby="pages">
        <h2 id="pages">Pages</h2>
        {!written ? <p className="muted">No pages yet: make the book to write them.</p> : (
          <ul className="page-list plain">
            {b.pages.map((p) => (
              <li key={p.number}><span className="muted">{p.number} · {p.role}</span> {p.excerpt}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}

function Progress({ taskId, onDone }: { taskId: string; onDone: () => void }) {
  const [events, setEvents] = useState<TaskEvent[]>([])
  const [error, setError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  const last = events.at(-1)
  const finished = last && FINISHED.includes(last.type)

  useEffect(() => {
    const abort = new AbortController()
    setError(null)
    followEvents<TaskEvent>(api, `/api/v1/tasks/${taskId}/events`, (e) => setEvents((old) => (old.some((x) => x.id === e.id) ? old : [...old, e])), abort.signal)
      .then(() => onDone())
      .catch((e: unknown) => !abort.signal.aborted && setError(e))
    return () => abort.abort()
    // onDone is a fresh closure each render; the stream depends only on the task
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [taskId, attempt])

  const percent = last?.percent ?? 0
  return (
    <section className="progress-box" aria-labelledby="progress">
      <h2 id="progress">{finished ? (last.type === 'succeeded' ? 'Your book is ready' : `Stopped: ${last.type}`) : 'Making your book'}</h2>
      <progress max={100} value={percent} aria-label="Progress">{percent}%</progress>
      <p aria-live="polite" data-testid="progress-text">
        {last ? <>{percent}% · {last.stepText}: <Linked text={last.message} /></> : 'Waiting for a worker…'}
      </p>
      {finished && last.type !== 'succeeded' && <p className="muted">Use “Retry” below the book's title to carry on from the step that stopped.</p>}
      {error != null && <ErrorBox error={error} retry={() => setAttempt(attempt + 1)} />}
      <details>
        <summary>Every step</summary>
        <ol className="log">{events.map((e) => <li key={e.id}>{e.percent}% {e.stepText}: {e.message}</li>)}</ol>
      </details>
    </section>
  )
}
