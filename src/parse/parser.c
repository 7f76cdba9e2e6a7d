/* Greedy arc-hybrid dependency parser: averaged perceptron trained with a dynamic
 * oracle and error exploration (Goldberg & Nivre 2012/2013); model section I/O. */
#include "parser.h"
#include "state.h"
#include "lexicon.h"
#include "weights.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PARSER_MAGIC 0x52505944u /* "DYPR" */
#define PARSER_VERSION 4u /* bumped whenever the feature templates change */
#define PARSER_MAX_LABELS 1000
/* Words seen fewer times get no lexicon class: one sighting says little. */
#define PARSER_LEXICON_MIN 3
#define PARSER_DEFAULT_EPOCHS 15
/* Keeps the largest averaged weights only. 1.8M of ~10M: 24.8 MB, EWT test LAS
 * 83.20, ~90k words/s; 1.0M: 14.6 MB, LAS 82.66, ~100k words/s and a model under
 * 30 MB. The smaller one ships; raise this to trade size and speed for accuracy. */
#define PARSER_MAX_WEIGHTS 1000000

struct dyad_parser {
    int n_labels;
    const char **labels; /* [n_labels], into label_mem or the section data */
    char *label_mem;     /* owned when trained */
    dyad_wfrozen w;
    dyad_plex lex;
    size_t body_len;     /* bytes of weights + lexicon, from w.slots - 2 */
    dyad_buf weights;    /* owned weights + lexicon when trained */
};

/* Highest-scoring class whose move is valid (and, with allowed, allowed). Classes
 * of one move are contiguous: [0], [1, 1 + L), [1 + L, 1 + 2L). */
static int best_class(const pstate *s, const float *scores, int n_labels, const bool *allowed)
{
    int best = -1;
    const int from[3] = {0, 1, 1 + n_labels}, to[3] = {1, 1 + n_labels, 1 + 2 * n_labels};
    for (int m = 0; m < 3; m++) {
        if (!pstate_valid(s, m))
            continue;
        for (int c = from[m]; c < to[m]; c++)
            if ((!allowed || allowed[c]) && (best < 0 || scores[c] > scores[best]))
                best = c;
    }
    return best;
}

/* best_class without allowed: the valid classes are one range, since shift is valid
 * only with left arcs (and right ones when the stack has two words), and without shift
 * one arc alone is (the root takes the last word). */
static int best_valid(const pstate *s, const float *scores, int n_labels)
{
    bool shift = pstate_valid(s, MOVE_SHIFT), left = pstate_valid(s, MOVE_LEFT);
    int lo = shift ? 0 : left ? 1 : 1 + n_labels;
    int hi = pstate_valid(s, MOVE_RIGHT) ? 1 + 2 * n_labels : left ? 1 + n_labels : 1;
    return dyad_scores_argmax(scores, lo, hi);
}

/* Scores of the parts of the features (the PFEAT_ parts of state.h), for a table whose
 * sums are exact (dyad_wfrozen.exact): a transition adds four rows to the scores of
 * the rest of its features, the same sums as all features at once. A row is scored,
 * with the rest in one call, at the first transition after its part changed. */
typedef struct part_scores {
    size_t len;      /* floats per row: WEIGHTS_SCORES_LEN(n_classes) */
    float *buffer;   /* [len] row of the word at the buffer front */
    float *front;    /* [len] row of the buffer front's left children */
    float *stack;    /* [n + 2][len] row of each word on top of the stack, from its shift */
    float *top;      /* [n + 2][len] of each word's right children, from its last one */
} part_scores;

/* Allocates the rows (scored as the parse goes); false on OOM. */
static bool parts_new(const pstate *s, const dyad_wfrozen *w, part_scores *r)
{
    size_t m = (size_t)s->n + 2;
    r->len = WEIGHTS_SCORES_LEN(w->n_classes);
    r->buffer = malloc((2 * m + 2) * r->len * sizeof *r->buffer);
    if (!r->buffer)
        return false;
    r->front = r->buffer + r->len;
    r->stack = r->front + r->len;
    r->top = r->stack + m * r->len;
    return true;
}

/* A part to score: its features (a PFEAT_ value), the row its sums go to. */
typedef struct part {
    int kind;
    float *row;
} part;

/* The parts to score at this transition: the rest, and the rows the last move changed
 * (a shift brings a new front and top, a left arc gives the front a child, a right
 * arc the top); returns how many. */
