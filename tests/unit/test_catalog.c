/* test_catalog.c: the plan's catalogue: the real indicators/ loads with the
 * plan's structure (7 overall goals, 4 audiences, 6 principles, 5 priority
 * areas, an indicator for every goal), re-loading changes nothing and keeps
 * imported data, and each defect of tests/data/catalog/<case>/ is reported at
 * its file:line with the database left as it was. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_internal.h"
#include "harness.h"
#include "test_db_helpers.h"
#include "store_db.h"

#define REAL_CATALOG JARVA_SOURCE_DIR "/indicators"
#define CASES JARVA_TEST_DATA_DIR "/catalog/"

static jarva_db *fresh_db(const char *name)
{
    jarva_db *db = NULL;
    int rc = jarva_db_open(&db, test_tmp_path(name), JARVA_DB_CREATE);
    CHECK_INT(rc, JARVA_OK);
    return db;
}

static int exec(jarva_db *db, const char *sql)
{
    char *message = NULL;
    int rc = sqlite3_exec(db->sql, sql, NULL, NULL, &message);
    if (rc != SQLITE_OK)
        fprintf(stderr, "SQL failed: %s: %s\n", sql, message ? message : "");
    sqlite3_free(message);
    return rc;
}

/* Every row of every table as text, tables by name, rows in stored order: two
 * equal dumps mean nothing was written. Free the result. */
static char *dump(jarva_db *db)
{
    size_t len = 0, cap = 4096;
    char *out = malloc(cap);
    sqlite3_stmt *tables = NULL;
    out[0] = '\0';
    sqlite3_prepare_v2(db->sql,
                       "SELECT name FROM sqlite_schema WHERE type = 'table'"
                       " AND name NOT LIKE 'sqlite_%'"
                       /* where and when it was loaded from, not what */
                       " AND name <> 'catalog_origin' ORDER BY name",
                       -1, &tables, NULL);
    while (sqlite3_step(tables) == SQLITE_ROW) {
        char sql[256];
        snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", sqlite3_column_text(tables, 0));
        sqlite3_stmt *rows = NULL;
        sqlite3_prepare_v2(db->sql, sql, -1, &rows, NULL);
        while (sqlite3_step(rows) == SQLITE_ROW) {
            for (int c = 0; c <= sqlite3_column_count(rows); c++) {
                const char *text = c == 0 ? (const char *)sqlite3_column_text(tables, 0)
                                          : (const char *)sqlite3_column_text(rows, c - 1);
                size_t need = (text ? strlen(text) : 4) + 2;
                if (len + need + 1 > cap) {
                    cap = 2 * (len + need + 1);
                    out = realloc(out, cap);
                }
                len += (size_t)snprintf(out + len, cap - len, "%s%c", text ? text : "NULL",
                                        c == sqlite3_column_count(rows) ? '\n' : '|');
            }
        }
        sqlite3_finalize(rows);
    }
    sqlite3_finalize(tables);
    return out;
}

/* ---- the real catalogue ------------------------------------------------- */

static void check_area(jarva_db *db, const char *name, const char *want)
{
    jarva_area_list *areas = NULL;
    int rc = jarva_area_find(&areas, db, name);
    CHECK_INT(rc, JARVA_OK);
    if (rc == JARVA_OK) {
        CHECK_INT(jarva_area_list_count(areas), 1);
        CHECK_STR(jarva_area_list_get(areas, 0)->id, want);
    } else {
        fprintf(stderr, "  area '%s': %s\n", name, jarva_errmsg(db));
    }
    jarva_area_list_free(areas);
}

