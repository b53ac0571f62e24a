/* test_report.c: the effect report end to end. Renders the report from a
 * database filled with simulated data over several years and checks it with
 * poppler's tools where installed (skipped with a message otherwise): the
 * Swedish texts and numbers are there, poppler reports no syntax problem,
 * every font is embedded, the page count and "Sida N av M" agree, every page
 * renders, no two words overlap or leave the text frame, every indicator of
 * the catalogue appears and the notice is on every page. Then: identical
 * bytes from two runs and from SOURCE_DATE_EPOCH, and a golden SHA-256 of the
 * report of a database built from the committed import fixtures.
 *
 * The golden hash holds for Debian 12: libHaru 2.3.0, zlib 1.2.13 (the
 * streams are compressed), fonts-liberation 1.07.4 and the catalogue in
 * indicators/. A change to any of them, to the statistics or to the report's
 * layout changes it: check the new report by eye, then update GOLDEN_SHA256
 * with the hash the failure prints. */
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "poppler.h"
#include "jarva_internal.h"
#include "jarva/report.h"
#include "report_sample.h"
#include "sha256.h"
#include "store_db.h"

#define GOLDEN_SHA256 "7b860995e88d14520eaaaff89f117a5480dc949bcbcb86893bc69d4d16287240"
#define FIXED_TIME 1767225600LL /* 2026-01-01T00:00:00Z */
#define NOTICE "Simulerade exempeldata – inte verkliga resultat"

static jarva_db *new_db(const char *name)
{
    jarva_db *db = NULL;
    const char *path = test_tmp_path(name);
    char wal[4200];
    snprintf(wal, sizeof wal, "%s-wal", path);
    remove(wal);
    CHECK_INT(jarva_db_open(&db, path, JARVA_DB_CREATE), JARVA_OK);
    CHECK_INT(jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators"), JARVA_OK);
    return db;
}

/* A database of simulated data: survey waves 2019-2025 and the rest. */
static jarva_db *sample_db(void)
{
    jarva_db *db = new_db("report_sample.db");
    char dir[4096], err[512];
    snprintf(dir, sizeof dir, "%s", test_tmp_path("report_sample_data"));
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    CHECK(system(cmd) == 0);
    CHECK_INT(jarva__sample_write(dir, 80, 7, err, sizeof err), JARVA_OK);
    CHECK_INT(jarva__sample_import(db, dir), JARVA_OK);
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK); /* the report only reads */
    return db;
}

/* The committed import fixtures, with their import time fixed so that the
 * provenance table does not depend on when the test ran. */
static jarva_db *fixture_db(void)
{
    static const struct {
        const char *file;
        jarva_import_kind kind;
    } files[] = { { "survey_2023_excel.csv", JARVA_IMPORT_SURVEY },
                  { "table.csv", JARVA_IMPORT_TABLE },
                  { "activities.csv", JARVA_IMPORT_ACTIVITIES },
                  { "staff_2024.csv", JARVA_IMPORT_STAFF } };
    jarva_db *db = new_db("report_fixture.db");
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
        opts.kind = files[i].kind;
        jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
        char path[4096];
        snprintf(path, sizeof path, "%s/import/%s", JARVA_TEST_DATA_DIR, files[i].file);
        CHECK_INT(jarva_import_file(&res, db, path, &opts), JARVA_OK);
    }
    CHECK_INT(jarva__exec(db, "UPDATE batch SET imported_at = '2025-12-15T09:30:00Z'"), JARVA_OK);
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK); /* the report only reads */
    return db;
}

/* Word boxes from pdftotext -bbox: on each page no two words may overlap
 * (boxes shrunk by a hair, since neighbours touch) and every word must lie
 * within the text frame (64 pt from each side). Returns the problems. */
