/* cmd_estimate.c: `jarva estimate FILE.csv`: an ad-hoc share with its design-based
 * interval straight from a survey CSV file, no database (jarva_adhoc_estimate).
 * Suppressed rows print n and df but no estimate, se, interval or n_eff. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

static const char estimate_usage[] =
    "Usage: jarva estimate FILE.csv --var COL --positive CODES [--valid CODES]\n"
    "                      [--by COL[,COL...]] [--weight COL] [--strata COL]\n"
    "                      [--method logit|beta|mean|wilson|clopper-pearson] [--level L]\n"
    "                      [--min-n N] [--min-cell N]\n"
    "                      [--lonely-psu fail|adjust|remove|certainty|average]\n"
    "                      [--delimiter D] [--decimal C] [--encoding E]\n"
    "                      [--format table|csv|json]\n"
    "\n"
    "Estimates the share of positive answers to one question straight from a survey\n"
    "CSV file (any dialect and encoding `jarva import` reads), without a database,\n"
    "as R's svyby(~pos, ~by, subset(design, !is.na(pos)), svyciprop) does for\n"
    "svydesign(ids = ~1, strata = ~strata, weights = ~weight).\n"
    "\n"
    "  --var COL          the question's column\n"
    "  --positive CODES   answer codes counted as positive, e.g. 4,5\n"
    "  --valid CODES      answer codes that count as an answer (default: every\n"
    "                     non-empty one); others, e.g. 9 = don't know, are missing\n"
    "  --by COLS          one row per combination of these columns' values; rows with\n"
    "                     an empty value belong to none. Sorted by value: numerically\n"
    "                     if all of a column's values are numbers, else by text\n"
    "  --weight COL       design weights (default: all 1)\n"
    "  --strata COL       strata (default: none)\n"
    "  --method M         interval method (default logit)\n"
    "  --level L          confidence level (default 0.95)\n"
    "  --min-n N          suppress with fewer valid answers than N (default 30)\n"
    "  --min-cell N       suppress with fewer than N positive or non-positive (default 3)\n"
    "  --lonely-psu R     a stratum of one respondent: fail (default), adjust, remove,\n"
    "                     certainty or average, as R's options(survey.lonely.psu)\n"
    "  --delimiter D      ',', ';' or 'tab' (default: detected)\n"
    "  --decimal C        '.' or ',' (default: seen in the data's numbers, else ','\n"
    "                     for ';'-separated files and '.' for others)\n"
    "  --encoding E       utf-8, windows-1252, utf-16le or utf-16be (default: detected)\n"
    "\n"
    "Columns: the --by columns as the file names them, then n (valid answers),\n"
    "estimate, se, ci_low, ci_high, df, n_eff, suppressed. csv and json give shares\n"
    "as proportions 0-1 with 17 significant digits, the table in percent. A\n"
    "suppressed row (suppressed = 1) leaves estimate, se, ci_low, ci_high and n_eff\n"
    "empty (null in json); so does the interval of an estimate without one (df 0).\n";

static int parse_choice(const char *s, const char *const *names, size_t count, int *out)
{
    for (size_t i = 0; i < count; i++)
        if (!strcmp(s, names[i])) {
            *out = (int)i;
            return 0;
        }
    return -1;
}

static int parse_unsigned(const char *s, unsigned *out)
{
    char *end;
    if (*s < '0' || *s > '9')
        return -1;
    unsigned long v = strtoul(s, &end, 10);
    if (*end || v > 1000000000UL)
        return -1;
    *out = (unsigned)v;
    return 0;
}

/* Splits "a,b" into by[], in place; returns the count or -1 (an empty name). */
static int split_by(char *list, const char **by, int max)
{
    int n = 0;
    for (char *p = list;; n++) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (!*p || n == max)
            return -1;
        by[n] = p;
        if (!comma)
            return n + 1;
        p = comma + 1;
    }
}

typedef struct estimate_args {
    jarva_adhoc_options opts;
    const char *file;
    char *by_list;
    const char *by[64];
} estimate_args;

static const char *const value_options[] = {
    "--var",   "--positive", "--valid",    "--by",         "--weight",    "--strata",  "--method",
    "--level", "--min-n",    "--min-cell", "--lonely-psu", "--delimiter", "--decimal", "--encoding"
};
enum { NVALUE_OPTIONS = sizeof value_options / sizeof value_options[0] };

