/* import_source.c: the row source of an import (import_source.h) over the
 * three readers: csv/ (which keeps its own header and positions), xlsx/ and
 * statfile/, whose header this file takes from the first row or from the
 * variables, with the CSV reader's rules for names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "file_hash.h"
#include "import_source.h"
#include "input_file.h"
#include "statfile_internal.h"
#include "xlsx_internal.h"

struct jarva__row_source {
    jarva__source_format format;
    char *path;
    int fd; /* the formats other than CSV (whose reader owns it) */
    jarva__input_stat st;
    jarva__csv_reader *csv;
    jarva__xlsx *xlsx;
    jarva__statfile *stat;
    /* Workbooks: the header row and the fields handed out, padded to its
     * width. */
    jarva__csv_row header;
    char **names;
    size_t *name_lens;
    const char **fields;
    size_t *lengths;
};

/* Each reader says which files are its own (xlsx_internal.h,
 * statfile_internal.h); a workbook first, as a zip archive's bytes are
 * surer than a name's ending. */
jarva__source_format jarva__source_detect(const char *path, const unsigned char *head,
                                          size_t head_len)
{
    if (jarva__xlsx_sniff(path, head, head_len))
        return JARVA__FORMAT_XLSX;
    if (jarva__statfile_kind_of(path, head, head_len))
        return JARVA__FORMAT_STATFILE;
    return JARVA__FORMAT_CSV;
}

/* Leading and trailing ASCII spaces and tabs off, as the CSV reader trims
 * header names. */
static const char *trim(const char *s, size_t *len)
{
    size_t n = strlen(s);
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    *len = n;
    return s;
}

/* The header of a workbook: its first row with a value. Trailing unnamed
 * columns are dropped (Excel's formatted but empty cells); a name twice is
 * an error at the second. */
static int take_header(jarva__row_source *s, const jarva__xlsx_row *row, jarva__error *err)
{
    size_t width = row->ncells;
    while (width && !row->cells[width - 1])
        width--;
    s->names = calloc(width ? width : 1, sizeof *s->names);
    s->name_lens = calloc(width ? width : 1, sizeof *s->name_lens);
    s->fields = calloc(width ? width : 1, sizeof *s->fields);
    s->lengths = calloc(width ? width : 1, sizeof *s->lengths);
    if (!s->names || !s->name_lens || !s->fields || !s->lengths)
        return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    s->header.nfields = width;
    for (size_t i = 0; i < width; i++) {
        if (!row->cells[i])
            continue;
        size_t len;
        const char *name = trim(row->cells[i], &len);
        if (!(s->names[i] = jarva__strndup(name, len)))
            return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
        s->name_lens[i] = len;
        for (size_t k = 0; k < i; k++) {
            if (s->names[k] && len && s->name_lens[k] == len && !memcmp(s->names[k], name, len)) {
                char cell[32];
                jarva__xlsx_cell_name(cell, sizeof cell, row->row, i);
                return jarva__seterr(err, JARVA_EFORMAT,
                                     "%s:%s!%s: column '%s' comes twice (first in column %zu)",
                                     s->path, jarva__xlsx_sheet(s->xlsx), cell, s->names[i], k + 1);
            }
        }
    }
    s->header.fields = (const char *const *)s->names;
    s->header.lengths = s->name_lens;
    s->header.line = row->row;
    return JARVA_OK;
}

/* The header of a statistics file: its variables' names (unique there). */
static int take_variables(jarva__row_source *s, jarva__error *err)
{
    size_t n = jarva__statfile_nvars(s->stat);
    s->names = calloc(n, sizeof *s->names);
    s->name_lens = calloc(n, sizeof *s->name_lens);
    s->fields = calloc(n, sizeof *s->fields);
    s->lengths = calloc(n, sizeof *s->lengths);
    if (!s->names || !s->name_lens || !s->fields || !s->lengths)
        return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    s->header.nfields = n;
    for (size_t i = 0; i < n; i++) {
        if (!(s->names[i] = jarva__strdup(jarva__statfile_var_name(s->stat, i))))
            return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
        s->name_lens[i] = strlen(s->names[i]);
    }
    s->header.fields = (const char *const *)s->names;
    s->header.lengths = s->name_lens;
    s->header.line = 1;
    return JARVA_OK;
}

