#!/usr/bin/env bash
# The include-direction check must fail on each kind of wrong arrow (a check that cannot fail
# is no check): plants one at a time in a scratch tree and expects exit 1 naming the file.
set -u
check="$(dirname "$0")/check_include_direction.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0

expect() { # expect 0|1 DESCRIPTION FILE CONTENT
    rm -rf "$scratch/tree" && mkdir -p "$scratch/tree/engine/model" "$scratch/tree/ui/core"
    echo '#include "pixelnest/result.h"' >"$scratch/tree/engine/model/ok.h"
    mkdir -p "$(dirname "$scratch/tree/$3")" && printf '%s\n' "$4" >"$scratch/tree/$3"
    output=$("$check" "$scratch/tree" 2>&1)
    status=$?
    if [ "$status" -ne "$1" ]; then
        echo "FAIL: $2: exit $status, expected $1: $output"
        failures=$((failures + 1))
    elif [ "$1" -eq 1 ] && ! grep -qF "$3" <<<"$output"; then
        echo "FAIL: $2: the report does not name $3: $output"
        failures=$((failures + 1))
    else
        echo "ok: $2"
    fi
}

expect 0 "a downward include" engine/runtime/a.cpp '#include "store/jobstore.h"'
expect 1 "an upward include" engine/store/a.cpp '#include "runtime/engine.h"'
expect 1 "queue and store side by side" engine/store/a.h '#include "queue/jobqueue.h"'
expect 1 "store and queue side by side" engine/queue/a.h '#include "store/jobstore.h"'
expect 1 "pipeline reaching into infer" engine/pipeline/a.cpp '#include "infer/modelstage.h"'
expect 1 "a public header reaching inside" engine/include/pixelnest/a.h '#include "store/x.h"'
expect 1 "a folder outside the order" engine/misc/a.cpp '#include "model/ok.h"'
expect 1 "widgets in the engine" engine/admin/a.cpp '#include <QWidget>'
expect 1 "ui reaching into the engine" ui/core/a.cpp '#include "model/ok.h"'
expect 1 "ui including libpq" ui/core/b.cpp '#include <libpq-fe.h>'

echo "$((10 - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
