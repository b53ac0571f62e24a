/* test_stats_ci.c: the quantile functions and interval formulas on their own:
 * closed forms, R's values for arguments where GSL's inverses fail or never
 * return, published shares and counts at their edges, and that no argument
 * produces NaN in a result. */
#include <float.h>

#include "harness.h"
#include "stats.h"

/* Values from R 4.2: qbeta, qgamma, qt (printed with %.17g). */
static void test_quantiles(void)
{
    /* Closed forms: Beta(1, n) upper quantile 1 - (alpha/2)^(1/n); Gamma(1)
     * is the exponential; t with 2 df (see test_stats_survey.c). */
    CHECK_REL(jarva__beta_quantile(0.975, 1, 40), 1 - pow(0.025, 1.0 / 40), 1e-13);
    CHECK_REL(jarva__gamma_quantile(0.975, 1), -log(0.025), 1e-13);
    CHECK_REL(jarva__t_quantile(0.975, 2), 4.3026527297494619, 1e-14);
    CHECK_REL(jarva__t_quantile(0.975, INFINITY), 1.959963984540054, 1e-14);
    /* Shapes where gsl_cdf_beta_Pinv loops forever (a + b > ~2e6) or gives
     * NaN (a tiny shape), and gamma shapes where gsl_cdf_gamma_Pinv gives
     * NaN (>= 1e6). */
    CHECK_REL(jarva__beta_quantile(0.025, 2e6, 2e6), 0.49951000909088306, 1e-12);
    CHECK_REL(jarva__beta_quantile(0.975, 2e6, 2e6), 0.50048999090911694, 1e-12);
    CHECK_REL(jarva__beta_quantile(0.025, 3e6, 7e6), 0.29971601214310312, 1e-12);
    CHECK_REL(jarva__beta_quantile(0.975, 1e6 + 1, 3e6), 0.25042465050950258, 1e-12);
    CHECK_REL(jarva__beta_quantile(0.025, 0.3, 2e7), 1.5928395437441453e-13, 1e-9);
    CHECK_REL(jarva__beta_quantile(0.025, 0.01, 2), 2.3007185227206789e-161, 1e-9);
    CHECK_REL(jarva__beta_quantile(0.025, 1e-3, 30), 0, 1e-300);
    CHECK_REL(jarva__beta_quantile(0.975, 30, 1e-3), 1, 1e-15);
    CHECK_REL(jarva__gamma_quantile(0.025, 1e7), 9993802.9968842678, 1e-11);
    CHECK_REL(jarva__gamma_quantile(0.975, 1e7 + 1), 10006199.897731498, 1e-11);
    CHECK_REL(jarva__gamma_quantile(0.975, 1e-3), 5.6792519968232835e-12, 1e-9);
    CHECK_REL(jarva__gamma_quantile(0.975, 1e6 + 1), 1001961.9119454322, 1e-10);
    /* Either side of the switch to Wilson-Hilferty at shape 1e5. */
    CHECK_REL(jarva__gamma_quantile(0.975, 99999), 100619.7385417881, 1e-12);
    CHECK_REL(jarva__gamma_quantile(0.025, 1e5), 99381.152663744739, 1e-9);
    /* Arguments outside the domain give NaN without calling GSL. */
    CHECK(isnan(jarva__beta_quantile(0.5, 0, 1)));
    CHECK(isnan(jarva__beta_quantile(0.5, NAN, 1)));
    CHECK(isnan(jarva__beta_quantile(0.5, 1, INFINITY)));
    CHECK(isnan(jarva__beta_quantile(1.5, 1, 1)));
    CHECK(isnan(jarva__gamma_quantile(0.5, 0)));
    CHECK(isnan(jarva__gamma_quantile(1, 3)));
    CHECK(isnan(jarva__t_quantile(0.975, 0)));
    CHECK(isnan(jarva__t_quantile(0.975, -1)));
    CHECK(isnan(jarva__t_quantile(1, 5)));
    CHECK(isnan(jarva__normal_quantile(0)));
    CHECK(isnan(jarva__two_sided_p(1, 0)));
    CHECK_REL(jarva__two_sided_p(1.959963984540054, INFINITY), 0.05, 1e-12);
    CHECK_REL(jarva__two_sided_p(-4.3026527297494619, 2), 0.05, 1e-12);
}

