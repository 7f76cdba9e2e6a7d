/* Actor lookup: longest dictionary phrases in a mention, combined into one code. */
#include "actors.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MAX_PIECES 32

/* One matched phrase: record g over words [w0, w1). */
typedef struct piece {
    long g;
    size_t w0, w1;
    const char *code; /* the record's code, or own */
    char own[8];      /* a code made here: "USAELI" for someone out of office */
} piece;

typedef struct scan {
    piece p[MAX_PIECES];
    int n;
    size_t former_at;   /* word index of "former"/"ex"/..., or SIZE_MAX */
    int other;          /* unmatched content words: "an amusement park in Kabul" is no government */
    size_t of_at;       /* word index of the first unmatched "of", or SIZE_MAX */
} scan;

/* Words that make the following role a past one. */
static const char *const former_words[] = {"former",  "formerly", "ex",     "erstwhile",
                                            "onetime", "late",     "retired"};

/* Function words that do not make a capital something other than its government. */
static const char *const function_words[] = {"the", "a", "an", "of", "in", "at", "on", "for",
                                             "to", "from", "and", "s", "said", "says"};
#define N_OF(a) (sizeof a / sizeof a[0])

/* Leading 3-letter codes that are roles or sectors, not countries (CAMEO). */
static const char *const role_codes[] = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
    "CVL", "ELI", "LEG", "LAB", "AGR", "REF", "HLH", "NGO", "NGM", "MNC", "UAF", "JRN",
    "REL", "UNK", "PRM", "SOC", "SET", "HRI", "ENV", "DEV", "IMG", "MOD", "RAD", "JNK"};

static bool in_list(const char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++) /* the first letter rules out most before strlen */
        if (len && list[i][0] == s[0] && strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
            return true;
    return false;
}

static bool is_role(const char *code)
{
    return strlen(code) >= 3 && in_list(role_codes, N_OF(role_codes), code, 3);
}

bool actor_code_is_role(const char *code)
{
    return code && is_role(code);
}

bool actor_code_is_transnational(const char *code)
{
    return code && (!strncmp(code, "NGO", 3) || !strncmp(code, "NGM", 3) ||
                    !strncmp(code, "MNC", 3) || !strncmp(code, "IGO", 3) ||
                    !strncmp(code, "IMG", 3)); /* international militarized groups: ISIL */
}

bool actor_code_has_role(const char *code, const char *role)
{
    size_t n = code ? strlen(code) : 0;
    for (size_t i = 0; i + 3 <= n; i += 3)
        if (strncmp(code + i, role, 3) == 0)
            return true;
    return false;
}

bool actor_code_is_discard(const char *code)
{
    return actor_code_has_role(code, "JNK") || actor_code_has_role(code, "NON");
}

/* Whether [w, w + n), ignoring case and a plural's final "s", is one of words. */
static bool word_or_plural_in(const char *w, size_t n, const char *const *words)
{
    for (const char *const *x = words; *x; x++) {
        size_t k = strlen(*x);
        if ((n == k || (n == k + 1 && (w[k] | 32) == 's')) && strncasecmp(w, *x, k) == 0)
            return true;
    }
    return false;
}

bool actor_document_word(const char *w, size_t n)
{
    static const char *const documents[] = {"agreement", "accord", "treaty", "protocol",
                                            "convention", "declaration", "charter", "pact",
                                            "memorandum", "format", NULL};
    return word_or_plural_in(w, n, documents);
}

bool actor_water_word(const char *w, size_t n)
{
    static const char *const waters[] = {"sea", "gulf", "strait", "bay", "ocean", "lake",
                                         "river", NULL};
    return word_or_plural_in(w, n, waters);
}

bool actor_code_country(const char *code, char out[4])
{
    if (!code || strlen(code) < 3 || is_role(code) || !strncmp(code, "IGO", 3) ||
        !strncmp(code, "---", 3))
        return false;
    snprintf(out, 4, "%.3s", code);
    return true;
}

