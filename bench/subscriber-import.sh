#!/usr/bin/env bash
# Imports a subscriber list of ROWS new addresses through the gateway as the owner (POST
# /api/subscribers/import, as the Subscribers page does), then the same list again, whose readers
# are all there by then: the time of each. The readers are paused, so that no post published later
# mails them. Needs a running local stack; INKWELL_DATA as for token.sh.
set -euo pipefail
GATEWAY_URL=${GATEWAY_URL:-http://localhost:8080}
ROWS=${ROWS:-20000}
run=$(date +%s)
list=$(mktemp)
trap 'rm -f "$list"' EXIT
AUTH="Authorization: Bearer $("$(dirname "$0")/token.sh" owner)"

{ echo "email,name,paused"; for i in $(seq 1 "$ROWS"); do echo "list-$run-$i@example.org,Reader $i,true"; done; } > "$list"
echo "$ROWS rows, $(wc -c < "$list") bytes"
answer=$(mktemp)
trap 'rm -f "$list" "$answer"' EXIT
for what in "first import" "the same list again"; do
  timing=$(curl -s -o "$answer" -w '%{http_code} in %{time_total} s' -H "$AUTH" \
    -H 'Content-Type: text/csv' --data-binary @"$list" "$GATEWAY_URL/api/subscribers/import")
  echo "$what: $timing $(cat "$answer")"
done
