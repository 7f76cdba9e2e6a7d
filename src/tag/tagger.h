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
 * string is range-checked. The tagger may point into data, which must outlive it. */
dyad_tagger *dyad_tagger_load(const void *data, size_t len, dyad_error *err);

void dyad_tagger_free(dyad_tagger *tagger);

/* Tags one sentence of n words: forms[i] is form_lens[i] bytes, not NUL-terminated.
 * Thread-safe: the tagger is read-only. */
dyad_status dyad_tagger_tag(const dyad_tagger *tagger, const char *const *forms,
                            const size_t *form_lens, int n, dyad_tag_result *out,
                            dyad_arena *arena);

#endif