void actor_main_country(const char *const *codes, size_t n_codes, char out[4])
{
    enum { MAX_COUNTRIES = 64 }; /* distinct countries counted; a story names few */
    char seen[MAX_COUNTRIES][4];
    size_t count[MAX_COUNTRIES], n = 0, best = 0, second = 0;
    for (size_t i = 0; i < n_codes; i++) {
        char c[4];
        if (!actor_code_country(codes[i], c))
            continue;
        size_t k = 0;
        while (k < n && strcmp(seen[k], c) != 0)
            k++;
        if (k == n && n == MAX_COUNTRIES)
            continue;
        if (k == n)
            memcpy(seen[n], c, 4), count[n++] = 0;
        count[k]++;
    }
    for (size_t k = 1; k < n; k++)
        if (count[k] > count[best])
            best = k;
    for (size_t k = 0; k < n; k++)
        if (k != best && count[k] > second)
            second = count[k];
    /* (and a third of all namings: a roundup of twenty countries' news is no one's) */
    size_t all = 0;
    for (size_t k = 0; k < n; k++)
        all += count[k];
    snprintf(out, 4, "%s",
             n && count[best] >= 2 && count[best] >= 2 * second && 3 * count[best] >= all
                 ? seen[best]
                 : "");
}

static bool in_range(const actor_code *c, int32_t date)
{
    return (!c->from || date >= c->from) && (!c->to || date <= c->to);
}

/* The code of record g at date: the first restriction that holds, else the default.
 * An unknown date takes the open-ended (current) restriction, else the default. A
 * former office holder with no role on the date (Nancy Pelosi, USAGOVLEG until 2011,
 * in 2019) is still of that country: its elite, ELI, written into own. */
static const char *resolve(const dyad_actor_dict *d, long g, int32_t date, char own[8])
{
    const actor_group *gr = &d->groups[g];
    if (!gr->n_codes)
        return NULL; /* PETRARCH's null code */
    const actor_code *first = d->codes + gr->first_code, *def = NULL, *cur = NULL, *last = NULL;
    int32_t gap = INT32_MAX;
    for (uint32_t i = 0; i < gr->n_codes; i++) {
        const actor_code *c = &first[i];
        if (!c->from && !c->to)
            def = c;
        else if (date ? in_range(c, date) : (c->from && !c->to))
            cur = cur ? cur : c;
        else if (date && c->to && date > c->to && date - c->to < gap)
            gap = date - c->to, last = c; /* the last office held before the date */
    }
    const actor_code *c = cur ? cur : def;
    if (c)
        return d->pool.data + c->str;
    const char *nc = last ? d->pool.data + last->str : NULL;
    if (!nc || strlen(nc) < 3 || is_role(nc) || !strncmp(nc, "IGO", 3) ||
        actor_code_is_transnational(nc))
        return NULL;
    snprintf(own, 8, "%.3sELI", nc);
    return own;
}

/* The longest phrase starting at word i (actors before agents at equal length). */
static int longest_at(const dyad_actor_dict *d, const actor_words *w, size_t i, long *g)
{
    size_t max = w->n - i < (size_t)d->max_words ? w->n - i : (size_t)d->max_words;
    size_t bound = (size_t)actor_dict_first_bound(d, w->text + w->off[i], w->wlen[i]);
    if (bound < max)
        max = bound;
    for (size_t k = max; k >= 1; k--) {
        const char *key = w->text + w->off[i];
        size_t len = w->off[i + k - 1] + w->wlen[i + k - 1] - w->off[i];
        if ((*g = actor_dict_find(d, key, len, false)) >= 0 ||
            (*g = actor_dict_find(d, key, len, true)) >= 0)
            return (int)k;
    }
    return 0;
}

static void scan_words(const dyad_actor_dict *d, const actor_words *w, int32_t date, scan *s)
{
    s->n = 0;
    s->other = 0;
    s->former_at = SIZE_MAX;
    s->of_at = SIZE_MAX;
    for (size_t i = 0; i < w->n;) {
        long g;
        const char *word = w->text + w->off[i];
        bool former = i + 1 < w->n && in_list(former_words, N_OF(former_words), word, w->wlen[i]);
        int k = former ? 0 : longest_at(d, w, i, &g);
        if (k == 0) {
            if (former && s->former_at == SIZE_MAX)
                s->former_at = i;
            if (s->of_at == SIZE_MAX && w->wlen[i] == 2 && strncmp(word, "of", 2) == 0)
                s->of_at = i;
            s->other += !former && !in_list(function_words, N_OF(function_words), word, w->wlen[i]);
            i++;
            continue;
        }
        /* "pro-Palestinian protesters", "anti-American": a country's side taken, not the
         * country (the supporters are of whatever country they are in) */
        static const char *const sides[] = {"pro", "anti"};
        bool side = i > 0 && in_list(sides, N_OF(sides), w->text + w->off[i - 1], w->wlen[i - 1]);
        if (s->n < MAX_PIECES) {
            piece *p = &s->p[s->n];
            const char *code = resolve(d, g, date, p->own);
            if (side && code && d->groups[g].kind != KIND_AGENT)
                code = NULL;
            if (code) {
                p->g = g, p->w0 = i, p->w1 = i + (size_t)k;
                p->code = code;
                s->n++;
            }
        }
        i += (size_t)k;
    }
}

