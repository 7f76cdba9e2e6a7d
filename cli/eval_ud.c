/* dyad eval ud: tagging, lemma and parsing accuracy (CoNLL 2018 definitions) against
 * a CoNLL-U treebank, from gold tokenization or from raw text, plus speed. */
#include "align.h"
#include "cli.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void help_eval_ud(FILE *out)
{
    fprintf(out,
            "usage: dyad eval ud [options] FILE.conllu\n\n"
            "Tags, lemmatizes and parses a treebank with a dyad model and prints UPOS, XPOS,\n"
            "UFeats, AllTags, Lemmas, UAS and LAS as defined by the CoNLL 2018 shared task\n"
            "(punctuation included; LAS compares the universal part of the relation, before\n"
            "':'), then words/s (tag + parse, one core), model load time and peak memory.\n\n"
            "By default the gold words are given to the model. With --raw the treebank's\n"
            "text is rebuilt (as dyad eval tokenize does), tokenized and split by dyad, and\n"
            "system words are aligned to gold words: scores are then F1 (precision over\n"
            "system words, recall over gold words).\n\n"
            "options:\n"
            "  --model M    model file (default: $DYAD_MODEL or the shipped model)\n"
            "  --raw        start from raw text instead of gold tokens\n"
            "  --no-speed   skip the speed measurement\n"
            "  --by-relation  also print UAS and LAS per gold relation, most head errors first\n"
            "  -o FILE      also write the system's analysis as CoNLL-U (for other scorers)\n"
            "  -h, --help   this help\n\n"
            "example:\n  dyad eval ud ../shared/data/ud/UD_English-EWT/en_ewt-ud-test.conllu\n");
}

typedef struct ud_opts {
    const char *path, *model, *output;
    int raw, speed, by_relation;
} ud_opts;

static int parse_args(int argc, char **argv, ud_opts *o)
{
    *o = (ud_opts){NULL, NULL, NULL, 0, 1, 0};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--model") && i + 1 < argc)
            o->model = argv[++i];
        else if (!strcmp(argv[i], "-o") && i + 1 < argc)
            o->output = argv[++i];
        else if (!strcmp(argv[i], "--raw"))
            o->raw = 1;
        else if (!strcmp(argv[i], "--no-speed"))
            o->speed = 0;
        else if (!strcmp(argv[i], "--by-relation"))
            o->by_relation = 1;
        else if (argv[i][0] == '-' && argv[i][1])
            return cli_usage_error("eval ud", "unknown option '%s'", argv[i]);
        else if (o->path)
            return cli_usage_error("eval ud", "one treebank at a time");
        else
            o->path = argv[i];
    }
    if (!o->model)
        o->model = cli_default_model();
    return o->path ? 0 : cli_usage_error("eval ud", "which treebank? give FILE.conllu");
}

enum { M_UPOS, M_XPOS, M_FEATS, M_ALLTAGS, M_LEMMA, M_UAS, M_LAS, N_METRICS };
static const char *const metric_names[N_METRICS] = {"UPOS", "XPOS", "UFeats", "AllTags",
                                                    "Lemmas", "UAS", "LAS"};

/* Per gold relation (universal part): words, right heads, right heads and labels. */
#define MAX_RELATIONS 64
typedef struct relation_counts {
    char name[MAX_RELATIONS][16];
    size_t words[MAX_RELATIONS], heads[MAX_RELATIONS], labels[MAX_RELATIONS];
    int n;
} relation_counts;

/* The row of a relation; relations past the table's size share the last row. */
static int relation_row(relation_counts *rc, const char *deprel)
{
    size_t len = strcspn(deprel ? deprel : "", ":");
    if (len >= sizeof rc->name[0])
        len = sizeof rc->name[0] - 1;
    for (int i = 0; i < rc->n; i++)
        if (strlen(rc->name[i]) == len && !memcmp(rc->name[i], deprel, len))
            return i;
    if (rc->n == MAX_RELATIONS)
        return MAX_RELATIONS - 1;
    memcpy(rc->name[rc->n], deprel ? deprel : "", len);
    rc->name[rc->n][len] = 0;
    return rc->n++;
}

