/* Feature templates of the two perceptrons (tags, then features) and the shared scorer. */
#include "tag_features.h"

/* Word shape with runs collapsed: "McCain" -> "XxXx", "1,000" -> "d,d"; bytes of
 * multi-byte characters count as one class so UTF-8 words get stable shapes. */
static uint64_t word_shape(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    char last = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char k = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x'
               : c >= '0' && c <= '9' ? 'd' : c >= 0x80 ? 'u' : (char)c;
        if (k != last)
            h = (h ^ (unsigned char)k) * 0x100000001b3ULL;
        last = k;
    }
    return tag_mix(h ^ (n > 12 ? 12 : n) << 56);
}

void tag_word_hash(tag_word *w, const char *s, size_t n, const tag_table *words)
{
    char low[32];
    size_t k = n < sizeof low ? n : sizeof low;
    /* Suffixes and prefixes come from the first/last 32 bytes, lower-cased. */
    tag_lower(s + n - k, k, low);
    w->text = s;
    w->len = n;
    w->form = tag_hash(s, n, 1);
    w->lower = tag_hash_lower(s, n);
    for (int j = 0; j < 4; j++)
        w->suf[j] = (size_t)j < k ? tag_hash(low + k - j - 1, (size_t)j + 1, 10 + j) : 0;
    tag_lower(s, k, low);
    for (int j = 0; j < 3; j++)
        w->pre[j] = (size_t)j < k ? tag_hash(low, (size_t)j + 1, 20 + j) : 0;
    w->shape = word_shape(s, n);
    if (words->slots) { /* the lookups of tag_word_lookup, a cache miss each */
        __builtin_prefetch(&words->slots[(uint32_t)TAG_WORD_KEY(w->form) & words->mask]);
        __builtin_prefetch(&words->slots[(uint32_t)TAG_LOWER_KEY(w->lower) & words->mask]);
    }
}

void tag_word_lookup(tag_word *w, const tag_table *words, const uint32_t *winfo)
{
    w->winfo = tag_table_get(words, TAG_WORD_KEY(w->form));
    w->amb = w->amb_lower = 0;
    if (w->winfo != TAG_MISS)
        w->amb = winfo[4 * w->winfo] | (uint64_t)winfo[4 * w->winfo + 1] << 32;
    uint32_t lw = tag_table_get(words, TAG_LOWER_KEY(w->lower));
    if (lw != TAG_MISS)
        w->amb_lower = winfo[4 * lw] | (uint64_t)winfo[4 * lw + 1] << 32;
}

void tag_word_prepare(tag_word *w, const char *s, size_t n, const tag_table *words,
                      const uint32_t *winfo)
{
    tag_word_hash(w, s, n, words);
    tag_word_lookup(w, words, winfo);
}

void tag_sentence_context(tag_word *w, int n, unsigned treebank)
{
    int alpha = 0, title = 0, caps = 0;
    for (int i = 0; i < n; i++) {
        const unsigned char *s = (const unsigned char *)w[i].text;
        if (!w[i].len || !((s[0] | 32) >= 'a' && (s[0] | 32) <= 'z'))
            continue;
        alpha++;
        title += s[0] <= 'Z';
        bool upper = true;
        for (size_t k = 0; k < w[i].len && upper; k++)
            upper = !(s[k] >= 'a' && s[k] <= 'z');
        caps += upper;
    }
    /* 0 normal, 1 title case, 2 capitals, 3 all lower case (careless web text) */
    uint64_t profile = alpha < 3 ? 0 : caps * 4 >= alpha * 3 ? 2 : title * 4 >= alpha * 3 ? 1
                     : title == 0 ? 3 : 0;
    for (int i = 0; i < n; i++)
        w[i].ctx = (uint64_t)treebank * 4 + profile;
}

/* Hash of a neighbour beyond the sentence edges. */
#define EDGE(d) (0x5eed0000ULL + (uint64_t)(d))
#define F(id, v) (keys[nk++] = tag_key((uint64_t)(id), (v)))

