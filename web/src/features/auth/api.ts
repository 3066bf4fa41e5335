import { api, toApiError } from '../../lib/api'
import { session, type TokenResponse } from '../../lib/session'

async function post(path: string, body: unknown): Promise<TokenResponse> {
  const res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  if (!res.ok) throw await toApiError(res)
  return (await res.json()) as TokenResponse
}

export async function signIn(email: string, password: string): Promise<void> {
  api.signIn(await post('/api/v1/auth/login', { email, password }))
}

export async function signUp(email: string, password: string, displayName: string): Promise<void> {
  const res = await fetch('/api/v1/auth/register', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password, displayName }),
  })
  if (!res.ok) throw await toApiError(res)
  const body = (await res.json()) as Partial<TokenResponse>
  // Register answers with tokens (or only the user, then we sign in).
  if (body.accessToken) api.signIn(body as TokenResponse)
  else await signIn(email, password)
}

export async function signOut(): Promise<void> {
  const refreshToken = session.refresh
  try {
    if (refreshToken) await api.send('POST', '/api/v1/auth/logout', { refreshToken })
  } catch {
    // signing out locally is what matters
  }
  session.end()
}
