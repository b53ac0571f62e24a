/* file_hash.c: see file_hash.h. pread() leaves the descriptor's offset to
 * the reader that shares it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file_hash.h"

int jarva__file_hash_whole(int fd, const char *path, const jarva__input_stat *st, char out[65],
                           jarva__error *err)
{
    static const size_t chunk = 1 << 16;
    unsigned char *buf = malloc(chunk);
    if (!buf)
        return jarva__seterr(err, JARVA_ENOMEM, "out of memory");
    jarva__sha256 ctx;
    jarva__sha256_init(&ctx);
    uint64_t offset = 0;
    ssize_t n;
    while ((n = pread(fd, buf, chunk, (off_t)offset)) > 0) {
        jarva__sha256_update(&ctx, buf, (size_t)n);
        offset += (uint64_t)n;
    }
    int e = errno;
    free(buf);
    if (n < 0)
        return jarva__seterr(err, JARVA_EIO, "%s: read error: %s", path, strerror(e));
    unsigned char digest[32];
    jarva__sha256_final(&ctx, digest);
    jarva__sha256_hex(digest, out);
    return jarva__input_unchanged(fd, path, st, offset, err);
}
