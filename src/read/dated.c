/* The dated-article format: "date YYYY-MM-DD <headline>", a blank line, then the body. */
#include "read.h"

#include <string.h>

static size_t skip_blank(const char *s, size_t i, size_t n)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* True when the line at s[i, eol) starts with the word "date". */
static bool is_date_line(const char *s, size_t i, size_t eol)
{
    return eol - i >= 5 && strncasecmp(s + i, "date", 4) == 0 && (s[i + 4] == ' ' || s[i + 4] == '\t');
}

void read_dated_parse(dyad_doc *doc, const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && read_is_space((unsigned char)s[i]))
        i++;
    const char *nl = memchr(s + i, '\n', n - i);
    size_t eol = nl ? (size_t)(nl - s) : n;
    const char *title = NULL;
    size_t title_len = 0, body = i;
    if (is_date_line(s, i, eol)) {
        size_t v = skip_blank(s, i + 4, eol), v_end = v;
        while (v_end < eol && !read_is_space((unsigned char)s[v_end]))
            v_end++;
        read_doc_set_date(doc, s + v, v_end - v);
        title = read_collapse(doc, s + v_end, eol - v_end, &title_len);
        body = eol;
        while (body < n && read_is_space((unsigned char)s[body]))
            body++; /* the blank line(s) after the date line */
    } else {
        dyad_doc_add_error(doc, "missing_date",
                           "no \"date YYYY-MM-DD headline\" first line: the whole input is the body");
    }
    while (n > body && read_is_space((unsigned char)s[n - 1]))
        n--;
    dyad_doc_set_text(doc, title, title_len, s + body, n - body);
}
