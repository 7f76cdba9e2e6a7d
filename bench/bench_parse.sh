#!/bin/sh
# Accuracy and speed of the shipped tagger + parser: EWT and GUM test sets, from
# gold tokenization and from raw text (dyad eval ud), on one core.
# Usage: bench/bench_parse.sh [MODEL]   (from the repository root, after `make`)
set -eu
SHARED=${DYAD_SHARED:-../shared}
UD="$SHARED/data/ud"
[ -d "$UD" ] || { echo "bench: $UD not found (set DYAD_SHARED)"; exit 0; }
DYAD=${DYAD:-build/dyad}
MODEL=${1:-data/model/dyad-en.model}
for tb in UD_English-EWT/en_ewt-ud-test.conllu UD_English-GUM/en_gum-ud-test.conllu; do
    echo "== $tb, gold tokenization"
    taskset -c 0 "$DYAD" eval ud --model "$MODEL" "$UD/$tb"
    echo "== $tb, raw text"
    taskset -c 0 "$DYAD" eval ud --raw --model "$MODEL" "$UD/$tb"
done
