/* catalog_internal.h: the parts of the catalogue loader: the plan's files read
 * into memory (catalog_parse.c), checked across files (catalog_check.c) and
 * written in one transaction (catalog_write.c); and the area-name folding that
 * lookups share (catalog_area.c). Internal to libjarva. */
#ifndef JARVA_CATALOG_INTERNAL_H
#define JARVA_CATALOG_INTERNAL_H

#include <stddef.h>

#include "jarva_internal.h"
/* The catalogue's source mappings, which the import and compute read. */
#include "source_mapping.h"

/* The files of a catalogue, in the order they are read and reported. */
enum {
    CAT_PLAN,
    CAT_ORGANISATIONS,
    CAT_PRIORITY_AREAS,
    CAT_AUDIENCES,
    CAT_GOALS,
    CAT_PRINCIPLES,
    CAT_AREAS,
    CAT_ALIASES,
    CAT_INDICATORS,
    CAT_SOURCES, /* optional: a catalogue without sources.csv loads (issue 12) */
    CAT_NFILES
};

/* Columns of each file, in the order of its spec (catalog_parse.c). */
enum {
    PLAN_YEAR,
    PLAN_TITLE_SV,
    PLAN_TITLE_EN,
    PLAN_ADOPTED,
    PLAN_NOTE,
    PLAN_ON_TRACK,
    PLAN_OFF_TRACK,
    PLAN_CONTACT_SV,
    PLAN_CONTACT_EN
};
enum { ORG_ID, ORG_NAME_SV, ORG_NAME_EN, ORG_ROLE };
enum { PRIO_ID, PRIO_NAME_SV, PRIO_NAME_EN };
enum { AUD_ID, AUD_NAME_SV, AUD_NAME_EN, AUD_DESC_SV, AUD_DESC_EN };
enum { GOAL_ID, GOAL_KIND, GOAL_AUDIENCE, GOAL_TEXT_SV, GOAL_TEXT_EN, GOAL_OWNER };
/* sources.csv: what each survey, table or log is, for the quality
 * declaration (the report's «Om statistiken»). */
enum {
    SRC_ID,
    SRC_NAME_SV,
    SRC_NAME_EN,
    SRC_PUBLISHER,
    SRC_SIMULATED,
    SRC_POPULATION_SV,
    SRC_POPULATION_EN,
    SRC_SAMPLING_SV,
    SRC_SAMPLING_EN,
    SRC_FIELDWORK_SV,
    SRC_FIELDWORK_EN,
    SRC_RESPONSE_SV,
    SRC_RESPONSE_EN,
    SRC_REFERENCE,
    SRC_REFERENCE_YEAR,
    SRC_URL,
    SRC_NCOLUMNS
};
enum { PRIN_ID, PRIN_TEXT_SV, PRIN_TEXT_EN };
enum { AREA_ID, AREA_NAME, AREA_KIND, AREA_PARENT, AREA_IN_JARVA, AREA_NAME_EN };
enum { ALIAS_ALIAS, ALIAS_AREA };
enum {
    IND_ID,
    IND_GOAL,
    IND_NAME_SV,
    IND_NAME_EN,
    IND_SOURCE_KIND,
    IND_MEASURE,
    IND_SOURCE,
    IND_VARIABLE,
    IND_POSITIVE,
    IND_VALID,
    IND_EVENT_TYPE,
    IND_RULE,
    IND_DIRECTION,
    IND_BASE_YEAR,
    IND_BASE_VALUE,
    IND_TARGET_YEAR,
    IND_TARGET_VALUE,
    IND_UNIT,
    IND_DISAGG,
    IND_MIN_N,
    IND_BREAKS,
    IND_DESC_SV,
    IND_DESC_EN,
    IND_TARGET_KIND,
    IND_TARGET_DECISION,
    IND_QUESTION_SV,
    IND_QUESTION_EN,
    IND_SCALE_SV,
    IND_SCALE_EN
};

/* One value of a row: its text after trimming and canonicalisation (NULL when
 * empty), for numeric columns the number it holds, and whether it was already
 * reported as malformed (so that checks across rows do not report it again). */
typedef struct jarva__cat_cell {
    char *text;
    double number;
    int invalid;
} jarva__cat_cell;

