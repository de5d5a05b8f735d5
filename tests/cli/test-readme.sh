#!/bin/sh
# README.md's tour of the command line, run as written: every command of its
# block from the source folder's layout (build/, data/, ../shared/), so the
# tour cannot go stale. The commands that read ../shared are left out when the
# raw files are absent.
# $1: the regionlab-cli executable (build/src/cli/regionlab-cli).
set -eu
CLI=$1
fail () { echo "FAIL: $*" >&2; exit 1; }
SRC=$(cd "${RL_SOURCE_DATA:?}/.." && pwd)
BUILD=$(cd "$(dirname "$CLI")/../.." && pwd)
SHARED=${RL_SHARED_DATA:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The layout the tour assumes, with its outputs (panel.csv, aux.csv, …) kept in $tmp.
mkdir "$tmp/wt"
ln -s "$BUILD" "$tmp/wt/build"
ln -s "$SRC/data" "$tmp/wt/data"
have_shared=0
if [ -n "$SHARED" ] && [ -d "$SHARED/rosstat" ]; then
  ln -s "$(cd "$SHARED/.." && pwd)" "$tmp/shared"
  have_shared=1
fi

# The indented block after the tour's heading, up to the next paragraph.
awk '/^## A short tour of the command line/ { tour = 1; next }
     tour && /^Options beyond/ { exit }
     tour && /^    / { print substr($0, 5) }' "$SRC/README.md" > "$tmp/tour"
[ "$(grep -c 'regionlab-cli' "$tmp/tour")" -ge 10 ] || fail "no tour found in README.md"

{
  echo "set -eu"
  while IFS= read -r line; do
    case $line in
      ''|'#'*) continue ;;
    esac
    if [ $have_shared -eq 0 ] && echo "$line" | grep -q '\.\./shared'; then
      echo "echo 'left out (no ../shared): $(echo "$line" | tr -d "'")'"
      continue
    fi
    printf 'echo %s >&2\n' "'>>> $(echo "$line" | tr -d "'")'"
    printf '%s > /dev/null\n' "$line"
  done < "$tmp/tour"
} > "$tmp/tour.sh"

status=0
(cd "$tmp/wt" && sh "$tmp/tour.sh") 2> "$tmp/err" || status=$?
[ "$status" -eq 0 ] || fail "the tour stops at: $(grep '^>>> ' "$tmp/err" | tail -1) — $(tail -3 "$tmp/err")"
[ -s "$tmp/wt/rating-map.png" ] && [ -s "$tmp/wt/aux.csv" ] || fail "the tour wrote no chart or data set"
if [ $have_shared -eq 1 ]; then
  [ -s "$tmp/wt/panel.csv" ] || fail "the tour's import wrote no panel"
  grep -q 'README.md: skipped' "$tmp/err" || fail "the import did not note the README it skipped"
fi
echo "README tour: $(grep -c '^>>> .*regionlab-cli' "$tmp/err") commands ran"
