#!/usr/bin/env bash
# Imports an export of about SIZE bytes (posts of about 4 KB, three comments each) as the owner
# uploads the zip archive it comes in, through the gateway, then the same file alone, which finds
# every post there already: the time of each, and the most post-service's heap held meanwhile
# (jstat, every 250 ms), against the local stack's -Xmx192m for each service. PLATFORM=blogger
# (the default) makes Blogger's export in Google Takeout's archive; PLATFORM=wordpress makes
# WordPress's (WXR, each post with a featured picture, an attachment item of its own) in an archive
# as WordPress.com gives it; PLATFORM=ghost Ghost's (JSON, each post's text as Lexical and plain
# text beside its HTML, no comments, which Ghost does not export) zipped. Needs a running local
# stack and a JDK's jstat; INKWELL_DATA as for token.sh.
set -euo pipefail
GATEWAY_URL=${GATEWAY_URL:-http://localhost:8080}
SIZE=${SIZE:-5900000}
PLATFORM=${PLATFORM:-blogger}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
AUTH="Authorization: Bearer $("$(dirname "$0")/token.sh" owner)"

blogger() {
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
  (cd "$work" && python3 -m zipfile -c archive.zip Takeout)
  file="$work/Takeout/Blogger/Blogs/Walks/feed.atom"
  type=application/atom+xml
}

wordpress() {
  python3 - "$work/walks.wordpress.xml" "$SIZE" <<'EOF'
import sys, time
path, size = sys.argv[1], int(sys.argv[2])
site = "https://walks%d.example.org" % time.time()
para = "<p>We walked along the river in the rain and talked about the old mill. </p>" * 40
wp = lambda name, value: "<wp:%s>%s</wp:%s>" % (name, value, name)
meta = lambda key, value: ("<wp:postmeta>" + wp("meta_key", "<![CDATA[%s]]>" % key)
                           + wp("meta_value", "<![CDATA[%s]]>" % value) + "</wp:postmeta>")
sizes = 'a:5:{s:5:"width";i:1600;s:6:"height";i:1200;s:4:"file";s:16:"2009/06/walk.jpg";}' * 4
out, written, i = [], 0, 0
out.append('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"'
           ' xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"'
           ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
           ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">'
           '<channel><title>Walks</title><link>%s</link>%s%s%s<wp:author>%s%s</wp:author>'
           % (site, wp("wxr_version", "1.2"), wp("base_site_url", site), wp("base_blog_url", site),
              wp("author_login", "<![CDATA[jo]]>"), wp("author_display_name", "<![CDATA[Jo]]>")))
while written < size:
    i += 2
    post, picture = i, i + 1
    comments = "".join(
        "<wp:comment>%s%s%s%s%s%s%s</wp:comment>"
        % (wp("comment_id", post * 10 + c), wp("comment_author", "<![CDATA[Ada]]>"),
           wp("comment_date_gmt", "2009-06-13 09:00:00"),
           wp("comment_content", "<![CDATA[Lovely walk.]]>"), wp("comment_approved", "1"),
           wp("comment_type", "comment"), wp("comment_parent", "0"))
        for c in range(3))
    items = [
        "<item><title>Walk %d</title><link>%s/2009/06/12/walk-%d/</link>"
        "<dc:creator><![CDATA[jo]]></dc:creator><content:encoded><![CDATA[%s]]></content:encoded>"
        "<excerpt:encoded><![CDATA[]]></excerpt:encoded>%s%s%s%s%s%s%s"
        "<category domain=\"category\" nicename=\"walks\"><![CDATA[Walks]]></category>%s%s%s</item>"
        % (post, site, post, para, wp("post_id", post), wp("post_date_gmt", "2009-06-12 16:41:00"),
           wp("comment_status", "open"), wp("post_name", "walk-%d" % post),
           wp("status", "publish"), wp("post_type", "post"), wp("is_sticky", "0"),
           meta("_edit_last", "1"), meta("_thumbnail_id", picture), comments),
        "<item><title>walk-%d</title><link>%s/walk-%d/</link>%s%s%s%s%s%s%s</item>"
        % (post, site, post, wp("post_id", picture), wp("status", "inherit"),
           wp("post_parent", post), wp("post_type", "attachment"),
           wp("attachment_url", "%s/wp-content/uploads/2009/06/walk-%d.jpg" % (site, post)),
           meta("_wp_attached_file", "2009/06/walk-%d.jpg" % post),
           meta("_wp_attachment_metadata", sizes)),
    ]
    for item in items:
        out.append(item)
        written += len(item)
out.append("</channel></rss>")
open(path, "w").write("".join(out))
EOF
  (cd "$work" && python3 -m zipfile -c archive.zip walks.wordpress.xml)
  file="$work/walks.wordpress.xml"
  type=application/rss+xml
}

ghost() {
  python3 - "$work/walks.ghost.json" "$SIZE" <<'EOF'
import json, sys, time
path, size = sys.argv[1], int(sys.argv[2])
run = int(time.time())
text = "We walked along the river in the rain and talked about the old mill. " * 40
html = "".join("<p>%s</p>" % sentence for sentence in text.split(". ") if sentence)
lexical = json.dumps({"root": {"children": [{"type": "paragraph", "children": [
    {"type": "text", "text": sentence}]} for sentence in text.split(". ") if sentence]}})
posts, written, i = [], 0, 0
while written < size:
    i += 1
    post = {"id": "%d-%d" % (run, i), "uuid": "walk-%d-%d" % (run, i), "title": "Walk %d" % i,
            "slug": "walk-%d-%d" % (run, i), "html": html, "lexical": lexical, "plaintext": text,
            "status": "published", "visibility": "public", "type": "post",
            "published_at": "2009-06-12T16:41:00.000Z", "feature_image": None}
    posts.append(post)
    written += len(json.dumps(post))
export = {"db": [{"meta": {"version": "5.80.0"}, "data": {
    "posts": posts, "tags": [{"id": "t1", "name": "Walks", "slug": "walks"}],
    "posts_tags": [{"post_id": post["id"], "tag_id": "t1"} for post in posts],
    "users": [{"id": "1", "name": "Jo", "slug": "jo"}],
    "posts_authors": [{"post_id": post["id"], "author_id": "1"} for post in posts]}}]}
open(path, "w").write(json.dumps(export))
EOF
  (cd "$work" && python3 -m zipfile -c archive.zip walks.ghost.json)
  file="$work/walks.ghost.json"
  type=application/json
}

"$PLATFORM"

pid=$(pgrep -f 'post-service.*\.jar' | head -1)
timed() {
  local what=$1 type=$2 file=$3
  jstat -gc "$pid" 250 > "$work/jstat" &
  local watcher=$!
  read -r status seconds < <(curl -s -o "$work/answer" -w '%{http_code} %{time_total}\n' \
    -H "$AUTH" -H "Content-Type: $type" --data-binary @"$file" \
    "$GATEWAY_URL/api/imports/$PLATFORM")
  kill "$watcher"
  peak=$(awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; if (used > max) max = used }
    END { printf "%.0f", max / 1024 }' "$work/jstat")
  printf '%-40s %s %7.2f s  heap peak %s MB  %s\n' "$what" "$status" "$seconds" "$peak" \
    "$(cat "$work/answer")"
}
echo "$PLATFORM export file $(wc -c < "$file") bytes, its archive $(wc -c < "$work/archive.zip") bytes"
timed "the archive, first import" application/zip "$work/archive.zip"
timed "the file alone, again" "$type" "$file"
