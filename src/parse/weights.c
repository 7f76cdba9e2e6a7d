/* Sparse averaged-perceptron weights: open-addressing feature table with per-feature
 * class lists, and its frozen zero-copy form. */
#include "weights.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One (feature, class) weight while training; total and ts implement lazy averaging. */
typedef struct wentry {
    double total; /* sum of w over all ticks up to ts */
    float w;
    uint32_t ts;
    uint32_t cls;
} wentry;

typedef struct wslot {
    uint64_t key; /* 0 = empty */
    uint32_t off; /* first entry in pool */
    uint16_t n, cap;
} wslot;

struct dyad_wtrain {
    wslot *slots;
    size_t mask, used;
    wentry *pool;
    size_t pool_len, pool_cap;
    uint32_t now;
    int n_classes;
};

dyad_wtrain *dyad_wtrain_new(int n_classes)
{
    dyad_wtrain *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->mask = (1u << 20) - 1;
    w->slots = calloc(w->mask + 1, sizeof *w->slots);
    w->n_classes = n_classes;
    w->now = 1;
    if (!w->slots) {
        free(w);
        return NULL;
    }
    return w;
}

void dyad_wtrain_free(dyad_wtrain *w)
{
    if (!w)
        return;
    free(w->slots);
    free(w->pool);
    free(w);
}

static const wslot *wtrain_find(const dyad_wtrain *w, uint64_t key)
{
    for (size_t i = key & w->mask;; i = (i + 1) & w->mask) {
        if (w->slots[i].key == key)
            return &w->slots[i];
        if (w->slots[i].key == 0)
            return NULL;
    }
}

void dyad_wtrain_score(const dyad_wtrain *w, const uint64_t *feats, int nf, float *scores)
{
    for (int f = 0; f < nf; f++) {
        const wslot *s = wtrain_find(w, feats[f]);
        if (!s)
            continue;
        const wentry *e = w->pool + s->off;
        for (int k = 0; k < s->n; k++)
            scores[e[k].cls] += e[k].w;
    }
}

static bool wtrain_grow(dyad_wtrain *w)
{
    size_t n = (w->mask + 1) * 2;
    wslot *slots = calloc(n, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i <= w->mask; i++) {
        if (!w->slots[i].key)
            continue;
        size_t j = w->slots[i].key & (n - 1);
        while (slots[j].key)
            j = (j + 1) & (n - 1);
        slots[j] = w->slots[i];
    }
    free(w->slots);
    w->slots = slots;
    w->mask = n - 1;
    return true;
}

static wslot *wtrain_insert(dyad_wtrain *w, uint64_t key)
{
    if (w->used * 2 >= w->mask && !wtrain_grow(w))
        return NULL;
    size_t i = key & w->mask;
    while (w->slots[i].key && w->slots[i].key != key)
        i = (i + 1) & w->mask;
    if (!w->slots[i].key) {
        w->slots[i] = (wslot){.key = key};
        w->used++;
    }
    return &w->slots[i];
}

/* Takes n entries from the pool end; pool offsets stay valid when it moves. */
static bool pool_take(dyad_wtrain *w, size_t n, uint32_t *off)
{
    if (w->pool_len + n > w->pool_cap) {
        size_t cap = w->pool_cap ? w->pool_cap * 2 : 1u << 20;
        while (cap < w->pool_len + n)
            cap *= 2;
        if (cap > UINT32_MAX)
            return false;
        wentry *p = realloc(w->pool, cap * sizeof *p);
        if (!p)
            return false;
        w->pool = p;
        w->pool_cap = cap;
    }
    *off = (uint32_t)w->pool_len;
    w->pool_len += n;
    return true;
}

static wentry *wtrain_entry(dyad_wtrain *w, wslot *s, int cls)
{
    for (int k = 0; k < s->n; k++)
        if (w->pool[s->off + k].cls == (uint32_t)cls)
            return &w->pool[s->off + k];
    if (s->n == s->cap) { /* relocate the list to the pool end with twice the room */
        uint16_t cap = s->cap ? (uint16_t)(s->cap * 2) : 2;
        if (cap > w->n_classes)
            cap = (uint16_t)w->n_classes;
        uint32_t off;
        if (!pool_take(w, cap, &off))
            return NULL;
        memcpy(w->pool + off, w->pool + s->off, s->n * sizeof *w->pool);
        s->off = off;
        s->cap = cap;
    }
    wentry *e = &w->pool[s->off + s->n++];
    *e = (wentry){.total = 0, .w = 0, .ts = w->now, .cls = (uint32_t)cls};
    return e;
}

bool dyad_wtrain_update(dyad_wtrain *w, const uint64_t *feats, int nf, int cls, float delta)
{
    for (int f = 0; f < nf; f++) {
        wslot *s = wtrain_insert(w, feats[f]);
        wentry *e = s ? wtrain_entry(w, s, cls) : NULL;
        if (!e)
            return false;
        e->total += (double)e->w * (w->now - e->ts);
        e->ts = w->now;
        e->w += delta;
    }
    return true;
}

