/* The monthly count tables of the store: each event is counted once in each at
 * ingest and uncounted before its document is replaced, so aggregates read a few
 * rows per month instead of every event. Goldstein sums are kept in tenths, which
 * stay exact however often documents are replaced. */
#include "store.h"

#include <stdlib.h>
#include <string.h>

enum { R_DYADS, R_CODES, R_QUADS, R_SPEAKERS, R_TOTAL_DYADS, R_TOTAL_SOURCE, R_TOTAL_TARGET,
       R_TOTAL_SPEAKERS, N_TABLES };

#define UPSERT " ON CONFLICT DO UPDATE SET n = n + excluded.n, g10 = g10 + excluded.g10"
#define G10 "sum(CAST(round(coalesce(e.goldstein, 0) * 10) AS INTEGER))"

static const char *const add_sql[N_TABLES] = {
    "INSERT INTO monthly_dyads VALUES(substr(?1, 1, 7), ?2, ?3, ?6, 1, ?7)" UPSERT,
    "INSERT INTO monthly_codes VALUES(substr(?1, 1, 7), ?4, ?5, ?6, 1, ?7)" UPSERT,
    "INSERT INTO monthly_quads VALUES(substr(?1, 1, 7), ?5, ?6, 1, ?7)" UPSERT,
    "INSERT INTO monthly_speakers VALUES(substr(?1, 1, 7), ?8, ?9, ?10, ?6, 1, ?7)" UPSERT,
    "INSERT INTO totals_dyads VALUES(?2, ?3, ?6, 1, ?7)" UPSERT,
    /* an event counts for each of its two sides */
    "INSERT INTO totals_actors VALUES(?2, ?6, 1, ?7)" UPSERT,
    "INSERT INTO totals_actors VALUES(?3, ?6, 1, ?7)" UPSERT,
    "INSERT INTO totals_speakers VALUES(?8, ?9, ?10, ?6, 1, ?7)" UPSERT,
};

/* Negative counts of one document's events, grouped as each table is. */
static const char *const remove_sql[N_TABLES] = {
    "INSERT INTO monthly_dyads SELECT substr(e.day, 1, 7), e.source_code, e.target_code,"
    " e.status, -count(*), -" G10 " FROM events e WHERE e.doc = ?1 AND e.day IS NOT NULL"
    " GROUP BY 1, 2, 3, 4" UPSERT,
    "INSERT INTO monthly_codes SELECT substr(e.day, 1, 7), e.cameo, coalesce(e.quad_class, 0),"
    " e.status, -count(*), -" G10 " FROM events e WHERE e.doc = ?1 AND e.day IS NOT NULL"
    " GROUP BY 1, 2, 3, 4" UPSERT,
    "INSERT INTO monthly_quads SELECT substr(e.day, 1, 7), coalesce(e.quad_class, 0), e.status,"
    " -count(*), -" G10 " FROM events e WHERE e.doc = ?1 AND e.day IS NOT NULL"
    " GROUP BY 1, 2, 3" UPSERT,
    "INSERT INTO monthly_speakers SELECT substr(e.day, 1, 7),"
    " coalesce(q.speaker_name, q.speaker_text, ''), coalesce(q.speaker_kind, ''),"
    " coalesce(q.speaker_code, ''), e.status, -count(*), -" G10
    " FROM events e JOIN quotes q ON q.id = e.quote_id WHERE e.doc = ?1 AND e.day IS NOT NULL"
    " GROUP BY 1, 2, 3, 4, 5" UPSERT,
    "INSERT INTO totals_dyads SELECT e.source_code, e.target_code, e.status, -count(*), -" G10
    " FROM events e WHERE e.doc = ?1 AND e.day IS NOT NULL GROUP BY 1, 2, 3" UPSERT,
    "INSERT INTO totals_actors SELECT actor, status, -count(*),"
    " -sum(CAST(round(coalesce(g, 0) * 10) AS INTEGER)) FROM (SELECT"
    " e.source_code AS actor, e.status, e.goldstein AS g FROM events e WHERE e.doc = ?1 AND"
    " e.day IS NOT NULL UNION ALL SELECT e.target_code, e.status, e.goldstein FROM events e"
    " WHERE e.doc = ?1 AND e.day IS NOT NULL) WHERE true GROUP BY 1, 2" UPSERT,
    NULL, /* both sides are uncounted above */
    "INSERT INTO totals_speakers SELECT coalesce(q.speaker_name, q.speaker_text, ''),"
    " coalesce(q.speaker_kind, ''), coalesce(q.speaker_code, ''), e.status, -count(*), -" G10
    " FROM events e JOIN quotes q ON q.id = e.quote_id WHERE e.doc = ?1 AND e.day IS NOT NULL"
    " GROUP BY 1, 2, 3, 4" UPSERT,
};

struct store_rollup {
    sqlite3 *db;
    sqlite3_stmt *add[N_TABLES], *remove[N_TABLES];
};

store_rollup *store_rollup_new(sqlite3 *db)
{
    store_rollup *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->db = db;
    for (int t = 0; t < N_TABLES; t++)
        if (sqlite3_prepare_v3(db, add_sql[t], -1, SQLITE_PREPARE_PERSISTENT, &r->add[t], NULL) ||
            (remove_sql[t] && sqlite3_prepare_v3(db, remove_sql[t], -1, SQLITE_PREPARE_PERSISTENT,
                                                 &r->remove[t], NULL))) {
            store_rollup_free(r);
            return NULL;
        }
    return r;
}

void store_rollup_free(store_rollup *r)
{
    if (!r)
        return;
    for (int t = 0; t < N_TABLES; t++) {
        sqlite3_finalize(r->add[t]);
        sqlite3_finalize(r->remove[t]);
    }
    free(r);
}

static int step(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static void text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC);
}

int store_rollup_add(store_rollup *r, const store_rollup_event *e)
{
    if (!e->day)
        return 0; /* aggregates count the events that have a day */
    for (int t = 0; t < N_TABLES; t++) {
        if ((t == R_SPEAKERS || t == R_TOTAL_SPEAKERS) && !e->has_speaker)
            continue;
        sqlite3_stmt *st = r->add[t];
        text(st, 1, e->day);
        text(st, 2, e->source);
        text(st, 3, e->target);
        text(st, 4, e->cameo);
        sqlite3_bind_int(st, 5, e->quad);
        text(st, 6, e->status);
        sqlite3_bind_int64(st, 7, e->g10);
        text(st, 8, e->speaker);
        text(st, 9, e->kind);
        text(st, 10, e->code);
        if (step(st) != 0)
            return -1;
    }
    return 0;
}

int store_rollup_remove(store_rollup *r, sqlite3_int64 doc)
{
    for (int t = 0; t < N_TABLES; t++) {
        if (!r->remove[t])
            continue;
        sqlite3_bind_int64(r->remove[t], 1, doc);
        if (step(r->remove[t]) != 0)
            return -1;
    }
    return 0;
}
