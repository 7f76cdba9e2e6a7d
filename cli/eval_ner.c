/* dyad eval ner: named-entity precision, recall and F1 (PER, ORG, LOC) of the mention
 * stage against a UNER IOB2 file, exact spans as seqeval counts them. */
#include "cli.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_FILE "data/ner/UNER_English-EWT/en_ewt-ud-test.iob2"
#define MAX_ENTS 256 /* entities of one sentence; more are not counted */

enum { PER, ORG, LOC, N_TYPES };
static const char *const type_names[N_TYPES] = {"PER", "ORG", "LOC"};

typedef struct ent { int type; size_t start, end; } ent;

typedef struct sent {
    char *text;
    ent gold[MAX_ENTS];
    int n_gold;
    size_t pos;      /* where the next form is looked for in text */
    int open;        /* index of the entity the next I- tag continues, or -1 */
} sent;

typedef struct ner_opts {
    const char *file, *model, *dict, *ner;
    int skip_groups, verbose;
} ner_opts;

typedef struct counts { long tp[N_TYPES], fp[N_TYPES], fn[N_TYPES]; } counts;

void help_eval_ner(FILE *out)
{
    fprintf(out,
            "usage: dyad eval ner [options] [FILE.iob2]\n\n"
            "Runs the pipeline on the '# text =' of every sentence of a UNER IOB2 file and\n"
            "prints precision, recall and F1 of PER, ORG and LOC (exact spans, as seqeval).\n"
            "dyad's types map as person -> PER, organization -> ORG, place -> LOC; a person's\n"
            "span is its name without titles; pronouns and titles alone are not counted.\n\n"
            "options:\n"
            "  --model FILE   tagger/parser model (default: $DYAD_MODEL or the shipped one)\n"
            "  --dict FILE    actor dictionary (default: $DYAD_ACTORS or data/actors/actors.dict)\n"
            "  --ner FILE     named-entity weights (default: $DYAD_NER or data/ner/dyad-en.ner)\n"
            "  --no-ner       type mentions from the dictionary and cues alone\n"
            "  --no-groups    do not count dyad's groups (default: as ORG, better on dev)\n"
            "  -v             print every missed and spurious entity\n\n"
            "default file: $DYAD_SHARED/" DEFAULT_FILE " (DYAD_SHARED defaults to ../shared)\n");
}

static int type_of(const char *tag)
{
    for (int i = 0; i < N_TYPES; i++)
        if (!strcmp(tag, type_names[i]))
            return i;
    return -1;
}

/* One token line "id<TAB>form<TAB>tag...": finds the form in the text, extends or opens
 * an entity. Forms the text does not hold (rare edits) keep the last position. */
static void add_token(sent *s, char *line)
{
    char *form = strchr(line, '\t');
    char *tag = form ? strchr(form + 1, '\t') : NULL;
    if (!tag || !s->text)
        return;
    *tag++ = '\0';
    form++;
    tag[strcspn(tag, "\t\n")] = '\0';
    char *at = strstr(s->text + s->pos, form);
    size_t start = at ? (size_t)(at - s->text) : s->pos, end = start + (at ? strlen(form) : 0);
    s->pos = end;
    int type = (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' ? type_of(tag + 2) : -1;
    if (type < 0) {
        s->open = -1;
    } else if (tag[0] == 'I' && s->open >= 0 && s->gold[s->open].type == type) {
        s->gold[s->open].end = end;
    } else if (s->n_gold < MAX_ENTS) {
        s->gold[s->n_gold] = (ent){type, start, end};
        s->open = s->n_gold++;
    }
}

/* A person's entity is its name inside the span ("Kremlin spokesman Dmitry Peskov"). */
static ent predicted(const dyad_doc *doc, const dyad_mention *m, const ner_opts *o)
{
    static const struct { const char *type; int ner; } map[] = {
        {"person", PER}, {"organization", ORG}, {"place", LOC}, {"group", ORG}};
    ent e = {-1, m->start, m->end};
    if (m->form && strcmp(m->form, "name") != 0)
        return e; /* a pronoun or a title alone names no entity */
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(m->type, map[i].type))
            e.type = map[i].ner;
    /* A group coded by a bare country is a people ("Palestinians"), not a named ORG. */
    if (!strcmp(m->type, "group") && (o->skip_groups || (m->code && strlen(m->code) == 3)))
        e.type = -1;
    size_t nl = m->name ? strlen(m->name) : 0;
    for (size_t k = m->end - m->start; nl && k >= nl; k--)
        if (!memcmp(doc->text + m->start + k - nl, m->name, nl)) {
            e.start = m->start + k - nl;
            e.end = e.start + nl;
            break;
        }
    return e;
}

static void show(const char *what, const char *text, const ent *e)
{
    printf("%s %s [%.*s] in: %s\n", what, type_names[e->type], (int)(e->end - e->start),
           text + e->start, text);
}

