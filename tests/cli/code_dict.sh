#!/bin/sh
# dyad code --dict DIR: user actor and agent files merged over the shipped dictionary;
# malformed lines counted on stderr; a missing directory is an error.
set -eu
. "$(dirname "$0")/lib.inc"
DICT="$(dirname "$0")/../data/dict"

printf 'date 2024-01-26 Talks\n\nZorba Quillfeather met Dmitry Peskov and Teapot Warden Ann Rook.\n' >"$TMP/a.txt"
"$DYAD" code "$TMP/a.txt" >"$OUT"
"$DYAD" code --dict "$DICT" "$TMP/a.txt" >"$TMP/dict.json" 2>"$ERR"
python3 - "$OUT" "$TMP/dict.json" <<'PY'
import json, sys
plain = json.loads(open(sys.argv[1]).read())
user = json.loads(open(sys.argv[2]).read())
codes = lambda rec: [(a["name"], a["code"]) for a in rec["actors"] if a["type"] == "person"]
assert ("Dmitry Peskov", "RUSGOV") in codes(plain), codes(plain)
assert ("Zorba Quillfeather", "FRAGOV") in codes(user), codes(user)
assert ("Dmitry Peskov", "UKRMED") in codes(user), codes(user)
assert ("Ann Rook", "JUD") in codes(user), codes(user)
PY
grep -q 'dyad code: --dict .*: 2 malformed lines skipped' "$ERR" || { cat "$ERR"; exit 1; }
grep -q 'test.actors:8' "$ERR" || { cat "$ERR"; exit 1; }
expect_exit 3 "$DYAD" code --dict "$TMP/no-such-dir" "$TMP/a.txt"
grep -q 'no-such-dir' "$ERR"
"$DYAD" code --help 2>&1 | grep -q -- '--dict DIR'
