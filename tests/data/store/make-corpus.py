#!/usr/bin/env python3
"""Writes corpus.jsonl: six fictional, hand-written coded documents (the dyad code
output contract) for the store tests. Spans are computed here from the phrases so
that they are byte-exact; everything else is typed below. Run from this directory."""
import json

def build(doc):
    title, body = doc["title"], " ".join(doc["body"])
    text = title + "\n\n" + body
    b = text.encode()

    def span(phrase, nth=1):
        pos = -1
        for _ in range(nth):
            pos = b.find(phrase.encode(), pos + 1)
            assert pos >= 0, phrase
        return [pos, pos + len(phrase.encode())]

    sents, start = [], len((title + "\n\n").encode())
    sents.append({"span": [0, len(title.encode())]})
    for s in doc["body"]:
        n = len(s.encode())
        sents.append({"span": [start, start + n]})
        start += n + 1
    rec = {"id": doc["id"], "date": doc["date"], "title": title, "source": "hand/" + doc["id"],
           "format": "jsonl", "stats": {"bytes": len(b), "sentences": len(sents), "tokens": len(text.split())},
           "text": text, "sentences": sents}
    rec["actors"] = [{"text": t, "span": span(t), "name": n, "type": ty, "code": c}
                     for t, n, ty, c in doc.get("actors", [])]
    rec["dates"] = [{"text": t, "span": span(t), "value": v} for t, v in doc.get("dates", [])]
    quotes = []
    for q in doc.get("quotes", []):
        sp = q["speaker"]
        quotes.append({"text": q["text"], "span": span(q["text"]), "direct": q["direct"],
                       "cue": q["cue"], "speaker": {"text": sp[0], "span": span(sp[0]), "name": sp[1],
                                                    "kind": sp[2], "code": sp[3]},
                       **({"denial": True, "denies": q["denies"]} if "denies" in q else {})})
    rec["quotes"] = quotes
    events = []
    for e in doc.get("events", []):
        (st, sc), (tt, tc) = e["source"], e["target"]
        events.append({"sentence": e["sentence"], "span": span(e["clause"]), "date": e["date"],
                       "source": {"text": st, "code": sc}, "target": {"text": tt, "code": tc},
                       "cameo": e["cameo"], "goldstein": e["goldstein"], "quad_class": e["quad"],
                       "plover": {"type": e["plover"][0], "mode": e["plover"][1], "context": e["plover"][2]},
                       "status": e["status"], "quote": e.get("quote"), "verb": e["verb"],
                       "mentions": 1, "spans": [span(e["clause"])]})
    rec["events"] = events
    rec["errors"] = doc.get("errors", [])
    return rec

