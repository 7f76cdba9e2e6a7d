/* libFuzzer harness: CoNLL-U as `dyad train`, `dyad eval ud` and `eval petrarch
 * --given-parse` read it, then the whole treebank as one parsed document through the
 * mention and event stages (a given parse is outside input: its heads walk the tree).
 * A small verb dictionary makes the event stage look at subjects, objects and clauses. */
#include "dyad.h"
#include "events_check.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const char verbs[] =
    "--- ATTACK [190] ---\nATTACK\n- * (WITH TROOPS) [193]\n"
    "--- SAY [010] ---\nSAY\n--- CALL [041:041] ---\nCALL\n--- ARREST [173] ---\nARREST\n";

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static dyad_event_dict *dict;
    if (!dict) {
        dict = dyad_event_dict_new();
        if (!dict || dyad_event_dict_add_verbs(dict, "verbs", verbs, sizeof verbs - 1, NULL) !=
                         DYAD_OK)
            abort();
    }
    dyad_error err;
    dyad_treebank *tb = dyad_treebank_parse("fuzz", (const char *)data, size, &err);
    if (!tb) {
        if (strncmp(err.message, "fuzz:", 5) != 0)
            abort(); /* every rejection names the input */
        return 0;
    }
    dyad_doc *doc = dyad_doc_new();
    if (doc && dyad_doc_set_treebank(doc, tb, 1) == DYAD_OK &&
        dyad_mentions_find(NULL, doc) == DYAD_OK && dyad_events_find(dict, NULL, doc) == DYAD_OK)
        fuzz_check_events(doc);
    dyad_doc_free(doc);
    dyad_treebank_free(tb);
    return 0;
}
