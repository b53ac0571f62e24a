/* test_stats_target.c: the target status of issue 11 against R
 * (tests/reference/make_judgement_fixtures.R): WLS trends with the dispersion
 * factor, OLS trends of exact counts with zeros, the projection to the target
 * year and its se, the probability and the status; the order of the rules;
 * the baseline rule; Benjamini-Hochberg; the minimum detectable change. */
#include <math.h>

#include "harness.h"
#include "stats.h"
#include "test_stats_csv.h"

/* Splits "a b c" into at most max numbers; returns the count. */
static size_t numbers(const char *text, double *out, size_t max)
{
    size_t n = 0;
    char *end;
    for (const char *p = text; n < max; p = end) {
        double v = strtod(p, &end);
        if (end == p)
            break;
        out[n++] = v;
    }
    return n;
}

static jarva_estimate sampled(double estimate, double se)
{
    jarva_estimate e = JARVA_ESTIMATE_INIT;
    e.estimate = estimate;
    e.se = se;
    e.df = INFINITY;
    e.ci_low = estimate - 1.96 * se;
    e.ci_high = estimate + 1.96 * se;
    e.n = 400;
    return e;
}

static jarva_estimate exact(double value)
{
    jarva_estimate e = JARVA_ESTIMATE_INIT;
    char err[128];
    CHECK_INT(jarva_estimate_exact(&e, value, 0, err, sizeof err), JARVA_OK);
    return e;
}

static void test_reference(void)
{
    csv_table ref;
    CHECK_INT(csv_table_load(&ref, "ref_judgement.csv"), 0);
    CHECK(ref.rows >= 7);
    for (size_t r = 0; r < ref.rows; r++) {
        double year_values[16], est[16], se[16];
        size_t k = numbers(csv_str(&ref, r, "years"), year_values, 16);
        CHECK_INT(numbers(csv_str(&ref, r, "estimates"), est, 16), k);
        CHECK_INT(numbers(csv_str(&ref, r, "ses"), se, 16), k);
        int is_exact = !strcmp(csv_str(&ref, r, "method"), "ols");
        int years[16];
        jarva_estimate points[16] = { JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                                      JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                                      JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                                      JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                                      JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                                      JARVA_ESTIMATE_INIT };
        for (size_t i = 0; i < k; i++) {
            years[i] = (int)year_values[i];
            points[i] = is_exact ? exact(est[i]) : sampled(est[i], se[i]);
        }
        jarva_series series = { k, years, points, NULL, 0 };
        jarva_trend t = JARVA_TREND_INIT;
        char err[200];
        CHECK_INT(jarva_trend_fit(&t, &series, 0.95, err, sizeof err), JARVA_OK);
        CHECK_INT(t.n_points, k);
        CHECK_INT(t.method, is_exact ? JARVA_TREND_OLS : JARVA_TREND_WLS);
        CHECK_REL(t.intercept, csv_num(&ref, r, "intercept"), 1e-10);
        CHECK_REL(t.slope, csv_num(&ref, r, "slope"), 1e-10);
        CHECK_REL(t.se_slope, csv_num(&ref, r, "se_slope"), 1e-10);
        CHECK_REL(t.ci_low, csv_num(&ref, r, "ci_low"), 1e-9);
        CHECK_REL(t.ci_high, csv_num(&ref, r, "ci_high"), 1e-9);
        CHECK_REL(t.p_value, csv_num(&ref, r, "p"), 1e-8);
        CHECK_REL(t.chisq, csv_num(&ref, r, "chisq"), 1e-10);
        CHECK_REL(t.dispersion, csv_num(&ref, r, "dispersion"), 1e-10);
        double df = csv_num(&ref, r, "df");
        if (isinf(df))
            CHECK(isinf(t.df));
        else
            CHECK_REL(t.df, df, 0);
        int target_year = (int)csv_num(&ref, r, "target_year");
        double proj_se;
        double proj = jarva_trend_predict(&t, target_year, &proj_se);
        CHECK_REL(proj, csv_num(&ref, r, "projected"), 1e-10);
        CHECK_REL(proj_se, csv_num(&ref, r, "projected_se"), 1e-10);
        /* Without the dispersion factor the se is R's predict() / sigma. */
        if (!is_exact)
            CHECK_REL(proj_se / sqrt(t.dispersion), csv_num(&ref, r, "projected_se_unscaled"),
                      1e-10);

        jarva_target target = { (jarva_direction)(int)csv_num(&ref, r, "direction"),
                                csv_num(&ref, r, "target"), target_year, 0, 0 };
        jarva_target_status st = JARVA_TARGET_STATUS_INIT;
        CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, err, sizeof err), JARVA_OK);
        CHECK_STR(jarva_target_state_id(st.state), csv_str(&ref, r, "status"));
        CHECK_STR(jarva_target_rule_name(st.rule), csv_str(&ref, r, "rule"));
        if (st.state != JARVA_TARGET_ACHIEVED) {
            CHECK(st.has_projection);
            CHECK(!st.measured_at_target_year);
            CHECK_REL(st.projected_value, csv_num(&ref, r, "projected"), 1e-10);
            CHECK_REL(st.projected_se, csv_num(&ref, r, "projected_se"), 1e-10);
            CHECK_REL(st.probability, csv_num(&ref, r, "probability"), 1e-9);
        }
        CHECK_REL(st.pace, csv_num(&ref, r, "slope"), 1e-10);
        CHECK_REL(st.required_pace,
                  (target.value - est[k - 1]) / (double)(target_year - years[k - 1]), 1e-12);
        /* The first estimate is the baseline (no catalogue baseline given). */
        CHECK_INT(st.baseline_source, JARVA_BASELINE_FIRST_ESTIMATE);
        CHECK_INT(st.baseline_year, years[0]);
        CHECK_REL(st.change.difference, est[k - 1] - est[0], 1e-12);
        if (is_exact) {
            CHECK(isnan(st.mdc));
            CHECK(st.change.flags & JARVA_CHANGE_EXACT);
        }
    }
    csv_table_free(&ref);
}

