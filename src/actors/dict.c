/* Actor dictionary storage: records, codes and a hash of normalised phrases; the
 * compiled default format loader. */
#include "actors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash_bytes(const char *s, size_t len, bool agent)
{
    uint32_t h = agent ? 0x9747b28cu : 2166136261u; /* FNV-1a, one basis per class */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h ? h : 1;
}

dyad_actor_dict *dyad_actor_dict_new(void)
{
    dyad_actor_dict *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    dyad_buf_init(&d->pool);
    dyad_buf_putc(&d->pool, '\0'); /* offset 0 is never a phrase */
    if (d->pool.oom) {
        free(d);
        return NULL;
    }
    return d;
}

void dyad_actor_dict_free(dyad_actor_dict *d)
{
    if (!d)
        return;
    dyad_buf_free(&d->pool);
    free(d->groups);
    free(d->codes);
    free(d->slots);
    dyad_problems_free(&d->problems);
    free(d);
}

static uint32_t pool_add(dyad_actor_dict *d, const char *s, size_t len)
{
    size_t off = d->pool.len;
    if (off + len + 1 > UINT32_MAX)
        return 0;
    dyad_buf_append(&d->pool, s, len);
    dyad_buf_putc(&d->pool, '\0');
    return d->pool.oom ? 0 : (uint32_t)off;
}

long actor_dict_group(dyad_actor_dict *d, char kind)
{
    if (!dyad_array_grow((void **)&d->groups, &d->cap_groups, d->n_groups + 1,
                         sizeof *d->groups, 256))
        return -1;
    d->groups[d->n_groups] = (actor_group){(uint32_t)d->n_codes, 0, 0, kind};
    return (long)d->n_groups++;
}

bool actor_code_valid(const char *s, size_t len)
{
    if (len == 0 || len > ACTOR_MAX_CODE)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '~' ||
              s[i] == '/' || s[i] == '+'))
            return false;
    return true;
}

bool actor_dict_code(dyad_actor_dict *d, const char *code, size_t len, int32_t from, int32_t to)
{
    if (!d->n_groups || !actor_code_valid(code, len))
        return false;
    if (!dyad_array_grow((void **)&d->codes, &d->cap_codes, d->n_codes + 1,
                         sizeof *d->codes, 256))
        return false;
    uint32_t off = pool_add(d, code, len);
    if (!off)
        return false;
    d->codes[d->n_codes++] = (actor_code){off, from, to};
    d->groups[d->n_groups - 1].n_codes++;
    return true;
}

static actor_slot *slot_find(const dyad_actor_dict *d, const char *s, size_t len, bool agent,
                             uint32_t h)
{
    size_t mask = d->n_slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        actor_slot *sl = &d->slots[i];
        if (!sl->phrase)
            return sl;
        if (sl->hash == h && sl->agent == agent) {
            const char *p = d->pool.data + sl->phrase - 1;
            if (strncmp(p, s, len) == 0 && p[len] == '\0')
                return sl;
        }
    }
}

static bool rehash(dyad_actor_dict *d)
{
    size_t n = d->n_slots ? d->n_slots * 2 : 4096;
    actor_slot *old = d->slots;
    size_t n_old = d->n_slots;
    d->slots = calloc(n, sizeof *d->slots);
    if (!d->slots) {
        d->slots = old;
        return false;
    }
    d->n_slots = n;
    for (size_t i = 0; i < n_old; i++) {
        if (!old[i].phrase)
            continue;
        size_t mask = n - 1, j = old[i].hash & mask;
        while (d->slots[j].phrase)
            j = (j + 1) & mask;
        d->slots[j] = old[i];
    }
    free(old);
    return true;
}

bool actor_dict_phrase(dyad_actor_dict *d, long g, const char *phrase, size_t len, int words)
{
    if (g < 0 || (size_t)g >= d->n_groups || len == 0 || len > ACTOR_MAX_PHRASE ||
        words < 1 || words > ACTOR_MAX_WORDS)
        return false;
    if ((d->used + 1) * 4 > d->n_slots * 3 && !rehash(d))
        return false;
    bool agent = d->groups[g].kind == KIND_AGENT;
    uint32_t h = hash_bytes(phrase, len, agent);
    actor_slot *sl = slot_find(d, phrase, len, agent, h);
    if (!sl->phrase) {
        uint32_t off = pool_add(d, phrase, len);
        if (!off)
            return false;
        *sl = (actor_slot){off + 1, 0, h, agent};
        d->used++;
    }
    sl->group = (uint32_t)g; /* a later definition wins */
    if (!d->groups[g].root)
        d->groups[g].root = sl->phrase - 1;
    if (words > d->max_words)
        d->max_words = words;
    const char *space = memchr(phrase, ' ', len);
    uint32_t f = hash_bytes(phrase, space ? (size_t)(space - phrase) : len, false) &
                 (ACTOR_FIRST_SLOTS - 1);
    if (words > d->first_words[f])
        d->first_words[f] = (uint8_t)words;
    return true;
}

int actor_dict_first_bound(const dyad_actor_dict *d, const char *word, size_t len)
{
    return d->first_words[hash_bytes(word, len, false) & (ACTOR_FIRST_SLOTS - 1)];
}

long actor_dict_find(const dyad_actor_dict *d, const char *phrase, size_t len, bool agent)
{
    if (!d->n_slots)
        return -1;
    actor_slot *sl = slot_find(d, phrase, len, agent, hash_bytes(phrase, len, agent));
    return sl->phrase ? (long)sl->group : -1;
}

void actor_dict_problem(dyad_actor_dict *d, const char *file, size_t line, const char *why)
{
    dyad_problems_add(&d->problems, file, line, why);
}

size_t dyad_actor_dict_skipped(const dyad_actor_dict *d)
{
    return d ? d->problems.skipped : 0;
}

const char *dyad_actor_dict_problem(const dyad_actor_dict *d, size_t i)
{
    return d ? dyad_problems_get(&d->problems, i) : NULL;
}

size_t dyad_actor_dict_size(const dyad_actor_dict *d)
{
    return d ? d->used : 0;
}
