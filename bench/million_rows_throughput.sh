#!/usr/bin/env bash
# Engine throughput beside a million finished jobs (issue 12, item 4): the same `noop` run on an
# empty database and on one already holding 1,000,000 completed/failed/cancelled rows (every
# index, trigger and count maintained), alternating, on fresh stacks, in one run. Prints each
# run's jobs/s (first claim to last result) and the ratio of the means.
# Usage: bench/million_rows_throughput.sh   (JOBS=20000 RUNS=2)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${BENCH_WORK:-/tmp/pixelnest-million}
jobs=${JOBS:-20000}
runs=${RUNS:-2}
pixelnest=$root/build/src/pixelnest
driver=$root/build/bench/bench_queue
[ -x "$pixelnest" ] && [ -x "$driver" ] || { echo "build first: scripts/setup" >&2; exit 1; }

seed_sql="ALTER TABLE images DISABLE TRIGGER images_inserted_notify;
INSERT INTO images (title, status, priority, format, byte_size, width, height, attempts, worker,
                    created_at, started_at, finished_at)
SELECT 'old-' || g || '.jpg',
       (CASE WHEN g % 100 < 90 THEN 'completed' WHEN g % 100 < 97 THEN 'failed'
             ELSE 'cancelled' END)::job_status,
       (g::bigint * 7919) % 2001 - 1000, 'jpeg', 200000, 1920, 1080, 1, 'old-worker:1',
       now() - interval '30 days', now() - interval '30 days', now() - interval '30 days'
FROM generate_series(1, 1000000) g;
ALTER TABLE images ENABLE TRIGGER images_inserted_notify;"

one_run() { # NAME SEED
    local dir=$work/$1
    rm -rf "$dir" && mkdir -p "$dir" && chmod 755 "$work" "$dir"
    "$pixelnest" local up --dir "$dir" >/dev/null 2>&1
    ( eval "$("$pixelnest" local env --dir "$dir")"
      if [ "$2" = yes ]; then
          psql "$PIXELNEST_POSTGRES" -q -v ON_ERROR_STOP=1 -c "$seed_sql" >/dev/null
          # Steady state, as a long-lived database is: the seed's writes flushed and its rows
          # vacuumed before the clock starts.
          psql "$PIXELNEST_POSTGRES" -q -c "VACUUM ANALYZE images" -c "CHECKPOINT" >/dev/null
          [ "$(psql "$PIXELNEST_POSTGRES" -Atc 'SELECT count(*) FROM images')" = 1000000 ] ||
              { echo "seeding failed" >&2; exit 1; }
      fi
      export QT_LOGGING_RULES="pixelnest.*.info=false"
      "$driver" throughput "$pixelnest" "$jobs" |
          /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["jobs_per_s_first_claim_to_last"])' )
    "$pixelnest" local down --dir "$dir" >/dev/null 2>&1
}

mkdir -p "$work"
empty=() seeded=()
for ((i = 1; i <= runs; i++)); do
    empty+=("$(one_run empty no)")
    seeded+=("$(one_run seeded yes)")
    printf 'run %d: empty %.0f jobs/s, beside 1,000,000 finished rows %.0f jobs/s\n' \
        "$i" "${empty[-1]}" "${seeded[-1]}"
done
/usr/bin/python3 - "${empty[*]}" "${seeded[*]}" <<'PY'
import statistics, sys
empty = [float(x) for x in sys.argv[1].split()]
seeded = [float(x) for x in sys.argv[2].split()]
print(f"mean: empty {statistics.mean(empty):.0f} jobs/s, beside a million rows "
      f"{statistics.mean(seeded):.0f} jobs/s, ratio {statistics.mean(seeded) / statistics.mean(empty):.2f}")
PY
