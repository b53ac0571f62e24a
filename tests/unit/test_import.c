/* test_import.c: the four import kinds against the real catalogue: identical
 * stored data from a UTF-8 and an Excel (Windows-1252, ';', decimal comma,
 * CRLF) export of the same wave, re-import recognised by SHA-256, --replace,
 * dry runs, published counts (the police list), and each class of bad input
 * refused with file:line:column and the database left as it was. */
#include <sqlite3.h>

#include "harness.h"
#include "test_db_helpers.h"
#include "import_internal.h"
#include "store_db.h"

#define DATA JARVA_TEST_DATA_DIR "/import/"

/* Every table's rows, in a fixed order, as one string: the logical content of
 * the database. batch ids and times are left out where asked, so that two
 * databases that imported the same data compare equal. */
static char *dump(jarva_db *db, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    out[0] = '\0';
    if (sqlite3_prepare_v2(db->sql, sql, -1, &stmt, NULL) != SQLITE_OK) {
        fprintf(stderr, "dump: %s\n", sqlite3_errmsg(db->sql));
        return out;
    }
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(stmt); c++) {
            const char *v = (const char *)sqlite3_column_text(stmt, c);
            size_t n = (v ? strlen(v) : 4) + 2;
            if (len + n + 1 > cap) {
                cap = 2 * (len + n + 1);
                out = realloc(out, cap);
            }
            len += (size_t)snprintf(out + len, cap - len, "%s%c", v ? v : "NULL",
                                    c + 1 < sqlite3_column_count(stmt) ? '|' : '\n');
        }
    }
    sqlite3_finalize(stmt);
    return out;
}

static const char *const RESPONSES =
    "SELECT row_no, respondent_id, year, area_id, organisation_id, role, stratum, "
    "printf('%.6f', weight), sex, age_group, "
    /* the answers in the order of the variables, through the answer view */
    "(SELECT group_concat(coalesce(code, 'null')) FROM (SELECT a.code FROM answer a "
    "JOIN batch_variable v ON v.batch_id = a.batch_id AND v.name = a.variable "
    "WHERE a.batch_id = response.batch_id AND a.respondent_id = response.respondent_id "
    "ORDER BY v.position)) FROM response ORDER BY row_no";

/* A digest of everything the database holds, for "unchanged" checks. */
static char *everything(jarva_db *db)
{
    return dump(
        db, "SELECT 'batch', count(*), group_concat(sha256) FROM batch "
            "UNION ALL SELECT 'response', count(*), group_concat(respondent_id) FROM response "
            "UNION ALL SELECT 'blocks', count(*), group_concat(hex(data)) FROM column_block "
            "UNION ALL SELECT 'codes', count(*), group_concat(value) FROM column_code "
            "UNION ALL SELECT 'variable', count(*), group_concat(name) FROM batch_variable "
            "UNION ALL SELECT 'published', count(*), group_concat(measure) FROM published_value "
            "UNION ALL SELECT 'activity', count(*), group_concat(type) FROM activity "
            "UNION ALL SELECT 'indicator', count(*), group_concat(id) FROM indicator");
}

static int import(jarva_db *db, const char *path, jarva_import_kind kind, int replace,
                  jarva_import_result *res)
{
    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    opts.kind = kind;
    opts.replace = replace;
    opts.catalog_dir = JARVA_SOURCE_DIR "/indicators";
    return jarva_import_file(res, db, path, &opts);
}

