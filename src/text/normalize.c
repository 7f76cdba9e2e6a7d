/* Document text: UTF-8 repair, NUL and CR folding, NFC; ASCII takes a word-at-a-time fast path. */
#include "internal.h"
#include "../read/read.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */
#define NFC_OPTIONS (UTF8PROC_STABLE | UTF8PROC_COMPOSE)
/* utf8proc sorts runs of combining marks in quadratic time: hostile input with a
 * million marks in a row would stall, so runs are cut as UAX #15 recommends. */
#define MAX_MARKS 30
#define CGJ "\xCD\x8F" /* U+034F COMBINING GRAPHEME JOINER */

#define INERT_CACHE 64

typedef struct inert_entry {
    int32_t cp; /* 0 = empty: U+0000 is never looked up */
    bool inert;
} inert_entry;

typedef struct norm {
    dyad_buf out;      /* the document text being built */
    dyad_buf stretch;  /* one repaired non-ASCII stretch, before NFC */
    int32_t *cps;      /* [cps_cap + 1] code points for utf8proc */
    size_t cps_cap;
    size_t base;       /* input offset of the current piece, for error messages */
    size_t n_invalid, first_invalid, n_nul, first_nul;
    inert_entry inert_cache[INERT_CACHE]; /* nfc_inert of precomposed characters */
} norm;

/* Length of a valid UTF-8 sequence at s (RFC 3629), or minus the length of the
 * maximal invalid subpart, which becomes one U+FFFD (Unicode's recommended count). */
static int utf8_seq(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned b = s[0], lo = 0x80, hi = 0xBF;
    int len;
    if (b < 0x80) {
        *cp = (int32_t)b;
        return 1;
    }
    if (b < 0xC2 || b > 0xF4)
        return -1;
    len = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    int32_t c = (int32_t)(b & (0x7F >> len));
    if (b == 0xE0)
        lo = 0xA0; /* overlong */
    else if (b == 0xED)
        hi = 0x9F; /* surrogates */
    else if (b == 0xF0)
        lo = 0x90; /* overlong */
    else if (b == 0xF4)
        hi = 0x8F; /* above U+10FFFF */
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n || s[i] < lo || s[i] > hi)
            return -i;
        c = (c << 6) | (s[i] & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    *cp = c;
    return len;
}

/* Index of the first non-ASCII byte at or after i, eight bytes at a time. */
static size_t ascii_only_span(const unsigned char *s, size_t i, size_t n)
{
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull)
            break;
        i += 8;
    }
    while (i < n && s[i] < 0x80)
        i++;
    return i;
}

size_t dyad_utf8_repair(dyad_buf *out, const char *s, size_t len, size_t *first)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t bad = 0, i = 0, run = 0;
    while ((i = ascii_only_span(u, i, len)) < len) {
        int32_t cp;
        int k = utf8_seq(u + i, len - i, &cp);
        if (k > 0) {
            i += (size_t)k;
            continue;
        }
        if (out) {
            dyad_buf_append(out, s + run, i - run);
            dyad_buf_append(out, REPLACEMENT, 3);
        }
        if (bad++ == 0 && first)
            *first = i;
        i += (size_t)-k;
        run = i;
    }
    if (out)
        dyad_buf_append(out, s + run, len - run);
    return bad;
}

/* Index of the first byte at or after i that is non-ASCII, CR or NUL. Reads eight
 * bytes at a time: news text is mostly ASCII, and this loop is the hot path. */
static size_t ascii_span(const unsigned char *s, size_t i, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (i + 8 <= n) {
        uint64_t w, cr;
        memcpy(&w, s + i, 8);
        cr = w ^ (ones * '\r');
        if ((w | ((w - ones) & ~w) | ((cr - ones) & ~cr)) & highs)
            break;
        i += 8;
    }
    while (i < n && s[i] < 0x80 && s[i] != '\r' && s[i] != '\0')
        i++;
    return i;
}

