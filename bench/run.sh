#!/usr/bin/env bash
# Wall time and peak memory of `storyloom book new` for the two demo books, side by side in one run with the
# floor: a bare `chromium --headless --print-to-pdf` of the same final HTML (interior and cover).
# Usage: bench/run.sh [rounds]    (default 5; writes bench/out/results.md and prints it)
# BENCH_BASE_CLI=/path/to/storyloom.dll adds a third case per book: that (older) build, in the same rounds, so a change
# is measured before and after side by side.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-5}"
OUT="$ROOT/bench/out"
CLI="$ROOT/.tools/cli/storyloom.dll"
rm -rf "$OUT" && mkdir -p "$OUT"

dotnet build "$ROOT/src/Storyloom.Cli/Storyloom.Cli.csproj" -c Release -o "$ROOT/.tools/cli" --nologo -v quiet -clp:ErrorsOnly

picture=(book new --kind story --age 3-5 --theme "friendship in the forest" --trim 8.5x8.5 --pages 32 --ink premium-color --bleed --seed 7)
coloring=(book new --kind coloring --theme animals --trim 8.5x11 --pages 100 --ink bw --no-bleed --seed 7)

# One untimed build of each, to have the final HTML for the floor and to warm the disk cache.
dotnet "$CLI" "${picture[@]}" --out "$OUT/warm-picture" >/dev/null
dotnet "$CLI" "${coloring[@]}" --out "$OUT/warm-coloring" >/dev/null

chrome() {  # the floor: print one HTML file with a cold, bare Chromium
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir="$(mktemp -d)" \
    --no-pdf-header-footer --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
}
export -f chrome

m() { python3 "$ROOT/bench/measure.py" -- "$@"; }

: > "$OUT/samples.jsonl"
for r in $(seq 1 "$ROUNDS"); do
  # Fresh folders each round: every picture is drawn and every page printed (no reuse).
  echo "{\"case\":\"picture\",$(m dotnet "$CLI" "${picture[@]}" --out "$OUT/p$r" | cut -c2-)" >> "$OUT/samples.jsonl"
  echo "{\"case\":\"picture-floor\",$(m bash -c "chrome $OUT/warm-picture/build/interior.html $OUT/fi$r.pdf && chrome $OUT/warm-picture/build/cover.html $OUT/fc$r.pdf" | cut -c2-)" >> "$OUT/samples.jsonl"
  echo "{\"case\":\"coloring\",$(m dotnet "$CLI" "${coloring[@]}" --out "$OUT/c$r" | cut -c2-)" >> "$OUT/samples.jsonl"
  if [ -n "${BENCH_BASE_CLI:-}" ]; then
    echo "{\"case\":\"picture-base\",$(m dotnet "$BENCH_BASE_CLI" "${picture[@]}" --out "$OUT/bp$r" | cut -c2-)" >> "$OUT/samples.jsonl"
    echo "{\"case\":\"coloring-base\",$(m dotnet "$BENCH_BASE_CLI" "${coloring[@]}" --out "$OUT/bc$r" | cut -c2-)" >> "$OUT/samples.jsonl"
  fi
  echo "{\"case\":\"coloring-floor\",$(m bash -c "chrome $OUT/warm-coloring/build/interior.html $OUT/gi$r.pdf && chrome $OUT/warm-coloring/build/cover.html $OUT/gc$r.pdf" | cut -c2-)" >> "$OUT/samples.jsonl"
done

python3 - "$OUT/samples.jsonl" "$ROUNDS" <<'PY' | tee "$OUT/results.md"
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
def med(case, key): return statistics.median(r[key] for r in rows if r["case"] == case)
bad = [r for r in rows if r["exit"] != 0]
print(f"rounds: {sys.argv[2]} (medians; cases interleaved within each round){'; FAILED RUNS: ' + str(len(bad)) if bad else ''}\n")
print("| book | storyloom wall s | floor wall s | ratio | storyloom peak MB | floor peak MB |")
print("|---|---|---|---|---|---|")
for case, name in [("picture", "32-page picture book 8.5x8.5 premium color, bleed"), ("coloring", "100-page coloring book 8.5x11 bw")]:
    w, fw = med(case, "wall_s"), med(case + "-floor", "wall_s")
    p, fp = med(case, "peak_rss_mb"), med(case + "-floor", "peak_rss_mb")
    print(f"| {name} | {w:.2f} | {fw:.2f} | {w / fw:.2f}x | {p:.0f} | {fp:.0f} |")
if any(r["case"].endswith("-base") for r in rows):
    print("\n| book | base build wall s | base to floor | this build / base (wall) | base peak MB |")
    print("|---|---|---|---|---|")
    for case in ["picture", "coloring"]:
        w, fw, p = med(case + "-base", "wall_s"), med(case + "-floor", "wall_s"), med(case + "-base", "peak_rss_mb")
        print(f"| {case} | {w:.2f} | {w / fw:.2f}x | {med(case, 'wall_s') / w:.2f} | {p:.0f} |")
PY
