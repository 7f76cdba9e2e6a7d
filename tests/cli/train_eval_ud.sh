#!/bin/sh
# dyad train and dyad eval ud end to end on the fixed EWT slice: usage errors, a
# trained model that scores its own training data well from gold tokens and from raw
# text, and clear failures on missing and corrupt models.
set -eu
. "$(dirname "$0")/lib.inc"
SLICE=tests/data/ud/en_ewt-dev-300.conllu

expect_exit 2 "$DYAD" train
grep -q "needs at least one --train file" "$ERR"
expect_exit 2 "$DYAD" train --train "$SLICE" -o "$TMP/m" --parser-epochs many
expect_exit 0 "$DYAD" train --train "$SLICE" --dev "$SLICE" -o "$TMP/m" --tagger-epochs 2 --parser-epochs 2
grep -q "parser epoch 2: .*dev UAS" "$ERR"
grep -q "wrote $TMP/m" "$ERR"

expect_exit 0 "$DYAD" eval ud --no-speed --model "$TMP/m" "$SLICE"
python3 - "$OUT" <<'PY'
import sys
rows = dict(l.split()[:2] for l in open(sys.argv[1]) if l.split() and l.split()[0] in
            ("UPOS", "XPOS", "UFeats", "AllTags", "Lemmas", "UAS", "LAS"))
assert len(rows) == 7, rows
assert float(rows["UPOS"]) > 95 and float(rows["LAS"]) > 80, rows
assert float(rows["LAS"]) <= float(rows["UAS"]), rows
PY
# Per-relation rows cover every word, and the CoNLL-U written with -o, scored
# again here, gives the UAS and LAS printed.
expect_exit 0 "$DYAD" eval ud --no-speed --by-relation -o "$TMP/sys.conllu" --model "$TMP/m" "$SLICE"
python3 - "$OUT" "$TMP/sys.conllu" "$SLICE" <<'PY'
import sys
lines = [l.split() for l in open(sys.argv[1])]
relations = [l for l in lines if len(l) == 7 and l[2].endswith("%")]
words = sum(int(l[1]) for l in relations)
def words_of(path):
    return [l.rstrip("\n").split("\t") for l in open(path)
            if l[0].isdigit() and "-" not in l.split("\t")[0] and "." not in l.split("\t")[0]]
sysw, gold = words_of(sys.argv[2]), words_of(sys.argv[3])
assert len(sysw) == len(gold) == words, (len(sysw), len(gold), words)
uas = 100 * sum(s[6] == g[6] for s, g in zip(sysw, gold)) / len(gold)
las = 100 * sum(s[6] == g[6] and s[7].split(":")[0] == g[7].split(":")[0] for s, g in zip(sysw, gold)) / len(gold)
printed = {l[0]: float(l[1]) for l in lines if len(l) == 2 and l[0] in ("UAS", "LAS")}
assert abs(printed["UAS"] - uas) < 0.006 and abs(printed["LAS"] - las) < 0.006, (printed, uas, las)
punct = [l for l in relations if l[0] == "punct"]
assert punct and 0 < float(punct[0][3]) <= 100, punct
PY
expect_exit 3 "$DYAD" eval ud --no-speed -o "$TMP/no/such/dir.conllu" --model "$TMP/m" "$SLICE"
grep -q "cannot write $TMP/no/such/dir.conllu" "$ERR"
expect_exit 0 "$DYAD" eval ud --raw --no-speed --model "$TMP/m" "$SLICE"
grep -q "^Words F1" "$OUT"
grep -q "^LAS " "$OUT"

expect_exit 3 "$DYAD" eval ud --model "$TMP/none.model" "$SLICE"
grep -q "$TMP/none.model: cannot open model file" "$ERR"
python3 -c 'import sys; b = bytearray(open(sys.argv[1], "rb").read()); b[len(b) // 2] ^= 4; open(sys.argv[2], "wb").write(b)' "$TMP/m" "$TMP/bad"
expect_exit 3 "$DYAD" eval ud --model "$TMP/bad" "$SLICE"
grep -q "checksum" "$ERR"
expect_exit 2 "$DYAD" eval ud --bogus "$SLICE"
