/* Tests of the event stage: dictionary parsing (verbs, codes, nouns, discards) and
 * coded events over the shipped model, dictionaries and tables. */
#include "test.h"
#include "../src/events/events.h"

#include <stdlib.h>




/* One line per event: SOURCE -> TARGET CAMEO status | verb | date, then " | quote N"
 * when it is inside quote N, " | denied by N", " | xM" when stated M times. */
static char *events_spec(const char *input, size_t len)
{
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_doc *doc = dyad_test_run(input, len);
    for (size_t i = 0; doc && i < doc->n_events; i++) {
        const dyad_event *e = &doc->events[i];
        dyad_buf_printf(&b, "%s%s%s -> %s %s %s | %s | %s", i ? "\n" : "", e->source.code,
                        e->source.implicit ? " (implicit)" : "",
                        e->target.code ? e->target.code : "-", e->cameo, e->status, e->verb,
                        e->date ? e->date : "-");
        if (e->quote >= 0)
            dyad_buf_printf(&b, " | quote %d", (int)e->quote);
        if (e->denied_by >= 0)
            dyad_buf_printf(&b, " | denied by %d", (int)e->denied_by);
        if (e->mentions > 1)
            dyad_buf_printf(&b, " | x%u", e->mentions);
    }
    dyad_doc_free(doc);
    return dyad_test_text(&b);
}

DYAD_TEST(events_spec)
{
    CHECK(dyad_test_shipped() != NULL);
    if (dyad_test_shipped())
        CHECK(dyad_spec_run("tests/spec/events.spec", events_spec) >= 20);
}

/* The seed article: the events the issue names must be among those coded. */
static char *seed_spec(const char *input, size_t len)
{
    char *all = events_spec(input, len);
    return all;
}

DYAD_TEST(events_seed_article)
{
    if (!dyad_test_shipped())
        return;
    char *got = seed_spec("#file examples/seed.txt", 23);
    /* every line of the expected file must be an event coded from the article */
    char *want = NULL;
    size_t want_len = 0;
    CHECK(dyad_file_read_all("tests/spec/events-seed.expected", &want, &want_len, NULL) ==
          DYAD_OK);
    for (char *line = want, *nl; line && *line; line = nl ? nl + 1 : NULL) {
        nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (!*line || *line == '#')
            continue;
        if (!strstr(got, line)) {
            fprintf(stderr, "  seed: missing event: %s\n  coded:\n%s\n", line, got);
            dyad_test_failures++;
        }
    }
    free(want);
    free(got);
}

static dyad_event_dict *dict_from(const char *verbs)
{
    dyad_event_dict *d = dyad_event_dict_new();
    CHECK(d != NULL);
    if (d)
        CHECK(dyad_event_dict_add_verbs(d, "t.verbs", verbs, strlen(verbs), NULL) == DYAD_OK);
    return d;
}

/* Blocks, verbs with codes and pairs, synsets, patterns, and each malformed line
 * reported with its file, line and reason. */
DYAD_TEST(events_verb_dictionary_parse)
{
    static const char verbs[] =
        "&PEACE_\n+PEACE\n+TRUCE\n\n"
        "---  MEET   [040:040]  ---\n"
        "MEET {MET MEETING}\n"
        "LEFT [042:043]\n"
        "- * (FOR &PEACE_)   [046]  # talks\n"
        "- * $ [999A]\n"
        "- * * [040]\n"
        "- * &NOSUCH  [040]\n"
        "- just words [040]\n"
        "- * broken [04\n"
        "~ a (a b MEET) SAY = a b 015\n"
        "CLEAR_UP [---]\n"
        "B4D=VERB\n";
    dyad_event_dict *d = dict_from(verbs);
    if (!d)
        return;
    CHECK(dyad_event_dict_patterns(d) == 3); /* (FOR &PEACE_), $ and &NOSUCH (dropped later) */
    CHECK(dyad_event_dict_skipped(d) == 6);
    CHECK_STR(dyad_event_dict_problem(d, 0), "t.verbs:10: pattern with two verb markers");
    CHECK_STR(dyad_event_dict_problem(d, 1), "t.verbs:12: pattern without the verb marker *");
    CHECK_STR(dyad_event_dict_problem(d, 2), "t.verbs:13: pattern without a valid [code]");
    CHECK_STR(dyad_event_dict_problem(d, 3),
              "t.verbs:14: transformation rule (~) not supported, skipped");
    CHECK_STR(dyad_event_dict_problem(d, 4),
              "t.verbs:16: a verb line is one word, its {forms} and [code]");
    CHECK_STR(dyad_event_dict_problem(d, 5), "t.verbs:0: pattern uses undefined synset &NOSUCH");
    dyad_event_dict_free(d);
}

