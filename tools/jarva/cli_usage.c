/* cli_usage.c: a command's usage line, --help text and man page synopsis,
 * all three printed from its option table (cli_opt.h), so that what the
 * parser accepts, what --help says and what jarva(1) shows are one list. */
#include <string.h>

#include "cli.h"

enum { WIDTH = 79, HELP_COLUMN = 24 };

static int shown(const cli_opt *o)
{
    return o->kind != CLI_OPT_END && !(o->flags & CLI_OPT_HIDDEN);
}

static int positional(const cli_opt *o)
{
    return o->kind == CLI_OPT_ARG || o->kind == CLI_OPT_WORD;
}

/* "a|b|c": the listed choices. */
static size_t choices_text(const cli_opt *o, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (const cli_choice *c = o->choices; c && c->name && used < size; c++) {
        if (c->hidden)
            continue;
        int w = snprintf(buf + used, size - used, "%s%s", used ? "|" : "", c->name);
        used += w > 0 ? (size_t)w : 0;
    }
    return used;
}

/* "--year YEAR", "-o FILE", "--method a|b", "FILE", "rm": one spec as the
 * synopsis writes it (the short name when there is one). */
static void spec_text(const cli_opt *o, int long_form, char *buf, size_t size)
{
    if (positional(o)) {
        snprintf(buf, size, "%s", o->name);
        return;
    }
    int n = o->alias && !long_form ? snprintf(buf, size, "-%c", o->alias)
                                   : snprintf(buf, size, "--%s", o->name);
    if (o->kind != CLI_OPT_VALUE || n < 0 || (size_t)n >= size)
        return;
    buf[n++] = ' ';
    if (o->value_name)
        snprintf(buf + n, size - (size_t)n, "%s", o->value_name);
    else
        choices_text(o, buf + n, size - (size_t)n);
}

/* The synopsis groups: a spec alone, or joined with the next by
 * CLI_OPT_GROUP ("rm ID") or CLI_OPT_OR ("--area A | --areas"); bracketed
 * unless required. Returns the index after the group, and its text. */
static size_t group_text(const cli_opt *opts, size_t i, char *buf, size_t size)
{
    int optional = !(opts[i].flags & CLI_OPT_REQUIRED);
    char one[256];
    size_t used = 0;
    used += (size_t)snprintf(buf, size, "%s", optional ? "[" : "");
    for (;;) {
        spec_text(&opts[i], 0, one, sizeof one);
        used += (size_t)snprintf(buf + used, size - used, "%s", one);
        int joined = opts[i + 1].kind != CLI_OPT_END &&
                     ((opts[i].flags & CLI_OPT_GROUP) || (opts[i + 1].flags & CLI_OPT_OR));
        if (!joined || used >= size)
            break;
        used += (size_t)snprintf(buf + used, size - used, "%s",
                                 (opts[i + 1].flags & CLI_OPT_OR) ? " | " : " ");
        i++;
    }
    if (used < size)
        snprintf(buf + used, size - used, "%s", optional ? "]" : "");
    return i + 1;
}

/* Prints words from text, wrapped at WIDTH, every line after the first
 * indented by indent; column is where the cursor is. */
static void wrap(FILE *out, const char *text, size_t column, size_t indent)
{
    const char *p = text;
    int first = 1;
    while (*p) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, " ");
        if (!len)
            break;
        if (!first && column + 1 + len > WIDTH) {
            fprintf(out, "\n%*s", (int)indent, "");
            column = indent;
        } else if (!first) {
            fputc(' ', out);
            column++;
        }
        fwrite(p, 1, len, out);
        column += len;
        p += len;
        first = 0;
    }
    fputc('\n', out);
}

/* prefix, then the synopsis groups of opts (help left out), then suffix,
 * wrapped at WIDTH under the first group. */
static void print_synopsis(const char *prefix, const cli_opt *opts, const char *suffix, FILE *out)
{
    char group[512];
    size_t indent = strlen(prefix) + 1, column = strlen(prefix);
    fputs(prefix, out);
    for (size_t i = 0; opts[i].kind != CLI_OPT_END || suffix;) {
        if (opts[i].kind == CLI_OPT_END) {
            snprintf(group, sizeof group, "%s", suffix);
            suffix = NULL;
        } else if (!shown(&opts[i]) || opts[i].kind == CLI_OPT_HELP) {
            i++;
            continue;
        } else {
            i = group_text(opts, i, group, sizeof group);
        }
        size_t len = strlen(group);
        if (column + 1 + len > WIDTH) {
            fprintf(out, "\n%*s", (int)indent - 1, "");
            column = indent - 1;
        }
        fprintf(out, " %s", group);
        column += 1 + len;
    }
    fputc('\n', out);
}

