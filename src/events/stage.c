/* The event stage: each verb of each sentence against the patterns, then source,
 * target, status, date and quote; the same event stated twice becomes one record. */
#include "events.h"
#include "../actors/actors.h"
#include "../quotes/quotes.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ACTORS 6 /* coordinated actors per side: "Russia, China and Iran" */

typedef struct stage {
    char country[4]; /* the document's own country, for role-only actors */
    const dyad_event_dict *dict;
    const dyad_actor_dict *actors;
    dyad_doc *doc;
    dyad_event *events;
    size_t n_events, cap_events;
    uint8_t *acted; /* [sentence length] 1 where a verb coded an act (not a statement), 2
                     * where its pattern coded, with no target, what its object names */
    ev_deed deeds[EV_DEEDS]; /* the last violent acts told, oldest first */
    size_t n_deeds;
} stage;

static bool actor_start(const ev_sentence *s, int32_t t, void *arg)
{
    const char *u = ev_tok(s, t)->upos;
    if (!u || !(strcmp(u, "PROPN") == 0 || strcmp(u, "NOUN") == 0 || strcmp(u, "PRON") == 0))
        return false;
    return ev_actor_of(s, t, ((stage *)arg)->actors).code != NULL;
}

/* Whether a CAMEO code falls under one of the two-digit roots ("19" holds "193"). */
static bool root_in(const char *code, const char *const *roots)
{
    for (; *roots; roots++)
        if (strncmp(code, *roots, 2) == 0)
            return true;
    return false;
}

/* Violence: unconventional and conventional force, mass violence (CAMEO 18-20). */
static bool violent_code(const char *code)
{
    static const char *const roots[] = {"18", "19", "20", NULL};
    return root_in(code, roots);
}

/* A subject that says "neither ... nor": the first conjunct has "neither" or a later one
 * "nor". */
static bool neither_nor(const ev_sentence *s, int32_t subj)
{
    static const char *const words[] = {"neither", "nor", NULL};
    for (int32_t c = s->first_child[subj]; c >= 0; c = s->next_sibling[c]) {
        if ((ev_rel_starts(s, c, "cc") || ev_rel_starts(s, c, "advmod") ||
             ev_rel_starts(s, c, "det")) && ev_lemma_in(s, c, words))
            return true;
        if (ev_rel_starts(s, c, "conj")) {
            int32_t cc = ev_child(s, c, "cc");
            if (cc >= 0 && ev_lemma_in(s, cc, words))
                return true;
        }
    }
    return false;
}

/* Status from v's own words: "not", modal and future auxiliaries, "if". */
/* Whether modal m of v is the "would" of a future told in the past: "announced that she
 * would be launching an impeachment inquiry" (not "said it would attack if ..."). */
static bool reported_would(const ev_sentence *s, int32_t v, int32_t m)
{
    static const char *const told[] = {"say", "tell", "announce", "state", "add", "declare",
                                       "confirm", "promise", "pledge", "vow", "write", NULL};
    static const char *const cond[] = {"if", "unless", NULL};
    /* "would prefer", "would like", "would consider": a wish or a thought, still open */
    static const char *const wishes[] = {"prefer", "like", "love", "rather", "consider", NULL};
    int32_t h = ev_head(s, v);
    const char *hx = h >= 0 ? ev_tok(s, h)->xpos : NULL;
    if (strcmp(s->lower[m], "would") != 0 || !ev_rel_starts(s, v, "ccomp") || !hx ||
        ev_lemma_in(s, v, wishes) ||
        strcmp(hx, "VBD") != 0 || !ev_lemma_in(s, h, told))
        return false;
    for (int32_t c = s->first_child[v]; c >= 0; c = s->next_sibling[c]) {
        int32_t cm = ev_rel_starts(s, c, "advcl") ? ev_child(s, c, "mark") : -1;
        if (cm >= 0 && ev_lemma_in(s, cm, cond))
            return false;
    }
    return true;
}

static const char *own_status(const ev_sentence *s, int32_t v)
{
    static const char *const neg[] = {"not", "n't", "never", "no", NULL};
    static const char *const modal[] = {"may", "might", "could", "would", "should", "can",
                                        "must", "ought", NULL};
    static const char *const fut[] = {"will", "shall", "'ll", NULL};
    static const char *const cond[] = {"if", "unless", "whether", NULL};
    const char *status = NULL;
    /* "is to visit": what is arranged, not yet done ("was to prevent" is a purpose) */
    static const char *const is[] = {"is", "are", "am", "'s", "'re", NULL};
    bool be = false, to = false, only = false, consequence = false, negated = false;
    bool yet = false; /* "is yet to respond": not done so far */
    bool conditional = false; /* "If Iran did not impose ...": a negation in a hypothesis */
    bool later_condition = false;
    for (int32_t c = s->first_child[v]; c >= 0; c = s->next_sibling[c]) {
        be = be || (ev_rel_starts(s, c, "cop") && ev_lemma_in(s, c, is));
        only = only || (ev_rel_starts(s, c, "advmod") && strcmp(s->lower[c], "only") == 0);
        yet = yet || (ev_rel_starts(s, c, "advmod") && strcmp(s->lower[c], "yet") == 0);
        to = to || (ev_rel_starts(s, c, "mark") && strcmp(s->lower[c], "to") == 0);
        if ((ev_rel_starts(s, c, "advmod") || ev_rel_starts(s, c, "det") || ev_rel_starts(s, c, "aux")) &&
            ev_lemma_in(s, c, neg))
            negated = true;
        if (ev_rel_starts(s, c, "aux") && ev_lemma_in(s, c, modal))
            status = reported_would(s, v, c) ? "future" : "hypothetical";
        else if (ev_rel_starts(s, c, "aux") && ev_lemma_in(s, c, fut) && !status)
            status = "future";
        else if (ev_rel_starts(s, c, "mark") && ev_lemma_in(s, c, cond))
            status = "hypothetical", conditional = true;
        /* "has given no indication", "no troops were injured" */
        else if (ev_rel_starts(s, c, "obj") || ev_rel_starts(s, c, "nsubj:pass")) {
            int32_t det = ev_child(s, c, "det");
            negated = negated || (det >= 0 && ev_lemma_in(s, det, neg));
        }
        /* "neither the EU nor the US would endorse it" */
        negated = negated || (ev_rel_starts(s, c, "nsubj") && neither_nor(s, c));
        /* "If Russia attacks, the US will impose sanctions": what follows from a condition
         * is as hypothetical as the condition */
        /* (or after it, of what is to come: "will impose sanctions unless it withdraws";
         * "warned of a response unless NATO withdraws" did warn) */
        static const char *const if_[] = {"if", "unless", NULL};
        int32_t cm = ev_rel_starts(s, c, "advcl") ? ev_child(s, c, "mark") : -1;
        if (cm >= 0 && c < v && ev_lemma_in(s, cm, cond))
            consequence = true;
        else if (cm >= 0 && c > v && ev_lemma_in(s, cm, if_))
            later_condition = true;
    }
    if (negated)
        return conditional ? "hypothetical" : "negated";
    if ((consequence && (!status || strcmp(status, "future") == 0)) ||
        (later_condition && status && strcmp(status, "future") == 0))
        return "hypothetical";
    if (!status && be && to && yet)
        return "negated";
    return !status && be && to && !only ? "future" : status;
}

static const char *const speech_cues[] = {
    "say", "tell", "claim", "report", "announce", "state", "add", "insist", "allege",
    "assert", "declare", "note", "warn", "confirm", "suggest", "indicate", "write", "argue",
    "deny", "reject", "dismiss", "acknowledge", "admit", "believe", "think", NULL};
static const char *const denial_cues[] = {"deny", "reject", "dismiss", "refute", NULL};
static const char *const future_heads[] = {"plan", "intend", "aim", "expect", "prepare",
                                           "vow", "promise", "pledge", "schedule", "set",
                                           "decide", "agree", "arrange", NULL};
static const char *const hypo_heads[] = {"hope",    "want",    "seek",    "consider", "try",
                                         "offer",   "propose", "wish",    "urge",     "ask",
                                         "call",    "demand",  "attempt", "ready",    "willing",
                                         "eager",   "prepared", "threaten", "likely",
                                         "unlikely", "advise", "encourage", "invite",
                                         "instruct", "request", "recommend", "order", "tell",
                                         "press", "pressure", "push", "appeal", "implore",
                                         "beg", "plead", NULL};

typedef struct status_info {
    const char *status;
    int32_t quote, denied_by;
    int32_t cue; /* local token of the speech verb whose content holds the event, or -1 */
} status_info;

static int32_t quote_at(const dyad_doc *doc, uint32_t offset)
{
    for (size_t q = 0; q < doc->n_quotes; q++)
        if (doc->quotes[q].start <= offset && offset < doc->quotes[q].end)
            return (int32_t)q;
    return -1;
}

/* The quote whose reporting cue is token t of the document, or -1. */
static int32_t quote_cued_by(const dyad_doc *doc, uint32_t t)
{
    for (size_t q = 0; q < doc->n_quotes; q++)
        if (doc->quotes[q].cue == (int32_t)t)
            return (int32_t)q;
    return -1;
}

static int32_t denial_of(const dyad_doc *doc, int32_t q)
{
    for (size_t k = 0; k < doc->n_quotes; k++)
        if (doc->quotes[k].denial && doc->quotes[k].denies == q)
            return (int32_t)k;
    return -1;
}

/* The verb of an accusation whose "of" or "for" clause x is ("accused China of
 * harassing", "blamed Hamas for firing", "was charged with killing"), or -1: the act is
 * the accuser's claim, told as reported, not as done. */
static int32_t accusation_of(const ev_sentence *s, int32_t x)
{
    static const char *const accusing[] = {"accuse", "blame", "charge", "suspect", "allege",
                                           "condemn", "criticize", "criticise", NULL};
    static const char *const marks[] = {"of", "for", "with", NULL};
    int32_t mark = ev_child(s, x, "mark");
    if (mark < 0 || !ev_lemma_in(s, mark, marks) ||
        !(ev_rel_starts(s, x, "advcl") || ev_rel_starts(s, x, "acl")))
        return -1;
    int32_t h = ev_head(s, x);
    if (h >= 0 && ev_rel_starts(s, x, "acl")) /* "accused [China of harassing]" */
        h = ev_head(s, h);
    return h >= 0 && ev_lemma_in(s, h, accusing) ? h : -1;
}

/* What says an act is only reported, at clause x: a hedging adverb ("Pakistan reportedly
 * arrested", "allegedly supplied") or a passive verb of belief or report it is the
 * complement of ("is believed to have supplied", "was said to be"). Returns that word, or
 * -1. */
static int32_t hedged(const ev_sentence *s, int32_t x)
{
    static const char *const adverbs[] = {"reportedly", "allegedly", "purportedly",
                                          "supposedly", "reputedly", NULL};
    static const char *const beliefs[] = {"believe", "say", "report", "allege", "think",
                                          "understand", "suspect", "rumor", "rumour",
                                          "claim", NULL};
    for (int32_t c = s->first_child[x]; c >= 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "advmod") && ev_lemma_in(s, c, adverbs))
            return c;
    int32_t h = ev_head(s, x);
    if (h >= 0 && ev_rel_starts(s, x, "xcomp") && ev_lemma_in(s, h, beliefs) &&
        (ev_child(s, h, "aux:pass") >= 0 || ev_child(s, h, "nsubj:pass") >= 0))
        return h;
    return -1;
}

static int32_t gerund_clause(const ev_sentence *s, int32_t v);

/* The status of the event of verb v: its own words, those of the verbs that govern
 * it ("did not agree to meet", "plans to visit", "said that ..."), and quotes. */
static status_info event_status(const ev_sentence *s, int32_t v, bool pattern_negates)
{
    status_info st = {"asserted", -1, -1, -1};
    const char *found = NULL;
    bool reported = false, denied = false, via_xcomp = false;
    int32_t said_with = -1; /* the reported clause a participle goes with */
    bool own_words = true; /* false for the verb a conjunct with its own auxiliary joins */
    for (int32_t x = v, depth = 0; x >= 0 && depth < 8; depth++) {
        const char *own = own_words ? own_status(s, x) : NULL;
        own_words = true;
        /* a pattern that matched the "not" coded the negated act itself ("did not
         * clash" as a reconciliation): the event happened */
        if (own && x == v && pattern_negates && strcmp(own, "negated") == 0)
            own = NULL;
        if (own && (!found || strcmp(own, "negated") == 0))
            found = own;
        /* "refused to meet", "failed to stop": what was not done */
        static const char *const not_done[] = {"refuse", "decline", "fail", NULL};
        if (via_xcomp && !found && ev_lemma_in(s, x, not_done))
            found = "negated";
        /* "has yet to concede": not so far */
        static const char *const have[] = {"have", NULL}, *const yet[] = {"yet", NULL};
        int32_t adv = ev_child(s, x, "advmod");
        if (via_xcomp && !found && ev_lemma_in(s, x, have) && adv >= 0 && ev_lemma_in(s, adv, yet))
            found = "negated";
        if (via_xcomp && !found && ev_lemma_in(s, x, future_heads))
            found = "future";
        /* "The rebels claimed to have shot down a helicopter": as they tell it */
        static const char *const claiming[] = {"claim", "purport", "allege", NULL};
        if (via_xcomp && !reported && ev_lemma_in(s, x, claiming)) {
            reported = true;
            st.cue = x;
        }
        if (via_xcomp && !found && ev_lemma_in(s, x, hypo_heads))
            found = "hypothetical";
        /* "Rwanda has denied backing the rebels": the act its doer denies */
        static const char *const denying[] = {"deny", NULL};
        if (via_xcomp && !reported && ev_lemma_in(s, x, denying)) {
            reported = denied = true;
            st.cue = x;
        }
        /* "Russia has to withdraw": an obligation, not done ("civilians had to flee" did) */
        static const char *const obliged[] = {"have", NULL};
        const char *hx = ev_tok(s, x)->xpos;
        if (via_xcomp && !found && ev_lemma_in(s, x, obliged) && hx &&
            (strcmp(hx, "VBZ") == 0 || strcmp(hx, "VBP") == 0))
            found = "hypothetical";
        int32_t hedge = hedged(s, x);
        if (hedge >= 0 && !reported) {
            reported = true;
            st.cue = hedge;
        }
        int32_t h = ev_head(s, x);
        /* "Shelling killed three people, the governor said": a tail of saying hung on the
         * clause it attributes (UD's parataxis) */
        for (int32_t c = s->first_child[x];
             h < 0 && c >= 0 && !reported && !ev_lemma_in(s, x, speech_cues); c = s->next_sibling[c])
            if (c > x && ev_rel_starts(s, c, "parataxis") && ev_lemma_in(s, c, speech_cues) &&
                ev_child(s, c, "nsubj") >= 0) {
                reported = true;
                denied = ev_lemma_in(s, c, denial_cues);
                st.cue = c;
            }
        if (h < 0)
            break;
        /* "has (no) plans to attack", "an attempt to seize", "no intention of invading":
         * the act is as sure as its intent */
        int32_t intent = -1;
        if (ev_rel_starts(s, x, "acl") && !ev_rel_starts(s, x, "acl:relcl"))
            intent = h;
        else if (ev_rel_starts(s, x, "xcomp"))
            intent = ev_child(s, h, "obj");
        int kind = intent >= 0 ? ev_intent_noun(s, intent) : 0;
        if (!kind)
            intent = -1;
        if (kind && (!found || strcmp(found, "negated") != 0)) {
            static const char *const no[] = {"no", NULL};
            int32_t det = ev_child(s, intent, "det");
            found = (det >= 0 && ev_lemma_in(s, det, no)) || kind == 3 ? "negated"
                    : found                                           ? found
                    : kind == 2                                       ? "hypothetical"
                                                                      : "future";
        }
        if (intent == h && ev_rel_starts(s, h, "obj") && ev_head(s, h) >= 0) {
            via_xcomp = true;
            x = ev_head(s, h);
            continue;
        }
        /* "attacks would continue until Israel ends the war": what a future or a
         * hypothesis waits for has not happened ("fought until the army ended it" did) */
        static const char *const until[] = {"until", "till", NULL};
        int32_t um = ev_rel_starts(s, x, "advcl") ? ev_child(s, x, "mark") : -1;
        const char *hs = um >= 0 && ev_lemma_in(s, um, until) ? own_status(s, h) : NULL;
        if (hs && !found &&
            (strcmp(hs, "future") == 0 || strcmp(hs, "hypothetical") == 0)) {
            found = "hypothetical";
            break;
        }
        /* "demanded that Russia withdraw", "insisted that Israel allow aid": what is
         * demanded, or put in the mandative subjunctive, has not happened */
        static const char *const demanding[] = {"demand", "urge", "request", "order",
                                                "require", "ask", NULL};
        static const char *const proposing[] = {"insist", "suggest", "propose", "recommend",
                                                NULL};
        const char *xx = ev_tok(s, x)->xpos;
        if (ev_rel_starts(s, x, "ccomp") && !found &&
            (ev_lemma_in(s, h, demanding) ||
             (ev_lemma_in(s, h, proposing) && xx && strcmp(xx, "VB") == 0 &&
              ev_child(s, x, "aux") < 0))) {
            found = "hypothetical";
            break;
        }
        /* "predicts Biden defeats Trump", "expects that talks will fail": a forecast has
         * not happened */
        static const char *const forecasting[] = {"predict", "forecast", "expect",
                                                  "anticipate", "project", NULL};
        if (ev_rel_starts(s, x, "ccomp") && !found && ev_lemma_in(s, h, forecasting)) {
            found = "hypothetical";
            break;
        }
        if (ev_rel_starts(s, x, "ccomp") || ev_rel_starts(s, x, "parataxis")) {
            if (ev_lemma_in(s, h, speech_cues)) {
                reported = true;
                denied = denied || ev_lemma_in(s, h, denial_cues);
                st.cue = h;
            }
            break; /* a content clause keeps its own modality */
        }
        int32_t accuser = accusation_of(s, x);
        if (accuser >= 0) {
            reported = true;
            st.cue = accuser;
            break;
        }
        /* "..., killing two civilians" hung on "said": part of what was said, and of its
         * quotation */
        if (ev_rel_starts(s, x, "advcl") && ev_lemma_in(s, h, speech_cues) &&
            ev_child(s, h, "ccomp") >= 0 && gerund_clause(s, x) == x) {
            reported = true;
            denied = denied || ev_lemma_in(s, h, denial_cues);
            st.cue = h;
            said_with = ev_child(s, h, "ccomp");
            break;
        }
        /* "would have allowed the government to extradite", the infinitive parsed as the
         * object's clause: the verb governs it */
        int32_t to = ev_child(s, x, "mark");
        if (ev_rel_starts(s, x, "acl") && !ev_rel_starts(s, x, "acl:relcl") && to >= 0 &&
            strcmp(s->lower[to], "to") == 0 && ev_rel_starts(s, h, "obj") && ev_head(s, h) >= 0) {
            via_xcomp = true;
            x = ev_head(s, h);
            continue;
        }
        /* "failed to adopt a resolution calling for a ceasefire": the instrument's act is
         * as done as its making */
        int32_t maker = ev_instrument_maker(s, x);
        if (maker >= 0) {
            via_xcomp = true;
            x = maker;
            continue;
        }
        /* "called on the world to pressure Israel to stop its attacks", "sent troops to
         * help": an aim is not a deed; but "voted to condemn" is the vote's act */
        static const char *const decided[] = {"vote", "decide", "resolve", "move", NULL};
        int32_t purpose = ev_rel_starts(s, x, "advcl") ? ev_child(s, x, "mark") : -1;
        /* "I am glad to endorse him": a feeling about an act is no aim; it happens */
        static const char *const feeling[] = {"glad", "happy", "proud", "pleased", "delighted",
                                              "honored", "honoured", "sorry", "sad", NULL};
        if (purpose >= 0 && strcmp(s->lower[purpose], "to") == 0 && ev_lemma_in(s, h, feeling)) {
            x = h;
            continue;
        }
        if (purpose >= 0 && strcmp(s->lower[purpose], "to") == 0) {
            if (!ev_lemma_in(s, h, decided)) {
                found = found ? found : "hypothetical";
                break;
            }
            x = h; /* "If the House votes to impeach": as sure as the vote */
            continue;
        }
        if (!ev_rel_starts(s, x, "xcomp") && !ev_rel_starts(s, x, "conj"))
            break;
        via_xcomp = ev_rel_starts(s, x, "xcomp");
        /* "has not conceded, and has claimed fraud", "did not concede and accused": a
         * conjunct with an auxiliary of its own, or finite where the first verb leans on
         * one, has its own negation and modality, not the first verb's */
        const char *cx = ev_tok(s, x)->xpos;
        bool finite = cx && (!strcmp(cx, "VBD") || !strcmp(cx, "VBZ") || !strcmp(cx, "VBP"));
        own_words = !ev_rel_starts(s, x, "conj") ||
                    (ev_child(s, x, "aux") < 0 && !(finite && ev_child(s, h, "aux") >= 0));
        x = h;
    }
    const dyad_doc *doc = s->doc;
    st.quote = quote_at(doc, ev_tok(s, v)->start);
    if (st.quote < 0 && said_with >= 0)
        st.quote = quote_at(doc, ev_tok(s, said_with)->start);
    if (st.quote >= 0) {
        reported = true;
        if (doc->quotes[st.quote].denial)
            denied = true;
        st.denied_by = denial_of(doc, st.quote);
    }
    if (denied)
        st.status = "denied";
    else if (found)
        st.status = found;
    else if (reported)
        st.status = "reported";
    return st;
}

/* Whether the date starting at token i is a deadline, not when the act happened: "until
 * Friday", and "by" a date of an act to come ("will leave by January", not "had
 * delivered the doses by November 22"). */
static bool deadline(const ev_sentence *s, int32_t i)
{
    if (i == 0)
        return false;
    if (strcmp(s->lower[i - 1], "until") == 0)
        return true;
    if (strcmp(s->lower[i - 1], "by") != 0)
        return false;
    int32_t v = ev_head(s, i);
    for (uint32_t steps = 0; v >= 0 && steps < s->count; steps++, v = ev_head(s, v)) {
        const dyad_token *t = ev_tok(s, v);
        if (t->upos && strcmp(t->upos, "VERB") == 0)
            return !t->xpos || (strcmp(t->xpos, "VBD") != 0 && strcmp(t->xpos, "VBN") != 0);
    }
    return true;
}

/* The date that governs the clause, else the article's. */
static const char *event_date(const ev_sentence *s, const uint8_t *in_clause)
{
    for (uint32_t i = 0; i < s->count; i++)
        if (s->date_at[i] >= 0 && in_clause[i] && !deadline(s, (int32_t)i))
            return s->doc->dates[s->date_at[i]].value;
    return s->doc->date;
}

/* The best pattern of any block verb v belongs to: most words matched, later files
 * and later patterns winning ties. Returns the code ("" = none) and the match. */
typedef struct verb_code {
    char code[EV_MAX_CODE], code2[EV_MAX_CODE];
    ev_match match;
} verb_code;

static bool particle_present(const ev_sentence *s, int32_t v, const char *particle)
{
    for (int32_t c = s->first_child[v]; c >= 0; c = s->next_sibling[c]) {
        if (strcmp(s->lower[c], particle) == 0)
            return true;
        int32_t cs = ev_child(s, c, "case");
        if (cs >= 0 && strcmp(s->lower[cs], particle) == 0)
            return true;
    }
    return false;
}

static void code_verb_key(stage *st, const ev_sentence *s, int32_t v, const ev_context *pre,
                          const ev_context *post, const char *key, verb_code *out);

