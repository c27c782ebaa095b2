#!/usr/bin/env bash
# What a reader's browser downloads for a post's photo: the whole picture and each narrower copy,
# the first request (which makes the copy) and the next (which reads the kept one), then wrk on the
# copy a laptop takes beside the whole picture. Needs a running local stack and wrk; the picture
# is the argument, or a 4000 × 3000 camera-like JPEG made by bench/Photo.java.
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-20}
THREADS=${THREADS:-2}
here=$(cd "$(dirname "$0")" && pwd)
AUTH="Authorization: Bearer $("$here/token.sh")"

picture=${1:-}
if [ -z "$picture" ]; then
  picture=$(mktemp --suffix=.jpg)
  # a different picture each run, so its copies are made afresh
  java "$here/Photo.java" 4000 $((3000 - RANDOM % 100)) "$picture"
fi
url=$(curl -sf -H "$AUTH" -F "file=@$picture;type=image/jpeg" "$GATEWAY/api/images" \
  | grep -o '"url":"[^"]*"' | cut -d'"' -f4)
echo "picture $url"

printf '%-8s %12s %12s %12s\n' width bytes "first (s)" "next (s)"
for w in 600 1000 1600 2000 whole; do
  address="$GATEWAY$url"; [ "$w" = whole ] || address="$address?w=$w"
  first=$(curl -s -o /dev/null -w '%{size_download} %{time_total}' "$address")
  next=$(curl -s -o /dev/null -w '%{time_total}' "$address")
  printf '%-8s %12s %12s %12s\n' "$w" "${first% *}" "${first#* }" "$next"
done

for w in 1000 whole; do
  address="$GATEWAY$url"; [ "$w" = whole ] || address="$address?w=$w"
  echo "== $address"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$address"
done
