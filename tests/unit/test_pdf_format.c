/* test_pdf_format.c: the pure parts of the PDF layer: Swedish and English
 * number formatting (every expected string worked out by hand from the rules
 * in number_format.h), UTF-8 to Windows-1252 (bytes from Microsoft's cp1252
 * table), and Heckbert's nice axis (steps computed by hand). */
#include <math.h>

#include "harness.h"
#include "jarva_internal.h"
#include "number_format.h"
#include "pdf_chart.h"
#include "text_cp1252.h"

#define NB "\xC2\xA0"        /* no-break space */
#define MINUS "\xE2\x88\x92" /* U+2212 */
#define DASH "\xE2\x80\x93"  /* en dash */
#define NOT_AVAILABLE ".."   /* SCB: not available or too uncertain */

static char buf[JARVA__FMT_SIZE];

static const char *num(double v, int decimals, jarva__lang lang)
{
    return jarva__fmt_number(buf, sizeof buf, v, decimals, lang) >= 0 ? buf : "(error)";
}

static const char *pct(double v, int decimals, jarva__lang lang)
{
    return jarva__fmt_percent(buf, sizeof buf, v, decimals, lang) >= 0 ? buf : "(error)";
}

static const char *pp(double v, int decimals, jarva__lang lang)
{
    return jarva__fmt_pp(buf, sizeof buf, v, decimals, lang) >= 0 ? buf : "(error)";
}

static const char *interval(double lo, double hi, int decimals, jarva__unit unit, jarva__lang lang)
{
    return jarva__fmt_interval(buf, sizeof buf, lo, hi, decimals, unit, lang) >= 0 ? buf
                                                                                   : "(error)";
}

static void test_numbers(void)
{
    CHECK_STR(num(1234.5, 1, JARVA__LANG_SV), "1" NB "234,5");
    CHECK_STR(num(1234.5, 1, JARVA__LANG_EN), "1,234.5");
    CHECK_STR(num(1234567.891, 2, JARVA__LANG_SV), "1" NB "234" NB "567,89");
    CHECK_STR(num(1234567.891, 2, JARVA__LANG_EN), "1,234,567.89");
    CHECK_STR(num(123456789012.0, 0, JARVA__LANG_SV), "123" NB "456" NB "789" NB "012");
    CHECK_STR(num(999, 0, JARVA__LANG_SV), "999");
    CHECK_STR(num(1000, 0, JARVA__LANG_EN), "1,000");
    CHECK_STR(num(0.0, 0, JARVA__LANG_SV), "0");
    CHECK_STR(num(0.0, 1, JARVA__LANG_SV), "0,0");
    CHECK_STR(num(0.00001, 6, JARVA__LANG_SV), "0,000010");
    CHECK_STR(num(-42.25, 1, JARVA__LANG_SV), MINUS "42,3");
    CHECK_STR(num(-1234.5, 0, JARVA__LANG_EN), MINUS "1,235");
    /* Half away from zero, on the decimal digits: printf("%.0f") gives 2 and
     * "-2" (to even), and 1.00 for 1.005 (its double is 1.00499999999999989). */
    CHECK_STR(num(2.5, 0, JARVA__LANG_SV), "3");
    CHECK_STR(num(-2.5, 0, JARVA__LANG_SV), MINUS "3");
    CHECK_STR(num(0.5, 0, JARVA__LANG_SV), "1");
    CHECK_STR(num(0.05, 0, JARVA__LANG_SV), "0");
    CHECK_STR(num(1.005, 2, JARVA__LANG_SV), "1,01");
    CHECK_STR(num(999.5, 0, JARVA__LANG_SV), "1" NB "000");
    CHECK_STR(num(9.995, 2, JARVA__LANG_EN), "10.00");
    /* A negative value that rounds to zero has no sign. */
    CHECK_STR(num(-0.4, 0, JARVA__LANG_SV), "0");
    CHECK_STR(num(-0.04, 1, JARVA__LANG_EN), "0.0");
    /* Suppressed or missing: an en dash. */
    CHECK_STR(num(NAN, 0, JARVA__LANG_SV), NOT_AVAILABLE);
    CHECK_STR(num(INFINITY, 1, JARVA__LANG_EN), NOT_AVAILABLE);
    CHECK_STR(jarva__fmt_suppressed(), NOT_AVAILABLE);
}

