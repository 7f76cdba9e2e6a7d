/* Who did it and to whom: clauses, subjects, objects and the actors they name. */
#include "events.h"
#include "../actors/actors.h"

#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Dates and the words that introduce them: "on Monday" is when, never the "(ON)" of a
 * pattern such as "call on". */
static void mark_temporal(ev_sentence *s)
{
    const dyad_doc *doc = s->doc;
    const dyad_token *tok = doc->tokens + s->first;
    for (uint32_t i = 0; i < s->count; i++)
        s->date_at[i] = -1;
    if (!s->count)
        return;
    /* the dates are in text order: the first that ends after the sentence starts */
    size_t lo = 0, hi = doc->n_dates;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->dates[mid].end <= tok[0].start)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t i = 0;
    for (size_t d = lo; d < doc->n_dates && doc->dates[d].start < tok[s->count - 1].end; d++) {
        uint32_t ds = doc->dates[d].start, de = doc->dates[d].end;
        while (i < s->count && tok[i].end <= ds)
            i++;
        if (i < s->count && tok[i].start <= ds && s->date_at[i] < 0)
            s->date_at[i] = (int32_t)d;
        for (uint32_t k = i; k < s->count && tok[k].start < de; k++)
            if (tok[k].start >= ds && tok[k].end <= de)
                s->temporal[k] = 1;
    }
    for (uint32_t k = 0; k < s->count; k++) {
        int32_t h = tok[k].head - (int32_t)s->first;
        if (tok[k].head >= 0 && h >= 0 && h < (int32_t)s->count && s->temporal[h] &&
            tok[k].deprel && strcmp(tok[k].deprel, "case") == 0)
            s->temporal[k] = 1;
    }
}

/* "suspended the treaty after the attack": a phrase of when or despite what an act
 * happened is, like a date, no word of the act ("- * ATTACK" is no suspended attack) */
static void mark_circumstances(ev_sentence *s)
{
    static const char *const when[] = {"after", "before", "since", "following", "during",
                                       "until", "amid", "amidst", "despite", NULL};
    for (int32_t c = 0; c < (int32_t)s->count; c++) {
        int32_t h = ev_head(s, c);
        if (h < 0 || !ev_rel_starts(s, c, "obl") || !ev_tok(s, h)->upos ||
            strcmp(ev_tok(s, h)->upos, "VERB") != 0 || !ev_has_case(s, c, when))
            continue;
        int32_t lo = c, hi = c;
        ev_subtree(s, c, &lo, &hi);
        for (int32_t k = lo; k <= hi; k++)
            s->temporal[k] = 2;
    }
}

/* The sentence's mentions, found by halves in the document's (in text order). */
static void find_mentions(ev_sentence *s)
{
    const dyad_doc *doc = s->doc;
    s->mention_first = s->mention_end = 0;
    if (!s->count)
        return;
    uint32_t lo = ev_tok(s, 0)->start, hi = ev_tok(s, (int32_t)s->count - 1)->end;
    size_t a = 0, b = doc->n_actors;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (doc->actors[mid].start < lo)
            a = mid + 1;
        else
            b = mid;
    }
    s->mention_first = s->mention_end = a;
    while (s->mention_end < doc->n_actors && doc->actors[s->mention_end].start < hi)
        s->mention_end++;
}

/* Marks the tokens of the names and titles of people the mention stage found: no
 * pattern word matches there ("asked for national security advisor John Bolton's
 * resignation" is no appeal for security). */
static void mark_named(ev_sentence *s)
{
    const dyad_doc *doc = s->doc;
    const dyad_token *tok = &doc->tokens[s->first];
    for (size_t i = s->mention_first; i < s->mention_end; i++) {
        const dyad_mention *m = &doc->actors[i];
        if ((m->form && strcmp(m->form, "name")) || !m->type || strcmp(m->type, "person"))
            continue;
        for (uint32_t k = 0; k < s->count; k++)
            if (tok[k].start >= m->start && tok[k].end <= m->end)
                s->named[k] = 1;
    }
}

bool ev_sentence_init(ev_sentence *s, dyad_doc *doc, size_t si)
{
    const dyad_sentence *sent = &doc->sentences[si];
    s->doc = doc;
    s->dict = NULL;
    s->index = si;
    s->first = sent->first;
    s->count = sent->count;
    s->country = "---";
    s->deeds = NULL;
    s->n_deeds = 0;
    s->lower = dyad_arena_alloc(doc->arena, s->count * sizeof *s->lower + 1);
    s->lemma = dyad_arena_alloc(doc->arena, s->count * sizeof *s->lemma + 1);
    s->first_child = dyad_arena_alloc(doc->arena, s->count * sizeof(int32_t) + 1);
    s->next_sibling = dyad_arena_alloc(doc->arena, s->count * sizeof(int32_t) + 1);
    /* patterns, targets and nominal events ask the same tokens again: answer once */
    s->actor = dyad_arena_alloc(doc->arena, s->count * sizeof *s->actor + 1);
    s->actor_known = dyad_arena_calloc(doc->arena, s->count + 1, 1);
    s->temporal = dyad_arena_calloc(doc->arena, s->count + 1, 1);
    s->named = dyad_arena_calloc(doc->arena, s->count + 1, 1);
    s->date_at = dyad_arena_alloc(doc->arena, s->count * sizeof *s->date_at + 1);
    s->place_country = dyad_arena_calloc(doc->arena, 4, 1);
    s->named_country = dyad_arena_calloc(doc->arena, 4, 1);
    if (!s->lower || !s->lemma || !s->first_child || !s->next_sibling || !s->actor ||
        !s->actor_known || !s->temporal || !s->named || !s->date_at || !s->place_country ||
        !s->named_country)
        return false;
    for (uint32_t i = 0; i < s->count; i++) {
        const dyad_token *t = &doc->tokens[s->first + i];
        size_t n = t->end - t->start;
        char *w = dyad_arena_alloc(doc->arena, n + 1);
        if (!w)
            return false;
        for (size_t k = 0; k < n; k++) {
            char c = doc->text[t->start + k];
            w[k] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        }
        w[n] = '\0';
        s->lower[i] = w;
        s->lemma[i] = w;
        if (t->lemma && strcmp(t->lemma, w) != 0) {
            size_t ln = strlen(t->lemma);
            char *l = dyad_arena_alloc(doc->arena, ln + 1);
            if (!l)
                return false;
            for (size_t k = 0; k <= ln; k++)
                l[k] = (t->lemma[k] >= 'A' && t->lemma[k] <= 'Z') ? (char)(t->lemma[k] - 'A' + 'a')
                                                                 : t->lemma[k];
            s->lemma[i] = l;
        }
        s->first_child[i] = s->next_sibling[i] = -1;
    }
    /* the words a pattern may ask for: forms, lemmas, and singulars of plurals */
    s->words = 0;
    for (uint32_t i = 0; i < s->count; i++) {
        const char *w = s->lower[i];
        size_t n = strlen(w);
        s->words |= ev_word_bit(w, n) | ev_word_bit(s->lemma[i], strlen(s->lemma[i]));
        if (n > 1 && w[n - 1] == 's')
            s->words |= ev_word_bit(w, n - 1);
        if (n > 2 && strcmp(w + n - 2, "es") == 0)
            s->words |= ev_word_bit(w, n - 2);
        if (n > 3 && strcmp(w + n - 3, "ies") == 0) {
            char y[64];
            if (n - 2 < sizeof y) {
                memcpy(y, w, n - 3);
                y[n - 3] = 'y';
                s->words |= ev_word_bit(y, n - 2);
            }
        }
    }
    mark_temporal(s);
    find_mentions(s);
    mark_named(s);
    /* children in text order: link from the last token backwards */
    for (int32_t i = (int32_t)s->count - 1; i >= 0; i--) {
        int32_t h = ev_head(s, i);
        if (h >= 0 && h < (int32_t)s->count && h != i) {
            s->next_sibling[i] = s->first_child[h];
            s->first_child[h] = i;
        }
    }
    mark_circumstances(s);
    return true;
}

void ev_doc_country(const dyad_doc *doc, char out[4])
{
    memcpy(out, doc->country[0] ? doc->country : "---", 4);
}

/* Both compare the first letters before calling into libc: most relations differ there. */
static bool rel_is(const ev_sentence *s, int32_t i, const char *rel)
{
    const char *d = ev_tok(s, i)->deprel;
    if (!d || d[0] != rel[0])
        return false;
    size_t n = strlen(rel);
    return strncmp(d, rel, n) == 0 && (d[n] == '\0' || d[n] == ':');
}

static bool rel_exact(const ev_sentence *s, int32_t i, const char *rel)
{
    const char *d = ev_tok(s, i)->deprel;
    return d && d[0] == rel[0] && strcmp(d, rel) == 0;
}

bool ev_lemma_in(const ev_sentence *s, int32_t i, const char *const *words)
{
    const char *lemma = s->lemma[i], *lower = s->lower[i];
    for (; *words; words++) /* most words differ in the first letter: no call then */
        if ((lemma[0] == (*words)[0] && strcmp(lemma, *words) == 0) ||
            (lower[0] == (*words)[0] && strcmp(lower, *words) == 0))
            return true;
    return false;
}

int32_t ev_child(const ev_sentence *s, int32_t v, const char *deprel)
{
    for (int32_t c = s->first_child[v]; c >= 0; c = s->next_sibling[c])
        if (strchr(deprel, ':') ? rel_exact(s, c, deprel) : rel_is(s, c, deprel))
            return c;
    return -1;
}

/* Dependents that start a clause of their own: their words are not v's words. */
static bool clause_boundary(const ev_sentence *s, int32_t c)
{
    static const char *const rels[] = {"advcl", "ccomp", "parataxis", "acl", "csubj",
                                       "list", "reparandum", "vocative", "discourse"};
    for (size_t k = 0; k < sizeof rels / sizeof *rels; k++)
        if (rel_is(s, c, rels[k]))
            return true;
    /* a coordinated verb is its own clause; a coordinated noun is not */
    if (rel_is(s, c, "conj")) {
        const char *u = ev_tok(s, c)->upos;
        return u && (strcmp(u, "VERB") == 0 || strcmp(u, "AUX") == 0);
    }
    return false;
}

bool ev_clause(const ev_sentence *s, int32_t v, ev_context *pre, ev_context *post,
               uint8_t *in_clause)
{
    memset(in_clause, 0, s->count);
    int32_t *stack = malloc((s->count + 1) * sizeof *stack);
    if (!stack)
        return false;
    size_t top = 0;
    stack[top++] = v;
    while (top) {
        int32_t t = stack[--top];
        in_clause[t] = 1;
        for (int32_t c = s->first_child[t]; c >= 0; c = s->next_sibling[c])
            if (!in_clause[c] && !clause_boundary(s, c))
                stack[top++] = c;
    }
    free(stack);
    /* "ordered Belgian diplomats [to leave]" parsed as the object's clause: the
     * infinitive's verb and its "to" are words of v's patterns ("- * DIPLOMATS TO LEAVE") */
    int32_t obj = ev_child(s, v, "obj");
    for (int32_t c = obj >= 0 ? s->first_child[obj] : -1; c >= 0; c = s->next_sibling[c]) {
        int32_t to = rel_exact(s, c, "acl") ? ev_child(s, c, "mark") : -1;
        if (to >= 0 && strcmp(s->lower[to], "to") == 0)
            in_clause[c] = in_clause[to] = 1;
    }
    /* "called for [his death to be investigated]": the "for" that opens a clause of v
     * is v's word, as the prepositions of its patterns expect */
    for (int32_t c = s->first_child[v]; c >= 0; c = s->next_sibling[c]) {
        int32_t mark = clause_boundary(s, c) ? ev_child(s, c, "mark") : -1;
        if (mark >= 0 && strcmp(s->lower[mark], "for") == 0)
            in_clause[mark] = 1;
    }
    pre->n = post->n = 0;
    for (int32_t i = 0; i < (int32_t)s->count; i++) {
        if (!in_clause[i] || i == v)
            continue;
        if (i < v)
            pre->tok[pre->n++] = i;
        else
            post->tok[post->n++] = i;
    }
    return true;
}

/* The words of the noun phrase headed by h: its subtree without clauses, coordinated
 * members and appositions, as a token range. */
static void phrase_range(const ev_sentence *s, int32_t h, int32_t *lo, int32_t *hi,
                         bool core)
{
    *lo = *hi = h;
    for (int32_t c = s->first_child[h]; c >= 0; c = s->next_sibling[c]) {
        if (rel_is(s, c, "acl") || rel_is(s, c, "conj") || rel_is(s, c, "cc") ||
            rel_is(s, c, "punct") || rel_is(s, c, "appos") || rel_is(s, c, "parataxis") ||
            rel_is(s, c, "advcl") || rel_is(s, c, "case"))
            continue;
        /* the core of "the resumption of ties with Mordor" is "the resumption" */
        if (core && rel_is(s, c, "nmod") && !rel_exact(s, c, "nmod:poss"))
            continue;
        int32_t clo, chi;
        phrase_range(s, c, &clo, &chi, false);
        if (clo < *lo)
            *lo = clo;
        if (chi > *hi)
            *hi = chi;
    }
}

static int32_t doc_date(const dyad_doc *doc)
{
    const char *d = doc->date;
    if (!d || strlen(d) < 10)
        return 0;
    return (int32_t)(strtol(d, NULL, 10) * 10000 + strtol(d + 5, NULL, 10) * 100 +
                     strtol(d + 8, NULL, 10));
}

/* The dictionary's reading of bytes [start, end): a code with a country, a role
 * alone ("GOV" for "the ambassadors"), or nothing. */
