/* The subject of a reporting cue: through conjuncts, participles, relative clauses and
 * passives; with a looser fallback over the sentence for quotations. */
#include "quotes.h"

#include <string.h>

static bool is_relative(const dyad_doc *doc, uint32_t t)
{
    return q_lemma_in(doc, t, (const char *const[]){"who", "which", "that", NULL});
}

/* The nominal a participle or relative clause modifies ("people ..., who told"). */
static int32_t modified_noun(const qwork *w, uint32_t t)
{
    int32_t h = w->doc->tokens[t].head;
    if (h < 0 || !(q_upos(w->doc, h, "NOUN") || q_upos(w->doc, h, "PROPN") ||
                   q_upos(w->doc, h, "PRON")))
        return -1;
    return h;
}

/* The active subject of t nearest to it ("Secretary of State Antony Blinken" may
 * parse as two subjects). */
static int32_t nearest_subject(const qwork *w, uint32_t t, bool passive)
{
    int32_t best = -1;
    for (uint32_t i = w->kid_first[t]; i < w->kid_first[t + 1] && i < w->kid_first[t] + Q_SCAN;
         i++) {
        uint32_t k = w->kids[i];
        if (!q_rel(w->doc, k, "nsubj") || (!passive && q_rel(w->doc, k, "nsubj:pass")))
            continue; /* the passive subject of a governing verb controls "upon announcing" */
        uint32_t d = k < t ? t - k : k - t;
        if (best < 0 || d < (uint32_t)(best < (int32_t)t ? t - (uint32_t)best : (uint32_t)best - t))
            best = (int32_t)k;
    }
    return best;
}

int32_t q_cue_subject(const qwork *w, uint32_t cue)
{
    const dyad_doc *doc = w->doc;
    if (q_word(doc, cue, "according"))
        return doc->tokens[cue].head;
    if (q_child(w, cue, "aux:pass") >= 0 || q_child(w, cue, "nsubj:pass") >= 0) {
        int32_t agent = q_child(w, cue, "obl:agent"); /* "was described by X as" */
        return agent >= 0 && w->inq[agent] < 0 ? agent : -1;
    }
    uint32_t t = cue;
    for (int step = 0; step < 4; step++) {
        int32_t s = nearest_subject(w, t, step > 0);
        if (s >= 0 && w->inq[s] >= 0)
            return -1; /* a subject inside a quotation says nothing of who speaks */
        if (s >= 0 && is_relative(doc, s))
            return q_rel(doc, t, "acl") ? modified_noun(w, t) : -1; /* "who said": its noun */
        if (s >= 0)
            return s;
        int32_t h = doc->tokens[t].head;
        if (h < 0 || w->sent[h] != w->sent[t])
            return -1;
        if (q_lemma_in(doc, h, (const char *const[]){"quote", "cite", NULL})) {
            int32_t o = q_child(w, (uint32_t)h, "obj"); /* "cited X as saying" */
            return o >= 0 ? o : q_child(w, (uint32_t)h, "nsubj"); /* "X was quoted as" */
        }
        if (q_rel(doc, t, "acl") || q_rel(doc, t, "amod") || q_rel(doc, t, "appos"))
            return modified_noun(w, t);
        if (!(q_rel(doc, t, "conj") || q_rel(doc, t, "xcomp") || q_rel(doc, t, "advcl") ||
              q_rel(doc, t, "parataxis")))
            return -1;
        t = (uint32_t)h;
    }
    return -1;
}

/* When the parse gives a quotation's cue no subject (a participle, a misparse): the
 * subject of another cue in the sentence, else its first active subject, else its
 * first person named outside quotations. */
int32_t q_cue_subject_loose(const qwork *w, uint32_t cue)
{
    const dyad_doc *doc = w->doc;
    int32_t s = q_cue_subject(w, cue);
    int32_t h = doc->tokens[cue].head;
    if (s >= 0 || q_child(w, cue, "aux:pass") >= 0 || q_child(w, cue, "nsubj:pass") >= 0)
        return s;
    const dyad_sentence *se = &doc->sentences[w->sent[cue]];
    uint32_t first = cue > se->first + Q_SCAN ? cue - Q_SCAN : se->first;
    uint32_t end = se->first + se->count < cue + Q_SCAN ? se->first + se->count : cue + Q_SCAN;
    for (uint32_t t = cue > first + 24 ? cue - 24 : first; t < end && t < cue + 24; t++)
        if (t != cue && w->inq[t] < 0 && q_cue_class(doc, t) && (s = q_cue_subject(w, t)) >= 0)
            return s; /* a cue nearby: "Calling it X, the archbishop said" */
    for (uint32_t t = cue + 1; t < end && t <= cue + 6 && w->inq[t] < 0; t++)
        if (w->ment[t] >= 0)
            return (int32_t)t; /* "tweeted former executive Ken Gude" */
    if (h >= 0 && w->inq[h] >= 0)
        return -1; /* the parse hung the cue on the quoted words: a wider guess is unsafe */
    for (uint32_t t = first; t < end; t++)
        if (w->inq[t] < 0 && q_rel(doc, t, "nsubj") && !q_rel(doc, t, "nsubj:pass") &&
            !q_upos(doc, t, "PRON"))
            return (int32_t)t;
    for (uint32_t t = first; t < cue; t++)
        if (w->inq[t] < 0 && w->ment[t] >= 0 && !strcmp(doc->actors[w->ment[t]].type, "person"))
            return (int32_t)t;
    return -1;
}

