/* csv_formula.c: the one rule for CSV injection (OWASP, "CSV Injection"): a
 * cell a spreadsheet would evaluate is written with a leading apostrophe, and
 * the RFC 4180 quoting every CSV writer of jarva shares. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "jarva_internal.h"

static size_t digits(const char *s)
{
    size_t n = 0;
    while (isdigit((unsigned char)s[n]))
        n++;
    return n;
}

/* [+-] digits [(.|,) digits] [(e|E) [+-] digits], with digits on at least one
 * side of the decimal mark: what a spreadsheet reads as a plain number, so a
 * negative estimate or change stays a number for it. */
static int is_number(const char *s)
{
    if (*s == '+' || *s == '-')
        s++;
    size_t whole = digits(s);
    s += whole;
    size_t fraction = 0;
    if (*s == '.' || *s == ',') {
        fraction = digits(s + 1);
        s += 1 + fraction;
    }
    if (whole + fraction == 0)
        return 0;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        size_t exponent = digits(s);
        if (!exponent)
            return 0;
        s += exponent;
    }
    return *s == '\0';
}

int jarva_csv_cell_is_formula(const char *cell)
{
    if (!cell || !strchr("=+-@\t\r", cell[0]) || cell[0] == '\0')
        return 0;
    return !is_number(cell);
}

int jarva_csv_write_cell(FILE *out, const char *cell, char delimiter, unsigned flags)
{
    if (!out)
        return -1;
    if (!cell)
        return 0;
    int prefix = !(flags & JARVA_CSV_RAW) && jarva_csv_cell_is_formula(cell);
    const char specials[] = { delimiter, '"', '\r', '\n', '\0' };
    int quote = strpbrk(cell, specials) != NULL;
    if (quote && fputc('"', out) == EOF)
        return -1;
    if (prefix && fputc('\'', out) == EOF)
        return -1;
    for (const char *s = cell; *s; s++) {
        if (*s == '"' && fputc('"', out) == EOF)
            return -1;
        if (fputc(*s, out) == EOF)
            return -1;
    }
    if (quote && fputc('"', out) == EOF)
        return -1;
    return ferror(out) ? -1 : 0;
}
