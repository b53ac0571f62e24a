/* fuzz_statfile.c: the ReadStat reader and a staff import on any bytes,
 * taken as an SPSS file (.sav) and, unless they start as one ("$FL2"), as a
 * Stata file (.dta); bytes that carry the signature of a SAS file
 * (.sas7bdat), a SAS transport file (.xpt) or an SPSS portable file (.por)
 * are read as that too. ReadStat parses on a thread of the reader's own, so
 * this also drives the hand-over between the two threads and stopping it
 * early. Date formats (the activity log seeds) make dates of numbers.
 *
 * Invariants checked: opening either fails with a message or gives
 * variables with names; cases number 1, 2, ... with each cell NULL or
 * non-empty text of the length given; a failed read leaves a message and
 * stays failed; every value label names a variable of the file; an import
 * that fails leaves a message and no rows or labels, one that succeeds is
 * taken out again by jarva_batch_remove(). */
#include <string.h>

#include "fuzz.h"
#include "jarva_internal.h"
#include "statfile_internal.h"

static jarva_db *db;
static char *sav_path, *dta_path, *sas_path, *xpt_path, *por_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sav_path = fuzz_scratch_path("input.sav");
    dta_path = fuzz_scratch_path("input.dta");
    sas_path = fuzz_scratch_path("input.sas7bdat");
    xpt_path = fuzz_scratch_path("input.xpt");
    por_path = fuzz_scratch_path("input.por");
    if (jarva_db_open(&db, NULL, JARVA_DB_MEMORY) != JARVA_OK ||
        jarva_catalog_load(db, JARVA_SOURCE_DIR "/indicators") != JARVA_OK) {
        fprintf(stderr, "fuzz_statfile: setup: %s\n", jarva_errmsg(db));
        abort();
    }
    return 0;
}

static void check_read(const char *path, size_t stop_after)
{
    jarva__statfile *f = NULL;
    jarva__error err = { 0 };
    int rc = jarva__statfile_open(&f, path, &err);
    if (rc) {
        FUZZ_ASSERT(rc < 0 && f == NULL && err.message && *err.message);
        jarva__freeerr(&err);
        return;
    }
    size_t nvars = jarva__statfile_nvars(f);
    FUZZ_ASSERT(nvars > 0);
    for (size_t v = 0; v < nvars; v++)
        FUZZ_ASSERT(jarva__statfile_var_name(f, v) != NULL);
    jarva__statfile_row row;
    long cases = 0;
    int got;
    while ((got = jarva__statfile_next(f, &row, &err)) == 1) {
        FUZZ_ASSERT(row.case_no == ++cases);
        for (size_t v = 0; v < nvars; v++)
            FUZZ_ASSERT(!row.cells[v] ||
                        (row.lengths[v] > 0 && strlen(row.cells[v]) == row.lengths[v]));
        if ((size_t)cases == stop_after)
            break; /* closed with the parser waiting */
    }
    if (got < 0) {
        FUZZ_ASSERT(err.message && *err.message);
        FUZZ_ASSERT(jarva__statfile_next(f, &row, &err) == got);
    } else if (got == 0) {
        for (size_t i = 0; i < jarva__statfile_nlabels(f); i++) {
            size_t var;
            const char *code, *label;
            jarva__statfile_label(f, i, &var, &code, &label);
            FUZZ_ASSERT(var < nvars && code && *code && label);
        }
    }
    jarva__statfile_close(f);
    jarva__freeerr(&err);
}

/* "SPSSPORT" after the 200-byte vendor header and the 256-byte character
 * table, both broken into 80-character lines: near byte 464. */
static int has_portable_signature(const uint8_t *data, size_t size)
{
    for (size_t i = 400; i + 8 <= size && i < 600; i++)
        if (!memcmp(data + i, "SPSSPORT", 8))
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write_file(sav_path, data, size);
    check_read(sav_path, size % 7 == 0 ? 1 : 0);
    fuzz_check_staff_import(db, sav_path);
    if (size < 4 || memcmp(data, "$FL2", 4) != 0) {
        fuzz_write_file(dta_path, data, size);
        check_read(dta_path, 0);
        fuzz_check_staff_import(db, dta_path);
    }
    /* The other formats only where their signature is: read as them,
     * other bytes would fail at once and only cost time. */
    const char *other = NULL;
    if (size >= 16 && !memcmp(data + 12, "\xC2\xEA\x81\x60", 4))
        other = sas_path;
    else if (size >= 13 && !memcmp(data, "HEADER RECORD", 13))
        other = xpt_path;
    else if (has_portable_signature(data, size))
        other = por_path;
    if (other) {
        fuzz_write_file(other, data, size);
        check_read(other, size % 5 == 0 ? 1 : 0);
        fuzz_check_staff_import(db, other);
    }
    return 0;
}
