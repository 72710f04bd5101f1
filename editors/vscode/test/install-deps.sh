#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, into a cache directory outside the repository:
# code-server 4.100.3 (the last release for Node 20) and playwright-core, plus Debian packages
# (chromium, and the toolchain code-server's native modules build with). Idempotent: a second run
# only checks. Works without network access beyond the Debian and npm registries.
#
# Usage: install-deps.sh CACHE_DIR
set -euo pipefail
CACHE=${1:?usage: install-deps.sh CACHE_DIR}
CS_VERSION=4.100.3
PW_VERSION=1.65.1
RG_PKG_VERSION=1.15.11   # the @vscode/ripgrep that code-server 4.100.3 depends on
RG_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
need=()
for pkg in chromium build-essential pkg-config python3 libkrb5-dev ripgrep curl; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -q "${need[@]}" >/dev/null || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q "${need[@]}" >/dev/null; }
fi

mkdir -p "$CACHE"
CS_DIR="$CACHE/code-server-$CS_VERSION"
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  echo "install-deps: code-server $CS_VERSION into $CS_DIR"
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  (
    cd "$CS_DIR"
    printf '{ "name": "newslint-e2e-code-server", "private": true }\n' > package.json
    # @vscode/ripgrep's postinstall downloads rg from GitHub; it first looks for the tarball in
    # $TMPDIR/vscode-ripgrep-cache-<version>/, so seed that with Debian's rg.
    export TMPDIR="$CS_DIR/tmp"
    mkdir -p "$TMPDIR/rgsrc" "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION"
    cp "$(command -v rg)" "$TMPDIR/rgsrc/rg"
    tar czf "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION/$RG_TARBALL" -C "$TMPDIR/rgsrc" rg
    export npm_config_unsafe_perm=true                  # code-server's postinstall refuses root otherwise
    export npm_config_dangerously_allow_all_scripts=true # npm >= 11.19 blocks dependency scripts by default
    export npm_config_nodedir=/usr                      # node-gyp: Debian's node headers, no download
    export npm_config_yes=true                          # node-pty's postinstall runs npx non-interactively
    npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" > "$CS_DIR/install.log" 2>&1 \
      || { tail -40 "$CS_DIR/install.log"; exit 1; }
  )
  rm -rf "$CS_DIR/tmp"
fi

PW_DIR="$CACHE/playwright-core-$PW_VERSION"
if [ ! -f "$PW_DIR/node_modules/playwright-core/package.json" ]; then
  echo "install-deps: playwright-core $PW_VERSION into $PW_DIR"
  rm -rf "$PW_DIR" && mkdir -p "$PW_DIR"
  printf '{ "name": "newslint-e2e-playwright", "private": true }\n' > "$PW_DIR/package.json"
  (cd "$PW_DIR" && npm install --no-audit --no-fund --loglevel=error "playwright-core@$PW_VERSION")
fi
