/* Named-entity tagger: hashed features of a tagged, parsed sentence, greedy decoding with
 * an averaged perceptron's weights, and the untrusted loader of those weights. */
#include "ner.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define FNV_OFFSET 14695981039346656037ull
#define FNV_PRIME 1099511628211ull
#define NER_NAME_RECORD 9                /* uint64 key, uint8 gender bits */

static uint64_t mix(uint64_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
    return (h ^ 0xff) * FNV_PRIME; /* a separator: ("ab", "c") is not ("a", "bc") */
}

static uint64_t mix_lower(uint64_t h, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)tolower((unsigned char)s[i])) * FNV_PRIME;
    return (h ^ 0xff) * FNV_PRIME;
}

static uint64_t start(int template_id)
{
    return (FNV_OFFSET ^ (uint64_t)template_id) * FNV_PRIME;
}

/* mix of a NUL-terminated string in one pass (no strlen first). */
static uint64_t mix_str(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * FNV_PRIME;
    return (h ^ 0xff) * FNV_PRIME;
}

static uint64_t mix_int(uint64_t h, int v)
{
    return (h ^ (uint64_t)(v + 1000)) * FNV_PRIME;
}

/* The word's shape with runs collapsed: "Peskov" Xx, "U.S." X.X., "2024" d, "iPhone" xXx. */
static size_t shape(const ner_word *w, char *out, size_t cap)
{
    size_t n = 0;
    for (uint32_t i = 0; i < w->len && n + 1 < cap; i++) {
        unsigned char c = (unsigned char)w->form[i];
        char k = isupper(c) ? 'X' : islower(c) ? 'x' : isdigit(c) ? 'd' : c >= 0x80 ? 'u' : (char)c;
        if (k == 'u' && (c & 0xc0) == 0x80)
            continue; /* a UTF-8 continuation byte */
        if (!n || out[n - 1] != k)
            out[n++] = k;
    }
    out[n] = '\0';
    return n;
}

/* The token at the top of a compound or flat name chain: "Peskov" for "Dmitry". */
static size_t chain_head(const ner_word *w, size_t n, size_t i)
{
    for (int steps = 0; steps < 8; steps++) {
        const char *r = w[i].deprel;
        if (w[i].head < 0 || (size_t)w[i].head >= n ||
            (strncmp(r, "compound", 8) != 0 && strncmp(r, "flat", 4) != 0))
            break;
        i = (size_t)w[i].head;
    }
    return i;
}

void ner_prepare(ner_word *w, size_t n)
{
    for (size_t j = 0; j < n; j++)
        w[j].case_lemma = "-";
    for (size_t j = n; j-- > 0;) /* the first marker wins, as "in" in "in and around" */
        if (w[j].head >= 0 && (size_t)w[j].head < n && !strcmp(w[j].deprel, "case"))
            w[w[j].head].case_lemma = w[j].lemma;
}

static uint64_t word_key(int id, const ner_word *w, size_t n, long i)
{
    uint64_t h = start(id);
    if (i < 0)
        return mix_str(h, "<s>");
    if ((size_t)i >= n)
        return mix_str(h, "</s>");
    return mix_lower(h, w[i].form, w[i].len);
}

static const char *upos_at(const ner_word *w, size_t n, long i)
{
    return i < 0 ? "<s>" : (size_t)i >= n ? "</s>" : w[i].upos;
}

