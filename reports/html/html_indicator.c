/* html_indicator.c: one indicator on a web page, from the PDF's content
 * model: its name, the line of source, area, baseline and target, the
 * sentence that states the result with its uncertainty, a chart over the
 * years as inline SVG (the sentence is its text alternative) and the chart's
 * data as a table in a disclosure; and the summary table's row. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"

/* The chart's box in SVG units; text is 15 units, so that at 320 CSS px the
 * labels are still about 9 px. */
#define W 480.0
#define H 250.0
#define LEFT 52.0
#define RIGHT 24.0
#define TOP 22.0
#define BOTTOM 34.0

/* Raw values as data attributes, for the consistency test: enough digits to
 * give back the double. */
static void add_value_attrs(jarva__html_buf *b, const jarva__report_item *it, int year,
                            const jarva_estimate *e)
{
    html_add(b, " data-ind=\"%s\" data-area=\"%s\" data-year=\"%d\"", it->ind->id, it->area_id,
             year);
    if (!jarva__report_shown(e))
        html_add(b, " data-suppressed=\"1\"");
    else {
        html_add(b, " data-est=\"%.17g\"", e->estimate);
        if (!(e->flags & (JARVA_EST_NO_CI | JARVA_EST_NO_N)))
            html_add(b, " data-lo=\"%.17g\" data-hi=\"%.17g\"", e->ci_low, e->ci_high);
    }
}

void jarva__html_summary_head(jarva__html *h, jarva__html_buf *b)
{
    const jarva__report *r = &h->r;
    html_add(b,
             "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
             "<th scope=\"col\">%s</th><th scope=\"col\">Trend</th><th scope=\"col\">%s</th>"
             "<th scope=\"col\">Status</th></tr></thead>\n",
             TR(r, "Indikator", "Indicator"),
             TR(r, "Senaste värde (år), 95\xC2\xA0% KI", "Latest value (year), 95% CI"),
             TR(r, "Förändring sedan utgångsår", "Change since baseline"),
             TR(r, "Målvärde (år)", "Target (year)"));
}

void jarva__html_summary_row(jarva__html *h, jarva__html_buf *b, const jarva__report_item *it)
{
    const jarva__report *r = &h->r;
    char cell[4 * JARVA__FMT_SIZE];
    html_add(b, "<tr data-ind=\"%s\"><th scope=\"row\">", it->ind->id);
    jarva__html_text(b, jarva__report_ind_name(r->lang, it->ind));
    if (it->latest >= 0 && it->area_id && strcmp(it->area_id, "jarva") != 0) {
        html_add(b, "<br><span class=\"meta\">");
        jarva__html_text(b, it->area_name);
        html_add(b, "</span>");
    }
    html_add(b, "</th><td class=\"num\"");
    if (it->latest_shown >= 0)
        add_value_attrs(b, it, it->series.years[it->latest_shown],
                        &it->series.estimates[it->latest_shown]);
    html_add(b, ">");
    jarva__report_latest_cell(r, it, cell, sizeof cell);
    jarva__html_lines(b, cell);
    html_add(b, "</td><td class=\"num\">");
    jarva__report_change_cell(r, it, cell, sizeof cell);
    jarva__html_lines(b, cell);
    html_add(b, "</td><td>");
    jarva__html_text(b, jarva__report_trend_word(r->lang, it));
    html_add(b, "</td><td class=\"num\">");
    jarva__report_target_cell(r, it, cell, sizeof cell);
    jarva__html_lines(b, cell);
    html_add(b, "</td><td data-ind=\"%s\">", it->ind->id);
    if (it->has_target)
        jarva__html_status(b, r->lang, it->status.state);
    else
        jarva__html_status(b, r->lang, JARVA_TARGET_NO_TARGET);
    html_add(b, "</td></tr>\n");
}

/* ---- the chart ---- */

typedef struct scale {
    double lo, hi, step; /* value axis in display units */
    int first, last;     /* years */
    double factor;       /* 100 for shares shown in percent */
} scale;

static double nice_step(double range)
{
    double raw = range / 4.0, mag = pow(10.0, floor(log10(raw)));
    double f = raw / mag;
    return (f <= 1.0 ? 1.0 : f <= 2.0 ? 2.0 : f <= 5.0 ? 5.0 : 10.0) * mag;
}

