/* stats_target.c: the status of a target for one indicator and area, in the
 * manner of Stockholm's ILS follow-up (uppfyllt / delvis uppfyllt / ej
 * uppfyllt) extended with a trend: achieved, on track, partly, off track or
 * insufficient data, with the rule that decided and a test of the latest
 * estimate against the baseline. */
#include <math.h>

#include "stats.h"

/* A point that may be shown and judged: published, with an estimate. (A
 * trend or test needs more: jarva__estimate_usable.) */
static int reportable(const jarva_estimate *e)
{
    return !e->suppressed && !(e->flags & JARVA_EST_EMPTY) && isfinite(e->estimate);
}

static int check_target(const jarva_target *target, const jarva_target_options *opts, char *errbuf,
                        size_t errlen)
{
    if (!target)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "target is NULL");
    if (target->direction != JARVA_HIGHER_IS_BETTER && target->direction != JARVA_LOWER_IS_BETTER)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "target direction %d is not +1 or -1", (int)target->direction);
    if (!isfinite(target->value))
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "target value is not a number");
    if (opts->version != JARVA_TARGET_OPTIONS_VERSION)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "target options version %u not supported (expected %u)",
                                 opts->version, JARVA_TARGET_OPTIONS_VERSION);
    if (!(opts->level > 0 && opts->level < 1) || !(opts->tolerance >= 0) ||
        !isfinite(opts->tolerance) || opts->min_points < 3)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "target options: level %g, tolerance %g or min_points %u invalid",
                                 opts->level, opts->tolerance, opts->min_points);
    return JARVA_OK;
}

/* Significance of the change from the baseline year to the latest year, in
 * the indicator's direction (stats_change.c: independent waves,
 * Welch-Satterthwaite t). Unknown without a published baseline estimate,
 * across a series break or when the change cannot be tested. */
static void compare_baseline(const jarva_series *series, const jarva_target *target,
                             const jarva_target_options *opts, size_t latest,
                             jarva_target_status *out)
{
    int latest_year = series->years[latest];
    if (!target->baseline_year || target->baseline_year >= latest_year ||
        !jarva_series_comparable(series, target->baseline_year, latest_year))
        return;
    for (size_t i = 0; i < latest; i++) {
        if (series->years[i] != target->baseline_year || !reportable(&series->estimates[i]))
            continue;
        jarva_change change;
        if (jarva_change_between(series, target->baseline_year, latest_year, opts->level, &change,
                                 NULL, 0) != JARVA_OK ||
            (change.flags & JARVA_CHANGE_NO_TEST))
            return;
        out->change = change;
        if (!change.significant)
            out->baseline = JARVA_BASELINE_NO_CHANGE;
        else if (change.difference * (double)target->direction > 0)
            out->baseline = JARVA_BASELINE_BETTER;
        else
            out->baseline = JARVA_BASELINE_WORSE;
        return;
    }
}

/* The trend of the latest series segment: the points from the last break at
 * or before the latest year up to the latest year. */
static int fit_latest_segment(const jarva_series *series, size_t latest, double level,
                              jarva_trend *trend, char *errbuf, size_t errlen)
{
    int latest_year = series->years[latest];
    int segment_start = 0, has_start = 0;
    for (size_t i = 0; i < series->break_count; i++)
        if (series->breaks[i] <= latest_year && (!has_start || series->breaks[i] > segment_start)) {
            segment_start = series->breaks[i];
            has_start = 1;
        }
    size_t first = 0;
    while (has_start && series->years[first] < segment_start)
        first++;
    jarva_series segment = { latest - first + 1, series->years + first, series->estimates + first,
                             series->breaks, series->break_count };
    return jarva_trend_fit(&segment, level, trend, errbuf, errlen);
}

/* The rules, tried in order (each sets state and rule):
 * 1. no published estimate -> insufficient data;
 * 2. the latest published estimate meets the target in the indicator's
 *    direction (>= for higher-is-better, <= for lower) -> achieved;
 * 3. the target year lies ahead, a trend of at least min_points usable points
 *    of the latest series segment is fitted, and its line at the target year
 *    meets the target -> on track;
 * 4. the latest estimate misses the target by at most the tolerance (a
 *    fraction of |target| by default, ILS's "delvis uppfyllt") -> partly;
 * 5. the target year has come without the target met -> off track;
 * 6. a trend was fitted and misses the target -> off track;
 * 7. otherwise too few points for a trend -> insufficient data.
 * The judgement is on point estimates, as ILS's is; the baseline comparison
 * and the trend's interval say how sure it is. */
