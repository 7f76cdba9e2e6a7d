/* PETRARCH verb dictionaries (CAMEO 2.0 format) and discard lists, as users curate
 * them: synsets (&NAME, +phrase), blocks (--- NAME [code] ---), verbs with irregular
 * forms ({...}) and own codes, and patterns (- words * words [code:code2]). */
#include "events.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_LINE 4096

typedef struct line_reader {
    const char *p, *end;
    size_t lineno;
    bool comment_only; /* the line held only a comment: it does not end a synset */
    char buf[MAX_LINE];
} line_reader;

/* Next line without its comment ('#' to the end) and outer blanks; false at the end.
 * Over-long lines come back empty with *too_long set. */
static bool next_line(line_reader *r, bool *too_long)
{
    if (r->p >= r->end)
        return false;
    const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
    size_t n = nl ? (size_t)(nl - r->p) : (size_t)(r->end - r->p);
    r->lineno++;
    *too_long = n >= MAX_LINE;
    if (*too_long)
        n = 0;
    memcpy(r->buf, r->p, n);
    r->buf[n] = '\0';
    r->p += n + 1;
    /* '#' comments, and TABARI's ';' ones still found in PETRARCH files */
    char *hash = strpbrk(r->buf, "#;");
    r->comment_only = hash && strspn(r->buf, " \t") == (size_t)(hash - r->buf);
    if (hash)
        *hash = '\0';
    char *s = r->buf;
    while (*s == ' ' || *s == '\t' || *s == '\r')
        s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        s[--len] = '\0';
    memmove(r->buf, s, len + 1);
    return true;
}

/* A code "042", "0875A", or the null code "---" (also written as nothing: "[:110]"). */
static bool event_code_ok(const char *s, size_t n)
{
    if ((n == 3 && memcmp(s, "---", 3) == 0) || n == 0)
        return true;
    if (n < 2 || n >= EV_MAX_CODE)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]) && !isupper((unsigned char)s[i]))
            return false;
    return isdigit((unsigned char)s[0]);
}

/* Parses "[042]" or "[042:043]" at s into code/code2; false when malformed. */
static bool parse_codes(const char *s, char *code, char *code2)
{
    const char *open = strchr(s, '['), *close = open ? strchr(open, ']') : NULL;
    if (!open || !close)
        return false;
    const char *colon = memchr(open, ':', (size_t)(close - open));
    const char *e1 = colon ? colon : close;
    size_t n1 = (size_t)(e1 - open - 1);
    if (!event_code_ok(open + 1, n1))
        return false;
    memcpy(code, open + 1, n1);
    code[n1] = '\0';
    if (!n1)
        memcpy(code, "---", 4);
    code2[0] = '\0';
    if (colon) {
        size_t n2 = (size_t)(close - colon - 1);
        if (!event_code_ok(colon + 1, n2))
            return false;
        memcpy(code2, colon + 1, n2);
        code2[n2] = '\0';
    }
    return true;
}

static int32_t synset_find(const dyad_event_dict *d, const char *name)
{
    for (size_t i = d->n_synsets; i-- > 0;)
        if (strcmp(ev_str(d, d->synsets[i].name), name) == 0)
            return (int32_t)i;
    return -1;
}

/* Adds the words of phrase (spaces or underscores between words, brackets ignored)
 * as one synset phrase. */
static bool add_phrase(dyad_event_dict *d, const char *s, bool exact_all)
{
    if (!dyad_array_grow((void **)&d->phrases, &d->cap_phrases, d->n_phrases + 1,
                         sizeof *d->phrases, 256))
        return false;
    ev_phrase *ph = &d->phrases[d->n_phrases];
    ph->word = (uint32_t)d->n_phrase_words;
    ph->n_words = 0;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--; /* "GROUP A_   # note": the underscore ends the word */
    ph->exact = exact_all || (len && s[len - 1] == '_');
    const char *p = s;
    while (*p) {
        while (*p && strchr(" _(){}", *p))
            p++;
        const char *w = p;
        while (*p && !strchr(" _(){}", *p))
            p++;
        if (p == w)
            continue;
        if (!dyad_array_grow((void **)&d->phrase_words, &d->cap_phrase_words,
                             d->n_phrase_words + 1, sizeof *d->phrase_words, 512))
            return false;
        uint32_t off = ev_pool_add(d, w, (size_t)(p - w), true);
        if (d->pool.oom)
            return false;
        d->phrase_words[d->n_phrase_words++] = off;
        ph->n_words++;
    }
    if (ph->n_words)
        d->n_phrases++;
    return true;
}

