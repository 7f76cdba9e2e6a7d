/* dyad ingest: coded records (dyad code output) or articles into the event store,
 * in batched transactions, skipping documents already stored unchanged. */
#include "cli.h"
#include "store.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_BATCH 500

typedef struct ingest_options {
    const char *db, *model;
    int coded; /* 1 --coded, 0 --articles, -1 detect per input */
    int quiet, batch;
    const char **inputs; /* [n_inputs]; none means stdin */
    int n_inputs;
} ingest_options;

typedef struct ingest_run {
    const ingest_options *opt;
    sqlite3 *db;
    store_writer *w;
    ingest_coder *coder; /* made on the first article input */
    size_t docs, added, replaced, unchanged, bad, events, quotes, in_batch;
    size_t crash_after; /* test hook: SIGKILL after this many documents (0: never) */
    double start, last_progress;
    double bytes_done, bytes_total; /* for the ETA; total 0 when unknown (stdin) */
    int progress, failed;
} ingest_run;

void help_ingest(FILE *out)
{
    fprintf(out,
        "usage: dyad ingest --db FILE [options] [FILE|DIR|-]...\n\n"
        "Stores coded documents in an SQLite event store (made when missing): documents,\n"
        "sentence offsets, actors, dates, quotes with their speakers, and events with\n"
        "every field of the output contract, with full-text search over document text\n"
        "and quotations. Inputs are `dyad code` output (JSON lines with \"stats\",\n"
        "\"actors\" or \"events\"; detected per file) or articles, which are coded here\n"
        "(see dyad code --help for their formats). For many articles, code in parallel\n"
        "and pipe: dyad code --text --threads 2 DIR | dyad ingest --db FILE\n\n"
        "A document id already stored with the same content is skipped; with other\n"
        "content, its old records are replaced. Work is committed in batches, so an\n"
        "interrupted run leaves a consistent store and a rerun finishes the job.\n\n"
        "options:\n"
        "  --db FILE       the store (required)\n"
        "  --coded         inputs are dyad code output (default: detected)\n"
        "  --articles      inputs are articles to code (default: detected)\n"
        "  --model FILE    tagger/parser model for articles (default: the shipped one)\n"
        "  --no-model      code articles without the model (tokens and dates only)\n"
        "  --batch N       documents per transaction (default %d)\n"
        "  -q, --quiet     no progress, no summary, no per-record errors\n\n"
        "Progress (documents/s, ETA) is shown when stderr is a terminal; a summary is\n"
        "printed at the end. exit status: 0 all stored, 1 some records were not JSON\n"
        "objects with an id (each is named on stderr), 2 bad usage, 3 store error.\n",
        DEFAULT_BATCH);
}

static int parse_options(int argc, char **argv, ingest_options *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--coded") == 0) o->coded = 1;
        else if (strcmp(a, "--articles") == 0) o->coded = 0;
        else if (strcmp(a, "--no-model") == 0) o->model = "";
        else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) o->quiet = 1;
        else if (strcmp(a, "--db") == 0 || strcmp(a, "--model") == 0 || strcmp(a, "--batch") == 0) {
            if (!next)
                return cli_usage_error("ingest", "%s needs a value", a);
            i++;
            if (strcmp(a, "--db") == 0) o->db = next;
            else if (strcmp(a, "--model") == 0) o->model = next;
            else {
                char *end;
                long n = strtol(next, &end, 10);
                if (*end || n < 1 || n > 1000000)
                    return cli_usage_error("ingest", "--batch takes a number from 1 to 1000000, not '%s'", next);
                o->batch = (int)n;
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            return cli_usage_error("ingest", "unknown option '%s'", a);
        } else {
            o->inputs[o->n_inputs++] = a;
        }
    }
    if (!o->db)
        return cli_usage_error("ingest", "which store? give --db FILE");
    return EXIT_OK;
}

static void show_progress(const ingest_run *r, int done)
{
    double secs = cli_now() - r->start;
    double rate = secs > 0 ? (double)r->docs / secs : 0;
    fprintf(stderr, "\r%zu documents (%zu new, %zu replaced, %zu unchanged), %.0f docs/s",
            r->docs, r->added, r->replaced, r->unchanged, rate);
    if (!done && r->bytes_total > 0 && r->bytes_done > 0 && r->bytes_done < r->bytes_total) {
        double left = secs * (r->bytes_total - r->bytes_done) / r->bytes_done;
        fprintf(stderr, ", %.0f%%, ETA %d:%02d", 100.0 * r->bytes_done / r->bytes_total,
                (int)left / 60, (int)left % 60);
    }
    fputs(done ? "\n" : "     ", stderr);
}

