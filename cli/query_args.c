/* dyad query's options: each filter is checked before the store is opened, so a
 * typo gets a message naming it rather than an empty result. */
#include "cli.h"
#include "query.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define BAD(...) cli_usage_error("query", __VA_ARGS__)

static const char *const STATUSES[] = {"asserted", "reported", "denied", "negated",
                                       "hypothetical", "future"};

/* "RUS", "rusgov" or the prefix "RUS*", upper-cased into c. */
static int parse_code(const char *opt, const char *s, query_code *c)
{
    size_t n = strlen(s);
    c->prefix = n > 1 && s[n - 1] == '*';
    n -= (size_t)c->prefix;
    int ok = n >= 1 && n < sizeof c->lo;
    for (size_t i = 0; ok && i < n; i++)
        ok = isalnum((unsigned char)s[i]) != 0;
    if (!ok)
        return BAD("%s takes an actor code such as RUS or RUSGOV, or a prefix such as RUS*, "
                   "not '%s'", opt, s);
    for (size_t i = 0; i < n; i++)
        c->lo[i] = (char)toupper((unsigned char)s[i]);
    c->lo[n] = '\0';
    memcpy(c->hi, c->lo, n + 1);
    c->hi[n - 1]++; /* [lo, hi) holds every code that starts with lo */
    c->set = 1;
    return EXIT_OK;
}

static int parse_dyad(const char *s, query_filter *f)
{
    const char *dash = strchr(s, '-');
    char a[64];
    if (!dash || dash == s || strchr(dash + 1, '-') || (size_t)(dash - s) >= sizeof a || !dash[1])
        return BAD("--dyad takes SOURCE-TARGET such as RUS-USA, not '%s'", s);
    snprintf(a, sizeof a, "%.*s", (int)(dash - s), s);
    if (parse_code("--dyad", a, &f->dyad_a) != EXIT_OK)
        return EXIT_USAGE;
    return parse_code("--dyad", dash + 1, &f->dyad_b);
}

static int days_in(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : days[m - 1];
}

/* YYYY, YYYY-MM or YYYY-MM-DD to a day: the first of the span, or its last (to). */
static int parse_date(const char *opt, const char *s, char out[11], int to)
{
    int y = 0, m = 0, d = 0, n = 0;
    size_t len = strlen(s);
    int ok = (len == 4 && sscanf(s, "%4d%n", &y, &n) == 1) ||
             (len == 7 && sscanf(s, "%4d-%2d%n", &y, &m, &n) == 2) ||
             (len == 10 && sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3);
    for (size_t i = 0; ok && i < len; i++)
        ok = isdigit((unsigned char)s[i]) || ((i == 4 || i == 7) && s[i] == '-');
    ok = ok && (size_t)n == len && y >= 1 && (len < 7 || (m >= 1 && m <= 12)) &&
         (len < 10 || (d >= 1 && d <= days_in(y, m)));
    if (!ok)
        return BAD("%s takes a date YYYY, YYYY-MM or YYYY-MM-DD, not '%s'", opt, s);
    if (len == 4)
        m = to ? 12 : 1;
    if (len < 10)
        d = to ? days_in(y, m) : 1;
    char day[40]; /* roomy: the compiler cannot see that y, m, d are in range */
    snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d);
    memcpy(out, day, 10);
    out[10] = '\0';
    return EXIT_OK;
}

static int parse_statuses(const char *s, query_filter *f)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", s);
    for (char *save, *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        size_t k = 0;
        while (k < 6 && strcmp(tok, STATUSES[k]) != 0)
            k++;
        if (k == 6)
            return BAD("unknown status '%s' (asserted, reported, denied, negated, hypothetical, "
                       "future)", tok);
        if (f->n_statuses < 8)
            f->statuses[f->n_statuses++] = STATUSES[k];
    }
    if (f->n_statuses == 0)
        return BAD("--status takes a list such as reported,denied");
    return EXIT_OK;
}

/* A phrase query over the speaker columns: quotes inside are doubled, as FTS5 wants. */
static int parse_speaker(const char *s, query_filter *f)
{
    size_t n = (size_t)snprintf(f->speaker, sizeof f->speaker, "{speaker_name speaker_text} : \"");
    for (; *s && n + 4 < sizeof f->speaker; s++) {
        if (*s == '"')
            f->speaker[n++] = '"';
        f->speaker[n++] = *s;
    }
    f->speaker[n++] = '"';
    f->speaker[n] = '\0';
    return EXIT_OK;
}

