/* make_statfiles.c: the fixtures of tests/cli/test_formats.sh that R's
 * haven cannot write, written with ReadStat's own writer (Debian
 * libreadstat-dev, which the library links anyway), committed so that CI
 * needs none of this. Run from the repository root:
 *
 *     cc -o /tmp/make_statfiles tests/data/formats/make_statfiles.c -lreadstat
 *     /tmp/make_statfiles
 *
 * trygghetsenkat-2025.por and .xpt: the survey wave of trygghetsenkat-2025.sav
 * (make_sav.R) copied value by value, with its variable and value labels (the
 * transport file has no value labels). The portable format allows names of
 * eight upper-case characters only, so aldersgrupp is ALDERSGR there.
 *
 * aktivitetslogg.{sav,dta,sas7bdat}: examples/data/simulerade-aktivitetslogg-
 * 2019-2025.csv with its three date columns stored as each format stores
 * dates (SPSS: seconds since 1582-10-14 shown as DATE11; Stata: days since
 * 1960 shown as %td; SAS: days since 1960 shown as YYMMDD10), count and reach
 * as numbers, the rest as text. aktivitetslogg-days.dta: the same without
 * the date format, so that its dates are plain day counts. */
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readstat.h>

#define MAX_VARS 64
#define MAX_ROWS 4096
#define MAX_LABELS 256

typedef struct {
    char name[64], label[256], format[64], set[64];
    readstat_type_t type;
    size_t width;
} var_t;
typedef struct {
    char set[64], label[128];
    double value;
} label_t;

static var_t vars[MAX_VARS];
static int nvars;
static long nrows;
static double *numbers; /* nrows x nvars */
static char **strings;  /* nrows x nvars, NULL for a missing value */
static label_t labels[MAX_LABELS];
static int nlabels;

static void die(const char *what)
{
    fprintf(stderr, "make_statfiles: %s\n", what);
    exit(1);
}

/* ---- reading the .sav ---- */

static int on_variable(int i, readstat_variable_t *v, const char *set, void *ctx)
{
    (void)ctx;
    if (i >= MAX_VARS)
        die("too many variables");
    var_t *o = &vars[i];
    snprintf(o->name, sizeof o->name, "%s", readstat_variable_get_name(v));
    const char *l = readstat_variable_get_label(v);
    snprintf(o->label, sizeof o->label, "%s", l ? l : "");
    const char *f = readstat_variable_get_format(v);
    snprintf(o->format, sizeof o->format, "%s", f ? f : "");
    snprintf(o->set, sizeof o->set, "%s", set ? set : "");
    o->type = readstat_variable_get_type(v);
    o->width = readstat_variable_get_storage_width(v);
    nvars = i + 1;
    return READSTAT_HANDLER_OK;
}

static int on_value(int obs, readstat_variable_t *v, readstat_value_t value, void *ctx)
{
    (void)ctx;
    int i = readstat_variable_get_index(v);
    if (obs >= MAX_ROWS)
        die("too many rows");
    if (obs + 1 > nrows)
        nrows = obs + 1;
    size_t k = (size_t)obs * MAX_VARS + (size_t)i;
    if (readstat_value_is_system_missing(value))
        return READSTAT_HANDLER_OK;
    if (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING) {
        const char *s = readstat_string_value(value);
        strings[k] = s && *s ? strdup(s) : NULL;
    } else {
        numbers[k] = readstat_double_value(value);
        strings[k] = strdup(""); /* present */
    }
    return READSTAT_HANDLER_OK;
}

static int on_label(const char *set, readstat_value_t value, const char *label, void *ctx)
{
    (void)ctx;
    if (nlabels >= MAX_LABELS)
        die("too many value labels");
    label_t *o = &labels[nlabels++];
    snprintf(o->set, sizeof o->set, "%s", set);
    snprintf(o->label, sizeof o->label, "%s", label);
    o->value = readstat_double_value(value);
    return READSTAT_HANDLER_OK;
}

static void read_sav(const char *path)
{
    readstat_parser_t *p = readstat_parser_init();
    readstat_set_variable_handler(p, on_variable);
    readstat_set_value_handler(p, on_value);
    readstat_set_value_label_handler(p, on_label);
    if (readstat_parse_sav(p, path, NULL) != READSTAT_OK)
        die("cannot read the .sav");
    readstat_parser_free(p);
}

/* ---- writing ---- */

static ssize_t write_bytes(const void *data, size_t len, void *ctx)
{
    return write(*(int *)ctx, data, len);
}

static int open_out(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        die(path);
    return fd;
}

