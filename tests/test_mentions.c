/* Tests of the mention stage: spans, codes, types and surnames over the shipped model. */
#include "test.h"
#include "../src/mentions/ner.h"

#include <stdlib.h>
#include <time.h>




/* One line per mention: text | name | type | code (then " (inferred)" when its country is
 * the document's), then " | FORM -> N" when it refers to mention N (form: name, pronoun,
 * title). */
static char *mentions_spec(const char *input, size_t len)
{
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_doc *doc = dyad_test_run(input, len);
    for (size_t i = 0; doc && i < doc->n_actors; i++) {
        const dyad_mention *m = &doc->actors[i];
        dyad_buf_printf(&b, "%s%.*s | %s | %s | %s%s", i ? "\n" : "", (int)(m->end - m->start),
                        doc->text + m->start, m->name, m->type, m->code ? m->code : "-",
                        m->country_inferred ? " (inferred)" : "");
        if (m->antecedent >= 0)
            dyad_buf_printf(&b, " | %s -> %d", m->form, (int)m->antecedent);
    }
    dyad_doc_free(doc);
    return dyad_buf_detach(&b, NULL);
}

DYAD_TEST(mentions_spec)
{
    CHECK(dyad_test_shipped() != NULL);
    if (dyad_test_shipped())
        CHECK(dyad_spec_run("tests/spec/mentions.spec", mentions_spec) >= 5);
}

/* Spans point into the text, in order, with their sentence; names live in the doc. */
DYAD_TEST(mentions_spans_and_sentences)
{
    if (!dyad_test_shipped())
        return;
    static const char text[] = "The Kremlin denied it. Later, Dmitry Peskov spoke.";
    dyad_doc *doc = dyad_test_run(text, sizeof text - 1);
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
    dyad_pipeline_options o = {.model_path = "data/model/dyad-en.model"};
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

/* The NER weights are untrusted: every truncation and a flipped byte are refused. */
DYAD_TEST(mentions_ner_loader_rejects_damage)
{
    char *data;
    size_t len;
    dyad_error err;
    if (dyad_file_read_all("data/ner/dyad-en.ner", &data, &len, &err) != DYAD_OK) {
        printf("  skipped: %s\n", err.message);
        return;
    }
    ner_model *m = ner_load_memory(data, len, &err);
    CHECK(m != NULL && m->n_feats > 1000 && m->names.n > 100);
    CHECK(m && ner_name_gender(&m->names, "George", 6) == NER_MALE);
    CHECK(m && ner_name_gender(&m->names, "Kremlin", 7) == -1);
    ner_free(m);
    static const size_t cuts[] = {0, 7, 23, 24, 100};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++)
        CHECK(ner_load_memory(data, cuts[i], NULL) == NULL);
    CHECK(ner_load_memory(data, len - 1, NULL) == NULL);
    data[len / 2] ^= 0x40;
    CHECK(ner_load_memory(data, len, &err) == NULL && !strcmp(err.code, "ner_checksum"));
    data[len / 2] ^= 0x40;
    data[12] ^= 0x01; /* the feature count */
    CHECK(ner_load_memory(data, len, NULL) == NULL);
    free(data);
    CHECK(ner_load("no/such/file.ner", &err) == NULL && err.status == DYAD_EIO);
}

/* Pronouns, titles and names over a long document stay linear: every reference is
 * weighed against a bounded number of earlier mentions. */
DYAD_TEST(mentions_coref_pathological)
{
    if (!dyad_test_shipped())
        return;
    static const char piece[] = "Kremlin spokesman Dmitry Peskov told him that he and they "
                                "saw the spokesman. Peskov said she met NATO. ";
    size_t n = 64 * 1024 / (sizeof piece - 1);
    dyad_buf b;
    dyad_buf_init(&b);
    for (size_t i = 0; i < n; i++)
        dyad_buf_append(&b, piece, sizeof piece - 1);
    double t0 = (double)clock() / CLOCKS_PER_SEC;
    dyad_doc *doc = dyad_test_run(b.data, b.len);
    double secs = (double)clock() / CLOCKS_PER_SEC - t0;
    size_t refs = 0;
    for (size_t i = 0; doc && i < doc->n_actors; i++) {
        const dyad_mention *m = &doc->actors[i];
        refs += m->antecedent >= 0;
        CHECK(m->antecedent < (int32_t)i); /* always earlier */
        CHECK(m->antecedent < 0 || !strcmp(doc->actors[m->antecedent].form, "name"));
    }
    printf("  64 KB of pronouns and titles: %.2f s (tag, parse, mentions), %zu references\n",
           secs, refs);
    CHECK(refs > n);
    CHECK(secs < 20.0);
    dyad_doc_free(doc);
    dyad_buf_free(&b);
}
