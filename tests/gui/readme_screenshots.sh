#!/usr/bin/env bash
# Regenerates the README's screenshots in assets/: the restaurant mid-run in the light
# theme, and thousand-tasks at its end in the dark theme. Real windows, rendered by
# `looplab --screenshot` under Xvfb, then re-encoded small (shrink_png.py).
# usage: tests/gui/readme_screenshots.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:?usage: readme_screenshots.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
assets="$here/../../assets"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"  # the defaults, never the user's settings

shot() {  # shot OUT.png ARGS...
  local out=$1
  shift
  xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$build/looplab" --screenshot "$work/shot.png" --size 1440x900 "$@"
  python3 "$here/shrink_png.py" "$work/shot.png" "$assets/$out"
  echo "wrote assets/$out ($(stat -c %s "$assets/$out") bytes)"
}

shot screenshot-restaurant-light.png --scenario restaurant --time 4.5 --theme light
shot screenshot-thousand-tasks-dark.png --scenario thousand-tasks --end --theme dark
