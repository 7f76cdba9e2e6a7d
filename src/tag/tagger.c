/* Tagging a sentence: tag perceptron left to right, then features, then lemmas. */
#include "tag_features.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Words whose number and person a finite verb agrees with. */
static bool is_nominal(const char *upos)
{
    return !strcmp(upos, "NOUN") || !strcmp(upos, "PROPN") || !strcmp(upos, "PRON");
}

bool tag_class_nominal(const dyad_tagger *t, int tag)
{
    return is_nominal(t->strings + t->tags[2 * tag]);
}

/* The class of a UPOS and XPOS pair, or -1. */
static int class_of(const dyad_tagger *t, const char *upos, const char *xpos)
{
    for (uint32_t c = 0; c < t->n_tags; c++)
        if (!strcmp(t->strings + t->tags[2 * c], upos) &&
            !strcmp(t->strings + t->tags[2 * c + 1], xpos))
            return (int)c;
    return -1;
}

void tag_grammar_classes(dyad_tagger *t)
{
    t->vb = class_of(t, "VERB", "VB"), t->vbd = class_of(t, "VERB", "VBD");
    t->vbp = class_of(t, "VERB", "VBP"), t->nn = class_of(t, "NOUN", "NN");
    t->nnp = class_of(t, "PROPN", "NNP"), t->vbz = class_of(t, "VERB", "VBZ");
    t->to = class_of(t, "PART", "TO"), t->in = class_of(t, "ADP", "IN");
    t->jj = class_of(t, "ADJ", "JJ"), t->vbn = class_of(t, "VERB", "VBN");
    /* Pronouns, determiners, prepositions, conjunctions, auxiliaries and particles are
     * closed classes, all of whose words the treebanks hold: a capitalized word they never
     * saw ("Xi", which its last letter made "I") is none of them (web text's unseen
     * lower-case "u" and "ur" are) */
    static const char *const closed[] = {"PRON", "DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART",
                                         NULL};
    t->n_open = 0;
    /* (a treebank too small to hold them all, as a test's, restricts nothing) */
    for (uint32_t c = 0; c < t->n_tags && t->n_tags <= TAG_MAX_OPEN && t->n_words >= 1000; c++) {
        const char *const *k = closed;
        while (*k && strcmp(t->strings + t->tags[2 * c], *k) != 0)
            k++;
        if (!*k)
            t->open[t->n_open++] = c;
    }
}

static const char *xpos_of(const dyad_tagger *t, int tag)
{
    return t->strings + t->tags[2 * tag + 1];
}

/* Whether class tag has one of the Penn tags xs (NULL-ended). */
/* The tags a subject may have: a noun, a name or a pronoun. */
static const char *const subject_tags[] = {"NN", "NNS", "NNP", "NNPS", "PRP", NULL};

static bool xpos_in(const dyad_tagger *t, int tag, const char *const *xs)
{
    for (const char *x = xpos_of(t, tag); *xs; xs++)
        if (!strcmp(x, *xs))
            return true;
    return false;
}

/* Whether word w may take class c: a word restricted to the tags seen with it must have
 * seen c; any other may. */
static bool may_be(const dyad_tagger *t, const tag_word *w, int c)
{
    if (c < 0)
        return false;
    if (w->winfo == TAG_MISS)
        return true;
    const uint32_t *info = t->winfo + 4 * w->winfo;
    for (uint32_t k = 0; k < info[3]; k++)
        if (t->wcands[info[2] + k] == (uint32_t)c)
            return true;
    return info[3] == 0;
}

/* An interjection between a noun and what a verb takes ("Arnor and Gondor welcome a
 * resumption") is a present verb: in EWT and GUM train 5,306 words there are finite
 * verbs, 4 interjections. */
static void interjection_verb(const dyad_tagger *t, const tag_word *w, int n, int *tags)
{
    static const char *const before[] = {"NN", "NNS", "NNP", "NNPS", "PRP", NULL};
    static const char *const after[] = {"DT", "PRP$", "NN", "NNS", "NNP", "JJ", NULL};
    for (int i = 1; t->vbp >= 0 && i + 1 < n; i++) {
        if (strcmp(xpos_of(t, tags[i]), "UH"))
            continue;
        if (xpos_in(t, tags[i - 1], before) && xpos_in(t, tags[i + 1], after) && w[i].len > 1 &&
            w[i].text[w[i].len - 1] != 's')
            tags[i] = t->vbp;
    }
}

/* Whether word i is a base verb after "to" (adverbs between): an infinitive, which no
 * clause has for its finite verb ("called for the government to resign"). */
