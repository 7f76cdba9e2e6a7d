/* Repairs of the parser's output where English allows only one reading and the greedy
 * parser, seeing one word at a time, often takes the other. */
#include "parser.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Words for a day or month that a clause is dated by ("On Friday, ..."). */
/* Whether word i is one of words (NULL-ended), ignoring case. */
static bool form_in(const dyad_parse_input *in, int i, const char *const *words)
{
    for (const char *const *w = words; *w; w++)
        if (strlen(*w) == in->form_len[i] && strncasecmp(in->form[i], *w, in->form_len[i]) == 0)
            return true;
    return false;
}

static const char *const commas[] = {",", NULL};

static bool date_word(const dyad_parse_input *in, int i)
{
    static const char *const words[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "yesterday", "today", "tonight", "january", "february", "march", "april", "may",
        "june", "july", "august", "september", "october", "november", "december", NULL};
    return form_in(in, i, words);
}

static bool rel_is(const char *rel, const char *want)
{
    return rel && strcmp(rel, want) == 0;
}

/* Whether word i has the part of speech upos. */
static bool upos_is(const dyad_parse_input *in, int i, const char *upos)
{
    return in->upos[i] && strcmp(in->upos[i], upos) == 0;
}

/* Whether word i is a proper noun. */
static bool proper(const dyad_parse_input *in, int i)
{
    return upos_is(in, i, "PROPN");
}

/* Whether word i is a noun or a name. */
static bool nominal(const dyad_parse_input *in, int i)
{
    return upos_is(in, i, "NOUN") || proper(in, i);
}

/* Whether word v has a dependent whose relation starts with prefix. */
static bool has_dependent(int n, const int *head, const char **rel, int v, const char *prefix)
{
    size_t k = strlen(prefix);
    for (int i = 0; i < n; i++)
        if (head[i] == v && rel[i] && strncmp(rel[i], prefix, k) == 0)
            return true;
    return false;
}

/* Word c takes the place of its head p, with p's head, relation and other dependents;
 * p becomes c's dependent with relation r (a word the parser made a head it is not). */
static void promote(int n, int *head, const char **rel, int c, int p, const char *r)
{
    for (int i = 0; i < n; i++)
        if (head[i] == p && i != c)
            head[i] = c;
    head[c] = head[p];
    rel[c] = rel[p];
    head[p] = c;
    rel[p] = r;
}

/* Whether word x hangs on word d, directly or through a punctuation mark (the parser
 * sometimes hangs an apposition on the comma before it). */
static bool hangs_on(const dyad_parse_input *in, const int *head, int x, int d)
{
    int h = head[x];
    if (h >= 0 && h != d && upos_is(in, h, "PUNCT"))
        h = head[h];
    return h == d;
}

/* "On Friday, Youssef Chahed, the Prime Minister of Tunisia, signed ...": a day has no
 * apposition, so the first name hung on the date before a verb with no subject is its
 * subject, and the appositions after it on the date are the name's. */
static void date_apposition_subject(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int d = 0; d < n; d++) {
        int v = head[d];
        if (v <= d || !date_word(in, d) || !upos_is(in, v, "VERB") ||
            has_dependent(n, head, rel, v, "nsubj") || has_dependent(n, head, rel, v, "csubj"))
            continue;
        int a = d + 1; /* the parser may make the name a conjunct of the date, no "and" */
        while (a < v && !((rel_is(rel[a], "appos") ||
                           (rel_is(rel[a], "conj") && !has_dependent(n, head, rel, a, "cc"))) &&
                          hangs_on(in, head, a, d)))
            a++;
        if (a == v || !nominal(in, a))
            continue;
        for (int b = a + 1; b < v; b++)
            if ((rel_is(rel[b], "appos") || rel_is(rel[b], "punct")) && hangs_on(in, head, b, d))
                head[b] = a;
        head[a] = v;
        rel[a] = has_dependent(n, head, rel, v, "aux:pass") ? "nsubj:pass" : "nsubj";
        return;
    }
}

/* A clause has one subject: "North Korean leader Kim Jong Un threatened" parsed with both
 * "leader" and "Kim" as subjects of the verb is a title before the name (UD's nmod:desc,
 * as "Prime Minister Imran Khan"); after a determiner the name is the noun's apposition,
 * as EWT has it ("The former Iraqi leader Saddam Hussein is refusing"). */
static void title_subject(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int a = 0; a + 1 < n; a++) {
        int b = a + 1, v = head[a];
        /* a title is one singular noun; "lawmakers Tuesday endorsed" is a date */
        if (v < 0 || head[b] != v || !rel_is(rel[a], "nsubj") || !rel_is(rel[b], "nsubj") ||
            !upos_is(in, a, "NOUN") || !in->xpos[a] ||
            strcmp(in->xpos[a], "NN") != 0 || !upos_is(in, b, "PROPN") ||
            date_word(in, b))
            continue;
        if (has_dependent(n, head, rel, a, "det")) {
            head[b] = a;
            rel[b] = "appos";
        } else {
            head[a] = b;
            rel[a] = "nmod:desc";
        }
    }
}

/* Verbs whose clause may follow without "that": "claimed its forces had captured". */
static bool speech_verb(const dyad_parse_input *in, int i)
{
    static const char *const verbs[] = {"said", "says", "claimed", "claims", "announced",
                                        "reported", "stated", "insisted", "added", "warned",
                                        "confirmed", "denied", "believes", "believed", NULL};
    return form_in(in, i, verbs);
}

/* "claimed its forces had captured the village" parsed as "claimed [its forces]" and a
 * second verb joined with no "and": a verb of saying with an object and a finite verb
 * after it that has no subject, no conjunction and an auxiliary or a past tense takes a
 * clause, whose subject is that object. */
