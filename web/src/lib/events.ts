import type { ApiClient } from './api'
import { toApiError } from './api'

export interface SseMessage { id: string | null; event: string; data: string }

/** Splits a Server-Sent Events stream into messages (EventSource cannot send the Authorization header, so we read it with fetch). */
export function parseSse(buffer: string): { messages: SseMessage[]; rest: string } {
  const messages: SseMessage[] = []
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n')
  const rest = blocks.pop() ?? ''
  for (const block of blocks) {
    let id: string | null = null
    let event = 'message'
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue
      const colon = line.indexOf(':')
      const field = colon < 0 ? line : line.slice(0, colon)
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
      if (field === 'id') id = value
      else if (field === 'event') event = value
      else if (field === 'data') data.push(value)
    }
    if (data.length > 0) messages.push({ id, event, data: data.join('\n') })
  }
  return { messages, rest }
}

/**
 * Follows a task's events to the end of the stream, reconnecting with Last-Event-ID after a dropped connection.
 * Resolves when the server ends the stream (the task finished); rejects on an HTTP error or when aborted.
 */
export async function followEvents<T>(client: ApiClient, path: string, onEvent: (e: T) => void, signal: AbortSignal): Promise<void> {
  let lastId: string | null = null
  for (let attempt = 0; attempt < 20 && !signal.aborted; attempt++) {
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' }
      if (lastId) headers['Last-Event-ID'] = lastId
      const res = await client.fetch(path, { headers, signal })
      if (!res.ok) throw await toApiError(res)
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ''
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        const { messages, rest } = parseSse(buffer + value)
        buffer = rest
        for (const m of messages) {
          if (m.id) lastId = m.id
          onEvent(JSON.parse(m.data) as T)
        }
      }
    } catch (e) {
      if (signal.aborted || (e instanceof Error && 'status' in e)) throw e
      await new Promise((r) => setTimeout(r, Math.min(5000, 500 * (attempt + 1))))
    }
  }
}
