/* test_adhoc.c: jarva_adhoc_estimate() through the library API: encodings and
 * dialects give the same numbers, computed by hand; argument checks; the
 * accessors; and the hash table of distinct values under growth.
 * tests/cli/test_estimate.sh compares the numbers with R. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "estimate_file_internal.h"
#include "harness.h"

static void write_file(const char *path, const void *bytes, size_t len)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f)
        return;
    CHECK(fwrite(bytes, 1, len, f) == len);
    fclose(f);
}

/* UTF-16LE with a byte-order mark, from ASCII or UTF-8 text (BMP only). */
static size_t to_utf16le(const char *text, unsigned char *out)
{
    size_t n = 0;
    out[n++] = 0xFF;
    out[n++] = 0xFE;
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        unsigned cp = *p++;
        if (cp >= 0xC0) /* two-byte sequences are all this test uses */
            cp = ((cp & 0x1F) << 6) | (*p++ & 0x3F);
        out[n++] = (unsigned char)(cp & 0xFF);
        out[n++] = (unsigned char)(cp >> 8);
    }
    return n;
}

/* Weights 1.5, 2.5, 1 and 4 with answers 1, 2, 1 and 9 (don't know) in
 * areas Å, Å, B, B: p(Å) = 1.5 / 4 = 0.375, p(B) = 1 (9 is not valid), one
 * stratum. Everyone: (1.5 + 1) / 5 = 0.5. */
static const char utf8_comma[] = "id,Område,w,q\n1,Å,1.5,1\n2,Å,2.5,2\n3,B,1,1\n4,B,4,9\n";
static const char semicolon_decimal_comma[] =
    "id;Område;w;q\r\n1;Å;1,5;1\r\n2;Å;2,5;2\r\n3;B;1;1\r\n4;B;4;9\r\n";

static void check_result(const jarva_adhoc_result *r)
{
    CHECK_INT(jarva_adhoc_result_count(r), 2);
    CHECK_INT(jarva_adhoc_result_by_count(r), 1);
    CHECK_STR(jarva_adhoc_result_by_name(r, 0), "Område"); /* as the file names it */
    CHECK_STR(jarva_adhoc_result_value(r, 0, 0), "B");     /* bytes: 'B' < 0xC3 */
    CHECK_STR(jarva_adhoc_result_value(r, 1, 0), "Å");
    CHECK_INT(jarva_adhoc_result_respondents(r), 4);
    CHECK_INT(jarva_adhoc_result_valid(r), 3);
    const jarva_estimate *b = jarva_adhoc_result_get(r, 0), *a = jarva_adhoc_result_get(r, 1);
    CHECK(a && b);
    if (!a || !b)
        return;
    CHECK_INT(b->n, 1);
    CHECK_REL(b->estimate, 1.0, 1e-15);
    CHECK_INT(a->n, 2);
    CHECK_INT(a->n_positive, 1);
    CHECK_REL(a->estimate, 0.375, 1e-15);
    CHECK(a->suppressed); /* 2 < min_n 30 */
    CHECK(jarva_adhoc_result_get(r, 2) == NULL);
    CHECK(jarva_adhoc_result_value(r, 0, 1) == NULL);
    CHECK(jarva_adhoc_result_by_name(r, 1) == NULL);
}

static void test_dialects(void)
{
    jarva_adhoc_options opts = JARVA_ADHOC_OPTIONS_INIT;
    const char *by[] = { "OMRÅDE" }; /* exact match fails, ASCII case folding too: see below */
    const char *by_ok[] = { " Område " };
    opts.variable = "q";
    opts.positive = "1";
    opts.valid = "1,2";
    opts.weight = "w";
    opts.by = by_ok;
    opts.by_count = 1;
    char err[512];
    unsigned char utf16[512];
    struct {
        const char *name;
        const void *bytes;
        size_t len;
        jarva_encoding encoding;
    } files[] = {
        { "adhoc_utf8.csv", utf8_comma, sizeof utf8_comma - 1, JARVA_ENCODING_AUTO },
        { "adhoc_semicolon.csv", semicolon_decimal_comma, sizeof semicolon_decimal_comma - 1,
          JARVA_ENCODING_AUTO },
        { "adhoc_utf16.csv", utf16, to_utf16le(semicolon_decimal_comma, utf16),
          JARVA_ENCODING_AUTO },
        { "adhoc_cp1252.csv",
          "id;Omr\xE5"
          "de;w;q\n1;\xC5;1,5;1\n2;\xC5;2,5;2\n3;B;1;1\n4;B;4;9\n",
          0, JARVA_ENCODING_CP1252 },
    };
    files[3].len = strlen(files[3].bytes);
    char utf8_path[4096] = "";
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        const char *path = test_tmp_path(files[i].name); /* removes the file: keep the name */
        if (i == 0)
            snprintf(utf8_path, sizeof utf8_path, "%s", path);
        write_file(path, files[i].bytes, files[i].len);
        opts.encoding = files[i].encoding;
        jarva_adhoc_result *r = NULL;
        int rc = jarva_adhoc_estimate(&r, path, &opts, err, sizeof err);
        CHECK_INT(rc, JARVA_OK);
        CHECK_STR(err, "");
        if (rc) {
            fprintf(stderr, "  %s: %s\n", files[i].name, err);
            continue;
        }
        check_result(r);
        jarva_adhoc_result_free(r);
    }

    /* Without by columns: one domain, everyone. */
    opts.by_count = 0;
    opts.encoding = JARVA_ENCODING_AUTO;
    jarva_adhoc_result *r = NULL;
    CHECK_INT(jarva_adhoc_estimate(&r, utf8_path, &opts, err, sizeof err), JARVA_OK);
    CHECK_INT(jarva_adhoc_result_count(r), 1);
    CHECK_INT(jarva_adhoc_result_by_count(r), 0);
    if (jarva_adhoc_result_get(r, 0))
        CHECK_REL(jarva_adhoc_result_get(r, 0)->estimate, 0.5, 1e-15);
    jarva_adhoc_result_free(r);

    /* Column names: case is folded for ASCII only, as jarva import does. */
    opts.by = by;
    opts.by_count = 1;
    r = (jarva_adhoc_result *)&opts; /* must be reset to NULL on failure */
    CHECK_INT(jarva_adhoc_estimate(&r, utf8_path, &opts, err, sizeof err), JARVA_EINVAL);
    CHECK(r == NULL);
    CHECK_CONTAINS(err, "adhoc_utf8.csv:1: no column 'OMRÅDE' (a domain)");
}

