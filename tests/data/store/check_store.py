#!/usr/bin/env python3
"""Checks that an event store is consistent with the coded JSONL it came from.
usage: check_store.py DB SOURCE.jsonl... ; prints "documents=N events=M" when it is.
Every stored document must equal its (last) source record: its events, quotes,
actors, dates and sentences, in order; no row may lack its document; the monthly
counts must equal a recount of the events; both FTS indexes must pass their check."""
import json, sqlite3, sys

db = sqlite3.connect(sys.argv[1])
recs = {}
for path in sys.argv[2:]:
    for line in open(path, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            recs[r["id"]] = r

def fail(msg):
    sys.exit("check_store: " + msg)

(ok,) = db.execute("PRAGMA integrity_check").fetchone()
if ok != "ok":
    fail("integrity_check: " + ok)
db.execute("INSERT INTO docs_fts(docs_fts) VALUES('integrity-check')")
db.execute("INSERT INTO quotes_fts(quotes_fts) VALUES('integrity-check')")
for table in ("sentences", "actors", "dates", "quotes", "events"):
    (orphans,) = db.execute(f"SELECT count(*) FROM {table} WHERE doc NOT IN (SELECT doc FROM documents)").fetchone()
    if orphans:
        fail(f"{orphans} rows of {table} without their document")

docs = db.execute("SELECT doc, id, title FROM documents").fetchall()
for doc, id_, title in docs:
    r = recs.get(id_)
    if r is None:
        fail(f"stored document {id_} is in no source")
    if title != r.get("title"):
        fail(f"{id_}: title {title!r}, source has {r.get('title')!r}")
    got = [tuple(x) for x in db.execute("SELECT cameo, source_code, target_code, status FROM events WHERE doc = ? ORDER BY idx", (doc,))]
    want = [(e["cameo"], e["source"]["code"] or "", e["target"]["code"] or "", e["status"]) for e in r.get("events", [])]
    if got != want:
        fail(f"{id_}: events {got} != {want}")
    for table, key in (("quotes", "quotes"), ("actors", "actors"), ("dates", "dates"), ("sentences", "sentences")):
        (n,) = db.execute(f"SELECT count(*) FROM {table} WHERE doc = ?", (doc,)).fetchone()
        if key == "sentences" and key not in r:  # split again at ingest: as many as coded
            if n != r.get("stats", {}).get("sentences", n):
                fail(f"{id_}: {n} sentences, the coder counted {r['stats']['sentences']}")
        elif n != len(r.get(key, [])):
            fail(f"{id_}: {n} {table}, source has {len(r.get(key, []))}")

def recount(keys):
    return db.execute(f"""SELECT substr(day, 1, 7), {keys}, count(*),
        sum(CAST(round(coalesce(goldstein, 0) * 10) AS INTEGER)) FROM events WHERE day IS NOT NULL
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4""").fetchall()
quads = db.execute("""SELECT substr(day, 1, 7), coalesce(quad_class, 0), status, count(*),
    sum(CAST(round(coalesce(goldstein, 0) * 10) AS INTEGER)) FROM events WHERE day IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""").fetchall()
if quads != db.execute("SELECT * FROM monthly_quads WHERE n != 0 ORDER BY 1, 2, 3").fetchall():
    fail("monthly_quads differ from the events")
speakers = db.execute("""SELECT substr(e.day, 1, 7), coalesce(q.speaker_name, q.speaker_text, ''),
    coalesce(q.speaker_kind, ''), coalesce(q.speaker_code, ''), e.status, count(*),
    sum(CAST(round(coalesce(e.goldstein, 0) * 10) AS INTEGER)) FROM events e JOIN quotes q ON q.id = e.quote_id
    WHERE e.day IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5""").fetchall()
if speakers != db.execute("SELECT * FROM monthly_speakers WHERE n != 0 ORDER BY 1, 2, 3, 4, 5").fetchall():
    fail("monthly_speakers differ from the events")
totals = db.execute("""SELECT source_code, target_code, status, count(*),
    sum(CAST(round(coalesce(goldstein, 0) * 10) AS INTEGER)) FROM events WHERE day IS NOT NULL
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""").fetchall()
if totals != db.execute("SELECT * FROM totals_dyads WHERE n != 0 ORDER BY 1, 2, 3").fetchall():
    fail("totals_dyads differ from the events")
sides = db.execute("""SELECT a, status, count(*), sum(CAST(round(coalesce(g, 0) * 10) AS INTEGER)) FROM
    (SELECT source_code AS a, status, goldstein AS g FROM events WHERE day IS NOT NULL UNION ALL
     SELECT target_code, status, goldstein FROM events WHERE day IS NOT NULL) GROUP BY 1, 2 ORDER BY 1, 2""").fetchall()
if sides != db.execute("SELECT * FROM totals_actors WHERE n != 0 ORDER BY 1, 2").fetchall():
    fail("totals_actors differ from the events")
all_time = [r[1:] for r in speakers]
merged = {}
for k1, k2, k3, st, n, g in all_time:
    a = merged.setdefault((k1, k2, k3, st), [0, 0]); a[0] += n; a[1] += g
all_time = sorted(k + tuple(v) for k, v in merged.items())
if all_time != db.execute("SELECT * FROM totals_speakers WHERE n != 0 ORDER BY 1, 2, 3, 4").fetchall():
    fail("totals_speakers differ from the events")
for table, keys in (("monthly_dyads", "source_code, target_code, status"),
                    ("monthly_codes", "cameo, coalesce(quad_class, 0), status")):
    if recount(keys) != db.execute(f"SELECT * FROM {table} WHERE n != 0 ORDER BY 1, 2, 3, 4").fetchall():
        fail(f"{table} differ from the events")
(n_events,) = db.execute("SELECT count(*) FROM events").fetchone()
print(f"documents={len(docs)} events={n_events}")
