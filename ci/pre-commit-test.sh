#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml with the real pre-commit (from PyPI) via `pre-commit try-repo`:
# in a throwaway git repository, the hook must pass on a clean draft (and ignore non-Markdown
# files), and fail, naming the rule, once a draft with a finding is added.
#
# Usage: ci/pre-commit-test.sh
# Environment:
#   NEWSLINT_PRE_COMMIT_CACHE  where the pre-commit virtualenv lives (default ~/.cache/newslint-pre-commit)
#   NEWSLINT_PRE_COMMIT_FAST   1 (default): pre-commit's `cargo install` builds with
#                              optimisation and LTO off, into a target directory kept in the
#                              cache (reused across runs, apart from this checkout's target/), so
#                              the test costs a quick debug-speed build; 0: the real release build
#                              (what users get; several minutes on two cores)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${NEWSLINT_PRE_COMMIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newslint-pre-commit}
PRE_COMMIT_VERSION=4.5.1
start=$(date +%s)

VENV="$CACHE/venv-$PRE_COMMIT_VERSION"
if [ ! -x "$VENV/bin/pre-commit" ]; then
  # Debian's python3 needs python3-venv for `python3 -m venv`.
  if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get install -y -q python3-venv >/dev/null || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q python3-venv >/dev/null; }
  fi
  echo "pre-commit-test: installing pre-commit $PRE_COMMIT_VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "pre-commit==$PRE_COMMIT_VERSION"
fi
PRE_COMMIT="$VENV/bin/pre-commit"
"$PRE_COMMIT" --version

WORK=$(mktemp -d "${TMPDIR:-/tmp}/newslint-pre-commit.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export PRE_COMMIT_HOME="$WORK/pre-commit-home"   # a fresh hook environment every run
if [ "${NEWSLINT_PRE_COMMIT_FAST:-1}" = 1 ]; then
  # Only the hook's definition and behaviour are under test, not the optimiser.
  export CARGO_TARGET_DIR="$CACHE/target"
  export CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=off \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 CARGO_PROFILE_RELEASE_INCREMENTAL=true
fi

REPO="$WORK/desk"
git init -q "$REPO"
cd "$REPO"
git config user.email ci@example.invalid
git config user.name "newslint ci"
git config commit.gpgsign false

# A clean draft, and a non-Markdown file whose hedges the hook must not look at.
cat > clean.md <<'MD'
# Library opens on Sundays

The city library will open on Sundays from March, its director, Ines Varga, said on Tuesday.

"Families asked for it," Varga said.
MD
printf 'Reportedly, sources suggest the notes could signal a change.\n' > notes.txt
git add clean.md notes.txt
git commit -qm "clean draft"

run_hook() {  # prints pre-commit's output, returns its exit code
  "$PRE_COMMIT" try-repo "$ROOT" newslint --all-files --color never > "$WORK/out.txt" 2>&1 && rc=0 || rc=$?
  sed 's/^/    /' "$WORK/out.txt"
  return "$rc"
}

fail() { echo "pre-commit-test: FAIL: $*"; exit 1; }

echo "pre-commit-test: 1. clean draft and a .txt file: the hook must pass"
run_hook || fail "the hook failed on a clean repository"
grep -q "newslint" "$WORK/out.txt" || fail "the hook did not run"
grep -q "Passed" "$WORK/out.txt" || fail "pre-commit did not report Passed"

echo "pre-commit-test: 2. a draft with a finding: the hook must fail and name the rule"
cat > hedged.md <<'MD'
# Port expansion stalls

The port expansion will reportedly be delayed by a year.

Sources suggest the contract could signal a shift in the city's priorities.
MD
git add hedged.md
if run_hook; then fail "the hook passed on a draft with findings"; fi
grep -q "Failed" "$WORK/out.txt" || fail "pre-commit did not report Failed"
grep -Eq "hedged\.md:[0-9]+:[0-9]+" "$WORK/out.txt" || fail "no finding located in hedged.md"
grep -Eq "(attribution|names|speculation)/[a-z-]+" "$WORK/out.txt" || fail "no rule id in the output"
if grep -q "clean.md:" "$WORK/out.txt"; then fail "findings reported in clean.md"; fi

echo "pre-commit-test: OK in $(( $(date +%s) - start )) s"
