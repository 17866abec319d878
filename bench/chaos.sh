#!/usr/bin/env bash
# The long chaos soak (issue 9): 3 engines, CHAOS_JOBS `metadata` jobs with mixed priorities, an
# engine killed with SIGKILL and restarted every ~1.5 s CHAOS_KILLS times, a Redis FLUSHALL and a
# PostgreSQL immediate (crash) restart mid-run. Prints completed, failed, stuck, completed twice,
# wasted attempts and wall time. The same test runs short in CTest (integration/chaos).
#   usage: bench/chaos.sh [BUILD_DIR]     (after scripts/setup)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
export CHAOS_JOBS=${CHAOS_JOBS:-6000} CHAOS_KILLS=${CHAOS_KILLS:-20}
export QT_QPA_PLATFORM=offscreen PIXELNEST_BINARY="$PWD/$build/src/pixelnest"
export PIXELNEST_TEST_STACK=/tmp/pixelnest-chaos-stack
"$PIXELNEST_BINARY" local up --dir "$PIXELNEST_TEST_STACK" >/dev/null
trap '"$PIXELNEST_BINARY" local down --dir "$PIXELNEST_TEST_STACK" >/dev/null' EXIT
"$build/tests/tst_chaos" 2>&1 | grep -E 'chaos:|PASS|FAIL|Totals'
