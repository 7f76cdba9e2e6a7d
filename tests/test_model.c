/* Model file tests: train, save, load from file and memory, and rejection of
 * truncated, corrupted, foreign and future-version files with the right code. */
#include "test.h"

#include <stdlib.h>
#include <unistd.h>

#define SLICE "tests/data/ud/en_ewt-dev-300.conllu"

/* A small model trained once on the test slice; its bytes for the mutations. */
static char model_path[64];
static char *model_bytes;
static size_t model_len;

static bool small_model(void)
{
    if (model_bytes)
        return true;
    snprintf(model_path, sizeof model_path, "/tmp/dyad-test-model-%d.model", (int)getpid());
    const char *train[] = {SLICE, NULL};
    dyad_train_options o = {.train_files = train, .dev_files = train, .output = model_path,
                            .tagger_epochs = 1, .parser_epochs = 2, .seed = 3};
    dyad_error err;
    if (dyad_train(&o, &err) != DYAD_OK) {
        fprintf(stderr, "  train: %s\n", err.message);
        return false;
    }
    return dyad_file_read_all(model_path, &model_bytes, &model_len, &err) == DYAD_OK;
}

/* "Kim saw the dog ." as a tokenized one-sentence document. */
static dyad_doc *small_doc(void)
{
    static const uint32_t spans[][2] = {{0, 3}, {4, 7}, {8, 11}, {12, 15}, {15, 16}};
    dyad_doc *doc = dyad_doc_new();
    doc->text = dyad_doc_strdup(doc, "Kim saw the dog.", 16);
    doc->text_len = 16;
    doc->tokens = dyad_arena_calloc(doc->arena, 5, sizeof *doc->tokens);
    for (int i = 0; i < 5; i++)
        doc->tokens[i] = (dyad_token){spans[i][0], spans[i][1], DYAD_TOKEN_SPACE_AFTER, .head = -1};
    doc->n_tokens = 5;
    doc->sentences = dyad_arena_calloc(doc->arena, 1, sizeof *doc->sentences);
    doc->sentences[0] = (dyad_sentence){0, 5, 0, 16};
    doc->n_sentences = 1;
    return doc;
}

static char *annotated(const dyad_model *m)
{
    dyad_doc *doc = small_doc();
    CHECK(dyad_model_annotate(m, doc) == DYAD_OK);
    char *out = dyad_doc_to_conllu(doc, NULL);
    for (size_t i = 0; i < doc->n_tokens; i++)
        CHECK(doc->tokens[i].upos && doc->tokens[i].deprel && doc->tokens[i].head < 5);
    dyad_doc_free(doc);
    return out;
}

DYAD_TEST(model_roundtrip)
{
    if (!small_model()) {
        CHECK(!"training the small model failed");
        return;
    }
    dyad_error err;
    dyad_model *a = dyad_model_load(model_path, &err);
    dyad_model *b = dyad_model_load_memory(model_bytes, model_len, &err);
    CHECK(a && b);
    if (a && b) {
        char *x = annotated(a), *y = annotated(b);
        CHECK(x && y);
        CHECK_STR(x, y ? y : "");
        free(x);
        free(y);
    }
    dyad_model_free(a);
    dyad_model_free(b);
    dyad_model_free(NULL);
}

/* Loads a mutated copy and checks the error code. */
static void expect_reject(const char *bytes, size_t len, const char *code)
{
    dyad_error err = {0};
    dyad_model *m = dyad_model_load_memory(bytes, len, &err);
    CHECK(m == NULL);
    CHECK(err.status == DYAD_EMODEL);
    CHECK_STR(err.code, code);
    dyad_model_free(m);
}

DYAD_TEST(model_rejects_bad_files)
{
    if (!small_model()) {
        CHECK(!"training the small model failed");
        return;
    }
    char *copy = malloc(model_len + 8);
    memcpy(copy, model_bytes, model_len);
    expect_reject(copy, model_len - 1, "model_truncated");
    expect_reject(copy, model_len / 2, "model_truncated");
    expect_reject(copy, 5, "model_truncated");
    expect_reject(copy, 0, "model_truncated");
    copy[model_len / 3] ^= 0x10; /* one bit flipped in the middle */
    expect_reject(copy, model_len, "model_checksum");
    copy[model_len / 3] ^= 0x10;
    copy[model_len - 1] ^= 1; /* in the checksum itself */
    expect_reject(copy, model_len, "model_checksum");
    copy[model_len - 1] ^= 1;
    memcpy(copy, "GGUF\0\0\0\0", 8);
    expect_reject(copy, model_len, "model_magic");
    memcpy(copy, model_bytes, 8);
    copy[8] = 2; /* a future format version */
    expect_reject(copy, model_len, "model_version");
    copy[8] = model_bytes[8];
    memcpy(copy + model_len, "extra", 5);
    expect_reject(copy, model_len + 5, "model_corrupt");
    dyad_error err;
    CHECK(dyad_model_load("/nonexistent/dyad.model", &err) == NULL);
    CHECK(err.status == DYAD_EIO && strstr(err.message, "/nonexistent/dyad.model"));
    dyad_model *m = dyad_model_load_memory(copy, model_len, &err);
    CHECK(m != NULL); /* the restored copy is fine again */
    dyad_model_free(m);
    free(copy);
}

DYAD_TEST(model_zz_cleanup)
{
    if (model_bytes)
        unlink(model_path);
    free(model_bytes);
    model_bytes = NULL;
}
