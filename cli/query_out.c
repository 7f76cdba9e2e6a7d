/* Writers for dyad query: an aligned table (buffered, to size the columns), CSV and
 * JSON lines (streamed, so exports of millions of rows stay small in memory). */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#define CELL_MAX 48 /* table cells are cut here (in characters) to keep rows on a line */

/* A value as text: NULL stays NULL; reals get one decimal, as the Goldstein scale has. */
static char *cell_text(sqlite3_stmt *st, int c)
{
    char num[64];
    switch (sqlite3_column_type(st, c)) {
    case SQLITE_NULL: return NULL;
    case SQLITE_FLOAT: snprintf(num, sizeof num, "%.1f", sqlite3_column_double(st, c)); break;
    case SQLITE_INTEGER: snprintf(num, sizeof num, "%lld", sqlite3_column_int64(st, c)); break;
    default: return strdup((const char *)sqlite3_column_text(st, c));
    }
    return strdup(num);
}

/* ---- JSON ---- */

static void json_str(FILE *out, const char *s)
{
    if (!s || !*s) { /* unknown codes are '' in the store: null for readers */
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') fprintf(out, "\\%c", *p);
        else if (*p == '\n') fputs("\\n", out);
        else if (*p == '\t') fputs("\\t", out);
        else if (*p < 0x20) fprintf(out, "\\u%04x", *p);
        else fputc(*p, out);
    }
    fputc('"', out);
}

static void json_value(FILE *out, sqlite3_stmt *st, int c)
{
    switch (sqlite3_column_type(st, c)) {
    case SQLITE_NULL: fputs("null", out); break;
    case SQLITE_FLOAT: fprintf(out, "%.1f", sqlite3_column_double(st, c)); break;
    case SQLITE_INTEGER: fprintf(out, "%lld", sqlite3_column_int64(st, c)); break;
    default: json_str(out, (const char *)sqlite3_column_text(st, c));
    }
}

static const char *col(sqlite3_stmt *st, int c)
{
    return (const char *)sqlite3_column_text(st, c);
}

/* plover_context is stored comma-joined; the contract has an array. */
static void json_context(FILE *out, const char *ctx)
{
    fputc('[', out);
    for (const char *p = ctx; p && *p;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char one[128];
        snprintf(one, sizeof one, "%.*s", (int)n, p);
        if (p != ctx)
            fputc(',', out);
        json_str(out, one);
        p = comma ? comma + 1 : p + n;
    }
    fputc(']', out);
}

/* One event in the shape of the output contract, with its document and evidence. */
static void json_event(FILE *out, sqlite3_stmt *st)
{
    fputs("{\"doc\":", out); json_str(out, col(st, L_DOC));
    fputs(",\"event\":", out); json_value(out, st, L_EVENT);
    fputs(",\"day\":", out); json_str(out, col(st, L_DAY));
    fputs(",\"date\":", out); json_str(out, col(st, L_DATE));
    fputs(",\"source\":{\"text\":", out); json_str(out, col(st, L_SOURCE_TEXT));
    fputs(",\"code\":", out); json_str(out, col(st, L_SOURCE));
    fputs("},\"target\":{\"text\":", out); json_str(out, col(st, L_TARGET_TEXT));
    fputs(",\"code\":", out); json_str(out, col(st, L_TARGET));
    fputs("},\"cameo\":", out); json_str(out, col(st, L_CAMEO));
    fputs(",\"goldstein\":", out); json_value(out, st, L_GOLDSTEIN);
    fputs(",\"quad_class\":", out); json_value(out, st, L_QUAD);
    fputs(",\"plover\":{\"type\":", out); json_str(out, col(st, L_PLOVER_TYPE));
    fputs(",\"mode\":", out); json_str(out, col(st, L_PLOVER_MODE));
    fputs(",\"context\":", out); json_context(out, col(st, L_PLOVER_CONTEXT));
    fputs("},\"status\":", out); json_str(out, col(st, L_STATUS));
    fputs(",\"verb\":", out); json_str(out, col(st, L_VERB));
    fputs(",\"evidence\":", out); json_str(out, col(st, L_EVIDENCE));
    fputs(",\"quote\":", out);
    if (sqlite3_column_type(st, L_QUOTE) == SQLITE_NULL) {
        fputs("null", out);
    } else {
        fputs("{\"text\":", out); json_str(out, col(st, L_QUOTE));
        fprintf(out, ",\"direct\":%s", sqlite3_column_int(st, L_QUOTE_DIRECT) ? "true" : "false");
        fputs(",\"cue\":", out); json_str(out, col(st, L_QUOTE_CUE));
        fputs(",\"speaker\":{\"text\":", out); json_str(out, col(st, L_SPEAKER_TEXT));
        fputs(",\"name\":", out); json_str(out, col(st, L_SPEAKER));
        fputs(",\"kind\":", out); json_str(out, col(st, L_SPEAKER_KIND));
        fputs(",\"code\":", out); json_str(out, col(st, L_SPEAKER_CODE));
        fputs("}}", out);
    }
    fputs(",\"title\":", out); json_str(out, col(st, L_TITLE));
    fputs("}\n", out);
}

