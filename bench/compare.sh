#!/usr/bin/env bash
# Times newslint against two peer prose linters, proselint (PyPI) and write-good (npm), on the
# same drafts, and prints how many times faster newslint is.
#
#   bench/compare.sh [DIR...]
#
# Each DIR is a directory of Markdown drafts. With none, it uses a corpus of 2,000 generated
# drafts (made by the benchmark's generator) and, when present, the evaluation kit's BBC
# drafts (../shared/eval/clean/clean-news/md; never copied into the repository).
#
# The peers are installed into a temporary directory that is removed afterwards; nothing is
# installed globally. Environment: REPEAT (runs per tool, best time kept; default 3),
# KEEP=1 keeps the temporary directory, NEWSLINT=PATH uses that binary instead of building one.
#
# Peers do different amounts of work (proselint runs ~100 checks, write-good a handful of
# regular expressions, newslint full Markdown, sentences, quotations and its rules), so the
# ratio is the time a user waits for each tool over the same files, nothing more.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REPEAT="${REPEAT:-3}"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/newslint-compare.XXXXXX")"
if [[ "${KEEP:-0}" != 1 ]]; then trap 'rm -rf "$TMP"' EXIT; fi

say() { printf '%s\n' "$*" >&2; }

if [[ -z "${NEWSLINT:-}" ]]; then
    say "== building newslint (release)"
    (cd "$ROOT" && cargo build --release --quiet)
    NEWSLINT="$ROOT/target/release/newslint"
fi

say "== installing proselint (PyPI) and write-good (npm) into $TMP"
python3 -m venv "$TMP/venv"
"$TMP/venv/bin/pip" install --quiet --disable-pip-version-check proselint
npm install --silent --no-audit --no-fund --prefix "$TMP/npm" write-good >/dev/null
PROSELINT="$TMP/venv/bin/proselint"
WRITEGOOD="$TMP/npm/node_modules/.bin/write-good"
PROSELINT_VERSION="$("$TMP/venv/bin/pip" show proselint | awk '/^Version/ {print $2}')"
WRITEGOOD_VERSION="$(node -p "require('$TMP/npm/node_modules/write-good/package.json').version")"
# proselint keeps a cache under the home directory: give it an empty one for every run.
export HOME="$TMP/home"

dirs=("$@")
if [[ ${#dirs[@]} -eq 0 ]]; then
    say "== generating 2,000 drafts"
    (cd "$ROOT" && NEWSLINT_GENERATE="$TMP/generated" cargo bench --quiet --bench lint >/dev/null)
    dirs=("$TMP/generated")
    for cand in "$ROOT/../shared/eval/clean/clean-news/md" "$ROOT/../../shared/eval/clean/clean-news/md"; do
        if [[ -d "$cand" ]]; then dirs+=("$(cd "$cand" && pwd)"); break; fi
    done
fi

# best_of CMD...: runs CMD $REPEAT times (output discarded) and prints the best wall time.
best_of() {
    local best="" t0 t1 t
    for _ in $(seq "$REPEAT"); do
        rm -rf "$HOME"; mkdir -p "$HOME"
        t0=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        t1=$(date +%s.%N)
        t=$(echo "$t1 - $t0" | bc -l)
        if [[ -z "$best" ]] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
    done
    printf '%.3f' "$best"
}

say "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
say "== newslint $("$NEWSLINT" --version | awk '{print $2}'), proselint $PROSELINT_VERSION, write-good $WRITEGOOD_VERSION; best of $REPEAT runs"
printf '%-28s %6s %8s %12s %12s %12s %12s %10s %10s\n' \
    corpus files MB newslint newslint-1cpu proselint write-good x-prose x-wgood
for dir in "${dirs[@]}"; do
    mapfile -d '' files < <(find "$dir" -type f \( -name '*.md' -o -name '*.markdown' \) -print0 | sort -z)
    n=${#files[@]}
    mb=$(du -cb "${files[@]}" | tail -1 | awk '{printf "%.2f", $1/1e6}')
    t_nl=$(best_of "$NEWSLINT" check --format json "$dir")
    t_nl1=$(RAYON_NUM_THREADS=1 best_of "$NEWSLINT" check --format json "$dir")
    t_pl=$(best_of nice "$PROSELINT" check "${files[@]}")
    t_wg=$(best_of nice "$WRITEGOOD" "${files[@]}")
    printf '%-28s %6d %8s %11ss %12ss %11ss %11ss %9.0fx %9.0fx\n' \
        "$(basename "$(dirname "$dir")")/$(basename "$dir")" "$n" "$mb" \
        "$t_nl" "$t_nl1" "$t_pl" "$t_wg" \
        "$(echo "$t_pl / $t_nl" | bc -l)" "$(echo "$t_wg / $t_nl" | bc -l)"
done
say "x-prose, x-wgood: how many times longer proselint and write-good take than newslint (all cores)."
