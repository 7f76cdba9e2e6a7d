/* Internal contract between the tagger (src/tag) and the model file / parser
 * (src/model, src/parse). The tagger assigns UPOS, XPOS, features and lemmas. */
#ifndef DYAD_TAGGER_H
#define DYAD_TAGGER_H

#include "internal.h"

typedef struct dyad_tagger dyad_tagger;

/* Tags of one word. Strings point into the tagger (tag sets, lexicon) or, for
 * lemmas built on the fly, into the arena passed to dyad_tagger_tag. */
typedef struct dyad_tag_result {
    const char *upos, *xpos, *feats, *lemma;
} dyad_tag_result;

typedef void (*dyad_progress_fn)(void *ctx, const char *line);

/* Trains on the sentences of train[0..n_train) and reports accuracy on dev after
 * each epoch through progress (may be NULL). Deterministic for a given seed.
 * epochs = 0 picks the default. NULL + err on failure. */
dyad_tagger *dyad_tagger_train(const dyad_treebank *const *train, size_t n_train,
                               const dyad_treebank *const *dev, size_t n_dev, int epochs,
                               uint64_t seed, dyad_progress_fn progress, void *ctx,
                               dyad_error *err);

/* Appends the tagger's serialized form (one model-file section payload) to out. */
dyad_status dyad_tagger_save(const dyad_tagger *tagger, dyad_buf *out);

/* Loads from a section payload. The bytes are untrusted: every count, offset and
 * string is range-checked. The tagger may point into data, which must outlive it
 * (data that is not 8-byte aligned is copied). A payload of another format version
 * (TAG_VERSION in tag_impl.h) fails with code "tagger_corrupt": retrain the model. */
dyad_tagger *dyad_tagger_load(const void *data, size_t len, dyad_error *err);

void dyad_tagger_free(dyad_tagger *tagger);

/* Tags one sentence of n words: forms[i] is form_lens[i] bytes, not NUL-terminated.
 * Thread-safe: the tagger is read-only. */
dyad_status dyad_tagger_tag(const dyad_tagger *tagger, const char *const *forms,
                            const size_t *form_lens, int n, dyad_tag_result *out,
                            dyad_arena *arena);
/* The same for a headline ("Hotel fire kills seventeen", a title or a line of a list of
 * headlines), which tells its news in the present tense and often leaves the perceptron
 * no finite verb: see headline_verb in tagger.c. */
dyad_status dyad_tagger_tag_headline(const dyad_tagger *tagger, const char *const *forms,
                                     const size_t *form_lens, int n, dyad_tag_result *out,
                                     dyad_arena *arena);

/* Counts of words whose predicted tag equals the gold one (gold tokenization):
 * UFeats and Lemmas are exact matches of the whole string, as in CoNLL 2018. */
typedef struct dyad_tag_scores {
    size_t words, upos, xpos, feats, lemma, all; /* all: upos, xpos and feats right */
} dyad_tag_scores;

/* Tags every sentence of tbs[0..n) from its gold word forms and counts matches. */
dyad_status dyad_tagger_evaluate(const dyad_tagger *tagger, const dyad_treebank *const *tbs,
                                 size_t n, dyad_tag_scores *scores);

#endif