static bool infinitive(const dyad_tagger *t, const int *tags, int i)
{
    if (strcmp(xpos_of(t, tags[i]), "VB"))
        return false;
    while (i > 0 && !strcmp(xpos_of(t, tags[i - 1]), "RB"))
        i--;
    return i > 0 && !strcmp(xpos_of(t, tags[i - 1]), "TO");
}

/* Whether word w is one of words (NULL-ended), ignoring case. */
static bool word_in(const tag_word *w, const char *const *words)
{
    for (; *words; words++)
        if (strlen(*words) == w->len && !strncasecmp(w->text, *words, w->len))
            return true;
    return false;
}

/* The comma before a closing attribution (", the ministry said.", ", officials told
 * Reuters on Friday.", ", said Peskov."), or -1: the words after it hold one finite
 * verb, a verb of saying. */
static int speech_tail(const dyad_tagger *t, const tag_word *w, int n, const int *tags)
{
    static const char *const say[] = {"said", "says", "told", "reported", "reports", "added",
                                      "announced", "stated", "claimed", "confirmed", "wrote",
                                      NULL};
    static const char *const finite[] = {"VBD", "VBZ", "VBP", "MD", "VBN", "VBG", NULL};
    int comma = -1;
    for (int i = n - 2; i > 0 && comma < 0; i--)
        if (w[i].len == 1 && w[i].text[0] == ',')
            comma = i;
    if (comma < 2)
        return -1;
    int says = 0, others = 0;
    for (int i = comma + 1; i < n - 1; i++) {
        bool spoken = word_in(&w[i], say);
        says += spoken;
        others += !spoken && xpos_in(t, tags[i], finite);
    }
    return says == 1 && others == 0 ? comma : -1;
}

/* A plural noun in [from, to) after a noun (adverbs between: "NASA then plans to") and
 * before "to", that the treebanks saw as a present tense (or, with stem, whose stem
 * they saw as a base verb: "votes"), is the clause's verb: tagged VBZ, true. */
static bool verb_before_to(const dyad_tagger *t, const tag_word *w, int from, int to,
                           int *tags, bool stem)
{
    for (int i = from; t->vbz >= 0 && i + 1 < to; i++) {
        int j = i - 1;
        while (j > from - 1 && !strcmp(xpos_of(t, tags[j]), "RB"))
            j--;
        if (!strcmp(xpos_of(t, tags[i]), "NNS") && xpos_in(t, tags[j], subject_tags) &&
            !strcmp(xpos_of(t, tags[i + 1]), "TO") &&
            (tag_lemma_seen(t, w[i].text, w[i].len, "VBZ") ||
             (stem && tag_lemma_seen(t, w[i].text, w[i].len - 1, "VB")))) {
            tags[i] = t->vbz;
            return true;
        }
    }
    return false;
}

/* Where the main clause of a sentence ends: at its first subordinator after two words
 * ("surrounded Senator Rand Paul as they exited the event"), else n. */
static int main_clause_end(const tag_word *w, int n)
{
    static const char *const subordinators[] = {"as", "while", "because", "when", "if",
                                                "since", "until", "amid", "after", NULL};
    for (int i = 2; i + 2 < n; i++)
        if (word_in(&w[i], subordinators))
            return i;
    return n;
}

/* A sentence with a full stop has a finite verb (before a clause of its own: "A group of
 * protesters surrounded the senator as they exited"): when the tagger left none, the past
 * participle right after the subject's noun is the past tense ("The Iranian foreign
 * minister called ..." tagged VBN). */
