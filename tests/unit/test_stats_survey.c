/* test_stats_survey.c: survey shares and means on cases small enough to work
 * by hand, the lonely-PSU rules, the disclosure rule, and every refusal. */
#include <string.h>

#include "harness.h"
#include "stats.h"

/* Four respondents in two strata:
 *   stratum A: (w 1, y 1), (w 1, y 0);  stratum B: (w 2, y 1), (w 2, y 1).
 * W = 6, p = (1 + 2 + 2) / 6 = 5/6.
 * z_i = w_i (y_i - p) / W:  A: 1/36, -5/36;  B: 2/36, 2/36.
 * A: zbar = -2/36, deviations 3/36, -3/36, sum of squares 18/1296, times
 *    n_h / (n_h - 1) = 2: 36/1296.  B: deviations 0.
 * V = 36/1296 = 1/36, se = 1/6, df = 4 - 2 = 2.
 * Logit: beta = log(5), se(beta) = (1/6) / (5/6 * 1/6) = 6/5; for df = 2 the
 * t quantile has the closed form t = q sqrt(2 / (1 - q^2)), q = 2 * 0.975 - 1
 * = 0.95: t = 4.302652729749464, so the interval is
 * expit(log 5 -+ 4.302652729749464 * 1.2) = (0.0278210894..., 0.9988566...);
 * R: svyciprop(~y, svydesign(ids=~1, strata=~st, weights=~w), "logit") gives
 * 0.02782109 and 0.99885662.
 * Domain = the first three respondents (y = 1, 0, 1 with w = 1, 1, 2):
 * W = 4, p = 3/4, z = 1/16, -3/16, 2/16 and 0 for the fourth, which stays in
 * B (n_h = 2): A: S1 = -2/16, S2 = 10/256, 10/256 - (4/256)/2 = 8/256, x2 =
 * 16/256; B: S1 = 2/16, S2 = 4/256, 4/256 - (4/256)/2 = 2/256, x2 = 4/256.
 * V = 20/256 = 0.078125, se = 0.2795084972, df = 3 - 2 = 1 (R: 0.2795, 1). */
static const double hand_w[] = { 1, 1, 2, 2 };
static const double hand_y[] = { 1, 0, 1, 1 };
static const unsigned hand_st[] = { 0, 0, 1, 1 };

static double expit(double x)
{
    return 1 / (1 + exp(-x));
}

static void test_hand_full(void)
{
    jarva_survey_data data = { 4, hand_y, hand_w, hand_st, 2, NULL };
    jarva_estimate_options opts = JARVA_ESTIMATE_OPTIONS_INIT;
    opts.min_n = 1;
    opts.min_cell = 1;
    jarva_estimate e = JARVA_ESTIMATE_INIT;
    char err[200];
    CHECK_INT(jarva_estimate_proportions(&e, &data, NULL, 1, &opts, err, sizeof err), JARVA_OK);
    CHECK_STR(err, "");
    CHECK_INT(e.n, 4);
    CHECK_INT(e.n_positive, 3);
    CHECK_REL(e.estimate, 5.0 / 6, 1e-15);
    CHECK_REL(e.se, 1.0 / 6, 1e-14);
    CHECK_REL(e.df, 2, 0);
    CHECK_REL(e.n_eff, (5.0 / 36) / (1.0 / 36), 1e-14);
    double t = 0.95 * sqrt(2 / (1 - 0.95 * 0.95));
    CHECK_REL(t, 4.302652729749464, 1e-15);
    CHECK_REL(e.ci_low, expit(log(5) - t * 1.2), 1e-12);
    CHECK_REL(e.ci_high, expit(log(5) + t * 1.2), 1e-12);
    CHECK_REL(e.ci_low, 0.02782109, 1e-6);
    CHECK_REL(e.ci_high, 0.99885662, 1e-7);
    CHECK(!e.suppressed);
    CHECK_INT(e.flags, 0);

    /* The "mean" method: 5/6 -+ t / 6 (not clipped). */
    opts.method = JARVA_CI_MEAN;
    CHECK_INT(jarva_estimate_proportions(&e, &data, NULL, 1, &opts, NULL, 0), JARVA_OK);
    CHECK_REL(e.ci_low, 5.0 / 6 - t / 6, 1e-14);
    CHECK_REL(e.ci_high, 5.0 / 6 + t / 6, 1e-14);
    /* Wilson on n_eff = 5: prop.test(25/6, 5, correct = FALSE). */
    opts.method = JARVA_CI_WILSON;
    CHECK_INT(jarva_estimate_proportions(&e, &data, NULL, 1, &opts, NULL, 0), JARVA_OK);
    double z = 1.959963984540054, c = z * z / 10;
    double half = z * sqrt(5.0 / 36 / 5 + c / 10);
    CHECK_REL(e.ci_low, (5.0 / 6 + c - half) / (1 + 2 * c), 1e-12);
    CHECK_REL(e.ci_high, (5.0 / 6 + c + half) / (1 + 2 * c), 1e-12);
}

