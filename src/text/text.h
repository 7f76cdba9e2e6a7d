/* Character classes for the text stages: a byte table for ASCII, utf8proc for the rest. */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Class bits of one character. */
enum {
    DYAD_CC_SPACE = 1u << 0, /* separates tokens: ASCII and Unicode spaces */
    DYAD_CC_NEWLINE = 1u << 1, /* \n, \r, U+2028, U+2029 (also SPACE) */
    DYAD_CC_LETTER = 1u << 2, /* Unicode L* */
    DYAD_CC_DIGIT = 1u << 3,  /* Unicode Nd */
    DYAD_CC_UPPER = 1u << 4,  /* Lu, Lt */
    DYAD_CC_LOWER = 1u << 5,  /* Ll */
    DYAD_CC_MARK = 1u << 6,   /* M*, ZWJ, variation selectors: extends the previous character */
    DYAD_CC_PUNCT = 1u << 7,  /* punctuation and symbols: a token of their own by default */
};
#define DYAD_CC_ALNUM (DYAD_CC_LETTER | DYAD_CC_DIGIT)

/* Class bits of every byte < 0x80; bytes >= 0x80 map to 0 (decode them). Indexing a
 * 256-entry table is much faster than calling isalpha() and friends per byte, and
 * does not depend on the C locale. */
extern const uint8_t dyad_ascii_class[256];

/* Decodes the code point at s (left > 0 bytes available) into *cp and returns its
 * length in bytes (1..4). Invalid or truncated UTF-8 decodes as one byte, U+FFFD. */
size_t dyad_utf8_decode(const unsigned char *s, size_t left, uint32_t *cp);

/* Class bits of a code point. */
unsigned dyad_char_class(uint32_t cp);

/* Class bits of the character at s; *len receives its length in bytes. */
static inline unsigned dyad_class_at(const unsigned char *s, size_t left, size_t *len)
{
    if (s[0] < 0x80) {
        *len = 1;
        return dyad_ascii_class[s[0]];
    }
    uint32_t cp;
    *len = dyad_utf8_decode(s, left, &cp);
    return dyad_char_class(cp);
}

#endif
