/* STUB until the tokenizer lands. */
#include "cli.h"
void help_eval_tokenize(FILE *out) { fprintf(out, "usage: dyad eval tokenize FILE.conllu\n"); }
int eval_tokenize(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "not built yet\n"); return EXIT_RUNTIME; }
