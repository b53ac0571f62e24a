/* test_adhoc_split.c: jarva estimate reads a large file in two parts on two
 * threads (adhoc/estimate_file_split.c, csv/csv_split.c). Every file here is
 * estimated twice, in one pass and split, and both must agree: counts and
 * domains exactly, estimates and SEs to 1e-12 (the partial sums of the two
 * parts round apart), error messages byte for byte. The one-pass numbers are
 * R's (tests/cli/test_estimate.sh, test_stats_reference.c); here the counts
 * per domain are also checked against what the generator wrote, and the
 * lines that errors name against the generator's own line count. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "estimate_file_parts.h"
#include "harness.h"

/* ---- a survey file built in memory ---- */

typedef struct text {
    char *s;
    size_t len, cap;
    long lines; /* complete lines so far: the next line's number is lines + 1 */
} text;

static void add(text *t, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof line)
        n = 0;
    if (t->len + (size_t)n + 1 > t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 1 << 16;
        while (cap < t->len + (size_t)n + 1)
            cap *= 2;
        char *s = realloc(t->s, cap);
        CHECK(s != NULL);
        if (!s)
            return;
        t->s = s;
        t->cap = cap;
    }
    memcpy(t->s + t->len, line, (size_t)n);
    t->len += (size_t)n;
    for (int i = 0; i < n; i++)
        t->lines += line[i] == '\n';
}

static const char *path_of(const char *name, const text *t)
{
    const char *path = test_tmp_path(name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        CHECK(fwrite(t->s, 1, t->len, f) == t->len);
        fclose(f);
    }
    return path;
}

#define AREAS 6
#define AGES 4
static const char *const areas[AREAS] = {
    "Akalla", "Hjulsta", "Husby", "Kista", "Rinkeby", "Tensta"
};
static const char *const ages[AGES] = { "16-29", "30-49", "50-64", "65-84" };

/* Respondent i: area, age group (indexes), stratum, weight (decimal
 * comma), answer (1-5, 9 = don't know, or empty). Deterministic, a little
 * uneven. */
typedef struct person {
    int area, age, stratum;
    char w[32], q[8];
} person;

static person respondent(size_t i)
{
    person p;
    uint64_t x = (uint64_t)i * UINT64_C(0x9E3779B97F4A7C15);
    p.area = (int)((x >> 11) % AREAS);
    p.age = (int)((x >> 23) % AGES);
    p.stratum = 1 + (int)((x >> 31) % 23);
    snprintf(p.w, sizeof p.w, "%u,%02u", 50 + (unsigned)((x >> 41) % 300),
             (unsigned)((x >> 7) % 100));
    unsigned k = (unsigned)((x >> 51) % 8);
    if (k < 5)
        snprintf(p.q, sizeof p.q, "%u", k + 1);
    else if (k == 5)
        snprintf(p.q, sizeof p.q, "9");
    else
        p.q[0] = '\0';
    return p;
}

/* Valid (1-5) answers per domain [area][age] as written, the n jarva must
 * find; area AREAS for the extra one. */
typedef struct counts {
    size_t n[AREAS + 1][AGES];
} counts;

/* Rows [from, to) of the standard kind into t, counted into c. */
static void add_rows(text *t, size_t from, size_t to, counts *c, const char *eol)
{
    for (size_t i = from; i < to; i++) {
        person p = respondent(i);
        add(t, "%zu;%s;%s;%d;%s;%s%s", i + 1, areas[p.area], ages[p.age], p.stratum, p.w, p.q, eol);
        if (c && p.q[0] >= '1' && p.q[0] <= '5')
            c->n[p.area][p.age]++;
    }
}

/* ---- one pass against two parts ---- */

static jarva_adhoc_options options(void)
{
    static const char *by[] = { "area", "age" };
    jarva_adhoc_options o = JARVA_ADHOC_OPTIONS_INIT;
    o.variable = "q";
    o.positive = "1,2";
    o.valid = "1,2,3,4,5";
    o.weight = "w";
    o.stratum = "stratum";
    o.by = by;
    o.by_count = 2;
    return o;
}

