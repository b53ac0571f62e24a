/* pdf_chart_bar.c: areas compared in one year as horizontal bars from zero
 * (a bar's length is its value, so the axis always includes zero), each with
 * its interval as a whisker and its value printed after the whisker's end,
 * where neither bar nor whisker can be. A suppressed area keeps its row with
 * ".." (SCB: not available) and no bar, so that the reader sees it was not
 * forgotten. */
#include "pdf_chart_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BAR_HEIGHT 11.0
#define MIN_ROW 19.0
#define LABEL_SHARE 0.34 /* of the width, at most, for the area names */
#define TARGET_CLEAR 3.0 /* points between the target line and a value beside it */

typedef struct bar_layout {
    double x0, width;
    double plot_left, plot_right, plot_top, plot_bottom;
    jarva__axis axis;
    double scale;
    jarva__pdf_style label_style, value_style;
} bar_layout;

jarva__bar_chart jarva__bar_chart_init(void)
{
    jarva__bar_chart c;
    memset(&c, 0, sizeof c);
    c.unit = JARVA__UNIT_PERCENT;
    c.target = NAN;
    c.x_max = NAN;
    return c;
}

static double bx(const bar_layout *l, double value)
{
    double display = value * l->scale;
    return l->plot_left +
           (display - l->axis.min) / (l->axis.max - l->axis.min) * (l->plot_right - l->plot_left);
}

static void value_text(const jarva__bar_chart *c, const jarva__bar *b, jarva__lang lang, char *buf,
                       size_t cap)
{
    if (jarva__fmt_value(buf, cap, b->value, c->decimals, c->unit, 0, lang) < 0)
        snprintf(buf, cap, "?");
}

/* Picks the value axis so that its labels, centred on their ticks, keep at
 * least 8 points apart. */
static void choose_axis(jarva__pdf *doc, const jarva__bar_chart *c, bar_layout *l, double lo,
                        double hi)
{
    double plot_w = l->plot_right - l->plot_left;
    for (int ticks = (int)(plot_w / 55.0) + 1; ticks >= 2; ticks--) {
        jarva__axis_nice(lo, hi, ticks, &l->axis);
        double widest = 0.0;
        for (int i = 0; i < l->axis.ticks; i++) {
            char label[JARVA__FMT_SIZE];
            jarva__chart_tick_label(label, sizeof label, l->axis.first + i * l->axis.step,
                                    l->axis.decimals, c->unit, jarva__pdf_lang(doc));
            widest = fmax(widest,
                          jarva__pdf_width_utf8(doc, JARVA__FONT_REGULAR, CHART_LABEL_SIZE, label));
        }
        if (l->axis.ticks < 2 || plot_w / (l->axis.ticks - 1) >= widest + 8.0)
            return;
    }
}

static void draw_axis(jarva__pdf *doc, const jarva__bar_chart *c, const bar_layout *l)
{
    double base = l->plot_bottom - 3.0 - CHART_LABEL_SIZE - 1.0;
    for (int i = 0; i < l->axis.ticks; i++) {
        double v = l->axis.first + i * l->axis.step;
        double x = bx(l, v / l->scale);
        if (fabs(v) > l->axis.step * 1e-6)
            jarva__pdf_grid_line(doc, x, l->plot_bottom, x, l->plot_top, 0.5, JARVA__COLOR_GRID);
        jarva__pdf_grid_line(doc, x, l->plot_bottom, x, l->plot_bottom - 3.0, 0.5,
                             JARVA__COLOR_RULE);
        char label[JARVA__FMT_SIZE];
        jarva__chart_tick_label(label, sizeof label, v, l->axis.decimals, c->unit,
                                jarva__pdf_lang(doc));
        double w = jarva__pdf_width_utf8(doc, JARVA__FONT_REGULAR, CHART_LABEL_SIZE, label);
        double left = fmin(fmax(x - w / 2, l->x0), l->x0 + l->width - w);
        jarva__pdf_show_utf8(doc, left, base, JARVA__FONT_REGULAR, CHART_LABEL_SIZE,
                             JARVA__COLOR_MUTED, JARVA__ALIGN_LEFT, label);
    }
    jarva__pdf_line(doc, l->plot_left, l->plot_bottom, l->plot_right, l->plot_bottom, 0.5,
                    JARVA__COLOR_RULE, JARVA__LINE_SOLID);
}

