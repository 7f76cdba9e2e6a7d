// Tags one sentence per input line with wink-nlp and prints, per line, the tokens as
// [start, end, upos] character offsets into that line; the timing goes to stderr.
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const t0 = process.hrtime.bigint();
const nlp = winkNLP(model);
const its = nlp.its;
const t1 = process.hrtime.bigint();
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.length);
const out = [];
for (const line of lines) {
  const doc = nlp.readDoc(line);
  const values = doc.tokens().out(its.value);
  const pos = doc.tokens().out(its.pos);
  const spaces = doc.tokens().out(its.precedingSpaces);
  let at = 0;
  const toks = [];
  for (let i = 0; i < values.length; i++) {
    at += [...spaces[i]].length; // code points, as Python counts them
    const len = [...values[i]].length;
    toks.push([at, at + len, pos[i]]);
    at += len;
  }
  out.push(JSON.stringify(toks));
}
const t2 = process.hrtime.bigint();
fs.writeFileSync(process.argv[3], out.join('\n') + '\n');
console.error(JSON.stringify({load_s: Number(t1 - t0) / 1e9, tag_s: Number(t2 - t1) / 1e9}));
