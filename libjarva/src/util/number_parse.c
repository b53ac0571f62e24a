/* number_parse.c: numbers as analysts' files write them ("1 234,5",
 * "-0,25", "1e3"), independent of the C locale. The text is checked and
 * normalised here; the conversion is exact for the common case and falls back
 * to strtod in the "C" locale for the rest. */
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "number_parse.h"

/* Significant digits, decimal exponents and the like beyond which a "number"
 * is not one that an analyst's file holds: refused rather than buffered. */
#define MAX_NUMBER_CHARS 400

/* Length of a space character at s that may surround or group digits: ASCII
 * space or tab, U+00A0 (no-break space, what Excel writes in "1 234,5") or
 * U+202F (narrow no-break space, the SI thousands separator); 0 if none. */
static size_t space_at(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == ' ' || u[0] == '\t')
        return 1;
    if (u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
        return 3;
    return 0;
}

static const char *skip_spaces(const char *s)
{
    size_t n;
    while ((n = space_at(s)) > 0)
        s += n;
    return s;
}

/* An optional sign: '+', '-' or U+2212 MINUS SIGN (typeset Swedish numbers). */
static const char *parse_sign(const char *s, int *negative)
{
    *negative = 0;
    if (*s == '+')
        return s + 1;
    if (*s == '-') {
        *negative = 1;
        return s + 1;
    }
    if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x88 && (unsigned char)s[2] == 0x92) {
        *negative = 1;
        return s + 3;
    }
    return s;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Digits with optional thousands separators (spaces, and '.' if dot_groups):
 * a first group of 1-3 digits, then groups of exactly 3, so that "12 34" or
 * "1.5" (with decimal ',') are refused rather than read as 1234 or 15.
 * Copies the digits to out (at most cap). Returns the end, or NULL. */
static const char *parse_grouped(const char *s, int dot_groups, char *out, size_t cap,
                                 size_t *ndigits)
{
    size_t n = 0, group = 0;
    int grouped = 0;
    *ndigits = 0;
    for (;;) {
        if (is_digit(*s)) {
            if (n == cap)
                return NULL;
            out[n++] = *s++;
            group++;
            continue;
        }
        size_t sep = space_at(s);
        if (!sep && dot_groups && *s == '.')
            sep = 1;
        if (!sep || group == 0 || !is_digit(s[sep]))
            break; /* a separator must sit between digits */
        if (grouped ? group != 3 : group > 3)
            return NULL;
        grouped = 1;
        group = 0;
        s += sep;
    }
    if (grouped && group != 3)
        return NULL;
    *ndigits = n;
    return s;
}

/* Powers of ten that a double holds exactly: 10^k = 2^k * 5^k and 5^22 < 2^53. */
static const double exact_powers[] = { 1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;
static locale_t c_locale = (locale_t)0;

static void make_c_locale(void)
{
    c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

/* strtod with '.' as the decimal mark whatever the program's locale: the
 * library never calls setlocale, but the program using it may. */
static double strtod_c(const char *s)
{
    pthread_once(&c_locale_once, make_c_locale);
    if (!c_locale)
        return strtod(s, NULL);
    locale_t old = uselocale(c_locale);
    double value = strtod(s, NULL);
    uselocale(old);
    return value;
}

int jarva__parse_double(const char *s, char decimal, double *out)
{
    char digits[MAX_NUMBER_CHARS], frac[MAX_NUMBER_CHARS], exp_digits[16];
    size_t nint = 0, nfrac = 0, nexp = 0;
    int negative = 0, exp_negative = 0;
    if (!s)
        return -1;
    if (decimal != ',')
        decimal = '.';
    const char *p = parse_sign(skip_spaces(s), &negative);
    p = parse_grouped(p, decimal == ',', digits, sizeof digits, &nint);
    if (!p)
        return -1;
    if (*p == decimal) {
        p++;
        while (is_digit(*p)) {
            if (nfrac == sizeof frac)
                return -1;
            frac[nfrac++] = *p++;
        }
    }
    if (nint + nfrac == 0)
        return -1;
    if (*p == 'e' || *p == 'E') {
        p = parse_sign(p + 1, &exp_negative);
        while (is_digit(*p)) {
            if (nexp == sizeof exp_digits - 1)
                return -1;
            exp_digits[nexp++] = *p++;
        }
        if (nexp == 0)
            return -1;
    }
    if (*skip_spaces(p) != '\0')
        return -1;

    /* Clinger's fast path (W. D. Clinger, "How to read floating point numbers
     * accurately", PLDI 1990): a mantissa below 2^53 and a power of ten up to
     * 10^22 are both exact doubles, so one multiplication or division is
     * correctly rounded. */
    uint64_t mantissa = 0;
    size_t significant = 0;
    long exponent = 0;
    for (size_t i = 0; i < nexp; i++)
        exponent = exponent * 10 + (exp_digits[i] - '0');
    if (exp_negative)
        exponent = -exponent;
    exponent -= (long)nfrac;
    for (size_t i = 0; i < nint + nfrac; i++) {
        char d = i < nint ? digits[i] : frac[i - nint];
        if (significant == 0 && d == '0')
            continue;
        if (++significant > 15)
            break;
        mantissa = mantissa * 10 + (uint64_t)(d - '0');
    }
    double value;
    if (significant <= 15 && exponent >= -22 && exponent <= 22) {
        value = (double)mantissa;
        value = exponent >= 0 ? value * exact_powers[exponent] : value / exact_powers[-exponent];
    } else {
        char normal[2 * MAX_NUMBER_CHARS + 32];
        size_t n = 0;
        memcpy(normal + n, digits, nint);
        n += nint;
        normal[n++] = '.';
        memcpy(normal + n, frac, nfrac);
        n += nfrac;
        normal[n++] = 'e';
        if (exp_negative)
            normal[n++] = '-';
        memcpy(normal + n, exp_digits, nexp);
        n += nexp;
        if (nexp == 0)
            normal[n++] = '0';
        normal[n] = '\0';
        value = strtod_c(normal);
    }
    if (!isfinite(value))
        return -1;
    *out = negative ? -value : value;
    return 0;
}

int jarva__parse_long(const char *s, long min, long max, long *out)
{
    char digits[64];
    size_t n = 0;
    int negative = 0;
    if (!s)
        return -1;
    const char *p = parse_sign(skip_spaces(s), &negative);
    p = parse_grouped(p, 0, digits, sizeof digits, &n);
    if (!p || n == 0 || *skip_spaces(p) != '\0')
        return -1;
    /* Accumulate the magnitude unsigned, checking overflow, so that LONG_MIN
     * (whose magnitude exceeds LONG_MAX) parses too. */
    unsigned long magnitude = 0;
    unsigned long limit = negative ? (unsigned long)LONG_MAX + 1u : (unsigned long)LONG_MAX;
    for (size_t i = 0; i < n; i++) {
        unsigned d = (unsigned)(digits[i] - '0');
        if (magnitude > (limit - d) / 10)
            return -1;
        magnitude = magnitude * 10 + d;
    }
    long value;
    if (negative)
        value = magnitude == (unsigned long)LONG_MAX + 1u ? LONG_MIN : -(long)magnitude;
    else
        value = (long)magnitude;
    if (value < min || value > max)
        return -1;
    *out = value;
    return 0;
}
