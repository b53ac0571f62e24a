/* text_encoding.c: UTF-8 validation and the Windows-1252 and UTF-16
 * converters. ASCII, the bulk of any CSV file, goes eight bytes at a time. */
#include <stdint.h>
#include <string.h>

#include "text_encoding.h"

#define HIGH_BITS UINT64_C(0x8080808080808080)
#define LOW_BITS UINT64_C(0x0101010101010101)

/* 1 if the eight bytes at s are all ASCII and none is NUL (the zero-byte test
 * is the classic (w - 0x01..) & ~w & 0x80.., exact as to whether one exists). */
static int ascii_word(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
    return !(w & HIGH_BITS) && !((w - LOW_BITS) & ~w & HIGH_BITS);
}

/* The length of the well-formed UTF-8 sequence at s (a lead byte >= 0x80),
 * 0 if ill-formed, SIZE_MAX if s[0..n) is a valid but incomplete start.
 * RFC 3629, section 4: the second byte's range excludes overlong forms (E0,
 * F0), surrogates (ED) and code points above U+10FFFF (F4). */
static size_t sequence_length(const unsigned char *s, size_t n)
{
    unsigned c = s[0], lo = 0x80, hi = 0xBF;
    size_t len;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c == 0xE0)
        len = 3, lo = 0xA0;
    else if (c == 0xED)
        len = 3, hi = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF)
        len = 3;
    else if (c == 0xF0)
        len = 4, lo = 0x90;
    else if (c == 0xF4)
        len = 4, hi = 0x8F;
    else if (c >= 0xF1 && c <= 0xF3)
        len = 4;
    else
        return 0;
    for (size_t k = 1; k < len; k++) {
        if (k >= n)
            return SIZE_MAX;
        if (s[k] < (k == 1 ? lo : 0x80) || s[k] > (k == 1 ? hi : 0xBF))
            return 0;
    }
    return len;
}

size_t jarva__utf8_count_multibyte(const unsigned char *s, size_t n, size_t *first)
{
    size_t count = 0;
    *first = SIZE_MAX;
    for (size_t i = 0; i < n;) {
        size_t len = s[i] < 0x80 ? 1 : sequence_length(s + i, n - i);
        if (len == SIZE_MAX)
            break;
        if (len > 1 && count++ == 0)
            *first = i;
        i += len ? len : 1;
    }
    return count;
}

size_t jarva__utf8_check(const unsigned char *s, size_t n, jarva__text_error *error,
                         size_t *first_non_ascii)
{
    size_t i = 0;
    *error = JARVA__TEXT_OK;
    *first_non_ascii = SIZE_MAX;
    while (i < n) {
        while (i + 8 <= n && ascii_word(s + i))
            i += 8;
        if (i >= n)
            break;
        unsigned c = s[i];
        if (c < 0x80) {
            if (c == 0) {
                *error = JARVA__TEXT_NUL;
                return i;
            }
            i++;
            continue;
        }
        size_t len = sequence_length(s + i, n - i);
        if (len == SIZE_MAX)
            return i; /* incomplete at the end: wait for the next chunk */
        if (len == 0) {
            *error = JARVA__TEXT_BAD_UTF8;
            return i;
        }
        if (*first_non_ascii == SIZE_MAX)
            *first_non_ascii = i;
        i += len;
    }
    return i;
}

