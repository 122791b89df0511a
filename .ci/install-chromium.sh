#!/bin/sh
# Installs Debian's headless-capable Chromium for test/report/browser.test.ts (the page's text is
# drawn by Chromium with the system fonts). The PNG charts need no system font: resvg reads the
# DejaVu files of the dejavu-fonts-ttf npm package. Does nothing when Chromium and a font are
# there. Needs root (or sudo) and apt-get.
set -eu
if [ -x /usr/bin/chromium ] && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  echo "chromium and DejaVu fonts already installed"
  exit 0
fi
sh "$(dirname "$0")/apt-install.sh" chromium fonts-dejavu-core
