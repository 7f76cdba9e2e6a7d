/* Internal helpers shared by the pipeline stages: arena, growable buffer, errors. */
#ifndef DYAD_INTERNAL_H
#define DYAD_INTERNAL_H

#include "dyad.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bump allocator: every allocation lives until dyad_arena_free. Blocks grow
 * geometrically, so a document costs few mallocs. */
typedef struct dyad_arena dyad_arena;

dyad_arena *dyad_arena_new(void);
void dyad_arena_free(dyad_arena *arena);
/* 16-byte aligned, uninitialised; NULL when out of memory. */
void *dyad_arena_alloc(dyad_arena *arena, size_t size);
void *dyad_arena_calloc(dyad_arena *arena, size_t count, size_t size);
char *dyad_arena_strndup(dyad_arena *arena, const char *s, size_t len);
/* Bytes allocated by the arena, for memory accounting. */
size_t dyad_arena_bytes(const dyad_arena *arena);

/* Growable byte buffer on malloc; data is always NUL-terminated when len > 0. */
typedef struct dyad_buf {
    char *data;
    size_t len, cap;
    bool oom; /* sticky: set once an append failed */
} dyad_buf;

void dyad_buf_init(dyad_buf *b);
void dyad_buf_free(dyad_buf *b);
bool dyad_buf_reserve(dyad_buf *b, size_t extra);
void dyad_buf_append(dyad_buf *b, const void *data, size_t len);
void dyad_buf_puts(dyad_buf *b, const char *s);
void dyad_buf_putc(dyad_buf *b, char c);
void dyad_buf_printf(dyad_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the buffer to the caller (malloc'd) and resets b. */
char *dyad_buf_detach(dyad_buf *b, size_t *len);

/* Grows a malloc'd array *items of *cap elements of elem bytes so it holds need;
 * capacity doubles from first. False (array untouched) when out of memory. */
bool dyad_array_grow(void **items, size_t *cap, size_t need, size_t elem, size_t first);

/* Fills err (may be NULL) and returns status. */
dyad_status dyad_error_set(dyad_error *err, dyad_status status, const char *code,
                           const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Reads a whole file; .gz and .zst are decompressed. Caller frees *data. */
/* Malformed lines skipped while loading user files: every one counted, the first
 * DYAD_MAX_PROBLEMS kept as "file:line: why" for the user. */
#define DYAD_MAX_PROBLEMS 8
typedef struct dyad_problems {
    size_t skipped;
    char *first[DYAD_MAX_PROBLEMS];
    size_t n;
} dyad_problems;
void dyad_problems_add(dyad_problems *p, const char *file, size_t line, const char *why);
const char *dyad_problems_get(const dyad_problems *p, size_t i); /* NULL past the last */
void dyad_problems_free(dyad_problems *p);

/* Calls each(ctx, path, name) on every entry of dir (hidden ones skipped) that
 * take(name, arg) accepts, in name order, stopping at the first failure; an
 * unreadable dir is DYAD_EIO naming it. */
dyad_status dyad_dir_each(const char *dir, bool (*take)(const char *name, const void *arg),
                          const void *arg,
                          dyad_status (*each)(void *ctx, const char *path, const char *name,
                                              dyad_error *err),
                          void *ctx, dyad_error *err);
dyad_status dyad_file_read_all(const char *path, char **data, size_t *len, dyad_error *err);

/* CRC-32 (IEEE) of a byte range, continuing from crc (start with 0). */
uint32_t dyad_crc32(uint32_t crc, const void *data, size_t len);

#endif
