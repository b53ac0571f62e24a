/* import_table_px.c: published tables as statistics databases deliver them,
 * PC-Axis PX files and PxWeb's wide CSV (years or measures as columns), read
 * through the source's table mapping (indicators/sources/<source>.csv: which
 * variable holds the area, the year and the measure, and how the table's
 * texts map to areas and indicators) and fed to import_table.c as long rows,
 * so that they meet the very checks a long CSV meets. In both, "-" is zero
 * and one to six dots are no value, as PX and PxWeb write them (PX file
 * format 2013, "Data in the PX file"). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import_internal.h"
#include "catalog_internal.h"
#include "px_internal.h"
#include "sha256.h"

enum { UNIT_PERCENT, UNIT_PROPORTION, UNIT_COUNT };
enum { ROLE_AREA, ROLE_YEAR, ROLE_MEASURE, ROLE_NOTE, ROLE_SOURCE, NROLES };
static const char *const role_names[NROLES] = { "area", "year", "measure", "note", "source" };

typedef struct table_map {
    const jarva__mapping *m;
    const jarva__mapping_entry *role[NROLES];
    int unit; /* -1: not said */
} table_map;

static int map_error(jarva__import *imp, const jarva__mapping *m, const jarva__mapping_entry *e,
                     const char *what, const char *arg)
{
    return jarva__seterr(jarva__db_err(imp->db), JARVA_EFORMAT, "%s:%ld: '%s' %s", m->path, e->line,
                         arg, what);
}

/* The table mapping's fields: area, year, measure, note, source (the
 * variable or column holding each), unit (percent, proportion, count) and
 * value maps "area:ID" and "measure:VARIABLE" (column: the table's text). */
static int read_map(jarva__import *imp, const jarva__mapping *m, table_map *tm)
{
    memset(tm, 0, sizeof *tm);
    tm->m = m;
    tm->unit = -1;
    for (size_t i = 0; i < m->count; i++) {
        const jarva__mapping_entry *e = &m->entries[i];
        int role = -1;
        for (int r = 0; r < NROLES; r++)
            if (!strcmp(e->field, role_names[r]))
                role = r;
        if (role >= 0) {
            if (tm->role[role])
                return map_error(imp, m, e, "is given twice", e->field);
            tm->role[role] = e;
        } else if (!strcmp(e->field, "unit")) {
            static const char *const units[] = { "percent", "proportion", "count" };
            for (int u = 0; u < 3; u++)
                if (!strcmp(e->column, units[u]))
                    tm->unit = u;
            if (tm->unit < 0)
                return map_error(imp, m, e, "is not a unit (percent, proportion or count)",
                                 e->column);
        } else if (strncmp(e->field, "area:", 5) != 0 && strncmp(e->field, "measure:", 8) != 0) {
            return map_error(imp, m, e,
                             "is not a field of a table mapping (area, year, measure, unit, note, "
                             "source, area:AREA, measure:VARIABLE)",
                             e->field);
        }
    }
    if (!tm->role[ROLE_AREA])
        return jarva__seterr(jarva__db_err(imp->db), JARVA_EFORMAT,
                             "%s: a table mapping needs an 'area' row: which variable or column "
                             "holds the area",
                             m->path);
    return JARVA_OK;
}

/* What the mapping makes of a table's text for an area or measure: the
 * target of a row "area:ID,TEXT" (or "measure:..."), else the text itself. */
static const char *map_value(const table_map *tm, const char *prefix, const char *text, int year)
{
    size_t plen = strlen(prefix);
    for (size_t i = 0; i < tm->m->count; i++) {
        const jarva__mapping_entry *e = &tm->m->entries[i];
        if (!strncmp(e->field, prefix, plen) && e->field[plen] == ':' && !strcmp(e->column, text) &&
            jarva__mapping_applies(e, year))
            return e->field + plen + 1;
    }
    return text;
}

