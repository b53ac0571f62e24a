/* report_sample.h: simulated example data over several years, written as the
 * CSV exports analysts import (residents' survey waves, staff survey waves,
 * published tables, the police list, an activity log) and imported into a
 * database, so that tests and the timing can render a report with multi-year
 * charts, area comparisons, suppressed cells and a series break. The numbers
 * are invented: a report built from them must say so (see the report's
 * notice option). Deterministic for a given seed. */
#ifndef JARVA_REPORT_SAMPLE_H
#define JARVA_REPORT_SAMPLE_H

#include <stddef.h>

#include "jarva.h"

typedef struct jarva__sample_file {
    const char *name; /* file name inside the directory */
    jarva_import_kind kind;
} jarva__sample_file;

/* The files jarva__sample_write writes, in the order to import them. */
const jarva__sample_file *jarva__sample_files(size_t *count);

/* Writes the files into dir (which must exist): survey waves 2019, 2021,
 * 2023 and 2025 with `respondents` per area and wave (Hjulsta a fifth, so
 * that some of its cells are suppressed), staff waves 2021, 2023, 2025,
 * published tables 2015-2025 and an activity log 2021-2025. Returns 0 or
 * JARVA_EIO / JARVA_EINVAL with a message in errbuf. */
int jarva__sample_write(const char *dir, unsigned respondents, unsigned seed, char *errbuf,
                        size_t errlen);

/* Imports the files of dir into db in order (JARVA_UNCHANGED counts as
 * done). Returns 0 or the import's status (message in jarva_errmsg(db)). */
int jarva__sample_import(jarva_db *db, const char *dir);

#endif /* JARVA_REPORT_SAMPLE_H */
