/* libFuzzer harness: a named-entity weights file (data/ner/dyad-en.ner format) from
 * anywhere; when it loads, a few words are tagged and looked up with it. A CRC-32
 * guards the body, so for every other input the harness writes the right checksum
 * first: mutations then reach the records, not only the checksum test. */
#include "dyad.h"
#include "internal.h"
#include "../src/mentions/ner.h"

#include <stdlib.h>
#include <string.h>

#define HEADER 24 /* magic[8], version, n_feats, crc of the rest, n_names (ner.c) */

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    unsigned char *copy = malloc(size + 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    if (size > HEADER && (size & 1)) {
        uint32_t crc = dyad_crc32(0, copy + HEADER, size - HEADER);
        for (int k = 0; k < 4; k++)
            copy[16 + k] = (unsigned char)(crc >> (8 * k));
    }
    ner_model *m = ner_load_memory(copy, size, NULL);
    free(copy);
    if (!m)
        return 0;
    ner_word w[3];
    memset(w, 0, sizeof w);
    static const char *const forms[3] = {"Dmitry", "Peskov", "said"};
    for (int i = 0; i < 3; i++) {
        w[i].form = forms[i];
        w[i].len = (uint32_t)strlen(forms[i]);
        w[i].lemma = forms[i];
        w[i].upos = i < 2 ? "PROPN" : "VERB";
        w[i].xpos = i < 2 ? "NNP" : "VBD";
        w[i].deprel = i == 2 ? "root" : i == 1 ? "nsubj" : "compound";
        w[i].head = i == 2 ? -1 : i == 0 ? 1 : 2;
    }
    ner_prepare(w, 3);
    ner_dict_classes(NULL, &m->names, w, 3);
    uint8_t out[3];
    ner_tag(m, w, 3, out);
    (void)ner_name_gender(&m->names, "Dmitry", 6);
    ner_free(m);
    return 0;
}
