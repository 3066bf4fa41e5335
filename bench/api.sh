#!/usr/bin/env bash
# Requests per second and latency of the REST API: read one book, list books. 64 connections on loopback with wrk,
# against `storyloom serve` on SQLite and then on PostgreSQL, side by side in one run.
# Usage: bench/api.sh [seconds]   (default 15 per case; needs the test PostgreSQL: ./storyloom test starts it,
#        or set STORYLOOM_TEST_POSTGRES). Writes bench/out/api.md and prints it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECS="${1:-15}"
OUT="$ROOT/bench/out"; mkdir -p "$OUT"
CLI="$ROOT/.tools/cli/storyloom.dll"
PORT="${BENCH_PORT:-5097}"
PG="${STORYLOOM_TEST_POSTGRES:-Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
dotnet build "$ROOT/src/Storyloom.Cli/Storyloom.Cli.csproj" -c Release -o "$ROOT/.tools/cli" --nologo -v quiet -clp:ErrorsOnly

# The benchmark user makes far more requests than a person; lift the per-user limit for it.
export Storyloom__Limits__RequestsPerMinute=100000000 Storyloom__Limits__AuthRequestsPerMinute=1000
export Logging__LogLevel__Default=Warning

run_case() {  # $1 = label; the server's database comes from the environment
  local data; data="$(mktemp -d)"
  dotnet "$CLI" serve --data "$data" --urls "http://127.0.0.1:$PORT" >"$OUT/serve-$1.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health/live" >/dev/null && break; sleep 0.2; done
  local base="http://127.0.0.1:$PORT/api/v1"
  curl -fs -X POST "$base/auth/register" -H 'content-type: application/json' \
    -d '{"email":"bench@example.test","password":"benchmark password 1","displayName":"Bench"}' >/dev/null
  local token; token="$(curl -fs -X POST "$base/auth/login" -H 'content-type: application/json' \
    -d '{"email":"bench@example.test","password":"benchmark password 1"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"
  local id=""
  for i in $(seq 1 50); do
    id="$(curl -fs -X POST "$base/books" -H "authorization: Bearer $token" -H 'content-type: application/json' \
      -d "{\"title\":\"Bench Book $i\",\"kind\":\"story\",\"ageGroup\":\"3-5\",\"theme\":\"friendship\",\"trim\":\"8.5x8.5\",\"pageCount\":32}" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  done
  wrk -t2 -c8 -d3s -H "authorization: Bearer $token" "$base/books/$id" >/dev/null   # warm-up
  wrk -t2 -c64 -d"${SECS}s" --latency -H "authorization: Bearer $token" "$base/books/$id" >"$OUT/wrk-$1-read.txt"
  wrk -t2 -c64 -d"${SECS}s" --latency -H "authorization: Bearer $token" "$base/books?pageSize=20" >"$OUT/wrk-$1-list.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}

unset Storyloom__Database__Provider Storyloom__Database__ConnectionString
run_case sqlite
db="sl_bench_$$"
psql "$(python3 -c "import sys; d=dict(p.split('=',1) for p in sys.argv[1].split(';') if p); print(f\"host={d['Host']} port={d.get('Port',5432)} user={d['Username']} dbname={d['Database']}\")" "$PG")" -qc "CREATE DATABASE $db" >/dev/null
export Storyloom__Database__Provider=postgres Storyloom__Database__ConnectionString="$(echo "$PG" | sed "s/Database=[^;]*/Database=$db/");Maximum Pool Size=100"
run_case postgres
psql "$(python3 -c "import sys; d=dict(p.split('=',1) for p in sys.argv[1].split(';') if p); print(f\"host={d['Host']} port={d.get('Port',5432)} user={d['Username']} dbname={d['Database']}\")" "$PG")" -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null

python3 - "$OUT" "$SECS" <<'PY' | tee "$OUT/api.md"
import re, sys, os
out, secs = sys.argv[1], sys.argv[2]
def parse(path):
    t = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    def ms(label):
        m = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)\b", t)
        v, u = float(m.group(1)), m.group(2)
        return v / 1000 if u == "us" else v * 1000 if u == "s" else v
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    errors = re.search(r"Socket errors: (.*)", t)
    return rps, ms("50"), ms("99"), int(non2xx.group(1)) if non2xx else 0, errors.group(1) if errors else "none"
print(f"64 connections, 2 wrk threads, {secs} s per case, loopback, server and wrk on the same 2 cores\n")
print("| database | request | requests/s | p50 ms | p99 ms | non-2xx | socket errors |")
print("|---|---|---:|---:|---:|---:|---|")
for db in ["sqlite", "postgres"]:
    for case, label in [("read", "GET /api/v1/books/{id}"), ("list", "GET /api/v1/books?pageSize=20")]:
        rps, p50, p99, bad, err = parse(os.path.join(out, f"wrk-{db}-{case}.txt"))
        print(f"| {db} | {label} | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {bad} | {err} |")
PY
