/* Reader: a queue of inputs (files, directories, stdin, memory), format detection, dispatch. */
#include "read.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SNIFF_BYTES 8192 /* content looked at for binary data and the format */
#define MAX_TEXT (UINT32_MAX / 2) /* token offsets are 32-bit: dyad_doc_set_text's limit */

typedef struct read_input {
    struct read_input *next;
    char *path;     /* file path, "-" for stdin, or the name of a memory input */
    char *data;     /* memory inputs: an owned copy */
    size_t len;
    bool memory;
    bool listed;    /* found in a directory: symlinked directories are not followed */
} read_input;

struct dyad_reader {
    dyad_format forced;
    dyad_status status;
    read_input *head, *tail;
    read_input *cur;      /* the JSONL or lines input being streamed, or NULL */
    dyad_format streamed; /* its format: DYAD_FORMAT_JSONL or DYAD_FORMAT_LINES */
    read_stream *stream;
    char *base;           /* id of cur without extension; line ids are "<base>:<line>" */
    size_t line_no, docs; /* lines read from cur, documents made from them */
};

static const char *const format_names[] = {"auto", "dated", "jsonl", "text", "html", "lines"};

/* Extensions that fix the format; the others (.txt...) leave it to the content. */
static const struct { const char *ext; dyad_format format; } format_exts[] = {
    {"jsonl", DYAD_FORMAT_JSONL}, {"ndjson", DYAD_FORMAT_JSONL}, {"json", DYAD_FORMAT_JSONL},
    {"html", DYAD_FORMAT_HTML},   {"htm", DYAD_FORMAT_HTML},     {"xhtml", DYAD_FORMAT_HTML},
};

typedef void (*format_parser)(dyad_doc *doc, const char *data, size_t len);
static const format_parser parsers[] = {
    [DYAD_FORMAT_DATED] = read_dated_parse,
    [DYAD_FORMAT_TEXT] = read_text_parse,
    [DYAD_FORMAT_HTML] = read_html_parse,
};

int dyad_format_from_name(const char *name)
{
    for (int i = 0; name && i < (int)(sizeof format_names / sizeof *format_names); i++)
        if (strcmp(name, format_names[i]) == 0)
            return i;
    return -1;
}

const char *dyad_format_name(dyad_format format)
{
    unsigned f = (unsigned)format;
    return f < sizeof format_names / sizeof *format_names ? format_names[f] : "auto";
}

/* ---- names ---- */

/* The last component of a path and its length: "a/b/" -> "b". */
static const char *last_component(const char *path, size_t *len)
{
    size_t end = strlen(path);
    while (end > 1 && path[end - 1] == '/')
        end--; /* "dir/" names "dir" */
    const char *name = path + end;
    while (name > path && name[-1] != '/')
        name--;
    *len = (size_t)(path + end - name);
    return name;
}

/* The file name without directory, compression suffix and one extension:
 * "a/b/001.txt.gz" -> "001"; "-" (stdin) -> "stdin". Malloc'd. */
static char *name_base(const char *path)
{
    if (strcmp(path, "-") == 0)
        return strdup("stdin");
    size_t n;
    const char *name = last_component(path, &n);
    static const char *const packed[] = {".gz", ".zst"};
    for (size_t i = 0; i < 2; i++) {
        size_t m = strlen(packed[i]);
        if (n > m && strncmp(name + n - m, packed[i], m) == 0)
            n -= m;
    }
    for (size_t i = n; i > 1; i--)
        if (name[i - 1] == '.') {
            n = i - 1;
            break;
        }
    return strndup(name, n);
}

/* Format named by the extension under any compression suffix, or AUTO. */
static dyad_format format_of_name(const char *path)
{
    if (strcmp(path, "-") == 0)
        return DYAD_FORMAT_AUTO; /* stdin: no name to go by */
    char *base = name_base(path);
    size_t n;
    const char *name = last_component(path, &n);
    const char *ext = base && strlen(base) < n && name[strlen(base)] == '.'
        ? name + strlen(base) + 1 : NULL;
    dyad_format f = DYAD_FORMAT_AUTO;
    for (size_t i = 0; ext && i < sizeof format_exts / sizeof *format_exts; i++) {
        size_t m = strlen(format_exts[i].ext);
        if (strncasecmp(ext, format_exts[i].ext, m) == 0 && (ext[m] == '\0' || ext[m] == '.'))
            f = format_exts[i].format;
    }
    free(base);
    return f;
}

