/* cli_stdin.c: standard input for the readers that take only regular files
 * (the library hashes a file and checks that it did not change while read):
 * a pipe is first saved to a private temporary file. */
#define _XOPEN_SOURCE 700 /* mkdtemp() */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* Writes all of buf to fd. 0, or -1 with errno. */
static int write_all(int fd, const char *buf, size_t n)
{
    for (size_t done = 0; done < n;) {
        ssize_t w = write(fd, buf + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = ENOSPC;
            return -1;
        }
        done += (size_t)w;
    }
    return 0;
}

/* Copies standard input, at most limit bytes, to fd. 0, or -1 after
 * printing why. */
static int copy_stdin(int fd, const char *path, uint64_t limit)
{
    char buf[65536];
    uint64_t total = 0;
    for (;;) {
        ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            cli_error("standard input: cannot read: %s", strerror(errno));
            return -1;
        }
        if (n == 0)
            return 0;
        total += (uint64_t)n;
        if (total > limit) {
            cli_error("standard input: more than %llu bytes (--max-size)",
                      (unsigned long long)limit);
            return -1;
        }
        if (write_all(fd, buf, (size_t)n) != 0) {
            cli_error("%s: cannot write: %s", path, strerror(errno));
            return -1;
        }
    }
}

int cli_stdin_spool(const char **path, uint64_t max_bytes, cli_stdin_copy *copy)
{
    copy->dir[0] = copy->path[0] = '\0';
    const char *p = *path;
    if (strcmp(p, "-") != 0 && strcmp(p, "/dev/stdin") != 0 && strcmp(p, "/dev/fd/0") != 0)
        return 0;
    struct stat st;
    if (fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode)) {
        *path = "/dev/stdin"; /* `jarva import survey - < file.csv`: the file itself */
        return 0;
    }
    /* A private folder (0700) and file (0600): it may hold survey answers. */
    const char *tmp = getenv("TMPDIR");
    snprintf(copy->dir, sizeof copy->dir, "%s/jarva-stdin-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(copy->dir)) {
        cli_error("%s: cannot create a folder for standard input: %s", copy->dir, strerror(errno));
        copy->dir[0] = '\0';
        return -1;
    }
    snprintf(copy->path, sizeof copy->path, "%s/stdin", copy->dir);
    int fd = open(copy->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        cli_error("%s: cannot create: %s", copy->path, strerror(errno));
        cli_stdin_release(copy);
        return -1;
    }
    /* 0: 2 GiB, the library's default limit. */
    int rc = copy_stdin(fd, copy->path, max_bytes ? max_bytes : UINT64_C(2) << 30);
    if (close(fd) != 0 && !rc) {
        cli_error("%s: cannot write: %s", copy->path, strerror(errno));
        rc = -1;
    }
    if (rc)
        cli_stdin_release(copy);
    else
        *path = copy->path;
    return rc;
}

void cli_stdin_release(cli_stdin_copy *copy)
{
    if (copy->path[0])
        unlink(copy->path);
    if (copy->dir[0])
        rmdir(copy->dir);
    copy->dir[0] = copy->path[0] = '\0';
}
