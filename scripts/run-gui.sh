#!/usr/bin/env bash
# Opens the GUI on the restaurant scenario; on a machine without a display, runs the
# scenario headless and prints its stamped output instead.
set -euo pipefail
build=${1:-build}
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  exec "$build/looplab"
fi
echo "No display found: running the restaurant scenario headless (virtual time in brackets)."
exec "$build/looplab-cli" run restaurant --stamp
