import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { api } from '../../lib/api'
import { charactersQuery, keys } from '../../lib/resources'
import type { Character } from '../../lib/types'
import { Empty, ErrorBox, Loading } from '../../lib/ui'
import { Sketch } from './Sketch'

export function Characters() {
  const characters = useQuery(charactersQuery())
  const qc = useQueryClient()
  const [asking, setAsking] = useState<Character | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [deleted, setDeleted] = useState<string | null>(null)

  async function remove(c: Character) {
    setError(null)
    try {
      await api.send('DELETE', `/api/v1/characters/${c.id}`)
      setAsking(null)
      setDeleted(`${c.name} was deleted.`)
      await qc.invalidateQueries({ queryKey: keys.characters })
    } catch (e) {
      setError(e)
    }
  }

  return (
    <>
      <div className="heading-row">
        <h1>Characters</h1>
        <Link className="button" to="/characters/new">New character</Link>
      </div>
      {deleted && <p role="status">{deleted}</p>}
      {error != null && <ErrorBox error={error} />}
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
                  <p className="card-actions">
                    <Link className="button secondary" to={`/characters/${c.id}/edit`} aria-label={`Change ${c.name}`}>Change</Link>{' '}
                    <button type="button" className="secondary danger" aria-label={`Delete ${c.name}`} onClick={() => { setDeleted(null); setError(null); setAsking(c) }}>Delete…</button>
                  </p>
                  {asking?.id === c.id && (
                    <div className="confirm" role="alertdialog" aria-labelledby={`delete-${c.id}`} aria-describedby={`delete-words-${c.id}`}>
                      <h2 id={`delete-${c.id}`}>Delete {c.name}?</h2>
                      {c.books.length > 0 ? (
                        <>
                          <p id={`delete-words-${c.id}`}>
                            {c.name} is in {c.books.map((b) => `“${b.title}”`).join(', ')}. Take {c.name} out of {c.books.length === 1 ? 'that book' : 'those books'} first
                            (or delete {c.books.length === 1 ? 'the book' : 'the books'}); then it can be deleted.
                          </p>
                          <button type="button" className="secondary" onClick={() => setAsking(null)} autoFocus>Close</button>
                        </>
                      ) : (
                        <>
                          <p id={`delete-words-${c.id}`}>{c.name} is in no book. Deleting cannot be undone.</p>
                          <button type="button" className="danger" onClick={() => void remove(c)} autoFocus>Delete {c.name}</button>
                          <button type="button" className="secondary" onClick={() => setAsking(null)}>Keep {c.name}</button>
                        </>
                      )}
                    </div>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
    </>
  )
}