static void test_percent(void)
{
    CHECK_STR(pct(0.64, 0, JARVA__LANG_SV), "64" NB "%");
    CHECK_STR(pct(0.64, 0, JARVA__LANG_EN), "64%");
    CHECK_STR(pct(0.0, 0, JARVA__LANG_SV), "0" NB "%");
    CHECK_STR(pct(1.0, 0, JARVA__LANG_SV), "100" NB "%");
    CHECK_STR(pct(0.125, 1, JARVA__LANG_SV), "12,5" NB "%");
    /* 0.285 is 0.28499999999999998 as a double: naive rounding of
     * 100 * 0.285 gives 28; the displayed digits are 28.5, so 29. */
    CHECK_STR(pct(0.285, 0, JARVA__LANG_SV), "29" NB "%");
    CHECK_STR(pct(0.645, 0, JARVA__LANG_EN), "65%");
    CHECK_STR(pct(0.1235, 1, JARVA__LANG_SV), "12,4" NB "%");
    CHECK_STR(pct(0.6449, 0, JARVA__LANG_SV), "64" NB "%");
    CHECK_STR(pct(0.9995, 1, JARVA__LANG_EN), "100.0%");
    CHECK_STR(pct(0.004, 0, JARVA__LANG_SV), "0" NB "%");
    CHECK_STR(pct(-0.005, 0, JARVA__LANG_SV), MINUS "1" NB "%");
    CHECK_STR(pct(NAN, 0, JARVA__LANG_SV), NOT_AVAILABLE);
}

static void test_percentage_points(void)
{
    CHECK_STR(pp(0.08, 0, JARVA__LANG_SV), "+8" NB "procentenheter");
    CHECK_STR(pp(0.08, 0, JARVA__LANG_EN), "+8" NB "percentage points");
    CHECK_STR(pp(0.01, 0, JARVA__LANG_SV), "+1" NB "procentenhet");
    CHECK_STR(pp(0.01, 0, JARVA__LANG_EN), "+1" NB "percentage point");
    CHECK_STR(pp(0.01, 1, JARVA__LANG_SV), "+1,0" NB "procentenheter");
    CHECK_STR(pp(-0.03, 0, JARVA__LANG_SV), MINUS "3" NB "procentenheter");
    CHECK_STR(pp(-0.01, 0, JARVA__LANG_SV), MINUS "1" NB "procentenhet");
    CHECK_STR(pp(0.0, 0, JARVA__LANG_SV), "0" NB "procentenheter");
    CHECK_STR(pp(0.015, 1, JARVA__LANG_SV), "+1,5" NB "procentenheter");
    CHECK_STR(pp(0.004, 0, JARVA__LANG_SV), "0" NB "procentenheter");
    CHECK_INT(jarva__fmt_value(buf, sizeof buf, 0.08, 0, JARVA__UNIT_PP, 0, JARVA__LANG_SV),
              (int)strlen("8" NB "procentenheter"));
    CHECK_STR(buf, "8" NB "procentenheter");
    jarva__fmt_value(buf, sizeof buf, 0.08, 0, JARVA__UNIT_PP, JARVA__FMT_SIGN | JARVA__FMT_NO_UNIT,
                     JARVA__LANG_SV);
    CHECK_STR(buf, "+8");
    jarva__fmt_value(buf, sizeof buf, -0.021, 1, JARVA__UNIT_PP, JARVA__FMT_NO_UNIT,
                     JARVA__LANG_EN);
    CHECK_STR(buf, MINUS "2.1");
}

static void test_intervals(void)
{
    CHECK_STR(interval(0.03, 0.13, 0, JARVA__UNIT_PERCENT, JARVA__LANG_SV), "3" DASH "13" NB "%");
    CHECK_STR(interval(0.03, 0.13, 0, JARVA__UNIT_PERCENT, JARVA__LANG_EN), "3" DASH "13%");
    CHECK_STR(interval(3, 13, 0, JARVA__UNIT_NONE, JARVA__LANG_SV), "3" DASH "13");
    CHECK_STR(interval(3, 13, 0, JARVA__UNIT_NONE, JARVA__LANG_EN), "3" DASH "13");
    CHECK_STR(interval(0.571, 0.6449, 1, JARVA__UNIT_PERCENT, JARVA__LANG_SV),
              "57,1" DASH "64,5" NB "%");
    CHECK_STR(interval(1500, 2500.5, 0, JARVA__UNIT_NONE, JARVA__LANG_SV),
              "1" NB "500" DASH "2" NB "501");
    CHECK_STR(interval(-0.03, 0.13, 0, JARVA__UNIT_PP, JARVA__LANG_SV),
              MINUS "3 till 13" NB "procentenheter");
    CHECK_STR(interval(-0.03, 0.13, 0, JARVA__UNIT_PP, JARVA__LANG_EN),
              MINUS "3 to 13" NB "percentage points");
    /* An end that rounds to zero is not negative: the dash is kept. */
    CHECK_STR(interval(-0.001, 0.02, 0, JARVA__UNIT_PERCENT, JARVA__LANG_SV), "0" DASH "2" NB "%");
    CHECK_STR(interval(NAN, 0.13, 0, JARVA__UNIT_PERCENT, JARVA__LANG_SV), NOT_AVAILABLE);
}

