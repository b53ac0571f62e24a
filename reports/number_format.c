/* number_format.c: Swedish and English number formatting with decimal
 * rounding half away from zero (see number_format.h for the conventions). */
#include "number_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jarva/common.h>

#define NBSP "\xC2\xA0"        /* U+00A0 no-break space */
#define MINUS "\xE2\x88\x92"   /* U+2212 minus sign */
#define EN_DASH "\xE2\x80\x93" /* U+2013 en dash */
#define SIGNIFICANT_DIGITS 15  /* DBL_DIG: decimal digits a double keeps */
#define WORK_DIGITS 48         /* 19 integer + 6 decimals + carry, with room */

/* One number rounded for display: its digits without separators (int_len
 * integer digits, then the decimals), and its sign. */
typedef struct rounded {
    char digits[WORK_DIGITS];
    int int_len;
    int decimals;
    bool negative; /* false for a result that rounds to zero */
} rounded;

/* Rounds |value| * 10^shift to `decimals` places, half away from zero, on
 * the value's first 15 significant decimal digits. */
static void round_decimal(double value, int shift, int decimals, rounded *out)
{
    char sci[40];
    /* "d.dddddddddddddde+XX": 15 significant digits and the exponent. */
    snprintf(sci, sizeof sci, "%.*e", SIGNIFICANT_DIGITS - 1, fabs(value));
    char sig[SIGNIFICANT_DIGITS];
    sig[0] = sci[0];
    memcpy(sig + 1, sci + 2, SIGNIFICANT_DIGITS - 1);
    int exponent = atoi(sci + SIGNIFICANT_DIGITS + 2);

    int point = exponent + shift + 1; /* digits of sig before the decimal point */
    int keep = point + decimals;      /* digits of sig that are displayed */
    char work[WORK_DIGITS];
    int n = keep > 0 ? keep : 0;
    for (int i = 0; i < n; i++)
        work[i] = i < SIGNIFICANT_DIGITS ? sig[i] : '0';
    bool round_up = keep >= 0 && keep < SIGNIFICANT_DIGITS && sig[keep] >= '5';
    if (keep < 0) {
        /* Below half a unit of the last place: zero. */
        n = 0;
        point = -decimals;
    }
    if (round_up) {
        int i = n - 1;
        while (i >= 0 && work[i] == '9')
            work[i--] = '0';
        if (i >= 0) {
            work[i]++;
        } else { /* carried out of the first digit: 999.5 -> 1000 */
            memmove(work + 1, work, (size_t)n);
            work[0] = '1';
            n++;
            point++;
        }
    }
    /* Lay out as integer digits and exactly `decimals` fraction digits. */
    int pos = 0;
    if (point <= 0) {
        out->digits[pos++] = '0';
        for (int i = 0; i < -point; i++)
            out->digits[pos++] = '0';
        memcpy(out->digits + pos, work, (size_t)n);
        pos += n;
        out->int_len = 1;
    } else {
        memcpy(out->digits, work, (size_t)n);
        pos = n;
        out->int_len = point;
    }
    out->digits[pos] = '\0';
    /* Zero has the exponent 0 whatever its scale: drop the leading zeros it
     * leaves before the point (keeping one). */
    int lead = 0;
    while (lead < out->int_len - 1 && out->digits[lead] == '0')
        lead++;
    if (lead > 0) {
        memmove(out->digits, out->digits + lead, (size_t)(pos - lead) + 1);
        out->int_len -= lead;
        pos -= lead;
    }
    out->decimals = decimals;
    bool zero = true;
    for (int i = 0; i < pos; i++)
        if (out->digits[i] != '0')
            zero = false;
    out->negative = value < 0 && !zero;
}

/* Appends s to buf at *len; false when it does not fit. */
static bool append(char *buf, size_t cap, size_t *len, const char *s)
{
    size_t n = strlen(s);
    if (*len + n + 1 > cap)
        return false;
    memcpy(buf + *len, s, n + 1);
    *len += n;
    return true;
}

/* Appends the digits of r with the language's separators, and a sign. */
static bool append_rounded(char *buf, size_t cap, size_t *len, const rounded *r, bool plus,
                           jarva__lang lang)
{
    bool ok = true;
    if (r->negative)
        ok = append(buf, cap, len, MINUS);
    else if (plus && strspn(r->digits, "0") != strlen(r->digits))
        ok = append(buf, cap, len, "+");
    const char *group = lang == JARVA__LANG_SV ? NBSP : ",";
    for (int i = 0; ok && i < r->int_len; i++) {
        char digit[2] = { r->digits[i], '\0' };
        ok = append(buf, cap, len, digit);
        int left = r->int_len - i - 1;
        if (ok && left > 0 && left % 3 == 0)
            ok = append(buf, cap, len, group);
    }
    if (ok && r->decimals > 0) {
        ok = append(buf, cap, len, lang == JARVA__LANG_SV ? "," : ".");
        ok = ok && append(buf, cap, len, r->digits + r->int_len);
    }
    return ok;
}

