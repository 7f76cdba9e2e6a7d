/* HTML pages: title, date and url from the page metadata, main text from <article>/<main>/<body>. */
#include "read.h"

#include <cjson/cJSON.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <string.h>

#define MAX_ARTICLES 16 /* <article> candidates compared by text length */
#define JSONLD_DEPTH 12

/* Date metadata names (meta property/name/itemprop), best first; rank = index. */
static const char *const date_keys[] = {
    "article:published_time", "og:published_time", "og:article:published_time", "pubdate",
    "publishdate", "date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date",
    "datepublished",
};
#define N_DATE_KEYS (sizeof date_keys / sizeof *date_keys)
enum { RANK_ITEMPROP = N_DATE_KEYS - 1, RANK_JSONLD = N_DATE_KEYS, RANK_TIME, N_RANKS };

/* Elements whose text is not article text. */
static const char *const skipped_tags[] = {
    "script", "style",  "nav",    "header", "footer", "aside",    "form",  "noscript",
    "figcaption", "template", "iframe", "svg", "button", "select", "textarea", "object",
    "embed",  "canvas", "head",   "title",  "menu",   "dialog",   "input", "label",
};

/* Class or id words that mark page furniture inside an article (unless it holds <p>). */
static const char *const noise_words[] = {
    "share", "sharing", "social", "related", "newsletter", "advert", "advertisement",
    "ad", "ads", "promo", "sr-only", "visually-hidden", "comments", "subscribe",
};

enum { GAP_NONE, GAP_SPACE, GAP_LINE, GAP_PARA };
static const struct { const char *tag; int gap; } tag_gaps[] = {
    {"p", GAP_PARA},       {"div", GAP_PARA},     {"h1", GAP_PARA},       {"h2", GAP_PARA},
    {"h3", GAP_PARA},      {"h4", GAP_PARA},      {"h5", GAP_PARA},       {"h6", GAP_PARA},
    {"li", GAP_PARA},      {"ul", GAP_PARA},      {"ol", GAP_PARA},       {"dl", GAP_PARA},
    {"dt", GAP_PARA},      {"dd", GAP_PARA},      {"blockquote", GAP_PARA}, {"pre", GAP_PARA},
    {"section", GAP_PARA}, {"article", GAP_PARA}, {"main", GAP_PARA},     {"figure", GAP_PARA},
    {"table", GAP_PARA},   {"tr", GAP_PARA},      {"hr", GAP_PARA},       {"address", GAP_PARA},
    {"fieldset", GAP_PARA}, {"details", GAP_PARA}, {"summary", GAP_PARA}, {"caption", GAP_PARA},
    {"center", GAP_PARA},  {"br", GAP_LINE},      {"td", GAP_SPACE},      {"th", GAP_SPACE},
};
static const char *const gap_text[] = {"", " ", "\n", "\n\n"};

typedef struct page_meta {
    xmlChar *og_title, *title, *h1, *canonical, *og_url;
    xmlChar *dates[N_RANKS]; /* first value seen for each rank */
    xmlNode *articles[MAX_ARTICLES], *main, *body;
    int n_articles;
} page_meta;

typedef struct page_text {
    dyad_buf b;
    int pending; /* GAP_* to write before the next text */
} page_text;

static bool is_tag(const xmlNode *n, const char *tag)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, tag) == 0;
}

static bool in_list(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(s, list[i]) == 0)
            return true;
    return false;
}

static xmlChar *attr(xmlNode *n, const char *name)
{
    return xmlGetProp(n, (const xmlChar *)name);
}

static void keep(xmlChar **slot, xmlChar *value)
{
    if (!*slot && value && *value)
        *slot = value;
    else
        xmlFree(value);
}

/* ---- metadata ---- */

static int date_rank(const char *key)
{
    for (size_t i = 0; i < N_DATE_KEYS; i++)
        if (strcasecmp(key, date_keys[i]) == 0)
            return (int)i;
    return -1;
}

