/* dyad query: reads the event store (read-only) with filters, listings, aggregates. */
#include "cli.h"
#include "query.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void help_query(FILE *out)
{
    fprintf(out,
        "usage: dyad query --db FILE [filters] [--by PERIOD | --top WHAT] [output]\n\n"
        "Lists the events of a store made by dyad ingest, oldest first, with their\n"
        "evidence, or aggregates them. Codes are CAMEO-style actor codes.\n\n"
        "filters (all must hold):\n"
        "  --actor CODE      source or target is CODE; CODE* is a prefix (RUS* = RUS, RUSGOV...)\n"
        "  --source CODE     the source is CODE (or CODE*)\n"
        "  --target CODE     the target is CODE (or CODE*)\n"
        "  --dyad A-B        source A and target B, e.g. RUS-USA or RUS*-USA*\n"
        "  --both-ways       --dyad matches B-A too\n"
        "  --cameo CODE      a CAMEO code (036) or root (03), with its sub-codes\n"
        "  --plover TYPE     a PLOVER event type (AGREE, ASSAULT, ...)\n"
        "  --quad N          quad class: 1 verbal cooperation, 2 material cooperation,\n"
        "                    3 verbal conflict, 4 material conflict\n"
        "  --status LIST     only these statuses (comma-separated): asserted, reported,\n"
        "                    denied, negated, hypothetical, future\n"
        "  --all-statuses    every status (by default denied, negated and hypothetical\n"
        "                    events are left out)\n"
        "  --from DATE       on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)\n"
        "  --to DATE         on or before DATE (a month or year: to its last day)\n"
        "  --speaker TEXT    the event's quotation is attributed to TEXT (words of a name\n"
        "                    or of a phrase such as \"close to the Kremlin\")\n"
        "  --match QUERY     the document's title or text matches an FTS5 query\n"
        "  --quote-match Q   the event's quotation matches an FTS5 query\n\n"
        "aggregates:\n"
        "  --by PERIOD       day, week (from Monday) or month: events and Goldstein sum\n"
        "  --per WHAT        with --by: dyad (default), actor (each side counts) or none\n"
        "  --top WHAT        actors, dyads, speakers or codes, most events first\n\n"
        "output:\n"
        "  --json            JSON lines (events in the shape of the output contract)\n"
        "  --csv             CSV with a header row\n"
        "  --evidence        in the table, each event's sentence and quotation\n"
        "  --limit N         at most N rows (default 100 events or 10 top rows; 0: all)\n\n"
        "An event's day is its own date when that names a day, else its article's date;\n"
        "aggregates count the events that have a day. The store is opened read-only.\n"
        "exit status: 0 done, 2 bad usage or filter, 3 no store or a store error.\n"
        "examples:\n"
        "  dyad query --db news.db --dyad RUS-USA --both-ways --from 2024-01 --to 2024-01 --evidence\n"
        "  dyad query --db news.db --actor RUS* --by month --per actor --csv\n"
        "  dyad query --db news.db --top speakers --match 'talks NEAR ceasefire'\n");
}

/* Runs the listing or the aggregate; returns an exit code. */
static int run_query(sqlite3 *db, const query_options *o)
{
    query_sql q = {0};
    int listing = o->by == BY_NONE && o->top == TOP_NONE;
    long limit = o->limit_set ? o->limit : o->by != BY_NONE ? -1 : o->top != TOP_NONE ? 10 : 100;
    if (listing)
        query_list_sql(&q, &o->f, limit, limit >= 0 && query_matches_many(db, &o->f));
    else
        query_agg_sql(&q, &o->f, o->by, o->per, o->top, o->by != BY_NONE ? -1 : limit);
    char why[512];
    sqlite3_stmt *st = query_sql_prepare(db, &q, why, sizeof why);
    int more = 0;
    long rows = st ? query_write(st, o->format, listing, o->evidence, limit, stdout, &more, why,
                                 sizeof why) : -1;
    sqlite3_finalize(st);
    query_sql_free(&q);
    if (rows < 0) {
        /* FTS5 rejects a malformed query only when it runs */
        int fts = strstr(why, "fts5") != NULL;
        fprintf(stderr, "dyad query: %s%s\n", fts ? "bad full-text query: " : "", why);
        return fts ? EXIT_USAGE : EXIT_RUNTIME;
    }
    if (more)
        fprintf(stderr, "dyad query: first %ld rows shown (--limit N for more, --limit 0 for all)\n",
                limit);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_RUNTIME;
}

int cmd_query(int argc, char **argv)
{
    query_options o = {.limit = -1};
    int parsed = query_parse(argc, argv, &o);
    if (parsed != EXIT_OK)
        return parsed;
    char why[512];
    sqlite3 *db = store_open_read(o.db, why, sizeof why);
    if (!db) {
        fprintf(stderr, "dyad query: %s\n", why);
        return EXIT_RUNTIME;
    }
    int rc = run_query(db, &o);
    sqlite3_close(db);
    return rc;
}
