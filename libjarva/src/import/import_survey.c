/* import_survey.c: survey microdata (residents' and staff surveys), one row per
 * respondent. The source's column mapping says which column is what; answers
 * are kept exactly as coded, empty meaning missing, in the blocks of
 * answer_store.c (one per question and 4096 respondents, with the design
 * columns and, since schema 9, the respondents' lines and ids), written by
 * store/survey_writer.c's thread while the next block is read (see
 * docs/schema.md). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_design.h"
#include "import_internal.h"
#include "catalog_internal.h"

enum role {
    ROLE_RESPONDENT,
    ROLE_YEAR,
    ROLE_AREA,
    ROLE_STRATUM,
    ROLE_WEIGHT,
    ROLE_SEX,
    ROLE_AGE_GROUP,
    ROLE_ORGANISATION,
    ROLE_ROLE,
    ROLE_COUNT
};

static const char *const role_names[ROLE_COUNT] = { "respondent_id", "year",         "area",
                                                    "stratum",       "weight",       "sex",
                                                    "age_group",     "organisation", "role" };

typedef struct question {
    const jarva__mapping_entry *entry;
    int col;
    /* Codes of one byte (nearly all are: 1-5, 9) checked by table lookup, the
     * rest by comparison: this check runs for every answer of every row. */
    unsigned char single[256];
    int has_longer;
} question;

typedef struct survey_state {
    jarva__import *imp;
    jarva__mapping *mapping;
    int role_col[ROLE_COUNT];
    const jarva__mapping_entry *role_entry[ROLE_COUNT];
    question *questions;
    size_t nquestions;
    /* Questions the mapping names that this file lacks: fine if not asked in
     * the wave's year, which may only be known after the first row. */
    const jarva__mapping_entry **absent;
    size_t nabsent;
    jarva__lookup *areas;
    /* Ids of the areas outside Järva (in_jarva = 0): a handful. */
    char **outside;
    size_t noutside;
    jarva__lookup *organisations;
    jarva__survey_writer *writer;
    jarva__weights weights;         /* checked against their median after the last row */
    jarva__strata *strata;          /* respondents per stratum, for lonely strata */
    jarva__answer_encoder *answers; /* the writer's */
    int year_checked;
    /* Respondent ids are distinct for certain while each one is greater than
     * the one before, as a whole number or as bytes (exports are mostly
     * sorted); otherwise one query at the end finds the duplicates. */
    int ids_seen, ids_ascending_numbers, ids_ascending_bytes;
    unsigned long long last_number;
    char *last_id;
    size_t last_id_len, last_id_cap;
} survey_state;

static void index_codes(question *q);

/* The mapping entry for field whose column this file has; NULL if none. When
 * several of its columns are present, the one for the known year wins. */
static const jarva__mapping_entry *choose_column(survey_state *s, const char *field, int *col,
                                                 int *ambiguous)
{
    const jarva__mapping_entry *chosen = NULL;
    *col = -1;
    *ambiguous = 0;
    for (size_t i = 0; i < s->mapping->count; i++) {
        const jarva__mapping_entry *e = &s->mapping->entries[i];
        if (strcmp(e->field, field) != 0)
            continue;
        int c = jarva__source_column(s->imp->reader, e->column);
        if (c < 0 || !jarva__mapping_applies(e, s->imp->year))
            continue;
        if (chosen && c != *col)
            *ambiguous = 1;
        chosen = e;
        *col = c;
    }
    return chosen;
}

static int field_seen(const survey_state *s, const char *field, size_t upto)
{
    for (size_t i = 0; i < upto; i++)
        if (!strcmp(s->mapping->entries[i].field, field))
            return 1;
    return 0;
}

