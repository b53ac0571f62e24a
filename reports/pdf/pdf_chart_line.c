/* pdf_chart_line.c: an indicator over the years. The estimate is a line with
 * markers; its 95 % interval a light band (or error bars when several series
 * would make bands overlap); the target a dashed line labelled outside the
 * plot on the right, where no data can be; a series break a dotted vertical
 * line with the line not drawn across it; a year without an estimate a gap.
 * Everything outside the plot is measured before drawing, so the plot gets
 * what the labels leave and nothing overlaps. */
#include "pdf_chart_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_YEARS 100
#define MIN_PLOT_HEIGHT 100.0
#define TARGET_LABEL_MAX 84.0

typedef struct line_layout {
    double x0, width;
    double plot_left, plot_right, plot_top, plot_bottom;
    int first_year, n_years;
    double slot; /* points per year */
    jarva__axis axis;
    double scale; /* data to display units */
    bool has_data, has_ci, has_break;
} line_layout;

jarva__line_chart jarva__line_chart_init(void)
{
    jarva__line_chart c;
    memset(&c, 0, sizeof c);
    c.unit = JARVA__UNIT_PERCENT;
    c.target = NAN;
    c.y_min = NAN;
    c.y_max = NAN;
    c.height = 230.0;
    return c;
}

static double x_of(const line_layout *l, double year)
{
    return l->plot_left + (year - l->first_year + 0.5) * l->slot;
}

static double y_of(const line_layout *l, double value)
{
    double display = value * l->scale;
    return l->plot_bottom +
           (display - l->axis.min) / (l->axis.max - l->axis.min) * (l->plot_top - l->plot_bottom);
}

static bool has_interval(const jarva__chart_point *p)
{
    return isfinite(p->value) && isfinite(p->lower) && isfinite(p->upper);
}

/* Checks the series and finds the years and the range of the data. */
static int scan(jarva__pdf *doc, const jarva__line_chart *c, line_layout *l, double *lo, double *hi)
{
    int first = 0, last = 0;
    bool any_year = false;
    *lo = 0.0, *hi = 0.0;
    for (size_t s = 0; s < c->n_series; s++) {
        const jarva__line_series *ser = &c->series[s];
        for (size_t i = 0; i < ser->n_points; i++) {
            const jarva__chart_point *p = &ser->points[i];
            if (i > 0 && p->year <= ser->points[i - 1].year)
                return jarva__pdf_fail(doc, JARVA_EINVAL,
                                       "chart \"%s\": years of a series must ascend (%d after %d)",
                                       c->title ? c->title : "", p->year, ser->points[i - 1].year);
            first = !any_year || p->year < first ? p->year : first;
            last = !any_year || p->year > last ? p->year : last;
            any_year = true;
            if (p->series_break && i > 0)
                l->has_break = true;
            if (!isfinite(p->value))
                continue;
            l->has_data = true;
            double v_lo = p->value, v_hi = p->value;
            if (has_interval(p)) {
                l->has_ci = true;
                v_lo = fmin(v_lo, p->lower);
                v_hi = fmax(v_hi, p->upper);
            }
            *lo = fmin(*lo, v_lo * l->scale);
            *hi = fmax(*hi, v_hi * l->scale);
        }
    }
    if (any_year && last - first + 1 > MAX_YEARS)
        return jarva__pdf_fail(doc, JARVA_EINVAL, "chart \"%s\": more than %d years",
                               c->title ? c->title : "", MAX_YEARS);
    l->first_year = any_year ? first : 0;
    l->n_years = any_year ? last - first + 1 : 1;
    if (isfinite(c->target))
        *hi = fmax(*hi, c->target * l->scale), *lo = fmin(*lo, c->target * l->scale);
    if (*hi <= *lo)
        *hi = *lo + (c->unit == JARVA__UNIT_PERCENT ? 100.0 : 1.0);
    if (isfinite(c->y_min))
        *lo = c->y_min * l->scale;
    if (isfinite(c->y_max))
        *hi = c->y_max * l->scale;
    if (*hi <= *lo)
        return jarva__pdf_fail(doc, JARVA_EINVAL, "chart \"%s\": empty value range",
                               c->title ? c->title : "");
    return JARVA_OK;
}

/* What the legend says about a year. */
typedef enum year_note {
    YEAR_MISSING,    /* no series has an estimate (unlisted years only without bridging) */
    YEAR_SUPPRESSED, /* no series has an estimate and one withheld it */
    YEAR_OUTSIDE     /* with a range fixed by the caller, an estimate lies beyond it */
} year_note;

