#!/usr/bin/env python3
"""A stricter reading of the Wikinews gold event recall than ../shared/tools/score.py's.

score.py finds a gold event when any system event of the article has its key (the first
three letters of source and target and the CAMEO root), so one system event can find
every gold event of its key anywhere in the article. This counts, besides, the gold
events that a system event of the same key finds in the sentence holding the gold
event's evidence.

    build/dyad code --text --tokens $(gold articles) > out.jsonl
    python3 bench/gold-sentences.py ../shared/data/gold/wikinews-dev.jsonl out.jsonl
"""
import json
import sys


def main(gold_path, system_path):
    docs = {}
    for line in open(system_path, encoding="utf-8"):
        d = json.loads(line)
        docs[d["id"]] = d
    total = keyed = in_sentence = 0
    for line in open(gold_path, encoding="utf-8"):
        gold = json.loads(line)
        d = docs.get(gold["file"].rsplit(".", 1)[0], {})
        text = d.get("text", "").encode()
        sentences = {}
        for e in d.get("events", []):
            key = (((e.get("source") or {}).get("code") or "")[:3],
                   ((e.get("target") or {}).get("code") or "")[:3], e["cameo"][:2])
            lo, hi = d["sentences"][e["sentence"]]["span"]
            sentences.setdefault(key, []).append(text[lo:hi].decode("utf-8", "replace"))
        for g in gold.get("events", []):
            total += 1
            key = (g["source"][:3], g["target"][:3], g["cameo_root"][:2])
            if key not in sentences:
                continue
            keyed += 1
            in_sentence += any(g["evidence"][:25] in s for s in sentences[key])
    print(f"gold events {total}; found by key (score.py) {keyed} ({keyed / total:.3f}); "
          f"found in the evidence's sentence {in_sentence} ({in_sentence / total:.3f})")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: gold-sentences.py GOLD.jsonl SYSTEM.jsonl (dyad code --text --tokens)")
    main(sys.argv[1], sys.argv[2])
