#!/usr/bin/env bash
# How long post-service takes to find the tag a path names (GET /api/tags/{tag}, which every tag
# page and tag feed asks) on a blog of TAGS tags: by its name, by the slug WordPress and Ghost
# made of an accented one ("cafe-…" for "café …"), and for a path no tag has, which looks through
# every tag's slug (and, beyond the Latin letters, its transliteration) before its 404. Publishes
# the posts first (30 tags each, a third Cyrillic, a third accented; without mail, straight to
# post-service). Needs a running local stack.
set -euo pipefail
POSTS_URL=${POSTS_URL:-http://localhost:8081}
TAGS=${TAGS:-1500}
ROUNDS=${ROUNDS:-20}
run=$(date +%s)
AUTH="Authorization: Bearer $("$(dirname "$0")/token.sh")"

for first in $(seq 0 30 $((TAGS - 1))); do
  tags=""
  for i in $(seq "$first" $((first + 29))); do
    case $((i % 3)) in
      0) tag="café $run $i" ;;
      1) tag="Привет $run $i" ;;
      *) tag="plain $run $i" ;;
    esac
    tags="$tags${tags:+,}\"$tag\""
  done
  id=$(curl -sf -X POST "$POSTS_URL/api/posts" -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Tagged $first\",\"body\":\"Words.\",\"tags\":[$tags]}" \
    | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  curl -sf -X POST -H "$AUTH" -H 'Content-Type: application/json' -d '{"mailSubscribers":false}' \
    "$POSTS_URL/api/posts/$id/publish" > /dev/null
done

timed() {
  local what=$1 path=$2
  local status total=0
  for _ in $(seq 1 "$ROUNDS"); do
    read -r status seconds < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$POSTS_URL$path")
    total=$(awk -v t="$total" -v s="$seconds" 'BEGIN { print t + s }')
  done
  awk -v what="$what" -v status="$status" -v t="$total" -v n="$ROUNDS" \
    'BEGIN { printf "%-44s %s  %7.1f ms on average\n", what, status, t * 1000 / n }'
}
echo "$(curl -s "$POSTS_URL/api/tags" | grep -o '"tag"' | wc -l) tags on published posts"
timed "by its name (plain $run 2)" "/api/tags/plain%20$run%202"
timed "by WordPress's slug (cafe-$run-$(((TAGS - 1) / 3 * 3)))" "/api/tags/cafe-$run-$(((TAGS - 1) / 3 * 3))"
timed "a slug no tag has (no-such-tag-$run)" "/api/tags/no-such-tag-$run"
