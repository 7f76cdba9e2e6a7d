/* Tests of the quote stage: spec cases and the seed article over the shipped model,
 * and linear time on hostile input (many marks, an unclosed mark, deep trees). */
#include "test.h"

#include <stdlib.h>
#include <time.h>




static const char *or_dash(const char *s)
{
    return s ? s : "-";
}

/* One line per quote: D|I text | cue | speaker text | name | kind | code, then
 * " | denial" and " | denies N" when set. */
static char *quotes_spec(const char *input, size_t len)
{
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_doc *doc = dyad_test_run(input, len);
    for (size_t i = 0; doc && i < doc->n_quotes; i++) {
        const dyad_quote *q = &doc->quotes[i];
        const dyad_speaker *sp = &q->speaker;
        dyad_buf_printf(&b, "%s%c %.*s | %s | %.*s | %s | %s | %s", i ? "\n" : "",
                        q->direct ? 'D' : 'I', (int)(q->end - q->start), doc->text + q->start,
                        or_dash(q->cue_text), (int)(sp->end - sp->start), doc->text + sp->start,
                        or_dash(sp->name), or_dash(sp->kind), or_dash(sp->code));
        if (q->denial)
            dyad_buf_puts(&b, " | denial");
        if (q->denies >= 0)
            dyad_buf_printf(&b, " | denies %d", q->denies);
    }
    if (doc && !doc->quotes)
        dyad_buf_puts(&b, "(stage did not run)");
    dyad_doc_free(doc);
    return dyad_test_text(&b);
}

DYAD_TEST(quotes_spec)
{
    CHECK(dyad_test_shipped() != NULL);
    if (dyad_test_shipped())
        CHECK(dyad_spec_run("tests/spec/quotes.spec", quotes_spec) >= 30);
}

/* Spans, sentences and the output contract's invariants on the seed article. */
DYAD_TEST(quotes_seed_invariants)
{
    if (!dyad_test_shipped())
        return;
    static const char in[] = "@file examples/seed.txt";
    dyad_doc *doc = dyad_test_run(in, sizeof in - 1);
    CHECK(doc && doc->quotes && doc->n_quotes >= 15);
    for (size_t i = 0; doc && i < doc->n_quotes; i++) {
        const dyad_quote *q = &doc->quotes[i];
        CHECK(q->start < q->end && q->end <= doc->text_len);
        CHECK(i == 0 || doc->quotes[i - 1].start <= q->start);
        CHECK(q->first_sentence >= 0 && q->first_sentence <= q->last_sentence &&
              (size_t)q->last_sentence < doc->n_sentences);
        CHECK(q->denies < (int32_t)doc->n_quotes && q->denies != (int32_t)i);
        CHECK(q->speaker.start <= q->speaker.end && q->speaker.end <= doc->text_len);
        CHECK(q->speaker.mention < (int32_t)doc->n_actors);
    }
    dyad_doc_free(doc);
}

/* Without a parse the stage leaves the document alone; with one and no quotes it
 * gives an empty array. */
DYAD_TEST(quotes_stage_contract)
{
    dyad_doc *doc = dyad_doc_new();
    static const char text[] = "He said \"no\".";
    CHECK(doc && dyad_doc_set_text(doc, NULL, 0, text, sizeof text - 1) == DYAD_OK);
    CHECK(dyad_tokenize(doc) == DYAD_OK);
    CHECK(dyad_quotes_find(doc) == DYAD_OK && doc->quotes == NULL);
    CHECK(dyad_quotes_find(NULL) == DYAD_OK);
    dyad_doc_free(doc);
    if (!dyad_test_shipped())
        return;
    static const char plain[] = "The river rose overnight.";
    doc = dyad_test_run(plain, sizeof plain - 1);
    CHECK(doc && doc->quotes != NULL && doc->n_quotes == 0);
    char *json = doc ? dyad_doc_to_json(doc, 0, NULL) : NULL;
    CHECK(json && strstr(json, "\"quotes\":[]"));
    free(json);
    dyad_doc_free(doc);
}

/* A tokenized document given a fake parse: every token of a sentence hangs from the
 * one before it (chain: the deepest tree) or from the sentence's first (flat). */
