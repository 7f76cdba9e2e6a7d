/* Sentence splitter for news: decides, for each gap between two tokens, whether a
 * sentence ends there, from the token before, the closing quotes after it, the next
 * word and the whitespace of the gap (blank lines always end a sentence). */
#include "tokenize.h"
#include "../text/text.h"

#include <string.h>

/* No real sentence is this long; cutting keeps the parser's cost bounded. */
#define MAX_SENTENCE_TOKENS 1000

typedef struct split {
    const dyad_doc *doc;
    const unsigned char *s;
    const dyad_token *tok;
    size_t n;
} split;

static size_t tok_len(const split *sp, size_t i)
{
    return sp->tok[i].end - sp->tok[i].start;
}

static const unsigned char *tok_text(const split *sp, size_t i)
{
    return sp->s + sp->tok[i].start;
}

static bool tok_is_n(const split *sp, size_t i, const char *w, size_t k)
{
    return tok_len(sp, i) == k && memcmp(tok_text(sp, i), w, k) == 0;
}
/* Compares with a string literal; its length is known at compile time. */
#define tok_is(sp, i, lit) tok_is_n(sp, i, lit, sizeof lit - 1)

/* Class of the first character of token i. */
static unsigned first_class(const split *sp, size_t i)
{
    size_t n;
    return dyad_class_at(tok_text(sp, i), tok_len(sp, i), &n);
}

/* Newlines in the gap after token i: 0, 1, or 2 for a blank line. */
static int gap_newlines(const split *sp, size_t i)
{
    size_t a = sp->tok[i].end, b = i + 1 < sp->n ? sp->tok[i + 1].start : sp->doc->text_len;
    int nl = 0;
    for (size_t k = a; k < b && nl < 2; k++)
        nl += sp->s[k] == '\n' || (sp->s[k] == '\r' && !(k + 1 < b && sp->s[k + 1] == '\n'));
    return nl;
}

static bool attached(const split *sp, size_t i)
{
    return i > 0 && sp->tok[i - 1].end == sp->tok[i].start;
}

/* Closing quotes and brackets that stay with the sentence before them: brackets
 * always, quotes when attached (a straight quote after a space opens). */
static bool is_closer(const split *sp, size_t i)
{
    const unsigned char *t = tok_text(sp, i);
    size_t len = tok_len(sp, i);
    if (len == 1)
        return t[0] == ')' || t[0] == ']' || t[0] == '}' ||
               ((t[0] == '"' || t[0] == '\'') && attached(sp, i));
    if (len == 2)
        return (t[0] == '\'' && t[1] == '\'') || (t[0] == 0xC2 && t[1] == 0xBB);
    return (len == 3 || len == 6) && t[0] == 0xE2 && t[1] == 0x80 && (t[2] == 0x9D || t[2] == 0x99);
}

/* Opening quotes, brackets and list bullets, skipped to find the first word after. */
static bool is_opener(const split *sp, size_t i)
{
    const unsigned char *t = tok_text(sp, i);
    size_t len = tok_len(sp, i);
    if (len == 1)
        return t[0] == '"' || t[0] == '\'' || t[0] == '(' || t[0] == '[' || t[0] == '-' ||
               t[0] == '*';
    if (len == 2)
        return (t[0] == '`' && t[1] == '`') || (t[0] == 0xC2 && t[1] == 0xAB);
    return len == 3 && t[0] == 0xE2 && t[1] == 0x80 &&
           (t[2] == 0x9C || t[2] == 0x98 || t[2] == 0xA2);
}

typedef enum term { TERM_NONE, TERM_STOP, TERM_ELLIPSIS, TERM_ABBREV, TERM_TITLE } term;

/* What token i is as the possible end of a sentence. */
static term terminal(const split *sp, size_t i)
{
    const unsigned char *t = tok_text(sp, i);
    size_t len = tok_len(sp, i);
    if (len == 3 && memcmp(t, "\xE2\x80\xA6", 3) == 0)
        return TERM_ELLIPSIS;
    if (t[0] == '.' || t[0] == '!' || t[0] == '?')
        return len >= 2 && t[0] == '.' && t[1] == '.' ? TERM_ELLIPSIS : TERM_STOP;
    if (len < 2 || t[len - 1] != '.')
        return TERM_NONE;
    if (len == 2 && t[0] >= 'A' && t[0] <= 'Z')
        return TERM_TITLE; /* an initial: J. R. R. Tolkien */
    if (len == 4 && (memcmp(t, "e.g.", 4) == 0 || memcmp(t, "i.e.", 4) == 0))
        return TERM_TITLE; /* introduces an example, never ends a sentence */
    tok_abbrev k = tok_abbrev_kind((const char *)t, len - 1);
    return k == TOK_ABBREV_TITLE ? TERM_TITLE : TERM_ABBREV;
}

