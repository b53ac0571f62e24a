/* report_words.c: the report's words and numbers in Swedish or English:
 * values with their units as the indicator reads them, differences, names
 * from the catalogue, names of the data sources, dates and the disclosure
 * rule. Numbers go through number_format.c, so the text, the tables and the
 * charts show the same value the same way. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report_internal.h"

const char *jarva__report_tr(jarva__lang lang, const char *sv, const char *en)
{
    return lang == JARVA__LANG_EN ? en : sv;
}

void jarva__report_buf_add(jarva__report_buf *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        return;
    }
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + (size_t)n + 1)
            cap *= 2;
        char *grown = realloc(b->text, cap);
        if (!grown) {
            b->failed = true;
            return;
        }
        b->text = grown;
        b->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(b->text + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *jarva__report_buf_take(jarva__report_buf *b)
{
    char *text = b->failed ? NULL : b->text ? b->text : jarva__pdf_strdup("");
    if (b->failed)
        free(b->text);
    memset(b, 0, sizeof *b);
    return text;
}

jarva__unit jarva__report_unit(const jarva_indicator *ind)
{
    return ind->percent ? JARVA__UNIT_PERCENT : JARVA__UNIT_NONE;
}

/* Whole percent, as SCB publishes survey shares; a mean of a 1-5 scale to one
 * decimal; counts whole. */
int jarva__report_decimals(const jarva_indicator *ind)
{
    if (ind->percent || ind->measure == JARVA_MEASURE_COUNT)
        return 0;
    return 1;
}

static void format_or_dash(char *buf, size_t cap, double value, int decimals, jarva__unit unit,
                           unsigned flags, jarva__lang lang)
{
    if (jarva__fmt_value(buf, cap, value, decimals, unit, flags, lang) < 0)
        snprintf(buf, cap, "%s", jarva__fmt_suppressed());
}

void jarva__report_value(jarva__lang lang, const jarva_indicator *ind, double value, char *buf,
                         size_t cap)
{
    format_or_dash(buf, cap, value, jarva__report_decimals(ind), jarva__report_unit(ind), 0, lang);
}

/* Intervals of counts get a decimal: Garwood's limits of 0 events are 0 and
 * 3.7, which whole numbers would show as 0-4. */
static int interval_decimals(const jarva_indicator *ind)
{
    return ind->measure == JARVA_MEASURE_COUNT ? 1 : jarva__report_decimals(ind);
}

void jarva__report_interval(jarva__lang lang, const jarva_indicator *ind, double lo, double hi,
                            char *buf, size_t cap)
{
    if (jarva__fmt_interval(buf, cap, lo, hi, interval_decimals(ind), jarva__report_unit(ind),
                            lang) < 0)
        snprintf(buf, cap, "%s", jarva__fmt_suppressed());
}

void jarva__report_estimate_ci(jarva__lang lang, const jarva_indicator *ind,
                               const jarva_estimate *e, char *buf, size_t cap)
{
    if (e->flags & JARVA_EST_NO_N)
        snprintf(buf, cap, "%s", jarva__report_tr(lang, "KI saknas", "no CI"));
    else if (e->flags & JARVA_EST_NO_CI)
        snprintf(buf, cap, "%s", jarva__report_tr(lang, "exakt", "exact"));
    else
        jarva__report_interval(lang, ind, e->ci_low, e->ci_high, buf, cap);
}

void jarva__report_diff_at(jarva__lang lang, const jarva_indicator *ind, double diff, int decimals,
                           unsigned flags, char *buf, size_t cap)
{
    jarva__unit unit = ind->percent ? JARVA__UNIT_PP : JARVA__UNIT_NONE;
    format_or_dash(buf, cap, diff, decimals, unit, flags, lang);
}

void jarva__report_diff(jarva__lang lang, const jarva_indicator *ind, double diff, unsigned flags,
                        char *buf, size_t cap)
{
    jarva__report_diff_at(lang, ind, diff, jarva__report_decimals(ind), flags, buf, cap);
}

void jarva__report_diff_interval_at(jarva__lang lang, const jarva_indicator *ind, double lo,
                                    double hi, int decimals, char *buf, size_t cap)
{
    /* Percentage points without their unit, which the sentence has said. */
    double scale = ind->percent ? 100.0 : 1.0;
    if (jarva__fmt_interval(buf, cap, lo * scale, hi * scale, decimals, JARVA__UNIT_NONE, lang) < 0)
        snprintf(buf, cap, "%s", jarva__fmt_suppressed());
}

void jarva__report_diff_interval(jarva__lang lang, const jarva_indicator *ind, double lo, double hi,
                                 char *buf, size_t cap)
{
    jarva__report_diff_interval_at(lang, ind, lo, hi, interval_decimals(ind), buf, cap);
}

/* Whether a value prints as zero at these decimals (the formatter's own
 * rounding, so the test and the print cannot disagree). */