static int by_head_errors(const void *a, const void *b, void *ctx)
{
    const relation_counts *rc = ctx;
    int x = *(const int *)a, y = *(const int *)b;
    size_t ex = rc->words[x] - rc->heads[x], ey = rc->words[y] - rc->heads[y];
    return ex != ey ? (ex < ey ? 1 : -1) : strcmp(rc->name[x], rc->name[y]);
}

static void print_relations(relation_counts *rc, size_t total_words)
{
    int order[MAX_RELATIONS];
    size_t errors = 0;
    for (int i = 0; i < rc->n; i++)
        order[i] = i, errors += rc->words[i] - rc->heads[i];
    qsort_r(order, (size_t)rc->n, sizeof *order, by_head_errors, rc);
    printf("\n%-12s %7s %6s %7s %7s %13s\n", "relation", "words", "share", "UAS", "LAS",
           "head errors");
    for (int k = 0; k < rc->n; k++) {
        int i = order[k];
        size_t w = rc->words[i], bad = w - rc->heads[i];
        printf("%-12s %7zu %5.1f%% %7.2f %7.2f %6zu %5.1f%%\n", rc->name[i], w,
               100.0 * w / (total_words ? total_words : 1), 100.0 * rc->heads[i] / w,
               100.0 * rc->labels[i] / w, bad, errors ? 100.0 * bad / errors : 0);
    }
}

/* "_", "" and NULL all mean "no value". */
static int same(const char *a, const char *b)
{
    a = a && strcmp(a, "_") ? a : "";
    b = b && strcmp(b, "_") ? b : "";
    return strcmp(a, b) == 0;
}

static int same_universal(const char *a, const char *b)
{
    a = a ? a : "";
    b = b ? b : "";
    size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
    return la == lb && memcmp(a, b, la) == 0;
}

/* Adds the matches of one aligned word pair; head_ok says whether heads agree. */
static void score_word(const dyad_conllu_word *g, const dyad_token *t, int head_ok,
                       size_t *correct, relation_counts *rc)
{
    int upos = same(g->upos, t->upos), xpos = same(g->xpos, t->xpos);
    int feats = same(g->feats, t->feats);
    correct[M_UPOS] += upos;
    correct[M_XPOS] += xpos;
    correct[M_FEATS] += feats;
    correct[M_ALLTAGS] += upos && xpos && feats;
    correct[M_LEMMA] += same(g->lemma, t->lemma);
    correct[M_UAS] += head_ok;
    int label_ok = head_ok && same_universal(g->deprel, t->deprel);
    correct[M_LAS] += label_ok;
    int row = relation_row(rc, g->deprel);
    rc->words[row]++, rc->heads[row] += head_ok, rc->labels[row] += label_ok;
}

/* A document holding the gold words as tokens (the caller frees tokens and
 * sentences, which it owns: the doc's arena does not). */
static dyad_doc *gold_doc(const dyad_treebank *tb, size_t n_words)
{
    dyad_doc *doc = dyad_doc_new();
    size_t bytes = 0;
    for (size_t s = 0; s < tb->n_sentences; s++)
        for (int k = 0; k < tb->sentences[s].n_words; k++)
            bytes += strlen(tb->sentences[s].words[k].form) + 1;
    char *text = malloc(bytes + 1);
    if (doc) {
        doc->tokens = calloc(n_words + 1, sizeof *doc->tokens);
        doc->sentences = calloc(tb->n_sentences + 1, sizeof *doc->sentences);
    }
    if (!doc || !text || !doc->tokens || !doc->sentences) {
        free(text);
        if (doc)
            free(doc->tokens), free(doc->sentences);
        dyad_doc_free(doc);
        return NULL;
    }
    size_t at = 0, t = 0;
    for (size_t s = 0; s < tb->n_sentences; s++) {
        const dyad_conllu_sentence *cs = &tb->sentences[s];
        doc->sentences[s] = (dyad_sentence){(uint32_t)t, (uint32_t)cs->n_words, (uint32_t)at, 0};
        for (int k = 0; k < cs->n_words; k++, t++) {
            size_t len = strlen(cs->words[k].form);
            memcpy(text + at, cs->words[k].form, len);
            doc->tokens[t] = (dyad_token){(uint32_t)at, (uint32_t)(at + len),
                                          DYAD_TOKEN_SPACE_AFTER, .head = -1};
            at += len;
            text[at++] = k + 1 < cs->n_words ? ' ' : '\n';
        }
        doc->sentences[s].end = at ? (uint32_t)at - 1 : 0;
    }
    doc->text = dyad_doc_strdup(doc, text, at);
    doc->text_len = at;
    doc->n_tokens = t;
    doc->n_sentences = tb->n_sentences;
    free(text);
    return doc;
}

