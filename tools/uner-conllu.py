#!/usr/bin/env python3
"""Named-entity training data from a UNER IOB2 file and the UD treebank it annotates.

UNER English-EWT labels the sentences of UD English EWT (same sent_id, same words).
This writes the UD sentences with NER=B-PER|I-PER|... added to MISC (O omitted), so
that tools/train-ner.c can learn from the treebank's tags and trees.

Usage: tools/uner-conllu.py UNER.iob2 UD.conllu [--part K/N] > OUT.conllu
--part K/N keeps the K-th of N parts (by document), for held-out tuning.
"""
import sys


def uner_labels(path):
    out, sid, tags = {}, None, []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# sent_id = "):
            sid, tags = line[12:], []
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            tags.append((cols[1], cols[2]))
        elif not line and sid:
            out[sid] = tags
            sid = None
    if sid:
        out[sid] = tags
    return out


def main():
    labels = uner_labels(sys.argv[1])
    part = None
    if len(sys.argv) > 4 and sys.argv[3] == "--part":
        k, n = sys.argv[4].split("/")
        part = (int(k), int(n))
    doc, block, keep, sid = -1, [], False, None
    out = sys.stdout
    bad = 0

    def flush():
        nonlocal bad
        if not block or not keep:
            return
        tags = labels.get(sid)
        words = [i for i, l in enumerate(block) if l.split("\t")[0].isdigit()]
        if tags is None or len(tags) != len(words):
            bad += 1
            return
        for (form, tag), i in zip(tags, words):
            cols = block[i].split("\t")
            if cols[1] != form:
                bad += 1
                return
        for (form, tag), i in zip(tags, words):
            if tag != "O":
                cols = block[i].split("\t")
                cols[9] = "NER=" + tag if cols[9] == "_" else cols[9] + "|NER=" + tag
                block[i] = "\t".join(cols)
        out.write("\n".join(block) + "\n\n")

    for line in open(sys.argv[2], encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            flush()
            block, sid = [], None
            continue
        if line.startswith("# newdoc"):
            doc += 1
        if line.startswith("# sent_id = "):
            sid = line[12:]
        keep = part is None or doc % part[1] == part[0]
        block.append(line)
    flush()
    print(f"uner-conllu: {bad} sentences skipped (words differ)", file=sys.stderr)


if __name__ == "__main__":
    main()
