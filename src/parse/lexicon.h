/* The parser's tag lexicon: for each frequent word, a hash of the set of tags it
 * had in training (its ambiguity class), a feature that survives tagging errors. */
#ifndef DYAD_PARSE_LEXICON_H
#define DYAD_PARSE_LEXICON_H

#include "internal.h"

/* Frozen form, in the parser section: u32 n_slots, u32 0, then n_slots x
 * {u32 fingerprint (0 = empty), u32 class}. */
typedef struct dyad_plex {
    uint32_t n_slots;
    const uint32_t *slots;
} dyad_plex;

/* The class of a word (by its form hash), 0 when the word is rare or unknown. */
uint32_t dyad_plex_class(const dyad_plex *x, uint64_t word_hash);
/* Prefetches the slot dyad_plex_class(x, word_hash) reads first. */
void dyad_plex_ahead(const dyad_plex *x, uint64_t word_hash);
/* Checks a payload and points x into it; *used gets the bytes consumed. */
bool dyad_plex_load(dyad_plex *x, const void *data, size_t len, size_t *used);

typedef struct dyad_plex_build dyad_plex_build;
dyad_plex_build *dyad_plex_build_new(void);
void dyad_plex_build_free(dyad_plex_build *b);
/* Counts one occurrence of a word with a tag; false on OOM. */
bool dyad_plex_build_add(dyad_plex_build *b, uint64_t word_hash, uint64_t tag_hash);
/* Appends the frozen lexicon of the words seen at least min_count times. */
dyad_status dyad_plex_build_freeze(const dyad_plex_build *b, uint32_t min_count, dyad_buf *out);

#endif
