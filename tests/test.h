/* Tiny test harness: DYAD_TEST registers a case at load time, so each stage's test
 * file adds cases without touching a shared table. Spec files are data tests. */
#ifndef DYAD_TEST_H
#define DYAD_TEST_H

#include "dyad.h"
#include "internal.h"

#include <stdio.h>
#include <string.h>

typedef void (*dyad_test_fn)(void);
void dyad_test_register(const char *name, dyad_test_fn fn);
extern int dyad_test_failures;

#define DYAD_TEST(name)                                                      \
    static void test_##name(void);                                          \
    __attribute__((constructor)) static void register_##name(void)          \
    {                                                                        \
        dyad_test_register(#name, test_##name);                             \
    }                                                                        \
    static void test_##name(void)

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "  %s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            dyad_test_failures++;                                            \
        }                                                                    \
    } while (0)

#define CHECK_STR(got, want)                                                 \
    do {                                                                     \
        const char *g_ = (got), *w_ = (want);                                \
        if (!g_ || strcmp(g_, w_) != 0) {                                    \
            fprintf(stderr, "  %s:%d: got\n%s\n  want\n%s\n", __FILE__, __LINE__, \
                    g_ ? g_ : "(null)", w_);                                 \
            dyad_test_failures++;                                            \
        }                                                                    \
    } while (0)

/* Spec files: cases of the form
 *   === case name
 *   input (any lines)
 *   ---
 *   expected (any lines)
 * The callback gets input and expected without their final newline and returns the
 * actual output (malloc'd) to compare with expected. Returns the number of cases. */
typedef char *(*dyad_spec_fn)(const char *input, size_t len);
int dyad_spec_run(const char *path, dyad_spec_fn fn);
/* The text built in b, as a spec function returns it ("" when nothing was written:
 * an empty buffer holds no string); b is left empty. */
char *dyad_test_text(dyad_buf *b);

/* Directory of the shared data (env DYAD_SHARED, default ../shared), or NULL with a
 * "skipped" message printed when it is absent. path is appended to it. */
const char *dyad_shared_path(const char *relative, char *out, size_t out_size);
/* The shipped pipeline (model, actors, named entities, events), loaded once; NULL
 * with the reason on stderr when the data is missing. */
dyad_pipeline *dyad_test_shipped(void);
/* A document from a spec input, run through it: "@file PATH" (or "#file PATH") reads
 * an article as dyad code does; otherwise an optional first line "@YYYY-MM-DD"
 * (the article date), then the body. */
dyad_doc *dyad_test_run(const char *input, size_t len);

#define SKIP(why) do { printf("  skipped: %s\n", why); return; } while (0)

#endif
