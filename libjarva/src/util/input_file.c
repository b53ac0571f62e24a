/* input_file.c: only regular files are read, within a size limit, and a file
 * that changes while it is read is noticed (see input_file.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input_file.h"

static void fill_stat(const struct stat *s, jarva__input_stat *out)
{
    out->size = (uint64_t)s->st_size;
    out->mtime_sec = (int64_t)s->st_mtim.tv_sec;
    out->mtime_nsec = s->st_mtim.tv_nsec;
    out->dev = (uint64_t)s->st_dev;
    out->ino = (uint64_t)s->st_ino;
}

/* What a file that is not a regular file is, in words. */
static const char *kind_of(mode_t mode)
{
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a pipe (FIFO)";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

static int refuse_kind(const char *path, mode_t mode, jarva__error *err)
{
    if (S_ISDIR(mode))
        return jarva__seterr(err, JARVA_EIO, "%s: is a folder, not a file", path);
    return jarva__seterr(err, JARVA_EIO,
                         "%s: is %s, not a regular file: only files are read (save the data "
                         "to a file first)",
                         path, kind_of(mode));
}

int jarva__path_has_ending(const char *path, const char *ending)
{
    if (!path)
        return 0;
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    size_t a = strlen(name), b = strlen(ending);
    return a > b && !strcasecmp(name + a - b, ending);
}

void jarva__input_format_size(uint64_t bytes, char *out, size_t size)
{
    static const char *const units[] = { "kB", "MB", "GB", "TB" };
    if (bytes < 1000) {
        snprintf(out, size, "%llu bytes", (unsigned long long)bytes);
        return;
    }
    double v = (double)bytes / 1000;
    int u = 0;
    while (v >= 1000 && u < 3) {
        v /= 1000;
        u++;
    }
    snprintf(out, size, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
}

int jarva__input_open(const char *path, uint64_t max_bytes, int *fd, jarva__input_stat *st,
                      jarva__error *err)
{
    *fd = -1;
    memset(st, 0, sizeof *st);
    if (!max_bytes)
        max_bytes = JARVA__INPUT_MAX_BYTES_DEFAULT;
    /* O_NONBLOCK: opening a FIFO without a writer would wait for one
     * forever; so it returns at once, and fstat says what it is. */
    int d = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (d < 0) {
        int saved = errno;
        struct stat s;
        /* A Unix socket cannot be opened (ENXIO): say what it is. */
        if (saved == ENXIO && stat(path, &s) == 0 && !S_ISREG(s.st_mode))
            return refuse_kind(path, s.st_mode, err);
        return jarva__seterr(err, JARVA_EIO, "%s: cannot open: %s", path, strerror(saved));
    }
    struct stat s;
    if (fstat(d, &s) != 0) {
        int saved = errno;
        close(d);
        return jarva__seterr(err, JARVA_EIO, "%s: cannot open: %s", path, strerror(saved));
    }
    if (!S_ISREG(s.st_mode)) {
        close(d);
        return refuse_kind(path, s.st_mode, err);
    }
    if ((uint64_t)s.st_size > max_bytes) {
        char have[64], limit[32];
        close(d);
        jarva__input_format_size((uint64_t)s.st_size, have, sizeof have);
        if (s.st_size >= 1000) /* the exact count too, beside the rounded one */
            snprintf(have + strlen(have), sizeof have - strlen(have), " (%llu bytes)",
                     (unsigned long long)s.st_size);
        jarva__input_format_size(max_bytes, limit, sizeof limit);
        return jarva__seterr(err, JARVA_EFORMAT,
                             "%s: the file is %s, more than the %s an input may be; if it is "
                             "right, raise the limit (--max-size)",
                             path, have, limit);
    }
    int flags = fcntl(d, F_GETFL);
    if (flags >= 0)
        fcntl(d, F_SETFL, flags & ~O_NONBLOCK);
    fill_stat(&s, st);
    *fd = d;
    return JARVA_OK;
}

int jarva__input_drain(int fd, const char *path, jarva__sha256 *sha, uint64_t *bytes,
                       jarva__error *err)
{
    unsigned char buf[1 << 14];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return jarva__seterr(err, JARVA_EIO, "%s: read error: %s", path, strerror(errno));
        if (n == 0)
            return JARVA_OK;
        jarva__sha256_update(sha, buf, (size_t)n);
        *bytes += (uint64_t)n;
    }
}

int jarva__input_unchanged(int fd, const char *path, const jarva__input_stat *before,
                           uint64_t bytes_read, jarva__error *err)
{
    struct stat s;
    jarva__input_stat now;
    if (fstat(fd, &s) != 0)
        return jarva__seterr(err, JARVA_EIO, "%s: %s", path, strerror(errno));
    fill_stat(&s, &now);
    if (now.size == before->size && now.mtime_sec == before->mtime_sec &&
        now.mtime_nsec == before->mtime_nsec && bytes_read == before->size)
        return JARVA_OK;
    return jarva__seterr(err, JARVA_EIO,
                         "%s: the file changed while it was being read (%llu bytes when "
                         "opened, %llu now); try again once it is complete",
                         path, (unsigned long long)before->size, (unsigned long long)now.size);
}