static int parts_due(const pstate *s, const part_scores *r, int last, float *scores,
                     part *parts)
{
    size_t at = (size_t)s->stack[s->sp - 1] * r->len;
    int n = 0;
    parts[n++] = (part){PFEAT_REST, scores};
    if (last == MOVE_SHIFT) {
        parts[n++] = (part){PFEAT_BUFFER, r->buffer};
        parts[n++] = (part){PFEAT_STACK, r->stack + at};
    }
    if (last != MOVE_RIGHT)
        parts[n++] = (part){PFEAT_FRONT, r->front};
    if (last != MOVE_LEFT)
        parts[n++] = (part){PFEAT_TOP, r->top + at};
    return n;
}

/* Scores the state into scores (WEIGHTS_SCORES_LEN floats): by parts for an exact
 * table, else all features in their order. */
static void score_state(const pstate *s, const dyad_wfrozen *w, const part_scores *r,
                        int last, float *restrict scores, size_t len)
{
    uint64_t feats[PARSE_MAX_FEATS];
    part parts[5];
    float *rows[5];
    int ends[5], nf = 0;
    if (!w->exact) {
        memset(scores, 0, len * sizeof *scores);
        dyad_wfrozen_score(w, feats, pstate_features(s, feats), scores);
        return;
    }
    int n = parts_due(s, r, last, scores, parts);
    for (int k = 0; k < n; k++) {
        memset(parts[k].row, 0, len * sizeof *scores);
        nf += pstate_part_features(s, parts[k].kind, feats + nf);
        ends[k] = nf;
        rows[k] = parts[k].row;
    }
    dyad_wfrozen_score_parts(w, feats, ends, n, rows);
    size_t at = (size_t)s->stack[s->sp - 1] * r->len;
    const float *b = r->buffer, *f = r->front, *st = r->stack + at, *tr = r->top + at;
    for (size_t c = 0; c < len; c++) /* vectorized at -O3 */
        scores[c] += (b[c] + st[c]) + (f[c] + tr[c]);
}

/* Runs the greedy parse to the end; false on OOM. */
static bool parse_state(pstate *s, int n_labels, const dyad_wfrozen *w)
{
    size_t len = WEIGHTS_SCORES_LEN(1 + 2 * n_labels);
    float *scores = malloc(len * sizeof *scores);
    part_scores r = {0};
    int last = MOVE_SHIFT; /* the move before the first scored is a shift */
    if (!scores || (w->exact && !parts_new(s, w, &r))) {
        free(scores);
        return false;
    }
    while (!pstate_terminal(s)) {
        int move = MOVE_SHIFT, c = 0;
        if (s->sp > 0) { /* an empty stack leaves only shift: no need to score */
            score_state(s, w, &r, last, scores, len);
            c = best_valid(s, scores, n_labels);
            move = class_move(c, n_labels);
        }
        pstate_apply(s, move, class_label(c, n_labels));
        last = move;
    }
    free(r.buffer);
    free(scores);
    return true;
}

dyad_status dyad_parser_parse(const dyad_parser *p, const dyad_parse_input *in, int *head,
                              const char **deprel)
{
    if (in->n <= 0)
        return DYAD_OK;
    if (in->n > INT_MAX / 16)
        return DYAD_EINVAL;
    pstate s;
    if (!pstate_init(&s, in, &p->lex))
        return DYAD_ENOMEM;
    if (!parse_state(&s, p->n_labels, &p->w)) {
        pstate_free(&s);
        return DYAD_ENOMEM;
    }
    for (int i = 0; i < in->n; i++) {
        int h = s.head[i + 1], l = s.label[i + 1];
        head[i] = h == 0 || h == in->n + 1 ? -1 : h - 1;
        deprel[i] = l >= 0 && l < p->n_labels ? p->labels[l] : "dep";
    }
    pstate_free(&s);
    return DYAD_OK;
}

/* ---- training ------------------------------------------------------------ */

/* A training sentence in internal indices: gh[i] in 1..n+1, projective. */
typedef struct tsent {
    const dyad_parse_input *in;
    int *gh, *gl; /* [n + 2] gold head, gold label id */
} tsent;

typedef struct trainer {
    dyad_wtrain *w;
    dyad_buf lexbuf; /* frozen lexicon payload */
    dyad_plex lex;
    int n_labels;
    const char **labels;
    uint64_t rng;
    long moves, correct;
} trainer;

static uint64_t rng_next(uint64_t *x)
{
    *x ^= *x >> 12, *x ^= *x << 25, *x ^= *x >> 27;
    return *x * 0x2545f4914f6cdd1dull;
}