/* "-" is zero; one to six dots no value (kept as written, suppressed). */
static const char *px_symbol(const char *text)
{
    if (text && !strcmp(text, "-"))
        return "0";
    return text;
}

static int load_mapping(jarva__import *imp, jarva__mapping **m, const char *what)
{
    if (!imp->opts->source)
        return jarva__seterr(jarva__db_err(imp->db), JARVA_EINVAL,
                             "%s: a %s is read through its source's table mapping: give the "
                             "source with --source ID (indicators/sources/ID.csv)",
                             imp->path, what);
    return jarva__mapping_for_source(imp->db, imp->opts->catalog_dir, imp->opts->source, m,
                                     jarva__db_err(imp->db));
}

/* The file jarva_import_file() opened (a regular file: input_file.h), read
 * whole and hashed as it is read. */
static int read_whole(jarva__import *imp, unsigned char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    if (imp->input.size > JARVA__PX_MAX_BYTES)
        return jarva__seterr(jarva__db_err(imp->db), JARVA_EFORMAT,
                             "%s: bigger than %d MiB: not read", imp->path,
                             JARVA__PX_MAX_BYTES >> 20);
    size_t cap = (size_t)imp->input.size + 1;
    *data = malloc(cap);
    if (!*data)
        return jarva__seterr(jarva__db_err(imp->db), JARVA_ENOMEM, "out of memory");
    while (*len < cap) {
        ssize_t n = read(imp->fd, *data + *len, cap - *len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int saved = errno;
            free(*data);
            *data = NULL;
            return jarva__seterr(jarva__db_err(imp->db), JARVA_EIO, "%s: read error: %s", imp->path,
                                 strerror(saved));
        }
        if (n == 0)
            break;
        *len += (size_t)n;
    }
    /* One byte more than fstat said: the file grew (jarva_import_file
     * notices it from the count of bytes hashed). */
    jarva__sha256_update(&imp->sha, *data, *len);
    imp->bytes += *len;
    return JARVA_OK;
}

/* The PX variable a mapping row names: exact, else ignoring ASCII case. */
static long find_variable(const jarva__px *px, const char *name)
{
    for (size_t v = 0; v < px->nvars; v++)
        if (!strcmp(px->vars[v].name, name))
            return (long)v;
    for (size_t v = 0; v < px->nvars; v++)
        if (!strcasecmp(px->vars[v].name, name))
            return (long)v;
    return -1;
}

static int px_variables(jarva__import *imp, const table_map *tm, const jarva__px *px, long *var)
{
    for (int r = 0; r < ROLE_NOTE; r++) {
        var[r] = -1;
        if (!tm->role[r]) {
            /* A table of one measure names it in CONTENTS, not as a variable. */
            if (r == ROLE_MEASURE && px->contents)
                continue;
            if (r == ROLE_YEAR || r == ROLE_MEASURE)
                return jarva__seterr(jarva__db_err(imp->db), JARVA_EFORMAT,
                                     "%s: the mapping %s has no '%s' row: which of the PX "
                                     "file's variables holds the %s",
                                     imp->path, tm->m->path, role_names[r], role_names[r]);
            continue;
        }
        var[r] = find_variable(px, tm->role[r]->column);
        if (var[r] < 0) {
            char names[512] = "";
            for (size_t v = 0; v < px->nvars; v++) {
                size_t used = strlen(names);
                snprintf(names + used, sizeof names - used, "%s'%s'", v ? ", " : "",
                         px->vars[v].name);
            }
            return jarva__seterr(jarva__db_err(imp->db), JARVA_EFORMAT,
                                 "%s:%ld: %s variable '%s' is not in %s, whose variables are %s",
                                 tm->m->path, tm->role[r]->line, role_names[r], tm->role[r]->column,
                                 imp->path, names);
        }
    }
    /* A variable the mapping does not place must have one value, or the
     * table would give several values for one area, year and measure. */
    for (size_t v = 0; v < px->nvars; v++)
        if ((long)v != var[ROLE_AREA] && (long)v != var[ROLE_YEAR] &&
            (long)v != var[ROLE_MEASURE] && px->vars[v].nvalues != 1)
            return jarva__seterr(jarva__db_err(imp->db), JARVA_EFORMAT,
                                 "%s:%ld: variable '%s' has %zu values and the mapping %s does "
                                 "not say what it is: select one value in PxWeb",
                                 imp->path, px->vars[v].line, px->vars[v].name, px->vars[v].nvalues,
                                 tm->m->path);
    return JARVA_OK;
}

