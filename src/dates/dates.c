/* Date stage: finds date expressions in doc->text and resolves them (dyad_dates_find).
 *
 * Choices, where news text leaves room:
 * - A value is as precise as the text: "in March" is YYYY-MM, "last year" YYYY.
 *   Weeks ("last week", "two weeks ago") and decades ("the 1990s") are not
 *   emitted: no value of the contract says "a week", and giving its Monday or the
 *   decade's first year would claim a precision the text does not have. Spans of
 *   time ("for the last month", "over the next year") are not dates either.
 * - A weekday is the last such day up to the article date (its own weekday is
 *   today), unless the clause speaks of the future ("will meet on Friday", "is
 *   scheduled for Friday"); "last"/"next" Friday are strictly before/after.
 * - A month without a year follows the clause's tense; without a cue it is the
 *   nearest occurrence, a future one counting three times its distance (news
 *   reports the past). A written weekday picks the year that fits ("Saturday,
 *   April 4"); a full date of another year earlier in the paragraph sets the year
 *   of the yearless days that follow it ("November 15, 2017 ... November 21").
 * - "that day", "the next day" lean on the last day-precise date of the text, else
 *   on the article date; "three years later" needs an earlier date in the text.
 * - Without an article date only what does not need it is resolved (dates with a
 *   year, anaphora of those), and one "no_article_date" error counts the rest.
 * - A span takes in a leading "on" for a day and "in" for a month or year. */
#include "dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The text is cut into its own light words (letters, digits, single punctuation)
 * so that the stage works on the characters and needs no tokenizer. */
enum { W_ALPHA, W_NUM, W_PUNCT };
enum {
    F_SPACE = 1,  /* whitespace before the word */
    F_LINE = 2,   /* a newline before the word */
    F_PARA = 4,   /* a blank line (or the start of the text) before the word */
    F_ORD = 8,    /* digits with st/nd/rd/th */
    F_SUFFIX = 16,/* digits with other letters: 6am, 1990s */
    F_START = 32  /* digits or a starter word: the matchers are tried there */
};
#define CUE_UNKNOWN 2
#define CUE_NEUTRAL 3 /* a cue that stops the search and decides nothing */
#define CUE_WINDOW 10 /* words searched either side for a tense cue: farther ones mislead */

typedef struct word {
    uint32_t start, end;
    int32_t num;   /* value of the digits, -1 when too long */
    uint8_t kind, flags, ndig;
    int8_t cue;    /* cached tense cue, CUE_UNKNOWN until asked */
    const dyad_dates_lex *lex; /* what the tables say of an alpha word; NULL: nothing */
} word;

typedef struct scan {
    const char *text;
    word *w;
    size_t n, cap;
} scan;

/* ---- words ---------------------------------------------------------------- */

static size_t space_len(const unsigned char *p, const unsigned char *end)
{
    if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
        return 1;
    if (end - p >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
        return 2; /* no-break space */
    if (end - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] <= 0x8A || p[2] == 0xAF))
        return 3; /* the Unicode spaces U+2000..U+200A, U+202F */
    return 0;
}

