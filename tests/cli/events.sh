#!/bin/sh
# Events from the command line: --format gdelt and csv, --dict with verb files,
# dyad eval petrarch on a fictional suite (exact), and the shared suites' floors.
set -eu
. "$(dirname "$0")/lib.inc"
DATA="$(cd "$(dirname "$0")/../data/events" && pwd)"

printf '{"id":"a1","date":"2024-01-26","text":"Russia attacked Ukraine on Monday. The storm passed."}\n' >"$TMP/a.jsonl"

# GDELT rows: 61 GDELT columns and dyad's 4, one line per event
"$DYAD" code --format gdelt "$TMP/a.jsonl" >"$OUT"
[ "$(wc -l <"$OUT")" -eq 1 ] || { cat "$OUT"; exit 1; }
[ "$(awk -F'\t' '{print NF}' "$OUT")" -eq 65 ] || { cat "$OUT"; exit 1; }
cut -f1,2,6,16,27,30,31,62 "$OUT" >"$TMP/cols"
printf 'a1:0\t20240122\tRUS\tUKR\t190\t4\t-10.0\tasserted\n' | diff - "$TMP/cols"

# CSV: a header, then the event
"$DYAD" code --format csv "$TMP/a.jsonl" >"$OUT"
head -1 "$OUT" | grep -q '^doc_id,event,sentence,start,end,date,source_code'
[ "$(wc -l <"$OUT")" -eq 2 ]

# the same event from the JSON contract, with its PLOVER fields
"$DYAD" code "$TMP/a.jsonl" | python3 -c '
import json, sys
e = json.loads(sys.stdin.readline())["events"]
assert len(e) == 1, e
e = e[0]
assert (e["source"]["code"], e["target"]["code"], e["cameo"], e["status"]) == ("RUS", "UKR", "190", "asserted"), e
assert e["plover"] == {"type": "ASSAULT", "mode": "", "context": ["military"]}, e["plover"]
assert e["quad_class"] == 4 and e["goldstein"] == -10.0 and e["quote"] is None, e
'

# --dict: the user's verbs and discards; a malformed verb line is reported, one whose
# forms are separated by commas is none
printf 'Zembla threatened Osterlich with invasion.\n' >"$TMP/z.txt"
"$DYAD" code --dict "$DATA" "$TMP/z.txt" >"$OUT" 2>"$ERR"
grep -q '"cameo":"138"' "$OUT" || { cat "$OUT"; exit 1; }
grep -q ': 1 malformed verb or discard line skipped' "$ERR" || { cat "$ERR"; exit 1; }
grep -q 'fictional.verbs:14: a verb line is one word' "$ERR" || { cat "$ERR"; exit 1; }

# a joint actor's code ("FRO/BIL/SAM" in PETRARCH's suites) is a code, and the next
# record keeps its own
printf 'Vardania attacked Osterlich.\n' >"$TMP/v.txt"
"$DYAD" code --dict "$DATA" "$TMP/v.txt" 2>/dev/null | python3 -c '
import json, sys
e = [(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in json.loads(sys.stdin.read())["events"]]
assert e == [("ZEM/OST", "OST", "190")], e
'

# "%": a pattern for actors joined by a conjunction, who then act toward each other
printf 'Zembla and Osterlich downplayed their meeting. Zembla downplayed the meeting.\n' >"$TMP/c.txt"
"$DYAD" code --dict "$DATA" "$TMP/c.txt" 2>/dev/null | python3 -c '
import json, sys
e = [(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in json.loads(sys.stdin.read())["events"]]
assert sorted(e) == [("OST", "ZEM", "120"), ("ZEM", "OST", "120")], e
'

# "^" at a preposition skips its whole phrase: "(AT ^ ^) +" skips "Vardania" and "with the
# parliament", and the target is the country after them (PETRARCH's IFTAR pattern)
printf 'Zembla celebrated the feast at Vardania with the parliament of Osterlich.\n' >"$TMP/f.txt"
"$DYAD" code --dict "$DATA" "$TMP/f.txt" 2>/dev/null | python3 -c '
import json, sys
e = [(e["source"]["code"], e["target"]["code"], e["cameo"]) for e in json.loads(sys.stdin.read())["events"]]
assert e == [("ZEM", "OST", "017")], e
'

# a fictional PETRARCH suite: exact totals (T-7: a negated 110 counts as PETRARCH's 050;
# T-6: a negated 130, which PETRARCH codes as nothing, counts as nothing; T-8: a claimed
# attack counts as the claim only, 015; T-9: "^" skips a phrase; T-10, T-11: a lone "(TO)"
# holds the target, or there is none)
"$DYAD" eval petrarch --dict "$DATA" "$DATA/suite.jsonl" >"$OUT" 2>"$ERR"
sed -n 1,5p "$OUT" >"$TMP/totals"
diff - "$TMP/totals" <<'TXT'
records     10 (1 marked not to evaluate, skipped)
expected    10
found       9 (90.0%)
missed      1
extra       0 (0.0% of expected)
TXT
expect_exit 2 "$DYAD" eval petrarch
grep -q 'which suite' "$ERR"
expect_exit 3 "$DYAD" eval petrarch "$TMP/no-such.jsonl"
"$DYAD" eval petrarch --help | grep -q -- '--dict DIR'

# the shared suites and the gold set: floors a little under what dyad reaches
S="${DYAD_SHARED:-}"
if [ -z "$S" ] || [ ! -d "$S/data/events/suites" ]; then
    echo "skipped: shared suites (set DYAD_SHARED)"; exit 0
fi
floor() { # floor FILE MIN_FOUND MAX_EXTRA
    awk -v f="$2" -v x="$3" '
        /^found/ { gsub(/[(%)]/, "", $3); found = $3 + 0 }
        /^extra/ { gsub(/[(%)]/, "", $3); extra = $3 + 0 }
        END { if (found < f || extra > x) { print "found " found "% (floor " f "), extra " extra "% (ceiling " x ")"; exit 1 } }' "$1"
}
"$DYAD" eval petrarch --dict "$S/data/events/universalpetrarch" \
    "$S/data/events/suites/udpetr_validate_2_02.jsonl" >"$OUT" 2>/dev/null
floor "$OUT" 75 10
mkdir "$TMP/gsr"
for f in Phoenix.Countries.actors.txt Phoenix.International.actors.txt \
         Phoenix.MilNonState.actors.txt Phoenix.agents.txt Phoenix.discards.txt CAMEO.2.0.txt; do
    ln -s "$S/data/events/petrarch2/$f" "$TMP/gsr/$f"
done
"$DYAD" eval petrarch --dict "$TMP/gsr" "$S/data/events/suites/petr2_gsr_validation.jsonl" \
    >"$OUT" 2>/dev/null
floor "$OUT" 54 27

# the Wikinews gold set: event recall floor and no flood of events
GOLD="$S/data/gold/wikinews-dev.jsonl"
files=$(python3 -c 'import json,sys; print(" ".join(sys.argv[2] + "/" + json.loads(l)["file"] for l in open(sys.argv[1])))' \
    "$GOLD" "$S/data/news/wikinews/articles")
# shellcheck disable=SC2086
"$DYAD" code $files >"$TMP/gold.jsonl" 2>/dev/null
python3 "$S/tools/score.py" "$GOLD" "$TMP/gold.jsonl" --json | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
assert r["event_recall"] >= 0.35, r
assert r["events_per_doc"] <= 8, r
'
