/* Byte streams over files, stdin or memory, gunzipped or unzstd'ed on the fly, read by line. */
#include "read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#define RAW_CHUNK (1u << 16)
#define OUT_CHUNK (1u << 16)

typedef enum codec { CODEC_PLAIN, CODEC_GZIP, CODEC_ZSTD } codec;

struct read_stream {
    FILE *file;                  /* NULL for memory */
    const unsigned char *raw;    /* compressed or plain input not yet consumed */
    size_t raw_len;
    unsigned char *raw_buf;      /* [RAW_CHUNK] for files */
    bool raw_eof;
    codec codec;
    z_stream z;
    bool z_open, z_end;          /* inflate initialised; last member complete */
    ZSTD_DCtx *zstd;
    size_t zstd_left;            /* ZSTD_decompressStream's hint: 0 = frame complete */
    char *buf;                   /* decompressed bytes [start, end) of [cap] */
    size_t start, end, cap, scanned; /* scanned: bytes after start known to hold no '\n' */
    bool eof;
    dyad_status error;
    const char *what;
};

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void stream_fail(read_stream *s, dyad_status st, const char *what)
{
    if (s->error == DYAD_OK) {
        s->error = st;
        s->what = what;
    }
    s->eof = true;
}

/* Refills the raw input from the file; false at its end or on error. */
static bool raw_fill(read_stream *s)
{
    if (s->raw_len)
        return true;
    if (!s->file || s->raw_eof)
        return false;
    size_t n = fread(s->raw_buf, 1, RAW_CHUNK, s->file);
    if (n == 0) {
        s->raw_eof = true;
        if (ferror(s->file))
            stream_fail(s, DYAD_EIO, strerror(errno ? errno : EIO));
        return false;
    }
    s->raw = s->raw_buf;
    s->raw_len = n;
    return true;
}

/* Gzip and zstd magic numbers, for stdin and misnamed files. */
static codec codec_sniff(const char *name, const unsigned char *p, size_t n)
{
    if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b)
        return CODEC_GZIP;
    if (n >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd)
        return CODEC_ZSTD;
    if (name && has_suffix(name, ".gz"))
        return CODEC_GZIP;
    if (name && has_suffix(name, ".zst"))
        return CODEC_ZSTD;
    return CODEC_PLAIN;
}

static bool codec_init(read_stream *s, const char *name)
{
    raw_fill(s);
    /* an empty input stays plain so that it is reported as empty, not corrupt */
    s->codec = s->raw_len ? codec_sniff(name, s->raw, s->raw_len) : CODEC_PLAIN;
    if (s->codec == CODEC_GZIP) {
        if (inflateInit2(&s->z, 15 + 16) != Z_OK)
            return false;
        s->z_open = true;
    } else if (s->codec == CODEC_ZSTD) {
        s->zstd = ZSTD_createDCtx();
        return s->zstd != NULL;
    }
    return true;
}

static read_stream *stream_new(void)
{
    read_stream *s = calloc(1, sizeof *s);
    if (s)
        s->error = DYAD_OK;
    return s;
}

read_stream *read_stream_open_path(const char *path)
{
    read_stream *s = stream_new();
    if (!s)
        return NULL;
    bool is_stdin = strcmp(path, "-") == 0;
    s->file = is_stdin ? stdin : fopen(path, "rb");
    int saved = errno;
    s->raw_buf = malloc(RAW_CHUNK);
    if (!s->file || !s->raw_buf || !codec_init(s, is_stdin ? NULL : path)) {
        saved = s->file && !s->raw_buf ? ENOMEM : saved;
        read_stream_close(s);
        errno = saved;
        return NULL;
    }
    return s;
}

read_stream *read_stream_open_memory(const char *name, const void *data, size_t len)
{
    read_stream *s = stream_new();
    if (!s)
        return NULL;
    s->raw = data;
    s->raw_len = len;
    s->raw_eof = true;
    if (!codec_init(s, name)) {
        read_stream_close(s);
        return NULL;
    }
    return s;
}

void read_stream_close(read_stream *s)
{
    if (!s)
        return;
    if (s->file && s->file != stdin)
        fclose(s->file);
    if (s->z_open)
        inflateEnd(&s->z);
    ZSTD_freeDCtx(s->zstd);
    free(s->raw_buf);
    free(s->buf);
    free(s);
}

/* Room for at least OUT_CHUNK more bytes after end, moving the data to the front. */
static bool buf_room(read_stream *s)
{
    if (s->start > 0 && s->cap - s->end <= OUT_CHUNK) { /* moves a partial line once */
        memmove(s->buf, s->buf + s->start, s->end - s->start);
        s->end -= s->start;
        s->start = 0;
    }
    if (s->cap - s->end > OUT_CHUNK)
        return true;
    size_t cap = s->cap ? s->cap * 2 : 4 * OUT_CHUNK;
    char *p = cap > s->cap ? realloc(s->buf, cap) : NULL;
    if (!p) {
        stream_fail(s, DYAD_ENOMEM, "out of memory");
        return false;
    }
    s->buf = p;
    s->cap = cap;
    return true;
}