int tag_features(const tag_word *w, int n, int i, const int *tags, const int *right,
                 uint64_t *keys)
{
    int nk = 0;
    const tag_word *c = &w[i];
    uint64_t l1 = i > 0 ? w[i - 1].lower : EDGE(1), l2 = i > 1 ? w[i - 2].lower : EDGE(2);
    uint64_t r1 = i + 1 < n ? w[i + 1].lower : EDGE(3), r2 = i + 2 < n ? w[i + 2].lower : EDGE(4);
    uint64_t a1 = i + 1 < n ? w[i + 1].amb : EDGE(5), a2 = i + 2 < n ? w[i + 2].amb : EDGE(6);
    uint64_t sh1 = i + 1 < n ? w[i + 1].shape : EDGE(7);
    uint64_t s31 = i + 1 < n ? w[i + 1].suf[2] : EDGE(8);
    uint64_t t1 = i > 0 ? (uint64_t)tags[i - 1] : EDGE(9), t2 = i > 1 ? (uint64_t)tags[i - 2] : EDGE(10);
    F(0, 0);
    F(1, c->lower);
    F(2, c->form);
    for (int j = 0; j < 4; j++)
        F(3 + j, c->suf[j]);
    for (int j = 0; j < 3; j++)
        F(7 + j, c->pre[j]);
    F(10, c->shape);
    F(11, c->shape + (uint64_t)(i == 0));
    F(12, l1);
    F(13, l2);
    F(14, r1);
    F(15, r2);
    F(16, t1);
    F(17, tag_key(t1, t2));
    F(18, tag_key(t1, c->lower));
    F(19, c->amb);
    F(20, a1);
    F(21, a2);
    F(22, tag_key(t1, a1));
    F(23, s31);
    F(24, tag_key(l1, c->lower));
    F(25, tag_key(c->lower, r1));
    F(26, sh1);
    F(27, tag_key(t1, c->suf[2]));
    F(28, tag_key(c->amb, a1));
    F(29, tag_key(c->shape, c->ctx & 3));
    F(30, tag_key(c->lower, c->ctx >> 2));
    F(31, tag_key(i > 0 ? w[i - 1].shape : EDGE(13), c->shape));
    F(32, tag_key(c->amb_lower, c->shape));
    if (!right)
        return nk;
    uint64_t p0 = (uint64_t)right[i], p1 = i + 1 < n ? (uint64_t)right[i + 1] : EDGE(14);
    uint64_t p2 = i + 2 < n ? (uint64_t)right[i + 2] : EDGE(15);
    F(40, p1);
    F(41, tag_key(p1, p2));
    F(42, tag_key(t1, p1));
    F(43, tag_key(p1, c->lower));
    F(44, p0);
    F(45, tag_key(p0, c->lower));
    return nk;
}

int tag_feat_features(const tag_word *w, int n, int i, const int *tags, int subj,
                      uint64_t *keys)
{
    int nk = 0;
    uint64_t t = (uint64_t)tags[i] << 40;
    const tag_word *c = &w[i];
    uint64_t l1 = i > 0 ? w[i - 1].lower : EDGE(1), r1 = i + 1 < n ? w[i + 1].lower : EDGE(3);
    uint64_t t1 = i > 0 ? (uint64_t)tags[i - 1] : EDGE(9), t2 = i > 1 ? (uint64_t)tags[i - 2] : EDGE(10);
    uint64_t u1 = i + 1 < n ? (uint64_t)tags[i + 1] : EDGE(11);
    uint64_t sj = subj < 0 ? EDGE(12) : w[subj].lower ^ ((uint64_t)tags[subj] << 48);
    F(100, t);
    F(101, t ^ c->lower);
    F(102, t ^ c->form);
    for (int j = 0; j < 3; j++)
        F(103 + j, t ^ c->suf[j]);
    F(106, t ^ l1);
    F(107, t ^ r1);
    F(108, t ^ t1);
    F(109, t ^ u1);
    F(110, t ^ tag_key(t1, t2));
    F(111, t ^ sj);
    F(112, t ^ (subj < 0 ? EDGE(12) : (uint64_t)tags[subj]));
    F(113, t ^ tag_key(t1, l1));
    F(114, t ^ (c->ctx >> 2));
    F(115, t ^ tag_key(c->lower, c->ctx >> 2));
    F(116, t ^ c->shape);
    F(117, t ^ (i > 1 ? w[i - 2].lower : EDGE(2)));
    F(118, t ^ (i + 2 < n ? (uint64_t)tags[i + 2] : EDGE(15)));
    F(119, t ^ tag_key(u1, r1));
    return nk;
}

