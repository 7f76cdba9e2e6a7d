/* dyad eval: dispatches to the accuracy measurements of each stage. */
#include "cli.h"

#include <string.h>

static const struct {
    const char *name, *summary;
    int (*run)(int, char **);
    void (*help)(FILE *);
} evals[] = {
    {"tokenize", "tokenization and sentence F1 against a CoNLL-U treebank", eval_tokenize,
     help_eval_tokenize},
    {"ud", "UPOS, XPOS, UFeats, Lemmas, UAS, LAS against a CoNLL-U treebank", eval_ud,
     help_eval_ud},
    {"actors", "NGEC actor-resolution cases against the actor dictionary", eval_actors,
     help_eval_actors},
    {"ner", "PER, ORG, LOC precision, recall and F1 against a UNER IOB2 file", eval_ner,
     help_eval_ner},
    {"petrarch", "expected event triples found, missed and extra on a PETRARCH-style suite",
     eval_petrarch, help_eval_petrarch},
};

void help_eval(FILE *out)
{
    fprintf(out, "usage: dyad eval WHAT [options] FILE\n\n");
    for (size_t i = 0; i < sizeof evals / sizeof evals[0]; i++)
        fprintf(out, "  %-10s %s\n", evals[i].name, evals[i].summary);
    fprintf(out, "\n'dyad eval WHAT --help' shows the options of each.\n");
}

int cmd_eval(int argc, char **argv)
{
    if (argc < 2)
        return cli_usage_error("eval", "which evaluation? one of: tokenize, ud, actors, ner, petrarch");
    if (cli_is_help(argv[1])) {
        help_eval(stdout);
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof evals / sizeof evals[0]; i++) {
        if (strcmp(argv[1], evals[i].name) != 0)
            continue;
        for (int k = 2; k < argc; k++)
            if (cli_is_help(argv[k])) {
                evals[i].help(stdout);
                return EXIT_OK;
            }
        return evals[i].run(argc - 1, argv + 1);
    }
    return cli_usage_error("eval", "unknown evaluation '%s'", argv[1]);
}
