/* Tokenizer: UD English EWT conventions over whitespace chunks, in one linear pass.
 *
 * The text is cut at whitespace into chunks; each chunk is scanned left to right
 * into words (letters and digits with their connectors: 3.5, 1,000, 7:30, U.S,
 * O'Brien, e-mail, AT&T, a@b.com) and punctuation (a run of .!? or of one symbol is
 * one token). A word is then split where EWT splits it: hyphens (al - Qaeda, but
 * non-violence and 713-853-3989 stay), clitics (do n't, Russia 's, gon na), number
 * and unit (5 kg, 7:30 PM); a following period joins it when it is an abbreviation
 * (Mr., U.S., J.). Every token is a slice of the text. */
#include "tokenize.h"
#include "../text/text.h"

#include <stdlib.h>
#include <string.h>

typedef struct scan {
    const unsigned char *s; /* doc->text */
    size_t len;
    dyad_arena *arena;
    dyad_token *tok;        /* [cap] tokens, in the arena */
    size_t n, cap;
    uint32_t *cand;         /* [cand_cap] tokens the splitter must look at, in order */
    size_t n_cand, cand_cap;
    bool oom;
} scan;

/* Doubles the token array inside the arena (the old block stays there unused; the
 * first guess fits news text, so this is rare). */
static bool grow(scan *sc)
{
    size_t cap = sc->cap * 2 + 64;
    dyad_token *t = dyad_arena_alloc(sc->arena, cap * sizeof *t);
    if (!t) {
        sc->oom = true;
        return false;
    }
    if (sc->n)
        memcpy(t, sc->tok, sc->n * sizeof *t);
    sc->tok = t;
    sc->cap = cap;
    return true;
}

/* Records token i as a place where a sentence may end: punctuation, a word ending in
 * a period, or a token before a line break. The splitter looks only at these. */
static void candidate(scan *sc, size_t i)
{
    if (sc->n_cand && sc->cand[sc->n_cand - 1] == i)
        return;
    if (sc->n_cand == sc->cand_cap) {
        size_t cap = sc->cand_cap * 2 + 64;
        uint32_t *c = dyad_arena_alloc(sc->arena, cap * sizeof *c);
        if (!c) {
            sc->oom = true;
            return;
        }
        if (sc->n_cand)
            memcpy(c, sc->cand, sc->n_cand * sizeof *c);
        sc->cand = c;
        sc->cand_cap = cap;
    }
    sc->cand[sc->n_cand++] = (uint32_t)i;
}

static inline void emit(scan *sc, size_t a, size_t b, uint32_t flags)
{
    if (b <= a || (sc->n == sc->cap && !grow(sc)))
        return;
    unsigned char c = sc->s[a];
    if (c == '.' || c == '!' || c == '?' || c == 0xE2 || sc->s[b - 1] == '.')
        candidate(sc, sc->n);
    sc->tok[sc->n++] = (dyad_token){.start = (uint32_t)a, .end = (uint32_t)b, .flags = flags,
                                    .head = -1};
}

static inline unsigned cls(const scan *sc, size_t i, size_t *n)
{
    if (i >= sc->len) {
        *n = 0;
        return 0;
    }
    return dyad_class_at(sc->s + i, sc->len - i, n);
}

/* Class of the character that ends just before i (0 when i is at lo). */
static unsigned cls_before(const scan *sc, size_t i, size_t lo)
{
    if (i <= lo)
        return 0;
    size_t j = i - 1, n;
    while (j > lo && (sc->s[j] & 0xC0) == 0x80 && i - j < 4)
        j--; /* back to the lead byte of a UTF-8 sequence */
    return cls(sc, j, &n);
}

/* Length of an apostrophe at i (' or U+2019), else 0. */
static size_t apostrophe_at(const scan *sc, size_t i, size_t b)
{
    if (i < b && sc->s[i] == '\'')
        return 1;
    if (i + 2 < b && sc->s[i] == 0xE2 && sc->s[i + 1] == 0x80 && sc->s[i + 2] == 0x99)
        return 3;
    return 0;
}

static bool is_digit(const scan *sc, size_t i, size_t b)
{
    return i < b && sc->s[i] >= '0' && sc->s[i] <= '9';
}

static bool is_alnum_ascii(const scan *sc, size_t i)
{
    return (dyad_ascii_class[sc->s[i]] & DYAD_CC_ALNUM) != 0;
}

