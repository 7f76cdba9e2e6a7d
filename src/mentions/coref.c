/* Coreference inside a document: pronouns ("he", "she", "they") and titles alone ("the
 * spokesman") resolved to the person or organisation named before them, by agreement
 * (gender, number, kind), recency and a preference for subjects. "they" takes only an
 * organisation or group that is a subject, with no plural noun between. */
#include "mentions.h"

#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

#define PRONOUN_SENTENCES 2  /* a pronoun looks back this many sentences before its own */
#define PLURAL_SENTENCES 1   /* "they" looks back less: most refer to common nouns */
#define TITLE_SENTENCES 10   /* "the spokesman" is often far from the name */
#define PRONOUN_CANDIDATES 64 /* earlier mentions weighed for a pronoun, at most */
#define TITLE_CANDIDATES 256  /* ... and for a title: bounds the work on hostile input */
#define NAME_WINDOW 1000      /* earlier mentions searched for a later short name's first */
#define BODY_SENTENCES 2      /* "the alliance", "the group" look back this many sentences */

typedef struct pronoun {
    const char *word;
    unsigned gender; /* NER_MALE, NER_FEMALE; 0 for "they" */
} pronoun;

static const pronoun pronouns[] = {
    {"he", NER_MALE},      {"him", NER_MALE},    {"his", NER_MALE},  {"himself", NER_MALE},
    {"she", NER_FEMALE},   {"her", NER_FEMALE},  {"hers", NER_FEMALE},
    {"herself", NER_FEMALE}, {"they", 0},        {"them", 0},        {"their", 0},
    {"themselves", 0}};

/* "it" refers to a body only in its own words ("Hamas said it fired"): elsewhere it is
 * as often the weather, a report or nothing at all. A reflexive is its own clause's
 * subject ("Iraq attacked itself"). */
static const char *const own_words_pronouns[] = {"it", "its", "they", "them", "their", NULL};

static bool upos_is(const dyad_doc *doc, uint32_t t, const char *upos)
{
    return doc->tokens[t].upos && strcmp(doc->tokens[t].upos, upos) == 0;
}

static bool rel_starts(const dyad_doc *doc, uint32_t t, const char *rel)
{
    return doc->tokens[t].deprel && strncmp(doc->tokens[t].deprel, rel, strlen(rel)) == 0;
}

/* Tokens a and b are the same word (case aside) or share a lemma. */
static bool same_word(const dyad_doc *doc, uint32_t a, uint32_t b)
{
    const dyad_token *x = &doc->tokens[a], *y = &doc->tokens[b];
    if (x->end - x->start == y->end - y->start &&
        !strncasecmp(doc->text + x->start, doc->text + y->start, x->end - x->start))
        return true;
    return x->lemma && y->lemma && !strcmp(x->lemma, y->lemma);
}

static const pronoun *pronoun_at(const dyad_doc *doc, uint32_t t)
{
    if (!upos_is(doc, t, "PRON"))
        return NULL;
    for (size_t i = 0; i < sizeof pronouns / sizeof pronouns[0]; i++)
        if (ment_token_is(doc, t, pronouns[i].word))
            return &pronouns[i];
    return NULL;
}

static bool any_word_in(const dyad_doc *doc, uint32_t lo, uint32_t hi, const char *const *list)
{
    for (uint32_t t = lo; t < hi; t++)
        if (ment_token_in(doc, t, list))
            return true;
    return false;
}

static bool is_name(const ment *m)
{
    return m->type && !m->form;
}

/* What the document says of a person's gender: titles and honorifics in the mention or its
 * apposition, a known first name, pronouns already resolved to it. */
