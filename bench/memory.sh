#!/bin/sh
# Resident memory (VmRSS from /proc/PID/status) of `hulpwijzer serve` on a new data folder:
#   idle   2 s after it listens (it has seeded and rendered the embedded directory),
#   load   the highest sample (every 0.25 s) during wrk -t2 -c64 -d10s on /, then on
#          /api/v1/directory with Accept-Encoding: br,
#   after  2 s after the load.
# Budget (DESIGN.md): idle under 20 MB (20,480 kB). The load figures have no budget.
#
#   bench/memory.sh [seconds]      (default 10 s per wrk run)
# Prints ROW lines for bench/run-all.sh; exits 1 when the budget is missed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
binary="${HW_BINARY:-$here/../build/hulpwijzer-for-tests}"
seconds="${1:-10}"
budget_kb=20480
command -v wrk >/dev/null || { echo "memory.sh: wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }

work=$(mktemp -d /tmp/hw-bench-mem-XXXXXX)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

HULPWIJZER_FAST_KDF_FOR_TESTS=1 "$binary" serve --listen 127.0.0.1:0 --data "$work/data" >"$work/server.log" 2>&1 &
pid=$!
port=""
tries=0
while [ -z "$port" ]; do
  port=$(sed -n 's/.*"event":"listening".*"port":\([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
  [ -n "$port" ] && break
  tries=$((tries + 1))
  [ "$tries" -gt 600 ] && { echo "memory.sh: the server did not start" >&2; cat "$work/server.log" >&2; exit 2; }
  kill -0 "$pid" 2>/dev/null || { echo "memory.sh: the server exited" >&2; cat "$work/server.log" >&2; exit 2; }
  sleep 0.05
done

rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"; }

sleep 2
idle=$(rss)

peak=0
sample_during() {
  "$@" >"$work/wrk.out" 2>&1 &
  wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    now=$(rss)
    [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.25
  done
  wait "$wrk_pid" || { echo "memory.sh: wrk failed" >&2; cat "$work/wrk.out" >&2; exit 2; }
}
sample_during wrk -t2 -c64 -d"${seconds}s" --timeout 30s "http://127.0.0.1:$port/"
sample_during wrk -t2 -c64 -d"${seconds}s" --timeout 30s -H "Accept-Encoding: br" "http://127.0.0.1:$port/api/v1/directory"
sleep 2
after=$(rss)

echo "hulpwijzer serve VmRSS: idle ${idle} kB, peak under load ${peak} kB, 2 s after the load ${after} kB"
status=OK
[ "$idle" -lt "$budget_kb" ] || status=MISS
printf 'ROW\t%s\t%s\t%s\t%s\t%s\n' "memory idle (VmRSS)" "${idle} kB" "-" "< ${budget_kb} kB" "$status"
printf 'ROW\t%s\t%s\t%s\t%s\t%s\n' "memory under load (peak VmRSS)" "${peak} kB" "idle ${idle} kB" \
  "$(awk -v a="$peak" -v b="$idle" 'BEGIN { printf "%.1fx idle", a / b }')" INFO
printf 'ROW\t%s\t%s\t%s\t%s\t%s\n' "memory after load (VmRSS)" "${after} kB" "idle ${idle} kB" "-" INFO
[ "$status" = OK ]
