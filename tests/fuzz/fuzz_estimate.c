/* fuzz_estimate.c: the estimate path on random designs: shares and means of
 * survey microdata (strata, weights, domains, missing values, lonely
 * strata, every interval method and lonely-PSU rule), published shares,
 * counts, and on the domain estimates taken as a series: change between
 * years, trend and target status.
 *
 * Input: 8 bytes of options (method, lonely-PSU rule, level, min_n,
 * min_cell, strata, domains, flags), then 4 bytes per respondent (value,
 * weight, stratum, domain), at most 4096 respondents. FUZZ_VERBOSE=1 in the
 * environment prints each estimate checked.
 *
 * Invariants checked (jarva/estimate.h): every result field is a number,
 * finite except df (which may be infinite); intervals are ordered and hold
 * the estimate; a share lies in [0, 1] and so does its interval unless the
 * method is "mean"; suppression is flagged; no call hangs (libFuzzer's
 * timeout). */
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "jarva/estimate.h"

#define MAX_RESPONDENTS 4096
#define MAX_DOMAINS 8

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

/* Levels: ordinary ones mostly, the edges and invalid ones sometimes. */
static double level_from(unsigned b)
{
    static const double special[] = { 0.0, 1.0, NAN, 1e-12, 1 - 1e-12, 0.5, 0.9, 0.99 };
    if (b >= 248)
        return special[b - 248];
    return 0.5 + 0.499 * (double)b / 247.0;
}

/* Weights: ordinary ones mostly, extremes and invalid ones sometimes. */
static double weight_from(unsigned b)
{
    static const double special[] = { 1e-300, 1e300, 0.0, -1.0, NAN, INFINITY, 1e-9, 1e9 };
    if (b >= 248)
        return special[b - 248];
    return 1.0 + (double)b * 3.7;
}

static void print_estimate(const jarva_estimate *e)
{
    fprintf(stderr,
            "estimate %.17g se %.17g ci [%.17g, %.17g] df %g n_eff %g n %zu n_positive %zu "
            "suppressed %d flags 0x%x\n",
            e->estimate, e->se, e->ci_low, e->ci_high, e->df, e->n_eff, e->n, e->n_positive,
            e->suppressed, e->flags);
}

static void check_estimate(const jarva_estimate *e, int share, jarva_ci_method method)
{
    static int verbose = -1; /* FUZZ_VERBOSE=1: print every estimate checked */
    if (verbose < 0)
        verbose = getenv("FUZZ_VERBOSE") != NULL;
    if (verbose)
        print_estimate(e);
    FUZZ_ASSERT(isfinite(e->estimate) && isfinite(e->se) && isfinite(e->ci_low) &&
                isfinite(e->ci_high) && isfinite(e->n_eff));
    FUZZ_ASSERT(!isnan(e->df));
    FUZZ_ASSERT(e->se >= 0);
    FUZZ_ASSERT(e->ci_low <= e->ci_high);
    /* Every interval here (logit, Korn-Graubard, Wilson, Clopper-Pearson,
     * t, Garwood) holds its estimate. */
    double slack = 1e-9 * (fabs(e->estimate) > 1 ? fabs(e->estimate) : 1);
    FUZZ_ASSERT(e->ci_low <= e->estimate + slack && e->estimate - slack <= e->ci_high);
    if (e->suppressed)
        FUZZ_ASSERT(e->flags & (JARVA_EST_SUPPRESSED_N | JARVA_EST_SUPPRESSED_CELL));
    if (e->flags & JARVA_EST_NO_CI)
        FUZZ_ASSERT(e->ci_low == e->estimate && e->ci_high == e->estimate);
    if (share) {
        FUZZ_ASSERT(e->estimate >= 0 && e->estimate <= 1);
        FUZZ_ASSERT(e->n_positive <= e->n);
        if (method != JARVA_CI_MEAN)
            FUZZ_ASSERT(e->ci_low >= -1e-12 && e->ci_high <= 1 + 1e-12);
    }
}

