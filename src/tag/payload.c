/* Tagger payload: hash maps for training, the binary layout, and its untrusted loading. */
#include "tag_impl.h"

#include <math.h>
#include <stdlib.h>

/* ---- growable map ---------------------------------------------------------- */

static bool map_grow(tag_map *m)
{
    uint32_t cap = m->cap ? m->cap * 2 : 1024;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *vals = calloc(cap, sizeof *vals); /* empty slots saved as 0 */
    if (!keys || !vals || cap < m->cap) {
        free(keys);
        free(vals);
        return false;
    }
    for (uint32_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        uint32_t j = (uint32_t)m->keys[i] & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return true;
}

uint32_t tag_map_slot(tag_map *m, uint64_t key, uint32_t val)
{
    if ((m->n + 1) * 4 >= m->cap * 3 && !map_grow(m))
        return TAG_MISS;
    uint32_t i = (uint32_t)key & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & (m->cap - 1);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->vals[i] = val;
        m->n++;
    }
    return i;
}

uint32_t tag_map_get(const tag_map *m, uint64_t key)
{
    if (!m->cap)
        return TAG_MISS;
    for (uint32_t i = (uint32_t)key & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (m->keys[i] == key)
            return m->vals[i];
        if (!m->keys[i])
            return TAG_MISS;
    }
}

uint64_t *tag_slots_pack(const uint64_t *keys, const uint32_t *vals, uint32_t cap)
{
    uint64_t *slots = calloc(cap ? cap : 1, sizeof *slots);
    for (uint32_t i = 0; slots && i < cap; i++) {
        if (!keys[i])
            continue;
        uint32_t j = (uint32_t)keys[i] & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = (uint64_t)tag_fingerprint(keys[i]) << 32 | vals[i];
    }
    return slots;
}

void tag_map_free(tag_map *m)
{
    free(m->keys);
    free(m->vals);
    *m = (tag_map){0};
}

uint32_t tag_pool_add(tag_pool *p, const char *s, size_t n)
{
    uint32_t slot = tag_map_slot(&p->map, tag_hash(s, n, 7), (uint32_t)p->buf.len);
    if (slot == TAG_MISS)
        return TAG_MISS;
    if (p->map.vals[slot] == p->buf.len) {
        dyad_buf_append(&p->buf, s, n);
        dyad_buf_putc(&p->buf, '\0');
    }
    return p->buf.oom ? TAG_MISS : p->map.vals[slot];
}

size_t tag_lower(const char *s, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    return n;
}

/* ---- writing --------------------------------------------------------------- */

static void put_u32(dyad_buf *out, uint32_t v)
{
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    dyad_buf_append(out, b, 4);
}

void tag_payload_write(dyad_buf *out, const void *const arrays[TAG_N_ARR],
                       const size_t sizes[TAG_N_ARR])
{
    size_t base = out->len, off = (TAG_HEADER_SIZE + 7) & ~(size_t)7;
    dyad_buf_append(out, TAG_MAGIC, 8);
    put_u32(out, TAG_VERSION);
    put_u32(out, TAG_N_ARR);
    for (int i = 0; i < TAG_N_ARR; i++) {
        put_u32(out, (uint32_t)off);
        put_u32(out, (uint32_t)sizes[i]);
        off = (off + sizes[i] + 7) & ~(size_t)7;
    }
    static const char zeros[8];
    for (int i = 0; i < TAG_N_ARR; i++) {
        dyad_buf_append(out, zeros, (8 - (out->len - base) % 8) % 8);
        if (sizes[i])
            dyad_buf_append(out, arrays[i], sizes[i]);
    }
}

dyad_status dyad_tagger_save(const dyad_tagger *tagger, dyad_buf *out)
{
    dyad_buf_append(out, tagger->data, tagger->len);
    return out->oom ? DYAD_ENOMEM : DYAD_OK;
}

/* ---- loading: every count, offset and index is checked ---------------------- */

typedef struct loader {
    const unsigned char *data;
    size_t len;
    uint32_t off[TAG_N_ARR], size[TAG_N_ARR];
    dyad_error *err;
} loader;

