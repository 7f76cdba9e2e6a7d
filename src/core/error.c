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

dyad_status dyad_doc_add_error(dyad_doc *doc, const char *code, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* Errors are few per document: grow the arena array one at a time. */
    dyad_doc_error *errs = dyad_arena_alloc(doc->arena, (doc->n_errors + 1) * sizeof *errs);
    char *copy = dyad_arena_strndup(doc->arena, msg, strlen(msg));
    if (!errs || !copy)
        return DYAD_ENOMEM;
    if (doc->n_errors)
        memcpy(errs, doc->errors, doc->n_errors * sizeof *errs);
    errs[doc->n_errors].code = code;
    errs[doc->n_errors].message = copy;
    doc->errors = errs;
    doc->n_errors++;
    return DYAD_OK;
}
