/* Malformed lines of user files: all counted, the first few kept as "file:line: why". */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dyad_problems_add(dyad_problems *p, const char *file, size_t line, const char *why)
{
    p->skipped++;
    if (p->n >= DYAD_MAX_PROBLEMS)
        return;
    char msg[512];
    snprintf(msg, sizeof msg, "%s:%zu: %s", file, line, why);
    char *copy = strdup(msg);
    if (copy)
        p->first[p->n++] = copy;
}

const char *dyad_problems_get(const dyad_problems *p, size_t i)
{
    return i < p->n ? p->first[i] : NULL;
}

void dyad_problems_free(dyad_problems *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->first[i]);
    p->n = 0;
}
