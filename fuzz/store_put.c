/* libFuzzer harness: a coded record (the output contract, from dyad code or from
 * anywhere) stored by dyad ingest's writer into an in-memory store, twice: as new,
 * then as a changed version replacing it. Nothing it holds may break the writer. */
#include "../cli/store.h"

#include <stdlib.h>
#include <string.h>

static sqlite3 *db;
static store_writer *writer;

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (!db) {
        char why[256];
        db = store_open_write(":memory:", why, sizeof why);
        writer = db ? store_writer_new(db) : NULL;
        if (!writer)
            abort();
    }
    cJSON *rec = cJSON_ParseWithLength((const char *)data, size);
    if (!rec)
        return 0;
    if (cJSON_IsObject(rec)) {
        store_add_sentences(rec);
        size_t events = 0, quotes = 0;
        sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
        store_put(writer, rec, "h1", &events, &quotes);
        store_put(writer, rec, "h2", &events, &quotes);
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    }
    cJSON_Delete(rec);
    return 0;
}
