/* Per-document bump allocator: one free releases everything a document owns. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define ARENA_FIRST_BLOCK 4096
#define ARENA_MAX_BLOCK (1u << 20)

typedef struct arena_block {
    struct arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} arena_block;

struct dyad_arena {
    arena_block *head;
    size_t next_size; /* size of the next block to allocate */
    size_t total;     /* bytes handed out by malloc */
};

dyad_arena *dyad_arena_new(void)
{
    dyad_arena *a = calloc(1, sizeof *a);
    if (a)
        a->next_size = ARENA_FIRST_BLOCK;
    return a;
}

void dyad_arena_free(dyad_arena *arena)
{
    if (!arena)
        return;
    for (arena_block *b = arena->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(arena);
}

#ifndef DYAD_ARENA_MALLOC
static arena_block *arena_grow(dyad_arena *a, size_t need)
{
    size_t size = a->next_size;
    if (size < need)
        size = need;
    arena_block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->size = size;
    b->used = 0;
    b->next = a->head;
    a->head = b;
    a->total += size;
    if (a->next_size < ARENA_MAX_BLOCK)
        a->next_size *= 2;
    return b;
}
#endif

void *dyad_arena_alloc(dyad_arena *arena, size_t size)
{
    if (size > SIZE_MAX - 16)
        return NULL;
    size = (size + 15) & ~(size_t)15;
#ifdef DYAD_ARENA_MALLOC
    /* Sanitizer builds: one block per allocation so ASan sees every overflow. */
    arena_block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->size = b->used = size;
    b->next = arena->head;
    arena->head = b;
    arena->total += size;
    return b->data;
#else
    arena_block *b = arena->head;
    if (!b || b->size - b->used < size) {
        b = arena_grow(arena, size);
        if (!b)
            return NULL;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
#endif
}

void *dyad_arena_calloc(dyad_arena *arena, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = dyad_arena_alloc(arena, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

char *dyad_arena_strndup(dyad_arena *arena, const char *s, size_t len)
{
    char *p = dyad_arena_alloc(arena, len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

size_t dyad_arena_bytes(const dyad_arena *arena)
{
    return arena ? arena->total : 0;
}
