/* summary.c: jarva_summary_open(), the "what needs action" view of every
 * target (jarva/summary.h): the status of each indicator in its headline
 * area, Benjamini-Hochberg adjusted changes over the summary's family, and
 * the order in which a steering group should read them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jarva_internal.h"

struct jarva_summary {
    jarva_indicator_list *indicators;
    jarva_summary_item *items;
    char **areas; /* the items' area ids, owned */
    size_t count;
    double level;
};

const char *jarva_summary_group_name(jarva_summary_group group)
{
    switch (group) {
    case JARVA_SUMMARY_NEEDS_ACTION: return "needs_action";
    case JARVA_SUMMARY_ON_TRACK: return "on_track";
    case JARVA_SUMMARY_ACHIEVED: return "achieved";
    case JARVA_SUMMARY_NOT_JUDGED: return "not_judged";
    case JARVA_SUMMARY_NO_TARGET: return "no_target";
    }
    return "";
}

static jarva_summary_group group_of(jarva_target_state state)
{
    switch (state) {
    case JARVA_TARGET_OFF_TRACK:
    case JARVA_TARGET_UNCERTAIN: return JARVA_SUMMARY_NEEDS_ACTION;
    case JARVA_TARGET_ON_TRACK: return JARVA_SUMMARY_ON_TRACK;
    case JARVA_TARGET_ACHIEVED: return JARVA_SUMMARY_ACHIEVED;
    case JARVA_TARGET_INSUFFICIENT_DATA: return JARVA_SUMMARY_NOT_JUDGED;
    case JARVA_TARGET_NO_TARGET: break;
    }
    return JARVA_SUMMARY_NO_TARGET;
}

/* Sort key: the group; inside needs-action off track first and then the
 * lower probability first (the goal furthest from its target leads); else
 * plan order, which is the order of the indicator list. */
typedef struct keyed {
    jarva_summary_item item;
    char *area;
    size_t position;
} keyed;

static int compare(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    if (a->item.group != b->item.group)
        return a->item.group < b->item.group ? -1 : 1;
    if (a->item.group == JARVA_SUMMARY_NEEDS_ACTION) {
        int off_a = a->item.status.state == JARVA_TARGET_OFF_TRACK;
        int off_b = b->item.status.state == JARVA_TARGET_OFF_TRACK;
        if (off_a != off_b)
            return off_a ? -1 : 1;
        double pa_ = a->item.status.probability, pb_ = b->item.status.probability;
        if (pa_ != pb_)
            return pa_ < pb_ ? -1 : 1;
    }
    return a->position < b->position ? -1 : a->position > b->position;
}

/* Benjamini-Hochberg over the tested changes: the family in which
 * "statistically significant" is judged (docs/status.md, issue 11). */
static int adjust(jarva_db *db, keyed *rows, size_t n, double level)
{
    double *p = malloc((n ? n : 1) * 2 * sizeof *p);
    if (!p)
        return jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const jarva_target_status *st = &rows[i].item.status;
        p[i] =
            st->has_change && !(st->change.flags & JARVA_CHANGE_NO_TEST) ? st->change.p_value : NAN;
    }
    int rc = jarva_p_adjust_bh(p + n, p, n);
    for (size_t i = 0; i < n && !rc; i++) {
        rows[i].item.change_p_adjusted = p[n + i];
        rows[i].item.change_significant = isfinite(p[n + i]) && p[n + i] < 1 - level;
    }
    free(p);
    return rc ? jarva__seterr(jarva__db_err(db), JARVA_ENUMERIC, "adjusting the changes' p-values")
              : 0;
}

static int assess_all(jarva_db *db, jarva_summary *s, int year, const jarva_target_options *opts,
                      keyed *rows)
{
    int rc = JARVA_OK;
    for (size_t i = 0; i < s->count && !rc; i++) {
        const jarva_indicator *ind = jarva_indicator_list_get(s->indicators, i);
        keyed *k = &rows[i];
        k->position = i;
        k->item.indicator = ind;
        k->item.change_p_adjusted = NAN;
        k->item.status = (jarva_target_status)JARVA_TARGET_STATUS_INIT;
        rc = jarva_headline_area(&k->area, db, ind->id);
        if (!rc)
            rc = jarva_status_assess(&k->item.status, &k->item.has_target, db, ind->id, k->area,
                                     year, opts);
        k->item.area_id = k->area;
        k->item.group = group_of(k->item.status.state);
    }
    return rc;
}

int jarva_summary_open(jarva_summary **out, jarva_db *db, int year,
                       const jarva_target_options *opts)
{
    if (db)
        jarva__clearerr(jarva__db_err(db));
    if (out)
        *out = NULL;
    if (!db || !out)
        return JARVA_EINVAL;
    /* opts NULL goes on to jarva_status_assess() as NULL (the plan's
     * thresholds): calling jarva_plan_get() here would invalidate the
     * caller's plan strings. */
    jarva_target_options defaults = JARVA_TARGET_OPTIONS_INIT;
    double level = opts ? opts->level : defaults.level;
    jarva_summary *s = calloc(1, sizeof *s);
    if (!s)
        return jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
    s->level = level;
    int rc = jarva_indicator_list_open(&s->indicators, db, NULL);
    s->count = jarva_indicator_list_count(s->indicators);
    keyed *rows = rc ? NULL : calloc(s->count ? s->count : 1, sizeof *rows);
    if (!rc && !rows)
        rc = jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
    if (!rc)
        rc = assess_all(db, s, year, opts, rows);
    if (!rc)
        rc = adjust(db, rows, s->count, level);
    if (!rc) {
        qsort(rows, s->count, sizeof *rows, compare);
        s->items = calloc(s->count ? s->count : 1, sizeof *s->items);
        s->areas = calloc(s->count ? s->count : 1, sizeof *s->areas);
        if (!s->items || !s->areas)
            rc = jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
    }
    for (size_t i = 0; rows && i < s->count; i++) {
        if (!rc) {
            s->items[i] = rows[i].item;
            s->areas[i] = rows[i].area;
        } else
            free(rows[i].area);
    }
    free(rows);
    if (rc) {
        if (!s->areas)
            s->count = 0;
        jarva_summary_free(s);
        return rc;
    }
    jarva__clearerr(jarva__db_err(db));
    *out = s;
    return JARVA_OK;
}

size_t jarva_summary_count(const jarva_summary *summary)
{
    return summary ? summary->count : 0;
}

const jarva_summary_item *jarva_summary_get(const jarva_summary *summary, size_t i)
{
    return summary && summary->items && i < summary->count ? &summary->items[i] : NULL;
}

const jarva_summary_item *jarva_summary_find(const jarva_summary *summary, const char *indicator_id)
{
    for (size_t i = 0; indicator_id && i < jarva_summary_count(summary); i++)
        if (!strcmp(summary->items[i].indicator->id, indicator_id))
            return &summary->items[i];
    return NULL;
}

double jarva_summary_level(const jarva_summary *summary)
{
    return summary ? summary->level : NAN;
}

void jarva_summary_free(jarva_summary *summary)
{
    if (!summary)
        return;
    for (size_t i = 0; summary->areas && i < summary->count; i++)
        free(summary->areas[i]);
    free(summary->areas);
    free(summary->items);
    jarva_indicator_list_free(summary->indicators);
    free(summary);
}
