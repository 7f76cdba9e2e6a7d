/* Character classes: a constant byte table for ASCII, utf8proc categories beyond. */
#include "text.h"

#include <utf8proc.h>

enum { SP = DYAD_CC_SPACE, NL = DYAD_CC_SPACE | DYAD_CC_NEWLINE, PU = DYAD_CC_PUNCT,
       UP = DYAD_CC_LETTER | DYAD_CC_UPPER, LO = DYAD_CC_LETTER | DYAD_CC_LOWER, DI = DYAD_CC_DIGIT };

/* The class of an ASCII byte as a constant expression, so the table below is built
 * by the compiler (standard C11, no range initialisers). Controls other than the
 * whitespace ones are punctuation: they must still become tokens, never vanish. */
#define ASCII_CLASS(c)                                                                       \
    ((c) == '\n' || (c) == '\r'                       ? NL                                   \
     : (c) == ' ' || (c) == '\t' || (c) == '\v' || (c) == '\f' ? SP                          \
     : (c) >= 'a' && (c) <= 'z'                        ? LO                                   \
     : (c) >= 'A' && (c) <= 'Z'                        ? UP                                   \
     : (c) >= '0' && (c) <= '9'                        ? DI                                   \
     : (c) < 0x80                                      ? PU                                   \
                                                       : 0)
#define R4(b) ASCII_CLASS(b), ASCII_CLASS((b) + 1), ASCII_CLASS((b) + 2), ASCII_CLASS((b) + 3)
#define R16(b) R4(b), R4((b) + 4), R4((b) + 8), R4((b) + 12)
#define R64(b) R16(b), R16((b) + 16), R16((b) + 32), R16((b) + 48)

const uint8_t dyad_ascii_class[256] = {R64(0), R64(64), R64(128), R64(192)};

size_t dyad_utf8_decode(const unsigned char *s, size_t left, uint32_t *cp)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate(s, left > 4 ? 4 : (utf8proc_ssize_t)left, &c);
    if (n <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = (uint32_t)c;
    return (size_t)n;
}

/* Class of each utf8proc general category (indexed by UTF8PROC_CATEGORY_*). Beyond
 * ASCII we ask utf8proc, which the normaliser already links, rather than carry our
 * own tables: its categories follow the Unicode version it was built from. */
static const uint8_t category_class[] = {
    [UTF8PROC_CATEGORY_CN] = PU, [UTF8PROC_CATEGORY_LU] = UP, [UTF8PROC_CATEGORY_LL] = LO,
    [UTF8PROC_CATEGORY_LT] = UP, [UTF8PROC_CATEGORY_LM] = DYAD_CC_LETTER,
    [UTF8PROC_CATEGORY_LO] = DYAD_CC_LETTER, [UTF8PROC_CATEGORY_MN] = DYAD_CC_MARK,
    [UTF8PROC_CATEGORY_MC] = DYAD_CC_MARK, [UTF8PROC_CATEGORY_ME] = DYAD_CC_MARK,
    [UTF8PROC_CATEGORY_ND] = DI, [UTF8PROC_CATEGORY_NL] = DYAD_CC_LETTER,
    [UTF8PROC_CATEGORY_NO] = DYAD_CC_LETTER, [UTF8PROC_CATEGORY_PC] = PU,
    [UTF8PROC_CATEGORY_PD] = PU, [UTF8PROC_CATEGORY_PS] = PU, [UTF8PROC_CATEGORY_PE] = PU,
    [UTF8PROC_CATEGORY_PI] = PU, [UTF8PROC_CATEGORY_PF] = PU, [UTF8PROC_CATEGORY_PO] = PU,
    [UTF8PROC_CATEGORY_SM] = PU, [UTF8PROC_CATEGORY_SC] = PU, [UTF8PROC_CATEGORY_SK] = PU,
    [UTF8PROC_CATEGORY_SO] = PU, [UTF8PROC_CATEGORY_ZS] = SP, [UTF8PROC_CATEGORY_ZL] = NL,
    [UTF8PROC_CATEGORY_ZP] = NL, [UTF8PROC_CATEGORY_CC] = PU, [UTF8PROC_CATEGORY_CF] = DYAD_CC_MARK,
    [UTF8PROC_CATEGORY_CS] = PU, [UTF8PROC_CATEGORY_CO] = PU,
};

unsigned dyad_char_class(uint32_t cp)
{
    if (cp < 0x80)
        return dyad_ascii_class[cp];
    if (cp == 0x85)
        return NL; /* NEL is a line break, though its category is Cc */
    if (cp == 0xFEFF || cp == 0x200B)
        return SP; /* a byte-order mark or zero-width space separates like a space */
    if (cp >= 0x2010 && cp <= 0x2027)
        return PU; /* dashes, curly quotes, ellipsis: common in news, skip the lookup */
    if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7)
        return cp < 0xDF ? UP : LO; /* Latin-1 letters, likewise */
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
    if ((size_t)cat >= sizeof category_class / sizeof category_class[0])
        return PU;
    return category_class[cat];
}