/* The zeros of a complete count stay in its trend: common-material's seven
 * years, three of them 0. A sampled zero-variance point would not. */
static void test_count_zeros(void)
{
    const int years[] = { 2019, 2020, 2021, 2022, 2023, 2024, 2025 };
    const double counts[] = { 0, 0, 1, 1, 0, 1, 1 };
    jarva_estimate points[7] = { JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                                 JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                                 JARVA_ESTIMATE_INIT };
    for (size_t i = 0; i < 7; i++)
        points[i] = exact(counts[i]);
    CHECK(points[0].flags & JARVA_EST_EXACT);
    CHECK(points[0].flags & JARVA_EST_NO_CI);
    CHECK(!points[0].suppressed);
    jarva_series series = { 7, years, points, NULL, 0 };
    jarva_trend t = JARVA_TREND_INIT;
    CHECK_INT(jarva_trend_fit(&t, &series, 0.95, NULL, 0), JARVA_OK);
    CHECK_INT(t.n_points, 7);
    CHECK_INT(t.first_year, 2019);
    /* By hand: mean year 2022, Sxx 28, Sxy = 4 -> slope 1/7. */
    CHECK_REL(t.slope, 1.0 / 7, 1e-12);
    /* Exact and sampled points mixed: no trend. */
    points[3] = sampled(1, 0.2);
    CHECK_INT(jarva_trend_fit(&t, &series, 0.95, NULL, 0), JARVA_OK);
    CHECK(t.flags & JARVA_TREND_MIXED);
    CHECK(t.flags & JARVA_TREND_INSUFFICIENT);
    /* Exact points on a line: se 0, the slope is known. */
    const double line[] = { 1, 2, 3, 4, 5, 6, 7 };
    for (size_t i = 0; i < 7; i++)
        points[i] = exact(line[i]);
    CHECK_INT(jarva_trend_fit(&t, &series, 0.95, NULL, 0), JARVA_OK);
    CHECK_REL(t.slope, 1, 1e-12);
    CHECK_REL(t.se_slope, 0, 1e-12);
    CHECK_REL(t.p_value, 0, 0);
}

/* 20 of 20 proposals answered: a share of 1 that is exact, not suppressed
 * (the 3-on-each-side rule protects respondents) and achieves a 100 %
 * target. */
