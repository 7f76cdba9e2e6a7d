/* Word tables of the mention stage: cues for a mention's type when no dictionary knows it. */
#include "mentions.h"

#include <stddef.h>

/* English organisation names end in their kind ("Foreign Ministry", "Apple Inc"). */
const char *const ment_org_cues[] = {
    "ministry", "council", "party", "inc", "corp", "corporation", "company", "co", "ltd",
    "llc", "plc", "group", "bank", "university", "college", "school", "institute",
    "association", "agency", "department", "committee", "commission", "organization",
    "organisation", "union", "army", "navy", "court", "parliament", "congress", "senate",
    "assembly", "foundation", "church", "office", "service", "services", "board", "airlines",
    "airways", "club", "hospital", "center", "centre", "times", "post", "news", "press",
    "network", "bureau", "nations", "league", "forum", "program", "programme", "initiative",
    "watch", "international", "cross", "crescent", "reserve", "exchange", "institution",
    "authority", "federation", "alliance", "front", "movement",
    "brigade", "brigades", "forces", "force", "police", "guard", "team", "society", "fund",
    "cabinet", "government", "administration", "secretariat", "tribunal", "museum",
    "library", "store", "restaurant", "hotel", "cafe", "bar", "clinic", "academy",
    "industries", "systems", "technologies", "media", "records", "motors", "labs", NULL};

/* Geographic names end in their kind ("Hudson River", "Main Street"). */
const char *const ment_place_cues[] = {
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "river", "lake",
    "mountain", "mountains", "mount", "island", "islands", "bay", "sea", "ocean", "city",
    "county", "province", "region", "valley", "beach", "park", "square", "bridge", "airport",
    "desert", "coast", "strip", "peninsula", "strait", "gulf", "canal", "district", "village",
    "hills", "heights", "market", "stadium", "station", NULL};

/* Geographic names begin with these ("San Rafael", "New Orleans", "South Vietnam"). */
const char *const ment_place_starts[] = {
    "san", "santa", "santo", "sao", "los", "las", "la", "el", "new", "greater", "north",
    "south", "east", "west", "northern", "southern", "eastern", "western", "fort", "port",
    "saint", "st", "mount", "mt", "lake", "cape", "upper", "lower", NULL};

/* Honorifics: what follows is a person's name. */
const char *const ment_honorifics[] = {
    "mr", "mrs", "ms", "miss", "dr", "drs", "sir", "dame", "prof", "lord", "lady", "sheikh",
    "shaikh", "capt", "gen", "col", "maj", "sgt", "lt", "adm", "gov", "sen", "rep", "rev", "fr",
    "aunt", "uncle", NULL};

/* Greetings before a name in letters and mail ("Dear Nina", "Welcome Darin"). */
const char *const ment_greetings[] = {"dear", "hi", "hello", "hey", "welcome", "thanks",
                                       "congratulations", NULL};

/* Lower-case particles inside personal and Arabic names ("bin Laden", "al-Sadr"). */
const char *const ment_particles[] = {"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da",
                                       "di", "du", "dos", "le", NULL};

/* A proper noun after these prepositions is usually a place ("in Tampa", "near Kyiv"). */
const char *const ment_place_preps[] = {"in", "at", "near", "to", "from", "across", "outside",
                                         "inside", "into", "throughout", "around", NULL};

/* "in Moscow" is a place, not the Russian government ("a message from Moscow" is). */
const char *const ment_locatives[] = {"in", "at", "near", "outside", "inside", "across",
                                       "throughout", "around", NULL};

/* Roles that make a named non-person actor a group (Taliban AFGREB, Hamas PSEREB). */
const char *const ment_group_roles[] = {"REB", "INS", "OPP", "SEP", "UAF", "RAD", "IMG",
                                         NULL};

/* Capitalised words the tagger calls proper nouns that name no actor. */
const char *const ment_not_names[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "christmas",
    "easter", "ramadan", NULL};

const char *const ment_kin_words[] = {
    "brother", "sister", "son", "daughter", "wife", "husband", "father", "mother", "cousin",
    "nephew", "niece", "uncle", "aunt", "widow", "widower", "fiancee", "fiancée", "fiance",
    "fiancé", "grandson", "granddaughter", "grandfather", "grandmother", "girlfriend",
    "boyfriend", "brother-in-law", "sister-in-law", "stepson", "stepdaughter", "friend", NULL};

const char *const ment_name_months[] = {"april", "may", "june", "august", NULL};

/* Words in or beside a name that tell a man or a woman, for pronoun agreement. */
/* Ranks and offices of either sex that the first-name list holds as men's names. */
const char *const ment_rank_words[] = {
    "captain", "general", "colonel", "major", "admiral", "marshal", "judge", "governor",
    "doctor", "dean", "bishop", "deacon", "elder", "saint", NULL};
const char *const ment_male_words[] = {
    "mr", "sir", "lord", "king", "prince", "duke", "emperor", "pope", "father", "brother",
    "uncle", "son", "husband", "spokesman", "chairman", "congressman", "businessman",
    "councilman", "assemblyman", "congressman", "sheikh", "ayatollah", "mister", "monsieur",
    "herr", "senor", "baron", "count", "grandfather", "nephew", "boy", "man", NULL};
const char *const ment_female_words[] = {
    "mrs", "ms", "miss", "madam", "madame", "lady", "dame", "queen", "princess", "duchess",
    "empress", "mother", "sister", "aunt", "daughter", "wife", "spokeswoman", "chairwoman",
    "congresswoman", "businesswoman", "councilwoman", "assemblywoman", "actress", "baroness",
    "countess", "grandmother", "niece", "girl", "woman", "mme", "mlle", "senora", "frau", NULL};