static void meta_tag(page_meta *m, xmlNode *n)
{
    static const char *const key_attrs[] = {"property", "name", "itemprop"};
    xmlChar *content = attr(n, "content");
    for (size_t i = 0; content && i < 3; i++) {
        xmlChar *key = attr(n, key_attrs[i]);
        const char *k = (const char *)key;
        int rank = k ? date_rank(k) : -1;
        if (k && strcasecmp(k, "og:title") == 0)
            keep(&m->og_title, xmlStrdup(content));
        else if (k && strcasecmp(k, "og:url") == 0)
            keep(&m->og_url, xmlStrdup(content));
        else if (rank >= 0)
            keep(&m->dates[rank], xmlStrdup(content));
        xmlFree(key);
    }
    xmlFree(content);
}

/* The "datePublished" string anywhere in a JSON-LD value (objects, arrays, @graph). */
static const char *jsonld_date(const cJSON *v, int depth)
{
    const char *found = NULL;
    if (depth > JSONLD_DEPTH)
        return NULL;
    if (cJSON_IsObject(v)) {
        const cJSON *d = cJSON_GetObjectItemCaseSensitive(v, "datePublished");
        if (cJSON_IsString(d))
            return d->valuestring;
    }
    if (cJSON_IsObject(v) || cJSON_IsArray(v))
        for (const cJSON *child = v->child; child && !found; child = child->next)
            found = jsonld_date(child, depth + 1);
    return found;
}

static void jsonld(page_meta *m, xmlNode *n)
{
    xmlChar *type = attr(n, "type");
    bool ld = type && strcasecmp((const char *)type, "application/ld+json") == 0;
    xmlFree(type);
    if (!ld || m->dates[RANK_JSONLD])
        return;
    xmlChar *body = xmlNodeGetContent(n);
    /* the content is NUL-terminated: cJSON needs no length, and trailing bytes are refused */
    cJSON *root = body ? cJSON_ParseWithOpts((const char *)body, NULL, 1) : NULL;
    const char *date = root ? jsonld_date(root, 0) : NULL;
    if (date)
        keep(&m->dates[RANK_JSONLD], xmlStrdup((const xmlChar *)date));
    cJSON_Delete(root);
    xmlFree(body);
}

static void link_tag(page_meta *m, xmlNode *n)
{
    xmlChar *rel = attr(n, "rel");
    if (rel && strcasecmp((const char *)rel, "canonical") == 0)
        keep(&m->canonical, attr(n, "href"));
    xmlFree(rel);
}

/* Any element marked itemprop="datePublished" (<time>, <span>...). */
static void itemprop_date(page_meta *m, xmlNode *n)
{
    xmlChar *prop = attr(n, "itemprop");
    if (prop && strcasecmp((const char *)prop, "datePublished") == 0 && !is_tag(n, "meta")) {
        xmlChar *v = attr(n, "datetime");
        if (!v)
            v = attr(n, "content");
        keep(&m->dates[RANK_ITEMPROP], v ? v : xmlNodeGetContent(n));
    }
    xmlFree(prop);
}

static void meta_visit(page_meta *m, xmlNode *n)
{
    if (is_tag(n, "meta"))
        meta_tag(m, n);
    else if (is_tag(n, "title"))
        keep(&m->title, xmlNodeGetContent(n));
    else if (is_tag(n, "h1"))
        keep(&m->h1, xmlNodeGetContent(n));
    else if (is_tag(n, "link"))
        link_tag(m, n);
    else if (is_tag(n, "time"))
        keep(&m->dates[RANK_TIME], attr(n, "datetime"));
    else if (is_tag(n, "script"))
        jsonld(m, n);
    else if (is_tag(n, "article") && m->n_articles < MAX_ARTICLES)
        m->articles[m->n_articles++] = n;
    else if (is_tag(n, "main") && !m->main)
        m->main = n;
    else if (is_tag(n, "body") && !m->body)
        m->body = n;
    itemprop_date(m, n);
}

/* Visits every element without recursion: pages may nest deeply. */
static void meta_walk(page_meta *m, xmlNode *root)
{
    xmlNode *n = root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE)
            meta_visit(m, n);
        if (n->children && (n == root || n->type == XML_ELEMENT_NODE)) {
            n = n->children;
            continue;
        }
        while (n != root && !n->next)
            n = n->parent;
        n = n == root ? NULL : n->next;
    }
}

/* ---- main text ---- */

