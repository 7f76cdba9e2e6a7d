#!/bin/sh
# dyad eval ner: a floor on held-out UNER English-EWT test (never used for
# training or tuning), and pronoun/title coreference in dyad code's JSON.
set -eu
. "$(dirname "$0")/lib.inc"

printf 'date 2024-01-26 Talks\n\nKremlin spokesman Dmitry Peskov denied it. He said the spokesman of NATO lied. The spokesman added more.\n' |
    "$DYAD" code >"$OUT"
python3 - "$OUT" <<'PY'
import json, sys
rec = json.loads(open(sys.argv[1]).read())
acts = rec["actors"]
refs = [(a["text"], a.get("form"), a.get("refers_to"), a["code"]) for a in acts if "refers_to" in a]
assert ("He", "pronoun", 0, "RUSGOV") in refs, acts
assert ("The spokesman", "title", 0, "RUSGOV") in refs, acts
assert "form" not in acts[0] and "refers_to" not in acts[0], acts[0]
PY

TEST="$DYAD_SHARED/data/ner/UNER_English-EWT/en_ewt-ud-test.iob2"
if [ ! -r "$TEST" ]; then
    echo "skipped: NER floor ($TEST not found; set DYAD_SHARED)"
    exit 0
fi
# The whole test file (2,077 sentences, under a second); floor about a point under the
# measured value (docs/benchmarks.md).
"$DYAD" eval ner "$TEST" >"$OUT"
f1=$(awk '$1 == "overall" {print $4}' "$OUT")
python3 -c "import sys; f = float('$f1'); print('NER slice F1', f); sys.exit(0 if f >= 62.0 else 1)" ||
    { cat "$OUT"; exit 1; }