static void test_same_wave_two_dialects(void)
{
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    jarva_db *a = test_db_with_catalog("import_utf8.db");
    CHECK_INT(import(a, DATA "survey_2023_utf8.csv", JARVA_IMPORT_SURVEY, 0, &res), JARVA_OK);
    CHECK_INT(res.outcome, JARVA_IMPORTED);
    CHECK_INT(res.rows, 60);
    CHECK_INT(res.year, 2023);
    jarva_db *b = test_db_with_catalog("import_excel.db");
    CHECK_INT(import(b, DATA "survey_2023_excel.csv", JARVA_IMPORT_SURVEY, 0, &res), JARVA_OK);
    CHECK_INT(res.rows, 60);
    char *da = dump(a, RESPONSES), *db_ = dump(b, RESPONSES);
    CHECK(strlen(da) > 1000);
    CHECK_STR(da, db_);
    /* Spot checks against the generator's first row (make_import_fixtures.py,
     * seed 2023): respondent 1001 in Akalla; the file's "30–49" (en dash) is
     * stored as the mapping's code 30-49. */
    CHECK_CONTAINS(da, "2|1001|2023|akalla|NULL|NULL|Akalla norr|389.308000|K|30-49|");
    free(da);
    free(db_);
    char *va = dump(a, "SELECT position, name, source_column FROM batch_variable ORDER BY 1");
    CHECK_CONTAINS(va, "0|q_trygg_kvall|F12a\n");
    CHECK_CONTAINS(va, "8|q_sett_exempel|F32\n");
    free(va);
    /* The answer view turns the stored blocks back into one row per answer. */
    char *answer = dump(a, "SELECT code FROM answer WHERE respondent_id = '1001' "
                           "AND variable = 'q_trygg_kvall'");
    CHECK_STR(answer, "3\n");
    free(answer);
    jarva_db_close(a);
    jarva_db_close(b);
}

static void test_reimport_and_replace(void)
{
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    jarva_db *db = test_db_with_catalog("import_replace.db");
    CHECK_INT(import(db, DATA "survey_2023_utf8.csv", JARVA_IMPORT_SURVEY, 0, &res), JARVA_OK);
    int64_t first = res.batch_id;
    CHECK_INT(import(db, DATA "survey_2023_utf8.csv", JARVA_IMPORT_SURVEY, 0, &res), JARVA_OK);
    CHECK_INT(res.outcome, JARVA_UNCHANGED);
    CHECK_INT(res.batch_id, first);
    /* The same wave in a different file: refused, then swapped in on request. */
    char *before = everything(db);
    CHECK_INT(import(db, DATA "survey_2023_revised.csv", JARVA_IMPORT_SURVEY, 0, &res),
              JARVA_EEXISTS);
    CHECK_CONTAINS(jarva_errmsg(db), "--replace");
    char *after = everything(db);
    CHECK_STR(after, before);
    free(before);
    free(after);
    CHECK_INT(import(db, DATA "survey_2023_revised.csv", JARVA_IMPORT_SURVEY, 1, &res), JARVA_OK);
    CHECK_INT(res.outcome, JARVA_REPLACED);
    CHECK_INT(res.replaced_id, first);
    char *batches = dump(db, "SELECT count(*), min(file_name) FROM batch");
    CHECK_STR(batches, "1|survey_2023_revised.csv\n");
    free(batches);
    char *rows = dump(db, "SELECT count(*), count(DISTINCT batch_id) FROM response");
    CHECK_STR(rows, "60|1\n");
    free(rows);

    jarva_batch_list *list = NULL;
    CHECK_INT(jarva_batch_list_open(&list, db), JARVA_OK);
    CHECK_INT(jarva_batch_list_count(list), 1);
    const jarva_batch *b = jarva_batch_list_get(list, 0);
    CHECK_STR(b->file_name, "survey_2023_revised.csv");
    CHECK_INT(b->rows, 60);
    CHECK_INT(b->year, 2023);
    CHECK_INT(strlen(b->sha256), 64);
    int64_t id = b->id;
    jarva_batch_list_free(list);
    CHECK_INT(jarva_batch_remove(db, id), JARVA_OK);
    CHECK_INT(jarva_batch_remove(db, id), JARVA_ENOTFOUND);
    rows = dump(db, "SELECT count(*) FROM response");
    CHECK_STR(rows, "0\n");
    free(rows);
    jarva_db_close(db);
}

