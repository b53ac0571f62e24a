/* import_source.h: where an import's rows come from. A CSV file, a sheet of
 * an Excel workbook or an SPSS/Stata/SAS file all come out as the same rows
 * of UTF-8 cells under a header, each with a position for messages, so that
 * every import kind validates them with one set of rules. The position reads
 * as the format's own: "enkat.csv:12:3 (F12a)", "enkat.xlsx:Blad1!C12 (F12a)",
 * "enkat.sav: row 11, variable F12a". */
#ifndef JARVA_IMPORT_SOURCE_H
#define JARVA_IMPORT_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "csv_reader.h"

typedef struct jarva__row_source jarva__row_source;

typedef enum jarva__source_format {
    JARVA__FORMAT_CSV = 0,
    JARVA__FORMAT_XLSX,
    JARVA__FORMAT_STATFILE /* .sav .zsav .por .dta .sas7bdat, through ReadStat */
} jarva__source_format;

/* The format of the file at path whose first bytes are head: by those (a
 * zip archive is a workbook, "$FL2"/"$FL3" an SPSS file) or its name's
 * ending (.xlsx .xlsm; .sav .zsav .por .dta .sas7bdat .xpt), as
 * jarva__xlsx_sniff and jarva__statfile_kind_of decide, else CSV. A name
 * that promises a format whose magic the file lacks is still taken for that
 * format, so that the error says so. */
jarva__source_format jarva__source_detect(const char *path, const unsigned char *head,
                                          size_t head_len);

/* Opens the file on fd (from jarva__input_open(), st what it said; the
 * source owns fd from here, and closes it on failure too) as the detected
 * format. dialect applies to CSV (NULL: detect); sheet to workbooks (NULL:
 * the first). The header is read at once. Errors go to err naming the
 * file. JARVA_OK, JARVA_EINVAL, JARVA_EIO, JARVA_EFORMAT, JARVA_ENOTFOUND
 * (no such sheet) or JARVA_ENOMEM. */
struct jarva__input_stat;
int jarva__source_open(jarva__row_source **out, int fd, const struct jarva__input_stat *st,
                       const char *path, const jarva__csv_dialect *dialect, const char *sheet,
                       jarva__error *err);

/* The next row, as jarva__csv_next(): 1, 0 at the end, negative with err
 * set. Fields beyond a short row are NULL (length 0); row->line is the
 * file's line, the sheet's row, or the case number + 1 (the header being
 * line 1 in every format, as in a CSV export of the same data). */
int jarva__source_next(jarva__row_source *s, jarva__csv_row *row, jarva__error *err);
/* The header: column names (NULL for an unnamed column). */
const jarva__csv_row *jarva__source_header(const jarva__row_source *s);
/* A column by name, exact after trimming, else ASCII case-insensitive; -1. */
int jarva__source_column(const jarva__row_source *s, const char *name);
/* The decimal mark numbers in the text of cells use: the CSV dialect's, '.'
 * for the other formats, which store numbers as numbers. */
char jarva__source_decimal(const jarva__row_source *s);
jarva__source_format jarva__source_format_of(const jarva__row_source *s);
const char *jarva__source_path(const jarva__row_source *s);
/* The position of a cell for messages, without a trailing ": ". line as
 * row->line; col 0-based, or -1 for the whole row. */
void jarva__source_where(const jarva__row_source *s, long line, int col, char *buf, size_t size);
/* What the batch records of how the file was read
 * ("delimiter=;;decimal=,;encoding=utf-8", "format=xlsx;sheet=Blad1"). */
void jarva__source_options_text(const jarva__row_source *s, char *buf, size_t size);
uint64_t jarva__source_bytes_read(const jarva__row_source *s);
uint64_t jarva__source_bytes_total(const jarva__row_source *s);
/* The whole file's SHA-256 (for the batch), however far rows were read, and
 * a check that the file did not change while it was read: JARVA_OK, or
 * JARVA_EIO with err set. Once, after the last row. */
int jarva__source_final_hash(jarva__row_source *s, char out[65], jarva__error *err);
/* The value labels of a statistics file (0 for the other formats), complete
 * after the last row: label i is of column (a header name), code as its
 * cells hold it. Valid until jarva__source_close(). */
size_t jarva__source_nlabels(const jarva__row_source *s);
void jarva__source_label(const jarva__row_source *s, size_t i, const char **column,
                         const char **code, const char **label);
/* A column's label (a statistics file's variable label: the question's
 * text), or NULL. */
const char *jarva__source_column_label(const jarva__row_source *s, size_t col);
/* The CSV reader underneath, or NULL for the other formats. */
jarva__csv_reader *jarva__source_csv(jarva__row_source *s);
void jarva__source_close(jarva__row_source *s);

#endif /* JARVA_IMPORT_SOURCE_H */
