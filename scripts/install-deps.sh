#!/usr/bin/env bash
# Installs what Hulpwijzer needs on Debian bookworm, from Debian's packages only.
#   scripts/install-deps.sh          build and run
#   scripts/install-deps.sh --test   also everything the tests use (Chromium, nginx, ...)
# Idempotent: installs only what is missing. Needs root (or sudo) when something is missing.
set -euo pipefail

build=(cmake g++ make pkg-config libcpp-httplib-dev libsqlite3-dev nlohmann-json3-dev
       libsodium-dev zlib1g-dev libbrotli-dev libre2-dev libzxcvbn-dev)
test=(catch2 python3 python3-brotli python3-jsonschema python3-rfc3987 chromium nginx-light wrk curl sqlite3 openssl strace systemd util-linux
      clang-14 libclang-rt-14-dev)  # libFuzzer (tests/fuzz); the runtime is only a Recommends of clang-14

wanted=("${build[@]}")
[[ "${1:-}" == "--test" ]] && wanted+=("${test[@]}")
command -v node >/dev/null 2>&1 || wanted+=(nodejs)
command -v npm >/dev/null 2>&1 || wanted+=(npm)

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
