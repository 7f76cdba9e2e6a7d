/* libFuzzer harness: dyad_doc_set_text, checked against utf8proc's own NFC. */
#include "dyad.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* True when more than 30 combining marks follow each other (dyad adds a CGJ there). */
static int long_mark_run(const unsigned char *s, size_t n)
{
    utf8proc_int32_t cp;
    int run = 0;
    for (utf8proc_ssize_t k; n && (k = utf8proc_iterate(s, (utf8proc_ssize_t)n, &cp)) > 0; s += k, n -= (size_t)k)
        if ((run = utf8proc_get_property(cp)->combining_class ? run + 1 : 0) > 30)
            return 1;
    return 0;
}

/* NFC of valid UTF-8 without NUL or CR, as utf8proc computes it on the whole string. */
static char *reference(const unsigned char *s, size_t n)
{
    if (memchr(s, '\r', n) || memchr(s, '\0', n) || long_mark_run(s, n))
        return NULL;
    unsigned char *out = NULL;
    return utf8proc_map(s, (utf8proc_ssize_t)n, &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE) < 0
               ? NULL : (char *)out;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    dyad_doc *doc = dyad_doc_new();
    if (!doc || dyad_doc_set_text(doc, NULL, 0, (const char *)data, size) != DYAD_OK)
        abort();
    char *want = reference(data, size);
    unsigned char *again = utf8proc_NFC((const unsigned char *)doc->text);
    if (strlen(doc->text) != doc->text_len || memchr(doc->text, '\r', doc->text_len) ||
        !again || strcmp((char *)again, doc->text) != 0 || (want && strcmp(want, doc->text) != 0))
        abort(); /* not NFC, not valid UTF-8 (utf8proc_NFC fails), or differs from utf8proc */
    free(want);
    free(again);
    dyad_doc_free(doc);
    return 0;
}
