/* Training: averaged perceptrons for tags and features, word dictionary, payload build. */
#include "tag_features.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define DEFAULT_EPOCHS 6
#define AMB_MIN 2   /* words seen fewer times get no ambiguity class, like unseen ones */
#define CAND_MIN 20 /* words seen this often are restricted to the tags seen with them */
#define FIRST_TIMES 2 /* passes over the first treebank per epoch */
/* On corpora of PRUNE_WORDS words or more, features in fewer than MIN_UPDATES
 * training mistakes are dropped: a third of the size, the same dev accuracy. Small
 * corpora keep everything. */
#define MIN_UPDATES 2
#define PRUNE_WORDS 100000

/* ---- perceptron with lazily averaged weights ----------------------------------- */

typedef struct tr_ent {
    double total;   /* sum of w over the steps up to stamp */
    float w;
    uint32_t cls, stamp;
} tr_ent;

typedef struct tr_row {
    tr_ent *e;
    uint32_t n, cap, updates; /* updates: how often the feature took part in a mistake */
} tr_row;

typedef struct trainer {
    tag_map map; /* feature key -> row */
    tr_row *rows;
    uint32_t n_rows, cap_rows, n_classes, step;
    uint32_t min_updates; /* rows in fewer mistakes are dropped when finishing */
} trainer;

/* A finished model as payload arrays. */
typedef struct fin {
    uint64_t *slots; /* [cap], see tag_table */
    uint32_t *ents;
    uint32_t cap, n_rows, n_ents;
    float scale;
} fin;

static void trainer_score(const trainer *tr, const uint64_t *keys, int nk, float *scores)
{
    for (int k = 0; k < nk; k++) {
        uint32_t r = tag_map_get(&tr->map, keys[k]);
        if (r == TAG_MISS)
            continue;
        for (uint32_t e = 0; e < tr->rows[r].n; e++)
            scores[tr->rows[r].e[e].cls] += tr->rows[r].e[e].w;
    }
}

static tr_ent *row_entry(tr_row *row, uint32_t cls)
{
    for (uint32_t e = 0; e < row->n; e++)
        if (row->e[e].cls == cls)
            return &row->e[e];
    if (row->n == row->cap) {
        uint32_t cap = row->cap ? row->cap * 2 : 2;
        tr_ent *p = realloc(row->e, cap * sizeof *p);
        if (!p)
            return NULL;
        row->e = p;
        row->cap = cap;
    }
    row->e[row->n] = (tr_ent){0, 0, cls, 0};
    return &row->e[row->n++];
}

static tr_row *trainer_row(trainer *tr, uint64_t key)
{
    uint32_t slot = tag_map_slot(&tr->map, key, tr->n_rows);
    if (slot == TAG_MISS)
        return NULL;
    if (tr->map.vals[slot] == tr->n_rows) {
        if (tr->n_rows == tr->cap_rows) {
            uint32_t cap = tr->cap_rows ? tr->cap_rows * 2 : 65536;
            tr_row *p = realloc(tr->rows, cap * sizeof *p);
            if (!p)
                return NULL;
            tr->rows = p;
            tr->cap_rows = cap;
        }
        tr->rows[tr->n_rows++] = (tr_row){0};
    }
    return &tr->rows[tr->map.vals[slot]];
}

static bool trainer_update(trainer *tr, const uint64_t *keys, int nk, uint32_t gold,
                           uint32_t guess)
{
    for (int k = 0; k < nk; k++) {
        tr_row *row = trainer_row(tr, keys[k]);
        if (row)
            row->updates++;
        for (int s = 0; row && s < 2; s++) {
            tr_ent *e = row_entry(row, s ? guess : gold);
            if (!e)
                return false;
            e->total += (double)(tr->step - e->stamp) * e->w;
            e->stamp = tr->step;
            e->w += s ? -1.0f : 1.0f;
        }
        if (!row)
            return false;
    }
    return true;
}

static void trainer_free(trainer *tr)
{
    for (uint32_t r = 0; r < tr->n_rows; r++)
        free(tr->rows[r].e);
    free(tr->rows);
    tag_map_free(&tr->map);
}

static void fin_free(fin *f)
{
    free(f->slots);
    free(f->ents);
    *f = (fin){0};
}

static float avg_weight(const trainer *tr, const tr_ent *e)
{
    double steps = tr->step ? tr->step : 1;
    return (float)((e->total + (double)(tr->step - e->stamp) * e->w) / steps);
}