/* ---- content ---- */

static bool all_space(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!read_is_space((unsigned char)p[i]))
            return false;
    return true;
}

static dyad_format format_of_content(const char *p, size_t n)
{
    size_t i = n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && read_is_space((unsigned char)p[i]))
        i++;
    if (i < n && p[i] == '{')
        return DYAD_FORMAT_JSONL;
    if (i + 1 < n && p[i] == '<' && (p[i + 1] == '!' || isalpha((unsigned char)p[i + 1])))
        return DYAD_FORMAT_HTML;
    if (n - i >= 5 && strncasecmp(p + i, "date", 4) == 0 && (p[i + 4] == ' ' || p[i + 4] == '\t'))
        return DYAD_FORMAT_DATED;
    return DYAD_FORMAT_TEXT;
}

/* Binary when NULs and other control bytes are more than 1 in 20 of the sample: one
 * stray NUL in an article is text with an error; PNG, ELF, UTF-16 or compressed
 * data (about 1 in 9 for random bytes) are not text. Text in a legacy 8-bit
 * encoding has no control bytes: it is read, with invalid_utf8 errors. */
static bool looks_binary(const char *p, size_t n)
{
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        bad += (c < 0x20 && !read_is_space(c)) || c == 0x7f;
    }
    return bad > 1 && bad * 20 > n;
}

/* ---- documents ---- */

static dyad_doc *doc_for(dyad_reader *r, const read_input *in, const char *id, dyad_format f)
{
    dyad_doc *doc = dyad_doc_new();
    if (doc) {
        doc->id = dyad_doc_strdup(doc, id, strlen(id));
        doc->source = dyad_doc_strdup(doc, in->path, strlen(in->path));
        doc->format = dyad_format_name(f ? f : DYAD_FORMAT_TEXT);
    }
    if (!doc || !doc->id || !doc->source) {
        dyad_doc_free(doc);
        r->status = DYAD_ENOMEM;
        return NULL;
    }
    return doc;
}

/* A failed document for the stream's error; NULL (reader status set) on ENOMEM. */
static dyad_doc *stream_failure(dyad_reader *r, const read_input *in, const char *id,
                                dyad_format f, read_stream *s, const char *where)
{
    const char *what;
    dyad_status st = read_stream_error(s, &what);
    if (st == DYAD_ENOMEM) {
        r->status = DYAD_ENOMEM;
        return NULL;
    }
    dyad_doc *doc = doc_for(r, in, id, f);
    if (doc)
        read_doc_fail(doc, st == DYAD_EFORMAT ? "decompress" : "io", "%s: %s%s", in->path,
                      what, where);
    return doc;
}

static dyad_doc *whole_input(dyad_reader *r, read_input *in, const char *id, dyad_format f,
                             read_stream *s)
{
    char *data;
    size_t len;
    if (read_stream_rest(s, &data, &len) != DYAD_OK)
        return stream_failure(r, in, id, f, s, "");
    dyad_doc *doc = doc_for(r, in, id, f);
    if (doc && all_space(data, len))
        read_doc_fail(doc, "empty", "%s: empty input (only whitespace)", in->path);
    else if (doc && len > MAX_TEXT)
        read_doc_fail(doc, "too_large", "%s: %zu bytes, over the 2 GB limit", in->path, len);
    else if (doc)
        parsers[f](doc, data, len);
    free(data);
    if (doc && !doc->text) { /* a parser ran out of memory */
        dyad_doc_free(doc);
        r->status = DYAD_ENOMEM;
        return NULL;
    }
    return doc;
}

/* A failed document when the first bytes cannot be read, are empty or are binary. */
static dyad_doc *head_failure(dyad_reader *r, read_input *in, const char *id, dyad_format f,
                              read_stream *s, const char *head, size_t avail)
{
    const char *what;
    dyad_doc *doc = NULL;
    if (read_stream_error(s, &what) != DYAD_OK)
        return stream_failure(r, in, id, f, s, "");
    if (avail == 0 && (doc = doc_for(r, in, id, f)))
        read_doc_fail(doc, "empty", "%s: empty input", in->path);
    else if (avail && looks_binary(head, avail) && (doc = doc_for(r, in, id, f)))
        read_doc_fail(doc, "binary", "%s: binary data (control bytes fill the first "
                      "%zu bytes), not text", in->path, avail);
    return doc;
}

