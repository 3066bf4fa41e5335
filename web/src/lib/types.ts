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
  /** What the offline engines will not do as the brief asks; only in the answer to a create or an update. */
  warnings?: string[] | null
  textEngine: Engine; artEngine: Engine; language: string | null; budgetUsd: number | null
  level: string | null; dedication: string | null; aboutAuthor: string | null; meetTheCharacters: boolean
  imprint: string | null; reviewedByAuthor: boolean; credit: boolean
  /** The ETag the book was read with (from the response header), for If-Match on PATCH. */
  etag?: string
  /** print, and ebook when the Kindle eBook is made too. */
  formats: string[]; narrate: boolean
}

export type Engine = 'offline' | 'openai'

export interface BookRequest {
  title?: string; author?: string; kind?: string; ageGroup?: string; theme?: string; educationalFocus?: string; shape?: string
  moral?: string; trim?: string; pageCount?: number; ink?: string; paper?: string; bleed?: boolean; seed?: number
  artStyle?: string; templateId?: string; characterIds?: string[]
  textEngine?: Engine; artEngine?: Engine; language?: string; budgetUsd?: number
  level?: string; dedication?: string; aboutAuthor?: string; meetTheCharacters?: boolean; imprint?: string
  reviewedByAuthor?: boolean; credit?: boolean
  formats?: string[]; narrate?: boolean
}

export interface Page {
  number: number; role: string; text: string | null; illustration: unknown; imageAssetId: string | null; updatedAt: string
  /** The page's version: sent back as If-Match, so a save made elsewhere since is a 412 instead of being overwritten. */
  etag?: string
}

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
  usage?: TaskUsage; estimate?: CostEstimate | null
}

export interface TaskUsage { inputTokens: number; outputTokens: number; images: number; paidCalls: number; cachedAnswers: number; costUsd: number }

export interface CostEstimate {
  textEngine: Engine; artEngine: Engine; textModel: string | null; imageModel: string | null; imageQuality: string | null
  inputTokens: number; outputTokens: number; images: number; textCostUsd: number; imageCostUsd: number; totalUsd: number
  bookBudgetUsd: number | null; bookSpentUsd: number; monthlyBudgetUsd: number | null; monthSpentUsd: number; leftUsd: number | null
  withinBudget: boolean; keySource: 'yours' | 'server' | 'none'; problem: string | null; summary: string
}

export interface AiSettings {
  provider: string; apiKeySet: boolean; apiKeyLast4: string | null; serverKeyAvailable: boolean; baseUrl: string | null
  textModel: string | null; imageModel: string | null; moderationModel: string | null; monthlyBudgetUsd: number | null
  spentThisMonthUsd: number; updatedAt: string | null
  /** The settings' version, sent back as If-Match so a save made elsewhere since is a 412. */
  etag?: string
  effective: { keySource: 'yours' | 'server' | 'none'; baseUrl: string; textModel: string; imageModel: string; moderationModel: string; imageQuality: string }
}

/** PUT replaces every field; apiKey is write-only: undefined keeps the saved key, '' removes it. */
export interface AiSettingsRequest {
  provider: 'openai'; apiKey?: string; baseUrl: string | null; textModel: string | null; imageModel: string | null
  moderationModel: string | null; monthlyBudgetUsd: number | null
}

export interface TaskEvent { id: number; taskId: string; type: string; step: string | null; stepText: string; percent: number; message: string; at: string }

export interface PreflightCheck { rule: string; file: string; title: string; level: string; status: string; detail: string }
export interface PictureReview { picture: string; page: number | null; passed: boolean; redraws: number; problems: string[]; critiques: string[] }
export interface PictureResolution { picture: string; widthPx: number; heightPx: number; ppi: number; finding: string | null }
/** preflight.json's "content": what the vision model saw in each AI picture, and each picture's source ppi. */
export interface ContentReport { checker: string; checked: number; redrawn: number; stillFailing: number; pictures: PictureReview[]; resolution?: PictureResolution[] }
export interface PreflightReport { checks: PreflightCheck[]; passed?: boolean; verdict?: string; content?: ContentReport }

