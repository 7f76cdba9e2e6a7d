# Shared helpers for CLI tests: temp files and exit-status checks.
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
OUT="$TMP/out"
ERR="$TMP/err"
: "${DYAD:?DYAD must point at the dyad binary}"

# expect_exit CODE CMD...: runs CMD with stderr in $ERR and checks its exit status.
expect_exit() {
    want=$1; shift
    set +e
    "$@" >"$OUT" 2>"$ERR"
    got=$?
    set -e
    if [ "$got" -ne "$want" ]; then
        echo "expected exit $want, got $got: $*"; cat "$ERR"; exit 1
    fi
}