static void test_hand_domain(void)
{
    jarva_survey_data data = { 4, hand_y, hand_w, hand_st, 2, NULL };
    const int domain[] = { 0, 0, 0, -1 };
    jarva_estimate e = JARVA_ESTIMATE_INIT;
    CHECK_INT(jarva_estimate_proportions(&e, &data, domain, 1, NULL, NULL, 0), JARVA_OK);
    CHECK_INT(e.n, 3);
    CHECK_REL(e.estimate, 0.75, 1e-15);
    CHECK_REL(e.se, sqrt(20.0 / 256), 1e-14);
    CHECK_REL(e.df, 1, 0);
    /* Three respondents: below min_n = 30 and only one non-positive. */
    CHECK(e.suppressed);
    CHECK(e.flags & JARVA_EST_SUPPRESSED_N);
    CHECK(e.flags & JARVA_EST_SUPPRESSED_CELL);

    /* A missing answer is outside the domain too, but keeps its stratum. */
    const double y_missing[] = { 1, 0, 1, NAN };
    data.value = y_missing;
    CHECK_INT(jarva_estimate_proportions(&e, &data, NULL, 1, NULL, NULL, 0), JARVA_OK);
    CHECK_INT(e.n, 3);
    CHECK_REL(e.se, sqrt(20.0 / 256), 1e-14);

    /* Means with the same machinery: y = 1, 2, 4, 5 in the domain of the
     * first three: W = 4, m = (1 + 2 + 8) / 4 = 11/4; z = (1 - 11/4)/4 =
     * -7/16, (2 - 11/4)/4 = -3/16, 2 (4 - 11/4)/4 = 10/16, 0.
     * A: S1 = -10/16, S2 = 58/256, 58/256 - 100/512 = 16/512, x2 = 32/512;
     * B: S1 = 10/16, S2 = 100/256, 100/256 - 100/512 = 100/512, x2 = 200/512.
     * V = 232/512. */
    const double scale[] = { 1, 2, 4, 5 };
    data.value = scale;
    CHECK_INT(jarva_estimate_means(&e, &data, domain, 1, NULL, NULL, 0), JARVA_OK);
    CHECK_REL(e.estimate, 11.0 / 4, 1e-15);
    CHECK_REL(e.se, sqrt(232.0 / 512), 1e-14);
    /* t with 1 df is Cauchy: t_{0.975} = tan(pi (0.975 - 0.5)). */
    double t = tan(3.14159265358979323846 * 0.475);
    CHECK_REL(e.ci_low, 11.0 / 4 - t * e.se, 1e-12);
    CHECK_REL(e.ci_high, 11.0 / 4 + t * e.se, 1e-12);
    CHECK_REL(e.n_eff, 0, 0);
}

/* Several domains in one call give what one call per domain gives; a domain
 * without respondents is empty, flagged and finite. */
