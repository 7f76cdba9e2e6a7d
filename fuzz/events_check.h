/* Shared check of the harnesses that run the event stage: every event it coded lies
 * inside the text and has a code. */
#ifndef DYAD_FUZZ_EVENTS_CHECK_H
#define DYAD_FUZZ_EVENTS_CHECK_H

#include "dyad.h"

#include <stdlib.h>

static void fuzz_check_events(const dyad_doc *doc)
{
    for (size_t i = 0; i < doc->n_events; i++)
        if (doc->events[i].end > doc->text_len || !doc->events[i].cameo)
            abort();
}

#endif