static void content_clause(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int v = 0; v < n; v++) {
        if (!speech_verb(in, v))
            continue;
        int obj = -1, c = -1;
        for (int i = v + 1; i < n; i++) {
            if (head[i] != v)
                continue;
            if (obj < 0 && rel_is(rel[i], "obj"))
                obj = i;
            else if (obj >= 0 && c < 0 &&
                     (rel_is(rel[i], "conj") || rel_is(rel[i], "ccomp") ||
                      rel_is(rel[i], "parataxis")))
                c = i; /* "said [it] struck ...": the clause without its subject */
        }
        /* a subject pronoun right before it makes a participle tag a past tense */
        static const char *const subject_pronouns[] = {"it", "they", "he", "she", "we", NULL};
        if (obj < 0 || c < 0)
            continue;
        bool past = in->xpos[c] && (strcmp(in->xpos[c], "VBD") == 0 ||
                                    (strcmp(in->xpos[c], "VBN") == 0 && c == obj + 1 &&
                                     form_in(in, obj, subject_pronouns)));
        if (!upos_is(in, c, "VERB") ||
            has_dependent(n, head, rel, c, "cc") || has_dependent(n, head, rel, c, "nsubj") ||
            !(has_dependent(n, head, rel, c, "aux") || past))
            continue;
        bool between = false; /* the object must end right before the verb's own words */
        for (int i = obj + 1; i < c && !between; i++) {
            int h = i;
            while (h >= 0 && h != obj && h != c)
                h = head[h];
            between = h < 0;
        }
        if (between)
            continue;
        head[c] = v;
        rel[c] = "ccomp";
        head[obj] = c;
        rel[obj] = "nsubj";
    }
}

/* "Shelling killed three civilians overnight, the governor said." parsed with "said" a
 * conjunct of "killed": a verb of saying after a comma, with its own subject and no
 * conjunction, that ends the sentence is the attribution of what comes before
 * (parataxis, as UD writes these tails). */
static void speech_tail(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int v = 1; v < n; v++) {
        int h = head[v];
        if (!speech_verb(in, v) || !rel_is(rel[v], "conj") || h < 0 || h >= v ||
            has_dependent(n, head, rel, v, "cc") || !has_dependent(n, head, rel, v, "nsubj"))
            continue;
        int subj = v - 1; /* the subject's phrase after a comma, up to the verb */
        while (subj > h && head[subj] != v)
            subj--;
        int lo = subj;
        while (lo > h && (head[lo - 1] == subj || head[lo - 1] == lo))
            lo--;
        bool comma = lo - 1 > h && in->form_len[lo - 1] == 1 && in->form[lo - 1][0] == ',';
        bool last = true; /* nothing after the verb but punctuation */
        for (int i = v + 1; i < n && last; i++)
            last = upos_is(in, i, "PUNCT");
        if (!comma || !last)
            continue;
        rel[v] = "parataxis";
    }
}

/* "indicted former President Park" parsed with "former" a clause and the name its
 * object: "former" before a noun modifies the noun phrase it opens, which takes its
 * place. Only where the phrase is all that hangs on it. */
static void former_title(const dyad_parse_input *in, int *head, const char **rel)
{
    static const char *const former[] = {"former", "ex", NULL};
    int n = in->n;
    for (int i = 0; i + 1 < n; i++) {
        if (!form_in(in, i, former) || !upos_is(in, i, "ADJ") || head[i] < 0 ||
            rel_is(rel[i], "amod") || !nominal(in, i + 1))
            continue;
        int h = i + 1; /* the phrase's head: "former [President] Park" is Park */
        while (head[h] > h && head[h] <= i + 5 && nominal(in, head[h]))
            h = head[h];
        bool phrase_only = head[h] == i;
        for (int k = 0; k < n && phrase_only; k++)
            phrase_only = head[k] != i || (k > i && k <= h);
        if (!phrase_only)
            continue;
        for (int k = i + 1; k < h; k++)
            if (head[k] == i)
                head[k] = h;
        head[h] = head[i];
        head[i] = h;
        rel[i] = "amod";
    }
}

/* "Israeli airstrikes hit Gaza City" parsed with the name an oblique: a name right after
 * a verb with no object, with no preposition of its own, is its object (a day or month
 * is a date: "met Tuesday"). */
static void bare_oblique_object(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int c = 1; c < n; c++) {
        int v = head[c];
        if (!rel_is(rel[c], "obl") || !proper(in, c) || v < 0 || v >= c ||
            !upos_is(in, v, "VERB") || has_dependent(n, head, rel, c, "case") ||
            has_dependent(n, head, rel, v, "obj") || date_word(in, c))
            continue;
        bool adjacent = true; /* only the name's own words between: "hit [Gaza] City" */
        for (int i = v + 1; i < c && adjacent; i++)
            adjacent = head[i] == c;
        if (adjacent)
            rel[c] = "obj";
    }
}

/* "Russia has been accused of war crimes by Ukraine" parsed with "by Ukraine" on
 * "crimes": in a passive clause with no agent, a "by" phrase of a name hung on the
 * verb's oblique is the verb's agent. */
static void passive_agent(const dyad_parse_input *in, int *head, const char **rel)
{
    static const char *const by[] = {"by", NULL};
    int n = in->n;
    for (int g = 1; g < n; g++) {
        int c = head[g], v = c >= 0 ? head[c] : -1;
        if (!rel_is(rel[g], "nmod") || !proper(in, g) || v < 0 || !rel_is(rel[c], "obl") ||
            c > g || v > c || !upos_is(in, v, "VERB") ||
            !(has_dependent(n, head, rel, v, "aux:pass") ||
              has_dependent(n, head, rel, v, "nsubj:pass")) ||
            has_dependent(n, head, rel, v, "obl:agent"))
            continue;
        int cs = -1; /* the name's own "by" */
        for (int i = c + 1; i < g && cs < 0; i++)
            if (head[i] == g && rel_is(rel[i], "case") && form_in(in, i, by))
                cs = i;
        if (cs < 0)
            continue;
        head[g] = v;
        rel[g] = "obl:agent";
    }
}

