/* test_csv_values.c: what the CSV reader checks and converts below the
 * level of files: UTF-8 well-formedness (RFC 3629), Windows-1252's undefined
 * bytes, encoding names, and numbers as analysts write them, in any locale.
 * Expected values are written out by hand. */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_reader.h"
#include "harness.h"
#include "text_encoding.h"

/* RFC 3629 well-formedness, the cases of Markus Kuhn's UTF-8 decoder test. */
static void test_utf8_check(void)
{
    static const struct {
        const char *bytes;
        size_t valid; /* length of the valid prefix */
        jarva__text_error error;
    } cases[] = {
        { "abc", 3, JARVA__TEXT_OK },
        { "\xc3\xa5\xe2\x82\xac\xf0\x9f\x98\x80", 9, JARVA__TEXT_OK },
        { "\xef\xbf\xbf\xf4\x8f\xbf\xbf", 7, JARVA__TEXT_OK }, /* U+FFFF, U+10FFFF */
        { "a\x80", 1, JARVA__TEXT_BAD_UTF8 },                  /* lone continuation */
        { "a\xc0\xaf", 1, JARVA__TEXT_BAD_UTF8 },              /* overlong '/' */
        { "a\xc1\xbf", 1, JARVA__TEXT_BAD_UTF8 },
        { "a\xe0\x80\xaf", 1, JARVA__TEXT_BAD_UTF8 },
        { "a\xf0\x80\x80\xaf", 1, JARVA__TEXT_BAD_UTF8 },
        { "a\xed\xa0\x80", 1, JARVA__TEXT_BAD_UTF8 }, /* surrogate U+D800 */
        { "a\xed\xbf\xbf", 1, JARVA__TEXT_BAD_UTF8 },
        { "a\xf4\x90\x80\x80", 1, JARVA__TEXT_BAD_UTF8 }, /* U+110000 */
        { "a\xf5\x80\x80\x80", 1, JARVA__TEXT_BAD_UTF8 },
        { "a\xfe", 1, JARVA__TEXT_BAD_UTF8 },
        { "a\xff", 1, JARVA__TEXT_BAD_UTF8 },
        { "a\xc3(", 1, JARVA__TEXT_BAD_UTF8 },
        { "a\xe2\x82", 1, JARVA__TEXT_OK }, /* incomplete at the end: wait */
        { "a\xf0\x9f\x98", 1, JARVA__TEXT_OK },
        { "a\xe0\x80", 1, JARVA__TEXT_BAD_UTF8 }, /* incomplete but already overlong */
        { "abcdefghijklmnop\xc3", 16, JARVA__TEXT_OK },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        jarva__text_error error;
        size_t first;
        const unsigned char *s = (const unsigned char *)cases[i].bytes;
        size_t valid = jarva__utf8_check(s, strlen(cases[i].bytes), &error, &first);
        CHECK_INT(valid, cases[i].valid);
        CHECK_INT(error, cases[i].error);
        if (valid != cases[i].valid || error != cases[i].error)
            fprintf(stderr, "  (case %zu)\n", i);
    }
    jarva__text_error error;
    size_t first;
    CHECK_INT(jarva__utf8_check((const unsigned char *)"0123456789\0abc", 14, &error, &first), 10);
    CHECK_INT(error, JARVA__TEXT_NUL);
    CHECK_INT(first, SIZE_MAX);
    CHECK_INT(jarva__utf8_check((const unsigned char *)"ab\xc3\xa5", 4, &error, &first), 4);
    CHECK_INT(first, 2);

    /* Windows-1252's five undefined bytes stop the conversion. */
    static const unsigned char undefined[] = { 0x81, 0x8D, 0x8F, 0x90, 0x9D };
    for (size_t i = 0; i < sizeof undefined; i++) {
        unsigned char in[3] = { 'x', undefined[i], 'y' };
        char out[9];
        size_t consumed;
        CHECK_INT(jarva__cp1252_to_utf8(in, 3, out, &consumed, &error), 1);
        CHECK_INT(consumed, 1);
        CHECK_INT(error, JARVA__TEXT_CP1252_UNDEFINED);
    }
}

