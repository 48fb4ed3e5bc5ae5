#!/usr/bin/env bash
# Installs what LoopLab needs from Debian's packages, and nothing when all is there.
# Idempotent and quick: it asks dpkg first and calls apt-get only for what is missing.
set -euo pipefail

packages=(
  g++ cmake ninja-build make pkg-config python3
  libimgui-dev libglfw3-dev libgl-dev libgl1-mesa-dri python3-glad libstb-dev
  catch2 nlohmann-json3-dev
  xvfb xauth fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing from Debian: ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "error: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