static unsigned own_gender(const dyad_doc *doc, const ner_names *names, const ment *m)
{
    unsigned g = m->gender;
    uint32_t lo, hi;
    if (any_word_in(doc, m->t0, m->t1, ment_male_words))
        g |= NER_MALE;
    if (any_word_in(doc, m->t0, m->t1, ment_female_words))
        g |= NER_FEMALE;
    if (ment_apposition(doc, m, &lo, &hi)) {
        g |= any_word_in(doc, lo, hi + 1, ment_male_words) ? NER_MALE : 0;
        g |= any_word_in(doc, lo, hi + 1, ment_female_words) ? NER_FEMALE : 0;
    }
    /* the first name: the first word that is one, past words that are not ("Chancellor
     * Angela Merkel", as a dictionary lists her; "USCG Captain Monica Rochester"), but
     * not past a word in lower case ("drummer Ginger Baker") */
    for (uint32_t t = m->n0; !g && t + 1 < m->t1; t++) {
        const dyad_token *k = &doc->tokens[t];
        if (ment_token_in(doc, t, ment_rank_words))
            continue;
        int x = ner_name_gender(names, doc->text + k->start, k->end - k->start);
        g = x > 0 ? (unsigned)x : 0;
        if (x >= 0 || !isupper((unsigned char)doc->text[k->start]))
            break;
    }
    return g;
}

/* A later short name takes what the same name said before ("President Trump" after
 * "Donald Trump"; names are linked only after coreference, so looked up here). */
static unsigned gender_of(const dyad_doc *doc, const ner_names *names, const ment_list *l,
                          const ment *m)
{
    unsigned g = own_gender(doc, names, m);
    for (const ment *e = m; !g && m->name && e-- > l->m && m - e <= NAME_WINDOW;)
        if (is_name(e) && e->name == m->name)
            g = own_gender(doc, names, e);
    return g;
}

/* The clause of token t: its head, or for a verb conjoined without a subject of its own
 * ("met Lavrov and told him") the verb it shares its subject with. */
static int32_t clause_of(const dyad_doc *doc, const dyad_sentence *s, uint32_t t)
{
    int32_t v = doc->tokens[t].head;
    if (v < 0 || !rel_starts(doc, (uint32_t)v, "conj"))
        return v;
    for (uint32_t k = s->first; k < s->first + s->count; k++)
        if (doc->tokens[k].head == v && rel_starts(doc, k, "nsubj"))
            return v;
    return doc->tokens[v].head;
}

/* The two share a clause as subject and object ("Peskov told him"): not the same. c is in
 * t's sentence. */
static bool same_clause(const dyad_doc *doc, const ment *c, uint32_t t)
{
    uint32_t h = ment_head(doc, c);
    return doc->tokens[h].head == clause_of(doc, &doc->sentences[c->sentence], t) && rel_starts(doc, h, "nsubj") &&
           !rel_starts(doc, t, "nsubj") && !rel_starts(doc, t, "nmod:poss") &&
           !ment_token_is(doc, t, "himself") && !ment_token_is(doc, t, "herself") &&
           !ment_token_is(doc, t, "themselves");
}

/* A plural common noun stands between: "they" more likely means it ("officials"). */
static bool plural_between(const dyad_doc *doc, uint32_t from, uint32_t to)
{
    for (uint32_t k = from; k < to; k++)
        if (upos_is(doc, k, "NOUN") && doc->tokens[k].xpos && !strcmp(doc->tokens[k].xpos, "NNS"))
            return true;
    return false;
}

/* The best earlier name for a pronoun at token t of sentence s, or -1. */
static long resolve_pronoun(const dyad_doc *doc, const ner_names *names, const ment_list *l,
                            size_t upto, uint32_t t, int32_t s, const pronoun *p)
{
    long best = -1;
    int best_score = -1000;
    int window = p->gender ? PRONOUN_SENTENCES : PLURAL_SENTENCES;
    for (size_t i = upto; i-- > 0 && upto - i <= PRONOUN_CANDIDATES;) {
        const ment *c = &l->m[i];
        if (c->sentence < s - window)
            break;
        if (!is_name(c) || c->t1 > t)
            continue;
        if (p->gender) {
            if (strcmp(c->type, "person") != 0)
                continue;
            unsigned g = gender_of(doc, names, l, c);
            if (g && !(g & p->gender))
                continue;
        } else if ((strcmp(c->type, "organization") != 0 && strcmp(c->type, "group") != 0) ||
                   !rel_starts(doc, ment_head(doc, c), "nsubj") || plural_between(doc, c->t1, t)) {
            continue; /* "US officials told Bloomberg they": not Bloomberg */
        }
        if (c->sentence == s && same_clause(doc, c, t))
            continue;
        int score = -10 * (s - c->sentence) + (rel_starts(doc, ment_head(doc, c), "nsubj") ? 4 : 0);
        if (score > best_score)
            best_score = score, best = (long)i; /* ties keep the nearer one */
    }
    return best;
}

