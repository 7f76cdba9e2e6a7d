#!/usr/bin/env python3
"""First names and their gender, from the UD treebanks dyad trains on.

- UD English GUM train: the first of two or more proper nouns that name a person entity
  ("Claire Bailey-Ross"; titles such as "President" skipped); its gender from the
  pronouns of the same coreference chain in the document (he/him/his/himself -> M,
  she/her/hers/herself -> F).
- UD English EWT train: the first word of a person-like name, two or three proper nouns
  joined by UD's flat relation ("Ken Lay").

Usage: tools/first-names.py GUM-train.conllu EWT-train.conllu > data/ner/names.tsv
Writes "name<TAB>gender<TAB>count" (lower case; gender M, F, or - when unknown or
mixed) for names seen twice or with a gender. tools/train-ner.c puts them in the NER file.
"""
import collections
import importlib.machinery
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
gum_ner = importlib.machinery.SourceFileLoader("gum_ner", os.path.join(HERE, "gum-ner.py")).load_module()
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}


def documents(path):
    """Each document as a list of sentences (lists of 10-column words)."""
    doc, words = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc") and (doc or words):
            if words:
                doc.append(words)
            yield doc
            doc, words = [], []
        elif not line:
            if words:
                doc.append(words)
            words = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                words.append(cols)
    if words:
        doc.append(words)
    if doc:
        yield doc


def word_like(form):
    return len(form) > 1 and form.isalpha() and form[0].isupper() and form[1:].islower()


def gum(path, count, gender):
    for doc in documents(path):
        first, pron = {}, collections.defaultdict(collections.Counter)
        for words in doc:
            for s, e, kind, _ in gum_ner.entities(words):
                if kind != "person":
                    continue
                toks = words[s:e + 1]
                eid = (s, e)  # GUM ids are not in entities(): chain by the name below
                if len(toks) == 1 and toks[0][1].lower() in MALE | FEMALE:
                    key = next(f for f in toks[0][9].split("|") if f.startswith("Entity="))
                    pron[key.split("-")[0].lstrip("Entity=(")]["M" if toks[0][1].lower() in MALE else "F"] += 1
                k = 0
                while k < len(toks) and (toks[k][3] != "PROPN" or
                                         toks[k][1].lower().rstrip(".") in gum_ner.TITLES):
                    k += 1
                if k + 1 < len(toks) and toks[k + 1][3] == "PROPN" and word_like(toks[k][1]):
                    name = toks[k][1].lower()
                    count[name] += 1
                    ent = next((f for f in toks[0][9].split("|") if f.startswith("Entity=")), "")
                    if ent.startswith("Entity=("):
                        first[ent[8:].split("-")[0]] = name
        for eid, name in first.items():
            m, f = pron[eid]["M"], pron[eid]["F"]
            if m != f:
                gender[name]["M" if m > f else "F"] += 1


def ewt(path, count):
    for doc in documents(path):
        for words in doc:
            for i, w in enumerate(words):
                if w[3] != "PROPN" or not word_like(w[1]) or i + 1 >= len(words):
                    continue
                flat = [x for x in words if x[6] == w[0] and x[7] == "flat" and x[3] == "PROPN"]
                if 1 <= len(flat) <= 2 and flat[0][0] == words[i + 1][0]:
                    count[w[1].lower()] += 1


def main():
    count = collections.Counter()
    gender = collections.defaultdict(collections.Counter)
    gum(sys.argv[1], count, gender)
    ewt(sys.argv[2], count)
    for name in sorted(count):
        g = gender.get(name, collections.Counter())
        sex = "M" if g["M"] > g["F"] else "F" if g["F"] > g["M"] else "-"
        if count[name] >= 2 or sex != "-":
            print(f"{name}\t{sex}\t{count[name]}")


if __name__ == "__main__":
    main()
