#!/bin/sh
# dyad ingest: what it stores, idempotence (same records twice, in one run or two),
# a changed document replacing its records, bad lines, articles coded on the way in.
set -eu
. "$(dirname "$0")/lib.inc"
S=tests/data/store
DB="$TMP/s.db"
check() { python3 "$S/check_store.py" "$@"; }

"$DYAD" ingest --help | grep -q -- '--db FILE'
"$DYAD" help ingest | grep -q -- '--coded'
"$DYAD" query --help | grep -q -- '--both-ways'
"$DYAD" --help | grep -q 'ingest'
expect_exit 2 "$DYAD" ingest "$S/corpus.jsonl"
grep -q 'which store? give --db FILE' "$ERR"
expect_exit 2 "$DYAD" ingest --db "$DB" --batch 0
expect_exit 2 "$DYAD" ingest --db "$DB" --bogus

# first run: everything new; the summary counts it
expect_exit 0 "$DYAD" ingest --db "$DB" "$S/corpus.jsonl"
grep -q '^dyad ingest: 6 documents (6 new, 0 replaced, 0 unchanged, 0 skipped), 16 events, 10 quotes stored in ' "$ERR"
! grep -q 'unchanged), ' "$ERR" # no progress bar off a terminal
[ "$(check "$DB" "$S/corpus.jsonl")" = "documents=6 events=16" ]
python3 -c 'import sqlite3,sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
d = db.execute("SELECT id, date, title, source, hash, length(CAST(text AS BLOB)) FROM documents WHERE id = ?", ("a1",)).fetchone()
assert d[:4] == ("a1", "2024-01-26", "Kremlin denies report of feelers to Washington", "hand/a1"), d
assert len(d[4]) == 32 and d[5] == 384, d
q = db.execute("SELECT text, direct, cue, speaker_name, speaker_kind, speaker_code, denial, denies FROM quotes WHERE doc = 1 AND idx = 1").fetchone()
assert q == ("There have been no such contacts,", 1, "said", "Dmitry Peskov", "person", "RUSGOV", 1, 0), q
e = db.execute("SELECT day, date, sentence, source_text, plover_type, plover_context, quote, verb, mentions, spans FROM events WHERE doc = 2 AND idx = 2").fetchone()
assert e == ("2024-01-29", "2024-01", 3, "Russia", "ASSAULT", "military", 1, "launched missile strikes", 1, "[[242,292]]"), e
' "$DB"
dump() { for t in documents sentences actors dates quotes events monthly_dyads monthly_codes monthly_quads monthly_speakers totals_dyads totals_actors totals_speakers; do
    python3 -c 'import sqlite3,sys; [print(r) for r in sqlite3.connect(sys.argv[1]).execute("SELECT * FROM "+sys.argv[2]+" ORDER BY 1, 2")]' "$DB" "$t"; done; }
dump >"$TMP/dump1"

# the same records again, in a second run and twice within one run: nothing changes
expect_exit 0 "$DYAD" ingest --db "$DB" "$S/corpus.jsonl" "$S/corpus.jsonl"
grep -q '^dyad ingest: 12 documents (0 new, 0 replaced, 12 unchanged, 0 skipped), 0 events' "$ERR"
dump >"$TMP/dump2"
cmp "$TMP/dump1" "$TMP/dump2"
rm -f "$TMP/dup.db"
cat "$S/corpus.jsonl" "$S/corpus.jsonl" | "$DYAD" ingest -q --db "$TMP/dup.db"
[ "$(check "$TMP/dup.db" "$S/corpus.jsonl")" = "documents=6 events=16" ]

