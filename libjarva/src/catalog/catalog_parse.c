/* catalog_parse.c: reading the catalogue's CSV files (as written by hand or
 * saved by Excel) into memory, checking each value on its own: required
 * columns and values, enumerations, numbers, answer-code and year lists.
 * What spans rows or files is checked in catalog_check.c. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog_internal.h"
#include "csv_reader.h"

typedef enum col_type {
    COL_TEXT,   /* free text */
    COL_ID,     /* an identifier: ASCII letters, digits, '-', '_', '.' */
    COL_ENUM,   /* one of words, stored lower-case */
    COL_INT,    /* a whole number in [min, max] */
    COL_NUMBER, /* a finite number (decimal comma in semicolon files) */
    COL_CODES,  /* answer codes, stored "1,2" */
    COL_YEARS,  /* years in [min, max], stored ascending "2021,2025" */
    COL_SET     /* words from words, stored "area,sex" */
} col_type;

enum {
    REQUIRED = 1,       /* the value may not be empty */
    OPTIONAL_COLUMN = 2 /* the column may be absent from the file */
};

typedef struct col_spec {
    const char *name;
    col_type type;
    unsigned flags;
    const char *const *words; /* COL_ENUM, COL_SET */
    long min, max;            /* COL_INT, COL_YEARS */
} col_spec;

typedef struct file_spec {
    const char *file;
    const col_spec *columns;
    int ncolumns;
} file_spec;

static const char *const role_words[] = { "signatory", "participant", NULL };
static const char *const goal_kind_words[] = { "overall", "communication", NULL };
static const char *const area_kind_words[] = { "whole", "area",   "district", "police_area",
                                               "city",  "region", NULL };
static const char *const source_kind_words[] = { "survey", "table", "staff", "activity", NULL };
static const char *const measure_words[] = { "proportion", "mean", "count", "rate", NULL };
static const char *const direction_words[] = { "higher", "lower", NULL };
static const char *const target_kind_words[] = { "decided", "proposed", NULL };
/* How activity rows become a value: see indicators/README.md. */
static const char *const rule_words[] = { "count", "reach", "share_on_time", "share_delivered",
                                          NULL };
/* The breakdowns an estimate can have: columns of response and activity. */
static const char *const disagg_words[] = {
    "area", "sex", "age_group", "organisation", "role", NULL
};

#define TEXT(name, flags)                                                                          \
    {                                                                                              \
        name, COL_TEXT, flags, NULL, 0, 0                                                          \
    }
#define ID(name, flags)                                                                            \
    {                                                                                              \
        name, COL_ID, flags, NULL, 0, 0                                                            \
    }
#define ENUM(name, flags, words)                                                                   \
    {                                                                                              \
        name, COL_ENUM, flags, words, 0, 0                                                         \
    }
#define INT(name, flags, lo, hi)                                                                   \
    {                                                                                              \
        name, COL_INT, flags, NULL, lo, hi                                                         \
    }
#define NUMBER(name, flags)                                                                        \
    {                                                                                              \
        name, COL_NUMBER, flags, NULL, 0, 0                                                        \
    }

/* Years a plan, a baseline or a target can plausibly have. */
#define YEAR_MIN 1990
#define YEAR_MAX 2100

static const col_spec plan_cols[] = { INT("year", REQUIRED, YEAR_MIN, YEAR_MAX),
                                      TEXT("title_sv", REQUIRED),
                                      TEXT("title_en", REQUIRED),
                                      TEXT("adopted", OPTIONAL_COLUMN),
                                      TEXT("note", OPTIONAL_COLUMN),
                                      NUMBER("on_track_probability", OPTIONAL_COLUMN),
                                      NUMBER("off_track_probability", OPTIONAL_COLUMN),
                                      TEXT("contact_sv", OPTIONAL_COLUMN),
                                      TEXT("contact_en", OPTIONAL_COLUMN) };
static const col_spec org_cols[] = { ID("id", REQUIRED), TEXT("name_sv", REQUIRED),
                                     TEXT("name_en", REQUIRED),
                                     ENUM("role", REQUIRED, role_words) };
static const col_spec prio_cols[] = { ID("id", REQUIRED), TEXT("name_sv", REQUIRED),
                                      TEXT("name_en", REQUIRED) };
static const col_spec aud_cols[] = { ID("id", REQUIRED), TEXT("name_sv", REQUIRED),
                                     TEXT("name_en", REQUIRED),
                                     TEXT("description_sv", OPTIONAL_COLUMN),
                                     TEXT("description_en", OPTIONAL_COLUMN) };
