/* STUB until dyad code lands. */
#include "cli.h"
void help_code(FILE *out) { fprintf(out, "usage: dyad code [options] [FILE|DIR|-]...\n"); }
int cmd_code(int argc, char **argv) { (void)argc; (void)argv; return EXIT_RUNTIME; }