static bool add_elem(dyad_event_dict *d, uint8_t kind, uint8_t exact, uint32_t value)
{
    if (!dyad_array_grow((void **)&d->elems, &d->cap_elems, d->n_elems + 1, sizeof *d->elems,
                         1024))
        return false;
    d->elems[d->n_elems++] = (ev_elem){.kind = kind, .exact = exact, .value = value};
    return true;
}

/* Parses a pattern line ("- &MILITARY * (TO BORDER) [154]") into the current block.
 * Returns 1 when added, 0 when malformed (why set), -1 when out of memory. Synset
 * names stay pool offsets until resolve_synsets. */
static int parse_pattern(dyad_event_dict *d, char *line, const char **why)
{
    ev_pattern pat = {.first = (uint32_t)d->n_elems};
    if (!parse_codes(line, pat.code, pat.code2)) {
        *why = "pattern without a valid [code]";
        return 0;
    }
    *strchr(line, '[') = '\0';
    bool seen_verb = false;
    char *save = NULL;
    bool has_target = false;
    for (char *tok = strtok_r(line + 1, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
        bool lone = tok[0] == '(' && tok[1] != '(' && tok[strlen(tok) - 1] == ')';
        bool opens_phrase = tok[0] == '(' && isalpha((unsigned char)tok[1]);
        while (*tok == '(' || *tok == '{')
            tok++;
        size_t len = strlen(tok);
        while (len && (tok[len - 1] == ')' || tok[len - 1] == '}'))
            tok[--len] = '\0';
        if (!len)
            continue;
        if (strcmp(tok, "*") == 0 || strcmp(tok, "**") == 0) {
            if (seen_verb) {
                *why = "pattern with two verb markers";
                goto bad;
            }
            seen_verb = true;
            pat.n_pre = (uint32_t)(d->n_elems - pat.first);
            continue;
        }
        if (d->n_elems - pat.first + 1 > EV_MAX_ELEMS) {
            *why = "pattern too long";
            goto bad;
        }
        bool ok;
        if (strcmp(tok, "$") == 0)
            ok = add_elem(d, EL_SOURCE, 0, 0);
        else if (strcmp(tok, "^") == 0)
            ok = add_elem(d, EL_SKIP, 0, 0);
        else if (strcmp(tok, "%") == 0)
            ok = add_elem(d, EL_COMPOUND, 0, 0);
        else if (strcmp(tok, "+") == 0)
            ok = has_target = add_elem(d, EL_TARGET, 0, 0);
        else if (tok[0] == '&') {
            uint32_t off = ev_pool_add(d, tok, len, false);
            ok = !d->pool.oom && add_elem(d, EL_SYNSET, 0, off);
        } else {
            bool exact = tok[len - 1] == '_';
            size_t group_first = d->n_elems;
            ok = true;
            /* WORD_WORD: consecutive words, each its own element */
            for (char *w = tok; ok && *w;) {
                char *u = w;
                while (*u && *u != '_')
                    u++;
                if (u > w) {
                    uint32_t off = ev_pool_add(d, w, (size_t)(u - w), true);
                    ok = !d->pool.oom && add_elem(d, EL_WORD, exact, off);
                }
                w = *u ? u + 1 : u;
            }
            /* "(TO SANCTIONS)": a phrase that "to" heads, not "agreed to lift the sanctions" */
            if (ok && opens_phrase && seen_verb && d->n_elems > group_first)
                d->elems[group_first].preposition = 1;
            /* "- * (TO) [042]": a pattern of a lone relational preposition needs the
             * phrase it heads to name an actor, as PETRARCH's prepositional phrases do */
            static const char *const relational[] = {"TO", "WITH", "AGAINST", "TOWARD",
                                                     "TOWARDS", NULL};
            for (const char *const *r = relational; ok && lone && seen_verb && *r; r++)
                if (strcasecmp(tok, *r) == 0) /* "(FOR)" holds a thing: "called for talks" */
                    d->elems[d->n_elems - 1].governs = 1;
        }
        if (!ok)
            return -1;
    }
    if (!seen_verb) {
        *why = "pattern without the verb marker *";
        goto bad;
    }
    pat.n_post = (uint32_t)(d->n_elems - pat.first) - pat.n_pre;
    /* only alone after the verb: in "- * SUMMIT (IN ^) (ON)" the target may be elsewhere,
     * and a "+" says where it is */
    bool alone = !has_target && pat.n_post == 1;
    for (size_t e = pat.first; !alone && e < d->n_elems; e++)
        d->elems[e].governs = 0;
    if (!dyad_array_grow((void **)&d->patterns, &d->cap_patterns, d->n_patterns + 1,
                         sizeof *d->patterns, 1024))
        return -1;
    d->patterns[d->n_patterns++] = pat;
    d->blocks[d->n_blocks - 1].n_patterns++;
    return 1;
bad:
    d->n_elems = pat.first;
    return 0;
}

static bool add_verb(dyad_event_dict *d, const char *word, size_t len, const char *code,
                     const char *code2)
{
    /* "CLEAR_UP": the lemma, then a particle the parse attaches to it */
    const char *us = memchr(word, '_', len);
    size_t wl = us ? (size_t)(us - word) : len;
    if (!wl)
        return true;
    if (!dyad_array_grow((void **)&d->verbs, &d->cap_verbs, d->n_verbs + 1, sizeof *d->verbs,
                         512))
        return false;
    ev_verb *v = &d->verbs[d->n_verbs];
    memset(v, 0, sizeof *v);
    v->lemma = ev_pool_add(d, word, wl, true);
    if (us && us + 1 < word + len) {
        const char *pe = us + 1;
        size_t pl = (size_t)(word + len - pe);
        const char *us2 = memchr(pe, '_', pl);
        v->particle = ev_pool_add(d, pe, us2 ? (size_t)(us2 - pe) : pl, true);
    }
    if (d->pool.oom)
        return false;
    v->block = (uint32_t)(d->n_blocks - 1);
    snprintf(v->code, sizeof v->code, "%s", code);
    snprintf(v->code2, sizeof v->code2, "%s", code2);
    d->n_verbs++;
    return true;
}

/* A verb word: letters, and '_' joining a particle, '-' and apostrophes. */
static bool verb_word(const char *w, size_t n)
{
    return n && strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-'") >= n;
}

/* "GIVE {GAVE GIVEN} [070]" or "+GO_BY {+WENT_BY}": the verb, its listed forms, and
 * its own code. Returns 1 when added, 0 when malformed (why set), -1 out of memory. */
static int parse_verb_line(dyad_event_dict *d, char *line, const char **why)
{
    char code[EV_MAX_CODE] = "", code2[EV_MAX_CODE] = "";
    char *br = strchr(line, '[');
    if (br) {
        if (!parse_codes(br, code, code2)) {
            *why = "verb with a malformed [code]";
            return 0;
        }
        *br = '\0';
    }
    char *open = strchr(line, '{'), *close = open ? strchr(open, '}') : NULL;
    if (open && !close) {
        *why = "verb forms without the closing }";
        return 0;
    }
    if (close && close[1 + strspn(close + 1, " \t")] != '\0') {
        *why = "words after the verb forms";
        return 0;
    }
    if (open)
        *open = *close = '\0';
    /* the verb itself: one word before the forms */
    char *w = line + strspn(line, " \t+");
    size_t n = strcspn(w, " \t");
    if (w[n + strspn(w + n, " \t")] != '\0' || !verb_word(w, n)) {
        *why = "a verb line is one word, its {forms} and [code]";
        return 0;
    }
    while (n && w[n - 1] == '_')
        n--;
    if (n && !add_verb(d, w, n, code, code2))
        return -1;
    /* the listed forms: each a verb of its own with the same meaning */
    char *save = NULL;
    /* commas between forms, as some curated files write them: "{+CRACKED_DOWN , ...}" */
    for (char *tok = open ? strtok_r(open + 1, " \t,", &save) : NULL; tok;
         tok = strtok_r(NULL, " \t,", &save)) {
        while (*tok == '+')
            tok++;
        size_t len = strlen(tok);
        if (!verb_word(tok, len)) {
            *why = "verb forms with characters other than letters, '_', '-' and apostrophes";
            return 0;
        }
        while (len && tok[len - 1] == '_')
            len--;
        if (len && !add_verb(d, tok, len, code, code2))
            return -1;
    }
    return 1;
}

const char *ev_verb_code(const dyad_event_dict *d, const char *lemma)
{
    const char *code = NULL;
    for (int32_t vi = ev_verb_first(d, lemma); vi >= 0; vi = d->verbs[vi].next) {
        const ev_verb *v = &d->verbs[vi];
        if (v->particle || strcmp(ev_str(d, v->lemma), lemma) != 0)
            continue;
        const char *c = v->code[0] ? v->code : d->blocks[v->block].code;
        if (code && strcmp(code, c) != 0)
            return NULL; /* blocks that disagree give the verb alone no meaning */
        code = c;
    }
    return code && strcmp(code, "---") != 0 ? code : NULL;
}

static bool new_block(dyad_event_dict *d, const char *code, const char *code2)
{
    if (!dyad_array_grow((void **)&d->blocks, &d->cap_blocks, d->n_blocks + 1,
                         sizeof *d->blocks, 256))
        return false;
    ev_block *b = &d->blocks[d->n_blocks++];
    b->first_pattern = (uint32_t)d->n_patterns;
    b->n_patterns = 0;
    snprintf(b->code, sizeof b->code, "%s", code);
    snprintf(b->code2, sizeof b->code2, "%s", code2);
    return true;
}

/* Synset names in patterns -> indices; a pattern naming an unknown synset is
 * dropped (code emptied), as PETRARCH does. */
static void resolve_synsets(dyad_event_dict *d, size_t first_pattern, const char *name)
{
    for (size_t i = first_pattern; i < d->n_patterns; i++) {
        ev_pattern *p = &d->patterns[i];
        for (uint32_t k = 0; k < p->n_pre + p->n_post; k++) {
            ev_elem *e = &d->elems[p->first + k];
            if (e->kind != EL_SYNSET || e->exact == 2)
                continue;
            int32_t s = synset_find(d, ev_str(d, e->value));
            if (s < 0) {
                char why[160];
                snprintf(why, sizeof why, "pattern uses undefined synset %.100s",
                         ev_str(d, e->value));
                ev_problem(d, name, 0, why);
                p->code[0] = '\0';
                break;
            }
            e->value = (uint32_t)s;
            e->exact = 2; /* resolved */
        }
        p->words = 0;
        p->pre_words = false;
        for (uint32_t k = 0; k < p->n_pre + p->n_post; k++) {
            const ev_elem *e = &d->elems[p->first + k];
            if (k < p->n_pre && (e->kind == EL_WORD || e->kind == EL_SYNSET))
                p->pre_words = true;
            if (e->kind == EL_WORD) {
                const char *w = ev_str(d, e->value);
                p->words |= ev_word_bit(w, strlen(w));
            }
        }
    }
}

dyad_status dyad_event_dict_add_verbs(dyad_event_dict *d, const char *name, const void *data,
                                      size_t len, dyad_error *err)
{
    line_reader r = {.p = data, .end = (const char *)data + len};
    size_t first_pattern = d->n_patterns;
    int32_t synset = -1; /* synset being defined, while its '+' lines follow */
    bool too_long;
    while (next_line(&r, &too_long)) {
        char *line = r.buf;
        const char *why = NULL;
        int rc = 1;
        if (too_long) {
            ev_problem(d, name, r.lineno, "line too long");
            continue;
        }
        if (r.comment_only)
            continue;
        if (!*line || strncmp(line, "<!--", 4) == 0) {
            synset = -1;
            continue;
        }
        if (line[0] == '&') {
            size_t n = strcspn(line, " \t");
            if (!dyad_array_grow((void **)&d->synsets, &d->cap_synsets, d->n_synsets + 1,
                                 sizeof *d->synsets, 64))
                goto oom;
            ev_synset *s = &d->synsets[d->n_synsets];
            s->name = ev_pool_add(d, line, n, false);
            s->first = (uint32_t)d->n_phrases;
            s->n = 0;
            if (d->pool.oom)
                goto oom;
            synset = (int32_t)d->n_synsets++;
            continue;
        }
        if (line[0] == '+' && synset >= 0) {
            ev_synset *s = &d->synsets[synset];
            bool exact_all = ev_str(d, s->name)[strlen(ev_str(d, s->name)) - 1] == '_';
            if (line[1] == '&') { /* a synset inside a synset: its phrases, copied */
                int32_t inner = synset_find(d, line + 1);
                if (inner < 0 || inner == synset) {
                    ev_problem(d, name, r.lineno, "synset refers to an undefined synset");
                    continue;
                }
                /* phrases of earlier synsets precede ours, so copying appends in order */
                if (s->first + s->n != d->n_phrases) {
                    ev_problem(d, name, r.lineno, "synset phrases out of order");
                    continue;
                }
                for (uint32_t k = 0; k < d->synsets[inner].n; k++) {
                    if (!dyad_array_grow((void **)&d->phrases, &d->cap_phrases,
                                         d->n_phrases + 1, sizeof *d->phrases, 256))
                        goto oom;
                    d->phrases[d->n_phrases++] = d->phrases[d->synsets[inner].first + k];
                    s->n++;
                }
                continue;
            }
            size_t before = d->n_phrases;
            if (!add_phrase(d, line + 1, exact_all))
                goto oom;
            s->n += (uint32_t)(d->n_phrases - before);
            continue;
        }
        synset = -1;
        if (strncmp(line, "---", 3) == 0 || strncmp(line, "###", 3) == 0) {
            char code[EV_MAX_CODE] = "---", code2[EV_MAX_CODE] = "";
            if (strchr(line, '[') && !parse_codes(line, code, code2)) {
                ev_problem(d, name, r.lineno, "block header with a malformed [code]");
                snprintf(code, sizeof code, "---");
                code2[0] = '\0';
            }
            if (!new_block(d, code, code2))
                goto oom;
            continue;
        }
        if (!d->n_blocks) {
            ev_problem(d, name, r.lineno, "verb or pattern before the first block header");
            continue;
        }
        if (line[0] == '~') { /* PETRARCH-2 transformation rules: not used by dyad */
            ev_problem(d, name, r.lineno, "transformation rule (~) not supported, skipped");
            continue;
        }
        if (line[0] == '-')
            rc = parse_pattern(d, line, &why);
        else
            rc = parse_verb_line(d, line, &why);
        if (rc < 0)
            goto oom;
        if (rc == 0)
            ev_problem(d, name, r.lineno, why);
    }
    resolve_synsets(d, first_pattern, name);
    if (!ev_verb_index(d))
        goto oom;
    return DYAD_OK;
oom:
    dyad_error_set(err, DYAD_ENOMEM, "nomem", "out of memory loading %s", name);
    return DYAD_ENOMEM;
}

dyad_status dyad_event_dict_add_discards(dyad_event_dict *d, const char *name,
                                         const void *data, size_t len, dyad_error *err)
{
    line_reader r = {.p = data, .end = (const char *)data + len};
    bool too_long;
    while (next_line(&r, &too_long)) {
        char *line = r.buf;
        if (too_long) {
            ev_problem(d, name, r.lineno, "line too long");
            continue;
        }
        if (!*line || strncmp(line, "<!--", 4) == 0)
            continue;
        bool whole = line[0] == '+';
        size_t before_words = d->n_phrase_words, before = d->n_phrases;
        if (!add_phrase(d, line + whole, false))
            goto oom;
        if (d->n_phrases == before)
            continue;
        d->n_phrases--; /* only the words are kept, under the discard */
        if (!dyad_array_grow((void **)&d->discards, &d->cap_discards, d->n_discards + 1,
                             sizeof *d->discards, 256))
            goto oom;
        d->discards[d->n_discards++] = (ev_discard){
            .word = (uint32_t)before_words,
            .n_words = (uint32_t)(d->n_phrase_words - before_words),
            .whole = whole,
            .exact = d->phrases[d->n_phrases].exact};
    }
    return DYAD_OK;
oom:
    dyad_error_set(err, DYAD_ENOMEM, "nomem", "out of memory loading %s", name);
    return DYAD_ENOMEM;
}
