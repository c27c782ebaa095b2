#!/usr/bin/env bash
# An episode as a podcast's listeners fetch it: the upload, the whole file, one seek (a player's
# range request in the middle), then wrk on such seeks and on whole downloads. Needs a running
# local stack (with the gateway's general limit raised, README) and wrk; the file is the argument,
# or MEGABYTES (90) of random bytes behind an MP3's header.
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
MEGABYTES=${MEGABYTES:-90}
here=$(cd "$(dirname "$0")" && pwd)
AUTH="Authorization: Bearer $("$here/token.sh")"

file=${1:-}
if [ -z "$file" ]; then
  file=$(mktemp --suffix=.mp3)
  { printf 'ID3\003\000\000\000\000\000\000\377\373'; head -c $((MEGABYTES * 1000000)) /dev/urandom; } > "$file"
fi
size=$(stat -c %s "$file")
upload=$(curl -s -o /tmp/inkwell-file.json -w '%{http_code} %{time_total}' -H "$AUTH" \
  -F "file=@$file" "$GATEWAY/api/files")
url=$(grep -o '"url":"[^"]*"' /tmp/inkwell-file.json | cut -d'"' -f4)
echo "upload of $size bytes: ${upload% *} in ${upload#* } s -> $url"

whole=$(curl -s -o /dev/null -w '%{size_download} %{time_total}' "$GATEWAY$url")
echo "whole: ${whole% *} bytes in ${whole#* } s"
middle=$((size / 2))
range="bytes=$middle-$((middle + 65535))"
seek=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}' -H "Range: $range" \
  "$GATEWAY$url")
echo "seek ($range): $seek"

echo "== seeks, $CONNECTIONS connections"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Range: $range" "$GATEWAY$url"
echo "== whole downloads, 2 connections"
wrk -t1 -c2 -d"$DURATION" --latency "$GATEWAY$url"
