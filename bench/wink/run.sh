#!/bin/sh
# dyad against wink-nlp (wink-eng-lite-web-model) in one run, on the same EWT test
# sentences: words/s of each (whole command, model load included) and UPOS accuracy
# scored the same way (score_upos.py). Installs wink-nlp from npm into
# bench/wink/node_modules on first use; nothing else in dyad needs npm.
# Usage: bench/wink/run.sh [RUNS]   (from the repository root, after `make`)
set -eu
RUNS=${1:-3}
SHARED=${DYAD_SHARED:-../shared}
GOLD="$SHARED/data/ud/UD_English-EWT/en_ewt-ud-test.conllu"
[ -f "$GOLD" ] || { echo "bench: $GOLD not found (set DYAD_SHARED)"; exit 0; }
DYAD=${DYAD:-build/dyad}
HERE=bench/wink
W=bench/out/wink
mkdir -p "$W"
[ -d "$HERE/node_modules/wink-nlp" ] || (cd "$HERE" && npm install --silent --no-audit --no-fund)

python3 "$HERE/score_upos.py" --text "$GOLD" >"$W/sentences.txt"
python3 -c 'import json,sys
for i,l in enumerate(open(sys.argv[1],encoding="utf-8")):
    print(json.dumps({"id":"s%d"%i,"text":l.rstrip("\n")}))' "$W/sentences.txt" >"$W/sentences.jsonl"
words=$(grep -c '^[0-9]*	' "$GOLD")

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
secs() { s=$(date +%s.%N); "$@"; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN {print e - s}'; }

for i in $(seq "$RUNS"); do
    secs "$DYAD" code -q --tokens --text --format jsonl "$W/sentences.jsonl" -o "$W/dyad.jsonl"
done | median >"$W/dyad.secs"
for i in $(seq "$RUNS"); do
    secs node "$HERE/wink_tag.js" "$W/sentences.txt" "$W/wink-tags.jsonl" 2>/dev/null
done | median >"$W/wink.secs"

# dyad's byte offsets -> code points, one [start, end, upos] list per sentence
python3 - "$W/dyad.jsonl" "$W/dyad-tags.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        r = json.loads(line)
        raw = r["text"].encode()
        cp = lambda b: len(raw[:b].decode())
        toks = [t for s in r.get("sentences", []) for t in s["tokens"]]
        out.write(json.dumps([[cp(t["span"][0]), cp(t["span"][1]), t.get("upos")] for t in toks]) + "\n")
PY
echo "EWT test, $words words, $(date -u +%Y-%m-%d), $(nproc) cores, median of $RUNS runs"
for sys in dyad wink; do
    acc=$(python3 "$HERE/score_upos.py" "$GOLD" "$W/$sys-tags.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["upos_accuracy"])')
    s=$(cat "$W/$sys.secs")
    echo "$sys $s $acc" | awk -v w="$words" '{printf "%-5s %8.0f words/s  (%.2f s)  UPOS %.2f\n", $1, w/$2, $2, $3}'
done
awk -v a="$(cat "$W/dyad.secs")" -v b="$(cat "$W/wink.secs")" 'BEGIN {printf "dyad/wink words/s ratio: %.2f\n", b/a}'
