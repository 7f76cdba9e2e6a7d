/* libFuzzer harness: the compiled actor dictionary loader, then lookups over what loaded.
 * The first byte picks the mode: even = the raw bytes; odd = the rest as a body behind
 * a valid header (counted records, right CRC) so the record parser is reached. */
#include "dyad.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static size_t count_records(const char *s, size_t n)
{
    size_t records = 0;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        records += e > i && s[i] != '#';
        i = e + 1;
    }
    return records;
}

static void probe(const dyad_actor_dict *d, const char *text, size_t len)
{
    dyad_actor_match m;
    if (dyad_actor_dict_lookup(d, text, len, 20240126, &m) &&
        (m.start > m.end || m.end > len || m.country_end > len ||
         !memchr(m.code, 0, sizeof m.code)))
        abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *body = (const char *)data + 1;
    size_t n = size - 1;
    dyad_buf b;
    dyad_buf_init(&b);
    if (data[0] & 1)
        dyad_buf_printf(&b, "dyad-actors\t1\t%zu\t%08x\n", count_records(body, n),
                        dyad_crc32(0, body, n));
    dyad_buf_append(&b, body, n);
    dyad_actor_dict *d = dyad_actor_dict_load_memory(b.data ? b.data : "", b.len, NULL);
    if (d) {
        probe(d, body, n < 256 ? n : 256);
        probe(d, "Russian troops near Kyiv", 24);
    }
    dyad_actor_dict_free(d);
    dyad_buf_free(&b);
    return 0;
}
