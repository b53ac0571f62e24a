/* xlsx_priv.h: what the two halves of the .xlsx reader share: the reader's
 * layout, xlsx_book.c (the archive, workbook, styles and shared strings) and
 * xlsx_sheet.c (the sheet's rows and cells). */
#ifndef JARVA_XLSX_PRIV_H
#define JARVA_XLSX_PRIV_H

#include <expat.h>
#include <zip.h>

#include "xlsx_internal.h"

/* Expat is created with this namespace separator: element names arrive as
 * "uri|local", and the readers look at the local part only, so that the
 * Transitional and the Strict namespace (and any prefix) read alike. */
#define XLSX_NS_SEP '|'

struct jarva__xlsx {
    char *path;
    char *sheet_name;
    int fd, own_fd; /* own_fd: opened by jarva__xlsx_open() */
    zip_t *zip;
    int date1904; /* workbookPr date1904: serials count from 1904-01-01 */

    /* Shared strings: text of string i at shared + offset[i], NUL-ended. */
    char *shared;
    size_t shared_len, shared_cap;
    size_t *shared_offset;
    size_t nshared, shared_slots;

    /* Per cell format (the s attribute): 1 if its number format is a date. */
    unsigned char *xf_is_date;
    size_t nxf;

    /* The sheet, streamed. */
    zip_file_t *sheet;
    XML_Parser parser;
    uint64_t sheet_read, sheet_size;
    int fed_final, done;
    jarva__error fail; /* the first error; code != 0 once failed */

    /* The cell being read. */
    int in_sheet_data, in_row, in_cell, in_value, in_inline, in_phonetic, in_formula;
    long row_no;     /* current row's number */
    long cell_col;   /* current cell's column index */
    char cell_type;  /* 'n' number, 's' shared, 'i' inline, 'b', 'e', 'd', 'f' formula string */
    long cell_style; /* index into xf_is_date, -1 none */
    int has_formula;
    char *text; /* the cell's <v> or inline text */
    size_t text_len, text_cap;
    char *formula;
    size_t formula_len, formula_cap;

    /* The row being assembled: cell text at rowbuf + cell_off[col], (size_t)-1
     * for empty; cols up to row_width. */
    char *rowbuf;
    size_t rowbuf_len, rowbuf_cap;
    size_t *cell_off, *cell_len;
    size_t row_width, row_cap;
    long last_col;
    int row_ready, row_nonempty;
    const char **out_cells;
    size_t out_cap;
};

/* The local part of an Expat name ("uri|c" -> "c"). */
const char *jarva__xlsx_local(const char *name);
/* The value of attribute local name in atts, or NULL. */
const char *jarva__xlsx_attr(const char **atts, const char *local);
/* Records the first error of the reader: "file:Sheet!C12: message" when a
 * cell is current (row > 0), else "file:Sheet: message" or "file: message". */
void jarva__xlsx_fail(jarva__xlsx *x, int code, long row, long col, const char *fmt, ...)
    JARVA__PRINTF(5, 6);
/* Opens the sheet part for streaming (xlsx_sheet.c). */
int jarva__xlsx_open_sheet(jarva__xlsx *x, const char *part);

#endif /* JARVA_XLSX_PRIV_H */
