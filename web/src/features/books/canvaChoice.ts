import { mappingProblem, filledOnly } from '../../lib/canva'
import type { CanvaContent, CanvaTemplateDetail } from '../../lib/types'

export type CanvaPart = 'cover' | 'pages'

/** The wizard's Canva step: a brand template id per part ('' = Storyloom's own layout) and the field mapping per template. */
export interface CanvaChoice { cover: string; pages: string; mappings: Record<string, Record<string, CanvaContent | ''>> }

export const noCanva: CanvaChoice = { cover: '', pages: '', mappings: {} }

export const usesCanva = (c: CanvaChoice) => c.cover !== '' || c.pages !== ''

/**
 * Saves the mapping of every chosen template (the server checks each field's type) and returns the errors by template id;
 * an empty object means the choice can be given to a book.
 */
export async function saveChoice(
  choice: CanvaChoice,
  save: (req: { templateId: string; fields: Record<string, CanvaContent> }) => Promise<CanvaTemplateDetail>,
): Promise<Record<string, unknown>> {
  const errors: Record<string, unknown> = {}
  for (const part of ['cover', 'pages'] as const) {
    const templateId = choice[part]
    if (templateId === '' || errors[templateId]) continue
    const mapping = choice.mappings[templateId] ?? {}
    const problem = mappingProblem(part, mapping)
    if (problem) {
      errors[templateId] = new Error(problem)
      continue
    }
    try {
      await save({ templateId, fields: filledOnly(mapping) })
    } catch (e) {
      errors[templateId] = e
    }
  }
  return errors
}