static void choose_scale(const jarva__report_item *it, scale *sc)
{
    const jarva_series *s = &it->series;
    sc->factor = it->ind->percent ? 100.0 : 1.0;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < s->count; i++) {
        const jarva_estimate *e = &s->estimates[i];
        if (!jarva__report_shown(e))
            continue;
        double v[3] = { e->estimate, e->ci_low, e->ci_high };
        for (int k = 0; k < 3; k++)
            if (isfinite(v[k])) {
                lo = fmin(lo, v[k] * sc->factor);
                hi = fmax(hi, v[k] * sc->factor);
            }
    }
    if (it->ind->has_target) {
        lo = fmin(lo, it->ind->target_value * sc->factor);
        hi = fmax(hi, it->ind->target_value * sc->factor);
    }
    if (!isfinite(lo))
        lo = 0, hi = 1;
    if (hi - lo < 1e-9)
        lo -= 1, hi += 1;
    sc->step = nice_step(hi - lo);
    sc->lo = floor(lo / sc->step) * sc->step;
    sc->hi = ceil(hi / sc->step) * sc->step;
    if (it->ind->percent)
        sc->lo = fmax(sc->lo, 0.0), sc->hi = fmin(sc->hi, 100.0);
    if (sc->lo < 0 && lo >= 0)
        sc->lo = 0;
    sc->first = s->count ? s->years[0] : 0;
    sc->last = s->count ? s->years[s->count - 1] : 0;
}

static double xpos(const scale *sc, int year)
{
    if (sc->last == sc->first)
        return LEFT + (W - LEFT - RIGHT) / 2;
    return LEFT + (W - LEFT - RIGHT) * (year - sc->first) / (double)(sc->last - sc->first);
}

static double ypos(const scale *sc, double value)
{
    return TOP + (H - TOP - BOTTOM) * (1.0 - (value * sc->factor - sc->lo) / (sc->hi - sc->lo));
}

static bool is_break(const jarva_series *s, int year)
{
    for (size_t i = 0; i < s->break_count; i++)
        if (s->breaks[i] == year)
            return true;
    return false;
}

static void axes(jarva__html *h, jarva__html_buf *b, const jarva__report_item *it, const scale *sc)
{
    int decimals = sc->step < 1.0 ? 1 : 0;
    char label[JARVA__FMT_SIZE];
    for (double v = sc->lo; v <= sc->hi + sc->step / 2; v += sc->step) {
        double y = TOP + (H - TOP - BOTTOM) * (1.0 - (v - sc->lo) / (sc->hi - sc->lo));
        jarva__fmt_number(label, sizeof label, v, decimals, h->r.lang);
        html_add(b,
                 "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c8c8c8\"/>"
                 "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s%s</text>\n",
                 LEFT, W - RIGHT, y, y, LEFT - 6, y + 5, label,
                 it->ind->percent ? "\xC2\xA0%" : "");
    }
    const jarva_series *s = &it->series;
    size_t every = s->count > 8 ? 2 : 1;
    for (size_t i = 0; i < s->count; i++)
        if (i % every == 0 || i + 1 == s->count)
            html_add(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
                     xpos(sc, s->years[i]), H - BOTTOM + 22, s->years[i]);
    html_add(b, "\n");
}

