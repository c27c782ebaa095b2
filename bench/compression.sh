#!/usr/bin/env bash
# What gzip at the gateway gives readers and what it costs it: publishes POSTS posts (not mailed),
# then for the home page, a post's page, the stylesheet, the Atom feed and the posts' JSON prints
# the bytes a reader receives plain and gzipped, and reads the home page with wrk as a browser
# (Accept-Encoding: gzip) and as a client without it. Needs a running local stack and wrk.
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-20}
POSTS=${POSTS:-10}
AUTH="Authorization: Bearer $("$(dirname "$0")/token.sh")"

slug=
for i in $(seq 1 "$POSTS"); do
  created=$(curl -sf -X POST "$GATEWAY/api/posts" -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Compression post $i $(date +%s%N)\",\"tags\":[\"bench\"],\"body\":\"$(printf 'A paragraph of a typical post, with its words. %.0s' {1..60})\"}")
  id=$(echo "$created" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  slug=$(echo "$created" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4)
  curl -sf -X POST -H "$AUTH" -H 'Content-Type: application/json' -d '{"mailSubscribers":false}' \
    "$GATEWAY/api/posts/$id/publish" > /dev/null
done
css=$(curl -sf "$GATEWAY/" | grep -o '/css/inkwell-[0-9a-f]*\.css' | head -1)

printf '%-32s %10s %10s\n' address plain gzipped
for path in / "/posts/$slug" "$css" /feed.atom "/api/posts?limit=10"; do
  plain=$(curl -sf -o /dev/null -w '%{size_download}' "$GATEWAY$path")
  gzipped=$(curl -sf -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "$GATEWAY$path")
  printf '%-32s %10s %10s\n' "${path:0:32}" "$plain" "$gzipped"
done

wrk -t2 -c"$CONNECTIONS" -d5s "$GATEWAY/" > /dev/null # warm-up
for encoding in gzip identity; do
  echo "== $GATEWAY/, Accept-Encoding: $encoding"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Accept-Encoding: $encoding" "$GATEWAY/"
done