bool ev_actor_lookup(const ev_sentence *s, const dyad_actor_dict *actors, uint32_t start,
                     uint32_t end, dyad_actor_match *m)
{
    /* "UNK" alone ("the land", "a man") says only that nothing is known */
    if (!actors || end <= start ||
        !dyad_actor_dict_lookup(actors, s->doc->text + start, end - start, doc_date(s->doc), m) ||
        !m->code[0] || (!m->country[0] && strcmp(m->code, "UNK") == 0))
        return false;
    /* names of countries and their peoples are capitalized: "stronger poles", "turkey"
     * and "china" in lower case are no Poland, Turkey or China */
    bool capital = m->country_end == m->country_start;
    for (size_t i = start + m->country_start; i < start + m->country_end && !capital; i++)
        capital = s->doc->text[i] >= 'A' && s->doc->text[i] <= 'Z';
    /* "non-Muslims", "non-Russian staff" are the others */
    size_t at = start + m->start;
    if (at >= 4 && strncasecmp(s->doc->text + at - 4, "non-", 4) == 0)
        return false;
    return capital;
}

/* Whether token h is a name: a proper noun, or a common noun in capitals ("the PMF"). */
static bool capitalized_name(const ev_sentence *s, int32_t h)
{
    const dyad_token *t = ev_tok(s, h);
    if (t->upos && strcmp(t->upos, "PROPN") == 0)
        return true;
    if (t->end - t->start < 2)
        return false;
    for (uint32_t i = t->start; i < t->end; i++)
        if (!isupper((unsigned char)s->doc->text[i]))
            return false;
    return true;
}

/* Nouns of whoever rules a country named with them: "the leader of Rwanda". */
static const char *const ruler_nouns[] = {"leader", "ruler", "head", NULL};

/* Whether noun h is a ruler with nothing else said of it ("the leaders", not "the
 * opposition leader", "Iran's supreme leader", "rebel leaders"). */
static bool plain_ruler(const ev_sentence *s, int32_t h)
{
    if (!ev_lemma_in(s, h, ruler_nouns))
        return false;
    for (int32_t c = s->first_child[h]; c >= 0; c = s->next_sibling[c])
        if (c < h && (rel_is(s, c, "amod") || rel_is(s, c, "compound") ||
                      rel_is(s, c, "nmod:poss")))
            return false;
    return true;
}

static const char *keep(const ev_sentence *s, const char *code)
{
    return dyad_doc_strdup((dyad_doc *)s->doc, code, strlen(code));
}

/* A country code and a role: "ARN" + "LEG"; a code that has a role keeps it. */
static const char *with_role(const ev_sentence *s, const char *code, const char *role)
{
    char buf[64];
    if (strlen(code) != 3 || !role[0] || strncmp(code, "IGO", 3) == 0)
        return code;
    snprintf(buf, sizeof buf, "%s%s", code, role);
    return keep(s, buf);
}

/* A mention's head token in s: the last one inside it, or -1. */
static int32_t mention_head(const ev_sentence *s, const dyad_mention *m)
{
    int32_t h = -1;
    for (int32_t k = 0; k < (int32_t)s->count; k++)
        if (ev_tok(s, k)->start >= m->start && ev_tok(s, k)->end <= m->end)
            h = k;
    return h;
}

/* Adds country mc to the one found so far in c ("" none yet, "---" several). */
static void one_country(char *c, const char *mc)
{
    if (strcmp(mc, "IGO") != 0)
        memcpy(c, !c[0] || strcmp(c, mc) == 0 ? mc : "---", 4);
}

/* The one country the sentence's coded names and nationality words have ("the Kenyan
 * government ... to Uganda" has two), else "---". */
static const char *named_country(const ev_sentence *s)
{
    if (!s->named_country[0]) {
        char c[4] = "", mc[4];
        const dyad_doc *doc = s->doc;
        for (size_t i = s->mention_first; i < s->mention_end; i++) {
            const dyad_mention *m = &doc->actors[i];
            if (m->code && !m->country_inferred && actor_code_country(m->code, mc))
                one_country(c, mc);
        }
        dyad_actor_match am;
        for (int32_t k = 0; k < (int32_t)s->count && s->actors && strcmp(c, "---") != 0; k++) {
            const dyad_token *t = ev_tok(s, k);
            if (t->upos && strcmp(t->upos, "ADJ") == 0 &&
                isupper((unsigned char)doc->text[t->start]) &&
                ev_actor_lookup(s, s->actors, t->start, t->end, &am) && am.country[0])
                one_country(c, am.country);
        }
        memcpy(s->named_country, c[0] ? c : "---", 4);
    }
    return s->named_country;
}

/* The country a role alone belongs to. For people who act where they are (police,
 * protesters, courts, farmers; not officials, troops or clergy, who travel): the one
 * country the sentence names ("The president of Kenya praised the police"), else the
 * article's, else the country of the place the sentence happens in ("Police fired tear
 * gas at protesters in Nairobi"); for the others the article's. */
static const char *role_country(const ev_sentence *s, const char *role)
{
    static const char *const local[] = {"COP", "CVL", "OPP", "JUD", "AGR", "LAB", "HLH",
                                        "EDU", "BUS", NULL};
    bool is_local = false;
    for (const char *const *r = local; *r && !is_local; r++)
        is_local = strncmp(role, *r, 3) == 0;
    if (is_local && strcmp(named_country(s), "---") != 0)
        return s->named_country;
    if (strcmp(s->country, "---") != 0 || !is_local)
        return s->country;
    if (!s->place_country[0]) {
        static const char *const at[] = {"in", "at", NULL};
        memcpy(s->place_country, "---", 4);
        const dyad_doc *doc = s->doc;
        for (size_t i = s->mention_first; i < s->mention_end; i++) {
            const dyad_mention *m = &doc->actors[i];
            if (!m->type || strcmp(m->type, "place") != 0 ||
                !m->code || !actor_code_country(m->code, s->place_country))
                continue;
            int32_t h = mention_head(s, m);
            if (h >= 0 && (rel_is(s, h, "obl") || rel_is(s, h, "nmod")) && ev_has_case(s, h, at))
                break;
            memcpy(s->place_country, "---", 4);
        }
    }
    return s->place_country;
}

/* A mention's code. The mention stage puts the article's country before a role alone
 * when one stands out ("Minister Joachim Brudziński" is POLGOV in a story on Poland);
 * a role still alone has an unknown country: "---GOV". */
const char *ev_with_country(const ev_sentence *s, const char *code)
{
    if (!code || !actor_code_is_role(code) || actor_code_is_transnational(code))
        return code;
    char buf[64];
    snprintf(buf, sizeof buf, "%s%s", role_country(s, code), code);
    return keep(s, buf);
}

static const char *mention_code(const ev_sentence *s, const dyad_mention *m)
{
    return ev_with_country(s, m->code);
}

/* "We will never negotiate," Zelensky said: inside a quotation, I and we are its speaker;
 * a speaker no mention codes is coded by the dictionary over its words when they name a
 * country ("the Israeli prime minister" is ISRGOV). */
static const char *speaker_code(const ev_sentence *s, int32_t h, const dyad_actor_dict *actors)
{
    static const char *const first_person[] = {"i", "we", "me", "my", "our", NULL};
    const dyad_doc *doc = s->doc;
    bool first = false;
    for (const char *const *p = first_person; *p && !first; p++)
        first = strcmp(s->lower[h], *p) == 0;
    uint32_t at = ev_tok(s, h)->start;
    for (size_t q = 0; first && q < doc->n_quotes; q++) {
        const dyad_quote *quote = &doc->quotes[q];
        if (!quote->direct || at < quote->start || at >= quote->end)
            continue;
        dyad_actor_match m;
        if (quote->speaker.code ||
            !ev_actor_lookup(s, actors, quote->speaker.start, quote->speaker.end, &m))
            return ev_with_country(s, quote->speaker.code);
        /* a role alone ("a spokesperson") may speak for anyone: not the story's country */
        return m.country[0] ? keep(s, m.code) : NULL;
    }
    return NULL;
}

/* Whether a dictionary match [ms, me) inside the phrase [lo, hi] of noun h covers h or a
 * noun that modifies it ("rebel positions"), not only an adjective ("official visit"),
 * and h can name an actor or its place. */
static bool nominal_match(const ev_sentence *s, int32_t h, int32_t lo, int32_t hi, uint32_t ms,
                          uint32_t me)
{
    for (int32_t i = lo; i <= hi; i++) {
        const dyad_token *t = ev_tok(s, i);
        if (t->end <= ms || t->start >= me)
            continue;
        if (i == h)
            return true;
        /* "police officers", not "a government decree", "the monarch butterflies", nor
         * an occasion of the kind: "a state visit", "a state funeral" */
        static const char *const occasions[] = {"visit", "trip", "tour", "dinner", "banquet",
                                                "funeral", "ceremony", "reception", NULL};
        /* nor a kind of machine ("fighter jets", "a passenger plane"; "a government
         * helicopter", "a merchant vessel" are their owners') */
        static const char *const kinds[] = {"fighter", "bomber", "passenger", "cargo",
                                            "transport", NULL};
        if (ev_head(s, i) == h && rel_is(s, i, "compound"))
            return !ev_abstract_noun(s->dict, s->lemma[h]) && !ev_lemma_in(s, h, occasions) &&
                   !ev_lemma_in(s, i, kinds);
    }
    return false;
}

/* A common noun with nothing of its own but its conjunction and punctuation. */
static bool bare_noun(const ev_sentence *s, int32_t r)
{
    const char *u = ev_tok(s, r)->upos;
    if (!u || strcmp(u, "NOUN") != 0)
        return false;
    for (int32_t c = s->first_child[r]; c >= 0; c = s->next_sibling[c])
        if (!rel_is(s, c, "cc") && !rel_is(s, c, "punct"))
            return false;
    return true;
}

static ev_actor actor_of(const ev_sentence *s, int32_t h, const dyad_actor_dict *actors);
static const char *pair_member(const ev_sentence *s, int32_t h, int i);
static const char *pair_member_since(const ev_sentence *s, int32_t h, int i, int back,
                                     bool before_only);

ev_actor ev_actor_of(const ev_sentence *s, int32_t h, const dyad_actor_dict *actors)
{
    if (s->actor_known[h] == 2) /* asked again while being answered: none, no loop */
        return (ev_actor){.code = NULL, .head = h};
    if (!s->actor_known[h]) {
        s->actor_known[h] = 2;
        s->actor[h] = actor_of(s, h, actors);
        /* what the dictionaries list as no actor ("on Saturday" in an undated story,
         * "the border") is none, rather than a party the event is then dropped for */
        if (s->actor[h].code && actor_code_is_discard(s->actor[h].code))
            s->actor[h].code = NULL;
        /* nor is a bare "---", a place whose country no record holds ("in Brussels", the
         * EU's seat): a party of unknown country and role tells a user nothing */
        if (s->actor[h].code && strcmp(s->actor[h].code, "---") == 0)
            s->actor[h].code = NULL;
        s->actor_known[h] = 1;
    }
    return s->actor[h];
}

/* Whether a noun names the act in verb (the words of a told event): they share a stem
 * of four letters ("stabbing", "stabbed"; "attackers", "attacked"), or are "shooting"
 * and "shot". */
/* How many first letters a lower-case noun shares with a word, ignoring its case. */
static size_t shared_prefix(const char *noun, const char *word)
{
    size_t n = 0;
    while (noun[n] && noun[n] == (char)tolower((unsigned char)word[n]))
        n++;
    return n;
}

static bool names_act(const char *noun, const char *verb)
{
    return shared_prefix(noun, verb) >= 4 ||
           (strncmp(noun, "shoot", 5) == 0 && strncasecmp(verb, "shot", 4) == 0);
}

/* Whether a noun names a step told in words (a verb's text or a noun): it begins one of
 * the words with four letters in common, or whole ("the decision", "decided to"; "the
 * ban", "banned"). */
static bool names_step(const char *noun, const char *words)
{
    size_t len = strlen(noun);
    for (const char *w = words; *w; w++) {
        if (w != words && w[-1] != ' ')
            continue;
        size_t n = shared_prefix(noun, w);
        if (n >= 4 || (n == len && n >= 3))
            return true;
    }
    return false;
}

/* Nouns of a political step that a later definite mention names ("Johnson suspended
 * Parliament ... Corbyn called the move ..."). */
const char *const ev_step_nouns[] = {
    "move", "decision", "plan", "proposal", "step", "measure", "announcement", "request",
    "ban", "order", "suspension", "refusal", "admission", "offer", "invitation", "visit",
    "deployment", "sanction", "withdrawal", "expulsion", "veto", "ruling", "verdict", "action",
    NULL};

/* Who did the act common noun h names, when nothing in its phrase says: the doer of the
 * last violent act told in those words ("condemned the stabbing", "the attackers fled"),
 * or of any for words that name only a doer ("the perpetrators"); for a political step
 * ("the move", "the decision"), the doer of the last one told in the three sentences
 * before; NULL when none. */
static const char *doer_of_act(const ev_sentence *s, int32_t h)
{
    static const char *const acts[] = {
        "attack", "assault", "bombing", "stabbing", "shooting", "killing", "murder",
        "massacre", "ambush", "raid", "attacker", "bomber", "killer", "murderer",
        "kidnapper", "kidnapping", "shooter", NULL};
    static const char *const doers[] = {"perpetrator", "assailant", "culprit", "gunman", NULL};
    bool any = ev_lemma_in(s, h, doers), violent = any || ev_lemma_in(s, h, acts);
    if (!s->n_deeds || (!violent && !ev_lemma_in(s, h, ev_step_nouns)))
        return NULL;
    static const char *const definite[] = {"the", "this", "that", "these", "those", NULL};
    static const char *const any_step[] = {"move", "step", "measure", "decision", "action",
                                           NULL}; /* whatever was done */
    bool known = false; /* "an attack", "gunmen" may be new ones */
    static const char *const as[] = {"as", NULL}; /* ("condemned the sanctions as a ...") */
    for (int32_t c = s->first_child[h]; c >= 0; c = s->next_sibling[c]) {
        if ((rel_is(s, c, "nmod") && !ev_has_case(s, c, as)) || rel_is(s, c, "acl") ||
            rel_is(s, c, "compound"))
            return NULL; /* "the attack on the embassy", "a suicide attack": said there */
        known = known || (rel_is(s, c, "det") && ev_lemma_in(s, c, definite));
    }
    if (!known)
        return NULL;
    for (size_t i = s->n_deeds; i-- > 0;) {
        const ev_deed *d = &s->deeds[i];
        if (violent && d->violent && (any || names_act(s->lemma[h], d->verb)))
            return d->doer;
        if (!violent && !d->violent && s->index - d->sentence <= 3 &&
            (ev_lemma_in(s, h, any_step) || names_step(s->lemma[h], d->verb)))
            return d->doer;
    }
    return NULL;
}

