/* atomic_file.c: files that appear whole under their name or not at all. The
 * bytes go to a temporary file in the target's folder (rename(2) is atomic
 * only within one file system), which is synced and renamed onto the target;
 * a failed write removes it, so a full disk never costs the earlier file. */
#define _XOPEN_SOURCE 700 /* realpath() */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "jarva_internal.h"

struct jarva_output_file {
    int fd;
    int direct;   /* an existing FIFO or device: written in place, no rename */
    char *target; /* where the file goes (a symbolic link resolved) */
    char *temp;   /* the temporary file; NULL when direct */
    int failed;
};

static void say(char *errbuf, size_t errlen, const char *fmt, ...) JARVA__PRINTF(3, 4);
static void say(char *errbuf, size_t errlen, const char *fmt, ...)
{
    if (!errbuf || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(errbuf, errlen, fmt, ap);
    va_end(ap);
}

/* A symbolic link is followed, so that the file it points to is replaced and
 * the link kept; a dangling link is replaced itself. */
static char *resolve_target(const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        char *real = realpath(path, NULL);
        if (real) {
            char *copy = jarva__strdup(real);
            free(real);
            return copy;
        }
    }
    return jarva__strdup(path);
}

/* ".NAME.XXXXXX.tmp" next to target: hidden, and recognisably ours if a
 * crash leaves it behind. */
static char *temp_name(const char *target, unsigned long salt)
{
    const char *slash = strrchr(target, '/');
    int dir_len = slash ? (int)(slash - target + 1) : 0;
    const char *base = slash ? slash + 1 : target;
    return jarva__aprintf("%.*s.%s.%06lx.tmp", dir_len, target, base, salt & 0xFFFFFFUL);
}

static int open_temp(jarva_output_file *f, char *errbuf, size_t errlen)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    unsigned long salt =
        (unsigned long)now.tv_nsec ^ ((unsigned long)getpid() << 12) ^ (unsigned long)(size_t)f;
    for (int attempt = 0; attempt < 100; attempt++) {
        free(f->temp);
        f->temp = temp_name(f->target, salt + (unsigned long)attempt * 7919UL);
        if (!f->temp) {
            say(errbuf, errlen, "out of memory");
            return JARVA_ENOMEM;
        }
        /* 0644 less the umask: never writable by others, whatever the umask. */
        f->fd = open(f->temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (f->fd >= 0)
            return JARVA_OK;
        if (errno != EEXIST)
            break;
    }
    say(errbuf, errlen, "%s: cannot create: %s", f->target, strerror(errno));
    free(f->temp);
    f->temp = NULL;
    return JARVA_EIO;
}

int jarva_output_open(jarva_output_file **out, const char *path, char *errbuf, size_t errlen)
{
    if (out)
        *out = NULL;
    if (!out || !path || !*path) {
        say(errbuf, errlen, "no output path");
        return JARVA_EINVAL;
    }
    jarva_output_file *f = calloc(1, sizeof *f);
    if (!f || !(f->target = resolve_target(path))) {
        free(f);
        say(errbuf, errlen, "out of memory");
        return JARVA_ENOMEM;
    }
    f->fd = -1;
    struct stat st;
    int exists = stat(f->target, &st) == 0;
    int rc;
    if (exists && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        /* Renaming over /dev/stdout or a FIFO would replace the device node
         * (as root) instead of writing to it. */
        f->direct = 1;
        f->fd = open(f->target, O_WRONLY | O_CLOEXEC);
        rc = f->fd >= 0 ? JARVA_OK : JARVA_EIO;
        if (rc)
            say(errbuf, errlen, "%s: cannot open: %s", f->target, strerror(errno));
    } else if (exists && S_ISDIR(st.st_mode)) {
        say(errbuf, errlen, "%s: is a directory", f->target);
        rc = JARVA_EIO;
    } else {
        rc = open_temp(f, errbuf, errlen);
        /* An existing file keeps its owner's restrictions (a report made
         * private stays private) but never becomes more open than 0644. */
        if (!rc && exists && fchmod(f->fd, st.st_mode & 0644) != 0) {
            say(errbuf, errlen, "%s: cannot set the mode: %s", f->target, strerror(errno));
            rc = JARVA_EIO;
        }
    }
    if (rc) {
        jarva_output_discard(f);
        return rc;
    }
    *out = f;
    return JARVA_OK;
}

int jarva_output_write(jarva_output_file *f, const void *data, size_t size, char *errbuf,
                       size_t errlen)
{
    if (!f || (!data && size)) {
        say(errbuf, errlen, "no output file");
        return JARVA_EINVAL;
    }
    if (f->failed) {
        say(errbuf, errlen, "%s: an earlier write failed", f->target);
        return JARVA_EIO;
    }
    const unsigned char *p = data;
    while (size > 0) {
        ssize_t n = write(f->fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            /* A write that takes nothing without an error: the disk is full. */
            say(errbuf, errlen, "%s: cannot write: %s", f->target,
                n < 0 ? strerror(errno) : strerror(ENOSPC));
            f->failed = 1;
            return JARVA_EIO;
        }
        /* A short write is not an error by itself: the rest is written next,
         * and a full disk then fails with ENOSPC. */
        p += n;
        size -= (size_t)n;
    }
    return JARVA_OK;
}

/* The rename is durable once the folder is synced; a folder that cannot be
 * opened or synced (some file systems) leaves the rename done but not
 * guaranteed across a power loss, which is not worth failing the write for. */
