#!/usr/bin/env bash
# The web app: its built size (JS and CSS, raw and gzip) and the time to first render of the dashboard in headless
# Chromium on loopback, against a Release `storyloom serve` (SQLite, a user with six books).
# Usage: bench/web.sh [runs] [label=webroot ...]   (default 9 runs; extra label=dir pairs are other builds of the app,
#        e.g. an older wwwroot, measured interleaved with this one, each on its own server). Writes bench/out/web.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-9}"; shift || true
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
CLI="$ROOT/.tools/cli/storyloom.dll"
FIRST_PORT=5460
(cd "$ROOT/web" && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build) >"$OUT/web-build.log" 2>&1
dotnet build "$ROOT/src/Storyloom.Cli/Storyloom.Cli.csproj" -c Release -o "$ROOT/.tools/cli" --nologo -v quiet -clp:ErrorsOnly

export Storyloom__Limits__RequestsPerMinute=100000000 Storyloom__Limits__AuthRequestsPerMinute=100000
export Logging__LogLevel__Default=Warning

sizes() {  # $1 = label, $2 = webroot: what index.html loads first, then every chunk
  local dir="$2" first=() js=0 jsz=0 css=0 cssz=0 all=0 allz=0 f
  mapfile -t first < <(grep -oE '/assets/[^"]+\.(js|css)' "$dir/index.html" | sort -u)
  for f in "${first[@]}"; do
    local raw gz; raw=$(stat -c %s "$dir$f"); gz=$(gzip -9c "$dir$f" | wc -c)
    if [[ $f == *.css ]]; then css=$((css + raw)); cssz=$((cssz + gz)); else js=$((js + raw)); jsz=$((jsz + gz)); fi
  done
  for f in "$dir"/assets/*.js; do all=$((all + $(stat -c %s "$f"))); allz=$((allz + $(gzip -9c "$f" | wc -c))); done
  local worker; worker=$(ls "$dir"/assets/pdf.worker*.mjs 2>/dev/null | head -1)
  printf '| %s | %d | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %s |\n' "$1" "$(ls "$dir"/assets/*.js | wc -l)" \
    "$(bc -l <<<"$js/1024")" "$(bc -l <<<"$jsz/1024")" "$(bc -l <<<"$css/1024")" "$(bc -l <<<"$cssz/1024")" \
    "$(bc -l <<<"$all/1024")" "$(bc -l <<<"$allz/1024")" \
    "${worker:+$(printf '%.1f / %.1f' "$(bc -l <<<"$(stat -c %s "$worker")/1024")" "$(bc -l <<<"$(gzip -9c "$worker" | wc -c)/1024")")}"
}

labels=("current"); roots=("$ROOT/src/Storyloom.Server/wwwroot")
for pair in "$@"; do labels+=("${pair%%=*}"); roots+=("${pair#*=}"); done
pids=(); datas=(); servers=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; for d in "${datas[@]}"; do rm -rf "$d"; done; }
trap cleanup EXIT
for i in "${!labels[@]}"; do
  port=$((FIRST_PORT + i)); data="$(mktemp -d)"; datas+=("$data")
  Storyloom__WebRoot="${roots[$i]}" dotnet "$CLI" serve --data "$data" --urls "http://127.0.0.1:$port" >"$OUT/web-serve-${labels[$i]}.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.2; done
  base="http://127.0.0.1:$port/api/v1"
  curl -fs -X POST "$base/auth/register" -H 'content-type: application/json' \
    -d '{"email":"bench@example.test","password":"benchmark password 1","displayName":"Bench"}' >/dev/null
  token="$(curl -fs -X POST "$base/auth/login" -H 'content-type: application/json' \
    -d '{"email":"bench@example.test","password":"benchmark password 1"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"
  for b in 1 2 3 4 5 6; do
    curl -fs -X POST "$base/books" -H "authorization: Bearer $token" -H 'content-type: application/json' \
      -d "{\"title\":\"Bench Book $b\",\"kind\":\"story\",\"ageGroup\":\"3-5\",\"theme\":\"friendship\",\"trim\":\"8.5x8.5\",\"pageCount\":32}" >/dev/null
  done
  servers+=("${labels[$i]}=http://127.0.0.1:$port")
done

node --experimental-websocket "$ROOT/bench/web-fcp.mjs" 1 $((FIRST_PORT + 30)) "${servers[@]}" >/dev/null   # warm-up: server JIT, disk cache
node --experimental-websocket "$ROOT/bench/web-fcp.mjs" "$RUNS" $((FIRST_PORT + 30)) "${servers[@]}" >"$OUT/web-runs.jsonl"

{
  echo "Commit: $(git -C "$ROOT" log -1 --format='%h %s'), $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores."
  echo
  echo "| build | JS files | first load JS KiB raw / gzip | CSS KiB raw / gzip | all JS KiB raw / gzip | pdf.js worker KiB raw / gzip |"
  echo "|---|---|---|---|---|---|"
  for i in "${!labels[@]}"; do sizes "${labels[$i]}" "${roots[$i]}"; done
  echo
  echo "Dashboard in headless Chromium, medians of $RUNS (ms from navigation start; *ready* = the recent books rendered):"
  echo
  python3 - "$OUT/web-runs.jsonl" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| build | load | first contentful paint ms | dashboard ready ms | ready min–max |")
print("|---|---|---|---|---|")
for label in dict.fromkeys(r["label"] for r in rows):
    for load in ("cold", "warm"):
        rs = [r for r in rows if r["label"] == label and r["load"] == load]
        ready = [r["ready"] for r in rs]
        print(f"| {label} | {load} | {statistics.median(r['fcp'] for r in rs):.0f} | {statistics.median(ready):.0f} | {min(ready)}–{max(ready)} |")
PY
} | tee "$OUT/web.md"
