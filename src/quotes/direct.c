/* Direct quotations: each quoted span finds its cue in the parse or next to it, is
 * merged with the statement it belongs to, or is dropped as a scare quote. */
#include "quotes.h"

#include <stdlib.h>
#include <string.h>

/* Steps up the tree from a quotation to its cue: "called the stabbing “...”" is two. */
#define CUE_CLIMB 4
/* Tokens between a quotation and a cue beside it: "“...,” the former minister said". */
#define CUE_REACH 8

static bool usable_cue(const qwork *w, uint32_t t)
{
    return w->inq[t] < 0 && q_cue_class(w->doc, t) != 0;
}

/* The cue above the quotation in the tree, or -1. */
static int32_t cue_above(const qwork *w, const qspan *s)
{
    for (uint32_t t = s->t0; t < s->t1; t++) {
        int32_t h = w->doc->tokens[t].head;
        if (h >= (int32_t)s->t0 && h < (int32_t)s->t1)
            continue;
        for (int step = 0; h >= 0 && step < CUE_CLIMB && w->sent[h] == w->sent[t]; step++) {
            if (usable_cue(w, (uint32_t)h))
                return h;
            h = w->doc->tokens[h].head;
        }
    }
    return -1;
}

/* A cue just after the quotation in its last sentence, or just before it in its first. */
static int32_t cue_beside(const qwork *w, const qspan *s)
{
    const dyad_doc *doc = w->doc;
    int32_t si = w->sent[s->t1 < doc->n_tokens ? s->t1 : s->t1 - 1]; /* the closing mark's */
    const dyad_sentence *last = &doc->sentences[si];
    for (uint32_t t = s->t1; t < last->first + last->count && t < s->t1 + CUE_REACH; t++)
        if (usable_cue(w, t))
            return (int32_t)t;
    const dyad_sentence *first = &doc->sentences[w->sent[s->t0]];
    for (uint32_t t = s->t0; t-- > first->first && t + 4 * CUE_REACH > s->t0;)
        if (usable_cue(w, t) && !q_rel(doc, t, "acl"))
            return (int32_t)t; /* not "— which the BBC noted as unusual —" */
    return -1;
}

/* The indirect statement whose content holds [t0, t1), or -1 (records are in cue order,
 * so only the few whose cue precedes t1 in the same sentence are looked at). */
static int32_t holder(const qwork *w, size_t n_indirect, uint32_t t0, uint32_t t1)
{
    size_t a = 0, b = n_indirect;
    while (a < b) { /* first record whose cue is at or after t1 */
        size_t m = (a + b) / 2;
        if (w->recs[m].cue < (int32_t)t1)
            a = m + 1;
        else
            b = m;
    }
    for (size_t i = a, seen = 0; i-- > 0 && seen < 8; seen++) {
        const qrec *r = &w->recs[i];
        if (!r->dropped && r->t0 <= t0 && t1 <= r->t1)
            return (int32_t)i;
    }
    for (size_t i = a; i < n_indirect && i < a + 4; i++) {
        const qrec *r = &w->recs[i];
        if (!r->dropped && r->t0 <= t0 && t1 <= r->t1)
            return (int32_t)i;
    }
    return -1;
}

/* Words of r's content outside [t0, t1). */
static uint32_t words_outside(const qwork *w, const qrec *r, uint32_t t0, uint32_t t1)
{
    uint32_t a = t0 > r->t0 ? t0 : r->t0, b = t1 < r->t1 ? t1 : r->t1;
    return q_words(w, r->t0, r->t1) - q_words(w, a, b);
}

/* A quotation with no cue is a quotation when it reads as a statement (a verb and a
 * few words); a short phrase is a scare quote ("a “sharp tool”"). */