static void main_verb(const dyad_tagger *t, const tag_word *w, int n, int *tags)
{
    static const char *const finite[] = {"VBD", "VBZ", "VBP", "MD", "VB", NULL};
    if (n < 3 || t->vbd < 0 || strcmp(xpos_of(t, tags[n - 1]), "."))
        return;
    /* "Israeli forces killed 20 people, the ministry said.": the sentence before a
     * closing attribution needs a finite verb of its own */
    int tail = speech_tail(t, w, n, tags);
    if (tail > 0)
        n = tail + 1;
    n = main_clause_end(w, n);
    for (int i = 0; i < n; i++)
        if (xpos_in(t, tags[i], finite) && !infinitive(t, tags, i))
            return;
    /* "The Venezuelan opposition plans to hold protests" (before any participle: "plans
     * to develop a vehicle derived from ...") */
    if (verb_before_to(t, w, 1, n, tags, false))
        return;
    for (int i = 1; i < n; i++) {
        if (strcmp(xpos_of(t, tags[i]), "VBN"))
            continue;
        if (i + 1 < n && w[i + 1].len == 2 && !strncmp(w[i + 1].text, "by", 2))
            return; /* "a leader loved by all": a participle with its agent */
        if (xpos_in(t, tags[i - 1], subject_tags))
            tags[i] = t->vbd;
        return; /* the first participle decides */
    }
    /* else a noun or adjective after the subject that the treebanks saw as a past tense or
     * participle, with words after it: "Unknown gunmen shot a journalist" tagged NN NN,
     * "Protesters set fire to ..." NNS JJ */
    static const char *const misread[] = {"NN", "NNS", "JJ", NULL};
    for (int i = 1; i + 2 < n; i++) {
        /* (a word never seen that reads as a past tense: "Ukrainian forces repelled
         * several attacks" tagged JJ) */
        bool past = w[i].len > 4 && !strncmp(w[i].text + w[i].len - 2, "ed", 2) &&
                    !strcmp(xpos_of(t, tags[i]), "JJ") &&
                    !tag_lemma_seen(t, w[i].text, w[i].len, "JJ");
        /* (the subject may be a name the tagger misread as an adjective it never saw as
         * one: "Bahrain cut ties" tagged JJ JJ) */
        bool subject = xpos_in(t, tags[i - 1], subject_tags) ||
                       (i == 1 && isupper((unsigned char)w[0].text[0]) &&
                        !strcmp(xpos_of(t, tags[0]), "JJ") &&
                        !tag_lemma_seen(t, w[0].text, w[0].len, "JJ"));
        if (xpos_in(t, tags[i], misread) && subject &&
            (past || tag_lemma_seen(t, w[i].text, w[i].len, "VBD") ||
             tag_lemma_seen(t, w[i].text, w[i].len, "VBN"))) {
            tags[i] = t->vbd;
            if (i == 1 && !xpos_in(t, tags[0], subject_tags) && t->nnp >= 0)
                tags[0] = t->nnp; /* and the word before it is its subject */
            return;
        }
    }
}

/* A headline ("Police shoot man dead after knife attack", no closing stop) tells its news
 * in the present tense: when the tagger left it no finite verb, a noun right after the
 * subject's noun that can be a present tense (as the treebanks saw it, or for a word they
 * never saw, as WordNet has its verb: "Hotel fire kills seventeen"), before the object's
 * words (or, for an "-s" form, a preposition, a comma or the end: "votes for", "Rosselló
 * resigns, ..."), is that verb; so is a base verb after a plural noun ("Students compete
 * in"). */
static void headline_verb(const dyad_tagger *t, const tag_word *w, int n, int *tags)
{
    static const char *const finite[] = {"VBD", "VBZ", "VBP", "MD", NULL};
    static const char *const nominal[] = {"NN", "NNS", "NNP", "NNPS", NULL};
    static const char *const object[] = {"NN", "NNS", "NNP", "NNPS", "DT", "CD", "PRP$", "JJ",
                                         NULL};
    if (n < 4 || t->vbp < 0 || t->vbz < 0 || !strcmp(xpos_of(t, tags[n - 1]), "."))
        return;
    n = main_clause_end(w, n); /* "Protesters storm parliament as anger grows" */
    for (int i = 0; i < n; i++)
        if (xpos_in(t, tags[i], finite))
            return;
    /* (and a particle, preposition or adverb after a verb's "-s" form: "resigns after",
     * "votes for", "pleads not guilty") */
    static const char *const after_s[] = {"IN", "RP", "TO", "RB", NULL};
    for (int i = 1; i < n; i++) {
        const char *x = xpos_of(t, tags[i]);
        bool plural_subject = !strcmp(xpos_of(t, tags[i - 1]), "NNS") ||
                              !strcmp(xpos_of(t, tags[i - 1]), "NNPS");
        /* "Students compete in", "scientists invent": a base verb after a plural subject
         * with no modal or "to" is its present tense; so is a word taken for an adverb or
         * an adjective that can be one ("Thousands rally in Budapest") */
        bool modifier = !strcmp(x, "RB") || !strcmp(x, "JJ");
        if ((!strcmp(x, "VB") || (modifier && tag_present_verb(w[i].text, w[i].len, false) &&
                                   may_be(t, &w[i], t->vbp))) &&
            plural_subject && !strcmp(xpos_of(t, tags[i - 1]), "NNS")) {
            tags[i] = t->vbp;
            return;
        }
        if ((strcmp(x, "NN") && strcmp(x, "NNS")) || !xpos_in(t, tags[i - 1], nominal))
            continue;
        /* (a word the treebanks never saw is a verb when WordNet has it: "fire kills
         * five"; one they saw, when they saw it so) */
        size_t len = w[i].len;
        bool s_form = len > 2 && (w[i].text[len - 1] | 32) == 's';
        bool third = (!strcmp(x, "NNS") || s_form) && !plural_subject; /* ("withdraws"/NN) */
        bool wordnet = tag_present_verb(w[i].text, w[i].len, third);
        bool verb = w[i].winfo == TAG_MISS ? wordnet : may_be(t, &w[i], third ? t->vbz : t->vbp);
        /* (or a comma, a semicolon or the end: "Governor Rosselló resigns, new governor
         * sworn in") */
        static const char *const breaks[] = {",", ":", NULL};
        bool last = i + 1 >= n;
        bool next = (!last && xpos_in(t, tags[i + 1], object)) ||
                    (third &&
                     (last || xpos_in(t, tags[i + 1], after_s) || xpos_in(t, tags[i + 1], breaks)) &&
                     wordnet);
        if (!verb || !next)
            continue;
        if (!strcmp(x, "NN") && plural_subject)
            tags[i] = t->vbp;
        else if (third)
            tags[i] = t->vbz;
        else
            continue;
        return;
    }
}