static int deps_in_buffer(const pstate *s, const int *gh, int x)
{
    int k = 0;
    for (int d = s->b; d <= s->n; d++)
        k += gh[d] == x;
    return k;
}

/* Gold arcs a move makes unreachable (Goldberg & Nivre 2013, arc-hybrid). */
static int move_cost(const pstate *s, const int *gh, int move)
{
    if (!pstate_valid(s, move))
        return INT_MAX;
    int s0 = s->sp ? s->stack[s->sp - 1] : 0, s1 = s->sp > 1 ? s->stack[s->sp - 2] : 0;
    if (move == MOVE_LEFT)
        return (gh[s0] != s->b && ((s1 && gh[s0] == s1) || gh[s0] > s->b)) +
               deps_in_buffer(s, gh, s0);
    if (move == MOVE_RIGHT)
        return (gh[s0] != s1 && gh[s0] >= s->b) + deps_in_buffer(s, gh, s0);
    int c = 0;
    for (int k = 0; k < s->sp; k++)
        c += (k < s->sp - 1 && gh[s->b] == s->stack[k]) + (gh[s->stack[k]] == s->b);
    return c;
}

/* Marks the zero-cost classes (least-cost moves with the gold label when the arc is gold). */
static void oracle(const pstate *s, const tsent *g, int n_labels, bool *allowed)
{
    int cost[3], min = INT_MAX;
    for (int m = 0; m < 3; m++) {
        cost[m] = move_cost(s, g->gh, m);
        min = cost[m] < min ? cost[m] : min;
    }
    int s0 = s->sp ? s->stack[s->sp - 1] : 0, s1 = s->sp > 1 ? s->stack[s->sp - 2] : 0;
    int head_of[3] = {0, s->b, s1};
    for (int c = 0; c < 1 + 2 * n_labels; c++) {
        int m = class_move(c, n_labels);
        allowed[c] = cost[m] == min &&
                     (m == MOVE_SHIFT || g->gh[s0] != head_of[m] ||
                      class_label(c, n_labels) == g->gl[s0]);
    }
}

static bool train_sentence(trainer *t, const tsent *g, bool explore, float *scores, bool *allowed)
{
    pstate s;
    uint64_t feats[PARSE_MAX_FEATS];
    int nc = 1 + 2 * t->n_labels;
    if (!pstate_init(&s, g->in, &t->lex))
        return false;
    bool ok = true;
    while (ok && !pstate_terminal(&s)) {
        int nf = pstate_features(&s, feats);
        memset(scores, 0, (size_t)nc * sizeof *scores);
        dyad_wtrain_score(t->w, feats, nf, scores);
        int pred = best_class(&s, scores, t->n_labels, NULL);
        oracle(&s, g, t->n_labels, allowed);
        int gold = best_class(&s, scores, t->n_labels, allowed);
        t->moves++;
        if (!allowed[pred])
            ok = dyad_wtrain_update(t->w, feats, nf, gold, 1.0f) &&
                 dyad_wtrain_update(t->w, feats, nf, pred, -1.0f);
        else
            t->correct++;
        dyad_wtrain_tick(t->w);
        /* Error exploration: follow the model's own mistakes 90% of the time. */
        int next = allowed[pred] || (explore && rng_next(&t->rng) % 10 != 0) ? pred : gold;
        pstate_apply(&s, class_move(next, t->n_labels), class_label(next, t->n_labels));
    }
    pstate_free(&s);
    return ok;
}

static int label_id(trainer *t, const char *name, bool add)
{
    for (int i = 0; i < t->n_labels; i++)
        if (strcmp(t->labels[i], name) == 0)
            return i;
    if (!add || t->n_labels >= PARSER_MAX_LABELS)
        return -1;
    t->labels[t->n_labels] = name;
    return t->n_labels++;
}

static bool dominates(const int *gh, int n, int h, int k)
{
    for (int steps = 0; k != h && k >= 1 && k <= n && steps <= n + 1; steps++)
        k = gh[k];
    return k == h;
}

static bool arc_projective(const int *gh, int n, int d)
{
    int h = gh[d], lo = h < d ? h : d, hi = h < d ? d : h;
    for (int k = lo + 1; k < hi; k++)
        if (!dominates(gh, n, h, k))
            return false;
    return true;
}

/* Lifts the shortest non-projective arc to the grandparent until none is left
 * (labels kept: the arc-hybrid system then sees a projective tree). */
