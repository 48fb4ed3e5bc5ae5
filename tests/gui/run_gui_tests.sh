#!/usr/bin/env bash
# GUI smoke test: the real window renders under Xvfb and writes a PNG of the right size.
set -euo pipefail
build=${1:?usage: run_gui_tests.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
xvfb-run -a -s "-screen 0 1920x1200x24" "$build/looplab" --screenshot "$out/window.png" --size 1280x800
python3 "$here/check_screenshots.py" "$out/window.png" 1280 800