/* utf8proc marks a composition's second character with comb_index >= 0x8000. */
static bool composes_as_second(const utf8proc_property_t *p)
{
    return p->comb_index != UINT16_MAX && p->comb_index >= 0x8000;
}

/* NFC of a precomposed character alone is itself, and its decomposition does not
 * start with a character that could compose with what precedes it. */
static bool nfc_stable_composite(int32_t cp)
{
    utf8proc_int32_t buf[8];
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 8, UTF8PROC_DECOMPOSE, NULL);
    if (n <= 0 || n > 8 || composes_as_second(utf8proc_get_property(buf[0])))
        return false;
    n = utf8proc_normalize_utf32(buf, n, NFC_OPTIONS);
    return n == 1 && buf[0] == cp;
}

/* True when NFC leaves the code point alone next to any other inert code points: a
 * starter that is never the second of a composition and is its own NFC (curly
 * quotes, dashes, accented letters). Hangul composes by arithmetic, outside
 * utf8proc's tables. Precomposed characters are checked once per document. */
static bool nfc_inert(norm *nm, int32_t cp)
{
    if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xAC00 && cp <= 0xD7A3))
        return false;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class != 0 || composes_as_second(p))
        return false;
    if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0)
        return true; /* no canonical decomposition */
    inert_entry *e = &nm->inert_cache[(uint32_t)cp % INERT_CACHE];
    if (e->cp != cp) {
        e->cp = cp;
        e->inert = nfc_stable_composite(cp);
    }
    return e->inert;
}

static void note_invalid(norm *nm, size_t at)
{
    if (nm->n_invalid++ == 0)
        nm->first_invalid = nm->base + at;
}

static void note_nul(norm *nm, size_t at)
{
    if (nm->n_nul++ == 0)
        nm->first_nul = nm->base + at;
}

/* Appends the ASCII byte at s[i] to b with CR folded and NUL replaced; returns the
 * number of input bytes used. */
static size_t put_ascii(norm *nm, dyad_buf *b, const unsigned char *s, size_t i, size_t n)
{
    if (s[i] == '\r') {
        dyad_buf_putc(b, '\n');
        return i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
    }
    if (s[i] == '\0') {
        note_nul(nm, i);
        dyad_buf_append(b, REPLACEMENT, 3);
        return 1;
    }
    dyad_buf_putc(b, (char)s[i]);
    return 1;
}

/* NFC of nm->stretch appended to nm->out through utf8proc's decompose + compose. */
static void compose_stretch(norm *nm)
{
    const utf8proc_uint8_t *src = (const utf8proc_uint8_t *)nm->stretch.data;
    utf8proc_ssize_t got;
    for (;;) {
        got = utf8proc_decompose(src, (utf8proc_ssize_t)nm->stretch.len, nm->cps,
                                 (utf8proc_ssize_t)nm->cps_cap, NFC_OPTIONS);
        if (got < 0 || (size_t)got <= nm->cps_cap)
            break;
        int32_t *grown = realloc(nm->cps, ((size_t)got + 1) * sizeof *grown);
        if (!grown) {
            nm->out.oom = true;
            return;
        }
        nm->cps = grown;
        nm->cps_cap = (size_t)got;
    }
    if (got >= 0)
        got = utf8proc_reencode(nm->cps, got, NFC_OPTIONS);
    if (got < 0) /* cannot happen on repaired input; keep the bytes rather than lose them */
        dyad_buf_append(&nm->out, nm->stretch.data, nm->stretch.len);
    else
        dyad_buf_append(&nm->out, nm->cps, (size_t)got);
}

/* Repairs s[start, end) into nm->stretch, then appends it as is when NFC cannot
 * change it, else composed. */