static int check_layout(const char *path)
{
    const double left = 64.0, right = 595.276 - 64.0;
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "pdftotext -bbox '%s' - 2>/dev/null", path);
    char *html = capture(cmd);
    if (!html)
        return 1;
    typedef struct box {
        double x0, y0, x1, y1;
        char text[48];
    } box;
    box *words = NULL;
    size_t n = 0, cap = 0;
    int problems = 0, page = 0;
    for (char *line = html, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        char *w = strstr(line, "<word ");
        if (strstr(line, "<page ")) {
            page++;
            n = 0;
        } else if (w) {
            if (n == cap) {
                cap = cap ? cap * 2 : 512;
                box *bigger = realloc(words, cap * sizeof *words);
                if (!bigger)
                    break;
                words = bigger;
            }
            box *b = &words[n];
            int used = 0;
            if (sscanf(w, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%n", &b->x0,
                       &b->y0, &b->x1, &b->y1, &used) != 4)
                continue;
            const char *t = w + used, *e = strstr(t, "</word>");
            int len = e ? (int)(e - t) : 0;
            snprintf(b->text, sizeof b->text, "%.*s", len < 47 ? len : 47, t);
            if ((b->x0 < left - 0.5 || b->x1 > right + 0.5) && problems++ < 10)
                fprintf(stderr, "%s p%d: \"%s\" outside the frame (%.1f..%.1f)\n", path, page,
                        b->text, b->x0, b->x1);
            n++;
        }
        if (strstr(line, "</page>")) {
            for (size_t i = 0; i < n; i++)
                for (size_t j = i + 1; j < n; j++) {
                    const box *a = &words[i], *c = &words[j];
                    double sa = 0.12 * (a->y1 - a->y0), sc = 0.12 * (c->y1 - c->y0);
                    if (a->x0 + 0.3 < c->x1 - 0.3 && c->x0 + 0.3 < a->x1 - 0.3 &&
                        a->y0 + sa < c->y1 - sc && c->y0 + sc < a->y1 - sa && problems++ < 10)
                        fprintf(stderr, "%s p%d: \"%s\" overlaps \"%s\"\n", path, page, a->text,
                                c->text);
                }
            n = 0;
        }
    }
    free(words);
    free(html);
    return problems;
}

/* The page count from pdfinfo, 0 if unknown. */
static int pdf_pages(const char *path)
{
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>/dev/null", path);
    char *info = capture(cmd);
    const char *p = info ? strstr(info, "\nPages:") : NULL;
    int pages = p ? atoi(p + 7) : 0;
    free(info);
    return pages;
}

/* Poppler's verdict: no syntax message, every font embedded, every page
 * rendered, the document information set. Returns the page count. */
static int check_poppler(const char *path)
{
    char cmd[20000];
    snprintf(cmd, sizeof cmd, "pdftotext '%s' - 2>&1 >/dev/null", path);
    char *errors = capture(cmd);
    CHECK(errors && errors[0] == '\0');
    if (errors && errors[0])
        fprintf(stderr, "pdftotext: %s\n", errors);
    free(errors);
    snprintf(cmd, sizeof cmd, "pdffonts '%s' 2>&1 | tail -n +3", path);
    char *fonts = capture(cmd);
    int lines = 0;
    for (char *line = fonts; line && *line;) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (*line) {
            lines++;
            CHECK(strstr(line, "TrueType") && strstr(line, " yes yes "));
        }
        line = next;
    }
    CHECK_INT(lines, 2); /* Liberation Sans regular and bold */
    free(fonts);
    int pages = pdf_pages(path);
    CHECK(pages > 0);
    snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>&1", path);
    char *info = capture(cmd);
    CHECK_CONTAINS(info, "Title:           Effektrapport 2025 – Järvasamverkan");
    CHECK_CONTAINS(info, "Subject:         Uppföljning av kommunikationsplanens mätbara mål");
    CHECK_CONTAINS(info, "Producer:        libjarva");
    CHECK_CONTAINS(info, "Page size:       595.276 x 841.89 pts (A4)");
    free(info);
    /* Every page renders, and pdftoppm says nothing. */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", test_tmp_path("report_png"));
    snprintf(cmd, sizeof cmd,
             "rm -rf '%s' && mkdir -p '%s' && pdftoppm -r 12 -png '%s' '%s/p' 2>&1", dir, dir, path,
             dir);
    char *out = capture(cmd);
    CHECK(out && out[0] == '\0');
    free(out);
    snprintf(cmd, sizeof cmd, "ls '%s' | grep -c '\\.png$'", dir);
    out = capture(cmd);
    CHECK_INT(out ? atoi(out) : -1, pages);
    free(out);
    return pages;
}

