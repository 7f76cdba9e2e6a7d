/* Feature templates of the two perceptrons (tags, then features) and the shared scorer. */
#include "features.h"

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
    uint64_t h = 0xcbf29ce484222325ULL ^ 2;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * 0x100000001b3ULL;
    }
    w->lower = tag_mix(h);
    for (int j = 0; j < 4; j++)
        w->suf[j] = (size_t)j < k ? tag_hash(low + k - j - 1, (size_t)j + 1, 10 + j) : 0;
    tag_lower(s, k, low);
    for (int j = 0; j < 3; j++)
        w->pre[j] = (size_t)j < k ? tag_hash(low, (size_t)j + 1, 20 + j) : 0;
    w->shape = word_shape(s, n);
    w->winfo = tag_table_get(words, tag_key(w->form, 3));
    w->amb = 0;
    if (w->winfo != TAG_MISS)
        w->amb = winfo[4 * w->winfo] | (uint64_t)winfo[4 * w->winfo + 1] << 32;
}

/* Hash of a neighbour beyond the sentence edges. */
#define EDGE(d) (0x5eed0000ULL + (uint64_t)(d))
#define F(id, v) (keys[nk++] = tag_key((uint64_t)(id), (v)))

int tag_features(const tag_word *w, int n, int i, const int *tags, uint64_t *keys)
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
    return nk;
}

void tag_model_score(const tag_model *m, const uint64_t *keys, int nk, int32_t *scores)
{
    for (int k = 0; k < nk; k++) {
        uint32_t r = tag_table_get(&m->table, keys[k]);
        if (r == TAG_MISS)
            continue;
        for (uint32_t e = m->rows[r], end = m->rows[r + 1]; e < end; e++)
            scores[m->ents[e] >> 16] += (int16_t)(m->ents[e] & 0xffff);
    }
}