/* Estimates path in one pass and split at hint (0: the automatic middle):
 * the same return code and message, the same domains in the same order with
 * the same counts, estimates and SEs to 1e-12 (exactly when the split was
 * not used). The split result, for more checks, if out is given; the
 * number of parts used. */
static int compare(const char *path, const jarva_adhoc_options *o, uint64_t hint,
                   jarva_adhoc_result **out, char *message, size_t size)
{
    jarva_adhoc_result *one = NULL, *two = NULL;
    char err_one[1024], err_two[1024];
    int parts_one = 0, parts_two = 0;
    int rc_one =
        jarva__adhoc_estimate_parts(&one, path, o, UINT64_MAX, &parts_one, err_one, sizeof err_one);
    int rc_two =
        jarva__adhoc_estimate_parts(&two, path, o, hint, &parts_two, err_two, sizeof err_two);
    CHECK_INT(parts_one, 1);
    CHECK_INT(rc_two, rc_one);
    CHECK_STR(err_two, err_one);
    if (message)
        snprintf(message, size, "%s", err_two);
    if (one && two) {
        double tol = parts_two == 2 ? 1e-12 : 0;
        CHECK_INT(jarva_adhoc_result_count(two), jarva_adhoc_result_count(one));
        CHECK_INT(jarva_adhoc_result_respondents(two), jarva_adhoc_result_respondents(one));
        CHECK_INT(jarva_adhoc_result_valid(two), jarva_adhoc_result_valid(one));
        size_t nby = jarva_adhoc_result_by_count(one);
        for (size_t d = 0; d < jarva_adhoc_result_count(one); d++) {
            for (size_t c = 0; c < nby; c++)
                CHECK_STR(jarva_adhoc_result_value(two, d, c), jarva_adhoc_result_value(one, d, c));
            const jarva_estimate *a = jarva_adhoc_result_get(one, d);
            const jarva_estimate *b = jarva_adhoc_result_get(two, d);
            CHECK(a && b);
            if (!a || !b)
                continue;
            CHECK_INT(b->n, a->n);
            CHECK_INT(b->n_positive, a->n_positive);
            CHECK_REL(b->estimate, a->estimate, tol);
            CHECK_REL(b->se, a->se, tol);
            CHECK_REL(b->ci_low, a->ci_low, tol);
            CHECK_REL(b->ci_high, a->ci_high, tol);
            CHECK_REL(b->df, a->df, 0);
        }
    }
    jarva_adhoc_result_free(one);
    if (out)
        *out = two;
    else
        jarva_adhoc_result_free(two);
    return parts_two;
}

/* The n of the domain (area, age) in r, or -1 if it is not there. */
static long domain_n(const jarva_adhoc_result *r, const char *area, const char *age)
{
    for (size_t d = 0; r && d < jarva_adhoc_result_count(r); d++)
        if (!strcmp(jarva_adhoc_result_value(r, d, 0), area) &&
            !strcmp(jarva_adhoc_result_value(r, d, 1), age))
            return (long)jarva_adhoc_result_get(r, d)->n;
    return -1;
}

/* A file over JARVA__ADHOC_SPLIT_MIN is split at its middle without being
 * asked; an area and a stratum seen only in the second half are estimated
 * where one pass puts them (sorted, not by appearance). */
