import { Field } from '../../lib/ui'
import { LIMITS, type MatterValue } from './brief'

/** The wizard's front-and-back step: dedication, about the author, the cast page, imprint, and what the book may claim. */
export function MatterFields({ value, onChange, coloring, errors }: {
  value: MatterValue; onChange: (v: MatterValue) => void; coloring: boolean; errors: (name: string) => string | undefined
}) {
  const set = <K extends keyof MatterValue>(k: K, v: MatterValue[K]) => onChange({ ...value, [k]: v })
  return (
    <>
      <Field label="Dedication (optional)" id="dedication" error={errors('dedication')} hint="Printed on the copyright page.">
        <textarea id="dedication" value={value.dedication} maxLength={LIMITS.dedication} rows={2} onChange={(e) => set('dedication', e.target.value)} />
      </Field>
      <Field label="About the author (optional)" id="aboutAuthor" error={errors('aboutAuthor')}
        hint="The last page. Left empty, it says a neutral line with your name, or only thanks the reader when there is no author.">
        <textarea id="aboutAuthor" value={value.aboutAuthor} maxLength={LIMITS.aboutAuthor} rows={3} onChange={(e) => set('aboutAuthor', e.target.value)} />
      </Field>
      <Field label="Imprint (optional)" id="imprint" error={errors('imprint')} hint="Your publishing name, printed on the copyright page and the back cover; empty names no publisher.">
        <input id="imprint" value={value.imprint} maxLength={LIMITS.imprint} onChange={(e) => set('imprint', e.target.value)} />
      </Field>
      {!coloring && (
        <label className="inline">
          <input type="checkbox" checked={value.meetTheCharacters} onChange={(e) => set('meetTheCharacters', e.target.checked)} /> A “meet the characters” page
        </label>
      )}
      <label className="inline">
        <input type="checkbox" checked={value.reviewedByAuthor} onChange={(e) => set('reviewedByAuthor', e.target.checked)} /> I will review the text and every picture before publishing: say so on the copyright page
      </label>
      <label className="inline">
        <input type="checkbox" checked={value.credit} onChange={(e) => set('credit', e.target.checked)} /> Credit Storyloom on the copyright page
      </label>
      {errors('reviewedByAuthor') && <p className="field-error" role="alert">{errors('reviewedByAuthor')}</p>}
    </>
  )
}
