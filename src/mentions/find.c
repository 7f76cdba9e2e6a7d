/* The mention stage: spans from the parse, codes from the dictionary, types, and
 * surnames resolved to the full names met earlier in the document. */
#include "mentions.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Earlier mentions searched for a full name: bounds the work on huge documents, which
 * name their people again long before a thousand mentions have passed. */
#define COREF_WINDOW 1000

/* What the dictionary said about one mention. */
typedef struct coded {
    dyad_actor_match m;
    int found;
    uint32_t base; /* byte offset of the looked-up text in doc->text */
} coded;

static uint32_t span_start(const dyad_doc *doc, uint32_t t) { return doc->tokens[t].start; }
static uint32_t span_end(const dyad_doc *doc, uint32_t t) { return doc->tokens[t - 1].end; }

static bool upper_at(const dyad_doc *doc, uint32_t t)
{
    return isupper((unsigned char)doc->text[doc->tokens[t].start]) != 0;
}

static bool propn(const dyad_doc *doc, uint32_t t)
{
    return doc->tokens[t].upos && strcmp(doc->tokens[t].upos, "PROPN") == 0;
}

static int32_t date_of(const dyad_doc *doc)
{
    int y, m, d;
    return doc->date && sscanf(doc->date, "%4d-%2d-%2d", &y, &m, &d) == 3 ? y * 10000 + m * 100 + d
                                                                          : 0;
}

static void lookup(const dyad_actor_dict *dict, const dyad_doc *doc, uint32_t lo, uint32_t hi,
                   int32_t date, coded *c)
{
    c->base = span_start(doc, lo);
    c->found = dict && dyad_actor_dict_lookup(dict, doc->text + c->base,
                                              span_end(doc, hi) - c->base, date, &c->m) &&
               c->m.code[0];
}

/* The first token at or after byte offset off within [lo, hi), or hi. */
static uint32_t token_at(const dyad_doc *doc, uint32_t lo, uint32_t hi, uint32_t off)
{
    while (lo < hi && doc->tokens[lo].start < off)
        lo++;
    return lo;
}

static bool all_propn(const dyad_doc *doc, uint32_t lo, uint32_t hi)
{
    for (uint32_t t = lo; t < hi; t++)
        if (!propn(doc, t) || !upper_at(doc, t))
            return false;
    return lo < hi;
}

/* A named actor with a role ("Dmitry Peskov" RUSGOV, "Antonio Guterres" IGOUNO), not a
 * bare country. */
static bool named_role(const coded *c)
{
    return c->found && (c->m.via & DYAD_ACTOR_VIA_NAME) && c->m.role[0];
}

static bool last_word_in(const dyad_doc *doc, const ment *m, const char *const *list)
{
    return ment_token_in(doc, m->t1 - 1, list);
}

