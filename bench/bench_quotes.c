/* Quote stage benchmark: its CPU time alone beside the whole pipeline's.
 *
 * Build and run (from the repository root, after `make BUILD=build`):
 *   cc -O2 -Iinclude -o build/bench-quotes bench/bench_quotes.c build/libdyad.a \
 *      $(pkg-config --libs libxml-2.0 zlib libzstd libutf8proc libcjson) -lpthread -lm
 *   build/bench-quotes ../shared/data/news/wikinews/articles
 *
 * Every document goes through the shipped pipeline (quotes included), then the quote
 * stage runs again REPEAT times under the clock (it rebuilds doc->quotes each time),
 * so its cost is measured apart from the tagger and parser in CPU time, which other
 * processes on a shared machine disturb less than wall time. */
#include "dyad.h"

#include <stdio.h>
#include <time.h>

#define REPEAT 5

static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    dyad_pipeline_options o = {.model_path = "data/model/dyad-en.model",
                               .actors_path = "data/actors/actors.dict"};
    dyad_error err;
    dyad_pipeline *p = dyad_pipeline_new(&o, &err);
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    if (!p || !r || argc < 2) {
        fprintf(stderr, "usage: bench-quotes PATH... (from the repository root)\n");
        return 2;
    }
    for (int i = 1; i < argc; i++)
        dyad_reader_add_path(r, argv[i]);
    double pipe = 0, quotes = 0;
    size_t sents = 0, docs = 0, found = 0;
    for (dyad_doc *d; (d = dyad_reader_next(r)) != NULL; dyad_doc_free(d)) {
        double t0 = cpu_now();
        dyad_pipeline_run(p, d);
        double t1 = cpu_now();
        for (int k = 0; k < REPEAT; k++)
            dyad_quotes_find(d);
        quotes += (cpu_now() - t1) / REPEAT;
        pipe += t1 - t0;
        sents += d->n_sentences, docs++, found += d->n_quotes;
    }
    printf("%zu docs, %zu sentences, %zu quotes: pipeline %.3f s CPU (%.0f sentences/s), "
           "quote stage %.4f s (%.0f sentences/s, %.2f%% of the pipeline)\n",
           docs, sents, found, pipe, (double)sents / pipe, quotes, (double)sents / quotes,
           100 * quotes / pipe);
    dyad_reader_free(r);
    dyad_pipeline_free(p);
    return 0;
}
