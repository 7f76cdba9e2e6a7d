/* Tokenizer benchmark: MB/s of tokenize + split, and of read + normalise + tokenize.
 *
 * Build and run (one core, from the repository root, after `make BUILD=build`):
 *   cc -O2 -Iinclude -o build/bench-tokenize bench/bench_tokenize.c build/libdyad.a \
 *      $(pkg-config --libs libxml-2.0 zlib libzstd libutf8proc libcjson) -lpthread -lm
 *   taskset -c 0 build/bench-tokenize ../shared/data/news/wikinews/articles [passes]
 *
 * Pass 1 times the whole reader path per document (read, normalise, tokenize);
 * the next passes re-tokenize fresh copies of each text and time dyad_tokenize
 * alone, in CPU time; the best pass is printed besides the mean because other
 * processes on a shared machine slow some passes down. Peak RSS is printed so that
 * growth with input size shows. */
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts); /* CPU time: the machine is shared */
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double peak_rss_mib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;
}

typedef struct texts {
    char **text;
    size_t *len, n, cap, bytes, tokens, sentences;
} texts;

static int keep(texts *t, const dyad_doc *doc)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 256;
        char **a = realloc(t->text, t->cap * sizeof *a);
        size_t *b = realloc(t->len, t->cap * sizeof *b);
        if (a)
            t->text = a;
        if (b)
            t->len = b;
        if (!a || !b)
            return -1;
    }
    t->text[t->n] = malloc(doc->text_len + 1);
    if (!t->text[t->n])
        return -1;
    memcpy(t->text[t->n], doc->text, doc->text_len + 1);
    t->len[t->n++] = doc->text_len;
    return 0;
}

/* Pass 1: reader + normalise + tokenize; keeps the texts for the next passes. */
static int read_pass(const char *path, texts *t, double *seconds)
{
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    if (!r || dyad_reader_add_path(r, path) != DYAD_OK)
        return -1;
    double t0 = now();
    dyad_doc *doc;
    while ((doc = dyad_reader_next(r))) {
        if (!doc->failed && doc->text && dyad_tokenize(doc) == DYAD_OK) {
            t->bytes += doc->text_len;
            t->tokens += doc->n_tokens;
            t->sentences += doc->n_sentences;
            double pause = now();
            int rc = keep(t, doc);
            t0 += now() - pause; /* copying for later passes is not the reader's cost */
            if (rc)
                return -1;
        }
        dyad_doc_free(doc);
    }
    *seconds = now() - t0;
    dyad_reader_free(r);
    return 0;
}

/* Later passes: dyad_tokenize alone on fresh documents. */
static double tokenize_pass(const texts *t)
{
    double spent = 0;
    for (size_t i = 0; i < t->n; i++) {
        dyad_doc *doc = dyad_doc_new();
        if (!doc || dyad_doc_set_text(doc, NULL, 0, t->text[i], t->len[i]) != DYAD_OK) {
            dyad_doc_free(doc);
            return -1;
        }
        double t0 = now();
        dyad_tokenize(doc);
        spent += now() - t0;
        dyad_doc_free(doc);
    }
    return spent;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench-tokenize DIR|FILE [passes]\n");
        return 2;
    }
    int passes = argc > 2 ? atoi(argv[2]) : 20;
    texts t = {0};
    double read_s;
    if (read_pass(argv[1], &t, &read_s)) {
        fprintf(stderr, "bench-tokenize: cannot read %s\n", argv[1]);
        return 1;
    }
    double tok_s = 0, best = 0;
    for (int p = 0; p < passes; p++) {
        double s = tokenize_pass(&t);
        tok_s += s;
        best = p == 0 || s < best ? s : best; /* the least disturbed pass on a shared machine */
    }
    double mb = (double)t.bytes / 1e6;
    printf("%zu documents, %.2f MB, %zu tokens, %zu sentences\n", t.n, mb, t.tokens, t.sentences);
    printf("read + normalise + tokenize: %.1f MB/s (1 pass)\n", read_s > 0 ? mb / read_s : 0);
    printf("tokenize + split:            %.1f MB/s (mean of %d passes), %.1f MB/s (best pass)\n",
           tok_s > 0 ? mb * passes / tok_s : 0, passes, best > 0 ? mb / best : 0);
    printf("peak RSS: %.1f MiB\n", peak_rss_mib());
    for (size_t i = 0; i < t.n; i++)
        free(t.text[i]);
    free(t.text);
    free(t.len);
    return 0;
}
