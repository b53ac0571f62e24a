/* test_abi.c: API and ABI hygiene that the compiler does not check: the
 * version in the headers, the library and the CMake project agree; every
 * option struct starts with its version field, its _INIT macro fills it, and
 * the library refuses a version it does not know (instead of reading a
 * struct of another layout); every status code has its own description.
 * The shared library's exported symbols are checked by
 * tests/install/check_symbols.sh, its runtime version by abi_version.c. */
#include <stddef.h>

#include "harness.h"
#include "jarva.h"
#ifdef JARVA_HAVE_REPORT
#include "jarva/report.h"
#endif

/* The VERSION of project() in the top-level CMakeLists.txt, from which the
 * SONAME, jarva.pc and jarvaConfigVersion.cmake are made. */
static int project_version(char *out, size_t size)
{
    FILE *f = fopen(JARVA_SOURCE_DIR "/CMakeLists.txt", "r");
    if (!f)
        return -1;
    char line[512];
    int found = -1;
    while (found < 0 && fgets(line, sizeof line, f)) {
        const char *p = strstr(line, "project(jarva VERSION ");
        if (p && sscanf(p, "project(jarva VERSION %63[0-9.]", out) == 1 && strlen(out) < size)
            found = 0;
    }
    fclose(f);
    return found;
}

static void test_versions_agree(void)
{
    char project[64] = "";
    CHECK_INT(project_version(project, sizeof project), 0);
    CHECK_STR(JARVA_VERSION_STRING, project);
    char parts[64];
    snprintf(parts, sizeof parts, "%d.%d.%d", JARVA_VERSION_MAJOR, JARVA_VERSION_MINOR,
             JARVA_VERSION_PATCH);
    CHECK_STR(JARVA_VERSION_STRING, parts);
    CHECK_INT(JARVA_VERSION_NUMBER,
              JARVA_VERSION_MAJOR * 10000 + JARVA_VERSION_MINOR * 100 + JARVA_VERSION_PATCH);
    CHECK_STR(jarva_version_string(), JARVA_VERSION_STRING);
    CHECK_INT(jarva_version_number(), JARVA_VERSION_NUMBER);
}

/* The version field comes first, so that a library can read it before
 * knowing anything else of the layout, and _INIT sets it. */
static void test_option_structs_start_with_their_version(void)
{
    CHECK_INT(offsetof(jarva_import_options, version), 0);
    CHECK_INT(offsetof(jarva_compute_options, version), 0);
    CHECK_INT(offsetof(jarva_estimate_options, version), 0);
    CHECK_INT(offsetof(jarva_target_options, version), 0);
#ifdef JARVA_HAVE_REPORT
    CHECK_INT(offsetof(jarva_report_options, version), 0);
#endif

    jarva_import_options import_opts = JARVA_IMPORT_OPTIONS_INIT;
    jarva_compute_options compute_opts = JARVA_COMPUTE_OPTIONS_INIT;
    jarva_estimate_options estimate_opts = JARVA_ESTIMATE_OPTIONS_INIT;
    jarva_target_options target_opts = JARVA_TARGET_OPTIONS_INIT;
    CHECK_INT(import_opts.version, JARVA_IMPORT_OPTIONS_VERSION);
    CHECK_INT(compute_opts.version, JARVA_COMPUTE_OPTIONS_VERSION);
    CHECK_INT(compute_opts.estimate.version, JARVA_ESTIMATE_OPTIONS_VERSION);
    CHECK_INT(estimate_opts.version, JARVA_ESTIMATE_OPTIONS_VERSION);
    CHECK_INT(target_opts.version, JARVA_TARGET_OPTIONS_VERSION);
#ifdef JARVA_HAVE_REPORT
    jarva_report_options report_opts = JARVA_REPORT_OPTIONS_INIT;
    CHECK_INT(report_opts.version, JARVA_REPORT_OPTIONS_VERSION);
#endif
}

/* A struct from a newer header (a larger version) or an uninitialised one
 * (0) is refused with JARVA_EINVAL and a message, never read. */
