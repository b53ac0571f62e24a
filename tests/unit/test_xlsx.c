/* test_xlsx.c: the .xlsx reader on the hand-made workbooks of
 * tests/data/formats/make_xlsx.py, whose every cell is known from the XML the
 * script writes: inline and shared strings, a skipped cell, a gap in the row
 * numbers, 1904 dates, a formula and an error value (both refused, naming the
 * cell), and files that are not workbooks. */
#include <stdio.h>
#include <unistd.h>

#include "harness.h"
#include "xlsx_internal.h"

#define DIR JARVA_TEST_DATA_DIR "/formats/"

static void test_inline_and_shared(void)
{
    jarva__xlsx *x = NULL;
    jarva__error err = { 0 };
    CHECK_INT(jarva__xlsx_open(&x, DIR "inline.xlsx", NULL, &err), JARVA_OK);
    if (!x)
        return;
    CHECK_STR(jarva__xlsx_sheet(x), "Blad1");
    jarva__xlsx_row row;
    CHECK_INT(jarva__xlsx_next(x, &row, &err), 1);
    CHECK_INT(row.row, 1);
    CHECK_INT(row.ncells, 12);
    CHECK_STR(row.cells[0], "id");
    CHECK_STR(row.cells[11], "P8");
    CHECK_INT(jarva__xlsx_next(x, &row, &err), 1);
    CHECK_INT(row.row, 2);
    CHECK_STR(row.cells[0], "1");
    CHECK_STR(row.cells[2], "Utbildningsförvaltningen"); /* shared string 0 */
    CHECK_STR(row.cells[3], "medarbetare");              /* inline */
    CHECK(row.cells[5] == NULL);                         /* F2 is not in the file */
    CHECK_STR(row.cells[6], "2");
    CHECK_INT(jarva__xlsx_next(x, &row, &err), 1);
    CHECK_STR(row.cells[2], "Järva stadsdelsförvaltning"); /* shared string 1 */
    CHECK_INT(jarva__xlsx_next(x, &row, &err), 1);
    CHECK_INT(row.row, 4);
    CHECK_STR(row.cells[2], "Utbildningsförvaltningen"); /* inline with å, ö */
    CHECK_INT(jarva__xlsx_next(x, &row, &err), 1);
    CHECK_INT(row.row, 6); /* row 5 is not in the file */
    CHECK_STR(row.cells[4], "3");
    CHECK_INT(jarva__xlsx_next(x, &row, &err), 0);
    CHECK_INT(jarva__xlsx_next(x, &row, &err), 0);
    jarva__xlsx_close(x);
    jarva__freeerr(&err);
}

/* 1904 system: serial 44927 is 44927 days after 1904-01-01, 2027-01-02
 * (44927 = 365 * 123 + 31 leap days from 1904 to 2026, + 1). */
static void test_dates_1904(void)
{
    jarva__xlsx *x = NULL;
    jarva__error err = { 0 };
    CHECK_INT(jarva__xlsx_open(&x, DIR "dates-1904.xlsx", NULL, &err), JARVA_OK);
    if (!x)
        return;
    jarva__xlsx_row row;
    CHECK_INT(jarva__xlsx_next(x, &row, &err), 1);
    CHECK_INT(jarva__xlsx_next(x, &row, &err), 1);
    CHECK_STR(row.cells[0], "2027-01-02");
    CHECK_INT(jarva__xlsx_next(x, &row, &err), 1);
    CHECK_STR(row.cells[0], "2027-01-02 12:00:00");
    jarva__xlsx_close(x);
    jarva__freeerr(&err);
}

static void expect_row_error(const char *path, const char *message)
{
    jarva__xlsx *x = NULL;
    jarva__error err = { 0 };
    CHECK_INT(jarva__xlsx_open(&x, path, NULL, &err), JARVA_OK);
    if (!x)
        return;
    jarva__xlsx_row row;
    int got;
    while ((got = jarva__xlsx_next(x, &row, &err)) == 1)
        ;
    CHECK_INT(got, JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, message);
    CHECK_INT(jarva__xlsx_next(x, &row, &err), JARVA_EFORMAT); /* and stays failed */
    jarva__xlsx_close(x);
    jarva__freeerr(&err);
}

static void test_refused_cells(void)
{
    expect_row_error(DIR "formula.xlsx", "formula.xlsx:Blad1!F3: the cell holds a formula (=E3)");
    expect_row_error(DIR "error-value.xlsx",
                     "error-value.xlsx:Blad1!G2: the cell holds the error value #N/A");
}

static void test_not_workbooks(void)
{
    jarva__xlsx *x = NULL;
    jarva__error err = { 0 };
    CHECK_INT(jarva__xlsx_open(&x, JARVA_SOURCE_DIR "/examples/data/polisens-utsatta-omraden.csv",
                               NULL, &err),
              JARVA_EFORMAT);
    CHECK(x == NULL);
    CHECK_CONTAINS(err.message, "not an Excel workbook");
    CHECK_INT(jarva__xlsx_open(&x, DIR "trygghetsenkat-2025.xlsx", "Blad9", &err), JARVA_ENOTFOUND);
    CHECK_CONTAINS(err.message, "no sheet 'Blad9' (the sheets: 'Blad1')");
    CHECK_INT(jarva__xlsx_open(&x, DIR "aktivitetslogg.xlsx", "AKTIVITETER", &err), JARVA_OK);
    if (x)
        CHECK_STR(jarva__xlsx_sheet(x), "Aktiviteter");
    jarva__xlsx_close(x);
    x = NULL;

    /* A workbook cut short: the zip's directory at its end is gone. */
    char path[] = "/tmp/jarva-xlsx-XXXXXX";
    int fd = mkstemp(path);
    FILE *in = fopen(DIR "trygghetsenkat-2025.xlsx", "rb");
    char buf[4096];
    size_t n = in ? fread(buf, 1, sizeof buf, in) : 0;
    CHECK(fd >= 0 && write(fd, buf, n) == (ssize_t)n);
    if (in)
        fclose(in);
    close(fd);
    CHECK_INT(jarva__xlsx_open(&x, path, NULL, &err), JARVA_EFORMAT);
    CHECK_CONTAINS(err.message, "not a readable zip archive");
    unlink(path);
    jarva__freeerr(&err);
}

static void test_cell_names(void)
{
    char b[32];
    jarva__xlsx_cell_name(b, sizeof b, 12, 2);
    CHECK_STR(b, "C12");
    jarva__xlsx_cell_name(b, sizeof b, 1, 25);
    CHECK_STR(b, "Z1");
    jarva__xlsx_cell_name(b, sizeof b, 7, 26);
    CHECK_STR(b, "AA7");
    jarva__xlsx_cell_name(b, sizeof b, 1048576, 16383);
    CHECK_STR(b, "XFD1048576");
}

int main(void)
{
    test_inline_and_shared();
    test_dates_1904();
    test_refused_cells();
    test_not_workbooks();
    test_cell_names();
    return test_report();
}