/* True when a <p> is inside n: such a container is article text whatever its class. */
static bool has_paragraph(xmlNode *root)
{
    xmlNode *n = root->children;
    while (n) {
        if (is_tag(n, "p"))
            return true;
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n != root && !n->next)
            n = n->parent;
        n = n == root ? NULL : n->next;
    }
    return false;
}

/* Class or id words (split at spaces, '-' and '_') naming page furniture. */
static bool noisy(xmlNode *n)
{
    static const char *const attrs[] = {"class", "id"};
    bool noise = false;
    for (size_t a = 0; a < 2 && !noise; a++) {
        xmlChar *v = attr(n, attrs[a]);
        char *save = NULL;
        for (char *w = v ? strtok_r((char *)v, " \t\n-_", &save) : NULL; w && !noise;
             w = strtok_r(NULL, " \t\n-_", &save))
            noise = in_list(w, noise_words, sizeof noise_words / sizeof *noise_words);
        xmlFree(v);
    }
    return noise && !has_paragraph(n);
}

static bool hidden(xmlNode *n)
{
    if (xmlHasProp(n, (const xmlChar *)"hidden"))
        return true;
    xmlChar *aria = attr(n, "aria-hidden");
    bool h = aria && strcasecmp((const char *)aria, "true") == 0;
    xmlFree(aria);
    return h;
}

static bool skipped(xmlNode *n)
{
    return in_list((const char *)n->name, skipped_tags, sizeof skipped_tags / sizeof *skipped_tags) ||
           hidden(n) || noisy(n);
}

static int gap_of(const xmlNode *n)
{
    for (size_t i = 0; i < sizeof tag_gaps / sizeof *tag_gaps; i++)
        if (strcmp((const char *)n->name, tag_gaps[i].tag) == 0)
            return tag_gaps[i].gap;
    return GAP_NONE;
}

static void text_gap(page_text *t, int gap)
{
    if (gap > t->pending)
        t->pending = gap;
}

/* Bytes of whitespace at s[i]: ASCII spaces and U+00A0 (&nbsp;). */
static size_t space_at(const unsigned char *s, size_t i, size_t n)
{
    if (read_is_space(s[i]))
        return 1;
    return s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0xA0 ? 2 : 0;
}

static void text_add(page_text *t, const unsigned char *s, size_t n)
{
    size_t i = 0, k;
    while (i < n) {
        if ((k = space_at(s, i, n)) != 0) {
            text_gap(t, GAP_SPACE);
            i += k;
            continue;
        }
        size_t j = i;
        while (j < n && !space_at(s, j, n))
            j++;
        if (t->b.len)
            dyad_buf_puts(&t->b, gap_text[t->pending]);
        t->pending = GAP_NONE;
        dyad_buf_append(&t->b, s + i, j - i);
        i = j;
    }
}

/* Text nodes are written; returns true when n is an element to descend into. */
static bool text_enter(page_text *t, xmlNode *n)
{
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
        text_add(t, n->content, strlen((const char *)n->content));
        return false;
    }
    if (n->type != XML_ELEMENT_NODE || !n->name || skipped(n))
        return false;
    text_gap(t, gap_of(n));
    return n->children != NULL;
}

static void text_walk(page_text *t, xmlNode *root)
{
    xmlNode *n = root->children;
    while (n) {
        if (text_enter(t, n)) {
            n = n->children;
            continue;
        }
        while (n != root && !n->next) {
            n = n->parent;
            if (n != root)
                text_gap(t, gap_of(n));
        }
        n = n == root ? NULL : n->next;
    }
}

/* The longest <article>, else <main>, else <body>, else the whole page. */
static void main_text(page_meta *m, xmlNode *root, dyad_buf *out)
{
    for (int i = 0; i < m->n_articles; i++) {
        page_text t = {{0}, GAP_NONE};
        text_walk(&t, m->articles[i]);
        if (t.b.len > out->len) {
            dyad_buf_free(out);
            *out = t.b;
        } else {
            dyad_buf_free(&t.b);
        }
    }
    xmlNode *fallbacks[] = {m->main, m->body, root};
    for (size_t i = 0; i < 3 && out->len == 0 && !out->oom; i++) {
        if (!fallbacks[i])
            continue;
        page_text t = {{0}, GAP_NONE};
        text_walk(&t, fallbacks[i]);
        dyad_buf_free(out);
        *out = t.b;
    }
}

