/* pdf_table.h: tables in the style of official statistics: a caption, a
 * header row between rules, numbers right-aligned, light shading on every
 * other row, text wrapped inside cells, and rows that continue on the next
 * page under a repeated header. Rows are added one at a time, so a table of
 * any length streams through. All text is UTF-8. */
#ifndef JARVA_PDF_TABLE_H
#define JARVA_PDF_TABLE_H

#include <stdbool.h>

#include "pdf_doc.h"
#include "pdf_symbol.h"

typedef struct jarva__pdf_column {
    const char *header; /* may wrap onto several lines */
    double weight;      /* the column's share of the table width, relative to the others */
    jarva__align align; /* JARVA__ALIGN_RIGHT for numbers */
} jarva__pdf_column;

typedef struct jarva__pdf_table_spec {
    const jarva__pdf_column *columns;
    size_t n_columns;
    const char *caption; /* above the table, kept with its first rows; NULL for none */
    const char *note;    /* below the table (source, symbols); NULL for none */
    bool shade;          /* shade every other row */
    double font_size;    /* of cells and header; 0: the small style's (8.5 pt) */
} jarva__pdf_table_spec;

typedef struct jarva__pdf_cell {
    const char *text;      /* NULL: empty */
    bool has_status;       /* a status mark before the text */
    jarva__pdf_mark state; /* the mark, if has_status */
    bool bold;
} jarva__pdf_cell;

typedef struct jarva__pdf_table jarva__pdf_table;

/* Starts a table at the cursor; the spec's strings are needed only during
 * this call. *out is NULL on failure. Returns the document's status. */
int jarva__pdf_table_begin(jarva__pdf *doc, const jarva__pdf_table_spec *spec,
                           jarva__pdf_table **out);
/* Adds a row of n_columns cells, on a new page under the header if it does
 * not fit. JARVA_EINVAL if one row is taller than a page. */
int jarva__pdf_table_row(jarva__pdf_table *table, const jarva__pdf_cell *cells);
/* A row across all columns, bold on a tinted band: the heading of a group of
 * rows (such as a goal above its indicators). It stays on a page with at
 * least `keep_next` points of room for the rows after it, and the alternate
 * shading starts afresh below it. */
int jarva__pdf_table_group(jarva__pdf_table *table, const char *utf8, double keep_next);
/* A row of plain texts. */
int jarva__pdf_table_row_text(jarva__pdf_table *table, const char *const *texts);
/* Closes the table with a rule and its note, and frees it (NULL is fine).
 * Returns the document's status. */
int jarva__pdf_table_end(jarva__pdf_table *table);

#endif /* JARVA_PDF_TABLE_H */
