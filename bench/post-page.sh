#!/usr/bin/env bash
# Reads one post's page on the reader site through the gateway: the web module asks post-service
# for the post, its neighbours, the related posts (of its first tag) and its author's profile, and
# comment-service for its thread, then renders the page. Publishes three posts that share a tag
# first (not mailed). One connection measures what a reader waits; CONNECTIONS measure the load.
# Needs a running local stack and wrk (Debian: apt-get install wrk).
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-20}
THREADS=${THREADS:-2}
AUTH="Authorization: Bearer $("$(dirname "$0")/token.sh")"
RUN=$(date +%s%N)

slug=""
for i in 1 2 3; do
  answer=$(curl -sf -X POST "$GATEWAY/api/posts" -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Post page $i $RUN\",\"tags\":[\"bench $RUN\",\"travel\"],\"body\":\"$(printf 'A paragraph of a typical post. %.0s' {1..60})\"}")
  id=$(echo "$answer" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  slug=$(echo "$answer" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4)
  curl -sf -X POST -H "$AUTH" -H 'Content-Type: application/json' -d '{"mailSubscribers":false}' \
    "$GATEWAY/api/posts/$id/publish" > /dev/null
done
page="$GATEWAY/posts/$slug"
echo "post page: $(curl -s "$page" | wc -c) bytes, $(curl -s "$page" | grep -c 'class="related"') related list"

wrk -t1 -c1 -d5s "$page" > /dev/null # warm-up
echo "== $page, one reader"
wrk -t1 -c1 -d"$DURATION" --latency "$page"
echo "== $page, $CONNECTIONS connections"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$page"
