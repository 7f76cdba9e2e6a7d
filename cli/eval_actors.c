/* dyad eval actors: NGEC's actor-resolution cases (search_nat, short_text_to_agent,
 * agent_to_code) against dyad's actor dictionary, plus load time and lookup speed. */
#include "cli.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stddef.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SUITE "data/events/suites/ngec_actor_resolution_tests.jsonl"

void help_eval_actors(FILE *out)
{
    fprintf(out,
            "usage: dyad eval actors [options] [SUITE.jsonl]\n\n"
            "Runs NGEC's actor-resolution test cases against dyad's actor dictionary and\n"
            "prints every case (PASS/FAIL, expected and returned), then the pass rate of the\n"
            "cases that need no Wikipedia index, and of the agent_to_code cases (which NGEC\n"
            "resolves with a Wikipedia index; dyad has none, so checks on 'wiki' fields fail).\n"
            "query_wiki and trf_agent_match cases are not run. NGEC's fields map as: country =\n"
            "the code's country (UNO and EUR for IGOUNO.../IGOEUR... as NGEC's countries.csv),\n"
            "code_1/code_2 = its roles, pattern = the dictionary phrase.\n\n"
            "options:\n"
            "  --dict FILE       compiled dictionary (default: $DYAD_ACTORS or data/actors/actors.dict)\n"
            "  --add FILE        merge a PETRARCH actor file (repeatable)\n"
            "  --add-agents FILE merge a PETRARCH agent file (repeatable)\n"
            "  --today DATE      the date that \"today\" means (default: the system date)\n"
            "  --lookup TEXT     print the code of one mention and exit (TEXT@YYYY-MM-DD for a date)\n"
            "  -q                print failures only\n"
            "  -h, --help        this help\n\n"
            "default suite: $DYAD_SHARED/" SUITE " (DYAD_SHARED defaults to ../shared)\n");
}


/* ---- dates: "2022-01-10", "10 May 2015", "October 1, 2021", "today" -> YYYYMMDD ---- */

static int32_t today_date(void)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

static int month_of(const char *w)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; i++)
        if (strncasecmp(w, months[i], 3) == 0)
            return i + 1;
    return 0;
}

static int32_t parse_date(const char *s, int32_t today)
{
    int y = 0, m = 0, d = 0;
    if (!s || !*s || strcasecmp(s, "today") == 0)
        return today;
    if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3)
        return y * 10000 + m * 100 + d;
    char buf[64];
    snprintf(buf, sizeof buf, "%s", s);
    for (char *w = strtok(buf, " ,"); w; w = strtok(NULL, " ,")) {
        int v = atoi(w);
        if (isdigit((unsigned char)w[0]))
            *(v > 31 ? &y : &d) = v;
        else if (month_of(w))
            m = month_of(w);
    }
    return y && m ? y * 10000 + m * 100 + (d ? d : 1) : today;
}

/* ---- NGEC's functions over dyad's lookup ---- */

typedef struct result {
    int none;            /* NGEC returned None: nothing matched */
    char country[8], code_1[4], code_2[4], pattern[128], source[16];
    char ret0[8], ret1[256]; /* search_nat's (country, remaining text) */
} result;

/* IGOUNO.../IGOEUR... -> country UNO/EUR as NGEC's countries.csv; roles follow. */
static void fill(result *r, const dyad_actor_match *m)
{
    snprintf(r->country, sizeof r->country, "%s", m->country);
    snprintf(r->code_1, sizeof r->code_1, "%s", m->role);
    snprintf(r->code_2, sizeof r->code_2, "%s", m->role2);
    if (!strcmp(m->country, "IGO") && (!strcmp(m->role, "UNO") || !strcmp(m->role, "EUR"))) {
        snprintf(r->country, sizeof r->country, "%s", m->role);
        snprintf(r->code_1, sizeof r->code_1, "%s", m->role2);
        snprintf(r->code_2, sizeof r->code_2, "%.3s", strlen(m->code) >= 12 ? m->code + 9 : "");
    }
    snprintf(r->pattern, sizeof r->pattern, "%s", m->pattern);
    snprintf(r->source, sizeof r->source, "%s", r->code_1[0] ? "dictionary" : "country only");
}

static void strip(char *s)
{
    size_t n = strlen(s), a = 0;
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    while (isspace((unsigned char)s[a]))
        a++;
    memmove(s, s + a, n - a + 1);
}