/* ---- the page ---- */

/* Without a declared charset libxml2 would assume Latin-1; news pages are UTF-8. */
static const char *default_encoding(const char *data, size_t len)
{
    static const char needle[] = "charset";
    size_t n = len < 65536 ? len : 65536; /* the <head>, inline scripts included */
    for (size_t i = 0; i + sizeof needle - 1 <= n; i++)
        if (strncasecmp(data + i, needle, sizeof needle - 1) == 0)
            return NULL;
    return "UTF-8";
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static htmlDocPtr parse_page(const char *data, size_t len)
{
    xmlGenericErrorFunc saved = xmlGenericError;
    void *saved_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, silent); /* the library never prints */
    htmlDocPtr page = htmlReadMemory(data, (int)len, NULL, default_encoding(data, len),
                                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                         HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    xmlSetGenericErrorFunc(saved_ctx, saved);
    return page;
}

/* The best-ranked date that parses; when none does, a bad_date naming the best one. */
static void set_date(dyad_doc *doc, page_meta *m)
{
    char iso[11];
    const char *best = NULL;
    for (int r = 0; r < N_RANKS; r++) {
        const char *v = (const char *)m->dates[r];
        if (v && read_date_parse(v, strlen(v), iso)) {
            doc->date = dyad_doc_strdup(doc, iso, 10);
            return;
        }
        best = best ? best : v;
    }
    if (best)
        read_doc_set_date(doc, best, strlen(best));
}

/* Length of the headline repeated at the start of the body (with its break), or 0. */
static size_t repeated_title(const char *title, size_t title_len, const char *text, size_t len)
{
    if (!title || len < title_len || memcmp(text, title, title_len) != 0)
        return 0;
    if (len == title_len)
        return len;
    return len >= title_len + 2 && text[title_len] == '\n' && text[title_len + 1] == '\n'
               ? title_len + 2 : 0;
}

static void set_fields(dyad_doc *doc, page_meta *m, dyad_buf *body)
{
    const xmlChar *t = m->og_title ? m->og_title : m->title ? m->title : m->h1;
    size_t title_len = 0, url_len;
    char *title = t ? read_collapse(doc, (const char *)t, strlen((const char *)t), &title_len) : NULL;
    const char *text = body->data ? body->data : "";
    size_t skip = repeated_title(title, title_len, text, body->len);
    dyad_doc_set_text(doc, title, title_len, text + skip, body->len - skip);
    const xmlChar *url = m->canonical ? m->canonical : m->og_url;
    if (url)
        doc->url = read_collapse(doc, (const char *)url, strlen((const char *)url), &url_len);
    set_date(doc, m);
}

static void meta_free(page_meta *m)
{
    xmlChar *owned[] = {m->og_title, m->title, m->h1, m->canonical, m->og_url};
    for (size_t i = 0; i < sizeof owned / sizeof *owned; i++)
        xmlFree(owned[i]);
    for (int r = 0; r < N_RANKS; r++)
        xmlFree(m->dates[r]);
}

void read_html_parse(dyad_doc *doc, const char *data, size_t len)
{
    if (len > INT_MAX) {
        read_doc_fail(doc, "too_large", "HTML page of %zu bytes is over the 2 GB limit", len);
        return;
    }
    htmlDocPtr page = parse_page(data, len);
    if (!page) {
        read_doc_fail(doc, "bad_html", "not an HTML page libxml2 could parse");
        return;
    }
    page_meta m = {0};
    dyad_buf body;
    dyad_buf_init(&body);
    meta_walk(&m, (xmlNode *)page);
    main_text(&m, (xmlNode *)page, &body);
    if (body.oom)
        doc->text = NULL; /* the reader reports out of memory */
    else if (body.len == 0 && !m.og_title && !m.title && !m.h1)
        read_doc_fail(doc, "empty", "an HTML page without text");
    else
        set_fields(doc, &m, &body);
    dyad_buf_free(&body);
    meta_free(&m);
    xmlFreeDoc(page);
}
