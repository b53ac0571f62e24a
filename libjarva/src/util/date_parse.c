/* date_parse.c: the dates analysts' activity logs hold, as Swedish offices write
 * them, checked against the calendar (2025-02-30 is refused, not rolled over),
 * and days since 1970 to and from the calendar (civil_date.h). */
#include <ctype.h>
#include <string.h>

#include "civil_date.h"
#include "jarva_internal.h"

long long jarva__days_from_civil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

void jarva__civil_from_days(long long z, long long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long long)yoe + era * 400 + (*m <= 2);
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int valid_date(int y, int m, int d)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1)
        return 0;
    return d <= days[m - 1] + (m == 2 && is_leap(y));
}

/* Reads 1..max digits; returns the count read, 0 if none. */
static int read_number(const char **p, int max, int *value)
{
    int n = 0, v = 0;
    while (n < max && isdigit((unsigned char)**p)) {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    *value = v;
    return n;
}

/* strncasecmp is POSIX, but its case folding follows the locale; month names
 * are ASCII, so fold ASCII only. */
static int strncasecmp_ascii(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int ca = tolower((unsigned char)a[i]), cb = tolower((unsigned char)b[i]);
        if (ca != cb || !ca)
            return ca - cb;
    }
    return 0;
}

static const char *const month_names[] = { "januari",   "februari", "mars",     "april",
                                           "maj",       "juni",     "juli",     "augusti",
                                           "september", "oktober",  "november", "december" };

/* A Swedish month name or its first three letters ("okt"), with an optional dot. */
static int read_month_name(const char **p)
{
    const char *s = *p;
    size_t len = 0;
    while (isalpha((unsigned char)s[len]))
        len++;
    if (len < 3)
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(month_names[m]);
        if ((len == full || len == 3) && !strncasecmp_ascii(s, month_names[m], len)) {
            *p = s + len + (s[len] == '.');
            return m + 1;
        }
    }
    return 0;
}

int jarva__parse_date(const char *s, char iso[11], int *year)
{
    if (!s)
        return -1;
    while (*s == ' ')
        s++;
    const char *p = s;
    int y = 0, m = 0, d = 0, n;
    int a;
    n = read_number(&p, 8, &a);
    if (n == 4 && (*p == '-' || *p == '/')) {
        /* 2025-03-01 (ISO 8601) or 2025/03/01 */
        char sep = *p++;
        y = a;
        if (!read_number(&p, 2, &m) || *p++ != sep || !read_number(&p, 2, &d))
            return -1;
    } else if (n == 8 && !isdigit((unsigned char)*p)) {
        y = a / 10000;
        m = a / 100 % 100;
        d = a % 100;
    } else if (n >= 1 && n <= 2 && (*p == '/' || *p == '.')) {
        /* Day first, as in Sweden: 1/3/2025, 1/3 2025, 1.3.2025 */
        char sep = *p++;
        d = a;
        if (!read_number(&p, 2, &m))
            return -1;
        if (*p != sep && *p != ' ')
            return -1;
        p++;
        if (read_number(&p, 4, &y) != 4)
            return -1;
    } else if (n >= 1 && n <= 2 && *p == ' ') {
        /* 1 mars 2025 */
        d = a;
        p++;
        m = read_month_name(&p);
        if (!m || *p++ != ' ' || read_number(&p, 4, &y) != 4)
            return -1;
    } else {
        return -1;
    }
    while (*p == ' ')
        p++;
    if (*p || !valid_date(y, m, d))
        return -1;
    /* valid_date bounded every part, so the digits fit exactly. */
    const int parts[] = { y / 1000, y / 100 % 10, y / 10 % 10, y % 10, -1,
                          m / 10,   m % 10,       -1,          d / 10, d % 10 };
    for (int i = 0; i < 10; i++)
        iso[i] = parts[i] < 0 ? '-' : (char)('0' + parts[i]);
    iso[10] = '\0';
    if (year)
        *year = y;
    return 0;
}