static verb_code code_verb(stage *st, const ev_sentence *s, int32_t v, const ev_context *pre,
                           const ev_context *post)
{
    verb_code best = {.match = {.score = -1, .source = -1, .target = -1}};
    const char *key = s->lemma[v]; /* lower-cased; the form when there is no lemma */
    /* a form listed as a verb of its own ("LEFT [042:043]") beats its lemma ("LEAVE");
     * when the lemmatizer missed ("shelled" -> "shel"), the regular stems of the form */
    char stems[5][64];
    const char *keys[7] = {s->lower[v], key, stems[3], stems[4], stems[0], stems[1], stems[2]};
    size_t fl = strlen(s->lower[v]);
    static const char *const endings[3] = {"ed", "ing", "s"};
    /* a lemma the lemmatizer made ("ranging" -> "range") is no miss: its stem "rang"
     * would be RING's past tense */
    bool missed = strcmp(key, s->lower[v]) == 0 || strlen(key) + 3 <= fl;
    for (int e = 0; e < 3; e++) {
        size_t el = strlen(endings[e]);
        stems[e][0] = '\0';
        if (missed && fl > el + 2 && fl < sizeof stems[e] &&
            strcmp(s->lower[v] + fl - el, endings[e]) == 0) {
            memcpy(stems[e], s->lower[v], fl - el);
            stems[e][fl - el] = '\0';
        }
    }
    /* stems with their silent e, tried even after a lemma: the lemmatizer's "blamed" ->
     * "blam" misses BLAME ("blamed" -> "blame", "blaming" -> "blame") */
    stems[3][0] = stems[4][0] = '\0';
    if (fl > 4 && fl < sizeof stems[3] && strcmp(s->lower[v] + fl - 2, "ed") == 0) {
        memcpy(stems[3], s->lower[v], fl - 1);
        stems[3][fl - 1] = '\0';
    }
    if (fl > 5 && fl < sizeof stems[4] && strcmp(s->lower[v] + fl - 3, "ing") == 0) {
        memcpy(stems[4], s->lower[v], fl - 3);
        memcpy(stems[4] + fl - 3, "e", 2);
    }
    for (int k = strcmp(s->lower[v], key) == 0; k < 7 && !best.code[0]; k++) {
        /* a stem equal to the lemma or the form was tried already */
        bool again = k >= 2 && (strcmp(keys[k], key) == 0 || strcmp(keys[k], s->lower[v]) == 0);
        if (keys[k][0] && !again)
            code_verb_key(st, s, v, pre, post, keys[k], &best);
    }
    return best;
}

/* Whether pattern p names the word w ("- OUT *" names "out"). */
static bool pattern_names(const dyad_event_dict *d, const ev_pattern *p, const char *w)
{
    for (uint32_t e = p->first; e < p->first + p->n_pre + p->n_post; e++)
        if (d->elems[e].kind == EL_WORD && strcmp(ev_str(d, d->elems[e].value), w) == 0)
            return true;
    return false;
}

/* Of two tied one-word matches after the verb in different phrases, whether m's word is
 * the farther: "declined to comment on the report" declines comment, it denies no
 * report; of "peace talks", one phrase, neither is (the later pattern wins, CAMEO's
 * order). */
static bool farther(const ev_sentence *s, const ev_context *post, const ev_match *m,
                    const ev_match *best)
{
    if (m->score != 1 || m->on_object || m->lead < 0 || best->lead < 0 || m->lead == best->lead)
        return false;
    int32_t mw = post->tok[m->lead], bw = post->tok[best->lead];
    bool one_phrase = (ev_head(s, mw) == bw && ev_rel_starts(s, mw, "compound")) ||
                      (ev_head(s, bw) == mw && ev_rel_starts(s, bw, "compound"));
    return !one_phrase && mw > bw;
}

static void code_verb_key(stage *st, const ev_sentence *s, int32_t v, const ev_context *pre,
                          const ev_context *post, const char *key, verb_code *out)
{
    const dyad_event_dict *d = st->dict;
    verb_code best = *out;
    int32_t first = ev_verb_first(d, key);
    /* words before a passive verb are what it was done to: "soldiers were taken" is no
     * "- &MILITARY *" (troops took) */
    bool passive = ev_child(s, v, "aux:pass") >= 0 || ev_child(s, v, "nsubj:pass") >= 0;
    /* "put out the fire" is not "put": a particle the entry does not name leaves it only
     * the patterns that name it */
    int32_t prt_at = ev_child(s, v, "compound:prt"), object = ev_child(s, v, "obj");
    const char *prt = prt_at >= 0 ? s->lower[prt_at] : NULL;
    for (int32_t vi = first; vi >= 0; vi = d->verbs[vi].next) {
        const ev_verb *verb = &d->verbs[vi];
        if (strcmp(ev_str(d, verb->lemma), ev_str(d, d->verbs[first].lemma)) != 0)
            continue;
        if (verb->particle && !particle_present(s, v, ev_str(d, verb->particle)))
            continue;
        const ev_block *b = &d->blocks[verb->block];
        /* the verb's own code, else its block's: what the verb alone means */
        bool own_code = verb->code[0] != '\0';
        bool bare = prt && !verb->particle; /* the entry is for the verb without it */
        if (!bare && best.match.score <= 0 && best.match.source < 0 && best.match.target < 0) {
            const char *code = own_code ? verb->code : b->code;
            /* a verb whose blocks disagree on its meaning alone has none (precision first) */
            if (best.code[0] && strcmp(best.code, code) != 0)
                code = "---";
            snprintf(best.code, sizeof best.code, "%s", code);
            snprintf(best.code2, sizeof best.code2, "%s", own_code ? verb->code2 : b->code2);
            best.match.score = 0;
        }
        for (uint32_t k = 0; k < b->n_patterns; k++) {
            const ev_pattern *p = &d->patterns[b->first_pattern + k];
            if (p->n_pre + p->n_post == 0 || (passive && p->pre_words) ||
                (bare && !pattern_names(d, p, prt)))
                continue;
            ev_match m = ev_pattern_match(d, p, s, pre, post, object, actor_start, st);
            if (m.score < 0 || (m.score == 0 && m.source < 0 && m.target < 0))
                continue;
            /* of as many words, one that names the object wins ("expressed appreciation
             * for China's assistance" is appreciation), then the closer ("called for a
             * cessation of fighting" is no call for fighting), then the nearer (farther()),
             * then the later */
            if (m.score > best.match.score ||
                (m.score == best.match.score &&
                 (m.on_object != best.match.on_object ? m.on_object
                  : m.gaps != best.match.gaps         ? m.gaps < best.match.gaps
                                                      : !farther(s, post, &m, &best.match)))) {
                best.match = m;
                snprintf(best.code, sizeof best.code, "%s", p->code);
                snprintf(best.code2, sizeof best.code2, "%s", p->code2);
            }
        }
    }
    *out = best;
}

static bool same(const char *a, const char *b)
{
    return a && b ? strcmp(a, b) == 0 : a == b;
}

/* The code of verb x read in its own clause; false when it has none. */
static bool code_of_clause(stage *st, const ev_sentence *s, int32_t x, verb_code *xc)
{
    ev_context xpre = {dyad_arena_alloc(st->doc->arena, s->count * sizeof(int32_t) + 1), 0};
    ev_context xpost = {dyad_arena_alloc(st->doc->arena, s->count * sizeof(int32_t) + 1), 0};
    uint8_t *in_clause = dyad_arena_alloc(st->doc->arena, s->count + 1);
    if (!xpre.tok || !xpost.tok || !in_clause || !ev_clause(s, x, &xpre, &xpost, in_clause))
        return false;
    *xc = code_verb(st, s, x, &xpre, &xpost);
    return xc->code[0] && strcmp(xc->code, "---") != 0;
}

static bool governs_coded_verb(stage *st, const ev_sentence *s, int32_t v)
{
    int32_t x = ev_child(s, v, "xcomp");
    /* "asked Zelensky to investigate": asking is an act toward Zelensky of its own */
    if (x < 0 || !ev_tok(s, x)->lemma || ev_child(s, v, "obj") >= 0 ||
        ev_child(s, v, "iobj") >= 0)
        return false;
    int32_t vi = ev_verb_first(st->dict, ev_tok(s, x)->lemma);
    if (vi < 0)
        return false;
    const ev_verb *verb = &st->dict->verbs[vi];
    const char *c = verb->code[0] ? verb->code : st->dict->blocks[verb->block].code;
    if (strcmp(c, "---") != 0)
        return true;
    /* "agreed to lift the sanctions": a verb only its patterns code ("LIFT [---]", "- *
     * SANCTION") governs an act too, when they match */
    const char *u = ev_tok(s, x)->upos;
    if (!u || strcmp(u, "VERB") != 0)
        return false; /* only verbs are coded */
    verb_code xc;
    return code_of_clause(st, s, x, &xc);
}

/* "pledged to deepen cooperation with the US", "agreed to open accession talks": when
 * the act v governs has a code of its own that sums with v's, even one a pattern of v
 * read off the act's words, the act is the one event (compose) and v none. */
static bool sums_with_governed(stage *st, const ev_sentence *s, int32_t v, const verb_code *vc)
{
    int32_t x = ev_child(s, v, "xcomp");
    const char *u = x >= 0 ? ev_tok(s, x)->upos : NULL;
    verb_code xc;
    return u && strcmp(u, "VERB") == 0 && vc->match.score > 0 && ev_child(s, v, "obj") < 0 &&
           ev_child(s, v, "iobj") < 0 && code_of_clause(st, s, x, &xc) &&
           ev_code_compose(st->dict, vc->code, xc.code);
}

/* ---- characterizations: "called the plan 'a smash and grab'" ---------------- */

/* What v says its object is: "called X a Y", "described X as Y", "branded X Y". */
static int32_t predicate_of(const ev_sentence *s, int32_t v, int32_t obj)
{
    static const char *const as[] = {"as", NULL};
    for (int32_t c = s->first_child[v]; c >= 0; c = s->next_sibling[c]) {
        if (c == obj)
            continue;
        if (ev_rel_starts(s, c, "xcomp") || (ev_rel_starts(s, c, "obj") && c > obj))
            return c;
        if ((ev_rel_starts(s, c, "obl") || ev_rel_starts(s, c, "advcl")) &&
            (ev_has_case(s, c, as) || (ev_child(s, c, "mark") >= 0 &&
                                       strcmp(s->lower[ev_child(s, c, "mark")], "as") == 0)))
            return c;
    }
    /* "described [the move as provocative]", "called [the deal "lousy"]", "called [the
     * sanctions "illegal"]": the parse may hang the predicate on the object (an adjective
     * after its noun is mostly one) */
    for (int32_t c = s->first_child[obj]; c >= 0; c = s->next_sibling[c])
        if ((ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, as)) ||
            ((ev_rel_starts(s, c, "appos") || ev_rel_starts(s, c, "amod") ||
              ev_rel_starts(s, c, "nmod:unmarked")) &&
             c > obj))
            return c;
    return -1;
}

/* Whether token i is a quotation mark, as the quote stage reads marks. */
static bool quote_mark(const ev_sentence *s, int32_t i)
{
    const dyad_token *t = ev_tok(s, i);
    return q_mark_len(s->doc->text, t->start, s->doc->text_len) == t->end - t->start;
}

/* The tone of a characterization: 1 praise, -2 a word of blame (quoted or not), -1 other
 * words in quotation marks, 0 neither said. Words a speaker quotes to characterize an act
 * are mostly a charge ("a 'witch hunt'"); a few words of praise turn it ("a 'decent
 * man'", "a 'game changer'"). */
static int tone_in(const ev_sentence *s, int32_t lo, int32_t hi)
{
    static const char *const praise[] = {
        "decent", "good", "great", "excellent", "outstanding", "wonderful", "brilliant",
        "remarkable", "historic", "positive", "constructive", "productive", "fruitful",
        "successful", "success", "friend", "friendly", "hero", "heroic", "honest",
        "courageous", "brave", "fair", "admirable", "visionary", "inspiring", "champion",
        "breakthrough", "milestone", "landmark", "changer", "model", "honourable",
        "honorable", "respected", "patriot", "genuine", "sincere", "valuable", "victory",
        "triumph", "achievement", "ally", "partner", "wise", "humble", "kind", "gentle",
        "soft-spoken", "dedicated", "generous", "compassionate", "statesman", "gentleman",
        "legend", "icon", "inspiration", NULL};
    /* words of blame, which need no quotation marks ("called Trump a clown") */
    static const char *const blame[] = {
        "clown", "racist", "liar", "criminal", "traitor", "disgrace", "disaster", "failure",
        "worst", "fraud", "dictator", "terrorist", "thug", "puppet", "coward", "corrupt",
        "incompetent", "dangerous", "threat", "hoax", "lie", "joke", "shameful", "illegal",
        "unacceptable", "outrageous", "betrayal", "barbaric", "barbarity", "cowardly",
        "reckless", "irresponsible", "provocation", "provocative", "crime", "criminality",
        "terror", "terrorism", "mistake", "error", "blunder", "violation", "aggression",
        "aggressive", "genocide", "atrocity", "massacre", "interference", "meddling",
        "blackmail", "propaganda", "sham", "farce", "travesty", "scandal", "scandalous",
        "disgraceful", "unjustified", "unjustifiable", "unlawful", "illegitimate", "baseless",
        "groundless", "absurd", "ridiculous", "nonsense", "hypocritical", "hypocrisy",
        "cynical", "cruel", "inhumane", "brutal", "brutality", "heinous", "despicable",
        "abhorrent", "deplorable", "appalling", "horrific", "dastardly", "vile", "evil",
        "monstrous", "insult", "insulting", "affront", "stunt", "ploy", "escalation",
        "destabilizing", "destabilising", "unprovoked", "hostile", "wrong", "terrible",
        "horrible", "awful", "pathetic", "shame", "murderer", "killer", "butcher", "tyrant",
        "bully", "gangster", "fascist", "nazi", "extremist", "enemy", "occupier", "regime",
        "apartheid", "lawless", "perfidious", "piracy", "pirate", "theft", "robbery",
        "bandit", "banditry", "abuse", "unfair", "unjust", "undemocratic", "authoritarian",
        "oppressive", "repression", "crackdown", "persecution", "oppression", "censorship",
        "intimidation", "harassment", "unconstitutional", NULL};
    bool quoted = false, blamed = false;
    int32_t from = lo > 0 ? lo - 1 : lo, to = hi + 1 < (int32_t)s->count ? hi + 1 : hi;
    for (int32_t i = from; i <= to; i++) {
        quoted = quoted || quote_mark(s, i);
        if (i >= lo && i <= hi && ev_lemma_in(s, i, praise))
            return 1;
        blamed = blamed || (i >= lo && i <= hi && ev_lemma_in(s, i, blame));
    }
    return blamed ? -2 : quoted ? -1 : 0;
}

/* The tone of the phrase headed by pred. */
static int characterization_tone(const ev_sentence *s, int32_t pred)
{
    int32_t lo = pred, hi = pred;
    ev_subtree(s, pred, &lo, &hi);
    return tone_in(s, lo, hi);
}

/* The actor a characterization is about: the object itself ("called Biden a ..."), its
 * owner ("Johnson's plan"), the doer its adjective or "by" names ("the Russian strike",
 * "the attack by Hamas"), else none. */
static int32_t characterized_actor(stage *st, const ev_sentence *s, int32_t obj)
{
    static const char *const by[] = {"by", NULL};
    if (ev_actor_of(s, obj, st->actors).code)
        return obj;
    for (int32_t c = s->first_child[obj]; c >= 0; c = s->next_sibling[c])
        if ((ev_rel_starts(s, c, "nmod:poss") || (ev_rel_starts(s, c, "amod") && c < obj) ||
             (ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, by))) &&
            ev_actor_of(s, c, st->actors).code)
            return c;
    return -1;
}

/* Verbs that say what something is: "called X a Y", "described X as Y". */
static const char *const naming_verbs[] = {"call", "describe", "brand", "label", "characterize",
                                           "characterise", "term", "dub", "deem", NULL};

/* Whether token h is inside a name the mention stage typed a person. */
static bool person_mention(const ev_sentence *s, int32_t h)
{
    return ev_mention_typed(s, h, "person");
}

/* "Biden attacked Trump on taxes": one named person attacking another, with nothing in
 * the sentence to fight with, attacks in words ("a man attacked the senator with a knife",
 * "gunmen attacked the mayor" are blows). */
static bool words_between_persons(const ev_sentence *s, int32_t v)
{
    static const char *const arms[] = {
        "knife", "gun", "pistol", "rifle", "weapon", "bomb", "machete", "axe", "bat", "stick",
        "stone", "rock", "fist", "hammer", "acid", "car", "vehicle", "truck", "shoot", "stab",
        "punch", "beat", "kill", "injure", "wound", "hospital", NULL};
    int32_t subj = ev_child(s, v, "nsubj");
    if (subj < 0 && ev_rel_starts(s, v, "xcomp") && ev_head(s, v) >= 0)
        subj = ev_child(s, ev_head(s, v), "nsubj"); /* "continued to attack" */
    const char *sc = subj >= 0 ? ev_actor_of(s, subj, s->actors).code : NULL;
    /* (a party attacks in words too: "Democrats continued to attack Trump") */
    if (subj < 0 || !(person_mention(s, subj) || (sc && actor_code_has_role(sc, "PTY"))))
        return false;
    for (int32_t i = 0; i < (int32_t)s->count; i++)
        if (ev_lemma_in(s, i, arms))
            return false;
    return true;
}

/* Recodes a verb of naming with a quoted or evaluative predicate as criticism (111)
 * or praise (051) of the actor characterized, over the loose patterns of "call"
 * ("- * (ON)" takes "called X a friend on Monday" as an appeal). Verbal attacks
 * ("attacked the inquiry as ...") are criticism. */
static void characterization(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const verbal[] = {"attack", "assail", "blast", "slam", "lash",
                                         "criticize", "criticise", "denounce", "condemn", NULL};
    bool names = ev_lemma_in(s, v, naming_verbs), attacks = ev_lemma_in(s, v, verbal);
    int32_t obj = ev_child(s, v, "obj");
    if ((!names && !attacks) || obj < 0)
        return;
    /* "attacked the impeachment inquiry (against Trump)": an attack on an abstract thing
     * is words, toward whoever the thing's phrase names */
    if (attacks && strncmp(vc->code, "11", 2) != 0 && !ev_actor_of(s, obj, st->actors).code &&
        ev_abstract_noun(st->dict, s->lemma[obj])) {
        snprintf(vc->code, sizeof vc->code, "111");
        vc->code2[0] = '\0';
        return;
    }
    /* "Trump blasted Biden": said of a person, these verbs are words whatever follows
     * ("attacked" a person is words only between named people with nothing to fight with) */
    static const char *const blow[] = {"attack", NULL};
    if (attacks && strncmp(vc->code, "11", 2) != 0 && person_mention(s, obj) &&
        (!ev_lemma_in(s, v, blow) || words_between_persons(s, v))) {
        snprintf(vc->code, sizeof vc->code, "111");
        vc->code2[0] = '\0';
        vc->match.target = obj;
        if (vc->match.score < 1)
            vc->match.score = 1;
        return;
    }
    int32_t pred = predicate_of(s, v, obj);
    int tone = pred >= 0 ? characterization_tone(s, pred) : 0;
    int32_t who = characterized_actor(st, s, obj);
    /* a pattern of blame of its own ("labeled X a terrorist") says more; one of another
     * kind ("described the attack" as EXPLAIN_VERBAL's "- * ATTACK [190]") names no act */
    if (tone == -2 && vc->match.score > 0 && (strncmp(vc->code, "11", 2) == 0 ||
                                             strncmp(vc->code, "12", 2) == 0))
        return;
    if (!tone || who < 0) {
        /* "called the death 'the senseless killing of ...'" names; it phones no one, nor
         * appeals ("calling it 'an aggression on Iraq'" matched CALL's "(ON)") */
        if (names && pred >= 0 && (vc->match.score <= 0 || strncmp(vc->code, "02", 2) == 0))
            snprintf(vc->code, sizeof vc->code, "---");
        return;
    }
    snprintf(vc->code, sizeof vc->code, "%s", attacks || tone < 0 ? "111" : "051");
    vc->code2[0] = '\0';
    vc->match.target = who;
    if (vc->match.score < 1)
        vc->match.score = 1;
}

/* "cited the Cuban government's 'ongoing repression'": a wrong cited of someone blames
 * them (111), whatever CITE's patterns say ("(AS)" gave praise). */
static void citation(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const citing[] = {"cite", "highlight", NULL};
    int32_t obj = ev_child(s, v, "obj");
    if (obj < 0 || strncmp(vc->code, "11", 2) == 0 || !ev_lemma_in(s, v, citing))
        return;
    int32_t who = characterized_actor(st, s, obj), lo = obj, hi = obj;
    ev_subtree(s, obj, &lo, &hi);
    if (who < 0 || tone_in(s, lo, hi) != -2)
        return;
    snprintf(vc->code, sizeof vc->code, "111");
    vc->code2[0] = '\0';
    vc->match.target = who;
    vc->match.score = 1;
}

/* Recodes a statement whose content judges an actor or its deed in words of blame or
 * praise ("said the Russian strikes were a war crime", "said Iran's behaviour is
 * unacceptable") as criticism (111) or praise (051) of that actor. Only the predicate's
 * own words count, without quotation marks alone (a quoted word is often only the
 * speaker's), and only what is said to be so: not "was not", "could be", "if". */
/* The actor a content clause c says does wrong ("said Uganda had violated the
 * agreement", "the government are breaking the law", "Russia was undermining European
 * security"), or -1: a verb of wrongdoing with a coded subject, said to happen (not "did
 * not violate", "may have broken"). */
static int32_t wrongdoer(stage *st, const ev_sentence *s, int32_t c)
{
    static const char *const wrongs[] = {"violate", "breach", "flout", "undermine", "sabotage",
                                         "obstruct", "lie", "cheat", "mislead", "meddle",
                                         "interfere", "rig", "defraud", "steal", NULL};
    static const char *const breaking[] = {"break", NULL};
    static const char *const rules[] = {"law", "rule", "ceasefire", "truce", "agreement",
                                        "treaty", "deal", "promise", "pledge", "commitment",
                                        "embargo", "sanction", "constitution", NULL};
    int32_t subj = ev_child(s, c, "nsubj"), obj = ev_child(s, c, "obj");
    const char *u = ev_tok(s, c)->upos;
    if (!u || strcmp(u, "VERB") != 0 || subj < 0 ||
        !(ev_lemma_in(s, c, wrongs) ||
          (ev_lemma_in(s, c, breaking) && obj >= 0 && ev_lemma_in(s, obj, rules))) ||
        own_status(s, c) || !ev_actor_of(s, subj, st->actors).code)
        return -1;
    return subj;
}

