/* report_data.c: what the report reads from the database, through the same
 * public calls any program uses (catalogue lists, series, target status,
 * results, batches), and the analysis of each indicator as of the report's
 * year: its latest value, the change since the baseline with its test, and
 * the trend of its latest unbroken segment. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

bool jarva__report_shown(const jarva_estimate *e)
{
    return !e->suppressed && !(e->flags & JARVA_EST_EMPTY);
}

const jarva_area *jarva__report_area(const jarva__report *r, const char *id)
{
    for (size_t i = 0; id && i < jarva_area_list_count(r->areas); i++) {
        const jarva_area *a = jarva_area_list_get(r->areas, i);
        if (!strcmp(a->id, id))
            return a;
    }
    return NULL;
}

const char *jarva__report_goal_owner(const jarva__report *r, const jarva_indicator *ind)
{
    const char *owner = NULL;
    for (size_t i = 0; ind && i < jarva_goal_list_count(r->goals); i++) {
        const jarva_goal *g = jarva_goal_list_get(r->goals, i);
        if (ind->goal_id && !strcmp(g->id, ind->goal_id))
            owner = g->owner_id;
    }
    const jarva_organisation *o = owner ? jarva__report_organisation(r, owner) : NULL;
    return o ? jarva__report_organisation_name(r, o) : owner;
}

const jarva_organisation *jarva__report_organisation(const jarva__report *r, const char *id)
{
    for (size_t i = 0; id && i < jarva_organisation_list_count(r->organisations); i++) {
        const jarva_organisation *o = jarva_organisation_list_get(r->organisations, i);
        if (!strcmp(o->id, id))
            return o;
    }
    return NULL;
}

const char *jarva__report_organisation_name(const jarva__report *r, const jarva_organisation *o)
{
    return r->lang == JARVA__LANG_EN && o->name_en && *o->name_en ? o->name_en : o->name_sv;
}

const char *jarva__report_area_name(const jarva__report *r, const char *id, const char *fallback)
{
    const jarva_area *a = jarva__report_area(r, id);
    if (!a)
        return fallback;
    return r->lang == JARVA__LANG_EN && a->name_en && *a->name_en ? a->name_en : a->name;
}

static long find_year(const jarva_series *s, int year)
{
    for (size_t i = 0; i < s->count; i++)
        if (s->years[i] == year)
            return (long)i;
    return -1;
}

/* The comparison year: the catalogue's baseline if it is in the series,
 * shown and in the same unbroken segment as the latest value; else the
 * first shown value of that segment. A change is never taken across a
 * series break (jarva_change_between refuses it, and rightly). */
static void choose_base(jarva__report_item *it)
{
    const jarva_series *s = &it->series;
    int latest_year = s->years[it->latest_shown];
    it->break_year = 0;
    for (size_t b = 0; b < s->break_count; b++)
        if (s->breaks[b] <= latest_year && s->breaks[b] > it->break_year)
            it->break_year = s->breaks[b];
    it->base = -1;
    it->base_is_baseline = false;
    if (it->ind->has_baseline && it->ind->baseline_year < latest_year &&
        it->ind->baseline_year >= it->break_year) {
        long k = find_year(s, it->ind->baseline_year);
        if (k >= 0 && jarva__report_shown(&s->estimates[k])) {
            it->base = k;
            it->base_is_baseline = true;
            return;
        }
    }
    for (long i = 0; i < it->latest_shown; i++)
        if (s->years[i] >= it->break_year && jarva__report_shown(&s->estimates[i])) {
            it->base = i;
            return;
        }
}

void jarva__report_analyse(jarva__report_item *it)
{
    const jarva_series *s = &it->series;
    it->shown = 0;
    it->latest = s->count ? (long)s->count - 1 : -1;
    it->latest_shown = -1;
    it->base = -1;
    it->has_change = false;
    it->has_trend = false;
    it->base_value = NAN;
    it->change_p_adjusted = NAN;
    for (size_t i = 0; i < s->count; i++)
        if (jarva__report_shown(&s->estimates[i])) {
            it->shown++;
            it->latest_shown = (long)i;
        }
    if (it->latest_shown < 0)
        return;
    choose_base(it);
    char err[256];
    it->change = (jarva_change)JARVA_CHANGE_INIT;
    it->trend = (jarva_trend)JARVA_TREND_INIT;
    if (it->base >= 0)
        it->base_value = s->estimates[it->base].estimate;
    if (it->base >= 0)
        it->has_change =
            jarva_change_between(&it->change, s, s->years[it->base], s->years[it->latest_shown],
                                 jarva__report_level(it), err, sizeof err) == JARVA_OK;
    /* The trend of the latest segment up to the latest shown value. */
    size_t first = 0;
    while (first < s->count && s->years[first] < it->break_year)
        first++;
    jarva_series segment = *s;
    segment.years = s->years + first;
    segment.estimates = s->estimates + first;
    segment.count = (size_t)it->latest_shown + 1 - first;
    it->has_trend = jarva_trend_fit(&it->trend, &segment, jarva__report_level(it), err,
                                    sizeof err) == JARVA_OK &&
                    !(it->trend.flags & JARVA_TREND_INSUFFICIENT);
}

