// The editor's server calls: draw a page's (or the cover's) picture again, list and choose candidates, rewrite a page's
// text, rebuild the PDFs. Each takes the API client so tests can pass a fake one.
import { queryOptions } from '@tanstack/react-query'
import { api as defaultApi, toApiError, type ApiClient } from '../../lib/api'
import type { GenerationTask, PictureList } from '../../lib/types'

/** A page number, or 'cover'. */
export type PictureTarget = number | 'cover'

const base = (bookId: string, target: PictureTarget) =>
  target === 'cover' ? `/api/v1/books/${bookId}/cover` : `/api/v1/books/${bookId}/pages/${target}`

export const picturesKey = (bookId: string, target: PictureTarget) => ['books', bookId, 'pictures', String(target)] as const

export function editorApi(client: ApiClient = defaultApi) {
  return {
    pictures: (bookId: string, target: PictureTarget) => client.json<PictureList>(`${base(bookId, target)}/pictures`),

    regeneratePicture: (bookId: string, target: PictureTarget, count = 3) =>
      client.send<GenerationTask>('POST', target === 'cover' ? `${base(bookId, target)}/regenerate` : `${base(bookId, target)}/regenerate-picture`, { count }),

    choosePicture: (bookId: string, target: PictureTarget, candidateId: string | null) =>
      client.send<PictureList>('PUT', `${base(bookId, target)}/picture`, candidateId ? { candidateId } : { original: true }),

    rewriteText: (bookId: string, page: number) => client.send<GenerationTask>('POST', `${base(bookId, page)}/regenerate-text`),

    rebuild: (bookId: string) => client.send<GenerationTask>('POST', `/api/v1/books/${bookId}/rebuild`),

    /** The picture as an object URL: an <img> cannot send the access token. The caller revokes it. */
    async pictureUrl(url: string): Promise<string> {
      const res = await client.fetch(url)
      if (!res.ok) throw await toApiError(res)
      return URL.createObjectURL(await res.blob())
    },
  }
}

export const picturesQuery = (bookId: string, target: PictureTarget, client?: ApiClient) =>
  queryOptions({ queryKey: picturesKey(bookId, target), queryFn: () => editorApi(client).pictures(bookId, target) })