static void test_exact_share(void)
{
    jarva_estimate e = JARVA_ESTIMATE_INIT;
    CHECK_INT(jarva_estimate_exact(&e, 20.0 / 20.0, 20, NULL, 0), JARVA_OK);
    CHECK_REL(e.estimate, 1, 0);
    CHECK(!e.suppressed);
    CHECK_INT(e.n, 20);
    CHECK_INT(e.n_positive, 20);
    CHECK(e.flags & JARVA_EST_EXACT);
    CHECK_INT(jarva_estimate_exact(&e, 1.5, 20, NULL, 0), JARVA_EINVAL);
    const int years[] = { 2024, 2025 };
    jarva_estimate points[2] = { JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT };
    CHECK_INT(jarva_estimate_exact(&points[0], 0.8, 20, NULL, 0), JARVA_OK);
    CHECK_INT(jarva_estimate_exact(&points[1], 1.0, 20, NULL, 0), JARVA_OK);
    jarva_series series = { 2, years, points, NULL, 0 };
    jarva_target target = { JARVA_HIGHER_IS_BETTER, 1.0, 2026, 0, 0 };
    jarva_target_status st = JARVA_TARGET_STATUS_INIT;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK_INT(st.state, JARVA_TARGET_ACHIEVED);
    CHECK_INT(st.rule, JARVA_RULE_LATEST_MEETS_TARGET);
    CHECK_REL(st.latest_value, 1, 0);
}

/* The order of the rules and the thresholds, on points chosen so the
 * probability is known by hand: exact counts 2, 3, 4 (2020-2022) lie on a
 * line (se 0), so the projection is certain. */
static void test_rules(void)
{
    const int years[] = { 2020, 2021, 2022 };
    jarva_estimate points[3] = { exact(2), exact(3), exact(4) };
    jarva_series series = { 3, years, points, NULL, 0 };
    jarva_target target = { JARVA_HIGHER_IS_BETTER, 6, 2024, 0, 0 };
    jarva_target_status st = JARVA_TARGET_STATUS_INIT;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK_INT(st.state, JARVA_TARGET_ON_TRACK); /* the line gives 6 in 2024: P = 1 */
    CHECK_INT(st.rule, JARVA_RULE_PROBABILITY_HIGH);
    CHECK_REL(st.probability, 1, 0);
    CHECK_REL(st.required_pace, 1, 1e-12);
    target.value = 6.5;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK_INT(st.state, JARVA_TARGET_OFF_TRACK);
    CHECK_INT(st.rule, JARVA_RULE_PROBABILITY_LOW);
    CHECK_REL(st.probability, 0, 0);
    target.value = 3.5;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK_INT(st.state, JARVA_TARGET_ACHIEVED);

    /* Sampled: the line through 0.40, 0.45, 0.50 (2020-2022, chi2 0) gives
     * 0.70 in 2026 with se s; a target at 0.60 + z s has P = Phi(-z). */
    jarva_estimate s[3] = { sampled(0.40, 0.05), sampled(0.45, 0.05), sampled(0.50, 0.05) };
    series.estimates = s;
    target.year = 2026;
    jarva_trend t = JARVA_TREND_INIT;
    CHECK_INT(jarva_trend_fit(&t, &series, 0.95, NULL, 0), JARVA_OK);
    CHECK_REL(t.dispersion, 1, 0);
    double se;
    double at = jarva_trend_predict(&t, 2026, &se);
    CHECK_REL(at, 0.70, 1e-12);
    /* var(a) = 0.05^2 / 3, var(b) = 0.05^2 / 2, dx = 5: se^2 = 0.0025 (1/3 + 25/2). */
    CHECK_REL(se, sqrt(0.0025 * (1.0 / 3 + 12.5)), 1e-12);
    /* A target at projection + 0.6745 se (Phi = 0.25): just off track. */
    target.value = 0.70 + 0.6744897501960817 * se;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK_REL(st.probability, 0.25, 1e-12);
    CHECK_INT(st.state, JARVA_TARGET_OFF_TRACK);
    target.value = 0.70 + 0.6 * se;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK_INT(st.state, JARVA_TARGET_UNCERTAIN);
    CHECK_INT(st.rule, JARVA_RULE_PROBABILITY_MIDDLE);
    target.value = 0.70 - 0.6744897501960817 * se;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK_REL(st.probability, 0.75, 1e-12);
    CHECK_INT(st.state, JARVA_TARGET_ON_TRACK);
    /* Plan thresholds 0.9 / 0.1 make the same probability uncertain. */
    jarva_target_options opts = JARVA_TARGET_OPTIONS_INIT;
    opts.on_track = 0.9;
    opts.off_track = 0.1;
    CHECK_INT(jarva_target_assess(&st, &series, &target, &opts, NULL, 0), JARVA_OK);
    CHECK_INT(st.state, JARVA_TARGET_UNCERTAIN);
    opts.off_track = 0.95;
    CHECK_INT(jarva_target_assess(&st, &series, &target, &opts, NULL, 0), JARVA_EINVAL);

    /* Fewer than 3 points: insufficient data, whatever the two say. */
    series.count = 2;
    target.value = 0.9;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK_INT(st.state, JARVA_TARGET_INSUFFICIENT_DATA);
    CHECK_INT(st.rule, JARVA_RULE_TOO_FEW_POINTS);
    CHECK(isnan(st.probability));
    series.count = 3;
    /* The target year has passed without a measurement (2021.5 cannot be
     * one; 2019 is before the data): insufficient data. */
    target.year = 2019;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK_INT(st.state, JARVA_TARGET_INSUFFICIENT_DATA);
    CHECK_INT(st.rule, JARVA_RULE_TARGET_YEAR_UNMEASURED);
    /* The target year has come and its estimate misses: P from it. 0.50
     * (se 0.05) against 0.6: Phi(-2) = 0.02275. */
    target.year = 2022;
    target.value = 0.6;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK(st.measured_at_target_year);
    CHECK_REL(st.probability, 0.022750131948179195, 1e-10);
    CHECK_INT(st.state, JARVA_TARGET_OFF_TRACK);
    CHECK(isnan(st.required_pace));
    /* Minimum detectable change from the latest se 0.05. */
    CHECK_REL(st.mdc, 0.0792407962319869 * 2.5, 1e-12);

    CHECK_STR(jarva_target_state_sv(JARVA_TARGET_UNCERTAIN), "Osäkert");
    CHECK_STR(jarva_target_state_sv(JARVA_TARGET_OFF_TRACK), "Inte på väg");
    CHECK_STR(jarva_target_state_sv(JARVA_TARGET_NO_TARGET), "Inget mål");
    CHECK_STR(jarva_target_state_id(JARVA_TARGET_INSUFFICIENT_DATA), "insufficient_data");
    CHECK_STR(jarva_target_rule_name(JARVA_RULE_TARGET_YEAR_UNMEASURED), "target_year_unmeasured");
}