void dyad_wtrain_tick(dyad_wtrain *w)
{
    w->now++;
}

void dyad_wtrain_size(const dyad_wtrain *w, size_t *n_feats, size_t *n_entries)
{
    size_t e = 0;
    for (size_t i = 0; i <= w->mask; i++)
        e += w->slots[i].key ? w->slots[i].n : 0;
    *n_feats = w->used;
    *n_entries = e;
}

/* ---- frozen table ------------------------------------------------------ */

static uint32_t bf16_round(float x)
{
    uint32_t u;
    memcpy(&u, &x, 4);
    u += 0x7fffu + ((u >> 16) & 1); /* round to nearest even */
    return u & 0xffff0000u;
}

static float wentry_avg(const dyad_wtrain *w, const wentry *e)
{
    double total = e->total + (double)e->w * (w->now - e->ts);
    return (float)(total / w->now);
}

/* Appends the kept entries of one feature to words; returns how many. */
/* Rewrites the k sparse entries at words[at..] as one dense row of bf16 weights,
 * flagged by the top bit of the count: frequent features then cost a few vector
 * adds instead of a scatter over their classes. */
static uint32_t densify(const dyad_wtrain *w, size_t at, uint32_t k, dyad_buf *words)
{
    uint32_t n_row = ((uint32_t)w->n_classes + 1) / 2, head = WEIGHTS_DENSE | n_row;
    uint16_t *row = calloc(2 * (size_t)n_row, sizeof *row);
    if (!row || words->oom) {
        free(row);
        words->oom = true;
        return k;
    }
    for (uint32_t j = 0; j < k; j++) {
        uint32_t packed;
        memcpy(&packed, words->data + at + 4 + 4 * j, 4);
        row[packed & 0xffffu] = (uint16_t)(packed >> 16);
    }
    words->len = at;
    dyad_buf_append(words, &head, 4);
    dyad_buf_append(words, row, 4 * (size_t)n_row);
    free(row);
    return k;
}

static uint32_t freeze_feature(const dyad_wtrain *w, const wslot *s, float min_abs,
                               dyad_buf *words)
{
    uint32_t k = 0;
    size_t at = words->len;
    dyad_buf_append(words, &k, 4);
    for (int j = 0; j < s->n; j++) {
        const wentry *e = &w->pool[s->off + j];
        float a = wentry_avg(w, e);
        uint32_t packed = bf16_round(a) | e->cls;
        if (fabsf(a) < min_abs || (packed >> 16) == 0)
            continue;
        dyad_buf_append(words, &packed, 4);
        k++;
    }
    if (k == 0)
        words->len = at;
    else if (k >= (uint32_t)w->n_classes / WEIGHTS_DENSE_DIV)
        return densify(w, at, k, words);
    else if (!words->oom)
        memcpy(words->data + at, &k, 4);
    return k;
}

/* Home slot of a key: a multiply maps 32 hash bits onto any table size. */
static inline uint32_t frozen_home(uint64_t key, uint32_t n_slots)
{
    return (uint32_t)(((uint64_t)(uint32_t)key * n_slots) >> 32);
}

static int by_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

float dyad_wtrain_cutoff(const dyad_wtrain *w, size_t keep)
{
    size_t n = 0, k = 0;
    for (size_t i = 0; i <= w->mask; i++)
        n += w->slots[i].key ? w->slots[i].n : 0;
    float *mag = n > keep ? malloc(n * sizeof *mag) : NULL;
    if (!mag)
        return 0;
    for (size_t i = 0; i <= w->mask; i++)
        for (int j = 0; w->slots[i].key && j < w->slots[i].n; j++)
            mag[k++] = fabsf(wentry_avg(w, &w->pool[w->slots[i].off + j]));
    qsort(mag, n, sizeof *mag, by_float);
    float cut = mag[n - keep];
    free(mag);
    return cut;
}

static void frozen_put(uint32_t *slots, uint32_t n_slots, uint64_t key, uint32_t off)
{
    uint32_t i = frozen_home(key, n_slots);
    while (slots[2 * i])
        i = i + 1 == n_slots ? 0 : i + 1;
    slots[2 * i] = (uint32_t)(key >> 32) | 1; /* never 0: 0 marks an empty slot */
    slots[2 * i + 1] = off;
}