static const col_spec goal_cols[] = {
    ID("id", REQUIRED),        ENUM("kind", REQUIRED, goal_kind_words),
    ID("audience", 0),         TEXT("text_sv", REQUIRED),
    TEXT("text_en", REQUIRED), ID("owner", OPTIONAL_COLUMN)
};
static const col_spec prin_cols[] = { ID("id", REQUIRED), TEXT("text_sv", REQUIRED),
                                      TEXT("text_en", REQUIRED) };
static const col_spec area_cols[] = {
    ID("id", REQUIRED), TEXT("name", REQUIRED),          ENUM("kind", REQUIRED, area_kind_words),
    ID("parent", 0),    INT("in_jarva", REQUIRED, 0, 1), TEXT("name_en", OPTIONAL_COLUMN)
};
static const col_spec alias_cols[] = { TEXT("alias", REQUIRED), ID("area", REQUIRED) };
static const col_spec ind_cols[] = {
    ID("id", REQUIRED),
    ID("goal", REQUIRED),
    TEXT("name_sv", REQUIRED),
    TEXT("name_en", REQUIRED),
    ENUM("source_kind", REQUIRED, source_kind_words),
    ENUM("measure", REQUIRED, measure_words),
    TEXT("source", REQUIRED),
    TEXT("variable", 0),
    { "positive_codes", COL_CODES, 0, NULL, 0, 0 },
    { "valid_codes", COL_CODES, 0, NULL, 0, 0 },
    TEXT("event_type", 0),
    ENUM("counting_rule", 0, rule_words),
    ENUM("direction", REQUIRED, direction_words),
    INT("baseline_year", 0, YEAR_MIN, YEAR_MAX),
    NUMBER("baseline_value", 0),
    INT("target_year", 0, YEAR_MIN, YEAR_MAX),
    NUMBER("target_value", 0),
    TEXT("unit", REQUIRED),
    { "disaggregations", COL_SET, 0, disagg_words, 0, 0 },
    INT("min_n", 0, 1, 1000000),
    { "series_breaks", COL_YEARS, 0, NULL, YEAR_MIN, YEAR_MAX },
    TEXT("description_sv", OPTIONAL_COLUMN),
    TEXT("description_en", OPTIONAL_COLUMN),
    ENUM("target_kind", OPTIONAL_COLUMN, target_kind_words),
    TEXT("target_decision", OPTIONAL_COLUMN),
    TEXT("question_sv", OPTIONAL_COLUMN),
    TEXT("question_en", OPTIONAL_COLUMN),
    TEXT("scale_sv", OPTIONAL_COLUMN),
    TEXT("scale_en", OPTIONAL_COLUMN),
};

static const col_spec source_cols[] = {
    ID("id", REQUIRED),
    TEXT("name_sv", REQUIRED),
    TEXT("name_en", REQUIRED),
    TEXT("publisher", OPTIONAL_COLUMN),
    INT("simulated", REQUIRED, 0, 1),
    TEXT("population_sv", OPTIONAL_COLUMN),
    TEXT("population_en", OPTIONAL_COLUMN),
    TEXT("sampling_sv", OPTIONAL_COLUMN),
    TEXT("sampling_en", OPTIONAL_COLUMN),
    TEXT("fieldwork_sv", OPTIONAL_COLUMN),
    TEXT("fieldwork_en", OPTIONAL_COLUMN),
    TEXT("response_rate_sv", OPTIONAL_COLUMN),
    TEXT("response_rate_en", OPTIONAL_COLUMN),
    TEXT("reference", OPTIONAL_COLUMN),
    INT("reference_year", OPTIONAL_COLUMN, YEAR_MIN, YEAR_MAX),
    TEXT("url", OPTIONAL_COLUMN),
};

#define SPEC(file, cols)                                                                           \
    {                                                                                              \
        file, cols, (int)(sizeof cols / sizeof cols[0])                                            \
    }

static const file_spec specs[CAT_NFILES] = {
    SPEC("plan.csv", plan_cols),           SPEC("organisations.csv", org_cols),
    SPEC("priority_areas.csv", prio_cols), SPEC("audiences.csv", aud_cols),
    SPEC("goals.csv", goal_cols),          SPEC("principles.csv", prin_cols),
    SPEC("areas.csv", area_cols),          SPEC("area_aliases.csv", alias_cols),
    SPEC("indicators.csv", ind_cols),      SPEC("sources.csv", source_cols),
};

const char *jarva__catalog_file(int file)
{
    return file >= 0 && file < CAT_NFILES ? specs[file].file : "";
}

/* ---- one value ---------------------------------------------------------- */

