/* stats_target.c: the status of a target for one indicator and area, judged
 * by the probability of reaching it: the trend of the latest series segment
 * projected to the target year with its standard error, and the chance that
 * the value there meets the target. Public trackers judge on point values
 * (Open SDG's CAGR method, Stockholm's ILS traffic lights, DHIS2's
 * thresholds): none says how sure it is, and a noisy survey then flips
 * between colours. Here the uncertainty decides: docs/status.md. */
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
    if (!(opts->level > 0 && opts->level < 1) || !(opts->off_track >= 0) ||
        !(opts->on_track <= 1) || !(opts->off_track < opts->on_track) || opts->min_points < 3)
        return jarva__errbuf_set(errbuf, errlen, JARVA_EINVAL,
                                 "target options: level %g, probabilities %g-%g or min_points %u "
                                 "invalid",
                                 opts->level, opts->off_track, opts->on_track, opts->min_points);
    return JARVA_OK;
}

/* Index of the first point of the latest series segment: the last break at
 * or before the latest year starts it. */
static size_t segment_first(const jarva_series *series, size_t latest)
{
    int latest_year = series->years[latest], start = 0, has_start = 0;
    for (size_t i = 0; i < series->break_count; i++)
        if (series->breaks[i] <= latest_year && (!has_start || series->breaks[i] > start)) {
            start = series->breaks[i];
            has_start = 1;
        }
    size_t first = 0;
    while (has_start && series->years[first] < start)
        first++;
    return first;
}

/* The one baseline rule: the catalogue's baseline when it belongs to this
 * series (the caller passes baseline_year 0 for another area or source; here
 * its year must have a published estimate in the latest segment), else the
 * first published estimate of the latest segment. The change since baseline
 * is the latest estimate minus exactly that value, tested with the baseline
 * year's se (independent waves, stats_change.c). */
static void choose_baseline(const jarva_series *series, const jarva_target *target, size_t first,
                            size_t latest, double level, jarva_target_status *out)
{
    size_t at = latest + 1;
    for (size_t i = first; i <= latest && target->baseline_year; i++)
        if (series->years[i] == target->baseline_year && reportable(&series->estimates[i])) {
            at = i;
            out->baseline_source = JARVA_BASELINE_CATALOGUE;
            out->baseline_value = target->baseline_value;
        }
    for (size_t i = first; i <= latest && at > latest; i++)
        if (reportable(&series->estimates[i])) {
            at = i;
            out->baseline_source = JARVA_BASELINE_FIRST_ESTIMATE;
            out->baseline_value = series->estimates[i].estimate;
        }
    if (at > latest)
        return;
    out->baseline_year = series->years[at];
    if (at == latest)
        return; /* the baseline is the latest: nothing has changed yet */
    jarva__change_of(&series->estimates[at], out->baseline_value, &series->estimates[latest], level,
                     &out->change);
    out->change.year_from = out->baseline_year;
    out->change.year_to = out->latest_year;
    out->has_change = 1;
    double better = out->change.difference * (double)target->direction;
    if (out->change.flags & JARVA_CHANGE_EXACT)
        /* Exact values: the difference is the change, no test needed. */
        out->baseline = better > 0   ? JARVA_BASELINE_BETTER
                        : better < 0 ? JARVA_BASELINE_WORSE
                                     : JARVA_BASELINE_NO_CHANGE;
    else if (out->change.flags & JARVA_CHANGE_NO_TEST)
        out->baseline = JARVA_BASELINE_UNKNOWN;
    else if (!out->change.significant)
        out->baseline = JARVA_BASELINE_NO_CHANGE;
    else
        out->baseline = better > 0 ? JARVA_BASELINE_BETTER : JARVA_BASELINE_WORSE;
}

/* P(value at the target year meets the target) for a normal N(value, se^2):
 * Phi(direction * (value - target) / se); a known value (se 0) meets it or
 * not. */
static double probability_meets(double value, double se, const jarva_target *target)
{
    double margin = (double)target->direction * (value - target->value);
    if (se > 0)
        return 0.5 * erfc(-margin / (se * 1.41421356237309504880));
    return margin >= 0 ? 1 : 0;
}

/* Whether the two latest changes among the last three usable points of the
 * latest segment (first..latest) both move away from the target. The line
 * is fitted to the whole segment, so a series that rose for years and has
 * fallen since (partner forums: 2, 0, 3, 7, 7, 6, 5) still projects its
 * overall rise; saying "on track" there contradicts what the reader sees in
 * the latest values. One change away is ordinary variation; two in a row
 * may be the start of a new direction that the line cannot show yet. The
 * rule only withholds a favourable status: it never makes one. */
static int turned_away(const jarva_series *series, const jarva_target *target, size_t first,
                       size_t latest)
{
    double v[3];
    size_t k = 0;
    for (size_t i = latest + 1; i-- > first && k < 3;)
        if (jarva__estimate_usable(&series->estimates[i]))
            v[k++] = series->estimates[i].estimate; /* v[0] the latest */
    if (k < 3)
        return 0;
    double d = (double)target->direction;
    return d * (v[0] - v[1]) < 0 && d * (v[1] - v[2]) < 0;
}

