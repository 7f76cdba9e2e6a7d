/* Document lifetime: one arena per document owns every annotation. */
#include "internal.h"

#include <stdlib.h>

dyad_doc *dyad_doc_new(void)
{
    dyad_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        return NULL;
    doc->arena = dyad_arena_new();
    if (!doc->arena) {
        free(doc);
        return NULL;
    }
    return doc;
}

void dyad_doc_free(dyad_doc *doc)
{
    if (!doc)
        return;
    dyad_arena_free(doc->arena);
    free(doc);
}

char *dyad_doc_strdup(dyad_doc *doc, const char *s, size_t len)
{
    return dyad_arena_strndup(doc->arena, s, len);
}
