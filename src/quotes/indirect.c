/* Reported (indirect) statements: a reporting cue and the content it governs in the
 * parse ("said [that] ...", "denied a report that ...", "urged X to ...",
 * "..., according to X"). */
#include "quotes.h"

#include <string.h>

static bool q_rel_in(const dyad_doc *doc, uint32_t t, const char *const *rels)
{
    for (; *rels; rels++)
        if (q_rel(doc, t, *rels))
            return true;
    return false;
}

/* Shrinks [*c0, *c1) past punctuation and a leading "that" at both ends. */
static void trim(const dyad_doc *doc, uint32_t *c0, uint32_t *c1)
{
    uint32_t a = *c0, b = *c1;
    while (*c0 < *c1 && *c0 < a + Q_SCAN &&
           (q_is_punct(doc, *c0) || (q_word(doc, *c0, "that") && q_rel(doc, *c0, "mark"))))
        (*c0)++;
    while (*c1 > *c0 && *c1 + Q_SCAN > b && q_is_punct(doc, *c1 - 1))
        (*c1)--;
}

/* Tokens [a, b] are one adverbial of v: an oblique or adverb phrase that hangs from v. */
static bool leading_adverbial(const qwork *w, uint32_t v, uint32_t a, uint32_t b)
{
    uint32_t k = b;
    for (int step = 0; step < 16; step++) {
        int32_t h = w->doc->tokens[k].head;
        if (h < 0)
            return false;
        if ((uint32_t)h == v)
            return (q_rel(w->doc, k, "obl") || q_rel(w->doc, k, "advmod")) && w->lo[k] == a &&
                   w->hi[k] <= b;
        k = (uint32_t)h;
    }
    return false;
}

/* Time words: "according to" hung on them by the parse names no source. */
static bool time_noun(const dyad_doc *doc, uint32_t t)
{
    static const char *const words[] = {"year", "month", "week", "day", "time", "today",
                                        "yesterday", "morning", "evening", "night", "hour",
                                        "decade", "century", "weekend", NULL};
    return q_lemma_in(doc, t, words);
}

/* "..., according to X" or "According to X, ...": the clause X modifies, less X. */
static bool according(const qwork *w, uint32_t cue, uint32_t *c0, uint32_t *c1)
{
    int32_t x = w->doc->tokens[cue].head;
    /* X follows "according to"; a head before it is a misparse ("On Sunday, according") */
    if (x < (int32_t)cue || time_noun(w->doc, (uint32_t)x))
        return false;
    if (w->doc->tokens[x].head < 0) { /* "According to X, ..." parsed with X as the root */
        int32_t p = q_child(w, (uint32_t)x, "parataxis");
        if (p < 0 || w->lo[p] <= (uint32_t)x)
            return false;
        *c0 = w->lo[p], *c1 = w->hi[p] + 1;
        return true;
    }
    uint32_t v = (uint32_t)w->doc->tokens[x].head;
    if (w->sent[v] != w->sent[cue])
        return false;
    *c0 = w->lo[v], *c1 = w->hi[v] + 1;
    if (w->lo[x] <= *c0 + 1 || (v > w->hi[x] && w->hi[x] + 2 < *c1))
        *c0 = w->hi[x] + 1; /* the phrase leads, or stands before the verb */
    else
        *c1 = w->lo[x]; /* the phrase trails, or follows the verb */
    /* "According to X, on Thursday, ...": the scene-setting adverbial is not the claim */
    for (uint32_t t = *c0 + 1; t < v && t < *c1 && t < *c0 + Q_SCAN; t++)
        if (q_word(w->doc, t, ",") && leading_adverbial(w, v, *c0, t - 1))
            *c0 = t + 1;
    return true;
}

/* The union of the ranges of t's children with relation rel; false when none. */
static bool children_range(const qwork *w, uint32_t t, const char *rel, uint32_t *c0,
                           uint32_t *c1)
{
    bool any = false;
    for (uint32_t i = w->kid_first[t]; i < w->kid_first[t + 1]; i++) {
        uint32_t k = w->kids[i];
        if (!q_rel(w->doc, k, rel) || q_rel(w->doc, k, "ccomp:agent"))
            continue;
        *c0 = any && *c0 < w->lo[k] ? *c0 : w->lo[k];
        *c1 = any && *c1 > w->hi[k] + 1 ? *c1 : w->hi[k] + 1;
        any = true;
    }
    return any;
}

