/* Tests for the readers: every format, compression, directories, and every kind of bad input. */
#include "test.h"
#include "../src/read/read.h"

#include <ftw.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#define LIT(s) s, sizeof(s) - 1

/* ---- helpers ---- */

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static void tmp_remove(char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static char *tmp_path(const char *dir, const char *name)
{
    static char path[4][512];
    static int next;
    char *p = path[next++ % 4];
    snprintf(p, 512, "%s/%s", dir, name);
    return p;
}

static void write_file(const char *dir, const char *name, const void *data, size_t len)
{
    FILE *f = fopen(tmp_path(dir, name), "wb");
    CHECK(f != NULL);
    if (f) {
        CHECK(fwrite(data, 1, len, f) == len);
        fclose(f);
    }
}

static void write_gzip(const char *dir, const char *name, const void *data, size_t len)
{
    gzFile gz = gzopen(tmp_path(dir, name), "wb");
    CHECK(gz != NULL);
    CHECK(gzwrite(gz, data, (unsigned)len) == (int)len);
    gzclose(gz);
}

/* zstd bytes of data (malloc'd). */
static char *zstd_pack(const void *data, size_t len, size_t *out_len)
{
    size_t cap = ZSTD_compressBound(len);
    char *out = malloc(cap);
    *out_len = ZSTD_compress(out, cap, data, len, 3);
    CHECK(!ZSTD_isError(*out_len));
    return out;
}

/* gzip bytes of data (malloc'd), through zlib's deflate with a gzip header. */
static char *gzip_pack(const void *data, size_t len, size_t *out_len)
{
    z_stream z = {0};
    CHECK(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    size_t cap = deflateBound(&z, (uLong)len);
    char *out = malloc(cap);
    z.next_in = (unsigned char *)data;
    z.avail_in = (uInt)len;
    z.next_out = (unsigned char *)out;
    z.avail_out = (uInt)cap;
    CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
    *out_len = cap - z.avail_out;
    deflateEnd(&z);
    return out;
}

static const char *error_message(const dyad_doc *doc, const char *code)
{
    for (size_t i = 0; doc && i < doc->n_errors; i++)
        if (strcmp(doc->errors[i].code, code) == 0)
            return doc->errors[i].message;
    return NULL;
}

static bool contains(const char *s, const char *part)
{
    bool ok = s && strstr(s, part);
    if (!ok)
        fprintf(stderr, "  \"%s\" does not contain \"%s\"\n", s ? s : "(null)", part);
    return ok;
}

/* The only document of one memory input. */
static dyad_doc *read_memory(dyad_format format, const char *name, const char *data, size_t len)
{
    dyad_reader *r = dyad_reader_new(format);
    dyad_reader_add_memory(r, name, data, len);
    dyad_doc *doc = dyad_reader_next(r);
    CHECK(doc != NULL);
    dyad_doc *extra = dyad_reader_next(r);
    CHECK(extra == NULL);
    dyad_doc_free(extra);
    CHECK(dyad_reader_status(r) == DYAD_OK);
    dyad_reader_free(r);
    return doc;
}

/* Every document of a reader: their ids joined by spaces (malloc'd). */
static char *read_ids(dyad_reader *r)
{
    dyad_buf ids;
    dyad_buf_init(&ids);
    dyad_doc *doc;
    while ((doc = dyad_reader_next(r))) {
        if (ids.len)
            dyad_buf_putc(&ids, ' ');
        dyad_buf_puts(&ids, doc->id);
        dyad_doc_free(doc);
    }
    CHECK(dyad_reader_status(r) == DYAD_OK);
    dyad_reader_free(r);
    char *s = dyad_buf_detach(&ids, NULL);
    return s ? s : strdup("");
}

/* ---- formats ---- */

DYAD_TEST(read_format_names)
{
    static const char *const names[] = {"auto", "dated", "jsonl", "text", "html", "lines"};
    for (int i = 0; i < 6; i++) {
        CHECK(dyad_format_from_name(names[i]) == i);
        CHECK_STR(dyad_format_name((dyad_format)i), names[i]);
    }
    CHECK(dyad_format_from_name("xml") == -1);
    CHECK(dyad_format_from_name(NULL) == -1);
    CHECK(dyad_reader_new((dyad_format)9) == NULL);
}

DYAD_TEST(read_empty_reader)
{
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    CHECK(dyad_reader_next(r) == NULL);
    CHECK(dyad_reader_status(r) == DYAD_OK);
    CHECK(dyad_reader_add_path(r, NULL) == DYAD_EINVAL);
    CHECK(dyad_reader_add_memory(r, "x", NULL, 3) == DYAD_EINVAL);
    dyad_reader_free(r);
    dyad_reader_free(NULL);
    CHECK(dyad_reader_next(NULL) == NULL);
}

DYAD_TEST(read_dated_fields)
{
    dyad_doc *doc = read_memory(DYAD_FORMAT_AUTO, "news/042.txt",
                                LIT("date 2024-01-26 Kremlin  denies\treport\n\nFirst para.\n\nSecond para.\n\n"));
    CHECK_STR(doc->id, "042");
    CHECK_STR(doc->source, "news/042.txt");
    CHECK_STR(doc->format, "dated");
    CHECK_STR(doc->date, "2024-01-26");
    CHECK_STR(doc->title, "Kremlin denies report");
    CHECK_STR(doc->text, "Kremlin denies report\n\nFirst para.\n\nSecond para.");
    CHECK(doc->body_start == 23);
    CHECK(doc->n_errors == 0 && doc->failed == 0 && doc->url == NULL);
    dyad_doc_free(doc);
}

DYAD_TEST(read_dated_bom_space_crlf)
{
    dyad_doc *doc = read_memory(DYAD_FORMAT_AUTO, "a.txt",
                                LIT("\xEF\xBB\xBF  date 2019-01-04 Title\r\n\r\nBody\r\nline two\r\n"));
    CHECK_STR(doc->format, "dated");
    CHECK_STR(doc->date, "2019-01-04");
    CHECK_STR(doc->text, "Title\n\nBody\nline two");
    CHECK(doc->n_errors == 0);
    dyad_doc_free(doc);
}

DYAD_TEST(read_dated_seed)
{
    char path[512];
    if (!dyad_shared_path("data/news/seed.txt", path, sizeof path))
        return;
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    dyad_reader_add_path(r, path);
    dyad_doc *doc = dyad_reader_next(r);
    CHECK_STR(doc->id, "seed");
    CHECK_STR(doc->date, "2024-01-26");
    CHECK_STR(doc->title, "Reports say Russian leader \xE2\x80\x98putting out feelers\xE2\x80\x99 "
                          "about talks and may drop some conditions");
    CHECK(strncmp(doc->text + doc->body_start, "A woman walks past a banner", 27) == 0);
    CHECK(doc->n_errors == 0);
    dyad_doc_free(doc);
    dyad_reader_free(r);
}

DYAD_TEST(read_dated_missing_date)
{
    dyad_doc *doc = read_memory(DYAD_FORMAT_DATED, "n.txt", LIT("Headline only\n\nBody.\n"));
    CHECK(doc->failed == 0);
    CHECK(doc->date == NULL && doc->title == NULL);
    CHECK_STR(doc->text, "Headline only\n\nBody.");
    CHECK(contains(error_message(doc, "missing_date"), "no \"date YYYY-MM-DD headline\" first line"));
    dyad_doc_free(doc);
}

DYAD_TEST(read_dated_bad_date)
{
    static const char *const bad[] = {"2024-13-45", "2024-02-30", "yesterday", "2023-02-29"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char in[128], want[64];
        int n = snprintf(in, sizeof in, "date %s Title\n\nBody.", bad[i]);
        dyad_doc *doc = read_memory(DYAD_FORMAT_AUTO, "d.txt", in, (size_t)n);
        CHECK(doc->failed == 0 && doc->date == NULL);
        CHECK_STR(doc->title, "Title");
        snprintf(want, sizeof want, "bad date \"%s\"", bad[i]);
        CHECK(contains(error_message(doc, "bad_date"), want));
        dyad_doc_free(doc);
    }
    dyad_doc *doc = read_memory(DYAD_FORMAT_AUTO, "d.txt", LIT("date 2024-02-29 Leap\n\nBody."));
    CHECK_STR(doc->date, "2024-02-29");
    dyad_doc_free(doc);
}

DYAD_TEST(read_date_forms)
{
    static const char *const forms[][2] = {
        {"2024-01-26T10:00:00Z", "2024-01-26"}, {"2024/01/26", "2024-01-26"},
        {"Fri, 26 Jan 2024 10:00:00 GMT", "2024-01-26"}, {"January 26, 2024", "2024-01-26"},
        {"26 January 2024", "2024-01-26"}, {"2000-02-29 08:00", "2000-02-29"},
    };
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        char in[128];
        int n = snprintf(in, sizeof in, "{\"text\": \"x\", \"date\": \"%s\"}", forms[i][0]);
        dyad_doc *doc = read_memory(DYAD_FORMAT_JSONL, "j", in, (size_t)n);
        CHECK_STR(doc->date, forms[i][1]);
        dyad_doc_free(doc);
    }
    static const char *const bad[] = {"1900-02-29", "2024-01-261", "Jan 32, 2024", "20240126", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char in[128];
        int n = snprintf(in, sizeof in, "{\"text\": \"x\", \"date\": \"%s\"}", bad[i]);
        dyad_doc *doc = read_memory(DYAD_FORMAT_JSONL, "j", in, (size_t)n);
        CHECK(doc->date == NULL && error_message(doc, "bad_date") != NULL);
        dyad_doc_free(doc);
    }
}

DYAD_TEST(read_text_format)
{
    dyad_doc *doc = read_memory(DYAD_FORMAT_AUTO, "notes.txt", LIT("\n  Just some text.\nMore.\n\n"));
    CHECK_STR(doc->format, "text");
    CHECK_STR(doc->id, "notes");
    CHECK(doc->title == NULL && doc->date == NULL && doc->body_start == 0);
    CHECK_STR(doc->text, "Just some text.\nMore.");
    CHECK(doc->n_errors == 0);
    dyad_doc_free(doc);
    /* forcing text keeps a date line as text */
    doc = read_memory(DYAD_FORMAT_TEXT, "t.txt", LIT("date 2024-01-26 T\n\nB"));
    CHECK_STR(doc->text, "date 2024-01-26 T\n\nB");
    CHECK(doc->date == NULL);
    dyad_doc_free(doc);
}

DYAD_TEST(read_jsonl_fields)
{
    static const char lines[] =
        "{\"id\": \"a1\", \"date\": \"2024-01-26T10:00:00Z\", \"title\": \"T one\", \"text\": \"Body one.\","
        " \"url\": \"https://x.example/1\", \"source\": \"Reuters\"}\n"
        "\n"
        "{\"id\": 77, \"body\": \"Body two.\"}\r\n"
        "{\"title\": \"No id\", \"text\": \"Body\\nthree \\u00e9.\"}";
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    dyad_reader_add_memory(r, "feed.jsonl", LIT(lines));
    dyad_doc *d = dyad_reader_next(r);
    CHECK_STR(d->id, "a1");
    CHECK_STR(d->format, "jsonl");
    CHECK_STR(d->date, "2024-01-26");
    CHECK_STR(d->title, "T one");
    CHECK_STR(d->text, "T one\n\nBody one.");
    CHECK_STR(d->url, "https://x.example/1");
    CHECK_STR(d->source, "Reuters");
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK_STR(d->id, "77");
    CHECK_STR(d->text, "Body two.");
    CHECK_STR(d->source, "feed.jsonl");
    CHECK(d->title == NULL && d->date == NULL && d->url == NULL);
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK_STR(d->id, "feed:4");
    CHECK_STR(d->text, "No id\n\nBody\nthree \xC3\xA9.");
    CHECK(d->n_errors == 0);
    dyad_doc_free(d);
    CHECK(dyad_reader_next(r) == NULL);
    dyad_reader_free(r);
}

DYAD_TEST(read_jsonl_bad_json_goes_on)
{
    static const char lines[] = "{\"id\": \"ok1\", \"text\": \"fine\"}\n"
                                "{\"id\": \"cut\", \"text\": \"trunc\n"
                                "[1, 2]\n"
                                "{\"id\": \"nt\", \"title\": \"no text\"}\n"
                                "{\"id\": \"ok2\", \"text\": 5, \"body\": \"fine too\"}\n";
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_JSONL);
    dyad_reader_add_memory(r, "in.jsonl", LIT(lines));
    dyad_doc *d = dyad_reader_next(r);
    CHECK_STR(d->id, "ok1");
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK_STR(d->id, "in:2");
    CHECK(d->failed == 1);
    CHECK(contains(error_message(d, "bad_json"), "line 2, column "));
    CHECK(contains(error_message(d, "bad_json"), "unexpected end of line (truncated?)"));
    CHECK_STR(d->text, "");
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK_STR(d->id, "in:3");
    CHECK_STR(error_message(d, "bad_json"), "line 3: expected a JSON object, got an array");
    CHECK(d->failed == 1);
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK_STR(d->id, "nt");
    CHECK_STR(error_message(d, "missing_text"), "line 4: no \"text\" or \"body\" string");
    CHECK(d->failed == 1);
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK_STR(d->id, "ok2");
    CHECK_STR(d->text, "fine too");
    CHECK(d->failed == 0);
    dyad_doc_free(d);
    CHECK(dyad_reader_next(r) == NULL);
    dyad_reader_free(r);
}

