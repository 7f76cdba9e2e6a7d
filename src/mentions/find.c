/* The mention stage: spans from the parse, codes from the dictionary, types from the
 * dictionary, the NER tagger and cues, surnames resolved to the full names met earlier in
 * the document, and role-only codes given the document's country (coreference of
 * pronouns and titles: coref.c). */
#include "mentions.h"
#include "../actors/actors.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* Whether token t is a word the predicate is (a document's, water's: actors.h). */
static bool token_word(const dyad_doc *doc, uint32_t t, bool (*is)(const char *, size_t))
{
    const dyad_token *k = &doc->tokens[t];
    return is(doc->text + k->start, k->end - k->start);
}

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

/* Whether [lo, hi) are capitalised proper nouns, or syllables a hyphen joins to one
 * ("Moon Jae-in": the tokenizer splits hyphens). */
static bool all_propn(const dyad_doc *doc, uint32_t lo, uint32_t hi)
{
    for (uint32_t t = lo; t < hi; t++) {
        bool hyphen = t > lo && ment_token_is(doc, t, "-") &&
                      !(doc->tokens[t - 1].flags & DYAD_TOKEN_SPACE_AFTER) &&
                      !(doc->tokens[t].flags & DYAD_TOKEN_SPACE_AFTER);
        if (hyphen && t + 1 < hi) {
            t++; /* the syllable after it, whatever its case */
            continue;
        }
        if (!propn(doc, t) || !upper_at(doc, t))
            return false;
    }
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

/* Whether "of" joins two parts of the mention ("District Attorney of San Bernardino
 * County": the last word names the place of the office, not the mention). */
static bool of_inside(const dyad_doc *doc, const ment *m)
{
    for (uint32_t t = m->t0; t < m->t1; t++)
        if (ment_token_is(doc, t, "of"))
            return true;
    return false;
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

/* The token after a gloss in brackets that starts or ends at k ("MP (Member of
 * Parliament) Tom Watson"); k when there is none. */
static uint32_t past_gloss(const dyad_doc *doc, uint32_t k, uint32_t end)
{
    if (k < end && ment_token_is(doc, k, ")"))
        return k + 1;
    if (k >= end || !ment_token_is(doc, k, "("))
        return k;
    for (uint32_t t = k + 1; t < end; t++)
        if (ment_token_is(doc, t, ")"))
            return t + 1;
    return k;
}

/* The first token of the name after the dictionary's title ("UN Secretary-General
 * Antonio Guterres", "National Security Adviser Henrik Landerholm"), or of a dictionary
 * person's name after its title ("Kremlin spokesman Dmitry Peskov"); n0 when neither. */
static uint32_t dict_split(const dyad_doc *doc, const coded *c, const ment *m, uint32_t n0)
{
    uint32_t k = m->t1;
    if (last_word_in(doc, m, ment_org_cues) || last_word_in(doc, m, ment_place_cues))
        return n0; /* "State Fire Brigade", "Queen Victoria Market": no person after a title */
    if (c->found && (c->m.via & DYAD_ACTOR_VIA_TITLE))
        k = token_at(doc, m->t0, m->t1, c->base + (uint32_t)c->m.end);
    if ((k <= n0 || k >= m->t1) && named_role(c) && person_root(c->m.name) &&
        c->base + c->m.end == span_end(doc, m->t1))
        k = token_at(doc, m->t0, m->t1, c->base + (uint32_t)c->m.start);
    /* an office the dictionary names ("US Secretary of State") before a full name */
    if ((k <= n0 || k >= m->t1) && c->found && (c->m.via & DYAD_ACTOR_VIA_NAME) &&
        c->m.role[0] && !person_root(c->m.name)) {
        uint32_t after = token_at(doc, m->t0, m->t1, c->base + (uint32_t)c->m.end);
        if (after > n0 && after + 2 <= m->t1)
            k = after;
    }
    k = past_gloss(doc, k, m->t1);
    return k > n0 && k < m->t1 && all_propn(doc, k, m->t1) ? k : n0;
}

/* "Hunter Biden", "Michelle Obama": a dictionary person matched by the surname alone,
 * after a first name of the mention that the person's root does not have ("joe biden"),
 * is someone else of that family: the first name's token, else UINT32_MAX. A word that
 * is an office's title, an honorific or a name of its own is no first name ("President
 * Biden", "Kremlin Peskov"). */
static uint32_t another_bearer(const dyad_actor_dict *dict, const dyad_doc *doc,
                               const coded *c, const ment *m)
{
    const uint32_t none = UINT32_MAX;
    if (!c->found || !(c->m.via & DYAD_ACTOR_VIA_NAME) || (c->m.via & DYAD_ACTOR_VIA_TITLE) ||
        !person_root(c->m.name))
        return none;
    uint32_t k = token_at(doc, m->t0, m->t1, c->base + (uint32_t)c->m.start), f = k - 1;
    /* the surname alone: one word of a root of two or more */
    if (k <= m->t0 || k >= m->t1 ||
        token_at(doc, k, m->t1, c->base + (uint32_t)c->m.end) != k + 1 || !propn(doc, f) ||
        !upper_at(doc, f) ||
        ment_token_in(doc, f, ment_honorifics))
        return none;
    const dyad_token *w = &doc->tokens[f];
    size_t len = w->end - w->start;
    dyad_actor_match own;
    /* an office's title or a name; a civilian's noun is a first name ("Hunter") */
    if (len >= 32 || (dyad_actor_dict_lookup(dict, doc->text + w->start, len, 0, &own) &&
                      ((own.via & (DYAD_ACTOR_VIA_NAME | DYAD_ACTOR_VIA_METONYMY)) ||
                       (own.role[0] && strcmp(own.role, "CVL") != 0))))
        return none;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)doc->text[w->start + i] >= 0x80)
            return none; /* "Erdoğan": spelt otherwise in the root */
    char word[32];
    for (const char *p = c->m.name; *p;) {
        size_t wl = strcspn(p, " ");
        snprintf(word, sizeof word, "%.*s", (int)wl, p);
        if (ment_token_is(doc, f, word))
            return none;
        p += wl + (p[wl] == ' ');
    }
    return f;
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
    bool org = last_word_in(doc, m, ment_org_cues) || last_word_in(doc, m, ment_place_cues);
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
static bool of_before(const dyad_doc *doc, const ment *m, size_t at);

static const char *cue_type(const dyad_doc *doc, const coded *c, const ment *m)
{
    if (last_word_in(doc, m, ment_org_cues))
        return "organization";
    if (last_word_in(doc, m, ment_place_cues))
        return "place";
    if (c->found && !c->m.role[0] && c->base + c->m.end == span_end(doc, m->t1) &&
        !of_before(doc, m, c->base + c->m.start))
        return "place"; /* "South Vietnam", "Miramar California"; not "Patrice Talon of Benin" */
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

/* Whether the phrase [lo, hi] is headed by a word of kinship: "brother of a media
 * personality" is a private person of the relative's country, not a journalist. */
static bool kin_phrase(const dyad_doc *doc, uint32_t lo, uint32_t hi)
{
    for (uint32_t t = lo; t <= hi; t++) {
        int32_t h = doc->tokens[t].head;
        if (h < (int32_t)lo || h > (int32_t)hi)
            return ment_token_in(doc, t, ment_kin_words);
    }
    return false;
}

/* The code of a role apposition ("Fiona Hill, a former White House official"). */
static const char *appos_code(const dyad_actor_dict *dict, dyad_doc *doc, ment *m, int32_t date)
{
    /* "a Turkish national", "a British citizen": a country's civilian */
    static const char *const civilians[] = {"national", "nationals", "citizen", "citizens",
                                            "resident", "native", "woman", "man",
                                            "businessman", "businesswoman", "student",
                                            "tourist", NULL};
    uint32_t lo, hi;
    if (!dict || !(ment_apposition(doc, m, &lo, &hi) || ment_copula_predicate(doc, m, &lo, &hi)))
        return NULL;
    coded c;
    lookup(dict, doc, lo, hi + 1, date, &c);
    if (c.found && !c.m.role[0] && c.m.country[0] && strcmp(c.m.country, "IGO") != 0 &&
        ment_token_in(doc, hi, civilians)) {
        char code[8];
        snprintf(code, sizeof code, "%.3sCVL", c.m.country);
        return dyad_doc_strdup(doc, code, strlen(code));
    }
    if (!c.found || !c.m.role[0])
        return NULL;
    m->titled = 1;
    /* "Ahmed al-Assadi, a spokesman for the PMF": the role of a body no record knows, of
     * no country the text says (the story's would wrongly claim it) */
    static const char *const of_for[] = {"of", "for", "at", NULL};
    for (uint32_t t = lo + 1; t + 1 <= hi && !c.m.country[0]; t++) {
        uint32_t k = t + 1 < hi && ment_token_is(doc, t + 1, "the") ? t + 2 : t + 1;
        coded body;
        if (!ment_token_in(doc, t, of_for) || !upper_at(doc, k) ||
            span_start(doc, k) < c.base + c.m.end ||
            (k + 1 <= hi && ment_token_is(doc, k + 1, "'s")))
            continue; /* (not "a member of Avenatti's legal team": a person's) */
        lookup(dict, doc, k, hi + 1, date, &body);
        if (!body.found) {
            char code[40];
            snprintf(code, sizeof code, "---%s", c.m.code);
            return dyad_doc_strdup(doc, code, strlen(code));
        }
    }
    if (kin_phrase(doc, lo, hi)) {
        char code[8];
        snprintf(code, sizeof code, "%.3sCVL", c.m.country);
        return dyad_doc_strdup(doc, code, strlen(code));
    }
    return dyad_doc_strdup(doc, c.m.code, strlen(c.m.code));
}

/* A person whose dictionary roles ended before the date (ELI) but whose apposition
 * gives a role now: "Nancy Pelosi, the Speaker of the House" in 2019 is USALEG. */
static const char *lapsed_code(const dyad_actor_dict *dict, dyad_doc *doc, ment *m,
                               int32_t date, const coded *c)
{
    const char *role = appos_code(dict, doc, m, date);
    if (!role || !actor_code_is_role(role) || actor_code_is_transnational(role))
        return m->code;
    char code[40];
    snprintf(code, sizeof code, "%.3s%s", c->m.code, role);
    return dyad_doc_strdup(doc, code, strlen(code));
}

/* "Chief Executive of Hong Kong Carrie Lam": a person named after the place of an office
 * the words before it hold ("TITLE of [the] PLACE NAME") has that office; the name is
 * what follows the place. Only for a person: "the city of Toronto" is a place. */
static void office_of_place(const dyad_actor_dict *dict, dyad_doc *doc, ment *m, int32_t date,
                            const coded *place)
{
    const dyad_sentence *s = &doc->sentences[m->sentence];
    uint32_t of = m->t0;
    if (of > s->first && ment_token_is(doc, of - 1, "the"))
        of--;
    if (!place->found || !place->m.country[0] || place->m.role[0] || of < s->first + 2 ||
        !ment_token_is(doc, of - 1, "of"))
        return;
    uint32_t title = ment_title_before(dict, doc, s, of - 1);
    uint32_t name = token_at(doc, m->t0, m->t1, place->base + (uint32_t)place->m.country_end);
    if (title >= of - 1 || name <= m->t0 || name >= m->t1 || !all_propn(doc, name, m->t1))
        return;
    coded office;
    lookup(dict, doc, title, name, date, &office);
    if (!office.found || !office.m.role[0] || strncmp(office.m.code, place->m.code, 3) != 0)
        return;
    m->code = dyad_doc_strdup(doc, office.m.code, strlen(office.m.code));
    m->t0 = title, m->n0 = name, m->titled = 1;
}

/* ---- named entities ---------------------------------------------------- */

static const char *const ner_types[] = {"person", "organization", "place"};

/* The entity [*s, *e) of labels lab that starts first in [lo, hi) (an entity begun before
 * lo counts from lo's entity start); false when none. */
static bool entity_from(const uint8_t *lab, uint32_t lo, uint32_t hi, uint32_t n, uint32_t *s,
                        uint32_t *e)
{
    for (uint32_t t = lo; t < hi; t++) {
        if (lab[t] == NER_O)
            continue;
        *s = t;
        while (*s > 0 && !(lab[*s] & 1) && lab[*s - 1] != NER_O)
            (*s)--; /* back to the B- */
        *e = t + 1;
        while (*e < n && lab[*e] == lab[*s] + 1)
            (*e)++;
        return true;
    }
    return false;
}

/* The entity that overlaps the name [n0, t1) most, as a type index; -1 when none. */
static int ner_overlap(const dyad_doc *doc, const uint8_t *lab, const ment *m, uint32_t *es,
                       uint32_t *ee)
{
    int best = -1;
    uint32_t most = 0, s, e;
    for (uint32_t t = m->n0; t < m->t1 && entity_from(lab, t, m->t1, (uint32_t)doc->n_tokens, &s, &e);
         t = e) {
        uint32_t lo = s > m->n0 ? s : m->n0, hi = e < m->t1 ? e : m->t1;
        if (hi - lo > most)
            most = hi - lo, best = (lab[s] - 1) / 2, *es = s, *ee = e;
    }
    return best;
}

/* Types the mention from the tagger, unless the dictionary knows it for a person, place
 * or group (its organisations are often one-word names of people with a role). A
 * mention the tagger does not see keeps only a dictionary type or a title. The spans
 * stay the chains': on UNER EWT dev, taking the tagger's spans or adding the entities no
 * chain covers lost more precision than it gained recall (2-fold, -2 to -3 F1). */
static void ner_retype(const dyad_doc *doc, const uint8_t *lab, ment *m, const char *dt)
{
    uint32_t s, e;
    int type = ner_overlap(doc, lab, m, &s, &e);
    if (type < 0) {
        if (!dt && !m->titled)
            m->type = NULL;
        return;
    }
    m->ner = 1;
    if (m->titled && type != 0 && has_rel(doc, m->n0 + 1, m->t1, "flat"))
        m->type = "person"; /* "Army General Valery Gerasimov", not "airline Mahan Air" */
    else if (!dt || (!strcmp(dt, "organization") &&
                     !(m->code && !strncmp(m->code, "IGO", 3) && m->t1 - m->n0 > 1)))
        m->type = ner_types[type]; /* "Nasrallah" LBNREB is a man, not his party */
    else if (dt && !strcmp(dt, "organization"))
        return; /* a body of states by its name ("Organization of American States") */
    /* a title the chain took for the name: "Senator"; a place's first word is none
     * ("Tel Aviv") */
    if (s > m->n0 && s < m->t1 && type == 0 && !(dt && !strcmp(dt, "place")))
        m->n0 = s;
}

/* Whether the words at byte at inside m follow "of" or "from" ("Warren of Massachusetts"). */
static bool of_before(const dyad_doc *doc, const ment *m, size_t at)
{
    for (uint32_t t = m->n0 + 1; t < m->t1; t++) {
        const dyad_token *k = &doc->tokens[t - 1];
        if (doc->tokens[t].start != at)
            continue;
        size_t n = k->end - k->start;
        return (n == 2 && !strncasecmp(doc->text + k->start, "of", 2)) ||
               (n == 4 && !strncasecmp(doc->text + k->start, "from", 4));
    }
    return false;
}

/* Where someone goes is a place: "flew to Moscow", "headed for Moscow", "returned to
 * Kyiv" (a letter sent to Moscow still goes to the government). */
/* "a strike on Beirut", "an attack against Kyiv": what is struck is the city, not its
 * government. */
static bool struck(const dyad_doc *doc, const ment *m)
{
    static const char *const on[] = {"on", "against", NULL};
    static const char *const attacks[] = {"strike", "strikes", "attack", "attacks", "airstrike",
                                          "airstrikes", "raid", "raids", "bombing", "shelling",
                                          "bombardment", "assault", NULL};
    uint32_t first = doc->sentences[m->sentence].first;
    return m->t0 >= first + 2 && ment_token_in(doc, m->t0 - 1, on) &&
           ment_token_in(doc, m->t0 - 2, attacks);
}

static bool destination(const dyad_doc *doc, const ment *m)
{
    static const char *const to[] = {"to", "for", "into", NULL};
    static const char *const going[] = {"travel", "fly", "head", "go", "return", "arrive", "come",
                                        "move", "drive", "sail", "flee", "relocate", "walk",
                                        NULL};
    uint32_t first = doc->sentences[m->sentence].first;
    if (m->t0 < first + 2 || !ment_token_in(doc, m->t0 - 1, to))
        return false;
    const char *lemma = doc->tokens[m->t0 - 2].lemma;
    for (const char *const *w = going; lemma && *w; w++)
        if (!strcmp(lemma, *w))
            return true;
    return false;
}

/* Whether the word at token t stands alone elsewhere in the document as the subject or
 * the owner of something, as a surname does after the full name ("Vladimir Rebic ...
 * Rebic said"), and is no name the dictionary knows ("Melbourne Australia ...
 * Australia"). */
static bool surname_alone(const dyad_actor_dict *dict, const dyad_doc *doc, uint32_t t)
{
    const dyad_token *w = &doc->tokens[t], *first = &doc->tokens[t - 1];
    size_t n = w->end - w->start, nf = first->end - first->start;
    dyad_actor_match known;
    if (dict && dyad_actor_dict_lookup(dict, doc->text + w->start, n, 0, &known))
        return false;
    for (uint32_t i = 1; i < doc->n_tokens; i++) {
        const dyad_token *o = &doc->tokens[i], *before = &doc->tokens[i - 1];
        if (i != t && o->end - o->start == n && upper_at(doc, i) &&
            memcmp(doc->text + o->start, doc->text + w->start, n) == 0 &&
            !(before->end - before->start == nf &&
              memcmp(doc->text + before->start, doc->text + first->start, nf) == 0) &&
            o->deprel && (!strncmp(o->deprel, "nsubj", 5) || !strcmp(o->deprel, "nmod:poss")) &&
            !(before->upos && strcmp(before->upos, "DET") == 0) && !acronym(doc, i))
            return true; /* someone who acts or has: "Rebic said"; "the Olympiad", "CBD" not */
    }
    return false;
}

/* Whether a currency sign is written right after the mention ("US$", "HK$"). */
static bool currency_sign_after(const dyad_doc *doc, const ment *m)
{
    const dyad_sentence *s = &doc->sentences[m->sentence];
    uint32_t t = m->t1 - 1;
    return t + 1 < s->first + s->count && !(doc->tokens[t].flags & DYAD_TOKEN_SPACE_AFTER) &&
           (ment_token_is(doc, t + 1, "$") || ment_token_is(doc, t + 1, "€") ||
            ment_token_is(doc, t + 1, "£"));
}

static bool code_one(const dyad_actor_dict *dict, const uint8_t *lab, dyad_doc *doc, ment *m,
                     int32_t date)
{
    coded c;
    lookup(dict, doc, m->t0, m->t1, date, &c);
    uint32_t first = another_bearer(dict, doc, &c, m);
    if (first != UINT32_MAX)
        c.found = false;
    /* "Mick Cash": a word for no actor ("cash", NON) inside a name says nothing of it */
    if (c.found && actor_code_is_discard(c.m.code) && c.base + c.m.start > span_start(doc, m->t0))
        c.found = false;
    bool locative = m->t0 > doc->sentences[m->sentence].first &&
                    (ment_token_in(doc, m->t0 - 1, ment_locatives) || destination(doc, m) ||
                     struck(doc, m));
    if (c.found && c.m.via == DYAD_ACTOR_VIA_METONYMY && locative)
        c.m.code[3] = '\0'; /* "talks in Moscow": the country, not its government */
    if (c.found && c.m.via == DYAD_ACTOR_VIA_METONYMY && locative && !strcmp(c.m.code, "IGO"))
        memcpy(c.m.code, "---", 4); /* "flew to Brussels": a city, whose country the seat's
                                     * record does not hold, not "IGO" */
    split_name(dict, doc, &c, m);
    if (m->n0 > first) /* "Hunter" is a hunter's title too */
        m->n0 = first;
    m->code = c.found ? dyad_doc_strdup(doc, c.m.code, strlen(c.m.code)) : NULL;
    /* "the Sea of Japan", "the Gulf of Mexico", "the South China Sea": water named after a
     * country is no actor (vessels "in the South China Sea" are not China's) */
    bool water = (m->t1 - m->n0 >= 3 && token_word(doc, m->n0, actor_water_word) &&
                  ment_token_is(doc, m->n0 + 1, "of")) ||
                 (m->t1 - m->n0 >= 2 && token_word(doc, m->t1 - 1, actor_water_word) &&
                  upper_at(doc, m->t1 - 1));
    /* "the Paris Agreement", "the Minsk agreements", "the Kyoto Protocol": a document named
     * after the city it was made in is no actor, nor is that city's government ("the
     * US-Taliban agreement" still names its parties) */
    const dyad_sentence *sent = &doc->sentences[m->sentence];
    bool document = token_word(doc, m->t1 - 1, actor_document_word) ||
                    (c.found && (c.m.via & DYAD_ACTOR_VIA_METONYMY) &&
                     m->t1 < sent->first + sent->count &&
                     token_word(doc, m->t1, actor_document_word));
    if (water || document)
        m->code = NULL;
    /* "the National Hurricane Center" is an agency named after storms, not a storm; "Queen
     * Victoria Market" a place named after a queen, not one */
    bool place = last_word_in(doc, m, ment_place_cues) && !of_inside(doc, m);
    if (m->code && (place || last_word_in(doc, m, ment_org_cues)) &&
        (actor_code_is_discard(m->code) ||
         (place && c.m.via == DYAD_ACTOR_VIA_TITLE && c.base + c.m.end < span_end(doc, m->t1))))
        m->code = NULL;
    m->stateless = c.found && c.m.via == DYAD_ACTOR_VIA_NAME && !c.m.country[0];
    m->dict_person = c.found && (c.m.via & DYAD_ACTOR_VIA_NAME) && person_root(c.m.name);
    if (!m->code)
        m->code = appos_code(dict, doc, m, date);
    else if (c.m.via & DYAD_ACTOR_VIA_LAPSED)
        m->code = lapsed_code(dict, doc, m, date, &c);
    const char *dt = dict_type(doc, &c, m);
    /* A dictionary name that covers the mention knows its type ("the group Hamas"). */
    m->type = dt ? dt : m->titled ? "person" : cue_type(doc, &c, m);
    if (lab)
        ner_retype(doc, lab, m, dt);
    if (water)
        m->type = "place";
    /* "Sudesh Amman": a city in a person's name says nothing of the person; nor does a
     * first name that is a place ("Vladimir Rebic", "Doris Day") where the name is a
     * person's beyond doubt: titled, or its surname alone elsewhere */
    uint32_t name_start = span_start(doc, m->n0);
    if (m->code && c.found && m->type && !strcmp(m->type, "person") && !dt && !c.m.role[0] &&
        !(c.m.via & (DYAD_ACTOR_VIA_TITLE | DYAD_ACTOR_VIA_ADJECTIVE)) &&
        (c.base + c.m.start > name_start ||
         (c.base + c.m.start == name_start && m->t1 - m->n0 == 2 &&
          c.base + c.m.end == span_end(doc, m->n0 + 1) &&
          (m->titled || surname_alone(dict, doc, m->t1 - 1)))) &&
        !of_before(doc, m, c.base + c.m.start))
        m->code = appos_code(dict, doc, m, date);
    if (m->type && !strcmp(m->type, "person") && (!m->code || strlen(m->code) == 3))
        office_of_place(dict, doc, m, date, &c);
    /* Web text writes "malaysia": lower case is a name only when the dictionary or the
     * tagger knows it; "US$750" is a sum, no mention of the US. */
    if (!name_like(doc, m) || currency_sign_after(doc, m) ||
        (!has_capital(doc, m) && !(dt && !strcmp(dt, "place")) && !m->ner))
        m->type = NULL;
    uint32_t a = span_start(doc, m->n0);
    m->name = dyad_doc_strdup(doc, doc->text + a, span_end(doc, m->t1) - a);
    return m->name != NULL;
}

/* The last word of a person's name, before any "of" ("Senator Elizabeth Warren of
 * Massachusetts" is Warren); its length in *len, NULL when the name is one word. */
static const char *name_last_word(const char *name, size_t *len)
{
    const char *of = strstr(name, " of ");
    size_t n = of ? (size_t)(of - name) : strlen(name);
    const char *w = NULL;
    for (size_t i = 0; i < n; i++)
        if (name[i] == ' ')
            w = name + i + 1;
    if (w)
        *len = n - (size_t)(w - name);
    return w;
}

/* How often the person named name was mentioned among all[from..n). */
static size_t times_named(const ment *all, size_t from, size_t n, const char *name)
{
    size_t k = 0;
    for (size_t i = from; i < n; i++)
        k += all[i].name && all[i].type && !strcmp(all[i].type, "person") &&
             !strcmp(all[i].name, name);
    return k;
}

/* A one-word name that is the first or last word of a person named before takes that
 * person's full name (and code, when it has none of its own); so does the same one word
 * of a person a title named ("security minister Wiranto"). Of two people it fits
 * ("Robert Mugabe", then his wife "Grace Mugabe"), the one named more often: news calls
 * the relative by her full or first name and the story's subject by the surname. */
static void corefer(const dyad_doc *doc, ment *all, size_t n, ment *m)
{
    if (m->t1 - m->n0 != 1 || !name_like(doc, m) || !has_capital(doc, m))
        return;
    const char *w = m->name;
    size_t wl = strlen(w);
    size_t from = n > COREF_WINDOW ? n - COREF_WINDOW : 0;
    const ment *best = NULL;
    size_t best_times = 0;
    const char *weighed[8]; /* the names counted already: a few, whatever the input */
    size_t n_weighed = 0;
    for (size_t i = n; i-- > from;) {
        const ment *p = &all[i];
        /* the dictionary's "President Biden" is no "Hunter Biden" of no code */
        if (!p->type || strcmp(p->type, "person") != 0 || !p->name ||
            (m->dict_person && !p->code))
            continue;
        bool mononym = p->t1 - p->n0 == 1 && p->titled && p->code && !strcmp(p->name, w);
        if (p->t1 - p->n0 < 2 && !mononym)
            continue;
        size_t ll = 0;
        const char *last = name_last_word(p->name, &ll);
        bool is_last = last && ll == wl && strncmp(last, w, wl) == 0;
        bool is_first = strncmp(p->name, w, wl) == 0 && p->name[wl] == ' ';
        if (!is_last && !is_first && !mononym)
            continue;
        bool again = false;
        for (size_t k = 0; k < n_weighed && !again; k++)
            again = !strcmp(weighed[k], p->name);
        if (again || n_weighed == sizeof weighed / sizeof *weighed)
            continue;
        weighed[n_weighed++] = p->name;
        size_t times = times_named(all, from, n, p->name);
        if (!best || times > best_times)
            best = p, best_times = times;
    }
    if (!best)
        return;
    m->name = best->name;
    m->type = "person";
    if (!m->code || !m->titled)
        m->code = best->code;
}

/* The person met before whose surname is token t ("Guterres", which the tagger may call a
 * noun), or NULL. */
static const ment *surname_of(const dyad_doc *doc, const ment_list *l, size_t upto, uint32_t t)
{
    const dyad_token *k = &doc->tokens[t];
    size_t n = k->end - k->start;
    for (size_t i = upto; i-- > 0 && upto - i <= COREF_WINDOW;) {
        const ment *p = &l->m[i];
        size_t ll = 0;
        const char *last = p->type && !strcmp(p->type, "person") && p->t1 - p->n0 >= 2
                               ? name_last_word(p->name, &ll) : NULL;
        if (last && ll == n && !memcmp(last, doc->text + k->start, n))
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
        ment m = {.t0 = t, .t1 = t + 1, .c0 = t, .n0 = t, .sentence = si, .type = "person",
                  .code = p->code, .name = p->name};
        if (!ment_insert(l, at, &m))
            return false;
    }
    return true;
}

/* Copies the typed mentions (those with no type named nothing) into the document, with
 * antecedents as indices among the copied ones. */
static dyad_status emit(dyad_doc *doc, const ment_list *l)
{
    doc->actors = dyad_arena_alloc(doc->arena, (l->n ? l->n : 1) * sizeof *doc->actors);
    int32_t *at = malloc((l->n ? l->n : 1) * sizeof *at);
    if (!doc->actors || !at) {
        free(at);
        return DYAD_ENOMEM;
    }
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++) {
        const ment *m = &l->m[i];
        at[i] = m->type ? (int32_t)n : -1;
        if (!m->type)
            continue;
        int32_t ante = m->ante1 && m->ante1 - 1 < i ? at[m->ante1 - 1] : -1;
        doc->actors[n++] = (dyad_mention){.start = span_start(doc, m->t0),
                                          .end = span_end(doc, m->t1),
                                          .name = m->name,
                                          .type = m->type,
                                          .code = m->code,
                                          .sentence = m->sentence,
                                          .antecedent = ante,
                                          .form = m->form ? m->form : "name",
                                          .country_inferred = m->inferred};
    }
    doc->n_actors = n;
    free(at);
    return DYAD_OK;
}

/* Finds, codes and types the mentions of every sentence into l; lab (may be NULL) holds
 * the tagger's labels. */
static dyad_status find_all(const dyad_actor_dict *dict, const uint8_t *lab, dyad_doc *doc,
                            ment_list *l)
{
    int32_t date = date_of(doc);
    for (size_t s = 0; s < doc->n_sentences; s++) {
        size_t from = l->n;
        if (!ment_spans(dict, doc, (int32_t)s, l))
            return DYAD_ENOMEM;
        for (size_t i = from; i < l->n; i++) {
            if (!code_one(dict, lab, doc, &l->m[i], date))
                return DYAD_ENOMEM;
            corefer(doc, l->m, i, &l->m[i]);
        }
        if (!add_surnames(doc, l, from, (int32_t)s))
            return DYAD_ENOMEM;
    }
    return DYAD_OK;
}

/* Whether name is other or its last words ("Carrie Lam" in "Hong Kong Carrie Lam"). */
static bool name_ends(const char *other, const char *name)
{
    size_t a = strlen(other), b = strlen(name);
    return a >= b && strcmp(other + a - b, name) == 0 && (a == b || other[a - b - 1] == ' ');
}

/* A full name said again without the title that coded it, earlier or later in the
 * document ("Sadiq Khan ... Mayor of London Sadiq Khan"), takes the code it had there. */
static void share_codes(ment_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        ment *m = &l->m[i];
        /* a role alone from an apposition ("fiancée of ...": CVL) takes the country the
         * name has elsewhere ("Hatice Cengiz is a Turkish national") */
        if ((m->code && strcmp(m->code, "CVL") != 0) || !m->type ||
            strcmp(m->type, "person") != 0 || !m->name || !strchr(m->name, ' '))
            continue;
        size_t best = SIZE_MAX, dist = SIZE_MAX;
        size_t lo = i > COREF_WINDOW ? i - COREF_WINDOW : 0;
        size_t hi = l->n - i > COREF_WINDOW ? i + COREF_WINDOW : l->n; /* linear on huge inputs */
        for (size_t j = lo; j < hi; j++) {
            const ment *p = &l->m[j];
            size_t d = j > i ? j - i : i - j;
            if (p->code && p->type && !strcmp(p->type, "person") && p->name && d < dist &&
                name_ends(p->name, m->name) && !(m->code && actor_code_is_role(p->code)))
                best = j, dist = d;
        }
        if (best != SIZE_MAX)
            m->code = l->m[best].code;
    }
}