/* Token t hangs from cue through an adverbial, punctuation or a conjunction. */
static bool adverbial_of(const qwork *w, uint32_t t, uint32_t cue)
{
    static const char *const loose[] = {"advcl", "obl", "advmod", "mark", "cc", "punct",
                                        "discourse", NULL};
    uint32_t k = t;
    for (int step = 0; step < 64; step++) {
        int32_t h = w->doc->tokens[k].head;
        if (h < 0)
            return false;
        if ((uint32_t)h == cue)
            return q_rel_in(w->doc, k, loose);
        k = (uint32_t)h;
    }
    return false;
}

/* ", they said," inside a sentence: the whole sentence is what was said. */
static bool parenthetical(const qwork *w, uint32_t cue, uint32_t *c0, uint32_t *c1)
{
    const dyad_doc *doc = w->doc;
    int32_t subj = q_child(w, cue, "nsubj");
    const dyad_sentence *s = &doc->sentences[w->sent[cue]];
    if (subj < 0 || (uint32_t)subj >= cue || w->lo[subj] <= s->first + 1 ||
        cue + 1 >= s->first + s->count)
        return false;
    if (!q_word(doc, w->lo[subj] - 1, ",") || !q_word(doc, cue + 1, ","))
        return false;
    *c0 = s->first, *c1 = s->first + s->count;
    if (w->lo[subj] > s->first + Q_SCAN)
        return false; /* a long lead is a clause of its own */
    for (uint32_t t = s->first; t + 1 < w->lo[subj]; t++)
        if (!adverbial_of(w, t, cue))
            return true;
    return false; /* "Speaking to AFP, she said, “...”": an adverbial, not content */
}

/* "noting it was the worst": an object right before a subjectless content clause is
 * its subject. */
static void raise_object(const qwork *w, uint32_t cue, uint32_t *c0)
{
    int32_t obj = q_child(w, cue, "obj");
    if (obj < 0 || w->hi[obj] + 1 != *c0)
        return;
    for (uint32_t k = *c0; k < w->doc->n_tokens && k <= w->hi[*c0] && k < *c0 + Q_SCAN; k++) {
        int32_t h = w->doc->tokens[k].head;
        if (h >= 0 && (uint32_t)h < *c0)
            break;
        if (h >= 0 && w->doc->tokens[h].head >= 0 && (uint32_t)w->doc->tokens[h].head == cue &&
            (q_rel(w->doc, k, "nsubj") || q_rel(w->doc, k, "expl")))
            return;
    }
    *c0 = w->lo[obj];
}

/* "denied a report that ...", "rejected the claims", "denied knowing". */
static bool denied_object(const qwork *w, uint32_t cue, uint32_t *c0, uint32_t *c1)
{
    int32_t obj = q_child(w, cue, "obj");
    if (obj >= 0 && q_claim_noun(w->doc, (uint32_t)obj)) {
        int32_t cl = q_child(w, (uint32_t)obj, "acl");
        if (cl < 0)
            cl = q_child(w, (uint32_t)obj, "ccomp");
        uint32_t k = cl >= 0 ? (uint32_t)cl : (uint32_t)obj;
        *c0 = w->lo[k], *c1 = w->hi[k] + 1;
        return true;
    }
    int32_t x = q_child(w, cue, "xcomp"); /* "denied knowing": a gerund */
    if (x < 0)
        x = q_child(w, cue, "advcl");
    const char *f = x >= 0 && x > (int32_t)cue ? w->doc->tokens[x].feats : NULL;
    if (!f || !strstr(f, "VerbForm=Ger"))
        return false;
    *c0 = w->lo[x], *c1 = w->hi[x] + 1;
    return true;
}