/* One document per non-blank line: a list of headlines; a bad byte stays in its line. */
DYAD_TEST(read_lines_one_document_each)
{
    static const char lines[] = "\xEF\xBB\xBFRussia launches drone attack on Kyiv\n"
                                "\n"
                                "  EU imposes sanctions on Belarus  \r\n"
                                "Bad \xFF byte\n"
                                "last line without newline";
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_LINES);
    dyad_reader_add_memory(r, "heads.txt", LIT(lines));
    dyad_doc *d = dyad_reader_next(r);
    CHECK_STR(d->id, "heads:1");
    CHECK_STR(d->text, "Russia launches drone attack on Kyiv");
    CHECK_STR(d->format, "lines");
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK_STR(d->id, "heads:3");
    CHECK_STR(d->text, "EU imposes sanctions on Belarus");
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK_STR(d->id, "heads:4");
    CHECK(d->failed == 0);
    CHECK(contains(d->text, "Bad ") && contains(d->text, " byte"));
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK_STR(d->id, "heads:5");
    CHECK_STR(d->text, "last line without newline");
    dyad_doc_free(d);
    CHECK(dyad_reader_next(r) == NULL);
    dyad_reader_free(r);
    /* an input with no line of text is one failed document that says so */
    r = dyad_reader_new(DYAD_FORMAT_LINES);
    dyad_reader_add_memory(r, "empty.txt", LIT("\n  \n"));
    d = dyad_reader_next(r);
    CHECK(d != NULL && d->failed == 1);
    CHECK(contains(error_message(d, "empty"), "no lines of text"));
    dyad_doc_free(d);
    CHECK(dyad_reader_next(r) == NULL);
    dyad_reader_free(r);
}

