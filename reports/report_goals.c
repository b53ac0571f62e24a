/* report_goals.c: the body of the effect report: a section for the plan's
 * overall goals and one for each audience's communication goals, and under
 * each goal its indicators: what and where is measured, a sentence stating
 * the result with its uncertainty, a chart over the years (interval as a
 * band, target as a dashed line, series breaks as gaps) and, for the latest
 * year with several areas, a bar chart comparing them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_chart.h"
#include "pdf_symbol.h"
#include "pdf_text.h"
#include "report_internal.h"

#define LINE_CHART_HEIGHT 225.0
/* The least a line chart is shrunk to so that it fills a page instead of
 * leaving it half empty (its plot keeps about 100 points). */
#define LINE_CHART_MIN 185.0
/* What a chart can hold legibly (the drawing layer refuses more than 100
 * years, and a bar chart taller than a page): the latest 60 years, and 24
 * areas. The sentence and the summary still use the whole series. */
#define CHART_YEARS 60
#define MAX_BARS 24

static bool is_break(const jarva_series *s, int year)
{
    for (size_t i = 0; i < s->break_count; i++)
        if (s->breaks[i] == year)
            return true;
    return false;
}

/* "Källa: … · Område: … · Utgångsvärde: … · Mål: …" under the name. */
void jarva__report_meta_line(const jarva__report *r, const jarva__report_item *it, char *buf,
                             size_t cap)
{
    const jarva_indicator *ind = it->ind;
    char value[JARVA__FMT_SIZE];
    int len =
        snprintf(buf, cap, "%s: %s \xC2\xB7 %s: %s", TR(r, "Källa", "Source"),
                 jarva__report_source_name(r, ind->source), TR(r, "Område", "Area"), it->area_name);
    /* The baseline by the one rule (docs/status.md), with its year and source. */
    char baseline[2 * JARVA__FMT_SIZE];
    jarva__report_baseline_text(r->lang, it, baseline, sizeof baseline);
    if (len >= 0 && (size_t)len < cap && baseline[0])
        len += snprintf(buf + len, cap - (size_t)len, " \xC2\xB7 %s: %s",
                        TR(r, "Utgångsvärde", "Baseline"), baseline);
    if (len >= 0 && (size_t)len < cap) {
        if (ind->has_target) {
            jarva__report_value(r->lang, ind, ind->target_value, value, sizeof value);
            /* Whether the target is decided or a proposal (issue 11). */
            snprintf(buf + len, cap - (size_t)len, " \xC2\xB7 %s: %s %s %d",
                     ind->target_kind == JARVA_TARGET_DECIDED
                         ? TR(r, "Mål (beslutat)", "Target (decided)")
                         : TR(r, "Förslag till målvärde", "Proposed target"),
                     value, TR(r, "år", "by"), ind->target_year);
        } else {
            snprintf(buf + len, cap - (size_t)len, " \xC2\xB7 %s",
                     TR(r, "Inget målvärde", "No target"));
        }
    }
}

/* The confidence level the indicator's estimates were computed at (what
 * `jarva compute --level` stored), 0.95 if none is stored. */
static double stored_level(const jarva__report_item *it)
{
    for (size_t i = 0; i < jarva_result_list_count(it->results); i++) {
        double level = jarva_result_list_get(it->results, i)->level;
        if (level > 0 && level < 1)
            return level;
    }
    return 0.95;
}

/* "95 % konfidensintervall" at the stored level. */
static void ci_words(const jarva__report *r, const jarva__report_item *it, char *buf, size_t cap)
{
    char level[32];
    jarva__fmt_percent(level, sizeof level, stored_level(it), 0, r->lang);
    snprintf(buf, cap, "%s %s", level, TR(r, "konfidensintervall", "confidence interval"));
}

/* What the value axis shows, for the charts' subtitles; "med 95 %
 * konfidensintervall" only when the chart draws one (issue 12: a chart
 * without intervals does not claim them). */