/* An infinitive clause ("to stay home") among t's children. */
static int32_t infinitive(const qwork *w, uint32_t t)
{
    for (uint32_t i = w->kid_first[t]; i < w->kid_first[t + 1]; i++) {
        uint32_t k = w->kids[i];
        if ((q_rel(w->doc, k, "xcomp") || q_rel(w->doc, k, "advcl")) && w->lo[k] < k &&
            q_word(w->doc, w->lo[k], "to"))
            return (int32_t)k;
    }
    return -1;
}

static bool has_verb(const qwork *w, uint32_t t)
{
    for (uint32_t k = w->lo[t]; k <= w->hi[t] && k < w->lo[t] + Q_SCAN; k++)
        if (q_upos(w->doc, k, "VERB"))
            return true;
    return false;
}

static bool infinitive_in(const qwork *w, uint32_t t)
{
    for (uint32_t k = w->lo[t]; k < w->hi[t] && k < w->lo[t] + Q_SCAN; k++)
        if (q_word(w->doc, k, "to") && q_upos(w->doc, k, "PART") && q_upos(w->doc, k + 1, "VERB"))
            return true;
    return false;
}

/* "urged citizens to stay home", "called for the killers to be tried", "promised to". */
static bool directive(const qwork *w, uint32_t cue, unsigned cls, uint32_t *c0, uint32_t *c1)
{
    int32_t inf = infinitive(w, cue);
    int32_t obj = q_child(w, cue, "obj");
    if (obj < 0)
        obj = q_child(w, cue, "iobj");
    if ((cls & QC_DIRECTIVE) && obj >= 0 && inf > obj && has_verb(w, (uint32_t)inf)) {
        *c0 = w->lo[obj], *c1 = w->hi[inf] + 1;
        return true;
    }
    if ((cls & QC_DIRECTIVE) && q_lemma_in(w->doc, cue, (const char *const[]){"call", NULL})) {
        int32_t obl = q_child(w, cue, "obl");
        if (obl > (int32_t)cue && w->lo[obl] < (uint32_t)obl && q_word(w->doc, w->lo[obl], "for") &&
            infinitive_in(w, (uint32_t)obl)) { /* "for X to be tried", not "for withdrawal" */
            *c0 = w->lo[obl] + 1, *c1 = w->hi[obl] + 1;
            return true;
        }
    }
    if ((cls & QC_INTENT) && inf > (int32_t)cue && has_verb(w, (uint32_t)inf)) {
        *c0 = w->lo[inf], *c1 = w->hi[inf] + 1;
        return true;
    }
    return false;
}

/* A clause the parse split into an object and a modifier ("indicate [roughly a million
 * people] [marched ...]", "announced [Benin] [was to join]", "said on Saturday,
 * [buildings] [collapsed]"): a noun after the cue followed by a finite clause that
 * hangs from it or from the cue and has no subject of its own. */
static bool split_clause(const qwork *w, uint32_t cue, uint32_t *c0, uint32_t *c1)
{
    const dyad_doc *doc = w->doc;
    for (uint32_t i = w->kid_first[cue]; i < w->kid_first[cue + 1] &&
                                          i < w->kid_first[cue] + Q_SCAN; i++) {
        int32_t x = (int32_t)w->kids[i];
        if (!(q_rel(doc, (uint32_t)x, "obj") || q_rel(doc, (uint32_t)x, "obl")) ||
            x <= (int32_t)cue || w->lo[x] < cue ||
            !(q_upos(doc, x, "NOUN") || q_upos(doc, x, "PROPN") || q_upos(doc, x, "PRON")))
            continue;
        int32_t v = q_child(w, (uint32_t)x, "acl");
        if (v < 0 || v < x)
            v = q_child(w, cue, "advcl");
        if (v < x || w->lo[v] > w->hi[x] + 1 || q_child(w, (uint32_t)v, "nsubj") >= 0 ||
            q_child(w, (uint32_t)v, "mark") >= 0)
            continue;
        const char *f = doc->tokens[v].feats;
        bool finite_v = (f && strstr(f, "VerbForm=Fin")) || q_child(w, (uint32_t)v, "cop") >= 0 ||
                        q_child(w, (uint32_t)v, "aux") >= 0;
        if (!finite_v)
            continue;
        *c0 = w->lo[x], *c1 = w->hi[v] + 1;
        return true;
    }
    return false;
}