static int resolve_columns(survey_state *s)
{
    jarva__import *imp = s->imp;
    int staff = imp->opts->kind == JARVA_IMPORT_STAFF;
    for (int r = 0; r < ROLE_COUNT; r++) {
        int ambiguous;
        s->role_entry[r] = choose_column(s, role_names[r], &s->role_col[r], &ambiguous);
        if (ambiguous)
            jarva__import_error(&imp->errors, imp->reader, 1, -1,
                                "more than one column for '%s' in mapping %s; give --year",
                                role_names[r], s->mapping->path);
    }
    int required[ROLE_COUNT] = { 0 };
    int hinted = 0; /* the hint about the header's line, once */
    required[ROLE_RESPONDENT] = 1;
    required[ROLE_YEAR] = imp->year == 0;
    required[staff ? ROLE_ORGANISATION : ROLE_AREA] = 1;
    for (int r = 0; r < ROLE_COUNT; r++) {
        if (!required[r] || s->role_col[r] >= 0)
            continue;
        const char *expected = NULL;
        for (size_t i = 0; i < s->mapping->count && !expected; i++)
            if (!strcmp(s->mapping->entries[i].field, role_names[r]))
                expected = s->mapping->entries[i].column;
        if (expected)
            jarva__import_error(&imp->errors, imp->reader, 1, -1,
                                "missing column '%s' (%s, from mapping %s%s)", expected,
                                role_names[r], s->mapping->path,
                                hinted++ ? ""
                                         : "; if the header is on a later line, give it: "
                                           "--header-row N");
        else
            jarva__import_error(&imp->errors, imp->reader, 1, -1,
                                "mapping %s names no column for '%s'%s", s->mapping->path,
                                role_names[r], r == ROLE_YEAR ? " (or give --year)" : "");
    }

    s->questions = calloc(s->mapping->count, sizeof *s->questions);
    s->absent = calloc(s->mapping->count, sizeof *s->absent);
    if (!s->questions || !s->absent)
        return jarva__seterr(jarva__db_err(imp->db), JARVA_ENOMEM, "out of memory");
    for (size_t i = 0; i < s->mapping->count; i++) {
        const jarva__mapping_entry *e = &s->mapping->entries[i];
        if (jarva__mapping_is_role(e->field) || field_seen(s, e->field, i))
            continue;
        int col, ambiguous;
        const jarva__mapping_entry *chosen = choose_column(s, e->field, &col, &ambiguous);
        if (ambiguous)
            jarva__import_error(&imp->errors, imp->reader, 1, -1,
                                "more than one column for question '%s' in mapping %s; give --year",
                                e->field, s->mapping->path);
        if (chosen) {
            question *q = &s->questions[s->nquestions++];
            q->entry = chosen;
            q->col = col;
            index_codes(q);
        } else {
            /* None of its columns is here: remember every mapping row of the
             * question, since any of them may be the one for the wave's year. */
            for (size_t k = i; k < s->mapping->count; k++)
                if (!strcmp(s->mapping->entries[k].field, e->field))
                    s->absent[s->nabsent++] = &s->mapping->entries[k];
        }
    }
    return JARVA_OK;
}

/* Once the wave's year is known: every chosen column must be mapped for it,
 * and every absent question must not have been asked that year. */
static void check_year(survey_state *s, long line)
{
    jarva__import *imp = s->imp;
    s->year_checked = 1;
    for (int r = 0; r < ROLE_COUNT; r++)
        if (s->role_entry[r] && !jarva__mapping_applies(s->role_entry[r], imp->year))
            jarva__import_error(&imp->errors, imp->reader, line, s->role_col[r],
                                "column mapped for years %d-%d only (%s:%ld), the file is %d",
                                s->role_entry[r]->year_from, s->role_entry[r]->year_to,
                                s->mapping->path, s->role_entry[r]->line, imp->year);
    for (size_t q = 0; q < s->nquestions; q++) {
        const jarva__mapping_entry *e = s->questions[q].entry;
        if (!jarva__mapping_applies(e, imp->year))
            jarva__import_error(&imp->errors, imp->reader, line, s->questions[q].col,
                                "question '%s' is mapped to this column for years %d-%d only "
                                "(%s:%ld), the file is %d",
                                e->field, e->year_from, e->year_to, s->mapping->path, e->line,
                                imp->year);
    }
    for (size_t a = 0; a < s->nabsent; a++) {
        const jarva__mapping_entry *e = s->absent[a];
        if (jarva__mapping_applies(e, imp->year))
            jarva__import_error(&imp->errors, imp->reader, 1, -1,
                                "missing column '%s' for question '%s' (%s:%ld)", e->column,
                                e->field, s->mapping->path, e->line);
    }
}