static void fin_insert(fin *f, uint64_t key, uint32_t val)
{
    uint32_t i = (uint32_t)key & (f->cap - 1);
    while (f->slots[i])
        i = (i + 1) & (f->cap - 1);
    f->slots[i] = (uint64_t)tag_fingerprint(key) << 32 | val;
}

static int ent_by_class(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a >> 16, y = *(const uint32_t *)b >> 16;
    return (x > y) - (x < y);
}

static int ent_by_weight(const void *a, const void *b)
{
    int x = abs((int16_t)(*(const uint32_t *)a & 0xffff));
    int y = abs((int16_t)(*(const uint32_t *)b & 0xffff));
    return (y > x) - (y < x);
}

/* Rewrites n sparse entries at out as a dense row of n_classes int16 weights. */
static bool row_densify(uint32_t *out, uint32_t n, uint32_t n_classes)
{
    uint32_t *copy = malloc(n * sizeof *copy);
    if (!copy)
        return false;
    memcpy(copy, out, n * sizeof *copy);
    memset(out, 0, TAG_DENSE_WORDS(n_classes) * sizeof *out);
    int16_t *d = (int16_t *)out;
    for (uint32_t e = 0; e < n; e++)
        d[copy[e] >> 16] = (int16_t)(copy[e] & 0xffff);
    free(copy);
    return true;
}

/* Appends a row's quantised non-zero weights: dense when they cover a quarter of
 * the classes, else at most 254 (the largest) with classes ascending, as the loader
 * requires. Returns the slot's count byte (0: nothing kept); *words gets the size. */
static uint32_t row_finish(const trainer *tr, const tr_row *row, fin *f, uint32_t *words)
{
    uint32_t *out = f->ents + f->n_ents, n = 0;
    for (uint32_t e = 0; e < row->n; e++) {
        long q = lrintf(avg_weight(tr, &row->e[e]) / f->scale);
        if (q)
            out[n++] = row->e[e].cls << 16 | (uint16_t)(int16_t)q;
    }
    if (n > 8 && n * 4 >= tr->n_classes && row_densify(out, n, tr->n_classes)) {
        *words = TAG_DENSE_WORDS(tr->n_classes);
        return TAG_DENSE;
    }
    if (n > TAG_DENSE - 1) {
        qsort(out, n, sizeof *out, ent_by_weight);
        n = TAG_DENSE - 1;
    }
    qsort(out, n, sizeof *out, ent_by_class);
    *words = n;
    return n;
}

/* Averages, quantises to int16 and drops zero weights, rows of features seen in
 * fewer than min_updates mistakes, and empty rows. */
static bool trainer_finish(const trainer *tr, fin *f)
{
    float maxabs = 1e-9f;
    uint32_t n_ents = 0, n_rows = 0;
    for (uint32_t r = 0; r < tr->n_rows; r++) {
        n_rows += tr->rows[r].updates >= tr->min_updates;
        for (uint32_t e = 0; e < tr->rows[r].n; e++, n_ents++)
            maxabs = fmaxf(maxabs, fabsf(avg_weight(tr, &tr->rows[r].e[e])));
    }
    *f = (fin){.scale = maxabs / 32000.0f, .cap = 2};
    while (f->cap < n_rows * 2 + 2)
        f->cap *= 2;
    f->slots = calloc(f->cap, sizeof *f->slots);
    /* A dense row takes at most twice its sparse entries, plus one. */
    f->ents = malloc((2 * n_ents + n_rows + 1) * sizeof *f->ents);
    if (!f->slots || !f->ents)
        return false;
    for (uint32_t slot = 0; slot < tr->map.cap; slot++) {
        const tr_row *row = &tr->rows[tr->map.vals[slot]];
        if (!tr->map.keys[slot] || row->updates < tr->min_updates)
            continue;
        uint32_t words, code = row_finish(tr, row, f, &words);
        if (!code || f->n_ents + words >= TAG_MAX_ENTS)
            continue;
        fin_insert(f, tr->map.keys[slot], f->n_ents << 8 | code);
        f->n_ents += words;
        f->n_rows++;
    }
    return true;
}

/* ---- corpus: classes, word dictionary, prepared sentences ------------------------- */

/* Counted pairs (a, b), in order of first appearance. */
typedef struct pairs {
    tag_map ids; /* hash(a, b) -> record */
    struct pair { uint64_t a; uint32_t b, count; } *recs;
    uint32_t n, cap;
} pairs;

