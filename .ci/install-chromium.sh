#!/usr/bin/env bash
# Installs headless Chromium for the HTML plan check (tests/TerritoryBot.Tests/Planning/ChromiumTests.cs).
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ! -x /usr/bin/chromium ]; then
  echo "ci: installing chromium"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
