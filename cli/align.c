/* CoNLL 2018 alignment: gold words and dyad tokens as whitespace-free byte spans. */
#include "align.h"

#include <stdlib.h>
#include <string.h>

/* Bytes of whitespace at s (0 when none): ASCII space class plus the Unicode
 * spaces Python's str.isspace accepts, which the shared task's script strips. */
static size_t space_len(const unsigned char *s, size_t left)
{
    if (left == 0)
        return 0;
    if (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r'))
        return 1;
    if (left >= 2 && s[0] == 0xC2 && (s[1] == 0xA0 || s[1] == 0x85))
        return 2;
    if (left < 3)
        return 0;
    if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8A || s[2] == 0xA8 || s[2] == 0xA9 || s[2] == 0xAF))
        return 3;
    if ((s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F) || (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) ||
        (s[0] == 0xE1 && s[1] == 0x9A && s[2] == 0x80))
        return 3;
    return 0;
}

/* Non-whitespace bytes in s[0, len). */
static uint32_t solid_len(const char *s, size_t len)
{
    uint32_t n = 0;
    for (size_t i = 0; i < len;) {
        size_t sp = space_len((const unsigned char *)s + i, len - i);
        if (sp) {
            i += sp;
        } else {
            n++;
            i++;
        }
    }
    return n;
}

static void append(char *dst, size_t *len, const char *src, size_t n)
{
    memcpy(dst + *len, src, n);
    *len += n;
}

/* Upper bound of the raw text size. */
static size_t gold_text_cap(const dyad_treebank *tb)
{
    size_t cap = 1;
    for (size_t i = 0; i < tb->n_sentences; i++) {
        const dyad_conllu_sentence *s = &tb->sentences[i];
        cap += 2 + (s->text ? strlen(s->text) : 0);
        for (int w = 0; w < s->n_words && !s->text; w++)
            cap += strlen(s->words[w].form) + 1;
        for (int r = 0; r < s->n_ranges && !s->text; r++)
            cap += strlen(s->ranges[r].form) + 1;
    }
    return cap;
}

/* Appends a sentence without # text: tokens joined by spaces. */
static void append_forms(char *dst, size_t *len, const dyad_conllu_sentence *s)
{
    int r = 0;
    for (int w = 1; w <= s->n_words; w++) {
        const char *form = s->words[w - 1].form;
        if (r < s->n_ranges && s->ranges[r].first == w) {
            form = s->ranges[r].form;
            w = s->ranges[r++].last;
        }
        if (w > 1)
            append(dst, len, " ", 1);
        append(dst, len, form, strlen(form));
    }
}

/* Word and token spans of one sentence whose first solid byte is at base. */
static void gold_sentence(align_gold *g, const dyad_conllu_sentence *s, uint32_t base)
{
    uint32_t at = base;
    int r = 0;
    g->sentence_first[g->n_sentences] = g->n_words;
    for (int w = 1; w <= s->n_words; w++) {
        const char *form = s->words[w - 1].form;
        uint32_t n = solid_len(form, strlen(form));
        g->words[g->n_words++] = (align_span){at, at + n};
        while (r < s->n_ranges && s->ranges[r].last < w)
            r++; /* skips malformed ranges */
        int in_range = r < s->n_ranges && s->ranges[r].first <= w;
        if (!in_range || s->ranges[r].first == w)
            g->tokens[g->n_tokens].start = at;
        at += n;
        if (!in_range || s->ranges[r].last == w)
            g->tokens[g->n_tokens++].end = at;
    }
    g->sentences[g->n_sentences++] = (align_span){base, at};
}

static dyad_status gold_alloc(align_gold *g, const dyad_treebank *tb)
{
    size_t words = 0;
    for (size_t i = 0; i < tb->n_sentences; i++)
        words += (size_t)tb->sentences[i].n_words;
    g->text = malloc(gold_text_cap(tb));
    g->words = malloc((words + 1) * sizeof *g->words);
    g->tokens = malloc((words + 1) * sizeof *g->tokens);
    g->sentences = malloc((tb->n_sentences + 1) * sizeof *g->sentences);
    g->sentence_first = malloc((tb->n_sentences + 1) * sizeof *g->sentence_first);
    if (!g->text || !g->words || !g->tokens || !g->sentences || !g->sentence_first) {
        align_gold_free(g);
        return DYAD_ENOMEM;
    }
    return DYAD_OK;
}