static void draw_target(jarva__pdf *doc, const jarva__bar_chart *c, const bar_layout *l)
{
    if (!isfinite(c->target))
        return;
    double x = bx(l, c->target);
    jarva__pdf_line(doc, x, l->plot_bottom, x, l->plot_top + 2.0, 1.1, JARVA__COLOR_TEXT,
                    JARVA__LINE_DASHED);
    char text[256];
    jarva__chart_target_label(text, sizeof text, c->target_label, c->target, c->unit,
                              jarva__pdf_lang(doc));
    double w = jarva__pdf_width_utf8(doc, JARVA__FONT_REGULAR, CHART_LABEL_SIZE, text);
    double left = fmin(fmax(x - w / 2, l->x0), l->x0 + l->width - w);
    jarva__pdf_show_utf8(doc, left, l->plot_top + 5.0, JARVA__FONT_REGULAR, CHART_LABEL_SIZE,
                         JARVA__COLOR_TEXT, JARVA__ALIGN_LEFT, text);
}

static void draw_bar(jarva__pdf *doc, const jarva__bar_chart *c, const bar_layout *l,
                     const jarva__bar *b, const jarva__pdf_lines *label, double top, double row_h)
{
    jarva__lang lang = jarva__pdf_lang(doc);
    double mid = top - row_h / 2;
    jarva__pdf_style ls = l->label_style;
    ls.font = b->highlight ? JARVA__FONT_BOLD : JARVA__FONT_REGULAR;
    double label_h = jarva__pdf_lines_height(&ls, label->n);
    jarva__pdf_draw_lines(doc, &ls, label, 0, label->n, l->x0, mid + label_h / 2,
                          l->plot_left - l->x0 - 10.0);
    double cap = jarva__pdf_cap_height(doc, JARVA__FONT_REGULAR, CHART_LABEL_SIZE);
    char value[JARVA__FMT_SIZE];
    value_text(c, b, lang, value, sizeof value);
    double zero = bx(l, 0.0);
    if (!isfinite(b->value)) {
        jarva__pdf_show_utf8(doc, zero + 4.0, mid - cap / 2, JARVA__FONT_REGULAR, CHART_LABEL_SIZE,
                             JARVA__COLOR_MUTED, JARVA__ALIGN_LEFT, value);
        return;
    }
    double end = bx(l, b->value);
    jarva__rgb fill = b->highlight ? JARVA__COLOR_ACCENT : JARVA__RGB(110, 160, 205);
    jarva__pdf_fill_rect(doc, fmin(zero, end), mid - BAR_HEIGHT / 2, fabs(end - zero), BAR_HEIGHT,
                         fill);
    double label_x = fmax(end, zero);
    if (isfinite(b->lower) && isfinite(b->upper)) {
        double lo = bx(l, b->lower), hi = bx(l, b->upper);
        /* A white halo keeps the whisker visible on the dark reference bar
         * (black on the light bars has contrast enough). */
        if (b->highlight)
            jarva__pdf_line(doc, lo, mid, hi, mid, 2.2, JARVA__COLOR_WHITE, JARVA__LINE_SOLID);
        jarva__pdf_line(doc, lo, mid, hi, mid, 0.9, JARVA__COLOR_TEXT, JARVA__LINE_SOLID);
        jarva__pdf_line(doc, lo, mid - 3.5, lo, mid + 3.5, 0.9, JARVA__COLOR_TEXT,
                        JARVA__LINE_SOLID);
        jarva__pdf_line(doc, hi, mid - 3.5, hi, mid + 3.5, 0.9, JARVA__COLOR_TEXT,
                        JARVA__LINE_SOLID);
        label_x = fmax(label_x, hi);
    }
    /* The value never sits on the target line (issue 12): if the line
     * would run through it, it moves to the line's right, where the room
     * kept for values after the plot still holds it. */
    double w = jarva__pdf_width_utf8(doc, b->highlight ? JARVA__FONT_BOLD : JARVA__FONT_REGULAR,
                                     CHART_LABEL_SIZE, value);
    if (isfinite(c->target)) {
        double target_x = bx(l, c->target);
        if (target_x > label_x + 4.0 - TARGET_CLEAR && target_x < label_x + 4.0 + w + TARGET_CLEAR)
            label_x = target_x + TARGET_CLEAR - 4.0;
    }
    /* A white ground keeps the value clear of the grid lines behind it. */
    jarva__pdf_fill_rect(doc, label_x + 3.0, mid - cap / 2 - 2.0, w + 2.0, cap + 4.0,
                         JARVA__COLOR_WHITE);
    jarva__pdf_show_utf8(doc, label_x + 4.0, mid - cap / 2,
                         b->highlight ? JARVA__FONT_BOLD : JARVA__FONT_REGULAR, CHART_LABEL_SIZE,
                         JARVA__COLOR_TEXT, JARVA__ALIGN_LEFT, value);
}