static void test_sample_report(void)
{
    jarva_db *db = sample_db();
    char path[4096]; /* test_tmp_path's buffer is reused */
    snprintf(path, sizeof path, "%s", test_tmp_path("report_sample.pdf"));
    jarva_report_options opts = JARVA_REPORT_OPTIONS_INIT;
    opts.year = 2025;
    opts.creation_time = FIXED_TIME;
    opts.notice = NOTICE;
    /* Not computed yet: the report computes first. */
    int rc = jarva_report_write(db, &opts, path);
    CHECK_INT(rc, JARVA_OK);
    if (rc)
        fprintf(stderr, "report: %s\n", jarva_errmsg(db));
    jarva_result_list *all = NULL;
    CHECK_INT(jarva_result_list_open(&all, db, NULL), JARVA_OK);
    CHECK(jarva_result_list_count(all) > 100);
    jarva_result_list_free(all);
    if (rc || !have_poppler()) {
        jarva_db_close(db);
        return;
    }
    int pages = check_poppler(path);
    CHECK(pages >= 30);
    CHECK_INT(check_layout(path), 0);
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "pdftotext '%s' - 2>/dev/null", path);
    char *text = capture(cmd);
    CHECK(text != NULL);
    if (!text) {
        jarva_db_close(db);
        return;
    }
    /* The notice and the page number on every page (pages end with \f). */
    int page = 0;
    char expect[64];
    for (char *p = text, *end; p && *p; p = end ? end + 1 : NULL) {
        end = strchr(p, '\f');
        if (end)
            *end = '\0';
        if (!*p)
            continue;
        page++;
        snprintf(expect, sizeof expect, "Sida %d av %d", page, pages);
        CHECK_CONTAINS(p, expect);
        CHECK_CONTAINS(p, "Simulerade exempeldata");
        if (end)
            *end = ' ';
    }
    CHECK_INT(page, pages);
    squeeze(text);
    static const char *const expected[] = {
        "Effektrapport 2025",
        "Kommunikationsplan för lokal samverkansöverenskommelse Järva, planversion 2025",
        "Undertecknare: Järva stadsdelsförvaltning och Lokalpolisområde Järva.",
        "Järvas trygghetsenkät (2019, 2021, 2023, 2025)",
        "Datum 1 januari 2026",
        "Innehåll",
        "1 Sammanfattning",
        "Tabell 1. Målen och deras indikatorer till och med 2025",
        "2 Övergripande mål",
        "Mål 2: Tryggheten ökar i Järva.",
        "3 Målgrupp 1: Inom samverkansorganisationen",
        "4 Målgrupp 2:",
        "5 Målgrupp 3: Externt till invånare i Järva",
        "6 Målgrupp 4:",
        "7 Aktiviteter",
        "Aktiviteter per år",
        /* The breakdowns (report_breakdown.c), where a group may be shown. */
        ". Efter kön och åldersgrupp, Järva 2025",
        ". Efter organisation och roll, Järva 2025",
        "Kvinnor",
        "Antal svar",
        "Bilaga A. Om statistiken",
        "Taylorlinjärisering",
        "Bilaga B. Dataunderlag",
        "survey_2019.csv",
        "statistiskt säkerställd",
        "Seriebrott: jämför inte över linjen",
        "95 % konfidensintervall",
        "Figur 40.",
        "Utvecklingen i Järva 2019–2025",
        "Jämförelse mellan områden 2025",
        "Uppnått",
        "Inte på väg",
        "Inget mål att bedöma",
        /* The police list is a count with a series break in 2025. */
        "Antalet områden i Järva på polisens lista över särskilt utsatta områden var 3 år 2025. "
        "Tidigare värden jämförs inte eftersom serien bröts 2025.",
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        CHECK_CONTAINS(text, expected[i]);
    /* Every indicator of the catalogue appears by name. */
    jarva_indicator_list *inds = NULL;
    CHECK_INT(jarva_indicator_list_open(&inds, db, NULL), JARVA_OK);
    CHECK_INT(jarva_indicator_list_count(inds), 34);
    for (size_t i = 0; i < jarva_indicator_list_count(inds); i++) {
        char name[1024];
        snprintf(name, sizeof name, "%s", jarva_indicator_list_get(inds, i)->name_sv);
        squeeze(name);
        CHECK_CONTAINS(text, name);
    }
    jarva_indicator_list_free(inds);
    free(text);
    jarva_db_close(db);
}

/* 36 years of one indicator, written straight into the estimate table, with
 * a year 1900 too early for the chart (it shows the latest 60 years),
 * a suppressed year and a series break; very long names elsewhere. */
