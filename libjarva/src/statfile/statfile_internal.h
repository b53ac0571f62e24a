/* statfile_internal.h: SPSS (.sav, .zsav, .por), Stata (.dta) and SAS
 * (.sas7bdat, .xpt) files read case by case through ReadStat: the
 * variables with their labels, each case's values as text (numbers as
 * numbers, whole ones without a fraction; a variable with a date format as
 * ISO 8601 dates; system- and user-missing values as missing), and the
 * value labels. ReadStat pushes a whole file through
 * callbacks; it runs on a thread of the reader's own, handing one case at a
 * time over, so that memory holds one case and the labels, never the file.
 * Internal to libjarva; import/ is the user. */
#ifndef JARVA_STATFILE_INTERNAL_H
#define JARVA_STATFILE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "jarva_internal.h"

typedef struct jarva__statfile jarva__statfile;

/* The format by the file's first bytes head[0..len) ("$FL2", "$FL3": SPSS)
 * or its name's ending: "sav", "por", "dta", "sas7bdat", "xpt"; NULL if
 * neither says (then it is no statistics file). */
const char *jarva__statfile_kind_of(const char *path, const unsigned char *head, size_t len);
/* The same, reading the file's first bytes (none if it cannot be read). */
const char *jarva__statfile_kind(const char *path);

/* Reads the file on fd (a regular file of size bytes that
 * jarva__input_open() opened; the caller keeps it open until
 * jarva__statfile_close()) and waits for its variables. path names the file
 * in messages and its ending the format. Errors: not readable as the format
 * its name says (wrong magic, truncated), more variables than a survey has.
 * JARVA_OK, JARVA_EIO, JARVA_EFORMAT or JARVA_ENOMEM; *out NULL on failure. */
int jarva__statfile_open_fd(jarva__statfile **out, int fd, uint64_t size, const char *path,
                            jarva__error *err);
/* The same opening path itself (tests, the mapping draft). */
int jarva__statfile_open(jarva__statfile **out, const char *path, jarva__error *err);

size_t jarva__statfile_nvars(const jarva__statfile *f);
const char *jarva__statfile_var_name(const jarva__statfile *f, size_t i);
/* The variable's label (the question's text), or NULL. */
const char *jarva__statfile_var_label(const jarva__statfile *f, size_t i);
/* "sav", "por", "dta", "sas7bdat" or "xpt". */
const char *jarva__statfile_format(const jarva__statfile *f);

/* One case: cells[0..nvars) NUL-terminated UTF-8 or NULL for missing;
 * case_no 1-based. Valid until the next call. */
typedef struct jarva__statfile_row {
    const char *const *cells;
    const size_t *lengths;
    long case_no;
} jarva__statfile_row;

/* 1 a case, 0 after the last, negative on error with err set to
 * "file: row N, variable V: message" or "file: message". */
int jarva__statfile_next(jarva__statfile *f, jarva__statfile_row *row, jarva__error *err);

/* The value labels, complete once jarva__statfile_next() has returned 0
 * (Stata writes them after the data): label i gives variable *var (index),
 * its code as a cell would hold it and the label. */
size_t jarva__statfile_nlabels(const jarva__statfile *f);
void jarva__statfile_label(const jarva__statfile *f, size_t i, size_t *var, const char **code,
                           const char **label);

/* A variable's date format (statfile_date.c): is_date 0 for a number. */
typedef struct jarva__statfile_date {
    int is_date;
    double unit; /* seconds a stored unit stands for */
    long epoch;  /* days from 1970-01-01 to the format's day 0 */
    int with_time;
} jarva__statfile_date;
/* What format (ReadStat's format string) says of a variable of a file of
 * kind ("sav", "por", "dta", "sas7bdat", "xpt"). */
jarva__statfile_date jarva__statfile_date_kind(const char *kind, const char *format);
/* The stored value as "YYYY-MM-DD" (or "YYYY-MM-DD HH:MM:SS" for a
 * date-time off midnight) in out; its length, 0 if it is no date of the
 * years 1 to 9999. */
int jarva__statfile_date_text(const jarva__statfile_date *kind, double value, char *out,
                              size_t size);

uint64_t jarva__statfile_bytes_read(const jarva__statfile *f);
uint64_t jarva__statfile_bytes_total(const jarva__statfile *f);
/* Stops the reading thread if it is still going and frees everything. */
void jarva__statfile_close(jarva__statfile *f);

#endif /* JARVA_STATFILE_INTERNAL_H */
