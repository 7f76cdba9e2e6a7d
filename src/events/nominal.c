/* Events named by nouns: "Russia's attack on Kyiv", "talks between Washington and
 * Beijing", "sanctions against Iran", "$110 billion in aid from the US". */
#include "events.h"

#include <string.h>

bool ev_has_case(const ev_sentence *s, int32_t h, const char *const *preps)
{
    int32_t c = ev_child(s, h, "case");
    if (c < 0)
        return false;
    for (; *preps; preps++)
        if (strcmp(s->lower[c], *preps) == 0)
            return true;
    return false;
}

/* Appends c and the nouns coordinated with it that name coded actors. */
static size_t add_side(const ev_sentence *s, int32_t c, ev_arg *out, size_t n, size_t max,
                       const dyad_actor_dict *actors)
{
    if (n < max && ev_actor_of(s, c, actors).code)
        out[n++] = (ev_arg){c, -1};
    for (int32_t k = s->first_child[c]; k >= 0 && n < max; k = s->next_sibling[k])
        if (ev_rel_starts(s, k, "conj"))
            n = add_side(s, k, out, n, max, actors);
    return n;
}

/* "Russian strikes", "US aid": a modifier that names a country or body by itself;
 * "military aid" names none. */
static bool names_country(const ev_sentence *s, int32_t c, const dyad_actor_dict *actors)
{
    const dyad_token *t = ev_tok(s, c);
    dyad_actor_match m;
    if (ev_actor_lookup(s, actors, t->start, t->end, &m) && m.country[0])
        return true;
    /* or a name of several words the mention stage coded: "an al-Shabaab attack" */
    const char *u = t->upos, *code = NULL;
    return u && strcmp(u, "PROPN") == 0 && ev_child(s, c, "flat") >= 0 &&
           (code = ev_actor_of(s, c, actors).code) && strncmp(code, "---", 3) != 0;
}

/* The coded members of the phrase headed by c, with their role: "American and
 * Ukrainian officials". */
static size_t members(const ev_sentence *s, int32_t c, ev_arg *out, size_t max,
                      const dyad_actor_dict *actors)
{
    size_t n = ev_with_conjuncts(s, c, out, 0, max), kept = 0;
    for (size_t i = 0; i < n; i++)
        if (ev_actor_arg(s, out[i], actors).code)
            out[kept++] = out[i];
    return kept;
}

/* "deals between Israel and Bahrain and between Serbia and Kosovo": the parties of the
 * first "between" only, which the parse heads at c; a conjunct with a "between" of its
 * own starts another group, whose members made no deal with these. */
static size_t first_group(const ev_sentence *s, int32_t c, ev_arg *args, size_t n)
{
    static const char *const between[] = {"between", "among", "amongst", NULL};
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        bool other = false;
        for (int32_t h = args[i].head; h >= 0 && h != c && !other; h = ev_head(s, h))
            other = ev_has_case(s, h, between);
        if (!other)
            args[kept++] = args[i];
    }
    return kept;
}

