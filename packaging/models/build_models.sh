#!/usr/bin/env bash
# Build Pixelnest's model repository from pinned, integrity-checked npm packages.
#
#   packaging/models/build_models.sh OUTDIR
#
# Writes OUTDIR/face_detector/{model.pt,model.json,LICENSE},
#        OUTDIR/moderation/{model.pt,model.json,LICENSE},
#        OUTDIR/samples/sample1.jpg ... sample6.jpg (+ LICENSE).
#
# Tarballs are cached in ${PIXELNEST_CACHE:-$HOME/.cache/pixelnest}/model-sources.
# The result is stamped with a hash of the pinned sources, the converter code
# and the torch version; if OUTDIR already holds exactly that build (and its
# files are unmodified) nothing is done.  Needs /usr/bin/python3 with torch
# and numpy, node and npm (network access to the npm registry on first run).
# Never prompts; exits non-zero with a message on any failure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PYTHON=${PIXELNEST_PYTHON:-/usr/bin/python3}

die() {
    echo "build_models.sh: error: $*" >&2
    exit 1
}

if [ $# -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi

start=$(date +%s.%N)
mkdir -p "$1" || die "cannot create output directory $1"
outdir=$(cd "$1" && pwd)

if [ -n "${PIXELNEST_CACHE:-}" ]; then
    cache_root=$PIXELNEST_CACHE
elif [ -n "${HOME:-}" ]; then
    cache_root=$HOME/.cache/pixelnest
else
    die "neither PIXELNEST_CACHE nor HOME is set; cannot choose a cache directory"
fi
cache="$cache_root/model-sources"
export PIXELNEST_CACHE="$cache_root"   # so the Python side agrees
if ! mkdir -p "$cache" 2>/dev/null || [ ! -w "$cache" ]; then
    die "cannot write the cache directory $cache (set PIXELNEST_CACHE to a writable directory)"
fi

[ -x "$PYTHON" ] || die "$PYTHON not found (Debian's python3 with python3-torch is expected)"

# One build at a time per output directory.
if command -v flock >/dev/null 2>&1; then
    exec 9>"$outdir/.build.lock"
    flock 9 || die "cannot lock $outdir/.build.lock"
fi

stamp_file="$outdir/.build-stamp"
outputs=(face_detector/model.pt face_detector/model.json face_detector/LICENSE
         moderation/model.pt moderation/model.json moderation/LICENSE
         samples/sample1.jpg samples/sample2.jpg samples/sample3.jpg
         samples/sample4.jpg samples/sample5.jpg samples/sample6.jpg samples/LICENSE)

stamp=$("$PYTHON" "$here/sources.py" stamp) || die "cannot compute the build stamp"

# Up to date: same stamp and every output still has the recorded checksum.
if [ -f "$stamp_file" ] && [ "$(head -n 1 "$stamp_file")" = "$stamp" ] &&
   (cd "$outdir" && tail -n +2 "$stamp_file" | sha256sum --check --status --strict -) 2>/dev/null; then
    echo "build_models.sh: models in $outdir are up to date (stamp ${stamp:0:12})"
    exit 0
fi

"$PYTHON" -c 'import torch, numpy' 2>/dev/null ||
    die "$PYTHON cannot import torch and numpy (install python3-torch and python3-numpy)"
command -v node >/dev/null 2>&1 || die "node is required (it reads nsfwjs' JavaScript model bundles)"
command -v npm >/dev/null 2>&1 || die "npm is required to fetch the model packages"

echo "build_models.sh: building models into $outdir"
rm -f "$stamp_file"

fetched=$("$PYTHON" "$here/sources.py" fetch "$cache") ||
    die "fetching the model packages failed (see above)"
mapfile -t tarballs <<<"$fetched"
[ "${#tarballs[@]}" -eq 2 ] || die "expected two tarballs, got: ${tarballs[*]}"
face_tgz=${tarballs[0]}
nsfw_tgz=${tarballs[1]}
echo "build_models.sh: sources verified: $(basename "$face_tgz"), $(basename "$nsfw_tgz")"

rm -rf "$outdir"/.staging.*   # left behind by an interrupted run (we hold the lock)
staging=$(mktemp -d "$outdir/.staging.XXXXXX")
trap 'rm -rf "$staging"' EXIT

"$PYTHON" "$here/convert_face_detector.py" "$face_tgz" "$staging/face_detector" ||
    die "converting the face detector failed"
"$PYTHON" "$here/convert_moderation.py" "$nsfw_tgz" "$staging/moderation" ||
    die "converting the moderation classifier failed"
"$PYTHON" "$here/sources.py" samples "$face_tgz" "$staging/samples" ||
    die "extracting the sample photos failed"

for f in "${outputs[@]}"; do
    [ -s "$staging/$f" ] || die "conversion did not produce $f"
done

for d in face_detector moderation samples; do
    rm -rf "${outdir:?}/$d"
    mv "$staging/$d" "$outdir/$d"
done

{
    echo "$stamp"
    (cd "$outdir" && sha256sum "${outputs[@]}")
} >"$stamp_file.tmp"
mv "$stamp_file.tmp" "$stamp_file"

end=$(date +%s.%N)
echo "build_models.sh: done in $(awk "BEGIN { printf \"%.1f\", $end - $start }") s:" \
    "$outdir/{face_detector,moderation,samples}"
