/* test_stats_change.c: change between two years and trends against R
 * (tests/reference/ref_change.csv, ref_trend.csv), the series-break
 * refusals, and each rule of the target status on small made-up series. */
#include "harness.h"
#include "stats.h"
#include "test_stats_csv.h"

static jarva_estimate point(double estimate, double se, double df)
{
    jarva_estimate e = JARVA_ESTIMATE_INIT;
    e.estimate = estimate;
    e.se = se;
    e.df = df;
    e.ci_low = estimate - 2 * se;
    e.ci_high = estimate + 2 * se;
    e.n = 500;
    return e;
}

static void test_change_reference(void)
{
    csv_table ref;
    CHECK_INT(csv_table_load(&ref, "ref_change.csv"), 0);
    for (size_t r = 0; r < ref.rows; r++) {
        jarva_estimate pts[2] = {
            point(csv_num(&ref, r, "est1"), csv_num(&ref, r, "se1"), csv_num(&ref, r, "df1")),
            point(csv_num(&ref, r, "est2"), csv_num(&ref, r, "se2"), csv_num(&ref, r, "df2"))
        };
        const int years[] = { 2020, 2023 };
        jarva_series series = { 2, years, pts, NULL, 0 };
        jarva_change c = JARVA_CHANGE_INIT;
        char err[200];
        CHECK_INT(jarva_change_between(&c, &series, 2020, 2023, 0.95, err, sizeof err), JARVA_OK);
        CHECK_REL(c.difference, csv_num(&ref, r, "diff"), 1e-12);
        CHECK_REL(c.se, csv_num(&ref, r, "se"), 1e-12);
        double df = csv_num(&ref, r, "df");
        if (isinf(df))
            CHECK(isinf(c.df));
        else
            CHECK_REL(c.df, df, 1e-12);
        CHECK_REL(c.ci_low, csv_num(&ref, r, "ci_low"), 1e-9);
        CHECK_REL(c.ci_high, csv_num(&ref, r, "ci_high"), 1e-9);
        CHECK_REL(c.p_value, csv_num(&ref, r, "p"), 1e-9);
        CHECK_INT(c.significant, csv_num(&ref, r, "p") < 0.05);
        CHECK_INT(c.flags, 0);
    }
    CHECK_INT(ref.rows, 4);
    csv_table_free(&ref);
}