/* A preposition heads nothing: "spoke with [Israeli Prime Minister Netanyahu]" parsed
 * with "with" as the oblique and the name as its conjunct (or apposition, or object: "a
 * warrant for Israeli Prime Minister ...") is the name's oblique with "with" as its case. */
static void preposition_head(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int p = 0; p + 1 < n; p++) {
        if (!upos_is(in, p, "ADP") ||
            !(rel_is(rel[p], "obl") || rel_is(rel[p], "nmod")))
            continue;
        int c = -1;
        for (int i = p + 1; i < n && c < 0; i++)
            if (head[i] == p && nominal(in, i) &&
                (rel_is(rel[i], "conj") || rel_is(rel[i], "appos") || rel_is(rel[i], "obj")))
                c = i;
        if (c < 0)
            continue;
        promote(n, head, rel, c, p, "case"); /* what else hung on it goes with it */
    }
}

/* The root when it is a noun or a name, else -1. */
static int nominal_root(const dyad_parse_input *in, const int *head)
{
    for (int i = 0; i < in->n; i++)
        if (head[i] < 0)
            return nominal(in, i) ? i : -1;
    return -1;
}

static bool finite_tag(const dyad_parse_input *in, int v)
{
    const char *x = in->xpos[v];
    return x && (!strcmp(x, "VBD") || !strcmp(x, "VBZ") || !strcmp(x, "VBP"));
}

/* Verb v becomes the root with the old root noun as its subject; what followed v on the
 * noun (".", objects) is v's. */
static void verb_takes_root(int n, int *head, const char **rel, int root, int v)
{
    for (int i = v + 1; i < n; i++)
        if (head[i] == root)
            head[i] = v;
    head[v] = -1;
    rel[v] = "root";
    head[root] = v;
    rel[root] = "nsubj";
}

/* A finite verb describes no noun: "Both the council and the government called for ..."
 * parsed with "council" as the root and "called" (tagged a past tense) as a clause on
 * "government" has "called" for its root and the noun phrase for its subject. */
static void finite_root(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n, root = nominal_root(in, head);
    for (int v = root + 1; root >= 0 && v < n; v++) {
        if (!rel_is(rel[v], "acl") || !finite_tag(in, v) ||
            has_dependent(n, head, rel, v, "nsubj") || has_dependent(n, head, rel, v, "mark"))
            continue;
        int h = head[v]; /* the acl must hang on the root's phrase: the root or its conjunct */
        if (h != root && !(h >= 0 && head[h] == root && rel_is(rel[h], "conj")))
            continue;
        verb_takes_root(n, head, rel, root, v);
        return;
    }
}

/* "The Sudanese army and the rebels agreed to a ceasefire" parsed as "army" (the root)
 * coordinated with the clause "the rebels agreed": the subjects are coordinated and the
 * verb is the root. */
static void coordinated_subjects(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n, root = nominal_root(in, head);
    /* a noun that is already a clause's predicate ("You are your own person ... and you
     * demand") stays the root */
    if (root < 0 || has_dependent(n, head, rel, root, "cop") ||
        has_dependent(n, head, rel, root, "nsubj") || has_dependent(n, head, rel, root, "acl"))
        return;
    for (int i = 0; i < root; i++) /* the noun phrase opens the sentence */
        if (head[i] != root)
            return;
    for (int v = root + 1; v < n; v++) {
        if (head[v] != root || !rel_is(rel[v], "conj") || !finite_tag(in, v))
            continue;
        int subj = -1, cc = -1;
        for (int i = root + 1; i < v; i++) {
            if (head[i] == v && rel_is(rel[i], "nsubj") && subj < 0)
                subj = i;
            if ((head[i] == v || head[i] == subj) && rel_is(rel[i], "cc") && cc < 0)
                cc = i;
        }
        if (subj < 0 || cc < 0 || cc > subj)
            continue;
        verb_takes_root(n, head, rel, root, v);
        head[subj] = root;
        rel[subj] = "conj";
        head[cc] = subj;
        return;
    }
}

/* "The Colombian government and the ELN rebels signed" parsed with both nouns subjects
 * of the verb: a clause has one subject, so the one after "and" is the first one's
 * conjunct. */
static void subjects_with_and(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int b = 1; b < n; b++) {
        int v = head[b];
        if (v <= b || !rel_is(rel[b], "nsubj"))
            continue;
        int a = -1, cc = -1;
        for (int i = 0; i < b; i++) {
            if (head[i] == v && rel_is(rel[i], "nsubj"))
                a = i;
            if (head[i] == b && rel_is(rel[i], "cc") && cc < 0)
                cc = i;
        }
        if (a < 0 || cc < 0 || cc < a)
            continue;
        head[b] = a;
        rel[b] = "conj";
    }
}

/* "Japan and South Korea agreed" parsed with "South" the conjunct and "Korea" a second
 * subject: two capitalised names side by side, the first a conjunct and the second
 * holding its head's relation to its head's head, are one name. */
static void split_name(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int a = 0; a + 1 < n; a++) {
        int b = a + 1, h = head[a];
        if (!proper(in, a) || !proper(in, b) || h < 0 || h >= a || !rel_is(rel[a], "conj") ||
            head[b] != head[h] || !rel[b] || !rel[h] || strcmp(rel[b], rel[h]) != 0)
            continue;
        for (int i = 0; i < n; i++)
            if (head[i] == a)
                head[i] = b; /* "and" and the rest go with the whole name */
        head[b] = h;
        rel[b] = "conj";
        head[a] = b;
        rel[a] = "compound";
    }
}

/* "used water cannon against demonstrators" parsed with both nouns objects of "used": a
 * verb has one object (a second one is iobj in UD), so a noun right before another is
 * its compound. */
