/* Word tables of the tokenizer: abbreviations, prefixes, units, sentence starters.
 * Lists come from the single-token forms of UD English EWT and GUM (train) plus the
 * AP style abbreviations of news; each is sorted (bytewise) for binary search, which
 * a unit test checks. */
#include "tokenize.h"

#include <stdlib.h>
#include <string.h>

typedef struct word_kind { const char *word; tok_abbrev kind; } word_kind;

#define T TOK_ABBREV_TITLE
#define O TOK_ABBREV_OTHER
#define N TOK_ABBREV_NUMBER
/* Case-sensitive: "Gen." is a title, "gen." is not an abbreviation. */
static const word_kind abbrevs[] = {
    {"Adm", T}, {"Ala", O}, {"Apr", O}, {"Ariz", O}, {"Ark", O}, {"Art", N}, {"Assn", O}, {"Assoc", O},
    {"Attn", O}, {"Aug", O}, {"Ave", O}, {"Blvd", O}, {"Bros", O}, {"Calif", O}, {"Capt", T},
    {"Cmdr", T}, {"Co", O}, {"Col", T}, {"Colo", O}, {"Conn", O}, {"Corp", O}, {"Cpl", T},
    {"Dec", O}, {"Dept", O}, {"Dr", T}, {"Drs", T}, {"Feb", O}, {"Fig", N}, {"Fla", O}, {"Fr", T}, {"Fri", O},
    {"Ft", O}, {"Ga", O}, {"Gen", T}, {"Gov", T}, {"Hon", T}, {"Ill", O}, {"Inc", O},
    {"Jan", O}, {"Jr", O}, {"Jul", O}, {"Jun", O}, {"Kan", O}, {"Ky", O}, {"La", O},
    {"Lt", T}, {"Ltd", O}, {"Maj", T}, {"Mar", O}, {"Mass", O}, {"Md", O}, {"Messrs", T}, {"Mich", O},
    {"Minn", O}, {"Miss", O}, {"Mo", O}, {"Mon", O}, {"Mr", T}, {"Mrs", T}, {"Ms", T},
    {"Msgr", T}, {"Mt", T}, {"Neb", O}, {"Nev", O}, {"No", N}, {"Nos", N}, {"Nov", O},
    {"Oct", O}, {"Okla", O}, {"Ore", O}, {"Pa", O}, {"Ph", O}, {"Prof", T}, {"Pvt", T},
    {"Rep", T}, {"Reps", T}, {"Rev", T}, {"Rt", T}, {"Sat", O}, {"Sen", T}, {"Sens", T},
    {"Sep", O}, {"Sept", O}, {"Sgt", T}, {"Sr", O}, {"St", T}, {"Sun", O}, {"Supt", T},
    {"Tenn", O}, {"Tex", O}, {"Thu", O}, {"Thur", O}, {"Thurs", O}, {"Tue", O}, {"Tues", O},
    {"Va", O}, {"Vol", N}, {"Vt", O}, {"Wash", O}, {"Wed", O}, {"Wis", O}, {"Wyo", O},
    {"al", O}, {"approx", O}, {"c", N}, {"ca", O}, {"cf", O}, {"esp", O}, {"est", O}, {"etc", O},
    {"ext", O}, {"fig", N}, {"no", N}, {"nos", N}, {"pp", N}, {"vol", N}, {"vs", O},
};
#undef T
#undef O
#undef N