static void gold_doc_free(dyad_doc *doc)
{
    if (!doc)
        return;
    free(doc->tokens);
    free(doc->sentences);
    dyad_doc_free(doc);
}

/* Gold tokenization: every word is scored against its own token. */
static void score_gold(const dyad_treebank *tb, const dyad_doc *doc, size_t *correct,
                       relation_counts *rc)
{
    size_t t = 0;
    for (size_t s = 0; s < tb->n_sentences; s++) {
        const dyad_conllu_sentence *cs = &tb->sentences[s];
        size_t first = t;
        for (int k = 0; k < cs->n_words; k++, t++) {
            const dyad_token *tok = &doc->tokens[t];
            int gh = cs->words[k].head;
            int head_ok = gh == 0 ? tok->head == -1 : tok->head == (int32_t)(first + (size_t)gh - 1);
            score_word(&cs->words[k], tok, head_ok, correct, rc);
        }
    }
}

/* Raw text: aligned words only; a head is right when it is aligned to the gold head. */
static void score_raw(const dyad_treebank *tb, const align_gold *g, const dyad_doc *doc,
                      const int32_t *map, size_t *correct, relation_counts *rc)
{
    size_t w = 0;
    for (size_t s = 0; s < tb->n_sentences; s++) {
        const dyad_conllu_sentence *cs = &tb->sentences[s];
        size_t first = g->sentence_first[s];
        for (int k = 0; k < cs->n_words; k++, w++) {
            if (map[w] < 0)
                continue;
            const dyad_token *tok = &doc->tokens[map[w]];
            int gh = cs->words[k].head;
            int head_ok = gh == 0 ? tok->head == -1
                                  : tok->head >= 0 && map[first + (size_t)gh - 1] == tok->head;
            score_word(&cs->words[k], tok, head_ok, correct, rc);
        }
    }
}

/* Writes the annotated document as CoNLL-U to o->output; false (said on stderr) on failure. */
static bool write_output(const dyad_doc *doc, const ud_opts *o)
{
    if (!o->output)
        return true;
    size_t len = 0;
    char *text = dyad_doc_to_conllu(doc, &len);
    FILE *f = text ? fopen(o->output, "wb") : NULL;
    bool ok = f && fwrite(text, 1, len, f) == len;
    if (f && fclose(f) != 0)
        ok = false;
    free(text);
    if (!ok)
        fprintf(stderr, "dyad eval ud: cannot write %s\n", o->output);
    return ok;
}

/* CPU seconds of this (single-threaded) process: one core, whatever else runs. */
static double cpu_now(void)
{
    return (double)clock() / CLOCKS_PER_SEC;
}

/* Tag + parse throughput over repeated runs of at least one CPU second, words/s. */
static double measure_speed(const dyad_model *m, dyad_doc *doc)
{
    double spent = 0, words = 0;
    for (int run = 0; run < 100 && spent < 1.0; run++) {
        double t0 = cpu_now();
        if (dyad_model_annotate(m, doc) != DYAD_OK)
            return 0;
        spent += cpu_now() - t0;
        words += (double)doc->n_tokens;
    }
    return spent > 0 ? words / spent : 0;
}

