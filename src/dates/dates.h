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

/* word tables (tables.c); s[0..n) is compared case-insensitively unless noted */
int dyad_dates_month(const char *s, size_t n, int *abbrev); /* 1..12, capitalised; 0 */
int dyad_dates_weekday(const char *s, size_t n);           /* 0..6, capitalised; -1 */
int dyad_dates_number(const char *s, size_t n);            /* "two" -> 2; -1 */
int dyad_dates_unit(const char *s, size_t n, int *mult);   /* "years" -> YEAR; 0 */
int dyad_dates_cue(const char *s, size_t n);               /* -1 past, +1 future, 0 */
int dyad_dates_shift(const char *s, size_t n, int *amount);/* last/next/this: 1 when one */
int dyad_dates_starter(const char *s, size_t n);           /* may begin an expression */
int dyad_dates_check_starters(void); /* table words missing from the starters; 0 */

/* Word lists, NULL-terminated. */
extern const char *const dyad_dates_month_preps[]; /* words that make a bare month a date */
extern const char *const dyad_dates_may_preps[];   /* the same, for "May" */
extern const char *const dyad_dates_year_preps[];  /* words that make a bare year a date */
extern const char *const dyad_dates_year_next[];   /* lowercase words that may follow one */
extern const char *const dyad_dates_day_parts[];   /* morning, afternoon, ... */
extern const char *const dyad_dates_weekday_ok[];  /* capitalised words allowed before a weekday */
extern const char *const dyad_dates_weekday_names[]; /* "Times" in "Sunday Times" */
extern const char *const dyad_dates_verb_aux[];    /* to, will, would ... before "be" */
int dyad_dates_in(const char *const *list, const char *s, size_t n);

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