/* The country of a nationality word ("Iraqi", "Kenyan"), kept in the doc's arena, or NULL. */
static const char *nationality(const dyad_actor_dict *dict, dyad_doc *doc, const dyad_token *t)
{
    dyad_actor_match m;
    if (!dict || !t->upos || strcmp(t->upos, "ADJ") != 0 ||
        !isupper((unsigned char)doc->text[t->start]) ||
        !dyad_actor_dict_lookup(dict, doc->text + t->start, t->end - t->start, 0, &m) ||
        strlen(m.code) != 3 || actor_code_is_role(m.code))
        return NULL;
    return dyad_doc_strdup(doc, m.code, 3);
}

/* The story's country: the one its names give (actor_main_country), else, when they
 * give none, the one they give with its nationality words ("Iraqi protesters"). */
/* Whether the mention in sentence sentence lies in the headline, which names the story's
 * country more surely than a passing mention ("Arrests made in theft of gold toilet in
 * England", an artwork entitled "America" in the body): it counts three times. */
static int title_weight(const dyad_doc *doc, int32_t sentence)
{
    return doc->title && sentence == 0 ? 3 : 1;
}

static bool main_country(const dyad_actor_dict *dict, dyad_doc *doc, const ment_list *l,
                         char out[4])
{
    const char **codes = malloc((3 * l->n + doc->n_tokens + 1) * sizeof *codes);
    if (!codes)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++) {
        /* each one named counts once: a foreigner quoted ten times makes no story hers */
        const ment *m = &l->m[i];
        bool again = false, person = m->name && m->type && !strcmp(m->type, "person");
        for (size_t j = i; person && !again && j-- > 0 && i - j <= COREF_WINDOW;)
            again = l->m[j].name && l->m[j].sentence != 0 && !strcmp(l->m[j].name, m->name);
        for (int k = 0; m->type && !again && k < title_weight(doc, m->sentence); k++)
            codes[n++] = m->code;
    }
    actor_main_country(codes, n, out);
    if (!out[0]) {
        for (size_t i = 0; i < doc->n_tokens; i++)
            if ((codes[n] = nationality(dict, doc, &doc->tokens[i])))
                n++;
        actor_main_country(codes, n, out);
    }
    free(codes);
    return true;
}