static void test_unknown_option_versions_are_refused(void)
{
    const unsigned bad_versions[] = { 0, 99 };
    for (size_t i = 0; i < 2; i++) {
        unsigned bad = bad_versions[i];
        char err[256] = "";
        jarva_estimate est = JARVA_ESTIMATE_INIT;
        jarva_estimate_options estimate_opts = JARVA_ESTIMATE_OPTIONS_INIT;
        estimate_opts.version = bad;
        CHECK_INT(jarva_estimate_table_share(&est, 0.5, 100, &estimate_opts, err, sizeof err),
                  JARVA_EINVAL);
        CHECK_CONTAINS(err, "version");

        int years[] = { 2020, 2021, 2022 };
        jarva_estimate points[3] = {
            { JARVA_ESTIMATE_VERSION, 0.5, 0.01, 0.48, 0.52, INFINITY, 0, 100, 50, 0, 0 },
            { JARVA_ESTIMATE_VERSION, 0.5, 0.01, 0.48, 0.52, INFINITY, 0, 100, 50, 0, 0 },
            { JARVA_ESTIMATE_VERSION, 0.5, 0.01, 0.48, 0.52, INFINITY, 0, 100, 50, 0, 0 }
        };
        jarva_series series = { 3, years, points, NULL, 0 };
        jarva_target target = { JARVA_HIGHER_IS_BETTER, 0.6, 2026, 0, 0 };
        jarva_target_options target_opts = JARVA_TARGET_OPTIONS_INIT;
        target_opts.version = bad;
        jarva_target_status status = JARVA_TARGET_STATUS_INIT;
        err[0] = '\0';
        CHECK_INT(jarva_target_assess(&status, &series, &target, &target_opts, err, sizeof err),
                  JARVA_EINVAL);
        CHECK_CONTAINS(err, "version");

        jarva_db *db = NULL;
        CHECK_INT(jarva_db_open(&db, NULL, JARVA_DB_MEMORY | JARVA_DB_CREATE), JARVA_OK);
        jarva_compute_options compute_opts = JARVA_COMPUTE_OPTIONS_INIT;
        compute_opts.version = bad;
        jarva_compute_summary summary = JARVA_COMPUTE_SUMMARY_INIT;
        CHECK_INT(jarva_compute(&summary, db, &compute_opts), JARVA_EINVAL);
        CHECK_CONTAINS(jarva_errmsg(db), "version");

        jarva_import_options import_opts = JARVA_IMPORT_OPTIONS_INIT;
        import_opts.version = bad;
        jarva_import_result imported = JARVA_IMPORT_RESULT_INIT;
        CHECK_INT(
            jarva_import_file(&imported, db, JARVA_TEST_DATA_DIR "/import/table.csv", &import_opts),
            JARVA_EINVAL);
        CHECK_CONTAINS(jarva_errmsg(db), "version");

#ifdef JARVA_HAVE_REPORT
        jarva_report_options report_opts = JARVA_REPORT_OPTIONS_INIT;
        report_opts.version = bad;
        unsigned char *pdf = NULL;
        size_t size = 0;
        CHECK_INT(jarva_report_render(&pdf, &size, db, &report_opts), JARVA_EINVAL);
        CHECK_CONTAINS(jarva_errmsg(db), "version");
        jarva_free(pdf);
#endif
        jarva_db_close(db);
    }
}

/* Every struct the caller allocates and the library fills starts with its
 * version, which its _INIT sets; the library refuses 0 (from `{ 0 }`) and a
 * newer version with JARVA_EINVAL instead of writing past the caller's
 * memory, and keeps the version it wrote. */
