/* Phrase normalisation for actor lookup; tools/compile-actors.py mirrors it exactly. */
#include "actors.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

typedef struct mapped { int32_t cp; uint32_t start, end; } mapped;

static bool is_word_cp(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

/* Case-folds and strips accents one code point at a time, keeping source offsets. */
static mapped *map_text(const char *s, size_t len, size_t *n_out)
{
    size_t cap = len + 16, n = 0;
    mapped *m = malloc(cap * sizeof *m);
    for (size_t i = 0; m && i < len;) {
        utf8proc_int32_t cp, buf[8];
        utf8proc_ssize_t k =
            utf8proc_iterate((const uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0) { /* invalid byte: a separator */
            cp = ' ';
            k = 1;
        }
        int bc = 0;
        utf8proc_ssize_t r = cp < 0x80 ? (buf[0] = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp, 1)
            : utf8proc_decompose_char(cp, buf, 8, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                      UTF8PROC_CASEFOLD, &bc);
        if (r < 0 || r > 8)
            r = 0;
        if (n + (size_t)r > cap) {
            cap = cap * 2 + (size_t)r;
            mapped *p = realloc(m, cap * sizeof *m);
            if (!p) { free(m); return NULL; }
            m = p;
        }
        for (utf8proc_ssize_t j = 0; j < r; j++)
            m[n++] = (mapped){buf[j], (uint32_t)i, (uint32_t)(i + (size_t)k)};
        i += (size_t)k;
    }
    *n_out = n;
    return m;
}

static bool has_upper(const char *s, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i < b; i++)
        if (s[i] >= 'A' && s[i] <= 'Z')
            return true;
    return false;
}

/* Pronoun-like words that are names only when capitalised (US, WHO, IT). */
static bool case_guarded(const char *w, size_t len)
{
    static const char *const words[] = {"us", "who", "it"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == len && memcmp(w, words[i], len) == 0)
            return true;
    return false;
}

static bool push_word(actor_words *w, dyad_buf *b, size_t start, uint32_t s0, uint32_t s1,
                      const char *src, bool guard)
{
    size_t len = b->len - start;
    if (guard && case_guarded(b->data + start, len) && !has_upper(src, s0, s1)) {
        dyad_buf_putc(b, '~'); /* never in a dictionary phrase: unmatchable */
        len++;
    }
    w->off[w->n] = (uint32_t)start;
    w->wlen[w->n] = (uint32_t)len;
    w->src_start[w->n] = s0;
    w->src_end[w->n] = s1;
    w->n++;
    return !b->oom;
}

static bool alloc_words(actor_words *w, size_t n)
{
    w->off = malloc(n * sizeof *w->off);
    w->wlen = malloc(n * sizeof *w->wlen);
    w->src_start = malloc(n * sizeof *w->src_start);
    w->src_end = malloc(n * sizeof *w->src_end);
    return w->off && w->wlen && w->src_start && w->src_end;
}

bool actor_words_split(const char *s, size_t len, bool guard_case, actor_words *w)
{
    memset(w, 0, sizeof *w);
    size_t n = 0;
    mapped *m = map_text(s, len, &n);
    dyad_buf b;
    dyad_buf_init(&b);
    bool ok = m && alloc_words(w, n / 2 + 1);
    size_t start = 0;
    bool in_word = false;
    uint32_t s0 = 0, s1 = 0;
    for (size_t i = 0; ok && i < n; i++) {
        int32_t c = m[i].cp;
        if (c == '\'' || c == 0x2019) { /* drop a final 's, join across other apostrophes */
            if (i + 1 < n && m[i + 1].cp == 's' && (i + 2 >= n || !is_word_cp(m[i + 2].cp)))
                i++;
            continue;
        }
        if (c == '.')
            continue;
        if (is_word_cp(c)) {
            if (!in_word) {
                if (b.len)
                    dyad_buf_putc(&b, ' ');
                start = b.len;
                s0 = m[i].start;
                in_word = true;
            }
            uint8_t u[4];
            dyad_buf_append(&b, u, (size_t)utf8proc_encode_char(c, u));
            s1 = m[i].end;
        } else if (in_word) {
            ok = push_word(w, &b, start, s0, s1, s, guard_case);
            in_word = false;
        }
    }
    if (ok && in_word)
        ok = push_word(w, &b, start, s0, s1, s, guard_case);
    free(m);
    if (!ok || b.oom) {
        dyad_buf_free(&b);
        actor_words_free(w);
        return false;
    }
    w->text = b.data ? b.data : calloc(1, 1);
    w->len = b.len;
    return w->text != NULL;
}

void actor_words_free(actor_words *w)
{
    free(w->text);
    free(w->off);
    free(w->wlen);
    free(w->src_start);
    free(w->src_end);
    memset(w, 0, sizeof *w);
}
