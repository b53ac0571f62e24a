/* statfile_reader.c: see statfile_internal.h. ReadStat parses on a thread
 * of its own; at the end of each case its value callback waits until the
 * importing thread has taken the case and asks for the next, so the two
 * take turns over one case buffer (a mutex and a condition variable; the
 * buffer is only touched by whichever side holds the turn). ReadStat reads
 * through I/O callbacks over the descriptor the file was hashed through. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readstat.h>

#include "csv_reader.h"
#include "input_file.h"
#include "statfile_internal.h"
#include "text_encoding.h"
#include "thread_start.h"

/* Far more than any survey export; a guard against a damaged header. */
#define MAX_VARS 32767

typedef struct label_entry {
    char *set;  /* the label set's name */
    char *code; /* as a cell would hold it */
    char *label;
} label_entry;

struct jarva__statfile {
    char *path;
    const char *kind;
    int fd, own_fd;
    uint64_t size;
    uint64_t pos; /* ReadStat's read position */

    pthread_t thread;
    int thread_started;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    /* Under mu: */
    int vars_ready, row_ready, row_taken, finished, cancel;
    jarva__error fail; /* the first error (code != 0), set by either side */

    /* Written by the parser before vars_ready, read-only after. */
    char **names, **var_labels, **var_sets;
    jarva__statfile_date *dates;
    size_t nvars, vars_cap;

    /* The case being read (the parser's turn) or handed out (the
     * importer's): text at buf + off[i], NULL cells for missing. */
    char *buf;
    size_t buf_len, buf_cap;
    size_t *off, *len;
    const char **cells;
    long case_no;

    /* Value labels by set, resolved to variables once the file is read. */
    label_entry *sets;
    size_t nsets, sets_cap;
    size_t *label_var;
    label_entry **labels;
    size_t nlabels;
};

const char *jarva__statfile_kind_of(const char *path, const unsigned char *head, size_t len)
{
    if (len >= 4 && (!memcmp(head, "$FL2", 4) || !memcmp(head, "$FL3", 4)))
        return "sav";
    static const struct {
        const char *ending, *kind;
    } endings[] = { { ".sav", "sav" }, { ".zsav", "sav" },          { ".por", "por" },
                    { ".dta", "dta" }, { ".sas7bdat", "sas7bdat" }, { ".xpt", "xpt" } };
    for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++)
        if (jarva__path_has_ending(path, endings[i].ending))
            return endings[i].kind;
    return NULL;
}

const char *jarva__statfile_kind(const char *path)
{
    unsigned char head[4];
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(head, 1, sizeof head, f) : 0;
    if (f)
        fclose(f);
    return jarva__statfile_kind_of(path, head, n);
}

/* Records the parser side's first error; the caller then aborts ReadStat. */
static void fail(jarva__statfile *f, int code, const char *fmt, ...) JARVA__PRINTF(3, 4);
static void fail(jarva__statfile *f, int code, const char *fmt, ...)
{
    pthread_mutex_lock(&f->mu);
    if (!f->fail.code) {
        va_list ap;
        va_start(ap, fmt);
        jarva__vseterr(&f->fail, code, fmt, ap);
        va_end(ap);
    }
    pthread_mutex_unlock(&f->mu);
}

/* ---- ReadStat's I/O over the descriptor the import opened ---- */

static int io_open(const char *path, void *ctx)
{
    (void)path;
    jarva__statfile *f = ctx;
    f->pos = 0;
    return f->fd;
}

static int io_close(void *ctx)
{
    (void)ctx;
    return 0; /* the descriptor is the opener's to close */
}

static readstat_off_t io_seek(readstat_off_t offset, readstat_io_flags_t whence, void *ctx)
{
    jarva__statfile *f = ctx;
    int64_t base = whence == READSTAT_SEEK_SET   ? 0
                   : whence == READSTAT_SEEK_CUR ? (int64_t)f->pos
                                                 : (int64_t)f->size;
    int64_t to = base + (int64_t)offset;
    if (to < 0)
        return -1;
    f->pos = (uint64_t)to;
    return (readstat_off_t)to;
}

static ssize_t io_read(void *buf, size_t nbyte, void *ctx)
{
    jarva__statfile *f = ctx;
    ssize_t n = pread(f->fd, buf, nbyte, (off_t)f->pos);
    if (n > 0)
        f->pos += (uint64_t)n;
    return n;
}

static readstat_error_t io_update(long file_size, readstat_progress_handler progress,
                                  void *user_ctx, void *ctx)
{
    (void)file_size, (void)progress, (void)user_ctx, (void)ctx;
    return READSTAT_OK;
}

