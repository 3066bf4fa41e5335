import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { canvaCapabilitiesQuery, canvaConnectionQuery, connectCanva, useDisconnectCanva } from '../../lib/canva'
import type { CanvaCapabilities } from '../../lib/types'
import { ErrorBox, Linked, Loading, when } from '../../lib/ui'

/** Settings → Canva: connect (OAuth in the browser, back to this page), what the plan allows in plain words, disconnect. */
export function CanvaSettings() {
  const connection = useQuery(canvaConnectionQuery())
  const [params, setParams] = useSearchParams()
  const [connecting, setConnecting] = useState(false)
  const [connectError, setConnectError] = useState<unknown>(null)
  const disconnect = useDisconnectCanva()
  const cameBack = params.get('canva') === 'connected'
  const refused = params.get('error')

  async function connect() {
    setConnecting(true)
    setConnectError(null)
    try {
      await connectCanva('/settings')
    } catch (e) {
      setConnectError(e)
      setConnecting(false)
    }
  }

  return (
    <section aria-labelledby="canva">
      <h2 id="canva">Canva</h2>
      <p className="muted">Design your pages or cover in Canva: Storyloom fills one of your brand templates with the book’s words and pictures and brings the designs back as print-ready PDFs.</p>
      {refused && (
        <div className="error" role="alert">
          <p>Canva was not connected: <Linked text={refused} />.</p>
          <button type="button" className="secondary" onClick={() => setParams({})}>Dismiss</button>
        </div>
      )}
      {connection.isPending ? <Loading what="Checking Canva" /> : connection.isError ? <ErrorBox error={connection.error} retry={() => connection.refetch()} /> : !connection.data.configured ? (
        <p className="notice">Canva is not set up on this server. An administrator adds the integration’s client id and secret from the Canva Developer Portal and restarts Storyloom.</p>
      ) : connection.data.connected ? (
        <>
          {cameBack && <p role="status" className="ok">Canva is connected.</p>}
          <p data-testid="canva-status">
            <strong>Connected</strong> to Canva{connection.data.connectedAt ? ` since ${when(connection.data.connectedAt)}` : ''}.
          </p>
          <Capabilities />
          {disconnect.isError && <ErrorBox error={disconnect.error} />}
          <button type="button" className="secondary" disabled={disconnect.isPending}
            onClick={() => disconnect.mutate(undefined, { onSuccess: () => setParams({}) })}>
            {disconnect.isPending ? 'Disconnecting…' : 'Disconnect Canva'}
          </button>
          <p className="hint">Disconnecting withdraws Storyloom’s access at Canva. Books made with Canva keep their PDFs; new ones use Storyloom’s own layout.</p>
        </>
      ) : (
        <>
          {disconnect.isSuccess && <p role="status" className="ok">Canva is disconnected.</p>}
          <p data-testid="canva-status">Not connected. Canva opens in this tab, asks you to allow Storyloom, and brings you back here.</p>
          {connectError != null && <ErrorBox error={connectError} retry={connect} />}
          <button type="button" onClick={connect} disabled={connecting}>{connecting ? 'Opening Canva…' : 'Connect Canva'}</button>
        </>
      )}
    </section>
  )
}

function Capabilities() {
  const caps = useQuery(canvaCapabilitiesQuery())
  if (caps.isPending) return <Loading what="Asking Canva what your plan allows" />
  if (caps.isError) return <ErrorBox error={caps.error} retry={() => caps.refetch()} />
  return <PlanWords caps={caps.data} />
}

export function PlanWords({ caps }: { caps: CanvaCapabilities }) {
  return (
    <div className={caps.canMakeBooks ? 'plan' : 'plan notice'} data-testid="canva-plan">
      <ul className="plain checks">
        <li><span aria-hidden="true">{caps.brandTemplates ? '✓' : '✗'}</span> Brand templates {caps.brandTemplates ? 'included' : 'not in your plan'}</li>
        <li><span aria-hidden="true">{caps.autofill ? '✓' : '✗'}</span> Autofill {caps.autofill ? 'included' : 'not in your plan'}</li>
      </ul>
      {caps.explanation.map((words) => <p key={words}><Linked text={words} /></p>)}
    </div>
  )
}