DYAD_TEST(events_code_table_parse)
{
    static const char rows[] =
        "#code\troot\tgoldstein\tquad\tplover_type\tplover_mode\tplover_context\tdescription\n"
        "190\t19\t-10.0\t4\tASSAULT\t\tmilitary\tUse conventional military force\n"
        "19x\t19\t-10.0\t4\t\t\t\tbad code\n"
        "191\t19\t-11.0\t4\t\t\t\tscore out of range\n"
        "192\t19\n";
    dyad_event_dict *d = dyad_event_dict_new();
    CHECK(dyad_event_dict_add_codes(d, "c.tsv", rows, strlen(rows), NULL) == DYAD_OK);
    CHECK(dyad_event_dict_skipped(d) == 3);
    CHECK_STR(dyad_event_dict_problem(d, 1),
              "c.tsv:4: Goldstein score or quad class out of range");
    dyad_event_dict_free(d);
}

DYAD_TEST(events_nouns_and_discards_parse)
{
    static const char nouns[] = "TALKS [046]\nSANCTIONS [163]\nBROKEN\nWORD [X19]\n";
    /* a last word ending in "_" is a whole word ("GROUP A_" is not "group al-Shabab"),
     * else a stem ("BASKETBALL" takes "basketballs") */
    static const char discards[] = "+WORLD CUP\nBASKETBALL # sport\n\nGROUP A_   # fixtures\n";
    dyad_event_dict *d = dyad_event_dict_new();
    CHECK(dyad_event_dict_add_nouns(d, "n", nouns, strlen(nouns), NULL) == DYAD_OK);
    CHECK(dyad_event_dict_add_discards(d, "d", discards, strlen(discards), NULL) == DYAD_OK);
    CHECK(d->n_discards == 3 && d->discards[0].whole && !d->discards[1].whole);
    CHECK(!d->discards[1].exact && d->discards[2].exact && d->discards[2].n_words == 2);
    CHECK(dyad_event_dict_skipped(d) == 2);
    CHECK_STR(dyad_event_dict_problem(d, 0), "n:3: expected NOUN [code]");
    dyad_event_dict_free(d);
}

/* Abstract nouns: one word a line, folded to lower case, looked up exactly; a line of
 * two words is skipped and reported. */
DYAD_TEST(events_abstract_nouns_parse)
{
    static const char words[] = "# comment\nDecree\nfraud\r\ntwo words\n\nscrutiny";
    dyad_event_dict *d = dyad_event_dict_new();
    CHECK(dyad_event_dict_add_abstract(d, "a", words, strlen(words), NULL) == DYAD_OK);
    CHECK(dyad_event_dict_skipped(d) == 1);
    CHECK_STR(dyad_event_dict_problem(d, 0), "a:4: expected one word");
    CHECK(ev_abstract_noun(d, "decree") && ev_abstract_noun(d, "fraud") &&
          ev_abstract_noun(d, "scrutiny"));
    CHECK(!ev_abstract_noun(d, "decrees") && !ev_abstract_noun(d, "police") &&
          !ev_abstract_noun(NULL, "decree"));
    dyad_event_dict_free(d);
}

/* A discard phrase keeps a sentence (or, with +, the story) from being coded. */
DYAD_TEST(events_discards_apply)
{
    if (!dyad_test_shipped())
        return;
    dyad_doc *doc = dyad_test_run("Russia attacked Ukraine. Brazil beat Argentina in the World Cup final.", 71);
    CHECK(doc && doc->n_events == 1);
    dyad_doc_free(doc);
}

/* Output rows: GDELT columns and CSV quoting, exactly. */
DYAD_TEST(events_gdelt_and_csv_rows)
{
    if (!dyad_test_shipped())
        return;
    dyad_doc *doc = dyad_test_run("@2024-01-26\nRussia attacked Ukraine on Monday.", 46);
    if (!doc)
        return;
    doc->id = dyad_doc_strdup(doc, "d1", 2);
    doc->url = dyad_doc_strdup(doc, "https://example.org/a", 21);
    size_t n;
    char *g = dyad_doc_events_to_gdelt(doc, &n);
    CHECK_STR(g, "d1:0\t20240122\t202401\t2024\t2024.0603\tRUS\tRussia\tRUS\t\t\t\t\t\t\t\t"
                 "UKR\tUkraine\tUKR\t\t\t\t\t\t\t\t1\t190\t190\t19\t4\t-10.0\t1\t1\t1\t\t"
                 "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t"
                 "https://example.org/a\tasserted\tASSAULT\td1\t0\n");
    char *c = dyad_doc_events_to_csv(doc, &n);
    CHECK_STR(c, "d1,0,0,0,23,2024-01-22,RUS,Russia,UKR,Ukraine,190,-10.0,4,ASSAULT,,"
                 "military,asserted,,attacked,1,https://example.org/a\n");
    free(g);
    free(c);
    dyad_doc_free(doc);
}

/* A document of the sentences of a CoNLL-U text, its parse kept, run through the shipped
 * pipeline (mentions, quotes, dates, events); NULL (a failed check) when it fails. */
static dyad_doc *coded_doc(const char *conllu, size_t len)
{
    dyad_treebank *tb = dyad_treebank_parse("t", conllu, len, NULL);
    dyad_doc *doc = dyad_doc_new();
    CHECK(tb && doc && dyad_doc_set_treebank(doc, tb, 1) == DYAD_OK);
    dyad_treebank_free(tb);
    if (doc && doc->tokens) {
        CHECK(dyad_pipeline_run_parsed(dyad_test_shipped(), doc) == DYAD_OK);
        return doc;
    }
    dyad_doc_free(doc);
    return NULL;
}

