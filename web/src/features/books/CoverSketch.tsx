/** The wrap cover to scale: back, spine, front, with the bleed around them. */
export function CoverSketch({ trimW, trimH, spine }: { trimW: number; trimH: number; spine: number }) {
  const w = 2 * trimW + spine + 0.25
  const h = trimH + 0.25
  return (
    <svg viewBox={`0 0 ${w} ${h}`} className="cover-sketch" role="img" aria-label={`Wrap cover: back, ${spine.toFixed(3)} inch spine, front`}>
      <rect x={0} y={0} width={w} height={h} fill="#fde7c8" />
      <rect x={0.125} y={0.125} width={trimW} height={trimH} fill="#fff" stroke="#6b5a3e" strokeWidth={0.03} />
      <rect x={0.125 + trimW} y={0.125} width={spine} height={trimH} fill="#f2a541" />
      <rect x={0.125 + trimW + spine} y={0.125} width={trimW} height={trimH} fill="#fff" stroke="#6b5a3e" strokeWidth={0.03} />
      <text x={0.125 + trimW / 2} y={h / 2} fontSize={0.6} textAnchor="middle" fill="#6b5a3e">back</text>
      <text x={0.125 + trimW + spine + trimW / 2} y={h / 2} fontSize={0.6} textAnchor="middle" fill="#6b5a3e">front</text>
    </svg>
  )
}
