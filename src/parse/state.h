/* Arc-hybrid parser state and feature extraction, shared by training and parsing.
 * Internal indices: 0 = none, 1..n = words, n + 1 = the root (last in the buffer). */
#ifndef DYAD_PARSE_STATE_H
#define DYAD_PARSE_STATE_H

#include "lexicon.h"
#include "parser.h"

enum { MOVE_SHIFT, MOVE_LEFT, MOVE_RIGHT };
#define PARSE_MAX_FEATS 128

typedef struct pstate {
    int n;
    int sp, b;          /* stack depth; buffer front (1..n+1) */
    int *stack;         /* [n + 2] */
    int *head, *label;  /* [n + 2]: 0 / -1 until attached */
    int *l1, *l2, *r1, *r2; /* [n + 2] two leftmost / rightmost children, 0 = none */
    uint8_t *nl, *nr;   /* [n + 2] numbers of left / right children (saturating) */
    uint64_t *lset, *rset; /* [n + 2] bit sets of the children's labels */
    uint64_t *wh, *th, *uh, *sh; /* [n + 2] hashes of form, xpos, upos, 3-byte suffix */
    uint64_t *ah;       /* [n + 2] lexicon class of the word, 0 = rare */
    void *mem;
} pstate;

/* Allocates a state for in and computes its hashes (lex may be NULL); false on OOM. */
bool pstate_init(pstate *s, const dyad_parse_input *in, const dyad_plex *lex);
/* The hashes the features and the lexicon use for a form and a tag. */
uint64_t pstate_form_hash(const char *form, size_t len);
uint64_t pstate_tag_hash(const char *tag);
void pstate_free(pstate *s);
bool pstate_terminal(const pstate *s);
bool pstate_valid(const pstate *s, int move);
void pstate_apply(pstate *s, int move, int label);
/* Fills feats; returns how many. */
int pstate_features(const pstate *s, uint64_t *feats);

/* The features in five parts, for scoring each part no more often than it changes:
 * - buffer: the word at the buffer front and the two after it, and the bias: a
 *   function of the front word;
 * - stack: the top three stack words, the top's left children and the second's
 *   children: fixed from the top's shift until it is reduced, since only the buffer
 *   front takes left children and only the second word right ones;
 * - front: the buffer front's left children: fixed until the front changes or takes
 *   one (a shift or a left arc);
 * - top: the stack top's right children: fixed until the top takes one (a right
 *   arc), also while words shifted above it come and go;
 * - rest: pairs of stack and buffer words, distances.
 * Together they are the features of pstate_features. */
enum {
    PFEAT_BUFFER = 1, PFEAT_STACK = 2, PFEAT_FRONT = 4, PFEAT_TOP = 8, PFEAT_REST = 16,
    PFEAT_ALL = 31
};
/* The buffer features of word i at the buffer front (1..n + 1); returns how many. */
int pstate_buffer_features(const pstate *s, int i, uint64_t *feats);
/* The features of one part of the state (a PFEAT_ value; the buffer's at its front). */
int pstate_part_features(const pstate *s, int part, uint64_t *feats);

/* Class numbering: 0 = shift, 1 + l = left-arc l, 1 + L + l = right-arc l. */
static inline int class_move(int cls, int n_labels)
{
    return cls == 0 ? MOVE_SHIFT : cls <= n_labels ? MOVE_LEFT : MOVE_RIGHT;
}

static inline int class_label(int cls, int n_labels)
{
    return cls == 0 ? -1 : cls <= n_labels ? cls - 1 : cls - 1 - n_labels;
}

#endif