static void test_many_years_long_names(void)
{
    jarva_db *db = new_db("report_many.db");
    CHECK_INT(jarva__exec(db,
                          "WITH RECURSIVE y(year) AS (SELECT 1990 UNION ALL SELECT year + 1 FROM "
                          "y WHERE year < 2025) "
                          "INSERT INTO estimate(indicator_id, year, area_id, domain, n, "
                          "n_positive, value, se, ci_low, ci_high, df, n_eff, method, level, "
                          "suppressed, flags, computed_at) "
                          "SELECT 'safe-evening-survey', year, 'jarva', '', 800, 400, "
                          "0.4 + 0.006 * (year - 1990), 0.017, 0.4 + 0.006 * (year - 1990) - "
                          "0.033, 0.4 + 0.006 * (year - 1990) + 0.033, 700, 800, 'logit', 0.95, "
                          "0, 0, '2025-01-01T00:00:00Z' FROM y WHERE year <> 2003; "
                          "INSERT INTO estimate(indicator_id, year, area_id, domain, n, "
                          "suppressed, flags, method, level, computed_at) VALUES "
                          "('safe-evening-survey', 2003, 'jarva', '', 12, 1, 1, 'logit', 0.95, "
                          "'2025-01-01T00:00:00Z'), ('safe-evening-survey', 1900, 'jarva', '', "
                          "12, 1, 1, 'logit', 0.95, '2025-01-01T00:00:00Z');"
                          "INSERT INTO indicator_series_break(indicator_id, year) VALUES "
                          "('safe-evening-survey', 2010);"),
              JARVA_OK);
    CHECK_INT(jarva__exec(db, "UPDATE indicator SET name_sv = 'Andel som "
                              "Kommunikationsplansuppföljningsindikatorsberäkningsunderlagsdokument"
                              "ationssammanställning anger ' || name_sv || ' och dessutom ' || "
                              "name_sv || ' med en lång förklaring' WHERE id = "
                              "'worried-crime-survey'; "
                              "UPDATE goal SET text_sv = text_sv || ' ' || text_sv || ' ' || "
                              "text_sv WHERE id = 'g3';"),
              JARVA_OK);
    char path[4096];
    snprintf(path, sizeof path, "%s", test_tmp_path("report_many.pdf"));
    jarva_report_options opts = JARVA_REPORT_OPTIONS_INIT;
    opts.year = 2025;
    opts.creation_time = FIXED_TIME;
    CHECK_INT(jarva_report_write(db, &opts, path), JARVA_OK);
    jarva_db_close(db);
    if (!have_poppler())
        return;
    check_poppler(path);
    CHECK_INT(check_layout(path), 0);
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "pdftotext '%s' - 2>/dev/null", path);
    char *text = capture(cmd);
    if (!text)
        return;
    squeeze(text);
    CHECK_CONTAINS(text, "Utvecklingen i Järva 1990–2025");
    CHECK_CONTAINS(text, "För få svar för att redovisas: 2003.");
    CHECK_CONTAINS(text, "Seriebrott: jämför inte över linjen");
    /* 0.4 + 0.006 * 35 = 0.61; the comparison starts at the break. */
    CHECK_CONTAINS(text, "ökade från 52 % (2010, första jämförbara mätningen) till 61 % (2025).");
    CHECK_CONTAINS(text, "Kommunikationsplansuppföljnings");
    free(text);
}

static char *sha256_hex(const unsigned char *data, size_t size, char out[65])
{
    jarva__sha256 ctx;
    unsigned char digest[32];
    jarva__sha256_init(&ctx);
    jarva__sha256_update(&ctx, data, size);
    jarva__sha256_final(&ctx, digest);
    jarva__sha256_hex(digest, out);
    return out;
}

/* Two runs give the same bytes; SOURCE_DATE_EPOCH gives what the same time
 * given as an option gives; the fixture database gives the golden hash. */
static void test_reproducible(void)
{
    jarva_db *db = fixture_db();
    jarva_report_options opts = JARVA_REPORT_OPTIONS_INIT;
    opts.year = 2025;
    opts.creation_time = FIXED_TIME;
    unsigned char *a = NULL, *b = NULL, *c = NULL;
    size_t na = 0, nb = 0, nc = 0;
    CHECK_INT(jarva_report_render(&a, &na, db, &opts), JARVA_OK);
    CHECK_INT(jarva_report_render(&b, &nb, db, &opts), JARVA_OK);
    CHECK(na > 10000 && na == nb && a && b && memcmp(a, b, na) == 0);
    CHECK(a && memcmp(a, "%PDF-", 5) == 0);
    setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
    opts.creation_time = JARVA_REPORT_TIME_FROM_ENV;
    CHECK_INT(jarva_report_render(&c, &nc, db, &opts), JARVA_OK);
    unsetenv("SOURCE_DATE_EPOCH");
    CHECK(nc == na && c && a && memcmp(a, c, na) == 0);
    char hex[65];
    if (a) {
        sha256_hex(a, na, hex);
        if (strcmp(hex, GOLDEN_SHA256) != 0)
            fprintf(stderr,
                    "golden report hash %s, expected %s (see the top of this file; the report "
                    "is in %s)\n",
                    hex, GOLDEN_SHA256, test_tmp_path("report_golden.pdf"));
        CHECK_STR(hex, GOLDEN_SHA256);
        FILE *f = fopen(test_tmp_path("report_golden.pdf"), "wb");
        if (f) {
            fwrite(a, 1, na, f);
            fclose(f);
        }
    }
    jarva_free(a);
    jarva_free(b);
    jarva_free(c);
    jarva_db_close(db);
}

int main(void)
{
    test_sample_report();
    test_many_years_long_names();
    test_reproducible();
    return test_report();
}