static void noun_before_object(const dyad_parse_input *in, int *head, const char **rel)
{
    for (int a = 0; a + 1 < in->n; a++) {
        int b = a + 1, v = head[a];
        if (v < 0 || head[b] != v || !rel_is(rel[a], "obj") || !rel_is(rel[b], "obj") ||
            !upos_is(in, a, "NOUN") || !upos_is(in, b, "NOUN"))
            continue;
        head[a] = b;
        rel[a] = "compound";
    }
}

/* "signed a decree banning anyone" parsed with "decree" the object of "a": an article
 * governs no argument, so the noun after it takes its place and it becomes the noun's
 * determiner again (with any words the parser hung on it: "a" has none of its own). */
static void determiner_head(const dyad_parse_input *in, int *head, const char **rel)
{
    for (int d = 0; d + 1 < in->n; d++) {
        int x = d + 1;
        if (!upos_is(in, d, "DET") || head[x] != d || !nominal(in, x) ||
            !(rel_is(rel[x], "obj") || rel_is(rel[x], "nsubj")) || rel_is(rel[d], "det") ||
            head[d] < 0)
            continue;
        promote(in->n, head, rel, x, d, "det");
    }
}

/* "then at the government's request returned" parsed with "request" the subject: a
 * subject takes no preposition, so a noun the parser gave both is an oblique. */
static void subject_with_case(const dyad_parse_input *in, int *head, const char **rel)
{
    for (int x = 0; x < in->n; x++) {
        if (!rel_is(rel[x], "nsubj") || !nominal(in, x))
            continue;
        for (int c = 0; c < x; c++)
            if (head[c] == x && rel_is(rel[c], "case") && upos_is(in, c, "ADP")) {
                rel[x] = "obl";
                break;
            }
    }
}

/* "handed over F-16 jets to Ukraine" parsed with "over" the case of an oblique: right
 * after hand or turn, "over" is the verb's particle and the noun its object ("handed over
 * to the police" keeps its "to"). */
static void particle_over(const dyad_parse_input *in, int *head, const char **rel)
{
    static const char *const handing[] = {"hand", "hands", "handed", "handing", "turn",
                                          "turns", "turned", "turning", NULL};
    static const char *const over[] = {"over", NULL};
    for (int p = 1; p + 1 < in->n; p++) {
        int v = p - 1, x = head[p];
        if (!form_in(in, p, over) || !rel_is(rel[p], "case") || x <= p || head[x] != v ||
            !rel_is(rel[x], "obl") || !nominal(in, x) || !form_in(in, v, handing) ||
            has_dependent(in->n, head, rel, v, "obj"))
            continue;
        head[p] = v;
        rel[p] = "compound:prt";
        rel[x] = "obj";
    }
}

/* The first and one past the last word of x's subtree (heads form a tree: every walk up
 * ends within n steps). */
static void subtree(int n, const int *head, int x, int *lo, int *hi)
{
    *lo = *hi = x;
    for (int i = 0; i < n; i++) {
        int h = i;
        for (int steps = 0; h >= 0 && h != x && steps < n; steps++)
            h = head[h];
        if (h == x) {
            *lo = i < *lo ? i : *lo;
            *hi = i > *hi ? i : *hi;
        }
    }
    (*hi)++;
}

static int of_case(const dyad_parse_input *in, const int *head, const char **rel, int x);

/* "approved the sale of F-16 fighter jets to Turkey" parsed with "jets" a second object
 * and "F" the "of" phrase: a verb has one object, so a noun object right after the first
 * one's "of" phrase heads that phrase, whose first word is its compound. */
static void object_after_of(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int b = 2; b < n; b++) {
        int v = head[b], a = -1, c = -1, lo, hi;
        if (v < 0 || !rel_is(rel[b], "obj") || !upos_is(in, b, "NOUN"))
            continue;
        for (int i = 0; i < b && a < 0; i++)
            if (head[i] == v && rel_is(rel[i], "obj"))
                a = i;
        for (int i = a + 1; a >= 0 && i < b && c < 0; i++)
            if (head[i] == a && rel_is(rel[i], "nmod") && nominal(in, i))
                c = i;
        /* "winds of about 240 kilometers an hour": a determiner starts a phrase of its own */
        if (c < 0 || of_case(in, head, rel, c) < 0 || of_case(in, head, rel, b) >= 0 ||
            has_dependent(n, head, rel, b, "det"))
            continue;
        subtree(n, head, c, &lo, &hi);
        int blo, bhi;
        subtree(n, head, b, &blo, &bhi);
        if (hi != blo) /* the phrase and the noun are one run of words */
            continue;
        int of = of_case(in, head, rel, c);
        head[b] = a;
        rel[b] = "nmod";
        head[of] = b;
        head[c] = b;
        rel[c] = "compound";
    }
}

/* The "of" preposition hung on word x, or -1. */
static int of_case(const dyad_parse_input *in, const int *head, const char **rel, int x)
{
    static const char *const of[] = {"of", NULL};
    for (int i = 0; i < in->n; i++)
        if (head[i] == x && rel_is(rel[i], "case") && form_in(in, i, of))
            return i;
    return -1;
}

/* "Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin" parsed with
 * "Talon" coordinated with "Nigeria": a name with an "of" phrase of its own is the peer
 * of the name that has one, not of the place inside it. */
static void parallel_of_names(const dyad_parse_input *in, int *head, const char **rel)
{
    for (int k = 0; k < in->n; k++) {
        int m = head[k], h = m >= 0 ? head[m] : -1;
        if (h < 0 || !rel_is(rel[k], "conj") || !rel_is(rel[m], "nmod") || !proper(in, k) ||
            !proper(in, m) || !proper(in, h) || of_case(in, head, rel, m) < 0)
            continue;
        bool own_of = false;
        for (int i = k + 1; i < in->n && !own_of; i++)
            own_of = head[i] == k && rel_is(rel[i], "nmod") && proper(in, i) &&
                     of_case(in, head, rel, i) >= 0;
        if (own_of)
            head[k] = h;
    }
}

