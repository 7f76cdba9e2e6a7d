/* Arc-hybrid transitions and the feature templates (Zhang & Nivre 2011, adapted). */
#include "state.h"
#include "weights.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash_bytes(uint64_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return h;
}

/* Lowercased, digits folded to 9: "1,250" and "3,000" share statistics. */
static uint64_t hash_form(const char *s, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        c = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c >= '0' && c <= '9' ? '9' : c;
        h = (h ^ c) * 0x100000001b3ull;
    }
    return h;
}

static uint64_t hash_tag(const char *s)
{
    return s ? hash_bytes(0x84222325cbf29ce4ull, s, strlen(s)) : 1;
}

uint64_t pstate_form_hash(const char *form, size_t len)
{
    return hash_form(form, len);
}

uint64_t pstate_tag_hash(const char *tag)
{
    return hash_tag(tag);
}

bool pstate_init(pstate *s, const dyad_parse_input *in, const dyad_plex *lex)
{
    int n = in->n, m = n + 2;
    size_t ints = (size_t)m * 8, bytes = ints * sizeof(int) + (size_t)m * 7 * 8 + (size_t)m * 2;
    memset(s, 0, sizeof *s);
    s->mem = calloc(1, bytes);
    if (!s->mem)
        return false;
    uint64_t *u = s->mem;
    s->lset = u, s->rset = u + m, s->wh = u + 2 * m, s->th = u + 3 * m, s->uh = u + 4 * m;
    s->sh = u + 5 * m, s->ah = u + 6 * m;
    int *p = (int *)(u + 7 * m);
    s->stack = p, s->head = p + m, s->label = p + 2 * m, s->l1 = p + 3 * m;
    s->l2 = p + 4 * m, s->r1 = p + 5 * m, s->r2 = p + 6 * m;
    s->nl = (uint8_t *)(p + 8 * m), s->nr = s->nl + m;
    s->n = n, s->b = 1;
    for (int i = 0; i < m; i++)
        s->label[i] = -1;
    s->wh[0] = s->th[0] = s->uh[0] = s->sh[0] = 0x1234567;               /* none */
    s->wh[n + 1] = s->th[n + 1] = s->uh[n + 1] = s->sh[n + 1] = 0x7654321; /* root */
    s->ah[0] = 2, s->ah[n + 1] = 4; /* lexicon classes are odd or 0 */
    for (int i = 0; i < n; i++) {
        size_t len = in->form_len[i], cut = len > 3 ? len - 3 : 0;
        s->wh[i + 1] = hash_form(in->form[i], len);
        s->sh[i + 1] = hash_form(in->form[i] + cut, len - cut) ^ 0x5bd1e995u;
        dyad_plex_ahead(lex, s->wh[i + 1]);
        s->th[i + 1] = hash_tag(in->xpos[i]);
        s->uh[i + 1] = hash_tag(in->upos[i]);
    }
    for (int i = 1; i <= n; i++) /* after all the prefetches: the misses overlap */
        s->ah[i] = dyad_plex_class(lex, s->wh[i]);
    return true;
}

void pstate_free(pstate *s)
{
    free(s->mem);
    s->mem = NULL;
}

bool pstate_terminal(const pstate *s)
{
    return s->sp == 0 && s->b == s->n + 1;
}

/* The root takes exactly one dependent, the last word left on the stack. */
bool pstate_valid(const pstate *s, int move)
{
    switch (move) {
    case MOVE_SHIFT: return s->b <= s->n;
    case MOVE_LEFT: return s->sp >= 1 && (s->b <= s->n || s->sp == 1);
    default: return s->sp >= 2;
    }
}

static void add_arc(pstate *s, int h, int d, int label)
{
    s->head[d] = h;
    s->label[d] = label;
    uint64_t bit = 1ull << (label & 63);
    if (d < h) {
        if (!s->l1[h] || d < s->l1[h])
            s->l2[h] = s->l1[h], s->l1[h] = d;
        else if (!s->l2[h] || d < s->l2[h])
            s->l2[h] = d;
        s->nl[h] += s->nl[h] < 255;
        s->lset[h] |= bit;
    } else {
        if (d > s->r1[h])
            s->r2[h] = s->r1[h], s->r1[h] = d;
        else if (d > s->r2[h])
            s->r2[h] = d;
        s->nr[h] += s->nr[h] < 255;
        s->rset[h] |= bit;
    }
}

