#!/usr/bin/env bash
# The second README command: installs what is missing (Debian packages and the npm test
# packages), builds everything, and runs every test under CTest: unit (Catch2),
# integration (the real binary over HTTP), JavaScript units, and browser tests in Debian's
# Chromium. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON >/dev/null
cmake --build build -j"$(nproc)"
cd build
ctest --output-on-failure --no-tests=error -j2 "$@"
