#!/bin/sh
# dyad code on the Wikinews gold sample: quote F1 and speaker accuracy stay above floors
# a little below what the quote stage reaches (see docs/benchmarks.md).
set -eu
. "$(dirname "$0")/lib.inc"

GOLD="${DYAD_SHARED:-}/data/gold/wikinews-dev.jsonl"
ARTICLES="${DYAD_SHARED:-}/data/news/wikinews/articles"
SCORE="${DYAD_SHARED:-}/tools/score.py"
if [ -z "${DYAD_SHARED:-}" ] || [ ! -r "$GOLD" ] || [ ! -d "$ARTICLES" ] || [ ! -r "$SCORE" ]; then
    echo "skipped: shared gold data not found (set DYAD_SHARED)"
    exit 0
fi
# The gold names its articles by file ("012.txt"); dyad ids them by stem.
python3 -c 'import json,sys
for l in open(sys.argv[1]):
    l = l.strip()
    if l: print(json.loads(l)["file"])' "$GOLD" | while read -r f; do
    echo "$ARTICLES/$f"
done >"$TMP/files"
# shellcheck disable=SC2046
"$DYAD" code $(cat "$TMP/files") >"$TMP/out.jsonl"
python3 "$SCORE" "$GOLD" "$TMP/out.jsonl" --json >"$TMP/score.json"
python3 - "$TMP/score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["docs_missing"] == 0, s
assert s["quote_f1"] >= 0.85, s
assert s["quote_precision"] >= 0.87, s
assert s["speaker_accuracy"] >= 0.89, s
PY
