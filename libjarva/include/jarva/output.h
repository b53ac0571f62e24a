/* jarva/output.h: writing files that people open: CSV cells that a spreadsheet
 * cannot run as formulas, and files that appear whole under their name or not
 * at all. Every front end (the CLI, the report, the web edition) writes
 * through these, so the rules have one home. Thread-safe: no handle, no
 * global state. */
#ifndef JARVA_OUTPUT_H
#define JARVA_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include "common.h"
#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

/* 1 if a spreadsheet would read the CSV cell text as a formula, 0 if not
 * (NULL: 0). OWASP's rule for CSV injection: a cell that starts with '=',
 * '+', '-', '@', a tab or a carriage return, unless the whole cell is a
 * number ("-0.5", "+3", "-1e-05", "-12,5" with a decimal comma). Excel,
 * LibreOffice and Google Sheets evaluate such a cell (=HYPERLINK(...),
 * @SUM(...), -2+3) even when it is quoted. */
JARVA_API int jarva_csv_cell_is_formula(const char *cell);

/* Flags of jarva_csv_write_cell(). */
typedef enum jarva_csv_flags {
    /* Write formula-like cells unchanged, for programs that read the CSV
     * (the CLI's --raw-csv). */
    JARVA_CSV_RAW = 1 << 0
} jarva_csv_flags;

/* Writes one CSV field to out as RFC 4180 says: quoted when it holds the
 * delimiter, a quote, CR or LF (quotes doubled). Unless flags has
 * JARVA_CSV_RAW, a cell for which jarva_csv_cell_is_formula() holds is
 * written with a leading apostrophe ('=HYPERLINK(...)), which spreadsheets
 * show as text. NULL writes nothing (an empty field). delimiter is ',' or
 * ';'. Returns 0, or -1 if out reported a write error. */
JARVA_API int jarva_csv_write_cell(FILE *out, const char *cell, char delimiter, unsigned flags);

/* A file being written: bytes go to a new temporary file in the target's
 * folder, which is renamed onto the target only when every byte has been
 * written and synced. A failure (ENOSPC, a short write, EIO) or a discard
 * removes the temporary file and leaves whatever was at the path before. The
 * new file's mode is 0644 less the umask: a report or export is never
 * group- or world-writable, whatever the umask. A path that exists and is
 * not a regular file (/dev/stdout, a FIFO) is written directly instead;
 * a symbolic link is followed and its target replaced. */
typedef struct jarva_output_file jarva_output_file;

/* Creates the temporary file for path. *out is NULL on failure. Returns
 * JARVA_OK, JARVA_EINVAL, JARVA_ENOMEM or JARVA_EIO; the reason (naming the
 * path) is written to errbuf (errlen bytes, may be 0). */
JARVA_API int jarva_output_open(jarva_output_file **out, const char *path, char *errbuf,
                                size_t errlen);
/* Appends size bytes. Returns JARVA_OK or JARVA_EIO (reason in errbuf); after
 * a failure the file can only be discarded. */
JARVA_API int jarva_output_write(jarva_output_file *f, const void *data, size_t size, char *errbuf,
                                 size_t errlen);
/* Syncs, closes and renames the file onto its path, then frees f (also on
 * failure, when the temporary file is removed). NULL gives JARVA_EINVAL.
 * Returns JARVA_OK or JARVA_EIO with the reason in errbuf. */
JARVA_API int jarva_output_commit(jarva_output_file *f, char *errbuf, size_t errlen);
/* Removes the temporary file and frees f; NULL is allowed. */
JARVA_API void jarva_output_discard(jarva_output_file *f);

/* The whole of data at path, atomically: open, write, commit. Returns what
 * they return. */
JARVA_API int jarva_output_write_file(const char *path, const void *data, size_t size, char *errbuf,
                                      size_t errlen);

/* Refuses an output path that is one of the inputs: the same file (same
 * device and inode, so a hard link or another spelling of the path counts),
 * or, for an input not there yet, the same name in the same folder. Writing
 * there would replace what is being read. Returns JARVA_OK, or JARVA_EINVAL
 * with "PATH is INPUT ..." in errbuf (NULL inputs: none). */
JARVA_API int jarva_output_check(const char *path, const char *const *inputs, size_t ninputs,
                                 char *errbuf, size_t errlen);

/* The same for the inputs of a program working on db: its file, the -wal,
 * -shm and -journal beside it (even before SQLite creates them) and the
 * given inputs. Returns JARVA_OK or JARVA_EINVAL with the reason in
 * jarva_errmsg(db); JARVA_EINVAL without a message if db is NULL. The
 * report (jarva_report_write) checks its path this way, fonts included. */
JARVA_API int jarva_output_check_db(jarva_db *db, const char *path, const char *const *inputs,
                                    size_t ninputs);

#ifdef __cplusplus
}
#endif

#endif /* JARVA_OUTPUT_H */