static void test_domains_and_empty(void)
{
    jarva_survey_data data = { 4, hand_y, hand_w, hand_st, 2, NULL };
    const int domain[] = { 0, 1, 0, 1 };
    jarva_estimate e[3] = { JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT };
    CHECK_INT(jarva_estimate_proportions(e, &data, domain, 3, NULL, NULL, 0), JARVA_OK);
    CHECK_INT(e[0].n, 2);
    CHECK_INT(e[1].n, 2);
    CHECK_REL(e[0].estimate, 1, 0);           /* w 1 and 2, both positive */
    CHECK_REL(e[1].estimate, 2.0 / 3, 1e-15); /* (0 * 1 + 1 * 2) / 3 */
    CHECK(e[0].flags & JARVA_EST_NO_CI);      /* df = 2 - 2 = 0 */
    CHECK_INT(e[2].n, 0);
    CHECK(e[2].flags & JARVA_EST_EMPTY);
    CHECK(e[2].flags & JARVA_EST_NO_CI);
    CHECK(e[2].suppressed);
    CHECK(isfinite(e[2].estimate) && isfinite(e[2].se) && isfinite(e[2].ci_low) &&
          isfinite(e[2].ci_high) && isfinite(e[2].n_eff) && isfinite(e[2].df));

    /* No strata: one stratum; no weights: weight 1 (p = 3/4, and with
     * n = 4 the variance is p (1 - p) / (n - 1) = 1/16). */
    jarva_survey_data plain = { 4, hand_y, NULL, NULL, 0, NULL };
    CHECK_INT(jarva_estimate_proportions(e, &plain, NULL, 1, NULL, NULL, 0), JARVA_OK);
    CHECK_REL(e[0].estimate, 0.75, 1e-15);
    CHECK_REL(e[0].se, 0.25, 1e-14);
    CHECK_REL(e[0].df, 3, 0);
}

/* Lonely strata (R: options(survey.lonely.psu = ...)). Strata 0: (w 1, y 1),
 * (1, 0); 1: (2, 1) alone; 2: (1, 0), (1, 1). W = 6, p = 4/6 = 2/3.
 * z = w (y - 2/3) / 6: stratum 0: 1/18, -2/18; 1: 2/18; 2: -2/18, 1/18.
 * Strata 0 and 2: deviations from their mean -1/36 are +-3/36, sum of
 * squares 18/1296, times 2: 1/36 each.
 * adjust: the lonely z uncentred, + (2/18)^2 = 1/81 -> V = 2/36 + 1/81;
 * remove, certainty: V = 2/36; average: 2/36 * 3 strata / 2 = 3/36.
 * R 4.2 / survey 4.1 gives the same (SE 0.2605787 adjust, 0.2357023 remove
 * and certainty, 0.2886751 average). */
static void test_lonely(void)
{
    const double w[] = { 1, 1, 2, 1, 1 };
    const double y[] = { 1, 0, 1, 0, 1 };
    const unsigned st[] = { 0, 0, 1, 2, 2 };
    const char *const names[] = { "Norr", "Mitt", "Syd" };
    jarva_survey_data data = { 5, y, w, st, 3, names };
    jarva_estimate_options opts = JARVA_ESTIMATE_OPTIONS_INIT;
    jarva_estimate e = JARVA_ESTIMATE_INIT;
    char err[200];
    CHECK_INT(jarva_estimate_proportions(&e, &data, NULL, 1, &opts, err, sizeof err),
              JARVA_ENUMERIC);
    CHECK_CONTAINS(err, "stratum Mitt has a single respondent");
    const struct {
        jarva_lonely_psu rule;
        double variance;
    } cases[] = { { JARVA_LONELY_PSU_ADJUST, 2.0 / 36 + 1.0 / 81 },
                  { JARVA_LONELY_PSU_REMOVE, 2.0 / 36 },
                  { JARVA_LONELY_PSU_CERTAINTY, 2.0 / 36 },
                  { JARVA_LONELY_PSU_AVERAGE, 3.0 / 36 } };
    for (size_t i = 0; i < 4; i++) {
        opts.lonely_psu = cases[i].rule;
        CHECK_INT(jarva_estimate_proportions(&e, &data, NULL, 1, &opts, NULL, 0), JARVA_OK);
        CHECK_REL(e.estimate, 2.0 / 3, 1e-15);
        CHECK_REL(e.se * e.se, cases[i].variance, 1e-14);
        CHECK(e.flags & JARVA_EST_LONELY_PSU);
        CHECK_REL(e.df, 5 - 3, 0);
    }
    /* A domain without the lonely respondent: the stratum is not in it, so
     * even "fail" succeeds and no flag is set (R's subset drops it). */
    const int domain[] = { 0, 0, -1, 0, 0 };
    opts.lonely_psu = JARVA_LONELY_PSU_FAIL;
    CHECK_INT(jarva_estimate_proportions(&e, &data, domain, 1, &opts, NULL, 0), JARVA_OK);
    CHECK(!(e.flags & JARVA_EST_LONELY_PSU));
    /* Only the lonely respondent, with "average": no stratum is left to
     * average over, so no variance and no interval. */
    const int only[] = { -1, -1, 0, -1, -1 };
    opts.lonely_psu = JARVA_LONELY_PSU_AVERAGE;
    CHECK_INT(jarva_estimate_proportions(&e, &data, only, 1, &opts, NULL, 0), JARVA_OK);
    CHECK(e.flags & JARVA_EST_NO_CI);
    CHECK_REL(e.se, 0, 0);
    CHECK(isfinite(e.ci_low) && isfinite(e.ci_high));
}

