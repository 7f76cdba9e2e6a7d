/* A document from a parsed treebank: its words as tokens, with their analyses, so
 * the later stages can run on parses made elsewhere (validation suites, other parsers). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* A CoNLL-U field, "_" meaning none. */
static const char *field(dyad_doc *doc, const char *s)
{
    return s && strcmp(s, "_") != 0 ? dyad_doc_strdup(doc, s, strlen(s)) : NULL;
}

/* UD v1 relations as UD v2 names them (parsers and suites still write v1); "nmod"
 * under a verb or adjective became "obl". */
static const char *v2_relation(const char *rel, const char *head_upos)
{
    static const char *const map[][2] = {
        {"dobj", "obj"}, {"nsubjpass", "nsubj:pass"}, {"csubjpass", "csubj:pass"},
        {"auxpass", "aux:pass"}, {"neg", "advmod"}, {"name", "flat"}, {"mwe", "fixed"},
        {"foreign", "flat:foreign"}, {"nmod:agent", "obl:agent"}, {"nmod:tmod", "obl:tmod"},
        {"nmod:npmod", "obl:npmod"}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(rel, map[i][0]) == 0)
            return map[i][1];
    if (strcmp(rel, "nmod") == 0 && head_upos &&
        (strcmp(head_upos, "VERB") == 0 || strcmp(head_upos, "ADJ") == 0 ||
         strcmp(head_upos, "AUX") == 0))
        return "obl";
    return rel;
}

dyad_status dyad_doc_set_treebank(dyad_doc *doc, const dyad_treebank *tb, int with_analysis)
{
    size_t bytes = 0, words = 0;
    for (size_t s = 0; s < tb->n_sentences; s++)
        for (int k = 0; k < tb->sentences[s].n_words; k++, words++)
            bytes += strlen(tb->sentences[s].words[k].form) + 1;
    char *text = malloc(bytes + 1);
    doc->tokens = dyad_arena_calloc(doc->arena, words + 1, sizeof *doc->tokens);
    doc->sentences = dyad_arena_calloc(doc->arena, tb->n_sentences + 1, sizeof *doc->sentences);
    if (!text || !doc->tokens || !doc->sentences) {
        free(text);
        return DYAD_ENOMEM;
    }
    size_t at = 0, t = 0;
    for (size_t s = 0; s < tb->n_sentences; s++) {
        const dyad_conllu_sentence *cs = &tb->sentences[s];
        size_t first = t;
        doc->sentences[s] = (dyad_sentence){(uint32_t)t, (uint32_t)cs->n_words, (uint32_t)at, 0};
        for (int k = 0; k < cs->n_words; k++, t++) {
            const dyad_conllu_word *w = &cs->words[k];
            size_t len = strlen(w->form);
            bool glued = w->misc && strstr(w->misc, "SpaceAfter=No");
            memcpy(text + at, w->form, len);
            dyad_token *tok = &doc->tokens[t];
            *tok = (dyad_token){(uint32_t)at, (uint32_t)(at + len),
                                glued ? 0u : DYAD_TOKEN_SPACE_AFTER, .head = -1};
            if (with_analysis) {
                /* every stage reads a tagged token's tags: "_" is UD's unknown, X and dep */
                tok->upos = field(doc, w->upos);
                tok->upos = tok->upos ? tok->upos : "X";
                tok->xpos = field(doc, w->xpos);
                tok->xpos = tok->xpos ? tok->xpos : "_";
                tok->feats = w->feats ? dyad_doc_strdup(doc, w->feats, strlen(w->feats)) : "_";
                tok->lemma = field(doc, w->lemma);
                tok->deprel = field(doc, w->deprel);
                tok->deprel = tok->deprel ? tok->deprel : "dep";
                /* 1-based within the sentence -> an index into doc->tokens */
                tok->head = w->head > 0 && w->head <= cs->n_words ? (int32_t)(first + w->head - 1)
                                                                 : -1;
            }
            at += len;
            if (!glued || k + 1 == cs->n_words)
                text[at++] = k + 1 < cs->n_words ? ' ' : '\n';
        }
        doc->sentences[s].end = at ? (uint32_t)at - 1 : 0;
    }
    doc->text = dyad_doc_strdup(doc, text, at);
    free(text);
    if (!doc->text)
        return DYAD_ENOMEM;
    doc->text_len = at;
    doc->body_start = 0;
    doc->n_tokens = t;
    doc->n_sentences = tb->n_sentences;
    for (size_t i = 0; with_analysis && i < t; i++) {
        dyad_token *tok = &doc->tokens[i];
        if (tok->deprel)
            tok->deprel = v2_relation(tok->deprel,
                                      tok->head >= 0 ? doc->tokens[tok->head].upos : NULL);
    }
    return DYAD_OK;
}