static void test_real_structure(jarva_db *db)
{
    jarva_plan plan = JARVA_PLAN_INIT;
    CHECK_INT(jarva_plan_get(&plan, db), JARVA_OK);
    CHECK_INT(plan.year, 2025);
    CHECK_STR(plan.title_sv, "Kommunikationsplan för lokal samverkansöverenskommelse Järva");
    /* A second call replaces the strings; both must be readable (ASan). */
    jarva_plan again = JARVA_PLAN_INIT;
    CHECK_INT(jarva_plan_get(&again, db), JARVA_OK);
    CHECK_STR(again.title_en, "Communication plan of the local collaboration agreement for Järva");

    jarva_goal_list *goals = NULL;
    CHECK_INT(jarva_goal_list_open(&goals, db), JARVA_OK);
    size_t overall = 0, communication = 0;
    for (size_t i = 0; i < jarva_goal_list_count(goals); i++) {
        const jarva_goal *g = jarva_goal_list_get(goals, i);
        if (g->kind == JARVA_GOAL_OVERALL) {
            overall++;
            CHECK(g->audience_id == NULL);
            /* Overall goals come first, in the plan's order g1..g7. */
            char id[32];
            snprintf(id, sizeof id, "g%zu", i + 1);
            CHECK_STR(g->id, id);
            CHECK_INT(g->position, (long long)i + 1);
        } else {
            communication++;
            CHECK(g->audience_id != NULL);
        }
        if (g->indicator_count < 1)
            fprintf(stderr, "  goal %s has no indicator\n", g->id);
        CHECK(g->indicator_count >= 1);
    }
    CHECK_INT(overall, 7);
    CHECK_INT(communication, 10);
    CHECK_STR(jarva_goal_list_get(goals, 7)->id, "c1-systematic-reporting");
    CHECK_STR(jarva_goal_list_get(goals, 7)->audience_id, "collaboration");
    CHECK(jarva_goal_list_get(goals, 99) == NULL);
    /* Every goal names the organisation that owns it (goals.csv's owner). */
    for (size_t i = 0; i < jarva_goal_list_count(goals); i++)
        CHECK(jarva_goal_list_get(goals, i)->owner_id != NULL);
    CHECK_STR(jarva_goal_list_get(goals, 0)->owner_id, "polisen-lpo-jarva");
    jarva_goal_list_free(goals);

    /* sources.csv: one name per source, what is simulated, the primary
     * publication of the published figures. */
    jarva_source_info_list *sources = NULL;
    CHECK_INT(jarva_source_info_list_open(&sources, db), JARVA_OK);
    CHECK_INT(jarva_source_info_list_count(sources), 8);
    const jarva_source_info *survey = jarva_source_info_find(sources, "jarva-trygghet");
    CHECK(survey && survey->simulated);
    CHECK_STR(survey ? survey->name_sv : "", "Järvas trygghetsenkät");
    const jarva_source_info *police =
        jarva_source_info_find(sources, "polisen-region-stockholm-trygghetsmatning");
    CHECK(police && !police->simulated);
    CHECK_INT(police ? police->reference_year : 0, 2022);
    CHECK_CONTAINS(police ? police->response_rate_sv : "", "38 %");
    CHECK(jarva_source_info_find(sources, "no-such-source") == NULL);
    jarva_source_info_list_free(sources);

    /* The plan's four audiences with 1, 4, 3 and 2 communication goals. */
    jarva_audience_list *audiences = NULL;
    CHECK_INT(jarva_audience_list_open(&audiences, db), JARVA_OK);
    CHECK_INT(jarva_audience_list_count(audiences), 4);
    static const char *const audience_ids[] = { "collaboration", "staff", "residents", "partners" };
    static const int audience_goals[] = { 1, 4, 3, 2 };
    for (size_t i = 0; i < 4 && i < jarva_audience_list_count(audiences); i++) {
        CHECK_STR(jarva_audience_list_get(audiences, i)->id, audience_ids[i]);
        CHECK_INT(jarva_audience_list_get(audiences, i)->goal_count, audience_goals[i]);
    }
    jarva_audience_list_free(audiences);

    jarva_principle_list *principles = NULL;
    CHECK_INT(jarva_principle_list_open(&principles, db), JARVA_OK);
    CHECK_INT(jarva_principle_list_count(principles), 6);
    CHECK_STR(jarva_principle_list_get(principles, 3)->id, "feedback");
    jarva_principle_list_free(principles);

    jarva_priority_area_list *priorities = NULL;
    CHECK_INT(jarva_priority_area_list_open(&priorities, db), JARVA_OK);
    CHECK_INT(jarva_priority_area_list_count(priorities), 5);
    CHECK_STR(jarva_priority_area_list_get(priorities, 4)->name_sv, "Våld i nära relation");
    jarva_priority_area_list_free(priorities);

    jarva_organisation_list *orgs = NULL;
    CHECK_INT(jarva_organisation_list_open(&orgs, db), JARVA_OK);
    CHECK_INT(jarva_organisation_list_count(orgs), 7);
    int signatories = 0;
    for (size_t i = 0; i < jarva_organisation_list_count(orgs); i++)
        signatories += jarva_organisation_list_get(orgs, i)->role == JARVA_ORG_SIGNATORY;
    CHECK_INT(signatories, 2);
    CHECK_STR(jarva_organisation_list_get(orgs, 0)->name_sv, "Järva stadsdelsförvaltning");
    CHECK_STR(jarva_organisation_list_get(orgs, 6)->name_sv, "Svenska Bostäder");
    jarva_organisation_list_free(orgs);
}