void jarva__report_adopt_status(jarva__report_item *it, const jarva_summary_item *family)
{
    const jarva_target_status *st = &it->status;
    const jarva_series *s = &it->series;
    if (it->latest_shown < 0 || st->latest_year != s->years[it->latest_shown])
        return; /* not the same latest value: keep the report's own comparison */
    it->base = -1;
    it->base_is_baseline = false;
    it->base_value = NAN;
    it->has_change = false;
    if (st->baseline_source != JARVA_BASELINE_NONE && st->baseline_year < st->latest_year) {
        long k = find_year(s, st->baseline_year);
        if (k >= 0) {
            it->base = k;
            it->base_is_baseline = st->baseline_source == JARVA_BASELINE_CATALOGUE;
            it->base_value = st->baseline_value;
        }
    }
    if (it->base >= 0 && st->has_change) {
        it->has_change = true;
        it->change = st->change;
    }
    it->change_p_adjusted = NAN;
    /* The word "statistiskt säkerställd" is judged in the family (issue 11,
     * docs/status.md): the adjusted p-value, never the lone test. */
    if (it->has_change && family && !(it->change.flags & JARVA_CHANGE_NO_TEST) &&
        family->status.has_change && family->status.change.year_from == it->change.year_from &&
        family->status.change.year_to == it->change.year_to) {
        it->change_p_adjusted = family->change_p_adjusted;
        it->change.significant = family->change_significant;
    }
}

/* The areas compared: the latest year up to the report's in which at least
 * two areas have an estimate of the indicator as a whole (no breakdown). */
static void choose_bars(jarva__report *r, jarva__report_item *it)
{
    size_t n = jarva_result_list_count(it->results);
    it->bar_year = 0;
    for (size_t i = 0; i < n;) {
        const jarva_result *first = jarva_result_list_get(it->results, i);
        size_t j = i;
        while (j < n && jarva_result_list_get(it->results, j)->year == first->year)
            j++;
        if (first->year <= r->year && j - i >= 2 && first->year >= it->bar_year) {
            it->bar_year = first->year;
            it->bars_from = i;
            it->bars_to = j;
        }
        i = j;
    }
}

static int load_item(jarva__report *r, jarva__report_item *it)
{
    jarva_db *db = r->db;
    int rc = jarva_headline_area(&it->area_id, db, it->ind->id);
    if (!rc)
        rc = jarva_series_open(&it->data, db, it->ind->id, it->area_id);
    if (rc)
        return rc;
    const jarva_area *area = jarva__report_area(r, it->area_id);
    it->area_name = jarva__report_area_name(r, it->area_id, area ? area->name : it->area_id);
    it->series = *jarva_series_data_series(it->data);
    while (it->series.count && it->series.years[it->series.count - 1] > r->year)
        it->series.count--;
    jarva_result_filter filter = { it->ind->id, 0, NULL, 0 };
    rc = jarva_result_list_open(&it->results, db, &filter);
    if (rc)
        return rc;
    /* The level stated is the one the estimates were computed at. */
    for (size_t i = 0; i < jarva_result_list_count(it->results) && !it->level; i++) {
        const jarva_result *res = jarva_result_list_get(it->results, i);
        if (res->level > 0 && res->level < 1)
            it->level = res->level;
        if (it->level && !r->level)
            r->level = it->level;
        if (!r->survey_method[0] && it->ind->source_kind == JARVA_IMPORT_SURVEY &&
            it->ind->percent && res->method)
            snprintf(r->survey_method, sizeof r->survey_method, "%s", res->method);
    }
    jarva__report_analyse(it);
    choose_bars(r, it);
    /* What the sentence's value hides: the latest value by group. */
    return jarva__report_breakdown_load(r, it);
}

