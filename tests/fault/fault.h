/* fault.h: fault injection like SQLite's (its test harness makes the n-th
 * malloc fail, then loops n over every call an operation makes). Programs
 * linked with the options of tests/fault/CMakeLists.txt (-Wl,--wrap=malloc,
 * ...) route libjarva's calls of malloc, calloc, realloc, strdup, strndup,
 * fopen, open, read, fread, write, fwrite and sqlite3_step through counters
 * here; fault_arm() makes the n-th call of one kind fail as the real one
 * would (NULL with ENOMEM, -1 with EIO or ENOSPC, a short fread/fwrite,
 * SQLITE_IOERR). No library source changes and no dependency: a linker
 * feature of GNU ld and lld. */
#ifndef JARVA_TEST_FAULT_H
#define JARVA_TEST_FAULT_H

typedef enum fault_kind {
    FAULT_MALLOC, /* malloc, calloc, realloc, strdup, strndup: NULL, ENOMEM */
    FAULT_OPEN,   /* fopen, open: NULL or -1, EIO (EMFILE would do as well) */
    FAULT_READ,   /* read, fread: -1 or 0 items, EIO (fread sets the error flag) */
    FAULT_WRITE,  /* write, fwrite: -1 or 0 items, the errno given to fault_arm */
    FAULT_STEP,   /* sqlite3_step: SQLITE_IOERR without running the statement */
    FAULT_KINDS
} fault_kind;

/* Forgets every count and disarms. */
void fault_reset(void);
/* From now on, the n-th call (1-based, counted from this call) of kind fails
 * with errno err (0: the kind's default); only that one call fails, as with
 * SQLite's "transient" faults. n = 0 disarms. */
void fault_arm(fault_kind kind, long n, int err);
/* Calls of kind counted since the last reset or arm. */
long fault_count(fault_kind kind);
/* 1 if the armed fault has happened. */
int fault_fired(void);
/* "malloc", "open", ... */
const char *fault_name(fault_kind kind);

#endif /* JARVA_TEST_FAULT_H */
