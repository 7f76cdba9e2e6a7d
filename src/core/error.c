/* Error structs for API calls and per-document error lists. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

dyad_status dyad_error_set(dyad_error *err, dyad_status status, const char *code,
                           const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    snprintf(err->code, sizeof err->code, "%s", code);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

static dyad_status doc_add(dyad_doc *doc, const char *code, int warning, const char *fmt,
                           va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    /* Errors are few per document: grow the arena array one at a time. */
    dyad_doc_error *errs = dyad_arena_alloc(doc->arena, (doc->n_errors + 1) * sizeof *errs);
    char *copy = dyad_arena_strndup(doc->arena, msg, strlen(msg));
    if (!errs || !copy)
        return DYAD_ENOMEM;
    if (doc->n_errors)
        memcpy(errs, doc->errors, doc->n_errors * sizeof *errs);
    errs[doc->n_errors] = (dyad_doc_error){code, copy, warning};
    doc->errors = errs;
    doc->n_errors++;
    return DYAD_OK;
}

dyad_status dyad_doc_add_error(dyad_doc *doc, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dyad_status st = doc_add(doc, code, 0, fmt, ap);
    va_end(ap);
    return st;
}

dyad_status dyad_doc_add_warning(dyad_doc *doc, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dyad_status st = doc_add(doc, code, 1, fmt, ap);
    va_end(ap);
    return st;
}
