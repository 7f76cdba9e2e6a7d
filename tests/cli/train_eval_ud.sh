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
expect_exit 0 "$DYAD" eval ud --raw --no-speed --model "$TMP/m" "$SLICE"
grep -q "^Words F1" "$OUT"
grep -q "^LAS " "$OUT"

expect_exit 3 "$DYAD" eval ud --model "$TMP/none.model" "$SLICE"
grep -q "$TMP/none.model: cannot open model file" "$ERR"
python3 -c 'import sys; b = bytearray(open(sys.argv[1], "rb").read()); b[len(b) // 2] ^= 4; open(sys.argv[2], "wb").write(b)' "$TMP/m" "$TMP/bad"
expect_exit 3 "$DYAD" eval ud --model "$TMP/bad" "$SLICE"
grep -q "checksum" "$ERR"
expect_exit 2 "$DYAD" eval ud --bogus "$SLICE"