static void index_codes(question *q)
{
    memset(q->single, 0, sizeof q->single);
    q->has_longer = 0;
    for (char **c = q->entry->codes; c && *c; c++) {
        if ((*c)[0] && !(*c)[1])
            q->single[(unsigned char)(*c)[0]] = 1;
        else
            q->has_longer = 1;
    }
}

static int code_permitted(const question *q, const char *code)
{
    if (!q->entry->codes)
        return 1;
    if (code[0] && !code[1] && q->single[(unsigned char)code[0]])
        return 1;
    if (!q->has_longer)
        return 0;
    for (char **c = q->entry->codes; *c; c++)
        if (!strcmp(*c, code))
            return 1;
    return 0;
}

static void list_codes(const jarva__mapping_entry *e, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (char **c = e->codes; c && *c && used + 1 < size; c++) {
        int n = snprintf(buf + used, size - used, "%s%s", used ? "," : "", *c);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

/* The next character of s for comparing codes: ASCII folded to lower case,
 * and the dashes people and Excel write between numbers ("16–29": en dash,
 * figure dash, em dash, minus sign, all U+2012..U+2014 and U+2212) as '-'.
 * Advances *s past it. */
static unsigned code_char(const unsigned char **s)
{
    const unsigned char *p = *s;
    if (p[0] == 0xE2 &&
        ((p[1] == 0x80 && p[2] >= 0x92 && p[2] <= 0x94) || (p[1] == 0x88 && p[2] == 0x92))) {
        *s = p + 3;
        return '-';
    }
    *s = p + 1;
    return p[0] >= 'A' && p[0] <= 'Z' ? (unsigned)p[0] + 32 : p[0];
}

static int same_code(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    while (*x && *y)
        if (code_char(&x) != code_char(&y))
            return 0;
    return !*x && !*y;
}

/* The mapping's own spelling of the code v stands for, or NULL if v is none
 * of entry's codes (surrounding spaces are the reader's to trim). */
static const char *role_code(const jarva__mapping_entry *e, const char *v)
{
    for (char **c = e->codes; *c; c++)
        if (same_code(*c, v))
            return *c;
    return NULL;
}

static const char *field_or_null(const jarva__csv_row *row, int col)
{
    return col >= 0 && (size_t)col < row->nfields ? row->fields[col] : NULL;
}

static int is_blank(const char *v)
{
    return !v || !*v;
}

/* A sex, age group or role: one of the codes the mapping lists for it, as
 * answers are (issue 17), written as the mapping writes it, so that "16–29"
 * from Excel and "16-29" are one age group. Without codes in the mapping
 * anything goes, as before. An empty value is missing. */
static const char *check_role_value(survey_state *s, const jarva__csv_row *row, int role)
{
    int col = s->role_col[role];
    const jarva__mapping_entry *e = s->role_entry[role];
    const char *v = field_or_null(row, col);
    if (col < 0 || is_blank(v) || !e || !e->codes)
        return v;
    const char *code = role_code(e, v);
    if (!code) {
        char codes[256];
        list_codes(e, codes, sizeof codes);
        jarva__import_error(&s->imp->errors, s->imp->reader, row->line, col,
                            "%s '%s' is not one of %s (the codes of %s in %s:%ld)",
                            role == ROLE_SEX         ? "sex"
                            : role == ROLE_AGE_GROUP ? "age group"
                                                     : "role",
                            v, codes, role_names[role], s->mapping->path, e->line);
    }
    return code;
}

/* The answers' writer (store/survey_writer.c), with the questions as
 * resolve_columns() chose them. */
static int open_writer(survey_state *s)
{
    jarva__survey_variable *vars = calloc(s->nquestions ? s->nquestions : 1, sizeof *vars);
    if (!vars)
        return jarva__seterr(jarva__db_err(s->imp->db), JARVA_ENOMEM, "out of memory");
    for (size_t q = 0; q < s->nquestions; q++) {
        vars[q].name = s->questions[q].entry->field;
        vars[q].column = s->questions[q].entry->column;
    }
    int rc =
        jarva__survey_writer_open(&s->writer, s->imp->db, s->imp->batch_id, vars, s->nquestions);
    free(vars);
    if (rc == JARVA_OK)
        s->answers = jarva__survey_writer_encoder(s->writer);
    return rc;
}

/* id as a whole number written without leading zeros (so that two ids with
 * the same number are the same text), or -1. */
static int canonical_number(const char *id, size_t len, unsigned long long *out)
{
    if (len == 0 || len > 18 || (id[0] == '0' && len > 1))
        return -1;
    unsigned long long n = 0;
    for (size_t i = 0; i < len; i++) {
        if (id[i] < '0' || id[i] > '9')
            return -1;
        n = n * 10 + (unsigned long long)(id[i] - '0');
    }
    *out = n;
    return 0;
}

/* Follows the order of the respondent ids; see ids_ascending_*. 0, or -1
 * out of memory. */
static int note_id(survey_state *s, const char *id, size_t len)
{
    if (!s->ids_seen) {
        s->ids_seen = 1;
        s->ids_ascending_numbers = canonical_number(id, len, &s->last_number) == 0;
        s->ids_ascending_bytes = 1;
    } else {
        unsigned long long n;
        if (s->ids_ascending_numbers) {
            if (canonical_number(id, len, &n) || n <= s->last_number)
                s->ids_ascending_numbers = 0;
            else
                s->last_number = n;
        }
        if (s->ids_ascending_bytes) {
            size_t common = len < s->last_id_len ? len : s->last_id_len;
            int cmp = memcmp(id, s->last_id, common);
            if (cmp < 0 || (cmp == 0 && len <= s->last_id_len))
                s->ids_ascending_bytes = 0;
        }
    }
    if (!s->ids_ascending_bytes)
        return 0;
    if (len + 1 > s->last_id_cap) {
        size_t cap = len + 1 > 64 ? 2 * (len + 1) : 64;
        char *grown = realloc(s->last_id, cap);
        if (!grown)
            return -1;
        s->last_id = grown;
        s->last_id_cap = cap;
    }
    memcpy(s->last_id, id, len + 1);
    s->last_id_len = len;
    return 0;
}

static int report_duplicate(void *ctx, int64_t line, const char *id, int64_t first)
{
    survey_state *s = ctx;
    jarva__import *imp = s->imp;
    jarva__import_error(&imp->errors, imp->reader, (long)line, s->role_col[ROLE_RESPONDENT],
                        "duplicate respondent id '%s' (first on line %lld)", id, (long long)first);
    return imp->errors.count >= JARVA__IMPORT_ERROR_LIMIT;
}

/* Every row whose respondent id appeared on an earlier line of the batch, in
 * file order, from the blocks written (jarva__answers_duplicates). */
static int report_duplicates(survey_state *s)
{
    if (s->imp->errors.count >= JARVA__IMPORT_ERROR_LIMIT)
        return JARVA_OK;
    return jarva__answers_duplicates(s->imp->db, s->imp->batch_id, report_duplicate, s);
}

/* Checks each of the row's answer codes against the mapping. */
static void check_answers(survey_state *s, const jarva__csv_row *row)
{
    jarva__import *imp = s->imp;
    for (size_t q = 0; q < s->nquestions; q++) {
        const question *item = &s->questions[q];
        const char *code = field_or_null(row, item->col);
        if (!code || row->lengths[item->col] == 0 || code_permitted(item, code))
            continue;
        char codes[256];
        list_codes(item->entry, codes, sizeof codes);
        jarva__import_error(&imp->errors, imp->reader, row->line, item->col,
                            "answer code '%s' for question '%s' is not one of %s", code,
                            item->entry->field, codes);
    }
}

/* The row's weight, design columns and answers into the blocks; a block
 * complete goes to the writer's thread. area_id and org_id are the resolved ids. */
static int store_answers(survey_state *s, const jarva__csv_row *row, double weight,
                         const char *area_id, const char *org_id, const char *const checked[3])
{
    jarva__answer_encoder *e = s->answers;
    /* Sex, age group and role as check_role_value() spelled them. */
    const char *design[JARVA__DESIGN_CODED] = { field_or_null(row, s->role_col[ROLE_STRATUM]),
                                                area_id,
                                                checked[0],
                                                checked[1],
                                                org_id,
                                                checked[2] };
    int id_col = s->role_col[ROLE_RESPONDENT];
    int failed =
        jarva__answers_put_respondent(e, row->fields[id_col], row->lengths[id_col], row->line);
    jarva__answers_put_weight(e, weight);
    for (int c = 0; c < JARVA__DESIGN_CODED; c++) {
        const char *v = design[c];
        size_t len = !v ? 0 : c == 0 ? row->lengths[s->role_col[ROLE_STRATUM]] : strlen(v);
        failed |= jarva__answers_put(e, JARVA__COL_STRATUM - c, v, len);
    }
    for (size_t q = 0; q < s->nquestions; q++) {
        int col = s->questions[q].col;
        const char *code = field_or_null(row, col);
        failed |= jarva__answers_put(e, (int)q, code, code ? row->lengths[col] : 0);
    }
    if (failed)
        return jarva__seterr(jarva__db_err(s->imp->db), JARVA_ENOMEM, "out of memory");
    return jarva__survey_writer_end_row(s->writer);
}

/* Keeps the ids of the areas outside Järva (in_jarva = 0, the same test
 * compute's mark_outside makes on the same list). */
static int add_outside(void *ctx, const jarva__store_area *area)
{
    survey_state *s = ctx;
    if (area->in_jarva)
        return JARVA_OK;
    char **grown = realloc(s->outside, (s->noutside + 1) * sizeof *grown);
    char *id = jarva__strdup(area->id);
    if (grown)
        s->outside = grown;
    if (!grown || !id) {
        free(id);
        return jarva__seterr(jarva__db_err(s->imp->db), JARVA_ENOMEM, "out of memory");
    }
    s->outside[s->noutside++] = id;
    return JARVA_OK;
}

static int is_outside(const survey_state *s, const char *area_id)
{
    for (size_t i = 0; area_id && i < s->noutside; i++)
        if (!strcmp(s->outside[i], area_id))
            return 1;
    return 0;
}

/* jarva__weights_add or _check failed: -1 out of memory, -2 the temporary
 * file of the weights (errno says why). */
static int weights_failed(jarva__import *imp, int failure)
{
    if (failure == -1)
        return jarva__seterr(jarva__db_err(imp->db), JARVA_ENOMEM, "out of memory");
    char reason[128];
    if (strerror_r(errno, reason, sizeof reason) != 0)
        snprintf(reason, sizeof reason, "error %d", errno);
    return jarva__seterr(jarva__db_err(imp->db), JARVA_EIO,
                         "a temporary file for the weights (the median check): %s", reason);
}

static int import_row(void *ctx, const jarva__csv_row *row)
{
    survey_state *s = ctx;
    jarva__import *imp = s->imp;
    jarva__import_errors *errors = &imp->errors;
    const char *decimal_text = NULL;
    char decimal = jarva__source_decimal(imp->reader);

    const char *id = field_or_null(row, s->role_col[ROLE_RESPONDENT]);
    if (is_blank(id))
        jarva__import_error(errors, imp->reader, row->line, s->role_col[ROLE_RESPONDENT],
                            "empty respondent id");
    else if (note_id(s, id, row->lengths[s->role_col[ROLE_RESPONDENT]]))
        return jarva__seterr(jarva__db_err(imp->db), JARVA_ENOMEM, "out of memory");

    if (s->role_col[ROLE_YEAR] >= 0) {
        const char *v = field_or_null(row, s->role_col[ROLE_YEAR]);
        long year;
        if (is_blank(v) || jarva__parse_long(v, 1990, 2199, &year))
            jarva__import_error(errors, imp->reader, row->line, s->role_col[ROLE_YEAR],
                                "year '%s' is not a year between 1990 and 2199", v ? v : "");
        else if (!imp->year)
            imp->year = (int)year;
        else if (year != imp->year)
            jarva__import_error(errors, imp->reader, row->line, s->role_col[ROLE_YEAR],
                                "year %ld in a file of wave %d: import one wave per file", year,
                                imp->year);
    }
    if (imp->year && !s->year_checked)
        check_year(s, row->line);

    const char *area_id = NULL;
    if (s->role_col[ROLE_AREA] >= 0) {
        const char *v = field_or_null(row, s->role_col[ROLE_AREA]);
        area_id = jarva__lookup_find(s->areas, v);
        if (!area_id && !is_blank(v)) {
            const char *hint = jarva__lookup_suggest(s->areas, v);
            jarva__import_error(errors, imp->reader, row->line, s->role_col[ROLE_AREA],
                                "unknown area '%s'%s%s%s", v, hint ? " (did you mean '" : "",
                                hint ? hint : "", hint ? "'?)" : "");
        } else if (!area_id && imp->opts->kind == JARVA_IMPORT_SURVEY) {
            jarva__import_error(errors, imp->reader, row->line, s->role_col[ROLE_AREA],
                                "empty area");
        } else if (!s->mapping->covers_comparison && is_outside(s, area_id)) {
            /* Counted into Järva it would bias every estimate silently. */
            jarva__import_error(errors, imp->reader, row->line, s->role_col[ROLE_AREA],
                                "area '%s' is not in Järva (in_jarva = 0 in areas.csv); if the "
                                "source also covers comparison areas, add the row "
                                "'covers,comparison' to %s",
                                v, s->mapping->path);
        }
    }
    const char *org_id = NULL;
    if (s->role_col[ROLE_ORGANISATION] >= 0) {
        const char *v = field_or_null(row, s->role_col[ROLE_ORGANISATION]);
        org_id = jarva__lookup_find(s->organisations, v);
        if (!org_id) {
            const char *hint = jarva__lookup_suggest(s->organisations, v);
            jarva__import_error(errors, imp->reader, row->line, s->role_col[ROLE_ORGANISATION],
                                "unknown organisation '%s'%s%s%s", v ? v : "",
                                hint ? " (did you mean '" : "", hint ? hint : "",
                                hint ? "'?)" : "");
        }
    }
    double weight = 1.0;
    if (s->role_col[ROLE_WEIGHT] >= 0) {
        decimal_text = field_or_null(row, s->role_col[ROLE_WEIGHT]);
        if (is_blank(decimal_text) || jarva__parse_double(decimal_text, decimal, &weight) ||
            !(weight > 0) || !isfinite(weight)) {
            char hint[JARVA__DECIMAL_HINT_SIZE];
            jarva__import_decimal_hint(imp, decimal_text, hint);
            jarva__import_error(errors, imp->reader, row->line, s->role_col[ROLE_WEIGHT],
                                "weight '%s' is not a positive number%s",
                                decimal_text ? decimal_text : "", hint);
        } else {
            int added = jarva__weights_add(&s->weights, weight, row->line);
            if (added)
                return weights_failed(imp, added);
        }
    }
    if (s->strata) {
        const char *v = field_or_null(row, s->role_col[ROLE_STRATUM]);
        if (!is_blank(v) &&
            jarva__strata_add(s->strata, v, row->lengths[s->role_col[ROLE_STRATUM]]))
            return jarva__seterr(jarva__db_err(imp->db), JARVA_ENOMEM, "out of memory");
    }

    check_answers(s, row);
    const char *sex = check_role_value(s, row, ROLE_SEX);
    const char *age_group = check_role_value(s, row, ROLE_AGE_GROUP);
    const char *staff_role = check_role_value(s, row, ROLE_ROLE);

    imp->rows++;
    /* After the first error the batch will be rolled back: keep validating,
     * stop writing. */
    if (errors->count)
        return JARVA_OK;
    const char *design[3] = { sex, age_group, staff_role };
    return store_answers(s, row, weight, area_id, org_id, design);
}

/* What only the whole file tells: weights far from the median or adding up
 * to infinity (errors), and strata of one respondent (a warning in the
 * result, since compute can handle them with a lonely-PSU rule). */
static int check_design(survey_state *s)
{
    jarva__import *imp = s->imp;
    jarva_import_result *res = imp->result;
    int checked = jarva__weights_check(&s->weights, imp, s->role_col[ROLE_WEIGHT],
                                       imp->opts->weight_factor, imp->opts->accept_extreme_weights,
                                       &res->weight_ratio, &res->extreme_weights);
    if (checked)
        return weights_failed(imp, checked);
    if (s->strata)
        res->lonely_strata =
            jarva__strata_lonely(s->strata, res->lonely_stratum, sizeof res->lonely_stratum);
    return JARVA_OK;
}

int jarva__import_survey(jarva__import *imp)
{
    survey_state s;
    memset(&s, 0, sizeof s);
    s.imp = imp;
    const char *source = imp->opts->source;
    if (!source)
        source = imp->opts->kind == JARVA_IMPORT_STAFF ? "jarva-personalenkat" : "jarva-trygghet";
    int rc = jarva__mapping_for_source(imp->db, imp->opts->catalog_dir, source, &s.mapping,
                                       jarva__db_err(imp->db));
    if (!rc)
        rc = jarva__mapping_check_questions(s.mapping, jarva__db_err(imp->db));
    if (rc) {
        jarva__mapping_free(s.mapping);
        return rc;
    }
    rc = jarva__lookup_areas(imp->db, &s.areas);
    if (!rc)
        rc = jarva__store_areas(imp->db, add_outside, &s);
    if (!rc)
        rc = jarva__lookup_organisations(imp->db, &s.organisations);
    if (!rc)
        rc = resolve_columns(&s);
    if (!rc)
        rc = open_writer(&s);
    if (!rc && s.role_col[ROLE_STRATUM] >= 0 && jarva__strata_open(&s.strata))
        rc = jarva__seterr(jarva__db_err(imp->db), JARVA_ENOMEM, "out of memory");
    if (!rc)
        rc = jarva__import_each_row(imp, import_row, &s);
    /* The rows before the first error, if any, are written, so that the
     * duplicates among them are found too in the blocks; without errors,
     * every column's codes. */
    if (!rc)
        rc = jarva__survey_writer_finish(s.writer, imp->errors.count == 0);
    if (!rc && s.ids_seen && !s.ids_ascending_numbers && !s.ids_ascending_bytes)
        rc = report_duplicates(&s);
    if (!rc)
        rc = check_design(&s);
    if (!rc && imp->rows == 0 && imp->errors.count == 0)
        jarva__import_error(&imp->errors, imp->reader, 1, -1, "no respondents in the file");
    if (!rc && !imp->year && imp->errors.count == 0)
        jarva__import_error(&imp->errors, imp->reader, 1, -1, "no year: give --year");
    jarva__survey_writer_free(s.writer);
    jarva__weights_free(&s.weights);
    jarva__strata_free(s.strata);
    jarva__lookup_free(s.areas);
    for (size_t i = 0; i < s.noutside; i++)
        free(s.outside[i]);
    free(s.outside);
    jarva__lookup_free(s.organisations);
    jarva__mapping_free(s.mapping);
    free(s.questions);
    free(s.absent);
    free(s.last_id);
    return rc;
}
