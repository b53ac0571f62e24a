/* test_report_robust.c: the effect report on awkward databases and bad
 * calls. No data at all, one year, 36 years with a suppressed year and a
 * series break, very long names, all-suppressed indicators and missing
 * targets must each give a valid report that says so (checked with poppler
 * where installed: no syntax message, the expected words, no overlapping
 * text); bad options, an unwritable path, a missing font or catalogue must
 * give the documented status and a message. Also the English report, the
 * notice found from simulated file names, and that the report only reads.
 * (Many years and long names are in test_report.c, with the layout check.) */
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "poppler.h"
#include "jarva_internal.h"
#include "sha256.h"
#include "jarva/report.h"
#include "report_internal.h"
#include "store_db.h"

static jarva_db *catalogue_db(const char *name)
{
    jarva_db *db = NULL;
    CHECK_INT(jarva_db_open(&db, test_tmp_path(name), JARVA_DB_CREATE), JARVA_OK);
    CHECK_INT(jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators"), JARVA_OK);
    return db;
}

static void import(jarva_db *db, const char *file, jarva_import_kind kind)
{
    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    opts.kind = kind;
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    char path[4096];
    snprintf(path, sizeof path, "%s/import/%s", JARVA_TEST_DATA_DIR, file);
    CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_OK);
}

/* Renders into name and returns pdftotext's text, whitespace squeezed
 * (NULL without poppler or on failure). Checks poppler says nothing. */
static char *render(jarva_db *db, const jarva_report_options *opts, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s", test_tmp_path(name));
    int rc = jarva_report_write(db, opts, path);
    CHECK_INT(rc, JARVA_OK);
    if (rc) {
        fprintf(stderr, "%s: %s\n", name, jarva_errmsg(db));
        return NULL;
    }
    if (!have_poppler())
        return NULL;
    char cmd[8400];
    snprintf(cmd, sizeof cmd, "pdftotext '%s' /dev/null 2>&1", path);
    char *errors = capture(cmd);
    CHECK(errors && !errors[0]);
    free(errors);
    snprintf(cmd, sizeof cmd, "pdftotext '%s' - 2>/dev/null", path);
    char *text = capture(cmd);
    if (text)
        squeeze(text);
    return text;
}

static jarva_report_options fixed_options(int year)
{
    jarva_report_options opts = JARVA_REPORT_OPTIONS_INIT;
    opts.year = year;
    opts.creation_time = 1767225600;
    return opts;
}

static void test_no_data(void)
{
    jarva_db *db = catalogue_db("report_empty.db");
    jarva_report_options opts = fixed_options(0); /* no estimate: the plan's year */
    char *text = render(db, &opts, "report_empty.pdf");
    if (text) {
        CHECK_CONTAINS(text, "Effektrapport 2025");
        CHECK_CONTAINS(text, "Inga uppgifter finns ännu för rapportåret.");
        CHECK_CONTAINS(text, "Databasen innehåller ännu inga skattningar.");
        CHECK_CONTAINS(text, "Det finns inga data för indikatorn till och med 2025.");
        CHECK_CONTAINS(text, "inga data");
        CHECK_CONTAINS(text, "Det finns inga aktivitetsdata till och med 2025.");
        CHECK_CONTAINS(text, "Inga filer har importerats.");
        CHECK_CONTAINS(text, "och 34 saknar data");
    }
    free(text);
    jarva_db_close(db);
}

/* The committed fixtures: one survey year, published shares without n, a
 * suppressed published cell, all-suppressed staff indicators, indicators
 * without a target. */
