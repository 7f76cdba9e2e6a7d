/* dyad ingest on articles: read, skip the unchanged, code the rest, and hand each
 * record over as parsed JSON of the output contract (never as library structs). */
#include "cli.h"
#include "store.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct ingest_coder {
    dyad_pipeline *pipeline;
    int quiet;
};

ingest_coder *ingest_coder_new(const char *model, int quiet, char *why, size_t cap)
{
    dyad_pipeline_options popts = {.model_path = model};
    if (!model) { /* like dyad code: without the shipped model, tokens and dates only */
        const char *def = cli_default_model();
        popts.model_path = access(def, R_OK) == 0 ? def : "";
        if (!*popts.model_path && !quiet)
            fprintf(stderr, "dyad ingest: no model at %s: tokenizing only (see --model)\n", def);
    }
    /* the same stages as dyad code: actor codes, NER types and events need the model */
    int tagged = popts.model_path && *popts.model_path;
    const char *actors = cli_default_actors();
    char ner[4096];
    cli_data_file("DYAD_NER", "ner/dyad-en.ner", ner, sizeof ner);
    if (tagged && access(actors, R_OK) == 0)
        popts.actors_path = actors;
    if (tagged && access(ner, R_OK) == 0)
        popts.ner_path = ner;
    if (tagged)
        popts.events_dir = cli_default_events();
    ingest_coder *c = calloc(1, sizeof *c);
    dyad_error err = {0};
    if (c)
        c->pipeline = dyad_pipeline_new(&popts, &err);
    if (!c || !c->pipeline) {
        snprintf(why, cap, "%s", c ? err.message : "out of memory");
        free(c);
        return NULL;
    }
    c->quiet = quiet;
    return c;
}

void ingest_coder_free(ingest_coder *c)
{
    if (!c)
        return;
    dyad_pipeline_free(c->pipeline);
    free(c);
}

/* The article as read, before coding: what decides whether it changed. The version is
 * in it so that a new coder recodes everything. */
static void article_hash(const dyad_doc *doc, char out[33])
{
    const char *parts[] = {DYAD_VERSION, doc->date, doc->title, doc->url, doc->source};
    store_hash h;
    store_hash_init(&h);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        store_hash_add(&h, parts[i] ? parts[i] : "", parts[i] ? strlen(parts[i]) + 1 : 1);
    store_hash_add(&h, doc->text ? doc->text : "", doc->text ? doc->text_len : 0);
    store_hash_hex(&h, out);
}

static int code_one(ingest_coder *c, dyad_doc *doc, const ingest_sink *sink)
{
    char hash[33], where[512];
    article_hash(doc, hash);
    *sink->bytes_done += (double)doc->text_len;
    int k = doc->id ? sink->known(sink->ctx, doc->id, hash) : 0;
    if (k != 0)
        return k < 0 ? -1 : 0;
    if (!doc->failed)
        dyad_pipeline_run(c->pipeline, doc);
    for (size_t e = 0; e < doc->n_errors && !c->quiet; e++)
        fprintf(stderr, "dyad ingest: %s [%s]: %s%s: %s\n", doc->source ? doc->source : "-",
                doc->id ? doc->id : "?", doc->errors[e].warning ? "warning: " : "",
                doc->errors[e].code, doc->errors[e].message);
    size_t len;
    char *json = dyad_doc_to_json(doc, DYAD_JSON_TEXT, &len);
    cJSON *rec = json ? cJSON_ParseWithLength(json, len) : NULL;
    free(json);
    if (!rec) {
        fprintf(stderr, "dyad ingest: out of memory\n");
        return -1;
    }
    store_sentence_spans(rec, doc); /* from the coded document: no second split */
    snprintf(where, sizeof where, "%s [%s]", doc->source ? doc->source : "-", doc->id ? doc->id : "?");
    int rc = sink->put(sink->ctx, rec, hash, where);
    cJSON_Delete(rec);
    return rc;
}

/* The rest of stdin after its first line, which was read to detect the format. */
static char *slurp_stdin(const char *head, size_t head_len, size_t *len)
{
    size_t cap = head_len + 65536, n = head_len;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    memcpy(buf, head, head_len);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, stdin)) > 0) {
        n += got;
        if (n == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p) {
                free(buf);
                return NULL;
            }
            buf = p;
        }
    }
    *len = n;
    return buf;
}

int ingest_coder_run(ingest_coder *c, const char *path, const char *head, size_t head_len,
                     const ingest_sink *sink)
{
    dyad_reader *reader = dyad_reader_new(DYAD_FORMAT_AUTO);
    if (!reader)
        return -1;
    if (strcmp(path, "-") == 0) {
        size_t len = 0;
        char *all = slurp_stdin(head ? head : "", head ? head_len : 0, &len);
        if (!all || dyad_reader_add_memory(reader, "-", all, len) != DYAD_OK) {
            free(all);
            dyad_reader_free(reader);
            return -1;
        }
        free(all);
    } else {
        dyad_reader_add_path(reader, path);
    }
    int rc = 0;
    dyad_doc *doc;
    while (rc == 0 && (doc = dyad_reader_next(reader))) {
        rc = code_one(c, doc, sink);
        dyad_doc_free(doc);
    }
    if (rc == 0 && dyad_reader_status(reader) != DYAD_OK)
        rc = -1;
    dyad_reader_free(reader);
    return rc;
}
