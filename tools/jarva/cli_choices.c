/* cli_choices.c: the words of the choices several commands take, in one
 * place, so that compute, estimate and import spell them alike. Hidden
 * entries are spellings accepted and not listed; case does not matter. */
#include "cli.h"

/* The interval methods by the library's own names (jarva_ci_method_name(),
 * the names it parses and stores with each estimate): filled in by
 * cli_choices_init(), so the CLI holds no second spelling of them. */
cli_choice cli_ci_methods[] = { { NULL, JARVA_CI_LOGIT, 0 },
                                { NULL, JARVA_CI_BETA, 0 },
                                { NULL, JARVA_CI_MEAN, 0 },
                                { NULL, JARVA_CI_WILSON, 0 },
                                { NULL, JARVA_CI_CLOPPER_PEARSON, 0 },
                                { NULL, JARVA_CI_DEFAULT, 1 },
                                { NULL, 0, 0 } };

void cli_choices_init(void)
{
    for (size_t i = 0; i + 1 < sizeof cli_ci_methods / sizeof cli_ci_methods[0]; i++)
        cli_ci_methods[i].name = jarva_ci_method_name((jarva_ci_method)cli_ci_methods[i].value);
}

const cli_choice cli_lonely_psu_rules[] = {
    { "fail", JARVA_LONELY_PSU_FAIL, 0 },       { "adjust", JARVA_LONELY_PSU_ADJUST, 0 },
    { "remove", JARVA_LONELY_PSU_REMOVE, 0 },   { "certainty", JARVA_LONELY_PSU_CERTAINTY, 0 },
    { "average", JARVA_LONELY_PSU_AVERAGE, 0 }, { NULL, 0, 0 }
};

const cli_choice cli_encodings[] = {
    { "utf-8", JARVA_ENCODING_UTF8, 0 },       { "windows-1252", JARVA_ENCODING_CP1252, 0 },
    { "utf-16le", JARVA_ENCODING_UTF16LE, 0 }, { "utf-16be", JARVA_ENCODING_UTF16BE, 0 },
    { "auto", JARVA_ENCODING_AUTO, 1 },        { "utf8", JARVA_ENCODING_UTF8, 1 },
    { "cp1252", JARVA_ENCODING_CP1252, 1 },    { "win1252", JARVA_ENCODING_CP1252, 1 },
    { "utf-16", JARVA_ENCODING_UTF16LE, 1 },   { NULL, 0, 0 }
};

const cli_choice cli_delimiters[] = { { ",", ',', 0 },   { ";", ';', 0 },    { "tab", '\t', 0 },
                                      { "\t", '\t', 1 }, { "\\t", '\t', 1 }, { NULL, 0, 0 } };

const cli_choice cli_decimal_marks[] = { { ".", '.', 0 }, { ",", ',', 0 }, { NULL, 0, 0 } };
