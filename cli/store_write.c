/* Writing one coded record into the store: replace-by-id, skip-by-hash, all through
 * statements prepared once per run (its events: store_events.c). */
#include "store.h"

#include <stdlib.h>
#include <string.h>

enum {
    S_FIND, S_DEL_DOCS_FTS, S_DEL_QUOTES_FTS, S_DEL_SENT, S_DEL_ACT, S_DEL_DATES, S_DEL_QUOTES,
    S_DEL_EVENTS, S_DEL_DOC, S_INS_DOC, S_INS_DOCS_FTS, S_INS_SENT, S_INS_ACT, S_INS_DATE,
    S_INS_QUOTE, S_INS_QUOTES_FTS, N_STMT
};

static const char *const sql[N_STMT] = {
    [S_FIND] = "SELECT doc, hash FROM documents WHERE id = ?1",
    /* external-content FTS rows are removed by giving FTS5 the old values */
    [S_DEL_DOCS_FTS] = "INSERT INTO docs_fts(docs_fts, rowid, title, text)"
                       " SELECT 'delete', doc, title, text FROM documents WHERE doc = ?1",
    [S_DEL_QUOTES_FTS] = "INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name,"
                         " speaker_text) SELECT 'delete', id, text, speaker_name, speaker_text"
                         " FROM quotes WHERE doc = ?1",
    [S_DEL_SENT] = "DELETE FROM sentences WHERE doc = ?1",
    [S_DEL_ACT] = "DELETE FROM actors WHERE doc = ?1",
    [S_DEL_DATES] = "DELETE FROM dates WHERE doc = ?1",
    [S_DEL_QUOTES] = "DELETE FROM quotes WHERE doc = ?1",
    [S_DEL_EVENTS] = "DELETE FROM events WHERE doc = ?1",
    [S_DEL_DOC] = "DELETE FROM documents WHERE doc = ?1",
    [S_INS_DOC] = "INSERT INTO documents(id, hash, date, title, source, url, format, bytes,"
                  " n_sentences, n_tokens, failed, errors, text)"
                  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    [S_INS_DOCS_FTS] = "INSERT INTO docs_fts(rowid, title, text) VALUES(?1, ?2, ?3)",
    [S_INS_SENT] = "INSERT INTO sentences VALUES(?1, ?2, ?3, ?4)",
    [S_INS_ACT] = "INSERT INTO actors VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [S_INS_DATE] = "INSERT INTO dates VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
    [S_INS_QUOTE] = "INSERT INTO quotes(doc, idx, start, end, text, direct, cue, speaker_text,"
                    " speaker_start, speaker_end, speaker_name, speaker_kind, speaker_code,"
                    " denial, denies)"
                    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    [S_INS_QUOTES_FTS] = "INSERT INTO quotes_fts(rowid, text, speaker_name, speaker_text)"
                         " VALUES(?1, ?2, ?3, ?4)",
};

struct store_writer {
    sqlite3 *db;
    sqlite3_stmt *st[N_STMT];
    store_events *events; /* the events and their counts */
    sqlite3_int64 *quote_ids; /* [cap_quotes] rowids of this record's quotes, by index */
    size_t cap_quotes;
    char error[256];
};

store_writer *store_writer_new(sqlite3 *db)
{
    store_writer *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->db = db;
    if (!(w->events = store_events_new(db))) {
        free(w);
        return NULL;
    }
    for (int i = 0; i < N_STMT; i++)
        if (sqlite3_prepare_v3(db, sql[i], -1, SQLITE_PREPARE_PERSISTENT, &w->st[i], NULL)) {
            store_writer_free(w);
            return NULL;
        }
    return w;
}

void store_writer_free(store_writer *w)
{
    if (!w)
        return;
    for (int i = 0; i < N_STMT; i++)
        sqlite3_finalize(w->st[i]);
    store_events_free(w->events);
    free(w->quote_ids);
    free(w);
}

const char *store_writer_error(const store_writer *w)
{
    return w->error;
}

