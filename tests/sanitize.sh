#!/bin/sh
# The whole C++ build once under AddressSanitizer and UndefinedBehaviorSanitizer
# (-DHW_SANITIZE=ON, g++), in its own folder build-asan/, then the unit tests and the
# integration tests against that instrumented binary (CTest passes HW_BINARY=
# build-asan/hulpwijzer to them), and the reliability tests when they are wired in.
#
#   tests/sanitize.sh                 configure, build, run unit + integration (+ reliability)
#   JOBS=1 tests/sanitize.sh          fewer build jobs (default 2)
#   TESTS='unit' tests/sanitize.sh    a CTest -R regex of your own
#
# Sanitizer reports of the server processes started by the Python tests go to files (their
# stderr is not always read by the tests), so the script fails when any report file
# appears, even if every test passed.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
build="$root/build-asan"
jobs="${JOBS:-2}"
tests="${TESTS:-^(unit|integration|reliability):}"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON -DHW_SANITIZE=ON >/dev/null
cmake --build "$build" -j"$jobs" --target hulpwijzer unit_tests

reports="$build/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"
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