void jarva__report_measure_text(const jarva__report *r, const jarva__report_item *it, bool has_ci,
                                char *buf, size_t cap)
{
    const jarva_indicator *ind = it->ind;
    char ci[96];
    ci_words(r, it, ci, sizeof ci);
    if (ind->percent || ind->measure == JARVA_MEASURE_MEAN) {
        const char *what = ind->percent ? TR(r, "Procent", "Percent") : TR(r, "Medelvärde", "Mean");
        if (has_ci)
            snprintf(buf, cap, "%s, %s %s", what, TR(r, "med", "with"), ci);
        else
            snprintf(buf, cap, "%s", what);
        return;
    }
    if (ind->source_kind == JARVA_IMPORT_ACTIVITIES)
        snprintf(buf, cap, "%s",
                 TR(r, "Antal per år (totalräknat, utan urvalsosäkerhet)",
                    "Number a year (a complete count, without sampling error)"));
    else
        snprintf(buf, cap, "%s",
                 TR(r, "Antal enligt källan (totalräknat, utan urvalsosäkerhet)",
                    "Number according to the source (a complete count, without sampling error)"));
}

/* The answer scale of a mean ("1,2,3,4,5" gives 1 and 5), so that its axis
 * is the scale's; false if the codes are not numbers. */
static bool scale_of(const jarva_indicator *ind, double *lo, double *hi)
{
    if (ind->measure != JARVA_MEASURE_MEAN || !ind->valid_codes || !*ind->valid_codes)
        return false;
    *lo = INFINITY;
    *hi = -INFINITY;
    for (const char *p = ind->valid_codes; *p;) {
        char *end;
        double v = strtod(p, &end);
        if (end == p)
            return false;
        *lo = fmin(*lo, v);
        *hi = fmax(*hi, v);
        p = *end == ',' ? end + 1 : end;
        if (*end && *end != ',')
            return false;
    }
    return *lo < *hi;
}

/* The years in which the indicator's source measured anything up to the
 * report's year, in any area and for any of its indicators: a year among
 * them that a series lacks is a missing measurement, and the chart's line
 * breaks there instead of running through it (a survey held every other
 * year has no such years between its waves). Ascending, malloc'd. */
static int *source_years(const jarva__report *r, const jarva_indicator *ind, size_t *n)
{
    size_t cap = 16;
    int *years = malloc(cap * sizeof *years);
    *n = 0;
    for (size_t i = 0; years && i < r->n_items; i++) {
        const jarva__report_item *o = &r->items[i];
        if (!o->ind->source || !ind->source || strcmp(o->ind->source, ind->source) != 0)
            continue;
        for (size_t j = 0; j < jarva_result_list_count(o->results); j++) {
            const jarva_result *res = jarva_result_list_get(o->results, j);
            if (res->year > r->year || (res->estimate.flags & JARVA_EST_EMPTY))
                continue;
            size_t k = 0;
            while (k < *n && years[k] < res->year)
                k++;
            if (k < *n && years[k] == res->year)
                continue;
            if (*n == cap) {
                int *grown = realloc(years, 2 * cap * sizeof *years);
                if (!grown) {
                    free(years);
                    return NULL;
                }
                years = grown;
                cap *= 2;
            }
            memmove(years + k + 1, years + k, (*n - k) * sizeof *years);
            years[k] = res->year;
            (*n)++;
        }
    }
    return years;
}

static const char *unit_label(const jarva__report *r, const jarva_indicator *ind)
{
    if (ind->percent)
        return NULL;
    if (ind->measure == JARVA_MEASURE_MEAN)
        return TR(r, "Medelvärde", "Mean");
    return TR(r, "Antal", "Number");
}

static void target_label(const jarva__report *r, const jarva_indicator *ind, char *buf, size_t cap)
{
    char value[JARVA__FMT_SIZE];
    jarva__report_value(r->lang, ind, ind->target_value, value, sizeof value);
    snprintf(buf, cap, "%s %d: %s", TR(r, "Mål", "Target"), ind->target_year, value);
}

