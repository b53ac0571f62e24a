/* test_px.c: the PX parser on hand-written files whose every cell is known:
 * STUB/HEADING order, multi-line values, adjacent strings joined, CODES,
 * "-" as zero and one to six dots as no value, CODEPAGE (UTF-8,
 * iso-8859-1, windows-1252, none), languages skipped, unknown keywords
 * ignored, and the errors with their lines. */
#include <math.h>
#include <string.h>

#include "harness.h"
#include "px_internal.h"

static jarva__px *parse(const char *text, size_t len, jarva__error *err)
{
    jarva__px *px = NULL;
    jarva__freeerr(err);
    if (jarva__px_parse(&px, "t.px", (const unsigned char *)text, len, err) != JARVA_OK)
        return NULL;
    return px;
}

#define PARSE(text, err) parse(text, sizeof text - 1, err)

static void test_layout(void)
{
    /* STUB region (2) x kön (2), HEADING år (3): cell (r, k, y) is at
     * ((r * 2) + k) * 3 + y, the last HEADING variable fastest. */
    static const char text[] =
        "CHARSET=\"ANSI\";\nAXIS-VERSION=\"2013\";\nCODEPAGE=\"utf-8\";\n"
        "DECIMALS=1;\nMATRIX=\"BE0101\";\n"
        "TITLE=\"Befolkning efter region, \"\n\"kön och år\";\n"
        "TITLE[en]=\"Population\";\n"
        "CONTENTS=\"Andel\";\nUNITS=\"procent\";\n"
        "STUB=\"region\",\"kön\";\nHEADING=\"år\";\n"
        "VALUES(\"region\")=\"Rinkeby-Kista stadsdelsområde\",\n\"Spånga-Tensta\";\n"
        "VALUES[en](\"region\")=\"Rinkeby-Kista district\",\"Spanga-Tensta\";\n"
        "VALUES(\"kön\")=\"kvinnor\",\"män\";\n"
        "CODES(\"kön\")=\"2\",\"1\";\n"
        "VALUES(\"år\")=\"2019\",\"2021\",\"2023\";\n"
        "TIMEVAL(\"år\")=TLIST(A1),\"2019\",\"2021\",\"2023\";\n"
        "PRECISION(\"region\",\"Spånga-Tensta\")=2;\n"
        "X-UNKNOWN=\"anything\", 12, YES;\n"
        "SOURCE=\"SCB\";\n"
        "DATA=\n"
        "1.5 \"-\" \"..\"\n"
        "2,3,4\n"
        "\".\" \"...\" \"......\"\n"
        "10.25 1e1 -0.5;\n";
    jarva__error err = { 0 };
    jarva__px *px = PARSE(text, &err);
    CHECK(px != NULL);
    if (!px) {
        fprintf(stderr, "%s\n", err.message);
        return;
    }
    CHECK_STR(px->codepage, "utf-8");
    CHECK_STR(px->source, "SCB");
    CHECK_STR(px->matrix, "BE0101");
    CHECK_STR(px->units, "procent");
    CHECK_INT(px->decimals, 1);
    CHECK_INT(px->nvars, 3);
    CHECK_INT(px->nstub, 2);
    CHECK_STR(px->vars[0].name, "region");
    CHECK_INT(px->vars[0].nvalues, 2);
    CHECK_STR(px->vars[0].values[0], "Rinkeby-Kista stadsdelsområde"); /* not the [en] text */
    CHECK_STR(px->vars[0].values[1], "Spånga-Tensta");
    CHECK(px->vars[0].codes == NULL);
    CHECK_STR(px->vars[1].codes[0], "2");
    CHECK_STR(px->vars[2].values[2], "2023");
    CHECK_INT(px->ncells, 12);
    const jarva__px_cell *c = px->cells;
    CHECK(c[0].kind == JARVA__PX_NUMBER && c[0].value == 1.5 && c[0].line == 24);
    CHECK(c[1].kind == JARVA__PX_NIL && c[1].value == 0);
    CHECK(c[2].kind == JARVA__PX_MISSING && c[2].dots == 2 && isnan(c[2].value));
    CHECK(c[3].value == 2 && c[5].value == 4 && c[5].line == 25);
    CHECK(c[6].dots == 1 && c[7].dots == 3 && c[8].dots == 6);
    CHECK(c[9].value == 10.25 && c[10].value == 10 && c[11].value == -0.5 && c[11].line == 27);
    size_t idx[3];
    jarva__px_cell_indices(px, 7, idx); /* Spånga-Tensta, kvinnor, 2021 */
    CHECK_INT(idx[0], 1);
    CHECK_INT(idx[1], 0);
    CHECK_INT(idx[2], 1);
    jarva__px_free(px);
    jarva__freeerr(&err);
}