/* The text without the country's words and without a leading article, as NGEC's search_nat. */
static void rest_of(const char *text, const dyad_actor_match *m, char *out, size_t cap)
{
    snprintf(out, cap, "%.*s%s", (int)m->country_start, text, text + m->country_end);
    strip(out);
    static const char *const articles[] = {"a ", "an ", "the "};
    for (size_t i = 0; i < 3; i++)
        if (strncasecmp(out, articles[i], strlen(articles[i])) == 0) {
            memmove(out, out + strlen(articles[i]), strlen(out) - strlen(articles[i]) + 1);
            strip(out);
        }
}

static void search_nat(const dyad_actor_dict *d, const char *text, int32_t date, result *r)
{
    dyad_actor_match m;
    int found = dyad_actor_dict_lookup(d, text, strlen(text), date, &m) && m.country[0];
    snprintf(r->ret0, sizeof r->ret0, "%s", found ? m.country : "");
    if (found)
        rest_of(text, &m, r->ret1, sizeof r->ret1);
    else
        snprintf(r->ret1, sizeof r->ret1, "%s", text);
}

static void agent_to_code(const dyad_actor_dict *d, const char *text, const char *context,
                          int32_t date, result *r)
{
    dyad_actor_match m, c;
    if (!dyad_actor_dict_lookup(d, text, strlen(text), date, &m)) {
        r->none = 1;
        return;
    }
    if (!m.country[0] && context && *context &&
        dyad_actor_dict_lookup(d, context, strlen(context), date, &c) && c.country[0]) {
        char code[sizeof m.code + sizeof c.country];
        snprintf(code, sizeof code, "%s%s", c.country, m.code);
        snprintf(m.code, sizeof m.code, "%.31s", code);
        snprintf(m.country, sizeof m.country, "%s", c.country);
    }
    fill(r, &m);
}

/* ---- checks ---- */

static const char *field(const result *r, const char *name)
{
    static const struct { const char *name; size_t off; } fields[] = {
        {"country", offsetof(result, country)}, {"code_1", offsetof(result, code_1)},
        {"code_2", offsetof(result, code_2)},   {"pattern", offsetof(result, pattern)},
        {"source", offsetof(result, source)},   {"return[0]", offsetof(result, ret0)},
        {"return[1]", offsetof(result, ret1)},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (!strcmp(name, fields[i].name))
            return (const char *)r + fields[i].off;
    return ""; /* wiki, actor_wiki_job: dyad has no Wikipedia index */
}

static int check_one(const result *r, const cJSON *chk, char *why, size_t cap)
{
    const char *f = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(chk, "field"));
    const char *op = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(chk, "op"));
    cJSON *val = cJSON_GetObjectItemCaseSensitive(chk, "value");
    if (!f || !op)
        return 0;
    if (!strcmp(f, "return")) {
        int ok = cJSON_IsNull(val) ? r->none : !r->none;
        snprintf(why, cap, "return %s None, got %s", op, r->none ? "None" : "a code");
        return ok;
    }
    const char *want = cJSON_IsString(val) ? cJSON_GetStringValue(val) : "";
    const char *got = r->none ? NULL : field(r, f);
    int eq = got && !strcmp(got, want);
    snprintf(why, cap, "%s %s '%s', got %s%s%s", f, op, want, got ? "'" : "", got ? got : "None",
             got ? "'" : "");
    return !strcmp(op, "!=") ? (got && !eq) : eq;
}

typedef struct tally {
    int run, pass, noidx_run, noidx_pass, a2c_run, a2c_pass, skipped;
    int dict_run, dict_pass; /* agent_to_code cases that expect no Wikipedia title or job */
} tally;

/* A check that only a Wikipedia index can pass: a non-empty expected title or job. */
static int needs_wiki(const cJSON *checks)
{
    const cJSON *chk;
    cJSON_ArrayForEach(chk, checks) {
        const char *f = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(chk, "field"));
        const char *v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(chk, "value"));
        const char *op = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(chk, "op"));
        if (f && v && *v && op && !strcmp(op, "==") &&
            (!strcmp(f, "wiki") || !strcmp(f, "actor_wiki_job")))
            return 1;
    }
    return 0;
}

static int run_case(const dyad_actor_dict *d, cJSON *c, int32_t today, result *r)
{
    const char *fn = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "function"));
    cJSON *args = cJSON_GetObjectItemCaseSensitive(c, "args");
    const char *a0 = cJSON_GetStringValue(cJSON_GetArrayItem(args, 0));
    const char *a1 = cJSON_GetStringValue(cJSON_GetArrayItem(args, 1));
    const char *a2 = cJSON_GetStringValue(cJSON_GetArrayItem(args, 2));
    memset(r, 0, sizeof *r);
    if (!fn || !a0)
        return 0;
    if (!strcmp(fn, "search_nat"))
        search_nat(d, a0, today, r);
    else if (!strcmp(fn, "short_text_to_agent"))
        agent_to_code(d, a0, NULL, today, r);
    else if (!strcmp(fn, "agent_to_code"))
        agent_to_code(d, a0, a1, parse_date(a2, today), r);
    else
        return 0;
    return 1;
}