static void test_real_areas(jarva_db *db)
{
    jarva_area_list *areas = NULL;
    CHECK_INT(jarva_area_list_open(&areas, db), JARVA_OK);
    int in_jarva = 0, comparison = 0;
    for (size_t i = 0; i < jarva_area_list_count(areas); i++) {
        const jarva_area *a = jarva_area_list_get(areas, i);
        in_jarva += a->in_jarva;
        comparison += !a->in_jarva;
        if (strcmp(a->id, "jarva") == 0)
            CHECK_INT(a->kind, JARVA_AREA_WHOLE);
        if (strcmp(a->id, "lpo-jarva") == 0)
            CHECK_INT(a->kind, JARVA_AREA_POLICE_AREA);
        if (strcmp(a->id, "husby") == 0)
            CHECK_STR(a->parent_id, "rinkeby-kista");
    }
    /* Järva, LPO Järva, 2 former districts, 6 areas and Rinkeby/Tensta; the
     * city and the police region for comparison. */
    CHECK_INT(in_jarva, 11);
    CHECK_INT(comparison, 2);
    jarva_area_list_free(areas);

    /* Every area name in the published figures and the police list resolves. */
    check_area(db, "LPO Järva", "lpo-jarva");
    check_area(db, "Järva lokalpolisområde", "lpo-jarva");
    check_area(db, "lpo jarva", "lpo-jarva");
    check_area(db, "Stockholms stad", "stockholm");
    check_area(db, "STOCKHOLMS STAD", "stockholm");
    check_area(db, "Polisregion Stockholm", "polisregion-stockholm");
    check_area(db, "Rinkeby-Kista", "rinkeby-kista");
    check_area(db, "Spånga-Tensta", "spanga-tensta");
    check_area(db, "Spanga-Tensta", "spanga-tensta");
    check_area(db, "spånga tensta", "spanga-tensta"); /* only by folding */
    check_area(db, "Rinkeby/Tensta", "rinkeby-tensta");
    check_area(db, "Rinkeby-Tensta", "rinkeby-tensta");
    check_area(db, "Husby", "husby");
    check_area(db, "hjulsta", "hjulsta");
    check_area(db, "Järva", "jarva");
    check_area(db, "JÄRVA", "jarva"); /* NOCASE does not fold Ä; folding does */
    jarva_area_list *none = NULL;
    CHECK_INT(jarva_area_find(&none, db, "Södermalm"), JARVA_ENOTFOUND);
    CHECK_CONTAINS(jarva_errmsg(db), "no area 'Södermalm'");
    CHECK(none == NULL);
    /* One SQL lookup in area_alias also resolves ids and names (NOCASE). */
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM area_alias WHERE alias = 'lpo järva'"), 1);
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM area_alias WHERE alias = 'HUSBY'"), 1);
}

static const jarva_indicator *find(jarva_indicator_list **list, jarva_db *db, const char *id)
{
    *list = NULL;
    int rc = jarva_indicator_find(list, db, id);
    CHECK_INT(rc, JARVA_OK);
    return rc == JARVA_OK ? jarva_indicator_list_get(*list, 0) : NULL;
}