static void chart(jarva__html *h, jarva__html_buf *b, const jarva__report_item *it,
                  const char *text_id)
{
    const jarva__report *r = &h->r;
    const jarva_series *s = &it->series;
    scale sc;
    choose_scale(it, &sc);
    html_add(b,
             "<figure>\n<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
             "aria-labelledby=\"%s\">\n",
             W, H, text_id);
    axes(h, b, it, &sc);
    if (it->ind->has_target) {
        double y = ypos(&sc, it->ind->target_value);
        char value[JARVA__FMT_SIZE];
        jarva__report_value(r->lang, it->ind, it->ind->target_value, value, sizeof value);
        html_add(b,
                 "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#a4161a\" "
                 "stroke-width=\"2\" stroke-dasharray=\"7 5\"/><text x=\"%.1f\" y=\"%.1f\" "
                 "text-anchor=\"end\" fill=\"#a4161a\">%s %d: %s</text>\n",
                 LEFT, W - RIGHT, y, y, W - RIGHT, y - 6, TR(r, "Mål", "Target"),
                 it->ind->target_year, value);
    }
    /* The line joins neighbouring years that are both shown and not split by
     * a series break; a withheld year leaves a gap, as in the PDF. */
    html_add(b, "<g stroke=\"#0a4b85\" stroke-width=\"2.5\" fill=\"none\">");
    for (size_t i = 1; i < s->count; i++)
        if (jarva__report_shown(&s->estimates[i - 1]) && jarva__report_shown(&s->estimates[i]) &&
            !is_break(s, s->years[i]))
            html_add(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                     xpos(&sc, s->years[i - 1]), ypos(&sc, s->estimates[i - 1].estimate),
                     xpos(&sc, s->years[i]), ypos(&sc, s->estimates[i].estimate));
    bool has_ci = false;
    html_add(b, "</g>\n<g fill=\"#0a4b85\" stroke=\"#0a4b85\" stroke-width=\"1.5\">");
    for (size_t i = 0; i < s->count; i++) {
        const jarva_estimate *e = &s->estimates[i];
        if (!jarva__report_shown(e))
            continue;
        double x = xpos(&sc, s->years[i]);
        if (!(e->flags & (JARVA_EST_NO_CI | JARVA_EST_NO_N)) && isfinite(e->ci_low) &&
            isfinite(e->ci_high)) {
            has_ci = true;
            html_add(b, "<path d=\"M%.1f %.1fV%.1fM%.1f %.1fh8M%.1f %.1fh8\" fill=\"none\"/>", x,
                     ypos(&sc, e->ci_low), ypos(&sc, e->ci_high), x - 4, ypos(&sc, e->ci_low),
                     x - 4, ypos(&sc, e->ci_high));
        }
        html_add(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\"/>", x, ypos(&sc, e->estimate));
    }
    html_add(b, "</g>\n</svg>\n<figcaption>");
    char measure[256];
    jarva__report_measure_text(r, it, has_ci, measure, sizeof measure);
    jarva__html_text(b, measure);
    html_add(b, ". %s: ", TR(r, "Källa", "Source"));
    jarva__html_text(b, jarva__report_source_name(r, it->ind->source));
    html_add(b, ".</figcaption>\n</figure>\n");
}

static void data_table(jarva__html *h, jarva__html_buf *b, const jarva__report_item *it)
{
    const jarva__report *r = &h->r;
    const jarva_series *s = &it->series;
    html_add(b,
             "<details>\n<summary>%s</summary>\n<div class=\"table-wrap\">\n<table>\n"
             "<caption>",
             TR(r, "Visa diagrammets siffror som tabell", "Show the chart's figures as a table"));
    jarva__html_text(b, jarva__report_ind_name(r->lang, it->ind));
    html_add(b, ", ");
    jarva__html_text(b, it->area_name);
    html_add(b,
             "</caption>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
             "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
             TR(r, "År", "Year"), TR(r, "Värde", "Value"),
             TR(r, "95\xC2\xA0% konfidensintervall", "95% confidence interval"));
    char value[JARVA__FMT_SIZE], ci[JARVA__FMT_SIZE];
    for (size_t i = 0; i < s->count; i++) {
        const jarva_estimate *e = &s->estimates[i];
        /* The row holds the raw values: value and interval are its cells. */
        html_add(b, "<tr");
        add_value_attrs(b, it, s->years[i], e);
        html_add(b, "><th scope=\"row\">%d%s</th><td class=\"num\"", s->years[i],
                 is_break(s, s->years[i]) ? TR(r, " (ny serie)", " (new series)") : "");
        if (!jarva__report_shown(e)) {
            html_add(b, ">%s</td><td>%s</td></tr>\n", jarva__fmt_suppressed(),
                     TR(r, "Redovisas inte: för få svar", "Not shown: too few answers"));
            continue;
        }
        jarva__report_value(r->lang, it->ind, e->estimate, value, sizeof value);
        jarva__report_estimate_ci(r->lang, it->ind, e, ci, sizeof ci);
        html_add(b, ">%s</td><td class=\"num\">%s</td></tr>\n", value, ci);
    }
    html_add(b, "</tbody>\n</table>\n</div>\n</details>\n");
}

/* The breakdowns by sex, age group, organisation and role, as the PDF's
 * table (report_breakdown.c): a row per group with its raw values for the
 * consistency test, ".." and no n for a suppressed one; the breakdowns
 * without one group to show are a sentence. */