static void report_case(cJSON *c, const result *r, int quiet, tally *t)
{
    const cJSON *chk;
    char why[512], all[2048] = "";
    int ok = 1;
    cJSON_ArrayForEach(chk, cJSON_GetObjectItemCaseSensitive(c, "checks")) {
        int one = check_one(r, chk, why, sizeof why);
        ok &= one;
        size_t n = strlen(all);
        snprintf(all + n, sizeof all - n, "%s%s%s", n ? "; " : "", one ? "" : "MISS ", why);
    }
    const char *fn = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "function"));
    const cJSON *args = cJSON_GetObjectItemCaseSensitive(c, "args");
    int noidx = cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(c, "needs_wikipedia_index"));
    t->run++, t->pass += ok;
    t->noidx_run += noidx, t->noidx_pass += noidx && ok;
    if (!strcmp(fn, "agent_to_code")) {
        t->a2c_run++, t->a2c_pass += ok;
        if (!needs_wiki(cJSON_GetObjectItemCaseSensitive(c, "checks")))
            t->dict_run++, t->dict_pass += ok;
    }
    if (!ok || !quiet)
        printf("%s %-28s %s(%s): %s\n", ok ? "PASS" : "FAIL",
               cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "test")), fn,
               cJSON_GetStringValue(cJSON_GetArrayItem(args, 0)), all);
}

/* ---- command ---- */

typedef struct actors_opts {
    const char *suite, *dict, *today, *lookup;
    const char *adds[16];
    dyad_actor_file add_kind[16];
    int n_adds, quiet;
} actors_opts;

static int parse_args(int argc, char **argv, actors_opts *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 1; i < argc; i++) {
        int more = i + 1 < argc;
        if (!strcmp(argv[i], "--dict") && more)
            o->dict = argv[++i];
        else if (!strcmp(argv[i], "--today") && more)
            o->today = argv[++i];
        else if (!strcmp(argv[i], "--lookup") && more)
            o->lookup = argv[++i];
        else if ((!strcmp(argv[i], "--add") || !strcmp(argv[i], "--add-agents")) && more &&
                 o->n_adds < 16) {
            o->add_kind[o->n_adds] = argv[i][5] ? DYAD_ACTOR_FILE_AGENTS : DYAD_ACTOR_FILE_ACTORS;
            o->adds[o->n_adds++] = argv[++i];
        } else if (!strcmp(argv[i], "-q"))
            o->quiet = 1;
        else if (argv[i][0] == '-' && argv[i][1])
            return cli_usage_error("eval actors", "unknown option or missing value '%s'", argv[i]);
        else if (o->suite)
            return cli_usage_error("eval actors", "one suite at a time");
        else
            o->suite = argv[i];
    }
    return EXIT_OK;
}

static dyad_actor_dict *load(const actors_opts *o)
{
    dyad_error err;
    double t0 = cli_now();
    dyad_actor_dict *d = dyad_actor_dict_load(o->dict ? o->dict : cli_default_actors(), &err);
    if (!d) {
        fprintf(stderr, "dyad eval actors: %s\n", err.message);
        return NULL;
    }
    fprintf(stderr, "actors: %zu phrases loaded in %.1f ms\n", dyad_actor_dict_size(d),
            (cli_now() - t0) * 1000);
    for (int i = 0; i < o->n_adds; i++) {
        if (dyad_actor_dict_add_file(d, o->adds[i], o->add_kind[i], &err) != DYAD_OK) {
            fprintf(stderr, "dyad eval actors: %s\n", err.message);
            dyad_actor_dict_free(d);
            return NULL;
        }
    }
    for (size_t i = 0; dyad_actor_dict_problem(d, i); i++)
        fprintf(stderr, "  skipped %s\n", dyad_actor_dict_problem(d, i));
    if (dyad_actor_dict_skipped(d))
        fprintf(stderr, "actors: %zu malformed lines skipped\n", dyad_actor_dict_skipped(d));
    return d;
}

