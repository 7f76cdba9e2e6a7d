/* Matching verb patterns and discard phrases against the words of a sentence. */
#include "events.h"

#include <string.h>
#include <strings.h>

/* A regular plural of w: w+s, w+es, or y -> ies (PETRARCH generates the same). */
static bool is_plural_of(const char *t, const char *w)
{
    size_t tl = strlen(t), wl = strlen(w);
    if (tl == wl + 1 && t[wl] == 's' && memcmp(t, w, wl) == 0)
        return true;
    if (tl == wl + 2 && memcmp(t + wl, "es", 2) == 0 && memcmp(t, w, wl) == 0)
        return true;
    return wl > 1 && w[wl - 1] == 'y' && tl == wl + 2 && memcmp(t, w, wl - 1) == 0 &&
           memcmp(t + wl - 1, "ies", 3) == 0;
}

/* Most words of a pattern differ from the sentence's in the first letter, which
 * equality and every plural share (for a non-empty w): that is tested first. */
bool ev_word_matches(const ev_sentence *s, int32_t i, const char *w, bool exact)
{
    const char *t = s->lower[i], *lemma = s->lemma[i];
    if (t[0] == w[0] && strcmp(t, w) == 0)
        return true;
    if (exact)
        return false;
    /* a noun of a pattern is no verb's past: "- * VISIT" under REPORT is "reported a
     * visit", not "reported to have visited" */
    const char *x = ev_tok(s, i)->xpos;
    if (lemma[0] == w[0] && strcmp(lemma, w) == 0 &&
        !(x && (strcmp(x, "VBD") == 0 || strcmp(x, "VBN") == 0)))
        return true;
    return (t[0] == w[0] || !w[0]) && is_plural_of(t, w);
}

/* Length in context entries of synset phrase ph matched at ctx->tok[k], or 0. */
static size_t phrase_at(const dyad_event_dict *d, const ev_phrase *ph, const ev_sentence *s,
                        const ev_context *ctx, size_t k)
{
    if (k + ph->n_words > ctx->n)
        return 0;
    for (uint32_t j = 0; j < ph->n_words; j++) {
        const char *w = ev_str(d, d->phrase_words[ph->word + j]);
        /* only the last word of a phrase takes plural forms: "armed forces" */
        bool exact = ph->exact || j + 1 < ph->n_words;
        if (!ev_word_matches(s, ctx->tok[k + j], w, exact) &&
            !(j + 1 < ph->n_words && strcmp(s->lower[ctx->tok[k + j]], w) == 0))
            return 0;
    }
    return ph->n_words;
}

/* Words that make phrasal verbs ("fire off", "set up", "back down"). */
static bool particle_word(const char *w)
{
    static const char *const particles[] = {"off", "up", "out", "down", "away", "back", NULL};
    for (const char *const *p = particles; *p; p++)
        if (strcmp(w, *p) == 0)
            return true;
    return false;
}

/* Whether token i is used as a preposition: "to Moscow", not "to lift" (the marker of
 * an infinitive; "for failing" is one, as a gerund's "for" stands for its clause), */
static bool preposition_at(const ev_sentence *s, int32_t i)
{
    const char *rel = ev_tok(s, i)->deprel;
    /* nor the particle of a verb in a clause below: "wanted to find out" is no "want out" */
    int32_t h = ev_head(s, i);
    if (rel && strcmp(rel, "compound:prt") == 0 && h >= 0 &&
        (ev_rel_starts(s, h, "xcomp") || ev_rel_starts(s, h, "ccomp") ||
         ev_rel_starts(s, h, "advcl")))
        return false;
    /* (or parsed as the case of that verb's object: "wanting to phase [out the industry]") */
    static const char *const particles[] = {"out", "off", "up", "down", "away", "back", NULL};
    int32_t at = h >= 0 ? ev_head(s, h) : -1;
    if (rel && strcmp(rel, "case") == 0 && at >= 0 && ev_lemma_in(s, i, particles) &&
        (ev_rel_starts(s, at, "xcomp") || ev_rel_starts(s, at, "ccomp") ||
         ev_rel_starts(s, at, "advcl")))
        return false;
    return !rel || strcmp(rel, "mark") != 0 || strcmp(s->lower[i], "to") != 0;
}

