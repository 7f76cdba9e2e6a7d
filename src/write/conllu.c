/* STUB until the parser lands. */
#include "internal.h"
char *dyad_doc_to_conllu(const dyad_doc *doc, size_t *len) { (void)doc; (void)len; return NULL; }
