#!/bin/sh
# Every benchmark of bench/, one after the other, and ONE table of their figures:
#   figure | value | baseline | ratio / budget | OK, MISS or INFO (no budget)
# Exits 1 when a budget is missed, 2 when a benchmark could not run.
#
#   bench/run-all.sh                 (about 3.5 minutes on 2 cores)
#   HW_BINARY=path bench/run-all.sh  another binary (default build/hulpwijzer-for-tests,
#                                    which honours HULPWIJZER_FAST_KDF_FOR_TESTS)
#   BENCH_LOG=file bench/run-all.sh  keep the benchmarks' own output there
#
# Needs wrk and nginx (Debian: wrk, nginx-light) and Debian's python3.
set -u
here=$(cd "$(dirname "$0")" && pwd)
python=/usr/bin/python3
[ -x "$python" ] || python=python3
log="${BENCH_LOG:-$(mktemp /tmp/hw-bench-XXXXXX.log)}"
: >"$log"
rows=$(mktemp /tmp/hw-bench-rows-XXXXXX)
trap 'rm -f "$rows"' EXIT

broken=""
run() {
  name=$1
  shift
  echo "== $name: $*" >>"$log"
  "$@" >"$rows.out" 2>&1
  code=$?
  cat "$rows.out" >>"$log"
  grep '^ROW	' "$rows.out" | cut -f2- >>"$rows"
  # 0 = every budget met, 1 = a budget missed (its rows say MISS), anything else = broken.
  if [ "$code" -gt 1 ] || ! grep -q '^ROW	' "$rows.out"; then
    broken="$broken $name"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "did not run (exit $code)" "-" "see $log" "MISS" >>"$rows"
  fi
  rm -f "$rows.out"
}

run page_weight "$python" "$here/page_weight.py"
run memory sh "$here/memory.sh"
run serve "$python" "$here/serve.py"
run contact_requests "$python" "$here/contact_requests.py"
run login_attack "$python" "$here/login_attack.py"
run contact_flood "$python" "$here/contact_flood.py"

awk -F '\t' '
  { for (i = 1; i <= 5; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } }
  END {
    split("figure|value|baseline|ratio / budget|", head, "|")
    head[5] = "status"
    for (i = 1; i <= 5; i++) if (length(head[i]) > w[i]) w[i] = length(head[i])
    line = ""
    for (i = 1; i <= 5; i++) line = line sprintf("%-" w[i] "s  ", head[i])
    print line
    line = ""
    for (i = 1; i <= 5; i++) { dash = sprintf("%" w[i] "s", ""); gsub(/ /, "-", dash); line = line dash "  " }
    print line
    for (r = 1; r <= NR; r++) {
      line = ""
      for (i = 1; i <= 5; i++) line = line sprintf("%-" w[i] "s  ", cell[r, i])
      print line
    }
  }' "$rows"

misses=$(cut -f5 "$rows" | grep -c '^MISS$')
echo
echo "machine: $(nproc) cores, $(uname -r), $(date -u +%Y-%m-%dT%H:%MZ); details: $log"
if [ -n "$broken" ]; then
  echo "run-all: could not run:$broken"
  exit 2
fi
if [ "$misses" -gt 0 ]; then
  echo "run-all: $misses budget(s) missed"
  exit 1
fi
echo "run-all: every budget met"