int jarva_target_assess(const jarva_series *series, const jarva_target *target,
                        const jarva_target_options *opts_in, jarva_target_status *out, char *errbuf,
                        size_t errlen)
{
    static const jarva_target_options defaults = JARVA_TARGET_OPTIONS_INIT;
    const jarva_target_options *opts = opts_in ? opts_in : &defaults;
    jarva_global_init();
    jarva__errbuf_clear(errbuf, errlen);
    int rc = jarva__series_check(series, errbuf, errlen);
    if (!rc)
        rc = check_target(target, opts, errbuf, errlen);
    if (!rc && !out)
        rc = jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL, "result is NULL");
    if (rc)
        return rc;
    *out = (jarva_target_status){ 0 };
    out->state = JARVA_TARGET_INSUFFICIENT_DATA;
    out->rule = JARVA_RULE_NO_ESTIMATE;
    out->trend.flags = JARVA_TREND_INSUFFICIENT;
    out->trend.p_value = 1;
    size_t latest = series->count;
    while (latest > 0 && !reportable(&series->estimates[latest - 1]))
        latest--;
    if (latest == 0)
        return JARVA_OK;
    latest--;
    double direction = (double)target->direction;
    out->latest_year = series->years[latest];
    out->latest_value = series->estimates[latest].estimate;
    out->gap = direction * (target->value - out->latest_value);
    compare_baseline(series, target, opts, latest, out);
    rc = fit_latest_segment(series, latest, opts->level, &out->trend, errbuf, errlen);
    if (rc)
        return rc;
    int has_trend =
        !(out->trend.flags & JARVA_TREND_INSUFFICIENT) && out->trend.n_points >= opts->min_points;
    int ahead = target->year > out->latest_year;
    if (has_trend && ahead) {
        out->has_projection = 1;
        out->projected_value = jarva_trend_predict(&out->trend, target->year, NULL);
    }
    double tolerance =
        opts->tolerance_relative ? opts->tolerance * fabs(target->value) : opts->tolerance;
    if (out->gap <= 0) {
        out->state = JARVA_TARGET_ACHIEVED;
        out->rule = JARVA_RULE_LATEST_MEETS_TARGET;
    } else if (out->has_projection && direction * (out->projected_value - target->value) >= 0) {
        out->state = JARVA_TARGET_ON_TRACK;
        out->rule = JARVA_RULE_TREND_MEETS_TARGET;
    } else if (out->gap <= tolerance) {
        out->state = JARVA_TARGET_PARTLY;
        out->rule = JARVA_RULE_WITHIN_TOLERANCE;
    } else if (!ahead) {
        out->state = JARVA_TARGET_OFF_TRACK;
        out->rule = JARVA_RULE_DEADLINE_PASSED;
    } else if (has_trend) {
        out->state = JARVA_TARGET_OFF_TRACK;
        out->rule = JARVA_RULE_TREND_MISSES_TARGET;
    } else {
        out->state = JARVA_TARGET_INSUFFICIENT_DATA;
        out->rule = JARVA_RULE_TOO_FEW_POINTS;
    }
    return JARVA_OK;
}

const char *jarva_target_rule_text(jarva_target_rule rule)
{
    switch (rule) {
    case JARVA_RULE_NO_ESTIMATE: return "no published estimate";
    case JARVA_RULE_LATEST_MEETS_TARGET: return "the latest estimate meets the target";
    case JARVA_RULE_TREND_MEETS_TARGET: return "the trend reaches the target by the target year";
    case JARVA_RULE_WITHIN_TOLERANCE: return "the latest estimate is within the tolerance";
    case JARVA_RULE_DEADLINE_PASSED: return "the target year has passed without the target met";
    case JARVA_RULE_TREND_MISSES_TARGET: return "the trend misses the target by the target year";
    case JARVA_RULE_TOO_FEW_POINTS: return "too few estimates for a trend";
    default: return "";
    }
}

const char *jarva_target_state_name(jarva_target_state state)
{
    switch (state) {
    case JARVA_TARGET_INSUFFICIENT_DATA: return "insufficient data";
    case JARVA_TARGET_ACHIEVED: return "achieved";
    case JARVA_TARGET_ON_TRACK: return "on track";
    case JARVA_TARGET_PARTLY: return "partly";
    case JARVA_TARGET_OFF_TRACK: return "off track";
    default: return "";
    }
}
