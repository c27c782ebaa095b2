#!/usr/bin/env bash
# Posting comments, and reading a post's thread of 500 comments (100 top-level, 4 replies each),
# through the gateway with wrk. Needs a running local stack started with a per-client comment
# limit high enough for a load test (wrk sends everything from one address):
#   INKWELL_COMMENT_CLIENT_LIMIT=100000000 java -Xmx384m -jar local-stack/target/local-stack.jar
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
AUTH="Authorization: Bearer $("$(dirname "$0")/token.sh")"
here=$(cd "$(dirname "$0")" && pwd)

new_post() {
  local id
  id=$(curl -sf -X POST "$GATEWAY/api/posts" -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"title\":\"$1\",\"body\":\"A post to comment on.\"}" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  curl -sf -X POST -H "$AUTH" "$GATEWAY/api/posts/$id/publish" > /dev/null
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$GATEWAY/api/posts/$id/comments")" = 200 ]; do sleep 0.2; done
  echo "$id"
}
comment() { # post, body, parent?
  local parent=${3:+,\"parentId\":\"$3\"}
  curl -sf -X POST "$GATEWAY/api/posts/$1/comments" -H 'Content-Type: application/json' \
    -d "{\"authorName\":\"Reader\",\"authorEmail\":\"reader-$RANDOM-$RANDOM@example.org\",\"body\":\"$2\"$parent}" \
    | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4
}

previous=$(curl -s -H "$AUTH" "$GATEWAY/api/comments/settings" | grep -o '[A-Z_]*_[A-Z_]*' | head -1)
curl -sf -X PUT -H "$AUTH" "$GATEWAY/api/comments/settings" -H 'Content-Type: application/json' -d '{"policy":"APPROVE_ALL"}' > /dev/null
trap 'curl -sf -X PUT -H "$AUTH" "$GATEWAY/api/comments/settings" -H "Content-Type: application/json" -d "{\"policy\":\"${previous:-HOLD_FIRST_TIME}\"}" > /dev/null' EXIT

thread=$(new_post "A thread of 500 comments")
for i in $(seq 1 100); do
  top=$(comment "$thread" "Top-level comment $i")
  for j in 1 2 3 4; do comment "$thread" "Reply $j to comment $i" "$top" > /dev/null; done
done
echo "thread of $(curl -s "$GATEWAY/api/posts/$thread/comments/count") comments, $(curl -s "$GATEWAY/api/posts/$thread/comments?limit=100" | wc -c) bytes"

target=$(new_post "A post under load")
echo "== POST $GATEWAY/api/posts/$target/comments"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$here/post-comment.lua" "$GATEWAY/api/posts/$target/comments"
echo "== GET $GATEWAY/api/posts/$thread/comments?limit=100"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$GATEWAY/api/posts/$thread/comments?limit=100" > /dev/null # warm-up
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$GATEWAY/api/posts/$thread/comments?limit=100"