static void evaluation(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const telling[] = {"say", "tell", "claim", "argue", "insist", "write",
                                          "add", "state", "declare", "stress", "tweet",
                                          "maintain", "contend", "rule", "find", "conclude",
                                          NULL};
    static const char *const unsure[] = {"not", "never", "n't", "no", "if", "whether", NULL};
    if (vc->match.score > 0 || !ev_lemma_in(s, v, telling))
        return;
    for (int32_t c = s->first_child[v]; c >= 0; c = s->next_sibling[c]) {
        if (!ev_rel_starts(s, c, "ccomp") && !ev_rel_starts(s, c, "parataxis"))
            continue;
        int32_t wrong = wrongdoer(st, s, c);
        /* "said Ukraine was responsible for the attack": blame said of someone */
        static const char *const responsible[] = {"responsible", NULL};
        static const char *const for_[] = {"for", NULL};
        static const char *const harms[] = {"attack", "explosion", "blast", "death", "killing",
                                            "bombing", "shooting", "massacre", "violence",
                                            "crash", "fire", "crime", "murder", NULL};
        int32_t rs = ev_lemma_in(s, c, responsible) ? ev_child(s, c, "nsubj") : -1;
        for (int32_t k = rs >= 0 && !own_status(s, c) ? s->first_child[c] : -1;
             k >= 0 && wrong < 0; k = s->next_sibling[k])
            if ((ev_rel_starts(s, k, "obl") || ev_rel_starts(s, k, "nmod")) &&
                ev_has_case(s, k, for_) && ev_lemma_in(s, k, harms) && /* not "for security" */
                ev_actor_of(s, rs, st->actors).code)
                wrong = rs;
        if (wrong >= 0) { /* an accusation (112) */
            snprintf(vc->code, sizeof vc->code, "112");
            vc->code2[0] = '\0';
            vc->match.target = wrong;
            vc->match.score = 1;
            return;
        }
        int32_t cop = ev_child(s, c, "cop"), subj = ev_child(s, c, "nsubj");
        /* a judgement is a noun or adjective said of a noun: not "was in good health",
         * "was to prevent fraud", "sculpting is great" */
        const char *pu = ev_tok(s, c)->upos, *su = subj >= 0 ? ev_tok(s, subj)->upos : NULL;
        if (cop < 0 || subj < 0 || cop > c || ev_child(s, c, "case") >= 0 || !pu || !su ||
            !(strcmp(pu, "ADJ") == 0 || strcmp(pu, "NOUN") == 0) ||
            !(strcmp(su, "NOUN") == 0 || strcmp(su, "PROPN") == 0 || strcmp(su, "PRON") == 0))
            return;
        /* the predicate's words: from the copula to the end of its phrase, before any
         * clause of its own ("was illegal because ...") */
        int32_t lo = c, hi = c;
        ev_subtree(s, c, &lo, &hi);
        for (int32_t k = s->first_child[c]; k >= 0; k = s->next_sibling[k]) {
            if ((ev_rel_starts(s, k, "aux") || ev_rel_starts(s, k, "advmod") ||
                 ev_rel_starts(s, k, "mark")) && ev_lemma_in(s, k, unsure))
                return;
            const char *kx = ev_tok(s, k)->xpos;
            if (ev_rel_starts(s, k, "aux") && kx && strcmp(kx, "MD") == 0)
                return; /* "could be a mistake" */
            bool clause = ev_rel_starts(s, k, "advcl") || ev_rel_starts(s, k, "ccomp") ||
                          ev_rel_starts(s, k, "parataxis") || ev_rel_starts(s, k, "conj") ||
                          ev_rel_starts(s, k, "acl");
            if (clause && k > c) {
                int32_t klo = k, khi = k;
                ev_subtree(s, k, &klo, &khi);
                if (klo - 1 < hi)
                    hi = klo - 1;
            }
        }
        int tone = tone_in(s, cop + 1, hi);
        int32_t who = characterized_actor(st, s, subj);
        if ((tone != 1 && tone != -2) || who < 0)
            return;
        snprintf(vc->code, sizeof vc->code, "%s", tone < 0 ? "111" : "051");
        vc->code2[0] = '\0';
        vc->match.target = who;
        vc->match.score = 1;
        return;
    }
}

/* Whether token h names a person or a group of people: an actor the dictionary codes, or
 * a name the mention stage typed a person. */
static bool person_named(const ev_sentence *s, int32_t h, const dyad_actor_dict *actors)
{
    return ev_actor_of(s, h, actors).code || person_mention(s, h);
}

/* Gives vc the code (and the other side's, or NULL) a recoder found, toward target. */
static void recode(verb_code *vc, const char *code, const char *code2, int32_t target)
{
    snprintf(vc->code, sizeof vc->code, "%s", code);
    snprintf(vc->code2, sizeof vc->code2, "%s", code2 ? code2 : "");
    vc->match.target = target;
    if (vc->match.score < 1)
        vc->match.score = 1;
}

/* "encouraged Zelensky to investigate": encouraging someone to act is an appeal to them
 * (020), where ENCOURAGE's default is praise (051). */
static void urging(const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const urge[] = {"encourage", "spur", NULL};
    int32_t x = ev_child(s, v, "xcomp");
    if (vc->match.score > 0 || !ev_lemma_in(s, v, urge) || ev_child(s, v, "obj") < 0 || x < 0 ||
        ev_child(s, x, "mark") < 0)
        return;
    snprintf(vc->code, sizeof vc->code, "020");
    vc->code2[0] = '\0';
}

/* "'It is time for Israel to end the war,' Macron said", "said it was time for the world
 * to act": saying it is time for someone to act appeals to them (020, summed with the act
 * as PETRARCH's ontology sums an appeal and its act: 025 to yield, 023 for aid). */
static void time_to(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const times[] = {"time", NULL};
    static const char *const for_whom[] = {"for", NULL};
    int32_t t = ev_lemma_in(s, v, speech_cues) ? ev_child(s, v, "ccomp") : -1;
    int32_t act = t >= 0 && ev_lemma_in(s, t, times) ? ev_child(s, t, "acl") : -1;
    if (act < 0 || ev_child(s, act, "mark") < 0)
        return;
    int32_t who = ev_child(s, act, "nsubj"); /* "for the world to act" */
    for (int32_t c = s->first_child[t]; c >= 0 && who < 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, for_whom))
            who = c; /* "time for Israel to end the war", the parse's other reading */
    if (who < 0 || !ev_actor_of(s, who, st->actors).code)
        return;
    const char *own = ev_verb_code(st->dict, s->lemma[act]);
    const char *sum = own ? ev_code_compose(st->dict, "020", own) : NULL;
    recode(vc, sum ? sum : "020", NULL, who);
}

/* "Japan protested to China over the detention of its citizen": a protest addressed "to"
 * someone is an official complaint to them (114), whatever it is over (VERBAL_CONFLICT's
 * "- * &DETENTION" made it support for the detainee, 053). */
static void protest_to(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const protest[] = {"protest", "complain", NULL};
    static const char *const to[] = {"to", NULL};
    if (!ev_lemma_in(s, v, protest))
        return;
    for (int32_t c = s->first_child[v]; c >= 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "obl") && ev_has_case(s, c, to) &&
            ev_actor_of(s, c, st->actors).code) {
            recode(vc, "114", NULL, c);
            return;
        }
}

/* "Parliament passed a no-confidence motion against the prime minister", "tabled a
 * motion of censure": a motion or vote of no confidence passed, tabled or filed
 * disapproves of whom it is against (110); PASS's "- * &PROPOSAL" made it praise (051). */
static void no_confidence(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const moving[] = {"pass", "adopt", "approve", "table", "file", "submit",
                                         "bring", "launch", "move", "call", "back", NULL};
    static const char *const motions[] = {"motion", "vote", "resolution", NULL};
    static const char *const against[] = {"against", "in", NULL};
    int32_t obj = ev_lemma_in(s, v, moving) ? ev_child(s, v, "obj") : -1;
    if (obj < 0 || !ev_lemma_in(s, obj, motions))
        return;
    int32_t lo = obj, hi = obj;
    ev_subtree(s, obj, &lo, &hi);
    bool censure = false;
    for (int32_t k = lo; k <= hi && !censure; k++)
        censure = strcmp(s->lower[k], "censure") == 0 ||
                  (strcmp(s->lower[k], "confidence") == 0 && k >= lo + 1 &&
                   (strcmp(s->lower[k - 1], "no") == 0 ||
                    (k >= lo + 2 && strcmp(s->lower[k - 2], "no") == 0)));
    if (!censure)
        return;
    int32_t whom = -1; /* against whom: in the motion's phrase or, as parsed, on the verb */
    for (int32_t k = lo; k <= hi && whom < 0; k++)
        if (ev_rel_starts(s, k, "nmod") && ev_has_case(s, k, against) &&
            ev_actor_of(s, k, st->actors).code)
            whom = k;
    for (int32_t c = s->first_child[v]; c >= 0 && whom < 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "obl") && ev_has_case(s, c, against) &&
            ev_actor_of(s, c, st->actors).code)
            whom = c;
    recode(vc, "110", NULL, whom);
    vc->match.no_target = whom < 0;
}

/* "Hickenlooper was encouraged to drop out in favor of a run for the Senate": a
 * candidate who drops out yields to no one the sentence names (080 with no target;
 * the Senate he may run for is no party). */
static void dropping_out(const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const drop[] = {"drop", "bow", NULL}, *const out[] = {"out", NULL};
    int32_t prt = ev_lemma_in(s, v, drop) ? ev_child(s, v, "compound:prt") : -1;
    if (prt < 0 || !ev_lemma_in(s, prt, out) || strncmp(vc->code, "08", 2) != 0)
        return;
    vc->match.target = -1;
    vc->match.no_target = true;
}

/* "won the runoff, defeating Warsaw mayor Rafal Trzaskowski", "beat Biden in Iowa": a
 * person defeated is beaten in a vote or a race, which is no act of force (DESTROY's
 * 190); armies and rebels defeated stay so. */
static void defeated_person(const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const defeat[] = {"defeat", "beat", NULL};
    int32_t obj = ev_lemma_in(s, v, defeat) ? ev_child(s, v, "obj") : -1;
    if (obj < 0 || vc->match.score > 0 || !ev_mention_typed(s, obj, "person"))
        return;
    snprintf(vc->code, sizeof vc->code, "---");
    vc->code2[0] = '\0';
}

/* The phrase with one of the cases that names a coded actor, on the object or, where the
 * parse hung it there, on the verb ("ties [with Qatar]", "closed its embassy [in
 * Kabul]"); -1 when none. */
static int32_t phrase_of_object(stage *st, const ev_sentence *s, int32_t v, int32_t obj,
                                const char *const *cases)
{
    int32_t heads[2] = {obj, v};
    for (int k = 0; k < 2; k++)
        for (int32_t c = s->first_child[heads[k]]; c >= 0; c = s->next_sibling[c])
            if ((ev_rel_starts(s, c, "nmod") || ev_rel_starts(s, c, "obl")) &&
                ev_has_case(s, c, cases) && ev_actor_of(s, c, st->actors).code)
                return c;
    return -1;
}

/* "Colombia broke off diplomatic relations with Israel", "Ecuador downgraded relations
 * with Mexico": cutting or downgrading ties breaks relations (161) with whom they are
 * (BREAK's patterns gave a threat, 130, and DOWNGRADE none). */
static void cutting_ties(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const cutting[] = {"cut", "sever", "downgrade", "rupture", "freeze",
                                          NULL};
    static const char *const breaking[] = {"break", NULL}, *const off[] = {"off", NULL};
    static const char *const ties[] = {"tie", "relation", NULL}, *const with[] = {"with", NULL};
    /* "break" only with "off": a dictionary may give "broke relations" a code of its own */
    bool breaks = ev_lemma_in(s, v, breaking);
    int32_t prt = breaks ? ev_child(s, v, "compound:prt") : -1;
    bool cuts = ev_lemma_in(s, v, cutting) || (breaks && prt >= 0 && ev_lemma_in(s, prt, off));
    int32_t obj = cuts ? ev_child(s, v, "obj") : -1;
    if (obj < 0 || !ev_lemma_in(s, obj, ties))
        return;
    int32_t whom = phrase_of_object(st, s, v, obj, with); /* "ties with Qatar" */
    recode(vc, "161", NULL, whom);
    vc->match.no_target = whom < 0;
}

/* "The United States closed its embassy in Kabul": an embassy closed, reopened or moved
 * is toward the country it is in, not its owner's own government ("its embassy"). */
static void embassy_host(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const moving[] = {"close", "shut", "reopen", "open", "evacuate",
                                         "move", "relocate", NULL};
    static const char *const embassies[] = {"embassy", "consulate", NULL};
    static const char *const in[] = {"in", NULL};
    int32_t obj = ev_lemma_in(s, v, moving) ? ev_child(s, v, "obj") : -1;
    if (obj < 0 || !ev_lemma_in(s, obj, embassies) || !vc->code[0] ||
        strcmp(vc->code, "---") == 0)
        return;
    int32_t where = phrase_of_object(st, s, v, obj, in); /* "its embassy in Kabul" */
    if (where < 0)
        return;
    vc->match.target = where;
    if (vc->match.score < 1)
        vc->match.score = 1;
}

/* "Police warned people in the vicinity to stay inside", "authorities warned residents
 * to evacuate": a warning to civilians to do something is advice, an appeal (020), not
 * a threat (WARN's 130); a warning to a state stays one ("warned Russia not to invade"). */
static void advice(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const warn[] = {"warn", "caution", NULL};
    if (!ev_lemma_in(s, v, warn) || strncmp(vc->code, "13", 2) != 0)
        return;
    int32_t obj = ev_child(s, v, "obj");
    const char *who = obj >= 0 ? ev_actor_of(s, obj, st->actors).code : NULL;
    if (!who || !actor_code_has_role(who, "CVL"))
        return;
    /* the infinitive, wherever the parse hung it: on the verb or on the object */
    bool told = false;
    int32_t heads[2] = {v, obj};
    for (int k = 0; k < 2 && !told; k++)
        for (int32_t c = s->first_child[heads[k]]; c >= 0 && !told; c = s->next_sibling[c]) {
            int32_t mark = ev_child(s, c, "mark");
            told = (ev_rel_starts(s, c, "xcomp") || ev_rel_starts(s, c, "advcl") ||
                    (k == 1 && ev_rel_starts(s, c, "acl"))) &&
                   mark >= 0 && strcmp(s->lower[mark], "to") == 0;
        }
    if (!told)
        return;
    recode(vc, "020", NULL, obj);
}

/* "asked the president to step down", "called on Ruto to resign", "urged him to quit":
 * an appeal or demand that a leader go is a demand for a change in leadership (1041). */
static void resignation_asked(const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const asking[] = {"02", "10", NULL};
    static const char *const going[] = {"resign", "quit", "step", NULL};
    if (!vc->code[0] || !root_in(vc->code, asking))
        return;
    /* the infinitive on the verb, or on its object as the parse may hang it ("urged the
     * president [to quit]") */
    int32_t heads[2] = {v, ev_child(s, v, "obj")};
    for (int k = 0; k < 2 && heads[k] >= 0; k++) {
        for (int32_t c = s->first_child[heads[k]]; c >= 0; c = s->next_sibling[c]) {
            int32_t to = ev_child(s, c, "mark");
            bool infinitive = ev_rel_starts(s, c, "xcomp") || ev_rel_starts(s, c, "advcl") ||
                              (k == 1 && ev_rel_starts(s, c, "acl"));
            if (!infinitive || to < 0 || strcmp(s->lower[to], "to") != 0 ||
                !ev_lemma_in(s, c, going))
                continue;
            int32_t prt = ev_child(s, c, "compound:prt");
            if (strcmp(s->lemma[c], "step") == 0 &&
                (prt < 0 || strcmp(s->lower[prt], "down") != 0))
                continue; /* "step up", "step in" */
            snprintf(vc->code, sizeof vc->code, "1041");
            vc->code2[0] = '\0';
            return;
        }
    }
}

/* "Macron will travel to China", "Blinken flew to Beijing", "the US leader prepared to
 * attend the Beijing Olympics": an official's trip to a country or city, or to an event
 * the place names, is a visit (042, and the host's 043); GO_SOMEWHERE and ATTEND alone
 * code nothing, since citizens who travel somewhere visit no one. */
static void official_trip(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const going[] = {"travel", "fly", "go", "head", "journey", NULL};
    static const char *const attend[] = {"attend", NULL};
    static const char *const to[] = {"to", NULL};
    static const char *const officials[] = {"GOV", "LEG", "MIL", NULL};
    bool goes = ev_lemma_in(s, v, going);
    /* (FLY's own "- * (TO )" is an intent to meet, 036: an official who flies there
     * visits) */
    if ((vc->match.score > 0 && strcmp(vc->code, "036") != 0) ||
        (!goes && !ev_lemma_in(s, v, attend)))
        return;
    int32_t where = -1, obj = goes ? -1 : ev_child(s, v, "obj");
    for (int32_t c = s->first_child[goes ? v : obj >= 0 ? obj : v]; c >= 0 && where < 0 &&
                                                                      (goes || obj >= 0);
         c = s->next_sibling[c])
        if ((goes ? ev_rel_starts(s, c, "obl") && ev_has_case(s, c, to)
                  : ev_rel_starts(s, c, "compound") && c < obj) &&
            ev_mention_typed(s, c, "place") && ev_actor_of(s, c, st->actors).code)
            where = c;
    ev_arg src[2];
    size_t ns = where >= 0 ? ev_sources(s, v, src, 2) : 0;
    const char *who = ns ? ev_actor_of(s, src[0].head, st->actors).code : NULL;
    bool official = false;
    for (const char *const *r = officials; who && *r && !official; r++)
        official = actor_code_has_role(who, *r);
    if (where < 0 || !official)
        return;
    recode(vc, "042", "043", where);
}

/* "signed a declaration supporting Ukraine", "issued a communique condemning the
 * launches": what the document does is the event (the source walks from its verb to the
 * signer), its signing or issuing no second one */
static bool document_acts(const stage *st, const ev_sentence *s, int32_t v, int32_t obj)
{
    for (int32_t c = obj >= 0 ? s->first_child[obj] : -1; c >= 0; c = s->next_sibling[c]) {
        const char *own = ev_instrument_maker(s, c) == v ? ev_verb_code(st->dict, s->lemma[c])
                                                         : NULL;
        if (own && own[0] && strcmp(own, "---") != 0)
            return true;
    }
    return false;
}

/* "Russia quit the Council of Europe", "Mali withdrew from ECOWAS", "pulled out of
 * the WHO": a member leaving an intergovernmental body breaks relations with it (161),
 * whatever the verb's own patterns say of a named body ("withdrew from" as a retreat).
 * Only a body the dictionaries code IGO counts: "left the embassy" is a trip. */
static void leaving_body(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const leave[] = {"leave", "quit", "exit", "withdraw", "pull", NULL};
    static const char *const from[] = {"from", "out", NULL}; /* "out of": its first case */
    if (!ev_lemma_in(s, v, leave)) /* the cheap test first: it runs on every verb */
        return;
    bool pull = strcmp(s->lemma[v], "pull") == 0;
    bool transitive = !pull && strcmp(s->lemma[v], "withdraw") != 0; /* "quit the pact" */
    static const char *const out[] = {"out", NULL};
    int32_t body = -1;
    for (int32_t c = s->first_child[v]; c >= 0 && body < 0; c = s->next_sibling[c])
        if ((transitive && ev_rel_starts(s, c, "obj")) ||
            (ev_rel_starts(s, c, "obl") && ev_has_case(s, c, from)))
            body = c;
    if (pull && (body < 0 || !(ev_child(s, v, "compound:prt") >= 0 || ev_has_case(s, body, out))))
        return; /* "pulled out of", not "pulled funding from" */
    const char *code = body >= 0 ? ev_actor_of(s, body, st->actors).code : NULL;
    if (!code || strncmp(code, "IGO", 3) != 0 || strstr(code, "MIL") ||
        !isupper((unsigned char)s->doc->text[ev_tok(s, body)->start]))
        return; /* the body by name: not "the UN building", nor a force's "UN mission" */
    recode(vc, "161", NULL, body);
}

/* "The crown prince received the Iranian foreign minister": receiving a person or a
 * delegation is hosting them (043, and their visit 042); the OBTAIN block's word patterns
 * ("- * MINISTERS") do not see inside a named actor, and "received aid from" is no host. */
static void receiving(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const receive[] = {"receive", NULL};
    static const char *const visitor_nouns[] = {"delegation", "envoy", "minister", "ambassador",
                                                "president", "leader", "counterpart", "king",
                                                "prince", "chancellor", "secretary", NULL};
    int32_t obj = ev_child(s, v, "obj");
    if (vc->match.score > 0 || obj < 0 || !ev_lemma_in(s, v, receive) ||
        !ev_actor_of(s, obj, st->actors).code ||
        !(person_mention(s, obj) || ev_lemma_in(s, obj, visitor_nouns)))
        return;
    recode(vc, "043", "042", obj);
}

/* What is published rather than set free: "released a summary of the call", "figures
 * showing losses", "a list of hostages", "the release of Trump's tax records". */
static bool released_record(const ev_sentence *s, int32_t h)
{
    static const char *const records[] = {
        "report", "summary", "transcript", "statement", "list", "figure", "data", "statistic",
        "result", "finding", "video", "footage", "photo", "photograph", "image", "picture",
        "recording", "tape", "audio", "document", "record", "file", "detail", "name",
        "information", "album", "song", "film", "book", "memo", "letter", "text", "version",
        "update", "forecast", "estimate", "plan", "guideline", "guidance", "budget", "return",
        "email", "message", "map", "tally", "toll", "study", "survey", "poll", "analysis",
        "assessment", "review", "dossier", "paper", "draft", "schedule", "timetable",
        "trailer", "communique", "communiqué", "readout", "account", "description", "copy",
        "excerpt", "minutes", "note", "notes", "proposal", "rules", "evidence", NULL};
    return h >= 0 && ev_lemma_in(s, h, records);
}

/* Whether noun n is a release of a record: "the release of his tax records". */
static bool record_release(const ev_sentence *s, int32_t n)
{
    static const char *const release[] = {"release", NULL}, *const of[] = {"of", NULL};
    for (int32_t c = n >= 0 && ev_lemma_in(s, n, release) ? s->first_child[n] : -1; c >= 0;
         c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, of) && released_record(s, c))
            return true;
    return false;
}

/* Releasing (084) a record publishes it: no one is set free ("ordered the release of
 * the tax returns" too). A pattern of its own keeps its code ("released a statement"
 * 010, "released information" 064). */
static void releasing_record(const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const of[] = {"of", NULL};
    int32_t obj = ev_child(s, v, "obj");
    if (strncmp(vc->code, "084", 3) != 0)
        return;
    for (int32_t c = obj < 0 ? s->first_child[v] : -1; c >= 0 && obj < 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "obl") && ev_has_case(s, c, of))
            obj = c; /* a headline's "orders release of ... records" */
    if (released_record(s, obj) || record_release(s, obj))
        snprintf(vc->code, sizeof vc->code, "---");
}

/* "took control of their personal use of free-to-air video", "seized control of the
 * narrative": control of an abstract thing occupies nothing (192 is for towns, bases,
 * airports). */
static void control_of_thing(const stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const control[] = {"control", NULL}, *const of[] = {"of", NULL};
    int32_t obj = strncmp(vc->code, "192", 3) == 0 ? ev_child(s, v, "obj") : -1;
    if (obj < 0 || !ev_lemma_in(s, obj, control))
        return;
    for (int32_t c = s->first_child[obj]; c >= 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, of) &&
            ev_abstract_noun(st->dict, s->lemma[c]) && !ev_actor_of(s, c, st->actors).code)
            snprintf(vc->code, sizeof vc->code, "---");
}

/* "Russia has not ruled out using nuclear weapons against Ukraine", "did not rule out
 * military action": not ruling out force threatens it (138), toward whom the force would
 * be against; the "not" is the idiom's, the threat is made. */