/* Role-only codes ("GOVMIL" for "Defense Ministry spokesman Igor Konashenkov") take the
 * country the document is about, marked inferred: "RUSGOVMIL" in a story about Russia.
 * A person nothing codes stays uncoded: given the story's country, such people made 16 %
 * more events in the Wikinews articles, most of them noise, for 2 more gold events. */
static bool add_country(const dyad_actor_dict *dict, dyad_doc *doc, ment_list *l)
{
    char country[4];
    if (!main_country(dict, doc, l, country))
        return false;
    memcpy(doc->country, country, 4);
    const char *from = NULL, *to = NULL; /* the last code changed: names repeat */
    for (size_t i = 0; country[0] && i < l->n; i++) {
        ment *m = &l->m[i];
        if (!m->type || !m->code || !actor_code_is_role(m->code) ||
            actor_code_is_transnational(m->code) || m->stateless)
            continue; /* NGOs, multinationals and named bodies of no country belong to none */
        if (m->code != from) {
            char code[40];
            snprintf(code, sizeof code, "%s%s", country, m->code);
            from = m->code;
            if (!(to = dyad_doc_strdup(doc, code, strlen(code))))
                return false;
        }
        m->code = to;
        m->inferred = 1;
    }
    return true;
}

/* The NER label scheme of a mention type, as the UNER guidelines count it: a group that is
 * a country's people ("Palestinians") is no organisation. */
