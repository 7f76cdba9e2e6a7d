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

/* Exponent of a nonzero bf16 weight (0 for zero, infinities and NaNs, which
 * make the table inexact). */
static int bf16_exponent(uint32_t bits)
{
    return (int)((bits >> 7) & 255);
}

/* What loading learns of the weights for frozen_exact. */
typedef struct wrange {
    int emin, emax;    /* bf16 exponents of the nonzero weights */
    bool classes_ok;   /* every sparse class < n_classes */
    bool finite;       /* no subnormal, infinite or NaN weight */
} wrange;

/* Folds one list (checked to fit in words) into r. */
static void wrange_add(wrange *r, const uint32_t *list, int n_classes)
{
    bool dense = list[0] & WEIGHTS_DENSE;
    uint32_t n = dense ? 2 * (list[0] & ~WEIGHTS_DENSE) : list[0];
    for (uint32_t j = 0; j < n; j++) {
        uint32_t bits = dense ? ((const uint16_t *)(list + 1))[j] : list[1 + j] >> 16;
        int e = bf16_exponent(bits);
        if (!dense && (list[1 + j] & 0xffffu) >= (uint32_t)n_classes)
            r->classes_ok = false;
        if (!(bits & 0x7fff))
            continue;
        r->finite &= e != 0 && e != 255;
        r->emin = e < r->emin ? e : r->emin;
        r->emax = e > r->emax ? e : r->emax;
    }
}

/* Walks the lists in words in order (freezing writes them back to back), folding
 * each into r and marking where it starts in starts[]; false when they do not
 * tile words exactly. Sequential: reading the lists in slot order is a cache miss
 * each. */
static bool words_walk(const uint32_t *words, uint64_t n_words, int n_classes, wrange *r,
                       uint64_t *starts)
{
    uint64_t off = 0, n_row = ((uint64_t)n_classes + 1) / 2;
    while (off < n_words) {
        uint64_t k = words[off] & ~WEIGHTS_DENSE;
        if (((words[off] & WEIGHTS_DENSE) && k != n_row) || off + 1 + k > n_words)
            return false;
        starts[off >> 6] |= 1ull << (off & 63);
        wrange_add(r, words + off, n_classes);
        off += 1 + k;
    }
    return true;
}

/* Whether every class is in range and every partial sum of at most
 * WEIGHTS_MAX_LISTS weights per class is exact in float: all weights are
 * multiples of the smallest one's last mantissa bit (bf16 keeps 7), and the
 * largest sum stays below 2^24 of those units. Then the order of the additions
 * cannot change a score, and scoring may group them for speed. */
static bool frozen_exact(const wrange *r)
{
    /* |w| < 2^(emax - 126), unit 2^(emin - 134); sums of 2^8 lists stay < 2^24 units */
    return r->classes_ok && r->finite &&
           (r->emin > r->emax || (r->emax - 126 + 8) - (r->emin - 134) <= 24);
}

/* Classes are checked once at load time (see frozen_exact) or when scoring. */
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
    wrange r = {.emin = 255, .emax = 0, .classes_ok = true, .finite = true};
    uint64_t *starts = calloc(n_words / 64 + 1, sizeof *starts);
    bool walked = starts && words_walk(words, n_words, n_classes, &r, starts);
    for (uint64_t i = 0; i < n_slots; i++) { /* each list must fit in words */
        uint64_t off = slots[2 * i + 1];
        if (!slots[2 * i])
            continue;
        uint64_t k = off < n_words ? words[off] & ~WEIGHTS_DENSE : 0;
        if (off >= n_words || off + 1 + k > n_words ||
            ((words[off] & WEIGHTS_DENSE) && k != ((uint64_t)n_classes + 1) / 2)) {
            free(starts);
            return false;
        }
        walked = walked && (starts[off >> 6] >> (off & 63) & 1); /* a list the walk saw */
    }
    free(starts);
    *f = (dyad_wfrozen){.n_slots = (uint32_t)n_slots, .slots = slots, .words = words,
                        .n_words = (uint32_t)n_words, .n_classes = n_classes,
                        .exact = walked && frozen_exact(&r)};
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
VECTORIZE static void add_dense(float *restrict scores, const uint16_t *restrict row, int n)
{
    for (int c = 0; c < n; c++) {
        uint32_t bits = (uint32_t)row[c] << 16;
        float v;
        memcpy(&v, &bits, 4);
        scores[c] += v;
    }
}

