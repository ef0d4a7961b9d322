#!/usr/bin/env bash
# The first README command: installs what is missing, builds, and starts the server on its
# embedded default data at http://127.0.0.1:8080 (data in ./hulpwijzer-data).
# Extra arguments go to `hulpwijzer serve` (e.g. --listen 127.0.0.1:9000).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
cmake --build build --target hulpwijzer -j"$(nproc)"
exec build/hulpwijzer serve --listen 127.0.0.1:8080 --data hulpwijzer-data "$@"
