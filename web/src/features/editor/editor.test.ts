import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../lib/api'
import type { PictureList } from '../../lib/types'
import { editorApi } from './api'
import { PicturePicker } from './Pictures'

// React's act() warns unless the environment says it is a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

/** An ApiClient that records each call and answers from a handler. */
function fakeClient(answer: (method: string, path: string, body: unknown) => Response) {
  const calls: { method: string; path: string; body: unknown }[] = []
  const fetch = async (path: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : undefined
    calls.push({ method: init?.method ?? 'GET', path, body })
    return answer(init?.method ?? 'GET', path, body)
  }
  const client: ApiClient = {
    fetch,
    json: async <T,>(path: string, init?: RequestInit) => (await (await fetch(path, init)).json()) as T,
    send: async <T,>(method: string, path: string, body?: unknown) =>
      (await (await fetch(path, { method, body: body === undefined ? undefined : JSON.stringify(body) })).json()) as T,
    signIn: () => {},
  }
  return { client, calls }
}

describe('editor api', () => {
  it('sends each call to its endpoint with the body the server expects', async () => {
    const { client, calls } = fakeClient(() => json(200, { id: 't1' }))
    const api = editorApi(client)
    await api.regeneratePicture('b1', 5)
    await api.regeneratePicture('b1', 'cover', 2)
    await api.choosePicture('b1', 5, 'c9')
    await api.choosePicture('b1', 'cover', null)
    await api.rewriteText('b1', 7)
    await api.rebuild('b1')
    await api.pictures('b1', 'cover')
    expect(calls).toEqual([
      { method: 'POST', path: '/api/v1/books/b1/pages/5/regenerate-picture', body: { count: 3 } },
      { method: 'POST', path: '/api/v1/books/b1/cover/regenerate', body: { count: 2 } },
      { method: 'PUT', path: '/api/v1/books/b1/pages/5/picture', body: { candidateId: 'c9' } },
      { method: 'PUT', path: '/api/v1/books/b1/cover/picture', body: { original: true } },
      { method: 'POST', path: '/api/v1/books/b1/pages/7/regenerate-text', body: undefined },
      { method: 'POST', path: '/api/v1/books/b1/rebuild', body: undefined },
      { method: 'GET', path: '/api/v1/books/b1/cover/pictures', body: undefined },
    ])
  })

  it('turns a picture into an object URL, and a refusal into an error in words', async () => {
    const { client } = fakeClient((_m, path) => (path.endsWith('/ok') ? new Response('<svg/>', { status: 200 }) : json(404, { title: 'Not Found' })))
    URL.createObjectURL = vi.fn(() => 'blob:picture')
    await expect(editorApi(client).pictureUrl('/x/ok')).resolves.toBe('blob:picture')
    await expect(editorApi(client).pictureUrl('/x/gone')).rejects.toThrow('Not Found')
  })
})

describe('PicturePicker', () => {
  let container: HTMLDivElement
  let list: PictureList
  const puts: unknown[] = []

  beforeEach(() => {
    const candidate = (n: number, chosen = false) =>
      ({ id: `c${n}`, seed: 100 + n, createdAt: '2026-01-01T00:00:00Z', chosen, url: `/api/v1/books/b1/pictures/c${n}` })
    list = { page: 5, chosenId: 'c1', candidates: [candidate(1, true), candidate(2), candidate(3)] }
    URL.createObjectURL = vi.fn(() => 'blob:picture')
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = String(input)
      if (path.endsWith('/pages/5/pictures')) return json(200, list)
      if (path.endsWith('/pages/5/picture') && init?.method === 'PUT') {
        const body = JSON.parse(String(init.body)) as { candidateId: string }
        puts.push(body)
        list = { ...list, chosenId: body.candidateId, candidates: list.candidates.map((c) => ({ ...c, chosen: c.id === body.candidateId })) }
        return json(200, list)
      }
      if (path.includes('/pictures/')) return new Response('<svg/>', { status: 200 })
      return json(200, {})
    })
    container = document.createElement('div')
    document.body.appendChild(container)
  })

  afterEach(() => {
    vi.unstubAllGlobals()
    container.remove()
  })

  async function until(check: () => boolean) {
    for (let i = 0; i < 50 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 10)))
    expect(check()).toBe(true)
  }

  it('shows every candidate with the chosen one marked, and chooses another', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const root = createRoot(container)
    await act(async () => root.render(createElement(QueryClientProvider, { client }, createElement(PicturePicker, { bookId: 'b1', target: 5 }))))
    await until(() => container.querySelectorAll('[data-testid=candidate]').length === 3)
    const chosen = () => [...container.querySelectorAll('[data-testid=candidate]')].findIndex((li) => li.classList.contains('chosen'))
    expect(chosen()).toBe(0)
    expect(container.textContent).toContain('New pictures')
    await until(() => container.querySelectorAll('img[alt^="New picture"]').length === 3)

    const use2 = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Use picture 2')!
    await act(async () => use2.click())
    await until(() => chosen() === 1)
    expect(puts).toEqual([{ candidateId: 'c2' }])
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toContain('Use picture 1')

    // Any picture can be looked at full size, and closed again.
    await act(async () => container.querySelector<HTMLButtonElement>('[aria-label="Look closer at new picture 3"]')!.click())
    expect(container.querySelector('[role=dialog][aria-label="New picture 3"] img')).not.toBeNull()
    await act(async () => [...container.querySelectorAll<HTMLButtonElement>('[role=dialog] button')].find((b) => b.textContent === 'Close')!.click())
    expect(container.querySelector('[role=dialog]')).toBeNull()
    act(() => root.unmount())
  })
})
