/* staff.c: the simulated staff survey of the collaborating organisations
 * (jarva-personalenkat), waves 2021, 2023 and 2025, written as a web survey
 * tool exports it (UTF-8, commas, LF) with the column names of
 * indicators/sources/jarva-personalenkat.csv.
 *
 * True parameters (also in examples/README.md):
 * - Employees working in Järva per organisation (illustrative), 10 % managers
 *   (chef), 15 % with a designated responsibility in the agreement (utpekat
 *   ansvar), 75 % other staff (medarbetare); the same every year.
 * - Every employee answers with the same probability (the response rate,
 *   35 % by default), so the unweighted survey estimates the population.
 * - A share question is positive with probability logistic(a + org + role),
 *   the 1-5 scale follows a cumulative logit with theta = a + org + role; a is
 *   solved each year so that the population value equals the true value.
 * - P2 is asked only of managers and staff with a designated responsibility
 *   (empty for others); P6 has 9 = does not meet residents, with the
 *   probabilities below, outside the indicator's population. Answers are
 *   otherwise missing or "don't know" (9) with the probabilities given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simulate.h"

enum { NORGS = 7, NROLES = 3, NYEARS = 3, NQUESTIONS = 8 };

static const int years[NYEARS] = { 2021, 2023, 2025 };

typedef struct organisation {
    const char *id;
    const char *name; /* name_sv in indicators/organisations.csv */
    int employees;
    double meets_residents;
} organisation;

static const organisation orgs[NORGS] = {
    { "jarva-sdf", "Järva stadsdelsförvaltning", 1400, .75 },
    { "polisen-lpo-jarva", "Lokalpolisområde Järva", 320, .90 },
    { "utbildningsforvaltningen", "Utbildningsförvaltningen", 1700, .70 },
    { "trafikkontoret", "Trafikkontoret", 45, .40 },
    { "idrottsforvaltningen", "Idrottsförvaltningen", 70, .60 },
    { "kulturforvaltningen", "Kulturförvaltningen", 60, .60 },
    { "svenska-bostader", "Svenska Bostäder", 110, .70 },
};

enum { CHEF, DESIGNATED, STAFF };
static const char *const roles[NROLES] = { "chef", "utpekat ansvar", "medarbetare" };
static const double role_share[NROLES] = { .10, .15, .75 };

typedef struct question {
    const char *indicator;
    const char *column;
    int mean; /* the 1-5 scale; else a share */
    const char *positive;
    double positive_p[3];
    const char *negative;
    double negative_p[3];
    double dont_know, missing;
    double truth[NYEARS]; /* percent among valid answers, or the mean */
    double org[NORGS];
    double role[NROLES];
    int designated_only; /* asked of managers and designated staff only */
    int residents_only;  /* 9 = does not meet residents */
} question;

static const question questions[NQUESTIONS] = {
    { "staff-know-agreement",
      "P1",
      0,
      "12",
      { .35, .65 },
      "3",
      { 1 },
      .03,
      .02,
      { 62, 74, 85 },
      { .3, .5, -.3, -.5, -.3, -.3, 0 },
      { 1.0, 1.2, 0 },
      0,
      0 },
    { "designated-deeper-knowledge",
      "P2",
      0,
      "12",
      { .4, .6 },
      "34",
      { .7, .3 },
      .03,
      .02,
      { 70, 78, 84 },
      { .15, .25, -.15, -.25, -.15, -.15, 0 },
      { 0, .3, 0 },
      1,
      0 },
    { "staff-know-whom-to-refer",
      "P3",
      0,
      "12",
      { .4, .6 },
      "34",
      { .6, .4 },
      .05,
      .02,
      { 48, 56, 63 },
      { .3, .5, -.3, -.5, -.3, -.3, 0 },
      { .6, .8, 0 },
      0,
      0 },
    { "staff-see-context",
      "P4",
      0,
      "12",
      { .4, .6 },
      "34",
      { .6, .4 },
      .05,
      .02,
      { 60, 67, 74 },
      { .15, .25, -.15, -.25, -.15, -.15, 0 },
      { .5, .6, 0 },
      0,
      0 },
    { "staff-meaningfulness",
      "P5",
      1,
      NULL,
      { 0 },
      NULL,
      { 0 },
      .03,
      .02,
      { 3.4, 3.6, 3.8 },
      { .1, .15, -.1, -.15, -.1, -.1, 0 },
      { .4, .5, 0 },
      0,
      0 },
    { "staff-communicate-externally",
      "P6",
      0,
      "12",
      { .4, .6 },
      "3",
      { 1 },
      0,
      .02,
      { 35, 42, 50 },
      { .2, .4, 0, 0, 0, 0, 0 },
      { .3, .5, 0 },
      0,
      1 },
    { "staff-safe-report",
      "P7",
      0,
      "12",
      { .45, .55 },
      "34",
      { .6, .4 },
      .06,
      .02,
      { 72, 76, 80 },
      { 0, .4, -.2, 0, 0, 0, -.1 },
      { .3, .3, 0 },
      0,
      0 },
    { "staff-safe-decide",
      "P8",
      0,
      "12",
      { .45, .55 },
      "34",
      { .6, .4 },
      .05,
      .02,
      { 78, 82, 86 },
      { 0, .3, -.1, 0, 0, 0, 0 },
      { .5, .3, 0 },
      0,
      0 },
};