/* Adds nr dense rows of len weights to scores, one row after another. */
static void add_dense_rows_plain(float *scores, const uint16_t *const *rows, int nr, int len)
{
    for (int r = 0; r < nr; r++)
        add_dense(scores, rows[r], len);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define DENSE_AVX2 1

/* Eight bf16 weights as floats: a widening load and a shift into the upper half. */
__attribute__((target("avx2"))) static inline __m256 bf16x8(const uint16_t *p)
{
    __m256i w = _mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)p));
    return _mm256_castsi256_ps(_mm256_slli_epi32(w, 16));
}

/* The sums of 32 classes stay in four registers over all rows: one load and
 * store of the scores per block instead of one per row and 8 classes. */
__attribute__((target("avx2"))) static void add_dense_rows_avx2(float *scores,
                                                                 const uint16_t *const *rows,
                                                                 int nr, int len)
{
    int c = 0;
    for (; c + 32 <= len; c += 32) {
        __m256 a0 = _mm256_loadu_ps(scores + c), a1 = _mm256_loadu_ps(scores + c + 8);
        __m256 a2 = _mm256_loadu_ps(scores + c + 16), a3 = _mm256_loadu_ps(scores + c + 24);
        for (int r = 0; r < nr; r++) {
            const uint16_t *x = rows[r] + c;
            a0 = _mm256_add_ps(a0, bf16x8(x)), a1 = _mm256_add_ps(a1, bf16x8(x + 8));
            a2 = _mm256_add_ps(a2, bf16x8(x + 16)), a3 = _mm256_add_ps(a3, bf16x8(x + 24));
        }
        _mm256_storeu_ps(scores + c, a0), _mm256_storeu_ps(scores + c + 8, a1);
        _mm256_storeu_ps(scores + c + 16, a2), _mm256_storeu_ps(scores + c + 24, a3);
    }
    for (; c + 8 <= len; c += 8) {
        __m256 a = _mm256_loadu_ps(scores + c);
        for (int r = 0; r < nr; r++)
            a = _mm256_add_ps(a, bf16x8(rows[r] + c));
        _mm256_storeu_ps(scores + c, a);
    }
    for (int r = 0; c < len && r < nr; r++)
        add_dense(scores + c, rows[r] + c, len - c);
}
#endif

/* Adds nr dense rows of len weights (len even: whole rows, padding included),
 * with AVX2 where the CPU has it. */
static void add_dense_rows(float *scores, const uint16_t *const *rows, int nr, int len)
{
#ifdef DENSE_AVX2
    if (__builtin_cpu_supports("avx2")) {
        add_dense_rows_avx2(scores, rows, nr, len);
        return;
    }
#endif
    add_dense_rows_plain(scores, rows, nr, len);
}

/* Adds one feature's weights: a dense row, or (class, weight) entries. */
static inline void add_list(const dyad_wfrozen *f, const uint32_t *list, float *scores)
{
    if (list[0] & WEIGHTS_DENSE) {
        add_dense(scores, (const uint16_t *)(list + 1), f->n_classes);
        return;
    }
    for (uint32_t j = 1; j <= list[0]; j++) {
        uint32_t word = list[j], cls = word & 0xffffu, bits = word & 0xffff0000u;
        float wv;
        memcpy(&wv, &bits, 4);
        if (cls < (uint32_t)f->n_classes)
            scores[cls] += wv;
    }
}

/* Adds the entries of a sparse list whose classes were checked at load time. */
static inline void add_sparse_checked(const uint32_t *list, float *scores)
{
    for (uint32_t j = 1; j <= list[0]; j++) {
        uint32_t word = list[j], bits = word & 0xffff0000u;
        float wv;
        memcpy(&wv, &bits, 4);
        scores[word & 0xffffu] += wv;
    }
}

/* Adds a list now, or keeps a dense row of an exact table for add_dense_rows;
 * returns the number of rows kept. */
static inline int add_or_defer(const dyad_wfrozen *f, const uint32_t *list, float *scores,
                               const uint16_t **rows, int nr)
{
    if (!f->exact)
        add_list(f, list, scores);
    else if (list[0] & WEIGHTS_DENSE)
        rows[nr++] = (const uint16_t *)(list + 1);
    else
        add_sparse_checked(list, scores);
    return nr;
}