static void chart_note(const jarva__report *r, const jarva__report_item *it, bool no_n, char *buf,
                       size_t cap)
{
    int len = snprintf(buf, cap, "%s: %s.", TR(r, "Källa", "Source"),
                       jarva__report_source_name(r, it->ind->source));
    if (no_n && len >= 0 && (size_t)len < cap)
        snprintf(buf + len, cap - (size_t)len, " %s",
                 TR(r, "Konfidensintervall saknas för publicerade andelar utan antal svarande.",
                    "No confidence interval for published shares without the number of "
                    "respondents."));
}

/* The line chart's series: the headline area and, when they have at least
 * two values to draw a line with, up to three larger areas it can be read
 * against (districts, the police area, the city, the police region); the
 * small areas are compared in the bar chart instead. */
#define MAX_SERIES 4

typedef struct chart_series {
    jarva__line_series series[MAX_SERIES];
    char labels[MAX_SERIES][160];
    const char *area_ids[MAX_SERIES]; /* borrowed from the results */
    size_t n;
    jarva__chart_point *points; /* every series' points, one block */
    size_t n_points;
    int *withheld; /* the headline's withheld years */
    size_t n_withheld;
    bool no_n;
    bool has_ci; /* some point has an interval */
    int first, last;
    int *source_years; /* when the source measured (source_years()) */
    size_t n_source_years;
} chart_series;

/* Before a point of year `year` in the series starting at points[from]:
 * a gap for every year the source measured since the series' last point. */
static void add_gaps(chart_series *cs, size_t from, int year)
{
    if (cs->n_points == from)
        return;
    int prev = cs->points[cs->n_points - 1].year;
    for (size_t k = 0; k < cs->n_source_years; k++) {
        int y = cs->source_years[k];
        if (y > prev && y < year)
            cs->points[cs->n_points++] = (jarva__chart_point){ y, NAN, NAN, NAN, false };
    }
}

static void add_point(chart_series *cs, const jarva_series *s, int year, const jarva_estimate *e)
{
    bool shown = jarva__report_shown(e);
    bool ci = shown && !(e->flags & JARVA_EST_NO_CI);
    cs->no_n = cs->no_n || (shown && (e->flags & JARVA_EST_NO_N));
    cs->has_ci = cs->has_ci || ci;
    cs->points[cs->n_points++] =
        (jarva__chart_point){ year, shown ? e->estimate : NAN, ci ? e->ci_low : NAN,
                              ci ? e->ci_high : NAN, is_break(s, year) };
    cs->first = cs->first && cs->first < year ? cs->first : year;
    cs->last = cs->last > year ? cs->last : year;
}

/* The shown values of an area up to the report's year. */
static size_t area_values(const jarva__report *r, const jarva__report_item *it, const char *area)
{
    size_t shown = 0;
    for (size_t i = 0; i < jarva_result_list_count(it->results); i++) {
        const jarva_result *res = jarva_result_list_get(it->results, i);
        shown += res->year <= r->year && !strcmp(res->area_id, area) &&
                 jarva__report_shown(&res->estimate);
    }
    return shown;
}

/* Whether res starts an area that is not yet a series and may become one. */
static bool candidate(const jarva__report *r, const jarva__report_item *it, const chart_series *cs,
                      const jarva_result *res, bool in_jarva)
{
    const jarva_area *a = jarva__report_area(r, res->area_id);
    if (!a || a->kind == JARVA_AREA_AREA || (a->in_jarva != 0) != in_jarva ||
        !strcmp(res->area_id, it->area_id))
        return false;
    for (size_t k = 1; k < cs->n; k++)
        if (!strcmp(cs->area_ids[k], res->area_id))
            return false;
    return area_values(r, it, res->area_id) >= 2;
}

