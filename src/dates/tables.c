/* Word tables of the date stage: months, weekdays, numbers, units, tense cues, phrases. */
#include "dates.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Month names are dates only when capitalised: "may", "march" and "august" are words. */
static const struct { const char *name; int month, abbrev; } months[] = {
    {"January", 1, 0},  {"February", 2, 0}, {"March", 3, 0},     {"April", 4, 0},
    {"May", 5, 0},      {"June", 6, 0},     {"July", 7, 0},      {"August", 8, 0},
    {"September", 9, 0},{"October", 10, 0}, {"November", 11, 0}, {"December", 12, 0},
    {"Jan", 1, 1}, {"Feb", 2, 1}, {"Mar", 3, 1}, {"Apr", 4, 1}, {"Jun", 6, 1},
    {"Jul", 7, 1}, {"Aug", 8, 1}, {"Sep", 9, 1}, {"Sept", 9, 1}, {"Oct", 10, 1},
    {"Nov", 11, 1}, {"Dec", 12, 1},
};

static const char *const weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};

static const struct { const char *word; int value; } numbers[] = {
    {"a", 1}, {"an", 1}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
    {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11},
    {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60},
    {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"hundred", 100},
};

/* Weeks are left out on purpose: a week is no day, month or year, and giving its
 * Monday would claim a precision the text does not have. */
static const struct { const char *word; int unit, mult; } units[] = {
    {"day", DYAD_DATES_DAY, 1},     {"days", DYAD_DATES_DAY, 1},
    {"month", DYAD_DATES_MONTH, 1}, {"months", DYAD_DATES_MONTH, 1},
    {"year", DYAD_DATES_YEAR, 1},   {"years", DYAD_DATES_YEAR, 1},
    {"decade", DYAD_DATES_YEAR, 10},{"decades", DYAD_DATES_YEAR, 10},
};

static const struct { const char *word; int amount; } shifts[] = {
    {"last", -1}, {"past", -1}, {"previous", -1}, {"preceding", -1}, {"this", 0},
    {"next", 1},  {"coming", 1}, {"following", 1},
};

/* Tense cues near an expression decide between the past and the next occurrence of
 * a weekday or a month without a year. Future cues are checked first, so that
 * "scheduled" and "expected" are not taken for past tenses by their -ed. */
static const char *const future_cues[] = {
    "will", "ll", "shall", "would", "scheduled", "slated", "due", "expected", "expects",
    "planned", "plans", "plan", "planning", "upcoming", "tomorrow", "next", "intends",
    "intend", "aims", "going", "postponed", "rescheduled", "delayed", "deadline", "may",
    "might", NULL,
};
static const char *const past_cues[] = {
    "was", "were", "had", "did", "said", "told", "ago", "last", "yesterday", "went",
    "came", "took", "made", "began", "met", "won", "lost", "left", "held", "saw", "gave",
    "got", "became", "brought", "found", "fell", "rose", "struck", "led", "spoke",
    "wrote", "sent", "ran", "fought", "shot", "broke", "chose", "drew", "drove", "flew",
    "grew", "knew", "paid", "sat", "sold", "shook", "stood", "stole", "swore", "taught",
    "thought", "threw", "withdrew", "sought", "caught", "bought", "built", "felt", "kept",
    "heard", "meant", "spent", "arose", "fled", "hung", "swept", "tore", "wept", "woke",
    "overthrew", "underwent", "forgave", "froze", "hid", "laid", "lay", "slept", "upheld",
    "earlier", "previously", "already", "didn", "wasn", "weren", "hadn", NULL,
};
/* Words ending in -ed that are no past tense. */
static const char *const not_past[] = {
    "hundred", "indeed", "speed", "proceed", "succeed", "exceed", "breed", "greed",
    "naked", "wicked", "sacred", "kindred", "bleed", "embed", "need", NULL,
};

int dyad_dates_cue(const dyad_dates_lex *lex, const char *s, size_t n)
{
    if (lex && lex->cue)
        return lex->cue;
    if (n >= 5 && s[0] >= 'a' && s[0] <= 'z' && s[n - 2] == 'e' && s[n - 1] == 'd' &&
        !(lex && (lex->lists & DYAD_DATES_L_NOT_PAST)))
        return -1;
    return 0;
}