DYAD_TEST(read_jsonl_invalid_utf8_and_nul)
{
    dyad_doc *d = read_memory(DYAD_FORMAT_JSONL, "u",
                              LIT("{\"text\": \"caf\xE9 \\u0000 ok\"}"));
    CHECK(d->failed == 0);
    CHECK_STR(d->text, "caf\xEF\xBF\xBD \xEF\xBF\xBD ok");
    CHECK_STR(error_message(d, "invalid_utf8"),
              "1 invalid UTF-8 sequence replaced by U+FFFD (first at byte 13 of line 1)");
    CHECK_STR(error_message(d, "nul_byte"),
              "1 escaped NUL character replaced by U+FFFD (first at byte 17 of line 1)");
    dyad_doc_free(d);
}

DYAD_TEST(read_html_page)
{
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    dyad_reader_add_path(r, "tests/data/read/news-page.html");
    dyad_doc *d = dyad_reader_next(r);
    CHECK_STR(d->id, "news-page");
    CHECK_STR(d->format, "html");
    CHECK_STR(d->date, "2024-01-26");
    CHECK_STR(d->url, "https://news.example.com/world/kremlin-denies");
    CHECK_STR(d->title, "Kremlin denies report that Putin is \xE2\x80\x98putting out feelers\xE2\x80\x99");
    CHECK_STR(d->text + d->body_start,
              "MOSCOW \xE2\x80\x94 The Kremlin on Friday denied a report that President Vladimir "
              "Putin was exploring talks with the United States.\n\n"
              "\xE2\x80\x9CThis is not true,\xE2\x80\x9D Kremlin spokesman Dmitry Peskov told "
              "reporters.\nHe did not elaborate.\n\n"
              "Bloomberg cited two people close to the Kremlin.\n\n"
              "The White House declined to comment.");
    CHECK(d->n_errors == 0 && d->failed == 0);
    dyad_doc_free(d);
    dyad_reader_free(r);
}