static void force_not_ruled_out(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const rule[] = {"rule", NULL}, *const out[] = {"out", NULL};
    static const char *const nots[] = {"not", "n't", "never", NULL};
    static const char *const force[] = {"force", "action", "strike", "attack", "invasion",
                                        "intervention", "retaliation", "escalation", "war",
                                        "use", "option", NULL};
    static const char *const against[] = {"against", "on", NULL};
    if (!ev_lemma_in(s, v, rule)) /* the cheap test first: it runs on every verb */
        return;
    int32_t prt = ev_child(s, v, "compound:prt"), neg = ev_child(s, v, "advmod");
    if (prt < 0 || !ev_lemma_in(s, prt, out) || neg < 0 || !ev_lemma_in(s, neg, nots))
        return;
    int32_t what = ev_child(s, v, "obj");
    if (what < 0)
        what = ev_child(s, v, "xcomp");
    if (what < 0) /* "using nuclear weapons" parsed as an adverbial clause */
        what = ev_child(s, v, "advcl");
    if (what < 0 || !ev_lemma_in(s, what, force))
        return;
    int32_t lo = what, hi = what, target = -1;
    ev_subtree(s, what, &lo, &hi);
    for (int32_t i = lo; i <= hi && target < 0; i++)
        if ((ev_rel_starts(s, i, "obl") || ev_rel_starts(s, i, "nmod")) &&
            ev_has_case(s, i, against) && ev_actor_of(s, i, st->actors).code)
            target = i;
    snprintf(vc->code, sizeof vc->code, "138");
    vc->code2[0] = '\0';
    vc->match.target = target;
    vc->match.no_target = target < 0;
    vc->match.negation = true;
    vc->match.score = 2;
}

/* "The EU demanded that Russia withdraw its troops": a demand or appeal whose content
 * clause names who must act is toward them, with PETRARCH's sum of the demand and the
 * act demanded ("demand" 100 + "withdraw" 087 is 105) where the ontology has one. */
static void mandate(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const mandating[] = {"demand", "urge", "request", "insist", "ask",
                                            "propose", NULL};
    static const char *const mandate_roots[] = {"02", "10", NULL};
    if (vc->match.target >= 0 || !root_in(vc->code, mandate_roots) ||
        !ev_lemma_in(s, v, mandating) || ev_child(s, v, "obj") >= 0 ||
        ev_child(s, v, "iobj") >= 0)
        return;
    int32_t c = ev_child(s, v, "ccomp");
    int32_t subj = c >= 0 ? ev_child(s, c, "nsubj") : -1;
    int32_t mark = c >= 0 ? ev_child(s, c, "mark") : -1;
    const char *cx = c >= 0 ? ev_tok(s, c)->xpos : NULL;
    /* a verb that also reports ("insisted that Hamas attacked first") mandates only in
     * the subjunctive */
    static const char *const reporting[] = {"insist", "propose", NULL};
    bool subjunctive = cx && strcmp(cx, "VB") == 0 && ev_child(s, c, "aux") < 0;
    if (subj < 0 || !(subjunctive || (mark >= 0 && !ev_lemma_in(s, v, reporting))) ||
        !ev_actor_of(s, subj, st->actors).code)
        return;
    const char *lower = ev_verb_code(st->dict, s->lemma[c]);
    const char *sum = lower ? ev_code_compose(st->dict, vc->code, lower) : NULL;
    if (sum) {
        snprintf(vc->code, sizeof vc->code, "%s", sum);
        vc->code2[0] = '\0';
    }
    vc->match.target = subj;
    if (vc->match.score < 1)
        vc->match.score = 1;
}

/* "announced that wearing a face covering would become compulsory in England", "said
 * masks would be mandatory in shops": a rule said to bind people is an administrative
 * restriction (172, the codebook's curfews and limits on movement) on those of the place
 * it names, if any; not "would not be compulsory". */
static void compulsion(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const telling[] = {"announce", "say", "declare", "state", "rule",
                                          "confirm", "decide", "order", NULL};
    static const char *const binding[] = {"compulsory", "mandatory", "obligatory", NULL};
    static const char *const become[] = {"become", "be", NULL};
    if (vc->match.score > 0 || !ev_lemma_in(s, v, telling))
        return;
    int32_t c = ev_child(s, v, "ccomp"), rule = -1;
    if (c < 0)
        return;
    if (ev_lemma_in(s, c, binding) && ev_child(s, c, "cop") >= 0)
        rule = c; /* "masks would be mandatory" */
    else if (ev_lemma_in(s, c, become) && ev_child(s, c, "xcomp") >= 0 &&
             ev_lemma_in(s, ev_child(s, c, "xcomp"), binding))
        rule = ev_child(s, c, "xcomp"); /* "would become compulsory" */
    const char *own = rule >= 0 ? own_status(s, c) : NULL;
    if (rule < 0 || (own && strcmp(own, "negated") == 0))
        return;
    int32_t lo = c, hi = c, place = -1;
    ev_subtree(s, c, &lo, &hi);
    for (int32_t k = lo; k <= hi && place < 0; k++)
        if (k != v && ev_mention_typed(s, k, "place") && ev_actor_of(s, k, st->actors).code)
            place = k;
    recode(vc, "172", NULL, place);
    vc->match.no_target = place < 0;
}

/* The code of the verb a noun of intent, appeal, demand or threat stands for ("threat",
 * "pledge", "call"), for its infinitive ("a threat to invade"); NULL for other nouns. */
static const char *noun_verb_code(stage *st, const ev_sentence *s, int32_t n)
{
    static const char *const nouns[][2] = {
        {"threat", "threaten"}, {"pledge", "pledge"}, {"promise", "promise"}, {"vow", "vow"},
        {"offer", "offer"},     {"demand", "demand"}, {"call", "call"},       {"request", "request"},
        {"appeal", "appeal"},   {"plea", "plead"},   {"desire", "want"},   {"wish", "want"},
        {"intention", "intend"}};
    const char *u = ev_tok(s, n)->upos;
    if (!u || strcmp(u, "NOUN") != 0)
        return NULL;
    for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++)
        if (strcmp(s->lemma[n], nouns[i][0]) == 0)
            return ev_verb_code(st->dict, nouns[i][1]);
    return NULL;
}

static bool forceful(const char *code);

/* The rejection (12x) that refusing an act of the kind of code is, as the CAMEO codebook
 * files refusals: to meet or negotiate (125), to mediate (126), to settle (127), to
 * yield (124x), to cooperate (121x), to give aid (122); any other, 120. */
static const char *refusal_code(const char *code)
{
    static const char *const kinds[][2] = {
        {"045", "126"},  {"057", "127"},  {"04", "125"},   {"061", "1211"}, {"062", "1212"},
        {"06", "121"},   {"07", "122"},   {"081", "1241"}, {"082", "1242"}, {"084", "1243"},
        {"085", "1244"}, {"086", "1245"}, {"087", "1246"}, {"08", "124"}};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (strncmp(code, kinds[i][0], strlen(kinds[i][0])) == 0)
            return kinds[i][1];
    return "120";
}

/* PETRARCH's sum of an appeal, intent, demand or threat and the act it governs
 * (compose.tsv): "wants to help Israel" is an intent to give aid (033), "asked Obama to
 * help" an appeal to Obama for aid (023). When v is the act and its governing verb
 * addresses no one, that verb is returned: the act takes its status ("wants to" is no
 * hypothesis of an intent); -1 otherwise. */
static int32_t compose(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    const char *c = NULL, *other, *own;
    int32_t x = ev_child(s, v, "xcomp"), h = ev_head(s, v), upper = -1;
    bool addressed = ev_child(s, v, "obj") >= 0 || ev_child(s, v, "iobj") >= 0;
    /* a pattern that says what the verb alone says ("- * HELP [020]" under ASK) is no
     * other meaning */
    bool plain = vc->match.score <= 0 || ((own = ev_verb_code(st->dict, s->lemma[v])) &&
                                          strcmp(own, vc->code) == 0);
    /* "Iran vowed to retaliate against Israel": a promise of force is a threat of it
     * (138), as "threatened to attack" is; the ontology sums no promise with force */
    static const char *const vowing[] = {"vow", "pledge", "promise", "swear", NULL};
    /* "Iran refused to meet the envoy", "Trump's refusal to debate": the refusal is the
     * event, a rejection that happened (the act itself did not); declining to speak is
     * CAMEO's own "decline comment" (011), which the verb's patterns code */
    static const char *const refusing[] = {"refuse", "decline", "refusal", NULL};
    bool governed = h >= 0 && (ev_rel_starts(s, v, "xcomp") ||
                               (ev_rel_starts(s, v, "acl") && !ev_rel_starts(s, v, "acl:relcl")));
    if (governed && ev_lemma_in(s, h, refusing) && vc->code[0] && strcmp(vc->code, "---") != 0 &&
        strncmp(vc->code, "01", 2) != 0) {
        c = refusal_code(vc->code);
        upper = h;
    } else if (h >= 0 && ev_rel_starts(s, v, "xcomp") && forceful(vc->code) &&
        strncmp(vc->code, "17", 2) != 0 && ev_lemma_in(s, h, vowing)) {
        c = "138";
        upper = h;
    } else if (x >= 0 && addressed && plain && (other = ev_verb_code(st->dict, s->lemma[x])))
        c = ev_code_compose(st->dict, vc->code, other);
    else if (h >= 0 && ev_rel_starts(s, v, "xcomp") && ev_child(s, h, "obj") < 0 &&
             ev_child(s, h, "iobj") < 0 && (other = ev_verb_code(st->dict, s->lemma[h])) &&
             (c = ev_code_compose(st->dict, other, vc->code)))
        upper = h;
    else if (h >= 0 && ev_rel_starts(s, v, "acl") && !ev_rel_starts(s, v, "acl:relcl") &&
             (other = noun_verb_code(st, s, h)) && (c = ev_code_compose(st->dict, other, vc->code)))
        upper = h; /* "Israel's threat to invade Rafah" as "threatened to invade" */
    if (c) {
        snprintf(vc->code, sizeof vc->code, "%s", c);
        vc->code2[0] = '\0';
    }
    return upper;
}

/* Whether the act v governs takes v's meaning into its own code (compose above): then
 * v codes nothing itself, not even by a pattern that matched the act's words ("wants to
 * help Israel" is no appeal for help). */
static bool composed_below(stage *st, const ev_sentence *s, int32_t v)
{
    int32_t x = ev_child(s, v, "xcomp"), obj = ev_child(s, v, "obj");
    const char *upper = ev_verb_code(st->dict, s->lemma[v]), *lower;
    /* "expressed a desire to work with Macron": the noun and its act are the event */
    static const char *const wishes[] = {"desire", "wish", "intention", NULL};
    int32_t act = obj >= 0 && ev_lemma_in(s, obj, wishes) ? ev_child(s, obj, "acl") : -1;
    if (act >= 0 && noun_verb_code(st, s, obj) && ev_child(s, act, "mark") >= 0)
        return true;
    return x >= 0 && upper && obj < 0 && ev_child(s, v, "iobj") < 0 &&
           (lower = ev_verb_code(st->dict, s->lemma[x])) && ev_code_compose(st->dict, upper, lower);
}

/* Media and journalists by their CAMEO role (JRN, MED) anywhere after the country. */
static bool is_press(const char *code)
{
    return actor_code_has_role(code, "JRN") || actor_code_has_role(code, "MED");
}

/* Whether target t is only where v happened ("served in Congress", "improved his
 * standing in Florida") for an act that is no deed done there: a place is the target of
 * protests, force and meetings ("protested in Beijing", "clashed in Gaza"), not of any
 * verb's default code. */
static bool place_only(const ev_sentence *s, int32_t v, const verb_code *vc, int32_t t)
{
    static const char *const in[] = {"in", "outside", NULL};
    static const char *const placed[] = {"04", "14", "15", "17", "18", "19", "20", NULL};
    /* (a pattern's statement, intent or accord is not toward where it is made: "held
     * primary elections in fourteen states", "sign a trade agreement in Brussels";
     * "invested in Kenya", "ends the war in Gaza" are) */
    static const char *const said_or_meant[] = {"01", "03", "05", NULL};
    if (!(vc->match.score <= 0 || (vc->match.target != t && root_in(vc->code, said_or_meant))))
        return false;
    /* (the place of its members too: "in the US states of Idaho, Michigan and ...";
     * not a party to what is done there: "engage in talks with the United States") */
    static const char *const of[] = {"of", NULL};
    for (int steps = 0; t >= 0 && ev_head(s, t) != v && steps < 8; steps++) {
        if (!ev_rel_starts(s, t, "conj") &&
            !(ev_rel_starts(s, t, "nmod") && ev_has_case(s, t, of)))
            return false;
        t = ev_head(s, t);
    }
    return t >= 0 && ev_head(s, t) == v && ev_rel_starts(s, t, "obl") && ev_has_case(s, t, in) &&
           !root_in(vc->code, placed);
}

/* "broke the world record for women", "demonstrated a shocking ignorance": with a thing
 * for object, "demonstrate" shows and "break" a record exceeds; neither protests nor
 * strikes anyone ("broke relations with Libya" still cuts ties). */
static bool shown_or_broken(const ev_sentence *s, int32_t v, const verb_code *vc, int32_t obj,
                            const dyad_actor_dict *actors)
{
    static const char *const show[] = {"demonstrate", NULL}, *const exceed[] = {"break", NULL};
    static const char *const records[] = {"record", NULL};
    return vc->match.score <= 0 && obj >= 0 && !ev_actor_of(s, obj, actors).code &&
           (ev_lemma_in(s, v, show) || (ev_lemma_in(s, v, exceed) && ev_lemma_in(s, obj, records)));
}

/* Whether code is a country's civilians and nothing more ("USACVL"). */
static bool civilian_only(const char *code)
{
    return code && strlen(code) == 6 && strcmp(code + 3, "CVL") == 0;
}

/* Whether code (may be NULL) has any of roles (NULL-ended). */
static bool any_role(const char *code, const char *const *roles)
{
    for (; code && *roles; roles++)
        if (actor_code_has_role(code, *roles))
            return true;
    return false;
}

/* "Hagan defeated Senator Dole", "Pakistan defeated India" (at cricket): a defeat
 * between parties neither of which is armed (or police) is an election or a game. */
static bool contest(const ev_sentence *s, int32_t v, const verb_code *vc, const char *a,
                    const char *b)
{
    static const char *const defeat[] = {"defeat", "beat", NULL};
    static const char *const armed[] = {"MIL", "COP", "REB", "UAF", "INS", "SPY", NULL};
    if (vc->match.score > 0 || !ev_lemma_in(s, v, defeat))
        return false;
    return !any_role(a, armed) && !any_role(b, armed);
}

/* "fired the prosecutor" dismissed him: firing shoots only things ("fired rockets") or at
 * people ("fired on protesters"); so did "the prosecutor was fired" and "had the
 * prosecutor fired", with no one fired at. */
static bool dismissal(stage *st, const ev_sentence *s, int32_t v, int32_t obj)
{
    static const char *const dismiss[] = {"fire", "sack", NULL};
    static const char *const at[] = {"at", "on", "upon", NULL};
    static const char *const have[] = {"have", "get", NULL};
    if (!ev_lemma_in(s, v, dismiss))
        return false;
    /* "fired the country's military chiefs": office holders the dictionaries do not code */
    static const char *const holders[] = {
        "chief", "minister", "general", "commander", "head", "director", "official",
        "officer", "secretary", "governor", "ambassador", "prosecutor", "judge", "coach",
        "manager", "staff", "aide", "adviser", "advisor", "deputy", "executive", "employee",
        "worker", "spokesman", "spokeswoman", "spokesperson", "editor", NULL};
    if (obj >= 0 && (person_named(s, obj, st->actors) || ev_lemma_in(s, obj, holders)))
        return true;
    bool passive = ev_child(s, v, "nsubj:pass") >= 0 ||
                   ((ev_rel_starts(s, v, "xcomp") || ev_rel_starts(s, v, "ccomp")) &&
                    ev_lemma_in(s, ev_head(s, v), have));
    for (int32_t c = s->first_child[v]; c >= 0 && passive; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "obl") && ev_has_case(s, c, at))
            return false;
    return passive;
}

/* Whether v suggests that something is or may be so, a surmise and no appeal: "suggested
 * Cohen may have edited the footage" (but "suggested he resign", "suggested that they
 * should talk" appeal). */
static bool surmise(const ev_sentence *s, int32_t v)
{
    static const char *const suggest[] = {"suggest", "hint", "imply", NULL};
    static const char *const urging[] = {"should", "must", "ought", NULL};
    int32_t c = ev_lemma_in(s, v, suggest) ? ev_child(s, v, "ccomp") : -1;
    if (c < 0)
        return false;
    for (int32_t a = s->first_child[c]; a >= 0; a = s->next_sibling[a])
        if (ev_rel_starts(s, a, "aux") && ev_lemma_in(s, a, urging))
            return false;
    const char *x = ev_tok(s, c)->xpos; /* a bare verb is the subjunctive of an appeal */
    return !x || strcmp(x, "VB") != 0 || ev_child(s, c, "aux") >= 0;
}

/* Whether the protest v codes (14x) is a campaign, which protests nothing: a rally
 * qualified as an election campaign's ("held his first campaign rally"), or one of an
 * officeholder or candidate named (code who, head sh: "Trump held his first indoor
 * rally"; the opposition's still protests). */
static bool campaign(const ev_sentence *s, int32_t v, const char *code, int32_t sh,
                     const char *who)
{
    if (strncmp(code, "14", 2) != 0)
        return false;
    static const char *const campaigning[] = {"campaign", "election", "electoral", NULL};
    int32_t n = ev_child(s, v, "obj");
    for (int32_t c = n >= 0 ? s->first_child[n] : -1; c >= 0; c = s->next_sibling[c])
        if ((ev_rel_starts(s, c, "compound") || ev_rel_starts(s, c, "amod")) &&
            ev_lemma_in(s, c, campaigning))
            return true;
    static const char *const office[] = {"GOV", "ELI", "PTY", "LEG", NULL};
    return who && sh >= 0 && person_mention(s, sh) && any_role(who, office) &&
           !actor_code_has_role(who, "OPP");
}

/* Whether "each other" or "one another" stands in v's phrase ("willingness to help each
 * other"): what the members do, they do to one another. */
static bool says_each_other(const ev_sentence *s, int32_t v)
{
    int32_t lo = v, hi = v;
    ev_subtree(s, v, &lo, &hi);
    for (int32_t i = lo + 1; i <= hi; i++)
        if ((strcmp(s->lower[i], "other") == 0 && strcmp(s->lower[i - 1], "each") == 0) ||
            (strcmp(s->lower[i], "another") == 0 && strcmp(s->lower[i - 1], "one") == 0))
            return true;
    return false;
}

/* Whether v's object is a relation between parties: "renewed ties", "held talks",
 * "joint drills". */
static bool relational_object(const ev_sentence *s, int32_t v)
{
    static const char *const relational[] = {
        "tie", "relation", "talk", "agreement", "deal", "treaty", "meeting", "cooperation",
        "accord", "pact", "dialogue", "negotiation", "summit", "contact", "partnership",
        "alliance", "truce", "ceasefire", "exchange", "consultation", "trade", "border",
        "war", "battle", "conflict", "embassy", NULL};
    static const char *const joint[] = {"joint", NULL};
    static const char *const to_on[] = {"to", "on", NULL};
    int32_t obj = ev_child(s, v, "obj");
    /* "agreed to a truce", "agreed on a ceasefire": the relation the verb reaches */
    for (int32_t c = obj < 0 ? s->first_child[v] : -1; c >= 0 && obj < 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "obl") && ev_has_case(s, c, to_on) &&
            ev_lemma_in(s, c, relational))
            return true;
    if (obj < 0)
        return false;
    /* "held joint drills": whatever is done jointly is done with each other */
    for (int32_t c = s->first_child[obj]; c >= 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "amod") && ev_lemma_in(s, c, joint))
            return true;
    return ev_lemma_in(s, obj, relational);
}

/* Whether coordinated subjects act toward each other: "X and Y met", "X and Y renewed
 * ties", but not "neither X nor Y would endorse the result". With no object, only acts
 * that take two sides do (consult, cooperate, fight): "X and Y called for a ceasefire"
 * is an appeal of both, not to each other. */
static bool reciprocal(const ev_sentence *s, int32_t v, const char *code)
{
    static const char *const two_sided[] = {"03", "04", "05", "06", "19", NULL};
    /* a visit, a host and a mediator face someone else: "Police and paramedics attended" */
    static const char *const one_way[] = {"042", "043", "045", NULL};
    bool one_sided = false;
    for (const char *const *c = one_way; *c && !one_sided; c++)
        one_sided = strncmp(code, *c, 3) == 0;
    /* and violence only in verbs of fighting: "X and Y clashed", not "X and Y killed" (a
     * list of the dead the parse made subjects) */
    static const char *const violence[] = {"19", NULL};
    static const char *const fighting[] = {"fight", "clash", "battle", "skirmish", "war", NULL};
    one_sided = one_sided || (root_in(code, violence) && !ev_lemma_in(s, v, fighting));
    int32_t obj = ev_child(s, v, "obj");
    /* "India and China agreed to disengage troops": what two agree to do, each does
     * toward the other */
    static const char *const agreeing[] = {"agree", NULL};
    int32_t h = ev_rel_starts(s, v, "xcomp") ? ev_head(s, v) : -1;
    if (h >= 0 && ev_lemma_in(s, h, agreeing) && !one_sided)
        return true;
    return (obj < 0 ? root_in(code, two_sided) && !one_sided : relational_object(s, v)) ||
           says_each_other(s, v);
}

/* Whether token h names a people by its nationality's plural ("Kenyans", "Serbians"),
 * not a country ("the United States", "the Philippines"): its singular is a word of a
 * country. */
static bool people_named(const ev_sentence *s, int32_t h, const dyad_actor_dict *actors)
{
    const dyad_token *t = ev_tok(s, h);
    const char *lemma = t->lemma;
    size_t n = lemma ? strlen(lemma) : 0, f = t->end - t->start;
    dyad_actor_match m;
    return t->feats && strstr(t->feats, "Number=Plur") && n && f == n + 1 &&
           s->lower[h][n] == 's' &&
           dyad_actor_dict_lookup(actors, lemma, n, 0, &m) && m.country[0] && !m.role[0];
}

/* Coercion and violence (CAMEO 17-20): acts that have a doer where they happen. */
static bool forceful(const char *code)
{
    return code[0] == '2' || (code[0] == '1' && code[1] >= '7' && code[1] <= '9');
}

/* Whether an actor code is of those who take places by force at home: rebels,
 * insurgents, armed groups, the opposition, the military ("SYRREB", "SDNMIL"). */
static bool insurgent(const char *code)
{
    static const char *const roles[] = {"REB", "INS", "UAF", "OPP", "SEP", "MIL", NULL};
    for (const char *const *r = roles; strlen(code) >= 6 && *r; r++)
        if (strncmp(code + 3, *r, 3) == 0)
            return true;
    return false;
}

/* The subjectless participle clause on another verb that v heads, or -1: a gerund
 * ("..., killing five soldiers") or a perfect one, which the parse may hang on "having"
 * ("..., having first placed Mugabe under house arrest"). */
static int32_t gerund_clause(const ev_sentence *s, int32_t v)
{
    static const char *const have[] = {"have", NULL};
    int32_t h = ev_head(s, v);
    const char *hx = h >= 0 ? ev_tok(s, h)->xpos : NULL;
    if (ev_rel_starts(s, v, "xcomp") && hx && strcmp(hx, "VBG") == 0 && ev_lemma_in(s, h, have))
        v = h; /* "having [placed]" */
    const char *vx = ev_tok(s, v)->xpos;
    bool perfect = false; /* "having placed", with "having" its auxiliary */
    bool participle = vx && strcmp(vx, "VBN") == 0;
    for (int32_t c = s->first_child[v]; c >= 0 && participle; c = s->next_sibling[c])
        perfect = perfect || (ev_rel_starts(s, c, "aux") && ev_lemma_in(s, c, have) &&
                              ev_tok(s, c)->xpos && strcmp(ev_tok(s, c)->xpos, "VBG") == 0);
    if (!ev_rel_starts(s, v, "advcl") || !vx || (strcmp(vx, "VBG") != 0 && !perfect) ||
        ev_child(s, v, "mark") >= 0 || ev_child(s, v, "nsubj") >= 0 || ev_head(s, v) < 0)
        return -1;
    return v;
}