static void test_change_refusals(void)
{
    jarva_estimate pts[3] = { point(0.5, 0.02, 100), point(0.55, 0.02, 100),
                              point(0.6, 0.02, 100) };
    const int years[] = { 2019, 2021, 2023 };
    const int breaks[] = { 2021 };
    jarva_series series = { 3, years, pts, breaks, 1 };
    jarva_change c = JARVA_CHANGE_INIT;
    char err[200];
    /* A break in (2019, 2023]: refused; (2021, 2023] holds none. */
    CHECK_INT(jarva_change_between(&c, &series, 2019, 2023, 0.95, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "series break in 2021");
    CHECK_INT(jarva_change_between(&c, &series, 2019, 2021, 0.95, err, sizeof err), JARVA_EINVAL);
    CHECK_INT(jarva_change_between(&c, &series, 2021, 2023, 0.95, err, sizeof err), JARVA_OK);
    CHECK(!jarva_series_comparable(&series, 2019, 2021));
    CHECK(jarva_series_comparable(&series, 2021, 2023));
    CHECK_INT(jarva_change_between(&c, &series, 2019, 2020, 0.95, err, sizeof err),
              JARVA_ENOTFOUND);
    CHECK_CONTAINS(err, "2020");
    CHECK_INT(jarva_change_between(&c, &series, 2023, 2021, 0.95, err, sizeof err), JARVA_EINVAL);
    CHECK_INT(jarva_change_between(&c, &series, 2021, 2023, 1.5, err, sizeof err), JARVA_EINVAL);
    const int unsorted[] = { 2019, 2023, 2021 };
    series.years = unsorted;
    CHECK_INT(jarva_change_between(&c, &series, 2021, 2023, 0.95, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "not ascending");
    series.years = years;

    /* An estimate without interval: no test, p = 1, never NaN. */
    pts[2].flags = JARVA_EST_NO_CI;
    pts[2].suppressed = 1;
    CHECK_INT(jarva_change_between(&c, &series, 2021, 2023, 0.95, err, sizeof err), JARVA_OK);
    CHECK_INT(c.flags, JARVA_CHANGE_NO_TEST | JARVA_CHANGE_SUPPRESSED);
    CHECK(c.p_value == 1 && !c.significant && isfinite(c.ci_low) && isfinite(c.df));
    /* Both standard errors 0 (shares at 0): no test either. */
    pts[1] = point(0, 0, 50);
    pts[2] = point(0, 0, 50);
    CHECK_INT(jarva_change_between(&c, &series, 2021, 2023, 0.95, err, sizeof err), JARVA_OK);
    CHECK_INT(c.flags, JARVA_CHANGE_NO_TEST);
}

/* Splits "2019 2020 2021" into numbers. */
static size_t numbers(const char *text, double *out, size_t max)
{
    size_t n = 0;
    char *end;
    for (double v = strtod(text, &end); end != text && n < max; v = strtod(text, &end)) {
        out[n++] = v;
        text = end;
    }
    return n;
}

static void test_trend_reference(void)
{
    csv_table ref;
    CHECK_INT(csv_table_load(&ref, "ref_trend.csv"), 0);
    for (size_t r = 0; r < ref.rows; r++) {
        double yv[16], ev[16], sv[16];
        size_t n = numbers(csv_str(&ref, r, "years"), yv, 16);
        CHECK_INT(numbers(csv_str(&ref, r, "estimates"), ev, 16), n);
        CHECK_INT(numbers(csv_str(&ref, r, "ses"), sv, 16), n);
        int years[16];
        jarva_estimate pts[16] = { JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                                   JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                                   JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                                   JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                                   JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                                   JARVA_ESTIMATE_INIT };
        for (size_t i = 0; i < n; i++) {
            years[i] = (int)yv[i];
            pts[i] = point(ev[i], sv[i], 100);
        }
        jarva_series series = { n, years, pts, NULL, 0 };
        jarva_trend t = JARVA_TREND_INIT;
        char err[200];
        CHECK_INT(jarva_trend_fit(&t, &series, 0.95, err, sizeof err), JARVA_OK);
        CHECK_INT(t.n_points, n);
        CHECK_INT(t.flags, 0);
        CHECK_REL(t.intercept, csv_num(&ref, r, "intercept"), 1e-12);
        CHECK_REL(t.slope, csv_num(&ref, r, "slope"), 1e-12);
        CHECK_REL(t.se_slope, csv_num(&ref, r, "se_slope"), 1e-12);
        CHECK_REL(t.ci_low, csv_num(&ref, r, "ci_low"), 1e-9);
        CHECK_REL(t.ci_high, csv_num(&ref, r, "ci_high"), 1e-9);
        CHECK_REL(t.p_value, csv_num(&ref, r, "p"), 1e-9);
        CHECK_REL(t.chisq, csv_num(&ref, r, "chisq"), 1e-10);
        CHECK_REL(jarva_trend_predict(&t, t.centre_year, NULL), t.intercept, 1e-15);
        double se;
        jarva_trend_predict(&t, t.centre_year + 2, &se);
        CHECK_REL(se,
                  sqrt(t.se_intercept * t.se_intercept + 4 * t.cov + 4 * t.se_slope * t.se_slope),
                  1e-12);
    }
    CHECK_INT(ref.rows, 2);
    csv_table_free(&ref);
}

static void test_trend_edges(void)
{
    jarva_estimate pts[4] = { point(0.5, 0.02, 100), point(0.52, 0.02, 100), point(0.54, 0.02, 100),
                              point(0.56, 0.02, 100) };
    const int years[] = { 2020, 2021, 2022, 2023 };
    jarva_series series = { 4, years, pts, NULL, 0 };
    jarva_trend t = JARVA_TREND_INIT;
    char err[200];
    /* Exactly on a line: slope 0.02, chisq 0. */
    CHECK_INT(jarva_trend_fit(&t, &series, 0.95, err, sizeof err), JARVA_OK);
    CHECK_REL(t.slope, 0.02, 1e-12);
    CHECK_REL(t.chisq, 0, 1e-20);
    CHECK_REL(t.centre_year, 2021.5, 0);
    /* Equal weights: se(slope) = se / sqrt(sum (x - xbar)^2) = 0.02 / sqrt(5). */
    CHECK_REL(t.se_slope, 0.02 / sqrt(5), 1e-12);
    /* A suppressed point is skipped; two usable points are not enough. */
    pts[1].suppressed = 1;
    pts[2].se = 0;
    CHECK_INT(jarva_trend_fit(&t, &series, 0.95, err, sizeof err), JARVA_OK);
    CHECK_INT(t.n_points, 2);
    CHECK_INT(t.flags, JARVA_TREND_INSUFFICIENT);
    CHECK(t.slope == 0 && t.p_value == 1 && !t.significant);
    pts[1].suppressed = 0;
    pts[2].se = 0.02;
    /* A break inside the span is refused; one at the first year is not. */
    const int breaks[] = { 2022 };
    series.breaks = breaks;
    series.break_count = 1;
    CHECK_INT(jarva_trend_fit(&t, &series, 0.95, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "series break in 2022");
    const int at_start[] = { 2020 };
    series.breaks = at_start;
    CHECK_INT(jarva_trend_fit(&t, &series, 0.95, err, sizeof err), JARVA_OK);
    CHECK_INT(t.n_points, 4);
}

/* Series a of ref_trend.csv (2019-2023: 0.55 0.57 0.56 0.60 0.62): slope
 * 0.0173515 per year, 0.5795845 at 2021, so the line gives 0.66634 at 2026
 * with se 0.03245 (ref_judgement.csv, case wls_a). */
static const int a_years[] = { 2019, 2020, 2021, 2022, 2023 };
static jarva_estimate a_points[5] = { JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                                      JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT };

static jarva_target_status assess(const int *breaks, size_t break_count, double value, int year,
                                  int baseline_year, jarva_direction direction)
{
    jarva_series series = { 5, a_years, a_points, breaks, break_count };
    jarva_target target = { direction, value, year, baseline_year, 0 };
    if (baseline_year)
        for (size_t i = 0; i < 5; i++)
            if (a_years[i] == baseline_year)
                target.baseline_value = a_points[i].estimate;
    jarva_target_status st = JARVA_TARGET_STATUS_INIT;
    char err[200];
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, err, sizeof err), JARVA_OK);
    return st;
}

static void test_target(void)
{
    const double est[] = { 0.55, 0.57, 0.56, 0.60, 0.62 },
                 se[] = { 0.02, 0.025, 0.02, 0.018, 0.02 };
    for (size_t i = 0; i < 5; i++)
        a_points[i] = point(est[i], se[i], 200);
    jarva_target_status st = assess(NULL, 0, 0.60, 2026, 2019, JARVA_HIGHER_IS_BETTER);
    CHECK_INT(st.state, JARVA_TARGET_ACHIEVED);
    CHECK_INT(st.rule, JARVA_RULE_LATEST_MEETS_TARGET);
    CHECK_INT(st.latest_year, 2023);
    CHECK_REL(st.gap, -0.02, 1e-12);
    /* 0.62 vs 0.55 in 2019: +0.07, se 0.028, t(398) 2.47: better. */
    CHECK_INT(st.baseline, JARVA_BASELINE_BETTER);
    CHECK_INT(st.baseline_source, JARVA_BASELINE_CATALOGUE);
    CHECK_REL(st.change.difference, 0.07, 1e-12);

    /* 0.63: the line's 0.666 (se 0.032) meets it with P = 0.87. */
    st = assess(NULL, 0, 0.63, 2026, 2022, JARVA_HIGHER_IS_BETTER);
    CHECK_INT(st.state, JARVA_TARGET_ON_TRACK);
    CHECK_INT(st.rule, JARVA_RULE_PROBABILITY_HIGH);
    CHECK(st.has_projection);
    CHECK_REL(st.projected_value, 0.5795845218901152 + 5 * 0.017351482078630832, 1e-12);
    CHECK_INT(st.baseline, JARVA_BASELINE_NO_CHANGE); /* 0.62 vs 0.60 */

    /* 0.66: the line just reaches it (P = 0.58): uncertain, not on track. */
    st = assess(NULL, 0, 0.66, 2026, 0, JARVA_HIGHER_IS_BETTER);
    CHECK_INT(st.state, JARVA_TARGET_UNCERTAIN);
    CHECK_INT(st.rule, JARVA_RULE_PROBABILITY_MIDDLE);
    CHECK_INT(st.baseline_source, JARVA_BASELINE_FIRST_ESTIMATE);
    CHECK_INT(st.baseline_year, 2019);

    st = assess(NULL, 0, 0.75, 2026, 0, JARVA_HIGHER_IS_BETTER);
    CHECK_INT(st.state, JARVA_TARGET_OFF_TRACK);
    CHECK_INT(st.rule, JARVA_RULE_PROBABILITY_LOW);

    /* The target year is the latest: judged on its estimate, 0.62 (se
     * 0.02) against 0.70, P = Phi(-4). */
    st = assess(NULL, 0, 0.70, 2023, 0, JARVA_HIGHER_IS_BETTER);
    CHECK_INT(st.state, JARVA_TARGET_OFF_TRACK);
    CHECK(st.measured_at_target_year);
    CHECK_REL(st.probability, 3.1671241833119924e-05, 1e-9);

    /* Lower is better: 0.62 against at most 0.50; baseline 0.55 -> worse. */
    st = assess(NULL, 0, 0.50, 2026, 2019, JARVA_LOWER_IS_BETTER);
    CHECK_INT(st.state, JARVA_TARGET_OFF_TRACK);
    CHECK_INT(st.baseline, JARVA_BASELINE_WORSE);
    CHECK_REL(st.gap, 0.12, 1e-12);
    st = assess(NULL, 0, 0.65, 2026, 2019, JARVA_LOWER_IS_BETTER);
    CHECK_INT(st.state, JARVA_TARGET_ACHIEVED);

    /* A break in 2022: the latest segment 2022-2023 is too short for a
     * trend; the catalogue's 2019 baseline is another series, so the
     * baseline is 2022's 0.60. */
    const int breaks[] = { 2022 };
    st = assess(breaks, 1, 0.75, 2026, 2019, JARVA_HIGHER_IS_BETTER);
    CHECK_INT(st.state, JARVA_TARGET_INSUFFICIENT_DATA);
    CHECK_INT(st.rule, JARVA_RULE_TOO_FEW_POINTS);
    CHECK_INT(st.baseline_source, JARVA_BASELINE_FIRST_ESTIMATE);
    CHECK_INT(st.baseline_year, 2022);
    CHECK_INT(st.trend.n_points, 2);
    /* A break in 2021 leaves three points: a trend of 2021-2023. */
    const int breaks2021[] = { 2021 };
    st = assess(breaks2021, 1, 0.85, 2026, 0, JARVA_HIGHER_IS_BETTER);
    CHECK_INT(st.trend.n_points, 3);
    CHECK_INT(st.trend.first_year, 2021);
    CHECK_INT(st.state, JARVA_TARGET_OFF_TRACK);

    /* Suppressed latest: the latest published year is used. */
    a_points[4].suppressed = 1;
    st = assess(NULL, 0, 0.60, 2026, 0, JARVA_HIGHER_IS_BETTER);
    CHECK_INT(st.latest_year, 2022);
    CHECK_INT(st.state, JARVA_TARGET_ACHIEVED);
    for (size_t i = 0; i < 5; i++)
        a_points[i].suppressed = 1;
    st = assess(NULL, 0, 0.60, 2026, 0, JARVA_HIGHER_IS_BETTER);
    CHECK_INT(st.state, JARVA_TARGET_INSUFFICIENT_DATA);
    CHECK_INT(st.rule, JARVA_RULE_NO_ESTIMATE);
    CHECK_STR(jarva_target_rule_text(st.rule), "no published estimate");
    CHECK_STR(jarva_target_state_name(JARVA_TARGET_UNCERTAIN), "uncertain");

    /* Refusals. */
    jarva_series series = { 5, a_years, a_points, NULL, 0 };
    jarva_target target = { (jarva_direction)0, 0.5, 2026, 0, 0 };
    char err[200];
    CHECK_INT(jarva_target_assess(&st, &series, &target, NULL, err, sizeof err), JARVA_EINVAL);
    CHECK_CONTAINS(err, "direction");
    target.direction = JARVA_HIGHER_IS_BETTER;
    jarva_target_options opts = JARVA_TARGET_OPTIONS_INIT;
    opts.min_points = 2;
    CHECK_INT(jarva_target_assess(&st, &series, &target, &opts, err, sizeof err), JARVA_EINVAL);
    opts = (jarva_target_options)JARVA_TARGET_OPTIONS_INIT;
    opts.on_track = 0.2; /* below off_track */
    CHECK_INT(jarva_target_assess(&st, &series, &target, &opts, err, sizeof err), JARVA_EINVAL);
}

int main(void)
{
    test_change_reference();
    test_change_refusals();
    test_trend_reference();
    test_trend_edges();
    test_target();
    return test_report();
}
