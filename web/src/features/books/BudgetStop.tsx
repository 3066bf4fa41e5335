import { useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { api } from '../../lib/api'
import { keys } from '../../lib/resources'
import type { GenerationTask } from '../../lib/types'
import { ErrorBox, Field, fieldError } from '../../lib/ui'
import { money } from '../settings/aiSettingsForm'

/** A run stopped at its budget: say so in plain words, raise the book's cap and go on from the saved steps. */
export function BudgetStop({ bookId, task, onRetry }: { bookId: string; task: GenerationTask; onRetry: (taskId: string) => void }) {
  const qc = useQueryClient()
  const [budget, setBudget] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  async function go(e: FormEvent) {
    e.preventDefault()
    setError(null)
    setBusy(true)
    try {
      if (budget.trim() !== '') await api.send('PATCH', `/api/v1/books/${bookId}`, { budgetUsd: Number(budget) })
      const t = await api.send<{ id: string }>('POST', `/api/v1/tasks/${task.id}/retry`)
      void qc.invalidateQueries({ queryKey: keys.book(bookId) })
      onRetry(t.id)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="notice" role="alert">
      <p>The run stopped at its budget{task.usage ? ` after spending ${money(task.usage.costUsd)}` : ''}: {task.error}</p>
      <form onSubmit={go} className="inline-form">
        <Field label="New budget for this book (US dollars)" id="raiseBudget" error={fieldError(error, 'budgetUsd')} hint="Empty keeps it (raise your monthly budget in Settings instead).">
          <input id="raiseBudget" type="number" inputMode="decimal" min={0} step="0.01" value={budget} onChange={(e) => setBudget(e.target.value)} />
        </Field>
        <button type="submit" disabled={busy}>{busy ? 'Going on…' : 'Raise and go on'}</button>
      </form>
      {error != null && !fieldError(error, 'budgetUsd') && <ErrorBox error={error} />}
    </div>
  )
}
