/* test_csv_select.c: the reader with only some columns selected
 * (jarva__csv_select, the fast path of `jarva estimate`) against the reader
 * reading every field, which test_csv_reader.c checks against the fixture
 * generator's tables: every fixture and the files made here must give the
 * same records, lines, selected fields and errors (message and position),
 * whatever columns are selected. The files made here hold what the fast path
 * must hand back to the whole split: ragged rows, values beyond the last
 * column, records of empty fields, fields over the length limit, quoted
 * fields, and lines of every length around the 8-byte words it reads. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_reader.h"
#include "harness.h"

#define CSV_DIR JARVA_TEST_DATA_DIR "/csv/"

static int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t len = strlen(text), put = fwrite(text, 1, len, f);
    return fclose(f) == 0 && put == len ? 0 : -1;
}

static int same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Reads path twice, all fields and only columns[0..n), and compares; the
 * number of records read, or -1 when they differ (reported). */
static long compare_reads(const char *path, const jarva__csv_dialect *dialect,
                          const size_t *columns, size_t n)
{
    jarva__error err_all = { 0, NULL }, err_sel = { 0, NULL };
    jarva__csv_reader *all = NULL, *sel = NULL;
    int open_all = jarva__csv_open(&all, path, dialect, &err_all);
    int open_sel = jarva__csv_open(&sel, path, dialect, &err_sel);
    CHECK_INT(open_sel, open_all);
    long records = 0;
    int ok = open_all == open_sel;
    if (open_all == JARVA_OK && open_sel == JARVA_OK) {
        CHECK_INT(jarva__csv_select(sel, columns, n), JARVA_OK);
        for (;;) {
            jarva__csv_row a, s;
            int ga = jarva__csv_next(all, &a, &err_all);
            int gs = jarva__csv_next(sel, &s, &err_sel);
            if (ga != gs) {
                fprintf(stderr, "%s: record %ld: %d read all, %d selected (%s | %s)\n", path,
                        records + 1, ga, gs, err_all.message ? err_all.message : "",
                        err_sel.message ? err_sel.message : "");
                ok = 0;
                break;
            }
            if (ga < 0) {
                if (!same_text(err_all.message, err_sel.message)) {
                    fprintf(stderr, "%s: error '%s', selected '%s'\n", path, err_all.message,
                            err_sel.message);
                    ok = 0;
                }
                break;
            }
            if (ga == 0)
                break;
            records++;
            if (a.nfields != s.nfields || a.line != s.line) {
                fprintf(stderr, "%s: record %ld: %zu fields line %ld, selected %zu line %ld\n",
                        path, records, a.nfields, a.line, s.nfields, s.line);
                ok = 0;
                break;
            }
            for (size_t k = 0; k < n; k++) {
                size_t c = columns[k];
                if (c >= a.nfields)
                    continue;
                if (!same_text(a.fields[c], s.fields[c]) || a.lengths[c] != s.lengths[c] ||
                    jarva__csv_field_line(all, &a, c) != jarva__csv_field_line(sel, &s, c)) {
                    fprintf(stderr, "%s: record %ld column %zu: '%s', selected '%s'\n", path,
                            records, c, a.fields[c] ? a.fields[c] : "(null)",
                            s.fields[c] ? s.fields[c] : "(null)");
                    ok = 0;
                }
            }
            /* A field not selected is missing, or (a record split whole) as read. */
            for (size_t c = 0; c < s.nfields; c++)
                if (s.fields[c] && !same_text(a.fields[c], s.fields[c])) {
                    fprintf(stderr, "%s: record %ld column %zu differs\n", path, records, c);
                    ok = 0;
                }
        }
    } else if (!same_text(err_all.message, err_sel.message)) {
        ok = 0;
    }
    CHECK(ok);
    jarva__csv_close(all);
    jarva__csv_close(sel);
    jarva__freeerr(&err_all);
    jarva__freeerr(&err_sel);
    return ok ? records : -1;
}

/* Every fixture of the reader's tests, with a few selections each. */
static void test_fixtures(void)
{
    static const size_t first[] = { 0 }, second[] = { 1 }, some[] = { 2, 0 }, far[] = { 5, 40 };
    DIR *dir = opendir(CSV_DIR);
    CHECK(dir != NULL);
    if (!dir)
        return;
    size_t files = 0;
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 4, ".csv") != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s%s", CSV_DIR, e->d_name);
        compare_reads(path, NULL, first, 1);
        compare_reads(path, NULL, second, 1);
        compare_reads(path, NULL, some, 2);
        compare_reads(path, NULL, far, 2);
        files++;
    }
    closedir(dir);
    CHECK(files >= 40);
}