/* Commits every opt->batch documents; the next transaction starts at once. */
static int end_document(ingest_run *r)
{
    r->docs++;
    if (r->crash_after && r->docs == r->crash_after)
        raise(SIGKILL); /* mid-transaction, as a real crash would be */
    if (++r->in_batch >= (size_t)r->opt->batch) {
        if (store_exec(r->db, "COMMIT") || store_exec(r->db, "BEGIN IMMEDIATE"))
            return -1;
        r->in_batch = 0;
    }
    if (r->progress && cli_now() - r->last_progress > 0.25) {
        show_progress(r, 0);
        r->last_progress = cli_now();
    }
    return 0;
}

/* Stores one parsed record; -1 only when the store itself fails. */
static int put_record(ingest_run *r, const cJSON *rec, const char *hash, const char *where)
{
    size_t ev, qu;
    if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(rec, "id"))) {
        if (!r->opt->quiet)
            fprintf(stderr, "dyad ingest: %s: not a coded record (no \"id\"): skipped\n", where);
        r->bad++;
        return end_document(r);
    }
    switch (store_put(r->w, rec, hash, &ev, &qu)) {
    case STORE_NEW: r->added++; break;
    case STORE_REPLACED: r->replaced++; break;
    case STORE_UNCHANGED: r->unchanged++; break;
    case STORE_ERROR:
        fprintf(stderr, "dyad ingest: %s: %s\n", where, store_writer_error(r->w));
        return -1;
    }
    r->events += ev;
    r->quotes += qu;
    return end_document(r);
}

/* One line of dyad code output; its hash is that of its bytes. */
static int ingest_line(ingest_run *r, char *line, size_t len, const char *name, size_t lineno)
{
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
    r->bytes_done += (double)len + 1;
    if (len == 0)
        return 0;
    char where[512], hash[33];
    snprintf(where, sizeof where, "%s:%zu", name, lineno);
    store_hash h;
    store_hash_init(&h);
    store_hash_add(&h, line, len);
    store_hash_hex(&h, hash);
    cJSON *rec = cJSON_ParseWithLength(line, len);
    if (!cJSON_IsObject(rec)) {
        if (!r->opt->quiet)
            fprintf(stderr, "dyad ingest: %s: not a JSON object: skipped\n", where);
        r->bad++;
        cJSON_Delete(rec);
        return end_document(r);
    }
    store_add_sentences(rec);
    int rc = put_record(r, rec, hash, where);
    cJSON_Delete(rec);
    return rc;
}

/* Reads coded lines from f; first (when not NULL) is a line already read. */
static int ingest_coded(ingest_run *r, FILE *f, const char *name, char *first)
{
    size_t lineno = 1, cap = 0;
    char *line = NULL;
    ssize_t n;
    int rc = first ? ingest_line(r, first, strlen(first), name, lineno) : 0;
    if (!first)
        lineno = 0;
    while (rc == 0 && (n = getline(&line, &cap, f)) >= 0)
        rc = ingest_line(r, line, (size_t)n, name, ++lineno);
    free(line);
    return rc;
}

/* A record of dyad code output names its stats, actors or events. */
static int looks_coded(const char *line)
{
    cJSON *rec = cJSON_Parse(line);
    int coded = cJSON_IsObject(rec) && (cJSON_HasObjectItem(rec, "stats") ||
                cJSON_HasObjectItem(rec, "actors") || cJSON_HasObjectItem(rec, "events"));
    cJSON_Delete(rec);
    return coded;
}

static int known(void *ctx, const char *id, const char *hash)
{
    ingest_run *r = ctx;
    if (!store_has(r->w, id, hash))
        return 0;
    r->unchanged++;
    return end_document(r) == 0 ? 1 : -1;
}

static int put_coded(void *ctx, const cJSON *rec, const char *hash, const char *where)
{
    return put_record(ctx, rec, hash, where);
}

/* Articles at path (or stdin, whose first line was already read) through the coder. */
static int ingest_articles(ingest_run *r, const char *path, const char *first, size_t len)
{
    char why[512];
    if (!r->coder && !(r->coder = ingest_coder_new(r->opt->model, r->opt->quiet, why, sizeof why))) {
        fprintf(stderr, "dyad ingest: %s\n", why);
        return -1;
    }
    ingest_sink sink = {r, known, put_coded, &r->bytes_done};
    return ingest_coder_run(r->coder, path, first, len, &sink);
}