size_t ner_features(const ner_word *w, size_t n, size_t i, int prev, int prev2, uint64_t *f)
{
    size_t k = 0;
    const ner_word *x = &w[i];
    long li = (long)i;
    char sh[32], sp[32] = "<s>", sn[32] = "</s>";
    size_t shn = shape(x, sh, sizeof sh);
    if (i > 0)
        shape(&w[i - 1], sp, sizeof sp);
    if (i + 1 < n)
        shape(&w[i + 1], sn, sizeof sn);
    f[k++] = start(1);
    for (int d = -2; d <= 2; d++)
        f[k++] = word_key(10 + d, w, n, li + d);
    f[k++] = mix(start(20), sh, shn);
    f[k++] = mix_str(start(21), sp);
    f[k++] = mix_str(start(22), sn);
    f[k++] = mix_str(mix(start(23), sh, shn), sn);
    f[k++] = mix_str(mix(start(24), sh, shn), sp);
    for (uint32_t len = 1; len <= 4; len++) {
        if (x->len < len)
            break;
        f[k++] = mix_lower(start(30 + (int)len), x->form, len);
        f[k++] = mix_lower(start(40 + (int)len), x->form + x->len - len, len);
    }
    f[k++] = mix_str(start(50), x->upos);
    f[k++] = mix_str(start(51), x->xpos);
    f[k++] = mix_str(start(52), upos_at(w, n, li - 1));
    f[k++] = mix_str(start(53), upos_at(w, n, li + 1));
    f[k++] = mix_str(mix_str(start(54), upos_at(w, n, li - 1)), x->upos);
    f[k++] = mix_str(mix_str(start(55), x->upos), upos_at(w, n, li + 1));
    f[k++] = mix_int(start(60), prev);
    f[k++] = mix_int(mix_int(start(61), prev), prev2);
    f[k++] = mix_int(mix(start(62), sh, shn), prev);
    f[k++] = mix_int(word_key(63, w, n, li), prev);
    f[k++] = mix_int(mix_str(start(64), x->upos), prev);
    f[k++] = word_key(65, w, n, li) ^ word_key(66, w, n, li + 1);
    f[k++] = word_key(67, w, n, li - 1) ^ word_key(68, w, n, li);
    size_t h = chain_head(w, n, i);
    f[k++] = mix_str(start(70), x->deprel);
    f[k++] = mix_str(start(71), w[h].deprel);
    f[k++] = mix_str(start(72), w[h].case_lemma ? w[h].case_lemma : "-");
    f[k++] = mix_str(mix_str(start(73), w[h].deprel),
                     w[h].head >= 0 && (size_t)w[h].head < n ? w[w[h].head].lemma : "<root>");
    f[k++] = mix_lower(start(74), w[h].form, w[h].len);
    f[k++] = mix_int(start(80), (int)x->dict);
    f[k++] = mix_int(start(81), i > 0 ? (int)w[i - 1].dict : -1);
    f[k++] = mix_int(start(82), i + 1 < n ? (int)w[i + 1].dict : -1);
    f[k++] = mix_int(mix(start(83), sh, shn), (int)x->dict);
    f[k++] = mix_int(mix(start(84), sh, shn), i == 0);
    f[k++] = mix_int(start(85), x->len > 12 ? 12 : (int)x->len);
    f[k++] = mix_int(start(90), (int)x->heur);
    f[k++] = mix_int(mix_int(start(91), (int)x->heur), prev);
    f[k++] = mix_int(mix(start(92), sh, shn), (int)x->heur);
    f[k++] = mix_int(start(93), i > 0 ? (int)w[i - 1].heur : -1);
    f[k++] = mix_int(start(94), i + 1 < n ? (int)w[i + 1].heur : -1);
    f[k++] = mix_int(mix_str(start(95), x->upos), (int)x->heur);
    /* the word's lemma, its own head and relation ("Miramar" the subject of "founded") */
    bool headed = x->head >= 0 && (size_t)x->head < n;
    f[k++] = mix_str(start(140), x->lemma);
    f[k++] = mix_str(mix_str(start(141), x->deprel), headed ? w[x->head].lemma : "<root>");
    f[k++] = mix_str(start(142), headed ? w[x->head].upos : "<root>");
    return k;
}

/* Where key's probe starts. */
static inline size_t home_of(const ner_model *m, uint64_t key)
{
    return (size_t)(key ^ (key >> 29)) & (m->n_slots - 1);
}