static bool statement_like(const qwork *w, const qspan *s)
{
    uint32_t words = 0;
    bool verb = false;
    for (uint32_t t = s->t0; t < s->t1; t++) {
        words += !q_is_punct(w->doc, t);
        verb |= q_upos(w->doc, t, "VERB") || q_upos(w->doc, t, "AUX");
    }
    return verb && words >= 3;
}

static bool add_direct(qwork *w, const qspan *s, int32_t cue)
{
    qrec *r = q_rec_add(w);
    if (!r)
        return false;
    r->start = s->start, r->end = s->end, r->t0 = s->t0, r->t1 = s->t1;
    r->direct = 1;
    r->cue = cue;
    if (cue >= 0) {
        unsigned cls = q_cue_class(w->doc, (uint32_t)cue);
        r->denial = (cls & QC_DENY) != 0;
        r->cue_text = q_word(w->doc, (uint32_t)cue, "according") ? "according to" : NULL;
        r->subj = q_cue_subject_loose(w, (uint32_t)cue);
    }
    return true;
}

/* The statement r is the quotation s with adverbials around it ("While the US is
 * “always open”, “I don't see it,” he said"): the head of r's content is quoted and
 * every word outside s hangs from s as an adverbial, not as its subject or verb. */
static bool quote_heads(const qwork *w, const qrec *r, const qspan *s)
{
    const dyad_doc *doc = w->doc;
    static const char *const loose[] = {"advcl", "obl", "advmod", "discourse", "mark", "cc",
                                        "punct", "parataxis", "vocative", NULL};
    uint32_t a = s->t0 > r->t0 ? s->t0 : r->t0, b = s->t1 < r->t1 ? s->t1 : r->t1;
    if (a >= b || (a - r->t0) + (r->t1 - b) > Q_SCAN)
        return false; /* many words around the quotation: the statement is more than it */
    for (uint32_t t = r->t0; t < r->t1; t++) {
        if (t == a) {
            t = b - 1; /* only the words around the quotation */
            continue;
        }
        int32_t h = doc->tokens[t].head;
        bool root = h < (int32_t)r->t0 || h >= (int32_t)r->t1;
        if (root)
            return false;
        if (q_is_punct(doc, t))
            continue;
        uint32_t k = t;
        for (int step = 0; step < 64 && !root; step++) {
            h = doc->tokens[k].head;
            if (h >= (int32_t)s->t0 && h < (int32_t)s->t1)
                break;
            if (h < (int32_t)r->t0 || h >= (int32_t)r->t1)
                return false;
            k = (uint32_t)h;
        }
        bool ok = false;
        for (const char *const *l = loose; *l && !ok; l++)
            ok = q_rel(doc, k, *l);
        if (!ok)
            return false;
    }
    return true;
}

static uint32_t words_in(const qwork *w, uint32_t t0, uint32_t t1)
{
    return q_words(w, t0, t1);
}

/* Words before a statement's first quotation that still let the quotations stand for
 * it: "she was “proud to endorse ...”" is hers in her words, "the minister said the
 * patient was in a “serious” condition" is the reporter's summary. */
#define PARTIAL_LEAD 6

/* First pass: a statement whose content is a quotation gives way to it; so does one
 * that is mostly partial quotations after a short lead. */