static bool projectivize(int *gh, int n)
{
    for (int d = 1; d <= n; d++)
        if (!dominates(gh, n, n + 1, d))
            return false; /* cycle */
    for (int round = 0; round < n * n; round++) {
        int best = 0, span = INT_MAX;
        for (int d = 1; d <= n; d++)
            if (!arc_projective(gh, n, d) && abs(gh[d] - d) < span)
                best = d, span = abs(gh[d] - d);
        if (!best)
            return true;
        if (gh[best] == n + 1)
            return false;
        gh[best] = gh[gh[best]];
    }
    return false;
}

/* Converts a gold sentence; false (and *skip) for a sentence we cannot train on. */
static bool tsent_make(trainer *t, const dyad_parse_gold *g, tsent *out, bool *skip)
{
    int n = g->in.n;
    *skip = true;
    if (n <= 0 || n > 10000)
        return true;
    out->in = &g->in;
    out->gh = calloc((size_t)(n + 2) * 2, sizeof(int));
    if (!out->gh)
        return false;
    out->gl = out->gh + n + 2;
    for (int i = 0; i < n; i++) {
        int h = g->head[i];
        out->gh[i + 1] = h == 0 ? n + 1 : h;
        out->gl[i + 1] = label_id(t, g->deprel[i], true);
        if (h < 0 || h > n || h == i + 1 || out->gl[i + 1] < 0) {
            free(out->gh);
            return true;
        }
    }
    *skip = !projectivize(out->gh, n);
    if (*skip)
        free(out->gh);
    return true;
}

static bool same_universal(const char *a, const char *b)
{
    size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
    return la == lb && memcmp(a, b, la) == 0;
}

/* UAS and LAS (CoNLL 2018: punctuation included, universal part of the label). */
static bool parser_eval(const dyad_parser *p, const dyad_parse_gold *dev, size_t n_dev,
                        double *uas, double *las)
{
    long words = 0, uh = 0, lh = 0;
    for (size_t i = 0; i < n_dev; i++) {
        int n = dev[i].in.n;
        int *head = malloc((size_t)(n > 0 ? n : 1) * sizeof *head);
        const char **rel = malloc((size_t)(n > 0 ? n : 1) * sizeof *rel);
        bool ok = head && rel && dyad_parser_parse(p, &dev[i].in, head, rel) == DYAD_OK;
        for (int k = 0; ok && k < n; k++) {
            bool hit = head[k] + 1 == dev[i].head[k];
            uh += hit;
            lh += hit && same_universal(rel[k], dev[i].deprel[k]);
        }
        words += n;
        free(head);
        free(rel);
        if (!ok)
            return false;
    }
    *uas = words ? 100.0 * uh / words : 0;
    *las = words ? 100.0 * lh / words : 0;
    return true;
}

/* ---- construction, section I/O -------------------------------------------- */

void dyad_parser_free(dyad_parser *p)
{
    if (!p)
        return;
    free(p->labels);
    free(p->label_mem);
    dyad_buf_free(&p->weights);
    free(p);
}

/* Points p at frozen weights followed by the lexicon; false when out of range. */
static bool body_load(dyad_parser *p, const char *data, size_t len)
{
    size_t used_w, used_l;
    if (!dyad_wfrozen_load(&p->w, data, len, 1 + 2 * p->n_labels, &used_w) ||
        !dyad_plex_load(&p->lex, data + used_w, len - used_w, &used_l))
        return false;
    p->body_len = used_w + used_l;
    return true;
}

/* A parser owning copies of the labels and the weights + lexicon in *weights. */
static dyad_parser *parser_new(const char *const *labels, int n_labels, dyad_buf *weights)
{
    dyad_parser *p = calloc(1, sizeof *p);
    size_t bytes = 0;
    for (int i = 0; i < n_labels; i++)
        bytes += strlen(labels[i]) + 1;
    if (p) {
        p->labels = calloc((size_t)n_labels + 1, sizeof *p->labels);
        p->label_mem = malloc(bytes + 1);
    }
    if (p)
        p->n_labels = n_labels;
    if (!p || !p->labels || !p->label_mem || !body_load(p, weights->data, weights->len)) {
        dyad_parser_free(p);
        return NULL;
    }
    char *at = p->label_mem;
    for (int i = 0; i < n_labels; i++) {
        p->labels[i] = strcpy(at, labels[i]);
        at += strlen(labels[i]) + 1;
    }
    p->n_labels = n_labels;
    p->weights = *weights;
    dyad_buf_init(weights);
    return p;
}

