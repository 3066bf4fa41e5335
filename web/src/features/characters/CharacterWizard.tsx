import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useNavigate, useParams } from 'react-router'
import { api } from '../../lib/api'
import { keys, useCreateCharacter } from '../../lib/resources'
import type { Character, CharacterRequest } from '../../lib/types'
import { ErrorBox, Field, fieldError, Loading, useDraft } from '../../lib/ui'
import { Sketch } from './Sketch'

const SPECIES = ['child', 'fox', 'bear', 'rabbit', 'cat', 'dog', 'owl', 'mouse', 'dragon', 'robot']
const PALETTES = [
  { name: 'Warm', bodyColor: '#d9822b', accentColor: '#fff3e0', clothingColor: '#2f6f9f' },
  { name: 'Forest', bodyColor: '#8a5a35', accentColor: '#f1dfc4', clothingColor: '#3f7d3a' },
  { name: 'Berry', bodyColor: '#9b6fb0', accentColor: '#f6e9f7', clothingColor: '#d0455a' },
  { name: 'Sky', bodyColor: '#7fa7c9', accentColor: '#eef5fb', clothingColor: '#e0a100' },
]
const STEPS = ['Who', 'Personality', 'Looks', 'Save']

const initial = { name: '', species: 'fox', role: 'hero', pronoun: 'she', traits: 'brave, curious', palette: 0, clothing: 'scarf', accessory: '', visualDescription: '' }

/** The colors a saved character has, as a first choice when no ready-made palette matches them. */
export function palettesFor(existing?: Character) {
  if (!existing || PALETTES.some((p) => p.bodyColor === existing.bodyColor && p.accentColor === existing.accentColor && p.clothingColor === existing.clothingColor)) return PALETTES
  return [{ name: 'Its own', bodyColor: existing.bodyColor ?? PALETTES[0].bodyColor, accentColor: existing.accentColor ?? PALETTES[0].accentColor, clothingColor: existing.clothingColor ?? PALETTES[0].clothingColor }, ...PALETTES]
}

/** A saved character as the wizard's form. */
export function formOf(c: Character): typeof initial {
  const palettes = palettesFor(c)
  return {
    name: c.name, species: c.species, role: c.role, pronoun: c.pronoun ?? '', traits: c.traits.join(', '),
    palette: Math.max(0, palettes.findIndex((p) => p.bodyColor === c.bodyColor && p.accentColor === c.accentColor && p.clothingColor === c.clothingColor)),
    clothing: c.clothing ?? '', accessory: c.accessory ?? '', visualDescription: c.visualDescription,
  }
}

/** /characters/:id/edit: the same steps as a new character, filled in, saved over the old one. */
export function EditCharacter() {
  const { id = '' } = useParams()
  const character = useQuery({ queryKey: [...keys.characters, id], queryFn: () => api.json<Character>(`/api/v1/characters/${id}`) })
  if (character.isPending) return <Loading what="Loading the character" />
  if (character.isError) return <ErrorBox error={character.error} retry={() => character.refetch()} />
  return <CharacterWizard existing={character.data} />
}

