/* Tests of the actor dictionaries: the lookup spec, PETRARCH files, corrupt input. */
#include "test.h"

#include <stdlib.h>

/* The shipped dictionary, loaded once for every test (the runner is single-threaded). */
static dyad_actor_dict *shipped(void)
{
    static dyad_actor_dict *d;
    if (!d) {
        const char *env = getenv("DYAD_ACTORS");
        dyad_error err;
        d = dyad_actor_dict_load(env && *env ? env : "data/actors/actors.dict", &err);
        if (!d)
            fprintf(stderr, "  %s\n", err.message);
    }
    return d;
}

static int32_t date_of(const char *s)
{
    int y, m, day;
    return s && sscanf(s, "%d-%d-%d", &y, &m, &day) == 3 ? y * 10000 + m * 100 + day : 0;
}

/* "mention[@YYYY-MM-DD]" -> code or "-". */
static void code_line(const dyad_actor_dict *d, const char *line, size_t len, dyad_buf *out)
{
    char text[512];
    snprintf(text, sizeof text, "%.*s", (int)len, line);
    char *at = strrchr(text, '@');
    if (at)
        *at++ = '\0';
    dyad_actor_match m;
    int found = dyad_actor_dict_lookup(d, text, strlen(text), date_of(at), &m);
    dyad_buf_printf(out, "%s%s", out->len ? "\n" : "", found && m.code[0] ? m.code : "-");
}

static char *actors_spec(const char *input, size_t len)
{
    dyad_buf b;
    dyad_buf_init(&b);
    for (const char *p = input, *end = input + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        code_line(shipped(), p, (size_t)(e - p), &b);
        p = e + 1;
    }
    return dyad_buf_detach(&b, NULL);
}

DYAD_TEST(actors_spec)
{
    CHECK(shipped() != NULL);
    if (shipped())
        CHECK(dyad_spec_run("tests/spec/actors.spec", actors_spec) >= 12);
}

static const char *code_of(const dyad_actor_dict *d, const char *text, int32_t date)
{
    static dyad_actor_match m;
    return dyad_actor_dict_lookup(d, text, strlen(text), date, &m) ? m.code : "-";
}

DYAD_TEST(actors_match_fields)
{
    dyad_actor_match m;
    const char *t = "Kremlin spokesman Dmitry Peskov";
    CHECK(dyad_actor_dict_lookup(shipped(), t, strlen(t), 20240126, &m) == 1);
    CHECK_STR(m.country, "RUS");
    CHECK_STR(m.role, "GOV");
    CHECK_STR(m.name, "dmitry peskov");
    CHECK(m.via & DYAD_ACTOR_VIA_NAME);
    CHECK(m.start == 18 && m.end == strlen(t));
    t = "two Ukrainian soldiers";
    CHECK(dyad_actor_dict_lookup(shipped(), t, strlen(t), 0, &m) == 1);
    CHECK_STR(m.code, "UKRMIL");
    CHECK_STR(m.pattern, "soldier");
    CHECK(m.via == (DYAD_ACTOR_VIA_TITLE | DYAD_ACTOR_VIA_ADJECTIVE));
    CHECK(m.country_start == 4 && m.country_end == 13);
    t = "a former top White House official";
    CHECK(dyad_actor_dict_lookup(shipped(), t, strlen(t), 20240126, &m) == 1);
    CHECK_STR(m.code, "USAELI");
    CHECK(m.via & DYAD_ACTOR_VIA_FORMER);
    t = "Kyiv";
    CHECK(dyad_actor_dict_lookup(shipped(), t, strlen(t), 0, &m) == 1);
    CHECK(m.via == DYAD_ACTOR_VIA_METONYMY);
}

/* A user's PETRARCH actor file overrides the defaults; accents and case fold. */
DYAD_TEST(actors_user_file_overrides)
{
    static const char user[] =
        "# user dictionary\n"
        "DMITRY_PESKOV_  [RUSMED]   # press, not government, for this user\n"
        "JURI_RATAS_\n"
        "+RATAS_\n"
        "\t[ESTGOV 160123-210126]\n"
        "\t[ESTLEG >20210126]\n"
        "KAJA_EXAMPLE_\n"
        "\t[ESTGOV 110101-160122]\n";
    dyad_actor_dict *d = dyad_actor_dict_load("data/actors/actors.dict", NULL);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK_STR(code_of(d, "Dmitry Peskov", 20240126), "RUSGOV");
    CHECK(dyad_actor_dict_add_memory(d, "user.actors", user, sizeof user - 1,
                                     DYAD_ACTOR_FILE_ACTORS, NULL) == DYAD_OK);
    CHECK_STR(code_of(d, "Dmitry Peskov", 20240126), "RUSMED");
    CHECK_STR(code_of(d, "Jüri Ratas", 20180101), "ESTGOV");
    CHECK_STR(code_of(d, "JÜRI RATAS", 20210701), "ESTLEG");
    CHECK_STR(code_of(d, "Ratas", 20100101), "-");
    /* out of office: a former minister is the country's elite, not its government */
    CHECK_STR(code_of(d, "Kaja Example", 20150101), "ESTGOV");
    CHECK_STR(code_of(d, "Kaja Example", 20200101), "ESTELI");
    CHECK_STR(code_of(d, "Kaja Example", 20000101), "-");
    CHECK(dyad_actor_dict_skipped(d) == 0);
    dyad_actor_dict_free(d);
}

