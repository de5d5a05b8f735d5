#!/bin/sh
# dev.sh — install what is missing on Debian 12, build, then run or test RegionLab.
#
#   build-aux/dev.sh run    build and launch the application on the demo panel
#   build-aux/dev.sh test   build and run every test
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

cd "$(dirname "$0")/.."
BUILD=${RL_BUILD_DIR:-build}

# Build and test dependencies, one Debian 12 package per entry.
PACKAGES="
  gcc pkg-config meson ninja-build gettext desktop-file-utils appstream-util
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libshumate-dev
  libgsl-dev libgsf-1-dev libxml2-dev zlib1g-dev libjson-glib-dev
  xvfb xauth python3 python3-xlrd python3-openpyxl
"

install_missing () {
  missing=""
  for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  echo "Installing:$missing"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing
}

configure () {
  if [ -f "$BUILD/build.ninja" ]; then
    meson setup --reconfigure "$BUILD" >/dev/null
  else
    meson setup "$BUILD"
  fi
  ninja -C "$BUILD"
}

case "${1:-}" in
  run)
    install_missing
    configure
    if [ -x "$BUILD/src/app/regionlab" ]; then
      exec "$BUILD/src/app/regionlab" --demo
    fi
    # Without the application: cluster the demo data on the command line.
    exec "$BUILD/src/cli/regionlab-cli" cluster --method kmeans --k 4 --seed 1 \
      "$(ls data/datasets/*.csv | head -n 1)"
    ;;
  test)
    install_missing
    configure
    meson test -C "$BUILD" --print-errorlogs --num-processes 2
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
