/* Internal side of the model file: the container layout and the entry points the
 * trainer and the fuzz harness use.
 *
 * Layout (little-endian):
 *   0   char magic[8] = "DYADMODL"
 *   8   u32 version (MODEL_VERSION)
 *   12  u32 n_sections (1..MODEL_MAX_SECTIONS)
 *   16  u64 file size in bytes
 *   24  n_sections x {char name[16] NUL-padded; u64 offset; u64 size}
 *   ... payloads, each at an offset that is a multiple of 64
 *   end u32 CRC-32 of every byte before it
 * Sections: "tagger" (dyad_tagger_save), "parser" (dyad_parser_save), "meta"
 * (text: how the model was trained). */
#ifndef DYAD_MODEL_H
#define DYAD_MODEL_H

#include "internal.h"

#define MODEL_MAGIC "DYADMODL"
#define MODEL_VERSION 1u
#define MODEL_MAX_SECTIONS 16
#define MODEL_HEADER 24
#define MODEL_ENTRY 32

typedef struct model_section {
    const char *name;
    const void *data;
    size_t size;
} model_section;

/* Serializes sections into the container format (out gets the whole file). */
dyad_status model_write(const model_section *sections, int n, dyad_buf *out);

/* Loads from bytes the model takes ownership of (malloc'd or mmap'd, see
 * mapped); check_crc = false lets a fuzzer reach the section parsers. name
 * appears in error messages. */
dyad_model *model_load_owned(void *data, size_t len, bool mapped, bool check_crc,
                             const char *name, dyad_error *err);

/* Like dyad_model_load_memory without the checksum: for the fuzz harness. */
dyad_model *dyad_model_load_unchecked(const void *data, size_t len, dyad_error *err);

/* The sections of a loaded model, for annotate.c. */
typedef struct dyad_tagger dyad_tagger;
typedef struct dyad_parser dyad_parser;
const dyad_tagger *model_tagger(const dyad_model *m);
const dyad_parser *model_parser(const dyad_model *m);

#endif
