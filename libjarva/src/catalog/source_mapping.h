/* source_mapping.h: the column mapping of a survey source: which column of an
 * export holds the respondent id, year, area, stratum, weight, sex, age group
 * (organisation and role for staff surveys), and which hold the questions, per
 * range of years because column names change between waves. Read from
 * <catalog>/sources/<source>.csv; see indicators/README.md. */
#ifndef JARVA_SOURCE_MAPPING_H
#define JARVA_SOURCE_MAPPING_H

#include "jarva_internal.h"

typedef struct jarva__mapping_entry {
    char *field;   /* a role (respondent_id, year, area, ...) or a question variable */
    char *column;  /* the column name in the export */
    int year_from; /* 0 = open */
    int year_to;   /* 0 = open */
    char **codes;  /* permitted answer codes (valid and missing), NULL-terminated; NULL = any */
    long line;     /* line in the mapping file, for messages */
} jarva__mapping_entry;

typedef struct jarva__mapping {
    char *path;
    jarva__mapping_entry *entries;
    size_t count, cap;
    /* The setting row `covers,comparison`: the export may hold respondents in
     * areas outside Järva (in_jarva = 0), stored for comparison and never
     * counted into Järva. Without it (or with `covers,jarva`) such a row is
     * an error. */
    int covers_comparison;
} jarva__mapping;

/* Loads the mapping file <catalog_dir>/sources/<source>.csv (rows read, years
 * checked; what the fields mean is the import kind's business, e.g.
 * jarva__mapping_check_questions). Errors go to err. JARVA_OK, JARVA_EINVAL
 * (a bad source name), JARVA_ENOTFOUND (no such file), JARVA_EFORMAT,
 * JARVA_EIO, JARVA_ENOMEM. */
int jarva__mapping_load(const char *catalog_dir, const char *source, jarva__mapping **out,
                        jarva__error *err);
/* The same for a file given by its path. */
int jarva__mapping_parse_file(const char *path, jarva__mapping **out, jarva__error *err);
/* The mapping an import uses: the file under catalog_dir when one is given
 * for the import; else the one `jarva init` stored in the database
 * (catalog_store.c); else, for a database loaded before schema version 4,
 * the file under the default folder, as before. JARVA_ENOTFOUND when the
 * source has none. */
int jarva__mapping_for_source(jarva_db *db, const char *catalog_dir, const char *source,
                              jarva__mapping **out, jarva__error *err);
/* Every question row has its answer codes (survey and staff mappings). */
int jarva__mapping_check_questions(const jarva__mapping *m, jarva__error *err);
/* Source ids are file names: lower-case letters, digits, '-' and '_'. */
int jarva__mapping_check_source_id(const char *source, jarva__error *err);
/* Appends an entry (strings copied; codes as written, "1,2,9"). */
int jarva__mapping_add(jarva__mapping *m, const char *field, const char *column, int year_from,
                       int year_to, const char *codes, long line);
/* An entry's codes as "1,2,9" ("" when none); free(). NULL out of memory. */
char *jarva__mapping_codes_text(const jarva__mapping_entry *e);
void jarva__mapping_free(jarva__mapping *m);

/* 1 if field is one of the respondent roles rather than a question. */
int jarva__mapping_is_role(const char *field);

/* 1 if entry applies to year (year 0: unknown, applies). */
int jarva__mapping_applies(const jarva__mapping_entry *e, int year);

#endif /* JARVA_SOURCE_MAPPING_H */
