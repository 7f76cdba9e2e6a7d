/* The event store's schema, opening modes and content hash. */
#include "store.h"

#include <string.h>
#include <unistd.h>

/* Tables follow the output contract; spans are byte offsets into documents.text.
 * Unknown actor codes are '' (not NULL) so they group and upsert like any code. */
static const char *const schema[] = {
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS documents(doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
    " hash TEXT NOT NULL, date TEXT, title TEXT, source TEXT, url TEXT, format TEXT,"
    " bytes INTEGER, n_sentences INTEGER, n_tokens INTEGER, failed INTEGER NOT NULL,"
    " errors TEXT, text TEXT)",
    "CREATE TABLE IF NOT EXISTS sentences(doc INTEGER NOT NULL, idx INTEGER NOT NULL,"
    " start INTEGER, end INTEGER, PRIMARY KEY(doc, idx)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS actors(doc INTEGER NOT NULL, idx INTEGER NOT NULL,"
    " start INTEGER, end INTEGER, text TEXT, name TEXT, type TEXT, code TEXT,"
    " PRIMARY KEY(doc, idx)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS dates(doc INTEGER NOT NULL, idx INTEGER NOT NULL,"
    " start INTEGER, end INTEGER, text TEXT, value TEXT, PRIMARY KEY(doc, idx)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS quotes(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL,"
    " idx INTEGER NOT NULL, start INTEGER, end INTEGER, text TEXT, direct INTEGER, cue TEXT,"
    " speaker_text TEXT, speaker_start INTEGER, speaker_end INTEGER, speaker_name TEXT,"
    " speaker_kind TEXT, speaker_code TEXT, denial INTEGER, denies INTEGER, UNIQUE(doc, idx))",
    /* day: the event's own date when it names a day, else the article's date;
     * ev_start/ev_end: the evidence sentence (the event's clause without sentences) */
    "CREATE TABLE IF NOT EXISTS events(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL,"
    " idx INTEGER NOT NULL, day TEXT, date TEXT, sentence INTEGER, start INTEGER, end INTEGER,"
    " ev_start INTEGER, ev_end INTEGER, source_text TEXT, source_code TEXT NOT NULL,"
    " target_text TEXT, target_code TEXT NOT NULL, cameo TEXT NOT NULL, goldstein REAL,"
    " quad_class INTEGER, plover_type TEXT, plover_mode TEXT, plover_context TEXT,"
    " status TEXT NOT NULL, quote INTEGER, quote_id INTEGER, verb TEXT, mentions INTEGER,"
    " spans TEXT, source_start INTEGER, source_end INTEGER, target_start INTEGER,"
    " target_end INTEGER)",
    /* Listings sort by day and filter by status: with both in each index, a filter
     * is answered from the index alone and rows are read only for the shown ones. */
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc)",
    "CREATE INDEX IF NOT EXISTS events_day ON events(day, status)",
    "CREATE INDEX IF NOT EXISTS events_source ON events(source_code, target_code, day, status)",
    "CREATE INDEX IF NOT EXISTS events_target ON events(target_code, day, status)",
    "CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo, day, status)",
    "CREATE INDEX IF NOT EXISTS events_plover ON events(plover_type, day, status)",
    "CREATE INDEX IF NOT EXISTS events_quote ON events(quote_id)",
    /* Counts kept at ingest (store_rollup.c), monthly by who, what, conflict class and
     * speaker, and all-time for top lists, so that aggregates over millions of events
     * read far fewer rows; Goldstein scores in tenths keep the sums exact when a
     * document is replaced. */
    "CREATE TABLE IF NOT EXISTS monthly_dyads(month TEXT NOT NULL, source_code TEXT NOT NULL,"
    " target_code TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL, g10 INTEGER NOT NULL,"
    " PRIMARY KEY(month, source_code, target_code, status)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS monthly_dyads_source ON monthly_dyads(source_code, target_code)",
    "CREATE INDEX IF NOT EXISTS monthly_dyads_target ON monthly_dyads(target_code)",
    /* the conflict/cooperation curve over everything: a few rows per month */
    "CREATE TABLE IF NOT EXISTS monthly_quads(month TEXT NOT NULL, quad_class INTEGER NOT NULL,"
    " status TEXT NOT NULL, n INTEGER NOT NULL, g10 INTEGER NOT NULL,"
    " PRIMARY KEY(month, quad_class, status)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS monthly_speakers(month TEXT NOT NULL, speaker TEXT NOT NULL,"
    " kind TEXT NOT NULL, code TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,"
    " g10 INTEGER NOT NULL, PRIMARY KEY(month, speaker, kind, code, status)) WITHOUT ROWID",
    /* all-time totals for the top lists that span the whole store */
    "CREATE TABLE IF NOT EXISTS totals_dyads(source_code TEXT NOT NULL, target_code TEXT NOT NULL,"
    " status TEXT NOT NULL, n INTEGER NOT NULL, g10 INTEGER NOT NULL,"
    " PRIMARY KEY(source_code, target_code, status)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS totals_actors(actor TEXT NOT NULL, status TEXT NOT NULL,"
    " n INTEGER NOT NULL, g10 INTEGER NOT NULL, PRIMARY KEY(actor, status)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS totals_speakers(speaker TEXT NOT NULL, kind TEXT NOT NULL,"
    " code TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL, g10 INTEGER NOT NULL,"
    " PRIMARY KEY(speaker, kind, code, status)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS monthly_codes(month TEXT NOT NULL, cameo TEXT NOT NULL,"
    " quad_class INTEGER NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,"
    " g10 INTEGER NOT NULL, PRIMARY KEY(month, cameo, quad_class, status)) WITHOUT ROWID",
    "CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5(title, text, content='documents',"
    " content_rowid='doc', tokenize='porter unicode61')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, speaker_name, speaker_text,"
    " content='quotes', content_rowid='id', tokenize='porter unicode61')",
    "INSERT OR IGNORE INTO meta VALUES('schema', '" STORE_SCHEMA_VERSION "')",
};

