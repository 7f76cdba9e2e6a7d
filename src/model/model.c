/* STUB until the tagger and parser land. */
#include "internal.h"
dyad_model *dyad_model_load(const char *path, dyad_error *err)
{ return (void)dyad_error_set(err, DYAD_EMODEL, "model_missing", "%s: no model support yet", path), NULL; }
dyad_model *dyad_model_load_memory(const void *d, size_t l, dyad_error *err)
{ (void)d; (void)l; return (void)dyad_error_set(err, DYAD_EMODEL, "model_missing", "no model support yet"), NULL; }
void dyad_model_free(dyad_model *m) { (void)m; }
dyad_status dyad_model_annotate(const dyad_model *m, dyad_doc *d) { (void)m; (void)d; return DYAD_OK; }
dyad_status dyad_train(const dyad_train_options *o, dyad_error *err)
{ (void)o; return dyad_error_set(err, DYAD_EINVAL, "train", "training not built yet"); }
