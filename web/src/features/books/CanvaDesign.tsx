import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Link, useLocation } from 'react-router'
import { canvaCapabilitiesQuery, canvaTemplateQuery, canvaTemplatesQuery, CONTENT_WORDS, contentFor, initialMapping } from '../../lib/canva'
import type { CanvaContent, CanvaTemplate } from '../../lib/types'
import { ErrorBox, fieldError, Linked, Loading } from '../../lib/ui'
import { type CanvaChoice, type CanvaPart } from './canvaChoice'

const PARTS: [CanvaPart, string, string][] = [
  ['cover', 'Cover', 'The front cover is the template’s design, filled with the title, author or cover picture; the back and the spine stay Storyloom’s, sized for print.'],
  ['pages', 'Story pages', 'Every story page is one design from the template, filled with that page’s text and picture.'],
]

/**
 * Choose a Canva brand template for the cover and/or the pages and which book content fills each of its fields.
 * Shown only to users whose Canva is connected; a plan without autofill or brand templates is explained instead.
 */
export function CanvaDesign({ value, onChange, errors }: { value: CanvaChoice; onChange: (v: CanvaChoice) => void; errors: Record<string, unknown> }) {
  const location = useLocation()
  const caps = useQuery(canvaCapabilitiesQuery())
  const templates = useQuery({ ...canvaTemplatesQuery(), enabled: caps.data?.canMakeBooks === true })
  if (caps.isPending) return <Loading what="Asking Canva what your plan allows" />
  if (caps.isError) return <ErrorBox error={caps.error} retry={() => caps.refetch()} />
  if (!caps.data.canMakeBooks) {
    return (
      <div className="notice" data-testid="canva-plan">
        {caps.data.explanation.map((w) => <p key={w}><Linked text={w} /></p>)}
        <p>This book uses Storyloom’s own layout. <Link to="/settings" state={{ returnTo: location.pathname + location.search }}>Canva settings</Link></p>
      </div>
    )
  }
  if (templates.isPending) return <Loading what="Loading your brand templates" />
  if (templates.isError) return <ErrorBox error={templates.error} retry={() => templates.refetch()} />
  const list = templates.data.items
  if (list.length === 0) {
    return <p className="notice">You have no brand templates with data fields yet. In Canva, add data fields to a design (Apps → Bulk create or Data autofill) and publish it as a brand template; it then appears here.</p>
  }
  return (
    <>
      {PARTS.map(([part, name, words]) => (
        <fieldset key={part} className="canva-part">
          <legend>{name}</legend>
          <p className="muted">{words}</p>
          <div className="choice-row templates" role="radiogroup" aria-label={`${name} design`}>
            <label className={`choice ${value[part] === '' ? 'chosen' : ''}`}>
              <input type="radio" name={`canva-${part}`} checked={value[part] === ''} onChange={() => onChange({ ...value, [part]: '' })} />
              <span className="tpl-thumb tpl-storyloom" aria-hidden="true">Storyloom</span>
              <strong>Storyloom’s own {part === 'cover' ? 'cover' : 'pages'}</strong>
            </label>
            {list.map((t) => (
              <label key={t.id} className={`choice ${value[part] === t.id ? 'chosen' : ''}`}>
                <input type="radio" name={`canva-${part}`} checked={value[part] === t.id} onChange={() => onChange({ ...value, [part]: t.id })} />
                <Thumb template={t} />
                <strong>{t.title}</strong>
              </label>
            ))}
          </div>
          {value[part] !== '' && (
            <FieldMapping templateId={value[part]} part={part} value={value} onChange={onChange} error={errors[value[part]]} />
          )}
        </fieldset>
      ))}
    </>
  )
}

function Thumb({ template }: { template: CanvaTemplate }) {
  // Canva's thumbnail links expire; a tile with the initial stands in when one does not load.
  return (
    <span className="tpl-thumb" aria-hidden="true" data-initial={template.title.slice(0, 1)}>
      {template.thumbnailUrl && <img src={template.thumbnailUrl} alt="" loading="lazy" onError={(e) => e.currentTarget.remove()} />}
    </span>
  )
}

function FieldMapping({ templateId, part, value, onChange, error }: { templateId: string; part: CanvaPart; value: CanvaChoice; onChange: (v: CanvaChoice) => void; error: unknown }) {
  const detail = useQuery(canvaTemplateQuery(templateId))
  const mapping = value.mappings[templateId]
  useEffect(() => {
    if (detail.data && !mapping) onChange({ ...value, mappings: { ...value.mappings, [templateId]: initialMapping(detail.data.fields) } })
  }, [detail.data, mapping, onChange, templateId, value])
  if (detail.isPending) return <Loading what="Reading the template’s fields" />
  if (detail.isError) return <ErrorBox error={detail.error} retry={() => detail.refetch()} />
  if (!mapping) return null
  const set = (field: string, content: CanvaContent | '') => onChange({ ...value, mappings: { ...value.mappings, [templateId]: { ...mapping, [field]: content } } })
  return (
    <div className="mapping" data-testid={`canva-mapping-${part}`}>
      <h2>What fills each field of “{detail.data.template.title}”</h2>
      {detail.data.fields.length === 0 && <p className="warn">This template has no data fields, so nothing of the book can go in it. Choose another.</p>}
      <table>
        <thead><tr><th scope="col">Field in Canva</th><th scope="col">Filled with</th></tr></thead>
        <tbody>
          {detail.data.fields.map((f) => {
            const id = `map-${part}-${f.name}`
            const problem = fieldError(error, `fields.${f.name}`)
            return (
              <tr key={f.name}>
                <td><label htmlFor={id}><code>{f.name}</code></label> <span className="muted">({f.type === 'image' ? 'picture' : 'text'})</span></td>
                <td>
                  <select id={id} value={mapping[f.name] ?? ''} onChange={(e) => set(f.name, e.target.value as CanvaContent | '')} aria-invalid={problem ? true : undefined}>
                    <option value="">Leave as designed</option>
                    {contentFor(f.type).map((c) => <option key={c} value={c}>{CONTENT_WORDS[c]}</option>)}
                  </select>
                  {problem && <p className="field-error" role="alert">{problem}</p>}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {error != null && !detail.data.fields.some((f) => fieldError(error, `fields.${f.name}`)) && <ErrorBox error={error} />}
      <p className="hint">{detail.data.mappingSaved ? 'Your saved choices for this template; changes are saved for your next books too.' : 'Suggested from the field names; saved for your next books.'}</p>
    </div>
  )
}
