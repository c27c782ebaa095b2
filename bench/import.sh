#!/usr/bin/env bash
# Imports a Blogger export of about SIZE bytes (posts of about 4 KB, three comments each) as the
# owner uploads Google Takeout's zip archive of it, through the gateway, then the same file alone,
# which finds every post there already: the time of each, and the most post-service's heap held
# meanwhile (jstat, every 250 ms), against the local stack's -Xmx192m for each service. Needs a
# running local stack and a JDK's jstat; INKWELL_DATA as for token.sh.
set -euo pipefail
GATEWAY_URL=${GATEWAY_URL:-http://localhost:8080}
SIZE=${SIZE:-5900000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
AUTH="Authorization: Bearer $("$(dirname "$0")/token.sh" owner)"

python3 - "$work/feed.atom" "$SIZE" <<'EOF'
import sys, time
path, size = sys.argv[1], int(sys.argv[2])
blog = "tag:blogger.com,1999:blog-%d" % time.time()
para = "&lt;p&gt;We walked along the river in the rain and talked about the old mill. &lt;/p&gt;" * 40
kind = "<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#%s'/>"
out, written, i = [], 0, 0
out.append("<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'"
           " xmlns:thr='http://purl.org/syndication/thread/1.0'><id>%s</id><title>Walks</title>" % blog)
while written < size:
    i += 1
    link = "http://walks.blogspot.com/2009/06/walk-%d.html" % i
    entries = ["<entry><id>%s.post-%d</id><published>2009-06-12T09:41:00.000-07:00</published>%s"
               "<title>Walk %d</title><content type='html'>%s</content>"
               "<link rel='alternate' type='text/html' href='%s'/><author><name>Jo</name></author>"
               "</entry>" % (blog, i, kind % "post", i, para, link)]
    for c in range(3):
        entries.append("<entry><id>%s.post-%d%03d</id><published>2009-06-13T09:00:00.000Z</published>"
                       "%s<content type='html'>Lovely walk.</content><author><name>Ada</name></author>"
                       "<thr:in-reply-to href='%s' ref='%s.post-%d'/></entry>"
                       % (blog, i, c, kind % "comment", link, blog, i))
    for entry in entries:
        out.append(entry)
        written += len(entry)
out.append("</feed>")
open(path, "w").write("".join(out))
EOF
mkdir -p "$work/Takeout/Blogger/Blogs/Walks"
mv "$work/feed.atom" "$work/Takeout/Blogger/Blogs/Walks/feed.atom"
(cd "$work" && python3 -m zipfile -c takeout.zip Takeout)

pid=$(pgrep -f 'post-service.*\.jar' | head -1)
timed() {
  local what=$1 type=$2 file=$3
  jstat -gc "$pid" 250 > "$work/jstat" &
  local watcher=$!
  read -r status seconds < <(curl -s -o "$work/answer" -w '%{http_code} %{time_total}\n' \
    -H "$AUTH" -H "Content-Type: $type" --data-binary @"$file" "$GATEWAY_URL/api/imports/blogger")
  kill "$watcher"
  peak=$(awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; if (used > max) max = used }
    END { printf "%.0f", max / 1024 }' "$work/jstat")
  printf '%-40s %s %7.2f s  heap peak %s MB  %s\n' "$what" "$status" "$seconds" "$peak" \
    "$(cat "$work/answer")"
}
feed="$work/Takeout/Blogger/Blogs/Walks/feed.atom"
echo "export file $(wc -c < "$feed") bytes, Takeout's archive of it $(wc -c < "$work/takeout.zip") bytes"
timed "Takeout's archive, first import" application/zip "$work/takeout.zip"
timed "the file alone, again" application/atom+xml "$feed"