static void test_real_indicators(jarva_db *db)
{
    jarva_indicator_list *list = NULL;
    /* The police survey's published table: LPO Järva 64 % in 2022. */
    const jarva_indicator *ind = find(&list, db, "safe-evening-police");
    if (ind) {
        CHECK_STR(ind->goal_id, "g2");
        CHECK(ind->audience_id == NULL);
        CHECK_INT(ind->source_kind, JARVA_IMPORT_TABLE);
        CHECK_INT(ind->measure, JARVA_MEASURE_PROPORTION);
        CHECK_STR(ind->source, "polisen-region-stockholm-trygghetsmatning");
        CHECK_STR(ind->variable, "trygg ute sent en kväll i området");
        CHECK_INT(ind->direction, JARVA_HIGHER_IS_BETTER);
        CHECK_INT(ind->has_baseline, 1);
        CHECK_INT(ind->baseline_year, 2022);
        CHECK_REL(ind->baseline_value, 0.64, 1e-12);
        CHECK_INT(ind->target_year, 2027);
        CHECK_REL(ind->target_value, 0.71, 1e-12);
        CHECK_INT(ind->percent, 1);
        CHECK_STR(ind->unit, "%");
        CHECK_INT(ind->min_n, 30);
        CHECK_INT(ind->series_break_count, 0);
        CHECK_CONTAINS(ind->description_sv, "56 % 2020");
        CHECK_INT(ind->target_kind, JARVA_TARGET_PROPOSED);
        CHECK(ind->target_decision == NULL);
    }
    jarva_indicator_list_free(list);

    /* Goal 1: Järva areas on the police list, 2 in 2023, 0 by 2025, a series
     * break when the list changed method in 2025. */
    ind = find(&list, db, "police-list-areas");
    if (ind) {
        CHECK_STR(ind->goal_id, "g1");
        CHECK_INT(ind->measure, JARVA_MEASURE_COUNT);
        CHECK_STR(ind->source, "polisen-utsatta-omraden");
        CHECK_INT(ind->direction, JARVA_LOWER_IS_BETTER);
        CHECK_INT(ind->baseline_year, 2023);
        CHECK_REL(ind->baseline_value, 2, 0);
        CHECK_INT(ind->target_year, 2025);
        CHECK_REL(ind->target_value, 0, 0);
        CHECK_INT(ind->target_kind, JARVA_TARGET_DECIDED);
        CHECK_CONTAINS(ind->target_decision, "Kommunikationsplan");
        CHECK_INT(ind->percent, 0);
        CHECK_INT(ind->series_break_count, 1);
        if (ind->series_break_count == 1)
            CHECK_INT(ind->series_breaks[0], 2025);
    }
    jarva_indicator_list_free(list);

    ind = find(&list, db, "residents-know-cooperation");
    if (ind) {
        CHECK_STR(ind->goal_id, "c3-know-cooperation");
        CHECK_STR(ind->audience_id, "residents");
        CHECK_INT(ind->source_kind, JARVA_IMPORT_SURVEY);
        CHECK_STR(ind->source, "jarva-trygghet");
        CHECK_STR(ind->variable, "q_kanner_samverkan");
        CHECK_STR(ind->positive_codes, "1");
        CHECK_STR(ind->valid_codes, "1,2,3");
        CHECK_STR(ind->disaggregations, "area,sex,age_group");
        CHECK_INT(ind->has_baseline, 0);
    }
    jarva_indicator_list_free(list);

    ind = find(&list, db, "reports-on-time");
    if (ind) {
        CHECK_INT(ind->source_kind, JARVA_IMPORT_ACTIVITIES);
        CHECK_INT(ind->measure, JARVA_MEASURE_RATE);
        CHECK_STR(ind->event_type, "report_delivered");
        CHECK_STR(ind->counting_rule, "share_on_time");
        CHECK(ind->variable == NULL);
        CHECK_INT(ind->percent, 1);
        CHECK_INT(ind->min_n, 1);
    }
    jarva_indicator_list_free(list);

    ind = find(&list, db, "staff-meaningfulness");
    if (ind) {
        CHECK_INT(ind->measure, JARVA_MEASURE_MEAN);
        CHECK_INT(ind->percent, 0);
        CHECK_REL(ind->target_value, 4, 0);
    }
    jarva_indicator_list_free(list);

    /* A goal's list, and the errors for what does not exist. */
    CHECK_INT(jarva_indicator_list_open(&list, db, "g1"), JARVA_OK);
    CHECK_INT(jarva_indicator_list_count(list), 1);
    CHECK_STR(jarva_indicator_list_get(list, 0)->id, "police-list-areas");
    jarva_indicator_list_free(list);
    CHECK_INT(jarva_indicator_list_open(&list, db, NULL), JARVA_OK);
    CHECK(jarva_indicator_list_count(list) >= 17);
    CHECK_STR(jarva_indicator_list_get(list, 0)->id, "police-list-areas");
    jarva_indicator_list_free(list);
    CHECK_INT(jarva_indicator_list_open(&list, db, "g99"), JARVA_ENOTFOUND);
    CHECK_STR(jarva_errmsg(db), "no goal 'g99'");
    CHECK(list == NULL);
    CHECK_INT(jarva_indicator_find(&list, db, "nope"), JARVA_ENOTFOUND);
    CHECK_STR(jarva_errmsg(db), "no indicator 'nope'");
    CHECK(list == NULL);
}

