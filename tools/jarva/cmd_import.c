/* cmd_import.c: `jarva import survey|table|staff|activities FILE`: options in,
 * a progress bar on a terminal, the outcome or the list of errors out. */
#define _XOPEN_SOURCE 700 /* mkdtemp() */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
    "Usage: jarva import KIND FILE [options]\n"
    "\n"
    "Imports a CSV export, an Excel workbook (.xlsx) or an SPSS, Stata or SAS file\n"
    "(.sav .zsav .por .dta .sas7bdat) into the database as one batch, all or nothing.\n"
    "KIND is one of:\n"
    "  survey      residents' survey microdata, one row per respondent\n"
    "  table       published tables: survey, year, area, measure, share (or count), n;\n"
    "              or a PC-Axis .px file or PxWeb's wide CSV, read through the table\n"
    "              mapping CATALOG/sources/ID.csv of --source ID\n"
    "  staff       staff survey microdata, one row per respondent\n"
    "  activities  dated activity records (press material, dialogue meetings, ...)\n"
    "\n"
    "Options:\n"
    "  --source ID        the survey or log (default jarva-trygghet, jarva-personalenkat,\n"
    "                     jarva-aktivitetslogg); columns are mapped by\n"
    "                     CATALOG/sources/ID.csv as `jarva init` stored it\n"
    "  --year YEAR        the wave's year when the file has no year column\n"
    "  --delimiter D      ',', ';' or 'tab' (default: detected)\n"
    "  --encoding E       utf-8, windows-1252, utf-16le or utf-16be (default: detected)\n"
    "  --decimal C        '.' or ',' (default: seen in the data's numbers, else ','\n"
    "                     for ';'-separated files and '.' for others)\n"
    "  --sheet NAME       the sheet of an .xlsx workbook (default: the first)\n"
    "  --percent          table shares are percentages (default unless the column\n"
    "                     name says proportion)\n"
    "  --proportion       table shares are proportions 0-1\n"
    "  --header-row N     the header is on line N; the lines above it (a title,\n"
    "                     notes) are skipped (default: detected)\n"
    "  --max-size SIZE    refuse a larger file unread (default 2G; suffixes k, M, G)\n"
    "  --weight-factor F  a weight more than F times the file's median weight, or\n"
    "                     less than 1/F of it, is an error (default 1000)\n"
    "  --accept-extreme-weights  import such weights (the summary counts them)\n"
    "  --dry-run          validate and report, write nothing\n"
    "  --replace          replace the wave's earlier file (survey, staff)\n"
    "  -q, --quiet        no progress bar or summary\n"
    "  --db PATH, --catalog DIR, --help\n"
    "\n"
    "Only regular files are read: a pipe, a device or a folder is refused, except\n"
    "standard input (FILE - or /dev/stdin), which is saved to a private temporary\n"
    "file first (recorded as 'stdin'). A file imported before (same SHA-256) is\n"
    "skipped. Errors name file, line and column; the first 20 are shown with a\n"
    "count of the rest, and nothing is written.\n";

typedef struct progress_state {
    time_t start;
    int shown;
} progress_state;

static void show_progress(void *ctx, uint64_t done, uint64_t total, uint64_t rows)
{
    progress_state *p = ctx;
    double elapsed = difftime(time(NULL), p->start);
    double rate = elapsed > 0 ? (double)rows / elapsed : 0;
    int width = 30;
    int filled = total ? (int)((double)done / (double)total * width) : 0;
    if (filled > width)
        filled = width;
    fprintf(stderr, "\r[%.*s%*s] %3d%%  %llu rows  %.0f rows/s ", filled,
            "##############################", width - filled, "",
            total ? (int)(100.0 * (double)done / (double)total) : 0, (unsigned long long)rows,
            rate);
    fflush(stderr);
    p->shown = 1;
}

