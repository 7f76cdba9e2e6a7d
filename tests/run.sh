#!/bin/sh
# Runs the unit and spec tests, then every CLI test script, against one build dir.
# Usage: tests/run.sh BUILD_DIR   (from the repository root)
set -u
BUILD=${1:-build}
cd "$(dirname "$0")/.."
: "${DYAD_SHARED:=$(cd .. && pwd)/shared}"
export DYAD_SHARED
export DYAD="$PWD/$BUILD/dyad"
status=0
"$BUILD/test-runner" || status=1
for t in tests/cli/*.sh; do
    [ -e "$t" ] || continue
    if sh "$t" >"/tmp/dyad-test.$$" 2>&1; then
        echo "ok   $t"
    else
        echo "FAIL $t"; sed 's/^/    /' "/tmp/dyad-test.$$"; status=1
    fi
done
rm -f "/tmp/dyad-test.$$"
[ $status -eq 0 ] && echo "tests/run.sh: all passed ($BUILD)" || echo "tests/run.sh: FAILURES ($BUILD)"
exit $status
