/* Shared body of the reader fuzz harnesses: read every document of the input in one
 * forced format and check the invariants every document keeps, failed or not. */
#ifndef DYAD_FUZZ_READER_CHECK_H
#define DYAD_FUZZ_READER_CHECK_H

#include "dyad.h"

#include <stdlib.h>
#include <string.h>

static void fuzz_check_doc(const dyad_doc *doc)
{
    if (!doc->id || !doc->source || !doc->format || !doc->text ||
        doc->text[doc->text_len] != '\0' || strlen(doc->text) != doc->text_len ||
        doc->body_start > doc->text_len || (doc->failed && doc->n_errors == 0))
        abort();
    for (size_t i = 0; i < doc->n_errors; i++) /* a JSON error names its line */
        if (!strcmp(doc->errors[i].code, "bad_json") && !strstr(doc->errors[i].message, "line "))
            abort();
}

static void fuzz_read_all(dyad_format format, const char *name, const unsigned char *data,
                          size_t size)
{
    dyad_reader *r = dyad_reader_new(format);
    if (!r || dyad_reader_add_memory(r, name, data, size) != DYAD_OK)
        abort();
    dyad_doc *doc;
    while ((doc = dyad_reader_next(r))) {
        fuzz_check_doc(doc);
        dyad_doc_free(doc);
    }
    if (dyad_reader_status(r) != DYAD_OK)
        abort();
    dyad_reader_free(r);
}

#endif
