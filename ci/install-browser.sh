#!/usr/bin/env bash
# Installs Debian's chromium + chromium-driver for the browser tests (tests/test_web_browser.py),
# unless /usr/bin/chromium is already there. Playwright cannot download its own browsers here;
# the tests drive /usr/bin/chromium through the Python playwright package instead.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi
. "$(dirname "$0")/apt.sh"
apt_install chromium chromium-driver
/usr/bin/chromium --version
