/* main.c: jarva-simulate, which writes the example's simulated data
 * (simulerade exempeldata) into a directory, or prints the true values they
 * were drawn from. The same options give the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simulate.h"

static const char usage[] =
    "Usage: jarva-simulate [--out DIR] [--seed N] [--respondents N] [--staff-rate R]\n"
    "       jarva-simulate --truth\n"
    "\n"
    "Writes simulated example data (simulerade exempeldata) for the Järva\n"
    "indicators into DIR (default .):\n"
    "  simulerade-trygghetsenkat-YEAR.csv   residents' survey 2019, 2021, 2023, 2025\n"
    "                                       (Excel: ';', decimal comma, Windows-1252, CRLF)\n"
    "  simulerade-personalenkat-YEAR.csv    staff survey 2021, 2023, 2025 (UTF-8, ',')\n"
    "  simulerade-aktivitetslogg-2019-2025.csv  activity log (UTF-8, ',')\n"
    "\n"
    "Options:\n"
    "  --seed N          random seed (default 2025)\n"
    "  --respondents N   residents' survey respondents per wave, about (default 1600)\n"
    "  --staff-rate R    share of employees answering the staff survey (default 0.35)\n"
    "  --truth           print the true values as CSV (indicator,year,area,value;\n"
    "                    shares 0-1, means, expected counts) and write nothing\n";

static int parse_number(const char *s, double lo, double hi, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
}

int main(int argc, char **argv)
{
    sim_options opts = { 2025, 1600, 0.35, "." };
    int truth = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        double v;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return 0;
        }
        if (!strcmp(a, "--truth")) {
            truth = 1;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "jarva-simulate: unknown option or missing value '%s'\n%s", a, usage);
            return 2;
        }
        const char *value = argv[++i];
        if (!strcmp(a, "--out"))
            opts.out_dir = value;
        else if (!strcmp(a, "--seed") && !parse_number(value, 0, 4294967295.0, &v))
            opts.seed = (uint64_t)v;
        else if (!strcmp(a, "--respondents") && !parse_number(value, 60, 1e6, &v))
            opts.respondents = (int)v;
        else if (!strcmp(a, "--staff-rate") && !parse_number(value, 0.01, 1, &v))
            opts.staff_rate = v;
        else {
            fprintf(stderr, "jarva-simulate: bad option '%s %s'\n%s", a, value, usage);
            return 2;
        }
    }
    if (truth) {
        printf("indicator,year,area,value\n");
        sim_residents_truth(stdout);
        sim_staff_truth(stdout);
        sim_activities_truth(stdout);
        return ferror(stdout) ? 1 : 0;
    }
    if (sim_residents_write(&opts) || sim_staff_write(&opts) || sim_activities_write(&opts))
        return 1;
    return 0;
}
