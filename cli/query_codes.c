/* CAMEO codes and PLOVER types that --cameo and --plover accept, read from the
 * project's generated table data/events/cameo.tsv ($DYAD_EVENTS; never typed into C). */
#include "cli.h"
#include "query.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

typedef struct code_table {
    char (*codes)[8];   /* [n_codes] CAMEO codes */
    char (*plover)[24]; /* [n_plover] distinct PLOVER types */
    size_t n_codes, n_plover;
    int loaded;         /* 1 read, -1 missing: formats are checked, not membership */
} code_table;

static code_table table;

static void add_plover(const char *t)
{
    for (size_t i = 0; i < table.n_plover; i++)
        if (strcmp(table.plover[i], t) == 0)
            return;
    void *p = realloc(table.plover, (table.n_plover + 1) * sizeof *table.plover);
    if (!p)
        return;
    table.plover = p;
    size_t len = strlen(t);
    len = len < sizeof *table.plover ? len : sizeof *table.plover - 1;
    memcpy(table.plover[table.n_plover], t, len);
    table.plover[table.n_plover++][len] = '\0';
}

/* Columns: code, root, goldstein, quad, plover_type, ...; '#' starts a comment. */
static void load_table(void)
{
    char path[PATH_MAX + 16], line[1024];
    if (table.loaded)
        return;
    snprintf(path, sizeof path, "%s/cameo.tsv", cli_default_events()); /* as dyad code finds it */
    FILE *f = fopen(path, "r");
    table.loaded = f ? 1 : -1;
    while (f && fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *fields[5] = {line};
        int n = 1;
        for (char *p = line; *p && n < 5; p++)
            if (*p == '\t') {
                *p = '\0';
                fields[n++] = p + 1;
            }
        size_t len = strlen(fields[0]);
        void *grown = len < sizeof *table.codes ?
            realloc(table.codes, (table.n_codes + 1) * sizeof *table.codes) : NULL;
        if (!grown)
            continue;
        table.codes = grown;
        memcpy(table.codes[table.n_codes++], fields[0], len + 1);
        if (n == 5) {
            fields[4][strcspn(fields[4], "\t\r\n")] = '\0';
            if (fields[4][0])
                add_plover(fields[4]);
        }
    }
    if (f)
        fclose(f);
}

int query_cameo_check(const char *code, query_code *c)
{
    size_t n = strlen(code);
    int ok = n >= 2 && n <= 4;
    for (size_t i = 0; ok && i < n; i++)
        ok = isdigit((unsigned char)code[i]) != 0;
    if (!ok)
        return cli_usage_error("query", "--cameo takes a CAMEO code or root of 2 to 4 digits, "
                               "such as 036 or 03, not '%s'", code);
    load_table();
    size_t i = 0;
    while (table.loaded > 0 && i < table.n_codes && strcmp(table.codes[i], code) != 0)
        i++;
    if (table.loaded > 0 && i == table.n_codes)
        return cli_usage_error("query", "unknown CAMEO code '%s'", code);
    memcpy(c->lo, code, n + 1);
    memcpy(c->hi, code, n + 1);
    c->hi[n - 1]++; /* a code stands for itself and its sub-codes: 036 -> 0361 ... */
    c->set = c->prefix = 1;
    return EXIT_OK;
}

int query_plover_check(const char *type, char out[40])
{
    size_t n = strlen(type);
    int ok = n >= 1 && n < 40;
    for (size_t i = 0; ok && i < n; i++)
        ok = isalpha((unsigned char)type[i]) || type[i] == '_' || type[i] == '-';
    if (!ok)
        return cli_usage_error("query", "--plover takes a PLOVER type such as AGREE, not '%s'", type);
    for (size_t i = 0; i <= n; i++)
        out[i] = (char)toupper((unsigned char)type[i]);
    load_table();
    for (size_t i = 0; i < table.n_plover; i++)
        if (strcmp(table.plover[i], out) == 0)
            return EXIT_OK;
    if (table.loaded < 0 || table.n_plover == 0)
        return EXIT_OK;
    char known[512] = "";
    size_t len = 0;
    for (size_t i = 0; i < table.n_plover && len < sizeof known; i++)
        len += (size_t)snprintf(known + len, sizeof known - len, "%s%s", i ? ", " : "",
                                table.plover[i]);
    return cli_usage_error("query", "unknown PLOVER type '%s' (one of: %s)", type, known);
}
