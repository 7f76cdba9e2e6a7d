/* The event store: an SQLite file that `dyad ingest` fills from coded records (the
 * JSON output contract) and `dyad query` reads. The store depends on the contract,
 * not on the library's structs, so it takes `dyad code` output from anywhere. */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include "dyad.h"

#include <cjson/cJSON.h>
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int cmd_ingest(int argc, char **argv);
void help_ingest(FILE *out);
int cmd_query(int argc, char **argv);
void help_query(FILE *out);

#define STORE_SCHEMA_VERSION "1"

/* Opens (creating when needed) a store for writing: WAL, schema checked or made.
 * NULL with a message in why[cap] on failure. */
sqlite3 *store_open_write(const char *path, char *why, size_t cap);
/* Opens an existing store read-only. NULL with a message in why[cap]. */
sqlite3 *store_open_read(const char *path, char *why, size_t cap);

/* 128-bit FNV-1a: init, add parts (their bytes are hashed as one run), then 32 hex
 * digits into out[33]. */
typedef struct store_hash {
    unsigned __int128 h;
} store_hash;
void store_hash_init(store_hash *h);
void store_hash_add(store_hash *h, const void *data, size_t len);
void store_hash_hex(const store_hash *h, char out[33]);

/* Prepared statements of the writer, made once per run. */
typedef struct store_writer store_writer;

typedef enum store_result {
    STORE_NEW,       /* the id was not in the store */
    STORE_REPLACED,  /* the id was there with another hash: old records replaced */
    STORE_UNCHANGED, /* same id, same hash: nothing written */
    STORE_ERROR      /* SQLite failed; the message is in store_writer_error */
} store_result;

store_writer *store_writer_new(sqlite3 *db);
void store_writer_free(store_writer *w);
const char *store_writer_error(const store_writer *w);
/* 1 when the id is stored with exactly this hash (no need to code it again). */
int store_has(store_writer *w, const char *id, const char *hash);
/* Stores one coded record (the output contract) under hash, replacing an older
 * version of the same id; call inside a transaction. Counts what it stored in
 * *events and *quotes. */
store_result store_put(store_writer *w, const cJSON *rec, const char *hash, size_t *events,
                       size_t *quotes);

/* The writer's parts (store_write.c, store_events.c) share these: a string at key
 * (or NULL), and binders that bind SQL NULL for what is absent. */
const char *store_jstr(const cJSON *o, const char *key);
void store_bind_str(sqlite3_stmt *st, int i, const char *s);
/* A JSON number (real: as a double) or bool at key. */
void store_bind_num(sqlite3_stmt *st, int i, const cJSON *o, const char *key, int real);
/* o's "span" [start, end) at i and i + 1. */
void store_bind_span(sqlite3_stmt *st, int i, const cJSON *o);

/* The events of a record: their rows and counts. */
typedef struct store_events store_events;
store_events *store_events_new(sqlite3 *db);
void store_events_free(store_events *s);
/* Inserts rec's events for doc (quote_ids[n_quotes]: the rowids of its quotations, by
 * index) and counts them; *n events. 0, or -1 when SQLite fails (sqlite3_errmsg). */
int store_events_put(store_events *s, sqlite3_int64 doc, const cJSON *rec,
                     const sqlite3_int64 *quote_ids, size_t n_quotes, size_t *n);
/* Uncounts doc's events; call before deleting them. */
int store_events_uncount(store_events *s, sqlite3_int64 doc);

/* Adds "sentences" spans to a record that has its "text" but no sentences, splitting
 * the text as dyad code did; 1 when added. */
int store_add_sentences(cJSON *rec);
/* Adds "sentences" with the span of each sentence of a coded doc to its record. */
void store_sentence_spans(cJSON *rec, const dyad_doc *doc);

/* Codes articles into records for the store (dyad ingest on articles). */
typedef struct ingest_coder ingest_coder;

/* Where coded documents go: known() says whether id is stored with hash (1: skip the
 * coding, -1: stop), put() stores a record (-1: stop). */
typedef struct ingest_sink {
    void *ctx;
    int (*known)(void *ctx, const char *id, const char *hash);
    int (*put)(void *ctx, const cJSON *rec, const char *hash, const char *where);
    double *bytes_done; /* advanced by each document's text length */
} ingest_sink;

/* model: NULL for the shipped model, "" for none. NULL with why[cap] on failure. */
ingest_coder *ingest_coder_new(const char *model, int quiet, char *why, size_t cap);
/* Reads the articles at path ("-": stdin, of which head[head_len] was already read),
 * codes the new or changed ones and hands their records to sink. */
int ingest_coder_run(ingest_coder *c, const char *path, const char *head, size_t head_len,
                     const ingest_sink *sink);
void ingest_coder_free(ingest_coder *c);

/* The monthly count tables (store_rollup.c). */
typedef struct store_rollup store_rollup;

/* One event as the count tables see it; strings may be NULL (counted as ''). */
typedef struct store_rollup_event {
    const char *day; /* YYYY-MM-DD, or NULL: not counted */
    const char *source, *target, *cameo, *status;
    int quad;
    long long g10;   /* Goldstein score in tenths */
    int has_speaker; /* the event links a quotation: */
    const char *speaker, *kind, *code; /* its speaker's name (else phrase), kind, code */
} store_rollup_event;

store_rollup *store_rollup_new(sqlite3 *db);
void store_rollup_free(store_rollup *r);
/* Counts one event; 0, or -1 when SQLite fails. */
int store_rollup_add(store_rollup *r, const store_rollup_event *e);
/* Uncounts every event of doc; call before its events and quotes are deleted. */
int store_rollup_remove(store_rollup *r, sqlite3_int64 doc);

/* Runs a statement without results; returns SQLITE_OK or the error code. */
int store_exec(sqlite3 *db, const char *sql);

#endif