static size_t words_in(const char *s)
{
    size_t n = 1;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

/* A dictionary root of two to four words, none a function word or an organisation's
 * kind, names a person ("dmitry peskov", not "national aeronautics and space administration"). */
static bool person_root(const char *root)
{
    static const char *const function_words[] = {"of", "and", "the", "for", NULL};
    size_t n = words_in(root);
    if (n < 2 || n > 4)
        return false;
    char word[64];
    for (const char *p = root; *p;) {
        size_t len = strcspn(p, " ");
        snprintf(word, sizeof word, "%.*s", (int)len, p);
        for (const char *const *l = ment_org_cues; *l; l++)
            if (!strcmp(word, *l))
                return false;
        for (const char *const *l = function_words; *l; l++)
            if (!strcmp(word, *l))
                return false;
        p += len + (p[len] == ' ');
    }
    return true;
}

/* The first token of the name after the dictionary's title ("UN Secretary-General
 * Antonio Guterres", "National Security Adviser Henrik Landerholm"), or of a dictionary
 * person's name after its title ("Kremlin spokesman Dmitry Peskov"); n0 when neither. */
static uint32_t dict_split(const dyad_doc *doc, const coded *c, const ment *m, uint32_t n0)
{
    uint32_t k = m->t1;
    if (last_word_in(doc, m, ment_org_cues))
        return n0; /* "State Fire Brigade" is no person after a title */
    if (c->found && (c->m.via & DYAD_ACTOR_VIA_TITLE))
        k = token_at(doc, m->t0, m->t1, c->base + (uint32_t)c->m.end);
    if ((k <= n0 || k >= m->t1) && named_role(c) && person_root(c->m.name) &&
        c->base + c->m.end == span_end(doc, m->t1))
        k = token_at(doc, m->t0, m->t1, c->base + (uint32_t)c->m.start);
    return k > n0 && k < m->t1 && all_propn(doc, k, m->t1) ? k : n0;
}

/* Splits titles, honorifics and greetings off the name; sets m->n0 and m->titled. */
static void split_name(const dyad_actor_dict *dict, const dyad_doc *doc, const coded *c, ment *m)
{
    uint32_t n0 = m->t0;
    for (uint32_t t = m->t0; t < m->c0; t++) /* "Enron 's United Way" is "United Way" */
        if (doc->tokens[t].upos && !strcmp(doc->tokens[t].upos, "PART"))
            n0 = t + 1;
    while (n0 < m->t1 && !upper_at(doc, n0) && !ment_token_in(doc, n0, ment_particles))
        n0++;
    while (n0 + 1 < m->t1 && ment_token_in(doc, n0, ment_greetings))
        n0++;
    uint32_t k = dict_split(doc, c, m, n0);
    m->titled |= k != n0;
    n0 = k;
    bool org = last_word_in(doc, m, ment_org_cues);
    while (n0 + 1 < m->t1 && !org && (ment_token_in(doc, n0, ment_honorifics) ||
                              (all_propn(doc, n0 + 1, m->t1) && ment_title(dict, doc, n0))))
        n0++, m->titled = 1; /* "President Bush", a phrase of its own in the dictionary */
    if (n0 == m->t1)
        n0 = m->c0 < m->t1 ? m->c0 : m->t0;
    for (uint32_t t = m->t0; t < m->c0; t++) /* "NASA executive Fred Gregory": the last chain */
        if (doc->tokens[t].upos && !strcmp(doc->tokens[t].upos, "NOUN") &&
            all_propn(doc, m->c0, m->t1))
            m->titled = 1, n0 = n0 > m->c0 ? n0 : m->c0;
    m->n0 = n0;
}

/* The type a dictionary name gives, or NULL when it does not cover the name. */
static const char *dict_type(const dyad_doc *doc, const coded *c, const ment *m)
{
    if (!c->found || c->base + c->m.start > span_start(doc, m->n0) ||
        c->base + c->m.end < span_end(doc, m->t1))
        return NULL;
    if (c->m.via & DYAD_ACTOR_VIA_METONYMY && !(c->m.via & DYAD_ACTOR_VIA_TITLE))
        return "place";
    if (!(c->m.via & DYAD_ACTOR_VIA_NAME))
        return NULL;
    const char *xpos = doc->tokens[m->t1 - 1].xpos;
    if (!c->m.role[0] && xpos && !strcmp(xpos, "NNPS") && m->t1 - m->n0 == 1)
        return "group"; /* "Palestinians": the people, not the place */
    if (!c->m.role[0])
        return strcmp(c->m.country, "IGO") == 0 ? "organization" : "place";
    if (last_word_in(doc, m, ment_org_cues))
        return "organization";
    if (person_root(c->m.name))
        return "person"; /* before IGO: "Antonio Guterres" IGOUNO */
    if (!strcmp(c->m.country, "IGO"))
        return "organization";
    for (const char *const *r = ment_group_roles; *r; r++) /* Hezbollah LBNREB, Hamas */
        if (!strcmp(c->m.role, *r) || !strcmp(c->m.role2, *r))
            return "group";
    return "organization";
}

static bool has_rel(const dyad_doc *doc, uint32_t lo, uint32_t hi, const char *rel)
{
    for (uint32_t t = lo; t < hi; t++)
        if (doc->tokens[t].deprel && !strcmp(doc->tokens[t].deprel, rel))
            return true;
    return false;
}

/* The name is the whole sentence but punctuation: a greeting or signature ("Jim,"). */
static bool alone(const dyad_doc *doc, const ment *m)
{
    const dyad_sentence *s = &doc->sentences[m->sentence];
    for (uint32_t t = s->first; t < s->first + s->count; t++)
        if ((t < m->t0 || t >= m->t1) &&
            (strcmp(doc->tokens[t].upos, "PUNCT") != 0 || ment_token_is(doc, t, "(")))
            return false; /* "(Applause.)" is a stage direction */
    return true;
}

static bool acronym(const dyad_doc *doc, uint32_t t)
{
    const dyad_token *k = &doc->tokens[t];
    if (k->end - k->start < 2 || k->end - k->start > 5)
        return false;
    for (uint32_t i = k->start; i < k->end; i++)
        if (!isupper((unsigned char)doc->text[i]))
            return false;
    return true;
}

/* Type from the words and the parse when no dictionary name covers the mention; NULL
 * for a lone unknown word with no cue (most are products, sites or misparses). */
static const char *cue_type(const dyad_doc *doc, const coded *c, const ment *m)
{
    if (last_word_in(doc, m, ment_org_cues))
        return "organization";
    if (last_word_in(doc, m, ment_place_cues))
        return "place";
    if (c->found && !c->m.role[0] && c->base + c->m.end == span_end(doc, m->t1))
        return "place"; /* "South Vietnam", "Miramar California" */
    uint32_t n = m->t1 - m->n0;
    if (n >= 2 && ment_token_in(doc, m->n0, ment_place_starts))
        return "place";
    if (n >= 2 && n <= 4 && has_rel(doc, m->n0 + 1, m->t1, "flat"))
        return "person"; /* UD joins personal names with flat, other names with compound */
    uint32_t first = doc->sentences[m->sentence].first;
    if (m->t0 > first && ment_token_in(doc, m->t0 - 1, ment_place_preps))
        return "place";
    if (n == 1 && (alone(doc, m) || has_rel(doc, m->n0, m->t1, "vocative") ||
                   has_rel(doc, m->n0, m->t1, "nsubj")))
        return "person"; /* a lone unknown name that acts or is addressed is mostly a person */
    if (n == 1 && !acronym(doc, m->n0))
        return NULL;
    return "organization";
}

/* The mention is the first part of a hyphenated modifier: "Russian-occupied Crimea". */
static bool modifier_part(const dyad_doc *doc, const ment *m)
{
    const dyad_sentence *s = &doc->sentences[m->sentence];
    uint32_t t = m->t1;
    return t + 1 < s->first + s->count && ment_token_is(doc, t, "-") &&
           !(doc->tokens[t - 1].flags & DYAD_TOKEN_SPACE_AFTER) &&
           !(doc->tokens[t].flags & DYAD_TOKEN_SPACE_AFTER) && !upper_at(doc, t + 1);
}

/* Names have no web address ("www.x.com", "a@b") and are not months or bare suffixes. */
static bool name_like(const dyad_doc *doc, const ment *m)
{
    if (modifier_part(doc, m))
        return false;
    if (ment_token_in(doc, m->n0, ment_not_names) ||
        (m->t1 - m->n0 == 1 && ment_token_in(doc, m->n0, ment_org_cues)))
        return false; /* "Inc." alone names nothing */
    for (uint32_t t = m->n0; t < m->t1; t++) {
        const dyad_token *k = &doc->tokens[t];
        for (uint32_t i = k->start; i < k->end; i++) {
            char ch = doc->text[i], next = i + 1 < k->end ? doc->text[i + 1] : ' ';
            if (ch == '/' || ch == '@' || (ch == '.' && islower((unsigned char)next)))
                return false;
        }
    }
    return true;
}

static bool has_capital(const dyad_doc *doc, const ment *m)
{
    for (uint32_t t = m->n0; t < m->t1; t++)
        if (upper_at(doc, t))
            return true;
    return false;
}

/* The code of a role apposition ("Fiona Hill, a former White House official"). */
static const char *appos_code(const dyad_actor_dict *dict, dyad_doc *doc, ment *m, int32_t date)
{
    uint32_t lo, hi;
    if (!dict || !ment_apposition(doc, m, &lo, &hi))
        return NULL;
    coded c;
    lookup(dict, doc, lo, hi + 1, date, &c);
    if (!c.found || !c.m.role[0])
        return NULL;
    m->titled = 1;
    return dyad_doc_strdup(doc, c.m.code, strlen(c.m.code));
}

static bool code_one(const dyad_actor_dict *dict, dyad_doc *doc, ment *m, int32_t date)
{
    coded c;
    lookup(dict, doc, m->t0, m->t1, date, &c);
    bool locative = m->t0 > doc->sentences[m->sentence].first &&
                    ment_token_in(doc, m->t0 - 1, ment_locatives);
    if (c.found && c.m.via == DYAD_ACTOR_VIA_METONYMY && locative)
        c.m.code[3] = '\0'; /* "talks in Moscow": the country, not its government */
    split_name(dict, doc, &c, m);
    m->code = c.found ? dyad_doc_strdup(doc, c.m.code, strlen(c.m.code)) : NULL;
    if (!m->code)
        m->code = appos_code(dict, doc, m, date);
    const char *dt = dict_type(doc, &c, m);
    /* A dictionary name that covers the mention knows its type ("the group Hamas"). */
    m->type = dt ? dt : m->titled ? "person" : cue_type(doc, &c, m);
    /* Web text writes "malaysia": lower case is a name only when the dictionary knows it. */
    if (!name_like(doc, m) || (!has_capital(doc, m) && !(dt && !strcmp(dt, "place"))))
        m->type = NULL;
    uint32_t a = span_start(doc, m->n0);
    m->name = dyad_doc_strdup(doc, doc->text + a, span_end(doc, m->t1) - a);
    return m->name != NULL;
}

/* A one-word name that is the first or last word of a person named before takes that
 * person's full name (and code, when it has none of its own). */
static void corefer(const dyad_doc *doc, ment *all, size_t n, ment *m)
{
    if (m->t1 - m->n0 != 1 || !name_like(doc, m) || !has_capital(doc, m))
        return;
    const char *w = m->name;
    size_t wl = strlen(w);
    for (size_t i = n; i-- > 0 && n - i <= COREF_WINDOW;) {
        const ment *p = &all[i];
        if (!p->type || strcmp(p->type, "person") != 0 || p->t1 - p->n0 < 2)
            continue;
        const char *last = strrchr(p->name, ' ');
        bool is_last = last && strcmp(last + 1, w) == 0;
        bool is_first = strncmp(p->name, w, wl) == 0 && p->name[wl] == ' ';
        if (!is_last && !is_first)
            continue;
        m->name = p->name;
        m->type = "person";
        if (!m->code || !m->titled)
            m->code = p->code;
        return;
    }
}

/* The person met before whose surname is token t ("Guterres", which the tagger may call a
 * noun), or NULL. */
static const ment *surname_of(const dyad_doc *doc, const ment_list *l, size_t upto, uint32_t t)
{
    const dyad_token *k = &doc->tokens[t];
    size_t n = k->end - k->start;
    for (size_t i = upto; i-- > 0 && upto - i <= COREF_WINDOW;) {
        const ment *p = &l->m[i];
        const char *last = p->type && !strcmp(p->type, "person") && p->t1 - p->n0 >= 2
                               ? strrchr(p->name, ' ') : NULL;
        if (last && strlen(last + 1) == n && !memcmp(last + 1, doc->text + k->start, n))
            return p;
    }
    return NULL;
}

/* Adds the surnames of known people that the chains missed, keeping the text order. */
static bool add_surnames(const dyad_doc *doc, ment_list *l, size_t from, int32_t si)
{
    const dyad_sentence *s = &doc->sentences[si];
    size_t at = from;
    for (uint32_t t = s->first; t < s->first + s->count; t++) {
        while (at < l->n && l->m[at].t1 <= t)
            at++;
        if ((at < l->n && l->m[at].t0 <= t) || !upper_at(doc, t) || propn(doc, t))
            continue;
        const ment *p = surname_of(doc, l, from, t);
        if (!p)
            continue;
        ment m = {t, t + 1, t, t, si, 0, "person", p->code, p->name};
        if (!ment_insert(l, at, &m))
            return false;
    }
    return true;
}

/* Copies the typed mentions (those with no type named nothing) into the document. */
static dyad_status emit(dyad_doc *doc, const ment_list *l)
{
    doc->actors = dyad_arena_alloc(doc->arena, (l->n ? l->n : 1) * sizeof *doc->actors);
    if (!doc->actors)
        return DYAD_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++) {
        const ment *m = &l->m[i];
        if (m->type)
            doc->actors[n++] = (dyad_mention){span_start(doc, m->t0), span_end(doc, m->t1),
                                              m->name, m->type, m->code, m->sentence};
    }
    doc->n_actors = n;
    return DYAD_OK;
}

dyad_status dyad_mentions_find(const dyad_actor_dict *dict, dyad_doc *doc)
{
    if (!doc || doc->n_tokens == 0 || !doc->tokens[0].upos)
        return DYAD_OK; /* needs the tagger and parser */
    ment_list l = {0};
    int32_t date = date_of(doc);
    dyad_status st = DYAD_OK;
    for (size_t s = 0; s < doc->n_sentences && st == DYAD_OK; s++) {
        size_t from = l.n;
        if (!ment_spans(dict, doc, (int32_t)s, &l))
            st = DYAD_ENOMEM;
        for (size_t i = from; i < l.n && st == DYAD_OK; i++) {
            if (!code_one(dict, doc, &l.m[i], date))
                st = DYAD_ENOMEM;
            else
                corefer(doc, l.m, i, &l.m[i]);
        }
        if (st == DYAD_OK && !add_surnames(doc, &l, from, (int32_t)s))
            st = DYAD_ENOMEM;
    }
    if (st == DYAD_OK)
        st = emit(doc, &l);
    free(l.m);
    return st;
}
