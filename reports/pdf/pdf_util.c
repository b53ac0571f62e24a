/* pdf_util.c: string helpers of the report module (pdf_util.h). They repeat
 * util/util.c's jarva__strdup/jarva__aprintf on purpose: libjarva is built
 * with hidden visibility and exports only JARVA_API symbols, and the report
 * uses it only through <jarva.h> (docs/architecture.md), so it cannot call
 * the library's internal helpers; making them public would add string
 * plumbing to a statistics API. */
#include "pdf_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *jarva__pdf_strdup(const char *s)
{
    return s ? jarva__pdf_strndup(s, strlen(s)) : NULL;
}

char *jarva__pdf_strndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    size_t len = strnlen(s, n);
    char *copy = malloc(len + 1);
    if (copy) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}

char *jarva__pdf_vaprintf(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int len = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (len < 0)
        return NULL;
    char *text = malloc((size_t)len + 1);
    if (text)
        vsnprintf(text, (size_t)len + 1, fmt, ap);
    return text;
}

char *jarva__pdf_aprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *text = jarva__pdf_vaprintf(fmt, ap);
    va_end(ap);
    return text;
}
