/* Calendar arithmetic and resolution of date expressions against the article date. */
#include "dates.h"

#include <stdlib.h>

/* Proleptic Gregorian day count: shifting the year to start in March puts the leap
 * day last, so the days before a month follow (153 * month + 2) / 5. */
long dyad_dates_days(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void dyad_dates_civil(long days, dyad_dates_val *v)
{
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    v->d = (int)(doy - (153 * mp + 2) / 5 + 1);
    v->m = (int)(mp < 10 ? mp + 3 : mp - 9);
    v->y = (int)(yoe + era * 400 + (v->m <= 2));
    v->prec = DYAD_DATES_DAY;
}

int dyad_dates_mdays(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : len[m - 1];
}

int dyad_dates_wday(long days)
{
    return (int)(((days % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
}

dyad_dates_val dyad_dates_parse_iso(const char *s)
{
    dyad_dates_val v = {0, 0, 0, 0};
    if (!s)
        return v;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return v;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (s[10] || y < 1000 || m < 1 || m > 12 || d < 1 || d > dyad_dates_mdays(y, m))
        return v;
    return (dyad_dates_val){y, m, d, DYAD_DATES_DAY};
}

/* A checked value: the year must print as four digits, the day must exist. */
static dyad_dates_res make(int y, int m, int d, int prec, dyad_dates_val *out)
{
    if (y < 1000 || y > 9999 || (prec >= DYAD_DATES_MONTH && (m < 1 || m > 12)))
        return DYAD_DATES_DROP;
    if (prec == DYAD_DATES_DAY && (d < 1 || d > dyad_dates_mdays(y, m)))
        return DYAD_DATES_DROP;
    *out = (dyad_dates_val){y, prec >= DYAD_DATES_MONTH ? m : 0,
                            prec == DYAD_DATES_DAY ? d : 0, prec};
    return DYAD_DATES_OK;
}

/* Moves v by amount units of unit, keeping the finer fields only when they exist. */
static dyad_dates_res shift(dyad_dates_val v, int unit, int amount, dyad_dates_val *out)
{
    if (unit == DYAD_DATES_DAY) {
        if (abs(amount) > 4000000)
            return DYAD_DATES_DROP;
        dyad_dates_val r;
        dyad_dates_civil(dyad_dates_days(v.y, v.m, v.d) + amount, &r);
        return make(r.y, r.m, r.d, DYAD_DATES_DAY, out);
    }
    if (abs(amount) > 100000)
        return DYAD_DATES_DROP;
    if (unit == DYAD_DATES_MONTH) {
        long mi = (long)v.y * 12 + (v.m - 1) + amount;
        return make((int)(mi / 12), (int)(mi % 12) + 1, 0, DYAD_DATES_MONTH, out);
    }
    return make(v.y + amount, 0, 0, DYAD_DATES_YEAR, out);
}

/* Distance from ref to the month (and day) of x in year y: days or months. */
static long distance(const dyad_dates_val *ref, const dyad_dates_expr *x, int y)
{
    if (x->prec == DYAD_DATES_DAY)
        return dyad_dates_days(y, x->m, x->d) - dyad_dates_days(ref->y, ref->m, ref->d ? ref->d : 1);
    return ((long)y * 12 + x->m) - ((long)ref->y * 12 + ref->m);
}

/* Ranks a candidate: smaller is better. Without a cue the past is likelier in news,
 * so a future date must be three times as near to win. */
static long rank(const dyad_dates_expr *x, int y, long dist)
{
    long key = dist > 0 ? dist * 6 + 1 : -dist * 2;
    if (x->has_wday && dyad_dates_wday(dyad_dates_days(y, x->m, x->d)) != x->wday)
        key += 1L << 40; /* "Saturday, April 4": the year whose April 4 is a Saturday */
    return key;
}

/* The year for a month without one: the last occurrence up to ref in the past
 * tense, the next from ref in the future, else the nearest. A written weekday
 * that fits only one year outranks the tense. */
static dyad_dates_res nearest(const dyad_dates_val *ref, const dyad_dates_expr *x, int tense,
                              dyad_dates_val *out)
{
    int best = 0;
    long best_key = 0;
    for (int y = ref->y - 1; y <= ref->y + 1; y++) {
        if (x->prec == DYAD_DATES_DAY && x->d > dyad_dates_mdays(y, x->m))
            continue;
        long dist = distance(ref, x, y);
        long key = rank(x, y, dist);
        if (((tense < 0 && dist > 0) || (tense > 0 && dist < 0)) && !x->has_wday)
            continue;
        if (!best || key < best_key) {
            best = y;
            best_key = key;
        }
    }
    return best ? make(best, x->m, x->d, x->prec, out) : DYAD_DATES_DROP;
}

static dyad_dates_res res_full(const dyad_dates_ctx *c, const dyad_dates_expr *x,
                               dyad_dates_val *out)
{
    return make(x->y, x->m, x->d, x->prec, out);
}

static dyad_dates_res res_noyear(const dyad_dates_ctx *c, const dyad_dates_expr *x,
                                 dyad_dates_val *out)
{
    const dyad_dates_val *a = &c->article;
    if (x->has_year_rel || x->has_shift) {
        if (!a->prec)
            return DYAD_DATES_NEED_ARTICLE;
        int y = a->y + x->year_rel;
        if (x->has_shift && x->amount < 0)
            y = x->m < a->m ? a->y : a->y - 1; /* "last July": the latest July before this month */
        else if (x->has_shift && x->amount > 0)
            y = x->m > a->m ? a->y : a->y + 1;
        return make(y, x->m, x->d, x->prec, out);
    }
    /* A narrative set in another year ("November 15, 2017 ... on November 21") keeps it. */
    if (c->anchor.prec && x->prec == DYAD_DATES_DAY && c->anchor_para == c->para)
        return nearest(&c->anchor, x, 0, out);
    if (!a->prec)
        return DYAD_DATES_NEED_ARTICLE;
    return nearest(a, x, x->tense, out);
}

static dyad_dates_res res_weekday(const dyad_dates_ctx *c, const dyad_dates_expr *x,
                                  dyad_dates_val *out)
{
    const dyad_dates_val *base = x->strict && c->last_day.prec ? &c->last_day : &c->article;
    if (!base->prec)
        return DYAD_DATES_NEED_ARTICLE;
    long today = dyad_dates_days(base->y, base->m, base->d);
    int wd = dyad_dates_wday(today);
    int back = (wd - x->wday + 7) % 7, fwd = (x->wday - wd + 7) % 7;
    long day;
    if (x->has_shift && x->amount < 0)
        day = today - (back ? back : 7);
    else if (x->has_shift && x->amount > 0)
        day = today + (fwd ? fwd : 7);
    else if (x->has_shift ? x->tense >= 0 : x->tense > 0)
        day = today + fwd; /* "will meet on Friday"; "this Friday" unless told otherwise */
    else
        day = today - back; /* news reports what happened: the last such day */
    dyad_dates_val v;
    dyad_dates_civil(day, &v);
    return make(v.y, v.m, v.d, DYAD_DATES_DAY, out);
}

static dyad_dates_res res_rel(const dyad_dates_ctx *c, const dyad_dates_expr *x,
                              dyad_dates_val *out)
{
    if (!c->article.prec)
        return DYAD_DATES_NEED_ARTICLE;
    return shift(c->article, x->prec, x->amount, out);
}

static dyad_dates_res res_anaph(const dyad_dates_ctx *c, const dyad_dates_expr *x,
                                dyad_dates_val *out)
{
    const dyad_dates_val *ref = x->prec == DYAD_DATES_DAY ? &c->last_day : &c->last_any;
    /* "were released the same day" leans on a past day, not on an announced one */
    if (x->prec == DYAD_DATES_DAY && x->tense < 0 && c->last_past.prec)
        ref = &c->last_past;
    if (ref->prec >= x->prec)
        return shift(*ref, x->prec, x->amount, out);
    if (x->strict)
        return DYAD_DATES_DROP;
    if (!c->article.prec)
        return DYAD_DATES_NEED_ARTICLE;
    return shift(c->article, x->prec, x->amount, out);
}

typedef dyad_dates_res (*resolver)(const dyad_dates_ctx *, const dyad_dates_expr *,
                                   dyad_dates_val *);
static const resolver resolvers[] = {
    [DYAD_DATES_FULL] = res_full,       [DYAD_DATES_NOYEAR] = res_noyear,
    [DYAD_DATES_WEEKDAY] = res_weekday, [DYAD_DATES_REL] = res_rel,
    [DYAD_DATES_ANAPH] = res_anaph,
};

dyad_dates_res dyad_dates_resolve(const dyad_dates_ctx *ctx, const dyad_dates_expr *x,
                                  dyad_dates_val *out)
{
    return resolvers[x->kind](ctx, x, out);
}
