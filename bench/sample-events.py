#!/usr/bin/env python3
"""Draws a random sample of events to judge by hand (the precision samples of
docs/benchmarks.md), each with its sentence.

Usage: build/dyad code --text --tokens ../shared/data/news/wikinews/articles/*.txt > out.jsonl
       python3 bench/sample-events.py out.jsonl SEED [N]   (N defaults to 50)

Events are taken in document order and drawn with random.seed(SEED), so the same
output and seed give the same sample.
"""
import json
import random
import sys


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    events = []
    for line in open(argv[0], encoding="utf-8"):
        doc = json.loads(line)
        text = doc["text"].encode("utf-8")
        for e in doc.get("events") or []:
            lo, hi = doc["sentences"][e["sentence"]]["span"]
            events.append((doc["id"], e, text[lo:hi].decode("utf-8", "replace")))
    print(len(events), "events")
    random.seed(int(argv[1]))
    n = int(argv[2]) if len(argv) > 2 else 50
    for i, (doc_id, e, sentence) in enumerate(random.sample(events, min(n, len(events)))):
        src, tgt = e["source"] or {}, e["target"] or {}
        print(f"[{i}] {doc_id}/{e['sentence']} {src.get('code')}({src.get('text')}) -> "
              f"{tgt.get('code')}({tgt.get('text')}) {e['cameo']} '{e['verb']}' {e['status']}")
        print("   ", sentence[:300])


if __name__ == "__main__":
    main(sys.argv[1:])
