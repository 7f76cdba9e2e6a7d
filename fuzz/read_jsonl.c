/* libFuzzer harness: the JSONL reader on any bytes, and its fast scanner against jansson. */
#include "dyad.h"
#include "../src/read/read.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* When the scanner vouches for a line, jansson must read the same object. */
static void check_scanner(const char *line, size_t len)
{
    static const char *const keys[JF_COUNT] = {"id", "date", "title", "text", "body", "url", "source"};
    jsonl_fields f = {0};
    if (dyad_utf8_repair(NULL, line, len, NULL) || !read_json_scan(line, len, &f)) {
        dyad_buf_free(&f.scratch);
        return;
    }
    json_t *root = json_loadb(line, len, JSON_ALLOW_NUL, NULL);
    if (!json_is_object(root))
        abort();
    for (int k = 0; k < JF_COUNT; k++) {
        json_t *v = json_object_get(root, keys[k]);
        if ((f.kind[k] == JV_STRING) != json_is_string(v) || (f.kind[k] == JV_NONE) != !v ||
            (json_is_string(v) && (f.len[k] != json_string_length(v) ||
                                   memcmp(f.value[k], json_string_value(v), f.len[k]) != 0)))
            abort();
    }
    json_decref(root);
    dyad_buf_free(&f.scratch);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    for (const char *p = (const char *)data, *end = p + size, *nl; p < end; p = nl + 1) {
        nl = memchr(p, '\n', (size_t)(end - p));
        nl = nl ? nl : end;
        check_scanner(p, (size_t)(nl - p));
    }
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_JSONL);
    if (!r || dyad_reader_add_memory(r, "fuzz.jsonl", data, size) != DYAD_OK)
        abort();
    dyad_doc *doc;
    while ((doc = dyad_reader_next(r))) {
        if (!doc->id || !doc->source || !doc->text || strlen(doc->text) != doc->text_len ||
            doc->body_start > doc->text_len || (doc->failed && doc->n_errors == 0))
            abort();
        dyad_doc_free(doc);
    }
    if (dyad_reader_status(r) != DYAD_OK)
        abort();
    dyad_reader_free(r);
    return 0;
}