/* Opens one file or memory input; JSONL starts streaming (returns NULL), the other
 * formats give their single document. */
static dyad_doc *open_input(dyad_reader *r, read_input *in, char *id)
{
    dyad_format f = r->forced ? r->forced : format_of_name(in->path);
    read_stream *s = in->memory ? read_stream_open_memory(in->path, in->data, in->len)
                                : read_stream_open_path(in->path);
    if (!s) {
        dyad_doc *doc = errno == ENOMEM ? NULL : doc_for(r, in, id, f);
        if (doc)
            read_doc_fail(doc, "io", "%s: %s", in->path, strerror(errno));
        else
            r->status = DYAD_ENOMEM;
        return doc;
    }
    size_t avail;
    const char *head = read_stream_peek(s, SNIFF_BYTES, &avail);
    dyad_doc *doc = head_failure(r, in, id, f, s, head, avail);
    if (!doc && r->status == DYAD_OK) {
        f = f ? f : format_of_content(head, avail);
        if (f == DYAD_FORMAT_JSONL || f == DYAD_FORMAT_LINES) {
            r->stream = s;
            r->streamed = f;
            r->cur = in;
            r->base = id;
            r->line_no = r->docs = 0;
            return NULL;
        }
        doc = whole_input(r, in, id, f, s);
    }
    read_stream_close(s);
    return doc;
}

/* At the end of a JSONL or lines input: a failed document when the stream broke or held
 * no line, and the input is closed. */
static dyad_doc *jsonl_end(dyad_reader *r)
{
    const char *what;
    char where[64];
    snprintf(where, sizeof where, " after line %zu", r->line_no);
    dyad_doc *doc = NULL;
    if (read_stream_error(r->stream, &what) != DYAD_OK)
        doc = stream_failure(r, r->cur, r->base, r->streamed, r->stream, where);
    else if (r->docs == 0 && (doc = doc_for(r, r->cur, r->base, r->streamed)))
        read_doc_fail(doc, "empty", "%s: no %s", r->cur->path,
                      r->streamed == DYAD_FORMAT_LINES ? "lines of text" : "JSON lines");
    read_stream_close(r->stream);
    r->stream = NULL;
    free(r->base);
    r->base = NULL;
    return doc;
}

/* The next line of the JSONL or lines input as a document (blank lines are skipped). */
static dyad_doc *jsonl_next(dyad_reader *r)
{
    const char *line;
    size_t len;
    while (read_stream_line(r->stream, &line, &len)) {
        if (++r->line_no == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
            line += 3; /* a byte-order mark */
            len -= 3;
        }
        if (all_space(line, len))
            continue;
        char id[64 + 256];
        snprintf(id, sizeof id, "%.256s:%zu", r->base, r->line_no);
        dyad_doc *doc = doc_for(r, r->cur, id, r->streamed);
        if (!doc)
            return NULL;
        if (len > MAX_TEXT)
            read_doc_fail(doc, "too_large", "line %zu: %zu bytes, over the 2 GB limit",
                          r->line_no, len);
        else if (r->streamed == DYAD_FORMAT_LINES)
            read_text_parse(doc, line, len);
        else
            read_jsonl_line(doc, line, len, id, r->line_no);
        if (!doc->text) {
            dyad_doc_free(doc);
            r->status = DYAD_ENOMEM;
            return NULL;
        }
        r->docs++;
        return doc;
    }
    return jsonl_end(r);
}

/* ---- the queue ---- */

static void input_free(read_input *in)
{
    if (in) {
        free(in->path);
        free(in->data);
        free(in);
    }
}

static read_input *input_new(const char *path, const void *data, size_t len, bool memory)
{
    read_input *in = calloc(1, sizeof *in);
    if (!in)
        return NULL;
    in->path = strdup(path);
    in->memory = memory;
    in->len = len;
    in->data = memory ? malloc(len ? len : 1) : NULL;
    if (!in->path || (memory && !in->data)) {
        input_free(in);
        return NULL;
    }
    if (memory && len)
        memcpy(in->data, data, len);
    return in;
}

