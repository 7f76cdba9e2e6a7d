/* libFuzzer harness: PETRARCH verb dictionaries, discard lists, noun lists (event nouns
 * and abstract nouns), code tables and composed-code tables as users and tools write
 * them (the first byte picks the kind), then the event stage over a small parsed
 * sentence with what loaded. */
#include "dyad.h"
#include "events_check.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* A fixed sentence with a plausible parse: "Russia attacked Ukraine with troops ." */
static dyad_doc *parsed_sentence(void)
{
    static const char text[] = "Russia attacked Ukraine with troops .";
    static const char *const upos[] = {"PROPN", "VERB", "PROPN", "ADP", "NOUN", "PUNCT"};
    static const char *const rel[] = {"nsubj", "root", "obj", "case", "obl", "punct"};
    static const int32_t head[] = {1, -1, 1, 4, 1, 1};
    dyad_doc *doc = dyad_doc_new();
    if (!doc || dyad_doc_set_text(doc, NULL, 0, text, sizeof text - 1) != DYAD_OK ||
        dyad_tokenize(doc) != DYAD_OK || doc->n_tokens != 6) {
        dyad_doc_free(doc);
        return NULL;
    }
    for (size_t i = 0; i < 6; i++) {
        dyad_token *t = &doc->tokens[i];
        t->upos = upos[i];
        t->xpos = "NN";
        t->feats = "_";
        t->lemma = dyad_doc_strdup(doc, text + t->start, t->end - t->start);
        t->head = head[i];
        t->deprel = rel[i];
    }
    return doc;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size < 1)
        return 0;
    dyad_event_dict *d = dyad_event_dict_new();
    if (!d)
        return 0;
    const char *text = (const char *)data + 1;
    size_t n = size - 1;
    dyad_status st;
    switch (data[0] % 6) {
    case 0: st = dyad_event_dict_add_verbs(d, "fuzz", text, n, NULL); break;
    case 1: st = dyad_event_dict_add_discards(d, "fuzz", text, n, NULL); break;
    case 2: st = dyad_event_dict_add_nouns(d, "fuzz", text, n, NULL); break;
    case 3: st = dyad_event_dict_add_abstract(d, "fuzz", text, n, NULL); break;
    case 4: st = dyad_event_dict_add_compose(d, "fuzz", text, n, NULL); break;
    default: st = dyad_event_dict_add_codes(d, "fuzz", text, n, NULL); break;
    }
    if (st != DYAD_OK)
        abort(); /* only memory can fail, and libFuzzer's limits are far above our use */
    for (size_t i = 0; dyad_event_dict_problem(d, i); i++)
        if (strncmp(dyad_event_dict_problem(d, i), "fuzz:", 5) != 0)
            abort();
    dyad_doc *doc = parsed_sentence();
    if (doc && dyad_events_find(d, NULL, doc) == DYAD_OK)
        fuzz_check_events(doc);
    dyad_doc_free(doc);
    dyad_event_dict_free(d);
    return 0;
}