static void norm_stretch(norm *nm, const unsigned char *s, size_t start, size_t end)
{
    bool inert = true;
    int marks = 0; /* combining marks in a row */
    nm->stretch.len = 0;
    for (size_t i = start; i < end;) {
        int32_t cp;
        int k = s[i] < 0x80 ? 0 : utf8_seq(s + i, end - i, &cp);
        if (k <= 0)
            marks = 0;
        if (k == 0) {
            i += put_ascii(nm, &nm->stretch, s, i, end);
        } else if (k < 0) {
            note_invalid(nm, i);
            dyad_buf_append(&nm->stretch, REPLACEMENT, 3);
            i += (size_t)-k;
        } else {
            inert = inert && nfc_inert(nm, cp);
            marks = utf8proc_get_property(cp)->combining_class ? marks + 1 : 0;
            if (marks > MAX_MARKS) { /* UAX #15 stream-safe text: a CGJ every 30 marks */
                dyad_buf_append(&nm->stretch, CGJ, 2);
                marks = 1;
            }
            dyad_buf_append(&nm->stretch, s + i, (size_t)k);
            i += (size_t)k;
        }
    }
    if (nm->stretch.oom)
        nm->out.oom = true;
    else if (inert)
        dyad_buf_append(&nm->out, nm->stretch.data, nm->stretch.len);
    else
        compose_stretch(nm);
}

/* A stretch for utf8proc runs from the printable ASCII character before the first
 * non-ASCII byte (a combining mark may compose with it) up to an ASCII byte that is
 * followed by ASCII: no composition crosses two ASCII characters. */
static void norm_piece(norm *nm, const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < n) {
        size_t j = ascii_span(s, i, n);
        dyad_buf_append(&nm->out, s + i, j - i);
        if (j == n)
            break;
        if (s[j] < 0x80) {
            i = j + put_ascii(nm, &nm->out, s, j, n);
            continue;
        }
        size_t start = j, end = j;
        if (j > 0 && s[j - 1] > 0x20 && s[j - 1] < 0x7F) {
            start = j - 1; /* it was copied as one byte by the fast path: take it back */
            nm->out.len--;
        }
        while (end < n && !(s[end] < 0x80 && (end + 1 == n || s[end + 1] < 0x80)))
            end++;
        norm_stretch(nm, s, start, end);
        i = end;
    }
}

static void norm_report(dyad_doc *doc, const norm *nm)
{
    if (nm->n_invalid)
        dyad_doc_add_error(doc, "invalid_utf8",
                           "%zu invalid UTF-8 sequence%s replaced by U+FFFD (first at byte %zu)",
                           nm->n_invalid, nm->n_invalid == 1 ? "" : "s", nm->first_invalid);
    if (nm->n_nul)
        dyad_doc_add_error(doc, "nul_byte",
                           "%zu NUL byte%s replaced by U+FFFD (first at byte %zu)", nm->n_nul,
                           nm->n_nul == 1 ? "" : "s", nm->first_nul);
}

dyad_status dyad_doc_set_text(dyad_doc *doc, const char *title, size_t title_len,
                              const char *body, size_t body_len)
{
    if (!doc || (!body && body_len) || (!title && title_len))
        return DYAD_EINVAL;
    if (title_len > UINT32_MAX / 2 || body_len > UINT32_MAX / 2)
        return DYAD_EINVAL; /* token offsets are 32-bit */
    norm nm = {0};
    size_t title_out = 0;
    dyad_buf_reserve(&nm.out, title_len + body_len + body_len / 16 + 64);
    if (title) {
        norm_piece(&nm, title, title_len);
        title_out = nm.out.len;
        dyad_buf_append(&nm.out, "\n\n", 2);
        nm.base = title_len + 2;
    }
    size_t body_start = nm.out.len;
    norm_piece(&nm, body ? body : "", body_len);
    char *text = nm.out.oom ? NULL
                            : dyad_arena_strndup(doc->arena, nm.out.data ? nm.out.data : "", nm.out.len);
    char *t = text && title ? dyad_arena_strndup(doc->arena, text, title_out) : NULL;
    size_t len = nm.out.len;
    dyad_buf_free(&nm.out);
    dyad_buf_free(&nm.stretch);
    free(nm.cps);
    if (!text || (title && !t))
        return DYAD_ENOMEM;
    doc->text = text;
    doc->text_len = len;
    doc->body_start = body_start;
    doc->title = t;
    norm_report(doc, &nm);
    return DYAD_OK;
}