static int set_option(estimate_args *a, int which, const char *v)
{
    static const char *const methods[] = { "logit", "beta", "mean", "wilson", "clopper-pearson" };
    static const char *const lonely[] = { "fail", "adjust", "remove", "certainty", "average" };
    /* The names `jarva import --encoding` takes. */
    static const struct {
        const char *name;
        jarva_encoding encoding;
    } encodings[] = {
        { "auto", JARVA_ENCODING_AUTO },        { "utf-8", JARVA_ENCODING_UTF8 },
        { "utf8", JARVA_ENCODING_UTF8 },        { "windows-1252", JARVA_ENCODING_CP1252 },
        { "cp1252", JARVA_ENCODING_CP1252 },    { "win1252", JARVA_ENCODING_CP1252 },
        { "utf-16le", JARVA_ENCODING_UTF16LE }, { "utf-16", JARVA_ENCODING_UTF16LE },
        { "utf-16be", JARVA_ENCODING_UTF16BE }
    };
    jarva_adhoc_options *o = &a->opts;
    int choice;
    char *end;
    switch (which) {
    case 0: o->variable = v; return 0;
    case 1: o->positive = v; return 0;
    case 2: o->valid = v; return 0;
    case 3:
        free(a->by_list);
        a->by_list = malloc(strlen(v) + 1);
        if (!a->by_list)
            return cli_usage_error("estimate", "out of memory");
        strcpy(a->by_list, v);
        choice = split_by(a->by_list, a->by, 64);
        if (choice < 0)
            return cli_usage_error("estimate", "--by '%s' is not a list of column names", v);
        o->by = a->by;
        o->by_count = (size_t)choice;
        return 0;
    case 4: o->weight = v; return 0;
    case 5: o->stratum = v; return 0;
    case 6:
        if (parse_choice(v, methods, 5, &choice))
            return cli_usage_error("estimate", "unknown method '%s'", v);
        o->estimate.method = (jarva_ci_method)(choice + JARVA_CI_LOGIT);
        return 0;
    case 7:
        o->estimate.level = strtod(v, &end);
        if (*end || end == v || !(o->estimate.level > 0 && o->estimate.level < 1))
            return cli_usage_error("estimate", "--level '%s' is not in (0, 1)", v);
        return 0;
    case 8:
    case 9:
        if (parse_unsigned(v, which == 8 ? &o->estimate.min_n : &o->estimate.min_cell))
            return cli_usage_error("estimate", "%s '%s' is not a whole number >= 0",
                                   value_options[which], v);
        return 0;
    case 10:
        if (parse_choice(v, lonely, 5, &choice))
            return cli_usage_error("estimate", "unknown lonely-PSU rule '%s'", v);
        o->estimate.lonely_psu = (jarva_lonely_psu)choice;
        return 0;
    case 11:
        if (!strcmp(v, "tab") || !strcmp(v, "\t"))
            o->delimiter = '\t';
        else if (!strcmp(v, ",") || !strcmp(v, ";"))
            o->delimiter = v[0];
        else
            return cli_usage_error("estimate", "--delimiter is ',', ';' or 'tab'");
        return 0;
    case 12:
        if (strcmp(v, ".") && strcmp(v, ","))
            return cli_usage_error("estimate", "--decimal is '.' or ','");
        o->decimal = v[0];
        return 0;
    default:
        for (size_t k = 0; k < sizeof encodings / sizeof encodings[0]; k++)
            if (!strcasecmp(v, encodings[k].name)) {
                o->encoding = encodings[k].encoding;
                return 0;
            }
        return cli_usage_error("estimate", "unknown encoding '%s'", v);
    }
}

/* Parses the command line; returns -1 after a usage error, 1 after --help. */
static int parse_args(cli_ctx *ctx, int argc, char **argv, estimate_args *a)
{
    for (int i = 1; i < argc; i++) {
        int code, shared = cli_shared_arg(ctx, "estimate", estimate_usage, argc, argv, &i, &code);
        if (shared < 0)
            return code == CLI_OK ? 1 : -1;
        if (shared)
            continue;
        const char *arg = argv[i];
        int which = -1;
        const char *value = NULL;
        for (int k = 0; k < NVALUE_OPTIONS && which < 0; k++) {
            size_t len = strlen(value_options[k]);
            if (!strncmp(arg, value_options[k], len) && (arg[len] == '=' || !arg[len])) {
                which = k;
                value = arg[len] == '=' ? arg + len + 1 : (i + 1 < argc ? argv[++i] : NULL);
            }
        }
        if (which >= 0) {
            if (!value || !*value) {
                cli_usage_error("estimate", "option '%s' needs a value", value_options[which]);
                return -1;
            }
            if (set_option(a, which, value))
                return -1;
        } else if (arg[0] == '-' && arg[1]) {
            cli_usage_error("estimate", "unknown option '%s'", arg);
            return -1;
        } else if (a->file) {
            cli_usage_error("estimate", "unexpected argument '%s'", arg);
            return -1;
        } else {
            a->file = arg;
        }
    }
    const char *missing = !a->file            ? "a CSV file"
                          : !a->opts.variable ? "--var"
                          : !a->opts.positive ? "--positive"
                                              : NULL;
    if (missing) {
        cli_usage_error("estimate", "%s is required", missing);
        return -1;
    }
    return 0;
}

