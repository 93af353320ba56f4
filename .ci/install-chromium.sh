#!/usr/bin/env bash
# Installs headless Chromium for the HTML plan check (tests/TerritoryBot.Tests/Planning/ChromiumTests.cs).
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  apt-get update
  apt-get install -y chromium
fi
