/* residents.c: the simulated residents' safety survey of Järva (jarva-trygghet),
 * waves 2019, 2021, 2023 and 2025, written as Swedish Excel exports them with
 * the column names of indicators/sources/jarva-trygghet.csv (F12 until 2021,
 * F12a from 2022).
 *
 * True parameters (also in examples/README.md):
 * - Population 16-84 by area and age group (rounded, for illustration; not
 *   official statistics), the same every year, half women and half men.
 * - Design: stratified by area x age group (24 strata). Each area gets a sixth
 *   of the respondents; within an area they are spread over the age groups in
 *   proportion to population x response propensity (16-29: 0.55, 30-49: 0.80,
 *   50-64: 1.00, 65-84: 1.10), times a random factor 0.9-1.1 per stratum.
 *   Design weight = N_h / n_h.
 * - Answers: positive with probability logistic(a + k * area + age + women),
 *   with the offsets below; a is solved each year so that the share in the
 *   population of Järva equals the true share (percent, among valid answers).
 *   Independently of that, an answer is missing (empty) or "don't know" (9)
 *   with the probabilities given, so the true share among valid answers is the
 *   same.
 * - Sex is K or M with probability 1/2 each, and not recorded for 0.5 %. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simulate.h"

enum { NAREAS = 6, NAGES = 4, NYEARS = 4, NQUESTIONS = 9 };

static const int years[NYEARS] = { 2019, 2021, 2023, 2025 };

static const char *const area_names[NAREAS] = { "Akalla",  "Husby",  "Kista",
                                                "Rinkeby", "Tensta", "Hjulsta" };
static const char *const area_ids[NAREAS] = { "akalla",  "husby",  "kista",
                                              "rinkeby", "tensta", "hjulsta" };
/* Logit offsets of the areas for a "good" answer (k = 1): Kista better,
 * Husby and Rinkeby worse than Akalla. */
static const double area_effect[NAREAS] = { 0.00, -0.35, 0.45, -0.30, -0.20, -0.05 };

static const char *const age_groups[NAGES] = { "16-29", "30-49", "50-64", "65-84" };
static const char *const age_labels[NAGES] = { "16–29 år", "30–49 år", "50–64 år", "65–84 år" };
static const double response_propensity[NAGES] = { 0.55, 0.80, 1.00, 1.10 };

/* Residents 16-84 (rounded, illustrative). */
static const double population[NAREAS][NAGES] = {
    { 1900, 2700, 1500, 900 },  /* Akalla: 7 000 */
    { 2600, 3500, 1900, 1000 }, /* Husby: 9 000 */
    { 2900, 4700, 1700, 700 },  /* Kista: 10 000 */
    { 3600, 4800, 2500, 1100 }, /* Rinkeby: 12 000 */
    { 3700, 5000, 2900, 1400 }, /* Tensta: 13 000 */
    { 1000, 1500, 900, 600 },   /* Hjulsta: 4 000 */
};

typedef struct question {
    const char *indicator;
    const char *column;      /* the export's column from 2022 on */
    const char *column_2021; /* until 2021, where it was renamed; else NULL */
    const char *positive;    /* the positive codes ... */
    double positive_p[3];    /* ... and how a positive answer spreads over them */
    const char *negative;
    double negative_p[3];
    double dont_know;     /* code 9 */
    double missing;       /* empty */
    double truth[NYEARS]; /* percent positive among valid answers, in Järva */
    double k;             /* times area_effect */
    double women;         /* offset for women */
    double age[NAGES];    /* offsets by age group */
} question;