bool q_cue_content(const qwork *w, uint32_t cue, unsigned cls, uint32_t *c0, uint32_t *c1)
{
    const dyad_doc *doc = w->doc;
    bool found;
    if (q_word(doc, cue, "according"))
        found = according(w, cue, c0, c1);
    else if (parenthetical(w, cue, c0, c1))
        found = true;
    else if ((cls & (QC_SPEECH | QC_WEAK | QC_DENY)) && children_range(w, cue, "ccomp", c0, c1))
        found = (!(cls & QC_WEAK) || (*c0 < *c1 && q_word(doc, *c0, "that"))) &&
                (raise_object(w, cue, c0), true);
    else if ((cls & QC_SPEECH) && split_clause(w, cue, c0, c1))
        found = true;
    else if (cls & QC_DENY)
        found = denied_object(w, cue, c0, c1);
    else
        found = (cls & (QC_DIRECTIVE | QC_INTENT)) && directive(w, cue, cls, c0, c1);
    if (!found)
        return false;
    trim(doc, c0, c1);
    return q_words(w, *c0, *c1) >= 2;
}

/* The content says its subject is false: "said the report was false / not true". */
static bool says_false(const qwork *w, uint32_t cue, uint32_t c0, uint32_t c1)
{
    for (uint32_t i = w->kid_first[cue]; i < w->kid_first[cue + 1]; i++) {
        uint32_t k = w->kids[i];
        if (k >= c0 && k < c1 && q_false_word(w->doc, k))
            return true; /* the false word heads the content */
    }
    return false;
}

/* A finite verb ("cautioned"), not an infinitive or a participle, whose speaker the
 * sentence must name even when the parse missed the subject. */
static bool finite(const dyad_doc *doc, uint32_t t)
{
    const char *f = doc->tokens[t].feats;
    return f && strstr(f, "VerbForm=Fin");
}

/* "did not say", "never claimed": no statement is reported. */
static bool negated(const qwork *w, uint32_t cue)
{
    for (uint32_t i = w->kid_first[cue]; i < w->kid_first[cue + 1]; i++) {
        uint32_t k = w->kids[i];
        if (q_rel(w->doc, k, "advmod") &&
            q_lemma_in(w->doc, k, (const char *const[]){"not", "never", NULL}))
            return true;
    }
    return false;
}

bool q_indirect_find(qwork *w)
{
    const dyad_doc *doc = w->doc;
    for (uint32_t t = 0; t < doc->n_tokens; t++) {
        if (w->inq[t] >= 0 || w->sent[t] < 0)
            continue; /* speech reported inside a quotation belongs to the quotation */
        unsigned cls = q_cue_class(doc, t);
        uint32_t c0, c1;
        if (!(cls & ~QC_NAMING) || negated(w, t) || !q_cue_content(w, t, cls, &c0, &c1))
            continue;
        int32_t subj = finite(doc, t) ? q_cue_subject_loose(w, t) : q_cue_subject(w, t);
        if (subj < 0)
            continue; /* "to confirm if ...": a statement no one makes */
        if (q_upos(doc, (uint32_t)subj, "PRON") &&
            q_lemma_in(doc, (uint32_t)subj, (const char *const[]){"I", "we", "you", NULL}))
            continue; /* "I think ...", "you said ...": an interview's unmarked speech */
        qrec *r = q_rec_add(w);
        if (!r)
            return false;
        r->t0 = c0, r->t1 = c1;
        r->start = doc->tokens[c0].start, r->end = doc->tokens[c1 - 1].end;
        r->cue = (int32_t)t;
        r->cue_text = q_word(doc, t, "according") ? "according to" : NULL;
        r->denial = (cls & QC_DENY) || says_false(w, t, c0, c1);
        r->subj = subj;
        w->cuerec[t] = (int32_t)(w->n_recs - 1);
    }
    return true;
}
