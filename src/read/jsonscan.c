/* Fast path for JSONL: a strict scanner that pulls the article fields out of one line.
 * jansson reads ~70 MB/s; the article text is most of every line, so this scanner
 * copies it without a parse tree. Whenever it is not sure jansson would agree (bad
 * syntax, big numbers, deep nesting, NUL in a key) it returns false and the caller
 * hands the line to jansson, which decides and words the error. */
#include "read.h"

#include <string.h>

#define SCAN_DEPTH 32

static const char *const field_names[JF_COUNT] = {"id", "date", "title", "text", "body", "url", "source"};

typedef struct scan {
    const unsigned char *s;
    size_t n, i;
    jsonl_fields *f;
    size_t at[JF_COUNT]; /* start in the line, or in f->scratch when decoded */
    bool decoded[JF_COUNT];
} scan;

static void skip_ws(scan *c)
{
    while (c->i < c->n && strchr(" \t\n\r", c->s[c->i]) && c->s[c->i])
        c->i++;
}

static int hex4(const unsigned char *p)
{
    int v = 0;
    for (int k = 0; k < 4; k++) {
        int c = p[k], lower = c | 0x20;
        int d = c >= '0' && c <= '9' ? c - '0' : lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* A \uXXXX escape at p (n bytes left), with its low surrogate when it is a high one.
 * Returns the bytes used (6 or 12) and the code point, or 0 (jansson rejects lone
 * surrogates too). */
static size_t unicode_escape(const unsigned char *p, size_t n, int *cp)
{
    int hi = n >= 6 ? hex4(p + 2) : -1;
    if (hi < 0 || (hi >= 0xDC00 && hi <= 0xDFFF))
        return 0;
    if (hi < 0xD800 || hi > 0xDBFF) {
        *cp = hi;
        return 6;
    }
    int lo = n >= 12 && p[6] == '\\' && p[7] == 'u' ? hex4(p + 8) : -1;
    if (lo < 0xDC00 || lo > 0xDFFF)
        return 0;
    *cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
    return 12;
}

/* Checks the string at c->i; [*start, *end) is its raw content. */
static bool scan_string(scan *c, size_t *start, size_t *end, bool *escaped)
{
    const unsigned char *s = c->s;
    size_t i = c->i + 1;
    int cp;
    *escaped = false;
    for (;;) {
        while (i < c->n && s[i] != '"' && s[i] != '\\' && s[i] >= 0x20)
            i++;
        if (i >= c->n || s[i] < 0x20)
            return false;
        if (s[i] == '"')
            break;
        *escaped = true;
        size_t used = i + 1 < c->n && strchr("\"\\/bfnrt", s[i + 1]) && s[i + 1] ? 2
                    : i + 1 < c->n && s[i + 1] == 'u' ? unicode_escape(s + i, c->n - i, &cp) : 0;
        if (!used)
            return false;
        i += used;
    }
    *start = c->i + 1;
    *end = i;
    c->i = i + 1;
    return true;
}

static void put_utf8(dyad_buf *b, int cp)
{
    char u[4];
    size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    static const unsigned char lead[5] = {0, 0, 0xC0, 0xE0, 0xF0};
    for (size_t k = n - 1; k > 0; k--, cp >>= 6)
        u[k] = (char)(0x80 | (cp & 0x3F));
    u[0] = (char)(lead[n] | cp);
    dyad_buf_append(b, u, n);
}

/* Appends the decoded content of a checked string to b. */
static void decode_string(dyad_buf *b, const unsigned char *s, size_t i, size_t end)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    while (i < end) {
        size_t run = i;
        while (i < end && s[i] != '\\')
            i++;
        dyad_buf_append(b, s + run, i - run);
        if (i >= end)
            break;
        int cp = 0;
        const char *e = strchr(from, s[i + 1]);
        if (s[i + 1] == 'u') {
            i += unicode_escape(s + i, end - i, &cp);
            put_utf8(b, cp);
        } else {
            dyad_buf_putc(b, e ? to[e - from] : '?');
            i += 2;
        }
    }
}

/* Decimal digits from *i; returns how many. */
static size_t take_digits(const scan *c, size_t *i)
{
    size_t from = *i;
    while (*i < c->n && c->s[*i] >= '0' && c->s[*i] <= '9')
        (*i)++;
    return *i - from;
}

/* A JSON number; false when jansson might judge it otherwise (overflow) or the
 * field is an id that is not a plain integer (jansson formats those itself). */
static bool scan_number(scan *c, int field)
{
    const unsigned char *s = c->s;
    size_t i = c->i, start = c->i, digits, more;
    bool frac = false;
    if (i < c->n && s[i] == '-')
        i++;
    digits = i < c->n && s[i] == '0' ? (i++, 1) : take_digits(c, &i);
    if (digits == 0)
        return false;
    if (i < c->n && s[i] == '.') {
        i++;
        frac = true;
        if ((more = take_digits(c, &i)) == 0)
            return false;
        digits += more;
    }
    if (i < c->n && (s[i] == 'e' || s[i] == 'E')) {
        i += i + 1 < c->n && (s[i + 1] == '+' || s[i + 1] == '-') ? 2 : 1;
        frac = true;
        if ((more = take_digits(c, &i)) == 0 || more > 2)
            return false; /* big exponents may overflow: jansson's call */
    }
    if (digits > 17 || (field == JF_ID && frac))
        return false;
    c->i = i;
    if (field == JF_ID) {
        bool minus_zero = i - start == 2 && s[start] == '-' && s[start + 1] == '0';
        c->f->kind[JF_ID] = JV_INTEGER;
        c->at[JF_ID] = start + minus_zero; /* jansson prints -0 as 0 */
        c->f->len[JF_ID] = i - start - minus_zero;
        c->decoded[JF_ID] = false;
    }
    return true;
}

static bool scan_value(scan *c, int field, int depth);

/* An object or array after its opening bracket; only the top level records fields. */
static bool scan_members(scan *c, bool object, int depth)
{
    char close = object ? '}' : ']';
    skip_ws(c);
    if (c->i < c->n && c->s[c->i] == close) {
        c->i++;
        return true;
    }
    for (;;) {
        int field = -1;
        skip_ws(c);
        if (object) {
            size_t start, end;
            bool escaped;
            if (c->i >= c->n || c->s[c->i] != '"' || !scan_string(c, &start, &end, &escaped) ||
                escaped)
                return false; /* escaped keys (maybe \u0000) are left to jansson */
            for (int k = 0; depth == 0 && k < JF_COUNT; k++)
                if (strlen(field_names[k]) == end - start &&
                    memcmp(c->s + start, field_names[k], end - start) == 0)
                    field = k;
            skip_ws(c);
            if (c->i >= c->n || c->s[c->i++] != ':')
                return false;
        }
        if (!scan_value(c, field, depth + 1))
            return false;
        skip_ws(c);
        if (c->i >= c->n)
            return false;
        char next = (char)c->s[c->i++];
        if (next == close)
            return true;
        if (next != ',')
            return false;
    }
}

static bool scan_literal(scan *c)
{
    static const char *const words[] = {"true", "false", "null"};
    for (int k = 0; k < 3; k++) {
        size_t m = strlen(words[k]);
        if (c->n - c->i >= m && memcmp(c->s + c->i, words[k], m) == 0) {
            c->i += m;
            return true;
        }
    }
    return false;
}

static bool scan_value(scan *c, int field, int depth)
{
    skip_ws(c);
    if (c->i >= c->n || depth > SCAN_DEPTH)
        return false;
    if (field >= 0)
        c->f->kind[field] = JV_OTHER; /* a later duplicate key wins, as in jansson */
    unsigned char ch = c->s[c->i];
    if (ch == '"') {
        size_t start, end;
        bool escaped;
        if (!scan_string(c, &start, &end, &escaped))
            return false;
        if (field >= 0) {
            c->f->kind[field] = JV_STRING;
            c->decoded[field] = escaped;
            c->at[field] = escaped ? c->f->scratch.len : start;
            if (escaped)
                decode_string(&c->f->scratch, c->s, start, end);
            c->f->len[field] = escaped ? c->f->scratch.len - c->at[field] : end - start;
        }
        return true;
    }
    if (ch == '{' || ch == '[') {
        c->i++;
        return scan_members(c, ch == '{', depth);
    }
    if (ch == '-' || (ch >= '0' && ch <= '9'))
        return scan_number(c, field);
    return scan_literal(c);
}

bool read_json_scan(const char *line, size_t len, jsonl_fields *f)
{
    scan c = {.s = (const unsigned char *)line, .n = len, .f = f};
    memset(f->kind, 0, sizeof f->kind);
    skip_ws(&c);
    if (c.i >= c.n || c.s[c.i] != '{')
        return false;
    c.i++;
    if (!scan_members(&c, true, 0))
        return false;
    skip_ws(&c);
    if (c.i != c.n || f->scratch.oom)
        return false;
    for (int k = 0; k < JF_COUNT; k++)
        if (f->kind[k] == JV_STRING || f->kind[k] == JV_INTEGER)
            f->value[k] = c.decoded[k] ? f->scratch.data + c.at[k] : line + c.at[k];
    return true;
}
