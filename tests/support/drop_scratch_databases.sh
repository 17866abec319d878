#!/bin/sh
# The last step of every ctest run before the stack stops: drops every scratch database (t_…,
# teststack.cpp) left on the test stack. A test process drops its own when it exits; one that
# crashed or timed out leaves them, and a stack reused run after run kept them all (27 GB).
# Usage: drop_scratch_databases.sh PIXELNEST_BINARY STACK_DIR
set -eu
eval "$("$1" local env --dir "$2")"
# -X: a developer's ~/.psqlrc (AUTOCOMMIT off, say) must not apply; DROP DATABASE needs autocommit.
printf '%s\n' "SELECT format('DROP DATABASE %I WITH (FORCE)', datname) FROM pg_database
    WHERE datname LIKE 't\_%' \gexec" |
    psql -X "$PIXELNEST_POSTGRES" -q -v ON_ERROR_STOP=1
