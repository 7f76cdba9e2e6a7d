/* Whole-file reading for models, dictionaries and treebanks; gz and zst transparently. */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

uint32_t dyad_crc32(uint32_t crc, const void *data, size_t len)
{
    /* zlib's crc32 takes uInt lengths: feed large ranges in pieces. */
    const unsigned char *p = data;
    while (len) {
        uInt n = len > (1u << 30) ? (1u << 30) : (uInt)len;
        crc = (uint32_t)crc32(crc, p, n);
        p += n;
        len -= n;
    }
    return crc;
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static dyad_status read_plain(FILE *f, dyad_buf *out)
{
    char chunk[1 << 16];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        dyad_buf_append(out, chunk, n);
    if (ferror(f))
        return DYAD_EIO;
    return out->oom ? DYAD_ENOMEM : DYAD_OK;
}

static dyad_status read_gzip(const char *path, dyad_buf *out)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return DYAD_EIO;
    char chunk[1 << 16];
    int n;
    while ((n = gzread(gz, chunk, sizeof chunk)) > 0)
        dyad_buf_append(out, chunk, (size_t)n);
    int errnum = 0;
    gzerror(gz, &errnum);
    gzclose(gz);
    if (n < 0 || (errnum != Z_OK && errnum != Z_STREAM_END))
        return DYAD_EFORMAT;
    return out->oom ? DYAD_ENOMEM : DYAD_OK;
}

static dyad_status read_zstd(FILE *f, dyad_buf *out)
{
    ZSTD_DCtx *dctx = ZSTD_createDCtx();
    if (!dctx)
        return DYAD_ENOMEM;
    size_t in_cap = ZSTD_DStreamInSize(), out_cap = ZSTD_DStreamOutSize();
    char *in_buf = malloc(in_cap), *out_buf = malloc(out_cap);
    dyad_status st = in_buf && out_buf ? DYAD_OK : DYAD_ENOMEM;
    size_t n, last = 0;
    while (st == DYAD_OK && (n = fread(in_buf, 1, in_cap, f)) > 0) {
        ZSTD_inBuffer in = {in_buf, n, 0};
        while (in.pos < in.size) {
            ZSTD_outBuffer o = {out_buf, out_cap, 0};
            last = ZSTD_decompressStream(dctx, &o, &in);
            if (ZSTD_isError(last)) {
                st = DYAD_EFORMAT;
                break;
            }
            dyad_buf_append(out, out_buf, o.pos);
        }
    }
    if (st == DYAD_OK && last != 0)
        st = DYAD_EFORMAT; /* truncated frame */
    free(in_buf);
    free(out_buf);
    ZSTD_freeDCtx(dctx);
    return st == DYAD_OK && out->oom ? DYAD_ENOMEM : st;
}

dyad_status dyad_file_read_all(const char *path, char **data, size_t *len, dyad_error *err)
{
    dyad_buf buf;
    dyad_buf_init(&buf);
    dyad_status st;
    if (has_suffix(path, ".gz")) {
        st = read_gzip(path, &buf);
    } else {
        FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
        if (!f)
            return dyad_error_set(err, DYAD_EIO, "open", "%s: %s", path, strerror(errno));
        st = has_suffix(path, ".zst") ? read_zstd(f, &buf) : read_plain(f, &buf);
        if (f != stdin)
            fclose(f);
    }
    if (st != DYAD_OK) {
        dyad_buf_free(&buf);
        return dyad_error_set(err, st, st == DYAD_EFORMAT ? "decompress" : "read",
                              "%s: %s", path,
                              st == DYAD_EFORMAT ? "corrupt or truncated compressed data"
                              : st == DYAD_ENOMEM ? "out of memory" : "read error");
    }
    if (!dyad_buf_reserve(&buf, 0)) {
        dyad_buf_free(&buf);
        return dyad_error_set(err, DYAD_ENOMEM, "nomem", "%s: out of memory", path);
    }
    *len = buf.len;
    *data = dyad_buf_detach(&buf, NULL);
    return DYAD_OK;
}