/* Whether year y is what `note` asks about. */
static bool year_is(const jarva__line_chart *c, const line_layout *l, int y, year_note note,
                    double lo, double hi)
{
    bool found = false, listed = false, suppressed = false;
    for (size_t k = 0; k < c->n_withheld_years && c->withheld_years; k++)
        suppressed = suppressed || c->withheld_years[k] == y;
    for (size_t s = 0; s < c->n_series; s++)
        for (size_t i = 0; i < c->series[s].n_points; i++) {
            const jarva__chart_point *p = &c->series[s].points[i];
            if (p->year != y)
                continue;
            listed = true;
            if (!isfinite(p->value))
                continue;
            double v = p->value * l->scale;
            if (note == YEAR_OUTSIDE && (v < lo - 1e-9 || v > hi + 1e-9))
                return true;
            found = true;
        }
    if (note == YEAR_OUTSIDE || found)
        return false;
    if (note == YEAR_SUPPRESSED)
        return suppressed;
    return !suppressed && (listed || !c->bridge_unlisted);
}

/* The years missing from every series, as "Uppgift saknas: 2016, 2020.",
 * those withheld, as "För få svar för att redovisas: 2021.", or those whose
 * estimates a fixed range leaves out, as "Utanför skalan: 2024."; "" if none. */
static void year_list(const jarva__line_chart *c, const line_layout *l, jarva__lang lang,
                      year_note note, double lo, double hi, char *buf, size_t cap)
{
    bool sv = lang == JARVA__LANG_SV;
    const char *prefix = note == YEAR_OUTSIDE      ? (sv ? "Utanför skalan: " : "Off the scale: ")
                         : note == YEAR_SUPPRESSED ? (sv ? "För få svar för att redovisas: "
                                                         : "Too few responses to be shown: ")
                                                   : (sv ? "Uppgift saknas: " : "No data: ");
    size_t len = 0;
    buf[0] = '\0';
    for (int y = l->first_year; y < l->first_year + l->n_years && l->has_data; y++) {
        if (!year_is(c, l, y, note, lo, hi))
            continue;
        int n = snprintf(buf + len, cap - len, "%s%d", len ? ", " : prefix, y);
        if (n < 0 || (size_t)n >= cap - len - 2) {
            buf[len] = '\0';
            break;
        }
        len += (size_t)n;
    }
    if (len)
        snprintf(buf + len, cap - len, ".");
}

static size_t build_legend(const jarva__line_chart *c, const line_layout *l, jarva__lang lang,
                           const char *missing, const char *withheld, const char *outside,
                           legend_item *items)
{
    size_t n = 0;
    for (size_t s = 0; s < c->n_series; s++)
        if (c->series[s].label)
            items[n++] = (legend_item){ LEGEND_LINE, jarva__chart_series_color(s), (int)s,
                                        c->series[s].label };
    bool band = c->ci == JARVA__CI_BAND || (c->ci == JARVA__CI_AUTO && c->n_series <= 1);
    if (l->has_ci && c->ci != JARVA__CI_NONE)
        items[n++] = (legend_item){ band ? LEGEND_BAND : LEGEND_WHISKER,
                                    band ? JARVA__COLOR_ACCENT_LIGHT : JARVA__COLOR_MUTED, 0,
                                    jarva__chart_ci_label(c->ci_label, lang) };
    if (l->has_break)
        items[n++] = (legend_item){ LEGEND_BREAK, JARVA__COLOR_MUTED, 0,
                                    lang == JARVA__LANG_SV ? "Seriebrott: jämför inte över linjen"
                                                           : "Series break: do not compare "
                                                             "across the line" };
    if (missing[0])
        items[n++] = (legend_item){ LEGEND_TEXT_ONLY, JARVA__COLOR_TEXT, 0, missing };
    if (withheld[0])
        items[n++] = (legend_item){ LEGEND_TEXT_ONLY, JARVA__COLOR_TEXT, 0, withheld };
    if (outside[0])
        items[n++] = (legend_item){ LEGEND_TEXT_ONLY, JARVA__COLOR_TEXT, 0, outside };
    return n;
}