static int is_id_char(unsigned char c)
{
    return isalnum(c) || c == '-' || c == '_' || c == '.';
}

static int ascii_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

static int word_index(const char *const *words, const char *s)
{
    for (int i = 0; words[i]; i++)
        if (ascii_ieq(words[i], s))
            return i;
    return -1;
}

/* "a, b or c" for messages. */
static void words_list(const char *const *words, char *out, size_t size)
{
    size_t n = 0, len = 0;
    while (words[n])
        n++;
    out[0] = '\0';
    for (size_t i = 0; i < n && len < size; i++) {
        const char *sep = i == 0 ? "" : i + 1 == n ? " or " : ", ";
        int w = snprintf(out + len, size - len, "%s%s", sep, words[i]);
        if (w < 0)
            break;
        len += (size_t)w;
    }
}

/* Splits a list on commas, semicolons and white space into tokens, checks each
 * with the column's rule, and rebuilds it as "a,b,c". Returns the new string
 * (NULL on a bad token, with *bad pointing into the copy) or sets *nomem. */
typedef int (*token_check)(const col_spec *col, const char *token, long *year);

static int code_token(const col_spec *col, const char *token, long *year)
{
    (void)col;
    (void)year;
    for (const char *p = token; *p; p++)
        if (!is_id_char((unsigned char)*p))
            return -1;
    return 0;
}

static int year_token(const col_spec *col, const char *token, long *year)
{
    return jarva__parse_long(token, col->min, col->max, year);
}

static int set_token(const col_spec *col, const char *token, long *year)
{
    (void)year;
    return word_index(col->words, token) >= 0 ? 0 : -1;
}

static int compare_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* Canonical list text or NULL; *problem says why not (a static message). */
static char *canonical_list(const col_spec *col, const char *text, const char **problem, int *nomem)
{
    token_check check = col->type == COL_YEARS   ? year_token
                        : col->type == COL_CODES ? code_token
                                                 : set_token;
    size_t len = strlen(text);
    char *copy = jarva__strdup(text);
    char *out = malloc(len + 1);
    long *years = calloc(len + 1, sizeof *years);
    const char **tokens = calloc(len + 1, sizeof *tokens);
    size_t ntokens = 0;
    *problem = NULL;
    if (!copy || !out || !years || !tokens) {
        *nomem = 1;
        goto fail;
    }
    for (char *p = copy; *p;) {
        while (*p == ',' || *p == ';' || isspace((unsigned char)*p))
            *p++ = '\0';
        if (!*p)
            break;
        char *start = p;
        while (*p && *p != ',' && *p != ';' && !isspace((unsigned char)*p))
            p++;
        if (*p)
            *p++ = '\0';
        if (check(col, start, &years[ntokens]) != 0) {
            *problem = col->type == COL_YEARS ? "is not a list of years"
                       : col->type == COL_CODES
                           ? "is not a list of answer codes (letters, digits, '-', '_', '.')"
                           : "has an unknown value";
            goto fail;
        }
        if (col->type == COL_SET)
            tokens[ntokens] = col->words[word_index(col->words, start)];
        else
            tokens[ntokens] = start;
        for (size_t i = 0; i < ntokens; i++)
            if (col->type == COL_YEARS ? years[i] == years[ntokens]
                                       : strcmp(tokens[i], tokens[ntokens]) == 0) {
                *problem = "lists a value twice";
                goto fail;
            }
        ntokens++;
    }
    if (col->type == COL_YEARS)
        qsort(years, ntokens, sizeof *years, compare_long);
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < ntokens; i++) {
        char year[24];
        const char *token = tokens[i];
        if (col->type == COL_YEARS) {
            snprintf(year, sizeof year, "%ld", years[i]);
            token = year;
        }
        size_t tlen = strlen(token);
        if (i)
            out[used++] = ',';
        memcpy(out + used, token, tlen + 1);
        used += tlen;
    }
    free(copy);
    free(years);
    free(tokens);
    return out;
fail:
    free(copy);
    free(out);
    free(years);
    free(tokens);
    return NULL;
}

/* Trims ASCII white space and non-breaking spaces (U+00A0) at both ends, which
 * Excel leaves after edits; returns a new string or NULL (empty or no memory). */
static char *trimmed_copy(const char *s, int *nomem)
{
    if (!s)
        return NULL;
    const char *end = s + strlen(s);
    for (;;) {
        if (*s && isspace((unsigned char)*s))
            s++;
        else if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
            s += 2;
        else
            break;
    }
    for (;;) {
        if (end > s && isspace((unsigned char)end[-1]))
            end--;
        else if (end - s >= 2 && (unsigned char)end[-2] == 0xC2 && (unsigned char)end[-1] == 0xA0)
            end -= 2;
        else
            break;
    }
    if (end == s)
        return NULL;
    char *copy = jarva__strndup(s, (size_t)(end - s));
    if (!copy)
        *nomem = 1;
    return copy;
}

