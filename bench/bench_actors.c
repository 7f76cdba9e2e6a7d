/* Throughput of the actor stage: CPU time of tokenize + tag + parse against the same
 * plus mentions (heuristics, NER, coreference) and dates, over a directory of articles.
 *
 * Build (after `make BUILD=build-a`), or run bench/actors.sh which does both:
 *   cc -std=c11 -D_GNU_SOURCE -O2 -Iinclude -Isrc/core bench/bench_actors.c \
 *      build-a/libdyad.a $(pkg-config --libs libxml-2.0 zlib libzstd libutf8proc libcjson) \
 *      -lpthread -lm -o build-a/bench-actors
 * Usage: bench-actors MODEL ACTORS.dict NER.ner DIR [ROUNDS]
 * Prints, for the documents of DIR read ROUNDS times: tokens, seconds and tokens/s of
 * tokenize+tag+parse, of mentions, of the NER tagger inside them, of dates, and the
 * ratio (tag+parse) / (tag+parse + mentions + dates). */
#include "../src/mentions/mentions.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: bench-actors MODEL ACTORS.dict NER.ner DIR [ROUNDS]\n");
        return 2;
    }
    dyad_error err;
    dyad_model *model = dyad_model_load(argv[1], &err);
    dyad_actor_dict *dict = model ? dyad_actor_dict_load(argv[2], &err) : NULL;
    ner_model *ner = dict ? ner_load(argv[3], &err) : NULL;
    if (!ner) {
        fprintf(stderr, "bench-actors: %s\n", err.message);
        return 1;
    }
    int rounds = argc > 5 ? atoi(argv[5]) : 1;
    double parse = 0, ment = 0, ner_only = 0, dates = 0;
    size_t tokens = 0, docs = 0;
    for (int r = 0; r < rounds; r++) {
        dyad_reader *rd = dyad_reader_new(DYAD_FORMAT_AUTO);
        dyad_reader_add_path(rd, argv[4]);
        for (dyad_doc *doc; (doc = dyad_reader_next(rd)); dyad_doc_free(doc)) {
            if (doc->failed)
                continue;
            double t0 = cpu();
            dyad_tokenize(doc);
            dyad_model_annotate(model, doc);
            double t1 = cpu();
            ment_find(dict, ner, doc);
            double t2 = cpu();
            dyad_dates_find(doc);
            double t3 = cpu();
            /* the tagger alone, again on the same document: its share of the mentions */
            ner_word *w = malloc((doc->n_tokens + 1) * sizeof *w);
            uint8_t *lab = malloc(doc->n_tokens + 1);
            double t4 = cpu();
            for (size_t s = 0; w && lab && s < doc->n_sentences; s++) {
                const dyad_sentence *sn = &doc->sentences[s];
                ner_words(doc, sn, w);
                ner_dict_classes(dict, &ner->names, w, sn->count);
                ner_tag(ner, w, sn->count, lab + sn->first);
            }
            ner_only += cpu() - t4;
            free(w);
            free(lab);
            parse += t1 - t0, ment += t2 - t1, dates += t3 - t2;
            tokens += doc->n_tokens, docs++;
        }
        dyad_reader_free(rd);
    }
    printf("%zu documents, %zu tokens\n", docs, tokens);
    printf("tokenize+tag+parse %8.3f s %10.0f tokens/s\n", parse, (double)tokens / parse);
    printf("mentions           %8.3f s %10.0f tokens/s (NER tagger alone %.3f s, %.1f%% of tag+parse)\n",
           ment, (double)tokens / ment, ner_only, 100 * ner_only / parse);
    printf("dates              %8.3f s %10.0f tokens/s\n", dates, (double)tokens / dates);
    printf("ratio (tag+parse)/(tag+parse+mentions+dates) %.3f\n", parse / (parse + ment + dates));
    ner_free(ner);
    dyad_actor_dict_free(dict);
    dyad_model_free(model);
    return 0;
}