static bool pairs_add(pairs *p, uint64_t a, uint32_t b)
{
    uint32_t slot = tag_map_slot(&p->ids, tag_key(a, (uint64_t)b + 0x51ULL), p->n);
    if (slot == TAG_MISS)
        return false;
    if (p->ids.vals[slot] == p->n) {
        if (p->n == p->cap) {
            uint32_t cap = p->cap ? p->cap * 2 : 4096;
            struct pair *r = realloc(p->recs, cap * sizeof *r);
            if (!r)
                return false;
            p->recs = r;
            p->cap = cap;
        }
        p->recs[p->n++] = (struct pair){a, b, 0};
    }
    p->recs[p->ids.vals[slot]].count++;
    return true;
}

static void pairs_free(pairs *p)
{
    tag_map_free(&p->ids);
    free(p->recs);
}

typedef struct sent {
    tag_word *w;
    int *gold_tag, *gold_feats;
    int n;
} sent;

typedef struct build {
    tag_pool pool;
    tag_map tag_ids, feat_ids; /* class string hash -> class */
    uint32_t *tags, n_tags;    /* [n_tags][2] string offsets */
    uint32_t *feats, n_feats;  /* [n_feats] string offsets */
    pairs fc, wc;              /* (tag, feats) and (word key, tag) counts */
    tag_map word_count;        /* word key -> occurrences */
    uint32_t *fc_rows, *fc_list;
    tag_map words;             /* word key -> word index */
    uint64_t *wslots, *lslots, *rslots; /* words, lemmas and lemma rules as payload slots */
    uint32_t *winfo, *wcands, n_words, n_cands;
    tag_lemma_build lemma;
    sent *train;
    size_t n_train, n_first; /* sentences in all, in the first treebank */
} build;

static bool push_u32(uint32_t **arr, uint32_t n, uint32_t v)
{
    if ((n & (n - 1)) == 0) {
        uint32_t *p = realloc(*arr, (n ? n * 2 : 1) * sizeof *p);
        if (!p)
            return false;
        *arr = p;
    }
    (*arr)[n] = v;
    return true;
}

/* Class id of a string pair (b may be NULL); new classes append their offsets. */
static int class_of(build *bd, tag_map *ids, uint32_t **list, uint32_t *n, const char *a,
                    const char *b)
{
    uint64_t key = tag_key(tag_hash(a, strlen(a), 50), b ? tag_hash(b, strlen(b), 51) : 0);
    uint32_t slot = tag_map_slot(ids, key, *n);
    if (slot == TAG_MISS)
        return -1;
    if (ids->vals[slot] == *n) {
        int width = b ? 2 : 1;
        uint32_t oa = tag_pool_add(&bd->pool, a, strlen(a));
        uint32_t ob = b ? tag_pool_add(&bd->pool, b, strlen(b)) : 0;
        if (oa == TAG_MISS || ob == TAG_MISS || !push_u32(list, *n * width, oa) ||
            (b && !push_u32(list, *n * width + 1, ob)))
            return -1;
        ++*n;
    }
    return (int)ids->vals[slot];
}

static uint64_t word_key(const char *form)
{
    return TAG_WORD_KEY(tag_hash(form, strlen(form), 1));
}

static bool count_word(build *bd, const dyad_conllu_word *w, int *tg, int *ft)
{
    *tg = class_of(bd, &bd->tag_ids, &bd->tags, &bd->n_tags, w->upos, w->xpos);
    *ft = class_of(bd, &bd->feat_ids, &bd->feats, &bd->n_feats, w->feats, NULL);
    if (*tg < 0 || *ft < 0 || bd->n_tags > 65535 || bd->n_feats > 65535)
        return false;
    /* Lower-cased forms are words of their own, for the ambiguity of "Service". */
    uint64_t lower = TAG_LOWER_KEY(tag_hash_lower(w->form, strlen(w->form)));
    /* One slot at a time: an insertion may move every slot. */
    uint32_t slot = tag_map_slot(&bd->word_count, word_key(w->form), 0);
    if (slot == TAG_MISS)
        return false;
    bd->word_count.vals[slot]++;
    if ((slot = tag_map_slot(&bd->word_count, lower, 0)) == TAG_MISS)
        return false;
    bd->word_count.vals[slot]++;
    return pairs_add(&bd->fc, (uint64_t)*tg, (uint32_t)*ft) &&
           pairs_add(&bd->wc, word_key(w->form), (uint32_t)*tg) &&
           pairs_add(&bd->wc, lower, (uint32_t)*tg);
}

