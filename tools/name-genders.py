#!/usr/bin/env python3
"""First names that only men or only women bear, from Faker's person lists.

Source: Faker 0.9.3 (Daniele Faraglia; MIT licence, see NOTICE), as Debian's
python3-fake-factory package installs it, needed only to regenerate the list: its
first_names_male and first_names_female lists of every locale written in Latin letters
(the US lists come from the Social Security Administration's baby names). A name in a
men's list of one locale and a women's list of another ("Andrea", "Jean") is left out:
the coreference stage then decides by the text alone.

Usage: python3 tools/name-genders.py [PERSON_DIR] > data/ner/name-genders.tsv
Writes "name<TAB>M|F" lines, lower case, sorted; tools/train-ner.c adds them to the NER
file as gender only (the tagger's first-name feature stays the treebanks').
"""
import ast
import os
import re
import sys
import unicodedata

PERSON = "/usr/lib/python3/dist-packages/faker/providers/person"
LIST = re.compile(r"first_names_(male|female)(_[a-z]+)?$")


def names_of(node):
    """The names of a literal tuple, list or set, or of OrderedDict(((name, weight), ...))."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "OrderedDict" and node.args:
        return [pair[0] for pair in ast.literal_eval(node.args[0])]
    try:
        value = ast.literal_eval(node)
    except ValueError:
        return []  # built from other lists ("set(a + b)"), which are read themselves
    return list(value) if isinstance(value, (tuple, list, set)) else []


def latin(name):
    """Written in Latin letters, with a hyphen or apostrophe at most."""
    return all(c in "-'" or (c.isalpha() and "LATIN" in unicodedata.name(c, "")) for c in name)


def main():
    person = sys.argv[1] if len(sys.argv) > 1 else PERSON
    genders = {}
    for locale in sorted(os.listdir(person)):
        path = os.path.join(person, locale, "__init__.py")
        if not os.path.isfile(path):
            continue
        tree = ast.parse(open(path, encoding="utf-8").read(), path)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Assign) or len(node.targets) != 1:
                continue
            target = getattr(node.targets[0], "id", "")
            m = LIST.match(target)
            if not m:
                continue
            g = "M" if m.group(1) == "male" else "F"
            for name in names_of(node.value):
                if isinstance(name, str) and len(name) > 1 and latin(name):
                    genders.setdefault(name.lower(), set()).add(g)
    if not genders:
        sys.exit(f"name-genders: no first names under {person} (install python3-fake-factory)")
    for name in sorted(genders):
        if len(genders[name]) == 1:
            print(f"{name}\t{genders[name].pop()}")


if __name__ == "__main__":
    main()