static void json_row(FILE *out, sqlite3_stmt *st)
{
    fputc('{', out);
    for (int c = 0; c < sqlite3_column_count(st); c++) {
        fputs(c ? "," : "", out);
        json_str(out, sqlite3_column_name(st, c));
        fputc(':', out);
        json_value(out, st, c);
    }
    fputs("}\n", out);
}

/* ---- CSV (RFC 4180) ---- */

static void csv_field(FILE *out, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void csv_row(FILE *out, sqlite3_stmt *st, int header)
{
    for (int c = 0; c < sqlite3_column_count(st); c++) {
        if (c)
            fputc(',', out);
        if (header) {
            csv_field(out, sqlite3_column_name(st, c));
        } else {
            char *t = cell_text(st, c);
            csv_field(out, t);
            free(t);
        }
    }
    fputs("\r\n", out);
}

/* ---- table ---- */

typedef struct sheet {
    int ncols;
    char **cells; /* [rows][ncols] */
    size_t rows, cap;
} sheet;

static int sheet_add(sheet *s, sqlite3_stmt *st)
{
    if (s->rows == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        char **p = realloc(s->cells, cap * (size_t)s->ncols * sizeof *p);
        if (!p)
            return -1;
        s->cells = p;
        s->cap = cap;
    }
    for (int c = 0; c < s->ncols; c++)
        s->cells[s->rows * (size_t)s->ncols + (size_t)c] = cell_text(st, c);
    s->rows++;
    return 0;
}

static void sheet_free(sheet *s)
{
    for (size_t i = 0; i < s->rows * (size_t)s->ncols; i++)
        free(s->cells[i]);
    free(s->cells);
}

/* Characters, not bytes, so that accented names line up. */
static size_t u8_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Prints s in width characters, cut with "~" past CELL_MAX; right-aligned for numbers. */
static void put_cell(FILE *out, const char *s, size_t width, int right)
{
    if (!s || !*s)
        s = "-";
    size_t n = u8_len(s), shown = n > CELL_MAX ? CELL_MAX - 1 : n;
    width = width < shown + (n > shown) ? shown + (n > shown) : width;
    if (right)
        fprintf(out, "%*s", (int)(width - shown), "");
    size_t chars = 0;
    const char *p = s;
    for (; *p && chars < shown; chars++)
        do p++; while (((unsigned char)*p & 0xC0) == 0x80);
    fwrite(s, 1, (size_t)(p - s), out);
    if (n > shown)
        fputc('~', out), shown++;
    if (!right)
        fprintf(out, "%*s", (int)(width - shown), "");
}

/* Counts and scores line up on the right; codes such as "036" stay text. */
static int is_numeric_column(const char *name)
{
    static const char *const numeric[] = {"goldstein", "events", "event", "quad_class"};
    for (size_t i = 0; i < sizeof numeric / sizeof numeric[0]; i++)
        if (strcmp(name, numeric[i]) == 0)
            return 1;
    return 0;
}

static void print_table(FILE *out, const sheet *s, const int *show, int nshow,
                        const char *const *names, int evidence)
{
    size_t width[L_COLUMNS];
    int right[L_COLUMNS];
    for (int k = 0; k < nshow; k++) {
        width[k] = u8_len(names[k]);
        right[k] = is_numeric_column(names[k]);
        for (size_t r = 0; r < s->rows; r++) {
            const char *v = s->cells[r * (size_t)s->ncols + (size_t)show[k]];
            size_t n = v && *v ? u8_len(v) : 1;
            width[k] = n > width[k] ? (n > CELL_MAX ? CELL_MAX : n) : width[k];
        }
    }
    if (nshow > 0 && !right[nshow - 1]) /* no padding after the last column */
        width[nshow - 1] = 0;
    for (int k = 0; k < nshow; k++) {
        put_cell(out, names[k], width[k], right[k]);
        fputs(k + 1 < nshow ? "  " : "\n", out);
    }
    for (size_t r = 0; r < s->rows; r++) {
        char **row = s->cells + r * (size_t)s->ncols;
        for (int k = 0; k < nshow; k++) {
            put_cell(out, row[show[k]], width[k], right[k]);
            fputs(k + 1 < nshow ? "  " : "\n", out);
        }
        if (!evidence)
            continue;
        fprintf(out, "    sentence: %s\n", row[L_EVIDENCE] ? row[L_EVIDENCE] : "-");
        if (row[L_QUOTE])
            fprintf(out, "    quote: \"%s\" (%s; %s%s%s)\n", row[L_QUOTE],
                    row[L_SPEAKER] ? row[L_SPEAKER] : row[L_SPEAKER_TEXT] ? row[L_SPEAKER_TEXT] : "?",
                    row[L_SPEAKER_KIND] ? row[L_SPEAKER_KIND] : "?",
                    row[L_SPEAKER_CODE] ? ", " : "", row[L_SPEAKER_CODE] ? row[L_SPEAKER_CODE] : "");
    }
}

static void write_table(FILE *out, const sheet *s, sqlite3_stmt *st, int listing, int evidence)
{
    static const int list_cols[] = {L_DAY, L_SOURCE, L_CAMEO, L_TARGET, L_STATUS, L_GOLDSTEIN,
                                    L_VERB, L_DOC};
    static const char *const list_names[] = {"day", "source", "cameo", "target", "status",
                                             "goldstein", "verb", "doc"};
    if (listing) {
        print_table(out, s, list_cols, 8, list_names, evidence);
        return;
    }
    int show[L_COLUMNS];
    const char *names[L_COLUMNS];
    int n = s->ncols < L_COLUMNS ? s->ncols : L_COLUMNS;
    for (int c = 0; c < n; c++) {
        show[c] = c;
        names[c] = sqlite3_column_name(st, c);
    }
    print_table(out, s, show, n, names, 0);
}

long query_write(sqlite3_stmt *st, int format, int listing, int evidence, long limit, FILE *out,
                 int *more, char *why, size_t cap)
{
    sheet s = {.ncols = sqlite3_column_count(st)};
    long rows = 0;
    int rc;
    *more = 0;
    if (format == QUERY_CSV)
        csv_row(out, st, 1);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (limit >= 0 && rows == limit) {
            *more = 1;
            break;
        }
        rows++;
        if (format == QUERY_JSON)
            listing ? json_event(out, st) : json_row(out, st);
        else if (format == QUERY_CSV)
            csv_row(out, st, 0);
        else if (sheet_add(&s, st) != 0) {
            rc = SQLITE_NOMEM;
            break;
        }
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        snprintf(why, cap, "%s", rc == SQLITE_NOMEM ? "out of memory"
                                                    : sqlite3_errmsg(sqlite3_db_handle(st)));
        sheet_free(&s);
        return -1;
    }
    if (format == QUERY_TABLE)
        write_table(out, &s, st, listing, evidence);
    sheet_free(&s);
    return rows;
}
