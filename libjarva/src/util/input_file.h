/* input_file.h: opening a file that jarva reads as input (a CSV export, a PX
 * table, a catalogue or mapping file). Only regular files are read: a FIFO, a
 * device (/dev/zero), a folder or a socket is refused at once, from fstat()
 * on the descriptor just opened (no race with a stat() before). A file larger
 * than a limit is refused before a byte is read. What fstat() said is kept so
 * that the reader can tell, after the last byte, whether the file changed
 * while it was read. */
#ifndef JARVA_INPUT_FILE_H
#define JARVA_INPUT_FILE_H

#include <stdint.h>

#include "jarva_internal.h"
#include "sha256.h"

/* The default limit: 2 GiB, far above any survey export (a million
 * respondents of 100 columns is about 300 MB), far below what would take
 * minutes to hash. JARVA_IMPORT_OPTIONS.max_bytes (CLI --max-size) raises it. */
#define JARVA__INPUT_MAX_BYTES_DEFAULT (UINT64_C(2) << 30)

typedef struct jarva__input_stat {
    uint64_t size;
    int64_t mtime_sec;
    long mtime_nsec;
    uint64_t dev, ino;
} jarva__input_stat;

/* Opens path for reading. *fd is a descriptor of a regular file of at most
 * max_bytes bytes (0: the default), *st what fstat said of it. Errors:
 * JARVA_EIO (cannot open, not a regular file), JARVA_EFORMAT (too large),
 * with "path: ..." in err; *fd is -1 then. */
int jarva__input_open(const char *path, uint64_t max_bytes, int *fd, jarva__input_stat *st,
                      jarva__error *err);

/* Reads the rest of fd into sha (adding to *bytes): for the hash of a whole
 * file whose reading stopped early at an error. JARVA_OK or JARVA_EIO. */
int jarva__input_drain(int fd, const char *path, jarva__sha256 *sha, uint64_t *bytes,
                       jarva__error *err);

/* After the last byte: the file is still what it was at open (size and
 * modification time) and bytes_read is all of it. Else JARVA_EIO, "the file
 * changed while it was being read". */
int jarva__input_unchanged(int fd, const char *path, const jarva__input_stat *before,
                           uint64_t bytes_read, jarva__error *err);

/* 1 if the file name in path (after its last '/') ends in ending, ASCII
 * case ignored, with at least one byte before it: the one test by which
 * the readers recognise ".xlsx", ".sav", ".px" and the like, so that a name
 * is sorted the same way wherever it is asked. */
int jarva__path_has_ending(const char *path, const char *ending);

/* "1.5 GB", "640 kB", "12 bytes": a size for messages (SI units, as file
 * managers show them). */
void jarva__input_format_size(uint64_t bytes, char *out, size_t size);

#endif /* JARVA_INPUT_FILE_H */