static bool is_upper_ascii(const scan *sc, size_t i, size_t b)
{
    return i < b && sc->s[i] >= 'A' && sc->s[i] <= 'Z';
}

/* Length of the connector at q that keeps the word [p, q) going, or 0. */
static size_t connector(const scan *sc, size_t p, size_t q, size_t b)
{
    size_t n, ap = apostrophe_at(sc, q, b), dots = q;
    while (dots < b && sc->s[dots] == '.')
        dots++;
    if (dots - q >= 2 && dots + 1 < b && sc->s[dots] == '@' && is_alnum_ascii(sc, dots + 1))
        return dots - q; /* an obfuscated address: jo...@mail.com */
    unsigned next = cls(sc, q + (ap ? ap : 1), &n);
    if (q + (ap ? ap : 1) >= b || !(next & DYAD_CC_ALNUM))
        return 0;
    unsigned prev = cls_before(sc, q, p);
    if (ap && (prev & DYAD_CC_DIGIT)) /* 1990's, 50's: a plural EWT keeps whole */
        return (sc->s[q + ap] | 32) == 's' && !(cls(sc, q + ap + 1, &n) & DYAD_CC_ALNUM) ? ap : 0;
    if (ap)
        return (prev & DYAD_CC_LETTER) && (next & DYAD_CC_LETTER) ? ap : 0;
    switch (sc->s[q]) {
    case '.': case '-': case '_': case '@':
        return 1;
    case ',': case ':':
        return is_digit(sc, q - 1, b) && is_digit(sc, q + 1, b);
    case '/':
        return (is_digit(sc, q - 1, b) && is_digit(sc, q + 1, b)) ||
               (q - p == 1 && (prev & DYAD_CC_LETTER)); /* w/o, I/S */
    case '&':
        return is_upper_ascii(sc, q - 1, b) && is_upper_ascii(sc, q + 1, b); /* AT&T */
    default:
        return 0;
    }
}

/* Connectors a word crossed, so that later steps skip what cannot apply. */
enum { W_DOT = 1, W_HYPHEN = 2, W_AT = 4, W_APOS = 8, W_SLASH = 16 };

/* ASCII bytes that connector() may accept inside a word. */
static const bool may_connect[128] = {['.'] = 1, [','] = 1, [':'] = 1, ['/'] = 1, ['\''] = 1,
                                      ['-'] = 1, ['&'] = 1, ['@'] = 1, ['_'] = 1};

/* End of the word that starts at p (inside chunk [., b)); *seen gets W_* bits. */
static inline size_t word_end(const scan *sc, size_t p, size_t b, unsigned *seen)
{
    size_t q = p, n;
    *seen = 0;
    while (q < b) {
        if (dyad_ascii_class[sc->s[q]] & DYAD_CC_ALNUM) { /* 0 for bytes >= 0x80 */
            q++;
            continue;
        }
        if (sc->s[q] < 0x80 && (!may_connect[sc->s[q]] ||
                                (q + 1 < b && sc->s[q + 1] < 0x80 && sc->s[q + 1] != '.' &&
                                 !(dyad_ascii_class[sc->s[q + 1]] & DYAD_CC_ALNUM))))
            break; /* the common end: a space, or punctuation not followed by a letter */
        unsigned c = cls(sc, q, &n);
        if (c & (DYAD_CC_ALNUM | DYAD_CC_MARK)) {
            q += n;
            continue;
        }
        size_t k = connector(sc, p, q, b);
        if (!k)
            break;
        static const unsigned char bit[128] = {['.'] = W_DOT, ['-'] = W_HYPHEN, ['@'] = W_AT,
                                               ['/'] = W_SLASH, ['\''] = W_APOS};
        *seen |= sc->s[q] < 0x80 ? bit[sc->s[q]] : W_APOS;
        q += k;
    }
    return q;
}

/* Whether [a, e) ends with an apostrophe (' or U+2019) then the ASCII letters suf
 * (any case) after at least one letter; returns the offset of the apostrophe or 0. */
static size_t clitic_at(const scan *sc, size_t a, size_t e, const char *suf, size_t k)
{
    if (e - a < k + 2)
        return 0;
    for (size_t i = 0; i < k; i++)
        if ((sc->s[e - k + i] | 32) != suf[i])
            return 0;
    size_t at = e - k - 1;
    if (sc->s[at] != '\'') {
        if (e - a < k + 4 || sc->s[at] != 0x99 || sc->s[at - 1] != 0x80 || sc->s[at - 2] != 0xE2)
            return 0;
        at -= 2;
    }
    return at > a && (cls_before(sc, at, a) & DYAD_CC_LETTER) ? at : 0;
}

