/* SQL for dyad query: every user value is a bound parameter, never SQL text. */
#include "query.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void query_sql_add(query_sql *q, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || q->oom)
        return;
    if (q->len + (size_t)n + 1 > q->cap) {
        size_t cap = (q->cap ? q->cap * 2 : 1024) + (size_t)n;
        char *p = realloc(q->text, cap);
        if (!p) {
            q->oom = 1;
            return;
        }
        q->text = p;
        q->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(q->text + q->len, q->cap - q->len, fmt, ap);
    va_end(ap);
    q->len += (size_t)n;
}

void query_sql_bind_text(query_sql *q, const char *s)
{
    if (q->n_binds >= (int)(sizeof q->binds / sizeof q->binds[0])) {
        q->oom = 1;
        return;
    }
    q->binds[q->n_binds].s = s;
    q->binds[q->n_binds++].i = 0;
}

void query_sql_bind_int(query_sql *q, long long i)
{
    if (q->n_binds >= (int)(sizeof q->binds / sizeof q->binds[0])) {
        q->oom = 1;
        return;
    }
    q->binds[q->n_binds].s = NULL;
    q->binds[q->n_binds++].i = i;
}

void query_sql_free(query_sql *q)
{
    free(q->text);
    memset(q, 0, sizeof *q);
}

sqlite3_stmt *query_sql_prepare(sqlite3 *db, const query_sql *q, char *why, size_t cap)
{
    sqlite3_stmt *st = NULL;
    if (q->oom) {
        snprintf(why, cap, "out of memory");
        return NULL;
    }
    if (sqlite3_prepare_v2(db, q->text, -1, &st, NULL) != SQLITE_OK) {
        snprintf(why, cap, "%s", sqlite3_errmsg(db));
        return NULL;
    }
    for (int i = 0; i < q->n_binds; i++) {
        if (q->binds[i].s)
            sqlite3_bind_text(st, i + 1, q->binds[i].s, -1, SQLITE_STATIC);
        else
            sqlite3_bind_int64(st, i + 1, q->binds[i].i);
    }
    return st;
}

/* Column names of the two tables a filter can read. */
typedef struct cols {
    const char *src, *tgt, *cameo, *quad, *status, *day;
} cols;
static const cols EVENTS = {"e.source_code", "e.target_code", "e.cameo", "e.quad_class",
                            "e.status", "e.day"};
static const cols MONTHLY = {"m.source_code", "m.target_code", "m.cameo", "m.quad_class",
                             "m.status", "m.month"};
/* SQLite's unary + keeps a column from using its index, leaving the day index */
static const cols DAY_WALK = {"+e.source_code", "+e.target_code", "+e.cameo", "e.quad_class",
                            "e.status", "e.day"};

static void code_cond(query_sql *q, const char *col, const query_code *c)
{
    if (c->prefix) { /* a range keeps the index usable, unlike LIKE or GLOB here */
        query_sql_add(q, "(%s >= ? AND %s < ?)", col, col);
        query_sql_bind_text(q, c->lo);
        query_sql_bind_text(q, c->hi);
    } else {
        query_sql_add(q, "%s = ?", col);
        query_sql_bind_text(q, c->lo);
    }
}

static void dyad_cond(query_sql *q, const cols *c, const query_filter *f)
{
    query_sql_add(q, " AND ((");
    code_cond(q, c->src, &f->dyad_a);
    query_sql_add(q, " AND ");
    code_cond(q, c->tgt, &f->dyad_b);
    query_sql_add(q, ")");
    if (f->both_ways) {
        query_sql_add(q, " OR (");
        code_cond(q, c->src, &f->dyad_b);
        query_sql_add(q, " AND ");
        code_cond(q, c->tgt, &f->dyad_a);
        query_sql_add(q, ")");
    }
    query_sql_add(q, ")");
}

static void status_cond(query_sql *q, const cols *c, const query_filter *f)
{
    if (f->all_statuses)
        return;
    if (f->n_statuses == 0) { /* the default: what the text holds to have happened or be planned */
        query_sql_add(q, " AND %s NOT IN ('denied', 'negated', 'hypothetical')", c->status);
        return;
    }
    query_sql_add(q, " AND %s IN (", c->status);
    for (int i = 0; i < f->n_statuses; i++) {
        query_sql_add(q, i ? ", ?" : "?");
        query_sql_bind_text(q, f->statuses[i]);
    }
    query_sql_add(q, ")");
}

/* Full-text conditions exist only on the events path (the monthly counts have no text). */
static void text_conds(query_sql *q, const query_filter *f, int by_day)
{
    if (f->plover[0]) {
        query_sql_add(q, by_day ? " AND +e.plover_type = ?" : " AND e.plover_type = ?");
        query_sql_bind_text(q, f->plover);
    }
    if (f->speaker[0]) {
        query_sql_add(q, " AND e.quote_id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)");
        query_sql_bind_text(q, f->speaker);
    }
    if (f->match) { /* a common word matches most documents: walking days is then faster */
        query_sql_add(q, " AND %se.doc IN (SELECT rowid FROM docs_fts WHERE docs_fts MATCH ?)",
                      by_day ? "+" : "");
        query_sql_bind_text(q, f->match);
    }
    if (f->quote_match) {
        query_sql_add(q, " AND e.quote_id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts"
                         " MATCH '{text} : (' || ? || ')')");
        query_sql_bind_text(q, f->quote_match);
    }
}