/* Groups pair records by their first member into rows[n_groups + 1] and list. */
static bool group(const pairs *p, uint32_t (*group_of)(const build *, const struct pair *),
                  const build *bd, uint32_t n_groups, uint32_t **rows, uint32_t **list)
{
    *rows = calloc(n_groups + 1, sizeof **rows);
    *list = malloc((p->n + 1) * sizeof **list);
    if (!*rows || !*list)
        return false;
    for (uint32_t i = 0; i < p->n; i++) {
        uint32_t g = group_of(bd, &p->recs[i]);
        if (g != TAG_MISS)
            (*rows)[g + 1]++;
    }
    for (uint32_t g = 0; g < n_groups; g++)
        (*rows)[g + 1] += (*rows)[g];
    uint32_t *fill = malloc((n_groups + 1) * sizeof *fill);
    if (!fill)
        return false;
    memcpy(fill, *rows, (n_groups + 1) * sizeof *fill);
    for (uint32_t i = 0; i < p->n; i++) {
        uint32_t g = group_of(bd, &p->recs[i]);
        if (g != TAG_MISS)
            (*list)[fill[g]++] = p->recs[i].b;
    }
    free(fill);
    return true;
}

static uint32_t tag_group(const build *bd, const struct pair *p)
{
    (void)bd;
    return (uint32_t)p->a;
}

