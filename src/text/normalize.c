/* STUB until normalisation lands: copies bytes as they are. */
#include "internal.h"
#include <string.h>
dyad_status dyad_doc_set_text(dyad_doc *doc, const char *title, size_t tl, const char *body, size_t bl)
{
    size_t sep = title ? 2 : 0;
    char *t = dyad_arena_alloc(doc->arena, tl + sep + bl + 1);
    if (!t) return DYAD_ENOMEM;
    if (title) { memcpy(t, title, tl); memcpy(t + tl, "\n\n", 2); }
    memcpy(t + tl + sep, body, bl);
    t[tl + sep + bl] = '\0';
    doc->text = t; doc->text_len = tl + sep + bl; doc->body_start = title ? tl + 2 : 0;
    return DYAD_OK;
}