DOCS = [
 {"id": "a1", "date": "2024-01-26", "title": "Kremlin denies report of feelers to Washington",
  "body": ["Russia has put out feelers to the United States about talks on Ukraine, two people close to the Kremlin told Bloomberg.",
           "Kremlin spokesman Dmitry Peskov denied the report on Friday.",
           "\u201cThere have been no such contacts,\u201d Peskov said.",
           "US Secretary of State Antony Blinken said Washington would not negotiate over the heads of Ukrainians."],
  "actors": [("Russia", "Russia", "place", "RUS"), ("the United States", "United States", "place", "USA"),
             ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "person", "RUSGOV"),
             ("US Secretary of State Antony Blinken", "Antony Blinken", "person", "USAGOV")],
  "dates": [("on Friday", "2024-01-26")],
  "quotes": [{"text": "Russia has put out feelers to the United States about talks on Ukraine", "direct": False,
              "cue": "told", "speaker": ("two people close to the Kremlin", None, "anonymous", "RUS")},
             {"text": "There have been no such contacts,", "direct": True, "cue": "said",
              "speaker": ("Peskov", "Dmitry Peskov", "person", "RUSGOV"), "denies": 0},
             {"text": "Washington would not negotiate over the heads of Ukrainians", "direct": False, "cue": "said",
              "speaker": ("US Secretary of State Antony Blinken", "Antony Blinken", "person", "USAGOV")}],
  "events": [{"sentence": 1, "clause": "Russia has put out feelers to the United States", "date": "2024-01-26",
              "source": ("Russia", "RUS"), "target": ("the United States", "USA"), "cameo": "036", "goldstein": 4.0,
              "quad": 1, "plover": ("AGREE", "", ["diplomatic"]), "status": "reported", "quote": 0, "verb": "put out feelers"},
             {"sentence": 2, "clause": "Kremlin spokesman Dmitry Peskov denied the report", "date": "2024-01-26",
              "source": ("Kremlin spokesman Dmitry Peskov", "RUSGOV"), "target": ("the United States", "USA"), "cameo": "036",
              "goldstein": 4.0, "quad": 1, "plover": ("AGREE", "", ["diplomatic"]), "status": "denied", "quote": 1,
              "verb": "denied"},
             {"sentence": 4, "clause": "Washington would not negotiate over the heads of Ukrainians", "date": "2024-01-26",
              "source": ("Washington", "USAGOV"), "target": ("Russia", "RUS"), "cameo": "125", "goldstein": -5.0, "quad": 3,
              "plover": ("REJECT", "meet", ["diplomatic"]), "status": "reported", "quote": 2, "verb": "would not negotiate"}]},
 {"id": "a2", "date": "2024-01-29", "title": "NATO chief meets Ukrainian minister in Brussels",
  "body": ["NATO Secretary General Jens Stoltenberg met Ukrainian Foreign Minister Dmytro Kuleba in Brussels on Monday.",
           "\u201cWe will support Ukraine for as long as it takes,\u201d Stoltenberg said.",
           "Kuleba said Russia had launched new missile strikes on Kharkiv last week."],
  "actors": [("NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg", "person", "IGOWSTNAT"),
             ("Ukrainian Foreign Minister Dmytro Kuleba", "Dmytro Kuleba", "person", "UKRGOV"),
             ("Brussels", "Brussels", "place", "BEL"), ("Kharkiv", "Kharkiv", "place", "UKR")],
  "dates": [("on Monday", "2024-01-29"), ("last week", "2024-01")],
  "quotes": [{"text": "We will support Ukraine for as long as it takes,", "direct": True, "cue": "said",
              "speaker": ("Stoltenberg", "Jens Stoltenberg", "person", "IGOWSTNAT")},
             {"text": "Russia had launched new missile strikes on Kharkiv last week", "direct": False, "cue": "said",
              "speaker": ("Kuleba", "Dmytro Kuleba", "person", "UKRGOV")}],
  "events": [{"sentence": 1, "clause": "NATO Secretary General Jens Stoltenberg met Ukrainian Foreign Minister Dmytro Kuleba",
              "date": "2024-01-29", "source": ("NATO Secretary General Jens Stoltenberg", "IGOWSTNAT"),
              "target": ("Ukrainian Foreign Minister Dmytro Kuleba", "UKRGOV"), "cameo": "040", "goldstein": 1.0, "quad": 1,
              "plover": ("CONSULT", "", []), "status": "asserted", "quote": None, "verb": "met"},
             {"sentence": 2, "clause": "We will support Ukraine", "date": None, "source": ("We", "IGOWSTNAT"),
              "target": ("Ukraine", "UKR"), "cameo": "033", "goldstein": 5.2, "quad": 1,
              "plover": ("AGREE", "", ["diplomatic"]), "status": "future", "quote": 0, "verb": "will support"},
             {"sentence": 3, "clause": "Russia had launched new missile strikes on Kharkiv", "date": "2024-01",
              "source": ("Russia", "RUSMIL"), "target": ("Kharkiv", "UKR"), "cameo": "195", "goldstein": -10.0, "quad": 4,
              "plover": ("ASSAULT", "heavy-weapons", ["military"]), "status": "reported", "quote": 1,
              "verb": "launched missile strikes"}]},
 {"id": "a3", "date": "2024-02-03", "title": "China condemns planned US arms sale to Taiwan",
  "body": ["China's foreign ministry on Saturday condemned a planned US arms sale to Taiwan.",
           "\u201cThe United States must stop arming Taiwan,\u201d spokeswoman Mao Ning said.",
           "If Beijing were to blockade the island, Washington would respond with force, a US official said."],
  "actors": [("China's foreign ministry", "Ministry of Foreign Affairs", "organization", "CHNGOV"),
             ("spokeswoman Mao Ning", "Mao Ning", "person", "CHNGOV"), ("Taiwan", "Taiwan", "place", "TWN")],
  "dates": [("on Saturday", "2024-02-03")],
  "quotes": [{"text": "The United States must stop arming Taiwan,", "direct": True, "cue": "said",
              "speaker": ("spokeswoman Mao Ning", "Mao Ning", "person", "CHNGOV")},
             {"text": "If Beijing were to blockade the island, Washington would respond with force", "direct": False,
              "cue": "said", "speaker": ("a US official", None, "anonymous", "USAGOV")}],
  "events": [{"sentence": 1, "clause": "China's foreign ministry on Saturday condemned a planned US arms sale",
              "date": "2024-02-03", "source": ("China's foreign ministry", "CHNGOV"), "target": ("US", "USA"),
              "cameo": "111", "goldstein": -2.0, "quad": 3, "plover": ("ACCUSE", "disapprove", []), "status": "asserted",
              "quote": None, "verb": "condemned"},
             {"sentence": 2, "clause": "The United States must stop arming Taiwan", "date": "2024-02-03",
              "source": ("spokeswoman Mao Ning", "CHNGOV"), "target": ("The United States", "USA"), "cameo": "100",
              "goldstein": -5.0, "quad": 3, "plover": ("REQUEST", "", []), "status": "asserted", "quote": 0, "verb": "must stop"},
             {"sentence": 3, "clause": "Washington would respond with force", "date": None,
              "source": ("Washington", "USAGOV"), "target": ("Beijing", "CHN"), "cameo": "138", "goldstein": -7.0, "quad": 3,
              "plover": ("THREATEN", "violence", ["military"]), "status": "hypothetical", "quote": 1,
              "verb": "would respond with force"}]},
 {"id": "a4", "date": "2024-02-14", "title": "Russia and United States swap prisoners in Abu Dhabi",
  "body": ["Russia and the United States exchanged prisoners in Abu Dhabi on Wednesday, officials said.",
           "Foreign Minister Sergey Lavrov said Moscow was ready to discuss further exchanges with Washington.",
           "Ukraine did not take part in the talks."],
  "actors": [("Russia", "Russia", "place", "RUS"), ("the United States", "United States", "place", "USA"),
             ("Foreign Minister Sergey Lavrov", "Sergey Lavrov", "person", "RUSGOV"), ("Ukraine", "Ukraine", "place", "UKR")],
  "dates": [("on Wednesday", "2024-02-14")],
  "quotes": [{"text": "Russia and the United States exchanged prisoners in Abu Dhabi on Wednesday", "direct": False,
              "cue": "said", "speaker": ("officials", None, "anonymous", None)},
             {"text": "Moscow was ready to discuss further exchanges with Washington", "direct": False, "cue": "said",
              "speaker": ("Foreign Minister Sergey Lavrov", "Sergey Lavrov", "person", "RUSGOV")}],
  "events": [{"sentence": 1, "clause": "Russia and the United States exchanged prisoners", "date": "2024-02-14",
              "source": ("Russia", "RUS"), "target": ("the United States", "USA"), "cameo": "0841", "goldstein": 7.0,
              "quad": 2, "plover": ("RETREAT", "release", ["legal"]), "status": "reported", "quote": 0, "verb": "exchanged prisoners"},
             {"sentence": 1, "clause": "Russia and the United States exchanged prisoners", "date": "2024-02-14",
              "source": ("the United States", "USA"), "target": ("Russia", "RUS"), "cameo": "0841", "goldstein": 7.0,
              "quad": 2, "plover": ("RETREAT", "release", ["legal"]), "status": "reported", "quote": 0, "verb": "exchanged prisoners"},
             {"sentence": 2, "clause": "Moscow was ready to discuss further exchanges with Washington", "date": None,
              "source": ("Moscow", "RUSGOV"), "target": ("Washington", "USAGOV"), "cameo": "036", "goldstein": 4.0, "quad": 1,
              "plover": ("AGREE", "", ["diplomatic"]), "status": "reported", "quote": 1, "verb": "was ready to discuss"},
             {"sentence": 3, "clause": "Ukraine did not take part in the talks", "date": None,
              "source": ("Ukraine", "UKR"), "target": ("Russia", "RUS"), "cameo": "046", "goldstein": 7.0, "quad": 1,
              "plover": ("CONSULT", "", ["diplomatic"]), "status": "negated", "quote": None, "verb": "did not take part"}]},
 {"id": "a5", "date": "2024-03-05", "title": "Russia expels US diplomat",
  "body": ["Russia expelled a US diplomat on Tuesday, the foreign ministry in Moscow said.",
           "Washington called the move unjustified and promised a response."],
  "actors": [("Russia", "Russia", "place", "RUS"), ("Washington", "Washington", "place", "USAGOV")],
  "dates": [("on Tuesday", "2024-03-05")],
  "quotes": [{"text": "Russia expelled a US diplomat on Tuesday", "direct": False, "cue": "said",
              "speaker": ("the foreign ministry in Moscow", "Ministry of Foreign Affairs", "organization", "RUSGOV")}],
  "events": [{"sentence": 1, "clause": "Russia expelled a US diplomat", "date": "2024-03-05",
              "source": ("Russia", "RUSGOV"), "target": ("a US diplomat", "USAGOV"), "cameo": "174", "goldstein": -5.0,
              "quad": 4, "plover": ("COERCE", "deport", ["legal"]), "status": "reported", "quote": 0, "verb": "expelled"},
             {"sentence": 2, "clause": "Washington called the move unjustified", "date": "2024-03-05",
              "source": ("Washington", "USAGOV"), "target": ("Russia", "RUSGOV"), "cameo": "111", "goldstein": -2.0, "quad": 3,
              "plover": ("ACCUSE", "disapprove", []), "status": "asserted", "quote": None, "verb": "called unjustified"},
             {"sentence": 2, "clause": "promised a response", "date": None,
              "source": ("Washington", "USAGOV"), "target": ("Russia", "RUSGOV"), "cameo": "130", "goldstein": -4.4, "quad": 3,
              "plover": ("THREATEN", "", []), "status": "future", "quote": None, "verb": "promised a response"}]},
 {"id": "a6", "date": "2024-03-10", "title": "Storm closes ports on the Baltic coast",
  "body": ["Heavy storms closed several ports on the Baltic coast on Sunday, and ferries were cancelled."],
  "dates": [("on Sunday", "2024-03-10")]},
]

with open("corpus.jsonl", "w") as f:
    for d in DOCS:
        f.write(json.dumps(build(d), ensure_ascii=False, separators=(",", ":")) + "\n")

# changed.jsonl: a1 as a later run codes it (new title, the Blinken event dropped),
# to test that a changed document replaces its old records.
import copy
a1 = copy.deepcopy(DOCS[0])
a1["title"] = "Kremlin denies report of feelers to Washington, again"
a1["events"] = a1["events"][:2]
with open("changed.jsonl", "w") as f:
    f.write(json.dumps(build(a1), ensure_ascii=False, separators=(",", ":")) + "\n")