typedef struct jarva__cat_row {
    long line; /* where the record starts in its file, for messages */
    jarva__cat_cell *cells;
} jarva__cat_row;

typedef struct jarva__cat_table {
    char *path; /* dir/file, as messages show it */
    jarva__cat_row *rows;
    size_t nrows, cap;
    int ncolumns;
    int complete; /* read to the end: references into it can be checked */
} jarva__cat_table;

/* Every problem found, in the order found: "file:line: message" each. */
typedef struct jarva__cat_errors {
    char **lines;
    size_t stored, cap; /* lines kept (all but those memory ran out for) */
    size_t count;       /* errors found */
    int code;           /* JARVA_EFORMAT, or JARVA_EIO / JARVA_ENOMEM when one occurred */
} jarva__cat_errors;

/* The source mappings, sources/<id>.csv (catalog_store.c). */
typedef struct jarva__cat_sources jarva__cat_sources;

typedef struct jarva__catalog {
    jarva__cat_table tables[CAT_NFILES];
    jarva__cat_errors errors;
    jarva__cat_sources *sources;
} jarva__catalog;

/* The file names of the catalogue, e.g. "goals.csv". */
const char *jarva__catalog_file(int file);

/* Records an error at path:line (line 0: no line). */
void jarva__cat_error(jarva__cat_errors *errors, const char *path, long line, const char *fmt, ...)
    JARVA__PRINTF(4, 5);
void jarva__cat_nomem(jarva__cat_errors *errors);

/* Reads every file of dir into cat, checking each value on its own (types,
 * codes, required values). Problems go to cat->errors. */
void jarva__catalog_parse(jarva__catalog *cat, const char *dir);

/* Checks what spans rows and files: duplicate ids, references, the indicator
 * rules (baseline and target, codes, sources), area cycles, aliases. */
void jarva__catalog_check(jarva__catalog *cat);

/* Replaces the catalogue in db by cat in one transaction. Items that are gone
 * are deleted, unless imported data still refers to them (then an error per
 * item goes to cat->errors and nothing is written). JARVA_OK, JARVA_EFORMAT,
 * JARVA_EDB, JARVA_EBUSY or JARVA_ENOMEM (with db's message set for the last
 * three). */
int jarva__catalog_write(jarva_db *db, jarva__catalog *cat);

void jarva__catalog_free(jarva__catalog *cat);

/* catalog_store.c: reads every dir/sources/<id>.csv (content and rows; a
 * file that does not parse is an error in cat->errors), writes them to the
 * database inside jarva__catalog_write's transaction, replacing what an
 * earlier init stored, and frees them. */
void jarva__catalog_sources_read(jarva__catalog *cat, const char *dir);
int jarva__catalog_sources_write(jarva_db *db, const jarva__catalog *cat);
void jarva__catalog_sources_free(jarva__catalog *cat);

/* The text of a cell (NULL when empty). */
static inline const char *jarva__cat_text(const jarva__cat_row *row, int col)
{
    return row->cells[col].text;
}

/* Row index of the row whose column col equals value, or -1. */
long jarva__cat_find(const jarva__cat_table *table, int col, const char *value);

/* Whether values such as baselines and targets of an indicator row are shares
 * written in percent in the files and stored on the 0–1 scale: proportions, and
 * rates whose unit is "%". */
int jarva__cat_is_percent(const char *measure, const char *unit);

/* Folds an area name for matching: ASCII letters lower-cased, å ä à á â → a,
 * ö ò ó ô → o, é è ê ë → e, ü → u (either case), and runs of spaces, '-', '/'
 * and '_' to one '-'; leading and trailing separators dropped. Returns a new
 * string (free()) or NULL when out of memory. */
char *jarva__area_fold(const char *name);

/* Resolves an area id, name or alias (exact, then case-insensitive, then
 * folded) to its id. *id_out is a new string (free()). JARVA_OK,
 * JARVA_ENOTFOUND, JARVA_ENOMEM or JARVA_EDB, with db's message set. */
int jarva__area_resolve(jarva_db *db, const char *name, char **id_out);

#endif /* JARVA_CATALOG_INTERNAL_H */