/* A PX value as the mapping reads it: by its text, else by its code
 * (CODES), else the text as it is. */
static const char *px_text(const table_map *tm, const char *prefix, const jarva__px *px, long v,
                           const size_t *idx, int year)
{
    const jarva__px_variable *var = &px->vars[v];
    const char *text = var->values[idx[v]];
    const char *mapped = map_value(tm, prefix, text, year);
    if (mapped == text && var->codes) {
        const char *by_code = map_value(tm, prefix, var->codes[idx[v]], year);
        if (by_code != var->codes[idx[v]])
            return by_code;
    }
    return mapped;
}

static int unit_of(const table_map *tm, const char *units)
{
    if (tm->unit >= 0)
        return tm->unit;
    return units && (strstr(units, "antal") || strstr(units, "count")) ? UNIT_COUNT : UNIT_PERCENT;
}

static int put_cells(jarva__import *imp, jarva__table_sink *t, const table_map *tm,
                     const jarva__px *px, const long *var)
{
    size_t *idx = calloc(px->nvars ? px->nvars : 1, sizeof *idx);
    char *context = NULL;
    if (!idx)
        return jarva__seterr(jarva__db_err(imp->db), JARVA_ENOMEM, "out of memory");
    int unit = unit_of(tm, px->units);
    jarva__table_set_unit(t, unit != UNIT_PROPORTION, '.');
    int rc = JARVA_OK;
    for (size_t c = 0; c < px->ncells && !rc && imp->errors.count < JARVA__IMPORT_ERROR_LIMIT;
         c++) {
        const jarva__px_cell *cell = &px->cells[c];
        jarva__px_cell_indices(px, c, idx);
        const char *f[JARVA__TF_NFIELDS] = { 0 };
        f[JARVA__TF_SURVEY] = imp->opts->source;
        f[JARVA__TF_YEAR] = px->vars[var[ROLE_YEAR]].values[idx[var[ROLE_YEAR]]];
        long year = 0;
        jarva__parse_long(f[JARVA__TF_YEAR], 1990, 2199, &year);
        f[JARVA__TF_AREA] = px_text(tm, "area", px, var[ROLE_AREA], idx, (int)year);
        f[JARVA__TF_MEASURE] = var[ROLE_MEASURE] >= 0
                                   ? px_text(tm, "measure", px, var[ROLE_MEASURE], idx, (int)year)
                                   : map_value(tm, "measure", px->contents, (int)year);
        char number[40];
        static const char *const dots[] = { "", ".", "..", "...", "....", ".....", "......" };
        if (cell->kind == JARVA__PX_MISSING)
            snprintf(number, sizeof number, "%s", dots[cell->dots]);
        else
            snprintf(number, sizeof number, "%.15g", cell->value);
        f[unit == UNIT_COUNT ? JARVA__TF_COUNT : JARVA__TF_SHARE] = number;
        f[JARVA__TF_SOURCE] = px->source;
        free(context);
        context = NULL;
        for (size_t v = 0; v < px->nvars; v++) {
            char *longer = jarva__aprintf("%s%s%s=%s", context ? context : "", v ? ", " : "",
                                          px->vars[v].name, px->vars[v].values[idx[v]]);
            free(context);
            context = longer;
            if (!context)
                break;
        }
        if (!context)
            rc = jarva__seterr(jarva__db_err(imp->db), JARVA_ENOMEM, "out of memory");
        else
            rc = jarva__table_put(t, f, cell->line, context);
    }
    free(context);
    free(idx);
    return rc;
}

