/* dyad eval tokenize: tokens, words and sentences F1 (CoNLL 2018) from raw text. */
#include "align.h"
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

void help_eval_tokenize(FILE *out)
{
    fprintf(out,
            "usage: dyad eval tokenize [options] FILE.conllu\n\n"
            "Rebuilds the raw text of a treebank, tokenizes and splits it with dyad and\n"
            "prints Tokens, Words and Sentences precision, recall and F1 as defined by the\n"
            "CoNLL 2018 shared task (spans aligned on characters, whitespace ignored; a\n"
            "multiword token is one token, its parts are words), then the speed.\n\n"
            "Raw text: each sentence's '# text'; sentences of a paragraph are joined by a\n"
            "space; '# newpar' and '# newdoc' start a paragraph after a blank line.\n\n"
            "options:\n"
            "  --errors N   print the first N word and N sentence-boundary mismatches\n"
            "  --no-speed   skip the speed measurement\n"
            "  -h, --help   this help\n\n"
            "example:\n  dyad eval tokenize ../shared/data/ud/UD_English-EWT/en_ewt-ud-dev.conllu\n");
}

typedef struct eval_opts {
    const char *path;
    long errors;
    int speed;
} eval_opts;

static int parse_args(int argc, char **argv, eval_opts *o)
{
    *o = (eval_opts){NULL, 0, 1};
    for (int i = 1; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            help_eval_tokenize(stdout);
            return -1;
        } else if (strcmp(argv[i], "--errors") == 0 && i + 1 < argc) {
            char *end;
            o->errors = strtol(argv[++i], &end, 10);
            if (*end || o->errors < 0)
                return cli_usage_error("eval tokenize", "--errors wants a count, not '%s'", argv[i]);
        } else if (strcmp(argv[i], "--no-speed") == 0) {
            o->speed = 0;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_usage_error("eval tokenize", "unknown option '%s'", argv[i]);
        } else if (o->path) {
            return cli_usage_error("eval tokenize", "one treebank at a time");
        } else {
            o->path = argv[i];
        }
    }
    return o->path ? 0 : cli_usage_error("eval tokenize", "which treebank? give FILE.conllu");
}

/* A tokenized document of the raw text; NULL when out of memory. */
static dyad_doc *tokenize_text(const char *text, size_t len)
{
    dyad_doc *doc = dyad_doc_new();
    if (!doc || dyad_doc_set_text(doc, NULL, 0, text, len) != DYAD_OK ||
        dyad_tokenize(doc) != DYAD_OK) {
        dyad_doc_free(doc);
        return NULL;
    }
    return doc;
}

/* CPU seconds of this thread: on a shared machine wall time would measure the
 * neighbours too. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Tokenize + split throughput on the rebuilt text, MB/s over at least 0.5 s of CPU. */
static double measure_speed(const char *text, size_t len)
{
    double spent = 0, bytes = 0;
    for (int run = 0; run < 1000 && spent < 0.5; run++) {
        dyad_doc *doc = dyad_doc_new();
        if (!doc || dyad_doc_set_text(doc, NULL, 0, text, len) != DYAD_OK) {
            dyad_doc_free(doc);
            return 0;
        }
        double t0 = cpu_now();
        dyad_status st = dyad_tokenize(doc);
        spent += cpu_now() - t0;
        bytes += (double)doc->text_len;
        dyad_doc_free(doc);
        if (st != DYAD_OK)
            return 0;
    }
    return spent > 0 ? bytes / spent / 1e6 : 0;
}

