/* JSON lines: one article object per line (id, date, title, text|body, url, source), via cJSON. */
#include "read.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { JF_ID, JF_DATE, JF_TITLE, JF_TEXT, JF_BODY, JF_URL, JF_SOURCE, JF_COUNT };
static const char *const field_names[JF_COUNT] = {"id",   "date", "title", "text",
                                                  "body", "url",  "source"};

#define NONE SIZE_MAX

/* What one pass over the line found before cJSON reads it. cJSON strings are
 * NUL-terminated, so a NUL inside one would silently cut it: \u0000 escapes are
 * rewritten to \ufffd, and raw NUL bytes and \u escapes without four hex digits
 * (which cJSON decodes as NUL) are errors. */
typedef struct line_check {
    size_t nuls, first_nul; /* \u0000 escapes rewritten; byte offset of the first */
    size_t bad;             /* offset of the first raw NUL or bad \u escape, or NONE */
    size_t open;            /* content start of a string still open at the end, or NONE */
} line_check;

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* The \u escape at s + i (s is NUL-terminated, so the digits never run past it). */
static void check_unicode(char *s, size_t i, line_check *lc)
{
    char *hex = s + i + 2;
    if (!is_hex(hex[0]) || !is_hex(hex[1]) || !is_hex(hex[2]) || !is_hex(hex[3])) {
        lc->bad = lc->bad == NONE ? i : lc->bad;
    } else if (memcmp(hex, "0000", 4) == 0) {
        memcpy(hex, "fffd", 4);
        lc->first_nul = lc->nuls++ ? lc->first_nul : i;
    }
}

/* Walks quotes and escapes of s[0..n) (s[n] == '\0'); escapes are taken in pairs, so
 * "\\u0000" is a backslash and the text u0000, not a NUL. */
static void check_line(char *s, size_t n, line_check *lc)
{
    *lc = (line_check){.bad = NONE, .open = NONE};
    bool in_string = false;
    size_t i = 0;
    while ((i += strcspn(s + i, "\"\\")) < n) {
        if (s[i] == '"') {
            in_string = !in_string;
            lc->open = in_string ? i + 1 : NONE;
            i++;
        } else if (s[i] == '\\') {
            if (s[i + 1] == 'u')
                check_unicode(s, i, lc);
            i += s[i + 1] ? 2 : 1;
        } else {
            lc->bad = lc->bad == NONE ? i : lc->bad; /* a raw NUL byte */
            i++;
        }
    }
}

static bool json_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* True when byte k of s is directly inside an object rather than an array. */
static bool in_object(const char *s, size_t k)
{
    char open[CJSON_NESTING_LIMIT + 2];
    size_t depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < k; i++) {
        char c = s[i];
        if (in_string && c == '\\')
            i++;
        else if (c == '"')
            in_string = !in_string;
        else if (!in_string && (c == '{' || c == '[')) {
            if (depth < sizeof open)
                open[depth] = c;
            depth++;
        } else if (!in_string && (c == '}' || c == ']') && depth)
            depth--;
    }
    return depth && depth <= sizeof open && open[depth - 1] == '{';
}

/* cJSON reports an object key that is not a string one byte late: move back to it. */
static size_t key_error_pos(const char *s, size_t pos)
{
    if (pos == 0 || json_space(s[pos - 1]) || s[pos - 1] == '"')
        return pos;
    size_t k = pos - 1;
    while (k > 0 && json_space(s[k - 1]))
        k--;
    bool after = k > 0 && (s[k - 1] == ',' || s[k - 1] == '{');
    bool empty_object = k > 0 && s[k - 1] == '{' && s[pos - 1] == '}';
    return after && !empty_object && in_object(s, pos - 1) ? pos - 1 : pos;
}

/* Bytes of the UTF-8 character at s + pos (the line is valid UTF-8 by now). */
static size_t char_len(const char *s, size_t n, size_t pos)
{
    size_t len = 1;
    if ((unsigned char)s[pos] >= 0xC0)
        while (pos + len < n && ((unsigned char)s[pos + len] & 0xC0) == 0x80)
            len++;
    return len;
}

