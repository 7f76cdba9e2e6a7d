/* libFuzzer harness: PETRARCH actor and agent files as users write them (the first byte
 * picks the kind), then lookups of the input itself over what loaded. */
#include "dyad.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size < 1)
        return 0;
    dyad_actor_dict *d = dyad_actor_dict_new();
    if (!d)
        return 0;
    dyad_actor_file kind = data[0] & 1 ? DYAD_ACTOR_FILE_AGENTS : DYAD_ACTOR_FILE_ACTORS;
    const char *text = (const char *)data + 1;
    size_t n = size - 1;
    if (dyad_actor_dict_add_memory(d, "fuzz", text, n, kind, NULL) != DYAD_OK)
        abort(); /* only memory can fail, and libFuzzer's limits are far above our use */
    for (size_t i = 0; dyad_actor_dict_problem(d, i); i++)
        if (strncmp(dyad_actor_dict_problem(d, i), "fuzz:", 5) != 0)
            abort();
    dyad_actor_match m;
    size_t len = n < 512 ? n : 512;
    if (dyad_actor_dict_lookup(d, text, len, 0, &m) && (m.start > m.end || m.end > len))
        abort();
    dyad_actor_dict_free(d);
    return 0;
}
