#!/usr/bin/env python3
"""UPOS accuracy of a system against gold CoNLL-U on the same sentences: a gold word
counts as right when a system token has exactly its character span in the sentence
and the same UPOS (so tokenization errors count against the system, as in CoNLL 2018).
Usage: score_upos.py GOLD.conllu SYSTEM.jsonl  (one JSON list of [start,end,upos] per sentence)
       score_upos.py --text GOLD.conllu > sentences.txt   (the sentences, one per line)"""
import json, sys

def gold_sentences(path):
    sent, text = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# text = "):
            text = line[9:]
        elif not line:
            if sent:
                yield text, sent
            sent, text = [], None
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                sent.append(("MWT", cols[1]))
            else:
                sent.append((cols[1], cols[3]))
    if sent:
        yield text, sent

def gold_spans(text, words):
    """Character spans of the gold words in the sentence text. Words of a multiword
    token ("don't" = do + n't) get the span of their form inside the token; a word
    that cannot be placed gets None and can only count as wrong."""
    spans, at, mwt_end = [], 0, -1
    for form, upos in words:
        if form == "MWT":
            start = text.find(upos, at)
            mwt_end = start + len(upos) if start >= 0 else -1
            continue
        start = text.find(form, at)
        if start < 0 or (mwt_end >= 0 and start + len(form) > mwt_end):
            spans.append((None, None, upos))
            if mwt_end >= 0:
                at = mwt_end
            continue
        spans.append((start, start + len(form), upos))
        at = start + len(form)
        if at >= mwt_end:
            mwt_end = -1
    return spans

if sys.argv[1] == "--text":
    for text, _ in gold_sentences(sys.argv[2]):
        print(text)
    sys.exit(0)
gold = list(gold_sentences(sys.argv[1]))
system = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert len(gold) == len(system), (len(gold), len(system))
right = total = 0
for (text, words), toks in zip(gold, system):
    sys_tags = {(s, e): u for s, e, u in toks}
    for s, e, u in gold_spans(text, words):
        total += 1
        right += sys_tags.get((s, e)) == u
print(json.dumps({"words": total, "upos_accuracy": round(100.0 * right / total, 2)}))
