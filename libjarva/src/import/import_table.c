/* import_table.c: published survey tables: a share (and n when the source
 * gives it) per survey, measure, year and area, or a count (areas on the
 * police list) where the row's indicator measures a count or the file has a
 * count column. Suppression markers are kept as suppressed, never read as
 * zero; a missing n stays missing. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_internal.h"
#include "catalog_internal.h"
#include "store_internal.h"

enum {
    T_SURVEY = JARVA__TF_SURVEY,
    T_YEAR = JARVA__TF_YEAR,
    T_AREA = JARVA__TF_AREA,
    T_MEASURE = JARVA__TF_MEASURE,
    T_SHARE = JARVA__TF_SHARE,
    T_VALUE_COUNT = JARVA__TF_COUNT,
    T_N = JARVA__TF_N,
    T_NOTE = JARVA__TF_NOTE,
    T_SOURCE = JARVA__TF_SOURCE,
    T_NCOLS = JARVA__TF_NFIELDS
};

static const char *const names_survey[] = { "survey", "undersökning", "undersokning", NULL };
static const char *const names_year[] = { "year", "år", "ar", NULL };
static const char *const names_area[] = { "area", "område", "omrade", NULL };
static const char *const names_measure[] = { "measure",   "indicator", "question", "mått", "matt",
                                             "indikator", "fråga",     "fraga",    NULL };
static const char *const names_share[] = {
    "share",         "value",   "value_percent", "share_percent",    "percent", "andel",
    "andel_procent", "procent", "proportion",    "value_proportion", NULL
};
static const char *const names_count[] = { "count", "antal", "value_count", NULL };
static const char *const names_n[] = { "n", "antal_svar", "svarande", NULL };
static const char *const names_note[] = { "note", "anmärkning", "anmarkning", "kommentar", NULL };
static const char *const names_source[] = { "source", "källa", "kalla", "url", NULL };
static const char *const *const column_names[T_NCOLS] = {
    names_survey, names_year, names_area, names_measure, names_share,
    names_count,  names_n,    names_note, names_source
};

/* Markers that published tables use for "not shown": too few answers, not
 * asked, not applicable. */
static int is_suppression_marker(const char *v)
{
    /* One to six dots: PX's and PxWeb's "no value" symbols. */
    size_t dots = strspn(v, ".");
    if (dots >= 1 && dots <= 6 && !v[dots])
        return 1;
    static const char *const markers[] = {
        "XX", "xx", "X", "x", "..", ".", "-", "–", "—", "*", NULL
    };
    for (int i = 0; markers[i]; i++)
        if (!strcmp(v, markers[i]))
            return 1;
    return 0;
}

static int contains_ci(const char *s, const char *word)
{
    size_t n = strlen(word);
    for (; *s; s++) {
        size_t i = 0;
        while (i < n && s[i] && (s[i] | 0x20) == word[i])
            i++;
        if (i == n)
            return 1;
    }
    return 0;
}

struct jarva__table_sink {
    jarva__import *imp;
    int col[T_NCOLS]; /* CSV columns; all -1 for rows fed by jarva__table_put */
    int percent;
    char decimal;
    const char *context; /* of the row being read, for messages; NULL for CSV rows */
    jarva__lookup *areas;
    /* The table indicators of one survey, for "did you mean" on a measure. */
    jarva__lookup *measures;
    char *measures_survey;
    jarva__table_writer *writer;
};
typedef struct jarva__table_sink table_state;