/* "If the House of Representatives votes to impeach Trump, he would ...": a clause
 * opened by a subordinator has a finite verb before its comma; when the tagger left
 * none, a plural noun after a noun that the treebanks saw as a present tense, before
 * "to", is that verb. */
static void subordinate_verb(const dyad_tagger *t, const tag_word *w, int n, int *tags)
{
    static const char *const subordinators[] = {"if", "when", "unless", "once", "after",
                                                "before", "because", "although", "while",
                                                NULL};
    static const char *const finite[] = {"VBD", "VBZ", "VBP", "MD", NULL};
    if (n < 5 || t->vbz < 0 || !word_in(&w[0], subordinators))
        return;
    int comma = 1;
    while (comma < n && !(w[comma].len == 1 && w[comma].text[0] == ','))
        comma++;
    for (int i = 1; i < comma; i++)
        if (xpos_in(t, tags[i], finite))
            return;
    if (verb_before_to(t, w, 2, comma, tags, true))
        return;
    /* "Unless Russia withdraws, ...": the clause's last word, a plural after its subject,
     * is its verb when the treebanks saw it as one */
    int last = comma - 1;
    if (comma < n && last >= 2 && !strcmp(xpos_of(t, tags[last]), "NNS") &&
        xpos_in(t, tags[last - 1], subject_tags) &&
        (tag_lemma_seen(t, w[last].text, w[last].len, "VBZ") ||
         tag_lemma_seen(t, w[last].text, w[last].len - 1, "VB")))
        tags[last] = t->vbz;
}

/* A gerund ends in "-ing" ("gon" of "gonna" aside): a word tagged VBG that does not is a
 * name or a noun ("Pyongyang on Thursday fired", "the superbug"). */
static void false_gerund(const dyad_tagger *t, const tag_word *w, int n, int *tags)
{
    for (int i = 0; i < n && t->nn >= 0 && t->nnp >= 0; i++) {
        if (strcmp(xpos_of(t, tags[i]), "VBG") != 0 || w[i].len < 3)
            continue;
        const char *e = w[i].text + w[i].len - 3;
        if (strncasecmp(e, "ing", 3) == 0 || strncasecmp(e, "in'", 3) == 0 ||
            (w[i].len == 3 && strncasecmp(w[i].text, "gon", 3) == 0))
            continue;
        tags[i] = isupper((unsigned char)w[i].text[0]) ? t->nnp : t->nn;
    }
}

/* "ready to resume talks", "willing to meet": after an adjective of readiness, "to" marks
 * an infinitive, and the word after it taken for a singular noun, an adjective or a
 * present tense is a base verb ("resume" is only a noun in the treebanks); so after a
 * verb of resolve when the word can be a verb ("vowed to wage war"; EWT and GUM dev
 * unchanged). */
