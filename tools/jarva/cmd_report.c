/* cmd_report.c: `jarva report --year Y` writes the yearly effect report
 * (effektrapport) as a PDF, or with --format html its web edition, rendered
 * by jarva_report_write() or jarva_report_write_html() (the report
 * module, <jarva/report.h>) from what the database holds. The report only
 * reads: the database is opened read-only unless --compute asks for a
 * computation first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jarva/report.h>

#include "cli.h"

/* "YYYY-MM-DD" to seconds since 1970 at midnight UTC, by the inverse of
 * civil-from-days (H. Hinnant, "chrono-Compatible Low-Level Date
 * Algorithms"): no timegm(). */
static int parse_date(const char *text, void *target, const void *extra)
{
    (void)extra;
    int y, m, d;
    char rest;
    if (sscanf(text, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 || y < 1970 || m < 1 || m > 12 ||
        d < 1 || d > 31)
        return -1;
    int yy = m <= 2 ? y - 1 : y;
    long era = yy / 400, yoe = yy - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *(long long *)target = (era * 146097 + doe - 719468) * 86400LL;
    return 0;
}

static const cli_type date_type = { parse_date, "a date (YYYY-MM-DD)" };

typedef struct report_args {
    int year;
    int html;
    int english;
    const char *output;
    const char *notice;
    const char *font_dir;
    long long date;
    int compute;
    int allow_stale;
} report_args;

static const cli_choice formats[] = { { "pdf", 0, 0 }, { "html", 1, 0 }, { NULL, 0, 0 } };
static const cli_choice languages[] = { { "sv", 0, 0 }, { "en", 1, 0 }, { NULL, 0, 0 } };

static const cli_opt report_opts[] = {
    CLI_VALUE("year", 0, "YEAR", report_args, year, &cli_type_year, CLI_OPT_REQUIRED,
              "the year reported on; later estimates are left out"),
    CLI_CHOICE("format", 0, report_args, html, formats, 0, "the PDF (default) or the web edition"),
    CLI_CHOICE("lang", 0, report_args, english, languages, 0, "the report's language (default sv)"),
    CLI_VALUE("output", 'o', "FILE.pdf|DIR", report_args, output, NULL, 0,
              "the file to write (default effektrapport-YEAR.pdf; '-': standard output), or "
              "with --format html the folder (default effektrapport-YEAR)"),
    CLI_VALUE("notice", 0, "TEXT", report_args, notice, NULL, 0,
              "printed on the cover and every page, e.g. \"Simulerade exempeldata\" for a "
              "report on simulated data"),
    CLI_VALUE("font-dir", 0, "DIR", report_args, font_dir, NULL, 0,
              "where LiberationSans-Regular.ttf and -Bold.ttf are"),
    CLI_VALUE("date", 0, "YYYY-MM-DD", report_args, date, &date_type, 0,
              "the publication date on the cover and in the PDF (default: SOURCE_DATE_EPOCH, "
              "else today)"),
    CLI_FLAG("compute", 0, report_args, compute, 1, 0,
             "run `jarva compute` (its defaults) first if the estimates are older than the "
             "latest import"),
    CLI_FLAG("allow-stale", 0, report_args, allow_stale, 1, CLI_OPT_OR,
             "report the estimates as they are, saying on the cover that data was imported "
             "after they were computed"),
    CLI_END
};

/* The PDF on standard output (`-o -`): rendered in memory, then written. */
static int write_stdout(jarva_db *db, const jarva_report_options *opts)
{
    unsigned char *data = NULL;
    size_t size = 0;
    int rc = jarva_report_render(&data, &size, db, opts);
    if (rc == JARVA_OK && cli_stdout_write(data, size) != 0)
        rc = JARVA_EIO; /* said by main's check of stdout, with errno's words */
    jarva_free(data);
    return rc;
}

static int run_report(cli_ctx *ctx, int argc, char **argv)
{
    jarva_report_options opts = JARVA_REPORT_OPTIONS_INIT;
    report_args a = { 0 };
    a.date = opts.creation_time;
    int parsed = cli_opt_parse(&cli_cmd_report, ctx, argc, argv, &a);
    if (parsed != CLI_PARSED)
        return parsed;
    opts.year = a.year;
    opts.lang = a.english ? "en" : "sv";
    opts.notice = a.notice;
    opts.font_dir = a.font_dir;
    opts.creation_time = a.date;
    opts.allow_stale = a.allow_stale;
    int to_stdout = a.output && !strcmp(a.output, "-");
    if (to_stdout && a.html)
        return cli_usage_error("report", "the web edition is a folder: give -o DIR, not -");
    const char *output = a.output;
    char default_name[64];
    if (!output) {
        snprintf(default_name, sizeof default_name,
                 a.html ? "effektrapport-%d" : "effektrapport-%d.pdf", opts.year);
        output = default_name;
    }
    jarva_db *db = cli_open_db(ctx, a.compute ? 0 : JARVA_DB_READONLY);
    if (!db)
        return CLI_FAIL;
    int rc = 0, stale = 0;
    if (a.compute && !(rc = jarva_estimates_stale(&stale, db)) && stale) {
        jarva_compute_options co = JARVA_COMPUTE_OPTIONS_INIT;
        co.catalog_dir = ctx->catalog_dir;
        rc = jarva_compute(NULL, db, &co);
        /* An import that lands between the computation and the rendering
         * is named on the cover rather than failing the report. */
        opts.allow_stale = 1;
    }
    if (!rc && to_stdout)
        rc = write_stdout(db, &opts);
    else if (!rc)
        rc = a.html ? jarva_report_write_html(db, &opts, output)
                    : jarva_report_write(db, &opts, output);
    if (rc == JARVA_ESTALE)
        fprintf(stderr,
                "jarva: %s\njarva: run `jarva compute` first, or `jarva report "
                "--compute`\n",
                jarva_errmsg(db));
    else if (rc == JARVA_EIO && to_stdout)
        ; /* the write error is main's to report */
    else if (rc)
        cli_db_error(db);
    else if (!ctx->quiet && !to_stdout)
        fprintf(stderr, "jarva: effect report %d written to %s%s\n", opts.year, output,
                a.html ? "/index.html" : "");
    return cli_close_db(db, rc);
}

const cli_command cli_cmd_report = {
    "report", "write the yearly effect report as a PDF", report_opts,
    "Writes the effect report for YEAR as a PDF: cover, summary of every goal and\n"
    "indicator, a section per audience and for the overall goals with charts,\n"
    "activities, method and data provenance. The report only reads the database.\n"
    "If data was imported after the last `jarva compute`, it stops and says so,\n"
    "unless --compute or --allow-stale. With --format html it writes the web\n"
    "edition instead, a static accessible site in the folder DIR: index.html,\n"
    "pages per audience and area, examples, method, press sheet, accessibility\n"
    "statement, open data.\n"
    "\n"
    "With SOURCE_DATE_EPOCH set, that time is the report's date and two runs over\n"
    "the same database give identical files.\n",
    run_report
};
