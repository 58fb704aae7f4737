#!/usr/bin/env bash
# Install what musicnb needs on a fresh Debian/Ubuntu machine: system packages (decoders, the browser for the
# page tests, the soundtrack packages of the recordings corpus), then .venv with the project.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for p in ffmpeg libsndfile1 fluidsynth chromium wesnoth-1.16-music ufoai-music nexuiz-music freedroidrpg-data extremetuxracer-data asc-music; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q -e '.[dev]'
.venv/bin/python -m ipykernel install --user --name python3 >/dev/null
touch .venv/.installed
echo "musicnb installed in .venv"