/* Non-ASCII punctuation: dashes, curly quotes, ellipsis, guillemets. */
static size_t punct_len(const unsigned char *p, const unsigned char *end)
{
    if (end - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0xA6)
        return 3;
    if (end - p >= 2 && p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB))
        return 2;
    return 0;
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_letter(unsigned char c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

/* Length of the word-character run at p: letters, digits and non-ASCII letters. */
static size_t alnum_run(const unsigned char *p, const unsigned char *end)
{
    const unsigned char *q = p;
    while (q < end && (is_letter(*q) || is_digit(*q) ||
                       (*q >= 0x80 && !space_len(q, end) && !punct_len(q, end))))
        q++;
    return (size_t)(q - p);
}

static void number_word(word *w, const unsigned char *p, const unsigned char *end)
{
    size_t k = 0;
    long long v = 0;
    while (p + k < end && is_digit(p[k])) {
        v = v * 10 + (p[k] - '0');
        if (v > 999999999)
            v = 1000000000LL; /* only "too long" matters past nine digits */
        k++;
    }
    w->kind = W_NUM;
    w->ndig = (uint8_t)(k > 255 ? 255 : k);
    w->num = k <= 9 ? (int32_t)v : -1;
    size_t suf = alnum_run(p + k, end);
    if (suf == 2 && (!strncasecmp((const char *)p + k, "st", 2) ||
                     !strncasecmp((const char *)p + k, "nd", 2) ||
                     !strncasecmp((const char *)p + k, "rd", 2) ||
                     !strncasecmp((const char *)p + k, "th", 2)))
        w->flags |= F_ORD;
    else if (suf)
        w->flags |= F_SUFFIX;
    w->end = w->start + (uint32_t)(k + suf);
}

static int push(scan *s, const word *w)
{
    if (!dyad_array_grow((void **)&s->w, &s->cap, s->n + 1, sizeof *s->w, 256))
        return -1;
    s->w[s->n++] = *w;
    return 0;
}

/* A word that starts with an ASCII letter, looked up once for all matchers. Only
 * words of 1..15 letters are in the tables; folding them in this pass over their
 * letters saves a second one. */
static void letter_word(word *w, const unsigned char *p, const unsigned char *end)
{
    dyad_dates_key key = {0, 0};
    size_t n = 0;
    for (; p + n < end && is_letter(p[n]); n++)
        if (n < DYAD_DATES_LEX_LEN - 1)
            dyad_dates_key_put(&key, n, (unsigned char)(p[n] | 32));
    size_t rest = p + n < end && (is_digit(p[n]) || p[n] >= 0x80) ? alnum_run(p + n, end) : 0;
    w->kind = W_ALPHA;
    w->end = w->start + (uint32_t)(n + rest);
    w->lex = !rest && n < DYAD_DATES_LEX_LEN ? dyad_dates_lookup_key(key) : NULL;
}

static int scan_words(scan *s, const char *text, size_t len)
{
    const unsigned char *base = (const unsigned char *)text, *p = base, *end = base + len;
    int spaced = 0, lines = 2;
    while (p < end) {
        size_t k = *p < 0x80 ? *p == ' ' || (*p >= '\t' && *p <= '\r') /* inline: most bytes */
                             : space_len(p, end);
        if (k) {
            lines += *p == '\n';
            spaced = 1;
            p += k;
            continue;
        }
        word w = {(uint32_t)(p - base), 0, -1, W_PUNCT, 0, 0, CUE_UNKNOWN, NULL};
        w.flags = (spaced ? F_SPACE : 0) | (lines ? F_LINE : 0) | (lines >= 2 ? F_PARA : 0);
        if (is_digit(*p))
            number_word(&w, p, end);
        else if (is_letter(*p))
            letter_word(&w, p, end);
        else if ((k = alnum_run(p, end)) > 0)
            w.kind = W_ALPHA, w.end = w.start + (uint32_t)k;
        else
            w.end = w.start + (uint32_t)((k = punct_len(p, end)) ? k : 1);
        if (w.kind == W_NUM || (w.lex && w.lex->starter))
            w.flags |= F_START;
        if (push(s, &w))
            return -1;
        p = base + w.end;
        spaced = lines = 0;
    }
    return 0;
}

/* ---- word tests ------------------------------------------------------------ */

static const char *wt(const scan *s, size_t i) { return s->text + s->w[i].start; }
static size_t wl(const scan *s, size_t i) { return s->w[i].end - s->w[i].start; }

static int alpha(const scan *s, size_t i) { return i < s->n && s->w[i].kind == W_ALPHA; }

static const dyad_dates_lex *lex(const scan *s, size_t i)
{
    return i < s->n ? s->w[i].lex : NULL;
}

/* Word i is lit (lowercase ASCII letters), in any case. Byte by byte: this runs at
 * every starter word, and most words differ at their first byte. */
static int is_w(const scan *s, size_t i, const char *lit)
{
    if (!alpha(s, i))
        return 0;
    const char *w = wt(s, i);
    size_t n = wl(s, i), k = 0;
    while (k < n && (w[k] | 32) == lit[k])
        k++; /* | 32 folds ASCII capitals; lit[k] == 0 stops it at lit's end */
    return k == n && !lit[n];
}

/* Word i is in the word lists of list_bits (DYAD_DATES_L_*). */
static int in_w(const scan *s, size_t i, uint32_t list_bits)
{
    const dyad_dates_lex *l = lex(s, i);
    return l && (l->lists & list_bits);
}

/* Word i is last, next, this ...: 1 with its amount. */
static int shift_at(const scan *s, size_t i, int *amount)
{
    const dyad_dates_lex *l = lex(s, i);
    if (!l || !l->has_shift)
        return 0;
    *amount = l->shift;
    return 1;
}

static int punct(const scan *s, size_t i, const char *set)
{
    return i < s->n && s->w[i].kind == W_PUNCT && wl(s, i) == 1 && strchr(set, *wt(s, i));
}

/* No whitespace between word i - 1 and word i. */
static int glued(const scan *s, size_t i) { return i < s->n && !(s->w[i].flags & F_SPACE); }

static int capital(const scan *s, size_t i)
{
    return alpha(s, i) && *wt(s, i) >= 'A' && *wt(s, i) <= 'Z';
}

static int apostrophe(const scan *s, size_t i)
{
    return punct(s, i, "'") ||
           (i < s->n && wl(s, i) == 3 && !memcmp(wt(s, i), "\xE2\x80\x99", 3));
}

/* A number written alone: not a piece of 1,000, 3.5, 10:30, 2019-20 or 12/5, nor 5%. */
static int number(const scan *s, size_t i, int min_dig, int max_dig, int ord_ok)
{
    if (i >= s->n || s->w[i].kind != W_NUM || (s->w[i].flags & F_SUFFIX) ||
        (!ord_ok && (s->w[i].flags & F_ORD)) || s->w[i].ndig < min_dig ||
        s->w[i].ndig > max_dig)
        return -1;
    if (glued(s, i + 1) && (punct(s, i + 1, "%") ||
                            (punct(s, i + 1, ".,:/-") && glued(s, i + 2) &&
                             s->w[i + 2].kind == W_NUM)))
        return -1;
    if (i >= 2 && glued(s, i) && punct(s, i - 1, ".,:/-") && glued(s, i - 1) &&
        s->w[i - 2].kind == W_NUM)
        return -1;
    return s->w[i].num;
}

static int day_at(const scan *s, size_t i)
{
    int d = number(s, i, 1, 2, 1);
    return d >= 1 && d <= 31 ? d : -1;
}

static int year_at(const scan *s, size_t i, int lo, int hi)
{
    int y = number(s, i, 4, 4, 0);
    return y >= lo && y <= hi ? y : -1;
}

/* A capitalised word before word i that makes it part of a name ("Good Friday",
 * "USA Today"), unless it opens the line or is a known opener ("On Friday"). */
static int after_name(const scan *s, size_t i)
{
    return i > 0 && !(s->w[i].flags & F_LINE) && capital(s, i - 1) &&
           !in_w(s, i - 1, DYAD_DATES_L_WEEKDAY_OK);
}

/* The index after the words of seq from its word from at word i, or 0. Entries
 * stand for whole words in any case: comparing them is comparing the words. */
static size_t seq_at(const scan *s, size_t i, const dyad_dates_seq *seq, size_t from)
{
    for (const dyad_dates_lex *const *w = seq->words + from; *w; w++, i++)
        if (lex(s, i) != *w)
            return 0;
    return i;
}

/* ---- tense cues ------------------------------------------------------------ */

static int clause_end(const scan *s, size_t i);

static int sentence_start(const scan *s, size_t i)
{
    return i == 0 || (s->w[i].flags & F_LINE) || clause_end(s, i - 1);
}

static int cue_word(const scan *s, size_t i)
{
    if (capital(s, i) && !sentence_start(s, i))
        return 0; /* "April 30 – May 4" and names are no modal verbs */
    int c = dyad_dates_cue(s->w[i].lex, wt(s, i), wl(s, i));
    if ((is_w(s, i, "may") || is_w(s, i, "might")) && is_w(s, i + 1, "have"))
        return -1; /* "may have killed": the past */
    if (c > 0 && i >= 1 && in_w(s, i - 1, DYAD_DATES_L_PLAN_PAST))
        return CUE_NEUTRAL; /* "was scheduled for": a past plan says nothing of the date */
    if (c > 0 && is_w(s, i, "due") && is_w(s, i + 1, "to") && !is_w(s, i + 2, "be"))
        return 0; /* "due to the storm" gives a cause, not a time */
    if (c < 0 && is_w(s, i, "won") && apostrophe(s, i + 1))
        return 1; /* won't */
    /* "to be held", "will be announced": a participle after an auxiliary is future */
    if (c < 0 && i >= 2 && is_w(s, i - 1, "be") && in_w(s, i - 2, DYAD_DATES_L_VERB_AUX))
        return 1;
    if (!c && is_w(s, i, "to") && i >= 1 && (is_w(s, i - 1, "is") || is_w(s, i - 1, "are")))
        return 1; /* "is to take effect" */
    if (!c && is_w(s, i, "to") && i >= 1 && (is_w(s, i - 1, "was") || is_w(s, i - 1, "were")))
        return CUE_NEUTRAL;
    return c;
}

static int cue_at(scan *s, size_t i)
{
    word *w = &s->w[i];
    if (w->cue == CUE_UNKNOWN)
        w->cue = (int8_t)(w->kind == W_ALPHA ? cue_word(s, i) : 0);
    return w->cue;
}

static int quote_mark(const scan *s, size_t i)
{
    return punct(s, i, "\"") || (s->w[i].kind == W_PUNCT && wl(s, i) == 3 &&
                                 !memcmp(wt(s, i), "\xE2\x80", 2) &&
                                 ((unsigned char)wt(s, i)[2] == 0x9C ||
                                  (unsigned char)wt(s, i)[2] == 0x9D));
}

/* Sentences, colons and quotation marks bound the clause a cue may come from. */
static int clause_end(const scan *s, size_t i)
{
    return (punct(s, i, ".!?;:") && (i + 1 >= s->n || (s->w[i + 1].flags & F_SPACE))) ||
           quote_mark(s, i);
}

/* The nearest tense cue in the clause around words [first, last]: -1, +1 or 0.
 * The search to the left stops at word stop, the start of the previous date: the
 * cues before it are its own ("confirmed on December 28 and stays until January
 * 4"), while its own words still count ("from tomorrow night into Friday"). */
static int tense(scan *s, size_t first, size_t last, size_t stop)
{
    int left = 0, right = 0;
    size_t dl = 0, dr = 0; /* words passed, punctuation not counted */
    if (first > stop && (is_w(s, first - 1, "on") || is_w(s, first - 1, "in")))
        first--; /* the preposition belongs to the date */
    for (size_t k = first; k > stop && dl < CUE_WINDOW && !(s->w[k].flags & F_LINE);) {
        k--;
        dl += s->w[k].kind != W_PUNCT;
        if (clause_end(s, k) || (left = cue_at(s, k)))
            break;
    }
    for (size_t k = last + 1; k < s->n && dr < CUE_WINDOW; k++) {
        dr += s->w[k].kind != W_PUNCT;
        if ((s->w[k].flags & F_LINE) || clause_end(s, k) || (right = cue_at(s, k)))
            break;
    }
    int t = !left || (right && dr < dl) ? right : left;
    return t == CUE_NEUTRAL ? 0 : t;
}

/* ---- matchers: each returns the index after the expression, or 0 ----------- */

typedef size_t (*matcher)(const scan *s, size_t i, dyad_dates_expr *x);

/* 2024-01-17 */
static size_t m_iso(const scan *s, size_t i, dyad_dates_expr *x)
{
    if (i + 4 >= s->n || s->w[i].kind != W_NUM || s->w[i].ndig != 4 ||
        (s->w[i].flags & (F_ORD | F_SUFFIX)))
        return 0;
    for (size_t k = 1; k <= 4; k++)
        if (!glued(s, i + k) || (k % 2 ? !punct(s, i + k, "-") : s->w[i + k].kind != W_NUM))
            return 0;
    if (s->w[i + 2].ndig != 2 || s->w[i + 4].ndig != 2 || (s->w[i + 4].flags & F_SUFFIX) ||
        (glued(s, i + 5) && punct(s, i + 5, "-/:")) ||
        (i > 0 && glued(s, i) && punct(s, i - 1, "-/.")))
        return 0;
    *x = (dyad_dates_expr){.kind = DYAD_DATES_FULL, .y = s->w[i].num, .m = s->w[i + 2].num,
                           .d = s->w[i + 4].num, .prec = DYAD_DATES_DAY};
    return i + 5;
}

/* 17/01/2024 or 01/17/2024, only when the order cannot matter or a part is > 12. */
static size_t m_slash(const scan *s, size_t i, dyad_dates_expr *x)
{
    if (i + 4 >= s->n || (i > 0 && glued(s, i) && punct(s, i - 1, "/.-")))
        return 0;
    for (size_t k = 1; k <= 4; k++)
        if (!glued(s, i + k) || (k % 2 ? !punct(s, i + k, "/") : s->w[i + k].kind != W_NUM))
            return 0;
    int a = s->w[i].kind == W_NUM && s->w[i].ndig <= 2 ? s->w[i].num : -1;
    int b = s->w[i + 2].ndig <= 2 ? s->w[i + 2].num : -1;
    int y = s->w[i + 4].ndig == 4 ? s->w[i + 4].num : -1;
    if (a < 1 || b < 1 || y < 0 || (s->w[i].flags | s->w[i + 2].flags | s->w[i + 4].flags) &
                                       (F_ORD | F_SUFFIX) ||
        (glued(s, i + 5) && punct(s, i + 5, "/-.:")))
        return 0;
    int m = a == b || b > 12 ? a : a > 12 ? b : 0;
    if (!m || m > 12)
        return 0;
    *x = (dyad_dates_expr){.kind = DYAD_DATES_FULL, .y = y, .m = m, .d = m == a ? b : a,
                           .prec = DYAD_DATES_DAY};
    return i + 5;
}

static size_t m_phrase(const scan *s, size_t i, dyad_dates_expr *x)
{
    const dyad_dates_phrase *best = NULL;
    const dyad_dates_lex *l = lex(s, i);
    size_t best_end = 0;
    for (size_t k = 0; l && k < l->n_phrases; k++) { /* only those of this first word */
        const dyad_dates_phrase *ph = l->phrases[k].phrase;
        size_t e = seq_at(s, i + 1, &l->phrases[k], 1);
        if (e > best_end && !(ph->bare && e < s->n && s->w[e].kind != W_PUNCT &&
                              !(s->w[e].flags & F_LINE))) {
            best = ph;
            best_end = e;
        }
    }
    if (!best || (capital(s, i) && after_name(s, i)) ||
        (best->kind == DYAD_DATES_REL && i > 0 && is_w(s, i - 1, "the")))
        return 0; /* "USA Today"; "on the last night" of an event */
    *x = (dyad_dates_expr){.kind = best->kind, .prec = best->unit, .amount = best->amount};
    if (best->parts && in_w(s, best_end, DYAD_DATES_L_DAY_PART))
        best_end++;
    return best_end;
}

/* Optional "early", "mid", "mid-", "late", "the end of" ... before a month or year. */
static size_t modifier(const scan *s, size_t i)
{
    const dyad_dates_lex *l = lex(s, i);
    for (size_t k = 0; l && k < l->n_spans; k++) {
        size_t e = seq_at(s, i + 1, &l->spans[k], 1); /* word i is the first */
        if (e && is_w(s, i, "mid") && punct(s, e, "-") && glued(s, e) && glued(s, e + 1))
            return e + 1;
        if (e)
            return e;
    }
    return i;
}

/* After a month (word j): a day and maybe a year, or a year; the index after, or 0. */
static size_t day_year(const scan *s, size_t j, dyad_dates_expr *x)
{
    int d = day_at(s, j);
    if (d > 0) {
        x->d = d;
        if (punct(s, j + 1, ",") && (x->y = year_at(s, j + 2, 1000, 2999)) > 0)
            return j + 3;
        if ((x->y = year_at(s, j + 1, 1000, 2999)) > 0)
            return j + 2;
        x->y = 0;
        return j + 1;
    }
    size_t k = is_w(s, j, "of") ? j + 1 : j;
    if ((x->y = year_at(s, k, 1000, 2999)) > 0)
        return k + 1;
    x->y = 0;
    return 0;
}

/* "July last year", "March of next year" */
static size_t year_rel(const scan *s, size_t j, dyad_dates_expr *x)
{
    size_t k = is_w(s, j, "of") ? j + 1 : j;
    int amount;
    if (x->y || x->has_shift || x->has_year_rel || !alpha(s, k) || !is_w(s, k + 1, "year") ||
        !shift_at(s, k, &amount) || is_w(s, k, "past"))
        return j;
    x->year_rel = amount;
    x->has_year_rel = 1;
    return k + 2;
}

/* Month names and weekdays are dates only when capitalised. */
static int month_at(const scan *s, size_t i, int *abbrev)
{
    const dyad_dates_lex *l = lex(s, i);
    if (!l || !l->month || !capital(s, i))
        return 0;
    *abbrev = l->abbrev;
    return l->month;
}

static int weekday_at(const scan *s, size_t i)
{
    const dyad_dates_lex *l = lex(s, i);
    return l && capital(s, i) ? l->wday : -1;
}

/* [early|mid-|late] [last|next|this] Month [day] [, year] [last year] */
static size_t m_month(const scan *s, size_t i, dyad_dates_expr *x)
{
    size_t j = modifier(s, i);
    int amount, abbrev = 0;
    if (is_w(s, j, "this") && is_w(s, j + 1, "past")) {
        x->has_shift = 1; /* "this past August" */
        x->amount = -1;
        j += 2;
    } else if (shift_at(s, j, &amount) &&
               (is_w(s, j, "last") || is_w(s, j, "next") || is_w(s, j, "this") ||
                is_w(s, j, "past"))) {
        x->has_shift = 1;
        x->amount = amount;
        j++;
    }
    int context = j > i, m = month_at(s, j, &abbrev);
    if (!m)
        return 0;
    size_t start = j++;
    if (abbrev && punct(s, j, ".") && glued(s, j))
        j++;
    x->m = m;
    size_t e = day_year(s, j, x);
    if (!e && abbrev)
        return 0; /* "Jan" needs its day */
    int prep = start > 0 && in_w(s, start - 1, m == 5 ? DYAD_DATES_L_MAY_PREP
                                                       : DYAD_DATES_L_MONTH_PREP);
    if (!e && !context && !prep) {
        size_t r = year_rel(s, j, x);
        if (r == j)
            return 0; /* a bare "May" or "March" is a word until a context says otherwise */
        e = r;
    }
    e = year_rel(s, e ? e : j, x);
    x->kind = x->y ? DYAD_DATES_FULL : DYAD_DATES_NOYEAR;
    x->prec = x->d ? DYAD_DATES_DAY : DYAD_DATES_MONTH;
    return e;
}

/* [the] 17[th] [of] January [2024] */
static size_t m_dayfirst(const scan *s, size_t i, dyad_dates_expr *x)
{
    size_t j = is_w(s, i, "the") ? i + 1 : i;
    int d = day_at(s, j), abbrev = 0;
    if (d < 0 || (j > i && !(s->w[j].flags & F_ORD) && !is_w(s, j + 1, "of")))
        return 0;
    j += is_w(s, j + 1, "of") ? 2 : 1;
    int m = month_at(s, j, &abbrev);
    if (!m)
        return 0;
    j++;
    if (abbrev && punct(s, j, ".") && glued(s, j))
        j++;
    x->m = m;
    x->d = d;
    size_t k = punct(s, j, ",") ? j + 1 : j;
    if ((x->y = year_at(s, k, 1000, 2999)) > 0)
        j = k + 1;
    else
        x->y = 0;
    j = year_rel(s, j, x);
    x->kind = x->y ? DYAD_DATES_FULL : DYAD_DATES_NOYEAR;
    x->prec = DYAD_DATES_DAY;
    return j;
}

/* [last|next|this] Friday [night], or "Friday, January 4, 2019" (a dateline). */
static size_t m_weekday(const scan *s, size_t i, dyad_dates_expr *x)
{
    size_t j = i;
    int amount;
    int the = i > 0 && is_w(s, i - 1, "the");
    if (is_w(s, j, "this") && is_w(s, j + 1, "past"))
        j++; /* "this past Saturday" is "past Saturday" */
    if (shift_at(s, j, &amount) &&
        (the || !(is_w(s, j, "following") || is_w(s, j, "preceding")))) {
        x->has_shift = 1; /* "following Wednesday's quake" is a preposition */
        x->amount = amount;
        j++;
    }
    int wd = weekday_at(s, j);
    if (wd < 0 || (j == i && after_name(s, i)) ||
        (capital(s, j + 1) && in_w(s, j + 1, DYAD_DATES_L_WEEKDAY_NAME)))
        return 0; /* "Good Friday", "The Sunday Times" */
    /* "the following Monday", "the previous Friday" count from the story's last day */
    if (j > i && the)
        x->strict = 1;
    j++;
    size_t k = punct(s, j, ",") ? j + 1 : j, e;
    dyad_dates_expr full = {0};
    int abbrev;
    e = month_at(s, k, &abbrev) ? m_month(s, k, &full) : m_dayfirst(s, k, &full);
    if (e && full.d) {
        *x = full;
        x->wday = wd;
        x->has_wday = 1;
        return e;
    }
    x->kind = DYAD_DATES_WEEKDAY;
    x->wday = wd;
    x->prec = DYAD_DATES_DAY;
    return in_w(s, j, DYAD_DATES_L_DAY_PART) ? j + 1 : j;
}

/* [early|later|...] last|this|next month|year; "the next month" follows the text. */
static size_t m_relunit(const scan *s, size_t i, dyad_dates_expr *x)
{
    size_t j = in_w(s, i, DYAD_DATES_L_REL_MOD) ? i + 1 : i;
    int amount = 0;
    if (!(is_w(s, j, "last") || is_w(s, j, "this") || is_w(s, j, "next")) || !alpha(s, j + 1))
        return 0;
    shift_at(s, j, &amount);
    const dyad_dates_lex *u = lex(s, j + 1);
    int unit = u ? u->unit : 0;
    if ((unit != DYAD_DATES_MONTH && unit != DYAD_DATES_YEAR) || u->mult != 1 ||
        wt(s, j + 1)[wl(s, j + 1) - 1] == 's')
        return 0;
    *x = (dyad_dates_expr){.kind = DYAD_DATES_REL, .prec = unit, .amount = amount};
    if (j == i && i > 0 && is_w(s, i - 1, "the")) {
        /* "the last month" is a span of time; "the next year" one after the story's */
        if (amount <= 0 || (i > 1 && in_w(s, i - 2, DYAD_DATES_L_REL_SPAN)))
            return 0;
        x->kind = DYAD_DATES_ANAPH;
        x->strict = 1;
    }
    return j + 2;
}

/* "three days ago", "two years later", "a year earlier" */
static size_t m_count(const scan *s, size_t i, dyad_dates_expr *x)
{
    int n = number(s, i, 1, 3, 0);
    if (n < 0 && alpha(s, i))
        n = lex(s, i) ? lex(s, i)->number : -1;
    const dyad_dates_lex *u = lex(s, i + 1);
    if (n < 1 || !u || !u->unit)
        return 0;
    int unit = u->unit, mult = u->mult;
    size_t e = i + 3;
    int bare = !(e < s->n && s->w[e].kind != W_PUNCT && !(s->w[e].flags & F_LINE));
    int sign = is_w(s, i + 2, "ago") ? -1 : is_w(s, i + 2, "later") ? 1
             : is_w(s, i + 2, "earlier") ? -1 : is_w(s, i + 2, "after") && bare ? 1
             : is_w(s, i + 2, "before") && bare ? -1 : 0;
    if (!sign)
        return 0;
    *x = (dyad_dates_expr){.kind = is_w(s, i + 2, "ago") ? DYAD_DATES_REL : DYAD_DATES_ANAPH,
                           .prec = unit, .amount = sign * n * mult, .strict = 1};
    return e;
}

/* in 2019, since 1974, mid-2019, early 2020: a bare year in a date context. */
static size_t m_year(const scan *s, size_t i, dyad_dates_expr *x)
{
    size_t j = modifier(s, i);
    int y = year_at(s, j, 1800, 2100);
    if (y < 0 || (j == i && (i == 0 || !in_w(s, i - 1, DYAD_DATES_L_YEAR_PREP))))
        return 0;
    size_t k = j + 1;
    if (k < s->n && !(s->w[k].flags & F_LINE)) {
        if (s->w[k].kind == W_NUM || (punct(s, k, "-") && glued(s, k)) ||
            (alpha(s, k) && !capital(s, k) && !in_w(s, k, DYAD_DATES_L_YEAR_NEXT)))
            return 0;
    }
    *x = (dyad_dates_expr){.kind = DYAD_DATES_FULL, .y = y, .prec = DYAD_DATES_YEAR};
    return k;
}

/* What a first word is, as far as the matchers' first tests go. */
enum {
    S_NUM = 1,      /* digits */
    S_THE = 2,      /* "the" */
    S_PHRASE = 4,   /* begins a fixed phrase */
    S_SPAN = 8,     /* begins a modifier: "early", "the end of" */
    S_SHIFT = 16,   /* last, next, this ... */
    S_MONTH = 32,
    S_WEEKDAY = 64,
    S_RELMOD = 128, /* "earlier" in "earlier this year" */
    S_COUNT = 256   /* a number word: "two", "a" */
};

/* Tried in order at every word; the first that matches wins. A matcher is called
 * only when word i is one of its firsts: any other word fails its first test. */
static const struct { matcher fn; unsigned firsts; } matchers[] = {
    {m_iso, S_NUM},
    {m_slash, S_NUM},
    {m_phrase, S_PHRASE},
    {m_weekday, S_SHIFT | S_WEEKDAY},
    {m_dayfirst, S_NUM | S_THE},
    {m_month, S_SPAN | S_SHIFT | S_MONTH},
    {m_relunit, S_RELMOD | S_SHIFT},
    {m_count, S_NUM | S_COUNT},
    {m_year, S_SPAN | S_NUM},
};

static unsigned first_of(const scan *s, size_t i)
{
    const dyad_dates_lex *l = s->w[i].lex;
    if (s->w[i].kind == W_NUM)
        return S_NUM;
    if (!l)
        return 0;
    return (is_w(s, i, "the") ? S_THE : 0) | (l->n_phrases ? S_PHRASE : 0) |
           (l->n_spans ? S_SPAN : 0) | (l->has_shift ? S_SHIFT : 0) |
           (l->month ? S_MONTH : 0) | (l->wday >= 0 ? S_WEEKDAY : 0) |
           (l->lists & DYAD_DATES_L_REL_MOD ? S_RELMOD : 0) | (l->number >= 1 ? S_COUNT : 0);
}

/* An expression never runs over a line break. */
static int one_line(const scan *s, size_t i, size_t e)
{
    while (++i < e)
        if (s->w[i].flags & F_LINE)
            return 0;
    return 1;
}

static size_t match(const scan *s, size_t i, dyad_dates_expr *x)
{
    if (!(s->w[i].flags & F_START))
        return 0;
    unsigned firsts = first_of(s, i);
    for (size_t k = 0; k < sizeof matchers / sizeof matchers[0]; k++) {
        if (!(matchers[k].firsts & firsts))
            continue;
        *x = (dyad_dates_expr){0};
        size_t e = matchers[k].fn(s, i, x);
        if (e > i && one_line(s, i, e))
            return e;
    }
    return 0;
}

/* ---- the stage ------------------------------------------------------------- */

typedef struct found {
    dyad_date *d;
    size_t n, cap;
} found;

static int needs_tense(const dyad_dates_expr *x)
{
    switch (x->kind) {
    case DYAD_DATES_WEEKDAY: return !x->has_shift || x->amount == 0;
    case DYAD_DATES_NOYEAR: return !x->has_shift && !x->has_year_rel;
    case DYAD_DATES_ANAPH: return x->prec == DYAD_DATES_DAY;
    default: return 0;
    }
}

/* The span, taking in a leading "on" for a day or "in" for a month or year. */
static uint32_t span_start(const scan *s, size_t i, const dyad_dates_val *v,
                           const dyad_dates_expr *x, uint32_t floor)
{
    if (i == 0 || s->w[i - 1].start < floor || !(s->w[i].flags & F_SPACE) ||
        (s->w[i].flags & F_LINE))
        return s->w[i].start;
    int on = is_w(s, i - 1, "on") && v->prec == DYAD_DATES_DAY;
    int in = is_w(s, i - 1, "in") && v->prec < DYAD_DATES_DAY &&
             (x->kind == DYAD_DATES_FULL || x->kind == DYAD_DATES_NOYEAR);
    return on || in ? s->w[i - 1].start : s->w[i].start;
}

static int emit(dyad_doc *doc, found *f, uint32_t start, uint32_t end, const dyad_dates_val *v)
{
    if (!dyad_array_grow((void **)&f->d, &f->cap, f->n + 1, sizeof *f->d, 16))
        return -1;
    char buf[16];
    if (v->prec == DYAD_DATES_DAY)
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", v->y, v->m, v->d);
    else if (v->prec == DYAD_DATES_MONTH)
        snprintf(buf, sizeof buf, "%04d-%02d", v->y, v->m);
    else
        snprintf(buf, sizeof buf, "%04d", v->y);
    char *value = dyad_doc_strdup(doc, buf, strlen(buf));
    if (!value)
        return -1;
    f->d[f->n++] = (dyad_date){start, end, value};
    return 0;
}

/* Remembers what later anaphora and yearless dates lean on. */
static void remember(dyad_dates_ctx *c, const dyad_dates_expr *x, const dyad_dates_val *v)
{
    c->last_any = *v;
    if (v->prec == DYAD_DATES_DAY)
        c->last_day = *v;
    if (v->prec == DYAD_DATES_DAY && (!c->article.prec ||
                                      dyad_dates_days(v->y, v->m, v->d) <=
                                          dyad_dates_days(c->article.y, c->article.m,
                                                          c->article.d)))
        c->last_past = *v;
    if (x->kind == DYAD_DATES_FULL && v->prec == DYAD_DATES_DAY) {
        c->anchor = *v;
        c->anchor_para = c->para;
        if (c->article.prec && v->y == c->article.y)
            c->anchor.prec = 0; /* back in the article's year */
    }
}

/* Scans the words, resolving each expression; counts those that needed the date. */
static int find_all(dyad_doc *doc, scan *s, dyad_dates_ctx *c, found *f, size_t *skipped)
{
    uint32_t floor = 0;
    size_t stop = 0;
    for (size_t i = 0; i < s->n;) {
        c->para += (s->w[i].flags & F_PARA) != 0;
        dyad_dates_expr x;
        size_t e = match(s, i, &x);
        if (!e) {
            i++;
            continue;
        }
        for (size_t k = i + 1; k < e; k++)
            c->para += (s->w[k].flags & F_PARA) != 0;
        if (needs_tense(&x))
            x.tense = tense(s, i, e - 1, stop);
        dyad_dates_val v;
        dyad_dates_res r = dyad_dates_resolve(c, &x, &v);
        if (r == DYAD_DATES_OK) {
            if (emit(doc, f, span_start(s, i, &v, &x, floor), s->w[e - 1].end, &v))
                return -1;
            remember(c, &x, &v);
        } else if (r == DYAD_DATES_NEED_ARTICLE) {
            (*skipped)++;
        }
        floor = s->w[e - 1].end;
        stop = i;
        i = e;
    }
    return 0;
}

dyad_status dyad_dates_find(dyad_doc *doc)
{
    scan s = {doc->text, NULL, 0, 0};
    found f = {NULL, 0, 0};
    dyad_dates_ctx c = {.article = dyad_dates_parse_iso(doc->date)};
    size_t skipped = 0;
    size_t len = doc->text ? doc->text_len : 0;
    dyad_dates_tables_init();
    int bad = len > UINT32_MAX || scan_words(&s, doc->text, len) ||
              find_all(doc, &s, &c, &f, &skipped);
    free(s.w);
    doc->dates = bad ? NULL : dyad_arena_alloc(doc->arena, (f.n ? f.n : 1) * sizeof *f.d);
    if (!doc->dates) {
        free(f.d);
        doc->n_dates = 0;
        return DYAD_ENOMEM;
    }
    if (f.n)
        memcpy(doc->dates, f.d, f.n * sizeof *f.d);
    doc->n_dates = f.n;
    free(f.d);
    if (skipped && !c.article.prec)
        return dyad_doc_add_warning(doc, "no_article_date",
                                  "%zu relative date expression%s could not be resolved: "
                                  "the document has no valid date",
                                  skipped, skipped == 1 ? "" : "s");
    return DYAD_OK;
}
