import { describe, expect, it } from 'vitest'
import { ApiError, createApiClient, SessionExpired } from './api'
import { parseSse } from './events'
import { createSession, type TokenResponse } from './session'

class MemoryStorage implements Storage {
  private data = new Map<string, string>()
  get length() { return this.data.size }
  clear() { this.data.clear() }
  getItem(k: string) { return this.data.get(k) ?? null }
  key(i: number) { return [...this.data.keys()][i] ?? null }
  removeItem(k: string) { this.data.delete(k) }
  setItem(k: string, v: string) { this.data.set(k, v) }
}

const tokens = (n: number): TokenResponse => ({
  accessToken: `access-${n}`, accessTokenExpiresAt: '', refreshToken: `refresh-${n}`, refreshTokenExpiresAt: '',
  user: { id: 'u', email: 'a@b.c', displayName: 'A', role: 'user', createdAt: '' },
})

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })

/** A fake server: access tokens issued by refresh are valid; the first one has expired. */
function fakeServer(refreshWorks = true) {
  const calls: string[] = []
  let issued = 1
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    const auth = new Headers(init?.headers).get('Authorization')
    calls.push(`${init?.method ?? 'GET'} ${url} ${auth ?? ''}`.trim())
    if (url === '/api/v1/auth/refresh') {
      const body = JSON.parse(String(init?.body)) as { refreshToken: string }
      if (!refreshWorks || body.refreshToken !== `refresh-${issued}`) return json(401, { title: 'Sign in again' })
      issued++
      return json(200, tokens(issued))
    }
    if (auth !== `Bearer access-${issued}` || issued === 1) return json(401, {})
    return json(200, { ok: true })
  }
  return { fetch: fetch as typeof globalThis.fetch, calls }
}

describe('API client', () => {
  it('renews an expired access token with the refresh token and repeats the request', async () => {
    const session = createSession(new MemoryStorage())
    session.start(tokens(1))
    const server = fakeServer()
    const client = createApiClient(session, server.fetch)

    await expect(client.json('/api/v1/books')).resolves.toEqual({ ok: true })
    expect(server.calls).toEqual([
      'GET /api/v1/books Bearer access-1',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/books Bearer access-2',
    ])
    expect(session.refresh).toBe('refresh-2')
  })

  it('refreshes once for many requests that fail together', async () => {
    const session = createSession(new MemoryStorage())
    session.start(tokens(1))
    const server = fakeServer()
    const client = createApiClient(session, server.fetch)

    await Promise.all([client.json('/a'), client.json('/b'), client.json('/c')])
    expect(server.calls.filter((c) => c.includes('refresh'))).toHaveLength(1)
  })

  it('after a reload (no access token in memory) refreshes before the first request', async () => {
    const storage = new MemoryStorage()
    createSession(storage).start(tokens(1))
    const reloaded = createSession(storage)
    const server = fakeServer()
    await createApiClient(reloaded, server.fetch).json('/a')
    expect(server.calls[0]).toBe('POST /api/v1/auth/refresh')
    expect(reloaded.user?.email).toBe('a@b.c')
  })

  it('ends the session when the refresh token is refused', async () => {
    const session = createSession(new MemoryStorage())
    session.start(tokens(1))
    let expired = false
    const client = createApiClient(session, fakeServer(false).fetch, () => (expired = true))

    await expect(client.json('/a')).rejects.toBeInstanceOf(SessionExpired)
    expect(expired).toBe(true)
    expect(session.signedIn).toBe(false)
  })

  it('turns problem+json, validation and rate limits into plain words', async () => {
    const session = createSession(new MemoryStorage())
    const reply = (res: Response) => createApiClient(session, async () => res)
    const validation = await reply(json(400, { title: 'One or more validation errors occurred.', errors: { pageCount: ['standard color needs at least 72 pages'] } }))
      .json('/x').catch((e: ApiError) => e)
    expect(validation).toBeInstanceOf(ApiError)
    expect((validation as ApiError).message).toBe('Standard color needs at least 72 pages')
    expect((validation as ApiError).field('pagecount')).toBe('standard color needs at least 72 pages')

    const limited = (await reply(json(429, {}, { 'Retry-After': '12' })).json('/x').catch((e: ApiError) => e)) as ApiError
    expect(limited.message).toBe('You are going a little fast for the server. Try again in 12 seconds.')

    const missing = (await reply(json(404, { title: 'Not found', detail: 'cover.pdf is not built yet; generate the book first' })).json('/x').catch((e: ApiError) => e)) as ApiError
    expect(missing.message).toBe('Cover.pdf is not built yet; generate the book first')
  })
})

describe('Server-Sent Events', () => {
  it('splits the stream into events and keeps a half-received one for later', () => {
    const { messages, rest } = parseSse('id: 1\nevent: step\ndata: {"percent":10}\n\n: keep-alive\n\nid: 2\ndata: {"perc')
    expect(messages).toEqual([{ id: '1', event: 'step', data: '{"percent":10}' }])
    expect(rest).toBe('id: 2\ndata: {"perc')
  })
})

describe('Canva errors', () => {
  it('keep Canva’s words and the upgrade link for quota_exceeded instead of the rate-limit message', async () => {
    const { toApiError } = await import('./api')
    const error = await toApiError(json(429, {
      title: 'Canva', detail: 'Canva answered 429 quota_exceeded: used up; upgrade the Canva plan at https://www.canva.com/enterprise/ or wait',
      canvaCode: 'quota_exceeded', upgradeUrl: 'https://www.canva.com/enterprise/',
    }))
    expect(error.message).toMatch(/^Canva answered 429 quota_exceeded/)
    expect(error.upgradeUrl).toBe('https://www.canva.com/enterprise/')
    expect(error.code).toBe('quota_exceeded')
  })

  it('never take an upgrade link that is not a web address', async () => {
    const { toApiError } = await import('./api')
    const error = await toApiError(json(429, { detail: 'x', canvaCode: 'quota_exceeded', upgradeUrl: 'javascript:alert(1)' }))
    expect(error.upgradeUrl).toBeNull()
  })

  it('leave a plain 429 as the rate-limit message', async () => {
    const { toApiError } = await import('./api')
    expect((await toApiError(json(429, { title: 'Too Many Requests' }, { 'Retry-After': '3' }))).message).toMatch(/Try again in 3 seconds/)
  })
})

describe('actionKey', () => {
  it('makes a different visible-ASCII key each time, short enough for the server', async () => {
    const { actionKey } = await import('./api')
    const a = actionKey()
    const b = actionKey()
    expect(a).not.toBe(b)
    expect(a).toMatch(/^[!-~]{1,200}$/)
  })
})