static int build_series(jarva__report *r, const jarva__report_item *it, chart_series *cs)
{
    const jarva_series *s = &it->series;
    size_t n_results = jarva_result_list_count(it->results);
    memset(cs, 0, sizeof *cs);
    cs->source_years = source_years(r, it->ind, &cs->n_source_years);
    cs->points =
        calloc(s->count + n_results + 1 + MAX_SERIES * cs->n_source_years, sizeof *cs->points);
    cs->withheld = calloc(s->count + 1, sizeof *cs->withheld);
    if (!cs->points || !cs->withheld || !cs->source_years)
        return jarva__pdf_fail(r->doc, JARVA_ENOMEM, "out of memory");
    size_t skip = 0;
    while (skip < s->count && s->years[skip] <= r->year - CHART_YEARS)
        skip++;
    for (size_t i = skip; i < s->count; i++) {
        add_gaps(cs, 0, s->years[i]);
        add_point(cs, s, s->years[i], &s->estimates[i]);
        if (!jarva__report_shown(&s->estimates[i]))
            cs->withheld[cs->n_withheld++] = s->years[i];
    }
    cs->series[0] = (jarva__line_series){ NULL, cs->points, cs->n_points };
    snprintf(cs->labels[0], sizeof cs->labels[0], "%s", it->area_name);
    cs->n = 1;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n_results && cs->n < MAX_SERIES; i++) {
            const jarva_result *res = jarva_result_list_get(it->results, i);
            if (!candidate(r, it, cs, res, pass == 0))
                continue;
            size_t from = cs->n_points;
            for (size_t j = 0; j < n_results; j++) {
                const jarva_result *p = jarva_result_list_get(it->results, j);
                if (p->year <= r->year && p->year > r->year - CHART_YEARS &&
                    !strcmp(p->area_id, res->area_id)) {
                    add_gaps(cs, from, p->year);
                    add_point(cs, s, p->year, &p->estimate);
                }
            }
            if (pass == 0)
                snprintf(cs->labels[cs->n], sizeof cs->labels[cs->n], "%s",
                         jarva__report_area_name(r, res->area_id, res->area_name));
            else
                snprintf(cs->labels[cs->n], sizeof cs->labels[cs->n], "%s (%s)",
                         jarva__report_area_name(r, res->area_id, res->area_name),
                         TR(r, "jämförelse", "comparison"));
            cs->series[cs->n] =
                (jarva__line_series){ NULL, cs->points + from, cs->n_points - from };
            cs->area_ids[cs->n] = res->area_id;
            cs->n++;
        }
    for (size_t k = 0; cs->n > 1 && k < cs->n; k++)
        cs->series[k].label = cs->labels[k];
    return JARVA_OK;
}

/* Whether the current page is filled enough to be left for the next: no
 * page but a part's last may be less than half filled (issue 12). The last
 * ink lies above the cursor by the space after it (14 points after a
 * chart), which does not count. */
static bool half_filled(const jarva__pdf *doc)
{
    jarva__pdf_frame f = jarva__pdf_get_frame(doc);
    return f.top - jarva__pdf_cursor(doc) - 16.0 >= 0.5 * (f.top - f.bottom);
}

/* The line chart's height: its usual one, or less (down to LINE_CHART_MIN)
 * where that keeps it on the page of its texts. */
static double line_chart_height(const jarva__report *r, bool several)
{
    double usual = LINE_CHART_HEIGHT + (several ? 20.0 : 0.0);
    double room = jarva__pdf_space_left(r->doc) - 14.0;
    if (room < usual && room >= LINE_CHART_MIN + (several ? 20.0 : 0.0))
        return room;
    return usual;
}