/* The cells (organisation x role) of the question's population. */
static size_t population_cells(const question *q, sim_cell cells[NORGS * NROLES])
{
    size_t n = 0;
    for (int o = 0; o < NORGS; o++)
        for (int r = 0; r < NROLES; r++) {
            double size = orgs[o].employees * role_share[r];
            if (q->designated_only && r == STAFF)
                size = 0;
            if (q->residents_only)
                size *= orgs[o].meets_residents;
            cells[n].size = size;
            cells[n].offset = q->org[o] + q->role[r];
            n++;
        }
    return n;
}

static double intercept(const question *q, int y)
{
    sim_cell cells[NORGS * NROLES];
    size_t n = population_cells(q, cells);
    return q->mean ? sim_solve_mean(cells, n, q->truth[y])
                   : sim_solve_share(cells, n, q->truth[y] / 100);
}

typedef struct employee {
    int org, role;
    char answers[NQUESTIONS];
} employee;

static char draw_code(sim_rng *r, const char *codes, const double *p)
{
    return codes[sim_categorical(r, p, (int)strlen(codes))];
}

static char draw_answer(sim_rng *r, const question *q, double a, const employee *e)
{
    if (q->designated_only && e->role == STAFF)
        return 0;
    if (q->residents_only && !sim_bernoulli(r, orgs[e->org].meets_residents))
        return '9';
    if (sim_bernoulli(r, q->missing))
        return 0;
    if (sim_bernoulli(r, q->dont_know))
        return '9';
    double theta = a + q->org[e->org] + q->role[e->role];
    if (q->mean) {
        double p[5];
        sim_ordinal_probs(theta, p);
        return (char)('1' + sim_categorical(r, p, 5));
    }
    return sim_bernoulli(r, sim_logistic(theta)) ? draw_code(r, q->positive, q->positive_p)
                                                 : draw_code(r, q->negative, q->negative_p);
}

static employee *draw_wave(const sim_options *opts, int y, size_t *count)
{
    sim_rng r;
    char stream[32];
    snprintf(stream, sizeof stream, "personal-%d", years[y]);
    sim_rng_seed(&r, opts->seed, stream);
    double a[NQUESTIONS];
    for (int q = 0; q < NQUESTIONS; q++)
        a[q] = intercept(&questions[q], y);
    size_t everyone = 0;
    for (int o = 0; o < NORGS; o++)
        everyone += (size_t)orgs[o].employees;
    employee *list = calloc(everyone, sizeof *list);
    if (!list)
        return NULL;
    size_t n = 0;
    for (int o = 0; o < NORGS; o++)
        for (int k = 0; k < orgs[o].employees; k++) {
            int role = sim_categorical(&r, role_share, NROLES);
            if (!sim_bernoulli(&r, opts->staff_rate))
                continue;
            employee *e = &list[n++];
            e->org = o;
            e->role = role;
            for (int q = 0; q < NQUESTIONS; q++)
                e->answers[q] = draw_answer(&r, &questions[q], a[q], e);
        }
    for (size_t j = n; j > 1; j--) {
        size_t k = (size_t)(sim_uniform(&r) * (double)j);
        employee tmp = list[j - 1];
        list[j - 1] = list[k];
        list[k] = tmp;
    }
    *count = n;
    return list;
}

static int write_wave(const sim_options *opts, int y)
{
    size_t count = 0;
    employee *list = draw_wave(opts, y, &count);
    if (!list) {
        fprintf(stderr, "jarva-simulate: out of memory\n");
        return -1;
    }
    char name[64];
    snprintf(name, sizeof name, "simulerade-personalenkat-%d.csv", years[y]);
    sim_csv c;
    if (sim_csv_open(&c, opts->out_dir, name, ',', "\n", 0, '.')) {
        free(list);
        return -1;
    }
    const char *const header[] = { "id", "ar", "organisation", "roll" };
    for (size_t k = 0; k < 4; k++)
        sim_csv_text(&c, header[k]);
    for (int q = 0; q < NQUESTIONS; q++)
        sim_csv_text(&c, questions[q].column);
    sim_csv_end_row(&c);
    for (size_t i = 0; i < count; i++) {
        sim_csv_int(&c, (long)i + 1);
        sim_csv_int(&c, years[y]);
        sim_csv_text(&c, orgs[list[i].org].name);
        sim_csv_text(&c, roles[list[i].role]);
        for (int q = 0; q < NQUESTIONS; q++) {
            char code[2] = { list[i].answers[q], '\0' };
            sim_csv_text(&c, code);
        }
        sim_csv_end_row(&c);
    }
    free(list);
    return sim_csv_close(&c, name);
}

int sim_staff_write(const sim_options *opts)
{
    for (int y = 0; y < NYEARS; y++)
        if (write_wave(opts, y))
            return -1;
    return 0;
}

void sim_staff_truth(FILE *out)
{
    for (int q = 0; q < NQUESTIONS; q++)
        for (int y = 0; y < NYEARS; y++)
            fprintf(out, "%s,%d,jarva,%.4f\n", questions[q].indicator, years[y],
                    questions[q].mean ? questions[q].truth[y] : questions[q].truth[y] / 100);
}