/* "it" that stands for nothing: "it was raining", "it seems", "it is clear that". */
static bool dummy_it(const dyad_doc *doc, uint32_t t)
{
    static const char *const empty_verbs[] = {"rain", "snow", "seem", "appear", "matter",
                                              "happen", NULL};
    if (!ment_token_is(doc, t, "it"))
        return false;
    int32_t h = doc->tokens[t].head;
    if (h < 0)
        return true;
    const char *lemma = doc->tokens[h].lemma;
    for (const char *const *w = empty_verbs; lemma && *w; w++)
        if (!strcmp(lemma, *w))
            return true;
    if (upos_is(doc, (uint32_t)h, "VERB") && !rel_starts(doc, t, "expl"))
        return false;
    for (uint32_t k = (uint32_t)h + 1; k < doc->n_tokens && k < (uint32_t)h + 64; k++)
        if (doc->tokens[k].head == h &&
            (rel_starts(doc, k, "ccomp") || rel_starts(doc, k, "csubj")))
            return true; /* the clause after the predicate is what "it" stands in for */
    return false; /* "it was willing to talk", whatever the parser called "it" */
}

/* The verb whose content clause holds token t ("Russia said its forces struck":
 * "said"), or -1. */
static int32_t content_clause_verb(const dyad_doc *doc, uint32_t t)
{
    uint32_t k = t;
    for (int step = 0; step < 4; step++) {
        int32_t h = doc->tokens[k].head;
        if (h < 0)
            return -1;
        if (rel_starts(doc, k, "ccomp"))
            return h;
        if (rel_starts(doc, k, "advcl") || rel_starts(doc, k, "acl") ||
            rel_starts(doc, k, "parataxis") || rel_starts(doc, k, "conj"))
            return -1; /* another clause: the verb does not report t's clause */
        k = (uint32_t)h;
    }
    return -1;
}

/* The latest mention before index from, in sentence s and ending by token t, that is a
 * body a name codes (no person); -1 when there is none. */
static long body_before(const ment_list *l, size_t from, uint32_t t, int32_t s)
{
    for (size_t i = from; i-- > 0;) {
        const ment *c = &l->m[i];
        if (c->sentence != s)
            return -1;
        if (is_name(c) && c->code && strcmp(c->type, "person") != 0 && c->t1 <= t)
            return (long)i;
    }
    return -1;
}

/* A pronoun in the content of what a body said is that body: "Hamas said it had fired",
 * "Taliban militants said they attacked", "Russia said its troops ...". The body is the
 * subject of the speech verb (or names its subject: "Taliban militants"); a person is
 * "he" or "she", not "it". */
static long resolve_own_words(const dyad_doc *doc, const ment_list *l, size_t upto, uint32_t t,
                              int32_t s)
{
    if (!ment_token_in(doc, t, own_words_pronouns) || dummy_it(doc, t))
        return -1;
    int32_t v = content_clause_verb(doc, t);
    if (v < 0)
        return -1;
    for (long i = body_before(l, upto, t, s); i >= 0; i = body_before(l, (size_t)i, t, s)) {
        const ment *c = &l->m[i];
        uint32_t h = ment_head(doc, c);
        /* "the Nigerian army said it": the army, which the country its adjective names is
         * not; the event stage codes the whole phrase ("Taliban militants" stay Taliban) */
        int32_t owner = doc->tokens[h].head;
        if (!strcmp(c->type, "place") && owner >= 0 && upos_is(doc, (uint32_t)owner, "NOUN") &&
            (rel_starts(doc, h, "amod") || rel_starts(doc, h, "compound")))
            continue;
        if ((rel_starts(doc, h, "compound") || rel_starts(doc, h, "amod")) &&
            doc->tokens[h].head >= 0)
            h = (uint32_t)doc->tokens[h].head; /* "Taliban militants": the phrase's head */
        if (doc->tokens[h].head == v && rel_starts(doc, h, "nsubj") &&
            !upos_is(doc, h, "PRON"))
            return (long)i;
    }
    return -1;
}

