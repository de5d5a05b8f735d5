# rl-cli-test.sh — shell helpers for the regionlab-cli tests; source it after setting CLI.
#
# Copyright 2026 The RegionLab authors
# SPDX-License-Identifier: GPL-3.0-or-later

fail () { echo "FAIL: $*" >&2; exit 1; }

# expect_fail MESSAGE ARGS…: regionlab-cli ARGS… exits with status 2 and says MESSAGE.
expect_fail () {
  msg=$1; shift
  status=0
  out=$("$CLI" "$@" 2>&1) || status=$?
  [ "$status" -eq 2 ] || fail "exit status $status for: $*"
  echo "$out" | grep -q -- "$msg" || fail "message “$out” lacks “$msg”"
}
