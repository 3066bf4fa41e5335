// Canva Connect, shared by Settings (connect, disconnect, what the plan allows) and the book screens (brand templates).
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from './api'
import type { CanvaBook, CanvaCapabilities, CanvaConnection, CanvaContent, CanvaField, CanvaTemplateDetail, CanvaTemplateList } from './types'

export const canvaKeys = {
  connection: ['canva', 'connection'] as const,
  capabilities: ['canva', 'capabilities'] as const,
  templates: ['canva', 'templates'] as const,
  template: (id: string) => ['canva', 'templates', id] as const,
  book: (id: string) => ['canva', 'books', id] as const,
}

export const canvaConnectionQuery = () =>
  queryOptions({ queryKey: canvaKeys.connection, queryFn: () => api.json<CanvaConnection>('/api/v1/canva/connection'), staleTime: 60_000 })

export const canvaCapabilitiesQuery = () =>
  queryOptions({ queryKey: canvaKeys.capabilities, queryFn: () => api.json<CanvaCapabilities>('/api/v1/canva/capabilities'), staleTime: 300_000 })

export const canvaTemplatesQuery = () =>
  queryOptions({ queryKey: canvaKeys.templates, queryFn: () => api.json<CanvaTemplateList>('/api/v1/canva/brand-templates'), staleTime: 60_000 })

export const canvaTemplateQuery = (id: string) =>
  queryOptions({ queryKey: canvaKeys.template(id), queryFn: () => api.json<CanvaTemplateDetail>(`/api/v1/canva/brand-templates/${encodeURIComponent(id)}`), staleTime: 60_000 })

export const canvaBookQuery = (bookId: string) =>
  queryOptions({ queryKey: canvaKeys.book(bookId), queryFn: () => api.json<CanvaBook>(`/api/v1/canva/books/${bookId}`) })

/** Asks the server for Canva's authorize link (PKCE is kept server-side) and goes there; Canva comes back to returnTo. */
export async function connectCanva(returnTo: string, go: (url: string) => void = (url) => window.location.assign(url)): Promise<void> {
  const link = await api.json<{ authorizeUrl: string }>(`/api/v1/canva/connect?returnTo=${encodeURIComponent(returnTo)}`)
  go(link.authorizeUrl)
}

export function useDisconnectCanva() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: () => api.send<void>('DELETE', '/api/v1/canva/connection'),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['canva'] }),
  })
}

export function useSaveCanvaMapping() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ templateId, fields }: { templateId: string; fields: Record<string, CanvaContent> }) =>
      api.send<CanvaTemplateDetail>('PUT', `/api/v1/canva/brand-templates/${encodeURIComponent(templateId)}/mapping`, { fields }),
    onSuccess: (saved) => qc.setQueryData(canvaKeys.template(saved.template.id), saved),
  })
}

export const setCanvaBookTemplates = (bookId: string, choice: { pagesTemplateId: string | null; coverTemplateId: string | null }) =>
  api.send<CanvaBook>('PUT', `/api/v1/canva/books/${bookId}`, choice)

export const CONTENT_WORDS: Record<CanvaContent, string> = {
  title: 'The book’s title',
  author: 'The author’s name',
  'page-text': 'The page’s text',
  'page-picture': 'The page’s picture',
  'cover-picture': 'The cover picture',
}

/** What a field of this type can hold: pictures go in image fields, words in text fields. */
export const contentFor = (type: string): CanvaContent[] =>
  type === 'image' ? ['page-picture', 'cover-picture'] : ['title', 'author', 'page-text']

/** The mapping to start from: what was saved, else the server's guess from the field's name, else left as designed. */
export function initialMapping(fields: CanvaField[]): Record<string, CanvaContent | ''> {
  return Object.fromEntries(fields.map((f) => [f.name, f.mappedTo ?? f.suggested ?? '']))
}

/** A cover template must fill the title or the cover picture; a pages template the page text or picture (as the server checks). */
export function mappingProblem(part: 'cover' | 'pages', mapping: Record<string, CanvaContent | ''>): string | null {
  const values = Object.values(mapping)
  const needs: CanvaContent[] = part === 'cover' ? ['title', 'cover-picture'] : ['page-text', 'page-picture']
  if (values.some((v) => v !== '' && needs.includes(v))) return null
  return part === 'cover'
    ? 'Choose a field for the book’s title or the cover picture: a cover template must show at least one of them.'
    : 'Choose a field for the page’s text or picture: a page template must show at least one of them.'
}

export const filledOnly = (mapping: Record<string, CanvaContent | ''>): Record<string, CanvaContent> =>
  Object.fromEntries(Object.entries(mapping).filter((e): e is [string, CanvaContent] => e[1] !== ''))