/* "Cuba's repression of its people and its support for Maduro": "its" after a body named
 * as an owner in the same sentence is that body (an owner is what "its" most often
 * repeats; a subject is not: "Russia shelled its cities" are Ukraine's). */
static long resolve_its_owner(const dyad_doc *doc, const ment_list *l, size_t upto, uint32_t t,
                              int32_t s)
{
    if (!ment_token_is(doc, t, "its") || !rel_starts(doc, t, "nmod:poss"))
        return -1;
    long i = body_before(l, upto, t, s);
    return i >= 0 && rel_starts(doc, ment_head(doc, &l->m[i]), "nmod:poss") ? i : -1;
}

/* A title alone at t: a dictionary title noun after "the" (an adjective may come between),
 * not naming a proper noun after it ("the spokesman Dmitry Peskov" is a chain). Its first
 * token goes in *lo. */
static bool title_alone(const dyad_actor_dict *dict, const dyad_doc *doc, const dyad_sentence *s,
                        uint32_t t, uint32_t *lo)
{
    const char *xpos = doc->tokens[t].xpos;
    if (!upos_is(doc, t, "NOUN") || !xpos || strcmp(xpos, "NN") != 0 || t == s->first ||
        ment_token_in(doc, t, ment_org_cues) || !ment_title(dict, doc, t))
        return false; /* one person: not "the troops", "the administration" */
    if (t + 1 < s->first + s->count && upos_is(doc, t + 1, "PROPN"))
        return false;
    /* "the president-elect", "the minister-designate": someone else than the holder */
    if (t + 1 < s->first + s->count && ment_token_is(doc, t + 1, "-"))
        return false;
    uint32_t d = t - 1;
    for (int mods = 0; mods < 3 && d > s->first &&
                       (upos_is(doc, d, "ADJ") || upos_is(doc, d, "NOUN"));
         mods++)
        d--; /* "the Russian foreign minister" */
    if (!ment_token_is(doc, d, "the"))
        return false;
    *lo = d;
    return true;
}

/* The country of the name after "of" that follows a title at t ("the new president of
 * Sri Lanka"), into country; false when there is none. */
static bool title_of_country(const dyad_actor_dict *dict, const dyad_doc *doc,
                             const dyad_sentence *sent, uint32_t t, char country[4])
{
    uint32_t end = sent->first + sent->count, k = t + 2;
    if (k >= end || !ment_token_is(doc, t + 1, "of"))
        return false;
    if (ment_token_is(doc, k, "the"))
        k++;
    uint32_t last = k;
    while (last < end && upos_is(doc, last, "PROPN"))
        last++;
    dyad_actor_match m;
    if (last == k || !dyad_actor_dict_lookup(dict, doc->text + doc->tokens[k].start,
                                             doc->tokens[last - 1].end - doc->tokens[k].start, 0,
                                             &m) ||
        !m.country[0])
        return false;
    memcpy(country, m.country, 4);
    return true;
}

/* The person the title at [lo, t] names: the latest whose own title or apposition holds
 * the same word ("Kremlin spokesman Dmitry Peskov" ... "the spokesman"), else, when the
 * title names a country, the latest whose code agrees with its country and role ("the
 * Russian foreign minister" -> a RUSGOV person). */
