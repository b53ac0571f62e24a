/* test_statfile.c: the ReadStat reader on the files tests/data/formats/
 * make_sav.R writes, whose values are those of the example CSV (its first
 * row: 1;2025;Akalla;Akalla 30-49 år;27,5510;M;30-49;2;3;3;1;2;2;2;3;1) and
 * of the staff rows the script lists: variables, cases, user-missing
 * values, value labels (Stata's after the data), and stopping early. */
#include "harness.h"
#include "statfile_internal.h"

#define DIR JARVA_TEST_DATA_DIR "/formats/"

static void test_first_case(const char *file)
{
    jarva__statfile *f = NULL;
    jarva__error err = { 0 };
    CHECK_INT(jarva__statfile_open(&f, file, &err), JARVA_OK);
    if (!f) {
        fprintf(stderr, "%s\n", err.message);
        return;
    }
    CHECK_INT(jarva__statfile_nvars(f), 16);
    CHECK_STR(jarva__statfile_var_name(f, 0), "lopnr");
    CHECK_STR(jarva__statfile_var_name(f, 7), "F12a");
    jarva__statfile_row row;
    CHECK_INT(jarva__statfile_next(f, &row, &err), 1);
    CHECK_INT(row.case_no, 1);
    CHECK_STR(row.cells[0], "1");
    CHECK_STR(row.cells[1], "2025");
    CHECK_STR(row.cells[2], "Akalla");
    CHECK_STR(row.cells[3], "Akalla 30–49 år");
    CHECK_STR(row.cells[4], "27.551");
    CHECK_STR(row.cells[5], "M");
    CHECK_STR(row.cells[7], "2");
    CHECK_STR(row.cells[15], "1");
    CHECK_INT(jarva__statfile_next(f, &row, &err), 1);
    CHECK_INT(row.case_no, 2);
    CHECK_STR(row.cells[2], "Tensta");
    CHECK_STR(row.cells[4], "38.1579");
    /* Closed with the parser waiting to hand over case 3. */
    jarva__statfile_close(f);
    jarva__freeerr(&err);
}

static void test_labels_and_missing(const char *file, int expect_var_label)
{
    jarva__statfile *f = NULL;
    jarva__error err = { 0 };
    CHECK_INT(jarva__statfile_open(&f, file, &err), JARVA_OK);
    if (!f)
        return;
    jarva__statfile_row row;
    long cases = 0;
    int got;
    while ((got = jarva__statfile_next(f, &row, &err)) == 1)
        cases++;
    CHECK_INT(got, 0);
    if (expect_var_label) {
        CHECK_INT(cases, 4);
        CHECK_STR(jarva__statfile_var_label(f, 4), NULL);
    } else {
        CHECK_INT(cases, 1639);
        CHECK_STR(jarva__statfile_var_label(f, 7),
                  "Hur trygg känner du dig om du går ut ensam sent en kväll?");
    }
    size_t n = jarva__statfile_nlabels(f);
    int found = 0;
    for (size_t i = 0; i < n; i++) {
        size_t var;
        const char *code, *label;
        jarva__statfile_label(f, i, &var, &code, &label);
        if (!strcmp(jarva__statfile_var_name(f, var), expect_var_label ? "P1" : "F20") &&
            !strcmp(code, "9")) {
            CHECK_STR(label, expect_var_label ? "vet ej" : "vill ej svara");
            found++;
        }
    }
    CHECK_INT(found, 1);
    jarva__statfile_close(f);
    jarva__freeerr(&err);
}

static void test_user_missing(void)
{
    jarva__statfile *f = NULL;
    jarva__error err = { 0 };
    CHECK_INT(jarva__statfile_open(&f, DIR "personalenkat-missing.sav", &err), JARVA_OK);
    if (!f)
        return;
    jarva__statfile_row row;
    const char *p1[4] = { "1", "2", NULL, "3" }; /* 9 is declared missing */
    const char *p2[4] = { "2", "1", "4", NULL }; /* NA: system-missing */
    for (int i = 0; i < 4; i++) {
        CHECK_INT(jarva__statfile_next(f, &row, &err), 1);
        CHECK_STR(row.cells[4], p1[i]);
        CHECK_STR(row.cells[5], p2[i]);
    }
    CHECK_STR(row.cells[2], "Lokalpolisområde Järva");
    CHECK_INT(jarva__statfile_next(f, &row, &err), 0);
    jarva__statfile_close(f);
    jarva__freeerr(&err);
}

