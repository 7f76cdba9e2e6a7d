/* dyad eval petrarch: runs a PETRARCH-style validation suite (JSON lines with text,
 * date, expected_events [{source, target, code}]) through the whole pipeline and
 * counts the expected triples found, missed, and the extra ones. */
#include "cli.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct petr_options {
    const char *suite, *dict, *model;
    int merge, all, verbose, given_parse;
} petr_options;

typedef struct petr_totals {
    size_t records, expected, found, extra, produced;
} petr_totals;

/* PETRARCH codes a negated act as another act ("did not clash" 110 is 050, "would not
 * provide support" 060 is 121): data/events/negation.tsv, from its coding ontology. */
typedef struct negation { char code[8], negated[8]; } negation;
typedef struct negations { negation *rows; size_t n; } negations;

/* Reads CODE<TAB>NEGATED rows; a missing or unreadable file gives none (an error). */
static bool load_negations(const char *path, negations *out)
{
    out->rows = NULL, out->n = 0;
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char line[128];
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        char code[8], neg[8];
        if (line[0] == '#' || sscanf(line, "%7[0-9]\t%7[0-9]", code, neg) != 2)
            continue;
        if (out->n == cap) {
            cap = cap ? 2 * cap : 32;
            negation *grown = realloc(out->rows, cap * sizeof *grown);
            if (!grown)
                break;
            out->rows = grown;
        }
        snprintf(out->rows[out->n].code, sizeof out->rows[out->n].code, "%s", code);
        snprintf(out->rows[out->n].negated, sizeof out->rows[out->n].negated, "%s", neg);
        out->n++;
    }
    fclose(f);
    return true;
}

static const char *negated_code(const negations *ng, const char *code)
{
    for (size_t i = 0; i < ng->n; i++)
        if (strcmp(ng->rows[i].code, code) == 0)
            return ng->rows[i].negated;
    return NULL;
}

void help_eval_petrarch(FILE *out)
{
    fprintf(out,
        "usage: dyad eval petrarch [options] SUITE.jsonl\n\n"
        "Codes each record's text (with dyad's own tokenizer, tagger and parser) and\n"
        "compares the (source, target, CAMEO code) triples with the record's\n"
        "expected_events: found, missed, and extra triples, per record and in total.\n"
        "Records whose flags say evaluate=false are skipped unless --all. Hypothetical\n"
        "events do not count as coded; a negated one counts as the act PETRARCH codes\n"
        "for its negation (data/events/negation.tsv: \"did not clash\" 110 is 050, \"would\n"
        "not provide support\" 060 is 121), else not at all; a reported act that a claim\n"
        "or accusation of the same sentence was coded from counts only as that (\"The US\n"
        "claimed that they had attacked Iraq\" is 015). (dyad code reports these events\n"
        "with their own code and status \"negated\" or \"reported\".)\n\n"
        "options:\n"
        "  --dict DIR   the suite's PETRARCH dictionaries (actors, agents, verbs, discards,\n"
        "               known by name), used instead of dyad's defaults\n"
        "  --merge      merge --dict DIR over the defaults instead of replacing them\n"
        "  --all        also score records marked evaluate=false\n"
        "  --given-parse  use each record's own CoNLL-U parse (its \"parse\" field) instead\n"
        "               of dyad's tokenizer, tagger and parser: what the coder alone does\n"
        "  --model FILE tagger/parser model (default: the shipped one)\n"
        "  -v           print every record with its missed and extra triples\n");
}

static int parse_options(int argc, char **argv, petr_options *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--merge") == 0) o->merge = 1;
        else if (strcmp(a, "--all") == 0) o->all = 1;
        else if (strcmp(a, "--given-parse") == 0) o->given_parse = 1;
        else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) o->verbose = 1;
        else if (strcmp(a, "--dict") == 0 || strcmp(a, "--model") == 0) {
            if (i + 1 >= argc)
                return cli_usage_error("eval petrarch", "%s needs a value", a);
            *(strcmp(a, "--dict") == 0 ? &o->dict : &o->model) = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("eval petrarch", "unknown option '%s'", a);
        } else if (!o->suite) {
            o->suite = a;
        } else {
            return cli_usage_error("eval petrarch", "one suite file at a time");
        }
    }
    if (!o->suite)
        return cli_usage_error("eval petrarch", "which suite? (a JSONL file)");
    return EXIT_OK;
}

