#!/usr/bin/env bash
# Renames a tag that POSTS published posts carry, as an editor does on the Tags page (POST
# /api/tags/{tag}/rename), then merges it into another tag and deletes that one: each answer comes
# once every post has its new tags (ADR 25), so its time is the whole change. Publishes the posts
# first (without mail, straight to post-service). Needs a running local stack.
set -euo pipefail
POSTS_URL=${POSTS_URL:-http://localhost:8081}
POSTS=${POSTS:-1000}
run=$(date +%s)
from="rename-from-$run"
to="rename-to-$run"
other="rename-other-$run"
AUTH="Authorization: Bearer $("$(dirname "$0")/token.sh")"

body="$(printf 'A paragraph of a typical post about the harbour, the trams and the tiles. %.0s' {1..50})"
for i in $(seq 1 "$POSTS"); do
  tags="[\"$from\",\"harbour\"]"
  if [ $((i % 2)) -eq 0 ]; then tags="[\"$from\",\"$other\"]"; fi
  id=$(curl -sf -X POST "$POSTS_URL/api/posts" -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Tagged post $i\",\"body\":\"$body\",\"tags\":$tags}" \
    | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  curl -sf -X POST -H "$AUTH" -H 'Content-Type: application/json' -d '{"mailSubscribers":false}' \
    "$POSTS_URL/api/posts/$id/publish" > /dev/null
done

timed() {
  local what=$1 method=$2 path=$3 data=${4:-}
  local args=(-s -o /dev/null -w '%{http_code} %{time_total}\n' -X "$method" -H "$AUTH")
  [ -n "$data" ] && args+=(-H 'Content-Type: application/json' -d "$data")
  read -r status seconds < <(curl "${args[@]}" "$POSTS_URL$path")
  awk -v what="$what" -v status="$status" -v s="$seconds" -v n="$POSTS" \
    'BEGIN { printf "%-48s %s  %6.2f s  %5.2f ms a post\n", what, status, s, s * 1000 / n }'
}
echo "$POSTS published posts carry $from (half of them $other too)"
timed "rename $from -> $to" POST "/api/tags/$from/rename" "{\"name\":\"$to\"}"
timed "merge $to into $other" POST "/api/tags/$to/rename" "{\"name\":\"$other\"}"
timed "delete $other" DELETE "/api/tags/$other"
echo "left with the tag: $(curl -s "$POSTS_URL/api/posts?tag=$other&limit=1" | grep -o '"id"' | wc -l)"
