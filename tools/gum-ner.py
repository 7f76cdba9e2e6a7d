#!/usr/bin/env python3
"""Named-entity training data for dyad's NER tagger from UD English GUM.

GUM marks every mention (named or not, nested) in MISC as Entity=(ID-TYPE-...
... ID). This keeps the named ones and flattens them to the UNER scheme: each
proper noun belongs to the innermost entity around it; its name is the run of
proper nouns (with joiners such as "of", "&", "-" between them) inside that
entity; person -> PER, organization -> ORG, place -> LOC, other types -> O;
titles before a person's name ("President", "Dr.") are not part of it. As in UNER,
groups of people ("Americans": plural proper nouns) and titles alone are no PER, and an
organisation whose name GUM makes a place elsewhere ("Sweden" the team) is LOC.

Usage: tools/gum-ner.py GUM.conllu > OUT.conllu
Writes the treebank back with NER=B-PER|I-PER|... (O omitted) added to MISC of
every word. Multiword-token lines and comments are kept as they are.
"""
import re
import sys

TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
JOINERS = {"of", "&", "and", "de", "du", "la", "le", "von", "van", "der", "al", "-",
           "'s", "for", "the", "on", "upon"}
TITLES = {"president", "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "gov",
          "governor", "king", "queen", "prince", "princess", "pope", "saint", "st",
          "general", "gen", "captain", "capt", "sir", "lord", "lady", "dame",
          "professor", "prof", "judge", "justice", "chancellor", "prime", "minister",
          "secretary", "rev", "reverend", "father", "sister", "brother", "uncle", "aunt",
          "coach", "officer", "mayor", "rep", "representative", "chairman", "emperor",
          "empress", "duke", "duchess", "count", "countess", "lt", "col", "colonel",
          "sgt", "sergeant", "major", "admiral", "adm", "vice", "senior", "junior",
          "detective", "agent", "doctor", "madame", "mister", "chief", "commander",
          "bishop", "archbishop", "cardinal", "rabbi", "imam", "sheikh", "ayatollah"}
OPEN = re.compile(r"\((\d+)-([a-z]+)([^()]*)")
CLOSE = re.compile(r"(\d+)\)")


def identity(rest):
    """The Wikification identity of an entity ("University_of_Portsmouth") as lower-case
    words, or None: the last of GRP-etype-infstat-salience-centering-minspan-link-identity."""
    fields = rest.split("-", 6)
    if len(fields) < 7 or not fields[6]:
        return None
    name = re.sub(r"_\(.*\)$", "", fields[6])
    return tuple(w.lower() for w in re.split(r"[_\s]+", name) if w)


def entities(words):
    """[(start, end, type, identity)] inclusive word indices of every entity."""
    out, open_ = [], {}
    for i, w in enumerate(words):
        misc = w[9]
        ent = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), None)
        if ent is None:
            continue
        pos = 0
        while pos < len(ent):
            m = OPEN.match(ent, pos)
            if m:
                open_[m.group(1)] = (i, m.group(2), identity(m.group(3)))
                pos = m.end()
                if pos < len(ent) and ent[pos] == ")":
                    s, t, ident = open_.pop(m.group(1))
                    out.append((s, i, t, ident))
                    pos += 1
                continue
            m = CLOSE.match(ent, pos)
            if m and m.group(1) in open_:
                s, t, ident = open_.pop(m.group(1))
                out.append((s, i, t, ident))
                pos = m.end()
                continue
            pos += 1
    return out


def name_only(words, e):
    """The entity is a name alone: after a determiner, nothing but proper nouns,
    capitalised words, numbers and joiners ("the University of Chicago")."""
    s, t = e[0], e[1]
    while s <= t and words[s][3] in ("DET", "PUNCT"):
        s += 1
    while t >= s and words[t][3] == "PUNCT":
        t -= 1
    if s > t:
        return False
    for w in words[s:t + 1]:
        if not (w[3] in ("PROPN", "NUM") or w[1].lower() in JOINERS or
                (w[1][:1].isupper() and w[3] not in ("PRON", "DET"))):
            return False
    return True


def identity_span(words, e):
    """Where the entity's identity is written inside it ("University of Portsmouth" in
    "University of Portsmouth, United Kingdom"), as (start, end), or None."""
    if not e[3]:
        return None
    forms = [w[1].lower() for w in words]
    n = len(e[3])
    for s in range(e[0], e[1] - n + 2):
        if tuple(forms[s:s + n]) == e[3]:
            return (s, s + n - 1)
    return None