/* Shares for programs: 17 significant digits read back as the same double. */
static void format_number(char *buf, size_t size, double v, int percent, cli_format format)
{
    if (format != CLI_FORMAT_TABLE)
        snprintf(buf, size, "%.17g", v);
    else if (percent)
        snprintf(buf, size, "%.1f", 100 * v);
    else
        snprintf(buf, size, "%.1f", v);
}

static void print_result(const jarva_adhoc_result *r, cli_format format)
{
    static const char *const stats[] = { "n",       "estimate", "se",    "ci_low",
                                         "ci_high", "df",       "n_eff", "suppressed" };
    size_t nby = jarva_adhoc_result_by_count(r);
    int ncols = (int)nby + 8;
    const char *headers[64 + 8];
    const char *cells[64 + 8];
    for (size_t c = 0; c < nby; c++)
        headers[c] = jarva_adhoc_result_by_name(r, c);
    for (int k = 0; k < 8; k++)
        headers[nby + (size_t)k] = stats[k];
    cli_table *t = cli_table_new(ncols, headers);
    if (!t)
        return;
    for (int k = 0; k < 8; k++)
        cli_table_numeric(t, (int)nby + k);
    for (size_t row = 0; row < jarva_adhoc_result_count(r); row++) {
        const jarva_estimate *e = jarva_adhoc_result_get(r, row);
        char text[8][40];
        const char **stat = cells + nby;
        for (size_t c = 0; c < nby; c++)
            cells[c] = jarva_adhoc_result_value(r, row, c);
        snprintf(text[0], sizeof text[0], "%zu", e->n);
        snprintf(text[5], sizeof text[5], "%.17g", e->df);
        snprintf(text[7], sizeof text[7], "%d", e->suppressed ? 1 : 0);
        format_number(text[1], sizeof text[1], e->estimate, 1, format);
        format_number(text[2], sizeof text[2], e->se, 1, format);
        format_number(text[3], sizeof text[3], e->ci_low, 1, format);
        format_number(text[4], sizeof text[4], e->ci_high, 1, format);
        format_number(text[6], sizeof text[6], e->n_eff, 0, format);
        for (int k = 0; k < 8; k++)
            stat[k] = text[k];
        if (e->suppressed)
            stat[1] = stat[2] = stat[3] = stat[4] = stat[6] = NULL;
        else if (e->flags & JARVA_EST_NO_CI)
            stat[3] = stat[4] = NULL;
        cli_table_add(t, cells);
    }
    cli_table_print(t, format, stdout);
    cli_table_free(t);
}

int cmd_estimate(cli_ctx *ctx, int argc, char **argv)
{
    estimate_args a;
    memset(&a, 0, sizeof a);
    a.opts = (jarva_adhoc_options)JARVA_ADHOC_OPTIONS_INIT;
    int parsed = parse_args(ctx, argc, argv, &a);
    if (parsed) {
        free(a.by_list);
        return parsed < 0 ? CLI_USAGE : CLI_OK;
    }
    jarva_adhoc_result *r = NULL;
    char message[2048];
    int rc = jarva_adhoc_estimate(&r, a.file, &a.opts, message, sizeof message);
    if (rc) {
        cli_error("%s", message);
    } else {
        print_result(r, ctx->format);
        if (!ctx->quiet && ctx->format == CLI_FORMAT_TABLE)
            fprintf(stderr, "jarva: %zu respondents, %zu with a valid answer in a domain\n",
                    jarva_adhoc_result_respondents(r), jarva_adhoc_result_valid(r));
    }
    jarva_adhoc_result_free(r);
    free(a.by_list);
    return rc ? CLI_FAIL : CLI_OK;
}
