/* Loading a directory of PETRARCH files: the verb and discard files among them, known
 * by name as PETRARCH's own configurations name them ("CAMEO.2.0.txt",
 * "PETR_Validate_verbs_2_02.txt", "Phoenix.discards.txt"). */
#include "events.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The kind of a file by its name; -1 for files that are not verbs or discards. */
static int file_kind(const char *name)
{
    if (name[0] == '.')
        return -1;
    if (strcasestr(name, "discard"))
        return DYAD_EVENT_FILE_DISCARDS;
    if (strcasestr(name, "verb") || strncasecmp(name, "CAMEO.", 6) == 0)
        return DYAD_EVENT_FILE_VERBS;
    return -1;
}

dyad_status dyad_event_dict_add_dir(dyad_event_dict *dict, const char *dir, size_t *loaded,
                                    dyad_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return dyad_error_set(err, DYAD_EIO, "dict_dir", "cannot open dictionary directory %s",
                              dir);
    char **names = NULL;
    size_t n = 0, cap = 0;
    dyad_status st = DYAD_OK;
    for (struct dirent *e; st == DYAD_OK && (e = readdir(d));) {
        if (file_kind(e->d_name) < 0)
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
            st = dyad_event_dict_add_file(dict, path, (dyad_event_file)file_kind(names[i]), err);
        free(names[i]);
    }
    free(names);
    if (loaded)
        *loaded = st == DYAD_OK ? n : 0;
    return st;
}
