/* test_threads.c: separate handles used from separate threads at once, as
 * jarva/db.h promises: two threads each run the whole pipeline (create,
 * catalogue, import, compute, read) on their own database; two threads run
 * the pure estimators on the same arrays; and one thread recomputes a
 * database while another reads it through its own handle. Run under
 * AddressSanitizer/UBSan by tools/check.sh. The harness's counters are not
 * thread-safe, so threads record what they saw and main() checks it. */
#include <pthread.h>

#include "harness.h"
#include "jarva.h"

#define DATA JARVA_TEST_DATA_DIR "/import/"
#define CATALOG JARVA_SOURCE_DIR "/indicators"

/* Stockholms stad 2020 in tests/data/import/table.csv: 9 % of n = 17857. Its
 * Wilson 95 % interval by hand, (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) /
 * (1 + z²/n) with z = 1.959963984540054 (R: prop.test(0.09 * 17857, 17857,
 * correct = FALSE)$conf.int). */
#define CITY_SHARE 0.09
#define CITY_N 17857
#define CITY_LOW 0.08589025424586244
#define CITY_HIGH 0.09428610901452661

typedef struct pipeline {
    const char *path;
    int status; /* the first failure, JARVA_OK if none */
    char message[512];
    double city_share, city_low, city_high;
    size_t city_n;
    jarva_estimate survey; /* safe-evening-survey, 2023, the whole of Järva */
    size_t estimates;      /* jarva_compute's count */
} pipeline;

static int pipeline_fail(pipeline *p, jarva_db *db, int rc, const char *what)
{
    p->status = rc;
    snprintf(p->message, sizeof p->message, "%s: %s", what, jarva_errmsg(db));
    jarva_db_close(db);
    return rc;
}

/* Finds one stored estimate; JARVA_ENOTFOUND if there is none. */
static int read_estimate(jarva_db *db, const char *indicator, int year, const char *area,
                         jarva_estimate *out)
{
    jarva_result_filter filter = { indicator, year, area, 0 };
    jarva_result_list *list = NULL;
    int rc = jarva_result_list_open(&list, db, &filter);
    if (rc != JARVA_OK)
        return rc;
    rc = jarva_result_list_count(list) == 1 ? JARVA_OK : JARVA_ENOTFOUND;
    if (rc == JARVA_OK)
        *out = jarva_result_list_get(list, 0)->estimate;
    jarva_result_list_free(list);
    return rc;
}

static int run_pipeline(pipeline *p)
{
    jarva_db *db = NULL;
    int rc = jarva_db_open(&db, p->path, JARVA_DB_CREATE);
    if (rc != JARVA_OK)
        return pipeline_fail(p, db, rc, "open");
    if ((rc = jarva_catalog_load(db, CATALOG)) != JARVA_OK)
        return pipeline_fail(p, db, rc, "catalogue");

    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    opts.catalog_dir = CATALOG;
    jarva_import_result imported = JARVA_IMPORT_RESULT_INIT;
    opts.kind = JARVA_IMPORT_TABLE;
    if ((rc = jarva_import_file(&imported, db, DATA "table.csv", &opts)) != JARVA_OK)
        return pipeline_fail(p, db, rc, "import table");
    opts.kind = JARVA_IMPORT_SURVEY;
    if ((rc = jarva_import_file(&imported, db, DATA "survey_2023_utf8.csv", &opts)) != JARVA_OK)
        return pipeline_fail(p, db, rc, "import survey");

    jarva_compute_options copts = JARVA_COMPUTE_OPTIONS_INIT;
    jarva_compute_summary summary = JARVA_COMPUTE_SUMMARY_INIT;
    if ((rc = jarva_compute(&summary, db, &copts)) != JARVA_OK)
        return pipeline_fail(p, db, rc, "compute");
    p->estimates = summary.estimates;

    jarva_estimate city = JARVA_ESTIMATE_INIT;
    if ((rc = read_estimate(db, "worried-crime-city", 2020, "stockholm", &city)) != JARVA_OK)
        return pipeline_fail(p, db, rc, "read the city's estimate");
    p->city_share = city.estimate;
    p->city_low = city.ci_low;
    p->city_high = city.ci_high;
    p->city_n = city.n;
    if ((rc = read_estimate(db, "safe-evening-survey", 2023, "jarva", &p->survey)) != JARVA_OK)
        return pipeline_fail(p, db, rc, "read the survey estimate");
    jarva_db_close(db);
    return JARVA_OK;
}

