/* libFuzzer harness: tokenize any text and check the offset invariants.
 * Bit 0 of the first byte: 0 = through dyad_doc_set_text (valid NFC UTF-8, the
 * contract), 1 = raw bytes as the text (the tokenizer must still stay in bounds). */
#include "dyad.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void check(const dyad_doc *doc)
{
    size_t next = 0;
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const dyad_token *t = &doc->tokens[i];
        if (t->start >= t->end || t->end > doc->text_len || t->head != -1 || t->upos)
            abort();
        if (i > 0 && t->start < doc->tokens[i - 1].end)
            abort();
        if (memchr(doc->text + t->start, ' ', t->end - t->start))
            abort(); /* a token never holds a space */
    }
    for (size_t s = 0; s < doc->n_sentences; s++) {
        const dyad_sentence *st = &doc->sentences[s];
        if (st->first != next || st->count == 0 || st->first + st->count > doc->n_tokens)
            abort();
        if (st->start != doc->tokens[st->first].start ||
            st->end != doc->tokens[st->first + st->count - 1].end)
            abort();
        next = st->first + st->count;
    }
    if (next != doc->n_tokens)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    int raw = data[0] & 1;
    dyad_doc *doc = dyad_doc_new();
    if (!doc)
        return 0;
    if (raw) {
        char *text = dyad_doc_strdup(doc, (const char *)data + 1, size - 1);
        if (!text) {
            dyad_doc_free(doc);
            return 0;
        }
        doc->text = text;
        doc->text_len = strlen(text); /* up to the first NUL, as the contract allows no NUL */
    } else if (dyad_doc_set_text(doc, NULL, 0, (const char *)data + 1, size - 1) != DYAD_OK) {
        dyad_doc_free(doc);
        return 0;
    }
    if (dyad_tokenize(doc) == DYAD_OK)
        check(doc);
    dyad_doc_free(doc);
    return 0;
}