static void test_interval_guards(void)
{
    double lo = -7, hi = -7;
    CHECK_INT(jarva__ci_logit(0, 0.1, 10, 0.95, &lo, &hi), JARVA_ENUMERIC);
    CHECK_INT(jarva__ci_logit(1, 0.1, 10, 0.95, &lo, &hi), JARVA_ENUMERIC);
    CHECK_INT(jarva__ci_logit(0.5, 0.1, 0, 0.95, &lo, &hi), JARVA_ENUMERIC);
    CHECK_INT(jarva__ci_korn_graubard(0.5, 10, 1, 5, 0.95, &lo, &hi), JARVA_ENUMERIC);
    CHECK_INT(jarva__ci_korn_graubard(0.5, 0, 10, 5, 0.95, &lo, &hi), JARVA_ENUMERIC);
    CHECK_INT(jarva__ci_clopper_pearson(0.5, 0, 0.95, &lo, &hi), JARVA_ENUMERIC);
    CHECK_INT(jarva__ci_clopper_pearson(NAN, 10, 0.95, &lo, &hi), JARVA_ENUMERIC);
    CHECK_INT(jarva__ci_wilson(0.5, INFINITY, 0.95, &lo, &hi), JARVA_ENUMERIC);
    CHECK_INT(jarva__ci_garwood(-1, 0.95, &lo, &hi), JARVA_ENUMERIC);
    CHECK_INT(jarva__ci_t(1, NAN, 10, 0.95, &lo, &hi), JARVA_ENUMERIC);
    CHECK(lo == -7 && hi == -7);
    /* Clopper-Pearson at the edges: [0, 1 - (alpha/2)^(1/n)] and mirrored. */
    CHECK_INT(jarva__ci_clopper_pearson(0, 40, 0.95, &lo, &hi), JARVA_OK);
    CHECK(lo == 0);
    CHECK_REL(hi, 1 - pow(0.025, 1.0 / 40), 1e-13);
    CHECK_INT(jarva__ci_clopper_pearson(1, 40, 0.95, &lo, &hi), JARVA_OK);
    CHECK_REL(lo, pow(0.025, 1.0 / 40), 1e-13);
    CHECK(hi == 1);
    /* A huge effective sample size (a million respondents) returns. */
    CHECK_INT(jarva__ci_clopper_pearson(0.5, 4e6, 0.95, &lo, &hi), JARVA_OK);
    CHECK_REL(lo, 0.49950988415222236, 1e-9); /* qbeta(0.025, 2e6, 2e6 + 1) */
}