# a changed document replaces its records, and the store equals one built fresh
expect_exit 0 "$DYAD" ingest --db "$DB" "$S/changed.jsonl"
grep -q '(0 new, 1 replaced, 0 unchanged, 0 skipped), 2 events, 3 quotes' "$ERR"
[ "$(check "$DB" "$S/corpus.jsonl" "$S/changed.jsonl")" = "documents=6 events=15" ]
"$DYAD" query --db "$DB" --match again --all-statuses >"$OUT"
[ "$(grep -c ' a1$' "$OUT")" = 2 ]
"$DYAD" query --db "$DB" --cameo 125 >"$OUT"
[ "$(wc -l <"$OUT")" = 1 ] # header only: the dropped event is gone
grep -v '"id":"a1"' "$S/corpus.jsonl" | cat - "$S/changed.jsonl" | "$DYAD" ingest -q --db "$TMP/fresh.db"
for args in "--by month --per actor --all-statuses" "--top speakers --all-statuses" "--all-statuses --json"; do
    "$DYAD" query --db "$DB" $args >"$TMP/a"
    "$DYAD" query --db "$TMP/fresh.db" $args >"$TMP/b"
    cmp "$TMP/a" "$TMP/b"
done

# lines that are not records are named and skipped; the rest is stored (exit 1)
printf '{"id":"x1","stats":{},"events":[]}\nnot json\n\n{"stats":{}}\n' >"$TMP/bad.jsonl"
expect_exit 1 "$DYAD" ingest --db "$TMP/bad.db" --coded "$TMP/bad.jsonl"
grep -q "bad.jsonl:2: not a JSON object: skipped" "$ERR"
grep -q "bad.jsonl:4: not a coded record (no \"id\"): skipped" "$ERR"
grep -q '3 documents (1 new, 0 replaced, 0 unchanged, 2 skipped)' "$ERR"

# articles are coded on the way in (text kept for full-text search); dyad code output
# is detected as such; unchanged articles are not coded again
expect_exit 0 "$DYAD" ingest --db "$TMP/art.db" --no-model examples/wikinews
grep -q '4 documents (4 new, 0 replaced, 0 unchanged, 0 skipped)' "$ERR"
expect_exit 0 "$DYAD" ingest --db "$TMP/art.db" --no-model examples/wikinews
grep -q '4 documents (0 new, 0 replaced, 4 unchanged, 0 skipped)' "$ERR"
python3 -c 'import sqlite3,sys
db = sqlite3.connect(sys.argv[1])
n = db.execute("SELECT count(*) FROM documents WHERE length(text) > 1000").fetchone()[0]
s = db.execute("SELECT count(*) FROM sentences").fetchone()[0]
hit = db.execute("SELECT d.id FROM docs_fts f JOIN documents d ON d.doc = f.rowid WHERE docs_fts MATCH ?", ("Bolton",)).fetchall()
assert n == 4 and s > 40 and hit == [("104",)], (n, s, hit)' "$TMP/art.db"
"$DYAD" code --no-model --text examples/wikinews | "$DYAD" ingest --db "$TMP/coded.db" >"$OUT" 2>"$ERR"
grep -q '4 documents (4 new' "$ERR"
printf 'date 2024-01-26 Talks\n\nThe Kremlin denied it.\n' | "$DYAD" ingest --db "$TMP/stdin.db" --no-model >"$OUT" 2>"$ERR"
grep -q '1 documents (1 new' "$ERR"

# with the model: ingesting articles stores what ingesting their dyad code output does
"$DYAD" code -q --text examples/wikinews | "$DYAD" ingest -q --db "$TMP/via-code.db"
"$DYAD" ingest -q --db "$TMP/direct.db" examples/wikinews
"$DYAD" query --db "$TMP/via-code.db" --all-statuses --json --limit 0 >"$TMP/a"
"$DYAD" query --db "$TMP/direct.db" --all-statuses --json --limit 0 >"$TMP/b"
cmp "$TMP/a" "$TMP/b"
[ "$(wc -l <"$TMP/a")" -gt 10 ] # events do flow

# progress goes to a terminal only (the summary above had none); on one, it shows
if command -v script >/dev/null 2>&1; then
    script -qec "'$DYAD' ingest --db '$TMP/tty.db' '$S/corpus.jsonl'" /dev/null >"$OUT" 2>&1
    grep -q '6 documents (6 new, 0 replaced, 0 unchanged), [0-9]* docs/s' "$OUT" # the bar
    grep -q '^dyad ingest: 6 documents (6 new' "$OUT"
fi