static int line_chart(jarva__report *r, const jarva__report_item *it)
{
    chart_series cs;
    if (build_series(r, it, &cs) != JARVA_OK || cs.n_points == 0) {
        /* (no points: every value lies beyond the chart's years) */
        free(cs.points);
        free(cs.withheld);
        free(cs.source_years);
        return jarva__pdf_status(r->doc);
    }
    char title[400], where[256], target[JARVA__FMT_SIZE + 64], note[512];
    ++r->figure;
    if (cs.n > 1)
        snprintf(where, sizeof where, "%s %s", it->area_name,
                 TR(r, "och jämförelseområden", "and comparison areas"));
    else
        snprintf(where, sizeof where, "%s", it->area_name);
    if (cs.first == cs.last)
        snprintf(title, sizeof title, "%s %d. %s %d", TR(r, "Figur", "Figure"), r->figure, where,
                 cs.first);
    else if (r->lang == JARVA__LANG_SV)
        snprintf(title, sizeof title, "Figur %d. Utvecklingen i %s %d\xE2\x80\x93%d", r->figure,
                 where, cs.first, cs.last);
    else
        snprintf(title, sizeof title, "Figure %d. %s over %d\xE2\x80\x93%d", r->figure, where,
                 cs.first, cs.last);
    chart_note(r, it, cs.no_n, note, sizeof note);
    char subtitle[256], ci_label[96];
    jarva__report_measure_text(r, it, cs.has_ci, subtitle, sizeof subtitle);
    ci_words(r, it, ci_label, sizeof ci_label);
    jarva__line_chart c = jarva__line_chart_init();
    c.title = title;
    c.subtitle = subtitle;
    c.ci_label = ci_label;
    c.unit_label = unit_label(r, it->ind);
    c.note = note;
    c.unit = jarva__report_unit(it->ind);
    c.series = cs.series;
    c.n_series = cs.n;
    c.ci = !cs.has_ci ? JARVA__CI_NONE : cs.n > 1 ? JARVA__CI_BARS : JARVA__CI_BAND;
    double lo, hi;
    if (scale_of(it->ind, &lo, &hi)) { /* a mean on its answer scale */
        c.y_min = lo;
        c.y_max = hi;
    }
    c.height = line_chart_height(r, cs.n > 1);
    c.bridge_unlisted = true;
    c.whole_numbers = it->ind->measure == JARVA_MEASURE_COUNT;
    c.withheld_years = cs.withheld;
    c.n_withheld_years = cs.n_withheld;
    if (it->ind->has_target) {
        c.target = it->ind->target_value;
        target_label(r, it->ind, target, sizeof target);
        c.target_label = target;
    }
    int rc = jarva__pdf_line_chart(r->doc, &c);
    free(cs.points);
    free(cs.withheld);
    free(cs.source_years);
    return rc;
}

/* The order of the bars: the headline area first, then the other areas of
 * Järva in the catalogue's order, then the comparison areas. */
static int bar_rank(const jarva__report *r, const jarva__report_item *it, const jarva_result *res)
{
    if (!strcmp(res->area_id, it->area_id))
        return 0;
    const jarva_area *a = jarva__report_area(r, res->area_id);
    return a && !a->in_jarva ? 2 : 1;
}

static int bar_chart(jarva__report *r, const jarva__report_item *it)
{
    size_t n = it->bars_to - it->bars_from, k = 0;
    jarva__bar *bars = calloc(n, sizeof *bars);
    char(*labels)[160] = calloc(n, sizeof *labels);
    if (!bars || !labels) {
        free(bars);
        free(labels);
        return jarva__pdf_fail(r->doc, JARVA_ENOMEM, "out of memory");
    }
    bool no_n = false, has_ci = false;
    for (int rank = 0; rank <= 2; rank++)
        for (size_t i = it->bars_from; i < it->bars_to; i++) {
            const jarva_result *res = jarva_result_list_get(it->results, i);
            if (bar_rank(r, it, res) != rank || k == MAX_BARS)
                continue;
            const jarva_estimate *e = &res->estimate;
            bool shown = jarva__report_shown(e);
            bool ci = shown && !(e->flags & JARVA_EST_NO_CI);
            no_n = no_n || (shown && (e->flags & JARVA_EST_NO_N));
            has_ci = has_ci || ci;
            if (rank == 2)
                snprintf(labels[k], sizeof labels[k], "%s (%s)",
                         jarva__report_area_name(r, res->area_id, res->area_name),
                         TR(r, "jämförelse", "comparison"));
            else
                snprintf(labels[k], sizeof labels[k], "%s",
                         jarva__report_area_name(r, res->area_id, res->area_name));
            bars[k] = (jarva__bar){ labels[k], shown ? e->estimate : NAN, ci ? e->ci_low : NAN,
                                    ci ? e->ci_high : NAN, rank == 0 };
            k++;
        }
    char title[256], target[JARVA__FMT_SIZE + 64], note[512];
    snprintf(title, sizeof title, "%s %d. %s %d", TR(r, "Figur", "Figure"), ++r->figure,
             TR(r, "Jämförelse mellan områden", "Areas compared"), it->bar_year);
    chart_note(r, it, no_n, note, sizeof note);
    char subtitle[256], ci_label[96];
    jarva__report_measure_text(r, it, has_ci, subtitle, sizeof subtitle);
    ci_words(r, it, ci_label, sizeof ci_label);
    jarva__bar_chart c = jarva__bar_chart_init();
    c.title = title;
    c.subtitle = subtitle;
    c.ci_label = ci_label;
    c.note = note;
    c.unit = jarva__report_unit(it->ind);
    c.bars = bars;
    c.n_bars = k;
    c.decimals = jarva__report_decimals(it->ind);
    c.whole_numbers = it->ind->measure == JARVA_MEASURE_COUNT;
    if (it->ind->has_target) {
        c.target = it->ind->target_value;
        target_label(r, it->ind, target, sizeof target);
        c.target_label = target;
    }
    int rc = jarva__pdf_bar_chart(r->doc, &c);
    free(bars);
    free(labels);
    return rc;
}

