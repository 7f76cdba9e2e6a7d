/* Mention spans from the parse: proper-noun chains, the titles before them, appositions. */
#include "mentions.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The token's bytes without a final full stop: "Corp." is "corp". */
static size_t token_word(const dyad_doc *doc, uint32_t t, const char **s)
{
    const dyad_token *k = &doc->tokens[t];
    size_t n = k->end - k->start;
    *s = doc->text + k->start;
    return n > 1 && doc->text[k->end - 1] == '.' ? n - 1 : n;
}

/* Case-insensitive equality of s[0..n) and word; the first letters differ for
 * most words of a list, so they are compared before anything else. */
static bool word_equal(const char *s, size_t n, const char *word)
{
    if (n && tolower((unsigned char)s[0]) != tolower((unsigned char)word[0]))
        return false;
    return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

bool ment_token_is(const dyad_doc *doc, uint32_t t, const char *word)
{
    const char *s;
    size_t n = token_word(doc, t, &s);
    return word_equal(s, n, word);
}

bool ment_token_in(const dyad_doc *doc, uint32_t t, const char *const *list)
{
    const char *s;
    size_t n = token_word(doc, t, &s);
    for (; *list; list++)
        if (word_equal(s, n, *list))
            return true;
    return false;
}

static bool is_upos(const dyad_token *t, const char *upos)
{
    return t->upos && strcmp(t->upos, upos) == 0;
}

/* Words that join proper nouns into one name: "Bank of America", "AT & T". */
static const char *const joiners[] = {"of", "&", "de", "for", "du", "von", "van", "al", NULL};
/* Company suffixes that follow a comma: "CCNG, Inc." */
static const char *const suffixes[] = {"inc", "ltd", "llc", "corp", "co", "plc", NULL};

/* "and" inside a name that already has "of": "Department of Housing and Urban Development"
 * ("Russia and China" stay two names). */
static bool of_before(const dyad_doc *doc, const dyad_sentence *s, uint32_t t)
{
    while (t > s->first && is_upos(&doc->tokens[t - 1], "PROPN"))
        t--;
    return t > s->first + 1 && ment_token_is(doc, t - 1, "of") &&
           ment_token_in(doc, t - 2, ment_org_cues);
}

/* Token t is capitalised inside the sentence (not its first word, which always is). */
static bool capital(const dyad_doc *doc, const dyad_sentence *s, uint32_t t)
{
    return t > s->first && isupper((unsigned char)doc->text[doc->tokens[t].start]);
}

/* A month the parser made part of the name before it, with no day after it:
 * "Theresa May", "Brian May's", not "Baghdad May 5". */
static bool surname_month(const dyad_doc *doc, const dyad_sentence *s, uint32_t t)
{
    const dyad_token *k = &doc->tokens[t];
    uint32_t end = s->first + s->count;
    return t > s->first && k->head == (int32_t)t - 1 && k->deprel &&
           strcmp(k->deprel, "flat") == 0 && is_upos(&doc->tokens[t - 1], "PROPN") &&
           ment_token_in(doc, t, ment_name_months) &&
           !(t + 1 < end && isdigit((unsigned char)doc->text[doc->tokens[t + 1].start]));
}

/* A hyphen at h that joins a lower-case syllable to a name of two or more words
 * ("Moon Jae-in", "Yoon Suk-yeol"; the tokenizer splits hyphens), not "the US-led". */
static bool name_syllable_after(const dyad_doc *doc, const dyad_sentence *s, uint32_t h)
{
    uint32_t end = s->first + s->count;
    if (h < s->first + 2 || h + 1 >= end || !ment_token_is(doc, h, "-") ||
        (doc->tokens[h - 1].flags & DYAD_TOKEN_SPACE_AFTER) ||
        (doc->tokens[h].flags & DYAD_TOKEN_SPACE_AFTER) ||
        !is_upos(&doc->tokens[h - 1], "PROPN") || !is_upos(&doc->tokens[h - 2], "PROPN"))
        return false;
    const dyad_token *k = &doc->tokens[h + 1];
    if (k->end - k->start > 5 || is_upos(k, "VERB"))
        return false;
    for (uint32_t i = k->start; i < k->end; i++)
        if (!islower((unsigned char)doc->text[i]))
            return false;
    return true;
}

/* Token t continues a chain that ends at t - 1: a proper noun; a capitalised adjective
 * or noun before one ("US National Security Council", the tagger calls "National" ADJ);
 * or a joiner between two ("Secretary of State", not "Russia of all places"). */
static bool joins(const dyad_doc *doc, const dyad_sentence *s, uint32_t t)
{
    uint32_t end = s->first + s->count;
    const dyad_token *k = &doc->tokens[t];
    if (ment_token_in(doc, t, ment_not_names) && !surname_month(doc, s, t))
        return false; /* "Fallujah Wednesday" is a place and a day */
    if (is_upos(k, "PROPN"))
        return true;
    if (t + 1 < end && ment_token_is(doc, t, ",") && ment_token_in(doc, t + 1, suffixes))
        return true;
    if (t + 1 < end && ment_token_is(doc, t, "-") && is_upos(&doc->tokens[t + 1], "PROPN") &&
        !(doc->tokens[t - 1].flags & DYAD_TOKEN_SPACE_AFTER) &&
        !(k->flags & DYAD_TOKEN_SPACE_AFTER))
        return true; /* "al-Sadr", "Al-Qaeda": one written word */
    if (name_syllable_after(doc, s, t) || (t > s->first && name_syllable_after(doc, s, t - 1)))
        return true;
    if (t + 1 >= end || !is_upos(&doc->tokens[t + 1], "PROPN") || !capital(doc, s, t + 1))
        return false;
    if (ment_token_is(doc, t, "and") && of_before(doc, s, t))
        return true;
    if ((is_upos(k, "ADJ") || is_upos(k, "NOUN")) && capital(doc, s, t))
        return true;
    return ment_token_in(doc, t, joiners) && is_upos(&doc->tokens[t - 1], "PROPN");
}

bool ment_title(const dyad_actor_dict *dict, const dyad_doc *doc, uint32_t t)
{
    const dyad_token *k = &doc->tokens[t];
    dyad_actor_match m;
    return dict && dyad_actor_dict_lookup(dict, doc->text + k->start, k->end - k->start, 0, &m) &&
           m.via == DYAD_ACTOR_VIA_TITLE;
}

/* A noun the dictionary knows as a title ("spokeswoman"), which the parser may have
 * hung elsewhere. */
static bool dict_title(const dyad_actor_dict *dict, const dyad_doc *doc, uint32_t t)
{
    return is_upos(&doc->tokens[t], "NOUN") && ment_title(dict, doc, t);
}

uint32_t ment_title_before(const dyad_actor_dict *dict, const dyad_doc *doc,
                           const dyad_sentence *s, uint32_t t)
{
    /* a title ends in a noun, or in a capitalised word the tagger may call anything
     * ("Chief Executive"); "official Twitter" is no title */
    if (!dict || t == s->first ||
        !(is_upos(&doc->tokens[t - 1], "NOUN") || capital(doc, s, t - 1)))
        return t;
    for (uint32_t k = 3; k >= 1; k--) {
        if (t < s->first + k)
            continue;
        uint32_t a = t - k;
        bool words = true; /* PLOVER's agents make days a "title" (NON): "Sunday" is none */
        for (uint32_t i = a; i < t && words; i++)
            words = (is_upos(&doc->tokens[i], "NOUN") || is_upos(&doc->tokens[i], "PROPN") ||
                     is_upos(&doc->tokens[i], "ADJ")) &&
                    !ment_token_in(doc, i, ment_not_names);
        const dyad_token *x = &doc->tokens[a], *y = &doc->tokens[t - 1];
        dyad_actor_match m;
        size_t len = y->end - x->start;
        if (!words || !dyad_actor_dict_lookup(dict, doc->text + x->start, len, 0, &m) ||
            !(m.via & DYAD_ACTOR_VIA_TITLE) || m.end != len ||
            (m.country_end > m.country_start && m.country_end >= m.end))
            continue; /* the title ends the words, not a country: "judge rules American" */
        uint32_t first = a;
        while (first < t && doc->tokens[first].end <= x->start + m.start)
            first++;
        return first;
    }
    return t;
}

/* Token t belongs to a title or modifier left of [lo, hi): a noun, adjective or
 * proper noun that attaches inside the span, or a possessive "'s" of one. */
static bool title_word(const dyad_doc *doc, const dyad_sentence *s, uint32_t t, uint32_t lo,
                       uint32_t hi)
{
    const dyad_token *k = &doc->tokens[t];
    if (ment_token_in(doc, t, ment_not_names))
        return false; /* "On Sunday Presidents Buhari and Talon": a day is no title */
    if (is_upos(k, "ADJ") && isupper((unsigned char)doc->text[k->start]))
        return true; /* "Swedish", "Former", wherever the parser hung them */
    int32_t h = k->head;
    if (h < 0 || !k->upos)
        return false;
    if (is_upos(k, "PART") && k->deprel && strcmp(k->deprel, "case") == 0 && t > 0)
        h = doc->tokens[h].head; /* "Russia 's ambassador": 's hangs on Russia */
    else if (!is_upos(k, "NOUN") && !is_upos(k, "ADJ") && !is_upos(k, "PROPN"))
        return false;
    return h >= (int32_t)lo && h < (int32_t)hi;
}

bool ment_insert(ment_list *out, size_t at, const ment *m)
{
    if (!dyad_array_grow((void **)&out->m, &out->cap, out->n + 1, sizeof *out->m, 64))
        return false;
    memmove(out->m + at + 1, out->m + at, (out->n - at) * sizeof *m);
    out->m[at] = *m;
    out->n++;
    return true;
}

static bool push(ment_list *out, const ment *m)
{
    return ment_insert(out, out->n, m);
}

/* The start of a title before t, also across a short gloss in brackets ("Labour MP
 * (Member of Parliament) Tom Watson"), unless the title is the end of a longer one
 * ("Member of Parliament (MP)"); t when there is none. */
static uint32_t title_past_gloss(const dyad_actor_dict *dict, const dyad_doc *doc,
                                 const dyad_sentence *s, uint32_t t)
{
    if (t < s->first + 3 || !ment_token_is(doc, t - 1, ")"))
        return ment_title_before(dict, doc, s, t);
    for (uint32_t p = t - 2; p > s->first && p + 6 >= t; p--) {
        if (ment_token_is(doc, p, "(")) {
            uint32_t title = ment_title_before(dict, doc, s, p);
            return title < p && !(title > s->first && is_upos(&doc->tokens[title - 1], "ADP"))
                       ? title
                       : t;
        }
        if (ment_token_is(doc, p, ")") || ment_token_is(doc, p, ","))
            break;
    }
    return t;
}

/* Extends m left over its titles; earlier mentions it swallows are dropped. */
static void extend_left(const dyad_actor_dict *dict, const dyad_doc *doc, const dyad_sentence *s,
                        ment *m, ment_list *out, size_t first_of_sentence)
{
    if (m->t0 > s->first && dict_title(dict, doc, m->t0 - 1))
        m->t0--;
    else
        m->t0 = title_past_gloss(dict, doc, s, m->t0);
    while (m->t0 > s->first && title_word(doc, s, m->t0 - 1, m->t0, m->t1))
        m->t0--;
    while (m->t0 < m->c0 && !is_upos(&doc->tokens[m->t0], "PROPN") &&
           !is_upos(&doc->tokens[m->t0], "NOUN") && !is_upos(&doc->tokens[m->t0], "ADJ"))
        m->t0++; /* a span never starts with "'s" */
    while (out->n > first_of_sentence && out->m[out->n - 1].t1 > m->t0) {
        if (out->m[out->n - 1].t0 < m->t0)
            m->t0 = out->m[out->n - 1].t0;
        out->n--;
    }
}

/* The start of a chain at t with the particles before it: "bin Laden", "al-Qaeda". */
static uint32_t particles_before(const dyad_doc *doc, const dyad_sentence *s, uint32_t t)
{
    if (t >= s->first + 2 && ment_token_is(doc, t - 1, "-") &&
        !(doc->tokens[t - 2].flags & DYAD_TOKEN_SPACE_AFTER) &&
        !(doc->tokens[t - 1].flags & DYAD_TOKEN_SPACE_AFTER) &&
        ment_token_in(doc, t - 2, ment_particles))
        return t - 2;
    if (t > s->first && ment_token_in(doc, t - 1, ment_particles) &&
        !isupper((unsigned char)doc->text[doc->tokens[t - 1].start]) &&
        doc->tokens[t - 1].head >= (int32_t)t)
        return t - 1;
    return t;
}

/* "US Secretary of state", "Minister of defence": a title or name the dictionary knows
 * that goes on in lower case past the capitals of the chain [.., e), with "of" and a word
 * or two; the end of the phrase then, else e. */
static uint32_t lower_title_after(const dyad_actor_dict *dict, const dyad_doc *doc,
                                  const dyad_sentence *s, uint32_t e)
{
    uint32_t end = s->first + s->count;
    if (!dict || e == s->first || e + 1 >= end || !ment_token_is(doc, e, "of") ||
        !capital(doc, s, e - 1))
        return e;
    for (uint32_t k = 2; k >= 1; k--) {
        bool words = e + k < end;
        for (uint32_t i = e + 1; words && i <= e + k; i++)
            words = (is_upos(&doc->tokens[i], "NOUN") || is_upos(&doc->tokens[i], "ADJ")) &&
                    !isupper((unsigned char)doc->text[doc->tokens[i].start]);
        if (!words)
            continue;
        const dyad_token *x = &doc->tokens[e - 1], *y = &doc->tokens[e + k];
        size_t len = y->end - x->start;
        dyad_actor_match m;
        /* a phrase of the dictionary's to the last word, not a name followed by words */
        if (dyad_actor_dict_lookup(dict, doc->text + x->start, len, 0, &m) && m.start == 0 &&
            m.end == len)
            return e + k + 1;
    }
    return e;
}

/* Words that may join a name's capitalised words: "Organization of American States",
 * "Guinea-Bissau". */
static const char *const name_inner[] = {"of", "and", "for", "&", "-", NULL};

/* How token k stands in a name being grown: 1 a capitalised word a name may hold, 0 a
 * joiner ("of"), -1 neither (the name can grow no further). */
static int name_part(const dyad_doc *doc, uint32_t k)
{
    const dyad_token *w = &doc->tokens[k];
    if (!isupper((unsigned char)doc->text[w->start]))
        return ment_token_in(doc, k, name_inner) ? 0 : -1;
    return (is_upos(w, "NOUN") || is_upos(w, "ADJ") || is_upos(w, "PROPN")) &&
           !ment_token_in(doc, k, ment_not_names);
}

/* Whether tokens [a, b] are a whole name the dictionary knows. */
static bool known_name(const dyad_actor_dict *dict, const dyad_doc *doc, uint32_t a, uint32_t b)
{
    const dyad_token *x = &doc->tokens[a], *y = &doc->tokens[b];
    size_t len = y->end - x->start;
    dyad_actor_match m;
    return dyad_actor_dict_lookup(dict, doc->text + x->start, len, 0, &m) && m.start == 0 &&
           m.end == len && (m.via & DYAD_ACTOR_VIA_NAME);
}

/* "the World Food Programme" with "Food" and "Programme" tagged nouns: capitalised words
 * after the chain [t, e), with "of" or "and" between them, that make with it a name the
 * dictionary knows whole end it (the longest such name); e otherwise. */
static uint32_t name_words_after(const dyad_actor_dict *dict, const dyad_doc *doc,
                                 const dyad_sentence *s, uint32_t t, uint32_t e)
{
    uint32_t end = s->first + s->count, best = e;
    if (!dict || e >= end || !capital(doc, s, e))
        return e; /* the cheap test first: most chains end before a lower-case word */
    int part;
    for (uint32_t b = e; b < end && b - e < 4 && (part = name_part(doc, b)) >= 0; b++)
        if (part && known_name(dict, doc, t, b))
            best = b + 1;
    return best;
}

/* "Tel Aviv" with "Tel" tagged a noun, "the Organization of American States" with
 * "American" an adjective, "Guinea-Bissau" with "Guinea" a noun: capitalised words
 * before the chain [t, e), with "of", "and" or a hyphen between them, that make with it
 * a name the dictionary knows whole start it (the longest such name); t otherwise. */
static uint32_t name_word_before(const dyad_actor_dict *dict, const dyad_doc *doc,
                                 const dyad_sentence *s, uint32_t t, uint32_t e)
{
    if (!dict || t == s->first)
        return t;
    uint32_t best = t;
    int part;
    for (uint32_t a = t; a-- > s->first && t - a <= 4 && (part = name_part(doc, a)) >= 0;)
        if (part && known_name(dict, doc, a, e - 1)) /* a name starts with a capital */
            best = a;
    return best;
}

bool ment_spans(const dyad_actor_dict *dict, const dyad_doc *doc, int32_t si, ment_list *out)
{
    static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday", NULL};
    const dyad_sentence *s = &doc->sentences[si];
    uint32_t end = s->first + s->count;
    size_t first_of_sentence = out->n;
    for (uint32_t t = s->first; t < end;) {
        if (!is_upos(&doc->tokens[t], "PROPN") ||
            (t + 1 < end && ment_token_in(doc, t, weekdays) &&
             is_upos(&doc->tokens[t + 1], "PROPN"))) {
            t++; /* "on Sunday Presidents Buhari and Talon": the day starts no name */
            continue;
        }
        uint32_t e = t + 1;
        while (e < end && joins(doc, s, e))
            e++;
        e = lower_title_after(dict, doc, s, name_words_after(dict, doc, s, t, e));
        uint32_t b = particles_before(doc, s, name_word_before(dict, doc, s, t, e));
        ment m = {.t0 = b, .t1 = e, .c0 = b, .n0 = b, .sentence = si};
        extend_left(dict, doc, s, &m, out, first_of_sentence);
        if (!push(out, &m))
            return false;
        t = e;
    }
    return true;
}

void ment_subtree(const dyad_doc *doc, const dyad_sentence *s, uint32_t t, uint32_t *lo,
                  uint32_t *hi)
{
    uint32_t end = s->first + s->count;
    *lo = *hi = t;
    for (uint32_t k = s->first; k < end; k++) {
        int32_t h = (int32_t)k;
        for (uint32_t steps = 0; h >= 0 && h != (int32_t)t && steps < s->count; steps++)
            h = doc->tokens[h].head;
        if (h == (int32_t)t) {
            *lo = k < *lo ? k : *lo;
            *hi = k > *hi ? k : *hi;
        }
    }
}

uint32_t ment_head(const dyad_doc *doc, const ment *m)
{
    for (uint32_t t = m->t1; t-- > m->t0;) {
        int32_t h = doc->tokens[t].head;
        if (h < (int32_t)m->t0 || h >= (int32_t)m->t1)
            return t;
    }
    return m->t1 - 1;
}

static bool is_rel(const dyad_token *t, const char *rel)
{
    return t->deprel && strcmp(t->deprel, rel) == 0;
}

/* A proper noun after an article is a title, not a name: "X, the Speaker of the House". */
static bool determined(const dyad_doc *doc, const dyad_sentence *s, uint32_t k)
{
    for (uint32_t j = k > s->first + 3 ? k - 3 : s->first; j < k; j++)
        if (doc->tokens[j].head == (int32_t)k && is_rel(&doc->tokens[j], "det"))
            return true;
    return false;
}

/* Whether a conjunct of h has a coordinating word: a true list, not an apposition the
 * parser took for one. */
static bool coordinated(const dyad_doc *doc, const dyad_sentence *s, uint32_t h)
{
    uint32_t end = s->first + s->count;
    for (uint32_t k = s->first; k < end; k++) {
        int32_t c = doc->tokens[k].head;
        if (is_rel(&doc->tokens[k], "cc") && c >= 0 && doc->tokens[c].head == (int32_t)h &&
            is_rel(&doc->tokens[c], "conj"))
            return true;
    }
    return false;
}

/* The description [lo, hi] of head k ends before its clause: "the lawyer who sued
 * President Trump" is a lawyer, not a president. */
static void description_only(const dyad_doc *doc, const dyad_sentence *s, uint32_t k,
                             uint32_t *hi)
{
    for (uint32_t c = k + 1; c <= *hi; c++) {
        const dyad_token *t = &doc->tokens[c];
        if (t->head != (int32_t)k || !t->deprel || strncmp(t->deprel, "acl", 3) != 0)
            continue;
        uint32_t clo, chi;
        ment_subtree(doc, s, c, &clo, &chi);
        while (clo - 1 > k && is_upos(&doc->tokens[clo - 1], "PUNCT"))
            clo--;
        *hi = clo - 1;
        return;
    }
}

bool ment_apposition(const dyad_doc *doc, const ment *m, uint32_t *lo, uint32_t *hi)
{
    const dyad_sentence *s = &doc->sentences[m->sentence];
    uint32_t end = s->first + s->count, h = ment_head(doc, m);
    /* the first of coordinated names: the parser hangs a later one's apposition on it */
    int32_t first = is_rel(&doc->tokens[h], "conj") ? doc->tokens[h].head : -1;
    for (uint32_t k = m->t1; k < end; k++) { /* "Fiona Hill, a former official" */
        if (doc->tokens[k].head == (int32_t)h && is_rel(&doc->tokens[k], "conj")) {
            ment_subtree(doc, s, k, lo, hi); /* "Delfin Lorenzana, the Defence Secretary;" */
            description_only(doc, s, k, hi);
            if (*lo == m->t1 && ment_token_is(doc, m->t1, ",") && determined(doc, s, k) &&
                !coordinated(doc, s, h) && !ment_token_in(doc, h, ment_not_names)) {
                (*lo)++;
                return true;
            }
            break; /* "A and B, the mayor": the apposition is B's */
        }
        int32_t kh = doc->tokens[k].head;
        /* an apposition right after a coordinated name is the name's, wherever the parser
         * hung it ("Warren of Massachusetts and Michael Bloomberg, formerly the mayor") */
        bool before = first >= 0 && kh >= (int32_t)s->first && kh < (int32_t)m->t0;
        if ((kh != (int32_t)h && kh != first && !before) || !is_rel(&doc->tokens[k], "appos") ||
            (is_upos(&doc->tokens[k], "PROPN") && !determined(doc, s, k)))
            continue;
        ment_subtree(doc, s, k, lo, hi);
        description_only(doc, s, k, hi);
        uint32_t gap = m->t1;
        while (gap < *lo && is_upos(&doc->tokens[gap], "PUNCT"))
            gap++;
        if (kh == (int32_t)h || gap == *lo) /* a later name's: right after it */
            return true;
    }
    const dyad_token *ht = &doc->tokens[h]; /* "the spokesman, Dmitry Peskov" */
    if (is_rel(ht, "appos") && ht->head >= 0 && ht->head < (int32_t)m->t0 &&
        is_upos(&doc->tokens[ht->head], "NOUN")) {
        ment_subtree(doc, s, (uint32_t)ht->head, lo, hi);
        if (*hi >= m->t0)
            *hi = m->t0 - 1;
        while (*hi > *lo && is_upos(&doc->tokens[*hi], "PUNCT"))
            (*hi)--;
        return true;
    }
    return false;
}

bool ment_copula_predicate(const dyad_doc *doc, const ment *m, uint32_t *lo, uint32_t *hi)
{
    uint32_t h = ment_head(doc, m);
    const dyad_token *ht = &doc->tokens[h];
    if (!is_rel(ht, "nsubj") || ht->head < (int32_t)m->t1)
        return false;
    uint32_t k = (uint32_t)ht->head;
    if (!is_upos(&doc->tokens[k], "NOUN"))
        return false;
    int32_t cop = -1;
    bool det = false;
    for (uint32_t c = m->t1; c < k; c++) {
        if (doc->tokens[c].head != (int32_t)k)
            continue;
        if (is_rel(&doc->tokens[c], "cop"))
            cop = (int32_t)c;
        det = det || is_rel(&doc->tokens[c], "det");
    }
    if (cop < 0 || !det) /* "is a Turkish national", not "is Turkish" nor "became" */
        return false;
    *lo = (uint32_t)cop + 1;
    *hi = k;
    return true;
}