/* Imported rows that refer to the catalogue: a batch of each kind. */
static const char imported[] =
    "INSERT INTO batch(id, kind, source, year, file_name, sha256, rows, imported_at, tool_version)"
    " VALUES (1, 'table', 'polisen', 2022, 'f.csv', 'aa', 1, '2025-01-01', '0.1.0'),"
    "        (2, 'survey', 'jarva-trygghet', 2025, 's.csv', 'bb', 1, '2025-01-01', '0.1.0');"
    /* survey and measure as the table import links them to the indicator
     * (a catalogue load derives the link from them again). */
    "INSERT INTO published_value(batch_id, row_no, indicator_id, survey, measure, year, area_id,"
    " value_kind, value) VALUES (1, 2, 'safe-evening-police',"
    " 'polisen-region-stockholm-trygghetsmatning', 'trygg ute sent en kväll i området', 2022,"
    " 'lpo-jarva', 'share', 0.64);"
    /* One respondent (schema 9: the view response reads the blocks): id 'r1'
     * on line 2, area husby, organisation jarva-sdf, weight 1.5 (IEEE bytes
     * 3ff8000000000000, little-endian). */
    "INSERT INTO column_block VALUES (2, -9, 0, 1, x'00000000020000007231'),"
    " (2, -8, 0, 1, x'02000000'), (2, -3, 0, 1, x'01'), (2, -6, 0, 1, x'01'),"
    " (2, -1, 0, 1, x'000000000000f83f');"
    "INSERT INTO column_code VALUES (2, -3, 1, 'husby'), (2, -6, 1, 'jarva-sdf');"
    "INSERT INTO activity(batch_id, row_no, date, year, organisation_id, audience_id, type,"
    " area_id) VALUES (1, 3, '2025-03-01', 2025, 'jarva-sdf', 'residents', 'press_material',"
    " 'husby');"
    "INSERT INTO estimate(indicator_id, year, area_id, value, computed_at)"
    " VALUES ('safe-evening-police', 2022, 'lpo-jarva', 0.64, '2025-01-02');"
    "INSERT INTO estimate_batch VALUES (1, 1);";

static void test_real_catalogue(void)
{
    jarva_db *db = fresh_db("catalog_real.db");
    int rc = jarva_catalog_load(db, REAL_CATALOG);
    CHECK_INT(rc, JARVA_OK);
    if (rc != JARVA_OK) {
        fprintf(stderr, "%s\n", jarva_errmsg(db));
        jarva_db_close(db);
        return;
    }
    CHECK_STR(jarva_errmsg(db), "");
    test_real_structure(db);
    test_real_areas(db);
    test_real_indicators(db);

    /* Re-loading the same catalogue writes nothing new and keeps what was
     * imported and computed. */
    CHECK_INT(exec(db, imported), SQLITE_OK);
    char *before = dump(db);
    CHECK_INT(jarva_catalog_load(db, REAL_CATALOG), JARVA_OK);
    char *after = dump(db);
    CHECK(strcmp(before, after) == 0);
    CHECK_INT(
        test_db_count(db, "SELECT count(*) FROM published_value WHERE indicator_id IS NOT NULL"),
        1);
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM estimate"), 1);
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM response"), 1);
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM activity"), 1);
    CHECK_INT(test_db_count(db, "PRAGMA foreign_key_check"), -1); /* no rows: no violation */
    free(before);
    free(after);
    jarva_db_close(db);
}

/* ---- the small catalogue and its defects -------------------------------- */

typedef struct bad_case {
    const char *dir;
    int code;
    const char *where; /* "file:line:" after the case's directory */
    const char *message;
} bad_case;