int store_exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

static int check_version(sqlite3 *db, char *why, size_t cap)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema'", -1, &st, NULL)) {
        snprintf(why, cap, "not a dyad store (%s)", sqlite3_errmsg(db));
        return -1;
    }
    int rc = -1;
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        if (v && strcmp(v, STORE_SCHEMA_VERSION) == 0)
            rc = 0;
        else
            snprintf(why, cap, "store schema version %s, this dyad reads %s", v ? v : "?",
                     STORE_SCHEMA_VERSION);
    } else {
        snprintf(why, cap, "not a dyad store (no schema version)");
    }
    sqlite3_finalize(st);
    return rc;
}

sqlite3 *store_open_write(const char *path, char *why, size_t cap)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)) {
        snprintf(why, cap, "cannot open %s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 5000);
    /* WAL: readers go on while ingest writes; NORMAL sync is durable at checkpoints and
     * never corrupts, which is what a crash (not a power cut) needs. */
    int rc = store_exec(db, "PRAGMA journal_mode=WAL");
    rc = rc ? rc : store_exec(db, "PRAGMA synchronous=NORMAL");
    /* the indexes take random inserts: a page cache that holds them saves re-reads,
     * and fewer, larger checkpoints write each page less often */
    rc = rc ? rc : store_exec(db, "PRAGMA cache_size=-131072");
    rc = rc ? rc : store_exec(db, "PRAGMA wal_autocheckpoint=16384");
    rc = rc ? rc : store_exec(db, "BEGIN IMMEDIATE");
    for (size_t i = 0; rc == SQLITE_OK && i < sizeof schema / sizeof schema[0]; i++)
        rc = store_exec(db, schema[i]);
    rc = rc ? rc : store_exec(db, "COMMIT");
    if (rc != SQLITE_OK) {
        snprintf(why, cap, "%s: %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    if (check_version(db, why, cap) != 0) {
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

sqlite3 *store_open_read(const char *path, char *why, size_t cap)
{
    if (access(path, F_OK) != 0) {
        snprintf(why, cap, "no store at %s (make one with: dyad ingest --db %s ...)", path, path);
        return NULL;
    }
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL)) {
        snprintf(why, cap, "cannot open %s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 5000);
    /* one process per query: mapped pages come from the OS cache without copies */
    store_exec(db, "PRAGMA mmap_size=1073741824");
    if (check_version(db, why, cap) != 0) {
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

/* FNV-1a, 128-bit: no crypto library needed, and collisions between versions of
 * one document id are what matters, not adversaries. */
static const unsigned __int128 FNV128_PRIME =
    ((unsigned __int128)0x0000000001000000ULL << 64) | 0x000000000000013BULL;

void store_hash_init(store_hash *h)
{
    h->h = ((unsigned __int128)0x6c62272e07bb0142ULL << 64) | 0x62b821756295c58dULL;
}

void store_hash_add(store_hash *h, const void *data, size_t len)
{
    const unsigned char *p = data;
    unsigned __int128 x = h->h;
    for (size_t i = 0; i < len; i++) {
        x ^= p[i];
        x *= FNV128_PRIME;
    }
    h->h = x;
}

void store_hash_hex(const store_hash *h, char out[33])
{
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)(h->h >> 64),
             (unsigned long long)h->h);
}
