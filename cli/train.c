/* STUB until the parser lands. */
#include "cli.h"
void help_train(FILE *out) { fprintf(out, "usage: dyad train\n"); }
int cmd_train(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "not built yet\n"); return EXIT_RUNTIME; }
