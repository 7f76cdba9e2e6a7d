/* STUB */
#include "internal.h"
dyad_pipeline *dyad_pipeline_new(const dyad_pipeline_options *o, dyad_error *e) { (void)o; (void)e; return NULL; }
dyad_status dyad_pipeline_run(const dyad_pipeline *p, dyad_doc *d) { (void)p; (void)d; return DYAD_OK; }
void dyad_pipeline_free(dyad_pipeline *p) { (void)p; }
