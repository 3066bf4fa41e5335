import { session as defaultSession, type Session, type TokenResponse } from './session'

/** An API error in plain words: the problem+json title/detail and the field errors, if any. */
export class ApiError extends Error {
  readonly status: number
  readonly fields: Record<string, string[]>
  readonly retryAfter: number | null
  /** Where to raise a plan's allowance (Canva's quota_exceeded), when the server names one. */
  readonly upgradeUrl: string | null
  /** A third party's own error code (Canva's canvaCode), when the server passes it on. */
  readonly code: string | null

  constructor(status: number, message: string, fields: Record<string, string[]> = {}, retryAfter: number | null = null, upgradeUrl: string | null = null, code: string | null = null) {
    super(message)
    this.status = status
    this.fields = fields
    this.retryAfter = retryAfter
    this.upgradeUrl = upgradeUrl
    this.code = code
  }

  /** The first error of a field, for the message under its input. */
  field(name: string): string | undefined {
    const key = Object.keys(this.fields).find((k) => k.toLowerCase() === name.toLowerCase())
    return key ? this.fields[key][0] : undefined
  }
}

/** Thrown when the session cannot be renewed: the app sends the user to sign in, keeping what they typed. */
export class SessionExpired extends ApiError {
  constructor() {
    super(401, 'Your session has ended. Sign in again to continue; what you typed is kept.')
  }
}

interface Problem {
  title?: string
  detail?: string
  errors?: Record<string, string[]>
  canvaCode?: string
  upgradeUrl?: string
}

export async function toApiError(res: Response): Promise<ApiError> {
  let problem: Problem = {}
  try {
    problem = (await res.json()) as Problem
  } catch {
    // not JSON: the status alone says enough
  }
  const retryAfter = Number(res.headers.get('Retry-After')) || null
  const upgradeUrl = typeof problem.upgradeUrl === 'string' && /^https?:\/\//.test(problem.upgradeUrl) ? problem.upgradeUrl : null
  const code = problem.canvaCode ?? null
  // A 429 from Canva's quota is not about going fast: its words and upgrade link are what the user needs.
  if (res.status === 429 && !code) {
    const wait = retryAfter ? ` Try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.` : ' Wait a moment and try again.'
    return new ApiError(429, `You are going a little fast for the server.${wait}`, {}, retryAfter)
  }
  const fields = problem.errors ?? {}
  const fieldText = Object.values(fields).flat()
  const message =
    fieldText.length > 0
      ? capitalise(fieldText.join('. '))
      : problem.detail
        ? capitalise(problem.detail)
        : problem.title ?? defaultMessage(res.status)
  return new ApiError(res.status, message, fields, retryAfter, upgradeUrl, code)
}

const capitalise = (s: string) => (s.length > 0 ? s[0].toUpperCase() + s.slice(1) : s)

function defaultMessage(status: number): string {
  if (status === 404) return 'Not found: it may have been deleted.'
  if (status === 403) return 'You are not allowed to do that.'
  if (status >= 500) return 'Something went wrong on the server. Try again in a moment.'
  return `The request failed (${status}).`
}

export interface ApiClient {
  fetch(path: string, init?: RequestInit): Promise<Response>
  json<T>(path: string, init?: RequestInit): Promise<T>
  /** A JSON request; `headers` adds to it (e.g. an Idempotency-Key, one per user action). */
  send<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T>
  signIn(tokens: TokenResponse): void
}

/**
 * fetch with the access token; on 401 the token is renewed once with the refresh token (one refresh at a time, shared by
 * every request that failed meanwhile) and the request is sent again. When renewal fails the session ends.
 */
export function createApiClient(session: Session, baseFetch: typeof fetch = (...a) => fetch(...a), onExpired: () => void = () => {}): ApiClient {
  let refreshing: Promise<boolean> | null = null

  async function renew(): Promise<boolean> {
    const token = session.refresh
    if (!token) return false
    const res = await baseFetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: token }),
    })
    if (!res.ok) return false
    session.start((await res.json()) as TokenResponse)
    return true
  }

  function withAuth(init: RequestInit | undefined): RequestInit {
    const headers = new Headers(init?.headers)
    if (session.access) headers.set('Authorization', `Bearer ${session.access}`)
    return { ...init, headers }
  }

  async function send(path: string, init?: RequestInit): Promise<Response> {
    if (!session.access && session.refresh) {
      refreshing ??= renew().finally(() => (refreshing = null))
      await refreshing
    }
    let res = await baseFetch(path, withAuth(init))
    if (res.status !== 401 || !session.refresh) return res
    refreshing ??= renew().finally(() => (refreshing = null))
    if (!(await refreshing)) {
      session.end()
      onExpired()
      throw new SessionExpired()
    }
    res = await baseFetch(path, withAuth(init))
    return res
  }

  async function json<T>(path: string, init?: RequestInit): Promise<T> {
    const res = await send(path, init)
    if (!res.ok) throw await toApiError(res)
    if (res.status === 204) return undefined as T
    const text = await res.text()
    return (text ? JSON.parse(text) : undefined) as T
  }

  return {
    fetch: send,
    json,
    send: <T>(method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
      json<T>(path, {
        method,
        headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    signIn: (tokens) => session.start(tokens),
  }
}

// When the session ends, RequireAuth (app/App.tsx) sends the user to sign in and brings them back; drafts stay in sessionStorage.
export const api = createApiClient(defaultSession)

/** A fresh Idempotency-Key for one user action (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function actionKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
}
