/* Speakers: the subject of a cue (subjects.c) resolved through mentions, appositions,
 * pronouns and titles, and given a source kind. */
#include "quotes.h"

#include <string.h>
#include <strings.h>

/* Mentions looked back over to resolve a pronoun or a title: bounds the work. */
#define BACK_WINDOW 64

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
    for (uint32_t t = lo; t <= hi && t < w->doc->n_tokens && t < lo + Q_SCAN; t++) {
        int32_t m = w->ment[t];
        if (m >= 0 && w->doc->actors[m].code)
            return m;
        if (m >= 0 && first < 0)
            first = m;
    }
    return first;
}

/* Whether token t lies inside quotation marks (a name there is not the narrator's). */
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
        if (w->sent[k] == w->sent[t])
            continue; /* "Speaking to Martin Smith, he said": not the listener */
        if (any < 0)
            any = m, sent = w->sent[k];
    }
    return any;
}

/* The last organisation or group named before token t outside quotations, in its
 * sentence or the one before ("the union ... They said"), or -1. */
static int32_t last_body(const qwork *w, uint32_t t)
{
    const dyad_doc *doc = w->doc;
    for (uint32_t k = t; k-- > 0 && k + 2 * BACK_WINDOW > t && w->sent[k] + 1 >= w->sent[t];) {
        int32_t m = w->ment[k];
        if (m >= 0 && !quoted(w, k) && (!strcmp(doc->actors[m].type, "organization") ||
                                         !strcmp(doc->actors[m].type, "group")))
            return m;
    }
    return -1;
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
        for (uint32_t i = me->start; i + rn <= me->end && i < me->start + 4 * Q_SCAN; i++)
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
    uint32_t here = w->para[w->sent[s]];
    for (size_t i = at, seen = 0; i-- > 0 && seen < 8; seen++) {
        const dyad_speaker *p = &w->recs[i].speaker;
        if (w->para[w->sent[w->recs[i].t0]] + 2 < here)
            break; /* too far back to be what "they" means */
        if (!w->recs[i].dropped && p->kind && strcmp(p->kind, "person") != 0) {
            uint32_t a = doc->tokens[s].start, b = doc->tokens[s].end;
            r->speaker = *p;
            r->speaker.start = a, r->speaker.end = b;
            if (!p->name) /* an anonymous source keeps its description as the name */
                r->speaker.name = p->text;
            return;
        }
    }
    int32_t m = last_body(w, s);
    if (m >= 0)
        from_mention(w, &r->speaker, m, doc->tokens[s].start, doc->tokens[s].end);
}

/* The subject phrase: its subtree, less a leading preposition, what follows the cue
 * when the cue hangs inside it ("the people ..., who asked ..., told"), and trailing
 * punctuation. */
static void phrase(qwork *w, uint32_t s, const qrec *r, uint32_t *lo, uint32_t *hi)
{
    int32_t cue = r->cue;
    *lo = w->lo[s], *hi = w->hi[s];
    if (cue >= 0 && *lo <= (uint32_t)cue && (uint32_t)cue <= *hi && w->lo[cue] > s)
        *hi = w->lo[cue] - 1;
    if (s < r->t0 && r->t0 <= *hi)
        *hi = r->t0 - 1; /* "According to Reuters, [content]" parsed under Reuters */
    while (*lo < s && (q_rel(w->doc, *lo, "case") || q_rel(w->doc, *lo, "fixed") ||
                       q_is_punct(w->doc, *lo)))
        (*lo)++; /* ", according to X": X */
    while (*hi > s && q_is_punct(w->doc, *hi))
        (*hi)--;
    if (*hi > s + 4 * Q_SCAN)
        *hi = s + 4 * Q_SCAN; /* a description, not a page */
}