static void print_table(const size_t *correct, size_t gold, size_t system, int raw)
{
    if (raw)
        printf("%-8s %9s %9s %9s\n", "metric", "precision", "recall", "F1");
    else
        printf("%-8s %9s\n", "metric", "accuracy");
    for (int m = 0; m < N_METRICS; m++) {
        double p = system ? 100.0 * correct[m] / system : 0, r = gold ? 100.0 * correct[m] / gold : 0;
        if (raw)
            printf("%-8s %9.2f %9.2f %9.2f\n", metric_names[m], p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
        else
            printf("%-8s %9.2f\n", metric_names[m], r);
    }
}

/* Tokenizes the rebuilt raw text, annotates and scores through the alignment. */
static int evaluate_raw(const dyad_treebank *tb, const dyad_model *m, const ud_opts *o)
{
    align_gold g;
    align_system s;
    if (align_gold_build(tb, &g) != DYAD_OK)
        return fprintf(stderr, "dyad eval ud: out of memory\n"), EXIT_RUNTIME;
    dyad_doc *doc = dyad_doc_new();
    int32_t *map = malloc((g.n_words + 1) * sizeof *map);
    double t0 = cpu_now();
    int ok = doc && map && dyad_doc_set_text(doc, NULL, 0, g.text, g.text_len) == DYAD_OK &&
             dyad_tokenize(doc) == DYAD_OK && dyad_model_annotate(m, doc) == DYAD_OK;
    double spent = cpu_now() - t0;
    if (ok && align_system_build(doc, &s) == DYAD_OK) {
        size_t correct[N_METRICS] = {0};
        relation_counts rc = {0};
        size_t aligned = align_words(g.words, g.n_words, s.words, s.n_words, map);
        score_raw(tb, &g, doc, map, correct, &rc);
        ok = write_output(doc, o);
        align_score sents = align_spans(g.sentences, g.n_sentences, s.sentences, s.n_sentences);
        printf("%s: %zu sentences, %zu gold words, %zu system words, from raw text\n", o->path,
               g.n_sentences, g.n_words, s.n_words);
        printf("Words F1 %.2f, Sentences F1 %.2f\n", align_f1((align_score){g.n_words, s.n_words, aligned}),
               align_f1(sents));
        print_table(correct, g.n_words, s.n_words, 1);
        if (o->by_relation)
            print_relations(&rc, g.n_words);
        if (o->speed)
            printf("speed: %.0f words/s (tokenize + tag + parse, one pass, CPU time of one core)\n",
                   spent > 0 ? (double)s.n_words / spent : 0);
        align_system_free(&s);
    } else {
        fprintf(stderr, "dyad eval ud: annotation failed (out of memory?)\n");
    }
    free(map);
    dyad_doc_free(doc);
    align_gold_free(&g);
    return ok ? EXIT_OK : EXIT_RUNTIME;
}

static int evaluate_gold(const dyad_treebank *tb, const dyad_model *m, const ud_opts *o)
{
    size_t n_words = 0, correct[N_METRICS] = {0};
    for (size_t s = 0; s < tb->n_sentences; s++)
        n_words += (size_t)tb->sentences[s].n_words;
    dyad_doc *doc = gold_doc(tb, n_words);
    if (!doc || dyad_model_annotate(m, doc) != DYAD_OK) {
        gold_doc_free(doc);
        return fprintf(stderr, "dyad eval ud: annotation failed (out of memory?)\n"), EXIT_RUNTIME;
    }
    relation_counts rc = {0};
    score_gold(tb, doc, correct, &rc);
    int rc_out = write_output(doc, o) ? EXIT_OK : EXIT_RUNTIME;
    printf("%s: %zu sentences, %zu words, gold tokenization\n", o->path, tb->n_sentences, n_words);
    print_table(correct, n_words, n_words, 0);
    if (o->by_relation)
        print_relations(&rc, n_words);
    if (o->speed)
        printf("speed: %.0f words/s (tag + parse, CPU time of one core)\n", measure_speed(m, doc));
    gold_doc_free(doc);
    return rc_out;
}

int eval_ud(int argc, char **argv)
{
    ud_opts o;
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc;
    dyad_error err;
    double t0 = cli_now();
    dyad_model *m = dyad_model_load(o.model, &err);
    double load = cli_now() - t0;
    if (!m) {
        fprintf(stderr, "dyad eval ud: %s\n", err.message);
        return EXIT_RUNTIME;
    }
    dyad_treebank *tb = dyad_treebank_read(o.path, &err);
    if (!tb) {
        dyad_model_free(m);
        fprintf(stderr, "dyad eval ud: %s\n", err.message);
        return EXIT_RUNTIME;
    }
    rc = o.raw ? evaluate_raw(tb, m, &o) : evaluate_gold(tb, m, &o);
    printf("model: %s loaded in %.3f s; peak memory %.0f MiB\n", o.model, load, cli_peak_rss_mib());
    dyad_treebank_free(tb);
    dyad_model_free(m);
    return rc;
}