static void check(readstat_error_t e, const char *what)
{
    if (e != READSTAT_OK) {
        fprintf(stderr, "make_statfiles: %s: %s\n", what, readstat_error_message(e));
        exit(1);
    }
}

typedef enum { POR, XPT } copy_format;

/* The portable format's character set, as ReadStat writes it, has no en
 * dash, å, ä or ö: "Akalla 16–29 år" becomes "Akalla 16-29 ar". */
static const char *portable(const char *s)
{
    static char buf[512];
    static const char *const utf8[] = { "\xe2\x80\x93", "\xc3\xa5", "\xc3\xa4", "\xc3\xb6",
                                        "\xc3\x85",     "\xc3\x84", "\xc3\x96" };
    static const char to[] = { '-', 'a', 'a', 'o', 'A', 'A', 'O' };
    size_t n = 0;
    while (*s && n + 1 < sizeof buf) {
        int done = 0;
        for (size_t k = 0; k < sizeof to; k++) {
            size_t len = strlen(utf8[k]);
            if (!strncmp(s, utf8[k], len)) {
                buf[n++] = to[k];
                s += len;
                done = 1;
                break;
            }
        }
        if (!done)
            buf[n++] = *s++;
    }
    buf[n] = '\0';
    return buf;
}

static void write_survey(const char *path, copy_format fmt)
{
    int fd = open_out(path);
    readstat_writer_t *w = readstat_writer_init();
    readstat_set_data_writer(w, write_bytes);
    readstat_writer_set_file_label(w, "Trygghetsenkat 2025 (simulerad)");
    readstat_variable_t *out[MAX_VARS];
    for (int i = 0; i < nvars; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s", vars[i].name);
        if (fmt == POR) {
            name[8] = '\0'; /* as SPSS shortens long names in a portable file */
            for (char *c = name; *c; c++)
                *c = (char)toupper((unsigned char)*c);
        }
        size_t width = 0;
        if (vars[i].type == READSTAT_TYPE_STRING)
            for (long r = 0; r < nrows; r++) {
                const char *s = strings[r * MAX_VARS + i];
                if (s && strlen(s) > width)
                    width = strlen(s);
            }
        /* Numbers in 8 bytes: the transport format would take fewer. */
        out[i] = readstat_add_variable(
            w, name, vars[i].type, vars[i].type == READSTAT_TYPE_STRING ? (width ? width : 1) : 8);
        if (vars[i].label[0])
            readstat_variable_set_label(out[i],
                                        fmt == POR ? portable(vars[i].label) : vars[i].label);
        if (fmt == POR && vars[i].set[0] && vars[i].type != READSTAT_TYPE_STRING) {
            readstat_label_set_t *set = readstat_add_label_set(w, READSTAT_TYPE_DOUBLE, name);
            for (int l = 0; l < nlabels; l++)
                if (!strcmp(labels[l].set, vars[i].set))
                    readstat_label_double_value(set, labels[l].value, portable(labels[l].label));
            readstat_variable_set_label_set(out[i], set);
        }
    }
    if (fmt == POR)
        check(readstat_begin_writing_por(w, &fd, nrows), path);
    else {
        readstat_writer_set_file_format_version(w, 8); /* long names */
        readstat_writer_set_table_name(w, "TRYGGHET");
        check(readstat_begin_writing_xport(w, &fd, nrows), path);
    }
    for (long r = 0; r < nrows; r++) {
        check(readstat_begin_row(w), "row");
        for (int i = 0; i < nvars; i++) {
            const char *s = strings[r * MAX_VARS + i];
            if (!s)
                check(readstat_insert_missing_value(w, out[i]), "missing value");
            else if (vars[i].type == READSTAT_TYPE_STRING)
                check(readstat_insert_string_value(w, out[i], fmt == POR ? portable(s) : s),
                      "string value");
            else
                check(readstat_insert_double_value(w, out[i], numbers[r * MAX_VARS + i]), "number");
        }
        check(readstat_end_row(w), "row");
    }
    check(readstat_end_writing(w), path);
    readstat_writer_free(w);
    close(fd);
}

/* ---- the activity log ---- */

#define ACT_COLS 10
static char *act[MAX_ROWS][ACT_COLS];
static long act_rows;
static const char *act_names[ACT_COLS];

static void read_activities(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die(path);
    char line[4096];
    long r = -1;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *p = line;
        for (int c = 0; c < ACT_COLS; c++) {
            char *comma = strchr(p, ',');
            if (comma)
                *comma = '\0';
            if (r < 0)
                act_names[c] = strdup(p);
            else
                act[r][c] = *p ? strdup(p) : NULL;
            p = comma ? comma + 1 : p + strlen(p);
        }
        if (++r >= MAX_ROWS)
            die("too many activities");
    }
    fclose(f);
    act_rows = r;
}

