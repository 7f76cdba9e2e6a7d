/* Speakers: the subject of the cue, found through conjuncts, participles and relative
 * clauses; resolved through mentions, pronouns and titles; given a source kind. */
#include "quotes.h"

#include <string.h>
#include <strings.h>

/* Mentions looked back over to resolve a pronoun or a title: bounds the work. */
#define BACK_WINDOW 64

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
    for (uint32_t i = w->kid_first[t]; i < w->kid_first[t + 1]; i++) {
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
        if (s >= 0)
            return is_relative(doc, s) && q_rel(doc, t, "acl") ? modified_noun(w, t) : s;
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
    if (s >= 0 || q_child(w, cue, "aux:pass") >= 0 || q_child(w, cue, "nsubj:pass") >= 0)
        return s;
    const dyad_sentence *se = &doc->sentences[w->sent[cue]];
    uint32_t end = se->first + se->count;
    for (uint32_t t = se->first; t < end; t++)
        if (t != cue && w->inq[t] < 0 && q_cue_class(doc, t) && (s = q_cue_subject(w, t)) >= 0)
            return s;
    for (uint32_t t = cue + 1; t < end && t <= cue + 6 && w->inq[t] < 0; t++)
        if (w->ment[t] >= 0)
            return (int32_t)t; /* "tweeted former executive Ken Gude" */
    for (uint32_t t = se->first; t < end; t++)
        if (w->inq[t] < 0 && q_rel(doc, t, "nsubj") && !q_rel(doc, t, "nsubj:pass") &&
            !q_upos(doc, t, "PRON"))
            return (int32_t)t;
    for (uint32_t t = se->first; t < cue; t++)
        if (w->inq[t] < 0 && w->ment[t] >= 0 && !strcmp(doc->actors[w->ment[t]].type, "person"))
            return (int32_t)t;
    return -1;
}

static const char *kind_of_mention(const dyad_mention *m)
{
    /* A one-word "person" with a government code that no full name resolved is a
     * capital or a seat of power ("Kyiv says", "the Kremlin denied"). */
    bool metonym = !strchr(m->name, ' ') && m->code && strlen(m->code) >= 3;
    if (!strcmp(m->type, "person") && !metonym)
        return "person";
    if (q_media_name(m->name, strlen(m->name)))
        return "media";
    return "organization";
}

/* A mention inside [lo, hi] of the subject (the first with a code, else the first). */
static int32_t mention_in(const qwork *w, uint32_t lo, uint32_t hi)
{
    int32_t first = -1;
    for (uint32_t t = lo; t <= hi && t < w->doc->n_tokens; t++) {
        int32_t m = w->ment[t];
        if (m >= 0 && w->doc->actors[m].code)
            return m;
        if (m >= 0 && first < 0)
            first = m;
    }
    return first;
}

/* Whether token t lies in a quotation or an earlier statement's content. */
static bool quoted(const qwork *w, uint32_t t)
{
    return w->inq[t] >= 0;
}

/* The last person mention before token t outside quotations: in the nearest sentence
 * that names one, its subject first. */
static int32_t last_person(const qwork *w, uint32_t t)
{
    const dyad_doc *doc = w->doc;
    int32_t any = -1, sent = -1;
    size_t seen = 0;
    for (uint32_t k = t; k-- > 0 && seen < BACK_WINDOW * 8; seen++) {
        if (any >= 0 && w->sent[k] != sent)
            break;
        int32_t m = w->ment[k];
        if (m < 0 || quoted(w, k) || strcmp(doc->actors[m].type, "person") != 0)
            continue;
        if (q_rel(doc, k, "nsubj"))
            return m;
        if (any < 0)
            any = m, sent = w->sent[k];
    }
    return any;
}

