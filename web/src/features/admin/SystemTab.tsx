import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { api, ApiError } from '../../lib/api'
import { alertRulesQuery, failuresQuery, systemQuery, taskStatsQuery, workersQuery } from '../../lib/resources'
import type { AlertRule } from '../../lib/types'
import { ErrorBox, Loading, when } from '../../lib/ui'
import { alertRequest, bytes, condition, duration, emptyAlertForm, knownMetrics, percent, type AlertForm } from './system'

/** The admin System tab: this server's health numbers, the job workers, the queue, recent failures, and the alert rules. */
export function SystemTab() {
  return (
    <>
      <SystemCard />
      <WorkersCard />
      <TasksCard />
      <FailuresCard />
      <AlertsCard />
    </>
  )
}

function SystemCard() {
  const q = useQuery(systemQuery())
  return (
    <section aria-labelledby="system-heading">
      <h2 id="system-heading">Server</h2>
      {q.isPending ? <Loading /> : q.isError ? <ErrorBox error={q.error} retry={() => q.refetch()} /> : (
        <dl className="stats">
          <div><dt>Version</dt><dd>{q.data.version}</dd></div>
          <div><dt>Up for</dt><dd>{duration(q.data.uptimeSeconds)}</dd></div>
          <div><dt>CPU</dt><dd>{percent(q.data.cpuRatio)} of {q.data.processorCount} cores</dd></div>
          <div><dt>Memory</dt><dd>{bytes(q.data.workingSetBytes)} of {bytes(q.data.totalMemoryBytes)}</dd></div>
          <div><dt>Disk free</dt><dd>{bytes(q.data.diskFreeBytes)} of {bytes(q.data.diskTotalBytes)}</dd></div>
          <div><dt>Database</dt><dd>{q.data.database === 'postgres' ? 'PostgreSQL' : 'SQLite'}</dd></div>
          <div><dt>Data folder</dt><dd><code>{q.data.dataDirectory}</code></dd></div>
        </dl>
      )}
    </section>
  )
}

function WorkersCard() {
  const q = useQuery(workersQuery())
  return (
    <section aria-labelledby="workers-heading">
      <h2 id="workers-heading">Workers</h2>
      {q.isPending ? <Loading /> : q.isError ? <ErrorBox error={q.error} retry={() => q.refetch()} /> : (
        <>
          {q.data.clustered ? (
            q.data.instances.length === 0 ? <p className="muted">No worker has checked in.</p> : (
              <table className="table">
                <caption className="sr-only">Worker check-ins</caption>
                <thead><tr><th scope="col">Instance</th><th scope="col">Last check-in</th><th scope="col">State</th></tr></thead>
                <tbody>
                  {q.data.instances.map((w) => (
                    <tr key={w.instance}><td>{w.instance}</td><td>{duration(w.secondsSinceCheckin)} ago</td><td>{w.alive ? 'alive' : 'silent'}</td></tr>
                  ))}
                </tbody>
              </table>
            )
          ) : (
            <p>{q.data.thisProcess ? `This server runs a worker (${q.data.thisProcess.status}, ${q.data.thisProcess.threadPoolSize} books at a time, ${q.data.thisProcess.jobsExecuted} jobs run).` : 'This server runs no worker.'}</p>
          )}
          {q.data.busy.length > 0 && (
            <p>Busy now: {q.data.busy.map((b) => `${b.worker} (${b.runningTasks})`).join(', ')}</p>
          )}
        </>
      )}
    </section>
  )
}

