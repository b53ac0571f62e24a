/* number_format.h: numbers as an official-statistics publication prints them,
 * in Swedish (the report's first language) or English. Pure functions on
 * caller buffers; the output is UTF-8.
 *
 * Swedish: decimal comma, a non-breaking space (U+00A0) between thousands
 * ("12 345,6"), a non-breaking space before the percent sign ("64 %") and
 * before units ("8 procentenheter"), as Språkrådet's Svenska skrivregler
 * and SCB's publications write them. English: "12,345.6", "64%",
 * "8 percentage points". Both: U+2212 for minus, an en dash in intervals
 * ("3–13"), and ".." for a value that is suppressed or missing (any
 * non-finite input), SCB's symbol for "not available or too uncertain"
 * ("–" is SCB's zero, "." a figure that cannot occur).
 *
 * Rounding: half away from zero on the displayed digits. The value is first
 * taken to 15 significant decimal digits (what a double holds reliably), then
 * rounded in decimal, so 0.645 shown as a whole percent is "65 %" even though
 * the double nearest 0.645 lies just below it, and the same displayed value
 * always comes from the same input. A result that rounds to zero has no sign. */
#ifndef JARVA_NUMBER_FORMAT_H
#define JARVA_NUMBER_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum jarva__lang { JARVA__LANG_SV = 0, JARVA__LANG_EN = 1 } jarva__lang;

/* What a value is, which decides scaling and the unit written after it. */
typedef enum jarva__unit {
    JARVA__UNIT_NONE = 0, /* a plain number */
    JARVA__UNIT_PERCENT,  /* a proportion in [0, 1], shown as percent: 0.64 -> "64 %" */
    JARVA__UNIT_PP        /* a difference of proportions, in percentage points */
} jarva__unit;

/* Large enough for every value these functions accept (two numbers of up to
 * 18 integer digits, separators and the longest unit). */
#define JARVA__FMT_SIZE 128
/* Decimals accepted, 0..6. */
#define JARVA__FMT_MAX_DECIMALS 6
/* Largest magnitude, after scaling, that is formatted; beyond it, JARVA_EINVAL. */
#define JARVA__FMT_MAX_MAGNITUDE 1e18

/* Flags for jarva__fmt_value. */
#define JARVA__FMT_SIGN 1u /* "+" before a positive result (for changes) */
#define JARVA__FMT_NO_UNIT                                                                         \
    2u /* scale as the unit says but leave the unit out (it is in a
                                 table's column header): 0.08 in JARVA__UNIT_PP -> "8" */

/* Writes value with the given decimals and unit into buf (cap bytes, NUL-
 * terminated). Returns the length written, or JARVA_EINVAL for decimals
 * outside 0..6, a magnitude above JARVA__FMT_MAX_MAGNITUDE, or a buffer too
 * small (then buf holds "" if cap > 0). */
int jarva__fmt_value(char *buf, size_t cap, double value, int decimals, jarva__unit unit,
                     unsigned flags, jarva__lang lang);

/* A plain number: "1 234,5" / "1,234.5". */
int jarva__fmt_number(char *buf, size_t cap, double value, int decimals, jarva__lang lang);
/* A proportion as percent: 0.64 -> "64 %" / "64%". */
int jarva__fmt_percent(char *buf, size_t cap, double proportion, int decimals, jarva__lang lang);
/* A change of a proportion in percentage points, with its sign:
 * 0.08 -> "+8 procentenheter" / "+8 percentage points"; the singular when the
 * displayed number is exactly 1 ("+1 procentenhet", but "1,0 procentenheter"). */
int jarva__fmt_pp(char *buf, size_t cap, double difference, int decimals, jarva__lang lang);

/* An interval such as a confidence interval: "3–13" with an en dash and the
 * unit once at the end ("3–13 %", "3–13%", "3–13 procentenheter"). When an
 * end is negative, the dash would read as a minus sign, so the words "till" /
 * "to" join the ends: "−3 till 13 procentenheter". Either end non-finite
 * gives "–". Same return values as jarva__fmt_value. */
int jarva__fmt_interval(char *buf, size_t cap, double lower, double upper, int decimals,
                        jarva__unit unit, jarva__lang lang);

/* "–": how a suppressed value is shown. */
const char *jarva__fmt_suppressed(void);

#endif /* JARVA_NUMBER_FORMAT_H */
