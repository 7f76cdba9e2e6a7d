/* The dyad command line: one function per command, each with its own --help. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include "dyad.h"

#include <stdio.h>

/* Exit codes shared by every command. */
enum { EXIT_OK = 0, EXIT_DOC_FAILED = 1, EXIT_USAGE = 2, EXIT_RUNTIME = 3 };

typedef struct cli_command {
    const char *name;
    const char *summary;            /* one line for `dyad --help` */
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
    void (*help)(FILE *out);
} cli_command;

int cmd_code(int argc, char **argv);
void help_code(FILE *out);
int cmd_eval(int argc, char **argv);
void help_eval(FILE *out);
int cmd_train(int argc, char **argv);
void help_train(FILE *out);

/* eval subcommands */
int eval_tokenize(int argc, char **argv);
void help_eval_tokenize(FILE *out);
int eval_ud(int argc, char **argv);
void help_eval_ud(FILE *out);
int eval_actors(int argc, char **argv);
void help_eval_actors(FILE *out);
int eval_ner(int argc, char **argv);
void help_eval_ner(FILE *out);
int eval_petrarch(int argc, char **argv);
void help_eval_petrarch(FILE *out);

/* Prints "dyad COMMAND: message" to stderr and returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* True when argv[i] is -h or --help. */
int cli_is_help(const char *arg);
/* Default model path: $DYAD_MODEL, else data/model/dyad-en.model beside the binary's
 * repository, else the installed share directory. */
const char *cli_default_model(void);
/* A shipped data file: $ENV_VAR, else data/RELATIVE in the repository the binary was
 * built in, else /usr/local/share/dyad/RELATIVE (written into path[size]). */
const char *cli_data_file(const char *env_var, const char *relative, char *path, size_t size);
/* The shipped actor dictionary (cli_data_file for $DYAD_ACTORS); a static buffer. */
const char *cli_default_actors(void);
/* The directory of the event tables and default verb patterns ($DYAD_EVENTS names its
 * cameo.tsv); a static buffer. */
const char *cli_default_events(void);
/* Peak resident memory of this process in MiB. */
double cli_peak_rss_mib(void);
/* Wall clock in seconds. */
double cli_now(void);

#endif
