/* Reader of PETRARCH/Phoenix actor and agent dictionaries, as users curate them.
 * Malformed lines are skipped, counted and the first few named (file:line). */
#include "actors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SETS 32   /* !MARKER! substitution sets per agent file */
#define MAX_ITEMS 16  /* items per set */
#define MAX_ITEM 64   /* bytes per item */

typedef struct subst_set {
    char name[MAX_ITEM];
    char items[MAX_ITEMS][MAX_ITEM];
    int n;
} subst_set;

typedef struct reader {
    dyad_actor_dict *d;
    const char *name;  /* file name for problems */
    size_t line;
    long group;        /* actor files: the open record, -1 before the first */
    int codes;         /* codes in the open record */
    subst_set *sets;   /* agent files */
    int n_sets;
} reader;

static void trim(const char **s, size_t *len)
{
    while (*len && (**s == ' ' || **s == '\t'))
        (*s)++, (*len)--;
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t' || (*s)[*len - 1] == '\r'))
        (*len)--;
}

/* YYMMDD (YY <= 30 is 20YY, as PETRARCH reads it) or YYYYMMDD -> YYYYMMDD. Days are
 * checked against 31 only: the curated files hold dates like 20050431. */
static bool parse_date(const char *s, size_t len, int32_t *out)
{
    int32_t v = 0;
    if (len != 6 && len != 8)
        return false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    if (len == 6)
        v += (v / 10000 <= 30 ? 2000 : 1900) * 10000;
    int m = v / 100 % 100, day = v % 100;
    *out = v;
    return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

bool actor_parse_range(const char *s, size_t len, int32_t *from, int32_t *to)
{
    char buf[40];
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t') {
            if (n + 1 >= sizeof buf)
                return false;
            buf[n++] = s[i];
        }
    *from = *to = 0;
    if (n == 0)
        return true;
    if (buf[0] == '<')
        return parse_date(buf + 1, n - 1, to);
    if (buf[0] == '>')
        return parse_date(buf + 1, n - 1, from);
    const char *dash = memchr(buf, '-', n);
    return dash && parse_date(buf, (size_t)(dash - buf), from) &&
           parse_date(dash + 1, (size_t)(buf + n - dash - 1), to) && *to >= *from;
}

/* Normalises a dictionary phrase ('_' joins words) and maps it to record g. */
static bool add_phrase(reader *r, long g, const char *s, size_t len)
{
    actor_words w;
    if (!actor_words_split(s, len, false, &w))
        return false;
    bool ok = w.n > 0 && actor_dict_phrase(r->d, g, w.text, w.len, (int)w.n);
    actor_words_free(&w);
    return ok;
}

/* "[CODE]" or "[CODE restriction]" -> the open record; false when malformed. */
static bool add_code(reader *r, const char *s, size_t len)
{
    trim(&s, &len);
    size_t c = 0;
    while (c < len && s[c] != ' ' && s[c] != '\t')
        c++;
    int32_t from = 0, to = 0;
    if (c == 3 && memcmp(s, "---", 3) == 0)
        return true; /* the null code */
    if (!actor_code_valid(s, c) || memchr(s, '~', c) ||
        !actor_parse_range(s + c, len - c, &from, &to))
        return false;
    if (!actor_dict_code(r->d, s, c, from, to))
        return false;
    r->codes++;
    return true;
}

/* Every [...] on a line; returns the number of malformed ones. */
static int add_codes(reader *r, const char *s, size_t len)
{
    int bad = 0;
    const char *end = s + len;
    for (const char *p = memchr(s, '[', len); p; p = memchr(p, '[', (size_t)(end - p))) {
        const char *q = memchr(p, ']', (size_t)(end - p));
        if (!q || !add_code(r, p + 1, (size_t)(q - p - 1)))
            bad++;
        if (!q)
            break;
        p = q;
    }
    return bad;
}

