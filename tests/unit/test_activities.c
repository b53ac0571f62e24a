/* test_activities.c: jarva_activity_list_open() gives back the activity log
 * as imported: tests/data/import/activities.csv (an Excel export whose four
 * rows are known by reading the file) listed whole, by type and by year, and
 * a filter of another version refused; a year counted from many logs is
 * linked to every one of them. */
#include <sqlite3.h>
#include <stdio.h>

#include "harness.h"
#include "jarva.h"
#include "jarva_internal.h"
#include "test_db_helpers.h"

#define DATA JARVA_TEST_DATA_DIR "/import/"

static jarva_db *imported(void)
{
    jarva_db *db = NULL;
    const char *path = test_tmp_path("activities.db");
    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    opts.kind = JARVA_IMPORT_ACTIVITIES;
    opts.catalog_dir = JARVA_SOURCE_DIR "/indicators";
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    if (jarva_db_open(&db, path, JARVA_DB_CREATE) != JARVA_OK ||
        jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators") != JARVA_OK ||
        jarva_import_file(&res, db, DATA "activities.csv", &opts) != JARVA_OK) {
        fprintf(stderr, "setup: %s\n", jarva_errmsg(db));
        exit(1);
    }
    return db;
}

static void test_all(jarva_db *db)
{
    jarva_activity_list *list = NULL;
    CHECK_INT(jarva_activity_list_open(&list, db, NULL), JARVA_OK);
    CHECK_INT((int)jarva_activity_list_count(list), 4);
    const jarva_activity *a = jarva_activity_list_get(list, 0);
    /* Row 1: 2025-01-15;Järva stadsdelsförvaltning;3;press_material;Husby;1;;;;Pressmeddelande … */
    CHECK_STR(a->date, "2025-01-15");
    CHECK_INT(a->year, 2025);
    CHECK_STR(a->organisation_id, "jarva-sdf");
    CHECK_STR(a->organisation_sv, "Järva stadsdelsförvaltning");
    CHECK_STR(a->audience_id, "residents");
    CHECK_STR(a->type, "press_material");
    CHECK_STR(a->area_id, "husby");
    CHECK_STR(a->area_name, "Husby");
    CHECK_INT((int)a->count, 1);
    CHECK_INT((int)a->reach, -1);
    CHECK_STR(a->description, "Pressmeddelande \xE2\x80\x93 ny lägesbild");
    /* Row 2 has no area but both dates; row 3 a reach of 40. */
    a = jarva_activity_list_get(list, 1);
    CHECK_STR(a->area_id, "");
    CHECK_STR(a->planned_date, "2025-02-10");
    CHECK_STR(a->delivered_date, "2025-02-14");
    CHECK_INT((int)jarva_activity_list_get(list, 2)->reach, 40);
    CHECK(jarva_activity_list_get(list, 4) == NULL);
    jarva_activity_list_free(list);
}

static void test_filters(jarva_db *db)
{
    jarva_activity_filter f = JARVA_ACTIVITY_FILTER_INIT;
    f.type = "feedback_given";
    jarva_activity_list *list = NULL;
    CHECK_INT(jarva_activity_list_open(&list, db, &f), JARVA_OK);
    CHECK_INT((int)jarva_activity_list_count(list), 1);
    const jarva_activity *a = jarva_activity_list_get(list, 0);
    CHECK(a != NULL);
    if (a) {
        CHECK_STR(a->date, "2025-03-20");
        CHECK_STR(a->area_name, "Tensta");
        CHECK_INT((int)a->count, 12);
        CHECK_STR(a->description, "Återkoppling på förslag");
    }
    jarva_activity_list_free(list);

    f.type = NULL;
    f.year_from = 2026;
    CHECK_INT(jarva_activity_list_open(&list, db, &f), JARVA_OK);
    CHECK_INT((int)jarva_activity_list_count(list), 0);
    jarva_activity_list_free(list);
    f.year_from = 2024;
    f.year_to = 2025;
    CHECK_INT(jarva_activity_list_open(&list, db, &f), JARVA_OK);
    CHECK_INT((int)jarva_activity_list_count(list), 4);
    jarva_activity_list_free(list);

    f.version = 99;
    list = (jarva_activity_list *)&f; /* must be reset to NULL */
    CHECK_INT(jarva_activity_list_open(&list, db, &f), JARVA_EINVAL);
    CHECK(list == NULL);
    CHECK_CONTAINS(jarva_errmsg(db), "version 99");
    CHECK_INT(jarva_activity_list_open(&list, NULL, NULL), JARVA_EINVAL);
    jarva_activity_list_free(NULL);
}

/* 20 logs of one press release each in 2025: jarva compute counts 20 and
 * links the estimate to all 20 batches it came from (it once kept 16). */
static void test_many_logs(void)
{
    enum { LOGS = 20 };
    jarva_db *db = NULL;
    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    opts.kind = JARVA_IMPORT_ACTIVITIES;
    opts.catalog_dir = JARVA_SOURCE_DIR "/indicators";
    CHECK_INT(jarva_db_open(&db, test_tmp_path("activities_many.db"), JARVA_DB_CREATE), JARVA_OK);
    CHECK_INT(jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators"), JARVA_OK);
    for (int i = 0; i < LOGS; i++) {
        const char *path = test_tmp_path("activities_many.csv");
        FILE *f = fopen(path, "w");
        CHECK(f != NULL);
        if (!f)
            break;
        fprintf(f,
                "datum;organisation;m\xC3\xA5lgrupp;typ;omr\xC3\xA5"
                "de;antal;"
                "r\xC3\xA4"
                "ckvidd;planerat;levererat;beskrivning\n"
                "2025-01-%02d;J\xC3\xA4rva stadsdelsf\xC3\xB6rvaltning;3;press_material;"
                "Husby;1;;;;Pressmeddelande %d\n",
                i + 1, i + 1);
        fclose(f);
        jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
        int rc = jarva_import_file(&res, db, path, &opts);
        CHECK_INT(rc, JARVA_OK);
        if (rc)
            fprintf(stderr, "import %d: %s\n", i, jarva_errmsg(db));
    }
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK);
    jarva_result_filter filter = { "press-material", 2025, "jarva", 0 };
    jarva_result_list *list = NULL;
    CHECK_INT(jarva_result_list_open(&list, db, &filter), JARVA_OK);
    CHECK_INT((int)jarva_result_list_count(list), 1);
    const jarva_result *r = jarva_result_list_get(list, 0);
    CHECK(r && r->estimate.estimate == LOGS);
    jarva_result_list_free(list);
    CHECK_INT((int)test_db_count(db, "SELECT count(*) FROM estimate_batch eb JOIN estimate e ON "
                                     "e.id = eb.estimate_id WHERE e.indicator_id = "
                                     "'press-material' AND e.year = 2025"),
              LOGS);
    jarva_db_close(db);
}

int main(void)
{
    jarva_db *db = imported();
    test_all(db);
    test_filters(db);
    jarva_db_close(db);
    test_many_logs();
    return test_report();
}