dyad_status dyad_parser_save(const dyad_parser *p, dyad_buf *out)
{
    dyad_buf labels;
    dyad_buf_init(&labels);
    for (int i = 0; i < p->n_labels; i++)
        dyad_buf_append(&labels, p->labels[i], strlen(p->labels[i]) + 1);
    while (labels.len % 8)
        dyad_buf_putc(&labels, '\0');
    uint32_t head[4] = {PARSER_MAGIC, PARSER_VERSION, (uint32_t)p->n_labels,
                        (uint32_t)labels.len};
    dyad_buf_append(out, head, sizeof head);
    dyad_buf_append(out, labels.data, labels.len);
    dyad_buf_append(out, p->w.slots - 2, p->body_len);
    bool oom = labels.oom || out->oom;
    dyad_buf_free(&labels);
    return oom ? DYAD_ENOMEM : DYAD_OK;
}

/* Splits the label block into exactly n NUL-terminated strings. */
static bool labels_split(const char *block, size_t len, const char **labels, int n)
{
    size_t at = 0;
    for (int i = 0; i < n; i++) {
        const char *nul = at < len ? memchr(block + at, '\0', len - at) : NULL;
        if (!nul || nul == block + at)
            return false;
        labels[i] = block + at;
        at = (size_t)(nul - block) + 1;
    }
    return true;
}

dyad_parser *dyad_parser_load(const void *data, size_t len, dyad_error *err)
{
    uint32_t head[4];
    if (len < sizeof head || ((uintptr_t)data & 7))
        return dyad_error_set(err, DYAD_EMODEL, "model_parser", "parser section too short or misaligned"), NULL;
    memcpy(head, data, sizeof head);
    if (head[0] != PARSER_MAGIC || head[1] != PARSER_VERSION)
        return dyad_error_set(err, DYAD_EMODEL, "model_version", "parser section of another version"), NULL;
    if (head[2] == 0 || head[2] > PARSER_MAX_LABELS || head[3] % 8 || head[3] > len - sizeof head)
        return dyad_error_set(err, DYAD_EMODEL, "model_parser", "parser labels out of range"), NULL;
    const char *base = data;
    dyad_parser *p = calloc(1, sizeof *p);
    if (!p || !(p->labels = calloc(head[2], sizeof *p->labels))) {
        dyad_parser_free(p);
        return dyad_error_set(err, DYAD_ENOMEM, "oom", "out of memory loading the parser"), NULL;
    }
    p->n_labels = (int)head[2];
    if (!labels_split(base + 16, head[3], p->labels, p->n_labels) ||
        !body_load(p, base + 16 + head[3], len - 16 - head[3])) {
        dyad_parser_free(p);
        return dyad_error_set(err, DYAD_EMODEL, "model_parser", "parser weights out of range"), NULL;
    }
    return p;
}

/* ---- the training loop ------------------------------------------------------ */

static void report(dyad_parse_progress_fn progress, void *ctx, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void report(dyad_parse_progress_fn progress, void *ctx, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (progress)
        progress(ctx, line);
}

static double wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void shuffle(size_t *order, size_t n, uint64_t *rng)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next(rng) % i), x = order[i - 1];
        order[i - 1] = order[j];
        order[j] = x;
    }
}

/* One epoch over the kept sentences in a fresh random order. */
static bool train_epoch(trainer *t, const tsent *ts, size_t *order, size_t n, bool explore)
{
    int nc = 1 + 2 * t->n_labels;
    float *scores = malloc((size_t)nc * sizeof *scores);
    bool *allowed = malloc((size_t)nc * sizeof *allowed), ok = scores && allowed;
    shuffle(order, n, &t->rng);
    for (size_t i = 0; ok && i < n; i++)
        ok = train_sentence(t, &ts[order[i]], explore, scores, allowed);
    free(scores);
    free(allowed);
    return ok;
}

