/* Event-coding internals: the CAMEO code table, PETRARCH verb dictionaries, discards,
 * and the per-sentence view the matcher and the role finder share. */
#ifndef DYAD_EVENTS_H
#define DYAD_EVENTS_H

#include "internal.h"

#include <string.h>

#define EV_MAX_ELEMS 32      /* elements of one pattern; longer patterns are skipped */
#define EV_MAX_CODE 8        /* "0875A" and the NUL */

/* One row of data/events/cameo.tsv (see tools/compile-events.py). */
typedef struct ev_code {
    char code[EV_MAX_CODE];
    double goldstein;
    int quad;
    uint32_t plover_type, plover_mode, plover_context, description; /* pool offsets */
} ev_code;

/* Pattern elements: words and synsets match tokens, the markers say where the
 * source ($) and target (+) of the event stand. */
enum ev_elem_kind { EL_WORD, EL_SYNSET, EL_SOURCE, EL_TARGET, EL_SKIP /* ^: a phrase */,
                    EL_COMPOUND /* %: actors joined by a conjunction */ };

typedef struct ev_elem {
    uint8_t kind;
    uint8_t exact;   /* word ended in '_': no plural forms */
    uint8_t governs; /* "(TO)": a lone preposition whose object is the target */
    uint8_t preposition; /* opens "(TO SANCTIONS)": a preposition, not the "to" of a verb */
    uint32_t value;  /* EL_WORD: pool offset of the lower-case word; EL_SYNSET: index */
} ev_elem;

/* A pattern of a verb block: elements before the verb, then after it. */
typedef struct ev_pattern {
    uint32_t first, n_pre, n_post; /* into dict->elems */
    char code[EV_MAX_CODE];        /* "---" is the null code: no event */
    char code2[EV_MAX_CODE];       /* paired event, target to source; "" when none */
    uint64_t words;                /* one bit per word it needs (ev_word_bit): a quick no */
    bool pre_words;                /* it needs words before the verb, not only markers */
} ev_pattern;

/* A verb of a block: its lemma, an optional particle ("clear up"), its own code. */
typedef struct ev_verb {
    uint32_t lemma;                /* pool offset */
    uint32_t particle;             /* pool offset, 0 when none */
    uint32_t block;
    int32_t next;                  /* next verb with the same hash slot chain, -1 */
    char code[EV_MAX_CODE];        /* "" = the block's code */
    char code2[EV_MAX_CODE];       /* paired event of its own code ("LEFT [042:043]") */
} ev_verb;

typedef struct ev_block {
    uint32_t first_pattern, n_patterns;
    char code[EV_MAX_CODE], code2[EV_MAX_CODE];
} ev_block;

/* A synset: phrases [first, first + n) of dict->phrases; each phrase is words
 * [word, word + n_words) of dict->phrase_words (pool offsets). */
typedef struct ev_phrase { uint32_t word, n_words; uint8_t exact; } ev_phrase;
typedef struct ev_synset { uint32_t name, first, n; } ev_synset;

/* A noun that names an event ("talks" 046, "sanctions" 163), sorted by word. */
typedef struct ev_noun { uint32_t word; char code[EV_MAX_CODE]; } ev_noun; /* word first: searched */

/* An appeal, intent, demand or threat (upper) and the act it governs (lower): the code
 * PETRARCH gives the two ("wants to help": 030 + 070 -> 033). */
typedef struct ev_compose { char upper[EV_MAX_CODE], lower[EV_MAX_CODE], code[EV_MAX_CODE]; } ev_compose;

/* A discard phrase: its words; whole = 1 when it discards the whole story. */
/* A discard phrase; whole: the story, not the sentence; exact: its last word ends with
 * "_" and is no stem ("GROUP A_" is not "group al-Shabab"). */
typedef struct ev_discard { uint32_t word, n_words; uint8_t whole, exact; } ev_discard;

struct dyad_event_dict {
    dyad_buf pool;                         /* NUL-terminated strings; offset 0 is "" */
    ev_code *codes; size_t n_codes, cap_codes;
    ev_elem *elems; size_t n_elems, cap_elems;
    ev_pattern *patterns; size_t n_patterns, cap_patterns;
    ev_verb *verbs; size_t n_verbs, cap_verbs;
    ev_block *blocks; size_t n_blocks, cap_blocks;
    ev_phrase *phrases; size_t n_phrases, cap_phrases;
    uint32_t *phrase_words; size_t n_phrase_words, cap_phrase_words;
    ev_synset *synsets; size_t n_synsets, cap_synsets;
    ev_discard *discards; size_t n_discards, cap_discards;
    ev_noun *nouns; size_t n_nouns, cap_nouns;
    uint32_t *abstract; size_t n_abstract, cap_abstract; /* pool offsets, sorted */
    ev_compose *compose; size_t n_compose, cap_compose;
    int32_t *verb_slots; size_t n_verb_slots; /* lemma hash -> first verb, -1 empty */
    dyad_problems problems;                /* malformed lines skipped by every load */
    bool keep_statements;                  /* code "010" events (PETRARCH does) */
    size_t n_files;                        /* files loaded by dyad_event_dict_add_file */
};