static void *pipeline_thread(void *arg)
{
    run_pipeline(arg);
    return NULL;
}

static void check_pipeline(const pipeline *p, const pipeline *reference)
{
    CHECK_INT(p->status, JARVA_OK);
    if (p->status != JARVA_OK) {
        fprintf(stderr, "%s: %s\n", p->path, p->message);
        return;
    }
    CHECK_REL(p->city_share, CITY_SHARE, 1e-12);
    CHECK_INT(p->city_n, CITY_N);
    CHECK_REL(p->city_low, CITY_LOW, 1e-9);
    CHECK_REL(p->city_high, CITY_HIGH, 1e-9);
    /* The survey estimate as the same pipeline gives it on one thread. */
    CHECK_INT(p->estimates, reference->estimates);
    CHECK_INT(p->survey.n, reference->survey.n);
    CHECK_REL(p->survey.estimate, reference->survey.estimate, 1e-12);
    CHECK_REL(p->survey.ci_low, reference->survey.ci_low, 1e-12);
    CHECK_REL(p->survey.ci_high, reference->survey.ci_high, 1e-12);
}

/* Two threads, two databases, the whole pipeline at the same time. */
static void test_two_pipelines(void)
{
    pipeline reference = { 0 }, first = { 0 }, second = { 0 };
    reference.path = strdup(test_tmp_path("threads_reference.db"));
    first.path = strdup(test_tmp_path("threads_first.db"));
    second.path = strdup(test_tmp_path("threads_second.db"));

    run_pipeline(&reference);
    CHECK_INT(reference.status, JARVA_OK);
    CHECK_REL(reference.city_low, CITY_LOW, 1e-9);
    CHECK(reference.survey.n >= 30 && !reference.survey.suppressed);

    pthread_t a, b;
    CHECK_INT(pthread_create(&a, NULL, pipeline_thread, &first), 0);
    CHECK_INT(pthread_create(&b, NULL, pipeline_thread, &second), 0);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    check_pipeline(&first, &reference);
    check_pipeline(&second, &reference);
    free((char *)reference.path);
    free((char *)first.path);
    free((char *)second.path);
}

/* The toy sample of examples/c/estimate_shares.c: shares 5/7 and 3.5/9 and
 * their linearised SEs, sqrt(sum_h n_h/(n_h-1) sum_i (z_hi - mean_h z)^2)
 * with z_i = w_i (y_i - p) / W in the domain, 0 outside, worked out by hand. */
static const double toy_value[] = { 1, 0, 1, 1, NAN, 0, 1, 0, 0, 1 };
static const double toy_weight[] = { 1.5, 1.5, 1.5, 1.5, 1.5, 2, 2, 2, 2, 2 };
static const unsigned toy_stratum[] = { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1 };
static const int toy_domain[] = { 0, 1, 0, 1, 0, 1, 0, 1, 0, 1 };

typedef struct estimator {
    int rounds;
    int failures; /* calls that failed or gave another answer */
    char message[320];
} estimator;

static void *estimator_thread(void *arg)
{
    estimator *e = arg;
    jarva_survey_data data = { 10, toy_value, toy_weight, toy_stratum, 2, NULL };
    jarva_estimate_options opts = JARVA_ESTIMATE_OPTIONS_INIT;
    opts.min_n = 1;
    opts.min_cell = 0;
    for (int i = 0; i < e->rounds; i++) {
        jarva_estimate est[2] = { JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT };
        char err[256];
        int rc = jarva_estimate_proportions(est, &data, toy_domain, 2, &opts, err, sizeof err);
        if (rc != JARVA_OK || fabs(est[0].estimate - 5.0 / 7) > 1e-12 ||
            fabs(est[1].estimate - 3.5 / 9) > 1e-12 ||
            fabs(est[0].se - 0.2495310053191323) > 1e-9 ||
            fabs(est[1].se - 0.2434263779116626) > 1e-9 || est[0].n != 4 || est[1].n != 5) {
            if (!e->failures++)
                snprintf(e->message, sizeof e->message, "round %d: status %d %s", i, rc, err);
        }
    }
    return NULL;
}

