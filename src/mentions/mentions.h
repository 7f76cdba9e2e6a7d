/* Mention stage internals: spans found in the parse, then coded and typed. */
#ifndef DYAD_MENTIONS_H
#define DYAD_MENTIONS_H

#include "internal.h"
#include "ner.h"

/* One mention while it is built: token ranges are global indices into doc->tokens. */
typedef struct ment {
    uint32_t t0, t1;     /* [t0, t1): the whole mention, titles included */
    uint32_t c0;         /* first token of the proper-noun chain (c0 >= t0) */
    uint32_t n0;         /* first token of the name once titles are split off */
    int32_t sentence;
    int titled;          /* a title, honorific or role apposition says it is a person */
    int ner;             /* the NER tagger found a name here (lower case is then a name) */
    const char *type;    /* static; NULL: names nothing (dropped when written) */
    const char *code, *name; /* owned by the document; code may be NULL */
    uint32_t ante1;      /* 1 + index in the list of the mention this one refers to; 0 = none */
    const char *form;    /* static: NULL for a name, "pronoun" or "title" */
    unsigned gender;     /* NER_MALE | NER_FEMALE learnt from pronouns resolved to it */
    int inferred;        /* the code's country is the one the document is about, not stated */
    int stateless;       /* a dictionary name coded with no country ("Facebook"): none inferred */
    int dict_person;     /* coded as a person the dictionary names ("President Biden") */
} ment;

/* A growable array of mentions (malloc'd, freed by the stage). */
typedef struct ment_list {
    ment *m;
    size_t n, cap;
} ment_list;

/* The mention stage with the NER tagger (ner may be NULL: types from cues alone). */
dyad_status ment_find(const dyad_actor_dict *dict, const ner_model *ner, dyad_doc *doc);
/* The labels (NER_* scheme, lab[n_tokens]) of the names the stage finds without the
 * tagger: a feature of the tagger, which learns when to trust them. */
dyad_status ment_heuristic_labels(const dyad_actor_dict *dict, dyad_doc *doc, uint8_t *lab);

/* Appends the proper-noun chains of sentence s, extended left over their titles.
 * dict (may be NULL) tells titles the parser misplaced. False when out of memory. */
bool ment_spans(const dyad_actor_dict *dict, const dyad_doc *doc, int32_t s, ment_list *out);
/* Inserts m at index at (shifting the rest); false when out of memory. */
bool ment_insert(ment_list *out, size_t at, const ment *m);
/* The [lo, hi] token range of the subtree under token t in sentence s. */
void ment_subtree(const dyad_doc *doc, const dyad_sentence *s, uint32_t t, uint32_t *lo,
                  uint32_t *hi);
/* Adds the pronouns and titles alone of the document that refer to a person or
 * organisation of l, resolved, in text order; sets ante1 of later short names too.
 * names (may be NULL) gives first names' gender. False when out of memory. */
bool ment_coref(const dyad_actor_dict *dict, const ner_names *names, dyad_doc *doc,
                ment_list *l);
/* The head token of a mention: the one whose head lies outside it. */
uint32_t ment_head(const dyad_doc *doc, const ment *m);
/* The apposition next to a mention ("Fiona Hill, a former official"; "the spokesman,
 * Dmitry Peskov"), as a token range; false when there is none. */
bool ment_apposition(const dyad_doc *doc, const ment *m, uint32_t *lo, uint32_t *hi);
/* The predicate noun phrase [*lo, *hi] of a copula whose subject is m ("Hatice Cengiz is
 * a Turkish national", "Peskov is the Kremlin's spokesman"); false when none. */
bool ment_copula_predicate(const dyad_doc *doc, const ment *m, uint32_t *lo, uint32_t *hi);

/* Token t alone is a title in dict ("President", "spokesman"); false when dict is NULL. */
bool ment_title(const dyad_actor_dict *dict, const dyad_doc *doc, uint32_t t);
/* The first token of a title of up to three words that ends at t - 1 and that the parser
 * may have split from the name after it ("Opposition leader Jeremy Corbyn", "Labour Party
 * leader ..."), or t when there is none. */
uint32_t ment_title_before(const dyad_actor_dict *dict, const dyad_doc *doc,
                           const dyad_sentence *s, uint32_t t);
/* Lower-case ASCII compare of a token's text, less a final '.', with a word ("Corp." is "corp"). */
bool ment_token_is(const dyad_doc *doc, uint32_t t, const char *word);
/* True when token t's text is in the NULL-terminated list (case-insensitive). */
bool ment_token_in(const dyad_doc *doc, uint32_t t, const char *const *list);

/* Word tables (tables.c), NULL-terminated. */
extern const char *const ment_org_cues[];     /* last words of organisations */
extern const char *const ment_place_cues[];   /* last words of places */
extern const char *const ment_place_starts[]; /* first words of places */
extern const char *const ment_honorifics[];   /* "Mr", "Dr": a person follows */
extern const char *const ment_greetings[];    /* "Dear", "Welcome": not part of the name */
extern const char *const ment_particles[];    /* "bin", "al": part of the name */
extern const char *const ment_place_preps[];  /* "in", "near": a place follows */
extern const char *const ment_locatives[];    /* "in", "at": a capital there is a place */
extern const char *const ment_group_roles[];  /* CAMEO roles of armed and political groups */
extern const char *const ment_not_names[];    /* months, weekdays, holidays */
extern const char *const ment_kin_words[];    /* "brother", "wife": kin, not a role */
extern const char *const ment_name_months[];  /* months that are also names: "May" */
extern const char *const ment_rank_words[];
extern const char *const ment_male_words[];   /* "Mr", "spokesman": a man */
extern const char *const ment_female_words[]; /* "Mrs", "spokeswoman": a woman */

#endif
