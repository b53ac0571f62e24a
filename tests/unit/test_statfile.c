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

int main(void)
{
    test_first_case(DIR "trygghetsenkat-2025.sav");
    test_first_case(DIR "trygghetsenkat-2025.zsav");
    test_first_case(DIR "trygghetsenkat-2025.dta");
    test_first_case(DIR "trygghetsenkat-2025.sas7bdat");
    test_labels_and_missing(DIR "trygghetsenkat-2025.sav", 0);
    test_labels_and_missing(DIR "trygghetsenkat-2025.dta", 0);
    test_labels_and_missing(DIR "personalenkat-missing.sav", 1);
    test_user_missing();
    test_not_statfiles();
    return test_report();
}