static void test_other_kinds(void)
{
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    jarva_db *db = test_db_with_catalog("import_kinds.db");
    CHECK_INT(import(db, DATA "staff_2024.csv", JARVA_IMPORT_STAFF, 0, &res), JARVA_OK);
    CHECK_INT(res.rows, 30);
    char *staff = dump(db, "SELECT organisation_id, count(*) FROM response GROUP BY 1 ORDER BY 1");
    CHECK_STR(staff, "jarva-sdf|10\npolisen-lpo-jarva|10\nsvenska-bostader|10\n");
    free(staff);

    CHECK_INT(import(db, DATA "table.csv", JARVA_IMPORT_TABLE, 0, &res), JARVA_OK);
    CHECK_INT(res.rows, 5);
    char *table = dump(db, "SELECT year, area_id, indicator_id, value, n, suppressed, "
                           "suppression_marker FROM published_value ORDER BY row_no");
    /* Percent in the file, proportions stored; "17 857" read with its space;
     * ".." kept as suppressed, not zero. */
    CHECK_STR(table, "2020|lpo-jarva|safe-evening-police|0.56|NULL|0|NULL\n"
                     "2022|lpo-jarva|safe-evening-police|0.64|NULL|0|NULL\n"
                     "2017|rinkeby-kista|worried-crime-city|0.21|NULL|0|NULL\n"
                     "2020|stockholm|worried-crime-city|0.09|17857|0|NULL\n"
                     "2020|spanga-tensta|worried-burglary-city|NULL|NULL|1|..\n");
    free(table);

    CHECK_INT(import(db, DATA "activities.csv", JARVA_IMPORT_ACTIVITIES, 0, &res), JARVA_OK);
    CHECK_INT(res.rows, 4);
    char *acts = dump(db, "SELECT date, organisation_id, audience_id, type, area_id, count, "
                          "reach, planned_date, delivered_date FROM activity ORDER BY row_no");
    /* Dates given as 2025-01-15, 15/2 2025, 1 mars 2025 and 20250320. */
    CHECK_STR(acts, "2025-01-15|jarva-sdf|residents|press_material|husby|1|NULL|NULL|NULL\n"
                    "2025-02-15|polisen-lpo-jarva|collaboration|report_delivered|NULL|1|NULL|"
                    "2025-02-10|2025-02-14\n"
                    "2025-03-01|svenska-bostader|partners|partner_forum|rinkeby|1|40|NULL|NULL\n"
                    "2025-03-20|jarva-sdf|residents|feedback_given|tensta|12|NULL|NULL|NULL\n");
    free(acts);
    jarva_db_close(db);
}

/* Counts: the police list as a count of Järva's areas, from a count column
 * or from a share column whose row links to a count indicator: stored as
 * plain numbers (2, not 0.02) with value_kind 'count', and computed as exact
 * counts without an interval. */
static void test_table_counts(void)
{
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    jarva_db *db = test_db_with_catalog("import_counts.db");
    const char *path = test_tmp_path("police_list.csv");
    FILE *f = fopen(path, "wb");
    fputs("survey,year,area,measure,count,note,source\n"
          "polisen-utsatta-omraden,2021,Järva,särskilt utsatt område,2,Husby och "
          "Rinkeby/Tensta,https://example.org/2021\n"
          "polisen-utsatta-omraden,2023,Husby,särskilt utsatt område,1,,\n"
          "polisen-utsatta-omraden,2025,Järva,särskilt utsatt område,..,,\n",
          f);
    fclose(f);
    CHECK_INT(import(db, path, JARVA_IMPORT_TABLE, 0, &res), JARVA_OK);
    CHECK_INT(res.rows, 3);
    CHECK_INT(res.unlinked, 0);
    path = test_tmp_path("mixed_table.csv");
    f = fopen(path, "wb");
    fputs("survey;year;area;measure;value_percent;n\r\n"
          "polisen-utsatta-omraden;2019;Järva;särskilt utsatt område;2;\r\n"
          "stockholm-stad-trygghetsmatning;2020;Rinkeby-Kista;ofta orolig för att utsättas "
          "för brott;11,5;\r\n",
          f);
    fclose(f);
    CHECK_INT(import(db, path, JARVA_IMPORT_TABLE, 0, &res), JARVA_OK);
    char *table = dump(db, "SELECT year, area_id, indicator_id, value_kind, value, suppressed, "
                           "suppression_marker, note FROM published_value ORDER BY id");
    CHECK_STR(table, "2021|jarva|police-list-areas|count|2.0|0|NULL|Husby och Rinkeby/Tensta\n"
                     "2023|husby|police-list-areas|count|1.0|0|NULL|NULL\n"
                     "2025|jarva|police-list-areas|count|NULL|1|..|NULL\n"
                     "2019|jarva|police-list-areas|count|2.0|0|NULL|NULL\n"
                     "2020|rinkeby-kista|worried-crime-city|share|0.115|0|NULL|NULL\n");
    free(table);
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK);
    char *est = dump(db, "SELECT year, area_id, value, ci_low, ci_high, "
                         "CASE WHEN suppressed THEN '' ELSE method END, suppressed "
                         "FROM estimate WHERE indicator_id = 'police-list-areas' "
                         "ORDER BY year, area_id");
    CHECK_STR(est, "2019|jarva|2.0|2.0|2.0|exact|0\n"
                   "2021|jarva|2.0|2.0|2.0|exact|0\n"
                   "2023|husby|1.0|1.0|1.0|exact|0\n"
                   "2025|jarva|NULL|NULL|NULL||1\n");
    free(est);
    jarva_db_close(db);
}