static void test_one_year(void)
{
    jarva_db *db = catalogue_db("report_one_year.db");
    import(db, "survey_2023_excel.csv", JARVA_IMPORT_SURVEY);
    import(db, "table.csv", JARVA_IMPORT_TABLE);
    import(db, "staff_2024.csv", JARVA_IMPORT_STAFF);
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK);
    jarva_report_options opts = fixed_options(2024);
    char *text = render(db, &opts, "report_one_year.pdf");
    if (text) {
        CHECK_CONTAINS(text, "Effektrapport 2024");
        /* Published 56 % (2020) and 64 % (2022) without n, and the plan's
         * baseline is 64 % in 2022: the one baseline rule (issue 11) compares
         * nothing with 2020, and the text says why instead of claiming there
         * is no earlier value. */
        CHECK_CONTAINS(text, "Utgångsvärde: 64 % (2022, planens utgångsvärde)");
        CHECK_CONTAINS(text, "var 64 % år 2022. Osäkerheten kan inte anges eftersom antalet "
                             "svarande inte har publicerats. Planens utgångsvärde gäller 2022, "
                             "samma år som det senaste värdet, så ingen förändring sedan "
                             "utgångsvärdet kan redovisas ännu.");
        CHECK_CONTAINS(text, "KI saknas utgångsår 2022");
        /* 18 staff answered: suppressed, shown as such. */
        CHECK_CONTAINS(text, "Inget värde kan redovisas för 2024 eftersom för få svarade (färre "
                             "än 30 svar, eller färre än 3 på endera sidan).");
        CHECK_CONTAINS(text, "Indikatorn har inget målvärde.");
        CHECK_CONTAINS(text, "Inget mål att bedöma");
        CHECK_CONTAINS(text, ".. (2020)"); /* the source's own suppressed cell */
        CHECK_CONTAINS(text, "Jämförelse mellan områden 2023");
        CHECK_CONTAINS(text, ".. = för få svar för att redovisas");
    }
    free(text);
    /* The year defaults to the latest estimate's. */
    unsigned char *data = NULL;
    size_t size = 0;
    opts.year = 0;
    CHECK_INT(jarva_report_render(&data, &size, db, &opts), JARVA_OK);
    CHECK(size > 10000);
    jarva_free(data);
    jarva_db_close(db);
}

static void test_english_and_notice(void)
{
    jarva_db *db = catalogue_db("report_english.db");
    import(db, "survey_2023_excel.csv", JARVA_IMPORT_SURVEY);
    import(db, "activities.csv", JARVA_IMPORT_ACTIVITIES);
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK);
    /* A file named as simulated makes every page say so, notice or not. */
    CHECK_INT(jarva__exec(db, "UPDATE batch SET file_name = 'simulerade-trygghetsenkat-2023.csv' "
                              "WHERE kind = 'survey'"),
              JARVA_OK);
    jarva_report_options opts = fixed_options(2025);
    opts.lang = "en";
    char *text = render(db, &opts, "report_english.pdf");
    if (text) {
        CHECK_CONTAINS(text, "Effect report 2025");
        CHECK_CONTAINS(text, "1 Summary");
        CHECK_CONTAINS(text, "Page 1 of");
        CHECK_CONTAINS(text, "Appendix A. About the statistics");
        CHECK_CONTAINS(text, "Simulated example data – not real results");
        CHECK_CONTAINS(text, "1 January 2026");
    }
    free(text);
    jarva_db_close(db);
}

static void test_errors(void)
{
    CHECK_INT(jarva_report_write(NULL, NULL, "x.pdf"), JARVA_EINVAL);
    jarva_db *db = catalogue_db("report_errors.db");
    jarva_report_options opts = fixed_options(2025);
    CHECK_INT(jarva_report_write(db, &opts, NULL), JARVA_EINVAL);
    opts.version = 99;
    CHECK_INT(jarva_report_write(db, &opts, "x.pdf"), JARVA_EINVAL);
    CHECK_CONTAINS(jarva_errmsg(db), "version 99");
    opts = fixed_options(2025);
    opts.lang = "de";
    CHECK_INT(jarva_report_write(db, &opts, "x.pdf"), JARVA_EINVAL);
    CHECK_CONTAINS(jarva_errmsg(db), "\"de\"");
    opts = fixed_options(1800);
    CHECK_INT(jarva_report_write(db, &opts, "x.pdf"), JARVA_EINVAL);
    opts = fixed_options(2025);
    const char *bad = "/nonexistent-jarva-dir/effektrapport.pdf";
    CHECK_INT(jarva_report_write(db, &opts, bad), JARVA_EIO);
    CHECK_CONTAINS(jarva_errmsg(db), bad);
    CHECK(access(bad, F_OK) != 0);
    opts.font_dir = "/nonexistent-jarva-fonts";
    CHECK_INT(jarva_report_write(db, &opts, test_tmp_path("report_nofont.pdf")), JARVA_ENOTFOUND);
    CHECK_CONTAINS(jarva_errmsg(db), "LiberationSans");
    opts = fixed_options(2025);
    opts.creation_time = JARVA_REPORT_TIME_FROM_ENV;
    setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
    CHECK_INT(jarva_report_write(db, &opts, test_tmp_path("report_baddate.pdf")), JARVA_EINVAL);
    CHECK_CONTAINS(jarva_errmsg(db), "SOURCE_DATE_EPOCH");
    unsetenv("SOURCE_DATE_EPOCH");
    jarva_db_close(db);
    /* A database without a catalogue. */
    CHECK_INT(jarva_db_open(&db, test_tmp_path("report_nocat.db"), JARVA_DB_CREATE), JARVA_OK);
    CHECK_INT(jarva_report_write(db, NULL, test_tmp_path("report_nocat.pdf")), JARVA_ENOTFOUND);
    CHECK_CONTAINS(jarva_errmsg(db), "jarva init");
    jarva_db_close(db);
}