static void test_table_share(void)
{
    jarva_estimate e = JARVA_ESTIMATE_INIT;
    char err[200];
    jarva_estimate_options opts = JARVA_ESTIMATE_OPTIONS_INIT;
    /* 63 % of 412: Wilson by default, se sqrt(p (1 - p) / n). */
    CHECK_INT(jarva_estimate_table_share(&e, 0.63, 412, &opts, err, sizeof err), JARVA_OK);
    CHECK_REL(e.se, sqrt(0.63 * 0.37 / 412), 1e-15);
    CHECK_INT(e.n, 412);
    CHECK_INT(e.n_positive, 260); /* 259.56 rounded */
    CHECK(isinf(e.df));
    CHECK(!e.suppressed);
    CHECK_INT(e.flags, 0);
    /* Without n: the share, flagged, no interval. */
    CHECK_INT(jarva_estimate_table_share(&e, 0.63, 0, &opts, err, sizeof err), JARVA_OK);
    CHECK_INT(e.flags, JARVA_EST_NO_N | JARVA_EST_NO_CI);
    CHECK(e.ci_low == 0.63 && e.ci_high == 0.63 && e.se == 0);
    CHECK(!e.suppressed);
    /* Small n is suppressed; 2 of 40 on one side too. */
    CHECK_INT(jarva_estimate_table_share(&e, 0.5, 20, &opts, NULL, 0), JARVA_OK);
    CHECK_INT(e.flags, JARVA_EST_SUPPRESSED_N);
    CHECK_INT(jarva_estimate_table_share(&e, 0.05, 40, &opts, NULL, 0), JARVA_OK);
    CHECK_INT(e.flags, JARVA_EST_SUPPRESSED_CELL);
    /* Refusals. */
    CHECK_INT(jarva_estimate_table_share(&e, 1.2, 40, &opts, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "1.2");
    CHECK_INT(jarva_estimate_table_share(&e, NAN, 40, &opts, err, sizeof err), JARVA_EINVAL);
    CHECK_INT(jarva_estimate_table_share(&e, 0.5, 40.5, &opts, err, sizeof err), JARVA_EINVAL);
    CHECK_INT(jarva_estimate_table_share(&e, 0.5, -1, &opts, err, sizeof err), JARVA_EINVAL);
    opts.method = JARVA_CI_LOGIT;
    CHECK_INT(jarva_estimate_table_share(&e, 0.5, 40, &opts, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "wilson or clopper-pearson");
    /* Beta is Clopper-Pearson here (Korn-Graubard with n_eff = n, df = n - 1). */
    opts.method = JARVA_CI_BETA;
    jarva_estimate cp = JARVA_ESTIMATE_INIT;
    CHECK_INT(jarva_estimate_table_share(&e, 0.25, 40, &opts, NULL, 0), JARVA_OK);
    opts.method = JARVA_CI_CLOPPER_PEARSON;
    CHECK_INT(jarva_estimate_table_share(&cp, 0.25, 40, &opts, NULL, 0), JARVA_OK);
    CHECK(e.ci_low == cp.ci_low && e.ci_high == cp.ci_high);
}

static void test_count(void)
{
    jarva_estimate e = JARVA_ESTIMATE_INIT;
    char err[200];
    /* Zero events: [0, -log(alpha/2)] = [0, 3.6888794541139363]. */
    CHECK_INT(jarva_estimate_count(&e, 0, 1, NULL, err, sizeof err), JARVA_OK);
    CHECK(e.estimate == 0 && e.se == 0 && e.ci_low == 0);
    CHECK_REL(e.ci_high, -log(0.025), 1e-13);
    CHECK(!e.suppressed);
    CHECK_INT(jarva_estimate_count(&e, 2.5, 1, NULL, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "2.5");
    CHECK_INT(jarva_estimate_count(&e, 3, 0, NULL, err, sizeof err), JARVA_EINVAL);
    CHECK_INT(jarva_estimate_count(&e, 3, INFINITY, NULL, err, sizeof err), JARVA_EINVAL);
    CHECK_INT(jarva_estimate_count(&e, -1, 1, NULL, err, sizeof err), JARVA_EINVAL);
    /* A million events: gsl_cdf_gamma_Pinv would give NaN; R qgamma gives
     * 998040.98334029387. */
    CHECK_INT(jarva_estimate_count(&e, 1e6, 1, NULL, err, sizeof err), JARVA_OK);
    CHECK_REL(e.ci_low, 998040.98334029387, 1e-10);
    CHECK(!(e.flags & JARVA_EST_NO_CI));
}

/* Every method on a grid of awkward survey data gives finite numbers. */
static void test_never_nan(void)
{
    const jarva_ci_method methods[] = {
        JARVA_CI_DEFAULT, JARVA_CI_LOGIT,  JARVA_CI_BETA,
        JARVA_CI_MEAN,    JARVA_CI_WILSON, JARVA_CI_CLOPPER_PEARSON
    };
    const double ys[][4] = { { 0, 0, 0, 0 },         { 1, 1, 1, 1 }, { 1, 0, NAN, NAN },
                             { NAN, NAN, NAN, NAN }, { 1, 0, 0, 1 }, { 1, 1, 0, 0 } };
    const unsigned st[] = { 0, 0, 1, 1 };
    const double w[] = { 1e-300, 1e300, 1, 1 };
    for (size_t m = 0; m < 6; m++)
        for (size_t k = 0; k < 6; k++)
            for (int weighted = 0; weighted < 2; weighted++) {
                jarva_survey_data data = { 4, ys[k], weighted ? w : NULL, st, 2, NULL };
                jarva_estimate_options opts = JARVA_ESTIMATE_OPTIONS_INIT;
                opts.method = methods[m];
                opts.level = 0.999999;
                jarva_estimate e = JARVA_ESTIMATE_INIT;
                int rc = jarva_estimate_proportions(&e, &data, NULL, 1, &opts, NULL, 0);
                CHECK_INT(rc, JARVA_OK);
                CHECK(isfinite(e.estimate) && isfinite(e.se) && isfinite(e.ci_low) &&
                      isfinite(e.ci_high) && isfinite(e.n_eff) && !isnan(e.df));
                CHECK(e.ci_low <= e.estimate + 1e-12 || methods[m] == JARVA_CI_MEAN);
            }
}

int main(void)
{
    jarva_global_init();
    test_quantiles();
    test_interval_guards();
    test_table_share();
    test_count();
    test_never_nan();
    return test_report();
}