typedef int16_t v8i16 __attribute__((vector_size(16)));
typedef int32_t v8i32 __attribute__((vector_size(32)));

/* Blocks of 8 in GCC/Clang vector types: -O2 does not vectorise the plain loop. */
static void dense_add(int32_t *restrict scores, const int16_t *restrict d, uint32_t n)
{
    uint32_t c = 0;
    for (; c + 8 <= n; c += 8) {
        v8i16 h;
        v8i32 s;
        memcpy(&h, d + c, sizeof h);
        memcpy(&s, scores + c, sizeof s);
        s += __builtin_convertvector(h, v8i32);
        memcpy(scores + c, &s, sizeof s);
    }
    for (; c < n; c++)
        scores[c] += d[c];
}

/* Adds nr dense rows of n weights to scores, one row after another. */
static void dense_add_rows_plain(int32_t *scores, const int16_t *const *rows, int nr, uint32_t n)
{
    for (int r = 0; r < nr; r++)
        dense_add(scores, rows[r], n);
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define DENSE_AVX2 1

/* Eight int16 weights widened to int32 by one load. */
__attribute__((target("avx2"))) static inline __m256i i16x8(const int16_t *p)
{
    return _mm256_cvtepi16_epi32(_mm_loadu_si128((const __m128i *)p));
}

/* The sums of 32 classes stay in four registers over all rows: one load and
 * store of the scores per block instead of one per row (integer sums: the order
 * of the additions does not matter). */
__attribute__((target("avx2"))) static void dense_add_rows_avx2(int32_t *scores,
                                                                const int16_t *const *rows,
                                                                int nr, uint32_t n)
{
    uint32_t c = 0;
    for (; c + 32 <= n; c += 32) {
        __m256i *s = (__m256i *)(scores + c);
        __m256i a0 = _mm256_loadu_si256(s), a1 = _mm256_loadu_si256(s + 1);
        __m256i a2 = _mm256_loadu_si256(s + 2), a3 = _mm256_loadu_si256(s + 3);
        for (int r = 0; r < nr; r++) {
            const int16_t *x = rows[r] + c;
            a0 = _mm256_add_epi32(a0, i16x8(x)), a1 = _mm256_add_epi32(a1, i16x8(x + 8));
            a2 = _mm256_add_epi32(a2, i16x8(x + 16)), a3 = _mm256_add_epi32(a3, i16x8(x + 24));
        }
        _mm256_storeu_si256(s, a0), _mm256_storeu_si256(s + 1, a1);
        _mm256_storeu_si256(s + 2, a2), _mm256_storeu_si256(s + 3, a3);
    }
    for (; c + 8 <= n; c += 8) {
        __m256i a = _mm256_loadu_si256((const __m256i *)(scores + c));
        for (int r = 0; r < nr; r++)
            a = _mm256_add_epi32(a, i16x8(rows[r] + c));
        _mm256_storeu_si256((__m256i *)(scores + c), a);
    }
    for (int r = 0; c < n && r < nr; r++)
        for (uint32_t k = c; k < n; k++)
            scores[k] += rows[r][k];
}
#endif

#ifdef DENSE_AVX2
/* Sixteen int16 weights widened to int32 (a masked load: nothing read past m). */
__attribute__((target("avx512f,avx512bw,avx512vl"))) static inline __m512i
i16x16(const int16_t *p, __mmask16 m)
{
    return _mm512_cvtepi16_epi32(_mm256_maskz_loadu_epi16(m, p));
}

/* The sums of up to 112 classes stay in seven registers over all rows, the last
 * masked: one pass over each row, no scalar tail. */
__attribute__((target("avx512f,avx512bw,avx512vl"))) static void
dense_add_rows_avx512(int32_t *scores, const int16_t *const *rows, int nr, uint32_t n)
{
    __mmask16 last = (__mmask16)(n % 16 ? (1u << (n % 16)) - 1 : 0xffffu);
    __m512i a0 = _mm512_loadu_si512(scores), a1 = _mm512_loadu_si512(scores + 16);
    __m512i a2 = _mm512_loadu_si512(scores + 32), a3 = _mm512_loadu_si512(scores + 48);
    __m512i a4 = _mm512_loadu_si512(scores + 64), a5 = _mm512_loadu_si512(scores + 80);
    __m512i a6 = _mm512_maskz_loadu_epi32(last, scores + 96);
    for (int r = 0; r < nr; r++) {
        const int16_t *x = rows[r];
        a0 = _mm512_add_epi32(a0, i16x16(x, 0xffff));
        a1 = _mm512_add_epi32(a1, i16x16(x + 16, 0xffff));
        a2 = _mm512_add_epi32(a2, i16x16(x + 32, 0xffff));
        a3 = _mm512_add_epi32(a3, i16x16(x + 48, 0xffff));
        a4 = _mm512_add_epi32(a4, i16x16(x + 64, 0xffff));
        a5 = _mm512_add_epi32(a5, i16x16(x + 80, 0xffff));
        a6 = _mm512_add_epi32(a6, i16x16(x + 96, last));
    }
    _mm512_storeu_si512(scores, a0), _mm512_storeu_si512(scores + 16, a1);
    _mm512_storeu_si512(scores + 32, a2), _mm512_storeu_si512(scores + 48, a3);
    _mm512_storeu_si512(scores + 64, a4), _mm512_storeu_si512(scores + 80, a5);
    _mm512_mask_storeu_epi32(scores + 96, last, a6);
}

/* Whether the CPU has the AVX-512 dense_add_rows_avx512 needs. */
static bool has_avx512(void)
{
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vl");
}
#endif

/* Adds nr dense rows of n weights, with AVX-512 (rows of 97 to 112 classes, as the
 * shipped tag models have) or AVX2 where the CPU has it. */
static void dense_add_rows(int32_t *scores, const int16_t *const *rows, int nr, uint32_t n)
{
#ifdef DENSE_AVX2
    if (n > 96 && n <= 112 && has_avx512()) {
        dense_add_rows_avx512(scores, rows, nr, n);
        return;
    }
    if (__builtin_cpu_supports("avx2")) {
        dense_add_rows_avx2(scores, rows, nr, n);
        return;
    }
#endif
    dense_add_rows_plain(scores, rows, nr, n);
}

/* Adds a sparse row, or keeps a dense one for dense_add_rows; returns the number kept. */
static inline int add_row(const tag_model *m, uint32_t row, int32_t *scores,
                          const int16_t **dense, int nd)
{
    uint32_t e = row >> 8, end = e + (row & 255);
    if ((row & 255) == TAG_DENSE) {
        dense[nd++] = (const int16_t *)(m->ents + e);
        return nd;
    }
    for (; e < end; e++)
        scores[m->ents[e] >> 16] += (int16_t)(m->ents[e] & 0xffff);
    return nd;
}

/* Lookups are cache misses in a table of megabytes: slots are prefetched
 * SLOT_AHEAD keys ahead and rows ROW_LAG found rows before they are added, so
 * the misses overlap at a steady rate the fill buffers can take. The sums are
 * integers: adding dense rows together at the end gives the same scores. */
#define SLOT_AHEAD 12
#define ROW_LAG 6
void tag_model_score(const tag_model *m, const uint64_t *keys, int nk, int32_t *scores)
{
    uint32_t rows[TAG_MAX_KEYS];
    const int16_t *dense[TAG_MAX_KEYS];
    int nr = 0, done = 0, nd = 0;
    if (!m->table.slots)
        return;
    for (int k = 0; k < nk && k < SLOT_AHEAD; k++)
        __builtin_prefetch(&m->table.slots[(uint32_t)keys[k] & m->table.mask]);
    for (int k = 0; k < nk; k++) {
        if (k + SLOT_AHEAD < nk)
            __builtin_prefetch(&m->table.slots[(uint32_t)keys[k + SLOT_AHEAD] & m->table.mask]);
        uint32_t r = tag_table_get(&m->table, keys[k]);
        if (r != TAG_MISS) {
            __builtin_prefetch(&m->ents[r >> 8]);
            rows[nr++] = r;
        }
        if (nr - done > ROW_LAG)
            nd = add_row(m, rows[done++], scores, dense, nd);
    }
    while (done < nr)
        nd = add_row(m, rows[done++], scores, dense, nd);
    if (nd)
        dense_add_rows(scores, dense, nd, m->n_classes);
}