/* "ties between Minas Tirith and Osgiliath after a rift, the agency said" parsed with
 * "between" marking "said" and the first place its subject: "between" introduces no
 * clause, so it is the preposition of the noun after it, which modifies the noun
 * before it. */
static void between_marker(const dyad_parse_input *in, int *head, const char **rel)
{
    static const char *const between[] = {"between", "among", NULL};
    int n = in->n;
    for (int p = 1; p + 1 < n; p++) {
        int v = head[p], x = p + 1, before = p - 1;
        if (!rel_is(rel[p], "mark") || !form_in(in, p, between) || v < 0 || head[x] != v ||
            !nominal(in, x) || !nominal(in, before))
            continue;
        head[p] = x;
        rel[p] = "case";
        head[x] = before;
        rel[x] = "nmod";
    }
}

/* "will visit France next week" parsed with "France" a compound of "week": a name (or
 * names joined by "and") before "next/last/this" and a word of time is no part of that
 * time, but the object of the verb the time phrase dates, when the verb has none. */
static void name_before_time(const dyad_parse_input *in, int *head, const char **rel)
{
    static const char *const which[] = {"next", "last", "this", "past", "coming", NULL};
    static const char *const spans[] = {
        "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night",
        "summer", "winter", "spring", "autumn", "fall", NULL};
    int n = in->n;
    for (int q = 0; q + 2 < n; q++) {
        int t = q + 2, v = head[t], p = q;
        /* "visit France and Serbia next month": the first of the names */
        for (int hops = 0; hops < n && rel_is(rel[p], "conj") && head[p] >= 0 && head[p] < p;
             hops++)
            p = head[p];
        if (!proper(in, q) || !proper(in, p) || head[p] != t || !rel_is(rel[p], "compound") ||
            !form_in(in, q + 1, which) || !form_in(in, t, spans) || v < 0 || v > p ||
            !upos_is(in, v, "VERB"))
            continue;
        bool other_obj = false; /* the time itself may be taken for the object */
        for (int i = 0; i < n && !other_obj; i++)
            other_obj = i != t && head[i] == v && rel_is(rel[i], "obj");
        if (other_obj)
            continue;
        head[p] = v;
        rel[p] = "obj";
        if (rel_is(rel[t], "obj"))
            rel[t] = "obl:unmarked";
    }
}

/* "Kenyan President William Ruto's opponent, Raila Odinga, accused ..." parsed with
 * "opponent" an apposition of the first word: a noun owned by a name after that word is
 * the phrase's head, and the word a modifier of the title or name after it. */
static void possessed_apposition(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int x = 2; x < n; x++) {
        int h = head[x], p = -1;
        if (h < 0 || h >= x - 1 || !rel_is(rel[x], "appos") || !upos_is(in, x, "NOUN") ||
            !(proper(in, h) || upos_is(in, h, "ADJ")))
            continue;
        for (int i = h + 1; i < x && p < 0; i++)
            if (head[i] == x && rel_is(rel[i], "nmod:poss") && proper(in, i))
                p = i;
        /* the word, the title and the owner one run of names: "Businessman Don
         * Blankenship of West Virginia, the party's nominee" is an apposition */
        bool run = p >= 0;
        for (int i = h + 1; i <= p && run; i++)
            run = proper(in, i);
        if (!run)
            continue;
        head[x] = head[h];
        rel[x] = rel[h];
        for (int i = x + 1; i < n; i++) /* the commas and words after the noun are its */
            if (head[i] == h)
                head[i] = x;
        head[h] = nominal(in, h + 1) && h + 1 <= p ? h + 1 : p;
        rel[h] = upos_is(in, h, "ADJ") ? "amod" : "compound";
    }
}

/* "arrested five activists accused of plotting a coup" parsed with "activists" the
 * subject of a clause "accused of ...": a participle of suspicion or custody with a
 * subject and no auxiliary, copula or object of its own, right after a verb with no
 * object, is a reduced relative on that verb's object (the tagger often makes it a past
 * tense; verbs of saying and thinking take such clauses, so their clauses stay). */
static void reduced_relative(const dyad_parse_input *in, int *head, const char **rel)
{
    static const char *const suspected[] = {
        "accused", "suspected", "alleged", "charged", "convicted", "linked", "implicated",
        "jailed", "sentenced", "detained", "arrested", "injured", "wounded", "affiliated",
        NULL};
    static const char *const thinking[] = {"saying", "say", "think", "thinks", "thought",
                                           "know", "knew", "knows", "hope", "hoped", "fear",
                                           "feared", "feel", "felt", "suggest", "suggested",
                                           "show", "showed", "shows", "found", "find", NULL};
    int n = in->n;
    for (int c = 0; c < n; c++) {
        int v = head[c];
        if (v < 0 || !in->xpos[c] ||
            (strcmp(in->xpos[c], "VBN") != 0 && strcmp(in->xpos[c], "VBD") != 0) ||
            !form_in(in, c, suspected) || speech_verb(in, v) || form_in(in, v, thinking) ||
            !rel_is(rel[c], "ccomp") || !upos_is(in, v, "VERB") ||
            has_dependent(n, head, rel, v, "obj") || has_dependent(n, head, rel, c, "aux") ||
            has_dependent(n, head, rel, c, "cop") || has_dependent(n, head, rel, c, "obj") ||
            has_dependent(n, head, rel, c, "nsubj:pass"))
            continue;
        int s = -1;
        for (int i = 0; i < c && s < 0; i++)
            if (head[i] == c && rel_is(rel[i], "nsubj"))
                s = i;
        int lo, hi;
        if (s < 0)
            continue;
        subtree(n, head, s, &lo, &hi);
        if (lo != v + 1 || hi != c)
            continue;
        head[s] = v;
        rel[s] = "obj";
        head[c] = s;
        rel[c] = "acl";
    }
}

/* "Pakistan's decision to expel Afghan migrants drew criticism" parsed with "migrants" a
 * second subject of "drew": a verb has one subject, so a second one right after the
 * first one's infinitive, which has no object, is that infinitive's object. */