static void actor_line(reader *r, const char *s, size_t len)
{
    const char *end = s + len, *br = memchr(s, '[', len);
    if (s[0] == '[') {
        if (r->group < 0 || add_codes(r, s, len))
            actor_dict_problem(r->d, r->name, r->line, "bad code or date restriction");
        return;
    }
    if (s[0] == '+') {
        s++;
    } else if (r->group < 0 || r->codes > 0) { /* a primary closes a record that has codes */
        r->group = actor_dict_group(r->d, KIND_ACTOR);
        r->codes = 0;
    }
    size_t plen = (size_t)((br ? br : end) - s);
    if (r->group < 0 || !add_phrase(r, r->group, s, plen)) {
        actor_dict_problem(r->d, r->name, r->line, "empty or overlong phrase");
        return;
    }
    if (br && add_codes(r, br, (size_t)(end - br)))
        actor_dict_problem(r->d, r->name, r->line, "bad code or date restriction");
}

/* "!PERSON! = MAN, MEN, WOMAN" */
static bool define_set(reader *r, const char *s, size_t len)
{
    const char *b = memchr(s + 1, '!', len - 1), *eq = memchr(s, '=', len);
    if (!b || !eq || eq < b || r->n_sets >= MAX_SETS || (size_t)(b - s - 1) >= MAX_ITEM)
        return false;
    subst_set *set = &r->sets[r->n_sets];
    memset(set, 0, sizeof *set);
    memcpy(set->name, s + 1, (size_t)(b - s - 1));
    for (const char *p = eq + 1, *end = s + len; p < end && set->n < MAX_ITEMS;) {
        const char *c = memchr(p, ',', (size_t)(end - p));
        const char *e = c ? c : end;
        size_t n = (size_t)(e - p);
        trim(&p, &n);
        if (n && n < MAX_ITEM)
            memcpy(set->items[set->n++], p, n);
        p = e + 1;
    }
    r->n_sets++;
    return set->n > 0;
}

static bool is_suffix(const char *s, size_t len, const char *suf)
{
    size_t n = strlen(suf);
    return len >= n && memcmp(s + len - n, suf, n) == 0;
}

/* Regular English plural of the phrase's last word (upper-case dictionary text). */
static void plural(const char *s, size_t len, char *out, size_t cap)
{
    while (len && (s[len - 1] == '_' || s[len - 1] == ' '))
        len--;
    bool vowel_y = len >= 2 && memchr("AEIOU", s[len - 2], 5) != NULL;
    if (len && s[len - 1] == 'Y' && !vowel_y)
        snprintf(out, cap, "%.*sIES", (int)len - 1, s);
    else if (is_suffix(s, len, "S") || is_suffix(s, len, "SH") || is_suffix(s, len, "CH") ||
             is_suffix(s, len, "X") || is_suffix(s, len, "Z"))
        snprintf(out, cap, "%.*sES", (int)len, s);
    else
        snprintf(out, cap, "%.*sS", (int)len, s);
}

/* Phrase with a !MARKER!: one phrase per item of the set, no plurals. */
static bool expand_set(reader *r, long g, const char *s, size_t len)
{
    const char *a = memchr(s, '!', len);
    const char *b = a ? memchr(a + 1, '!', (size_t)(s + len - a - 1)) : NULL;
    if (!b)
        return false;
    for (int i = 0; i < r->n_sets; i++) {
        subst_set *set = &r->sets[i];
        size_t n_name = (size_t)(b - a - 1);
        if (strlen(set->name) != n_name || memcmp(set->name, a + 1, n_name))
            continue;
        for (int k = 0; k < set->n; k++) {
            char buf[ACTOR_MAX_PHRASE * 2];
            int n = snprintf(buf, sizeof buf, "%.*s%s%.*s", (int)(a - s), s, set->items[k],
                             (int)(s + len - b - 1), b + 1);
            if (n <= 0 || (size_t)n >= sizeof buf || !add_phrase(r, g, buf, (size_t)n))
                return false;
        }
        return true;
    }
    return false;
}

