#!/usr/bin/env python3
"""Compiles dyad's default actor dictionary (data/actors/actors.dict) from its sources.

Usage: tools/compile-actors.py [--shared ../shared] [--out data/actors/actors.dict]

Sources, merged in this order (a later source wins for the same phrase):
  petrarch2/Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
  Phoenix.MilNonState.actors.txt  (MIT, Open Event Data Alliance)      -> actors
  /usr/share/iso-codes/json/iso_3166-1.json (Debian iso-codes, LGPL-2.1+) -> country names
  countryinfo/CountryInfo.120116.txt (CC BY-SA 3.0): names, nationalities -> countries,
                                     capitals -> place metonyms (alone: the government)
  ngec/countries.csv (MIT): names and nationality adjectives/demonyms    -> countries
  data/actors/metonyms.txt (hand-curated, Phoenix actor format)          -> place metonyms
  data/actors/supplement.txt (hand-curated, Phoenix actor format)        -> actors
  petrarch2/Phoenix.agents.txt, then ngec/PLOVER_agents.txt (MIT; its MED,
  medical, written as CAMEO's HLH), then data/actors/supplement-agents.txt -> agents
(CountryInfo's leaders are not read again: Phoenix.Countries.actors.txt was generated
from a later CountryInfo and already carries every leader with the dates of office.)

Output format (UTF-8 text, one record a line, fields separated by TAB):
  line 1:  dyad-actors <TAB> 1 <TAB> RECORDS <TAB> CRC
           RECORDS = number of record lines; CRC = CRC-32 (IEEE, 8 hex digits) of every
           byte after the first line, so truncation and corruption are detected at load.
  '#' lines are comments.
  record:  KIND <TAB> CODES <TAB> PHRASE [<TAB> PHRASE ...]
    KIND   a = actor (person, organisation, country, city): the code as given;
           m = place metonym (a capital): alone it is its code (RUSGOV), with an agent
               noun it is only the country ("Kyiv police" -> UKRCOP);
           g = agent (a role noun): CODES is ~ROLE (appended to the country) or ROLE~.
    CODES  space-separated items CODE or CODE/FROM/TO, FROM and TO dates as YYYYMMDD
           (0 = open): the first item whose range holds the date applies, an item
           without a range is the default (PETRARCH's date restrictions).
    PHRASE normalised: case-folded, accents stripped, words of letters and digits
           joined by one space; '.' is dropped inside words (U.S. -> us), a final 's
           is dropped, other apostrophes are dropped, every other character separates
           words. The first phrase of a record is its root (the agent's singular form).
"""
import argparse, csv, json, os, re, sys, unicodedata, zlib

def normalize(s):
    """Must match actor_words_split in src/actors/normalize.c."""
    m = []
    for c in s:  # per character: decompose, strip marks, case-fold (utf8proc's options)
        d = unicodedata.normalize('NFD', c)
        m.extend(d if c.isascii() else ''.join(x for x in d if unicodedata.category(x)[0] != 'M').casefold())
    m = [c.lower() if c.isascii() else c for c in m]
    words, cur, i = [], [], 0
    while i < len(m):
        c = m[i]
        if c in "'\u2019":
            if i + 1 < len(m) and m[i + 1] == 's' and (i + 2 >= len(m) or not is_word(m[i + 2])):
                i += 1
        elif c == '.':
            pass
        elif is_word(c):
            cur.append(c)
        elif cur:
            words.append(''.join(cur)); cur = []
        i += 1
    if cur:
        words.append(''.join(cur))
    return ' '.join(words)

def is_word(c):
    if c.isascii():
        return c.isalnum()
    return unicodedata.category(c)[0] in 'LN'

def parse_date(s):
    """YYMMDD (YY <= 30 is 20YY, as PETRARCH) or YYYYMMDD -> int YYYYMMDD, None if bad."""
    if not s.isdigit() or len(s) not in (6, 8):
        return None
    if len(s) == 6:
        yy = int(s[:2])
        s = str(2000 + yy if yy <= 30 else 1900 + yy) + s[2:]
    y, m, d = int(s[:4]), int(s[4:6]), int(s[6:8])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return y * 10000 + m * 100 + d

def parse_code(text):
    """'RUSGOV 990809-000507', 'RUSGOV >080508', 'RUSGOV' -> 'RUSGOV/19990809/20000507' etc."""
    parts = text.split(None, 1)
    if not parts:
        return None
    code, rest = parts[0], (parts[1].strip() if len(parts) > 1 else '')
    if code == '---' or not re.fullmatch(r'[A-Z0-9~]{1,24}', code):
        return None
    if not rest:
        return code
    rest = rest.replace(' ', '')
    if rest[0] in '<>':
        d = parse_date(rest[1:])
        if d is None:
            return None
        return '%s/0/%d' % (code, d) if rest[0] == '<' else '%s/%d/0' % (code, d)
    a, _, b = rest.partition('-')
    da, db = parse_date(a), parse_date(b)
    if da is None or db is None or db < da:
        return None
    return '%s/%d/%d' % (code, da, db)

