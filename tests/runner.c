/* Runs every registered test (optionally those whose name contains argv[1]). */
#include "test.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#define MAX_TESTS 1024

typedef struct test_case { const char *name; dyad_test_fn fn; } test_case;
static test_case tests[MAX_TESTS];
static int n_tests;
int dyad_test_failures;

void dyad_test_register(const char *name, dyad_test_fn fn)
{
    if (n_tests < MAX_TESTS)
        tests[n_tests++] = (test_case){name, fn};
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const test_case *)a)->name, ((const test_case *)b)->name);
}

const char *dyad_shared_path(const char *relative, char *out, size_t out_size)
{
    const char *root = getenv("DYAD_SHARED");
    snprintf(out, out_size, "%s/%s", root && *root ? root : "../shared", relative);
    struct stat st;
    if (stat(out, &st) != 0) {
        printf("  skipped: %s not found (set DYAD_SHARED to the shared data)\n", out);
        return NULL;
    }
    return out;
}

static char *spec_take(char **cursor, const char *stop1, const char *stop2)
{
    /* Collects lines until one starts with stop1 or stop2; strips the last newline. */
    char *start = *cursor, *p = start;
    while (*p && !(strncmp(p, stop1, strlen(stop1)) == 0 ||
                   (stop2 && strncmp(p, stop2, strlen(stop2)) == 0))) {
        char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
    }
    *cursor = p;
    size_t len = (size_t)(p - start);
    if (len && start[len - 1] == '\n')
        len--;
    char *s = malloc(len + 1);
    memcpy(s, start, len);
    s[len] = '\0';
    return s;
}

char *dyad_test_text(dyad_buf *b)
{
    if (!b->len) {
        dyad_buf_free(b);
        return strdup("");
    }
    return dyad_buf_detach(b, NULL);
}

int dyad_spec_run(const char *path, dyad_spec_fn fn)
{
    char *data;
    size_t len;
    dyad_error err;
    if (dyad_file_read_all(path, &data, &len, &err) != DYAD_OK) {
        fprintf(stderr, "  %s\n", err.message);
        dyad_test_failures++;
        return 0;
    }
    int cases = 0;
    char *p = strstr(data, "=== ");
    while (p) {
        char *nl = strchr(p, '\n');
        if (!nl)
            break;
        char *name = strndup(p + 4, (size_t)(nl - p - 4));
        p = nl + 1;
        char *input = spec_take(&p, "---\n", NULL);
        if (strncmp(p, "---\n", 4) == 0)
            p += 4;
        char *want = spec_take(&p, "=== ", NULL);
        char *got = fn(input, strlen(input));
        if (!got || strcmp(got, want) != 0) {
            fprintf(stderr, "  %s: case \"%s\" failed\n  input:\n%s\n  want:\n%s\n  got:\n%s\n",
                    path, name, input, want, got ? got : "(null)");
            dyad_test_failures++;
        }
        cases++;
        free(got);
        free(input);
        free(want);
        free(name);
        p = *p ? p : NULL;
    }
    free(data);
    return cases;
}

int main(int argc, char **argv)
{
    qsort(tests, (size_t)n_tests, sizeof tests[0], by_name);
    int ran = 0, failed_tests = 0;
    for (int i = 0; i < n_tests; i++) {
        if (argc > 1 && !strstr(tests[i].name, argv[1]))
            continue;
        int before = dyad_test_failures;
        clock_t t0 = clock();
        printf("%s\n", tests[i].name);
        fflush(stdout);
        tests[i].fn();
        if (dyad_test_failures != before) {
            failed_tests++;
            printf("  FAILED\n");
        }
        double ms = (double)(clock() - t0) * 1000.0 / CLOCKS_PER_SEC;
        if (ms > 2000)
            printf("  (%.0f ms)\n", ms);
        ran++;
    }
    printf("%d tests, %d failed\n", ran, failed_tests);
    return failed_tests ? 1 : 0;
}

dyad_pipeline *dyad_test_shipped(void)
{
    static dyad_pipeline *p;
    static int tried;
    if (!p && !tried) {
        tried = 1;
        dyad_pipeline_options o = {.model_path = "data/model/dyad-en.model",
                                   .actors_path = "data/actors/actors.dict",
                                   .ner_path = "data/ner/dyad-en.ner",
                                   .events_dir = "data/events"};
        dyad_error err;
        p = dyad_pipeline_new(&o, &err);
        if (!p)
            fprintf(stderr, "  %s\n", err.message);
    }
    return p;
}

dyad_doc *dyad_test_run(const char *input, size_t len)
{
    dyad_doc *doc = NULL;
    if (len > 6 && (!strncmp(input, "@file ", 6) || !strncmp(input, "#file ", 6))) {
        char path[512];
        snprintf(path, sizeof path, "%.*s", (int)(len - 6), input + 6);
        dyad_reader *r = dyad_reader_new(DYAD_FORMAT_AUTO);
        if (r && dyad_reader_add_path(r, path) == DYAD_OK)
            doc = dyad_reader_next(r);
        dyad_reader_free(r);
    } else if ((doc = dyad_doc_new()) != NULL) {
        if (len > 12 && input[0] == '@') {
            doc->date = dyad_doc_strdup(doc, input + 1, 10);
            input += 12, len -= 12;
        }
        /* "# HEADLINE" on the next line: the document's title */
        const char *title = NULL, *nl = NULL;
        size_t title_len = 0;
        if (len > 2 && input[0] == '#' && input[1] == ' ') {
            nl = memchr(input, '\n', len);
            title = input + 2, title_len = nl ? (size_t)(nl - title) : len - 2;
            len = nl ? len - (size_t)(nl + 1 - input) : 0;
            input = nl ? nl + 1 : input + 2 + title_len;
        }
        dyad_doc_set_text(doc, title, title_len, input, len);
    }
    if (doc && dyad_test_shipped())
        dyad_pipeline_run(dyad_test_shipped(), doc);
    return doc;
}