/* Agent files: substitution sets, explicit and regular plurals, prefix codes. */
DYAD_TEST(actors_agent_file)
{
    static const char agents[] =
        "<!-- test agents -->\n"
        "!PERSON! = MAN, MEN, WOMAN\n"
        "CHAIR!PERSON! [~BUS]\n"
        "POLICE {} [~COP]\n"
        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"
        "MILITIA [~REB]\n"
        "HUMAN_RIGHTS_BODY [NGO~]\n"
        "RUSSIA [RUS]\n";
    dyad_actor_dict *d = dyad_actor_dict_new();
    CHECK(dyad_actor_dict_add_memory(d, "t.agents", agents, sizeof agents - 1,
                                     DYAD_ACTOR_FILE_AGENTS, NULL) == DYAD_OK);
    CHECK(dyad_actor_dict_add_memory(d, "t.actors", "RUSSIAN_ [RUS]\n", 15,
                                     DYAD_ACTOR_FILE_ACTORS, NULL) == DYAD_OK);
    CHECK_STR(code_of(d, "chairmen", 0), "BUS");
    CHECK_STR(code_of(d, "chairwoman", 0), "BUS");
    CHECK_STR(code_of(d, "chairpersons", 0), "-");
    CHECK_STR(code_of(d, "polices", 0), "-");
    CHECK_STR(code_of(d, "attorneys general", 0), "JUD");
    CHECK_STR(code_of(d, "militias", 0), "REB");
    CHECK_STR(code_of(d, "Russian militias", 0), "RUSREB");
    CHECK_STR(code_of(d, "a Russian human rights body", 0), "NGORUS");
    CHECK(dyad_actor_dict_skipped(d) == 1); /* RUSSIA [RUS] has no ~ */
    CHECK_STR(dyad_actor_dict_problem(d, 0), "t.agents:8: agent needs PHRASE [~CODE]");
    dyad_actor_dict_free(d);
}

/* Malformed lines are skipped, counted and the first few named; nothing crashes. */
DYAD_TEST(actors_malformed_lines)
{
    static const char bad[] =
        "\t[RUSGOV 990101-991231]\n"          /* 1: a date line before any actor */
        "GOOD_ONE_ [USA]\n"
        "BAD_DATE_ [RUSGOV 991340-000101]\n"  /* 3: month 13 */
        "BACKWARDS_ [RUSGOV 100101-090101]\n" /* 4: ends before it starts */
        "LOWER_ [rusgov]\n"                   /* 5: not a code */
        "+\n"                                 /* 6: empty synonym */
        "\t[UKR >2019]\n"                     /* 7: bad date */
        "OK_TWO_\n"
        "\t[UKRGOV >190520]\n";
    dyad_actor_dict *d = dyad_actor_dict_new();
    CHECK(dyad_actor_dict_add_memory(d, "bad.actors", bad, sizeof bad - 1,
                                     DYAD_ACTOR_FILE_ACTORS, NULL) == DYAD_OK);
    CHECK(dyad_actor_dict_skipped(d) == 6);
    CHECK_STR(dyad_actor_dict_problem(d, 0), "bad.actors:1: bad code or date restriction");
    CHECK_STR(dyad_actor_dict_problem(d, 1), "bad.actors:3: bad code or date restriction");
    CHECK_STR(dyad_actor_dict_problem(d, 4), "bad.actors:6: empty or overlong phrase");
    CHECK(dyad_actor_dict_problem(d, 6) == NULL);
    CHECK_STR(code_of(d, "good one", 0), "USA");
    CHECK_STR(code_of(d, "ok two", 20200101), "UKRGOV");
    CHECK_STR(code_of(d, "ok two", 20100101), "-");
    dyad_actor_dict_free(d);
}

/* Builds a compiled file with a correct header around body. */
static char *compiled(const char *body, int records, size_t *len)
{
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_printf(&b, "dyad-actors\t1\t%d\t%08x\n%s", records,
                    dyad_crc32(0, body, strlen(body)), body);
    return dyad_buf_detach(&b, len);
}