const char *store_jstr(const cJSON *o, const char *key)
{
    return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

void store_bind_str(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* A JSON number as an integer column: a value no int64 holds (1e48, NaN) is no
 * offset or count at all, so it is stored as NULL rather than cast (undefined). */
static void bind_int_or_null(sqlite3_stmt *st, int i, double d)
{
    if (d >= -9.2e18 && d <= 9.2e18)
        sqlite3_bind_int64(st, i, (sqlite3_int64)d);
    else
        sqlite3_bind_null(st, i);
}

/* A JSON number (or bool) at key, else SQL NULL. */
void store_bind_num(sqlite3_stmt *st, int i, const cJSON *o, const char *key, int real)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (cJSON_IsNumber(v) && real)
        sqlite3_bind_double(st, i, v->valuedouble);
    else if (cJSON_IsNumber(v))
        bind_int_or_null(st, i, v->valuedouble);
    else if (cJSON_IsBool(v))
        sqlite3_bind_int(st, i, cJSON_IsTrue(v));
    else
        sqlite3_bind_null(st, i);
}

/* Binds span[0] and span[1] at i and i + 1; NULLs when absent. */
void store_bind_span(sqlite3_stmt *st, int i, const cJSON *o)
{
    const cJSON *span = cJSON_GetObjectItemCaseSensitive(o, "span");
    for (int k = 0; k < 2; k++) {
        const cJSON *v = cJSON_GetArrayItem(span, k);
        if (cJSON_IsNumber(v))
            bind_int_or_null(st, i + k, v->valuedouble);
        else
            sqlite3_bind_null(st, i + k);
    }
}

/* Steps a write statement and resets it; 0 or -1 with the message kept. */
static int run(store_writer *w, int which)
{
    sqlite3_stmt *st = w->st[which];
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return 0;
    snprintf(w->error, sizeof w->error, "%s", sqlite3_errmsg(w->db));
    return -1;
}

/* Finds id: returns its doc number (0 when absent) and copies its hash. */
static sqlite3_int64 find(store_writer *w, const char *id, char hash[33])
{
    sqlite3_stmt *st = w->st[S_FIND];
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    sqlite3_int64 doc = 0;
    hash[0] = '\0';
    if (sqlite3_step(st) == SQLITE_ROW) {
        doc = sqlite3_column_int64(st, 0);
        const char *h = (const char *)sqlite3_column_text(st, 1);
        snprintf(hash, 33, "%s", h ? h : "");
    }
    sqlite3_reset(st);
    return doc;
}

int store_has(store_writer *w, const char *id, const char *hash)
{
    char old[33];
    return find(w, id, old) != 0 && strcmp(old, hash) == 0;
}

/* Removes every record of doc; counts first, while its events are there to uncount. */
static int delete_doc(store_writer *w, sqlite3_int64 doc)
{
    static const int order[] = {S_DEL_DOCS_FTS, S_DEL_QUOTES_FTS, S_DEL_SENT, S_DEL_ACT,
                                S_DEL_DATES, S_DEL_QUOTES, S_DEL_EVENTS, S_DEL_DOC};
    if (store_events_uncount(w->events, doc) != 0) {
        snprintf(w->error, sizeof w->error, "%s", sqlite3_errmsg(w->db));
        return -1;
    }
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        sqlite3_bind_int64(w->st[order[i]], 1, doc);
        if (run(w, order[i]) != 0)
            return -1;
    }
    return 0;
}

static int put_document(store_writer *w, const cJSON *rec, const char *hash, sqlite3_int64 *doc)
{
    sqlite3_stmt *st = w->st[S_INS_DOC];
    const cJSON *stats = cJSON_GetObjectItemCaseSensitive(rec, "stats");
    char *errors = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(rec, "errors"));
    store_bind_str(st, 1, store_jstr(rec, "id"));
    store_bind_str(st, 2, hash);
    store_bind_str(st, 3, store_jstr(rec, "date"));
    store_bind_str(st, 4, store_jstr(rec, "title"));
    store_bind_str(st, 5, store_jstr(rec, "source"));
    store_bind_str(st, 6, store_jstr(rec, "url"));
    store_bind_str(st, 7, store_jstr(rec, "format"));
    store_bind_num(st, 8, stats, "bytes", 0);
    store_bind_num(st, 9, stats, "sentences", 0);
    store_bind_num(st, 10, stats, "tokens", 0);
    sqlite3_bind_int(st, 11, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(rec, "failed")));
    store_bind_str(st, 12, errors && strcmp(errors, "[]") != 0 ? errors : NULL);
    store_bind_str(st, 13, store_jstr(rec, "text"));
    int rc = run(w, S_INS_DOC);
    free(errors);
    if (rc != 0)
        return -1;
    *doc = sqlite3_last_insert_rowid(w->db);
    st = w->st[S_INS_DOCS_FTS];
    sqlite3_bind_int64(st, 1, *doc);
    store_bind_str(st, 2, store_jstr(rec, "title"));
    store_bind_str(st, 3, store_jstr(rec, "text"));
    return run(w, S_INS_DOCS_FTS);
}

static int put_sentences(store_writer *w, sqlite3_int64 doc, const cJSON *arr)
{
    sqlite3_stmt *st = w->st[S_INS_SENT];
    int i = 0;
    for (const cJSON *s = arr ? arr->child : NULL; s; s = s->next, i++) {
        sqlite3_bind_int64(st, 1, doc);
        sqlite3_bind_int(st, 2, i);
        store_bind_span(st, 3, s);
        if (run(w, S_INS_SENT) != 0)
            return -1;
    }
    return 0;
}

