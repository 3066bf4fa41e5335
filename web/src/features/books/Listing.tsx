import { queryOptions, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { api, toApiError } from '../../lib/api'
import { keys } from '../../lib/resources'

interface AiAnswer { aiGenerated: boolean; tool: string | null; extent: string | null }

/** listing.json of the latest build: what the publisher types into KDP's forms. */
export interface ListingFile {
  title: string; subtitle: string | null; author: string; description: string; keywords: string[]; categories: string[]
  readingAge: string; readingAgeMin: number; readingAgeMax: number
  aiContent?: { text: AiAnswer; images: AiAnswer; translations: AiAnswer; note: string }
}

export const listingQuery = (bookId: string) =>
  queryOptions({
    queryKey: [...keys.book(bookId), 'listing'],
    queryFn: async () => {
      const res = await api.fetch(`/api/v1/books/${bookId}/files/listing.json`)
      if (res.status === 404) return null
      if (!res.ok) throw await toApiError(res)
      return (await res.json()) as ListingFile
    },
  })

/** KDP's AI question answered in its own words. */
export const aiWords = (a: AiAnswer) => (a.aiGenerated ? `Yes: ${a.tool ?? 'an AI tool'}, ${a.extent ?? 'extent not given'}` : 'No')

/** KDP's reading age picker: 0 is "Baby". */
export const ageWords = (min: number, max: number) => `${min === 0 ? 'Baby' : min} to ${max} years`

/** The fields of the KDP forms, in their order, each with the text to paste. */
export function listingFields(l: ListingFile): { label: string; value: string; long?: boolean }[] {
  const fields: { label: string; value: string; long?: boolean }[] = [
    { label: 'Title', value: l.title },
    { label: 'Subtitle', value: l.subtitle ?? '' },
    { label: 'Author', value: l.author },
    { label: 'Description', value: l.description, long: true },
    ...l.keywords.map((k, i) => ({ label: `Keyword ${i + 1}`, value: k })),
    ...l.categories.map((c, i) => ({ label: `Category ${i + 1}`, value: c })),
    { label: 'Reading age', value: ageWords(l.readingAgeMin, l.readingAgeMax) },
  ]
  if (l.aiContent) {
    fields.push(
      { label: 'AI-generated text', value: aiWords(l.aiContent.text) },
      { label: 'AI-generated images', value: aiWords(l.aiContent.images) },
      { label: 'AI-generated translations', value: aiWords(l.aiContent.translations) },
    )
  }
  return fields.filter((f) => f.value !== '')
}

/** The listing on the book page as the fields KDP asks for, each with a copy button, instead of only a JSON download. */
export function Listing({ bookId }: { bookId: string }) {
  const listing = useQuery(listingQuery(bookId))
  const [copied, setCopied] = useState('')

  async function copy(label: string, value: string, id: string) {
    try {
      await navigator.clipboard.writeText(value)
      setCopied(`${label} copied.`)
    } catch {
      // No clipboard (an insecure page, or refused): select the text so Ctrl+C copies it.
      const field = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null
      field?.focus()
      field?.select()
      setCopied(`${label} is selected; press Ctrl+C (or ⌘C) to copy it.`)
    }
  }

  if (!listing.data) return null
  const l = listing.data
  return (
    <section aria-labelledby="listing">
      <h2 id="listing">Listing for KDP</h2>
      <p className="muted">What to type into KDP’s book details, from the latest PDFs. Copy each field and paste it into the same field on KDP.</p>
      <div className="listing-fields">
        {listingFields(l).map((f, i) => {
          const id = `listing-${i}`
          return (
            <div className="field listing-field" key={f.label}>
              <label htmlFor={id}>{f.label}</label>
              <div className="copy-row">
                {f.long
                  ? <textarea id={id} readOnly rows={5} value={f.value} />
                  : <input id={id} readOnly value={f.value} />}
                <button type="button" className="secondary" aria-label={`Copy ${f.label.toLowerCase()}`} onClick={() => void copy(f.label, f.value, id)}>Copy</button>
              </div>
            </div>
          )
        })}
      </div>
      {l.aiContent && (
        <p className="muted">
          {[l.aiContent.text, l.aiContent.images, l.aiContent.translations].some((a) => a.aiGenerated)
            ? 'On KDP’s AI-generated content questions, answer Yes where it says Yes above, name the tool and choose the extent shown.'
            : 'Made by Storyloom’s own drawing and writing software, not by an AI model: answer No to KDP’s AI-generated content questions.'}
        </p>
      )}
      <p role="status" aria-live="polite" className="ok">{copied}</p>
    </section>
  )
}
