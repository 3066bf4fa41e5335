import { useState, type FormEvent } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { ErrorBox, Field, fieldError } from '../../lib/ui'
import { signIn, signUp } from './api'

function useNext() {
  const [params] = useSearchParams()
  const next = params.get('next')
  // Only paths of this app: never an address elsewhere.
  return { next: next && next.startsWith('/') && !next.startsWith('//') ? next : '/', expired: params.get('expired') === '1' }
}

export function SignIn() {
  const navigate = useNavigate()
  const { next, expired } = useNext()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await signIn(email, password)
      navigate(next, { replace: true })
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <main id="main" className="auth">
      <h1>Sign in to Storyloom</h1>
      {expired && <p className="notice" role="status">Your session ended. Sign in again and you will be back where you were, with what you typed.</p>}
      <form onSubmit={submit} noValidate>
        <Field label="Email" id="email" error={fieldError(error, 'email')}>
          <input id="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label="Password" id="password" error={fieldError(error, 'password')}>
          <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        {error != null && !fieldError(error, 'email') && !fieldError(error, 'password') && <ErrorBox error={error} />}
        <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
      <p>
        New here? <Link to={`/signup?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </main>
  )
}

export function SignUp() {
  const navigate = useNavigate()
  const { next } = useNext()
  const [form, setForm] = useState({ displayName: '', email: '', password: '' })
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value })

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await signUp(form.email, form.password, form.displayName)
      navigate(next, { replace: true })
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const shown = ['email', 'password', 'displayName'].some((f) => fieldError(error, f))
  return (
    <main id="main" className="auth">
      <h1>Create your Storyloom account</h1>
      <p className="muted">Make print-ready children's books for Amazon KDP, from a short brief to the files you upload.</p>
      <form onSubmit={submit} noValidate>
        <Field label="Your name" id="displayName" error={fieldError(error, 'displayName')}>
          <input id="displayName" autoComplete="name" value={form.displayName} onChange={set('displayName')} />
        </Field>
        <Field label="Email" id="email" error={fieldError(error, 'email')}>
          <input id="email" type="email" autoComplete="email" required value={form.email} onChange={set('email')} />
        </Field>
        <Field label="Password" id="password" error={fieldError(error, 'password')} hint="At least 10 characters; a short sentence is easy to remember.">
          <input id="password" type="password" autoComplete="new-password" required value={form.password} onChange={set('password')} />
        </Field>
        {error != null && !shown && <ErrorBox error={error} />}
        <button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create account'}</button>
      </form>
      <p>
        Have an account? <Link to={`/signin?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </main>
  )
}
