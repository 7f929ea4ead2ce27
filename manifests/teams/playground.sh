#!/usr/bin/env bash
# Try the bot in Teams without a tenant: starts ChatOpsBot on the demo data (Development, Teams:LocalPlayground on)
# and Microsoft 365 Agents Playground, a local Teams-like web chat, with the mock tenant in .m365agentsplayground.yml.
# Usage: manifests/teams/playground.sh [playground-port]   (default 56150; the bot listens on 3978)
# Needs node + npm (the Playground is installed once, pinned, into tests/playground/node_modules). Ctrl+C stops both.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
port="${1:-56150}"
bot_port="${BOT_PORT:-3978}"
config="$root/manifests/teams/.m365agentsplayground.yml"
packages="$root/tests/playground"
cli="$packages/node_modules/@microsoft/m365agentsplayground/cli.js"

command -v node >/dev/null || { echo "node is not installed (the Playground is a Node.js program)." >&2; exit 2; }
[ -f "$cli" ] || npm ci --prefix "$packages" --no-audit --no-fund >&2

# The ids the bot must know: the Playground's bot id (our app id) and the two approvers' aadObjectIds.
field() { awk -v key="$1" '$1 == key":" { print $2 }' "$config"; }
app_id=$(awk '/^bot:/ { f = 1 } f && $1 == "id:" { print $2; exit }' "$config")
mapfile -t aad < <(field aadObjectId)

data="$(mktemp -d "${TMPDIR:-/tmp}/chatopsbot-playground.XXXXXX")"
cleanup() { [ -n "${bot_pid:-}" ] && kill "$bot_pid" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

echo "== building and starting the bot on http://127.0.0.1:$bot_port (data in $data)"
dotnet build "$root/src/ChatOpsBot" -v q -nologo >&2
(
  cd "$root"
  export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$bot_port"
  export Teams__LocalPlayground=true Teams__AppId="$app_id" Teams__Approvers__0="${aad[0]}" Teams__Approvers__1="${aad[1]}"
  export Playbook__Feed="$root/samples/feed/c2-ipmasterlist.txt" LocalLogs__Paths__0="$root/samples/logs"
  export Intel__OfflineFile="$root/samples/intel/otx-pulses.json" Mailboxes__Directory="$root/samples/mailboxes"
  export Assets__File="$root/samples/assets/inventory.csv"
  export Storage__ConnectionString="Data Source=$data/bot.db" ShiftLog__File="$data/shift-log.md"
  exec dotnet "$root/src/ChatOpsBot/bin/Debug/net10.0/ChatOpsBot.dll" serve
) &
bot_pid=$!
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$bot_port/healthz/live" >/dev/null 2>&1 && break
  kill -0 "$bot_pid" 2>/dev/null || { echo "the bot did not start (see above)." >&2; exit 2; }
  sleep 1
done

cat >&2 <<TEXT
== starting Microsoft 365 Agents Playground on http://localhost:$port (open it in a browser)
   The demo data is from one day: type   c2hunt start 2026-11-27T00:00Z 2026-11-28T00:00Z
   Alice Analyst and Bob Approver are approvers, Ivan Intern is not (switch user in the Playground's chat list).
TEXT
cd "$data"
unset AUTH_CLIENT_ID AUTH_CLIENT_SECRET AUTH_TENANT_ID
TEAMSAPPTESTER_BROWSER=none APPLICATION_INSIGHTS_NO_STATSBEAT=true M365_AGENTS_PLAYGROUND_CONFIG_PATH="$config" \
  node "$cli" -e "http://127.0.0.1:$bot_port/api/messages" -c msteams -p "$port" --dt
