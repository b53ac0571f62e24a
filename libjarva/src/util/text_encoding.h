/* text_encoding.h: the text encodings of analysts' files, checked and
 * converted to UTF-8 one chunk at a time (a character may straddle two
 * chunks: the converters stop before an incomplete one and the caller keeps
 * its bytes for the next chunk), and the names users give them. Internal: the
 * CSV, PX and statistics-file readers use them. */
#ifndef JARVA_TEXT_ENCODING_H
#define JARVA_TEXT_ENCODING_H

#include <stddef.h>

#include "jarva_internal.h"

/* JARVA__ENC_AUTO: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides.
 * Without one, the first 64 KiB read that holds a byte >= 0x80 decides: UTF-8
 * if it holds well-formed multi-byte UTF-8, else Windows-1252. Until then the
 * file is ASCII, the same in both, so nothing already handed out changes. A
 * file taken for UTF-8 with an ill-formed sequence (later, or in that same
 * read: a mixed or damaged file) is an error at that position whose message
 * suggests giving the encoding (--encoding cp1252), rather than text silently
 * garbled. UTF-16 without a BOM must be given. */
typedef enum jarva__encoding {
    JARVA__ENC_AUTO = 0, /* BOM, else valid UTF-8, else Windows-1252 */
    JARVA__ENC_UTF8,
    JARVA__ENC_CP1252,
    JARVA__ENC_UTF16LE,
    JARVA__ENC_UTF16BE
} jarva__encoding;

/* "auto", "UTF-8", "Windows-1252", "UTF-16LE" or "UTF-16BE". */
const char *jarva__encoding_name(jarva__encoding enc);
/* An encoding as users name it, ignoring case, '-' and '_': auto, utf8,
 * cp1252 (also windows-1252, ansi, and latin1 as the WHATWG Encoding
 * Standard reads it), utf16le, utf16be, utf16 (= LE). 0, or -1 if unknown. */
int jarva__encoding_from_name(const char *name, jarva__encoding *out);
/* The readers' encoding for the public jarva_encoding of an import or an
 * estimate: one mapping, so `jarva import` and `jarva estimate` read a file
 * alike. Anything unknown (JARVA_ENCODING_AUTO included) is auto-detection. */
jarva__encoding jarva__encoding_from_public(jarva_encoding e);

/* Why a conversion stopped before the end of its input. */
typedef enum jarva__text_error {
    JARVA__TEXT_OK = 0,           /* at the end, or before an incomplete character */
    JARVA__TEXT_NUL,              /* a NUL byte (U+0000) */
    JARVA__TEXT_BAD_UTF8,         /* an ill-formed UTF-8 sequence (RFC 3629) */
    JARVA__TEXT_CP1252_UNDEFINED, /* 0x81, 0x8D, 0x8F, 0x90 or 0x9D */
    JARVA__TEXT_LONE_SURROGATE,   /* a UTF-16 surrogate without its partner */
    JARVA__TEXT_ODD_LENGTH,       /* UTF-16 ending in half a code unit (the caller's verdict) */
    JARVA__TEXT_BOM,              /* U+FEFF after the start (the caller's verdict) */
    JARVA__TEXT_MIXED             /* UTF-8 in text read as Windows-1252 (the caller's verdict) */
} jarva__text_error;

/* The longest prefix of s[0..n) that is well-formed UTF-8 without NUL bytes;
 * *error says why it stopped (JARVA__TEXT_OK: at n or before an incomplete
 * but so far valid sequence at the end). *first_non_ascii is set to the offset
 * of the first byte >= 0x80 in that prefix, or SIZE_MAX if none. */
size_t jarva__utf8_check(const unsigned char *s, size_t n, jarva__text_error *error,
                         size_t *first_non_ascii);

/* The number of well-formed multi-byte UTF-8 sequences in s[0..n), looking
 * past ill-formed bytes; *first the offset of the first, or SIZE_MAX. */
size_t jarva__utf8_count_multibyte(const unsigned char *s, size_t n, size_t *first);

/* Windows-1252 to UTF-8. out must hold 3 * n bytes. Returns the bytes written;
 * *consumed is n, or the offset of the byte that stopped it (*error). */
size_t jarva__cp1252_to_utf8(const unsigned char *in, size_t n, char *out, size_t *consumed,
                             jarva__text_error *error);

/* UTF-16 (big_endian or little) to UTF-8. out must hold 3 * (n / 2) bytes.
 * Stops before an incomplete unit or surrogate pair at the end (error OK), or
 * at U+0000 or a lone surrogate (*error, *bad_unit the code unit). */
size_t jarva__utf16_to_utf8(const unsigned char *in, size_t n, int big_endian, char *out,
                            size_t *consumed, jarva__text_error *error, unsigned *bad_unit);

#endif /* JARVA_TEXT_ENCODING_H */
