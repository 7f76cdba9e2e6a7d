#!/bin/sh
# dyad code: "quotes" in the output contract (text, span, direct, cue, speaker, denial,
# denies); an empty array when the stage ran and found none; absent without a model.
set -eu
. "$(dirname "$0")/lib.inc"

printf 'date 2024-01-26 Talks\n\nThe Daily Herald reported that the minister had resigned. The ministry denied that the minister had resigned. "We will not give up," said Foreign Minister Ana Ruiz.\n' |
    "$DYAD" code >"$OUT"
python3 - "$OUT" <<'PY'
import json, sys
rec = json.loads(open(sys.argv[1]).read())
text = ("Talks\n\nThe Daily Herald reported that the minister had resigned. The ministry denied "
        "that the minister had resigned. \"We will not give up,\" said Foreign Minister Ana Ruiz.").encode()
q = rec["quotes"]
assert [x["text"] for x in q] == ["the minister had resigned", "the minister had resigned",
                                  "We will not give up,"], q
for x in q:
    assert text[x["span"][0]:x["span"][1]].decode() == x["text"], x
    sp = x["speaker"]
    assert text[sp["span"][0]:sp["span"][1]].decode() == sp["text"], sp
    assert sp["kind"] in ("person", "anonymous", "organization", "media", "document", "other")
assert q[0]["direct"] is False and q[0]["cue"] == "reported" and q[0]["speaker"]["kind"] == "media"
assert q[1]["denial"] is True and q[1]["denies"] == 0 and "denial" not in q[0]
assert q[2]["direct"] is True and q[2]["speaker"]["name"] == "Ana Ruiz", q[2]
PY
printf 'The river rose overnight.\n' | "$DYAD" code | python3 -c 'import json,sys; assert json.load(sys.stdin)["quotes"] == []'
printf '"Yes," he said.\n' | "$DYAD" code --no-model | python3 -c 'import json,sys; assert "quotes" not in json.load(sys.stdin)'