/* The disclosure rule at its edges: 30 respondents with 3 on each side
 * published; 29, or 2 on a side, suppressed. */
static void test_disclosure(void)
{
    double y[31];
    for (size_t i = 0; i < 31; i++)
        y[i] = i < 3 ? 1 : 0;
    jarva_survey_data data = { 30, y, NULL, NULL, 0, NULL };
    jarva_estimate e = JARVA_ESTIMATE_INIT;
    CHECK_INT(jarva_estimate_proportions(&e, &data, NULL, 1, NULL, NULL, 0), JARVA_OK);
    CHECK(!e.suppressed);
    data.count = 29;
    CHECK_INT(jarva_estimate_proportions(&e, &data, NULL, 1, NULL, NULL, 0), JARVA_OK);
    CHECK(e.suppressed);
    CHECK_INT(e.flags & (JARVA_EST_SUPPRESSED_N | JARVA_EST_SUPPRESSED_CELL),
              JARVA_EST_SUPPRESSED_N);
    y[2] = 0;
    data.count = 31;
    CHECK_INT(jarva_estimate_proportions(&e, &data, NULL, 1, NULL, NULL, 0), JARVA_OK);
    CHECK(e.suppressed);
    CHECK_INT(e.flags & (JARVA_EST_SUPPRESSED_N | JARVA_EST_SUPPRESSED_CELL),
              JARVA_EST_SUPPRESSED_CELL);
    /* The values are kept for internal use. */
    CHECK_REL(e.estimate, 2.0 / 31, 1e-15);
    /* Means know no sides. */
    CHECK_INT(jarva_estimate_means(&e, &data, NULL, 1, NULL, NULL, 0), JARVA_OK);
    CHECK(!e.suppressed);
}

/* Zero variance inside (0, 1): each stratum's respondents share one value
 * and one weight, so every stratum's z are equal. */
static void test_zero_variance(void)
{
    const double y[] = { 1, 1, 0, 0 };
    const unsigned st[] = { 0, 0, 1, 1 };
    jarva_survey_data data = { 4, y, NULL, st, 2, NULL };
    jarva_estimate e = JARVA_ESTIMATE_INIT;
    CHECK_INT(jarva_estimate_proportions(&e, &data, NULL, 1, NULL, NULL, 0), JARVA_OK);
    CHECK_REL(e.estimate, 0.5, 0);
    CHECK_REL(e.se, 0, 1e-17);
    CHECK(e.flags & JARVA_EST_ZERO_VARIANCE);
    CHECK(e.ci_low == 0.5 && e.ci_high == 0.5);
}

/* What is left of S2 - S1^2 / n_h below its rounding is no variance
 * (stats_sums.c): three equal z of 0.1 summed with a last-bit error leave
 * about 1e-18, which must not become a standard error of 1e-9 and a
 * nonzero interval; a real spread of the same size relative to z (one z
 * off by 1e-6) is kept, as exactly as the formula gives it. */
static void test_rounding_is_not_variance(void)
{
    size_t sizes[2] = { 3, 3 };
    jarva__stratum_cell cells[2] = { { 3, 0.3, 0.03 + 2e-18 }, { 3, 0.3, 0.03 } };
    jarva__domain_moments m = { 0 };
    char err[256];
    CHECK_INT(
        jarva__moments_combine(2, sizes, cells, JARVA_LONELY_PSU_FAIL, NULL, &m, err, sizeof err),
        JARVA_OK);
    CHECK_REL(m.variance, 0, 0);
    /* z = 0.1, 0.1, 0.100001: S1 = 0.300001, S2 = 0.020000200001 + 0.01 ... */
    double z[3] = { 0.1, 0.1, 0.100001 };
    double s1 = z[0] + z[1] + z[2], s2 = z[0] * z[0] + z[1] * z[1] + z[2] * z[2];
    jarva__stratum_cell spread[1] = { { 3, s1, s2 } };
    memset(&m, 0, sizeof m);
    CHECK_INT(
        jarva__moments_combine(1, sizes, spread, JARVA_LONELY_PSU_FAIL, NULL, &m, err, sizeof err),
        JARVA_OK);
    /* sum (z - zbar)^2 = (2/3)(1e-6)^2 = 6.67e-13, times n/(n-1) = 1.5: 1e-12 */
    CHECK_REL(m.variance, 1e-12, 1e-3);
}