static void test_large_file(void)
{
    text t = { 0 };
    counts c = { 0 };
    add(&t, "sep=;\r\nid;area;age;stratum;w;q\r\n");
    size_t rows = 90000;
    add_rows(&t, 0, rows / 2, &c, "\r\n");
    for (size_t i = rows / 2; i < rows; i++) {
        add_rows(&t, i, i + 1, &c, "\r\n");
        if (i % 100 == 0) { /* only here: area Bromma, stratum 24 */
            add(&t, "x%zu;Bromma;%s;24;10,5;%d\r\n", i, ages[i / 100 % AGES], (int)(i % 7) + 1);
            c.n[AREAS][i / 100 % AGES] += i % 7 < 5; /* 6 and 7 are not valid */
        }
    }
    CHECK(t.len > JARVA__ADHOC_SPLIT_MIN);
    const char *path = path_of("adhoc_split_large.csv", &t);
    jarva_adhoc_options o = options();
    jarva_adhoc_result *r = NULL;
    CHECK_INT(compare(path, &o, 0, &r, NULL, 0), 2);
    CHECK_INT(jarva_adhoc_result_count(r), (AREAS + 1) * AGES);
    /* Bromma sorts after Akalla, as in one pass: by bytes, not by appearance. */
    CHECK_STR(jarva_adhoc_result_value(r, 0, 0), "Akalla");
    CHECK_STR(jarva_adhoc_result_value(r, AGES, 0), "Bromma");
    for (int k = 0; k < AREAS; k++)
        for (int g = 0; g < AGES; g++)
            CHECK_INT(domain_n(r, areas[k], ages[g]), (long)c.n[k][g]);
    for (int g = 0; g < AGES; g++)
        CHECK_INT(domain_n(r, "Bromma", ages[g]), (long)c.n[AREAS][g]);
    CHECK_INT(jarva_adhoc_result_respondents(r), rows + rows / 200);
    jarva_adhoc_result_free(r);

    /* Without strata and by columns (one stratum, one domain). */
    o.stratum = NULL;
    o.by_count = 0;
    CHECK_INT(compare(path, &o, 0, NULL, NULL, 0), 2);

    /* Below the size: one pass. */
    text small = { 0 };
    add(&small, "id;area;age;stratum;w;q\n");
    add_rows(&small, 0, 5000, NULL, "\n");
    CHECK(small.len < JARVA__ADHOC_SPLIT_MIN);
    o = options();
    CHECK_INT(compare(path_of("adhoc_split_small.csv", &small), &o, 0, NULL, NULL, 0), 1);
    free(t.s);
    free(small.s);
}

/* The offset of the first occurrence of needle in t (it must be there). */
static uint64_t offset_of(const text *t, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= t->len; i++)
        if (!memcmp(t->s + i, needle, n))
            return i;
    CHECK(!"needle in the file");
    return 0;
}

/* A quoted field holding a line break: when the split falls on it, the
 * first part cannot end a record there and reads the whole file; when not,
 * the second part reads the quoted break and counts its line. */
static void test_quoted_line_break(void)
{
    text t = { 0 };
    add(&t, "id;area;age;stratum;w;q;note\n");
    for (size_t i = 0; i < 8000; i++) {
        person p = respondent(i);
        if (i == 4000 || i == 6000)
            add(&t, "%zu;%s;%s;%d;%s;%s;\"first line\nsecond line %zu\"\n", i, areas[p.area],
                ages[p.age], p.stratum, p.w, p.q, i);
        else
            add(&t, "%zu;%s;%s;%d;%s;%s;\n", i, areas[p.area], ages[p.age], p.stratum, p.w, p.q);
    }
    const char *path = path_of("adhoc_split_quoted.csv", &t);
    jarva_adhoc_options o = options();
    /* The line feed inside row 4000's quotes is the split point: lost. */
    uint64_t inside = offset_of(&t, "first line\nsecond line 4000");
    CHECK_INT(compare(path, &o, inside, NULL, NULL, 0), 1);
    /* Just before the quote opens, the hint finds the same line feed. */
    CHECK_INT(compare(path, &o, inside - 3, NULL, NULL, 0), 1);
    /* After it: two parts, the second with row 6000's quoted break. */
    CHECK_INT(compare(path, &o, inside + 40, NULL, NULL, 0), 2);

    /* An error after a quoted line break in the second part names the
     * file's line: the generator's count. */
    text e = { 0 };
    long bad_line = 0;
    add(&e, "id;area;age;stratum;w;q;note\n");
    for (size_t i = 0; i < 8000; i++) {
        if (i == 6000)
            add(&e, "%zu;Husby;16-29;3;1,5;2;\"a\nb\"\n", i);
        if (i == 7000) {
            bad_line = e.lines + 1;
            add(&e, "%zu;Husby;16-29;3;abc;2;\n", i);
        } else {
            add(&e, "%zu;Kista;30-49;4;2,5;1;\n", i);
        }
    }
    char message[1024], want[64];
    const char *epath = path_of("adhoc_split_quoted_error.csv", &e);
    CHECK_INT(compare(epath, &o, e.len / 2, NULL, message, sizeof message), 1);
    snprintf(want, sizeof want, ".csv:%ld:5 (w): weight 'abc'", bad_line);
    CHECK_CONTAINS(message, want);
    free(t.s);
    free(e.s);
}