/* Whether an indicator gets a chart over the years: a line needs two
 * shown values; one value is in the sentence (and the bar chart compares
 * the areas), not on a chart with a lone dot. */
static bool has_line_chart(const jarva__report_item *it)
{
    return it->shown >= 2;
}

/* The texts of an indicator's block: its name, the line under it and the
 * sentence, and the height that must stay together on a page (the texts
 * and the line chart). */
typedef struct block_text {
    const char *name;
    char meta[1024];
    char *sentence;
    double keep;  /* the texts and the chart at its usual height */
    double least; /* the texts and the chart at its least height */
} block_text;

static int block_prepare(jarva__report *r, const jarva__report_item *it, block_text *b)
{
    jarva__pdf *doc = r->doc;
    jarva__pdf_frame f = jarva__pdf_get_frame(doc);
    jarva__pdf_style caption = jarva__pdf_style_get(JARVA__STYLE_CAPTION);
    jarva__pdf_style note = jarva__pdf_style_get(JARVA__STYLE_NOTE);
    jarva__pdf_style body = jarva__pdf_style_get(JARVA__STYLE_BODY);
    b->name = jarva__report_ind_name(r->lang, it->ind);
    jarva__report_meta_line(r, it, b->meta, sizeof b->meta);
    b->sentence = jarva__report_sentence(r->lang, r->year, it);
    if (!b->sentence)
        return jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
    double h_name = 0, h_meta = 0, h_text = 0;
    jarva__pdf_text_box(doc, &caption, 0, 0, f.width, b->name, false, &h_name);
    jarva__pdf_text_box(doc, &note, 0, 0, f.width, b->meta, false, &h_meta);
    jarva__pdf_text_box(doc, &body, 0, 0, f.width, b->sentence, false, &h_text);
    double chart = has_line_chart(it) ? LINE_CHART_HEIGHT + 14.0 : 0.0;
    b->keep = 12.0 + h_name + 2.0 + h_meta + 5.0 + h_text + 8.0 + chart;
    b->least = b->keep - (has_line_chart(it) ? LINE_CHART_HEIGHT - LINE_CHART_MIN : 0.0);
    int rc = jarva__pdf_status(doc);
    if (rc) { /* the callers return at once: the sentence is theirs only on success */
        free(b->sentence);
        b->sentence = NULL;
    }
    return rc;
}

