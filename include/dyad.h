/* dyad: news articles in, sourced political event records out. The only public header.
 *
 * Ownership in one sentence: a dyad_doc owns every string and array reachable from
 * it (one dyad_doc_free releases them all), except tag strings that point into the
 * pipeline's model, which stay valid while that pipeline lives.
 *
 * Threads: readers and documents belong to one thread at a time; a dyad_pipeline
 * and a dyad_model are read-only after creation and may be shared by any number
 * of threads. The library never prints and never aborts. */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

/* ---- status and errors ------------------------------------------------- */

typedef enum dyad_status {
    DYAD_OK = 0,
    DYAD_ENOMEM,  /* out of memory */
    DYAD_EIO,     /* a file could not be opened, read or written */
    DYAD_EFORMAT, /* input is not in the expected format */
    DYAD_EINVAL,  /* bad argument or option */
    DYAD_EMODEL   /* a model file is corrupt, truncated or of another version */
} dyad_status;

/* Filled by functions that take a `dyad_error *err`; err may be NULL. */
typedef struct dyad_error {
    dyad_status status;
    char code[32];     /* short machine-readable code, e.g. "model_checksum" */
    char message[512]; /* one sentence for a human, naming the file */
} dyad_error;

/* A problem found in one document; the document is still processed when possible. */
typedef struct dyad_doc_error {
    const char *code; /* static string: "invalid_utf8", "nul_byte", "bad_date", ... */
    char *message;    /* owned by the document */
    int warning;      /* 1: a limit of the analysis, not a fault in the input */
} dyad_doc_error;

/* ---- documents --------------------------------------------------------- */

#define DYAD_TOKEN_SPACE_AFTER 1u /* whitespace follows the token in the text */
#define DYAD_TOKEN_CLITIC 2u /* split from the previous token inside one written word
                                 (do|n't, Russia|'s, gon|na): one CoNLL-U multiword token */

/* One token: a [start, end) byte slice of dyad_doc.text (tokens never rewrite text,
 * so "don't" is "do" + "n't" and the form is always text[start, end)). The tag and
 * tree fields are NULL / -1 until the tagger and parser have run. */
typedef struct dyad_token {
    uint32_t start, end; /* byte offsets into doc->text */
    uint32_t flags;      /* DYAD_TOKEN_* bits */
    const char *upos;    /* Universal POS tag, e.g. "PROPN" */
    const char *xpos;    /* Penn tag, e.g. "NNP" */
    const char *feats;   /* UD features "Number=Sing|Tense=Past" or "_" */
    const char *lemma;   /* lemma, owned by the doc or the model */
    int32_t head;        /* index into doc->tokens of the head; -1 for the root */
    const char *deprel;  /* UD relation, e.g. "nsubj" */
} dyad_token;

/* One sentence: tokens [first, first + count) of doc->tokens. */
typedef struct dyad_sentence {
    uint32_t first, count; /* token range */
    uint32_t start, end;   /* byte offsets of the first token start and last token end */
} dyad_sentence;

/* A date expression resolved against the article date ("on Friday", "last month"). */
typedef struct dyad_date {
    uint32_t start, end; /* byte offsets into doc->text of the expression */
    const char *value;   /* "YYYY-MM-DD", "YYYY-MM" or "YYYY", as precise as the text */
} dyad_date;

/* One document. text is the title, a blank line, then the body (or the body alone
 * when there is no title), valid NFC UTF-8, NUL-terminated; every span is a byte
 * offset into it. */