/* A singular noun that names a stance or a faculty as well as a group names the group
 * only when something singles it out: "the opposition", "Venezuela's opposition", "US
 * intelligence", but "expressed opposition", "has authority over". */
static bool stance_noun(const ev_sentence *s, int32_t h)
{
    static const char *const nouns[] = {"opposition", "authority", "intelligence", NULL};
    const char *x = ev_tok(s, h)->xpos;
    if (!x || strcmp(x, "NN") != 0 || !ev_lemma_in(s, h, nouns))
        return false;
    for (int32_t c = s->first_child[h]; c >= 0; c = s->next_sibling[c])
        if (rel_is(s, c, "det") || rel_is(s, c, "amod") || rel_is(s, c, "compound") ||
            rel_exact(s, c, "nmod:poss"))
            return false;
    return true;
}

/* Money names no actor: "invested nine billion US dollars", "50 million euros". */
static bool money_noun(const ev_sentence *s, int32_t h)
{
    static const char *const money[] = {"dollar", "euro", "pound", "yuan", "renminbi", "yen",
                                        "rouble", "ruble", "rupee", "peso", "franc", "won",
                                        "lira", "rand", "naira", "shekel", "dinar", "riyal",
                                        "real", NULL};
    const char *u = ev_tok(s, h)->upos;
    return u && strcmp(u, "NOUN") == 0 && ev_lemma_in(s, h, money);
}

bool ev_mention_typed(const ev_sentence *s, int32_t h, const char *type)
{
    uint32_t at = ev_tok(s, h)->start;
    for (size_t i = s->mention_first; i < s->mention_end; i++) {
        const dyad_mention *m = &s->doc->actors[i];
        if (m->start <= at && at < m->end && m->type && strcmp(m->type, type) == 0)
            return true;
    }
    return false;
}

/* Whether the word at byte offset at stands in a place phrase on h: "Fire at historic
 * Welsh ex-hotel Bontddu Hall" names where, not who. */
static bool in_place_phrase(const ev_sentence *s, int32_t h, uint32_t at)
{
    static const char *const place[] = {"in", "at", "near", "on", "outside", "inside",
                                        "around", "across", NULL};
    int32_t lo = 0, hi = (int32_t)s->count - 1, w = -1; /* the word at byte at */
    while (lo <= hi && w < 0) {
        int32_t mid = lo + (hi - lo) / 2;
        const dyad_token *t = ev_tok(s, mid);
        if (at < t->start)
            hi = mid - 1;
        else if (at >= t->end)
            lo = mid + 1;
        else
            w = mid;
    }
    bool placed = false;
    for (int depth = 0; w >= 0 && w != h && depth < 8; depth++) {
        placed = placed || (rel_is(s, w, "nmod") && ev_has_case(s, w, place));
        w = ev_head(s, w);
    }
    if (!placed || w != h)
        return false;
    /* a place in a place is that place: "Palm Beach County in Florida issued" */
    return !ev_mention_typed(s, h, "place");
}

/* "a Trump supporter", "Putin's critics": people named by their bond to a person named
 * before them are civilians of that person's country (code's), not the person; NULL
 * when h is no such noun. */
static const char *followers_code(const ev_sentence *s, int32_t h, const char *code)
{
    static const char *const followers[] = {"supporter", "follower", "fan", "loyalist",
                                            "critic", "opponent", "admirer", NULL};
    char fc[4];
    if (!ev_lemma_in(s, h, followers) || !actor_code_country(code, fc))
        return NULL;
    return with_role(s, keep(s, fc), "CVL");
}

/* "US$750": a country's letters written onto a currency sign name a sum, no actor. */
static bool currency_prefix(const ev_sentence *s, int32_t h)
{
    static const char *const signs[] = {"$", "€", "£", NULL};
    return h + 1 < (int32_t)s->count && !(ev_tok(s, h)->flags & DYAD_TOKEN_SPACE_AFTER) &&
           ev_lemma_in(s, h + 1, signs);
}

/* "The Israeli military said its forces had killed ...", "criticised Hungary's prime
 * minister for his trip": a possessive pronoun p whose antecedent the mention stage found
 * in an earlier sentence, or none (owner is its mention, NULL when none), stands for the
 * nearest actor before it in the sentence that a common noun names (a subject or object,
 * which no mention holds); that actor's code, else NULL. */
static const char *nearer_actor(const ev_sentence *s, int32_t p, const dyad_mention *owner,
                                const dyad_actor_dict *actors)
{
    if (!ev_tok(s, p)->upos || strcmp(ev_tok(s, p)->upos, "PRON") != 0 ||
        !rel_is(s, p, "nmod:poss"))
        return NULL;
    if (owner && owner->antecedent >= 0 &&
        s->doc->actors[owner->antecedent].sentence == (int32_t)s->index)
        return NULL;
    for (int32_t k = p - 1; k >= 0; k--) {
        if (!ev_tok(s, k)->upos || strcmp(ev_tok(s, k)->upos, "NOUN") != 0 ||
            !(rel_is(s, k, "nsubj") || rel_is(s, k, "obj") || rel_is(s, k, "iobj")))
            continue;
        ev_actor cand = ev_actor_of(s, k, actors);
        char c[4];
        if (cand.code && actor_code_country(cand.code, c) && strcmp(c, "---") != 0)
            return cand.code;
    }
    return NULL;
}

/* The same for the possessive pronoun on noun h ("its forces"). */
static const char *nearer_owner(const ev_sentence *s, int32_t h, const dyad_mention *owner,
                                const dyad_actor_dict *actors)
{
    int32_t p = ev_child(s, h, "nmod:poss");
    return p >= 0 ? nearer_actor(s, p, owner, actors) : NULL;
}

/* The common noun a quantifier h takes a part of ("many of his suggestions"), or -1. */
static int32_t of_part(const ev_sentence *s, int32_t h)
{
    static const char *const of[] = {"of", NULL};
    const char *u = ev_tok(s, h)->upos;
    if (!u || (strcmp(u, "ADJ") != 0 && strcmp(u, "NUM") != 0 && strcmp(u, "PRON") != 0 &&
               strcmp(u, "DET") != 0))
        return -1;
    for (int32_t c = s->first_child[h]; c >= 0; c = s->next_sibling[c]) {
        const char *cu = ev_tok(s, c)->upos;
        if ((rel_is(s, c, "nmod") || rel_is(s, c, "obl")) && ev_has_case(s, c, of) && cu &&
            strcmp(cu, "NOUN") == 0)
            return c;
    }
    return -1;
}

/* Whether the one pronoun p refers to is named before it in its sentence: "Trump
 * criticized his proposal" is most likely his own. */
static bool named_before(const ev_sentence *s, const dyad_mention *p)
{
    for (size_t i = s->mention_first; p->name && i < s->mention_end; i++) {
        const dyad_mention *m = &s->doc->actors[i];
        if (m->start < p->start && m != p && m->name && strcmp(m->name, p->name) == 0)
            return true;
    }
    return false;
}

/* The first apposition of h that names a coded actor ("his former rival, Joe Biden"), or
 * -1. */
static int32_t coded_apposition(const ev_sentence *s, int32_t h, const dyad_actor_dict *actors)
{
    for (int32_t c = s->first_child[h]; c >= 0; c = s->next_sibling[c])
        if (rel_is(s, c, "appos") && ev_actor_of(s, c, actors).code)
            return c;
    return -1;
}

/* "the killers of Khashoggi" are not Khashoggi: "of" after a doer names the victim. */
static bool names_victim(const ev_sentence *s, int32_t h, int32_t c)
{
    static const char *const doers[] = {"killer", "murderer", "attacker", "assassin",
                                        "kidnapper", "abductor", "captor", "assailant",
                                        "perpetrator", NULL},
                             *const of[] = {"of", NULL};
    return ev_lemma_in(s, h, doers) && ev_has_case(s, c, of);
}

/* Whether a name of several words ends in a word for water ("the South China Sea", "the
 * Taiwan Strait"). */
static bool water_name(const char *name)
{
    const char *last = strrchr(name, ' ');
    return last && actor_water_word(last + 1, strlen(last + 1));
}

/* "the Cuban government's repression of its people and its support for Maduro": "its"
 * repeats the owner named before it in the sentence, when that owner is a body the
 * dictionary codes (the mention stage links "its" only to names). */
static const char *owner_before(const ev_sentence *s, int32_t h, const dyad_actor_dict *actors)
{
    static const char *const its[] = {"its", NULL};
    if (!ev_lemma_in(s, h, its) || !rel_is(s, h, "nmod:poss"))
        return NULL;
    for (int32_t k = h - 1; k >= 0; k--) {
        if (!rel_is(s, k, "nmod:poss"))
            continue;
        const char *u = ev_tok(s, k)->upos;
        if (!u || strcmp(u, "PRON") == 0 || ev_mention_typed(s, k, "person"))
            return NULL;
        return actor_of(s, k, actors).code;
    }
    /* "Iran announced its intention to attack": an intent to act is its holder's, the
     * subject of the verb that makes it known ("executed its plan" has no act named) */
    int32_t n = ev_head(s, h), v = n >= 0 ? ev_head(s, n) : -1;
    int32_t act = n >= 0 ? ev_child(s, n, "acl") : -1;
    int32_t subj = v >= 0 && rel_is(s, n, "obj") && ev_intent_noun(s, n) && act >= 0 &&
                           ev_child(s, act, "mark") >= 0
                       ? ev_child(s, v, "nsubj")
                       : -1;
    return subj >= 0 && subj < h ? actor_of(s, subj, actors).code : NULL;
}

/* "a Chinese aircraft violated its airspace": a state's territory that "its" owns is the
 * country of the last actor before it other than the subject of the verb acting on it;
 * NULL when none. */
static const char *territory_owner(const ev_sentence *s, int32_t h,
                                   const dyad_actor_dict *actors)
{
    static const char *const territory[] = {"airspace", "territory", "waters", "soil",
                                            "border", NULL};
    static const char *const its[] = {"its", NULL};
    int32_t p = ev_child(s, h, "nmod:poss");
    if (p < 0 || !ev_lemma_in(s, p, its) || !ev_lemma_in(s, h, territory))
        return NULL;
    int32_t v = ev_head(s, h);
    /* (the subject of a clause on a noun is that noun: "an aircraft [that] violated") */
    int32_t subj = v < 0 ? -1 : rel_is(s, v, "acl") ? ev_head(s, v) : ev_child(s, v, "nsubj");
    for (int32_t k = p - 1; k >= 0; k--) {
        const char *u = ev_tok(s, k)->upos;
        if (k == subj || !u || (strcmp(u, "NOUN") != 0 && strcmp(u, "PROPN") != 0) ||
            rel_is(s, k, "compound") || rel_is(s, k, "flat"))
            continue;
        char country[4];
        if (actor_code_country(actor_of(s, k, actors).code, country) &&
            strcmp(country, "---") != 0 && strcmp(country, "IGO") != 0)
            return keep(s, country);
    }
    return NULL;
}

/* "arrested Putin's nephew": a relative of someone holds no office of theirs; a private
 * person of their country. */
static const char *const kin[] = {
    "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "nephew",
    "niece", "cousin", "uncle", "aunt", "grandson", "granddaughter", "child", "family",
    "relative", "widow", "parent", "stepson", "stepdaughter", NULL};

bool ev_kin_of(const ev_sentence *s, int32_t t)
{
    int32_t h = ev_head(s, t);
    return h >= 0 && rel_exact(s, t, "nmod:poss") && ev_lemma_in(s, h, kin);
}