int jarva__source_open(jarva__row_source **out, int fd, const struct jarva__input_stat *st,
                       const char *path, const jarva__csv_dialect *dialect, const char *sheet,
                       jarva__error *err)
{
    *out = NULL;
    jarva__row_source *s = calloc(1, sizeof *s);
    if (!s || !(s->path = jarva__strdup(path))) {
        free(s);
        close(fd);
        return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    }
    s->fd = -1;
    unsigned char head[8];
    ssize_t head_len = pread(fd, head, sizeof head, 0);
    s->format = jarva__source_detect(path, head, head_len > 0 ? (size_t)head_len : 0);
    int rc = JARVA_OK;
    if (s->format == JARVA__FORMAT_CSV) {
        rc = jarva__csv_open_fd(&s->csv, fd, st, path, dialect, err);
    } else if (s->format == JARVA__FORMAT_STATFILE) {
        s->fd = fd;
        s->st = *st;
        rc = jarva__statfile_open_fd(&s->stat, fd, st->size, path, err);
        if (!rc)
            rc = take_variables(s, err);
    } else {
        s->fd = fd;
        s->st = *st;
        rc = jarva__xlsx_open_fd(&s->xlsx, fd, path, sheet, err);
        jarva__xlsx_row row;
        int got = rc ? -1 : jarva__xlsx_next(s->xlsx, &row, err);
        if (got == 0)
            rc = jarva__seterr(err, JARVA_EFORMAT, "%s:%s: the sheet is empty", path,
                               jarva__xlsx_sheet(s->xlsx));
        else if (got < 0 && !rc)
            rc = err->code ? err->code : JARVA_EFORMAT;
        if (!rc)
            rc = take_header(s, &row, err);
    }
    if (rc) {
        jarva__source_close(s);
        return rc;
    }
    *out = s;
    return JARVA_OK;
}

static int next_xlsx(jarva__row_source *s, jarva__csv_row *row, jarva__error *err)
{
    jarva__xlsx_row raw;
    int got = jarva__xlsx_next(s->xlsx, &raw, err);
    if (got <= 0)
        return got;
    size_t width = s->header.nfields;
    for (size_t c = width; c < raw.ncells; c++) {
        if (raw.cells[c]) {
            char cell[32];
            jarva__xlsx_cell_name(cell, sizeof cell, raw.row, c);
            return jarva__seterr(err, JARVA_EFORMAT,
                                 "%s:%s!%s: a value in a column without a name in the header "
                                 "(row %ld)",
                                 s->path, jarva__xlsx_sheet(s->xlsx), cell, s->header.line);
        }
    }
    for (size_t c = 0; c < width; c++) {
        s->fields[c] = c < raw.ncells ? raw.cells[c] : NULL;
        s->lengths[c] = c < raw.ncells && raw.cells[c] ? raw.lengths[c] : 0;
    }
    row->nfields = width;
    row->fields = s->fields;
    row->lengths = s->lengths;
    row->line = raw.row;
    return 1;
}

static int next_case(jarva__row_source *s, jarva__csv_row *row, jarva__error *err)
{
    jarva__statfile_row raw;
    int got = jarva__statfile_next(s->stat, &raw, err);
    if (got <= 0)
        return got;
    row->nfields = s->header.nfields;
    row->fields = raw.cells;
    row->lengths = raw.lengths;
    row->line = raw.case_no + 1; /* the header is "line 1", as in a CSV export */
    return 1;
}

int jarva__source_next(jarva__row_source *s, jarva__csv_row *row, jarva__error *err)
{
    if (s->csv)
        return jarva__csv_next(s->csv, row, err);
    if (s->stat)
        return next_case(s, row, err);
    return next_xlsx(s, row, err);
}

const jarva__csv_row *jarva__source_header(const jarva__row_source *s)
{
    return s->csv ? jarva__csv_header(s->csv) : &s->header;
}

int jarva__source_column(const jarva__row_source *s, const char *name)
{
    if (s->csv)
        return jarva__csv_column(s->csv, name);
    if (!name)
        return -1;
    size_t want_len;
    const char *want = trim(name, &want_len);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < s->header.nfields; i++)
            if (s->names[i] && s->name_lens[i] == want_len &&
                (pass == 0 ? !memcmp(s->names[i], want, want_len)
                           : jarva__ascii_nocase_equal(s->names[i], want, want_len)))
                return (int)i;
    return -1;
}

char jarva__source_decimal(const jarva__row_source *s)
{
    return s->csv ? jarva__csv_dialect_used(s->csv)->decimal : '.';
}

jarva__source_format jarva__source_format_of(const jarva__row_source *s)
{
    return s->format;
}

const char *jarva__source_path(const jarva__row_source *s)
{
    return s->path;
}