static dyad_doc *fake_parse(const char *text, size_t len, bool chain)
{
    dyad_doc *doc = dyad_doc_new();
    if (!doc || dyad_doc_set_text(doc, NULL, 0, text, len) != DYAD_OK ||
        dyad_tokenize(doc) != DYAD_OK) {
        dyad_doc_free(doc);
        return NULL;
    }
    for (size_t s = 0; s < doc->n_sentences; s++) {
        const dyad_sentence *se = &doc->sentences[s];
        for (uint32_t t = se->first; t < se->first + se->count; t++) {
            dyad_token *k = &doc->tokens[t];
            k->upos = "VERB", k->xpos = "VBD", k->lemma = "say", k->feats = "VerbForm=Fin";
            k->deprel = t == se->first ? "root" : chain ? "ccomp" : "nsubj";
            k->head = t == se->first ? -1 : chain ? (int32_t)t - 1 : (int32_t)se->first;
        }
    }
    return doc;
}

/* Seconds the quote stage takes on text (a fake parse keeps the parser out of it). */
static double stage_seconds(const char *text, size_t len, bool chain, size_t *quotes)
{
    dyad_doc *doc = fake_parse(text, len, chain);
    if (!doc)
        return -1;
    clock_t t0 = clock();
    dyad_status st = dyad_quotes_find(doc);
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    *quotes = doc->n_quotes;
    dyad_doc_free(doc);
    return st == DYAD_OK ? s : -1;
}

/* n copies of unit, then NUL. */
static char *repeat(const char *lead, const char *unit, size_t n, size_t *len)
{
    size_t ul = strlen(unit), ll = strlen(lead);
    char *s = malloc(ll + ul * n + 1);
    if (!s)
        return NULL;
    memcpy(s, lead, ll);
    for (size_t i = 0; i < n; i++)
        memcpy(s + ll + i * ul, unit, ul);
    *len = ll + ul * n;
    s[*len] = '\0';
    return s;
}

/* The time for 2n units stays near twice the time for n: linear, not quadratic. */
static void check_linear(const char *lead, const char *unit, size_t n, bool chain)
{
    size_t l1, l2, q1 = 0, q2 = 0;
    char *a = repeat(lead, unit, n, &l1), *b = repeat(lead, unit, 2 * n, &l2);
    CHECK(a && b);
    if (a && b) {
        double t1 = stage_seconds(a, l1, chain, &q1), t2 = stage_seconds(b, l2, chain, &q2);
        CHECK(t1 >= 0 && t2 >= 0);
        if (getenv("DYAD_TEST_VERBOSE"))
            printf("  quote stage: %zu bytes %.4f s, %zu bytes %.4f s\n", l1, t1, l2, t2);
        CHECK(t2 < 30.0); /* generous: well under a second in a release build */
        CHECK(t2 < 3 * t1 + 0.05); /* linear doubles; quadratic would quadruple */
        CHECK(q2 >= q1);
    }
    free(a), free(b);
}

DYAD_TEST(quotes_pathological_marks)
{
    /* 100,000 marks: quotations of one word each, then marks with nothing between. */
    check_linear("", "\"a\" ", 25000, false);
    check_linear("", "\"\"", 25000, true);
    check_linear("", "\u201c\u2018", 25000, false);
}

DYAD_TEST(quotes_pathological_unclosed)
{
    /* A 1 MB document that opens a quotation at its start and never closes it, on one
     * line and as paragraphs; the deepest tree a parse can give. */
    check_linear("\"", "He said the talks went on. ", 20000, true);
    check_linear("\u201c", "She added that it would rain.\n\n", 16000, false);
    size_t len, q;
    char *big = repeat("\"", "word and more words here. ", 40000, &len);
    CHECK(big && len > 1000000);
    if (big)
        CHECK(stage_seconds(big, len, true, &q) >= 0 && q == 0);
    free(big);
}

/* The whole pipeline (tagger and parser included) on many marks stays correct. */
DYAD_TEST(quotes_many_marks_pipeline)
{
    if (!dyad_test_shipped())
        return;
    size_t len;
    char *text = repeat("", "\"We will win,\" she said. ", 2000, &len);
    dyad_doc *doc = text ? dyad_test_run(text, len) : NULL;
    CHECK(doc && doc->quotes && doc->n_quotes == 2000);
    dyad_doc_free(doc);
    free(text);
}
