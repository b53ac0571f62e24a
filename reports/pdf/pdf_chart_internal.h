/* pdf_chart_internal.h: what the line and bar charts share: the title block,
 * the legend, markers, tick labels and colours. */
#ifndef JARVA_PDF_CHART_INTERNAL_H
#define JARVA_PDF_CHART_INTERNAL_H

#include "pdf_chart.h"
#include "pdf_text.h"

#define CHART_LABEL_SIZE 8.0 /* tick labels, legend, direct labels */
#define CHART_LABEL_LEADING 10.0

/* Title, subtitle and note of a chart, wrapped to its width. */
typedef struct chart_text {
    jarva__pdf_style title_style, subtitle_style, note_style;
    jarva__pdf_lines title, subtitle, note;
    double head_height; /* title and subtitle with their spacing */
    double note_height; /* 0 if none */
} chart_text;

int jarva__chart_text_prepare(jarva__pdf *doc, const char *title, const char *subtitle,
                              const char *note, double width, chart_text *out);
void jarva__chart_text_draw_head(jarva__pdf *doc, const chart_text *ct, double x, double y_top,
                                 double width);
void jarva__chart_text_draw_note(jarva__pdf *doc, const chart_text *ct, double x, double y_top,
                                 double width);
void jarva__chart_text_free(chart_text *ct);

typedef enum legend_kind {
    LEGEND_LINE,     /* a line with the series' marker */
    LEGEND_BAND,     /* a filled band: a confidence interval */
    LEGEND_WHISKER,  /* an error bar */
    LEGEND_BREAK,    /* a dotted vertical line: a series break */
    LEGEND_TEXT_ONLY /* an explanation such as "– = ..." */
} legend_kind;

typedef struct legend_item {
    legend_kind kind;
    jarva__rgb color;
    int marker;       /* for LEGEND_LINE: the series index */
    const char *text; /* UTF-8 */
} legend_item;

/* Lays out items left to right in rows of at most width, each text wrapped
 * if it alone is too wide. Draws them if draw. Returns the height. */
double jarva__chart_legend(jarva__pdf *doc, const legend_item *items, size_t n, double x,
                           double y_top, double width, bool draw);

/* The colour and marker shape of series i (colours from Okabe and Ito's
 * colour-blind-safe palette; shapes: circle, square, triangle, diamond). */
jarva__rgb jarva__chart_series_color(size_t i);
void jarva__chart_marker(jarva__pdf *doc, double cx, double cy, double r, size_t series,
                         jarva__rgb color);

/* A tick label for a value in display units (percent for proportions). */
void jarva__chart_tick_label(char *buf, size_t cap, double display, int decimals, jarva__unit unit,
                             jarva__lang lang);
/* "Mål: 70 %" for a target, or the caller's label. UTF-8 into buf. */
void jarva__chart_target_label(char *buf, size_t cap, const char *custom, double target,
                               jarva__unit unit, jarva__lang lang);
/* The default interval label: "95 % konfidensintervall" / "95% confidence interval". */
const char *jarva__chart_ci_label(const char *custom, jarva__lang lang);

/* Whether a chart of this height fits on a page; if not, the document fails
 * with JARVA_EINVAL naming the chart (a chart is never split over pages). */
bool jarva__chart_fits(jarva__pdf *doc, const char *title, double height);

/* Display units: proportions are drawn in percent. */
double jarva__chart_scale(jarva__unit unit);

#endif /* JARVA_PDF_CHART_INTERNAL_H */
