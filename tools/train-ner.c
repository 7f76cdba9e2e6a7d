/* Trains dyad's named-entity tagger (src/mentions/ner.c): a greedy averaged perceptron
 * over CoNLL-U files whose MISC holds NER=B-PER|I-PER|B-ORG|... (see tools/gum-ner.py),
 * with dictionary features from the compiled actor dictionary; the weights of RUNS runs
 * over differently shuffled data are averaged. Writes the weights file the mention stage
 * loads (data/ner/dyad-en.ner). Build and run with tools/train-ner.sh.
 *
 * usage: train-ner -d ACTORS.dict -n NAMES.tsv [-g GENDERS.tsv] -o OUT.ner [-e EPOCHS] [-r RUNS]
 *        [-m MIN_WEIGHT] [--dev DEV.conllu] TRAIN.conllu...
 *        train-ner -n NAMES.tsv [-g GENDERS.tsv] --keep IN.ner -o OUT.ner
 *        (the weights of IN.ner kept, its first names replaced) */
#include "../src/mentions/mentions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sent { ner_word *w; uint8_t *gold; size_t n; } sent;

static ner_names names; /* first names (-n FILE), a feature and a section of the output */

/* Reads "name<TAB>gender..." lines: first names (tools/first-names.py: "M", "F" or "-",
 * then a count), or with gender_only the gender of names the treebanks gave none
 * (tools/name-genders.py), for coreference only: no NER_NAME bit, so no tagger feature. */
static void read_names(const char *path, bool gender_only)
{
    FILE *f = fopen(path, "r");
    char line[256];
    if (!f) {
        fprintf(stderr, "train-ner: cannot read %s\n", path);
        exit(1);
    }
    while (fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "\t\n");
        char g = line[len] == '\t' ? line[len + 1] : '-';
        unsigned bits = g == 'M' ? NER_MALE : g == 'F' ? NER_FEMALE : 0;
        if (!len || (gender_only && (!bits || (ner_word_info(&names, line, len) &
                                                (NER_MALE | NER_FEMALE)))))
            continue;
        if (!ner_names_add(&names, ner_name_key(line, len), gender_only ? bits : bits | NER_NAME))
            exit(1);
    }
    fclose(f);
}

typedef struct corpus { sent *s; size_t n, cap; } corpus;

/* Feature table of the trainer: key -> weights, totals and last-update times. */
typedef struct table {
    uint64_t *keys; size_t n_slots, used;
    float *w; double *tot; long *ts;
} table;

static int label_of(const char *misc)
{
    static const char *const labels[] = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"};
    const char *p = misc ? strstr(misc, "NER=") : NULL;
    if (!p)
        return NER_O;
    p += 4;
    size_t len = strcspn(p, "|");
    for (int l = 1; l < NER_LABELS; l++)
        if (strlen(labels[l]) == len && !strncmp(p, labels[l], len))
            return l;
    return NER_O;
}

/* Sentences [first, last) of a treebank as one document (forms joined by spaces, the
 * treebank's tags and trees), labelled by the mention stage alone: heur[words]. (Tags
 * and trees from the shipped model instead, as at run time, scored 1-2 F1 lower on the
 * UNER dev folds.) */
