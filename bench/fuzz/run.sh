#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for FUZZ_SECONDS (default 600) from its
# seed corpus (bench/fuzz/corpus/<target>; new inputs go to build-fuzz/corpus/<target>).
# A finding leaves a crash-* file in build-fuzz and a non-zero exit.
#   usage: bench/fuzz/run.sh [target...]      (needs: apt-get install clang libfuzzer-14-dev)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${FUZZ_SECONDS:-600}
targets=("$@")
((${#targets[@]})) || targets=(image redisurl conninfo manifest)
cmake -S bench/fuzz -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build build-fuzz
for target in "${targets[@]}"; do
    mkdir -p "build-fuzz/corpus/$target"
    echo "fuzz_$target: $seconds s"
    (cd build-fuzz && QT_QPA_PLATFORM=offscreen "./fuzz_$target" -max_total_time="$seconds" \
        -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
        "corpus/$target" "../bench/fuzz/corpus/$target" 2>&1 | tail -n 12)
done
