/* pdf_chart.h: the report's two charts, drawn at the cursor across the text
 * frame: a line chart of an indicator over the years with its confidence
 * interval, target, series breaks and missing years, and a horizontal bar
 * chart comparing areas in one year. Both label everything directly or in a
 * legend laid out in rows, so no label overlaps another or leaves the frame;
 * long titles wrap and many years thin out the year labels. All text is
 * UTF-8. Also the pure axis helpers they use. */
#ifndef JARVA_PDF_CHART_H
#define JARVA_PDF_CHART_H

#include <stdbool.h>

#include "number_format.h"
#include "pdf_doc.h"

/* An axis from the "nice numbers" algorithm of Heckbert, "Nice numbers for
 * graph labels", Graphics Gems (1990), pp. 61-63: a step of 1, 2 or 5 times
 * a power of ten, and ends that are multiples of it enclosing the data. */
typedef struct jarva__axis {
    double min, max, step;
    double first; /* the first tick: min, unless the range was fixed */
    int ticks;    /* ticks at first + i * step, i < ticks */
    int decimals; /* decimals that show every tick exactly */
} jarva__axis;

/* Nice axis over [lo, hi] with about target_ticks ticks (at least 2). If lo ==
 * hi the range is widened around them. JARVA_EINVAL for non-finite input or
 * lo > hi. */
int jarva__axis_nice(double lo, double hi, int target_ticks, jarva__axis *out);
/* An axis over exactly [lo, hi] (a range the caller fixed), with a nice step
 * chosen as above and ticks at its multiples inside the range. JARVA_EINVAL
 * for non-finite input or lo >= hi. */
int jarva__axis_fixed(double lo, double hi, int target_ticks, jarva__axis *out);
/* Makes a nice axis step at least 1 (ticks at whole numbers only, for
 * counts of things that do not come in halves); ends widen to enclose the
 * old range. */
void jarva__axis_whole(jarva__axis *axis);
/* Heckbert's nicenum: a nice number near x > 0 (rounded if round, else the
 * nice number not below x). */
double jarva__nice_number(double x, bool round);
/* Every how many years to label the year axis: the smallest of 1, 2, 5, 10,
 * 20, 50, 100 whose labels (label_width wide, gap apart) fit in slots of
 * slot_width points per year. */
int jarva__axis_year_step(double slot_width, double label_width, double gap);

/* How the confidence interval is drawn on a line chart. */
typedef enum jarva__ci_style {
    JARVA__CI_AUTO = 0, /* a band for one series, error bars for several */
    JARVA__CI_BAND,
    JARVA__CI_BARS,
    JARVA__CI_NONE
} jarva__ci_style;

typedef struct jarva__chart_point {
    int year;
    double value;        /* NAN: no estimate this year (suppressed or missing): a gap */
    double lower, upper; /* the confidence interval; NAN: none */
    bool series_break;   /* a new, incomparable series starts this year */
} jarva__chart_point;

typedef struct jarva__line_series {
    const char *label; /* legend text; NULL for none */
    const jarva__chart_point *points;
    size_t n_points; /* strictly ascending years; a year not listed is a gap */
} jarva__line_series;

typedef struct jarva__line_chart {
    const char *title;      /* bold, wraps */
    const char *subtitle;   /* what is shown and how, wraps; NULL for none */
    const char *unit_label; /* above the value axis, e.g. "Antal"; NULL for none */
    const char *note;       /* below: source, definitions; NULL for none */
    jarva__unit unit;       /* JARVA__UNIT_PERCENT: values are proportions, axis in percent */
    const jarva__line_series *series;
    size_t n_series;          /* up to 4 have their own colour and marker */
    double target;            /* NAN: none */
    const char *target_label; /* NULL: "Mål: 70 %" */
    jarva__ci_style ci;
    const char *ci_label;      /* NULL: "95 % konfidensintervall" */
    double y_min, y_max;       /* NAN: from the data and target, zero included; if either is
                             given the axis spans exactly [y_min, y_max] and data beyond is
                             cut at the plot's edge */
    double height;             /* points, everything included; grows if the texts need it */
    bool bridge_unlisted;      /* join points across years no series lists (a survey held every
                             other year); a listed year without a value stays a gap */
    const int *withheld_years; /* years whose missing values were withheld (too few
                                  responses): the legend names them so, not as missing */
    size_t n_withheld_years;
    bool whole_numbers; /* value ticks at whole numbers only (counts) */
} jarva__line_chart;

/* A line chart with every field neutral: no target, automatic range, 230 pt. */
jarva__line_chart jarva__line_chart_init(void);

/* Draws a line chart at the cursor (on a new page if it does not fit) and
 * moves the cursor below it. JARVA_EINVAL for years not strictly ascending
 * or more than 60 years. Returns the document's status. */
int jarva__pdf_line_chart(jarva__pdf *doc, const jarva__line_chart *chart);

typedef struct jarva__bar {
    const char *label;   /* the area; wraps */
    double value;        /* NAN: suppressed: "–" and no bar */
    double lower, upper; /* NAN: no whisker */
    bool highlight;      /* the reference (e.g. all of Järva): darker bar, bold label */
} jarva__bar;

typedef struct jarva__bar_chart {
    const char *title, *subtitle, *note;
    jarva__unit unit;
    const jarva__bar *bars;
    size_t n_bars;
    double target;                /* NAN: none */
    const char *target_label;     /* NULL: "Mål: 70 %" */
    const char *ci_label;         /* NULL: "95 % konfidensintervall" */
    const char *suppressed_label; /* NULL: "– = för få svar för att redovisas" */
    double x_max;                 /* NAN: from the data; else the axis ends exactly there */
    int decimals;                 /* of the value labels */
    bool whole_numbers;           /* axis ticks at whole numbers only (counts) */
} jarva__bar_chart;

jarva__bar_chart jarva__bar_chart_init(void);

/* Draws a horizontal bar chart at the cursor and moves the cursor below it.
 * Returns the document's status. */
int jarva__pdf_bar_chart(jarva__pdf *doc, const jarva__bar_chart *chart);

#endif /* JARVA_PDF_CHART_H */