int jarva__table_read_px(jarva__import *imp, jarva__table_sink *t)
{
    jarva__mapping *m = NULL;
    unsigned char *data = NULL;
    size_t len = 0;
    jarva__px *px = NULL;
    table_map tm;
    long var[ROLE_NOTE];
    int rc = load_mapping(imp, &m, "PX file");
    if (!rc)
        rc = read_map(imp, m, &tm);
    if (!rc)
        rc = read_whole(imp, &data, &len);
    if (!rc)
        rc = jarva__px_parse(&px, imp->path, data, len, jarva__db_err(imp->db));
    if (!rc)
        rc = px_variables(imp, &tm, px, var);
    if (!rc) {
        snprintf(imp->format_options, sizeof imp->format_options, "format=px;codepage=%s",
                 px->codepage);
        rc = put_cells(imp, t, &tm, px, var);
    }
    jarva__px_free(px);
    free(data);
    jarva__mapping_free(m);
    return rc;
}

/* ---- PxWeb's wide CSV --------------------------------------------------- */

/* The year a header names: a whole word of four digits from 1990 to 2199
 * ("2017", "Andel 2017"); *rest_from and *rest_len the text around it. */
static long header_year(const char *h, char *rest, size_t rest_size)
{
    size_t n = strlen(h);
    for (size_t i = 0; i + 4 <= n; i++) {
        int word = (i == 0 || h[i - 1] == ' ') && (i + 4 == n || h[i + 4] == ' ');
        long year;
        char digits[5];
        memcpy(digits, h + i, 4);
        digits[4] = '\0';
        if (!word || strspn(digits, "0123456789") != 4 ||
            jarva__parse_long(digits, 1990, 2199, &year))
            continue;
        snprintf(rest, rest_size, "%.*s%s%s", (int)i, h, i && i + 4 < n ? " " : "",
                 i + 4 < n ? h + i + 5 : "");
        size_t r = strlen(rest);
        while (r && rest[r - 1] == ' ')
            rest[--r] = '\0';
        return year;
    }
    snprintf(rest, rest_size, "%s", h);
    return 0;
}

