/* Tests of the tokenizer and sentence splitter: spec files, offset invariants,
 * pathological inputs, and floors on UD English EWT dev from raw text. */
#include "test.h"

#include "../src/tokenize/tokenize.h"

#include <stdlib.h>
#include <time.h>

/* The treebank scorer is the CLI's (cli/align.c, not part of libdyad): compiled in
 * here so that the floor below is measured exactly as `dyad eval tokenize` does. */
#include "../cli/align.c"

static dyad_doc *tokenized(const char *text, size_t len)
{
    dyad_doc *doc = dyad_doc_new();
    if (!doc || dyad_doc_set_text(doc, NULL, 0, text, len) != DYAD_OK ||
        dyad_tokenize(doc) != DYAD_OK) {
        dyad_doc_free(doc);
        return NULL;
    }
    return doc;
}

static void put_token(dyad_buf *b, const dyad_doc *doc, size_t i)
{
    dyad_buf_append(b, doc->text + doc->tokens[i].start, doc->tokens[i].end - doc->tokens[i].start);
}

/* tokenize.spec: the tokens separated by single spaces, on one line. */
static char *spec_tokens(const char *input, size_t len)
{
    dyad_doc *doc = tokenized(input, len);
    dyad_buf b;
    dyad_buf_init(&b);
    for (size_t i = 0; doc && i < doc->n_tokens; i++) {
        if (i)
            dyad_buf_putc(&b, ' ');
        put_token(&b, doc, i);
    }
    dyad_doc_free(doc);
    dyad_buf_putc(&b, '\0');
    return dyad_buf_detach(&b, NULL);
}

/* sentences.spec: one sentence per line, its tokens separated by single spaces. */
static char *spec_sentences(const char *input, size_t len)
{
    dyad_doc *doc = tokenized(input, len);
    dyad_buf b;
    dyad_buf_init(&b);
    for (size_t s = 0; doc && s < doc->n_sentences; s++) {
        const dyad_sentence *st = &doc->sentences[s];
        if (s)
            dyad_buf_putc(&b, '\n');
        for (uint32_t i = st->first; i < st->first + st->count; i++) {
            if (i > st->first)
                dyad_buf_putc(&b, ' ');
            put_token(&b, doc, i);
        }
    }
    dyad_doc_free(doc);
    dyad_buf_putc(&b, '\0');
    return dyad_buf_detach(&b, NULL);
}

DYAD_TEST(tokenize_spec)
{
    CHECK(dyad_spec_run("tests/spec/tokenize.spec", spec_tokens) >= 40);
}

DYAD_TEST(tokenize_sentences_spec)
{
    CHECK(dyad_spec_run("tests/spec/sentences.spec", spec_sentences) >= 20);
}

DYAD_TEST(tokenize_tables_sorted)
{
    CHECK(tok_tables_sorted());
    CHECK(tok_abbrev_kind("Mr", 2) == TOK_ABBREV_TITLE);
    CHECK(tok_abbrev_kind("Inc", 3) == TOK_ABBREV_OTHER);
    CHECK(tok_abbrev_kind("No", 2) == TOK_ABBREV_NUMBER);
    CHECK(tok_abbrev_kind("mr", 2) == TOK_ABBREV_NONE);
    CHECK(tok_is_unit("KG", 2) && !tok_is_unit("th", 2));
    CHECK(tok_fused_split("Cannot", 6) == 3 && tok_fused_split("can", 3) == 0);
}

/* Every invariant of the output contract; returns the number of violations. */
static int check_invariants(const dyad_doc *doc)
{
    int bad = 0;
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const dyad_token *t = &doc->tokens[i];
        bad += !(t->start < t->end && t->end <= doc->text_len);
        bad += i > 0 && t->start < doc->tokens[i - 1].end;
        bad += t->upos || t->xpos || t->feats || t->lemma || t->deprel || t->head != -1;
        bool space = t->end < doc->text_len && strchr(" \t\n\r\f\v", doc->text[t->end]) &&
                     doc->text[t->end];
        bad += space && !(t->flags & DYAD_TOKEN_SPACE_AFTER);
        bad += memchr(doc->text + t->start, ' ', t->end - t->start) != NULL;
        bad += memchr(doc->text + t->start, '\n', t->end - t->start) != NULL;
    }
    size_t next = 0;
    for (size_t s = 0; s < doc->n_sentences; s++) {
        const dyad_sentence *st = &doc->sentences[s];
        bad += st->first != next || st->count == 0 || st->first + st->count > doc->n_tokens;
        if (st->count && st->first + st->count <= doc->n_tokens) {
            bad += st->start != doc->tokens[st->first].start;
            bad += st->end != doc->tokens[st->first + st->count - 1].end;
        }
        next = st->first + st->count;
    }
    bad += next != doc->n_tokens;
    return bad;
}