/* Whether an event of sentence si coded so far has the target code. */
static bool targeted_before(const stage *st, size_t si, const char *code)
{
    for (size_t i = st->n_events; i-- > 0 && st->events[i].sentence == (int32_t)si;)
        if (st->events[i].target.code && strcmp(st->events[i].target.code, code) == 0)
            return true;
    return false;
}

/* The unnamed doer of a passive act toward a coded target ("the mayor was stabbed"). */
static bool implicit_source(stage *st, const ev_sentence *s, int32_t v, const ev_arg *tgts,
                            size_t nt, ev_actor *out)
{
    static const char *const of[] = {"of", NULL}; /* "a number of legislators" */
    for (size_t j = 0; j < nt; j++) {
        ev_actor b = ev_actor_arg(s, tgts[j], st->actors);
        if (!b.code)
            continue;
        if (!ev_implicit_agent(s, v, &b, st->actors, out))
            return false;
        if (!out->implicit)
            return true; /* "fired at Israel from Lebanon": the origin is named */
        /* a country guessed as its own doer ("Israel would be punished") is no guess */
        if (strcmp(out->code, b.code) == 0)
            return false;
        /* an unnamed doer acts only on what the act was done to: "was wounded in
         * hospital" wounded no hospital */
        int32_t patient = ev_patient(s, v);
        if (patient < 0) /* "a car bomb killed ten people": the object */
            patient = ev_child(s, v, "obj");
        int32_t h = tgts[j].role >= 0 ? tgts[j].role : tgts[j].head;
        while (h != patient && h >= 0 &&
               (ev_rel_starts(s, h, "conj") ||
                (ev_rel_starts(s, h, "nmod") && ev_has_case(s, h, of))))
            h = ev_head(s, h);
        return h >= 0 && h == patient;
    }
    return false;
}

/* Whether code is private people or a firm and nothing more: a multinational (MNC...) or
 * roles all of people, trades and professions ("USACVL", "GBRBUS", "INDCVLLAB"), not
 * "KENCVLOPP" (private_party below asks whether any role is private). */
static bool private_only(const char *code)
{
    /* (not criminals: "called for the killers of Khashoggi to be brought to justice" is a
     * demand of the state that must do it) */
    static const char *const private_roles[] = {"CVL", "BUS", "EDU", "JRN", "MED", "LAB",
                                                "HLH", "REL", "KID", NULL};
    size_t n = code ? strlen(code) : 0;
    if (n >= 3 && !strncmp(code, "MNC", 3))
        return true;
    if (n < 6 || n % 3)
        return false;
    for (size_t i = 3; i < n; i += 3) {
        bool found = false;
        for (const char *const *r = private_roles; *r && !found; r++)
            found = !strncmp(code + i, *r, 3);
        if (!found)
            return false;
    }
    return true;
}

static bool add_event(stage *st, const ev_sentence *s, size_t si, int32_t v, const char *code,
                      const ev_actor *src, const ev_actor *tgt, const status_info *status,
                      const char *date, const char *verb_text)
{
    dyad_doc *doc = st->doc;
    if (actor_code_is_discard(src->code) || actor_code_is_discard(tgt->code))
        return true; /* a storm or a weekday is no party */
    /* "those women will attack ex-Muslim women", "a company uses glue guns": private
     * people of no country toward others of none, or a firm or profession of none alone,
     * are no political event (crowds of none alone still protest or storm a border) */
    static const char *const unplaced[] = {"CVL", "CRM", "BUS", "EDU", "JRN", "MED", "ELI",
                                           "LAB", NULL};
    static const char *const trades[] = {"BUS", "EDU", "JRN", "MED", "ELI", NULL};
    if (src->code && !strncmp(src->code, "---", 3) && any_role(src->code, unplaced) &&
        (tgt->code ? !strncmp(tgt->code, "---", 3) : any_role(src->code, trades)))
        return true;
    /* "the company apologized to reporters", "West's family expressed concerns about
     * West's mental state": people and firms, wherever they are, toward no one or their like
     * are no political event unless they fight or protest (in the Wikinews gold set every
     * event has a state, a party, a force or a body on one side) */
    static const char *const contested[] = {"14", "18", "19", "20", NULL};
    if (private_only(src->code) && (!tgt->code || private_only(tgt->code)) &&
        !root_in(code, contested))
        return true;
    uint32_t start = ev_tok(s, v)->start, end = ev_tok(s, v)->end;
    const ev_actor *sides[2] = {src, tgt};
    for (int k = 0; k < 2; k++) {
        if (!sides[k]->code)
            continue;
        if (sides[k]->start < start)
            start = sides[k]->start;
        if (sides[k]->end > end)
            end = sides[k]->end;
    }
    /* the same event stated again: one record, one more mention */
    for (size_t i = 0; i < st->n_events; i++) {
        dyad_event *e = &st->events[i];
        if (strcmp(e->cameo, code) == 0 && same(e->source.code, src->code) &&
            same(e->target.code, tgt->code) && strcmp(e->status, status->status) == 0) {
            /* the verb and its noun ("imposed sanctions") state it once */
            for (uint32_t k = 0; k < e->mentions; k++)
                if (e->spans[2 * k] < end && start < e->spans[2 * k + 1])
                    return true;
            uint32_t *spans = dyad_arena_alloc(doc->arena, 2 * (e->mentions + 1) * sizeof *spans);
            if (!spans)
                return false;
            memcpy(spans, e->spans, 2 * e->mentions * sizeof *spans);
            spans[2 * e->mentions] = start;
            spans[2 * e->mentions + 1] = end;
            e->spans = spans;
            e->mentions++;
            return true;
        }
    }
    if (!dyad_array_grow((void **)&st->events, &st->cap_events, st->n_events + 1,
                         sizeof *st->events, 16))
        return false;
    dyad_event *e = &st->events[st->n_events];
    memset(e, 0, sizeof *e);
    e->sentence = (int32_t)si;
    e->start = start;
    e->end = end;
    e->date = date;
    e->source = (dyad_event_actor){src->start, src->end,
                                   dyad_doc_strdup(doc, doc->text + src->start, src->end - src->start),
                                   src->code, src->implicit};
    if (tgt->code)
        e->target = (dyad_event_actor){tgt->start, tgt->end,
                                       dyad_doc_strdup(doc, doc->text + tgt->start,
                                                       tgt->end - tgt->start),
                                       tgt->code, tgt->implicit};
    e->cameo = dyad_doc_strdup(doc, code, strlen(code));
    const ev_code *row = ev_code_find(st->dict, code);
    if (row) {
        e->goldstein = row->goldstein;
        e->quad_class = row->quad;
        e->plover_type = ev_str(st->dict, row->plover_type);
        e->plover_mode = ev_str(st->dict, row->plover_mode);
        e->plover_context = ev_str(st->dict, row->plover_context);
    } else {
        e->plover_type = e->plover_mode = e->plover_context = "";
    }
    e->status = status->status;
    e->quote = status->quote;
    e->denied_by = status->denied_by;
    e->verb = verb_text;
    e->mentions = 1;
    e->spans = dyad_arena_alloc(doc->arena, 2 * sizeof *e->spans);
    if (!e->source.text || (tgt->code && !e->target.text) || !e->cameo || !e->spans)
        return false;
    e->spans[0] = start;
    e->spans[1] = end;
    st->n_events++;
    return true;
}

/* The verb as written, with the words its pattern matched after it ("signed ... accord"). */
static const char *verb_text(stage *st, const ev_sentence *s, int32_t v, const ev_context *post,
                             const verb_code *vc)
{
    const dyad_token *t = ev_tok(s, v);
    uint32_t end = t->end;
    if (vc->match.score > 0 && post->n) {
        /* up to the object's head, at most a few words on */
        for (size_t k = 0; k < post->n && k < 6; k++) {
            const char *u = ev_tok(s, post->tok[k])->upos;
            if (u && strcmp(u, "PUNCT") == 0)
                break;
            end = ev_tok(s, post->tok[k])->end;
            if (u && (strcmp(u, "NOUN") == 0 || strcmp(u, "PROPN") == 0))
                break;
        }
    }
    return dyad_doc_strdup(st->doc, st->doc->text + t->start, end - t->start);
}

/* Who says what an event's clause reports: the quote's speaker, else the subject of
 * the speech verb that governs the clause. */
static ev_actor speaker_of(stage *st, const ev_sentence *s, const status_info *status)
{
    ev_actor a = {.code = NULL, .head = -1};
    if (status->cue >= 0) {
        ev_arg subj[MAX_ACTORS];
        size_t n = ev_sources(s, status->cue, subj, MAX_ACTORS);
        for (size_t i = 0; i < n && !a.code; i++)
            a = ev_actor_arg(s, subj[i], st->actors);
    }
    const dyad_speaker *sp = status->quote >= 0 ? &s->doc->quotes[status->quote].speaker : NULL;
    /* the quotation's speaker, unless the speech verb's subject says more of the same
     * side: "the Nigerian army said" is NGAMIL, where the quotation knows only NGA */
    if (sp && sp->code &&
        !(a.code && strlen(a.code) > strlen(sp->code) &&
          strncmp(a.code, sp->code, strlen(sp->code)) == 0)) {
        a = (ev_actor){.code = ev_with_country(s, sp->code), .start = sp->start, .end = sp->end,
                       .head = -1};
    }
    return a;
}

/* A country itself or its state's forces: who can speak for a state's acts. Police who
 * say a man stabbed people accuse him; they do not claim his act. */
static bool state_side(const char *code)
{
    static const char *const roles[] = {"GOV", "MIL", "SPY", "COP"};
    if (strlen(code) == 3)
        return true;
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++)
        if (strncmp(code + 3, roles[i], 3) == 0)
            return true;
    return false;
}

/* The CAMEO 2.0 dictionary's own transformation rules for attacks reported in speech
 * ("~ a (a b ATTACK) SAY = a b 015", "~ a (b . ATTACK) SAY = a b 112"): a speaker
 * who says its side attacked claims responsibility, one who says another did accuses
 * it, and one who denies its side did denies responsibility (016). */
static bool claim_or_accusation(stage *st, const ev_sentence *s, size_t si, int32_t v,
                                const char *code, const ev_actor *doer, const ev_actor *target,
                                const status_info *status, const char *date, const char *vt)
{
    bool reported = strcmp(status->status, "reported") == 0;
    bool denied = strcmp(status->status, "denied") == 0;
    /* a doer dyad inferred is no one the speaker named */
    if (!violent_code(code) || (!reported && !denied) || doer->implicit)
        return true;
    ev_actor speaker = speaker_of(st, s, status);
    if (!speaker.code || strlen(speaker.code) < 3 || strncmp(speaker.code, "---", 3) == 0 ||
        is_press(speaker.code))
        return true; /* the press reports an attack; it neither claims nor accuses */
    bool own_side = strncmp(speaker.code, doer->code, 3) == 0 &&
                    (same(speaker.code, doer->code) ||
                     (state_side(speaker.code) && state_side(doer->code)));
    /* the verb of the claim is the speech verb: "said", "denied" */
    const dyad_quote *q = status->quote >= 0 ? &s->doc->quotes[status->quote] : NULL;
    if (status->cue >= 0) {
        const dyad_token *t = ev_tok(s, status->cue);
        vt = dyad_doc_strdup(st->doc, s->doc->text + t->start, t->end - t->start);
    } else if (q && q->cue_text) {
        vt = q->cue_text;
    }
    if (!vt)
        return false;
    status_info said = *status;
    said.status = "asserted";
    said.denied_by = -1;
    const ev_actor *other = own_side ? target : doer;
    if (own_side ? !target->code : !reported)
        return true;
    /* the claim says more than the bare statement "said" toward the same actor; an
     * accusation the verb coded itself ("accused the army of killing", 111) says it */
    for (size_t i = 0; i < st->n_events; i++) {
        dyad_event *e = &st->events[i];
        if (e->sentence != (int32_t)si || !same(e->source.code, speaker.code) ||
            !same(e->target.code, other->code))
            continue;
        if (!own_side && strncmp(e->cameo, "11", 2) == 0)
            return true;
        if (strcmp(e->cameo, "010") == 0) {
            memmove(e, e + 1, (st->n_events - i - 1) * sizeof *e);
            st->n_events--;
            break;
        }
    }
    return add_event(st, s, si, v, own_side ? (reported ? "015" : "016") : "112", &speaker, other,
                     &said, date, vt);
}

/* Whether a noun may name an event: not a person or body itself ("the ambassador"). */
static bool event_noun(stage *st, const ev_sentence *s, int32_t n, const char **code)
{
    char key[64];
    size_t k = strlen(s->lemma[n]);
    if (k >= sizeof key)
        return false; /* no event noun is that long */
    memcpy(key, s->lemma[n], k + 1);
    /* a plural the lemmatizer missed: "supplies" -> "supply" */
    if (k > 3 && strcmp(key + k - 3, "ies") == 0 && strcmp(key, s->lower[n]) == 0)
        strcpy(key + k - 3, "y");
    else if (k > 3 && key[k - 1] == 's' && key[k - 2] != 's' && strcmp(key, s->lower[n]) == 0)
        key[k - 1] = '\0';
    *code = ev_noun_code(st->dict, s->lower[n]);
    if (!*code)
        *code = ev_noun_code(st->dict, key);
    /* else the verb of the same lemma alone: "supplies from Iran" as "Iran supplied" */
    int32_t vi = *code ? -1 : ev_verb_first(st->dict, key);
    if (vi >= 0) {
        const ev_verb *verb = &st->dict->verbs[vi];
        const char *c = verb->code[0] ? verb->code : st->dict->blocks[verb->block].code;
        if (strcmp(c, "---") != 0 && strncmp(c, "01", 2) != 0)
            *code = c;
    }
    if (!*code || strcmp(*code, "---") == 0) /* a noun that names no event by itself */
        return false;
    if (strncmp(*code, "084", 3) == 0 && record_release(s, n))
        return false; /* "the release of his tax records" */
    /* "held a phone call with", "Trump's call with Zelensky": a conversation by telephone
     * (041), not an appeal */
    static const char *const calls[] = {"call", NULL};
    static const char *const phones[] = {"phone", "telephone", "video", NULL};
    static const char *const with[] = {"with", NULL};
    for (int32_t c = ev_lemma_in(s, n, calls) ? s->first_child[n] : -1; c >= 0;
         c = s->next_sibling[c])
        if (((ev_rel_starts(s, c, "compound") || ev_rel_starts(s, c, "amod")) &&
             ev_lemma_in(s, c, phones)) ||
            (ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, with)))
            *code = "041";
    /* "air strikes", "strikes against Houthi targets", "a strike on Beirut": force from
     * the air (195), not a walkout (140) */
    static const char *const strikes[] = {"strike", NULL};
    static const char *const aerial[] = {"air", "missile", "drone", "rocket", "military",
                                         "retaliatory", "precision", "artillery", "naval",
                                         "nuclear", "preemptive", "pre-emptive", NULL};
    static const char *const on[] = {"on", NULL}, *const against[] = {"against", NULL};
    static const char *const sites[] = {"target", "position", "base", "site", "facility",
                                        "depot", "militant", "fighter", "rebel", NULL};
    /* the aim may hang on the verb whose object the strikes are: "conducted strikes on" */
    int32_t heads[2] = {n, ev_rel_starts(s, n, "obj") ? ev_head(s, n) : -1};
    for (int w = 0; w < 2 && heads[w] >= 0 && ev_lemma_in(s, n, strikes); w++)
        for (int32_t c = s->first_child[heads[w]]; c >= 0; c = s->next_sibling[c])
            if ((w == 0 && (ev_rel_starts(s, c, "compound") || ev_rel_starts(s, c, "amod")) &&
                 ev_lemma_in(s, c, aerial)) ||
                (w == 0 && ev_rel_starts(s, c, "nmod") &&
                 (ev_has_case(s, c, on) ||
                  (ev_has_case(s, c, against) && ev_lemma_in(s, c, sites)))) ||
                (w == 1 && ev_rel_starts(s, c, "obl") && ev_has_case(s, c, on) &&
                 (ev_lemma_in(s, c, sites) || ev_actor_of(s, c, st->actors).code)))
                *code = "195"; /* a walkout is "against the reforms", "on strike" */
    dyad_actor_match m;
    const dyad_token *t = ev_tok(s, n);
    return !(st->actors && dyad_actor_dict_lookup(st->actors, s->doc->text + t->start,
                                                  t->end - t->start, 0, &m) && m.code[0]);
}

/* "Russia is preparing an offensive against Kharkiv", "Hamas was planning an attack on
 * Israel": readying force against someone threatens it (138), as CAMEO 2.0's "PLAN - *
 * ATTACK" has it, whatever the PREPARE block's intent (030) says. */
static void readying_force(stage *st, const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const readying[] = {"prepare", "plan", "plot", "ready", NULL};
    if (!ev_lemma_in(s, v, readying)) /* the cheap test first: it runs on every verb */
        return;
    int32_t obj = ev_child(s, v, "obj");
    const char *code = NULL;
    if (obj < 0 || !event_noun(st, s, obj, &code) || !code || !forceful(code) ||
        strncmp(code, "17", 2) == 0) /* an arrest planned is no threat of force */
        return;
    recode(vc, "138", NULL, vc->match.target);
}

/* Whether sentence si already holds an act (not a statement) from a to b. */
static bool act_between(const stage *st, size_t si, const char *a, const char *b)
{
    for (size_t i = st->n_events; i-- > 0 && st->events[i].sentence == (int32_t)si;)
        if (strncmp(st->events[i].cameo, "01", 2) != 0 && same(st->events[i].source.code, a) &&
            same(st->events[i].target.code, b))
            return true;
    return false;
}

/* "Anti-government protests continue in Baghdad": a protest (CAMEO 14) no phrase says
 * who made is the people of where it is, inferred (a bare country, implicit); it is
 * against that country's government when the noun says so, else against no one named. */
static bool protest_in_place(stage *st, const ev_sentence *s, int32_t n, const char *code,
                             ev_actor *locals, ev_actor *against)
{
    static const char *const protest[] = {"14", NULL}, *const in[] = {"in", NULL};
    /* nouns of protest only: a "strike" may be an air strike */
    static const char *const protests[] = {"protest", "demonstration", "rally", "riot",
                                           "march", "sit-in", NULL};
    static const char *const anti[] = {"anti-government", "antigovernment", NULL};
    char cc[4];
    /* not the object of a verb: "activists staged a protest" says who */
    if (!root_in(code, protest) || !ev_lemma_in(s, n, protests) || ev_rel_starts(s, n, "obj"))
        return false;
    /* a bare "rally" is as often a candidate's ("again at a rally in Pennsylvania"): only
     * one its words qualify ("an opposition rally", "anti-war rallies") protests */
    static const char *const rally[] = {"rally", NULL};
    if (ev_lemma_in(s, n, rally) && ev_child(s, n, "amod") < 0 && ev_child(s, n, "compound") < 0)
        return false;
    /* "protests in Baghdad", or the verb it is subject of: "protests erupted in Paris" */
    int32_t heads[2] = {n, ev_rel_starts(s, n, "nsubj") ? ev_head(s, n) : -1};
    for (int k = 0; k < 2 && heads[k] >= 0 && !locals->code; k++)
        for (int32_t c = s->first_child[heads[k]]; c >= 0 && !locals->code; c = s->next_sibling[c])
            if ((ev_rel_starts(s, c, "nmod") || ev_rel_starts(s, c, "obl")) &&
                ev_has_case(s, c, in) && actor_code_country(ev_actor_of(s, c, st->actors).code, cc))
                locals->code = dyad_doc_strdup(st->doc, cc, 3);
    if (!locals->code)
        return false;
    locals->implicit = true; /* named by no phrase: an empty span at the noun */
    locals->start = locals->end = ev_tok(s, n)->start;
    for (int32_t c = s->first_child[n]; c >= 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "amod") && ev_lemma_in(s, c, anti)) {
            char gov[8];
            snprintf(gov, sizeof gov, "%sGOV", cc);
            against->code = dyad_doc_strdup(st->doc, gov, strlen(gov));
            const dyad_token *t = ev_tok(s, c);
            against->start = t->start, against->end = t->end, against->head = c;
        }
    return true;
}

static bool home_trip(const ev_sentence *s, const char *code, const ev_actor *a,
                      const ev_actor *b);

/* Nouns that name events, with both sides named around them. */
/* "The decision drew criticism from the UN", "Pakistan faced condemnation from Kabul": a
 * reaction a subject draws "from" someone is theirs toward the subject (or its owner). */
static bool drawn_from(stage *st, const ev_sentence *s, int32_t n, ev_arg *srcs, size_t *ns,
                       ev_arg *tgts, size_t *nt)
{
    static const char *const drawing[] = {"draw", "face", "receive", "attract", "spark",
                                          "provoke", "prompt", "trigger", "earn", "win", NULL};
    static const char *const from[] = {"from", NULL};
    int32_t v = ev_head(s, n);
    if (v < 0 || !ev_rel_starts(s, n, "obj") || !ev_lemma_in(s, v, drawing))
        return false;
    int32_t by = -1;
    for (int32_t c = s->first_child[n]; c >= 0 && by < 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, from))
            by = c;
    for (int32_t c = s->first_child[v]; c >= 0 && by < 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "obl") && ev_has_case(s, c, from))
            by = c;
    int32_t subj = ev_child(s, v, "nsubj");
    /* "Spain recognised Palestine, drawing a sharp rebuke from Israel": the gerund's
     * subject is its clause's */
    if (subj < 0 && ev_rel_starts(s, v, "advcl") && ev_head(s, v) >= 0)
        subj = ev_child(s, ev_head(s, v), "nsubj");
    int32_t who = subj >= 0 ? characterized_actor(st, s, subj) : -1;
    if (by < 0 || who < 0 || !ev_actor_of(s, by, st->actors).code)
        return false;
    *ns = ev_with_conjuncts(s, by, srcs, 0, MAX_ACTORS);
    *nt = ev_with_conjuncts(s, who, tgts, 0, MAX_ACTORS);
    return *ns && *nt;
}

/* "returned to Iraq at the Iraqi government's request", "were deployed at the request of
 * Mali", "are in Iraq at the invitation of its government": whoever asked or invited
 * appealed (020) to whoever did what was asked, the verb's subject */
static bool asked_for(const ev_sentence *s, int32_t n)
{
    static const char *const request[] = {"request", "behest", "invitation", NULL};
    static const char *const at[] = {"at", "upon", NULL};
    return ev_lemma_in(s, n, request) && ev_rel_starts(s, n, "obl") && ev_has_case(s, n, at);
}

/* "the Queen will comply with the request of Boris Johnson", "Germany rejected Ukraine's
 * request": a request someone answers was made to them, whatever the answer (a past act:
 * asserted, whatever the answer's status) */
static bool request_answered(const ev_sentence *s, int32_t n)
{
    static const char *const request[] = {"request", "invitation", NULL};
    static const char *const answering[] = {"comply", "grant", "accept", "reject", "deny",
                                            "refuse", "approve", "decline", "heed", "answer",
                                            "consider", "receive", "honour", "honor", NULL};
    static const char *const with[] = {"with", "to", NULL};
    int32_t v = ev_head(s, n);
    return v >= 0 && ev_lemma_in(s, n, request) && ev_lemma_in(s, v, answering) &&
           (ev_rel_starts(s, n, "obj") || (ev_rel_starts(s, n, "obl") && ev_has_case(s, n, with)));
}