const char *const dyad_dates_month_preps[] = {
    "in", "since", "by", "until", "till", "through", "throughout", "during", "from", "to",
    "before", "after", "of", "early", "mid", "late", "last", "next", "this", "between",
    "around", "for", NULL,
};
/* "May" is also a name (Theresa May) and a modal: only these make it a month. */
const char *const dyad_dates_may_preps[] = {
    "in", "since", "until", "till", "during", "early", "mid", "late", "last", "next",
    "this", "through", "throughout", NULL,
};
const char *const dyad_dates_year_preps[] = {
    "in", "since", "by", "until", "till", "through", "throughout", "during", "from",
    "before", "after", "between", "around", "early", "mid", "late", "circa", NULL,
};
/* A bare year is a date only when what follows reads as a clause going on, not as
 * a count ("in 2019 people" is rare; "up to 2000 people" is common). */
const char *const dyad_dates_year_next[] = {
    "and", "or", "but", "to", "when", "after", "before", "the", "a", "an", "as", "with",
    "while", "until", "for", "by", "in", "on", "at", "he", "she", "it", "they", "we",
    "his", "her", "its", "their", "was", "were", "is", "has", "had", "from", "through",
    "during", "that", "which", "where", "alone", "only", "then", "there", "this",
    "following", "amid", "because", "under", "onwards", "onward", "so", "who", "i",
    "you", "some", "more", "over", "about", NULL,
};
const char *const dyad_dates_day_parts[] = {
    "morning", "afternoon", "evening", "night", "midnight", "noon", NULL,
};
/* A capitalised word before a weekday makes a name ("Good Friday", "Super Tuesday")
 * unless it is one of these sentence openers. */
const char *const dyad_dates_weekday_ok[] = {
    "on", "by", "since", "until", "till", "from", "before", "after", "early", "late",
    "and", "or", "but", "through", "last", "next", "this", "that", "until", "as", "of",
    "then", "also", "and", "said", NULL,
};
/* Words after a weekday that make it a title: newspapers, shows. */
const char *const dyad_dates_weekday_names[] = {
    "Times", "Telegraph", "Express", "Mirror", "Post", "Herald", "Mail", "Tribune",
    "Observer", "Independent", "Star", "Sport", "Live", "Today", NULL,
};
const char *const dyad_dates_verb_aux[] = {
    "to", "will", "would", "shall", "should", "could", "must", "may", "might", "ll", NULL,
};
/* Future cues that a past auxiliary turns into a past plan ("was scheduled for",
 * "originally planned"): they say nothing of the date, so the search stops there. */
const char *const dyad_dates_plan_past[] = {
    "was", "were", "originally", "initially", "previously", "had", NULL,
};
const char *const dyad_dates_rel_mods[] = {"early", "earlier", "late", "later", "mid", NULL};
const char *const dyad_dates_rel_spans[] = {"in", "over", "within", "during", "for", NULL};

/* Every word an expression can begin with: the scanner skips any other word
 * without trying its matchers (tests check the tables against it). */
static const char *const starters[] = {
    "a", "an", "apr", "april", "aug", "august", "beginning", "coming", "dec", "december",
    "earlier", "early", "eight", "eighteen", "eighty", "eleven", "end", "feb", "february",
    "fifteen", "fifty", "five", "following", "forty", "four", "fourteen", "friday",
    "hundred", "jan", "january", "jul", "july", "jun", "june", "last", "late", "later",
    "mar", "march", "may", "mid", "monday", "next", "nine", "nineteen", "ninety", "nov",
    "november", "oct", "october", "one", "past", "preceding", "previous", "saturday",
    "sep", "sept", "september", "seven", "seventeen", "seventy", "six", "sixteen", "sixty",
    "sunday", "ten", "that", "the", "thirteen", "thirty", "this", "three", "thursday",
    "today", "tomorrow", "tonight", "tuesday", "twelve", "twenty", "two", "wednesday",
    "yesterday",
};

