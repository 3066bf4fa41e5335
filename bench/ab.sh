#!/usr/bin/env bash
# Two versions of the server side by side in one run: the same requests, alternating short wrk runs, medians and ratios.
# Usage: bench/ab.sh BEFORE_REV [AFTER_REV|worktree] [rounds] [seconds]   e.g. bench/ab.sh HEAD~1        (AFTER = the working tree)
# Each version gets its own Release build, port and SQLite data folder, with a 32-page book (manuscript written) to read.
# Besides requests/s and p99, the server's own CPU time per request (from /proc, user + system): on a shared machine it
# moves far less with the load of others than the throughput does. Ports: AB_PORT and AB_PORT+1 (default 5098).
# Writes bench/out/ab.md and prints it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BEFORE="$1"; AFTER="${2:-worktree}"; ROUNDS="${3:-3}"; SECS="${4:-5}"
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
export Storyloom__Limits__RequestsPerMinute=100000000 Storyloom__Limits__AuthRequestsPerMinute=1000 Logging__LogLevel__Default=Warning
unset Storyloom__Database__Provider Storyloom__Database__ConnectionString

build() {  # $1 = label, $2 = revision or "worktree"; AB_REUSE_BEFORE=1 keeps an existing .tools/ab-before (same BEFORE_REV!)
  if [ "$1" = before ] && [ -n "${AB_REUSE_BEFORE:-}" ] && [ -f "$ROOT/.tools/ab-before/storyloom.dll" ]; then return; fi
  local src="$ROOT"
  if [ "$2" != worktree ]; then
    src="$(mktemp -d)"; git -C "$ROOT" worktree add -q --detach "$src" "$2"
  fi
  dotnet build "$src/src/Storyloom.Cli/Storyloom.Cli.csproj" -c Release -o "$ROOT/.tools/ab-$1" --nologo -v quiet -clp:ErrorsOnly
  if [ "$2" != worktree ]; then git -C "$ROOT" worktree remove --force "$src"; fi
}

declare -A PID PORT TOKEN BOOK
start() {  # $1 = label, $2 = port
  local data; data="$(mktemp -d)"; PORT[$1]=$2
  dotnet "$ROOT/.tools/ab-$1/storyloom.dll" serve --data "$data" --urls "http://127.0.0.1:$2" >"$OUT/ab-$1.log" 2>&1 &
  PID[$1]=$!
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$2/health/live" >/dev/null && break; sleep 0.2; done
  local base="http://127.0.0.1:$2/api/v1"
  curl -fs -X POST "$base/auth/register" -H 'content-type: application/json' \
    -d '{"email":"bench@example.test","password":"benchmark password 1","displayName":"Bench"}' >/dev/null
  TOKEN[$1]="$(curl -fs -X POST "$base/auth/login" -H 'content-type: application/json' \
    -d '{"email":"bench@example.test","password":"benchmark password 1"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"
  for i in $(seq 1 20); do
    BOOK[$1]="$(curl -fs -X POST "$base/books" -H "authorization: Bearer ${TOKEN[$1]}" -H 'content-type: application/json' \
      -d "{\"title\":\"Bench Book $i\",\"kind\":\"story\",\"ageGroup\":\"3-5\",\"theme\":\"friendship\",\"trim\":\"8.5x8.5\",\"pageCount\":32}" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  done
  curl -fs -X POST "$base/books/${BOOK[$1]}/manuscript" -H "authorization: Bearer ${TOKEN[$1]}" >/dev/null
}

build before "$BEFORE"; build after "$AFTER"
AB_PORT="${AB_PORT:-5098}"
start before "$AB_PORT"; start after "$((AB_PORT + 1))"
CASES=("book:/api/v1/books/{id}" "list:/api/v1/books?pageSize=20" "me:/api/v1/auth/me")
for label in before after; do   # warm-up
  wrk -t2 -c8 -d2s -H "authorization: Bearer ${TOKEN[$label]}" "http://127.0.0.1:${PORT[$label]}/api/v1/books/${BOOK[$label]}" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  for c in "${CASES[@]}"; do
    name="${c%%:*}"; path="${c#*:}"
    for label in before after; do
      url="http://127.0.0.1:${PORT[$label]}${path/\{id\}/${BOOK[$label]}}"
      cpu0="$(awk '{print $14 + $15}' "/proc/${PID[$label]}/stat")"
      wrk -t2 -c64 -d"${SECS}s" --latency -H "authorization: Bearer ${TOKEN[$label]}" "$url" >"$OUT/ab-$label-$name-$round.txt"
      echo "cpu ticks: $(( $(awk '{print $14 + $15}' "/proc/${PID[$label]}/stat") - cpu0 )) of $(getconf CLK_TCK)/s" >>"$OUT/ab-$label-$name-$round.txt"
    done
  done
done
kill "${PID[before]}" "${PID[after]}"; wait 2>/dev/null || true

python3 - "$OUT" "$ROUNDS" "$BEFORE" "$AFTER" "$SECS" <<'PY' | tee "$OUT/ab.md"
import re, sys, os, statistics
out, rounds, before, after, secs = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
def parse(path):
    t = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    m = re.search(r"\s99%\s+([\d.]+)(us|ms|s)\b", t); v, u = float(m.group(1)), m.group(2)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    n = int(re.search(r"(\d+) requests in", t).group(1))
    ticks, hz = map(int, re.search(r"cpu ticks: (\d+) of (\d+)/s", t).groups())
    return rps, v / 1000 if u == "us" else v * 1000 if u == "s" else v, int(bad.group(1)) if bad else 0, ticks / hz / n * 1e6
print(f"SQLite, 64 connections, 2 wrk threads, {secs} s per run, {rounds} alternating rounds, medians; before = {before}, after = {after}\n")
print("| request | before rps | before p99 ms | before CPU µs/req | after rps | after p99 ms | after CPU µs/req | ratio (rps) | non-2xx |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for name, label in [("book", "GET /api/v1/books/{id} (32 pages)"), ("list", "GET /api/v1/books?pageSize=20"), ("me", "GET /api/v1/auth/me")]:
    r = {k: [parse(os.path.join(out, f"ab-{k}-{name}-{i}.txt")) for i in range(1, rounds + 1)] for k in ("before", "after")}
    med = {k: (statistics.median(x[0] for x in v), statistics.median(x[1] for x in v), sum(x[2] for x in v), statistics.median(x[3] for x in v)) for k, v in r.items()}
    b, a = med["before"], med["after"]
    print(f"| {label} | {b[0]:,.0f} | {b[1]:.1f} | {b[3]:,.0f} | {a[0]:,.0f} | {a[1]:.1f} | {a[3]:,.0f} | {a[0] / b[0]:.2f}× | {b[2] + a[2]} |")
PY
