/** A wizard step's name in the address: 'Front & back' is front-back. */
export const stepSlug = (name: string | undefined) => (name ?? '').toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '')

/** Whether a draft kept under this key differs from a fresh start (so the wizard can offer to start over). */
export function hasDraft<T>(key: string, initial: T): boolean {
  const raw = sessionStorage.getItem(`storyloom.draft.${key}`)
  if (!raw) return false
  try {
    const saved = { ...initial, ...(JSON.parse(raw) as T) }
    return JSON.stringify(saved) !== JSON.stringify(initial)
  } catch {
    return false
  }
}
