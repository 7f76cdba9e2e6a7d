/* Loader of the compiled actor dictionary (format: see tools/compile-actors.py). The
 * file is untrusted: header, record count, CRC-32 and every field are checked. */
#include "actors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAGIC "dyad-actors\t1\t"

static bool parse_uint(const char *s, size_t len, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    if (len == 0 || len > 10)
        return false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    *out = v;
    return v <= max;
}

static bool valid_date(uint64_t v)
{
    unsigned m = (unsigned)(v / 100 % 100), day = (unsigned)(v % 100);
    return v == 0 || (v >= 10000101 && v <= 99991231 && m >= 1 && m <= 12 && day >= 1 && day <= 31);
}

/* One code item "CODE" or "CODE/FROM/TO". */
static bool parse_item(dyad_actor_dict *d, const char *s, size_t len, char kind)
{
    const char *slash = memchr(s, '/', len);
    size_t clen = slash ? (size_t)(slash - s) : len;
    bool tilde = memchr(s, '~', clen) != NULL;
    if (kind == KIND_AGENT ? !(tilde && (s[0] == '~' || s[clen - 1] == '~')) : tilde)
        return false;
    uint64_t from = 0, to = 0;
    if (slash) {
        const char *a = slash + 1, *end = s + len;
        const char *b = memchr(a, '/', (size_t)(end - a));
        if (!b || !parse_uint(a, (size_t)(b - a), 99991231, &from) ||
            !parse_uint(b + 1, (size_t)(end - b - 1), 99991231, &to) ||
            !valid_date(from) || !valid_date(to) || (from && to && to < from))
            return false;
    }
    return actor_dict_code(d, s, clen, (int32_t)from, (int32_t)to);
}

static bool parse_codes(dyad_actor_dict *d, const char *s, size_t len, char kind)
{
    size_t i = 0;
    int n = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && s[j] != ' ')
            j++;
        if (j == i || !parse_item(d, s + i, j - i, kind))
            return false;
        n++;
        i = j + 1;
    }
    return n > 0;
}

/* A stored phrase must already be normalised: words of non-space bytes, one space apart. */
static int phrase_words(const char *s, size_t len)
{
    if (len == 0 || len > ACTOR_MAX_PHRASE || s[0] == ' ' || s[len - 1] == ' ')
        return -1;
    int words = 1;
    for (size_t i = 0; i < len; i++) {
        if ((uint8_t)s[i] < 0x20 || (s[i] == ' ' && i + 1 < len && s[i + 1] == ' '))
            return -1;
        words += s[i] == ' ';
    }
    return words <= ACTOR_MAX_WORDS ? words : -1;
}

static bool parse_record(dyad_actor_dict *d, const char *s, size_t len)
{
    bool kind = s[0] == KIND_ACTOR || s[0] == KIND_METONYM || s[0] == KIND_AGENT;
    if (len < 4 || s[1] != '\t' || !kind)
        return false;
    long g = actor_dict_group(d, s[0]);
    const char *p = s + 2, *end = s + len;
    const char *tab = memchr(p, '\t', (size_t)(end - p));
    if (g < 0 || !tab || !parse_codes(d, p, (size_t)(tab - p), s[0]))
        return false;
    for (p = tab + 1; p <= end; p = tab + 1) {
        tab = memchr(p, '\t', (size_t)(end - p));
        if (!tab)
            tab = end;
        int words = phrase_words(p, (size_t)(tab - p));
        if (words < 0 || !actor_dict_phrase(d, g, p, (size_t)(tab - p), words))
            return false;
    }
    return true;
}

static dyad_actor_dict *fail(dyad_actor_dict *d, dyad_error *err, const char *name,
                             size_t line, const char *why)
{
    dyad_error_set(err, DYAD_EMODEL, "actors_format", "%s:%zu: %s", name, line, why);
    dyad_actor_dict_free(d);
    return NULL;
}

static dyad_actor_dict *load_body(const char *data, size_t len, const char *name, dyad_error *err)
{
    const char *nl = memchr(data, '\n', len);
    size_t ml = strlen(MAGIC);
    if (len < ml || memcmp(data, MAGIC, ml) != 0 || !nl)
        return fail(NULL, err, name, 1, "not a dyad actor dictionary (version 1)");
    const char *f = data + ml, *tab = memchr(f, '\t', (size_t)(nl - f));
    uint64_t records, crc;
    if (!tab || !parse_uint(f, (size_t)(tab - f), UINT32_MAX, &records) || nl - tab != 9)
        return fail(NULL, err, name, 1, "bad header");
    crc = 0;
    for (const char *h = tab + 1; h < nl; h++) {
        int v = *h >= '0' && *h <= '9' ? *h - '0' : *h >= 'a' && *h <= 'f' ? *h - 'a' + 10 : -1;
        if (v < 0)
            return fail(NULL, err, name, 1, "bad header checksum");
        crc = crc * 16 + (uint64_t)v;
    }
    const char *body = nl + 1;
    size_t body_len = len - (size_t)(body - data);
    if (dyad_crc32(0, body, body_len) != (uint32_t)crc)
        return fail(NULL, err, name, 1, "checksum mismatch (truncated or corrupt)");
    dyad_actor_dict *d = dyad_actor_dict_new();
    if (!d)
        return fail(NULL, err, name, 0, "out of memory");
    size_t line = 1, seen = 0;
    for (const char *p = body, *end = data + len; p < end; p = nl + 1) {
        line++;
        nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        if (nl == p || *p == '#')
            continue;
        if (!parse_record(d, p, (size_t)(nl - p)))
            return fail(d, err, name, line, "malformed record");
        seen++;
    }
    if (seen != records)
        return fail(d, err, name, line, "record count differs from the header");
    return d;
}

dyad_actor_dict *dyad_actor_dict_load_memory(const void *data, size_t len, dyad_error *err)
{
    if (!data)
        return fail(NULL, err, "(memory)", 0, "no data");
    return load_body(data, len, "(memory)", err);
}

dyad_actor_dict *dyad_actor_dict_load(const char *path, dyad_error *err)
{
    char *data;
    size_t len;
    if (!path)
        return fail(NULL, err, "(null)", 0, "no path");
    if (dyad_file_read_all(path, &data, &len, err) != DYAD_OK)
        return NULL;
    dyad_actor_dict *d = load_body(data, len, path, err);
    free(data);
    return d;
}
