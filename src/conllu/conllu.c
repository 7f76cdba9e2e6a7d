/* CoNLL-U reader: the treebank's bytes are split in place, so strings cost nothing. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct sentence_builder {
    dyad_conllu_word *words;
    dyad_conllu_range *ranges;
    int n_words, n_ranges, cap_words, cap_ranges;
    dyad_conllu_sentence cur;
} sentence_builder;

static bool grow(void **arr, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return true;
    int cap2 = *cap ? *cap * 2 : 64;
    while (cap2 < need)
        cap2 *= 2;
    void *p = realloc(*arr, (size_t)cap2 * elem);
    if (!p)
        return false;
    *arr = p;
    *cap = cap2;
    return true;
}

/* Splits line into exactly 10 tab-separated fields; false when it has fewer. */
static bool split_fields(char *line, char **f)
{
    for (int i = 0; i < 10; i++) {
        f[i] = line;
        char *tab = strchr(line, '\t');
        if (i < 9) {
            if (!tab)
                return false;
            *tab = '\0';
            line = tab + 1;
        } else if (tab) {
            *tab = '\0';
        }
    }
    return true;
}

static bool parse_id(const char *s, int *first, int *last, bool *empty_node)
{
    char *end;
    long a = strtol(s, &end, 10);
    *empty_node = *end == '.';
    *first = *last = (int)a;
    if (*end == '-')
        *last = (int)strtol(end + 1, &end, 10);
    /* Empty nodes may follow word 0 ("0.1"); ordinary ids start at 1. */
    return (a > 0 || (a == 0 && *empty_node)) && a < 100000 && (*end == '\0' || *empty_node);
}

static dyad_status add_word_line(sentence_builder *sb, char *line, dyad_arena *arena)
{
    char *f[10];
    int first, last;
    bool empty_node;
    if (!split_fields(line, f) || !parse_id(f[0], &first, &last, &empty_node))
        return DYAD_EFORMAT;
    if (empty_node)
        return DYAD_OK; /* enhanced-graph nodes are not surface words */
    (void)arena;
    if (first != last) {
        if (!grow((void **)&sb->ranges, &sb->cap_ranges, sb->n_ranges + 1, sizeof *sb->ranges))
            return DYAD_ENOMEM;
        sb->ranges[sb->n_ranges++] = (dyad_conllu_range){first, last, f[1], f[9]};
        return DYAD_OK;
    }
    if (first != sb->n_words + 1)
        return DYAD_EFORMAT;
    if (!grow((void **)&sb->words, &sb->cap_words, sb->n_words + 1, sizeof *sb->words))
        return DYAD_ENOMEM;
    sb->words[sb->n_words++] = (dyad_conllu_word){
        .form = f[1], .lemma = f[2], .upos = f[3], .xpos = f[4], .feats = f[5],
        .head = atoi(f[6]), .deprel = f[7], .misc = f[9]};
    return DYAD_OK;
}

/* Whether the heads of words[0..n) (1-based, 0 = root) lead every word to the root:
 * a cycle ("2 -> 3 -> 2") would send every walk up the tree round forever. Linear:
 * each word is walked once, marked 1 while on the current path and 2 once known. */
static bool heads_reach_root(const dyad_conllu_word *words, int n, uint8_t *mark)
{
    memset(mark, 0, (size_t)n);
    for (int i = 0; i < n; i++) {
        int w = i;
        while (w >= 0 && mark[w] == 0) {
            mark[w] = 1;
            w = words[w].head - 1;
        }
        if (w >= 0 && mark[w] == 1)
            return false; /* came back to the path being walked */
        for (w = i; w >= 0 && mark[w] == 1; w = words[w].head - 1)
            mark[w] = 2;
    }
    return true;
}

