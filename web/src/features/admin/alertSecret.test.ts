import { createElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { click, json, render, until } from '../../test/render'
import { AlertsCard } from './SystemTab'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const rule = {
  id: 'r1', name: 'Queue too long', metric: 'storyloom_queue_depth', comparison: 'gt', threshold: 10, forSeconds: 60, webhookHost: 'hooks.example.com',
  enabled: true, state: 'ok', lastValue: 2, lastEvaluatedAt: null, pendingSince: null, firedAt: null, resolvedAt: null, lastDeliveryError: null,
  createdAt: '2026-11-22T10:00:00Z', updatedAt: '2026-11-22T10:00:00Z', signed: true, signingSecret: null,
}

describe('Alert signing secrets', () => {
  it('shows a new signing secret once, after the admin asks for it', async () => {
    const sent: unknown[] = []
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/v1/admin/alerts/r1' && init?.method === 'PUT') {
        sent.push(JSON.parse(init.body as string))
        return json(200, { ...rule, signingSecret: 'slws_new_secret_123' })
      }
      if (url === '/api/v1/admin/alerts') return json(200, [rule])
      return json(404, {})
    }))
    const { container } = await render(createElement(AlertsCard))
    await until(() => container.textContent!.includes('Queue too long'))
    expect(container.textContent).not.toContain('slws_new_secret_123')

    await click(container.querySelector<HTMLButtonElement>('button[aria-label="New signing secret for alert Queue too long"]')!)
    await until(() => container.textContent!.includes('slws_new_secret_123'))
    expect(sent).toEqual([expect.objectContaining({ rotateSigningSecret: true, enabled: true })])

    await click([...container.querySelectorAll('button')].find((b) => b.textContent === 'I have saved it')!)
    expect(container.textContent).not.toContain('slws_new_secret_123')
  })
})