static void test_codepages(void)
{
    jarva__error err = { 0 };
    /* "Spånga" in iso-8859-1 (å = 0xE5) and windows-1252's en dash (0x96). */
    static const char latin1[] = "CODEPAGE=\"iso-8859-1\";\nSTUB=\"omr\xe5"
                                 "de\";\n"
                                 "VALUES(\"omr\xe5"
                                 "de\")=\"Sp\xe5nga \x96 Tensta\";\nDATA=\n7;\n";
    jarva__px *px = PARSE(latin1, &err);
    CHECK(px != NULL);
    if (px) {
        CHECK_STR(px->vars[0].name, "område");
        CHECK_STR(px->vars[0].values[0], "Spånga – Tensta");
        CHECK_INT(px->nstub, 1);
        CHECK(px->cells[0].value == 7);
    }
    jarva__px_free(px);
    static const char cp1252[] = "CODEPAGE=\"windows-1252\";\nHEADING=\"\xe5r\";\n"
                                 "VALUES(\"\xe5r\")=\"2025\";\nDATA=\n\"-\";\n";
    px = PARSE(cp1252, &err);
    CHECK(px != NULL && !strcmp(px->vars[0].name, "år") && px->nstub == 0);
    jarva__px_free(px);
    /* No CODEPAGE: UTF-8 when the file is, else iso-8859-1 (the spec's default). */
    static const char utf8[] = "HEADING=\"år\";\nVALUES(\"år\")=\"2025\";\nDATA=\n1;\n";
    px = PARSE(utf8, &err);
    CHECK(px != NULL && !strcmp(px->vars[0].name, "år"));
    jarva__px_free(px);
    static const char bare[] = "HEADING=\"\xe5r\";\nVALUES(\"\xe5r\")=\"2025\";\nDATA=\n1;\n";
    px = PARSE(bare, &err);
    CHECK(px != NULL && !strcmp(px->vars[0].name, "år") &&
          !strcmp(px->codepage, "iso-8859-1 (default)"));
    jarva__px_free(px);
    /* Said UTF-8, is not; said iso-8859-1, is UTF-8; a code page unknown. */
    static const char not_utf8[] = "CODEPAGE=\"utf-8\";\nHEADING=\"\xe5r\";\nDATA=1;\n";
    CHECK(PARSE(not_utf8, &err) == NULL);
    CHECK_CONTAINS(err.message, "t.px:2: invalid UTF-8 (CODEPAGE utf-8)");
    static const char wrong[] = "CODEPAGE=\"iso-8859-1\";\nHEADING=\"år\";\nDATA=1;\n";
    CHECK(PARSE(wrong, &err) == NULL);
    CHECK_CONTAINS(err.message, "t.px:2: CODEPAGE says iso-8859-1, but the file is UTF-8");
    static const char unknown[] = "CHARSET=\"ANSI\";\nCODEPAGE=\"ibm437\";\nDATA=1;\n";
    CHECK(PARSE(unknown, &err) == NULL);
    CHECK_CONTAINS(err.message, "t.px:2: CODEPAGE 'ibm437' is not one this reader knows");
    jarva__freeerr(&err);
}

