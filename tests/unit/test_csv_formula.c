/* test_csv_formula.c: OWASP's CSV-injection rule (jarva_csv_cell_is_formula)
 * and the RFC 4180 writer that applies it (jarva_csv_write_cell). The cases are
 * OWASP's examples ("CSV Injection": =, +, -, @, tab, CR) and the numbers a
 * jarva export holds (negative changes, exponents, decimal commas). */
#include "harness.h"
#include "jarva.h"

static void test_rule(void)
{
    static const struct {
        const char *cell;
        int formula;
    } cases[] = {
        { "=1+1", 1 },
        { "=HYPERLINK(\"http:x\").csv", 1 },
        { "+46 8 123 45", 1 },
        { "-2+3", 1 },
        { "@SUM(A1:A9)", 1 },
        { "\tcmd", 1 },
        { "\rcmd", 1 },
        { "-", 1 },
        { "+", 1 },
        { "-.", 1 },
        { "-1e", 1 },
        { "-inf", 1 },
        { "=", 1 },
        { "-0.5", 0 },
        { "+3", 0 },
        { "-12", 0 },
        { "-1e-05", 0 },
        { "+2.5E+10", 0 },
        { "-12,5", 0 },
        { "-.5", 0 },
        { "-5.", 0 },
        { "abc=1", 0 },
        { "1-2", 0 },
        { " =1", 0 },
        { "", 0 },
        { "Husby", 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = jarva_csv_cell_is_formula(cases[i].cell);
        if (got != cases[i].formula)
            fprintf(stderr, "case '%s'\n", cases[i].cell);
        CHECK_INT(got, cases[i].formula);
    }
    CHECK_INT(jarva_csv_cell_is_formula(NULL), 0);
}

/* What jarva_csv_write_cell writes for cell, with flags. */
static const char *written(const char *cell, char delimiter, unsigned flags)
{
    static char buf[256];
    memset(buf, 0, sizeof buf);
    FILE *f = fmemopen(buf, sizeof buf - 1, "w");
    CHECK(f != NULL);
    if (!f)
        return "";
    CHECK_INT(jarva_csv_write_cell(f, cell, delimiter, flags), 0);
    fclose(f);
    return buf;
}

static void test_writer(void)
{
    /* The file name: quoted for its quotes, and prefixed. */
    CHECK_STR(written("=HYPERLINK(\"http:x\").csv", ',', 0), "\"'=HYPERLINK(\"\"http:x\"\").csv\"");
    CHECK_STR(written("=HYPERLINK(\"http:x\").csv", ',', JARVA_CSV_RAW),
              "\"=HYPERLINK(\"\"http:x\"\").csv\"");
    CHECK_STR(written("@SUM(1)", ',', 0), "'@SUM(1)");
    CHECK_STR(written("-2+3", ',', JARVA_CSV_RAW), "-2+3");
    CHECK_STR(written("-0.25", ',', 0), "-0.25");
    CHECK_STR(written("a,b", ',', 0), "\"a,b\"");
    CHECK_STR(written("a,b", ';', 0), "a,b");
    CHECK_STR(written("a;b", ';', 0), "\"a;b\"");
    CHECK_STR(written("line\nbreak", ',', 0), "\"line\nbreak\"");
    CHECK_STR(written("\rx", ',', 0), "\"'\rx\"");
    CHECK_STR(written("\tx", ',', 0), "'\tx");
    CHECK_STR(written(NULL, ',', 0), "");
    CHECK_STR(written("Järva", ',', 0), "Järva");
    CHECK_INT(jarva_csv_write_cell(NULL, "x", ',', 0), -1);
}

int main(void)
{
    test_rule();
    test_writer();
    return test_report();
}
