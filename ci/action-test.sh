#!/usr/bin/env bash
# Runs action.yml's steps locally against the real binary (see ci/action_test.py).
# Usage: ci/action-test.sh [--install]; NEWSLINT_BIN=... (default: `cargo build`, target/debug/newslint)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if ! python3 -c 'import yaml' 2>/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get install -y -q python3-yaml >/dev/null
fi
if [ -z "${NEWSLINT_BIN:-}" ] && [ "${1:-}" != --install ]; then
  (cd "$ROOT" && cargo build --quiet --bin newslint)
  export NEWSLINT_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/newslint"
fi
exec python3 "$ROOT/ci/action_test.py" "$@"