static void breakdown_table(jarva__html *h, jarva__html_buf *b, const jarva__report_item *it)
{
    const jarva__report *r = &h->r;
    char withheld[512];
    if (jarva__report_breakdown_withheld(r, it, withheld, sizeof withheld)) {
        html_add(b, "<p class=\"meta\">");
        jarva__html_text(b, withheld);
        html_add(b, "</p>\n");
    }
    bool open = false;
    for (size_t i = 0; i < it->n_breakdown_rows; i++) {
        const jarva__breakdown_row *row = &it->breakdown_rows[i];
        if (!jarva__report_breakdown_shown(it, row->rank))
            continue;
        const char *dimension = jarva__report_breakdown_dimension(row);
        if (!open) {
            char level[32];
            jarva__report_level_text(r->lang, jarva__report_level(it), level, sizeof level);
            html_add(b, "<div class=\"table-wrap\">\n<table>\n<caption>");
            jarva__html_text(b, jarva__report_ind_name(r->lang, it->ind));
            html_add(b, ": %s, ", TR(r, "efter grupp", "by group"));
            jarva__html_text(b, it->area_name);
            html_add(b,
                     " %d</caption>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                     "<th scope=\"col\">%s %s</th><th scope=\"col\">%s</th></tr></thead>\n",
                     it->breakdown_year, TR(r, "Grupp", "Group"), TR(r, "Värde", "Value"), level,
                     TR(r, "konfidensintervall", "confidence interval"),
                     TR(r, "Antal svar", "Respondents"));
        }
        if (!open || it->breakdown_rows[i - 1].rank != row->rank) {
            html_add(b, "%s<tbody>\n<tr><th scope=\"rowgroup\" colspan=\"4\">",
                     open ? "</tbody>\n" : "");
            jarva__html_text(b, jarva__report_dimension_name(r->lang, dimension));
            html_add(b, "</th></tr>\n");
        }
        open = true;
        const jarva_estimate *e = &row->result->estimate;
        char label[256], value[JARVA__FMT_SIZE], ci[JARVA__FMT_SIZE];
        jarva__report_domain_label(r, dimension, row->code, label, sizeof label);
        html_add(b, "<tr");
        add_value_attrs(b, it, it->breakdown_year, e);
        html_add(b, " data-domain=\"");
        jarva__html_text(b, row->result->domain);
        html_add(b, "\"><th scope=\"row\">");
        jarva__html_text(b, label);
        if (!jarva__report_shown(e)) {
            html_add(b, "</th><td class=\"num\">%s</td><td>%s</td><td class=\"num\">%s</td></tr>\n",
                     jarva__fmt_suppressed(), TR(r, "Redovisas inte", "Not shown"),
                     jarva__fmt_suppressed());
            continue;
        }
        jarva__report_value(r->lang, it->ind, e->estimate, value, sizeof value);
        jarva__report_estimate_ci(r->lang, it->ind, e, ci, sizeof ci);
        html_add(b,
                 "</th><td class=\"num\">%s</td><td class=\"num\">%s</td>"
                 "<td class=\"num\">%zu</td></tr>\n",
                 value, ci, e->n);
    }
    if (open)
        html_add(b, "</tbody>\n</table>\n</div>\n<p class=\"meta\">%s</p>\n",
                 jarva__report_breakdown_note(r->lang));
}

void jarva__html_indicator(jarva__html *h, jarva__html_buf *b, const jarva__report_item *it,
                           int level)
{
    const jarva__report *r = &h->r;
    char meta[1024];
    html_add(b,
             "<section class=\"indicator\" id=\"ind-%s\" aria-labelledby=\"h-%s\">\n"
             "<h%d id=\"h-%s\">",
             it->ind->id, it->ind->id, level, it->ind->id);
    jarva__html_text(b, jarva__report_ind_name(r->lang, it->ind));
    html_add(b, "</h%d>\n<p class=\"meta\">", level);
    jarva__report_meta_line(r, it, meta, sizeof meta);
    jarva__html_text(b, meta);
    html_add(b, "</p>\n<p>Status: ");
    jarva__html_status(b, r->lang, it->has_target ? it->status.state : JARVA_TARGET_NO_TARGET);
    html_add(b, "</p>\n");
    char *sentence = jarva__report_sentence(r->lang, r->year, it);
    if (!sentence) {
        b->failed = true;
        return;
    }
    html_add(b, "<p id=\"txt-%s\">", it->ind->id);
    jarva__html_text(b, sentence);
    html_add(b, "</p>\n");
    free(sentence);
    if (it->shown > 0) {
        char id[300];
        snprintf(id, sizeof id, "txt-%s", it->ind->id);
        chart(h, b, it, id);
    }
    if (it->series.count > 0)
        data_table(h, b, it);
    breakdown_table(h, b, it);
    html_add(b, "</section>\n");
}
