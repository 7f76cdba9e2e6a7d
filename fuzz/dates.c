/* libFuzzer harness for the date stage: the first input byte picks the article date
 * (none, a fixed day, or the next ten bytes), the rest is the text. */
#include "dyad.h"

#include <stdint.h>
#include <string.h>

static const char *const fixed_dates[] = {"2024-01-26", "2020-01-01", "2000-02-29",
                                          "1000-01-01", "9999-12-31"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    dyad_doc *doc = dyad_doc_new();
    if (!doc)
        return 0;
    uint8_t mode = data[0] % 8;
    data++, size--;
    if (mode >= 1 && mode <= 5) {
        doc->date = dyad_doc_strdup(doc, fixed_dates[mode - 1], 10);
    } else if (mode == 6 && size >= 10) {
        doc->date = dyad_doc_strdup(doc, (const char *)data, 10); /* may be malformed */
        data += 10, size -= 10;
    }
    if (dyad_doc_set_text(doc, NULL, 0, (const char *)data, size) == DYAD_OK &&
        dyad_dates_find(doc) == DYAD_OK) {
        for (size_t i = 0; i < doc->n_dates; i++) {
            const dyad_date *d = &doc->dates[i];
            size_t vlen = strlen(d->value);
            if (d->start >= d->end || d->end > doc->text_len ||
                (vlen != 4 && vlen != 7 && vlen != 10) ||
                (i && d->start < doc->dates[i - 1].end))
                __builtin_trap();
        }
    }
    dyad_doc_free(doc);
    return 0;
}
