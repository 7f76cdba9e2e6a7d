/* Denials point at what they deny: the statement elsewhere in the document that
 * shares most content words with the denied content, a report or document first. */
#include "quotes.h"

#include <string.h>

/* Content words compared per statement and statements looked at around a denial:
 * both bound the work, so a document of many denials stays linear. */
#define LINK_WORDS 16
#define LINK_BEFORE 12
#define LINK_AFTER 4

typedef struct words {
    const char *w[LINK_WORDS];
    size_t n;
} words;

static void content_words(const qwork *w, const qrec *r, words *out)
{
    static const char *const skip[] = {"be", "have", "do", "say", "will", "would", NULL};
    out->n = 0;
    for (uint32_t t = r->t0; t < r->t1 && t < r->t0 + Q_SCAN && out->n < LINK_WORDS; t++) {
        const dyad_token *k = &w->doc->tokens[t];
        if (!k->lemma || !(q_upos(w->doc, t, "NOUN") || q_upos(w->doc, t, "PROPN") ||
                           q_upos(w->doc, t, "VERB") || q_upos(w->doc, t, "ADJ")) ||
            q_lemma_in(w->doc, t, skip))
            continue;
        bool dup = false;
        for (size_t i = 0; i < out->n && !dup; i++)
            dup = strcmp(out->w[i], k->lemma) == 0;
        if (!dup)
            out->w[out->n++] = k->lemma;
    }
}

static size_t overlap(const words *a, const words *b)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++)
            if (strcmp(a->w[i], b->w[j]) == 0) {
                n++;
                break;
            }
    return n;
}

/* A claim noun in the denial ("denied a report") matches a source of that kind. */
static int source_bonus(const qrec *c, bool claim)
{
    const char *k = c->speaker.kind;
    if (!k)
        return 0;
    if (!strcmp(k, "media") || !strcmp(k, "document"))
        return claim ? 3 : 1;
    return !strcmp(k, "anonymous") ? 1 : 0;
}

/* The denial names a claim: "denied the report", "said the report was false". */
static bool names_claim(const qwork *w, const qrec *r)
{
    if (r->cue < 0)
        return false;
    int32_t obj = q_child(w, (uint32_t)r->cue, "obj");
    if (obj >= 0 && q_claim_noun(w->doc, (uint32_t)obj))
        return true;
    for (uint32_t t = r->t0; t < r->t1 && t < r->t0 + Q_SCAN; t++)
        if (q_rel(w->doc, t, "nsubj") && q_claim_noun(w->doc, t))
            return true;
    return false;
}

void q_denials_link(qwork *w, int32_t *denies)
{
    for (size_t i = 0; i < w->n_recs; i++) {
        denies[i] = -1;
        const qrec *r = &w->recs[i];
        if (!r->denial)
            continue;
        words a, b;
        content_words(w, r, &a);
        bool claim = names_claim(w, r);
        int best = 0;
        size_t lo = i > LINK_BEFORE ? i - LINK_BEFORE : 0;
        for (size_t n = 0; n < LINK_BEFORE + LINK_AFTER; n++) {
            size_t j = n < i - lo ? i - 1 - n : i + 1 + (n - (i - lo)); /* nearest first */
            if (j >= w->n_recs || j > i + LINK_AFTER || w->recs[j].denial)
                continue;
            content_words(w, &w->recs[j], &b);
            size_t o = overlap(&a, &b);
            int bonus = source_bonus(&w->recs[j], claim);
            /* shared words, or a denied "report" and a report with nothing in common */
            int score = o >= 2 ? (int)(2 * o) + bonus : bonus >= 3 ? bonus : 0;
            if (score > best)
                best = score, denies[i] = (int32_t)j;
        }
    }
}