static void test_encoding_names(void)
{
    jarva__encoding enc = JARVA__ENC_AUTO;
    CHECK_INT(jarva__encoding_from_name("Windows-1252", &enc), 0);
    CHECK_INT(enc, JARVA__ENC_CP1252);
    CHECK_INT(jarva__encoding_from_name("utf_16BE", &enc), 0);
    CHECK_INT(enc, JARVA__ENC_UTF16BE);
    CHECK_INT(jarva__encoding_from_name("UTF8", &enc), 0);
    CHECK_INT(enc, JARVA__ENC_UTF8);
    CHECK_INT(jarva__encoding_from_name("latin-1", &enc), 0);
    CHECK_INT(enc, JARVA__ENC_CP1252);
    CHECK_INT(jarva__encoding_from_name("ebcdic", &enc), -1);
    CHECK_STR(jarva__encoding_name(JARVA__ENC_CP1252), "Windows-1252");
    CHECK_STR(jarva__encoding_name(JARVA__ENC_UTF16LE), "UTF-16LE");
}

static void test_parse_double(void)
{
    double v = 0;
    CHECK_INT(jarva__parse_double("1 234,5", ',', &v), 0);
    CHECK(v == 1234.5);
    CHECK_INT(jarva__parse_double("1\xc2\xa0"
                                  "234,5",
                                  ',', &v),
              0); /* U+00A0 */
    CHECK(v == 1234.5);
    CHECK_INT(jarva__parse_double("1\xe2\x80\xaf"
                                  "234\xe2\x80\xaf"
                                  "567",
                                  ',', &v),
              0);
    CHECK(v == 1234567.0); /* U+202F */
    CHECK_INT(jarva__parse_double("1.234.567,25", ',', &v), 0);
    CHECK(v == 1234567.25);
    CHECK_INT(jarva__parse_double("-0,25", ',', &v), 0);
    CHECK(v == -0.25);
    CHECK_INT(jarva__parse_double("\xe2\x88\x92"
                                  "0,25",
                                  ',', &v),
              0); /* U+2212 minus */
    CHECK(v == -0.25);
    CHECK_INT(jarva__parse_double("1e3", '.', &v), 0);
    CHECK(v == 1000.0);
    CHECK_INT(jarva__parse_double("1,5E-3", ',', &v), 0);
    CHECK(v == 0.0015);
    CHECK_INT(jarva__parse_double(" 12 ", '.', &v), 0);
    CHECK(v == 12.0);
    CHECK_INT(jarva__parse_double("\t+7.5\xc2\xa0", '.', &v), 0);
    CHECK(v == 7.5);
    CHECK_INT(jarva__parse_double(",5", ',', &v), 0);
    CHECK(v == 0.5);
    CHECK_INT(jarva__parse_double("5.", '.', &v), 0);
    CHECK(v == 5.0);
    CHECK_INT(jarva__parse_double("0.1", '.', &v), 0);
    CHECK(v == 0.1);
    CHECK_INT(jarva__parse_double("007", '.', &v), 0);
    CHECK(v == 7.0);
    /* Past the exact fast path: 17 digits and big exponents go to strtod. */
    CHECK_INT(jarva__parse_double("3,1415926535897932", ',', &v), 0);
    CHECK(v == 3.1415926535897932);
    CHECK_INT(jarva__parse_double("1e300", '.', &v), 0);
    CHECK(v == 1e300);
    CHECK_INT(jarva__parse_double("2,5e-310", ',', &v), 0);
    CHECK(v == 2.5e-310);
    CHECK_INT(jarva__parse_double("123456789012345678901234567890", '.', &v), 0);
    CHECK(v == 123456789012345678901234567890.0);

    static const char *const bad[] = { "NaN",  "nan",  "inf", "-Infinity", "1,2,3",    "12abc",
                                       "",     "   ",  "-",   ",",         "e5",       "1e",
                                       "1e+",  "0x10", "1 2", "12 34",     "1234 567", "1.5",
                                       "1..5", "--1",  "+-1", "1e999",     "1,5 %",    "\xc2\xa0" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        v = 42;
        int rc = jarva__parse_double(bad[i], ',', &v);
        CHECK_INT(rc, -1);
        CHECK(v == 42); /* untouched */
        if (rc != -1)
            fprintf(stderr, "  accepted \"%s\"\n", bad[i]);
    }
    /* With '.' as the decimal mark ',' is no separator: */
    CHECK_INT(jarva__parse_double("1,234", '.', &v), -1);
    CHECK_INT(jarva__parse_double("1,5", '.', &v), -1);
    CHECK_INT(jarva__parse_double("1.2.3", '.', &v), -1);
    CHECK_INT(jarva__parse_double(NULL, '.', &v), -1);
}

