/* libFuzzer harness: the HTML reader on any bytes (forced format; gzip/zstd by magic). */
#include "reader_check.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    fuzz_read_all(DYAD_FORMAT_HTML, "fuzz.html", data, size);
    return 0;
}