static dyad_status finish_sentence(sentence_builder *sb, dyad_arena *arena, dyad_buf *out,
                                   const char **why)
{
    if (sb->n_words <= 0)
        return DYAD_OK;
    for (int i = 0; i < sb->n_words; i++)
        if (sb->words[i].head < 0 || sb->words[i].head > sb->n_words)
            return *why = "HEAD out of range", DYAD_EFORMAT;
    uint8_t *mark = malloc((size_t)sb->n_words);
    if (!mark)
        return DYAD_ENOMEM;
    bool tree = heads_reach_root(sb->words, sb->n_words, mark);
    free(mark);
    if (!tree)
        return *why = "the HEAD column makes a cycle (no path to the root)", DYAD_EFORMAT;
    dyad_conllu_sentence s = sb->cur;
    s.n_words = sb->n_words;
    s.n_ranges = sb->n_ranges;
    s.words = dyad_arena_alloc(arena, (size_t)sb->n_words * sizeof *s.words);
    s.ranges = dyad_arena_alloc(arena, (size_t)sb->n_ranges * sizeof *s.ranges + 1);
    if (!s.words || !s.ranges)
        return DYAD_ENOMEM;
    memcpy(s.words, sb->words, (size_t)sb->n_words * sizeof *s.words);
    if (sb->n_ranges) /* sb->ranges is NULL before the first range: memcpy(NULL) is UB */
        memcpy(s.ranges, sb->ranges, (size_t)sb->n_ranges * sizeof *s.ranges);
    dyad_buf_append(out, &s, sizeof s);
    memset(&sb->cur, 0, sizeof sb->cur);
    sb->n_words = sb->n_ranges = 0;
    return out->oom ? DYAD_ENOMEM : DYAD_OK;
}

static void take_comment(sentence_builder *sb, char *line)
{
    if (strncmp(line, "# text = ", 9) == 0)
        sb->cur.text = line + 9;
    else if (strncmp(line, "# newdoc", 8) == 0)
        sb->cur.newdoc = 1;
    else if (strncmp(line, "# newpar", 8) == 0)
        sb->cur.newpar = 1;
}

static dyad_status parse_treebank(dyad_treebank *tb, char *data, size_t *bad_line,
                                  const char **why)
{
    sentence_builder sb = {0};
    dyad_buf sentences;
    dyad_buf_init(&sentences);
    dyad_status st = DYAD_OK;
    size_t line_no = 0;
    for (char *line = data, *next; line && *line && st == DYAD_OK; line = next) {
        line_no++;
        char *nl = strchr(line, '\n');
        next = nl ? nl + 1 : NULL;
        if (nl) {
            *nl = '\0';
            if (nl > line && nl[-1] == '\r')
                nl[-1] = '\0';
        }
        if (*line == '#')
            take_comment(&sb, line);
        else if (*line == '\0')
            st = finish_sentence(&sb, tb->arena, &sentences, why);
        else
            st = add_word_line(&sb, line, tb->arena);
    }
    if (st == DYAD_OK)
        st = finish_sentence(&sb, tb->arena, &sentences, why);
    *bad_line = line_no;
    free(sb.words);
    free(sb.ranges);
    if (st == DYAD_OK) {
        tb->n_sentences = sentences.len / sizeof(dyad_conllu_sentence);
        tb->sentences = dyad_arena_alloc(tb->arena, sentences.len + 1);
        if (tb->sentences && sentences.len)
            memcpy(tb->sentences, sentences.data, sentences.len);
        else if (!tb->sentences)
            st = DYAD_ENOMEM;
    }
    dyad_buf_free(&sentences);
    return st;
}

dyad_treebank *dyad_treebank_parse(const char *name, const char *data, size_t len,
                                   dyad_error *err)
{
    dyad_treebank *tb = calloc(1, sizeof *tb);
    char *copy = NULL;
    if (tb && (tb->arena = dyad_arena_new()))
        copy = dyad_arena_strndup(tb->arena, data, len);
    if (!copy) {
        dyad_treebank_free(tb);
        dyad_error_set(err, DYAD_ENOMEM, "nomem", "%s: out of memory", name);
        return NULL;
    }
    size_t line = 0;
    const char *why = "malformed CoNLL-U line";
    dyad_status st = parse_treebank(tb, copy, &line, &why);
    if (st != DYAD_OK) {
        dyad_treebank_free(tb);
        dyad_error_set(err, st, "conllu", "%s:%zu: %s", name, line,
                       st == DYAD_ENOMEM ? "out of memory" : why);
        return NULL;
    }
    return tb;
}

dyad_treebank *dyad_treebank_read(const char *path, dyad_error *err)
{
    char *data;
    size_t len;
    if (dyad_file_read_all(path, &data, &len, err) != DYAD_OK)
        return NULL;
    dyad_treebank *tb = dyad_treebank_parse(path, data, len, err);
    free(data);
    return tb;
}

void dyad_treebank_free(dyad_treebank *tb)
{
    if (!tb)
        return;
    dyad_arena_free(tb->arena);
    free(tb);
}