static dyad_tagger *bad(loader *ld, dyad_tagger *t, const char *what)
{
    dyad_error_set(ld->err, DYAD_EMODEL, "tagger_corrupt", "tagger payload is corrupt: %s",
                   what);
    dyad_tagger_free(t);
    return NULL;
}

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Array i as elements of elsize bytes; NULL when empty. *n gets the count. */
static const void *arr(const loader *ld, int i, size_t elsize, uint32_t *n)
{
    *n = (uint32_t)(ld->size[i] / elsize);
    return ld->size[i] ? ld->data + ld->off[i] : NULL;
}

static bool header_ok(loader *ld)
{
    if (ld->len < TAG_HEADER_SIZE || memcmp(ld->data, TAG_MAGIC, 8) != 0)
        return false;
    if (rd32(ld->data + 8) != TAG_VERSION || rd32(ld->data + 12) != TAG_N_ARR)
        return false;
    static const uint8_t elsize[TAG_N_ARR] = {1, 4, 8, 4, 8, 4, 8, 4, 8,
                                              4, 8, 16, 4, 4, 4, 8, 8, 12};
    for (int i = 0; i < TAG_N_ARR; i++) {
        ld->off[i] = rd32(ld->data + 16 + 8 * i);
        ld->size[i] = rd32(ld->data + 20 + 8 * i);
        if (ld->off[i] % 8 || ld->off[i] < TAG_HEADER_SIZE || ld->off[i] > ld->len ||
            ld->size[i] > ld->len - ld->off[i] || ld->size[i] % elsize[i])
            return false;
    }
    return true;
}

static bool string_ok(const dyad_tagger *t, uint32_t off)
{
    return off < t->n_strings;
}

/* A table: a power-of-two count of slots, one empty at least (so probing ends),
 * every value below bound. */
static bool table_load(const loader *ld, int i, tag_table *tab, uint32_t bound)
{
    uint32_t n, empty = 0;
    tab->slots = arr(ld, i, 8, &n);
    if (n & (n - 1))
        return false;
    tab->mask = n ? n - 1 : 0;
    for (uint32_t k = 0; k < n; k++) {
        if (!(tab->slots[k] >> 32))
            empty++;
        else if ((uint32_t)tab->slots[k] >= bound)
            return false;
    }
    return n == 0 || empty > 0;
}

/* Row start << 8 | count within the entries, classes strictly ascending, so that a
 * key adds at most once to each class score (no overflow). */
static bool row_ok(const tag_model *m, uint32_t v, uint32_t n_classes)
{
    uint32_t start = v >> 8, count = v & 255;
    if (count == TAG_DENSE)
        return start <= m->n_ents && TAG_DENSE_WORDS(n_classes) <= m->n_ents - start;
    if (!count || start > m->n_ents || count > m->n_ents - start)
        return false;
    for (uint32_t e = start; e < start + count; e++)
        if ((m->ents[e] >> 16) >= n_classes ||
            (e > start && (m->ents[e] >> 16) <= (m->ents[e - 1] >> 16)))
            return false;
    return true;
}

static bool model_load(const loader *ld, int i, tag_model *m, uint32_t n_classes, float scale)
{
    m->ents = arr(ld, i + 1, 4, &m->n_ents);
    m->scale = scale;
    m->n_classes = n_classes;
    if (!isfinite(scale) || m->n_ents >= TAG_MAX_ENTS ||
        !table_load(ld, i, &m->table, UINT32_MAX))
        return false;
    for (uint32_t k = 0; k <= m->table.mask && m->table.slots; k++)
        if ((m->table.slots[k] >> 32) && !row_ok(m, (uint32_t)m->table.slots[k], n_classes))
            return false;
    return true;
}

static const char *classes_load(const loader *ld, dyad_tagger *t)
{
    uint32_t n;
    t->strings = arr(ld, TAG_ARR_STRINGS, 1, &t->n_strings);
    if (!t->n_strings || t->strings[t->n_strings - 1] != '\0')
        return "string pool";
    t->tags = arr(ld, TAG_ARR_TAGS, 8, &t->n_tags);
    for (uint32_t i = 0; i < 2 * t->n_tags; i++)
        if (!string_ok(t, t->tags[i]))
            return "tag names";
    t->feats = arr(ld, TAG_ARR_FEATS, 4, &t->n_feats);
    for (uint32_t i = 0; i < t->n_feats; i++)
        if (!string_ok(t, t->feats[i]))
            return "feature names";
    if (!t->n_tags || !t->n_feats || t->n_tags > 65535 || t->n_feats > 65535)
        return "class counts";
    const uint32_t *p = arr(ld, TAG_ARR_PARAMS, 4, &n);
    if (n != TAG_N_PARAMS)
        return "parameters";
    float s[3];
    memcpy(s, p, sizeof s);
    if (!model_load(ld, TAG_ARR_TM_SLOTS, &t->tm, t->n_tags, s[0]))
        return "tag model";
    if (!model_load(ld, TAG_ARR_FM_SLOTS, &t->fm, t->n_feats, s[1]))
        return "feature model";
    if (!model_load(ld, TAG_ARR_T2_SLOTS, &t->t2, t->n_tags, s[2]))
        return "second tag model";
    return NULL;
}