/* Index of the first system word that ends after offset at. */
static size_t sys_word_at(const align_system *s, uint32_t at)
{
    size_t lo = 0, hi = s->n_words;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->words[mid].end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Prints system tokens [from, to) with "|" between them and "||" after mark. */
static void print_sys(const dyad_doc *doc, size_t from, size_t to, size_t mark)
{
    for (size_t k = from; k < to && k < doc->n_tokens; k++)
        printf("%.*s%s", (int)(doc->tokens[k].end - doc->tokens[k].start),
               doc->text + doc->tokens[k].start, k + 1 == to ? "" : k == mark ? " || " : " | ");
}

static void print_word_errors(const dyad_treebank *tb, const align_gold *g,
                              const align_system *s, const dyad_doc *doc,
                              const int32_t *map, long max)
{
    long shown = 0;
    for (size_t sent = 0, w = 0; sent < tb->n_sentences && shown < max; sent++) {
        const dyad_conllu_sentence *cs = &tb->sentences[sent];
        for (int k = 0; k < cs->n_words && shown < max; k++, w++) {
            if (map[w] >= 0)
                continue;
            printf("word  gold: ");
            for (int j = k > 2 ? k - 2 : 0; j < cs->n_words && j <= k + 2; j++)
                printf(j == k ? "[%s] " : "%s ", cs->words[j].form);
            size_t at = sys_word_at(s, g->words[w].start);
            printf("\n      dyad: ");
            print_sys(doc, at > 2 ? at - 2 : 0, at + 3, (size_t)-1);
            printf("\n");
            shown++;
        }
    }
}

/* Sentence ends in one list and not the other: missed (gold only) or extra breaks. */
static void print_break_errors(const align_span *a, size_t na, const align_span *b, size_t nb,
                               const align_system *s, const dyad_doc *doc, const char *what,
                               long max)
{
    long shown = 0;
    for (size_t i = 0, j = 0; i < na && shown < max; i++) {
        while (j < nb && b[j].end < a[i].end)
            j++;
        if (j < nb && b[j].end == a[i].end)
            continue;
        size_t at = sys_word_at(s, a[i].end - 1);
        printf("%s: ", what);
        print_sys(doc, at > 8 ? at - 8 : 0, at + 8, at);
        printf("\n");
        shown++;
    }
}

static void print_scores(const char *name, align_score sc)
{
    printf("%-10s %9zu %9zu %9zu %9.2f %9.2f %9.2f\n", name, sc.gold, sc.system, sc.correct,
           align_precision(sc), align_recall(sc), align_f1(sc));
}

/* The three scores, then the mismatches when asked for. */
static void print_report(const dyad_treebank *tb, const align_gold *g, const align_system *s,
                         const dyad_doc *doc, int32_t *map, const eval_opts *o)
{
    align_score words = {g->n_words, s->n_words,
                         align_words(g->words, g->n_words, s->words, s->n_words, map)};
    printf("%s: %zu bytes of text, %zu sentences, %zu words\n", o->path, g->text_len,
           g->n_sentences, g->n_words);
    if (g->n_mismatched)
        printf("(%zu sentences whose forms do not spell their # text)\n", g->n_mismatched);
    printf("%-10s %9s %9s %9s %9s %9s %9s\n", "metric", "gold", "system", "correct", "precision",
           "recall", "F1");
    print_scores("Tokens", align_spans(g->tokens, g->n_tokens, s->tokens, s->n_tokens));
    print_scores("Words", words);
    print_scores("Sentences", align_spans(g->sentences, g->n_sentences, s->sentences, s->n_sentences));
    if (!o->errors)
        return;
    print_word_errors(tb, g, s, doc, map, o->errors);
    print_break_errors(g->sentences, g->n_sentences, s->sentences, s->n_sentences, s, doc,
                       "missed break", o->errors);
    print_break_errors(s->sentences, s->n_sentences, g->sentences, g->n_sentences, s, doc,
                       "extra break", o->errors);
}

static int evaluate(const dyad_treebank *tb, const eval_opts *o)
{
    align_gold g;
    align_system s;
    if (align_gold_build(tb, &g) != DYAD_OK)
        return fprintf(stderr, "dyad eval tokenize: out of memory\n"), EXIT_RUNTIME;
    dyad_doc *doc = tokenize_text(g.text, g.text_len);
    int32_t *map = malloc((g.n_words + 1) * sizeof *map);
    if (!doc || !map || align_system_build(doc, &s) != DYAD_OK) {
        free(map);
        dyad_doc_free(doc);
        align_gold_free(&g);
        return fprintf(stderr, "dyad eval tokenize: out of memory\n"), EXIT_RUNTIME;
    }
    if (doc->text_len != g.text_len || memcmp(doc->text, g.text, g.text_len) != 0)
        fprintf(stderr, "dyad eval tokenize: warning: normalisation changed the treebank text; "
                        "spans after the first change may not align\n");
    print_report(tb, &g, &s, doc, map, o);
    if (o->speed)
        printf("speed: %.1f MB/s (tokenize + split, one core, CPU time)\n",
               measure_speed(g.text, g.text_len));
    free(map);
    align_system_free(&s);
    dyad_doc_free(doc);
    align_gold_free(&g);
    return EXIT_OK;
}

int eval_tokenize(int argc, char **argv)
{
    eval_opts o;
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    dyad_error err;
    dyad_treebank *tb = dyad_treebank_read(o.path, &err);
    if (!tb) {
        fprintf(stderr, "dyad eval tokenize: %s\n", err.message);
        return EXIT_RUNTIME;
    }
    rc = evaluate(tb, &o);
    dyad_treebank_free(tb);
    return rc;
}
