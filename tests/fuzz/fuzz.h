/* fuzz.h: what the fuzz harnesses share: libFuzzer's entry points, a private
 * scratch directory, writing an input to a file (the CSV reader and the
 * catalogue loader read files), and a check that aborts so that libFuzzer
 * and the replay runner both see a broken invariant as a crash. */
#ifndef JARVA_FUZZ_H
#define JARVA_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* libFuzzer calls these; replay.c calls them for each corpus file when the
 * harness is built without libFuzzer. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An invariant the library promises: a failure is a bug, reported like a
 * crash. */
#define FUZZ_ASSERT(cond)                                                                          \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);           \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* A directory of this process's own under $TMPDIR (else /tmp), made on first
 * use and removed with its files at exit. */
const char *fuzz_scratch_dir(void);
/* $scratch/name, allocated for the life of the process. */
char *fuzz_scratch_path(const char *name);
/* Writes data to path, replacing it; aborts if that fails (a broken harness). */
void fuzz_write_file(const char *path, const void *data, size_t size);

struct jarva_db;
/* Imports path as a staff file of 2025 (the workbook and statistics-file
 * harnesses) and checks what every import promises: a failure names itself
 * and stores nothing; a success stores its batch and exactly res.rows
 * respondents, and removing the batch removes them and its value labels. */
void fuzz_check_staff_import(struct jarva_db *db, const char *path);

#endif /* JARVA_FUZZ_H */