static void infinitive_object(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int b = 1; b < n; b++) {
        int v = head[b];
        if (v < 0 || !rel_is(rel[b], "nsubj"))
            continue;
        int a = -1;
        for (int i = 0; i < b && a < 0; i++)
            if (head[i] == v && rel_is(rel[i], "nsubj"))
                a = i;
        if (a < 0)
            continue;
        int c = -1;
        for (int i = a + 1; i < b && c < 0; i++)
            if (head[i] == a && rel_is(rel[i], "acl") && upos_is(in, i, "VERB") &&
                in->xpos[i] && strcmp(in->xpos[i], "VB") == 0)
                c = i;
        int lo, hi, blo, bhi;
        if (c < 0 || has_dependent(n, head, rel, c, "obj"))
            continue;
        subtree(n, head, c, &lo, &hi);
        subtree(n, head, b, &blo, &bhi);
        if (hi != blo) /* the infinitive's words end where the second subject's begin */
            continue;
        head[b] = c;
        rel[b] = "obj";
    }
}

/* Whether heads form a tree: every walk up reaches the root, no word its own ancestor
 * (state[]: 0 unseen, 1 on the current walk, 2 known to reach the root). */
static bool is_tree(int n, const int *head, unsigned char *state)
{
    memset(state, 0, (size_t)n);
    for (int i = 0; i < n; i++) {
        int x = i;
        while (x >= 0 && x < n && state[x] == 0) {
            state[x] = 1;
            x = head[x];
        }
        if (x >= n || (x >= 0 && state[x] == 1))
            return false;
        for (x = i; x >= 0 && state[x] == 1; x = head[x])
            state[x] = 2;
    }
    return true;
}

/* "UNICEF had delivered vaccines", "the US has alleged Iranian involvement" parsed with
 * the participle an adjective of the noun, which holds "had" and the subject: a form of
 * "have" before a participle makes a perfect tense, so the participle heads the clause
 * and the noun is its object, keeping its own words (those between the two). */
static void perfect_participle(const dyad_parse_input *in, int *head, const char **rel)
{
    static const char *const have[] = {"have", "has", "had", "'ve", "'d", NULL};
    static const char *const own[] = {"det", "amod", "compound", "nummod", "nmod", "nmod:poss",
                                      "acl", "acl:relcl", "appos", NULL};
    int n = in->n;
    for (int v = 1; v + 1 < n; v++) {
        int x = head[v];
        if (x <= v || !rel_is(rel[v], "amod") || !in->xpos[v] || strcmp(in->xpos[v], "VBN") ||
            !nominal(in, x))
            continue;
        int a = -1;
        for (int i = 0; i < v; i++)
            if (head[i] == x && rel_is(rel[i], "aux") && form_in(in, i, have))
                a = i;
        if (a < 0)
            continue;
        for (int i = 0; i < n; i++) {
            if (head[i] != x || i == v)
                continue;
            bool kept = false;
            for (const char *const *r = own; *r && !kept; r++)
                kept = rel_is(rel[i], *r);
            if (i < v || !kept)
                head[i] = v;
        }
        head[v] = head[x];
        rel[v] = rel[x];
        head[x] = v;
        rel[x] = "obj";
    }
}

/* "sanctions on three Hezbollah commanders" parsed with "on" the case of "three" and
 * "commanders" a conjunct of "sanctions" with no conjunction: a numeral takes no
 * preposition, its noun does, and a noun joined with no word nor comma is a modifier. */
static void case_on_numeral(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int c = 0; c + 2 < n; c++) {
        int num = head[c];
        if (!rel_is(rel[c], "case") || num != c + 1 || !rel_is(rel[num], "nummod"))
            continue;
        int noun = head[num];
        if (noun <= num || !nominal(in, noun))
            continue;
        head[c] = noun;
        int was = head[noun];
        bool joined = false;
        for (int i = was + 1; i < noun && was >= 0; i++)
            joined |= head[i] == noun && (rel_is(rel[i], "cc") || rel_is(rel[i], "punct"));
        for (int i = was + 1; i < c && was >= 0; i++)
            joined |= rel_is(rel[i], "punct") || rel_is(rel[i], "cc");
        if (rel_is(rel[noun], "conj") && was >= 0 && was < c && !joined && nominal(in, was))
            rel[noun] = "nmod";
    }
}

/* "ordered the ambassador to leave" parsed with "leave" an adverbial clause: after the
 * object of a verb that sets another to act, "to" and a verb are its complement. */
static void object_infinitive(const dyad_parse_input *in, int *head, const char **rel)
{
    static const char *const setting[] = {
        "order", "orders", "ordered", "ordering", "ask", "asks", "asked", "asking", "urge",
        "urges", "urged", "urging", "tell", "tells", "told", "telling", "force", "forces",
        "forced", "forcing", "allow", "allows", "allowed", "allowing", "invite", "invites",
        "invited", "inviting", "encourage", "encourages", "encouraged", "encouraging",
        "persuade", "persuaded", "require", "requires", "required", "compel", "compelled",
        "instruct", "instructed", "advise", "advised", "permit", "permitted", "pressure",
        "pressured", "pressed", "authorize", "authorized", "authorise", "authorised", NULL};
    static const char *const telling[] = {
        "order", "orders", "ordered", "ordering", "ask", "asks", "asked", "asking", "urge",
        "urges", "urged", "urging", "tell", "tells", "told", "telling", "encourage",
        "encourages", "encouraged", "encouraging", "instruct", "instructed", "advise",
        "advised", NULL};
    static const char *const to[] = {"to", NULL};
    int n = in->n;
    for (int x = 2; x < n; x++) {
        int v = head[x];
        /* (or a clause of the object, "forced two diplomats [to leave]", but not after a
         * verb of telling, whose clause the quote stage reads as what was told: the
         * Wikinews gold set has no such quote) */
        if (v >= 0 && rel_is(rel[x], "acl") && rel_is(rel[v], "obj") &&
            !form_in(in, head[v], telling))
            v = head[v];
        if (v < 0 || !(rel_is(rel[x], "advcl") || rel_is(rel[x], "acl")) ||
            !upos_is(in, x, "VERB") || !form_in(in, v, setting) || !form_in(in, x - 1, to) ||
            head[x - 1] != x)
            continue;
        int obj = -1;
        for (int i = v + 1; i < x - 1; i++)
            if (head[i] == v && rel_is(rel[i], "obj"))
                obj = i;
        int lo, hi;
        if (obj < 0)
            continue;
        int was = head[x];
        head[x] = v; /* the object's subtree without the clause */
        subtree(n, head, obj, &lo, &hi); /* (hi: one past the object's last word) */
        if (hi == x - 1)
            rel[x] = "xcomp";
        else
            head[x] = was;
    }
}

