/* The pipeline: runs each stage in order on one document; shared read-only by threads. */
#include "internal.h"

#include <stdlib.h>

struct dyad_pipeline {
    dyad_model *model;      /* NULL: tokenize only */
    dyad_actor_dict *actors; /* NULL: mentions without codes */
};

dyad_pipeline *dyad_pipeline_new(const dyad_pipeline_options *opts, dyad_error *err)
{
    dyad_pipeline *p = calloc(1, sizeof *p);
    if (!p) {
        dyad_error_set(err, DYAD_ENOMEM, "nomem", "out of memory");
        return NULL;
    }
    if (opts && opts->model_path && *opts->model_path) {
        p->model = dyad_model_load(opts->model_path, err);
        if (!p->model) {
            free(p);
            return NULL;
        }
    }
    if (opts && opts->actors_path && *opts->actors_path) {
        p->actors = dyad_actor_dict_load(opts->actors_path, err);
        if (!p->actors) {
            dyad_pipeline_free(p);
            return NULL;
        }
    }
    return p;
}

dyad_status dyad_pipeline_run(const dyad_pipeline *pipeline, dyad_doc *doc)
{
    if (doc->failed || !doc->text)
        return DYAD_OK; /* nothing to analyse: the reader already said why */
    dyad_status st = dyad_tokenize(doc);
    if (st == DYAD_OK && pipeline->model)
        st = dyad_model_annotate(pipeline->model, doc);
    if (st == DYAD_OK && pipeline->model)
        st = dyad_mentions_find(pipeline->actors, doc);
    if (st == DYAD_OK)
        st = dyad_dates_find(doc);
    if (st != DYAD_OK) {
        dyad_doc_add_error(doc, "pipeline", "analysis stopped: %s",
                           st == DYAD_ENOMEM ? "out of memory" : "internal error");
        doc->failed = 1;
    }
    return st;
}

void dyad_pipeline_free(dyad_pipeline *pipeline)
{
    if (!pipeline)
        return;
    dyad_model_free(pipeline->model);
    dyad_actor_dict_free(pipeline->actors);
    free(pipeline);
}