/* The last mention of a type before t whose text holds the noun r ("the minister"). */
static int32_t titled_person(const qwork *w, uint32_t t, uint32_t r, const char *type)
{
    const dyad_doc *doc = w->doc;
    const dyad_token *rt = &doc->tokens[r];
    size_t rn = rt->end - rt->start, seen = 0;
    for (uint32_t k = t; k-- > 0 && seen < BACK_WINDOW * 8; seen++) {
        int32_t m = w->ment[k];
        if (m < 0 || (strcmp(doc->actors[m].type, "person") == 0) != (strcmp(type, "person") == 0))
            continue;
        const dyad_mention *me = &doc->actors[m];
        for (uint32_t i = me->start; i + rn <= me->end; i++)
            if (!strncasecmp(doc->text + i, doc->text + rt->start, rn))
                return m;
    }
    return -1;
}

static void from_mention(qwork *w, dyad_speaker *sp, int32_t m, uint32_t a, uint32_t b)
{
    const dyad_mention *me = &w->doc->actors[m];
    sp->start = a, sp->end = b;
    sp->name = me->name;
    sp->code = me->code;
    sp->kind = kind_of_mention(me);
    sp->mention = m;
}

/* "he", "she": the last person; "they", "it": the last source that was not a person. */
static void pronoun(qwork *w, size_t at, uint32_t s)
{
    qrec *r = &w->recs[at];
    const dyad_doc *doc = w->doc;
    if (q_lemma_in(doc, s, (const char *const[]){"he", "she", NULL})) {
        int32_t m = last_person(w, s);
        if (m >= 0)
            from_mention(w, &r->speaker, m, doc->tokens[s].start, doc->tokens[s].end);
        return;
    }
    if (!q_lemma_in(doc, s, (const char *const[]){"they", "it", NULL}))
        return;
    for (size_t i = at, seen = 0; i-- > 0 && seen < 8; seen++) {
        const dyad_speaker *p = &w->recs[i].speaker;
        if (!w->recs[i].dropped && p->kind && strcmp(p->kind, "person") != 0) {
            uint32_t a = doc->tokens[s].start, b = doc->tokens[s].end;
            r->speaker = *p;
            r->speaker.start = a, r->speaker.end = b;
            if (!p->name) /* an anonymous source keeps its description as the name */
                r->speaker.name = p->text;
            return;
        }
    }
}

/* The subject phrase: its subtree, less a leading preposition, what follows the cue
 * when the cue hangs inside it ("the people ..., who asked ..., told"), and trailing
 * punctuation. */
static void phrase(qwork *w, uint32_t s, int32_t cue, uint32_t *lo, uint32_t *hi)
{
    *lo = w->lo[s], *hi = w->hi[s];
    if (cue >= 0 && *lo <= (uint32_t)cue && (uint32_t)cue <= *hi && w->lo[cue] > s)
        *hi = w->lo[cue] - 1;
    while (*lo < s && (q_rel(w->doc, *lo, "case") || q_rel(w->doc, *lo, "fixed") ||
                       q_is_punct(w->doc, *lo)))
        (*lo)++; /* ", according to X": X */
    while (*hi > s && q_is_punct(w->doc, *hi))
        (*hi)--;
}

/* A common-noun subject: a title that refers back, a medium, a document, an anonymous
 * source, a body. */
static void common_noun(qwork *w, dyad_speaker *sp, uint32_t s, uint32_t lo, uint32_t hi)
{
    const dyad_doc *doc = w->doc;
    int32_t det = q_child(w, s, "det");
    int32_t m = mention_in(w, lo, hi);
    const char *kind = q_noun_kind(doc, s);
    bool definite = det >= 0 && q_word(doc, (uint32_t)det, "the");
    bool plural = doc->tokens[s].feats && strstr(doc->tokens[s].feats, "Number=Plur");
    if (definite && !plural && m < 0 && q_role_noun(doc, s)) {
        int32_t p = titled_person(w, lo, s, "person"); /* "the minister said" */
        if (p < 0)
            p = last_person(w, lo);
        if (p >= 0) {
            from_mention(w, sp, p, sp->start, sp->end);
            return;
        }
    }
    if (definite && !plural && m < 0 && kind && !strcmp(kind, "organization")) {
        int32_t o = titled_person(w, lo, s, "organization"); /* "the court said" */
        if (o >= 0) {
            from_mention(w, sp, o, sp->start, sp->end);
            return;
        }
    }
    if (m >= 0) {
        sp->code = doc->actors[m].code;
        if (q_media_name(doc->actors[m].name, strlen(doc->actors[m].name)) &&
            (!kind || !strcmp(kind, "document") || !strcmp(kind, "media"))) {
            sp->kind = "media"; /* "The Bloomberg report" */
            sp->name = doc->actors[m].name;
            return;
        }
    }
    sp->kind = kind ? kind : "other";
}

