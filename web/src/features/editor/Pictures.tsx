import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { keys } from '../../lib/resources'
import type { PictureCandidate, TaskEvent } from '../../lib/types'
import { ErrorBox, Loading } from '../../lib/ui'
import { editorApi, picturesKey, picturesQuery, type PictureTarget } from './api'
import { TaskProgress } from './TaskProgress'
import './editor.css'

/** "New pictures" for a page or the cover: live progress, then the original and every candidate drawn so far in a grid, the chosen one marked. */
export function PicturePicker({ bookId, target }: { bookId: string; target: PictureTarget }) {
  const qc = useQueryClient()
  const pictures = useQuery(picturesQuery(bookId, target))
  const [taskId, setTaskId] = useState<string | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const where = target === 'cover' ? 'the cover' : `page ${target}`

  const draw = useMutation({
    mutationFn: () => editorApi().regeneratePicture(bookId, target),
    onSuccess: (task) => { setFailed(null); setTaskId(task.id) },
  })
  const choose = useMutation({
    mutationFn: (candidateId: string | null) => editorApi().choosePicture(bookId, target, candidateId),
    onSuccess: (list) => {
      qc.setQueryData(picturesKey(bookId, target), list)
      void qc.invalidateQueries({ queryKey: keys.book(bookId) })
    },
  })

  function drawn(last: TaskEvent | undefined) {
    setTaskId(null)
    if (last?.type !== 'succeeded') setFailed(last ? `${last.stepText}: ${last.message}` : 'The drawing stopped.')
    void qc.invalidateQueries({ queryKey: picturesKey(bookId, target) })
  }

  const list = pictures.data
  return (
    <section className="pictures" aria-labelledby="pictures-title">
      <h3 id="pictures-title">{target === 'cover' ? 'Cover picture' : 'Picture'}</h3>
      <p className="muted">Draw new pictures for {where} and choose the one you like best. Earlier pictures stay here.</p>
      <div className="buttons">
        <button type="button" onClick={() => draw.mutate()} disabled={!!taskId || draw.isPending}>
          {draw.isPending ? 'Starting…' : 'New pictures'}
        </button>
      </div>
      {draw.isError && <ErrorBox error={draw.error} retry={() => draw.mutate()} />}
      {taskId && <TaskProgress taskId={taskId} title={`Drawing new pictures for ${where}`} onDone={drawn} />}
      {failed && <p className="warn" role="alert">{failed}</p>}
      {pictures.isPending && <Loading what="Loading the pictures" />}
      {pictures.isError && <ErrorBox error={pictures.error} retry={() => pictures.refetch()} />}
      {list && list.candidates.length > 0 && (
        <ul className="candidates" aria-label={`Pictures for ${where}`}>
          <li className={`candidate ${list.chosenId === null ? 'chosen' : ''}`} data-testid="original">
            {list.original
              ? <Thumb url={list.original.url} alt="The picture the book was made with" />
              : <div className="candidate-original">The picture the book was made with</div>}
            {list.original && <span className="candidate-caption">Original</span>}
            {list.chosenId === null
              ? <span className="badge badge-ready">Chosen</span>
              : <button type="button" className="secondary" onClick={() => choose.mutate(null)} disabled={choose.isPending}>Use the original</button>}
          </li>
          {list.candidates.map((c, i) => (
            <Candidate key={c.id} candidate={c} index={i + 1} busy={choose.isPending} onChoose={() => choose.mutate(c.id)} />
          ))}
        </ul>
      )}
      {choose.isError && <ErrorBox error={choose.error} />}
    </section>
  )
}

/** A picture fetched with the API's credentials (an <img> cannot send them); a picture's URL never changes its content. */
function Thumb({ url, alt }: { url: string; alt: string }) {
  const image = useQuery({
    queryKey: ['picture', url],
    queryFn: () => editorApi().pictureUrl(url),
    staleTime: Infinity,
    gcTime: Infinity,
  })
  const [zoomed, setZoomed] = useState(false)
  if (!image.data) return <div className="candidate-original"><span className="spinner" aria-hidden="true" /></div>
  return (
    <>
      <img src={image.data} alt={alt} />
      <button type="button" className="link zoom" onClick={() => setZoomed(true)} aria-label={`Look closer at ${alt.charAt(0).toLowerCase()}${alt.slice(1)}`}>Look closer</button>
      {zoomed && (
        <div className="zoom-view" role="dialog" aria-modal="true" aria-label={alt} onClick={() => setZoomed(false)}
          onKeyDown={(e) => { if (e.key === 'Escape') setZoomed(false) }}>
          <img src={image.data} alt="" />
          <button type="button" autoFocus onClick={() => setZoomed(false)}>Close</button>
        </div>
      )}
    </>
  )
}

function Candidate({ candidate, index, busy, onChoose }: { candidate: PictureCandidate; index: number; busy: boolean; onChoose: () => void }) {
  return (
    <li className={`candidate ${candidate.chosen ? 'chosen' : ''}`} data-testid="candidate">
      <Thumb url={candidate.url} alt={`New picture ${index}`} />
      {candidate.chosen
        ? <span className="badge badge-ready">Chosen</span>
        : <button type="button" className="secondary" onClick={onChoose} disabled={busy}>Use picture {index}</button>}
    </li>
  )
}