/* Errors: one in the second half names its line in the file (offset by the
 * first half's lines); with one in each half the first in the file wins;
 * a lonely stratum first seen in the second half names its line. */
static void test_errors(void)
{
    jarva_adhoc_options o = options();
    char message[1024], want[128];
    long line_first = 0, line_second = 0;
    for (int which = 0; which < 2; which++) {
        text t = { 0 };
        add(&t, "id;area;age;stratum;w;q\r\n");
        for (size_t i = 0; i < 12000; i++) {
            if (i == 9000) {
                line_second = t.lines + 1;
                add(&t, "%zu;Kista;30-49;4;-1;2\r\n", i); /* weight not positive */
            } else if (i == 2000 && which == 1) {
                line_first = t.lines + 1;
                add(&t, "%zu;Kista;30-49;4\r\n", i); /* ragged */
            } else {
                add_rows(&t, i, i + 1, NULL, "\r\n");
            }
        }
        const char *path = path_of("adhoc_split_errors.csv", &t);
        CHECK_INT(compare(path, &o, t.len / 2, NULL, message, sizeof message), 1);
        if (which == 0)
            snprintf(want, sizeof want, "adhoc_split_errors.csv:%ld:5 (w): weight '-1' is not",
                     line_second);
        else
            snprintf(want, sizeof want,
                     "adhoc_split_errors.csv:%ld:5 (w): ragged row: expected 6 fields", line_first);
        CHECK_CONTAINS(message, want);
        free(t.s);
    }

    /* Stratum 99: one respondent, in the second half, with a valid answer,
     * after a quoted line break there (the second part counts it). The
     * estimate reads the file in two parts and the check after the merge
     * names the line the second part saw, moved to the file's. */
    text t = { 0 };
    add(&t, "id;area;age;stratum;w;q\n");
    add_rows(&t, 0, 6000, NULL, "\n");
    add(&t, "\"x\ny\";Kista;30-49;5;2,5;1\n");
    add_rows(&t, 6000, 6100, NULL, "\n");
    long lonely_line = t.lines + 1;
    add(&t, "x;Kista;30-49;99;2,5;1\n");
    add_rows(&t, 6100, 9000, NULL, "\n");
    const char *path = path_of("adhoc_split_lonely.csv", &t);
    o.estimate.lonely_psu = JARVA_LONELY_PSU_FAIL;
    uint64_t hint = offset_of(&t, "\"x\ny\"") - 2000;
    CHECK_INT(compare(path, &o, hint, NULL, message, sizeof message), 2);
    snprintf(want, sizeof want, "adhoc_split_lonely.csv:%ld:4 (stratum): stratum '99' has",
             lonely_line);
    CHECK_CONTAINS(message, want);
    o.estimate.lonely_psu = JARVA_LONELY_PSU_ADJUST;
    CHECK_INT(compare(path, &o, hint, NULL, NULL, 0), 2);
    free(t.s);
}

/* The encoding is decided at the start, as in one pass, and the second part
 * reads by it; a second part that meets non-ASCII text before anything has
 * decided is thrown away (the first part decides, reading on). */
