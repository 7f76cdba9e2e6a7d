/* dyad_train: reads treebanks, trains the tagger, then the parser on jackknifed
 * (predicted) tags, and writes the model file. */
#include "model.h"
#include "../parse/parser.h"
#include "../tag/tagger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The parser learns from tags as noisy as at run time: each fold of the training
 * set is tagged by a tagger trained on the other folds (0 = gold tags). */
#define TRAIN_JACKKNIFE_FOLDS 4

typedef struct corpus {
    dyad_treebank **tb;
    size_t n_tb, n_sentences;
} corpus;

static void corpus_free(corpus *c)
{
    for (size_t i = 0; i < c->n_tb; i++)
        dyad_treebank_free(c->tb[i]);
    free(c->tb);
    memset(c, 0, sizeof *c);
}

static dyad_status corpus_read(const char *const *files, corpus *c, dyad_error *err)
{
    memset(c, 0, sizeof *c);
    size_t n = 0;
    while (files && files[n])
        n++;
    c->tb = calloc(n + 1, sizeof *c->tb);
    if (!c->tb)
        return dyad_error_set(err, DYAD_ENOMEM, "oom", "out of memory reading treebanks");
    for (size_t i = 0; i < n; i++) {
        c->tb[i] = dyad_treebank_read(files[i], err);
        if (!c->tb[i])
            return err ? err->status : DYAD_EFORMAT;
        c->n_tb++;
        c->n_sentences += c->tb[i]->n_sentences;
    }
    return DYAD_OK;
}

/* Points g at one treebank sentence; tags come from the tagger when given. */
static dyad_status gold_make(const dyad_conllu_sentence *s, const dyad_tagger *tagger,
                             dyad_arena *a, dyad_parse_gold *g)
{
    size_t n = (size_t)s->n_words ? (size_t)s->n_words : 1;
    const char **form = dyad_arena_alloc(a, n * sizeof *form);
    const char **upos = dyad_arena_alloc(a, n * sizeof *upos);
    const char **xpos = dyad_arena_alloc(a, n * sizeof *xpos);
    const char **rel = dyad_arena_alloc(a, n * sizeof *rel);
    size_t *len = dyad_arena_alloc(a, n * sizeof *len);
    int *head = dyad_arena_alloc(a, n * sizeof *head);
    dyad_tag_result *tags = tagger ? dyad_arena_alloc(a, n * sizeof *tags) : NULL;
    if (!form || !upos || !xpos || !rel || !len || !head || (tagger && !tags))
        return DYAD_ENOMEM;
    for (int i = 0; i < s->n_words; i++) {
        const dyad_conllu_word *w = &s->words[i];
        form[i] = w->form, len[i] = strlen(w->form), upos[i] = w->upos, xpos[i] = w->xpos;
        head[i] = w->head, rel[i] = w->deprel;
    }
    if (tagger) {
        dyad_status st = dyad_tagger_tag(tagger, form, len, s->n_words, tags, a);
        for (int i = 0; st == DYAD_OK && i < s->n_words; i++)
            upos[i] = tags[i].upos, xpos[i] = tags[i].xpos;
        if (st != DYAD_OK)
            return st;
    }
    *g = (dyad_parse_gold){{s->n_words, form, len, upos, xpos}, head, rel};
    return DYAD_OK;
}

/* Every sentence of c as parser input, tagged by tagger (NULL = gold tags). */
static dyad_parse_gold *golds_make(const corpus *c, const dyad_tagger *tagger, dyad_arena *a)
{
    dyad_parse_gold *g = dyad_arena_calloc(a, c->n_sentences + 1, sizeof *g);
    size_t k = 0;
    for (size_t t = 0; g && t < c->n_tb; t++)
        for (size_t i = 0; i < c->tb[t]->n_sentences; i++)
            if (gold_make(&c->tb[t]->sentences[i], tagger, a, &g[k++]) != DYAD_OK)
                return NULL;
    return g;
}

/* Interned copies keep jackknifed tags alive after their fold's tagger is freed. */
static dyad_status jackknife_fold(const corpus *c, int fold, int folds, dyad_parse_gold *g,
                                  uint64_t seed, int epochs, dyad_arena *a, dyad_error *err)
{
    dyad_treebank rest = {0}, held = {0};
    rest.sentences = malloc((c->n_sentences + 1) * sizeof *rest.sentences);
    size_t *held_at = malloc((c->n_sentences + 1) * sizeof *held_at), k = 0;
    held.sentences = malloc((c->n_sentences + 1) * sizeof *held.sentences);
    if (!rest.sentences || !held.sentences || !held_at) {
        free(rest.sentences), free(held.sentences), free(held_at);
        return dyad_error_set(err, DYAD_ENOMEM, "oom", "out of memory in jackknifing");
    }
    for (size_t t = 0; t < c->n_tb; t++)
        for (size_t i = 0; i < c->tb[t]->n_sentences; i++, k++) {
            if ((int)(k % (size_t)folds) == fold)
                held_at[held.n_sentences] = k, held.sentences[held.n_sentences++] = c->tb[t]->sentences[i];
            else
                rest.sentences[rest.n_sentences++] = c->tb[t]->sentences[i];
        }
    const dyad_treebank *train[1] = {&rest};
    dyad_tagger *tagger = dyad_tagger_train(train, 1, NULL, 0, epochs, seed + (uint64_t)fold, NULL,
                                            NULL, err);
    dyad_status st = tagger ? DYAD_OK : (err ? err->status : DYAD_ENOMEM);
    for (size_t i = 0; st == DYAD_OK && i < held.n_sentences; i++) {
        st = gold_make(&held.sentences[i], tagger, a, &g[held_at[i]]);
        for (int w = 0; st == DYAD_OK && w < g[held_at[i]].in.n; w++) {
            const char **u = (const char **)g[held_at[i]].in.upos, **x = (const char **)g[held_at[i]].in.xpos;
            u[w] = dyad_arena_strndup(a, u[w], strlen(u[w]));
            x[w] = dyad_arena_strndup(a, x[w], strlen(x[w]));
            st = u[w] && x[w] ? DYAD_OK : DYAD_ENOMEM;
        }
    }
    dyad_tagger_free(tagger);
    free(rest.sentences), free(held.sentences), free(held_at);
    return st;
}

