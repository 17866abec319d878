#!/usr/bin/env bash
# The GPU inference run, ready for the day a device machine is lent (rarely; 15 minutes of device
# time per task). That machine is bare except for CUDA and a PyTorch wheel (its libtorch headers
# and libraries live in the wheel), so everything else travels with the working tree:
#
#   here:        bench/gpu/run_on_device.sh --prepare
#                    builds against this machine, then fills build-gpu/ (ignored by git, carried
#                    by the device tool, under 64 MiB) with the Debian packages of the libraries
#                    the build links (Qt Core/Gui, exiv2, prometheus-cpp: headers and runtime),
#                    the converted models and the reference pixels of the model check.
#   here:        bench/gpu/run_on_device.sh --device cpu      (every step, on Debian's torch)
#   the device:  bench/gpu/run_on_device.sh --device cuda     (run tool, carry ["build-gpu"])
#
# A run unpacks the packages into build-gpu/sysroot (ar + tar: no dpkg needed), builds the
# engine's inference library, its torch module and bench_inference with plain g++ against that
# sysroot and the libtorch of the first python3 that imports torch (PYTHON overrides), checks
# the converted models against the reference on the device (packaging/models/check_reference.py),
# then prints images/s per batch size with the peak memory used (GPU memory from nvidia-smi on
# CUDA, resident memory on the CPU). No CMake: the device may have none, and the torch wheel's
# CMake files want a CUDA toolkit; the sources are the engine's own directories, globbed.
#
# Options: --batch-sizes 1,8,32,128 (default)  --images N (default 256 on CUDA, 24 on the CPU)
#          --jobs N (compile jobs, default nproc)  --skip-check (no model check)
# Environment: PIXELNEST_GPU_OUT (default build-gpu), PIXELNEST_GPU_MODELS (what --prepare
# carries; default build/models): the test tests/packaging/check_gpu_run.sh sets both.
set -euo pipefail
SCRIPT=$(realpath "$0")
cd "$(dirname "$SCRIPT")/../.."
ROOT=$PWD
OUT=${PIXELNEST_GPU_OUT:-$ROOT/build-gpu}
MODELS=${PIXELNEST_GPU_MODELS:-$ROOT/build/models}
SYSROOT=$OUT/sysroot
MULTIARCH=x86_64-linux-gnu
# The libraries of the toolchain and of glibc come from the device itself: never carried.
TOOLCHAIN_PACKAGES='^(libc6|libgcc-s1|libstdc\+\+6)$'
HEADER_PACKAGES=(qt6-base-dev prometheus-cpp-dev libexiv2-dev)
CARRY_LIMIT_MIB=60

mode=run device=cpu batch_sizes=1,8,32,128 images='' jobs=$(nproc) check=1
while (($#)); do
    case $1 in
    --prepare) mode=prepare ;;
    --device) device=$2; shift ;;
    --batch-sizes) batch_sizes=$2; shift ;;
    --images) images=$2; shift ;;
    --jobs) jobs=$2; shift ;;
    --skip-check) check=0 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$SCRIPT" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run_on_device.sh: unknown option $1 (--help)" >&2; exit 2 ;;
    esac
    shift
done
[ -n "$images" ] || images=$([[ $device == cuda* ]] && echo 256 || echo 24)
step() { printf '\n## %s (%s s)\n\n' "$1" "$SECONDS"; }
fail() { echo "run_on_device.sh: $*" >&2; exit 1; }

find_python() {
    for candidate in ${PYTHON:-} python3 /usr/bin/python3; do
        if command -v "$candidate" >/dev/null && "$candidate" -c 'import torch' 2>/dev/null; then
            echo "$candidate"
            return
        fi
    done
    fail "no python3 here imports torch (set PYTHON)"
}

