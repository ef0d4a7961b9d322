#!/bin/sh
# The long version of tests/reliability/test_crash_safety.py (CI runs it with 50 kills):
# many SIGKILLs while clients submit contact requests; every request that got a 202 must
# be readable by its partner afterwards, and PRAGMA integrity_check must be ok.
#
#   bench/crash_safety_long.sh [kills]       (default 500, about 4 minutes on 2 cores)
#   HW_CRASH_SEED=123 bench/crash_safety_long.sh   replay a run's random choices
set -eu
here=$(cd "$(dirname "$0")" && pwd)
HW_CRASH_KILLS="${1:-500}"
export HW_CRASH_KILLS
export HW_BINARY="${HW_BINARY:-$here/../build/hulpwijzer-for-tests}"
cd "$here/../tests/reliability"
exec /usr/bin/python3 -m unittest -v test_crash_safety
