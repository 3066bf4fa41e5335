import { queryOptions, keepPreviousData } from '@tanstack/react-query'
import { api } from '../../lib/api'

/** GET /api/v1/print-rules/costs: KDP's printing cost and royalty per marketplace, from the server's one table. */
export interface MarketplaceCost {
  code: string; site: string; currency: string; printingCost: number | null; minimumPrice: number | null
  sixtyPercentFrom: number; listPrice: number | null; royaltyRate: number | null; royalty: number | null
}
export interface PrintCosts { publishedOn: string; source: string; trim: string; largeTrim: boolean; ink: string; pages: number; marketplaces: MarketplaceCost[] }

/** A typed list price: empty is no price, a positive number is a price, anything else is a sentence saying what to type. */
export function readPrice(text: string): { price: number | null; problem?: string } {
  const t = text.trim().replace(',', '.')
  if (t === '') return { price: null }
  const n = Number(t)
  if (!/^\d+(\.\d{1,2})?$/.test(t) || !Number.isFinite(n) || n <= 0) return { price: null, problem: 'Type a price such as 12.99' }
  return { price: n }
}

/** The prices query parameter (US:12.99,UK:9.99) of the prices that read as numbers. */
export function pricesParam(prices: Record<string, string>): string {
  return Object.entries(prices).flatMap(([code, text]) => {
    const { price } = readPrice(text)
    return price === null ? [] : [`${code}:${price}`]
  }).join(',')
}

export const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code', maximumFractionDigits: currency === 'JPY' ? 0 : 2 }).format(amount)

export const publishedWords = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

export const printCostsQuery = (trim: string, ink: string, pages: number, prices: string) =>
  queryOptions({
    queryKey: ['print-costs', trim, ink, pages, prices],
    queryFn: () => api.json<PrintCosts>(`/api/v1/print-rules/costs?trim=${encodeURIComponent(trim)}&ink=${ink}&pages=${pages}${prices ? `&prices=${encodeURIComponent(prices)}` : ''}`),
    placeholderData: keepPreviousData,
    staleTime: 600_000,
  })
