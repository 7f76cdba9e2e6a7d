/* Shared between the tokenizer, its word tables and the sentence splitter. */
#ifndef DYAD_TOKENIZE_H
#define DYAD_TOKENIZE_H

#include "internal.h"

/* Kinds of a word followed by a period (abbrev.c). */
typedef enum tok_abbrev {
    TOK_ABBREV_NONE = 0,
    TOK_ABBREV_TITLE,  /* Mr. Dr. Gen. Sen.: never ends a sentence */
    TOK_ABBREV_OTHER,  /* Inc. Jan. etc.: ends one when a sentence starter follows */
    TOK_ABBREV_NUMBER  /* No. Nos. Art.: an abbreviation only before a digit */
} tok_abbrev;

/* s[0, len) is a word (without its period); lookups are exact, case-sensitive. */
tok_abbrev tok_abbrev_kind(const char *s, size_t len);
/* Hyphenated prefixes that EWT keeps attached (non-, re-, anti-); case-insensitive. */
bool tok_is_prefix(const char *s, size_t len);
/* Units split from a preceding number (5|kg, 7:30|pm, $44|m); case-insensitive. */
bool tok_is_unit(const char *s, size_t len);
/* Words that start sentences after an abbreviation (The, He, But); case-insensitive. */
bool tok_is_starter(const char *s, size_t len);
/* Contractions written without an apostrophe (cannot, gonna, dont): returns the byte
 * offset of the split, or 0 when s is not one. Case-insensitive. */
size_t tok_fused_split(const char *s, size_t len);

/* For the unit test: every table sorted bytewise and free of duplicates. */
bool tok_tables_sorted(void);

/* Splits the tokens of doc into sentences (split.c): fills doc->sentences. cand
 * lists, in increasing order, the only tokens after which a sentence may end besides
 * the last one, datelines and the length cap. */
dyad_status tok_split_sentences(dyad_doc *doc, const uint32_t *cand, size_t n_cand);

#endif
