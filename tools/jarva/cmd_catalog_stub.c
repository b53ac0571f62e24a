/* TEMPORARY: replaced by cmd_goals.c, cmd_indicators.c, cmd_show.c. */
#include "cli.h"
int cmd_goals(cli_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    (void)argc;
    (void)argv;
    return CLI_FAIL;
}
int cmd_indicators(cli_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    (void)argc;
    (void)argv;
    return CLI_FAIL;
}
int cmd_show(cli_ctx *ctx, int argc, char **argv)
{
    (void)ctx;
    (void)argc;
    (void)argv;
    return CLI_FAIL;
}
