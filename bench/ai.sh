#!/usr/bin/env bash
# Issue 6, item 9: the pictures of a 32-page book through the fake OpenAI server (1 s per picture) at Storyloom's client-side
# limit of 240 pictures a minute, side by side in each round with a one-picture-at-a-time loop and the floor the limit sets.
# Usage: bench/ai.sh [rounds]    (default 3; prints a Markdown table for bench/RESULTS.md)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
PORT="${STORYLOOM_BENCH_AI_PORT:-5401}"
CLI="$ROOT/.tools/cli-ai/storyloom.dll"

dotnet build "$ROOT/src/Storyloom.Cli/Storyloom.Cli.csproj" -c Release -o "$ROOT/.tools/cli-ai" --nologo -v quiet -clp:ErrorsOnly

dotnet "$CLI" fake-openai --port "$PORT" --image-latency-ms 1000 >/dev/null &
FAKE=$!
trap 'kill "$FAKE" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/_fake/faults" >/dev/null && break
  sleep 0.1
done

OPENAI_BASE_URL="http://127.0.0.1:$PORT/v1" OPENAI_API_KEY=fake STORYLOOM_AI_IMAGES_PER_MINUTE=240 \
  dotnet "$CLI" bench ai --rounds "$ROUNDS" --picture-seconds 1
