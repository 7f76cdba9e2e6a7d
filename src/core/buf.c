/* Growable byte buffer with a sticky out-of-memory flag, so writers check once;
 * and growable arrays. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dyad_buf_init(dyad_buf *b)
{
    memset(b, 0, sizeof *b);
}

void dyad_buf_free(dyad_buf *b)
{
    free(b->data);
    dyad_buf_init(b);
}

bool dyad_buf_reserve(dyad_buf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (extra > SIZE_MAX - b->len - 1) {
        b->oom = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void dyad_buf_append(dyad_buf *b, const void *data, size_t len)
{
    if (!dyad_buf_reserve(b, len))
        return;
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void dyad_buf_puts(dyad_buf *b, const char *s)
{
    dyad_buf_append(b, s, strlen(s));
}

void dyad_buf_putc(dyad_buf *b, char c)
{
    if (b->len + 1 < b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return;
    }
    dyad_buf_append(b, &c, 1);
}

void dyad_buf_printf(dyad_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !dyad_buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

bool dyad_array_grow(void **items, size_t *cap, size_t need, size_t elem, size_t first)
{
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap : first;
    while (n < need) {
        if (n > SIZE_MAX / 2 / elem)
            return false;
        n *= 2;
    }
    void *p = realloc(*items, n * elem);
    if (!p)
        return false;
    *items = p;
    *cap = n;
    return true;
}

char *dyad_buf_detach(dyad_buf *b, size_t *len)
{
    if (b->oom) {
        dyad_buf_free(b);
        return NULL;
    }
    if (!dyad_buf_reserve(b, 0))
        return NULL;
    char *p = b->data;
    if (len)
        *len = b->len;
    dyad_buf_init(b);
    return p;
}
