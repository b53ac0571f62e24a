/* jarva/summary.h: "Läget i korthet", what the steering group must act on:
 * every indicator's status against its target as of a year, in its headline
 * area, grouped and ordered so that a front end (the PDF report, the web
 * edition) shows the goals that need action first. The same statuses and
 * figures as jarva_status_assess() and `jarva status`; docs/status.md
 * explains them. */
#ifndef JARVA_SUMMARY_H
#define JARVA_SUMMARY_H

#include <stddef.h>

#include "catalog.h"
#include "common.h"
#include "db.h"
#include "estimate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The groups, in the order a summary lists them. */
typedef enum jarva_summary_group {
    JARVA_SUMMARY_NEEDS_ACTION = 0, /* off track, then uncertain */
    JARVA_SUMMARY_ON_TRACK = 1,
    JARVA_SUMMARY_ACHIEVED = 2,
    JARVA_SUMMARY_NOT_JUDGED = 3, /* insufficient data: status.rule says why */
    JARVA_SUMMARY_NO_TARGET = 4
} jarva_summary_group;

/* "needs_action", "on_track", "achieved", "not_judged", "no_target" (static);
 * "" for an unknown value. */
JARVA_API const char *jarva_summary_group_name(jarva_summary_group group);

typedef struct jarva_summary_item {
    const jarva_indicator *indicator; /* valid until the summary is freed */
    const char *area_id;              /* the headline area (jarva_headline_area()) */
    jarva_summary_group group;
    int has_target;
    jarva_target_status status; /* as jarva_status_assess() gives it for the year */
    /* Benjamini-Hochberg adjusted p-value of the change since the baseline,
     * over every tested change of the summary (the family `jarva status`
     * adjusts over); NaN when the change is not tested (exact, no interval). */
    double change_p_adjusted;
    int change_significant; /* change_p_adjusted < 1 - level */
} jarva_summary_item;

typedef struct jarva_summary jarva_summary;

/* Assesses every indicator of the catalogue as of year (0: the latest
 * estimates) and fills *out with a new summary: items grouped as
 * jarva_summary_group orders them; needs-action items off track before
 * uncertain, each by rising probability; the other groups in plan order.
 * opts NULL: the plan's thresholds and a level of 0.95 (and, unlike
 * jarva_plan_get(), the plan's strings stay valid). Only reads. Free it
 * with jarva_summary_free(). JARVA_OK, JARVA_EINVAL, JARVA_ENOTFOUND (no
 * catalogue), JARVA_ENOMEM, JARVA_EDB. */
JARVA_API int jarva_summary_open(jarva_summary **out, jarva_db *db, int year,
                                 const jarva_target_options *opts);
/* The number of items (0 for NULL) and the i-th (NULL if i >= count). */
JARVA_API size_t jarva_summary_count(const jarva_summary *summary);
JARVA_API const jarva_summary_item *jarva_summary_get(const jarva_summary *summary, size_t i);
/* The item of an indicator, or NULL. */
JARVA_API const jarva_summary_item *jarva_summary_find(const jarva_summary *summary,
                                                       const char *indicator_id);
/* The level the summary's changes were tested at. */
JARVA_API double jarva_summary_level(const jarva_summary *summary);
JARVA_API void jarva_summary_free(jarva_summary *summary);

#ifdef __cplusplus
}
#endif

#endif /* JARVA_SUMMARY_H */
