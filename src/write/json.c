/* STUB */
#include "internal.h"
char *dyad_doc_to_json(const dyad_doc *doc, unsigned flags, size_t *len) { (void)doc; (void)flags; (void)len; return NULL; }