static bool at_request(stage *st, const ev_sentence *s, int32_t n, ev_arg *srcs, size_t *ns,
                       ev_arg *tgts, size_t *nt)
{
    static const char *const of[] = {"of", NULL};
    int32_t v = ev_head(s, n);
    if (v < 0 || !(asked_for(s, n) || request_answered(s, n)))
        return false;
    int32_t by = ev_child(s, n, "nmod:poss");
    for (int32_t c = s->first_child[n]; c >= 0 && by < 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, of))
            by = c;
    int32_t asked = ev_child(s, v, "nsubj");
    if (asked < 0)
        asked = ev_child(s, v, "nsubj:pass");
    /* "troops left Iraq, then at its request returned": the first verb's subject */
    if (asked < 0 && (ev_rel_starts(s, v, "conj") || ev_rel_starts(s, v, "advcl")) &&
        ev_head(s, v) >= 0)
        asked = ev_child(s, ev_head(s, v), "nsubj");
    if (by < 0 || asked < 0 || !ev_actor_of(s, by, st->actors).code ||
        !ev_actor_of(s, asked, st->actors).code)
        return false;
    *ns = ev_with_conjuncts(s, by, srcs, 0, MAX_ACTORS);
    *nt = ev_with_conjuncts(s, asked, tgts, 0, MAX_ACTORS);
    return *ns && *nt;
}

/* "The arrest of opposition leader Ousmane Sonko sparked protests": an arrest whose
 * doer goes unnamed is the state's of whom it holds (as "was arrested" is); the state's
 * code, marked implicit, with *held the "of" phrase, or none. */
static ev_actor arrest_of(const ev_sentence *s, int32_t n, const char *code,
                          const dyad_actor_dict *actors, int32_t *held)
{
    static const char *const of[] = {"of", NULL};
    ev_actor none = {.code = NULL, .head = -1};
    /* (a subject only: an object's doer is its verb's subject, "Iran will pursue the
     * prosecution of", and "over the detention of a Japanese" may be China's) */
    if (strcmp(code, "173") != 0 || !ev_rel_starts(s, n, "nsubj"))
        return none;
    for (int32_t c = s->first_child[n]; c >= 0; c = s->next_sibling[c]) {
        if (ev_rel_starts(s, c, "nmod:poss") || ev_rel_starts(s, c, "amod") ||
            (ev_rel_starts(s, c, "nmod") && !ev_has_case(s, c, of)))
            return none; /* a doer or a place named: "Russia's arrest of", "by police" */
    }
    for (int32_t c = s->first_child[n]; c >= 0; c = s->next_sibling[c]) {
        char country[4];
        if (!ev_rel_starts(s, c, "nmod") || !ev_has_case(s, c, of) ||
            !actor_code_country(ev_actor_of(s, c, actors).code, country) ||
            strcmp(country, "---") == 0 || strcmp(country, "IGO") == 0)
            continue;
        *held = c;
        return (ev_actor){.code = dyad_doc_strdup((dyad_doc *)s->doc, country, 3), .head = -1,
                          .implicit = true};
    }
    return none;
}

static bool code_nouns(stage *st, const ev_sentence *s, size_t si, ev_context *pre,
                       ev_context *post, uint8_t *in_clause)
{
    for (int32_t n = 0; n < (int32_t)s->count; n++) {
        const char *u = ev_tok(s, n)->upos, *code;
        if (!u || strcmp(u, "NOUN") != 0 || !event_noun(st, s, n, &code))
            continue;
        ev_arg srcs[MAX_ACTORS], tgts[MAX_ACTORS];
        size_t ns, nt;
        bool mutual;
        ev_actor locals = {.code = NULL, .head = -1}, against = {.code = NULL, .head = -1};
        mutual = false;
        bool requested = at_request(st, s, n, srcs, &ns, tgts, &nt);
        ev_actor arresting = {.code = NULL, .head = -1};
        int32_t held = -1;
        if (requested)
            code = "020";
        else if (!ev_nominal_roles(s, n, srcs, &ns, tgts, &nt, &mutual, st->actors) &&
                 !drawn_from(st, s, n, srcs, &ns, tgts, &nt) &&
                 !(arresting = arrest_of(s, n, code, st->actors, &held)).code &&
                 (ns || !protest_in_place(st, s, n, code, &locals, &against)))
            continue;
        if (arresting.code)
            nt = ev_with_conjuncts(s, held, tgts, 0, MAX_ACTORS);
        /* "operate in cooperation with Iraqi forces": cooperation under way, not the intent
         * the noun alone codes (030) */
        static const char *const in[] = {"in", NULL};
        if (strncmp(code, "03", 2) == 0 && ev_rel_starts(s, n, "obl") && ev_has_case(s, n, in))
            code = "060";
        /* the verb the noun belongs to says whether it happened: "denied an attack" */
        int32_t v = ev_head(s, n);
        bool acted = v >= 0 && (st->acted[v] & 1);
        if (st->acted[n] & 2) /* "ordered heightened alert (from troops)": told by the verb */
            continue;
        status_info status = {"asserted", -1, -1, -1};
        if (v >= 0 && ev_tok(s, v)->upos && strcmp(ev_tok(s, v)->upos, "VERB") == 0) {
            status = event_status(s, v, false);
            /* (what is wanted stays unrealized when it is said: "'We expect from Iran
             * assurances'" is no assurance given) */
            static const char *const asked_of[] = {"for", "from", NULL};
            bool told = strcmp(status.status, "asserted") == 0 ||
                        (strcmp(status.status, "reported") == 0 &&
                         (ev_rel_starts(s, n, "obj") || ev_has_case(s, n, asked_of)));
            if (ev_lemma_in(s, v, denial_cues))
                status.status = "denied";
            else if (told && ev_lemma_in(s, v, hypo_heads))
                status.status = "hypothetical";
            else if (told && ev_lemma_in(s, v, future_heads))
                status.status = "future"; /* "threatened sanctions", "planned talks" */
            /* "the meeting was cancelled" did not happen; "was postponed" may yet */
            static const char *const called_off[] = {"cancel", "scrap", "abandon", NULL};
            static const char *const put_off[] = {"postpone", "delay", "defer", NULL};
            if (strcmp(status.status, "asserted") == 0 && ev_lemma_in(s, v, called_off))
                status.status = "negated";
            else if (strcmp(status.status, "asserted") == 0 && ev_lemma_in(s, v, put_off))
                status.status = "hypothetical";
            /* "will comply with the request of": the request was made */
            if (requested && request_answered(s, n) && strcmp(status.status, "reported") != 0)
                status.status = "asserted"; /* "rejected the request" denies no request */
            if (!ev_clause(s, v, pre, post, in_clause))
                return false;
        } else {
            memset(in_clause, 0, s->count);
            status.quote = quote_at(s->doc, ev_tok(s, n)->start);
            if (status.quote >= 0)
                status.status = s->doc->quotes[status.quote].denial ? "denied" : "reported";
        }
        /* "the planned trip to Warsaw" is still to come, and "which was cancelled" did not
         * happen */
        static const char *const planned[] = {"plan", "schedule", "propose", "expect",
                                              "upcoming", NULL};
        static const char *const cancelled[] = {"cancel", "scrap", "abandon", NULL};
        int32_t said_of = ev_child(s, n, "acl:relcl"), how = ev_child(s, n, "amod");
        /* "would respond to any Ukrainian attack", "a possible strike": none yet, if ever */
        static const char *const any[] = {"any", NULL};
        static const char *const maybe[] = {"possible", "potential", "hypothetical", NULL};
        int32_t which = ev_child(s, n, "det");
        bool conditional = (which >= 0 && ev_lemma_in(s, which, any)) ||
                           (how >= 0 && ev_lemma_in(s, how, maybe));
        if (conditional && strcmp(status.status, "denied") != 0 &&
            strcmp(status.status, "negated") != 0)
            status.status = "hypothetical";
        else if (said_of >= 0 && ev_lemma_in(s, said_of, cancelled))
            status.status = "negated";
        else if (!strcmp(status.status, "asserted") && how >= 0 && ev_lemma_in(s, how, planned))
            status.status = "future";
        const char *date = event_date(s, in_clause);
        const dyad_token *t = ev_tok(s, n);
        const char *vt = dyad_doc_strdup(st->doc, st->doc->text + t->start, t->end - t->start);
        if (!vt)
            return false;
        if (locals.code && !add_event(st, s, si, n, code, &locals, &against, &status, date, vt))
            return false;
        for (size_t i = 0; i < (arresting.code ? 1 : ns) && !locals.code; i++) {
            ev_actor a = arresting.code ? arresting : ev_actor_arg(s, srcs[i], st->actors);
            for (size_t j = 0; a.code && j < nt; j++) {
                ev_actor b = ev_actor_arg(s, tgts[j], st->actors);
                /* (two people of one government: "the Queen will comply with the request
                 * of Boris Johnson" is the request of one to the other) */
                if (!b.code || srcs[i].head == tgts[j].head ||
                    (strcmp(a.code, b.code) == 0 && !requested) ||
                    home_trip(s, code, &a, &b)) /* "his visit to Walter Reed Hospital" */
                    continue;
                /* a verb that coded an act between the same two says what happened to
                 * the noun: "lifted the sanctions on Iran" imposes none */
                if (acted && !requested && act_between(st, si, a.code, b.code))
                    continue;
                if (!add_event(st, s, si, n, code, &a, &b, &status, date, vt))
                    return false;
            }
        }
    }
    return true;
}

/* Verbs whose subject undergoes the act. */
static const char *const undergone_verbs[] = {"die", "perish", NULL};

/* Light verbs say force only through their pattern: "was taken into custody", not "was
 * taken to hospital" or "took office". */
static const char *const light_verbs[] = {"take", "get", "give", "make", "have", "put",
                                          "bring", "send", NULL};

/* Whether a verb with no target names an event by its doer alone: only deeds that need
 * none, protests, shows of force, coercion, violence ("rebels attacked"), and through a
 * pattern also yielding and cutting ties ("stepped down", "levied sanctions"). Words,
 * appeals, intentions and cooperation are toward someone: with no one named, "agreed to
 * help", "led one of the studies" and "expressed their anger" are no events, and "took",
 * "served", "claimed" alone are no seizure, cooperation or criticism. */
static bool targetless(const ev_sentence *s, int32_t v, const verb_code *vc)
{
    static const char *const deeds[] = {"14", "15", "17", "18", "19", "20", NULL};
    static const char *const by_pattern[] = {"08", "16", NULL};
    /* "Hamas denied responsibility for the attack", "IS claimed responsibility"; "Japan
     * protested" (a state's complaint, recoded from dissent) */
    if ((vc->match.score > 0 && (!strcmp(vc->code, "015") || !strcmp(vc->code, "016"))) ||
        !strcmp(vc->code, "114"))
        return true;
    /* "called for an investigation", "demanded a ceasefire": a demand of no one named;
     * other verbs' demand patterns ("issued an order", "signed a decree") and a call with
     * an object ("called the race for Biden") need a target */
    static const char *const demand[] = {"10", NULL}, *const demanders[] = {"call", "demand", NULL};
    if (vc->match.score > 0 && (root_in(vc->code, by_pattern) ||
                                (root_in(vc->code, demand) && ev_lemma_in(s, v, demanders) &&
                                 ev_child(s, v, "obj") < 0)))
        return true;
    return (vc->match.score > 0 || !ev_lemma_in(s, v, light_verbs)) && root_in(vc->code, deeds);
}

/* "The attack left two people dead": leaving someone dead kills them (KILL's 190) and
 * leaving them wounded wounds them (182), whatever LEAVE's travel codes say. */
static void left_dead(const ev_sentence *s, int32_t v, verb_code *vc)
{
    static const char *const leave[] = {"leave", NULL}, *const dead[] = {"dead", NULL};
    static const char *const hurt[] = {"injured", "wounded", "injure", "wound", NULL};
    int32_t obj = ev_lemma_in(s, v, leave) ? ev_child(s, v, "obj") : -1;
    if (obj < 0)
        return;
    const char *code = NULL;
    int32_t heads[2] = {obj, v};
    for (int k = 0; k < 2 && !code; k++)
        for (int32_t c = s->first_child[heads[k]]; c >= 0 && !code; c = s->next_sibling[c])
            if ((ev_rel_starts(s, c, "amod") || ev_rel_starts(s, c, "xcomp")) && c > obj)
                code = ev_lemma_in(s, c, dead) ? "190" : ev_lemma_in(s, c, hurt) ? "182" : NULL;
    if (!code)
        return;
    snprintf(vc->code, sizeof vc->code, "%s", code);
    vc->code2[0] = '\0';
    if (vc->match.score < 1)
        vc->match.score = 1; /* the phrase is a pattern of its own */
}

/* Whether sentence si holds a claim, denial or accusation (015, 016, 112) toward b. */
static bool claimed(const stage *st, size_t si, const ev_actor *b)
{
    static const char *const claims[] = {"015", "016", "112", NULL};
    for (size_t i = st->n_events; i-- > 0 && st->events[i].sentence == (int32_t)si;) {
        const dyad_event *e = &st->events[i];
        for (const char *const *c = claims; *c; c++)
            if (strcmp(e->cameo, *c) == 0 && same(e->target.code, b->code))
                return true;
    }
    return false;
}

/* Whether v is people of no state role rallying or gathering, which the dictionary codes
 * as meeting or mobilizing: "thousands of people gathered outside the National
 * Congress", "supporters rallied" demonstrate (141); troops that rally mobilize (150)
 * and leaders that gather consult (040). */
static bool civil_assembly(stage *st, const ev_sentence *s, int32_t v, ev_arg src)
{
    static const char *const assemble[] = {"rally", "gather", "assemble", "mass", NULL};
    static const char *const civil[] = {"CVL", "OPP", "LAB", "EDU", "REL", "PRO", NULL};
    if (!ev_lemma_in(s, v, assemble))
        return false;
    return any_role(ev_actor_arg(s, src, st->actors).code, civil);
}

/* Whether the phrase headed by o names a party by its head: a name, a pronoun, or a
 * noun the dictionary codes ("troops"), not a thing a name qualifies ("Trump 47
 * percent"). */
static bool names_party(stage *st, const ev_sentence *s, int32_t o)
{
    if (!ev_actor_of(s, o, st->actors).code)
        return false;
    const char *u = ev_tok(s, o)->upos;
    if (u && (strcmp(u, "PROPN") == 0 || strcmp(u, "PRON") == 0))
        return true;
    int32_t owner = ev_child(s, o, "nmod:poss"); /* "praised Rwanda's response" */
    if (owner >= 0 && ev_actor_of(s, owner, st->actors).code)
        return true;
    const dyad_token *t = ev_tok(s, o);
    dyad_actor_match m;
    return st->actors &&
           dyad_actor_dict_lookup(st->actors, s->doc->text + t->start, t->end - t->start, 0, &m);
}

/* Whether every target is a place phrase ("in Doha", "at the UN") or what the relation is
 * about ("a war over the Nagorno-Karabakh region"). */
/* Whether the targets are only the subjects' own objects: "Saudi Arabia and Iran agreed
 * to reopen their embassies" (the embassies are each other's, no third party's). */
static bool their_own(const ev_sentence *s, const ev_arg *tgts, size_t nt)
{
    static const char *const their[] = {"their", NULL};
    for (size_t j = 0; j < nt; j++) {
        int32_t p = ev_child(s, tgts[j].head, "nmod:poss");
        if (!ev_rel_starts(s, tgts[j].head, "obj") || p < 0 || !ev_lemma_in(s, p, their))
            return false;
    }
    return nt > 0;
}

static bool only_places(const ev_sentence *s, const ev_arg *tgts, size_t nt)
{
    static const char *const place[] = {"in", "at", "over", "about", NULL};
    for (size_t j = 0; j < nt; j++) {
        int32_t h = tgts[j].head;
        while (h >= 0 && ev_rel_starts(s, h, "conj"))
            h = ev_head(s, h);
        if (h < 0 || !ev_has_case(s, h, place))
            return false;
    }
    return true;
}

/* "The Israeli military said it had killed ...", "police said they arrested": an "it",
 * "they", "he" or "she" nothing resolved, the subject of a clause someone says, is the
 * one who says it, when they agree in number (and person) and the teller is one party. */
static ev_arg teller_for_pronoun(stage *st, const ev_sentence *s, int32_t v, ev_arg src)
{
    static const char *const pronouns[] = {"it", "they", "he", "she", NULL};
    if (!ev_lemma_in(s, src.head, pronouns) || ev_actor_arg(s, src, st->actors).code)
        return src;
    int32_t x = v, cue = ev_head(s, src.head);
    /* "indicated it deplored Libya", parsed as "it" the speech verb's object and the verb
     * its complement, is "indicated (that) it deplored"; "told it to stop" is no such */
    int32_t to = ev_child(s, v, "mark");
    bool content = ev_rel_starts(s, src.head, "obj") && cue >= 0 && cue == ev_head(s, v) &&
                   (ev_rel_starts(s, v, "xcomp") || ev_rel_starts(s, v, "ccomp")) &&
                   (to < 0 || strcmp(s->lower[to], "to") != 0) && ev_lemma_in(s, cue, speech_cues);
    while (!content && x >= 0 && (ev_rel_starts(s, x, "conj") || ev_rel_starts(s, x, "xcomp")))
        x = ev_head(s, x);
    if (!content && (x < 0 || !ev_rel_starts(s, x, "ccomp") ||
                     !ev_lemma_in(s, cue = ev_head(s, x), speech_cues)))
        return src;
    int32_t teller = ev_child(s, cue, "nsubj");
    if (teller < 0 || !ev_actor_of(s, teller, st->actors).code)
        return src;
    /* "Obama and Putin said they will ...": "they" are the coordinated tellers (the
     * caller takes each) */
    if (ev_child(s, teller, "conj") >= 0)
        return strcmp(s->lower[src.head], "they") == 0 ? (ev_arg){teller, -1} : src;
    /* in number with it: "officials said it killed nine" is the fire */
    const char *tx = ev_tok(s, teller)->xpos;
    bool plural = tx && (strcmp(tx, "NNS") == 0 || strcmp(tx, "NNPS") == 0);
    static const char *const collective[] = {"police", NULL};
    /* "he", "she": a person, by name or by office ("The Serbian president said he would
     * not recognize Kosovo") */
    static const char *const offices[] = {
        "president", "minister", "leader", "chancellor", "king", "queen", "premier",
        "spokesman", "spokeswoman", "spokesperson", "secretary", "governor", "mayor",
        "senator", "ambassador", "general", "commander", "envoy", "chief", "emir",
        "prince", "monarch", NULL};
    bool person = strcmp(s->lower[src.head], "he") == 0 || strcmp(s->lower[src.head], "she") == 0;
    if (person)
        return !plural && (person_mention(s, teller) || ev_lemma_in(s, teller, offices))
                   ? (ev_arg){teller, -1}
                   : src;
    if (strcmp(s->lower[src.head], "it") == 0 ? plural || ev_lemma_in(s, teller, collective)
                                              : !plural && !ev_lemma_in(s, teller, collective))
        return src;
    return (ev_arg){teller, -1};
}

/* Whether a visit (042, 043, 036) from a to b stays at home: "Harris visited the
 * state", "flew to Moscow" said of a Russian, "politicians visited the hospital" (a
 * place of one's own country is no party visited; its people are: "demonstrators
 * received ministers"), or is a private journey. */
static bool home_trip(const ev_sentence *s, const char *code, const ev_actor *a,
                      const ev_actor *b)
{
    bool host = strcmp(code, "043") == 0;
    if (!host && strcmp(code, "042") != 0 && strcmp(code, "036") != 0)
        return false;
    const ev_actor *place = host ? a : b, *visitor = host ? b : a;
    /* nor is a journey of people of no office: "two people who returned from Italy" */
    const char *vu = visitor->head >= 0 ? ev_tok(s, visitor->head)->upos : NULL;
    if (strlen(visitor->code) == 6 && strcmp(visitor->code + 3, "CVL") == 0 && vu &&
        strcmp(vu, "NOUN") == 0)
        return true;
    bool unknown = strncmp(place->code, "---", 3) == 0; /* "the hospital" of no story */
    if (strncmp(a->code, b->code, 3) != 0 && !unknown)
        return false;
    if (!unknown && (strlen(b->code) == 3 || strlen(a->code) == 3))
        return true;
    static const char *const places[] = {
        "hospital", "clinic", "school", "university", "campus", "cemetery", "graveyard",
        "memorial", "state", "city", "town", "village", "region", "province", "district",
        "area", "site", "prison", "jail", "base", "camp", "plant", "factory", "hotel",
        "church", "mosque", "temple", "synagogue", "museum", "border", "capital", NULL};
    /* 043's host is its source; "a cemetery of U.S. soldiers" is the cemetery */
    static const char *const of[] = {"of", NULL};
    int32_t h = place->head;
    /* (a named place at home too: "on his way to West Point", the academy) */
    if (!unknown && h >= 0 && ev_mention_typed(s, h, "place"))
        return true;
    if (h >= 0 && ev_rel_starts(s, h, "nmod") && ev_has_case(s, h, of))
        h = ev_head(s, h);
    return h >= 0 && ev_lemma_in(s, h, places);
}

/* Whether t is in a "between" phrase on obj ("deals between Israel and Bahrain"). */
static bool between_of(const ev_sentence *s, int32_t obj, int32_t t)
{
    static const char *const between[] = {"between", "among", "amongst", NULL};
    for (int depth = 0; obj >= 0 && t >= 0 && t != obj && depth < 6; depth++) {
        if (ev_head(s, t) == obj && ev_has_case(s, t, between))
            return true;
        t = ev_head(s, t);
    }
    return false;
}

/* Whether t is a party of the relation object obj names between others ("announced deals
 * between Israel and Bahrain"): the relation is theirs, which the noun codes; the subject
 * only tells of it (01) or takes no part in it (06). Who mediates it ("brokered a
 * ceasefire between") or welcomes or condemns it acts toward its parties. */
static bool party_between(const ev_sentence *s, const verb_code *vc, int32_t obj, int32_t t)
{
    static const char *const told[] = {"01", "06", NULL};
    return root_in(vc->code, told) && between_of(s, obj, t);
}

/* Whether t is what a yielded bid was for, or the bid itself, one's own: "ended his bid
 * for the Democratic Party's nomination", "was ending her presidential bid" yield to no
 * party. */
static bool yielded_goal(const ev_sentence *s, const verb_code *vc, int32_t obj, int32_t t)
{
    static const char *const for_case[] = {"for", NULL};
    if (obj < 0 || strncmp(vc->code, "08", 2) != 0)
        return false;
    int32_t owner = ev_child(s, obj, "nmod:poss");
    const char *u = owner >= 0 ? ev_tok(s, owner)->upos : NULL;
    const char *tx = ev_tok(s, t)->xpos; /* "her" the parse made an indirect object */
    if (((t == obj || t == owner) && u && strcmp(u, "PRON") == 0) || (tx && !strcmp(tx, "PRP$")))
        return true;
    return ev_head(s, t) == obj && ev_has_case(s, t, for_case);
}

/* Whether code names people of no state or armed role: civilians, criminals, business,
 * schools, the press. */
static bool private_party(const char *code)
{
    static const char *const private[] = {"CVL", "CRM", "BUS", "EDU", "JRN", "MED", NULL};
    return any_role(code, private);
}