/* "The EU agreed on Thursday to extend sanctions" parsed with "extend" an adverbial
 * clause: after a verb whose own subject does the infinitive and with no object between,
 * "to" and a verb are its complement, not a purpose ("sent troops to protect"). */
static void subject_infinitive(const dyad_parse_input *in, int *head, const char **rel)
{
    static const char *const controlling[] = {
        "agree", "agrees", "agreed", "agreeing", "decide", "decides", "decided", "pledge",
        "pledges", "pledged", "vow", "vows", "vowed", "promise", "promises", "promised",
        "plan", "plans", "planned", "refuse", "refuses", "refused", "fail", "fails", "failed",
        "threaten", "threatens", "threatened", "seek", "seeks", "sought", "decline",
        "declines", "declined", "attempt", "attempts", "attempted", "intend", "intends",
        "intended", "hope", "hopes", "hoped", "want", "wants", "wanted", NULL};
    static const char *const to[] = {"to", NULL};
    int n = in->n;
    for (int x = 2; x < n; x++) {
        int v = head[x];
        if (v < 0 || v >= x - 1 || !rel_is(rel[x], "advcl") || !upos_is(in, x, "VERB") ||
            !form_in(in, v, controlling) || !form_in(in, x - 1, to) || head[x - 1] != x ||
            has_dependent(n, head, rel, x, "nsubj"))
            continue;
        bool object = false;
        for (int i = v + 1; i < x - 1 && !object; i++)
            object = head[i] == v && (rel_is(rel[i], "obj") || rel_is(rel[i], "iobj"));
        if (!object)
            rel[x] = "xcomp";
    }
}

/* "Hezbollah has denied firing rockets" parsed with "firing" an adverbial clause: a
 * gerund right after a verb that takes one is its complement (EWT and GUM train: 133
 * complements, 5 adverbial clauses after "start", "keep", "stop", "avoid" ...). */
static void gerund_complement(const dyad_parse_input *in, int *head, const char **rel)
{
    static const char *const taking[] = {
        "deny", "denies", "denied", "denying", "admit", "admits", "admitted", "admitting",
        "avoid", "avoids", "avoided", "stop", "stops", "stopped", "keep", "keeps", "kept",
        "continue", "continues", "continued", "start", "starts", "started", "begin",
        "begins", "began", "begun", "finish", "finished", "consider", "considers",
        "considered", "risk", "risks", "risked", "resume", "resumes", "resumed", "quit",
        "halt", "halted", "cease", "ceased", "recommend", "recommended", "suggest",
        "suggested", "acknowledge", "acknowledged", NULL};
    for (int x = 1; x < in->n; x++)
        if (head[x] == x - 1 && rel_is(rel[x], "advcl") && in->xpos[x] &&
            strcmp(in->xpos[x], "VBG") == 0 && form_in(in, x - 1, taking) &&
            !has_dependent(in->n, head, rel, x, "nsubj") && !has_dependent(in->n, head, rel, x, "mark"))
            rel[x] = "xcomp";
}

/* "In a statement following the attack, Ahmed al-Assadi, a spokesman for the PMF, blamed
 * Israel" parsed with the name an apposition inside the opening phrase and "blamed" with
 * no subject: a finite verb with no subject after an opening phrase and a comma has for
 * subject the first name set off in that phrase, with the appositions after it. */
static void fronted_subject(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int v = 2; v < n; v++) {
        if (head[v] >= 0 || !finite_tag(in, v) || !form_in(in, v - 1, commas) ||
            has_dependent(n, head, rel, v, "nsubj") || has_dependent(n, head, rel, v, "expl"))
            continue;
        int o = -1, lo, hi;
        for (int i = 0; i < v && o < 0; i++)
            if (head[i] == v && rel_is(rel[i], "obl"))
                o = i;
        if (o < 0)
            return;
        subtree(n, head, o, &lo, &hi); /* (hi: one past the last word) */
        int p = -1;
        for (int i = lo; i < hi && i < v && p < 0; i++)
            if (rel_is(rel[i], "appos") && proper(in, i) && i > 0 &&
                form_in(in, i - 1, commas))
                p = i;
        if (p < 0 || hi < v - 1)
            return;
        int was = head[p];
        for (int i = p + 1; i < v; i++) /* ", a spokesman for the PMF": the name's */
            if (head[i] == was && rel_is(rel[i], "appos"))
                head[i] = p;
        head[p] = v;
        rel[p] = "nsubj";
        return;
    }
}

/* "In a joint statement, France, Germany and Britain urged Iran" parsed with "France" an
 * apposition of the opening phrase and "Germany" the subject: a name set off at the end of
 * the opening phrase, right before a subject that heads a list, is the list's first. */