static ev_actor actor_of(const ev_sentence *s, int32_t h, const dyad_actor_dict *actors)
{
    ev_actor a = {.head = h};
    const dyad_doc *doc = s->doc;
    const char *u = ev_tok(s, h)->upos;
    if (!u || !(strcmp(u, "PROPN") == 0 || strcmp(u, "NOUN") == 0 || strcmp(u, "PRON") == 0 ||
                strcmp(u, "X") == 0 || strcmp(u, "ADJ") == 0))
        return a;
    if (strcmp(u, "NOUN") == 0 && (a.code = territory_owner(s, h, actors))) {
        a.start = ev_tok(s, ev_child(s, h, "nmod:poss"))->start; /* "its airspace" */
        a.end = ev_tok(s, h)->end;
        return a;
    }
    /* "the nomination for President", "ran for governor": a title alone after "for" is
     * the office, no one who holds it */
    static const char *const for_[] = {"for", NULL};
    dyad_actor_match office;
    if (ev_has_case(s, h, for_) && s->first_child[h] >= 0 &&
        s->next_sibling[s->first_child[h]] < 0 && rel_is(s, s->first_child[h], "case") &&
        ev_actor_lookup(s, actors, ev_tok(s, h)->start, ev_tok(s, h)->end, &office) &&
        !office.name[0] && office.role[0] && !office.country[0])
        return a;
    /* "thousands of people", "a group of protesters": the people counted */
    static const char *const counts[] = {"thousand", "thousands", "hundred", "hundreds",
                                         "dozen", "dozens", "million", "millions", "tens",
                                         "scores", "number", "group", "crowd", "crowds", NULL};
    if (strcmp(u, "NOUN") == 0 && ev_lemma_in(s, h, counts)) {
        static const char *const of[] = {"of", NULL};
        for (int32_t c = s->first_child[h]; c >= 0; c = s->next_sibling[c])
            if (rel_is(s, c, "nmod") && ev_has_case(s, c, of)) {
                ev_actor counted = ev_actor_of(s, c, actors);
                if (counted.code)
                    return counted;
            }
    }
    /* "a state of emergency", "the state of the economy": a condition, not a government
     * ("the State of Israel" is one) */
    if (strcmp(s->lemma[h], "state") == 0 && strcmp(u, "NOUN") == 0)
        for (int32_t c = s->first_child[h]; c >= 0; c = s->next_sibling[c])
            if (rel_is(s, c, "nmod") && ev_tok(s, c)->upos && strcmp(ev_tok(s, c)->upos, "NOUN") == 0)
                return a;
    if (stance_noun(s, h) || money_noun(s, h) || currency_prefix(s, h))
        return a;
    /* "Texas floods", "Catalonia apartment block fire kills three": a mishap is no one's,
     * whatever place its phrase names (a fire of a building or a forest; "Israeli fire",
     * "artillery fire" are shooting) */
    static const char *const fires[] = {"fire", NULL};
    static const char *const weapons[] = {"artillery", "gun", "rocket", "mortar", "tank",
                                          "sniper", "machine", "cannon", "missile", NULL};
    bool burnt = false;
    for (int32_t c = strcmp(u, "NOUN") == 0 && ev_lemma_in(s, h, fires) ? s->first_child[h] : -1;
         c >= 0 && !burnt; c = s->next_sibling[c])
        burnt = rel_is(s, c, "compound") && ev_tok(s, c)->upos &&
                strcmp(ev_tok(s, c)->upos, "NOUN") == 0 && !ev_lemma_in(s, c, weapons);
    if (strcmp(u, "NOUN") == 0 && (ev_lemma_in(s, h, ev_mishaps) || burnt))
        return a;
    /* "the president-elect", "the minister-designate": no office held yet, nor the
     * holder's */
    static const char *const to_be[] = {"elect", "designate", NULL};
    if (h >= 2 && ev_lemma_in(s, h, to_be) && strcmp(s->lower[h - 1], "-") == 0)
        return a;
    /* "Putin's nephew", "the son of the Iraqi president": a private person of the country */
    static const char *const of_whom[] = {"of", NULL};
    for (int32_t c = strcmp(u, "NOUN") == 0 && ev_lemma_in(s, h, kin) ? s->first_child[h] : -1;
         c >= 0; c = s->next_sibling[c]) {
        char kc[4];
        const char *cu = ev_tok(s, c)->upos; /* (a pronoun's relative is as before) */
        bool owner = rel_exact(s, c, "nmod:poss") ||
                     (rel_is(s, c, "nmod") && ev_has_case(s, c, of_whom));
        if (owner && cu && strcmp(cu, "PRON") != 0 &&
            actor_code_country(ev_actor_of(s, c, actors).code, kc) && strcmp(kc, "---") != 0) {
            int32_t lo = h, hi = h;
            ev_subtree(s, h, &lo, &hi);
            a.start = ev_tok(s, lo)->start, a.end = ev_tok(s, hi)->end;
            a.code = with_role(s, kc, "CVL");
            return a;
        }
    }
    uint32_t hstart = ev_tok(s, h)->start;
    for (size_t d = 0; d < doc->n_dates; d++) /* "on Friday" names no actor */
        if (doc->dates[d].start <= hstart && hstart < doc->dates[d].end)
            return a;
    int32_t lo, hi;
    bool common = strcmp(u, "NOUN") == 0;
    phrase_range(s, h, &lo, &hi, common);
    uint32_t pstart = ev_tok(s, lo)->start, pend = ev_tok(s, hi)->end;
    a.start = pstart;
    a.end = pend;
    /* the mention stage knows the document: surnames, titles, earlier full names */
    const dyad_mention *inside = NULL, *owner = NULL;
    for (size_t i = s->mention_first; i < s->mention_end; i++) {
        const dyad_mention *m = &doc->actors[i];
        /* a person's full name the mention stage could not code is nobody the
         * dictionary knows: "Sudesh Amman" is no Jordan */
        if (!m->code && m->type && strcmp(m->type, "person") == 0 && m->name &&
            strchr(m->name, ' ') && m->start <= hstart && hstart < m->end)
            return a;
        /* nor is a document named after a city the mention stage left uncoded: "the
         * Paris Agreement", "the Minsk agreements" */
        if (!m->code && m->type && strcmp(m->type, "place") == 0 && m->start >= pstart &&
            m->end <= pend && actor_document_word(s->lemma[h], strlen(s->lemma[h])))
            return a;
        /* nor is a place it left uncoded named after one: "the Sea of Japan", "the South
         * China Sea" */
        if (!m->code && m->type && strcmp(m->type, "place") == 0 && m->name &&
            (strstr(m->name, " of ") || water_name(m->name)) && m->start <= hstart &&
            hstart < m->end)
            return a;
        if (!m->code || m->end <= pstart || m->start >= pend)
            continue;
        if (m->start <= hstart && hstart < m->end) {
            const char *near = nearer_actor(s, h, m, actors);
            a.code = near ? near : mention_code(s, m);
            /* "Burkina Faso's junta" with the role a name of its own: the owner's */
            int32_t poss = actor_code_is_role(m->code) ? ev_child(s, h, "nmod:poss") : -1;
            char oc[4];
            if (!near && poss >= 0 && actor_code_country(ev_actor_of(s, poss, actors).code, oc) &&
                strcmp(oc, "---") != 0)
                a.code = with_role(s, keep(s, oc), m->code);
            return a;
        }
        /* "his licence" is no act toward him: a possessive names no actor by itself,
         * only the country of a role ("its troops") */
        bool pronoun = m->form && strcmp(m->form, "pronoun") == 0;
        if (!inside && !pronoun)
            inside = m;
        if (!owner && pronoun)
            owner = m;
    }
    /* "a decree banning anyone wearing a niqab": the public at large, a word of the
     * agents dictionary (civilians), to whom things are done; "anyone who helps Israel"
     * is a condition and "everybody wants to attack you" a manner of speaking, no one */
    static const char *const public_at_large[] = {"anyone", "anybody", "everyone",
                                                  "everybody", NULL};
    if (strcmp(u, "PRON") == 0 &&
        (!ev_lemma_in(s, h, public_at_large) || ev_child(s, h, "acl:relcl") >= 0 ||
         ev_rel_starts(s, h, "nsubj"))) {
        a.code = speaker_code(s, h, actors);
        if (!a.code)
            a.code = owner_before(s, h, actors);
        return a;
    }
    /* "his country would leave", "its nation": the owner's country itself; "rejected his
     * proposal", "criticized her remarks": what one proposed or said is, as with a name
     * ("Macron's proposal"), one's own position, and acting on it acts on one */
    static const char *const homeland[] = {"country", "nation", NULL};
    static const char *const said[] = {
        "proposal", "suggestion", "plan", "remark", "comment", "statement", "claim",
        "demand", "request", "offer", "idea", "position", "stance", "argument",
        "allegation", "accusation", "policy", "decision", "words", NULL};
    bool home = common && ev_lemma_in(s, h, homeland);
    int32_t part = common ? h : of_part(s, h); /* "many of his suggestions" */
    if (part >= 0 && owner && !inside && ev_lemma_in(s, part, said) &&
        !named_before(s, owner)) {
        const char *near = nearer_owner(s, part, owner, actors);
        a.code = near ? near : mention_code(s, owner);
        return a;
    }
    const char *whose = home ? nearer_owner(s, h, owner, actors) : NULL;
    if (!whose && home && owner)
        whose = mention_code(s, owner);
    char hc[4];
    if (whose && actor_code_country(whose, hc) && strcmp(hc, "---") != 0 &&
        strcmp(hc, "IGO") != 0) {
        a.code = keep(s, hc);
        return a;
    }
    /* "the leaders of Rwanda and Congo", "the leader of Rwanda": a country's leader with
     * nothing else said of him rules it ("the opposition leader" does not) */
    static const char *const of[] = {"of", NULL};
    for (int32_t c = common && plain_ruler(s, h) ? s->first_child[h] : -1; c >= 0;
         c = s->next_sibling[c]) {
        const char *country = rel_is(s, c, "nmod") && ev_has_case(s, c, of)
                                  ? ev_actor_of(s, c, actors).code
                                  : NULL;
        if (country && strlen(country) == 3 && strcmp(country, "---") != 0 &&
            strcmp(country, "IGO") != 0) {
            a.code = with_role(s, country, "GOV");
            return a;
        }
    }
    /* "Lawmakers in Arnor", "the Calenardhon government": role and country together */
    dyad_actor_match m;
    /* a common noun is an actor by its own word ("government", "troops"), not by an
     * adjective beside it ("an official visit") */
    bool matched = ev_actor_lookup(s, actors, pstart, pend, &m);
    bool found = matched && !in_place_phrase(s, h, pstart + m.start) &&
                 (!common || m.country[0] ||
                  nominal_match(s, h, lo, hi, pstart + m.start, pstart + m.end));
    /* "shoot man dead after 'terrorist-related' knife attack in London": a long phrase
     * whose match lies deep inside it, in a clause on the head, leaves the head noun's own
     * word to say who (words on the head itself still decide: "tunisian rioters in the
     * Egyptian square", "an official visit") */
    const dyad_token *ht = ev_tok(s, h);
    bool deep = !found && matched && common; /* (the cheap tests first: this runs often) */
    for (int32_t i = lo; deep && i <= hi; i++)
        if (ev_tok(s, i)->start <= pstart + m.start && pstart + m.start < ev_tok(s, i)->end)
            deep = ev_head(s, i) != h && i != h;
    for (int32_t c = s->first_child[h]; deep && c >= 0; c = s->next_sibling[c])
        deep = !(rel_is(s, c, "nmod") && !rel_exact(s, c, "nmod:poss"));
    if (deep && ev_actor_lookup(s, actors, ht->start, ht->end, &m)) {
        pstart = ht->start, pend = ht->end;
        found = true;
    }
    if (found) {
        /* "Sweden's NATO bid": a name modifying the noun says what it is about, its
         * owner who holds it */
        int32_t poss = common && m.name[0] && pstart + m.end <= ev_tok(s, h)->start
                           ? ev_child(s, h, "nmod:poss")
                           : -1;
        const char *holder = poss >= 0 ? ev_actor_of(s, poss, actors).code : NULL;
        if (holder && strncmp(holder, m.code, 3) != 0) { /* not "Israel's Mossad chief" */
            a.code = holder;
            return a;
        }
        if (common && m.name[0] && pstart + m.end <= ev_tok(s, h)->start &&
            (a.code = followers_code(s, h, m.code)))
            return a;
        /* "Chinese leader Xi Jinping" with the name the title's apposition: a country
         * alone says less than the name */
        int32_t ap = common && !m.role[0] ? coded_apposition(s, h, actors) : -1;
        if (ap >= 0 && ev_mention_typed(s, ap, "person") &&
            strncmp(ev_actor_of(s, ap, actors).code, m.code, 3) == 0) {
            a.code = ev_actor_of(s, ap, actors).code;
            return a;
        }
        if (m.country[0]) {
            a.code = keep(s, m.code);
            return a;
        }
        /* "Artsakh soldiers", "Tigrayan forces": a name no dictionary knows says whose
         * they are, not the place they are in nor the story's country; "foreign forces"
         * are someone else's */
        static const char *const foreign[] = {"foreign", NULL}; /* "foreign forces" */
        static const char *const of_for_at[] = {"of", "for", "at", NULL};
        bool named = false;
        for (int32_t c = s->first_child[h]; c >= 0 && common && !named; c = s->next_sibling[c])
            named = ((rel_is(s, c, "compound") || rel_is(s, c, "amod")) && c < h &&
                     ev_tok(s, c)->upos && strcmp(ev_tok(s, c)->upos, "PROPN") == 0 &&
                     !ev_actor_of(s, c, actors).code) ||
                    (rel_is(s, c, "amod") && ev_lemma_in(s, c, foreign)) ||
                    /* "a spokesman for the PMF": of a body no dictionary knows */
                    (rel_is(s, c, "nmod") && ev_has_case(s, c, of_for_at) && c > h &&
                     capitalized_name(s, c) && !ev_mention_typed(s, c, "person") &&
                     !ev_actor_of(s, c, actors).code);
        /* "lawmakers in Arnor": the role of the noun, the country of its modifier */
        for (int32_t c = s->first_child[h]; c >= 0 && common && !named; c = s->next_sibling[c]) {
            if (!rel_is(s, c, "nmod") || rel_exact(s, c, "nmod:poss") || names_victim(s, h, c))
                continue;
            ev_actor inner = ev_actor_of(s, c, actors);
            /* "protesters near parliament": a place of no known country owns no one */
            if (inner.code && strncmp(inner.code, "---", 3) != 0) {
                a.code = with_role(s, inner.code, m.code);
                a.end = inner.end > a.end ? inner.end : a.end;
                return a;
            }
        }
        /* "Republican senators", "Democratic lawmakers": the capitalised adjective of a
         * US party before a role is the US's, unless a story not on the US names another
         * country in the sentence (a party's full name is a proper noun: "Democratic
         * Progressive Party") */
        static const char *const us_party[] = {"republican", "democratic", NULL};
        for (int32_t c = s->first_child[h]; c >= 0 && common && !named; c = s->next_sibling[c])
            if (rel_is(s, c, "amod") && c < h && ev_tok(s, c)->upos &&
                strcmp(ev_tok(s, c)->upos, "ADJ") == 0 && ev_lemma_in(s, c, us_party) &&
                isupper((unsigned char)doc->text[ev_tok(s, c)->start]) &&
                (strcmp(s->country, "USA") == 0 || strcmp(named_country(s), "---") == 0 ||
                 strcmp(named_country(s), "USA") == 0)) {
                a.code = with_role(s, "USA", m.code);
                return a;
            }
        /* "its troops" after "the Russian Defence Ministry said": the owner's country, the
         * noun's own role; a name inside the phrase keeps its code ("Kremlin officials") */
        char oc[4];
        const char *near = !inside ? nearer_owner(s, h, owner, actors) : NULL;
        if (near && actor_code_country(near, oc)) {
            a.code = with_role(s, keep(s, oc), m.code);
            return a;
        }
        if (!inside && owner && actor_code_country(mention_code(s, owner), oc)) {
            a.code = with_role(s, keep(s, oc), m.code);
            return a;
        }
        if (inside || owner) {
            a.code = with_role(s, mention_code(s, inside ? inside : owner), m.code);
            return a;
        }
        /* "the army", "police": the country the article is about, else unknown */
        if (actor_code_is_transnational(m.code)) {
            a.code = keep(s, m.code);
            return a;
        }
        /* "Danish media and government": a bare conjunct shares the first one's country */
        int32_t first = rel_is(s, h, "conj") ? ev_head(s, h) : -1;
        char cc[4];
        const char *fu = first >= 0 ? ev_tok(s, first)->upos : NULL;
        if (fu && strcmp(fu, "NOUN") == 0 && first < h && bare_noun(s, h) &&
            actor_code_country(ev_actor_of(s, first, actors).code, cc)) {
            a.code = with_role(s, cc, m.code);
            return a;
        }
        char buf[64];
        snprintf(buf, sizeof buf, "%s%s", named ? "---" : role_country(s, m.code),
                 m.code);
        a.code = keep(s, buf);
        return a;
    }
    /* "his former rival, Joe Biden", "Putin's opponent, Alexei Navalny": the apposition
     * names who the noun is */
    int32_t ap = common ? coded_apposition(s, h, actors) : -1;
    if (ap >= 0) {
        ev_actor named = ev_actor_of(s, ap, actors);
        a.code = named.code;
        a.end = named.end > a.end ? named.end : a.end;
        return a;
    }
    if (inside && !in_place_phrase(s, h, inside->start)) {
        a.code = NULL;
        if (common && inside->end <= ev_tok(s, h)->start && inside->type &&
            strcmp(inside->type, "person") == 0)
            a.code = followers_code(s, h, mention_code(s, inside));
        if (!a.code)
            a.code = mention_code(s, inside);
        return a;
    }
    if (common && (a.code = doer_of_act(s, h)))
        a.doers = true;
    return a;
}