static void test_output_structs_carry_their_version(void)
{
    CHECK_INT(offsetof(jarva_estimate, version), 0);
    CHECK_INT(offsetof(jarva_change, version), 0);
    CHECK_INT(offsetof(jarva_trend, version), 0);
    CHECK_INT(offsetof(jarva_target_status, version), 0);
    CHECK_INT(offsetof(jarva_plan, version), 0);
    CHECK_INT(offsetof(jarva_compute_summary, version), 0);
    CHECK_INT(offsetof(jarva_import_result, version), 0);
    jarva_target_status status = JARVA_TARGET_STATUS_INIT;
    CHECK_INT(status.version, JARVA_TARGET_STATUS_VERSION);
    CHECK_INT(status.latest.version, JARVA_ESTIMATE_VERSION);
    CHECK_INT(status.trend.version, JARVA_TREND_VERSION);
    CHECK_INT(status.change.version, JARVA_CHANGE_VERSION);
    jarva_plan plan = JARVA_PLAN_INIT;
    CHECK_INT(plan.version, JARVA_PLAN_VERSION);
    jarva_compute_summary summary = JARVA_COMPUTE_SUMMARY_INIT;
    CHECK_INT(summary.version, JARVA_COMPUTE_SUMMARY_VERSION);
    jarva_import_result imported = JARVA_IMPORT_RESULT_INIT;
    CHECK_INT(imported.version, JARVA_IMPORT_RESULT_VERSION);
    jarva_estimate many[3];
    jarva_estimate_init(many, 3);
    CHECK_INT(many[2].version, JARVA_ESTIMATE_VERSION);

    const unsigned bad_versions[] = { 0, 99 };
    for (size_t i = 0; i < 2; i++) {
        unsigned bad = bad_versions[i];
        char err[256] = "";
        jarva_estimate est = JARVA_ESTIMATE_INIT;
        est.version = bad;
        CHECK_INT(jarva_estimate_table_share(&est, 0.5, 100, NULL, err, sizeof err), JARVA_EINVAL);
        CHECK_CONTAINS(err, "jarva_estimate version");
        CHECK_INT(jarva_estimate_exact(&est, 3, 0, err, sizeof err), JARVA_EINVAL);
        CHECK_INT(jarva_estimate_count(&est, 3, 1, NULL, err, sizeof err), JARVA_EINVAL);
        /* Every element of an array, not only the first. */
        double values[] = { 1, 0, 1, 1 };
        int domain[] = { 0, 0, 1, 1 };
        jarva_survey_data data = { 4, values, NULL, NULL, 0, NULL };
        jarva_estimate_init(many, 2);
        many[1].version = bad;
        CHECK_INT(jarva_estimate_proportions(many, &data, domain, 2, NULL, err, sizeof err),
                  JARVA_EINVAL);
        CHECK_INT(jarva_estimate_means(many, &data, domain, 2, NULL, err, sizeof err),
                  JARVA_EINVAL);

        int years[] = { 2020, 2021, 2022 };
        jarva_estimate points[3] = { JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                                     JARVA_ESTIMATE_INIT };
        for (size_t k = 0; k < 3; k++) {
            CHECK_INT(jarva_estimate_table_share(&points[k], 0.5 + 0.01 * (double)k, 400, NULL, err,
                                                 sizeof err),
                      JARVA_OK);
            CHECK_INT(points[k].version, JARVA_ESTIMATE_VERSION);
        }
        jarva_series series = { 3, years, points, NULL, 0 };
        jarva_change change = JARVA_CHANGE_INIT;
        change.version = bad;
        CHECK_INT(jarva_change_between(&change, &series, 2020, 2022, 0.95, err, sizeof err),
                  JARVA_EINVAL);
        CHECK_CONTAINS(err, "jarva_change version");
        jarva_trend trend = JARVA_TREND_INIT;
        trend.version = bad;
        CHECK_INT(jarva_trend_fit(&trend, &series, 0.95, err, sizeof err), JARVA_EINVAL);
        CHECK_CONTAINS(err, "jarva_trend version");
        jarva_target target = { JARVA_HIGHER_IS_BETTER, 0.6, 2026, 0, 0 };
        status = (jarva_target_status)JARVA_TARGET_STATUS_INIT;
        status.version = bad;
        CHECK_INT(jarva_target_assess(&status, &series, &target, NULL, err, sizeof err),
                  JARVA_EINVAL);
        CHECK_CONTAINS(err, "jarva_target_status version");
        /* An estimate of a series, as the caller hands it in, is checked too. */
        points[1].version = bad;
        trend = (jarva_trend)JARVA_TREND_INIT;
        CHECK_INT(jarva_trend_fit(&trend, &series, 0.95, err, sizeof err), JARVA_EINVAL);
        CHECK_CONTAINS(err, "series' jarva_estimate version");
        points[1].version = JARVA_ESTIMATE_VERSION;
        status = (jarva_target_status)JARVA_TARGET_STATUS_INIT;
        CHECK_INT(jarva_target_assess(&status, &series, &target, NULL, err, sizeof err), JARVA_OK);
        CHECK_INT(status.version, JARVA_TARGET_STATUS_VERSION);
        CHECK_INT(status.trend.version, JARVA_TREND_VERSION);
        CHECK_INT(status.latest.version, JARVA_ESTIMATE_VERSION);

        jarva_db *db = NULL;
        CHECK_INT(jarva_db_open(&db, NULL, JARVA_DB_MEMORY | JARVA_DB_CREATE), JARVA_OK);
        summary.version = bad;
        CHECK_INT(jarva_compute(&summary, db, NULL), JARVA_EINVAL);
        CHECK_CONTAINS(jarva_errmsg(db), "summary version");
        plan.version = bad;
        CHECK_INT(jarva_plan_get(&plan, db), JARVA_EINVAL);
        CHECK_CONTAINS(jarva_errmsg(db), "plan version");
        imported.version = bad;
        jarva_import_options import_opts = JARVA_IMPORT_OPTIONS_INIT;
        CHECK_INT(
            jarva_import_file(&imported, db, JARVA_TEST_DATA_DIR "/import/table.csv", &import_opts),
            JARVA_EINVAL);
        CHECK_CONTAINS(jarva_errmsg(db), "result version");
        status = (jarva_target_status)JARVA_TARGET_STATUS_INIT;
        status.version = bad;
        int has_target = 0;
        CHECK_INT(jarva_status_assess(&status, &has_target, db, "x", NULL, 0, NULL), JARVA_EINVAL);
        CHECK_CONTAINS(jarva_errmsg(db), "status version");
        jarva_db_close(db);
    }
}

