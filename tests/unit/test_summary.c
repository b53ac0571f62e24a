/* test_summary.c: jarva_summary_open() (what needs action) against
 * jarva_status_assess() one indicator at a time, its order, and its
 * Benjamini-Hochberg adjustment against the step-up rule computed here by
 * hand (Benjamini & Hochberg 1995: p_(i) * m / i, then the running minimum
 * from the largest p down); and the front-end queries jarva_estimates_stale()
 * and jarva_estimates_latest_year(). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "jarva.h"
#include "report_sample.h"

/* Simulated data over 2015-2025 (report_sample.c): several waves, so that
 * changes are tested and trends fitted. */
static jarva_db *sample_db(void)
{
    jarva_db *db = NULL;
    CHECK_INT(jarva_db_open(&db, test_tmp_path("summary.db"), JARVA_DB_CREATE), JARVA_OK);
    CHECK_INT(jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators"), JARVA_OK);
    int stale = -1, year = -1;
    CHECK_INT(jarva_estimates_stale(&stale, db), JARVA_OK);
    CHECK_INT(stale, 0); /* nothing imported: nothing to compute */
    CHECK_INT(jarva_estimates_latest_year(&year, db), JARVA_OK);
    CHECK_INT(year, 0);
    char dir[4096], err[512], cmd[4200];
    snprintf(dir, sizeof dir, "%s", test_tmp_path("summary_data"));
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    CHECK(system(cmd) == 0);
    CHECK_INT(jarva__sample_write(dir, 80, 7, err, sizeof err), JARVA_OK);
    CHECK_INT(jarva__sample_import(db, dir), JARVA_OK);
    CHECK_INT(jarva_estimates_stale(&stale, db), JARVA_OK);
    CHECK_INT(stale, 1);
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK);
    CHECK_INT(jarva_estimates_stale(&stale, db), JARVA_OK);
    CHECK_INT(stale, 0);
    return db;
}

/* The latest year is the largest year of any stored estimate. */
static void test_latest_year(jarva_db *db)
{
    jarva_result_list *all = NULL;
    CHECK_INT(jarva_result_list_open(&all, db, NULL), JARVA_OK);
    int max = 0;
    for (size_t i = 0; i < jarva_result_list_count(all); i++)
        if (jarva_result_list_get(all, i)->year > max)
            max = jarva_result_list_get(all, i)->year;
    jarva_result_list_free(all);
    int year = 0;
    CHECK_INT(jarva_estimates_latest_year(&year, db), JARVA_OK);
    CHECK_INT(max, 2025);
    CHECK_INT(year, max);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* BH by hand for the p-value p among ps[0..m). */
static double bh_by_hand(const double *ps, size_t m, double p)
{
    double *sorted = malloc(m * sizeof *sorted);
    memcpy(sorted, ps, m * sizeof *sorted);
    qsort(sorted, m, sizeof *sorted, cmp_double);
    double best = 1;
    for (size_t k = m; k-- > 0;) {
        double q = sorted[k] * (double)m / (double)(k + 1);
        if (q < best)
            best = q;
        if (sorted[k] == p) {
            free(sorted);
            return best;
        }
    }
    free(sorted);
    return NAN;
}

static void test_summary(jarva_db *db)
{
    jarva_summary *s = NULL;
    CHECK_INT(jarva_summary_open(&s, db, 0, NULL), JARVA_OK);
    jarva_indicator_list *inds = NULL;
    CHECK_INT(jarva_indicator_list_open(&inds, db, NULL), JARVA_OK);
    size_t n = jarva_summary_count(s);
    CHECK_INT((long)n, (long)jarva_indicator_list_count(inds));
    CHECK(jarva_summary_get(s, n) == NULL);
    CHECK_REL(jarva_summary_level(s), 0.95, 1e-15);

    double *ps = calloc(n ? n : 1, sizeof *ps);
    size_t tested = 0;
    size_t groups[5] = { 0 };
    for (size_t i = 0; i < n; i++) {
        const jarva_summary_item *it = jarva_summary_get(s, i);
        groups[it->group]++;
        /* The same status as asking for the indicator alone. */
        jarva_target_status st = JARVA_TARGET_STATUS_INIT;
        int has_target = -1;
        CHECK_INT(
            jarva_status_assess(&st, &has_target, db, it->indicator->id, it->area_id, 0, NULL),
            JARVA_OK);
        CHECK_INT(it->status.state, st.state);
        CHECK_INT(it->status.rule, st.rule);
        CHECK_INT(it->has_target, has_target);
        if (st.has_projection)
            CHECK_REL(it->status.probability, st.probability, 1e-12);
        CHECK(jarva_summary_find(s, it->indicator->id) == it);
        /* Groups in order; off track before uncertain, each by rising probability. */
        if (i > 0) {
            const jarva_summary_item *prev = jarva_summary_get(s, i - 1);
            CHECK(prev->group <= it->group);
            if (prev->group == JARVA_SUMMARY_NEEDS_ACTION &&
                it->group == JARVA_SUMMARY_NEEDS_ACTION) {
                CHECK(!(prev->status.state == JARVA_TARGET_UNCERTAIN &&
                        it->status.state == JARVA_TARGET_OFF_TRACK));
                if (prev->status.state == it->status.state)
                    CHECK(prev->status.probability <= it->status.probability);
            }
        }
        CHECK(it->group != JARVA_SUMMARY_NEEDS_ACTION ||
              it->status.state == JARVA_TARGET_OFF_TRACK ||
              it->status.state == JARVA_TARGET_UNCERTAIN);
        CHECK(it->group != JARVA_SUMMARY_NO_TARGET || !it->has_target);
        if (st.has_change && !(st.change.flags & JARVA_CHANGE_NO_TEST))
            ps[tested++] = st.change.p_value;
        else
            CHECK(isnan(it->change_p_adjusted));
    }
    CHECK(tested >= 5); /* the sample gives tested changes to adjust */
    CHECK(groups[JARVA_SUMMARY_NEEDS_ACTION] > 0 && groups[JARVA_SUMMARY_NO_TARGET] > 0);
    for (size_t i = 0; i < n; i++) {
        const jarva_summary_item *it = jarva_summary_get(s, i);
        if (isnan(it->change_p_adjusted))
            continue;
        double expected = bh_by_hand(ps, tested, it->status.change.p_value);
        CHECK_REL(it->change_p_adjusted, expected, 1e-12);
        CHECK(it->change_p_adjusted >= it->status.change.p_value);
        CHECK_INT(it->change_significant, it->change_p_adjusted < 0.05);
    }
    free(ps);
    CHECK_STR(jarva_summary_group_name(JARVA_SUMMARY_NEEDS_ACTION), "needs_action");
    CHECK_STR(jarva_summary_group_name(JARVA_SUMMARY_NOT_JUDGED), "not_judged");
    CHECK_STR(jarva_summary_group_name((jarva_summary_group)42), "");
    jarva_indicator_list_free(inds);
    jarva_summary_free(s);
    jarva_summary_free(NULL);
    CHECK_INT((long)jarva_summary_count(NULL), 0);
    CHECK_INT(jarva_summary_open(NULL, db, 0, NULL), JARVA_EINVAL);
}

int main(void)
{
    jarva_db *db = sample_db();
    test_latest_year(db);
    test_summary(db);
    jarva_db_close(db);
    return test_report();
}