export function CharacterWizard({ existing }: { existing?: Character }) {
  const navigate = useNavigate()
  const qc = useQueryClient()
  const [form, setForm, clearDraft] = useDraft(existing ? `edit-character-${existing.id}` : 'new-character', existing ? formOf(existing) : initial)
  const [step, setStep] = useState(0)
  const created = useCreateCharacter()
  const updated = useMutation({
    mutationFn: (req: CharacterRequest) => api.send<Character>('PUT', `/api/v1/characters/${existing!.id}`, req),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.characters }),
  })
  const create = existing ? updated : created
  const set = (k: keyof typeof initial) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }))
  const palettes = palettesFor(existing)
  const palette = palettes[form.palette] ?? palettes[0]
  const description = form.visualDescription.trim() ||
    `a small ${form.species} with ${palette.name.toLowerCase()} colors${form.clothing ? `, wearing a ${form.clothing}` : ''}${form.accessory ? ` and a ${form.accessory}` : ''}`

  const [nameMissing, setNameMissing] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    // A character needs a name before the next step, not after the last one.
    if (step === 0 && !form.name.trim()) {
      setNameMissing(true)
      document.getElementById('name')?.focus()
      return
    }
    if (step < STEPS.length - 1) {
      setStep(step + 1)
      return
    }
    const saved = await create.mutateAsync({
      name: form.name.trim(), species: form.species, role: form.role, pronoun: form.pronoun || null,
      traits: form.traits.split(',').map((t) => t.trim()).filter(Boolean), visualDescription: description,
      bodyColor: palette.bodyColor, accentColor: palette.accentColor, clothing: form.clothing || null, clothingColor: palette.clothingColor,
      accessory: form.accessory || null,
    }).catch(() => null)
    if (saved) {
      clearDraft()
      navigate('/characters')
    }
  }

  const err = (n: string) => fieldError(create.error, n)
  return (
    <>
      <h1>{existing ? `Change ${existing.name}` : 'New character'}</h1>
      {existing && existing.books.length > 0 && (
        <p className="muted">{existing.name} is in {existing.books.map((b) => `“${b.title}”`).join(', ')}; books made already keep it as it was until you write a new story for them.</p>
      )}
      <ol className="stepper" aria-label="Steps">
        {STEPS.map((s, i) => <li key={s} aria-current={i === step ? 'step' : undefined}>{i + 1}. {s}</li>)}
      </ol>
      <div className="wizard">
        <form onSubmit={submit} noValidate className="wizard-form">
          {step === 0 && (
            <fieldset>
              <legend>Who is it?</legend>
              <Field label="Name" id="name" error={(nameMissing && !form.name.trim() ? 'Give the character a name, for example Pip.' : undefined) ?? err('name')}>
                <input id="name" value={form.name} onChange={set('name')} maxLength={60} aria-invalid={nameMissing && !form.name.trim() ? true : undefined} />
              </Field>
              <Field label="Species" id="species" error={err('species')}>
                <select id="species" value={form.species} onChange={set('species')}>{SPECIES.map((s) => <option key={s}>{s}</option>)}</select>
              </Field>
              <Field label="Role in the story" id="role" error={err('role')}>
                <select id="role" value={form.role} onChange={set('role')}>{['hero', 'friend', 'helper', 'grown-up'].map((s) => <option key={s}>{s}</option>)}</select>
              </Field>
              <Field label="Pronoun" id="pronoun" error={err('pronoun')}>
                <select id="pronoun" value={form.pronoun} onChange={set('pronoun')}>{['she', 'he', 'they'].map((s) => <option key={s}>{s}</option>)}</select>
              </Field>
            </fieldset>
          )}
          {step === 1 && (
            <fieldset>
              <legend>Personality</legend>
              <Field label="Traits" id="traits" error={err('traits')} hint="Short words separated by commas, e.g. brave, curious, kind-hearted.">
                <input id="traits" value={form.traits} onChange={set('traits')} />
              </Field>
            </fieldset>
          )}
          {step === 2 && (
            <fieldset>
              <legend>Looks</legend>
              <p id="palette-label">Pick a variant</p>
              <div className="variants" role="radiogroup" aria-labelledby="palette-label">
                {palettes.map((p, i) => (
                  <label key={p.name} className={`choice ${form.palette === i ? 'chosen' : ''}`}>
                    <input type="radio" name="palette" checked={form.palette === i} onChange={() => setForm((f) => ({ ...f, palette: i }))} />
                    <Sketch species={form.species} body={p.bodyColor} accent={p.accentColor} clothing={p.clothingColor} size={80} />
                    {p.name}
                  </label>
                ))}
              </div>
              <Field label="Clothing" id="clothing" error={err('clothing')}><input id="clothing" value={form.clothing} onChange={set('clothing')} /></Field>
              <Field label="Accessory" id="accessory" error={err('accessory')}><input id="accessory" value={form.accessory} onChange={set('accessory')} /></Field>
              <Field label="Description used on every page" id="visualDescription" error={err('visualDescription')} hint={`Leave empty for: “${description}”`}>
                <textarea id="visualDescription" rows={3} value={form.visualDescription} onChange={set('visualDescription')} />
              </Field>
            </fieldset>
          )}
          {step === 3 && (
            <fieldset>
              <legend>Save</legend>
              <p><strong>{form.name || 'No name yet'}</strong>, a {form.traits} {form.species} ({form.role}).</p>
              <p className="muted">{description}</p>
            </fieldset>
          )}
          {create.isError && <ErrorBox error={create.error} />}
          <div className="buttons">
            {step > 0 && <button type="button" className="secondary" onClick={() => setStep(step - 1)}>Back</button>}
            <button type="submit" disabled={create.isPending}>{step < STEPS.length - 1 ? 'Next' : existing ? 'Save the changes' : 'Save character'}</button>
          </div>
        </form>
        <aside className="calculator" aria-label="Preview">
          <h2>Preview</h2>
          <Sketch species={form.species} body={palette.bodyColor} accent={palette.accentColor} clothing={palette.clothingColor} />
          <p className="muted">A sketch to choose colors; the art engine draws the book's pictures.</p>
        </aside>
      </div>
    </>
  )
}
