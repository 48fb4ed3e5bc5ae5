#!/usr/bin/env bash
# GUI screenshot tests under Xvfb: every scenario at its end, the restaurant at several
# steps and in the dark theme, each checked by check_screenshots.py for its panels; and
# the whole-timeline PNG export's size.
# One X server for the whole run (starting Xvfb per shot would dominate the time).
# usage: run_gui_tests.sh BUILD_DIR [OUT_DIR]   (OUT_DIR keeps the PNGs for a look)
set -euo pipefail
build=$(cd "${1:?usage: run_gui_tests.sh BUILD_DIR [OUT_DIR]}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
if [[ $# -ge 2 ]]; then
  out=$(mkdir -p "$2" && cd "$2" && pwd)
else
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi

if [[ "${LOOPLAB_GUI_TESTS_INNER:-}" != 1 ]]; then
  command -v xvfb-run >/dev/null || { echo "xvfb-run missing (Debian package xvfb)" >&2; exit 1; }
  LOOPLAB_GUI_TESTS_INNER=1 exec xvfb-run -a -s "-screen 0 1920x1200x24" "$0" "$build" "$out"
fi

size=1280x800
w=${size%x*}
h=${size#*x}
export XDG_CONFIG_HOME="$out/config"  # never touch the user's settings
failures=0

shot() {  # shot NAME LANES THEME ARGS...
  local name=$1 lanes=$2 theme=$3
  shift 3
  local png="$out/$name.png"
  if ! timeout 60 "$build/looplab" --screenshot "$png" --size "$size" --theme "$theme" "$@"; then
    echo "FAIL $name: looplab exited with an error" >&2
    failures=$((failures + 1))
    return
  fi
  if ! python3 "$here/check_screenshots.py" "$png" "$w" "$h" --theme "$theme" --lanes "$lanes"; then
    failures=$((failures + 1))
  fi
}

# `looplab-cli list` prints "name  title" per line: the name is the first field.
if [[ -x "$build/looplab-cli" ]] && scenarios=$("$build/looplab-cli" list 2>/dev/null | awk '{print $1}') &&
   [[ -n "$scenarios" ]]; then
  :
else
  scenarios=$(cd "$here/../../scenarios" && ls *.py | sed 's/\.py$//')
fi

for scenario in $scenarios; do
  shot "$scenario-end" 2 light --scenario "$scenario" --end
done
for step in 0 25 80; do
  shot "restaurant-step$step" 2 light --scenario restaurant --step "$step"
done
shot "restaurant-t5-dark" 3 dark --scenario restaurant --time 5
shot "restaurant-end-dark" 3 dark --scenario restaurant --end
shot "restaurant-editing-dark" 3 dark --scenario restaurant --time 5 --edit
shot "blocking-call-warning" 2 light --scenario blocking-call --warning 0

# The timeline PNG export holds every lane and the whole run, not the visible area:
# thousand-tasks has 1,004 lanes, far more than the window shows.
timeline_png="$out/thousand-tasks-timeline.png"
if ! timeout 120 "$build/looplab" --export-timeline "$timeline_png" --size "$size" \
    --scenario thousand-tasks --end; then
  echo "FAIL thousand-tasks-timeline: looplab exited with an error" >&2
  failures=$((failures + 1))
elif ! python3 - "$timeline_png" 1004 <<'CHECK'
import struct, sys
data = open(sys.argv[1], "rb").read(24)
width, height = struct.unpack(">II", data[16:24])
lanes = int(sys.argv[2])
# Every lane gets a readable row (>= 10 px at the default font) below the time axis.
if data[:8] != b"\x89PNG\r\n\x1a\n" or width < 1600 or height < lanes * 10:
    sys.exit(f"FAIL thousand-tasks-timeline: {width}x{height} cannot hold {lanes} lanes")
CHECK
then
  failures=$((failures + 1))
fi

if [[ $failures -gt 0 ]]; then
  echo "$failures GUI screenshot check(s) failed; PNGs in $out" >&2
  exit 1
fi
echo "GUI screenshots ok"