ev_actor ev_actor_arg(const ev_sentence *s, ev_arg arg, const dyad_actor_dict *actors)
{
    if (arg.role <= EV_PAIR) {
        ev_actor a = ev_actor_of(s, arg.head, actors);
        a.code = pair_member(s, arg.head, EV_PAIR - arg.role);
        /* "the foreign ministers of both countries": each country's, in the role */
        int32_t r = ev_head(s, arg.head), lo = r;
        for (int32_t c = r >= 0 && rel_is(s, arg.head, "nmod") ? s->first_child[r] : -1;
             c >= 0 && c < r; c = s->next_sibling[c])
            if ((rel_is(s, c, "amod") || rel_is(s, c, "compound")) && c < lo)
                lo = c;
        dyad_actor_match m;
        if (a.code && r >= 0 && lo >= 0 && r < arg.head) {
            if (ev_actor_lookup(s, actors, ev_tok(s, lo)->start, ev_tok(s, r)->end, &m) &&
                !m.country[0])
                a.code = with_role(s, a.code, m.code);
            else if (ev_lemma_in(s, r, ruler_nouns)) /* "the leaders of the two countries" */
                a.code = with_role(s, a.code, "GOV");
        }
        return a;
    }
    ev_actor a = ev_actor_of(s, arg.head, actors);
    if (arg.role < 0 || !a.code)
        return a;
    /* "the ambassadors of Arnor, Osgiliath and Gondor": each member takes the role */
    int32_t lo = arg.role;
    /* the role's own words before it ("the foreign ministers"), not the members
     * themselves ("US and British activists") */
    for (int32_t c = s->first_child[arg.role]; c >= 0 && c < arg.role; c = s->next_sibling[c])
        if (c < lo && c != arg.head && ev_child(s, c, "conj") < 0 &&
            ev_head(s, arg.head) != c && !rel_is(s, c, "case"))
            lo = c;
    dyad_actor_match m;
    uint32_t rstart = ev_tok(s, lo)->start, rend = ev_tok(s, arg.role)->end;
    if (ev_actor_lookup(s, actors, rstart, rend, &m) && !m.country[0])
        a.code = with_role(s, a.code, m.code);
    else if (strlen(a.code) == 3 && plain_ruler(s, arg.role))
        a.code = with_role(s, a.code, "GOV"); /* "the leaders of Rwanda and Congo" */
    /* the evidence is the member with its role: "US ... activists" */
    if (rstart < a.start)
        a.start = rstart;
    if (rend > a.end)
        a.end = rend;
    return a;
}

/* Whether h is a plural noun of parties counted as two: "the two countries", "both
 * sides", "the two leaders". */
static bool pair_noun(const ev_sentence *s, int32_t h)
{
    static const char *const parties[] = {"country", "nation", "side", "leader",
                                          "government", "president", "neighbor",
                                          "neighbour", NULL};
    if (!ev_lemma_in(s, h, parties) || strcmp(s->lower[h], s->lemma[h]) == 0)
        return false;
    for (int32_t c = s->first_child[h]; c >= 0; c = s->next_sibling[c])
        if (((rel_is(s, c, "det") || rel_is(s, c, "cc")) && strcmp(s->lower[c], "both") == 0) ||
            (rel_is(s, c, "nummod") && strcmp(s->lower[c], "two") == 0))
            return true;
    return false;
}

/* Whether the word before byte offset at says where ("met in Nairobi"): a place named
 * there is no party. */
static bool after_place_word(const dyad_doc *doc, uint32_t at)
{
    static const char *const where[] = {"in", "at", "near", "outside", "to", "from", "into",
                                        NULL};
    uint32_t end = at;
    while (end > 0 && doc->text[end - 1] == ' ')
        end--;
    uint32_t start = end;
    while (start > 0 && doc->text[start - 1] >= 'a' && doc->text[start - 1] <= 'z')
        start--;
    for (const char *const *w = where; *w; w++)
        if (end - start == strlen(*w) && memcmp(doc->text + start, *w, end - start) == 0)
            return true;
    return false;
}

/* Member i (0, 1) of the two countries named last before pair noun h, in its sentence or
 * the two before; a government for "leaders", "presidents" and "governments"; NULL when
 * fewer than two are named. */
static const char *pair_member(const ev_sentence *s, int32_t h, int i)
{
    /* the two of this sentence; else the two of the two before, when this one names a
     * third ("Rubio spoke with the ministers of both countries" after India and
     * Pakistan); else the last two of all three */
    const char *code = pair_member_since(s, h, i, 0, false);
    if (!code)
        code = pair_member_since(s, h, i, 2, true);
    return code ? code : pair_member_since(s, h, i, 2, false);
}

/* pair_member over the mentions before h of this sentence and the back before it (not
 * this one's when before_only). */
typedef struct naming { uint32_t at; int weight; char country[4]; } naming;

/* The coded mention of doc's sentence si that covers token t, or NULL. */
static const dyad_mention *coded_mention_at(const dyad_doc *doc, int32_t si, uint32_t t)
{
    const dyad_token *tok = &doc->tokens[t];
    for (size_t k = 0; k < doc->n_actors; k++) {
        const dyad_mention *m = &doc->actors[k];
        if (m->sentence == si && m->code && m->start <= tok->start && tok->end <= m->end)
            return m;
    }
    return NULL;
}

/* Whether mention m is coordinated with another coded one: a party of a pair named so
 * ("Iran and the United States held talks"). */
static bool coordinated(const dyad_doc *doc, const dyad_mention *m)
{
    if (m->sentence < 0 || (size_t)m->sentence >= doc->n_sentences)
        return false;
    const dyad_sentence *ds = &doc->sentences[m->sentence];
    for (uint32_t t = ds->first; t < ds->first + ds->count; t++) {
        const dyad_token *tok = &doc->tokens[t];
        if (!tok->deprel || strcmp(tok->deprel, "conj") != 0 || tok->head < 0)
            continue;
        const dyad_mention *a = coded_mention_at(doc, m->sentence, t);
        const dyad_mention *b = coded_mention_at(doc, m->sentence, (uint32_t)tok->head);
        if (a && b && a != b && (a == m || b == m))
            return true;
    }
    return false;
}

static const char *pair_member_since(const ev_sentence *s, int32_t h, int i, int back,
                                     bool before_only)
{
    static const char *const rulers[] = {"leader", "government", "president", NULL};
    const dyad_doc *doc = s->doc;
    int32_t here = (int32_t)s->index;
    uint32_t at = ev_tok(s, h)->start;
    naming seen[64];
    size_t n = 0;
    for (size_t k = 0; k < doc->n_actors && n < 64; k++) {
        const dyad_mention *m = &doc->actors[k];
        if (m->start >= at || m->sentence < here - back || (before_only && m->sentence == here) ||
            !actor_code_country(m->code, seen[n].country) ||
            strcmp(seen[n].country, "---") == 0 || after_place_word(doc, m->start))
            continue;
        seen[n].weight = coordinated(doc, m) ? 4 : 2; /* "Iran and the United States" */
        seen[n++].at = m->start;
    }
    /* and the peoples' adjectives, which name no mention ("Indian airlines"), at half
     * the weight: a mediator's "Omani minister" is no party */
    for (int32_t si = here - back < 0 ? 0 : here - back; si <= here && n < 64; si++) {
        const dyad_sentence *ds = &doc->sentences[si];
        for (uint32_t t = ds->first; t < ds->first + ds->count && n < 64; t++) {
            const dyad_token *tok = &doc->tokens[t];
            dyad_actor_match m;
            if (tok->start >= at || (before_only && si == here) || !tok->upos ||
                strcmp(tok->upos, "ADJ") != 0 || !(doc->text[tok->start] >= 'A' &&
                                                   doc->text[tok->start] <= 'Z') ||
                !ev_actor_lookup(s, s->actors, tok->start, tok->end, &m) || !m.country[0] ||
                !actor_code_country(m.code, seen[n].country))
                continue;
            seen[n].weight = 1;
            seen[n++].at = tok->start;
        }
    }
    /* the two countries named most, the later named on a tie */
    char cc[2][4] = {"", ""};
    int best[2] = {0, 0};
    uint32_t last[2] = {0, 0}, first[2] = {0, 0};
    for (size_t k = 0; k < n; k++) {
        int score = 0;
        uint32_t latest = 0, earliest = UINT32_MAX;
        bool done = false;
        for (size_t j = 0; j < n && !done; j++) {
            if (strcmp(seen[j].country, seen[k].country) != 0)
                continue;
            done = j < k; /* counted at its first naming */
            score += seen[j].weight;
            latest = seen[j].at >= latest ? seen[j].at + 1 : latest;
            earliest = seen[j].at < earliest ? seen[j].at : earliest;
        }
        if (done)
            continue;
        int slot = score > best[0] || (score == best[0] && latest > last[0]) ? 0
                   : score > best[1] || (score == best[1] && latest > last[1]) ? 1
                                                                              : -1;
        if (slot == 0) /* the leader steps down to second */
            memcpy(cc[1], cc[0], 4), best[1] = best[0], last[1] = last[0], first[1] = first[0];
        if (slot >= 0) {
            memcpy(cc[slot], seen[k].country, 4);
            best[slot] = score, last[slot] = latest, first[slot] = earliest;
        }
    }
    if (!cc[0][0] || !cc[1][0])
        return NULL;
    int one = first[0] < first[1] ? 0 : 1; /* in the order they were named */
    const char *code = keep(s, cc[i == 0 ? one : 1 - one]);
    return ev_lemma_in(s, h, rulers) ? with_role(s, code, "GOV") : code;
}

/* The arguments a phrase headed by h names: h and the nouns coordinated with it
 * ("Russia and China"), or the members of "the ambassadors of A, B and C". */
static size_t with_conjuncts(const ev_sentence *s, int32_t h, ev_arg *out, size_t n, size_t max)
{
    if (n + 2 <= max && pair_noun(s, h) && pair_member(s, h, 0)) {
        out[n++] = (ev_arg){h, EV_PAIR};
        out[n++] = (ev_arg){h, EV_PAIR - 1};
        return n;
    }
    static const char *const member_of[] = {"of", "from", "in", NULL};
    const char *u = ev_tok(s, h)->upos;
    if (u && strcmp(u, "NOUN") == 0) {
        for (int32_t c = s->first_child[h]; c >= 0; c = s->next_sibling[c]) {
            /* "the ambassadors of A and B", "A and B leaders", "A and B's ministers" */
            bool member = (rel_is(s, c, "nmod") && ev_has_case(s, c, member_of)) ||
                          rel_is(s, c, "compound") || rel_is(s, c, "amod") ||
                          rel_exact(s, c, "nmod:poss");
            if (!member || (ev_child(s, c, "conj") < 0 && !pair_noun(s, c)))
                continue;
            size_t before = n;
            n = with_conjuncts(s, c, out, n, max);
            size_t members = n - before;
            for (size_t k = before; k < n; k++)
                if (out[k].role == -1) /* "the leaders of the two countries": the pair's */
                    out[k].role = h;
            /* "lawmakers and officials in A and B": a bare noun coordinated with the
             * role is a role of the same members */
            for (int32_t r = s->first_child[h]; r >= 0; r = s->next_sibling[r])
                if (rel_is(s, r, "conj") && bare_noun(s, r))
                    for (size_t k = before; k < before + members && n < max; k++)
                        out[n++] = (ev_arg){out[k].head, r};
            return n;
        }
    }
    if (n < max)
        out[n++] = (ev_arg){h, -1};
    for (int32_t c = s->first_child[h]; c >= 0 && n < max; c = s->next_sibling[c])
        if (rel_is(s, c, "conj") && !clause_boundary(s, c))
            n = with_conjuncts(s, c, out, n, max);
    return n;
}

size_t ev_with_conjuncts(const ev_sentence *s, int32_t h, ev_arg *out, size_t n, size_t max)
{
    return with_conjuncts(s, h, out, n, max);
}

/* Whether c is a prepositional dependent with one of the given case words. */
static bool is_oblique(const ev_sentence *s, int32_t c, const char *const *preps)
{
    if (!rel_is(s, c, "obl") && !rel_is(s, c, "nmod"))
        return false;
    if (rel_exact(s, c, "obl:agent") || rel_exact(s, c, "obl:tmod"))
        return false;
    /* "criticised the arrest on social media", "said on state television": where words
     * were said, not to whom */
    static const char *const on[] = {"on", "via", NULL};
    static const char *const media[] = {"media", "twitter", "facebook", "instagram", "telegram",
                                        "youtube", "tiktok", "television", "tv", "radio",
                                        "website", "podcast", "platform", NULL};
    if (ev_lemma_in(s, c, media) && ev_has_case(s, c, on))
        return false;
    return ev_has_case(s, c, preps);
}

