#!/bin/sh
# Regenerates the demo panel russia-regions.csv (and its sidecar) from the
# raw Rosstat files with the shipped recipes:
#
#   data/datasets/make-demo-panel.sh [REGIONLAB_CLI] [RAW_DIR]
#
# defaults: build/src/cli/regionlab-cli and ../shared/data/rosstat, seen from
# the source tree. The exact command it runs is
#
#   regionlab-cli import --recipes-dir data/recipes -o data/datasets/russia-regions.csv \
#     RAW_DIR/*.csv RAW_DIR/*.xls RAW_DIR/*.xlsx
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
cli=${1:-$top/build/src/cli/regionlab-cli}
raw=${2:-$top/../shared/data/rosstat}
"$cli" import --recipes-dir "$top/data/recipes" -o "$here/russia-regions.csv" \
  "$raw"/*.csv "$raw"/*.xls "$raw"/*.xlsx
