/* dyad code: articles in, one JSON object per document out, in input order. */
#include "cli.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BATCH_DOCS 256
#define BATCH_BYTES (32u << 20) /* bounds memory when documents are huge */

enum { OUT_JSON, OUT_GDELT, OUT_CSV };

typedef struct code_options {
    dyad_format format;
    unsigned json_flags;
    int conllu, threads, quiet, stats, progress, no_events, dict_only;
    int output_format; /* OUT_JSON, OUT_GDELT, OUT_CSV */
    const char *model, *output, *dict_dir;
    const char **inputs; /* [n_inputs] paths; none means stdin */
    int n_inputs;
} code_options;

typedef struct code_item {
    dyad_doc *doc;
    char *out; /* serialized record, malloc'd; NULL when out of memory */
    size_t out_len;
} code_item;

typedef struct code_batch {
    code_item items[BATCH_DOCS];
    size_t n;
    atomic_size_t next; /* next item for a worker to take */
    const dyad_pipeline *pipeline;
    const code_options *opt;
} code_batch;

typedef struct code_totals {
    size_t docs, failed, with_errors, bytes, sentences, tokens;
} code_totals;

void help_code(FILE *out)
{
    fprintf(out,
        "usage: dyad code [options] [FILE|DIR|-]...\n\n"
        "Codes news articles into JSON lines, one object per document, in input order.\n"
        "Inputs are files, directories (recursive, in name order) or - for stdin (the\n"
        "default); .gz and .zst are read transparently. Formats: dated articles\n"
        "(\"date YYYY-MM-DD headline\", blank line, body), JSONL (id, date, title,\n"
        "text|body, url, source), HTML pages and plain text, detected per file.\n\n"
        "options:\n"
        "  --format FMT    output format: json (default), gdelt (tab-separated GDELT 2.0\n"
        "                  event columns, one event a line, see README), csv (events with\n"
        "                  a header row); or an input format, as --input-format\n"
        "  --input-format FMT  force the input format: auto, dated, jsonl, text, html,\n"
        "                  or lines (plain text, one document per non-blank line, with\n"
        "                  ids FILE:LINE: a list of headlines)\n"
        "  --tokens        add sentences and tokens (with tags and heads when a model is\n"
        "                  loaded) to each record\n"
        "  --text          add the document text, which every span points into\n"
        "  --conllu        write CoNLL-U instead of JSON (needs the model)\n"
        "  --model FILE    tagger/parser model (default: $DYAD_MODEL or the shipped one)\n"
        "  --no-model      tokenize and split only; skip tagging and parsing\n"
        "  --no-events     skip event coding\n"
        "  --dict DIR      merge the PETRARCH/Phoenix files of DIR over the shipped ones:\n"
        "                  actors, agents, verb patterns and discards, known by name\n"
        "                  (*actors*, *agents*, *verb* or CAMEO.*, *discard*); malformed lines are\n"
        "                  skipped and counted on stderr\n"
        "  --dict-only     use the actors and verbs of --dict DIR instead of the shipped\n"
        "                  ones (a PETRARCH set of one's own, or a validation suite's)\n"
        "  --threads N     code N documents in parallel (default 1); order is kept\n"
        "  -o FILE         write to FILE instead of stdout\n"
        "  --stats         print a summary on stderr at the end\n"
        "  -q, --quiet     do not print per-document errors on stderr\n\n"
        "Every document gives one record; a document that cannot be read gives a record\n"
        "with \"failed\": true and its \"errors\", and the others are still coded.\n"
        "exit status: 0 no document had errors (warnings, such as relative dates in an\n"
        "undated document, do not count), 1 some document had errors (each is named on\n"
        "stderr), 2 bad usage, 3 could not run (model, output or memory).\n");
}