/* ---- values as text ---- */

/* A number as the import reads numbers: whole ones without a fraction,
 * others in the fewest digits that read back to the same double, '.' as
 * the decimal mark whatever the C locale says. */
static void format_number(double v, char *out, size_t size)
{
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(out, size, "%.0f", v);
        return;
    }
    for (int precision = 15; precision <= 17; precision++) {
        snprintf(out, size, "%.*g", precision, v);
        for (char *c = out; *c; c++)
            if (*c == ',')
                *c = '.'; /* a decimal-comma locale set by the host program */
        double back;
        if (jarva__parse_double(out, '.', &back) == 0 && back == v)
            return;
    }
}

/* The value's text in out (a number) or *text (a string); NULL *text and
 * 0 for a missing value. */
static int value_text(readstat_value_t value, readstat_variable_t *var,
                      const jarva__statfile_date *date, char *out, size_t size, const char **text)
{
    *text = NULL;
    if (var && readstat_value_is_missing(value, var))
        return 0; /* system-missing, Stata's .a-.z, SPSS user-missing */
    if (!var &&
        (readstat_value_is_system_missing(value) || readstat_value_is_tagged_missing(value)))
        return 0;
    if (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING) {
        const char *s = readstat_string_value(value);
        if (!s)
            return 0;
        size_t n = strlen(s);
        while (n && s[n - 1] == ' ')
            n--; /* SPSS pads strings to their width */
        if (n == 0)
            return 0;
        *text = s;
        return (int)n;
    }
    double d = readstat_double_value(value);
    if (!isfinite(d))
        return 0;
    if (date && date->is_date && jarva__statfile_date_text(date, d, out, size) > 0) {
        *text = out;
        return (int)strlen(out);
    }
    format_number(d, out, size);
    *text = out;
    return (int)strlen(out);
}

/* ---- the parser's callbacks ---- */

static int on_variable(int index, readstat_variable_t *var, const char *val_labels, void *ctx)
{
    jarva__statfile *f = ctx;
    if (index < 0 || (size_t)index != f->nvars || f->nvars >= MAX_VARS) {
        fail(f, JARVA_EFORMAT, "%s: more than %d variables, or out of order", f->path, MAX_VARS);
        return READSTAT_HANDLER_ABORT;
    }
    if (f->nvars == f->vars_cap) {
        size_t cap = f->vars_cap ? 2 * f->vars_cap : 64;
        char **n = realloc(f->names, cap * sizeof *n);
        if (n)
            f->names = n;
        char **l = n ? realloc(f->var_labels, cap * sizeof *l) : NULL;
        if (l)
            f->var_labels = l;
        char **s = l ? realloc(f->var_sets, cap * sizeof *s) : NULL;
        if (s)
            f->var_sets = s;
        jarva__statfile_date *d = s ? realloc(f->dates, cap * sizeof *d) : NULL;
        if (!d) {
            fail(f, JARVA_ENOMEM, "out of memory");
            return READSTAT_HANDLER_ABORT;
        }
        f->dates = d;
        f->vars_cap = cap;
    }
    const char *name = readstat_variable_get_name(var);
    const char *label = readstat_variable_get_label(var);
    f->names[f->nvars] = jarva__strdup(name ? name : "");
    f->var_labels[f->nvars] = label && *label ? jarva__strdup(label) : NULL;
    f->var_sets[f->nvars] = val_labels && *val_labels ? jarva__strdup(val_labels) : NULL;
    f->dates[f->nvars] = jarva__statfile_date_kind(f->kind, readstat_variable_get_format(var));
    f->nvars++;
    /* A label or label set lost to memory would silently drop the labels. */
    if (!f->names[f->nvars - 1] || (label && *label && !f->var_labels[f->nvars - 1]) ||
        (val_labels && *val_labels && !f->var_sets[f->nvars - 1])) {
        fail(f, JARVA_ENOMEM, "out of memory");
        return READSTAT_HANDLER_ABORT;
    }
    return READSTAT_HANDLER_OK;
}

