/* statfile_date.c: dates in SPSS, Stata and SAS files. All three store a
 * date as a number with a display format saying it is one; read as a number
 * it would be a day or second count (13 919 299 200 for 2023-11-14 in SPSS),
 * which no mapping can use. A variable with a date format is read as ISO
 * 8601 text instead, as a CSV export of it would be written.
 *
 * Epochs and units (from the formats' documentation, as ReadStat passes the
 * stored numbers on unchanged):
 *   SPSS: seconds since 1582-10-14 for dates and date-times alike;
 *   Stata: %td (and the old %d) days, %tc and %tC milliseconds, since
 *          1960-01-01 (%tC counts leap seconds: at most 27 s early, which
 *          changes only the seconds shown);
 *   SAS: date formats days, date-time formats seconds, since 1960-01-01. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "civil_date.h"
#include "statfile_internal.h"

/* Days from 1970-01-01 back to each epoch. */
#define SPSS_EPOCH (-141428) /* 1582-10-14 */
#define EPOCH_1960 (-3653)

/* The format's name without its width and decimals: "DATE11" -> "DATE",
 * "MMDDYY10." -> "MMDDYY", "E8601DA10." -> "E8601DA". */
static size_t format_name(const char *format, char *out, size_t size)
{
    size_t n = strlen(format);
    while (n > 0 && (format[n - 1] == '.' || (format[n - 1] >= '0' && format[n - 1] <= '9')))
        n--;
    if (n == 0 || n >= size)
        return 0;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)(format[i] >= 'a' && format[i] <= 'z' ? format[i] - 'a' + 'A' : format[i]);
    out[n] = '\0';
    return n;
}

static int in_list(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(name, *list))
            return 1;
    return 0;
}

static jarva__statfile_date spss_kind(const char *name)
{
    /* DTIME and TIME are durations, WKDAY and MONTH plain numbers. */
    static const char *const dates[] = { "DATE", "ADATE", "EDATE", "JDATE", "SDATE",
                                         "QYR",  "MOYR",  "WKYR",  NULL };
    static const char *const datetimes[] = { "DATETIME", "YMDHMS", NULL };
    jarva__statfile_date d = { 0, 1, SPSS_EPOCH, 0 };
    if (in_list(name, dates))
        d.is_date = 1;
    else if (in_list(name, datetimes))
        d.is_date = d.with_time = 1;
    return d;
}

static jarva__statfile_date stata_kind(const char *format)
{
    jarva__statfile_date d = { 0, 86400, EPOCH_1960, 0 };
    const char *p = format;
    if (*p++ != '%')
        return d;
    if (*p == '-')
        p++;
    if (!strncmp(p, "td", 2) || (p[0] == 'd' && (p[1] < '0' || p[1] > '9')))
        d.is_date = 1;
    else if (!strncmp(p, "tc", 2) || !strncmp(p, "tC", 2)) {
        d.is_date = d.with_time = 1;
        d.unit = 0.001;
    }
    return d;
}

static jarva__statfile_date sas_kind(const char *name)
{
    static const char *const dates[] = { "DATE",     "E8601DA",  "B8601DA", "WEEKDATE", "WEEKDATX",
                                         "WORDDATE", "WORDDATX", "NLDATE",  "MONYY",    "YYMON",
                                         "JULIAN",   "YYQ",      "YYMM",    "MMYY",     "EURDFDD",
                                         "DOWNAME",  NULL };
    static const char *const datetimes[] = { "DATETIME", "DATEAMPM", "E8601DT", "B8601DT",
                                             "NLDATM",   "MDYAMPM",  NULL };
    jarva__statfile_date d = { 0, 86400, EPOCH_1960, 0 };
    /* DDMMYY, MMDDYY, YYMMDD and their separator variants (DDMMYYP, ...). */
    int ymd = (!strncmp(name, "DDMMYY", 6) || !strncmp(name, "MMDDYY", 6) ||
               !strncmp(name, "YYMMDD", 6)) &&
              strlen(name) <= 7;
    if (ymd || in_list(name, dates))
        d.is_date = 1;
    else if (in_list(name, datetimes)) {
        d.is_date = d.with_time = 1;
        d.unit = 1;
    }
    return d;
}

jarva__statfile_date jarva__statfile_date_kind(const char *kind, const char *format)
{
    jarva__statfile_date none = { 0, 1, 0, 0 };
    char name[32];
    if (!format || !*format)
        return none;
    if (!strcmp(kind, "dta"))
        return stata_kind(format);
    if (!format_name(format, name, sizeof name))
        return none;
    if (!strcmp(kind, "sav") || !strcmp(kind, "por"))
        return spss_kind(name);
    if (!strcmp(kind, "sas7bdat") || !strcmp(kind, "xpt"))
        return sas_kind(name);
    return none;
}

int jarva__statfile_date_text(const jarva__statfile_date *kind, double value, char *out,
                              size_t size)
{
    double seconds = value * kind->unit + (double)kind->epoch * 86400.0;
    /* Years 1 to 9999 only: beyond them the text would not be a date. */
    if (!isfinite(seconds) || seconds < -62135596800.0 || seconds >= 253402300800.0)
        return 0;
    double whole = floor(seconds + 0.5); /* to the second: %tc stores ms */
    long long days = (long long)floor(whole / 86400.0);
    long long in_day = (long long)whole - days * 86400;
    long long y;
    unsigned m, d;
    jarva__civil_from_days(days, &y, &m, &d);
    int n;
    if (kind->with_time && in_day != 0)
        n = snprintf(out, size, "%04lld-%02u-%02u %02lld:%02lld:%02lld", y, m, d, in_day / 3600,
                     in_day / 60 % 60, in_day % 60);
    else
        n = snprintf(out, size, "%04lld-%02u-%02u", y, m, d);
    return n > 0 && (size_t)n < size ? n : 0;
}
