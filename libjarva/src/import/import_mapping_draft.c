/* import_mapping_draft.c: `jarva mapping draft`: a first column mapping for
 * an export, for the analyst to edit. Roles are guessed from the columns'
 * names as Swedish and English exports write them (lopnr, omrade, vikt,
 * strata, kon, aldersgrupp ...); questions are the columns that a mapping
 * of the catalogue already names, or that are named as an indicator's
 * variable; the codes are the values the file holds. A column it cannot
 * place is written with the field '?', which an import refuses until the
 * analyst names its field or deletes the row. The file may be a CSV export,
 * an Excel workbook or an SPSS, Stata or SAS file (the import's row source);
 * a statistics file's variable labels and value labels go into the
 * description, and its labelled codes into the codes. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_reader.h"
#include "import_internal.h"
#include "catalog_internal.h"
#include "input_file.h"
#include "store_internal.h"

/* Distinct values kept per column: more, and the column is not coded. */
#define MAX_CODES 16

typedef struct column_info {
    const char *name;
    char *codes[MAX_CODES];
    size_t ncodes;
    int too_many;
    const char *field; /* guessed, or NULL */
    char *field_owned; /* when the field comes from the catalogue */
    char *note;
    const char *label;  /* a statistics file's variable label */
    char *value_labels; /* "1 = mycket trygg, 2 = ganska trygg" */
} column_info;

typedef struct role_guess {
    const char *field;
    const char *const names[12];
} role_guess;

/* Names folded: ASCII lower case, å ä → a, ö → o, anything else not a
 * letter or digit dropped ("Ålder_grupp" → "aldergrupp"). */
static void fold_name(const char *s, char *out, size_t size)
{
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && k + 1 < size; p++) {
        if (p[0] == 0xC3 && p[1]) {
            unsigned c = p[1] | 0x20;
            out[k++] = c == 0xA5 || c == 0xA4 ? 'a' : (c == 0xB6 ? 'o' : (c == 0xA9 ? 'e' : '_'));
            p++;
        } else if (isalnum(*p)) {
            out[k++] = (char)tolower(*p);
        }
    }
    out[k] = '\0';
}

static const role_guess guesses[] = {
    { "respondent_id",
      { "lopnr", "lpnr", "lopnummer", "id", "respid", "respondentid", "idnr", "respondent",
        "serial", NULL } },
    { "year", { "ar", "year", "undersokningsar", "wave", "enkatar", "artal", NULL } },
    { "area",
      { "omrade", "area", "bostadsomrade", "stadsdel", "stadsdelsomrade", "region", "district",
        "sdo", NULL } },
    { "stratum", { "strata", "stratum", "stratumid", "strat", NULL } },
    { "weight",
      { "vikt", "weight", "wt", "kalibreringsvikt", "viktkal", "designvikt", "w", NULL } },
    { "sex", { "kon", "sex", "gender", "kn", NULL } },
    { "age_group",
      { "aldersgrupp", "alder", "age", "agegroup", "aldgrp", "aldersklass", "aldergrupp", NULL } },
    { "organisation",
      { "organisation", "org", "forvaltning", "arbetsplats", "organization", NULL } },
    { "role", { "roll", "role", "befattning", "yrkesroll", NULL } },
};

static const char *guess_role(const char *name)
{
    char folded[128];
    fold_name(name, folded, sizeof folded);
    for (size_t g = 0; g < sizeof guesses / sizeof guesses[0]; g++)
        for (int i = 0; guesses[g].names[i]; i++)
            if (!strcmp(folded, guesses[g].names[i]))
                return guesses[g].field;
    return NULL;
}

static void add_code(column_info *c, const char *v)
{
    if (!v || !*v || c->too_many)
        return;
    for (size_t i = 0; i < c->ncodes; i++)
        if (!strcmp(c->codes[i], v))
            return;
    if (c->ncodes == MAX_CODES || strlen(v) > 12) {
        c->too_many = 1;
        return;
    }
    c->codes[c->ncodes] = jarva__strdup(v);
    if (c->codes[c->ncodes])
        c->ncodes++;
}

/* Numbers in numeric order, then text. */
static int by_code(const void *pa, const void *pb)
{
    const char *a = *(const char *const *)pa, *b = *(const char *const *)pb;
    char *ea, *eb;
    double x = strtod(a, &ea), y = strtod(b, &eb);
    int na = !*ea && ea != a, nb = !*eb && eb != b;
    if (na && nb)
        return (x > y) - (x < y);
    if (na != nb)
        return na ? -1 : 1;
    return strcmp(a, b);
}

