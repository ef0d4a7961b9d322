#!/bin/sh
# The whole C++ build once under AddressSanitizer and UndefinedBehaviorSanitizer
# (-DHW_SANITIZE=ON, g++), in its own folder build-asan/, then tests of the CTest suite
# against that instrumented binary (CTest passes HW_BINARY=build-asan/hulpwijzer-for-tests to them).
#
#   tests/sanitize.sh                       configure, build, run every group below
#   tests/sanitize.sh integration e2e       only these groups (CTest name prefixes)
#   tests/sanitize.sh --build-only          configure and build, run nothing
#   tests/sanitize.sh --no-build deploy     run with what build-asan/ holds, build nothing
#   JOBS=1 tests/sanitize.sh                fewer build jobs (default 2)
#   TESTS='unit: Json' tests/sanitize.sh    a CTest -R regex of your own instead of groups
#
# Groups: unit (Catch2), integration, reliability, e2e (Chromium), deploy (nginx, systemd
# unit, backup), hsds. "js: units" tests JavaScript only and never starts the binary, so it
# is not run here.
#
# scripts/test.sh builds with --build-only before CTest, and the CTest tests "sanitize: <group>"
# (registered with -DHW_SLOW_CHECKS=ON, see tests/CMakeLists.txt) run with --no-build, one at
# a time (a CTest resource lock), while the normal tests use the other core.
#
# Sanitizer reports of the server processes started by the tests go to files (their stderr
# is not always read by the tests), so the script fails when any report file appears, even
# if every test passed.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
build="$root/build-asan"
jobs="${JOBS:-2}"
mode=all
case "${1:-}" in
  --build-only) mode=build; shift ;;
  --no-build) mode=run; shift ;;
esac
groups="${*:-unit integration reliability e2e deploy hsds}"
tests="${TESTS:-^($(echo $groups | tr ' ' '|')):}"

if [ "$mode" != run ]; then
  # -O0: g++ with ASan + UBSan compiles several times slower at -O2 (measured on 2 cores:
  # 40 CPU minutes for this tree at -O2 against 8.5 for the normal build), too slow for CI;
  # -O0 also leaves every memory access instrumented. NDEBUG as in the shipped build.
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O0 -g -DNDEBUG" \
        -DBUILD_TESTING=ON -DHW_SANITIZE=ON >/dev/null
  cmake --build "$build" -j"$jobs" --target hulpwijzer hulpwijzer-for-tests unit_tests
  if [ "$mode" = build ]; then exit 0; fi
fi
[ -x "$build/hulpwijzer-for-tests" ] && [ -f "$build/CTestTestfile.cmake" ] \
  || { echo "sanitize.sh: build-asan/ is not built (tests/sanitize.sh --build-only)" >&2; exit 2; }

reports="$build/sanitizer-reports/$(echo $groups | tr ' ' '-')"
rm -rf "$reports"
mkdir -p "$reports"
# Writable for all: the deploy test runs the server as nobody (the systemd unit's way);
# a report it cannot write would be lost ("Can't open file") and the run would pass.
chmod 1777 "$reports"
# detect_leaks: LeakSanitizer needs ptrace-free execution; it works on a normal Debian host.
ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1"
export ASAN_OPTIONS UBSAN_OPTIONS
# Argon2id at its test setting: the instrumented binary is several times slower.
HULPWIJZER_FAST_KDF_FOR_TESTS=1
export HULPWIJZER_FAST_KDF_FOR_TESTS

status=0
(cd "$build" && ctest --output-on-failure --no-tests=error -R "$tests" -j1) || status=$?

found=$(find "$reports" -type f | head -n 50)
if [ -n "$found" ]; then
  echo "sanitize.sh: sanitizer reports were written:" >&2
  for file in $found; do
    echo "==== $file" >&2
    head -n 60 "$file" >&2
  done
  status=1
else
  echo "sanitize.sh: no AddressSanitizer or UndefinedBehaviorSanitizer report"
fi
exit "$status"