static size_t slot_of(const ner_model *m, uint64_t key)
{
    size_t mask = m->n_slots - 1, s = home_of(m, key);
    while (m->keys[s] && m->keys[s] != key)
        s = (s + 1) & mask;
    return s;
}

static inline uint64_t feat_key(uint64_t f)
{
    return f ? f : 1; /* 0 marks an empty slot */
}

static inline void add_weights(const ner_model *m, size_t s, float *score)
{
    const float *w = m->weights + s * NER_LABELS;
    for (int l = 0; l < NER_LABELS; l++)
        score[l] += w[l];
}

/* Lookups are cache misses: key slots are prefetched SLOT_AHEAD features ahead and
 * weights WEIGHTS_LAG found features before they are added, so the misses overlap.
 * The weights are still added in feature order (float sums: the same scores). */
#define SLOT_AHEAD 8
#define WEIGHTS_LAG 4
#define FOUND_RING 8 /* > WEIGHTS_LAG, a power of two */

void ner_score(const ner_model *m, const uint64_t *f, size_t nf, float *score)
{
    size_t found[FOUND_RING], nfound = 0, done = 0;
    for (size_t i = 0; i < nf && i < SLOT_AHEAD; i++)
        __builtin_prefetch(&m->keys[home_of(m, feat_key(f[i]))]);
    for (size_t i = 0; i < nf; i++) {
        if (i + SLOT_AHEAD < nf)
            __builtin_prefetch(&m->keys[home_of(m, feat_key(f[i + SLOT_AHEAD]))]);
        size_t s = slot_of(m, feat_key(f[i]));
        if (m->keys[s]) {
            __builtin_prefetch(m->weights + s * NER_LABELS);
            found[nfound++ % FOUND_RING] = s;
        }
        if (nfound - done > WEIGHTS_LAG)
            add_weights(m, found[done++ % FOUND_RING], score);
    }
    while (done < nfound)
        add_weights(m, found[done++ % FOUND_RING], score);
}

int ner_best(const float *score, int prev)
{
    int best = NER_O;
    for (int l = 1; l < NER_LABELS; l++) {
        bool inside = (l & 1) == 0; /* I- labels are even */
        if (inside && prev != l && prev != l - 1)
            continue;
        if (score[l] > score[best])
            best = l;
    }
    return best;
}

void ner_tag(const ner_model *m, const ner_word *w, size_t n, uint8_t *out)
{
    uint64_t f[NER_MAX_FEATS];
    int prev = NER_O, prev2 = NER_O;
    for (size_t i = 0; i < n; i++) {
        float score[NER_LABELS] = {0};
        ner_score(m, f, ner_features(w, n, i, prev, prev2, f), score);
        out[i] = (uint8_t)ner_best(score, prev);
        prev2 = prev;
        prev = out[i];
    }
}

static unsigned dict_class(const dyad_actor_match *m, size_t len, bool multi)
{
    if (m->start != 0 || m->end != len)
        return 0; /* the match must be the whole word or pair */
    unsigned c = 0;
    if (m->via & DYAD_ACTOR_VIA_METONYMY)
        c |= NER_DICT_METONYM;
    if ((m->via & DYAD_ACTOR_VIA_TITLE) && !(m->via & DYAD_ACTOR_VIA_NAME))
        c |= NER_DICT_TITLE;
    if (m->via & DYAD_ACTOR_VIA_NAME) {
        if (!m->role[0] && strcmp(m->country, "IGO") != 0)
            c |= NER_DICT_PLACE;
        else if (multi && strcmp(m->country, "IGO") != 0)
            c |= NER_DICT_PERSON;
        else
            c |= NER_DICT_ORG;
    }
    return c;
}

static bool worth_looking_up(const ner_word *w)
{
    return w->len > 1 && (isupper((unsigned char)w->form[0]) || !strcmp(w->upos, "PROPN"));
}