/* The end of mention m read on over a regnal number or suffix the mention stage left
 * out ("Queen Elizabeth II"). */
static uint32_t name_suffix(const qwork *w, uint32_t s, int32_t m)
{
    const dyad_doc *doc = w->doc;
    uint32_t t = s;
    while (t + 1 < doc->n_tokens && w->ment[t + 1] == m)
        t++;
    while (t + 1 < doc->n_tokens && w->ment[t + 1] < 0 && w->sent[t + 1] == w->sent[s] &&
           (q_rel(doc, t + 1, "flat") || q_rel(doc, t + 1, "nummod")) &&
           doc->tokens[t + 1].head >= 0 && w->ment[doc->tokens[t + 1].head] == m)
        t++;
    return doc->tokens[t].end > doc->actors[m].end ? doc->tokens[t].end : doc->actors[m].end;
}

/* A title the mention stage split from its name ("Swedish National Security Adviser" |
 * "Henrik Landerholm"): the full name in the subject phrase wins over a one-word one. */
static int32_t named_person(const qwork *w, int32_t m, uint32_t lo, uint32_t hi)
{
    const dyad_doc *doc = w->doc;
    if (strchr(doc->actors[m].name, ' '))
        return m;
    for (uint32_t t = lo; t <= hi; t++) {
        int32_t k = w->ment[t];
        if (k >= 0 && k != m && !strcmp(doc->actors[k].type, "person") &&
            strchr(doc->actors[k].name, ' '))
            return k;
    }
    return m;
}

void q_speaker_fill(qwork *w, size_t at)
{
    qrec *r = &w->recs[at];
    const dyad_doc *doc = w->doc;
    uint32_t s = (uint32_t)r->subj, lo, hi;
    dyad_speaker *sp = &r->speaker;
    phrase(w, s, r->cue, &lo, &hi);
    *sp = (dyad_speaker){doc->tokens[lo].start, doc->tokens[hi].end, NULL, NULL, NULL, NULL, -1};
    bool coordinated = q_child(w, s, "conj") >= 0; /* "Reuters and NBC": the whole phrase */
    int32_t ap = q_child(w, s, "appos");
    if (ap >= 0 && w->ment[ap] >= 0 && !strcmp(doc->actors[w->ment[ap]].type, "person") &&
        !(w->ment[s] >= 0 && !strcmp(doc->actors[w->ment[s]].type, "person")))
        s = (uint32_t)ap; /* "the director of X, Mariela Belski," and "a Republican, Mark Amodei," */
    if (q_upos(doc, s, "PRON")) {
        sp->start = doc->tokens[s].start, sp->end = doc->tokens[s].end;
        pronoun(w, at, s);
    } else if (w->ment[s] >= 0 && !coordinated) {
        int32_t m = named_person(w, w->ment[s], lo, hi);
        const dyad_mention *me = &doc->actors[m];
        from_mention(w, sp, m, me->start, me->end);
        if (m == w->ment[s])
            sp->end = name_suffix(w, s, m);
    } else if (q_upos(doc, s, "PROPN")) {
        int32_t m = mention_in(w, lo, hi);
        if (m >= 0)
            from_mention(w, sp, m, sp->start, sp->end);
        sp->kind = sp->kind ? sp->kind : "organization";
        if (coordinated)
            sp->name = NULL;
    } else {
        common_noun(w, sp, s, lo, hi);
    }
    if (!sp->kind)
        sp->kind = "other";
    sp->text = dyad_doc_strdup(w->doc, doc->text + sp->start, sp->end - sp->start);
}