static void test_parse_long(void)
{
    long v = 0;
    CHECK_INT(jarva__parse_long("42", 0, 100, &v), 0);
    CHECK_INT(v, 42);
    CHECK_INT(jarva__parse_long(" -7 ", -10, 10, &v), 0);
    CHECK_INT(v, -7);
    CHECK_INT(jarva__parse_long("1 234 567", 0, 10000000, &v), 0);
    CHECK_INT(v, 1234567);
    CHECK_INT(jarva__parse_long("9223372036854775807", LONG_MIN, LONG_MAX, &v), 0);
    CHECK(v == LONG_MAX);
    CHECK_INT(jarva__parse_long("-9223372036854775808", LONG_MIN, LONG_MAX, &v), 0);
    CHECK(v == LONG_MIN);
    v = 5;
    CHECK_INT(jarva__parse_long("9223372036854775808", LONG_MIN, LONG_MAX, &v), -1);
    CHECK_INT(jarva__parse_long("101", 0, 100, &v), -1);
    CHECK_INT(jarva__parse_long("-1", 0, 100, &v), -1);
    CHECK_INT(jarva__parse_long("12.0", 0, 100, &v), -1);
    CHECK_INT(jarva__parse_long("1e2", 0, 1000, &v), -1);
    CHECK_INT(jarva__parse_long("", 0, 100, &v), -1);
    CHECK_INT(jarva__parse_long("12abc", 0, 100, &v), -1);
    CHECK_INT(jarva__parse_long("1 23", 0, 1000, &v), -1);
    CHECK_INT(v, 5);
}

/* A program may call setlocale; the library must not care. A Swedish
 * LC_NUMERIC (decimal comma) is compiled with localedef where the locale
 * sources are installed, else this test is skipped. */
static void test_locale_independence(void)
{
    const char *dir = getenv("JARVA_TEST_TMP");
    char cmd[1200], locpath[256];
    snprintf(locpath, sizeof locpath, "%.200s/locale", dir && *dir ? dir : "/tmp");
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s' && { [ -d '%s/sv_SE.UTF-8' ] || localedef -i sv_SE -f UTF-8 "
             "'%s/sv_SE.UTF-8'; } >/dev/null 2>&1",
             locpath, locpath, locpath);
    if (system(cmd) != 0 || setenv("LOCPATH", locpath, 1) != 0 ||
        !setlocale(LC_NUMERIC, "sv_SE.UTF-8")) {
        fprintf(stderr, "sv_SE.UTF-8 not available: locale test skipped\n");
        return;
    }
    CHECK(strtod("0,5", NULL) == 0.5); /* the locale is in force */
    double v = 0;
    CHECK_INT(jarva__parse_double("0.5", '.', &v), 0);
    CHECK(v == 0.5);
    CHECK_INT(jarva__parse_double("3.1415926535897932", '.', &v), 0); /* via strtod */
    CHECK(v == 3.1415926535897932);
    CHECK_INT(jarva__parse_double("2,5e-310", ',', &v), 0);
    CHECK(v == 2.5e-310);
    CHECK_INT(jarva__parse_double("1,5", '.', &v), -1);
    setlocale(LC_NUMERIC, "C");
}

int main(void)
{
    test_utf8_check();
    test_encoding_names();
    test_parse_double();
    test_parse_long();
    test_locale_independence();
    return test_report();
}