static bool prints_zero(double value, int decimals)
{
    char text[JARVA__FMT_SIZE], zero[JARVA__FMT_SIZE];
    if (jarva__fmt_value(text, sizeof text, value, decimals, JARVA__UNIT_NONE, 0, JARVA__LANG_EN) <
            0 ||
        jarva__fmt_value(zero, sizeof zero, 0.0, decimals, JARVA__UNIT_NONE, 0, JARVA__LANG_EN) < 0)
        return false;
    return !strcmp(text, zero);
}

/* Issue 11: significance is decided on the unrounded values; an interval
 * that excludes 0 is then printed with as many decimals as it takes to print
 * excluding 0 ("1,99 procentenheter (95 % KI 0,01–3,96)", not "2 (0–4)"). */
int jarva__report_change_decimals(const jarva_indicator *ind, const jarva_change *change)
{
    int least = interval_decimals(ind);
    if (!change || (change->flags & JARVA_CHANGE_NO_TEST))
        return jarva__report_decimals(ind);
    double scale = ind->percent ? 100.0 : 1.0;
    double lo = change->ci_low * scale, hi = change->ci_high * scale;
    if (!(lo > 0 || hi < 0))
        return least;
    double near = lo > 0 ? lo : hi;
    for (int d = least; d < JARVA__FMT_MAX_DECIMALS; d++)
        if (!prints_zero(near, d))
            return d;
    return JARVA__FMT_MAX_DECIMALS;
}

const char *jarva__report_baseline_source(jarva__lang lang, const jarva__report_item *it)
{
    bool catalogue = it->base >= 0 ? it->base_is_baseline
                                   : it->status.baseline_source == JARVA_BASELINE_CATALOGUE;
    return jarva__report_phrase_text(lang, catalogue ? PH_SOURCE_PLAN : PH_SOURCE_FIRST);
}

void jarva__report_baseline_text(jarva__lang lang, const jarva__report_item *it, char *buf,
                                 size_t cap)
{
    const jarva_target_status *st = &it->status;
    const jarva_series *s = &it->series;
    int year = it->base >= 0 ? s->years[it->base] : st->baseline_year;
    double value = it->base >= 0 ? it->base_value : st->baseline_value;
    if (!year || !isfinite(value) || (it->base < 0 && st->baseline_source == JARVA_BASELINE_NONE)) {
        snprintf(buf, cap, "%s", "");
        return;
    }
    char text[JARVA__FMT_SIZE];
    jarva__report_value(lang, it->ind, value, text, sizeof text);
    snprintf(buf, cap, "%s (%d, %s)", text, year, jarva__report_baseline_source(lang, it));
}

const char *jarva__report_ind_name(jarva__lang lang, const jarva_indicator *ind)
{
    const char *name = lang == JARVA__LANG_EN ? ind->name_en : ind->name_sv;
    return name && *name ? name : ind->name_sv ? ind->name_sv : ind->id;
}

const char *jarva__report_goal_text(jarva__lang lang, const jarva_goal *goal)
{
    const char *text = lang == JARVA__LANG_EN ? goal->text_en : goal->text_sv;
    return text && *text ? text : goal->text_sv ? goal->text_sv : goal->id;
}

const char *jarva__report_audience_name(jarva__lang lang, const jarva_audience *aud)
{
    const char *name = lang == JARVA__LANG_EN ? aud->name_en : aud->name_sv;
    return name && *name ? name : aud->name_sv ? aud->name_sv : aud->id;
}

/* The surveys, tables and logs the catalogue names (indicator.source), for
 * a catalogue without sources.csv; with it, its names win (one name per
 * source, issue 12). */
static const struct {
    const char *id, *sv, *en;
} source_names[] = {
    { "jarva-trygghet", "Järvas trygghetsenkät", "Järva residents' safety survey" },
    { "jarva-personalenkat", "Personalenkäten i Järvasamverkan", "Järva staff survey" },
    { "jarva-aktivitetslogg", "Aktivitetsloggen", "Activity log" },
    { "polisen-region-stockholm-trygghetsmatning", "Polisens trygghetsmätning",
      "Police safety survey" },
    { "polisen-utsatta-omraden", "Polisens lista över utsatta områden",
      "Police list of vulnerable areas" },
    { "stockholm-stad-trygghetsmatning", "Stockholms stads trygghetsmätning",
      "City of Stockholm safety survey" },
    { "stockholm-stad-skolundersokning", "Stockholms stads skolundersökning",
      "City of Stockholm school survey" },
    { "skolverket-behorighet-ak9", "Skolverkets statistik om behörighet",
      "Swedish National Agency for Education: eligibility statistics" },
    { "published", "Publicerade tabeller", "Published tables" },
};

