/* Quotations with no cue of their own take their speaker from a neighbour: the
 * sentence that introduces them ("He said:"), the quotation before them in the
 * paragraph, the one right after ("“...” “...,” she said."), a following attribution
 * sentence, or, for a paragraph that continues a quotation, the paragraph before. */
#include "quotes.h"

#include <ctype.h>
#include <string.h>

static uint32_t para_of(const qwork *w, uint32_t t)
{
    return w->para[w->sent[t]];
}

/* The sentence ends in a colon or a comma: what follows is what was said. */
static bool introduces(const qwork *w, const dyad_sentence *s)
{
    return s->count && (q_word(w->doc, s->first + s->count - 1, ":") ||
                        q_word(w->doc, s->first + s->count - 1, ","));
}

/* The cue says nothing but who spoke to whom ("Peskov told reporters on Friday."). */
static bool intransitive(const qwork *w, uint32_t cue)
{
    static const char *const rels[] = {"obj", "ccomp", "xcomp", "advcl", "iobj", NULL};
    for (const char *const *r = rels; *r; r++) {
        int32_t k = q_child(w, cue, *r);
        if (k < 0)
            continue;
        const char *kind = q_noun_kind(w->doc, (uint32_t)k);
        bool listener = (q_rel(w->doc, (uint32_t)k, "obj") || q_rel(w->doc, (uint32_t)k, "iobj")) &&
                        (q_upos(w->doc, (uint32_t)k, "PROPN") ||
                         (kind && (!strcmp(kind, "media") || !strcmp(kind, "anonymous"))));
        if (!listener)
            return false;
    }
    return true;
}

/* A cue in sentence si outside quotations that has a subject but no content of its
 * own ("Peskov told reporters:"); -1 when none. */
static int32_t bare_cue_scan(const qwork *w, int32_t si)
{
    const dyad_sentence *s = &w->doc->sentences[si];
    for (uint32_t t = s->first; t < s->first + s->count && t < s->first + 4 * Q_SCAN; t++) {
        unsigned cls = q_cue_class(w->doc, t);
        uint32_t c0, c1;
        if (!(cls & QC_SPEECH) && !(cls && introduces(w, s)))
            continue; /* "spoke to supporters:" introduces what follows */
        if (w->inq[t] >= 0 || q_cue_subject(w, t) < 0)
            continue;
        if (!q_cue_content(w, t, cls, &c0, &c1) && (introduces(w, s) || intransitive(w, t)))
            return (int32_t)t;
    }
    return -1;
}

/* Remembered for the last sentence asked: many quotations may share one. */
static int32_t bare_cue(qwork *w, int32_t si)
{
    if (w->bare_sent != si)
        w->bare_sent = si, w->bare_cue = bare_cue_scan(w, si);
    return w->bare_cue;
}

static bool from_cue(qwork *w, size_t at, int32_t cue)
{
    if (cue < 0)
        return false;
    qrec *r = &w->recs[at];
    r->cue = cue;
    r->subj = q_cue_subject(w, (uint32_t)cue);
    q_speaker_fill(w, at);
    return true;
}

/* The sentence before opens the quotation: it ends in a colon, or its cue has no content. */
static bool introduced(qwork *w, size_t at)
{
    int32_t si = w->sent[w->recs[at].t0];
    if (si == 0)
        return false;
    const dyad_sentence *s = &w->doc->sentences[si - 1];
    if (s->count == 0 || w->para[si] > w->para[si - 1] + 1)
        return false;
    return from_cue(w, at, bare_cue(w, si - 1));
}

/* Only marks, spaces and punctuation between bytes a and b. */
static bool adjacent(const qwork *w, uint32_t a, uint32_t b)
{
    if (b > a + Q_SCAN)
        return false;
    for (uint32_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)w->doc->text[i];
        if (isalnum(c))
            return false;
    }
    return true;
}

/* The paragraph of the quotation begins with it (its opening mark comes first). */
static bool opens_paragraph(const qwork *w, const qrec *r)
{
    int32_t si = w->sent[r->t0];
    const dyad_sentence *s = &w->doc->sentences[si];
    return (si == 0 || w->para[si] != w->para[si - 1]) && r->t0 <= s->first + 1;
}

static bool copy_from(qwork *w, size_t at, size_t from)
{
    w->recs[at].speaker = w->recs[from].speaker;
    return true;
}

static bool previous(qwork *w, size_t at, bool continuation)
{
    const qrec *r = &w->recs[at];
    for (size_t i = at, seen = 0; i-- > 0 && seen < 8; seen++) {
        const qrec *p = &w->recs[i];
        if (p->dropped || !p->speaker.kind)
            continue;
        uint32_t pp = para_of(w, p->t1 - 1), rp = para_of(w, r->t0);
        if (pp == rp || (continuation && pp + 1 == rp && opens_paragraph(w, r)))
            return copy_from(w, at, i);
        return false;
    }
    return false;
}

static bool next(qwork *w, size_t at)
{
    const qrec *r = &w->recs[at];
    for (size_t i = at + 1; i < w->n_recs && i < at + 8; i++) {
        const qrec *n = &w->recs[i];
        if (n->dropped)
            continue;
        if (n->direct && n->cue >= 0 && n->speaker.kind && adjacent(w, r->end, n->start) &&
            para_of(w, n->t0) == para_of(w, r->t1 - 1))
            return copy_from(w, at, i);
        return false;
    }
    return false;
}

/* "“...” That is what the minister told reporters." */
static bool followed(qwork *w, size_t at)
{
    int32_t si = w->sent[w->recs[at].t1 - 1];
    if ((size_t)si + 1 >= w->doc->n_sentences || w->para[si + 1] != w->para[si])
        return false;
    if (from_cue(w, at, bare_cue(w, si + 1)))
        return true;
    /* "“...!” Macron told the world on Thursday.": the closing mark ended the sentence
     * before the attribution that opens the next one */
    const dyad_sentence *s = &w->doc->sentences[si + 1];
    uint32_t c0, c1;
    for (uint32_t t = s->first; t < s->first + s->count && t < s->first + 6; t++) {
        unsigned cls = q_cue_class(w->doc, t);
        if ((cls & QC_SPEECH) && w->inq[t] < 0 && !q_cue_content(w, t, cls, &c0, &c1))
            return q_cue_subject(w, t) >= 0 && from_cue(w, at, (int32_t)t);
    }
    return false;
}

void q_neighbours(qwork *w)
{
    for (size_t i = 0; i < w->n_recs; i++) {
        qrec *r = &w->recs[i];
        if (r->dropped || r->speaker.kind || !r->direct)
            continue;
        if (!introduced(w, i) && !previous(w, i, false) && !next(w, i) && !followed(w, i))
            previous(w, i, true);
    }
}