/* Whether token i heads a phrase of where something goes ("to the embassy"). */
static bool destination(const ev_sentence *s, int32_t i)
{
    static const char *const toward[] = {"to", "into", "toward", "towards", NULL};
    const char *u = ev_tok(s, i)->upos;
    if (!u || (strcmp(u, "NOUN") != 0 && strcmp(u, "PROPN") != 0))
        return false;
    for (int32_t c = s->first_child[i]; c >= 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "case") && ev_lemma_in(s, c, toward))
            return true;
    return false;
}

/* Whether token i is a noun in a prepositional phrase after the verb's own object:
 * "blamed Pakistan for an attack on tourists" is no "- * ATTACK ON +" (blamed the attack
 * on someone), whose word would be the object. */
static bool behind_object(const ev_sentence *s, int32_t i, int32_t object)
{
    const char *u = ev_tok(s, i)->upos;
    /* (what the object is called, what an amount is of: "labeled X as a terrorist",
     * "suspended $400 million in military aid") */
    int32_t c = ev_child(s, i, "case");
    return object >= 0 && object < i && u &&
           (strcmp(u, "NOUN") == 0 || strcmp(u, "PROPN") == 0) && c >= 0 &&
           strcmp(s->lower[c], "as") != 0 && strcmp(s->lower[c], "in") != 0 &&
           ev_head(s, i) == ev_head(s, object);
}

/* Whether preposition i after the pattern's word at token noun (-1: none) is that
 * word's: its phrase hangs on the word, or on the verb or its object where the parse may
 * have put it ("lodged a protest of [...]" is no "protest (OF)" when the "of" belongs to
 * "the detention of a businessman"). */
static bool phrase_of(const ev_sentence *s, int32_t i, int32_t noun, int32_t object)
{
    if (noun < 0 || ev_tok(s, noun)->upos == NULL || strcmp(ev_tok(s, noun)->upos, "NOUN") != 0)
        return true;
    int32_t ph = ev_head(s, i), at = ph >= 0 ? ev_head(s, ph) : -1;
    return at < 0 || at == noun || at == object || (object >= 0 && at == ev_head(s, object)) ||
           ev_head(s, noun) == at;
}

/* Preposition i of a "(TO)" pattern: the actor the phrase it heads names is the target
 * ("reached out to [the United States]"), and a phrase naming none means there is no
 * target ("voted against the bill", "led Trump 47 percent to 40"). */
static void governed_phrase(const ev_sentence *s, int32_t i, ev_match *m,
                            bool (*is_actor)(const ev_sentence *, int32_t, void *), void *arg)
{
    int32_t h = ev_head(s, i);
    const char *rel = ev_tok(s, i)->deprel;
    if (h >= 0 && rel && strcmp(rel, "case") == 0 && is_actor(s, h, arg))
        m->target = h, m->governed = true;
    else
        m->no_target = m->target < 0;
}

/* PETRARCH's "^": the context position after the phrase starting at ctx->tok[pos], or
 * after the object of the preposition just matched ("(IN ^) +": "in Osgiliath with
 * Gondor" skips Osgiliath); 0 when nothing is left to skip. */
static size_t skip_phrase(const ev_sentence *s, const ev_context *ctx, size_t pos)
{
    if (pos >= ctx->n)
        return 0;
    int32_t h = ctx->tok[pos];
    const char *rel = pos > 0 ? ev_tok(s, ctx->tok[pos - 1])->deprel : NULL;
    if (rel && strcmp(rel, "case") == 0 && ev_head(s, ctx->tok[pos - 1]) >= h)
        h = ev_head(s, ctx->tok[pos - 1]);
    else /* a noun phrase's head ends it: climb from its first word while heads lie right;
          * a preposition opens one ("TABASKI ^ $": "Tabaski with Eriador" skips "with
          * Eriador") */
        while (ev_head(s, h) > h && ev_tok(s, h)->deprel &&
               (strncmp(ev_tok(s, h)->deprel, "det", 3) == 0 ||
                strcmp(ev_tok(s, h)->deprel, "case") == 0 ||
                strncmp(ev_tok(s, h)->deprel, "amod", 4) == 0 ||
                strncmp(ev_tok(s, h)->deprel, "compound", 8) == 0 ||
                strncmp(ev_tok(s, h)->deprel, "nummod", 6) == 0 ||
                strncmp(ev_tok(s, h)->deprel, "nmod:poss", 9) == 0))
            h = ev_head(s, h);
    while (pos < ctx->n && ctx->tok[pos] <= h)
        pos++;
    return pos;
}

