#!/bin/sh
# Date recall on the Wikinews gold sample, and every date found with its context
# for a precision check by eye.
# Usage: bench/dates-recall.sh [BUILD_DIR]   (from the repository root, after `make`)
# Prints score.py's date_recall; writes all dates to bench/out/dates-found.txt
# ("id article-date value | context [[date text]] context") and 50 sampled lines
# (fixed seed) to bench/out/dates-sample.txt.
set -eu
BUILD=${1:-build}
SHARED=${DYAD_SHARED:-../shared}
ART="$SHARED/data/news/wikinews/articles"
GOLD="$SHARED/data/gold/wikinews-dev.jsonl"
[ -d "$ART" ] && [ -f "$GOLD" ] || { echo "dates-recall: $ART or $GOLD not found (set DYAD_SHARED)"; exit 0; }
mkdir -p bench/out
OUT=bench/out/dates-out.jsonl
"$BUILD/dyad" code --no-model --text "$ART" > "$OUT"
python3 "$SHARED/tools/score.py" "$GOLD" "$OUT" | grep date_recall
python3 - "$OUT" bench/out/dates-found.txt bench/out/dates-sample.txt <<'PY'
import json, random, sys
lines = []
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    tb = d.get("text", "").encode()
    for x in d.get("dates") or []:
        s, e = x["span"]
        ctx = (tb[max(0, s - 60):s].decode(errors="replace") + "[[" + tb[s:e].decode() + "]]"
               + tb[e:e + 40].decode(errors="replace")).replace("\n", " / ")
        lines.append(f'{d["id"]} {d.get("date")} {x["value"]} | {ctx}')
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines) + "\n")
random.seed(7)
sample = random.sample(lines, min(50, len(lines)))
open(sys.argv[3], "w", encoding="utf-8").write("\n".join(sample) + "\n")
print(f"dates found: {len(lines)} in {sum(1 for _ in open(sys.argv[1]))} documents; "
      f"sample of {len(sample)} in {sys.argv[3]}")
PY
