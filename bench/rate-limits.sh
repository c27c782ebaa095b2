#!/usr/bin/env bash
# What a rate limit costs at the gateway: a client over its limits, answered 429 by the gateway
# itself, once by a shared limit (comments: counted in the gateway's MongoDB database, a read and a
# compare-and-swap per request) and once by one kept in memory (general). wrk sends from one
# address, which is over both limits after its first few requests, so nearly every answer is a 429
# and no service is asked. Needs a running local stack with its default limits.
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-20}
THREADS=${THREADS:-2}
here=$(cd "$(dirname "$0")" && pwd)
script=$(mktemp --suffix=.lua)
trap 'rm -f "$script"' EXIT

cat > "$script" <<'LUA'
local method = os.getenv("METHOD")
request = function()
  if method == "POST" then
    return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, "{}")
  end
  return wrk.format("GET")
end
local codes = {}
response = function(status) codes[status] = (codes[status] or 0) + 1 end
done = function() end
LUA

echo "== shared (MongoDB): POST $GATEWAY/api/posts/over-the-limit/comments"
METHOD=POST wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" \
  "$GATEWAY/api/posts/over-the-limit/comments"
echo "== in memory: GET $GATEWAY/api/over-the-limit"
METHOD=GET wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" \
  "$GATEWAY/api/over-the-limit"