/* Pool helpers: a copy of s (lower-cased when fold) and its offset; 0 on failure. */
uint32_t ev_pool_add(dyad_event_dict *d, const char *s, size_t len, bool fold);
static inline const char *ev_str(const dyad_event_dict *d, uint32_t off)
{
    return d->pool.data + off;
}
void ev_problem(dyad_event_dict *d, const char *file, size_t line, const char *why);

/* The code row for a CAMEO code, falling back to its parents ("0875A" -> "087");
 * NULL when not even the root is known. */
const ev_code *ev_code_find(const dyad_event_dict *d, const char *code);
/* Verbs whose lemma is word: the first, then follow ->next; -1 when none. */
int32_t ev_verb_first(const dyad_event_dict *d, const char *word);
/* What a verb (its lemma, lower case) means alone, without patterns or a particle: its
 * own code or its block's; NULL for none or when its blocks disagree. */
const char *ev_verb_code(const dyad_event_dict *d, const char *lemma);
/* Rebuilds the verb hash after loading. */
bool ev_verb_index(dyad_event_dict *d);
uint32_t ev_hash(const char *s, size_t len);
/* A word's bit in a 64-bit signature: a pattern needing a word the sentence lacks
 * cannot match, whatever else it holds. */
static inline uint64_t ev_word_bit(const char *w, size_t len)
{
    return 1ull << (ev_hash(w, len) & 63);
}

/* An act an earlier sentence told: its words, who did it, where, and whether it was
 * violence (a violent deed told as done; else a step such as "decided", "a move by X"). */
typedef struct ev_deed {
    const char *verb, *doer;
    size_t sentence;
    bool violent;
} ev_deed;
enum { EV_DEEDS = 16 }; /* the acts remembered, for "the attack" and "the perpetrators" */
extern const char *const ev_step_nouns[]; /* "move", "decision": steps a later "the move" names */

/* One sentence as the matcher sees it. */
typedef struct ev_sentence {
    const dyad_doc *doc;
    const dyad_event_dict *dict;   /* for the nouns it knows; NULL = none */
    const dyad_actor_dict *actors; /* for its nationality words; NULL = none */
    size_t index;                  /* in doc->sentences */
    size_t mention_first, mention_end; /* its mentions: doc->actors[first..end) */
    uint32_t first, count;         /* token range in doc->tokens */
    char **lower;                  /* [count] lower-cased forms */
    char **lemma;                  /* [count] lower-cased lemmas (the form when none) */
    int32_t *first_child, *next_sibling; /* [count] local indices, -1 = none */
    const char *country;           /* the document's own country ("POL"), or "---" */
    char *place_country;           /* [4] where the sentence happens ("in Nairobi": KEN),
                                    * "" = not looked for yet, "---" = none */
    char *named_country;           /* [4] the one country the sentence's coded names have
                                    * ("The president of Kenya praised ...": KEN), "" = not
                                    * looked for yet, "---" = none or several */
    uint64_t words;                /* ev_word_bit of every form, lemma and singular */
    struct ev_actor *actor;        /* [count] ev_actor_of each token, once asked */
    uint8_t *actor_known;          /* [count] 1 where actor[] holds the answer, 2 while it
                                    * is being found */
    uint8_t *temporal;             /* [count] 1 inside a date and its preposition ("on Monday"),
                                    * 2 in a phrase of circumstance ("after the attack") */
    uint8_t *named;                /* [count] 1 inside a person's name or title ("national
                                    * security advisor John Bolton") */
    int32_t *date_at;              /* [count] index in doc->dates of the date starting here, -1 */
    const ev_deed *deeds;          /* [n_deeds] the last acts told, oldest first */
    size_t n_deeds;
} ev_sentence;

/* A token list in text order: the words a pattern is matched against. */
typedef struct ev_context { int32_t *tok; size_t n; } ev_context;