GENERIC_NAMES = ('senate',)
# an English word a group's name was translated to, which news writes for other things:
# Phoenix's Iranian "Shahin" is also "Falcon" ("the Falcon 9 rocket" was Iranian rebels)
COMMON_WORD_NAMES = ('falcon',)

class Dict:
    def __init__(self):
        self.groups = []   # [kind, codes, [phrases]]
        self.owner = {}    # (class, phrase) -> group index: a later definition wins
        self.skipped = 0

    def group(self, kind, codes):
        self.groups.append([kind, codes, []])
        return len(self.groups) - 1

    def add(self, g, phrase):
        p = normalize(phrase)
        if not p or len(p.encode('utf-8')) > 255 or p.count(' ') >= 24:
            self.skipped += 1  # the loader's limits: ACTOR_MAX_PHRASE, ACTOR_MAX_WORDS
            return
        key = ('g' if self.groups[g][0] == 'g' else 'a', p)
        old = self.owner.get(key)
        if old is not None and old != g:
            self.groups[old][2].remove(p)
        if old != g:
            self.groups[g][2].append(p)
        self.owner[key] = g

def strip_comment(line):
    for mark in ('#', ';'):
        k = line.find(mark)
        if k >= 0:
            line = line[:k]
    return line

def read_actors(d, path, kind='a'):
    """PETRARCH actor file: primary lines, '+' synonyms, tab-indented [CODE dates] lines.
    Consecutive primaries without any code share one code list (as PETRARCH does)."""
    pending, codes = [], []
    def flush():
        if pending and codes:
            g = d.group(kind, ' '.join(codes))
            for p in pending:
                d.add(g, p)
    for raw in open(path, encoding='utf-8', errors='replace'):
        if raw.startswith('<!') or '---STOP---' in raw:
            continue
        line = strip_comment(raw.rstrip('\n'))
        if not line.strip():
            continue
        if line[0] in '\t ' and '[' in line:
            for c in re.findall(r'\[([^\]]*)\]', line):
                pc = parse_code(c.strip())
                if pc: codes.append(pc)
                else: d.skipped += 1
            continue
        if line[0] == '+':
            pending.append(line[1:].split('[')[0].strip())
            continue
        if codes:
            flush()
            pending, codes = [], []
        name = line.split('[')[0].strip()
        pending.append(name)
        for c in re.findall(r'\[([^\]]*)\]', line):
            pc = parse_code(c.strip())
            if pc: codes.append(pc)
            else: d.skipped += 1
    flush()

def plural(w):
    """Must match plural() in src/actors/petrarch.c."""
    if w.endswith('Y') and not w.endswith(('AY', 'EY', 'IY', 'OY', 'UY')):
        return w[:-1] + 'IES'
    if w.endswith(('S', 'SH', 'CH', 'X', 'Z')):
        return w + 'ES'
    return w + 'S'

def cameo_roles(code):
    """PLOVER's agent file writes medical as MED, which is CAMEO's (and Phoenix's) code
    for the media: its medical roles become CAMEO's HLH, so MED means one thing."""
    head, _, roles = code.partition('~')
    parts = [roles[i:i + 3] for i in range(0, len(roles), 3)]
    return head + '~' + ''.join('HLH' if p == 'MED' else p for p in parts)

def read_agents(d, path, recode=None):
    """PETRARCH agent file: PHRASE {PLURAL} [~CODE]; !MARKER! = a, b substitution sets."""
    subst = {}
    for raw in open(path, encoding='utf-8', errors='replace'):
        if raw.startswith('<!'):
            continue
        line = strip_comment(raw.rstrip('\n')).strip()
        if not line:
            continue
        m = re.fullmatch(r'!([A-Z]+)!\s*=\s*(.*)', line)
        if m:
            subst[m.group(1)] = [x.strip() for x in m.group(2).split(',') if x.strip()]
            continue
        m = re.fullmatch(r'([^\[{]+?)\s*(\{[^}]*\})?\s*\[([^\]]+)\]\s*', line)
        if not m or '~' not in m.group(3):
            d.skipped += 1
            continue
        code = m.group(3).strip()
        if recode:
            code = recode(code)
        phrase, plur = m.group(1).strip(), m.group(2)
        mk = re.search(r'!([A-Z]+)!', phrase)
        if mk:
            forms = [phrase.replace(mk.group(0), s) for s in subst.get(mk.group(1), [])]
            if forms:
                g = d.group('g', code)
                for f in forms: d.add(g, f)
            continue
        g = d.group('g', code)
        d.add(g, phrase)
        base = phrase.rstrip('_ ')
        if plur is not None:
            for p in plur[1:-1].split(','):
                if p.strip(): d.add(g, p.strip())
        else:
            d.add(g, plural(base))

def read_iso(d, path):
    for c in json.load(open(path, encoding='utf-8'))['3166-1']:
        g = d.group('a', c['alpha_3'])
        for k in ('name', 'official_name', 'common_name'):
            if k in c:
                d.add(g, c[k])

