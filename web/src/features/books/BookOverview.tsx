import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type FormEvent } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { actionKey, api, ApiError } from '../../lib/api'
import { followEvents } from '../../lib/events'
import { inches } from '../../lib/kdp'
import { bookQuery, keys, patchBook, startGeneration, tasksQuery } from '../../lib/resources'
import { FINISHED, type Book, type TaskEvent } from '../../lib/types'
import { ErrorBox, Linked, Loading, pageRoleName, SavedElsewhere, StatusBadge } from '../../lib/ui'
import { editorApi } from '../editor/api'
import { BudgetStop } from './BudgetStop'
import { CanvaBook } from './CanvaBook'
import { DownloadList } from './DownloadList'
import { Listing } from './Listing'
import { Versions } from './Versions'
import { ReadAlong } from './ReadAlong'

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

  const navigate = useNavigate()
  const [confirming, setConfirming] = useState<'again' | 'delete' | null>(null)
  const [renaming, setRenaming] = useState<string | null>(null)

  async function run(start: () => Promise<{ id: string } | null>) {
    setStarting(true)
    setError(null)
    setConfirming(null)
    try {
      const task = await start()
      if (task) setParams({ task: task.id })
      await qc.invalidateQueries({ queryKey: keys.book(id) })
    } catch (e) {
      setError(e)
    } finally {
      setStarting(false)
    }
  }
  const generate = () => run(() => startGeneration(id))
  // Rebuilding prints the book as it is now, with every edit; making it again writes a new story.
  const rebuild = () => run(() => editorApi().rebuild(id))

  async function cancel(taskId: string) {
    setError(null)
    await api.send('POST', `/api/v1/tasks/${taskId}/cancel`).catch((e: unknown) => setError(e))
    await qc.invalidateQueries({ queryKey: keys.tasks })
  }

  async function remove() {
    setError(null)
    try {
      await api.send('DELETE', `/api/v1/books/${id}`)
      await qc.invalidateQueries({ queryKey: keys.books })
      navigate('/books', { replace: true })
    } catch (e) {
      setError(e)
    }
  }

  const [duplicating, setDuplicating] = useState(false)
  // One key per click: a retry after a lost answer, or a second click, gets the same copy instead of a second one.
  async function duplicate() {
    setDuplicating(true)
    setError(null)
    try {
      const copy = await api.send<Book>('POST', `/api/v1/books/${id}/duplicate`, undefined, { 'Idempotency-Key': actionKey() })
      await qc.invalidateQueries({ queryKey: keys.books })
      navigate(`/books/${copy.id}`)
    } catch (e) {
      setError(e)
    } finally {
      setDuplicating(false)
    }
  }

  async function rename(e: FormEvent) {
    e.preventDefault()
    const title = renaming?.trim()
    if (!title) return
    setError(null)
    try {
      const book = await patchBook(id, qc.getQueryData<Book>(keys.book(id))?.etag, { title })
      qc.setQueryData(keys.book(id), book)
      await qc.invalidateQueries({ queryKey: keys.books })
      setRenaming(null)
    } catch (err) {
      setError(err)
    }
  }

  if (book.isPending) return <Loading what="Loading the book" />
  if (book.isError) return <ErrorBox error={book.error} retry={() => book.refetch()} />
  const b = book.data
  const written = b.pages.length > 0
  const outdated = b.status === 'outdated'
  const lastTask = tasks.data?.items[0]

  return (
    <>
      <div className="heading-row">
        {renaming === null ? <h1>{b.title}</h1> : (
          <form className="rename" onSubmit={rename} aria-label="Rename the book">
            <label htmlFor="new-title" className="sr-only">New title</label>
            <input id="new-title" value={renaming} maxLength={200} onChange={(e) => setRenaming(e.target.value)} autoFocus />
            <button type="submit" disabled={!renaming.trim()}>Save title</button>
            <button type="button" className="secondary" onClick={() => setRenaming(null)}>Cancel</button>
          </form>
        )}
        <StatusBadge status={b.status} />
      </div>
      <p className="muted">
        {b.kind === 'coloring' ? 'Coloring book' : 'Picture book'}{b.author ? ` by ${b.author}` : ''} · ages {b.ageGroup} · {b.theme}
      </p>
      <section className="actions" aria-label="Actions">
        {outdated && (
          <button type="button" onClick={rebuild} disabled={starting || !!active}>
            {starting ? 'Starting…' : 'Rebuild the PDFs with my edits'}
          </button>
        )}
        <button type="button" className={outdated ? 'secondary' : undefined} disabled={starting || !!active}
          onClick={() => (written ? setConfirming('again') : void generate())}>
          {starting && !outdated ? 'Starting…' : written ? 'Write a new story…' : 'Make the book'}
        </button>
        {active && <button type="button" className="secondary" onClick={() => void cancel(active.id)}>Stop making it</button>}
        <Link className={`button secondary ${written ? '' : 'disabled'}`} to={`/books/${id}/edit`} aria-disabled={!written}>Edit pages</Link>
        <Link className="button secondary" to={`/books/${id}/preview`}>Print preview</Link>
        <Link className="button secondary" to={`/books/${id}/preflight`}>Preflight report</Link>
        <button type="button" className="secondary" onClick={() => setRenaming(b.title)} disabled={renaming !== null}>Rename</button>
        <button type="button" className="secondary" onClick={() => void duplicate()} disabled={duplicating || !!active}>
          {duplicating ? 'Making a copy…' : 'Duplicate'}
        </button>
        <button type="button" className="secondary danger" onClick={() => setConfirming('delete')} disabled={!!active}>Delete…</button>
      </section>
      {confirming === 'again' && (
        <div className="confirm" role="alertdialog" aria-labelledby="again-title" aria-describedby="again-words">
          <h2 id="again-title">Write a new story?</h2>
          <p id="again-words">
            This writes a new story and draws new pictures from the same brief; the pages you see now{outdated ? ', with your edits,' : ''} are
            replaced. The PDFs made so far stay under earlier versions. {outdated ? 'To print your edits, rebuild the PDFs instead.' : ''}
          </p>
          <button type="button" onClick={generate} autoFocus>Yes, write a new story</button>
          <button type="button" className="secondary" onClick={() => setConfirming(null)}>Keep this book</button>
        </div>
      )}
      {confirming === 'delete' && (
        <div className="confirm" role="alertdialog" aria-labelledby="delete-title" aria-describedby="delete-words">
          <h2 id="delete-title">Delete “{b.title}”?</h2>
          <p id="delete-words">The book, its pages, its pictures and every PDF made of it are deleted. This cannot be undone.</p>
          <button type="button" className="danger" onClick={() => void remove()} autoFocus>Delete the book</button>
          <button type="button" className="secondary" onClick={() => setConfirming(null)}>Keep it</button>
        </div>
      )}
      {error != null && (error instanceof ApiError && error.status === 412
        ? <SavedElsewhere error={error} reload={async () => { setError(null); setRenaming(null); await book.refetch() }} />
        : <ErrorBox error={error} />)}
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
            <dt>Formats</dt><dd>{b.formats?.includes('ebook') ? `paperback and Kindle eBook${b.narrate ? ', narrated' : ''}` : 'paperback'}</dd>
            <dt>In the book</dt><dd>{b.reviewedByAuthor ? 'says you reviewed it' : 'claims no review'}; {b.credit ? 'credits Storyloom' : 'no Storyloom name'}</dd>
          </dl>
        </section>
        <section aria-labelledby="downloads">
          <h2 id="downloads">Downloads</h2>
          {b.status !== 'ready' && <p className="muted">The files appear here once the book is made.</p>}
          <DownloadList bookId={id} busy={b.status === 'generating'} ebook={b.formats?.includes('ebook') ?? false} />
        </section>
      </div>

      {b.status !== 'generating' && b.status !== 'draft' && <Listing bookId={id} />}

      <Versions bookId={id} outdated={outdated} busy={!!active || b.status === 'generating'} />
      {b.formats?.includes('ebook') && (b.status === 'ready' || b.status === 'outdated') && (
        <section aria-labelledby="read-along">
          <h2 id="read-along">{b.narrate ? 'Read-along preview' : 'eBook preview'}</h2>
          <ReadAlong bookId={id} />
        </section>
      )}

      <CanvaBook bookId={id} failed={params.get('canva') === 'failed'} />

      <section aria-labelledby="pages">
        <h2 id="pages">Pages</h2>
        {!written ? <p className="muted">No pages yet: make the book to write them.</p> : (
          <ul className="page-list plain">
            {b.pages.map((p) => (
              <li key={p.number}><span className="muted">{p.number} · {pageRoleName(p.role)}</span> {p.excerpt}</li>
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
      {finished && last.type !== 'succeeded' && <p className="muted">{last.type === 'cancelled' ? 'Stopped as you asked; nothing made so far is lost.' : 'Use “Retry from there” above to carry on from the step that stopped.'}</p>}
      {error != null && <ErrorBox error={error} retry={() => setAttempt(attempt + 1)} />}
      <details>
        <summary>Every step</summary>
        <ol className="log">{events.map((e) => <li key={e.id}>{e.percent}% {e.stepText}: {e.message}</li>)}</ol>
      </details>
    </section>
  )
}