static void ready_to(const dyad_tagger *t, const tag_word *w, int n, int *tags)
{
    static const char *const ready[] = {"ready", "able", "unable", "willing", "unwilling",
                                        "prepared", "eager", "keen", "determined", NULL};
    /* so after verbs that take an infinitive and no "to" phrase: "vowed to wage war" */
    static const char *const resolving[] = {
        "vow", "vows", "vowed", "vowing", "pledge", "pledges", "pledged", "pledging",
        "threaten", "threatens", "threatened", "threatening", "refuse", "refuses", "refused",
        "refusing", "decide", "decides", "decided", "deciding", "intend", "intends",
        "intended", "intending", "want", "wants", "wanted", "wanting", "seek", "seeks",
        "sought", "seeking", "plan", "plans", "planned", "planning", "fail", "fails",
        "failed", "failing", "vote", "votes", "voted", "voting",
        /* and nouns of intent: "Trump's refusal to debate", "the decision to withdraw" */
        "refusal", "decision", "attempt", "attempts", "bid", "bids", "effort", "efforts",
        "intention", "willingness", "readiness", "determination", "failure", NULL};
    for (int i = 0; i + 2 < n && t->to >= 0 && t->vb >= 0; i++) {
        /* "to" first: most words are not followed by it */
        if (w[i + 1].len != 2 || strncasecmp(w[i + 1].text, "to", 2))
            continue;
        const char *x = xpos_of(t, tags[i + 2]);
        bool adjective = word_in(&w[i], ready);
        if ((!adjective && !(word_in(&w[i], resolving) && may_be(t, &w[i + 2], t->vb))) ||
            (strcmp(x, "NN") && strcmp(x, "JJ") && strcmp(x, "VBP")))
            continue;
        tags[i + 1] = t->to;
        tags[i + 2] = t->vb;
    }
}

/* "the stabbing an act of barbarity", "a bombing in Kabul", "the killing of": an "-ing"
 * word after an article and before a determiner, preposition, conjunction, verb or
 * punctuation modifies nothing, so is a noun (EWT and GUM train: 249 of 271 so, the rest
 * mostly "the following"). */
static void article_gerund(const dyad_tagger *t, const tag_word *w, int n, int *tags)
{
    static const char *const articles[] = {"the", "a", "an", NULL};
    static const char *const following[] = {"following", NULL};
    static const char *const after[] = {"DT", "IN", "CC", "MD", "TO", ",", ".", ":", "VB",
                                        "VBD", "VBP", "VBZ", NULL};
    for (int i = 1; i + 1 < n && t->nn >= 0; i++)
        if (strcmp(xpos_of(t, tags[i]), "VBG") == 0 && word_in(&w[i - 1], articles) &&
            xpos_in(t, tags[i + 1], after) && !word_in(&w[i], following) && w[i].len > 4 &&
            strncasecmp(w[i].text + w[i].len - 3, "ing", 3) == 0)
            tags[i] = t->nn;
}

/* "issued an arrest warrant for", "rejected a US offer": a base verb right after an
 * article and a noun or name, with no modal or causative verb before ("can a policeman
 * open", "let the man go"), is a noun when it can be one (EWT and GUM train: 21 base verbs
 * in 6,800 such places after a noun, imperatives after an opening phrase and the
 * questions above; 1 in 1,801 after a name). */
static void article_noun_verb(const dyad_tagger *t, const tag_word *w, int n, int *tags)
{
    static const char *const articles[] = {"the", "a", "an", NULL};
    static const char *const causing[] = {"let", "lets", "make", "makes", "made", "have",
                                          "has", "had", "help", "helps", "helped", "see",
                                          "saw", "watch", "watched", "hear", "heard", "do",
                                          "does", "did", NULL};
    for (int i = 2; i < n && t->vb >= 0 && t->nn >= 0; i++) {
        if (tags[i] != t->vb || (tags[i - 1] != t->nn && tags[i - 1] != t->nnp) ||
            !word_in(&w[i - 2], articles) || !may_be(t, &w[i], t->nn))
            continue;
        bool helped = false;
        for (int j = 0; j < i - 2 && !helped; j++)
            helped = !strcmp(xpos_of(t, tags[j]), "MD") || word_in(&w[j], causing);
        if (!helped)
            tags[i] = t->nn;
    }
}

/* "the US secretary of state promised continued support": between a subject and a noun,
 * a participle then a past tense is the past tense then its participle (EWT and GUM
 * train: 15 times so, never the other way). */
static void participle_then_past(const dyad_tagger *t, int n, int *tags)
{
    static const char *const nouns[] = {"NN", "NNS", NULL};
    for (int i = 2; i + 1 < n && t->vbd >= 0 && t->vbn >= 0; i++)
        if (tags[i] == t->vbd && tags[i - 1] == t->vbn && xpos_in(t, tags[i + 1], nouns) &&
            xpos_in(t, tags[i - 2], subject_tags)) {
            tags[i - 1] = t->vbd;
            tags[i] = t->vbn;
        }
}

