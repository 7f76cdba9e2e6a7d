/* libFuzzer harness: dyad_tagger_load on untrusted bytes, then tagging with what loaded. */
#include "../src/tag/tagger.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dyad_error err;
    dyad_tagger *t = dyad_tagger_load(data, size, &err);
    if (!t)
        return 0;
    static const char *const forms[] = {"The", "studies", "n't", "", "Zaman", "\xc3\xa9t\xc3\xa9s",
                                        "said", "."};
    size_t lens[8];
    for (int i = 0; i < 8; i++)
        lens[i] = strlen(forms[i]);
    dyad_tag_result res[8];
    dyad_arena *arena = dyad_arena_new();
    if (dyad_tagger_tag(t, forms, lens, 8, res, arena) == DYAD_OK)
        for (int i = 0; i < 8; i++)
            if (!res[i].upos[0] && !res[i].lemma[0] && !res[i].feats[0] && !res[i].xpos[0])
                dyad_arena_alloc(arena, 1); /* reads every string */
    dyad_arena_free(arena);
    dyad_buf out;
    dyad_buf_init(&out);
    dyad_tagger_save(t, &out);
    dyad_buf_free(&out);
    dyad_tagger_free(t);
    return 0;
}
