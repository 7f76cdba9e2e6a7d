/* Named-entity tagger internals: a greedy averaged-perceptron BIO tagger (PER, ORG, LOC)
 * over a tagged and parsed sentence, shared by the mention stage and its trainer
 * (tools/train-ner.c). Weights: data/ner/dyad-en.ner. */
#ifndef DYAD_NER_H
#define DYAD_NER_H

#include "internal.h"

/* Labels; B = 2k + 1 and I = 2k + 2 for entity type k (PER 0, ORG 1, LOC 2). */
enum { NER_O, NER_B_PER, NER_I_PER, NER_B_ORG, NER_I_ORG, NER_B_LOC, NER_I_LOC, NER_LABELS };

#define NER_MAX_FEATS 64   /* features of one word */
#define NER_MAGIC "DYADNER1"
#define NER_HEADER 24 /* magic[8], uint32 version, n_feats, crc of the rest, n_names */
#define NER_RECORD (8 + 4 * NER_LABELS) /* uint64 key, float weights[NER_LABELS] */

/* Dictionary classes of a word (bits of ner_word.dict). */
#define NER_DICT_PERSON 1u  /* in a multi-word name with a role ("Dmitry Peskov") */
#define NER_DICT_PLACE 2u   /* a country or place name without a role */
#define NER_DICT_ORG 4u     /* a one-word name with a role, or an IGO */
#define NER_DICT_METONYM 8u /* a capital or seat of power */
#define NER_DICT_TITLE 16u  /* a title or role noun */
#define NER_DICT_FIRST 32u  /* a first name (data/ner/names.tsv) */

/* What a word list says of a word (bits of ner_names.info). */
#define NER_MALE 1u   /* a first name for men */
#define NER_FEMALE 2u /* a first name for women */
#define NER_NAME 4u   /* a first name (NER_MALE or NER_FEMALE alone: a gender, no feature) */

/* First names: open addressing over 64-bit keys of the lower-case word (0 = empty). */
typedef struct ner_names {
    uint64_t *keys;        /* [n_slots] */
    uint8_t *info;         /* [n_slots] NER_MALE | NER_FEMALE | NER_NAME */
    size_t n_slots, n;     /* n_slots a power of 2, at least 2n */
} ner_names;

/* One word of a sentence as the features see it. */
typedef struct ner_word {
    const char *form;
    uint32_t len;          /* bytes of form */
    const char *upos, *xpos, *lemma, *deprel; /* never NULL ("_" when unknown) */
    int32_t head;          /* index of the head in the sentence, -1 for the root */
    unsigned dict;         /* NER_DICT_* bits */
    unsigned heur;         /* NER_* label of the mention stage's own finding */
    const char *case_lemma; /* lemma of the word's case marker ("in"), or "-": ner_prepare */
} ner_word;

/* Loaded weights: open addressing over 64-bit feature keys (0 = empty slot). */
typedef struct ner_model {
    uint64_t *keys;        /* [n_slots] */
    float *weights;        /* [n_slots][NER_LABELS] */
    size_t n_slots;        /* a power of 2 */
    size_t n_feats;
    ner_names names;       /* first names shipped in the same file */
} ner_model;

/* Loads the weights file (untrusted: magic, size and CRC-32 checked). NULL + err. */
ner_model *ner_load(const char *path, dyad_error *err);
ner_model *ner_load_memory(const void *data, size_t len, dyad_error *err);
void ner_free(ner_model *m);

/* Sets w[i].case_lemma of the n words (linear). Call before ner_features. */
void ner_prepare(ner_word *w, size_t n);
/* Sets w[i].dict for the n words from dict and names (either may be NULL). */
void ner_dict_classes(const dyad_actor_dict *dict, const ner_names *names, ner_word *w, size_t n);
/* The key of a name (case-insensitive). */
uint64_t ner_name_key(const char *s, size_t len);
/* Adds info bits to a word (added to those it has); false when out of memory. */
bool ner_names_add(ner_names *names, uint64_t key, unsigned info);
/* The info bits of a word, 0 when unknown. */
unsigned ner_word_info(const ner_names *names, const char *s, size_t len);
/* -1 when the word is no known first name, else its NER_MALE/NER_FEMALE bits (0: either). */
int ner_name_gender(const ner_names *names, const char *s, size_t len);
void ner_names_free(ner_names *names);
/* The feature keys of word i given the two labels before it; returns how many (at most
 * NER_MAX_FEATS). */
size_t ner_features(const ner_word *w, size_t n, size_t i, int prev, int prev2, uint64_t *out);
/* Scores of the labels for the features (adds into score[NER_LABELS]). */
void ner_score(const ner_model *m, const uint64_t *f, size_t nf, float *score);
/* Best label allowed after prev: an I- label only continues its own type. */
int ner_best(const float *score, int prev);
/* Labels of the n words into out[n] (greedy, left to right). */
void ner_tag(const ner_model *m, const ner_word *w, size_t n, uint8_t *out);
/* Fills w[n] from sentence s of a tagged, parsed document. */
void ner_words(const dyad_doc *doc, const dyad_sentence *s, ner_word *w);

#endif
