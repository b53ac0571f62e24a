/* util.c: string helpers that C11 lacks. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jarva_internal.h"

char *jarva__strndup(const char *s, size_t n)
{
    char *copy = malloc(n + 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

char *jarva__strdup(const char *s)
{
    return s ? jarva__strndup(s, strlen(s)) : NULL;
}

char *jarva__vaprintf(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int len = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (len < 0)
        return NULL;
    char *out = malloc((size_t)len + 1);
    if (out)
        vsnprintf(out, (size_t)len + 1, fmt, ap);
    return out;
}

char *jarva__aprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *out = jarva__vaprintf(fmt, ap);
    va_end(ap);
    return out;
}

/* Header names are matched without regard to ASCII case only: folding other
 * letters would need a locale, and a column's name is the analyst's. */
int jarva__ascii_nocase_equal(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return 0;
    }
    return 1;
}