static void test_encodings(void)
{
    jarva_adhoc_options o = options();
    const char *by[] = { "område", "age" };
    char message[1024];
    /* 0: Windows-1252 in the header, 1: a UTF-8 BOM, both decided at the
     * start; 2: UTF-8, 3: Windows-1252, both met first in the second half,
     * where the second part cannot decide: one pass, unless given. */
    for (int kind = 0; kind < 4; kind++) {
        text t = { 0 };
        const char *header = "id;area;age;stratum;w;q\n";
        if (kind == 0)
            header = "id;omr\xE5"
                     "de;age;stratum;w;q\n";
        else if (kind == 1)
            header = "\xEF\xBB\xBFid;område;age;stratum;w;q\n";
        add(&t, "%s", header);
        add_rows(&t, 0, 6000, NULL, "\n");
        for (size_t i = 6000; i < 9000; i++) {
            add_rows(&t, i, i + 1, NULL, "\n");
            if (i % 50 == 0)
                add(&t, "%zu;%s;16-29;5;3,5;1\n", i, kind == 0 || kind == 3 ? "\xC4ngby" : "Ängby");
        }
        const char *path = path_of("adhoc_split_encoding.csv", &t);
        o.by = kind <= 1 ? by : options().by;
        o.encoding = JARVA_ENCODING_AUTO;
        jarva_adhoc_result *r = NULL;
        CHECK_INT(compare(path, &o, t.len / 2, &r, message, sizeof message), kind <= 1 ? 2 : 1);
        CHECK_STR(message, "");
        CHECK_INT(domain_n(r, "Ängby", "16-29"), 60);
        jarva_adhoc_result_free(r);
        if (kind >= 2) {
            o.encoding = kind == 2 ? JARVA_ENCODING_UTF8 : JARVA_ENCODING_CP1252;
            r = NULL;
            CHECK_INT(compare(path, &o, t.len / 2, &r, NULL, 0), 2);
            CHECK_INT(domain_n(r, "Ängby", "16-29"), 60);
            jarva_adhoc_result_free(r);
        }
        free(t.s);
    }

    /* UTF-16 is read in one pass. */
    text t = { 0 };
    add(&t, "id;area;age;stratum;w;q\n");
    add_rows(&t, 0, 4000, NULL, "\n");
    text u = { 0 };
    u.s = malloc(2 * t.len + 2);
    CHECK(u.s != NULL);
    if (u.s) {
        u.s[0] = (char)0xFF;
        u.s[1] = (char)0xFE;
        for (size_t i = 0; i < t.len; i++) {
            u.s[2 + 2 * i] = t.s[i];
            u.s[3 + 2 * i] = 0;
        }
        u.len = 2 * t.len + 2;
        o.by = options().by;
        CHECK_INT(compare(path_of("adhoc_split_utf16.csv", &u), &o, u.len / 2, NULL, NULL, 0), 1);
    }
    free(t.s);
    free(u.s);
}

/* The memo in front of the key table: two keys of one length that differ in
 * any one byte pack apart, and through the memo every key gets the id the
 * table alone gives, however the slots collide. */
static void test_memo(void)
{
    char a[9] = "abcdefgh", b[9];
    for (size_t len = 1; len <= 8; len++)
        for (size_t i = 0; i < len; i++) {
            memcpy(b, a, sizeof b);
            b[i] = 'z';
            CHECK(jarva__adhoc_pack(a, len) != jarva__adhoc_pack(b, len));
            CHECK(jarva__adhoc_pack(a, len) != 0);
        }
    jarva__keytab plain = { 0 }, behind = { 0 };
    jarva__adhoc_memo *memo = calloc(1, sizeof *memo);
    CHECK(memo != NULL);
    for (size_t i = 0; memo && i < 20000; i++) {
        char key[16];
        int n = snprintf(key, sizeof key, "%zx", (i * 7919) % 3001); /* 1-3 chars, repeated */
        if (i % 3 == 0)
            n = snprintf(key, sizeof key, "k%zu-%zu", i % 97, i % 5); /* 4-8 chars */
        if (i % 11 == 0)
            n = snprintf(key, sizeof key, "long key %zu", i % 13); /* past the memo */
        long want = jarva__keytab_add(&plain, key, (size_t)n);
        CHECK_INT(jarva__adhoc_memo_add(memo, &behind, key, (size_t)n), want);
    }
    CHECK_INT(behind.count, plain.count);
    jarva__keytab_free(&plain);
    jarva__keytab_free(&behind);
    free(memo);
}

int main(void)
{
    test_memo();
    test_large_file();
    test_quoted_line_break();
    test_errors();
    test_encodings();
    return test_report();
}