bool ev_nominal_roles(const ev_sentence *s, int32_t n, ev_arg *srcs, size_t *ns, ev_arg *tgts,
                      size_t *nt, bool *mutual, const dyad_actor_dict *actors)
{
    static const char *const from[] = {"by", "from", NULL};
    static const char *const toward[] = {"on", "against", "to", "with", "for", "toward",
                                         "towards", "into", "upon", "inside", NULL};
    static const char *const between[] = {"between", "among", "amongst", NULL};
    static const char *const of[] = {"of", NULL};
    const size_t max = 6;
    *ns = *nt = 0;
    *mutual = false;
    int32_t of_arg = -1;
    for (int32_t c = s->first_child[n]; c >= 0; c = s->next_sibling[c]) {
        const char *u = ev_tok(s, c)->upos;
        /* the doer: "Russia's attack", "Russian strikes", "US aid", "aid from the US" */
        if (ev_rel_starts(s, c, "nmod:poss") ||
            ((ev_rel_starts(s, c, "amod") || ev_rel_starts(s, c, "compound")) && u &&
             (strcmp(u, "ADJ") == 0 || strcmp(u, "PROPN") == 0) && names_country(s, c, actors)) ||
            (ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, from)))
            *ns = add_side(s, c, srcs, *ns, max, actors);
        else if (ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, toward))
            *nt = add_side(s, c, tgts, *nt, max, actors);
        else if (ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, between) && !*ns) {
            *ns = first_group(s, c, srcs, add_side(s, c, srcs, 0, max, actors));
            /* "talks between American and Ukrainian officials": the members of one noun */
            if (*ns < 2)
                *ns = first_group(s, c, srcs, members(s, c, srcs, max, actors));
            *mutual = *ns > 1;
        } else if (ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, of)) {
            of_arg = c;
            /* "supplies of weapons (and other support) from Iran": the doer hangs on the
             * "of" phrase or on a noun coordinated with it */
            for (int32_t g = s->first_child[c]; g >= 0; g = s->next_sibling[g]) {
                if (ev_rel_starts(s, g, "nmod") && ev_has_case(s, g, from))
                    *ns = add_side(s, g, srcs, *ns, max, actors);
                if (!ev_rel_starts(s, g, "conj"))
                    continue;
                for (int32_t k = s->first_child[g]; k >= 0; k = s->next_sibling[k])
                    if (ev_rel_starts(s, k, "nmod") && ev_has_case(s, k, from))
                        *ns = add_side(s, k, srcs, *ns, max, actors);
            }
        }
    }
    if (*mutual) {
        memcpy(tgts, srcs, *ns * sizeof *srcs);
        *nt = *ns;
        return true;
    }
    /* "made threats against", "launched attacks on", "orchestrated attacks on": the subject
     * of a light verb does it */
    if (!*ns && ev_rel_starts(s, n, "obj")) {
        static const char *const light[] = {"make", "launch", "carry", "stage", "mount",
                                            "conduct", "hold", "issue", "impose", "give",
                                            "offer", "provide", "extend", "begin", "start",
                                            "deliver", "wage", "lodge", "file", "level",
                                            "orchestrate", "organize", "organise",
                                            "mastermind", "plot", "order", "approve",
                                            "authorize", "authorise", "direct", "pursue",
                                            /* "announced tariffs on American steel" */
                                            "announce", "unveil", "introduce", "slap",
                                            "levy", "reimpose", "threaten", NULL};
        int32_t v = ev_head(s, n);
        const char *lemma = v >= 0 ? ev_tok(s, v)->lemma : NULL;
        for (const char *const *l = light; lemma && *l; l++)
            if (strcmp(lemma, *l) == 0) {
                /* "launched attacks on Kenya" parsed with "on Kenya" on the verb (not
                 * "with": "providing airstrikes with the Air Force" is the means) */
                static const char *const aimed[] = {"on", "against", "to", "toward",
                                                    "towards", "into", "upon", "inside", NULL};
                for (int32_t c = s->first_child[v]; c >= 0 && !*nt; c = s->next_sibling[c])
                    if (ev_rel_starts(s, c, "obl") && ev_has_case(s, c, aimed))
                        *nt = add_side(s, c, tgts, *nt, max, actors);
                if (!*nt && of_arg < 0) /* ("pursued the prosecution of Trump": "of" below) */
                    break;
                ev_arg subj[6];
                size_t k = ev_sources(s, v, subj, max);
                for (size_t i = 0; i < k; i++)
                    if (ev_actor_of(s, subj[i].head, actors).code)
                        srcs[(*ns)++] = subj[i];
                break;
            }
    }
    /* "US troops operate in cooperation with Iraqi forces", "acted in coordination with":
     * a manner phrase of a verb is done by the verb's subject */
    static const char *const in[] = {"in", NULL};
    static const char *const manners[] = {"cooperation", "coordination", "collaboration",
                                          "partnership", "consultation", "fight", "war", NULL};
    if (!*ns && *nt && ev_rel_starts(s, n, "obl") && ev_has_case(s, n, in) &&
        ev_lemma_in(s, n, manners) && ev_head(s, n) >= 0) {
        ev_arg subj[6];
        size_t k = ev_sources(s, ev_head(s, n), subj, max);
        for (size_t i = 0; i < k; i++)
            if (ev_actor_of(s, subj[i].head, actors).code)
                srcs[(*ns)++] = subj[i];
    }
    /* "Russia's invasion of Ukraine": with a doer named, "of" names the one it is done to;
     * of a journey, "of" names who travels ("the visit of Narendra Modi to Moscow") */
    static const char *const journeys[] = {"visit", "trip", "tour", "journey", NULL};
    if (!*ns && of_arg >= 0 && ev_lemma_in(s, n, journeys))
        *ns = add_side(s, of_arg, srcs, 0, max, actors);
    else if (*ns && !*nt && of_arg >= 0)
        *nt = add_side(s, of_arg, tgts, 0, max, actors);
    /* "the visit by US lawmakers to Taiwan" with "to Taiwan" hung on the doers */
    for (size_t k = 0; k < *ns && !*nt; k++)
        for (int32_t c = s->first_child[srcs[k].head]; c >= 0; c = s->next_sibling[c])
            if (ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, toward) && c > srcs[k].head)
                *nt = add_side(s, c, tgts, *nt, max, actors);
    /* "Russia lined up supplies from Iran": the subject of the verb receives them (not
     * what is done by someone: "condemned the visit by US lawmakers") */
    if (*ns && !*nt && (ev_rel_starts(s, n, "obj") || ev_rel_starts(s, n, "obl"))) {
        static const char *const only_from[] = {"from", NULL};
        int32_t v = ev_head(s, n);
        bool from_side = false;
        for (size_t k = 0; k < *ns; k++) {
            int32_t h = ev_head(s, srcs[k].head);
            while (h >= 0 && ev_rel_starts(s, h, "conj")) /* "from Iran and North Korea" */
                h = ev_head(s, h);
            from_side |= ev_has_case(s, srcs[k].head, only_from) ||
                         (h >= 0 && ev_has_case(s, h, only_from));
        }
        /* the receiver is the verb's subject, inherited over "and" as for verbs */
        ev_arg subj[6];
        size_t n_subj = from_side && v >= 0 ? ev_sources(s, v, subj, max) : 0;
        for (size_t k = 0; k < n_subj; k++)
            if (ev_actor_of(s, subj[k].head, actors).code)
                tgts[(*nt)++] = subj[k];
    }
    return *ns && *nt;
}