/* Fixed phrases, longest first where one begins another. */
const dyad_dates_phrase dyad_dates_phrases[] = {
    {"the day before yesterday", DYAD_DATES_REL, DYAD_DATES_DAY, -2, 0, 0},
    {"the day after tomorrow", DYAD_DATES_REL, DYAD_DATES_DAY, 2, 0, 0},
    {"today", DYAD_DATES_REL, DYAD_DATES_DAY, 0, 0, 0},
    {"tonight", DYAD_DATES_REL, DYAD_DATES_DAY, 0, 0, 0},
    {"this morning", DYAD_DATES_REL, DYAD_DATES_DAY, 0, 0, 0},
    {"this afternoon", DYAD_DATES_REL, DYAD_DATES_DAY, 0, 0, 0},
    {"this evening", DYAD_DATES_REL, DYAD_DATES_DAY, 0, 0, 0},
    {"yesterday", DYAD_DATES_REL, DYAD_DATES_DAY, -1, 0, 1},
    {"last night", DYAD_DATES_REL, DYAD_DATES_DAY, -1, 0, 0},
    {"last evening", DYAD_DATES_REL, DYAD_DATES_DAY, -1, 0, 0},
    {"tomorrow", DYAD_DATES_REL, DYAD_DATES_DAY, 1, 0, 1},
    {"later that day", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"earlier that day", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"later that night", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"later that evening", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"earlier that morning", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"that same day", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"that same night", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"that same morning", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"that same evening", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"that day", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"that night", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"that morning", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"that afternoon", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"that evening", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"the same day", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"the next day", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 1, 0, 0},
    {"the following day", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 1, 0, 0},
    {"the next morning", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 1, 0, 0},
    {"the following morning", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 1, 0, 0},
    {"the next evening", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 1, 0, 0},
    {"the following evening", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 1, 0, 0},
    {"the previous day", DYAD_DATES_ANAPH, DYAD_DATES_DAY, -1, 0, 0},
    {"the previous night", DYAD_DATES_ANAPH, DYAD_DATES_DAY, -1, 0, 0},
    {"the previous evening", DYAD_DATES_ANAPH, DYAD_DATES_DAY, -1, 0, 0},
    {"the night before", DYAD_DATES_ANAPH, DYAD_DATES_DAY, -1, 1, 0},
    {"the day before", DYAD_DATES_ANAPH, DYAD_DATES_DAY, -1, 1, 0},
    {"the day after", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 1, 1, 0},
    {"earlier in the day", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"later in the day", DYAD_DATES_ANAPH, DYAD_DATES_DAY, 0, 0, 0},
    {"earlier in the month", DYAD_DATES_ANAPH, DYAD_DATES_MONTH, 0, 0, 0},
    {"later in the month", DYAD_DATES_ANAPH, DYAD_DATES_MONTH, 0, 0, 0},
    {"earlier in the year", DYAD_DATES_ANAPH, DYAD_DATES_YEAR, 0, 0, 0},
    {"later in the year", DYAD_DATES_ANAPH, DYAD_DATES_YEAR, 0, 0, 0},
    {"that month", DYAD_DATES_ANAPH, DYAD_DATES_MONTH, 0, 0, 0},
    {"the same month", DYAD_DATES_ANAPH, DYAD_DATES_MONTH, 0, 0, 0},
    {"the following month", DYAD_DATES_ANAPH, DYAD_DATES_MONTH, 1, 0, 0},
    {"the previous month", DYAD_DATES_ANAPH, DYAD_DATES_MONTH, -1, 0, 0},
    {"that year", DYAD_DATES_ANAPH, DYAD_DATES_YEAR, 0, 0, 0},
    {"the same year", DYAD_DATES_ANAPH, DYAD_DATES_YEAR, 0, 0, 0},
    {"the following year", DYAD_DATES_ANAPH, DYAD_DATES_YEAR, 1, 0, 0},
    {"the previous year", DYAD_DATES_ANAPH, DYAD_DATES_YEAR, -1, 0, 0},
};
const size_t dyad_dates_n_phrases = sizeof dyad_dates_phrases / sizeof dyad_dates_phrases[0];

/* Optional modifiers before a month or year, grouped by first word. */
const char *const dyad_dates_spans[] = {
    "the end of", "the beginning of", "the start of", "the middle of", "the turn of",
    "end of", "beginning of", "early", "mid", "late", NULL,
};

/* ---- the vocabulary: every table word once, with all the tables say of it ---- */

/* Built once from the tables above (a single source), then read-only and shared by
 * threads. Open addressing over ten times as many slots as words: most words of a
 * text are in no table, and their lookup mostly ends at an empty slot at once. */
#define VOCAB_MAX 512 /* about 330 words today */
#define VOCAB_BITS 12 /* 1 << VOCAB_BITS slots (8 KB) */
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))
static dyad_dates_lex vocab[VOCAB_MAX];
static dyad_dates_key vocab_keys[VOCAB_MAX]; /* the keys of vocab[] */
static size_t n_vocab, vocab_lost; /* lost: words that did not fit (tested to be 0) */
static uint16_t slots[1 << VOCAB_BITS]; /* index into vocab + 1; 0 = empty */
static dyad_dates_seq phrase_seqs[64];  /* dyad_dates_phrases, grouped by first word */
static dyad_dates_seq span_seqs[16];    /* dyad_dates_spans, in order */
static pthread_once_t vocab_once = PTHREAD_ONCE_INIT;

/* Folds s[0..n) into k; 0 unless it is 1..15 ASCII letters, as every table word is.
 * By hand: strncasecmp goes through the locale. */
