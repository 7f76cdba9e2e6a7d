/* The files of a directory in name order: how user dictionaries are loaded. */
#include "internal.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

dyad_status dyad_dir_each(const char *dir, bool (*take)(const char *name, const void *arg),
                          const void *arg,
                          dyad_status (*each)(void *ctx, const char *path, const char *name,
                                              dyad_error *err),
                          void *ctx, dyad_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return dyad_error_set(err, DYAD_EIO, "dict_dir", "cannot open dictionary directory %s",
                              dir);
    char **names = NULL;
    size_t n = 0, cap = 0;
    dyad_status st = DYAD_OK;
    for (struct dirent *e; st == DYAD_OK && (e = readdir(d));) {
        if (e->d_name[0] == '.' || !take(e->d_name, arg))
            continue;
        char *name = strdup(e->d_name);
        if (!name || !dyad_array_grow((void **)&names, &cap, n + 1, sizeof *names, 16)) {
            free(name);
            st = dyad_error_set(err, DYAD_ENOMEM, "nomem", "out of memory");
        } else {
            names[n++] = name;
        }
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, name_cmp);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (st == DYAD_OK)
            st = each(ctx, path, names[i], err);
        free(names[i]);
    }
    free(names);
    return st;
}
