/* Loading a directory of PETRARCH files: the verb and discard files among them, known
 * by name as PETRARCH's own configurations name them ("CAMEO.2.0.txt",
 * "PETR_Validate_verbs_2_02.txt", "Phoenix.discards.txt"). */
#include "events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The kind of a file by its name; -1 for files that are not verbs or discards. */
static int file_kind(const char *name)
{
    if (strcasestr(name, "discard"))
        return DYAD_EVENT_FILE_DISCARDS;
    if (strcasestr(name, "verb") || strncasecmp(name, "CAMEO.", 6) == 0)
        return DYAD_EVENT_FILE_VERBS;
    return -1;
}

static bool is_event_file(const char *name, const void *arg)
{
    return file_kind(name) >= 0;
}

static dyad_status load_one(void *dict, const char *path, const char *name, dyad_error *err)
{
    return dyad_event_dict_add_file(dict, path, (dyad_event_file)file_kind(name), err);
}

dyad_status dyad_event_dict_add_dir(dyad_event_dict *dict, const char *dir, size_t *loaded,
                                    dyad_error *err)
{
    size_t before = dict->n_files;
    dyad_status st = dyad_dir_each(dir, is_event_file, NULL, load_one, dict, err);
    if (loaded)
        *loaded = st == DYAD_OK ? dict->n_files - before : 0;
    return st;
}
