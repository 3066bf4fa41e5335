// Hand-written from /openapi/v1.json (and the jobs branch's TaskDtos.cs).
export interface PagedList<T> {
  items: T[]
  page: number
  pageSize: number
  total: number
}

export interface BookCharacter { id: string; name: string; species: string }
export interface PageSummary { number: number; role: string; excerpt: string | null }

export interface BookSummary {
  id: string; title: string; author: string; kind: string; ageGroup: string; theme: string; trim: string
  pageCount: number; ink: string; status: string; createdAt: string; updatedAt: string
}

export interface Book extends BookSummary {
  ownerId: string; educationalFocus: string | null; shape: string | null; moral: string | null; paper: string
  bleed: boolean; seed: number; artStyle: string | null; templateId: string | null; spineWidthIn: number
  characters: BookCharacter[]; pages: PageSummary[]
}

export interface BookRequest {
  title?: string; author?: string; kind?: string; ageGroup?: string; theme?: string; educationalFocus?: string; shape?: string
  moral?: string; trim?: string; pageCount?: number; ink?: string; paper?: string; bleed?: boolean; seed?: number
  artStyle?: string; templateId?: string; characterIds?: string[]
}

export interface Page { number: number; role: string; text: string | null; illustration: unknown; imageAssetId: string | null; updatedAt: string }

export interface Character {
  id: string; ownerId: string; name: string; species: string; role: string; pronoun: string | null; traits: string[]
  visualDescription: string; bodyColor: string | null; accentColor: string | null; clothing: string | null
  clothingColor: string | null; accessory: string | null; chosenImageAssetId: string | null; createdAt: string; updatedAt: string
  books: { id: string; title: string }[]
}

export type CharacterRequest = Partial<Omit<Character, 'id' | 'ownerId' | 'createdAt' | 'updatedAt' | 'books' | 'chosenImageAssetId'>>

export interface Template { id: string; key: string | null; name: string; kind: string; description: string; spec: Record<string, unknown>; builtIn: boolean }

export interface TaskStep { name: string; text: string; position: number; status: string; startedAt: string; finishedAt: string | null; seconds: number | null }

export interface GenerationTask {
  id: string; bookId: string | null; kind: string; status: string; step: string | null; stepText: string; percent: number
  stepsDone: number; stepsTotal: number; engine: string | null; error: string | null; createdAt: string
  startedAt: string | null; finishedAt: string | null; seconds: number | null; steps: TaskStep[] | null
}

export interface TaskEvent { id: number; taskId: string; type: string; step: string | null; stepText: string; percent: number; message: string; at: string }

export interface PreflightCheck { rule: string; file: string; title: string; level: string; status: string; detail: string }
export interface PreflightReport { checks: PreflightCheck[]; passed?: boolean; verdict?: string }

export interface ApiKey { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null }
export interface AdminUser { id: string; email: string; displayName: string; role: string; disabled: boolean; lockedUntil: string | null; createdAt: string }

export const FINISHED = ['succeeded', 'failed', 'cancelled']

/** A picture drawn again for a page or the cover (GET …/pictures); url needs the same credentials as the API. */
export interface PictureCandidate { id: string; seed: number; createdAt: string; chosen: boolean; url: string }
export interface PictureList { page: number | null; chosenId: string | null; candidates: PictureCandidate[] }