static int fold(const char *s, size_t n, dyad_dates_key *k)
{
    *k = (dyad_dates_key){0, 0};
    if (n == 0 || n >= DYAD_DATES_LEX_LEN)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)(s[i] | 32);
        if (c < 'a' || c > 'z')
            return 0; /* | 32 maps no other byte onto a lowercase letter */
        dyad_dates_key_put(k, i, c);
    }
    return 1;
}

/* The slot that holds the word, or the empty slot where it would go. */
static uint16_t *slot_of(dyad_dates_key k)
{
    uint64_t h = (k.lo * 0x9E3779B97F4A7C15u) ^ (k.hi * 0xC2B2AE3D27D4EB4Fu);
    for (h >>= 64 - VOCAB_BITS;; h++) {
        uint16_t *sl = &slots[h & ((1u << VOCAB_BITS) - 1)];
        if (!*sl)
            return sl;
        const dyad_dates_key *e = &vocab_keys[*sl - 1];
        if (e->lo == k.lo && e->hi == k.hi)
            return sl;
    }
}

/* The entry of a table word, added when new; NULL when the vocabulary is full. */
static dyad_dates_lex *add(const char *word, size_t n)
{
    dyad_dates_key k;
    if (!fold(word, n, &k) || (n_vocab == VOCAB_MAX && !*slot_of(k))) {
        vocab_lost++;
        return NULL;
    }
    uint16_t *sl = slot_of(k);
    if (!*sl) {
        dyad_dates_lex *l = &vocab[n_vocab];
        for (size_t i = 0; i < n; i++)
            l->word[i] = (char)(word[i] | 32);
        vocab_keys[n_vocab] = k;
        l->wday = l->number = -1;
        *sl = (uint16_t)++n_vocab;
    }
    return &vocab[*sl - 1];
}

static dyad_dates_lex *add_z(const char *word) { return add(word, strlen(word)); }

/* Membership of the word lists, one bit each. */
static const struct { const char *const *list; uint32_t bit; } lists[] = {
    {dyad_dates_month_preps, DYAD_DATES_L_MONTH_PREP},
    {dyad_dates_may_preps, DYAD_DATES_L_MAY_PREP},
    {dyad_dates_year_preps, DYAD_DATES_L_YEAR_PREP},
    {dyad_dates_year_next, DYAD_DATES_L_YEAR_NEXT},
    {dyad_dates_day_parts, DYAD_DATES_L_DAY_PART},
    {dyad_dates_weekday_ok, DYAD_DATES_L_WEEKDAY_OK},
    {dyad_dates_weekday_names, DYAD_DATES_L_WEEKDAY_NAME},
    {dyad_dates_verb_aux, DYAD_DATES_L_VERB_AUX},
    {dyad_dates_plan_past, DYAD_DATES_L_PLAN_PAST},
    {dyad_dates_rel_mods, DYAD_DATES_L_REL_MOD},
    {dyad_dates_rel_spans, DYAD_DATES_L_REL_SPAN},
    {not_past, DYAD_DATES_L_NOT_PAST},
};

/* Cues: a future cue wins over a past one, as the cue lists are read in that order. */
static void add_cues(void)
{
    for (size_t i = 0; future_cues[i]; i++) {
        dyad_dates_lex *l = add_z(future_cues[i]);
        if (l && !l->cue)
            l->cue = 1;
    }
    for (size_t i = 0; past_cues[i]; i++) {
        dyad_dates_lex *l = add_z(past_cues[i]);
        if (l && !l->cue)
            l->cue = -1;
    }
}

/* First word of a phrase: its length up to the first space. */
static size_t first_len(const char *w)
{
    const char *sp = strchr(w, ' ');
    return sp ? (size_t)(sp - w) : strlen(w);
}

/* The words of a phrase ("the day before": single spaces) as entries in seq. */
static void add_seq(const char *words, const dyad_dates_phrase *ph, dyad_dates_seq *seq)
{
    size_t k = 0;
    seq->phrase = ph;
    for (const char *w = words; *w; k++) {
        size_t n = first_len(w);
        if (k == DYAD_DATES_SEQ_MAX || !(seq->words[k] = add(w, n))) {
            vocab_lost++; /* too many words, or a word the vocabulary cannot hold */
            return;
        }
        w += w[n] ? n + 1 : n;
    }
}

/* Groups the phrases by first word, keeping the table order within a group (the
 * scanner prefers the earlier of two equally long phrases). */
