#!/bin/sh
# Trains the shipped NER weights (data/ner/dyad-en.ner): a greedy averaged perceptron
# (tools/train-ner.c, features in src/mentions/ner.c), the weights of RUNS runs over
# differently shuffled data averaged, on
#   - UD English GUM train, whose entity annotations tools/gum-ner.py flattens to
#     PER/ORG/LOC names, and
#   - UNER English-EWT dev, joined to the UD EWT dev trees by tools/uner-conllu.py,
#     three times over (the only web-text NER data there is; UNER test is never used);
#   - with first names and their gender from GUM and EWT train (tools/first-names.py,
#     data/ner/names.tsv), which the file also carries for pronoun coreference, and
#     the gender of other first names from Faker's lists (data/ner/name-genders.tsv,
#     made by tools/name-genders.py), for coreference only.
# Usage: tools/train-ner.sh [BUILD_DIR]   (from the repository root; BUILD_DIR holds a
# built libdyad.a, default build). DYAD_SHARED defaults to ../shared. EPOCHS=3, RUNS=5.
# FOLD=K/2 trains on the other half of UNER dev only and writes $OUT (default
# /tmp/dyad-fold.ner) instead, for the held-out figures in docs/benchmarks.md
# (tools/ner-dev.sh runs both folds and scores them with `dyad eval ner`).
# NAMES_ONLY=1 keeps the shipped weights and rewrites only the file's first names (as the
# tenth stop did: a retraining with today's dictionary changes names the specs check).
set -eu
BUILD=${1:-build}
SHARED=${DYAD_SHARED:-../shared}
GUM="$SHARED/data/ud/UD_English-GUM"
EWT="$SHARED/data/ud/UD_English-EWT"
UNER="$SHARED/data/ner/UNER_English-EWT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
CFLAGS="-std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Wshadow -Iinclude -Isrc/core"
cc $CFLAGS -o "$TMP/train-ner" tools/train-ner.c "$BUILD/libdyad.a" \
    $(pkg-config --libs libxml-2.0 zlib libzstd libutf8proc libcjson) -lpthread -lm
python3 tools/gum-ner.py "$GUM/en_gum-open-train.conllu" >"$TMP/gum.conllu"
python3 tools/first-names.py "$GUM/en_gum-open-train.conllu" "$EWT/en_ewt-ud-train.conllu" \
    >data/ner/names.tsv
OUTFILE=data/ner/dyad-en.ner
if [ -n "${NAMES_ONLY:-}" ]; then
    # the shipped weights kept, the first names and genders written anew
    "$TMP/train-ner" -n data/ner/names.tsv -g data/ner/name-genders.tsv \
        --keep "$OUTFILE" -o "$TMP/names.ner"
    mv "$TMP/names.ner" "$OUTFILE"
    exit 0
fi
if [ -n "${FOLD:-}" ]; then
    k=${FOLD%/*}
    python3 tools/uner-conllu.py "$UNER/en_ewt-ud-dev.iob2" "$EWT/en_ewt-ud-dev.conllu" \
        --part "$((1 - k))/2" >"$TMP/uner.conllu"
    python3 tools/uner-conllu.py "$UNER/en_ewt-ud-dev.iob2" "$EWT/en_ewt-ud-dev.conllu" \
        --part "$k/2" >"$TMP/held.conllu"
    OUTFILE=${OUT:-/tmp/dyad-fold.ner}
    DEV="--dev $TMP/held.conllu"
else
    python3 tools/uner-conllu.py "$UNER/en_ewt-ud-dev.iob2" "$EWT/en_ewt-ud-dev.conllu" \
        >"$TMP/uner.conllu"
    DEV=
fi
"$TMP/train-ner" -d data/actors/actors.dict -n data/ner/names.tsv \
    -g data/ner/name-genders.tsv -o "$OUTFILE" \
    -e "${EPOCHS:-3}" -r "${RUNS:-5}" $DEV \
    "$TMP/gum.conllu" "$TMP/uner.conllu" "$TMP/uner.conllu" "$TMP/uner.conllu"
