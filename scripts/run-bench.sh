#!/usr/bin/env bash
# Runs every benchmark that was built (tests/bench/*), one after the other.
set -euo pipefail
build=${1:-build}
found=0
for bench in "$build"/tests/bench/*/bench_*; do
  [[ -x "$bench" ]] || continue
  found=1
  echo "== $(basename "$bench")"
  "$bench"
done
[[ $found -eq 1 ]] || { echo "no benchmarks were built" >&2; exit 1; }
