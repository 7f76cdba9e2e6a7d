#!/usr/bin/env python3
"""Latency of dyad query on a store: each query run RUNS times as a whole command
(process start, read-only open, planning, rows to /dev/null), median and 95th
percentile in milliseconds. usage: store-latency.py DYAD DB RUNS"""
import shlex, statistics, subprocess, sys, time

dyad, db, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
QUERIES = [
    ("all events (first 100)", ""),
    ("actor, exact", "--actor RUS"),
    ("actor, prefix", "--actor 'RUS*'"),
    ("actor, rare", "--actor CUBJUD"),
    ("source", "--source USAGOV"),
    ("target, prefix", "--target 'CHN*'"),
    ("dyad", "--dyad RUS-USA"),
    ("dyad, both ways", "--dyad RUS-USA --both-ways"),
    ("dyad, prefixes, both ways", "--dyad 'RUS*-UKR*' --both-ways"),
    ("CAMEO code", "--cameo 036"),
    ("CAMEO root", "--cameo 19"),
    ("PLOVER type", "--plover ASSAULT"),
    ("quad class", "--quad 4"),
    ("status", "--status denied"),
    ("date range (a month)", "--from 2022-02 --to 2022-02"),
    ("date range, last week", "--from 2024-12-24 --to 2024-12-31"),
    ("speaker", "--speaker Trump"),
    ("full text (document)", "--match Bolton"),
    ("full text, a common word", "--match said"),
    ("full text (quotation)", "--quote-match sanctions"),
    ("combined: dyad + year + quad", "--dyad RUS-UKR --both-ways --from 2022 --to 2022 --quad 4"),
    ("evidence, JSON, 100 rows", "--actor IRN --json"),
    ("monthly aggregate, all events", "--by month --per none"),
    ("monthly aggregate, all events, all statuses", "--by month --per none --all-statuses"),
    ("monthly aggregate, material conflict", "--by month --per none --quad 4"),
    ("monthly aggregate, CAMEO root", "--by month --per none --cameo 19"),
    ("monthly aggregate, dyad both ways", "--by month --dyad RUS-USA --both-ways --per none"),
    ("monthly aggregate, RUS* per actor", "--by month --actor 'RUS*' --per actor"),
    ("monthly aggregate, a year per dyad", "--by month --from 2022 --to 2022 --csv"),
    ("monthly aggregate, every dyad (CSV export)", "--by month --csv"),
    ("monthly aggregate, part months", "--by month --from 2022-02-24 --to 2022-06-15 --per none"),
    ("weekly aggregate, dyad", "--by week --dyad USA-CHN"),
    ("daily aggregate, RUS* in a year", "--by day --actor 'RUS*' --from 2022 --to 2022 --per none"),
    ("top actors", "--top actors"),
    ("top dyads", "--top dyads"),
    ("top codes", "--top codes"),
    ("top speakers", "--top speakers"),
    ("top speakers, RUS* events", "--top speakers --actor 'RUS*'"),
    ("top dyads, one month", "--top dyads --from 2022-03 --to 2022-03"),
]
print("| query | arguments | rows | median ms | p95 ms |")
print("|---|---|---|---|---|")
for name, args in QUERIES:
    cmd = [dyad, "query", "--db", db] + shlex.split(args)
    times, rows = [], 0
    for i in range(runs):
        t = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - t) * 1000)
        if p.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}")
        rows = p.stdout.count(b"\n") - (0 if "--json" in args else 1)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    shown = f"`{args}`" if args else "(no filter)"
    print(f"| {name} | {shown} | {rows} | {statistics.median(times):.1f} | {p95:.1f} |", flush=True)