static long resolve_title(const dyad_actor_dict *dict, const dyad_doc *doc, const ment_list *l,
                          size_t upto, uint32_t lo, uint32_t t, int32_t s)
{
    dyad_actor_match tm;
    const dyad_token *a = &doc->tokens[lo], *b = &doc->tokens[t];
    /* by code only with a country: "the Russian foreign minister", not "the official" */
    bool found = dyad_actor_dict_lookup(dict, doc->text + a->start, b->end - a->start, 0, &tm);
    bool coded = found && tm.role[0] && tm.country[0] && strcmp(tm.role, "CVL") != 0;
    /* (not by a word for anyone: "the Polish city", "the Kenyan man") */
    /* "the new president of Sri Lanka" is nobody of another country either */
    char of_country[4];
    if (title_of_country(dict, doc, &doc->sentences[s], t, of_country)) {
        if (!found)
            memset(&tm, 0, sizeof tm);
        found = true;
        memcpy(tm.country, of_country, 4);
    }
    /* "the Kenyan president" is nobody of another country, whatever his title */
    size_t nc = found ? strlen(tm.country) : 0;
    long by_code = -1;
    for (size_t i = upto; i-- > 0 && upto - i <= TITLE_CANDIDATES;) {
        const ment *c = &l->m[i];
        if (c->sentence < s - TITLE_SENTENCES)
            break;
        if (!is_name(c) || strcmp(c->type, "person") != 0 || c->t1 > lo ||
            (nc && c->code && strncmp(c->code, tm.country, nc) != 0))
            continue;
        uint32_t alo, ahi;
        for (uint32_t k = c->t0; k < c->n0; k++)
            if (same_word(doc, k, t))
                return (long)i;
        /* the apposition's head word: "Peter Kay, the mayor" is the mayor; "Paul
         * Adamowicz, mayor of the Polish city of Gdansk" is no "the Polish city" */
        if (ment_apposition(doc, c, &alo, &ahi))
            for (uint32_t k = alo; k <= ahi; k++) {
                int32_t h = doc->tokens[k].head;
                bool head = h < (int32_t)alo || h > (int32_t)ahi;
                if (head && same_word(doc, k, t))
                    return (long)i;
                if (k == t)
                    return -1; /* a word of the apposition's own description */
            }
        if (by_code < 0 && coded && c->code && strstr(c->code, tm.role) &&
            (!tm.country[0] || !strncmp(c->code, tm.country, strlen(tm.country))))
            by_code = (long)i;
    }
    return by_code;
}

/* Nouns that stand for a named body after "the" ("NATO ... the alliance said"), each with
 * what its antecedent's code or name must hold (roles of armed or political groups for
 * "group": not a company, a newspaper or a crowd). */
typedef struct body_noun {
    const char *noun, *const *codes, *name;
} body_noun;

static const char *const alliance_codes[] = {"NAT", NULL};
static const char *const bloc_codes[] = {"IGO", NULL};
static const char *const group_codes[] = {"REB", "UAF", "INS", "TER", "OPP", "PTY", "NGO", NULL};
static const char *const party_codes[] = {"PTY", NULL};
static const char *const company_codes[] = {"BUS", NULL};
static const body_noun body_nouns[] = {
    {"alliance", alliance_codes, "alliance"}, {"bloc", bloc_codes, NULL},
    {"union", NULL, "union"},                 {"group", group_codes, NULL},
    {"militia", group_codes, NULL},           {"movement", group_codes, "movement"},
    {"party", party_codes, "party"},          {"company", company_codes, NULL},
    {"firm", company_codes, NULL},
};

/* The body noun at t after "the" and up to two adjectives ("the militant group", "the
 * Western alliance"), not naming what follows ("the group Hamas", "the group of
 * tourists"); NULL when none. Its first token goes in *lo. */
static const body_noun *body_alone(const dyad_doc *doc, const dyad_sentence *s, uint32_t t,
                                   uint32_t *lo)
{
    const body_noun *b = NULL;
    if (!upos_is(doc, t, "NOUN") || t == s->first) /* the cheap test first: every token */
        return NULL;
    for (size_t i = 0; i < sizeof body_nouns / sizeof *body_nouns && !b; i++)
        if (ment_token_is(doc, t, body_nouns[i].noun))
            b = &body_nouns[i];
    uint32_t end = s->first + s->count;
    if (!b ||
        (t + 1 < end && (upos_is(doc, t + 1, "PROPN") || ment_token_is(doc, t + 1, "of"))))
        return NULL;
    uint32_t d = t - 1;
    for (int mods = 0; mods < 2 && d > s->first && upos_is(doc, d, "ADJ"); mods++)
        d--;
    if (!ment_token_is(doc, d, "the"))
        return NULL;
    *lo = d;
    return b;
}

/* The latest coded name, in this sentence before lo or the BODY_SENTENCES before it,
 * that the body noun b can stand for. */
