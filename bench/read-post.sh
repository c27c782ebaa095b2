#!/usr/bin/env bash
# Reads one published post by slug through the gateway and directly from post-service, with the
# same load tool and settings, one after the other. Needs a running local stack and wrk
# (Debian: apt-get install wrk).
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
POSTS=${POSTS:-http://localhost:8081}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
AUTH="Authorization: Bearer $("$(dirname "$0")/token.sh")"

slug="benchmark-post-$(date +%s)"
id=$(curl -sf -X POST "$GATEWAY/api/posts" -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"title\":\"Benchmark post\",\"slug\":\"$slug\",\"body\":\"$(printf 'A paragraph of a typical post. %.0s' {1..60})\",\"tags\":[\"bench\"]}" \
  | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
curl -sf -X POST -H "$AUTH" "$GATEWAY/api/posts/$id/publish" > /dev/null
echo "post $slug ($(curl -s "$POSTS/api/posts/$slug" | wc -c) bytes)"

for target in "$POSTS" "$GATEWAY"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$target/api/posts/$slug" > /dev/null # warm-up
  echo "== $target/api/posts/$slug"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$target/api/posts/$slug"
done
