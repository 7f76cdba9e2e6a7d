/* Tests of the mention stage: spans, codes, types and surnames over the shipped model. */
#include "test.h"

#include <stdlib.h>

#define SHIPPED_MODEL "data/model/dyad-en.model"
#define SHIPPED_ACTORS "data/actors/actors.dict"

/* The shipped pipeline, loaded once for every test (the runner is single-threaded). */
static dyad_pipeline *shipped(void)
{
    static dyad_pipeline *p;
    static int tried;
    if (!p && !tried) {
        tried = 1;
        dyad_pipeline_options o = {.model_path = SHIPPED_MODEL, .actors_path = SHIPPED_ACTORS};
        dyad_error err;
        p = dyad_pipeline_new(&o, &err);
        if (!p)
            fprintf(stderr, "  %s\n", err.message);
    }
    return p;
}

/* A document from a spec input: an optional first line "@YYYY-MM-DD", then the body. */
static dyad_doc *run(const char *input, size_t len)
{
    dyad_doc *doc = dyad_doc_new();
    if (!doc)
        return NULL;
    if (len > 12 && input[0] == '@') {
        doc->date = dyad_doc_strdup(doc, input + 1, 10);
        input += 12, len -= 12;
    }
    dyad_doc_set_text(doc, NULL, 0, input, len);
    dyad_pipeline_run(shipped(), doc);
    return doc;
}

/* One line per mention: text | name | type | code. */
static char *mentions_spec(const char *input, size_t len)
{
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_doc *doc = run(input, len);
    for (size_t i = 0; doc && i < doc->n_actors; i++) {
        const dyad_mention *m = &doc->actors[i];
        dyad_buf_printf(&b, "%s%.*s | %s | %s | %s", i ? "\n" : "", (int)(m->end - m->start),
                        doc->text + m->start, m->name, m->type, m->code ? m->code : "-");
    }
    dyad_doc_free(doc);
    return dyad_buf_detach(&b, NULL);
}

DYAD_TEST(mentions_spec)
{
    CHECK(shipped() != NULL);
    if (shipped())
        CHECK(dyad_spec_run("tests/spec/mentions.spec", mentions_spec) >= 5);
}

/* Spans point into the text, in order, with their sentence; names live in the doc. */
DYAD_TEST(mentions_spans_and_sentences)
{
    if (!shipped())
        return;
    static const char text[] = "The Kremlin denied it. Later, Dmitry Peskov spoke.";
    dyad_doc *doc = run(text, sizeof text - 1);
    CHECK(doc && doc->actors && doc->n_actors == 2);
    if (!doc || doc->n_actors != 2) {
        dyad_doc_free(doc);
        return;
    }
    CHECK(doc->actors[0].start == 4 && doc->actors[0].end == 11 && doc->actors[0].sentence == 0);
    CHECK(doc->actors[1].start == 30 && doc->actors[1].sentence == 1);
    CHECK_STR(doc->actors[1].name, "Dmitry Peskov");
    dyad_doc_free(doc);
}

/* Without tags the stage does nothing; without a dictionary mentions have no codes. */
DYAD_TEST(mentions_without_model_or_dict)
{
    dyad_doc *doc = dyad_doc_new();
    static const char text[] = "Dmitry Peskov spoke in Moscow.";
    CHECK(doc && dyad_doc_set_text(doc, NULL, 0, text, sizeof text - 1) == DYAD_OK);
    CHECK(dyad_tokenize(doc) == DYAD_OK);
    CHECK(dyad_mentions_find(NULL, doc) == DYAD_OK && doc->actors == NULL);
    dyad_doc_free(doc);
    dyad_pipeline_options o = {.model_path = SHIPPED_MODEL};
    dyad_pipeline *p = dyad_pipeline_new(&o, NULL);
    CHECK(p != NULL);
    if (!p)
        return;
    doc = dyad_doc_new();
    dyad_doc_set_text(doc, NULL, 0, text, sizeof text - 1);
    dyad_pipeline_run(p, doc);
    CHECK(doc->actors && doc->n_actors >= 1);
    for (size_t i = 0; doc->actors && i < doc->n_actors; i++)
        CHECK(doc->actors[i].code == NULL);
    dyad_doc_free(doc);
    dyad_pipeline_free(p);
}