/* Whether t is the sources' own armed forces or police, which a mobilization (15) puts
 * on alert or deploys and a de-escalation (087) pulls back: "ordered heightened alert
 * from troops", "agreed to disengage troops" are aimed at no one named. */
static bool own_forces(stage *st, const ev_sentence *s, const verb_code *vc, const ev_arg *srcs,
                       size_t ns, ev_arg t)
{
    static const char *const forces[] = {"MIL", "COP", NULL};
    bool pullback = strncmp(vc->code, "087", 3) == 0;
    const char *b = strncmp(vc->code, "15", 2) == 0 || pullback
                        ? ev_actor_arg(s, t, st->actors).code
                        : NULL;
    bool armed = any_role(b, forces);
    if (armed && pullback && strncmp(b, "---", 3) == 0 && ev_rel_starts(s, t.head, "obj"))
        return true; /* troops of no country it pulls back are the subject's own */
    for (size_t i = 0; armed && i < ns; i++) {
        const char *a = ev_actor_arg(s, srcs[i], st->actors).code;
        if (a && strncmp(a, b, 3) == 0 && strncmp(a, "---", 3) != 0)
            return true;
    }
    return false;
}

/* Whether v concedes, disputes or warns with a "that" clause, whose actors it is about:
 * "Gollum allowed that Mordor isn't a pleasant place", "Biden argued that Trump had no
 * plan", "warned that Biden could destroy the growth" (what one pledges, hints or
 * prefers is no act toward those named in it). */
static bool that_clause(const ev_sentence *s, int32_t v, const verb_code *vc)
{
    static const char *const toward[] = {"08", "11", "12", "13", NULL};
    /* a claim that someone did something accuses them (claim_or_accusation) */
    static const char *const claims[] = {"claim", "allege", NULL};
    if (!root_in(vc->code, toward) || ev_lemma_in(s, v, claims))
        return false;
    int32_t c = ev_child(s, v, "ccomp");
    int32_t mark = c >= 0 ? ev_child(s, c, "mark") : -1;
    /* "warned it would take countermeasures against South Korea": a warning of what one
     * will do needs no "that" */
    static const char *const threats[] = {"13", NULL}, *const will[] = {"will", "would", NULL};
    int32_t aux = c >= 0 ? ev_child(s, c, "aux") : -1;
    if (mark < 0 && aux >= 0 && root_in(vc->code, threats) && ev_lemma_in(s, aux, will))
        return true;
    return mark >= 0 && strcmp(s->lower[mark], "that") == 0;
}

/* Whether t is one of the places between which force's object stands: "stormed the
 * border fence between Morocco and the Spanish enclave of Ceuta" is done to neither
 * ("mediated a peace between" and "talks between" name parties: no force). */
static bool between_places(const ev_sentence *s, const verb_code *vc, int32_t obj, int32_t t)
{
    return forceful(vc->code) && between_of(s, obj, t);
}

/* Whether t is whom a protest (14) supports, not protests against: "rallied in Washington
 * in support of President Trump to protest the results". */
static bool protested_for(const ev_sentence *s, const verb_code *vc, int32_t v, int32_t t)
{
    static const char *const support[] = {"support", "favor", "favour", "behalf", "solidarity",
                                          "defence", "defense", NULL};
    if (strncmp(vc->code, "14", 2) != 0)
        return false;
    for (int depth = 0; t >= 0 && t != v && depth < 6; depth++, t = ev_head(s, t))
        if (ev_lemma_in(s, t, support))
            return true;
    return false;
}

/* "rallied in the capital", "marched at the city hall": where a protest is held is no
 * target, though the dictionaries make a capital its government. */
static bool protest_site(const ev_sentence *s, const verb_code *vc, int32_t t)
{
    static const char *const sites[] = {"capital", "city", "town", "square", "street",
                                        "hall", "plaza", NULL};
    static const char *const at[] = {"in", "at", "on", "through", NULL};
    return strncmp(vc->code, "14", 2) == 0 && ev_lemma_in(s, t, sites) && ev_has_case(s, t, at);
}

/* Whether any of args names a coded actor. */
static bool any_coded(stage *st, const ev_sentence *s, const ev_arg *args, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ev_actor_arg(s, args[i], st->actors).code)
            return true;
    return false;
}

/* Whether one actor mention spans both a and b, or both their head words: a title and
 * its name split by the parse ("on Sunday Presidents | Muhammadu Buhari of Nigeria"). */
static bool one_mention(const ev_sentence *s, const ev_actor *a, const ev_actor *b)
{
    const dyad_doc *doc = s->doc;
    uint32_t ah = a->head >= 0 ? ev_tok(s, a->head)->start : a->start;
    uint32_t bh = b->head >= 0 ? ev_tok(s, b->head)->start : b->start;
    for (size_t i = s->mention_first; i < s->mention_end; i++) {
        const dyad_mention *m = &doc->actors[i];
        if ((m->start <= a->start && a->end <= m->end && m->start <= b->start && b->end <= m->end) ||
            (m->start <= ah && ah < m->end && m->start <= bh && bh < m->end))
            return true;
    }
    return false;
}

/* The index of the first mention of whoever the mention spanning a's head word refers
 * to (a pronoun or a short name leads to its antecedent); -1 where no mention spans it. */
static int32_t referent(const ev_sentence *s, const ev_actor *a)
{
    uint32_t at = a->head >= 0 ? ev_tok(s, a->head)->start : a->start;
    for (size_t i = s->mention_first; i < s->mention_end; i++) {
        const dyad_mention *m = &s->doc->actors[i];
        if (m->start <= at && at < m->end) {
            int32_t r = (int32_t)i;
            for (int hops = 0; s->doc->actors[r].antecedent >= 0 && hops < 8; hops++)
                r = s->doc->actors[r].antecedent;
            return r;
        }
    }
    return -1;
}

/* "Trump repeated his claim": one person is no party to an act on himself. */
static bool same_referent(const ev_sentence *s, const ev_actor *a, const ev_actor *b)
{
    int32_t ra = referent(s, a);
    return ra >= 0 && ra == referent(s, b);
}

/* Whether noun n names a doer of its own: an owner, or a "from" or "by" phrase. */
static bool own_doer(const ev_sentence *s, int32_t n)
{
    static const char *const from_by[] = {"from", "by", NULL};
    for (int32_t c = s->first_child[n]; c >= 0; c = s->next_sibling[c])
        if (ev_rel_starts(s, c, "nmod:poss") ||
            (ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, from_by)))
            return true;
    return false;
}

/* Whether token c is a compound that names a country itself, not a city ("US strikes",
 * not "a Kabul car bombing"). */
static bool country_name(const ev_sentence *s, int32_t c)
{
    dyad_actor_match m;
    const dyad_token *t = ev_tok(s, c);
    return ev_rel_starts(s, c, "compound") && t->upos && !strcmp(t->upos, "PROPN") &&
           ev_actor_lookup(s, s->actors, t->start, t->end, &m) && strlen(m.code) == 3 &&
           !(m.via & DYAD_ACTOR_VIA_METONYMY) && strcmp(m.code, "---") != 0;
}

/* Whether noun n is said to be a country's by an adjective, an owner or its name ("Russian
 * shelling", "Israel's strikes", "US strikes"), not where it happened ("a Kabul car
 * bombing"). */
static bool country_hand(const ev_sentence *s, int32_t n)
{
    for (int32_t c = s->first_child[n]; c >= 0; c = s->next_sibling[c])
        if ((ev_rel_starts(s, c, "amod") && ev_tok(s, c)->upos &&
             !strcmp(ev_tok(s, c)->upos, "ADJ")) ||
            ev_rel_starts(s, c, "nmod:poss") || country_name(s, c))
            return true;
    return false;
}

static void remember(stage *st, ev_deed d)
{
    if (st->n_deeds == EV_DEEDS)
        memmove(st->deeds, st->deeds + 1, --st->n_deeds * sizeof *st->deeds);
    st->deeds[st->n_deeds++] = d;
}

/* Remembers the acts sentence si told and who did them, so that a later "the attack" or
 * "the perpetrators" names the doers of violence told as done, and "the move" or "the
 * decision" the doer of a step told, done or coming: the coded events, and the step
 * nouns whose phrase names their doer ("a move by Johnson", "Russia's decision"). */
static void remember_deeds(stage *st, const ev_sentence *s, size_t si)
{
    size_t first = st->n_events;
    while (first > 0 && st->events[first - 1].sentence == (int32_t)si)
        first--;
    for (size_t i = first; i < st->n_events; i++) {
        const dyad_event *e = &st->events[i];
        bool told = strcmp(e->status, "asserted") == 0 || strcmp(e->status, "reported") == 0;
        bool violent = violent_code(e->cameo);
        if ((!told && (violent || strcmp(e->status, "future") != 0)) || !e->source.code ||
            e->source.implicit || strncmp(e->cameo, "01", 2) == 0) /* words are no step */
            continue;
        remember(st, (ev_deed){e->verb, e->source.code, si, violent});
    }
    static const char *const by[] = {"by", NULL};
    for (int32_t n = 0; n < (int32_t)s->count; n++) {
        const char *u = ev_tok(s, n)->upos, *doer = NULL;
        bool verb = u && strcmp(u, "VERB") == 0;
        if (!verb && (!u || strcmp(u, "NOUN") != 0 || !ev_lemma_in(s, n, ev_step_nouns)))
            continue; /* the cheap test first: every token */
        if (verb && (st->acted[n] & 1))
            continue; /* remembered above as the event it coded ("fired rubber bullets" is
                       * force, no decision) */
        /* "decided to ban", "the government announced a ban": the step of the subject */
        int32_t subj = verb ? ev_child(s, n, "nsubj")
                       : ev_rel_starts(s, n, "obj") ? ev_child(s, ev_head(s, n), "nsubj")
                                                    : -1;
        if (subj >= 0 && ev_child(s, n, "nsubj:pass") < 0)
            doer = ev_actor_of(s, subj, st->actors).code;
        for (int32_t c = s->first_child[n]; c >= 0 && !verb; c = s->next_sibling[c])
            if ((ev_rel_starts(s, c, "nmod:poss") && c < n) ||
                (ev_rel_starts(s, c, "nmod") && ev_has_case(s, c, by)))
                doer = ev_actor_of(s, c, st->actors).code; /* "a move by Johnson" */
        if (doer && !ev_lemma_in(s, n, speech_cues))
            remember(st, (ev_deed){s->lemma[n], doer, si, false});
    }
}

