/* CoNLL-U reader: words, multiword ranges, comments, malformed input. */
#include "test.h"

#include <stdlib.h>
#include <unistd.h>

static const char *write_tmp(const char *content)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/dyad-conllu-%d.conllu", (int)getpid());
    FILE *f = fopen(path, "w");
    fputs(content, f);
    fclose(f);
    return path;
}

DYAD_TEST(conllu_reads_words_and_ranges)
{
    const char *path = write_tmp("# newdoc id = d\n# text = I don't.\n"
                                 "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
                                 "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
                                 "2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
                                 "3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n"
                                 "3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n"
                                 "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
    dyad_error err;
    dyad_treebank *tb = dyad_treebank_read(path, &err);
    CHECK(tb != NULL);
    if (!tb)
        return;
    CHECK(tb->n_sentences == 1);
    dyad_conllu_sentence *s = &tb->sentences[0];
    CHECK(s->n_words == 4 && s->n_ranges == 1 && s->newdoc == 1);
    CHECK_STR(s->text, "I don't.");
    CHECK_STR(s->words[2].lemma, "not");
    CHECK(s->words[2].head == 0 && s->words[0].head == 3);
    CHECK(s->ranges[0].first == 2 && s->ranges[0].last == 3);
    dyad_treebank_free(tb);
}

DYAD_TEST(conllu_rejects_malformed_lines)
{
    const char *path = write_tmp("1\tI\tI\tPRON\n\n");
    dyad_error err;
    CHECK(dyad_treebank_read(path, &err) == NULL);
    CHECK(strstr(err.message, ":1: malformed") != NULL);
    path = write_tmp("1\tI\tI\tPRON\tPRP\t_\t7\tnsubj\t_\t_\n\n");
    CHECK(dyad_treebank_read(path, &err) == NULL);
    CHECK(strstr(err.message, ":2: HEAD out of range") != NULL);
    /* heads in a cycle: every walk up the tree would go round forever */
    static const char cycle[] = "1\tI\tI\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
                                "2\tsaw\tsee\tVERB\tVBD\t_\t3\tconj\t_\t_\n"
                                "3\tit\tit\tPRON\tPRP\t_\t2\tobj\t_\t_\n"
                                "4\t.\t.\tPUNCT\t.\t_\t0\troot\t_\t_\n\n";
    CHECK(dyad_treebank_parse("cyc", cycle, sizeof cycle - 1, &err) == NULL);
    CHECK_STR(err.message, "cyc:5: the HEAD column makes a cycle (no path to the root)");
    CHECK(dyad_treebank_read("/nonexistent/x.conllu", &err) == NULL);
    CHECK(strstr(err.message, "/nonexistent/x.conllu") != NULL);
}

DYAD_TEST(conllu_skips_empty_nodes_after_word_zero)
{
    /* GUM has "0.1" empty nodes before the first word. */
    const char *path = write_tmp("0.1\tbe\tbe\tAUX\tVB\t_\t_\t_\t1:cop\t_\n"
                                 "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n");
    dyad_error err;
    dyad_treebank *tb = dyad_treebank_read(path, &err);
    CHECK(tb != NULL && tb->n_sentences == 1 && tb->sentences[0].n_words == 1);
    dyad_treebank_free(tb);
}