/* "The US froze $400 million in aid", "she wept": a word the treebanks never had, in
 * lower case, that WordNet lists as an irregular verb form is that verb, not the name or
 * noun the perceptron guessed from its neighbours: a participle when it ends as one
 * ("strewn", "forbidden", "borne") or follows an auxiliary, else a past tense
 * ("overran", "wept"); regular-looking forms ("-ed", "-ing") and "wound", a noun as
 * often, stay as tagged. */
static void irregular_verb(const dyad_tagger *t, const tag_word *w, int n, int *tags)
{
    static const char *const verbs[] = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", NULL};
    static const char *const helpers[] = {"have", "has", "had", "having", "be", "is", "are",
                                          "was", "were", "been", "being", "get", "got", NULL};
    static const char *const nouns_too[] = {"wound", NULL};
    for (int i = 1; i < n && t->vbd >= 0 && t->vbn >= 0; i++) {
        size_t len = w[i].len;
        const char *end = w[i].text + len;
        if (w[i].winfo != TAG_MISS || len < 3 || !islower((unsigned char)w[i].text[0]) ||
            xpos_in(t, tags[i], verbs) || !tag_irregular_verb(w[i].text, len) ||
            strncmp(end - 2, "ed", 2) == 0 || strncmp(end - 3, "ing", 3) == 0 ||
            word_in(&w[i], nouns_too))
            continue;
        bool helped = strncmp(end - 2, "en", 2) == 0 || strncmp(end - 2, "wn", 2) == 0 ||
                      strncmp(end - 2, "rn", 2) == 0 || strncmp(end - 2, "ne", 2) == 0;
        for (int j = i - 1; j >= 0 && j >= i - 3 && !helped; j--)
            helped = word_in(&w[j], helpers);
        tags[i] = helped ? t->vbn : t->vbd;
    }
}

/* Whether the word after i is one a participle before it modifies: a noun, adjective,
 * number or symbol ("the government's proposed budget"). */
static bool modifies_next(const dyad_tagger *t, const int *tags, int i, int n)
{
    if (i + 1 >= n)
        return false;
    const char *x = xpos_of(t, tags[i + 1]);
    return !strncmp(x, "NN", 2) || !strncmp(x, "JJ", 2) || !strcmp(x, "CD") ||
           !strcmp(x, "SYM");
}

/* "amid" and "amidst" are prepositions only, and news writes them often ("amid reports
 * of fraud"); the treebanks hold them four times, too few for the perceptron, which made
 * them nouns and "Amid" a past tense. */
static void news_prepositions(const dyad_tagger *t, const tag_word *w, int n, int *tags)
{
    static const char *const amid[] = {"amid", "amidst", NULL};
    for (int i = 0; i < n && t->in >= 0; i++)
        if ((w[i].text[0] | 32) == 'a' && word_in(&w[i], amid)) /* the cheap test first */
            tags[i] = t->in;
}

/* "against besieged Kharkiv", "over alleged misconduct": an "-ed" word between a
 * preposition and a noun modifies the noun; no past tense follows a preposition (EWT and
 * GUM train: 18 times, most of them "like" or errors). Tagged an adjective, as the
 * parser reads it best: as a participle it took "against besieged" for a fixed phrase. */
static void participle_after_preposition(const dyad_tagger *t, const tag_word *w, int n,
                                         int *tags)
{
    for (int i = 1; i + 1 < n && t->in >= 0 && t->jj >= 0; i++) {
        if ((tags[i] != t->vbd && tags[i] != t->vbn) || tags[i - 1] != t->in || w[i].len < 4 ||
            strncmp(w[i].text + w[i].len - 2, "ed", 2) != 0)
            continue;
        const char *next = xpos_of(t, tags[i + 1]);
        if (!strcmp(next, "NN") || !strcmp(next, "NNS") || !strcmp(next, "NNP") ||
            !strcmp(next, "NNPS"))
            tags[i] = t->jj;
    }
}

/* A word in capitals the treebanks never had, of two letters or more, before a finite
 * verb is an acronym's name ("UNICEF had delivered", "ECOWAS imposed"), whatever the
 * perceptron guessed from the word after it (an adverb) or its last letter (a plural);
 * EWT and GUM make a common noun of some ("the IPO"), which stay. */
static bool capitals(const tag_word *w)
{
    size_t k = 0;
    while (k < w->len && isupper((unsigned char)w->text[k]))
        k++;
    return w->len >= 2 && k == w->len;
}