static void test_errors(void)
{
    static const struct {
        const char *text;
        const char *message;
    } cases[] = {
        { "STUB=\"a\";\nVALUES(\"a\")=\"x\",\"y\";\nDATA=\n1;\n",
          "t.px:3: DATA has 1 cells, but the variables give 2 (2 a)" },
        { "STUB=\"a\";\nVALUES(\"a\")=\"x\";\nDATA=\n1 2;\n",
          "t.px:4: DATA has more cells than the 1 its variables' values give" },
        { "STUB=\"a\";\nVALUES(\"a\")=\"x\",\"y\";\nDATA=\n1\n",
          "t.px:5: the file ends inside DATA after 1 of its 2 cells (truncated?)" },
        { "STUB=\"a\";\nVALUES(\"a\")=\"x\",\n",
          "t.px:3: the file ends before the keyword's ';' (truncated?)" },
        { "STUB=\"a\";\nVALUES(\"a\")=\"x;\nDATA=1;\n",
          "t.px:2: a quoted value does not end on its line" },
        { "STUB=\"a\";\nDATA=1;\n", "t.px:2: variable 'a' of STUB has no VALUES(\"a\")" },
        { "STUB=\"a\";\nVALUES(\"a\")=\"x\";\nVALUES(\"b\")=\"x\";\nDATA=1;\n",
          "t.px:3: VALUES(\"b\") for a variable that is not in STUB or HEADING" },
        { "STUB=\"a\";\nSTUB=\"b\";\n", "t.px:2: STUB is given twice" },
        { "STUB=\"a\";\nVALUES(\"a\")=\"x\";\nKEYS(\"a\")=VALUES;\nDATA=1;\n",
          "t.px:3: KEYS (a table with only its non-zero rows) is not read" },
        { "STUB=\"a\";\nVALUES(\"a\")=\"x\";\nDATA=\nabc;\n",
          "t.px:4: DATA: cell 'abc' is not a number" },
        { "STUB=\"a\";\nVALUES(\"a\")=\"x\";\nDATA=\n\".......\";\n",
          "t.px:4: DATA: cell '.......' is not a number" },
        { "STUB=\"a\";\nVALUES(\"a\")=\"x\";\nDATA=1;\nNOTE=\"late\";\n",
          "t.px:4: text after DATA's closing ';'" },
        { "", "t.px:1: the file ends without DATA" },
        { "STUB=\"a\";\n= 3;\n", "t.px:2: expected a keyword" },
        { "DATA=1;\n", "t.px:1: DATA before STUB or HEADING" },
        { "STUB=\"a\";\nVALUES(\"a\")=\"x\";\nCODES(\"a\")=\"1\",\"2\";\nDATA=1;\n",
          "t.px:3: CODES(\"a\") has 2 codes for 1 values" },
        { "STUB=\"a\",\"a\";\nVALUES(\"a\")=\"x\";\nDATA=1;\n",
          "variable 'a' is twice in STUB and HEADING" },
    };
    jarva__error err = { 0 };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        jarva__px *px = parse(cases[i].text, strlen(cases[i].text), &err);
        CHECK(px == NULL);
        jarva__px_free(px);
        CHECK_INT(err.code, JARVA_EFORMAT);
        if (!err.message || !strstr(err.message, cases[i].message))
            fprintf(stderr, "case %zu: %s\n", i, err.message ? err.message : "(none)");
        CHECK_CONTAINS(err.message, cases[i].message);
    }
    jarva__freeerr(&err);
}

static void test_sniff(void)
{
    CHECK(jarva__px_sniff("tabell.PX", (const unsigned char *)"", 0));
    CHECK(jarva__px_sniff("export",
                          (const unsigned char *)"\xef\xbb\xbf"
                                                 "CHARSET=\"ANSI\";",
                          18));
    CHECK(jarva__px_sniff("export", (const unsigned char *)"AXIS-VERSION=\"2013\";", 20));
    CHECK(!jarva__px_sniff("table.csv", (const unsigned char *)"survey,year", 11));
}

int main(void)
{
    test_layout();
    test_codepages();
    test_errors();
    test_sniff();
    return test_report();
}