static const char *str_field(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* "19950103" or "1995-01-03" -> "1995-01-03"; NULL when neither. */
static char *iso_date(const char *d, char out[11])
{
    if (!d)
        return NULL;
    size_t n = strlen(d);
    if (n == 8) {
        snprintf(out, 11, "%.4s-%.2s-%.2s", d, d + 4, d + 6);
        return out;
    }
    if (n == 10) {
        memcpy(out, d, 11);
        return out;
    }
    return NULL;
}

typedef struct triple { char s[32], t[32], c[8]; int used; } triple;

/* PETRARCH's require_dyad (its default: true) drops events without a target. */
static bool requires_dyad(const cJSON *rec)
{
    const cJSON *cfg = cJSON_GetObjectItemCaseSensitive(rec, "config_in_effect");
    const char *v = cfg ? str_field(cfg, "require_dyad") : NULL;
    return !v || strcasecmp(v, "false") != 0;
}

static bool same_code(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Whether a reported act is the content of a claim or an accusation coded from the same
 * sentence ("The US claimed that they had attacked Iraq" is 015 only for PETRARCH). */
static bool claimed(const dyad_doc *doc, const dyad_event *e)
{
    for (size_t i = 0; i < doc->n_events; i++) {
        const dyad_event *c = &doc->events[i];
        if (c == e || c->sentence != e->sentence)
            continue;
        if (((!strcmp(c->cameo, "015") || !strcmp(c->cameo, "016")) &&
             same_code(c->source.code, e->source.code)) ||
            (!strcmp(c->cameo, "112") && same_code(c->target.code, e->source.code)))
            return true;
    }
    return false;
}

/* The code PETRARCH would give the event, or NULL when it codes none: a negated act
 * as the act its negation is, if any; nothing hypothetical; a claimed act only as the
 * claim. */
static const char *petrarch_code(const dyad_doc *doc, const dyad_event *e, bool require_dyad,
                                 const negations *ng)
{
    if ((require_dyad && !e->target.code) || strcmp(e->status, "hypothetical") == 0 ||
        (strcmp(e->status, "reported") == 0 && claimed(doc, e)))
        return NULL;
    return strcmp(e->status, "negated") == 0 ? negated_code(ng, e->cameo) : e->cameo;
}

static void score_record(const cJSON *rec, const dyad_doc *doc, const petr_options *o,
                         const negations *ng, petr_totals *t)
{
    triple got[256];
    size_t n_got = 0;
    bool require_dyad = requires_dyad(rec);
    for (size_t i = 0; i < doc->n_events && n_got < 256; i++) {
        const dyad_event *e = &doc->events[i];
        const char *code = petrarch_code(doc, e, require_dyad, ng);
        if (!code)
            continue;
        triple *g = &got[n_got++];
        snprintf(g->s, sizeof g->s, "%s", e->source.code ? e->source.code : "");
        /* PETRARCH writes an unknown target as "---" */
        snprintf(g->t, sizeof g->t, "%s", e->target.code ? e->target.code : "---");
        snprintf(g->c, sizeof g->c, "%s", code);
        g->used = 0;
    }
    const cJSON *exp = cJSON_GetObjectItemCaseSensitive(rec, "expected_events");
    const char *id = str_field(rec, "id");
    size_t found = 0, expected = 0;
    char missed[4096] = "";
    const cJSON *ev;
    cJSON_ArrayForEach(ev, exp) {
        const char *s = str_field(ev, "source"), *tg = str_field(ev, "target"),
                   *c = str_field(ev, "code");
        if (!s || !tg || !c)
            continue;
        expected++;
        size_t k = 0;
        for (; k < n_got; k++)
            if (!got[k].used && strcmp(got[k].s, s) == 0 && strcmp(got[k].t, tg) == 0 &&
                strcmp(got[k].c, c) == 0)
                break;
        if (k < n_got) {
            got[k].used = 1;
            found++;
        } else {
            size_t m = strlen(missed);
            if (m + 80 < sizeof missed)
                snprintf(missed + m, sizeof missed - m, " %.31s-%.31s-%.7s", s, tg, c);
        }
    }
    size_t extra = 0;
    char extras[4096] = "";
    for (size_t k = 0; k < n_got; k++)
        if (!got[k].used) {
            extra++;
            size_t m = strlen(extras);
            if (m + 80 < sizeof extras)
                snprintf(extras + m, sizeof extras - m, " %.31s-%.31s-%.7s", got[k].s, got[k].t,
                         got[k].c);
        }
    t->records++;
    t->expected += expected;
    t->found += found;
    t->extra += extra;
    t->produced += n_got;
    if (o->verbose)
        printf("%-24s found %zu/%zu extra %zu%s%s%s%s\n", id ? id : "?", found, expected, extra,
               *missed ? "  missed:" : "", missed, *extras ? "  extra:" : "", extras);
}

int eval_petrarch(int argc, char **argv)
{
    petr_options o = {0};
    int rc = parse_options(argc, argv, &o);
    if (rc != EXIT_OK)
        return rc;
    FILE *f = fopen(o.suite, "r");
    if (!f) {
        fprintf(stderr, "dyad eval petrarch: cannot read %s\n", o.suite);
        return EXIT_RUNTIME;
    }
    dyad_pipeline_options popts = {.model_path = o.model ? o.model : cli_default_model(),
                                   .actors_path = cli_default_actors(),
                                   .events_dir = cli_default_events(),
                                   .dict_dir = o.dict,
                                   .dict_replace = o.dict && !o.merge,
                                   .keep_statements = 1};
    dyad_error err;
    dyad_pipeline *p = dyad_pipeline_new(&popts, &err);
    if (!p) {
        fprintf(stderr, "dyad eval petrarch: %s\n", err.message);
        fclose(f);
        return EXIT_RUNTIME;
    }
    const dyad_event_dict *ed = dyad_pipeline_event_dict(p);
    if (ed && dyad_event_dict_skipped(ed)) {
        fprintf(stderr, "dyad eval petrarch: %zu dictionary lines skipped, e.g.\n",
                dyad_event_dict_skipped(ed));
        const char *why;
        for (size_t i = 0; i < 3 && (why = dyad_event_dict_problem(ed, i)); i++)
            fprintf(stderr, "  %s\n", why);
    }
    char ng_path[4096];
    snprintf(ng_path, sizeof ng_path, "%s/negation.tsv", cli_default_events());
    negations ng;
    if (!load_negations(ng_path, &ng))
        fprintf(stderr, "dyad eval petrarch: cannot read %s: negated events count as none\n",
                ng_path);
    petr_totals t = {0};
    size_t bad = 0, skipped = 0, sentences = 0;
    char *line = NULL;
    size_t cap = 0;
    double t0 = cli_now();
    while (getline(&line, &cap, f) > 0) {
        cJSON *rec = cJSON_Parse(line);
        const char *text = rec ? str_field(rec, "text") : NULL;
        if (!text) {
            bad++;
            cJSON_Delete(rec);
            continue;
        }
        const cJSON *flags = cJSON_GetObjectItemCaseSensitive(rec, "flags");
        const char *evaluate = flags ? str_field(flags, "evaluate") : NULL;
        if (!o.all && evaluate && strcmp(evaluate, "false") == 0) {
            skipped++;
            cJSON_Delete(rec);
            continue;
        }
        dyad_doc *doc = dyad_doc_new();
        char date[11];
        const char *iso = iso_date(str_field(rec, "date"), date);
        const char *parse = o.given_parse ? str_field(rec, "parse") : NULL;
        dyad_treebank *tb = parse ? dyad_treebank_parse("parse", parse, strlen(parse), NULL) : NULL;
        dyad_status st = !doc ? DYAD_ENOMEM
                         : tb ? dyad_doc_set_treebank(doc, tb, 1)
                              : dyad_doc_set_text(doc, NULL, 0, text, strlen(text));
        dyad_treebank_free(tb);
        if (st != DYAD_OK || (iso && !(doc->date = dyad_doc_strdup(doc, iso, 10)))) {
            fprintf(stderr, "dyad eval petrarch: out of memory\n");
            dyad_doc_free(doc);
            cJSON_Delete(rec);
            break;
        }
        if (parse && !tb)
            fprintf(stderr, "dyad eval petrarch: %s: unreadable parse, coded from the text\n",
                    str_field(rec, "id") ? str_field(rec, "id") : "?");
        if (tb)
            dyad_pipeline_run_parsed(p, doc);
        else
            dyad_pipeline_run(p, doc);
        sentences += doc->n_sentences;
        score_record(rec, doc, &o, &ng, &t);
        dyad_doc_free(doc);
        cJSON_Delete(rec);
    }
    double secs = cli_now() - t0;
    free(line);
    free(ng.rows);
    fclose(f);
    dyad_pipeline_free(p);
    if (bad)
        fprintf(stderr, "dyad eval petrarch: %zu lines without a record text skipped\n", bad);
    printf("records     %zu (%zu marked not to evaluate, skipped)\n", t.records, skipped);
    printf("expected    %zu\n", t.expected);
    printf("found       %zu (%.1f%%)\n", t.found, t.expected ? 100.0 * t.found / t.expected : 0.0);
    printf("missed      %zu\n", t.expected - t.found);
    printf("extra       %zu (%.1f%% of expected)\n", t.extra,
           t.expected ? 100.0 * t.extra / t.expected : 0.0);
    printf("coded       %zu events, %.0f sentences/s\n", t.produced, secs > 0 ? sentences / secs : 0.0);
    return bad ? EXIT_DOC_FAILED : EXIT_OK;
}