static void acronym_name(const dyad_tagger *t, const tag_word *w, int n, int *tags)
{
    static const char *const nouns[] = {"NN", "NNP", "NNPS", NULL};
    static const char *const verbs[] = {"VB", "VBD", "VBP", "VBZ", "MD", NULL};
    for (int i = 0; i + 1 < n && t->nnp >= 0; i++)
        if (w[i].winfo == TAG_MISS && !xpos_in(t, tags[i], nouns) &&
            xpos_in(t, tags[i + 1], verbs) && capitals(&w[i]) &&
            !(i > 0 && capitals(&w[i - 1])) && !capitals(&w[i + 1]))
            tags[i] = t->nnp; /* (a subject, and not in a shouted line: "PLEASE HELP") */
}

/* Two constraints of English the perceptron breaks on news text, each with almost no
 * exception in EWT and GUM train: after a modal (and adverbs) comes a base verb (4,166
 * of 4,180 words tagged JJ, NN or VB there are VB: "would free", not ADJ), and after a
 * possessive comes no finite verb (none of 5,600: "Trump's conduct" is a noun), nor a
 * participle that modifies nothing after it (all 31 there do: "Sweden's bid to join" is a
 * noun); then the constraints above (a headline's own only for a headline). */
static void tag_grammar(const dyad_tagger *t, const tag_word *w, int n, bool headline,
                        int *tags)
{
    news_prepositions(t, w, n, tags);
    participle_after_preposition(t, w, n, tags);
    false_gerund(t, w, n, tags);
    article_gerund(t, w, n, tags);
    irregular_verb(t, w, n, tags);
    article_noun_verb(t, w, n, tags);
    participle_then_past(t, n, tags);
    ready_to(t, w, n, tags);
    interjection_verb(t, w, n, tags);
    main_verb(t, w, n, tags);
    if (headline)
        headline_verb(t, w, n, tags);
    subordinate_verb(t, w, n, tags);
    acronym_name(t, w, n, tags); /* after the verbs are settled */
    for (int i = 1; i < n; i++) {
        const char *x = xpos_of(t, tags[i]);
        int j = i - 1;
        while (j > 0 && !strcmp(xpos_of(t, tags[j]), "RB"))
            j--;
        const char *before = xpos_of(t, tags[j]);
        if (!strcmp(before, "MD") && (!strcmp(x, "JJ") || !strcmp(x, "NN")) && t->vb >= 0)
            tags[i] = t->vb; /* whatever the word was seen as: "free" is mostly ADJ */
        else if ((!strcmp(xpos_of(t, tags[i - 1]), "POS") ||
                  !strcmp(xpos_of(t, tags[i - 1]), "PRP$")) &&
                 (!strcmp(x, "VB") || !strcmp(x, "VBD") || !strcmp(x, "VBP") ||
                  !strcmp(x, "VBZ") || (!strcmp(x, "VBN") && !modifies_next(t, tags, i, n))) &&
                 may_be(t, &w[i], t->nn))
            tags[i] = t->nn;
    }
}

/* Best class among cands[0..n) or, when n == 0, among all n_classes. */
static int argmax(const int32_t *scores, const uint32_t *cands, uint32_t n, uint32_t n_classes)
{
    int best = cands && n ? (int)cands[0] : 0;
    if (cands && n) {
        for (uint32_t i = 1; i < n; i++)
            if (scores[cands[i]] > scores[best])
                best = (int)cands[i];
        return best;
    }
    for (uint32_t c = 1; c < n_classes; c++)
        if (scores[c] > scores[best])
            best = (int)c;
    return best;
}

/* One greedy left-to-right pass of model m; right holds the first pass's tags. */
static void tag_pass(const dyad_tagger *t, const tag_model *m, const tag_word *w, int n,
                     const int *right, int *tags, int32_t *scores)
{
    uint64_t keys[TAG_MAX_KEYS];
    for (int i = 0; i < n; i++) {
        int nk = tag_features(w, n, i, tags, right, keys);
        memset(scores, 0, t->n_tags * sizeof *scores);
        tag_model_score(m, keys, nk, scores);
        const uint32_t *info = w[i].winfo == TAG_MISS ? NULL : t->winfo + 4 * w[i].winfo;
        /* a capitalized word never seen, nor in lower case, is a name or a content word */
        bool named = !info && !w[i].amb_lower && w[i].len > 1 &&
                     isupper((unsigned char)w[i].text[0]);
        tags[i] = info ? argmax(scores, t->wcands + info[2], info[3], t->n_tags)
                       : argmax(scores, named ? t->open : NULL, named ? t->n_open : 0,
                                t->n_tags);
    }
}

void tag_reverse(const tag_word *w, int n, tag_word *rev)
{
    for (int i = 0; i < n; i++)
        rev[i] = w[n - 1 - i];
}

