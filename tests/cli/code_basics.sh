#!/bin/sh
# dyad code: help, version, usage errors, stdin, JSON validity, order under --threads.
set -eu
. "$(dirname "$0")/lib.inc"

"$DYAD" --version | grep -q '^dyad [0-9]'
"$DYAD" --help | grep -q 'usage: dyad COMMAND'
"$DYAD" help code | grep -q -- '--threads N'
"$DYAD" code --help | grep -q -- '--format FMT'
expect_exit 2 "$DYAD" nosuchcommand
expect_exit 2 "$DYAD" code --threads 0 examples
expect_exit 2 "$DYAD" code --format docx examples
expect_exit 2 "$DYAD" code --bogus
grep -q "unknown option '--bogus'" "$ERR"

# stdin, dated format: fields and offsets
printf 'date 2024-01-26 Talks stall\n\nThe Kremlin denied it. Kyiv rejected the plan.\n' |
    "$DYAD" code --no-model --tokens --text >"$OUT"
python3 - "$OUT" <<'PY'
import json, sys
rec = json.loads(open(sys.argv[1]).read())
assert rec["id"] == "-" or rec["source"] == "-", rec
assert rec["date"] == "2024-01-26" and rec["title"] == "Talks stall", rec
assert rec["text"].startswith("Talks stall\n\nThe Kremlin"), rec["text"]
b = rec["text"].encode()
for s in rec["sentences"]:
    for t in s["tokens"]:
        assert b[t["span"][0]:t["span"][1]].decode() == t["text"], t
assert [t["text"] for t in rec["sentences"][1]["tokens"]] == ["The", "Kremlin", "denied", "it", "."]
assert rec["stats"]["sentences"] == 3 and rec["errors"] == []
PY

# every example gives one valid record; --threads 2 gives the same bytes in the same order
"$DYAD" code --no-model --tokens examples >"$OUT"
"$DYAD" code --no-model --tokens --threads 2 examples >"$OUT.2"
cmp "$OUT" "$OUT.2"
python3 -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert len(r)==7, len(r); assert all(x["stats"]["tokens"]>100 for x in r)' "$OUT"

# compressed inputs, by extension and on stdin, give the same record as the plain file
cp examples/wikinews/104.txt "$TMP/104.txt"
gzip -k "$TMP/104.txt"
"$DYAD" code --no-model "$TMP/104.txt" >"$TMP/plain.jsonl"
"$DYAD" code --no-model "$TMP/104.txt.gz" >"$TMP/gz.jsonl"
python3 -c 'import json,sys
a,b=(json.load(open(f)) for f in sys.argv[1:])
assert a.pop("source").endswith("104.txt") and b.pop("source").endswith("104.txt.gz")
assert a == b' "$TMP/plain.jsonl" "$TMP/gz.jsonl"
gzip -c "$TMP/104.txt" | "$DYAD" code --no-model | grep -q '"date":"2019-09-12","title":"US president Trump ousts national security advisor Bolton"'

# an undated plain-text document with a relative date: a warning, not an error (exit 0)
printf 'The minister resigned yesterday after talks in Vienna on March 3, 2021.\n' >"$TMP/undated.txt"
expect_exit 0 "$DYAD" code --no-model "$TMP/undated.txt"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))
assert r["date"] is None and r["format"] == "text", r
assert [d["value"] for d in r["dates"]] == ["2021-03-03"], r["dates"]
assert [(e["code"], e.get("severity")) for e in r["errors"]] == [("no_article_date", "warning")], r["errors"]' "$OUT"
grep -q 'undated.txt \[undated\]: warning: no_article_date' "$ERR"

# with the shipped tagger and parser: threads share the model and keep the order
"$DYAD" code --tokens examples >"$TMP/m1.jsonl"
"$DYAD" code --tokens --threads 2 examples >"$TMP/m2.jsonl"
cmp "$TMP/m1.jsonl" "$TMP/m2.jsonl"
python3 -c 'import json,sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    for s in r["sentences"]:
        heads = [t["head"] for t in s["tokens"]]
        assert heads.count(-1) == 1, (r["id"], heads)  # one root per sentence
        assert all(t["upos"] and t["deprel"] for t in s["tokens"])' "$TMP/m1.jsonl"

# --input-format lines: one document per non-blank line, ids FILE:LINE, events coded
printf 'Russia launches massive drone attack on Kyiv\n\nGermany expels Russian diplomats over spying case\n' >"$TMP/heads.txt"
"$DYAD" code --input-format lines "$TMP/heads.txt" >"$OUT"
python3 - "$OUT" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert [r["id"] for r in recs] == ["heads:1", "heads:3"], [r["id"] for r in recs]
assert all(r["format"] == "lines" for r in recs), recs
codes = [[(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in r["events"]] for r in recs]
assert ("RUS", "UKR", "190") in codes[0], codes
assert ("DEU", "RUSGOV", "174") in codes[1], codes
PY
expect_exit 2 "$DYAD" code --input-format xml "$TMP/heads.txt"
grep -q "input: auto, dated, jsonl, text, html, lines" "$ERR"
