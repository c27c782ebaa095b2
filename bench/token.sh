#!/usr/bin/env bash
# Prints an access token of the local stack, from the credentials it generated on its first start:
# its integration's (client credentials; it acts as an editor), or with "owner" the owner's, for
# what only admins may do such as importing subscribers, signing in as the admin's browser does
# (authorization code with PKCE through the gateway).
#   TOKEN=$(bench/token.sh)          EDITOR
#   TOKEN=$(bench/token.sh owner)    OWNER
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
here=$(cd "$(dirname "$0")" && pwd)
credentials=${INKWELL_DATA:-$here/../.inkwell}/credentials.properties
[ -r "$credentials" ] || { echo "no $credentials: start the local stack first" >&2; exit 1; }
property() { grep "^$1=" "$credentials" | cut -d= -f2-; }
if [ "${1:-}" != owner ]; then
  curl -sf -u "$(property integration.client-id):$(property integration.secret)" \
    -d grant_type=client_credentials "$GATEWAY/oauth2/token" \
    | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4
  exit
fi
redirect="$GATEWAY/login/oauth2/code/inkwell"
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
verifier=$(head -c 48 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
challenge=$(printf '%s' "$verifier" | openssl dgst -binary -sha256 | base64 | tr '+/' '-_' | tr -d '=\n')
authorize="$GATEWAY/oauth2/authorize?response_type=code&client_id=inkwell-web&scope=openid&state=bench&redirect_uri=$redirect&code_challenge=$challenge&code_challenge_method=S256"

curl -sf -c "$jar" -b "$jar" -o /dev/null "$authorize"
csrf=$(curl -sf -c "$jar" -b "$jar" "$GATEWAY/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -sf -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$(property owner.email)" \
  --data-urlencode "password=$(property owner.password)" --data-urlencode "_csrf=$csrf" "$GATEWAY/login"
code=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$authorize" | grep -o 'code=[^&]*' | cut -d= -f2)
[ -n "$code" ] || { echo "signing in as the owner failed" >&2; exit 1; }
curl -sf -d grant_type=authorization_code -d client_id=inkwell-web -d "code=$code" \
  --data-urlencode "redirect_uri=$redirect" -d "code_verifier=$verifier" "$GATEWAY/oauth2/token" \
  | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4