DYAD_TEST(tokenize_invariants)
{
    static const char *const texts[] = {
        "", " ", "\n\n", ".", "a", "Mr.", "U.S.", "don't", "''", "\xE2\x80\x9C", "a\n\nb",
        "Title\n\nBody. It's 5pm -- isn't it?\n- item one\n- item two\n",
        "\xF0\x9F\x98\x80\xEF\xB8\x8F x \xCC\x81 y\xC2\xA0z \xE2\x80\x99s", "e-mail@x.y.",
        "http://a.b/c). www.x.org\n#tag @user :) ^_^ <3 'em '90s 's",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        dyad_doc *doc = tokenized(texts[i], strlen(texts[i]));
        CHECK(doc != NULL);
        if (doc) {
            int bad = check_invariants(doc);
            if (bad)
                fprintf(stderr, "  invariants broken on text %zu\n", i);
            CHECK(bad == 0);
        }
        dyad_doc_free(doc);
    }
}

DYAD_TEST(tokenize_space_after_and_clitic_flags)
{
    dyad_doc *doc = tokenized("I don't.", 8);
    CHECK(doc && doc->n_tokens == 4);
    if (doc && doc->n_tokens == 4) {
        CHECK(doc->tokens[0].flags == DYAD_TOKEN_SPACE_AFTER);
        CHECK(doc->tokens[1].flags == 0);
        CHECK(doc->tokens[2].flags == DYAD_TOKEN_CLITIC);
        CHECK(doc->tokens[3].flags == 0);
    }
    dyad_doc_free(doc);
}

/* One megabyte of a repeated pattern must tokenize in linear time: well under a
 * second here, where a quadratic step would take minutes. */
DYAD_TEST(tokenize_pathological)
{
    static const char *const units[] = {".", "\"", "-", "a", "1-", "'", "a.", "(", ". ", "U.S. ",
                                        "\xE2\x80\x9D", "e-", "x@", "!?", "\n", " \n\n"};
    size_t len = 1 << 20;
    double slowest = 0;
    char *text = malloc(len + 1);
    CHECK(text != NULL);
    for (size_t u = 0; text && u < sizeof units / sizeof units[0]; u++) {
        size_t k = strlen(units[u]);
        for (size_t i = 0; i < len; i++)
            text[i] = units[u][i % k];
        clock_t t0 = clock();
        dyad_doc *doc = tokenized(text, len);
        double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
        CHECK(doc != NULL && check_invariants(doc) == 0);
        if (s > 1.0)
            fprintf(stderr, "  pattern %zu took %.2f s\n", u, s);
        slowest = s > slowest ? s : slowest;
        CHECK(s < 1.0);
        dyad_doc_free(doc);
    }
    /* one huge gap between a few tokens: every look at it must be bounded */
    if (text) {
        memset(text, ' ', len);
        memcpy(text, "etc. \"", 6);
        memcpy(text + len - 4, ")x.'", 4);
        clock_t t0 = clock();
        dyad_doc *doc = tokenized(text, len);
        double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
        CHECK(doc != NULL && check_invariants(doc) == 0 && doc->n_tokens == 6);
        CHECK(s < 1.0);
        slowest = s > slowest ? s : slowest;
        dyad_doc_free(doc);
    }
    printf("  slowest 1 MB pattern: %.3f s\n", slowest);
    free(text);
}

/* Floors from raw text on EWT dev (tuning data; measured 99.03 words, 85.6 sentences). */
DYAD_TEST(tokenize_ewt_dev_floor)
{
    char path[4096];
    if (!dyad_shared_path("data/ud/UD_English-EWT/en_ewt-ud-dev.conllu", path, sizeof path))
        return;
    dyad_error err;
    dyad_treebank *tb = dyad_treebank_read(path, &err);
    CHECK(tb != NULL);
    if (!tb)
        return;
    align_gold g;
    align_system s = {0};
    CHECK(align_gold_build(tb, &g) == DYAD_OK);
    dyad_doc *doc = tokenized(g.text, g.text_len);
    CHECK(doc && align_system_build(doc, &s) == DYAD_OK);
    int32_t *map = malloc((g.n_words + 1) * sizeof *map);
    if (doc && map && s.words) {
        align_score words = {g.n_words, s.n_words, align_words(g.words, g.n_words, s.words, s.n_words, map)};
        align_score sents = align_spans(g.sentences, g.n_sentences, s.sentences, s.n_sentences);
        printf("  EWT dev: words F1 %.2f, sentences F1 %.2f\n", align_f1(words), align_f1(sents));
        CHECK(align_f1(words) >= 98.9);
        CHECK(align_f1(sents) >= 84.0);
        CHECK(check_invariants(doc) == 0);
    }
    free(map);
    align_system_free(&s);
    dyad_doc_free(doc);
    align_gold_free(&g);
    dyad_treebank_free(tb);
}