int jarva__table_read_wide(jarva__import *imp, jarva__table_sink *t, const jarva__mapping *mapping)
{
    table_map tm;
    int rc = read_map(imp, mapping, &tm);
    if (rc)
        return rc;
    const jarva__csv_row *header = jarva__source_header(imp->reader);
    int role_col[NROLES];
    for (int r = 0; r < NROLES; r++) {
        role_col[r] = tm.role[r] ? jarva__source_column(imp->reader, tm.role[r]->column) : -1;
        /* No year or measure column: they are in the value columns' names. */
        if (tm.role[r] && role_col[r] < 0 && r != ROLE_YEAR && r != ROLE_MEASURE)
            jarva__import_error(&imp->errors, imp->reader, 1, -1,
                                "no column '%s' (the %s, says %s:%ld)", tm.role[r]->column,
                                role_names[r], mapping->path, tm.role[r]->line);
    }
    int unit = tm.unit >= 0 ? tm.unit : UNIT_PERCENT;
    jarva__table_set_unit(t, unit != UNIT_PROPORTION, jarva__source_decimal(imp->reader));
    /* Every other column holds values; its header names what the row does
     * not: the year, the measure, or both ("Andel trygga 2017"). */
    size_t nvalue = 0;
    long *col_year = calloc(header->nfields + 1, sizeof *col_year);
    char **col_measure = calloc(header->nfields + 1, sizeof *col_measure);
    if (!col_year || !col_measure) {
        free(col_year);
        free(col_measure);
        return jarva__seterr(jarva__db_err(imp->db), JARVA_ENOMEM, "out of memory");
    }
    for (size_t h = 0; h < header->nfields && !imp->errors.count; h++) {
        int is_role = 0;
        for (int r = 0; r < NROLES; r++)
            is_role |= role_col[r] == (int)h;
        const char *name = header->fields[h] ? header->fields[h] : "";
        if (is_role)
            continue;
        nvalue++;
        char rest[512];
        col_year[h] = role_col[ROLE_YEAR] < 0 ? header_year(name, rest, sizeof rest) : 0;
        if (role_col[ROLE_YEAR] >= 0)
            snprintf(rest, sizeof rest, "%s", name);
        if (role_col[ROLE_YEAR] < 0 && !col_year[h])
            jarva__import_error(&imp->errors, imp->reader, 1, (int)h,
                                "no year in the column's name (the mapping has no year column, "
                                "so years are columns)");
        if (role_col[ROLE_MEASURE] < 0) {
            if (!*rest)
                jarva__import_error(&imp->errors, imp->reader, 1, (int)h,
                                    "no measure in the column's name (the mapping has no "
                                    "measure column, so measures are columns)");
            col_measure[h] = jarva__strdup(rest);
        }
    }
    if (!nvalue && !imp->errors.count)
        jarva__import_error(&imp->errors, imp->reader, 1, -1, "no value columns");
    int header_bad = imp->errors.count > 0;
    jarva__csv_row row;
    jarva__error read_error = { 0 };
    int got = 0;
    while (!rc && !header_bad && imp->errors.count < JARVA__IMPORT_ERROR_LIMIT &&
           (got = jarva__source_next(imp->reader, &row, &read_error)) == 1) {
        for (size_t h = 0; h < row.nfields && h < header->nfields && !rc; h++) {
            if (!col_year[h] && !col_measure[h] && role_col[ROLE_YEAR] < 0)
                continue;
            int is_role = 0;
            for (int r = 0; r < NROLES; r++)
                is_role |= role_col[r] == (int)h;
            if (is_role)
                continue;
            const char *f[JARVA__TF_NFIELDS] = { 0 };
            char year_text[8];
            f[JARVA__TF_SURVEY] = imp->opts->source;
            if (role_col[ROLE_YEAR] >= 0)
                f[JARVA__TF_YEAR] = row.fields[role_col[ROLE_YEAR]];
            else {
                snprintf(year_text, sizeof year_text, "%ld", col_year[h]);
                f[JARVA__TF_YEAR] = year_text;
            }
            long year = 0;
            if (f[JARVA__TF_YEAR])
                jarva__parse_long(f[JARVA__TF_YEAR], 1990, 2199, &year);
            const char *area = row.fields[role_col[ROLE_AREA]];
            const char *measure =
                role_col[ROLE_MEASURE] >= 0 ? row.fields[role_col[ROLE_MEASURE]] : col_measure[h];
            f[JARVA__TF_AREA] = area ? map_value(&tm, "area", area, (int)year) : NULL;
            f[JARVA__TF_MEASURE] = measure ? map_value(&tm, "measure", measure, (int)year) : NULL;
            f[unit == UNIT_COUNT ? JARVA__TF_COUNT : JARVA__TF_SHARE] = px_symbol(row.fields[h]);
            if (role_col[ROLE_NOTE] >= 0)
                f[JARVA__TF_NOTE] = row.fields[role_col[ROLE_NOTE]];
            if (role_col[ROLE_SOURCE] >= 0)
                f[JARVA__TF_SOURCE] = row.fields[role_col[ROLE_SOURCE]];
            char context[300];
            snprintf(context, sizeof context, "column %zu '%s'", h + 1,
                     header->fields[h] ? header->fields[h] : "");
            rc = jarva__table_put(t, f, row.line, context);
        }
        jarva__import_progress(imp, 0);
    }
    if (!rc && got < 0)
        jarva__import_reader_error(imp, &read_error);
    jarva__freeerr(&read_error);
    for (size_t h = 0; h < header->nfields; h++)
        free(col_measure[h]);
    free(col_measure);
    free(col_year);
    return rc;
}