static bool agent_entry(reader *r, const char *s, size_t len)
{
    const char *br = memchr(s, '[', len), *end = s + len;
    const char *cl = br ? memchr(br, ']', (size_t)(end - br)) : NULL;
    if (!cl)
        return false;
    const char *code = br + 1;
    size_t clen = (size_t)(cl - code);
    trim(&code, &clen);
    bool tilde = clen && (code[0] == '~' || code[clen - 1] == '~');
    const char *brace = memchr(s, '{', (size_t)(br - s));
    size_t plen = (size_t)((brace ? brace : br) - s);
    trim(&s, &plen);
    long g = tilde && actor_code_valid(code, clen) ? actor_dict_group(r->d, KIND_AGENT) : -1;
    if (g < 0 || plen == 0 || !actor_dict_code(r->d, code, clen, 0, 0))
        return false;
    if (memchr(s, '!', plen))
        return expand_set(r, g, s, plen);
    if (!add_phrase(r, g, s, plen))
        return false;
    if (brace) {
        const char *rb = memchr(brace, '}', (size_t)(br - brace));
        return rb && (rb == brace + 1 || add_phrase(r, g, brace + 1, (size_t)(rb - brace - 1)));
    }
    char pl[ACTOR_MAX_PHRASE * 2];
    plural(s, plen, pl, sizeof pl);
    return add_phrase(r, g, pl, strlen(pl));
}

static void agent_line(reader *r, const char *s, size_t len)
{
    const char *eq = memchr(s, '=', len);
    bool ok = s[0] == '!' && eq ? define_set(r, s, len) : agent_entry(r, s, len);
    if (!ok)
        actor_dict_problem(r->d, r->name, r->line, s[0] == '!' && eq
                           ? "bad substitution set" : "agent needs PHRASE [~CODE]");
}

/* Strips '#' and ';' comments; false for lines to skip entirely. */
static bool clean_line(const char **s, size_t *len, bool *in_comment)
{
    const char *p = *s;
    size_t n = *len;
    if (*in_comment || (n >= 4 && memcmp(p, "<!--", 4) == 0)) {
        *in_comment = !memmem(p, n, "-->", 3);
        return false;
    }
    if (n >= 2 && p[0] == '<' && p[1] == '!')
        return false;
    const char *h = memchr(p, '#', n), *sc = memchr(p, ';', n);
    if (h)
        n = (size_t)(h - p);
    if (sc && (size_t)(sc - p) < n)
        n = (size_t)(sc - p);
    trim(&p, &n);
    *s = p;
    *len = n;
    return n > 0;
}

static void read_lines(reader *r, const char *data, size_t len, bool agents)
{
    bool in_comment = false;
    for (const char *p = data, *end = data + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *s = p;
        size_t n = (size_t)(e - p);
        r->line++;
        p = e + 1;
        if (memmem(s, n, "---STOP---", 10))
            break;
        if (!clean_line(&s, &n, &in_comment))
            continue;
        if (agents)
            agent_line(r, s, n);
        else
            actor_line(r, s, n);
    }
}

dyad_status dyad_actor_dict_add_memory(dyad_actor_dict *d, const char *name, const void *data,
                                       size_t len, dyad_actor_file kind, dyad_error *err)
{
    if (!d || (!data && len))
        return dyad_error_set(err, DYAD_EINVAL, "actors_args", "no dictionary or data");
    reader r = {d, name ? name : "(memory)", 0, -1, 0, NULL, 0};
    if (kind == DYAD_ACTOR_FILE_AGENTS && !(r.sets = calloc(MAX_SETS, sizeof *r.sets)))
        return dyad_error_set(err, DYAD_ENOMEM, "oom", "out of memory");
    if (data)
        read_lines(&r, data, len, kind == DYAD_ACTOR_FILE_AGENTS);
    free(r.sets);
    if (d->pool.oom)
        return dyad_error_set(err, DYAD_ENOMEM, "oom", "out of memory reading %s", r.name);
    return DYAD_OK;
}

dyad_status dyad_actor_dict_add_file(dyad_actor_dict *d, const char *path, dyad_actor_file kind,
                                     dyad_error *err)
{
    char *data;
    size_t len;
    if (!d || !path)
        return dyad_error_set(err, DYAD_EINVAL, "actors_args", "no dictionary or path");
    dyad_status st = dyad_file_read_all(path, &data, &len, err);
    if (st != DYAD_OK)
        return st;
    st = dyad_actor_dict_add_memory(d, path, data, len, kind, err);
    free(data);
    return st;
}
