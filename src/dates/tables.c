/* Word tables of the date stage: months, weekdays, numbers, units, tense cues, phrases. */
#include "dates.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int eq(const char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && strncasecmp(s, lit, n) == 0;
}

int dyad_dates_in(const char *const *list, const char *s, size_t n)
{
    for (; *list; list++)
        if (eq(s, n, *list))
            return 1;
    return 0;
}

/* Month names are dates only when capitalised: "may", "march" and "august" are words. */
static const struct { const char *name; int month, abbrev; } months[] = {
    {"January", 1, 0},  {"February", 2, 0}, {"March", 3, 0},     {"April", 4, 0},
    {"May", 5, 0},      {"June", 6, 0},     {"July", 7, 0},      {"August", 8, 0},
    {"September", 9, 0},{"October", 10, 0}, {"November", 11, 0}, {"December", 12, 0},
    {"Jan", 1, 1}, {"Feb", 2, 1}, {"Mar", 3, 1}, {"Apr", 4, 1}, {"Jun", 6, 1},
    {"Jul", 7, 1}, {"Aug", 8, 1}, {"Sep", 9, 1}, {"Sept", 9, 1}, {"Oct", 10, 1},
    {"Nov", 11, 1}, {"Dec", 12, 1},
};

int dyad_dates_month(const char *s, size_t n, int *abbrev)
{
    if (n < 3 || s[0] < 'A' || s[0] > 'Z')
        return 0;
    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
        if (eq(s, n, months[i].name)) {
            *abbrev = months[i].abbrev;
            return months[i].month;
        }
    return 0;
}

static const char *const weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};

int dyad_dates_weekday(const char *s, size_t n)
{
    if (n < 6 || s[0] < 'A' || s[0] > 'Z')
        return -1;
    for (int i = 0; i < 7; i++)
        if (eq(s, n, weekdays[i]))
            return i;
    return -1;
}

static const struct { const char *word; int value; } numbers[] = {
    {"a", 1}, {"an", 1}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
    {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11},
    {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60},
    {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"hundred", 100},
};

int dyad_dates_number(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++)
        if (eq(s, n, numbers[i].word))
            return numbers[i].value;
    return -1;
}

/* Weeks are left out on purpose: a week is no day, month or year, and giving its
 * Monday would claim a precision the text does not have. */
static const struct { const char *word; int unit, mult; } units[] = {
    {"day", DYAD_DATES_DAY, 1},     {"days", DYAD_DATES_DAY, 1},
    {"month", DYAD_DATES_MONTH, 1}, {"months", DYAD_DATES_MONTH, 1},
    {"year", DYAD_DATES_YEAR, 1},   {"years", DYAD_DATES_YEAR, 1},
    {"decade", DYAD_DATES_YEAR, 10},{"decades", DYAD_DATES_YEAR, 10},
};

int dyad_dates_unit(const char *s, size_t n, int *mult)
{
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (eq(s, n, units[i].word)) {
            *mult = units[i].mult;
            return units[i].unit;
        }
    return 0;
}

static const struct { const char *word; int amount; } shifts[] = {
    {"last", -1}, {"past", -1}, {"previous", -1}, {"preceding", -1}, {"this", 0},
    {"next", 1},  {"coming", 1}, {"following", 1},
};

int dyad_dates_shift(const char *s, size_t n, int *amount)
{
    for (size_t i = 0; i < sizeof shifts / sizeof shifts[0]; i++)
        if (eq(s, n, shifts[i].word)) {
            *amount = shifts[i].amount;
            return 1;
        }
    return 0;
}

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

int dyad_dates_cue(const char *s, size_t n)
{
    if (dyad_dates_in(future_cues, s, n))
        return 1;
    if (dyad_dates_in(past_cues, s, n))
        return -1;
    if (n >= 5 && s[0] >= 'a' && s[0] <= 'z' && s[n - 2] == 'e' && s[n - 1] == 'd' &&
        !dyad_dates_in(not_past, s, n))
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

/* Every word an expression can begin with, sorted: the scanner skips any other
 * word without trying its matchers (tests check the tables against it). */
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

typedef struct word_key { const char *s; size_t n; } word_key;

static int starter_cmp(const void *key, const void *entry)
{
    const word_key *k = key; /* k->s is already lower case */
    const char *e = *(const char *const *)entry;
    int c = strncmp(k->s, e, k->n);
    return c ? c : -(e[k->n] != '\0'); /* a prefix sorts first */
}

/* Called at every word of every document: fold ASCII by hand (strncasecmp goes
 * through the locale) and reject words whose first letter starts no entry. */
int dyad_dates_starter(const char *s, size_t n)
{
    static const char firsts[] = "abcdefhjlmnopstwy"; /* first letters of starters[] (tested) */
    char low[11];
    if (n == 0 || n > 10 || !strchr(firsts, s[0] | 32))
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(s[i] | ((s[i] >= 'A' && s[i] <= 'Z') ? 32 : 0));
    low[n] = '\0';
    word_key k = {low, n};
    return bsearch(&k, starters, sizeof starters / sizeof starters[0], sizeof starters[0],
                   starter_cmp) != NULL;
}

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

/* First word of a phrase: its length up to the first space. */
static size_t first_len(const char *w)
{
    const char *sp = strchr(w, ' ');
    return sp ? (size_t)(sp - w) : strlen(w);
}

int dyad_dates_check_starters(void)
{
    int bad = 0;
    for (size_t i = 0; i < sizeof starters / sizeof starters[0]; i++)
        bad += !dyad_dates_starter(starters[i], strlen(starters[i]));
    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
        bad += !dyad_dates_starter(months[i].name, strlen(months[i].name));
    for (size_t i = 0; i < 7; i++)
        bad += !dyad_dates_starter(weekdays[i], strlen(weekdays[i]));
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++)
        bad += !dyad_dates_starter(numbers[i].word, strlen(numbers[i].word));
    for (size_t i = 0; i < sizeof shifts / sizeof shifts[0]; i++)
        bad += !dyad_dates_starter(shifts[i].word, strlen(shifts[i].word));
    for (size_t i = 0; i < dyad_dates_n_phrases; i++)
        bad += !dyad_dates_starter(dyad_dates_phrases[i].words,
                                   first_len(dyad_dates_phrases[i].words));
    return bad;
}
