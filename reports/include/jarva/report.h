/* jarva/report.h: the yearly effect report (effektrapport) for the steering
 * group of the Järva collaboration, rendered as a PDF from what the database
 * holds: the plan's goals and indicators, their estimates with confidence
 * intervals, target statuses, activity counts and the provenance of the data.
 * Like every function taking a jarva_db, these use a handle from one thread
 * at a time; reports on separate handles may be rendered at once. */
#ifndef JARVA_REPORT_H
#define JARVA_REPORT_H

#include <stddef.h>

#include <jarva.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version 2 added allow_stale; version 1 structs are still accepted. */
#define JARVA_REPORT_OPTIONS_VERSION 2

/* Creation time meaning "SOURCE_DATE_EPOCH if it is set, else none". */
#define JARVA_REPORT_TIME_FROM_ENV (-1LL)

typedef struct jarva_report_options {
    /* JARVA_REPORT_OPTIONS_VERSION */
    unsigned version;
    /* The year reported on: estimates after it are left out. 0: the latest
     * year with an estimate (the plan's year if there is none). */
    int year;
    /* "sv" (the default, also for NULL) or "en". */
    const char *lang;
    /* The directory holding LiberationSans-Regular.ttf and -Bold.ttf; NULL:
     * the usual system directories. */
    const char *font_dir;
    /* Seconds since 1970 UTC, written as the PDF's creation date and printed
     * as the cover's publication date. JARVA_REPORT_TIME_FROM_ENV:
     * SOURCE_DATE_EPOCH if it is set, else no creation date and today's date
     * on the cover (so two runs on one day give identical bytes, and with
     * SOURCE_DATE_EPOCH on any day). */
    long long creation_time;
    /* UTF-8 printed on the cover and at the foot of every page, such as
     * "Simulerade exempeldata – inte verkliga resultat". NULL: none, unless
     * an imported file's name or source says "simulerad" or "simulated";
     * then that sentence is printed. */
    const char *notice;
    /* Nonzero: render even when batches were imported after the estimates
     * were computed (jarva_estimates_stale()), saying on the cover that the
     * figures are from the last computation. Zero (the default): such a
     * database is refused with JARVA_ESTALE. The report never computes. */
    int allow_stale;
} jarva_report_options;

#define JARVA_REPORT_OPTIONS_INIT                                                                  \
    {                                                                                              \
        JARVA_REPORT_OPTIONS_VERSION, 0, NULL, NULL, JARVA_REPORT_TIME_FROM_ENV, NULL, 0           \
    }

/* Renders the effect report to a PDF file at path (A4, fonts embedded,
 * outline, "Sida N av M"): a cover, contents, a summary table of every goal
 * and indicator, a section for the overall goals and one per audience with a
 * chart over the years and a comparison of areas per indicator and a sentence
 * stating each result with its uncertainty, the activity counts per year, and
 * appendices on method and data provenance. opts may be NULL (the defaults).
 *
 * The report only reads: it never computes nor writes to the database, so a
 * handle opened with JARVA_DB_READONLY is enough. If batches were imported
 * after the estimates were computed, it stops with JARVA_ESTALE unless
 * opts->allow_stale is set: call jarva_compute() first.
 *
 * Returns JARVA_OK; JARVA_EINVAL (bad options, or a malformed
 * SOURCE_DATE_EPOCH); JARVA_ESTALE (see above); JARVA_ENOTFOUND (no
 * catalogue loaded, or no font);
 * JARVA_EIO (path cannot be written: the message names it); JARVA_EPDF
 * (libHaru reported an error: its message); JARVA_ENOMEM; JARVA_EDB or
 * JARVA_EBUSY. The reason is in
 * jarva_errmsg(db). On failure no file is left at path. */
JARVA_API int jarva_report_write(jarva_db *db, const jarva_report_options *opts, const char *path);

/* The same report in memory: *data (free it with jarva_free()) and
 * *size bytes; on failure *data is NULL and *size 0. Returns what
 * jarva_report_write() returns, except JARVA_EIO for the path; data or size
 * NULL gives JARVA_EINVAL. */
JARVA_API int jarva_report_render(unsigned char **data, size_t *size, jarva_db *db,
                                  const jarva_report_options *opts);

/* The web edition of the same report: a static site in the folder dir
 * (created if missing, files in it replaced) that works opened from disk
 * and on any web server, with no external requests: index.html (the year at
 * a glance and every goal), a page per audience, area profiles, method and
 * quality, open data in dir/data (CSV, CSV for Swedish Excel, JSON and a
 * data dictionary), a press sheet and an accessibility statement. Built for
 * WCAG 2.1 AA (docs/web.md). The numbers, statuses and sentences are the
 * PDF's: both read one content model. opts as for jarva_report_write()
 * (font_dir is not used); NULL for the defaults.
 *
 * Returns JARVA_OK, or what jarva_report_write() returns (JARVA_EIO naming
 * the file or folder that could not be written). Each file is written whole
 * or not at all; on failure, files already written stay. */
JARVA_API int jarva_report_write_html(jarva_db *db, const jarva_report_options *opts,
                                      const char *dir);

#ifdef __cplusplus
}
#endif

#endif /* JARVA_REPORT_H */
