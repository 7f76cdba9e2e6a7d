/* libFuzzer harness: the HTML reader on any bytes (forced format; gzip/zstd by magic). */
#include "dyad.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_HTML);
    if (!r || dyad_reader_add_memory(r, "fuzz.html", data, size) != DYAD_OK)
        abort();
    dyad_doc *doc;
    while ((doc = dyad_reader_next(r))) {
        /* every document, failed or not, has an id, a source and a well-formed text */
        if (!doc->id || !doc->source || !doc->format || !doc->text ||
            doc->text[doc->text_len] != '\0' || strlen(doc->text) != doc->text_len ||
            doc->body_start > doc->text_len || (doc->failed && doc->n_errors == 0))
            abort();
        dyad_doc_free(doc);
    }
    if (dyad_reader_status(r) != DYAD_OK)
        abort();
    dyad_reader_free(r);
    return 0;
}
