#!/usr/bin/env bash
# Models only where needed (issue 12): how fast a `--engine-only` process is ready and how much
# memory it holds while it serves only `noop`, then the same process after its first `default`
# job has loaded the models, in one run against a private local stack. Prints a table:
#   start_s  exec to the first 200 from /readyz (median of RUNS starts)
#   rss_mb   VmRSS of the idle engine: before any model, then with both models loaded
# Usage: bench/engine_start.sh   (RUNS=5)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${BENCH_WORK:-/tmp/pixelnest-engine-start}
runs=${RUNS:-5}
pixelnest=$root/build/src/pixelnest
[ -x "$pixelnest" ] || { echo "build first: scripts/setup" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work" && chmod 755 "$work"
"$pixelnest" local up --dir "$work/stack" >/dev/null
trap '"$pixelnest" local down --dir "$work/stack" >/dev/null 2>&1 || true' EXIT
eval "$("$pixelnest" local env --dir "$work/stack")"
export QT_LOGGING_RULES="pixelnest.*.info=false"
port=$((20000 + RANDOM % 20000))

rss_mb() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
ready() { curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; }  # for the RSS part
start_engine() {
    "$pixelnest" --engine-only --workers 2 --metrics-listen "127.0.0.1:$port" \
        --models "$root/build/models" >"$work/engine.log" 2>&1 &
    pid=$!
}

# Exec to the first 200 from /readyz, polled from one process every 2 ms (a curl per poll
# would add its own start-up to every figure).
median=$(/usr/bin/python3 - "$pixelnest" "$port" "$root/build/models" "$runs" <<'PY'
import statistics, subprocess, sys, time, urllib.request
binary, port, models, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
starts = []
for _ in range(runs):
    begin = time.monotonic()
    engine = subprocess.Popen([binary, "--engine-only", "--workers", "2", "--metrics-listen",
                               f"127.0.0.1:{port}", "--models", models],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as reply:
                if reply.status == 200:
                    break
        except OSError:
            pass
        time.sleep(0.002)
    starts.append(time.monotonic() - begin)
    engine.terminate()
    engine.wait()
print(f"{statistics.median(starts):.3f}")
PY
)

start_engine
until ready; do sleep 0.01; done
"$pixelnest" submit --pipeline noop "$root/build/models/samples/"*.jpg >/dev/null
sleep 2
noop_rss=$(rss_mb "$pid")
noop_torch=$(grep -c libtorch "/proc/$pid/maps" || true)
sample=$(ls "$root/build/models/samples/"*.jpg | head -1)
"$pixelnest" submit --pipeline default "$sample" >/dev/null
done_sql="SELECT count(*) FROM images WHERE pipeline = 'default' AND status = 'completed'"
until [ "$(psql "$PIXELNEST_POSTGRES" -Atc "$done_sql")" = 1 ]; do sleep 0.2; done
sleep 1
default_rss=$(rss_mb "$pid")
kill "$pid"; wait "$pid" || true

printf '%-34s %10s %10s %16s\n' "engine" "start_s" "rss_mb" "libtorch_mapped"
printf '%-34s %10.3f %10s %16s\n' "noop served, no model loaded" "$median" "$noop_rss" \
    "$([ "$noop_torch" -gt 0 ] && echo yes || echo no)"
printf '%-34s %10s %10s %16s\n' "after one default job (2 models)" "-" "$default_rss" "yes"
printf 'ratio rss noop/default: %.2f   targets: start <= 0.2 s, rss <= 60 MB\n' \
    "$(echo "$noop_rss / $default_rss" | bc -l)"
