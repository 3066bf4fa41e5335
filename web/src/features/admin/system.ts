// Plain-words formatting for the admin System tab, and the alert-rule form's checks (the server checks again).
import type { AlertRule, AlertRuleRequest } from '../../lib/types'

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let v = n / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++ }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`
}

export function duration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  if (s < 60) return `${s} s`
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 60)} min`
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
  return `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`
}

export const percent = (ratio: number) => `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)}%`

/** "storyloom_queue_depth > 10 for 30 s". */
export function condition(rule: Pick<AlertRule, 'metric' | 'comparison' | 'threshold' | 'forSeconds'>): string {
  return `${rule.metric} ${rule.comparison} ${rule.threshold}${rule.forSeconds > 0 ? ` for ${duration(rule.forSeconds)}` : ''}`
}

export const knownMetrics = [
  'storyloom_queue_depth', 'storyloom_tasks{state="failed"}', 'storyloom_tasks{state="running"}', 'storyloom_workers',
  'storyloom_process_cpu_ratio', 'storyloom_process_memory_bytes', 'storyloom_data_disk_free_bytes', 'storyloom_http_requests_total{status="500"}',
]

export interface AlertForm { name: string; metric: string; comparison: string; threshold: string; forSeconds: string; webhookUrl: string }

export const emptyAlertForm: AlertForm = { name: '', metric: 'storyloom_queue_depth', comparison: '>', threshold: '10', forSeconds: '60', webhookUrl: '' }

/** The request for the form, or the field errors to show first (same words as the server's). */
export function alertRequest(form: AlertForm): { request?: AlertRuleRequest; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  if (!form.name.trim()) errors.name = 'Give the alert a short name, like "Queue backing up".'
  if (!form.metric.trim()) errors.metric = 'Choose a metric as /metrics names it.'
  const threshold = Number(form.threshold)
  if (form.threshold.trim() === '' || !Number.isFinite(threshold)) errors.threshold = 'Give the number to compare the metric with.'
  const forSeconds = Number(form.forSeconds)
  if (!Number.isInteger(forSeconds) || forSeconds < 0 || forSeconds > 604800) errors.forSeconds = 'Use 0 (fire at once) to 604800 seconds (a week).'
  if (!/^https?:\/\/[^\s/@]+(\/\S*)?$/i.test(form.webhookUrl.trim())) errors.webhookUrl = 'Give the http:// or https:// address to POST the alert to.'
  if (Object.keys(errors).length > 0) return { errors }
  return {
    errors,
    request: { name: form.name.trim(), metric: form.metric.trim(), comparison: form.comparison, threshold, forSeconds, webhookUrl: form.webhookUrl.trim(), enabled: true },
  }
}
