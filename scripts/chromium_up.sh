#!/usr/bin/env bash
# Install Debian's Chromium for the report's page tests
# (tests/python/test_report.py) when it is missing. Idempotent; needs root
# (apt-get) the first time. Exits non-zero, saying why, when it cannot.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "chromium_up: Chromium is not installed and installing it needs root: apt-get install chromium" >&2
    exit 1
fi
echo "chromium_up: installing chromium (Debian package)"
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
    echo "chromium_up: apt-get could not install chromium; the report tests need it" >&2
    exit 1
fi
command -v chromium >/dev/null