static char kind_of(const dyad_actor_dict *d, const piece *p)
{
    return d->groups[p->g].kind;
}

/* A named actor that carries a role: its code says it all. */
static bool is_full(const dyad_actor_dict *d, const piece *p)
{
    return kind_of(d, p) == KIND_ACTOR && (strlen(p->code) > 3 || is_role(p->code));
}

typedef struct choice { int full, country, agent; } choice;

/* Agent nouns compete: more words first, then a known role over UNK, then the last one
 * (English compounds are head-final: "Congress party", "group of tourists"); but anyone
 * after "of" leaves a role before it ("mayor of the city" is no civilian). */
static bool better_agent(const scan *s, int cand, int best)
{
    if (best < 0)
        return true;
    const piece *a = &s->p[cand], *b = &s->p[best];
    if (b->w1 <= s->of_at && a->w0 > s->of_at && strstr(a->code, "CVL") &&
        !strstr(b->code, "CVL") && !strstr(b->code, "UNK"))
        return false;
    size_t la = a->w1 - a->w0, lb = b->w1 - b->w0;
    if (la != lb)
        return la > lb;
    bool unk_a = strstr(a->code, "UNK") != NULL, unk_b = strstr(b->code, "UNK") != NULL;
    return unk_a == unk_b || unk_b;
}

static choice choose(const dyad_actor_dict *d, const scan *s)
{
    choice c = {-1, -1, -1};
    for (int i = 0; i < s->n; i++) {
        const piece *p = &s->p[i];
        char k = kind_of(d, p);
        if (is_full(d, p))
            c.full = i; /* the last name is the head: "Kremlin spokesman Dmitry Peskov" */
        else if (k != KIND_AGENT && c.country < 0 && !is_role(p->code))
            c.country = i;
        else if (k == KIND_AGENT && better_agent(s, i, c.agent))
            c.agent = i;
    }
    return c;
}

