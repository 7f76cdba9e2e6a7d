/* Word tables of the quote stage. Cues come from the classes of English reporting
 * verbs (Levin's verbs of communication: say, tell, manner of speaking, complain,
 * advise; reveal; admit; judgment verbs that frame a quoted phrase) and the nouns
 * that name sources, grouped by what kind of source they are. */
#include "quotes.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct cue_entry {
    const char *lemma;
    unsigned cls;
} cue_entry;

#define S QC_SPEECH
#define D QC_DENY
#define N QC_NAMING
#define R QC_DIRECTIVE
#define I QC_INTENT
#define W QC_WEAK

/* Sorted by lemma (binary search). */
static const cue_entry cues[] = {
    {"accuse", N},           {"acknowledge", S},      {"add", S},
    {"admit", S},            {"advise", S | R},       {"affirm", S},
    {"allege", S},           {"announce", S},         {"answer", S},
    {"argue", S},            {"ask", R | N},          {"assert", S},
    {"assure", S},           {"attack", N},           {"believe", S},
    {"blame", N},            {"boast", S},            {"brand", N},
    {"call", N | R},         {"caution", S},          {"characterise", N},
    {"characterize", N},     {"cite", N},             {"claim", S},
    {"comment", S},          {"complain", S},         {"concede", S},
    {"conclude", S},         {"condemn", N},          {"confess", S},
    {"confirm", S},          {"contend", S},          {"continue", W},
    {"counter", S},          {"criticise", N},        {"criticize", N},
    {"decide", W},           {"declare", S},          {"decry", N},
    {"demand", R | N},       {"denounce", N},         {"deny", S | D},
    {"describe", N},         {"direct", R},           {"disclose", S},
    {"dismiss", D},          {"dispute", D},          {"dub", N},
    {"elaborate", S},        {"emphasise", S},        {"emphasize", S},
    {"encourage", R},        {"estimate", W},         {"exclaim", S},
    {"explain", S},          {"express", N},          {"find", W},
    {"hail", N},             {"implore", R},          {"imply", S},
    {"indicate", S},         {"inform", S},           {"insist", S},
    {"instruct", R},         {"joke", S},             {"label", N},
    {"maintain", S},         {"mention", S},          {"mutter", S},
    {"note", S},             {"observe", S},          {"order", R},
    {"plead", S},            {"pledge", S | I},       {"post", W},
    {"praise", N},           {"predict", S},          {"proclaim", S},
    {"promise", S | I},      {"quip", S},             {"read", W},
    {"rebut", D},            {"recall", S},           {"refute", D},
    {"reiterate", S},        {"reject", D},           {"remark", S},
    {"remind", S},           {"repeat", S},           {"reply", S},
    {"report", S},           {"respond", S},          {"retort", S},
    {"reveal", S},           {"rule", W},             {"say", S},
    {"scream", S},           {"shout", S},            {"speak", N},
    {"specify", S},          {"state", S},            {"stress", S},
    {"suggest", S},          {"swear", S},            {"tell", S | R},
    {"testify", S},          {"thank", N},            {"think", W},
    {"threaten", S | I},     {"tweet", S},            {"underline", S},
    {"urge", R | N},         {"vow", S | I},          {"warn", S | R},
    {"whisper", S},          {"write", S},            {"yell", S},
};

#undef S
#undef D
#undef N
#undef R
#undef I
#undef W

static int by_lemma(const void *key, const void *entry)
{
    return strcmp((const char *)key, ((const cue_entry *)entry)->lemma);
}

/* Verbs whose cue needs a particle: "point out", "lay out". */
static bool particle_cue(const dyad_doc *doc, uint32_t t)
{
    if (!q_lemma_in(doc, t, (const char *const[]){"point", NULL}))
        return false;
    for (uint32_t k = t + 1; k < doc->n_tokens && k <= t + 3; k++)
        if (doc->tokens[k].head == (int32_t)t && q_rel(doc, k, "compound") && q_word(doc, k, "out"))
            return true;
    return false;
}

unsigned q_cue_class(const dyad_doc *doc, uint32_t t)
{
    const dyad_token *k = &doc->tokens[t];
    if (!k->lemma || !k->upos)
        return 0;
    /* "according to": the participle with its fixed "to", whatever its tag. */
    if (q_word(doc, t, "according") && t + 1 < doc->n_tokens && q_word(doc, t + 1, "to"))
        return QC_SPEECH;
    if (strcmp(k->upos, "VERB") != 0)
        return 0;
    if (particle_cue(doc, t))
        return QC_SPEECH;
    char low[32];
    size_t n = strlen(k->lemma);
    if (n >= sizeof low)
        return 0;
    for (size_t i = 0; i <= n; i++)
        low[i] = (char)tolower((unsigned char)k->lemma[i]);
    const cue_entry *e = bsearch(low, cues, sizeof cues / sizeof cues[0], sizeof cues[0], by_lemma);
    return e ? e->cls : 0;
}

bool q_claim_noun(const dyad_doc *doc, uint32_t t)
{
    static const char *const nouns[] = {
        "report", "claim", "allegation", "accusation", "suggestion", "story", "rumour",
        "rumor", "speculation", "assertion", "charge", "notion", "contention", NULL};
    return q_lemma_in(doc, t, nouns);
}

bool q_false_word(const dyad_doc *doc, uint32_t t)
{
    static const char *const words[] = {
        "false", "untrue", "baseless", "groundless", "unfounded", "fake", "nonsense",
        "lie", "incorrect", "inaccurate", "fabricated", "fabrication", "misleading",
        "ridiculous", "absurd", "fiction", "wrong", NULL};
    return q_lemma_in(doc, t, words);
}