static int on_value_label(const char *set, readstat_value_t value, const char *label, void *ctx)
{
    jarva__statfile *f = ctx;
    char number[64];
    const char *code;
    int n = value_text(value, NULL, NULL, number, sizeof number, &code);
    if (!set || !label || n <= 0)
        return READSTAT_HANDLER_OK; /* a label for a missing value names no code */
    if (f->nsets == f->sets_cap) {
        size_t cap = f->sets_cap ? 2 * f->sets_cap : 64;
        label_entry *grown = cap <= 1u << 22 ? realloc(f->sets, cap * sizeof *grown) : NULL;
        if (!grown) {
            fail(f, JARVA_EFORMAT, "%s: too many value labels", f->path);
            return READSTAT_HANDLER_ABORT;
        }
        f->sets = grown;
        f->sets_cap = cap;
    }
    label_entry *e = &f->sets[f->nsets];
    e->set = jarva__strdup(set);
    e->code = jarva__strndup(code, (size_t)n);
    e->label = jarva__strdup(label);
    f->nsets++;
    if (!e->set || !e->code || !e->label) {
        fail(f, JARVA_ENOMEM, "out of memory");
        return READSTAT_HANDLER_ABORT;
    }
    return READSTAT_HANDLER_OK;
}

static void announce_vars(jarva__statfile *f)
{
    pthread_mutex_lock(&f->mu);
    f->vars_ready = 1;
    pthread_cond_broadcast(&f->cv);
    pthread_mutex_unlock(&f->mu);
}

static int add_cell(jarva__statfile *f, size_t i, const char *text, size_t n)
{
    if (f->buf_len + n + 1 > f->buf_cap) {
        size_t cap = f->buf_cap ? f->buf_cap : 1024;
        while (cap < f->buf_len + n + 1)
            cap *= 2;
        char *grown = realloc(f->buf, cap);
        if (!grown)
            return -1;
        f->buf = grown;
        f->buf_cap = cap;
    }
    f->off[i] = f->buf_len;
    f->len[i] = n;
    memcpy(f->buf + f->buf_len, text, n);
    f->buf_len += n;
    f->buf[f->buf_len++] = '\0';
    return 0;
}

static int on_value(int obs, readstat_variable_t *var, readstat_value_t value, void *ctx)
{
    jarva__statfile *f = ctx;
    int index = readstat_variable_get_index(var);
    if (!f->vars_ready) {
        f->off = calloc(f->nvars ? f->nvars : 1, sizeof *f->off);
        f->len = calloc(f->nvars ? f->nvars : 1, sizeof *f->len);
        f->cells = calloc(f->nvars ? f->nvars : 1, sizeof *f->cells);
        if (!f->off || !f->len || !f->cells) {
            fail(f, JARVA_ENOMEM, "out of memory");
            return READSTAT_HANDLER_ABORT;
        }
        announce_vars(f);
    }
    if (index < 0 || (size_t)index >= f->nvars) {
        fail(f, JARVA_EFORMAT, "%s: a value of variable %d of %zu", f->path, index, f->nvars);
        return READSTAT_HANDLER_ABORT;
    }
    if (index == 0)
        f->buf_len = 0;
    char number[64];
    const char *text;
    int n = value_text(value, var, &f->dates[index], number, sizeof number, &text);
    f->off[index] = (size_t)-1;
    f->len[index] = 0;
    if (n > 0) {
        jarva__text_error te;
        size_t first;
        if (jarva__utf8_check((const unsigned char *)text, (size_t)n, &te, &first) != (size_t)n ||
            te != JARVA__TEXT_OK) {
            fail(f, JARVA_EFORMAT, "%s: row %d, variable %s: the text is not valid UTF-8", f->path,
                 obs + 1, f->names[index]);
            return READSTAT_HANDLER_ABORT;
        }
        if (add_cell(f, (size_t)index, text, (size_t)n)) {
            fail(f, JARVA_ENOMEM, "out of memory");
            return READSTAT_HANDLER_ABORT;
        }
    }
    if ((size_t)index + 1 < f->nvars)
        return READSTAT_HANDLER_OK;
    /* The case is complete: hand it over and wait for the next turn. */
    pthread_mutex_lock(&f->mu);
    f->case_no = (long)obs + 1;
    f->row_ready = 1;
    f->row_taken = 0;
    pthread_cond_broadcast(&f->cv);
    while (f->row_ready && !f->cancel)
        pthread_cond_wait(&f->cv, &f->mu);
    int cancel = f->cancel;
    pthread_mutex_unlock(&f->mu);
    return cancel ? READSTAT_HANDLER_ABORT : READSTAT_HANDLER_OK;
}

static const char *format_title(const char *kind)
{
    if (!strcmp(kind, "sav") || !strcmp(kind, "por"))
        return "an SPSS file";
    if (!strcmp(kind, "dta"))
        return "a Stata file";
    return "a SAS file";
}

/* ReadStat's message made fit to show: it may quote the file's bytes (any
 * encoding: each byte of bad UTF-8 or control character becomes '?'), name
 * itself again, and end in "(retval = 2): Success (errno = 0)". */
