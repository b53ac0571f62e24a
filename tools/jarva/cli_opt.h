/* cli_opt.h: one table per command describes its options and arguments; the
 * same table parses the command line, prints the usage line, the --help text
 * and the man page's synopsis (`jarva help --man`), so the four cannot
 * disagree. The idea is libgit2's cli/opt.h: a spec per option, parsed in
 * one loop; this one adds typed values and the man page. */
#ifndef JARVA_CLI_OPT_H
#define JARVA_CLI_OPT_H

#include <stddef.h>
#include <stdio.h>

typedef enum cli_opt_kind {
    CLI_OPT_END = 0, /* ends a table */
    CLI_OPT_FLAG,    /* --name: sets the int target to the spec's flag_value */
    CLI_OPT_VALUE,   /* --name VALUE or --name=VALUE (-n VALUE, -nVALUE) */
    CLI_OPT_ARG,     /* a positional argument, in table order: text, or typed as a VALUE */
    CLI_OPT_WORD,    /* a literal positional word ("rm", "draft"): int target set to 1 */
    CLI_OPT_HELP     /* -h, --help: prints the help and stops, exit 0 */
} cli_opt_kind;

enum {
    CLI_OPT_REQUIRED = 1u << 0, /* a usage error when missing */
    CLI_OPT_OR = 1u << 1,       /* the alternative to the previous spec: [--a X | --b] */
    CLI_OPT_HIDDEN = 1u << 2,   /* parsed, never shown */
    CLI_OPT_GROUP = 1u << 3     /* shown in one bracket with the next spec: [rm ID] */
};

/* A value's conversion: text to the target; 0, or -1 when the text is not
 * one (the parser then says "--name 'text' is not <what>"). */
typedef struct cli_type {
    int (*parse)(const char *text, void *target, const void *extra);
    const char *what; /* "a year", "in (0, 1)" */
} cli_type;

/* One allowed word of a choice and the int it stands for. hidden: accepted,
 * not listed (spelling variants). */
typedef struct cli_choice {
    const char *name;
    int value;
    int hidden;
} cli_choice;

typedef struct cli_opt {
    cli_opt_kind kind;
    const char *name;          /* the long name without "--"; ARG: its name in usage */
    char alias;                /* the one-letter name (-o), or 0 */
    const char *value_name;    /* VALUE: "YEAR" in usage; NULL with choices lists them */
    size_t offset;             /* where the value goes in the args struct (offsetof) */
    const cli_type *type;      /* VALUE: the conversion; NULL: the text as a const char * */
    const cli_choice *choices; /* with cli_type_choice; ends with a NULL name */
    int flag_value;            /* FLAG: the value set */
    unsigned flags;            /* CLI_OPT_REQUIRED ... */
    const char *help;          /* one sentence for --help, wrapped there */
} cli_opt;

/* Table rows. T is the args struct, F its field. */
#define CLI_FLAG(name, alias, T, F, value, flags, help)                                            \
    {                                                                                              \
        CLI_OPT_FLAG, name, alias, NULL, offsetof(T, F), NULL, NULL, value, flags, help            \
    }
#define CLI_VALUE(name, alias, vname, T, F, type, flags, help)                                     \
    {                                                                                              \
        CLI_OPT_VALUE, name, alias, vname, offsetof(T, F), type, NULL, 0, flags, help              \
    }
#define CLI_CHOICE(name, alias, T, F, choices, flags, help)                                        \
    {                                                                                              \
        CLI_OPT_VALUE, name, alias, NULL, offsetof(T, F), &cli_type_choice, choices, 0, flags,     \
            help                                                                                   \
    }
#define CLI_ARG(name, T, F, flags, help)                                                           \
    {                                                                                              \
        CLI_OPT_ARG, name, 0, NULL, offsetof(T, F), NULL, NULL, 0, flags, help                     \
    }
#define CLI_ARG_CHOICE(name, T, F, choices, flags, help)                                           \
    {                                                                                              \
        CLI_OPT_ARG, name, 0, NULL, offsetof(T, F), &cli_type_choice, choices, 0, flags, help      \
    }
#define CLI_WORD(name, T, F, flags)                                                                \
    {                                                                                              \
        CLI_OPT_WORD, name, 0, NULL, offsetof(T, F), NULL, NULL, 1, flags, NULL                    \
    }
#define CLI_END                                                                                    \
    {                                                                                              \
        CLI_OPT_END, NULL, 0, NULL, 0, NULL, NULL, 0, 0, NULL                                      \
    }

/* The conversions every command shares. */
extern const cli_type cli_type_choice; /* int: the cli_choice's value */
extern const cli_type cli_type_year;   /* int: 1900-2199 */
extern const cli_type cli_type_level;  /* double: a confidence level in (0, 1) */
extern const cli_type cli_type_count;  /* unsigned: 0-1e9 */
extern const cli_type cli_type_text;   /* const char *, not empty */

/* What a command is: its name, one line for `jarva --help`, its table, the
 * paragraphs of its --help after the options, and what runs it. */
typedef struct cli_ctx cli_ctx;
typedef struct cli_command {
    const char *name;
    const char *summary;
    const cli_opt *opts;
    const char *description; /* printed as written (wrapped at 79 columns in the source) */
    int (*run)(cli_ctx *ctx, int argc, char **argv); /* argv[0] is the command name */
} cli_command;

/* The parser's answer when the command should go on. */
#define CLI_PARSED (-1)

/* Parses argv[1..argc-1] of cmd into args (by cmd->opts) and the global
 * options into ctx. Options and arguments mix in any order; "--" ends the
 * options; "-" is an argument. Returns CLI_PARSED, or the exit code to
 * return at once: 0 after --help (printed on stdout), 2 after a usage error
 * (printed with the usage line on stderr). */
int cli_opt_parse(const cli_command *cmd, cli_ctx *ctx, int argc, char **argv, void *args);

/* The global options (main.c): parses up to the command's name; returns its
 * index in argv, or -(exit code) - 1 when main must return at once. */
int cli_opt_parse_global(cli_ctx *ctx, int argc, char **argv);

/* "Usage: jarva NAME ..." wrapped to 79 columns, then a newline. */
void cli_opt_print_usage(const cli_command *cmd, FILE *out);
/* Usage, description, options and the pointer to the global ones. */
void cli_opt_print_help(const cli_command *cmd, FILE *out);
/* The command's synopsis as man(7) roff, as docs/jarva.1 holds it. */
void cli_opt_print_roff(const cli_command *cmd, FILE *out);
/* The options of cmd (NULL: those before a command) and the global ones,
 * for the shell completion (`jarva help --options [COMMAND]`). */
void cli_opt_print_spec(const cli_command *cmd, FILE *out);
/* `jarva --help`: the global usage, the commands, the global options. */
void cli_opt_print_global_help(FILE *out);

/* The options every command takes (--db, --catalog, --format, ...), and
 * those only before the command (--version). */
extern const cli_opt cli_global_opts[];
extern const cli_opt cli_main_opts[];

/* Every command, in `jarva --help` order (main.c); NULL if name is none. */
extern const cli_command *const cli_commands[];
extern const size_t cli_ncommands;
const cli_command *cli_command_find(const char *name);

#endif /* JARVA_CLI_OPT_H */
