/* dyad query internals: validated filters, SQL built with bound values only, and
 * the writers (aligned table, CSV, JSON lines). */
#ifndef DYAD_QUERY_H
#define DYAD_QUERY_H

#include "store.h"

/* An actor code or a prefix ("RUS*"): prefix rows match lo <= code < hi. */
typedef struct query_code {
    char lo[40], hi[40];
    int set, prefix;
} query_code;

enum { QUERY_TABLE, QUERY_CSV, QUERY_JSON };
enum { BY_NONE, BY_DAY, BY_WEEK, BY_MONTH };
enum { PER_DYAD, PER_ACTOR, PER_NONE };
enum { TOP_NONE, TOP_ACTORS, TOP_DYADS, TOP_SPEAKERS, TOP_CODES };

typedef struct query_filter {
    query_code actor, source, target, dyad_a, dyad_b;
    int both_ways;
    query_code cameo;        /* a code is also the prefix of its sub-codes */
    char plover[40];         /* "" when not filtered */
    int quad;                /* 0 when not filtered */
    const char *statuses[8]; /* wanted statuses; n_statuses 0 = the default set */
    int n_statuses, all_statuses;
    char from[11], to[11];   /* YYYY-MM-DD inclusive; "" when open */
    char speaker[512];       /* an FTS5 phrase query on the speaker's name or words */
    const char *match, *quote_match; /* FTS5 queries as the user wrote them */
} query_filter;

typedef struct query_options {
    const char *db;
    query_filter f;
    int format, by, per, top, evidence;
    long limit; /* -1: all */
    int limit_set;
} query_options;

/* Reads and checks the options; EXIT_OK, or EXIT_USAGE after naming the problem. */
int query_parse(int argc, char **argv, query_options *o);

/* --cameo: 2-4 digits, and a code of data/events/cameo.tsv when that table is there. */
int query_cameo_check(const char *code, query_code *c);
/* --plover: a PLOVER type of that table (upper-cased into out). */
int query_plover_check(const char *type, char out[40]);

/* SQL text with '?' placeholders and the values to bind, in order. */
typedef struct query_sql {
    char *text;
    size_t len, cap;
    struct {
        const char *s; /* NULL: integer i */
        long long i;
    } binds[64];
    int n_binds, oom;
} query_sql;

void query_sql_add(query_sql *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void query_sql_bind_text(query_sql *q, const char *s);
void query_sql_bind_int(query_sql *q, long long i);
void query_sql_free(query_sql *q);
/* Prepares q and binds its values; NULL with the SQLite message in why[cap]. */
sqlite3_stmt *query_sql_prepare(sqlite3 *db, const query_sql *q, char *why, size_t cap);

/* Which counts kept at ingest (monthly, or all-time totals) an aggregate can read
 * instead of the events. */
enum { MONTHLY_NONE, MONTHLY_DYADS, MONTHLY_CODES, MONTHLY_QUADS, MONTHLY_SPEAKERS,
       TOTALS_DYADS, TOTALS_ACTORS, TOTALS_SPEAKERS };
int query_fits_monthly(const query_filter *f, int by, int per, int top);
/* Which rows a condition reads: the monthly counts (alias m), the events (alias e),
 * or the events walked in day order (their code indexes disabled). */
enum { WHERE_EVENTS, WHERE_MONTHLY, WHERE_BY_DAY };
/* Appends " AND cond" for every filter. */
void query_where(query_sql *q, const query_filter *f, int mode);
/* Builds the event listing (limit < 0: no limit); by_day walks the days in order. */
void query_list_sql(query_sql *q, const query_filter *f, long limit, int by_day);
/* 1 when the filters match so many events that walking the days in order finds the
 * first rows soonest; decided by a count capped at a few thousand rows. */
int query_matches_many(sqlite3 *db, const query_filter *f);
/* Builds an aggregate: --by with --per, or --top (limit rows). */
void query_agg_sql(query_sql *q, const query_filter *f, int by, int per, int top, long limit);

/* Column indexes of query_list_sql's rows. */
enum {
    L_DOC, L_EVENT, L_DAY, L_DATE, L_SOURCE_TEXT, L_SOURCE, L_CAMEO, L_TARGET_TEXT, L_TARGET,
    L_STATUS, L_GOLDSTEIN, L_QUAD, L_PLOVER_TYPE, L_PLOVER_MODE, L_PLOVER_CONTEXT, L_VERB,
    L_EVIDENCE, L_QUOTE, L_QUOTE_DIRECT, L_QUOTE_CUE, L_SPEAKER_TEXT, L_SPEAKER, L_SPEAKER_KIND,
    L_SPEAKER_CODE, L_TITLE, L_COLUMNS
};

/* Writes up to limit rows of st (limit < 0: all); listing: st is query_list_sql's.
 * *more is set when a row was left out. Returns the rows written, or -1 when SQLite
 * failed (its message in why[cap]). */
long query_write(sqlite3_stmt *st, int format, int listing, int evidence, long limit, FILE *out,
                 int *more, char *why, size_t cap);

#endif