static void draw_value_axis(jarva__pdf *doc, const jarva__line_chart *c, const line_layout *l)
{
    jarva__lang lang = jarva__pdf_lang(doc);
    double cap = jarva__pdf_cap_height(doc, JARVA__FONT_REGULAR, CHART_LABEL_SIZE);
    for (int i = 0; i < l->axis.ticks; i++) {
        double v = l->axis.first + i * l->axis.step;
        double y = y_of(l, v / l->scale);
        bool zero = fabs(v) < l->axis.step * 1e-6;
        if (!zero)
            jarva__pdf_grid_line(doc, l->plot_left, y, l->plot_right, y, 0.5, JARVA__COLOR_GRID);
        char label[JARVA__FMT_SIZE];
        jarva__chart_tick_label(label, sizeof label, v, l->axis.decimals, c->unit, lang);
        jarva__pdf_show_utf8(doc, l->plot_left - 6, y - cap / 2, JARVA__FONT_REGULAR,
                             CHART_LABEL_SIZE, JARVA__COLOR_MUTED, JARVA__ALIGN_RIGHT, label);
    }
    /* The zero line (or the bottom) is drawn darker: the reference a reader
     * measures from. */
    double base = l->axis.min <= 0 && l->axis.max >= 0 ? y_of(l, 0) : l->plot_bottom;
    jarva__pdf_line(doc, l->plot_left, base, l->plot_right, base, 0.8, JARVA__COLOR_RULE,
                    JARVA__LINE_SOLID);
}

static void draw_year_axis(jarva__pdf *doc, const line_layout *l)
{
    if (!l->has_data && l->n_years <= 1)
        return;
    double label_w = jarva__pdf_width(doc, JARVA__FONT_REGULAR, CHART_LABEL_SIZE, "0000", 4);
    int step = jarva__axis_year_step(l->slot, label_w, 6.0);
    double base = l->plot_bottom - 3.0 - CHART_LABEL_SIZE - 1.0;
    for (int i = 0; i < l->n_years; i++) {
        int year = l->first_year + i;
        double x = x_of(l, year);
        if (l->slot >= 4.0 || year % step == 0)
            jarva__pdf_grid_line(doc, x, l->plot_bottom, x, l->plot_bottom - 3.0, 0.5,
                                 JARVA__COLOR_RULE);
        if (year % step != 0)
            continue;
        char label[16];
        int len = snprintf(label, sizeof label, "%d", year);
        double w = jarva__pdf_width(doc, JARVA__FONT_REGULAR, CHART_LABEL_SIZE, label, (size_t)len);
        /* Centred under its year, but never outside the chart's box. */
        double left = fmin(fmax(x - w / 2, l->x0), l->x0 + l->width - w);
        jarva__pdf_show(doc, left, base, JARVA__FONT_REGULAR, CHART_LABEL_SIZE, JARVA__COLOR_MUTED,
                        JARVA__ALIGN_LEFT, label, (size_t)len);
    }
}

static void draw_breaks(jarva__pdf *doc, const jarva__line_chart *c, const line_layout *l)
{
    for (size_t s = 0; s < c->n_series; s++)
        for (size_t i = 1; i < c->series[s].n_points; i++)
            if (c->series[s].points[i].series_break) {
                double x = x_of(l, c->series[s].points[i].year - 0.5);
                jarva__pdf_line(doc, x, l->plot_bottom, x, l->plot_top, 0.8, JARVA__COLOR_MUTED,
                                JARVA__LINE_DOTTED);
            }
}

/* Whether points i-1 and i are joined: both estimated, no break between,
 * and consecutive years (or, with bridging, consecutive points). */
static bool joined(const jarva__chart_point *p, size_t i, bool bridge)
{
    return i > 0 && isfinite(p[i].value) && isfinite(p[i - 1].value) &&
           (bridge || p[i].year == p[i - 1].year + 1) && !p[i].series_break;
}

static void draw_whisker(jarva__pdf *doc, const line_layout *l, double x,
                         const jarva__chart_point *p, jarva__rgb color)
{
    double lo = y_of(l, p->lower), hi = y_of(l, p->upper);
    jarva__pdf_line(doc, x, lo, x, hi, 0.8, color, JARVA__LINE_SOLID);
    jarva__pdf_line(doc, x - 2.5, lo, x + 2.5, lo, 0.8, color, JARVA__LINE_SOLID);
    jarva__pdf_line(doc, x - 2.5, hi, x + 2.5, hi, 0.8, color, JARVA__LINE_SOLID);
}

/* The band over each run of joined points with intervals; a lone point with
 * an interval gets an error bar, since a band would have no width. */