def read_countryinfo(d, path):
    """Country names and nationalities as actors; capitals as place metonyms."""
    text = open(path, encoding='latin-1').read()
    for block in re.findall(r'^<Country>\s*$(.*?)^</Country>', text, re.S | re.M):
        m = re.search(r'<CountryCode>\s*([A-Z]{3})\s*</CountryCode>', block)
        if not m:
            continue
        iso = m.group(1)
        g = d.group('a', iso)
        names = re.search(r'<CountryName>(.*?)</CountryName>', block, re.S)
        if names: d.add(g, names.group(1).strip())
        for tag in ('Nationality',):
            for item in section(block, tag): d.add(g, item)
        caps = section(block, 'Capital')
        if caps:
            gm = d.group('m', iso + 'GOV')
            for item in caps: d.add(gm, item)

def section(block, tag):
    m = re.search(r'<%s>(.*?)</%s>' % (tag, tag), block, re.S)
    if not m:
        return []
    items = [strip_comment(x).strip() for x in m.group(1).split('\n')]
    return [x for x in items if x and not x.startswith('<')]

def read_ngec_countries(d, path, iso_codes):
    """Skips NGEC's pseudo-countries (EUR, UNO): Phoenix has their CAMEO IGO codes. A
    one-word nationality in -an with no plural anywhere gets one ("Kenyan" -> "Kenyans",
    "Serbian" -> "Serbians"): news names peoples so ("thousands of Serbians")."""
    rows = [r for r in csv.DictReader(open(path, encoding='utf-8')) if r['CCA3'] in iso_codes]
    names = {r['Name'].strip().lower() for r in rows}
    for row in rows:
        g = d.group('a', row['CCA3'])
        d.add(g, row['Name'])
        items = [n.strip() for n in row['Nationality'].split(',') if n.strip()]
        for n in items:
            d.add(g, n)
        for n in items:
            if (' ' not in n and n.endswith('an') and n.lower() not in names and
                    ('a', normalize(n + 's')) not in d.owner):
                d.add(g, n + 's')

def write(d, out):
    body = []
    for kind, codes, phrases in d.groups:
        if phrases:
            body.append('%s\t%s\t%s\n' % (kind, codes, '\t'.join(phrases)))
    head = ['# dyad default actor dictionary: generated by tools/compile-actors.py; do not edit.\n',
            '# Sources: Phoenix/PETRARCH dictionaries and NGEC PLOVER agents (MIT, Open Event Data\n',
            '# Alliance), CountryInfo.120116 (CC BY-SA 3.0), iso-codes (LGPL-2.1+), data/actors/*.txt.\n']
    data = ''.join(head + body).encode('utf-8')
    crc = zlib.crc32(data) & 0xffffffff
    with open(out, 'wb') as f:
        f.write(('dyad-actors\t1\t%d\t%08x\n' % (len(body), crc)).encode())
        f.write(data)
    return len(body)

def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap.add_argument('--shared', default=os.path.join(repo, '..', 'shared'))
    ap.add_argument('--iso', default='/usr/share/iso-codes/json/iso_3166-1.json')
    ap.add_argument('--out', default=os.path.join(repo, 'data', 'actors', 'actors.dict'))
    a = ap.parse_args()
    ev = os.path.join(a.shared, 'data', 'events')
    own = os.path.join(repo, 'data', 'actors')
    d = Dict()
    for f in ('Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt',
              'Phoenix.MilNonState.actors.txt'):
        read_actors(d, os.path.join(ev, 'petrarch2', f))
    read_iso(d, a.iso)
    read_countryinfo(d, os.path.join(ev, 'countryinfo', 'CountryInfo.120116.txt'))
    iso_codes = {c['alpha_3'] for c in json.load(open(a.iso, encoding='utf-8'))['3166-1']}
    read_ngec_countries(d, os.path.join(ev, 'ngec', 'countries.csv'), iso_codes | {'XKX'})
    read_actors(d, os.path.join(own, 'metonyms.txt'), kind='m')
    read_actors(d, os.path.join(own, 'supplement.txt'))
    read_agents(d, os.path.join(ev, 'petrarch2', 'Phoenix.agents.txt'))
    read_agents(d, os.path.join(ev, 'ngec', 'PLOVER_agents.txt'), recode=cameo_roles)
    read_agents(d, os.path.join(own, 'supplement-agents.txt'))
    # a name every country gives its own body is a role there, not one country's actor:
    # "the senate" of an Argentine story is Argentina's (Phoenix lists it as the US
    # Congress); with no other country named the story's is the United States' anyway
    for phrase in GENERIC_NAMES + COMMON_WORD_NAMES:
        g = d.owner.pop(('a', normalize(phrase)), None)
        if g is not None:
            d.groups[g][2].remove(normalize(phrase))
    n = write(d, a.out)
    phrases = sum(len(g[2]) for g in d.groups)
    print('compile-actors: %d records, %d phrases, %d codes skipped, %d bytes -> %s'
          % (n, phrases, d.skipped, os.path.getsize(a.out), a.out), file=sys.stderr)

if __name__ == '__main__':
    main()
