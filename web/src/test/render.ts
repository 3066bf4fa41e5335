// Renders a component into jsdom (React's own act, no extra library) with a fresh query client and a router.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, createElement, type ReactElement } from 'react'
import { createRoot } from 'react-dom/client'
import { MemoryRouter } from 'react-router'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

export async function render(element: ReactElement) {
  const container = document.createElement('div')
  document.body.appendChild(container)
  const root = createRoot(container)
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  await act(async () => root.render(createElement(QueryClientProvider, { client }, createElement(MemoryRouter, null, element))))
  return {
    container,
    unmount: () => act(() => root.unmount()),
  }
}

/** Types into a controlled input the way a browser does (React listens to the native value setter and the input event). */
export async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

export async function click(el: HTMLElement) {
  await act(async () => el.click())
}

/** Lets queries and mutations settle until <paramref name="done"/> holds. */
export async function until(done: () => boolean, tries = 50) {
  for (let i = 0; i < tries && !done(); i++) {
    await act(async () => { await new Promise((r) => setTimeout(r, 10)) })
  }
  if (!done()) throw new Error('the condition did not come true')
}

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
