/* libFuzzer harness: the JSONL reader (cJSON underneath) on any bytes. */
#include "dyad.h"

#include <stdlib.h>
#include <string.h>

/* Every document has an id, a source and a NUL-free text; a failed one says why; a
 * bad_json message names a line and column. */
static void check_doc(const dyad_doc *doc)
{
    if (!doc->id || !doc->source || !doc->text || strlen(doc->text) != doc->text_len ||
        doc->body_start > doc->text_len || (doc->failed && doc->n_errors == 0))
        abort();
    for (size_t i = 0; i < doc->n_errors; i++)
        if (!strcmp(doc->errors[i].code, "bad_json") && !strstr(doc->errors[i].message, "line "))
            abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_JSONL);
    if (!r || dyad_reader_add_memory(r, "fuzz.jsonl", data, size) != DYAD_OK)
        abort();
    dyad_doc *doc;
    while ((doc = dyad_reader_next(r))) {
        check_doc(doc);
        dyad_doc_free(doc);
    }
    if (dyad_reader_status(r) != DYAD_OK)
        abort();
    dyad_reader_free(r);
    return 0;
}
