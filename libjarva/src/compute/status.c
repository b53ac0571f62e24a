/* status.c: the status of one indicator's target in one area as of a year
 * (jarva_status_assess()): the store's series, target and plan thresholds
 * (store/results.c) handed to the pure assessment of stats_target.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_internal.h"
#include "store_internal.h"

/* Whether area_id (NULL: the headline area) is the indicator's headline
 * area, the one the catalogue's baseline describes. */
static int is_headline(jarva_db *db, const char *indicator_id, const char *area_id, int *out)
{
    *out = 1;
    if (!area_id)
        return JARVA_OK;
    char *headline = NULL, *area = NULL;
    int rc = jarva_headline_area(&headline, db, indicator_id);
    if (!rc)
        rc = jarva__area_resolve(db, area_id, &area);
    if (!rc)
        *out = !strcmp(headline, area);
    free(headline);
    free(area);
    return rc;
}

int jarva_status_assess(jarva_target_status *out, int *has_target, jarva_db *db,
                        const char *indicator_id, const char *area_id, int year,
                        const jarva_target_options *opts)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(jarva__db_err(db));
    if (!db || !indicator_id || !out)
        return JARVA_EINVAL;
    if (out->version != JARVA_TARGET_STATUS_VERSION)
        return jarva__seterr(jarva__db_err(db), JARVA_EINVAL,
                             "jarva_status_assess: status version %u, this libjarva knows %d "
                             "(initialise it from JARVA_TARGET_STATUS_INIT)",
                             out->version, JARVA_TARGET_STATUS_VERSION);
    *out = (jarva_target_status)JARVA_TARGET_STATUS_INIT;
    if (has_target)
        *has_target = 0;
    jarva_target target;
    int targeted = 0;
    int rc = jarva__store_indicator_target(db, indicator_id, &target, &targeted);
    if (rc)
        return rc;
    jarva_target_options plan = JARVA_TARGET_OPTIONS_INIT;
    rc = opts ? JARVA_OK : jarva__store_plan_thresholds(db, &plan);
    /* The catalogue's baseline describes the headline area's series; any
     * other area's baseline is its own first estimate (stats_target.c). */
    int headline = 1;
    if (!rc && target.baseline_year)
        rc = is_headline(db, indicator_id, area_id, &headline);
    if (rc)
        return rc;
    if (!headline)
        target.baseline_year = 0;
    if (!targeted) {
        /* No target to judge, but the same trend, baseline and change for
         * the series: assessed against a placeholder, then labelled. */
        target.value = 0;
        target.year = 0;
    } else if (has_target)
        *has_target = 1;
    jarva_series_data *data = NULL;
    rc = jarva_series_open(&data, db, indicator_id, area_id);
    if (rc)
        return rc;
    /* As of a year: the later estimates do not exist yet. */
    jarva_series series = *jarva_series_data_series(data);
    while (year && series.count && series.years[series.count - 1] > year)
        series.count--;
    char errbuf[256];
    rc = jarva_target_assess(out, &series, &target, opts ? opts : &plan, errbuf, sizeof errbuf);
    jarva_series_data_free(data);
    if (rc)
        return jarva__seterr(jarva__db_err(db), rc, "%s: %s", indicator_id, errbuf);
    if (!targeted) {
        out->state = JARVA_TARGET_NO_TARGET;
        out->rule = JARVA_RULE_NO_TARGET;
        out->gap = out->projected_value = out->projected_se = out->probability = NAN;
        out->required_pace = NAN;
        out->has_projection = out->measured_at_target_year = 0;
    }
    return JARVA_OK;
}