static void clean_message(const char *message, char *out, size_t size)
{
    if (!strncmp(message, "ReadStat: ", 10))
        message += 10;
    size_t n = strlen(message);
    const char *tail = strstr(message, " (retval = ");
    if (tail)
        n = (size_t)(tail - message);
    while (n && (message[n - 1] == '\n' || message[n - 1] == ' '))
        n--;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        jarva__text_error e;
        size_t first;
        size_t ok = jarva__utf8_check((const unsigned char *)message + i, n - i, &e, &first);
        if (o + ok + 2 > size)
            break; /* whole characters only */
        for (size_t k = 0; k < ok; k++, i++)
            out[o++] = (unsigned char)message[i] < 0x20 ? '?' : message[i];
        if (i < n) {
            out[o++] = '?'; /* the byte the check stopped at */
            i++;
        }
    }
    out[o] = '\0';
}

static void on_error(const char *message, void *ctx)
{
    jarva__statfile *f = ctx;
    char clean[512];
    clean_message(message, clean, sizeof clean);
    fail(f, JARVA_EFORMAT, "%s: not readable as %s (ReadStat: %s)", f->path, format_title(f->kind),
         clean);
}

static void *parse_thread(void *arg)
{
    jarva__statfile *f = arg;
    readstat_parser_t *p = readstat_parser_init();
    readstat_error_t rc = READSTAT_ERROR_MALLOC;
    if (p) {
        readstat_set_variable_handler(p, on_variable);
        readstat_set_value_handler(p, on_value);
        readstat_set_value_label_handler(p, on_value_label);
        readstat_set_error_handler(p, on_error);
        readstat_set_open_handler(p, io_open);
        readstat_set_close_handler(p, io_close);
        readstat_set_seek_handler(p, io_seek);
        readstat_set_read_handler(p, io_read);
        readstat_set_update_handler(p, io_update);
        readstat_set_io_ctx(p, f);
        if (!strcmp(f->kind, "sav"))
            rc = readstat_parse_sav(p, f->path, f);
        else if (!strcmp(f->kind, "por"))
            rc = readstat_parse_por(p, f->path, f);
        else if (!strcmp(f->kind, "dta"))
            rc = readstat_parse_dta(p, f->path, f);
        else if (!strcmp(f->kind, "sas7bdat"))
            rc = readstat_parse_sas7bdat(p, f->path, f);
        else
            rc = readstat_parse_xport(p, f->path, f);
        readstat_parser_free(p);
    }
    pthread_mutex_lock(&f->mu);
    if (rc != READSTAT_OK && !f->fail.code && !f->cancel)
        jarva__seterr(&f->fail, rc == READSTAT_ERROR_MALLOC ? JARVA_ENOMEM : JARVA_EFORMAT,
                      "%s: not readable as %s (ReadStat: %s)", f->path, format_title(f->kind),
                      readstat_error_message(rc));
    f->finished = 1;
    f->vars_ready = 1;
    pthread_cond_broadcast(&f->cv);
    pthread_mutex_unlock(&f->mu);
    return NULL;
}

/* ---- the importer's side ---- */

int jarva__statfile_open_fd(jarva__statfile **out, int fd, uint64_t size, const char *path,
                            jarva__error *err)
{
    *out = NULL;
    jarva__statfile *f = calloc(1, sizeof *f);
    if (!f || !(f->path = jarva__strdup(path))) {
        free(f);
        return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    }
    f->fd = fd;
    f->size = size;
    pthread_mutex_init(&f->mu, NULL);
    pthread_cond_init(&f->cv, NULL);
    f->kind = jarva__statfile_kind(path);
    if (!f->kind)
        f->kind = "sav";
    int rc = JARVA_OK;
    if (jarva__thread_start(&f->thread, parse_thread, f) != 0)
        rc = jarva__seterr(err, JARVA_ENOMEM, "%s: cannot start a thread to read it", path);
    else
        f->thread_started = 1;
    if (rc == JARVA_OK) {
        pthread_mutex_lock(&f->mu);
        while (!f->vars_ready)
            pthread_cond_wait(&f->cv, &f->mu);
        if (f->fail.code)
            rc = jarva__seterr(err, f->fail.code, "%s", f->fail.message);
        else if (f->nvars == 0)
            rc = jarva__seterr(err, JARVA_EFORMAT, "%s: no variables", path);
        pthread_mutex_unlock(&f->mu);
    }
    if (rc) {
        jarva__statfile_close(f);
        return rc;
    }
    *out = f;
    return JARVA_OK;
}