/* Object of a preposition child of v with one of the given case words. */
static int32_t oblique(const ev_sentence *s, int32_t v, const char *const *preps)
{
    for (int32_t c = s->first_child[v]; c >= 0; c = s->next_sibling[c])
        if (is_oblique(s, c, preps))
            return c;
    return -1;
}

/* The first noun modifier below n (depth levels down) that names a coded actor. */
static int32_t nominal_actor(const ev_sentence *s, int32_t n, int depth,
                             const dyad_actor_dict *actors)
{
    if (depth <= 0)
        return -1;
    /* "condemned the killing of civilians by Israeli forces": an act toward a deed is
     * toward its doer */
    static const char *const by[] = {"by", NULL};
    for (int32_t c = s->first_child[n]; c >= 0; c = s->next_sibling[c])
        if (rel_is(s, c, "nmod") && ev_has_case(s, c, by) && ev_actor_of(s, c, actors).code)
            return c;
    for (int32_t c = s->first_child[n]; c >= 0; c = s->next_sibling[c]) {
        /* "the roads leading into Mordor": through a participle, to its object; not into
         * what a claim or report says ("rejected claims that it had used civilians") */
        static const char *const content[] = {"that", "whether", "if", NULL};
        int32_t mark = rel_is(s, c, "acl") ? ev_child(s, c, "mark") : -1;
        if (mark >= 0 && ev_lemma_in(s, mark, content))
            continue;
        if (rel_is(s, c, "acl") && !rel_is(s, c, "acl:relcl")) {
            for (int32_t g = s->first_child[c]; g >= 0; g = s->next_sibling[g])
                if ((rel_is(s, g, "obj") || rel_is(s, g, "obl")) && !s->temporal[g] &&
                    ev_actor_of(s, g, actors).code)
                    return g; /* (not when: "plans to begin it following Trump's loss") */
            continue;
        }
        /* "two terms as mayor" says what the subject was; "according to an official"
         * who says it, wherever the parse hung it */
        static const char *const as[] = {"as", "according", NULL};
        if (!rel_is(s, c, "nmod") || rel_exact(s, c, "nmod:poss") || rel_exact(s, c, "nmod:tmod") ||
            ev_has_case(s, c, as))
            continue;
        if (names_victim(s, n, c))
            continue;
        if (ev_actor_of(s, c, actors).code)
            return c;
        int32_t deeper = nominal_actor(s, c, depth - 1, actors);
        if (deeper >= 0)
            return deeper;
    }
    return -1;
}

void ev_subtree(const ev_sentence *s, int32_t h, int32_t *lo, int32_t *hi)
{
    if (h < *lo)
        *lo = h;
    if (h > *hi)
        *hi = h;
    for (int32_t c = s->first_child[h]; c >= 0; c = s->next_sibling[c])
        ev_subtree(s, c, lo, hi);
}

/* The noun a relative pronoun stands for: "Siarhei, who was arrested" -> Siarhei. */
static int32_t antecedent(const ev_sentence *s, int32_t h, int32_t v)
{
    static const char *const relative[] = {"who", "whom", "which", "that", NULL};
    bool rel = false;
    for (const char *const *r = relative; *r && !rel; r++)
        rel = strcmp(s->lower[h], *r) == 0;
    for (int32_t x = v, depth = 0; rel && x >= 0 && depth < 4; depth++) {
        if (rel_exact(s, x, "acl:relcl"))
            return ev_head(s, x) >= 0 ? ev_head(s, x) : h;
        if (!rel_is(s, x, "conj") && !rel_is(s, x, "xcomp"))
            break;
        x = ev_head(s, x); /* "who was arrested and banned" */
    }
    return h;
}

static const char *const by_case[] = {"by", NULL};

/* Headline style: the document's title, or a line with no final full stop (a caption). */
static bool headline(const ev_sentence *s)
{
    const dyad_doc *doc = s->doc;
    if (doc->title && ev_tok(s, 0)->start < strlen(doc->title))
        return true;
    const char *last = s->lower[s->count - 1];
    return strcmp(last, ".") != 0 && strcmp(last, "!") != 0 && strcmp(last, "?") != 0 &&
           strcmp(last, "\"") != 0 && strcmp(last, "”") != 0;
}

/* Whether v is a past participle: tagged so, or tagged past tense where only a participle
 * can stand, describing a noun with no subject or object of its own ("95 civilians, and
 * hundreds of Taliban killed"; English has no reduced relative clause in the past
 * tense). */
static bool past_participle(const ev_sentence *s, int32_t v)
{
    const char *x = ev_tok(s, v)->xpos;
    if (x && strcmp(x, "VBN") == 0)
        return true;
    return x && strcmp(x, "VBD") == 0 && rel_exact(s, v, "acl") && ev_child(s, v, "nsubj") < 0 &&
           ev_child(s, v, "obj") < 0; /* "states filed a lawsuit" is a main verb */
}

/* A count of people a verb that must act on someone leaves without an object: the
 * casualties of a list, "officials reporting 150 security forces, 95 civilians, and
 * hundreds of Taliban killed" (no one kills without a victim). */
static bool counted_victims(const ev_sentence *s, int32_t v)
{
    static const char *const harms[] = {"kill", "injure", "wound", "arrest", "detain",
                                        "abduct", "kidnap", "execute", "behead", NULL};
    static const char *const counts[] = {"hundred", "dozen", "thousand", "score", "ten",
                                         "number", NULL};
    int32_t subj = ev_child(s, v, "nsubj");
    if (!ev_lemma_in(s, v, harms) || rel_is(s, v, "acl") || subj < 0)
        return false;
    return ev_child(s, subj, "nummod") >= 0 || ev_lemma_in(s, subj, counts);
}

/* A headline's passive: "Two soldiers killed in Ukraine" parsed with "soldiers" as the
 * subject of a bare participle, with no auxiliary and nothing it acts on. In running
 * text such a participle is a main verb the tagger took for VBN ("The Court ruled in
 * favour"), and with an object it is that anywhere ("Rebels killed two soldiers"). */
bool ev_bare_participle(const ev_sentence *s, int32_t v)
{
    static const char *const rels[] = {"aux", "obj", "iobj", "ccomp", "xcomp", "expl", NULL};
    const char *x = ev_tok(s, v)->xpos;
    /* a title's past tense of a regular verb is its participle: "Osama bin Laden's son
     * killed" (titles report in the present) */
    const dyad_doc *doc = s->doc;
    size_t n = strlen(s->lower[v]);
    bool title = doc->title && ev_tok(s, 0)->start < strlen(doc->title);
    bool counted = counted_victims(s, v);
    bool participle = x && (strcmp(x, "VBN") == 0 || (counted && strcmp(x, "VBD") == 0) ||
                            (title && strcmp(x, "VBD") == 0 && n > 2 &&
                             strcmp(s->lower[v] + n - 2, "ed") == 0));
    if (!participle || ev_child(s, v, "nsubj") < 0 || rel_is(s, v, "conj") ||
        (!headline(s) && !counted))
        return false;
    for (const char *const *r = rels; *r; r++)
        if (ev_child(s, v, *r) >= 0)
            return false;
    return true;
}

/* "Iraq's national security advisor met with Assad" parsed as a noun with a participle:
 * the sentence's root is a noun and the participle acts on something ("with Assad",
 * an object), so it is the main verb the tagger took for VBN; "Two soldiers killed in
 * Ukraine" acts on nothing and stays passive. */
static bool main_verb_mistagged(const ev_sentence *s, int32_t v)
{
    static const char *const relational[] = {"with", "to", "against", NULL};
    const char *x = ev_tok(s, v)->xpos;
    int32_t h = ev_head(s, v), g = h >= 0 ? ev_head(s, h) : -1;
    /* (or the noun is a second subject of the verb after it: "Israeli forces killed 20
     * people, the ministry said" with "forces" a subject of "said") */
    bool second_subject = false;
    for (int32_t c = g > v && rel_exact(s, h, "nsubj") ? s->first_child[g] : -1; c >= 0;
         c = s->next_sibling[c])
        second_subject = second_subject || (c != h && c > v && rel_exact(s, c, "nsubj"));
    /* a participle with an object of its own is active wherever the noun hangs ("A jury
     * convicted Blankenship ..."), unless the verb takes two ("the soldier awarded the
     * medal") */
    static const char *const two_objects[] = {"give", "award", "grant", "offer", "send", "show",
                                              "tell", "ask", "promise", "deny", "pay", "hand",
                                              "lend", "teach", "allow", "assign", "name",
                                              "call", "elect", "appoint", NULL};
    if (!rel_is(s, v, "acl") || rel_exact(s, v, "acl:relcl") || !x || !past_participle(s, v) ||
        h < 0 || h > v || ev_child(s, v, "obl:agent") >= 0 || ev_child(s, v, "aux:pass") >= 0)
        return false;
    bool active = ev_child(s, v, "obj") >= 0 && !ev_lemma_in(s, v, two_objects) &&
                  (rel_is(s, h, "nsubj") || rel_is(s, h, "dislocated") ||
                   rel_is(s, h, "appos") || rel_is(s, h, "root"));
    if (g >= 0 && !second_subject && !active)
        return false;
    return ev_child(s, v, "obj") >= 0 || oblique(s, v, relational) >= 0;
}

/* Whether v is a participle complement its head's object underwent: "found him
 * killed", "says Osama's son killed" (no "to": "asked him to leave" is done by him). */
static bool passive_complement(const ev_sentence *s, int32_t v)
{
    const char *x = ev_tok(s, v)->xpos;
    return rel_exact(s, v, "xcomp") && x && strcmp(x, "VBN") == 0 && ev_child(s, v, "mark") < 0 &&
           ev_child(s, v, "aux") < 0 && ev_head(s, v) >= 0 &&
           ev_child(s, ev_head(s, v), "obj") >= 0;
}

/* Whether v is a participle complement of a passive, which its subject underwent:
 * "twenty people were confirmed killed", "were reported killed". */
static bool passive_subject_complement(const ev_sentence *s, int32_t v)
{
    const char *x = ev_tok(s, v)->xpos;
    return rel_exact(s, v, "xcomp") && x && strcmp(x, "VBN") == 0 && ev_child(s, v, "mark") < 0 &&
           ev_child(s, v, "aux") < 0 && ev_head(s, v) >= 0 &&
           ev_child(s, ev_head(s, v), "nsubj:pass") >= 0;
}

/* Nouns of an intent or its means, which an infinitive or "of" clause after them
 * spells out: the act is their holder's ("has plans to attack", "took steps to"). */
static const char *const intent_nouns[] = {
    "plan", "intention", "intent", "decision", "bid", "attempt", "effort", "step",
    "readiness", "willingness", "commitment", "promise", "pledge", "threat", "move",
    "right", "ability", "desire", "wish", "aim", "goal", "ambition", "refusal", "failure", NULL};

int ev_intent_noun(const ev_sentence *s, int32_t n)
{
    static const char *const untried[] = {"bid", "attempt", "effort", "threat", "right",
                                          "ability", "desire", "wish", "ambition", NULL};
    static const char *const not_done[] = {"refusal", "failure", NULL};
    return !ev_lemma_in(s, n, intent_nouns) ? 0
           : ev_lemma_in(s, n, not_done)    ? 3
           : ev_lemma_in(s, n, untried)     ? 2
                                            : 1;
}

