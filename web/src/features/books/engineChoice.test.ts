import { createElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { click, json, render, until } from '../../test/render'
import type { CostEstimate } from '../../lib/types'
import { EngineChoice, type EngineValue } from './EngineChoice'
import { engineFields, enginesOf, estimateWords } from './engineChoice'

const estimate = (over: Partial<CostEstimate> = {}): CostEstimate => ({
  textEngine: 'openai', artEngine: 'openai', textModel: 'gpt-4o-mini', imageModel: 'gpt-image-1', imageQuality: 'medium',
  inputTokens: 9000, outputTokens: 6000, images: 33, textCostUsd: 0.005, imageCostUsd: 1.386, totalUsd: 1.391,
  bookBudgetUsd: 2, bookSpentUsd: 0, monthlyBudgetUsd: null, monthSpentUsd: 0, leftUsd: 2, withinBudget: true, keySource: 'yours', problem: null,
  summary: 'About $1.39: 9,000 tokens in and 6,000 out with gpt-4o-mini, 33 pictures with gpt-image-1 (medium); $2.00 of the budget is left.',
  ...over,
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('engine choice', () => {
  it('maps the options to the server’s engine fields; coloring books stay offline', () => {
    expect(enginesOf('openai', false)).toEqual({ textEngine: 'openai', artEngine: 'openai' })
    expect(enginesOf('ai-pictures', false)).toEqual({ textEngine: 'offline', artEngine: 'openai' })
    expect(enginesOf('openai', true)).toEqual({ textEngine: 'offline', artEngine: 'offline' })
    expect(engineFields('openai', false, ' es ', '2.5')).toEqual({ textEngine: 'openai', artEngine: 'openai', language: 'es', budgetUsd: 2.5 })
    expect(engineFields('ai-pictures', false, 'es', '')).toEqual({ textEngine: 'offline', artEngine: 'openai', language: undefined, budgetUsd: undefined })
    expect(engineFields('offline', false, 'es', '3')).toEqual({ textEngine: 'offline', artEngine: 'offline', language: undefined, budgetUsd: undefined })
  })

  it('warns when the run will not fit, and says what stands in the way', () => {
    expect(estimateWords(estimate()).warning).toBeNull()
    expect(estimateWords(estimate({ withinBudget: false })).warning).toContain('stop at the cap')
    expect(estimateWords(estimate({ problem: 'the openai engine needs an API key' })).warning).toContain('needs an API key')
  })

  it('asks the server for an estimate of the brief with the chosen engines and shows it', async () => {
    const bodies: Record<string, unknown>[] = []
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)) as Record<string, unknown>)
      return json(200, estimate({ withinBudget: false, problem: 'the openai engine needs an API key: save yours in Settings' }))
    }))
    let value: EngineValue = { engine: 'offline', language: '', budget: '' }
    const props = () => ({ value, onChange: (v: EngineValue) => { value = v }, brief: { title: 'Pip', kind: 'story', pageCount: 24 }, coloring: false, errors: () => undefined })
    const first = await render(createElement(EngineChoice, props()))
    expect(first.container.querySelector('[data-testid="estimate"]')).toBeNull()
    await click(first.container.querySelector<HTMLInputElement>('input[value="openai"]')!)
    expect(value.engine).toBe('openai')
    await first.unmount()

    value = { engine: 'openai', language: 'es', budget: '2' }
    const { container } = await render(createElement(EngineChoice, props()))
    await until(() => container.textContent!.includes('About $1.39'))
    expect(bodies[0]).toMatchObject({ title: 'Pip', textEngine: 'openai', artEngine: 'openai', language: 'es', budgetUsd: 2 })
    expect(container.querySelector('#language')).not.toBeNull()
    expect(container.textContent).toContain('needs an API key')
    expect(container.querySelector('a[href="/settings"]')).not.toBeNull()
  })

  it('offers only the offline engine for a coloring book', async () => {
    const { container } = await render(createElement(EngineChoice, {
      value: { engine: 'offline', language: '', budget: '' }, onChange: () => {}, brief: { kind: 'coloring' }, coloring: true, errors: () => undefined,
    }))
    expect([...container.querySelectorAll<HTMLInputElement>('input[name="engine"]')].map((i) => i.value)).toEqual(['offline'])
  })
})
