/* pdf_chart_common.c: nice axes, title blocks, legends, markers and labels
 * shared by the line and bar charts. */
#include "pdf_chart_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

double jarva__nice_number(double x, bool round)
{
    double exponent = floor(log10(x));
    double fraction = x / pow(10.0, exponent);
    double nice;
    if (round)
        nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
    else
        nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * pow(10.0, exponent);
}

int jarva__axis_nice(double lo, double hi, int target_ticks, jarva__axis *out)
{
    if (!isfinite(lo) || !isfinite(hi) || lo > hi)
        return JARVA_EINVAL;
    if (target_ticks < 2)
        target_ticks = 2;
    if (hi == lo) {
        /* A flat series: widen around it (from zero when it is positive). */
        double pad = lo == 0 ? 1.0 : fabs(lo) * 0.5;
        if (lo > 0)
            lo = 0;
        else
            lo -= pad;
        hi += pad;
    }
    double range = jarva__nice_number(hi - lo, false);
    double step = jarva__nice_number(range / (target_ticks - 1), true);
    /* The small tolerance keeps 0.7 / 0.1 from flooring to 6.999... */
    out->min = floor(lo / step + 1e-9) * step;
    out->max = ceil(hi / step - 1e-9) * step;
    out->step = step;
    out->first = out->min;
    out->ticks = (int)floor((out->max - out->min) / step + 0.5) + 1;
    int decimals = (int)-floor(log10(step) + 1e-9);
    out->decimals = decimals > 0 ? decimals : 0;
    return JARVA_OK;
}

int jarva__axis_fixed(double lo, double hi, int target_ticks, jarva__axis *out)
{
    if (!isfinite(lo) || !isfinite(hi) || lo >= hi)
        return JARVA_EINVAL;
    jarva__axis_nice(lo, hi, target_ticks, out);
    out->min = lo;
    out->max = hi;
    out->first = ceil(lo / out->step - 1e-9) * out->step;
    out->ticks = (int)floor((hi - out->first) / out->step + 1e-9) + 1;
    return JARVA_OK;
}

void jarva__axis_whole(jarva__axis *axis)
{
    if (axis->step >= 1.0)
        return;
    axis->step = 1.0;
    axis->min = floor(axis->min + 1e-9);
    axis->max = ceil(axis->max - 1e-9);
    if (axis->max <= axis->min)
        axis->max = axis->min + 1.0;
    axis->first = ceil(axis->first - 1e-9);
    axis->ticks = (int)floor(axis->max - axis->first + 1e-9) + 1;
    axis->decimals = 0;
}

int jarva__axis_year_step(double slot_width, double label_width, double gap)
{
    static const int steps[] = { 1, 2, 5, 10, 20, 50, 100 };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (steps[i] * slot_width >= label_width + gap)
            return steps[i];
    return 100;
}

bool jarva__chart_fits(jarva__pdf *doc, const char *title, double height)
{
    jarva__pdf_frame frame = jarva__pdf_get_frame(doc);
    if (height <= frame.top - frame.bottom)
        return true;
    jarva__pdf_fail(doc, JARVA_EINVAL,
                    "chart \"%s\" needs %.0f points but a page holds %.0f: show fewer rows or "
                    "years",
                    title ? title : "", height, frame.top - frame.bottom);
    return false;
}

double jarva__chart_scale(jarva__unit unit)
{
    return unit == JARVA__UNIT_NONE ? 1.0 : 100.0;
}

void jarva__chart_tick_label(char *buf, size_t cap, double display, int decimals, jarva__unit unit,
                             jarva__lang lang)
{
    if (decimals > JARVA__FMT_MAX_DECIMALS)
        decimals = JARVA__FMT_MAX_DECIMALS;
    /* Percentage points on an axis read better as plain numbers, with the
     * unit said once in the axis label. */
    jarva__unit shown = unit == JARVA__UNIT_PERCENT ? unit : JARVA__UNIT_NONE;
    if (jarva__fmt_value(buf, cap, display / jarva__chart_scale(shown), decimals, shown, 0, lang) <
        0)
        snprintf(buf, cap, "?");
}