typedef struct bad_case {
    const char *name;
    jarva_import_kind kind;
    const char *content;
    const char *expect; /* in the message, after the file name */
    int status;
} bad_case;

#define SURVEY_HEADER                                                                              \
    "lopnr,ar,omrade,strata,vikt,kon,aldersgrupp,F12a,F14,F15,F20,F24,F25,F30,F31,F32\n"

static const bad_case bad_cases[] = {
    { "ragged", JARVA_IMPORT_SURVEY,
      SURVEY_HEADER "1,2023,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n2,2023,Husby,a,1,K\n",
      ":3:", JARVA_EFORMAT },
    { "quote", JARVA_IMPORT_SURVEY,
      SURVEY_HEADER "1,2023,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n2,2023,\"Husby,a,1\n",
      ":3:", JARVA_EFORMAT },
    { "missing_column", JARVA_IMPORT_SURVEY, "lopnr,ar,strata,vikt\n1,2023,a,1\n",
      ":1: missing column 'omrade'", JARVA_EFORMAT },
    { "unknown_area", JARVA_IMPORT_SURVEY,
      SURVEY_HEADER "1,2023,Husbyy,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n",
      ":2:3 (omrade): unknown area 'Husbyy' (did you mean 'Husby'?)", JARVA_EFORMAT },
    { "duplicate_id", JARVA_IMPORT_SURVEY,
      SURVEY_HEADER
      "7,2023,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n8,2023,Kista,a,1,K,16-29,1,2,1,1,1,1,1,1,"
      "1\n7,2023,Kista,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n",
      ":4:1 (lopnr): duplicate respondent id '7' (first on line 2)", JARVA_EFORMAT },
    { "year_range", JARVA_IMPORT_SURVEY,
      SURVEY_HEADER "1,1789,Husby,a,1,K,16-29,1,2,1,1,1,1,1,1,1\n",
      ":2:2 (ar): year '1789' is not a year", JARVA_EFORMAT },
    { "weight_zero", JARVA_IMPORT_SURVEY,
      SURVEY_HEADER "1,2023,Husby,a,0,K,16-29,1,2,1,1,1,1,1,1,1\n",
      ":2:5 (vikt): weight '0' is not a positive number", JARVA_EFORMAT },
    { "weight_text", JARVA_IMPORT_SURVEY,
      SURVEY_HEADER "1,2023,Husby,a,NaN,K,16-29,1,2,1,1,1,1,1,1,1\n",
      ":2:5 (vikt): weight 'NaN' is not a positive number", JARVA_EFORMAT },
    { "answer_code", JARVA_IMPORT_SURVEY,
      SURVEY_HEADER "1,2023,Husby,a,1,K,16-29,7,2,1,1,1,1,1,1,1\n",
      ":2:8 (F12a): answer code '7' for question 'q_trygg_kvall' is not one of 1,2,3,4,9",
      JARVA_EFORMAT },
    { "invalid_utf8", JARVA_IMPORT_SURVEY,
      "\xEF\xBB\xBF" SURVEY_HEADER "1,2023,Husby,s\xF6\x64,1,K,16-29,1,2,1,1,1,1,1,1,1\n",
      ":2:", JARVA_EFORMAT },
    { "table_unknown_column", JARVA_IMPORT_TABLE,
      "survey,year,area,measure,share,colour\ns,2020,Husby,m,50,red\n",
      ":1:6 (colour): unknown column", JARVA_EFORMAT },
    { "table_share", JARVA_IMPORT_TABLE, "survey,year,area,measure,share\ns,2020,Husby,m,150\n",
      ":2:5 (share): share '150' is not a percentage", JARVA_EFORMAT },
    { "table_count_fraction", JARVA_IMPORT_TABLE,
      "survey,year,area,measure,count\npolisen-utsatta-omraden,2021,Järva,särskilt utsatt "
      "område,2.5\n",
      ":2:5 (count): count '2.5' is not a whole number", JARVA_EFORMAT },
    { "table_count_negative", JARVA_IMPORT_TABLE,
      "survey,year,area,measure,value_percent\npolisen-utsatta-omraden,2021,Järva,särskilt "
      "utsatt område,-1\n",
      ":2:5 (value_percent): count '-1' is not a whole number", JARVA_EFORMAT },
    { "table_count_for_share", JARVA_IMPORT_TABLE,
      "survey,year,area,measure,count\nstockholm-stad-trygghetsmatning,2020,Rinkeby-Kista,ofta "
      "orolig för att utsättas för brott,11\n",
      ":2:5 (count): indicator 'worried-crime-city' is not a count", JARVA_EFORMAT },
    { "table_share_and_count", JARVA_IMPORT_TABLE,
      "survey,year,area,measure,share,count\ns,2020,Husby,m,50,3\n",
      ":2:6 (count): both a share and a count", JARVA_EFORMAT },
    { "table_no_value_column", JARVA_IMPORT_TABLE, "survey,year,area,measure\ns,2020,Husby,m\n",
      ":1: missing column 'share' (or 'count' for counts)", JARVA_EFORMAT },
    { "activity_date", JARVA_IMPORT_ACTIVITIES, "date,type\n2025-02-30,press_material\n",
      ":2:1 (date): '2025-02-30' is not a date", JARVA_EFORMAT },
    { "activity_org", JARVA_IMPORT_ACTIVITIES,
      "date,type,organisation\n2025-02-03,press_material,Polisen Järvaa\n",
      ":2:3 (organisation): unknown organisation", JARVA_EFORMAT },
    { "activity_type", JARVA_IMPORT_ACTIVITIES, "date,type\n2025-02-03,press_materal\n",
      ":2:2 (type): unknown activity type 'press_materal' (did you mean 'press_material'?)",
      JARVA_EFORMAT },
    { "empty", JARVA_IMPORT_SURVEY, "", "", JARVA_EFORMAT },
};

