#!/bin/sh
# Installs Debian's headless-capable Chromium for test/report/browser.test.ts, and the DejaVu
# fonts that resvg draws the PNG charts with (fonts-dejavu-core ships DejaVuSans.ttf).
# Does nothing when both are already there. Needs root (or sudo) and apt-get.
set -eu
if [ -x /usr/bin/chromium ] && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  echo "chromium and DejaVu fonts already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
