/* Shared internals of the tagger: hashing, hash tables, the payload layout and views. */
#ifndef DYAD_TAG_IMPL_H
#define DYAD_TAG_IMPL_H

#include "tagger.h"

#include <string.h>

/* ---- hashing ------------------------------------------------------------ */

/* Final mixer of MurmurHash3: spreads every input bit over the 64 bits. */
static inline uint64_t tag_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

/* FNV-1a over the bytes, then mixed; seed separates key spaces. */
static inline uint64_t tag_hash(const char *s, size_t n, uint64_t seed)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ seed;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return tag_mix(h);
}

/* tag_hash of the ASCII-lower-cased bytes, with seed 2. */
static inline uint64_t tag_hash_lower(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ 2;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * 0x100000001b3ULL;
    }
    return tag_mix(h);
}

/* Word-table keys of a form and of its lower-cased form. */
#define TAG_WORD_KEY(form_hash) tag_key((form_hash), 3)
#define TAG_LOWER_KEY(lower_hash) tag_key((lower_hash), 5)

/* Combines two hashes into a table key; 0 is the empty-slot marker, so never 0. */
static inline uint64_t tag_key(uint64_t a, uint64_t b)
{
    uint64_t k = tag_mix(a * 0x9e3779b97f4a7c15ULL + b);
    return k ? k : 1;
}

/* ---- read-only open-addressing table: key -> u32 ------------------------ */

/* One slot is 8 bytes, fingerprint << 32 | value, so a lookup costs one cache miss.
 * The key's low bits pick the slot and its high 32 bits are the fingerprint (never
 * 0, which marks an empty slot); two keys sharing both would collide, which at 2^-32
 * per probe only costs a feature. */
typedef struct tag_table {
    const uint64_t *slots; /* [mask + 1]; at least one slot is empty */
    uint32_t mask;
} tag_table;

#define TAG_MISS UINT32_MAX

static inline uint32_t tag_fingerprint(uint64_t key)
{
    uint32_t fp = (uint32_t)(key >> 32);
    return fp ? fp : 1;
}

static inline uint32_t tag_table_get(const tag_table *t, uint64_t key)
{
    if (!t->slots)
        return TAG_MISS;
    uint32_t fp = tag_fingerprint(key);
    for (uint32_t i = (uint32_t)key & t->mask;; i = (i + 1) & t->mask) {
        uint64_t s = t->slots[i];
        if ((uint32_t)(s >> 32) == fp)
            return (uint32_t)s;
        if (!(s >> 32))
            return TAG_MISS;
    }
}

/* ---- growable table for training ---------------------------------------- */

typedef struct tag_map {
    uint64_t *keys;
    uint32_t *vals;
    uint32_t cap, n; /* cap is a power of two, n < cap * 3/4 */
} tag_map;

/* Index of key's slot (inserting it with val when absent); TAG_MISS when out of memory. */
uint32_t tag_map_slot(tag_map *m, uint64_t key, uint32_t val);
uint32_t tag_map_get(const tag_map *m, uint64_t key);
void tag_map_free(tag_map *m);
/* Payload slots for keys/vals[cap] (cap a power of two, some keys 0); NULL on OOM. */
uint64_t *tag_slots_pack(const uint64_t *keys, const uint32_t *vals, uint32_t cap);

/* ---- payload ------------------------------------------------------------- */

/* Arrays of the payload, in header order; each is 8-byte aligned. Tables are
 * u64 slots (see tag_table). */
enum {
    TAG_ARR_STRINGS,  /* char: NUL-terminated strings, referenced by offset */
    TAG_ARR_PARAMS,   /* u32: TAG_P_* */
    TAG_ARR_TAGS,     /* u32 [n_tags][2]: upos, xpos string offsets */
    TAG_ARR_FEATS,    /* u32 [n_feats]: feats string offsets */
    TAG_ARR_TM_SLOTS, /* first tag pass: feature key -> row (start << 8 | count) */
    TAG_ARR_TM_ENTS,  /* u32: class << 16 | (uint16)quantised weight, classes ascending;
                       * or dense rows (TAG_DENSE) */
    TAG_ARR_T2_SLOTS, /* second tag pass (sees the first pass's tags on the right) */
    TAG_ARR_T2_ENTS,
    TAG_ARR_FM_SLOTS, /* feature model */
    TAG_ARR_FM_ENTS,
    TAG_ARR_W_SLOTS,  /* word form -> word index */
    TAG_ARR_W_INFO,   /* u32 [n_words][4]: amb hash lo, hi, cand start, cand count */
    TAG_ARR_W_CANDS,  /* u32: tag classes */
    TAG_ARR_FC_ROWS,  /* u32 [n_tags + 1]: feats candidates of each tag */
    TAG_ARR_FC_LIST,  /* u32: feats classes */
    TAG_ARR_L_SLOTS,  /* (form, xpos) -> lemma string offset */
    TAG_ARR_R_SLOTS,  /* (xpos, suffix) -> rule index */
    TAG_ARR_RULES,    /* u32 [n_rules][3]: strip bytes, append string, flags */
    TAG_N_ARR
};

enum { TAG_P_TM_SCALE, TAG_P_FM_SCALE, TAG_P_T2_SCALE, TAG_P_CAND_MIN, TAG_N_PARAMS };

