#!/usr/bin/env bash
# Reads the reader site's home page through the gateway: the web module asks post-service for the
# newest posts and comment-service for their comment counts, then renders the page. Publishes
# POSTS posts first (each with a paragraph) so the page lists a full page of them. Needs a running
# local stack and wrk (Debian: apt-get install wrk).
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-20}
THREADS=${THREADS:-2}
POSTS=${POSTS:-10}
AUTH="Authorization: Bearer $("$(dirname "$0")/token.sh")"

for i in $(seq 1 "$POSTS"); do
  id=$(curl -sf -X POST "$GATEWAY/api/posts" -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Home page post $i $(date +%s%N)\",\"body\":\"$(printf 'A paragraph of a typical post. %.0s' {1..60})\"}" \
    | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  curl -sf -X POST -H "$AUTH" -H 'Content-Type: application/json' -d '{"mailSubscribers":false}' \
    "$GATEWAY/api/posts/$id/publish" > /dev/null
done
echo "home page: $(curl -s "$GATEWAY/" | grep -c 'class="card"') posts listed"

wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$GATEWAY/" > /dev/null # warm-up
echo "== $GATEWAY/"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$GATEWAY/"