static int put_actors(store_writer *w, sqlite3_int64 doc, const cJSON *arr)
{
    sqlite3_stmt *st = w->st[S_INS_ACT];
    int i = 0;
    for (const cJSON *a = arr ? arr->child : NULL; a; a = a->next, i++) {
        sqlite3_bind_int64(st, 1, doc);
        sqlite3_bind_int(st, 2, i);
        store_bind_span(st, 3, a);
        store_bind_str(st, 5, store_jstr(a, "text"));
        store_bind_str(st, 6, store_jstr(a, "name"));
        store_bind_str(st, 7, store_jstr(a, "type"));
        store_bind_str(st, 8, store_jstr(a, "code"));
        if (run(w, S_INS_ACT) != 0)
            return -1;
    }
    return 0;
}

static int put_dates(store_writer *w, sqlite3_int64 doc, const cJSON *arr)
{
    sqlite3_stmt *st = w->st[S_INS_DATE];
    int i = 0;
    for (const cJSON *d = arr ? arr->child : NULL; d; d = d->next, i++) {
        sqlite3_bind_int64(st, 1, doc);
        sqlite3_bind_int(st, 2, i);
        store_bind_span(st, 3, d);
        store_bind_str(st, 5, store_jstr(d, "text"));
        store_bind_str(st, 6, store_jstr(d, "value"));
        if (run(w, S_INS_DATE) != 0)
            return -1;
    }
    return 0;
}

static int put_quote(store_writer *w, sqlite3_int64 doc, int i, const cJSON *q)
{
    sqlite3_stmt *st = w->st[S_INS_QUOTE];
    const cJSON *sp = cJSON_GetObjectItemCaseSensitive(q, "speaker");
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int(st, 2, i);
    store_bind_span(st, 3, q);
    store_bind_str(st, 5, store_jstr(q, "text"));
    store_bind_num(st, 6, q, "direct", 0);
    store_bind_str(st, 7, store_jstr(q, "cue"));
    store_bind_str(st, 8, store_jstr(sp, "text"));
    store_bind_span(st, 9, sp);
    store_bind_str(st, 11, store_jstr(sp, "name"));
    store_bind_str(st, 12, store_jstr(sp, "kind"));
    store_bind_str(st, 13, store_jstr(sp, "code"));
    store_bind_num(st, 14, q, "denial", 0);
    store_bind_num(st, 15, q, "denies", 0);
    if (run(w, S_INS_QUOTE) != 0)
        return -1;
    w->quote_ids[i] = sqlite3_last_insert_rowid(w->db);
    st = w->st[S_INS_QUOTES_FTS];
    sqlite3_bind_int64(st, 1, w->quote_ids[i]);
    store_bind_str(st, 2, store_jstr(q, "text"));
    store_bind_str(st, 3, store_jstr(sp, "name"));
    store_bind_str(st, 4, store_jstr(sp, "text"));
    return run(w, S_INS_QUOTES_FTS);
}

static int put_quotes(store_writer *w, sqlite3_int64 doc, const cJSON *arr, size_t *n)
{
    size_t count = (size_t)cJSON_GetArraySize(arr);
    if (count > w->cap_quotes) {
        sqlite3_int64 *p = realloc(w->quote_ids, count * sizeof *p);
        if (!p) {
            snprintf(w->error, sizeof w->error, "out of memory");
            return -1;
        }
        w->quote_ids = p;
        w->cap_quotes = count;
    }
    int i = 0;
    for (const cJSON *q = arr ? arr->child : NULL; q; q = q->next, i++)
        if (put_quote(w, doc, i, q) != 0)
            return -1;
    *n = count;
    return 0;
}

static int put_events(store_writer *w, sqlite3_int64 doc, const cJSON *rec, size_t n_quotes,
                      size_t *n)
{
    if (store_events_put(w->events, doc, rec, w->quote_ids, n_quotes, n) == 0)
        return 0;
    snprintf(w->error, sizeof w->error, "%s", sqlite3_errmsg(w->db));
    return -1;
}

store_result store_put(store_writer *w, const cJSON *rec, const char *hash, size_t *events,
                       size_t *quotes)
{
    const char *id = store_jstr(rec, "id");
    char old[33];
    *events = *quotes = 0;
    if (!id) {
        snprintf(w->error, sizeof w->error, "record without an \"id\"");
        return STORE_ERROR;
    }
    sqlite3_int64 doc = find(w, id, old);
    if (doc && strcmp(old, hash) == 0)
        return STORE_UNCHANGED;
    if (doc && delete_doc(w, doc) != 0)
        return STORE_ERROR;
    sqlite3_int64 fresh;
    if (put_document(w, rec, hash, &fresh) != 0 ||
        put_sentences(w, fresh, cJSON_GetObjectItemCaseSensitive(rec, "sentences")) != 0 ||
        put_actors(w, fresh, cJSON_GetObjectItemCaseSensitive(rec, "actors")) != 0 ||
        put_dates(w, fresh, cJSON_GetObjectItemCaseSensitive(rec, "dates")) != 0 ||
        put_quotes(w, fresh, cJSON_GetObjectItemCaseSensitive(rec, "quotes"), quotes) != 0 ||
        put_events(w, fresh, rec, *quotes, events) != 0)
        return STORE_ERROR;
    return doc ? STORE_REPLACED : STORE_NEW;
}