/* The catalogue's word on a column: a mapping row naming it (this source's
 * first), or an indicator whose variable it is. JARVA_OK, found or not, or
 * the store's error. */
static int catalogue_field(jarva_db *db, jarva__column_hints *hints, column_info *c)
{
    jarva__column_hint hint;
    int rc = jarva__column_hints_find(hints, c->name, &hint);
    if (rc == JARVA_ENOTFOUND)
        return JARVA_OK;
    if (rc)
        return rc;
    c->field = c->field_owned = hint.field;
    c->note = hint.source_id ? jarva__aprintf("as sources/%s.csv maps it", hint.source_id)
                             : jarva__aprintf("the variable of indicator %s", hint.indicator_id);
    free(hint.source_id);
    free(hint.indicator_id);
    return c->note ? JARVA_OK : jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
}

typedef struct text_buf {
    char *s;
    size_t len, cap;
    int failed;
} text_buf;

static void put(text_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *grown = realloc(b->s, cap);
        if (!grown) {
            b->failed = 1;
            return;
        }
        b->s = grown;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/* One CSV field, quoted when it must be (RFC 4180); a cell a spreadsheet
 * would run as a formula (an export's column "=cmd") gets the apostrophe of
 * jarva_csv_write_cell(), which the mapping reader takes off again. */
static void put_field(text_buf *b, const char *s, int last)
{
    s = s ? s : "";
    int prefix = jarva_csv_cell_is_formula(s);
    if (strpbrk(s, ",\"\r\n")) {
        put(b, "\"", 1);
        if (prefix)
            put(b, "'", 1);
        for (const char *p = s; *p; p++) {
            put(b, p, 1);
            if (*p == '"')
                put(b, "\"", 1);
        }
        put(b, "\"", 1);
    } else {
        if (prefix)
            put(b, "'", 1);
        put(b, s, strlen(s));
    }
    put(b, last ? "\n" : ",", 1);
}

static char *join_codes(column_info *c)
{
    if (c->too_many || !c->ncodes)
        return jarva__strdup("");
    qsort(c->codes, c->ncodes, sizeof *c->codes, by_code);
    text_buf b = { 0 };
    for (size_t i = 0; i < c->ncodes; i++) {
        if (i)
            put(&b, ",", 1);
        put(&b, c->codes[i], strlen(c->codes[i]));
    }
    return b.failed ? (free(b.s), NULL) : (b.s ? b.s : jarva__strdup(""));
}

static void write_row(text_buf *out, column_info *c)
{
    int is_role = c->field && jarva__mapping_is_role(c->field);
    char *codes = is_role ? jarva__strdup("") : join_codes(c);
    char *note = NULL;
    if (!c->field)
        note = jarva__aprintf("NOT PLACED: name the field (a role or an indicator's variable) or "
                              "delete this row%s",
                              c->too_many ? "; more than 16 values, not a coded question" : "");
    else if (is_role)
        note = jarva__strdup(c->note ? c->note : "guessed from the column's name");
    else
        note = jarva__aprintf("%s; codes as found in the file: check them", c->note ? c->note : "");
    if (note && (c->label || c->value_labels)) {
        char *labelled = jarva__aprintf(
            "%s%s%s%s; %s", c->label ? c->label : "", c->label && c->value_labels ? " (" : "",
            c->value_labels ? c->value_labels : "", c->label && c->value_labels ? ")" : "", note);
        free(note);
        note = labelled;
    }
    put_field(out, c->field ? c->field : "?", 0);
    put_field(out, c->name, 0);
    put_field(out, "", 0);
    put_field(out, codes, 0);
    put_field(out, note, 1);
    if (!codes || !note)
        out->failed = 1;
    free(codes);
    free(note);
}

/* Without --source: the catalogue's source whose mapping names the most of
 * the file's columns, so that every row comes from one mapping. *out is a
 * new string, or NULL (none, or no stored catalogue). JARVA_OK or the
 * store's error. */
static int likeliest_source(jarva_db *db, const column_info *cols, size_t ncols, char **out)
{
    *out = NULL;
    const char **names = malloc((ncols ? ncols : 1) * sizeof *names);
    if (!names)
        return jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
    for (size_t c = 0; c < ncols; c++)
        names[c] = cols[c].name;
    int rc = jarva__store_likeliest_source(db, names, ncols, out);
    free(names);
    return rc == JARVA_ENOTFOUND ? JARVA_OK : rc;
}

int jarva_mapping_draft(char **csv_out, jarva_db *db, const char *path, const char *source)
{
    if (!db)
        return JARVA_EINVAL;
    jarva__clearerr(jarva__db_err(db));
    if (!path || !csv_out)
        return jarva__seterr(jarva__db_err(db), JARVA_EINVAL, "jarva_mapping_draft: NULL argument");
    *csv_out = NULL;
    if (source && jarva__mapping_check_source_id(source, jarva__db_err(db)))
        return JARVA_EINVAL;
    int fd;
    jarva__input_stat st;
    int rc = jarva__input_open(path, 0, &fd, &st, jarva__db_err(db));
    if (rc)
        return rc;
    jarva__row_source *r = NULL;
    rc = jarva__source_open(&r, fd, &st, path, NULL, NULL, jarva__db_err(db));
    if (rc)
        return rc;
    const jarva__csv_row *header = jarva__source_header(r);
    size_t ncols = header->nfields;
    column_info *cols = calloc(ncols ? ncols : 1, sizeof *cols);
    if (!cols) {
        jarva__source_close(r);
        return jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
    }
    for (size_t c = 0; c < ncols; c++) {
        cols[c].name = header->fields[c] ? header->fields[c] : "";
        cols[c].label = jarva__source_column_label(r, c);
    }
    jarva__csv_row row;
    /* The codes of the first 100 000 rows: enough to see every code. */
    long rows = 0;
    while (rows++ < 100000 && (rc = jarva__source_next(r, &row, jarva__db_err(db))) == 1)
        for (size_t c = 0; c < ncols && c < row.nfields; c++)
            add_code(&cols[c], row.fields[c]);
    if (rc > 0)
        rc = JARVA_OK;
    /* Labelled codes are codes too, answered or not ("9 = vet ej"). */
    for (size_t i = 0; !rc && i < jarva__source_nlabels(r); i++) {
        const char *column, *code, *label;
        jarva__source_label(r, i, &column, &code, &label);
        int c = jarva__source_column(r, column);
        if (c < 0)
            continue;
        add_code(&cols[c], code);
        char *joined =
            jarva__aprintf("%s%s%s = %s", cols[c].value_labels ? cols[c].value_labels : "",
                           cols[c].value_labels ? ", " : "", code, label);
        if (!joined)
            rc = jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
        free(cols[c].value_labels);
        cols[c].value_labels = joined;
    }
    text_buf out = { 0 };
    char *guessed_source = NULL;
    jarva__column_hints *hints = NULL;
    if (!rc && !source && !(rc = likeliest_source(db, cols, ncols, &guessed_source)))
        source = guessed_source;
    if (!rc)
        rc = jarva__column_hints_open(&hints, db, source);
    if (!rc) {
        put(&out, "field,column,years,codes,description\n", 37);
        int role_taken[16] = { 0 };
        for (size_t c = 0; c < ncols; c++) {
            if ((rc = catalogue_field(db, hints, &cols[c])) != JARVA_OK)
                break;
            const char *role = cols[c].field ? NULL : guess_role(cols[c].name);
            /* A role goes to the first column that looks like it. */
            for (size_t g = 0; role && g < sizeof guesses / sizeof guesses[0]; g++)
                if (!strcmp(guesses[g].field, role)) {
                    if (!role_taken[g])
                        cols[c].field = role;
                    role_taken[g] = 1;
                }
            write_row(&out, &cols[c]);
        }
        if (!rc && out.failed)
            rc = jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
    }
    for (size_t c = 0; c < ncols; c++) {
        for (size_t i = 0; i < cols[c].ncodes; i++)
            free(cols[c].codes[i]);
        free(cols[c].field_owned);
        free(cols[c].note);
        free(cols[c].value_labels);
    }
    free(cols);
    jarva__column_hints_free(hints);
    free(guessed_source);
    jarva__source_close(r);
    if (rc) {
        free(out.s);
        return rc;
    }
    *csv_out = out.s;
    return JARVA_OK;
}