/* Emoticons stay with the sentence they close: "I love her. :)". */
static bool is_emoticon(const split *sp, size_t i)
{
    const unsigned char *t = tok_text(sp, i);
    size_t len = tok_len(sp, i);
    return len >= 2 && len <= 3 && (t[0] == ':' || t[0] == ';' || t[0] == '=' || t[0] == '^') &&
           t[1] != t[0];
}

/* After a stop (. ? !) and its closers, whether the token w still continues the
 * sentence. Measured on EWT and GUM train: a lower-case word after a bare stop
 * starts a new sentence 229 times in 240, but after ?" or !" it mostly does not. */
static bool stop_continues(const split *sp, size_t i, size_t w, bool quoted)
{
    const unsigned char *t = tok_text(sp, w);
    if (terminal(sp, w) == TERM_STOP || terminal(sp, w) == TERM_ELLIPSIS)
        return tok_len(sp, w) == 1 || t[0] != '.'; /* ". . ." ends at its last dot */
    if (tok_len(sp, w) == 1 && (t[0] == ',' || t[0] == ';' || t[0] == ':' || t[0] == '[' ||
                                t[0] == ']' || t[0] == '*'))
        return true;
    return (first_class(sp, w) & DYAD_CC_LOWER) && quoted && tok_text(sp, i)[0] != '.';
}

/* Tokens of a citation mark "[17]" after token j, else 0: it stays with the
 * sentence it follows. */
static size_t citation_len(const split *sp, size_t j)
{
    if (j + 3 >= sp->n || !tok_is(sp, j + 1, "[") || !tok_is(sp, j + 3, "]"))
        return 0;
    const unsigned char *t = tok_text(sp, j + 2);
    for (size_t k = 0; k < tok_len(sp, j + 2); k++)
        if (t[k] < '0' || t[k] > '9')
            return 0;
    return 3;
}

/* Whether the sentence ends after token i (then at closer index *last). */
static bool ends_after(const split *sp, size_t i, size_t *last)
{
    term t = terminal(sp, i);
    size_t j = i;
    bool quoted = false;
    while (t != TERM_NONE && j + 1 < sp->n && gap_newlines(sp, j) == 0) {
        size_t cite = citation_len(sp, j);
        if (!cite && !is_closer(sp, j + 1) && !is_emoticon(sp, j + 1))
            break;
        j += cite ? cite : 1;
        quoted |= tok_text(sp, j)[0] == '"' || tok_text(sp, j)[0] == '\'' || tok_text(sp, j)[0] == 0xE2;
    }
    *last = j;
    if (j + 1 >= sp->n || gap_newlines(sp, j) >= 2)
        return true;
    if (t == TERM_NONE || t == TERM_TITLE)
        return false;
    if (t == TERM_STOP)
        return !stop_continues(sp, i, j + 1, quoted);
    size_t w = j + 1;
    while (w + 1 < sp->n && is_opener(sp, w))
        w++;
    if (!(first_class(sp, w) & DYAD_CC_UPPER))
        return false;
    return t == TERM_ELLIPSIS || tok_is_starter((const char *)tok_text(sp, w), tok_len(sp, w));
}

/* A line break ends a sentence when the next line starts a list item, or when the
 * line before looks like a heading or dateline and the next starts with a capital. */
static bool line_break_ends(const split *sp, size_t i, size_t line_start)
{
    if (gap_newlines(sp, i) != 1 || i + 1 >= sp->n)
        return false;
    size_t next = i + 1;
    if (is_opener(sp, next) && !tok_is(sp, next, "\"") && !tok_is(sp, next, "("))
        return true; /* - item, * item, bullet */
    /* a heading or dateline line is short and does not end in a lower-case word or a
     * comma, which wrapped running text usually does */
    unsigned c = first_class(sp, next);
    return (c & (DYAD_CC_UPPER | DYAD_CC_DIGIT)) && sp->tok[i].end - line_start < 60 &&
           !(first_class(sp, i) & DYAD_CC_LOWER) && !tok_is(sp, i, ",");
}

static bool is_dash(const split *sp, size_t i)
{
    return tok_is(sp, i, "-") || tok_is(sp, i, "--") || tok_is(sp, i, "\xE2\x80\x94") ||
           tok_is(sp, i, "\xE2\x80\x93");
}