static void heuristic(const dyad_treebank *tb, size_t first, size_t last,
                      const dyad_actor_dict *dict, sent *out)
{
    dyad_doc *doc = dyad_doc_new();
    dyad_buf text;
    dyad_buf_init(&text);
    size_t n = 0;
    for (size_t i = first; i < last; i++)
        n += (size_t)tb->sentences[i].n_words;
    doc->tokens = dyad_arena_calloc(doc->arena, n + 1, sizeof *doc->tokens);
    doc->sentences = dyad_arena_calloc(doc->arena, last - first + 1, sizeof *doc->sentences);
    size_t t = 0;
    for (size_t i = first; i < last; i++) {
        const dyad_conllu_sentence *cs = &tb->sentences[i];
        dyad_sentence *s = &doc->sentences[doc->n_sentences++];
        s->first = (uint32_t)t, s->count = (uint32_t)cs->n_words;
        for (int k = 0; k < cs->n_words; k++, t++) {
            const dyad_conllu_word *w = &cs->words[k];
            dyad_token *tok = &doc->tokens[t];
            tok->start = (uint32_t)text.len;
            dyad_buf_puts(&text, w->form);
            tok->end = (uint32_t)text.len;
            dyad_buf_putc(&text, ' ');
            tok->flags = DYAD_TOKEN_SPACE_AFTER;
            tok->upos = w->upos, tok->xpos = w->xpos, tok->lemma = w->lemma;
            tok->feats = w->feats, tok->deprel = w->deprel;
            tok->head = w->head > 0 ? (int32_t)s->first + w->head - 1 : -1;
        }
        s->start = doc->tokens[s->first].start, s->end = doc->tokens[t - 1].end;
    }
    doc->n_tokens = t;
    doc->text = dyad_doc_strdup(doc, text.data ? text.data : "", text.len);
    doc->text_len = text.len;
    uint8_t *lab = calloc(n + 1, 1);
    if (ment_heuristic_labels(dict, doc, lab) != DYAD_OK)
        exit(1);
    size_t at = 0;
    for (size_t i = first; i < last; i++) {
        sent *s = &out[i - first];
        for (size_t k = 0; k < s->n; k++)
            s->w[k].heur = lab[at++];
    }
    free(lab);
    dyad_buf_free(&text);
    dyad_doc_free(doc);
}

static void read_corpus(const char *path, const dyad_actor_dict *dict, corpus *c)
{
    dyad_error err;
    dyad_treebank *tb = dyad_treebank_read(path, &err);
    if (!tb) {
        fprintf(stderr, "train-ner: %s\n", err.message);
        exit(1);
    }
    for (size_t i = 0; i < tb->n_sentences; i++) {
        const dyad_conllu_sentence *cs = &tb->sentences[i];
        if (!dyad_array_grow((void **)&c->s, &c->cap, c->n + 1, sizeof *c->s, 1024))
            exit(1);
        sent *s = &c->s[c->n++];
        s->n = (size_t)cs->n_words;
        s->w = calloc(s->n + 1, sizeof *s->w);
        s->gold = calloc(s->n + 1, 1);
        for (size_t k = 0; k < s->n; k++) {
            const dyad_conllu_word *cw = &cs->words[k];
            /* strings are copied: the treebank is freed below */
            s->w[k] = (ner_word){strdup(cw->form), (uint32_t)strlen(cw->form), strdup(cw->upos),
                                 strdup(cw->xpos), strdup(cw->lemma), strdup(cw->deprel),
                                 cw->head - 1, 0, 0, "-"};
            s->gold[k] = (uint8_t)label_of(cw->misc);
        }
    }
    size_t base = c->n - tb->n_sentences;
    for (size_t i = 0, first = 0; i <= tb->n_sentences; i++)
        if (i == tb->n_sentences || (i > first && tb->sentences[i].newdoc)) {
            heuristic(tb, first, i, dict, c->s + base + first);
            first = i;
        }
    for (size_t i = base; i < c->n; i++) {
        ner_prepare(c->s[i].w, c->s[i].n);
        ner_dict_classes(dict, &names, c->s[i].w, c->s[i].n);
    }
    dyad_treebank_free(tb);
}

static size_t find(table *t, uint64_t key, int add)
{
    if (add && 2 * (t->used + 1) > t->n_slots) {
        table g = {calloc(t->n_slots * 2, 8), t->n_slots * 2, 0,
                   calloc(t->n_slots * 2 * NER_LABELS, 4), calloc(t->n_slots * 2 * NER_LABELS, 8),
                   calloc(t->n_slots * 2 * NER_LABELS, sizeof(long))};
        for (size_t i = 0; i < t->n_slots; i++)
            if (t->keys[i]) {
                size_t s = find(&g, t->keys[i], 0);
                g.keys[s] = t->keys[i];
                g.used++;
                memcpy(g.w + s * NER_LABELS, t->w + i * NER_LABELS, 4 * NER_LABELS);
                memcpy(g.tot + s * NER_LABELS, t->tot + i * NER_LABELS, 8 * NER_LABELS);
                memcpy(g.ts + s * NER_LABELS, t->ts + i * NER_LABELS, sizeof(long) * NER_LABELS);
            }
        free(t->keys), free(t->w), free(t->tot), free(t->ts);
        *t = g;
    }
    size_t mask = t->n_slots - 1, s = (size_t)(key ^ (key >> 29)) & mask;
    while (t->keys[s] && t->keys[s] != key)
        s = (s + 1) & mask;
    if (add && !t->keys[s])
        t->keys[s] = key, t->used++;
    return s;
}