function TasksCard() {
  const q = useQuery(taskStatsQuery())
  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading">Tasks</h2>
      {q.isPending ? <Loading /> : q.isError ? <ErrorBox error={q.error} retry={() => q.refetch()} /> : (
        <>
          <dl className="stats">
            <div><dt>Waiting</dt><dd>{q.data.queueDepth}{q.data.oldestQueuedSeconds != null && ` (oldest ${duration(q.data.oldestQueuedSeconds)})`}</dd></div>
            {Object.entries(q.data.counts).map(([state, n]) => <div key={state}><dt>{state}</dt><dd>{n}</dd></div>)}
          </dl>
          {q.data.steps.length > 0 && (
            <table className="table">
              <caption className="sr-only">Recent step durations</caption>
              <thead><tr><th scope="col">Step</th><th scope="col">Runs</th><th scope="col">Average</th><th scope="col">Longest</th></tr></thead>
              <tbody>
                {q.data.steps.map((s) => (
                  <tr key={s.step}><td>{s.text}</td><td>{s.count}</td><td>{s.averageSeconds.toFixed(1)} s</td><td>{s.maxSeconds.toFixed(1)} s</td></tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  )
}

function FailuresCard() {
  const q = useQuery(failuresQuery())
  return (
    <section aria-labelledby="failures-heading">
      <h2 id="failures-heading">Recent failures</h2>
      {q.isPending ? <Loading /> : q.isError ? <ErrorBox error={q.error} retry={() => q.refetch()} /> : q.data.length === 0 ? <p className="muted">No failed tasks.</p> : (
        <ul className="plain">
          {q.data.map((f) => (
            <li key={f.taskId}>
              <strong>{f.bookTitle ?? 'A book'}</strong> ({f.owner}) · {f.stepText} · {f.finishedAt ? when(f.finishedAt) : ''}
              <br /><span className="muted">{f.error}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function AlertsCard() {
  const q = useQuery(alertRulesQuery())
  const qc = useQueryClient()
  const [form, setForm] = useState<AlertForm>(emptyAlertForm)
  const [errors, setErrors] = useState<Record<string, string>>({})
  // The signing secret comes once, in the answer that made it; it is shown until the admin moves on.
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null)
  const refresh = () => qc.invalidateQueries({ queryKey: ['admin-alerts'] })
  const showSecret = (r: AlertRule) => setSecret(r.signingSecret ? { name: r.name, value: r.signingSecret } : null)
  const create = useMutation({
    mutationFn: (body: unknown) => api.send<AlertRule>('POST', '/api/v1/admin/alerts', body),
    onSuccess: (r) => { setForm(emptyAlertForm); showSecret(r); void refresh() },
    onError: (e) => { if (e instanceof ApiError) setErrors(Object.fromEntries(Object.keys(e.fields).map((k) => [k, e.field(k)!]))) },
  })
  const remove = useMutation({ mutationFn: (id: string) => api.send('DELETE', `/api/v1/admin/alerts/${id}`), onSuccess: refresh })
  const toggle = useMutation({
    mutationFn: (r: AlertRule) => api.send('PUT', `/api/v1/admin/alerts/${r.id}`, {
      name: r.name, metric: r.metric, comparison: r.comparison, threshold: r.threshold, forSeconds: r.forSeconds, enabled: !r.enabled,
    }),
    onSuccess: refresh,
  })
  const rotate = useMutation({
    mutationFn: (r: AlertRule) => api.send<AlertRule>('PUT', `/api/v1/admin/alerts/${r.id}`, {
      name: r.name, metric: r.metric, comparison: r.comparison, threshold: r.threshold, forSeconds: r.forSeconds, enabled: r.enabled, rotateSigningSecret: true,
    }),
    onSuccess: (r) => { showSecret(r); void refresh() },
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const { request, errors: found } = alertRequest(form)
    setErrors(found)
    if (request) create.mutate(request)
  }
  const input = (key: keyof AlertForm) => ({
    id: `alert-${key}`, value: form[key], 'aria-invalid': errors[key] ? true : undefined, 'aria-describedby': errors[key] ? `alert-${key}-error` : undefined,
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  })
  const error = (key: string) => errors[key] && <p className="field-error" id={`alert-${key}-error`} role="alert">{errors[key]}</p>
  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Alerts</h2>
      {q.isPending ? <Loading /> : q.isError ? <ErrorBox error={q.error} retry={() => q.refetch()} /> : q.data.length === 0 ? <p className="muted">No alert rules yet.</p> : (
        <table className="table">
          <caption className="sr-only">Alert rules</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">When</th><th scope="col">Calls</th><th scope="col">State</th><th scope="col">Last value</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {q.data.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td><code>{condition(r)}</code></td>
                <td>{r.webhookHost}{r.signed === false && <><br /><span className="muted">unsigned</span></>}{r.lastDeliveryError && <><br /><span className="field-error">{r.lastDeliveryError}</span></>}</td>
                <td>{r.enabled ? r.state : 'off'}</td>
                <td>{r.lastValue ?? '—'}</td>
                <td>
                  <button type="button" className="link" onClick={() => toggle.mutate(r)}>{r.enabled ? 'Turn off' : 'Turn on'}</button>{' '}
                  <button type="button" className="link" onClick={() => rotate.mutate(r)} aria-label={`New signing secret for alert ${r.name}`}>New secret</button>{' '}
                  <button type="button" className="link" onClick={() => remove.mutate(r.id)} aria-label={`Delete alert ${r.name}`}>Delete</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {secret && (
        <div className="notice" role="status">
          <p>Signing secret for “{secret.name}” (shown only now; keep it with the webhook's receiver):</p>
          <p><code>{secret.value}</code></p>
          <p className="muted">Each call carries <code>Storyloom-Signature: t=…,v1=…</code>, the HMAC-SHA256 of <code>t.body</code> with this secret; the README shows how to check it.</p>
          <button type="button" className="link" onClick={() => setSecret(null)}>I have saved it</button>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-labelledby="new-alert-heading">
        <h3 id="new-alert-heading">New alert</h3>
        <div className="field"><label htmlFor="alert-name">Name</label><input {...input('name')} />{error('name')}</div>
        <div className="field">
          <label htmlFor="alert-metric">Metric</label>
          <input {...input('metric')} list="alert-metrics" />
          <datalist id="alert-metrics">{knownMetrics.map((m) => <option key={m} value={m} />)}</datalist>
          {error('metric')}
        </div>
        <div className="field">
          <label htmlFor="alert-comparison">Is</label>
          <select {...input('comparison')}>{['>', '>=', '<', '<='].map((c) => <option key={c} value={c}>{c}</option>)}</select>
          {error('comparison')}
        </div>
        <div className="field"><label htmlFor="alert-threshold">Threshold</label><input {...input('threshold')} inputMode="decimal" />{error('threshold')}</div>
        <div className="field"><label htmlFor="alert-forSeconds">For (seconds)</label><input {...input('forSeconds')} inputMode="numeric" />{error('forSeconds')}</div>
        <div className="field"><label htmlFor="alert-webhookUrl">Webhook URL</label><input {...input('webhookUrl')} type="url" placeholder="https://hooks.example.com/…" />{error('webhookUrl')}</div>
        {create.isError && !(create.error instanceof ApiError && Object.keys(create.error.fields).length > 0) && <ErrorBox error={create.error} />}
        <button type="submit" disabled={create.isPending}>Add alert</button>
      </form>
    </section>
  )
}