/* Fills cell from the raw field; reports problems at path:line. */
static void parse_cell(jarva__cat_errors *errors, const char *path, long line, const col_spec *col,
                       const char *raw, char decimal, jarva__cat_cell *cell)
{
    int nomem = 0;
    char *text = trimmed_copy(raw, &nomem);
    char words[160];
    cell->text = NULL;
    cell->number = 0;
    if (nomem) {
        jarva__cat_nomem(errors);
        return;
    }
    if (!text) {
        if (col->flags & REQUIRED)
            jarva__cat_error(errors, path, line, "missing value for '%s'", col->name);
        return;
    }
    long whole = 0;
    size_t errors_before = errors->count;
    switch (col->type) {
    case COL_TEXT: break;
    case COL_ID:
        for (const char *p = text; *p; p++)
            if (!is_id_char((unsigned char)*p)) {
                jarva__cat_error(errors, path, line,
                                 "%s '%s' may contain only ASCII letters, digits, '-', '_' and '.'",
                                 col->name, text);
                break;
            }
        break;
    case COL_ENUM: {
        int i = word_index(col->words, text);
        if (i < 0) {
            words_list(col->words, words, sizeof words);
            jarva__cat_error(errors, path, line, "unknown %s '%s' (expected %s)", col->name, text,
                             words);
        } else {
            strcpy(text, col->words[i]); /* same length: only the case differs */
        }
        break;
    }
    case COL_INT:
        if (jarva__parse_long(text, col->min, col->max, &whole) != 0)
            jarva__cat_error(errors, path, line, "%s '%s' is not a whole number from %ld to %ld",
                             col->name, text, col->min, col->max);
        cell->number = (double)whole;
        break;
    case COL_NUMBER:
        if (jarva__parse_double(text, decimal, &cell->number) != 0)
            jarva__cat_error(errors, path, line, "%s '%s' is not a number", col->name, text);
        break;
    case COL_CODES:
    case COL_YEARS:
    case COL_SET: {
        const char *problem = NULL;
        char *list = canonical_list(col, text, &problem, &nomem);
        if (nomem) {
            jarva__cat_nomem(errors);
        } else if (!list) {
            if (col->type == COL_SET) {
                words_list(col->words, words, sizeof words);
                jarva__cat_error(errors, path, line, "%s '%s' %s (expected %s)", col->name, text,
                                 problem, words);
            } else {
                jarva__cat_error(errors, path, line, "%s '%s' %s", col->name, text, problem);
            }
        } else {
            free(text);
            text = list;
        }
        break;
    }
    }
    cell->text = text;
    cell->invalid = errors->count != errors_before;
}

/* ---- one file ----------------------------------------------------------- */

static int append_row(jarva__cat_table *table, jarva__cat_row row)
{
    if (table->nrows == table->cap) {
        size_t cap = table->cap ? table->cap * 2 : 16;
        jarva__cat_row *grown = realloc(table->rows, cap * sizeof *grown);
        if (!grown)
            return -1;
        table->rows = grown;
        table->cap = cap;
    }
    table->rows[table->nrows++] = row;
    return 0;
}

/* Maps the header's columns to the spec's: map[spec column] = field index or
 * -1. Unknown columns are errors, so that a misspelt optional column is not
 * silently ignored; a "note" column and unnamed (empty) columns are allowed. */
static int map_header(jarva__cat_errors *errors, const char *path, const file_spec *spec,
                      const jarva__csv_row *header, int *map)
{
    int ok = 1;
    for (int c = 0; c < spec->ncolumns; c++)
        map[c] = -1;
    for (size_t f = 0; f < header->nfields; f++) {
        int nomem = 0;
        char *name = trimmed_copy(header->fields[f], &nomem);
        if (nomem) {
            jarva__cat_nomem(errors);
            return 0;
        }
        if (!name)
            continue;
        int found = -1;
        for (int c = 0; c < spec->ncolumns; c++)
            if (ascii_ieq(spec->columns[c].name, name))
                found = c;
        if (found >= 0 && map[found] >= 0) {
            jarva__cat_error(errors, path, header->line, "column '%s' appears twice", name);
            ok = 0;
        } else if (found >= 0) {
            map[found] = (int)f;
        } else if (!ascii_ieq(name, "note")) {
            jarva__cat_error(errors, path, header->line, "unknown column '%s'", name);
            ok = 0;
        }
        free(name);
    }
    for (int c = 0; c < spec->ncolumns; c++)
        if (map[c] < 0 && !(spec->columns[c].flags & OPTIONAL_COLUMN)) {
            jarva__cat_error(errors, path, header->line, "missing column '%s'",
                             spec->columns[c].name);
            ok = 0;
        }
    return ok;
}

