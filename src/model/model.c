/* The model file: a checksummed container of sections (tagger, parser, meta),
 * loaded zero-copy (mmap) as untrusted input, and document annotation with it. */
#include "model.h"
#include "../parse/parser.h"
#include "../tag/tagger.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

struct dyad_model {
    void *mem;   /* the whole file: sections point into it */
    size_t len;
    bool mapped; /* mem came from mmap */
    dyad_tagger *tagger;
    dyad_parser *parser;
};

static uint64_t read_u64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static uint32_t read_u32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

dyad_status model_write(const model_section *sections, int n, dyad_buf *out)
{
    if (n <= 0 || n > MODEL_MAX_SECTIONS)
        return DYAD_EINVAL;
    size_t at = MODEL_HEADER + (size_t)n * MODEL_ENTRY;
    unsigned char table[MODEL_MAX_SECTIONS * MODEL_ENTRY] = {0};
    for (int i = 0; i < n; i++) {
        at = (at + 63) & ~(size_t)63;
        uint64_t off = at, size = sections[i].size;
        strncpy((char *)table + i * MODEL_ENTRY, sections[i].name, 15);
        memcpy(table + i * MODEL_ENTRY + 16, &off, 8);
        memcpy(table + i * MODEL_ENTRY + 24, &size, 8);
        at += sections[i].size;
    }
    uint64_t total = at + 4;
    uint32_t version = MODEL_VERSION, count = (uint32_t)n;
    size_t base = out->len;
    dyad_buf_append(out, MODEL_MAGIC, 8);
    dyad_buf_append(out, &version, 4);
    dyad_buf_append(out, &count, 4);
    dyad_buf_append(out, &total, 8);
    dyad_buf_append(out, table, (size_t)n * MODEL_ENTRY);
    for (int i = 0; i < n; i++) {
        while ((out->len - base) % 64)
            dyad_buf_putc(out, '\0');
        dyad_buf_append(out, sections[i].data, sections[i].size);
    }
    uint32_t crc = dyad_crc32(0, out->data + base, out->len - base);
    dyad_buf_append(out, &crc, 4);
    return out->oom ? DYAD_ENOMEM : DYAD_OK;
}

/* Checks magic, version, size and (when asked) the checksum. */
static dyad_status check_header(const unsigned char *p, size_t len, bool check_crc,
                                const char *name, dyad_error *err)
{
    if (len < 8 || memcmp(p, MODEL_MAGIC, 8) != 0)
        return len < 8 && memcmp(p, MODEL_MAGIC, len) == 0
                   ? dyad_error_set(err, DYAD_EMODEL, "model_truncated", "%s: model file is truncated", name)
                   : dyad_error_set(err, DYAD_EMODEL, "model_magic", "%s: not a dyad model file", name);
    if (len < MODEL_HEADER + 4)
        return dyad_error_set(err, DYAD_EMODEL, "model_truncated", "%s: model file is truncated", name);
    if (read_u32(p + 8) != MODEL_VERSION)
        return dyad_error_set(err, DYAD_EMODEL, "model_version",
                              "%s: model format version %u, this dyad reads version %u", name,
                              read_u32(p + 8), MODEL_VERSION);
    uint64_t size = read_u64(p + 16);
    if (size > len)
        return dyad_error_set(err, DYAD_EMODEL, "model_truncated",
                              "%s: model file is truncated (%zu of %llu bytes)", name, len,
                              (unsigned long long)size);
    if (size < len)
        return dyad_error_set(err, DYAD_EMODEL, "model_corrupt",
                              "%s: model file has %zu bytes after its end", name, len - (size_t)size);
    if (check_crc && dyad_crc32(0, p, len - 4) != read_u32(p + len - 4))
        return dyad_error_set(err, DYAD_EMODEL, "model_checksum",
                              "%s: model file is corrupt (checksum mismatch)", name);
    return DYAD_OK;
}

/* Finds a section by name; every offset and size is range-checked. */
static dyad_status find_section(const unsigned char *p, size_t len, const char *want,
                                model_section *out, const char *name, dyad_error *err)
{
    uint32_t n = read_u32(p + 12);
    if (n == 0 || n > MODEL_MAX_SECTIONS || MODEL_HEADER + (size_t)n * MODEL_ENTRY > len - 4)
        return dyad_error_set(err, DYAD_EMODEL, "model_corrupt", "%s: bad section table", name);
    size_t lo = MODEL_HEADER + (size_t)n * MODEL_ENTRY, hi = len - 4;
    for (uint32_t i = 0; i < n; i++) {
        const unsigned char *e = p + MODEL_HEADER + i * MODEL_ENTRY;
        uint64_t off = read_u64(e + 16), size = read_u64(e + 24);
        if (memchr(e, '\0', 16) == NULL || off % 64 || off < lo || off > hi || size > hi - off)
            return dyad_error_set(err, DYAD_EMODEL, "model_corrupt",
                                  "%s: section %u out of range", name, i);
        if (strcmp((const char *)e, want) == 0) {
            *out = (model_section){want, p + off, (size_t)size};
            return DYAD_OK;
        }
    }
    return dyad_error_set(err, DYAD_EMODEL, "model_section", "%s: no \"%s\" section", name, want);
}

void dyad_model_free(dyad_model *m)
{
    if (!m)
        return;
    dyad_tagger_free(m->tagger);
    dyad_parser_free(m->parser);
    if (m->mapped)
        munmap(m->mem, m->len);
    else
        free(m->mem);
    free(m);
}

