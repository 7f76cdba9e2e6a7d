/* libFuzzer harness: model files as untrusted input. The checksum is skipped (an
 * internal entry point) so mutated bytes reach the section table and the tagger and
 * parser section parsers; a model that loads must annotate a document safely. */
#include "dyad.h"
#include "../src/model/model.h"

#include <string.h>

static void annotate_once(const dyad_model *m)
{
    static const char text[] = "Peskov denied it on Friday.";
    static const uint32_t spans[][2] = {{0, 6}, {7, 13}, {14, 16}, {17, 19}, {20, 26}, {26, 27}};
    dyad_doc *doc = dyad_doc_new();
    if (!doc)
        return;
    doc->text = dyad_doc_strdup(doc, text, sizeof text - 1);
    doc->text_len = sizeof text - 1;
    dyad_token toks[6];
    dyad_sentence sent = {0, 6, 0, 27};
    for (int i = 0; i < 6; i++)
        toks[i] = (dyad_token){spans[i][0], spans[i][1], DYAD_TOKEN_SPACE_AFTER, .head = -1};
    doc->tokens = toks, doc->n_tokens = 6, doc->sentences = &sent, doc->n_sentences = 1;
    dyad_model_annotate(m, doc);
    doc->tokens = NULL, doc->sentences = NULL;
    dyad_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_error err;
    dyad_model *m = dyad_model_load_unchecked(data, size, &err);
    if (m)
        annotate_once(m);
    dyad_model_free(m);
    /* The checked path too: almost always model_checksum, never a crash. */
    dyad_model_free(dyad_model_load_memory(data, size, &err));
    return 0;
}
