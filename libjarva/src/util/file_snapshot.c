/* file_snapshot.c: see file_snapshot.h. The hash is read with pread() so that
 * the descriptor's offset stays at 0 for the reader that takes it over. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_snapshot.h"
#include "sha256.h"

static void note_stat(jarva__file_snapshot *snap, const struct stat *st)
{
    snap->size = (uint64_t)st->st_size;
    snap->mtime_sec = (int64_t)st->st_mtim.tv_sec;
    snap->mtime_nsec = (int64_t)st->st_mtim.tv_nsec;
}

int jarva__snapshot_open(jarva__file_snapshot *snap, const char *path, const char *what,
                         jarva__error *err)
{
    memset(snap, 0, sizeof *snap);
    snap->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (snap->fd < 0)
        return jarva__seterr(err, JARVA_EIO, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(snap->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        jarva__snapshot_close(snap);
        return jarva__seterr(err, JARVA_EIO, "%s: not a regular file (%s expected)", path, what);
    }
    note_stat(snap, &st);
    static const size_t chunk = 1 << 16;
    unsigned char *buf = malloc(chunk);
    if (!buf) {
        jarva__snapshot_close(snap);
        return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    }
    jarva__sha256 ctx;
    jarva__sha256_init(&ctx);
    off_t offset = 0;
    ssize_t n;
    while ((n = pread(snap->fd, buf, chunk, offset)) > 0) {
        jarva__sha256_update(&ctx, buf, (size_t)n);
        offset += n;
    }
    free(buf);
    if (n < 0) {
        int e = errno;
        jarva__snapshot_close(snap);
        return jarva__seterr(err, JARVA_EIO, "%s: read error: %s", path, strerror(e));
    }
    unsigned char digest[32];
    jarva__sha256_final(&ctx, digest);
    jarva__sha256_hex(digest, snap->sha256);
    return JARVA_OK;
}

int jarva__snapshot_unchanged(const jarva__file_snapshot *snap, const char *path)
{
    struct stat st;
    int got = snap->fd >= 0 ? fstat(snap->fd, &st) : stat(path, &st);
    return got == 0 && (uint64_t)st.st_size == snap->size &&
           (int64_t)st.st_mtim.tv_sec == snap->mtime_sec &&
           (int64_t)st.st_mtim.tv_nsec == snap->mtime_nsec;
}

void jarva__snapshot_hex(const jarva__file_snapshot *snap, const char *path, char out[65])
{
    if (jarva__snapshot_unchanged(snap, path))
        memcpy(out, snap->sha256, 65);
    else
        out[0] = '\0';
}

void jarva__snapshot_close(jarva__file_snapshot *snap)
{
    if (snap->fd >= 0)
        close(snap->fd);
    snap->fd = -1;
}