/* Freezes the averaged weights, scores dev, keeps them in *best when they win. */
static bool epoch_end(trainer *t, int e, const dyad_parse_gold *dev, size_t n_dev, dyad_buf *best,
                      double *best_las, double t0, dyad_parse_progress_fn progress, void *ctx)
{
    dyad_buf frozen;
    dyad_buf_init(&frozen);
    if (dyad_wtrain_freeze(t->w, dyad_wtrain_cutoff(t->w, PARSER_MAX_WEIGHTS), &frozen) != DYAD_OK)
        return false;
    dyad_buf_append(&frozen, t->lexbuf.data, t->lexbuf.len);
    dyad_parser *p = parser_new(t->labels, t->n_labels, &frozen);
    double uas = 0, las = 0;
    size_t nf, ne;
    dyad_wtrain_size(t->w, &nf, &ne);
    bool ok = p && parser_eval(p, dev, n_dev, &uas, &las);
    if (ok)
        report(progress, ctx, "parser epoch %d: train moves %.2f%% right, dev UAS %.2f LAS %.2f, "
               "%zu features, %zu weights, %.1f MB frozen, %.0f s", e + 1,
               100.0 * t->correct / (t->moves ? t->moves : 1), uas, las, nf, ne,
               (double)p->weights.len / 1e6, wall_now() - t0);
    if (ok && (n_dev == 0 || las > *best_las)) {
        *best_las = las;
        dyad_buf_free(best);
        *best = p->weights;
        dyad_buf_init(&p->weights);
    }
    dyad_parser_free(p);
    dyad_buf_free(&frozen);
    return ok;
}

static void tsents_free(tsent *ts, size_t n)
{
    for (size_t i = 0; ts && i < n; i++)
        free(ts[i].gh);
    free(ts);
}

/* Converts the training set; *kept gets the sentences usable for training. */
static bool tsents_make(trainer *t, const dyad_parse_gold *train, size_t n_train, tsent *ts,
                        size_t *kept)
{
    *kept = 0;
    for (size_t i = 0; i < n_train; i++) {
        bool skip;
        if (!tsent_make(t, &train[i], &ts[*kept], &skip))
            return false;
        *kept += !skip;
    }
    return true;
}

/* The lexicon of the training words and their (given) XPOS tags. */
static bool lexicon_make(trainer *t, const dyad_parse_gold *train, size_t n_train)
{
    dyad_plex_build *b = dyad_plex_build_new();
    bool ok = b != NULL;
    for (size_t i = 0; ok && i < n_train; i++)
        for (int k = 0; ok && k < train[i].in.n; k++)
            ok = dyad_plex_build_add(b, pstate_form_hash(train[i].in.form[k], train[i].in.form_len[k]),
                                     pstate_tag_hash(train[i].in.xpos[k]));
    size_t used;
    ok = ok && dyad_plex_build_freeze(b, PARSER_LEXICON_MIN, &t->lexbuf) == DYAD_OK &&
         dyad_plex_load(&t->lex, t->lexbuf.data, t->lexbuf.len, &used);
    dyad_plex_build_free(b);
    return ok;
}

dyad_parser *dyad_parser_train(const dyad_parse_gold *train, size_t n_train,
                               const dyad_parse_gold *dev, size_t n_dev, int epochs,
                               uint64_t seed, dyad_parse_progress_fn progress, void *ctx,
                               dyad_error *err)
{
    trainer t = {.rng = seed * 0x9e3779b97f4a7c15ull + 0x2545f4914f6cdd1dull};
    tsent *ts = calloc(n_train + 1, sizeof *ts);
    size_t kept = 0, *order = calloc(n_train + 1, sizeof *order);
    t.labels = calloc(PARSER_MAX_LABELS, sizeof *t.labels);
    dyad_buf best;
    dyad_buf_init(&best);
    double best_las = -1, t0 = wall_now();
    bool ok = ts && order && t.labels && tsents_make(&t, train, n_train, ts, &kept) &&
              t.n_labels > 0 && (t.w = dyad_wtrain_new(1 + 2 * t.n_labels)) != NULL &&
              lexicon_make(&t, train, n_train);
    if (ok)
        report(progress, ctx, "parser: %zu of %zu sentences usable, %d labels", kept, n_train,
               t.n_labels);
    for (size_t i = 0; i < kept; i++)
        order[i] = i;
    for (int e = 0; ok && e < (epochs > 0 ? epochs : PARSER_DEFAULT_EPOCHS); e++) {
        t.moves = t.correct = 0;
        ok = train_epoch(&t, ts, order, kept, e >= 1) &&
             epoch_end(&t, e, dev, n_dev, &best, &best_las, t0, progress, ctx);
    }
    dyad_parser *p = ok ? parser_new(t.labels, t.n_labels, &best) : NULL;
    if (!p)
        dyad_error_set(err, ok ? DYAD_ENOMEM : DYAD_EINVAL, "train_parser",
                       "parser training failed (out of memory or no usable sentence)");
    dyad_buf_free(&best);
    dyad_buf_free(&t.lexbuf);
    dyad_wtrain_free(t.w);
    tsents_free(ts, kept);
    free(order);
    free(t.labels);
    return p;
}
