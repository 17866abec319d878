#!/usr/bin/env bash
# bench/gpu/run_on_device.sh, every step, on this machine's CPU and Debian's torch: what a lent
# GPU machine will run, so that the one rare device session is not spent on a broken script.
#
#   check_gpu_run.sh BUILD_DIR
#
# Prepares what the device tool would carry into BUILD_DIR/gpu-run (the Debian packages of the
# libraries the build links, the models, the reference pixels), then runs the script with
# --device cpu on two small batches. Checks that the build links Qt from the unpacked packages,
# not from this machine, that the models pass the reference check, and that every batch size
# printed a throughput and a peak memory.
set -euo pipefail
build=$(realpath "$1")
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
export PIXELNEST_GPU_OUT=$build/gpu-run PIXELNEST_GPU_MODELS=$build/models
script=$source_dir/bench/gpu/run_on_device.sh
log=$PIXELNEST_GPU_OUT.log

rm -rf "$PIXELNEST_GPU_OUT"
"$script" --prepare
"$script" --device cpu --images 4 --batch-sizes 1,2 | tee "$log"

fail() { echo "check_gpu_run: $*" >&2; exit 1; }
grep -q "resolved: libQt6Core.so.6 => $PIXELNEST_GPU_OUT/sysroot/" "$log" ||
    fail "bench_inference did not load Qt from the carried packages"
grep -q "^check_reference: OK on cpu" "$log" || fail "no model check"
for batch in 1 2; do
    row=$(grep -E "^\| $batch \| [0-9]" "$log") || fail "no row for batch $batch"
    # | batch | bare | decode+models | ratio | default | ratio | mean batch | - | peak MiB |
    awk -F'|' '{ exit !($3 > 0 && $6 > 0 && $10 > 100) }' <<<"$row" ||
        fail "batch $batch: no throughput or no peak memory in: $row"
done
size=$(du -scm "$PIXELNEST_GPU_OUT/debs" "$PIXELNEST_GPU_OUT/payload.tar.xz" | tail -1 | cut -f1)
echo "check_gpu_run: OK (carry $size MiB)"
