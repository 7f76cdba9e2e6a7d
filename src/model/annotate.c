/* Annotation of a tokenized document: tags, features and lemmas from the tagger,
 * then heads and relations from the parser, one sentence at a time. */
#include "model.h"
#include "../parse/parser.h"
#include "../tag/tagger.h"

#include <stdlib.h>
#include <string.h>

/* Per-sentence scratch arrays, sized for the longest sentence of the document. */
typedef struct scratch {
    const char **form, **upos, **xpos, **rel;
    size_t *len;
    int *head;
    dyad_tag_result *tags;
} scratch;

static bool scratch_new(scratch *s, size_t n)
{
    n = n ? n : 1;
    s->form = malloc(n * sizeof *s->form);
    s->upos = malloc(n * sizeof *s->upos);
    s->xpos = malloc(n * sizeof *s->xpos);
    s->rel = malloc(n * sizeof *s->rel);
    s->len = malloc(n * sizeof *s->len);
    s->head = malloc(n * sizeof *s->head);
    s->tags = malloc(n * sizeof *s->tags);
    return s->form && s->upos && s->xpos && s->rel && s->len && s->head && s->tags;
}

static void scratch_free(scratch *s)
{
    free(s->form), free(s->upos), free(s->xpos), free(s->rel);
    free(s->len), free(s->head), free(s->tags);
}

static dyad_status annotate_sentence(const dyad_model *m, dyad_doc *doc, const dyad_sentence *sent,
                                     scratch *s)
{
    int n = (int)sent->count;
    dyad_token *tok = doc->tokens + sent->first;
    for (int i = 0; i < n; i++) {
        s->form[i] = doc->text + tok[i].start;
        s->len[i] = tok[i].end - tok[i].start;
    }
    /* a headline: the title's sentences, or a line of a list of headlines */
    bool headline = (n > 0 && tok[0].start < doc->body_start) ||
                    (doc->format && strcmp(doc->format, "lines") == 0);
    dyad_status st = (headline ? dyad_tagger_tag_headline : dyad_tagger_tag)(
        model_tagger(m), s->form, s->len, n, s->tags, doc->arena);
    if (st != DYAD_OK)
        return st;
    for (int i = 0; i < n; i++) {
        tok[i].upos = s->upos[i] = s->tags[i].upos;
        tok[i].xpos = s->xpos[i] = s->tags[i].xpos;
        tok[i].feats = s->tags[i].feats;
        tok[i].lemma = s->tags[i].lemma;
    }
    dyad_parse_input in = {n, s->form, s->len, s->upos, s->xpos};
    st = dyad_parser_parse(model_parser(m), &in, s->head, s->rel);
    if (st == DYAD_OK)
        dyad_parse_repair(&in, s->head, s->rel);
    for (int i = 0; st == DYAD_OK && i < n; i++) {
        tok[i].head = s->head[i] < 0 ? -1 : (int32_t)sent->first + s->head[i];
        tok[i].deprel = s->rel[i];
    }
    return st;
}

/* Sentences must lie inside doc->tokens and token spans inside doc->text. */
static bool doc_consistent(const dyad_doc *doc, size_t *longest)
{
    *longest = 0;
    for (size_t k = 0; k < doc->n_sentences; k++) {
        const dyad_sentence *s = &doc->sentences[k];
        if (s->first > doc->n_tokens || s->count > doc->n_tokens - s->first || s->count > (1u << 24))
            return false;
        *longest = s->count > *longest ? s->count : *longest;
    }
    for (size_t i = 0; i < doc->n_tokens; i++)
        if (doc->tokens[i].start > doc->tokens[i].end || doc->tokens[i].end > doc->text_len)
            return false;
    return true;
}

dyad_status dyad_model_annotate(const dyad_model *m, dyad_doc *doc)
{
    size_t longest;
    if (!m || !doc || !doc_consistent(doc, &longest))
        return DYAD_EINVAL;
    scratch s;
    dyad_status st = scratch_new(&s, longest) ? DYAD_OK : DYAD_ENOMEM;
    for (size_t k = 0; st == DYAD_OK && k < doc->n_sentences; k++)
        st = annotate_sentence(m, doc, &doc->sentences[k], &s);
    scratch_free(&s);
    return st;
}