#define TAG_MAGIC "DYADTAG1"
#define TAG_VERSION 3u
#define TAG_MAX_ENTS ((1u << 24) - 1) /* row starts are 24 bits */
#define TAG_HEADER_SIZE (8 + 4 + 4 + TAG_N_ARR * 8)

#define TAG_RULE_LOWER 1u /* the rule applies to the lower-cased form */

/* A perceptron model as stored: feature key -> row of (class, weight) entries. */
/* Row count 255 marks a dense row: one int16 weight per class, 2 per u32 (rows that
 * touch many classes add faster as a vector loop than as a scatter). */
#define TAG_DENSE 255u
#define TAG_DENSE_WORDS(n_classes) (((n_classes) + 1) / 2)

typedef struct tag_model {
    tag_table table;
    const uint32_t *ents;
    uint32_t n_ents, n_classes;
    float scale; /* weight = (int16)entry * scale */
} tag_model;

#define TAG_MAX_OPEN 256

struct dyad_tagger {
    const char *strings;
    uint32_t n_strings;
    const uint32_t *tags;  /* [n_tags][2] */
    uint32_t n_tags;
    const uint32_t *feats; /* [n_feats] */
    uint32_t n_feats;
    tag_model tm, t2, fm; /* first-pass tags, second-pass tags, features */
    tag_table words;
    const uint32_t *winfo, *wcands;
    uint32_t n_words;
    const uint32_t *fc_rows, *fc_list;
    tag_table lemmas, rule_keys;
    const uint32_t *rules;
    uint32_t n_rules;
    const void *data; /* the payload (validated) */
    size_t len;
    void *owned;      /* payload copy owned by the tagger, or NULL */
    int vb, vbd, vbp, vbz, nn, nnp, to; /* the classes tag_grammar sets (VERB VB, VBD,
                                         * VBP, VBZ; NOUN NN; PROPN NNP; PART TO), or -1 */
    int in, jj, vbn;                    /* ADP IN, ADJ JJ, VERB VBN, or -1 */
    uint32_t open[TAG_MAX_OPEN];  /* the classes of open word classes, for unseen words */
    uint32_t n_open;              /* 0: all classes (a tag set too large to list) */
};

/* Finds the classes the grammar constraints set, once, when the tagger loads. */
void tag_grammar_classes(dyad_tagger *t);

/* Serializes arrays (pointers and byte sizes per TAG_ARR_*) with the header. */
void tag_payload_write(dyad_buf *out, const void *const arrays[TAG_N_ARR],
                       const size_t sizes[TAG_N_ARR]);

/* ---- features and lemmas ------------------------------------------------- */

/* Hashes computed once per word of a sentence. */
typedef struct tag_word {
    uint64_t form, lower, shape, suf[4], pre[3], amb;
    uint64_t amb_lower; /* ambiguity class of the lower-cased form */
    uint64_t ctx;     /* sentence context: treebank * 4 + capitalisation profile */
    uint32_t winfo;   /* index into the word dictionary or TAG_MISS */
    const char *text; /* the form and its length */
    size_t len;
} tag_word;

/* Whether form is an irregular inflection of a verb in WordNet's lists ("froze"). */
bool tag_irregular_verb(const char *form, size_t len);
/* Whether form is a present tense of a verb WordNet knows: the base form ("compete"), or
 * with third_person its "-s" form ("kills", "goes", "tries"). */
bool tag_present_verb(const char *form, size_t len, bool third_person);
/* Whether the treebanks had the word (any case) with that xpos. */
bool tag_lemma_seen(const dyad_tagger *t, const char *form, size_t len, const char *xpos);
/* Lemma of a word given its xpos, pointing into the tagger or the arena. */
const char *tag_lemma(const dyad_tagger *t, const char *form, size_t len, const char *xpos,
                      dyad_arena *arena);
/* tag_lemma in two steps, so a sentence can prefetch every word's lexicon slots before
 * the lookups: the keys of a word from its hashes (tag_word.form and .lower), then the
 * lemma from the keys. */
typedef struct tag_lemma_key {
    uint64_t exact, lower, hx; /* lexicon keys of the form and the lower-cased form; xpos hash */
    char cls;                  /* WordNet's class of an inflected xpos: 'V', 'N', 'J'; else 0 */
} tag_lemma_key;
void tag_lemma_keys(const dyad_tagger *t, uint64_t form_hash, uint64_t lower_hash,
                    const char *xpos, tag_lemma_key *k);
const char *tag_lemma_keyed(const dyad_tagger *t, const char *form, size_t len,
                            const tag_lemma_key *key, dyad_arena *arena);

/* Lemma tables built from training words, appended to the string pool. */
typedef struct tag_lemma_build {
    tag_map lex, rule_keys;
    uint32_t *rules; /* [n_rules][3] */
    uint32_t n_rules;
} tag_lemma_build;

/* String pool of the payload: NUL-terminated strings, deduplicated. */
typedef struct tag_pool {
    dyad_buf buf;
    tag_map map; /* string hash -> offset */
} tag_pool;
/* Interns a string in the pool; returns its offset or TAG_MISS on OOM. */
uint32_t tag_pool_add(tag_pool *p, const char *s, size_t n);

dyad_status tag_lemma_learn(tag_lemma_build *lb, tag_pool *pool,
                            const dyad_treebank *const *train, size_t n_train);
void tag_lemma_build_free(tag_lemma_build *lb);

/* ASCII lower-casing into out (capacity >= n); returns n. */
size_t tag_lower(const char *s, size_t n, char *out);

#endif