void cli_opt_print_usage(const cli_command *cmd, FILE *out)
{
    char prefix[64];
    snprintf(prefix, sizeof prefix, "Usage: jarva %s", cmd->name);
    print_synopsis(prefix, cmd->opts, NULL, out);
}

/* "  -o, --output FILE  help...", the help wrapped in its column. */
static void print_option_line(const cli_opt *o, FILE *out)
{
    char left[256], spec[224];
    spec_text(o, 1, spec, sizeof spec);
    if (o->alias)
        snprintf(left, sizeof left, "  -%c, %s", o->alias, spec);
    else
        snprintf(left, sizeof left, "  %s", spec);
    size_t len = strlen(left);
    fputs(left, out);
    if (!o->help) {
        fputc('\n', out);
        return;
    }
    if (len + 2 > HELP_COLUMN) {
        fprintf(out, "\n%*s", HELP_COLUMN, "");
    } else {
        fprintf(out, "%*s", (int)(HELP_COLUMN - len), "");
    }
    wrap(out, o->help, HELP_COLUMN, HELP_COLUMN);
}

static void print_section(const cli_opt *opts, int want_positional, const char *title, FILE *out)
{
    int any = 0;
    for (const cli_opt *o = opts; o->kind != CLI_OPT_END; o++) {
        if (!shown(o) || positional(o) != want_positional || !o->help)
            continue;
        if (!any)
            fprintf(out, "\n%s:\n", title);
        any = 1;
        print_option_line(o, out);
    }
}

/* "--db PATH, --catalog DIR, ...": the global options in one sentence. */
static void print_global_line(FILE *out)
{
    char text[1024] = "Global options, before or after the command (jarva --help):";
    size_t used = strlen(text);
    for (const cli_opt *o = cli_global_opts; o->kind != CLI_OPT_END && used < sizeof text; o++) {
        char spec[128];
        spec_text(o, 1, spec, sizeof spec);
        int w = o->alias ? snprintf(text + used, sizeof text - used, " -%c, %s%s", o->alias, spec,
                                    o[1].kind == CLI_OPT_END ? "." : ";")
                         : snprintf(text + used, sizeof text - used, " %s%s", spec,
                                    o[1].kind == CLI_OPT_END ? "." : ";");
        used += w > 0 ? (size_t)w : 0;
    }
    fputc('\n', out);
    wrap(out, text, 0, 0);
}

void cli_opt_print_help(const cli_command *cmd, FILE *out)
{
    cli_opt_print_usage(cmd, out);
    if (cmd->description) {
        fputc('\n', out);
        fputs(cmd->description, out);
    }
    print_section(cmd->opts, 1, "Arguments", out);
    print_section(cmd->opts, 0, "Options", out);
    print_global_line(out);
}

void cli_opt_print_global_help(FILE *out)
{
    print_synopsis("Usage: jarva", cli_global_opts, "COMMAND [ARGS]", out);
    fputs("\n"
          "Measurable goals and effect reports for the communication plan of the\n"
          "Järva collaboration agreement.\n"
          "\n"
          "Commands:\n",
          out);
    for (size_t i = 0; i < cli_ncommands; i++)
        fprintf(out, "  %-12s %s\n", cli_commands[i]->name, cli_commands[i]->summary);
    print_section(cli_global_opts, 0, "Options", out);
    print_section(cli_main_opts, 0, "Only before the command", out);
    fputs("\nExit status: 0 success, 1 data or runtime error, 2 usage error.\n", out);
}

/* man(7) roff: one line per synopsis group, fonts by escapes, "\~" (a
 * space the line is never broken at) inside an option and its value. */

