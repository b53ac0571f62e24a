/* source_mapping.c: reading a survey source's column mapping file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_reader.h"
#include "source_mapping.h"

/* lonely_psu is not a column but the source's default lonely-stratum rule
 * for `jarva compute` (compute_lonely.c); import leaves it alone. */
static const char *const roles[] = { "respondent_id", "year",       "area",      "stratum",
                                     "weight",        "sex",        "age_group", "organisation",
                                     "role",          "lonely_psu", NULL };

int jarva__mapping_is_role(const char *field)
{
    for (int i = 0; roles[i]; i++)
        if (!strcmp(field, roles[i]))
            return 1;
    return 0;
}

int jarva__mapping_applies(const jarva__mapping_entry *e, int year)
{
    if (!year)
        return 1;
    return (!e->year_from || year >= e->year_from) && (!e->year_to || year <= e->year_to);
}

/* "2019-2021", "2023-", "-2021", "2025" or empty. */
static int parse_years(const char *s, int *from, int *to)
{
    *from = *to = 0;
    if (!s || !*s)
        return 0;
    const char *dash = strchr(s, '-');
    long a = 0, b = 0;
    if (!dash)
        return jarva__parse_long(s, 1900, 2199, &a) ? -1 : (*from = *to = (int)a, 0);
    char left[16] = "";
    size_t n = (size_t)(dash - s);
    if (n >= sizeof left)
        return -1;
    memcpy(left, s, n);
    left[n] = '\0';
    if (n && jarva__parse_long(left, 1900, 2199, &a))
        return -1;
    if (dash[1] && jarva__parse_long(dash + 1, 1900, 2199, &b))
        return -1;
    if (a && b && a > b)
        return -1;
    *from = (int)a;
    *to = (int)b;
    return 0;
}

/* A mapping's codes "1,2,3" (util/code_list.c's rule) as a NULL-terminated
 * array; NULL for none, and when memory runs out (no list rather than a
 * short one). */
static char **split_codes(const char *s)
{
    jarva__code_list list;
    if (!s || jarva__code_list_parse(&list, s) != JARVA_OK || list.count == 0) {
        if (s)
            jarva__code_list_free(&list);
        return NULL;
    }
    char **codes = list.codes; /* NULL-terminated: parse leaves room for it */
    list.codes = NULL;
    list.count = 0;
    jarva__code_list_free(&list);
    return codes;
}

static void free_codes(char **codes)
{
    for (size_t i = 0; codes && codes[i]; i++)
        free(codes[i]);
    free(codes);
}

void jarva__mapping_free(jarva__mapping *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->count; i++) {
        free(m->entries[i].field);
        free(m->entries[i].column);
        free_codes(m->entries[i].codes);
    }
    free(m->entries);
    free(m->path);
    free(m);
}

/* Appends an entry (strings copied); JARVA_OK or JARVA_ENOMEM. */
int jarva__mapping_add(jarva__mapping *m, const char *field, const char *column, int year_from,
                       int year_to, const char *codes, long line)
{
    if (m->count == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 32;
        jarva__mapping_entry *grown = realloc(m->entries, cap * sizeof *grown);
        if (!grown)
            return JARVA_ENOMEM;
        m->entries = grown;
        m->cap = cap;
    }
    jarva__mapping_entry *e = &m->entries[m->count++];
    memset(e, 0, sizeof *e);
    e->field = jarva__strdup(field);
    e->column = jarva__strdup(column);
    e->year_from = year_from;
    e->year_to = year_to;
    e->codes = split_codes(codes);
    e->line = line;
    if (!e->field || !e->column || (codes && *codes && !e->codes))
        return JARVA_ENOMEM;
    return JARVA_OK;
}

char *jarva__mapping_codes_text(const jarva__mapping_entry *e)
{
    size_t len = 1;
    for (size_t i = 0; e->codes && e->codes[i]; i++)
        len += strlen(e->codes[i]) + 1;
    char *text = malloc(len);
    if (!text)
        return NULL;
    text[0] = '\0';
    for (size_t i = 0; e->codes && e->codes[i]; i++) {
        if (i)
            strcat(text, ",");
        strcat(text, e->codes[i]);
    }
    return text;
}