static table new_table(void)
{
    table t = {calloc(1 << 16, 8), 1 << 16, 0, calloc((1 << 16) * NER_LABELS, 4),
               calloc((1 << 16) * NER_LABELS, 8), calloc((1 << 16) * NER_LABELS, sizeof(long))};
    if (!t.keys || !t.w || !t.tot || !t.ts)
        exit(1);
    return t;
}

static void update(table *t, const uint64_t *f, size_t nf, int label, float delta, long now)
{
    for (size_t i = 0; i < nf; i++) {
        size_t s = find(t, f[i] ? f[i] : 1, 1) * NER_LABELS + (size_t)label;
        t->tot[s] += (double)(now - t->ts[s]) * t->w[s];
        t->ts[s] = now;
        t->w[s] += delta;
    }
}

static void score(const table *t, const uint64_t *f, size_t nf, float *sc)
{
    for (size_t i = 0; i < nf; i++) {
        size_t s = find((table *)t, f[i] ? f[i] : 1, 0);
        if (t->keys[s])
            for (int l = 0; l < NER_LABELS; l++)
                sc[l] += t->w[s * NER_LABELS + l];
    }
}

/* Entities of a label sequence as (type, start, end) triples; returns how many. */
static size_t spans(const uint8_t *l, size_t n, size_t *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (l[i] == NER_O || (l[i] & 1) == 0)
            continue;
        size_t e = i + 1;
        while (e < n && l[e] == l[i] + 1)
            e++;
        out[3 * k] = l[i], out[3 * k + 1] = i, out[3 * k + 2] = e, k++;
    }
    return k;
}

typedef struct counts { long words, errors; } counts;

/* One perceptron step on each word of the sentence, left to right with the labels guessed
 * before it. */
static void learn(table *t, const sent *s, long *now, counts *c)
{
    uint64_t f[NER_MAX_FEATS];
    int prev = NER_O, prev2 = NER_O;
    for (size_t k = 0; k < s->n; k++, (*now)++) {
        size_t nf = ner_features(s->w, s->n, k, prev, prev2, f);
        float sc[NER_LABELS] = {0};
        score(t, f, nf, sc);
        int guess = ner_best(sc, prev);
        if (guess != s->gold[k]) {
            update(t, f, nf, s->gold[k], 1.0f, *now);
            update(t, f, nf, guess, -1.0f, *now);
            c->errors++;
        }
        c->words++;
        prev2 = prev, prev = guess;
    }
}

/* The labels ner_tag gives the sentence with weights t. */
static void predict(const table *t, const sent *s, uint8_t *pred)
{
    uint64_t f[NER_MAX_FEATS];
    int prev = NER_O, prev2 = NER_O;
    for (size_t k = 0; k < s->n; k++) {
        float sc[NER_LABELS] = {0};
        score(t, f, ner_features(s->w, s->n, k, prev, prev2, f), sc);
        pred[k] = (uint8_t)ner_best(sc, prev);
        prev2 = prev, prev = pred[k];
    }
}

static void eval(const table *t, const corpus *c, const char *what)
{
    long tp = 0, np = 0, ng = 0;
    for (size_t i = 0; i < c->n; i++) {
        const sent *s = &c->s[i];
        uint8_t *pred = calloc(s->n + 1, 1);
        predict(t, s, pred);
        size_t *a = malloc(3 * (s->n + 1) * sizeof *a), *b = malloc(3 * (s->n + 1) * sizeof *b);
        size_t na = spans(pred, s->n, a), nb = spans(s->gold, s->n, b);
        for (size_t x = 0; x < na; x++)
            for (size_t y = 0; y < nb; y++)
                tp += !memcmp(a + 3 * x, b + 3 * y, 3 * sizeof *a);
        np += (long)na, ng += (long)nb;
        free(a), free(b), free(pred);
    }
    double p = np ? 100.0 * tp / np : 0, r = ng ? 100.0 * tp / ng : 0;
    fprintf(stderr, "  %s: P %.2f R %.2f F1 %.2f (%ld gold)\n", what, p, r,
            p + r > 0 ? 2 * p * r / (p + r) : 0, ng);
}

