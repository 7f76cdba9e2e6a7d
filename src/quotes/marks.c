/* Direct quotations from their marks: one left-to-right pass over the text, so any
 * number of marks, or one never closed, costs linear time. */
#include "quotes.h"

#include <ctype.h>
#include <string.h>

typedef enum { MK_NONE, MK_DOUBLE, MK_SINGLE } mark_kind;
/* Which way a curly mark faces: its shape is a hint, the spacing around it decides. */
typedef enum { HINT_ANY, HINT_OPEN, HINT_CLOSE } mark_hint;

typedef struct mark {
    mark_kind kind;
    mark_hint hint;
    size_t len; /* bytes */
} mark;

/* The mark at text[i] ("\"", curly, low-9, guillemets, straight or curly single). */
static mark mark_at(const unsigned char *s, size_t i, size_t n)
{
    if (s[i] == '"')
        return (mark){MK_DOUBLE, HINT_ANY, 1};
    if (s[i] == '\'')
        return (mark){MK_SINGLE, HINT_ANY, 1};
    if (s[i] == 0xC2 && i + 1 < n && (s[i + 1] == 0xAB || s[i + 1] == 0xBB))
        return (mark){MK_DOUBLE, s[i + 1] == 0xAB ? HINT_OPEN : HINT_CLOSE, 2};
    if (s[i] != 0xE2 || i + 2 >= n || s[i + 1] != 0x80)
        return (mark){MK_NONE, HINT_ANY, 0};
    switch (s[i + 2]) {
    case 0x9C: return (mark){MK_DOUBLE, HINT_OPEN, 3};  /* “ */
    case 0x9D: return (mark){MK_DOUBLE, HINT_CLOSE, 3}; /* ” */
    case 0x9E: return (mark){MK_DOUBLE, HINT_OPEN, 3};  /* „ */
    case 0x98: return (mark){MK_SINGLE, HINT_OPEN, 3};  /* ‘ */
    case 0x99: return (mark){MK_SINGLE, HINT_CLOSE, 3}; /* ’ */
    default: return (mark){MK_NONE, HINT_ANY, 0};
    }
}

size_t q_mark_len(const char *s, size_t i, size_t n)
{
    return mark_at((const unsigned char *)s, i, n).len;
}

/* A letter or digit ends at byte i (exclusive) / starts at byte i: an apostrophe
 * between two of them ("don’t") is no quotation mark. Non-ASCII counts as a letter
 * unless it is general punctuation (U+2000..U+206F: dashes, marks). */
static bool word_before(const unsigned char *s, size_t i)
{
    if (i == 0)
        return false;
    if (s[i - 1] < 0x80)
        return isalnum(s[i - 1]) != 0;
    return !(i >= 3 && s[i - 3] == 0xE2 && (s[i - 2] == 0x80 || s[i - 2] == 0x81));
}

static bool word_after(const unsigned char *s, size_t i, size_t n)
{
    if (i >= n)
        return false;
    if (s[i] < 0x80)
        return isalnum(s[i]) != 0;
    return !(s[i] == 0xE2 && i + 1 < n && (s[i + 1] == 0x80 || s[i + 1] == 0x81));
}

/* Space, an opening bracket or a dash before: the mark can open. */
static bool open_before(const unsigned char *s, size_t i)
{
    if (i == 0)
        return true;
    unsigned char c = s[i - 1];
    if (isspace(c) || strchr("([{/-", c))
        return true;
    return i >= 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80 &&
           (c == 0x93 || c == 0x94 || c == 0x9C || c == 0x98); /* – — “ ‘ */
}

/* Space, punctuation or the end after: the mark can close. */
static bool close_after(const unsigned char *s, size_t i, size_t n)
{
    if (i >= n)
        return true;
    unsigned char c = s[i];
    if (isspace(c) || (c && strchr(".,;:!?)]}-\"'", c)))
        return true;
    return c == 0xE2 || c == 0xC2; /* dashes, closing curly marks, guillemets */
}

