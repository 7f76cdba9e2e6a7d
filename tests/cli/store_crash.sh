#!/bin/sh
# Crash safety: dyad ingest killed with SIGKILL in the middle of a transaction leaves
# a consistent store holding exactly the committed batches, and a rerun finishes the
# job without duplicates. Once at a fixed point (a test hook raises SIGKILL after N
# documents), once from outside at whatever point the kill lands.
set -eu
. "$(dirname "$0")/lib.inc"
S=tests/data/store
BIG="$TMP/big.jsonl"
check() { python3 "$S/check_store.py" "$@"; }
# 1,000 copies of the corpus under new ids: 6,000 documents, 16,000 events
python3 - "$S/corpus.jsonl" "$BIG" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
with open(sys.argv[2], "w") as f:
    for k in range(1000):
        for r in recs:
            f.write(json.dumps(dict(r, id=f"{r['id']}-{k:04d}"), ensure_ascii=False) + "\n")
PY

# 1. killed after 1,234 documents with batches of 500: the first 1,000 are there
set +e
DYAD_INGEST_CRASH_AFTER=1234 "$DYAD" ingest -q --batch 500 --db "$TMP/a.db" "$BIG"
rc=$?
set -e
[ "$rc" -eq 137 ] || { echo "expected death by SIGKILL (137), got $rc"; exit 1; }
[ "$(check "$TMP/a.db" "$BIG")" = "documents=1000 events=2669" ]
expect_exit 0 "$DYAD" ingest --batch 500 --db "$TMP/a.db" "$BIG"
grep -q '6000 documents (5000 new, 0 replaced, 1000 unchanged, 0 skipped)' "$ERR"
[ "$(check "$TMP/a.db" "$BIG")" = "documents=6000 events=16000" ]

# 2. killed from outside as soon as a first batch is committed, wherever it is then
"$DYAD" ingest -q --batch 100 --db "$TMP/b.db" "$BIG" &
pid=$!
python3 - "$TMP/b.db" <<'PY'
import sqlite3, sys, time
for _ in range(3000):
    try:
        if sqlite3.connect(sys.argv[1], timeout=0.05).execute("SELECT count(*) FROM documents").fetchone()[0] > 0:
            break
    except sqlite3.Error:
        pass
    time.sleep(0.005)
PY
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
check "$TMP/b.db" "$BIG" >"$OUT"
echo "killed at: $(cat "$OUT")"
expect_exit 0 "$DYAD" ingest --db "$TMP/b.db" "$BIG"
[ "$(check "$TMP/b.db" "$BIG")" = "documents=6000 events=16000" ]
"$DYAD" query --db "$TMP/b.db" --top dyads --limit 1 >"$OUT" 2>"$ERR"
grep -q '^CHNGOV  *USA  *2000  *-7000.0$' "$OUT"