/* Prefixes a section parser's error with the file name. */
static void name_error(dyad_error *err, const char *name)
{
    if (!err)
        return;
    char msg[sizeof err->message];
    snprintf(msg, sizeof msg, "%.200s: %.300s", name, err->message);
    memcpy(err->message, msg, sizeof msg);
}

dyad_model *model_load_owned(void *data, size_t len, bool mapped, bool check_crc,
                             const char *name, dyad_error *err)
{
    dyad_model *m = calloc(1, sizeof *m);
    if (!m) {
        mapped ? (void)munmap(data, len) : free(data);
        return dyad_error_set(err, DYAD_ENOMEM, "oom", "%s: out of memory", name), NULL;
    }
    *m = (dyad_model){.mem = data, .len = len, .mapped = mapped};
    model_section tg, ps;
    if (check_header(data, len, check_crc, name, err) != DYAD_OK ||
        find_section(data, len, "tagger", &tg, name, err) != DYAD_OK ||
        find_section(data, len, "parser", &ps, name, err) != DYAD_OK) {
        dyad_model_free(m);
        return NULL;
    }
    m->tagger = dyad_tagger_load(tg.data, tg.size, err);
    m->parser = m->tagger ? dyad_parser_load(ps.data, ps.size, err) : NULL;
    if (!m->parser) {
        name_error(err, name);
        if (err && err->status == DYAD_OK)
            dyad_error_set(err, DYAD_EMODEL, "model_corrupt", "%s: bad section", name);
        dyad_model_free(m);
        return NULL;
    }
    return m;
}

static void *copy_aligned(const void *data, size_t len)
{
    void *mem = aligned_alloc(64, (len + 64) & ~(size_t)63); /* never 0 bytes */
    if (mem && len)
        memcpy(mem, data, len);
    return mem;
}

dyad_model *dyad_model_load_memory(const void *data, size_t len, dyad_error *err)
{
    void *mem = copy_aligned(data, len);
    if (!mem)
        return dyad_error_set(err, DYAD_ENOMEM, "oom", "model: out of memory"), NULL;
    return model_load_owned(mem, len, false, true, "(memory)", err);
}

dyad_model *dyad_model_load_unchecked(const void *data, size_t len, dyad_error *err)
{
    void *mem = copy_aligned(data, len);
    if (!mem)
        return dyad_error_set(err, DYAD_ENOMEM, "oom", "model: out of memory"), NULL;
    return model_load_owned(mem, len, false, false, "(memory)", err);
}

/* The tables are read at random over tens of megabytes, and on 4 KB pages most
 * lookups also miss the TLB: an anonymous copy on 2 MB pages (transparent huge
 * pages, on request) makes the tagger and parser much faster. NULL when it cannot
 * be made; the file is then mapped as it is. Freed by munmap(mem, len). */
static void *read_huge(int fd, size_t len)
{
#ifdef MADV_HUGEPAGE
    size_t huge = (size_t)2 << 20, want = (len + 4095) & ~(size_t)4095;
    char *raw = mmap(NULL, want + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    char *mem = (char *)(((uintptr_t)raw + huge - 1) & ~(uintptr_t)(huge - 1));
    if (mem > raw)
        munmap(raw, (size_t)(mem - raw));
    munmap(mem + want, huge - (size_t)(mem - raw)); /* keep exactly [mem, mem + want) */
    madvise(mem, want, MADV_HUGEPAGE);
    size_t got = 0;
    while (got < len) {
        ssize_t r = pread(fd, mem + got, len - got, (off_t)got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    if (got == len && mprotect(mem, want, PROT_READ) == 0)
        return mem;
    munmap(mem, want);
#endif
    (void)fd, (void)len;
    return NULL;
}

/* Compressed models are read whole; plain ones are copied onto huge pages, or
 * mapped (zero-copy) when that fails. */
dyad_model *dyad_model_load(const char *path, dyad_error *err)
{
    size_t n = strlen(path);
    if ((n > 3 && !strcmp(path + n - 3, ".gz")) || (n > 4 && !strcmp(path + n - 4, ".zst"))) {
        char *data;
        size_t len;
        if (dyad_file_read_all(path, &data, &len, err) != DYAD_OK)
            return NULL;
        void *mem = copy_aligned(data, len);
        free(data);
        return mem ? model_load_owned(mem, len, false, true, path, err)
                   : (dyad_error_set(err, DYAD_ENOMEM, "oom", "%s: out of memory", path), NULL);
    }
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size <= 0) {
        if (fd >= 0)
            close(fd);
        return fd < 0 ? (dyad_error_set(err, DYAD_EIO, "model_open", "%s: cannot open model file", path), NULL)
                      : (dyad_error_set(err, DYAD_EMODEL, "model_truncated", "%s: model file is empty", path), NULL);
    }
    void *mem = read_huge(fd, (size_t)st.st_size);
    if (!mem)
        mem = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (mem == MAP_FAILED)
        return dyad_error_set(err, DYAD_EIO, "model_open", "%s: cannot map model file", path), NULL;
    return model_load_owned(mem, (size_t)st.st_size, true, true, path, err);
}

const dyad_tagger *model_tagger(const dyad_model *m)
{
    return m->tagger;
}

const dyad_parser *model_parser(const dyad_model *m)
{
    return m->parser;
}
