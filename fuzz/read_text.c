/* libFuzzer harness: the plain-text readers on any bytes, the whole input as one document
 * and one per line (forced formats; gzip/zstd by magic). */
#include "reader_check.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    fuzz_read_all(DYAD_FORMAT_TEXT, "fuzz.txt", data, size);
    fuzz_read_all(DYAD_FORMAT_LINES, "fuzz.txt", data, size);
    return 0;
}