uint64_t ner_name_key(const char *s, size_t len)
{
    uint64_t k = mix_lower(start(200), s, len);
    return k ? k : 1;
}

static size_t name_slot(const ner_names *names, uint64_t key)
{
    size_t mask = names->n_slots - 1, s = (size_t)(key ^ (key >> 31)) & mask;
    while (names->keys[s] && names->keys[s] != key)
        s = (s + 1) & mask;
    return s;
}

bool ner_names_add(ner_names *names, uint64_t key, unsigned info)
{
    if (2 * (names->n + 1) > names->n_slots) {
        ner_names g = {0};
        g.n_slots = names->n_slots ? 2 * names->n_slots : 64;
        g.keys = calloc(g.n_slots, sizeof *g.keys);
        g.info = calloc(g.n_slots, 1);
        if (!g.keys || !g.info) {
            ner_names_free(&g);
            return false;
        }
        for (size_t i = 0; i < names->n_slots; i++)
            if (names->keys[i]) {
                size_t s = name_slot(&g, names->keys[i]);
                g.keys[s] = names->keys[i], g.info[s] = names->info[i], g.n++;
            }
        ner_names_free(names);
        *names = g;
    }
    size_t s = name_slot(names, key);
    if (!names->keys[s])
        names->n++, names->info[s] = 0;
    names->keys[s] = key;
    names->info[s] |= (uint8_t)(info & (NER_MALE | NER_FEMALE | NER_NAME));
    return true;
}

unsigned ner_word_info(const ner_names *names, const char *s, size_t len)
{
    if (!names || !names->n)
        return 0;
    size_t slot = name_slot(names, ner_name_key(s, len));
    return names->keys[slot] ? names->info[slot] : 0;
}

int ner_name_gender(const ner_names *names, const char *s, size_t len)
{
    unsigned info = ner_word_info(names, s, len);
    return info ? (int)(info & (NER_MALE | NER_FEMALE)) : -1;
}

void ner_names_free(ner_names *names)
{
    free(names->keys);
    free(names->info);
    *names = (ner_names){0};
}

void ner_dict_classes(const dyad_actor_dict *dict, const ner_names *names, ner_word *w, size_t n)
{
    char buf[256];
    dyad_actor_match m;
    for (size_t i = 0; i < n; i++) {
        unsigned info = ner_word_info(names, w[i].form, w[i].len);
        w[i].dict = info & NER_NAME && isupper((unsigned char)w[i].form[0]) ? NER_DICT_FIRST : 0;
    }
    if (!dict)
        return;
    for (size_t i = 0; i < n; i++) {
        if (!worth_looking_up(&w[i]))
            continue;
        if (dyad_actor_dict_lookup(dict, w[i].form, w[i].len, 0, &m))
            w[i].dict |= dict_class(&m, w[i].len, false);
        if (i + 1 < n && worth_looking_up(&w[i + 1]) && w[i].len + w[i + 1].len + 2 < sizeof buf) {
            size_t len = (size_t)snprintf(buf, sizeof buf, "%.*s %.*s", (int)w[i].len, w[i].form,
                                          (int)w[i + 1].len, w[i + 1].form);
            if (dyad_actor_dict_lookup(dict, buf, len, 0, &m)) {
                unsigned c = dict_class(&m, len, true);
                w[i].dict |= c;
                w[i + 1].dict |= c;
            }
        }
    }
}

void ner_words(const dyad_doc *doc, const dyad_sentence *s, ner_word *w)
{
    for (uint32_t i = 0; i < s->count; i++) {
        const dyad_token *t = &doc->tokens[s->first + i];
        w[i] = (ner_word){doc->text + t->start, t->end - t->start,
                          t->upos ? t->upos : "_", t->xpos ? t->xpos : "_",
                          t->lemma ? t->lemma : "_", t->deprel ? t->deprel : "_",
                          t->head >= 0 ? t->head - (int32_t)s->first : -1, 0, 0, "-"};
        if (w[i].head >= (int32_t)s->count)
            w[i].head = -1;
    }
    ner_prepare(w, s->count);
}

