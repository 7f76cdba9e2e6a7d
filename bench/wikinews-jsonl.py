#!/usr/bin/env python3
"""The benchmark corpus: every Wikinews article as one JSONL record, repeated with fresh
ids until it reaches a size (--mb N) or a number of copies (--copies N).

usage: bench/wikinews-jsonl.py ARTICLES_DIR OUT.jsonl (--mb N | --copies N)
An existing OUT is kept: the corpus is the same on every run.
"""
import json
import os
import sys


def main(argv):
    if len(argv) != 4 or argv[2] not in ("--mb", "--copies"):
        sys.exit(__doc__)
    art, out, limit = argv[0], argv[1], int(argv[3])
    if os.path.exists(out):
        return
    recs = []
    for name in sorted(os.listdir(art)):
        with open(os.path.join(art, name), encoding="utf-8") as f:
            head, _, body = f.read().partition("\n\n")
        parts = head.split(" ", 2)
        recs.append({"date": parts[1], "title": parts[2] if len(parts) > 2 else "", "text": body})
    size, i = 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while (size < limit * 1_000_000) if argv[2] == "--mb" else (i < limit * len(recs)):
            line = json.dumps(dict(recs[i % len(recs)], id=f"w{i}"), ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode())
            i += 1


if __name__ == "__main__":
    main(sys.argv[1:])
