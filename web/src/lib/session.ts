// The session: the short access token lives in memory, the refresh token in localStorage so a reload stays signed in.
export interface User {
  id: string
  email: string
  displayName: string
  role: string
  createdAt: string
}

export interface TokenResponse {
  accessToken: string
  accessTokenExpiresAt: string
  refreshToken: string
  refreshTokenExpiresAt: string
  user: User
}

const REFRESH_KEY = 'storyloom.refresh'
const USER_KEY = 'storyloom.user'

type Listener = () => void

class Session {
  private accessToken: string | null = null
  private listeners = new Set<Listener>()
  private storage: Storage | null
  user: User | null = null

  constructor(storage: Storage | null) {
    this.storage = storage
    const raw = storage?.getItem(USER_KEY)
    this.user = raw ? (JSON.parse(raw) as User) : null
  }

  get access(): string | null {
    return this.accessToken
  }

  get refresh(): string | null {
    return this.storage?.getItem(REFRESH_KEY) ?? null
  }

  get signedIn(): boolean {
    return this.user !== null && this.refresh !== null
  }

  start(tokens: TokenResponse): void {
    this.accessToken = tokens.accessToken
    this.user = tokens.user
    this.storage?.setItem(REFRESH_KEY, tokens.refreshToken)
    this.storage?.setItem(USER_KEY, JSON.stringify(tokens.user))
    this.emit()
  }

  end(): void {
    this.accessToken = null
    this.user = null
    this.storage?.removeItem(REFRESH_KEY)
    this.storage?.removeItem(USER_KEY)
    this.emit()
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(): void {
    for (const l of this.listeners) l()
  }
}

export const createSession = (storage: Storage | null) => new Session(storage)
export type { Session }
export const session = createSession(typeof localStorage === 'undefined' ? null : localStorage)
