#!/usr/bin/env bash
# Queue benchmark, Pixelnest beside the Django + Celery peer, in one run on this machine:
#   A. 20,000 no-op jobs end to end through one engine: jobs/s and engine peak RSS
#   B. latency at a light steady load (one job every 20 ms for 20 s): p50/p95/p99
# Ours runs RUNS times (3), each on a fresh stack: every run is printed, the median is compared.
# Both systems use a private PostgreSQL 15 at its default durability (fsync and
# synchronous_commit on) and a private Redis on a unix socket. Prints a table and the ratios.
# Usage: bench/run_queue_bench.sh   (PEER_CONFIGS="p1 p4_cma" by default; JOBS=20000 RUNS=3)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${BENCH_WORK:-/tmp/pixelnest-bench}
peer=${PEER_DIR:-$root/../shared/peers/celery-seed}
jobs=${JOBS:-20000}
runs=${RUNS:-3}
pixelnest=$root/build/src/pixelnest
driver=$root/build/bench/bench_queue

[ -x "$pixelnest" ] && [ -x "$driver" ] || { echo "build first: scripts/setup" >&2; exit 1; }
missing=()
for package in python3-celery python3-django python3-psycopg2 python3-redis python3-pil; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
        missing+=("$package")
done
if ((${#missing[@]})); then
    sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

rm -rf "$work" && mkdir -p "$work" && chmod 755 "$work"

# One fresh stack per measurement, so each starts from empty tables.
run_ours() {
    local name=$1; shift
    "$pixelnest" local up --dir "$work/$name" >/dev/null
    ( eval "$("$pixelnest" local env --dir "$work/$name")"
      export QT_LOGGING_RULES="pixelnest.*.info=false"
      "$driver" "$@" ) > "$work/ours_$name.json"
    "$pixelnest" local down --dir "$work/$name" >/dev/null
}
for run in $(seq "$runs"); do
    echo "Pixelnest A$run: $jobs noop jobs, one engine..." >&2
    run_ours "A$run" throughput "$pixelnest" "$jobs"
    echo "Pixelnest B$run: one job every 20 ms for 20 s..." >&2
    run_ours "B$run" latency "$pixelnest" 50 20
done

echo "Peer (Celery) A and B, configs ${PEER_CONFIGS:-p1 p4_cma}: minutes for p1..." >&2
PEER_WORK="$work/peer" BENCHES="A B" CONFIGS="${PEER_CONFIGS:-p1 p4_cma}" "$peer/run" \
    > "$work/peer.txt" 2>"$work/peer.log" || { cat "$work/peer.log" >&2; exit 1; }

/usr/bin/python3 "$root/bench/queue_report.py" "$work"