/* Opens (1), closes (-1) or either (0), from the spacing first, the shape second. */
static int direction(const unsigned char *s, size_t i, size_t n, const mark *m)
{
    bool o = open_before(s, i) && !isspace(i + m->len < n ? s[i + m->len] : ' ');
    bool c = close_after(s, i + m->len, n) && i > 0 && !isspace(s[i - 1]);
    if (o && !c)
        return 1;
    if (c && !o)
        return -1;
    return m->hint == HINT_OPEN ? 1 : m->hint == HINT_CLOSE ? -1 : 0;
}

static bool span_add(qwork *w, size_t a, size_t b, bool inner)
{
    const char *t = w->doc->text;
    while (a < b && isspace((unsigned char)t[a]))
        a++;
    while (b > a && isspace((unsigned char)t[b - 1]))
        b--;
    if (a == b)
        return true; /* "" quotes nothing */
    qspan **list = inner ? &w->inner : &w->spans;
    size_t *n = inner ? &w->n_inner : &w->n_spans, *cap = inner ? &w->cap_inner : &w->cap_spans;
    if (!dyad_array_grow((void **)list, cap, *n + 1, sizeof **list, 64))
        return false;
    (*list)[(*n)++] = (qspan){(uint32_t)a, (uint32_t)b, 0, 0};
    return true;
}

/* Scanner state: an open double quotation, an open single one outside it. */
typedef struct scan {
    bool dq, sq, in;            /* in: a single quotation open inside the double one */
    size_t dq_at, sq_at, in_at; /* content start of each */
} scan;

/* At a line break: a double quotation still open continues when the next line opens
 * with a mark (the convention for a quotation that runs on over paragraphs); at a
 * blank line without one it was never closed and is dropped; a single line break
 * (hard-wrapped text) changes nothing. Returns where scanning resumes. */
static size_t line_end(const unsigned char *s, size_t i, size_t n, scan *st)
{
    size_t j = i, breaks = 0;
    for (; j < n && isspace(s[j]); j++)
        breaks += s[j] == '\n';
    mark m = j < n ? mark_at(s, j, n) : (mark){MK_NONE, HINT_ANY, 0};
    if (st->dq && m.kind == MK_DOUBLE && direction(s, j, n, &m) >= 0) {
        st->sq = st->in = false;
        return j + m.len; /* the repeated opening mark is not content */
    }
    if (breaks >= 2 || j == n)
        st->dq = st->sq = st->in = false;
    return j;
}

static bool on_double(qwork *w, const unsigned char *s, size_t i, size_t n, const mark *m,
                      scan *st)
{
    int dir = direction(s, i, n, m);
    st->sq = st->in = false; /* a single mark still open was an apostrophe */
    if (!st->dq) {
        if (dir >= 0)
            st->dq = true, st->dq_at = i + m->len;
        return true;
    }
    if (dir > 0 && m->hint != HINT_CLOSE) {
        st->dq_at = i + m->len; /* a new opening: the one before was never closed */
        return true;
    }
    st->dq = false;
    return span_add(w, st->dq_at, i, false);
}

static bool on_single(qwork *w, const unsigned char *s, size_t i, size_t n, const mark *m,
                      scan *st)
{
    if (word_before(s, i) && word_after(s, i + m->len, n))
        return true; /* an apostrophe */
    bool *open = st->dq ? &st->in : &st->sq; /* nested in a double quotation, or not */
    size_t *at = st->dq ? &st->in_at : &st->sq_at;
    int dir = direction(s, i, n, m);
    if (dir > 0 || (!*open && dir == 0 && m->hint == HINT_OPEN)) {
        *open = true, *at = i + m->len;
        return true;
    }
    if (*open && dir < 0) {
        *open = false;
        return span_add(w, *at, i, st->dq);
    }
    return true;
}

bool q_marks_scan(qwork *w)
{
    const unsigned char *s = (const unsigned char *)w->doc->text;
    size_t n = w->doc->text_len;
    scan st = {0};
    for (size_t i = 0; i < n;) {
        if (s[i] == '\n') {
            i = line_end(s, i, n, &st);
            continue;
        }
        mark m = mark_at(s, i, n);
        if (m.kind == MK_NONE) {
            i++;
            continue;
        }
        if (!(m.kind == MK_DOUBLE ? on_double : on_single)(w, s, i, n, &m, &st))
            return false;
        i += m.len;
    }
    return true;
}
