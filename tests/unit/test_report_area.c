/* test_report_area.c: the area profiles' statistics (issue 12). The test of
 * an area against Järva as a whole against values computed by hand (normal
 * estimates: z = d / sqrt(se_a² + se_j²), p = erfc(|z| / √2), from Python's
 * math.erfc), and the family's Benjamini–Hochberg adjustment on the
 * simulated sample against an adjustment done here step by step (Benjamini
 * & Hochberg 1995: sort, p·m/rank, running minimum from the largest down);
 * and the pages: one per area with a measurement, in the catalogue's order. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "poppler.h"
#include "jarva_internal.h"
#include "jarva/report.h"
#include "report_internal.h"
#include "report_sample.h"

static jarva_estimate normal_estimate(double value, double se)
{
    jarva_estimate e = JARVA_ESTIMATE_INIT;
    e.estimate = value;
    e.se = se;
    e.df = INFINITY;
    e.ci_low = value - 1.959963984540054 * se;
    e.ci_high = value + 1.959963984540054 * se;
    e.n = 250;
    return e;
}

static void test_pair(void)
{
    jarva_estimate area = normal_estimate(0.76, 0.025), whole = normal_estimate(0.63, 0.012);
    jarva_change c = JARVA_CHANGE_INIT;
    CHECK(jarva__report_area_test(&area, &whole, 0.95, &c));
    CHECK_REL(c.difference, 0.13, 1e-12);
    CHECK_REL(c.se, 0.027730849247724097, 1e-12);
    CHECK_REL(c.p_value, 2.7599599803392608e-06, 1e-6);
    CHECK_REL(c.ci_low, 0.07564853421375112, 1e-9);
    CHECK_REL(c.ci_high, 0.1843514657862489, 1e-9);
    CHECK(c.significant);
    area = normal_estimate(0.60, 0.03), whole = normal_estimate(0.57, 0.015);
    CHECK(jarva__report_area_test(&area, &whole, 0.95, &c));
    CHECK_REL(c.p_value, 0.3710933695226972, 1e-6);
    CHECK(!c.significant);
    /* An exact estimate has nothing to test. */
    area.flags = JARVA_EST_EXACT | JARVA_EST_NO_CI;
    area.se = 0, whole.se = 0;
    CHECK(!jarva__report_area_test(&area, &whole, 0.95, &c));
}

static int by_value(const void *a, const void *b)
{
    double x = **(const double *const *)a, y = **(const double *const *)b;
    return (x > y) - (x < y);
}

/* Benjamini–Hochberg by the book, into adjusted. */
static void bh_by_hand(const double *p, size_t m, double *adjusted)
{
    const double **order = malloc((m ? m : 1) * sizeof *order);
    for (size_t i = 0; i < m; i++)
        order[i] = &p[i];
    qsort(order, m, sizeof *order, by_value);
    double running = 1.0;
    for (size_t k = m; k-- > 0;) {
        running = fmin(running, *order[k] * (double)m / (double)(k + 1));
        adjusted[order[k] - p] = running;
    }
    free(order);
}

static jarva_db *sample_db(void)
{
    jarva_db *db = NULL;
    const char *path = test_tmp_path("area_sample.db");
    char dir[4096], err[512], cmd[4200];
    remove(path);
    CHECK_INT(jarva_db_open(&db, path, JARVA_DB_CREATE), JARVA_OK);
    CHECK_INT(jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators"), JARVA_OK);
    snprintf(dir, sizeof dir, "%s", test_tmp_path("area_sample_data"));
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    CHECK(system(cmd) == 0);
    CHECK_INT(jarva__sample_write(dir, 80, 7, err, sizeof err), JARVA_OK);
    CHECK_INT(jarva__sample_import(db, dir), JARVA_OK);
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK);
    return db;
}

static void test_family(jarva_db *db)
{
    jarva_report_options opts = JARVA_REPORT_OPTIONS_INIT;
    opts.year = 2025;
    jarva__report r;
    CHECK_INT(jarva__report_open(&r, db, &opts), JARVA_OK);
    double *p = NULL, *adjusted = NULL;
    size_t n = 0;
    CHECK_INT(jarva__report_area_family(&r, &p, &adjusted, &n), JARVA_OK);
    /* Six areas with survey waves, every residents' survey indicator. */
    CHECK(n >= 6 * 5);
    double *mine = malloc((n ? n : 1) * sizeof *mine);
    bh_by_hand(p, n, mine);
    size_t raw = 0, adj = 0;
    for (size_t i = 0; i < n; i++) {
        CHECK_REL(adjusted[i], mine[i], 1e-12);
        CHECK(adjusted[i] >= p[i] - 1e-15);
        raw += p[i] < 0.05;
        adj += adjusted[i] < 0.05;
    }
    fprintf(stderr, "area family: %zu comparisons, %zu with p < 0.05, %zu after BH\n", n, raw, adj);
    CHECK(adj <= raw);
    free(mine);
    free(p);
    free(adjusted);
    jarva__report_unload(&r);
}

/* The profiles' pages: each area in turn, its table, after the goals. */
static void test_pages(jarva_db *db)
{
    if (!have_poppler())
        return;
    jarva_report_options opts = JARVA_REPORT_OPTIONS_INIT;
    opts.year = 2025;
    opts.creation_time = 1767225600LL;
    const char *pdf = test_tmp_path("area_report.pdf");
    CHECK_INT(jarva_report_write(db, &opts, pdf), JARVA_OK);
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "pdftotext '%s' - | tr -s ' \\n' '  '", pdf);
    char *text = capture(cmd);
    CHECK(text != NULL);
    if (!text)
        return;
    static const char *const areas[] = {
        "Akalla", "Husby", "Kista", "Rinkeby", "Tensta", "Hjulsta"
    };
    /* Each area has its page, in the catalogue's order, or (Hjulsta in the
     * sample, a fifth of the respondents) is named as too small to show. */
    const char *at = strstr(text, "Områdesprofiler En sida för varje område");
    const char *small = strstr(text, "är underlaget för litet för att något värde");
    CHECK(at != NULL);
    size_t pages = 0;
    for (size_t i = 0; at && i < sizeof areas / sizeof areas[0]; i++) {
        char caption[128], named[128];
        snprintf(caption, sizeof caption, "%s jämfört med Järva som helhet", areas[i]);
        snprintf(named, sizeof named, "För %s är underlaget för litet", areas[i]);
        const char *next = strstr(at, caption);
        if (next) {
            at = next;
            pages++;
        } else {
            CHECK(small != NULL && strstr(text, named) != NULL);
        }
    }
    CHECK(pages >= 5);
    CHECK_CONTAINS(text, "Benjamini–Hochbergs metod");
    free(text);
}

int main(void)
{
    test_pair();
    jarva_db *db = sample_db();
    test_family(db);
    test_pages(db);
    jarva_db_close(db);
    return test_report();
}
