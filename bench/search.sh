#!/usr/bin/env bash
# Searches the published posts as a reader does (GET /api/posts?q=), directly from post-service:
# a search reads every post's search text (ADR 16), so its cost grows with the blog. Publishes
# POSTS posts of about 4 KB first (without mail, straight to post-service, whose token check is the
# gateway's; SKIP_PUBLISH=1 reuses those of a run before), then
# asks for words no post has (the whole blog is read), for words with accents the posts spell
# without, and for a word every post has (a full page of 20, each with where its words stand). Needs a running local stack and wrk (Debian: apt-get install wrk).
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
POSTS_URL=${POSTS_URL:-http://localhost:8081}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-10}
THREADS=${THREADS:-2}
POSTS=${POSTS:-500}

if [ -z "${SKIP_PUBLISH:-}" ]; then
  AUTH="Authorization: Bearer $("$(dirname "$0")/token.sh")"
  body="$(printf 'A paragraph of a typical post about the harbour, the trams and the tiles. %.0s' {1..50})"
  for i in $(seq 1 "$POSTS"); do
    id=$(curl -sf -X POST "$POSTS_URL/api/posts" -H "$AUTH" -H 'Content-Type: application/json' \
      -d "{\"title\":\"Search post $i\",\"body\":\"$body Cafe $i.\",\"tags\":[\"bench\"]}" \
      | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
    curl -sf -X POST -H "$AUTH" -H 'Content-Type: application/json' -d '{"mailSubscribers":false}' \
      "$POSTS_URL/api/posts/$id/publish" > /dev/null
  done
fi

for q in "creme%20brulee" "caf%C3%A9%20250." "harbour"; do
  url="$POSTS_URL/api/posts?limit=20&q=$q"
  echo "== $url: $(curl -s "$url" | grep -o '"id"' | wc -l) found"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$url" > /dev/null # warm-up
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url"
done