static void test_bad_inputs(void)
{
    jarva_db *db = test_db_with_catalog("import_bad.db");
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    CHECK_INT(import(db, DATA "table.csv", JARVA_IMPORT_TABLE, 0, &res), JARVA_OK);
    char *before = everything(db);
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        const bad_case *c = &bad_cases[i];
        char name[64];
        snprintf(name, sizeof name, "bad_%s.csv", c->name);
        const char *path = test_tmp_path(name);
        FILE *f = fopen(path, "wb");
        fputs(c->content, f);
        fclose(f);
        int rc = import(db, path, c->kind, 0, &res);
        if (rc != c->status)
            fprintf(stderr, "case %s: status %d, message: %s\n", c->name, rc, jarva_errmsg(db));
        CHECK_INT(rc, c->status);
        char expect[512];
        snprintf(expect, sizeof expect, "%s%s", name, c->expect);
        CHECK_CONTAINS(jarva_errmsg(db), expect);
        char *after = everything(db);
        CHECK_STR(after, before);
        free(after);
    }
    free(before);
    jarva_db_close(db);
}

/* A wave whose file has none of a question's mapped columns is refused for
 * the column the mapping names for its year (F12a from 2022), not only for
 * the first mapping row (F12, up to 2021). */
static void test_question_missing_in_later_wave(void)
{
    jarva_db *db = test_db_with_catalog("import_missing_question.db");
    const char *path = test_tmp_path("wave_2026.csv");
    FILE *f = fopen(path, "wb");
    fputs("lopnr,ar,omrade,strata,vikt,kon,aldersgrupp,F14,F15,F20,F24,F25,F30,F31,F32\n"
          "1,2026,Husby,a,1,K,16-29,1,1,1,1,1,1,1,1\n",
          f);
    fclose(f);
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    CHECK_INT(import(db, path, JARVA_IMPORT_SURVEY, 0, &res), JARVA_EFORMAT);
    CHECK_CONTAINS(jarva_errmsg(db), "missing column 'F12a' for question 'q_trygg_kvall'");
    /* A 2019 file lacking both is told about F12, the column of its years. */
    f = fopen(path, "wb");
    fputs("lopnr,ar,omrade,strata,vikt,kon,aldersgrupp,F14,F15,F20,F24,F25,F30,F31,F32\n"
          "1,2019,Husby,a,1,K,16-29,1,1,1,1,1,1,1,1\n",
          f);
    fclose(f);
    CHECK_INT(import(db, path, JARVA_IMPORT_SURVEY, 0, &res), JARVA_EFORMAT);
    CHECK_CONTAINS(jarva_errmsg(db), "missing column 'F12' for question 'q_trygg_kvall'");
    jarva_db_close(db);
}

