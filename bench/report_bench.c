/* report_bench.c: fills a database with simulated example data over several
 * years (tests/unit/report_sample.c) and times jarva_report_write() on it.
 * Built and run by bench/report.sh against a build tree's static library:
 *
 *   report_bench DB_PATH CATALOG_DIR OUT.pdf [RESPONDENTS] [RUNS]
 *
 * creates DB_PATH (removed first), imports and computes, then renders the
 * report RUNS times and prints the fastest and the mean wall time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jarva.h"
#include "jarva/report.h"
#include "report_sample.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int fail(jarva_db *db, const char *what)
{
    fprintf(stderr, "report_bench: %s: %s\n", what, jarva_errmsg(db));
    jarva_db_close(db);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: report_bench DB CATALOG_DIR OUT.pdf [RESPONDENTS] [RUNS]\n");
        return 2;
    }
    const char *db_path = argv[1], *catalog = argv[2], *out = argv[3];
    unsigned respondents = argc > 4 ? (unsigned)strtoul(argv[4], NULL, 10) : 300;
    int runs = argc > 5 ? atoi(argv[5]) : 5;
    if (runs < 1)
        runs = 1;
    char dir[] = "/tmp/jarva-report-bench.XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    char err[512];
    if (jarva__sample_write(dir, respondents, 2025, err, sizeof err) != JARVA_OK) {
        fprintf(stderr, "report_bench: %s\n", err);
        return 1;
    }
    unlink(db_path);
    jarva_db *db = NULL;
    if (jarva_db_open(&db, db_path, JARVA_DB_CREATE) != JARVA_OK)
        return fail(db, "open");
    if (jarva_catalog_load(db, catalog) != JARVA_OK)
        return fail(db, "catalogue");
    double t0 = now();
    if (jarva__sample_import(db, dir) != JARVA_OK)
        return fail(db, "import");
    double t1 = now();
    jarva_compute_summary sum = JARVA_COMPUTE_SUMMARY_INIT;
    if (jarva_compute(&sum, db, NULL) != JARVA_OK)
        return fail(db, "compute");
    double t2 = now();
    printf("data: %u respondents per area and wave; import %.2f s, compute %.2f s, "
           "%zu estimates\n",
           respondents, t1 - t0, t2 - t1, sum.estimates);
    jarva_report_options opts = JARVA_REPORT_OPTIONS_INIT;
    opts.year = 2025;
    opts.creation_time = 1767225600; /* 2026-01-01 */
    opts.notice = "Simulerade exempeldata – inte verkliga resultat";
    double best = 1e9, total = 0;
    for (int i = 0; i < runs; i++) {
        double a = now();
        if (jarva_report_write(db, &opts, out) != JARVA_OK)
            return fail(db, "report");
        double t = now() - a;
        total += t;
        best = t < best ? t : best;
    }
    printf("jarva_report_write: best %.3f s, mean %.3f s over %d runs\n", best, total / runs, runs);
    jarva_db_close(db);
    size_t n;
    const jarva__sample_file *files = jarva__sample_files(&n);
    for (size_t i = 0; i < n; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        unlink(path);
    }
    rmdir(dir);
    return 0;
}
