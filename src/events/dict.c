/* The event dictionary: string pool, CAMEO code table, verb index, problem reports. */
#include "events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

dyad_event_dict *dyad_event_dict_new(void)
{
    dyad_event_dict *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    dyad_buf_init(&d->pool);
    dyad_buf_putc(&d->pool, '\0'); /* offset 0 is the empty string */
    if (d->pool.oom) {
        free(d);
        return NULL;
    }
    return d;
}

void dyad_event_dict_free(dyad_event_dict *d)
{
    if (!d)
        return;
    dyad_buf_free(&d->pool);
    free(d->codes);
    free(d->elems);
    free(d->patterns);
    free(d->verbs);
    free(d->blocks);
    free(d->phrases);
    free(d->phrase_words);
    free(d->synsets);
    free(d->discards);
    free(d->nouns);
    free(d->abstract);
    free(d->compose);
    free(d->verb_slots);
    dyad_problems_free(&d->problems);
    free(d);
}

uint32_t ev_pool_add(dyad_event_dict *d, const char *s, size_t len, bool fold)
{
    if (d->pool.len + len + 1 > UINT32_MAX)
        return 0;
    uint32_t off = (uint32_t)d->pool.len;
    if (!dyad_buf_reserve(&d->pool, len + 1))
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (fold && c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        d->pool.data[d->pool.len++] = c;
    }
    d->pool.data[d->pool.len++] = '\0';
    return off;
}

void ev_problem(dyad_event_dict *d, const char *file, size_t line, const char *why)
{
    dyad_problems_add(&d->problems, file, line, why);
}

size_t dyad_event_dict_skipped(const dyad_event_dict *d)
{
    return d->problems.skipped;
}

const char *dyad_event_dict_problem(const dyad_event_dict *d, size_t i)
{
    return dyad_problems_get(&d->problems, i);
}

void dyad_event_dict_keep_statements(dyad_event_dict *d, int keep)
{
    d->keep_statements = keep != 0;
}

size_t dyad_event_dict_patterns(const dyad_event_dict *d)
{
    return d->n_patterns;
}

uint32_t ev_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a: short keys, no attacker-controlled flooding cost */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

bool ev_verb_index(dyad_event_dict *d)
{
    size_t n = 64;
    while (n < d->n_verbs * 2)
        n *= 2;
    int32_t *slots = malloc(n * sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < n; i++)
        slots[i] = -1;
    /* chains keep file order: a later block's verb comes after an earlier one */
    for (size_t i = d->n_verbs; i-- > 0;) {
        const char *w = ev_str(d, d->verbs[i].lemma);
        size_t slot = ev_hash(w, strlen(w)) & (n - 1);
        d->verbs[i].next = slots[slot];
        slots[slot] = (int32_t)i;
    }
    free(d->verb_slots);
    d->verb_slots = slots;
    d->n_verb_slots = n;
    return true;
}

int32_t ev_verb_first(const dyad_event_dict *d, const char *word)
{
    if (!d->n_verb_slots)
        return -1;
    int32_t v = d->verb_slots[ev_hash(word, strlen(word)) & (d->n_verb_slots - 1)];
    while (v >= 0 && strcmp(ev_str(d, d->verbs[v].lemma), word) != 0)
        v = d->verbs[v].next;
    return v;
}

const ev_code *ev_code_find(const dyad_event_dict *d, const char *code)
{
    size_t len = strlen(code);
    for (size_t n = len; n >= 2; n--) {
        for (size_t i = 0; i < d->n_codes; i++)
            if (strlen(d->codes[i].code) == n && memcmp(d->codes[i].code, code, n) == 0)
                return &d->codes[i];
    }
    return NULL;
}

/* Splits a tab-separated line into at most max fields (the last takes the rest). */
static size_t split_tabs(char *line, char **fields, size_t max)
{
    size_t n = 0;
    fields[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            fields[n++] = p + 1;
        }
    return n;
}

static bool code_valid(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n >= EV_MAX_CODE || s[0] < '0' || s[0] > '9')
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'Z')))
            return false;
    return true;
}

/* The next line of [*p, end) at *line (n bytes, no newline); false at the end. */
static bool next_line(const char **p, const char *end, const char **line, size_t *n)
{
    if (*p >= end)
        return false;
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    *line = *p;
    *n = nl ? (size_t)(nl - *p) : (size_t)(end - *p);
    *p += *n + 1;
    return true;
}