/* Whether token i may be part of a dateline: a word in capitals (MOSCOW), a comma, or,
 * inside parentheses or after a comma, a capitalised word (Reuters; "GAZA CITY,
 * Palestinian Territories"). */
static bool dateline_part(const split *sp, size_t i, bool loose)
{
    const unsigned char *t = tok_text(sp, i);
    size_t len = tok_len(sp, i);
    if (tok_is(sp, i, ",") || tok_is(sp, i, "(") || tok_is(sp, i, ")"))
        return true;
    if (!(first_class(sp, i) & DYAD_CC_UPPER))
        return false;
    for (size_t k = 1; k < len && !loose; k++)
        if (t[k] >= 'a' && t[k] <= 'z')
            return false;
    return true;
}

/* A dateline opens a paragraph: capitals (and commas, "(Reuters)") then a dash, or
 * "CITY, Country" then a colon, then a capitalised word: "MOSCOW - The Kremlin...".
 * Returns the index of the dash or colon, or 0. */
static size_t dateline_end(const split *sp, size_t first)
{
    bool in_parens = false, comma = false;
    for (size_t i = first; i < sp->n && i < first + 8; i++) {
        if (gap_newlines(sp, i) > 0)
            return 0;
        /* spaced on both sides: US-China is no dateline; a colon needs the country
         * ("GAZA CITY, Palestinian Territories:"), "US: Trump says" is a headline */
        bool dash = is_dash(sp, i) && !attached(sp, i);
        if (dash || (tok_is(sp, i, ":") && comma))
            return i > first && i + 1 < sp->n && !attached(sp, i + 1) &&
                           (first_class(sp, i + 1) & DYAD_CC_UPPER) ? i : 0;
        if (is_dash(sp, i) || !dateline_part(sp, i, in_parens || comma))
            return 0;
        comma = comma || (i > first && tok_is(sp, i, ","));
        in_parens = tok_is(sp, i, "(") || (in_parens && !tok_is(sp, i, ")"));
    }
    return 0;
}

static dyad_sentence make_sentence(const split *sp, size_t first, size_t last)
{
    return (dyad_sentence){(uint32_t)first, (uint32_t)(last - first + 1), sp->tok[first].start,
                           sp->tok[last].end};
}

/* Where to look next: the first candidate at or after pos, a pending dateline, or
 * the length cap, whichever comes first. */
static size_t next_look(const split *sp, const uint32_t *cand, size_t n_cand, size_t *c,
                        size_t pos, size_t first, size_t dateline)
{
    while (*c < n_cand && cand[*c] < pos)
        (*c)++;
    size_t i = *c < n_cand ? cand[*c] : sp->n - 1;
    if (dateline > first && dateline >= pos && dateline < i)
        i = dateline;
    if (i + 1 - first > MAX_SENTENCE_TOKENS)
        i = first + MAX_SENTENCE_TOKENS - 1;
    return i;
}

dyad_status tok_split_sentences(dyad_doc *doc, const uint32_t *cand, size_t n_cand)
{
    split sp = {doc, (const unsigned char *)doc->text, doc->tokens, doc->n_tokens};
    doc->sentences = NULL;
    doc->n_sentences = 0;
    if (!sp.n)
        return DYAD_OK;
    /* every sentence has a token, so n_tokens bounds their number */
    dyad_sentence *out = dyad_arena_alloc(doc->arena, sp.n * sizeof *out);
    if (!out)
        return DYAD_ENOMEM;
    size_t n = 0, first = 0, pos = 0, c = 0, line_start = sp.tok[0].start;
    size_t dateline = dateline_end(&sp, 0);
    while (pos < sp.n) {
        size_t i = next_look(&sp, cand, n_cand, &c, pos, first, dateline), last = i;
        bool end = (dateline && i == dateline) || ends_after(&sp, i, &last) ||
                   line_break_ends(&sp, i, line_start) || last + 1 - first >= MAX_SENTENCE_TOKENS;
        int nl = gap_newlines(&sp, last);
        if (nl > 0 && last + 1 < sp.n)
            line_start = sp.tok[last + 1].start;
        pos = last + 1;
        if (!end)
            continue;
        out[n++] = make_sentence(&sp, first, last);
        first = last + 1;
        dateline = nl >= 2 && first < sp.n ? dateline_end(&sp, first) : 0;
    }
    doc->sentences = out;
    doc->n_sentences = n;
    return DYAD_OK;
}