static void say(const dyad_train_options *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(const dyad_train_options *o, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (o->progress)
        o->progress(o->progress_ctx, line);
}

static dyad_status write_file(const char *path, const dyad_buf *b, dyad_error *err)
{
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(b->data, 1, b->len, f) == b->len;
    if (f && fclose(f) != 0)
        ok = false;
    return ok ? DYAD_OK : dyad_error_set(err, DYAD_EIO, "write", "%s: cannot write the model", path);
}

/* Serializes the trained tagger and parser with a meta section into opts->output. */
static dyad_status model_save(const dyad_train_options *o, const dyad_tagger *tagger,
                              const dyad_parser *parser, dyad_error *err)
{
    dyad_buf tb, pb, meta, file;
    dyad_buf_init(&tb), dyad_buf_init(&pb), dyad_buf_init(&meta), dyad_buf_init(&file);
    dyad_buf_printf(&meta, "dyad %s model; seed %llu; tagger epochs %d; parser epochs %d; "
                    "jackknife folds %d; train:", DYAD_VERSION, (unsigned long long)o->seed,
                    o->tagger_epochs, o->parser_epochs, TRAIN_JACKKNIFE_FOLDS);
    for (size_t i = 0; o->train_files[i]; i++) {
        const char *slash = strrchr(o->train_files[i], '/');
        dyad_buf_printf(&meta, " %s", slash ? slash + 1 : o->train_files[i]);
    }
    dyad_status st = dyad_tagger_save(tagger, &tb);
    if (st == DYAD_OK)
        st = dyad_parser_save(parser, &pb);
    model_section sec[3] = {{"tagger", tb.data, tb.len}, {"parser", pb.data, pb.len},
                            {"meta", meta.data, meta.len}};
    if (st == DYAD_OK && !meta.oom)
        st = model_write(sec, 3, &file);
    if (st == DYAD_OK)
        st = write_file(o->output, &file, err);
    else
        dyad_error_set(err, DYAD_ENOMEM, "oom", "out of memory serializing the model");
    dyad_buf_free(&tb), dyad_buf_free(&pb), dyad_buf_free(&meta), dyad_buf_free(&file);
    return st;
}

static dyad_parse_gold *train_golds(const dyad_train_options *o, const corpus *c, dyad_arena *a,
                                    dyad_error *err)
{
    dyad_parse_gold *g = golds_make(c, NULL, a);
    for (int f = 0; g && f < TRAIN_JACKKNIFE_FOLDS; f++) {
        say(o, "jackknife: tagging fold %d of %d", f + 1, TRAIN_JACKKNIFE_FOLDS);
        if (jackknife_fold(c, f, TRAIN_JACKKNIFE_FOLDS, g, o->seed, o->tagger_epochs, a, err) != DYAD_OK)
            return NULL;
    }
    if (!g)
        dyad_error_set(err, DYAD_ENOMEM, "oom", "out of memory preparing the parser's data");
    return g;
}

dyad_status dyad_train(const dyad_train_options *o, dyad_error *err)
{
    if (!o || !o->train_files || !o->train_files[0] || !o->output)
        return dyad_error_set(err, DYAD_EINVAL, "train_usage", "training needs train files and an output");
    corpus train, dev;
    dyad_arena *a = dyad_arena_new();
    dyad_tagger *tagger = NULL;
    dyad_parser *parser = NULL;
    dyad_status st = corpus_read(o->train_files, &train, err);
    if (st == DYAD_OK)
        st = corpus_read(o->dev_files, &dev, err);
    else
        memset(&dev, 0, sizeof dev);
    const dyad_treebank *const *tr = (const dyad_treebank *const *)train.tb;
    const dyad_treebank *const *dv = (const dyad_treebank *const *)dev.tb;
    if (st == DYAD_OK && a)
        tagger = dyad_tagger_train(tr, train.n_tb, dv, dev.n_tb, o->tagger_epochs, o->seed,
                                   o->progress, o->progress_ctx, err);
    dyad_parse_gold *tg = tagger ? train_golds(o, &train, a, err) : NULL;
    dyad_parse_gold *dg = tg ? golds_make(&dev, tagger, a) : NULL;
    if (dg)
        parser = dyad_parser_train(tg, train.n_sentences, dg, dev.n_sentences, o->parser_epochs,
                                   o->seed, o->progress, o->progress_ctx, err);
    if (parser)
        st = model_save(o, tagger, parser, err);
    else if (st == DYAD_OK)
        st = err && err->status != DYAD_OK ? err->status : DYAD_ENOMEM;
    dyad_parser_free(parser);
    dyad_tagger_free(tagger);
    dyad_arena_free(a);
    corpus_free(&train);
    corpus_free(&dev);
    return st;
}
