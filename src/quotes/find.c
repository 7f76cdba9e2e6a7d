/* The quote stage: prepares the parse (subtrees, children, paragraphs, mentions per
 * token), runs marks, cues, direct quotes and speakers, and writes doc->quotes. */
#include "quotes.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

bool q_rel(const dyad_doc *doc, uint32_t t, const char *rel)
{
    const char *d = doc->tokens[t].deprel;
    size_t n = strlen(rel);
    return d && strncmp(d, rel, n) == 0 && (d[n] == '\0' || d[n] == ':');
}

bool q_upos(const dyad_doc *doc, uint32_t t, const char *upos)
{
    return doc->tokens[t].upos && strcmp(doc->tokens[t].upos, upos) == 0;
}

bool q_is_punct(const dyad_doc *doc, uint32_t t)
{
    return q_upos(doc, t, "PUNCT") || q_upos(doc, t, "SYM");
}

bool q_word(const dyad_doc *doc, uint32_t t, const char *word)
{
    const dyad_token *k = &doc->tokens[t];
    size_t n = k->end - k->start;
    if (strlen(word) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)doc->text[k->start + i]) != word[i])
            return false;
    return true;
}

bool q_lemma_in(const dyad_doc *doc, uint32_t t, const char *const *list)
{
    const char *l = doc->tokens[t].lemma;
    if (!l)
        return false;
    for (; *list; list++)
        if (strcasecmp(l, *list) == 0)
            return true;
    return false;
}

uint32_t q_words(const qwork *w, uint32_t a, uint32_t b)
{
    return b > a ? w->wpre[b] - w->wpre[a] : 0;
}

int32_t q_child(const qwork *w, uint32_t t, const char *rel)
{
    for (uint32_t i = w->kid_first[t]; i < w->kid_first[t + 1] && i < w->kid_first[t] + Q_SCAN; i++)
        if (q_rel(w->doc, w->kids[i], rel))
            return (int32_t)w->kids[i];
    return -1;
}

qrec *q_rec_add(qwork *w)
{
    if (!dyad_array_grow((void **)&w->recs, &w->cap_recs, w->n_recs + 1, sizeof *w->recs, 16))
        return NULL;
    qrec *r = &w->recs[w->n_recs++];
    memset(r, 0, sizeof *r);
    r->cue = r->subj = -1;
    return r;
}

/* Children lists (counting sort by head) and subtree ranges, bottom-up over a
 * breadth-first order: linear in the tokens whatever the shape of the trees. */
static bool trees(qwork *w)
{
    dyad_doc *doc = w->doc;
    size_t n = doc->n_tokens;
    uint32_t *queue = malloc(n * sizeof *queue);
    if (!queue)
        return false;
    memset(w->kid_first, 0, (n + 1) * sizeof *w->kid_first);
    for (size_t t = 0; t < n; t++)
        if (doc->tokens[t].head >= 0 && (size_t)doc->tokens[t].head < n)
            w->kid_first[doc->tokens[t].head + 1]++;
    for (size_t t = 0; t < n; t++)
        w->kid_first[t + 1] += w->kid_first[t];
    uint32_t *fill = w->hi; /* borrowed as a cursor; set properly below */
    memcpy(fill, w->kid_first, n * sizeof *fill);
    for (size_t t = 0; t < n; t++)
        if (doc->tokens[t].head >= 0 && (size_t)doc->tokens[t].head < n)
            w->kids[fill[doc->tokens[t].head]++] = (uint32_t)t;
    size_t qn = 0;
    for (size_t t = 0; t < n; t++) {
        w->lo[t] = w->hi[t] = (uint32_t)t;
        if (doc->tokens[t].head < 0 || (size_t)doc->tokens[t].head >= n)
            queue[qn++] = (uint32_t)t;
    }
    for (size_t i = 0; i < qn; i++) /* tokens on a cycle are never queued: they stay alone */
        for (uint32_t k = w->kid_first[queue[i]]; k < w->kid_first[queue[i] + 1]; k++)
            queue[qn++] = w->kids[k];
    for (size_t i = qn; i-- > 0;) {
        int32_t h = doc->tokens[queue[i]].head;
        if (h >= 0 && w->sent[h] == w->sent[queue[i]]) {
            w->lo[h] = w->lo[queue[i]] < w->lo[h] ? w->lo[queue[i]] : w->lo[h];
            w->hi[h] = w->hi[queue[i]] > w->hi[h] ? w->hi[queue[i]] : w->hi[h];
        }
    }
    free(queue);
    return true;
}

/* First token whose start is at or after off. */
static uint32_t token_from(const dyad_doc *doc, uint32_t off)
{
    size_t a = 0, b = doc->n_tokens;
    while (a < b) {
        size_t m = (a + b) / 2;
        if (doc->tokens[m].start < off)
            a = m + 1;
        else
            b = m;
    }
    return (uint32_t)a;
}

static void sentences_and_mentions(qwork *w)
{
    dyad_doc *doc = w->doc;
    uint32_t p = 0;
    for (size_t s = 0; s < doc->n_sentences; s++) {
        const dyad_sentence *se = &doc->sentences[s];
        if (s > 0 && memchr(doc->text + doc->sentences[s - 1].end, '\n',
                            se->start - doc->sentences[s - 1].end))
            p++; /* a line break between sentences starts a paragraph */
        w->para[s] = p;
        for (uint32_t t = se->first; t < se->first + se->count && t < doc->n_tokens; t++)
            w->sent[t] = (int32_t)s;
    }
    for (size_t t = 0; t < doc->n_tokens; t++)
        w->ment[t] = w->cuerec[t] = w->inq[t] = -1;
    for (size_t i = 0; i < doc->n_actors; i++) {
        const dyad_mention *m = &doc->actors[i];
        for (uint32_t t = token_from(doc, m->start); t < doc->n_tokens &&
                                                     doc->tokens[t].end <= m->end; t++)
            w->ment[t] = (int32_t)i;
    }
}

