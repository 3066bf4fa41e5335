import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { api, ApiError } from '../../lib/api'
import { GlyphWarning } from '../../lib/glyphs'
import { GRADE_BANDS, gradeWords, readingLevel } from '../../lib/readingLevel'
import { bookQuery, keys, pagesQuery } from '../../lib/resources'
import type { Page, TaskEvent } from '../../lib/types'
import { Empty, ErrorBox, Loading, pageRoleName, SavedElsewhere } from '../../lib/ui'
import { editorApi } from './api'
import { PicturePicker } from './Pictures'
import { dropOrder, undoOrder } from './reorder'
import { TaskProgress } from './TaskProgress'

const MOVABLE = ['story', 'coloring-design']
const WITH_PICTURE = ['story', 'concept', 'coloring-design']

export function Editor() {
  const { id = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const book = useQuery(bookQuery(id))
  const pages = useQuery(pagesQuery(id))
  const qc = useQueryClient()
  // The last move, to undo: what was said and the order that puts the pages back.
  const [undo, setUndo] = useState<{ words: string; order: number[] } | null>(null)
  const [dragged, setDragged] = useState<number | null>(null)
  // Bumped by every move: a page's text box starts again from what is now at its number, never from the page that was there.
  const [moves, setMoves] = useState(0)

  const reorder = useMutation({
    mutationFn: (order: number[]) => api.send<Page[]>('POST', `/api/v1/books/${id}/pages/reorder`, { order }),
    onSuccess: (updated) => {
      for (const p of updated) sessionStorage.removeItem(`storyloom.draft.page.${id}.${p.number}`)
      setMoves((m) => m + 1)
      qc.setQueryData(keys.pages(id), updated)
      void qc.invalidateQueries({ queryKey: keys.book(id) })
    },
  })

  if (pages.isPending || book.isPending) return <Loading what="Loading the pages" />
  if (pages.isError) return <ErrorBox error={pages.error} retry={() => pages.refetch()} />
  if (book.isError) return <ErrorBox error={book.error} retry={() => book.refetch()} />
  if (pages.data.length === 0)
    return <Empty><p>This book has no pages yet. <Link to={`/books/${id}`}>Make the book</Link> first.</p></Empty>

  const cover = params.get('page') === 'cover'
  const selected = Number(params.get('page')) || pages.data.find((p) => MOVABLE.includes(p.role))?.number || 1
  const page = pages.data.find((p) => p.number === selected) ?? pages.data[0]
  const movable = pages.data.filter((p) => MOVABLE.includes(p.role))

  const slots = movable.map((p) => p.number)

  function apply(order: number[], words: string, goTo: number) {
    reorder.mutate(order, {
      onSuccess: () => {
        setUndo({ words, order: undoOrder(slots, order) })
        setParams({ page: String(goTo) })
      },
    })
  }

  function move(number: number, by: number) {
    const i = slots.indexOf(number)
    const j = i + by
    if (i < 0 || j < 0 || j >= slots.length) return
    apply(dropOrder(slots, number, slots[j])!, `Page ${number} is now page ${slots[j]}.`, slots[j])
  }

  function drop(target: number) {
    const order = dragged === null ? null : dropOrder(slots, dragged, target)
    setDragged(null)
    if (order) apply(order, `Page ${dragged} is now page ${target}.`, target)
  }

  function undoMove() {
    if (!undo) return
    reorder.mutate(undo.order, { onSuccess: () => setUndo(null) })
  }

  return (
    <>
      <div className="heading-row">
        <h1>Edit “{book.data.title}”</h1>
        <Link className="button secondary" to={`/books/${id}`}>Back to the book</Link>
      </div>
      <RebuildPrompt bookId={id} outdated={book.data.status === 'outdated'} />
      <div className="editor">
        <nav aria-label="Pages" className="thumbs">
          <ol>
            <li>
              <button type="button" className={`thumb ${cover ? 'current' : ''}`} aria-current={cover ? 'page' : undefined}
                onClick={() => setParams({ page: 'cover' })}>
                <span className="thumb-number">◼</span>
                <span className="thumb-role">cover</span>
                <span className="thumb-text">The front cover's picture</span>
              </button>
            </li>
            {pages.data.map((p) => (
              <li key={p.number} draggable={MOVABLE.includes(p.role) && !reorder.isPending} data-testid={MOVABLE.includes(p.role) ? 'movable' : undefined}
                className={dragged === p.number ? 'dragging' : undefined}
                onDragStart={(e) => { e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', String(p.number)); setDragged(p.number) }}
                onDragOver={(e) => { if (dragged !== null && MOVABLE.includes(p.role)) e.preventDefault() }}
                onDrop={(e) => { e.preventDefault(); drop(p.number) }}
                onDragEnd={() => setDragged(null)}>
                <button type="button" className={`thumb ${!cover && p.number === page.number ? 'current' : ''}`} aria-current={!cover && p.number === page.number ? 'page' : undefined}
                  onClick={() => setParams({ page: String(p.number) })}>
                  <span className="thumb-number">{p.number}</span>
                  <span className="thumb-role">{pageRoleName(p.role)}</span>
                  <span className="thumb-text">{p.text?.slice(0, 60) ?? ''}</span>
                </button>
                {MOVABLE.includes(p.role) && (
                  <span className="move">
                    <button type="button" className="icon" aria-label={`Move page ${p.number} earlier`} onClick={() => move(p.number, -1)} disabled={reorder.isPending}>↑</button>
                    <button type="button" className="icon" aria-label={`Move page ${p.number} later`} onClick={() => move(p.number, 1)} disabled={reorder.isPending}>↓</button>
                  </span>
                )}
              </li>
            ))}
          </ol>
          {undo && (
            <p role="status" className="undo-move">{undo.words} <button type="button" className="link" onClick={undoMove} disabled={reorder.isPending}>Undo the move</button></p>
          )}
          {slots.length > 1 && <p className="hint">Drag a page onto another to move it there, or use the arrows.</p>}
          {reorder.isError && <ErrorBox error={reorder.error} />}
        </nav>
        {cover
          ? <section className="page-edit" aria-labelledby="cover-title"><h2 id="cover-title">Cover</h2><PicturePicker key="cover" bookId={id} target="cover" /></section>
          : <PageText key={`${page.number}-${moves}`} bookId={id} page={page} ageGroup={book.data.ageGroup} />}
      </div>
    </>
  )
}

/** A page's text as the server has it now (after a refetch). */
const savedText = (qc: QueryClient, bookId: string, number: number) => qc.getQueryData<Page[]>(keys.pages(bookId))?.find((p) => p.number === number)?.text ?? ''

export function PageText({ bookId, page, ageGroup }: { bookId: string; page: Page; ageGroup: string }) {
  const qc = useQueryClient()
  const draftKey = `storyloom.draft.page.${bookId}.${page.number}`
  const [text, setText] = useState(() => sessionStorage.getItem(draftKey) ?? page.text ?? '')
  const dirty = text !== (page.text ?? '')
  useEffect(() => {
    if (dirty) sessionStorage.setItem(draftKey, text)
    else sessionStorage.removeItem(draftKey)
  }, [dirty, draftKey, text])

  const save = useMutation({
    // From the version this text was typed over: a save made elsewhere since is a 412, not silently overwritten.
    mutationFn: () => {
      const etag = (qc.getQueryData<Page[]>(keys.pages(bookId))?.find((p) => p.number === page.number) ?? page).etag
      return api.send<Page>('PUT', `/api/v1/books/${bookId}/pages/${page.number}/text`, { text }, etag ? { 'If-Match': etag } : undefined)
    },
    onSuccess: (saved) => {
      sessionStorage.removeItem(draftKey)
      qc.setQueryData<Page[]>(keys.pages(bookId), (old) => old?.map((p) => (p.number === saved.number ? saved : p)))
      void qc.invalidateQueries({ queryKey: keys.book(bookId) })
    },
  })
  const [rewriting, setRewriting] = useState<string | null>(null)
  const rewrite = useMutation({
    mutationFn: () => editorApi().rewriteText(bookId, page.number),
    onSuccess: (task) => setRewriting(task.id),
  })
  async function rewritten(last: TaskEvent | undefined) {
    setRewriting(null)
    void qc.invalidateQueries({ queryKey: keys.book(bookId) })
    await qc.invalidateQueries({ queryKey: keys.pages(bookId) })
    if (last?.type !== 'succeeded') return
    sessionStorage.removeItem(draftKey)
    setText(qc.getQueryData<Page[]>(keys.pages(bookId))?.find((p) => p.number === page.number)?.text ?? '')
  }
  const level = readingLevel(text)
  const band = GRADE_BANDS[ageGroup]
  const fits = band && (level.words === 0 || (level.grade >= band.min && level.grade <= band.max))

  return (
    <section className="page-edit" aria-labelledby="page-title">
      <h2 id="page-title">Page {page.number} <span className="muted">({pageRoleName(page.role)})</span></h2>
      <label htmlFor="page-text">Text</label>
      <textarea id="page-text" rows={8} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)}
        aria-describedby="reading-level" />
      <GlyphWarning text={text} />
      <p id="reading-level" className={fits ? 'ok' : 'warn'} aria-live="polite" data-testid="reading-level">
        Reading level: {gradeWords(level.grade)} · {level.words} words, {level.sentences} sentences
        {band && ` · ages ${ageGroup} (${band.label}) read up to grade ${band.max}`}
        {!fits && ' — try shorter sentences and simpler words'}
      </p>
      <div className="buttons">
        <button type="button" onClick={() => save.mutate()} disabled={!dirty || save.isPending}>{save.isPending ? 'Saving…' : 'Save text'}</button>
        <button type="button" className="secondary" onClick={() => setText(page.text ?? '')} disabled={!dirty}>Undo changes</button>
        {page.role === 'story' && (
          <button type="button" className="secondary" onClick={() => rewrite.mutate()} disabled={!!rewriting || rewrite.isPending}>Rewrite text</button>
        )}
        {save.isSuccess && !dirty && <span role="status" className="ok">Saved. Rebuild the book to print it.</span>}
      </div>
      {save.isError && (save.error instanceof ApiError && save.error.status === 412
        ? <SavedElsewhere error={save.error}
            reload={async () => { await qc.fetchQuery({ ...pagesQuery(bookId), staleTime: 0 }); save.reset(); sessionStorage.removeItem(draftKey); setText(savedText(qc, bookId, page.number)) }}
            keep={async () => { await qc.fetchQuery({ ...pagesQuery(bookId), staleTime: 0 }); save.reset() }} />
        : <ErrorBox error={save.error} retry={() => save.mutate()} />)}
      {rewrite.isError && <ErrorBox error={rewrite.error} retry={() => rewrite.mutate()} />}
      {rewriting && <TaskProgress taskId={rewriting} title={`Writing new text for page ${page.number}`} onDone={(last) => void rewritten(last)} />}
      {WITH_PICTURE.includes(page.role) && <PicturePicker key={page.number} bookId={bookId} target={page.number} />}
    </section>
  )
}

/** Shown while the book's files are out of date (a text or a picture changed): one click prints them again, with live progress. */
function RebuildPrompt({ bookId, outdated }: { bookId: string; outdated: boolean }) {
  const qc = useQueryClient()
  const [taskId, setTaskId] = useState<string | null>(null)
  const [result, setResult] = useState<TaskEvent | null>(null)
  const rebuild = useMutation({
    mutationFn: () => editorApi().rebuild(bookId),
    onSuccess: (task) => { setResult(null); setTaskId(task.id) },
  })
  function done(last: TaskEvent | undefined) {
    setTaskId(null)
    setResult(last ?? null)
    void qc.invalidateQueries({ queryKey: ['books'] })
  }
  if (!outdated && !taskId && !result) return null
  return (
    <div className="rebuild-prompt" role="region" aria-label="Rebuild">
      {outdated && !taskId && <p>Your changes are not in the PDFs yet. Rebuild them to print what you see here.</p>}
      {result && result.type !== 'succeeded' && <p className="warn" role="alert">The rebuild stopped: {result.message}</p>}
      {!outdated && result?.type === 'succeeded' && (
        <p role="status" className="ok">The PDFs are up to date. <Link to={`/books/${bookId}`}>Download them</Link> or <Link to={`/books/${bookId}/preview`}>preview them</Link>.</p>
      )}
      {outdated && !taskId && (
        <button type="button" onClick={() => rebuild.mutate()} disabled={rebuild.isPending}>{rebuild.isPending ? 'Starting…' : 'Rebuild the PDFs'}</button>
      )}
      {rebuild.isError && <ErrorBox error={rebuild.error} retry={() => rebuild.mutate()} />}
      {taskId && <TaskProgress taskId={taskId} title="Rebuilding the PDFs" onDone={done} />}
    </div>
  )
}