const char *jarva__report_source_name(const jarva__report *r, const char *source)
{
    if (!source)
        return "";
    jarva__lang lang = r->lang;
    const jarva_source_info *info = jarva_source_info_find(r->sources, source);
    if (info)
        return lang == JARVA__LANG_EN && info->name_en ? info->name_en : info->name_sv;
    for (size_t i = 0; i < sizeof source_names / sizeof source_names[0]; i++)
        if (!strcmp(source, source_names[i].id))
            return lang == JARVA__LANG_EN ? source_names[i].en : source_names[i].sv;
    return source;
}

static void format_date(jarva__lang lang, int year, int month, int day, char *buf, size_t cap)
{
    static const char *const months_sv[] = { "januari",   "februari", "mars",     "april",
                                             "maj",       "juni",     "juli",     "augusti",
                                             "september", "oktober",  "november", "december" };
    static const char *const months_en[] = { "January",   "February", "March",    "April",
                                             "May",       "June",     "July",     "August",
                                             "September", "October",  "November", "December" };
    if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999) {
        snprintf(buf, cap, "%s", "");
        return;
    }
    snprintf(buf, cap, "%d %s %d", day,
             lang == JARVA__LANG_EN ? months_en[month - 1] : months_sv[month - 1], year);
}

void jarva__report_date_from_time(jarva__lang lang, long long seconds, char *buf, size_t cap)
{
    time_t t = (time_t)seconds;
    struct tm utc;
    if (seconds < 0 || !gmtime_r(&t, &utc)) {
        snprintf(buf, cap, "%s", "");
        return;
    }
    format_date(lang, utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, buf, cap);
}

void jarva__report_date_from_iso(jarva__lang lang, const char *iso, char *buf, size_t cap)
{
    int year = 0, month = 0, day = 0;
    if (!iso || sscanf(iso, "%4d-%2d-%2d", &year, &month, &day) != 3)
        year = 0;
    format_date(lang, year, month, day, buf, cap);
}

void jarva__report_rule(jarva__lang lang, const jarva_indicator *ind, char *buf, size_t cap)
{
    bool sv = lang == JARVA__LANG_SV;
    bool share = ind->measure == JARVA_MEASURE_PROPORTION || ind->percent;
    if (ind->min_n > 1 && share)
        snprintf(buf, cap,
                 sv ? "färre än %d svar, eller färre än %d på endera sidan"
                    : "fewer than %d responses, or fewer than %d on either side",
                 ind->min_n, REPORT_MIN_CELL);
    else if (ind->min_n > 1)
        snprintf(buf, cap, sv ? "färre än %d svar" : "fewer than %d responses", ind->min_n);
    else
        snprintf(buf, cap,
                 sv ? "färre än %d fall på endera sidan" : "fewer than %d cases on either side",
                 REPORT_MIN_CELL);
}

const char *jarva__report_trend_word(jarva__lang lang, const jarva__report_item *it)
{
    if (it->shown == 0)
        return jarva__fmt_suppressed();
    if (!it->has_trend)
        return jarva__report_tr(lang, "För få mätningar", "Too few points");
    if (!it->trend.significant)
        return jarva__report_tr(lang, "Ingen säker trend", "No clear trend");
    return it->trend.slope > 0 ? jarva__report_tr(lang, "Ökande", "Rising")
                               : jarva__report_tr(lang, "Minskande", "Falling");
}

/* The status words of docs/status.md's table (issue 11), in the order of
 * jarva_target_state. */
const char *jarva__report_status_word(jarva__lang lang, jarva_target_state state)
{
    static const char *const sv[] = { "Otillräckliga data", "Uppnått",  "På väg", "Osäkert",
                                      "Inte på väg",        "Inget mål" };
    static const char *const en[] = { "Insufficient data", "Achieved",  "On track",
                                      "Uncertain",         "Off track", "No target" };
    unsigned i = (unsigned)state < 6 ? (unsigned)state : 0;
    return lang == JARVA__LANG_EN ? en[i] : sv[i];
}

jarva__pdf_mark jarva__report_mark(jarva_target_state state)
{
    switch (state) {
    case JARVA_TARGET_ACHIEVED: return JARVA__MARK_CHECK;
    case JARVA_TARGET_ON_TRACK: return JARVA__MARK_ARROW;
    case JARVA_TARGET_UNCERTAIN: return JARVA__MARK_HALF;
    case JARVA_TARGET_OFF_TRACK: return JARVA__MARK_CROSS;
    default: return JARVA__MARK_QUESTION;
    }
}

double jarva__report_level(const jarva__report_item *it)
{
    return it && it->level > 0 && it->level < 1 ? it->level : REPORT_LEVEL;
}

void jarva__report_level_text(jarva__lang lang, double level, char *buf, size_t cap)
{
    /* 0.95 is "95 %", 0.9 "90 %", 0.995 "99,5 %". */
    double percent = level * 100;
    int decimals = fabs(percent - round(percent)) < 1e-9 ? 0 : 1;
    if (jarva__fmt_percent(buf, cap, level, decimals, lang) < 0)
        snprintf(buf, cap, "%g", percent);
}
