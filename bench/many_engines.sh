#!/usr/bin/env bash
# Many engines at once, beside one engine, in one run on this machine:
#   A. one `--engine-only --workers 1` engine on JOBS noop jobs
#   B. ENGINES such engines together on JOBS noop jobs
# each on a fresh local stack (PostgreSQL at its default durability, Redis on a unix socket).
# Prints both JSON lines and the ratio of B's throughput to A's; exits non-zero when a job was
# not applied exactly once or an engine failed.
# Usage: bench/many_engines.sh   (ENGINES=64 JOBS=200000 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${BENCH_WORK:-/tmp/pixelnest-many-engines}
engines=${ENGINES:-64}
jobs=${JOBS:-200000}
pixelnest=$root/build/src/pixelnest
driver=$root/build/bench/bench_engines
[ -x "$pixelnest" ] && [ -x "$driver" ] || { echo "build first: scripts/setup" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work" && chmod 755 "$work"

run() {
    local name=$1 count=$2
    "$pixelnest" local up --dir "$work/$name" >/dev/null
    ( eval "$("$pixelnest" local env --dir "$work/$name")"
      export BENCH_REDIS_PID=$(cat "$work/$name/redis/redis.pid")
      export BENCH_POSTGRES_PID=$(head -1 "$work/$name/postgres/data/postmaster.pid")
      export QT_LOGGING_RULES="pixelnest.*.info=false"
      export BENCH_ENGINE_LOGS="$work/$name-logs"
      "$driver" "$pixelnest" "$count" "$jobs" ) | tee "$work/$name.json"
    "$pixelnest" local down --dir "$work/$name" >/dev/null
}
echo "A: one engine, $jobs noop jobs..." >&2
run one 1
echo "B: $engines engines, $jobs noop jobs..." >&2
run many "$engines"
/usr/bin/python3 - "$work/one.json" "$work/many.json" <<'PY'
import json, sys
one, many = (json.load(open(p)) for p in sys.argv[1:3])
print(f"{many['engines']} engines / one engine throughput: "
      f"{many['jobs_per_s']:.0f} / {one['jobs_per_s']:.0f} jobs/s = "
      f"{many['jobs_per_s'] / one['jobs_per_s']:.2f}")
for name, run in (("one", one), ("many", many)):
    print(f"{name:>4}: not once {run['not_once']:.0f}, claims {run['claims']} "
          f"({run['empty_claims']} empty), CPU per job: Redis {run['redis_cpu_us_per_job']:.0f} us, "
          f"PostgreSQL {run['postgres_cpu_us_per_job']:.0f} us, engines "
          f"{run['engines_cpu_us_per_job']:.0f} us")
PY
