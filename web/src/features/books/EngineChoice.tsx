import { useQuery } from '@tanstack/react-query'
import { Link, useLocation } from 'react-router'
import { briefEstimateQuery } from '../../lib/resources'
import type { BookRequest } from '../../lib/types'
import { ErrorBox, Field, Loading } from '../../lib/ui'
import { ENGINE_OPTIONS, engineFields, estimateWords, type EngineOption } from './engineChoice'

export interface EngineValue { engine: EngineOption; language: string; budget: string }

/** The engine and budget of a new book, with the server's estimate of what a run costs. */
export function EngineChoice({ value, onChange, brief, coloring, errors }: {
  value: EngineValue; onChange: (v: EngineValue) => void; brief: BookRequest; coloring: boolean; errors: (field: string) => string | undefined
}) {
  const location = useLocation()
  const fields = engineFields(value.engine, coloring, value.language, value.budget)
  const paid = fields.textEngine === 'openai' || fields.artEngine === 'openai'
  const estimate = useQuery({ ...briefEstimateQuery({ ...brief, ...fields }), enabled: paid })
  return (
    <fieldset>
      <legend>Engine and budget</legend>
      <div className="choice-row" role="radiogroup" aria-label="Engine">
        {ENGINE_OPTIONS.filter(([k]) => !coloring || k === 'offline').map(([k, name, words]) => (
          <label key={k} className={`choice ${value.engine === k ? 'chosen' : ''}`}>
            <input type="radio" name="engine" value={k} checked={value.engine === k} onChange={() => onChange({ ...value, engine: k })} />
            <strong>{name}</strong>
            <span className="muted">{words}</span>
          </label>
        ))}
      </div>
      {coloring && <p className="muted">Coloring pages are drawn as line art by the offline engine.</p>}
      {fields.textEngine === 'openai' && (
        <Field label="Language" id="language" error={errors('language')} hint="A language tag such as es, fr, ar or pt-BR; empty is English.">
          <input id="language" value={value.language} maxLength={35} onChange={(e) => onChange({ ...value, language: e.target.value })} />
        </Field>
      )}
      {paid && (
        <Field label="Budget for this book (US dollars)" id="budget" error={errors('budgetUsd')} hint="The run stops cleanly at this amount; raise it later to go on. Empty: no cap of its own.">
          <input id="budget" type="number" inputMode="decimal" min={0} step="0.01" value={value.budget} onChange={(e) => onChange({ ...value, budget: e.target.value })} />
        </Field>
      )}
      {paid && (
        <div aria-live="polite" data-testid="estimate">
          {estimate.isPending ? <Loading /> : estimate.isError ? <ErrorBox error={estimate.error} retry={() => estimate.refetch()} /> : (() => {
            const { line, warning } = estimateWords(estimate.data)
            return (
              <>
                <p><strong>Estimate:</strong> {line}</p>
                {warning && <p className="notice">{warning}{estimate.data.problem && <> <Link to="/settings" state={{ returnTo: location.pathname + location.search }}>Open Settings</Link></>}</p>}
              </>
            )
          })()}
        </div>
      )}
    </fieldset>
  )
}