static void draw_band(jarva__pdf *doc, const line_layout *l, const jarva__line_series *ser,
                      bool bridge)
{
    HPDF_Page page = jarva__pdf_page(doc);
    const jarva__chart_point *p = ser->points;
    size_t i = 0;
    while (page && i < ser->n_points) {
        if (!has_interval(&p[i])) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < ser->n_points && joined(p, j, bridge) && has_interval(&p[j]))
            j++;
        if (j - i == 1) {
            /* A lone point: a short piece of band, so that the legend holds. */
            double w = fmin(l->slot * 0.5, 10.0), lo = y_of(l, p[i].lower);
            jarva__pdf_fill_rect(doc, x_of(l, p[i].year) - w / 2, lo, w, y_of(l, p[i].upper) - lo,
                                 JARVA__COLOR_ACCENT_LIGHT);
        } else {
            jarva__pdf_fill_color(doc, JARVA__COLOR_ACCENT_LIGHT);
            HPDF_Page_MoveTo(page, (HPDF_REAL)x_of(l, p[i].year), (HPDF_REAL)y_of(l, p[i].upper));
            for (size_t k = i + 1; k < j; k++)
                HPDF_Page_LineTo(page, (HPDF_REAL)x_of(l, p[k].year),
                                 (HPDF_REAL)y_of(l, p[k].upper));
            for (size_t k = j; k-- > i;)
                HPDF_Page_LineTo(page, (HPDF_REAL)x_of(l, p[k].year),
                                 (HPDF_REAL)y_of(l, p[k].lower));
            HPDF_Page_ClosePath(page);
            HPDF_Page_Fill(page);
            double top = -INFINITY, bottom = INFINITY;
            for (size_t k = i; k < j; k++)
                top = fmax(top, y_of(l, p[k].upper)), bottom = fmin(bottom, y_of(l, p[k].lower));
            jarva__pdf_record(doc, JARVA__INK_FILL, x_of(l, p[i].year), bottom,
                              x_of(l, p[j - 1].year), top, 0.0);
        }
        i = j;
    }
}

static void draw_series(jarva__pdf *doc, const jarva__line_chart *c, const line_layout *l, size_t s,
                        bool bars)
{
    HPDF_Page page = jarva__pdf_page(doc);
    const jarva__line_series *ser = &c->series[s];
    const jarva__chart_point *p = ser->points;
    jarva__rgb color = jarva__chart_series_color(s);
    /* Error bars of several series are set a little apart so they do not hide
     * each other. */
    double dodge = bars && c->n_series > 1 ? (s - (c->n_series - 1) / 2.0) * 3.0 : 0.0;
    if (bars)
        for (size_t i = 0; i < ser->n_points; i++)
            if (has_interval(&p[i]))
                draw_whisker(doc, l, x_of(l, p[i].year) + dodge, &p[i], color);
    if (!page)
        return;
    jarva__pdf_stroke_color(doc, color);
    HPDF_Page_SetLineWidth(page, 1.6f);
    HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN);
    bool open = false;
    for (size_t i = 0; i < ser->n_points; i++) {
        if (!isfinite(p[i].value))
            continue;
        HPDF_REAL x = (HPDF_REAL)(x_of(l, p[i].year) + dodge), y = (HPDF_REAL)y_of(l, p[i].value);
        if (joined(p, i, c->bridge_unlisted)) {
            HPDF_Page_LineTo(page, x, y);
            jarva__pdf_record(doc, JARVA__INK_LINE, x_of(l, p[i - 1].year) + dodge,
                              y_of(l, p[i - 1].value), x, y, 1.6);
            open = true;
        } else {
            if (open)
                HPDF_Page_Stroke(page);
            HPDF_Page_MoveTo(page, x, y);
            open = false;
        }
        if (open && (i + 1 == ser->n_points || !joined(p, i + 1, c->bridge_unlisted))) {
            HPDF_Page_Stroke(page);
            open = false;
        }
    }
    if (HPDF_Page_GetGMode(page) == HPDF_GMODE_PATH_OBJECT)
        HPDF_Page_EndPath(page); /* a lone point leaves a bare moveto */
    for (size_t i = 0; i < ser->n_points; i++)
        if (isfinite(p[i].value))
            jarva__chart_marker(doc, x_of(l, p[i].year) + dodge, y_of(l, p[i].value), 2.4, s,
                                color);
}

/* The target label's lines, right of the plot and centred on the target's
 * height, kept within the plot's height. */