/* The problem at byte pos of s[0..n), in words; quoted bytes are whole characters. */
static void error_reason(const char *s, size_t n, size_t pos, const line_check *lc, char *why,
                         size_t cap)
{
    unsigned char c = pos < n ? (unsigned char)s[pos] : 0;
    int hex = 2;
    while (c == '\\' && s[pos + 1] == 'u' && hex < 6 && s[pos + hex] > 0x20 && s[pos + hex] < 0x7F)
        hex++;
    if (pos >= n || pos == lc->open)
        snprintf(why, cap, "unexpected end of line (truncated?)");
    else if (c == '\\' && s[pos + 1] == 'u')
        snprintf(why, cap, "invalid \\u escape '%.*s' (bad hex digits or lone surrogate)", hex,
                 s + pos);
    else if (c == '\\' && (unsigned char)s[pos + 1] > 0x20)
        snprintf(why, cap, "invalid escape '\\%.*s'", (int)char_len(s, n, pos + 1), s + pos + 1);
    else if (c == 0)
        snprintf(why, cap, "NUL byte");
    else if (c < 0x20 || c == 0x7F)
        snprintf(why, cap, "unexpected control character 0x%02X", c);
    else
        snprintf(why, cap, "unexpected '%.*s'", (int)char_len(s, n, pos), s + pos);
}

/* Marks doc failed with bad_json at byte pos: "line N, column C: reason" (C counts characters). */
static void fail_at(dyad_doc *doc, const char *s, size_t n, size_t pos, const line_check *lc,
                    size_t line_no)
{
    char why[96];
    size_t column = 1;
    for (size_t i = 0; i < pos && i < n; i++)
        column += ((unsigned char)s[i] & 0xC0) != 0x80;
    error_reason(s, n, pos, lc, why, sizeof why);
    read_doc_fail(doc, "bad_json", "line %zu, column %zu: %s", line_no, column, why);
}

/* Where the line goes wrong: cJSON's error, a problem check_line saw, or bytes after
 * the value; NONE when it is all good. end is cJSON's parse end. */
static size_t error_pos(const char *s, size_t n, bool parsed, const char *end,
                        const line_check *lc)
{
    size_t pos = end ? (size_t)(end - s) : 0;
    if (!parsed)
        pos = key_error_pos(s, pos < n ? pos : n);
    else {
        while (pos < n && json_space(s[pos]))
            pos++;
        pos = pos < n ? pos : NONE;
    }
    return lc->bad < pos ? lc->bad : pos;
}

static const char *json_kind(const cJSON *v)
{
    return cJSON_IsArray(v) ? "an array" : cJSON_IsString(v) ? "a string"
         : cJSON_IsNumber(v) ? "a number" : cJSON_IsTrue(v) ? "true"
         : cJSON_IsFalse(v) ? "false" : cJSON_IsNull(v) ? "null" : "a value";
}

/* The article fields of an object; a later duplicate key wins. */
static void pick_fields(const cJSON *root, const cJSON *f[JF_COUNT])
{
    for (const cJSON *it = root->child; it; it = it->next)
        for (int k = 0; k < JF_COUNT && it->string; k++)
            if (strcmp(it->string, field_names[k]) == 0) {
                f[k] = it;
                break;
            }
}

/* A string field as an arena copy; NULL when absent, not a string, or empty. */
static char *string_dup(dyad_doc *doc, const cJSON *v)
{
    size_t len = cJSON_IsString(v) ? strlen(v->valuestring) : 0;
    return len ? dyad_doc_strdup(doc, v->valuestring, len) : NULL;
}

/* The id: a string, an integer without a decimal point (exact up to 2^53), or
 * another number as %.17g; NULL when there is none. */