void jarva__source_where(const jarva__row_source *s, long line, int col, char *buf, size_t size)
{
    const jarva__csv_row *h = jarva__source_header(s);
    const char *name = h && col >= 0 && (size_t)col < h->nfields ? h->fields[col] : NULL;
    /* Callers say line 1 for the header; after Excel's `sep=;` line, blank
     * lines or title rows the header is further down, and the message must
     * name its line. */
    if (line == 1 && h && h->line > 1)
        line = h->line;
    if (s->stat) { /* cases and variables, as SPSS names them */
        if (line <= 1 && col < 0)
            snprintf(buf, size, "%s", s->path);
        else if (col < 0 || !name)
            snprintf(buf, size, "%s: row %ld", s->path, line - 1);
        else
            snprintf(buf, size, "%s: row %ld, variable %s", s->path, line - 1, name);
        return;
    }
    if (s->xlsx) {
        const char *sheet = jarva__xlsx_sheet(s->xlsx);
        if (col < 0) { /* a whole row, as Excel writes it: Blad1!12:12 */
            snprintf(buf, size, "%s:%s!%ld:%ld", s->path, sheet, line, line);
            return;
        }
        char cell[32];
        jarva__xlsx_cell_name(cell, sizeof cell, line, (size_t)col);
        if (name)
            snprintf(buf, size, "%s:%s!%s (%s)", s->path, sheet, cell, name);
        else
            snprintf(buf, size, "%s:%s!%s", s->path, sheet, cell);
        return;
    }
    if (col >= 0 && name)
        snprintf(buf, size, "%s:%ld:%d (%s)", s->path, line, col + 1, name);
    else if (col >= 0)
        snprintf(buf, size, "%s:%ld:%d", s->path, line, col + 1);
    else
        snprintf(buf, size, "%s:%ld", s->path, line);
}

void jarva__source_options_text(const jarva__row_source *s, char *buf, size_t size)
{
    if (s->xlsx) {
        snprintf(buf, size, "format=xlsx;sheet=%s", jarva__xlsx_sheet(s->xlsx));
        return;
    }
    if (s->stat) {
        snprintf(buf, size, "format=%s", jarva__statfile_format(s->stat));
        return;
    }
    static const char *const encodings[] = { "auto", "utf-8", "windows-1252", "utf-16le",
                                             "utf-16be" };
    const jarva__csv_dialect *d = jarva__csv_dialect_used(s->csv);
    snprintf(buf, size, "delimiter=%s;decimal=%c;encoding=%s",
             d->delimiter == '\t' ? "tab" : (d->delimiter == ';' ? ";" : ","), d->decimal,
             encodings[d->encoding]);
}

uint64_t jarva__source_bytes_read(const jarva__row_source *s)
{
    if (s->stat)
        return jarva__statfile_bytes_read(s->stat);
    return s->csv ? jarva__csv_bytes_read(s->csv) : jarva__xlsx_bytes_read(s->xlsx);
}

uint64_t jarva__source_bytes_total(const jarva__row_source *s)
{
    if (s->stat)
        return jarva__statfile_bytes_total(s->stat);
    return s->csv ? jarva__csv_bytes_total(s->csv) : jarva__xlsx_bytes_total(s->xlsx);
}

int jarva__source_final_hash(jarva__row_source *s, char out[65], jarva__error *err)
{
    if (s->csv)
        return jarva__csv_final_hash(s->csv, out, err);
    return jarva__file_hash_whole(s->fd, s->path, &s->st, out, err);
}

size_t jarva__source_nlabels(const jarva__row_source *s)
{
    return s->stat ? jarva__statfile_nlabels(s->stat) : 0;
}

void jarva__source_label(const jarva__row_source *s, size_t i, const char **column,
                         const char **code, const char **label)
{
    size_t var;
    jarva__statfile_label(s->stat, i, &var, code, label);
    *column = s->names[var];
}

const char *jarva__source_column_label(const jarva__row_source *s, size_t col)
{
    return s->stat ? jarva__statfile_var_label(s->stat, col) : NULL;
}

jarva__csv_reader *jarva__source_csv(jarva__row_source *s)
{
    return s ? s->csv : NULL;
}

void jarva__source_close(jarva__row_source *s)
{
    if (!s)
        return;
    jarva__csv_close(s->csv);
    jarva__xlsx_close(s->xlsx);
    jarva__statfile_close(s->stat);
    if (s->fd >= 0)
        close(s->fd);
    for (size_t i = 0; s->names && i < s->header.nfields; i++)
        free(s->names[i]);
    free(s->names);
    free(s->name_lens);
    free(s->fields);
    free(s->lengths);
    free(s->path);
    free(s);
}