static const bad_case bad_cases[] = {
    { "duplicate-id", JARVA_EFORMAT, "goals.csv:6: ", "duplicate id 'g2' (first on line 3)" },
    { "unknown-audience", JARVA_EFORMAT, "goals.csv:4: ", "unknown audience 'nobody'" },
    { "unknown-owner", JARVA_EFORMAT,
      "goals.csv:3: ", "unknown owner organisation 'nobody' (not in organisations.csv)" },
    { "duplicate-source", JARVA_EFORMAT,
      "sources.csv:3: ", "duplicate id 'enkat' (first on line 2)" },
    { "unknown-goal", JARVA_EFORMAT, "indicators.csv:3: ", "unknown goal 'g9'" },
    { "unknown-alias-area", JARVA_EFORMAT, "area_aliases.csv:3: ", "unknown area 'north'" },
    { "unknown-parent", JARVA_EFORMAT, "areas.csv:4: ", "unknown parent area 'nowhere'" },
    { "bad-source-kind", JARVA_EFORMAT, "indicators.csv:2: ", "unknown source_kind 'poll'" },
    { "bad-measure", JARVA_EFORMAT, "indicators.csv:3: ", "unknown measure 'median'" },
    { "bad-direction", JARVA_EFORMAT, "indicators.csv:2: ", "unknown direction 'up'" },
    { "bad-goal-kind", JARVA_EFORMAT, "goals.csv:2: ", "unknown kind 'general'" },
    { "bad-area-kind", JARVA_EFORMAT, "areas.csv:5: ", "unknown kind 'suburb'" },
    { "missing-column", JARVA_EFORMAT, "indicators.csv:1: ", "missing column 'unit'" },
    { "missing-value", JARVA_EFORMAT, "indicators.csv:2: ", "missing value for 'name_sv'" },
    { "non-numeric", JARVA_EFORMAT,
      "indicators.csv:2: ", "baseline_value 'fyrtio' is not a number" },
    { "target-wrong-side", JARVA_EFORMAT,
      "indicators.csv:2: ", "target 30 is below the baseline 40.5, but higher is better" },
    { "target-year-before", JARVA_EFORMAT,
      "indicators.csv:3: ", "target_year 2019 is before baseline_year 2021" },
    { "positive-not-subset", JARVA_EFORMAT,
      "indicators.csv:2: ", "positive code '6' is not among valid_codes '1,2,3,4'" },
    { "proportion-range", JARVA_EFORMAT,
      "indicators.csv:2: ", "baseline_value 140 is outside 0-100" },
    { "series-break-not-number", JARVA_EFORMAT,
      "indicators.csv:2: ", "series_breaks '2025, tjugo' is not a list of years" },
    { "overall-with-audience", JARVA_EFORMAT,
      "goals.csv:3: ", "overall goal 'g2' cannot have an audience" },
    { "area-cycle", JARVA_EFORMAT, "areas.csv:3: ", "area 'whole' is its own ancestor" },
    { "alias-conflict", JARVA_EFORMAT,
      "area_aliases.csv:3: ", "'Ostra' cannot name area 'west': it already names area 'east'" },
    { "indicator-id-is-goal", JARVA_EFORMAT,
      "indicators.csv:4: ", "indicator id 'c2' is already a goal's" },
    { "malformed-csv", JARVA_EFORMAT, "goals.csv:5:", "unterminated quote" },
    { "missing-file", JARVA_EIO, "principles.csv: ", "No such file" },
    { "decided-without-decision", JARVA_EFORMAT,
      "indicators.csv:2: ", "a decided target needs the decision in 'target_decision'" },
    { "kind-without-target", JARVA_EFORMAT,
      "indicators.csv:4: ", "target_kind or target_decision without a target" },
    { "bad-probabilities", JARVA_EFORMAT,
      "plan.csv:2: ", "off_track_probability 0.6 and on_track_probability 0.3 must satisfy" },
};

