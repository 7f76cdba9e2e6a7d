/* Tag lexicon of the parser: word -> ambiguity class, built in training, frozen
 * into an open-addressing table that is read in place. */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

#define PLEX_MAX_TAGS 64

typedef struct lex_entry {
    uint64_t word; /* 0 = empty */
    uint64_t tags; /* bit set of tag ids */
    uint32_t count;
} lex_entry;

struct dyad_plex_build {
    lex_entry *e;
    size_t mask, used;
    uint64_t tag_hash[PLEX_MAX_TAGS];
    int n_tags;
};

static inline uint32_t plex_home(uint64_t h, uint32_t n)
{
    return (uint32_t)(((uint64_t)(uint32_t)h * n) >> 32);
}

uint32_t dyad_plex_class(const dyad_plex *x, uint64_t word_hash)
{
    uint32_t fp = (uint32_t)(word_hash >> 32) | 1;
    if (!x || !x->n_slots)
        return 0;
    for (uint32_t i = plex_home(word_hash, x->n_slots), probes = 0; probes < x->n_slots;
         i = i + 1 == x->n_slots ? 0 : i + 1, probes++) {
        if (x->slots[2 * i] == fp)
            return x->slots[2 * i + 1];
        if (x->slots[2 * i] == 0)
            return 0;
    }
    return 0;
}

void dyad_plex_ahead(const dyad_plex *x, uint64_t word_hash)
{
    if (x && x->n_slots)
        __builtin_prefetch(&x->slots[2 * plex_home(word_hash, x->n_slots)]);
}

bool dyad_plex_load(dyad_plex *x, const void *data, size_t len, size_t *used)
{
    const uint32_t *p = data;
    if (len < 8 || ((uintptr_t)data & 3))
        return false;
    uint64_t n = p[0];
    if (p[1] != 0 || 8 + n * 8 > len)
        return false;
    *x = (dyad_plex){(uint32_t)n, p + 2};
    *used = 8 + (size_t)n * 8;
    return true;
}

dyad_plex_build *dyad_plex_build_new(void)
{
    dyad_plex_build *b = calloc(1, sizeof *b);
    if (b) {
        b->mask = (1u << 16) - 1;
        b->e = calloc(b->mask + 1, sizeof *b->e);
    }
    if (b && !b->e) {
        free(b);
        return NULL;
    }
    return b;
}

void dyad_plex_build_free(dyad_plex_build *b)
{
    if (b)
        free(b->e);
    free(b);
}

static bool lex_grow(dyad_plex_build *b)
{
    size_t n = (b->mask + 1) * 2;
    lex_entry *e = calloc(n, sizeof *e);
    if (!e)
        return false;
    for (size_t i = 0; i <= b->mask; i++) {
        size_t j = b->e[i].word & (n - 1);
        while (b->e[i].word && e[j].word)
            j = (j + 1) & (n - 1);
        if (b->e[i].word)
            e[j] = b->e[i];
    }
    free(b->e);
    b->e = e;
    b->mask = n - 1;
    return true;
}

static int tag_id(dyad_plex_build *b, uint64_t tag_hash)
{
    for (int i = 0; i < b->n_tags; i++)
        if (b->tag_hash[i] == tag_hash)
            return i;
    if (b->n_tags == PLEX_MAX_TAGS)
        return PLEX_MAX_TAGS - 1; /* rare overflow tags share the last bit */
    b->tag_hash[b->n_tags] = tag_hash;
    return b->n_tags++;
}

bool dyad_plex_build_add(dyad_plex_build *b, uint64_t word_hash, uint64_t tag_hash)
{
    word_hash |= 1;
    if (b->used * 2 >= b->mask && !lex_grow(b))
        return false;
    size_t i = word_hash & b->mask;
    while (b->e[i].word && b->e[i].word != word_hash)
        i = (i + 1) & b->mask;
    if (!b->e[i].word) {
        b->e[i].word = word_hash;
        b->used++;
    }
    b->e[i].count++;
    b->e[i].tags |= 1ull << tag_id(b, tag_hash);
    return true;
}

dyad_status dyad_plex_build_freeze(const dyad_plex_build *b, uint32_t min_count, dyad_buf *out)
{
    size_t kept = 0;
    for (size_t i = 0; i <= b->mask; i++)
        kept += b->e[i].word && b->e[i].count >= min_count;
    uint32_t n = (uint32_t)(2 * kept + 64), head[2] = {n, 0};
    uint32_t *slots = calloc(n, 2 * sizeof *slots);
    if (!slots)
        return DYAD_ENOMEM;
    for (size_t i = 0; i <= b->mask; i++) {
        const lex_entry *e = &b->e[i];
        if (!e->word || e->count < min_count)
            continue;
        uint32_t j = plex_home(e->word, n), cls = (uint32_t)(e->tags ^ (e->tags >> 32)) * 2654435761u;
        while (slots[2 * j])
            j = j + 1 == n ? 0 : j + 1;
        slots[2 * j] = (uint32_t)(e->word >> 32) | 1;
        slots[2 * j + 1] = cls | 1; /* never 0: 0 means "no class" */
    }
    dyad_buf_append(out, head, sizeof head);
    dyad_buf_append(out, slots, (size_t)n * 8);
    free(slots);
    return out->oom ? DYAD_ENOMEM : DYAD_OK;
}
