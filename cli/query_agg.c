/* SQL of the aggregates: counts and Goldstein sums by period (--by) and top lists
 * (--top), from the counts kept at ingest (monthly or all-time) when the filters
 * allow, else from the events. */
#include "query.h"

/* One source of rows: the table, its period expressions, a row's count and its
 * Goldstein score in tenths (integers keep sums exact). */
typedef struct agg_src {
    const char *from, *n, *g10, *src, *tgt, *cameo;
    const char *actor; /* a table with one row per side of an event, or NULL */
    const char *period[4]; /* by BY_* */
    int monthly;
} agg_src;

static const agg_src EVENTS_SRC = {
    "events e", "1", "CAST(round(coalesce(e.goldstein, 0) * 10) AS INTEGER)",
    "e.source_code", "e.target_code", "e.cameo", NULL,
    {"NULL", "e.day", "date(e.day, 'weekday 0', '-6 days')", "substr(e.day, 1, 7)"}, 0};
static const agg_src DYADS_SRC = {
    "monthly_dyads m", "m.n", "m.g10", "m.source_code", "m.target_code", "NULL", NULL,
    {"NULL", "NULL", "NULL", "m.month"}, 1};
static const agg_src QUADS_SRC = {
    "monthly_quads m", "m.n", "m.g10", "NULL", "NULL", "NULL", NULL,
    {"NULL", "NULL", "NULL", "m.month"}, 1};
static const agg_src SPEAKERS_SRC = {
    "monthly_speakers m", "m.n", "m.g10", "NULL", "NULL", "NULL", NULL,
    {"NULL", "NULL", "NULL", "m.month"}, 1};
static const agg_src TOTAL_DYADS_SRC = {
    "totals_dyads m", "m.n", "m.g10", "m.source_code", "m.target_code", "NULL", NULL,
    {"NULL", "NULL", "NULL", "NULL"}, 1};
static const agg_src TOTAL_ACTORS_SRC = {
    "totals_actors m", "m.n", "m.g10", "NULL", "NULL", "NULL", "m.actor",
    {"NULL", "NULL", "NULL", "NULL"}, 1};
static const agg_src TOTAL_SPEAKERS_SRC = {
    "totals_speakers m", "m.n", "m.g10", "NULL", "NULL", "NULL", NULL,
    {"NULL", "NULL", "NULL", "NULL"}, 1};
static const agg_src CODES_SRC = {
    "monthly_codes m", "m.n", "m.g10", "NULL", "NULL", "m.cameo", NULL,
    {"NULL", "NULL", "NULL", "m.month"}, 1};

/* Sums of tenths back on the Goldstein scale. */
#define GSUM "round(sum(g) / 10.0, 1) AS goldstein"

/* "SELECT <keys>, n, g FROM src WHERE filters": the rows to group. */
static void rows(query_sql *q, const agg_src *s, const query_filter *f, const char *keys)
{
    query_sql_add(q, "SELECT %s, %s AS n, %s AS g FROM %s WHERE %s", keys, s->n, s->g10, s->from,
                  s->monthly ? "1" : "e.day IS NOT NULL");
    query_where(q, f, s->monthly ? WHERE_MONTHLY : WHERE_EVENTS);
}

/* Both sides of every event, for per-actor counts. */
static void actor_rows(query_sql *q, const agg_src *s, const query_filter *f, const char *period)
{
    char keys[160];
    snprintf(keys, sizeof keys, "%s AS period, %s AS actor", period, s->src);
    rows(q, s, f, keys);
    query_sql_add(q, " UNION ALL ");
    snprintf(keys, sizeof keys, "%s AS period, %s AS actor", period, s->tgt);
    rows(q, s, f, keys);
}