static void copy(char *dst, size_t cap, const char *src, size_t len)
{
    if (len >= cap)
        len = cap - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

/* Splits a code into country and roles; role-led codes (NGO..., ELI) have no country. */
static void split_code(dyad_actor_match *m)
{
    const char *c = m->code;
    size_t off = is_role(c) ? 0 : 3;
    if (off && strlen(c) >= 3)
        copy(m->country, sizeof m->country, c, 3);
    if (strlen(c) >= off + 3)
        copy(m->role, sizeof m->role, c + off, 3);
    if (strlen(c) >= off + 6)
        copy(m->role2, sizeof m->role2, c + off + 3, 3);
}

static void span(dyad_actor_match *m, const actor_words *w, const piece *p, bool country)
{
    size_t a = w->src_start[p->w0], b = w->src_end[p->w1 - 1];
    if (m->start == m->end || a < m->start)
        m->start = a;
    if (b > m->end)
        m->end = b;
    if (country) {
        m->country_start = a;
        m->country_end = b;
    }
}

/* Country (of a name, adjective or place) plus the agent's role; "~X" appends, "X~" prefixes. */
static void combine(const dyad_actor_dict *d, const piece *country, const piece *agent,
                    dyad_actor_match *m)
{
    char cc[4] = "";
    if (country)
        copy(cc, sizeof cc, country->code, 3);
    const char *a = agent->code;
    size_t n = strlen(a);
    if (a[0] == '~')
        snprintf(m->code, sizeof m->code, "%s%s", cc, a + 1);
    else
        snprintf(m->code, sizeof m->code, "%.*s%s", (int)(n - 1), a, cc);
    const char *root = d->pool.data + d->groups[agent->g].root;
    copy(m->pattern, sizeof m->pattern, root, strlen(root));
    m->via |= DYAD_ACTOR_VIA_TITLE;
    if (country)
        m->via |= kind_of(d, country) == KIND_METONYM ? DYAD_ACTOR_VIA_METONYMY
                                                       : DYAD_ACTOR_VIA_ADJECTIVE;
}

/* "former" before the role: the country's elite (CAMEO ELI), not its government. */
static void make_former(dyad_actor_match *m)
{
    char cc[4];
    copy(cc, sizeof cc, m->country, strlen(m->country));
    snprintf(m->code, sizeof m->code, "%sELI", cc);
    snprintf(m->role, sizeof m->role, "ELI");
    m->role2[0] = '\0';
    m->via |= DYAD_ACTOR_VIA_FORMER;
}

/* "Chile's Defense Department": the stated country wins over a name's own country
 * (a generic department name stored for one country), roles kept. */
static void recountry(const dyad_actor_dict *d, const actor_words *w, const piece *country,
                      dyad_actor_match *m)
{
    if (is_role(m->code) || strncmp(m->code, "IGO", 3) == 0 || strlen(m->code) < 6 ||
        strncmp(m->code, country->code, 3) == 0)
        return;
    memcpy(m->code, country->code, 3);
    m->via |= kind_of(d, country) == KIND_METONYM ? DYAD_ACTOR_VIA_METONYMY
                                                   : DYAD_ACTOR_VIA_ADJECTIVE;
    m->country_start = w->src_start[country->w0];
    m->country_end = w->src_end[country->w1 - 1];
}

static void build(const dyad_actor_dict *d, const actor_words *w, const scan *s, choice c,
                  dyad_actor_match *m)
{
    const piece *role = NULL;
    if (c.full >= 0) {
        role = &s->p[c.full];
        copy(m->code, sizeof m->code, role->code, strlen(role->code));
        const char *root = d->pool.data + d->groups[role->g].root;
        copy(m->name, sizeof m->name, root, strlen(root));
        copy(m->pattern, sizeof m->pattern, w->text + w->off[role->w0],
             w->off[role->w1 - 1] + w->wlen[role->w1 - 1] - w->off[role->w0]);
        m->via |= DYAD_ACTOR_VIA_NAME;
        /* an elite by default ("[ARGELI]" after the dated offices) has lapsed roles too */
        size_t cl = strlen(role->code);
        bool lapsed = role->code == role->own || (cl == 6 && !strcmp(role->code + 3, "ELI"));
        if (lapsed && c.agent >= 0 && s->p[c.agent].w1 <= role->w0) {
            /* "House Speaker Nancy Pelosi": the title says the role held now */
            dyad_actor_match t = *m;
            combine(d, role, &s->p[c.agent], &t);
            copy(m->code, sizeof m->code, t.code, strlen(t.code));
            m->via |= DYAD_ACTOR_VIA_TITLE;
        } else if (lapsed) {
            m->via |= DYAD_ACTOR_VIA_LAPSED;
        }
        span(m, w, role, true);
        if (c.country >= 0 && s->p[c.country].w0 < role->w0)
            recountry(d, w, &s->p[c.country], m);
    } else if (c.agent >= 0) {
        role = &s->p[c.agent];
        combine(d, c.country >= 0 ? &s->p[c.country] : NULL, role, m);
        span(m, w, role, false);
    } else {
        const piece *p = &s->p[c.country];
        copy(m->code, sizeof m->code, p->code, strlen(p->code));
        copy(m->pattern, sizeof m->pattern, w->text + w->off[p->w0],
             w->off[p->w1 - 1] + w->wlen[p->w1 - 1] - w->off[p->w0]);
        m->via |= kind_of(d, p) == KIND_METONYM ? DYAD_ACTOR_VIA_METONYMY : DYAD_ACTOR_VIA_NAME;
        if (kind_of(d, p) == KIND_METONYM && s->other)
            m->code[3] = '\0'; /* a place in the capital, not its government */
    }
    if (c.country >= 0 && c.full < 0)
        span(m, w, &s->p[c.country], true);
    split_code(m);
    bool has_role = m->role[0] && strcmp(m->role, "ELI") != 0 && strcmp(m->country, "IGO") != 0;
    if (role && has_role && s->former_at < role->w0)
        make_former(m);
}

int dyad_actor_dict_lookup(const dyad_actor_dict *d, const char *text, size_t len, int32_t date,
                           dyad_actor_match *m)
{
    if (!m)
        return 0;
    memset(m, 0, sizeof *m);
    actor_words w;
    if (!d || !text || !actor_words_split(text, len, true, &w))
        return 0;
    scan s;
    scan_words(d, &w, date, &s);
    choice c = choose(d, &s);
    int found = c.full >= 0 || c.agent >= 0 || c.country >= 0;
    if (found)
        build(d, &w, &s, c, m);
    actor_words_free(&w);
    return found;
}