static int blank_row(const jarva__csv_row *row)
{
    for (size_t f = 0; f < row->nfields; f++)
        for (const char *p = row->fields[f]; p && *p; p++)
            if (!isspace((unsigned char)*p))
                return 0;
    return 1;
}

static void parse_file(jarva__catalog *cat, int file, const char *dir)
{
    const file_spec *spec = &specs[file];
    jarva__cat_table *table = &cat->tables[file];
    jarva__cat_errors *errors = &cat->errors;
    size_t dirlen = strlen(dir);
    int slash = dirlen > 0 && dir[dirlen - 1] == '/';
    table->ncolumns = spec->ncolumns;
    table->path = jarva__aprintf("%s%s%s", dir, slash ? "" : "/", spec->file);
    if (!table->path) {
        jarva__cat_nomem(errors);
        return;
    }
    /* sources.csv is optional: without it the sources are named by id and
     * the quality declaration says less (older catalogues load as before). */
    if (file == CAT_SOURCES && access(table->path, F_OK) != 0) {
        table->complete = 1;
        return;
    }

    jarva__csv_dialect dialect = JARVA__CSV_DIALECT_INIT;
    jarva__csv_reader *reader = NULL;
    jarva__error err = { 0, NULL };
    int *map = NULL;
    int rc = jarva__csv_open(&reader, table->path, &dialect, &err);
    if (rc != JARVA_OK) {
        jarva__cat_error(errors, NULL, 0, "%s", err.message ? err.message : table->path);
        if (rc == JARVA_EIO || rc == JARVA_ENOMEM)
            errors->code = rc;
        goto done;
    }
    const jarva__csv_row *header = jarva__csv_header(reader);
    map = malloc((size_t)spec->ncolumns * sizeof *map);
    if (!map) {
        jarva__cat_nomem(errors);
        goto done;
    }
    if (!header) {
        jarva__cat_error(errors, table->path, 1, "no header row");
        goto done;
    }
    if (!map_header(errors, table->path, spec, header, map))
        goto done;
    char decimal = jarva__csv_dialect_used(reader)->decimal;

    jarva__csv_row row;
    while ((rc = jarva__csv_next(reader, &row, &err)) == 1) {
        if (blank_row(&row))
            continue;
        jarva__cat_row parsed = { row.line,
                                  calloc((size_t)spec->ncolumns, sizeof(jarva__cat_cell)) };
        if (!parsed.cells || append_row(table, parsed) != 0) {
            free(parsed.cells);
            jarva__cat_nomem(errors);
            goto done;
        }
        for (int c = 0; c < spec->ncolumns; c++) {
            const char *raw = NULL;
            if (map[c] >= 0 && (size_t)map[c] < row.nfields)
                raw = row.fields[map[c]];
            parse_cell(errors, table->path, row.line, &spec->columns[c], raw, decimal,
                       &parsed.cells[c]);
        }
    }
    if (rc == 0)
        table->complete = 1;
    if (rc < 0) {
        /* The reader cannot go on after a malformed record: report it and stop
         * reading this file (the others are still checked). */
        jarva__cat_error(errors, NULL, 0, "%s", err.message ? err.message : table->path);
        if (rc == JARVA_EIO || rc == JARVA_ENOMEM)
            errors->code = rc;
    }
done:
    free(map);
    jarva__freeerr(&err);
    if (reader)
        jarva__csv_close(reader);
}

void jarva__catalog_parse(jarva__catalog *cat, const char *dir)
{
    for (int file = 0; file < CAT_NFILES; file++)
        parse_file(cat, file, dir);
}

long jarva__cat_find(const jarva__cat_table *table, int col, const char *value)
{
    if (!value)
        return -1;
    for (size_t r = 0; r < table->nrows; r++) {
        const char *text = table->rows[r].cells[col].text;
        if (text && strcmp(text, value) == 0)
            return (long)r;
    }
    return -1;
}

int jarva__cat_is_percent(const char *measure, const char *unit)
{
    if (!measure)
        return 0;
    if (strcmp(measure, "proportion") == 0)
        return 1;
    return strcmp(measure, "rate") == 0 && unit && strcmp(unit, "%") == 0;
}
