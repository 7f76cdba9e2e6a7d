/* dyad train: trains the tagger, lemmatizer and parser from CoNLL-U treebanks. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

void help_train(FILE *out)
{
    fprintf(out,
            "usage: dyad train --train FILE.conllu [--train ...] [--dev FILE.conllu ...] -o MODEL\n"
            "                  [--seed N] [--tagger-epochs N] [--parser-epochs N]\n\n"
            "Trains the tagger, lemmatizer and dependency parser and writes one model file.\n"
            "Progress and dev accuracy after each epoch go to stderr; the parser keeps the\n"
            "epoch with the best dev LAS. The same files and seed give the same model.\n\n"
            "options:\n"
            "  --train FILE         training treebank (repeatable)\n"
            "  --dev FILE           development treebank for per-epoch accuracy (repeatable)\n"
            "  -o, --output MODEL   model file to write\n"
            "  --seed N             random seed (default 1)\n"
            "  --tagger-epochs N    tagger passes (default: the tagger's own)\n"
            "  --parser-epochs N    parser passes (default 15)\n\n"
            "example:\n"
            "  dyad train --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu -o en.model\n");
}

static void progress(void *ctx, const char *line)
{
    fprintf(stderr, "[%6.0f s] %s\n", cli_now() - *(double *)ctx, line);
}

/* Parses a non-negative integer option value; false when malformed. */
static int parse_count(const char *s, long long max, long long *out)
{
    char *end;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || v < 0 || v > max)
        return 0;
    *out = v;
    return 1;
}

typedef struct train_args {
    const char **train, **dev;
    int n_train, n_dev;
    dyad_train_options opts;
} train_args;

static int train_parse_args(int argc, char **argv, train_args *a)
{
    long long v;
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!val)
            return cli_usage_error("train", "unknown option or missing value: %s", o);
        i++;
        if (!strcmp(o, "--train"))
            a->train[a->n_train++] = val;
        else if (!strcmp(o, "--dev"))
            a->dev[a->n_dev++] = val;
        else if (!strcmp(o, "-o") || !strcmp(o, "--output"))
            a->opts.output = val;
        else if (!strcmp(o, "--seed") && parse_count(val, (1ll << 62), &v))
            a->opts.seed = (uint64_t)v;
        else if (!strcmp(o, "--tagger-epochs") && parse_count(val, 1000, &v))
            a->opts.tagger_epochs = (int)v;
        else if (!strcmp(o, "--parser-epochs") && parse_count(val, 1000, &v))
            a->opts.parser_epochs = (int)v;
        else
            return cli_usage_error("train", "bad option or value: %s %s", o, val);
    }
    if (!a->n_train || !a->opts.output)
        return cli_usage_error("train", "needs at least one --train file and -o MODEL");
    return EXIT_OK;
}

int cmd_train(int argc, char **argv)
{
    train_args a = {0};
    a.train = calloc((size_t)argc + 1, sizeof *a.train);
    a.dev = calloc((size_t)argc + 1, sizeof *a.dev);
    a.opts.seed = 1;
    double t0 = cli_now();
    int rc = a.train && a.dev ? train_parse_args(argc, argv, &a) : EXIT_RUNTIME;
    if (rc == EXIT_OK) {
        a.opts.train_files = a.train;
        a.opts.dev_files = a.n_dev ? a.dev : NULL;
        a.opts.progress = progress;
        a.opts.progress_ctx = &t0;
        dyad_error err = {0};
        if (dyad_train(&a.opts, &err) != DYAD_OK) {
            fprintf(stderr, "dyad train: %s\n", err.message);
            rc = EXIT_RUNTIME;
        } else {
            fprintf(stderr, "dyad train: wrote %s in %.0f s, peak memory %.0f MiB\n",
                    a.opts.output, cli_now() - t0, cli_peak_rss_mib());
        }
    }
    free(a.train);
    free(a.dev);
    return rc;
}