static void queue_push(dyad_reader *r, read_input *in)
{
    if (r->tail)
        r->tail->next = in;
    else
        r->head = in;
    r->tail = in;
}

/* Queues a directory's entries in front of the rest, so the walk is depth-first in
 * name order. Special files are skipped (a FIFO would block). */
static dyad_doc *expand_dir(dyad_reader *r, read_input *in, const char *id)
{
    char **paths;
    size_t n;
    int e = read_dir_list(in->path, &paths, &n);
    if (e) {
        dyad_doc *doc = e == ENOMEM ? NULL : doc_for(r, in, id, DYAD_FORMAT_AUTO);
        if (doc)
            read_doc_fail(doc, "io", "%s: cannot read directory: %s", in->path, strerror(e));
        else
            r->status = DYAD_ENOMEM;
        return doc;
    }
    for (size_t i = n; i-- > 0 && r->status == DYAD_OK;) {
        struct stat st, lst;
        if (stat(paths[i], &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
            continue;
        if (lstat(paths[i], &lst) == 0 && S_ISLNK(lst.st_mode) && S_ISDIR(st.st_mode))
            continue; /* symlinked directories could loop */
        read_input *child = input_new(paths[i], NULL, 0, false);
        if (!child) {
            r->status = DYAD_ENOMEM;
            break;
        }
        child->next = r->head;
        r->head = child;
        if (!r->tail)
            r->tail = child;
    }
    read_dir_list_free(paths, n);
    return NULL;
}

static bool is_directory(const read_input *in)
{
    struct stat st;
    return !in->memory && strcmp(in->path, "-") != 0 && stat(in->path, &st) == 0 &&
           S_ISDIR(st.st_mode);
}

static dyad_doc *input_next(dyad_reader *r)
{
    read_input *in = r->head;
    r->head = in->next;
    if (!r->head)
        r->tail = NULL;
    char *id = name_base(in->path);
    if (!id) {
        r->status = DYAD_ENOMEM;
        input_free(in);
        return NULL;
    }
    dyad_doc *doc = is_directory(in) ? expand_dir(r, in, id) : open_input(r, in, id);
    if (r->cur != in) {
        input_free(in);
        free(id);
    }
    return doc;
}

dyad_reader *dyad_reader_new(dyad_format forced)
{
    if ((unsigned)forced > DYAD_FORMAT_LINES)
        return NULL;
    dyad_reader *r = calloc(1, sizeof *r);
    if (r)
        r->forced = forced;
    return r;
}

dyad_status dyad_reader_add_path(dyad_reader *reader, const char *path)
{
    if (!reader || !path || !*path)
        return DYAD_EINVAL;
    read_input *in = input_new(path, NULL, 0, false);
    if (!in)
        return DYAD_ENOMEM;
    queue_push(reader, in);
    return DYAD_OK;
}

dyad_status dyad_reader_add_memory(dyad_reader *reader, const char *name, const void *data,
                                   size_t len)
{
    if (!reader || (!data && len))
        return DYAD_EINVAL;
    read_input *in = input_new(name && *name ? name : "memory", data, len, true);
    if (!in)
        return DYAD_ENOMEM;
    queue_push(reader, in);
    return DYAD_OK;
}

dyad_doc *dyad_reader_next(dyad_reader *reader)
{
    while (reader && reader->status == DYAD_OK && (reader->stream || reader->head)) {
        dyad_doc *doc = reader->stream ? jsonl_next(reader) : input_next(reader);
        if (reader->cur && !reader->stream) { /* the JSONL input just ended */
            input_free(reader->cur);
            reader->cur = NULL;
        }
        if (doc)
            return doc;
    }
    return NULL;
}

dyad_status dyad_reader_status(const dyad_reader *reader)
{
    return reader ? reader->status : DYAD_EINVAL;
}

void dyad_reader_free(dyad_reader *reader)
{
    if (!reader)
        return;
    read_stream_close(reader->stream);
    input_free(reader->cur);
    free(reader->base);
    for (read_input *in = reader->head, *next; in; in = next) {
        next = in->next;
        input_free(in);
    }
    free(reader);
}