static bool replace_statements(qwork *w, size_t n_indirect, const int32_t *cues)
{
    uint32_t *quoted = calloc(n_indirect + 1, sizeof *quoted);
    uint32_t *first = calloc(n_indirect + 1, sizeof *first);
    if (!quoted || !first) {
        free(quoted), free(first);
        return false;
    }
    for (size_t i = 0; i < w->n_spans; i++) {
        const qspan *s = &w->spans[i];
        int32_t ri = cues[i] >= 0 ? w->cuerec[cues[i]] : -1;
        if (ri >= 0 && (words_outside(w, &w->recs[ri], s->t0, s->t1) == 0 ||
                        quote_heads(w, &w->recs[ri], s))) {
            w->recs[ri].dropped = 1;
            continue;
        }
        uint32_t a = s->t0, b = s->t1; /* a quotation may end in the sentence's stop */
        while (b > a + 1 && q_is_punct(w->doc, b - 1))
            b--;
        if (ri < 0 || w->recs[ri].t0 > a || a >= w->recs[ri].t1)
            ri = holder(w, n_indirect, a, a + 1);
        if (ri < 0)
            continue;
        if (!quoted[ri])
            first[ri] = a;
        quoted[ri] += words_in(w, a, b < w->recs[ri].t1 ? b : w->recs[ri].t1);
    }
    for (size_t ri = 0; ri < n_indirect; ri++) {
        qrec *r = &w->recs[ri];
        if (quoted[ri] && words_in(w, r->t0, first[ri]) <= PARTIAL_LEAD &&
            2 * quoted[ri] >= words_in(w, r->t0, r->t1))
            r->dropped = 1; /* mostly quoted */
    }
    free(quoted), free(first);
    return true;
}

/* Tokens between the two halves of an interrupted quotation ("“A,” he said, “B.”"). */
#define GAP_TOKENS 12

static bool has_comma(const dyad_doc *doc, uint32_t a, uint32_t b)
{
    return memchr(doc->text + a, ',', b - a) != NULL;
}

/* s continues the quotation prev after the attribution that splits it: same sentence,
 * only the cue clause between, set off by commas on both sides. */
static bool interrupted(const qwork *w, const qrec *prev, const qspan *s)
{
    const dyad_doc *doc = w->doc;
    if (!prev->direct || prev->cue < 0 || prev->t1 > s->t0 || s->t0 - prev->t1 > GAP_TOKENS ||
        w->sent[prev->t1 - 1] != w->sent[s->t0])
        return false;
    uint32_t cue = (uint32_t)prev->cue;
    if (cue < prev->t1 || cue >= s->t0)
        return false;
    int32_t subj = prev->subj;
    for (uint32_t t = cue + 1; t < s->t0; t++) /* after the cue only its speaker: "said Khan," */
        if (!q_is_punct(doc, t) && (subj < 0 || t < w->lo[subj] || t > w->hi[subj]))
            return false;
    return has_comma(doc, prev->end - 1, doc->tokens[cue].start) &&
           has_comma(doc, doc->tokens[cue].end, s->start);
}

/* Second pass: a quotation inside a statement is part of it; otherwise it stands,
 * unless it has no cue and reads as a scare quote. */
static bool one_span(qwork *w, size_t n_indirect, const qspan *s, int32_t cue)
{
    int32_t ri = cue >= 0 ? w->cuerec[cue] : -1;
    uint32_t b = s->t1;
    while (b > s->t0 + 1 && q_is_punct(w->doc, b - 1))
        b--;
    if (ri >= 0 && !w->recs[ri].dropped) {
        const qrec *r = &w->recs[ri];
        if (r->t0 <= s->t0 && b <= r->t1)
            return true;
    } else if (holder(w, n_indirect, s->t0, b) >= 0) {
        return true;
    }
    if (w->n_recs > n_indirect && interrupted(w, &w->recs[w->n_recs - 1], s)) {
        w->recs[w->n_recs - 1].end = s->end; /* one quotation around its attribution */
        w->recs[w->n_recs - 1].t1 = s->t1;
        return true;
    }
    if ((cue < 0 || q_cue_subject_loose(w, (uint32_t)cue) < 0) && !statement_like(w, s))
        return true; /* a phrase no one is said to have said: a scare quote ("so-called") */
    return add_direct(w, s, cue);
}

static bool usable_span(const qwork *w, const qspan *s)
{
    return s->t0 < s->t1 && w->sent[s->t0] >= 0 && w->sent[s->t1 - 1] >= 0;
}