void jarva__chart_target_label(char *buf, size_t cap, const char *custom, double target,
                               jarva__unit unit, jarva__lang lang)
{
    if (custom) {
        snprintf(buf, cap, "%s", custom);
        return;
    }
    double display = target * jarva__chart_scale(unit);
    int decimals = 0;
    while (decimals < 3 &&
           fabs(display * pow(10, decimals) - round(display * pow(10, decimals))) > 1e-6)
        decimals++;
    char value[JARVA__FMT_SIZE];
    if (jarva__fmt_value(value, sizeof value, target, decimals, unit, 0, lang) < 0)
        snprintf(value, sizeof value, "?");
    snprintf(buf, cap, "%s: %s", lang == JARVA__LANG_SV ? "Mål" : "Target", value);
}

const char *jarva__chart_ci_label(const char *custom, jarva__lang lang)
{
    if (custom)
        return custom;
    return lang == JARVA__LANG_SV ? "95\xC2\xA0% konfidensintervall" : "95% confidence interval";
}

int jarva__chart_text_prepare(jarva__pdf *doc, const char *title, const char *subtitle,
                              const char *note, double width, chart_text *out)
{
    memset(out, 0, sizeof *out);
    out->title_style = jarva__pdf_style_get(JARVA__STYLE_CAPTION);
    out->title_style.size = 10.5;
    out->subtitle_style = jarva__pdf_style_get(JARVA__STYLE_SMALL);
    out->subtitle_style.color = JARVA__COLOR_MUTED;
    out->note_style = jarva__pdf_style_get(JARVA__STYLE_NOTE);
    jarva__pdf_wrap(doc, &out->title_style, title ? title : "", width, &out->title);
    jarva__pdf_wrap(doc, &out->subtitle_style, subtitle ? subtitle : "", width, &out->subtitle);
    jarva__pdf_wrap(doc, &out->note_style, note ? note : "", width, &out->note);
    out->head_height = jarva__pdf_lines_height(&out->title_style, out->title.n) +
                       jarva__pdf_lines_height(&out->subtitle_style, out->subtitle.n) + 8.0;
    out->note_height = jarva__pdf_lines_height(&out->note_style, out->note.n);
    return jarva__pdf_status(doc);
}

void jarva__chart_text_draw_head(jarva__pdf *doc, const chart_text *ct, double x, double y_top,
                                 double width)
{
    jarva__pdf_draw_lines(doc, &ct->title_style, &ct->title, 0, ct->title.n, x, y_top, width);
    y_top -= jarva__pdf_lines_height(&ct->title_style, ct->title.n);
    jarva__pdf_draw_lines(doc, &ct->subtitle_style, &ct->subtitle, 0, ct->subtitle.n, x, y_top,
                          width);
}

void jarva__chart_text_draw_note(jarva__pdf *doc, const chart_text *ct, double x, double y_top,
                                 double width)
{
    jarva__pdf_draw_lines(doc, &ct->note_style, &ct->note, 0, ct->note.n, x, y_top, width);
}

void jarva__chart_text_free(chart_text *ct)
{
    jarva__pdf_lines_free(&ct->title);
    jarva__pdf_lines_free(&ct->subtitle);
    jarva__pdf_lines_free(&ct->note);
}

jarva__rgb jarva__chart_series_color(size_t i)
{
    switch (i % 4) {
    case 0: return JARVA__COLOR_ACCENT;
    case 1: return JARVA__COLOR_SECOND;
    case 2: return JARVA__RGB(0, 140, 100);
    default: return JARVA__RGB(170, 68, 153);
    }
}

void jarva__chart_marker(jarva__pdf *doc, double cx, double cy, double r, size_t series,
                         jarva__rgb color)
{
    HPDF_Page page = jarva__pdf_page(doc);
    if (!page)
        return;
    jarva__pdf_fill_color(doc, color);
    jarva__pdf_stroke_color(doc, JARVA__COLOR_WHITE);
    HPDF_Page_SetLineWidth(page, 0.6f);
    switch (series % 4) {
    case 0: HPDF_Page_Circle(page, (HPDF_REAL)cx, (HPDF_REAL)cy, (HPDF_REAL)r); break;
    case 1:
        HPDF_Page_Rectangle(page, (HPDF_REAL)(cx - 0.9 * r), (HPDF_REAL)(cy - 0.9 * r),
                            (HPDF_REAL)(1.8 * r), (HPDF_REAL)(1.8 * r));
        break;
    case 2:
        HPDF_Page_MoveTo(page, (HPDF_REAL)cx, (HPDF_REAL)(cy + 1.2 * r));
        HPDF_Page_LineTo(page, (HPDF_REAL)(cx + 1.1 * r), (HPDF_REAL)(cy - 0.8 * r));
        HPDF_Page_LineTo(page, (HPDF_REAL)(cx - 1.1 * r), (HPDF_REAL)(cy - 0.8 * r));
        HPDF_Page_ClosePath(page);
        break;
    default:
        HPDF_Page_MoveTo(page, (HPDF_REAL)cx, (HPDF_REAL)(cy + 1.25 * r));
        HPDF_Page_LineTo(page, (HPDF_REAL)(cx + 1.25 * r), (HPDF_REAL)cy);
        HPDF_Page_LineTo(page, (HPDF_REAL)cx, (HPDF_REAL)(cy - 1.25 * r));
        HPDF_Page_LineTo(page, (HPDF_REAL)(cx - 1.25 * r), (HPDF_REAL)cy);
        HPDF_Page_ClosePath(page);
        break;
    }
    HPDF_Page_FillStroke(page);
    jarva__pdf_record(doc, JARVA__INK_MARK, cx - 1.25 * r, cy - 1.25 * r, cx + 1.25 * r,
                      cy + 1.25 * r, 0.0);
}