/* Lower-case forms. */
static const char *const prefixes[] = {
    "anti", "co", "counter", "cross", "e", "ex", "inter", "intra", "mid", "mini", "multi",
    "neo", "non", "over", "post", "pre", "pro", "re", "semi", "socio", "sub", "un",
};
static const char *const units[] = {
    "am", "b", "bn", "cm", "ft", "g", "gb", "ghz", "hr", "hrs", "k", "kb", "kg", "km", "kph",
    "kw", "kwh", "lb", "lbs", "m", "mb", "mg", "mhz", "min", "mins", "ml", "mm", "mn", "mph",
    "mw", "oz", "pm", "sq", "tb", "x", "yr", "yrs",
};
static const char *const starters[] = {
    "a", "after", "all", "also", "an", "and", "another", "as", "at", "because", "before",
    "both", "but", "by", "during", "each", "even", "for", "from", "however", "i", "if", "in",
    "it", "its", "many", "meanwhile", "more", "most", "my", "no", "now", "of", "on", "one",
    "only", "or", "our", "please", "she", "since", "so", "some", "still", "such", "thank", "thanks", "that", "the", "their",
    "then", "there", "these", "they", "this", "those", "though", "thus", "to", "under", "we",
    "what", "when", "where", "while", "who", "with", "yet", "you",
};

typedef struct fused { const char *word; unsigned char split; } fused;
static const fused fuseds[] = {
    {"aint", 2}, {"arent", 3}, {"cannot", 3}, {"cant", 2}, {"couldnt", 5}, {"didnt", 3},
    {"doesnt", 4}, {"dont", 2}, {"gonna", 3}, {"gotta", 3}, {"hadnt", 3},
    {"hasnt", 3}, {"havent", 4}, {"im", 1}, {"isnt", 2}, {"shouldnt", 6}, {"wanna", 3},
    {"wasnt", 3}, {"werent", 4}, {"wont", 2}, {"wouldnt", 5},
};

/* Compares the key (s, len) with a NUL-terminated table word. */
static int cmp_word(const char *s, size_t len, const char *word)
{
    for (size_t i = 0; i < len; i++) {
        if (!word[i])
            return 1; /* the key is longer */
        if (s[i] != word[i])
            return (unsigned char)s[i] < (unsigned char)word[i] ? -1 : 1;
    }
    return word[len] ? -1 : 0;
}

/* Binary search over an array of structs whose first member is const char *. */
static const void *find(const char *s, size_t len, const void *base, size_t n, size_t size)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *w = *(const char *const *)((const char *)base + mid * size);
        int c = cmp_word(s, len, w);
        if (c == 0)
            return (const char *)base + mid * size;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* Lower-cases ASCII s into buf (>= 16 bytes); false when too long to be in a table. */
static bool lower(const char *s, size_t len, char *buf)
{
    if (len == 0 || len > 15)
        return false;
    for (size_t i = 0; i < len; i++)
        buf[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    return true;
}

#define FIND(s, len, table) find(s, len, table, sizeof table / sizeof table[0], sizeof table[0])

tok_abbrev tok_abbrev_kind(const char *s, size_t len)
{
    const word_kind *w = FIND(s, len, abbrevs);
    return w ? w->kind : TOK_ABBREV_NONE;
}

bool tok_is_prefix(const char *s, size_t len)
{
    char buf[16];
    return lower(s, len, buf) && FIND(buf, len, prefixes);
}

bool tok_is_unit(const char *s, size_t len)
{
    char buf[16];
    return lower(s, len, buf) && FIND(buf, len, units);
}

bool tok_is_starter(const char *s, size_t len)
{
    char buf[16];
    return lower(s, len, buf) && FIND(buf, len, starters);
}

size_t tok_fused_split(const char *s, size_t len)
{
    char buf[16];
    const fused *f = lower(s, len, buf) ? FIND(buf, len, fuseds) : NULL;
    return f ? f->split : 0;
}

bool tok_tables_sorted(void)
{
#define SORTED(table, field)                                                  \
    for (size_t i = 1; i < sizeof table / sizeof table[0]; i++)               \
        if (strcmp(table[i - 1] field, table[i] field) >= 0)                  \
            return false;
    SORTED(abbrevs, .word)
    SORTED(prefixes, )
    SORTED(units, )
    SORTED(starters, )
    SORTED(fuseds, .word)
#undef SORTED
    return true;
}
