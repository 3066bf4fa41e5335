// Time to first render of the dashboard in headless Chromium over the DevTools protocol (no Playwright, no downloads).
// Usage: node --experimental-websocket bench/web-fcp.mjs RUNS DEBUG_PORT label=http://127.0.0.1:PORT ...
// Each server must have the user bench@example.test. Per run and server, interleaved: a fresh browser context (empty
// cache, a returning user whose refresh token is in localStorage) loads / cold, then again warm (cached assets).
// Prints one JSON line per load: {label, load, fcp, ready}; ms from navigation start.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const [runsArg, portArg, ...servers] = process.argv.slice(2)
const runs = Number(runsArg)
const port = Number(portArg)
const targets = servers.map((s) => { const i = s.indexOf('='); return { label: s.slice(0, i), base: s.slice(i + 1) } })
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
// The dashboard has rendered what the user came for: the recent books (or the empty state) in place of the spinner.
const MARK = 'section[aria-labelledby=recent] .cards, section[aria-labelledby=recent] .empty'

const profile = mkdtempSync(join(tmpdir(), 'storyloom-bench-chromium-'))
const chrome = spawn('/usr/bin/chromium', ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--no-first-run', '--disable-extensions',
  `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' })
let wsUrl
for (let i = 0; i < 100 && !wsUrl; i++) {
  try { wsUrl = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()).webSocketDebuggerUrl } catch { await sleep(100) }
}
if (!wsUrl) { chrome.kill(); throw new Error(`Chromium did not open its debugging port ${port}`) }
const ws = new WebSocket(wsUrl)
await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject })
let next = 0
const pending = new Map()
ws.onmessage = (m) => {
  const msg = JSON.parse(m.data)
  const p = msg.id && pending.get(msg.id)
  if (!p) return
  pending.delete(msg.id)
  msg.error ? p.reject(new Error(JSON.stringify(msg.error))) : p.resolve(msg.result)
}
const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
  const id = ++next
  pending.set(id, { resolve, reject })
  ws.send(JSON.stringify({ id, method, params, sessionId }))
})

async function measure(sessionId, base) {
  await send('Page.navigate', { url: `${base}/` }, sessionId)
  for (let i = 0; i < 600; i++) {
    await sleep(25)
    const r = await send('Runtime.evaluate', {
      returnByValue: true,
      expression: `JSON.stringify({ ready: window.__ready ?? null, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null, at: location.pathname })`,
    }, sessionId).catch(() => null)
    const v = r?.result?.value ? JSON.parse(r.result.value) : null
    if (v?.at === '/signin') throw new Error(`${base}: the app went to sign in; the refresh token was refused`)
    if (v?.ready && v.fcp) return { fcp: Math.round(v.fcp), ready: Math.round(v.ready) }
  }
  throw new Error(`${base}: the dashboard did not render within 15 s`)
}

try {
  for (let run = 0; run < runs; run++) {
    for (const { label, base } of targets) {
      const login = await (await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.test', password: 'benchmark password 1' }),
      })).json()
      const { browserContextId } = await send('Target.createBrowserContext')
      const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId })
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true })
      await send('Page.enable', {}, sessionId)
      // Signed in as the app itself would be after a visit: the refresh token and the user in localStorage (once: it rotates).
      await send('Page.addScriptToEvaluateOnNewDocument', {
        source: `if (location.origin === ${JSON.stringify(base)}) {
          if (!localStorage.getItem('storyloom.refresh')) {
            localStorage.setItem('storyloom.refresh', ${JSON.stringify(login.refreshToken)});
            localStorage.setItem('storyloom.user', ${JSON.stringify(JSON.stringify(login.user))});
          }
          new MutationObserver((_, o) => { if (!window.__ready && document.querySelector(${JSON.stringify(MARK)})) { window.__ready = performance.now(); o.disconnect() } })
            .observe(document, { subtree: true, childList: true });
        }`,
      }, sessionId)
      for (const load of ['cold', 'warm']) {
        console.log(JSON.stringify({ label, load, ...(await measure(sessionId, base)) }))
      }
      await send('Target.disposeBrowserContext', { browserContextId })
    }
  }
} finally {
  ws.close()
  const exited = new Promise((resolve) => chrome.once('exit', resolve))
  chrome.kill()
  await exited
  try { rmSync(profile, { recursive: true, force: true, maxRetries: 5 }) } catch { /* the OS cleans /tmp */ }
}