#define SAMPLE_WIDTH 18.0
#define SAMPLE_GAP 4.0
#define ITEM_GAP 14.0

static void draw_sample(jarva__pdf *doc, const legend_item *item, double x, double mid)
{
    switch (item->kind) {
    case LEGEND_LINE:
        jarva__pdf_line(doc, x, mid, x + SAMPLE_WIDTH, mid, 1.6, item->color, JARVA__LINE_SOLID);
        jarva__chart_marker(doc, x + SAMPLE_WIDTH / 2, mid, 2.4, (size_t)item->marker, item->color);
        break;
    case LEGEND_BAND: jarva__pdf_fill_rect(doc, x, mid - 4, SAMPLE_WIDTH, 8, item->color); break;
    case LEGEND_WHISKER:
        jarva__pdf_line(doc, x + 2, mid, x + SAMPLE_WIDTH - 2, mid, 0.8, item->color,
                        JARVA__LINE_SOLID);
        jarva__pdf_line(doc, x + 2, mid - 3, x + 2, mid + 3, 0.8, item->color, JARVA__LINE_SOLID);
        jarva__pdf_line(doc, x + SAMPLE_WIDTH - 2, mid - 3, x + SAMPLE_WIDTH - 2, mid + 3, 0.8,
                        item->color, JARVA__LINE_SOLID);
        break;
    case LEGEND_BREAK:
        jarva__pdf_line(doc, x + SAMPLE_WIDTH / 2, mid - 5, x + SAMPLE_WIDTH / 2, mid + 5, 0.8,
                        item->color, JARVA__LINE_DOTTED);
        break;
    case LEGEND_TEXT_ONLY:
    default: break;
    }
}

double jarva__chart_legend(jarva__pdf *doc, const legend_item *items, size_t n, double x,
                           double y_top, double width, bool draw)
{
    jarva__pdf_style st = jarva__pdf_style_get(JARVA__STYLE_NOTE);
    st.size = CHART_LABEL_SIZE;
    st.leading = CHART_LABEL_LEADING;
    st.color = JARVA__COLOR_TEXT;
    double cx = x, row_top = y_top, row_h = 0.0;
    for (size_t i = 0; i < n && jarva__pdf_status(doc) == JARVA_OK; i++) {
        double sample = items[i].kind == LEGEND_TEXT_ONLY ? 0.0 : SAMPLE_WIDTH + SAMPLE_GAP;
        jarva__pdf_lines lines;
        if (jarva__pdf_wrap(doc, &st, items[i].text, width - sample, &lines) != JARVA_OK)
            break;
        double text_w = 0.0;
        for (size_t k = 0; k < lines.n; k++)
            if (lines.line[k].width > text_w)
                text_w = lines.line[k].width;
        double item_w = sample + text_w;
        if (cx > x && cx + item_w > x + width) { /* next row */
            row_top -= row_h + 3.0;
            cx = x;
            row_h = 0.0;
        }
        double h = jarva__pdf_lines_height(&st, lines.n ? lines.n : 1);
        if (draw) {
            draw_sample(doc, &items[i], cx, row_top - CHART_LABEL_LEADING / 2);
            jarva__pdf_draw_lines(doc, &st, &lines, 0, lines.n, cx + sample, row_top,
                                  width - sample);
        }
        jarva__pdf_lines_free(&lines);
        if (h > row_h)
            row_h = h;
        cx += item_w + ITEM_GAP;
    }
    return n ? y_top - row_top + row_h : 0.0;
}
