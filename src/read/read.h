/* Reader internals: decompressing byte streams, one parser per format, shared helpers. */
#ifndef DYAD_READ_H
#define DYAD_READ_H

#include "internal.h"

/* ---- streams: file, stdin or memory; gzip and zstd by extension or magic ---- */

typedef struct read_stream read_stream;

/* Opens path ("-" = stdin). NULL with errno set when the file cannot be opened. */
read_stream *read_stream_open_path(const char *path);
/* A stream over memory that must outlive it; name only picks the codec by extension. */
read_stream *read_stream_open_memory(const char *name, const void *data, size_t len);
void read_stream_close(read_stream *s);
/* Buffers up to n decompressed bytes (fewer at the end); *avail receives the count. */
const char *read_stream_peek(read_stream *s, size_t n, size_t *avail);
/* The next line without "\n" or "\r\n", valid until the next call; 0 at the end or
 * on error (a partial line cut by an error is dropped: see read_stream_error). */
int read_stream_line(read_stream *s, const char **line, size_t *len);
/* The rest of the stream, malloc'd and NUL-terminated; DYAD_OK or the stream error. */
dyad_status read_stream_rest(read_stream *s, char **data, size_t *len);
/* DYAD_OK, DYAD_EIO, DYAD_EFORMAT (corrupt compressed data) or DYAD_ENOMEM, with a
 * short description in *what. */
dyad_status read_stream_error(const read_stream *s, const char **what);

/* ---- directories ---- */

/* The entries of a directory as full paths, sorted by name, hidden ones skipped.
 * Returns 0, or an errno value when the directory cannot be read. */
int read_dir_list(const char *path, char ***paths, size_t *n);
void read_dir_list_free(char **paths, size_t n);

/* ---- formats: each fills doc from the bytes of one input ---- */

void read_dated_parse(dyad_doc *doc, const char *data, size_t len);
void read_text_parse(dyad_doc *doc, const char *data, size_t len);
void read_html_parse(dyad_doc *doc, const char *data, size_t len);
/* One JSONL line; fallback_id ("<name>:<line>") is the id when the line has none. */
void read_jsonl_line(dyad_doc *doc, const char *line, size_t len, const char *fallback_id,
                     size_t line_no);

/* ---- helpers ---- */

/* Normalises a date ("2024-01-26", "2024-01-26T10:00:00Z", "2024/01/26",
 * "26 January 2024", "Jan 26, 2024", "Fri, 26 Jan 2024 10:00:00 GMT") to
 * "YYYY-MM-DD" in out; false when it is not a real calendar date. */
bool read_date_parse(const char *s, size_t len, char out[11]);
/* Sets doc->date from value, or adds a bad_date error naming it (doc not failed). */
void read_doc_set_date(dyad_doc *doc, const char *value, size_t len);
/* Marks doc failed with an empty text and one error. */
void read_doc_fail(dyad_doc *doc, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Copies s into the doc with whitespace runs collapsed to one space and trimmed;
 * NULL when nothing is left. */
char *read_collapse(dyad_doc *doc, const char *s, size_t len, size_t *out_len);
bool read_is_space(unsigned char c);

/* Appends s to out (when not NULL) with invalid UTF-8 replaced by U+FFFD (defined
 * in src/text/normalize.c). Returns the number of replacements; *first receives the
 * offset of the first one. */
size_t dyad_utf8_repair(dyad_buf *out, const char *s, size_t len, size_t *first);

#endif
