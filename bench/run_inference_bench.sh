#!/bin/sh
# Inference benchmark, OpenBLAS vs the reference BLAS, without touching the system.
#
#   bench/run_inference_bench.sh [BUILD_DIR] [bench_inference options...]
#
# Debian picks libblas.so.3 through update-alternatives (OpenBLAS when installed, as here).
# libtorch_cpu needs libblas.so.3 for sgemm_ (the linear layers, and the 1x1 convolutions that
# torch runs through im2col + GEMM instead of oneDNN when a worker has one thread and the batch
# is under 16). Putting /usr/lib/x86_64-linux-gnu/blas, which holds the reference
# libblas.so.3, first on LD_LIBRARY_PATH makes the dynamic linker bind sgemm_ there for this
# process only; bench_inference prints the library it actually resolved, so a wrong setup shows.
# The reference BLAS is ~8x slower, so its run uses fewer images and batch sizes: REFERENCE_ARGS
# come last and win over the options given to both runs.
set -eu

BUILD_DIR=${1:-build}
[ $# -gt 0 ] && shift
BENCH="$BUILD_DIR/bench/bench_inference"
REFERENCE_BLAS_DIR=${REFERENCE_BLAS_DIR:-/usr/lib/x86_64-linux-gnu/blas}
REFERENCE_ARGS=${REFERENCE_ARGS:---images 12 --batch-sizes 1,2 --sweep 0}

if [ ! -x "$BENCH" ]; then
    echo "run_inference_bench.sh: $BENCH missing: cmake --build $BUILD_DIR --target bench_inference" >&2
    exit 2
fi
if [ ! -f "$BUILD_DIR/models/face_detector/model.pt" ]; then
    echo "run_inference_bench.sh: no models in $BUILD_DIR/models: packaging/models/build_models.sh $BUILD_DIR/models" >&2
    exit 2
fi

echo "# Pixelnest inference benchmark"
echo
echo "$(nproc) cores, $(uname -m), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "The sweep runs the bare model loop (both models at once) over intra-op threads, device"
echo "workers, batch size and memory format; its best is what this machine does with these models."
echo "Pipeline ratios are end-to-end images/s over the bare loop with the engine's own settings,"
echo "and over the sweep's best (last column); 'decode+models' is decode + both models, 'default'"
echo "adds thumbnail and anonymise. The reference-BLAS run skips the sweep (~8x slower)."
echo
echo "## OpenBLAS (system default via update-alternatives)"
echo
"$BENCH" --models "$BUILD_DIR/models" "$@"
echo
echo "## Reference BLAS (LD_LIBRARY_PATH=$REFERENCE_BLAS_DIR)"
echo
# shellcheck disable=SC2086 # REFERENCE_ARGS is a list of options
LD_LIBRARY_PATH="$REFERENCE_BLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    "$BENCH" --models "$BUILD_DIR/models" "$@" $REFERENCE_ARGS
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