static void test_two_estimators(void)
{
    estimator first = { 20000, 0, "" }, second = { 20000, 0, "" };
    pthread_t a, b;
    CHECK_INT(pthread_create(&a, NULL, estimator_thread, &first), 0);
    CHECK_INT(pthread_create(&b, NULL, estimator_thread, &second), 0);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    CHECK_INT(first.failures, 0);
    CHECK_INT(second.failures, 0);
    if (first.failures || second.failures)
        fprintf(stderr, "%s %s\n", first.message, second.message);
}

/* One file, two handles: a reader lists the estimates while a writer
 * recomputes them. jarva_compute() replaces them in one transaction, so the
 * reader always sees all of them, never a half-written set. */
typedef struct shared_file {
    const char *path;
    size_t expected;
    int rounds;
    int status;
    char message[512];
    size_t wrong_counts;
} shared_file;

static void *writer_thread(void *arg)
{
    shared_file *s = arg;
    jarva_db *db = NULL;
    int rc = jarva_db_open(&db, s->path, 0);
    jarva_compute_options opts = JARVA_COMPUTE_OPTIONS_INIT;
    for (int i = 0; rc == JARVA_OK && i < s->rounds; i++) {
        jarva_compute_summary summary = JARVA_COMPUTE_SUMMARY_INIT;
        rc = jarva_compute(&summary, db, &opts);
        if (rc == JARVA_OK && summary.estimates != s->expected)
            s->wrong_counts++;
    }
    if (rc != JARVA_OK) {
        s->status = rc;
        snprintf(s->message, sizeof s->message, "writer: %s", jarva_errmsg(db));
    }
    jarva_db_close(db);
    return NULL;
}

static void *reader_thread(void *arg)
{
    shared_file *s = arg;
    jarva_db *db = NULL;
    int rc = jarva_db_open(&db, s->path, JARVA_DB_READONLY);
    jarva_result_filter all = { NULL, 0, NULL, 1 };
    for (int i = 0; rc == JARVA_OK && i < s->rounds; i++) {
        jarva_result_list *list = NULL;
        rc = jarva_result_list_open(&list, db, &all);
        if (rc == JARVA_OK && jarva_result_list_count(list) != s->expected)
            s->wrong_counts++;
        jarva_result_list_free(list);
    }
    if (rc != JARVA_OK) {
        s->status = rc;
        snprintf(s->message, sizeof s->message, "reader: %s", jarva_errmsg(db));
    }
    jarva_db_close(db);
    return NULL;
}

static void test_reader_and_writer_on_one_file(void)
{
    pipeline setup = { 0 };
    setup.path = strdup(test_tmp_path("threads_shared.db"));
    run_pipeline(&setup);
    CHECK_INT(setup.status, JARVA_OK);
    if (setup.status != JARVA_OK) {
        fprintf(stderr, "%s\n", setup.message);
        free((char *)setup.path);
        return;
    }
    shared_file writer = { setup.path, setup.estimates, 5, JARVA_OK, "", 0 };
    shared_file reader = { setup.path, setup.estimates, 40, JARVA_OK, "", 0 };
    pthread_t a, b;
    CHECK_INT(pthread_create(&a, NULL, writer_thread, &writer), 0);
    CHECK_INT(pthread_create(&b, NULL, reader_thread, &reader), 0);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    CHECK_INT(writer.status, JARVA_OK);
    CHECK_INT(reader.status, JARVA_OK);
    if (writer.status || reader.status)
        fprintf(stderr, "%s %s\n", writer.message, reader.message);
    CHECK_INT(writer.wrong_counts, 0);
    CHECK_INT(reader.wrong_counts, 0);
    free((char *)setup.path);
}

int main(void)
{
    test_two_pipelines();
    test_two_estimators();
    test_reader_and_writer_on_one_file();
    return test_report();
}