/* What the fast path declines, each with the whole split's answer. */
static void test_declined(void)
{
    static const size_t cols[] = { 1, 3 };
    const char *path = test_tmp_path("select_cases.csv");
    static const char *const cases[] = {
        /* a value beyond the last column: a ragged row at column 6 */
        "a;b;c;d;e\n1;2;3;4;5\n1;2;3;4;5;6\n",
        /* empty fields after the last column: dropped, no error */
        "a;b;c;d;e\n1;2;3;4;5;;\n6;7;8;9;10\n",
        /* too few fields */
        "a;b;c;d;e\n1;2;3;4;5\n1;2;3\n",
        /* a record of empty fields is skipped; one of blanks too */
        "a;b;c;d;e\n;;;;\n  ; ;\t;;\n1;;3;;5\n",
        /* the value only in a column not selected */
        "a;b;c;d;e\n;;;;5\n",
        /* quoted fields (libcsv), a quoted line break, spaces kept in quotes */
        "a;b;c;d;e\n1;\"x;y\";3;\" q \";5\n1;\"two\nlines\";3;4;5\n",
        /* blanks around values, tabs, a space-only field */
        "a;b;c;d;e\n 1 ; 2\t;  ;\t4 ;5  \n",
        /* a trailing delimiter in the header */
        "a;b;c;d;e;\n1;2;3;4;5\n1;2;3;4;5;\n",
        /* the header's empty column holding a value */
        "a;b;;d;e\n1;2;3;4;5\n",
        /* no final line break, CR LF and CR */
        "a;b;c;d;e\r\n1;2;3;4;5\r6;7;8;9;10\r\n11;12;13;14;15",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_INT(write_text(path, cases[i]), 0);
        if (compare_reads(path, NULL, cols, 2) < 0)
            fprintf(stderr, "  case %zu\n", i);
    }

    /* Records read, counted independently: 2 and 3 (cases 0, 3). */
    CHECK_INT(write_text(path, cases[3]), 0);
    CHECK_INT(compare_reads(path, NULL, cols, 2), 1);
    CHECK_INT(write_text(path, cases[1]), 0);
    CHECK_INT(compare_reads(path, NULL, cols, 2), 2);

    /* A field over the limit in a column not selected is still an error. */
    jarva__csv_dialect small = JARVA__CSV_DIALECT_INIT;
    small.max_field = 8;
    CHECK_INT(write_text(path, "a;b;c\n1;2;3\n1;2;123456789\n"), 0);
    static const size_t col0[] = { 0 };
    CHECK_INT(compare_reads(path, &small, col0, 1), 1); /* one record, then the error */
    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    jarva__csv_row row;
    CHECK_INT(jarva__csv_open(&r, path, &small, &err), JARVA_OK);
    CHECK_INT(jarva__csv_select(r, col0, 1), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(jarva__csv_next(r, &row, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, ":3:3 (c): a value longer than 8 bytes");
    jarva__csv_close(r);
    jarva__freeerr(&err);
}

/* The selected fields as the reader gives them, checked by hand, and lines of
 * every length from 1 to 40 bytes (the fast path reads 8 at a time). */
static void test_values_and_lengths(void)
{
    const char *path = test_tmp_path("select_values.csv");
    CHECK_INT(write_text(path, "id;x;y;z\n1; a ;;zz\n2;bb;c;\n"), 0);
    jarva__error err = { 0, NULL };
    jarva__csv_reader *r = NULL;
    jarva__csv_row row;
    static const size_t cols[] = { 1, 3 };
    CHECK_INT(jarva__csv_open(&r, path, NULL, &err), JARVA_OK);
    CHECK_INT(jarva__csv_select(r, cols, 2), JARVA_OK);
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_INT(row.nfields, 4);
    CHECK_INT(row.line, 2);
    CHECK_STR(row.fields[1], "a");
    CHECK_INT(row.lengths[1], 1);
    CHECK_STR(row.fields[3], "zz");
    CHECK(row.fields[0] == NULL && row.fields[2] == NULL); /* not selected, missing */
    CHECK_INT(jarva__csv_next(r, &row, &err), 1);
    CHECK_STR(row.fields[1], "bb");
    CHECK(row.fields[3] == NULL);
    CHECK_INT(jarva__csv_next(r, &row, &err), 0);
    jarva__csv_close(r);

    char text[4096];
    size_t used = (size_t)snprintf(text, sizeof text, "k;v;w\n");
    for (int len = 1; len <= 40; len++) {
        /* k = len as text, v = len letters, w = len % 3 spaces and "w" */
        char v[41];
        memset(v, 'a' + len % 26, (size_t)len);
        v[len] = '\0';
        used +=
            (size_t)snprintf(text + used, sizeof text - used, "%d;%s;%*sw\n", len, v, len % 3, "");
    }
    CHECK_INT(write_text(path, text), 0);
    static const size_t v_only[] = { 1 }, w_only[] = { 2 };
    CHECK_INT(compare_reads(path, NULL, v_only, 1), 40);
    CHECK_INT(compare_reads(path, NULL, w_only, 1), 40);
    jarva__freeerr(&err);
}

int main(void)
{
    test_fixtures();
    test_declined();
    test_values_and_lengths();
    return test_report();
}