static int indicator_block(jarva__report *r, const jarva__report_item *it)
{
    jarva__pdf *doc = r->doc;
    jarva__pdf_frame f = jarva__pdf_get_frame(doc);
    jarva__pdf_style caption = jarva__pdf_style_get(JARVA__STYLE_CAPTION);
    jarva__pdf_style note = jarva__pdf_style_get(JARVA__STYLE_NOTE);
    jarva__pdf_style body = jarva__pdf_style_get(JARVA__STYLE_BODY);
    block_text b;
    if (block_prepare(r, it, &b) != JARVA_OK)
        return jarva__pdf_status(doc);
    const char *name = b.name, *meta = b.meta;
    char *sentence = b.sentence;
    /* The name, the lines under it and the chart stay on one page, the
     * chart shrunk to the room left if need be; unless that would leave
     * this page less than half filled: then the texts stay here and the
     * chart follows on the next. */
    double texts = b.keep - (has_line_chart(it) ? LINE_CHART_HEIGHT + 14.0 : 0.0);
    bool stay = r->stay_on_page || !half_filled(doc);
    r->stay_on_page = false;
    if (jarva__pdf_space_left(doc) < b.least && (!stay || jarva__pdf_space_left(doc) < texts))
        jarva__pdf_need(doc, b.keep);
    if (jarva__pdf_cursor(doc) < f.top - 0.01)
        jarva__pdf_advance(doc, 12.0);
    jarva__pdf_paragraph(doc, &caption, name, 2.0);
    jarva__pdf_paragraph(doc, &note, meta, 5.0);
    jarva__pdf_paragraph(doc, &body, sentence, 8.0);
    free(sentence);
    if (has_line_chart(it) && line_chart(r, it) != JARVA_OK)
        return jarva__pdf_status(doc);
    if (it->bar_year && bar_chart(r, it) != JARVA_OK)
        return jarva__pdf_status(doc);
    return jarva__report_breakdown(r, it);
}

/* The room a goal's heading needs with its first indicator's texts and
 * (least) chart, which it stays with. */
static double goal_need(jarva__report *r, const jarva_goal *goal, const char *label)
{
    jarva__pdf_style h2 = jarva__pdf_style_get(JARVA__STYLE_H2);
    double h = 0, first = 0;
    jarva__pdf_text_box(r->doc, &h2, 0, 0, jarva__pdf_get_frame(r->doc).width, label, false, &h);
    for (size_t i = 0; i < r->n_items; i++)
        if (r->items[i].goal == goal) {
            block_text b;
            if (block_prepare(r, &r->items[i], &b) == JARVA_OK) {
                free(b.sentence);
                first = b.least;
            }
            break;
        }
    return 10.0 + h + 4.0 + first;
}

static int goal_block(jarva__report *r, const jarva_goal *goal)
{
    char label[1200];
    jarva__report_goal_label(r, goal, label, sizeof label);
    /* The heading stays on a page with its first indicator's texts and
     * chart; on a page less than half filled it stays there all the same,
     * and so do those texts. */
    if (half_filled(r->doc) && !r->stay_on_page)
        jarva__pdf_need(r->doc, goal_need(r, goal, label));
    else
        r->stay_on_page = true;
    if (jarva__pdf_heading(r->doc, 2, label) != JARVA_OK)
        return jarva__pdf_status(r->doc);
    size_t shown = 0;
    for (size_t i = 0; i < r->n_items && jarva__pdf_status(r->doc) == JARVA_OK; i++)
        if (r->items[i].goal == goal) {
            indicator_block(r, &r->items[i]);
            shown++;
        }
    if (!shown)
        jarva__pdf_body(r->doc,
                        TR(r, "Målet har ännu ingen indikator.", "The goal has no indicator yet."));
    return jarva__pdf_status(r->doc);
}

/* The first goal of a kind (and audience), or NULL. */
static const jarva_goal *first_goal(const jarva__report *r, jarva_goal_kind kind,
                                    const char *audience_id)
{
    for (size_t g = 0; g < jarva_goal_list_count(r->goals); g++) {
        const jarva_goal *goal = jarva_goal_list_get(r->goals, g);
        if (goal->kind == kind &&
            (!audience_id || (goal->audience_id && !strcmp(goal->audience_id, audience_id))))
            return goal;
    }
    return NULL;
}

/* A section goes on below the one before where its heading, its
 * introduction and its first goal's heading and first indicator fit
 * (issue 12: sections continue on the same page where they fit); else on a
 * new page. */