size_t ev_sources(const ev_sentence *s, int32_t v, ev_arg *out, size_t max)
{
    /* "The army was accused of killing civilians", "was charged with murdering": the
     * accused is who did what they are accused of */
    static const char *const accused[] = {"accuse", "blame", "charge", "suspect", "convict",
                                          NULL};
    static const char *const of_for[] = {"of", "for", "with", NULL};
    int32_t am = rel_is(s, v, "advcl") ? ev_child(s, v, "mark") : -1;
    int32_t ah = am >= 0 && ev_lemma_in(s, am, of_for) ? ev_head(s, v) : -1;
    if (ah >= 0 && ev_lemma_in(s, ah, accused) && ev_child(s, ah, "nsubj:pass") >= 0)
        return with_conjuncts(s, ev_child(s, ah, "nsubj:pass"), out, 0, max);
    bool raised = false; /* reached through an infinitive: "is scheduled to attend" */
    for (int depth = 0; depth < 6 && v >= 0; depth++) {
        if (ev_child(s, v, "nsubj:pass") >= 0 || ev_child(s, v, "aux:pass") >= 0) {
            /* "Obama is scheduled to attend", "politicians were reported by the media to
             * have visited": the passive's subject does the infinitive, not its agent */
            int32_t subj = raised ? ev_child(s, v, "nsubj:pass") : -1;
            if (subj >= 0)
                return with_conjuncts(s, antecedent(s, subj, v), out, 0, max);
            int32_t agent = ev_child(s, v, "obl:agent");
            return agent >= 0 ? with_conjuncts(s, agent, out, 0, max) : 0;
        }
        int32_t subj = ev_child(s, v, "nsubj");
        if (subj >= 0 && ev_bare_participle(s, v)) { /* the subject underwent it */
            int32_t agent = oblique(s, v, by_case);
            return agent >= 0 ? with_conjuncts(s, agent, out, 0, max) : 0;
        }
        if (subj >= 0) {
            size_t n = with_conjuncts(s, antecedent(s, subj, v), out, 0, max);
            /* "The US, Russia, and Switzerland met": a list the parse cut into two
             * subjects */
            for (int32_t c = s->first_child[v]; c >= 0 && n < max; c = s->next_sibling[c]) {
                if (c <= subj || !rel_exact(s, c, "nsubj") || ev_child(s, c, "cc") >= 0)
                    continue;
                int32_t lo = c, hi = c; /* "and the Taliban": the word before the phrase */
                ev_subtree(s, c, &lo, &hi);
                if (lo > 0 && strcmp(s->lower[lo - 1], "and") == 0)
                    n = with_conjuncts(s, c, out, n, max);
            }
            return n;
        }
        /* "X voted overwhelmingly to condemn": the infinitive of a vote or decision the
         * parse made an adverbial clause is done by its subject (other purpose clauses
         * are aims, not acts: "sent troops to protect") */
        static const char *const decide[] = {"vote", "decide", "resolve", "move", NULL};
        int32_t to_mark = rel_is(s, v, "advcl") ? ev_child(s, v, "mark") : -1;
        if (to_mark >= 0 && strcmp(s->lower[to_mark], "to") == 0 && ev_head(s, v) >= 0 &&
            ev_lemma_in(s, ev_head(s, v), decide)) {
            v = ev_head(s, v);
            continue;
        }
        /* "will travel to Washington to meet Biden": a purpose is its doer's aim, the
         * doer the verb's subject ("sent troops to protect": what is sent does it) */
        static const char *const moving[] = {"travel", "fly", "go", "come", "head", "arrive",
                                             "visit", "return", NULL};
        if (to_mark >= 0 && strcmp(s->lower[to_mark], "to") == 0 && ev_head(s, v) >= 0 &&
            ev_lemma_in(s, ev_head(s, v), moving)) {
            v = ev_head(s, v);
            continue;
        }
        /* "Russia is unlikely to attack", "ready to talk": the infinitive of an adjective
         * the parse made an adverbial clause is its subject's */
        const char *adj = v >= 0 && ev_head(s, v) >= 0 ? ev_tok(s, ev_head(s, v))->upos : NULL;
        if (to_mark >= 0 && strcmp(s->lower[to_mark], "to") == 0 && adj &&
            strcmp(adj, "ADJ") == 0) {
            v = ev_head(s, v);
            continue;
        }
        if (passive_complement(s, v) || passive_subject_complement(s, v)) {
            /* "says Osama's son killed", "were confirmed killed": by whom, if said */
            int32_t agent = oblique(s, v, by_case);
            if (agent < 0)
                agent = ev_child(s, v, "obl:agent");
            return agent >= 0 ? with_conjuncts(s, agent, out, 0, max) : 0;
        }
        /* "X vowed to attack", "X met and agreed": the subject of the governing verb;
         * but "asked Zelensky to investigate": its object (object control) */
        if (rel_is(s, v, "xcomp") || rel_is(s, v, "conj")) {
            bool control = rel_is(s, v, "xcomp");
            raised = control;
            v = ev_head(s, v);
            /* "The mayor of London, Sadiq Khan, thanked ...": a verb the parse conjoined
             * to a noun has that noun, with its apposition, for subject */
            const char *hu = v >= 0 && !control ? ev_tok(s, v)->upos : NULL;
            if (hu && (strcmp(hu, "NOUN") == 0 || strcmp(hu, "PROPN") == 0) &&
                ev_head(s, v) < 0) /* not "about ships, captains and clashes with" */
                return ev_child(s, v, "case") < 0 ? with_conjuncts(s, v, out, 0, max) : 0;
            int32_t obj = control && v >= 0 ? ev_child(s, v, "obj") : -1;
            if (obj < 0 && control && v >= 0)
                obj = ev_child(s, v, "iobj");
            /* "has plans to attack", "took steps to": an intent or means is no doer */
            if (obj >= 0 && ev_lemma_in(s, obj, intent_nouns))
                obj = -1;
            if (obj >= 0)
                return with_conjuncts(s, obj, out, 0, max);
            continue;
        }
        /* "the group that attacked": the noun the relative clause describes; but
         * "Kyiv, backed by the US": a participle's doer is its agent, if named */
        if (rel_is(s, v, "acl")) {
            if (main_verb_mistagged(s, v))
                return with_conjuncts(s, ev_head(s, v), out, 0, max);
            if (past_participle(s, v)) {
                int32_t agent = ev_child(s, v, "obl:agent");
                return agent >= 0 ? with_conjuncts(s, agent, out, 0, max) : 0;
            }
            int32_t h = ev_head(s, v), g = ev_instrument_maker(s, v);
            if (g >= 0) {
                v = g;
                continue;
            }
            /* "has no intention of invading", "Russia's plan to attack": whoever has
             * the intent */
            if (h >= 0 && ev_lemma_in(s, h, intent_nouns)) {
                int32_t owner = ev_child(s, h, "nmod:poss");
                if (owner >= 0)
                    return with_conjuncts(s, owner, out, 0, max);
                if (rel_is(s, h, "obj") && ev_head(s, h) >= 0) {
                    v = ev_head(s, h);
                    continue;
                }
                return 0;
            }
            return h >= 0 ? with_conjuncts(s, h, out, 0, max) : 0;
        }
        return 0;
    }
    return 0;
}

int32_t ev_instrument_maker(const ev_sentence *s, int32_t v)
{
    static const char *const instruments[] = {
        "decree", "law", "bill", "order", "resolution", "legislation", "ruling",
        "regulation", "directive", "ordinance", "amendment", "act",
        /* and the documents that speak for their writers: "issued a statement condemning
         * the strike", "signed a letter urging Biden" */
        "statement", "letter", "note", "communique", "communiqué", "declaration",
        "petition", "memo", "memorandum", "report", "message",
        /* and the signs of a protest for their carriers: "carrying placards asking the
         * government to revoke Article 50" */
        "placard", "banner", "sign", "poster", "slogan", NULL};
    static const char *const enact[] = {"sign", "issue", "pass", "enact", "adopt",
                                        "approve", "introduce", "impose", "unveil",
                                        "declare", "propose", "announce", "send", "write",
                                        "release", "publish", "deliver", "pen", "post",
                                        "circulate", "carry", "hold", "wave", "raise",
                                        "display", "chant", "shout", NULL};
    int32_t h = rel_is(s, v, "acl") && !rel_exact(s, v, "acl:relcl") ? ev_head(s, v) : -1;
    int32_t g = h >= 0 && rel_is(s, h, "obj") ? ev_head(s, h) : -1;
    return g >= 0 && ev_lemma_in(s, h, instruments) && ev_lemma_in(s, g, enact) ? g : -1;
}

/* Where what noun n names is sent, within depth nominal phrases: "a letter [to Biden]",
 * "doses of vaccine [to Samoa]"; not whom it counts ("thousands [of troops]"); -1 when
 * none. */
static int32_t sent_to(const ev_sentence *s, int32_t n, int depth, const dyad_actor_dict *actors)
{
    static const char *const to[] = {"to", "toward", "towards", NULL};
    for (int32_t c = s->first_child[n]; c >= 0 && depth > 0; c = s->next_sibling[c]) {
        if (!rel_is(s, c, "nmod"))
            continue;
        if (ev_has_case(s, c, to) && ev_actor_of(s, c, actors).code)
            return c;
        int32_t deeper = sent_to(s, c, depth - 1, actors);
        if (deeper >= 0)
            return deeper;
    }
    return -1;
}

bool ev_dispatch_verb(const ev_sentence *s, int32_t v)
{
    static const char *const dispatch[] = {"send", "deploy", "dispatch", "station", "redeploy",
                                           "withdraw", "pull", "supply", "deliver", "ship",
                                           "sell", "export", "transfer", "amass", "mass",
                                           "mobilize", "mobilise", "muster", "recall", "hand", NULL};
    return ev_lemma_in(s, v, dispatch);
}

size_t ev_targets(const ev_sentence *s, int32_t v, ev_arg *out, size_t max,
                  const dyad_actor_dict *actors)
{
    static const char *const preps[] = {"to", "with", "against", "on", "at", "toward",
                                        "towards", "into", "from", "for", "upon", "over",
                                        "of", "between", "about", "off", "around", NULL};
    static const char *const place[] = {"in", "outside", NULL};
    int32_t cand[12];
    size_t n = 0;
    if (ev_child(s, v, "nsubj:pass") >= 0)
        cand[n++] = antecedent(s, ev_child(s, v, "nsubj:pass"), v);
    else if (ev_bare_participle(s, v))
        cand[n++] = ev_child(s, v, "nsubj");
    /* "Kyiv, backed by the US": the participle is done to the noun it describes */
    if (passive_complement(s, v))
        cand[n++] = ev_child(s, ev_head(s, v), "obj");
    else if (passive_subject_complement(s, v)) /* "were reported killed" */
        cand[n++] = antecedent(s, ev_child(s, ev_head(s, v), "nsubj:pass"), v);
    if (rel_is(s, v, "acl") && past_participle(s, v) && ev_head(s, v) >= 0 &&
        !main_verb_mistagged(s, v))
        cand[n++] = ev_head(s, v);
    /* what is sent or supplied is one's own, not the target: "deployed police officers to
     * Haiti", "supplied artillery shells to Russia" are toward where they go ("gave the
     * government until Thursday" names whom it gives to) */
    int32_t obj = ev_child(s, v, "obj");
    /* but "supplied Russia with drones" names whom it supplies */
    static const char *const with_what[] = {"with", NULL};
    static const char *const supplying[] = {"supply", "provide", "furnish", "equip", "arm", NULL};
    static const char *const handing_over[] = {"extradite", "deport", NULL};
    if (obj >= 0 && ev_dispatch_verb(s, v) &&
        !(ev_lemma_in(s, v, supplying) && oblique(s, v, with_what) >= 0)) {
        int32_t to = sent_to(s, obj, 3, actors);
        if (to >= 0)
            cand[n++] = to;
        obj = -1;
    } else if (obj >= 0 && ev_lemma_in(s, v, handing_over)) {
        int32_t to = sent_to(s, obj, 3, actors);
        if (to >= 0) /* "extradited the suspect to the United States"; else the person */
            cand[n++] = to, obj = -1;
    }
    /* "recaptured the village from Russian troops": a place taken is taken from whom it
     * is taken from */
    static const char *const taken[] = {"village", "town", "city", "area", "territory",
                                        "region", "district", "base", "airport", "port",
                                        "position", "hill", "settlement", NULL};
    static const char *const from[] = {"from", NULL};
    int32_t taken_noun = obj >= 0 ? obj : ev_child(s, v, "nsubj:pass");
    int32_t loser = taken_noun >= 0 && ev_lemma_in(s, taken_noun, taken) ? oblique(s, v, from) : -1;
    if (loser < 0 && taken_noun >= 0 && ev_lemma_in(s, taken_noun, taken))
        for (int32_t c = s->first_child[taken_noun]; c >= 0 && loser < 0; c = s->next_sibling[c])
            if (rel_is(s, c, "nmod") && ev_has_case(s, c, from)) /* "the town from rebels" */
                loser = c;
    if (loser >= 0 && ev_actor_of(s, loser, actors).code) { /* "was retaken from rebels" */
        memmove(cand + 1, cand, (size_t)n * sizeof *cand);
        cand[0] = loser;
        n++;
    }
    if (obj >= 0)
        cand[n++] = obj;
    /* "filed a case against Israel at the ICJ": whom the object is against, before where */
    static const char *const against[] = {"against", NULL};
    for (int32_t c = obj >= 0 ? s->first_child[obj] : -1; c >= 0 && n < 6; c = s->next_sibling[c])
        if (rel_is(s, c, "nmod") && ev_has_case(s, c, against))
            cand[n++] = c;
    /* a named object no dictionary knows is the target, uncoded: no place stands in
     * for it ("met Emily Carter in Berlin") */
    const char *ou = obj >= 0 ? ev_tok(s, obj)->upos : NULL;
    bool unknown_name = ou && strcmp(ou, "PROPN") == 0 && !ev_actor_of(s, obj, actors).code;
    int32_t iobj = ev_child(s, v, "iobj");
    if (iobj >= 0)
        cand[n++] = iobj;
    for (int32_t c = s->first_child[v]; c >= 0 && n < 6; c = s->next_sibling[c])
        if (is_oblique(s, c, preps))
            cand[n++] = c;
    /* "spoke by phone with Putin" parsed with "with Putin" on the phone: the means says
     * how, the phrase on it with whom */
    static const char *const means[] = {"phone", "telephone", "video", "videoconference",
                                        "videolink", "link", "letter", NULL};
    static const char *const by_via[] = {"by", "via", "over", NULL};
    static const char *const with_to[] = {"with", "to", NULL};
    for (int32_t c = s->first_child[v]; c >= 0 && n < 6; c = s->next_sibling[c])
        if (rel_is(s, c, "obl") && ev_has_case(s, c, by_via) && ev_lemma_in(s, c, means))
            for (int32_t k = s->first_child[c]; k >= 0 && n < 6; k = s->next_sibling[k])
                if (rel_is(s, k, "nmod") && ev_has_case(s, k, with_to))
                    cand[n++] = k;
    /* "agreed to supply Gondor": the object of the verb it governs, and whom that is
     * aimed at ("threatened to use nuclear weapons against South Korea"; "to" and
     * "with" there say where and with whom, not toward whom) */
    static const char *const aimed[] = {"against", "on", "upon", "at", "toward", "towards",
                                        NULL};
    int32_t x = ev_child(s, v, "xcomp");
    if (x >= 0) {
        int32_t xo = ev_child(s, x, "obj"), xp = oblique(s, x, xo >= 0 ? aimed : preps);
        if (xo >= 0 && n < 12)
            cand[n++] = xo;
        if (xp >= 0 && n < 12)
            cand[n++] = xp;
    }
    /* "rejected a proposal put forward by Kyiv", the participle parsed as the verb's
     * complement or adverbial clause: who put it forward; but who harmed the object is
     * none of its makers ("rescued the crew of a vessel hijacked by pirates") */
    static const char *const harmed[] = {"hijack", "seize", "capture", "kidnap", "abduct",
                                         "attack", "detain", "arrest", "hold", "occupy",
                                         "damage", "destroy", "sink", "shoot", "hit", "strike",
                                         "bomb", "kill", "wound", "injure", "target", NULL};
    for (int32_t c = obj >= 0 ? s->first_child[v] : -1; c >= 0 && n < 12; c = s->next_sibling[c]) {
        int32_t by = (rel_is(s, c, "xcomp") || rel_is(s, c, "advcl")) && c > obj &&
                             past_participle(s, c) && ev_child(s, c, "mark") < 0 &&
                             ev_child(s, c, "nsubj") < 0 && !ev_lemma_in(s, c, harmed)
                         ? ev_child(s, c, "obl:agent")
                         : -1;
        if (by >= 0)
            cand[n++] = by;
    }
    /* "pledged $2 billion to help Ukraine (rebuild its grid)": whom what is given or sent
     * for helping helps */
    static const char *const helping[] = {"help", "assist", "support", "aid", "rebuild",
                                          "bolster", "strengthen", "protect", "defend", NULL};
    static const char *const giving[] = {"pledge", "promise", "offer", "provide", "give",
                                         "donate", "grant", "allocate", "lend", NULL};
    static const char *const to[] = {"to", NULL};
    bool gives = ev_dispatch_verb(s, v) || ev_lemma_in(s, v, giving);
    for (int32_t c = gives ? s->first_child[v] : -1; c >= 0 && n < 12; c = s->next_sibling[c]) {
        int32_t m = ev_child(s, c, "mark");
        if (!rel_is(s, c, "advcl") || m < 0 || !ev_lemma_in(s, m, to) ||
            !ev_lemma_in(s, c, helping))
            continue;
        int32_t co = ev_child(s, c, "obj"), cx = ev_child(s, c, "xcomp");
        if (co < 0 && cx >= 0 && ev_lemma_in(s, cx, helping))
            co = ev_child(s, cx, "obj");
        if (co >= 0)
            cand[n++] = co;
    }
    /* "attacked the headquarters of Hamas", "welcomed the resumption of ties with Kyiv" */
    for (size_t i = 0, m = n; i < m && n < 12; i++) {
        int32_t deep = unknown_name && cand[i] == obj ? -1 : nominal_actor(s, cand[i], 3, actors);
        if (deep >= 0)
            cand[n++] = deep;
    }
    /* a place is the target last of all: "protested in Beijing"; what hangs on an
     * "in" phrase before that ("sent $2 billion in aid to Ukraine") */
    size_t places = n;
    for (int32_t c = s->first_child[v]; c >= 0 && n < 11 && !unknown_name; c = s->next_sibling[c])
        if (is_oblique(s, c, place) && !s->temporal[c]) /* "In March, at the debate" */
            cand[n++] = c;
    /* (only whom the phrase aims at: "in anticipation of Dorian, with McMaster" names
     * no one the act is toward) */
    static const char *const toward[] = {"to", "toward", "towards", "against", "on", "into",
                                         NULL};
    /* ... or whom a relation is with: "risen in the dispute with Osgiliath" */
    static const char *const with[] = {"with", NULL};
    static const char *const relations[] = {"dispute", "conflict", "war", "fight", "fighting",
                                            "clash", "talk", "negotiation", "agreement", "deal",
                                            "cooperation", "partnership", "alliance", NULL};
    for (size_t i = places, m = n; i < m && n < 12; i++) {
        int32_t deep = -1;
        for (int32_t c = s->first_child[cand[i]]; c >= 0 && deep < 0; c = s->next_sibling[c])
            if (rel_is(s, c, "nmod") &&
                (ev_has_case(s, c, toward) ||
                 (ev_has_case(s, c, with) && ev_lemma_in(s, cand[i], relations))) &&
                ev_actor_of(s, c, actors).code)
                deep = c;
        if (deep >= 0) { /* before the place itself */
            memmove(cand + places + 1, cand + places, (n - places) * sizeof *cand);
            cand[places++] = deep;
            n++, i++, m++;
        }
    }
    /* "considered himself", "surrendered himself to police": the subject is no target */
    static const char *const reflexive[] = {"himself", "herself", "itself", "themselves",
                                            "myself", "ourselves", "yourself", NULL};
    for (size_t i = 0; i < n; i++)
        if (!ev_lemma_in(s, cand[i], reflexive) && ev_actor_of(s, cand[i], actors).code)
            return with_conjuncts(s, cand[i], out, 0, max);
    return 0;
}