static bool code_sentence(stage *st, size_t si, ev_context *pre, ev_context *post,
                          uint8_t *in_clause)
{
    ev_sentence s;
    if (!ev_sentence_init(&s, st->doc, si))
        return false;
    s.country = st->country;
    s.dict = st->dict;
    s.actors = st->actors;
    s.deeds = st->deeds;
    s.n_deeds = st->n_deeds;
    if (ev_discarded(st->dict, &s))
        return true;
    memset(st->acted, 0, s.count);
    for (int32_t v = 0; v < (int32_t)s.count; v++) {
        const char *u = ev_tok(&s, v)->upos;
        if (!u || strcmp(u, "VERB") != 0)
            continue;
        /* a verb heading a fixed expression is a preposition: "according to" */
        if (ev_child(&s, v, "fixed") >= 0)
            continue;
        if (!ev_clause(&s, v, pre, post, in_clause))
            return false;
        verb_code vc = code_verb(st, &s, v, pre, post);
        left_dead(&s, v, &vc);
        characterization(st, &s, v, &vc);
        citation(st, &s, v, &vc);
        evaluation(st, &s, v, &vc);
        urging(&s, v, &vc);
        time_to(st, &s, v, &vc);
        advice(st, &s, v, &vc);
        cutting_ties(st, &s, v, &vc);
        embassy_host(st, &s, v, &vc);
        dropping_out(&s, v, &vc);
        defeated_person(&s, v, &vc);
        no_confidence(st, &s, v, &vc);
        protest_to(st, &s, v, &vc);
        resignation_asked(&s, v, &vc);
        mandate(st, &s, v, &vc);
        compulsion(st, &s, v, &vc);
        receiving(st, &s, v, &vc);
        leaving_body(st, &s, v, &vc);
        official_trip(st, &s, v, &vc);
        readying_force(st, &s, v, &vc);
        force_not_ruled_out(st, &s, v, &vc);
        releasing_record(&s, v, &vc);
        control_of_thing(st, &s, v, &vc);
        int32_t intent = compose(st, &s, v, &vc);
        /* "[:030]": "received assurances from Gondor" is Gondor's act toward the subject */
        bool reversed = strcmp(vc.code, "---") == 0 && vc.match.score > 0 && vc.code2[0] &&
                        strcmp(vc.code2, "---") != 0;
        if (reversed) {
            memcpy(vc.code, vc.code2, sizeof vc.code);
            vc.code2[0] = '\0';
        }
        if (!vc.code[0] || strcmp(vc.code, "---") == 0)
            continue;
        /* "a doctor based in Martinsville": where someone is, no act */
        static const char *const located[] = {"base", "locate", "situate", "headquarter", NULL};
        if (ev_lemma_in(&s, v, located) && ev_rel_starts(&s, v, "acl"))
            continue;
        /* whoever "died" suffered the act: only a pattern ("died in clashes") codes it */
        if (vc.match.score <= 0 && ev_lemma_in(&s, v, undergone_verbs))
            continue;
        /* "she was devastated", "Tipton was shocked": a person's feeling, with no doer
         * ("the town was devastated" may still be destruction) */
        static const char *const feelings[] = {"devastate", "shock", "stun", "shatter",
                                               "horrify", "upset", "overwhelm", NULL};
        int32_t felt = ev_child(&s, v, "nsubj:pass");
        if (felt >= 0 && ev_lemma_in(&s, v, feelings) && ev_child(&s, v, "obl:agent") < 0 &&
            ((ev_tok(&s, felt)->upos && strcmp(ev_tok(&s, felt)->upos, "PRON") == 0) ||
             person_mention(&s, felt)))
            continue;
        /* "the population exploded", "protesters exploded with anger": what explodes with
         * nothing exploded by it is the thing that burst, no doer (a bomb that exploded
         * near a convoy has no source the sentence names) */
        static const char *const burst[] = {"explode", "detonate", NULL};
        if (ev_lemma_in(&s, v, burst) && vc.match.score <= 0 && ev_child(&s, v, "obj") < 0 &&
            ev_child(&s, v, "nsubj:pass") < 0)
            continue;
        /* "a man wanted by police", "was wanted for murder": sought for arrest, no wish to
         * cooperate (WANT's 030) */
        static const char *const wanted[] = {"want", NULL};
        if (ev_lemma_in(&s, v, wanted) && ev_tok(&s, v)->xpos &&
            strcmp(ev_tok(&s, v)->xpos, "VBN") == 0 && ev_child(&s, v, "xcomp") < 0 &&
            (ev_rel_starts(&s, v, "acl") || ev_child(&s, v, "nsubj:pass") >= 0))
            continue;
        int32_t obj = ev_child(&s, v, "obj");
        /* "Putin ordered strikes on Kyiv", "approved the attacks on the embassy": whoever
         * orders force uses it, the noun's act (ev_nominal_roles), no demand or yielding */
        static const char *const directing[] = {"order", "approve", "authorize", "authorise",
                                                 "direct", NULL};
        const char *ordered_code;
        if (obj >= 0 && ev_lemma_in(&s, v, directing) && ev_tok(&s, obj)->upos &&
            strcmp(ev_tok(&s, obj)->upos, "NOUN") == 0 && event_noun(st, &s, obj, &ordered_code) &&
            (strncmp(ordered_code, "18", 2) == 0 || strncmp(ordered_code, "19", 2) == 0 ||
             strncmp(ordered_code, "20", 2) == 0))
            continue;
        if (dismissal(st, &s, v, obj)) /* "fired the prosecutor" is no shooting */
            continue;
        /* "troops entered Kazakhstan at the invitation of its president": no invasion (the
         * invitation is the event, code_nouns) */
        bool invited = false;
        for (int32_t c = s.first_child[v]; c >= 0 && !invited; c = s.next_sibling[c])
            invited = asked_for(&s, c);
        if (invited && strncmp(vc.code, "19", 2) == 0)
            continue;
        if (document_acts(st, &s, v, obj))
            continue;
        /* "faced condemnation from Arab states": the noun says what was drawn, from whom
         * (drawn_from); facing or drawing it is no meeting */
        static const char *const drawing[] = {"draw", "face", "receive", "attract", "earn",
                                              NULL};
        const char *drawn_code;
        if (obj >= 0 && vc.match.score <= 0 && ev_lemma_in(&s, v, drawing) &&
            event_noun(st, &s, obj, &drawn_code))
            continue;
        if (vc.match.score <= 0 && strncmp(vc.code, "02", 2) == 0 && surmise(&s, v))
            continue; /* "suggested Cohen may have edited the footage" appeals to no one */
        /* "aftershocks increased the death toll from five people to six", "raised the
         * number of dead": a count changed is no act toward those counted */
        static const char *const counts[] = {"toll", "count", "total", "tally", NULL};
        static const char *const number[] = {"number", NULL}, *const the[] = {"the", NULL};
        int32_t det = obj >= 0 ? ev_child(&s, obj, "det") : -1;
        if (vc.match.score <= 0 && obj >= 0 &&
            (ev_lemma_in(&s, obj, counts) || /* not "banned a number of players" */
             (ev_lemma_in(&s, obj, number) && det >= 0 && ev_lemma_in(&s, det, the))))
            continue;
        /* "fought a war", "waged an insurgency": the fighting itself */
        static const char *const wars[] = {"war", "battle", "fight", "conflict", "insurgency",
                                           "struggle", "skirmish", "clash", "campaign",
                                           "terrorism", "terror", "militancy", "rebellion",
                                           NULL};
        /* "bested that performance", "crushed their hopes": violence on an abstract thing
         * (coercion of one is real: "outlawed the death penalty", and so is taking
         * control or power: "seeks to retake control") */
        /* (and so is fighting "against" one with no object: "fighting against bigotry",
         * "the fight against corruption" is no war) */
        static const char *const against[] = {"against", NULL};
        int32_t aimed = obj;
        for (int32_t c = s.first_child[v]; c >= 0 && aimed < 0; c = s.next_sibling[c])
            if (ev_rel_starts(&s, c, "obl") && ev_has_case(&s, c, against))
                aimed = c;
        if (vc.match.score <= 0 && forceful(vc.code) && strncmp(vc.code, "17", 2) != 0 &&
            strcmp(vc.code, "192") != 0 &&
            aimed >= 0 && ev_child(&s, v, "nsubj:pass") < 0 && ev_tok(&s, aimed)->upos &&
            strcmp(ev_tok(&s, aimed)->upos, "NOUN") == 0 &&
            !ev_actor_of(&s, aimed, st->actors).code &&
            ev_abstract_noun(st->dict, s.lemma[aimed]) && !ev_lemma_in(&s, aimed, wars) &&
            !event_noun(st, &s, aimed, &(const char *){NULL}))
            continue;
        /* a light verb means its default act only with what it acts on, and that an actor:
         * "took Crimea", not "took to social media", "took place" or "took office" */
        if (vc.match.score <= 0 && ev_lemma_in(&s, v, light_verbs) &&
            (obj < 0 ? ev_child(&s, v, "nsubj:pass") < 0 : !ev_actor_of(&s, obj, st->actors).code))
            continue;
        /* "plans to invade": the verb it governs says what happens, this one how likely;
         * but a threat is an act of its own ("threatened to use nuclear weapons") */
        static const char *const threat[] = {"13", NULL};
        /* "continued to attack Trump": a verb of phase is the act it governs, whatever its
         * patterns read off that verb's words ("- * ATTACKS" of CONTINUE) */
        static const char *const phase[] = {"continue", "keep", "resume", "begin", "start",
                                            "persist", "proceed", NULL};
        if (((vc.match.score <= 0 || ev_lemma_in(&s, v, phase)) && !root_in(vc.code, threat) &&
             governs_coded_verb(st, &s, v)) ||
            composed_below(st, &s, v) || sums_with_governed(st, &s, v, &vc))
            continue;
        /* a generic statement ("said") is an event only about the actors of what was said,
         * unless PETRARCH's own reading is asked for */
        bool statement = strcmp(vc.code, "010") == 0;
        ev_arg srcs[MAX_ACTORS], tgts[MAX_ACTORS];
        size_t ns, nt;
        if (vc.match.source >= 0) {
            srcs[0] = (ev_arg){vc.match.source, -1};
            ns = 1;
        } else {
            ns = ev_sources(&s, v, srcs, MAX_ACTORS);
        }
        int32_t pronoun = ns == 1 ? srcs[0].head : -1;
        for (size_t i = 0; i < ns; i++)
            srcs[i] = teller_for_pronoun(st, &s, v, srcs[i]);
        if (pronoun >= 0 && srcs[0].head != pronoun && ev_child(&s, srcs[0].head, "conj") >= 0)
            ns = ev_with_conjuncts(&s, srcs[0].head, srcs, 0, MAX_ACTORS);
        static const char *const meet_or_mobilize[] = {"04", "15", NULL};
        if (ns && root_in(vc.code, meet_or_mobilize) && civil_assembly(st, &s, v, srcs[0])) {
            snprintf(vc.code, sizeof vc.code, "141");
            vc.code2[0] = '\0';
        }
        /* a "(TO)" phrase holds the target only when no object names one: "welcomed
         * Trump to Paris" welcomes Trump; but a trip's target is where it goes ("led
         * Trump 47 percent to 40" is no visit to Trump) */
        if ((vc.match.governed || vc.match.no_target) && obj >= 0 && names_party(st, &s, obj) &&
            strcmp(vc.code, "042") != 0) {
            vc.match.target = vc.match.governed ? -1 : vc.match.target;
            vc.match.governed = vc.match.no_target = false;
        }
        /* "amassed troops near the border": a pattern's object sent or massed is one's own */
        if (vc.match.target >= 0 && vc.match.target == obj && ev_dispatch_verb(&s, v))
            vc.match.target = -1;
        if (vc.match.target >= 0) {
            tgts[0] = (ev_arg){vc.match.target, -1};
            nt = vc.match.governed ? ev_with_conjuncts(&s, vc.match.target, tgts, 0, MAX_ACTORS) : 1;
        } else if (vc.match.no_target) {
            nt = 0;
        } else if (statement && !st->dict->keep_statements) {
            nt = ev_content_targets(&s, v, tgts, MAX_ACTORS, st->actors);
        } else {
            /* "warned Gondor about the Prince": a warning threatens whom it is about */
            static const char *const about[] = {"about", NULL};
            static const char *const warn[] = {"warn", NULL};
            nt = strncmp(vc.code, "13", 2) == 0 && ev_lemma_in(&s, v, warn)
                     ? ev_oblique_targets(&s, v, about, tgts, MAX_ACTORS, st->actors)
                     : 0;
            if (!nt)
                nt = ev_targets(&s, v, tgts, MAX_ACTORS, st->actors);
            /* "warned of consequences if the United States sells weapons": a threat is
             * toward whom its condition names */
            static const char *const conditions[] = {"if", "unless", NULL};
            for (int32_t c = s.first_child[v]; !nt && strncmp(vc.code, "13", 2) == 0 && c >= 0;
                 c = s.next_sibling[c]) {
                int32_t cm = ev_rel_starts(&s, c, "advcl") ? ev_child(&s, c, "mark") : -1;
                int32_t cs = cm >= 0 && ev_lemma_in(&s, cm, conditions) ? ev_child(&s, c, "nsubj")
                                                                           : -1;
                if (cs >= 0 && ev_actor_of(&s, cs, st->actors).code)
                    nt = ev_with_conjuncts(&s, cs, tgts, 0, MAX_ACTORS);
            }
            bool that = !nt && that_clause(&s, v, &vc);
            /* "warned it would take countermeasures against South Korea", "warned that
             * Turkey could block Sweden's bid": a threat is toward whom the threatened act
             * is, its subject being the threatener's side; else toward that subject
             * ("warned that the US would pay a price") */
            if (that && strncmp(vc.code, "13", 2) == 0) {
                int32_t said = ev_child(&s, v, "ccomp");
                nt = ev_targets(&s, said, tgts, MAX_ACTORS, st->actors);
                /* "warned that famine was spreading in Gaza": a warning of how things
                 * stand, whose subject is no actor, threatens no one; it is a statement */
                int32_t what = ev_child(&s, said, "nsubj");
                if (what < 0)
                    what = ev_child(&s, said, "nsubj:pass");
                const char *wu = what >= 0 ? ev_tok(&s, what)->upos : NULL;
                /* nor one of another's act it foresees: "warned that an Indian military
                 * strike was imminent" */
                const char *act = NULL;
                bool foreseen = wu && strcmp(wu, "NOUN") == 0 &&
                                event_noun(st, &s, what, &act) && forceful(act);
                if (vc.match.score <= 0 && wu && strcmp(wu, "PRON") != 0 &&
                    (foreseen || !ev_actor_of(&s, what, st->actors).code))
                    recode(&vc, "010", NULL, -1);
            }
            if (!nt && (strncmp(vc.code, "01", 2) == 0 || that) && !statement)
                nt = ev_content_targets(&s, v, tgts, MAX_ACTORS, st->actors);
        }
        for (size_t j = 0; j < nt;) /* what a yielded bid was for is no target, */
            if (yielded_goal(&s, &vc, obj, tgts[j].head) ||
                own_forces(st, &s, &vc, srcs, ns, tgts[j]) || /* nor one's own alerted forces, */
                protested_for(&s, &vc, v, tgts[j].head) ||   /* nor whom a protest supports, */
                protest_site(&s, &vc, tgts[j].head) ||       /* nor where it is held, */
                between_places(&s, &vc, obj, tgts[j].head))  /* nor where a thing stands */
                tgts[j] = tgts[--nt];
            else
                j++;
        /* "Russia and Ukraine exchanged 90 prisoners", "traded fire": what is swapped
         * passes between the subjects, toward each other, or with whom it is swapped; it is
         * no party itself */
        static const char *const swaps[] = {"exchange", "swap", "trade", NULL};
        if (obj >= 0 && ev_lemma_in(&s, v, swaps)) {
            static const char *const with[] = {"with", NULL};
            for (size_t j = 0; j < nt;)
                if (tgts[j].head == obj)
                    tgts[j] = tgts[--nt];
                else
                    j++;
            if (!nt)
                nt = ev_oblique_targets(&s, v, with, tgts, MAX_ACTORS, st->actors);
        }
        /* "hosted a summit on Ukraine", "held talks about Syria": what a meeting is about
         * is no party to it */
        static const char *const meetings[] = {"04", NULL};
        static const char *const topic[] = {"on", "about", "over", "regarding", NULL};
        /* (what is discussed is all topic: "discuss the wildfires in the state") */
        static const char *const discussing[] = {"discuss", "debate", NULL};
        int32_t topic_lo = obj, topic_hi = obj;
        if (obj >= 0 && ev_lemma_in(&s, v, discussing))
            ev_subtree(&s, obj, &topic_lo, &topic_hi);
        else
            topic_lo = 1, topic_hi = 0;
        for (size_t j = 0; root_in(vc.code, meetings) && j < nt;)
            if (((ev_head(&s, tgts[j].head) == obj || ev_head(&s, tgts[j].head) == v) &&
                 (ev_rel_starts(&s, tgts[j].head, "nmod") ||
                  ev_rel_starts(&s, tgts[j].head, "obl")) &&
                 ev_has_case(&s, tgts[j].head, topic)) ||
                (tgts[j].head >= topic_lo && tgts[j].head <= topic_hi))
                tgts[j] = tgts[--nt];
            else
                j++;
        /* "Israel and Hezbollah agreed to a ceasefire brokered by the United States": who
         * brought two sides together is no side (as "memos sent by Bree" are Bree's) */
        for (size_t j = 0; ns > 1 && j < nt;) {
            int32_t k = tgts[j].head; /* "by the United States and France" */
            while (ev_rel_starts(&s, k, "conj") && ev_head(&s, k) >= 0)
                k = ev_head(&s, k);
            const char *rel = ev_tok(&s, k)->deprel;
            int32_t by = ev_head(&s, k);
            if (rel && !strcmp(rel, "obl:agent") && by >= 0 && ev_rel_starts(&s, by, "acl") &&
                reciprocal(&s, v, vc.code))
                tgts[j] = tgts[--nt];
            else
                j++;
        }
        /* "Gondor and Osgiliath renewed ties": the members act toward each other, also
         * where a relational object says so beside a place ("began peace talks in
         * Doha"); "X and Y will meet in Zurich" meets in Zurich, as PETRARCH codes it */
        bool mutual = ((nt == 0 ||
                        ((only_places(&s, tgts, nt) || their_own(&s, tgts, nt)) &&
                         relational_object(&s, v))) &&
                       ns > 1 && strncmp(vc.code, "01", 2) != 0 && reciprocal(&s, v, vc.code)) ||
                      (ns > 1 && ev_lemma_in(&s, v, swaps) && vc.match.score > 0) ||
                      (ns > 1 && says_each_other(&s, v)); /* "expelled each other's diplomats" */
        if (mutual) {
            memcpy(tgts, srcs, ns * sizeof *srcs);
            nt = ns;
        }
        /* "was stabbed", "were arrested in Jakarta", "a car bomb killed ten": force has a
         * doer even unnamed */
        if (!any_coded(st, &s, srcs, ns) && forceful(vc.code))
            ns = 0;
        /* "Rebels took over the town, killing five soldiers": force in a gerund clause on
         * someone is done by the governing verb's subject, unless that verb coded the act
         * already ("stormed the town, killing five" is one attack; an arrest after it is
         * another act: "seized the broadcaster, placing Mugabe under house arrest") */
        int32_t gerund = gerund_clause(&s, v);
        int32_t governor = gerund >= 0 ? ev_head(&s, gerund) : -1;
        /* "the military said Russian forces shelled Kherson, killing two civilians": hung
         * on the verb of saying, the participle goes with what was said */
        if (governor >= 0 && ev_lemma_in(&s, governor, speech_cues) &&
            ev_child(&s, governor, "ccomp") >= 0)
            governor = ev_child(&s, governor, "ccomp");
        /* (a governor that coded force already leaves the clause only other victims:
         * "raided the Jenin refugee camp, killing three Palestinians") */
        const char *victims = obj >= 0 ? ev_actor_of(&s, obj, st->actors).code : NULL;
        bool force_on_someone = forceful(vc.code) && victims &&
                                (!st->acted[governor < 0 ? v : governor] ||
                                 strncmp(vc.code, "17", 2) == 0 ||
                                 !targeted_before(st, si, victims));
        /* so is an appeal, demand, accusation, rejection, threat, protest or sanction
         * toward someone the clause names as its object or the pattern as its target
         * ("addressed reporters, calling for the government to resign", "criticized the
         * move, accusing Trump of ..."); weaker verbs say how, not what ("seeking a
         * seat", "joining the race") */
        static const char *const pressing[] = {"02", "10", "11", "12", "13", "14", "16", NULL};
        int32_t iobj = ev_child(&s, v, "iobj");
        bool named = (obj >= 0 && ev_actor_of(&s, obj, st->actors).code) ||
                     (iobj >= 0 && ev_actor_of(&s, iobj, st->actors).code);
        bool act_toward = root_in(vc.code, pressing) && nt > 0 && (vc.match.score > 0 || named);
        /* (what a crash kills is no one's act: "a bomber crashed, killing seven") */
        if (governor >= 0 && !any_coded(st, &s, srcs, ns) && (force_on_someone || act_toward) &&
            !ev_lemma_in(&s, governor, ev_mishaps)) {
            ns = ev_sources(&s, governor, srcs, MAX_ACTORS);
            ns = any_coded(st, &s, srcs, ns) ? ns : 0;
        }
        ev_actor unnamed = {.code = NULL, .head = -1};
        if (!ns && !(forceful(vc.code) && (vc.match.score > 0 || !ev_lemma_in(&s, v, light_verbs)) &&
                     implicit_source(st, &s, v, tgts, nt, &unnamed)))
            continue;
        status_info status = event_status(&s, v, vc.match.negation);
        /* "said Uganda had violated the agreement": a statement links what it says */
        if (status.quote < 0 && ev_lemma_in(&s, v, speech_cues))
            status.quote = quote_cued_by(s.doc, s.first + (uint32_t)v);
        /* an intent has its verb's modality: "wants to help" is no hypothesis of wanting */
        if (intent >= 0 && strcmp(status.status, "denied") != 0)
            status.status = event_status(&s, intent, false).status;
        const char *date = event_date(&s, in_clause);
        const char *vt = verb_text(st, &s, v, post, &vc);
        uint32_t from = intent >= 0 ? ev_tok(&s, intent)->start : ev_tok(&s, v)->start;
        if (vt && from < ev_tok(&s, v)->start) /* the intent and its act: "pledged to support" */
            vt = dyad_doc_strdup(st->doc, st->doc->text + from,
                                 ev_tok(&s, v)->start + strlen(vt) - from);
        if (!vt)
            return false;
        /* a participle clause is dated by the clause it hangs on ("On Wednesday the army
         * seized ..., placing Mugabe under arrest"); the contexts are not read after this */
        if (date == s.doc->date && gerund >= 0) {
            if (!ev_clause(&s, ev_head(&s, gerund), pre, post, in_clause))
                return false;
            date = event_date(&s, in_clause);
        }
        bool thing_object = shown_or_broken(&s, v, &vc, obj, st->actors);
        /* "Japan protested after Chinese ships entered its waters": a state's protest is an
         * official complaint (114), a crowd's is dissent (140) */
        static const char *const protest[] = {"protest", NULL};
        if (ns == 1 && !strcmp(vc.code, "140") && ev_lemma_in(&s, v, protest)) {
            ev_actor who = ev_actor_arg(&s, srcs[0], st->actors);
            const char *hu = ev_tok(&s, srcs[0].head)->upos;
            if (who.code && (actor_code_has_role(who.code, "GOV") ||
                             (strlen(who.code) == 3 && hu && !strcmp(hu, "PROPN") &&
                              !people_named(&s, srcs[0].head, st->actors))))
                snprintf(vc.code, sizeof vc.code, "114");
        }
        /* "protesters stormed parliament", "a protester demolished the building": force
         * by demonstrators is a violent protest, a riot (145); the police's in a clash
         * with them stays force */
        static const char *const demonstrators[] = {"protester", "protestor", "demonstrator",
                                                    "rioter", "marcher", "mob", NULL};
        static const char *const force_roots[] = {"18", "19", NULL};
        bool riot = root_in(vc.code, force_roots) || strncmp(vc.code, "171", 3) == 0;
        verb_code as_coded = vc;
        for (size_t i = 0; i < (ns ? ns : 1); i++) {
            vc = as_coded;
            if (ns && riot && ev_lemma_in(&s, srcs[i].head, demonstrators))
                snprintf(vc.code, sizeof vc.code, "145");
            ev_actor a = ns ? ev_actor_arg(&s, srcs[i], st->actors) : unnamed;
            /* "the UK's efforts", "Barrett's placement": a name owns the abstract noun,
             * which does nothing ("the Trump campaign" is its staff) */
            static const char *const staffed[] = {"campaign", NULL};
            /* (a law too, which WordNet also knows as the police: "Pakistani law allowed
             * the perpetrators to go unpunished" is no act of Pakistan's) */
            static const char *const laws[] = {"law", NULL};
            /* "Thousands marched in Belgrade": a crowd by its number protests (the number
             * of those arrested or fleeing says nothing of what they did) */
            static const char *const crowd[] = {"thousand", "hundred", NULL};
            /* "Russian shelling killed two people", "Israeli air strikes killed 40": an
             * armed attack by a country's hand is its act when it kills or wounds */
            static const char *const armed[] = {
                "strike", "airstrike", "shelling", "bombing", "bombardment", "attack",
                "raid", "barrage", "missile", "rocket", "drone", "shell", "artillery",
                "gunfire", "fire", "offensive", "assault", "incursion", "ambush", "defence",
                "defense", NULL}; /* "Russian air defences shot down 20 drones" */
            int32_t sh = ns && vc.match.source < 0 ? srcs[i].head : -1; /* a pattern's $ holds */
            const char *hu = sh >= 0 ? ev_tok(&s, sh)->upos : NULL;
            /* the press that "called the election for Biden" yields nothing; people of no
             * state or armed role who take or grab something seize nothing ("grabbed a
             * knife", "smugglers to take them from Turkey"): seizure (171) is an act of
             * authorities and armed groups */
            if (a.code && ((strncmp(vc.code, "08", 2) == 0 && is_press(a.code)) ||
                           (strncmp(vc.code, "171", 3) == 0 && private_party(a.code))))
                continue;
            if (campaign(&s, v, vc.code, sh, a.code))
                continue;
            /* "A Russian missile strike killed ten people": a weapon of a state's forces
             * that kills is military force (KILL's "- &WEAPON *" gave a non-military
             * bombing, 183) */
            static const char *const state_roles[] = {"GOV", "MIL", NULL};
            if (a.code && strncmp(vc.code, "183", 3) == 0 && sh >= 0 &&
                ev_lemma_in(&s, sh, armed) &&
                (strlen(a.code) == 3 || any_role(a.code, state_roles)) &&
                strncmp(a.code, "---", 3) != 0)
                snprintf(vc.code, sizeof vc.code, "190");
            /* (and so does a country's adjective an event's name: "the Chinese Cultural
             * Revolution has destroyed ...") */
            dyad_actor_match own;
            bool named_event = hu && strcmp(hu, "PROPN") == 0 && a.code && strlen(a.code) == 3 &&
                               ev_child(&s, sh, "flat") < 0 &&
                               ev_abstract_noun(st->dict, s.lower[sh]) &&
                               !ev_actor_lookup(&s, st->actors, ev_tok(&s, sh)->start,
                                                ev_tok(&s, sh)->end, &own);
            if (!a.code || (hu && (strcmp(hu, "NOUN") == 0 || named_event) && a.head == sh &&
                            !a.doers && !ev_lemma_in(&s, sh, staffed) &&
                            !(strncmp(vc.code, "14", 2) == 0 && ev_lemma_in(&s, sh, crowd)) &&
                            !(violent_code(vc.code) && ev_lemma_in(&s, sh, armed) &&
                              country_hand(&s, sh)) &&
                            (ev_abstract_noun(st->dict, named_event ? s.lower[sh] : s.lemma[sh]) ||
                             ev_lemma_in(&s, sh, laws))))
                continue;
            size_t coded = 0;
            for (size_t j = 0; j < nt; j++) {
                ev_actor b = ev_actor_arg(&s, tgts[j], st->actors);
                if (!b.code || (ns ? srcs[i].head == tgts[j].head && srcs[i].role == tgts[j].role
                                   : a.head >= 0 && a.head == b.head))
                    continue;
                /* one phrase is no two parties: "celebrate Tabaski with Eriador", "former
                 * Vice President of the United States Joe Biden" parsed in two */
                if (ns && srcs[i].role == -1 && tgts[j].role == -1 &&
                    ((a.start < b.end && b.start < a.end) || one_mention(&s, &a, &b)))
                    continue;
                /* "Trump fired his secretary" is USAGOV to USAGOV; "Russia ... Russia" is not,
                 * nor a named country toward itself ("China and Russia held talks in
                 * Beijing"), but for a protest at home */
                if (strcmp(a.code, b.code) == 0 &&
                    ((a.end - a.start == b.end - b.start &&
                      memcmp(s.doc->text + a.start, s.doc->text + b.start, a.end - a.start) == 0) ||
                     (strlen(a.code) == 3 && !a.implicit && strncmp(vc.code, "14", 2) != 0) ||
                     same_referent(&s, &a, &b)))
                    continue;
                /* "Harris visited the state", "flew to Moscow" said of a Russian: a trip at
                 * home is no visit or meeting between parties */
                if (home_trip(&s, vc.code, &a, &b))
                    continue;
                /* "Trump withdrew the US from the treaty": a state's own people moving the
                 * state itself act for it, not on it; its rebels taking a city by force
                 * act on it ("Syrian rebels captured Aleppo") */
                if (tgts[j].head == obj && !b.doers && !b.implicit && strlen(b.code) == 3 &&
                    strlen(a.code) > 3 && strncmp(a.code, b.code, 3) == 0 &&
                    !(forceful(vc.code) && insurgent(a.code)))
                    continue;
                if (thing_object || contest(&s, v, &vc, a.code, b.code) ||
                    party_between(&s, &vc, obj, tgts[j].head) ||
                    place_only(&s, v, &vc, tgts[j].head))
                    continue;
                /* "told reporters", "was asked by reporters": the press asks and listens,
                 * it is no party to statements and appeals */
                /* (nor is a body one speaks to: "speaking to the United States
                 * Congress" is an address; one speaks with persons) */
                static const char *const speaking[] = {"speak", "talk", NULL};
                static const char *const audiences[] = {
                    "congress", "parliament", "assembly", "senate", "house", "council",
                    "nation", "conference", "crowd", "supporters", "audience", "students",
                    "lawmakers", "legislators", NULL};
                bool spoken = strncmp(vc.code, "04", 2) == 0 && ev_lemma_in(&s, v, speaking);
                if (spoken && b.head >= 0 && ev_lemma_in(&s, b.head, audiences))
                    continue;
                if ((strncmp(vc.code, "01", 2) == 0 || strncmp(vc.code, "02", 2) == 0 ||
                     spoken) &&
                    (is_press(b.code) || is_press(a.code)))
                    continue;
                /* "Peskov said Putin ...": a statement about one's own side is no event */
                if (statement && !st->dict->keep_statements && strncmp(a.code, b.code, 3) == 0)
                    continue;
                /* nor one whose claim or accusation was coded already */
                if (statement && claimed(st, si, &b))
                    continue;
                coded++;
                /* "offered condolences": told once; "dismissed the claim from Berlin" is
                 * also Berlin's claim */
                if (vc.match.on_object && obj >= 0 && !own_doer(&s, obj))
                    st->acted[obj] |= 2;
                /* "a man attacked a group of men with a knife": force between private
                 * people is an assault (182), as "stabbed" is, not military force (19x) */
                const char *code = !reversed && strncmp(vc.code, "19", 2) == 0 &&
                                           civilian_only(a.code) && civilian_only(b.code)
                                       ? "182"
                                       : vc.code;
                if (!add_event(st, &s, si, v, code, reversed ? &b : &a, reversed ? &a : &b,
                               &status, date, vt))
                    return false;
                if (reversed)
                    continue;
                st->acted[v] |= strncmp(vc.code, "01", 2) != 0;
                if (!claim_or_accusation(st, &s, si, v, vc.code, &a, &b, &status, date, vt))
                    return false;
                if (!mutual && vc.code2[0] && strcmp(vc.code2, "---") != 0 &&
                    !add_event(st, &s, si, v, vc.code2, &b, &a, &status, date, vt))
                    return false;
            }
            /* "rebels attacked", "police arrested 12": an event without a known target,
             * but not for statements, appeals and consultations, which need an addressee */
            bool on_object = violent_code(vc.code) && obj >= 0;
            /* "attacked the investigation", "slammed the plan": these verbs against no one
             * are words ("fired rockets", "launched strikes" stay deeds); so is violence
             * a speaker names ("described the attacks as ...") */
            static const char *const idioms[] = {"attack", "assail", "blast", "slam", "hit",
                                                 "lash", "savage", "hammer", "batter", NULL};
            /* (but "attacked a ship", "hit a hospital": a made thing is struck, unless
             * called something: "assailed the event as the darkest convention") */
            static const char *const as[] = {"as", NULL};
            bool struck = obj >= 0 && ev_tok(&s, obj)->upos &&
                          strcmp(ev_tok(&s, obj)->upos, "NOUN") == 0 &&
                          !ev_abstract_noun(st->dict, s.lemma[obj]);
            for (int32_t c = struck ? s.first_child[v] : -1; c >= 0; c = s.next_sibling[c])
                struck = struck && !ev_has_case(&s, c, as);
            bool verbal = on_object && ((ev_lemma_in(&s, v, idioms) && !struck) ||
                                        ev_lemma_in(&s, v, speech_cues) ||
                                        ev_lemma_in(&s, v, naming_verbs));
            /* "broke the law", "broke a record": a wrong, not violence; said of someone,
             * still an accusation */
            static const char *const breaking[] = {"break", NULL};
            bool wrong = on_object && !verbal && vc.match.score <= 0 && ev_lemma_in(&s, v, breaking);
            if (!coded && nt == 0 && ns && !verbal && !reversed && targetless(&s, v, &vc) &&
                !contest(&s, v, &vc, a.code, NULL) && !(thing_object && !wrong)) {
                ev_actor none = {.code = NULL, .head = -1};
                if (!wrong && vc.match.on_object && obj >= 0)
                    st->acted[obj] |= 2; /* the pattern coded what the object names */
                if ((!wrong && !add_event(st, &s, si, v, vc.code, &a, &none, &status, date, vt)) ||
                    !claim_or_accusation(st, &s, si, v, vc.code, &a, &none, &status, date, vt))
                    return false;
            }
        }
    }
    if (!code_nouns(st, &s, si, pre, post, in_clause))
        return false;
    remember_deeds(st, &s, si);
    return true;
}

dyad_status dyad_events_find(const dyad_event_dict *events, const dyad_actor_dict *actors,
                             dyad_doc *doc)
{
    if (!doc->tokens || !doc->n_tokens || !doc->tokens[0].upos)
        return DYAD_OK; /* no parse: nothing to read events from */
    stage st = {.dict = events, .actors = actors, .doc = doc};
    ev_doc_country(doc, st.country);
    size_t most = 1;
    for (size_t i = 0; i < doc->n_sentences; i++)
        if (doc->sentences[i].count > most)
            most = doc->sentences[i].count;
    ev_context pre = {malloc(most * sizeof(int32_t)), 0};
    ev_context post = {malloc(most * sizeof(int32_t)), 0};
    uint8_t *in_clause = malloc(most);
    st.acted = malloc(most);
    bool ok = pre.tok && post.tok && in_clause && st.acted;
    /* a discard marked for the whole story ends coding of the document */
    bool whole_story = false;
    for (size_t i = 0; i < events->n_discards && !whole_story; i++)
        whole_story = events->discards[i].whole;
    for (size_t si = 0; ok && whole_story && si < doc->n_sentences; si++) {
        ev_sentence s;
        if (!ev_sentence_init(&s, doc, si)) {
            ok = false;
            break;
        }
        if (ev_discarded(events, &s) == 2)
            goto done;
    }
    for (size_t si = 0; ok && si < doc->n_sentences; si++)
        ok = code_sentence(&st, si, &pre, &post, in_clause);
done:
    free(pre.tok);
    free(post.tok);
    free(in_clause);
    free(st.acted);
    if (!ok) {
        free(st.events);
        return DYAD_ENOMEM;
    }
    doc->events = dyad_arena_alloc(doc->arena, st.n_events * sizeof *doc->events + 1);
    if (!doc->events) {
        free(st.events);
        return DYAD_ENOMEM;
    }
    if (st.n_events)
        memcpy(doc->events, st.events, st.n_events * sizeof *doc->events);
    doc->n_events = st.n_events;
    free(st.events);
    return DYAD_OK;
}