static void test_refusals(void)
{
    jarva_survey_data data = { 4, hand_y, hand_w, hand_st, 2, NULL };
    jarva_estimate e[2] = { JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT };
    char err[200];
    const double bad_w[] = { 1, 0, 2, 2 };
    data.weight = bad_w;
    CHECK_INT(jarva_estimate_proportions(e, &data, NULL, 1, NULL, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "respondent 1: weight 0");
    data.weight = hand_w;
    const unsigned bad_st[] = { 0, 2, 1, 1 };
    data.stratum = bad_st;
    CHECK_INT(jarva_estimate_proportions(e, &data, NULL, 1, NULL, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "respondent 1: stratum 2");
    data.stratum = hand_st;
    const int bad_dom[] = { 0, 1, -2, 0 };
    CHECK_INT(jarva_estimate_proportions(e, &data, bad_dom, 2, NULL, err, sizeof err),
              JARVA_EINVAL);
    CHECK_CONTAINS(err, "respondent 2: domain -2");
    const double scale[] = { 1, 5, 3, 2 };
    data.value = scale;
    CHECK_INT(jarva_estimate_proportions(e, &data, NULL, 1, NULL, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "respondent 1: value 5 is not 0, 1 or missing");
    CHECK_INT(jarva_estimate_means(e, &data, NULL, 1, NULL, err, sizeof err), JARVA_OK);
    CHECK_STR(err, "");
    const double inf[] = { 1, INFINITY, 3, 2 };
    data.value = inf;
    CHECK_INT(jarva_estimate_means(e, &data, NULL, 1, NULL, err, sizeof err), JARVA_EINVAL);
    data.value = hand_y;
    jarva_estimate_options opts = JARVA_ESTIMATE_OPTIONS_INIT;
    opts.version = 99;
    CHECK_INT(jarva_estimate_proportions(e, &data, NULL, 1, &opts, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "version 99");
    opts = (jarva_estimate_options)JARVA_ESTIMATE_OPTIONS_INIT;
    opts.level = 1;
    CHECK_INT(jarva_estimate_proportions(e, &data, NULL, 1, &opts, err, sizeof err), JARVA_EINVAL);
    opts.level = NAN;
    CHECK_INT(jarva_estimate_proportions(e, &data, NULL, 1, &opts, err, sizeof err), JARVA_EINVAL);
    CHECK_INT(jarva_estimate_proportions(e, &data, NULL, 0, NULL, err, sizeof err), JARVA_EINVAL);
    CHECK_INT(jarva_estimate_proportions(e, NULL, NULL, 1, NULL, err, sizeof err), JARVA_EINVAL);
    CHECK_INT(jarva_estimate_proportions(NULL, &data, NULL, 1, NULL, err, sizeof err),
              JARVA_EINVAL);
    /* A NULL or one-byte error buffer is fine. */
    CHECK_INT(jarva_estimate_proportions(e, &data, NULL, 0, NULL, NULL, 0), JARVA_EINVAL);
    CHECK_INT(jarva_estimate_proportions(e, &data, NULL, 0, NULL, err, 1), JARVA_EINVAL);
    CHECK_STR(err, "");
    /* No respondents at all: one empty domain. */
    jarva_survey_data none = { 0, NULL, NULL, NULL, 0, NULL };
    CHECK_INT(jarva_estimate_proportions(e, &none, NULL, 1, NULL, NULL, 0), JARVA_OK);
    CHECK(e[0].flags & JARVA_EST_EMPTY);
}

int main(void)
{
    test_hand_full();
    test_hand_domain();
    test_domains_and_empty();
    test_lonely();
    test_disclosure();
    test_zero_variance();
    test_rounding_is_not_variance();
    test_refusals();
    return test_report();
}