DYAD_TEST(actors_compiled_checks)
{
    size_t len;
    dyad_error err;
    char *ok = compiled("# c\na\tRUS\trussia\trussian\ng\t~MIL\tsoldier\tsoldiers\n", 2, &len);
    dyad_actor_dict *d = dyad_actor_dict_load_memory(ok, len, &err);
    CHECK(d != NULL);
    CHECK_STR(code_of(d, "Russian soldiers", 0), "RUSMIL");
    dyad_actor_dict_free(d);
    ok[len - 3] ^= 1; /* one flipped bit */
    CHECK(dyad_actor_dict_load_memory(ok, len, &err) == NULL);
    CHECK(err.status == DYAD_EMODEL && strstr(err.message, "checksum"));
    CHECK(dyad_actor_dict_load_memory(ok, len / 2, &err) == NULL);
    free(ok);
    static const char *const bad[] = {
        "a\trus\trussia\n", "x\tRUS\trussia\n", "a\tRUS\n", "a\tRUS\trussia  x\n",
        "a\tRUS/20241301/0\trussia\n", "g\tMIL\tsoldier\n", "a\t~RUS\trussia\n",
        "a\tRUS/2024/0\trussia\n", "a\tRUS/20240101/20230101\trussia\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *data = compiled(bad[i], 1, &len);
        d = dyad_actor_dict_load_memory(data, len, &err);
        CHECK(d == NULL && err.status == DYAD_EMODEL && strstr(err.message, ":2: malformed"));
        dyad_actor_dict_free(d);
        free(data);
    }
    char *miscount = compiled("a\tRUS\trussia\n", 2, &len);
    CHECK(dyad_actor_dict_load_memory(miscount, len, &err) == NULL);
    free(miscount);
    CHECK(dyad_actor_dict_load("/nonexistent/actors.dict", &err) == NULL && err.status == DYAD_EIO);
}

/* The dictionaries users already have load as they are. */
DYAD_TEST(actors_petrarch_files_load)
{
    char a[512], g[512];
    if (!dyad_shared_path("data/events/universalpetrarch/PETR_Validate_actors_2_02.txt", a, sizeof a) ||
        !dyad_shared_path("data/events/universalpetrarch/PETR_Validate_agents_2_02.txt", g, sizeof g))
        return;
    dyad_actor_dict *d = dyad_actor_dict_new();
    CHECK(dyad_actor_dict_add_file(d, a, DYAD_ACTOR_FILE_ACTORS, NULL) == DYAD_OK);
    CHECK(dyad_actor_dict_add_file(d, g, DYAD_ACTOR_FILE_AGENTS, NULL) == DYAD_OK);
    CHECK(dyad_actor_dict_size(d) > 300);
    CHECK_STR(code_of(d, "Hamas", 0), "PSEREBHMS");
    CHECK_STR(code_of(d, "Israeli troops", 0), "ISRMIL");
    CHECK_STR(code_of(d, "congresswomen", 0), "LEG");
    CHECK_STR(code_of(d, "ministries of silly walks", 0), "GOV");
    dyad_actor_dict_free(d);
    if (!dyad_shared_path("data/events/petrarch2/Phoenix.Countries.actors.txt", a, sizeof a))
        return;
    d = dyad_actor_dict_new();
    CHECK(dyad_actor_dict_add_file(d, a, DYAD_ACTOR_FILE_ACTORS, NULL) == DYAD_OK);
    CHECK_STR(code_of(d, "Vladimir Putin", 20050101), "RUSGOV");
    CHECK_STR(code_of(d, "Dmitri Medvedev", 20100101), "RUSGOV"); /* codes shared by two primaries */
    dyad_actor_dict_free(d);
}

/* Fuzzer finds: a synonym carrying its own code read one byte past the line; a record
 * without any code (PETRARCH's null code) in a dictionary without codes. */
DYAD_TEST(actors_regressions)
{
    static const char syn[] = "FOO_\n+BAR_ [USA]";
    static const char none[] = "NOCODE_\n+ALSO_NONE_\n";
    dyad_actor_dict *d = dyad_actor_dict_new();
    char *copy = malloc(sizeof syn - 1); /* exact size, so ASan sees an over-read */
    memcpy(copy, syn, sizeof syn - 1);
    CHECK(dyad_actor_dict_add_memory(d, "syn", copy, sizeof syn - 1, DYAD_ACTOR_FILE_ACTORS,
                                     NULL) == DYAD_OK);
    CHECK_STR(code_of(d, "bar", 0), "USA");
    CHECK_STR(code_of(d, "foo", 0), "USA");
    free(copy);
    dyad_actor_dict_free(d);
    d = dyad_actor_dict_new();
    CHECK(dyad_actor_dict_add_memory(d, "none", none, sizeof none - 1, DYAD_ACTOR_FILE_ACTORS,
                                     NULL) == DYAD_OK);
    CHECK_STR(code_of(d, "also none", 20240101), "-");
    CHECK(dyad_actor_dict_skipped(d) == 0);
    dyad_actor_dict_free(d);
}