/* PETRARCH's "%": token t heads a coded actor coordinated with another ("Gondor and
 * Osgiliath"). */
static bool compound_at(const ev_sentence *s, int32_t t,
                        bool (*is_actor)(const ev_sentence *, int32_t, void *), void *arg)
{
    if (!is_actor(s, t, arg))
        return false;
    for (int32_t c = s->first_child[t]; c >= 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "conj") && is_actor(s, c, arg))
            return true;
    return false;
}

/* Matches elems[0..n) in order over ctx (gaps allowed); adds to m, noting a word on the
 * verb's object head; false on failure. */
static bool match_run(const dyad_event_dict *d, const ev_elem *elems, uint32_t n,
                      const ev_sentence *s, const ev_context *ctx, int32_t object, ev_match *m,
                      int *lead, bool coded, bool (*is_actor)(const ev_sentence *, int32_t, void *),
                      void *arg)
{
    size_t pos = 0;
    bool worded = false; /* gaps count between its words, not before the first */
    int32_t noun = -1;   /* the token the last word element matched */
    for (uint32_t e = 0; e < n; e++) {
        const ev_elem *el = &elems[e];
        if (el->kind == EL_SKIP) {
            if (!(pos = skip_phrase(s, ctx, pos)))
                return false;
            continue;
        }
        bool found = false;
        size_t from = pos;
        for (size_t k = pos; k < ctx->n && !found; k++) {
            size_t len = 0;
            /* the preposition of a time is no pattern's word ("agreed on Friday" is no
             * "agree on"), but its nouns are ("- * + HOURS") and "until" is a deadline's:
             * "gave Iran until Friday to respond"; a circumstance has none */
            int32_t tk = ctx->tok[k];
            const char *tu = ev_tok(s, tk)->upos;
            bool time_noun = s->temporal[tk] == 1 && tu &&
                             (strcmp(tu, "NOUN") == 0 || strcmp(tu, "NUM") == 0);
            if ((s->named[tk] || (s->temporal[tk] && !time_noun &&
                                  strcmp(s->lower[tk], "until") != 0)) &&
                el->kind != EL_SOURCE && el->kind != EL_TARGET)
                continue;
            switch (el->kind) {
            case EL_WORD:
                len = ev_word_matches(s, ctx->tok[k], ev_str(d, el->value), el->exact) ? 1 : 0;
                /* "detained two aid workers": a pattern's last word that only modifies
                 * people named after it is no act of aid ("police officers" are police) */
                if (len && e + 1 == n && ev_rel_starts(s, ctx->tok[k], "compound") &&
                    ev_head(s, ctx->tok[k]) > ctx->tok[k] && !is_actor(s, ctx->tok[k], arg) &&
                    is_actor(s, ev_head(s, ctx->tok[k]), arg))
                    len = 0;
                /* a particle of the pattern ("- * OFF": "fired off a letter") is no
                 * preposition of a place ("fired missiles off its west coast") */
                if (len && !el->preposition && particle_word(s->lower[ctx->tok[k]]) &&
                    ev_rel_starts(s, ctx->tok[k], "case") &&
                    !(ctx->tok[k] + 1 < (int32_t)s->count &&
                      strcmp(s->lower[ctx->tok[k] + 1], "of") == 0))
                    len = 0; /* ("dropped out of the race" keeps its particle) */
                if (len && el->preposition &&
                    (!preposition_at(s, ctx->tok[k]) || !phrase_of(s, ctx->tok[k], noun, object)))
                    len = 0;
                /* a pattern's first word after the verb with no preposition before it
                 * is what the verb acts on, not where it goes ("fled to the Canadian
                 * embassy" is no "- * EMBASSY", abandoning it, 161) nor a phrase behind
                 * the verb's own object ("blamed Pakistan for an attack on tourists") */
                if (len && lead && !worded && !el->preposition && coded &&
                    (destination(s, ctx->tok[k]) || behind_object(s, ctx->tok[k], object)))
                    len = 0; /* (a null pattern may: "appealed to the court" is none) */
                if (len && el->governs)
                    governed_phrase(s, ctx->tok[k], m, is_actor, arg);
                break;
            case EL_SYNSET: {
                const ev_synset *syn = &d->synsets[el->value];
                for (uint32_t p = 0; p < syn->n && !len; p++)
                    len = phrase_at(d, &d->phrases[syn->first + p], s, ctx, k);
                break;
            }
            case EL_COMPOUND: /* "Gondor and Osgiliath": each member is found as a source later */
                len = compound_at(s, ctx->tok[k], is_actor, arg) ? 1 : 0;
                break;
            case EL_SOURCE:
            case EL_TARGET:
                if (is_actor(s, ctx->tok[k], arg) && !ev_kin_of(s, ctx->tok[k])) {
                    len = 1;
                    if (el->kind == EL_SOURCE)
                        m->source = ctx->tok[k];
                    else
                        m->target = ctx->tok[k];
                }
                break;
            }
            if (len) {
                found = true;
                if (el->kind == EL_WORD)
                    noun = ctx->tok[k];
                for (size_t t = k; t < k + len && t < ctx->n; t++) {
                    const char *w = s->lower[ctx->tok[t]];
                    m->negation |= strcmp(w, "not") == 0 || strcmp(w, "n't") == 0 ||
                                   strcmp(w, "never") == 0 || strcmp(w, "no") == 0;
                }
                pos = k + len;
                /* a compound is a condition the words alone do not state */
                if (el->kind == EL_WORD || el->kind == EL_SYNSET || el->kind == EL_COMPOUND) {
                    m->score += (int)len;
                    m->gaps += worded ? (int)(k - from) : 0;
                    if (!worded && lead)
                        *lead = (int)k;
                    worded = true;
                }
                for (size_t t = k; t < k + len && t < ctx->n && el->kind != EL_TARGET; t++)
                    m->on_object |= ctx->tok[t] == object;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

ev_match ev_pattern_match(const dyad_event_dict *d, const ev_pattern *p, const ev_sentence *s,
                          const ev_context *pre, const ev_context *post, int32_t object,
                          bool (*is_actor)(const ev_sentence *, int32_t, void *), void *arg)
{
    ev_match m = {.score = 0, .source = -1, .target = -1, .lead = -1};
    bool coded = strcmp(p->code, "---") != 0;
    if (!p->code[0] || (p->words & ~s->words) ||
        !match_run(d, &d->elems[p->first], p->n_pre, s, pre, object, &m, NULL, coded, is_actor,
                   arg) ||
        !match_run(d, &d->elems[p->first + p->n_pre], p->n_post, s, post, object, &m, &m.lead,
                   coded, is_actor, arg))
        m.score = -1;
    return m;
}

int ev_discarded(const dyad_event_dict *d, const ev_sentence *s)
{
    int result = 0;
    for (size_t i = 0; i < d->n_discards && result < 2; i++) {
        const ev_discard *dc = &d->discards[i];
        for (uint32_t k = 0; k + dc->n_words <= s->count; k++) {
            uint32_t j = 0;
            for (; j < dc->n_words; j++) {
                const char *w = ev_str(d, d->phrase_words[dc->word + j]);
                const char *t = s->lower[k + j];
                /* the last word is a stem: "basketball" discards "basketballs" */
                if (j + 1 == dc->n_words && !dc->exact ? strncmp(t, w, strlen(w)) != 0
                                                      : strcmp(t, w) != 0)
                    break;
            }
            if (j == dc->n_words) {
                result = dc->whole ? 2 : 1;
                break;
            }
        }
    }
    return result;
}