static size_t lines_of(const char *s)
{
    size_t n = *s ? 1 : 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static void test_bad_catalogues(void)
{
    jarva_db *db = fresh_db("catalog_bad.db");
    CHECK_INT(jarva_catalog_load(db, CASES "valid"), JARVA_OK);
    CHECK_STR(jarva_errmsg(db), "");
    /* Without sources.csv and an owner column: an empty list, no owners. */
    jarva_source_info_list *sources = NULL;
    CHECK_INT(jarva_source_info_list_open(&sources, db), JARVA_OK);
    CHECK_INT(jarva_source_info_list_count(sources), 0);
    jarva_source_info_list_free(sources);
    jarva_goal_list *goals = NULL;
    CHECK_INT(jarva_goal_list_open(&goals, db), JARVA_OK);
    CHECK(jarva_goal_list_count(goals) > 0 && jarva_goal_list_get(goals, 0)->owner_id == NULL);
    jarva_goal_list_free(goals);
    CHECK_INT(exec(db, "INSERT INTO estimate(indicator_id, year, area_id, value, computed_at)"
                       " VALUES ('safe', 2025, 'east', 0.5, '2025-06-01')"),
              SQLITE_OK);
    char *before = dump(db);
    for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
        const bad_case *c = &bad_cases[i];
        char dir[512], where[600];
        snprintf(dir, sizeof dir, CASES "%s", c->dir);
        snprintf(where, sizeof where, "%s/%s", dir, c->where);
        int rc = jarva_catalog_load(db, dir);
        if (rc != c->code || strncmp(jarva_errmsg(db), where, strlen(where)) != 0)
            fprintf(stderr, "case %s:\n", c->dir);
        CHECK_INT(rc, c->code);
        CHECK_INT(jarva_errcode(db), c->code);
        /* The message says exactly where (the case's file and line) and what;
         * catalogue checks put the message right after "file:line: ", the CSV
         * reader adds the column first. */
        CHECK(strncmp(jarva_errmsg(db), where, strlen(where)) == 0);
        CHECK_CONTAINS(jarva_errmsg(db), c->message);
        /* One defect, one error. */
        CHECK_INT(lines_of(jarva_errmsg(db)), 1);
        char *after = dump(db);
        CHECK(strcmp(before, after) == 0);
        free(after);
    }

    /* 25 errors: 20 listed, then the count of the others. */
    CHECK_INT(jarva_catalog_load(db, CASES "many-errors"), JARVA_EFORMAT);
    CHECK_INT(lines_of(jarva_errmsg(db)), 21);
    CHECK_CONTAINS(jarva_errmsg(db), "many-errors/indicators.csv:6: unknown goal 'nogoal'");
    CHECK_CONTAINS(jarva_errmsg(db), "many-errors/indicators.csv:25: unknown goal 'nogoal'");
    CHECK(strstr(jarva_errmsg(db), "indicators.csv:26:") == NULL);
    CHECK_CONTAINS(jarva_errmsg(db), "\nand 5 more errors");

    CHECK_INT(jarva_catalog_load(db, CASES "no-such-directory"), JARVA_EIO);
    CHECK_CONTAINS(jarva_errmsg(db), "no-such-directory: not a catalogue directory");
    CHECK_INT(jarva_catalog_load(db, NULL), JARVA_EINVAL);
    CHECK_INT(jarva_catalog_load(NULL, CASES "valid"), JARVA_EINVAL);
    char *after = dump(db);
    CHECK(strcmp(before, after) == 0);
    free(after);
    free(before);
    jarva_db_close(db);
}

/* What Excel saves (semicolons, Windows-1252, decimal commas, CRLF) loads to
 * the very same database as the UTF-8 original. */
static void test_excel_catalogue(void)
{
    jarva_db *utf8 = fresh_db("catalog_utf8.db");
    jarva_db *excel = fresh_db("catalog_excel.db");
    CHECK_INT(jarva_catalog_load(utf8, CASES "valid"), JARVA_OK);
    int rc = jarva_catalog_load(excel, CASES "excel");
    CHECK_INT(rc, JARVA_OK);
    if (rc)
        fprintf(stderr, "%s\n", jarva_errmsg(excel));
    char *a = dump(utf8), *b = dump(excel);
    CHECK(strcmp(a, b) == 0);
    /* 40.5 % and its series breaks, as written "2025, 2021". */
    CHECK_INT(test_db_count(excel, "SELECT count(*) FROM indicator WHERE id = 'safe'"
                                   " AND baseline_value = 0.405 AND target_value = 0.5"),
              1);
    CHECK_INT(test_db_count(excel, "SELECT count(*) FROM indicator_series_break"
                                   " WHERE indicator_id = 'safe' AND year IN (2021, 2025)"),
              2);
    CHECK_INT(test_db_count(excel, "SELECT count(*) FROM area WHERE name = 'Östra'"), 1);
    free(a);
    free(b);
    jarva_db_close(utf8);
    jarva_db_close(excel);
}

/* Items gone from the files are deleted unless imported data refers to them:
 * published values outlive their indicator (indicator_id set to NULL), computed
 * estimates do not, and an area with survey answers cannot go. */
