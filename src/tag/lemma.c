/* Lemmatizer: a (form, xpos) lexicon from the treebank, then suffix edit rules by xpos. */
#include "tag_impl.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_SUFFIX 6         /* longest suffix (bytes) a rule is keyed on */
#define FIRST_WEIGHT 4       /* the first treebank's lemmas outvote the others' */
#define LOWER_MARK 0x10000ULL /* separates lower-cased lexicon keys from exact ones */

static uint64_t exact_key(const char *form, size_t n, uint64_t hx)
{
    return tag_key(tag_hash(form, n, 1), hx);
}

static uint64_t lower_key(const char *form, size_t n, uint64_t hx)
{
    return tag_key(tag_hash_lower(form, n) ^ LOWER_MARK, hx);
}

static uint64_t suffix_key(const char *low, size_t n, size_t k, uint64_t hx)
{
    return tag_key(tag_hash(low + n - k, k, 40 + k), hx);
}

static const char *rule_apply(const dyad_tagger *t, const uint32_t *rule, const char *form,
                              const char *low, size_t n, dyad_arena *arena)
{
    const char *base = rule[2] & TAG_RULE_LOWER ? low : form;
    const char *add = t->strings + rule[1];
    size_t keep = n - rule[0], alen = strlen(add);
    char *out = dyad_arena_alloc(arena, keep + alen + 1);
    if (!out)
        return NULL;
    memcpy(out, base, keep);
    memcpy(out + keep, add, alen + 1);
    return out;
}

/* WordNet's exceptions (tools/compile-irregular.py): an unseen "slain" is "slay", not
 * what the suffix rules make of it ("sla"). */
typedef struct irregular { const char *form, *lemma; char cls; } irregular;
static const irregular irregulars[] = {
#include "irregular.inc"
};

/* The class of the inflections an xpos tag marks: past and participle forms and -s
 * verbs, plural nouns, comparative adjectives; 0 for base forms. */
static char irregular_class(const char *xpos)
{
    if (!strcmp(xpos, "VBD") || !strcmp(xpos, "VBN") || !strcmp(xpos, "VBG") ||
        !strcmp(xpos, "VBZ"))
        return 'V';
    if (!strcmp(xpos, "NNS") || !strcmp(xpos, "NNPS"))
        return 'N';
    return !strcmp(xpos, "JJR") || !strcmp(xpos, "JJS") ? 'J' : 0;
}

static int irregular_cmp(const void *key, const void *elem)
{
    const irregular *a = key, *b = elem;
    int c = strcmp(a->form, b->form);
    return c ? c : a->cls - b->cls;
}

/* The lemma WordNet gives the lower-cased form low of class cls, or NULL. */
static const char *irregular_lemma(const char *low, char cls)
{
    irregular key = {low, NULL, cls};
    const irregular *hit = bsearch(&key, irregulars, sizeof irregulars / sizeof *irregulars,
                                   sizeof *irregulars, irregular_cmp);
    return hit ? hit->lemma : NULL;
}

/* WordNet's verbs (tools/compile-irregular.py --verbs): what a suffix rule makes of an
 * unseen verb form is checked against them. */
static const char *const known_verbs[] = {
#include "verbs.inc"
};