static int label_of(const ment *m)
{
    if (!m->type)
        return NER_O;
    if (!strcmp(m->type, "person"))
        return NER_B_PER;
    if (!strcmp(m->type, "place"))
        return NER_B_LOC;
    if (!strcmp(m->type, "group") && m->code && strlen(m->code) == 3)
        return NER_O;
    return NER_B_ORG;
}

dyad_status ment_heuristic_labels(const dyad_actor_dict *dict, dyad_doc *doc, uint8_t *lab)
{
    memset(lab, NER_O, doc->n_tokens);
    if (doc->n_tokens == 0 || !doc->tokens[0].upos)
        return DYAD_OK;
    ment_list l = {0};
    dyad_status st = find_all(dict, NULL, doc, &l);
    for (size_t i = 0; i < l.n && st == DYAD_OK; i++) {
        int b = label_of(&l.m[i]);
        for (uint32_t t = l.m[i].n0; b != NER_O && t < l.m[i].t1; t++)
            lab[t] = (uint8_t)(t == l.m[i].n0 ? b : b + 1);
    }
    free(l.m);
    return st;
}

/* NER labels of every token ([n_tokens], arena), or NULL without weights. */
static uint8_t *ner_labels(const dyad_actor_dict *dict, const ner_model *ner, dyad_doc *doc,
                           dyad_status *st)
{
    if (!ner)
        return NULL;
    uint8_t *lab = dyad_arena_calloc(doc->arena, doc->n_tokens, 1);
    uint8_t *heur = dyad_arena_calloc(doc->arena, doc->n_tokens, 1);
    size_t longest = 0;
    for (size_t s = 0; s < doc->n_sentences; s++)
        longest = doc->sentences[s].count > longest ? doc->sentences[s].count : longest;
    ner_word *w = malloc((longest + 1) * sizeof *w);
    if (!lab || !heur || !w || (*st = ment_heuristic_labels(dict, doc, heur)) != DYAD_OK) {
        free(w);
        *st = DYAD_ENOMEM;
        return NULL;
    }
    for (size_t s = 0; s < doc->n_sentences; s++) {
        const dyad_sentence *sn = &doc->sentences[s];
        ner_words(doc, sn, w);
        ner_dict_classes(dict, &ner->names, w, sn->count);
        for (uint32_t i = 0; i < sn->count; i++)
            w[i].heur = heur[sn->first + i];
        ner_tag(ner, w, sn->count, lab + sn->first);
    }
    free(w);
    return lab;
}

