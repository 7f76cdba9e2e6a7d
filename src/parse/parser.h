/* Internal contract of the dependency parser (src/parse): arc-hybrid transitions,
 * averaged perceptron with a dynamic oracle, read-only after training or loading. */
#ifndef DYAD_PARSER_H
#define DYAD_PARSER_H

#include "internal.h"

typedef struct dyad_parser dyad_parser;

/* One sentence for the parser: n words with their tags. Strings need not be
 * NUL-terminated where a length is given; tags are NUL-terminated. */
typedef struct dyad_parse_input {
    int n;
    const char *const *form;    /* [n] */
    const size_t *form_len;     /* [n] */
    const char *const *upos;    /* [n] */
    const char *const *xpos;    /* [n] */
} dyad_parse_input;

/* A training sentence: the input plus the gold tree. */
typedef struct dyad_parse_gold {
    dyad_parse_input in;
    const int *head;            /* [n] 1-based, 0 = root (CoNLL-U) */
    const char *const *deprel;  /* [n] */
} dyad_parse_gold;

typedef void (*dyad_parse_progress_fn)(void *ctx, const char *line);

/* Trains for epochs passes (0 = default) over train, reporting UAS/LAS on dev
 * after each epoch; keeps the averaged weights of the best dev epoch. The same
 * seed gives the same model. NULL + err on failure. */
dyad_parser *dyad_parser_train(const dyad_parse_gold *train, size_t n_train,
                               const dyad_parse_gold *dev, size_t n_dev, int epochs,
                               uint64_t seed, dyad_parse_progress_fn progress, void *ctx,
                               dyad_error *err);

/* Appends the parser's section payload to out. */
dyad_status dyad_parser_save(const dyad_parser *parser, dyad_buf *out);

/* Loads from a section payload (untrusted: every count and offset is checked).
 * The parser points into data, which must be 8-byte aligned and outlive it. */
dyad_parser *dyad_parser_load(const void *data, size_t len, dyad_error *err);

void dyad_parser_free(dyad_parser *parser);

/* Parses one sentence: head[i] is the 0-based head of word i or -1 for the root,
 * deprel[i] a label string owned by the parser. Thread-safe. */
dyad_status dyad_parser_parse(const dyad_parser *parser, const dyad_parse_input *in,
                              int *head, const char **deprel);

/* Fixes readings English does not allow in a parsed sentence (head and deprel as
 * dyad_parser_parse gives them): "On Friday, [name], the minister, signed". */
void dyad_parse_repair(const dyad_parse_input *in, int *head, const char **deprel);

#endif
