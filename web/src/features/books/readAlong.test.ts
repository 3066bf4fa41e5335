import { act, createElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { click, json, render, until } from '../../test/render'
import { activeClip, ebookFields, ebookWords, noEbook, type ReadAlong as ReadAlongData } from './ebook'
import { ReadAlong } from './ReadAlong'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const clips = [{ id: 's1', begin: 0, end: 1.5 }, { id: 's2', begin: 1.9, end: 3.2 }]
const book: ReadAlongData = {
  version: 1, width: 1600, height: 2560, language: 'en', direction: 'ltr', narrated: true, activeClass: '-epub-media-overlay-active', css: '',
  pages: [
    { number: 2, image: 'EPUB/images/p002.jpg', alt: '', blocks: [{ class: 'text', style: 'left:10%;top:10%;width:80%;font-size:40px', html: '<p>Text © 2026 Ada Lane</p>' }], audio: null, seconds: 0, clips: [] },
    {
      number: 5, image: 'EPUB/images/p005.jpg', alt: 'Pip looks at the dark window.', audio: 'EPUB/audio/p005.mp3', seconds: 3.2, clips,
      blocks: [{ class: 'text', style: 'left:8%;bottom:6%;width:84%;font-size:97px', html: '<p><span id="s1">Pip was afraid.</span> <span id="s2">The night was dark.</span></p>' }],
    },
  ],
}

describe('the eBook in the brief', () => {
  it('asks for the eBook with narration, never for a coloring book', () => {
    expect(ebookFields(noEbook, false)).toEqual({ formats: ['print'], narrate: false })
    expect(ebookFields({ ebook: true, narrate: false }, false)).toEqual({ formats: ['print', 'ebook'], narrate: false })
    expect(ebookFields({ ebook: false, narrate: true }, false)).toEqual({ formats: ['print', 'ebook'], narrate: true })
    expect(ebookFields({ ebook: true, narrate: true }, true)).toEqual({ formats: undefined, narrate: undefined })
    expect(ebookWords({ ebook: true, narrate: true }, false)).toContain('read-along')
    expect(ebookWords({ ebook: true, narrate: true }, true)).toContain('no eBook')
  })

  it('highlights the sentence the overlay says is being read, and none in the pauses', () => {
    expect(activeClip(clips, 0)?.id).toBe('s1')
    expect(activeClip(clips, 1.49)?.id).toBe('s1')
    expect(activeClip(clips, 1.7)).toBeNull()
    expect(activeClip(clips, 2)?.id).toBe('s2')
    expect(activeClip(clips, 3.2)).toBeNull()
  })
})

describe('the read-along preview', () => {
  it('shows the pages in order with their live text and highlights each sentence as the page is read', async () => {
    const asked: string[] = []
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      asked.push(url)
      if (url.endsWith('/ebook/read-along')) return json(200, book)
      return new Response(new Blob([new Uint8Array([0xff, 0xd8, 0xff])]), { status: 200 })
    }))
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:item', revokeObjectURL: () => {} }))
    const { container } = await render(createElement(ReadAlong, { bookId: 'b1' }))
    await until(() => container.textContent!.includes('Page 2 (1 of 2)'))
    expect(container.textContent).toContain('Text © 2026 Ada Lane')
    expect(asked).toContain('/api/v1/books/b1/ebook/items/EPUB/images/p002.jpg')

    await click([...container.querySelectorAll('button')].find((b) => b.textContent === 'Next page')!)
    await until(() => container.textContent!.includes('Page 5 (2 of 2)'))
    expect(container.querySelector('#s1')!.textContent).toBe('Pip was afraid.')
    await until(() => asked.includes('/api/v1/books/b1/ebook/items/EPUB/audio/p005.mp3'))
    const audio = container.querySelector<HTMLAudioElement>('[data-testid="page-audio"]')!
    const at = async (t: number) => act(async () => {
      Object.defineProperty(audio, 'currentTime', { value: t, configurable: true })
      audio.dispatchEvent(new Event('timeupdate'))
    })
    await at(0.5)
    expect(container.querySelector('#s1')!.classList.contains('-epub-media-overlay-active')).toBe(true)
    expect(container.querySelector('#s2')!.classList.contains('-epub-media-overlay-active')).toBe(false)
    await at(2.5)
    expect(container.querySelector('#s1')!.classList.contains('-epub-media-overlay-active')).toBe(false)
    expect(container.querySelector('#s2')!.classList.contains('-epub-media-overlay-active')).toBe(true)
    await at(3.5)
    expect(container.querySelectorAll('.-epub-media-overlay-active')).toHaveLength(0)
  })
})
