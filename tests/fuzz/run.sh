#!/bin/sh
# Builds the libFuzzer targets with clang-14 in build-fuzz/ and runs each for a while.
#
#   tests/fuzz/run.sh              every target for 30 s
#   tests/fuzz/run.sh 20           every target for 20 s (CI)
#   tests/fuzz/run.sh 300 directory   one target for 5 minutes
#   JOBS=1 tests/fuzz/run.sh       fewer build jobs (default 2)
#   tests/fuzz/run.sh --build-only            configure and build every target, run nothing
#   tests/fuzz/run.sh --no-build 20 directory run what build-fuzz/ holds, build nothing
#
# scripts/test.sh builds with --build-only before CTest, and the CTest tests "fuzz: <target>"
# (registered with -DHW_SLOW_CHECKS=ON, see tests/CMakeLists.txt) run with --no-build, so
# no cmake of build-fuzz/ runs twice at once; "fuzz: build" (an incremental build, a no-op
# after scripts/test.sh) runs before them.
#
# Targets: contact_request (ParseJson + CheckContactRequest), directory and questionnaire
# (CheckPublication, then what the server does with accepted data), content_negotiation
# (ChooseEncoding, IfNoneMatchMatches), request_framer (FrameRequest), simple_get (ParseSimpleGet), hsds_import (ImportHsds must keep the directory
# valid; built when server/domain/hsds.h exists). Seeds: tests/fuzz/corpus/<target>/ (read only) and
# directory-data/ for the validators; the growing corpus lives in build-fuzz/corpus/<target>/,
# crash inputs in build-fuzz/artifacts/<target>/. Inputs of known findings in
# tests/fuzz/findings/<target>/ are replayed first: they must not crash once fixed.
# Exits non-zero when any target crashes, leaks, times out or runs out of memory.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build="$root/build-fuzz"
mode=all
case "${1:-}" in
  --build-only) mode=build; shift ;;
  --no-build) mode=run; shift ;;
esac
seconds="${1:-30}"
if [ $# -gt 0 ]; then shift; fi  # dash: a shift without arguments ends the script
default="contact_request directory questionnaire content_negotiation request_framer simple_get"
[ -f "$root/server/domain/hsds.h" ] && default="$default hsds_import"
targets="${*:-$default}"
jobs="${JOBS:-2}"

if [ "$mode" != run ]; then
  command -v clang++-14 >/dev/null || { echo "run.sh: clang++-14 is missing (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 2; }
  cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DBUILD_TESTING=OFF -DHW_FUZZ=ON >/dev/null
  set --
  for target in $targets; do set -- "$@" --target "fuzz_$target"; done
  cmake --build "$build" -j"$jobs" "$@"
  if [ "$mode" = build ]; then exit 0; fi
fi

export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
failed=""
for target in $targets; do
  binary="$build/tests/fuzz/fuzz_$target"
  [ -x "$binary" ] || { echo "FAIL $target: $binary is not built (tests/fuzz/run.sh --build-only)"; failed="$failed $target(unbuilt)"; continue; }
  work="$build/corpus/$target"
  artifacts="$build/artifacts/$target/"
  mkdir -p "$work" "$artifacts"
  case "$target" in
    content_negotiation) dict="$here/headers.dict"; extra=""; max_len=4096 ;;
    request_framer|simple_get) dict="$here/http.dict"; extra=""; max_len=2048 ;;
    contact_request) dict="$here/json.dict"; extra=""; max_len=8192 ;;
    hsds_import) dict="$here/json.dict"; extra=""; max_len=65536 ;;
    *) dict="$here/json.dict"; extra="$root/directory-data"; max_len=65536 ;;
  esac
  if [ -d "$here/findings/$target" ] && [ -n "$(ls -A "$here/findings/$target")" ]; then
    echo "== $target: replaying known findings in tests/fuzz/findings/$target/"
    if ! "$binary" -artifact_prefix="$artifacts" "$here/findings/$target"/* >"$build/findings-$target.log" 2>&1; then
      echo "FAIL $target: a known finding still crashes (see $build/findings-$target.log)"
      failed="$failed $target(known)"
    fi
  fi
  echo "== $target: fuzzing for ${seconds}s"
  # shellcheck disable=SC2086
  if "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
       -dict="$dict" -artifact_prefix="$artifacts" -print_final_stats=1 \
       "$work" "$here/corpus/$target" $extra >"$build/fuzz-$target.log" 2>&1; then
    tail -n 12 "$build/fuzz-$target.log" | grep -E "stat::number_of_executed_runs|stat::peak_rss_mb|cov:" | tail -n 3
    echo "ok   $target"
  else
    grep -E "ERROR: |SUMMARY: |runtime error|terminate called|what\(\)|Test unit written" "$build/fuzz-$target.log" | head -n 12
    echo "FAIL $target (log: $build/fuzz-$target.log, inputs: $artifacts)"
    failed="$failed $target"
  fi
done
if [ -n "$failed" ]; then
  echo "run.sh: findings in:$failed"
  exit 1
fi
echo "run.sh: every target ran ${seconds}s without a finding"
