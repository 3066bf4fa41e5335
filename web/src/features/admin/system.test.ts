import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import type { AlertRule, FailedTask, SystemStats, TaskStats, WorkersStats } from '../../lib/types'
import { alertRequest, bytes, condition, duration, emptyAlertForm, percent } from './system'
import { SystemTab } from './SystemTab'

describe('system tab formatting', () => {
  it('says sizes, durations and CPU in plain words', () => {
    expect(bytes(512)).toBe('512 B')
    expect(bytes(1536)).toBe('1.5 KB')
    expect(bytes(54_307_303_424)).toBe('51 GB')
    expect(duration(42)).toBe('42 s')
    expect(duration(3725)).toBe('1 h 2 min')
    expect(duration(2 * 86400 + 7200)).toBe('2 d 2 h')
    expect(percent(0.0421)).toBe('4.2%')
    expect(percent(0.5)).toBe('50%')
    expect(condition({ metric: 'storyloom_queue_depth', comparison: '>', threshold: 10, forSeconds: 90 })).toBe('storyloom_queue_depth > 10 for 1 min 30 s')
  })

  it('checks the alert form before sending and builds the request', () => {
    const bad = alertRequest({ ...emptyAlertForm, name: ' ', threshold: 'lots', forSeconds: '-1', webhookUrl: 'ftp://x' })
    expect(bad.request).toBeUndefined()
    expect(Object.keys(bad.errors).sort()).toEqual(['forSeconds', 'name', 'threshold', 'webhookUrl'])
    const good = alertRequest({ ...emptyAlertForm, name: ' Queue ', webhookUrl: 'https://hooks.example.test/a?token=1' })
    expect(good.request).toEqual({
      name: 'Queue', metric: 'storyloom_queue_depth', comparison: '>', threshold: 10, forSeconds: 60, webhookUrl: 'https://hooks.example.test/a?token=1', enabled: true,
    })
  })
})

describe('SystemTab', () => {
  it('shows the monitoring numbers and the alert rules', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
    const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } })
    const system: SystemStats = {
      version: '1.2.0', machine: 'vm', processId: 7, startedAt: '', uptimeSeconds: 3725, processorCount: 2, cpuRatio: 0.25, workingSetBytes: 200 * 1024 * 1024,
      gcHeapBytes: 1, totalMemoryBytes: 8 * 1024 ** 3, dataDirectory: '/srv/storyloom', diskTotalBytes: 100 * 1024 ** 3, diskFreeBytes: 40 * 1024 ** 3, database: 'postgres',
    }
    const workers: WorkersStats = {
      clustered: true, thisProcess: null, busy: [{ worker: 'node-a/42', runningTasks: 2 }],
      instances: [{ instance: 'node-a', lastCheckin: '', secondsSinceCheckin: 3, checkinIntervalSeconds: 5, alive: true }],
    }
    const tasks: TaskStats = {
      counts: { queued: 4, running: 2, succeeded: 10, failed: 1, cancelled: 0 }, queueDepth: 4, oldestQueuedSeconds: 90,
      steps: [{ step: 'print', text: 'Printing the PDFs', count: 3, averageSeconds: 12.5, maxSeconds: 20 }],
    }
    const failures: FailedTask[] = [{
      taskId: 't', bookId: 'b', bookTitle: 'Pip and the Moon', owner: 'ann@example.test', step: 'print', stepText: 'Printing the PDFs',
      error: 'Chromium is missing; run storyloom doctor', worker: null, finishedAt: null,
    }]
    const alerts: AlertRule[] = [{
      id: 'a', name: 'Queue backing up', metric: 'storyloom_queue_depth', comparison: '>', threshold: 3, forSeconds: 60, webhookHost: 'https://hooks.example.test',
      enabled: true, state: 'firing', lastValue: 4, lastEvaluatedAt: null, pendingSince: null, firedAt: null, resolvedAt: null, lastDeliveryError: null, createdAt: '', updatedAt: '',
    }]
    qc.setQueryData(['admin-monitoring', 'system'], system)
    qc.setQueryData(['admin-monitoring', 'workers'], workers)
    qc.setQueryData(['admin-monitoring', 'tasks'], tasks)
    qc.setQueryData(['admin-monitoring', 'errors'], failures)
    qc.setQueryData(['admin-alerts'], alerts)
    const host = document.createElement('div')
    const root = createRoot(host)
    await act(async () => root.render(createElement(QueryClientProvider, { client: qc }, createElement(SystemTab))))
    const text = host.textContent ?? ''
    expect(text).toContain('1 h 2 min')
    expect(text).toContain('25% of 2 cores')
    expect(text).toContain('40 GB of 100 GB')
    expect(text).toContain('PostgreSQL')
    expect(text).toContain('node-a')
    expect(text).toContain('alive')
    expect(text).toContain('4 (oldest 1 min 30 s)')
    expect(text).toContain('Printing the PDFs')
    expect(text).toContain('Chromium is missing')
    expect(text).toContain('storyloom_queue_depth > 3 for 1 min')
    expect(text).toContain('firing')
    expect(host.querySelector('label[for="alert-webhookUrl"]')?.textContent).toBe('Webhook URL')
    await act(async () => root.unmount())
  })
})