static long resolve_body(const ment_list *l, size_t upto, uint32_t lo, const body_noun *b,
                         int32_t s)
{
    for (size_t i = upto; i-- > 0 && upto - i <= TITLE_CANDIDATES;) {
        const ment *c = &l->m[i];
        if (c->sentence < s - BODY_SENTENCES)
            break;
        if (!is_name(c) || c->t1 > lo || !c->code || !c->type || !strcmp(c->type, "person") ||
            !strcmp(c->type, "place"))
            continue;
        bool fits = b->name && c->name && strcasestr(c->name, b->name);
        for (const char *const *k = b->codes; k && *k && !fits; k++)
            fits = strstr(c->code, *k) != NULL;
        if (fits)
            return (long)i;
    }
    return -1;
}

/* Tokens that belong to a typed name ([n_tokens], malloc'd). */
static bool *covered_tokens(const dyad_doc *doc, const ment_list *l)
{
    bool *in = calloc(doc->n_tokens + 1, sizeof *in);
    for (size_t i = 0; in && i < l->n; i++)
        if (l->m[i].type)
            for (uint32_t t = l->m[i].t0; t < l->m[i].t1; t++)
                in[t] = true;
    return in;
}

/* A reference to l->m[ante] over [t0, t1); it takes the antecedent's name, type and code. */
static ment reference(const ment_list *l, long ante, uint32_t t0, uint32_t t1, int32_t s,
                      const char *form)
{
    const ment *a = &l->m[ante];
    ment r = {.t0 = t0, .t1 = t1, .c0 = t0, .n0 = t0, .sentence = s, .type = a->type,
              .code = a->code, .name = a->name, .ante1 = (uint32_t)ante + 1, .form = form};
    return r;
}

/* Later short names ("Peskov") point at the first mention of the name they took (the
 * coded names share the first one's name string): the nearest earlier one with that
 * name, or what it points at. */
static void link_names(ment_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        ment *m = &l->m[i];
        if (!is_name(m) || m->ante1 || !m->name)
            continue;
        for (size_t j = i; j-- > 0 && i - j <= NAME_WINDOW;)
            if (is_name(&l->m[j]) && l->m[j].name == m->name) {
                m->ante1 = l->m[j].ante1 ? l->m[j].ante1 : (uint32_t)j + 1;
                break;
            }
    }
}

bool ment_coref(const dyad_actor_dict *dict, const ner_names *names, dyad_doc *doc, ment_list *l)
{
    bool *in = covered_tokens(doc, l);
    if (!in)
        return false;
    size_t at = 0;
    for (size_t si = 0; si < doc->n_sentences; si++) {
        const dyad_sentence *s = &doc->sentences[si];
        for (uint32_t t = s->first; t < s->first + s->count; t++) {
            while (at < l->n && l->m[at].t0 <= t)
                at++;
            if (in[t])
                continue;
            const pronoun *p = pronoun_at(doc, t);
            const body_noun *body;
            uint32_t lo;
            long ante = -1;
            ment r;
            if (upos_is(doc, t, "PRON") &&
                (ante = resolve_own_words(doc, l, at, t, (int32_t)si)) >= 0) {
                r = reference(l, ante, t, t + 1, (int32_t)si, "pronoun");
            } else if ((ante = resolve_its_owner(doc, l, at, t, (int32_t)si)) >= 0) {
                r = reference(l, ante, t, t + 1, (int32_t)si, "pronoun");
            } else if (p && (ante = resolve_pronoun(doc, names, l, at, t, (int32_t)si, p)) >= 0) {
                r = reference(l, ante, t, t + 1, (int32_t)si, "pronoun");
                l->m[ante].gender |= p->gender;
            } else if (!p && dict && title_alone(dict, doc, s, t, &lo) &&
                       (ante = resolve_title(dict, doc, l, at, lo, t, (int32_t)si)) >= 0) {
                r = reference(l, ante, lo, t + 1, (int32_t)si, "title");
            } else if (!p && (body = body_alone(doc, s, t, &lo)) &&
                       (ante = resolve_body(l, at, lo, body, (int32_t)si)) >= 0) {
                r = reference(l, ante, lo, t + 1, (int32_t)si, "title");
            } else {
                continue;
            }
            if (!ment_insert(l, at, &r)) {
                free(in);
                return false;
            }
            at++;
        }
    }
    free(in);
    link_names(l); /* after the insertions, which move the names */
    return true;
}
