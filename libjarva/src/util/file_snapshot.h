/* file_snapshot.h: a file opened once for a reader that does not read it
 * front to back (a zip archive, an SPSS file): its SHA-256 taken through the
 * same descriptor when opened, and a later check that it has not changed
 * since, so that a batch records the hash of the bytes its rows came from. */
#ifndef JARVA_FILE_SNAPSHOT_H
#define JARVA_FILE_SNAPSHOT_H

#include <stdint.h>

#include "jarva_internal.h"

typedef struct jarva__file_snapshot {
    int fd; /* -1 once handed over or closed */
    uint64_t size;
    int64_t mtime_sec, mtime_nsec;
    char sha256[65];
} jarva__file_snapshot;

/* Opens path read-only, refuses what is not a regular file, and hashes it.
 * what names the format for messages ("an Excel workbook"). JARVA_OK,
 * JARVA_EIO or JARVA_ENOMEM with err set; snap->fd is -1 on failure. */
int jarva__snapshot_open(jarva__file_snapshot *snap, const char *path, const char *what,
                         jarva__error *err);
/* 1 if the file at fd (or path, once fd is handed over) has the size and
 * modification time it had when hashed. */
int jarva__snapshot_unchanged(const jarva__file_snapshot *snap, const char *path);
/* The hash, or "" when the file changed since. */
void jarva__snapshot_hex(const jarva__file_snapshot *snap, const char *path, char out[65]);
void jarva__snapshot_close(jarva__file_snapshot *snap);

#endif /* JARVA_FILE_SNAPSHOT_H */