/* The recent turn (rule 4): the last three usable points, skipping the
 * unusable; two changes strictly away; never once the target year has
 * come. The R cases wls_turned, wls_dip, ols_partner and ols_lower_turned
 * check the probability and the rule on whole series. */
static void test_recent_turn(void)
{
    const int years[] = { 2019, 2020, 2021, 2022, 2023, 2024, 2025 };
    jarva_estimate p[7] = { exact(2), exact(4), exact(6), exact(8), exact(10), exact(9), exact(8) };
    jarva_series series = { 7, years, p, NULL, 0 };
    jarva_target target = { JARVA_HIGHER_IS_BETTER, 11, 2027, 0, 0 };
    jarva_target_status st = JARVA_TARGET_STATUS_INIT;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    /* 10 -> 9 -> 8: away twice; the line (slope 1.07) alone says on track. */
    CHECK(st.probability >= 0.75);
    CHECK_INT(st.state, JARVA_TARGET_UNCERTAIN);
    CHECK_INT(st.rule, JARVA_RULE_RECENT_TURN);
    CHECK_STR(jarva_target_rule_name(st.rule), "recent_turn");
    /* 10 -> 9 -> 9: the latest change is none, so no turn. */
    p[6] = exact(9);
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK(st.probability >= 0.75);
    CHECK_INT(st.rule, JARVA_RULE_PROBABILITY_HIGH);
    /* Lower is better, with a target the line meets: falling is toward it. */
    p[6] = exact(8);
    target.direction = JARVA_LOWER_IS_BETTER;
    target.value = 1;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK(st.rule != JARVA_RULE_RECENT_TURN);
    target.direction = JARVA_HIGHER_IS_BETTER;
    target.value = 11;

    /* A survey rising 4 points a year, then 0.56 -> 0.55 -> 0.54. */
    jarva_estimate s[7] = { sampled(0.40, 0.01), sampled(0.44, 0.01), sampled(0.48, 0.01),
                            sampled(0.52, 0.01), sampled(0.56, 0.01), sampled(0.55, 0.01),
                            sampled(0.54, 0.01) };
    series.estimates = s;
    target.value = 0.58;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK(st.probability >= 0.75);
    CHECK_INT(st.rule, JARVA_RULE_RECENT_TURN);
    /* A suppressed point is not a change: with 2024's 0.50 suppressed the
     * usable 0.57, 0.56, 0.54 move away twice; shown, 0.56 -> 0.50 -> 0.54
     * would end toward the target. */
    s[3] = sampled(0.57, 0.01);
    s[5] = sampled(0.50, 0.01);
    s[5].suppressed = 1;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK(st.probability >= 0.75);
    CHECK_INT(st.rule, JARVA_RULE_RECENT_TURN);
    s[5].suppressed = 0;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK(st.rule != JARVA_RULE_RECENT_TURN);
    s[5].suppressed = 1;

    /* The target year has come: its own estimate decides, not the turn.
     * 2023's 0.56 (se 0.01) against 0.55: P = Phi(1), although 2025's 0.54
     * misses and the series turned. */
    target.year = 2023;
    target.value = 0.55;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK(st.measured_at_target_year);
    CHECK_REL(st.probability, 0.841344746068543, 1e-12);
    CHECK_INT(st.rule, JARVA_RULE_PROBABILITY_HIGH);
}