/* The rules, tried in order (each sets state and rule):
 * 1. no published estimate -> insufficient data (no_data);
 * 2. the latest published estimate meets the target in the indicator's
 *    direction (>= for higher-is-better, <= for lower) -> achieved;
 * 3. a probability p that the value at the target year meets the target:
 *    - the target year lies ahead: the trend of the latest segment (at least
 *      min_points usable points; jarva_trend_fit, with its dispersion factor)
 *      projected to the target year, value = a + b (T - centre), se^2 =
 *      var(a) + 2 (T - centre) cov(a, b) + (T - centre)^2 var(b) (R
 *      predict(fit, se.fit = TRUE)), p = Phi(direction (value - target) /
 *      se) (R pnorm); too few points -> insufficient data;
 *    - the target year has come: its own estimate and se (a missed exact
 *      value has p = 0); no estimate that year -> insufficient data;
 *    then on track when p >= on_track, off track when p <= off_track,
 *    uncertain between;
 * 4. a projected on track becomes uncertain when the series has turned away
 *    from the target (turned_away()). */
static void judge(const jarva_series *series, const jarva_target *target,
                  const jarva_target_options *opts, size_t first, size_t latest,
                  jarva_target_status *out)
{
    if (out->gap <= 0) {
        out->state = JARVA_TARGET_ACHIEVED;
        out->rule = JARVA_RULE_LATEST_MEETS_TARGET;
        return;
    }
    int has_trend =
        !(out->trend.flags & JARVA_TREND_INSUFFICIENT) && out->trend.n_points >= opts->min_points;
    if (target->year > out->latest_year) {
        if (!has_trend) {
            out->state = JARVA_TARGET_INSUFFICIENT_DATA;
            out->rule = JARVA_RULE_TOO_FEW_POINTS;
            return;
        }
        out->projected_value = jarva_trend_predict(&out->trend, target->year, &out->projected_se);
    } else {
        size_t at = latest + 1;
        for (size_t i = 0; i <= latest; i++)
            if (series->years[i] == target->year && reportable(&series->estimates[i]))
                at = i;
        if (at > latest) {
            out->state = JARVA_TARGET_INSUFFICIENT_DATA;
            out->rule = JARVA_RULE_TARGET_YEAR_UNMEASURED;
            return;
        }
        const jarva_estimate *e = &series->estimates[at];
        out->measured_at_target_year = 1;
        out->projected_value = e->estimate;
        out->projected_se = (e->flags & JARVA_EST_NO_CI) || !(e->se > 0) ? 0 : e->se;
    }
    out->has_projection = 1;
    out->probability = probability_meets(out->projected_value, out->projected_se, target);
    if (out->probability >= opts->on_track && !out->measured_at_target_year &&
        turned_away(series, target, first, latest)) {
        out->state = JARVA_TARGET_UNCERTAIN;
        out->rule = JARVA_RULE_RECENT_TURN;
    } else if (out->probability >= opts->on_track) {
        out->state = JARVA_TARGET_ON_TRACK;
        out->rule = JARVA_RULE_PROBABILITY_HIGH;
    } else if (out->probability <= opts->off_track) {
        out->state = JARVA_TARGET_OFF_TRACK;
        out->rule = JARVA_RULE_PROBABILITY_LOW;
    } else {
        out->state = JARVA_TARGET_UNCERTAIN;
        out->rule = JARVA_RULE_PROBABILITY_MIDDLE;
    }
}

int jarva_target_assess(jarva_target_status *out, const jarva_series *series,
                        const jarva_target *target, const jarva_target_options *opts_in,
                        char *errbuf, size_t errlen)
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
    if (!rc)
        rc = jarva__version_check(out->version, JARVA_TARGET_STATUS_VERSION, "jarva_target_status",
                                  errbuf, errlen);
    if (rc)
        return rc;
    *out = (jarva_target_status)JARVA_TARGET_STATUS_INIT;
    out->state = JARVA_TARGET_INSUFFICIENT_DATA;
    out->rule = JARVA_RULE_NO_ESTIMATE;
    out->trend.flags = JARVA_TREND_INSUFFICIENT;
    out->trend.p_value = 1;
    out->trend.dispersion = 1;
    out->trend.df = INFINITY;
    out->latest_value = out->gap = out->projected_value = out->projected_se = NAN;
    out->probability = out->baseline_value = out->pace = out->required_pace = out->mdc = NAN;
    size_t latest = series->count;
    while (latest > 0 && !reportable(&series->estimates[latest - 1]))
        latest--;
    if (latest == 0)
        return JARVA_OK;
    latest--;
    out->latest_year = series->years[latest];
    out->latest = series->estimates[latest];
    out->latest_value = out->latest.estimate;
    out->gap = (double)target->direction * (target->value - out->latest_value);
    size_t first = segment_first(series, latest);
    choose_baseline(series, target, first, latest, opts->level, out);
    jarva_series segment = { latest - first + 1, series->years + first, series->estimates + first,
                             series->breaks, series->break_count };
    rc = jarva_trend_fit(&out->trend, &segment, opts->level, errbuf, errlen);
    if (rc)
        return rc;
    if (!(out->trend.flags & JARVA_TREND_INSUFFICIENT) && out->trend.n_points >= opts->min_points)
        out->pace = out->trend.slope;
    if (target->year > out->latest_year)
        out->required_pace =
            (target->value - out->latest_value) / (double)(target->year - out->latest_year);
    if (!(out->latest.flags & JARVA_EST_EXACT) && out->latest.se > 0)
        out->mdc = jarva_minimum_detectable_change(out->latest.se, 0.05, 0.80);
    judge(series, target, opts, first, latest, out);
    return JARVA_OK;
}