/* "500M", "2G", "1048576": bytes (binary units). 0, or -1. */
static int parse_size(const char *s, uint64_t *out)
{
    char *end;
    if (*s < '0' || *s > '9')
        return -1;
    unsigned long long n = strtoull(s, &end, 10);
    unsigned shift = 0;
    if (*end == 'k' || *end == 'K')
        shift = 10;
    else if (*end == 'M' || *end == 'm')
        shift = 20;
    else if (*end == 'G' || *end == 'g')
        shift = 30;
    else if (*end == 'T' || *end == 't')
        shift = 40;
    if (shift)
        end++;
    if (*end || n == 0 || n > (UINT64_MAX >> shift))
        return -1;
    *out = (uint64_t)n << shift;
    return 0;
}

/* Copies standard input, at most max_bytes (0: 2 GiB, the library's
 * default), to DIR/stdin in a new private folder (0700, file 0600: it may
 * hold survey answers). 0, or -1 after printing why. */
static int spool_stdin(uint64_t max_bytes, char *dir, size_t dir_size, char *path, size_t path_size)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, dir_size, "%s/jarva-stdin-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        cli_error("%s: cannot create a folder for standard input: %s", dir, strerror(errno));
        dir[0] = '\0';
        return -1;
    }
    snprintf(path, path_size, "%s/stdin", dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        cli_error("%s: cannot create: %s", path, strerror(errno));
        return -1;
    }
    uint64_t limit = max_bytes ? max_bytes : UINT64_C(2) << 30, total = 0;
    char buf[65536];
    int rc = 0;
    for (;;) {
        ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            cli_error("standard input: cannot read: %s", strerror(errno));
            rc = -1;
            break;
        }
        if (n == 0)
            break;
        total += (uint64_t)n;
        if (total > limit) {
            cli_error("standard input: more than %llu bytes (--max-size)",
                      (unsigned long long)limit);
            rc = -1;
            break;
        }
        for (ssize_t done = 0; done < n && !rc;) {
            ssize_t w = write(fd, buf + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0) {
                cli_error("%s: cannot write: %s", path, strerror(w < 0 ? errno : ENOSPC));
                rc = -1;
            } else {
                done += w;
            }
        }
        if (rc)
            break;
    }
    if (close(fd) != 0 && !rc) {
        cli_error("%s: cannot write: %s", path, strerror(errno));
        rc = -1;
    }
    return rc;
}

static void unspool(const char *dir, const char *path)
{
    if (path[0])
        unlink(path);
    if (dir[0])
        rmdir(dir);
}

static int parse_kind(const char *s, jarva_import_kind *kind)
{
    if (!strcmp(s, "survey"))
        *kind = JARVA_IMPORT_SURVEY;
    else if (!strcmp(s, "table"))
        *kind = JARVA_IMPORT_TABLE;
    else if (!strcmp(s, "staff"))
        *kind = JARVA_IMPORT_STAFF;
    else if (!strcmp(s, "activities") || !strcmp(s, "activity"))
        *kind = JARVA_IMPORT_ACTIVITIES;
    else
        return -1;
    return 0;
}

static int parse_encoding(const char *s, jarva_encoding *e)
{
    if (!strcasecmp(s, "utf-8") || !strcasecmp(s, "utf8"))
        *e = JARVA_ENCODING_UTF8;
    else if (!strcasecmp(s, "windows-1252") || !strcasecmp(s, "cp1252") ||
             !strcasecmp(s, "win1252"))
        *e = JARVA_ENCODING_CP1252;
    else if (!strcasecmp(s, "utf-16le") || !strcasecmp(s, "utf-16"))
        *e = JARVA_ENCODING_UTF16LE;
    else if (!strcasecmp(s, "utf-16be"))
        *e = JARVA_ENCODING_UTF16BE;
    else if (!strcasecmp(s, "auto"))
        *e = JARVA_ENCODING_AUTO;
    else
        return -1;
    return 0;
}