static void test_format_errors(void)
{
    char small[4];
    CHECK_INT(jarva__fmt_percent(small, sizeof small, 0.64, 0, JARVA__LANG_SV), JARVA_EINVAL);
    CHECK_STR(small, "");
    CHECK_INT(jarva__fmt_percent(small, 5, 0.64, 0, JARVA__LANG_EN), 3);
    CHECK_INT(jarva__fmt_number(buf, sizeof buf, 1.0, 7, JARVA__LANG_SV), JARVA_EINVAL);
    CHECK_INT(jarva__fmt_number(buf, sizeof buf, 1.0, -1, JARVA__LANG_SV), JARVA_EINVAL);
    CHECK_INT(jarva__fmt_number(buf, sizeof buf, 1e19, 0, JARVA__LANG_SV), JARVA_EINVAL);
    CHECK_INT(jarva__fmt_number(buf, sizeof buf, 1e18, 0, JARVA__LANG_EN),
              (int)strlen("1,000,000,000,000,000,000"));
}

/* Converts and returns the bytes, or "(invalid at N)". */
static const char *cp(const char *utf8, size_t *replaced)
{
    static char out[256], msg[64];
    size_t bad = 0;
    if (jarva__utf8_to_cp1252(utf8, strlen(utf8), out, NULL, replaced, &bad) != JARVA_OK) {
        snprintf(msg, sizeof msg, "(invalid at %zu)", bad);
        return msg;
    }
    return out;
}

static void test_cp1252(void)
{
    size_t replaced = 99;
    CHECK_STR(cp("Järva: å ä ö é Å Ä Ö", &replaced),
              "J\xE4rva: \xE5 \xE4 \xF6 \xE9 \xC5 \xC4 \xD6");
    CHECK_INT(replaced, 0);
    /* The typographic characters of 0x80-0x9F (Microsoft's cp1252 table). */
    CHECK_STR(cp("€ “citat” ’ … – — «»", &replaced), "\x80 \x93"
                                                     "citat\x94 \x92 \x85 \x96 \x97 \xAB\xBB");
    CHECK_STR(cp("64" NB "%", &replaced), "64\xA0%");
    /* Outside Windows-1252: a visible replacement, counted. */
    CHECK_STR(cp("a→b ✓ 😀", &replaced), "a?b ? ?");
    CHECK_INT(replaced, 3);
    /* Stand-ins: minus as en dash, narrow no-break space, dropped soft hyphen. */
    CHECK_STR(cp(MINUS "3\xE2\x80\xAF%", &replaced), "\x96"
                                                     "3\xA0%");
    CHECK_INT(replaced, 0);
    CHECK_STR(cp("konfidens\xC2\xADintervall", NULL), "konfidensintervall");
    CHECK_STR(cp("a\tb\nc\x01", &replaced), "a b\nc?");
    CHECK_INT(replaced, 1);
    /* Invalid UTF-8, with the offset of the bad sequence. */
    CHECK_STR(cp("ab\x80", NULL), "(invalid at 2)");
    CHECK_STR(cp("\xC3", NULL), "(invalid at 0)");
    CHECK_STR(cp("x\xC3(", NULL), "(invalid at 1)");
    CHECK_STR(cp("\xC0\xAF", NULL), "(invalid at 0)");         /* overlong '/' */
    CHECK_STR(cp("ok \xED\xA0\x80", NULL), "(invalid at 3)");  /* a surrogate */
    CHECK_STR(cp("\xF4\x90\x80\x80", NULL), "(invalid at 0)"); /* above U+10FFFF */
    CHECK_STR(cp("\xFF", NULL), "(invalid at 0)");
    CHECK_INT(jarva__cp1252_from_unicode(0x20AC), 0x80);
    CHECK_INT(jarva__cp1252_from_unicode(0x0178), 0x9F);
    CHECK_INT(jarva__cp1252_from_unicode(0x0081), -1);
    CHECK_INT(jarva__cp1252_from_unicode(0x2192), -1);
}

