/* Tests of the date stage: the spec file, the calendar, hostile inputs. */
#include "test.h"

#include "../src/dates/dates.h"

#include <stdlib.h>
#include <time.h>

/* Runs the stage on a document dated by the first line ("none": no date). */
static dyad_doc *dated_doc(const char *date, size_t date_len, const char *text, size_t len)
{
    dyad_doc *doc = dyad_doc_new();
    if (!doc)
        return NULL;
    if (!(date_len == 4 && !memcmp(date, "none", 4)))
        doc->date = dyad_doc_strdup(doc, date, date_len);
    doc->text = dyad_doc_strdup(doc, text, len);
    doc->text_len = len;
    dyad_dates_find(doc);
    return doc;
}

/* Spec output: "text<TAB>value" per date, then "error<TAB>code<TAB>message". */
static char *dates_spec(const char *input, size_t len)
{
    const char *nl = memchr(input, '\n', len);
    size_t date_len = nl ? (size_t)(nl - input) : len;
    const char *text = nl ? nl + 1 : input + len;
    dyad_doc *doc = dated_doc(input, date_len, text, len - (size_t)(text - input));
    dyad_buf b;
    dyad_buf_init(&b);
    for (size_t i = 0; doc && i < doc->n_dates; i++) {
        const dyad_date *d = &doc->dates[i];
        dyad_buf_printf(&b, "%s%.*s\t%s", b.len ? "\n" : "", (int)(d->end - d->start),
                        doc->text + d->start, d->value);
    }
    for (size_t i = 0; doc && i < doc->n_errors; i++)
        dyad_buf_printf(&b, "%serror\t%s\t%s", b.len ? "\n" : "", doc->errors[i].code,
                        doc->errors[i].message);
    dyad_doc_free(doc);
    return dyad_test_text(&b);
}

DYAD_TEST(dates_spec)
{
    CHECK(dyad_spec_run("tests/spec/dates.spec", dates_spec) > 40);
}

DYAD_TEST(dates_calendar)
{
    dyad_dates_val v;
    CHECK(dyad_dates_days(1970, 1, 1) == 0);
    CHECK(dyad_dates_wday(dyad_dates_days(2024, 1, 26)) == 4); /* a Friday */
    CHECK(dyad_dates_wday(dyad_dates_days(1969, 12, 31)) == 2); /* before the epoch */
    CHECK(dyad_dates_mdays(2000, 2) == 29 && dyad_dates_mdays(1900, 2) == 28);
    long prev = dyad_dates_days(1599, 12, 31);
    for (int y = 1600; y <= 2401; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; d <= dyad_dates_mdays(y, m); d++) {
                long n = dyad_dates_days(y, m, d);
                dyad_dates_civil(n, &v);
                if (n != prev + 1 || v.y != y || v.m != m || v.d != d) {
                    CHECK(!"calendar round trip");
                    return;
                }
                prev = n;
            }
    CHECK(dyad_dates_parse_iso("2024-02-29").prec == DYAD_DATES_DAY);
    CHECK(dyad_dates_parse_iso("2023-02-29").prec == 0);
    CHECK(dyad_dates_parse_iso("2024-1-29").prec == 0);
    CHECK(dyad_dates_parse_iso("2024-01-290").prec == 0);
    CHECK(dyad_dates_parse_iso(NULL).prec == 0);
}

/* Runs the stage on len bytes made of piece repeated; returns the seconds taken. */
static double time_repeated(const char *piece, size_t len, size_t *n_dates)
{
    size_t plen = strlen(piece);
    char *text = malloc(len + 1);
    for (size_t i = 0; i < len; i++)
        text[i] = piece[i % plen];
    text[len] = '\0';
    clock_t t0 = clock();
    dyad_doc *doc = dated_doc("2024-01-26", 10, text, len);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    *n_dates = doc ? doc->n_dates : 0;
    dyad_doc_free(doc);
    free(text);
    return secs;
}

/* 1 MB of month names, digits and date words must stay linear: well under a second
 * optimised (the bound leaves room for the sanitizer build). */
DYAD_TEST(dates_pathological)
{
    static const struct { const char *piece; size_t min_dates; } cases[] = {
        {"January 17, 2024 May 5 in March ", 50000},
        {"1 22 333 4444 2019-01-17 17/01/2019 ", 20000},
        {"May May May March March in in ", 1},
        {"on Friday that day the next day yesterday three years later ", 50000},
        {"9999999999999999999999999999999999999999999999999999999999999", 0},
        {"-/-/-/-/,,,::..'s ", 0},
        {"The Kremlin on Friday denied a report that the president had signalled ", 10000},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = 0;
        double secs = time_repeated(cases[i].piece, 1u << 20, &n);
        printf("  1 MB of \"%.24s...\": %.0f ms, %zu dates\n", cases[i].piece, secs * 1000, n);
        CHECK(secs < 3.0);
        CHECK(n >= cases[i].min_dates);
    }
}

/* The scanner only tries words listed as starters: every table must be covered. */
DYAD_TEST(dates_starters)
{
    static const char *const modifiers[] = {"the", "end", "beginning", "early", "mid",
                                            "late", "earlier", "later", "this", "past"};
    CHECK(dyad_dates_check_starters() == 0);
    for (size_t i = 0; i < sizeof modifiers / sizeof modifiers[0]; i++)
        CHECK(dyad_dates_starter(modifiers[i], strlen(modifiers[i])));
    CHECK(dyad_dates_starter("TODAY", 5));
    CHECK(!dyad_dates_starter("mayor", 5));
    CHECK(!dyad_dates_starter("ma", 2));
    CHECK(!dyad_dates_starter("zzz", 3));
}

DYAD_TEST(dates_empty_and_null)
{
    dyad_doc *doc = dyad_doc_new();
    CHECK(dyad_dates_find(doc) == DYAD_OK);
    CHECK(doc->dates != NULL && doc->n_dates == 0 && doc->n_errors == 0);
    dyad_doc_free(doc);
}

/* The stage on real articles: the Wikinews sample must give dates to most articles. */
DYAD_TEST(dates_wikinews)
{
    char path[4096];
    if (!dyad_shared_path("data/news/wikinews/articles/001.txt", path, sizeof path))
        return;
    char *data;
    size_t len;
    dyad_error err;
    CHECK(dyad_file_read_all(path, &data, &len, &err) == DYAD_OK);
    char *body = data ? strstr(data, "\n\n") : NULL;
    CHECK(body != NULL);
    if (!body) {
        free(data);
        return;
    }
    dyad_doc *doc = dated_doc("2019-01-04", 10, body + 2, len - (size_t)(body + 2 - data));
    CHECK(doc->n_dates >= 3);
    CHECK_STR(doc->dates[0].value, "2019-01-04"); /* the dateline */
    CHECK_STR(doc->dates[1].value, "2018-12-31"); /* "on Monday" */
    dyad_doc_free(doc);
    free(data);
}