def labels(words):
    ents = entities(words)
    owner = [None] * len(words)
    # named by their identity first, widest first: the whole name, not a place inside it
    for e in sorted(ents, key=lambda e: e[0] - e[1]):
        span = identity_span(words, e)
        if span and all(owner[k] is None for k in range(span[0], span[1] + 1)) and \
                any(words[k][3] == "PROPN" for k in range(span[0], span[1] + 1)):
            for k in range(span[0], span[1] + 1):
                owner[k] = (span[0], span[1], e[2])
    for i, w in enumerate(words):
        if w[3] != "PROPN" or owner[i] is not None:
            continue
        around = [e for e in ents if e[0] <= i <= e[1]]
        named = [e for e in around if name_only(words, e)]
        if named:  # the whole name: "University of Chicago", not "Chicago" inside it
            owner[i] = max(named, key=lambda e: (e[1] - e[0], -e[0]))
        elif around:  # "Kremlin spokesman Dmitry Peskov": the proper nouns of the innermost
            owner[i] = min(around, key=lambda e: (e[1] - e[0], -e[0]))
    # joiners between two proper nouns of the same entity belong to the name
    for i in range(1, len(words) - 1):
        if owner[i] is None and words[i][1].lower() in JOINERS and owner[i - 1] is not None:
            j = i + 1
            while j < len(words) and owner[j] is None and words[j][1].lower() in JOINERS:
                j += 1
            if j < len(words) and owner[j] == owner[i - 1]:
                for k in range(i, j):
                    owner[k] = owner[i - 1]
    tags = ["O"] * len(words)
    i = 0
    while i < len(words):
        if owner[i] is None or owner[i][2] not in TYPES:
            i += 1
            continue
        j = i
        while j + 1 < len(words) and owner[j + 1] == owner[i]:
            j += 1
        kind = TYPES[owner[i][2]]
        s = i
        while kind == "PER" and s < j and words[s][1].lower().rstrip(".") in TITLES:
            s += 1
        while s <= j and words[s][1].lower() in JOINERS:
            s += 1
        e = j
        while e >= s and words[e][1].lower() in JOINERS - {"'s"}:
            e -= 1
        if kind == "PER" and s <= e and (
                all(words[k][4] == "NNPS" for k in range(s, e + 1)) or
                all(words[k][1].lower().rstrip(".") in TITLES for k in range(s, e + 1))):
            i = j + 1  # "Americans", "Muslims", "President": no names of persons in UNER
            continue
        for k in range(s, e + 1):
            tags[k] = ("B-" if k == s else "I-") + kind
        i = j + 1
    return tags


def names(words, tags):
    """(start, end, type, lower-case string) of the names of a tagged sentence."""
    out, i = [], 0
    while i < len(tags):
        if tags[i].startswith("B-"):
            j = i + 1
            while j < len(tags) and tags[j] == "I-" + tags[i][2:]:
                j += 1
            out.append((i, j, tags[i][2:], " ".join(w[1].lower() for w in words[i:j])))
            i = j
        else:
            i += 1
    return out


def flush(lines, words, out, tags):
    k = 0
    for line in lines:
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            tag = tags[k]
            k += 1
            if tag != "O":
                cols[9] = ("NER=" + tag) if cols[9] == "_" else cols[9] + "|NER=" + tag
            line = "\t".join(cols)
        out.write(line + "\n")


def main():
    lines, words = [], []
    sents = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line:
                sents.append((lines, words, labels(words)))
                lines, words = [], []
                continue
            lines.append(line)
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                words.append(cols)
    if lines:
        sents.append((lines, words, labels(words)))
    # UNER's places stay places where they act ("talks with Sweden", "the US said"): a
    # name that GUM makes a place anywhere is LOC everywhere
    places = {n[3] for _, w, t in sents for n in names(w, t) if n[2] == "LOC"}
    for _, w, t in sents:
        for s, e, kind, text in names(w, t):
            if kind == "ORG" and text in places:
                t[s:e] = ["B-LOC"] + ["I-LOC"] * (e - s - 1)
    out = sys.stdout
    for lines, words, tags in sents:
        flush(lines, words, out, tags)
        out.write("\n")


if __name__ == "__main__":
    main()