/* A proper-noun modifier of s that names a medium ("The Bloomberg report"), or -1. */
static int32_t media_modifier(const qwork *w, uint32_t s)
{
    for (uint32_t i = w->kid_first[s]; i < w->kid_first[s + 1] && i < w->kid_first[s] + Q_SCAN;
         i++) {
        uint32_t k = w->kids[i];
        const dyad_token *t = &w->doc->tokens[k];
        if ((q_rel(w->doc, k, "compound") || q_rel(w->doc, k, "nmod")) &&
            q_upos(w->doc, k, "PROPN") && q_media_name(w->doc->text + t->start, t->end - t->start))
            return (int32_t)k;
    }
    return -1;
}

/* The proper name [lo, s], less a leading article, names a medium. */
static bool medium_phrase(const qwork *w, uint32_t lo, uint32_t s)
{
    const dyad_doc *doc = w->doc;
    if (s > lo + 6)
        return false;
    uint32_t a = doc->tokens[lo].start;
    return q_media_name(doc->text + a, doc->tokens[s].end - a);
}

/* A definite title or body refers back: "the minister said" to the last person whose
 * mention holds "minister" (else the last person named), "the court said" to the
 * last body holding "court". False when s is no such phrase. */
static bool refers_back(qwork *w, dyad_speaker *sp, uint32_t s, uint32_t lo, const char *kind)
{
    const dyad_doc *doc = w->doc;
    int32_t det = q_child(w, s, "det");
    bool plural = doc->tokens[s].feats && strstr(doc->tokens[s].feats, "Number=Plur");
    bool the = det >= 0 && q_word(doc, (uint32_t)det, "the");
    bool owned = q_child(w, s, "nmod:poss") >= 0; /* "Chelyabinsk's governor" */
    if (!(the || owned) || plural)
        return false;
    if (q_role_noun(doc, s)) {
        int32_t p = titled_person(w, lo, s, "person");
        if (p < 0 && !owned)
            p = last_person(w, lo); /* "the minister": the person the story is about */
        if (p >= 0)
            from_mention(w, sp, p, sp->start, sp->end);
        sp->kind = "person"; /* "the prime minister" is someone, named or not */
        return true;
    }
    int32_t o = kind && !strcmp(kind, "organization") ? titled_person(w, lo, s, "organization")
                                                     : -1;
    if (o >= 0)
        from_mention(w, sp, o, sp->start, sp->end);
    return o >= 0;
}

/* A medium named inside the phrase ("The Bloomberg report", "Reuters reports"). */
static bool medium_in(qwork *w, dyad_speaker *sp, uint32_t s, int32_t m, const char *kind)
{
    const dyad_doc *doc = w->doc;
    if (kind && strcmp(kind, "document") != 0 && strcmp(kind, "media") != 0)
        return false;
    if (m >= 0 && q_media_name(doc->actors[m].name, strlen(doc->actors[m].name))) {
        sp->kind = "media";
        sp->name = doc->actors[m].name;
        return true;
    }
    int32_t medium = media_modifier(w, s); /* a name the mention stage missed */
    if (medium < 0)
        return false;
    const dyad_token *k = &doc->tokens[medium];
    sp->kind = "media";
    sp->name = dyad_doc_strdup(w->doc, doc->text + k->start, k->end - k->start);
    return true;
}

/* A common-noun subject: a person in apposition, a title or body that refers back, a
 * medium, or the kind its head noun implies (document, anonymous, organization). */
static void common_noun(qwork *w, dyad_speaker *sp, uint32_t s, uint32_t lo, uint32_t hi)
{
    const dyad_doc *doc = w->doc;
    int32_t m = mention_in(w, lo, hi);
    const char *kind = q_noun_kind(doc, s);
    for (uint32_t t = lo; t <= hi && t < lo + Q_SCAN; t++) {
        int32_t p = w->ment[t];
        if (p >= 0 && q_rel(doc, t, "appos") && !strcmp(doc->actors[p].type, "person")) {
            from_mention(w, sp, p, doc->actors[p].start, doc->actors[p].end);
            return; /* "the director of Amnesty International, Mariela Belski," */
        }
    }
    if ((m < 0 && refers_back(w, sp, s, lo, kind)) || medium_in(w, sp, s, m, kind))
        return;
    sp->code = m >= 0 ? doc->actors[m].code : NULL; /* "US officials": USA */
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
    for (uint32_t t = lo; t <= hi && t < lo + Q_SCAN; t++) {
        int32_t k = w->ment[t];
        if (k >= 0 && k != m && !strcmp(doc->actors[k].type, "person") &&
            strchr(doc->actors[k].name, ' '))
            return k;
    }
    return m;
}

