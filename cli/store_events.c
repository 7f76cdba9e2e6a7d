/* An event record into the store: its row (every contract field, the evidence
 * sentence's span, its day) and its counts in the monthly and total tables. */
#include "store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const insert_sql =
    "INSERT INTO events(doc, idx, day, date, sentence, start, end, ev_start, ev_end,"
    " source_text, source_code, target_text, target_code, cameo, goldstein, quad_class,"
    " plover_type, plover_mode, plover_context, status, quote, quote_id, verb, mentions, spans,"
    " source_start, source_end, target_start, target_end) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7,"
    " ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25,"
    " ?26, ?27, ?28, ?29)";
struct store_events {
    sqlite3_stmt *insert;
    store_rollup *rollup;
};

store_events *store_events_new(sqlite3 *db)
{
    store_events *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    if (sqlite3_prepare_v3(db, insert_sql, -1, SQLITE_PREPARE_PERSISTENT, &s->insert, NULL) ||
        !(s->rollup = store_rollup_new(db))) {
        store_events_free(s);
        return NULL;
    }
    return s;
}

void store_events_free(store_events *s)
{
    if (!s)
        return;
    sqlite3_finalize(s->insert);
    store_rollup_free(s->rollup);
    free(s);
}

int store_events_uncount(store_events *s, sqlite3_int64 doc)
{
    return store_rollup_remove(s->rollup, doc);
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
    store_bind_span(st, i, s ? s : e);
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
    const char *c = store_jstr(side, "code");
    return c ? c : "";
}

/* Counts the event in the monthly tables, with the speaker of its quotation (qi >= 0). */
static int count_event(store_events *w, const cJSON *e, const char *day, const cJSON *quotes,
                       int qi)
{
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(e, "source");
    const cJSON *tgt = cJSON_GetObjectItemCaseSensitive(e, "target");
    const cJSON *g = cJSON_GetObjectItemCaseSensitive(e, "goldstein");
    const cJSON *quad = cJSON_GetObjectItemCaseSensitive(e, "quad_class");
    const cJSON *sp = qi >= 0 ?
        cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(quotes, qi), "speaker") : NULL;
    const char *who = store_jstr(sp, "name");
    store_rollup_event re = {
        .day = day, .source = code_or_empty(src), .target = code_or_empty(tgt),
        .cameo = store_jstr(e, "cameo"), .status = store_jstr(e, "status"),
        .quad = cJSON_IsNumber(quad) ? quad->valueint : 0,
        .g10 = cJSON_IsNumber(g) && fabs(g->valuedouble) <= 10 ? llround(g->valuedouble * 10) : 0,
        .has_speaker = qi >= 0,
        .speaker = who ? who : store_jstr(sp, "text"), .kind = store_jstr(sp, "kind"), .code = store_jstr(sp, "code")};
    return store_rollup_add(w->rollup, &re);
}

static int put_event(store_events *w, sqlite3_int64 doc, int i, const cJSON *e, const char *doc_day,
                     const cJSON *sentences, const cJSON *quotes,
                     const sqlite3_int64 *quote_ids, size_t n_quotes)
{
    sqlite3_stmt *st = w->insert;
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(e, "source");
    const cJSON *tgt = cJSON_GetObjectItemCaseSensitive(e, "target");
    const cJSON *plover = cJSON_GetObjectItemCaseSensitive(e, "plover");
    const cJSON *quote = cJSON_GetObjectItemCaseSensitive(e, "quote");
    const char *date = store_jstr(e, "date"), *cameo = store_jstr(e, "cameo"), *status = store_jstr(e, "status");
    const char *day = is_day(date) ? date : doc_day;
    char context[256];
    context_join(cJSON_GetObjectItemCaseSensitive(plover, "context"), context, sizeof context);
    char *spans = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(e, "spans"));
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int(st, 2, i);
    store_bind_str(st, 3, day);
    store_bind_str(st, 4, date);
    store_bind_num(st, 5, e, "sentence", 0);
    store_bind_span(st, 6, e);
    bind_evidence(st, 8, e, sentences);
    store_bind_str(st, 10, store_jstr(src, "text"));
    store_bind_str(st, 11, code_or_empty(src));
    store_bind_str(st, 12, store_jstr(tgt, "text"));
    store_bind_str(st, 13, code_or_empty(tgt));
    store_bind_str(st, 14, cameo ? cameo : "");
    store_bind_num(st, 15, e, "goldstein", 1);
    store_bind_num(st, 16, e, "quad_class", 0);
    store_bind_str(st, 17, store_jstr(plover, "type"));
    store_bind_str(st, 18, store_jstr(plover, "mode"));
    store_bind_str(st, 19, context[0] ? context : NULL);
    store_bind_str(st, 20, status ? status : "");
    int qi = cJSON_IsNumber(quote) ? quote->valueint : -1;
    store_bind_num(st, 21, e, "quote", 0);
    if (qi >= 0 && (size_t)qi < n_quotes)
        sqlite3_bind_int64(st, 22, quote_ids[qi]);
    else
        sqlite3_bind_null(st, 22);
    store_bind_str(st, 23, store_jstr(e, "verb"));
    store_bind_num(st, 24, e, "mentions", 0);
    store_bind_str(st, 25, spans);
    store_bind_span(st, 26, src);
    store_bind_span(st, 28, tgt);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    free(spans);
    if (rc != 0)
        return rc;
    return count_event(w, e, day, quotes, qi >= 0 && (size_t)qi < n_quotes ? qi : -1);
}

int store_events_put(store_events *w, sqlite3_int64 doc, const cJSON *rec,
                     const sqlite3_int64 *quote_ids, size_t n_quotes, size_t *n)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(rec, "events");
    const cJSON *sentences = cJSON_GetObjectItemCaseSensitive(rec, "sentences");
    const cJSON *quotes = cJSON_GetObjectItemCaseSensitive(rec, "quotes");
    const char *doc_date = store_jstr(rec, "date");
    const char *doc_day = is_day(doc_date) ? doc_date : NULL;
    int i = 0;
    for (const cJSON *e = arr ? arr->child : NULL; e; e = e->next, i++)
        if (put_event(w, doc, i, e, doc_day, sentences, quotes, quote_ids, n_quotes) != 0)
            return -1;
    *n = (size_t)i;
    return 0;
}