typedef struct dyad_doc {
    char *id;          /* from the input (JSONL id) or the file name without extension */
    char *date;        /* "YYYY-MM-DD", or NULL when the input has none */
    char *title;       /* NULL when none */
    char *source;      /* file path, or the JSONL "source" field */
    char *url;         /* NULL when none */
    const char *format;/* static: "dated", "jsonl", "text", "html" */
    char *text;        /* see above */
    size_t text_len;   /* bytes, excluding the terminating NUL */
    size_t body_start; /* offset of the body in text */
    dyad_token *tokens;
    size_t n_tokens;
    dyad_sentence *sentences;
    size_t n_sentences;
    dyad_date *dates;    /* NULL until the date stage has run */
    size_t n_dates;
    struct dyad_mention *actors; /* NULL until the mention stage has run */
    size_t n_actors;
    char country[4];     /* the country the story is about ("IRQ"), set by the mention
                            stage: the one its mentions name most (at least twice, twice as
                            often as any other), else with its nationality words; "" when
                            unclear */
    struct dyad_quote *quotes;   /* NULL until the quote stage has run */
    size_t n_quotes;
    struct dyad_event *events;   /* NULL until the event stage has run */
    size_t n_events;
    dyad_doc_error *errors;
    size_t n_errors;
    int failed;        /* 1 when the document could not be read or processed at all */
    struct dyad_arena *arena; /* owns everything above */
} dyad_doc;

/* A new empty document with its own arena; NULL when out of memory. */
dyad_doc *dyad_doc_new(void);
/* Frees the document and everything it owns. dyad_doc_free(NULL) is a no-op. */
void dyad_doc_free(dyad_doc *doc);
/* Copies a string into the document's arena; NULL when out of memory. */
char *dyad_doc_strdup(dyad_doc *doc, const char *s, size_t len);
/* Appends an error (code: static string; message: printf format). Never fails
 * silently: when memory runs out the error is dropped and DYAD_ENOMEM returned. */