/* Wraps the area names into the label column and measures the rows. */
static int prepare_rows(jarva__pdf *doc, const jarva__bar_chart *c, bar_layout *l,
                        jarva__pdf_lines *labels, double *rows_h, double *value_w)
{
    double natural = 0.0;
    for (size_t i = 0; i < c->n_bars; i++) {
        jarva__pdf_font f = c->bars[i].highlight ? JARVA__FONT_BOLD : JARVA__FONT_REGULAR;
        natural = fmax(natural, jarva__pdf_width_utf8(doc, f, l->label_style.size,
                                                      c->bars[i].label ? c->bars[i].label : ""));
        char value[JARVA__FMT_SIZE];
        value_text(c, &c->bars[i], jarva__pdf_lang(doc), value, sizeof value);
        *value_w =
            fmax(*value_w, jarva__pdf_width_utf8(doc, JARVA__FONT_BOLD, CHART_LABEL_SIZE, value));
    }
    double label_w = fmin(natural + 1.0, LABEL_SHARE * l->width);
    *rows_h = 0.0;
    for (size_t i = 0; i < c->n_bars; i++) {
        jarva__pdf_style ls = l->label_style;
        ls.font = c->bars[i].highlight ? JARVA__FONT_BOLD : JARVA__FONT_REGULAR;
        if (jarva__pdf_wrap(doc, &ls, c->bars[i].label ? c->bars[i].label : "", label_w,
                            &labels[i]) != JARVA_OK)
            return jarva__pdf_status(doc);
        *rows_h += fmax(MIN_ROW, jarva__pdf_lines_height(&ls, labels[i].n) + 6.0);
    }
    l->plot_left = l->x0 + label_w + 10.0;
    return JARVA_OK;
}