/* Prefetches the home slot of a key. */
static inline void frozen_ahead(const dyad_wfrozen *f, uint64_t key)
{
    __builtin_prefetch(&f->slots[2 * frozen_home(key, f->n_slots)]);
}

/* Lookups are cache misses: slots are prefetched SLOT_AHEAD features ahead and
 * lists LIST_LAG found lists before they are added, so a steady number of misses
 * overlap instead of a burst that overflows the fill buffers. Sparse lists are
 * added in feature order; dense rows too, unless the table is exact, when they are
 * summed together at the end (same scores, fewer loads and stores). */
#define SLOT_AHEAD 12
#define LIST_LAG 6

/* Scores in feature order, lists added as they arrive: any table, any CPU. */
static void score_ordered(const dyad_wfrozen *f, const uint64_t *feats, int nf, float *scores)
{
    const uint32_t *lists[WEIGHTS_MAX_LISTS];
    const uint16_t *rows[WEIGHTS_MAX_LISTS];
    int nl = 0, done = 0, nr = 0;
    for (int k = 0; k < nf && k < SLOT_AHEAD; k++)
        frozen_ahead(f, feats[k]);
    for (int k = 0; k < nf && nl < WEIGHTS_MAX_LISTS; k++) {
        if (k + SLOT_AHEAD < nf)
            frozen_ahead(f, feats[k + SLOT_AHEAD]);
        const uint32_t *list = frozen_list(f, feats[k]);
        if (list) {
            __builtin_prefetch(list);
            lists[nl++] = list;
        }
        if (nl - done > LIST_LAG)
            nr = add_or_defer(f, lists[done++], scores, rows, nr);
    }
    while (done < nl)
        nr = add_or_defer(f, lists[done++], scores, rows, nr);
    if (nr)
        add_dense_rows(scores, rows, nr, 2 * (int)((f->n_classes + 1) / 2));
}

#ifdef DENSE_AVX2
/* frozen_list without a branch per slot: the first of the four slots from the home
 * that holds the fingerprint or is empty decides, found by one compare. */
__attribute__((target("avx512f,avx512vl"))) static inline const uint32_t *
frozen_list_near(const dyad_wfrozen *f, uint64_t key)
{
    uint32_t fp = (uint32_t)(key >> 32) | 1, i = frozen_home(key, f->n_slots);
    if (i + 4 <= f->n_slots) {
        __m256i s = _mm256_loadu_si256((const __m256i *)(f->slots + 2 * i));
        unsigned hit = _mm256_cmpeq_epi32_mask(s, _mm256_set1_epi32((int)fp)) & 0x55;
        unsigned end = _mm256_cmpeq_epi32_mask(s, _mm256_setzero_si256()) & 0x55;
        if (hit | end) {
            unsigned at = (unsigned)__builtin_ctz(hit | end);
            const uint32_t *list = f->words + f->slots[2 * i + at + 1];
            return (hit >> at) & 1 ? list : NULL;
        }
    }
    return frozen_list(f, key);
}

/* The lists of the first WEIGHTS_MAX_LISTS features found, without a branch on
 * whether each was: a miss is written and overwritten. With found, found[k] is set
 * to the number of lists found in feats[0..k]. */
__attribute__((target("avx512f,avx512vl"))) static int
frozen_lists(const dyad_wfrozen *f, const uint64_t *feats, int nf, const uint32_t **lists,
             int *found)
{
    int nl = 0;
    for (int k = 0; k < nf && k < SLOT_AHEAD; k++)
        frozen_ahead(f, feats[k]);
    for (int k = 0; k < nf; k++) {
        if (k + SLOT_AHEAD < nf)
            frozen_ahead(f, feats[k + SLOT_AHEAD]);
        const uint32_t *list = nl < WEIGHTS_MAX_LISTS ? frozen_list_near(f, feats[k]) : NULL;
        __builtin_prefetch(list ? list : f->words);
        lists[nl] = list;
        nl += list != NULL;
        if (found)
            found[k] = nl;
    }
    return nl;
}

/* Sparse entries gathered from all lists before they are added: one loop instead
 * of one per list, whose varying lengths the branch predictor cannot follow. */
#define FLAT_CAP 4096

/* Appends the first k entries of a list to flat[*len..], which has 32 entries of
 * room past *len + k. Masked loads read nothing past them (nothing when k is 0). */
