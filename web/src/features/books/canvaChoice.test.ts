import { describe, expect, it } from 'vitest'
import { ApiError } from '../../lib/api'
import { initialMapping, mappingProblem } from '../../lib/canva'
import type { CanvaTemplateDetail } from '../../lib/types'
import { saveChoice, usesCanva, type CanvaChoice } from './canvaChoice'

const saved = (id: string) => ({ template: { id }, fields: [], mappingSaved: true }) as unknown as CanvaTemplateDetail

describe('the Canva design step', () => {
  it('starts from the saved mapping, else the suggestion, else leaves the field as designed', () => {
    expect(initialMapping([
      { name: 'book_title', type: 'text', mappedTo: null, suggested: 'title' },
      { name: 'cover_picture', type: 'image', mappedTo: 'page-picture', suggested: 'cover-picture' },
      { name: 'tagline', type: 'text', mappedTo: null, suggested: null },
    ])).toEqual({ book_title: 'title', cover_picture: 'page-picture', tagline: '' })
  })

  it('asks a cover template for the title or cover picture and a pages template for the page text or picture', () => {
    expect(mappingProblem('cover', { book_title: 'title' })).toBeNull()
    expect(mappingProblem('cover', { page_text: 'page-text' })).toMatch(/title or the cover picture/)
    expect(mappingProblem('pages', { p: 'page-picture' })).toBeNull()
    expect(mappingProblem('pages', { a: 'author', b: '' })).toMatch(/page’s text or picture/)
  })

  it('saves only the fields that are filled, once per chosen template, and keeps errors by template', async () => {
    const calls: unknown[] = []
    const choice: CanvaChoice = {
      cover: 'DAFcover', pages: 'DAFpage',
      mappings: { DAFcover: { book_title: 'title', tagline: '' }, DAFpage: { page_text: 'page-picture' } },
    }
    const refused = new ApiError(400, 'Page_text is a text field', { 'fields.page_text': ['page_text is a text field'] })
    const errors = await saveChoice(choice, async (req) => {
      calls.push(req)
      if (req.templateId === 'DAFpage') throw refused
      return saved(req.templateId)
    })
    expect(calls).toEqual([{ templateId: 'DAFcover', fields: { book_title: 'title' } }, { templateId: 'DAFpage', fields: { page_text: 'page-picture' } }])
    expect(errors).toEqual({ DAFpage: refused })
  })

  it('sends nothing when no template is chosen, and refuses an empty mapping without asking the server', async () => {
    expect(usesCanva({ cover: '', pages: '', mappings: {} })).toBe(false)
    let asked = false
    const errors = await saveChoice({ cover: 'DAFcover', pages: '', mappings: { DAFcover: { book_title: '' } } }, async (req) => { asked = true; return saved(req.templateId) })
    expect(asked).toBe(false)
    expect(String(errors.DAFcover)).toMatch(/title or the cover picture/)
  })
})
