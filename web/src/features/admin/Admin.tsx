import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api } from '../../lib/api'
import { adminUsersQuery, tasksQuery } from '../../lib/resources'
import { ErrorBox, Loading, StatusBadge, when } from '../../lib/ui'
import { SystemTab } from './SystemTab'

export function Admin() {
  const [tab, setTab] = useState<'users' | 'system'>('users')
  return (
    <>
      <h1>Admin</h1>
      <div className="tabs" role="tablist" aria-label="Admin sections">
        <button type="button" role="tab" id="tab-users" aria-controls="panel-users" aria-selected={tab === 'users'} className={tab === 'users' ? '' : 'secondary'} onClick={() => setTab('users')}>Users</button>
        <button type="button" role="tab" id="tab-system" aria-controls="panel-system" aria-selected={tab === 'system'} className={tab === 'system' ? '' : 'secondary'} onClick={() => setTab('system')}>System</button>
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'users' ? <UsersTab /> : <SystemTab />}
      </div>
    </>
  )
}

function UsersTab() {
  const [search, setSearch] = useState('')
  const [page, setPage] = useState(1)
  const users = useQuery(adminUsersQuery(search, page))
  const tasks = useQuery(tasksQuery())
  const qc = useQueryClient()
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: { role?: string; disabled?: boolean } }) => api.send('PATCH', `/api/v1/admin/users/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-users'] }),
  })
  return (
    <>
      <section aria-labelledby="users">
        <h2 id="users">Users</h2>
        <div className="filters" role="search">
          <label htmlFor="user-search">Search</label>
          <input id="user-search" type="search" value={search} onChange={(e) => { setSearch(e.target.value); setPage(1) }} />
        </div>
        {update.isError && <ErrorBox error={update.error} />}
        {users.isPending ? <Loading /> : users.isError ? <ErrorBox error={users.error} retry={() => users.refetch()} /> : (
          <>
            <table className="table">
              <caption className="sr-only">Users</caption>
              <thead><tr><th scope="col">Email</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">State</th><th scope="col">Joined</th><th scope="col">Actions</th></tr></thead>
              <tbody>
                {users.data.items.map((u) => (
                  <tr key={u.id}>
                    <td>{u.email}</td>
                    <td>{u.displayName}</td>
                    <td>{u.role}</td>
                    <td>{u.disabled ? 'disabled' : 'active'}</td>
                    <td>{when(u.createdAt)}</td>
                    <td>
                      <button type="button" className="link" onClick={() => update.mutate({ id: u.id, body: { role: u.role === 'admin' ? 'user' : 'admin' } })}>
                        {u.role === 'admin' ? 'Make user' : 'Make admin'}
                      </button>{' '}
                      <button type="button" className="link" onClick={() => update.mutate({ id: u.id, body: { disabled: !u.disabled } })}>
                        {u.disabled ? 'Enable' : 'Disable'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="pager">
              <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous</button>
              <span>Page {page} of {Math.max(1, Math.ceil(users.data.total / users.data.pageSize))}</span>
              <button type="button" className="secondary" disabled={page * users.data.pageSize >= users.data.total} onClick={() => setPage(page + 1)}>Next</button>
            </div>
          </>
        )}
      </section>
      <section aria-labelledby="tasks">
        <h2 id="tasks">Recent tasks</h2>
        {tasks.isPending ? <Loading /> : tasks.isError ? <ErrorBox error={tasks.error} retry={() => tasks.refetch()} /> : tasks.data.items.length === 0 ? <p className="muted">No tasks.</p> : (
          <ul className="plain">
            {tasks.data.items.map((t) => <li key={t.id}><StatusBadge status={t.status} /> {t.stepText} · {t.percent}% · {when(t.createdAt)}</li>)}
          </ul>
        )}
      </section>
    </>
  )
}
