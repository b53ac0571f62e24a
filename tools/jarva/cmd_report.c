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

static const char usage[] =
    "Usage: jarva report --year YEAR [--format pdf|html] [--lang sv|en] [-o FILE.pdf|DIR]\n"
    "                    [--notice TEXT] [--font-dir DIR] [--date YYYY-MM-DD]\n"
    "                    [--compute | --allow-stale]\n"
    "\n"
    "Writes the effect report for YEAR as a PDF (default effektrapport-YEAR.pdf):\n"
    "cover, summary of every goal and indicator, a section per audience and for\n"
    "the overall goals with charts, activities, method and data provenance.\n"
    "The report only reads the database. If data was imported after the last\n"
    "`jarva compute`, it stops and says so, unless --compute or --allow-stale.\n"
    "With --format html it writes the web edition instead, a static accessible site\n"
    "in the folder DIR (default effektrapport-YEAR): index.html, pages per audience\n"
    "and area, examples, method, press sheet, accessibility statement, open data.\n"
    "\n"
    "  --year YEAR      the year reported on; later estimates are left out\n"
    "  --format F       pdf (the default) or html\n"
    "  --lang sv|en     the report's language (default sv)\n"
    "  -o, --output F   the file to write\n"
    "  --notice TEXT    printed on the cover and every page, e.g.\n"
    "                   \"Simulerade exempeldata\" for a report on simulated data\n"
    "  --font-dir DIR   where LiberationSans-Regular.ttf and -Bold.ttf are\n"
    "  --date DATE      the publication date on the cover and in the PDF\n"
    "                   (default: SOURCE_DATE_EPOCH, else today)\n"
    "  --compute        run `jarva compute` (its defaults) first if the estimates\n"
    "                   are older than the latest import\n"
    "  --allow-stale    report the estimates as they are, saying on the cover\n"
    "                   that data was imported after they were computed\n"
    "\n"
    "With SOURCE_DATE_EPOCH set, that time is the report's date and two runs\n"
    "over the same database give identical files.\n";

/* "--name VALUE" or "--name=VALUE"; NULL if argv[*i] is not the option. */
static const char *take(const char *name, const char *alias, int argc, char **argv, int *i,
                        int *missing)
{
    const char *arg = argv[*i];
    size_t len = strlen(name);
    if (!strncmp(arg, name, len) && arg[len] == '=')
        return arg + len + 1;
    if (strcmp(arg, name) != 0 && !(alias && !strcmp(arg, alias)))
        return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

int cmd_report(cli_ctx *ctx, int argc, char **argv)
{
    jarva_report_options opts = JARVA_REPORT_OPTIONS_INIT;
    const char *output = NULL;
    int compute = 0, html = 0;
    for (int i = 1; i < argc; i++) {
        int missing = 0;
        const char *v;
        /* Before the shared options, whose --format is table, csv or json. */
        if ((v = take("--format", NULL, argc, argv, &i, &missing))) {
            if (strcmp(v, "pdf") != 0 && strcmp(v, "html") != 0)
                return cli_usage_error("report", "--format '%s' is not pdf or html", v);
            html = !strcmp(v, "html");
            continue;
        }
        if (missing)
            return cli_usage_error("report", "option '--format' needs a value");
        int code, shared = cli_shared_arg(ctx, "report", usage, argc, argv, &i, &code);
        if (shared < 0)
            return code;
        if (shared)
            continue;
        const char *arg = argv[i];
        if ((v = take("--year", NULL, argc, argv, &i, &missing))) {
            char *end;
            long year = strtol(v, &end, 10);
            if (*end || end == v || year < 1900 || year > 2200)
                return cli_usage_error("report", "--year '%s' is not a year", v);
            opts.year = (int)year;
        } else if ((v = take("--lang", NULL, argc, argv, &i, &missing))) {
            if (strcmp(v, "sv") != 0 && strcmp(v, "en") != 0)
                return cli_usage_error("report", "--lang '%s' is not sv or en", v);
            opts.lang = v;
        } else if ((v = take("--output", "-o", argc, argv, &i, &missing))) {
            output = v;
        } else if ((v = take("--notice", NULL, argc, argv, &i, &missing))) {
            opts.notice = v;
        } else if ((v = take("--font-dir", NULL, argc, argv, &i, &missing))) {
            opts.font_dir = v;
        } else if ((v = take("--date", NULL, argc, argv, &i, &missing))) {
            int y, m, d;
            char rest;
            if (sscanf(v, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 || y < 1970 || m < 1 || m > 12 ||
                d < 1 || d > 31)
                return cli_usage_error("report", "--date '%s' is not a date (YYYY-MM-DD)", v);
            /* Days since 1970 by the civil-from-days inverse (H. Hinnant,
             * "chrono-Compatible Low-Level Date Algorithms"): no timegm(). */
            int yy = m <= 2 ? y - 1 : y;
            long era = yy / 400, yoe = yy - era * 400;
            long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
            long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            opts.creation_time = (era * 146097 + doe - 719468) * 86400LL;
        } else if (!strcmp(arg, "--compute")) {
            compute = 1;
        } else if (!strcmp(arg, "--allow-stale")) {
            opts.allow_stale = 1;
        } else if (missing) {
            return cli_usage_error("report", "option '%s' needs a value", arg);
        } else {
            return cli_usage_error("report", "unexpected argument '%s'", arg);
        }
    }
    if (!opts.year)
        return cli_usage_error("report", "--year is required");
    char default_name[64];
    if (!output) {
        snprintf(default_name, sizeof default_name,
                 html ? "effektrapport-%d" : "effektrapport-%d.pdf", opts.year);
        output = default_name;
    }
    if (compute && opts.allow_stale)
        return cli_usage_error("report", "give --compute or --allow-stale, not both");
    jarva_db *db = cli_open_db(ctx, compute ? 0 : JARVA_DB_READONLY);
    if (!db)
        return CLI_FAIL;
    int rc = 0, stale = 0;
    if (compute && !(rc = jarva_estimates_stale(&stale, db)) && stale) {
        jarva_compute_options co = JARVA_COMPUTE_OPTIONS_INIT;
        co.catalog_dir = ctx->catalog_dir;
        rc = jarva_compute(NULL, db, &co);
        /* An import that lands between the computation and the rendering
         * is named on the cover rather than failing the report. */
        opts.allow_stale = 1;
    }
    if (!rc)
        rc = html ? jarva_report_write_html(db, &opts, output)
                  : jarva_report_write(db, &opts, output);
    if (rc == JARVA_ESTALE)
        fprintf(stderr,
                "jarva: %s\njarva: run `jarva compute` first, or `jarva report "
                "--compute`\n",
                jarva_errmsg(db));
    else if (rc)
        cli_db_error(db);
    else if (!ctx->quiet)
        fprintf(stderr, "jarva: effect report %d written to %s%s\n", opts.year, output,
                html ? "/index.html" : "");
    jarva_db_close(db);
    return rc ? CLI_FAIL : CLI_OK;
}
