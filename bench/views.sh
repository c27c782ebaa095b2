#!/usr/bin/env bash
# Counts readers' views of one post as their browsers send them (views.js: POST
# /api/posts/{id}/views), at post-service directly: the gateway limits one address to 30 a minute,
# and wrk sends from one. One connection measures what a view costs; CONNECTIONS the load. Then
# checks that the post's total is every view post-service took, none lost under the load.
# Needs a running local stack and wrk (Debian: apt-get install wrk).
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
SERVICE=${SERVICE:-http://localhost:8081}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-20}
THREADS=${THREADS:-2}
HERE="$(dirname "$0")"
AUTH="Authorization: Bearer $("$HERE/token.sh")"

answer=$(curl -sf -X POST "$GATEWAY/api/posts" -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"title\":\"Views $(date +%s%N)\",\"body\":\"Read often.\"}")
id=$(echo "$answer" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
curl -sf -X POST -H "$AUTH" -H 'Content-Type: application/json' -d '{"mailSubscribers":false}' \
  "$GATEWAY/api/posts/$id/publish" > /dev/null
views="$SERVICE/api/posts/$id/views"

wrk -t1 -c1 -d5s -s "$HERE/count-view.lua" "$views" # warm-up
echo "== $views, one reader at a time"
wrk -t1 -c1 -d"$DURATION" --latency -s "$HERE/count-view.lua" "$views"
echo "== $views, $CONNECTIONS connections"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/count-view.lua" "$views"
echo "== the post's total, as its editors read it"
curl -sf -H "$AUTH" "$GATEWAY/api/posts/$id/views?days=1" | grep -o '"total":[0-9]*'
