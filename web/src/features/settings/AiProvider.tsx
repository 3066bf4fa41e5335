import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { ApiError } from '../../lib/api'
import { aiSettingsQuery, useSaveAiSettings } from '../../lib/resources'
import type { AiSettings } from '../../lib/types'
import { ErrorBox, Field, fieldError, Loading, SavedElsewhere } from '../../lib/ui'
import { formFrom, keyWords, money, toRequest } from './aiSettingsForm'

/** Settings → AI provider: an OpenAI-compatible server, the user's own key (write-only), models and a monthly budget. */
export function AiProvider() {
  const settings = useQuery(aiSettingsQuery())
  return (
    <section aria-labelledby="engine">
      <h2 id="engine">AI provider and budget</h2>
      <p className="muted">The offline engines are free and need nothing here. To write and paint with a language and an image model, use OpenAI or any compatible server.</p>
      {settings.isPending ? <Loading /> : settings.isError ? <ErrorBox error={settings.error} retry={() => settings.refetch()} /> : <AiProviderForm settings={settings.data} />}
    </section>
  )
}

export function AiProviderForm({ settings }: { settings: AiSettings }) {
  const save = useSaveAiSettings()
  const qc = useQueryClient()
  const [form, setForm] = useState(() => formFrom(settings))
  const [removeKey, setRemoveKey] = useState(false)
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }))
  const err = (name: string) => fieldError(save.error, name)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate(toRequest(form, removeKey), { onSuccess: (saved) => { setForm(formFrom(saved)); setRemoveKey(false) } })
  }
  const shown = save.data ?? settings
  const e = shown.effective
  return (
    <form onSubmit={submit} aria-label="AI provider">
      <Field label="Provider" id="provider">
        <select id="provider" value="openai" disabled><option value="openai">OpenAI or a compatible server</option></select>
      </Field>
      <p className="notice" data-testid="key-status">{keyWords(shown)}</p>
      <Field label="API key" id="apiKey" error={err('apiKey')} hint={shown.apiKeySet ? 'Leave empty to keep the saved key; type a new one to replace it.' : undefined}>
        <input id="apiKey" type="password" autoComplete="off" spellCheck={false} value={form.apiKey} onChange={set('apiKey')}
          placeholder={shown.apiKeySet ? `saved key …${shown.apiKeyLast4 ?? ''}` : 'sk-…'} disabled={removeKey} />
      </Field>
      {shown.apiKeySet && (
        <label className="inline">
          <input type="checkbox" checked={removeKey} onChange={(ev) => setRemoveKey(ev.target.checked)} /> Remove my saved key
        </label>
      )}
      <Field label="Base URL (optional)" id="baseUrl" error={err('baseUrl')} hint={`Needs your own key. Empty: ${e.keySource === 'server' ? 'the server’s provider' : e.baseUrl}.`}>
        <input id="baseUrl" type="url" inputMode="url" value={form.baseUrl} onChange={set('baseUrl')} placeholder="http://127.0.0.1:11434/v1" />
      </Field>
      <div className="columns">
        <Field label="Text model" id="textModel" error={err('textModel')}>
          <input id="textModel" value={form.textModel} onChange={set('textModel')} placeholder={e.textModel} />
        </Field>
        <Field label="Image model" id="imageModel" error={err('imageModel')}>
          <input id="imageModel" value={form.imageModel} onChange={set('imageModel')} placeholder={e.imageModel} />
        </Field>
        <Field label="Moderation model" id="moderationModel" error={err('moderationModel')}>
          <input id="moderationModel" value={form.moderationModel} onChange={set('moderationModel')} placeholder={e.moderationModel} />
        </Field>
      </div>
      <Field label="Monthly budget (US dollars)" id="monthlyBudget" error={err('monthlyBudgetUsd')}
        hint={`Spent this month: ${money(shown.spentThisMonthUsd)}. A run that reaches the budget stops cleanly and goes on after you raise it. Empty: no cap.`}>
        <input id="monthlyBudget" type="number" inputMode="decimal" min={0} step="0.01" value={form.monthlyBudget} onChange={set('monthlyBudget')} />
      </Field>
      {save.isError && (save.error instanceof ApiError && save.error.status === 412
        ? <SavedElsewhere error={save.error} reload={async () => {
            const fresh = await qc.fetchQuery({ ...aiSettingsQuery(), staleTime: 0 })
            save.reset()
            setForm(formFrom(fresh))
          }} />
        : !['apiKey', 'baseUrl', 'textModel', 'imageModel', 'moderationModel', 'monthlyBudgetUsd'].some(err) && <ErrorBox error={save.error} />)}
      {save.isSuccess && <p role="status" className="ok">AI settings saved.</p>}
      <button type="submit" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save AI settings'}</button>
    </form>
  )
}
