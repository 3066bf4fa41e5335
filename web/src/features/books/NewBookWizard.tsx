import { useQuery } from '@tanstack/react-query'
import { useRef, useState, type FormEvent } from 'react'
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router'
import { findTrim, inches, pagesProblem, printFigures, TRIMS, type Ink, type Paper } from '../../lib/kdp'
import { canvaConnectionQuery, canvaTemplatesQuery, setCanvaBookTemplates, useSaveCanvaMapping } from '../../lib/canva'
import { actionKey } from '../../lib/api'
import { briefCheckQuery, charactersQuery, startGeneration, useCreateBook } from '../../lib/resources'
import type { BookRequest } from '../../lib/types'
import { ErrorBox, Field, fieldError, Loading, useDraft } from '../../lib/ui'
import { GlyphWarning } from '../../lib/glyphs'
import { EngineChoice, type EngineValue } from './EngineChoice'
import { engineFields } from './engineChoice'
import { CanvaDesign } from './CanvaDesign'
import { noCanva, saveChoice, usesCanva, type CanvaChoice } from './canvaChoice'
import { LIMITS, matterFields, matterWords, noMatter, type MatterValue } from './brief'
import { ebookFields, ebookWords, noEbook, type EbookValue } from './ebook'
import { MatterFields } from './MatterFields'
import { CoverSketch } from './CoverSketch'
import { PrintCost } from './PrintCost'
import { stepSlug, hasDraft } from './wizardSteps'

const SHAPES = [
  ['quest', 'A quest: set off, find, come home'], ['friend', 'Making a friend'], ['bedtime', 'Bedtime wind-down'],
  ['fear', 'Facing a fear'], ['sharing', 'Sharing'], ['new-place', 'A new place'],
] as const
const FOCUSES = [['', 'None'], ['abc', 'ABC'], ['counting-10', 'Counting to 10'], ['counting-20', 'Counting to 20'], ['colors', 'Colors'], ['shapes', 'Shapes'], ['opposites', 'Opposites'], ['feelings', 'Feelings']] as const
const COLORING_THEMES = ['animals', 'vehicles', 'dinosaurs', 'underwater', 'mandalas', 'unicorns', 'space', 'farm', 'food', 'christmas', 'halloween']
const LEVELS = [
  ['', 'By age', 'Follows the age band'], ['simple', 'Simple', 'Big shapes, thick lines'],
  ['medium', 'Medium', 'More parts, a background'], ['detailed', 'Detailed', 'Many small spaces'],
] as const
const AGES = [['0-2', '0–2 (board book)'], ['3-5', '3–5 (read aloud)'], ['6-8', '6–8 (early reader)'], ['9-12', '9–12 (chapter book)']] as const

const initial = {
  title: '', author: '', kind: 'story', ageGroup: '3-5', theme: 'a little fox who is afraid of the dark', shape: 'fear', educationalFocus: '',
  moral: '', coloringTheme: 'animals', characterIds: [] as string[], trim: '8.5x8.5', ink: 'premium-color' as Ink,
  paper: 'white' as Paper, bleed: true, pageCount: 32, engine: { engine: 'offline', language: '', budget: '' } as EngineValue,
  canva: noCanva as CanvaChoice, level: '', matter: noMatter as MatterValue, ebook: noEbook as EbookValue,
}

