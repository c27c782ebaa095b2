#!/usr/bin/env bash
# How long a published post takes to reach every subscriber's inbox: imports SUBSCRIBERS confirmed
# subscribers (CSV, as the owner), publishes one post and waits until its deliveries are all sent,
# then reads the publish-to-inbox timer of notification-service. The local stack's mail server is
# GreenMail inside the launcher. Needs a running local stack; start it with INKWELL_SEND_RATE to
# measure something else than the default 50 mails a second.
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
NOTIFICATIONS=${NOTIFICATIONS:-http://localhost:8083}
SUBSCRIBERS=${SUBSCRIBERS:-2000}
here=$(cd "$(dirname "$0")" && pwd)
OWNER="Authorization: Bearer $("$here/token.sh" owner)"
EDITOR="Authorization: Bearer $("$here/token.sh")"
run=$(date +%s)

timer() { # the publish-to-inbox timer's sum and count
  curl -sf "$NOTIFICATIONS/actuator/prometheus" | awk '
    /^inkwell_publish_to_inbox_seconds_sum/ { sum = $2 }
    /^inkwell_publish_to_inbox_seconds_count/ { count = $2 }
    END { print sum, count }'
}

{ echo email; for i in $(seq 1 "$SUBSCRIBERS"); do echo "bench-$run-$i@example.org"; done; } > /tmp/fan-out-$run.csv
echo "import: $(curl -sf -X POST "$GATEWAY/api/subscribers/import" -H "$OWNER" -H 'Content-Type: text/csv' \
  --data-binary @/tmp/fan-out-$run.csv | head -c 200)"
rm /tmp/fan-out-$run.csv

read -r sum_before count_before <<< "$(timer)"
id=$(curl -sf -X POST "$GATEWAY/api/posts" -H "$EDITOR" -H 'Content-Type: application/json' \
  -d "{\"title\":\"Fan-out $run\",\"body\":\"$(printf 'A paragraph of a typical post. %.0s' {1..60})\"}" \
  | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
start=$(date +%s.%N)
curl -sf -X POST -H "$EDITOR" -H 'Content-Type: application/json' -d '{}' "$GATEWAY/api/posts/$id/publish" > /dev/null
while :; do
  report=$(curl -s -H "$EDITOR" "$GATEWAY/api/posts/$id/deliveries") || true
  total=$(grep -o '"total":[0-9]*' <<< "$report" | cut -d: -f2)
  sent=$(grep -o '"sent":[0-9]*' <<< "$report" | cut -d: -f2)
  failed=$(grep -o '"failed":[0-9]*' <<< "$report" | cut -d: -f2)
  if [ "${total:-0}" -ge "$SUBSCRIBERS" ] && [ $((sent + failed)) -ge "$total" ]; then break; fi
  [ -z "${WATCH:-}" ] || echo "$(date +%T) sent $sent of $total"
  sleep 0.5
done
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
read -r sum_after count_after <<< "$(timer)"
max=$(curl -sf "$NOTIFICATIONS/actuator/prometheus" | awk '/^inkwell_publish_to_inbox_seconds_max/ { print $2 }')
echo "deliveries: total $total, sent $sent, failed $failed"
printf 'publish to the last inbox: %.1f s, %.0f mails/s\n' "$elapsed" "$(echo "$sent / $elapsed" | bc -l)"
printf 'publish-to-inbox: mean %.1f s, max %.1f s over %d mails\n' \
  "$(echo "($sum_after - $sum_before) / ($count_after - $count_before)" | bc -l)" "$max" \
  "$(echo "$count_after - $count_before" | bc)"
