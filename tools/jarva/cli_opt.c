/* cli_opt.c: the option-table parser (cli_opt.h) and the conversions every
 * command shares. Printing usage, help and roff from the same tables is in
 * cli_usage.c. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

/* The conversions. */

static int parse_choice(const char *text, void *target, const void *extra)
{
    for (const cli_choice *c = extra; c && c->name; c++)
        if (!strcasecmp(text, c->name)) {
            *(int *)target = c->value;
            return 0;
        }
    return -1;
}

static int parse_year(const char *text, void *target, const void *extra)
{
    (void)extra;
    char *end;
    long y = strtol(text, &end, 10);
    if (end == text || *end || y < 1900 || y > 2199)
        return -1;
    *(int *)target = (int)y;
    return 0;
}

static int parse_level(const char *text, void *target, const void *extra)
{
    (void)extra;
    char *end;
    double level = strtod(text, &end);
    if (end == text || *end || !(level > 0 && level < 1))
        return -1;
    *(double *)target = level;
    return 0;
}

static int parse_count(const char *text, void *target, const void *extra)
{
    (void)extra;
    char *end;
    if (*text < '0' || *text > '9')
        return -1;
    unsigned long v = strtoul(text, &end, 10);
    if (*end || v > 1000000000UL)
        return -1;
    *(unsigned *)target = (unsigned)v;
    return 0;
}

static int parse_text(const char *text, void *target, const void *extra)
{
    (void)extra;
    if (!*text)
        return -1;
    *(const char **)target = text;
    return 0;
}

const cli_type cli_type_choice = { parse_choice, NULL };
const cli_type cli_type_year = { parse_year, "a year" };
const cli_type cli_type_level = { parse_level, "a confidence level in (0, 1)" };
const cli_type cli_type_count = { parse_count, "a whole number >= 0" };
const cli_type cli_type_text = { parse_text, "a value" };

/* The global options: main.c's before the command, and every command's
 * after its name. */
static const cli_choice formats[] = { { "table", CLI_FORMAT_TABLE, 0 },
                                      { "csv", CLI_FORMAT_CSV, 0 },
                                      { "json", CLI_FORMAT_JSON, 0 },
                                      { NULL, 0, 0 } };
const cli_opt cli_global_opts[] = {
    CLI_VALUE("db", 0, "PATH", cli_ctx, db_path, &cli_type_text, 0,
              "the project database (default $JARVA_DB, else ./jarva.db)"),
    CLI_VALUE("catalog", 0, "DIR", cli_ctx, catalog_arg, &cli_type_text, 0,
              "the plan's catalogue (default $JARVA_CATALOG, else the installed or source "
              "indicators/)"),
    CLI_CHOICE("format", 0, cli_ctx, format, formats, 0,
               "output as table (default: aligned, shares in percent), csv or json (typed; "
               "shares as proportions 0-1)"),
    CLI_FLAG("raw-csv", 0, cli_ctx, raw_csv, 1, 0,
             "CSV cells as they are: no ' before a cell starting with = + - @ (for programs, "
             "not for spreadsheets)"),
    CLI_FLAG("quiet", 'q', cli_ctx, quiet, 1, 0, "no progress or informational messages"),
    { CLI_OPT_HELP, "help", 'h', NULL, 0, NULL, NULL, 0, 0,
      "this help; `jarva COMMAND --help` for a command's" },
    CLI_END
};

/* Only before the command. */
const cli_opt cli_main_opts[] = {
    CLI_FLAG("version", 0, cli_ctx, version, 1, 0, "print the version"),
    CLI_END,
};

/* A usage error of cmd (NULL: of jarva itself): the message, the usage line
 * and where to read more, on stderr. */
static int usage_error(const cli_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int usage_error(const cli_command *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "jarva%s%s: ", cmd ? " " : "", cmd ? cmd->name : "");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (cmd)
        cli_opt_print_usage(cmd, stderr);
    fprintf(stderr, "Try 'jarva %s%s--help'.\n", cmd ? cmd->name : "", cmd ? " " : "");
    return CLI_USAGE;
}

