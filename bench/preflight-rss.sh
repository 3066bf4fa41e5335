#!/usr/bin/env bash
# Peak RSS of `storyloom serve` while 4 PDF bombs (106 KB that inflate to 100 MB) and 4 normal PDFs are preflighted at once.
# Usage: bench/preflight-rss.sh [path/to/storyloom.dll]   (default: builds this tree's CLI into .tools/cli)
# Prints the HTTP status of each upload and the server's VmHWM (peak resident set) from /proc after all eight finished.
# BENCH_RSS_CAP_MB (default 12000) bounds the run: a sampler stops the server if its resident set passes the cap (a build
# without the limits can take several GB per bomb), and the peak it saw is printed instead.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI="${1:-}"
if [ -z "$CLI" ]; then
  dotnet build "$ROOT/src/Storyloom.Cli/Storyloom.Cli.csproj" -o "$ROOT/.tools/cli" --nologo -v quiet -clp:ErrorsOnly
  CLI="$ROOT/.tools/cli/storyloom.dll"
fi
PORT="${BENCH_PORT:-5391}"
WORK="$(mktemp -d)"
export Storyloom__Limits__AuthRequestsPerMinute=1000 Logging__LogLevel__Default=Warning
python3 - "$WORK" <<'PY'
import sys, zlib
def pdf(content, deflate):
    data = zlib.compress(content, 9) if deflate else content
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 612] /Contents 4 0 R >>",
            b"<< /Length %d%s >>\nstream\n" % (len(data), b" /Filter /FlateDecode" if deflate else b"") + data + b"\nendstream"]
    out, offs = bytearray(b"%PDF-1.7\n"), []
    for i, o in enumerate(objs):
        offs.append(len(out)); out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return bytes(out)
open(sys.argv[1] + "/bomb.pdf", "wb").write(pdf(b" " * (100 << 20), True))
open(sys.argv[1] + "/normal.pdf", "wb").write(pdf(b"BT /F1 12 Tf 72 500 Td (Pip walks to the sea.) Tj ET 0 0 m 100 100 l S", True))
PY
dotnet "$CLI" serve --data "$WORK/data" --urls "http://127.0.0.1:$PORT" >"$WORK/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$PORT/health/live" >/dev/null && break; sleep 0.2; done
BASE="http://127.0.0.1:$PORT/api/v1"
curl -fs -X POST "$BASE/auth/register" -H 'content-type: application/json' \
  -d '{"email":"bench@example.test","password":"benchmark password 1","displayName":"Bench"}' >/dev/null
TOKEN="$(curl -fs -X POST "$BASE/auth/login" -H 'content-type: application/json' \
  -d '{"email":"bench@example.test","password":"benchmark password 1"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"
echo "bomb.pdf $(stat -c %s "$WORK/bomb.pdf") bytes; server RSS before uploads: $(awk '/VmRSS/{print $2/1024 " MB"}' /proc/$PID/status)"
CAP_MB="${BENCH_RSS_CAP_MB:-12000}"
( peak=0; while kill -0 $PID 2>/dev/null; do
    rss=$(awk '/VmRSS/{print int($2/1024)}' /proc/$PID/status 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" >"$WORK/peak"
    if [ "${rss:-0}" -gt "$CAP_MB" ]; then echo "server passed the cap of $CAP_MB MB: stopped" >"$WORK/capped"; kill -9 $PID; fi
    sleep 0.2
  done ) &
SAMPLER=$!
for f in bomb bomb bomb bomb normal normal normal normal; do
  curl -s -o /dev/null -w "$f %{http_code} %{time_total}s\n" --max-time 600 -H "Authorization: Bearer $TOKEN" \
    -F "interior=@$WORK/$f.pdf;type=application/pdf" -F trim=8.5x8.5 -F ink=bw -F bleed=false -F pageCount=24 "$BASE/preflight" &
done
wait $(jobs -p | grep -v "^$PID$" | grep -v "^$SAMPLER$") 2>/dev/null || true
if [ -f "$WORK/capped" ]; then
  echo "$(cat "$WORK/capped"); peak RSS seen by the sampler: $(cat "$WORK/peak") MB (at least)"
else
  echo "server peak RSS (VmHWM): $(awk '/VmHWM/{print int($2/1024) " MB"}' /proc/$PID/status); sampler saw $(cat "$WORK/peak" 2>/dev/null) MB"
fi
kill $SAMPLER 2>/dev/null || true
