// Shared server resources: each exports its fetcher as query options (TanStack Query) and the mutations features use.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, toApiError } from './api'
import type {
  AdminUser, AiSettings, AiSettingsRequest, AlertRule, ApiKey, FailedTask, SystemStats, TaskStats, WorkersStats, Book, BookRequest, BriefCheck, CostEstimate, BookSummary, Character, CharacterRequest, GenerationTask, Page, PagedList, PreflightReport, Template,
} from './types'

export const keys = {
  books: ['books'] as const,
  book: (id: string) => ['books', id] as const,
  pages: (id: string) => ['books', id, 'pages'] as const,
  characters: ['characters'] as const,
  tasks: ['tasks'] as const,
}

export const booksQuery = (params = 'sort=-updatedAt&pageSize=50') =>
  queryOptions({ queryKey: [...keys.books, params], queryFn: () => api.json<PagedList<BookSummary>>(`/api/v1/books?${params}`) })

/** The book with the ETag it was read with, so an edit can say which version it was made from (If-Match). */
export async function fetchBook(id: string): Promise<Book> {
  const res = await api.fetch(`/api/v1/books/${id}`)
  if (!res.ok) throw await toApiError(res)
  return { ...((await res.json()) as Book), etag: res.headers.get('ETag') ?? undefined }
}

export const bookQuery = (id: string) => queryOptions({ queryKey: keys.book(id), queryFn: () => fetchBook(id) })

/** PATCH a book from the version the caller read (If-Match); the answer carries the new ETag. A 412 means it was saved elsewhere first. */
export async function patchBook(id: string, etag: string | undefined, req: BookRequest): Promise<Book> {
  const res = await api.fetch(`/api/v1/books/${id}`, {
    method: 'PATCH', headers: { 'Content-Type': 'application/json', ...(etag ? { 'If-Match': etag } : {}) }, body: JSON.stringify(req),
  })
  if (!res.ok) throw await toApiError(res)
  return { ...((await res.json()) as Book), etag: res.headers.get('ETag') ?? undefined }
}

export const pagesQuery = (id: string) => queryOptions({ queryKey: keys.pages(id), queryFn: () => api.json<Page[]>(`/api/v1/books/${id}/pages`) })

export const charactersQuery = () =>
  queryOptions({ queryKey: keys.characters, queryFn: () => api.json<PagedList<Character>>('/api/v1/characters?pageSize=100') })

export const templatesQuery = () => queryOptions({ queryKey: ['templates'], queryFn: () => api.json<Template[]>('/api/v1/templates'), staleTime: 600_000 })

export const tasksQuery = (bookId?: string) =>
  queryOptions({
    queryKey: [...keys.tasks, bookId ?? 'all'],
    queryFn: async () => {
      const res = await api.fetch(`/api/v1/tasks?pageSize=20${bookId ? `&bookId=${bookId}` : ''}`)
      // Before the jobs engine is deployed the route does not exist: no tasks rather than an error.
      if (res.status === 404 || res.status === 405) return { items: [], page: 1, pageSize: 20, total: 0 } as PagedList<GenerationTask>
      if (!res.ok) throw new Error(`tasks: ${res.status}`)
      return (await res.json()) as PagedList<GenerationTask>
    },
  })

export const preflightQuery = (bookId: string) =>
  queryOptions({
    queryKey: ['books', bookId, 'preflight'],
    queryFn: async () => {
      const res = await api.fetch(`/api/v1/books/${bookId}/files/preflight.json`)
      return res.status === 404 ? null : ((await res.json()) as PreflightReport)
    },
  })

export const aiSettingsQuery = () => queryOptions({ queryKey: ['settings', 'ai'], queryFn: () => api.json<AiSettings>('/api/v1/settings/ai') })

export function useSaveAiSettings() {
  const qc = useQueryClient()
  return useMutation({
    // From the version on screen: a save made in another tab since is a 412, not silently overwritten.
    mutationFn: (req: AiSettingsRequest) => {
      const etag = qc.getQueryData<AiSettings>(['settings', 'ai'])?.etag
      return api.send<AiSettings>('PUT', '/api/v1/settings/ai', req, etag ? { 'If-Match': etag } : undefined)
    },
    onSuccess: (saved) => qc.setQueryData(['settings', 'ai'], saved),
  })
}