/* Where the markers of a matched pattern landed: local token indices or -1. */
typedef struct ev_match {
    int score;                     /* words and synsets matched; -1 = no match */
    bool on_object;                /* a word it matched is the head of the verb's object */
    int32_t source, target;
    bool negation;                 /* the pattern matched a "not": its code is the negated act */
    bool no_target;                /* its "(TO)" phrase names no actor: the act has no target */
    bool governed;                 /* target from a "(TO)" phrase, with its conjuncts */
    int gaps;                      /* words skipped between its words: fewer is closer */
    int lead;                      /* words after the verb before its first word there, or -1 */
} ev_match;

/* Matches pattern p: pre elements over pre (text order), post over post. is_actor
 * tells whether a local token starts a coded actor (for $ and +); object is the local
 * head of the verb's object, or -1. */
ev_match ev_pattern_match(const dyad_event_dict *d, const ev_pattern *p, const ev_sentence *s,
                          const ev_context *pre, const ev_context *post, int32_t object,
                          bool (*is_actor)(const ev_sentence *, int32_t, void *), void *arg);
/* Whether a noun (lower case) names no actor, place or thing (abstract.nouns). */
bool ev_abstract_noun(const dyad_event_dict *d, const char *word);
/* The code of an event noun (lower case), or NULL. */
const char *ev_noun_code(const dyad_event_dict *d, const char *word);
/* The code of an appeal, intent, demand or threat upper governing the act lower
 * ("wants to help": 030, 070 -> "033"); NULL when the two make none. */
const char *ev_code_compose(const dyad_event_dict *d, const char *upper, const char *lower);
/* Whether the sentence holds a discard phrase: 0 none, 1 the sentence, 2 the story. */
int ev_discarded(const dyad_event_dict *d, const ev_sentence *s);
/* Whether token lower form or lemma equals the dictionary word w (with plurals). */
bool ev_word_matches(const ev_sentence *s, int32_t i, const char *w, bool exact);

/* ---- roles.c: the sentence view, clauses, arguments and their actor codes ---- */

/* Fills s for sentence si (lower forms and children in doc->arena); false on OOM. */
bool ev_sentence_init(ev_sentence *s, dyad_doc *doc, size_t si);
/* The country a document is about: named most often by its coded mentions, at least
 * twice and more than any other; "---" (unknown) otherwise. */
void ev_doc_country(const dyad_doc *doc, char out[4]);
/* Tokens of v's clause before and after v (nested clauses left out), text order.
 * The arrays are malloc'd into ctx; in_clause (count bytes) marks them. */
bool ev_clause(const ev_sentence *s, int32_t v, ev_context *pre, ev_context *post,
               uint8_t *in_clause);
/* A coded actor: its code (arena) and the byte span of its phrase. */
/* implicit: no phrase names it, the code is inferred ("was arrested" -> the country). */
typedef struct ev_actor {
    const char *code;
    uint32_t start, end;
    int32_t head;
    bool implicit;
    bool doers; /* "the attack": the doers of an act told before, which the noun names */
} ev_actor;
/* An argument: the head of the phrase naming the actor and, for "the ambassadors of
 * Arnor and Gondor", the noun whose role each member takes (-1 when none). */
typedef struct ev_arg { int32_t head, role; } ev_arg;
/* An ev_arg role at or below EV_PAIR: member EV_PAIR - role (0, 1) of the two countries a
 * noun such as "the two countries" stands for. */
enum { EV_PAIR = -100 };
/* Whether local token i's lemma or lower-cased form is one of words (NULL-ended). */
bool ev_lemma_in(const ev_sentence *s, int32_t i, const char *const *words);
/* The actor a noun phrase headed by local token h refers to; code NULL when none. */
ev_actor ev_actor_of(const ev_sentence *s, int32_t h, const dyad_actor_dict *actors);
/* Words of an accident or a disaster, which is no one's act ("crashed", "the floods"). */
extern const char *const ev_mishaps[];
/* Whether local token t is the possessor of a relative ("Putin's nephew"), who is no
 * party to what is done to the relative. */
bool ev_kin_of(const ev_sentence *s, int32_t t);
ev_actor ev_actor_arg(const ev_sentence *s, ev_arg a, const dyad_actor_dict *actors);
/* Whether local token n is a noun of an intent or its means ("plans to attack", "an
 * attempt to"): 1 for a plan, decision or promise, 2 for what may not come about (a
 * bid, attempt, threat, right), 3 for what was not done (a refusal, a failure), 0 for
 * none. */
int ev_intent_noun(const ev_sentence *s, int32_t n);
/* Source and target arguments of verb v from the parse (subject, object, oblique,
 * passive agent), each expanded over coordination; up to max each. */
