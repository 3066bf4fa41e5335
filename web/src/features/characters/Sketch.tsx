// A quick likeness for choosing colors; the book's pictures are drawn by the art engine on the server.
const EARS: Record<string, string> = {
  fox: 'M20 30 L28 8 L38 26 Z M62 26 L72 8 L80 30 Z', cat: 'M22 30 L28 10 L40 24 Z M60 24 L72 10 L78 30 Z',
  rabbit: 'M30 28 Q26 0 36 2 Q42 4 40 26 Z M60 26 Q58 4 64 2 Q74 0 70 28 Z', bear: 'M22 26 a10 10 0 1 1 14 -8 Z M64 18 a10 10 0 1 1 14 8 Z',
  mouse: 'M14 30 a14 14 0 1 1 20 -14 Z M66 16 a14 14 0 1 1 20 14 Z', dog: 'M18 24 Q12 48 26 46 L32 26 Z M82 24 Q88 48 74 46 L68 26 Z',
  owl: 'M26 24 L30 10 L40 20 Z M60 20 L70 10 L74 24 Z', dragon: 'M28 24 L34 6 L42 20 Z M58 20 L66 6 L72 24 Z',
  robot: 'M48 6 h4 v14 h-4 Z', child: 'M26 30 Q50 4 74 30 Q50 18 26 30 Z',
}

export function Sketch({ species, body, accent, clothing, size = 160 }: { species: string; body: string | null; accent: string | null; clothing: string | null; size?: number }) {
  const b = body ?? '#d9822b'
  const a = accent ?? '#fff3e0'
  const robot = species === 'robot'
  return (
    <svg viewBox="0 0 100 110" width={size} height={size * 1.1} role="img" aria-label={`${species} sketch`}>
      <path d={EARS[species] ?? EARS.bear} fill={species === 'child' ? '#5b3a1e' : b} />
      <rect x="28" y="66" width="44" height="38" rx={robot ? 4 : 18} fill={clothing ?? b} />
      {robot ? <rect x="22" y="18" width="56" height="50" rx="8" fill={b} /> : <circle cx="50" cy="44" r="28" fill={species === 'child' ? '#f3c9a0' : b} />}
      <ellipse cx="50" cy="54" rx="14" ry="10" fill={a} />
      <circle cx="40" cy="40" r="4" fill="#2b2118" />
      <circle cx="60" cy="40" r="4" fill="#2b2118" />
      <path d="M44 56 Q50 61 56 56" stroke="#2b2118" strokeWidth="2" fill="none" strokeLinecap="round" />
    </svg>
  )
}
