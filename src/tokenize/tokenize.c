/* STUB until the tokenizer lands. */
#include "internal.h"
dyad_status dyad_tokenize(dyad_doc *doc) { (void)doc; return DYAD_OK; }
