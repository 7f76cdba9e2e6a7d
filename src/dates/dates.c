/* STUB until the date stage lands: finds nothing. */
#include "internal.h"
dyad_status dyad_dates_find(dyad_doc *doc)
{
    doc->dates = dyad_arena_alloc(doc->arena, sizeof *doc->dates);
    doc->n_dates = 0;
    return doc->dates ? DYAD_OK : DYAD_ENOMEM;
}
