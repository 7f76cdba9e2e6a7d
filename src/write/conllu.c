/* CoNLL-U writer: every sentence of an annotated document, 10 columns per token. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Appends s (or "_" when NULL or empty), with tabs and line breaks made spaces
 * so a field can never break the column layout. */
static void put_field(dyad_buf *b, const char *s, size_t len)
{
    if (!s || len == 0) {
        dyad_buf_putc(b, '_');
        return;
    }
    for (size_t i = 0; i < len; i++)
        dyad_buf_putc(b, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
}

static void put_str(dyad_buf *b, const char *s)
{
    put_field(b, s, s ? strlen(s) : 0);
}

/* HEAD column: 1-based in the sentence, 0 for the root, "_" before parsing. */
static void put_head(dyad_buf *b, const dyad_token *t, const dyad_sentence *s)
{
    if (!t->deprel)
        dyad_buf_putc(b, '_');
    else if (t->head >= (int32_t)s->first && t->head < (int32_t)(s->first + s->count))
        dyad_buf_printf(b, "%d", t->head - (int32_t)s->first + 1);
    else
        dyad_buf_putc(b, '0');
}

static void put_token(dyad_buf *b, const dyad_doc *doc, const dyad_sentence *s, size_t i)
{
    const dyad_token *t = &doc->tokens[i];
    bool text_ok = t->start <= t->end && t->end <= doc->text_len;
    dyad_buf_printf(b, "%zu\t", i - s->first + 1);
    put_field(b, text_ok ? doc->text + t->start : NULL, text_ok ? t->end - t->start : 0);
    dyad_buf_putc(b, '\t');
    const char *cols[4] = {t->lemma, t->upos, t->xpos, t->feats};
    for (int c = 0; c < 4; c++) {
        put_str(b, cols[c]);
        dyad_buf_putc(b, '\t');
    }
    put_head(b, t, s);
    dyad_buf_putc(b, '\t');
    put_str(b, t->deprel);
    bool glued = !(t->flags & DYAD_TOKEN_SPACE_AFTER) && i + 1 < doc->n_tokens;
    dyad_buf_puts(b, glued ? "\t_\tSpaceAfter=No\n" : "\t_\t_\n");
}

char *dyad_doc_to_conllu(const dyad_doc *doc, size_t *len)
{
    dyad_buf b;
    dyad_buf_init(&b);
    if (doc->id)
        dyad_buf_printf(&b, "# newdoc id = %s\n", doc->id);
    for (size_t k = 0; k < doc->n_sentences; k++) {
        const dyad_sentence *s = &doc->sentences[k];
        if (s->first > doc->n_tokens || s->count > doc->n_tokens - s->first)
            continue;
        dyad_buf_puts(&b, "# sent_id = ");
        if (doc->id)
            dyad_buf_printf(&b, "%s-", doc->id);
        dyad_buf_printf(&b, "%zu\n# text = ", k + 1);
        bool text_ok = s->start <= s->end && s->end <= doc->text_len;
        put_field(&b, text_ok ? doc->text + s->start : NULL, text_ok ? s->end - s->start : 0);
        dyad_buf_putc(&b, '\n');
        for (size_t i = s->first; i < s->first + s->count; i++)
            put_token(&b, doc, s, i);
        dyad_buf_putc(&b, '\n');
    }
    if (b.oom) {
        dyad_buf_free(&b);
        return NULL;
    }
    size_t n = b.len;
    char *out = n ? dyad_buf_detach(&b, &n) : strdup(""); /* empty doc: "", not NULL */
    if (len && out)
        *len = n;
    return out;
}