static char *id_dup(dyad_doc *doc, const cJSON *v)
{
    if (!cJSON_IsNumber(v))
        return string_dup(doc, v);
    double d = v->valuedouble;
    char num[64];
    if (!isfinite(d))
        return NULL;
    int len = d == trunc(d) && fabs(d) <= 9007199254740992.0
        ? snprintf(num, sizeof num, "%lld", (long long)d) : snprintf(num, sizeof num, "%.17g", d);
    return dyad_doc_strdup(doc, num, (size_t)len);
}

static void fill_doc(dyad_doc *doc, const cJSON *root, size_t line_no)
{
    const cJSON *f[JF_COUNT] = {0};
    pick_fields(root, f);
    char *id = id_dup(doc, f[JF_ID]);
    if (id)
        doc->id = id;
    const cJSON *body = cJSON_IsString(f[JF_TEXT]) ? f[JF_TEXT]
                      : cJSON_IsString(f[JF_BODY]) ? f[JF_BODY] : NULL;
    if (!body) {
        read_doc_fail(doc, "missing_text", "line %zu: no \"text\" or \"body\" string", line_no);
        return;
    }
    size_t title_len = 0;
    const char *t = cJSON_IsString(f[JF_TITLE]) ? f[JF_TITLE]->valuestring : NULL;
    char *title = t ? read_collapse(doc, t, strlen(t), &title_len) : NULL;
    dyad_doc_set_text(doc, title, title_len, body->valuestring, strlen(body->valuestring));
    if (cJSON_IsString(f[JF_DATE]))
        read_doc_set_date(doc, f[JF_DATE]->valuestring, strlen(f[JF_DATE]->valuestring));
    doc->url = string_dup(doc, f[JF_URL]);
    char *source = string_dup(doc, f[JF_SOURCE]);
    if (source)
        doc->source = source;
}

/* Parses s[0..n) (a NUL-terminated copy the check may rewrite) into doc. */
static void parse_line(dyad_doc *doc, char *s, size_t n, size_t line_no)
{
    line_check lc;
    check_line(s, n, &lc);
    /* the terminating NUL is passed too: cJSON skips it as whitespace, so an error
     * past the last byte is reported at n (without it, at n - 1 like the last byte) */
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(s, n + 1, &end, 0);
    size_t pos = error_pos(s, n, root != NULL, end, &lc);
    if (pos != NONE)
        fail_at(doc, s, n, pos, &lc, line_no);
    else if (!cJSON_IsObject(root))
        read_doc_fail(doc, "bad_json", "line %zu: expected a JSON object, got %s", line_no,
                      json_kind(root));
    else {
        fill_doc(doc, root, line_no);
        if (lc.nuls)
            dyad_doc_add_error(doc, "nul_byte", "%zu escaped NUL character%s replaced by U+FFFD "
                               "(first at byte %zu of line %zu)", lc.nuls,
                               lc.nuls == 1 ? "" : "s", lc.first_nul, line_no);
    }
    cJSON_Delete(root);
}

void read_jsonl_line(dyad_doc *doc, const char *line, size_t len, const char *fallback_id,
                     size_t line_no)
{
    doc->id = dyad_doc_strdup(doc, fallback_id, strlen(fallback_id));
    /* JSON must be UTF-8: repair it first and report it like the text does */
    dyad_buf copy;
    dyad_buf_init(&copy);
    size_t first = 0, bad = dyad_utf8_repair(NULL, line, len, &first);
    if (bad)
        dyad_utf8_repair(&copy, line, len, NULL);
    else
        dyad_buf_append(&copy, line, len);
    if (copy.oom || !dyad_buf_reserve(&copy, 1))
        read_doc_fail(doc, "nomem", "line %zu: out of memory", line_no);
    else {
        copy.data[copy.len] = '\0';
        parse_line(doc, copy.data, copy.len, line_no);
    }
    if (bad)
        dyad_doc_add_error(doc, "invalid_utf8", "%zu invalid UTF-8 sequence%s replaced by "
                           "U+FFFD (first at byte %zu of line %zu)",
                           bad, bad == 1 ? "" : "s", first, line_no);
    dyad_buf_free(&copy);
}