static void score(const dyad_pipeline *p, sent *s, const ner_opts *o, counts *c)
{
    dyad_doc *doc = dyad_doc_new();
    if (!doc || dyad_doc_set_text(doc, NULL, 0, s->text, strlen(s->text)) != DYAD_OK)
        goto out;
    dyad_pipeline_run(p, doc);
    int matched[MAX_ENTS] = {0};
    for (size_t i = 0; i < doc->n_actors; i++) {
        ent e = predicted(doc, &doc->actors[i], o);
        if (e.type < 0)
            continue;
        int hit = 0;
        for (int g = 0; g < s->n_gold && !hit; g++)
            if (!matched[g] && s->gold[g].type == e.type && s->gold[g].start == e.start &&
                s->gold[g].end == e.end)
                matched[g] = hit = 1;
        hit ? c->tp[e.type]++ : c->fp[e.type]++;
        if (!hit && o->verbose)
            show("spurious", doc->text, &e);
    }
    for (int g = 0; g < s->n_gold; g++)
        if (!matched[g]) {
            c->fn[s->gold[g].type]++;
            if (o->verbose)
                show("missed  ", s->text, &s->gold[g]);
        }
out:
    dyad_doc_free(doc);
}

static void row(const char *name, long tp, long fp, long fn)
{
    double p = tp + fp ? 100.0 * tp / (tp + fp) : 0, r = tp + fn ? 100.0 * tp / (tp + fn) : 0;
    printf("%-8s %9.2f %9.2f %9.2f %8ld\n", name, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0,
           tp + fn);
}

static void report(const counts *c)
{
    long tp = 0, fp = 0, fn = 0;
    printf("%-8s %9s %9s %9s %8s\n", "type", "precision", "recall", "F1", "gold");
    for (int i = 0; i < N_TYPES; i++) {
        row(type_names[i], c->tp[i], c->fp[i], c->fn[i]);
        tp += c->tp[i], fp += c->fp[i], fn += c->fn[i];
    }
    row("overall", tp, fp, fn); /* micro average, as seqeval */
}

static int run_file(const dyad_pipeline *p, FILE *f, const ner_opts *o)
{
    sent *s = calloc(1, sizeof *s);
    if (!s)
        return EXIT_RUNTIME;
    counts c = {0};
    char *line = NULL;
    size_t cap = 0;
    long sentences = 0;
    double t0 = cli_now();
    while (getline(&line, &cap, f) > 0) {
        if (!strncmp(line, "# text = ", 9)) {
            free(s->text);
            s->text = strdup(line + 9);
            if (s->text)
                s->text[strcspn(s->text, "\n")] = '\0';
            s->n_gold = 0, s->pos = 0, s->open = -1;
        } else if (line[0] == '\n' && s->text) {
            score(p, s, o, &c);
            sentences++;
            free(s->text);
            s->text = NULL;
        } else if (line[0] != '#') {
            add_token(s, line);
        }
    }
    if (s->text)
        score(p, s, o, &c), sentences++;
    report(&c);
    printf("%ld sentences in %.1f s\n", sentences, cli_now() - t0);
    free(line);
    free(s->text);
    free(s);
    return EXIT_OK;
}

static int parse_args(int argc, char **argv, ner_opts *o)
{
    for (int i = 1; i < argc; i++) {
        int more = i + 1 < argc;
        if (!strcmp(argv[i], "--model") && more)
            o->model = argv[++i];
        else if (!strcmp(argv[i], "--dict") && more)
            o->dict = argv[++i];
        else if (!strcmp(argv[i], "--ner") && more)
            o->ner = argv[++i];
        else if (!strcmp(argv[i], "--no-ner"))
            o->ner = "";
        else if (!strcmp(argv[i], "--no-groups"))
            o->skip_groups = 1;
        else if (!strcmp(argv[i], "-v"))
            o->verbose = 1;
        else if (argv[i][0] == '-' && argv[i][1])
            return cli_usage_error("eval ner", "unknown option or missing value '%s'", argv[i]);
        else if (o->file)
            return cli_usage_error("eval ner", "one file at a time");
        else
            o->file = argv[i];
    }
    return EXIT_OK;
}

int eval_ner(int argc, char **argv)
{
    ner_opts o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc != EXIT_OK)
        return rc;
    char def[PATH_MAX], dict[PATH_MAX], ner[PATH_MAX];
    const char *root = getenv("DYAD_SHARED");
    snprintf(def, sizeof def, "%s/" DEFAULT_FILE, root && *root ? root : "../shared");
    snprintf(dict, sizeof dict, "%s",
             o.dict ? o.dict : cli_default_actors());
    const char *path = o.file ? o.file : def;
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "dyad eval ner: cannot read %s (set DYAD_SHARED)\n", path);
        return EXIT_RUNTIME;
    }
    dyad_pipeline_options popts = {.model_path = o.model ? o.model : cli_default_model(),
                                   .actors_path = dict,
                                   .ner_path = o.ner ? o.ner
                                                     : cli_data_file("DYAD_NER", "ner/dyad-en.ner",
                                                                     ner, sizeof ner)};
    dyad_error err;
    dyad_pipeline *p = dyad_pipeline_new(&popts, &err);
    if (!p) {
        fprintf(stderr, "dyad eval ner: %s\n", err.message);
        fclose(f);
        return EXIT_RUNTIME;
    }
    rc = run_file(p, f, &o);
    dyad_pipeline_free(p);
    fclose(f);
    return rc;
}
