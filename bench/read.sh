#!/bin/sh
# Reader and normaliser throughput on the Wikinews articles: dyad_doc_set_text alone,
# the reader over the 295 files (20 passes), and a ~100 MB JSONL made from them.
# Usage: bench/read.sh [BUILD_DIR]   (from the repository root; default build-reader)
# Needs ../shared (DYAD_SHARED); one core; the JSONL file goes to a temp dir.
set -eu
BUILD=${1:-build-reader}
SHARED=${DYAD_SHARED:-../shared}
ARTICLES="$SHARED/data/news/wikinews/articles"
[ -d "$ARTICLES" ] || { echo "bench/read.sh: $ARTICLES not found (set DYAD_SHARED)" >&2; exit 1; }
make -s BUILD="$BUILD" "$BUILD/libdyad.a"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cc -O2 -D_GNU_SOURCE -Iinclude bench/bench_read.c "$BUILD/libdyad.a" \
   $(pkg-config --libs libxml-2.0 zlib libzstd libutf8proc libcjson) -lpthread -lm -o "$TMP/bench_read"
"$TMP/bench_read" norm "$ARTICLES"
"$TMP/bench_read" files "$ARTICLES"
"$TMP/bench_read" mkjsonl "$ARTICLES" "$TMP/w.jsonl" 100
"$TMP/bench_read" jsonl "$TMP/w.jsonl"
"$TMP/bench_read" jsonl "$TMP/w.jsonl" tokenize
gzip -1 -c "$TMP/w.jsonl" > "$TMP/w.jsonl.gz"
"$TMP/bench_read" jsonl "$TMP/w.jsonl.gz"
zstd -q -3 "$TMP/w.jsonl" -o "$TMP/w.jsonl.zst"
"$TMP/bench_read" jsonl "$TMP/w.jsonl.zst"
