#!/usr/bin/env bash
# End-to-end test of the newslint VS Code extension in a real VS Code: code-server 4.100.3 on
# 127.0.0.1 with the freshly packaged .vsix installed, driven by Debian's Chromium through
# playwright-core (e2e.js). Opens a draft, waits for warning squiggles, reads the Problems
# panel, applies a quick fix and checks the text changed.
#
# Usage: editors/vscode/test/e2e.sh
# Environment:
#   NEWSLINT_BIN        the newslint binary (default: `cargo build` and target/debug/newslint)
#   VSIX                a prebuilt .vsix (default: `npm run package` in editors/vscode)
#   NEWSLINT_E2E_CACHE  where code-server and playwright-core are installed
#                       (default: ~/.cache/newslint-e2e; reused across runs)
#   E2E_SCREENSHOT      where to save a screenshot of the diagnostics (default: in the temp dir)
#   KEEP=1              keep the temporary directory (logs, user data) for debugging
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EXT=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$EXT/../.." && pwd)
CACHE=${NEWSLINT_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newslint-e2e}
start=$(date +%s)

"$HERE/install-deps.sh" "$CACHE"
CS="$CACHE/code-server-4.100.3/node_modules/.bin/code-server"
PW_MODULES="$CACHE/playwright-core-1.65.1/node_modules"

if [ -z "${NEWSLINT_BIN:-}" ]; then
  # Build (or confirm up to date) the debug binary; after `cargo test` this is a no-op.
  (cd "$ROOT" && cargo build --quiet --bin newslint)
  NEWSLINT_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/newslint"
fi
NEWSLINT_BIN=$(cd "$(dirname "$NEWSLINT_BIN")" && pwd)/$(basename "$NEWSLINT_BIN")
echo "e2e: server binary $NEWSLINT_BIN"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/newslint-e2e.XXXXXX")
CS_PID=""
cleanup() {
  if [ -n "$CS_PID" ]; then
    kill -- "-$CS_PID" 2>/dev/null || true   # code-server leads its own process group (setsid)
    wait "$CS_PID" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "e2e: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

if [ -z "${VSIX:-}" ]; then
  echo "e2e: packaging the extension (npm run package)"
  (cd "$EXT" && npm run package > "$WORK/package.log" 2>&1) \
    || { tail -40 "$WORK/package.log"; echo "e2e: FAIL: npm run package"; exit 1; }
  VSIX="$EXT/newslint.vsix"
fi
echo "e2e: extension $VSIX"


# The workspace: one draft with findings, and settings that point the extension at the binary.
WS="$WORK/newsroom"
mkdir -p "$WS/.vscode"
cat > "$WS/harbour-vote.md" <<'MD'
# Harbour council delays its vote on the ferry terminal

The ferry terminal will reportedly cost twice the first estimate.

The council may possibly delay the vote until the autumn.

Critics say the plan is already being seen as a mistake.

The council's transport chair, Maren Holt, said the delay was a matter of weeks.
Holt added that a revised budget would appear in the spring.
MD
cat > "$WS/.vscode/settings.json" <<JSON
{
  "newslint.path": "$NEWSLINT_BIN",
  "newslint.debounceMs": 50,
  "newslint.rules": { "speculation": "warning", "attribution": "warning" },
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "security.workspace.trust.enabled": false,
  "chat.commandCenter.enabled": false,
  "files.autoSave": "off"
}
JSON

PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$WORK/config.yaml"
COMMON=(--config "$WORK/config.yaml" --user-data-dir "$WORK/user" --extensions-dir "$WORK/extensions")
"$CS" "${COMMON[@]}" --install-extension "$VSIX" > "$WORK/install.log" 2>&1 \
  || { cat "$WORK/install.log"; exit 1; }
setsid "$CS" "${COMMON[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust "$WS" > "$WORK/code-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  kill -0 "$CS_PID" 2>/dev/null || { cat "$WORK/code-server.log"; echo "e2e: FAIL: code-server exited"; exit 1; }
  sleep 0.5
done

status=0
NODE_PATH="$PW_MODULES" node "$HERE/e2e.js" "http://127.0.0.1:$PORT/?folder=$WS" "$WS/harbour-vote.md" \
  "${E2E_SCREENSHOT:-$WORK/screenshot.png}" || status=$?
if [ "$status" != 0 ]; then
  echo "e2e: code-server log (tail):"; tail -30 "$WORK/code-server.log"
  for f in "$WORK"/user/logs/*/exthost*/output_logging_*/*newslint*.log "$WORK"/user/logs/*/window*/exthost/output_logging_*/*newslint*.log; do
    [ -f "$f" ] && { echo "e2e: $f:"; tail -30 "$f"; }
  done
  KEEP=1
fi
echo "e2e: finished in $(( $(date +%s) - start )) s, status $status"
exit "$status"