static const question questions[NQUESTIONS] = {
    { "safe-evening-survey",
      "F12a",
      "F12",
      "12",
      { .35, .65 },
      "34",
      { .6, .4 },
      .05,
      .02,
      { 50, 54, 58, 62 },
      1.0,
      -0.45,
      { .15, .10, -.05, -.40 } },
    { "worried-crime-survey",
      "F14",
      NULL,
      "1",
      { 1 },
      "234",
      { .45, .35, .20 },
      .04,
      .02,
      { 22, 18, 15, 12 },
      -0.8,
      0.35,
      { -.10, 0, .10, .20 } },
    { "avoid-places-survey",
      "F15",
      NULL,
      "12",
      { .35, .65 },
      "3",
      { 1 },
      .04,
      .02,
      { 52, 48, 45, 41 },
      -0.8,
      0.45,
      { .10, 0, 0, .15 } },
    { "exposed-violence-survey",
      "F20",
      NULL,
      "1",
      { 1 },
      "2",
      { 1 },
      .03,
      .02,
      { 9, 8.5, 8, 7 },
      -0.6,
      -0.25,
      { .60, .10, -.30, -.90 } },
    { "active-life-survey",
      "F24",
      NULL,
      "12",
      { .4, .6 },
      "34",
      { .6, .4 },
      .06,
      .02,
      { 60, 63, 67, 71 },
      0.5,
      -0.10,
      { .10, 0, 0, -.20 } },
    { "accessible-environment-survey",
      "F25",
      NULL,
      "12",
      { .45, .55 },
      "34",
      { .6, .4 },
      .04,
      .02,
      { 72, 74, 77, 80 },
      0.3,
      0,
      { .20, .10, -.10, -.40 } },
    { "residents-know-cooperation",
      "F30",
      NULL,
      "1",
      { 1 },
      "23",
      { .65, .35 },
      .03,
      .02,
      { 25, 30, 36, 42 },
      0.2,
      0,
      { -.30, 0, .20, .20 } },
    { "residents-know-support",
      "F31",
      NULL,
      "1",
      { 1 },
      "23",
      { .6, .4 },
      .03,
      .02,
      { 40, 45, 50, 56 },
      0.2,
      0.10,
      { -.20, 0, .10, .10 } },
    { "residents-seen-examples",
      "F32",
      NULL,
      "1",
      { 1 },
      "23",
      { .7, .3 },
      .03,
      .02,
      { 18, 24, 31, 38 },
      0.1,
      0,
      { -.10, 0, .10, 0 } },
};

/* The offset of the cell (area, age, sex) for question q. */
static double cell_offset(const question *q, int area, int age, int woman)
{
    return q->k * area_effect[area] + q->age[age] + (woman ? q->women : 0);
}

/* The population's 48 cells (area x age x sex) for question q. */
static void population_cells(const question *q, sim_cell cells[NAREAS * NAGES * 2])
{
    size_t n = 0;
    for (int a = 0; a < NAREAS; a++)
        for (int g = 0; g < NAGES; g++)
            for (int w = 0; w < 2; w++) {
                cells[n].size = population[a][g] / 2;
                cells[n].offset = cell_offset(q, a, g, w);
                n++;
            }
}

static double intercept(const question *q, int y)
{
    sim_cell cells[NAREAS * NAGES * 2];
    population_cells(q, cells);
    return sim_solve_share(cells, NAREAS * NAGES * 2, q->truth[y] / 100);
}

typedef struct respondent {
    int area, age, woman, sex_recorded;
    double weight;
    char answers[NQUESTIONS]; /* a code, or 0 for missing */
} respondent;

static char draw_code(sim_rng *r, const char *codes, const double *p)
{
    return codes[sim_categorical(r, p, (int)strlen(codes))];
}

static char draw_answer(sim_rng *r, const question *q, double a, const respondent *who)
{
    if (sim_bernoulli(r, q->missing))
        return 0;
    if (sim_bernoulli(r, q->dont_know))
        return '9';
    double p = sim_logistic(a + cell_offset(q, who->area, who->age, who->woman));
    return sim_bernoulli(r, p) ? draw_code(r, q->positive, q->positive_p)
                               : draw_code(r, q->negative, q->negative_p);
}

/* The wave's respondents, stratum by stratum, then shuffled as an export
 * sorted by serial number would mix them. */