static size_t fill_plain(read_stream *s, size_t room)
{
    size_t n = s->raw_len < room ? s->raw_len : room;
    memcpy(s->buf + s->end, s->raw, n);
    s->raw += n;
    s->raw_len -= n;
    return n;
}

static size_t fill_gzip(read_stream *s, size_t room)
{
    if (s->z_end) { /* another gzip member may follow (concatenated files) */
        inflateReset(&s->z);
        s->z_end = false;
    }
    s->z.next_in = (unsigned char *)s->raw;
    s->z.avail_in = (uInt)(s->raw_len > UINT32_MAX ? UINT32_MAX : s->raw_len);
    s->z.next_out = (unsigned char *)s->buf + s->end;
    s->z.avail_out = (uInt)room;
    int rc = inflate(&s->z, Z_NO_FLUSH);
    size_t used = (size_t)(s->z.next_in - s->raw);
    s->raw += used;
    s->raw_len -= used;
    if (rc == Z_STREAM_END)
        s->z_end = true;
    else if (rc != Z_OK && rc != Z_BUF_ERROR)
        stream_fail(s, DYAD_EFORMAT, "corrupt gzip data");
    return room - s->z.avail_out;
}

static size_t fill_zstd(read_stream *s, size_t room)
{
    if (s->raw_len == 0 && s->zstd_left == 0)
        return 0; /* between frames: a call now would ask for the next frame's header */
    ZSTD_inBuffer in = {s->raw, s->raw_len, 0};
    ZSTD_outBuffer out = {s->buf + s->end, room, 0};
    size_t rc = ZSTD_decompressStream(s->zstd, &out, &in);
    s->raw += in.pos;
    s->raw_len -= in.pos;
    if (ZSTD_isError(rc))
        stream_fail(s, DYAD_EFORMAT, "corrupt zstd data");
    else
        s->zstd_left = rc;
    return out.pos;
}

/* At the end of the raw input: a compressed stream must have ended cleanly. */
static void at_raw_end(read_stream *s)
{
    if (s->codec == CODEC_GZIP && !s->z_end)
        stream_fail(s, DYAD_EFORMAT, "truncated gzip data");
    else if (s->codec == CODEC_ZSTD && s->zstd_left != 0)
        stream_fail(s, DYAD_EFORMAT, "truncated zstd data");
    s->eof = true;
}

/* Appends more decompressed bytes to the buffer; returns how many (0 at the end). */
static size_t stream_fill(read_stream *s)
{
    while (!s->eof) {
        if (!buf_room(s))
            return 0;
        bool more = raw_fill(s);
        if (s->error != DYAD_OK)
            return 0;
        size_t room = s->cap - s->end - 1, got = 0;
        if (s->codec == CODEC_PLAIN && more)
            got = fill_plain(s, room);
        else if (s->codec == CODEC_GZIP && (more || !s->z_end))
            got = fill_gzip(s, room);
        else if (s->codec == CODEC_ZSTD)
            got = fill_zstd(s, room);
        s->end += got;
        if (got)
            return got;
        if (s->error != DYAD_OK)
            return 0;
        if (!more && !s->raw_len)
            at_raw_end(s);
    }
    return 0;
}

const char *read_stream_peek(read_stream *s, size_t n, size_t *avail)
{
    while (s->end - s->start < n && stream_fill(s) > 0)
        ;
    *avail = s->end - s->start;
    return s->buf ? s->buf + s->start : "";
}

int read_stream_line(read_stream *s, const char **line, size_t *len)
{
    for (;;) {
        char *nl = s->buf ? memchr(s->buf + s->start + s->scanned, '\n',
                                   s->end - s->start - s->scanned) : NULL;
        if (nl) {
            *line = s->buf + s->start;
            *len = (size_t)(nl - *line);
            s->start += *len + 1;
            s->scanned = 0;
            if (*len && (*line)[*len - 1] == '\r')
                (*len)--;
            return 1;
        }
        s->scanned = s->end - s->start;
        if (stream_fill(s) > 0)
            continue;
        if (s->error != DYAD_OK || s->start == s->end)
            return 0;
        *line = s->buf + s->start; /* last line without a newline */
        *len = s->end - s->start;
        s->start = s->end;
        s->scanned = 0;
        return 1;
    }
}

dyad_status read_stream_rest(read_stream *s, char **data, size_t *len)
{
    while (stream_fill(s) > 0)
        ;
    if (s->error != DYAD_OK)
        return s->error;
    size_t n = s->end - s->start;
    char *p = malloc(n + 1);
    if (!p)
        return DYAD_ENOMEM;
    if (n)
        memcpy(p, s->buf + s->start, n);
    p[n] = '\0';
    s->start = s->end;
    *data = p;
    *len = n;
    return DYAD_OK;
}

dyad_status read_stream_error(const read_stream *s, const char **what)
{
    *what = s->what ? s->what : "ok";
    return s->error;
}