export function NewBookWizard() {
  const navigate = useNavigate()
  const location = useLocation()
  const [hadDraft, setHadDraft] = useState(() => hasDraft('new-book', initial))
  const [form, setForm, clearDraft] = useDraft('new-book', initial)
  const [params, setParams] = useSearchParams()
  const create = useCreateBook()
  const creating = useRef(false)
  const [busy, setBusy] = useState(false)
  const [startError, setStartError] = useState<unknown>(null)
  const characters = useQuery(charactersQuery())
  const set = <K extends keyof typeof initial>(k: K, v: (typeof initial)[K]) => setForm((f) => ({ ...f, [k]: v }))
  // The Design step (Canva brand templates) is there only for users whose Canva is connected.
  const canva = useQuery(canvaConnectionQuery())
  const canvaOn = canva.data?.configured === true && canva.data.connected
  const canvaTemplates = useQuery({ ...canvaTemplatesQuery(), enabled: canvaOn && usesCanva(form.canva) })
  const saveMapping = useSaveCanvaMapping()
  const [canvaErrors, setCanvaErrors] = useState<Record<string, unknown>>({})
  const [savingCanva, setSavingCanva] = useState(false)
  // A coloring book has a step of its own (theme and level) instead of the story and the cast.
  const STEPS = [...(form.kind === 'coloring' ? ['Kind', 'Coloring'] : ['Kind', 'Story', 'Characters']), 'Front & back', 'Print', ...(canvaOn ? ['Design'] : []), 'Review']
  // The step is in the address (?step=print), so the browser's Back goes to the step before and Settings can come back to it.
  const asked = STEPS.findIndex((s) => stepSlug(s) === params.get('step'))
  const step = asked < 0 ? 0 : asked
  const setStep = (i: number) => setParams({ step: stepSlug(STEPS[i]) })
  const at = STEPS[step] ?? 'Review'
  const here = `${location.pathname}?step=${stepSlug(at)}`
  const templateTitle = (id: string) => (id === '' ? null : canvaTemplates.data?.items.find((t) => t.id === id)?.title ?? id)

  const trim = findTrim(form.trim) ?? TRIMS[13]
  const figures = printFigures(trim, form.ink, form.paper, form.pageCount)
  const pagesWrong = pagesProblem(trim, form.ink, form.paper, form.pageCount)
  const coloring = form.kind === 'coloring'
  const brief: BookRequest = {
    title: form.title.trim() || undefined, author: form.author.trim() || undefined, kind: form.kind, ageGroup: form.ageGroup,
    theme: coloring ? form.coloringTheme : form.theme, shape: coloring ? undefined : form.shape || undefined,
    educationalFocus: coloring ? undefined : form.educationalFocus || undefined, moral: coloring ? undefined : form.moral || undefined,
    trim: form.trim, ink: form.ink, paper: form.paper, bleed: form.bleed, pageCount: form.pageCount,
    level: coloring ? form.level || undefined : undefined, ...matterFields(form.matter, coloring), ...ebookFields(form.ebook ?? noEbook, coloring),
  }

  function chooseKind(kind: string) {
    // Sensible print defaults per kind: square premium color for stories, letter b&w for coloring.
    setForm((f) => ({
      ...f, kind,
      ...(kind === 'coloring' ? { trim: '8.5x11', ink: 'bw' as Ink, bleed: false, pageCount: 100 } : { trim: '8.5x8.5', ink: 'premium-color' as Ink, bleed: true, pageCount: 32 }),
    }))
  }

  function chooseAge(ageGroup: string) {
    // A board book is 24 pages (its story fills them); the other bands 32. A page count the user typed is kept.
    setForm((f) => ({
      ...f, ageGroup,
      pageCount: f.kind !== 'story' || f.educationalFocus ? f.pageCount
        : ageGroup === '0-2' && f.pageCount === 32 ? 24 : ageGroup !== '0-2' && f.ageGroup === '0-2' && f.pageCount === 24 ? 32 : f.pageCount,
    }))
  }

  function startOver() {
    clearDraft()
    setForm(initial)
    setHadDraft(false)
    setParams({ step: 'kind' })
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (at === 'Print' && pagesWrong) {
      document.getElementById('pageCount')?.focus()
      return
    }
    if (at === 'Design') {
      setSavingCanva(true)
      const errors = await saveChoice(form.canva, (req) => saveMapping.mutateAsync(req)).finally(() => setSavingCanva(false))
      setCanvaErrors(errors)
      if (Object.keys(errors).length > 0) return
    }
    if (step < STEPS.length - 1) {
      setStep(step + 1)
      return
    }
    // One click makes one book: the button stays busy from the create request until the book's page opens (on a slow
    // network it came back between the two requests, and a second click made a second book).
    if (creating.current) return
    creating.current = true
    setBusy(true)
    setStartError(null)
    const book = await create.mutateAsync({ req: request, key: actionKey() }).catch(() => null)
    if (!book) {
      creating.current = false
      setBusy(false)
      return
    }
    clearDraft()
    if (canvaOn && usesCanva(form.canva)) {
      try {
        await setCanvaBookTemplates(book.id, { coverTemplateId: form.canva.cover || null, pagesTemplateId: form.canva.pages || null })
      } catch {
        // The book exists: its page says what is wrong with the Canva choice and can make it without Canva.
        navigate(`/books/${book.id}?canva=failed`)
        return
      }
    }
    try {
      const task = await startGeneration(book.id)
      navigate(`/books/${book.id}${task ? `?task=${task.id}` : ''}`)
    } catch (err) {
      setStartError(err)
      navigate(`/books/${book.id}`)
    }
  }

  const request: BookRequest = {
    ...brief, characterIds: coloring ? [] : form.characterIds, ...engineFields(form.engine.engine, coloring, form.engine.language, form.engine.budget),
  }
  // On the review step the server says, before anything is made, what the offline engines will not do as this brief asks.
  const check = useQuery(briefCheckQuery(request, at === 'Review'))
  const err = (name: string) => fieldError(create.error ?? check.error, name)
  return (
    <>
      <h1>New book</h1>
      {hadDraft && (
        <div className="notice" role="status">
          <p>This is the book you started before; what you chose is kept. <button type="button" className="secondary" onClick={startOver}>Start over</button></p>
        </div>
      )}
      <ol className="stepper" aria-label="Steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined}>
            <button type="button" className="link" onClick={() => setStep(i)} disabled={i > step}>{i + 1}. {s}</button>
          </li>
        ))}
      </ol>
      <div className="wizard">
        <form onSubmit={submit} noValidate className="wizard-form">
          {at === 'Kind' && (
            <fieldset>
              <legend>What kind of book?</legend>
              <div className="choice-row" role="radiogroup" aria-label="Kind">
                {[['story', 'Picture book', 'A story with a picture on every page'], ['coloring', 'Coloring book', 'Line art to color, one design a sheet']].map(([k, name, words]) => (
                  <label key={k} className={`choice ${form.kind === k ? 'chosen' : ''}`}>
                    <input type="radio" name="kind" value={k} checked={form.kind === k} onChange={() => chooseKind(k)} />
                    <strong>{name}</strong>
                    <span className="muted">{words}</span>
                  </label>
                ))}
              </div>
              <Field label="Age band" id="ageGroup" error={err('ageGroup')}>
                <select id="ageGroup" value={form.ageGroup} onChange={(e) => chooseAge(e.target.value)}>
                  {AGES.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                </select>
              </Field>
              <Field label="Title" id="title" error={err('title')}>
                <input id="title" value={form.title} maxLength={LIMITS.title} onChange={(e) => set('title', e.target.value)} required />
                <GlyphWarning text={form.title} />
              </Field>
              <Field label="Author" id="author" error={err('author')} hint="Printed on the cover, the title page and the copyright page; leave empty for no author line.">
                <input id="author" value={form.author} maxLength={LIMITS.author} onChange={(e) => set('author', e.target.value)} />
              </Field>
            </fieldset>
          )}
          {at === 'Coloring' && (
            <fieldset>
              <legend>What to color</legend>
              <Field label="Theme" id="coloringTheme" error={err('theme')}
                hint={<>Anything, in a few words: “farm animals”, “trucks and diggers”, “under the sea”. <span data-testid="coloring-theme-count">{form.coloringTheme.length} of {LIMITS.theme} letters</span></>}>
                <input id="coloringTheme" list="coloring-themes" value={form.coloringTheme} maxLength={LIMITS.theme} onChange={(e) => set('coloringTheme', e.target.value)} />
                <datalist id="coloring-themes">{COLORING_THEMES.map((t) => <option key={t} value={t} />)}</datalist>
                <GlyphWarning text={form.coloringTheme} />
              </Field>
              <fieldset className="plain">
                <legend>Detail</legend>
                <div className="choice-row levels" role="radiogroup" aria-label="Detail">
                  {LEVELS.map(([v, name, words]) => (
                    <label key={v} className={`choice ${form.level === v ? 'chosen' : ''}`}>
                      <input type="radio" name="level" value={v} checked={form.level === v} onChange={() => set('level', v)} />
                      {v && <img src={`/api/v1/coloring/samples/${v}.svg`} alt={`A ${name.toLowerCase()} page`} width={110} height={142} loading="lazy" />}
                      <strong>{name}</strong>
                      <span className="muted">{words}</span>
                    </label>
                  ))}
                </div>
                {err('level') && <p className="field-error" role="alert">{err('level')}</p>}
              </fieldset>
            </fieldset>
          )}
          {at === 'Story' && (
            <fieldset>
              <legend>The story</legend>
              <Field label="Theme" id="theme" error={err('theme')} hint={<>What the story is about, in a few words. <span data-testid="theme-count">{form.theme.length} of {LIMITS.theme} letters</span></>}>
                <input id="theme" value={form.theme} maxLength={LIMITS.theme} onChange={(e) => set('theme', e.target.value)} />
                <GlyphWarning text={form.theme} />
              </Field>
              <Field label="Story shape" id="shape" error={err('shape')}>
                <select id="shape" value={form.shape} onChange={(e) => set('shape', e.target.value)}>
                  {SHAPES.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                </select>
              </Field>
              <Field label="Learning focus" id="educationalFocus" error={err('educationalFocus') ?? err('kind')}>
                <select id="educationalFocus" value={form.educationalFocus} onChange={(e) => set('educationalFocus', e.target.value)}>
                  {FOCUSES.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
                </select>
              </Field>
              <Field label="Moral (optional)" id="moral" error={err('moral')}>
                <input id="moral" value={form.moral} maxLength={LIMITS.moral} onChange={(e) => set('moral', e.target.value)} />
              </Field>
            </fieldset>
          )}
          {at === 'Characters' && (
            <fieldset>
              <legend>Characters</legend>
              <p className="muted">Pick the cast in order (the first is the hero), or none and the story engine invents one.</p>
              {characters.isPending ? <Loading /> : characters.isError ? <ErrorBox error={characters.error} retry={() => characters.refetch()} /> : (
                characters.data.items.length === 0 ? <p>You have no characters yet; the book will invent its own.</p> : (
                  <ul className="checklist">
                    {characters.data.items.map((c) => (
                      <li key={c.id}>
                        <label>
                          <input
                            type="checkbox"
                            checked={form.characterIds.includes(c.id)}
                            onChange={(e) => set('characterIds', e.target.checked ? [...form.characterIds, c.id] : form.characterIds.filter((x) => x !== c.id))}
                          />
                          {c.name} <span className="muted">({c.species}, {c.role}){form.characterIds[0] === c.id ? ' — the hero' : ''}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                )
              )}
              {err('characterIds') && <p className="field-error" role="alert">{err('characterIds')}</p>}
            </fieldset>
          )}
          {at === 'Front & back' && (
            <fieldset>
              <legend>Front and back of the book</legend>
              <MatterFields value={form.matter} onChange={(v) => set('matter', v)} coloring={coloring} errors={err} />
            </fieldset>
          )}
          {at === 'Print' && (
            <fieldset>
              <legend>Print</legend>
              <Field label="Trim size (inches)" id="trim" error={err('trim')}>
                <select id="trim" value={form.trim} onChange={(e) => set('trim', e.target.value)}>
                  {TRIMS.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
                </select>
              </Field>
              <Field label="Ink" id="ink" error={err('ink')}>
                <select id="ink" value={form.ink} onChange={(e) => set('ink', e.target.value as Ink)}>
                  <option value="bw">Black and white</option>
                  <option value="standard-color">Standard color</option>
                  <option value="premium-color">Premium color</option>
                </select>
              </Field>
              <Field label="Paper" id="paper" error={err('paper')}>
                <select id="paper" value={form.paper} onChange={(e) => set('paper', e.target.value as Paper)}>
                  <option value="white">White</option>
                  <option value="cream">Cream</option>
                </select>
              </Field>
              <Field label="Pages" id="pageCount" error={pagesWrong ?? err('pageCount')} hint={figures.range ? `Allowed: ${figures.range.min}–${figures.range.max}, even` : undefined}>
                <input id="pageCount" type="number" inputMode="numeric" step={2} min={figures.range?.min ?? 24} max={figures.range?.max ?? 828}
                  aria-invalid={pagesWrong ? true : undefined} aria-describedby={pagesWrong ? 'pageCount-error' : figures.range ? 'pageCount-hint' : undefined}
                  value={Number.isNaN(form.pageCount) ? '' : form.pageCount} onChange={(e) => set('pageCount', e.target.valueAsNumber)} />
              </Field>
              <label className="inline">
                <input type="checkbox" checked={form.bleed} onChange={(e) => set('bleed', e.target.checked)} /> Pictures run to the edge (bleed)
              </label>
              {!coloring && (
                <fieldset className="plain">
                  <legend>Kindle</legend>
                  <label className="inline">
                    <input type="checkbox" checked={(form.ebook ?? noEbook).ebook || (form.ebook ?? noEbook).narrate}
                      onChange={(e) => set('ebook', { ebook: e.target.checked, narrate: e.target.checked && (form.ebook ?? noEbook).narrate })} /> Kindle eBook too
                    (a fixed-layout EPUB made from these pages, with its own cover)
                  </label>
                  <label className="inline">
                    <input type="checkbox" checked={(form.ebook ?? noEbook).narrate}
                      onChange={(e) => set('ebook', { ebook: (form.ebook ?? noEbook).ebook || e.target.checked, narrate: e.target.checked })} /> Read-along narration
                    (every page read aloud, each sentence highlighted as it is read)
                  </label>
                  {(err('formats') ?? err('narrate')) && <p className="field-error" role="alert">{err('formats') ?? err('narrate')}</p>}
                </fieldset>
              )}
            </fieldset>
          )}
          {at === 'Design' && (
            <fieldset>
              <legend>Design with Canva (optional)</legend>
              <CanvaDesign value={form.canva} onChange={(v) => set('canva', v)} errors={canvaErrors} />
            </fieldset>
          )}
          {at === 'Review' && (
            <fieldset>
              <legend>Review</legend>
              <dl className="facts">
                <dt>Title</dt><dd>{form.title || <em>missing: go back to step 1</em>}</dd>
                <dt>Kind</dt><dd>{coloring ? `Coloring book: ${form.coloringTheme}` : `Picture book: ${form.theme} (${form.shape})`}</dd>
                <dt>Ages</dt><dd>{form.ageGroup}</dd>
                <dt>Characters</dt><dd>{form.characterIds.length === 0 ? 'invented by the story engine'
                  : form.characterIds.map((id) => characters.data?.items.find((c) => c.id === id)?.name ?? id).join(', ')}</dd>
                <dt>Matter</dt><dd>{matterWords(form.author, form.matter).join('; ')}</dd>
                <dt>Print</dt><dd>{form.trim} in, {form.ink}, {form.paper} paper, {form.pageCount} pages{form.bleed ? ', bleed' : ''}</dd>
                <dt>Formats</dt><dd>{ebookWords(form.ebook ?? noEbook, coloring)}</dd>
                {canvaOn && (
                  <>
                    <dt>Cover</dt><dd>{templateTitle(form.canva.cover) ? `Canva: ${templateTitle(form.canva.cover)}` : 'Storyloom’s own'}</dd>
                    <dt>Pages</dt><dd>{templateTitle(form.canva.pages) ? `Canva: ${templateTitle(form.canva.pages)}` : 'Storyloom’s own'}</dd>
                  </>
                )}
              </dl>
              {check.data && check.data.warnings.length > 0 && (
                <div className="notice" role="status" data-testid="brief-warnings">
                  <p><strong>Before you make it:</strong> the built-in engines will not do everything this brief asks.</p>
                  <ul>{check.data.warnings.map((w) => <li key={w}>{w[0].toUpperCase() + w.slice(1).replace(/\.$/, '')}.</li>)}</ul>
                  <p>Change the theme or the characters, or choose the OpenAI engines below.</p>
                </div>
              )}
              {check.isError && !create.isError && <ErrorBox error={check.error} />}
              <EngineChoice value={form.engine} onChange={(v) => set('engine', v)} brief={brief} coloring={coloring} errors={err} />
              {canva.data?.configured && !canva.data.connected && (
                <p className="hint">Designing in Canva? <Link to="/settings" state={{ returnTo: here }}>Connect Canva in Settings</Link> to fill one of your brand templates with the cover or the pages; this draft is kept.</p>
              )}
            </fieldset>
          )}
          {create.isError && <ErrorBox error={create.error} />}
          {startError != null && <ErrorBox error={startError} />}
          <div className="buttons">
            {step > 0 && <button type="button" className="secondary" onClick={() => setStep(step - 1)}>Back</button>}
            <button type="submit" disabled={busy || savingCanva || (step === STEPS.length - 1 && (figures.problems.length > 0 || !form.title.trim()))}>
              {step < STEPS.length - 1 ? (savingCanva ? 'Saving…' : 'Next') : busy ? 'Creating…' : 'Create and make the book'}
            </button>
          </div>
        </form>
        <aside className="calculator" aria-live="polite" aria-label="Print calculator">
          <h2>Print calculator</h2>
          <dl className="facts">
            <dt>Spine width</dt><dd data-testid="spine">{figures.pagesKnown ? inches(figures.spineIn) : '— (give the pages)'}</dd>
            <dt>Cover size</dt><dd data-testid="cover">{figures.pagesKnown ? `${figures.coverWidthIn.toFixed(3)} × ${figures.coverHeightIn.toFixed(3)} in` : '—'}</dd>
            <dt>Allowed pages</dt><dd data-testid="range">{figures.range ? `${figures.range.min}–${figures.range.max}` : 'not offered'}</dd>
            <dt>Spine text</dt><dd>{figures.spineText ? 'yes' : `no (from ${80} pages)`}</dd>
          </dl>
          <CoverSketch trimW={trim.width} trimH={trim.height} spine={figures.spineIn} />
          {figures.problems.length > 0 && (
            <ul className="problems">{figures.problems.map((p) => <li key={p}>{p}</li>)}</ul>
          )}
          {figures.problems.length === 0 && <PrintCost trim={trim.name} ink={form.ink} pages={form.pageCount} />}
        </aside>
      </div>
    </>
  )
}