static respondent *draw_wave(const sim_options *opts, int y, size_t *count)
{
    sim_rng r;
    char stream[32];
    snprintf(stream, sizeof stream, "trygghet-%d", years[y]);
    sim_rng_seed(&r, opts->seed, stream);
    double a[NQUESTIONS];
    for (int q = 0; q < NQUESTIONS; q++)
        a[q] = intercept(&questions[q], y);

    int n_stratum[NAREAS][NAGES];
    size_t total = 0;
    double per_area = (double)opts->respondents / NAREAS;
    for (int area = 0; area < NAREAS; area++) {
        double reach = 0;
        for (int g = 0; g < NAGES; g++)
            reach += population[area][g] * response_propensity[g];
        for (int g = 0; g < NAGES; g++) {
            double expected = per_area * population[area][g] * response_propensity[g] / reach;
            int n = (int)(expected * (0.9 + 0.2 * sim_uniform(&r)) + 0.5);
            n_stratum[area][g] = n < 2 ? 2 : n; /* two at least: no lonely stratum */
            total += (size_t)n_stratum[area][g];
        }
    }
    respondent *list = calloc(total, sizeof *list);
    if (!list)
        return NULL;
    size_t i = 0;
    for (int area = 0; area < NAREAS; area++)
        for (int g = 0; g < NAGES; g++)
            for (int k = 0; k < n_stratum[area][g]; k++, i++) {
                respondent *who = &list[i];
                who->area = area;
                who->age = g;
                who->weight = population[area][g] / n_stratum[area][g];
                who->woman = sim_bernoulli(&r, 0.5);
                who->sex_recorded = !sim_bernoulli(&r, 0.005);
                for (int q = 0; q < NQUESTIONS; q++)
                    who->answers[q] = draw_answer(&r, &questions[q], a[q], who);
            }
    /* Fisher-Yates. */
    for (size_t j = total - 1; j > 0; j--) {
        size_t k = (size_t)(sim_uniform(&r) * (double)(j + 1));
        respondent tmp = list[j];
        list[j] = list[k];
        list[k] = tmp;
    }
    *count = total;
    return list;
}

static int write_wave(const sim_options *opts, int y)
{
    size_t count = 0;
    respondent *list = draw_wave(opts, y, &count);
    if (!list) {
        fprintf(stderr, "jarva-simulate: out of memory\n");
        return -1;
    }
    char name[64];
    snprintf(name, sizeof name, "simulerade-trygghetsenkat-%d.csv", years[y]);
    sim_csv c;
    if (sim_csv_open(&c, opts->out_dir, name, ';', "\r\n", 1, ',')) {
        free(list);
        return -1;
    }
    const char *const roles[] = { "lopnr", "ar", "omrade", "strata", "vikt", "kon", "aldersgrupp" };
    for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++)
        sim_csv_text(&c, roles[k]);
    for (int q = 0; q < NQUESTIONS; q++) {
        const question *qu = &questions[q];
        sim_csv_text(&c, years[y] <= 2021 && qu->column_2021 ? qu->column_2021 : qu->column);
    }
    sim_csv_end_row(&c);
    for (size_t i = 0; i < count; i++) {
        const respondent *who = &list[i];
        char stratum[64];
        snprintf(stratum, sizeof stratum, "%s %s", area_names[who->area], age_labels[who->age]);
        sim_csv_int(&c, (long)i + 1);
        sim_csv_int(&c, years[y]);
        sim_csv_text(&c, area_names[who->area]);
        sim_csv_text(&c, stratum);
        sim_csv_number(&c, who->weight, 4);
        sim_csv_text(&c, who->sex_recorded ? (who->woman ? "K" : "M") : "");
        sim_csv_text(&c, age_groups[who->age]);
        for (int q = 0; q < NQUESTIONS; q++) {
            char code[2] = { who->answers[q], '\0' };
            sim_csv_text(&c, code);
        }
        sim_csv_end_row(&c);
    }
    free(list);
    return sim_csv_close(&c, name);
}

int sim_residents_write(const sim_options *opts)
{
    for (int y = 0; y < NYEARS; y++)
        if (write_wave(opts, y))
            return -1;
    return 0;
}

void sim_residents_truth(FILE *out)
{
    for (int q = 0; q < NQUESTIONS; q++) {
        const question *qu = &questions[q];
        for (int y = 0; y < NYEARS; y++) {
            fprintf(out, "%s,%d,jarva,%.4f\n", qu->indicator, years[y], qu->truth[y] / 100);
            double a = intercept(qu, y);
            for (int area = 0; area < NAREAS; area++) {
                double sum = 0, size = 0;
                for (int g = 0; g < NAGES; g++)
                    for (int w = 0; w < 2; w++) {
                        sum +=
                            population[area][g] / 2 * sim_logistic(a + cell_offset(qu, area, g, w));
                        size += population[area][g] / 2;
                    }
                fprintf(out, "%s,%d,%s,%.4f\n", qu->indicator, years[y], area_ids[area],
                        sum / size);
            }
        }
    }
}