bool q_direct_find(qwork *w)
{
    size_t n_indirect = w->n_recs;
    int32_t *cues = malloc((w->n_spans ? w->n_spans : 1) * sizeof *cues);
    if (!cues)
        return false;
    for (size_t i = 0; i < w->n_spans; i++) {
        cues[i] = -1;
        if (usable_span(w, &w->spans[i]))
            cues[i] = cue_above(w, &w->spans[i]);
        if (usable_span(w, &w->spans[i]) && cues[i] < 0 && statement_like(w, &w->spans[i]))
            cues[i] = cue_beside(w, &w->spans[i]); /* a phrase needs the tree to reach its cue */
    }
    bool ok = replace_statements(w, n_indirect, cues);
    for (size_t i = 0; i < w->n_spans && ok; i++)
        if (usable_span(w, &w->spans[i]))
            ok = one_span(w, n_indirect, &w->spans[i], cues[i]);
    for (size_t ri = 0; ri < n_indirect && ok; ri++) {
        qrec *r = &w->recs[ri];
        int32_t si = w->inq[r->t0];
        if (!r->dropped && si >= 0 && cues[si] >= 0 && cues[si] != r->cue &&
            w->cuerec[cues[si]] != (int32_t)ri)
            r->dropped = 1; /* the parse hung a quotation with its own cue on this one */
    }
    free(cues);
    return ok;
}

/* The outer quotation holding inner span s: the record of the direct quote whose
 * content holds it, or -1. Records are in text order here. */
static int32_t outer_rec(const qwork *w, const qspan *s)
{
    size_t a = 0, b = w->n_recs;
    while (a < b) { /* first record starting after s */
        size_t m = (a + b) / 2;
        if (w->recs[m].start <= s->start)
            a = m + 1;
        else
            b = m;
    }
    for (size_t i = a, seen = 0; i-- > 0 && seen < 4; seen++)
        if (!w->recs[i].dropped && w->recs[i].direct && w->recs[i].start <= s->start &&
            s->end <= w->recs[i].end)
            return (int32_t)i;
    return -1;
}

/* A speech cue inside the same outer quotation, above the inner span in the tree. */
static int32_t inner_cue(const qwork *w, const qspan *s)
{
    int32_t outer = w->inq[s->t0];
    for (uint32_t t = s->t0; t < s->t1; t++) {
        int32_t h = w->doc->tokens[t].head;
        if (h >= (int32_t)s->t0 && h < (int32_t)s->t1)
            continue;
        for (int step = 0; h >= 0 && step < CUE_CLIMB && w->inq[h] == outer; step++) {
            if ((q_cue_class(w->doc, (uint32_t)h) & QC_SPEECH))
                return h;
            h = w->doc->tokens[h].head;
        }
    }
    return -1;
}

bool q_inner_find(qwork *w)
{
    for (size_t i = 0; i < w->n_inner; i++) { /* the records so far are in text order */
        const qspan *s = &w->inner[i];
        if (s->t0 >= s->t1 || w->inq[s->t0] < 0 || w->inq[s->t1 - 1] != w->inq[s->t0])
            continue; /* its outer quotation was never closed */
        int32_t cue = inner_cue(w, s), o = outer_rec(w, s);
        int32_t subj = cue >= 0 ? q_child(w, (uint32_t)cue, "nsubj") : -1;
        if (subj < 0 || o < 0 || q_rel(w->doc, (uint32_t)subj, "nsubj:pass"))
            continue;
        qrec *r = q_rec_add(w);
        if (!r)
            return false;
        r->start = s->start, r->end = s->end, r->t0 = s->t0, r->t1 = s->t1;
        r->direct = 1, r->cue = cue, r->subj = subj;
        if (q_lemma_in(w->doc, (uint32_t)subj, (const char *const[]){"I", "we", NULL}))
            r->speaker = w->recs[o].speaker; /* "I said, 'no'": the outer speaker */
        else
            q_speaker_fill(w, w->n_recs - 1);
    }
    return true;
}