static void test_nice_axis(void)
{
    jarva__axis a;
    /* Heckbert: range = nicenum(73, false) = 100, step = nicenum(25, true) = 20. */
    CHECK_INT(jarva__axis_nice(0, 73, 5, &a), JARVA_OK);
    CHECK_REL(a.min, 0, 1e-12);
    CHECK_REL(a.max, 80, 1e-12);
    CHECK_REL(a.step, 20, 1e-12);
    CHECK_INT(a.ticks, 5);
    CHECK_INT(a.decimals, 0);
    /* range = nicenum(0.87) = 1, step = nicenum(0.25, true) = 0.2 -> 0..1 by 0.2. */
    CHECK_INT(jarva__axis_nice(0, 0.87, 5, &a), JARVA_OK);
    CHECK_REL(a.max, 1.0, 1e-12);
    CHECK_REL(a.step, 0.2, 1e-12);
    CHECK_INT(a.ticks, 6);
    CHECK_INT(a.decimals, 1);
    /* range = nicenum(19) = 20, step = nicenum(5, true) = 5 -> 10..35. */
    CHECK_INT(jarva__axis_nice(12, 31, 5, &a), JARVA_OK);
    CHECK_REL(a.min, 10, 1e-12);
    CHECK_REL(a.max, 35, 1e-12);
    CHECK_INT(a.ticks, 6);
    /* range = nicenum(16.2) = 20, step 5 -> -5..15. */
    CHECK_INT(jarva__axis_nice(-3.2, 13, 5, &a), JARVA_OK);
    CHECK_REL(a.min, -5, 1e-12);
    CHECK_REL(a.max, 15, 1e-12);
    CHECK_INT(a.ticks, 5);
    /* 0..100 in six ticks: step nicenum(20, true) = 20. */
    CHECK_INT(jarva__axis_nice(0, 100, 6, &a), JARVA_OK);
    CHECK_REL(a.max, 100, 1e-12);
    CHECK_REL(a.step, 20, 1e-12);
    /* 0..70 exactly: 70 / 20 is not whole, so 80; 0..60 stays 60. */
    CHECK_INT(jarva__axis_nice(0, 60, 5, &a), JARVA_OK);
    CHECK_REL(a.max, 60, 1e-12);
    /* A flat series at 5 becomes 0..7.5 -> step nicenum(2.5, true) = 2, 0..8. */
    CHECK_INT(jarva__axis_nice(5, 5, 5, &a), JARVA_OK);
    CHECK_REL(a.min, 0, 1e-12);
    CHECK_REL(a.max, 8, 1e-12);
    CHECK_REL(a.step, 2, 1e-12);
    CHECK_REL(a.first, 0, 1e-12);
    /* A fixed range keeps its ends: 0..12000 with step nicenum(20000 / 4,
     * true) = 5000 has ticks 0, 5000, 10000. */
    CHECK_INT(jarva__axis_fixed(0, 12000, 5, &a), JARVA_OK);
    CHECK_REL(a.min, 0, 1e-12);
    CHECK_REL(a.max, 12000, 1e-12);
    CHECK_REL(a.step, 5000, 1e-12);
    CHECK_REL(a.first, 0, 1e-12);
    CHECK_INT(a.ticks, 3);
    /* 0.5..9.7: step nicenum(10 / 4, true) = 2, ticks 2, 4, 6, 8. */
    CHECK_INT(jarva__axis_fixed(0.5, 9.7, 5, &a), JARVA_OK);
    CHECK_REL(a.first, 2, 1e-12);
    CHECK_INT(a.ticks, 4);
    CHECK_INT(jarva__axis_fixed(1, 1, 5, &a), JARVA_EINVAL);
    CHECK_INT(jarva__axis_nice(NAN, 1, 5, &a), JARVA_EINVAL);
    CHECK_INT(jarva__axis_nice(2, 1, 5, &a), JARVA_EINVAL);
    CHECK_REL(jarva__nice_number(0.034, false), 0.05, 1e-12);
    CHECK_REL(jarva__nice_number(0.034, true), 0.05, 1e-12); /* 3.4 < 7 */
    CHECK_REL(jarva__nice_number(0.025, true), 0.02, 1e-12); /* 2.5 < 3 */
    CHECK_REL(jarva__nice_number(7.1, true), 10, 1e-12);
    /* Year labels 18 pt wide and 6 apart need 24 pt: one a year at 40 pt a
     * year, every second at 20, every tenth at 4 (5 * 4 = 20 < 24). */
    CHECK_INT(jarva__axis_year_step(40, 18, 6), 1);
    CHECK_INT(jarva__axis_year_step(20, 18, 6), 2);
    CHECK_INT(jarva__axis_year_step(4, 18, 6), 10);
    CHECK_INT(jarva__axis_year_step(0.1, 18, 6), 100);
}

int main(void)
{
    test_numbers();
    test_percent();
    test_percentage_points();
    test_intervals();
    test_format_errors();
    test_cp1252();
    test_nice_axis();
    return test_report();
}