/* Appends text to buf as roff: '-' as \-, '\' as \e; font 'B', 'I' or 0. */
static void roff_append(char *buf, size_t size, const char *text, char font)
{
    size_t used = strlen(buf);
    if (font && used + 3 < size) {
        buf[used++] = '\\';
        buf[used++] = 'f';
        buf[used++] = font;
    }
    for (const char *p = text; *p && used + 3 < size; p++) {
        if (*p == '-' || *p == '\\') {
            buf[used++] = '\\';
            buf[used++] = *p == '-' ? '-' : 'e';
        } else if (*p == '.' && (used == 0 || buf[used - 1] == 'B' || buf[used - 1] == 'I')) {
            /* a "." that could start a line, or follow a font change: \&. */
            buf[used++] = '\\';
            buf[used++] = '&';
            buf[used++] = '.';
        } else {
            buf[used++] = *p;
        }
    }
    if (font && used + 3 < size) {
        buf[used++] = '\\';
        buf[used++] = 'f';
        buf[used++] = 'R';
    }
    buf[used] = '\0';
}

static void roff_spec(char *buf, size_t size, const cli_opt *o)
{
    char name[128];
    if (positional(o)) {
        roff_append(buf, size, o->name, o->kind == CLI_OPT_ARG ? 'I' : 'B');
        return;
    }
    if (o->alias)
        snprintf(name, sizeof name, "-%c", o->alias);
    else
        snprintf(name, sizeof name, "--%s", o->name);
    roff_append(buf, size, name, 'B');
    if (o->kind != CLI_OPT_VALUE)
        return;
    size_t used = strlen(buf);
    snprintf(buf + used, size - used, "\\~"); /* roff itself, not text */
    if (o->value_name) {
        roff_append(buf, size, o->value_name, 'I');
        return;
    }
    int first = 1;
    for (const cli_choice *c = o->choices; c->name; c++) {
        if (c->hidden)
            continue;
        if (!first)
            roff_append(buf, size, "|", 0);
        roff_append(buf, size, c->name, 'B');
        first = 0;
    }
}

void cli_opt_print_roff(const cli_command *cmd, FILE *out)
{
    fprintf(out, ".B jarva %s\n", cmd->name);
    const cli_opt *opts = cmd->opts;
    for (size_t i = 0; opts[i].kind != CLI_OPT_END;) {
        if (!shown(&opts[i])) {
            i++;
            continue;
        }
        char line[1024] = "";
        int optional = !(opts[i].flags & CLI_OPT_REQUIRED);
        if (optional)
            roff_append(line, sizeof line, "[", 0);
        for (;;) {
            roff_spec(line, sizeof line, &opts[i]);
            int joined = opts[i + 1].kind != CLI_OPT_END &&
                         ((opts[i].flags & CLI_OPT_GROUP) || (opts[i + 1].flags & CLI_OPT_OR));
            if (!joined)
                break;
            roff_append(line, sizeof line, (opts[i + 1].flags & CLI_OPT_OR) ? " | " : " ", 0);
            i++;
        }
        if (optional)
            roff_append(line, sizeof line, "]", 0);
        fprintf(out, "%s\n", line);
        i++;
    }
}

/* For the shell completion: one line per option, "NAME flag" or "NAME value
 * [CHOICE...]" (a one-letter name and the long one on lines of their own),
 * the command's options before the global ones so that the first line of a
 * name is the one that applies; and "@N CHOICE..." for the N-th positional
 * argument when it is a choice or a literal word. */
static void print_spec_table(const cli_opt *opts, FILE *out)
{
    size_t position = 0;
    for (const cli_opt *o = opts; o->kind != CLI_OPT_END; o++) {
        char choices[512];
        choices_text(o, choices, sizeof choices);
        for (char *p = choices; *p; p++)
            if (*p == '|')
                *p = ' ';
        if (positional(o)) {
            position++;
            if (o->kind == CLI_OPT_WORD)
                fprintf(out, "@%zu %s\n", position, o->name);
            else if (o->choices)
                fprintf(out, "@%zu %s\n", position, choices);
            continue;
        }
        const char *kind = o->kind == CLI_OPT_VALUE ? "value" : "flag";
        const char *sep = choices[0] ? " " : "";
        if (o->alias)
            fprintf(out, "-%c %s%s%s\n", o->alias, kind, sep, choices);
        fprintf(out, "--%s %s%s%s\n", o->name, kind, sep, choices);
    }
}

void cli_opt_print_spec(const cli_command *cmd, FILE *out)
{
    if (cmd)
        print_spec_table(cmd->opts, out);
    else
        print_spec_table(cli_main_opts, out);
    print_spec_table(cli_global_opts, out);
}