/* The one baseline rule: the catalogue's baseline when its year is in the
 * latest segment (the change uses exactly its value), else the segment's
 * first estimate. */
static void test_baseline(void)
{
    const int years[] = { 2019, 2021, 2023, 2025 };
    jarva_estimate points[4] = { sampled(0.50, 0.02), sampled(0.55, 0.02), sampled(0.56, 0.02),
                                 sampled(0.60, 0.02) };
    jarva_series series = { 4, years, points, NULL, 0 };
    jarva_target target = { JARVA_HIGHER_IS_BETTER, 0.7, 2027, 2021, 0.54 };
    jarva_target_status st = JARVA_TARGET_STATUS_INIT;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK_INT(st.baseline_source, JARVA_BASELINE_CATALOGUE);
    CHECK_INT(st.baseline_year, 2021);
    CHECK_REL(st.baseline_value, 0.54, 0);
    CHECK_REL(st.change.difference, 0.06, 1e-12);
    CHECK_REL(st.change.se, sqrt(0.0008), 1e-12);
    CHECK_INT(st.change.year_from, 2021);
    CHECK_INT(st.baseline, JARVA_BASELINE_BETTER); /* z = 0.06 / 0.0283 = 2.12 */
    /* A break in 2023: the catalogue's 2021 is another series. */
    const int breaks[] = { 2023 };
    series.breaks = breaks;
    series.break_count = 1;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK_INT(st.baseline_source, JARVA_BASELINE_FIRST_ESTIMATE);
    CHECK_INT(st.baseline_year, 2023);
    CHECK_REL(st.change.difference, 0.04, 1e-12);
    CHECK_INT(st.baseline, JARVA_BASELINE_NO_CHANGE);
    /* A catalogue year without an estimate: the first estimate. */
    series.break_count = 0;
    target.baseline_year = 2020;
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, NULL, 0), JARVA_OK);
    CHECK_INT(st.baseline_source, JARVA_BASELINE_FIRST_ESTIMATE);
    CHECK_INT(st.baseline_year, 2019);
}

static void test_bh(void)
{
    csv_table ref;
    CHECK_INT(csv_table_load(&ref, "ref_bh.csv"), 0);
    double p[16], adjusted[17];
    size_t n = ref.rows;
    CHECK(n > 0 && n < 16);
    for (size_t i = 0; i < n; i++)
        p[i] = csv_num(&ref, i, "p");
    p[n] = NAN; /* not in the family */
    CHECK_INT(jarva_p_adjust_bh(adjusted, p, n + 1), JARVA_OK);
    for (size_t i = 0; i < n; i++)
        CHECK_REL(adjusted[i], csv_num(&ref, i, "adjusted"), 1e-12);
    CHECK(isnan(adjusted[n]));
    p[0] = 1.5;
    CHECK_INT(jarva_p_adjust_bh(adjusted, p, n), JARVA_EINVAL);
    csv_table_free(&ref);
    /* R: (qnorm(0.975) + qnorm(0.8)) * sqrt(2) * 0.02. */
    CHECK_REL(jarva_minimum_detectable_change(0.02, 0.05, 0.8), 0.0792407962319869, 1e-12);
    CHECK(isnan(jarva_minimum_detectable_change(-1, 0.05, 0.8)));
}

int main(void)
{
    test_reference();
    test_count_zeros();
    test_exact_share();
    test_rules();
    test_recent_turn();
    test_baseline();
    test_bh();
    return test_report();
}
