/* Publication dates as found in articles and page metadata, normalised to YYYY-MM-DD. */
#include "read.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char *const month_names[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};

static bool valid_ymd(int y, int m, int d)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m != 2 || d <= 28 || leap;
}

/* Reads exactly `digits` decimal digits at s[*i]. */
static bool take_number(const char *s, size_t n, size_t *i, int digits, int *value)
{
    int v = 0;
    for (int k = 0; k < digits; k++, (*i)++) {
        if (*i >= n || !isdigit((unsigned char)s[*i]))
            return false;
        v = v * 10 + (s[*i] - '0');
    }
    *value = v;
    return true;
}

/* 2024-01-26, 2024/01/26 or 2024.01.26, then the end or a non-digit (T10:00Z...). */
static bool parse_iso(const char *s, size_t n, int *y, int *m, int *d)
{
    size_t i = 0;
    if (!take_number(s, n, &i, 4, y) || i >= n || !strchr("-/.", s[i]))
        return false;
    char sep = s[i++];
    if (!take_number(s, n, &i, 2, m) || i >= n || s[i++] != sep || !take_number(s, n, &i, 2, d))
        return false;
    return i == n || !isdigit((unsigned char)s[i]);
}

/* Splits into at most 4 words of letters or digits; commas, dots and spaces separate. */
static int split_words(const char *s, size_t n, const char *w[4], size_t wl[4])
{
    int count = 0;
    for (size_t i = 0; i < n && count < 4;) {
        while (i < n && s[i] && strchr(" \t,.", s[i]))
            i++;
        size_t start = i;
        while (i < n && isalnum((unsigned char)s[i]))
            i++;
        if (i == start)
            break;
        w[count] = s + start;
        wl[count++] = i - start;
    }
    return count;
}

static int month_of(const char *w, size_t len)
{
    if (len < 3 || len > 9 || !isalpha((unsigned char)w[0]))
        return 0;
    for (int m = 0; m < 12; m++)
        if (strncasecmp(w, month_names[m], 3) == 0)
            return m + 1;
    return 0;
}

static int number_of(const char *w, size_t len, size_t max_digits)
{
    int v = 0;
    if (len == 0 || len > max_digits)
        return -1;
    for (size_t i = 0; i < len; i++) {
        if (!isdigit((unsigned char)w[i]))
            return -1;
        v = v * 10 + (w[i] - '0');
    }
    return v;
}

/* "26 January 2024", "January 26, 2024", "Fri, 26 Jan 2024 10:00:00 GMT". */
static bool parse_words(const char *s, size_t n, int *y, int *m, int *d)
{
    const char *w[4];
    size_t wl[4];
    int count = split_words(s, n, w, wl), k = 0;
    if (count >= 4 && !month_of(w[0], wl[0]) && number_of(w[0], wl[0], 4) < 0)
        k = 1; /* a weekday */
    if (count - k < 3)
        return false;
    if ((*m = month_of(w[k], wl[k])) != 0)
        *d = number_of(w[k + 1], wl[k + 1], 2);
    else if ((*m = month_of(w[k + 1], wl[k + 1])) != 0)
        *d = number_of(w[k], wl[k], 2);
    *y = number_of(w[k + 2], wl[k + 2], 4);
    return *m && *d > 0 && *y > 0;
}

bool read_date_parse(const char *s, size_t len, char out[11])
{
    while (len && read_is_space((unsigned char)*s))
        s++, len--;
    int y = 0, m = 0, d = 0;
    if (!parse_iso(s, len, &y, &m, &d) && !parse_words(s, len, &y, &m, &d))
        return false;
    if (!valid_ymd(y, m, d))
        return false;
    const int parts[3][2] = {{y, 4}, {m, 2}, {d, 2}};
    char *o = out;
    for (int p = 0; p < 3; p++) {
        for (int k = parts[p][1] - 1, v = parts[p][0]; k >= 0; k--, v /= 10)
            o[k] = (char)('0' + v % 10);
        o += parts[p][1];
        *o++ = p < 2 ? '-' : '\0';
    }
    return true;
}

void read_doc_set_date(dyad_doc *doc, const char *value, size_t len)
{
    char iso[11];
    if (read_date_parse(value, len, iso)) {
        doc->date = dyad_doc_strdup(doc, iso, 10);
        return;
    }
    /* the value is outside input: shown as valid UTF-8 without control bytes */
    dyad_buf shown;
    dyad_buf_init(&shown);
    dyad_utf8_repair(&shown, value, len > 60 ? 60 : len, NULL);
    for (size_t i = 0; i < shown.len; i++)
        if ((unsigned char)shown.data[i] < 0x20 || shown.data[i] == '"')
            shown.data[i] = '?';
    dyad_doc_add_error(doc, "bad_date", "bad date \"%s%s\": not a YYYY-MM-DD calendar date",
                       shown.data ? shown.data : "", len > 60 ? "..." : "");
    dyad_buf_free(&shown);
}
