import { useQuery } from '@tanstack/react-query'
import { ErrorBox, useDraft } from '../../lib/ui'
import { money, pricesParam, printCostsQuery, publishedWords, readPrice } from './printCost'

/** KDP's printing cost and the royalty of the list price the user types, per marketplace; only for a page count KDP prints. */
export function PrintCost({ trim, ink, pages }: { trim: string; ink: string; pages: number }) {
  const [prices, setPrices] = useDraft<Record<string, string>>('list-prices', {})
  const costs = useQuery({ ...printCostsQuery(trim, ink, pages, pricesParam(prices)) })
  return (
    <section className="print-cost" aria-labelledby="print-cost-title">
      <h3 id="print-cost-title">Printing cost and royalty</h3>
      {costs.isError ? <ErrorBox error={costs.error} retry={() => costs.refetch()} /> : !costs.data ? <p className="muted">Reading KDP’s costs…</p> : (
        <>
          <table className="table compact">
            <thead><tr><th scope="col">Store</th><th scope="col">List price</th><th scope="col">Printing</th><th scope="col">Royalty</th></tr></thead>
            <tbody>
              {costs.data.marketplaces.map((m) => {
                const typed = readPrice(prices[m.code] ?? '')
                const below = typed.price !== null && m.minimumPrice !== null && typed.price < m.minimumPrice
                return (
                  <tr key={m.code}>
                    <th scope="row">{m.site}</th>
                    <td>
                      <input className="price" inputMode="decimal" aria-label={`List price on ${m.site} (${m.currency})`}
                        aria-invalid={typed.problem ? true : undefined} aria-describedby={typed.problem ? `price-${m.code}-error` : undefined}
                        placeholder={m.minimumPrice !== null ? m.minimumPrice.toFixed(m.currency === 'JPY' ? 0 : 2) : ''} disabled={m.printingCost === null}
                        value={prices[m.code] ?? ''} onChange={(e) => setPrices((p) => ({ ...p, [m.code]: e.target.value }))} />
                      {typed.problem && <span className="field-error" id={`price-${m.code}-error`} role="alert">{typed.problem}</span>}
                    </td>
                    <td data-testid={`printing-${m.code}`}>{m.printingCost === null ? 'not printed' : money(m.printingCost, m.currency)}</td>
                    <td data-testid={`royalty-${m.code}`}>
                      {m.royalty === null || m.royaltyRate === null ? '—'
                        : below ? `none (price from ${money(m.minimumPrice!, m.currency)})`
                          : `${money(m.royalty, m.currency)} (${Math.round(m.royaltyRate * 100)}%)`}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          <p className="hint">
            Royalty: 60% of the list price (50% below {money(costs.data.marketplaces[0].sixtyPercentFrom, costs.data.marketplaces[0].currency)} and
            the like elsewhere) minus the printing cost, on Amazon’s own stores. The grey number in a box is the lowest list price KDP allows there. {costs.data.largeTrim ? 'This trim is large, which costs more to print.' : ''}
          </p>
          <p className="hint" data-testid="costs-date">
            KDP printing costs as published {publishedWords(costs.data.publishedOn)} (<a href={costs.data.source} target="_blank" rel="noreferrer">Paperback Printing Cost</a>).
          </p>
        </>
      )}
    </section>
  )
}
