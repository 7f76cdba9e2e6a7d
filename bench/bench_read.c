/* Reader and normaliser throughput (MB/s) and peak RSS, on the Wikinews articles.
 *
 * Build (from the repository root, after `make BUILD=build-reader`):
 *   cc -O2 -D_GNU_SOURCE -Iinclude bench/bench_read.c build-reader/libdyad.a \
 *      $(pkg-config --libs libxml-2.0 zlib libzstd libutf8proc libcjson) -lpthread -lm -o /tmp/bench_read
 * Run (bench/read.sh does all of it):
 *   /tmp/bench_read norm  ../shared/data/news/wikinews/articles   # dyad_doc_set_text alone
 *   /tmp/bench_read files ../shared/data/news/wikinews/articles   # reader over the directory
 *   /tmp/bench_read mkjsonl ../shared/data/news/wikinews/articles /tmp/w.jsonl 100
 *   /tmp/bench_read jsonl /tmp/w.jsonl [tokenize]                  # streaming JSONL reader
 * Each mode prints bytes, seconds, MB/s and the peak RSS of the process. */
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void report(const char *what, size_t bytes, size_t docs, double seconds)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%-6s %8.1f MB %6zu docs %7.3f s %8.1f MB/s  peak RSS %ld MB\n", what,
           (double)bytes / 1e6, docs, seconds, (double)bytes / 1e6 / seconds,
           ru.ru_maxrss / 1024);
}

/* Reads every document of the inputs; returns the text bytes. */
static size_t drain(dyad_reader *r, size_t *docs, int tokenize)
{
    size_t bytes = 0;
    dyad_doc *doc;
    while ((doc = dyad_reader_next(r))) {
        if (tokenize)
            dyad_tokenize(doc);
        bytes += doc->text_len;
        (*docs)++;
        dyad_doc_free(doc);
    }
    return bytes;
}

/* All article bodies of a directory, concatenated. */
static char *load_texts(const char *dir, size_t *len, size_t *docs)
{
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    dyad_reader_add_path(r, dir);
    size_t cap = 1 << 20, n = 0;
    char *all = malloc(cap);
    dyad_doc *doc;
    while (all && (doc = dyad_reader_next(r))) {
        while (n + doc->text_len + 2 > cap)
            all = realloc(all, cap *= 2);
        memcpy(all + n, doc->text, doc->text_len);
        n += doc->text_len;
        all[n++] = '\n';
        (*docs)++;
        dyad_doc_free(doc);
    }
    dyad_reader_free(r);
    *len = n;
    return all;
}

static int bench_norm(const char *dir)
{
    size_t len, docs = 0;
    char *all = load_texts(dir, &len, &docs);
    int rounds = (int)(200e6 / (double)(len ? len : 1)) + 1;
    double t0 = now();
    for (int i = 0; i < rounds; i++) {
        dyad_doc *doc = dyad_doc_new();
        dyad_doc_set_text(doc, NULL, 0, all, len);
        dyad_doc_free(doc);
    }
    report("norm", len * (size_t)rounds, (size_t)rounds, now() - t0);
    free(all);
    return 0;
}

static int bench_files(const char *dir)
{
    size_t bytes = 0, docs = 0;
    double t0 = now();
    for (int i = 0; i < 20; i++) {
        dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
        dyad_reader_add_path(r, dir);
        bytes += drain(r, &docs, 0);
        dyad_reader_free(r);
    }
    report("files", bytes, docs, now() - t0);
    return 0;
}

static void json_string(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

/* Repeats the articles as JSONL lines until the file holds mb megabytes. */
static int make_jsonl(const char *dir, const char *out, double mb)
{
    FILE *f = fopen(out, "w");
    if (!f)
        return 1;
    size_t written = 0, n = 0;
    while ((double)written < mb * 1e6) {
        dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
        dyad_reader_add_path(r, dir);
        dyad_doc *doc;
        while ((doc = dyad_reader_next(r))) {
            fprintf(f, "{\"id\": \"%s-%zu\", \"date\": \"%s\", \"title\": ", doc->id, n++,
                    doc->date ? doc->date : "");
            json_string(f, doc->title ? doc->title : "", doc->title ? strlen(doc->title) : 0);
            fputs(", \"text\": ", f);
            json_string(f, doc->text + doc->body_start, doc->text_len - doc->body_start);
            fputs("}\n", f);
            written += doc->text_len + 80;
            dyad_doc_free(doc);
        }
        dyad_reader_free(r);
    }
    return fclose(f) != 0;
}

static int bench_jsonl(const char *path, int tokenize)
{
    size_t docs = 0;
    double t0 = now();
    dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
    dyad_reader_add_path(r, path);
    size_t bytes = drain(r, &docs, tokenize);
    dyad_reader_free(r);
    const char *slash = strrchr(path, '/');
    printf("%s: ", slash ? slash + 1 : path);
    report(tokenize ? "jsonl+tok" : "jsonl", bytes, docs, now() - t0);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "norm") == 0)
        return bench_norm(argv[2]);
    if (argc >= 3 && strcmp(argv[1], "files") == 0)
        return bench_files(argv[2]);
    if (argc >= 5 && strcmp(argv[1], "mkjsonl") == 0)
        return make_jsonl(argv[2], argv[3], atof(argv[4]));
    if (argc >= 3 && strcmp(argv[1], "jsonl") == 0)
        return bench_jsonl(argv[2], argc > 3 && strcmp(argv[3], "tokenize") == 0);
    fprintf(stderr, "usage: bench_read norm|files DIR | mkjsonl DIR OUT MB | jsonl FILE [tokenize]\n");
    return 2;
}