static int pick(const char *opt, const char *s, const char *const *names, int n, const char *list)
{
    for (int i = 0; i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    BAD("%s takes %s, not '%s'", opt, list, s);
    return -1;
}

static int parse_value(const char *a, const char *v, query_options *o)
{
    static const char *const by[] = {"", "day", "week", "month"};
    static const char *const per[] = {"dyad", "actor", "none"};
    static const char *const top[] = {"", "actors", "dyads", "speakers", "codes"};
    query_filter *f = &o->f;
    int k;
    if (strcmp(a, "--db") == 0) o->db = v;
    else if (strcmp(a, "--actor") == 0) return parse_code(a, v, &f->actor);
    else if (strcmp(a, "--source") == 0) return parse_code(a, v, &f->source);
    else if (strcmp(a, "--target") == 0) return parse_code(a, v, &f->target);
    else if (strcmp(a, "--dyad") == 0) return parse_dyad(v, f);
    else if (strcmp(a, "--cameo") == 0) return query_cameo_check(v, &f->cameo);
    else if (strcmp(a, "--plover") == 0) return query_plover_check(v, f->plover);
    else if (strcmp(a, "--status") == 0) return parse_statuses(v, f);
    else if (strcmp(a, "--from") == 0) return parse_date(a, v, f->from, 0);
    else if (strcmp(a, "--to") == 0) return parse_date(a, v, f->to, 1);
    else if (strcmp(a, "--speaker") == 0) return parse_speaker(v, f);
    else if (strcmp(a, "--match") == 0) f->match = v;
    else if (strcmp(a, "--quote-match") == 0) f->quote_match = v;
    else if (strcmp(a, "--quad") == 0) {
        if (strlen(v) != 1 || v[0] < '1' || v[0] > '4')
            return BAD("--quad takes 1, 2, 3 or 4, not '%s'", v);
        f->quad = v[0] - '0';
    } else if (strcmp(a, "--by") == 0) {
        if ((k = pick(a, v, by + 1, 3, "day, week or month")) < 0) return EXIT_USAGE;
        o->by = k + 1;
    } else if (strcmp(a, "--per") == 0) {
        if ((k = pick(a, v, per, 3, "dyad, actor or none")) < 0) return EXIT_USAGE;
        o->per = k;
    } else if (strcmp(a, "--top") == 0) {
        if ((k = pick(a, v, top + 1, 4, "actors, dyads, speakers or codes")) < 0) return EXIT_USAGE;
        o->top = k + 1;
    } else { /* --limit */
        char *end;
        long n = strtol(v, &end, 10);
        if (*end || !*v || n < 0)
            return BAD("--limit takes a number of rows (0: all), not '%s'", v);
        o->limit = n ? n : -1;
        o->limit_set = 1;
    }
    return EXIT_OK;
}

static int is_valued(const char *a)
{
    static const char *const valued[] = {"--db", "--actor", "--source", "--target", "--dyad",
        "--cameo", "--plover", "--status", "--from", "--to", "--speaker", "--match",
        "--quote-match", "--quad", "--by", "--per", "--top", "--limit"};
    for (size_t i = 0; i < sizeof valued / sizeof valued[0]; i++)
        if (strcmp(a, valued[i]) == 0)
            return 1;
    return 0;
}

/* Combinations that cannot mean anything. */
static int check_together(const query_options *o, int per_set)
{
    if (!o->db)
        return BAD("which store? give --db FILE");
    if (o->by && o->top)
        return BAD("--by and --top do not go together");
    if (per_set && !o->by)
        return BAD("--per goes with --by");
    if (o->f.both_ways && !o->f.dyad_a.set)
        return BAD("--both-ways goes with --dyad");
    if (o->f.from[0] && o->f.to[0] && strcmp(o->f.from, o->f.to) > 0)
        return BAD("--from %s is after --to %s", o->f.from, o->f.to);
    return EXIT_OK;
}

int query_parse(int argc, char **argv, query_options *o)
{
    int per_set = 0, json = 0, csv = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--both-ways") == 0) o->f.both_ways = 1;
        else if (strcmp(a, "--all-statuses") == 0) o->f.all_statuses = 1;
        else if (strcmp(a, "--evidence") == 0) o->evidence = 1;
        else if (strcmp(a, "--json") == 0) json = 1;
        else if (strcmp(a, "--csv") == 0) csv = 1;
        else if (is_valued(a)) {
            if (i + 1 >= argc)
                return BAD("%s needs a value", a);
            per_set |= strcmp(a, "--per") == 0;
            if (parse_value(a, argv[++i], o) != EXIT_OK)
                return EXIT_USAGE;
        } else if (a[0] == '-') {
            return BAD("unknown option '%s'", a);
        } else {
            return BAD("unexpected argument '%s' (filters are options, e.g. --actor %s)", a, a);
        }
    }
    if (json && csv)
        return BAD("choose one of --json and --csv");
    o->format = json ? QUERY_JSON : csv ? QUERY_CSV : QUERY_TABLE;
    if (o->f.all_statuses && o->f.n_statuses)
        return BAD("--status and --all-statuses do not go together");
    return check_together(o, per_set);
}
