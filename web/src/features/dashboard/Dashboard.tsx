import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { booksQuery, charactersQuery, tasksQuery } from '../../lib/resources'
import { session } from '../../lib/session'
import { Empty, ErrorBox, Loading, StatusBadge, when } from '../../lib/ui'

export function Dashboard() {
  const books = useQuery(booksQuery('sort=-updatedAt&pageSize=6'))
  const characters = useQuery(charactersQuery())
  const tasks = useQuery(tasksQuery())
  const running = tasks.data?.items.filter((t) => t.status === 'running' || t.status === 'queued').length ?? 0

  return (
    <>
      <h1>Hello{session.user ? `, ${session.user.displayName}` : ''}</h1>
      <section aria-label="Quick actions" className="actions">
        <Link className="button" to="/books/new">New book</Link>
        <Link className="button secondary" to="/characters/new">New character</Link>
        <Link className="button secondary" to="/preflight">Check a PDF</Link>
      </section>

      <section aria-label="Counts" className="counts">
        <Count label="Books" value={books.data?.total} />
        <Count label="Characters" value={characters.data?.total} />
        <Count label="Being made now" value={running} />
        <Count label="Ready to print" value={books.data?.items.filter((b) => b.status === 'ready').length} />
      </section>

      <div className="columns">
        <section aria-labelledby="recent">
          <h2 id="recent">Recent books</h2>
          {books.isPending ? (
            <Loading what="Loading your books" />
          ) : books.isError ? (
            <ErrorBox error={books.error} retry={() => books.refetch()} />
          ) : books.data.items.length === 0 ? (
            <Empty>
              <p>No books yet. Your first one takes about a minute.</p>
              <Link className="button" to="/books/new">Make your first book</Link>
            </Empty>
          ) : (
            <ul className="cards">
              {books.data.items.map((b) => (
                <li key={b.id} className="card">
                  <Link to={`/books/${b.id}`} className="card-title">{b.title}</Link>
                  <p className="muted">
                    {b.kind === 'coloring' ? 'Coloring book' : 'Picture book'} · ages {b.ageGroup} · {b.trim} in · {b.pageCount} pages
                  </p>
                  <p>
                    <StatusBadge status={b.status} /> <span className="muted">updated {when(b.updatedAt)}</span>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="cast">
          <h2 id="cast">Characters</h2>
          {characters.isPending ? (
            <Loading what="Loading your characters" />
          ) : characters.isError ? (
            <ErrorBox error={characters.error} retry={() => characters.refetch()} />
          ) : characters.data.items.length === 0 ? (
            <Empty>
              <p>No characters yet: a book can invent its own, or you can make one to use in every book.</p>
            </Empty>
          ) : (
            <ul className="chips">
              {characters.data.items.slice(0, 12).map((c) => (
                <li key={c.id} className="chip">
                  <span className="dot" style={{ background: c.bodyColor ?? '#999' }} aria-hidden="true" />
                  {c.name} <span className="muted">({c.species})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  )
}

function Count({ label, value }: { label: string; value: number | undefined }) {
  return (
    <div className="count">
      <span className="count-value">{value ?? '–'}</span>
      <span className="count-label">{label}</span>
    </div>
  )
}