static void by_sql(query_sql *q, const agg_src *s, const query_filter *f, int by, int per)
{
    char keys[200];
    const char *period = s->period[by];
    if (per == PER_ACTOR) {
        query_sql_add(q, "SELECT period, actor, sum(n) AS events, " GSUM " FROM (");
        actor_rows(q, s, f, period);
        query_sql_add(q, ") GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY 1, 3 DESC, 2");
    } else if (per == PER_NONE) {
        snprintf(keys, sizeof keys, "%s AS period", period);
        query_sql_add(q, "SELECT period, sum(n) AS events, " GSUM " FROM (");
        rows(q, s, f, keys);
        query_sql_add(q, ") GROUP BY 1 HAVING sum(n) > 0 ORDER BY 1");
    } else {
        snprintf(keys, sizeof keys, "%s AS period, %s AS source, %s AS target", period, s->src, s->tgt);
        query_sql_add(q, "SELECT period, source, target, sum(n) AS events, " GSUM " FROM (");
        rows(q, s, f, keys);
        query_sql_add(q, ") GROUP BY 1, 2, 3 HAVING sum(n) > 0 ORDER BY 1, 4 DESC, 2, 3");
    }
}

static void top_sql(query_sql *q, const agg_src *s, const query_filter *f, int top, long limit)
{
    char keys[200];
    if (top == TOP_ACTORS) {
        query_sql_add(q, "SELECT actor, sum(n) AS events, " GSUM " FROM (");
        if (s->actor) /* already one row per side */
            rows(q, s, f, "m.actor AS actor");
        else
            actor_rows(q, s, f, "NULL");
        query_sql_add(q, ") GROUP BY 1 HAVING sum(n) > 0 ORDER BY 2 DESC, 1");
    } else if (top == TOP_DYADS) {
        snprintf(keys, sizeof keys, "%s AS source, %s AS target", s->src, s->tgt);
        query_sql_add(q, "SELECT source, target, sum(n) AS events, " GSUM " FROM (");
        rows(q, s, f, keys);
        query_sql_add(q, ") GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY 3 DESC, 1, 2");
    } else if (top == TOP_CODES) {
        snprintf(keys, sizeof keys, "%s AS cameo", s->cameo);
        query_sql_add(q, "SELECT cameo, sum(n) AS events, " GSUM " FROM (");
        rows(q, s, f, keys);
        query_sql_add(q, ") GROUP BY 1 HAVING sum(n) > 0 ORDER BY 2 DESC, 1");
    } else if (s->monthly) { /* speakers: who the events' quotations come from */
        query_sql_add(q, "SELECT speaker, kind, code, sum(n) AS events, " GSUM " FROM (");
        rows(q, s, f, "m.speaker AS speaker, m.kind AS kind, m.code AS code");
        query_sql_add(q, ") GROUP BY 1, 2, 3 HAVING sum(n) > 0 ORDER BY 4 DESC, 1, 2, 3");
    } else { /* '' for what is unknown, as in the monthly counts */
        agg_src quoted = *s;
        quoted.from = "events e JOIN quotes qq ON qq.id = e.quote_id";
        query_sql_add(q, "SELECT speaker, kind, code, sum(n) AS events, " GSUM " FROM (");
        rows(q, &quoted, f, "coalesce(qq.speaker_name, qq.speaker_text, '') AS speaker,"
                            " coalesce(qq.speaker_kind, '') AS kind,"
                            " coalesce(qq.speaker_code, '') AS code");
        query_sql_add(q, ") GROUP BY 1, 2, 3 HAVING sum(n) > 0 ORDER BY 4 DESC, 1, 2, 3");
    }
    if (limit >= 0) {
        query_sql_add(q, " LIMIT ?");
        query_sql_bind_int(q, limit + 1);
    }
}

void query_agg_sql(query_sql *q, const query_filter *f, int by, int per, int top, long limit)
{
    int monthly = query_fits_monthly(f, by, per, top);
    const agg_src *s = monthly == MONTHLY_DYADS ? &DYADS_SRC
                     : monthly == MONTHLY_CODES ? &CODES_SRC
                     : monthly == MONTHLY_QUADS ? &QUADS_SRC
                     : monthly == MONTHLY_SPEAKERS ? &SPEAKERS_SRC
                     : monthly == TOTALS_DYADS ? &TOTAL_DYADS_SRC
                     : monthly == TOTALS_ACTORS ? &TOTAL_ACTORS_SRC
                     : monthly == TOTALS_SPEAKERS ? &TOTAL_SPEAKERS_SRC : &EVENTS_SRC;
    if (top != TOP_NONE)
        top_sql(q, s, f, top, limit);
    else
        by_sql(q, s, f, by, per);
}