DYAD_TEST(read_html_fallbacks)
{
    static const struct { const char *html, *title, *date, *url, *body; } cases[] = {
        {"<html><head><title> Page  title </title><meta name=\"date\" content=\"2020-05-06\">"
         "<meta property=\"og:url\" content=\"http://u/\"></head><body><h1>Head</h1><p>One</p>"
         "<div>Two <span>halves</span></div></body></html>",
         "Page title", "2020-05-06", "http://u/", "Head\n\nOne\n\nTwo halves"},
        {"<html><body><h1>Only h1</h1><main><p>Main text</p></main>"
         "<time datetime=\"2021-03-04T05:06:07+02:00\">x</time></body></html>",
         "Only h1", "2021-03-04", NULL, "Main text"},
        {"<!doctype html><html><head><script type=\"application/ld+json\">"
         "{\"@graph\": [{\"@type\": \"WebPage\"}, {\"datePublished\": \"2019-12-31\"}]}</script>"
         "</head><body><p>A<br>B</p><table><tr><td>c1</td><td>c2</td></tr></table></body></html>",
         NULL, "2019-12-31", NULL, "A\nB\n\nc1 c2"},
        {"<html><body><article><p>Short one.</p></article><article><p>The longer article "
         "wins.</p><span itemprop=\"datePublished\" content=\"2018-07-08\"></span></article>"
         "</body></html>",
         NULL, "2018-07-08", NULL, "The longer article wins."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dyad_doc *d = read_memory(DYAD_FORMAT_AUTO, "page", cases[i].html, strlen(cases[i].html));
        CHECK_STR(d->format, "html");
        if (cases[i].title)
            CHECK_STR(d->title, cases[i].title);
        else
            CHECK(d->title == NULL);
        CHECK_STR(d->date, cases[i].date);
        if (cases[i].url)
            CHECK_STR(d->url, cases[i].url);
        else
            CHECK(d->url == NULL);
        CHECK_STR(d->text + d->body_start, cases[i].body);
        dyad_doc_free(d);
    }
}

DYAD_TEST(read_html_bad_date)
{
    dyad_doc *d = read_memory(DYAD_FORMAT_HTML, "p",
                              LIT("<meta property=\"article:published_time\" content=\"soon\"><p>x</p>"));
    CHECK(d->date == NULL && d->failed == 0);
    CHECK(contains(error_message(d, "bad_date"), "bad date \"soon\""));
    dyad_doc_free(d);
}

/* ---- compression, directories, stdin-like input ---- */

static const char article[] = "date 2024-01-26 Packed\n\nPacked body.\n";
static const char feed[] = "{\"id\": \"g1\", \"text\": \"one\"}\n{\"id\": \"g2\", \"text\": \"two\"}\n";

DYAD_TEST(read_gzip_zstd_round_trip)
{
    char dir[] = "/tmp/dyad-read-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    size_t zlen;
    char *z = zstd_pack(LIT(article), &zlen);
    write_gzip(dir, "001.txt.gz", LIT(article));
    write_file(dir, "002.txt.zst", z, zlen);
    write_gzip(dir, "003.jsonl.gz", LIT(feed));
    free(z);
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    dyad_reader_add_path(r, dir);
    for (int i = 0; i < 2; i++) {
        dyad_doc *d = dyad_reader_next(r);
        CHECK_STR(d->id, i == 0 ? "001" : "002");
        CHECK_STR(d->format, "dated");
        CHECK_STR(d->text, "Packed\n\nPacked body.");
        CHECK_STR(d->date, "2024-01-26");
        CHECK(d->n_errors == 0);
        dyad_doc_free(d);
    }
    dyad_doc *d = dyad_reader_next(r);
    CHECK_STR(d->id, "g1");
    CHECK_STR(d->format, "jsonl");
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK_STR(d->id, "g2");
    dyad_doc_free(d);
    CHECK(dyad_reader_next(r) == NULL);
    dyad_reader_free(r);
    tmp_remove(dir);
}

DYAD_TEST(read_memory_sniffing)
{
    /* stdin-like inputs: no extension; compression by magic bytes, format by content */
    size_t glen, zlen;
    char *gz = gzip_pack(LIT(feed), &glen), *zs = zstd_pack(LIT(article), &zlen);
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    dyad_reader_add_memory(r, "s1", gz, glen);
    dyad_reader_add_memory(r, "s2", zs, zlen);
    dyad_reader_add_memory(r, "s3", LIT("<p>Para</p>"));
    dyad_reader_add_memory(r, "s4", LIT("plain words"));
    const char *want[][2] = {{"g1", "jsonl"}, {"g2", "jsonl"}, {"s2", "dated"}, {"s3", "html"},
                             {"s4", "text"}};
    for (int i = 0; i < 5; i++) {
        dyad_doc *d = dyad_reader_next(r);
        CHECK_STR(d->id, want[i][0]);
        CHECK_STR(d->format, want[i][1]);
        CHECK(d->failed == 0);
        dyad_doc_free(d);
    }
    CHECK(dyad_reader_next(r) == NULL);
    dyad_reader_free(r);
    free(gz);
    free(zs);
}

DYAD_TEST(read_stdin_gzip_by_magic)
{
    /* "-" reads stdin: no name to go by, so gzip is found by its magic bytes */
    char dir[] = "/tmp/dyad-read-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    write_gzip(dir, "in", LIT(feed));
    CHECK(freopen(tmp_path(dir, "in"), "rb", stdin) != NULL);
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    dyad_reader_add_path(r, "-");
    dyad_doc *d = dyad_reader_next(r);
    CHECK_STR(d->id, "g1");
    CHECK_STR(d->source, "-");
    CHECK_STR(d->text, "one");
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK_STR(d->id, "g2");
    dyad_doc_free(d);
    CHECK(dyad_reader_next(r) == NULL);
    dyad_reader_free(r);
    /* and a line without an id takes "stdin:<line>" */
    write_file(dir, "in2", LIT("{\"text\": \"x\"}\n"));
    CHECK(freopen(tmp_path(dir, "in2"), "rb", stdin) != NULL);
    r = dyad_reader_new(DYAD_FORMAT_AUTO);
    dyad_reader_add_path(r, "-");
    char *ids = read_ids(r);
    CHECK_STR(ids, "stdin:1");
    free(ids);
    tmp_remove(dir);
}

DYAD_TEST(read_corrupt_compressed)
{
    char dir[] = "/tmp/dyad-read-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    /* a long JSONL feed cut in the middle: the lines before the cut are kept */
    dyad_buf big;
    dyad_buf_init(&big);
    for (int i = 0; i < 20000; i++)
        dyad_buf_printf(&big, "{\"id\": \"n%d\", \"text\": \"line %d of a long feed %u\"}\n", i, i,
                        (unsigned)(i * 2654435761u));
    size_t glen, zlen;
    char *gz = gzip_pack(big.data, big.len, &glen), *zs = zstd_pack(big.data, big.len, &zlen);
    write_file(dir, "a.jsonl.gz", gz, glen * 2 / 3);
    write_file(dir, "b.jsonl.zst", zs, zlen / 2);
    gz[glen / 2] ^= 0x55; /* corrupt in the middle, complete length */
    write_file(dir, "c.txt.gz", gz, glen);
    write_file(dir, "d.txt.gz", LIT("not gzip at all"));
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    dyad_reader_add_path(r, dir);
    static const char *const names[] = {"a", "b", "c", "d"};
    for (int f = 0; f < 4; f++) {
        dyad_doc *d;
        int kept = 0;
        while ((d = dyad_reader_next(r)) && !d->failed) {
            kept++;
            dyad_doc_free(d);
        }
        CHECK(d != NULL);
        if (!d)
            break;
        CHECK_STR(d->id, names[f]);
        const char *m = error_message(d, "decompress");
        CHECK(m && (strstr(m, f == 2 ? "corrupt" : "truncated") || strstr(m, "corrupt")));
        if (f < 2) {
            CHECK(kept > 100 && kept < 20000);
            CHECK(contains(error_message(d, "decompress"), "after line "));
        }
        dyad_doc_free(d);
    }
    CHECK(dyad_reader_next(r) == NULL);
    dyad_reader_free(r);
    free(gz);
    free(zs);
    dyad_buf_free(&big);
    tmp_remove(dir);
}

DYAD_TEST(read_directory_order)
{
    char dir[] = "/tmp/dyad-read-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    CHECK(mkdir(tmp_path(dir, "m-sub"), 0755) == 0);
    CHECK(mkdir(tmp_path(dir, "m-sub/deeper"), 0755) == 0);
    CHECK(mkdir(tmp_path(dir, ".git"), 0755) == 0);
    write_file(dir, "b.txt", LIT("b"));
    write_file(dir, "a.txt", LIT("a"));
    write_file(dir, "z.txt", LIT("z"));
    write_file(dir, ".hidden.txt", LIT("h"));
    write_file(dir, ".git/config.txt", LIT("g"));
    write_file(dir, "m-sub/c.txt", LIT("c"));
    write_file(dir, "m-sub/deeper/d.txt", LIT("d"));
    write_file(dir, "m-sub/e.txt", LIT("e"));
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    dyad_reader_add_path(r, dir);
    dyad_reader_add_path(r, tmp_path(dir, "a.txt"));
    char *ids = read_ids(r);
    CHECK_STR(ids, "a b c d e z a");
    free(ids);
    tmp_remove(dir);
}

DYAD_TEST(read_missing_and_unreadable)
{
    char dir[] = "/tmp/dyad-read-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    write_file(dir, "ok.txt", LIT("fine"));
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    dyad_reader_add_path(r, tmp_path(dir, "missing.txt"));
    dyad_reader_add_path(r, tmp_path(dir, "ok.txt/inside"));
    dyad_reader_add_path(r, tmp_path(dir, "ok.txt"));
    dyad_doc *d = dyad_reader_next(r);
    CHECK_STR(d->id, "missing");
    CHECK(d->failed == 1);
    CHECK(contains(error_message(d, "io"), "missing.txt: No such file or directory"));
    CHECK_STR(d->source, tmp_path(dir, "missing.txt"));
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK(contains(error_message(d, "io"), "Not a directory"));
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK_STR(d->text, "fine");
    dyad_doc_free(d);
    dyad_reader_free(r);
    if (geteuid() == 0)
        printf("  skipped: the unreadable-directory case (root reads any directory)\n");
    else {
        CHECK(mkdir(tmp_path(dir, "locked"), 0) == 0);
        r = dyad_reader_new(DYAD_FORMAT_AUTO);
        dyad_reader_add_path(r, tmp_path(dir, "locked"));
        d = dyad_reader_next(r);
        CHECK(contains(error_message(d, "io"), "cannot read directory: Permission denied"));
        dyad_doc_free(d);
        dyad_reader_free(r);
    }
    tmp_remove(dir);
}

DYAD_TEST(read_empty_inputs)
{
    static const struct { const char *name, *data; size_t len; const char *message; } cases[] = {
        {"e.txt", "", 0, "e.txt: empty input"},
        {"w.txt", " \n\t\n", 4, "w.txt: empty input (only whitespace)"},
        {"e.jsonl", "\n\n  \n", 5, "e.jsonl: no JSON lines"},
    };
    for (size_t i = 0; i < 3; i++) {
        dyad_doc *d = read_memory(DYAD_FORMAT_AUTO, cases[i].name, cases[i].data, cases[i].len);
        CHECK(d->failed == 1);
        CHECK_STR(error_message(d, "empty"), cases[i].message);
        dyad_doc_free(d);
    }
}

DYAD_TEST(read_binary_input)
{
    unsigned char bin[4096];
    for (size_t i = 0; i < sizeof bin; i++)
        bin[i] = (unsigned char)((i * 7919u) >> 3);
    memcpy(bin, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    dyad_doc *d = read_memory(DYAD_FORMAT_AUTO, "img.txt", (const char *)bin, sizeof bin);
    CHECK(d->failed == 1);
    CHECK(contains(error_message(d, "binary"), "img.txt: binary data"));
    dyad_doc_free(d);
    /* Latin-1 text is text with invalid UTF-8, not binary */
    d = read_memory(DYAD_FORMAT_AUTO, "latin1.txt", LIT("Caf\xe9 cr\xe8me br\xfbl\xe9" "e \xe0 la fran\xe7" "aise"));
    CHECK(d->failed == 0);
    CHECK_STR(error_message(d, "invalid_utf8"),
              "6 invalid UTF-8 sequences replaced by U+FFFD (first at byte 3)");
    dyad_doc_free(d);
    /* one stray NUL in an article is text with an error, not binary */
    d = read_memory(DYAD_FORMAT_AUTO, "stray.txt", LIT("date 2024-01-02 T\n\nA stray\0 NUL."));
    CHECK(d->failed == 0);
    CHECK_STR(d->text, "T\n\nA stray\xEF\xBF\xBD NUL.");
    CHECK(contains(error_message(d, "nul_byte"), "1 NUL byte replaced by U+FFFD"));
    dyad_doc_free(d);
}

DYAD_TEST(read_jsonl_50mb_line)
{
    /* one 50 MB line streamed from a file: the body is rebuilt exactly */
    char dir[] = "/tmp/dyad-read-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    size_t body = 50u << 20;
    FILE *f = fopen(tmp_path(dir, "big.jsonl"), "wb");
    char chunk[4096];
    for (size_t i = 0; i < sizeof chunk; i++)
        chunk[i] = "abcdefghijklmnopqrstuvwxyz. \xC3\xA9"[i % 30];
    fputs("{\"id\": \"small\", \"text\": \"first\"}\n{\"id\": \"big\", \"text\": \"", f);
    for (size_t done = 0; done < body; done += sizeof chunk)
        fwrite(chunk, 1, sizeof chunk, f);
    fputs("\"}\n{\"id\": \"after\", \"text\": \"last\"}\n", f);
    fclose(f);
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    dyad_reader_add_path(r, tmp_path(dir, "big.jsonl"));
    dyad_doc *d = dyad_reader_next(r);
    CHECK_STR(d->id, "small");
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK_STR(d->id, "big");
    CHECK(d->text_len == body && d->n_errors == 0);
    CHECK(memcmp(d->text + body - sizeof chunk, chunk, sizeof chunk) == 0);
    dyad_doc_free(d);
    d = dyad_reader_next(r);
    CHECK_STR(d->id, "after");
    dyad_doc_free(d);
    dyad_reader_free(r);
    tmp_remove(dir);
}

/* JSONL lines as cJSON reads them: ids, escapes, duplicates, leniency, every error with
 * its column (characters, from 1). want_code NULL means no error at all. */
static const struct jsonl_case {
    const char *line;
    size_t len; /* 0: strlen */
    const char *id, *text, *code, *message; /* NULL: not checked (message: a part of it) */
} jsonl_cases[] = {
    {"{\"id\": -0, \"text\": \"a\"}", 0, "0", "a", NULL, NULL},
    {"{\"id\": 1.5, \"text\": \"a\"}", 0, "1.5", "a", NULL, NULL},
    {"{\"id\": 1e3, \"text\": \"a\"}", 0, "1000", "a", NULL, NULL},
    {"{\"id\": 9007199254740993, \"text\": \"a\"}", 0, "9007199254740992", "a", NULL, NULL},
    {"{\"id\": 1e999, \"text\": \"a\"}", 0, "s:1", "a", NULL, NULL},
    {"{\"id\": true, \"text\": \"a\"}", 0, "s:1", "a", NULL, NULL},
    {"{\"text\": \"a\\u00e9\\ud83d\\ude00\\n\\\"q\\\"\\/\"}", 0, NULL,
     "a\xC3\xA9\xF0\x9F\x98\x80\n\"q\"/", NULL, NULL},
    {"{\"t\\u0065xt\": \"escaped key\"}", 0, NULL, "escaped key", NULL, NULL},
    {"{\"text\": \"x\", \"text\": 5}", 0, NULL, "", "missing_text", NULL},
    {"{\"text\": 5, \"text\": \"y\"}", 0, NULL, "y", NULL, NULL},
    {"{\"text\": \"x\", \"body\": \"b\"}", 0, NULL, "x", NULL, NULL},
    {"{}", 0, "s:1", "", "missing_text", "line 1: no \"text\" or \"body\" string"},
    /* cJSON is lenient where jansson was not: raw control bytes in strings (and as
     * spaces between tokens), leading zeros, "1." */
    {"{\"text\": \"tab\there\", \"n\": 01, \"m\": 1., "
     "\"d\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
     0, NULL, NULL, NULL, NULL},
    {"  {\"text\" : \"spaces\" , \"url\":\"u\" }  ", 0, NULL, "spaces", NULL, NULL},
    /* \u0000 becomes U+FFFD; an escaped backslash before u0000 is no NUL */
    {"{\"text\": \"a\\u0000b\", \"source\": \"s\\u0000t\"}", 0, NULL, "a\xEF\xBF\xBD" "b", "nul_byte",
     "2 escaped NUL characters replaced by U+FFFD (first at byte 11 of line 1)"},
    {"{\"text\": \"a\\\\u0000b\"}", 0, NULL, "a\\u0000b", NULL, NULL},
    {"{\"text\": \"a\\\\\\u0000b\"}", 0, NULL, "a\\\xEF\xBF\xBD" "b", "nul_byte",
     "1 escaped NUL character replaced by U+FFFD (first at byte 13 of line 1)"},
    /* lone surrogates are refused, as is any \u without four hex digits (cJSON would
     * decode that as NUL and cut the string) */
    {"{\"text\": \"\\ud800\"}", 0, "s:1", "", "bad_json",
     "line 1, column 11: invalid \\u escape '\\ud800' (bad hex digits or lone surrogate)"},
    {"{\"text\": \"\\udc00x\"}", 0, NULL, NULL, "bad_json", "line 1, column 11: invalid \\u escape"},
    {"{\"text\": \"\\ud83d\\u0041\"}", 0, NULL, NULL, "bad_json", "line 1, column 11: invalid \\u escape"},
    {"{\"text\": \"\\u00G0 ok\"}", 0, NULL, NULL, "bad_json", "line 1, column 11: invalid \\u escape '\\u00G0'"},
    {"{\"text\": \"\\u0\x10" "00\"}", 0, NULL, NULL, "bad_json", "line 1, column 11: invalid \\u escape"},
    {"{\"text\": \"bad escape \\x\"}", 0, NULL, NULL, "bad_json", "line 1, column 22: invalid escape '\\x'"},
    {"{\"id\": \"padding, padding, padding\", \"text\": \"a\0b\"}", 50, NULL, NULL, "bad_json",
     "line 1, column 47: NUL byte"}, /* padded: a short line of control bytes is binary */
    {"{\"text\": \"x\",}", 0, NULL, NULL, "bad_json", "line 1, column 14: unexpected '}'"},
    {"{\"text\": \"x\"} x", 0, NULL, NULL, "bad_json", "line 1, column 15: unexpected 'x'"},
    {"{\"text\": nul}", 0, NULL, NULL, "bad_json", "line 1, column 10: unexpected 'n'"},
    {"{\"text\": \"x\" \"y\"}", 0, NULL, NULL, "bad_json", "line 1, column 14: unexpected '\"'"},
    /* cJSON places a bad object key one byte late; arrays it places right */
    {"{\"text\": \"x\", 2}", 0, NULL, NULL, "bad_json", "line 1, column 15: unexpected '2'"},
    {"{\"text\": [1,2x]}", 0, NULL, NULL, "bad_json", "line 1, column 14: unexpected 'x'"},
    {"{\"a\": 1,x", 0, NULL, NULL, "bad_json", "line 1, column 9: unexpected 'x'"},
    {"{\xC3\xA9: 1}", 0, NULL, NULL, "bad_json", "line 1, column 2: unexpected '\xC3\xA9'"},
    {"{\"text\": \"a\\\xC3\xA9\"}", 0, NULL, NULL, "bad_json", "line 1, column 12: invalid escape '\\\xC3\xA9'"},
    {"{\"a\": \\", 0, NULL, NULL, "bad_json", "line 1, column 7: unexpected '\\'"},
    {"{text: 1}", 0, NULL, NULL, "bad_json", "line 1, column 2: unexpected 't'"},
    {"{\"a\": {}x}", 0, NULL, NULL, "bad_json", "line 1, column 9: unexpected 'x'"},
    {"{\"title\": \"\xC3\xA9\", \"text\": x}", 0, NULL, NULL, "bad_json", "line 1, column 24: unexpected 'x'"},
    {"{\"text\": \"x\", \"n\": -}", 0, NULL, NULL, "bad_json", "line 1, column 20: unexpected '-'"},
    {"{\"id\": \"padding, padding, padding\", \"text\": \"x\x01\" \x01}", 0, NULL, NULL, NULL, NULL},
    {"{\"text\": \"x\"}\x01", 0, NULL, NULL, "bad_json", "line 1, column 14: unexpected control character 0x01"},
    {"{\"text\": \"cut", 0, "s:1", "", "bad_json", "line 1, column 11: unexpected end of line (truncated?)"},
    {"{\"text\": \"cut\\", 0, NULL, NULL, "bad_json", "line 1, column 11: unexpected end of line (truncated?)"},
    {"{\"text\": \"x\"", 0, NULL, NULL, "bad_json", "line 1, column 13: unexpected end of line (truncated?)"},
    {"{\"id\": 12", 0, NULL, NULL, "bad_json", "line 1, column 10: unexpected end of line (truncated?)"},
    {"{\"text\": \"x\",", 0, NULL, NULL, "bad_json", "line 1, column 14: unexpected end of line (truncated?)"},
    {"[1, 2]", 0, NULL, NULL, "bad_json", "line 1: expected a JSON object, got an array"},
    {"\"text\"", 0, NULL, NULL, "bad_json", "line 1: expected a JSON object, got a string"},
    {"5", 0, NULL, NULL, "bad_json", "line 1: expected a JSON object, got a number"},
    {"null", 0, NULL, NULL, "bad_json", "line 1: expected a JSON object, got null"},
};

DYAD_TEST(read_jsonl_cjson_cases)
{
    for (size_t i = 0; i < sizeof jsonl_cases / sizeof *jsonl_cases; i++) {
        const struct jsonl_case *c = &jsonl_cases[i];
        size_t len = c->len ? c->len : strlen(c->line);
        dyad_doc *d = read_memory(DYAD_FORMAT_JSONL, "s.jsonl", c->line, len);
        const char *msg = c->code ? error_message(d, c->code) : NULL;
        bool ok = (!c->id || strcmp(d->id, c->id) == 0) && (!c->text || strcmp(d->text, c->text) == 0)
               && (c->code ? msg && (!c->message || strstr(msg, c->message)) : d->n_errors == 0)
               && d->failed == (c->code && strcmp(c->code, "nul_byte") != 0);
        if (!ok) {
            fprintf(stderr, "  case %zu: %s\n    id \"%s\", text \"%s\", failed %d, %zu errors, first: %s %s\n",
                    i, c->line, d->id, d->text, d->failed, d->n_errors,
                    d->n_errors ? d->errors[0].code : "-", d->n_errors ? d->errors[0].message : "");
            dyad_test_failures++;
        }
        dyad_doc_free(d);
    }
}

/* A BOM on the first line, and a 1000-deep nesting (cJSON's limit) is refused, not a crash. */
DYAD_TEST(read_jsonl_bom_and_depth)
{
    dyad_doc *d = read_memory(DYAD_FORMAT_JSONL, "s", LIT("\xEF\xBB\xBF{\"id\": 1.5, \"t\\u0065xt\": \"k\"}"));
    CHECK_STR(d->id, "1.5");
    CHECK_STR(d->text, "k");
    dyad_doc_free(d);
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "{\"text\": \"x\", \"deep\": ");
    for (int i = 0; i < 5000; i++)
        dyad_buf_putc(&b, '[');
    for (int i = 0; i < 5000; i++)
        dyad_buf_putc(&b, ']');
    dyad_buf_putc(&b, '}');
    d = read_memory(DYAD_FORMAT_JSONL, "s", b.data, b.len);
    CHECK(d->failed == 1 && contains(error_message(d, "bad_json"), "line 1, column "));
    dyad_doc_free(d);
    dyad_buf_free(&b);
}