/* A parse made elsewhere, in UD v1 terms, codes like dyad's own. */
DYAD_TEST(events_from_given_parse)
{
    if (!dyad_test_shipped())
        return;
    static const char conllu[] =
        "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
        "2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tUkraine\tUkraine\tPROPN\tNNP\t_\t2\tdobj\t_\t_\n"
        "4\tfrom\tfrom\tADP\tIN\t_\t5\tcase\t_\t_\n"
        "5\tBelarus\tBelarus\tPROPN\tNNP\t_\t2\tnmod\t_\tSpaceAfter=No\n"
        "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    dyad_doc *doc = coded_doc(conllu, sizeof conllu - 1);
    if (!doc)
        return;
    CHECK_STR(doc->text, "Russia attacked Ukraine from Belarus.\n");
    CHECK_STR(doc->tokens[2].deprel, "obj");
    CHECK_STR(doc->tokens[4].deprel, "obl");
    CHECK(doc->n_events == 1 && strcmp(doc->events[0].source.code, "RUS") == 0 &&
          strcmp(doc->events[0].target.code, "UKR") == 0);
    dyad_doc_free(doc);
}

/* "The mayor of Paris, Anne Hidalgo, thanked the police" with the verb conjoined to the
 * subject, as the parser sometimes has it: the noun is still the one who thanks. */
DYAD_TEST(events_verb_conjoined_to_its_subject)
{
    if (!dyad_test_shipped())
        return;
    static const char conllu[] =
        "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
        "2\tmayor\tmayor\tNOUN\tNN\t_\t0\troot\t_\t_\n"
        "3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_\n"
        "4\tParis\tParis\tPROPN\tNNP\t_\t2\tnmod\t_\tSpaceAfter=No\n"
        "5\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_\n"
        "6\tAnne\tAnne\tPROPN\tNNP\t_\t2\tappos\t_\t_\n"
        "7\tHidalgo\tHidalgo\tPROPN\tNNP\t_\t6\tflat\t_\tSpaceAfter=No\n"
        "8\t,\t,\tPUNCT\t,\t_\t2\tpunct\t_\t_\n"
        "9\tthanked\tthank\tVERB\tVBD\t_\t2\tconj\t_\t_\n"
        "10\tthe\tthe\tDET\tDT\t_\t12\tdet\t_\t_\n"
        "11\tFrench\tFrench\tADJ\tJJ\t_\t12\tamod\t_\t_\n"
        "12\tpolice\tpolice\tNOUN\tNN\t_\t9\tobj\t_\tSpaceAfter=No\n"
        "13\t.\t.\tPUNCT\t.\t_\t9\tpunct\t_\t_\n\n";
    dyad_doc *doc = coded_doc(conllu, sizeof conllu - 1);
    if (!doc)
        return;
    CHECK(doc->n_events == 1);
    if (doc->n_events == 1) {
        CHECK_STR(doc->events[0].source.code, "FRAGOV");
        CHECK_STR(doc->events[0].target.code, "FRACOP");
        CHECK_STR(doc->events[0].cameo, "051");
    }
    dyad_doc_free(doc);
}

/* "Israeli forces killed 20 Palestinians, the ministry said" with "killed" a participle
 * of "forces" and "forces" a second subject of "said", as the tagger and parser had it:
 * a participle with an object is the main verb, and its noun the doer, not the victim. */
DYAD_TEST(events_participle_of_a_second_subject)
{
    if (!dyad_test_shipped())
        return;
    static const char conllu[] =
        "1\tIsraeli\tIsraeli\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
        "2\tforces\tforce\tNOUN\tNNS\t_\t9\tnsubj\t_\t_\n"
        "3\tkilled\tkill\tVERB\tVBN\t_\t2\tacl\t_\t_\n"
        "4\t20\t20\tNUM\tCD\t_\t5\tnummod\t_\t_\n"
        "5\tPalestinians\tPalestinian\tPROPN\tNNPS\t_\t3\tobj\t_\tSpaceAfter=No\n"
        "6\t,\t,\tPUNCT\t,\t_\t9\tpunct\t_\t_\n"
        "7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_\n"
        "8\tministry\tministry\tNOUN\tNN\t_\t9\tnsubj\t_\t_\n"
        "9\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
        "10\t.\t.\tPUNCT\t.\t_\t9\tpunct\t_\t_\n\n";
    dyad_doc *doc = coded_doc(conllu, sizeof conllu - 1);
    if (!doc)
        return;
    bool killed = false;
    for (size_t i = 0; i < doc->n_events; i++) {
        const dyad_event *e = &doc->events[i];
        CHECK(!(e->source.code && strcmp(e->source.code, "PSE") == 0));
        killed |= strcmp(e->cameo, "190") == 0 && e->source.code &&
                  strcmp(e->source.code, "ISRMIL") == 0 && e->target.code &&
                  strcmp(e->target.code, "PSE") == 0;
    }
    CHECK(killed);
    dyad_doc_free(doc);
}