/* Area names in a file meet the catalogue's as `jarva results --area` does:
 * case, å/a and separators folded. */
static void test_area_names_fold(void)
{
    jarva_db *db = test_db_with_catalog("import_fold.db");
    const char *path = test_tmp_path("fold.csv");
    FILE *f = fopen(path, "wb");
    fputs("survey,year,area,measure,share\n"
          "s,2020,spanga tensta,m,50\n"
          "s,2020,  RINKEBY/tensta ,m,40\n",
          f);
    fclose(f);
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    CHECK_INT(import(db, path, JARVA_IMPORT_TABLE, 0, &res), JARVA_OK);
    char *areas = dump(db, "SELECT area_id FROM published_value ORDER BY row_no");
    CHECK_STR(areas, "spanga-tensta\nrinkeby-tensta\n");
    free(areas);
    jarva_db_close(db);
}

static void test_error_list_is_capped(void)
{
    jarva_db *db = test_db_with_catalog("import_many.db");
    const char *path = test_tmp_path("many_errors.csv");
    FILE *f = fopen(path, "wb");
    fputs(SURVEY_HEADER, f);
    for (int i = 0; i < 50; i++)
        fprintf(f, "%d,2023,Husby,a,-1,K,16-29,1,2,1,1,1,1,1,1,1\n", i);
    fclose(f);
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    CHECK_INT(import(db, path, JARVA_IMPORT_SURVEY, 0, &res), JARVA_EFORMAT);
    const char *msg = jarva_errmsg(db);
    int lines = 0;
    for (const char *p = msg; *p; p++)
        lines += *p == '\n';
    CHECK_INT(lines, 20); /* 20 errors, then the count of the rest */
    CHECK_CONTAINS(msg, "... and 30 more errors");
    CHECK_CONTAINS(msg, "many_errors.csv:2:5 (vikt)");
    jarva_db_close(db);
}

static void test_dates(void)
{
    char iso[11];
    int year = 0;
    CHECK_INT(jarva__parse_date("2024-02-29", iso, &year), 0);
    CHECK_STR(iso, "2024-02-29");
    CHECK_INT(year, 2024);
    CHECK_INT(jarva__parse_date("2023-02-29", iso, &year), -1);
    CHECK_INT(jarva__parse_date("2025-02-30", iso, &year), -1);
    CHECK_INT(jarva__parse_date("31/12 2025", iso, &year), 0);
    CHECK_STR(iso, "2025-12-31");
    CHECK_INT(jarva__parse_date("1.3.2025", iso, &year), 0);
    CHECK_STR(iso, "2025-03-01");
    CHECK_INT(jarva__parse_date("7 okt 2025", iso, &year), 0);
    CHECK_STR(iso, "2025-10-07");
    CHECK_INT(jarva__parse_date("7 Oktober 2025", iso, &year), 0);
    CHECK_INT(jarva__parse_date("20251301", iso, &year), -1);
    CHECK_INT(jarva__parse_date("2025-01-01x", iso, &year), -1);
    CHECK_INT(jarva__parse_date("", iso, &year), -1);
}

int main(void)
{
    test_same_wave_two_dialects();
    test_reimport_and_replace();
    test_other_kinds();
    test_table_counts();
    test_bad_inputs();
    test_error_list_is_capped();
    test_question_missing_in_later_wave();
    test_area_names_fold();
    test_dates();
    return test_report();
}
