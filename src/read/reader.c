/* STUB until the reader lands. */
#include "internal.h"
#include <string.h>
int dyad_format_from_name(const char *name) { (void)name; return -1; }
const char *dyad_format_name(dyad_format f) { (void)f; return "auto"; }
dyad_reader *dyad_reader_new(dyad_format forced) { (void)forced; return NULL; }
dyad_status dyad_reader_add_path(dyad_reader *r, const char *p) { (void)r; (void)p; return DYAD_EINVAL; }
dyad_status dyad_reader_add_memory(dyad_reader *r, const char *n, const void *d, size_t l) { (void)r; (void)n; (void)d; (void)l; return DYAD_EINVAL; }
dyad_doc *dyad_reader_next(dyad_reader *r) { (void)r; return NULL; }
dyad_status dyad_reader_status(const dyad_reader *r) { (void)r; return DYAD_OK; }
void dyad_reader_free(dyad_reader *r) { (void)r; }