/* Days since 1970-01-01 of an ISO date (Howard Hinnant's days_from_civil). */
static long days_1970(const char *iso)
{
    int y, m, d;
    if (sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3)
        die("a date that is not ISO");
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + (unsigned)d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

typedef enum { SAV, DTA, SAS, DTA_NO_FORMAT } act_format;

static int is_date_col(int c)
{
    return !strcmp(act_names[c], "date") || !strcmp(act_names[c], "planned") ||
           !strcmp(act_names[c], "delivered");
}

static int is_number_col(int c)
{
    return !strcmp(act_names[c], "count") || !strcmp(act_names[c], "reach");
}

static void write_activities(const char *path, act_format fmt)
{
    int fd = open_out(path);
    readstat_writer_t *w = readstat_writer_init();
    readstat_set_data_writer(w, write_bytes);
    readstat_writer_set_file_label(w, "Aktivitetslogg 2019-2025 (simulerad)");
    readstat_variable_t *out[ACT_COLS];
    for (int c = 0; c < ACT_COLS; c++) {
        if (is_date_col(c) || is_number_col(c)) {
            out[c] = readstat_add_variable(w, act_names[c], READSTAT_TYPE_DOUBLE, 0);
            if (is_date_col(c) && fmt != DTA_NO_FORMAT)
                readstat_variable_set_format(out[c], fmt == SAV   ? "DATE11"
                                                     : fmt == DTA ? "%td"
                                                                  : "YYMMDD10");
        } else {
            size_t width = 1;
            for (long r = 0; r < act_rows; r++)
                if (act[r][c] && strlen(act[r][c]) > width)
                    width = strlen(act[r][c]);
            out[c] = readstat_add_variable(w, act_names[c], READSTAT_TYPE_STRING, width);
        }
    }
    if (fmt == SAV)
        check(readstat_begin_writing_sav(w, &fd, act_rows), path);
    else if (fmt == DTA || fmt == DTA_NO_FORMAT) {
        readstat_writer_set_file_format_version(w, 118); /* UTF-8 */
        check(readstat_begin_writing_dta(w, &fd, act_rows), path);
    } else
        check(readstat_begin_writing_sas7bdat(w, &fd, act_rows), path);
    for (long r = 0; r < act_rows; r++) {
        check(readstat_begin_row(w), "row");
        for (int c = 0; c < ACT_COLS; c++) {
            const char *v = act[r][c];
            if (!v)
                check(readstat_insert_missing_value(w, out[c]), "missing");
            else if (is_date_col(c)) {
                long days = days_1970(v);
                double stored =
                    fmt == SAV ? (double)(days + 141428) * 86400.0 : (double)(days + 3653);
                check(readstat_insert_double_value(w, out[c], stored), "date");
            } else if (is_number_col(c))
                check(readstat_insert_double_value(w, out[c], atof(v)), "number");
            else
                check(readstat_insert_string_value(w, out[c], v), "text");
        }
        check(readstat_end_row(w), "row");
    }
    check(readstat_end_writing(w), path);
    readstat_writer_free(w);
    close(fd);
}

int main(void)
{
    const char *dir = "tests/data/formats";
    char path[512];
    numbers = calloc((size_t)MAX_ROWS * MAX_VARS, sizeof *numbers);
    strings = calloc((size_t)MAX_ROWS * MAX_VARS, sizeof *strings);
    if (!numbers || !strings)
        die("out of memory");
    snprintf(path, sizeof path, "%s/trygghetsenkat-2025.sav", dir);
    read_sav(path);
    snprintf(path, sizeof path, "%s/trygghetsenkat-2025.por", dir);
    write_survey(path, POR);
    snprintf(path, sizeof path, "%s/trygghetsenkat-2025.xpt", dir);
    write_survey(path, XPT);

    read_activities("examples/data/simulerade-aktivitetslogg-2019-2025.csv");
    snprintf(path, sizeof path, "%s/aktivitetslogg.sav", dir);
    write_activities(path, SAV);
    snprintf(path, sizeof path, "%s/aktivitetslogg.dta", dir);
    write_activities(path, DTA);
    snprintf(path, sizeof path, "%s/aktivitetslogg.sas7bdat", dir);
    write_activities(path, SAS);
    snprintf(path, sizeof path, "%s/aktivitetslogg-days.dta", dir);
    write_activities(path, DTA_NO_FORMAT);
    return 0;
}
