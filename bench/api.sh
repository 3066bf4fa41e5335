#!/usr/bin/env bash
# Requests per second and latency of the REST API: read one book, list books. 64 connections on loopback with wrk,
# against `storyloom serve` on SQLite and then on PostgreSQL, side by side in one run.
# Usage: bench/api.sh [seconds]   (default 15 per case; needs the test PostgreSQL: ./storyloom test starts it,
#        or set STORYLOOM_TEST_POSTGRES). Writes bench/out/api.md and prints it.
#        bench/api.sh cluster [seconds]: two API nodes on PostgreSQL, without and then with Redis (STORYLOOM_TEST_REDIS,
#        default 127.0.0.1:56379, as ./storyloom test starts it); the client alternates: half the connections on each
#        node, two wrk at once. Writes bench/out/api-cluster.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE=single
if [ "${1:-}" = cluster ]; then MODE=cluster; shift; fi
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

# Registers $2 on the API at $1, makes 50 books, and prints the access token and the last book's id.
seed_books() {
  local base=$1 email=$2
  curl -fs -X POST "$base/auth/register" -H 'content-type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"benchmark password 1\",\"displayName\":\"Bench\"}" >/dev/null
  local token; token="$(curl -fs -X POST "$base/auth/login" -H 'content-type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"benchmark password 1\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"
  local id=""
  for i in $(seq 1 50); do
    id="$(curl -fs -X POST "$base/books" -H "authorization: Bearer $token" -H 'content-type: application/json' \
      -d "{\"title\":\"Bench Book $i\",\"kind\":\"story\",\"ageGroup\":\"3-5\",\"theme\":\"friendship\",\"trim\":\"8.5x8.5\",\"pageCount\":32}" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  done
  echo "$token $id"
}

run_case() {  # $1 = label; the server's database comes from the environment
  local data; data="$(mktemp -d)"
  dotnet "$CLI" serve --data "$data" --urls "http://127.0.0.1:$PORT" >"$OUT/serve-$1.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health/live" >/dev/null && break; sleep 0.2; done
  local base="http://127.0.0.1:$PORT/api/v1" token id
  read -r token id < <(seed_books "$base" "bench@example.test")
  wrk -t2 -c8 -d3s -H "authorization: Bearer $token" "$base/books/$id" >/dev/null   # warm-up
  wrk -t2 -c64 -d"${SECS}s" --latency -H "authorization: Bearer $token" "$base/books/$id" >"$OUT/wrk-$1-read.txt"
  wrk -t2 -c64 -d"${SECS}s" --latency -H "authorization: Bearer $token" "$base/books?pageSize=20" >"$OUT/wrk-$1-list.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}

# Two API nodes over one PostgreSQL (same signing key), one book and one list at a time, each node taking half the load.
run_cluster_case() {  # $1 = label; Redis comes from the environment (or none)
  local p1=$PORT p2=$((PORT + 1)) d1 d2; d1="$(mktemp -d)"; d2="$(mktemp -d)"
  dotnet "$CLI" serve --data "$d1" --urls "http://127.0.0.1:$p1" >"$OUT/serve-$1-1.log" 2>&1 &
  local pid1=$!
  dotnet "$CLI" serve --data "$d2" --urls "http://127.0.0.1:$p2" >"$OUT/serve-$1-2.log" 2>&1 &
  local pid2=$!
  for p in $p1 $p2; do for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$p/health/live" >/dev/null && break; sleep 0.2; done; done
  local base="http://127.0.0.1:$p1/api/v1" token id
  read -r token id < <(seed_books "$base" "bench-$1@example.test")
  for p in $p1 $p2; do wrk -t1 -c4 -d3s -H "authorization: Bearer $token" "http://127.0.0.1:$p/api/v1/books/$id" >/dev/null; done  # warm-up
  for c in read list; do
    local path="books/$id"; [ "$c" = list ] && path="books?pageSize=20"
    wrk -t1 -c32 -d"${SECS}s" --latency -H "authorization: Bearer $token" "http://127.0.0.1:$p1/api/v1/$path" >"$OUT/wrk-$1-$c-1.txt" &
    local w1=$!
    wrk -t1 -c32 -d"${SECS}s" --latency -H "authorization: Bearer $token" "http://127.0.0.1:$p2/api/v1/$path" >"$OUT/wrk-$1-$c-2.txt"
    wait "$w1"
  done
  kill "$pid1" "$pid2"; wait "$pid1" "$pid2" 2>/dev/null || true
  rm -rf "$d1" "$d2"
}

pg_admin() { psql "$(python3 -c "import sys; d=dict(p.split('=',1) for p in sys.argv[1].split(';') if p); print(f\"host={d['Host']} port={d.get('Port',5432)} user={d['Username']} dbname={d['Database']}\")" "$PG")" -qc "$1" >/dev/null; }

if [ "$MODE" = cluster ]; then
  REDIS="${STORYLOOM_TEST_REDIS:-127.0.0.1:56379}"
  redis-cli -u "redis://$REDIS" ping >/dev/null || { echo "Redis does not answer at $REDIS: ./storyloom test starts it, or set STORYLOOM_TEST_REDIS" >&2; exit 1; }
  export Storyloom__Jobs__RunWorker=false Storyloom__Auth__SigningKey="$(head -c 48 /dev/urandom | base64 -w0)"
  for label in no-redis redis; do
    db="sl_bench_${label//-/_}_$$"
    pg_admin "CREATE DATABASE $db"
    export Storyloom__Database__Provider=postgres Storyloom__Database__ConnectionString="$(echo "$PG" | sed "s/Database=[^;]*/Database=$db/");Maximum Pool Size=50"
    if [ "$label" = redis ]; then export Storyloom__Redis__ConnectionString="$REDIS" Storyloom__Redis__Prefix="bench-$$:"; else unset Storyloom__Redis__ConnectionString; fi
    mig="$(mktemp -d)"; dotnet "$CLI" db migrate --data "$mig" >/dev/null; rm -rf "$mig"
    run_cluster_case "$label"
    pg_admin "DROP DATABASE $db WITH (FORCE)"
  done
  python3 - "$OUT" "$SECS" <<'PY' | tee "$OUT/api-cluster.md"
import re, sys, os
out, secs = sys.argv[1], sys.argv[2]
def parse(path):
    t = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    m = re.search(r"\s99%\s+([\d.]+)(us|ms|s)\b", t)
    v, u = float(m.group(1)), m.group(2)
    p99 = v / 1000 if u == "us" else v * 1000 if u == "s" else v
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
    return rps, p99, int(non2xx.group(1)) if non2xx else 0
print(f"two API nodes on one PostgreSQL, 2 x 32 connections (one wrk per node, at once), {secs} s per case, loopback, all on the same 2 cores\n")
print("| setup | request | requests/s (both nodes) | p99 ms (worse node) | non-2xx |")
print("|---|---|---:|---:|---:|")
for label in ["no-redis", "redis"]:
    for case, name in [("read", "GET /api/v1/books/{id}"), ("list", "GET /api/v1/books?pageSize=20")]:
        a, b = parse(os.path.join(out, f"wrk-{label}-{case}-1.txt")), parse(os.path.join(out, f"wrk-{label}-{case}-2.txt"))
        print(f"| {label} | {name} | {a[0] + b[0]:,.0f} | {max(a[1], b[1]):.2f} | {a[2] + b[2]} |")
PY
  exit 0
fi

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
