#!/usr/bin/env bash
# Prints an access token of the local stack's integration (an ADMIN-level client), from the
# credentials the stack generated on its first start. Source it or call it:
#   TOKEN=$(bench/token.sh)
set -euo pipefail
GATEWAY=${GATEWAY:-http://localhost:8080}
here=$(cd "$(dirname "$0")" && pwd)
credentials=${INKWELL_DATA:-$here/../.inkwell}/credentials.properties
[ -r "$credentials" ] || { echo "no $credentials: start the local stack first" >&2; exit 1; }
property() { grep "^$1=" "$credentials" | cut -d= -f2-; }
curl -sf -u "$(property integration.client-id):$(property integration.secret)" \
  -d grant_type=client_credentials "$GATEWAY/oauth2/token" \
  | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4