static int section_start(jarva__report *r, const char *title, const char *intro,
                         const jarva_goal *first)
{
    jarva__pdf *doc = r->doc;
    jarva__pdf_frame f = jarva__pdf_get_frame(doc);
    jarva__pdf_style h1 = jarva__pdf_style_get(JARVA__STYLE_H1);
    jarva__pdf_style body = jarva__pdf_style_get(JARVA__STYLE_BODY);
    double h_title = 0, h_intro = 0, h_goal = 0;
    char heading[700], label[1200];
    snprintf(heading, sizeof heading, "%d %s", r->section + 1, title);
    jarva__pdf_text_box(doc, &h1, 0, 0, f.width, heading, false, &h_title);
    if (intro && *intro)
        jarva__pdf_text_box(doc, &body, 0, 0, f.width, intro, false, &h_intro);
    if (first) {
        jarva__report_goal_label(r, first, label, sizeof label);
        h_goal = goal_need(r, first, label);
    }
    double need = 14.0 + h_title + 6.0 + h_intro + 6.0 + h_goal;
    if (jarva__pdf_cursor(doc) < f.top - 0.01 && jarva__pdf_space_left(doc) < need) {
        if (half_filled(doc) || jarva__pdf_space_left(doc) < need - h_goal + 120.0)
            jarva__pdf_new_page(doc, JARVA__PAGE_FLOW);
        else
            r->stay_on_page = true; /* the first goal's heading and texts follow here */
    }
    return jarva__report_section(r, title);
}

static int overall_section(jarva__report *r)
{
    const char *intro = TR(r,
                           "De övergripande målen gäller samverkan som helhet: trygghet, barns och "
                           "ungas villkor, kriminella miljöer, medarbetarnas trygghet, våld och "
                           "stadsmiljö. Kommunikationen bidrar till dem men är inte ensam om att "
                           "påverka dem.",
                           "The overall goals concern the collaboration as a whole: safety, the "
                           "conditions of children and young people, criminal networks, the "
                           "safety of staff, violence and the urban environment. Communication "
                           "contributes to them but is not alone in affecting them.");
    if (section_start(r, TR(r, "Övergripande mål", "Overall goals"), intro,
                      first_goal(r, JARVA_GOAL_OVERALL, NULL)) != JARVA_OK)
        return jarva__pdf_status(r->doc);
    jarva__pdf_body(r->doc, intro);
    size_t goals = 0;
    for (size_t g = 0; g < jarva_goal_list_count(r->goals); g++) {
        const jarva_goal *goal = jarva_goal_list_get(r->goals, g);
        if (goal->kind == JARVA_GOAL_OVERALL) {
            goal_block(r, goal);
            goals++;
        }
    }
    if (!goals)
        jarva__pdf_body(
            r->doc, TR(r, "Planen har inga övergripande mål.", "The plan has no overall goals."));
    return jarva__pdf_status(r->doc);
}

static int audience_section(jarva__report *r, const jarva_audience *aud)
{
    char title[600];
    snprintf(title, sizeof title, "%s %d: %s", TR(r, "Målgrupp", "Audience"), aud->position,
             jarva__report_audience_name(r->lang, aud));
    const char *description = r->lang == JARVA__LANG_EN ? aud->description_en : aud->description_sv;
    if (section_start(r, title, description, first_goal(r, JARVA_GOAL_COMMUNICATION, aud->id)) !=
        JARVA_OK)
        return jarva__pdf_status(r->doc);
    if (description && *description)
        jarva__pdf_body(r->doc, description);
    size_t goals = 0;
    for (size_t g = 0; g < jarva_goal_list_count(r->goals); g++) {
        const jarva_goal *goal = jarva_goal_list_get(r->goals, g);
        if (goal->kind == JARVA_GOAL_COMMUNICATION && goal->audience_id &&
            !strcmp(goal->audience_id, aud->id)) {
            goal_block(r, goal);
            goals++;
        }
    }
    if (!goals)
        jarva__pdf_body(r->doc, TR(r, "Planen har inga kommunikationsmål för denna målgrupp.",
                                   "The plan has no communication goals for this audience."));
    return jarva__pdf_status(r->doc);
}

int jarva__report_goals(jarva__report *r)
{
    if (overall_section(r) != JARVA_OK)
        return jarva__pdf_status(r->doc);
    for (size_t a = 0; a < jarva_audience_list_count(r->audiences); a++)
        if (audience_section(r, jarva_audience_list_get(r->audiences, a)) != JARVA_OK)
            break;
    return jarva__pdf_status(r->doc);
}