/* doc->country from the final mentions (coreference gives pronouns and short names their
 * codes), else the one add_country found with the nationality words. */
static bool story_country(dyad_doc *doc)
{
    const char **codes = malloc((3 * doc->n_actors + 1) * sizeof *codes);
    if (!codes)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < doc->n_actors; i++)
        for (int k = 0; k < title_weight(doc, doc->actors[i].sentence); k++)
            codes[n++] = doc->actors[i].code;
    char out[4];
    actor_main_country(codes, n, out);
    free(codes);
    if (out[0])
        memcpy(doc->country, out, 4);
    return true;
}

dyad_status dyad_mentions_find(const dyad_actor_dict *dict, dyad_doc *doc)
{
    return ment_find(dict, NULL, doc);
}

/* "Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin": a plural title
 * before names joined by "and" is each one's; the second takes its role with its own
 * country. */
static void plural_titles(dyad_doc *doc, ment_list *l)
{
    for (size_t i = 0; i + 1 < l->n; i++) {
        const ment *a = &l->m[i];
        ment *b = &l->m[i + 1];
        const char *tx = a->t0 < a->n0 ? doc->tokens[a->n0 - 1].xpos : NULL;
        if (!tx || (strcmp(tx, "NNPS") != 0 && strcmp(tx, "NNS") != 0))
            continue;
        if (!a->code || !actor_code_has_role(a->code, "GOV") || b->sentence != a->sentence ||
            b->t0 != a->t1 + 1 || !ment_token_is(doc, a->t1, "and") || !b->type ||
            strcmp(b->type, "person") != 0 || !b->code || strlen(b->code) != 3 ||
            actor_code_is_role(b->code))
            continue;
        char code[16];
        snprintf(code, sizeof code, "%s%s", b->code, a->code + 3);
        b->code = dyad_doc_strdup(doc, code, strlen(code));
    }
}

