#!/bin/sh
# Whole-pipeline throughput (read, tokenize, tag, parse, mentions, quotes, dates,
# events, JSON out) on the 295 Wikinews articles repeated 10 times, on one core and
# with --threads 2, against the same run without the event stage (--no-events) and
# the tagger+parser alone; median of RUNS runs; sentences/s, tokens/s, MB/s, peak RSS.
# Usage: bench/events.sh [RUNS]   (from the repository root, after `make`)
set -eu
RUNS=${1:-3}
. bench/wikinews.inc
W=bench/out
mkdir -p "$W"
CORPUS="$W/wikinews-x10.jsonl"
python3 bench/wikinews-jsonl.py "$ART" "$CORPUS" --copies 10
MB=$(du -m "$CORPUS" | cut -f1)
# one run: prints seconds, sentences, tokens, peak KiB
run() {
    /usr/bin/time -f '%e %M' -o "$W/time" "$@" --stats -o /dev/null "$CORPUS" 2>"$W/stats"
    secs=$(cut -d' ' -f1 "$W/time"); kib=$(cut -d' ' -f2 "$W/time")
    sents=$(grep -o '[0-9]* sentences' "$W/stats" | head -1 | cut -d' ' -f1)
    toks=$(grep -o '[0-9]* tokens' "$W/stats" | head -1 | cut -d' ' -f1)
    echo "$secs $sents $toks $kib"
}
measure() { # measure LABEL CMD...
    label=$1; shift
    : >"$W/runs"
    i=0
    while [ $i -lt "$RUNS" ]; do run "$@" >>"$W/runs"; i=$((i + 1)); done
    secs=$(cut -d' ' -f1 "$W/runs" | median)
    set -- $(head -1 "$W/runs")
    kib=$(cut -d' ' -f4 "$W/runs" | sort -n | tail -1)
    awk -v l="$label" -v s="$secs" -v n="$2" -v t="$3" -v k="$kib" -v mb="$MB" 'BEGIN {
        printf "%-34s %7.2f s %9.0f sentences/s %9.0f tokens/s %6.2f MB/s %5.0f MiB peak\n",
               l, s, n / s, t / s, mb / s, k / 1024 }'
}
echo "corpus: $CORPUS ($MB MB, 2950 articles), median of $RUNS runs"
measure "events, 1 core"          taskset -c 0 "$DYAD" code
measure "events, --threads 2"     "$DYAD" code --threads 2
measure "no events, 1 core"       taskset -c 0 "$DYAD" code --no-events