__attribute__((target("avx512f"))) static inline void flat_append(uint32_t *flat, int *len,
                                                                  const uint32_t *list,
                                                                  uint32_t k)
{
    __mmask16 m0 = (__mmask16)(k >= 16 ? 0xffffu : (1u << k) - 1);
    __mmask16 m1 = (__mmask16)(k >= 32 ? 0xffffu : k > 16 ? (1u << (k - 16)) - 1 : 0);
    _mm512_storeu_si512(flat + *len, _mm512_maskz_loadu_epi32(m0, list + 1));
    _mm512_storeu_si512(flat + *len + 16, _mm512_maskz_loadu_epi32(m1, list + 17));
    if (k > 32)
        memcpy(flat + *len + 32, list + 33, (k - 32) * sizeof *flat);
    *len += (int)k;
}

/* Sixteen bf16 weights as floats. */
__attribute__((target("avx512f,avx512bw,avx512vl"))) static inline __m512
bf16x16(const uint16_t *p, __mmask16 m)
{
    __m512i w = _mm512_cvtepu16_epi32(_mm256_maskz_loadu_epi16(m, p));
    return _mm512_castsi512_ps(_mm512_slli_epi32(w, 16));
}

/* add_dense_rows_avx2 with 16 classes a vector: 64 classes stay in registers over
 * all rows, then 16 at a time, then a masked tail. */
__attribute__((target("avx512f,avx512bw,avx512vl"))) static void
add_dense_rows_avx512(float *scores, const uint16_t *const *rows, int nr, int len)
{
    int c = 0;
    for (; c + 64 <= len; c += 64) {
        __m512 a0 = _mm512_loadu_ps(scores + c), a1 = _mm512_loadu_ps(scores + c + 16);
        __m512 a2 = _mm512_loadu_ps(scores + c + 32), a3 = _mm512_loadu_ps(scores + c + 48);
        for (int r = 0; r < nr; r++) {
            const uint16_t *x = rows[r] + c;
            a0 = _mm512_add_ps(a0, bf16x16(x, 0xffff));
            a1 = _mm512_add_ps(a1, bf16x16(x + 16, 0xffff));
            a2 = _mm512_add_ps(a2, bf16x16(x + 32, 0xffff));
            a3 = _mm512_add_ps(a3, bf16x16(x + 48, 0xffff));
        }
        _mm512_storeu_ps(scores + c, a0), _mm512_storeu_ps(scores + c + 16, a1);
        _mm512_storeu_ps(scores + c + 32, a2), _mm512_storeu_ps(scores + c + 48, a3);
    }
    for (; c < len; c += 16) {
        __mmask16 m = (__mmask16)(len - c >= 16 ? 0xffffu : (1u << (len - c)) - 1);
        __m512 a = _mm512_maskz_loadu_ps(m, scores + c);
        for (int r = 0; r < nr; r++)
            a = _mm512_add_ps(a, bf16x16(rows[r] + c, m));
        _mm512_mask_storeu_ps(scores + c, m, a);
    }
}

/* Adds the found lists of an exact table: sorted into dense rows and sparse entries
 * without branches, then each kind added in one loop. */
__attribute__((target("avx512f,avx512bw,avx512vl"))) static void
add_lists_avx512(const dyad_wfrozen *f, const uint32_t *const *lists, int nl, float *scores)
{
    const uint16_t *rows[WEIGHTS_MAX_LISTS + 1];
    uint32_t flat[FLAT_CAP];
    int nr = 0, len = 0;
    for (int j = 0; j < nl; j++) {
        const uint32_t *list = lists[j];
        bool dense = list[0] & WEIGHTS_DENSE;
        rows[nr] = (const uint16_t *)(list + 1);
        nr += dense;
        uint32_t k = dense ? 0 : list[0]; /* a dense row appends nothing: no branch */
        if ((uint64_t)len + k + 32 <= FLAT_CAP) /* always true when k is 0 */
            flat_append(flat, &len, list, k);
        else /* never with the shipped model */
            add_sparse_checked(list, scores);
    }
    for (int e = 0; e < len; e++) {
        uint32_t word = flat[e], bits = word & 0xffff0000u;
        float wv;
        memcpy(&wv, &bits, 4);
        scores[word & 0xffffu] += wv;
    }
    if (nr)
        add_dense_rows_avx512(scores, rows, nr, 2 * (int)((f->n_classes + 1) / 2));
}

