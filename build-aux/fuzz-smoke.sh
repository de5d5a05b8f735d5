#!/bin/sh
# fuzz-smoke.sh — a short libFuzzer run of every fuzz target from its seeds.
#
#   build-aux/fuzz-smoke.sh [SECONDS]   each target for SECONDS (default 20,
#                                       or $RL_FUZZ_SECONDS; 0 skips the run)
#
# Configures and builds the fuzzing build ($RL_FUZZ_BUILD_DIR, default
# build-fuzz: clang, -Dfuzzing=true, AddressSanitizer and UBSan), then runs
# the targets one after the other, one job each, from tests/fuzz/regressions/
# and tests/fuzz/corpus/ with the target's dictionary. New inputs go to a
# scratch folder, never into the source tree. Fails when any target crashes,
# leaks, hangs, raises a GLib warning or critical or reports undefined
# behaviour; the input is then kept as $BUILD/fuzz-artifacts/TARGET-crash-…
# Without clang or libFuzzer it says so and succeeds. The runs start from a
# fixed seed ($RL_FUZZ_SEED, default 1), so a run here and on CI explore the
# same inputs first; set another seed to look further.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

cd "$(dirname "$0")/.."
BUILD=${RL_FUZZ_BUILD_DIR:-build-fuzz}
TIME=${1:-${RL_FUZZ_SECONDS:-20}}
SEED=${RL_FUZZ_SEED:-1}

skip () {
  echo "fuzz-smoke: $*; fuzzing skipped"
  exit 0
}

[ "$TIME" -gt 0 ] || skip "0 seconds asked"
command -v clang >/dev/null 2>&1 || skip "no clang here (Debian: apt-get install clang libclang-rt-dev)"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput (const uint8_t *d, size_t n) { return 0; }\n' \
  > "$scratch/probe.c"
clang -fsanitize=fuzzer,address,undefined "$scratch/probe.c" -o "$scratch/probe" 2>/dev/null \
  || skip "clang cannot link libFuzzer (Debian: apt-get install libclang-rt-dev)"

if [ -f "$BUILD/build.ninja" ]; then
  meson setup --reconfigure "$BUILD" >/dev/null
else
  CC=clang meson setup "$BUILD" -Dfuzzing=true -Dapp=disabled \
    -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
targets=$(ls tests/fuzz/fuzz-*.c | sed 's|.*/fuzz-\(.*\)\.c|\1|')
ninja -C "$BUILD" $(for t in $targets; do printf 'tests/fuzz/fuzz-%s ' "$t"; done)

dict_of () {
  case $1 in
    xlsx|ods|zip) echo tests/fuzz/dicts/xml.dict ;;
    recipe|sidecar|geo) echo tests/fuzz/dicts/json.dict ;;
    csv|panel) echo tests/fuzz/dicts/csv.dict ;;
  esac
}

mkdir -p "$BUILD/fuzz-artifacts"
failed=""
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
for t in $targets; do
  mkdir -p "$scratch/$t"
  dict=$(dict_of "$t")
  seeds=""
  for d in tests/fuzz/regressions/$t tests/fuzz/corpus/$t; do
    [ -d "$d" ] && seeds="$seeds $d"
  done
  echo "fuzz-smoke: $t for $TIME s"
  if ! "$BUILD/tests/fuzz/fuzz-$t" -max_total_time="$TIME" -seed="$SEED" -timeout=25 -rss_limit_mb=2048 \
         -print_final_stats=1 ${dict:+-dict=$dict} \
         -artifact_prefix="$BUILD/fuzz-artifacts/$t-" "$scratch/$t" $seeds \
         > "$scratch/$t.log" 2>&1; then
    tail -n 60 "$scratch/$t.log"
    failed="$failed $t"
  else
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$scratch/$t.log" | tail -n 2
  fi
done

if [ -n "$failed" ]; then
  echo "fuzz-smoke: FAILED:$failed (inputs in $BUILD/fuzz-artifacts)" >&2
  exit 1
fi
echo "fuzz-smoke: every target ran $TIME s without a finding"
