#!/bin/sh
# dyad code: "actors" and "country" with the shipped model and dictionary, neither with
# --no-model; eval ner runs.
set -eu
. "$(dirname "$0")/lib.inc"

printf 'date 2024-01-26 Talks\n\nKremlin spokesman Dmitry Peskov denied it. Peskov said Kyiv lied.\n' |
    "$DYAD" code >"$OUT"
python3 - "$OUT" <<'PY'
import json, sys
rec = json.loads(open(sys.argv[1]).read())
text = ("Talks\n\n" "Kremlin spokesman Dmitry Peskov denied it. Peskov said Kyiv lied.").encode()
got = [(a["text"], a["name"], a["type"], a["code"]) for a in rec["actors"]]
assert got == [("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "person", "RUSGOV"),
               ("Peskov", "Dmitry Peskov", "person", "RUSGOV"),
               ("Kyiv", "Kyiv", "place", "UKRGOV")], got
for a in rec["actors"]:
    assert text[a["span"][0]:a["span"][1]].decode() == a["text"], a
assert rec["country"] == "RUS", rec["country"]  # Peskov twice, Kyiv once
PY
# the story's country from its nationality words when its names settle none; else null
printf 'Kenyan police arrested two men. The Kenyan president spoke.\n' | "$DYAD" code |
    python3 -c 'import json,sys; r = json.load(sys.stdin); assert r["country"] == "KEN", r["country"]'
printf 'Police arrested two men.\n' | "$DYAD" code |
    python3 -c 'import json,sys; r = json.load(sys.stdin); assert r["country"] is None, r["country"]'
printf 'Dmitry Peskov denied it.\n' | "$DYAD" code --no-model | python3 -c 'import json,sys; r = json.load(sys.stdin); assert "actors" not in r and "country" not in r'
"$DYAD" eval --help | grep -q 'ner'
if [ -r "$DYAD_SHARED/data/ner/UNER_English-EWT/en_ewt-ud-dev.iob2" ]; then
    head -200 "$DYAD_SHARED/data/ner/UNER_English-EWT/en_ewt-ud-dev.iob2" >"$TMP/small.iob2"
    "$DYAD" eval ner "$TMP/small.iob2" | grep -q '^overall'
fi
