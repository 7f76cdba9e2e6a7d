/* JSON Lines writer for the output contract. Hand-written rather than built through
 * a JSON library's tree: one streaming pass over the document, no per-value mallocs. */
#include "internal.h"

#include <string.h>

/* Escapes a UTF-8 string (already valid: the reader guarantees it). */
static void json_string(dyad_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    dyad_buf_reserve(b, len + 2);
    dyad_buf_putc(b, '"');
    size_t run = 0; /* bytes copied verbatim in one append */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        dyad_buf_append(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': dyad_buf_append(b, "\\\"", 2); break;
        case '\\': dyad_buf_append(b, "\\\\", 2); break;
        case '\n': dyad_buf_append(b, "\\n", 2); break;
        case '\t': dyad_buf_append(b, "\\t", 2); break;
        case '\r': dyad_buf_append(b, "\\r", 2); break;
        default: {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            dyad_buf_append(b, esc, 6);
        }
        }
    }
    dyad_buf_append(b, s + run, len - run);
    dyad_buf_putc(b, '"');
}

static void json_key_string(dyad_buf *b, const char *key, const char *value)
{
    dyad_buf_printf(b, ",\"%s\":", key);
    if (value)
        json_string(b, value, strlen(value));
    else
        dyad_buf_puts(b, "null");
}

static void json_errors(dyad_buf *b, const dyad_doc *doc)
{
    dyad_buf_puts(b, ",\"errors\":[");
    for (size_t i = 0; i < doc->n_errors; i++) {
        dyad_buf_puts(b, i ? ",{\"code\":" : "{\"code\":");
        json_string(b, doc->errors[i].code, strlen(doc->errors[i].code));
        dyad_buf_puts(b, ",\"message\":");
        json_string(b, doc->errors[i].message, strlen(doc->errors[i].message));
        dyad_buf_puts(b, doc->errors[i].warning ? ",\"severity\":\"warning\"}" : "}");
    }
    dyad_buf_putc(b, ']');
}

static void json_dates(dyad_buf *b, const dyad_doc *doc)
{
    dyad_buf_puts(b, ",\"dates\":[");
    for (size_t i = 0; i < doc->n_dates; i++) {
        const dyad_date *d = &doc->dates[i];
        dyad_buf_puts(b, i ? ",{\"text\":" : "{\"text\":");
        json_string(b, doc->text + d->start, d->end - d->start);
        dyad_buf_printf(b, ",\"span\":[%u,%u]", d->start, d->end);
        json_key_string(b, "value", d->value);
        dyad_buf_putc(b, '}');
    }
    dyad_buf_putc(b, ']');
}

static void json_actors(dyad_buf *b, const dyad_doc *doc)
{
    dyad_buf_puts(b, ",\"actors\":[");
    for (size_t i = 0; i < doc->n_actors; i++) {
        const dyad_mention *m = &doc->actors[i];
        dyad_buf_puts(b, i ? ",{\"text\":" : "{\"text\":");
        json_string(b, doc->text + m->start, m->end - m->start);
        dyad_buf_printf(b, ",\"span\":[%u,%u]", m->start, m->end);
        json_key_string(b, "name", m->name);
        json_key_string(b, "type", m->type);
        json_key_string(b, "code", m->code);
        if (m->country_inferred)
            dyad_buf_puts(b, ",\"country_inferred\":true");
        if (m->form && strcmp(m->form, "name") != 0)
            json_key_string(b, "form", m->form);
        if (m->antecedent >= 0)
            dyad_buf_printf(b, ",\"refers_to\":%d", (int)m->antecedent);
        dyad_buf_putc(b, '}');
    }
    dyad_buf_putc(b, ']');
}

static void json_event_actor(dyad_buf *b, const char *key, const dyad_event_actor *a)
{
    dyad_buf_printf(b, ",\"%s\":{\"text\":", key);
    json_string(b, a->text ? a->text : "", a->text ? strlen(a->text) : 0);
    dyad_buf_printf(b, ",\"span\":[%u,%u]", a->start, a->end);
    json_key_string(b, "code", a->code);
    if (a->implicit)
        dyad_buf_puts(b, ",\"implicit\":true");
    dyad_buf_putc(b, '}');
}

/* "speaker": null when no one is named; otherwise text, span, name, kind, code. */
static void json_speaker(dyad_buf *b, const dyad_doc *doc, const dyad_speaker *sp)
{
    if (!sp->kind) {
        dyad_buf_puts(b, ",\"speaker\":null");
        return;
    }
    dyad_buf_puts(b, ",\"speaker\":{\"text\":");
    json_string(b, doc->text + sp->start, sp->end - sp->start);
    dyad_buf_printf(b, ",\"span\":[%u,%u]", sp->start, sp->end);
    json_key_string(b, "name", sp->name);
    json_key_string(b, "kind", sp->kind);
    json_key_string(b, "code", sp->code);
    dyad_buf_putc(b, '}');
}

static void json_quotes(dyad_buf *b, const dyad_doc *doc)
{
    dyad_buf_puts(b, ",\"quotes\":[");
    for (size_t i = 0; i < doc->n_quotes; i++) {
        const dyad_quote *q = &doc->quotes[i];
        dyad_buf_puts(b, i ? ",{\"text\":" : "{\"text\":");
        json_string(b, doc->text + q->start, q->end - q->start);
        dyad_buf_printf(b, ",\"span\":[%u,%u],\"direct\":%s", q->start, q->end,
                        q->direct ? "true" : "false");
        json_key_string(b, "cue", q->cue_text);
        json_speaker(b, doc, &q->speaker);
        if (q->denial)
            dyad_buf_puts(b, ",\"denial\":true");
        if (q->denies >= 0)
            dyad_buf_printf(b, ",\"denies\":%d", q->denies);
        dyad_buf_putc(b, '}');
    }
    dyad_buf_putc(b, ']');
}

