import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { booksQuery } from '../../lib/resources'
import { Empty, ErrorBox, Loading, StatusBadge, when } from '../../lib/ui'

export function BookList() {
  const [q, setQ] = useState('')
  const [kind, setKind] = useState('')
  const params = new URLSearchParams({ sort: '-updatedAt', pageSize: '50' })
  if (q.trim()) params.set('q', q.trim())
  if (kind) params.set('kind', kind)
  const books = useQuery(booksQuery(params.toString()))

  return (
    <>
      <div className="heading-row">
        <h1>Books</h1>
        <Link className="button" to="/books/new">New book</Link>
      </div>
      <div className="filters" role="search">
        <label htmlFor="q">Search</label>
        <input id="q" type="search" placeholder="Title, theme or author" value={q} onChange={(e) => setQ(e.target.value)} />
        <label htmlFor="kind">Kind</label>
        <select id="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">All</option>
          <option value="story">Picture books</option>
          <option value="coloring">Coloring books</option>
        </select>
      </div>
      {books.isPending ? (
        <Loading />
      ) : books.isError ? (
        <ErrorBox error={books.error} retry={() => books.refetch()} />
      ) : books.data.items.length === 0 ? (
        <Empty>{q || kind ? <p>No book matches.</p> : <p>No books yet. <Link to="/books/new">Make one</Link>.</p>}</Empty>
      ) : (
        <table className="table">
          <caption className="sr-only">Your books</caption>
          <thead>
            <tr><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Pages</th><th scope="col">Status</th><th scope="col">Updated</th></tr>
          </thead>
          <tbody>
            {books.data.items.map((b) => (
              <tr key={b.id}>
                <td><Link to={`/books/${b.id}`}>{b.title}</Link></td>
                <td>{b.kind}</td>
                <td>{b.pageCount}</td>
                <td><StatusBadge status={b.status} /></td>
                <td>{when(b.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