static void draw_target(jarva__pdf *doc, const jarva__line_chart *c, const line_layout *l,
                        const jarva__pdf_lines *label, const jarva__pdf_style *st)
{
    if (!isfinite(c->target))
        return;
    double y = y_of(l, c->target);
    if (y >= l->plot_bottom - 0.01 && y <= l->plot_top + 0.01)
        jarva__pdf_line(doc, l->plot_left, y, l->plot_right, y, 1.1, JARVA__COLOR_TEXT,
                        JARVA__LINE_DASHED);
    double h = jarva__pdf_lines_height(st, label->n);
    double top = fmin(fmax(y + h / 2, l->plot_bottom + h), l->plot_top + 4.0);
    jarva__pdf_draw_lines(doc, st, label, 0, label->n, l->plot_right + 5.0, top, TARGET_LABEL_MAX);
}

/* Saves the graphics state and clips to the plot (the caller restores it):
 * data outside a caller's fixed range is cut at the plot's edge, with room
 * for markers on it. */
static void clip_to_plot(HPDF_Page page, const line_layout *l)
{
    HPDF_Page_GSave(page);
    HPDF_Page_Rectangle(page, (HPDF_REAL)(l->plot_left - 4), (HPDF_REAL)(l->plot_bottom - 4),
                        (HPDF_REAL)(l->plot_right - l->plot_left + 8),
                        (HPDF_REAL)(l->plot_top - l->plot_bottom + 8));
    HPDF_Page_Clip(page);
    HPDF_Page_EndPath(page);
}

static void draw_plot(jarva__pdf *doc, const jarva__line_chart *c, const line_layout *l,
                      const jarva__pdf_lines *target_label, const jarva__pdf_style *target_style)
{
    draw_value_axis(doc, c, l);
    draw_year_axis(doc, l);
    draw_breaks(doc, c, l);
    HPDF_Page page = jarva__pdf_page(doc);
    if (!page)
        return;
    clip_to_plot(page, l);
    bool bars = c->ci == JARVA__CI_BARS || (c->ci == JARVA__CI_AUTO && c->n_series > 1);
    if (c->ci != JARVA__CI_NONE && !bars)
        for (size_t s = 0; s < c->n_series; s++)
            draw_band(doc, l, &c->series[s], c->bridge_unlisted);
    HPDF_Page_GRestore(page);
    draw_target(doc, c, l, target_label, target_style);
    clip_to_plot(page, l);
    for (size_t s = 0; s < c->n_series; s++)
        draw_series(doc, c, l, s, bars && c->ci != JARVA__CI_NONE);
    HPDF_Page_GRestore(page);
    if (!l->has_data) {
        const char *text = jarva__pdf_lang(doc) == JARVA__LANG_SV ? "Uppgift saknas" : "No data";
        double w = jarva__pdf_width_utf8(doc, JARVA__FONT_REGULAR, 10.0, text);
        double cap = jarva__pdf_cap_height(doc, JARVA__FONT_REGULAR, 10.0);
        double cx = (l->plot_left + l->plot_right) / 2, cy = (l->plot_top + l->plot_bottom) / 2;
        jarva__pdf_fill_rect(doc, cx - w / 2 - 4, cy - cap / 2 - 4, w + 8, cap + 8,
                             JARVA__COLOR_WHITE);
        jarva__pdf_show_utf8(doc, cx, cy - cap / 2, JARVA__FONT_REGULAR, 10.0, JARVA__COLOR_MUTED,
                             JARVA__ALIGN_CENTER, text);
    }
}

/* The widest label of the value axis. */
static double value_labels_width(jarva__pdf *doc, const jarva__line_chart *c, const line_layout *l)
{
    double widest = 0.0;
    for (int i = 0; i < l->axis.ticks; i++) {
        char label[JARVA__FMT_SIZE];
        jarva__chart_tick_label(label, sizeof label, l->axis.first + i * l->axis.step,
                                l->axis.decimals, c->unit, jarva__pdf_lang(doc));
        widest =
            fmax(widest, jarva__pdf_width_utf8(doc, JARVA__FONT_REGULAR, CHART_LABEL_SIZE, label));
    }
    return widest;
}

