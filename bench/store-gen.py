#!/usr/bin/env python3
"""Benchmark corpus for the event store: the coded Wikinews articles (dyad code --text
output) repeated under fresh ids to DOCS documents, each dated on a random day of
2019-2024 and carrying EVENTS events: the coder's own events first, then synthetic
ones copied from them with actors, CAMEO codes and statuses drawn from skewed
(Zipf-like) distributions, as news event data is. CAMEO codes, Goldstein scores,
quad classes and PLOVER types come from data/events/cameo.tsv.
usage: store-gen.py CODED.jsonl CAMEO.tsv DOCS EVENTS OUT.jsonl"""
import datetime, json, random, sys

coded, cameo_tsv, n_docs, per_doc, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
rng = random.Random(7)
base = [json.loads(l) for l in open(coded, encoding="utf-8") if l.strip()]
base = [r for r in base if not r.get("failed") and r.get("text")]

table = []
for line in open(cameo_tsv, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    f = line.rstrip("\n").split("\t")
    if len(f[0]) >= 3:  # codes, not bare roots
        table.append({"cameo": f[0], "goldstein": float(f[2]), "quad_class": int(f[3]),
                      "plover": {"type": f[4], "mode": f[5], "context": [c for c in f[6].split(",") if c]}})
rng.shuffle(table)
code_w = [1 / (i + 1) for i in range(len(table))]

countries = ["USA", "RUS", "CHN", "UKR", "GBR", "DEU", "FRA", "IRN", "ISR", "PSE", "SYR", "TUR", "IND",
             "PAK", "JPN", "KOR", "PRK", "SAU", "EGY", "IRQ", "AFG", "BRA", "MEX", "CAN", "AUS", "ITA",
             "ESP", "POL", "NGA", "ZAF", "VEN", "CUB", "TWN", "BLR", "GEO", "ARM", "AZE", "LBN", "YEM", "QAT"]
roles = ["", "GOV", "MIL", "OPP", "REB", "BUS", "MED", "JUD", "LEG", "COP"]
actors = [c + r for c in countries for r in roles]
actor_w = [1 / (countries.index(a[:3]) + 1) ** 1.2 / (roles.index(a[3:]) + 1) ** 1.5 for a in actors]
actors += ["IGOUNO", "IGOWSTNAT", "IGOEEC", "IGOAFRAFU"]
actor_w += [0.05, 0.05, 0.04, 0.01]
statuses = ["asserted", "reported", "denied", "negated", "hypothetical", "future"]
status_w = [50, 30, 5, 5, 5, 5]
day0 = datetime.date(2019, 1, 1)

def synthetic(doc, date):
    spans = [a["span"] for a in doc.get("actors", [])] or [[0, 1]]
    src, tgt = rng.choices(actors, actor_w, k=2)
    c = rng.choices(table, code_w)[0]
    quotes = doc.get("quotes", [])
    return {"sentence": None, "span": rng.choice(spans), "date": date,
            "source": {"text": src, "code": src}, "target": {"text": tgt, "code": tgt},
            **c, "status": rng.choices(statuses, status_w)[0],
            "quote": rng.randrange(len(quotes)) if quotes and rng.random() < 0.4 else None,
            "verb": "synthetic", "mentions": 1, "spans": []}

events_total = 0
with open(out, "w", encoding="utf-8") as f:
    for i in range(n_docs):
        r = dict(base[i % len(base)])
        date = (day0 + datetime.timedelta(days=rng.randrange(2192))).isoformat()
        r["id"], r["date"] = f"{r['id']}-{i // len(base):04d}", date
        real = [dict(e, date=date) for e in r.get("events", [])][:per_doc]
        r["events"] = real + [synthetic(r, date) for _ in range(per_doc - len(real))]
        events_total += len(r["events"])
        f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
print(f"{n_docs} documents, {events_total} events", file=sys.stderr)