static int string_cmp(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

static bool known_verb(const char *lemma)
{
    return bsearch(lemma, known_verbs, sizeof known_verbs / sizeof *known_verbs,
                   sizeof *known_verbs, string_cmp) != NULL;
}

/* A verb form's lemma when the suffix rule's is no verb WordNet knows: the rule that
 * makes "claimed" "claim" makes "blamed" "blam" and "curbed" "cur". The other ways
 * English inflects are tried in turn (tried, agreed, blamed, claimed, planned; making,
 * going, stopping; goes, says); the rule's stays when none is a known verb
 * ("livestreamed"). */
static bool known_inflection(const char *low, size_t n, char c[44]);

static const char *verb_lemma(const char *ruled, const char *low, size_t n, dyad_arena *arena)
{
    char c[44];
    if (!ruled || known_verb(ruled) || !known_inflection(low, n, c))
        return ruled;
    return dyad_arena_strndup(arena, c, strlen(c));
}

/* The verb WordNet knows of which low (n bytes, lower case) is an "-ed", "-ing" or "-s"
 * form, into c; false when none. */
static bool known_inflection(const char *low, size_t n, char c[44])
{
    if (n < 4 || n > 40)
        return false;
    size_t cut = n > 3 && strcmp(low + n - 3, "ing") == 0 ? 3
                 : n > 2 && strcmp(low + n - 2, "ed") == 0 ? 2
                 : low[n - 1] == 's'                       ? 1
                                                           : 0;
    if (!cut)
        return false;
    size_t b = n - cut; /* the stem before the ending */
    const char *tries[6];
    size_t lens[6], k = 0;
    if (cut == 2 && low[b - 1] == 'i')
        tries[k] = "y", lens[k++] = b - 1; /* tried */
    if (cut == 1 && n > 3 && strcmp(low + n - 3, "ies") == 0)
        tries[k] = "y", lens[k++] = n - 3; /* tries */
    if (cut == 2)
        tries[k] = "", lens[k++] = n - 1; /* agreed */
    tries[k] = "", lens[k++] = b;         /* claimed, going, says */
    tries[k] = "e", lens[k++] = b;        /* blamed, making */
    if (b >= 2 && low[b - 1] == low[b - 2] && !strchr("aeiouls", low[b - 1]))
        tries[k] = "", lens[k++] = b - 1; /* planned, stopping */
    if (cut == 1 && n > 3 && low[n - 2] == 'e' &&
        (strchr("sxzo", low[n - 3]) || (low[n - 3] == 'h' && strchr("cs", low[n - 4]))))
        tries[k] = "", lens[k++] = n - 2; /* goes, watches (not "departes") */
    for (size_t i = 0; i < k; i++) {
        memcpy(c, low, lens[i]);
        strcpy(c + lens[i], tries[i]);
        if (known_verb(c))
            return true;
    }
    return false;
}

/* WordNet's lemma of form as an irregular verb form, any case ("Fled": flee), or NULL. */
static const char *irregular_verb_lemma(const char *form, size_t n)
{
    char low[32];
    if (n == 0 || n >= sizeof low)
        return NULL;
    tag_lower(form, n, low);
    low[n] = '\0';
    return irregular_lemma(low, 'V');
}

bool tag_irregular_verb(const char *form, size_t n)
{
    return irregular_verb_lemma(form, n) != NULL;
}

bool tag_present_verb(const char *form, size_t n, bool third_person)
{
    char low[44], verb[44];
    if (n < 2 || n >= sizeof low)
        return false;
    tag_lower(form, n, low);
    low[n] = '\0';
    if (!third_person)
        return known_verb(low);
    /* "kills", "goes", "tries"; not "boss" */
    return low[n - 1] == 's' && low[n - 2] != 's' && known_inflection(low, n, verb);
}

bool tag_lemma_seen(const dyad_tagger *t, const char *form, size_t n, const char *xpos)
{
    uint64_t hx = tag_hash(xpos, strlen(xpos), 30);
    return tag_table_get(&t->lemmas, lower_key(form, n, hx)) != TAG_MISS;
}

/* A rule that undoubles a final consonant ("travelled" -> "travel") is wrong for a word
 * whose stem keeps both ("shelled" -> "shell", "spelled" -> "spell"): when the stem with
 * the consonant twice is a word the treebanks saw as a noun or a base verb, that is the
 * lemma. */
static const char *undoubled(const dyad_tagger *t, const char *lemma, const char *low, size_t n,
                             dyad_arena *arena)
{
    size_t ln = lemma ? strlen(lemma) : 0;
    if (ln < 2 || ln + 3 > n || ln + 1 >= n || low[ln] != low[ln - 1] ||
        strchr("aeiou", low[ln]) || strncasecmp(lemma, low, ln) != 0 ||
        !(strcmp(low + ln + 1, "ed") == 0 || strcmp(low + ln + 1, "ing") == 0))
        return lemma;
    if (!tag_lemma_seen(t, low, ln + 1, "NN") && !tag_lemma_seen(t, low, ln + 1, "VB"))
        return lemma;
    char *out = dyad_arena_alloc(arena, ln + 2);
    if (!out)
        return lemma;
    memcpy(out, lemma, ln);
    out[ln] = low[ln];
    out[ln + 1] = '\0';
    return out;
}

void tag_lemma_keys(const dyad_tagger *t, uint64_t form_hash, uint64_t lower_hash,
                    const char *xpos, tag_lemma_key *k)
{
    k->hx = tag_hash(xpos, strlen(xpos), 30);
    k->cls = irregular_class(xpos);
    k->exact = tag_key(form_hash, k->hx);
    k->lower = tag_key(lower_hash ^ LOWER_MARK, k->hx);
    if (t->lemmas.slots) {
        __builtin_prefetch(&t->lemmas.slots[(uint32_t)k->exact & t->lemmas.mask]);
        __builtin_prefetch(&t->lemmas.slots[(uint32_t)k->lower & t->lemmas.mask]);
    }
}

const char *tag_lemma(const dyad_tagger *t, const char *form, size_t n, const char *xpos,
                      dyad_arena *arena)
{
    tag_lemma_key k;
    tag_lemma_keys(t, tag_hash(form, n, 1), tag_hash_lower(form, n), xpos, &k);
    return tag_lemma_keyed(t, form, n, &k, arena);
}

const char *tag_lemma_keyed(const dyad_tagger *t, const char *form, size_t n,
                            const tag_lemma_key *key, dyad_arena *arena)
{
    uint64_t hx = key->hx;
    /* a verb's irregular forms are WordNet's before the treebanks' ("fled" is "flead"
     * three times in GUM train); nouns keep the treebanks' conventions ("data") */
    const char *wn = key->cls == 'V' ? irregular_verb_lemma(form, n) : NULL;
    if (wn)
        return wn;
    uint32_t v = tag_table_get(&t->lemmas, key->exact);
    if (v == TAG_MISS)
        v = tag_table_get(&t->lemmas, key->lower);
    /* a past tense and a participle written alike share their lemma ("shot": shoot) */
    if (v == TAG_MISS) {
        uint64_t vbd = tag_hash("VBD", 3, 30), vbn = tag_hash("VBN", 3, 30);
        if (hx == vbd || hx == vbn)
            v = tag_table_get(&t->lemmas, lower_key(form, n, hx == vbd ? vbn : vbd));
    }
    /* (a verb's lemma the treebanks misspelt once, "freed" as "fre" in GUM, yields to
     * the known verb of the same inflection) */
    if (v != TAG_MISS && (key->cls != 'V' || known_verb(t->strings + v)))
        return t->strings + v;
    char *low = arena ? dyad_arena_alloc(arena, n + 1) : NULL;
    if (v != TAG_MISS && !low)
        return t->strings + v;
    if (v != TAG_MISS) {
        tag_lower(form, n, low);
        low[n] = '\0';
        return verb_lemma(t->strings + v, low, n, arena);
    }
    if (!low)
        return NULL;
    tag_lower(form, n, low);
    low[n] = '\0';
    wn = key->cls ? irregular_lemma(low, key->cls) : NULL;
    if (wn)
        return wn;
    for (size_t k = n < MAX_SUFFIX ? n : MAX_SUFFIX;; k--) {
        uint32_t r = tag_table_get(&t->rule_keys, suffix_key(low, n, k, hx));
        /* A rule strips inside the matched suffix only, so it cannot split a character,
         * and never the whole word. */
        if (r != TAG_MISS && t->rules[3 * r] <= k && t->rules[3 * r] < n) {
            const char *lemma = undoubled(t, rule_apply(t, t->rules + 3 * r, form, low, n, arena),
                                          low, n, arena);
            return key->cls == 'V' ? verb_lemma(lemma, low, n, arena) : lemma;
        }
        if (k == 0)
            break;
    }
    const char *same = dyad_arena_strndup(arena, form, n);
    return key->cls == 'V' ? verb_lemma(same, low, n, arena) : same;
}

/* ---- learning ---------------------------------------------------------------- */

/* Counted candidates: key -> (value, count); the most frequent value wins. */
typedef struct vote {
    tag_map pairs;      /* hash(key, value) -> index into recs */
    tag_map best;       /* key -> index of the leading rec */
    uint32_t (*recs)[2]; /* [n][value, count] */
    uint32_t n, cap;
} vote;

static bool vote_add(vote *v, uint64_t key, uint32_t value, uint32_t weight)
{
    uint32_t slot = tag_map_slot(&v->pairs, tag_key(key, value + 0x777ULL), v->n);
    uint32_t bslot = tag_map_slot(&v->best, key, v->n);
    if (slot == TAG_MISS || bslot == TAG_MISS)
        return false;
    uint32_t r = v->pairs.vals[slot];
    if (r == v->n) {
        if (v->n == v->cap) {
            uint32_t cap = v->cap ? v->cap * 2 : 4096;
            void *p = realloc(v->recs, cap * sizeof *v->recs);
            if (!p)
                return false;
            v->recs = p;
            v->cap = cap;
        }
        v->recs[v->n][0] = value;
        v->recs[v->n++][1] = 0;
    }
    v->recs[r][1] += weight;
    if (v->recs[r][1] > v->recs[v->best.vals[bslot]][1])
        v->best.vals[bslot] = r;
    return true;
}

/* Turns the votes into key -> winning value, in place in v->best. */
static void vote_finish(vote *v)
{
    for (uint32_t i = 0; i < v->best.cap; i++)
        if (v->best.keys[i])
            v->best.vals[i] = v->recs[v->best.vals[i]][0];
}

static void vote_free(vote *v)
{
    tag_map_free(&v->pairs);
    free(v->recs);
}

static size_t common_prefix(const char *a, size_t na, const char *b, size_t nb)
{
    size_t i = 0;
    while (i < na && i < nb && a[i] == b[i])
        i++;
    return i;
}

/* Rule index for turning form into lemma; ties go to the lower-cased form, so
 * rules learned from lower-case words lower-case capitalised unseen words. */
static uint32_t rule_learn(tag_lemma_build *lb, tag_map *ids, tag_pool *pool, const char *form,
                           const char *low, size_t n, const char *lemma)
{
    size_t ln = strlen(lemma);
    size_t pf = common_prefix(form, n, lemma, ln), pl = common_prefix(low, n, lemma, ln);
    uint32_t flags = pl >= pf ? TAG_RULE_LOWER : 0, p = (uint32_t)(pl >= pf ? pl : pf);
    uint32_t add = tag_pool_add(pool, lemma + p, ln - p);
    uint32_t slot = tag_map_slot(ids, tag_key((n - p) << 2 | flags, add), lb->n_rules);
    if (add == TAG_MISS || slot == TAG_MISS)
        return TAG_MISS;
    if (ids->vals[slot] == lb->n_rules) {
        uint32_t *r = realloc(lb->rules, (lb->n_rules + 1) * 3 * sizeof *r);
        if (!r)
            return TAG_MISS;
        lb->rules = r;
        r += 3 * lb->n_rules++;
        r[0] = (uint32_t)(n - p);
        r[1] = add;
        r[2] = flags;
    }
    return ids->vals[slot];
}

/* Votes for one word: lexicon entries always, suffix rules once per (form, xpos). */
static bool learn_word(tag_lemma_build *lb, vote *lex, vote *rules, tag_map *ids,
                       tag_pool *pool, const dyad_conllu_word *w, uint32_t weight)
{
    size_t n = strlen(w->form);
    uint64_t hx = tag_hash(w->xpos, strlen(w->xpos), 30);
    uint32_t lemma = tag_pool_add(pool, w->lemma, strlen(w->lemma));
    uint64_t ek = exact_key(w->form, n, hx);
    bool seen = tag_map_get(&lex->best, ek) != TAG_MISS;
    if (lemma == TAG_MISS || !vote_add(lex, ek, lemma, weight) ||
        !vote_add(lex, lower_key(w->form, n, hx), lemma, weight))
        return false;
    if (seen)
        return true;
    char *low = malloc(n + 1);
    if (!low)
        return false;
    tag_lower(w->form, n, low);
    uint32_t r = rule_learn(lb, ids, pool, w->form, low, n, w->lemma);
    bool ok = r != TAG_MISS;
    for (size_t k = 0; ok && k <= n && k <= MAX_SUFFIX; k++)
        if (lb->rules[3 * r] <= k)
            ok = vote_add(rules, suffix_key(low, n, k, hx), r, 1);
    free(low);
    return ok;
}

dyad_status tag_lemma_learn(tag_lemma_build *lb, tag_pool *pool,
                            const dyad_treebank *const *train, size_t n_train)
{
    vote lex = {0}, rules = {0};
    tag_map ids = {0};
    bool ok = true;
    for (size_t b = 0; ok && b < n_train; b++)
        for (size_t s = 0; ok && s < train[b]->n_sentences; s++) {
            const dyad_conllu_sentence *sent = &train[b]->sentences[s];
            for (int i = 0; ok && i < sent->n_words; i++)
                ok = learn_word(lb, &lex, &rules, &ids, pool, &sent->words[i],
                                b == 0 ? FIRST_WEIGHT : 1);
        }
    vote_finish(&lex);
    vote_finish(&rules);
    lb->lex = lex.best;
    lb->rule_keys = rules.best;
    vote_free(&lex);
    vote_free(&rules);
    tag_map_free(&ids);
    return ok ? DYAD_OK : DYAD_ENOMEM;
}

void tag_lemma_build_free(tag_lemma_build *lb)
{
    tag_map_free(&lb->lex);
    tag_map_free(&lb->rule_keys);
    free(lb->rules);
    *lb = (tag_lemma_build){0};
}