/* Head nouns by the kind of source they name. */
static const char *const anonymous_nouns[] = {
    "source", "official", "diplomat", "people", "person", "witness", "eyewitness",
    "resident", "aide", "spokesman", "spokeswoman", "spokesperson", "insider", "critic",
    "analyst", "expert", "observer", "protester", "protestor", "interviewee", "member",
    "officer", "mp", "lawmaker", "legislator", "staffer", "adviser", "advisor", "employee",
    "worker", "someone", "activist", "supporter", "opponent", "survivor", "relative",
    "neighbour", "neighbor", "student", "man", "woman", "friend", "colleague",
    "investigator", "commander", "soldier", "negotiator", "rumour", "rumor", "minister",
    "executive", "scientist", "researcher", "voter", "participant", "organiser", NULL};
static const char *const media_nouns[] = {
    "newspaper", "broadcaster", "channel", "network", "outlet", "media", "magazine",
    "daily", "tabloid", "station", "television", "radio", "press", "journalist",
    "reporter", "correspondent", NULL};
static const char *const document_nouns[] = {
    "statement", "report", "complaint", "document", "letter", "study", "poll", "survey",
    "data", "memo", "ruling", "judgment", "judgement", "summary", "communique",
    "communiqué", "decree", "constitution", "law", "resolution", "filing", "indictment",
    "tweet", "post", "release", "figure", "assessment", "analysis", "record", "transcript",
    "message", "lawsuit", "petition", "bill", "website", "article", "projection", "note",
    "paper", "account", "guideline", "order", "verdict", "cable", "email", "video", NULL};
static const char *const organization_nouns[] = {
    "government", "ministry", "police", "military", "army", "company", "party", "council",
    "committee", "commission", "court", "office", "organizer", "organiser", "authority",
    "agency", "department", "administration", "campaign", "group", "coalition", "union",
    "team", "board", "parliament", "cabinet", "embassy", "firm", "bank", "institute",
    "university", "hospital", "service", "force", "regime", "junta", "movement",
    "opposition", "presidency", "senate", "congress", "navy", "guard", "prosecutor",
    "organization", "organisation", "federation", "alliance", "association", "charity",
    "foundation", "centre", "center", "bureau", "secretariat", "kremlin", NULL};

const char *q_noun_kind(const dyad_doc *doc, uint32_t t)
{
    const char *f = doc->tokens[t].feats;
    if (q_lemma_in(doc, t, media_nouns) ||
        (q_lemma_in(doc, t, (const char *const[]){"report", NULL}) && f &&
         strstr(f, "Number=Plur")))
        return "media"; /* "reports say": the press; "the report" is a document */
    if (q_lemma_in(doc, t, document_nouns))
        return "document";
    if (q_lemma_in(doc, t, organization_nouns))
        return "organization";
    if (q_lemma_in(doc, t, anonymous_nouns))
        return "anonymous";
    return NULL;
}

bool q_role_noun(const dyad_doc *doc, uint32_t t)
{
    static const char *const roles[] = {
        "minister", "president", "spokesman", "spokeswoman", "spokesperson", "secretary",
        "chancellor", "premier", "governor", "mayor", "senator", "ambassador", "envoy",
        "chief", "director", "leader", "chairman", "chairwoman", "chair", "commissioner",
        "general", "prosecutor", "judge", "adviser", "advisor", "king", "queen", "prince",
        "pope", "candidate", "lawyer", "attorney", "doctor", "professor", "head",
        "commander", "officer", "premier", "justice", "speaker", "representative",
        "congressman", "congresswoman", "sheriff", "bishop", "archbishop", "coach",
        "founder", "ceo", "chairperson", NULL};
    return q_lemma_in(doc, t, roles);
}

/* Known media; names ending in a medium's word ("Times", "News") are media too. */
bool q_media_name(const char *name, size_t len)
{
    static const char *const names[] = {
        "reuters", "ap", "associated press", "afp", "agence france-presse", "bloomberg",
        "cnn", "bbc", "nbc", "cbs", "abc", "npr", "pbs", "fox news", "al jazeera", "xinhua",
        "tass", "interfax", "ria novosti", "sky news", "guardian", "politico", "axios",
        "kyodo", "yonhap", "nhk", "anadolu", "irna", "kcna", "dpa", "efe", "ansa", "msnbc",
        "der spiegel", "le monde", "al arabiya", "euronews", "wikinews", NULL};
    static const char *const tails[] = {
        " news", " times", " post", " journal", " herald", " telegraph", " gazette",
        " tribune", " tv", " radio", " agency", " press", " daily", " magazine",
        " chronicle", " express", " mail", " observer", " today", NULL};
    char low[96];
    if (len >= sizeof low)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        low[n++] = (char)tolower((unsigned char)name[i]);
    low[n] = '\0';
    const char *p = strncmp(low, "the ", 4) == 0 ? low + 4 : low;
    for (const char *const *l = names; *l; l++)
        if (!strcmp(p, *l))
            return true;
    size_t pn = strlen(p);
    for (const char *const *l = tails; *l; l++) {
        size_t tn = strlen(*l);
        if (pn > tn && !strcmp(p + pn - tn, *l))
            return true;
    }
    return strncmp(p, "tv", 2) == 0 && pn > 2 && isalnum((unsigned char)p[2]); /* "TVN24" */
}
