/* Tagger benchmark: trains (or loads) a tagger and scores CoNLL-U files from gold tokens.
 *
 * Build (after `make BUILD=build-tag`):
 *   cc -std=c11 -D_GNU_SOURCE -O2 -Iinclude -Isrc/core bench/bench_tag.c \
 *      build-tag/libdyad.a $(pkg-config --libs libxml-2.0 zlib libzstd libutf8proc libcjson) \
 *      -lm -o build-tag/bench-tag
 * Usage:
 *   build-tag/bench-tag [-t train.conllu]... [-d dev.conllu]... [-e epochs] [-S seed]
 *                       [-o payload.out] [-l payload.in] [-p predictions.tsv] test.conllu...
 * Prints per-epoch dev scores, train time, payload size, load time, then for each test
 * file UPOS/XPOS/UFeats/AllTags/Lemmas, tagging words/s (one thread) and peak RSS. */
#include "../src/tag/tagger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress(void *ctx, const char *line)
{
    (void)ctx;
    printf("%s\n", line);
    fflush(stdout);
}

static dyad_treebank *read_or_die(const char *path)
{
    dyad_error err;
    dyad_treebank *tb = dyad_treebank_read(path, &err);
    if (!tb) {
        fprintf(stderr, "%s\n", err.message);
        exit(1);
    }
    return tb;
}

static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Words per CPU second of dyad_tagger_tag alone over the file, repeated for >= 2 s
 * (CPU time, so other jobs on the machine disturb it less). */
static double speed(const dyad_tagger *t, const dyad_treebank *tb)
{
    size_t words = 0;
    double t0 = cpu(), spent = 0;
    const char *forms[4096];
    size_t lens[4096];
    dyad_tag_result res[4096];
    while (spent < 2.0) {
        for (size_t s = 0; s < tb->n_sentences; s++) {
            const dyad_conllu_sentence *cs = &tb->sentences[s];
            int n = cs->n_words < 4096 ? cs->n_words : 4096;
            for (int i = 0; i < n; i++) {
                forms[i] = cs->words[i].form;
                lens[i] = strlen(forms[i]);
            }
            dyad_arena *arena = dyad_arena_new();
            dyad_tagger_tag(t, forms, lens, n, res, arena);
            dyad_arena_free(arena);
            words += (size_t)n;
        }
        spent = cpu() - t0;
    }
    return (double)words / spent;
}

/* Writes "gold-upos gold-xpos gold-feats TAB pred... TAB form" for every error. */
static void dump_errors(const dyad_tagger *t, const dyad_treebank *tb, FILE *f)
{
    const char *forms[4096];
    size_t lens[4096];
    dyad_tag_result res[4096];
    for (size_t s = 0; s < tb->n_sentences; s++) {
        const dyad_conllu_sentence *cs = &tb->sentences[s];
        int n = cs->n_words < 4096 ? cs->n_words : 4096;
        for (int i = 0; i < n; i++) {
            forms[i] = cs->words[i].form;
            lens[i] = strlen(forms[i]);
        }
        dyad_arena *arena = dyad_arena_new();
        dyad_tagger_tag(t, forms, lens, n, res, arena);
        for (int i = 0; i < n; i++) {
            const dyad_conllu_word *g = &cs->words[i];
            fprintf(f, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", g->form, g->upos, res[i].upos,
                    g->xpos, res[i].xpos, g->feats, res[i].feats, g->lemma, res[i].lemma);
        }
        dyad_arena_free(arena);
    }
}

static const char *dump_path;

static void report(const dyad_tagger *t, const char *path)
{
    dyad_treebank *tb = read_or_die(path);
    const dyad_treebank *tbs[1] = {tb};
    dyad_tag_scores sc;
    if (dyad_tagger_evaluate(t, tbs, 1, &sc) != DYAD_OK) {
        fprintf(stderr, "evaluation failed\n");
        exit(1);
    }
    double n = sc.words ? (double)sc.words / 100.0 : 1;
    printf("%s: %zu words UPOS %.2f XPOS %.2f UFeats %.2f AllTags %.2f Lemmas %.2f; "
           "%.0f words/s\n",
           path, sc.words, sc.upos / n, sc.xpos / n, sc.feats / n, sc.all / n, sc.lemma / n,
           speed(t, tb));
    FILE *f = dump_path ? fopen(dump_path, "w") : NULL;
    if (f) {
        dump_errors(t, tb, f);
        fclose(f);
    }
    dyad_treebank_free(tb);
}

int main(int argc, char **argv)
{
    dyad_treebank *train[8], *dev[8];
    size_t n_train = 0, n_dev = 0;
    int epochs = 0, i = 1;
    uint64_t seed = 1;
    const char *out = NULL, *in = NULL;
    for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
        char o = argv[i][1];
        if (o == 't' && n_train < 8)
            train[n_train++] = read_or_die(argv[i + 1]);
        else if (o == 'd' && n_dev < 8)
            dev[n_dev++] = read_or_die(argv[i + 1]);
        else if (o == 'e')
            epochs = atoi(argv[i + 1]);
        else if (o == 'S')
            seed = strtoull(argv[i + 1], NULL, 10);
        else if (o == 'o')
            out = argv[i + 1];
        else if (o == 'p')
            dump_path = argv[i + 1];
        else if (o == 'l')
            in = argv[i + 1];
    }
    dyad_error err;
    dyad_tagger *t;
    if (in) {
        char *data;
        size_t len;
        if (dyad_file_read_all(in, &data, &len, &err) != DYAD_OK) {
            fprintf(stderr, "%s\n", err.message);
            return 1;
        }
        double t0 = now();
        t = dyad_tagger_load(data, len, &err);
        printf("loaded %zu bytes in %.4f s\n", len, now() - t0);
    } else {
        double t0 = now();
        t = dyad_tagger_train((const dyad_treebank *const *)train, n_train,
                              (const dyad_treebank *const *)dev, n_dev, epochs, seed, progress,
                              NULL, &err);
        printf("trained in %.1f s\n", now() - t0);
    }
    if (!t) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    dyad_buf buf;
    dyad_buf_init(&buf);
    dyad_tagger_save(t, &buf);
    printf("payload %zu bytes\n", buf.len);
    if (out) {
        FILE *f = fopen(out, "wb");
        if (!f || fwrite(buf.data, 1, buf.len, f) != buf.len || fclose(f) != 0)
            fprintf(stderr, "cannot write %s\n", out);
    }
    for (; i < argc; i++)
        report(t, argv[i]);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS %ld MB\n", ru.ru_maxrss / 1024);
    return 0;
}
