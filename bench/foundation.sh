#!/bin/sh
# Throughput and peak memory of `dyad code` on the Wikinews articles repeated to
# ~25 and ~100 MB of JSONL: without the model (read, normalise, tokenize, split,
# dates, JSON out), then the whole pipeline with the tagger and parser.
# (bench/bench_tokenize.c times read + normalise + tokenize + split alone.)
# Usage: bench/foundation.sh [RUNS]   (from the repository root, after `make`)
# Prints the median of RUNS runs (default 5) and the peak RSS at 25 and 100 MB, to
# show that memory does not grow with the input.
set -eu
RUNS=${1:-5}
. bench/wikinews.inc
W=bench/out
mkdir -p "$W"

# Corpus: every article as one JSONL record, repeated with fresh ids up to the size.
for mb in 25 100; do
    python3 bench/wikinews-jsonl.py "$ART" "$W/wikinews-${mb}mb.jsonl" --mb "$mb"
done


# run LABEL FILE ARGS...: median wall time over RUNS, MB/s, sentences/s, tokens/s, peak RSS.
run() {
    label=$1; file=$2; shift 2
    bytes=$(wc -c <"$file")
    for i in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$W/time" "$DYAD" code --stats -q "$@" "$file" >/dev/null 2>"$W/err" || true
        tail -1 "$W/time"  # time prints a status line first when the exit code is not 0
    done >"$W/times"
    secs=$(cut -d' ' -f1 "$W/times" | median)
    rss=$(cut -d' ' -f2 "$W/times" | median)
    counts=$(tail -1 "$W/err" | sed -E 's/.* ([0-9]+) sentences .* ([0-9]+) tokens .*/\1 \2/')
    awk -v l="$label" -v b="$bytes" -v s="$secs" -v r="$rss" -v c="$counts" 'BEGIN {
        split(c, n, " ")
        printf "%-34s %6.1f MB %6.2f s %6.1f MB/s %8.0f sent/s %9.0f tok/s  RSS %5.1f MB\n",
               l, b/1e6, s, b/1e6/s, n[1]/s, n[2]/s, r/1024 }'
}

echo "dyad $("$DYAD" --version | cut -d' ' -f2), $(nproc) cores, $(date -u +%Y-%m-%d), median of $RUNS runs"
run "--no-model, 25 MB" "$W/wikinews-25mb.jsonl" --no-model
run "--no-model, 100 MB" "$W/wikinews-100mb.jsonl" --no-model
run "--no-model, 100 MB, --threads 2" "$W/wikinews-100mb.jsonl" --no-model --threads 2
if [ -f data/model/dyad-en.model ]; then
    run "tagger+parser, 25 MB" "$W/wikinews-25mb.jsonl"
    run "tagger+parser, 25 MB, --threads 2" "$W/wikinews-25mb.jsonl" --threads 2
fi
