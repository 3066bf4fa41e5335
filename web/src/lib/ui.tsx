import { useEffect, useState, type ReactNode } from 'react'
import { ApiError } from './api'

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {what}…
    </p>
  )
}

export function ErrorBox({ error, retry }: { error: unknown; retry?: () => void }) {
  const message = error instanceof Error ? error.message : 'Something went wrong.'
  const upgrade = error instanceof ApiError ? error.upgradeUrl : null
  return (
    <div className="error" role="alert">
      <p><Linked text={message} /></p>
      {upgrade && !message.includes(upgrade) && (
        <p><a href={upgrade} target="_blank" rel="noreferrer">See Canva’s plans to raise the allowance</a></p>
      )}
      {retry && (
        <button type="button" className="secondary" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  )
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>
}

/** A labelled input with its field error underneath, tied together for screen readers. */
export function Field({ label, id, error, hint, children }: { label: string; id: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

export const fieldError = (error: unknown, name: string) => (error instanceof ApiError ? error.field(name) : undefined)

/** State kept in sessionStorage, so what the user typed survives a reload or a trip to the sign-in page. */
export function useDraft<T>(key: string, initial: T): [T, (v: T | ((old: T) => T)) => void, () => void] {
  const storageKey = `storyloom.draft.${key}`
  const [value, setValue] = useState<T>(() => {
    const raw = sessionStorage.getItem(storageKey)
    return raw ? { ...initial, ...(JSON.parse(raw) as T) } : initial
  })
  useEffect(() => {
    sessionStorage.setItem(storageKey, JSON.stringify(value))
  }, [storageKey, value])
  return [value, setValue, () => sessionStorage.removeItem(storageKey)]
}

const STATUS_WORDS: Record<string, string> = {
  draft: 'Draft', generating: 'Being made', ready: 'Ready', outdated: 'Edited since the PDFs were made', failed: 'Stopped',
  queued: 'Waiting', running: 'Running', succeeded: 'Done', cancelled: 'Stopped by you', 'budget-reached': 'Stopped at the budget',
}

const ROLE_WORDS: Record<string, string> = {
  title: 'Title page', copyright: 'Copyright page', 'meet-the-characters': 'Meet the characters', story: 'Story page',
  'the-end': 'The End', 'belongs-to': '“This book belongs to”', 'color-test': 'Color test page', 'coloring-design': 'Coloring page',
  'blank-back': 'Blank back', notes: 'Notes page', 'about-the-author': 'About the author', concept: 'Concept page',
}

/** Plain words for a status or a page role the API sends as a slug ("blank-back" → "Blank back"). */
export function plainWords(slug: string, words: Record<string, string> = { ...STATUS_WORDS, ...ROLE_WORDS }): string {
  const known = words[slug.toLowerCase()]
  if (known) return known
  const spaced = slug.replace(/[-_]+/g, ' ').trim()
  return spaced.length > 0 ? spaced[0].toUpperCase() + spaced.slice(1) : slug
}

export const pageRoleName = (role: string) => plainWords(role, ROLE_WORDS)

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status}`}>{plainWords(status, STATUS_WORDS)}</span>
}

export const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** Text from the server with its web addresses made into links (Canva's upgrade page, for one). */
export function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s"<>]+[^\s"<>.,;:)])/)
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <a key={i} href={part} target="_blank" rel="noreferrer">{part}</a> : part))}
    </>
  )
}

/** A 412: someone saved the same thing in another tab first. Says so, and offers to load what they saved. */
export function SavedElsewhere({ error, reload, keep }: { error: Error; reload: () => void; keep?: () => void }) {
  return (
    <div className="error" role="alert">
      <p>{error.message}.</p>
      <button type="button" className="secondary" onClick={reload}>Load the saved version</button>
      {keep && <button type="button" className="secondary" onClick={keep}>Keep my text and save it over theirs</button>}
    </div>
  )
}
