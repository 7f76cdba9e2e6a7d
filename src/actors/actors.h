/* Actor dictionary internals shared by the loaders and the lookup. */
#ifndef DYAD_ACTORS_H
#define DYAD_ACTORS_H

#include "internal.h"

#define ACTOR_MAX_WORDS 24    /* longest phrase, in words; longer ones are skipped */
#define ACTOR_MAX_PHRASE 255  /* bytes of one normalised phrase */
#define ACTOR_MAX_CODE 24     /* bytes of one code, e.g. "IGOUNOJUDICJ" */

/* Record kinds, as in the compiled format (see tools/compile-actors.py). */
enum { KIND_ACTOR = 'a', KIND_METONYM = 'm', KIND_AGENT = 'g' };

/* One code of a record, valid on [from, to] (YYYYMMDD, 0 = open); both 0 = default. */
typedef struct actor_code {
    uint32_t str;       /* offset of the NUL-terminated code in the pool */
    int32_t from, to;
} actor_code;

/* A record: its kind, codes [first, first + n) of dict->codes, and root phrase. */
typedef struct actor_group {
    uint32_t first_code, n_codes;
    uint32_t root;      /* pool offset of the first phrase */
    char kind;
} actor_group;

/* A hash slot: a phrase (pool offset) of one class (agent or not) and its record. */
typedef struct actor_slot {
    uint32_t phrase;    /* pool offset + 1; 0 = empty slot */
    uint32_t group;
    uint32_t hash;
    uint8_t agent;      /* 1 for agents: they live beside actors, not over them */
} actor_slot;

enum { ACTOR_FIRST_SLOTS = 1 << 16 };

struct dyad_actor_dict {
    dyad_buf pool;                 /* NUL-terminated phrases and codes */
    actor_group *groups;  size_t n_groups, cap_groups;
    actor_code *codes;    size_t n_codes, cap_codes;
    actor_slot *slots;    size_t n_slots, used;   /* open addressing, n_slots a power of 2 */
    int max_words;                 /* longest phrase stored, in words */
    /* longest phrase, in words, among those whose first word hashes to each slot: most
     * words of a text start none, and lookups can stop at the bound */
    uint8_t first_words[ACTOR_FIRST_SLOTS];
    dyad_problems problems;        /* malformed lines skipped by every load */
};

/* The most words a phrase starting with word [word, word + len) can have (an upper
 * bound: 0 when no phrase starts with it). */
int actor_dict_first_bound(const dyad_actor_dict *d, const char *word, size_t len);

/* A normalised text: words joined by single spaces, each word's span in the source. */
typedef struct actor_words {
    char *text;                    /* malloc'd; words separated by one space */
    size_t len;
    uint32_t *off, *wlen;          /* [n] word offset and length in text */
    uint32_t *src_start, *src_end; /* [n] byte span of the word in the source */
    size_t n;
} actor_words;

/* Normalises (see tools/compile-actors.py: case fold, strip accents, words). With
 * guard_case, lower-case "us", "who", "it" are made unmatchable: only the capitalised
 * forms (US, WHO, IT) are names. Returns false when out of memory. */
bool actor_words_split(const char *s, size_t len, bool guard_case, actor_words *out);
void actor_words_free(actor_words *w);

/* Adds a record (kind, codes) and returns its index, or -1 when out of memory. */
long actor_dict_group(dyad_actor_dict *d, char kind);
/* Adds one code to the last record; false on a bad code or out of memory. */
bool actor_dict_code(dyad_actor_dict *d, const char *code, size_t len, int32_t from, int32_t to);
/* Maps a phrase (already normalised, n words) to record g; a later phrase wins. */
bool actor_dict_phrase(dyad_actor_dict *d, long g, const char *phrase, size_t len, int words);
/* Record of a normalised phrase of one class, or -1. */
long actor_dict_find(const dyad_actor_dict *d, const char *phrase, size_t len, bool agent);
/* Counts a malformed line; keeps its text for the first few. */
void actor_dict_problem(dyad_actor_dict *d, const char *file, size_t line, const char *why);

/* A date restriction "<YYMMDD", ">YYYYMMDD", "YYMMDD-YYMMDD" or "" -> [from, to]. */
bool actor_parse_range(const char *s, size_t len, int32_t *from, int32_t *to);
/* The code starts with a role or sector ("GOV", "MILGOV"), not a country or "IGO". */
bool actor_code_is_role(const char *code);
/* Codes of bodies that belong to no country (NGO, NGM, MNC, IGO): no country goes
 * before them. */
bool actor_code_is_transnational(const char *code);
/* Whether a code holds the three-letter role anywhere ("BHSJNK" holds JNK); NULL holds
 * none. */
bool actor_code_has_role(const char *code, const char *role);
/* PLOVER's agents code what is no actor: JNK a storm or a flood, NON a weekday, "the
 * West", "power". */
bool actor_code_is_discard(const char *code);
/* Whether the word [w, w + n) (any case, or its plural in -s) names a document ("the
 * Paris Agreement", "the Minsk agreements") or a body of water ("the South China Sea"):
 * a name that ends in one is no actor, whatever country or city it is named after. */
bool actor_document_word(const char *w, size_t n);
bool actor_water_word(const char *w, size_t n);
/* The country a code names ("POLGOV" -> "POL"); false for roles, IGOs and "---". */
bool actor_code_country(const char *code, char out[4]);
/* The country a document is about, from the codes of its mentions: the one given most,
 * at least twice and twice as often as any other; "" when none stands out. */
void actor_main_country(const char *const *codes, size_t n_codes, char out[4]);
/* A code is 1..ACTOR_MAX_CODE characters of A-Z, 0-9, '~', and the '/' and '+' of
 * PETRARCH's joint actors ("FRO/BIL/SAM") and TABARI's unknown actor ("+++"). */
bool actor_code_valid(const char *s, size_t len);

#endif