int cmd_import(cli_ctx *ctx, int argc, char **argv)
{
    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    const char *kind_text = NULL, *file = NULL;
    for (int i = 1; i < argc; i++) {
        int code, shared = cli_shared_arg(ctx, "import", usage, argc, argv, &i, &code);
        if (shared < 0)
            return code;
        if (shared)
            continue;
        const char *a = argv[i];
        const char *value = (i + 1 < argc) ? argv[i + 1] : NULL;
        if (!strcmp(a, "--dry-run"))
            opts.dry_run = 1;
        else if (!strcmp(a, "--replace"))
            opts.replace = 1;
        else if (!strcmp(a, "--percent"))
            opts.share_in_percent = 1;
        else if (!strcmp(a, "--proportion"))
            opts.share_in_percent = 0;
        else if (!strcmp(a, "--sheet")) {
            if (!value)
                return cli_usage_error("import", "option '%s' needs a value", a);
            opts.sheet = value;
            i++;
        } else if (!strcmp(a, "--accept-extreme-weights"))
            opts.accept_extreme_weights = 1;
        else if (!strcmp(a, "--source") || !strcmp(a, "--year") || !strcmp(a, "--delimiter") ||
                 !strcmp(a, "--encoding") || !strcmp(a, "--decimal") || !strcmp(a, "--max-size") ||
                 !strcmp(a, "--weight-factor") || !strcmp(a, "--header-row")) {
            if (!value)
                return cli_usage_error("import", "option '%s' needs a value", a);
            i++;
            if (!strcmp(a, "--header-row")) {
                char *end;
                long n = strtol(value, &end, 10);
                if (*end || n < 1 || n > 1000000)
                    return cli_usage_error("import", "--header-row '%s' is not a line number",
                                           value);
                opts.header_row = n;
            } else if (!strcmp(a, "--max-size")) {
                if (parse_size(value, &opts.max_bytes))
                    return cli_usage_error("import", "--max-size '%s' is not a size (500M, 4G)",
                                           value);
            } else if (!strcmp(a, "--weight-factor")) {
                char *end;
                double f = strtod(value, &end);
                if (*end || !(f > 1) || f > 1e300)
                    return cli_usage_error("import", "--weight-factor '%s' is not a number above 1",
                                           value);
                opts.weight_factor = f;
            } else if (!strcmp(a, "--source"))
                opts.source = value;
            else if (!strcmp(a, "--year")) {
                char *end;
                long y = strtol(value, &end, 10);
                if (*end || y < 1990 || y > 2199)
                    return cli_usage_error("import", "--year '%s' is not a year", value);
                opts.year = (int)y;
            } else if (!strcmp(a, "--delimiter")) {
                if (!strcmp(value, "tab") || !strcmp(value, "\\t") || !strcmp(value, "\t"))
                    opts.delimiter = '\t';
                else if (!strcmp(value, ",") || !strcmp(value, ";"))
                    opts.delimiter = value[0];
                else
                    return cli_usage_error("import", "--delimiter is ',', ';' or 'tab'");
            } else if (!strcmp(a, "--encoding")) {
                if (parse_encoding(value, &opts.encoding))
                    return cli_usage_error("import", "unknown encoding '%s'", value);
            } else {
                if (strcmp(value, ".") && strcmp(value, ","))
                    return cli_usage_error("import", "--decimal is '.' or ','");
                opts.decimal = value[0];
            }
        } else if (a[0] == '-' && a[1])
            return cli_usage_error("import", "unknown option '%s'", a);
        else if (!kind_text)
            kind_text = a;
        else if (!file)
            file = a;
        else
            return cli_usage_error("import", "unexpected argument '%s'", a);
    }
    if (!kind_text || !file)
        return cli_usage_error("import", "give the kind and the file");
    if (parse_kind(kind_text, &opts.kind))
        return cli_usage_error("import", "unknown kind '%s' (survey, table, staff, activities)",
                               kind_text);
    /* The mappings init stored, unless a catalogue is given for this import. */
    opts.catalog_dir = ctx->catalog_given ? ctx->catalog_dir : NULL;
    progress_state progress = { time(NULL), 0 };
    if (!ctx->quiet && isatty(STDERR_FILENO)) {
        opts.progress = show_progress;
        opts.progress_ctx = &progress;
    }

    /* Standard input (`cat f.csv | jarva import survey -` or /dev/stdin):
     * the library reads only regular files (it hashes and checks the file
     * did not change), so a pipe is saved to a private file first. */
    char spool_dir[4096] = "", spool_path[4200] = "";
    if (!strcmp(file, "-") || !strcmp(file, "/dev/stdin") || !strcmp(file, "/dev/fd/0")) {
        struct stat st;
        if (fstat(STDIN_FILENO, &st) == 0 && !S_ISREG(st.st_mode)) {
            if (spool_stdin(opts.max_bytes, spool_dir, sizeof spool_dir, spool_path,
                            sizeof spool_path)) {
                unspool(spool_dir, spool_path);
                return CLI_FAIL;
            }
            file = spool_path;
        }
    }
    jarva_db *db = cli_open_db(ctx, 0);
    if (!db) {
        unspool(spool_dir, spool_path);
        return CLI_FAIL;
    }
    jarva_import_result res;
    int rc = jarva_import_file(&res, db, file, &opts);
    unspool(spool_dir, spool_path);
    if (progress.shown)
        fputc('\n', stderr);
    if (rc != JARVA_OK) {
        cli_db_error(db);
        jarva_db_close(db);
        return CLI_FAIL;
    }
    if (!ctx->quiet) {
        switch (res.outcome) {
        case JARVA_UNCHANGED:
            fprintf(stderr, "jarva: %s: already imported as batch %lld (same SHA-256), skipped\n",
                    file, (long long)res.batch_id);
            break;
        case JARVA_VALIDATED:
            fprintf(stderr, "jarva: %s: %lld rows valid (dry run, nothing written)\n", file,
                    (long long)res.rows);
            break;
        case JARVA_REPLACED:
            fprintf(stderr, "jarva: %s: %lld rows imported as batch %lld, replacing batch %lld\n",
                    file, (long long)res.rows, (long long)res.batch_id, (long long)res.replaced_id);
            break;
        default:
            fprintf(stderr, "jarva: %s: %lld rows imported as batch %lld\n", file,
                    (long long)res.rows, (long long)res.batch_id);
        }
        if (res.unlinked)
            fprintf(stderr, "jarva: %lld rows measure nothing in the catalogue (kept, unused)\n",
                    (long long)res.unlinked);
        if (res.weight_ratio > 0)
            fprintf(stderr,
                    res.weight_ratio < 100
                        ? "jarva: weights: the largest is %.2f times the smallest\n"
                    : res.weight_ratio < 1e9
                        ? "jarva: weights: the largest is %.0f times the smallest\n"
                        : "jarva: weights: the largest is %.3g times the smallest\n",
                    res.weight_ratio);
    }
    /* Said even with --quiet: both are about what the data will give. */
    if (res.extreme_weights && opts.accept_extreme_weights)
        fprintf(stderr,
                "jarva: warning: %lld weights are more than %g times from the file's median "
                "weight, imported as asked (--accept-extreme-weights)\n",
                (long long)res.extreme_weights, opts.weight_factor ? opts.weight_factor : 1000.0);
    if (res.lonely_strata)
        fprintf(stderr,
                "jarva: warning: %lld %s a single respondent (%s'%s'): its variance is "
                "undefined, so jarva compute needs a rule for it: --lonely-psu adjust (or "
                "remove, certainty, average), or a lonely_psu row in the source's mapping\n",
                (long long)res.lonely_strata,
                res.lonely_strata == 1 ? "stratum has" : "strata have",
                res.lonely_strata == 1 ? "" : "the first: ", res.lonely_stratum);
    jarva_db_close(db);
    return CLI_OK;
}
