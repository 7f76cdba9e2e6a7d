/* Tests for dyad_doc_set_text: UTF-8 repair, NUL and CR folding, NFC, the ASCII fast path. */
#include "test.h"

#include <stdlib.h>
#include <time.h>
#include <utf8proc.h>

/* The body normalised on its own; the doc is returned for error checks. */
static dyad_doc *norm_doc(const char *body, size_t len)
{
    dyad_doc *doc = dyad_doc_new();
    CHECK(dyad_doc_set_text(doc, NULL, 0, body, len) == DYAD_OK);
    return doc;
}

/* A string literal and its length, embedded NULs included. */
#define LIT(s) s, sizeof(s) - 1

static void check_norm(const char *body, size_t len, const char *want, size_t n_errors)
{
    dyad_doc *doc = norm_doc(body, len);
    CHECK_STR(doc->text, want);
    CHECK(doc->text_len == strlen(want));
    CHECK(doc->n_errors == n_errors);
    dyad_doc_free(doc);
}

static const char *error_message(const dyad_doc *doc, const char *code)
{
    for (size_t i = 0; i < doc->n_errors; i++)
        if (strcmp(doc->errors[i].code, code) == 0)
            return doc->errors[i].message;
    return NULL;
}

DYAD_TEST(normalize_ascii_unchanged)
{
    const char *s = "The Kremlin said on Friday that \"talks\" were not planned.\n\nSecond.";
    check_norm(s, strlen(s), s, 0);
    check_norm(LIT(""), "", 0);
}

DYAD_TEST(normalize_title_and_body)
{
    dyad_doc *doc = dyad_doc_new();
    CHECK(dyad_doc_set_text(doc, LIT("Cafe\xCC\x81 talks"), LIT("Body text.")) == DYAD_OK);
    CHECK_STR(doc->text, "Caf\xC3\xA9 talks\n\nBody text.");
    CHECK_STR(doc->title, "Caf\xC3\xA9 talks");
    CHECK(doc->body_start == 13);
    CHECK(doc->text_len == 23);
    dyad_doc_free(doc);
}

DYAD_TEST(normalize_nfc_composes_with_ascii)
{
    /* e + U+0301 -> U+00E9, in the middle of an ASCII run, at the start, at the end */
    check_norm(LIT("Pre\xCC\x81sident"), "Pr\xC3\xA9sident", 0);
    check_norm(LIT("e\xCC\x81"), "\xC3\xA9", 0);
    check_norm(LIT("cafe\xCC\x81"), "caf\xC3\xA9", 0);
    /* marks reorder by combining class: a + dot below + circumflex either way -> U+1EAD */
    check_norm(LIT("a\xCC\x82\xCC\xA3!"), "\xE1\xBA\xAD!", 0);
    check_norm(LIT("a\xCC\xA3\xCC\x82!"), "\xE1\xBA\xAD!", 0);
    /* '<' + U+0338 -> U+226E: ASCII punctuation composes too */
    check_norm(LIT("x <\xCC\xB8 y"), "x \xE2\x89\xAE y", 0);
    /* a singleton: U+212B ANGSTROM SIGN -> U+00C5 */
    check_norm(LIT("1 \xE2\x84\xAB."), "1 \xC3\x85.", 0);
    /* Hangul conjoining jamo U+1100 U+1161 -> U+AC00 */
    check_norm(LIT("\xE1\x84\x80\xE1\x85\xA1"), "\xEA\xB0\x80", 0);
}

DYAD_TEST(normalize_inert_non_ascii_kept)
{
    const char *s = "Russia\xE2\x80\x99s \xE2\x80\x9C" "feelers\xE2\x80\x9D \xE2\x80\x94 caf\xC3\xA9 \xD0\x9A\xD1\x80\xD0\xB5\xD0\xBC\xD0\xBB\xD1\x8C";
    check_norm(s, strlen(s), s, 0);
}

