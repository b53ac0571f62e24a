/* cli_assess.c: what `jarva status` and `jarva trend` share: the change
 * since the baseline as text, decimals that never contradict its test, areas
 * by name, and the options of the target assessment. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char *cli_result_level(char *buf, size_t size, const jarva_result *r)
{
    if (r->estimate.flags & (JARVA_EST_EXACT | JARVA_EST_NO_N))
        return NULL;
    return cli_level(buf, size, r->level);
}

int cli_stored_interval(jarva_db *db, const char *indicator, const char *area, int year,
                        cli_interval *out)
{
    out->method[0] = out->level[0] = '\0';
    if (!year)
        return 0;
    jarva_result_filter filter = { indicator, year, area, 0 };
    jarva_result_list *list = NULL;
    if (jarva_result_list_open(&list, db, &filter)) {
        jarva_result_list_free(list);
        return -1;
    }
    const jarva_result *r = jarva_result_list_get(list, 0);
    if (r) {
        snprintf(out->method, sizeof out->method, "%s", r->method);
        const char *level = cli_result_level(out->level, sizeof out->level, r);
        if (!level)
            out->level[0] = '\0';
    }
    jarva_result_list_free(list);
    return 0;
}

/* Issue 11: significance is decided on the unrounded values, and the printed
 * interval must not contradict it, so decimals are added until an interval
 * that excludes 0 prints excluding 0. */
int cli_interval_decimals(double lo, double hi, int least)
{
    if (!(lo > 0 || hi < 0))
        return least;
    for (int d = least; d < 12; d++) {
        char text[64];
        snprintf(text, sizeof text, "%.*f", d, lo > 0 ? lo : hi);
        double printed = strtod(text, NULL);
        if (lo > 0 ? printed > 0 : printed < 0)
            return d;
    }
    return 12;
}

void cli_change_text(char *buf, size_t size, const jarva_change *ch, int percent, double level)
{
    double scale = percent ? 100 : 1;
    int least = percent ? 1 : 2;
    if (ch->flags & JARVA_CHANGE_NO_TEST) {
        snprintf(buf, size, "%+.*f%s", least, ch->difference * scale,
                 (ch->flags & JARVA_CHANGE_EXACT) ? " (exact)" : " (not tested)");
        return;
    }
    int d = cli_interval_decimals(ch->ci_low * scale, ch->ci_high * scale, least);
    snprintf(buf, size, "%+.*f (%g %% CI %.*f to %.*f)", d, ch->difference * scale, level * 100, d,
             ch->ci_low * scale, d, ch->ci_high * scale);
}

int cli_change_tested(const jarva_target_status *st)
{
    return st->has_change && !(st->change.flags & JARVA_CHANGE_NO_TEST);
}

char *cli_area_id(jarva_db *db, const char *name)
{
    jarva_area_list *list = NULL;
    char *id = NULL;
    if (jarva_area_find(&list, db, name) == JARVA_OK && jarva_area_list_count(list) > 0)
        id = strdup(jarva_area_list_get(list, 0)->id);
    jarva_area_list_free(list);
    return id;
}

char *cli_assess_area(jarva_db *db, const char *indicator, const char *name)
{
    if (name) {
        char *id = cli_area_id(db, name);
        if (!id)
            cli_error("no area '%s' (an id, name or alias from the catalogue's areas.csv)", name);
        return id;
    }
    /* The library's string goes back to the library; the caller gets one
     * to free(), as from cli_area_id(). */
    char *headline = NULL;
    if (jarva_headline_area(&headline, db, indicator) != JARVA_OK) {
        cli_db_error(db);
        return NULL;
    }
    char *id = strdup(headline);
    jarva_free(headline);
    if (!id)
        cli_error("out of memory");
    return id;
}

void cli_target_options(jarva_db *db, double level, jarva_target_options *o)
{
    jarva_target_options defaults = JARVA_TARGET_OPTIONS_INIT;
    *o = defaults;
    jarva_plan plan = JARVA_PLAN_INIT;
    if (jarva_plan_get(&plan, db) == JARVA_OK) {
        o->on_track = plan.on_track_probability;
        o->off_track = plan.off_track_probability;
    }
    if (level > 0)
        o->level = level;
}
