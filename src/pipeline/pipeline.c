/* The pipeline: runs each stage in order on one document; shared read-only by threads. */
#include "internal.h"
#include "../mentions/mentions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct dyad_pipeline {
    dyad_model *model;      /* NULL: tokenize only */
    dyad_actor_dict *actors; /* NULL: mentions without codes */
    ner_model *ner;         /* NULL: mention types from cues alone */
    dyad_event_dict *events; /* NULL: no event coding */
};

/* Whether a file holds this kind of entries: "x.actors", but also PETRARCH's own
 * names ("Phoenix.Countries.actors.txt", "PETR_Validate_agents_2_02.txt"). */
static bool has_kind(const char *name, const void *kind)
{
    return strcasestr(name, kind) != NULL;
}

static dyad_status load_actors(void *dict, const char *path, const char *name, dyad_error *err)
{
    return dyad_actor_dict_add_file(dict, path, DYAD_ACTOR_FILE_ACTORS, err);
}

static dyad_status load_agents(void *dict, const char *path, const char *name, dyad_error *err)
{
    return dyad_actor_dict_add_file(dict, path, DYAD_ACTOR_FILE_AGENTS, err);
}

/* Merges the user's *.actors, then *.agents files of dir over p->actors (created empty
 * when no default was loaded). */
static dyad_status load_dict_dir(dyad_pipeline *p, const char *dir, dyad_error *err)
{
    if (!p->actors && !(p->actors = dyad_actor_dict_new()))
        return dyad_error_set(err, DYAD_ENOMEM, "nomem", "out of memory");
    dyad_status st = dyad_dir_each(dir, has_kind, "actors", load_actors, p->actors, err);
    if (st == DYAD_OK)
        st = dyad_dir_each(dir, has_kind, "agents", load_agents, p->actors, err);
    return st;
}

/* The code table and default verbs of events_dir, or the verbs of replace_dir instead;
 * then the verbs and discards of merge_dir over them. */
static dyad_status load_events(dyad_pipeline *p, const char *events_dir, const char *replace_dir,
                               const char *merge_dir, dyad_error *err)
{
    if (!(p->events = dyad_event_dict_new()))
        return dyad_error_set(err, DYAD_ENOMEM, "nomem", "out of memory");
    char path[4096];
    snprintf(path, sizeof path, "%s/cameo.tsv", events_dir);
    dyad_status st = dyad_event_dict_add_file(p->events, path, DYAD_EVENT_FILE_CODES, err);
    if (st == DYAD_OK && replace_dir)
        st = dyad_event_dict_add_dir(p->events, replace_dir, NULL, err);
    if (st == DYAD_OK && !replace_dir) {
        snprintf(path, sizeof path, "%s/cameo.verbs", events_dir);
        st = dyad_event_dict_add_file(p->events, path, DYAD_EVENT_FILE_VERBS, err);
    }
    if (st == DYAD_OK && !replace_dir) {
        snprintf(path, sizeof path, "%s/cameo.nouns", events_dir);
        st = dyad_event_dict_add_file(p->events, path, DYAD_EVENT_FILE_NOUNS, err);
    }
    if (st == DYAD_OK) { /* English, not the dictionary: kept with the user's verbs */
        snprintf(path, sizeof path, "%s/abstract.nouns", events_dir);
        st = dyad_event_dict_add_file(p->events, path, DYAD_EVENT_FILE_ABSTRACT, err);
    }
    if (st == DYAD_OK) { /* PETRARCH's coding ontology, whichever verbs code */
        snprintf(path, sizeof path, "%s/compose.tsv", events_dir);
        st = dyad_event_dict_add_file(p->events, path, DYAD_EVENT_FILE_COMPOSE, err);
    }
    if (st == DYAD_OK && merge_dir)
        st = dyad_event_dict_add_dir(p->events, merge_dir, NULL, err);
    return st;
}

const dyad_event_dict *dyad_pipeline_event_dict(const dyad_pipeline *pipeline)
{
    return pipeline ? pipeline->events : NULL;
}

const dyad_actor_dict *dyad_pipeline_actor_dict(const dyad_pipeline *pipeline)
{
    return pipeline ? pipeline->actors : NULL;
}

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
    bool replace = opts && opts->dict_replace && opts->dict_dir && *opts->dict_dir;
    if (opts && opts->actors_path && *opts->actors_path && !replace) {
        p->actors = dyad_actor_dict_load(opts->actors_path, err);
        if (!p->actors) {
            dyad_pipeline_free(p);
            return NULL;
        }
    }
    if (opts && opts->ner_path && *opts->ner_path &&
        !(p->ner = ner_load(opts->ner_path, err))) {
        dyad_pipeline_free(p);
        return NULL;
    }
    if (opts && opts->dict_dir && *opts->dict_dir &&
        load_dict_dir(p, opts->dict_dir, err) != DYAD_OK) {
        dyad_pipeline_free(p);
        return NULL;
    }
    if (opts && opts->events_dir && *opts->events_dir &&
        load_events(p, opts->events_dir, replace ? opts->dict_dir : NULL,
                    replace ? NULL : opts->dict_dir, err) != DYAD_OK) {
        dyad_pipeline_free(p);
        return NULL;
    }
    if (p->events)
        dyad_event_dict_keep_statements(p->events, opts->keep_statements);
    return p;
}

/* The stages that read the parse (when there is one), then dates. */
static dyad_status run_stages(const dyad_pipeline *pipeline, dyad_doc *doc, bool parsed)
{
    dyad_status st = DYAD_OK;
    if (parsed)
        st = ment_find(pipeline->actors, pipeline->ner, doc);
    if (st == DYAD_OK && parsed)
        st = dyad_quotes_find(doc); /* before events, which link to quotes */
    if (st == DYAD_OK)
        st = dyad_dates_find(doc);
    if (st == DYAD_OK && parsed && pipeline->events)
        st = dyad_events_find(pipeline->events, pipeline->actors, doc);
    return st;
}

dyad_status dyad_pipeline_run_parsed(const dyad_pipeline *pipeline, dyad_doc *doc)
{
    if (doc->failed || !doc->text || !doc->tokens)
        return DYAD_OK;
    dyad_status st = run_stages(pipeline, doc, true);
    if (st != DYAD_OK) {
        dyad_doc_add_error(doc, "pipeline", "analysis stopped: %s",
                           st == DYAD_ENOMEM ? "out of memory" : "internal error");
        doc->failed = 1;
    }
    return st;
}

dyad_status dyad_pipeline_run(const dyad_pipeline *pipeline, dyad_doc *doc)
{
    if (doc->failed || !doc->text)
        return DYAD_OK; /* nothing to analyse: the reader already said why */
    dyad_status st = dyad_tokenize(doc);
    if (st == DYAD_OK && pipeline->model)
        st = dyad_model_annotate(pipeline->model, doc);
    if (st == DYAD_OK)
        st = run_stages(pipeline, doc, pipeline->model != NULL);
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
    dyad_event_dict_free(pipeline->events);
    ner_free(pipeline->ner);
    free(pipeline);
}