/* Decides per input: coded lines are stored here, articles go to the coder. */
static int ingest_input(ingest_run *r, const char *path)
{
    int is_stdin = strcmp(path, "-") == 0;
    struct stat sb;
    if (!is_stdin && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        if (r->opt->coded != 1)
            return ingest_articles(r, path, NULL, 0); /* a directory holds articles */
        fprintf(stderr, "dyad ingest: %s is a directory: --coded reads files of dyad code "
                "output or stdin\n", path);
        r->bad++;
        return 0;
    }
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    if (!f) {
        fprintf(stderr, "dyad ingest: cannot read %s: %s\n", path, strerror(errno));
        r->bad++;
        return 0;
    }
    char *first = NULL;
    size_t cap = 0;
    ssize_t n = r->opt->coded == 0 ? -1 : getline(&first, &cap, f);
    int rc;
    if (r->opt->coded == 1 || (n > 0 && looks_coded(first)))
        rc = ingest_coded(r, f, path, n > 0 ? first : NULL);
    else if (is_stdin)
        rc = ingest_articles(r, "-", first, n > 0 ? (size_t)n : 0);
    else
        rc = ingest_articles(r, path, NULL, 0);
    free(first);
    if (!is_stdin)
        fclose(f);
    return rc;
}

static double input_bytes(const ingest_options *o)
{
    double total = 0;
    struct stat sb;
    for (int i = 0; i < o->n_inputs; i++) {
        if (strcmp(o->inputs[i], "-") == 0 || stat(o->inputs[i], &sb) != 0 || !S_ISREG(sb.st_mode))
            return 0; /* unknown: no ETA */
        total += (double)sb.st_size;
    }
    return total;
}

static void summary(const ingest_run *r)
{
    double secs = cli_now() - r->start;
    if (r->progress)
        show_progress(r, 1);
    fprintf(stderr, "dyad ingest: %zu documents (%zu new, %zu replaced, %zu unchanged, "
            "%zu skipped), %zu events, %zu quotes stored in %.2f s (%.0f docs/s, "
            "%.0f events/s) into %s\n", r->docs, r->added, r->replaced, r->unchanged, r->bad,
            r->events, r->quotes, secs, secs > 0 ? (double)r->docs / secs : 0,
            secs > 0 ? (double)r->events / secs : 0, r->opt->db);
}

static int ingest_all(ingest_run *r)
{
    const ingest_options *o = r->opt;
    if (store_exec(r->db, "BEGIN IMMEDIATE"))
        return -1;
    int rc = 0;
    for (int i = 0; rc == 0 && i < o->n_inputs; i++)
        rc = ingest_input(r, o->inputs[i]);
    if (rc == 0 && o->n_inputs == 0)
        rc = ingest_input(r, "-");
    if (rc != 0) {
        store_exec(r->db, "ROLLBACK");
        return -1;
    }
    if (store_exec(r->db, "COMMIT"))
        return -1;
    /* fresh planner statistics, sampled so that this stays fast on big stores */
    if (r->added + r->replaced > 0)
        store_exec(r->db, "PRAGMA analysis_limit=1000; ANALYZE");
    return 0;
}

int cmd_ingest(int argc, char **argv)
{
    const char *inputs[argc > 0 ? argc : 1];
    ingest_options o = {.coded = -1, .batch = DEFAULT_BATCH, .inputs = inputs};
    int parsed = parse_options(argc, argv, &o);
    if (parsed != EXIT_OK)
        return parsed;
    char why[512];
    ingest_run r = {.opt = &o, .progress = isatty(STDERR_FILENO) && !o.quiet};
    const char *crash = getenv("DYAD_INGEST_CRASH_AFTER");
    r.crash_after = crash ? strtoul(crash, NULL, 10) : 0;
    r.db = store_open_write(o.db, why, sizeof why);
    if (!r.db) {
        fprintf(stderr, "dyad ingest: %s\n", why);
        return EXIT_RUNTIME;
    }
    r.w = store_writer_new(r.db);
    r.start = r.last_progress = cli_now();
    r.bytes_total = input_bytes(&o);
    int rc = r.w ? ingest_all(&r) : -1;
    if (rc != 0)
        fprintf(stderr, "dyad ingest: stopped: %s (work up to the last commit is kept)\n",
                sqlite3_errmsg(r.db));
    else if (!o.quiet)
        summary(&r);
    store_writer_free(r.w);
    ingest_coder_free(r.coder);
    sqlite3_close(r.db);
    return rc != 0 ? EXIT_RUNTIME : r.bad ? EXIT_DOC_FAILED : EXIT_OK;
}
