/* fault.c: the counting wrappers behind fault.h. With -Wl,--wrap=NAME every
 * undefined reference to NAME in the linked objects (libjarva.a and the test)
 * goes to __wrap_NAME, and __real_NAME is the C library's (or SQLite's). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "fault.h"

/* Atomic: the library's helper threads (the import's writer, compute's
 * read-ahead) call malloc and sqlite3_step too, at the same time as the
 * caller's thread; each call still gets a number of its own, though which
 * thread's call is the n-th may differ from one run to the next. */
static atomic_long counts[FAULT_KINDS];
static fault_kind armed_kind;
static long armed_at;
static int armed_errno;
static atomic_int fired;

void fault_reset(void)
{
    for (int k = 0; k < FAULT_KINDS; k++)
        atomic_store(&counts[k], 0);
    armed_at = 0;
    atomic_store(&fired, 0);
}

void fault_arm(fault_kind kind, long n, int err)
{
    fault_reset();
    armed_kind = kind;
    armed_at = n;
    armed_errno = err;
}

long fault_count(fault_kind kind)
{
    return atomic_load(&counts[kind]);
}

int fault_fired(void)
{
    return atomic_load(&fired);
}

const char *fault_name(fault_kind kind)
{
    static const char *const names[FAULT_KINDS] = { "malloc", "open", "read", "write", "step" };
    return kind < FAULT_KINDS ? names[kind] : "?";
}

/* Counts a call of kind; 1 if it is the one that must fail (errno set). */
static int hit(fault_kind kind, int default_errno)
{
    long n = atomic_fetch_add(&counts[kind], 1) + 1;
    if (armed_at && kind == armed_kind && n == armed_at) {
        atomic_store(&fired, 1);
        /* JARVA_FAULT_TRAP=1 under a debugger: stop where the call fails. */
        const char *trap = getenv("JARVA_FAULT_TRAP");
        if (trap && *trap == '1')
            raise(SIGTRAP);
        errno = armed_errno ? armed_errno : default_errno;
        return 1;
    }
    return 0;
}

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
FILE *__real_fopen(const char *path, const char *mode);
int __real_open(const char *path, int flags, ...);
ssize_t __real_read(int fd, void *buf, size_t n);
size_t __real_fread(void *buf, size_t size, size_t n, FILE *f);
ssize_t __real_write(int fd, const void *buf, size_t n);
size_t __real_fwrite(const void *buf, size_t size, size_t n, FILE *f);
int __real_sqlite3_step(sqlite3_stmt *stmt);

void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);
FILE *__wrap_fopen(const char *path, const char *mode);
int __wrap_open(const char *path, int flags, ...);
ssize_t __wrap_read(int fd, void *buf, size_t n);
size_t __wrap_fread(void *buf, size_t size, size_t n, FILE *f);
ssize_t __wrap_write(int fd, const void *buf, size_t n);
size_t __wrap_fwrite(const void *buf, size_t size, size_t n, FILE *f);
int __wrap_sqlite3_step(sqlite3_stmt *stmt);

void *__wrap_malloc(size_t size)
{
    return hit(FAULT_MALLOC, ENOMEM) ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return hit(FAULT_MALLOC, ENOMEM) ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
    return hit(FAULT_MALLOC, ENOMEM) ? NULL : __real_realloc(p, size);
}

char *__wrap_strdup(const char *s)
{
    return hit(FAULT_MALLOC, ENOMEM) ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
    return hit(FAULT_MALLOC, ENOMEM) ? NULL : __real_strndup(s, n);
}

FILE *__wrap_fopen(const char *path, const char *mode)
{
    return hit(FAULT_OPEN, EIO) ? NULL : __real_fopen(path, mode);
}

int __wrap_open(const char *path, int flags, ...)
{
    mode_t mode = 0;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    return hit(FAULT_OPEN, EIO) ? -1 : __real_open(path, flags, mode);
}

ssize_t __wrap_read(int fd, void *buf, size_t n)
{
    return hit(FAULT_READ, EIO) ? -1 : __real_read(fd, buf, n);
}

/* What a failing read(2) or write(2) under stdio looks like to the caller:
 * nothing transferred and the stream's error indicator set (glibc keeps it
 * in _flags; elsewhere only the short count shows). */
static void set_stream_error(FILE *f)
{
#ifdef _IO_ERR_SEEN
    f->_flags |= _IO_ERR_SEEN;
#else
    (void)f;
#endif
}

size_t __wrap_fread(void *buf, size_t size, size_t n, FILE *f)
{
    if (hit(FAULT_READ, EIO)) {
        set_stream_error(f);
        return 0;
    }
    return __real_fread(buf, size, n, f);
}

ssize_t __wrap_write(int fd, const void *buf, size_t n)
{
    return hit(FAULT_WRITE, ENOSPC) ? -1 : __real_write(fd, buf, n);
}

size_t __wrap_fwrite(const void *buf, size_t size, size_t n, FILE *f)
{
    if (hit(FAULT_WRITE, ENOSPC)) {
        set_stream_error(f);
        return 0;
    }
    return __real_fwrite(buf, size, n, f);
}

int __wrap_sqlite3_step(sqlite3_stmt *stmt)
{
    return hit(FAULT_STEP, EIO) ? SQLITE_IOERR : __real_sqlite3_step(stmt);
}
