#!/usr/bin/env python3
"""Lemmas of regular verb forms: for each single-word verb of data/events/cameo.verbs
listed without irregular {forms}, three sentences ("Officials blamed it on Monday.",
"Officials are blaming it on Monday.", "He blames it on Monday.") go through
`dyad code --conllu`, and the verb's lemma is compared with the verb. Prints the count
wrong of each form and the first wrong ones. Many "verbs" of the dictionary are nouns
("soldiers", "dollar"), which stay wrong by design.

Usage: python3 bench/lemma-verbs.py [DYAD]   (from the repository root, after `make`)
"""
import re
import subprocess
import sys
import tempfile

DYAD = sys.argv[1] if len(sys.argv) > 1 else "build/dyad"


def verbs():
    out = []
    for line in open("data/events/cameo.verbs", encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line[0] in "-#":
            continue
        m = re.match(r"^\+?([A-Z][A-Z_]*)\s*(\{.*\})?\s*(\[.*\])?\s*$", line)
        if m and "_" not in m.group(1) and not m.group(2):
            out.append(m.group(1).lower())
    return sorted(set(out))


def past(v):
    if v.endswith("e"):
        return v + "d"
    if v.endswith("y") and v[-2] not in "aeiou":
        return v[:-1] + "ied"
    return v + "ed"


def gerund(v):
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith("ee"):
        return v[:-1] + "ing"
    return v + "ing"


def third(v):
    if v.endswith(("s", "x", "z", "ch", "sh")):
        return v + "es"
    if v.endswith("y") and v[-2] not in "aeiou":
        return v[:-1] + "ies"
    return v + "s"


FORMS = (("past", "Officials {} it on Monday.", past, 2),
         ("-ing", "Officials are {} it on Monday.", gerund, 3),
         ("-s", "He {} it on Monday.", third, 2))


def main():
    vs = verbs()
    for name, frame, inflect, at in FORMS:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write("".join(frame.format(inflect(v)) + "\n\n" for v in vs))
        out = subprocess.run([DYAD, "code", "--conllu", f.name], capture_output=True,
                             text=True, check=True).stdout
        lemmas = [row.split("\t")[2] for row in out.splitlines()
                  if row and not row.startswith("#") and row.split("\t")[0] == str(at)]
        wrong = [(v, l) for v, l in zip(vs, lemmas) if v != l]
        print(f"{name:5} {len(wrong):4} of {len(vs)} wrong: " +
              " ".join(f"{v}->{l}" for v, l in wrong[:12]))


if __name__ == "__main__":
    main()