/* The plan's thresholds and a level: the statuses and tests at the level the
 * estimates were computed at, so that the printed interval and the word
 * "säkerställd" speak of the same test. */
static jarva_target_options target_options(const jarva__report *r, double level)
{
    jarva_target_options o = JARVA_TARGET_OPTIONS_INIT;
    if (r->plan.on_track_probability > 0 && r->plan.on_track_probability < 1)
        o.on_track = r->plan.on_track_probability;
    if (r->plan.off_track_probability > 0 && r->plan.off_track_probability < 1)
        o.off_track = r->plan.off_track_probability;
    if (level > 0 && level < 1)
        o.level = level;
    return o;
}

/* Every item's status, and the summary whose Benjamini-Hochberg family
 * decides which changes are called significant. */
static int assess_items(jarva__report *r)
{
    jarva_target_options all = target_options(r, r->level);
    int rc = jarva_summary_open(&r->summary, r->db, r->year, &all);
    for (size_t i = 0; i < r->n_items && !rc; i++) {
        jarva__report_item *it = &r->items[i];
        jarva_target_options o = target_options(r, jarva__report_level(it));
        it->status = (jarva_target_status)JARVA_TARGET_STATUS_INIT;
        rc = jarva_status_assess(&it->status, &it->has_target, r->db, it->ind->id, it->area_id,
                                 r->year, &o);
        if (!rc)
            jarva__report_adopt_status(it, jarva_summary_find(r->summary, it->ind->id));
    }
    return rc;
}

static const jarva_goal *find_goal(const jarva__report *r, const char *id)
{
    for (size_t i = 0; id && i < jarva_goal_list_count(r->goals); i++) {
        const jarva_goal *g = jarva_goal_list_get(r->goals, i);
        if (!strcmp(g->id, id))
            return g;
    }
    return NULL;
}

int jarva__report_load(jarva__report *r)
{
    jarva_db *db = r->db;
    r->plan = (jarva_plan)JARVA_PLAN_INIT;
    int rc = jarva_plan_get(&r->plan, db);
    if (rc == JARVA_ENOTFOUND)
        return jarva_error_set(db, rc, "no catalogue in %s: run `jarva init` first",
                               jarva_db_path(db));
    if (!rc)
        rc = jarva_goal_list_open(&r->goals, db);
    if (!rc)
        rc = jarva_indicator_list_open(&r->indicators, db, NULL);
    if (!rc)
        rc = jarva_audience_list_open(&r->audiences, db);
    if (!rc)
        rc = jarva_organisation_list_open(&r->organisations, db);
    if (!rc)
        rc = jarva_area_list_open(&r->areas, db);
    if (!rc)
        rc = jarva_batch_list_open(&r->batches, db);
    if (!rc)
        rc = jarva_source_info_list_open(&r->sources, db);
    if (!rc)
        rc = jarva_published_source_list_open(&r->published, db);
    if (rc)
        return rc;
    r->n_items = jarva_indicator_list_count(r->indicators);
    r->items = calloc(r->n_items ? r->n_items : 1, sizeof *r->items);
    if (!r->items)
        return jarva_error_set(db, JARVA_ENOMEM, "out of memory");
    for (size_t i = 0; i < r->n_items && !rc; i++) {
        jarva__report_item *it = &r->items[i];
        it->ind = jarva_indicator_list_get(r->indicators, i);
        it->goal = find_goal(r, it->ind->goal_id);
        rc = load_item(r, it);
    }
    if (!r->level)
        r->level = REPORT_LEVEL;
    return rc ? rc : assess_items(r);
}

void jarva__report_unload(jarva__report *r)
{
    for (size_t i = 0; r->items && i < r->n_items; i++) {
        jarva_free(r->items[i].area_id);
        jarva_series_data_free(r->items[i].data);
        jarva_result_list_free(r->items[i].results);
        jarva_result_list_free(r->items[i].breakdowns);
        free(r->items[i].breakdown_rows);
    }
    free(r->items);
    r->items = NULL;
    jarva_goal_list_free(r->goals);
    jarva_indicator_list_free(r->indicators);
    jarva_audience_list_free(r->audiences);
    jarva_organisation_list_free(r->organisations);
    jarva_area_list_free(r->areas);
    jarva_batch_list_free(r->batches);
    jarva_source_info_list_free(r->sources);
    jarva_published_source_list_free(r->published);
    jarva_summary_free(r->summary);
}