/** What a brief not saved yet would cost with its engines (the new-book wizard). */
export const briefEstimateQuery = (req: BookRequest) =>
  queryOptions({
    queryKey: ['estimate', req],
    queryFn: () => api.send<CostEstimate>('POST', '/api/v1/books/estimate', req),
    staleTime: 30_000,
  })

export const apiKeysQuery = () => queryOptions({ queryKey: ['api-keys'], queryFn: () => api.json<ApiKey[]>('/api/v1/auth/api-keys') })

export const adminUsersQuery = (search: string, page: number) =>
  queryOptions({
    queryKey: ['admin-users', search, page],
    queryFn: () => api.json<PagedList<AdminUser>>(`/api/v1/admin/users?page=${page}&pageSize=25${search ? `&search=${encodeURIComponent(search)}` : ''}`),
  })

/** The brief checked by the server without saving it: field errors, and what the offline engines will not do as asked. */
export const briefCheckQuery = (req: BookRequest, enabled: boolean) =>
  queryOptions({
    queryKey: ['brief-check', req],
    queryFn: () => api.send<BriefCheck>('POST', '/api/v1/books/check', req),
    enabled,
    retry: false,
    staleTime: 60_000,
  })

export function useCreateBook() {
  const qc = useQueryClient()
  return useMutation({
    // The key is the user's one action: a retry after a lost answer gets the same book back, not a second one.
    mutationFn: ({ req, key }: { req: BookRequest; key: string }) => api.send<Book>('POST', '/api/v1/books', req, { 'Idempotency-Key': key }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.books }),
  })
}

export function useUpdateBook(id: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (req: BookRequest) => api.send<Book>('PATCH', `/api/v1/books/${id}`, req),
    onSuccess: (book) => {
      qc.setQueryData(keys.book(id), book)
      void qc.invalidateQueries({ queryKey: keys.books })
    },
  })
}

export function useCreateCharacter() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (req: CharacterRequest) => api.send<Character>('POST', '/api/v1/characters', req),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.characters }),
  })
}

/** Starts generation (202 + the task); before the jobs engine exists, writes the manuscript with the offline engine instead. */
export async function startGeneration(bookId: string): Promise<GenerationTask | null> {
  const res = await api.fetch(`/api/v1/books/${bookId}/generate`, { method: 'POST' })
  if (res.status === 404 || res.status === 405) {
    await api.send<Book>('POST', `/api/v1/books/${bookId}/manuscript`)
    return null
  }
  if (!res.ok) throw await toApiError(res)
  return (await res.json()) as GenerationTask
}

export const fileUrl = (bookId: string, name: string) => `/api/v1/books/${bookId}/files/${name}`

/** Downloads a file with the access token (a plain link cannot send it) and saves it under the server's file name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await api.fetch(path)
  if (!res.ok) throw await toApiError(res)
  const blob = await res.blob()
  const disposition = res.headers.get('Content-Disposition') ?? ''
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = decodeURIComponent(name)
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

// Admin System tab: refreshed every 10 seconds while it is open.
const monitoring = <T,>(what: string) =>
  queryOptions({ queryKey: ['admin-monitoring', what], queryFn: () => api.json<T>(`/api/v1/admin/monitoring/${what}`), refetchInterval: 10_000 })

export const systemQuery = () => monitoring<SystemStats>('system')
export const workersQuery = () => monitoring<WorkersStats>('workers')
export const taskStatsQuery = () => monitoring<TaskStats>('tasks')
export const failuresQuery = () => monitoring<FailedTask[]>('errors')
export const alertRulesQuery = () =>
  queryOptions({ queryKey: ['admin-alerts'], queryFn: () => api.json<AlertRule[]>('/api/v1/admin/alerts'), refetchInterval: 10_000 })