static size_t put_utf8(char *out, unsigned cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Windows-1252 0x80-0x9F (the Unicode Consortium's mapping table
 * CP1252.TXT); 0 marks the five undefined bytes. Windows-1252 is not
 * Latin-1: there these bytes are C1 control characters. 0xA0-0xFF are
 * U+00A0-U+00FF in both. */
static const uint16_t cp1252_80_9f[32] = { 0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020,
                                           0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
                                           0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D,
                                           0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
                                           0x0153, 0,      0x017E, 0x0178 };

size_t jarva__cp1252_to_utf8(const unsigned char *in, size_t n, char *out, size_t *consumed,
                             jarva__text_error *error)
{
    size_t i = 0, o = 0;
    *error = JARVA__TEXT_OK;
    while (i < n) {
        while (i + 8 <= n && ascii_word(in + i)) {
            memcpy(out + o, in + i, 8);
            i += 8;
            o += 8;
        }
        if (i >= n)
            break;
        unsigned c = in[i];
        if (c == 0) {
            *error = JARVA__TEXT_NUL;
            break;
        }
        if (c >= 0x80 && c < 0xA0) {
            c = cp1252_80_9f[c - 0x80];
            if (c == 0) {
                *error = JARVA__TEXT_CP1252_UNDEFINED;
                break;
            }
        }
        o += put_utf8(out + o, c);
        i++;
    }
    *consumed = i;
    return o;
}

size_t jarva__utf16_to_utf8(const unsigned char *in, size_t n, int big_endian, char *out,
                            size_t *consumed, jarva__text_error *error, unsigned *bad_unit)
{
    size_t i = 0, o = 0;
    int hi = big_endian ? 0 : 1, lo = big_endian ? 1 : 0;
    *error = JARVA__TEXT_OK;
    *bad_unit = 0;
    while (i + 2 <= n) {
        unsigned unit = (unsigned)in[i + hi] << 8 | in[i + lo];
        if (unit - 1u < 0x7Fu) { /* ASCII other than NUL: the common case */
            out[o++] = (char)unit;
            i += 2;
            continue;
        }
        if (unit == 0) {
            *error = JARVA__TEXT_NUL;
            break;
        }
        if (unit >= 0xD800 && unit <= 0xDFFF) {
            /* RFC 2781, 2.2: a high surrogate D800-DBFF followed by a low one
             * DC00-DFFF encode U+10000 + (high - D800) * 0x400 + (low - DC00). */
            if (unit >= 0xDC00) {
                *error = JARVA__TEXT_LONE_SURROGATE;
                *bad_unit = unit;
                break;
            }
            if (i + 4 > n)
                break; /* the low surrogate is in the next chunk */
            unsigned low = (unsigned)in[i + 2 + hi] << 8 | in[i + 2 + lo];
            if (low < 0xDC00 || low > 0xDFFF) {
                *error = JARVA__TEXT_LONE_SURROGATE;
                *bad_unit = unit;
                break;
            }
            o += put_utf8(out + o, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
            i += 4;
            continue;
        }
        o += put_utf8(out + o, unit);
        i += 2;
    }
    *consumed = i;
    return o;
}

const char *jarva__encoding_name(jarva__encoding enc)
{
    switch (enc) {
    case JARVA__ENC_AUTO: return "auto";
    case JARVA__ENC_UTF8: return "UTF-8";
    case JARVA__ENC_CP1252: return "Windows-1252";
    case JARVA__ENC_UTF16LE: return "UTF-16LE";
    case JARVA__ENC_UTF16BE: return "UTF-16BE";
    }
    return "unknown";
}

/* Latin-1 names read as Windows-1252, as the WHATWG Encoding Standard
 * does: files so labelled are Windows-1252 in practice. */
/* Compares ignoring ASCII case, '-' and '_' ("UTF_8", "utf8", "Windows-1252"). */
static int name_matches(const char *given, const char *known)
{
    for (;;) {
        while (*given == '-' || *given == '_')
            given++;
        unsigned char g = (unsigned char)*given, k = (unsigned char)*known;
        if (g >= 'A' && g <= 'Z')
            g = (unsigned char)(g - 'A' + 'a');
        if (g != k)
            return 0;
        if (g == '\0')
            return 1;
        given++;
        known++;
    }
}

jarva__encoding jarva__encoding_from_public(jarva_encoding e)
{
    switch (e) {
    case JARVA_ENCODING_UTF8: return JARVA__ENC_UTF8;
    case JARVA_ENCODING_CP1252: return JARVA__ENC_CP1252;
    case JARVA_ENCODING_UTF16LE: return JARVA__ENC_UTF16LE;
    case JARVA_ENCODING_UTF16BE: return JARVA__ENC_UTF16BE;
    default: return JARVA__ENC_AUTO;
    }
}

int jarva__encoding_from_name(const char *name, jarva__encoding *out)
{
    static const struct {
        const char *name;
        jarva__encoding enc;
    } names[] = { { "auto", JARVA__ENC_AUTO },       { "utf8", JARVA__ENC_UTF8 },
                  { "cp1252", JARVA__ENC_CP1252 },   { "windows1252", JARVA__ENC_CP1252 },
                  { "win1252", JARVA__ENC_CP1252 },  { "ansi", JARVA__ENC_CP1252 },
                  { "latin1", JARVA__ENC_CP1252 },   { "iso88591", JARVA__ENC_CP1252 },
                  { "utf16le", JARVA__ENC_UTF16LE }, { "utf16be", JARVA__ENC_UTF16BE },
                  { "utf16", JARVA__ENC_UTF16LE } };
    if (!name)
        return -1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (name_matches(name, names[i].name)) {
            *out = names[i].enc;
            return 0;
        }
    }
    return -1;
}
