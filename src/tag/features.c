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

void tag_word_prepare(tag_word *w, const char *s, size_t n, const tag_table *words,
                      const uint32_t *winfo)
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
    w->winfo = tag_table_get(words, TAG_WORD_KEY(w->form));
    w->amb = w->amb_lower = 0;
    if (w->winfo != TAG_MISS)
        w->amb = winfo[4 * w->winfo] | (uint64_t)winfo[4 * w->winfo + 1] << 32;
    uint32_t lw = tag_table_get(words, TAG_LOWER_KEY(w->lower));
    if (lw != TAG_MISS)
        w->amb_lower = winfo[4 * lw] | (uint64_t)winfo[4 * lw + 1] << 32;
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

/* Lookups are cache misses in a table of megabytes: prefetching every slot, then
 * every row, lets the misses overlap instead of queueing (several times faster). */
void tag_model_score(const tag_model *m, const uint64_t *keys, int nk, int32_t *scores)
{
    uint32_t rows[TAG_MAX_KEYS];
    int nr = 0;
    if (!m->table.slots)
        return;
    for (int k = 0; k < nk; k++)
        __builtin_prefetch(&m->table.slots[(uint32_t)keys[k] & m->table.mask]);
    for (int k = 0; k < nk; k++) {
        uint32_t r = tag_table_get(&m->table, keys[k]);
        if (r != TAG_MISS) {
            __builtin_prefetch(&m->ents[r >> 8]);
            rows[nr++] = r;
        }
    }
    for (int k = 0; k < nr; k++) {
        uint32_t e = rows[k] >> 8, end = e + (rows[k] & 255);
        if ((rows[k] & 255) == TAG_DENSE) {
            dense_add(scores, (const int16_t *)(m->ents + e), m->n_classes);
            continue;
        }
        for (; e < end; e++)
            scores[m->ents[e] >> 16] += (int16_t)(m->ents[e] & 0xffff);
    }
}
