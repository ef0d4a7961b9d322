#!/usr/bin/env bash
# The second README command: installs what is missing (Debian packages and the npm test
# packages), builds everything, and runs every test under CTest: unit (Catch2),
# integration (the real binary over HTTP), reliability, JavaScript units, browser tests in
# Debian's Chromium, deploy and HSDS; then, as issue 7 asks, "fuzz: <target>" (each libFuzzer
# target for HW_FUZZ_SECONDS, default 20, after replaying its known findings) and
# "sanitize: <group>" (the tests again against the AddressSanitizer + UndefinedBehaviorSanitizer
# binary of build-asan/). Their two build trees (build-fuzz/ with clang-14, build-asan/ with
# g++) are built here, before CTest, so no build competes with running tests for the cores.
# Exits non-zero when anything fails; CTest's summary is the last thing printed.
#
#   scripts/test.sh -R integration   extra arguments go to ctest
#   HW_QUICK=1 scripts/test.sh       skip the fuzz and sanitizer tests and their builds
#                                    (for a quick local run; ignored when CI=true)
set -euo pipefail
cd "$(dirname "$0")/.."
slow=ON
if [[ "${HW_QUICK:-0}" == 1 && "${CI:-}" != true ]]; then slow=OFF; fi
jobs=$(nproc)
step() { echo "test.sh: $1 took $((SECONDS - started)) s"; started=$SECONDS; }
started=$SECONDS

scripts/install-deps.sh --test
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
step "installing"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON \
      -DHW_SLOW_CHECKS=$slow -DHW_FUZZ_SECONDS="${HW_FUZZ_SECONDS:-20}" >/dev/null
cmake --build build -j"$jobs"
step "building build/"
if [[ $slow == ON ]]; then
  JOBS=$jobs tests/sanitize.sh --build-only
  step "building build-asan/ (ASan + UBSan)"
  JOBS=$jobs tests/fuzz/run.sh --build-only
  step "building build-fuzz/ (libFuzzer)"
else
  echo "test.sh: HW_QUICK=1: no fuzz: and sanitize: tests"
fi
cd build
ctest --output-on-failure --no-tests=error -j2 "$@"