static bool prepare(qwork *w)
{
    size_t n = w->doc->n_tokens;
    w->lo = malloc(n * sizeof *w->lo);
    w->hi = malloc(n * sizeof *w->hi);
    w->sent = malloc(n * sizeof *w->sent);
    w->inq = malloc(n * sizeof *w->inq);
    w->ment = malloc(n * sizeof *w->ment);
    w->cuerec = malloc(n * sizeof *w->cuerec);
    w->kids = malloc(n * sizeof *w->kids);
    w->kid_first = malloc((n + 1) * sizeof *w->kid_first);
    w->para = malloc((w->doc->n_sentences + 1) * sizeof *w->para);
    w->wpre = malloc((n + 1) * sizeof *w->wpre);
    if (!w->lo || !w->hi || !w->sent || !w->inq || !w->ment || !w->cuerec || !w->kids ||
        !w->kid_first || !w->para || !w->wpre)
        return false;
    w->wpre[0] = 0;
    for (size_t t = 0; t < n; t++)
        w->wpre[t + 1] = w->wpre[t] + !q_is_punct(w->doc, (uint32_t)t);
    w->bare_sent = -1;
    for (size_t t = 0; t < n; t++)
        w->sent[t] = -1;
    sentences_and_mentions(w);
    return trees(w);
}

/* Token ranges of the quoted spans; marks every token inside with its span. */
static void map_spans(qwork *w)
{
    for (size_t i = 0; i < w->n_spans; i++) {
        qspan *s = &w->spans[i];
        s->t0 = token_from(w->doc, s->start);
        s->t1 = token_from(w->doc, s->end);
        if (s->t1 < s->t0)
            s->t1 = s->t0;
        for (uint32_t t = s->t0; t < s->t1; t++)
            w->inq[t] = (int32_t)i;
    }
    for (size_t i = 0; i < w->n_inner; i++) { /* inner tokens keep their outer quotation */
        qspan *s = &w->inner[i];
        s->t0 = token_from(w->doc, s->start);
        s->t1 = token_from(w->doc, s->end);
        if (s->t1 < s->t0)
            s->t1 = s->t0;
    }
}

static void work_free(qwork *w)
{
    free(w->lo), free(w->hi), free(w->sent), free(w->inq), free(w->ment), free(w->cuerec);
    free(w->kids), free(w->kid_first), free(w->para), free(w->spans), free(w->recs);
    free(w->wpre), free(w->inner);
}

/* Text order; an indirect statement before the direct quotation inside it. */
static int by_start(const void *a, const void *b)
{
    const qrec *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end;
}

static dyad_status emit(qwork *w)
{
    dyad_doc *doc = w->doc;
    size_t n = 0;
    for (size_t i = 0; i < w->n_recs; i++)
        if (!w->recs[i].dropped)
            w->recs[n++] = w->recs[i];
    w->n_recs = n;
    int32_t *denies = malloc((n ? n : 1) * sizeof *denies);
    doc->quotes = dyad_arena_alloc(doc->arena, (n ? n : 1) * sizeof *doc->quotes);
    if (!denies || !doc->quotes) {
        free(denies);
        doc->quotes = NULL;
        return DYAD_ENOMEM;
    }
    q_denials_link(w, denies);
    for (size_t i = 0; i < n; i++) {
        const qrec *r = &w->recs[i];
        const char *cue = r->cue_text;
        if (!cue && r->cue >= 0) {
            const dyad_token *k = &doc->tokens[r->cue];
            cue = dyad_doc_strdup(doc, doc->text + k->start, k->end - k->start);
        }
        doc->quotes[i] = (dyad_quote){r->start, r->end, r->direct, r->cue, cue, r->speaker,
                                      r->denial, denies[i], w->sent[r->t0], w->sent[r->t1 - 1]};
    }
    doc->n_quotes = n;
    free(denies);
    return DYAD_OK;
}

dyad_status dyad_quotes_find(dyad_doc *doc)
{
    if (!doc || doc->n_tokens == 0 || !doc->tokens[0].upos || !doc->tokens[0].deprel)
        return DYAD_OK; /* needs the tagger and parser */
    qwork w = {.doc = doc};
    dyad_status st = DYAD_ENOMEM;
    if (prepare(&w) && q_marks_scan(&w)) {
        map_spans(&w);
        if (q_indirect_find(&w) && q_direct_find(&w)) {
            if (w.n_recs)
                qsort(w.recs, w.n_recs, sizeof *w.recs, by_start);
            for (size_t i = 0; i < w.n_recs; i++)
                if (!w.recs[i].dropped && w.recs[i].subj >= 0)
                    q_speaker_fill(&w, i);
            q_neighbours(&w);
            st = q_inner_find(&w) ? DYAD_OK : DYAD_ENOMEM;
            if (st == DYAD_OK && w.n_recs)
                qsort(w.recs, w.n_recs, sizeof *w.recs, by_start);
            if (st == DYAD_OK)
                st = emit(&w);
        }
    }
    work_free(&w);
    return st;
}
