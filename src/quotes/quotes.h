/* Quote stage internals: quotation marks, reporting cues, speakers, shared work state. */
#ifndef DYAD_QUOTES_H
#define DYAD_QUOTES_H

#include "internal.h"

/* Cue classes (bits): what a reporting word takes and what it means. */
#define QC_SPEECH 1u    /* takes a content clause: say, tell, warn */
#define QC_DENY 2u      /* denies its content or object: deny, reject */
#define QC_NAMING 4u    /* names its object with a phrase: call, describe, label */
#define QC_DIRECTIVE 8u /* object + infinitive: urge, ask, encourage */
#define QC_INTENT 16u   /* infinitive only: promise, vow, threaten */
#define QC_WEAK 32u     /* a cue only with a that-clause or quotation: find, show */

/* A quoted span found by its marks: bytes of the content, marks excluded. */
typedef struct qspan {
    uint32_t start, end; /* bytes into doc->text */
    uint32_t t0, t1;     /* tokens inside [t0, t1); t0 == t1 when none */
} qspan;

/* One quote while it is built (indices are global token indices). */
typedef struct qrec {
    uint32_t start, end;  /* content bytes */
    uint32_t t0, t1;      /* content tokens */
    int direct;
    int32_t cue;          /* cue token or -1 */
    const char *cue_text; /* "according to", or NULL: the cue token as written */
    int32_t subj;         /* speaker head token, or -1 */
    int denial;
    int dropped;          /* replaced by a direct quote or absorbed by an indirect one */
    dyad_speaker speaker;
} qrec;

/* Work state for one document; arrays are malloc'd and freed by the stage. */
typedef struct qwork {
    dyad_doc *doc;
    uint32_t *lo, *hi;   /* [n_tokens] first and last token of each token's subtree */
    int32_t *sent;       /* [n_tokens] sentence of each token */
    int32_t *inq;        /* [n_tokens] index into spans of the quotation holding it, or -1 */
    uint32_t *para;      /* [n_sentences] paragraph number of each sentence */
    int32_t *ment;       /* [n_tokens] index into doc->actors covering the token, or -1 */
    int32_t *cuerec;     /* [n_tokens] index into recs of the statement a cue heads, or -1 */
    uint32_t *kid_first; /* [n_tokens + 1] children of token t: kids[kid_first[t] ..
                            kid_first[t + 1]), in text order */
    uint32_t *kids;      /* [n_tokens] */
    uint32_t *wpre;      /* [n_tokens + 1] words (tokens not punctuation) before each token */
    int32_t bare_sent, bare_cue; /* the last sentence asked for a bare cue, and its answer */
    qspan *spans;        /* quotation marks' spans in text order */
    size_t n_spans, cap_spans;
    qspan *inner;        /* single-quoted spans inside a double quotation, in text order */
    size_t n_inner, cap_inner;
    qrec *recs;          /* quotes being built */
    size_t n_recs, cap_recs;
} qwork;

/* marks.c: finds the quoted spans of the text in one linear pass (continuation
 * paragraphs joined; single quotes nested in a double one stay part of it and are
 * also listed in w->inner); false when out of memory. */
bool q_marks_scan(qwork *w);

/* marks.c: the length of the quotation mark at s[i] (straight, curly, low-9,
 * guillemets, single), 0 when none. */
size_t q_mark_len(const char *s, size_t i, size_t n);

/* cues.c: the cue classes of token t (0: not a cue); "according to" is QC_SPEECH. */
unsigned q_cue_class(const dyad_doc *doc, uint32_t t);
/* True for nouns that name a claim ("report", "allegation"): what a denial rejects. */
bool q_claim_noun(const dyad_doc *doc, uint32_t t);
/* True when the predicate t says its subject is false ("false", "untrue", "baseless"). */
bool q_false_word(const dyad_doc *doc, uint32_t t);
/* The source kind a common noun head implies ("officials" anonymous, "report"
 * document, "newspaper" media, "ministry" organization), or NULL when it says nothing. */
const char *q_noun_kind(const dyad_doc *doc, uint32_t t);
/* True when a name is a news medium ("Reuters", "The New York Times", "Al Jazeera"). */
bool q_media_name(const char *name, size_t len);
/* True for a role noun that a later "the minister" can refer back to. */
bool q_role_noun(const dyad_doc *doc, uint32_t t);

/* indirect.c: appends the reported statements found over the parse. */
bool q_indirect_find(qwork *w);
/* The content range a cue governs; false when it has none. */
bool q_cue_content(const qwork *w, uint32_t cue, unsigned cls, uint32_t *c0, uint32_t *c1);

/* direct.c: classifies each quoted span (its cue, merged into a statement, replacing
 * one, or a scare quote) and appends the direct quotations; false when out of memory. */
bool q_direct_find(qwork *w);
/* direct.c: a quotation inside a quotation with its own cue there ("... and the
 * president said, 'Let's talk.'") becomes a quote of its own; false on OOM. */
bool q_inner_find(qwork *w);
/* neighbours.c: speakers for quotations with no cue of their own. */
void q_neighbours(qwork *w);
/* link.c: denies[i] = the quote recs[i] denies, or -1 (recs in text order). */
void q_denials_link(qwork *w, int32_t *denies);

/* subjects.c: the subject token of a cue (climbing conjuncts and participles), or -1. */
int32_t q_cue_subject(const qwork *w, uint32_t cue);
/* The same, falling back on the sentence's other subjects and named people (for
 * quotations, whose cue the parse often leaves without a subject). */
int32_t q_cue_subject_loose(const qwork *w, uint32_t cue);
/* speakers.c: fills r->speaker from r->subj (mentions, pronouns, titles, kinds); r is at index
 * at in w->recs, whose earlier records are already resolved. */
void q_speaker_fill(qwork *w, size_t at);

/* Shared helpers (find.c). */
bool q_is_punct(const dyad_doc *doc, uint32_t t);
/* Words (tokens that are not punctuation) in [a, b), in constant time. */
uint32_t q_words(const qwork *w, uint32_t a, uint32_t b);
/* Bound on the children, leading tokens and phrase words any one lookup examines, so
 * that every step stays linear on hostile parses (hubs, chains, runs of marks). */
#define Q_SCAN 64
/* The first child of t with relation rel (or rel:*), or -1. */
int32_t q_child(const qwork *w, uint32_t t, const char *rel);
bool q_rel(const dyad_doc *doc, uint32_t t, const char *rel);     /* deprel is rel or rel:* */
bool q_upos(const dyad_doc *doc, uint32_t t, const char *upos);
bool q_word(const dyad_doc *doc, uint32_t t, const char *word);   /* lower-case text match */
bool q_lemma_in(const dyad_doc *doc, uint32_t t, const char *const *list);
qrec *q_rec_add(qwork *w);                                        /* zeroed; NULL on OOM */

#endif
