import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Link, useLocation } from 'react-router'
import { api } from '../../lib/api'
import { apiKeysQuery } from '../../lib/resources'
import { session } from '../../lib/session'
import { ErrorBox, Field, fieldError, Loading, when } from '../../lib/ui'
import { AiProvider } from './AiProvider'
import { CanvaSettings } from './CanvaSettings'

export function Settings() {
  // Opened from a step of the new-book wizard: a link back to that step (its draft is kept).
  const returnTo = (useLocation().state as { returnTo?: unknown } | null)?.returnTo
  const back = typeof returnTo === 'string' && returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : null
  return (
    <>
      <h1>Settings</h1>
      {back && <p><Link to={back}>Back to your new book</Link></p>}
      <p className="muted">Signed in as {session.user?.email}.</p>
      <div className="columns">
        <Password />
        <ApiKeys />
      </div>
      <AiProvider />
      <CanvaSettings />
    </>
  )
}

function Password() {
  const [form, setForm] = useState({ currentPassword: '', newPassword: '' })
  const change = useMutation({ mutationFn: () => api.send('POST', '/api/v1/auth/change-password', form) })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    change.mutate(undefined, { onSuccess: () => setForm({ currentPassword: '', newPassword: '' }) })
  }
  return (
    <section aria-labelledby="pw">
      <h2 id="pw">Password</h2>
      <form onSubmit={submit}>
        <Field label="Current password" id="currentPassword" error={fieldError(change.error, 'currentPassword')}>
          <input id="currentPassword" type="password" autoComplete="current-password" value={form.currentPassword} onChange={(e) => setForm({ ...form, currentPassword: e.target.value })} />
        </Field>
        <Field label="New password" id="newPassword" error={fieldError(change.error, 'newPassword')}>
          <input id="newPassword" type="password" autoComplete="new-password" value={form.newPassword} onChange={(e) => setForm({ ...form, newPassword: e.target.value })} />
        </Field>
        {change.isError && !fieldError(change.error, 'newPassword') && !fieldError(change.error, 'currentPassword') && <ErrorBox error={change.error} />}
        {change.isSuccess && <p role="status" className="ok">Password changed.</p>}
        <button type="submit" disabled={change.isPending}>Change password</button>
      </form>
    </section>
  )
}

function ApiKeys() {
  const qc = useQueryClient()
  const keys = useQuery(apiKeysQuery())
  const [name, setName] = useState('')
  const create = useMutation({
    mutationFn: () => api.send<{ key: string }>('POST', '/api/v1/auth/api-keys', { name }),
    onSuccess: () => { setName(''); void qc.invalidateQueries({ queryKey: ['api-keys'] }) },
  })
  const revoke = useMutation({
    mutationFn: (id: string) => api.send('DELETE', `/api/v1/auth/api-keys/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['api-keys'] }),
  })
  return (
    <section aria-labelledby="keys">
      <h2 id="keys">API keys</h2>
      <p className="muted">For scripts that call the Storyloom API.</p>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate() }} className="inline-form">
        <Field label="Name of a new key" id="keyName" error={fieldError(create.error, 'name')}>
          <input id="keyName" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <button type="submit" disabled={create.isPending}>Create key</button>
      </form>
      {create.data && <p className="notice" role="status">Copy this key now; it is shown once: <code>{create.data.key}</code></p>}
      {keys.isPending ? <Loading /> : keys.isError ? <ErrorBox error={keys.error} retry={() => keys.refetch()} /> : keys.data.length === 0 ? <p className="muted">No keys.</p> : (
        <ul className="plain">
          {keys.data.map((k) => (
            <li key={k.id}>
              <strong>{k.name}</strong> <code>{k.prefix}…</code> <span className="muted">made {when(k.createdAt)}</span>{' '}
              <button type="button" className="link" onClick={() => revoke.mutate(k.id)}>Revoke</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