void query_where(query_sql *q, const query_filter *f, int mode)
{
    int monthly = mode == WHERE_MONTHLY;
    const cols *c = monthly ? &MONTHLY : mode == WHERE_BY_DAY ? &DAY_WALK : &EVENTS;
    if (f->actor.set) {
        query_sql_add(q, " AND (");
        code_cond(q, c->src, &f->actor);
        query_sql_add(q, " OR ");
        code_cond(q, c->tgt, &f->actor);
        query_sql_add(q, ")");
    }
    if (f->source.set) {
        query_sql_add(q, " AND ");
        code_cond(q, c->src, &f->source);
    }
    if (f->target.set) {
        query_sql_add(q, " AND ");
        code_cond(q, c->tgt, &f->target);
    }
    if (f->dyad_a.set)
        dyad_cond(q, c, f);
    if (f->cameo.set) {
        query_sql_add(q, " AND ");
        code_cond(q, c->cameo, &f->cameo);
    }
    if (f->quad) {
        query_sql_add(q, " AND %s = ?", c->quad);
        query_sql_bind_int(q, f->quad);
    }
    status_cond(q, c, f);
    /* months compare as their YYYY-MM prefix, which query_fits_monthly made exact */
    if (f->from[0]) {
        query_sql_add(q, monthly ? " AND %s >= substr(?, 1, 7)" : " AND %s >= ?", c->day);
        query_sql_bind_text(q, f->from);
    }
    if (f->to[0]) {
        query_sql_add(q, monthly ? " AND %s <= substr(?, 1, 7)" : " AND %s <= ?", c->day);
        query_sql_bind_text(q, f->to);
    }
    if (!monthly)
        text_conds(q, f, mode == WHERE_BY_DAY);
}

static int last_day(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

int query_fits_monthly(const query_filter *f, int by, int per, int top)
{
    if (by == BY_DAY || by == BY_WEEK)
        return MONTHLY_NONE;
    if (f->plover[0] || f->speaker[0] || f->match || f->quote_match)
        return MONTHLY_NONE;
    if (f->from[0] && strcmp(f->from + 8, "01") != 0)
        return MONTHLY_NONE;
    if (f->to[0] && atoi(f->to + 8) != last_day(atoi(f->to), atoi(f->to + 5)))
        return MONTHLY_NONE;
    int who = f->actor.set || f->source.set || f->target.set || f->dyad_a.set;
    int what = f->cameo.set || f->quad;
    if (top == TOP_SPEAKERS && (who || what))
        return MONTHLY_NONE;
    if (top == TOP_SPEAKERS)
        return f->from[0] || f->to[0] ? MONTHLY_SPEAKERS : TOTALS_SPEAKERS;
    if ((top == TOP_ACTORS || top == TOP_DYADS) && !what && !f->from[0] && !f->to[0])
        return top == TOP_ACTORS && !who ? TOTALS_ACTORS : TOTALS_DYADS;
    if (!who && !f->cameo.set && by && per == PER_NONE)
        return MONTHLY_QUADS;
    if (!who && (top == TOP_CODES || (by && per == PER_NONE)))
        return MONTHLY_CODES;
    if (!what && top != TOP_CODES)
        return MONTHLY_DYADS;
    return MONTHLY_NONE;
}

int query_matches_many(sqlite3 *db, const query_filter *f)
{
    /* walking days visits about total/matches rows per row shown; tests lower the bar
     * to run both plans on a small store */
    const char *env = getenv("DYAD_QUERY_MANY");
    int many_rows = env && atoi(env) > 0 ? atoi(env) : 10000;
    if (!f->actor.set && !f->source.set && !f->target.set && !f->dyad_a.set && !f->cameo.set &&
        !f->plover[0] && !f->match)
        return 0; /* nothing but the day index to choose from */
    query_sql q = {0};
    char why[256];
    query_sql_add(&q, "SELECT count(*) FROM (SELECT 1 FROM events e WHERE 1");
    query_where(&q, f, WHERE_EVENTS);
    query_sql_add(&q, " LIMIT %d)", many_rows);
    sqlite3_stmt *st = query_sql_prepare(db, &q, why, sizeof why);
    int many = st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) >= many_rows;
    sqlite3_finalize(st);
    query_sql_free(&q);
    return many;
}

void query_list_sql(query_sql *q, const query_filter *f, long limit, int by_day)
{
    query_sql_add(q,
        "SELECT d.id AS doc, e.idx AS event, e.day, e.date, e.source_text,"
        " e.source_code AS source, e.cameo, e.target_text, e.target_code AS target, e.status,"
        " e.goldstein, e.quad_class, e.plover_type, e.plover_mode, e.plover_context, e.verb,"
        /* spans are bytes: slice the text as a blob, then read it back as text */
        " CAST(substr(CAST(d.text AS BLOB), e.ev_start + 1, e.ev_end - e.ev_start) AS TEXT)"
        " AS evidence, q.text AS quote, q.direct AS quote_direct, q.cue AS quote_cue,"
        " q.speaker_text, q.speaker_name AS speaker, q.speaker_kind, q.speaker_code, d.title"
        /* the events are chosen and cut first, from the indexes; only the rows shown
         * read their documents and quotations */
        " FROM (SELECT e.id AS id FROM events e WHERE 1");
    query_where(q, f, by_day ? WHERE_BY_DAY : WHERE_EVENTS);
    query_sql_add(q, " ORDER BY e.day, e.id");
    if (limit >= 0) {
        query_sql_add(q, " LIMIT ?");
        query_sql_bind_int(q, limit + 1); /* one more tells that rows were left out */
    }
    query_sql_add(q, ") k JOIN events e ON e.id = k.id JOIN documents d ON d.doc = e.doc"
                     " LEFT JOIN quotes q ON q.id = e.quote_id ORDER BY e.day, e.id");
}