void pstate_apply(pstate *s, int move, int label)
{
    if (move == MOVE_SHIFT) {
        s->stack[s->sp++] = s->b++;
    } else if (move == MOVE_LEFT) {
        add_arc(s, s->b, s->stack[--s->sp], label);
    } else {
        int d = s->stack[--s->sp];
        add_arc(s, s->stack[s->sp - 1], d, label);
    }
}

static inline uint64_t f1(int t, uint64_t a)
{
    return dyad_feat_final(dyad_feat_mix((uint64_t)t, a));
}
static inline uint64_t f2(int t, uint64_t a, uint64_t b)
{
    return dyad_feat_final(dyad_feat_mix(dyad_feat_mix((uint64_t)t, a), b));
}
static inline uint64_t f3(int t, uint64_t a, uint64_t b, uint64_t c)
{
    return dyad_feat_final(dyad_feat_mix(dyad_feat_mix(dyad_feat_mix((uint64_t)t, a), b), c));
}
static inline uint64_t f4(int t, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    return dyad_feat_final(
        dyad_feat_mix(dyad_feat_mix(dyad_feat_mix(dyad_feat_mix((uint64_t)t, a), b), c), d));
}

/* The context items every template draws from. */
typedef struct ctx {
    int s0, s1, s2, b0, b1, b2;
    int s0l, s0l2, s0r, s0r2, s1l, s1r, s1r2, b0l, b0l2;
} ctx;

static ctx context(const pstate *s)
{
    ctx c; /* index 0 ("none") never has children, so no checks below */
    int last = s->n + 1;
    c.s0 = s->sp > 0 ? s->stack[s->sp - 1] : 0;
    c.s1 = s->sp > 1 ? s->stack[s->sp - 2] : 0;
    c.s2 = s->sp > 2 ? s->stack[s->sp - 3] : 0;
    c.b0 = s->b;
    c.b1 = s->b + 1 <= last ? s->b + 1 : 0;
    c.b2 = s->b + 2 <= last ? s->b + 2 : 0;
    c.s0l = s->l1[c.s0], c.s0l2 = s->l2[c.s0], c.s0r = s->r1[c.s0], c.s0r2 = s->r2[c.s0];
    c.s1l = s->l1[c.s1], c.s1r = s->r1[c.s1], c.s1r2 = s->r2[c.s1];
    c.b0l = s->l1[c.b0], c.b0l2 = s->l2[c.b0];
    return c;
}

static int dist_bucket(int a, int b)
{
    int d = a && b ? abs(b - a) : 0;
    return d < 5 ? d : d < 10 ? 5 : 6;
}

#define ADD(part, x) do { if (want & (part)) f[k++] = (x); } while (0)
#define FB(x) ADD(PFEAT_BUFFER, x)
#define FS(x) ADD(PFEAT_STACK, x)
#define FL(x) ADD(PFEAT_FRONT, x)
#define FT(x) ADD(PFEAT_TOP, x)
#define FR(x) ADD(PFEAT_REST, x)

/* The templates, each marked with the part of the state it reads (want selects; a
 * constant in each caller, so the tests fold away). In this order for training. */