/* "Joanna Cherry of the Scottish National Party": a person no dictionary codes, named
 * with the party or body she belongs to, is of that body. */
static void members_of_bodies(const dyad_doc *doc, ment_list *l)
{
    for (size_t i = 0; i + 1 < l->n; i++) {
        ment *m = &l->m[i];
        const dyad_sentence *s = &doc->sentences[m->sentence];
        uint32_t k = m->t1, end = s->first + s->count;
        if (m->code || !m->type || strcmp(m->type, "person") != 0 || k + 1 >= end ||
            !ment_token_is(doc, k, "of"))
            continue;
        k += ment_token_is(doc, k + 1, "the") ? 2 : 1;
        for (size_t j = i + 1; j < l->n && l->m[j].t0 <= k; j++) {
            const ment *o = &l->m[j];
            if (o->t0 == k && o->code && o->type && strcmp(o->type, "organization") == 0 &&
                actor_code_has_role(o->code, "PTY"))
                m->code = o->code;
        }
    }
}

dyad_status ment_find(const dyad_actor_dict *dict, const ner_model *ner, dyad_doc *doc)
{
    if (!doc || doc->n_tokens == 0 || !doc->tokens[0].upos)
        return DYAD_OK; /* needs the tagger and parser */
    ment_list l = {0};
    dyad_status st = DYAD_OK;
    const uint8_t *lab = ner_labels(dict, ner, doc, &st);
    if (st == DYAD_OK)
        st = find_all(dict, lab, doc, &l);
    if (st == DYAD_OK) {
        members_of_bodies(doc, &l);
        plural_titles(doc, &l);
        share_codes(&l);
    }
    if (st == DYAD_OK && !add_country(dict, doc, &l))
        st = DYAD_ENOMEM;
    if (st == DYAD_OK && !ment_coref(dict, ner ? &ner->names : NULL, doc, &l))
        st = DYAD_ENOMEM;
    if (st == DYAD_OK)
        st = emit(doc, &l);
    if (st == DYAD_OK && !story_country(doc))
        st = DYAD_ENOMEM;
    free(l.m);
    return st;
}
