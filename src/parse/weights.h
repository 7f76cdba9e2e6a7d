/* Sparse averaged-perceptron weights: a growable table for training and a frozen,
 * zero-copy table for the model file. Features are 64-bit hashes; classes < 65536. */
#ifndef DYAD_WEIGHTS_H
#define DYAD_WEIGHTS_H

#include "internal.h"

/* Mixes a value into a feature hash (64-bit, never 0 after dyad_feat_final). */
static inline uint64_t dyad_feat_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 32);
}

static inline uint64_t dyad_feat_final(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 29;
    return h | 1; /* 0 marks an empty slot */
}

/* ---- training table ---------------------------------------------------- */

typedef struct dyad_wtrain dyad_wtrain;

dyad_wtrain *dyad_wtrain_new(int n_classes);
void dyad_wtrain_free(dyad_wtrain *w);
/* Adds the current (not averaged) weights of feats[0..nf) to scores[n_classes]. */
void dyad_wtrain_score(const dyad_wtrain *w, const uint64_t *feats, int nf, float *scores);
/* Adds delta to the weight of (feature, cls) for every feature; false on OOM. */
bool dyad_wtrain_update(dyad_wtrain *w, const uint64_t *feats, int nf, int cls, float delta);
/* Advances the averaging clock by one training instance. */
void dyad_wtrain_tick(dyad_wtrain *w);
/* Number of features and (feature, class) entries. */
void dyad_wtrain_size(const dyad_wtrain *w, size_t *n_feats, size_t *n_entries);

/* ---- frozen table ------------------------------------------------------ */

/* Layout in a section payload, all little-endian, 8-byte aligned:
 *   u32 n_slots, u32 n_words,
 *   slots[n_slots] of {u32 fingerprint, u32 offset into words},
 *   words[n_words] of u32: at each offset, a count k then k entries, each the
 *   class in the low 16 bits and the weight as bfloat16 (the upper half of a
 *   float32) in the high 16 bits: half the size of floats, no measurable loss.
 *   A count with WEIGHTS_DENSE set is followed instead by (n_classes + 1) / 2
 *   words holding one bf16 weight per class (features with many classes). */
#define WEIGHTS_DENSE 0x80000000u
#define WEIGHTS_MAX_LISTS 256 /* features added per call at most */
#define WEIGHTS_DENSE_DIV 4 /* dense when a feature has >= n_classes / 4 weights */
typedef struct dyad_wfrozen {
    uint32_t n_slots;
    const uint32_t *slots;/* [n_slots][2] */
    const uint32_t *words;/* [n_words] */
    uint32_t n_words;
    int n_classes;
    bool exact; /* classes in range, and every sum of weights exact in float: any
                 * order of the additions gives the same scores */
} dyad_wfrozen;

/* Floats a score array needs for dyad_wfrozen_score: whole vectors of 8. */
#define WEIGHTS_SCORES_LEN(n_classes) (((size_t)(n_classes) + 8) & ~(size_t)7)

/* The magnitude below which averaged weights must go to keep at most keep of them. */
float dyad_wtrain_cutoff(const dyad_wtrain *w, size_t keep);
/* Writes the averaged weights, dropping entries with |w| < min_abs. */
dyad_status dyad_wtrain_freeze(const dyad_wtrain *w, float min_abs, dyad_buf *out);
/* Checks a payload (every offset, count and class) and points f into it;
 * *used is set to the bytes consumed. */
bool dyad_wfrozen_load(dyad_wfrozen *f, const void *data, size_t len, int n_classes,
                       size_t *used);
/* Adds the weights of feats[0..nf) to scores, which holds
 * WEIGHTS_SCORES_LEN(n_classes) floats (those past n_classes are scratch). */
void dyad_wfrozen_score(const dyad_wfrozen *f, const uint64_t *feats, int nf, float *scores);
/* The first index of the highest of scores[lo..hi) (lo < hi; no NaN). */
int dyad_scores_argmax(const float *scores, int lo, int hi);
/* dyad_wfrozen_score of n_parts parts at once: the features of part p,
 * feats[ends[p - 1]..ends[p]) (from 0 for part 0), are added to scores[p]. Each part's
 * sums are those of dyad_wfrozen_score. */
void dyad_wfrozen_score_parts(const dyad_wfrozen *f, const uint64_t *feats, const int *ends,
                              int n_parts, float *const *scores);

#endif
