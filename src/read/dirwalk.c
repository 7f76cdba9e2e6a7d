/* Directory listing for the reader: full paths in name order, hidden entries skipped. */
#include "read.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *path_join(const char *dir, const char *name)
{
    size_t d = strlen(dir), n = strlen(name);
    bool slash = d > 0 && dir[d - 1] == '/';
    char *p = malloc(d + n + 2);
    if (p) {
        memcpy(p, dir, d);
        if (!slash)
            p[d++] = '/';
        memcpy(p + d, name, n + 1);
    }
    return p;
}

void read_dir_list_free(char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}

int read_dir_list(const char *path, char ***paths, size_t *n)
{
    DIR *dir = opendir(path);
    if (!dir)
        return errno ? errno : EIO;
    char **list = NULL;
    size_t count = 0, cap = 0;
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (errno = 0, e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ".", ".." and hidden files */
        if (!dyad_array_grow((void **)&list, &cap, count + 1, sizeof *list, 16)) {
            rc = ENOMEM;
            break;
        }
        if (!(list[count] = path_join(path, e->d_name)))
            rc = ENOMEM;
        else
            count++;
    }
    if (rc == 0 && errno)
        rc = errno;
    closedir(dir);
    if (rc) {
        read_dir_list_free(list, count);
        return rc;
    }
    qsort(list, count, sizeof *list, by_name);
    *paths = list;
    *n = count;
    return 0;
}
