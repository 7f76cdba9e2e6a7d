/* dyad: entry point and command dispatch. */
#include "cli.h"
#include "store.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static const cli_command commands[] = {
    {"code", "code articles into JSON lines (the output contract)", cmd_code, help_code},
    {"eval", "measure accuracy: tokenize, ud, actors, ner, petrarch", cmd_eval, help_eval},
    {"train", "train the tagger, lemmatizer and parser from CoNLL-U", cmd_train, help_train},
    {"ingest", "store coded documents in an SQLite event store", cmd_ingest, help_ingest},
    {"query", "events, aggregates and top lists from the event store", cmd_query, help_query},
};
#define N_COMMANDS (sizeof commands / sizeof commands[0])

static void main_help(FILE *out)
{
    fprintf(out, "dyad %s: news articles in, sourced political event records out.\n\n"
                 "usage: dyad COMMAND [options] [arguments]\n\ncommands:\n", DYAD_VERSION);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "  %-8s %s\n\n", "help", "help COMMAND shows a command's options");
    fprintf(out, "options:\n  -h, --help     this help\n  -V, --version  print the version\n\n"
                 "example:\n  dyad code examples/ > events.jsonl\n");
}

static const cli_command *find_command(const char *name)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "dyad %s: ", command);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n(see: dyad help %s)\n", command);
    va_end(ap);
    return EXIT_USAGE;
}

int cli_is_help(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

const char *cli_data_file(const char *env_var, const char *relative, char *path, size_t size)
{
    const char *env = getenv(env_var);
    if (env && *env)
        return env;
    /* The binary lives in <repo>/build/ or <repo>/build-san/: look in <repo>/data first. */
    char exe[PATH_MAX - 64];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        for (int up = 0; up < 2; up++) {
            char *slash = strrchr(exe, '/');
            if (!slash)
                break;
            *slash = '\0';
            snprintf(path, size, "%s/data/%s", exe, relative);
            if (access(path, R_OK) == 0)
                return path;
        }
    }
    snprintf(path, size, "/usr/local/share/dyad/%s", relative);
    return path;
}

const char *cli_default_model(void)
{
    static char path[PATH_MAX];
    return cli_data_file("DYAD_MODEL", "model/dyad-en.model", path, sizeof path);
}

const char *cli_default_actors(void)
{
    static char path[PATH_MAX];
    return cli_data_file("DYAD_ACTORS", "actors/actors.dict", path, sizeof path);
}

const char *cli_default_events(void)
{
    static char path[PATH_MAX];
    cli_data_file("DYAD_EVENTS", "events/cameo.tsv", path, sizeof path);
    char *slash = strrchr(path, '/'); /* the directory: verbs and codes live together */
    if (slash)
        *slash = '\0';
    return path;
}

double cli_peak_rss_mib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        main_help(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (cli_is_help(name)) {
        main_help(stdout);
        return EXIT_OK;
    }
    if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
        printf("dyad %s\n", DYAD_VERSION);
        return EXIT_OK;
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            main_help(stdout);
            return EXIT_OK;
        }
        const cli_command *c = find_command(argv[2]);
        if (!c) {
            fprintf(stderr, "dyad: unknown command '%s' (see: dyad --help)\n", argv[2]);
            return EXIT_USAGE;
        }
        c->help(stdout);
        return EXIT_OK;
    }
    const cli_command *c = find_command(name);
    if (!c) {
        fprintf(stderr, "dyad: unknown command '%s' (see: dyad --help)\n", name);
        return EXIT_USAGE;
    }
    /* eval passes --help on to the evaluation it names */
    for (int i = 2; i < argc && strcmp(name, "eval") != 0; i++)
        if (cli_is_help(argv[i])) {
            c->help(stdout);
            return EXIT_OK;
        }
    return c->run(argc - 1, argv + 1);
}
