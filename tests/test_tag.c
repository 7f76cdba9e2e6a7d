/* Tagger and lemmatizer: training on a tiny treebank, save/load, corrupt payloads, lemmas. */
#include "test.h"
#include "../src/tag/tag_impl.h"

#include <stdlib.h>
#include <unistd.h>

#define W(id, form, lemma, upos, xpos, feats) \
    id "\t" form "\t" lemma "\t" upos "\t" xpos "\t" feats "\t0\troot\t_\t_\n"
#define PERIOD(id) W(id, ".", ".", "PUNCT", ".", "_")
#define THE(id) W(id, "the", "the", "DET", "DT", "Definite=Def|PronType=Art")
#define PAST3S "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"

static const char tiny[] =
    W("1", "I", "I", "PRON", "PRP", "Case=Nom|Number=Sing|Person=1|PronType=Prs")
    W("2", "did", "do", "AUX", "VBD", "Mood=Ind|Number=Sing|Person=1|Tense=Past|VerbForm=Fin")
    W("3", "n't", "not", "PART", "RB", "Polarity=Neg")
    W("4", "see", "see", "VERB", "VB", "VerbForm=Inf") THE("5")
    W("6", "dogs", "dog", "NOUN", "NNS", "Number=Plur") PERIOD("7") "\n"
    W("1", "She", "she", "PRON", "PRP", "Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs")
    W("2", "walked", "walk", "VERB", "VBD", PAST3S) THE("3")
    W("4", "dog", "dog", "NOUN", "NN", "Number=Sing") PERIOD("5") "\n"
    W("1", "The", "the", "DET", "DT", "Definite=Def|PronType=Art")
    W("2", "cats", "cat", "NOUN", "NNS", "Number=Plur")
    W("3", "played", "play", "VERB", "VBD", "Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin")
    PERIOD("4") "\n"
    W("1", "It", "it", "PRON", "PRP", "Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs")
    W("2", "'s", "be", "AUX", "VBZ", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")
    W("3", "a", "a", "DET", "DT", "Definite=Ind|PronType=Art")
    W("4", "cat", "cat", "NOUN", "NN", "Number=Sing") PERIOD("5") "\n"
    W("1", "Mary", "Mary", "PROPN", "NNP", "Number=Sing")
    W("2", "studies", "study", "VERB", "VBZ", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")
    W("3", "books", "book", "NOUN", "NNS", "Number=Plur") PERIOD("4") "\n";

static dyad_treebank *tiny_treebank(void)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/dyad-tag-%d.conllu", (int)getpid());
    FILE *f = fopen(path, "w");
    if (!f)
        return NULL;
    fputs(tiny, f);
    fclose(f);
    dyad_error err;
    dyad_treebank *tb = dyad_treebank_read(path, &err);
    unlink(path);
    return tb;
}

static dyad_tagger *tiny_tagger(dyad_treebank **tb)
{
    *tb = tiny_treebank();
    if (!*tb)
        return NULL;
    const dyad_treebank *train[1] = {*tb};
    dyad_error err;
    dyad_tagger *t = dyad_tagger_train(train, 1, NULL, 0, 8, 42, NULL, NULL, &err);
    if (!t)
        fprintf(stderr, "  train: %s\n", err.message);
    return t;
}

/* Tags sentence s of tb and writes "form/UPOS/XPOS/FEATS/lemma ..." into out. */
static void tag_line(const dyad_tagger *t, const dyad_conllu_sentence *s, dyad_buf *out)
{
    const char *forms[32];
    size_t lens[32];
    dyad_tag_result res[32];
    int n = s->n_words < 32 ? s->n_words : 32;
    for (int i = 0; i < n; i++) {
        forms[i] = s->words[i].form;
        lens[i] = strlen(forms[i]);
    }
    dyad_arena *arena = dyad_arena_new();
    CHECK(dyad_tagger_tag(t, forms, lens, n, res, arena) == DYAD_OK);
    for (int i = 0; i < n; i++)
        dyad_buf_printf(out, "%s/%s/%s/%s/%s ", forms[i], res[i].upos, res[i].xpos,
                        res[i].feats, res[i].lemma);
    dyad_buf_putc(out, '\n');
    dyad_arena_free(arena);
}

/* Gold line in the same shape, from the treebank itself. */
static void gold_line(const dyad_conllu_sentence *s, dyad_buf *out)
{
    for (int i = 0; i < s->n_words; i++) {
        const dyad_conllu_word *w = &s->words[i];
        dyad_buf_printf(out, "%s/%s/%s/%s/%s ", w->form, w->upos, w->xpos, w->feats, w->lemma);
    }
    dyad_buf_putc(out, '\n');
}

DYAD_TEST(tag_tiny_treebank_learned_exactly)
{
    dyad_treebank *tb;
    dyad_tagger *t = tiny_tagger(&tb);
    CHECK(t != NULL);
    if (t) {
        for (size_t s = 0; s < tb->n_sentences; s++) {
            dyad_buf got, want;
            dyad_buf_init(&got);
            dyad_buf_init(&want);
            tag_line(t, &tb->sentences[s], &got);
            gold_line(&tb->sentences[s], &want);
            CHECK_STR(got.data, want.data);
            dyad_buf_free(&got);
            dyad_buf_free(&want);
        }
        CHECK(tb->n_sentences == 5);
    }
    dyad_tagger_free(t);
    dyad_treebank_free(tb);
}

DYAD_TEST(tag_training_is_deterministic_and_round_trips)
{
    dyad_treebank *tb, *tb2;
    dyad_tagger *a = tiny_tagger(&tb), *b = tiny_tagger(&tb2);
    CHECK(a && b);
    if (!a || !b)
        goto done;
    dyad_buf pa, pb;
    dyad_buf_init(&pa);
    dyad_buf_init(&pb);
    CHECK(dyad_tagger_save(a, &pa) == DYAD_OK && dyad_tagger_save(b, &pb) == DYAD_OK);
    CHECK(pa.len == pb.len && memcmp(pa.data, pb.data, pa.len) == 0);
    /* Loads both in place and from an odd address (copied then). */
    char *odd = malloc(pa.len + 1);
    memcpy(odd + 1, pa.data, pa.len);
    dyad_error err;
    dyad_tagger *c = dyad_tagger_load(pa.data, pa.len, &err);
    dyad_tagger *d = dyad_tagger_load(odd + 1, pa.len, &err);
    CHECK(c && d);
    for (size_t s = 0; c && d && s < tb->n_sentences; s++) {
        dyad_buf ga, gc, gd;
        dyad_buf_init(&ga);
        dyad_buf_init(&gc);
        dyad_buf_init(&gd);
        tag_line(a, &tb->sentences[s], &ga);
        tag_line(c, &tb->sentences[s], &gc);
        tag_line(d, &tb->sentences[s], &gd);
        CHECK_STR(gc.data, ga.data);
        CHECK_STR(gd.data, ga.data);
        dyad_buf_free(&ga);
        dyad_buf_free(&gc);
        dyad_buf_free(&gd);
    }
    dyad_tagger_free(c);
    dyad_tagger_free(d);
    free(odd);
    dyad_buf_free(&pa);
    dyad_buf_free(&pb);
done:
    dyad_tagger_free(a);
    dyad_tagger_free(b);
    dyad_treebank_free(tb);
    dyad_treebank_free(tb2);
}

/* Tags a sentence with a tagger that passed validation: must not crash. */
static void tag_anything(const dyad_tagger *t)
{
    const char *forms[] = {"The", "studies", "n't", "", "Zaman", "\xc3\xa9t\xc3\xa9s"};
    size_t lens[] = {3, 7, 3, 0, 5, 7};
    dyad_tag_result res[6];
    dyad_arena *arena = dyad_arena_new();
    CHECK(dyad_tagger_tag(t, forms, lens, 6, res, arena) == DYAD_OK);
    dyad_arena_free(arena);
}

DYAD_TEST(tag_rejects_truncated_and_corrupt_payloads)
{
    dyad_treebank *tb;
    dyad_tagger *t = tiny_tagger(&tb);
    CHECK(t != NULL);
    if (!t)
        return;
    dyad_buf p;
    dyad_buf_init(&p);
    dyad_tagger_save(t, &p);
    dyad_error err;
    for (size_t len = 0; len < p.len; len += 1 + len / 16) {
        err.code[0] = '\0';
        char *copy = malloc(len + 1);
        memcpy(copy, p.data, len);
        dyad_tagger *bad = dyad_tagger_load(copy, len, &err);
        CHECK(bad == NULL);
        CHECK_STR(err.code, "tagger_corrupt");
        dyad_tagger_free(bad);
        free(copy);
    }
    char *copy = malloc(p.len);
    memcpy(copy, p.data, p.len);
    copy[0] = 'X';
    CHECK(dyad_tagger_load(copy, p.len, &err) == NULL && err.status == DYAD_EMODEL);
    CHECK(strstr(err.message, "header") != NULL);
    /* Every single-byte corruption either fails cleanly or still tags safely. */
    uint64_t state = 7;
    for (int k = 0; k < 3000; k++) {
        memcpy(copy, p.data, p.len);
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t at = (size_t)(state >> 33) % p.len;
        copy[at] = (char)(copy[at] ^ (1 + (state >> 20) % 255));
        dyad_tagger *maybe = dyad_tagger_load(copy, p.len, &err);
        if (maybe)
            tag_anything(maybe);
        dyad_tagger_free(maybe);
    }
    free(copy);
    dyad_buf_free(&p);
    dyad_tagger_free(t);
    dyad_treebank_free(tb);
}

DYAD_TEST(tag_lemmas_seen_and_unseen)
{
    dyad_treebank *tb;
    dyad_tagger *t = tiny_tagger(&tb);
    CHECK(t != NULL);
    if (!t)
        return;
    dyad_arena *arena = dyad_arena_new();
    static const char *const cases[][3] = {
        {"n't", "RB", "not"},     {"'s", "VBZ", "be"},        {"I", "PRP", "I"},
        {"The", "DT", "the"},     {"dogs", "NNS", "dog"},     {"Mary", "NNP", "Mary"},
        {"Studies", "VBZ", "study"}, /* seen lower-cased */
        {"tables", "NNS", "table"}, {"Tables", "NNS", "table"}, /* unseen plurals */
        {"jumped", "VBD", "jump"}, {"carries", "VBZ", "carry"}, /* unseen verbs */
        {"Zorba", "NNP", "Zorba"}, {"s", "NNS", "s"},
        /* irregular forms the tiny treebank never saw: WordNet's exceptions */
        {"fled", "VBD", "flee"},   {"Slain", "VBN", "slay"},  {"crises", "NNS", "crisis"},
        {"worse", "JJR", "bad"},
        /* a suffix rule's verb that WordNet does not know: the other inflections */
        {"blamed", "VBD", "blame"}, {"convened", "VBN", "convene"}, {"planned", "VBD", "plan"},
        {"intervening", "VBG", "intervene"}, {"rebukes", "VBZ", "rebuke"},
        {"watches", "VBZ", "watch"}, {"tried", "VBD", "try"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_STR(tag_lemma(t, cases[i][0], strlen(cases[i][0]), cases[i][1], arena),
                  cases[i][2]);
    dyad_arena_free(arena);
    dyad_tagger_free(t);
    dyad_treebank_free(tb);
}

DYAD_TEST(tag_train_rejects_empty_input)
{
    dyad_error err;
    CHECK(dyad_tagger_train(NULL, 0, NULL, 0, 1, 1, NULL, NULL, &err) == NULL);
    CHECK(err.status == DYAD_EINVAL);
}

/* On the real treebanks: a short training run must reach a sane accuracy. */
DYAD_TEST(tag_ewt_dev_accuracy)
{
    char train_path[512], dev_path[512];
    if (!dyad_shared_path("data/ud/UD_English-EWT/en_ewt-ud-train.conllu", train_path,
                          sizeof train_path) ||
        !dyad_shared_path("data/ud/UD_English-EWT/en_ewt-ud-dev.conllu", dev_path,
                          sizeof dev_path))
        return;
    dyad_error err;
    dyad_treebank *train = dyad_treebank_read(train_path, &err);
    dyad_treebank *dev = dyad_treebank_read(dev_path, &err);
    CHECK(train && dev);
    if (train && dev) {
        const dyad_treebank *tr[1] = {train}, *dv[1] = {dev};
        dyad_tagger *t = dyad_tagger_train(tr, 1, NULL, 0, 1, 1, NULL, NULL, &err);
        dyad_tag_scores sc;
        CHECK(t && dyad_tagger_evaluate(t, dv, 1, &sc) == DYAD_OK);
        CHECK(sc.words == 25147);
        CHECK(sc.upos * 100 >= sc.words * 93); /* 1 epoch, EWT only: about 94 */
        CHECK(sc.lemma * 100 >= sc.words * 95);
        dyad_tagger_free(t);
    }
    dyad_treebank_free(train);
    dyad_treebank_free(dev);
}
