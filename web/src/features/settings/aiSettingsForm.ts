// The AI provider form's state and the PUT body it makes: the key field is write-only and starts empty every time.
import type { AiSettings, AiSettingsRequest } from '../../lib/types'

export interface AiForm { apiKey: string; baseUrl: string; textModel: string; imageModel: string; moderationModel: string; monthlyBudget: string }

export const formFrom = (s: AiSettings): AiForm => ({
  apiKey: '', baseUrl: s.baseUrl ?? '', textModel: s.textModel ?? '', imageModel: s.imageModel ?? '', moderationModel: s.moderationModel ?? '',
  monthlyBudget: s.monthlyBudgetUsd == null ? '' : String(s.monthlyBudgetUsd),
})

const blank = (v: string) => v.trim() || null

/** An empty key field keeps the saved key; removeKey sends '' which removes it. */
export function toRequest(f: AiForm, removeKey: boolean): AiSettingsRequest {
  const key = removeKey ? { apiKey: '' } : f.apiKey.trim() ? { apiKey: f.apiKey.trim() } : {}
  return {
    provider: 'openai', ...key, baseUrl: blank(f.baseUrl), textModel: blank(f.textModel), imageModel: blank(f.imageModel),
    moderationModel: blank(f.moderationModel), monthlyBudgetUsd: f.monthlyBudget.trim() === '' ? null : Number(f.monthlyBudget),
  }
}

export function keyWords(s: AiSettings): string {
  if (s.apiKeySet) return `Your key${s.apiKeyLast4 ? ` ending in …${s.apiKeyLast4}` : ''} is saved, encrypted on the server; it is never shown again.`
  if (s.serverKeyAvailable) return 'You have no key of your own: AI books use the server’s key, with the server’s provider.'
  return 'No key yet: save one to make books with the OpenAI engine (any non-empty value works for a local server such as Ollama).'
}

export const money = (usd: number) => (usd > 0 && usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`)
