import { createElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { click, json, render, until } from '../../test/render'
import { CanvaSettings } from './CanvaSettings'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const proPlan = {
  autofill: false, brandTemplates: true, canMakeBooks: false, capabilities: ['brand_template'],
  explanation: ['Your Canva plan does not include autofill, which fills a brand template with your book’s words and pictures. Autofill needs Canva Enterprise.'],
}

describe('Canva in Settings', () => {
  it('explains a plan without autofill in plain words and disconnects', async () => {
    let connected = true
    const calls: string[] = []
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? 'GET'} ${url}`)
      if (url === '/api/v1/canva/connection' && init?.method === 'DELETE') { connected = false; return new Response(null, { status: 204 }) }
      if (url === '/api/v1/canva/connection') return json(200, { configured: true, connected, canvaUserId: connected ? 'oU1' : null, scopes: [], connectedAt: connected ? '2026-11-22T10:00:00Z' : null })
      if (url === '/api/v1/canva/capabilities') return json(200, proPlan)
      return json(404, {})
    }))
    const { container } = await render(createElement(CanvaSettings))
    await until(() => container.textContent!.includes('does not include autofill'))
    expect(container.querySelector('[data-testid="canva-plan"]')!.textContent).toContain('✗ Autofill not in your plan')
    expect(container.querySelector('[data-testid="canva-plan"]')!.textContent).toContain('✓ Brand templates included')

    await click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Disconnect Canva')!)
    await until(() => container.textContent!.includes('Canva is disconnected.'))
    expect(calls).toContain('DELETE /api/v1/canva/connection')
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toContain('Connect Canva')
  })

  it('says Canva is not set up when the server has no integration, without offering to connect', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { configured: false, connected: false, canvaUserId: null, scopes: [], connectedAt: null })))
    const { container } = await render(createElement(CanvaSettings))
    await until(() => container.textContent!.includes('not set up on this server'))
    expect(container.querySelector('button')).toBeNull()
  })

  it('shows Canva’s quota answer with a link to upgrade', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => url === '/api/v1/canva/connection'
      ? json(200, { configured: true, connected: true, canvaUserId: 'oU1', scopes: [], connectedAt: null })
      : new Response(JSON.stringify({ title: 'Canva', detail: 'Canva answered 429 quota_exceeded: used up', canvaCode: 'quota_exceeded', upgradeUrl: 'https://www.canva.com/enterprise/' }),
        { status: 429, headers: { 'Content-Type': 'application/problem+json' } })))
    const { container } = await render(createElement(CanvaSettings))
    await until(() => container.textContent!.includes('quota_exceeded'))
    const link = container.querySelector<HTMLAnchorElement>('.error a')!
    expect(link.href).toBe('https://www.canva.com/enterprise/')
    expect(link.textContent).toContain('raise the allowance')
  })
})
