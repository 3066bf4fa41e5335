import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { lazy, Suspense, useSyncExternalStore, type ReactNode } from 'react'
import { BrowserRouter, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router'
import { ApiError } from '../lib/api'
import { session } from '../lib/session'
import { SignIn, SignUp } from '../features/auth/AuthScreens'
import { Dashboard } from '../features/dashboard/Dashboard'
import { signOut } from '../features/auth/api'
import { Loading } from '../lib/ui'

// The dashboard and the sign-in screens come with the app; every other screen is its own chunk, fetched when first
// opened (pdf.js, the largest, only by the print preview). bench/RESULTS.md has the sizes and first-render times.
const BookList = lazy(() => import('../features/books/BookList').then((m) => ({ default: m.BookList })))
const NewBookWizard = lazy(() => import('../features/books/NewBookWizard').then((m) => ({ default: m.NewBookWizard })))
const BookOverview = lazy(() => import('../features/books/BookOverview').then((m) => ({ default: m.BookOverview })))
const Characters = lazy(() => import('../features/characters/Characters').then((m) => ({ default: m.Characters })))
const CharacterWizard = lazy(() => import('../features/characters/CharacterWizard').then((m) => ({ default: m.CharacterWizard })))
const EditCharacter = lazy(() => import('../features/characters/CharacterWizard').then((m) => ({ default: m.EditCharacter })))
const Editor = lazy(() => import('../features/editor/Editor').then((m) => ({ default: m.Editor })))
const Preflight = lazy(() => import('../features/preflight/Preflight').then((m) => ({ default: m.Preflight })))
const Settings = lazy(() => import('../features/settings/Settings').then((m) => ({ default: m.Settings })))
const Admin = lazy(() => import('../features/admin/Admin').then((m) => ({ default: m.Admin })))
const Preview = lazy(() => import('../features/preview/Preview').then((m) => ({ default: m.Preview })))

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; a network blip or a 5xx might.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500),
      staleTime: 10_000,
    },
  },
})

const useSession = () => useSyncExternalStore((l) => session.subscribe(l), () => session.user)

function RequireAuth({ children }: { children: ReactNode }) {
  const user = useSession()
  const location = useLocation()
  if (!user || !session.refresh) {
    const next = encodeURIComponent(location.pathname + location.search)
    return <Navigate to={`/signin?next=${next}${user === null && location.pathname !== '/' ? '&expired=1' : ''}`} replace />
  }
  return <Shell>{children}</Shell>
}

function Shell({ children }: { children: ReactNode }) {
  const user = useSession()
  const navigate = useNavigate()
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <NavLink to="/" className="brand" end>
          Storyloom
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/" end>Dashboard</NavLink>
          <NavLink to="/books">Books</NavLink>
          <NavLink to="/characters">Characters</NavLink>
          <NavLink to="/preflight">Preflight</NavLink>
          <NavLink to="/settings">Settings</NavLink>
          {user?.role === 'admin' && <NavLink to="/admin">Admin</NavLink>}
        </nav>
        <button
          type="button"
          className="link"
          onClick={async () => {
            await signOut()
            queryClient.clear()
            navigate('/signin')
          }}
        >
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
    </>
  )
}

const secured = (element: ReactNode) => <RequireAuth>{element}</RequireAuth>

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path="/signin" element={<SignIn />} />
          <Route path="/signup" element={<SignUp />} />
          <Route path="/" element={secured(<Dashboard />)} />
          <Route path="/books" element={secured(<BookList />)} />
          <Route path="/books/new" element={secured(<NewBookWizard />)} />
          <Route path="/books/:id" element={secured(<BookOverview />)} />
          <Route path="/books/:id/edit" element={secured(<Editor />)} />
          <Route path="/books/:id/preview" element={secured(<Preview />)} />
          <Route path="/books/:id/preflight" element={secured(<Preflight />)} />
          <Route path="/characters" element={secured(<Characters />)} />
          <Route path="/characters/new" element={secured(<CharacterWizard />)} />
          <Route path="/characters/:id/edit" element={secured(<EditCharacter />)} />
          <Route path="/preflight" element={secured(<Preflight />)} />
          <Route path="/settings" element={secured(<Settings />)} />
          <Route path="/admin" element={secured(<Admin />)} />
          <Route path="*" element={secured(<p>There is no page here. <NavLink to="/">Back to the dashboard</NavLink></p>)} />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  )
}