static bool is_one(const rounded *r)
{
    return strcmp(r->digits, "1") == 0;
}

static const char *unit_suffix(jarva__unit unit, bool singular, jarva__lang lang)
{
    bool sv = lang == JARVA__LANG_SV;
    switch (unit) {
    case JARVA__UNIT_PERCENT: return sv ? NBSP "%" : "%";
    case JARVA__UNIT_PP:
        if (sv)
            return singular ? NBSP "procentenhet" : NBSP "procentenheter";
        return singular ? NBSP "percentage point" : NBSP "percentage points";
    case JARVA__UNIT_NONE:
    default: return "";
    }
}

/* Checks the arguments and rounds; JARVA_OK or JARVA_EINVAL. */
static int prepare(double value, int decimals, jarva__unit unit, rounded *out)
{
    if (decimals < 0 || decimals > JARVA__FMT_MAX_DECIMALS)
        return JARVA_EINVAL;
    int shift = unit == JARVA__UNIT_NONE ? 0 : 2;
    if (fabs(value) * (shift ? 100.0 : 1.0) > JARVA__FMT_MAX_MAGNITUDE)
        return JARVA_EINVAL;
    round_decimal(value, shift, decimals, out);
    return JARVA_OK;
}

static int finish(char *buf, size_t cap, size_t len, bool ok)
{
    if (!ok) {
        if (cap > 0)
            buf[0] = '\0';
        return JARVA_EINVAL;
    }
    return (int)len;
}

/* SCB's symbols (Statistiska centralbyrån, "Teckenförklaring" in its
 * tables): ".." not available or too uncertain to be given, "–" zero, "."
 * cannot occur. A withheld or missing value is "..", never "–". */
const char *jarva__fmt_suppressed(void)
{
    return "..";
}

int jarva__fmt_value(char *buf, size_t cap, double value, int decimals, jarva__unit unit,
                     unsigned flags, jarva__lang lang)
{
    size_t len = 0;
    if (cap > 0)
        buf[0] = '\0';
    if (!isfinite(value))
        return finish(buf, cap, len, append(buf, cap, &len, jarva__fmt_suppressed()));
    rounded r;
    if (prepare(value, decimals, unit, &r) != JARVA_OK)
        return finish(buf, cap, len, false);
    bool ok = append_rounded(buf, cap, &len, &r, (flags & JARVA__FMT_SIGN) != 0, lang);
    if (!(flags & JARVA__FMT_NO_UNIT))
        ok = ok && append(buf, cap, &len, unit_suffix(unit, is_one(&r), lang));
    return finish(buf, cap, len, ok);
}

int jarva__fmt_number(char *buf, size_t cap, double value, int decimals, jarva__lang lang)
{
    return jarva__fmt_value(buf, cap, value, decimals, JARVA__UNIT_NONE, 0, lang);
}

int jarva__fmt_percent(char *buf, size_t cap, double proportion, int decimals, jarva__lang lang)
{
    return jarva__fmt_value(buf, cap, proportion, decimals, JARVA__UNIT_PERCENT, 0, lang);
}

int jarva__fmt_pp(char *buf, size_t cap, double difference, int decimals, jarva__lang lang)
{
    return jarva__fmt_value(buf, cap, difference, decimals, JARVA__UNIT_PP, JARVA__FMT_SIGN, lang);
}

int jarva__fmt_interval(char *buf, size_t cap, double lower, double upper, int decimals,
                        jarva__unit unit, jarva__lang lang)
{
    size_t len = 0;
    if (cap > 0)
        buf[0] = '\0';
    if (!isfinite(lower) || !isfinite(upper))
        return finish(buf, cap, len, append(buf, cap, &len, jarva__fmt_suppressed()));
    rounded lo, hi;
    if (prepare(lower, decimals, unit, &lo) != JARVA_OK ||
        prepare(upper, decimals, unit, &hi) != JARVA_OK)
        return finish(buf, cap, len, false);
    const char *join = EN_DASH;
    if (lo.negative || hi.negative)
        join = lang == JARVA__LANG_SV ? " till " : " to ";
    bool ok = append_rounded(buf, cap, &len, &lo, false, lang);
    ok = ok && append(buf, cap, &len, join);
    ok = ok && append_rounded(buf, cap, &len, &hi, false, lang);
    ok = ok && append(buf, cap, &len, unit_suffix(unit, false, lang));
    return finish(buf, cap, len, ok);
}