/* The interval methods' names: the spellings docs/api.md and `jarva compute
 * --method` document, each naming its enum value and back. */
static void test_ci_method_names(void)
{
    static const struct {
        const char *name;
        jarva_ci_method method;
    } documented[] = {
        { "default", JARVA_CI_DEFAULT }, { "logit", JARVA_CI_LOGIT },
        { "beta", JARVA_CI_BETA },       { "mean", JARVA_CI_MEAN },
        { "wilson", JARVA_CI_WILSON },   { "clopper-pearson", JARVA_CI_CLOPPER_PEARSON }
    };
    for (size_t i = 0; i < sizeof documented / sizeof documented[0]; i++) {
        jarva_ci_method m = (jarva_ci_method)99;
        CHECK_INT(jarva_ci_method_parse(&m, documented[i].name), JARVA_OK);
        CHECK_INT(m, documented[i].method);
        CHECK_STR(jarva_ci_method_name(documented[i].method), documented[i].name);
    }
    jarva_ci_method m = JARVA_CI_MEAN;
    CHECK_INT(jarva_ci_method_parse(&m, "Clopper-Pearson"), JARVA_OK);
    CHECK_INT(m, JARVA_CI_CLOPPER_PEARSON);
    CHECK_INT(jarva_ci_method_parse(&m, "t"), JARVA_EINVAL);
    CHECK_INT(jarva_ci_method_parse(&m, "logit "), JARVA_EINVAL);
    CHECK_INT(jarva_ci_method_parse(&m, "wil"), JARVA_EINVAL);
    CHECK_INT(m, JARVA_CI_CLOPPER_PEARSON);
    CHECK_INT(jarva_ci_method_parse(NULL, "logit"), JARVA_EINVAL);
    CHECK_INT(jarva_ci_method_parse(&m, NULL), JARVA_EINVAL);
    CHECK_STR(jarva_ci_method_name((jarva_ci_method)99), "");
    /* The interval an estimator applies (jarva/estimate.h): the default is
     * logit for microdata, Wilson for published shares, where beta, having
     * no design to adjust for, is Clopper-Pearson. */
    CHECK_INT(jarva_ci_method_applied(JARVA_CI_DEFAULT, 0), JARVA_CI_LOGIT);
    CHECK_INT(jarva_ci_method_applied(JARVA_CI_DEFAULT, 1), JARVA_CI_WILSON);
    CHECK_INT(jarva_ci_method_applied(JARVA_CI_BETA, 0), JARVA_CI_BETA);
    CHECK_INT(jarva_ci_method_applied(JARVA_CI_BETA, 1), JARVA_CI_CLOPPER_PEARSON);
    CHECK_INT(jarva_ci_method_applied(JARVA_CI_WILSON, 0), JARVA_CI_WILSON);
    CHECK_INT(jarva_ci_method_applied(JARVA_CI_MEAN, 1), JARVA_CI_MEAN);
}

/* Each status has a description of its own; an unknown one still gets one. */
static void test_every_status_is_described(void)
{
    const char *seen[16] = { 0 };
    for (int status = JARVA_OK; status >= JARVA_EREADONLY; status--) {
        const char *text = jarva_strerror(status);
        CHECK(text != NULL && text[0] != '\0');
        for (int other = 0; text && other < -status; other++)
            if (seen[other] && !strcmp(seen[other], text)) {
                CHECK(!"two statuses share a description");
                fprintf(stderr, "  %d and %d: %s\n", status, -other, text);
            }
        seen[-status] = text;
    }
    CHECK_STR(jarva_strerror(JARVA_EREADONLY - 1), "unknown status");
    CHECK_STR(jarva_strerror(1), "unknown status");
}

int main(void)
{
    test_versions_agree();
    test_option_structs_start_with_their_version();
    test_unknown_option_versions_are_refused();
    test_output_structs_carry_their_version();
    test_ci_method_names();
    test_every_status_is_described();
    return test_report();
}