static void json_events(dyad_buf *b, const dyad_doc *doc)
{
    dyad_buf_puts(b, ",\"events\":[");
    for (size_t i = 0; i < doc->n_events; i++) {
        const dyad_event *e = &doc->events[i];
        dyad_buf_printf(b, "%s{\"sentence\":%d,\"span\":[%u,%u]", i ? "," : "", e->sentence,
                        e->start, e->end);
        json_key_string(b, "date", e->date);
        json_event_actor(b, "source", &e->source);
        json_event_actor(b, "target", &e->target);
        json_key_string(b, "cameo", e->cameo);
        dyad_buf_printf(b, ",\"goldstein\":%.1f,\"quad_class\":%d", e->goldstein, e->quad_class);
        dyad_buf_puts(b, ",\"plover\":{\"type\":");
        json_string(b, e->plover_type, strlen(e->plover_type));
        json_key_string(b, "mode", e->plover_mode);
        dyad_buf_puts(b, ",\"context\":[");
        /* the table keeps contexts comma-separated; the contract wants a list */
        for (const char *c = e->plover_context; *c;) {
            const char *comma = strchr(c, ',');
            size_t n = comma ? (size_t)(comma - c) : strlen(c);
            if (c != e->plover_context)
                dyad_buf_putc(b, ',');
            json_string(b, c, n);
            c += n + (comma ? 1 : 0);
        }
        dyad_buf_puts(b, "]}");
        json_key_string(b, "status", e->status);
        if (e->quote >= 0)
            dyad_buf_printf(b, ",\"quote\":%d", e->quote);
        else
            dyad_buf_puts(b, ",\"quote\":null");
        if (e->denied_by >= 0)
            dyad_buf_printf(b, ",\"denied_by\":%d", e->denied_by);
        json_key_string(b, "verb", e->verb);
        dyad_buf_printf(b, ",\"mentions\":%u,\"spans\":[", e->mentions);
        for (uint32_t k = 0; k < e->mentions; k++)
            dyad_buf_printf(b, "%s[%u,%u]", k ? "," : "", e->spans[2 * k], e->spans[2 * k + 1]);
        dyad_buf_puts(b, "]}");
    }
    dyad_buf_putc(b, ']');
}

static void json_token(dyad_buf *b, const dyad_doc *doc, const dyad_sentence *s,
                       const dyad_token *t)
{
    dyad_buf_puts(b, "{\"text\":");
    json_string(b, doc->text + t->start, t->end - t->start);
    dyad_buf_printf(b, ",\"span\":[%u,%u]", t->start, t->end);
    if (t->upos) {
        json_key_string(b, "upos", t->upos);
        json_key_string(b, "xpos", t->xpos);
        json_key_string(b, "lemma", t->lemma);
        json_key_string(b, "feats", t->feats);
        /* Heads are sentence-relative (0-based, -1 for the root) so a sentence reads alone. */
        long head = t->head < 0 ? -1 : (long)t->head - (long)s->first;
        dyad_buf_printf(b, ",\"head\":%ld", head);
        json_key_string(b, "deprel", t->deprel);
    }
    dyad_buf_putc(b, '}');
}

static void json_sentences(dyad_buf *b, const dyad_doc *doc)
{
    dyad_buf_puts(b, ",\"sentences\":[");
    for (size_t i = 0; i < doc->n_sentences; i++) {
        const dyad_sentence *s = &doc->sentences[i];
        dyad_buf_printf(b, "%s{\"span\":[%u,%u],\"tokens\":[", i ? "," : "", s->start, s->end);
        for (uint32_t k = 0; k < s->count; k++) {
            if (k)
                dyad_buf_putc(b, ',');
            json_token(b, doc, s, &doc->tokens[s->first + k]);
        }
        dyad_buf_puts(b, "]}");
    }
    dyad_buf_putc(b, ']');
}

char *dyad_doc_to_json(const dyad_doc *doc, unsigned flags, size_t *len)
{
    dyad_buf b;
    dyad_buf_init(&b);
    dyad_buf_puts(&b, "{\"id\":");
    json_string(&b, doc->id ? doc->id : "", doc->id ? strlen(doc->id) : 0);
    json_key_string(&b, "date", doc->date);
    json_key_string(&b, "title", doc->title);
    json_key_string(&b, "source", doc->source);
    if (doc->url)
        json_key_string(&b, "url", doc->url);
    json_key_string(&b, "format", doc->format);
    dyad_buf_printf(&b, ",\"stats\":{\"bytes\":%zu,\"sentences\":%zu,\"tokens\":%zu}",
                    doc->text_len, doc->n_sentences, doc->n_tokens);
    if (flags & DYAD_JSON_TEXT) {
        dyad_buf_puts(&b, ",\"text\":");
        json_string(&b, doc->text ? doc->text : "", doc->text ? doc->text_len : 0);
    }
    if (doc->actors) {
        json_key_string(&b, "country", doc->country[0] ? doc->country : NULL);
        json_actors(&b, doc);
    }
    if (doc->dates)
        json_dates(&b, doc);
    if (doc->quotes)
        json_quotes(&b, doc);
    if (doc->events)
        json_events(&b, doc);
    if (flags & DYAD_JSON_TOKENS)
        json_sentences(&b, doc);
    if (doc->failed)
        dyad_buf_puts(&b, ",\"failed\":true");
    json_errors(&b, doc);
    dyad_buf_puts(&b, "}\n");
    return dyad_buf_detach(&b, len);
}
