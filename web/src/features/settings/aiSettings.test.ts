import { createElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { click, json, render, type, until } from '../../test/render'
import type { AiSettings } from '../../lib/types'
import { AiProviderForm } from './AiProvider'
import { formFrom, keyWords, toRequest } from './aiSettingsForm'

const settings = (over: Partial<AiSettings> = {}): AiSettings => ({
  provider: 'openai', apiKeySet: true, apiKeyLast4: 'c9d1', serverKeyAvailable: false, baseUrl: 'http://127.0.0.1:5225/v1',
  textModel: null, imageModel: 'gpt-image-1-mini', moderationModel: null, monthlyBudgetUsd: 20, spentThisMonthUsd: 1.234, updatedAt: null,
  effective: { keySource: 'yours', baseUrl: 'http://127.0.0.1:5225/v1', textModel: 'gpt-4o-mini', imageModel: 'gpt-image-1-mini', moderationModel: 'omni-moderation-latest', imageQuality: 'medium' },
  ...over,
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('AI settings form', () => {
  it('keeps the saved key when the key field is empty, removes it on request, and sends blanks as server defaults', () => {
    const form = formFrom(settings())
    expect(form.apiKey).toBe('')
    expect(toRequest(form, false)).toEqual({
      provider: 'openai', baseUrl: 'http://127.0.0.1:5225/v1', textModel: null, imageModel: 'gpt-image-1-mini', moderationModel: null, monthlyBudgetUsd: 20,
    })
    expect(toRequest({ ...form, apiKey: '  sk-new-key  ' }, false).apiKey).toBe('sk-new-key')
    expect(toRequest({ ...form, apiKey: 'sk-ignored' }, true).apiKey).toBe('')
    expect(toRequest({ ...form, monthlyBudget: '' }, false).monthlyBudgetUsd).toBeNull()
  })

  it('says whose key a book will use', () => {
    expect(keyWords(settings())).toContain('ending in …c9d1')
    expect(keyWords(settings({ apiKeySet: false, apiKeyLast4: null, serverKeyAvailable: true }))).toContain('server’s key')
    expect(keyWords(settings({ apiKeySet: false, apiKeyLast4: null }))).toContain('No key yet')
  })

  it('never shows a key, sends a new one once and empties the field after saving', async () => {
    const sent: { method: string; url: string; body: Record<string, unknown> }[] = []
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>
      sent.push({ method: init.method ?? 'GET', url, body })
      return json(200, settings({ apiKeyLast4: 'WXYZ', monthlyBudgetUsd: 35 }))
    }))
    const { container } = await render(createElement(AiProviderForm, { settings: settings() }))
    const key = container.querySelector<HTMLInputElement>('#apiKey')!
    expect(key.type).toBe('password')
    expect(key.autocomplete).toBe('off')
    expect(key.value).toBe('')
    expect(container.querySelector('[data-testid="key-status"]')!.textContent).toContain('…c9d1')
    expect(container.textContent).toContain('Spent this month: $1.23')

    await type(key, 'sk-live-secret-WXYZ')
    await type(container.querySelector<HTMLInputElement>('#monthlyBudget')!, '35')
    await click(container.querySelector<HTMLButtonElement>('button[type="submit"]')!)
    await until(() => container.textContent!.includes('AI settings saved.'))

    expect(sent).toHaveLength(1)
    expect(sent[0].method).toBe('PUT')
    expect(sent[0].url).toBe('/api/v1/settings/ai')
    expect(sent[0].body).toMatchObject({ provider: 'openai', apiKey: 'sk-live-secret-WXYZ', monthlyBudgetUsd: 35, imageModel: 'gpt-image-1-mini' })
    expect(key.value).toBe('')
    expect(container.innerHTML).not.toContain('sk-live-secret')
    expect(container.querySelector('[data-testid="key-status"]')!.textContent).toContain('…WXYZ')
  })

  it('shows the server’s field errors beside the fields', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({
      title: 'The AI settings cannot be saved as asked', status: 400,
      errors: { baseUrl: ['a base URL needs your own API key (the server’s key is only sent to the server’s provider); set apiKey too, or leave baseUrl out'] },
    }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } })))
    const { container } = await render(createElement(AiProviderForm, { settings: settings({ apiKeySet: false, apiKeyLast4: null, baseUrl: null }) }))
    await type(container.querySelector<HTMLInputElement>('#baseUrl')!, 'http://example.test/v1')
    await click(container.querySelector<HTMLButtonElement>('button[type="submit"]')!)
    await until(() => container.textContent!.includes('needs your own API key'))
    expect(container.querySelector('#baseUrl')!.closest('.field')!.textContent).toContain('needs your own API key')
  })
})