static void test_arguments(void)
{
    jarva_adhoc_options opts = JARVA_ADHOC_OPTIONS_INIT;
    const char *path = test_tmp_path("adhoc_args.csv");
    write_file(path, utf8_comma, sizeof utf8_comma - 1);
    jarva_adhoc_result *r = NULL;
    char err[256];
    CHECK_INT(jarva_adhoc_estimate(&r, path, NULL, err, sizeof err), JARVA_EINVAL);
    CHECK_INT(jarva_adhoc_estimate(NULL, path, &opts, err, sizeof err), JARVA_EINVAL);
    CHECK_INT(jarva_adhoc_estimate(&r, NULL, &opts, err, sizeof err), JARVA_EINVAL);
    CHECK_INT(jarva_adhoc_estimate(&r, path, &opts, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "no answer column");
    opts.variable = "q";
    CHECK_INT(jarva_adhoc_estimate(&r, path, &opts, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "no positive codes");
    opts.positive = " , ";
    CHECK_INT(jarva_adhoc_estimate(&r, path, &opts, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "no positive codes in ' , '");
    opts.positive = "1";
    opts.valid = "2,3";
    CHECK_INT(jarva_adhoc_estimate(&r, path, &opts, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "positive code '1' is not among the valid codes '2,3'");
    opts.valid = NULL;
    opts.version = 99;
    CHECK_INT(jarva_adhoc_estimate(&r, path, &opts, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "version 99");
    opts.version = JARVA_ADHOC_OPTIONS_VERSION;
    opts.estimate.level = 1.5;
    CHECK_INT(jarva_adhoc_estimate(&r, path, &opts, err, sizeof err), JARVA_EINVAL);
    opts.estimate.level = 0.95;
    opts.by_count = 2;
    CHECK_INT(jarva_adhoc_estimate(&r, path, &opts, err, sizeof err), JARVA_EINVAL);
    opts.by_count = 0;
    opts.encoding = (jarva_encoding)17;
    CHECK_INT(jarva_adhoc_estimate(&r, path, &opts, err, sizeof err), JARVA_EINVAL);
    opts.encoding = JARVA_ENCODING_AUTO;
    /* A short buffer gets a truncated, terminated message; NULL gets none. */
    opts.weight = "weight";
    char tiny[8];
    CHECK_INT(jarva_adhoc_estimate(&r, path, &opts, tiny, sizeof tiny), JARVA_EINVAL);
    CHECK_INT(strlen(tiny), 7);
    CHECK_INT(jarva_adhoc_estimate(&r, path, &opts, NULL, 0), JARVA_EINVAL);
    CHECK(r == NULL);
    opts.weight = NULL;
    CHECK_INT(jarva_adhoc_estimate(&r, path, &opts, NULL, 0), JARVA_OK);
    CHECK_INT(jarva_adhoc_result_respondents(r), 4);
    CHECK_INT(jarva_adhoc_result_valid(r), 4); /* without valid codes "9" is valid */
    jarva_adhoc_result_free(r);
    jarva_adhoc_result_free(NULL);
    CHECK(jarva_adhoc_result_count(NULL) == 0);
    CHECK(jarva_adhoc_result_get(NULL, 0) == NULL);
}

static void test_keytab(void)
{
    jarva__keytab t;
    memset(&t, 0, sizeof t);
    char key[32];
    int ok = 1;
    /* 20000 keys in a scrambled order, then each again: the same ids. */
    for (int round = 0; round < 2; round++)
        for (long i = 0; i < 20000; i++) {
            int len = snprintf(key, sizeof key, "k%ld", i * 7919 % 20000);
            ok &= jarva__keytab_add(&t, key, (size_t)len) == i;
            ok &= t.count == (size_t)(round ? 20000 : i + 1);
        }
    CHECK(ok);
    CHECK_INT(t.count, 20000);
    CHECK(t.nslots >= 2 * t.count);
    /* Keys are bytes: a NUL inside and the empty key are keys too. */
    CHECK_INT(jarva__keytab_add(&t, "a\0b", 3), 20000);
    CHECK_INT(jarva__keytab_add(&t, "a", 1), 20001);
    CHECK_INT(jarva__keytab_add(&t, "", 0), 20002);
    CHECK_INT(jarva__keytab_add(&t, "a\0b", 3), 20000);
    jarva__keytab_free(&t);
}

int main(void)
{
    test_dialects();
    test_arguments();
    test_keytab();
    return test_report();
}