int jarva__pdf_bar_chart(jarva__pdf *doc, const jarva__bar_chart *c)
{
    if (jarva__pdf_status(doc) != JARVA_OK)
        return jarva__pdf_status(doc);
    jarva__lang lang = jarva__pdf_lang(doc);
    jarva__pdf_frame frame = jarva__pdf_get_frame(doc);
    bar_layout l;
    memset(&l, 0, sizeof l);
    l.x0 = frame.left;
    l.width = frame.width;
    l.scale = jarva__chart_scale(c->unit);
    l.label_style = jarva__pdf_style_get(JARVA__STYLE_SMALL);
    l.label_style.leading = 10.5;
    jarva__pdf_lines *labels = calloc(c->n_bars ? c->n_bars : 1, sizeof *labels);
    if (!labels)
        return jarva__pdf_fail(doc, JARVA_ENOMEM, "out of memory");
    chart_text ct;
    jarva__chart_text_prepare(doc, c->title, c->subtitle, c->note, l.width, &ct);

    double lo = 0.0, hi = 0.0, rows_h = 0.0, value_w = 0.0;
    bool any_ci = false, any_suppressed = false;
    for (size_t i = 0; i < c->n_bars; i++) {
        const jarva__bar *b = &c->bars[i];
        if (!isfinite(b->value)) {
            any_suppressed = true;
            continue;
        }
        lo = fmin(lo, b->value * l.scale), hi = fmax(hi, b->value * l.scale);
        if (isfinite(b->lower) && isfinite(b->upper)) {
            any_ci = true;
            lo = fmin(lo, b->lower * l.scale), hi = fmax(hi, b->upper * l.scale);
        }
    }
    if (isfinite(c->target))
        hi = fmax(hi, c->target * l.scale);
    if (isfinite(c->x_max))
        hi = c->x_max * l.scale;
    if (hi <= lo)
        hi = lo + (c->unit == JARVA__UNIT_PERCENT ? 100.0 : 1.0);

    legend_item items[2];
    size_t n_items = 0;
    if (any_ci)
        items[n_items++] = (legend_item){ LEGEND_WHISKER, JARVA__COLOR_TEXT, 0,
                                          jarva__chart_ci_label(c->ci_label, lang) };
    if (any_suppressed)
        items[n_items++] =
            (legend_item){ LEGEND_TEXT_ONLY, JARVA__COLOR_TEXT, 0,
                           c->suppressed_label      ? c->suppressed_label
                           : lang == JARVA__LANG_SV ? ".. = för få svar för att redovisas"
                                                    : ".. = too few responses to be shown" };
    double legend_h = jarva__chart_legend(doc, items, n_items, 0, 0, l.width, false);

    if (prepare_rows(doc, c, &l, labels, &rows_h, &value_w) == JARVA_OK) {
        l.plot_right = l.x0 + l.width - value_w - 8.0;
        choose_axis(doc, c, &l, lo, hi);
        if (c->whole_numbers)
            jarva__axis_whole(&l.axis);
        double target_h = isfinite(c->target) ? 14.0 : 4.0;
        double footer = 3.0 + CHART_LABEL_SIZE + 6.0;
        if (legend_h > 0)
            footer += legend_h + 6.0;
        if (ct.note_height > 0)
            footer += ct.note_height + 4.0;
        double total = ct.head_height + target_h + rows_h + footer;
        if (jarva__chart_fits(doc, c->title, total) && jarva__pdf_need(doc, total) == JARVA_OK) {
            double top = jarva__pdf_cursor(doc);
            jarva__chart_text_draw_head(doc, &ct, l.x0, top, l.width);
            l.plot_top = top - ct.head_height - target_h;
            l.plot_bottom = l.plot_top - rows_h;
            draw_axis(doc, c, &l);
            draw_target(doc, c, &l);
            double row_top = l.plot_top;
            for (size_t i = 0; i < c->n_bars; i++) {
                double row_h =
                    fmax(MIN_ROW, jarva__pdf_lines_height(&l.label_style, labels[i].n) + 6.0);
                draw_bar(doc, c, &l, &c->bars[i], &labels[i], row_top, row_h);
                row_top -= row_h;
            }
            double zero = bx(&l, 0.0);
            jarva__pdf_line(doc, zero, l.plot_bottom, zero, l.plot_top, 0.8, JARVA__COLOR_RULE,
                            JARVA__LINE_SOLID);
            double y = l.plot_bottom - 3.0 - CHART_LABEL_SIZE - 6.0;
            if (legend_h > 0) {
                jarva__chart_legend(doc, items, n_items, l.x0, y - 3.0, l.width, true);
                y -= legend_h + 6.0;
            }
            jarva__chart_text_draw_note(doc, &ct, l.x0, y - 2.0, l.width);
            jarva__pdf_advance(doc, total + 14.0);
        }
    }
    for (size_t i = 0; i < c->n_bars; i++)
        jarva__pdf_lines_free(&labels[i]);
    free(labels);
    jarva__chart_text_free(&ct);
    return jarva__pdf_check(doc, "drawing a bar chart");
}
