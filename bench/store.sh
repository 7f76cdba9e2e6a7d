#!/bin/sh
# The event store at scale: ingest rate (documents/s, events/s) and store size on the
# coded Wikinews articles repeated to 100,300 documents with 10 events each (1,003,000
# events: the coder's own, topped up with synthetic copies, see bench/store-gen.py),
# then the latency of each kind of query (median and p95 of RUNS runs).
# Usage: bench/store.sh [RUNS] (from the repository root; DYAD=build-dir/dyad to pick a build)
set -eu
RUNS=${1:-21}
. bench/wikinews.inc
W=bench/out/store
DOCS=${DOCS:-100300}
mkdir -p "$W"

# 1. code the 295 articles once, with the model (their text kept for full-text search)
if [ ! -s "$W/wikinews-coded.jsonl" ]; then
    nice "$DYAD" code --text --threads 2 -q --stats "$ART" >"$W/wikinews-coded.jsonl"
fi
python3 -c 'import json,sys
r=[json.loads(l) for l in open(sys.argv[1])]
print("coded: %d documents, %d events, %d quotes, %d actors" % (len(r), sum(len(x.get("events",[])) for x in r),
      sum(len(x.get("quotes",[])) for x in r), sum(len(x.get("actors",[])) for x in r)))' "$W/wikinews-coded.jsonl"

# 2. the benchmark corpus
if [ ! -s "$W/bench.jsonl" ]; then
    python3 bench/store-gen.py "$W/wikinews-coded.jsonl" data/events/cameo.tsv "$DOCS" 10 "$W/bench.jsonl"
fi
ls -l "$W/bench.jsonl"

# 3. ingest into a new store, then again (every document unchanged)
rm -f "$W/bench.db" "$W/bench.db-wal" "$W/bench.db-shm"
nice "$DYAD" ingest --db "$W/bench.db" "$W/bench.jsonl"
nice "$DYAD" ingest --db "$W/bench.db" "$W/bench.jsonl"
bytes=$(stat -c %s "$W/bench.db")
echo "store: $bytes bytes, $(python3 -c "print(round($bytes / ($DOCS / 1000) / 1e6, 2))") MB per 1,000 documents"
python3 - "$W/bench.db" <<'PY'
import sqlite3, sys  # where the bytes go (SQLite's dbstat table)
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
total, groups = sum(b for _, b in rows), {}
for name, b in rows:
    key = name.split("_")[0] + "_fts" if "_fts" in name else name
    groups[key] = groups.get(key, 0) + b
print(", ".join(f"{k} {100 * b / total:.1f}%" for k, b in sorted(groups.items(), key=lambda x: -x[1])[:12]))
PY

# 4. coding on the way in: the 295 articles through the whole pipeline
rm -f "$W/articles.db"*
nice "$DYAD" ingest --db "$W/articles.db" "$ART"

# 5. query latency
nice python3 bench/store-latency.py "$DYAD" "$W/bench.db" "$RUNS"
