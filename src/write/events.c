/* Events as rows: GDELT 2.0 event columns (tab-separated) and CSV with a header. */
#include "internal.h"

#include <string.h>

/* A field without tabs or newlines: GDELT files have no quoting. */
static void tsv_field(dyad_buf *b, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        dyad_buf_putc(b, (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') ? ' ' : s[i]);
}

static void tsv_str(dyad_buf *b, const char *s)
{
    if (s)
        tsv_field(b, s, strlen(s));
    dyad_buf_putc(b, '\t');
}

/* "2024-01-26" -> "20240126"; a month or year alone fills the rest with zeros. */
static void gdelt_day(const char *date, char out[9])
{
    memcpy(out, "00000000", 9);
    if (!date)
        return;
    size_t n = strlen(date);
    if (n >= 4)
        memcpy(out, date, 4);
    if (n >= 7)
        memcpy(out + 4, date + 5, 2);
    if (n >= 10)
        memcpy(out + 6, date + 8, 2);
}

/* Actor code columns: code, name, country (the first three letters unless an IGO),
 * known group, ethnic, religion 1 and 2, type 1-3 (the roles after the country). */
static void gdelt_actor(dyad_buf *b, const dyad_event_actor *a)
{
    const char *code = a->code ? a->code : "";
    size_t n = strlen(code);
    bool country = n >= 3 && strncmp(code, "IGO", 3) != 0;
    tsv_str(b, code);
    tsv_str(b, a->text);
    if (country)
        tsv_field(b, code, 3);
    dyad_buf_puts(b, "\t\t\t\t\t");
    for (size_t k = 0; k < 3; k++) {
        size_t at = 3 + 3 * k;
        if (n >= at + 3)
            tsv_field(b, code + at, 3);
        dyad_buf_putc(b, '\t');
    }
}

char *dyad_doc_events_to_gdelt(const dyad_doc *doc, size_t *len)
{
    dyad_buf b;
    dyad_buf_init(&b);
    for (size_t i = 0; i < doc->n_events; i++) {
        const dyad_event *e = &doc->events[i];
        char day[9];
        gdelt_day(e->date, day);
        dyad_buf_printf(&b, "%s:%zu\t%s\t%.6s\t%.4s\t", doc->id ? doc->id : "", i, day, day, day);
        int year = (day[0] - '0') * 1000 + (day[1] - '0') * 100 + (day[2] - '0') * 10 + (day[3] - '0');
        int month = (day[4] - '0') * 10 + (day[5] - '0');
        int mday = (day[6] - '0') * 10 + (day[7] - '0');
        double doy = month ? (month - 1) * 30.4375 + (mday ? mday : 1) : 0;
        dyad_buf_printf(&b, "%.4f\t", year + doy / 365.0);
        gdelt_actor(&b, &e->source);
        gdelt_actor(&b, &e->target);
        const char *c = e->cameo;
        dyad_buf_printf(&b, "%d\t%s\t%.3s\t%.2s\t%d\t%.1f\t%u\t1\t1\t\t", e->sentence <= 1, c, c, c,
                        e->quad_class, e->goldstein, e->mentions);
        dyad_buf_puts(&b, "\t\t\t\t\t\t\t\t"); /* Actor1Geo_*: dyad does not geocode */
        dyad_buf_puts(&b, "\t\t\t\t\t\t\t\t"); /* Actor2Geo_* */
        dyad_buf_puts(&b, "\t\t\t\t\t\t\t\t"); /* ActionGeo_* */
        dyad_buf_putc(&b, '\t');                 /* DATEADDED: not a crawl time */
        tsv_str(&b, doc->url ? doc->url : doc->source);
        /* dyad's own columns after GDELT's 61: what GDELT cannot say */
        tsv_str(&b, e->status);
        tsv_str(&b, e->plover_type);
        tsv_str(&b, doc->id);
        dyad_buf_printf(&b, "%d\n", e->sentence);
    }
    if (!b.len)
        dyad_buf_reserve(&b, 1);
    return dyad_buf_detach(&b, len);
}

static void csv_field(dyad_buf *b, const char *s)
{
    if (!s)
        s = "";
    if (!strpbrk(s, ",\"\n\r")) {
        dyad_buf_puts(b, s);
        return;
    }
    dyad_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            dyad_buf_putc(b, '"');
        dyad_buf_putc(b, *s);
    }
    dyad_buf_putc(b, '"');
}

const char *dyad_events_csv_header(void)
{
    return "doc_id,event,sentence,start,end,date,source_code,source_text,target_code,"
           "target_text,cameo,goldstein,quad_class,plover_type,plover_mode,plover_context,"
           "status,quote,verb,mentions,url\n";
}

char *dyad_doc_events_to_csv(const dyad_doc *doc, size_t *len)
{
    dyad_buf b;
    dyad_buf_init(&b);
    for (size_t i = 0; i < doc->n_events; i++) {
        const dyad_event *e = &doc->events[i];
        csv_field(&b, doc->id);
        dyad_buf_printf(&b, ",%zu,%d,%u,%u,", i, e->sentence, e->start, e->end);
        const char *fields[] = {e->date, e->source.code, e->source.text, e->target.code,
                                e->target.text, e->cameo};
        for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
            csv_field(&b, fields[k]);
            dyad_buf_putc(&b, ',');
        }
        dyad_buf_printf(&b, "%.1f,%d,", e->goldstein, e->quad_class);
        const char *more[] = {e->plover_type, e->plover_mode, e->plover_context, e->status};
        for (size_t k = 0; k < sizeof more / sizeof *more; k++) {
            csv_field(&b, more[k]);
            dyad_buf_putc(&b, ',');
        }
        if (e->quote >= 0)
            dyad_buf_printf(&b, "%d", e->quote);
        dyad_buf_putc(&b, ',');
        csv_field(&b, e->verb);
        dyad_buf_printf(&b, ",%u,", e->mentions);
        csv_field(&b, doc->url ? doc->url : doc->source);
        dyad_buf_putc(&b, '\n');
    }
    if (!b.len)
        dyad_buf_reserve(&b, 1);
    return dyad_buf_detach(&b, len);
}