int cli_usage_error(const char *name, const char *fmt, ...)
{
    char message[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    return usage_error(name ? cli_command_find(name) : NULL, "%s", message);
}

/* The tables a parse looks in, first match wins, and where each one's
 * values go. */
typedef struct opt_table {
    const cli_opt *opts;
    void *base;
} opt_table;

/* The spec named by argv's word (after its dashes), in the first table that
 * has it (*table: its index). *value is the text after '=' (long) or after
 * the letter (short). */
static const cli_opt *find_option(const char *arg, const opt_table *tables, size_t ntables,
                                  size_t *table, const char **value)
{
    *value = NULL;
    int is_long = arg[1] == '-';
    const char *name = arg + (is_long ? 2 : 1);
    size_t len = is_long ? strcspn(name, "=") : 1;
    for (size_t t = 0; t < ntables; t++)
        for (const cli_opt *o = tables[t].opts; o && o->kind != CLI_OPT_END; o++) {
            if (o->kind == CLI_OPT_ARG || o->kind == CLI_OPT_WORD)
                continue;
            int hit = is_long ? strlen(o->name) == len && !strncmp(o->name, name, len)
                              : o->alias && o->alias == name[0];
            if (!hit)
                continue;
            if (is_long && name[len] == '=')
                *value = name + len + 1;
            else if (!is_long && name[1])
                *value = name + 1;
            *table = t;
            return o;
        }
    return NULL;
}

/* "--name" or "-n" as the user typed it, for messages. */
static const char *spelled(const cli_opt *o, const char *arg, char *buf, size_t size)
{
    if (arg[1] == '-')
        snprintf(buf, size, "--%s", o->name);
    else
        snprintf(buf, size, "-%c", o->alias);
    return buf;
}

/* The choices of a spec as "a, b or c". */
static void choice_list(const cli_opt *o, char *buf, size_t size)
{
    size_t n = 0, used = 0;
    for (const cli_choice *c = o->choices; c->name; c++)
        n += !c->hidden;
    buf[0] = '\0';
    size_t k = 0;
    for (const cli_choice *c = o->choices; c->name && used < size; c++) {
        if (c->hidden)
            continue;
        const char *sep = k == 0 ? "" : k + 1 == n ? " or " : ", ";
        int w = snprintf(buf + used, size - used, "%s%s", sep, c->name);
        used += w > 0 ? (size_t)w : 0;
        k++;
    }
}

typedef struct parse_state {
    const cli_command *cmd; /* NULL: jarva's own options, before the command */
    cli_ctx *ctx;
    void *args;
    unsigned char seen[64]; /* per spec of cmd->opts */
    size_t next_positional; /* index in cmd->opts to look from */
} parse_state;

/* Sets what option o says into base, with value (NULL for a flag). -1 to go
 * on, or an exit code. */
static int apply_option(parse_state *s, const cli_opt *o, char *base, const char *arg,
                        const char *value)
{
    char name[64];
    if (o->kind == CLI_OPT_HELP) {
        if (s->cmd)
            cli_opt_print_help(s->cmd, stdout);
        else
            cli_opt_print_global_help(stdout);
        return CLI_OK;
    }
    if (o->kind == CLI_OPT_FLAG) {
        if (value)
            return usage_error(s->cmd, "option '%s' takes no value", spelled(o, arg, name, 64));
        *(int *)(base + o->offset) = o->flag_value;
    } else {
        const cli_type *type = o->type ? o->type : &cli_type_text;
        if (type->parse(value, base + o->offset, o->choices) != 0) {
            if (!*value)
                return usage_error(s->cmd, "option '%s' needs a value", spelled(o, arg, name, 64));
            char what[256];
            if (o->choices)
                choice_list(o, what, sizeof what);
            else
                snprintf(what, sizeof what, "%s", type->what);
            return usage_error(s->cmd, "%s '%s' is not %s", spelled(o, arg, name, 64), value, what);
        }
    }
    if (s->cmd && base == s->args)
        s->seen[o - s->cmd->opts] = 1;
    return -1;
}

/* A positional word: the next ARG or WORD spec takes it. 0, or an exit code. */
static int apply_positional(parse_state *s, const char *word)
{
    const cli_opt *opts = s->cmd->opts;
    size_t i = s->next_positional;
    while (opts[i].kind != CLI_OPT_END && opts[i].kind != CLI_OPT_ARG &&
           opts[i].kind != CLI_OPT_WORD)
        i++;
    if (opts[i].kind == CLI_OPT_END)
        return usage_error(s->cmd, "unexpected argument '%s'", word);
    const cli_opt *o = &opts[i];
    if (o->kind == CLI_OPT_WORD) {
        if (strcmp(word, o->name) != 0)
            return (o->flags & CLI_OPT_REQUIRED)
                       ? usage_error(s->cmd, "expected '%s', not '%s'", o->name, word)
                       : usage_error(s->cmd, "unexpected argument '%s'", word);
        *(int *)((char *)s->args + o->offset) = 1;
    } else if (o->type) {
        if (o->type->parse(word, (char *)s->args + o->offset, o->choices) != 0) {
            char what[256];
            if (o->choices)
                choice_list(o, what, sizeof what);
            else
                snprintf(what, sizeof what, "%s", o->type->what);
            return usage_error(s->cmd, "%s '%s' is not %s", o->name, word, what);
        }
    } else {
        *(const char **)((char *)s->args + o->offset) = word;
    }
    s->seen[i] = 1;
    s->next_positional = i + 1;
    return -1;
}

/* After the last argument: required specs, groups and alternatives. */
static int check_complete(parse_state *s)
{
    const cli_opt *opts = s->cmd->opts;
    for (size_t i = 0; opts[i].kind != CLI_OPT_END; i++) {
        const cli_opt *o = &opts[i];
        int positional = o->kind == CLI_OPT_ARG || o->kind == CLI_OPT_WORD;
        if ((o->flags & CLI_OPT_REQUIRED) && !s->seen[i])
            return positional ? usage_error(s->cmd, "%s is required", o->name)
                              : usage_error(s->cmd, "--%s is required", o->name);
        if ((o->flags & CLI_OPT_GROUP) && s->seen[i] && !s->seen[i + 1])
            return usage_error(s->cmd, "%s needs %s", o->name, opts[i + 1].name);
        if ((o->flags & CLI_OPT_OR) && i > 0 && s->seen[i] && s->seen[i - 1])
            return usage_error(s->cmd, "give --%s or --%s, not both", opts[i - 1].name, o->name);
    }
    return -1;
}

/* What every parse does once its options are read. */
static void settle_globals(cli_ctx *ctx)
{
    if (ctx->catalog_arg) {
        ctx->catalog_dir = ctx->catalog_arg;
        ctx->catalog_given = 1;
    }
    cli_csv_raw(ctx->raw_csv);
}

/* One option word at argv[*i]: -1 done with it, or an exit code. */
static int parse_option(parse_state *s, const opt_table *tables, size_t ntables, int argc,
                        char **argv, int *i)
{
    const char *arg = argv[*i], *value;
    size_t t;
    const cli_opt *o = find_option(arg, tables, ntables, &t, &value);
    if (!o)
        return usage_error(s->cmd, "unknown option '%s'", arg);
    if (o->kind == CLI_OPT_VALUE && !value) {
        if (*i + 1 >= argc) {
            char name[64];
            return usage_error(s->cmd, "option '%s' needs a value", spelled(o, arg, name, 64));
        }
        value = argv[++*i];
    }
    return apply_option(s, o, tables[t].base, arg, value);
}

int cli_opt_parse(const cli_command *cmd, cli_ctx *ctx, int argc, char **argv, void *args)
{
    parse_state s = { cmd, ctx, args, { 0 }, 0 };
    const opt_table tables[] = { { cmd->opts, args }, { cli_global_opts, ctx } };
    int literal = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        int rc;
        if (!literal && !strcmp(arg, "--")) {
            literal = 1;
            continue;
        }
        if (!literal && arg[0] == '-' && arg[1])
            rc = parse_option(&s, tables, 2, argc, argv, &i);
        else
            rc = apply_positional(&s, arg);
        if (rc != -1)
            return rc;
    }
    settle_globals(ctx);
    return check_complete(&s) == -1 ? CLI_PARSED : CLI_USAGE;
}

int cli_opt_parse_global(cli_ctx *ctx, int argc, char **argv)
{
    parse_state s = { NULL, ctx, NULL, { 0 }, 0 };
    const opt_table tables[] = { { cli_main_opts, ctx }, { cli_global_opts, ctx } };
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (!strcmp(argv[i], "--")) {
            i++;
            break;
        }
        int rc = parse_option(&s, tables, 2, argc, argv, &i);
        if (rc != -1)
            return -rc - 1;
    }
    settle_globals(ctx);
    return i;
}

const cli_command *cli_command_find(const char *name)
{
    for (size_t c = 0; c < cli_ncommands; c++)
        if (!strcmp(cli_commands[c]->name, name))
            return cli_commands[c];
    return NULL;
}
