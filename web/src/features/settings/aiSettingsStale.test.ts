import { createElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AiSettings } from '../../lib/types'
import { click, json, render, until } from '../../test/render'
import { AiProvider } from './AiProvider'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const settings = (budget: number, etag: string): AiSettings => ({
  provider: 'openai', apiKeySet: false, apiKeyLast4: null, serverKeyAvailable: true, baseUrl: null, textModel: null, imageModel: null,
  moderationModel: null, monthlyBudgetUsd: budget, spentThisMonthUsd: 0, updatedAt: null, etag,
  effective: { keySource: 'server', baseUrl: 'https://api.openai.com/v1', textModel: 'gpt-4o-mini', imageModel: 'gpt-image-1', moderationModel: 'omni-moderation-latest', imageQuality: 'medium' },
})

describe('AI settings saved in two tabs', () => {
  it('sends the version on screen; when another tab saved first it says so and loads what was saved', async () => {
    let server = settings(20, '"ai-1"')
    const ifMatch: (string | null)[] = []
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'PUT') {
        ifMatch.push(new Headers(init.headers).get('If-Match'))
        return new Response(JSON.stringify({ title: 'Saved elsewhere first', detail: 'Your AI settings were changed after you opened them (saved in another tab or window, or by the book being made); reload to see that change, then make yours again' }),
          { status: 412, headers: { 'Content-Type': 'application/problem+json' } })
      }
      return json(200, server)
    }))
    const { container } = await render(createElement(AiProvider))
    await until(() => container.querySelector('#monthlyBudget') !== null)
    server = settings(50, '"ai-2"')
    await click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Save AI settings')!)
    await until(() => container.querySelector('[role="alert"]') !== null)
    expect(ifMatch).toEqual(['"ai-1"'])
    expect(container.querySelector('[role="alert"]')!.textContent).toContain('Your AI settings were changed after you opened them')
    await click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Load the saved version')!)
    await until(() => container.querySelector<HTMLInputElement>('#monthlyBudget')!.value === '50')
    expect(container.querySelector('[role="alert"]')).toBeNull()
  })
})
