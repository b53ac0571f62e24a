/* simulate.h: jarva-simulate, the generator of the example's simulated data
 * (simulerade exempeldata): the residents' safety survey, the staff survey and
 * the activity log, drawn from documented true parameters with a seeded RNG so
 * that the same options always give the same bytes. */
#ifndef JARVA_SIMULATE_H
#define JARVA_SIMULATE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* xoshiro256** (Blackman and Vigna, 2018), seeded through splitmix64: fast,
 * portable and the same sequence on every platform. */
typedef struct sim_rng {
    uint64_t s[4];
} sim_rng;

/* A stream for one file: the seed mixed with a name, so that changing one
 * file's options never changes another file's data. */
void sim_rng_seed(sim_rng *r, uint64_t seed, const char *stream);
uint64_t sim_rng_next(sim_rng *r);
/* Uniform in [0, 1) with 53 random bits. */
double sim_uniform(sim_rng *r);
/* Uniform integer in [lo, hi]. */
int sim_int(sim_rng *r, int lo, int hi);
/* 1 with probability p. */
int sim_bernoulli(sim_rng *r, double p);
/* Poisson(mean) by Knuth's product of uniforms; means here are small. */
int sim_poisson(sim_rng *r, double mean);
/* An index drawn with the given probabilities (summing to 1). */
int sim_categorical(sim_rng *r, const double *p, int n);

/* The models: a share in a cell is logistic(intercept + offsets); the
 * intercept of each year is solved so that the population share equals the
 * documented true share. */
double sim_logistic(double x);

/* One cell of a population: its size (or weight) and its offset on the logit
 * scale. */
typedef struct sim_cell {
    double size;
    double offset;
} sim_cell;

/* The intercept a with sum size * logistic(a + offset) / sum size = share. */
double sim_solve_share(const sim_cell *cells, size_t n, double share);

/* An ordered scale 1..5 by a cumulative logit: P(Y <= k) = logistic(cut[k] -
 * theta), k = 1..4. Fills p[0..4]. */
void sim_ordinal_probs(double theta, double p[5]);
/* The intercept a with the population mean of Y (theta = a + offset) = mean. */
double sim_solve_mean(const sim_cell *cells, size_t n, double mean);

/* A file as a spreadsheet writes it: separator, line end, encoding and
 * decimal mark. Fields are given in UTF-8. */
typedef struct sim_csv {
    FILE *f;
    char sep;
    const char *eol;
    int cp1252;
    char decimal;
    int field;  /* fields written on the current line */
    int failed; /* a character not in Windows-1252, or a write error */
} sim_csv;

int sim_csv_open(sim_csv *c, const char *dir, const char *name, char sep, const char *eol,
                 int cp1252, char decimal);
void sim_csv_text(sim_csv *c, const char *s);
void sim_csv_int(sim_csv *c, long v);
/* A number with the given decimals and the file's decimal mark. */
void sim_csv_number(sim_csv *c, double v, int decimals);
void sim_csv_end_row(sim_csv *c);
/* Closes the file; 0, or -1 after any failure (the message is printed). */
int sim_csv_close(sim_csv *c, const char *name);

/* Options of one run. */
typedef struct sim_options {
    uint64_t seed;
    int respondents;   /* residents' survey: respondents per wave (about) */
    double staff_rate; /* staff survey: share of employees who answer */
    const char *out_dir;
} sim_options;

/* The generators: each writes its files into opts->out_dir; 0 or -1. */
int sim_residents_write(const sim_options *opts);
int sim_staff_write(const sim_options *opts);
int sim_activities_write(const sim_options *opts);

/* The true values as CSV rows indicator,year,area,value on out. */
void sim_residents_truth(FILE *out);
void sim_staff_truth(FILE *out);
void sim_activities_truth(FILE *out);

#endif /* JARVA_SIMULATE_H */
