#!/usr/bin/env python3
"""The sentences of a UNER IOB2 file that are in a CoNLL-U file (by sent_id), in IOB2.

Used by tools/ner-dev.sh to score `dyad eval ner` on the held-out half of UNER dev
that `tools/uner-conllu.py --part K/2` selects.

Usage: tools/ner-part.py UNER.iob2 PART.conllu > PART.iob2
"""
import sys


def main():
    keep = set()
    for line in open(sys.argv[2], encoding="utf-8"):
        if line.startswith("# sent_id = "):
            keep.add(line[12:].strip())
    block, sid = [], None
    out = sys.stdout
    for line in open(sys.argv[1], encoding="utf-8"):
        if line.strip() == "":
            if block and sid in keep:
                out.write("".join(block) + "\n")
            block, sid = [], None
            continue
        if line.startswith("# sent_id = "):
            sid = line[12:].strip()
        block.append(line)
    if block and sid in keep:
        out.write("".join(block) + "\n")


if __name__ == "__main__":
    main()
