/* CoNLL 2018 shared-task alignment of dyad's tokens with a treebank's gold words.
 *
 * Coordinates: every span here is [start, end) in bytes of the text with all
 * whitespace removed (the shared task's "character offsets ignoring whitespace",
 * counted in bytes, which is equivalent for equality of spans). Gold spans come
 * from the concatenated word forms of each sentence, system spans from
 * doc->tokens, so the two sides agree even where # text and forms differ in
 * spacing. Treebank multiword tokens ("don't" = do + n't) always concatenate to
 * their words in EWT and GUM, so every gold word has its own span, and a gold
 * word is aligned when a system token has exactly its span (the shared task's
 * LCS over a multiword region gives the same result on such words).
 *
 * Raw text (align_gold_build): each sentence's "# text"; sentences of one
 * paragraph are joined by one space; "# newpar" or "# newdoc" starts a new
 * paragraph, separated by a blank line ("\n\n"). A sentence without "# text"
 * uses its word forms joined by spaces (multiword tokens by their token form).
 *
 * Ownership: align_gold owns its arrays (malloc); align_gold_free releases them.
 * No function prints. */
#ifndef DYAD_CLI_ALIGN_H
#define DYAD_CLI_ALIGN_H

#include "dyad.h"

#include <stddef.h>
#include <stdint.h>

typedef struct align_span {
    uint32_t start, end; /* whitespace-free byte offsets */
} align_span;

/* The gold side of a treebank, rebuilt as raw text. */
typedef struct align_gold {
    char *text;               /* raw text as described above, NUL-terminated */
    size_t text_len;          /* bytes */
    align_span *words;        /* [n_words] every gold word of every sentence, in order */
    size_t n_words;
    align_span *tokens;       /* [n_tokens] multiword tokens and plain words, in order */
    size_t n_tokens;
    align_span *sentences;    /* [n_sentences] first word start .. last word end */
    size_t *sentence_first;   /* [n_sentences] index in words of each sentence's word 1 */
    size_t n_sentences;
    size_t n_mismatched;      /* sentences whose forms do not spell their # text */
} align_gold;

/* The system side: dyad's tokens, sentences and the tokens grouped as the
 * treebank would write them (clitic splits such as do|n't, Russia|'s, gon|na form
 * one multiword token). */
typedef struct align_system {
    align_span *words;     /* [n_words] = doc->n_tokens, one per dyad token */
    size_t n_words;
    align_span *tokens;    /* [n_tokens] */
    size_t n_tokens;
    align_span *sentences; /* [n_sentences] = doc->n_sentences */
    size_t n_sentences;
} align_system;

/* Counts for one metric; precision = correct / system, recall = correct / gold. */
typedef struct align_score {
    size_t gold, system, correct;
} align_score;

/* Rebuilds raw text and gold spans from a treebank. DYAD_ENOMEM on failure
 * (g is then zeroed and needs no free). */
dyad_status align_gold_build(const dyad_treebank *tb, align_gold *g);
void align_gold_free(align_gold *g);

/* System spans of a tokenized document (doc->text must be the gold raw text, or
 * any text; offsets are computed from doc->text). DYAD_ENOMEM on failure. */
dyad_status align_system_build(const dyad_doc *doc, align_system *s);
void align_system_free(align_system *s);

/* For each gold word i, gold_to_sys[i] = index of the system word with the same
 * span, or -1. Both arrays must be in order of start (as built above). Linear.
 * Returns the number of aligned words. */
size_t align_words(const align_span *gold, size_t n_gold, const align_span *sys, size_t n_sys,
                   int32_t *gold_to_sys);

/* Counts spans present in both sorted arrays (tokens, sentences). */
align_score align_spans(const align_span *gold, size_t n_gold, const align_span *sys,
                        size_t n_sys);

/* Precision, recall and F1 in percent (0 when undefined). */
double align_precision(align_score s);
double align_recall(align_score s);
double align_f1(align_score s);

#endif
