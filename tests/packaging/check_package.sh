#!/usr/bin/env bash
# The .deb packages as a user gets them (CTest packaging/deb): built by cpack from this build,
# then checked the way Debian checks packages and run from where they install.
#   1. lintian: 0 errors on both packages
#   2. appstreamcli validate --pedantic, desktop-file-validate, systemd-analyze verify on the
#      files inside the package; the man page renders and names every option of --help
#   3. unpacked into a temporary root (dpkg -x): the installed engine runs the installed sample
#      photos through the `default` pipeline with the installed models
#   4. as root: dpkg -i, the service user and the private engine.conf exist; dpkg --purge
#      leaves no file behind
# Usage: check_package.sh BUILD_DIR STACK_DIR   (the CTest fixture's local stack)
set -euo pipefail
build=$(cd "$1" && pwd)
eval "$("$build/src/pixelnest" local env --dir "$2")"
work=$(mktemp -d /tmp/pixelnest-package.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== cpack"
(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) ||
    { cat "$work/cpack.log" >&2; fail "cpack"; }
main=$(ls "$work"/out/pixelnest_*.deb)
models=$(ls "$work"/out/pixelnest-models_*.deb)
dpkg-deb --field "$main" Package Version Architecture Installed-Size Depends
dpkg-deb --field "$models" Package Version Architecture Installed-Size

echo "== lintian"
# As root lintian only warns that it should not be; its findings are what count.
lintian --tag-display-limit 0 --fail-on error "$main" "$models" 2>&1 | tee "$work/lintian.txt" |
    grep -v '^running with root privileges' || true
errors=$(grep -c '^E: ' "$work/lintian.txt" || true)
[ "$errors" -eq 0 ] || fail "lintian: $errors errors"
echo "lintian: 0 errors, $(grep -c '^W: ' "$work/lintian.txt" || true) warnings"

root=$work/root
dpkg -x "$main" "$root"
dpkg -x "$models" "$root"

echo "== AppStream, desktop entry, systemd unit"
appstreamcli validate --pedantic --no-net \
    "$root/usr/share/metainfo/io.pixelnest.pixelnest.metainfo.xml"
desktop-file-validate "$root/usr/share/applications/io.pixelnest.pixelnest.desktop"
unit=$root/lib/systemd/system/pixelnest-engine.service
# verify wants ExecStart's binary where the unit says: check the unit with the packaged binary's
# path rewritten to the unpacked one.
sed "s|/usr/bin/pixelnest|$root/usr/bin/pixelnest|" "$unit" >"$work/pixelnest-engine.service"
sed -i "s|EnvironmentFile=/etc|EnvironmentFile=$root/etc|" "$work/pixelnest-engine.service"
# --man=no: Documentation=man:pixelnest(1) is checked above, from the package, not here.
SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$work/pixelnest-engine.service" \
    >"$work/verify.txt" 2>&1 || { cat "$work/verify.txt" >&2; fail "systemd-analyze verify"; }
if grep -q . "$work/verify.txt"; then
    cat "$work/verify.txt" >&2
    fail "systemd-analyze verify reported problems"
fi
echo "systemd-analyze verify: clean"
[ "$(stat -c %a "$root/etc/pixelnest/engine.conf")" != "" ] || fail "no /etc/pixelnest/engine.conf"
[ ! -e "$root/usr/etc" ] || fail "files under /usr/etc"

echo "== man page"
man_page=$root/usr/share/man/man1/pixelnest.1.gz
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$man_page" 2>&1 >/dev/null || true)
[ -z "$warnings" ] || fail "man page warnings: $warnings"
page=$(zcat "$man_page")
missing=()
for option in $("$build/src/pixelnest" --help | grep -oE -- '--[a-z][a-z0-9-]+' | sort -u); do
    grep -qF -- "${option//-/\\-}" <<<"$page" || missing+=("$option")
done
((${#missing[@]} == 0)) || fail "man page lacks ${missing[*]}"
echo "man page: every option of --help is in it"
completion=$root/usr/share/bash-completion/completions/pixelnest
bash -n "$completion" || fail "the bash completion script does not parse"
grep -q 'complete -o filenames -F _pixelnest pixelnest' "$completion" ||
    fail "the bash completion script registers nothing"

echo "== the installed engine on the installed samples"
export PIXELNEST_NAMESPACE=package$$
export PIXELNEST_TORCH_MODULE=$(ls "$root"/usr/lib/*/pixelnest/libpixelnest_torch.so)
export QT_LOGGING_RULES="pixelnest.*.info=false"
installed=$root/usr/bin/pixelnest
file "$installed" | grep -q 'stripped' && ! file "$installed" | grep -q 'not stripped' ||
    fail "the packaged binary is not stripped"
scratch=package_$$
stack_postgres=$PIXELNEST_POSTGRES # the scratch database is dropped from here, not from itself
psql "$stack_postgres" -qc "CREATE DATABASE $scratch" >/dev/null
cleanup() {
    psql "$stack_postgres" -qc "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" >/dev/null 2>&1 ||
        true
    rm -rf "$work"
}
trap cleanup EXIT
export PIXELNEST_POSTGRES="${PIXELNEST_POSTGRES/dbname=pixelnest/dbname=$scratch}"
"$installed" migrate >/dev/null
"$installed" submit --pipeline default "$root/usr/share/pixelnest/samples/" >/dev/null
"$installed" --engine-only --exit-when-idle --workers 2 \
    --models "$root/usr/share/pixelnest/models" >"$work/engine.log" 2>&1 ||
    { cat "$work/engine.log" >&2; fail "the installed engine"; }
done_count=$(psql "$PIXELNEST_POSTGRES" -Atc "SELECT count(*) FROM images WHERE status = 'completed' AND result ? 'faces' AND result ? 'moderation'")
[ "$done_count" -eq 6 ] || fail "$done_count of 6 sample photos completed with faces and moderation"
echo "installed engine: 6 of 6 samples completed with the installed models"

if [ "$(id -u)" -eq 0 ] && [ -z "${PIXELNEST_PACKAGE_NO_INSTALL:-}" ]; then
    echo "== dpkg -i, dpkg --purge"
    if dpkg-query -W -f='${Status}' pixelnest 2>/dev/null | grep -q 'install ok'; then
        fail "a pixelnest package is already installed here: purge it first"
    fi
    dpkg -i "$models" "$main" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i"; }
    getent passwd pixelnest >/dev/null || { dpkg --purge pixelnest pixelnest-models; fail "no user"; }
    mode=$(stat -c '%a %U:%G' /etc/pixelnest/engine.conf)
    /usr/bin/pixelnest --version >/dev/null || { dpkg --purge pixelnest pixelnest-models; fail "installed binary"; }
    dpkg --purge pixelnest pixelnest-models >>"$work/dpkg.log" 2>&1 ||
        { cat "$work/dpkg.log" >&2; fail "dpkg --purge"; }
    [ "$mode" = "640 root:pixelnest" ] || fail "engine.conf is $mode, not 640 root:pixelnest"
    [ ! -e /usr/bin/pixelnest ] && [ ! -e /etc/pixelnest ] && [ ! -e /usr/share/pixelnest ] ||
        fail "files left after purge"
    echo "dpkg -i and dpkg --purge: fine (engine.conf $mode)"
else
    echo "== dpkg -i/--purge: needs root (CI runs as root); not run here"
fi
echo "packaging: all checks passed"