int jarva__statfile_open(jarva__statfile **out, const char *path, jarva__error *err)
{
    int fd;
    jarva__input_stat st;
    *out = NULL;
    int rc = jarva__input_open(path, 0, &fd, &st, err);
    if (rc)
        return rc;
    rc = jarva__statfile_open_fd(out, fd, st.size, path, err);
    if (rc) {
        close(fd);
        return rc;
    }
    (*out)->own_fd = 1;
    return JARVA_OK;
}

/* Every label of a variable's set, once the whole file is read. */
static int resolve_labels(jarva__statfile *f)
{
    size_t n = 0;
    for (size_t v = 0; v < f->nvars; v++)
        for (size_t s = 0; f->var_sets[v] && s < f->nsets; s++)
            n += !strcmp(f->sets[s].set, f->var_sets[v]);
    f->labels = malloc((n ? n : 1) * sizeof *f->labels);
    f->label_var = malloc((n ? n : 1) * sizeof *f->label_var);
    if (!f->labels || !f->label_var)
        return -1;
    for (size_t v = 0; v < f->nvars; v++)
        for (size_t s = 0; f->var_sets[v] && s < f->nsets; s++)
            if (!strcmp(f->sets[s].set, f->var_sets[v])) {
                f->labels[f->nlabels] = &f->sets[s];
                f->label_var[f->nlabels++] = v;
            }
    return 0;
}

int jarva__statfile_next(jarva__statfile *f, jarva__statfile_row *row, jarva__error *err)
{
    pthread_mutex_lock(&f->mu);
    if (f->row_taken) { /* the case handed out last time: the parser's turn */
        f->row_taken = 0;
        f->row_ready = 0;
        pthread_cond_broadcast(&f->cv);
    }
    while (!f->row_ready && !f->finished && !f->fail.code)
        pthread_cond_wait(&f->cv, &f->mu);
    int rc;
    if (f->fail.code) {
        rc = jarva__seterr(err, f->fail.code, "%s", f->fail.message);
    } else if (f->row_ready) {
        f->row_taken = 1;
        rc = 1;
    } else {
        rc = 0;
    }
    pthread_mutex_unlock(&f->mu);
    if (rc == 1) {
        for (size_t i = 0; i < f->nvars; i++)
            f->cells[i] = f->off[i] == (size_t)-1 ? NULL : f->buf + f->off[i];
        row->cells = f->cells;
        row->lengths = f->len;
        row->case_no = f->case_no;
    } else if (rc == 0 && !f->labels && resolve_labels(f)) {
        rc = jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    }
    return rc;
}

size_t jarva__statfile_nvars(const jarva__statfile *f)
{
    return f->nvars;
}

const char *jarva__statfile_var_name(const jarva__statfile *f, size_t i)
{
    return i < f->nvars ? f->names[i] : NULL;
}

const char *jarva__statfile_var_label(const jarva__statfile *f, size_t i)
{
    return i < f->nvars ? f->var_labels[i] : NULL;
}

const char *jarva__statfile_format(const jarva__statfile *f)
{
    return f->kind;
}

size_t jarva__statfile_nlabels(const jarva__statfile *f)
{
    return f->labels ? f->nlabels : 0;
}

void jarva__statfile_label(const jarva__statfile *f, size_t i, size_t *var, const char **code,
                           const char **label)
{
    *var = f->label_var[i];
    *code = f->labels[i]->code;
    *label = f->labels[i]->label;
}

uint64_t jarva__statfile_bytes_read(const jarva__statfile *f)
{
    return f->pos; /* read by the parser; a progress figure, not exact */
}

uint64_t jarva__statfile_bytes_total(const jarva__statfile *f)
{
    return f->size;
}

void jarva__statfile_close(jarva__statfile *f)
{
    if (!f)
        return;
    if (f->thread_started) {
        pthread_mutex_lock(&f->mu);
        f->cancel = 1;
        pthread_cond_broadcast(&f->cv);
        pthread_mutex_unlock(&f->mu);
        pthread_join(f->thread, NULL);
    }
    if (f->own_fd)
        close(f->fd);
    for (size_t i = 0; i < f->nvars; i++) {
        free(f->names[i]);
        free(f->var_labels[i]);
        free(f->var_sets[i]);
    }
    for (size_t i = 0; i < f->nsets; i++) {
        free(f->sets[i].set);
        free(f->sets[i].code);
        free(f->sets[i].label);
    }
    free(f->names);
    free(f->var_labels);
    free(f->var_sets);
    free(f->dates);
    free(f->sets);
    free(f->labels);
    free(f->label_var);
    free(f->buf);
    free(f->off);
    free(f->len);
    free(f->cells);
    jarva__freeerr(&f->fail);
    pthread_mutex_destroy(&f->mu);
    pthread_cond_destroy(&f->cv);
    free(f->path);
    free(f);
}
