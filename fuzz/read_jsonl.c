/* libFuzzer harness: the JSONL reader (cJSON underneath) on any bytes. */
#include "reader_check.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    fuzz_read_all(DYAD_FORMAT_JSONL, "fuzz.jsonl", data, size);
    return 0;
}