static void test_not_statfiles(void)
{
    jarva__statfile *f = NULL;
    jarva__error err = { 0 };
    /* A CSV file is not a .dta, whatever the name the caller goes by. */
    CHECK(jarva__statfile_kind(DIR "make_sav.R") == NULL);
    CHECK_STR(jarva__statfile_kind(DIR "trygghetsenkat-2025.zsav"), "sav");
    CHECK_STR(jarva__statfile_kind(DIR "trygghetsenkat-2025.dta"), "dta");
    CHECK_INT(jarva__statfile_open(&f, DIR "inline.xlsx", &err), JARVA_EFORMAT);
    CHECK(f == NULL);
    CHECK_CONTAINS(err.message, "inline.xlsx: not readable as an SPSS file");
    jarva__freeerr(&err);
}

/* Stored numbers converted by hand: 2023-11-14 is day 19675 after
 * 1970-01-01, so day 23328 after 1960-01-01 (3653 days later) and second
 * (19675 + 141428) * 86400 = 13919299200 after SPSS's 1582-10-14. */
static void check_date(const char *kind, const char *format, double v, const char *want)
{
    char out[64] = "";
    jarva__statfile_date d = jarva__statfile_date_kind(kind, format);
    int n = d.is_date ? jarva__statfile_date_text(&d, v, out, sizeof out) : 0;
    if (!want) {
        CHECK_INT(n, 0);
        return;
    }
    CHECK_INT(n, strlen(want));
    CHECK_STR(out, want);
    if (strcmp(out, want))
        fprintf(stderr, "  %s %s %.17g\n", kind, format, v);
}

static void test_dates(void)
{
    check_date("sav", "DATE11", 13919299200.0, "2023-11-14");
    check_date("por", "ADATE10", 13919299200.0, "2023-11-14");
    check_date("sav", "DATETIME20", 13919299200.0 + 10 * 3600 + 30 * 60, "2023-11-14 10:30:00");
    check_date("sav", "DATETIME20", 13919299200.0, "2023-11-14"); /* midnight */
    check_date("sav", "F8.2", 13919299200.0, NULL);
    check_date("sav", "TIME8", 3600, NULL); /* a duration */
    check_date("dta", "%td", 23328, "2023-11-14");
    check_date("dta", "%tdCCYY-NN-DD", 0, "1960-01-01");
    check_date("dta", "%-td", -1, "1959-12-31");
    check_date("dta", "%tc", 23328 * 86400000.0 + 37800000.0, "2023-11-14 10:30:00");
    check_date("dta", "%9.0g", 23328, NULL);
    check_date("dta", "%tm", 766, NULL); /* months: not read as a day */
    check_date("sas7bdat", "DATE9", 23328, "2023-11-14");
    check_date("xpt", "MMDDYY10.", 23328, "2023-11-14");
    check_date("sas7bdat", "yymmdd10", 23328, "2023-11-14");
    check_date("sas7bdat", "E8601DA", 23328.75, "2023-11-14");
    check_date("sas7bdat", "DATETIME20.", 23328 * 86400.0 + 59, "2023-11-14 00:00:59");
    check_date("sas7bdat", "BEST12", 23328, NULL);
    check_date("sas7bdat", "DATE9", 1e12, NULL); /* beyond year 9999 */
    check_date("sas7bdat", "DATE9", -1e12, NULL);
    check_date("sav", "", 1, NULL);
}

int main(void)
{
    test_dates();
    test_first_case(DIR "trygghetsenkat-2025.sav");
    test_first_case(DIR "trygghetsenkat-2025.zsav");
    test_first_case(DIR "trygghetsenkat-2025.dta");
    test_first_case(DIR "trygghetsenkat-2025.sas7bdat");
    test_first_case(DIR "trygghetsenkat-2025.xpt");
    test_labels_and_missing(DIR "trygghetsenkat-2025.sav", 0);
    test_labels_and_missing(DIR "trygghetsenkat-2025.dta", 0);
    test_labels_and_missing(DIR "personalenkat-missing.sav", 1);
    test_user_missing();
    test_not_statfiles();
    return test_report();
}