static uint32_t word_group(const build *bd, const struct pair *p)
{
    return tag_map_get(&bd->words, p->a);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Word dictionary: words seen AMB_MIN times get an ambiguity class (hash of their
 * sorted tag set); words seen CAND_MIN times are restricted to that set. */
static bool words_build(build *bd)
{
    for (uint32_t i = 0; i < bd->word_count.cap; i++)
        if (bd->word_count.keys[i] && bd->word_count.vals[i] >= AMB_MIN &&
            tag_map_slot(&bd->words, bd->word_count.keys[i], bd->n_words++) == TAG_MISS)
            return false;
    uint32_t *rows;
    if (!group(&bd->wc, word_group, bd, bd->n_words, &rows, &bd->wcands))
        return false;
    bd->winfo = malloc((bd->n_words + 1) * 4 * sizeof *bd->winfo);
    if (!bd->winfo)
        return free(rows), false;
    for (uint32_t i = 0; i < bd->words.cap; i++) {
        if (!bd->words.keys[i])
            continue;
        uint32_t w = bd->words.vals[i], *c = bd->wcands + rows[w], n = rows[w + 1] - rows[w];
        qsort(c, n, sizeof *c, cmp_u32);
        uint64_t amb = tag_hash((const char *)c, n * sizeof *c, 60);
        bool restrict_ = tag_map_get(&bd->word_count, bd->words.keys[i]) >= CAND_MIN;
        uint32_t *info = bd->winfo + 4 * w;
        info[0] = (uint32_t)amb;
        info[1] = (uint32_t)(amb >> 32);
        info[2] = rows[w];
        info[3] = restrict_ ? n : 0;
    }
    bd->n_cands = rows[bd->n_words];
    free(rows);
    return true;
}

static bool sentences_prepare(build *bd, const dyad_treebank *const *train, size_t n_train)
{
    for (size_t t = 0; t < n_train; t++)
        bd->n_train += train[t]->n_sentences;
    bd->n_first = n_train > 1 ? train[0]->n_sentences : 0; /* oversampled, see FIRST_TIMES */
    bd->train = calloc(bd->n_train + 1, sizeof *bd->train);
    if (!bd->train)
        return false;
    tag_table words = {bd->wslots, bd->words.cap - 1};
    sent *s = bd->train;
    for (size_t t = 0; t < n_train; t++)
        for (size_t k = 0; k < train[t]->n_sentences; k++, s++) {
            const dyad_conllu_sentence *cs = &train[t]->sentences[k];
            s->n = cs->n_words;
            s->w = malloc((size_t)(s->n + 1) * sizeof *s->w);
            s->gold_tag = malloc((size_t)(s->n + 1) * 2 * sizeof(int));
            if (!s->w || !s->gold_tag)
                return false;
            s->gold_feats = s->gold_tag + s->n;
            for (int i = 0; i < s->n; i++) {
                const dyad_conllu_word *w = &cs->words[i];
                tag_word_prepare(&s->w[i], w->form, strlen(w->form), &words, bd->winfo);
                s->gold_tag[i] = class_of(bd, &bd->tag_ids, &bd->tags, &bd->n_tags, w->upos, w->xpos);
                s->gold_feats[i] = class_of(bd, &bd->feat_ids, &bd->feats, &bd->n_feats, w->feats, NULL);
            }
            tag_sentence_context(s->w, s->n, (unsigned)t);
        }
    return true;
}

static bool build_corpus(build *bd, const dyad_treebank *const *train, size_t n_train)
{
    int tg, ft;
    for (size_t t = 0; t < n_train; t++)
        for (size_t s = 0; s < train[t]->n_sentences; s++)
            for (int i = 0; i < train[t]->sentences[s].n_words; i++)
                if (!count_word(bd, &train[t]->sentences[s].words[i], &tg, &ft))
                    return false;
    if (!bd->n_tags || !group(&bd->fc, tag_group, bd, bd->n_tags, &bd->fc_rows, &bd->fc_list))
        return false;
    if (!words_build(bd) || tag_lemma_learn(&bd->lemma, &bd->pool, train, n_train) != DYAD_OK)
        return false;
    const tag_map *lx = &bd->lemma.lex, *rk = &bd->lemma.rule_keys;
    bd->wslots = tag_slots_pack(bd->words.keys, bd->words.vals, bd->words.cap);
    bd->lslots = tag_slots_pack(lx->keys, lx->vals, lx->cap);
    bd->rslots = tag_slots_pack(rk->keys, rk->vals, rk->cap);
    return bd->wslots && bd->lslots && bd->rslots && sentences_prepare(bd, train, n_train) &&
           !bd->pool.buf.oom;
}

static void build_free(build *bd)
{
    dyad_buf_free(&bd->pool.buf);
    tag_map_free(&bd->pool.map);
    tag_map_free(&bd->tag_ids);
    tag_map_free(&bd->feat_ids);
    free(bd->tags);
    free(bd->feats);
    pairs_free(&bd->fc);
    pairs_free(&bd->wc);
    tag_map_free(&bd->word_count);
    free(bd->fc_rows);
    free(bd->fc_list);
    tag_map_free(&bd->words);
    free(bd->wslots);
    free(bd->lslots);
    free(bd->rslots);
    free(bd->winfo);
    free(bd->wcands);
    tag_lemma_build_free(&bd->lemma);
    for (size_t i = 0; i < bd->n_train; i++) {
        free(bd->train[i].w);
        free(bd->train[i].gold_tag);
    }
    free(bd->train);
}

/* ---- payload assembly --------------------------------------------------------- */

static void payload_build(const build *bd, const fin *tm, const fin *t2, const fin *fm,
                          dyad_buf *out)
{
    float scales[3] = {tm->scale, fm->scale, t2->scale};
    uint32_t params[TAG_N_PARAMS] = {0, 0, 0, CAND_MIN};
    memcpy(params, scales, sizeof scales);
    const tag_map *lx = &bd->lemma.lex, *rk = &bd->lemma.rule_keys;
    const void *arrays[TAG_N_ARR] = {
        bd->pool.buf.data, params, bd->tags, bd->feats, tm->slots, tm->ents,
        t2->slots, t2->ents, fm->slots, fm->ents, bd->wslots, bd->winfo, bd->wcands,
        bd->fc_rows, bd->fc_list, bd->lslots, bd->rslots, bd->lemma.rules};
    size_t sizes[TAG_N_ARR] = {
        bd->pool.buf.len, sizeof params, bd->n_tags * 8, bd->n_feats * 4,
        tm->cap * 8, tm->n_ents * 4, t2->cap * 8, t2->n_ents * 4, fm->cap * 8, fm->n_ents * 4,
        bd->words.cap * 8, bd->n_words * 16, bd->n_cands * 4,
        (bd->n_tags + 1) * 4, bd->fc.n * 4, lx->cap * 8, rk->cap * 8, bd->lemma.n_rules * 12};
    tag_payload_write(out, arrays, sizes);
}

/* Loads a payload held in a malloc'd buffer, handing the buffer to the tagger. */
static dyad_tagger *payload_adopt(dyad_buf *buf, dyad_error *err)
{
    size_t len;
    char *data = dyad_buf_detach(buf, &len);
    dyad_tagger *t = data ? dyad_tagger_load(data, len, err) : NULL;
    if (t && !t->owned)
        t->owned = data;
    else
        free(data);
    return t;
}

/* ---- training loop -------------------------------------------------------------- */

static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static int argmax_f(const float *scores, const uint32_t *cands, uint32_t n, uint32_t n_classes)
{
    if (n) {
        int best = (int)cands[0];
        for (uint32_t i = 1; i < n; i++)
            if (scores[cands[i]] > scores[best])
                best = (int)cands[i];
        return best;
    }
    int best = 0;
    for (uint32_t c = 1; c < n_classes; c++)
        if (scores[c] > scores[best])
            best = (int)c;
    return best;
}

/* One pass of the tag perceptron over a sentence, tags of earlier words as guessed. */
static bool train_tags(const build *bd, trainer *tr, const sent *s, const int *right,
                       int *hist, float *scores, size_t *errors)
{
    uint64_t keys[TAG_MAX_KEYS];
    for (int i = 0; i < s->n; i++) {
        int nk = tag_features(s->w, s->n, i, hist, right, keys);
        memset(scores, 0, bd->n_tags * sizeof *scores);
        trainer_score(tr, keys, nk, scores);
        const uint32_t *info = s->w[i].winfo == TAG_MISS ? NULL : bd->winfo + 4 * s->w[i].winfo;
        int guess = argmax_f(scores, info ? bd->wcands + info[2] : NULL, info ? info[3] : 0,
                             bd->n_tags);
        tr->step++;
        if (guess != s->gold_tag[i]) {
            ++*errors;
            if (!trainer_update(tr, keys, nk, (uint32_t)s->gold_tag[i], (uint32_t)guess))
                return false;
        }
        hist[i] = guess;
    }
    return true;
}

static bool nominal(const build *bd, int tag)
{
    const char *u = bd->pool.buf.data + bd->tags[2 * tag];
    return !strcmp(u, "NOUN") || !strcmp(u, "PROPN") || !strcmp(u, "PRON");
}

/* One pass of the feature perceptron, from gold tags. */
static bool train_feats(const build *bd, trainer *tr, const sent *s, float *scores)
{
    uint64_t keys[TAG_MAX_KEYS];
    int subj = -1;
    for (int i = 0; i < s->n; i++) {
        int g = s->gold_tag[i];
        uint32_t start = bd->fc_rows[g], count = bd->fc_rows[g + 1] - start;
        if (count > 1) {
            int nk = tag_feat_features(s->w, s->n, i, s->gold_tag, subj, keys);
            for (uint32_t c = 0; c < count; c++)
                scores[bd->fc_list[start + c]] = 0;
            trainer_score(tr, keys, nk, scores);
            int guess = argmax_f(scores, bd->fc_list + start, count, bd->n_feats);
            tr->step++;
            if (guess != s->gold_feats[i] &&
                !trainer_update(tr, keys, nk, (uint32_t)s->gold_feats[i], (uint32_t)guess))
                return false;
        }
        if (nominal(bd, g))
            subj = i;
    }
    return true;
}

/* Trains the first tag pass, the second (on the first's guesses) and the features. */
static bool epoch_run(const build *bd, trainer *tm, trainer *t2, trainer *fm, size_t *order,
                      size_t n_order, uint64_t *rng, size_t *errors)
{
    for (size_t i = n_order; i > 1; i--) {
        size_t j = (size_t)(splitmix(rng) % i), tmp = order[i - 1];
        order[i - 1] = order[j];
        order[j] = tmp;
    }
    int max_n = 1;
    for (size_t i = 0; i < bd->n_train; i++)
        max_n = bd->train[i].n > max_n ? bd->train[i].n : max_n;
    size_t ncls = bd->n_tags > bd->n_feats ? bd->n_tags : bd->n_feats;
    int *hist = malloc((size_t)max_n * 4 * sizeof *hist);
    float *scores = malloc(ncls * sizeof *scores);
    tag_word *rev = malloc((size_t)max_n * sizeof *rev);
    bool ok = hist && scores && rev;
    size_t first_errors = 0;
    for (size_t i = 0; ok && i < n_order; i++) {
        const sent *s = &bd->train[order[i]];
        /* The first pass learns right to left, as it tags (see tag_sentence_tags). */
        sent r = {rev, hist + 2 * max_n, NULL, s->n};
        tag_reverse(s->w, s->n, rev);
        for (int k = 0; k < s->n; k++)
            r.gold_tag[k] = s->gold_tag[s->n - 1 - k];
        ok = train_tags(bd, tm, &r, NULL, hist + 3 * max_n, scores, &first_errors);
        for (int k = 0; k < s->n; k++)
            hist[k] = hist[3 * max_n + s->n - 1 - k];
        ok = ok && train_tags(bd, t2, s, hist, hist + max_n, scores, errors) &&
             train_feats(bd, fm, s, scores);
    }
    free(hist);
    free(scores);
    free(rev);
    return ok;
}

static dyad_status eval_sentence(const dyad_tagger *t, const dyad_conllu_sentence *s,
                                 dyad_arena *arena, dyad_tag_scores *sc)
{
    const char **forms = dyad_arena_alloc(arena, (size_t)(s->n_words + 1) * sizeof *forms);
    size_t *lens = dyad_arena_alloc(arena, (size_t)(s->n_words + 1) * sizeof *lens);
    dyad_tag_result *res = dyad_arena_alloc(arena, (size_t)(s->n_words + 1) * sizeof *res);
    if (!forms || !lens || !res)
        return DYAD_ENOMEM;
    for (int i = 0; i < s->n_words; i++) {
        forms[i] = s->words[i].form;
        lens[i] = strlen(forms[i]);
    }
    dyad_status st = dyad_tagger_tag(t, forms, lens, s->n_words, res, arena);
    for (int i = 0; st == DYAD_OK && i < s->n_words; i++) {
        const dyad_conllu_word *g = &s->words[i];
        bool u = !strcmp(res[i].upos, g->upos), x = !strcmp(res[i].xpos, g->xpos);
        bool f = !strcmp(res[i].feats, g->feats);
        sc->words++;
        sc->upos += u;
        sc->xpos += x;
        sc->feats += f;
        sc->all += u && x && f;
        sc->lemma += !strcmp(res[i].lemma, g->lemma);
    }
    return st;
}

dyad_status dyad_tagger_evaluate(const dyad_tagger *t, const dyad_treebank *const *tbs,
                                 size_t n, dyad_tag_scores *sc)
{
    *sc = (dyad_tag_scores){0};
    dyad_status st = DYAD_OK;
    for (size_t b = 0; st == DYAD_OK && b < n; b++)
        for (size_t s = 0; st == DYAD_OK && s < tbs[b]->n_sentences; s++) {
            dyad_arena *arena = dyad_arena_new();
            st = arena ? eval_sentence(t, &tbs[b]->sentences[s], arena, sc) : DYAD_ENOMEM;
            dyad_arena_free(arena);
        }
    return st;
}

static double pct(size_t k, size_t n)
{
    return n ? 100.0 * (double)k / (double)n : 0;
}

/* Scores the current weights on dev; keeps each model when it is the best so far. */
typedef struct best {
    fin tm, t2, fm;
    double tm_acc, fm_acc;
} best;

static bool epoch_eval(build *bd, trainer *tm, trainer *t2, trainer *fm, best *b,
                       const dyad_treebank *const *dev, size_t n_dev, char *line, size_t cap)
{
    fin ft, f2, ff;
    /* All three run, so that each fin is initialised and can be freed. */
    bool ok1 = trainer_finish(tm, &ft), ok2 = trainer_finish(t2, &f2);
    bool ok = trainer_finish(fm, &ff) && ok1 && ok2;
    dyad_buf buf;
    dyad_buf_init(&buf);
    if (ok)
        payload_build(bd, &ft, &f2, &ff, &buf);
    dyad_tagger *t = ok ? payload_adopt(&buf, NULL) : NULL;
    dyad_tag_scores sc = {0};
    ok = t && dyad_tagger_evaluate(t, dev, n_dev, &sc) == DYAD_OK;
    snprintf(line, cap, "dev UPOS %.2f XPOS %.2f UFeats %.2f AllTags %.2f Lemmas %.2f",
             pct(sc.upos, sc.words), pct(sc.xpos, sc.words), pct(sc.feats, sc.words),
             pct(sc.all, sc.words), pct(sc.lemma, sc.words));
    double tacc = pct(sc.upos + sc.xpos, 2 * sc.words), facc = pct(sc.feats, sc.words);
    /* With no dev set every epoch is "best": the last one wins. */
    if (ok && (tacc >= b->tm_acc || !n_dev)) {
        fin_free(&b->tm);
        fin_free(&b->t2);
        b->tm = ft, b->t2 = f2, b->tm_acc = tacc, ft = f2 = (fin){0};
    }
    if (ok && (facc >= b->fm_acc || !n_dev)) {
        fin_free(&b->fm);
        b->fm = ff, b->fm_acc = facc, ff = (fin){0};
    }
    fin_free(&ft);
    fin_free(&f2);
    fin_free(&ff);
    dyad_tagger_free(t);
    return ok;
}

/* Sentence indices of one epoch: the first treebank's come FIRST_TIMES times, as
 * its conventions are the ones the tagger follows. NULL when out of memory. */
static size_t *order_make(const build *bd, size_t *n_order)
{
    *n_order = bd->n_train + (FIRST_TIMES - 1) * bd->n_first;
    size_t *order = malloc((*n_order + 1) * sizeof *order);
    for (size_t i = 0; order && i < *n_order; i++)
        order[i] = i < bd->n_train ? i : (i - bd->n_train) % (bd->n_first ? bd->n_first : 1);
    return order;
}

static void report_sizes(const build *bd, const best *b, dyad_progress_fn progress, void *ctx)
{
    char msg[256];
    snprintf(msg, sizeof msg, "tagger rows/entries: pass 1 %u/%u, pass 2 %u/%u, feats %u/%u; "
             "%u words, %u lemma keys, %u rule keys", b->tm.n_rows, b->tm.n_ents,
             b->t2.n_rows, b->t2.n_ents, b->fm.n_rows, b->fm.n_ents, bd->n_words,
             bd->lemma.lex.n, bd->lemma.rule_keys.n);
    progress(ctx, msg);
}

static dyad_tagger *train_epochs(build *bd, const dyad_treebank *const *dev, size_t n_dev,
                                 int epochs, uint64_t seed, dyad_progress_fn progress,
                                 void *ctx, dyad_error *err)
{
    size_t words = 0, n_order;
    for (size_t i = 0; i < bd->n_train; i++)
        words += (size_t)bd->train[i].n;
    uint32_t min_updates = words >= PRUNE_WORDS ? MIN_UPDATES : 1;
    trainer tm = {.n_classes = bd->n_tags, .min_updates = min_updates}, t2 = tm;
    trainer fm = {.n_classes = bd->n_feats, .min_updates = min_updates};
    best b = {.tm_acc = -1, .fm_acc = -1};
    size_t *order = order_make(bd, &n_order);
    bool ok = order != NULL;
    uint64_t rng = seed;
    for (int e = 1; ok && e <= epochs; e++) {
        clock_t t0 = clock();
        size_t errors = 0;
        char line[256], msg[400];
        ok = epoch_run(bd, &tm, &t2, &fm, order, n_order, &rng, &errors) &&
             epoch_eval(bd, &tm, &t2, &fm, &b, dev, n_dev, line, sizeof line);
        snprintf(msg, sizeof msg, "tagger epoch %d: train tag errors %.2f%%, %s (%.1f s)", e,
                 pct(errors, tm.step ? tm.step / (uint32_t)e : 1), line,
                 (double)(clock() - t0) / CLOCKS_PER_SEC);
        if (ok && progress)
            progress(ctx, msg);
    }
    dyad_buf buf;
    dyad_buf_init(&buf);
    if (ok && progress)
        report_sizes(bd, &b, progress, ctx);
    if (ok)
        payload_build(bd, &b.tm, &b.t2, &b.fm, &buf);
    dyad_tagger *t = ok ? payload_adopt(&buf, err) : NULL;
    if (!ok)
        dyad_error_set(err, DYAD_ENOMEM, "oom", "out of memory training the tagger");
    fin_free(&b.tm);
    fin_free(&b.t2);
    fin_free(&b.fm);
    trainer_free(&tm);
    trainer_free(&t2);
    trainer_free(&fm);
    free(order);
    return t;
}

dyad_tagger *dyad_tagger_train(const dyad_treebank *const *train, size_t n_train,
                               const dyad_treebank *const *dev, size_t n_dev, int epochs,
                               uint64_t seed, dyad_progress_fn progress, void *ctx,
                               dyad_error *err)
{
    if (epochs < 0 || (!train && n_train)) {
        dyad_error_set(err, DYAD_EINVAL, "tagger_train", "bad tagger training arguments");
        return NULL;
    }
    build bd = {0};
    dyad_tagger *t = NULL;
    if (!build_corpus(&bd, train, n_train))
        dyad_error_set(err, bd.n_tags ? DYAD_ENOMEM : DYAD_EINVAL, "tagger_train",
                       bd.n_tags ? "out of memory preparing the tagger's training data"
                                 : "no training words for the tagger");
    else
        t = train_epochs(&bd, dev, dev ? n_dev : 0, epochs ? epochs : DEFAULT_EPOCHS, seed,
                         progress, ctx, err);
    build_free(&bd);
    return t;
}
