#!/usr/bin/env python3
"""Writes the documents of a CoNLL-U file whose newdoc id contains a substring, e.g.
the GUM news documents: conllu-docs.py en_gum-ud-test.conllu GUM_news > news.conllu"""
import sys

path, want = sys.argv[1], sys.argv[2]
keep, block = False, []
for line in open(path, encoding="utf-8"):
    if line.startswith("# newdoc id"):
        keep = want in line
    if keep:
        sys.stdout.write(line)