static void add_phrases(void)
{
    size_t used = 0;
    for (size_t i = 0; i < dyad_dates_n_phrases; i++) {
        const char *w = dyad_dates_phrases[i].words;
        dyad_dates_lex *l = add(w, first_len(w));
        if (!l || l->n_phrases)
            continue; /* lost, or the group is already listed */
        l->phrases = &phrase_seqs[used];
        for (size_t k = i; k < dyad_dates_n_phrases && used < N_OF(phrase_seqs); k++) {
            w = dyad_dates_phrases[k].words;
            if (add(w, first_len(w)) == l) {
                add_seq(w, &dyad_dates_phrases[k], &phrase_seqs[used++]);
                l->n_phrases++;
            }
        }
    }
    vocab_lost += dyad_dates_n_phrases - used;
}

/* The modifiers in their order; those with the same first word must be adjacent. */
static void add_spans(void)
{
    size_t k = 0;
    for (; dyad_dates_spans[k] && k < N_OF(span_seqs); k++) {
        add_seq(dyad_dates_spans[k], NULL, &span_seqs[k]);
        dyad_dates_lex *l = (dyad_dates_lex *)span_seqs[k].words[0];
        if (l && !l->n_spans)
            l->spans = &span_seqs[k];
        if (l && l->spans + l->n_spans++ != &span_seqs[k])
            vocab_lost++; /* not next to the others of its first word */
    }
    vocab_lost += dyad_dates_spans[k] != NULL;
}

static void add_words(void)
{
    dyad_dates_lex *l;
    for (size_t i = 0; i < N_OF(starters); i++)
        if ((l = add_z(starters[i])))
            l->starter = 1;
    for (size_t i = 0; i < N_OF(months); i++)
        if ((l = add_z(months[i].name)))
            l->month = (uint8_t)months[i].month, l->abbrev = (uint8_t)months[i].abbrev;
    for (size_t i = 0; i < N_OF(weekdays); i++)
        if ((l = add_z(weekdays[i])))
            l->wday = (int8_t)i;
    for (size_t i = 0; i < N_OF(numbers); i++)
        if ((l = add_z(numbers[i].word)))
            l->number = (int8_t)numbers[i].value;
    for (size_t i = 0; i < N_OF(units); i++)
        if ((l = add_z(units[i].word)))
            l->unit = (uint8_t)units[i].unit, l->mult = (uint8_t)units[i].mult;
    for (size_t i = 0; i < N_OF(shifts); i++)
        if ((l = add_z(shifts[i].word)))
            l->has_shift = 1, l->shift = (int8_t)shifts[i].amount;
}

static void build_vocab(void)
{
    add_words();
    add_cues();
    for (size_t i = 0; i < N_OF(lists); i++)
        for (const char *const *w = lists[i].list; *w; w++) {
            dyad_dates_lex *l = add_z(*w);
            if (l)
                l->lists |= lists[i].bit;
        }
    add_phrases();
    add_spans();
}

void dyad_dates_tables_init(void) { pthread_once(&vocab_once, build_vocab); }

const dyad_dates_lex *dyad_dates_lookup_key(dyad_dates_key k)
{
    uint16_t sl = *slot_of(k);
    return sl ? &vocab[sl - 1] : NULL;
}

const dyad_dates_lex *dyad_dates_lookup(const char *s, size_t n)
{
    dyad_dates_key k;
    return fold(s, n, &k) ? dyad_dates_lookup_key(k) : NULL;
}

int dyad_dates_starter(const char *s, size_t n)
{
    dyad_dates_tables_init();
    const dyad_dates_lex *l = dyad_dates_lookup(s, n);
    return l && l->starter;
}

int dyad_dates_check_starters(void)
{
    int bad = 0;
    for (size_t i = 0; i < N_OF(starters); i++)
        bad += !dyad_dates_starter(starters[i], strlen(starters[i]));
    for (size_t i = 0; i < N_OF(months); i++)
        bad += !dyad_dates_starter(months[i].name, strlen(months[i].name));
    for (size_t i = 0; i < 7; i++)
        bad += !dyad_dates_starter(weekdays[i], strlen(weekdays[i]));
    for (size_t i = 0; i < N_OF(numbers); i++)
        bad += !dyad_dates_starter(numbers[i].word, strlen(numbers[i].word));
    for (size_t i = 0; i < N_OF(shifts); i++)
        bad += !dyad_dates_starter(shifts[i].word, strlen(shifts[i].word));
    for (size_t i = 0; i < dyad_dates_n_phrases; i++)
        bad += !dyad_dates_starter(dyad_dates_phrases[i].words,
                                   first_len(dyad_dates_phrases[i].words));
    return bad + (int)vocab_lost;
}