# build DIR QT_PREFIX: the inference library, the torch module and bench_inference, with g++.
# QT_PREFIX is empty (this machine) or the unpacked sysroot.
build() {
    local dir=$1 prefix=$2 python torch abi
    # ccache where there is one: the second run here (--device cpu after --prepare) is quick.
    CXX=g++
    command -v ccache >/dev/null && CXX="ccache g++"
    export CXX
    python=$(find_python)
    torch=$("$python" -c 'import os, torch; print(os.path.dirname(torch.__file__))')
    abi=$("$python" -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')
    echo "torch $("$python" -c 'import torch; print(torch.__version__)') from $torch (C++11 ABI $abi)"
    mkdir -p "$dir/obj" "$dir/include/pixelnest"
    sed 's/@PROJECT_VERSION@/gpu-bench/' engine/include/pixelnest/version.h.in \
        >"$dir/include/pixelnest/version.h"
    local qt=$prefix/usr/include/$MULTIARCH/qt6
    local common=(-std=c++17 -O2 -fPIC -DNDEBUG -DQT_NO_DEBUG -DQT_NO_KEYWORDS
        -D_GLIBCXX_USE_CXX11_ABI="$abi"
        -Iengine -Iengine/include -I"$dir/include" -I"$qt" -I"$qt/QtCore" -I"$qt/QtGui"
        -idirafter "$prefix/usr/include"
        -DPIXELNEST_BUILD_DIR="\"$dir\"" -DPIXELNEST_TORCH_MODULE_BUILT="\"$dir/libpixelnest_torch.so\""
        -DPIXELNEST_TORCH_MODULE_INSTALLED="\"$dir/libpixelnest_torch.so\"")
    local libs=$prefix/usr/lib/$MULTIARCH
    # The engine's inference half: what bench_inference links (no queue, store or server).
    local sources=(engine/infer/*.cpp engine/pipeline/*.cpp engine/image/*.cpp engine/model/*.cpp
        engine/service/enginemetrics.cpp engine/logging.cpp engine/result.cpp)
    rm -f "$dir"/obj/*.o
    printf '%s\n' "${sources[@]}" | xargs -P "$jobs" -I{} sh -c \
        'src=$0 obj=$1; shift 2; exec $CXX "$@" -c "$src" -o "$obj/$(echo "$src" | tr / _).o"' \
        {} "$dir/obj" "${common[@]}" -Wno-deprecated-declarations
    ar rcs "$dir/libpixelnest_inference.a" "$dir"/obj/*.o
    # The torch module: the only code that includes libtorch; hidden but for its entry point.
    local cuda_libs=()
    [ -e "$torch/lib/libtorch_cuda.so" ] && cuda_libs=(-ltorch_cuda -lc10_cuda)
    $CXX "${common[@]}" -fvisibility=hidden -fvisibility-inlines-hidden -shared \
        -isystem "$torch/include" -isystem "$torch/include/torch/csrc/api/include" \
        engine/infer/torch/*.cpp engine/infer/devicespec.cpp -o "$dir/libpixelnest_torch.so" \
        -L"$torch/lib" -Wl,-rpath,"$torch/lib" -Wl,--no-as-needed -ltorch -ltorch_cpu -lc10 \
        "${cuda_libs[@]}" -Wl,--as-needed -L"$libs" -lQt6Core -Wl,--no-undefined
    $CXX "${common[@]}" bench/bench_inference.cpp "$dir/libpixelnest_inference.a" \
        -o "$dir/bench_inference" -L"$libs" -Wl,-rpath-link,"$libs" \
        -lQt6Gui -lQt6Core -lprometheus-cpp-core -lexiv2 -ldl -lpthread
    echo "built $dir/bench_inference and $dir/libpixelnest_torch.so"
}

# The packages whose libraries the host build loaded, plus the headers; no toolchain or glibc.
packages_of_build() {
    local dir=$1
    {
        ldd "$dir/bench_inference"
        ldd /usr/lib/$MULTIARCH/qt6/plugins/imageformats/libqjpeg.so
    } | awk '/=> \//{print $3}' | sort -u | xargs -r realpath | xargs -r dpkg -S 2>/dev/null |
        cut -d: -f1 | sort -u | grep -Ev "$TOOLCHAIN_PACKAGES" || true
    printf '%s\n' "${HEADER_PACKAGES[@]}"
}

prepare() {
    [ -f "$MODELS/face_detector/model.pt" ] || fail "no models in $MODELS: run scripts/setup first"
    step "Build against this machine (its libraries name the packages to carry)"
    build "$OUT/host" ""
    step "Packages"
    rm -rf "$OUT/debs" && mkdir -p "$OUT/debs"
    mapfile -t packages < <(packages_of_build "$OUT/host" | sort -u)
    echo "${packages[*]}"
    # (apt's "unsandboxed as root" warning only says root downloads into a folder of root's.)
    (cd "$OUT/debs" && apt-get download -qq "${packages[@]}" 2>&1 | grep -v unsandboxed || true)
    [ "$(ls "$OUT/debs" | wc -l)" -eq "${#packages[@]}" ] || fail "apt-get download missed packages"
    step "Models, samples and the reference pixels"
    local payload
    payload=$(mktemp -d)
    mkdir -p "$payload/models" "$payload/cache/model-sources"
    cp -r "$MODELS/face_detector" "$MODELS/moderation" "$MODELS/samples" "$payload/models/"
    # The check decodes with jpeg-js through node, which the device lacks: carry the decoded
    # pixels (the check run here makes them).
    /usr/bin/python3 packaging/models/check_reference.py "$payload/models"
    cp -r "${PIXELNEST_CACHE:-$HOME/.cache/pixelnest}"/model-sources/reference-pixels-* \
        "$payload/cache/model-sources/"
    # xz: 79 MiB of weights and pixels become ~18 (the weights were 8-bit quantised in the npm
    # packages, so their float32 form compresses well).
    tar -C "$payload" -cf - models cache | xz -T0 -6 >"$OUT/payload.tar.xz"
    rm -rf "$payload" "$OUT/host" "$OUT/models" "$OUT/cache" "$SYSROOT"
    local mib
    mib=$(du -scm "$OUT/debs" "$OUT/payload.tar.xz" | tail -1 | cut -f1)
    ((mib <= CARRY_LIMIT_MIB)) || fail "build-gpu/ is $mib MiB, over the device tool's carry limit"
    echo "build-gpu/: $mib MiB ($(ls "$OUT/debs" | wc -l) packages); carry [\"build-gpu\"]"
}

# untar ARCHIVE DIR, with Python's tarfile: the device may lack xz.
untar() {
    "$(find_python)" -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' \
        "$1" "$2"
}

# The packages into build-gpu/sysroot (ar and a tar reader: no dpkg needed), the models and
# pixels into build-gpu/models and build-gpu/cache; once.
unpack() {
    [ -d "$OUT/debs" ] && [ -f "$OUT/payload.tar.xz" ] ||
        fail "no build-gpu/debs or payload: run --prepare on the development machine"
    [ -f "$SYSROOT/.complete" ] && return
    rm -rf "$SYSROOT" "$OUT/models" "$OUT/cache" && mkdir -p "$SYSROOT"
    local deb work
    work=$(mktemp -d)
    for deb in "$OUT"/debs/*.deb; do
        (cd "$work" && rm -f data.tar.* && ar x "$deb" && untar data.tar.* "$SYSROOT")
    done
    rm -rf "$work"
    untar "$OUT/payload.tar.xz" "$OUT"
    touch "$SYSROOT/.complete"
}

# measure BATCH: one bench_inference process; prints its table row and the peak memory.
# The GPU memory in use now, MiB: the process's own when nvidia-smi can name it, else the
# device's total (in a container the PIDs nvidia-smi reports are not this namespace's).
gpu_memory() { # PID
    local own
    own=$(nvidia-smi --query-compute-apps=pid,used_memory --format=csv,noheader,nounits |
        awk -F', ' -v p="$1" '$1 == p {print $2}')
    if [ -n "$own" ]; then echo "$own"; return; fi
    echo $(($(nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits -i "$gpu_index" |
        head -1) - gpu_baseline))
}

measure() {
    local batch=$1 log peak=0 used pid
    log=$(mktemp)
    "${BENCH_ENV[@]}" "$BUILD/bench_inference" --models "$OUT/models" --device "$device" --images "$images" \
        --batch-sizes "$batch" --pool-threads "$(($(nproc) * 2))" --repeats 1 --sweep 0 \
        >"$log" 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        if [[ $device == cuda* ]]; then
            used=$(gpu_memory "$pid")
        else
            used=$(awk '/^VmRSS/{print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null)
        fi
        ((${used:-0} > peak)) && peak=$used
        sleep 0.2
    done
    wait "$pid" || { cat "$log" >&2; fail "bench_inference failed at batch $batch"; }
    local row
    row=$(grep -E "^\| $batch \|" "$log" | head -1)
    [ -n "$row" ] || { cat "$log" >&2; fail "no result row at batch $batch"; }
    echo "$row $peak |"
    rm -f "$log"
}

run() {
    local python
    python=$(find_python)
    step "Device"
    command -v g++ >/dev/null && command -v ar >/dev/null ||
        fail "no g++ or ar here: the build needs the machine's compiler"
    gpu_baseline=0 gpu_index=${device#cuda}
    gpu_index=${gpu_index#:}
    gpu_index=${gpu_index:-0} # cuda is cuda:0
    if [[ $device == cuda* ]]; then
        nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader ||
            fail "nvidia-smi failed: no GPU here"
        gpu_baseline=$(nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits \
            -i "$gpu_index" | head -1)
    fi
    echo "$(nproc) cores; g++ $(g++ -dumpversion); $("$python" --version)"
    step "Sysroot, models and pixels from what was carried"
    unpack
    echo "$(ls "$OUT/debs" | wc -l) packages in $SYSROOT"
    step "Build (inference library, torch module, bench_inference) against the device's libtorch"
    BUILD=$OUT/build-$device
    build "$BUILD" "$SYSROOT"
    # The bench's environment: the carried libraries and plugins, and the module built here.
    # Only for the bench: the model check's python keeps the device's own libraries. `env`, not
    # a function: a bench started in the background is then the process whose memory is read.
    BENCH_ENV=(env "LD_LIBRARY_PATH=$SYSROOT/usr/lib/$MULTIARCH${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
        "QT_PLUGIN_PATH=$SYSROOT/usr/lib/$MULTIARCH/qt6/plugins"
        "PIXELNEST_TORCH_MODULE=$BUILD/libpixelnest_torch.so")
    "${BENCH_ENV[@]}" ldd "$BUILD/bench_inference" | grep -E 'Qt6Core|Qt6Gui|exiv2' |
        sed 's/^\s*/resolved: /'
    local checked=skipped
    if ((check)); then
        step "Converted models against the reference on $device"
        # A mismatch still lets the throughput be measured (device time is rare); the script
        # fails at the end.
        checked=ok
        PIXELNEST_CACHE=$OUT/cache "$python" packaging/models/check_reference.py --device "$device" \
            "$OUT/models" || checked=FAILED
    fi
    step "Images/s per batch size on $device ($images images per figure)"
    echo "| batch | bare models img/s | decode+models img/s | ratio | default img/s | ratio | mean batch face / moderation | (no sweep) | peak $([[ $device == cuda* ]] && echo GPU || echo resident) MiB |"
    echo "|---|---|---|---|---|---|---|---|---|"
    local batch
    for batch in ${batch_sizes//,/ }; do
        measure "$batch"
    done
    step "Done (model check: $checked)"
    [ "$checked" != FAILED ] || fail "the models did not match the reference on $device (above)"
}

if [ "$mode" = prepare ]; then prepare; else run; fi
