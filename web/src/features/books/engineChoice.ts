// The new-book wizard's engine choice, as the request fields the server takes.
import type { BookRequest, CostEstimate, Engine } from '../../lib/types'

export type EngineOption = 'offline' | 'openai' | 'ai-pictures'

export const ENGINE_OPTIONS: readonly (readonly [EngineOption, string, string])[] = [
  ['offline', 'Offline', 'Free, on this server; English'],
  ['openai', 'AI story and pictures', 'A language model writes in any language, an image model paints'],
  ['ai-pictures', 'AI pictures only', 'The offline engine writes; an image model paints'],
]

export function enginesOf(option: EngineOption, coloring: boolean): { textEngine: Engine; artEngine: Engine } {
  // Coloring books are planned and drawn as line art offline; a model is not asked for them.
  if (coloring || option === 'offline') return { textEngine: 'offline', artEngine: 'offline' }
  return option === 'openai' ? { textEngine: 'openai', artEngine: 'openai' } : { textEngine: 'offline', artEngine: 'openai' }
}

/** The engine fields of the brief: language only for the AI writer, a budget only for a paid engine (empty: no cap of the book's own). */
export function engineFields(option: EngineOption, coloring: boolean, language: string, budget: string): Pick<BookRequest, 'textEngine' | 'artEngine' | 'language' | 'budgetUsd'> {
  const engines = enginesOf(option, coloring)
  const paid = engines.textEngine === 'openai' || engines.artEngine === 'openai'
  const amount = Number(budget)
  return {
    ...engines,
    language: engines.textEngine === 'openai' && language.trim() ? language.trim() : undefined,
    budgetUsd: paid && budget.trim() !== '' && Number.isFinite(amount) && amount > 0 ? amount : undefined,
  }
}

/** One line for the review step: what it costs, and what stands in the way. */
export function estimateWords(e: CostEstimate): { line: string; warning: string | null } {
  const warning = e.problem ?? (e.withinBudget ? null : 'The estimate is more than the budget has left: the run will stop at the cap, and you can raise it and go on.')
  return { line: e.summary, warning }
}
