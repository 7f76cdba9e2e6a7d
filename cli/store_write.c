/* Writing one coded record into the store: replace-by-id, skip-by-hash, all through
 * statements prepared once per run. */
#include "store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    S_FIND, S_DEL_DOCS_FTS, S_DEL_QUOTES_FTS, S_DEL_SENT, S_DEL_ACT, S_DEL_DATES, S_DEL_QUOTES,
    S_DEL_EVENTS, S_DEL_DOC, S_INS_DOC, S_INS_DOCS_FTS, S_INS_SENT, S_INS_ACT, S_INS_DATE,
    S_INS_QUOTE, S_INS_QUOTES_FTS, S_INS_EVENT, N_STMT
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
    [S_INS_EVENT] = "INSERT INTO events(doc, idx, day, date, sentence, start, end, ev_start,"
                    " ev_end, source_text, source_code, target_text, target_code, cameo,"
                    " goldstein, quad_class, plover_type, plover_mode, plover_context, status,"
                    " quote, quote_id, verb, mentions, spans, source_start, source_end, target_start,"
                    " target_end) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                    " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28,"
                    " ?29)",
};

struct store_writer {
    sqlite3 *db;
    sqlite3_stmt *st[N_STMT];
    store_rollup *rollup;
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
    if (!(w->rollup = store_rollup_new(db))) {
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
    store_rollup_free(w->rollup);
    free(w->quote_ids);
    free(w);
}

const char *store_writer_error(const store_writer *w)
{
    return w->error;
}

static const char *jstr(const cJSON *o, const char *key)
{
    return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

static void bind_str(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* A JSON number (or bool) at key, else SQL NULL. */
static void bind_num(sqlite3_stmt *st, int i, const cJSON *o, const char *key, int real)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (cJSON_IsNumber(v) && real)
        sqlite3_bind_double(st, i, v->valuedouble);
    else if (cJSON_IsNumber(v))
        sqlite3_bind_int64(st, i, (sqlite3_int64)v->valuedouble);
    else if (cJSON_IsBool(v))
        sqlite3_bind_int(st, i, cJSON_IsTrue(v));
    else
        sqlite3_bind_null(st, i);
}

/* Binds span[0] and span[1] at i and i + 1; NULLs when absent. */
static void bind_span(sqlite3_stmt *st, int i, const cJSON *o)
{
    const cJSON *span = cJSON_GetObjectItemCaseSensitive(o, "span");
    for (int k = 0; k < 2; k++) {
        const cJSON *v = cJSON_GetArrayItem(span, k);
        if (cJSON_IsNumber(v))
            sqlite3_bind_int64(st, i + k, (sqlite3_int64)v->valuedouble);
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
    if (store_rollup_remove(w->rollup, doc) != 0) {
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
    bind_str(st, 1, jstr(rec, "id"));
    bind_str(st, 2, hash);
    bind_str(st, 3, jstr(rec, "date"));
    bind_str(st, 4, jstr(rec, "title"));
    bind_str(st, 5, jstr(rec, "source"));
    bind_str(st, 6, jstr(rec, "url"));
    bind_str(st, 7, jstr(rec, "format"));
    bind_num(st, 8, stats, "bytes", 0);
    bind_num(st, 9, stats, "sentences", 0);
    bind_num(st, 10, stats, "tokens", 0);
    sqlite3_bind_int(st, 11, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(rec, "failed")));
    bind_str(st, 12, errors && strcmp(errors, "[]") != 0 ? errors : NULL);
    bind_str(st, 13, jstr(rec, "text"));
    int rc = run(w, S_INS_DOC);
    free(errors);
    if (rc != 0)
        return -1;
    *doc = sqlite3_last_insert_rowid(w->db);
    st = w->st[S_INS_DOCS_FTS];
    sqlite3_bind_int64(st, 1, *doc);
    bind_str(st, 2, jstr(rec, "title"));
    bind_str(st, 3, jstr(rec, "text"));
    return run(w, S_INS_DOCS_FTS);
}

static int put_sentences(store_writer *w, sqlite3_int64 doc, const cJSON *arr)
{
    sqlite3_stmt *st = w->st[S_INS_SENT];
    int i = 0;
    for (const cJSON *s = arr ? arr->child : NULL; s; s = s->next, i++) {
        sqlite3_bind_int64(st, 1, doc);
        sqlite3_bind_int(st, 2, i);
        bind_span(st, 3, s);
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
        bind_span(st, 3, a);
        bind_str(st, 5, jstr(a, "text"));
        bind_str(st, 6, jstr(a, "name"));
        bind_str(st, 7, jstr(a, "type"));
        bind_str(st, 8, jstr(a, "code"));
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
        bind_span(st, 3, d);
        bind_str(st, 5, jstr(d, "text"));
        bind_str(st, 6, jstr(d, "value"));
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
    bind_span(st, 3, q);
    bind_str(st, 5, jstr(q, "text"));
    bind_num(st, 6, q, "direct", 0);
    bind_str(st, 7, jstr(q, "cue"));
    bind_str(st, 8, jstr(sp, "text"));
    bind_span(st, 9, sp);
    bind_str(st, 11, jstr(sp, "name"));
    bind_str(st, 12, jstr(sp, "kind"));
    bind_str(st, 13, jstr(sp, "code"));
    bind_num(st, 14, q, "denial", 0);
    bind_num(st, 15, q, "denies", 0);
    if (run(w, S_INS_QUOTE) != 0)
        return -1;
    w->quote_ids[i] = sqlite3_last_insert_rowid(w->db);
    st = w->st[S_INS_QUOTES_FTS];
    sqlite3_bind_int64(st, 1, w->quote_ids[i]);
    bind_str(st, 2, jstr(q, "text"));
    bind_str(st, 3, jstr(sp, "name"));
    bind_str(st, 4, jstr(sp, "text"));
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

/* "YYYY-MM-DD" strictly, which is what a day column and month keys need. */
static int is_day(const char *s)
{
    static const char shape[] = "dddd-dd-dd";
    if (!s || strlen(s) != 10)
        return 0;
    for (int i = 0; i < 10; i++)
        if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
            return 0;
    return 1;
}

static double span_at(const cJSON *o, int k)
{
    const cJSON *v = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "span"), k);
    return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

/* The evidence sentence's span when it holds the event, else the event's own clause. */
static void bind_evidence(sqlite3_stmt *st, int i, const cJSON *e, const cJSON *sentences)
{
    const cJSON *idx = cJSON_GetObjectItemCaseSensitive(e, "sentence");
    const cJSON *s = cJSON_IsNumber(idx) ? cJSON_GetArrayItem(sentences, idx->valueint) : NULL;
    if (s && !(span_at(s, 0) <= span_at(e, 0) && span_at(e, 1) <= span_at(s, 1)))
        s = NULL;
    bind_span(st, i, s ? s : e);
}

/* plover.context is an array in the contract; stored comma-joined. */
static void context_join(const cJSON *ctx, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (const cJSON *c = cJSON_IsArray(ctx) ? ctx->child : NULL; c; c = c->next) {
        const char *s = cJSON_GetStringValue(c);
        if (s && len < cap)
            len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? "," : "", s);
    }
    if (cJSON_IsString(ctx))
        snprintf(out, cap, "%s", ctx->valuestring);
}

static const char *code_or_empty(const cJSON *side)
{
    const char *c = jstr(side, "code");
    return c ? c : "";
}

/* Counts the event in the monthly tables, with the speaker of its quotation (qi >= 0). */
static int count_event(store_writer *w, const cJSON *e, const char *day, const cJSON *quotes,
                       int qi)
{
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(e, "source");
    const cJSON *tgt = cJSON_GetObjectItemCaseSensitive(e, "target");
    const cJSON *g = cJSON_GetObjectItemCaseSensitive(e, "goldstein");
    const cJSON *quad = cJSON_GetObjectItemCaseSensitive(e, "quad_class");
    const cJSON *sp = qi >= 0 ?
        cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(quotes, qi), "speaker") : NULL;
    const char *who = jstr(sp, "name");
    store_rollup_event re = {
        .day = day, .source = code_or_empty(src), .target = code_or_empty(tgt),
        .cameo = jstr(e, "cameo"), .status = jstr(e, "status"),
        .quad = cJSON_IsNumber(quad) ? quad->valueint : 0,
        .g10 = cJSON_IsNumber(g) ? llround(g->valuedouble * 10) : 0, .has_speaker = qi >= 0,
        .speaker = who ? who : jstr(sp, "text"), .kind = jstr(sp, "kind"), .code = jstr(sp, "code")};
    if (store_rollup_add(w->rollup, &re) != 0) {
        snprintf(w->error, sizeof w->error, "%s", sqlite3_errmsg(w->db));
        return -1;
    }
    return 0;
}

static int put_event(store_writer *w, sqlite3_int64 doc, int i, const cJSON *e, const char *doc_day,
                     const cJSON *sentences, const cJSON *quotes, size_t n_quotes)
{
    sqlite3_stmt *st = w->st[S_INS_EVENT];
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(e, "source");
    const cJSON *tgt = cJSON_GetObjectItemCaseSensitive(e, "target");
    const cJSON *plover = cJSON_GetObjectItemCaseSensitive(e, "plover");
    const cJSON *quote = cJSON_GetObjectItemCaseSensitive(e, "quote");
    const char *date = jstr(e, "date"), *cameo = jstr(e, "cameo"), *status = jstr(e, "status");
    const char *day = is_day(date) ? date : doc_day;
    char context[256];
    context_join(cJSON_GetObjectItemCaseSensitive(plover, "context"), context, sizeof context);
    char *spans = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(e, "spans"));
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int(st, 2, i);
    bind_str(st, 3, day);
    bind_str(st, 4, date);
    bind_num(st, 5, e, "sentence", 0);
    bind_span(st, 6, e);
    bind_evidence(st, 8, e, sentences);
    bind_str(st, 10, jstr(src, "text"));
    bind_str(st, 11, code_or_empty(src));
    bind_str(st, 12, jstr(tgt, "text"));
    bind_str(st, 13, code_or_empty(tgt));
    bind_str(st, 14, cameo ? cameo : "");
    bind_num(st, 15, e, "goldstein", 1);
    bind_num(st, 16, e, "quad_class", 0);
    bind_str(st, 17, jstr(plover, "type"));
    bind_str(st, 18, jstr(plover, "mode"));
    bind_str(st, 19, context[0] ? context : NULL);
    bind_str(st, 20, status ? status : "");
    int qi = cJSON_IsNumber(quote) ? quote->valueint : -1;
    bind_num(st, 21, e, "quote", 0);
    if (qi >= 0 && (size_t)qi < n_quotes)
        sqlite3_bind_int64(st, 22, w->quote_ids[qi]);
    else
        sqlite3_bind_null(st, 22);
    bind_str(st, 23, jstr(e, "verb"));
    bind_num(st, 24, e, "mentions", 0);
    bind_str(st, 25, spans);
    bind_span(st, 26, src);
    bind_span(st, 28, tgt);
    int rc = run(w, S_INS_EVENT);
    free(spans);
    if (rc != 0)
        return rc;
    return count_event(w, e, day, quotes, qi >= 0 && (size_t)qi < n_quotes ? qi : -1);
}

static int put_events(store_writer *w, sqlite3_int64 doc, const cJSON *rec, size_t n_quotes,
                      size_t *n)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(rec, "events");
    const cJSON *sentences = cJSON_GetObjectItemCaseSensitive(rec, "sentences");
    const cJSON *quotes = cJSON_GetObjectItemCaseSensitive(rec, "quotes");
    const char *doc_date = jstr(rec, "date");
    const char *doc_day = is_day(doc_date) ? doc_date : NULL;
    int i = 0;
    for (const cJSON *e = arr ? arr->child : NULL; e; e = e->next, i++)
        if (put_event(w, doc, i, e, doc_day, sentences, quotes, n_quotes) != 0)
            return -1;
    *n = (size_t)i;
    return 0;
}

store_result store_put(store_writer *w, const cJSON *rec, const char *hash, size_t *events,
                       size_t *quotes)
{
    const char *id = jstr(rec, "id");
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
