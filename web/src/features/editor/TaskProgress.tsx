import { useEffect, useState } from 'react'
import { api } from '../../lib/api'
import { followEvents } from '../../lib/events'
import { FINISHED, type TaskEvent } from '../../lib/types'
import { ErrorBox } from '../../lib/ui'

/** Live progress of one task from its event stream; calls onDone once when the stream ends. */
export function TaskProgress({ taskId, title, onDone }: { taskId: string; title: string; onDone: (last: TaskEvent | undefined) => void }) {
  const [events, setEvents] = useState<TaskEvent[]>([])
  const [error, setError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  const last = events.at(-1)

  useEffect(() => {
    const abort = new AbortController()
    const seen: TaskEvent[] = []
    setError(null)
    followEvents<TaskEvent>(api, `/api/v1/tasks/${taskId}/events`, (e) => {
      if (seen.some((x) => x.id === e.id)) return
      seen.push(e)
      setEvents([...seen])
    }, abort.signal)
      .then(() => onDone(seen.at(-1)))
      .catch((e: unknown) => !abort.signal.aborted && setError(e))
    return () => abort.abort()
    // onDone is a fresh closure each render; the stream depends only on the task
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [taskId, attempt])

  const percent = last?.percent ?? 0
  const failed = last && FINISHED.includes(last.type) && last.type !== 'succeeded'
  return (
    <div className="progress-box" data-testid="task-progress">
      <p><strong>{title}</strong></p>
      <progress max={100} value={percent} aria-label={title}>{percent}%</progress>
      <p aria-live="polite" className={failed ? 'warn' : undefined}>
        {last ? `${percent}% · ${last.stepText}: ${last.message}` : 'Waiting for a worker…'}
      </p>
      {error != null && <ErrorBox error={error} retry={() => setAttempt(attempt + 1)} />}
    </div>
  )
}
