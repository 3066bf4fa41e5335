#!/usr/bin/env bash
# Issue 6, item 9: the pictures of a 32-page book through the fake OpenAI server (1 s per picture) at Storyloom's client-side
# limit of 240 pictures a minute, side by side in each round with a one-picture-at-a-time loop and the floor the limit sets.
# Usage: bench/ai.sh [rounds]    (default 3; prints a Markdown table for bench/RESULTS.md)
#        bench/ai.sh checked     issue 21: one checked 32-page book (story, sheets, pictures, vision checks, redraws) through the
#                                fake at 30 s a picture, 2 s a check, 50 pictures a minute, one failed verdict in ten; prints the
#                                estimate before and the spend after. STORYLOOM_AI_IMAGE_MODEL / _IMAGE_QUALITY choose the price line.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
PORT="${STORYLOOM_BENCH_AI_PORT:-5401}"
CLI="$ROOT/.tools/cli-ai/storyloom.dll"

dotnet build "$ROOT/src/Storyloom.Cli/Storyloom.Cli.csproj" -c Release -o "$ROOT/.tools/cli-ai" --nologo -v quiet -clp:ErrorsOnly

if [ "$ROUNDS" = checked ]; then
  dotnet "$CLI" fake-openai --port "$PORT" --image-latency-ms 30000 --vision-latency-ms 2000 --images-per-minute 50 \
    --verdict-fail-rate 0.1 --seed "${STORYLOOM_BENCH_SEED:-1}" >/dev/null &
else
  dotnet "$CLI" fake-openai --port "$PORT" --image-latency-ms 1000 >/dev/null &
fi
FAKE=$!
trap 'kill "$FAKE" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/_fake/faults" >/dev/null && break
  sleep 0.1
done

if [ "$ROUNDS" = checked ]; then
  OPENAI_BASE_URL="http://127.0.0.1:$PORT/v1" OPENAI_API_KEY=fake STORYLOOM_AI_IMAGES_PER_MINUTE=50 \
    /usr/bin/time -f "process: %e s wall, %M KB max RSS" dotnet "$CLI" bench ai-book --pages 32
  exit 0
fi
OPENAI_BASE_URL="http://127.0.0.1:$PORT/v1" OPENAI_API_KEY=fake STORYLOOM_AI_IMAGES_PER_MINUTE=240 \
  dotnet "$CLI" bench ai --rounds "$ROUNDS" --picture-seconds 1
