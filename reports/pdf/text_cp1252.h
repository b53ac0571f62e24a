/* text_cp1252.h: UTF-8 to Windows-1252, the single-byte encoding that the PDF
 * layer draws with (WinAnsiEncoding and an embedded TrueType font). */
#ifndef JARVA_TEXT_CP1252_H
#define JARVA_TEXT_CP1252_H

#include <stddef.h>

/* The byte written for a character that Windows-1252 cannot show: visible, so
 * a missing glyph is noticed, never silently dropped. */
#define JARVA__CP1252_REPLACEMENT '?'

/* Converts len bytes of UTF-8 to Windows-1252 in out, which needs len + 1
 * bytes (the result is never longer than its input) and is NUL-terminated.
 * A character outside Windows-1252 becomes JARVA__CP1252_REPLACEMENT, except
 * a few with a faithful stand-in: U+2212 minus as an en dash (digit width,
 * as Swedish typography allows), U+2010/U+2011 hyphens as '-', U+2007 and
 * U+202F (non-breaking) as U+00A0, U+2009 thin space as a space; U+00AD
 * soft hyphen, U+200B zero-width space and U+FEFF are dropped. Tab becomes a
 * space, '\n' is kept, other control characters are replaced.
 * Returns 0, or JARVA_EFORMAT for invalid UTF-8 (a stray or missing
 * continuation byte, an overlong form, a surrogate, a code point above
 * U+10FFFF), with the byte offset of the bad sequence in *bad_offset.
 * out_len, replaced and bad_offset may be NULL. */
int jarva__utf8_to_cp1252(const char *in, size_t len, char *out, size_t *out_len, size_t *replaced,
                          size_t *bad_offset);

/* Decodes one UTF-8 sequence at s (n bytes available) into *cp and returns
 * its length, or 0 if it is invalid. */
size_t jarva__utf8_decode(const unsigned char *s, size_t n, unsigned long *cp);

/* The Windows-1252 byte of code point cp, or -1 if it has none. */
int jarva__cp1252_from_unicode(unsigned long cp);

#endif /* JARVA_TEXT_CP1252_H */