size_t ev_sources(const ev_sentence *s, int32_t v, ev_arg *out, size_t max);
/* Local token h and the actors coordinated with it ("Arnor and Gondor"), from out[n]. */
size_t ev_with_conjuncts(const ev_sentence *s, int32_t h, ev_arg *out, size_t n, size_t max);
size_t ev_targets(const ev_sentence *s, int32_t v, ev_arg *out, size_t max,
                  const dyad_actor_dict *actors);
/* The coded object of a prepositional phrase with one of preps on v or its object,
 * expanded over coordination ("warned Gondor about [the Prince]"); 0 when none. */
size_t ev_oblique_targets(const ev_sentence *s, int32_t v, const char *const *preps, ev_arg *out,
                          size_t max, const dyad_actor_dict *actors);
/* For a noun that names an event: its source and target arguments ("Russia's attack on
 * Kyiv", "talks between X and Y", "aid from the US to Ukraine"); *mutual when the
 * members of one side act toward each other. False when either side is missing. */
bool ev_nominal_roles(const ev_sentence *s, int32_t n, ev_arg *srcs, size_t *ns, ev_arg *tgts,
                      size_t *nt, bool *mutual, const dyad_actor_dict *actors);
/* Whether the phrase headed by h is one of the given case words' object. */
bool ev_has_case(const ev_sentence *s, int32_t h, const char *const *preps);
/* The unnamed doer of a passive without an agent ("was arrested in Jakarta"): the
 * country where it happened, else the article's, else the target's; false when none
 * is known or the verb is no passive. */
bool ev_implicit_agent(const ev_sentence *s, int32_t v, const ev_actor *target,
                       const dyad_actor_dict *actors, ev_actor *out);
/* What a passive verb or a participle was done to: its passive subject (through a
 * relative pronoun) or the noun the participle describes; -1 when none. */
int32_t ev_patient(const ev_sentence *s, int32_t v);
/* A bare participle with a subject and nothing it acts on: a headline's passive. */
bool ev_bare_participle(const ev_sentence *s, int32_t v);
/* Whether token h is inside a mention of the given type ("person", "place"). */
bool ev_mention_typed(const ev_sentence *s, int32_t h, const char *type);
/* A role-only code ("GOV") with the country the sentence or story gives it, else "---". */
const char *ev_with_country(const ev_sentence *s, const char *code);
/* dyad_actor_dict_lookup over [start, end) of the text at the document's date, kept only
 * when it names something ("UNK" alone does not) and its country is capitalized. */
bool ev_actor_lookup(const ev_sentence *s, const dyad_actor_dict *actors, uint32_t start,
                     uint32_t end, dyad_actor_match *m);
/* The verb that makes the legal instrument the clause of v describes ("signed a decree
 * banning ...", "failed to adopt a resolution calling for ..."), or -1: the instrument
 * acts for its maker, and only as far as it is made. */
int32_t ev_instrument_maker(const ev_sentence *s, int32_t v);
/* Whether v sends or moves what it acts on ("deployed troops", "supplied shells", "amassed
 * troops", "recalled its ambassador"): the object is the doer's own, the act toward where
 * it goes or comes from. */
bool ev_dispatch_verb(const ev_sentence *s, int32_t v);
/* For statements: the actors of the clause a speech verb governs. */
size_t ev_content_targets(const ev_sentence *s, int32_t v, ev_arg *out, size_t max,
                          const dyad_actor_dict *actors);
/* Widens [*lo, *hi] to the tokens of the phrase headed by h. */
void ev_subtree(const ev_sentence *s, int32_t h, int32_t *lo, int32_t *hi);
/* Local index of v's child with this relation (prefix match on "nsubj" etc.), or -1. */
int32_t ev_child(const ev_sentence *s, int32_t v, const char *deprel);
static inline const dyad_token *ev_tok(const ev_sentence *s, int32_t i)
{
    return &s->doc->tokens[s->first + (uint32_t)i];
}
/* Whether token i's relation starts with rel ("obl" takes "obl:tmod"). */
static inline bool ev_rel_starts(const ev_sentence *s, int32_t i, const char *rel)
{
    const char *d = ev_tok(s, i)->deprel;
    return d && strncmp(d, rel, strlen(rel)) == 0;
}
static inline int32_t ev_head(const ev_sentence *s, int32_t i)
{
    int32_t h = ev_tok(s, i)->head;
    return h < 0 ? -1 : h - (int32_t)s->first;
}

#endif
