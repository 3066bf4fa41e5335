import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { canvaBookQuery, canvaConnectionQuery, canvaKeys, canvaTemplatesQuery, setCanvaBookTemplates, useSaveCanvaMapping } from '../../lib/canva'
import { ErrorBox } from '../../lib/ui'
import { CanvaDesign } from './CanvaDesign'
import { noCanva, saveChoice, type CanvaChoice } from './canvaChoice'

/** The book page's Canva part: which brand templates make the cover and pages, changeable while Canva is connected. */
export function CanvaBook({ bookId, failed }: { bookId: string; failed: boolean }) {
  const qc = useQueryClient()
  const connection = useQuery(canvaConnectionQuery())
  const choice = useQuery({ ...canvaBookQuery(bookId), enabled: connection.data?.configured === true })
  const connected = connection.data?.connected === true
  const templates = useQuery({ ...canvaTemplatesQuery(), enabled: connected && !!(choice.data?.coverTemplateId || choice.data?.pagesTemplateId) })
  const saveMapping = useSaveCanvaMapping()
  const [editing, setEditing] = useState<CanvaChoice | null>(null)
  const [errors, setErrors] = useState<Record<string, unknown>>({})
  const [saveError, setSaveError] = useState<unknown>(null)
  const [saving, setSaving] = useState(false)
  if (!connection.data?.configured || !choice.data) return null
  const c = choice.data
  if (!connected && !c.coverTemplateId && !c.pagesTemplateId) return null
  const title = (id: string | null) => (id ? `Canva: ${templates.data?.items.find((t) => t.id === id)?.title ?? id}` : 'Storyloom’s own')

  async function save(next: CanvaChoice) {
    setSaving(true)
    setSaveError(null)
    try {
      const problems = await saveChoice(next, (req) => saveMapping.mutateAsync(req))
      setErrors(problems)
      if (Object.keys(problems).length > 0) return
      qc.setQueryData(canvaKeys.book(bookId), await setCanvaBookTemplates(bookId, { coverTemplateId: next.cover || null, pagesTemplateId: next.pages || null }))
      setEditing(null)
    } catch (e) {
      setSaveError(e)
    } finally {
      setSaving(false)
    }
  }

  return (
    <section aria-labelledby="design">
      <h2 id="design">Design</h2>
      {failed && <p className="error" role="alert">The Canva templates could not be given to this book, so it was not made yet. Choose them again below, or make it with Storyloom’s own layout.</p>}
      {editing ? (
        <form onSubmit={(e) => { e.preventDefault(); void save(editing) }}>
          <CanvaDesign value={editing} onChange={setEditing} errors={errors} />
          {saveError != null && <ErrorBox error={saveError} />}
          <div className="buttons">
            <button type="button" className="secondary" onClick={() => setEditing(null)}>Cancel</button>
            <button type="submit" disabled={saving}>{saving ? 'Saving…' : 'Save the design'}</button>
          </div>
          <p className="hint">Applies the next time the book is made or rebuilt.</p>
        </form>
      ) : (
        <>
          <dl className="facts">
            <dt>Cover</dt><dd data-testid="canva-cover">{title(c.coverTemplateId)}</dd>
            <dt>Pages</dt><dd>{title(c.pagesTemplateId)}</dd>
          </dl>
          {connected ? (
            <button type="button" className="secondary" onClick={() => setEditing({ ...noCanva, cover: c.coverTemplateId ?? '', pages: c.pagesTemplateId ?? '' })}>
              Choose Canva templates
            </button>
          ) : (
            <p className="notice">Canva is not connected, so this book cannot be filled in Canva. <Link to="/settings">Connect Canva</Link> or choose Storyloom’s own layout after connecting.</p>
          )}
        </>
      )}
    </section>
  )
}