dyad_status dyad_wtrain_freeze(const dyad_wtrain *w, float min_abs, dyad_buf *out)
{
    dyad_buf words;
    dyad_buf_init(&words);
    uint64_t *keys = malloc((w->used + 1) * sizeof *keys);
    uint32_t *offs = malloc((w->used + 1) * sizeof *offs);
    size_t kept = 0;
    for (size_t i = 0; keys && offs && i <= w->mask; i++) {
        size_t off = words.len / 4;
        if (w->slots[i].key && freeze_feature(w, &w->slots[i], min_abs, &words)) {
            keys[kept] = w->slots[i].key;
            offs[kept++] = (uint32_t)off;
        }
    }
    /* Load factor 1/2: most lookups at parse time are misses, and a miss scans
     * to an empty slot (2.5 slots on average here, 8.5 at load factor 3/4). */
    uint32_t n_slots = (uint32_t)(2 * kept + 64);
    uint32_t *slots = calloc(n_slots, 2 * sizeof *slots);
    dyad_status st = keys && offs && slots && !words.oom ? DYAD_OK : DYAD_ENOMEM;
    if (st == DYAD_OK) {
        for (size_t k = 0; k < kept; k++)
            frozen_put(slots, n_slots, keys[k], offs[k]);
        uint32_t head[2] = {n_slots, (uint32_t)(words.len / 4)};
        dyad_buf_append(out, head, sizeof head);
        dyad_buf_append(out, slots, (size_t)n_slots * 8);
        dyad_buf_append(out, words.data, words.len);
        st = out->oom ? DYAD_ENOMEM : DYAD_OK;
    }
    free(keys);
    free(offs);
    free(slots);
    dyad_buf_free(&words);
    return st;
}

/* Classes are checked when scoring (one compare), so loading stays O(slots). */
bool dyad_wfrozen_load(dyad_wfrozen *f, const void *data, size_t len, int n_classes,
                       size_t *used)
{
    const uint32_t *p = data;
    if (len < 8 || n_classes <= 0 || n_classes > 65535)
        return false;
    uint64_t n_slots = p[0], n_words = p[1];
    if (n_slots == 0 || 8 + n_slots * 8 + n_words * 4 > len)
        return false;
    const uint32_t *slots = p + 2, *words = slots + 2 * n_slots;
    for (uint64_t i = 0; i < n_slots; i++) { /* each list must fit in words */
        uint64_t off = slots[2 * i + 1];
        if (!slots[2 * i])
            continue;
        if (off >= n_words)
            return false;
        uint64_t k = words[off] & ~WEIGHTS_DENSE;
        if (off + 1 + k > n_words ||
            ((words[off] & WEIGHTS_DENSE) && k != ((uint64_t)n_classes + 1) / 2))
            return false;
    }
    *f = (dyad_wfrozen){.n_slots = (uint32_t)n_slots, .slots = slots, .words = words,
                        .n_words = (uint32_t)n_words, .n_classes = n_classes};
    *used = 8 + n_slots * 8 + n_words * 4;
    return true;
}

static inline const uint32_t *frozen_list(const dyad_wfrozen *f, uint64_t key)
{
    uint32_t fp = (uint32_t)(key >> 32) | 1;
    for (uint32_t i = frozen_home(key, f->n_slots), probes = 0; probes < f->n_slots;
         i = i + 1 == f->n_slots ? 0 : i + 1, probes++) {
        if (f->slots[2 * i] == fp)
            return f->words + f->slots[2 * i + 1];
        if (f->slots[2 * i] == 0)
            return NULL;
    }
    return NULL;
}

/* GCC vectorizes at -O2 only with -O3's cost model; clang does by default. */
#if defined(__GNUC__) && !defined(__clang__)
#define VECTORIZE __attribute__((optimize("O3")))
#else
#define VECTORIZE
#endif

/* bf16 -> float is a 16-bit shift: this loop vectorizes. */
VECTORIZE static void add_dense(float *restrict scores,
                                                      const uint16_t *restrict row, int n)
{
    for (int c = 0; c < n; c++) {
        uint32_t bits = (uint32_t)row[c] << 16;
        float v;
        memcpy(&v, &bits, 4);
        scores[c] += v;
    }
}

void dyad_wfrozen_score(const dyad_wfrozen *f, const uint64_t *feats, int nf, float *scores)
{
    /* Prefetch every slot first: the lookups are cache misses that overlap. */
    for (int k = 0; k < nf; k++)
        __builtin_prefetch(&f->slots[2 * frozen_home(feats[k], f->n_slots)]);
    const uint32_t *lists[256];
    int nl = 0;
    for (int k = 0; k < nf && nl < 256; k++) {
        const uint32_t *list = frozen_list(f, feats[k]);
        if (list) {
            __builtin_prefetch(list);
            lists[nl++] = list;
        }
    }
    for (int k = 0; k < nl; k++) {
        const uint32_t *list = lists[k];
        if (list[0] & WEIGHTS_DENSE) {
            add_dense(scores, (const uint16_t *)(list + 1), f->n_classes);
            continue;
        }
        for (uint32_t j = 1; j <= list[0]; j++) {
            uint32_t word = list[j], cls = word & 0xffffu, bits = word & 0xffff0000u;
            float wv;
            memcpy(&wv, &bits, 4);
            if (cls < (uint32_t)f->n_classes)
                scores[cls] += wv;
        }
    }
}