static inline __attribute__((always_inline)) int features_of(const pstate *s, const ctx *cp,
                                                             unsigned want, uint64_t *f)
{
    const ctx c = *cp;
    const uint64_t *W = s->wh, *T = s->th, *U = s->uh;
    const int *L = s->label;
    uint64_t s0w = W[c.s0], s0t = T[c.s0], s1w = W[c.s1], s1t = T[c.s1], b0w = W[c.b0];
    uint64_t b0t = T[c.b0], b1w = W[c.b1], b1t = T[c.b1], b2t = T[c.b2], s2t = T[c.s2];
    uint64_t d = (uint64_t)dist_bucket(c.s0, c.b0), d1 = (uint64_t)dist_bucket(c.s1, c.s0);
    uint64_t l0l = (uint64_t)L[c.s0l] + 2, l0r = (uint64_t)L[c.s0r] + 2;
    uint64_t lbl = (uint64_t)L[c.b0l] + 2, l1r = (uint64_t)L[c.s1r] + 2;
    int k = 0;
    FB(f1(0, 0));
    /* words and tags of the stack and buffer */
    FS(f1(1, s0w)); FS(f1(2, s0t)); FS(f2(3, s0w, s0t));
    FS(f1(4, s1w)); FS(f1(5, s1t)); FS(f2(6, s1w, s1t));
    FB(f1(7, b0w)); FB(f1(8, b0t)); FB(f2(9, b0w, b0t));
    FB(f1(10, b1w)); FB(f1(11, b1t)); FB(f2(12, b1w, b1t));
    FB(f1(13, W[c.b2])); FB(f1(14, b2t)); FS(f1(16, s2t)); FS(f1(17, W[c.s2]));
    /* pairs s0-b0 and s1-s0 */
    FR(f4(18, s0w, s0t, b0w, b0t)); FR(f3(19, s0w, s0t, b0w));
    FR(f3(20, s0w, b0w, b0t)); FR(f3(21, s0w, s0t, b0t));
    FR(f3(22, s0t, b0w, b0t)); FR(f2(23, s0w, b0w)); FR(f2(24, s0t, b0t));
    FB(f2(25, b0t, b1t));
    FS(f4(26, s1w, s1t, s0w, s0t)); FS(f3(27, s1w, s1t, s0w));
    FS(f3(28, s1w, s0w, s0t)); FS(f3(29, s1w, s1t, s0t));
    FS(f3(30, s1t, s0w, s0t)); FS(f2(31, s1w, s0w)); FS(f2(32, s1t, s0t));
    /* tag trigrams */
    FB(f3(33, b0t, b1t, b2t)); FR(f3(34, s0t, b0t, b1t));
    FR(f3(36, s1t, s0t, b0t)); FR(f3(37, s0t, T[c.s0l], b0t));
    FR(f3(38, s0t, T[c.s0r], b0t)); FR(f3(39, s0t, b0t, T[c.b0l]));
    FS(f3(40, s1t, s0t, T[c.s0l])); FS(f3(41, s1t, T[c.s1r], s0t));
    FR(f3(42, s1t, s0t, T[c.s0r])); FS(f3(43, s2t, s1t, s0t));
    FR(f4(35, s1w, s0t, b0t, 0)); FR(f3(15, s0w, b0t, b1t));
    /* distance */
    FR(f2(44, s0w, d)); FR(f2(45, s0t, d)); FR(f2(46, b0w, d));
    FR(f2(47, b0t, d)); FR(f3(48, s0w, b0w, d)); FR(f3(49, s0t, b0t, d));
    FS(f3(50, s1t, s0t, d1)); FS(f3(51, s1w, s0w, d1));
    /* valency */
    uint64_t vr0 = s->nr[c.s0], vl0 = s->nl[c.s0], vlb = s->nl[c.b0], vr1 = s->nr[c.s1];
    FT(f2(52, s0w, vr0)); FT(f2(53, s0t, vr0)); FS(f2(54, s0w, vl0));
    FS(f2(55, s0t, vl0)); FL(f2(56, b0w, vlb)); FL(f2(57, b0t, vlb));
    FS(f2(58, s1w, vr1)); FS(f2(59, s1t, vr1));
    /* children */
    FS(f1(60, W[c.s0l])); FS(f1(61, T[c.s0l])); FS(f1(62, l0l));
    FT(f1(63, W[c.s0r])); FT(f1(64, T[c.s0r])); FT(f1(65, l0r));
    FL(f1(66, W[c.b0l])); FL(f1(67, T[c.b0l])); FL(f1(68, lbl));
    FS(f1(69, W[c.s1r])); FS(f1(70, T[c.s1r])); FS(f1(71, l1r));
    FS(f1(72, T[c.s1l])); FS(f1(73, (uint64_t)L[c.s1l] + 2));
    FS(f1(74, W[c.s0l2])); FS(f1(75, T[c.s0l2])); FS(f1(76, (uint64_t)L[c.s0l2] + 2));
    FT(f1(77, W[c.s0r2])); FT(f1(78, T[c.s0r2])); FT(f1(79, (uint64_t)L[c.s0r2] + 2));
    FL(f1(80, W[c.b0l2])); FL(f1(81, T[c.b0l2])); FL(f1(82, (uint64_t)L[c.b0l2] + 2));
    FS(f3(83, s0t, T[c.s0l], T[c.s0l2])); FT(f3(84, s0t, T[c.s0r], T[c.s0r2]));
    FL(f3(85, b0t, T[c.b0l], T[c.b0l2])); FS(f3(86, s1t, T[c.s1r], T[c.s1r2]));
    FR(f3(97, s0t, l0l, b0t)); FR(f3(98, s0t, l0r, b0t)); FS(f3(99, s1t, l1r, s0t));
    /* label sets */
    FT(f2(87, s0w, s->rset[c.s0])); FT(f2(88, s0t, s->rset[c.s0]));
    FS(f2(89, s0w, s->lset[c.s0])); FS(f2(90, s0t, s->lset[c.s0]));
    FL(f2(91, b0w, s->lset[c.b0])); FL(f2(92, b0t, s->lset[c.b0]));
    FS(f2(93, s1t, s->rset[c.s1]));
    /* universal tags */
    FR(f2(94, U[c.s0], U[c.b0])); FR(f3(95, U[c.s1], U[c.s0], U[c.b0]));
    FR(f3(96, U[c.s0], U[c.b0], U[c.b1]));
    FS(f1(100, U[c.s0])); FB(f1(101, U[c.b0])); FB(f1(102, U[c.b1]));
    FS(f1(103, U[c.s1])); FS(f2(104, s0w, U[c.s0])); FB(f2(105, b0w, U[c.b0]));
    /* suffixes stand in for rare words; s1-b0 and b0-b1 pairs */
    const uint64_t *S = s->sh;
    FS(f2(106, S[c.s0], s0t)); FB(f2(107, S[c.b0], b0t)); FB(f2(108, S[c.b1], b1t));
    FR(f2(109, s1w, b0w)); FR(f2(110, s1t, b0t)); FB(f2(111, b0w, b1w));
    FB(f2(112, b0t, b1w)); FB(f2(113, b0w, b1t));
    /* ambiguity classes: what the word can be, whatever the tagger said */
    const uint64_t *A = s->ah;
    FS(f2(114, A[c.s0], s0t)); FB(f2(115, A[c.b0], b0t)); FB(f2(116, A[c.b1], b1t));
    FR(f2(117, A[c.s0], A[c.b0])); FR(f3(118, A[c.s1], A[c.s0], A[c.b0]));
    FR(f3(119, A[c.s0], A[c.b0], A[c.b1]));
    return k;
}

/* One case per part keeps want a constant in each call, so its tests fold away. */
int pstate_part_features(const pstate *s, int part, uint64_t *f)
{
    ctx c = context(s);
    switch (part) {
    case PFEAT_BUFFER: return pstate_buffer_features(s, s->b, f);
    case PFEAT_STACK: return features_of(s, &c, PFEAT_STACK, f);
    case PFEAT_FRONT: return features_of(s, &c, PFEAT_FRONT, f);
    case PFEAT_TOP: return features_of(s, &c, PFEAT_TOP, f);
    case PFEAT_REST: return features_of(s, &c, PFEAT_REST, f);
    default: return features_of(s, &c, PFEAT_ALL, f);
    }
}

int pstate_features(const pstate *s, uint64_t *f)
{
    return pstate_part_features(s, PFEAT_ALL, f);
}

/* Only the buffer's fields are set: its templates read no other. */
int pstate_buffer_features(const pstate *s, int i, uint64_t *f)
{
    ctx c = {0};
    int last = s->n + 1;
    c.b0 = i;
    c.b1 = i + 1 <= last ? i + 1 : 0;
    c.b2 = i + 2 <= last ? i + 2 : 0;
    return features_of(s, &c, PFEAT_BUFFER, f);
}