static void fronted_list_head(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int v = 2; v < n; v++) {
        if (head[v] >= 0 || !finite_tag(in, v))
            continue;
        int subj = -1, o = -1, lo, hi, slo, shi;
        for (int i = 0; i < v; i++) {
            if (head[i] == v && rel_is(rel[i], "nsubj") && subj < 0)
                subj = i;
            if (head[i] == v && rel_is(rel[i], "obl") && o < 0)
                o = i;
        }
        if (subj < 0 || o < 0 || o > subj || !proper(in, subj) ||
            !has_dependent(n, head, rel, subj, "conj"))
            return;
        subtree(n, head, o, &lo, &hi);
        subtree(n, head, subj, &slo, &shi);
        int p = hi - 1; /* the opening phrase's last word, right before the subject's */
        if (hi != slo || p <= o || !proper(in, p) || !rel_is(rel[p], "appos") ||
            !form_in(in, p - 1, commas))
            return;
        for (int i = 0; i < n; i++)
            if (head[i] == subj && rel_is(rel[i], "conj"))
                head[i] = p;
        head[p] = v;
        rel[p] = "nsubj";
        head[subj] = p;
        rel[subj] = "conj";
        return;
    }
}

/* "Moscow has repeatedly warned Kyiv against attacking" parsed with "Kyiv" a predicate
 * complement: a name right after a verb is its object, unless the verb names (EWT and GUM
 * train: 379 objects; all 32 such complements follow "call", "name", "make", "create"). */
static void name_object(const dyad_parse_input *in, int *head, const char **rel)
{
    static const char *const naming[] = {
        "call", "calls", "called", "calling", "name", "names", "named", "naming", "make",
        "makes", "made", "making", "create", "created", "dub", "dubbed", "elect", "elected",
        "appoint", "appointed", "crown", "crowned", "rename", "renamed", "nickname",
        "nicknamed", "title", "titled", "label", "labelled", "labeled", "brand", "branded",
        "declare", "declared", "proclaim", "proclaimed", NULL};
    for (int x = 1; x < in->n; x++)
        if (head[x] == x - 1 && rel_is(rel[x], "xcomp") && proper(in, x) &&
            upos_is(in, x - 1, "VERB") && !form_in(in, x - 1, naming) &&
            !has_dependent(in->n, head, rel, x - 1, "obj"))
            rel[x] = "obj";
}

/* "spoke with US President Joe Biden by phone" parsed as the fixed phrase "with us":
 * a name in capitals is no word of a fixed expression, so the phrase it took for its
 * object is the preposition's, "US" a compound in it; what else hung on the name goes
 * to the verb. */
static void fixed_name(const dyad_parse_input *in, int *head, const char **rel)
{
    int n = in->n;
    for (int c = 0; c < n; c++) {
        int p = head[c];
        if (!rel_is(rel[c], "fixed") || !proper(in, c) || p < 0 || !upos_is(in, p, "ADP") ||
            head[p] < 0)
            continue;
        int x = -1; /* the phrase's head: "Joe" of "US President Joe Biden" */
        for (int i = c + 1; i < n && x < 0; i++)
            if (head[i] == c && nominal(in, i) && (rel_is(rel[i], "obj") || rel_is(rel[i], "nmod")))
                x = i;
        if (x < 0)
            continue;
        for (int i = 0; i < n; i++) /* "by phone": the verb's */
            if (head[i] == c && i != x) {
                head[i] = head[p];
                if (rel[i] && strncmp(rel[i], "obl", 3) == 0)
                    rel[i] = "obl";
            }
        head[x] = head[p];
        rel[x] = rel[p] && strncmp(rel[p], "obl", 3) == 0 ? rel[p] : "obl";
        head[p] = x;
        rel[p] = "case";
        head[c] = c + 1 < x && nominal(in, c + 1) && head[c + 1] == x ? c + 1 : x;
        rel[c] = "compound";
    }
}

static void repair_all(const dyad_parse_input *in, int *head, const char **rel)
{
    fixed_name(in, head, rel);
    possessed_apposition(in, head, rel);
    object_after_of(in, head, rel);
    name_before_time(in, head, rel);
    between_marker(in, head, rel);
    parallel_of_names(in, head, rel);
    date_apposition_subject(in, head, rel);
    title_subject(in, head, rel);
    content_clause(in, head, rel);
    speech_tail(in, head, rel);
    former_title(in, head, rel);
    bare_oblique_object(in, head, rel);
    passive_agent(in, head, rel);
    preposition_head(in, head, rel);
    finite_root(in, head, rel);
    coordinated_subjects(in, head, rel);
    split_name(in, head, rel);
    subjects_with_and(in, head, rel);
    noun_before_object(in, head, rel);
    determiner_head(in, head, rel);
    subject_with_case(in, head, rel);
    particle_over(in, head, rel);
    reduced_relative(in, head, rel);
    infinitive_object(in, head, rel);
    perfect_participle(in, head, rel);
    case_on_numeral(in, head, rel);
    object_infinitive(in, head, rel);
    subject_infinitive(in, head, rel);
    gerund_complement(in, head, rel);
    fronted_subject(in, head, rel);
    fronted_list_head(in, head, rel);
    name_object(in, head, rel);
}

void dyad_parse_repair(const dyad_parse_input *in, int *head, const char **rel)
{
    /* the parser's tree is kept when the repairs would leave no tree (a cycle would hang
     * every later walk up the heads) */
    size_t n = in->n > 0 ? (size_t)in->n : 0;
    /* one block: the old relations, the old heads, the walk's marks */
    char *block = malloc(n * (sizeof(const char *) + sizeof(int) + 1) + 1);
    if (!block)
        return; /* no memory to check with: no repairs either */
    const char **was_rel = (const char **)block;
    int *was_head = (int *)(block + n * sizeof *was_rel);
    unsigned char *state = (unsigned char *)(was_head + n);
    memcpy(was_head, head, n * sizeof *head);
    memcpy(was_rel, rel, n * sizeof *rel);
    repair_all(in, head, rel);
    if (!is_tree(in->n, head, state)) {
        memcpy(head, was_head, n * sizeof *head);
        memcpy(rel, was_rel, n * sizeof *rel);
    }
    free(block);
}