static void put32(FILE *f, uint32_t v)
{
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    fwrite(b, 1, 4, f);
}

static void write_file(const char *path, dyad_buf *body, uint32_t n);

/* Averages the weights, keeps the features whose weights matter, writes the file. */
static void save(table *t, long now, const char *path, float min_weight)
{
    dyad_buf body;
    dyad_buf_init(&body);
    uint32_t n = 0;
    for (size_t i = 0; i < t->n_slots; i++) {
        if (!t->keys[i])
            continue;
        float avg[NER_LABELS], big = 0;
        for (int l = 0; l < NER_LABELS; l++) {
            size_t s = i * NER_LABELS + (size_t)l;
            avg[l] = (float)((t->tot[s] + (double)(now - t->ts[s]) * t->w[s]) / (double)now);
            big = avg[l] > big ? avg[l] : -avg[l] > big ? -avg[l] : big;
        }
        if (big < min_weight)
            continue;
        unsigned char rec[8 + 4 * NER_LABELS];
        for (int b = 0; b < 8; b++)
            rec[b] = (unsigned char)(t->keys[i] >> (8 * b));
        for (int l = 0; l < NER_LABELS; l++) {
            uint32_t bits;
            memcpy(&bits, &avg[l], 4);
            for (int b = 0; b < 4; b++)
                rec[8 + 4 * l + b] = (unsigned char)(bits >> (8 * b));
        }
        dyad_buf_append(&body, rec, sizeof rec);
        n++;
    }
    write_file(path, &body, n);
}

/* Writes the file: header, the features in body (n records), then the first names. */
static void write_file(const char *path, dyad_buf *body, uint32_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || body->oom) {
        fprintf(stderr, "train-ner: cannot write %s\n", path);
        exit(1);
    }
    for (size_t i = 0; i < names.n_slots; i++)
        if (names.keys[i]) {
            unsigned char rec[9];
            for (int b = 0; b < 8; b++)
                rec[b] = (unsigned char)(names.keys[i] >> (8 * b));
            rec[8] = names.info[i];
            dyad_buf_append(body, rec, sizeof rec);
        }
    fwrite(NER_MAGIC, 1, 8, f);
    put32(f, 2);
    put32(f, n);
    put32(f, dyad_crc32(0, body->data, body->len));
    put32(f, (uint32_t)names.n);
    fwrite(body->data, 1, body->len, f);
    fclose(f);
    dyad_buf_free(body);
    fprintf(stderr, "train-ner: %u features and %zu names written to %s\n", n, names.n, path);
}

/* --keep: the weights of a file already trained, with this run's first names. */
static void rewrite_names(const char *in, const char *path)
{
    char *data;
    size_t len;
    dyad_error err;
    ner_model *m = NULL;
    if (dyad_file_read_all(in, &data, &len, &err) != DYAD_OK ||
        !(m = ner_load_memory(data, len, &err))) {
        fprintf(stderr, "train-ner: %s: %s\n", in, err.message);
        exit(1);
    }
    ner_free(m);
    const unsigned char *h = (const unsigned char *)data + 12; /* n_feats, checked on load */
    uint32_t n = (uint32_t)h[0] | (uint32_t)h[1] << 8 | (uint32_t)h[2] << 16 | (uint32_t)h[3] << 24;
    dyad_buf body;
    dyad_buf_init(&body);
    dyad_buf_append(&body, data + NER_HEADER, (size_t)n * NER_RECORD);
    free(data);
    write_file(path, &body, n);
}

/* Averaged weights as a plain table, so that dev scores are those of the shipped file. */
static table averaged(const table *t, long now)
{
    table a = *t;
    a.w = malloc(t->n_slots * NER_LABELS * sizeof *a.w);
    for (size_t s = 0; s < t->n_slots * NER_LABELS; s++)
        a.w[s] = (float)((t->tot[s] + (double)(now - t->ts[s]) * t->w[s]) / (double)now);
    return a;
}