size_t ev_oblique_targets(const ev_sentence *s, int32_t v, const char *const *preps, ev_arg *out,
                          size_t max, const dyad_actor_dict *actors)
{
    /* the parse may hang the phrase on the object: "warned [Gondor about the Prince]" */
    int32_t heads[2] = {v, ev_child(s, v, "obj")};
    for (int k = 0; k < 2 && heads[k] >= 0; k++)
        for (int32_t c = s->first_child[heads[k]]; c >= 0; c = s->next_sibling[c])
            if (is_oblique(s, c, preps) && ev_actor_of(s, c, actors).code)
                return with_conjuncts(s, c, out, 0, max);
    return 0;
}

int32_t ev_patient(const ev_sentence *s, int32_t v)
{
    int32_t p = ev_child(s, v, "nsubj:pass");
    if (p >= 0)
        return antecedent(s, p, v);
    if (ev_bare_participle(s, v))
        return ev_child(s, v, "nsubj");
    return rel_is(s, v, "acl") && !rel_exact(s, v, "acl:relcl") ? ev_head(s, v) : -1;
}

/* Whether place mention m is where something is ("in Istanbul, Turkey"). */
static bool located(const ev_sentence *s, const dyad_mention *m)
{
    static const char *const at[] = {"in", "at", "near", "outside", "inside", NULL};
    if (!m->type || strcmp(m->type, "place") != 0)
        return false;
    int32_t h = mention_head(s, m);
    while (h >= 0 && ev_head(s, h) >= 0 &&
           (rel_is(s, h, "appos") || rel_is(s, h, "conj") || rel_is(s, h, "flat")))
        h = ev_head(s, h);
    return h >= 0 && ev_has_case(s, h, at);
}

/* Whether the sentence's actors other than the target and the places where things are
 * are all of countries other than the article's: "Armenia claimed 790 Azerbaijani
 * soldiers had been killed", in an article on an American election, was no American
 * act. */
static bool told_elsewhere(const ev_sentence *s, const ev_actor *target)
{
    char country[4];
    bool other = false;
    if (strcmp(s->country, "---") == 0)
        return false;
    const dyad_doc *doc = s->doc;
    uint32_t t0 = target->head >= 0 ? ev_tok(s, target->head)->start : 0;
    for (size_t i = s->mention_first; i < s->mention_end; i++) {
        const dyad_mention *m = &doc->actors[i];
        if ((target->head >= 0 && m->start <= t0 && t0 < m->end) ||
            !m->code || !actor_code_country(m->code, country) || located(s, m))
            continue; /* a place abroad may be where the article's own people acted */
        if (strcmp(country, s->country) == 0)
            return false;
        other = true;
    }
    return other;
}

const char *const ev_mishaps[] = {
    "crash", "collide", "collision", "accident", "derail", "capsize", "sink", "earthquake",
    "quake", "flood", "flooding", "storm", "hurricane", "typhoon", "cyclone", "tornado",
    "avalanche", "landslide", "wildfire", "blaze", "tsunami", "eruption", "stampede",
    "collapse", NULL};

bool ev_implicit_agent(const ev_sentence *s, int32_t v, const ev_actor *target,
                       const dyad_actor_dict *actors, ev_actor *out)
{
    static const char *const place[] = {"in", NULL}, *const origin[] = {"from", NULL};
    const char *x = ev_tok(s, v)->xpos;
    /* a participle with a passive subject or auxiliary and no subject of its own */
    bool active_subject = false;
    for (int32_t c = s->first_child[v]; c >= 0; c = s->next_sibling[c])
        active_subject = active_subject || rel_exact(s, c, "nsubj");
    bool headline = ev_bare_participle(s, v);
    active_subject = active_subject && !headline;
    /* or a participle describing its noun: "10 soldiers killed in Ukraine" */
    bool reduced = rel_is(s, v, "acl") && !rel_exact(s, v, "acl:relcl") &&
                   ev_head(s, v) >= 0 && ev_head(s, ev_head(s, v)) >= 0;
    /* or what a weapon or an attack did: "A car bomb killed ten people", "A bomb
     * exploded near a checkpoint in Iraq, killing two officers" (a fire or a quake that
     * kills is no one's act) */
    static const char *const weapons[] = {
        "bomb", "bombing", "blast", "explosion", "explosive", "attack", "stabbing",
        "shooting", "airstrike", "strike", "shell", "shelling", "rocket", "missile",
        "drone", "grenade", "mine", "gunfire", "ambush", "raid", NULL};
    int32_t hv = rel_is(s, v, "advcl") && x && strcmp(x, "VBG") == 0 ? ev_head(s, v) : v;
    int32_t hs = hv >= 0 ? ev_child(s, hv, "nsubj") : -1;
    bool thing_did = hs >= 0 && !ev_actor_of(s, hs, actors).code && ev_lemma_in(s, hs, weapons);
    /* (a participle on the root noun is mostly the main verb mistagged: "militia vowed") */
    if (!thing_did &&
        (!past_participle(s, v) || active_subject ||
         (!reduced && !headline && ev_child(s, v, "nsubj:pass") < 0 &&
          ev_child(s, v, "aux:pass") < 0) ||
         ev_child(s, v, "obl:agent") >= 0))
        return false;
    /* "seven people were killed when a bomber crashed", "died in the floods": an accident
     * or a disaster the sentence tells is no one's act */
    for (int32_t i = 0; !thing_did && i < (int32_t)s->count; i++)
        if (ev_lemma_in(s, i, ev_mishaps))
            return false;
    /* "an agreement forced on Qatar by Saudi Arabia": an agent the parse hung elsewhere
     * is named, not unknown */
    static const char *const by[] = {"by", NULL};
    int32_t lo = v, hi = v;
    ev_subtree(s, v, &lo, &hi);
    for (int32_t i = lo; i <= hi; i++)
        if ((rel_is(s, i, "nmod") || rel_is(s, i, "obl")) && ev_has_case(s, i, by) &&
            ev_actor_of(s, i, actors).code)
            return false;
    /* "a mortar was fired at Israel from Gaza": where it came from did it; but what is
     * taken "from" someone is taken from its owner ("the election was stolen from Trump") */
    static const char *const taking[] = {"steal", "seize", "take", "grab", "wrest", "snatch",
                                         "rob", "confiscate", "capture", "recapture", "remove",
                                         "withhold", "strip", "loot", NULL};
    int32_t from = ev_lemma_in(s, v, taking) ? -1 : oblique(s, v, origin);
    ev_actor doer = from >= 0 ? ev_actor_of(s, from, actors) : (ev_actor){.code = NULL};
    if (doer.code) {
        *out = doer;
        return true;
    }
    char country[4];
    /* "two suspects were arrested in Jakarta", "was shot dead in X": where it happened
     * says whose forces */
    int32_t where = oblique(s, v, place);
    /* (and over where it was in the air: "a drone was shot down over Moscow") */
    static const char *const over[] = {"over", NULL};
    if (where < 0)
        where = oblique(s, v, over);
    int32_t pred = ev_child(s, v, "xcomp");
    if (where < 0 && pred >= 0)
        where = oblique(s, pred, place);
    static const char *const near[] = {"in", "near", "at", "outside", NULL};
    if (where < 0 && thing_did && hv != v)
        where = oblique(s, hv, near);
    /* "jailed for six years in Iran" with the place hung on the time */
    for (int32_t c = where < 0 ? s->first_child[v] : -1; c >= 0 && where < 0;
         c = s->next_sibling[c])
        for (int32_t g = rel_is(s, c, "obl") ? s->first_child[c] : -1; g >= 0 && where < 0;
             g = s->next_sibling[g])
            if (rel_is(s, g, "nmod") && ev_has_case(s, g, place))
                where = g;
    ev_actor at = where >= 0 ? ev_actor_of(s, where, actors) : (ev_actor){.code = NULL};
    /* "killed in an ambush in Mali", "near a checkpoint in Iraq": the act's own place */
    for (int32_t c = where >= 0 ? s->first_child[where] : -1;
         c >= 0 && !actor_code_country(at.code, country); c = s->next_sibling[c])
        if (rel_is(s, c, "nmod") && ev_has_case(s, c, place))
            at = ev_actor_of(s, c, actors);
    /* no place named: the article's country, unless the sentence tells of others */
    if (!actor_code_country(at.code, country) &&
        (told_elsewhere(s, target) ||
         (!actor_code_country(s->country, country) && !actor_code_country(target->code, country))))
        return false;
    *out = (ev_actor){.code = keep(s, country), .head = -1, .implicit = true};
    return true;
}

size_t ev_content_targets(const ev_sentence *s, int32_t v, ev_arg *out, size_t max,
                          const dyad_actor_dict *actors)
{
    static const char *const telling[] = {"say", "tell", "conclude", "find", "report",
                                          "claim", "state", "announce", "insist", "argue",
                                          "write", "note", "add", NULL};
    /* "Blinken said [Russia must negotiate]": the statement is about its clause's actors */
    for (int32_t c = s->first_child[v]; c >= 0; c = s->next_sibling[c]) {
        if (!rel_is(s, c, "ccomp") && !rel_is(s, c, "parataxis"))
            continue;
        /* a clause beside it that is a statement of its own says no content of this one:
         * "denied all claims ..., however, a UN report concluded ..." */
        if (rel_is(s, c, "parataxis") && ev_lemma_in(s, c, telling) &&
            ev_child(s, c, "nsubj") >= 0)
            continue;
        int32_t subj = ev_child(s, c, "nsubj");
        const char *u = subj >= 0 ? ev_tok(s, subj)->upos : NULL;
        /* "officials said they ...": a pronoun there is mostly the speaker again */
        if (u && strcmp(u, "PRON") == 0)
            continue;
        if (subj >= 0 && ev_actor_of(s, subj, actors).code)
            return with_conjuncts(s, subj, out, 0, max);
        size_t n = ev_targets(s, c, out, max, actors), kept = 0;
        /* where the content's act happens is not whom the statement is about: "argued
         * that the plan would hurt debate in parliament" */
        static const char *const place[] = {"in", "outside", NULL};
        for (size_t i = 0; i < n; i++)
            if (out[i].head < 0 || ev_head(s, out[i].head) != c ||
                !is_oblique(s, out[i].head, place))
                out[kept++] = out[i];
        if (kept)
            return kept;
    }
    return 0;
}