static int parse_options(int argc, char **argv, code_options *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--tokens") == 0) o->json_flags |= DYAD_JSON_TOKENS;
        else if (strcmp(a, "--text") == 0) o->json_flags |= DYAD_JSON_TEXT;
        else if (strcmp(a, "--conllu") == 0) o->conllu = 1;
        else if (strcmp(a, "--no-model") == 0) o->model = "";
        else if (strcmp(a, "--no-events") == 0) o->no_events = 1;
        else if (strcmp(a, "--dict-only") == 0) o->dict_only = 1;
        else if (strcmp(a, "--stats") == 0) o->stats = 1;
        else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) o->quiet = 1;
        else if (strcmp(a, "--format") == 0 || strcmp(a, "--model") == 0 ||
                 strcmp(a, "--threads") == 0 || strcmp(a, "-o") == 0 ||
                 strcmp(a, "--dict") == 0 || strcmp(a, "--input-format") == 0) {
            if (!next)
                return cli_usage_error("code", "%s needs a value", a);
            i++;
            if (strcmp(a, "--model") == 0) o->model = next;
            else if (strcmp(a, "--dict") == 0) o->dict_dir = next;
            else if (strcmp(a, "-o") == 0) o->output = next;
            else if (strcmp(a, "--threads") == 0) {
                char *end;
                long n = strtol(next, &end, 10);
                if (*end || n < 1 || n > 256)
                    return cli_usage_error("code", "--threads takes a number from 1 to 256, not '%s'", next);
                o->threads = (int)n;
            } else if (strcmp(next, "json") == 0 || strcmp(next, "gdelt") == 0 ||
                       strcmp(next, "csv") == 0) {
                if (strcmp(a, "--input-format") == 0)
                    return cli_usage_error("code", "'%s' is an output format (see --format)", next);
                o->output_format = next[0] == 'j' ? OUT_JSON : next[0] == 'g' ? OUT_GDELT : OUT_CSV;
            } else {
                int f = dyad_format_from_name(next);
                if (f < 0)
                    return cli_usage_error("code", "unknown format '%s' (input: auto, dated, jsonl, text, html, lines; output: json, gdelt, csv)", next);
                o->format = (dyad_format)f;
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            return cli_usage_error("code", "unknown option '%s'", a);
        } else {
            o->inputs[o->n_inputs++] = a;
        }
    }
    return EXIT_OK;
}

static void code_one(code_batch *b, code_item *it)
{
    dyad_pipeline_run(b->pipeline, it->doc);
    if (b->opt->conllu && !it->doc->failed)
        it->out = dyad_doc_to_conllu(it->doc, &it->out_len);
    else if (b->opt->output_format == OUT_GDELT)
        it->out = dyad_doc_events_to_gdelt(it->doc, &it->out_len);
    else if (b->opt->output_format == OUT_CSV)
        it->out = dyad_doc_events_to_csv(it->doc, &it->out_len);
    else
        it->out = dyad_doc_to_json(it->doc, b->opt->json_flags, &it->out_len);
}

static void *code_worker(void *arg)
{
    code_batch *b = arg;
    size_t i;
    while ((i = atomic_fetch_add(&b->next, 1)) < b->n)
        code_one(b, &b->items[i]);
    return NULL;
}

