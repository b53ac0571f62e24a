/* text_cp1252.c: UTF-8 validation and conversion to Windows-1252.
 * Windows-1252 is ISO 8859-1 with 27 printable characters (the euro sign,
 * typographic quotes, dashes, the ellipsis) in 0x80-0x9F; the table below is
 * Microsoft's "cp1252" mapping as published by the Unicode Consortium
 * (https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT). */
#include "text_cp1252.h"

#include <jarva/common.h>

/* Code points of bytes 0x80-0x9F; 0 where Windows-1252 leaves the byte undefined. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

int jarva__cp1252_from_unicode(unsigned long cp)
{
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
        return (int)cp;
    for (int i = 0; i < 32; i++)
        if (cp1252_high[i] != 0 && cp1252_high[i] == cp)
            return 0x80 + i;
    return -1;
}

size_t jarva__utf8_decode(const unsigned char *s, size_t n, unsigned long *cp)
{
    if (n == 0)
        return 0;
    unsigned char b = s[0];
    size_t len;
    unsigned long value, min;
    if (b < 0x80) {
        *cp = b;
        return 1;
    } else if ((b & 0xE0) == 0xC0) {
        len = 2, value = b & 0x1F, min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
        len = 3, value = b & 0x0F, min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
        len = 4, value = b & 0x07, min = 0x10000;
    } else {
        return 0; /* a continuation byte or 0xF8-0xFF where a sequence must start */
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        value = (value << 6) | (s[i] & 0x3F);
    }
    /* Overlong forms, UTF-16 surrogates and values past Unicode are invalid
     * (RFC 3629, section 3). */
    if (value < min || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
        return 0;
    *cp = value;
    return len;
}

/* The stand-in for a character without a Windows-1252 byte: a byte, -1 to
 * drop it, or -2 for none (then it is replaced). */
static int fallback(unsigned long cp)
{
    switch (cp) {
    case 0x2212: return 0x96; /* minus sign: en dash */
    case 0x2010:
    case 0x2011: return '-';
    case 0x2007:
    case 0x202F: return 0xA0;
    case 0x2009: return ' ';
    case 0x00AD:
    case 0x200B:
    case 0xFEFF: return -1;
    default: return -2;
    }
}

int jarva__utf8_to_cp1252(const char *in, size_t len, char *out, size_t *out_len, size_t *replaced,
                          size_t *bad_offset)
{
    const unsigned char *src = (const unsigned char *)in;
    size_t pos = 0, written = 0, bad = 0;
    while (pos < len) {
        unsigned long cp;
        size_t step = jarva__utf8_decode(src + pos, len - pos, &cp);
        if (step == 0) {
            out[written] = '\0';
            if (out_len)
                *out_len = written;
            if (replaced)
                *replaced = bad;
            if (bad_offset)
                *bad_offset = pos;
            return JARVA_EFORMAT;
        }
        pos += step;
        int byte;
        if (cp == '\t')
            byte = ' ';
        else if (cp == '\n')
            byte = '\n';
        else if (cp < 0x20 || cp == 0x7F)
            byte = -2;
        else if (cp == 0xAD)
            byte = -1; /* soft hyphen: Liberation draws it as a visible hyphen */
        else if ((byte = jarva__cp1252_from_unicode(cp)) < 0)
            byte = fallback(cp);
        if (byte == -1)
            continue;
        if (byte == -2) {
            byte = JARVA__CP1252_REPLACEMENT;
            bad++;
        }
        out[written++] = (char)byte;
    }
    out[written] = '\0';
    if (out_len)
        *out_len = written;
    if (replaced)
        *replaced = bad;
    if (bad_offset)
        *bad_offset = 0;
    return JARVA_OK;
}
