/* Plain-text format (the whole input is the body) and helpers shared by the formats. */
#include "read.h"

#include <stdio.h>
#include <string.h>

bool read_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void read_doc_fail(dyad_doc *doc, const char *code, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    doc->failed = 1;
    if (!doc->text)
        dyad_doc_set_text(doc, NULL, 0, "", 0);
    dyad_doc_add_error(doc, code, "%s", msg);
}

char *read_collapse(dyad_doc *doc, const char *s, size_t len, size_t *out_len)
{
    char *out = dyad_arena_alloc(doc->arena, len + 1);
    size_t n = 0;
    bool gap = false;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        if (read_is_space((unsigned char)s[i])) {
            gap = n > 0;
            continue;
        }
        if (gap)
            out[n++] = ' ';
        gap = false;
        out[n++] = s[i];
    }
    out[n] = '\0';
    *out_len = n;
    return n ? out : NULL;
}

void read_text_parse(dyad_doc *doc, const char *data, size_t len)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    while (len && read_is_space((unsigned char)data[len - 1]))
        len--;
    while (len && read_is_space((unsigned char)*data))
        data++, len--;
    dyad_doc_set_text(doc, NULL, 0, data, len);
}