static void run_batch(code_batch *b, int threads)
{
    pthread_t tid[256];
    int started = 0;
    atomic_store(&b->next, 0);
    for (int t = 1; t < threads && (size_t)t < b->n; t++)
        if (pthread_create(&tid[started], NULL, code_worker, b) == 0)
            started++;
    code_worker(b); /* the main thread works too */
    for (int t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
}

/* Warnings do not count: they tell a limit of the analysis, not a fault of the input. */
static int has_errors(const dyad_doc *doc)
{
    for (size_t e = 0; e < doc->n_errors; e++)
        if (!doc->errors[e].warning)
            return 1;
    return 0;
}

static void report_errors(const dyad_doc *doc, int quiet)
{
    if (quiet)
        return;
    for (size_t e = 0; e < doc->n_errors; e++)
        fprintf(stderr, "dyad code: %s [%s]: %s%s: %s\n", doc->source ? doc->source : "-",
                doc->id ? doc->id : "?", doc->errors[e].warning ? "warning: " : "",
                doc->errors[e].code, doc->errors[e].message);
}

static void show_progress(const code_totals *t, double start, int done)
{
    double secs = cli_now() - start;
    double per = secs > 0 ? 1.0 / secs : 0.0;
    fprintf(stderr, "\r%zu documents, %.1f MB, %.0f docs/s, %.1f MB/s", t->docs,
            (double)t->bytes / 1e6, (double)t->docs * per, (double)t->bytes / 1e6 * per);
    if (done) /* the summary adds what a benchmark needs */
        fprintf(stderr, ", %zu sentences (%.0f/s), %zu tokens (%.0f/s) in %.2f s\n",
                t->sentences, (double)t->sentences * per, t->tokens, (double)t->tokens * per, secs);
    else
        fputs("   ", stderr);
}

/* Writes the batch in order and frees it; returns -1 on a write error. */
static int flush_batch(code_batch *b, FILE *out, code_totals *t, const code_options *o)
{
    int rc = 0;
    for (size_t i = 0; i < b->n; i++) {
        code_item *it = &b->items[i];
        report_errors(it->doc, o->quiet);
        t->docs++;
        t->failed += it->doc->failed != 0;
        t->with_errors += has_errors(it->doc);
        t->bytes += it->doc->text_len;
        t->sentences += it->doc->n_sentences;
        t->tokens += it->doc->n_tokens;
        if (!it->out || (rc == 0 && fwrite(it->out, 1, it->out_len, out) != it->out_len))
            rc = -1;
        free(it->out);
        dyad_doc_free(it->doc);
    }
    b->n = 0;
    return rc;
}

static int code_all(dyad_reader *reader, const dyad_pipeline *pipeline, const code_options *o,
                    FILE *out, code_totals *t)
{
    code_batch *b = calloc(1, sizeof *b);
    if (!b)
        return -1;
    b->pipeline = pipeline;
    b->opt = o;
    double start = cli_now(), last_progress = start;
    int rc = 0;
    dyad_doc *doc;
    size_t batch_bytes = 0;
    do {
        doc = dyad_reader_next(reader);
        if (doc) {
            b->items[b->n++] = (code_item){doc, NULL, 0};
            batch_bytes += doc->text_len;
        }
        if (b->n == BATCH_DOCS || batch_bytes >= BATCH_BYTES || (!doc && b->n)) {
            run_batch(b, o->threads);
            if (flush_batch(b, out, t, o) != 0)
                rc = -1;
            batch_bytes = 0;
            if (o->progress && cli_now() - last_progress > 0.5) {
                show_progress(t, start, 0);
                last_progress = cli_now();
            }
        }
    } while (doc && rc == 0);
    if (o->progress || o->stats)
        show_progress(t, start, 1);
    free(b);
    return rc;
}

/* Malformed lines of the user's dictionary files: the count and the first few. */
/* The shipped verbs load clean (tools/compile-events.py), so every problem is the user's. */
static void report_verb_problems(const dyad_event_dict *dict, const char *dir)
{
    size_t n = dict ? dyad_event_dict_skipped(dict) : 0;
    if (!n)
        return;
    fprintf(stderr, "dyad code: --dict %s: %zu malformed verb or discard line%s skipped\n", dir,
            n, n == 1 ? "" : "s");
    const char *why;
    for (size_t i = 0; i < 5 && (why = dyad_event_dict_problem(dict, i)); i++)
        fprintf(stderr, "dyad code:   %s\n", why);
}

static void report_dict_problems(const dyad_actor_dict *dict, const char *dir)
{
    size_t n = dict ? dyad_actor_dict_skipped(dict) : 0;
    if (!n)
        return;
    fprintf(stderr, "dyad code: --dict %s: %zu malformed line%s skipped\n", dir, n,
            n == 1 ? "" : "s");
    const char *why;
    for (size_t i = 0; i < 5 && (why = dyad_actor_dict_problem(dict, i)); i++)
        fprintf(stderr, "dyad code:   %s\n", why);
}

static dyad_pipeline *open_pipeline(const code_options *o, int *exit_code)
{
    dyad_pipeline_options popts = {.model_path = o->model, .dict_dir = o->dict_dir,
                                   .dict_replace = o->dict_only};
    if (o->dict_only && !o->dict_dir) {
        *exit_code = cli_usage_error("code", "--dict-only needs --dict DIR");
        return NULL;
    }
    const char *actors = cli_default_actors();
    const char *model = o->model;
    if (!model) { /* default model: fall back to tokens only when it is not installed */
        model = cli_default_model();
        popts.model_path = access(model, R_OK) == 0 ? model : "";
        if (!*popts.model_path && !o->quiet)
            fprintf(stderr, "dyad code: no model at %s: tokenizing only (see --model)\n", model);
    }
    /* The dictionary codes mentions, which need the model; without either, no codes. */
    if (popts.model_path && *popts.model_path && access(actors, R_OK) == 0)
        popts.actors_path = actors;
    if (popts.model_path && *popts.model_path && !o->no_events)
        popts.events_dir = cli_default_events();
    char ner[4096]; /* the NER weights type the mentions; without them, cues do */
    cli_data_file("DYAD_NER", "ner/dyad-en.ner", ner, sizeof ner);
    if (popts.model_path && *popts.model_path && access(ner, R_OK) == 0)
        popts.ner_path = ner;
    if (o->conllu && (!popts.model_path || !*popts.model_path)) {
        *exit_code = cli_usage_error("code", "--conllu needs a model");
        return NULL;
    }
    dyad_error err;
    dyad_pipeline *p = dyad_pipeline_new(&popts, &err);
    if (!p) {
        fprintf(stderr, "dyad code: %s\n", err.message);
        *exit_code = EXIT_RUNTIME;
    } else if (o->dict_dir) {
        report_dict_problems(dyad_pipeline_actor_dict(p), o->dict_dir);
        report_verb_problems(dyad_pipeline_event_dict(p), o->dict_dir);
    }
    return p;
}

int cmd_code(int argc, char **argv)
{
    const char *inputs[argc > 0 ? argc : 1];
    code_options o = {.threads = 1, .inputs = inputs};
    int parsed = parse_options(argc, argv, &o);
    if (parsed != EXIT_OK)
        return parsed;
    o.progress = isatty(STDERR_FILENO) && !o.quiet;
    int exit_code = EXIT_OK;
    dyad_pipeline *pipeline = open_pipeline(&o, &exit_code);
    if (!pipeline)
        return exit_code;
    FILE *out = o.output ? fopen(o.output, "w") : stdout;
    if (!out) {
        fprintf(stderr, "dyad code: cannot write %s: %s\n", o.output, strerror(errno));
        dyad_pipeline_free(pipeline);
        return EXIT_RUNTIME;
    }
    if (o.output_format == OUT_CSV && !o.conllu)
        fputs(dyad_events_csv_header(), out);
    dyad_reader *reader = dyad_reader_new(o.format);
    for (int i = 0; reader && i < o.n_inputs; i++)
        dyad_reader_add_path(reader, o.inputs[i]);
    if (reader && o.n_inputs == 0)
        dyad_reader_add_path(reader, "-");
    code_totals t = {0};
    int rc = reader ? code_all(reader, pipeline, &o, out, &t) : -1;
    if (reader && dyad_reader_status(reader) != DYAD_OK)
        rc = -1;
    if (fflush(out) != 0 || ferror(out) || (o.output && fclose(out) != 0))
        rc = -1;
    if (rc != 0)
        fprintf(stderr, "dyad code: stopped: %s\n",
                reader ? "could not write the output or out of memory" : "out of memory");
    else if (t.with_errors && !o.quiet)
        fprintf(stderr, "dyad code: %zu of %zu documents had errors (%zu could not be read)\n",
                t.with_errors, t.docs, t.failed);
    dyad_reader_free(reader);
    dyad_pipeline_free(pipeline);
    return rc != 0 ? EXIT_RUNTIME : t.with_errors ? EXIT_DOC_FAILED : EXIT_OK;
}