/* The SHA-256 of a file's bytes as 64 hex digits (the file must exist). */
static void file_hash(const char *path, char out[65])
{
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    jarva__sha256 ctx;
    jarva__sha256_init(&ctx);
    unsigned char buf[65536];
    size_t got;
    while (f && (got = fread(buf, 1, sizeof buf, f)) > 0)
        jarva__sha256_update(&ctx, buf, got);
    if (f)
        fclose(f);
    unsigned char digest[32];
    jarva__sha256_final(&ctx, digest);
    for (int i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

/* The report only reads (issue 12): estimates older than the latest import
 * are refused with JARVA_ESTALE, or reported as they are with allow_stale
 * (the cover says so); it never computes, a read-only handle is enough, and
 * the database file is byte-identical afterwards. */
static void test_only_reads(void)
{
    jarva_db *db = catalogue_db("report_stale.db");
    int stale = 1;
    CHECK_INT(jarva_estimates_stale(&stale, db), JARVA_OK);
    CHECK_INT(stale, 0); /* nothing imported */
    import(db, "survey_2023_excel.csv", JARVA_IMPORT_SURVEY);
    CHECK_INT(jarva_estimates_stale(&stale, db), JARVA_OK);
    CHECK_INT(stale, 1); /* imported, never computed */
    jarva_report_options opts = fixed_options(2023);
    unsigned char *data = NULL;
    size_t size = 0;
    CHECK_INT(jarva_report_render(&data, &size, db, &opts), JARVA_ESTALE);
    CHECK_CONTAINS(jarva_errmsg(db), "compute the estimates first");
    CHECK(data == NULL);
    CHECK_INT(jarva_estimates_stale(&stale, db), JARVA_OK);
    CHECK_INT(stale, 1); /* the report did not compute */
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK);
    CHECK_INT(jarva_estimates_stale(&stale, db), JARVA_OK);
    CHECK_INT(stale, 0);
    CHECK_INT(jarva__exec(db, "UPDATE estimate SET computed_at = '2000-01-01T00:00:00Z'"),
              JARVA_OK);
    CHECK_INT(jarva_estimates_stale(&stale, db), JARVA_OK);
    CHECK_INT(stale, 1); /* a batch newer than the estimates */
    jarva_db_close(db);

    /* On a read-only handle, with allow_stale: renders, says so, writes nothing. */
    char before[65], after[65], path[4096];
    const char *dir = getenv("JARVA_TEST_TMP");
    snprintf(path, sizeof path, "%s/report_stale.db", dir && *dir ? dir : "/tmp");
    file_hash(path, before);
    CHECK_INT(jarva_db_open(&db, path, JARVA_DB_READONLY), JARVA_OK);
    opts.allow_stale = 1;
    char *text = render(db, &opts, "report_stale.pdf");
    if (text)
        CHECK_CONTAINS(text, "importerats efter");
    free(text);
    CHECK_INT(jarva_estimates_stale(&stale, db), JARVA_OK);
    CHECK_INT(stale, 1);
    jarva_db_close(db);
    file_hash(path, after);
    CHECK_STR(after, before);
}

int main(void)
{
    test_no_data();
    test_one_year();
    test_english_and_notice();
    test_errors();
    test_only_reads();
    return test_report();
}