/* An error about field c of the current row. */
static void row_error(table_state *t, long line, int c, const char *fmt, ...) JARVA__PRINTF(4, 5);
static void row_error(table_state *t, long line, int c, const char *fmt, ...)
{
    char message[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    jarva__import *imp = t->imp;
    if (t->context) {
        if ((unsigned long)++imp->errors.count <= imp->errors.max)
            jarva__adderr(imp->errors.err, "%s:%ld (%s): %s", imp->path, line, t->context, message);
    } else
        jarva__import_error(&imp->errors, imp->reader, line, c >= 0 ? t->col[c] : -1, "%s",
                            message);
}

static int check_header(table_state *t)
{
    jarva__import *imp = t->imp;
    for (int c = 0; c < T_NCOLS; c++)
        t->col[c] = jarva__find_column(imp->reader, column_names[c]);
    const jarva__csv_row *header = jarva__source_header(imp->reader);
    for (size_t h = 0; header && h < header->nfields; h++) {
        int known = 0;
        for (int c = 0; c < T_NCOLS; c++)
            known |= t->col[c] == (int)h;
        if (!known)
            jarva__import_error(&imp->errors, imp->reader, 1, (int)h,
                                "unknown column (a table has survey, year, area, measure, "
                                "share or count, n, note, source)");
    }
    static const int required[] = { T_YEAR, T_AREA, T_MEASURE };
    for (size_t r = 0; r < sizeof required / sizeof required[0]; r++)
        if (t->col[required[r]] < 0)
            jarva__import_error(&imp->errors, imp->reader, 1, -1, "missing column '%s'",
                                column_names[required[r]][0]);
    if (t->col[T_SHARE] < 0 && t->col[T_VALUE_COUNT] < 0)
        jarva__import_error(&imp->errors, imp->reader, 1, -1,
                            "missing column 'share' (or 'count' for counts)");
    if (t->col[T_SURVEY] < 0 && !imp->opts->source)
        jarva__import_error(&imp->errors, imp->reader, 1, -1,
                            "missing column 'survey' (or give the survey with --source)");
    /* Percent or proportion: the column name says, else the option, else
     * percent, which is how tables are published. */
    t->percent = imp->opts->share_in_percent < 0 ? 1 : imp->opts->share_in_percent;
    if (t->col[T_SHARE] >= 0 && header) {
        const char *name = header->fields[t->col[T_SHARE]];
        if (name && (contains_ci(name, "percent") || contains_ci(name, "procent")))
            t->percent = 1;
        else if (name && contains_ci(name, "proportion"))
            t->percent = 0;
    }
    return JARVA_OK;
}

static const char *cell(const jarva__csv_row *row, int col)
{
    return col >= 0 && (size_t)col < row->nfields ? row->fields[col] : NULL;
}

static int is_blank(const char *v)
{
    return !v || !*v;
}

/* The value a row gives: a share (stored on the 0-1 scale) or a count. */
typedef struct table_value {
    int is_count;
    int suppressed;
    const char *text; /* as written: the suppression marker if suppressed */
    double value;
} table_value;

/* A count when the row's indicator measures a count, when the row fills the
 * count column, or when the file has no share column; else a share. A count
 * is a plain number (the police list's areas), never a percentage. */
static void read_value(table_state *t, const char *const *f, long line, const char *indicator,
                       int indicator_counts, table_value *v)
{
    char decimal = t->decimal;
    const char *share_text = f[T_SHARE];
    const char *count_text = f[T_VALUE_COUNT];
    memset(v, 0, sizeof *v);
    v->value = NAN;
    if (!is_blank(share_text) && !is_blank(count_text)) {
        row_error(t, line, T_VALUE_COUNT, "both a share and a count: give one of them");
        return;
    }
    int has_share = t->col[T_SHARE] >= 0 || (t->context && share_text);
    v->is_count = indicator_counts || !is_blank(count_text) || !has_share;
    int col = T_SHARE;
    v->text = share_text;
    if (v->is_count && (!is_blank(count_text) || !has_share)) {
        col = T_VALUE_COUNT;
        v->text = count_text;
    }
    if (v->is_count && indicator && !indicator_counts) {
        row_error(t, line, col, "indicator '%s' is not a count: give its share", indicator);
        return;
    }
    if (is_blank(v->text) || is_suppression_marker(v->text)) {
        v->suppressed = 1;
        return;
    }
    char hint[JARVA__DECIMAL_HINT_SIZE];
    if (v->is_count) {
        if (jarva__parse_double(v->text, decimal, &v->value) || v->value < 0 ||
            v->value != floor(v->value) || v->value > 1e12) {
            jarva__import_decimal_hint(t->imp, v->text, hint);
            row_error(t, line, col, "count '%s' is not a whole number of zero or more%s", v->text,
                      hint);
        }
    } else if (jarva__parse_double(v->text, decimal, &v->value) || v->value < 0 ||
               v->value > (t->percent ? 100.0 : 1.0)) {
        jarva__import_decimal_hint(t->imp, v->text, hint);
        row_error(t, line, col, "share '%s' is not a %s%s", v->text,
                  t->percent ? "percentage between 0 and 100" : "proportion between 0 and 1", hint);
    } else if (t->percent) {
        v->value /= 100.0;
    }
}

/* Records an error if the row's survey, measure, year and area were given
 * before, in this file or an earlier batch. */
static int check_duplicate(table_state *t, long line, const char *survey, const char *measure,
                           long year, const char *area_id, const char *area_text)
{
    jarva__import *imp = t->imp;
    int64_t other;
    long other_line;
    int rc = jarva__table_writer_earlier(t->writer, survey, measure, (int)year, area_id, &other,
                                         &other_line);
    if (rc == JARVA_ENOTFOUND)
        return JARVA_OK;
    if (rc)
        return rc;
    if (other == imp->batch_id)
        row_error(t, line, -1, "%s %ld %s for %s is given twice (first on line %ld)", survey, year,
                  measure, area_text, other_line);
    else
        row_error(t, line, -1, "%s %ld %s for %s was imported before (batch %lld, line %ld)",
                  survey, year, measure, area_text, (long long)other, other_line);
    return JARVA_OK;
}

/* A measure that names no indicator is kept unused (tables publish figures
 * that no indicator reads); one a typo away from an indicator of its survey
 * is an error, since kept unused it would silently leave the indicator
 * without its value (issue 14). */
static int check_measure(table_state *t, long line, const char *survey, const char *measure)
{
    if (!t->measures_survey || strcmp(t->measures_survey, survey) != 0) {
        jarva__lookup_free(t->measures);
        t->measures = NULL;
        free(t->measures_survey);
        t->measures_survey = jarva__strdup(survey);
        if (!t->measures_survey)
            return jarva__seterr(jarva__db_err(t->imp->db), JARVA_ENOMEM, "out of memory");
        int rc = jarva__lookup_table_measures(t->imp->db, survey, &t->measures);
        if (rc)
            return rc;
    }
    /* Two edits (or a tenth of the name): "kvall" for "kväll", a letter
     * dropped; further is another figure ("trygg ute sent en kväll" beside
     * "trygg ute sent en kväll i området"). */
    size_t limit = strlen(measure) / 10;
    const char *hint = jarva__lookup_suggest_within(t->measures, measure, limit > 2 ? limit : 2);
    if (hint)
        row_error(t, line, T_MEASURE,
                  "measure '%s' names no indicator of %s: did you mean '%s'? (write it as the "
                  "indicator's variable in indicators.csv, or its id)",
                  measure, survey, hint);
    return JARVA_OK;
}

int jarva__table_put(table_state *t, const char *const *f, long line, const char *context)
{
    jarva__import *imp = t->imp;
    jarva__import_errors *errors = &imp->errors;
    t->context = context;
    const char *survey = f[T_SURVEY] ? f[T_SURVEY] : imp->opts->source;
    const char *measure = f[T_MEASURE];
    const char *year_text = f[T_YEAR];
    const char *area_text = f[T_AREA];
    const char *n_text = f[T_N];
    imp->rows++;

    if (is_blank(survey))
        row_error(t, line, T_SURVEY, "empty survey");
    if (is_blank(measure))
        row_error(t, line, T_MEASURE, "empty measure");
    long year = 0;
    if (!year_text || jarva__parse_long(year_text, 1990, 2199, &year))
        row_error(t, line, T_YEAR, "year '%s' is not a year between 1990 and 2199",
                  year_text ? year_text : "");
    const char *area_id = jarva__lookup_find(t->areas, area_text);
    if (!area_id) {
        const char *hint = jarva__lookup_suggest(t->areas, area_text);
        row_error(t, line, T_AREA, "unknown area '%s'%s%s%s", area_text ? area_text : "",
                  hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
    }
    char *indicator = NULL;
    int counts = 0;
    if (!is_blank(survey) && !is_blank(measure)) {
        int rc = jarva__table_writer_indicator(t->writer, survey, measure, &indicator, &counts);
        if (rc == JARVA_ENOTFOUND)
            rc = check_measure(t, line, survey, measure);
        if (rc) {
            free(indicator);
            return rc;
        }
    }
    table_value value;
    read_value(t, f, line, indicator, counts, &value);
    /* n may be written "17 669" (with a thousands separator): read it as a
     * number, then insist on a whole one. */
    long n = 0;
    double n_value;
    if (!is_blank(n_text) && !is_suppression_marker(n_text)) {
        if (jarva__parse_double(n_text, t->decimal, &n_value) || n_value < 1 ||
            n_value != floor(n_value) || n_value > 1e9) {
            char hint[JARVA__DECIMAL_HINT_SIZE];
            jarva__import_decimal_hint(t->imp, n_text, hint);
            row_error(t, line, T_N, "n '%s' is not a positive whole number%s", n_text, hint);
        } else
            n = (long)n_value;
    }
    int rc = errors->count ? JARVA_OK
                           : check_duplicate(t, line, survey, measure, year, area_id, area_text);
    if (!rc && !errors->count) {
        if (!indicator)
            imp->unlinked++;
        const jarva__table_row stored = { .row_no = line,
                                          .indicator_id = indicator,
                                          .survey = survey,
                                          .measure = measure,
                                          .year = (int)year,
                                          .area_id = area_id,
                                          .is_count = value.is_count,
                                          .suppressed = value.suppressed,
                                          .value = value.value,
                                          .n = n,
                                          .marker = value.text,
                                          .source = f[T_SOURCE],
                                          .note = f[T_NOTE] };
        rc = jarva__table_writer_put(t->writer, &stored);
    }
    free(indicator);
    return rc;
}

void jarva__table_set_unit(table_state *t, int percent, char decimal)
{
    t->percent = percent;
    t->decimal = decimal;
}

static int import_row(void *ctx, const jarva__csv_row *row)
{
    table_state *t = ctx;
    const char *f[T_NCOLS];
    for (int c = 0; c < T_NCOLS; c++)
        f[c] = cell(row, t->col[c]);
    return jarva__table_put(t, f, row->line, NULL);
}

/* The long layout (one row per value, columns named as check_header says)
 * is read as it is; a file without those columns is read through the
 * source's table mapping, when the catalogue has one (PxWeb's wide CSV). */
static int mapped_layout(table_state *t, jarva__mapping **mapping)
{
    jarva__import *imp = t->imp;
    *mapping = NULL;
    if (!imp->opts->source ||
        (t->col[T_YEAR] >= 0 && t->col[T_AREA] >= 0 && t->col[T_MEASURE] >= 0))
        return JARVA_OK;
    jarva__error err = { 0 };
    int rc = jarva__mapping_for_source(imp->db, imp->opts->catalog_dir, imp->opts->source, mapping,
                                       &err);
    jarva__freeerr(&err);
    if (rc == JARVA_ENOTFOUND || rc == JARVA_EINVAL)
        return JARVA_OK; /* the long layout's messages say what is missing */
    return rc ? jarva__seterr(jarva__db_err(imp->db), rc, "reading the table mapping of '%s'",
                              imp->opts->source)
              : JARVA_OK;
}

int jarva__import_table(jarva__import *imp)
{
    table_state t;
    memset(&t, 0, sizeof t);
    t.imp = imp;
    for (int c = 0; c < T_NCOLS; c++)
        t.col[c] = -1;
    t.percent = imp->opts->share_in_percent < 0 ? 1 : imp->opts->share_in_percent;
    t.decimal = imp->reader ? jarva__source_decimal(imp->reader) : '.';
    jarva__mapping *mapping = NULL;
    int rc = jarva__lookup_areas(imp->db, &t.areas);
    if (!rc && imp->reader) {
        for (int c = 0; c < T_NCOLS; c++)
            t.col[c] = jarva__find_column(imp->reader, column_names[c]);
        rc = mapped_layout(&t, &mapping);
    }
    if (!rc)
        rc = jarva__table_writer_open(&t.writer, imp->db, imp->batch_id);
    if (!rc && !imp->reader) {
        rc = jarva__table_read_px(imp, &t);
    } else if (!rc && mapping) {
        for (int c = 0; c < T_NCOLS; c++)
            t.col[c] = -1;
        rc = jarva__table_read_wide(imp, &t, mapping);
    } else if (!rc) {
        rc = check_header(&t);
        if (!rc)
            rc = jarva__import_each_row(imp, import_row, &t);
    }
    if (!rc && imp->rows == 0 && imp->errors.count == 0)
        jarva__import_error(&imp->errors, imp->reader, 1, -1, "no rows in the file");
    jarva__table_writer_free(t.writer);
    jarva__lookup_free(t.areas);
    jarva__lookup_free(t.measures);
    free(t.measures_survey);
    jarva__mapping_free(mapping);
    return rc;
}