static void sync_folder(const char *target)
{
    const char *slash = strrchr(target, '/');
    char *dir = slash ? jarva__strndup(target, slash == target ? 1 : (size_t)(slash - target))
                      : jarva__strdup(".");
    if (!dir)
        return;
    int fd = open(dir, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

int jarva_output_commit(jarva_output_file *f, char *errbuf, size_t errlen)
{
    if (!f) {
        say(errbuf, errlen, "no output file");
        return JARVA_EINVAL;
    }
    int rc = JARVA_OK;
    if (f->failed) {
        say(errbuf, errlen, "%s: an earlier write failed", f->target);
        rc = JARVA_EIO;
    } else if (!f->direct && fsync(f->fd) != 0) {
        say(errbuf, errlen, "%s: cannot write: %s", f->target, strerror(errno));
        rc = JARVA_EIO;
    }
    int fd = f->fd;
    f->fd = -1;
    /* close() reports a deferred write error (NFS, quota): the file is bad. */
    if (close(fd) != 0 && !rc && errno != EINTR) {
        say(errbuf, errlen, "%s: cannot write: %s", f->target, strerror(errno));
        rc = JARVA_EIO;
    }
    if (!rc && !f->direct) {
        if (rename(f->temp, f->target) != 0) {
            say(errbuf, errlen, "%s: cannot replace: %s", f->target, strerror(errno));
            rc = JARVA_EIO;
        } else {
            free(f->temp);
            f->temp = NULL;
            sync_folder(f->target);
        }
    }
    jarva_output_discard(f);
    return rc;
}

void jarva_output_discard(jarva_output_file *f)
{
    if (!f)
        return;
    if (f->fd >= 0)
        close(f->fd);
    if (f->temp)
        unlink(f->temp);
    free(f->temp);
    free(f->target);
    free(f);
}

int jarva_output_write_file(const char *path, const void *data, size_t size, char *errbuf,
                            size_t errlen)
{
    jarva_output_file *f = NULL;
    int rc = jarva_output_open(&f, path, errbuf, errlen);
    if (rc)
        return rc;
    rc = jarva_output_write(f, data, size, errbuf, errlen);
    if (rc) {
        jarva_output_discard(f);
        return rc;
    }
    return jarva_output_commit(f, errbuf, errlen);
}

/* ---- an output is never one of the inputs ------------------------------- */

/* realpath of the folder, then the name: a spelling of path that can be
 * compared before the file exists. */
static char *canonical_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char *dir = slash ? jarva__strndup(path, slash == path ? 1 : (size_t)(slash - path))
                      : jarva__strdup(".");
    char *real = dir ? realpath(dir, NULL) : NULL;
    char *name =
        real ? jarva__aprintf("%s/%s", strcmp(real, "/") ? real : "", base) : jarva__strdup(path);
    free(real);
    free(dir);
    return name;
}

/* 1 if out and in are the same file or would be; -1 out of memory. */
static int same_file(const char *out, const char *in)
{
    struct stat a, b;
    if (stat(out, &a) == 0 && stat(in, &b) == 0)
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
    char *x = canonical_name(out), *y = canonical_name(in);
    int same = x && y ? strcmp(x, y) == 0 : -1;
    free(x);
    free(y);
    return same;
}

int jarva_output_check(const char *path, const char *const *inputs, size_t ninputs, char *errbuf,
                       size_t errlen)
{
    if (!path || !*path) {
        say(errbuf, errlen, "no output path");
        return JARVA_EINVAL;
    }
    for (size_t i = 0; inputs && i < ninputs; i++) {
        if (!inputs[i] || !*inputs[i])
            continue;
        int same = same_file(path, inputs[i]);
        if (same < 0) {
            say(errbuf, errlen, "out of memory");
            return JARVA_ENOMEM;
        }
        if (same) {
            say(errbuf, errlen,
                "%s: would overwrite %s, which this reads; choose another output file", path,
                inputs[i]);
            return JARVA_EINVAL;
        }
    }
    return JARVA_OK;
}

int jarva_output_check_db(jarva_db *db, const char *path, const char *const *inputs, size_t ninputs)
{
    if (!db)
        return JARVA_EINVAL;
    const char *db_path =
        jarva__db_path(db) && strcmp(jarva__db_path(db), ":memory:") ? jarva__db_path(db) : NULL;
    size_t n = ninputs + 4;
    const char **all = calloc(n, sizeof *all);
    char *side[3] = { NULL, NULL, NULL };
    if (!all)
        return jarva__seterr(jarva__db_err(db), JARVA_ENOMEM, "out of memory");
    if (db_path) {
        static const char *const suffixes[3] = { "-wal", "-shm", "-journal" };
        all[0] = db_path;
        for (int i = 0; i < 3; i++)
            all[1 + i] = side[i] = jarva__aprintf("%s%s", db_path, suffixes[i]);
    }
    for (size_t i = 0; inputs && i < ninputs; i++)
        all[4 + i] = inputs[i];
    char why[1024];
    int rc = (db_path && (!side[0] || !side[1] || !side[2]))
                 ? JARVA_ENOMEM
                 : jarva_output_check(path, all, n, why, sizeof why);
    if (rc == JARVA_ENOMEM)
        rc = jarva__seterr(jarva__db_err(db), rc, "out of memory");
    else if (rc)
        rc = jarva__seterr(jarva__db_err(db), rc, "%s", why);
    for (int i = 0; i < 3; i++)
        free(side[i]);
    free(all);
    return rc;
}
