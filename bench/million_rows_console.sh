#!/usr/bin/env bash
# The console over a million rows (issue 12, item 4), RUNS times: each run is `ui/millionrows`
# (tests/ui/tst_millionrows.cpp) on a fresh stack, whose figures (counts, sorts, jumps to the
# middle, live updates, filters, and the GUI thread's stalls with what caused them) are kept in
# $BENCH_WORK/run-N.txt. Prints, per run and at worst over the runs: the longest stall once the
# window is on screen, the gaps over one frame (16 ms), the slowest first page + 5 screens of a
# sort and the slowest jump to the middle of one.
# Usage: bench/million_rows_console.sh   (RUNS=3)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${BENCH_WORK:-/tmp/pixelnest-million-console}
runs=${RUNS:-3}
build=$root/build
test=$build/tests/tst_millionrows
[ -x "$test" ] || { echo "build first: scripts/setup" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work" && chmod 755 "$work"
for ((i = 1; i <= runs; i++)); do
    stack=$work/stack-$i
    "$build/src/pixelnest" local up --dir "$stack" >/dev/null 2>&1
    QT_QPA_PLATFORM=offscreen PIXELNEST_TEST_STACK=$stack PIXELNEST_BINARY=$build/src/pixelnest \
        PIXELNEST_SOURCE_DIR=$root PIXELNEST_BUILD_DIR=$build QT_LOGGING_RULES="pixelnest.*.info=false" \
        "$test" >"$work/run-$i.log" 2>&1 || { tail -20 "$work/run-$i.log" >&2; exit 1; }
    cp "$build/ui-million-rows.txt" "$work/run-$i.txt"
    "$build/src/pixelnest" local down --dir "$stack" >/dev/null 2>&1
done
/usr/bin/python3 - "$work" "$runs" <<'PY'
import re, sys
work, runs = sys.argv[1], int(sys.argv[2])
worst = {}
for i in range(1, runs + 1):
    text = open(f"{work}/run-{i}.txt").read()
    build = re.search(r"built in (\d+) ms, shown in (\d+) ms; longest stall meanwhile (\d+) ms", text)
    # Every phase after the window is on screen: its longest stall.
    shown = [int(m) for m in re.findall(r"longest stall(?: while [a-z ]+:)? (\d+) ms(?! over)", text)]
    summary = re.search(r"(\d+) gaps over 16 ms, (\d+) over 50 ms", text)
    firsts = [int(m) for m in re.findall(r"first page \+ 5 screens in (\d+) ms", text)]
    middles = re.findall(r"sort by (\w+ \w+): .*?jump to the middle (\d+) ms", text)
    slowest = max(middles, key=lambda m: int(m[1]))
    figures = {
        "window built (ms)": int(build.group(1)),
        "opening stall (ms)": int(build.group(3)),
        "longest stall once shown (ms)": max(shown),
        "gaps over 16 ms": int(summary.group(1)),
        "sort: first page + 5 screens, slowest (ms)": max(firsts),
        "sort: jump to the middle, slowest (ms)": int(slowest[1]),
    }
    print(f"run {i}: " + "; ".join(f"{k} {v}" for k, v in figures.items()) +
          f" (slowest jump: {slowest[0]})")
    for k, v in figures.items():
        worst[k] = max(worst.get(k, 0), v)
print("worst of the runs: " + "; ".join(f"{k} {v}" for k, v in worst.items()))
print(f"each run's whole report: {work}/run-N.txt")
PY