/* ---- weights file --------------------------------------------------------- */

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get64(const unsigned char *p)
{
    return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

/* Zeroed memory for a table read at random, on 2 MB pages where the kernel gives them
 * (on 4 KB pages most lookups also miss the TLB); freed by free(). */
static void *table_zalloc(size_t bytes)
{
    size_t huge = (size_t)2 << 20, len = (bytes + huge - 1) & ~(huge - 1);
    void *p = aligned_alloc(huge, len);
#ifdef MADV_HUGEPAGE
    if (p)
        madvise(p, len, MADV_HUGEPAGE);
#endif
    return p ? memset(p, 0, len) : NULL;
}

ner_model *ner_load_memory(const void *data, size_t len, dyad_error *err)
{
    const unsigned char *p = data;
    if (len < NER_HEADER || memcmp(p, NER_MAGIC, 8) != 0 || get32(p + 8) != 2) {
        dyad_error_set(err, DYAD_EMODEL, "ner_header", "not a dyad NER weights file (version 2)");
        return NULL;
    }
    size_t n = get32(p + 12), n_names = get32(p + 20);
    if (n > (len - NER_HEADER) / NER_RECORD || n_names > len / NER_NAME_RECORD ||
        len != NER_HEADER + n * NER_RECORD + n_names * NER_NAME_RECORD) {
        dyad_error_set(err, DYAD_EMODEL, "ner_size", "NER weights file truncated or too long");
        return NULL;
    }
    if (dyad_crc32(0, p + NER_HEADER, len - NER_HEADER) != get32(p + 16)) {
        dyad_error_set(err, DYAD_EMODEL, "ner_checksum", "NER weights file checksum mismatch");
        return NULL;
    }
    ner_model *m = calloc(1, sizeof *m);
    size_t slots = 16;
    while (slots < 2 * n + 16)
        slots *= 2;
    if (m) {
        m->n_slots = slots;
        m->keys = table_zalloc(slots * sizeof *m->keys);
        m->weights = table_zalloc(slots * NER_LABELS * sizeof *m->weights);
    }
    if (!m || !m->keys || !m->weights) {
        ner_free(m);
        dyad_error_set(err, DYAD_ENOMEM, "nomem", "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const unsigned char *r = p + NER_HEADER + i * NER_RECORD;
        uint64_t key = get64(r);
        size_t s = slot_of(m, key ? key : 1);
        m->keys[s] = key ? key : 1;
        for (int l = 0; l < NER_LABELS; l++) {
            uint32_t bits = get32(r + 8 + 4 * l);
            memcpy(&m->weights[s * NER_LABELS + l], &bits, 4);
        }
    }
    m->n_feats = n;
    for (size_t i = 0; i < n_names; i++) {
        const unsigned char *r = p + NER_HEADER + n * NER_RECORD + i * NER_NAME_RECORD;
        if (!ner_names_add(&m->names, get64(r) ? get64(r) : 1, r[8])) {
            ner_free(m);
            dyad_error_set(err, DYAD_ENOMEM, "nomem", "out of memory");
            return NULL;
        }
    }
    return m;
}

ner_model *ner_load(const char *path, dyad_error *err)
{
    char *data;
    size_t len;
    if (dyad_file_read_all(path, &data, &len, err) != DYAD_OK)
        return NULL;
    ner_model *m = ner_load_memory(data, len, err);
    if (!m && err) {
        char msg[sizeof err->message];
        snprintf(msg, sizeof msg, "%.200s: %.300s", path, err->message);
        memcpy(err->message, msg, sizeof msg);
    }
    free(data);
    return m;
}

void ner_free(ner_model *m)
{
    if (!m)
        return;
    free(m->keys);
    free(m->weights);
    ner_names_free(&m->names);
    free(m);
}