const char *jarva_target_rule_text(jarva_target_rule rule)
{
    switch (rule) {
    case JARVA_RULE_NO_ESTIMATE: return "no published estimate";
    case JARVA_RULE_LATEST_MEETS_TARGET: return "the latest estimate meets the target";
    case JARVA_RULE_PROBABILITY_HIGH: return "the target is probably reached by the target year";
    case JARVA_RULE_PROBABILITY_MIDDLE: return "the target may or may not be reached";
    case JARVA_RULE_PROBABILITY_LOW: return "the target is probably not reached by the target year";
    case JARVA_RULE_TOO_FEW_POINTS: return "fewer than 3 points in the series segment for a trend";
    case JARVA_RULE_TARGET_YEAR_UNMEASURED:
        return "the target year has passed without a measurement";
    case JARVA_RULE_NO_TARGET: return "no target";
    case JARVA_RULE_RECENT_TURN:
        return "the trend reaches the target, but the two latest changes move away from it";
    default: return "";
    }
}

const char *jarva_target_rule_name(jarva_target_rule rule)
{
    switch (rule) {
    case JARVA_RULE_NO_ESTIMATE: return "no_data";
    case JARVA_RULE_LATEST_MEETS_TARGET: return "latest_meets_target";
    case JARVA_RULE_PROBABILITY_HIGH: return "probability_high";
    case JARVA_RULE_PROBABILITY_MIDDLE: return "probability_middle";
    case JARVA_RULE_PROBABILITY_LOW: return "probability_low";
    case JARVA_RULE_TOO_FEW_POINTS: return "too_few_points";
    case JARVA_RULE_TARGET_YEAR_UNMEASURED: return "target_year_unmeasured";
    case JARVA_RULE_NO_TARGET: return "no_target";
    case JARVA_RULE_RECENT_TURN: return "recent_turn";
    default: return "";
    }
}

const char *jarva_target_state_name(jarva_target_state state)
{
    switch (state) {
    case JARVA_TARGET_INSUFFICIENT_DATA: return "insufficient data";
    case JARVA_TARGET_ACHIEVED: return "achieved";
    case JARVA_TARGET_ON_TRACK: return "on track";
    case JARVA_TARGET_UNCERTAIN: return "uncertain";
    case JARVA_TARGET_OFF_TRACK: return "off track";
    case JARVA_TARGET_NO_TARGET: return "no target";
    default: return "";
    }
}

const char *jarva_target_state_id(jarva_target_state state)
{
    switch (state) {
    case JARVA_TARGET_INSUFFICIENT_DATA: return "insufficient_data";
    case JARVA_TARGET_ACHIEVED: return "achieved";
    case JARVA_TARGET_ON_TRACK: return "on_track";
    case JARVA_TARGET_UNCERTAIN: return "uncertain";
    case JARVA_TARGET_OFF_TRACK: return "off_track";
    case JARVA_TARGET_NO_TARGET: return "no_target";
    default: return "";
    }
}

const char *jarva_target_state_sv(jarva_target_state state)
{
    switch (state) {
    case JARVA_TARGET_INSUFFICIENT_DATA: return "Otillräckliga data";
    case JARVA_TARGET_ACHIEVED: return "Uppnått";
    case JARVA_TARGET_ON_TRACK: return "På väg";
    case JARVA_TARGET_UNCERTAIN: return "Osäkert";
    case JARVA_TARGET_OFF_TRACK: return "Inte på väg";
    case JARVA_TARGET_NO_TARGET: return "Inget mål";
    default: return "";
    }
}

const char *jarva_baseline_source_name(jarva_baseline_source source)
{
    switch (source) {
    case JARVA_BASELINE_NONE: return "none";
    case JARVA_BASELINE_CATALOGUE: return "catalogue";
    case JARVA_BASELINE_FIRST_ESTIMATE: return "first_estimate";
    default: return "";
    }
}
