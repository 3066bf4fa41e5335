import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { charactersQuery } from '../../lib/resources'
import { Empty, ErrorBox, Loading } from '../../lib/ui'
import { Sketch } from './Sketch'

export function Characters() {
  const characters = useQuery(charactersQuery())
  return (
    <>
      <div className="heading-row">
        <h1>Characters</h1>
        <Link className="button" to="/characters/new">New character</Link>
      </div>
      {characters.isPending ? <Loading /> : characters.isError ? <ErrorBox error={characters.error} retry={() => characters.refetch()} /> :
        characters.data.items.length === 0 ? (
          <Empty><p>No characters yet. Make one and use it in every book of a series.</p></Empty>
        ) : (
          <ul className="cards">
            {characters.data.items.map((c) => (
              <li key={c.id} className="card character-card">
                <Sketch species={c.species} body={c.bodyColor} accent={c.accentColor} clothing={c.clothingColor} size={72} />
                <div>
                  <strong>{c.name}</strong> <span className="muted">{c.species}, {c.role}</span>
                  <p className="muted">{c.traits.join(', ')}</p>
                  {c.books.length > 0 && <p className="muted">In: {c.books.map((b) => b.title).join(', ')}</p>}
                </div>
              </li>
            ))}
          </ul>
        )}
    </>
  )
}