static void test_removal(void)
{
    jarva_db *db = fresh_db("catalog_removal.db");
    CHECK_INT(jarva_catalog_load(db, CASES "valid"), JARVA_OK);
    CHECK_INT(exec(db, "INSERT INTO batch(id, kind, source, year, file_name, sha256, rows,"
                       " imported_at, tool_version) VALUES (1, 'table', 'test-list', 2023,"
                       " 'l.csv', 'cc', 1, '2025-01-01', '0.1.0');"
                       "INSERT INTO published_value(batch_id, row_no, indicator_id, survey,"
                       " measure, year, area_id, value_kind, value) VALUES (1, 2, 'listed',"
                       " 'test-list', 'listad', 2023, 'east', 'count', 2);"
                       "INSERT INTO estimate(indicator_id, year, area_id, value, computed_at)"
                       " VALUES ('listed', 2023, 'east', 2, 'x'), ('safe', 2025, 'west', 0.4, 'x'),"
                       " ('safe', 2025, 'east', 0.5, 'x')"),
              SQLITE_OK);
    CHECK_INT(jarva_catalog_load(db, CASES "smaller"), JARVA_OK);
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM indicator"), 3);
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM area WHERE id = 'west'"), 0);
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM area_alias WHERE area_id = 'west'"), 0);
    CHECK_INT(test_db_count(
                  db, "SELECT count(*) FROM indicator_series_break WHERE indicator_id = 'listed'"),
              0);
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM published_value WHERE indicator_id IS NULL"),
              1);
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM estimate"), 1);
    CHECK_INT(test_db_count(db, "SELECT count(*) FROM estimate WHERE area_id = 'east' AND"
                                " indicator_id = 'safe'"),
              1);
    jarva_db_close(db);

    db = fresh_db("catalog_removal_refused.db");
    CHECK_INT(jarva_catalog_load(db, CASES "valid"), JARVA_OK);
    CHECK_INT(exec(db, "INSERT INTO batch(id, kind, source, year, file_name, sha256, rows,"
                       " imported_at, tool_version) VALUES (1, 'survey', 'test-survey', 2025,"
                       " 's.csv', 'dd', 1, '2025-01-01', '0.1.0');"
                       /* A respondent in area west (see imported[]). */
                       "INSERT INTO column_block VALUES (1, -9, 0, 1, x'00000000020000007231'),"
                       " (1, -8, 0, 1, x'02000000'), (1, -3, 0, 1, x'01'),"
                       " (1, -1, 0, 1, x'000000000000f03f');"
                       "INSERT INTO column_code VALUES (1, -3, 1, 'west')"),
              SQLITE_OK);
    char *before = dump(db);
    CHECK_INT(jarva_catalog_load(db, CASES "smaller"), JARVA_EFORMAT);
    CHECK_CONTAINS(jarva_errmsg(db), "smaller/areas.csv: area 'west' is no longer in the file, "
                                     "but 1 rows of imported data refer to it");
    CHECK_INT(lines_of(jarva_errmsg(db)), 1);
    char *after = dump(db);
    CHECK(strcmp(before, after) == 0);
    free(before);
    free(after);
    jarva_db_close(db);
}

static void test_fold_and_empty(void)
{
    static const char *const cases[][2] = {
        { "Spånga-Tensta", "spanga-tensta" },
        { "  SPÅNGA  /  TENSTA ", "spanga-tensta" },
        { "Spånga–Tensta", "spanga-tensta" }, /* en dash */
        { "LPO Järva", "lpo-jarva" },
        { "Rinkeby/Tensta", "rinkeby-tensta" },
        { "Ösby Éa Ü", "osby-ea-u" },
        { "Straße", "stra\xc3\x9f"
                    "e" }, /* ß has no ASCII fold and no upper case here */
        { "", "" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *folded = jarva__area_fold(cases[i][0]);
        CHECK_STR(folded, cases[i][1]);
        free(folded);
    }

    /* A database without a catalogue says so. */
    jarva_db *db = fresh_db("catalog_empty.db");
    jarva_plan plan = JARVA_PLAN_INIT;
    CHECK_INT(jarva_plan_get(&plan, db), JARVA_ENOTFOUND);
    CHECK_CONTAINS(jarva_errmsg(db), "no catalogue loaded");
    jarva_goal_list *goals = NULL;
    CHECK_INT(jarva_goal_list_open(&goals, db), JARVA_OK);
    CHECK_INT(jarva_goal_list_count(goals), 0);
    jarva_goal_list_free(goals);
    jarva_goal_list_free(NULL);
    jarva_area_list_free(NULL);
    CHECK_INT(jarva_goal_list_count(NULL), 0);
    jarva_db_close(db);

    /* The default directory is the source tree's in a build. */
    CHECK_STR(jarva_catalog_default_dir(), REAL_CATALOG);
}

int main(void)
{
    test_real_catalogue();
    test_bad_catalogues();
    test_excel_catalogue();
    test_removal();
    test_fold_and_empty();
    return test_report();
}