dyad_status dyad_event_dict_add_codes(dyad_event_dict *d, const char *name, const void *data,
                                      size_t len, dyad_error *err)
{
    const char *next = data, *end = next + len, *p;
    size_t lineno = 0, n;
    while (next_line(&next, end, &p, &n)) {
        lineno++;
        if (n && p[0] != '#') {
            char line[1024];
            if (n >= sizeof line) {
                ev_problem(d, name, lineno, "line too long");
                goto next;
            }
            memcpy(line, p, n);
            line[n] = '\0';
            char *f[8];
            if (split_tabs(line, f, 8) != 8 || !code_valid(f[0])) {
                ev_problem(d, name, lineno, "expected 8 tab-separated fields and a CAMEO code");
                goto next;
            }
            char *endg;
            double g = strtod(f[2], &endg);
            long quad = strtol(f[3], NULL, 10);
            if (endg == f[2] || g < -10 || g > 10 || quad < 0 || quad > 4) {
                ev_problem(d, name, lineno, "Goldstein score or quad class out of range");
                goto next;
            }
            if (!dyad_array_grow((void **)&d->codes, &d->cap_codes, d->n_codes + 1,
                                 sizeof *d->codes, 256))
                goto oom;
            ev_code *c = &d->codes[d->n_codes];
            memset(c, 0, sizeof *c);
            snprintf(c->code, sizeof c->code, "%s", f[0]);
            c->goldstein = g;
            c->quad = (int)quad;
            c->plover_type = ev_pool_add(d, f[4], strlen(f[4]), false);
            c->plover_mode = ev_pool_add(d, f[5], strlen(f[5]), false);
            c->plover_context = ev_pool_add(d, f[6], strlen(f[6]), false);
            c->description = ev_pool_add(d, f[7], strlen(f[7]), false);
            if (d->pool.oom)
                goto oom;
            d->n_codes++;
        }
    next:;
    }
    return DYAD_OK;
oom:
    dyad_error_set(err, DYAD_ENOMEM, "nomem", "out of memory loading %s", name);
    return DYAD_ENOMEM;
}

static int noun_cmp(const void *a, const void *b, void *d)
{
    return strcmp(ev_str(d, ((const ev_noun *)a)->word), ev_str(d, ((const ev_noun *)b)->word));
}

/* The index of word in a sorted array of n elements of size bytes, each starting with
 * the pool offset of its word; n when it is not there. */
static size_t pooled_find(const dyad_event_dict *d, const void *base, size_t n, size_t size,
                          const char *word)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t off;
        memcpy(&off, (const char *)base + mid * size, sizeof off);
        int c = strcmp(ev_str(d, off), word);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return n;
}

const char *ev_noun_code(const dyad_event_dict *d, const char *word)
{
    size_t i = pooled_find(d, d->nouns, d->n_nouns, sizeof *d->nouns, word);
    return i < d->n_nouns ? d->nouns[i].code : NULL;
}

dyad_status dyad_event_dict_add_nouns(dyad_event_dict *d, const char *name, const void *data,
                                      size_t len, dyad_error *err)
{
    const char *next = data, *end = next + len, *p;
    size_t lineno = 0, n;
    while (next_line(&next, end, &p, &n)) {
        lineno++;
        const char *sp = memchr(p, ' ', n), *open = memchr(p, '[', n), *close = memchr(p, ']', n);
        if (n && p[0] != '#') {
            size_t wl = sp ? (size_t)(sp - p) : 0;
            size_t cl = open && close > open ? (size_t)(close - open - 1) : 0;
            char code[EV_MAX_CODE];
            if (!wl || wl > 64 || !cl || cl >= EV_MAX_CODE) {
                ev_problem(d, name, lineno, "expected NOUN [code]");
            } else {
                memcpy(code, open + 1, cl);
                code[cl] = '\0';
                if (!code_valid(code) && strcmp(code, "---") != 0) { /* ---: no event */
                    ev_problem(d, name, lineno, "not a CAMEO code");
                } else {
                    if (!dyad_array_grow((void **)&d->nouns, &d->cap_nouns, d->n_nouns + 1,
                                         sizeof *d->nouns, 256))
                        goto oom;
                    ev_noun *e = &d->nouns[d->n_nouns];
                    e->word = ev_pool_add(d, p, wl, true);
                    if (d->pool.oom)
                        goto oom;
                    memcpy(e->code, code, cl + 1);
                    d->n_nouns++;
                }
            }
        }
    }
    if (d->n_nouns) /* qsort may not be given a null array, even of none */
        qsort_r(d->nouns, d->n_nouns, sizeof *d->nouns, noun_cmp, d);
    return DYAD_OK;
oom:
    dyad_error_set(err, DYAD_ENOMEM, "nomem", "out of memory loading %s", name);
    return DYAD_ENOMEM;
}

static int pooled_cmp(const void *a, const void *b, void *d)
{
    return strcmp(ev_str(d, *(const uint32_t *)a), ev_str(d, *(const uint32_t *)b));
}

