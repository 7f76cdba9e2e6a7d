/* JSON lines: one article object per line (id, date, title, text|body, url, source). */
#include "read.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static const char *json_kind(const json_t *v)
{
    static const char *const names[] = {"an object", "an array", "a string", "an integer",
                                        "a number", "true", "false", "null"};
    int t = (int)json_typeof(v);
    return t >= 0 && t < 8 ? names[t] : "a value";
}

/* The same fields from a jansson object; numbers are printed into num[64]. */
static void fields_from_json(json_t *obj, jsonl_fields *f, char *num)
{
    static const char *const keys[JF_COUNT] = {"id", "date", "title", "text", "body", "url", "source"};
    for (int k = 0; k < JF_COUNT; k++) {
        json_t *v = json_object_get(obj, keys[k]);
        f->kind[k] = !v ? JV_NONE : json_is_string(v) ? JV_STRING : JV_OTHER;
        if (json_is_string(v)) {
            f->value[k] = json_string_value(v);
            f->len[k] = json_string_length(v);
        } else if (k == JF_ID && json_is_number(v)) {
            f->kind[k] = JV_INTEGER;
            f->value[k] = num;
            f->len[k] = (size_t)(json_is_integer(v)
                ? snprintf(num, 64, "%" JSON_INTEGER_FORMAT, json_integer_value(v))
                : snprintf(num, 64, "%.17g", json_real_value(v)));
        }
    }
}

/* A string field as a NUL-free arena copy (an embedded \u0000 ends it); NULL when absent. */
static char *field_dup(dyad_doc *doc, const jsonl_fields *f, int k)
{
    if (f->kind[k] != JV_STRING && f->kind[k] != JV_INTEGER)
        return NULL;
    size_t len = strnlen(f->value[k], f->len[k]);
    return len ? dyad_doc_strdup(doc, f->value[k], len) : NULL;
}

static void fill_doc(dyad_doc *doc, const jsonl_fields *f, size_t line_no)
{
    char *id = field_dup(doc, f, JF_ID);
    if (id)
        doc->id = id;
    int body = f->kind[JF_TEXT] == JV_STRING ? JF_TEXT : f->kind[JF_BODY] == JV_STRING ? JF_BODY : -1;
    if (body < 0) {
        read_doc_fail(doc, "missing_text", "line %zu: no \"text\" or \"body\" string", line_no);
        return;
    }
    size_t title_len = 0;
    char *title = f->kind[JF_TITLE] == JV_STRING
        ? read_collapse(doc, f->value[JF_TITLE], f->len[JF_TITLE], &title_len) : NULL;
    dyad_doc_set_text(doc, title, title_len, f->value[body], f->len[body]);
    if (f->kind[JF_DATE] == JV_STRING)
        read_doc_set_date(doc, f->value[JF_DATE], f->len[JF_DATE]);
    doc->url = field_dup(doc, f, JF_URL);
    char *source = field_dup(doc, f, JF_SOURCE);
    if (source)
        doc->source = source;
}

/* The slow path: jansson parses the line and words any error. */
static void parse_with_jansson(dyad_doc *doc, const char *line, size_t len, size_t line_no,
                               jsonl_fields *f)
{
    json_error_t je;
    json_t *root = json_loadb(line, len, JSON_ALLOW_NUL, &je);
    char num[64];
    if (!root)
        read_doc_fail(doc, "bad_json", "line %zu, column %d: %s", line_no, je.column, je.text);
    else if (!json_is_object(root))
        read_doc_fail(doc, "bad_json", "line %zu: expected a JSON object, got %s", line_no,
                      json_kind(root));
    else {
        fields_from_json(root, f, num);
        fill_doc(doc, f, line_no);
    }
    json_decref(root);
}

void read_jsonl_line(dyad_doc *doc, const char *line, size_t len, const char *fallback_id,
                     size_t line_no)
{
    doc->id = dyad_doc_strdup(doc, fallback_id, strlen(fallback_id));
    /* JSON must be UTF-8: repair it first and report it like the text does */
    dyad_buf fixed;
    dyad_buf_init(&fixed);
    size_t first = 0, bad = dyad_utf8_repair(NULL, line, len, &first);
    if (bad) {
        dyad_utf8_repair(&fixed, line, len, NULL);
        line = fixed.data;
        len = fixed.len;
    }
    jsonl_fields f = {0};
    if (bad && fixed.oom)
        read_doc_fail(doc, "nomem", "line %zu: out of memory", line_no);
    else if (read_json_scan(line, len, &f))
        fill_doc(doc, &f, line_no);
    else
        parse_with_jansson(doc, line, len, line_no, &f);
    if (bad)
        dyad_doc_add_error(doc, "invalid_utf8", "%zu invalid UTF-8 sequence%s replaced by "
                           "U+FFFD (first at byte %zu of line %zu)",
                           bad, bad == 1 ? "" : "s", first, line_no);
    dyad_buf_free(&f.scratch);
    dyad_buf_free(&fixed);
}