static bool person_mention(const qwork *w, uint32_t t)
{
    return w->ment[t] >= 0 && !strcmp(w->doc->actors[w->ment[t]].type, "person");
}

/* Token t names a person: a person mention, or a name the parse joins with flat. */
static bool person_at(const qwork *w, uint32_t t)
{
    return person_mention(w, t) || (q_upos(w->doc, t, "PROPN") && q_child(w, t, "flat") >= 0);
}

/* A proper-noun subject: its mention, a personal name the mention stage missed (UD
 * joins those with flat), a medium, else a body. */
static void proper_noun(qwork *w, dyad_speaker *sp, uint32_t s, uint32_t lo, uint32_t hi,
                        bool coordinated)
{
    const dyad_doc *doc = w->doc;
    int32_t m = mention_in(w, lo, hi);
    if (m >= 0) {
        from_mention(w, sp, m, sp->start, sp->end);
    } else if (q_child(w, s, "flat") >= 0) {
        uint32_t e = s;
        while (e + 1 < doc->n_tokens && e < s + 8 && doc->tokens[e + 1].head == (int32_t)s &&
               q_rel(doc, e + 1, "flat"))
            e++;
        sp->kind = "person";
        sp->name = dyad_doc_strdup(w->doc, doc->text + doc->tokens[s].start,
                                   doc->tokens[e].end - doc->tokens[s].start);
    } else if (!coordinated && medium_phrase(w, lo, s)) {
        uint32_t a = q_rel(doc, lo, "det") && lo < s ? doc->tokens[lo + 1].start
                                                     : doc->tokens[lo].start;
        sp->kind = "media"; /* "The Daily Herald" */
        sp->name = dyad_doc_strdup(w->doc, doc->text + a, doc->tokens[s].end - a);
    }
    if (!sp->kind)
        sp->kind = "organization";
    if (coordinated)
        sp->name = NULL; /* "Reuters and NBC": the text says who */
}

void q_speaker_fill(qwork *w, size_t at)
{
    qrec *r = &w->recs[at];
    const dyad_doc *doc = w->doc;
    uint32_t s = (uint32_t)r->subj, lo, hi;
    dyad_speaker *sp = &r->speaker;
    phrase(w, s, r, &lo, &hi);
    *sp = (dyad_speaker){doc->tokens[lo].start, doc->tokens[hi].end, NULL, NULL, NULL, NULL, -1};
    bool coordinated = q_child(w, s, "conj") >= 0; /* "Reuters and NBC": the whole phrase */
    int32_t ap = q_child(w, s, "appos");
    if (ap >= 0 && person_at(w, (uint32_t)ap) && !person_mention(w, s))
        s = (uint32_t)ap; /* "the director of X, Mariela Belski,"; "a Republican, Mark Amodei," */
    if (q_upos(doc, s, "PRON")) {
        sp->start = doc->tokens[s].start, sp->end = doc->tokens[s].end;
        pronoun(w, at, s);
    } else if (w->ment[s] >= 0 && !coordinated) {
        int32_t m = named_person(w, w->ment[s], lo, hi);
        from_mention(w, sp, m, doc->actors[m].start, doc->actors[m].end);
        if (m == w->ment[s])
            sp->end = name_suffix(w, s, m);
    } else if (q_upos(doc, s, "PROPN")) {
        proper_noun(w, sp, s, lo, hi, coordinated);
    } else {
        common_noun(w, sp, s, lo, hi);
    }
    if (!sp->kind)
        sp->kind = "other";
    sp->text = dyad_doc_strdup(w->doc, doc->text + sp->start, sp->end - sp->start);
}
