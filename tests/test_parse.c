/* Parser tests: learning a tree, well-formed output, the shipped model's accuracy
 * floor on a fixed EWT dev slice, and the CoNLL-U writer. */
#include "test.h"
#include "../src/parse/parser.h"
#include "../src/parse/state.h"
#include "../src/parse/weights.h"

#include <stdlib.h>

#define SHIPPED_MODEL "data/model/dyad-en.model"
#define SLICE "tests/data/ud/en_ewt-dev-300.conllu"
/* About three points under what the shipped model measured on this slice
 * (UPOS 95.88, UAS 85.30, LAS 82.48 on 2026-11-29). */
#define UPOS_FLOOR 93.0
#define UAS_FLOOR 82.0
#define LAS_FLOOR 79.0

/* "The cat sat on the mat ." and a non-projective "A hearing is scheduled on the issue today ." */
static const char *const s1_form[] = {"The", "cat", "sat", "on", "the", "mat", "."};
static const char *const s1_upos[] = {"DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"};
static const char *const s1_xpos[] = {"DT", "NN", "VBD", "IN", "DT", "NN", "."};
static const int s1_head[] = {2, 3, 0, 6, 6, 3, 3};
static const char *const s1_rel[] = {"det", "nsubj", "root", "case", "det", "obl", "punct"};
static const char *const s2_form[] = {"A", "hearing", "is", "scheduled", "on", "the", "issue", "today", "."};
static const char *const s2_upos[] = {"DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "NOUN", "PUNCT"};
static const char *const s2_xpos[] = {"DT", "NN", "VBZ", "VBN", "IN", "DT", "NN", "NN", "."};
static const int s2_head[] = {2, 4, 4, 0, 7, 7, 2, 4, 4};
static const char *const s2_rel[] = {"det", "nsubj:pass", "aux:pass", "root", "case", "det", "nmod", "obl:tmod", "punct"};

/* A parser input over form, its lengths written into len[n]. */
static dyad_parse_input parse_input(int n, const char *const *form, size_t *len,
                                    const char *const *upos, const char *const *xpos)
{
    for (int i = 0; i < n; i++)
        len[i] = strlen(form[i]);
    return (dyad_parse_input){n, form, len, upos, xpos};
}

static void make_gold(dyad_parse_gold *g, int n, const char *const *form, size_t *len,
                      const char *const *upos, const char *const *xpos, const int *head,
                      const char *const *rel)
{
    *g = (dyad_parse_gold){parse_input(n, form, len, upos, xpos), head, rel};
}

/* True when heads form one tree: one root, all in range, no cycle. */
static bool is_tree(const int *head, int n)
{
    int roots = 0;
    for (int i = 0; i < n; i++) {
        if (head[i] < -1 || head[i] >= n || head[i] == i)
            return false;
        roots += head[i] == -1;
        int k = i, steps = 0;
        while (k >= 0 && steps++ <= n)
            k = head[k];
        if (k != -1)
            return false;
    }
    return roots == 1;
}

DYAD_TEST(parse_learns_trees)
{
    size_t l1[7], l2[9];
    dyad_parse_gold g[2];
    make_gold(&g[0], 7, s1_form, l1, s1_upos, s1_xpos, s1_head, s1_rel);
    make_gold(&g[1], 9, s2_form, l2, s2_upos, s2_xpos, s2_head, s2_rel);
    dyad_error err;
    dyad_parser *p = dyad_parser_train(g, 2, g, 1, 8, 7, NULL, NULL, &err);
    CHECK(p != NULL);
    if (!p)
        return;
    int head[9];
    const char *rel[9];
    CHECK(dyad_parser_parse(p, &g[0].in, head, rel) == DYAD_OK);
    for (int i = 0; i < 7; i++) {
        CHECK(head[i] == s1_head[i] - 1);
        CHECK_STR(rel[i], s1_rel[i]);
    }
    /* The non-projective arc issue <- hearing is lifted in training; the rest is learnt. */
    CHECK(dyad_parser_parse(p, &g[1].in, head, rel) == DYAD_OK);
    CHECK(is_tree(head, 9));
    CHECK(head[3] == -1 && head[1] == 3 && head[7] == 3 && head[5] == 6);
    CHECK_STR(rel[1], "nsubj:pass");
    dyad_parser_free(p);
}

DYAD_TEST(parse_section_roundtrip)
{
    size_t l1[7];
    dyad_parse_gold g;
    make_gold(&g, 7, s1_form, l1, s1_upos, s1_xpos, s1_head, s1_rel);
    dyad_error err;
    dyad_parser *p = dyad_parser_train(&g, 1, NULL, 0, 3, 1, NULL, NULL, &err);
    dyad_buf b, b2;
    dyad_buf_init(&b);
    dyad_buf_init(&b2);
    CHECK(p && dyad_parser_save(p, &b) == DYAD_OK);
    void *copy = aligned_alloc(64, (b.len + 63) / 64 * 64);
    memcpy(copy, b.data, b.len);
    dyad_parser *q = dyad_parser_load(copy, b.len, &err);
    CHECK(q != NULL);
    CHECK(q && dyad_parser_save(q, &b2) == DYAD_OK && b2.len == b.len &&
          memcmp(b.data, b2.data, b.len) == 0);
    CHECK(dyad_parser_load(copy, b.len / 2, &err) == NULL);
    CHECK_STR(err.code, "model_parser");
    dyad_parser_free(q);
    dyad_parser_free(p);
    free(copy);
    dyad_buf_free(&b);
    dyad_buf_free(&b2);
}

/* One sentence of the given words, separated by spaces, not yet tagged. */
static dyad_doc *words_doc(const char *const *words, int n)
{
    dyad_doc *doc = dyad_doc_new();
    if (!doc)
        return NULL;
    dyad_buf text;
    dyad_buf_init(&text);
    doc->tokens = dyad_arena_calloc(doc->arena, (size_t)n, sizeof *doc->tokens);
    for (int k = 0; k < n; k++) {
        doc->tokens[k].start = (uint32_t)text.len;
        dyad_buf_puts(&text, words[k]);
        doc->tokens[k].end = (uint32_t)text.len;
        dyad_buf_putc(&text, ' ');
    }
    doc->text = dyad_doc_strdup(doc, text.data, text.len);
    doc->text_len = text.len;
    doc->n_tokens = (size_t)n;
    doc->sentences = dyad_arena_calloc(doc->arena, 1, sizeof *doc->sentences);
    doc->sentences[0] = (dyad_sentence){0, (uint32_t)n, 0, (uint32_t)text.len};
    doc->n_sentences = 1;
    dyad_buf_free(&text);
    return doc;
}

/* LAS of the shipped model on the fixed slice, gold tokenization. */
DYAD_TEST(parse_shipped_model_floor)
{
    dyad_error err;
    dyad_model *m = dyad_model_load(SHIPPED_MODEL, &err);
    dyad_treebank *tb = dyad_treebank_read(SLICE, &err);
    CHECK(m != NULL && tb != NULL);
    if (!m || !tb) {
        fprintf(stderr, "  %s\n", err.message);
        dyad_model_free(m);
        dyad_treebank_free(tb);
        return;
    }
    long words = 0, upos = 0, uas = 0, las = 0, trees = 0;
    for (size_t s = 0; s < tb->n_sentences; s++) {
        const dyad_conllu_sentence *cs = &tb->sentences[s];
        const char **forms = malloc((size_t)cs->n_words * sizeof *forms);
        for (int k = 0; forms && k < cs->n_words; k++)
            forms[k] = cs->words[k].form;
        dyad_doc *doc = forms ? words_doc(forms, cs->n_words) : NULL;
        free(forms);
        CHECK(doc != NULL);
        if (!doc)
            break;
        CHECK(dyad_model_annotate(m, doc) == DYAD_OK);
        int head[512];
        for (int k = 0; k < cs->n_words; k++) {
            const dyad_token *t = &doc->tokens[k];
            bool hit = t->head + 1 == cs->words[k].head;
            size_t n = strcspn(cs->words[k].deprel, ":");
            words++;
            upos += t->upos && strcmp(t->upos, cs->words[k].upos) == 0;
            uas += hit;
            las += hit && t->deprel && strncmp(t->deprel, cs->words[k].deprel, n) == 0 &&
                   (t->deprel[n] == '\0' || t->deprel[n] == ':');
            if (k < 512)
                head[k] = t->head;
        }
        trees += cs->n_words <= 512 && is_tree(head, cs->n_words);
        dyad_doc_free(doc);
    }
    double pu = 100.0 * upos / words, pa = 100.0 * uas / words, pl = 100.0 * las / words;
    printf("  %ld words: UPOS %.2f UAS %.2f LAS %.2f\n", words, pu, pa, pl);
    CHECK(trees == (long)tb->n_sentences);
    CHECK(pu >= UPOS_FLOOR);
    CHECK(pa >= UAS_FLOOR);
    CHECK(pl >= LAS_FLOOR);
    dyad_treebank_free(tb);
    dyad_model_free(m);
}

static char *conllu_of(dyad_doc *doc)
{
    size_t len;
    char *out = dyad_doc_to_conllu(doc, &len);
    CHECK(out && strlen(out) == len);
    return out;
}

DYAD_TEST(write_conllu_exact)
{
    dyad_doc *doc = dyad_doc_new();
    const char *text = "Hi there.\nBye";
    doc->id = "d1";
    doc->text = dyad_doc_strdup(doc, text, strlen(text));
    doc->text_len = strlen(text);
    dyad_token toks[4] = {
        {0, 2, DYAD_TOKEN_SPACE_AFTER, "INTJ", "UH", "_", "hi", 1, "discourse"},
        {3, 8, 0, "ADV", "RB", NULL, "there", -1, "root"},
        {8, 9, DYAD_TOKEN_SPACE_AFTER, "PUNCT", ".", NULL, ".", 1, "punct"},
        {10, 13, 0, NULL, NULL, NULL, NULL, -1, NULL}};
    dyad_sentence sents[2] = {{0, 3, 0, 9}, {3, 1, 10, 13}};
    doc->tokens = toks, doc->n_tokens = 4, doc->sentences = sents, doc->n_sentences = 2;
    char *out = conllu_of(doc);
    CHECK_STR(out, "# newdoc id = d1\n"
                   "# sent_id = d1-1\n# text = Hi there.\n"
                   "1\tHi\thi\tINTJ\tUH\t_\t2\tdiscourse\t_\t_\n"
                   "2\tthere\tthere\tADV\tRB\t_\t0\troot\t_\tSpaceAfter=No\n"
                   "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
                   "# sent_id = d1-2\n# text = Bye\n"
                   "1\tBye\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
    free(out);
    doc->n_sentences = 0, doc->id = NULL;
    out = conllu_of(doc);
    CHECK_STR(out, "");
    free(out);
    doc->tokens = NULL, doc->sentences = NULL;
    dyad_doc_free(doc);
}

static int by_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

#define PART_MAX 64 /* features of one part at most */

/* The parts a parse stores: the front's buffer and front parts, each word's stack and
 * top parts. */
typedef struct stored_parts {
    uint64_t buffer[PART_MAX], front[PART_MAX], stack[11][PART_MAX], top[11][PART_MAX];
    int n_buffer, n_front, n_stack[11], n_top[11];
} stored_parts;

/* Stores the parts the last move changed, by the parser's rule (score_state). */
static void parts_store(const pstate *s, stored_parts *p, int last)
{
    int t = s->stack[s->sp - 1];
    if (last == MOVE_SHIFT) {
        p->n_buffer = pstate_part_features(s, PFEAT_BUFFER, p->buffer);
        p->n_stack[t] = pstate_part_features(s, PFEAT_STACK, p->stack[t]);
    }
    if (last != MOVE_RIGHT)
        p->n_front = pstate_part_features(s, PFEAT_FRONT, p->front);
    if (last != MOVE_LEFT)
        p->n_top[t] = pstate_part_features(s, PFEAT_TOP, p->top[t]);
}

/* Appends n features to f at *k. */
static void feats_put(uint64_t *f, int *k, const uint64_t *from, int n)
{
    memcpy(f + *k, from, (size_t)n * sizeof *f);
    *k += n;
}

/* Whether the stored parts and the rest are the features pstate_features gives. */
static bool parts_cover(const pstate *s, const stored_parts *p)
{
    uint64_t all[PARSE_MAX_FEATS], split[PARSE_MAX_FEATS + 4 * PART_MAX];
    int t = s->stack[s->sp - 1], na = pstate_features(s, all);
    int ns = pstate_part_features(s, PFEAT_REST, split);
    feats_put(split, &ns, p->buffer, p->n_buffer);
    feats_put(split, &ns, p->front, p->n_front);
    feats_put(split, &ns, p->stack[t], p->n_stack[t]);
    feats_put(split, &ns, p->top[t], p->n_top[t]);
    qsort(all, (size_t)na, sizeof *all, by_u64);
    qsort(split, (size_t)ns, sizeof *split, by_u64);
    return na == ns && memcmp(all, split, (size_t)na * sizeof *all) == 0;
}

/* The parser scores each part of the features only after a move that changed it
 * (exact tables): the parts stored then must stay those of every later state until
 * the next change, here along parses of both sentences that take every move. */
DYAD_TEST(parse_part_features_cover_all)
{
    size_t len1[7], len2[9];
    dyad_parse_gold g[2];
    stored_parts *p = calloc(1, sizeof *p);
    CHECK(p != NULL);
    make_gold(&g[0], 7, s1_form, len1, s1_upos, s1_xpos, s1_head, s1_rel);
    make_gold(&g[1], 9, s2_form, len2, s2_upos, s2_xpos, s2_head, s2_rel);
    for (int k = 0; p && k < 2; k++) {
        pstate s;
        int last = MOVE_SHIFT;
        CHECK(pstate_init(&s, &g[k].in, NULL));
        for (int step = 0; !pstate_terminal(&s); step++) {
            int move = step % 3 == 0 ? MOVE_RIGHT : step % 3 == 1 ? MOVE_LEFT : MOVE_SHIFT;
            while (!pstate_valid(&s, move)) /* one of the three always is */
                move = (move + 1) % 3;
            if (s.sp > 0) {
                parts_store(&s, p, last);
                CHECK(parts_cover(&s, p));
            }
            pstate_apply(&s, move, step % 5);
            last = move;
        }
        pstate_free(&s);
    }
    free(p);
}

/* A frozen table whose slot points past its words is refused (and frees what the check
 * allocated: ASan's leak check runs this in the sanitizer build). */
DYAD_TEST(parse_weights_reject_offsets_out_of_range)
{
    /* 2 slots, 2 words: slot 0 -> offset 0 (a list of 1 entry), slot 1 -> offset 9 */
    uint32_t table[2 + 4 + 2] = {2, 2, 0x1235u, 0, 0x5679u, 9, 1, 0x3f800001u};
    dyad_wfrozen f;
    size_t used = 0;
    CHECK(!dyad_wfrozen_load(&f, table, sizeof table, 4, &used));
    table[5] = 0; /* both slots at the list: accepted */
    CHECK(dyad_wfrozen_load(&f, table, sizeof table, 4, &used) && used == sizeof table);
}

/* XPOS and lemma ("VBD shoot") of word `at` of the given words, tagged and parsed by
 * the model as one sentence. */
static const char *tagged(dyad_model *m, const char *const *words, int n, int at)
{
    dyad_doc *doc = words_doc(words, n);
    static char out[64];
    out[0] = '\0';
    if (doc && dyad_model_annotate(m, doc) == DYAD_OK && doc->tokens[at].xpos)
        snprintf(out, sizeof out, "%s %s", doc->tokens[at].xpos,
                 doc->tokens[at].lemma ? doc->tokens[at].lemma : "");
    dyad_doc_free(doc);
    return out;
}

/* XPOS of word `at` of the given words tagged as a headline (a line of a list of them). */
static const char *headline_tag_of(dyad_model *m, const char *const *words, int n, int at)
{
    dyad_doc *doc = words_doc(words, n);
    static char xpos[16];
    xpos[0] = '\0';
    if (doc)
        doc->format = "lines";
    if (doc && dyad_model_annotate(m, doc) == DYAD_OK && doc->tokens[at].xpos)
        snprintf(xpos, sizeof xpos, "%s", doc->tokens[at].xpos);
    dyad_doc_free(doc);
    return xpos;
}

/* XPOS of word `at` of the given words, tagged and parsed by the model as one sentence. */
static const char *tag_of(dyad_model *m, const char *const *words, int n, int at)
{
    const char *t = tagged(m, words, n, at);
    static char xpos[16];
    snprintf(xpos, sizeof xpos, "%.*s", (int)strcspn(t, " "), t);
    return xpos;
}

/* Constraints of English over the tagger's choice: a base verb after a modal, no finite
 * verb after a possessive, a finite verb in a sentence with a full stop (a participle,
 * else a word seen as one), a verb for an
 * interjection between a noun and its object, no gerund without "-ing" (the shipped
 * model tagged these JJ, VBD, VBN, UH and VBG), but a participle with its agent stays
 * one. */
DYAD_TEST(tag_grammar_constraints)
{
    dyad_error err;
    dyad_model *m = dyad_model_load(SHIPPED_MODEL, &err);
    CHECK(m != NULL);
    if (!m)
        return;
    static const char *const modal[] = {"Israel", "said", "it", "would", "free", "the",
                                        "prisoners", "."};
    static const char *const adverb[] = {"Russia", "will", "not", "free", "them", "."};
    static const char *const possessive[] = {"Pelosi", "called", "Trump", "'s", "conduct",
                                             "a", "breach", "of", "duty", "."};
    static const char *const finite[] = {"Twin", "bombings", "yesterday", "struck", "the",
                                         "Jolo", "Cathedral", "in", "Mindanao", "."};
    static const char *const agent[] = {"A", "leader", "loved", "by", "all", "."};
    static const char *const welcome[] = {"Arnor", "and", "Gondor", "welcome", "a",
                                          "resumption", "of", "ties", "."};
    static const char *const gerund[] = {"Pyongyang", "on", "Thursday", "fired", "two",
                                         "shells", "at", "Seoul", "."};
    CHECK_STR(tag_of(m, modal, 8, 4), "VB");
    CHECK_STR(tag_of(m, adverb, 6, 3), "VB");
    CHECK_STR(tag_of(m, possessive, 10, 4), "NN");
    CHECK_STR(tag_of(m, finite, 10, 3), "VBD");
    CHECK_STR(tag_of(m, agent, 6, 2), "VBN");
    CHECK_STR(tag_of(m, welcome, 9, 3), "VBP");
    CHECK_STR(tag_of(m, gerund, 9, 0), "NNP");
    /* "amid" is a preposition, also where the treebanks' few sightings did not teach it */
    static const char *const amid[] = {"The", "talks", "collapsed", "amid", "reports", "of",
                                       "fraud", "."};
    static const char *const opening[] = {"Amid", "the", "protests", ",", "the", "president",
                                          "resigned", "."};
    CHECK_STR(tagged(m, amid, 8, 3), "IN amid");
    CHECK_STR(tagged(m, opening, 8, 0), "IN amid");
    /* after a noun of intent, "to" and a word that can be a verb are an infinitive */
    static const char *const refusal[] = {"Trump", "'s", "refusal", "to", "debate", "Biden",
                                          "drew", "criticism", "."};
    CHECK_STR(tag_of(m, refusal, 9, 4), "VB");
    /* a headline (a title, or a line of a list of them) with no finite verb has its
     * present tense after the subject */
    static const char *const headline[] = {"Police", "shoot", "man", "dead", "in", "London"};
    CHECK_STR(headline_tag_of(m, headline, 6, 1), "VBP");
    /* a clause opened by "unless" ends in its verb: "withdraws" there is no plural */
    static const char *const unless[] = {"Unless", "Russia", "withdraws", ",", "the", "EU",
                                         "will", "act", "."};
    CHECK_STR(tag_of(m, unless, 9, 2), "VBZ");
    /* a word in capitals never seen before a finite verb is a name, shouted lines aside */
    static const char *const acronym[] = {"UNICEF", "had", "delivered", "vaccines", "."};
    static const char *const plural[] = {"ECOWAS", "imposed", "sanctions", "on", "Mali", "."};
    CHECK_STR(tag_of(m, acronym, 5, 0), "NNP");
    CHECK_STR(tag_of(m, plural, 6, 0), "NNP");
    /* an "-ed" word between a preposition and a noun modifies the noun */
    static const char *const besieged[] = {"Russia", "launched", "a", "new", "offensive",
                                           "against", "besieged", "Kharkiv", "."};
    CHECK_STR(tag_of(m, besieged, 9, 6), "JJ");
    /* a sentence's first word the tagger made an adjective it never saw as one is the
     * subject of a past tense it misread too */
    static const char *const cut[] = {"Bahrain", "cut", "diplomatic", "ties", "with", "Qatar",
                                      "."};
    CHECK_STR(tag_of(m, cut, 7, 1), "VBD");
    /* no participle either: a noun the treebanks saw as a participle, lemmatized as one */
    static const char *const noun[] = {"Unknown", "gunmen", "shot", "a", "journalist", "in",
                                       "Homs", "."};
    CHECK_STR(tagged(m, noun, 8, 2), "VBD shoot");
    /* a doubled consonant the stem keeps: "shelled" is "shell", "travelled" "travel" */
    static const char *const shelled[] = {"Russian", "forces", "shelled", "Kherson", "."};
    CHECK_STR(tagged(m, shelled, 5, 2), "VBD shell");
    static const char *const travelled[] = {"They", "travelled", "to", "Paris", "."};
    CHECK_STR(tagged(m, travelled, 5, 1), "VBD travel");
    static const char *const adjective[] = {"Protesters", "set", "fire", "to", "the",
                                            "parliament", "."};
    CHECK_STR(tag_of(m, adjective, 7, 1), "VBD");
    /* an infinitive after it is no finite verb of the sentence */
    static const char *const infinitive[] = {"The", "Venezuelan", "opposition", "called", "for",
                                             "the", "government", "to", "resign", "."};
    CHECK_STR(tag_of(m, infinitive, 10, 3), "VBD");
    static const char *const fragment[] = {"Ministry", "of", "Defence", "statement", "."};
    CHECK_STR(tag_of(m, fragment, 5, 3), "NN");
    /* a capitalized word never seen is of no closed class: "Xi" is no pronoun */
    static const char *const unseen[] = {"Xi", "will", "visit", "France", "next", "week", "."};
    CHECK_STR(tag_of(m, unseen, 7, 0), "NNP");
    /* the sentence before a closing attribution has a finite verb of its own */
    static const char *const attributed[] = {"Israeli", "forces", "killed", "at", "least", "20",
                                             "Palestinians", "in", "an", "airstrike", "on", "a",
                                             "school", "in", "Gaza", "on", "Thursday", ",",
                                             "the", "Hamas", "-", "run", "health", "ministry",
                                             "said", "."};
    CHECK_STR(tag_of(m, attributed, 26, 2), "VBD");
    /* a plural noun seen as a present tense before "to", in a sentence with no verb */
    static const char *const plans[] = {"The", "Venezuelan", "opposition", "plans", "to", "hold",
                                        "protests", "."};
    CHECK_STR(tag_of(m, plans, 8, 3), "VBZ");
    /* after an adjective of readiness, "to" and a base verb */
    static const char *const ready[] = {"Iran", "is", "ready", "to", "resume", "talks", "."};
    CHECK_STR(tag_of(m, ready, 7, 3), "TO");
    CHECK_STR(tag_of(m, ready, 7, 4), "VB");
    /* and after a verb that takes an infinitive, where the word can be a verb */
    static const char *const vowed[] = {"The", "militia", "vowed", "to", "wage", "war", "."};
    CHECK_STR(tag_of(m, vowed, 7, 3), "TO");
    CHECK_STR(tag_of(m, vowed, 7, 4), "VB");
    /* an "-ing" word after an article that modifies nothing after it is a noun */
    static const char *const stabbing[] = {"Polish", "President", "Andrzej", "Duda", "called",
                                           "the", "stabbing", "an", "act", "of", "barbarity",
                                           "."};
    CHECK_STR(tag_of(m, stabbing, 12, 6), "NN");
    /* an unseen irregular verb form is that verb: "froze" was a name after "The US" */
    static const char *const froze[] = {"The", "US", "froze", "$", "400", "million", "in",
                                        "aid", "to", "Ukraine", "."};
    CHECK_STR(tagged(m, froze, 11, 2), "VBD freeze");
    static const char *const strewn[] = {"Debris", "was", "strewn", "across", "the", "road",
                                         "."};
    CHECK_STR(tag_of(m, strewn, 7, 2), "VBN");
    /* a base verb after an article and a noun is a noun: "an arrest warrant" */
    static const char *const warrant[] = {"The", "court", "issued", "an", "arrest", "warrant",
                                          "for", "the", "general", "."};
    CHECK_STR(tag_of(m, warrant, 10, 5), "NN");
    static const char *const offer[] = {"Denmark", "rejected", "a", "US", "offer", "to",
                                        "buy", "Greenland", "."};
    CHECK_STR(tag_of(m, offer, 9, 4), "NN");
    /* between a subject and a noun, a participle then a past tense is the other way round */
    static const char *const promised[] = {"Speaking", "in", "Warsaw", ",", "the", "US",
                                           "secretary", "of", "state", "promised", "continued",
                                           "support", "for", "Ukraine", "."};
    CHECK_STR(tag_of(m, promised, 15, 9), "VBD");
    CHECK_STR(tag_of(m, promised, 15, 10), "VBN");
    /* headlines tell in the present tense: "kills" seen as a plural noun, an "-s" form
     * before a preposition or a comma, a base verb after a plural subject */
    static const char *const kills[] = {"Hotel", "fire", "kills", "seventeen", "in", "Delhi"};
    CHECK_STR(headline_tag_of(m, kills, 6, 2), "VBZ");
    CHECK_STR(tag_of(m, kills, 6, 2), "NNS"); /* (in a body, no headline's rules) */
    static const char *const votes[] = {"Iraqi", "parliament", "votes", "for", "expulsion",
                                        "of", "US", "troops"};
    CHECK_STR(headline_tag_of(m, votes, 8, 2), "VBZ");
    static const char *const compete[] = {"Students", "compete", "in", "international",
                                          "olympiad"};
    CHECK_STR(headline_tag_of(m, compete, 5, 1), "VBP");
    /* a sentence's own finite verb comes before its subordinate clause's */
    static const char *const surrounded[] = {"A", "group", "of", "protesters", "surrounded",
                                             "and", "allegedly", "threatened", "Senator",
                                             "Rand", "Paul", "as", "they", "exited", "the",
                                             "event", "."};
    CHECK_STR(tag_of(m, surrounded, 17, 4), "VBD");
    static const char *const rally[] = {"Thousands", "rally", "in", "Budapest", "against",
                                        "the", "government"};
    CHECK_STR(headline_tag_of(m, rally, 7, 1), "VBP");
    static const char *const seriously[] = {"Three", "children", "seriously", "injured", "as",
                                            "bus", "hits", "bridge"};
    CHECK_STR(headline_tag_of(m, seriously, 8, 2), "RB");
    /* the main clause's verb, whatever a clause after "as" has */
    static const char *const storm[] = {"Protesters", "storm", "parliament", "in", "Nepal",
                                        "as", "anger", "over", "social", "media", "ban",
                                        "grows"};
    CHECK_STR(headline_tag_of(m, storm, 12, 1), "VBP");
    dyad_model_free(m);
}

/* Two subjects of one verb, a title noun and the name after it, are one phrase: the title
 * describes the name, or after a determiner the name is the title's apposition. */
DYAD_TEST(parse_repair_title_subject)
{
    static const char *const form[] = {"Iraqi", "leader", "Saddam", "Hussein", "refused", "."};
    static const char *const upos[] = {"ADJ", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"};
    static const char *const xpos[] = {"JJ", "NN", "NNP", "NNP", "VBD", "."};
    size_t len[6];
    dyad_parse_input in = parse_input(6, form, len, upos, xpos);
    int head[6] = {1, 4, 4, 2, -1, 4};
    const char *rel[6] = {"amod", "nsubj", "nsubj", "flat", "root", "punct"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[1] == 2);
    CHECK_STR(rel[1], "nmod:desc");
    CHECK(head[2] == 4);

    static const char *const the_form[] = {"The", "leader", "Saddam", "Hussein", "refused"};
    static const char *const the_upos[] = {"DET", "NOUN", "PROPN", "PROPN", "VERB"};
    static const char *const the_xpos[] = {"DT", "NN", "NNP", "NNP", "VBD"};
    size_t the_len[5];
    dyad_parse_input the_in = parse_input(5, the_form, the_len, the_upos, the_xpos);
    int the_head[5] = {1, 4, 4, 2, -1};
    const char *the_rel[5] = {"det", "nsubj", "nsubj", "flat", "root"};
    dyad_parse_repair(&the_in, the_head, the_rel);
    CHECK(the_head[1] == 4 && the_head[2] == 1);
    CHECK_STR(the_rel[2], "appos");

    /* a plural noun and a date are no title and name: "lawmakers Tuesday endorsed" */
    static const char *const date_form[] = {"Lawmakers", "Tuesday", "endorsed", "it"};
    static const char *const date_upos[] = {"NOUN", "PROPN", "VERB", "PRON"};
    static const char *const date_xpos[] = {"NNS", "NNP", "VBD", "PRP"};
    size_t date_len[4];
    dyad_parse_input date_in = parse_input(4, date_form, date_len, date_upos, date_xpos);
    int date_head[4] = {2, 2, -1, 2};
    const char *date_rel[4] = {"nsubj", "nsubj", "root", "obj"};
    dyad_parse_repair(&date_in, date_head, date_rel);
    CHECK(date_head[0] == 2 && date_head[1] == 2);
}

/* "claimed its forces had captured the village" parsed as an object and a verb joined
 * with no "and": the verb heads what was claimed, the object is its subject; with "and"
 * it stays a coordination. */
DYAD_TEST(parse_repair_content_clause)
{
    static const char *const form[] = {"Russia", "claimed", "its", "forces", "had", "captured",
                                       "it", "and", "left"};
    static const char *const upos[] = {"PROPN", "VERB", "PRON", "NOUN", "AUX", "VERB",
                                       "PRON", "CCONJ", "VERB"};
    static const char *const xpos[] = {"NNP", "VBD", "PRP$", "NNS", "VBD", "VBN", "PRP", "CC",
                                       "VBD"};
    size_t len[9];
    dyad_parse_input in = parse_input(9, form, len, upos, xpos);
    int head[9] = {1, -1, 3, 1, 5, 1, 5, 8, 5};
    const char *rel[9] = {"nsubj", "root", "nmod:poss", "obj", "aux", "conj", "obj", "cc", "conj"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[5] == 1 && head[3] == 5);
    CHECK_STR(rel[5], "ccomp");
    CHECK_STR(rel[3], "nsubj");
    CHECK(head[8] == 5);
    CHECK_STR(rel[8], "conj");

    /* "and" hung on "captured": a coordination after all */
    int and_head[9] = {1, -1, 3, 1, 5, 1, 5, 5, 5};
    const char *and_rel[9] = {"nsubj", "root", "nmod:poss", "obj", "aux", "conj", "obj", "cc",
                              "conj"};
    dyad_parse_repair(&in, and_head, and_rel);
    CHECK(and_head[5] == 1 && and_head[3] == 1);
    CHECK_STR(and_rel[5], "conj");

    /* "said it struck targets" with "it" the object and "struck", a participle to the
     * tagger, the clause: the pronoun is the clause's subject */
    static const char *const it_form[] = {"Israel", "said", "it", "struck", "targets"};
    static const char *const it_upos[] = {"PROPN", "VERB", "PRON", "VERB", "NOUN"};
    static const char *const it_xpos[] = {"NNP", "VBD", "PRP", "VBN", "NNS"};
    size_t it_len[5];
    dyad_parse_input it_in = parse_input(5, it_form, it_len, it_upos, it_xpos);
    int it_head[5] = {1, -1, 1, 1, 3};
    const char *it_rel[5] = {"nsubj", "root", "obj", "ccomp", "obj"};
    dyad_parse_repair(&it_in, it_head, it_rel);
    CHECK(it_head[2] == 3);
    CHECK_STR(it_rel[2], "nsubj");
    CHECK(it_head[3] == 1);
}

/* A preposition parsed as the head of an oblique, with the name after it as its conjunct,
 * becomes the name's case marker. */
DYAD_TEST(parse_repair_preposition_head)
{
    static const char *const form[] = {"Biden", "spoke", "with", "Prime", "Minister", "Netanyahu"};
    static const char *const upos[] = {"PROPN", "VERB", "ADP", "ADJ", "PROPN", "PROPN"};
    static const char *const xpos[] = {"NNP", "VBD", "IN", "JJ", "NNP", "NNP"};
    size_t len[6];
    dyad_parse_input in = parse_input(6, form, len, upos, xpos);
    int head[6] = {1, -1, 1, 4, 2, 4};
    const char *rel[6] = {"nsubj", "root", "obl", "amod", "conj", "flat"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[4] == 1 && head[2] == 4 && head[3] == 4 && head[5] == 4);
    CHECK_STR(rel[4], "obl");
    CHECK_STR(rel[2], "case");
}

/* A past tense parsed as a clause on the root noun's phrase becomes the root, and the
 * noun its subject; a participle there stays a clause ("the man called Bob"). */
DYAD_TEST(parse_repair_finite_root)
{
    static const char *const form[] = {"The", "council", "and", "government", "called", "for",
                                       "calm", "."};
    static const char *const upos[] = {"DET", "NOUN", "CCONJ", "NOUN", "VERB", "ADP", "NOUN",
                                       "PUNCT"};
    static const char *const xpos[] = {"DT", "NN", "CC", "NN", "VBD", "IN", "NN", "."};
    size_t len[8];
    dyad_parse_input in = parse_input(8, form, len, upos, xpos);
    int head[8] = {1, -1, 3, 1, 3, 6, 4, 1};
    const char *rel[8] = {"det", "root", "cc", "conj", "acl", "case", "obl", "punct"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[4] == -1 && head[1] == 4 && head[7] == 4 && head[3] == 1);
    CHECK_STR(rel[4], "root");
    CHECK_STR(rel[1], "nsubj");

    static const char *const vbn_xpos[] = {"DT", "NN", "CC", "NN", "VBN", "IN", "NN", "."};
    dyad_parse_input vbn_in = {8, form, len, upos, vbn_xpos};
    int vbn_head[8] = {1, -1, 3, 1, 3, 6, 4, 1};
    const char *vbn_rel[8] = {"det", "root", "cc", "conj", "acl", "case", "obl", "punct"};
    dyad_parse_repair(&vbn_in, vbn_head, vbn_rel);
    CHECK(vbn_head[1] == -1 && vbn_head[4] == 3);
}

/* A noun phrase opening the sentence, taken as the root with the clause after "and" as
 * its conjunct, is the first of two coordinated subjects of that clause's verb. */
DYAD_TEST(parse_repair_coordinated_subjects)
{
    static const char *const form[] = {"The", "army", "and", "the", "rebels", "agreed", "."};
    static const char *const upos[] = {"DET", "NOUN", "CCONJ", "DET", "NOUN", "VERB", "PUNCT"};
    static const char *const xpos[] = {"DT", "NN", "CC", "DT", "NNS", "VBD", "."};
    size_t len[7];
    dyad_parse_input in = parse_input(7, form, len, upos, xpos);
    int head[7] = {1, -1, 5, 4, 5, 1, 1};
    const char *rel[7] = {"det", "root", "cc", "det", "nsubj", "conj", "punct"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[5] == -1 && head[1] == 5 && head[4] == 1 && head[2] == 4 && head[6] == 5);
    CHECK_STR(rel[1], "nsubj");
    CHECK_STR(rel[4], "conj");
}

/* A day takes no apposition: "On Friday, Youssef Chahed, the Prime Minister, signed"
 * with the name hung on the date (through its comma) and the verb without a subject
 * gets the name as subject and the title as its apposition; with a subject already,
 * or "and" before the name, the tree stays as it is. */
DYAD_TEST(parse_repair_date_apposition)
{
    static const char *const form[] = {"On", "Friday", ",", "Youssef", "Chahed", ",",
                                       "the", "Prime", "Minister", ",", "signed", "it", "."};
    static const char *const upos[] = {"ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT",
                                       "DET", "ADJ", "PROPN", "PUNCT", "VERB", "PRON", "PUNCT"};
    size_t len[13];
    dyad_parse_input in = parse_input(13, form, len, upos, upos);
    const int parsed[13] = {1, 10, 1, 2, 3, 8, 8, 8, 1, 1, -1, 10, 10};
    const char *const parsed_rel[13] = {"case", "obl", "punct", "appos", "flat", "punct", "det",
                                        "amod", "appos", "punct", "root", "obj", "punct"};
    int head[13];
    const char *rel[13];
    memcpy(head, parsed, sizeof head);
    memcpy(rel, parsed_rel, sizeof rel);
    dyad_parse_repair(&in, head, rel);
    CHECK(head[3] == 10);
    CHECK_STR(rel[3], "nsubj");
    CHECK(head[8] == 3);
    CHECK_STR(rel[8], "appos");
    CHECK(head[9] == 3);
    CHECK(head[1] == 10);

    memcpy(head, parsed, sizeof head); /* "it" as the subject: nothing to repair */
    memcpy(rel, parsed_rel, sizeof rel);
    rel[11] = "nsubj";
    dyad_parse_repair(&in, head, rel);
    CHECK(head[3] == 2 && head[8] == 1);
    CHECK_STR(rel[3], "appos");

    static const char *const and_form[] = {"On", "Friday", "and", "Saturday", "signed", "it"};
    static const char *const and_upos[] = {"ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PRON"};
    size_t and_len[6];
    dyad_parse_input and_in = parse_input(6, and_form, and_len, and_upos, and_upos);
    int and_head[6] = {1, 4, 3, 1, -1, 4};
    const char *and_rel[6] = {"case", "obl", "cc", "conj", "root", "obj"};
    dyad_parse_repair(&and_in, and_head, and_rel);
    CHECK(and_head[3] == 1);
    CHECK_STR(and_rel[3], "conj");
}

DYAD_TEST(parse_repair_parallel_of_names)
{
    /* "Buhari of Nigeria and Talon of Benin signed": Talon is Buhari's peer */
    static const char *const form[] = {"Buhari", "of", "Nigeria", "and", "Talon", "of",
                                       "Benin", "signed"};
    static const char *const upos[] = {"PROPN", "ADP", "PROPN", "CCONJ", "PROPN", "ADP",
                                       "PROPN", "VERB"};
    static const char *const xpos[] = {"NNP", "IN", "NNP", "CC", "NNP", "IN", "NNP", "VBD"};
    size_t len[8];
    dyad_parse_input in = parse_input(8, form, len, upos, xpos);
    int head[8] = {7, 2, 0, 4, 2, 6, 4, -1};
    const char *rel[8] = {"nsubj", "case", "nmod", "cc", "conj", "case", "nmod", "root"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[4] == 0);
    CHECK_STR(rel[4], "conj");

    /* "the capital of Nigeria and Benin": no "of" of its own, Benin stays Nigeria's peer */
    int two_head[8] = {7, 2, 0, 4, 2, 6, 4, -1};
    const char *two_rel[8] = {"nsubj", "case", "nmod", "cc", "conj", "case", "obl", "root"};
    dyad_parse_repair(&in, two_head, two_rel);
    CHECK(two_head[4] == 2);
}

DYAD_TEST(parse_repair_between_marker)
{
    /* "ties between Gondor and Arnor, the agency said": "between" marks no clause */
    static const char *const form[] = {"ties", "between", "Gondor", "and", "Arnor", ",",
                                       "the", "agency", "said"};
    static const char *const upos[] = {"NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT",
                                       "DET", "NOUN", "VERB"};
    static const char *const xpos[] = {"NNS", "IN", "NNP", "CC", "NNP", ",", "DT", "NN", "VBD"};
    size_t len[9];
    dyad_parse_input in = parse_input(9, form, len, upos, xpos);
    int head[9] = {-1, 8, 8, 4, 2, 8, 7, 8, 0};
    const char *rel[9] = {"root", "mark", "nsubj", "cc", "conj", "punct", "det", "nsubj",
                          "advcl"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[1] == 2 && head[2] == 0);
    CHECK_STR(rel[1], "case");
    CHECK_STR(rel[2], "nmod");
}

DYAD_TEST(parse_repair_name_before_time)
{
    /* "will visit France next week" with "France" a compound of "week": the verb's object */
    static const char *const form[] = {"Xi", "will", "visit", "France", "next", "week", "."};
    static const char *const upos[] = {"PROPN", "AUX", "VERB", "PROPN", "ADJ", "NOUN", "PUNCT"};
    static const char *const xpos[] = {"NNP", "MD", "VB", "NNP", "JJ", "NN", "."};
    size_t len[7];
    dyad_parse_input in = parse_input(7, form, len, upos, xpos);
    int head[7] = {2, 2, -1, 5, 5, 2, 2};
    const char *rel[7] = {"nsubj", "aux", "root", "compound", "amod", "obl:unmarked", "punct"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[3] == 2);
    CHECK_STR(rel[3], "obj");
    CHECK(head[5] == 2);
    /* a verb with an object keeps it: "met Macron France next week" is left alone */
    static const char *const form2[] = {"Xi", "met", "Macron", "France", "next", "week", "."};
    static const char *const upos2[] = {"PROPN", "VERB", "PROPN", "PROPN", "ADJ", "NOUN", "PUNCT"};
    dyad_parse_input in2 = parse_input(7, form2, len, upos2, xpos);
    int head2[7] = {1, -1, 1, 5, 5, 1, 1};
    const char *rel2[7] = {"nsubj", "root", "obj", "compound", "amod", "obl:unmarked", "punct"};
    dyad_parse_repair(&in2, head2, rel2);
    CHECK(head2[3] == 5);
    /* "will visit France and Serbia next month" with the month taken for the object: the
     * first name is the object, the month the time */
    static const char *const form3[] = {"Xi", "will", "visit", "France", "and", "Serbia", "next",
                                        "month"};
    static const char *const upos3[] = {"PROPN", "AUX", "VERB", "PROPN", "CCONJ", "PROPN", "ADJ",
                                        "NOUN"};
    static const char *const xpos3[] = {"NNP", "MD", "VB", "NNP", "CC", "NNP", "JJ", "NN"};
    size_t len3[8];
    dyad_parse_input in3 = parse_input(8, form3, len3, upos3, xpos3);
    int head3[8] = {2, 2, -1, 7, 5, 3, 7, 2};
    const char *rel3[8] = {"nsubj", "aux", "root", "compound", "cc", "conj", "amod", "obj"};
    dyad_parse_repair(&in3, head3, rel3);
    CHECK(head3[3] == 2);
    CHECK_STR(rel3[3], "obj");
    CHECK_STR(rel3[7], "obl:unmarked");
}

DYAD_TEST(parse_repair_possessed_apposition)
{
    /* "Kenyan President William Ruto's opponent, Raila Odinga, accused" with "opponent" an
     * apposition of "Kenyan", the subject: the owned noun is the subject */
    static const char *const form[] = {"Kenyan", "President", "William", "Ruto", "'s",
                                       "opponent", ",", "Raila", "Odinga", ",", "accused"};
    static const char *const upos[] = {"PROPN", "PROPN", "PROPN", "PROPN", "PART", "NOUN",
                                       "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB"};
    static const char *const xpos[] = {"NNP", "NNP", "NNP", "NNP", "POS", "NN",
                                       ",", "NNP", "NNP", ",", "VBD"};
    size_t len[11];
    dyad_parse_input in = parse_input(11, form, len, upos, xpos);
    int head[11] = {10, 2, 5, 2, 2, 0, 7, 5, 7, 0, -1};
    const char *rel[11] = {"nsubj", "nmod:desc", "nmod:poss", "flat", "case", "appos",
                           "punct", "appos", "flat", "punct", "root"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[5] == 10);
    CHECK_STR(rel[5], "nsubj");
    CHECK(head[0] == 1);
    CHECK_STR(rel[0], "compound");
    CHECK(head[9] == 5);
    /* "Businessman Don Blankenship of West Virginia, the party's nominee": a true apposition */
    static const char *const form2[] = {"Businessman", "Don", "of", "Virginia", ",", "the",
                                        "Party", "'s", "nominee", ",", "answered"};
    static const char *const upos2[] = {"PROPN", "PROPN", "ADP", "PROPN", "PUNCT", "DET",
                                        "PROPN", "PART", "NOUN", "PUNCT", "VERB"};
    dyad_parse_input in2 = parse_input(11, form2, len, upos2, xpos);
    int head2[11] = {10, 0, 3, 0, 8, 6, 8, 6, 0, 8, -1};
    const char *rel2[11] = {"nsubj", "flat", "case", "nmod", "punct", "det", "nmod:poss",
                            "case", "appos", "punct", "root"};
    dyad_parse_repair(&in2, head2, rel2);
    CHECK(head2[8] == 0);
    CHECK_STR(rel2[8], "appos");
}

DYAD_TEST(parse_repair_object_after_of)
{
    /* "approved the sale of F-16 fighter jets to Turkey" with "jets" a second object and
     * "F" the "of" phrase: "jets" heads the phrase */
    static const char *const form[] = {"US", "approved", "the", "sale", "of", "F", "-", "16",
                                       "fighter", "jets", "to", "Turkey"};
    static const char *const upos[] = {"PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT",
                                       "NUM", "NOUN", "NOUN", "ADP", "PROPN"};
    static const char *const xpos[] = {"NNP", "VBD", "DT", "NN", "IN", "NNP", "HYPH", "CD",
                                       "NN", "NNS", "IN", "NNP"};
    size_t len[12];
    dyad_parse_input in = parse_input(12, form, len, upos, xpos);
    int head[12] = {1, -1, 3, 1, 5, 3, 7, 5, 9, 1, 11, 9};
    const char *rel[12] = {"nsubj", "root", "det", "obj", "case", "nmod", "punct", "flat",
                           "compound", "obj", "case", "nmod"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[9] == 3);
    CHECK_STR(rel[9], "nmod");
    CHECK(head[4] == 9);
    CHECK(head[5] == 9);
    CHECK_STR(rel[5], "compound");
    /* a second object with a determiner is left alone ("winds of 240 kilometers an hour") */
    static const char *const form2[] = {"Rita", "packed", "winds", "of", "240", "kilometers",
                                        "an", "hour"};
    static const char *const upos2[] = {"PROPN", "VERB", "NOUN", "ADP", "NUM", "NOUN", "DET",
                                        "NOUN"};
    dyad_parse_input in2 = parse_input(8, form2, len, upos2, xpos);
    int head2[8] = {1, -1, 1, 5, 5, 2, 7, 1};
    const char *rel2[8] = {"nsubj", "root", "obj", "case", "nummod", "nmod", "det", "obj"};
    dyad_parse_repair(&in2, head2, rel2);
    CHECK(head2[7] == 1);
    CHECK_STR(rel2[7], "obj");
}

DYAD_TEST(parse_repair_subjects_with_and)
{
    /* "The government and the rebels signed" with both nouns subjects of "signed" */
    static const char *const form[] = {"The", "government", "and", "the", "rebels", "signed"};
    static const char *const upos[] = {"DET", "NOUN", "CCONJ", "DET", "NOUN", "VERB"};
    static const char *const xpos[] = {"DT", "NN", "CC", "DT", "NNS", "VBD"};
    size_t len[6];
    dyad_parse_input in = parse_input(6, form, len, upos, xpos);
    int head[6] = {1, 5, 4, 4, 5, -1};
    const char *rel[6] = {"det", "nsubj", "cc", "det", "nsubj", "root"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[4] == 1);
    CHECK_STR(rel[4], "conj");
    CHECK(head[1] == 5);
}

DYAD_TEST(parse_repair_split_name)
{
    /* "Japan and South Korea agreed" with "South" the conjunct, "Korea" a second subject */
    static const char *const form[] = {"Japan", "and", "South", "Korea", "agreed"};
    static const char *const upos[] = {"PROPN", "CCONJ", "PROPN", "PROPN", "VERB"};
    static const char *const xpos[] = {"NNP", "CC", "NNP", "NNP", "VBD"};
    size_t len[5];
    dyad_parse_input in = parse_input(5, form, len, upos, xpos);
    int head[5] = {4, 2, 0, 4, -1};
    const char *rel[5] = {"nsubj", "cc", "conj", "nsubj", "root"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[3] == 0);
    CHECK_STR(rel[3], "conj");
    CHECK(head[2] == 3);
    CHECK_STR(rel[2], "compound");
    CHECK(head[1] == 3);
}

DYAD_TEST(parse_repair_speech_tail)
{
    /* "Shelling killed civilians, the governor said." with "said" a conjunct of "killed" */
    static const char *const form[] = {"Shelling", "killed", "civilians", ",", "the",
                                       "governor", "said", "."};
    static const char *const upos[] = {"NOUN", "VERB", "NOUN", "PUNCT",
                                       "DET",  "NOUN", "VERB", "PUNCT"};
    static const char *const xpos[] = {"NN", "VBD", "NNS", ",", "DT", "NN", "VBD", "."};
    size_t len[8];
    dyad_parse_input in = parse_input(8, form, len, upos, xpos);
    int head[8] = {1, -1, 1, 6, 5, 6, 1, 1};
    const char *rel[8] = {"nsubj", "root", "obj", "punct", "det", "nsubj", "conj", "punct"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[6] == 1);
    CHECK_STR(rel[6], "parataxis");

    /* "... and the governor said" keeps its conjunction */
    const char *and_rel[8] = {"nsubj", "root", "obj", "cc", "det", "nsubj", "conj", "punct"};
    int and_head[8] = {1, -1, 1, 6, 5, 6, 1, 1};
    dyad_parse_repair(&in, and_head, and_rel);
    CHECK_STR(and_rel[6], "conj");
}

DYAD_TEST(parse_repair_former_title)
{
    /* "indicted former President Park" with "former" an xcomp and "Park" its object */
    static const char *const form[] = {"prosecutors", "indicted", "former", "President", "Park"};
    static const char *const upos[] = {"NOUN", "VERB", "ADJ", "PROPN", "PROPN"};
    static const char *const xpos[] = {"NNS", "VBD", "JJ", "NNP", "NNP"};
    size_t len[5];
    dyad_parse_input in = parse_input(5, form, len, upos, xpos);
    int head[5] = {1, -1, 1, 4, 2};
    const char *rel[5] = {"nsubj", "root", "xcomp", "nmod:desc", "obj"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[2] == 4);
    CHECK_STR(rel[2], "amod");
    CHECK(head[4] == 1);
    CHECK_STR(rel[4], "obj");
}

DYAD_TEST(parse_repair_bare_oblique_object)
{
    /* "airstrikes hit Gaza City" with "City" an oblique; "met Tuesday" stays one */
    static const char *const form[] = {"airstrikes", "hit", "Gaza", "City"};
    static const char *const upos[] = {"NOUN", "VERB", "PROPN", "PROPN"};
    static const char *const xpos[] = {"NNS", "VBD", "NNP", "NNP"};
    size_t len[4];
    dyad_parse_input in = parse_input(4, form, len, upos, xpos);
    int head[4] = {1, -1, 3, 1};
    const char *rel[4] = {"nsubj", "root", "compound", "obl"};
    dyad_parse_repair(&in, head, rel);
    CHECK_STR(rel[3], "obj");

    static const char *const met_form[] = {"leaders", "met", "Tuesday", "night"};
    size_t met_len[4];
    dyad_parse_input met = parse_input(4, met_form, met_len, upos, xpos);
    int met_head[4] = {1, -1, 1, 2};
    const char *met_rel[4] = {"nsubj", "root", "obl", "compound"};
    dyad_parse_repair(&met, met_head, met_rel);
    CHECK_STR(met_rel[2], "obl");
}

DYAD_TEST(parse_repair_passive_agent)
{
    /* "Russia was accused of crimes by Ukraine" with "by Ukraine" hung on "crimes" */
    static const char *const form[] = {"Russia", "was", "accused", "of", "crimes", "by", "Ukraine"};
    static const char *const upos[] = {"PROPN", "AUX", "VERB", "ADP", "NOUN", "ADP", "PROPN"};
    static const char *const xpos[] = {"NNP", "VBD", "VBN", "IN", "NNS", "IN", "NNP"};
    size_t len[7];
    dyad_parse_input in = parse_input(7, form, len, upos, xpos);
    int head[7] = {2, 2, -1, 4, 2, 6, 4};
    const char *rel[7] = {"nsubj:pass", "aux:pass", "root", "case", "obl", "case", "nmod"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[6] == 2);
    CHECK_STR(rel[6], "obl:agent");
}

DYAD_TEST(parse_repair_noun_before_object)
{
    /* "used water cannon against demonstrators" with "water" and "cannon" both objects */
    static const char *const form[] = {"police", "used", "water", "cannon", "against", "them"};
    static const char *const upos[] = {"NOUN", "VERB", "NOUN", "NOUN", "ADP", "PRON"};
    static const char *const xpos[] = {"NNS", "VBD", "NN", "NN", "IN", "PRP"};
    size_t len[6];
    dyad_parse_input in = parse_input(6, form, len, upos, xpos);
    int head[6] = {1, -1, 1, 1, 5, 3};
    const char *rel[6] = {"nsubj", "root", "obj", "obj", "case", "nmod"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[2] == 3);
    CHECK_STR(rel[2], "compound");
    CHECK(head[3] == 1);
}

/* "signed a decree banning anyone" with "decree" the object of "a": the noun takes the
 * article's place and what hung on the article, the article is its determiner again */
DYAD_TEST(parse_repair_determiner_head)
{
    static const char *const form[] = {"he", "signed", "a", "decree", "banning", "anyone"};
    static const char *const upos[] = {"PRON", "VERB", "DET", "NOUN", "VERB", "PRON"};
    static const char *const xpos[] = {"PRP", "VBD", "DT", "NN", "VBG", "NN"};
    size_t len[6];
    dyad_parse_input in = parse_input(6, form, len, upos, xpos);
    int head[6] = {1, -1, 1, 2, 3, 4};
    const char *rel[6] = {"nsubj", "root", "obj", "obj", "acl", "obj"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[3] == 1);
    CHECK_STR(rel[3], "obj");
    CHECK(head[2] == 3);
    CHECK_STR(rel[2], "det");
    CHECK(head[4] == 3);
}

/* "then at the government's request returned" with "request" the subject: a noun with
 * a preposition is an oblique */
DYAD_TEST(parse_repair_subject_with_case)
{
    static const char *const form[] = {"then", "at", "their", "request", "returned"};
    static const char *const upos[] = {"ADV", "ADP", "PRON", "NOUN", "VERB"};
    static const char *const xpos[] = {"RB", "IN", "PRP$", "NN", "VBD"};
    size_t len[5];
    dyad_parse_input in = parse_input(5, form, len, upos, xpos);
    int head[5] = {4, 3, 3, 4, -1};
    const char *rel[5] = {"advmod", "case", "nmod:poss", "nsubj", "root"};
    dyad_parse_repair(&in, head, rel);
    CHECK_STR(rel[3], "obl");
    CHECK(head[3] == 4);
}

/* "handed over jets to Ukraine" with "over" the case of an oblique: after hand, "over" is
 * the verb's particle and the noun its object */
DYAD_TEST(parse_repair_particle_over)
{
    static const char *const form[] = {"they", "handed", "over", "jets", "to", "Ukraine"};
    static const char *const upos[] = {"PRON", "VERB", "ADP", "NOUN", "ADP", "PROPN"};
    static const char *const xpos[] = {"PRP", "VBD", "IN", "NNS", "IN", "NNP"};
    size_t len[6];
    dyad_parse_input in = parse_input(6, form, len, upos, xpos);
    int head[6] = {1, -1, 3, 1, 5, 3};
    const char *rel[6] = {"nsubj", "root", "case", "obl", "case", "nmod"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[2] == 1);
    CHECK_STR(rel[2], "compound:prt");
    CHECK_STR(rel[3], "obj");
}

/* "UNICEF had delivered vaccines" with "delivered" an adjective of "vaccines", which held
 * "had" and the subject: the participle heads the clause, the noun is its object */
DYAD_TEST(parse_repair_perfect_participle)
{
    static const char *const form[] = {"UNICEF", "had", "delivered", "new", "vaccines", "."};
    static const char *const upos[] = {"PROPN", "AUX", "VERB", "ADJ", "NOUN", "PUNCT"};
    static const char *const xpos[] = {"NNP", "VBD", "VBN", "JJ", "NNS", "."};
    size_t len[6];
    dyad_parse_input in = parse_input(6, form, len, upos, xpos);
    int head[6] = {4, 4, 4, 4, -1, 4};
    const char *rel[6] = {"nsubj", "aux", "amod", "amod", "root", "punct"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[2] == -1);
    CHECK_STR(rel[2], "root");
    CHECK(head[0] == 2 && head[1] == 2 && head[5] == 2);
    CHECK(head[4] == 2);
    CHECK_STR(rel[4], "obj");
    CHECK(head[3] == 4);
}

/* "sanctions on three Hezbollah commanders" with "on" the case of "three" and the noun a
 * conjunct with no conjunction: the preposition is the noun's, the noun a modifier */
DYAD_TEST(parse_repair_case_on_numeral)
{
    static const char *const form[] = {"sanctions", "on", "three", "Hezbollah", "commanders"};
    static const char *const upos[] = {"NOUN", "ADP", "NUM", "PROPN", "NOUN"};
    static const char *const xpos[] = {"NNS", "IN", "CD", "NNP", "NNS"};
    size_t len[5];
    dyad_parse_input in = parse_input(5, form, len, upos, xpos);
    int head[5] = {-1, 2, 4, 4, 0};
    const char *rel[5] = {"root", "case", "nummod", "compound", "conj"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[1] == 4);
    CHECK_STR(rel[4], "nmod");
    CHECK(head[4] == 0);
}

/* "ordered the ambassador to leave" with "leave" an adverbial clause: after the object
 * of a verb that sets another to act, the infinitive is its complement */
DYAD_TEST(parse_repair_object_infinitive)
{
    static const char *const form[] = {"Niger", "ordered", "the", "ambassador", "to", "leave"};
    static const char *const upos[] = {"PROPN", "VERB", "DET", "NOUN", "PART", "VERB"};
    static const char *const xpos[] = {"NNP", "VBD", "DT", "NN", "TO", "VB"};
    size_t len[6];
    dyad_parse_input in = parse_input(6, form, len, upos, xpos);
    int head[6] = {1, -1, 3, 1, 5, 1};
    const char *rel[6] = {"nsubj", "root", "det", "obj", "mark", "advcl"};
    dyad_parse_repair(&in, head, rel);
    CHECK_STR(rel[5], "xcomp");
    CHECK(head[5] == 1);
}

/* "arrested activists accused of plotting": a participle of suspicion with a subject and
 * nothing of its own after a verb with no object is a reduced relative on that object;
 * after a verb of saying it stays a clause ("said activists accused ..."). */
DYAD_TEST(parse_repair_reduced_relative)
{
    static const char *const form[] = {"police", "arrested", "activists", "accused", "of",
                                       "plotting"};
    static const char *const upos[] = {"NOUN", "VERB", "NOUN", "VERB", "SCONJ", "VERB"};
    static const char *const xpos[] = {"NNS", "VBD", "NNS", "VBD", "IN", "VBG"};
    size_t len[6];
    dyad_parse_input in = parse_input(6, form, len, upos, xpos);
    int head[6] = {1, -1, 3, 1, 5, 3};
    const char *rel[6] = {"nsubj", "root", "nsubj", "ccomp", "mark", "advcl"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[2] == 1);
    CHECK_STR(rel[2], "obj");
    CHECK(head[3] == 2);
    CHECK_STR(rel[3], "acl");

    static const char *const said_form[] = {"police", "said", "activists", "accused", "of",
                                            "plotting"};
    size_t said_len[6];
    dyad_parse_input said = parse_input(6, said_form, said_len, upos, xpos);
    int said_head[6] = {1, -1, 3, 1, 5, 3};
    const char *said_rel[6] = {"nsubj", "root", "nsubj", "ccomp", "mark", "advcl"};
    dyad_parse_repair(&said, said_head, said_rel);
    CHECK(said_head[2] == 3 && said_head[3] == 1);
}

/* "the decision to expel migrants drew criticism" with "migrants" a second subject of
 * "drew": the first subject's infinitive, which has no object, takes it. */
DYAD_TEST(parse_repair_infinitive_object)
{
    static const char *const form[] = {"decision", "to", "expel", "migrants", "drew", "criticism"};
    static const char *const upos[] = {"NOUN", "PART", "VERB", "NOUN", "VERB", "NOUN"};
    static const char *const xpos[] = {"NN", "TO", "VB", "NNS", "VBD", "NN"};
    size_t len[6];
    dyad_parse_input in = parse_input(6, form, len, upos, xpos);
    int head[6] = {4, 2, 0, 4, -1, 4};
    const char *rel[6] = {"nsubj", "mark", "acl", "nsubj", "root", "obj"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[3] == 2);
    CHECK_STR(rel[3], "obj");
    CHECK(head[0] == 4);
}

/* A name in capitals is no word of a fixed expression: "with US" is no "with us". */
DYAD_TEST(parse_repair_fixed_name)
{
    static const char *const form[] = {"Netanyahu", "spoke", "with", "US", "President", "Joe",
                                       "Biden", "by", "phone"};
    static const char *const upos[] = {"PROPN", "VERB", "ADP", "PROPN", "PROPN", "PROPN",
                                       "PROPN", "ADP", "NOUN"};
    static const char *const xpos[] = {"NNP", "VBD", "IN", "NNP", "NNP", "NNP", "NNP", "IN",
                                       "NN"};
    size_t len[9];
    dyad_parse_input in = parse_input(9, form, len, upos, xpos);
    int head[9] = {1, -1, 1, 2, 5, 3, 5, 8, 3};
    const char *rel[9] = {"nsubj", "root", "obl", "fixed", "nmod:desc", "obj", "flat", "case",
                          "obl:agent"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[5] == 1);
    CHECK_STR(rel[5], "obl");
    CHECK(head[2] == 5);
    CHECK_STR(rel[2], "case");
    CHECK(head[3] == 4);
    CHECK_STR(rel[3], "compound");
    CHECK(head[8] == 1);
    CHECK_STR(rel[8], "obl");
}

DYAD_TEST(parse_repair_subject_infinitive)
{
    /* "agreed on Thursday to extend sanctions": the infinitive is the complement; after
     * an object ("sent troops to protect") it stays a purpose */
    static const char *const form[] = {"EU", "agreed", "on", "Thursday", "to", "extend",
                                       "sanctions", "and", "sent", "troops", "to", "help"};
    static const char *const upos[] = {"PROPN", "VERB", "ADP", "PROPN", "PART", "VERB",
                                       "NOUN", "CCONJ", "VERB", "NOUN", "PART", "VERB"};
    static const char *const xpos[] = {"NNP", "VBD", "IN", "NNP", "TO", "VB", "NNS", "CC",
                                       "VBD", "NNS", "TO", "VB"};
    size_t len[12];
    dyad_parse_input in = parse_input(12, form, len, upos, xpos);
    int head[12] = {1, -1, 3, 1, 5, 1, 5, 8, 1, 8, 11, 8};
    const char *rel[12] = {"nsubj", "root", "case", "obl", "mark", "advcl", "obj", "cc",
                           "conj", "obj", "mark", "advcl"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[5] == 1);
    CHECK_STR(rel[5], "xcomp");
    CHECK_STR(rel[11], "advcl");
}

DYAD_TEST(parse_repair_gerund_complement)
{
    /* "denied firing rockets": the gerund right after the verb is its complement */
    static const char *const form[] = {"Hezbollah", "denied", "firing", "rockets"};
    static const char *const upos[] = {"PROPN", "VERB", "VERB", "NOUN"};
    static const char *const xpos[] = {"NNP", "VBD", "VBG", "NNS"};
    size_t len[4];
    dyad_parse_input in = parse_input(4, form, len, upos, xpos);
    int head[4] = {1, -1, 1, 2};
    const char *rel[4] = {"nsubj", "root", "advcl", "obj"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[2] == 1);
    CHECK_STR(rel[2], "xcomp");
}

DYAD_TEST(parse_repair_fronted_subject)
{
    /* "In a statement, Ahmed, a spokesman, blamed Israel": the name hung on "statement" */
    static const char *const form[] = {"In", "a", "statement", ",", "Ahmed", ",", "a",
                                       "spokesman", ",", "blamed", "Israel"};
    static const char *const upos[] = {"ADP", "DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "DET",
                                       "NOUN", "PUNCT", "VERB", "PROPN"};
    static const char *const xpos[] = {"IN", "DT", "NN", ",", "NNP", ",", "DT", "NN", ",",
                                       "VBD", "NNP"};
    size_t len[11];
    dyad_parse_input in = parse_input(11, form, len, upos, xpos);
    int head[11] = {2, 2, 9, 4, 2, 7, 7, 2, 2, -1, 9};
    const char *rel[11] = {"case", "det", "obl", "punct", "appos", "punct", "det", "appos",
                           "punct", "root", "obj"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[4] == 9);
    CHECK_STR(rel[4], "nsubj");
    CHECK(head[7] == 4);
}

DYAD_TEST(parse_repair_fronted_list_head)
{
    /* "In a statement, France, Germany and Britain urged Iran": France heads the list */
    static const char *const form[] = {"In", "a", "statement", ",", "France", ",", "Germany",
                                       "and", "Britain", "urged", "Iran"};
    static const char *const upos[] = {"ADP", "DET", "NOUN", "PUNCT", "PROPN", "PUNCT",
                                       "PROPN", "CCONJ", "PROPN", "VERB", "PROPN"};
    static const char *const xpos[] = {"IN", "DT", "NN", ",", "NNP", ",", "NNP", "CC", "NNP",
                                       "VBD", "NNP"};
    size_t len[11];
    dyad_parse_input in = parse_input(11, form, len, upos, xpos);
    int head[11] = {2, 2, 9, 4, 2, 6, 9, 8, 6, -1, 9};
    const char *rel[11] = {"case", "det", "obl", "punct", "appos", "punct", "nsubj", "cc",
                           "conj", "root", "obj"};
    dyad_parse_repair(&in, head, rel);
    CHECK(head[4] == 9);
    CHECK_STR(rel[4], "nsubj");
    CHECK(head[6] == 4);
    CHECK_STR(rel[6], "conj");
    CHECK(head[8] == 4);
}

DYAD_TEST(parse_repair_name_object)
{
    /* "Moscow warned Kyiv against attacking": a name after a verb that does not name */
    static const char *const form[] = {"Moscow", "warned", "Kyiv", "against", "attacking",
                                       "they", "called", "it", "Kyiv"};
    static const char *const upos[] = {"PROPN", "VERB", "PROPN", "SCONJ", "VERB", "PRON",
                                       "VERB", "PRON", "PROPN"};
    static const char *const xpos[] = {"NNP", "VBD", "NNP", "IN", "VBG", "PRP", "VBD", "PRP",
                                       "NNP"};
    size_t len[9];
    dyad_parse_input in = parse_input(9, form, len, upos, xpos);
    int head[9] = {1, -1, 1, 4, 2, 6, 1, 6, 6};
    const char *rel[9] = {"nsubj", "root", "xcomp", "mark", "advcl", "nsubj", "parataxis",
                          "obj", "xcomp"};
    dyad_parse_repair(&in, head, rel);
    CHECK_STR(rel[2], "obj");
    CHECK_STR(rel[8], "xcomp");
}
