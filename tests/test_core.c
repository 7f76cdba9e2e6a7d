/* Core helpers: growable arrays and byte buffers. */
#include "test.h"

#include <stdlib.h>

DYAD_TEST(core_array_grow_doubles_and_keeps_items)
{
    int *a = NULL;
    size_t cap = 0;
    CHECK(dyad_array_grow((void **)&a, &cap, 1, sizeof *a, 4) && cap == 4);
    for (int i = 0; i < 4; i++)
        a[i] = i;
    CHECK(dyad_array_grow((void **)&a, &cap, 4, sizeof *a, 4) && cap == 4); /* fits: no change */
    CHECK(dyad_array_grow((void **)&a, &cap, 9, sizeof *a, 4) && cap == 16);
    CHECK(a[3] == 3);
    CHECK(!dyad_array_grow((void **)&a, &cap, SIZE_MAX / 2, sizeof *a, 4) && cap == 16);
    free(a);
}

DYAD_TEST(core_buf_appends_and_detaches)
{
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "ab");
    dyad_buf_putc(&b, 'c');
    dyad_buf_printf(&b, "%d", 42);
    size_t len;
    char *s = dyad_buf_detach(&b, &len);
    CHECK_STR(s, "abc42");
    CHECK(len == 5 && b.data == NULL);
    free(s);
}