dyad_status align_gold_build(const dyad_treebank *tb, align_gold *g)
{
    memset(g, 0, sizeof *g);
    if (gold_alloc(g, tb) != DYAD_OK)
        return DYAD_ENOMEM;
    uint32_t solid = 0;
    for (size_t i = 0; i < tb->n_sentences; i++) {
        const dyad_conllu_sentence *s = &tb->sentences[i];
        int par = s->newpar || s->newdoc;
        if (i > 0)
            append(g->text, &g->text_len, par ? "\n\n" : " ", par ? 2u : 1u);
        size_t from = g->text_len;
        if (s->text)
            append(g->text, &g->text_len, s->text, strlen(s->text));
        else
            append_forms(g->text, &g->text_len, s);
        size_t first_word = g->n_words;
        gold_sentence(g, s, solid);
        uint32_t typed = solid_len(g->text + from, g->text_len - from);
        if (g->n_words > first_word && g->words[g->n_words - 1].end - solid != typed)
            g->n_mismatched++;
        solid += typed; /* resynchronise: a mismatch stays inside its sentence */
    }
    g->text[g->text_len] = '\0';
    return DYAD_OK;
}

void align_gold_free(align_gold *g)
{
    free(g->text);
    free(g->words);
    free(g->tokens);
    free(g->sentences);
    free(g->sentence_first);
    memset(g, 0, sizeof *g);
}

/* solid[i] = whitespace-free offset of byte i of text, for i in [0, len]. */
static uint32_t *solid_offsets(const char *text, size_t len)
{
    uint32_t *off = malloc((len + 1) * sizeof *off);
    if (!off)
        return NULL;
    uint32_t n = 0;
    for (size_t i = 0; i < len;) {
        size_t sp = space_len((const unsigned char *)text + i, len - i);
        for (size_t k = 0; k < (sp ? sp : 1); k++)
            off[i + k] = n;
        n += sp ? 0 : 1;
        i += sp ? sp : 1;
    }
    off[len] = n;
    return off;
}

dyad_status align_system_build(const dyad_doc *doc, align_system *s)
{
    memset(s, 0, sizeof *s);
    uint32_t *off = solid_offsets(doc->text ? doc->text : "", doc->text_len);
    s->words = malloc((doc->n_tokens + 1) * sizeof *s->words);
    s->tokens = malloc((doc->n_tokens + 1) * sizeof *s->tokens);
    s->sentences = malloc((doc->n_sentences + 1) * sizeof *s->sentences);
    if (!off || !s->words || !s->tokens || !s->sentences) {
        free(off);
        align_system_free(s);
        return DYAD_ENOMEM;
    }
    for (size_t i = 0; i < doc->n_tokens; i++) {
        const dyad_token *t = &doc->tokens[i];
        align_span sp = {off[t->start], off[t->end]};
        s->words[s->n_words++] = sp;
        if (i > 0 && s->n_tokens > 0 && (t->flags & DYAD_TOKEN_CLITIC))
            s->tokens[s->n_tokens - 1].end = sp.end;
        else
            s->tokens[s->n_tokens++] = sp;
    }
    for (size_t i = 0; i < doc->n_sentences; i++)
        s->sentences[s->n_sentences++] =
            (align_span){off[doc->sentences[i].start], off[doc->sentences[i].end]};
    free(off);
    return DYAD_OK;
}

void align_system_free(align_system *s)
{
    free(s->words);
    free(s->tokens);
    free(s->sentences);
    memset(s, 0, sizeof *s);
}

size_t align_words(const align_span *gold, size_t n_gold, const align_span *sys, size_t n_sys,
                   int32_t *gold_to_sys)
{
    size_t j = 0, aligned = 0;
    for (size_t i = 0; i < n_gold; i++) {
        while (j < n_sys && (sys[j].start < gold[i].start ||
                             (sys[j].start == gold[i].start && sys[j].end < gold[i].end)))
            j++;
        int match = j < n_sys && sys[j].start == gold[i].start && sys[j].end == gold[i].end;
        gold_to_sys[i] = match ? (int32_t)j : -1;
        aligned += (size_t)match;
    }
    return aligned;
}

align_score align_spans(const align_span *gold, size_t n_gold, const align_span *sys, size_t n_sys)
{
    align_score sc = {n_gold, n_sys, 0};
    size_t j = 0;
    for (size_t i = 0; i < n_gold; i++) {
        while (j < n_sys && (sys[j].start < gold[i].start ||
                             (sys[j].start == gold[i].start && sys[j].end < gold[i].end)))
            j++;
        if (j < n_sys && sys[j].start == gold[i].start && sys[j].end == gold[i].end) {
            sc.correct++;
            j++;
        }
    }
    return sc;
}

double align_precision(align_score s)
{
    return s.system ? 100.0 * (double)s.correct / (double)s.system : 0.0;
}

double align_recall(align_score s)
{
    return s.gold ? 100.0 * (double)s.correct / (double)s.gold : 0.0;
}

double align_f1(align_score s)
{
    return s.gold + s.system ? 200.0 * (double)s.correct / (double)(s.gold + s.system) : 0.0;
}