int jarva__mapping_check_source_id(const char *source, jarva__error *err)
{
    if (!*source)
        return jarva__seterr(err, JARVA_EINVAL, "empty source name");
    for (const char *p = source; *p; p++)
        if (!(*p == '-' || *p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
            return jarva__seterr(err, JARVA_EINVAL,
                                 "source '%s': use lower-case letters, digits, '-' and '_'",
                                 source);
    return JARVA_OK;
}

/* A cell written "'=cmd" by jarva (jarva_csv_write_cell, mapping drafts) so
 * that a spreadsheet shows it as text is read as "=cmd". */
static const char *unprefixed(const char *cell)
{
    return cell && cell[0] == '\'' && jarva_csv_cell_is_formula(cell + 1) ? cell + 1 : cell;
}

int jarva__mapping_parse_file(const char *path, jarva__mapping **out, jarva__error *err)
{
    *out = NULL;
    jarva__mapping *m = calloc(1, sizeof *m);
    if (!m)
        return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    m->path = jarva__strdup(path);
    if (!m->path) {
        jarva__mapping_free(m);
        return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    }
    jarva__csv_dialect dialect = JARVA__CSV_DIALECT_INIT;
    jarva__csv_reader *r = NULL;
    int rc = jarva__csv_open(&r, m->path, &dialect, err);
    if (rc) {
        jarva__mapping_free(m);
        return rc;
    }
    int col_field = jarva__csv_column(r, "field");
    int col_column = jarva__csv_column(r, "column");
    int col_years = jarva__csv_column(r, "years");
    int col_codes = jarva__csv_column(r, "codes");
    if (col_field < 0 || col_column < 0) {
        rc = jarva__seterr(err, JARVA_EFORMAT,
                           "%s:1: the header needs columns 'field' and 'column'", m->path);
        goto done;
    }
    jarva__csv_row row;
    while ((rc = jarva__csv_next(r, &row, err)) == 1) {
        const char *field = unprefixed(row.fields[col_field]);
        const char *column = unprefixed(row.fields[col_column]);
        const char *years = col_years >= 0 ? unprefixed(row.fields[col_years]) : NULL;
        const char *codes = col_codes >= 0 ? unprefixed(row.fields[col_codes]) : NULL;
        if (!field || !*field || !column || !*column) {
            rc = jarva__seterr(err, JARVA_EFORMAT, "%s:%ld: 'field' and 'column' must not be empty",
                               m->path, row.line);
            goto done;
        }
        if (!strcmp(field, "covers")) {
            /* A setting, not a column: which areas the source's rows may lie in. */
            if (strcmp(column, "jarva") && strcmp(column, "comparison")) {
                rc = jarva__seterr(err, JARVA_EFORMAT,
                                   "%s:%ld: covers '%s' is neither 'jarva' (only areas in Järva) "
                                   "nor 'comparison' (comparison areas outside Järva too)",
                                   m->path, row.line, column);
                goto done;
            }
            m->covers_comparison = !strcmp(column, "comparison");
            continue;
        }
        int from, to;
        if (parse_years(years, &from, &to)) {
            rc = jarva__seterr(err, JARVA_EFORMAT,
                               "%s:%ld: years '%s' is not a range like 2019-2021, 2023- or 2025",
                               m->path, row.line, years);
            goto done;
        }
        if (jarva__mapping_add(m, field, column, from, to, codes, row.line)) {
            rc = jarva__seterr(err, JARVA_ENOMEM, "out of memory");
            goto done;
        }
    }
    if (rc == 0)
        rc = JARVA_OK;
done:
    jarva__csv_close(r);
    if (rc)
        jarva__mapping_free(m);
    else
        *out = m;
    return rc;
}

int jarva__mapping_check_questions(const jarva__mapping *m, jarva__error *err)
{
    for (size_t i = 0; i < m->count; i++) {
        const jarva__mapping_entry *e = &m->entries[i];
        if (!strcmp(e->field, "?"))
            return jarva__seterr(err, JARVA_EFORMAT,
                                 "%s:%ld: column '%s' was not placed by the mapping draft: "
                                 "name its field (a role or an indicator's variable) or delete "
                                 "the row",
                                 m->path, e->line, e->column);
        if (!jarva__mapping_is_role(e->field) && !e->codes)
            return jarva__seterr(err, JARVA_EFORMAT,
                                 "%s:%ld: question '%s' needs its permitted answer codes in "
                                 "'codes' (valid and missing codes, e.g. 1,2,3,4,9)",
                                 m->path, e->line, e->field);
    }
    return JARVA_OK;
}

int jarva__mapping_load(const char *catalog_dir, const char *source, jarva__mapping **out,
                        jarva__error *err)
{
    *out = NULL;
    int rc = jarva__mapping_check_source_id(source, err);
    if (rc)
        return rc;
    char *path = jarva__aprintf("%s/sources/%s.csv", catalog_dir, source);
    if (!path)
        return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    FILE *probe = fopen(path, "rb");
    if (!probe) {
        rc = jarva__seterr(err, JARVA_ENOTFOUND,
                           "%s: no column mapping for source '%s' (write one: see "
                           "indicators/README.md)",
                           path, source);
        free(path);
        return rc;
    }
    fclose(probe);
    rc = jarva__mapping_parse_file(path, out, err);
    free(path);
    return rc;
}