export interface ApiKey { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null }
export interface AdminUser { id: string; email: string; displayName: string; role: string; disabled: boolean; lockedUntil: string | null; createdAt: string }

export const FINISHED = ['succeeded', 'failed', 'cancelled', 'budget-reached']

// Admin monitoring (/api/v1/admin/monitoring/*) and alert rules (/api/v1/admin/alerts).
export interface SystemStats {
  version: string; machine: string; processId: number; startedAt: string; uptimeSeconds: number; processorCount: number; cpuRatio: number
  workingSetBytes: number; gcHeapBytes: number; totalMemoryBytes: number; dataDirectory: string; diskTotalBytes: number; diskFreeBytes: number; database: string
}
export interface WorkerInstance { instance: string; lastCheckin: string; secondsSinceCheckin: number; checkinIntervalSeconds: number; alive: boolean }
export interface WorkersStats {
  clustered: boolean; instances: WorkerInstance[]
  thisProcess: { instance: string; status: string; runningSince: string | null; jobsExecuted: number; runningJobs: number; threadPoolSize: number } | null
  busy: { worker: string; runningTasks: number }[]
}
export interface StepTiming { step: string; text: string; count: number; averageSeconds: number; maxSeconds: number }
export interface TaskStats { counts: Record<string, number>; queueDepth: number; oldestQueuedSeconds: number | null; steps: StepTiming[] }
export interface FailedTask { taskId: string; bookId: string | null; bookTitle: string | null; owner: string; step: string | null; stepText: string; error: string | null; worker: string | null; finishedAt: string | null }
export interface AlertRule {
  id: string; name: string; metric: string; comparison: string; threshold: number; forSeconds: number; webhookHost: string; enabled: boolean
  state: 'ok' | 'pending' | 'firing'; lastValue: number | null; lastEvaluatedAt: string | null; pendingSince: string | null; firedAt: string | null
  resolvedAt: string | null; lastDeliveryError: string | null; createdAt: string; updatedAt: string
  /** Webhook calls carry Storyloom-Signature; the secret is in the one answer that made it (create, or rotateSigningSecret), null after. */
  signed?: boolean; signingSecret?: string | null
}
export interface AlertRuleRequest { name: string; metric: string; comparison: string; threshold: number; forSeconds: number; webhookUrl?: string; enabled: boolean; signingSecret?: string; rotateSigningSecret?: boolean }

/** A picture drawn again for a page or the cover (GET …/pictures); url needs the same credentials as the API. */
export interface PictureCandidate { id: string; seed: number; createdAt: string; chosen: boolean; url: string }
export interface PictureList { page: number | null; chosenId: string | null; candidates: PictureCandidate[]; original?: PictureCandidate | null }

// Canva Connect (/api/v1/canva/*): the connection, what the plan allows, brand templates and their field mapping, a book's choice.
export type CanvaContent = 'title' | 'author' | 'page-text' | 'page-picture' | 'cover-picture'
export interface CanvaConnection { configured: boolean; connected: boolean; canvaUserId: string | null; scopes: string[]; connectedAt: string | null }
export interface CanvaCapabilities { autofill: boolean; brandTemplates: boolean; canMakeBooks: boolean; capabilities: string[]; explanation: string[] }
export interface CanvaTemplate { id: string; title: string; viewUrl: string; thumbnailUrl: string | null; updatedAt: string }
export interface CanvaTemplateList { items: CanvaTemplate[]; continuation: string | null }
export interface CanvaField { name: string; type: string; mappedTo: CanvaContent | null; suggested: CanvaContent | null }
export interface CanvaTemplateDetail { template: CanvaTemplate; fields: CanvaField[]; mappingSaved: boolean }
export interface CanvaBook { bookId: string; pagesTemplateId: string | null; coverTemplateId: string | null }

/** POST /api/v1/books/check: what the offline engines will not do as the brief asks, before anything is saved. */
export interface BriefCheck { warnings: string[] }
