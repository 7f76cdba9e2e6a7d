/* Date stage internals: the word scanner's shapes, calendar arithmetic, word tables. */
#ifndef DYAD_DATES_H
#define DYAD_DATES_H

#include "internal.h"

/* Precision of a value, which is also the unit of a relative offset. */
enum { DYAD_DATES_YEAR = 1, DYAD_DATES_MONTH = 2, DYAD_DATES_DAY = 3 };

/* A calendar value; fields finer than prec are 0. prec 0 = no value. */
typedef struct dyad_dates_val {
    int y, m, d;
    int prec;
} dyad_dates_val;

/* What an expression says, before it is resolved (see resolve.c). */
typedef enum dyad_dates_kind {
    DYAD_DATES_FULL,    /* carries its year: "January 17, 2024", "March 2023", "in 2019" */
    DYAD_DATES_NOYEAR,  /* month [day] without a year: "June 27", "in May", "last October" */
    DYAD_DATES_WEEKDAY, /* "on Friday", "last Friday" */
    DYAD_DATES_REL,     /* offset from the article date: "yesterday", "last month", "two years ago" */
    DYAD_DATES_ANAPH    /* offset from the last date of the text: "that day", "three years later" */
} dyad_dates_kind;

typedef struct dyad_dates_expr {
    dyad_dates_kind kind;
    int y, m, d;      /* written fields, 0 when absent; FULL, NOYEAR */
    int wday;         /* WEEKDAY: 0 = Monday .. 6 = Sunday */
    int has_wday;     /* NOYEAR: a weekday was written too ("Saturday, April 4") */
    int prec;         /* precision of the result */
    int amount;       /* REL, ANAPH: offset in units of prec; NOYEAR, WEEKDAY: last -1, next +1 */
    int has_shift;    /* NOYEAR, WEEKDAY: "last"/"next"/"this" was written */
    int year_rel;     /* NOYEAR: "July last year" -> -1 ... */
    int has_year_rel;
    int strict;       /* ANAPH: needs an earlier date in the text (no fallback to the article);
                         WEEKDAY: counts from the last day of the text ("the following Monday") */
    int tense;        /* -1 past, +1 future, 0 unknown: the clause's cue, when needed */
} dyad_dates_expr;

/* Resolution state carried through one document. */
typedef struct dyad_dates_ctx {
    dyad_dates_val article;  /* prec 0 when the document has no date */
    dyad_dates_val last_day; /* most recent day-precision value */
    dyad_dates_val last_past;/* most recent day-precision value not after the article */
    dyad_dates_val last_any; /* most recent value of any precision */
    dyad_dates_val anchor;   /* most recent full date with a year other than the article's */
    size_t anchor_para, para;/* paragraph of the anchor, and of the current expression */
} dyad_dates_ctx;

/* Resolution result: resolved, needs the missing article date, or impossible. */
typedef enum { DYAD_DATES_OK, DYAD_DATES_NEED_ARTICLE, DYAD_DATES_DROP } dyad_dates_res;

/* calendar (resolve.c) */
long dyad_dates_days(int y, int m, int d);          /* days since 1970-01-01 */
void dyad_dates_civil(long days, dyad_dates_val *v); /* day precision */
int dyad_dates_mdays(int y, int m);
int dyad_dates_wday(long days);                     /* 0 = Monday */
dyad_dates_res dyad_dates_resolve(const dyad_dates_ctx *ctx, const dyad_dates_expr *x,
                                  dyad_dates_val *out);
/* Parses a strict "YYYY-MM-DD"; prec 0 when s is NULL or malformed. */
dyad_dates_val dyad_dates_parse_iso(const char *s);

/* word tables (tables.c) */

/* Word lists, NULL-terminated. */
extern const char *const dyad_dates_month_preps[]; /* words that make a bare month a date */
extern const char *const dyad_dates_may_preps[];   /* the same, for "May" */
extern const char *const dyad_dates_year_preps[];  /* words that make a bare year a date */
extern const char *const dyad_dates_year_next[];   /* lowercase words that may follow one */
extern const char *const dyad_dates_day_parts[];   /* morning, afternoon, ... */
extern const char *const dyad_dates_weekday_ok[];  /* capitalised words allowed before a weekday */
extern const char *const dyad_dates_weekday_names[]; /* "Times" in "Sunday Times" */
extern const char *const dyad_dates_verb_aux[];    /* to, will, would ... before "be" */
extern const char *const dyad_dates_plan_past[];   /* was, originally ... before a future cue */
extern const char *const dyad_dates_rel_mods[];    /* early, later ... before "last month" */
extern const char *const dyad_dates_rel_spans[];   /* in, over ... before "the last month" */
extern const char *const dyad_dates_spans[];       /* "early", "the end of" ... before a month */

