/* pdf_util.h: the few string helpers the report module needs, its own so
 * that the module uses libjarva only through <jarva.h> (docs/architecture.md). */
#ifndef JARVA_PDF_UTIL_H
#define JARVA_PDF_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__)
#define JARVA__PDF_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define JARVA__PDF_PRINTF(fmt, args)
#endif

/* malloc'd copies; NULL if memory ran out (or s is NULL). */
char *jarva__pdf_strdup(const char *s);
char *jarva__pdf_strndup(const char *s, size_t n);
char *jarva__pdf_aprintf(const char *fmt, ...) JARVA__PDF_PRINTF(1, 2);
char *jarva__pdf_vaprintf(const char *fmt, va_list ap);

#endif /* JARVA_PDF_UTIL_H */