static void check_series(const jarva_estimate *est, size_t count, const uint8_t *opt, double level)
{
    int years[MAX_DOMAINS], breaks[2];
    for (size_t i = 0; i < count; i++)
        years[i] = 2015 + (int)i * (1 + (opt[7] >> 6));
    size_t break_count = 0;
    if (opt[7] & 0x10)
        breaks[break_count++] = years[count / 2];
    jarva_series series = { count, years, est, breaks, break_count };
    char msg[256];

    jarva_change change = JARVA_CHANGE_INIT;
    if (count >= 2 && jarva_change_between(&change, &series, years[0], years[count - 1], level, msg,
                                           sizeof msg) == JARVA_OK) {
        FUZZ_ASSERT(isfinite(change.difference) && isfinite(change.se) && change.se >= 0);
        FUZZ_ASSERT(!isnan(change.ci_low) && !isnan(change.ci_high) &&
                    change.ci_low <= change.ci_high);
        FUZZ_ASSERT(change.p_value >= 0 && change.p_value <= 1);
    }

    jarva_trend trend = JARVA_TREND_INIT;
    if (jarva_trend_fit(&trend, &series, level, msg, sizeof msg) == JARVA_OK &&
        !(trend.flags & JARVA_TREND_INSUFFICIENT)) {
        FUZZ_ASSERT(trend.n_points >= 3 && trend.n_points <= count);
        FUZZ_ASSERT(isfinite(trend.slope) && isfinite(trend.intercept) &&
                    isfinite(trend.se_slope) && isfinite(trend.cov));
        FUZZ_ASSERT(trend.p_value >= 0 && trend.p_value <= 1);
        double se;
        FUZZ_ASSERT(isfinite(jarva_trend_predict(&trend, years[count - 1] + 5, &se)) &&
                    isfinite(se));
    }

    jarva_target target = { (opt[7] & 0x20) ? JARVA_LOWER_IS_BETTER : JARVA_HIGHER_IS_BETTER,
                            (double)opt[4] / 255.0, 2015 + (opt[3] & 31),
                            (opt[7] & 0x08) ? years[0] : 0, (double)opt[5] / 255.0 };
    jarva_target_options topts = JARVA_TARGET_OPTIONS_INIT;
    topts.level = level;
    topts.on_track = (opt[7] & 1) ? 0.9 : 0.75;
    jarva_target_status status = JARVA_TARGET_STATUS_INIT;
    if (jarva_target_assess(&status, &series, &target, &topts, msg, sizeof msg) == JARVA_OK) {
        FUZZ_ASSERT(status.state <= JARVA_TARGET_OFF_TRACK);
        FUZZ_ASSERT(jarva_target_state_name(status.state)[0] != '\0');
        if (status.has_projection) {
            FUZZ_ASSERT(isfinite(status.projected_value) && isfinite(status.projected_se));
            FUZZ_ASSERT(status.probability >= 0 && status.probability <= 1);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 8)
        return 0;
    const uint8_t *opt = data;
    size_t count = (size - 8) / 4;
    if (count > MAX_RESPONDENTS)
        count = MAX_RESPONDENTS;
    const uint8_t *resp = data + 8;

    jarva_estimate_options opts = JARVA_ESTIMATE_OPTIONS_INIT;
    opts.method = (jarva_ci_method)(opt[0] % 6);
    opts.lonely_psu = (jarva_lonely_psu)(opt[1] % 5);
    opts.level = level_from(opt[2]);
    opts.min_n = opt[3] % 40;
    opts.min_cell = opt[4] % 8;
    size_t strata = opt[5] % 9; /* 0: no strata */
    size_t domains = (size_t)opt[6] % MAX_DOMAINS + 1;
    int no_domain = opt[6] >= 0xF0; /* everyone in domain 0 */
    int no_weights = opt[7] & 0x04;

    static double share[MAX_RESPONDENTS], mean[MAX_RESPONDENTS], weight[MAX_RESPONDENTS];
    static unsigned stratum[MAX_RESPONDENTS];
    static int domain[MAX_RESPONDENTS];
    for (size_t i = 0; i < count; i++) {
        const uint8_t *r = resp + 4 * i;
        share[i] = r[0] % 3 == 2 ? NAN : (double)(r[0] % 3);
        mean[i] = r[0] == 255 ? NAN : (double)r[0] / 8.0 - 12.0;
        weight[i] = weight_from(r[1]);
        stratum[i] = strata ? r[2] % (unsigned)strata : 0;
        domain[i] = (int)(r[3] % (domains + 1)) - 1;
    }
    jarva_survey_data survey = { count,  share, no_weights ? NULL : weight, strata ? stratum : NULL,
                                 strata, NULL };
    if (no_domain)
        domains = 1;
    jarva_estimate est[MAX_DOMAINS];
    jarva_estimate_init(est, MAX_DOMAINS);
    char msg[256];
    int rc = jarva_estimate_proportions(est, &survey, no_domain ? NULL : domain, domains, &opts,
                                        msg, sizeof msg);
    FUZZ_ASSERT(rc == JARVA_OK || (rc < 0 && msg[0] != '\0'));
    if (rc == JARVA_OK) {
        for (size_t d = 0; d < domains; d++)
            check_estimate(&est[d], 1, opts.method);
        check_series(est, domains, opt, opts.level);
    }

    survey.value = mean;
    jarva_estimate means[MAX_DOMAINS];
    jarva_estimate_init(means, MAX_DOMAINS);
    rc = jarva_estimate_means(means, &survey, no_domain ? NULL : domain, domains, &opts, msg,
                              sizeof msg);
    FUZZ_ASSERT(rc == JARVA_OK || (rc < 0 && msg[0] != '\0'));
    if (rc == JARVA_OK)
        for (size_t d = 0; d < domains; d++)
            check_estimate(&means[d], 0, opts.method);

    /* A published share and a count from the first respondents' bytes. */
    if (count >= 1) {
        double p = (double)resp[0] / 255.0, n = (double)(resp[1] | resp[2] << 8);
        jarva_estimate e = JARVA_ESTIMATE_INIT;
        if (jarva_estimate_table_share(&e, p, n, &opts, msg, sizeof msg) == JARVA_OK)
            check_estimate(&e, 1, opts.method);
        double exposure = resp[3] ? (double)resp[3] / 16.0 : 1.0;
        if (jarva_estimate_count(&e, n, exposure, &opts, msg, sizeof msg) == JARVA_OK) {
            check_estimate(&e, 0, opts.method);
            FUZZ_ASSERT(e.ci_low <= e.estimate && e.estimate <= e.ci_high);
        }
    }
    return 0;
}