/* Membership of the word lists above (and of the -ed words that are no past tense). */
enum {
    DYAD_DATES_L_MONTH_PREP = 1 << 0,
    DYAD_DATES_L_MAY_PREP = 1 << 1,
    DYAD_DATES_L_YEAR_PREP = 1 << 2,
    DYAD_DATES_L_YEAR_NEXT = 1 << 3,
    DYAD_DATES_L_DAY_PART = 1 << 4,
    DYAD_DATES_L_WEEKDAY_OK = 1 << 5,
    DYAD_DATES_L_WEEKDAY_NAME = 1 << 6,
    DYAD_DATES_L_VERB_AUX = 1 << 7,
    DYAD_DATES_L_PLAN_PAST = 1 << 8,
    DYAD_DATES_L_REL_MOD = 1 << 9,
    DYAD_DATES_L_REL_SPAN = 1 << 10,
    DYAD_DATES_L_NOT_PAST = 1 << 11
};

#define DYAD_DATES_LEX_LEN 16 /* table words are shorter (11 letters today) */

/* All the tables say of one word, folded to lowercase ASCII. The scanner looks each
 * word up once, instead of testing it against every table at every matcher. */
typedef struct dyad_dates_lex {
    char word[DYAD_DATES_LEX_LEN]; /* lowercase, zero-padded */
    uint8_t starter;      /* may begin an expression */
    uint8_t month;        /* 1..12, 0; a month only when capitalised */
    uint8_t abbrev;       /* the month name is abbreviated: "Jan" */
    int8_t wday;          /* 0 = Monday .. 6 = Sunday, -1; a weekday only when capitalised */
    int8_t number;        /* "two" -> 2, "hundred" -> 100; -1 */
    uint8_t unit, mult;   /* "decades" -> DYAD_DATES_YEAR, 10; unit 0 when none */
    uint8_t has_shift;    /* last/next/this ... */
    int8_t shift;         /* ... and its amount: -1, 0, +1 */
    int8_t cue;           /* tense cue of the word itself: -1 past, +1 future, 0 */
    uint8_t n_phrases, n_spans; /* phrases and modifiers beginning with the word ... */
    const struct dyad_dates_seq *phrases; /* ... [n_phrases], in table order */
    const struct dyad_dates_seq *spans;   /* ... [n_spans], in dyad_dates_spans order */
    uint32_t lists;       /* DYAD_DATES_L_* */
} dyad_dates_lex;

#define DYAD_DATES_SEQ_MAX 4 /* words in the longest phrase */

/* A phrase as the scanner compares it: the entries of its words, NULL-terminated. */
typedef struct dyad_dates_seq {
    const struct dyad_dates_phrase *phrase; /* NULL for a modifier */
    const dyad_dates_lex *words[DYAD_DATES_SEQ_MAX + 1];
} dyad_dates_seq;

/* A word of 1..15 ASCII letters folded to lowercase, byte i at bits 8 * (i % 8) of
 * lo (i < 8) or hi: hashed and compared as two integers, without a loop. */
typedef struct dyad_dates_key { uint64_t lo, hi; } dyad_dates_key;

/* Puts the lowercase letter c at position i (< 15) of k; k starts as {0, 0}. */
static inline void dyad_dates_key_put(dyad_dates_key *k, size_t i, unsigned char c)
{
    if (i < 8)
        k->lo |= (uint64_t)c << (8 * i);
    else
        k->hi |= (uint64_t)c << (8 * (i - 8));
}

/* Builds the vocabulary of the tables once (thread-safe); call it before lookups. */
void dyad_dates_tables_init(void);
/* The entry of a word, NULL for words of no table. */
const dyad_dates_lex *dyad_dates_lookup_key(dyad_dates_key k);
/* The same for s[0..n), compared case-insensitively (ASCII). */
const dyad_dates_lex *dyad_dates_lookup(const char *s, size_t n);
/* Tense cue of a word: its entry's, else -1 for a lowercase -ed word; lex may be NULL. */
int dyad_dates_cue(const dyad_dates_lex *lex, const char *s, size_t n);
int dyad_dates_starter(const char *s, size_t n); /* may begin an expression */
/* Table words missing from the starters or from the vocabulary; 0. */
int dyad_dates_check_starters(void);

/* Fixed phrases: words separated by single spaces, resolved as a REL or ANAPH. */
typedef struct dyad_dates_phrase {
    const char *words;
    dyad_dates_kind kind; /* REL or ANAPH */
    int unit, amount;
    int bare;             /* must not be followed by a word: "the day before" */
    int parts;            /* may take a part of the day: "yesterday afternoon" */
} dyad_dates_phrase;
extern const dyad_dates_phrase dyad_dates_phrases[];
extern const size_t dyad_dates_n_phrases;

#endif
