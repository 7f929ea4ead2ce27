#!/usr/bin/env bash
# Builds the Teams app package (manifest.json + icons, zipped flat) with the bot's app id and domain filled in.
# Usage: TEAMS_APP_ID=<Microsoft App id> BOT_DOMAIN=<public host of the bot> manifests/teams/package.sh [out.zip]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# Every missing variable named at once, in plain words (bash's own ${VAR:?} message names the script line instead).
missing=()
[[ -n "${TEAMS_APP_ID:-}" ]] || missing+=("TEAMS_APP_ID (the bot's Microsoft App id, from the Azure Bot registration)")
[[ -n "${BOT_DOMAIN:-}" ]] || missing+=("BOT_DOMAIN (the bot's public host name, e.g. bot.example.com)")
if (( ${#missing[@]} > 0 )); then
  printf 'Set %s' "${missing[0]}" >&2
  if (( ${#missing[@]} > 1 )); then printf ' and %s' "${missing[1]}" >&2; fi
  printf '.\nUsage: TEAMS_APP_ID=<app id> BOT_DOMAIN=<host> %s [out.zip]\n' "$0" >&2
  exit 2
fi
if ! [[ "$TEAMS_APP_ID" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "TEAMS_APP_ID must be a GUID (was '$TEAMS_APP_ID')" >&2; exit 2
fi
if [[ "$BOT_DOMAIN" == *[/:]* ]]; then
  echo "BOT_DOMAIN is a host name only, without scheme, port or path (was '$BOT_DOMAIN')" >&2; exit 2
fi
out="$(realpath -m "${1:-chatopsbot-teams.zip}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed -e "s/{{TEAMS_APP_ID}}/$TEAMS_APP_ID/g" -e "s/{{BOT_DOMAIN}}/$BOT_DOMAIN/g" "$here/manifest.json" > "$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"
rm -f "$out"
if command -v zip >/dev/null; then
  (cd "$work" && zip -q -X "$out" manifest.json color.png outline.png)
else
  (cd "$work" && python3 -m zipfile -c "$out" manifest.json color.png outline.png)
fi
echo "$out"
