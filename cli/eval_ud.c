/* STUB until the parser lands. */
#include "cli.h"
void help_eval_ud(FILE *out) { fprintf(out, "usage: dyad eval ud FILE.conllu\n"); }
int eval_ud(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "not built yet\n"); return EXIT_RUNTIME; }