DYAD_TEST(normalize_crlf_and_cr)
{
    check_norm(LIT("a\r\nb\rc\r\n\r\nd\r"), "a\nb\nc\n\nd\n", 0);
    check_norm(LIT("\xC3\xA9\r\n\xC3\xA9\r\xC3\xA9"), "\xC3\xA9\n\xC3\xA9\n\xC3\xA9", 0);
    check_norm(LIT("abcdefghij\r\nklmnopqrstuvwxyz\r"), "abcdefghij\nklmnopqrstuvwxyz\n", 0);
}

DYAD_TEST(normalize_invalid_utf8)
{
    /* overlong, overlong 3-byte, surrogate, above U+10FFFF, lone continuation, bad lead */
    static const struct { const char *in; size_t len; const char *out; } cases[] = {
        {"a\xC0\x80z", 4, "a\xEF\xBF\xBD\xEF\xBF\xBDz"},
        {"a\xE0\x80\x80z", 5, "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz"},
        {"a\xED\xA0\x80z", 5, "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz"},
        {"a\xF4\x90\x80\x80z", 6, "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz"},
        {"a\x80z", 3, "a\xEF\xBF\xBDz"},
        {"a\xFFz", 3, "a\xEF\xBF\xBDz"},
        {"a\xE2\x82z", 4, "a\xEF\xBF\xBDz"},   /* truncated: one U+FFFD for the subpart */
        {"end\xF0\x9F\x98", 6, "end\xEF\xBF\xBD"}, /* truncated at the end of input */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        dyad_doc *doc = norm_doc(cases[i].in, cases[i].len);
        CHECK_STR(doc->text, cases[i].out);
        CHECK(doc->n_errors == 1 && strcmp(doc->errors[0].code, "invalid_utf8") == 0);
        dyad_doc_free(doc);
    }
}

DYAD_TEST(normalize_invalid_utf8_message)
{
    dyad_doc *doc = norm_doc(LIT("abc\xFF de\xC0\xAF and \xED\xBF\xBF."));
    CHECK_STR(error_message(doc, "invalid_utf8"),
              "6 invalid UTF-8 sequences replaced by U+FFFD (first at byte 3)");
    CHECK(doc->failed == 0);
    dyad_doc_free(doc);
    doc = dyad_doc_new(); /* offsets count the title and the blank line */
    dyad_doc_set_text(doc, LIT("Title"), LIT("ok \x80"));
    CHECK_STR(error_message(doc, "invalid_utf8"),
              "1 invalid UTF-8 sequence replaced by U+FFFD (first at byte 10)");
    dyad_doc_free(doc);
}

DYAD_TEST(normalize_nul_bytes)
{
    dyad_doc *doc = norm_doc(LIT("one\0two\0\xC3\xA9\0"));
    CHECK(doc->text_len == 17);
    CHECK(memcmp(doc->text, "one\xEF\xBF\xBDtwo\xEF\xBF\xBD\xC3\xA9\xEF\xBF\xBD", 18) == 0);
    CHECK_STR(error_message(doc, "nul_byte"), "3 NUL bytes replaced by U+FFFD (first at byte 3)");
    CHECK(doc->n_errors == 1);
    dyad_doc_free(doc);
}

DYAD_TEST(normalize_long_ascii_fast_path)
{
    /* every byte position of the 8-byte fast path meets a CR, a NUL and a mark */
    char in[64], want[80];
    for (int pos = 0; pos < 20; pos++) {
        memset(in, 'x', sizeof in);
        memcpy(in + pos, "e\xCC\x81", 3);
        in[pos + 20] = '\r';
        in[40] = '\0';
        size_t w = 0;
        for (int i = 0; i < 64; i++) {
            if (i == pos) {
                memcpy(want + w, "\xC3\xA9", 2);
                w += 2;
                i += 2;
            } else if (in[i] == '\r') {
                want[w++] = '\n';
            } else if (in[i] == '\0') {
                memcpy(want + w, "\xEF\xBF\xBD", 3);
                w += 3;
            } else {
                want[w++] = in[i];
            }
        }
        dyad_doc *doc = norm_doc(in, sizeof in);
        CHECK(doc->text_len == 65);
        CHECK(memcmp(doc->text, want, 65) == 0);
        dyad_doc_free(doc);
    }
}

