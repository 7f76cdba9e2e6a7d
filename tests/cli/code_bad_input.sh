#!/bin/sh
# dyad code on bad input: each case names the document and the problem, every other
# document is still coded, and the exit status is 1.
set -eu
. "$(dirname "$0")/lib.inc"
D="$TMP/in"
mkdir -p "$D"
printf 'date 2024-01-26 Good one\n\nRussia and China signed a deal.\n' >"$D/a-good.txt"
printf 'date 2024-01-26 Bad bytes\n\nCaf\351 \377 ok.\n' >"$D/b-utf8.txt"
printf 'date 2024-01-26 Nul\n\nOne\000two.\n' >"$D/c-nul.txt"
: >"$D/d-empty.txt"
head -c 4096 /dev/urandom | tr -d '\n' >"$D/e-binary.bin"
printf 'date 2024-13-45 Bad date\n\nText.\n' >"$D/f-baddate.txt"
printf '{"id":"j1","date":"2024-01-02","title":"T","text":"Fine."}\n{"id":"j2","text":"cut' >"$D/g-trunc.jsonl"
python3 -c 'import sys; sys.stdout.write("date 2024-01-01 Long\n\n" + "word " * 10_000_000)' >"$D/h-long.txt"

expect_exit 1 "$DYAD" code --no-model "$D" "$TMP/missing.txt" "$TMP/nodir/"
python3 - "$OUT" "$ERR" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
err = open(sys.argv[2]).read()
by = {r["id"]: r for r in recs}
def codes(i): return [e["code"] for e in by[i]["errors"]]
assert len(recs) == 11, [r["id"] for r in recs]
assert codes("nodir") == ["io"] and by["nodir"].get("failed")
assert codes("a-good") == [] and by["a-good"]["stats"]["tokens"] == 9
assert codes("b-utf8") == ["invalid_utf8"] and by["b-utf8"]["stats"]["tokens"] > 0
assert codes("c-nul") == ["nul_byte"]
assert codes("d-empty") == ["empty"] and by["d-empty"].get("failed")
assert codes("e-binary") == ["binary"] and by["e-binary"].get("failed")
assert codes("f-baddate") == ["bad_date"] and by["f-baddate"]["date"] is None
assert codes("j1") == [] and by["j1"]["stats"]["tokens"] == 3
bad = [r for r in recs if r["id"].startswith("g-trunc")]
assert len(bad) == 1 and bad[0]["errors"][0]["code"] == "bad_json" and bad[0].get("failed"), bad
assert by["h-long"]["stats"]["tokens"] == 10_000_000 + 1
assert codes("missing") == ["io"] and by["missing"].get("failed")
for needle in ("b-utf8.txt [b-utf8]: invalid_utf8", "d-empty.txt [d-empty]: empty",
               "e-binary.bin [e-binary]: binary", "2024-13-45", "missing.txt [missing]: io",
               "g-trunc.jsonl", "bad_json"):
    assert needle in err, (needle, err)
PY
