#!/bin/sh
# Held-out NER figures on UNER English-EWT dev, 2-fold by document: for K = 0 and 1,
# tools/train-ner.sh FOLD=K/2 trains on GUM + the other half of dev, `dyad eval ner`
# scores the pipeline with those weights on half K, and the counts of both halves are
# summed. UNER test is not touched. Environment as for tools/train-ner.sh (EPOCHS...).
# Usage: tools/ner-dev.sh [BUILD_DIR]   (from the repository root)
set -eu
BUILD=${1:-build}
SHARED=${DYAD_SHARED:-../shared}
UNER="$SHARED/data/ner/UNER_English-EWT/en_ewt-ud-dev.iob2"
EWT="$SHARED/data/ud/UD_English-EWT/en_ewt-ud-dev.conllu"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for k in 0 1; do
    FOLD=$k/2 OUT="$TMP/fold$k.ner" sh tools/train-ner.sh "$BUILD" 2>"$TMP/train$k.log"
    grep -E 'held|all runs' "$TMP/train$k.log" | tail -1 | sed "s/^/fold $k: /" >&2
    python3 tools/uner-conllu.py "$UNER" "$EWT" --part "$k/2" 2>/dev/null >"$TMP/held$k.conllu"
    python3 tools/ner-part.py "$UNER" "$TMP/held$k.conllu" >"$TMP/held$k.iob2"
    DYAD_SHARED="$SHARED" "$BUILD/dyad" eval ner -v --ner "$TMP/fold$k.ner" "$TMP/held$k.iob2" \
        >"$TMP/eval$k.txt"
    grep -E '^(type|PER|ORG|LOC|overall) ' "$TMP/eval$k.txt" | sed "s/^/fold $k: /" >&2
done
# Counts of both halves: gold from the tables, misses and spurious names from -v.
awk '$1 ~ /^(PER|ORG|LOC)$/ && NF == 5 { NG[$1] += $5; NG["overall"] += $5 }
     $1 == "missed" { MISS[$2]++; MISS["overall"]++ }
     $1 == "spurious" { SPUR[$2]++; SPUR["overall"]++ }
     END { printf "%-8s %9s %9s %9s %8s\n", "2-fold", "precision", "recall", "F1", "gold"
           split("PER ORG LOC overall", order, " ")
           for (i = 1; i <= 4; i++) {
               t = order[i]; tp = NG[t] - MISS[t]; np = tp + SPUR[t]
               p = np ? 100 * tp / np : 0; r = NG[t] ? 100 * tp / NG[t] : 0
               printf "%-8s %9.2f %9.2f %9.2f %8d\n", t, p, r, p + r ? 2 * p * r / (p + r) : 0,
                   NG[t]
           } }' "$TMP/eval0.txt" "$TMP/eval1.txt"