bool ev_abstract_noun(const dyad_event_dict *d, const char *word)
{
    return d && pooled_find(d, d->abstract, d->n_abstract, sizeof *d->abstract, word) <
                    d->n_abstract;
}

dyad_status dyad_event_dict_add_abstract(dyad_event_dict *d, const char *name, const void *data,
                                         size_t len, dyad_error *err)
{
    const char *next = data, *end = next + len, *p;
    size_t lineno = 0, n;
    while (next_line(&next, end, &p, &n)) {
        lineno++;
        while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--; /* files written on Windows, or by hand */
        if (!n || p[0] == '#')
            continue;
        if (n > 64 || memchr(p, ' ', n) || memchr(p, '\t', n) || memchr(p, '\0', n)) {
            ev_problem(d, name, lineno, "expected one word");
            continue;
        }
        if (!dyad_array_grow((void **)&d->abstract, &d->cap_abstract, d->n_abstract + 1,
                             sizeof *d->abstract, 1024))
            goto oom;
        d->abstract[d->n_abstract] = ev_pool_add(d, p, n, true);
        if (d->pool.oom)
            goto oom;
        d->n_abstract++;
    }
    if (d->n_abstract)
        qsort_r(d->abstract, d->n_abstract, sizeof *d->abstract, pooled_cmp, d);
    return DYAD_OK;
oom:
    dyad_error_set(err, DYAD_ENOMEM, "nomem", "out of memory loading %s", name);
    return DYAD_ENOMEM;
}

const char *ev_code_compose(const dyad_event_dict *d, const char *upper, const char *lower)
{
    for (size_t i = 0; d && i < d->n_compose; i++) /* a few dozen rows, asked per governed verb */
        if (strcmp(d->compose[i].upper, upper) == 0 && strcmp(d->compose[i].lower, lower) == 0)
            return d->compose[i].code;
    return NULL;
}

dyad_status dyad_event_dict_add_compose(dyad_event_dict *d, const char *name, const void *data,
                                        size_t len, dyad_error *err)
{
    const char *next = data, *end = next + len, *p;
    size_t lineno = 0, n;
    while (next_line(&next, end, &p, &n)) {
        lineno++;
        if (!n || p[0] == '#')
            continue;
        char line[64], *f[3];
        size_t k = n < sizeof line ? n : 0; /* an over-long line is malformed */
        memcpy(line, p, k);
        line[k] = '\0';
        if (split_tabs(line, f, 3) != 3 || !code_valid(f[0]) || !code_valid(f[1]) ||
            !code_valid(f[2])) {
            ev_problem(d, name, lineno, "expected three tab-separated CAMEO codes");
            continue;
        }
        if (!dyad_array_grow((void **)&d->compose, &d->cap_compose, d->n_compose + 1,
                             sizeof *d->compose, 64)) {
            dyad_error_set(err, DYAD_ENOMEM, "nomem", "out of memory loading %s", name);
            return DYAD_ENOMEM;
        }
        ev_compose *c = &d->compose[d->n_compose++];
        snprintf(c->upper, sizeof c->upper, "%s", f[0]);
        snprintf(c->lower, sizeof c->lower, "%s", f[1]);
        snprintf(c->code, sizeof c->code, "%s", f[2]);
    }
    return DYAD_OK;
}

typedef dyad_status (*ev_loader)(dyad_event_dict *, const char *, const void *, size_t,
                                 dyad_error *);

static dyad_status load_file(dyad_event_dict *d, const char *path, ev_loader fn,
                             dyad_error *err)
{
    char *data;
    size_t len;
    dyad_status st = dyad_file_read_all(path, &data, &len, err);
    if (st != DYAD_OK)
        return st;
    st = fn(d, path, data, len, err);
    free(data);
    d->n_files += st == DYAD_OK;
    return st;
}

dyad_status dyad_event_dict_add_file(dyad_event_dict *d, const char *path,
                                     dyad_event_file kind, dyad_error *err)
{
    switch (kind) {
    case DYAD_EVENT_FILE_CODES:
        return load_file(d, path, dyad_event_dict_add_codes, err);
    case DYAD_EVENT_FILE_VERBS:
        return load_file(d, path, dyad_event_dict_add_verbs, err);
    case DYAD_EVENT_FILE_DISCARDS:
        return load_file(d, path, dyad_event_dict_add_discards, err);
    case DYAD_EVENT_FILE_NOUNS:
        return load_file(d, path, dyad_event_dict_add_nouns, err);
    case DYAD_EVENT_FILE_ABSTRACT:
        return load_file(d, path, dyad_event_dict_add_abstract, err);
    case DYAD_EVENT_FILE_COMPOSE:
        return load_file(d, path, dyad_event_dict_add_compose, err);
    }
    dyad_error_set(err, DYAD_EINVAL, "usage", "unknown event file kind");
    return DYAD_EINVAL;
}