dyad_status dyad_doc_add_error(dyad_doc *doc, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The same for a warning: something the analysis could not do that is not a fault
 * of the input (e.g. relative dates in a document without a date). */
dyad_status dyad_doc_add_warning(dyad_doc *doc, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Sets doc->text from a title (may be NULL) and body given as raw bytes: invalid
 * UTF-8 and NUL bytes are replaced by U+FFFD and reported in doc->errors, the
 * result is normalised to NFC, and body_start is set. */
dyad_status dyad_doc_set_text(dyad_doc *doc, const char *title, size_t title_len,
                              const char *body, size_t body_len);

/* ---- readers ----------------------------------------------------------- */

typedef enum dyad_format {
    DYAD_FORMAT_AUTO = 0, /* detect from content (and file extension) */
    DYAD_FORMAT_DATED,    /* "date YYYY-MM-DD <headline>", blank line, body */
    DYAD_FORMAT_JSONL,    /* one JSON object per line: id, date, title, text|body, url, source */
    DYAD_FORMAT_TEXT,     /* plain text: the whole file is the body */
    DYAD_FORMAT_HTML,     /* an HTML page: title, main text, publication date */
    DYAD_FORMAT_LINES     /* plain text, one document per non-blank line (headlines, feeds);
                             only when forced: a plain text file is one document */
} dyad_format;

/* "auto", "dated", "jsonl", "text", "html", "lines" -> format; -1 when unknown. */
int dyad_format_from_name(const char *name);
const char *dyad_format_name(dyad_format format);

typedef struct dyad_reader dyad_reader;

/* A reader over a queue of inputs; every input may hold many documents. */
dyad_reader *dyad_reader_new(dyad_format forced);
/* Queues a file, a directory (walked recursively, in name order) or "-" for stdin.
 * .gz and .zst files are decompressed transparently. Never fails for a missing
 * file: that input yields one failed document naming it. */
dyad_status dyad_reader_add_path(dyad_reader *reader, const char *path);
/* Queues bytes already in memory (copied); name gives the document id. */
dyad_status dyad_reader_add_memory(dyad_reader *reader, const char *name,
                                   const void *data, size_t len);
/* The next document, or NULL at the end (or when out of memory: see
 * dyad_reader_status). A document that could not be read comes back with
 * failed = 1 and an error naming the problem; the reader then goes on. */
dyad_doc *dyad_reader_next(dyad_reader *reader);
dyad_status dyad_reader_status(const dyad_reader *reader);
/* dyad_reader_free(NULL) is a no-op. */
void dyad_reader_free(dyad_reader *reader);

/* ---- tokenizer and sentence splitter ----------------------------------- */

/* Tokenizes doc->text (UD English EWT conventions) and splits it into sentences,
 * replacing doc->tokens and doc->sentences. Linear in the text length. */
dyad_status dyad_tokenize(dyad_doc *doc);

/* ---- dates -------------------------------------------------------------- */

/* Finds absolute and relative date expressions in doc->text and resolves them
 * against doc->date, filling doc->dates (an empty array when there are none).
 * A document without a date resolves only absolute dates that carry their year,
 * and says so in doc->errors (code "no_article_date"). */
dyad_status dyad_dates_find(dyad_doc *doc);

/* ---- CoNLL-U ----------------------------------------------------------- */

/* One word of a CoNLL-U sentence; strings point into the treebank's storage. */
typedef struct dyad_conllu_word {
    const char *form, *lemma, *upos, *xpos, *feats, *deprel, *misc;
    int head; /* 1-based head, 0 = root */
} dyad_conllu_word;

/* A multiword token "3-4 don't": covers words [first, last] (1-based). */
typedef struct dyad_conllu_range {
    int first, last;
    const char *form, *misc;
} dyad_conllu_range;

typedef struct dyad_conllu_sentence {
    const char *text;   /* "# text = " comment, or NULL */
    int newdoc, newpar; /* 1 when the sentence starts a document / paragraph */
    dyad_conllu_word *words; /* [n_words], words[0] is word 1 */
    int n_words;
    dyad_conllu_range *ranges; /* [n_ranges] multiword tokens, in order */
    int n_ranges;
} dyad_conllu_sentence;

typedef struct dyad_treebank {
    dyad_conllu_sentence *sentences;
    size_t n_sentences;
    struct dyad_arena *arena;
} dyad_treebank;

/* Reads a CoNLL-U file (plain, .gz or .zst is not supported here: plain only).
 * Returns NULL and fills err on failure, naming the file and line. */
dyad_treebank *dyad_treebank_read(const char *path, dyad_error *err);
/* The same from memory; name is used in error messages. */
dyad_treebank *dyad_treebank_parse(const char *name, const char *data, size_t len,
                                   dyad_error *err);
/* Makes doc (new, empty) hold the treebank's words as its text, tokens and sentences,
 * with their tags, lemmas, features, heads and relations when with_analysis: a parse
 * made elsewhere, for dyad_pipeline_run_parsed. UD v1 relations (dobj, nsubjpass,
 * nmod under a verb...) are renamed as UD v2 has them. */
dyad_status dyad_doc_set_treebank(dyad_doc *doc, const dyad_treebank *tb, int with_analysis);
void dyad_treebank_free(dyad_treebank *tb);

/* ---- models, tagger and parser ------------------------------------------ */

typedef struct dyad_model dyad_model;

/* Loads a model file (tagger, lemmatizer and parser). The file is untrusted:
 * header, version, checksum and every offset are checked. NULL + err on failure. */
dyad_model *dyad_model_load(const char *path, dyad_error *err);
/* Loads from memory (the bytes are copied). */
dyad_model *dyad_model_load_memory(const void *data, size_t len, dyad_error *err);
void dyad_model_free(dyad_model *model);

/* Tags, lemmatizes and parses every sentence of a tokenized document. */
dyad_status dyad_model_annotate(const dyad_model *model, dyad_doc *doc);

/* Training options for dyad_train. */
typedef struct dyad_train_options {
    const char *const *train_files; /* CoNLL-U, NULL-terminated */
    const char *const *dev_files;   /* CoNLL-U for per-epoch dev accuracy, may be NULL */
    const char *output;             /* model file to write */
    int tagger_epochs, parser_epochs; /* 0 = defaults */
    uint64_t seed;
    void (*progress)(void *ctx, const char *line); /* one line per epoch; may be NULL */
    void *progress_ctx;
} dyad_train_options;

dyad_status dyad_train(const dyad_train_options *opts, dyad_error *err);

/* ---- actor dictionaries ------------------------------------------------ */

/* Names, titles and places to CAMEO-style actor codes: country (ISO 3166-1 alpha-3)
 * plus roles ("RUSGOV", "USAMIL"), or an IGO ("IGOUNO", "IGOWSTNAT" for NATO). A dictionary is read-only after loading
 * and may be shared by threads; loading is single-threaded. */
typedef struct dyad_actor_dict dyad_actor_dict;

typedef enum dyad_actor_file {
    DYAD_ACTOR_FILE_ACTORS, /* PETRARCH/Phoenix .actors: NAME [CODE], +SYNONYM, \t[CODE dates] */
    DYAD_ACTOR_FILE_AGENTS  /* PETRARCH/Phoenix .agents: NOUN {PLURAL} [~ROLE], !SET! = a, b */
} dyad_actor_file;

/* How a match was made (bits of dyad_actor_match.via). */
#define DYAD_ACTOR_VIA_NAME 1u      /* a dictionary name: person, organisation, country */
#define DYAD_ACTOR_VIA_TITLE 2u     /* the role came from a title or noun ("troops") */
#define DYAD_ACTOR_VIA_ADJECTIVE 4u /* the country came from a word beside it ("Russian troops") */
#define DYAD_ACTOR_VIA_METONYMY 8u  /* a capital or seat of power for its government ("Kyiv") */
#define DYAD_ACTOR_VIA_FORMER 16u   /* "former", "ex-", "retired": the role became ELI */
#define DYAD_ACTOR_VIA_LAPSED 32u   /* a person's dated roles ended before the date: ELI */

typedef struct dyad_actor_match {
    char code[32];     /* "RUSGOV", "USAGOVMIL", "IGOUNO", "MIL" (role only); "" when none */
    char country[4];   /* ISO alpha-3, "IGO", or "" for role-only and NGO-style codes */
    char role[4];      /* first 3-letter role after the country ("UNO" in IGOUNO), or "" */
    char role2[4];     /* second role ("MIL" in GOVMIL), or "" */
    char pattern[128]; /* dictionary phrase that gave the role (an agent's singular), else the name */
    char name[128];    /* root phrase of the named actor matched ("dmitry peskov"), or "" */
    unsigned via;      /* DYAD_ACTOR_VIA_* bits */
    size_t start, end; /* byte span in the looked-up text of everything matched */
    size_t country_start, country_end; /* span of the words that gave the country (equal if none) */
} dyad_actor_match;

/* An empty dictionary, for user files alone. NULL when out of memory. */
dyad_actor_dict *dyad_actor_dict_new(void);
/* Loads the compiled default (data/actors/actors.dict, see tools/compile-actors.py).
 * The file is untrusted: header, record count, CRC-32 and every field are checked;
 * NULL + err (DYAD_EMODEL naming file:line) when anything is wrong. */
dyad_actor_dict *dyad_actor_dict_load(const char *path, dyad_error *err);
dyad_actor_dict *dyad_actor_dict_load_memory(const void *data, size_t len, dyad_error *err);
/* Merges a PETRARCH/Phoenix actor or agent file over what is loaded: a phrase defined
 * again takes its new code. Malformed lines are skipped and counted (see below); only
 * I/O and memory failures return an error. */
dyad_status dyad_actor_dict_add_file(dyad_actor_dict *dict, const char *path,
                                     dyad_actor_file kind, dyad_error *err);
/* The same from memory; name is used in problem reports. */
dyad_status dyad_actor_dict_add_memory(dyad_actor_dict *dict, const char *name, const void *data,
                                       size_t len, dyad_actor_file kind, dyad_error *err);
/* Malformed lines skipped by all loads so far, and the first few as "file:line: reason"
 * (i counts from 0; NULL past the last kept). */
size_t dyad_actor_dict_skipped(const dyad_actor_dict *dict);
const char *dyad_actor_dict_problem(const dyad_actor_dict *dict, size_t i);
/* Number of distinct phrases (names and agent nouns). */
size_t dyad_actor_dict_size(const dyad_actor_dict *dict);
/* Codes a mention ("Kremlin spokesman Dmitry Peskov", "Russian troops", "Kyiv") at date
 * (YYYYMMDD; 0 = unknown, which takes each name's current, open-ended role). Case and
 * punctuation are ignored, except that lower-case "us", "who", "it" are not names.
 * Longest phrases win, scanning left to right. A named person or organisation with a
 * role gives its dated code; otherwise the first country (name, adjective or place)
 * and the most specific role noun combine ("Russian troops" -> RUSMIL); a capital alone
 * is its government. "former"/"ex"/"retired" before the role turn it into ELI:
 * "a former top White House official" -> USAELI. Returns 1 and fills *out when
 * anything matched, else 0 with out->code "" (also when out of memory). Thread-safe. */
int dyad_actor_dict_lookup(const dyad_actor_dict *dict, const char *text, size_t len,
                           int32_t date, dyad_actor_match *out);
/* dyad_actor_dict_free(NULL) is a no-op. */
void dyad_actor_dict_free(dyad_actor_dict *dict);

/* ---- mentions ---------------------------------------------------------- */

/* A person, organisation, place or group named in a sentence, with its actor code; or a
 * pronoun or a title alone that refers back to one ("he", "they", "the spokesman"). */
typedef struct dyad_mention {
    uint32_t start, end; /* bytes into doc->text, titles and appositions included */
    const char *name;    /* canonical name: the full name for a person, e.g. "Dmitry Peskov";
                            for a pronoun or title, its antecedent's name */
    const char *type;    /* static: "person", "organization", "place", "group" (a pronoun or
                            title takes its antecedent's) */
    const char *code;    /* CAMEO-style code ("RUSGOV", "USA", "IGONAT") or NULL */
    int32_t sentence;    /* index into doc->sentences */
    int32_t antecedent;  /* index into doc->actors of the earlier mention this one refers to:
                            set for pronouns and titles alone (always resolved: unresolved ones
                            are not listed) and for a later short name ("Peskov" -> "Dmitry
                            Peskov"); always a name mention (form "name"), or -1 */
    const char *form;    /* static: "name"; "pronoun" ("he", "she", "they", "his", ...); or
                            "title" (a title alone: "the spokesman", "the foreign minister") */
    int country_inferred; /* 1: the code's country is the one the document is about, which
                             the text does not state for this actor */
} dyad_mention;

/* Finds the mentions of a tagged and parsed document (proper-noun chains with their
 * titles and appositions, dictionary names, metonyms), codes them with dict at
 * doc->date (dict may be NULL: no codes, types from cues only), resolves a later
 * surname or first name to the full name met before in the document, and pronouns and
 * titles alone to the person or organisation they refer to (see dyad_mention). Fills
 * doc->actors in text order (an empty array when there are none); a document without
 * tags is left alone (doc->actors stays NULL). Thread-safe for a shared dict. */
dyad_status dyad_mentions_find(const dyad_actor_dict *dict, dyad_doc *doc);

/* ---- quotes ------------------------------------------------------------ */

/* Who a quotation or reported statement is attributed to. */
typedef struct dyad_speaker {
    uint32_t start, end; /* bytes into doc->text of the speaker phrase; equal when none */
    const char *text;    /* the phrase as written ("a senior diplomat who ..."), or NULL */
    const char *name;    /* resolved person or body ("Dmitry Peskov"), or NULL */
    const char *kind;    /* static: "person", "anonymous", "organization", "media",
                            "document", "other" */
    const char *code;    /* actor code from the mention stage, or NULL */
    int32_t mention;     /* index into doc->actors, or -1 */
} dyad_speaker;

/* A direct quotation or a reported (indirect) statement. */
typedef struct dyad_quote {
    uint32_t start, end;   /* bytes into doc->text of the content (marks excluded) */
    int direct;            /* 1: inside quotation marks; 0: indirect speech */
    int32_t cue;           /* token index of the reporting cue ("said"), or -1 */
    const char *cue_text;  /* the cue as written ("said", "according to"), or NULL */
    dyad_speaker speaker;
    int denial;            /* 1 when the cue denies ("denied", "rejected the report") */
    int32_t denies;        /* index into doc->quotes of what is denied, or -1 */
    int32_t first_sentence, last_sentence; /* sentences the content spans */
} dyad_quote;

/* Finds quotations and reported speech in a tagged, parsed document whose mentions
 * are found; fills doc->quotes in text order. */
dyad_status dyad_quotes_find(dyad_doc *doc);

/* ---- events ------------------------------------------------------------ */

/* One side of an event. */
typedef struct dyad_event_actor {
    uint32_t start, end; /* bytes into doc->text */
    const char *text;
    const char *code;    /* actor code, or NULL when the actor is unknown */
    int implicit;        /* 1: named by no phrase: inferred ("was arrested" -> the country) */
} dyad_event_actor;

/* A coded political event. */
typedef struct dyad_event {
    int32_t sentence;        /* index into doc->sentences of its first mention */
    uint32_t start, end;     /* bytes of the clause that states it */
    const char *date;        /* "YYYY[-MM[-DD]]" or NULL */
    dyad_event_actor source, target;
    const char *cameo;       /* CAMEO code, "036" */
    double goldstein;
    int quad_class;          /* 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material */
    const char *plover_type, *plover_mode, *plover_context; /* context: comma-separated */
    const char *status;      /* static: asserted, reported, denied, negated, hypothetical, future */
    int32_t quote;           /* index into doc->quotes, or -1 */
    const char *verb;        /* the words that matched the pattern */
    uint32_t mentions;       /* times the document states it */
    uint32_t *spans;         /* 2 * mentions byte offsets: each statement's clause */
    int32_t denied_by;       /* index into doc->quotes of a denial of its report, or -1 */
} dyad_event;

/* Verb patterns, discards and the CAMEO code table. Read-only after loading; may be
 * shared by threads; loading is single-threaded. */
typedef struct dyad_event_dict dyad_event_dict;

typedef enum dyad_event_file {
    DYAD_EVENT_FILE_CODES,   /* data/events/cameo.tsv (tools/compile-events.py) */
    DYAD_EVENT_FILE_VERBS,   /* PETRARCH/CAMEO 2.0 verb dictionary */
    DYAD_EVENT_FILE_DISCARDS,/* PETRARCH discard list */
    DYAD_EVENT_FILE_NOUNS,   /* data/events/cameo.nouns: NOUN [code], nouns naming events */
    DYAD_EVENT_FILE_ABSTRACT,/* data/events/abstract.nouns: nouns naming no actor, one a line */
    DYAD_EVENT_FILE_COMPOSE  /* data/events/compose.tsv: UPPER LOWER CODE, an intent's act */
} dyad_event_file;

/* An empty dictionary; NULL when out of memory. */
dyad_event_dict *dyad_event_dict_new(void);
/* Merges a file over what is loaded: verbs defined again compete with their new
 * patterns, later files winning ties. Malformed lines are skipped and counted; only
 * I/O and memory failures return an error. The _memory forms name the data for
 * problem reports. */
dyad_status dyad_event_dict_add_file(dyad_event_dict *dict, const char *path,
                                     dyad_event_file kind, dyad_error *err);
dyad_status dyad_event_dict_add_codes(dyad_event_dict *dict, const char *name,
                                      const void *data, size_t len, dyad_error *err);
dyad_status dyad_event_dict_add_verbs(dyad_event_dict *dict, const char *name,
                                      const void *data, size_t len, dyad_error *err);
dyad_status dyad_event_dict_add_discards(dyad_event_dict *dict, const char *name,
                                         const void *data, size_t len, dyad_error *err);
dyad_status dyad_event_dict_add_nouns(dyad_event_dict *dict, const char *name,
                                      const void *data, size_t len, dyad_error *err);
dyad_status dyad_event_dict_add_abstract(dyad_event_dict *dict, const char *name,
                                         const void *data, size_t len, dyad_error *err);
dyad_status dyad_event_dict_add_compose(dyad_event_dict *dict, const char *name,
                                        const void *data, size_t len, dyad_error *err);
/* Every verb file (a name containing "verb", or CAMEO.*) and discard file (a name
 * containing "discard") of dir, in name order; *loaded (may be NULL) counts them. */
dyad_status dyad_event_dict_add_dir(dyad_event_dict *dict, const char *dir, size_t *loaded,
                                    dyad_error *err);
/* Malformed lines skipped so far, the first few as "file:line: reason", and the
 * number of verb patterns loaded. */
size_t dyad_event_dict_skipped(const dyad_event_dict *dict);
const char *dyad_event_dict_problem(const dyad_event_dict *dict, size_t i);
size_t dyad_event_dict_patterns(const dyad_event_dict *dict);
/* Whether to code the generic "make statement" (010) events: off by default, since
 * they flood the output and the quote stage records statements with their content;
 * on for PETRARCH validation suites, which expect them. */
void dyad_event_dict_keep_statements(dyad_event_dict *dict, int keep);
void dyad_event_dict_free(dyad_event_dict *dict);

/* Codes the events of a tagged, parsed document whose mentions (and quotes, when
 * found) are set: verbs matched against the patterns, source and target from the
 * parse coded with actors (may be NULL: mention codes only), status, date; the same
 * event stated twice is one record. Fills doc->events. Thread-safe for shared dicts. */
dyad_status dyad_events_find(const dyad_event_dict *events, const dyad_actor_dict *actors,
                             dyad_doc *doc);

/* ---- pipeline ---------------------------------------------------------- */

typedef struct dyad_pipeline_options {
    const char *model_path;  /* model file; NULL or "" = tokenize only, no tagger/parser */
    const char *actors_path; /* compiled actor dictionary; NULL or "" = none (mentions
                                are still found when the model runs, without codes) */
    const char *dict_dir;    /* user PETRARCH/Phoenix files merged over the defaults
                                (*.actors, *.agents, *.verbs, discard); NULL = none */
    const char *ner_path;    /* named-entity weights (data/ner/dyad-en.ner, see
                                tools/train-ner.sh) that type the mentions; NULL or "" =
                                types from dictionary and cues alone */
    const char *events_dir;  /* cameo.tsv and cameo.verbs (data/events); NULL = no events */
    int dict_replace;        /* 1: dict_dir's actors and verbs replace the defaults */
    int keep_statements;     /* 1: code generic statements (010), as PETRARCH does */
} dyad_pipeline_options;

typedef struct dyad_pipeline dyad_pipeline;

/* Loads the model, the default actor dictionary and, from dict_dir, every *.actors then
 * *.agents file in name order, merged over the defaults (malformed lines are skipped
 * and counted: see dyad_pipeline_actor_dict). NULL + err when a file cannot be read. */
dyad_pipeline *dyad_pipeline_new(const dyad_pipeline_options *opts, dyad_error *err);
/* The merged actor dictionary (for dyad_actor_dict_skipped/_problem), or NULL when none. */
const dyad_actor_dict *dyad_pipeline_actor_dict(const dyad_pipeline *pipeline);
/* The pipeline's event dictionary (for its problem reports), or NULL. */
const dyad_event_dict *dyad_pipeline_event_dict(const dyad_pipeline *pipeline);
/* Runs every stage on a document that has text; errors land in doc->errors. */
dyad_status dyad_pipeline_run(const dyad_pipeline *pipeline, dyad_doc *doc);
/* Runs the stages after tagging and parsing (mentions, quotes, dates, events) on a
 * document whose tokens already carry tags and heads (dyad_doc_set_treebank). */
dyad_status dyad_pipeline_run_parsed(const dyad_pipeline *pipeline, dyad_doc *doc);
void dyad_pipeline_free(dyad_pipeline *pipeline);

/* ---- writers ----------------------------------------------------------- */

#define DYAD_JSON_TOKENS 1u /* add "sentences" with their tokens and offsets */
#define DYAD_JSON_TEXT 2u   /* add the document text as "text" */

/* The document as one line of JSON (the output contract) ending in "\n".
 * Returns a malloc'd buffer the caller frees, or NULL when out of memory. */
char *dyad_doc_to_json(const dyad_doc *doc, unsigned flags, size_t *len);
/* The document's events as GDELT 2.0 event rows (61 tab-separated columns, those dyad
 * cannot fill empty, then status, PLOVER type, document id and sentence), or as CSV
 * rows under dyad_events_csv_header(). malloc'd (possibly empty), caller frees. */
char *dyad_doc_events_to_gdelt(const dyad_doc *doc, size_t *len);
char *dyad_doc_events_to_csv(const dyad_doc *doc, size_t *len);
const char *dyad_events_csv_header(void);
/* The document's sentences as CoNLL-U; malloc'd, caller frees. */
char *dyad_doc_to_conllu(const dyad_doc *doc, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