/* Whether a contraction could end [a, e): an apostrophe was crossed, or a short
 * word starts and ends like one of the fused forms (cannot, gonna, dont, im). It runs
 * for every word, so the cheapest tests come first. */
static inline bool may_be_contraction(const scan *sc, size_t a, size_t e, unsigned seen)
{
    static const bool fused_first[128] = {['a'] = 1, ['c'] = 1, ['d'] = 1, ['g'] = 1, ['h'] = 1,
                                          ['i'] = 1, ['s'] = 1, ['w'] = 1, ['A'] = 1, ['C'] = 1,
                                          ['D'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['S'] = 1,
                                          ['W'] = 1};
    if (seen & W_APOS)
        return true;
    char y = (char)(sc->s[e - 1] | 32);
    if ((y != 't' && y != 'a' && y != 'm') || e - a < 2 || e - a > 8)
        return false;
    char x = (char)(sc->s[e - 2] | 32); /* the fused forms end in nt, ot, na, ta, im */
    bool ending = y == 't' ? (x == 'n' || x == 'o') : y == 'a' ? (x == 'n' || x == 't') : x == 'i';
    return ending && sc->s[a] < 0x80 && fused_first[sc->s[a]];
}

/* Emits [a, e) with the clitic split of EWT: do|n't, Russia|'s, I|'m, can|not. */
static void emit_clitic(scan *sc, size_t a, size_t e, unsigned seen)
{
    static const struct { const char *s; size_t len; } clitics[] = {
        {"s", 1}, {"m", 1}, {"d", 1}, {"ll", 2}, {"re", 2}, {"ve", 2}};
    if (!may_be_contraction(sc, a, e, seen)) {
        emit(sc, a, e, 0);
        return;
    }
    size_t cut = tok_fused_split((const char *)sc->s + a, e - a), at;
    if (!cut && (at = clitic_at(sc, a, e, "t", 1)) && at - a >= 2 && (sc->s[at - 1] | 32) == 'n')
        cut = at - 1 - a; /* n't: the n goes with the clitic */
    for (size_t i = 0; !cut && i < sizeof clitics / sizeof clitics[0]; i++)
        if ((at = clitic_at(sc, a, e, clitics[i].s, clitics[i].len)))
            cut = at - a;
    if (cut && cut < e - a) {
        emit(sc, a, a + cut, 0);
        emit(sc, a + cut, e, DYAD_TOKEN_CLITIC);
    } else {
        emit(sc, a, e, 0);
    }
}

/* Emits a piece of a word, splitting a number from its unit (5|kg, 7:30|PM). */
static void emit_piece(scan *sc, size_t a, size_t e, bool last, unsigned seen)
{
    if (is_digit(sc, a, e)) {
        size_t u = a;
        while (u < e && (is_digit(sc, u, e) || sc->s[u] == '.' || sc->s[u] == ',' || sc->s[u] == ':'))
            u++;
        size_t z = u;
        while (z < e && sc->s[z] < 0x80 && (dyad_ascii_class[sc->s[z]] & DYAD_CC_LETTER))
            z++;
        if (u < e && z == e && tok_is_unit((const char *)sc->s + u, e - u)) {
            emit(sc, a, u, 0);
            emit(sc, u, e, 0);
            return;
        }
    }
    if (last)
        emit_clitic(sc, a, e, seen);
    else
        emit(sc, a, e, 0);
}

/* Whether the hyphenated word [p, e) is a number that stays whole: a phone number
 * or an ISO date (3+ digit groups, or 3 + 4 digits). Called once per word. */
static bool number_stays(const scan *sc, size_t p, size_t e)
{
    size_t groups = 1, digits = 0, first = 0;
    for (size_t i = p; i < e; i++) {
        if (sc->s[i] == '-')
            first = groups++ == 1 ? i - p : first;
        else if (is_digit(sc, i, e))
            digits++;
        else
            return false;
    }
    return groups >= 3 || (groups == 2 && first == 3 && e - p == 8) || digits > 12;
}

/* Whether the text after the period at dot starts a new sentence: the end of the
 * text, a blank line, or (after opening quotes) a capitalised sentence starter. EWT
 * then splits the period from an abbreviation ("etc ."), so the stop is its own token. */
static bool period_ends_sentence(const scan *sc, size_t dot)
{
    size_t i = dot + 1, n;
    int newlines = 0;
    if (i < sc->len && !(cls(sc, i, &n) & DYAD_CC_SPACE))
        return false;
    while (i < sc->len && (cls(sc, i, &n) & DYAD_CC_SPACE)) {
        newlines += sc->s[i] == '\n';
        i += n;
    }
    if (i >= sc->len || newlines >= 2)
        return true;
    while (i < sc->len && (sc->s[i] == '"' || sc->s[i] == '(' ||
                           (sc->s[i] == 0xE2 && i + 2 < sc->len && sc->s[i + 2] == 0x9C)))
        i += sc->s[i] == 0xE2 ? 3 : 1;
    size_t e = i;
    while (e < sc->len && e - i < 16 && (dyad_ascii_class[sc->s[e]] & DYAD_CC_LETTER))
        e++;
    return is_upper_ascii(sc, i, sc->len) && tok_is_starter((const char *)sc->s + i, e - i);
}

/* Whether a period after the word piece [a, e) belongs to it (Mr., U.S., J.). */
static bool takes_period(const scan *sc, size_t a, size_t e, unsigned seen)
{
    const char *w = (const char *)sc->s + a;
    size_t len = e - a, n;
    if (len == 1 && is_upper_ascii(sc, a, e))
        return !period_ends_sentence(sc, e); /* an initial, unless "... plan B. The" */
    if ((seen & W_DOT) && memchr(w, '.', len)) {
        size_t run = 0; /* U.S, p.m, Ph.D: letters in short runs */
        for (size_t i = a; i < e; i++) {
            if (sc->s[i] == '.')
                run = 0;
            else if (++run > 3 || !(cls(sc, i, &n) & DYAD_CC_LETTER))
                return false;
        }
        bool latin = len == 3 && (memcmp(w, "e.g", 3) == 0 || memcmp(w, "i.e", 3) == 0);
        return latin || !period_ends_sentence(sc, e); /* e.g. never ends a sentence */
    }
    tok_abbrev k = tok_abbrev_kind(w, len);
    if (k == TOK_ABBREV_NUMBER) {
        size_t i = e + 1;
        while (i < sc->len && sc->s[i] == ' ')
            i++;
        return is_digit(sc, i, sc->len);
    }
    return k == TOK_ABBREV_TITLE || (k == TOK_ABBREV_OTHER && !period_ends_sentence(sc, e));
}

/* Position of the slash in a fraction or ratio of two numbers that EWT splits
 * (2 / 3 of, 20 / 20, 1774 / 76), or 0: dates with three parts or a plausible
 * month/day (9/11, 6/14) stay whole. */
static size_t fraction_slash(const scan *sc, size_t p, size_t e)
{
    size_t slash = 0;
    unsigned left = 0, right = 0;
    for (size_t i = p; i < e; i++) {
        if (sc->s[i] == '/' && !slash)
            slash = i;
        else if (!is_digit(sc, i, e) || right > 9999)
            return 0;
        else if (slash)
            right = right * 10 + (unsigned)(sc->s[i] - '0');
        else if (left <= 9999)
            left = left * 10 + (unsigned)(sc->s[i] - '0');
    }
    bool date = left >= 1 && left <= 12 && right >= 1 && right <= 31;
    bool of = e + 4 <= sc->len && memcmp(sc->s + e, " of ", 4) == 0; /* 2/3 of the vote */
    return slash && (!date || of) ? slash : 0;
}

/* Splits the word [p, e) and returns where scanning resumes (after a joined period). */
static size_t emit_word(scan *sc, size_t p, size_t e, size_t b, unsigned seen)
{
    size_t slash;
    if (seen & W_AT) {
        emit(sc, p, e, 0); /* an e-mail address stays whole */
        return e;
    }
    if ((seen & W_SLASH) && (slash = fraction_slash(sc, p, e))) {
        emit(sc, p, slash, 0);
        emit(sc, slash, slash + 1, 0);
        emit(sc, slash + 1, e, 0);
        return e;
    }
    size_t seg = p;
    bool whole = (seen & W_HYPHEN) && number_stays(sc, p, e);
    for (size_t h = p; (seen & W_HYPHEN) && !whole && h < e; h++) {
        if (sc->s[h] != '-' || tok_is_prefix((const char *)sc->s + seg, h - seg))
            continue; /* non-violence, re-elect: EWT keeps these prefixes */
        emit_piece(sc, seg, h, false, seen);
        emit(sc, h, h + 1, 0);
        seg = h + 1;
    }
    bool period = e < b && sc->s[e] == '.' && !(e + 1 < b && sc->s[e + 1] == '.');
    if (period && takes_period(sc, seg, e, seen)) {
        emit(sc, seg, e + 1, 0);
        return e + 1;
    }
    emit_piece(sc, seg, e, true, seen);
    return e;
}

static inline bool space_at(const scan *sc, size_t p);

/* Length of a URL starting at p (to the end of the chunk, less trailing punctuation). */
static size_t url_len(const scan *sc, size_t p, size_t b)
{
    static const struct { const char *s; size_t len; } starts[] = {
        {"http://", 7}, {"https://", 8}, {"www.", 4}, {"ftp://", 6}, {"mailto:", 7}};
    const char *w = (const char *)sc->s + p;
    bool url = false;
    if (b - p > 4 && (w[1] == 't' || w[1] == 'w' || w[1] == 'a'))
        for (size_t i = 0; i < sizeof starts / sizeof starts[0] && !url; i++)
            url = b - p > starts[i].len && memcmp(w, starts[i].s, starts[i].len) == 0;
    if (!url)
        return 0;
    size_t e = p;
    while (e < b && !space_at(sc, e))
        e += (sc->s[e] & 0xC0) == 0xC0 ? dyad_utf8_decode(sc->s + e, b - e, &(uint32_t){0}) : 1;
    b = e;
    while (e > p && strchr(".,;:!?'\")]>", sc->s[e - 1]) && sc->s[e - 1])
        e--;
    if (e > p && e < b && sc->s[e] == ')' && memchr(w, '(', e - p))
        e++; /* a parenthesis the URL opened */
    return e - p;
}

/* Emoticons EWT keeps as one token; matched only before the chunk end or punctuation. */
static size_t emoticon_len(const scan *sc, size_t p, size_t b)
{
    static const char *const faces[] = {":-)", ":-(", ":-D", ":'(", ";-)", "^_^", ":)", ":(",
                                        ":D", ":P", ":p", ";)", "<3", ":/"};
    for (size_t i = 0; i < sizeof faces / sizeof faces[0]; i++) {
        size_t k = i < 6 ? 3 : 2, n;
        if (b - p >= k && memcmp(sc->s + p, faces[i], k) == 0 &&
            !(cls(sc, p + k, &n) & DYAD_CC_ALNUM))
            return k;
    }
    return 0;
}

/* Clitics written apart ("wo n't" has "n't"; "'s", "'ll" after a space), 'em, '90s. */
static size_t apostrophe_word_len(const scan *sc, size_t p, size_t b)
{
    size_t ap = apostrophe_at(sc, p, b), q = p + ap, n;
    unsigned seen;
    if (!ap || q >= b)
        return 0;
    if (is_digit(sc, q, b))
        return word_end(sc, q, b, &seen) - p; /* '90s */
    size_t e = q;
    while (e < b && sc->s[e] < 0x80 && (dyad_ascii_class[sc->s[e]] & DYAD_CC_LETTER))
        e++;
    if (e == q || (cls(sc, e, &n) & DYAD_CC_ALNUM))
        return 0;
    static const char *const clitics[] = {"s", "m", "d", "ll", "re", "ve", "em"};
    if (e - q > 2)
        return 0;
    for (size_t i = 0; i < sizeof clitics / sizeof clitics[0]; i++)
        if ((sc->s[q] | 32) == clitics[i][0] && (e - q == 1 ? !clitics[i][1] : (sc->s[q + 1] | 32) == clitics[i][1]))
            return e - p;
    return 0;
}

static bool is_regional(uint32_t cp)
{
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

/* End of a symbol whose first character is [p, e): marks, variation selectors, skin
 * tones, a second flag letter and whatever a zero-width joiner glues on stay with it,
 * so an emoji is one token. */
static size_t symbol_end(const scan *sc, size_t p, size_t e, size_t b)
{
    uint32_t first, cp;
    dyad_utf8_decode(sc->s + p, b - p, &first);
    bool joined = false;
    while (e < b) {
        size_t n = dyad_utf8_decode(sc->s + e, b - e, &cp);
        bool tone = cp >= 0x1F3FB && cp <= 0x1F3FF;
        bool flag = is_regional(first) && is_regional(cp) && e - p == 4;
        if (!(joined || tone || flag || cp == 0x200D || (dyad_char_class(cp) & DYAD_CC_MARK)) ||
            (joined && (dyad_char_class(cp) & DYAD_CC_SPACE)))
            break;
        joined = cp == 0x200D;
        e += n;
    }
    return e;
}

/* Length of the punctuation token at p: runs of .!? or of one repeated symbol are one
 * token (..., ?!, --, **, <<, ''), a character is one otherwise. */
static size_t punct_len(const scan *sc, size_t p, size_t b)
{
    unsigned char c = sc->s[p];
    size_t e = p + 1;
    if (c == '.' || c == '!' || c == '?') {
        while (e < b && (sc->s[e] == '.' || sc->s[e] == '!' || sc->s[e] == '?'))
            e++;
        return e - p;
    }
    static const bool runs[128] = {['-'] = 1, ['*'] = 1, ['='] = 1, ['_'] = 1, ['~'] = 1, ['<'] = 1,
                                   ['>'] = 1, ['+'] = 1, ['#'] = 1, ['^'] = 1, ['\''] = 1, ['`'] = 1};
    if (c < 0x80 && runs[c]) {
        while (e < b && sc->s[e] == c)
            e++;
        return e - p;
    }
    e = p + dyad_utf8_decode(sc->s + p, b - p, &(uint32_t){0});
    if (c == 0xE2 && e + 3 <= b && sc->s[p + 1] == 0x80 && sc->s[e] == 0xE2 && sc->s[e + 1] == 0x80 &&
        (sc->s[p + 2] == 0x98 || sc->s[p + 2] == 0x99) && (sc->s[e + 2] == 0x98 || sc->s[e + 2] == 0x99))
        e += 3; /* ‘’ ’’ ‘‘: two single quotes written for a double one */
    return symbol_end(sc, p, e, b) - p;
}

/* Starts a word at p: a letter or digit, .5, #tag, @user. */
static bool word_starts(const scan *sc, size_t p, size_t a, size_t b, unsigned c)
{
    size_t n;
    if (c & DYAD_CC_ALNUM)
        return true;
    unsigned char ch = sc->s[p];
    unsigned next = cls(sc, p + 1, &n);
    if (ch == '.' && p + 1 < b && is_digit(sc, p + 1, b))
        return p == a || !(cls_before(sc, p, a) & DYAD_CC_ALNUM);
    return (ch == '#' || ch == '@') && p + 1 < b && (next & DYAD_CC_LETTER) &&
           (p == a || !(cls_before(sc, p, a) & DYAD_CC_ALNUM));
}

/* Whether a URL may start at p: the chunk start or after an opening bracket or quote. */
static inline bool url_may_start(const scan *sc, size_t p, size_t a)
{
    unsigned char c = sc->s[p];
    if (c != 'h' && c != 'w' && c != 'f' && c != 'm')
        return false;
    return p == a || (sc->s[p - 1] && strchr("(<[\"'", sc->s[p - 1]));
}

/* Length of a special token at p (URL, emoticon, detached clitic), or 0. The
 * first-byte tests keep the common path free of string comparisons. */
static size_t special_len(const scan *sc, size_t p, size_t a, size_t b)
{
    unsigned char c = sc->s[p];
    if (url_may_start(sc, p, a))
        return url_len(sc, p, b);
    if (c == ':' || c == ';' || c == '^' || c == '<')
        return emoticon_len(sc, p, b);
    if (c == '\'' || c == 0xE2)
        return apostrophe_word_len(sc, p, b);
    return 0;
}

/* Whether the character at p separates tokens. */
static inline bool space_at(const scan *sc, size_t p)
{
    size_t n;
    return sc->s[p] < 0x80 ? (dyad_ascii_class[sc->s[p]] & DYAD_CC_SPACE) != 0
                           : (cls(sc, p, &n) & DYAD_CC_SPACE) != 0;
}

/* Tokenizes the whitespace-free chunk that starts at a; returns its end. Scanning
 * stops at whitespace by itself, so the chunk is never measured beforehand (the
 * bound passed down is the end of the text). */
static size_t scan_chunk(scan *sc, size_t a)
{
    size_t p = a, n, k, b = sc->len;
    unsigned seen;
    while (p < b && !sc->oom) {
        unsigned char ch = sc->s[p];
        unsigned c = ch < 0x80 ? dyad_ascii_class[ch] : cls(sc, p, &n);
        if (c & DYAD_CC_SPACE)
            break;
        if ((c & DYAD_CC_ALNUM) && !(url_may_start(sc, p, a) && (k = url_len(sc, p, b)))) {
            size_t e = word_end(sc, p, b, &seen);
            if (!seen && sc->s[e] != '.' && !(c & DYAD_CC_DIGIT) && !may_be_contraction(sc, p, e, 0)) {
                emit(sc, p, e, 0); /* the common case: a plain word */
                p = e;
            } else {
                p = emit_word(sc, p, e, b, seen);
            }
        } else if ((c & DYAD_CC_ALNUM)) {
            emit(sc, p, p + k, 0); /* a URL */
            p += k;
        } else if ((k = special_len(sc, p, a, b))) {
            emit(sc, p, p + k, 0);
            p += k;
        } else if (word_starts(sc, p, a, b, c)) {
            size_t e = word_end(sc, p + ((c & DYAD_CC_ALNUM) ? 0 : 1), b, &seen);
            p = emit_word(sc, p, e, b, seen);
        } else if ((c & DYAD_CC_MARK) && sc->n && sc->tok[sc->n - 1].end == p) {
            cls(sc, p, &n);
            sc->tok[sc->n - 1].end = (uint32_t)(p + n); /* a mark extends what precedes it */
            p += n;
        } else {
            k = punct_len(sc, p, b);
            emit(sc, p, p + k, 0);
            p += k;
        }
    }
    return p;
}

/* Skips whitespace from i; *newline is set when it holds a line break. */
static inline size_t skip_space(const scan *sc, size_t i, bool *newline)
{
    size_t n = 1;
    *newline = false;
    if (i + 1 < sc->len && sc->s[i] == ' ' && !(dyad_ascii_class[sc->s[i + 1]] & DYAD_CC_SPACE) &&
        sc->s[i + 1] < 0x80)
        return i + 1; /* the usual single space */
    while (i < sc->len) {
        unsigned c = sc->s[i] < 0x80 ? (n = 1, dyad_ascii_class[sc->s[i]]) : cls(sc, i, &n);
        if (!(c & DYAD_CC_SPACE))
            break;
        *newline |= (c & DYAD_CC_NEWLINE) != 0;
        i += n;
    }
    return i;
}

static void scan_text(scan *sc)
{
    bool newline;
    size_t i = skip_space(sc, 0, &newline);
    while (i < sc->len && !sc->oom) {
        size_t e = scan_chunk(sc, i);
        i = skip_space(sc, e, &newline);
        if (sc->n && sc->tok[sc->n - 1].end == e && e < sc->len)
        {
            sc->tok[sc->n - 1].flags |= DYAD_TOKEN_SPACE_AFTER;
            if (newline)
                candidate(sc, sc->n - 1);
        }
    }
}

dyad_status dyad_tokenize(dyad_doc *doc)
{
    if (!doc)
        return DYAD_EINVAL;
    doc->tokens = NULL;
    doc->n_tokens = 0;
    doc->sentences = NULL;
    doc->n_sentences = 0;
    if (!doc->text || doc->text_len == 0)
        return DYAD_OK;
    if (doc->text_len > UINT32_MAX - 1)
        return DYAD_EINVAL; /* offsets are 32-bit */
    /* news averages 5 bytes a token: a quarter of the length rarely needs to grow */
    scan sc = {.s = (const unsigned char *)doc->text, .len = doc->text_len, .arena = doc->arena};
    sc.cap = doc->text_len / 4 + 64;
    sc.tok = dyad_arena_alloc(doc->arena, sc.cap * sizeof *sc.tok);
    if (!sc.tok)
        return DYAD_ENOMEM;
    scan_text(&sc);
    if (sc.oom)
        return DYAD_ENOMEM;
    doc->tokens = sc.n ? sc.tok : NULL;
    doc->n_tokens = sc.n;
    return tok_split_sentences(doc, sc.cand, sc.n_cand);
}