static int print_lookup(const dyad_actor_dict *d, const char *arg, int32_t today)
{
    char text[1024];
    snprintf(text, sizeof text, "%s", arg);
    char *at = strrchr(text, '@');
    int32_t date = today;
    if (at) {
        *at = '\0';
        date = parse_date(at + 1, today);
    }
    dyad_actor_match m;
    dyad_actor_dict_lookup(d, text, strlen(text), date, &m);
    printf("%s\tcountry=%s role=%s role2=%s pattern=\"%s\" name=\"%s\" via=%u span=[%zu,%zu)\n",
           m.code[0] ? m.code : "-", m.country, m.role, m.role2, m.pattern, m.name, m.via,
           m.start, m.end);
    return EXIT_OK;
}

/* Lookups per second over the suite's phrases. */
static void speed(const dyad_actor_dict *d, cJSON **cases, size_t n, int32_t today)
{
    dyad_actor_match m;
    size_t count = 0;
    double t0 = cli_now();
    while (cli_now() - t0 < 0.5)
        for (size_t i = 0; i < n; i++, count++) {
            cJSON *args = cJSON_GetObjectItemCaseSensitive(cases[i], "args");
            const char *a0 = cJSON_GetStringValue(cJSON_GetArrayItem(args, 0));
            if (a0)
                dyad_actor_dict_lookup(d, a0, strlen(a0), today, &m);
        }
    printf("speed: %.0f lookups/s (one core, suite phrases)\n", (double)count / (cli_now() - t0));
}

static cJSON **read_suite(const char *path, size_t *n)
{
    FILE *f = fopen(path, "r");
    cJSON **cases = NULL;
    char *line = NULL;
    size_t cap = 0, cap_cases = 0;
    *n = 0;
    while (f && getline(&line, &cap, f) > 0) {
        cJSON *c = cJSON_Parse(line);
        if (!cJSON_IsObject(c)) {
            cJSON_Delete(c);
            continue;
        }
        if (*n == cap_cases) {
            cap_cases = cap_cases ? cap_cases * 2 : 512;
            cJSON **p = realloc(cases, cap_cases * sizeof *p);
            if (!p)
                break;
            cases = p;
        }
        cases[(*n)++] = c;
    }
    free(line);
    if (f)
        fclose(f);
    return cases;
}

static void summary(const tally *t)
{
    printf("\ncases run: %d, passed %d; not run (query_wiki, trf_agent_match): %d\n", t->run,
           t->pass, t->skipped);
    printf("needs_wikipedia_index=false: %d/%d passed (%.1f%%)\n", t->noidx_pass, t->noidx_run,
           t->noidx_run ? 100.0 * t->noidx_pass / t->noidx_run : 0.0);
    printf("agent_to_code (no Wikipedia index): %d/%d passed (%.1f%%)\n", t->a2c_pass, t->a2c_run,
           t->a2c_run ? 100.0 * t->a2c_pass / t->a2c_run : 0.0);
    printf("  of which expect no Wikipedia title or job: %d/%d passed (%.1f%%)\n", t->dict_pass,
           t->dict_run, t->dict_run ? 100.0 * t->dict_pass / t->dict_run : 0.0);
}

static int run_suite(const dyad_actor_dict *d, const actors_opts *o, int32_t today)
{
    char def[PATH_MAX];
    const char *root = getenv("DYAD_SHARED");
    snprintf(def, sizeof def, "%s/" SUITE, root && *root ? root : "../shared");
    const char *path = o->suite ? o->suite : def;
    if (access(path, R_OK) != 0) {
        fprintf(stderr, "dyad eval actors: skipped: %s not found (set DYAD_SHARED)\n", path);
        return o->suite ? EXIT_RUNTIME : EXIT_OK;
    }
    size_t n;
    cJSON **cases = read_suite(path, &n);
    tally t = {0};
    for (size_t i = 0; i < n; i++) {
        result r;
        if (run_case(d, cases[i], today, &r))
            report_case(cases[i], &r, o->quiet, &t);
        else
            t.skipped++;
    }
    summary(&t);
    speed(d, cases, n, today);
    for (size_t i = 0; i < n; i++)
        cJSON_Delete(cases[i]);
    free(cases);
    return EXIT_OK;
}

int eval_actors(int argc, char **argv)
{
    actors_opts o;
    int rc = parse_args(argc, argv, &o);
    if (rc != EXIT_OK)
        return rc;
    int32_t today = o.today ? parse_date(o.today, today_date()) : today_date();
    dyad_actor_dict *d = load(&o);
    if (!d)
        return EXIT_RUNTIME;
    rc = o.lookup ? print_lookup(d, o.lookup, today) : run_suite(d, &o, today);
    dyad_actor_dict_free(d);
    return rc;
}