static const char *words_load(const loader *ld, dyad_tagger *t)
{
    uint32_t n_info, n_cands, n_fc, n_list;
    t->winfo = arr(ld, TAG_ARR_W_INFO, 16, &n_info);
    t->wcands = arr(ld, TAG_ARR_W_CANDS, 4, &n_cands);
    t->n_words = n_info;
    if (!table_load(ld, TAG_ARR_W_SLOTS, &t->words, n_info))
        return "word table";
    for (uint32_t i = 0; i < n_info; i++) {
        uint32_t start = t->winfo[4 * i + 2], count = t->winfo[4 * i + 3];
        if (start > n_cands || count > n_cands - start)
            return "word candidates";
    }
    for (uint32_t i = 0; i < n_cands; i++)
        if (t->wcands[i] >= t->n_tags)
            return "word candidate tags";
    t->fc_rows = arr(ld, TAG_ARR_FC_ROWS, 4, &n_fc);
    t->fc_list = arr(ld, TAG_ARR_FC_LIST, 4, &n_list);
    if (n_fc != t->n_tags + 1 || t->fc_rows[0] != 0 || t->fc_rows[t->n_tags] != n_list)
        return "feature candidates";
    for (uint32_t i = 0; i < t->n_tags; i++)
        if (t->fc_rows[i] > t->fc_rows[i + 1])
            return "feature candidate rows";
    for (uint32_t i = 0; i < n_list; i++)
        if (t->fc_list[i] >= t->n_feats)
            return "feature candidate classes";
    return NULL;
}

static const char *lemmas_load(const loader *ld, dyad_tagger *t)
{
    if (!table_load(ld, TAG_ARR_L_SLOTS, &t->lemmas, t->n_strings))
        return "lemma table";
    t->rules = arr(ld, TAG_ARR_RULES, 12, &t->n_rules);
    if (!table_load(ld, TAG_ARR_R_SLOTS, &t->rule_keys, t->n_rules))
        return "lemma rule table";
    for (uint32_t i = 0; i < t->n_rules; i++)
        if (!string_ok(t, t->rules[3 * i + 1]))
            return "lemma rules";
    return NULL;
}

dyad_tagger *dyad_tagger_load(const void *data, size_t len, dyad_error *err)
{
    if (len > UINT32_MAX) {
        dyad_error_set(err, DYAD_EMODEL, "tagger_corrupt", "tagger payload is too large");
        return NULL;
    }
    dyad_tagger *t = calloc(1, sizeof *t);
    if (!t) {
        dyad_error_set(err, DYAD_ENOMEM, "oom", "out of memory loading the tagger");
        return NULL;
    }
    /* Arrays are read in place, so they must be aligned: copy when they are not. */
    if ((uintptr_t)data % 8) {
        if (!(t->owned = malloc(len ? len : 1))) {
            free(t);
            dyad_error_set(err, DYAD_ENOMEM, "oom", "out of memory loading the tagger");
            return NULL;
        }
        data = memcpy(t->owned, data, len);
    }
    t->data = data;
    t->len = len;
    loader ld = {.data = data, .len = len, .err = err};
    if (!header_ok(&ld))
        return bad(&ld, t, "bad header (magic, version or array table)");
    const char *what = classes_load(&ld, t);
    if (!what)
        what = words_load(&ld, t);
    if (!what)
        what = lemmas_load(&ld, t);
    if (!what)
        tag_grammar_classes(t); /* after the words: how many there are counts */
    return what ? bad(&ld, t, what) : t;
}

void dyad_tagger_free(dyad_tagger *tagger)
{
    if (!tagger)
        return;
    free(tagger->owned);
    free(tagger);
}