/* The first pass runs right to left (on the reversed sentence), so the second,
 * left to right, sees tags chosen with the right context in view. */
void tag_sentence_tags(const dyad_tagger *t, const tag_word *w, int n, int *tags,
                       int *first, tag_word *rev, int32_t *scores)
{
    tag_reverse(w, n, rev);
    tag_pass(t, &t->tm, rev, n, NULL, tags, scores);
    for (int i = 0; i < n; i++)
        first[i] = tags[n - 1 - i];
    tag_pass(t, &t->t2, w, n, first, tags, scores);
}

void tag_sentence_feats(const dyad_tagger *t, const tag_word *w, int n, const int *tags,
                        int *feats, int32_t *scores)
{
    uint64_t keys[TAG_MAX_KEYS];
    int subj = -1;
    for (int i = 0; i < n; i++) {
        uint32_t start = t->fc_rows[tags[i]], count = t->fc_rows[tags[i] + 1] - start;
        feats[i] = count ? (int)t->fc_list[start] : -1;
        if (count > 1) {
            int nk = tag_feat_features(w, n, i, tags, subj, keys);
            for (uint32_t c = 0; c < count; c++)
                scores[t->fc_list[start + c]] = 0;
            tag_model_score(&t->fm, keys, nk, scores);
            feats[i] = argmax(scores, t->fc_list + start, count, t->n_feats);
        }
        if (tag_class_nominal(t, tags[i]))
            subj = i;
    }
}

static dyad_status tag_sentence(const dyad_tagger *t, const char *const *forms,
                                const size_t *form_lens, int n, bool headline,
                                dyad_tag_result *out, dyad_arena *arena);

dyad_status dyad_tagger_tag(const dyad_tagger *t, const char *const *forms,
                            const size_t *form_lens, int n, dyad_tag_result *out,
                            dyad_arena *arena)
{
    return tag_sentence(t, forms, form_lens, n, false, out, arena);
}

dyad_status dyad_tagger_tag_headline(const dyad_tagger *t, const char *const *forms,
                                     const size_t *form_lens, int n, dyad_tag_result *out,
                                     dyad_arena *arena)
{
    return tag_sentence(t, forms, form_lens, n, true, out, arena);
}

static dyad_status tag_sentence(const dyad_tagger *t, const char *const *forms,
                                const size_t *form_lens, int n, bool headline,
                                dyad_tag_result *out, dyad_arena *arena)
{
    if (n <= 0)
        return n == 0 ? DYAD_OK : DYAD_EINVAL;
    size_t ncls = t->n_tags > t->n_feats ? t->n_tags : t->n_feats;
    size_t bytes = (size_t)n * (2 * sizeof(tag_word) + sizeof(tag_lemma_key) + 3 * sizeof(int)) +
                   ncls * sizeof(int32_t);
    tag_word *w = malloc(bytes);
    if (!w)
        return DYAD_ENOMEM;
    tag_lemma_key *lk = (tag_lemma_key *)(w + 2 * n);
    int *tags = (int *)(lk + n), *feats = tags + n, *first = feats + n;
    int32_t *scores = (int32_t *)(first + n);
    for (int i = 0; i < n; i++) /* a NULL form is read as the empty word */
        tag_word_hash(&w[i], forms[i] ? forms[i] : "", forms[i] ? form_lens[i] : 0, &t->words);
    for (int i = 0; i < n; i++) {
        tag_word_lookup(&w[i], &t->words, t->winfo);
        if (w[i].winfo != TAG_MISS) /* argmax reads the candidates: a miss each */
            __builtin_prefetch(t->wcands + t->winfo[4 * w[i].winfo + 2]);
    }
    tag_sentence_context(w, n, 0);
    tag_sentence_tags(t, w, n, tags, first, w + n, scores);
    tag_grammar(t, w, n, headline, tags);
    for (int i = 0; i < n; i++) /* the lexicon slots arrive while the features are scored */
        tag_lemma_keys(t, w[i].form, w[i].lower, xpos_of(t, tags[i]), &lk[i]);
    tag_sentence_feats(t, w, n, tags, feats, scores);
    dyad_status st = DYAD_OK;
    for (int i = 0; i < n; i++) {
        out[i].upos = t->strings + t->tags[2 * tags[i]];
        out[i].xpos = xpos_of(t, tags[i]);
        out[i].feats = feats[i] < 0 ? "_" : t->strings + t->feats[feats[i]];
        out[i].lemma = tag_lemma_keyed(t, w[i].text, w[i].len, &lk[i], arena);
        if (!out[i].lemma)
            st = DYAD_ENOMEM;
    }
    free(w);
    return st;
}
