import { useMutation, useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Link, useParams } from 'react-router'
import { api, toApiError } from '../../lib/api'
import { TRIMS } from '../../lib/kdp'
import { preflightQuery } from '../../lib/resources'
import type { ContentReport, PreflightReport } from '../../lib/types'
import { Empty, ErrorBox, Field, Loading } from '../../lib/ui'

export function Preflight() {
  const { id } = useParams()
  return id ? <BookPreflight id={id} /> : <UploadPreflight />
}

function BookPreflight({ id }: { id: string }) {
  const report = useQuery(preflightQuery(id))
  return (
    <>
      <div className="heading-row">
        <h1>Preflight report</h1>
        <Link className="button secondary" to={`/books/${id}`}>Back to the book</Link>
      </div>
      {report.isPending ? <Loading what="Reading the report" /> : report.isError ? <ErrorBox error={report.error} retry={() => report.refetch()} /> :
        report.data ? <Report report={report.data} /> : <Empty><p>No report yet: preflight runs when the book is made.</p></Empty>}
    </>
  )
}

const is = (a: string | undefined, b: string) => (a ?? '').toLowerCase().replace(/[^a-z]/g, '') === b

export function Report({ report }: { report: PreflightReport }) {
  const [onlyProblems, setOnlyProblems] = useState(false)
  const failedMust = report.checks.filter((c) => is(c.status, 'fail') && is(c.level, 'must'))
  const warnings = report.checks.filter((c) => is(c.status, 'fail') && !is(c.level, 'must'))
  const verdict = report.verdict ?? (failedMust.length > 0 ? 'FAIL' : warnings.length > 0 ? 'PASS with warnings' : 'PASS')
  const shown = onlyProblems ? report.checks.filter((c) => is(c.status, 'fail')) : report.checks
  return (
    <>
      <p className={`verdict ${failedMust.length ? 'fail' : 'pass'}`} role="status" data-testid="verdict">
        {verdict}: {report.checks.length} checks, {failedMust.length} must-fix, {warnings.length} warnings
      </p>
      {report.content && <PictureCheck content={report.content} />}
      <label className="inline"><input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} /> Only problems</label>
      <table className="table report">
        <caption className="sr-only">Every KDP rule checked</caption>
        <thead><tr><th scope="col">Rule</th><th scope="col">File</th><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Details (pages concerned)</th></tr></thead>
        <tbody>
          {shown.map((c) => (
            <tr key={`${c.rule}-${c.file}`} className={is(c.status, 'fail') ? (is(c.level, 'must') ? 'row-fail' : 'row-warn') : ''}>
              <td>{c.rule}</td>
              <td>{c.file}</td>
              <td>{c.title} <span className="muted">({c.level.toLowerCase()})</span></td>
              <td>{is(c.status, 'pass') ? '✓ pass' : is(c.status, 'fail') ? '✗ fail' : 'n/a'}</td>
              <td>{c.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

/** The AI pictures' own check: a badge, then every picture still wrong after its redraws and every one printed soft. */
function PictureCheck({ content }: { content: ContentReport }) {
  const soft = (content.resolution ?? []).filter((r) => r.finding)
  const wrong = content.pictures.filter((p) => !p.passed)
  const ok = wrong.length === 0 && soft.length === 0
  return (
    <section aria-label="Picture check">
      <p className={`verdict ${ok ? 'pass' : 'fail'}`} data-testid="picture-check">
        Pictures {ok ? '✓' : '!'} {content.checked} checked by {content.checker}, {content.redrawn} redrawn, {content.stillFailing} still wrong{soft.length > 0 ? `, ${soft.length} under 200 ppi` : ''}
      </p>
      {(wrong.length > 0 || soft.length > 0) && (
        <ul>
          {wrong.map((p) => <li key={p.picture}>{p.picture}: {p.problems.join('; ')} (after {p.redraws} redraws)</li>)}
          {soft.map((r) => <li key={`ppi-${r.picture}`}>{r.finding}</li>)}
        </ul>
      )}
    </section>
  )
}

function UploadPreflight() {
  const [trim, setTrim] = useState('8.5x8.5')
  const [ink, setInk] = useState('premium-color')
  const [bleed, setBleed] = useState(true)
  const [interior, setInterior] = useState<File | null>(null)
  const [cover, setCover] = useState<File | null>(null)
  const run = useMutation({
    mutationFn: async () => {
      const body = new FormData()
      if (interior) body.set('interior', interior)
      if (cover) body.set('cover', cover)
      body.set('trim', trim)
      body.set('ink', ink)
      body.set('bleed', String(bleed))
      const res = await api.fetch('/api/v1/preflight', { method: 'POST', body })
      if (!res.ok) throw await toApiError(res)
      return (await res.json()) as PreflightReport
    },
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    run.mutate()
  }
  return (
    <>
      <h1>Check a PDF against KDP's rules</h1>
      <form onSubmit={submit} className="inline-form">
        <Field label="Interior PDF" id="interior"><input id="interior" type="file" accept="application/pdf" onChange={(e) => setInterior(e.target.files?.[0] ?? null)} /></Field>
        <Field label="Cover PDF (optional)" id="cover"><input id="cover" type="file" accept="application/pdf" onChange={(e) => setCover(e.target.files?.[0] ?? null)} /></Field>
        <Field label="Trim" id="trim"><select id="trim" value={trim} onChange={(e) => setTrim(e.target.value)}>{TRIMS.map((t) => <option key={t.name}>{t.name}</option>)}</select></Field>
        <Field label="Ink" id="ink">
          <select id="ink" value={ink} onChange={(e) => setInk(e.target.value)}>
            <option value="bw">Black and white</option><option value="standard-color">Standard color</option><option value="premium-color">Premium color</option>
          </select>
        </Field>
        <label className="inline"><input type="checkbox" checked={bleed} onChange={(e) => setBleed(e.target.checked)} /> Has bleed</label>
        <button type="submit" disabled={!interior || run.isPending}>{run.isPending ? 'Checking…' : 'Check'}</button>
      </form>
      {run.isError && <ErrorBox error={run.error} retry={() => run.mutate()} />}
      {run.data && <Report report={run.data} />}
    </>
  )
}
