/* Feature extraction shared by training and tagging. */
#ifndef DYAD_TAG_TAG_FEATURES_H
#define DYAD_TAG_TAG_FEATURES_H

#include "tag_impl.h"

#define TAG_MAX_KEYS 48

/* Hashes of one word; words/winfo is the word dictionary (amb class, candidates). */
void tag_word_prepare(tag_word *w, const char *s, size_t n, const tag_table *words,
                      const uint32_t *winfo);
/* The two halves of tag_word_prepare: hashes (prefetching the dictionary slots),
 * then the dictionary lookups; a sentence does all words' hashes first. */
void tag_word_hash(tag_word *w, const char *s, size_t n, const tag_table *words);
void tag_word_lookup(tag_word *w, const tag_table *words, const uint32_t *winfo);
/* Sets ctx of every word: the treebank whose conventions to follow (0 when tagging)
 * and whether the sentence is in title case or capitals (headlines). */
void tag_sentence_context(tag_word *w, int n, unsigned treebank);
/* Keys of word i for the tag model, given the tags of the words before it and, for
 * the second pass, the first pass's tags of every word (right = NULL in the first). */
int tag_features(const tag_word *w, int n, int i, const int *tags, const int *right,
                 uint64_t *keys);
/* Keys of word i for the feature model, given every tag and the nearest nominal
 * word on the left (subj, or -1), which decides verb agreement. */
int tag_feat_features(const tag_word *w, int n, int i, const int *tags, int subj,
                      uint64_t *keys);
/* Adds the model's weights for keys to scores[class]. */
void tag_model_score(const tag_model *m, const uint64_t *keys, int nk, int32_t *scores);

/* True when tag class tag is a noun, proper noun or pronoun. */
bool tag_class_nominal(const dyad_tagger *t, int tag);
/* Tags of a prepared sentence, then its feature classes (-1 = "_"); scores has
 * room for max(n_tags, n_feats) classes. */
void tag_sentence_tags(const dyad_tagger *t, const tag_word *w, int n, int *tags,
                       int *first, tag_word *rev, int32_t *scores);
/* rev[i] = w[n - 1 - i]. */
void tag_reverse(const tag_word *w, int n, tag_word *rev);
void tag_sentence_feats(const dyad_tagger *t, const tag_word *w, int n, const int *tags,
                        int *feats, int32_t *scores);

#endif