/* An exact table on AVX-512: all lists found first, then added. */
__attribute__((target("avx512f,avx512bw,avx512vl"))) static void
score_exact_avx512(const dyad_wfrozen *f, const uint64_t *feats, int nf, float *scores)
{
    const uint32_t *lists[WEIGHTS_MAX_LISTS + 1];
    add_lists_avx512(f, lists, frozen_lists(f, feats, nf, lists, NULL), scores);
}

/* dyad_wfrozen_score_parts on AVX-512: the lists of all parts found in one pipeline
 * (one ramp of prefetches, not one a part), then each part's added to its scores. */
__attribute__((target("avx512f,avx512bw,avx512vl"))) static void
score_parts_avx512(const dyad_wfrozen *f, const uint64_t *feats, const int *ends, int n_parts,
                   float *const *scores)
{
    const uint32_t *lists[WEIGHTS_MAX_LISTS + 1];
    int found[WEIGHTS_MAX_LISTS];
    frozen_lists(f, feats, ends[n_parts - 1], lists, found);
    for (int p = 0, from = 0; p < n_parts; p++) {
        int to = ends[p] > (p ? ends[p - 1] : 0) ? found[ends[p] - 1] : from;
        add_lists_avx512(f, lists + from, to - from, scores[p]);
        from = to;
    }
}

/* Whether the CPU has what score_exact_avx512 needs. */
static bool has_avx512(void)
{
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vl");
}
#endif

/* The first of the highest scores[lo..hi): the loop of best_class without the branch
 * on every new maximum, whose outcome is a coin toss. */
static int argmax_plain(const float *scores, int lo, int hi)
{
    int best = lo;
    for (int c = lo + 1; c < hi; c++)
        best = scores[c] > scores[best] ? c : best;
    return best;
}

#ifdef DENSE_AVX2
/* The maximum of 16 classes at a time, then the first class that has it: the same
 * class as argmax_plain (scores are never NaN; +0 and -0 compare equal in both). */
__attribute__((target("avx512f"))) static int argmax_avx512(const float *scores, int lo, int hi)
{
    __m512 top = _mm512_set1_ps(scores[lo]);
    for (int c = lo; c < hi; c += 16) {
        __mmask16 m = (__mmask16)(hi - c >= 16 ? 0xffffu : (1u << (hi - c)) - 1);
        top = _mm512_mask_max_ps(top, m, top, _mm512_maskz_loadu_ps(m, scores + c));
    }
    float best = _mm512_reduce_max_ps(top);
    for (int c = lo;; c += 16) {
        __mmask16 m = (__mmask16)(hi - c >= 16 ? 0xffffu : (1u << (hi - c)) - 1);
        __mmask16 eq = _mm512_mask_cmp_ps_mask(m, _mm512_maskz_loadu_ps(m, scores + c),
                                               _mm512_set1_ps(best), _CMP_EQ_OQ);
        if (eq)
            return c + __builtin_ctz(eq);
    }
}
#endif

int dyad_scores_argmax(const float *scores, int lo, int hi)
{
#ifdef DENSE_AVX2
    if (hi - lo >= 16 && has_avx512())
        return argmax_avx512(scores, lo, hi);
#endif
    return argmax_plain(scores, lo, hi);
}

void dyad_wfrozen_score(const dyad_wfrozen *f, const uint64_t *feats, int nf, float *scores)
{
#ifdef DENSE_AVX2
    if (f->exact && has_avx512()) {
        score_exact_avx512(f, feats, nf, scores);
        return;
    }
#endif
    score_ordered(f, feats, nf, scores);
}

void dyad_wfrozen_score_parts(const dyad_wfrozen *f, const uint64_t *feats, const int *ends,
                              int n_parts, float *const *scores)
{
#ifdef DENSE_AVX2
    if (f->exact && has_avx512() && n_parts > 0 && ends[n_parts - 1] <= WEIGHTS_MAX_LISTS) {
        score_parts_avx512(f, feats, ends, n_parts, scores);
        return;
    }
#endif
    for (int p = 0, from = 0; p < n_parts; from = ends[p++])
        dyad_wfrozen_score(f, feats + from, ends[p] - from, scores[p]);
}
