/* store_internal.h: the store's door for the other modules: what they read
 * and write, named for what it is, so that the SQL behind each call stays in
 * store/ (docs/architecture.md, "A second store engine"). */
#ifndef JARVA_STORE_INTERNAL_H
#define JARVA_STORE_INTERNAL_H

#include "jarva_internal.h"

/* The plan's status thresholds (plan.csv: on_track_probability,
 * off_track_probability) into opts, which keeps its values when no plan is
 * loaded. JARVA_OK or JARVA_EDB (store/results.c). */
int jarva__store_plan_thresholds(jarva_db *db, jarva_target_options *opts);

/* The catalogue's direction, target and baseline of an indicator in
 * *target, and in *targeted whether a target value and year are set.
 * JARVA_OK, JARVA_ENOTFOUND (no such indicator) or JARVA_EDB
 * (store/results.c). */
int jarva__store_indicator_target(jarva_db *db, const char *indicator_id, jarva_target *target,
                                  int *targeted);

#endif /* JARVA_STORE_INTERNAL_H */