int main(int argc, char **argv)
{
    const char *dict_path = NULL, *out = NULL, *keep = NULL;
    const char *dev[8];
    int n_dev = 0, epochs = 10, runs = 1;
    float min_weight = 0.01f;
    corpus train = {0};
    dyad_actor_dict *dict = NULL;
    const char *train_files[16];
    int n_train = 0;
    dyad_error err;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-d") && i + 1 < argc) dict_path = argv[++i];
        else if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
        else if (!strcmp(argv[i], "-e") && i + 1 < argc) epochs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-r") && i + 1 < argc) runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-m") && i + 1 < argc) min_weight = (float)atof(argv[++i]);
        else if (!strcmp(argv[i], "-n") && i + 1 < argc) read_names(argv[++i], false);
        else if (!strcmp(argv[i], "-g") && i + 1 < argc) read_names(argv[++i], true);
        else if (!strcmp(argv[i], "--dev") && i + 1 < argc && n_dev < 8) dev[n_dev++] = argv[++i];
        else if (!strcmp(argv[i], "--keep") && i + 1 < argc) keep = argv[++i];
        else if (n_train < 16) train_files[n_train++] = argv[i];
    }
    if (out && keep) {
        rewrite_names(keep, out);
        return 0;
    }
    if (!out || !n_train || epochs < 1 || runs < 1) {
        fprintf(stderr, "usage: train-ner -d ACTORS.dict [-n NAMES.tsv] [-g GENDERS.tsv] "
                        "-o OUT.ner [-e EPOCHS] [-r RUNS] [-m MIN_WEIGHT] [--dev DEV.conllu] "
                        "TRAIN.conllu...\n"
                        "       train-ner [-n NAMES.tsv] [-g GENDERS.tsv] --keep IN.ner "
                        "-o OUT.ner\n");
        return 2;
    }
    if (dict_path && !(dict = dyad_actor_dict_load(dict_path, &err))) {
        fprintf(stderr, "train-ner: %s\n", err.message);
        return 1;
    }
    for (int i = 0; i < n_train; i++)
        read_corpus(train_files[i], dict, &train);
    corpus devs[8] = {{0}};
    for (int i = 0; i < n_dev; i++)
        read_corpus(dev[i], dict, &devs[i]);
    /* Several runs over differently shuffled data, their averaged weights averaged: a
     * single run's held-out F1 moves by about 1 point with the order of the data. */
    table sum = new_table();
    for (int run = 0; run < runs; run++) {
        table t = new_table();
        long now = 1;
        uint64_t seed = 42 + 1000003u * (uint64_t)run;
        for (int e = 0; e < epochs; e++) {
            for (size_t i = train.n; i > 1; i--) { /* a fixed shuffle per epoch */
                seed = seed * 6364136223846793005ull + 1442695040888963407ull;
                size_t j = (size_t)(seed >> 33) % i;
                sent tmp = train.s[i - 1];
                train.s[i - 1] = train.s[j], train.s[j] = tmp;
            }
            counts c = {0};
            for (size_t i = 0; i < train.n; i++)
                learn(&t, &train.s[i], &now, &c);
            fprintf(stderr, "run %d epoch %d: %.2f%% word errors, %zu features\n", run + 1, e + 1,
                    100.0 * (double)c.errors / (double)(c.words ? c.words : 1), t.used);
        }
        table a = averaged(&t, now);
        for (int i = 0; i < n_dev; i++)
            eval(&a, &devs[i], dev[i]);
        for (size_t i = 0; i < t.n_slots; i++)
            if (t.keys[i]) {
                size_t slot = find(&sum, t.keys[i], 1);
                for (int l = 0; l < NER_LABELS; l++)
                    sum.w[slot * NER_LABELS + (size_t)l] +=
                        a.w[i * NER_LABELS + (size_t)l] / (float)runs;
            }
        free(a.w);
        free(t.keys), free(t.w), free(t.tot), free(t.ts);
    }
    if (runs > 1)
        for (int i = 0; i < n_dev; i++)
            eval(&sum, &devs[i], "all runs");
    long now = 1;
    table t = sum; /* averaged already: tot and ts 0, now 1 */
    save(&t, now, out, min_weight);
    dyad_actor_dict_free(dict);
    return 0;
}
