#!/bin/sh
# Throughput of the pipeline up to mentions and dates against tagger + parser alone
# (issue 4 target: ratio >= 0.5), CPU time on one core, median of RUNS (default 3).
# Usage: bench/actors.sh [BUILD_DIR] [RUNS]   (from the repository root, after
# `make BUILD=BUILD_DIR`). Articles: $DYAD_SHARED/data/news/wikinews/articles (../shared).
set -eu
BUILD=${1:-build}
RUNS=${2:-3}
SHARED=${DYAD_SHARED:-../shared}
ART="$SHARED/data/news/wikinews/articles"
[ -d "$ART" ] || { echo "actors.sh: $ART not found (set DYAD_SHARED)"; exit 0; }
cc -std=c11 -D_GNU_SOURCE -O2 -Iinclude -Isrc/core bench/bench_actors.c "$BUILD/libdyad.a" \
    $(pkg-config --libs libxml-2.0 zlib libzstd libutf8proc libcjson) -lpthread -lm \
    -o "$BUILD/bench-actors"
i=0
while [ $i -lt "$RUNS" ]; do
    taskset -c 0 "$BUILD/bench-actors" data/model/dyad-en.model data/actors/actors.dict \
        data/ner/dyad-en.ner "$ART" 1 | tee "/tmp/dyad-actors-bench.$$.$i"
    i=$((i + 1))
done
echo "median ratio: $(grep -h '^ratio' /tmp/dyad-actors-bench.$$.* | awk '{print $NF}' | sort -n |
    awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')"
rm -f /tmp/dyad-actors-bench.$$.*