int jarva__pdf_line_chart(jarva__pdf *doc, const jarva__line_chart *c)
{
    if (jarva__pdf_status(doc) != JARVA_OK)
        return jarva__pdf_status(doc);
    jarva__lang lang = jarva__pdf_lang(doc);
    jarva__pdf_frame frame = jarva__pdf_get_frame(doc);
    line_layout l;
    memset(&l, 0, sizeof l);
    l.scale = jarva__chart_scale(c->unit);
    l.x0 = frame.left;
    l.width = frame.width;
    double lo, hi;
    if (scan(doc, c, &l, &lo, &hi) != JARVA_OK)
        return jarva__pdf_status(doc);

    chart_text ct;
    jarva__chart_text_prepare(doc, c->title, c->subtitle, c->note, l.width, &ct);
    char missing[256], withheld[256], outside[256] = "";
    year_list(c, &l, lang, YEAR_MISSING, lo, hi, missing, sizeof missing);
    year_list(c, &l, lang, YEAR_SUPPRESSED, lo, hi, withheld, sizeof withheld);
    if (isfinite(c->y_min) || isfinite(c->y_max))
        year_list(c, &l, lang, YEAR_OUTSIDE, lo, hi, outside, sizeof outside);
    legend_item *items = calloc(c->n_series + 6, sizeof *items);
    if (!items) {
        jarva__chart_text_free(&ct);
        return jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
    }
    size_t n_items = build_legend(c, &l, lang, missing, withheld, outside, items);
    double legend_h = jarva__chart_legend(doc, items, n_items, 0, 0, l.width, false);

    jarva__pdf_style target_style = jarva__pdf_style_get(JARVA__STYLE_SMALL);
    target_style.size = CHART_LABEL_SIZE;
    target_style.leading = CHART_LABEL_LEADING;
    jarva__pdf_lines target_label = { 0 };
    double right_reserve = 10.0;
    if (isfinite(c->target)) {
        char text[256];
        jarva__chart_target_label(text, sizeof text, c->target_label, c->target, c->unit, lang);
        jarva__pdf_wrap(doc, &target_style, text, TARGET_LABEL_MAX, &target_label);
        double widest = 0.0;
        for (size_t i = 0; i < target_label.n; i++)
            widest = fmax(widest, target_label.line[i].width);
        right_reserve = widest + 10.0;
    }

    double unit_h = c->unit_label ? 14.0 : 8.0;
    double footer = 3.0 + CHART_LABEL_SIZE + 6.0;
    if (legend_h > 0)
        footer += legend_h + 6.0;
    if (ct.note_height > 0)
        footer += ct.note_height + 4.0;
    double plot_h = c->height - ct.head_height - unit_h - footer;
    if (plot_h < MIN_PLOT_HEIGHT)
        plot_h = MIN_PLOT_HEIGHT;
    double total = ct.head_height + unit_h + plot_h + footer;
    int ticks = (int)(plot_h / 32.0) + 1;
    ticks = ticks < 3 ? 3 : ticks > 7 ? 7 : ticks;
    if (isfinite(c->y_min) || isfinite(c->y_max))
        jarva__axis_fixed(lo, hi, ticks, &l.axis);
    else if (jarva__axis_nice(lo, hi, ticks, &l.axis) == JARVA_OK && c->whole_numbers)
        jarva__axis_whole(&l.axis);
    l.plot_left = l.x0 + value_labels_width(doc, c, &l) + 8.0;
    l.plot_right = l.x0 + l.width - right_reserve;
    l.slot = (l.plot_right - l.plot_left) / l.n_years;

    if (jarva__chart_fits(doc, c->title, total) && jarva__pdf_need(doc, total) == JARVA_OK) {
        double top = jarva__pdf_cursor(doc);
        jarva__chart_text_draw_head(doc, &ct, l.x0, top, l.width);
        l.plot_top = top - ct.head_height - unit_h;
        l.plot_bottom = l.plot_top - plot_h;
        if (c->unit_label)
            jarva__pdf_show_utf8(doc, l.x0, l.plot_top + 7.0, JARVA__FONT_REGULAR, CHART_LABEL_SIZE,
                                 JARVA__COLOR_MUTED, JARVA__ALIGN_LEFT, c->unit_label);
        draw_plot(doc, c, &l, &target_label, &target_style);
        double y = l.plot_bottom - 3.0 - CHART_LABEL_SIZE - 6.0;
        if (legend_h > 0) {
            jarva__chart_legend(doc, items, n_items, l.x0, y - 3.0, l.width, true);
            y -= legend_h + 6.0;
        }
        jarva__chart_text_draw_note(doc, &ct, l.x0, y - 2.0, l.width);
        jarva__pdf_advance(doc, total + 14.0);
    }
    free(items);
    jarva__pdf_lines_free(&target_label);
    jarva__chart_text_free(&ct);
    return jarva__pdf_check(doc, "drawing a line chart");
}