/* Random strings of tricky pieces agree with utf8proc's own NFC of the whole string. */
DYAD_TEST(normalize_matches_utf8proc)
{
    static const char *const pieces[] = {
        "a", "e", "E", "<", " ", ".", "\n", "\xCC\x81", "\xCC\xA3", "\xCC\x82", "\xCC\xB8",
        "\xC3\xA9", "\xE2\x80\x99", "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8",
        "\xE2\x84\xAB", "\xEA\xB0\x80", "\xD0\x98", "\xCC\x86", "\xE0\xA4\xA8", "\xE0\xA4\xBC",
        "\xE0\xAD\x87", "\xE0\xAC\xBE", "\xE0\xAD\x96", "\xF0\x9F\x98\x80", "\xEF\xBC\xA1",
        "\xC3\xAA", "\xC4\x93", "\xE0\xB3\x86", "\xE0\xB3\x8A", "\xE0\xB3\x95", "\xE0\xB3\x82",
        "\xE0\xBD\xB3", "\xCD\x84", "\xE2\x84\xA6", "\xE0\xA5\x98", "\xE1\x80\xA6", "\xE1\x80\xAE",
    };
    uint64_t seed = 42;
    for (int round = 0; round < 3000; round++) {
        char in[256];
        size_t len = 0;
        int n = 1 + (int)(seed % 24);
        for (int i = 0; i < n; i++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            const char *p = pieces[(seed >> 33) % (sizeof pieces / sizeof *pieces)];
            memcpy(in + len, p, strlen(p));
            len += strlen(p);
        }
        in[len] = '\0';
        utf8proc_uint8_t *want = utf8proc_NFC((const utf8proc_uint8_t *)in);
        dyad_doc *doc = norm_doc(in, len);
        if (!want || strcmp(doc->text, (const char *)want) != 0) {
            fprintf(stderr, "  differs from utf8proc_NFC on \"%s\"\n", in);
            dyad_test_failures++;
            round = 1 << 30;
        }
        free(want);
        dyad_doc_free(doc);
    }
}

DYAD_TEST(normalize_bad_arguments)
{
    dyad_doc *doc = dyad_doc_new();
    CHECK(dyad_doc_set_text(doc, NULL, 0, NULL, 5) == DYAD_EINVAL);
    CHECK(dyad_doc_set_text(doc, NULL, 0, NULL, 0) == DYAD_OK);
    CHECK_STR(doc->text, "");
    CHECK(doc->title == NULL);
    dyad_doc_free(doc);
}

/* A million combining marks in a row stay linear: a CGJ cuts every run of 30. */
DYAD_TEST(normalize_pathological_marks)
{
    size_t n = 1000000;
    char *in = malloc(2 * n + 1);
    in[0] = 'a';
    for (size_t i = 0; i < n; i++)
        memcpy(in + 1 + 2 * i, i % 2 ? "\xCC\x81" : "\xCC\xA3", 2); /* acute 230, dot below 220 */
    clock_t t0 = clock();
    dyad_doc *doc = norm_doc(in, 2 * n + 1);
    CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 1.0);
    /* a + dot below composes to U+1EA1; 15 acutes follow (sorted after), then a CGJ */
    CHECK(memcmp(doc->text, "\xE1\xBA\xA1", 3) == 0);
    size_t cgj = 0;
    for (size_t i = 0; i + 1 < doc->text_len; i++)
        cgj += doc->text[i] == '\xCD' && doc->text[i + 1] == '\x8F';
    CHECK(cgj == (n - 1) / 30);
    free(in);
    dyad_doc_free(doc);
    /* runs broken by ASCII characters do not add up (found by fuzz/normalize.c) */
    char runs[400];
    size_t len = 0;
    for (int i = 0; i < 40; i++) {
        memcpy(runs + len, "\xCC\x80\xCC\xA1@", 5);
        len += 5;
    }
    runs[len] = '\0';
    unsigned char *want = utf8proc_NFC((const unsigned char *)runs);
    check_norm(runs, len, (const char *)want, 0);
    free(want);
}
