/* report_sample.c: simulated example data for the effect report's tests and
 * timing: CSV exports shaped like the real ones (the column names of
 * indicators/sources/, areas and organisations of the catalogue), with
 * shares that drift over the years, areas that differ, a small area whose
 * cells are suppressed, published shares with and without n, a suppressed
 * published cell and the police list's series break in 2025. */
#include "report_sample.h"

#include <stdlib.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N_AREAS 6
#define N_SURVEY_VARS 9
#define N_STAFF_VARS 8

static const jarva__sample_file sample_files[] = {
    { "survey_2019.csv", JARVA_IMPORT_SURVEY }, { "survey_2021.csv", JARVA_IMPORT_SURVEY },
    { "survey_2023.csv", JARVA_IMPORT_SURVEY }, { "survey_2025.csv", JARVA_IMPORT_SURVEY },
    { "staff_2021.csv", JARVA_IMPORT_STAFF },   { "staff_2023.csv", JARVA_IMPORT_STAFF },
    { "staff_2025.csv", JARVA_IMPORT_STAFF },   { "tables.csv", JARVA_IMPORT_TABLE },
    { "police_list.csv", JARVA_IMPORT_TABLE },  { "activities.csv", JARVA_IMPORT_ACTIVITIES },
};

const jarva__sample_file *jarva__sample_files(size_t *count)
{
    *count = sizeof sample_files / sizeof sample_files[0];
    return sample_files;
}

/* xorshift64* (Vigna, "An experimental exploration of Marsaglia's xorshift
 * generators, scrambled", 2016): small, fast and the same everywhere. */
typedef struct rng {
    uint64_t state;
} rng;

static double uniform(rng *g)
{
    g->state ^= g->state >> 12;
    g->state ^= g->state << 25;
    g->state ^= g->state >> 27;
    return (double)((g->state * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

static int pick(rng *g, int n)
{
    int k = (int)(uniform(g) * n);
    return k < n ? k : n - 1;
}

static const char *const areas[N_AREAS] = { "Akalla",  "Husby",  "Kista",
                                            "Rinkeby", "Tensta", "Hjulsta" };
/* How each area differs from Järva as a whole, in shares. */
static const double area_shift[N_AREAS] = { 0.04, -0.05, 0.07, -0.06, -0.02, -0.03 };

/* A survey question: its column, positive and other valid codes, and the
 * share positive in 2019 with its drift a year. */
typedef struct question {
    const char *column;
    int positive[2], n_positive;
    int other[3], n_other;
    double base, drift;
} question;

static const question survey_questions[N_SURVEY_VARS] = {
    { "F12", { 1, 2 }, 2, { 3, 4 }, 2, 0.55, 0.012 },  /* safe in the evening */
    { "F14", { 1 }, 1, { 2, 3, 4 }, 3, 0.24, -0.006 }, /* often worried about crime */
    { "F15", { 1, 2 }, 2, { 3 }, 1, 0.48, -0.010 },    /* avoids places */
    { "F20", { 1 }, 1, { 2 }, 1, 0.12, -0.002 },       /* exposed to violence */
    { "F24", { 1, 2 }, 2, { 3, 4 }, 2, 0.58, 0.008 },  /* good leisure */
    { "F25", { 1, 2 }, 2, { 3, 4 }, 2, 0.66, 0.004 },  /* easy to get around */
    { "F30", { 1 }, 1, { 2, 3 }, 2, 0.22, 0.030 },     /* knows the cooperation */
    { "F31", { 1 }, 1, { 2, 3 }, 2, 0.38, 0.020 },     /* knows where to turn */
    { "F32", { 1 }, 1, { 2, 3 }, 2, 0.15, 0.018 },     /* saw examples */
};

static const question staff_questions[N_STAFF_VARS] = {
    { "P1", { 1, 2 }, 2, { 3 }, 1, 0.52, 0.045 },    /* knows the agreement */
    { "P2", { 1, 2 }, 2, { 3, 4 }, 2, 0.50, 0.040 }, /* deeper knowledge (designated only) */
    { "P3", { 1, 2 }, 2, { 3, 4 }, 2, 0.45, 0.030 }, /* knows whom to refer to */
    { "P4", { 1, 2 }, 2, { 3, 4 }, 2, 0.60, 0.020 }, /* sees the context */
    { "P5", { 0 }, 0, { 0 }, 0, 0.0, 0.0 },          /* meaningfulness 1-5 */
    { "P6", { 1, 2 }, 2, { 3 }, 1, 0.30, 0.035 },    /* told residents */
    { "P7", { 1, 2 }, 2, { 3, 4 }, 2, 0.70, 0.015 }, /* safe to report */
    { "P8", { 1, 2 }, 2, { 3, 4 }, 2, 0.74, 0.010 }, /* safe to decide */
};

static double clamp_share(double p)
{
    return p < 0.03 ? 0.03 : p > 0.97 ? 0.97 : p;
}

/* An answer code: positive with probability p, else another valid code; 4 %
 * answer "don't know" (9). */
static int answer(rng *g, const question *q, double p)
{
    if (uniform(g) < 0.04)
        return 9;
    if (uniform(g) < p)
        return q->positive[pick(g, q->n_positive)];
    return q->other[pick(g, q->n_other)];
}

typedef struct out_file {
    FILE *f;
    char *errbuf;
    size_t errlen;
    const char *path;
    int failed;
} out_file;

static int open_out(out_file *o, const char *dir, const char *name, char *errbuf, size_t errlen,
                    char *path, size_t path_cap)
{
    snprintf(path, path_cap, "%s/%s", dir, name);
    o->path = path;
    o->errbuf = errbuf;
    o->errlen = errlen;
    o->failed = 0;
    o->f = fopen(path, "w");
    if (!o->f) {
        snprintf(errbuf, errlen, "%s: cannot create: %s", path, strerror(errno));
        return JARVA_EIO;
    }
    return JARVA_OK;
}

static void out(out_file *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out(out_file *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (vfprintf(o->f, fmt, ap) < 0)
        o->failed = 1;
    va_end(ap);
}

static int close_out(out_file *o)
{
    int bad = o->failed | (fclose(o->f) != 0);
    if (bad) {
        snprintf(o->errbuf, o->errlen, "%s: cannot write: %s", o->path, strerror(errno));
        return JARVA_EIO;
    }
    return JARVA_OK;
}

static int write_survey(const char *dir, int year, unsigned respondents, rng *g, char *errbuf,
                        size_t errlen)
{
    char name[64], path[4096];
    snprintf(name, sizeof name, "survey_%d.csv", year);
    out_file o;
    if (open_out(&o, dir, name, errbuf, errlen, path, sizeof path))
        return JARVA_EIO;
    /* The safety question was renumbered F12a in the 2022 questionnaire. */
    out(&o, "lopnr,ar,omrade,strata,vikt,kon,aldersgrupp,%s", year >= 2022 ? "F12a" : "F12");
    for (int q = 1; q < N_SURVEY_VARS; q++)
        out(&o, ",%s", survey_questions[q].column);
    out(&o, "\n");
    static const char *const ages[] = { "16-29", "30-49", "50-64", "65-84" };
    int id = year * 10000;
    for (int a = 0; a < N_AREAS; a++) {
        unsigned n = a == N_AREAS - 1 ? respondents / 5 : respondents;
        for (unsigned i = 0; i < n; i++) {
            int north = i % 2 == 0;
            double weight = (north ? 180.0 : 240.0) * (1.0 + 0.2 * uniform(g));
            out(&o, "%d,%d,%s,%s %s,%.3f,%s,%s", ++id, year, areas[a], areas[a],
                north ? "norr" : "söder", weight, uniform(g) < 0.5 ? "K" : "M", ages[pick(g, 4)]);
            for (int q = 0; q < N_SURVEY_VARS; q++) {
                const question *qq = &survey_questions[q];
                double p = clamp_share(qq->base + qq->drift * (year - 2019) +
                                       area_shift[a] * (q == 1 ? -0.5 : 1));
                out(&o, ",%d", answer(g, qq, p));
            }
            out(&o, "\n");
        }
    }
    return close_out(&o);
}

static int write_staff(const char *dir, int year, unsigned respondents, rng *g, char *errbuf,
                       size_t errlen)
{
    static const char *const orgs[] = { "Järva stadsdelsförvaltning", "Lokalpolisområde Järva",
                                        "Utbildningsförvaltningen", "Svenska Bostäder" };
    static const char *const roles[] = { "medarbetare", "chef", "utpekat ansvar" };
    char name[64], path[4096];
    snprintf(name, sizeof name, "staff_%d.csv", year);
    out_file o;
    if (open_out(&o, dir, name, errbuf, errlen, path, sizeof path))
        return JARVA_EIO;
    out(&o, "id,ar,organisation,roll");
    for (int q = 0; q < N_STAFF_VARS; q++)
        out(&o, ",%s", staff_questions[q].column);
    out(&o, "\n");
    for (unsigned i = 0; i < respondents; i++) {
        int role = uniform(g) < 0.25 ? 2 : uniform(g) < 0.2 ? 1 : 0;
        out(&o, "%d,%d,%s,%s", year * 10000 + (int)i + 1, year, orgs[pick(g, 4)], roles[role]);
        for (int q = 0; q < N_STAFF_VARS; q++) {
            const question *qq = &staff_questions[q];
            if (q == 1 && role != 2) {
                out(&o, ",9"); /* asked only of those with a designated responsibility */
                continue;
            }
            if (q == 4) {
                double mean = 3.2 + 0.1 * (year - 2021) / 2.0;
                int v = (int)lround(mean + 1.6 * (uniform(g) - 0.5) + 1.2 * (uniform(g) - 0.5));
                out(&o, ",%d", v < 1 ? 1 : v > 5 ? 5 : v);
                continue;
            }
            out(&o, ",%d", answer(g, qq, clamp_share(qq->base + qq->drift * (year - 2021))));
        }
        out(&o, "\n");
    }
    return close_out(&o);
}

/* One published share: "survey,year,area,measure,percent,n,note". */
static void table_row(out_file *o, const char *survey, int year, const char *area,
                      const char *measure, double percent, int n, const char *note)
{
    out(o, "%s,%d,%s,%s,", survey, year, area, measure);
    if (percent < 0)
        out(o, "..");
    else
        out(o, "%.0f", percent);
    if (n > 0)
        out(o, ",%d,%s\n", n, note);
    else
        out(o, ",,%s\n", note);
}

static int write_tables(const char *dir, rng *g, char *errbuf, size_t errlen)
{
    char path[4096];
    out_file o;
    if (open_out(&o, dir, "tables.csv", errbuf, errlen, path, sizeof path))
        return JARVA_EIO;
    out(&o, "survey,year,area,measure,value_percent,n,note\n");
    static const char police[] = "polisen-region-stockholm-trygghetsmatning";
    for (int year = 2017; year <= 2024; year++) {
        double wobble = 2.0 * (uniform(g) - 0.5);
        /* The police published 2020 without the number of respondents. */
        int n = year == 2020 ? 0 : 850 + pick(g, 200);
        table_row(&o, police, year, "LPO Järva", "trygg ute sent en kväll i området",
                  52.0 + 1.6 * (year - 2017) + wobble, n, "");
        table_row(&o, police, year, "Polisregion Stockholm", "trygg ute sent en kväll i området",
                  68.0 + 0.3 * (year - 2017) + wobble / 2, n ? 21000 : 0, "");
        table_row(&o, police, year, "LPO Järva", "undviker vissa platser på grund av oro för brott",
                  47.0 - 1.1 * (year - 2017) + wobble, n, "");
    }
    static const char city[] = "stockholm-stad-trygghetsmatning";
    static const struct {
        const char *measure;
        double base, drift;
    } city_measures[] = {
        { "ofta orolig för att utsättas för brott", 21.0, -1.2 },
        { "otrygg i bostadsområdet", 24.0, -0.9 },
        { "otrygg ute ensam sent en kväll i det egna området", 33.0, -1.1 },
        { "orolig för bostadsinbrott", 18.0, -0.4 },
        { "orolig för överfall i offentlig miljö", 27.0, -0.8 },
    };
    for (int year = 2017; year <= 2023; year += 2)
        for (size_t m = 0; m < sizeof city_measures / sizeof city_measures[0]; m++) {
            double v = city_measures[m].base + city_measures[m].drift * (year - 2017);
            /* The districts were merged into Järva in 2020. */
            if (year < 2020) {
                table_row(&o, city, year, "Rinkeby-Kista", city_measures[m].measure, v + 1, 700,
                          "");
                table_row(&o, city, year, "Spånga-Tensta", city_measures[m].measure,
                          m == 3 && year == 2019 ? -1 : v + 3, 520,
                          m == 3 && year == 2019 ? "undertryckt" : "");
            }
            table_row(&o, city, year, "Järva", city_measures[m].measure, v + 2,
                      year < 2020 ? 1220 : 1300, "");
            table_row(&o, city, year, "Stockholms stad", city_measures[m].measure, v * 0.55, 18000,
                      "");
        }
    for (int year = 2019; year <= 2025; year++) {
        table_row(&o, "stockholm-stad-skolundersokning", year, "Järva", "trygg i skolan",
                  80.0 + 0.8 * (year - 2019) + 2.0 * (uniform(g) - 0.5), 1450, "");
        table_row(&o, "stockholm-stad-skolundersokning", year, "Stockholms stad", "trygg i skolan",
                  88.0 + 0.2 * (year - 2019), 24000, "");
        table_row(&o, "skolverket-behorighet-ak9", year, "Järva", "behöriga till yrkesprogram",
                  71.0 + 1.1 * (year - 2019) + 2.0 * (uniform(g) - 0.5), 1180, "");
    }
    return close_out(&o);
}

static int write_police_list(const char *dir, char *errbuf, size_t errlen)
{
    char path[4096];
    out_file o;
    if (open_out(&o, dir, "police_list.csv", errbuf, errlen, path, sizeof path))
        return JARVA_EIO;
    out(&o, "survey,year,area,measure,count,note\n");
    static const int years[] = { 2015, 2017, 2019, 2021, 2023, 2025 };
    static const int counts[] = { 4, 4, 3, 2, 2, 3 };
    for (size_t i = 0; i < sizeof years / sizeof years[0]; i++)
        out(&o, "polisen-utsatta-omraden,%d,Järva,särskilt utsatt område,%d,%s\n", years[i],
            counts[i], years[i] == 2025 ? "ny indelning" : "");
    return close_out(&o);
}

/* Months 1-12 from a running number. */
static int month_of(int k)
{
    return (k - 1) % 12 + 1;
}

static int write_activities(const char *dir, rng *g, char *errbuf, size_t errlen)
{
    static const char *const orgs[] = { "Järva stadsdelsförvaltning", "Lokalpolisområde Järva",
                                        "Svenska Bostäder" };
    char path[4096];
    out_file o;
    if (open_out(&o, dir, "activities.csv", errbuf, errlen, path, sizeof path))
        return JARVA_EIO;
    out(&o, "datum,organisation,målgrupp,typ,område,antal,räckvidd,planerat,levererat,"
            "beskrivning\n");
    for (int year = 2021; year <= 2025; year++) {
        int k = year - 2021;
        /* Eight scheduled reports a year, more of them on time each year. */
        for (int i = 0; i < 8; i++) {
            int month = 1 + i * 3 / 2, late = i >= 3 + k / 2 + (k > 2) ? 6 : 0;
            out(&o, "%d-%02d-10,%s,1,report_delivered,,1,,%d-%02d-15,%d-%02d-%02d,Rapport\n", year,
                month, orgs[i % 3], year, month, year, month, 12 + late);
        }
        for (int i = 0; i < 2 + k / 2 + pick(g, 2); i++)
            out(&o, "%d-%02d-20,%s,1,experience_exchange,,1,,,,Erfarenhetsutbyte\n", year,
                month_of(2 + i * 3), orgs[i % 3]);
        for (int i = 0; i < 5 + k + pick(g, 3); i++)
            out(&o, "%d-%02d-05,%s,3,example_published,%s,1,,,,Exempel\n", year, 1 + i % 12,
                orgs[i % 3], areas[i % N_AREAS]);
        for (int i = 0; i < 10; i++) {
            int answered = uniform(g) < 0.6 + 0.08 * k;
            out(&o, "%d-%02d-01,%s,3,feedback_given,%s,%d,,,", year, 1 + i, orgs[i % 3],
                areas[i % N_AREAS], 1 + pick(g, 3));
            if (answered)
                out(&o, "%d-%02d-20", year, 1 + i);
            out(&o, ",Synpunkt\n");
        }
        for (int i = 0; i < 2 + k / 2 + pick(g, 3); i++)
            out(&o, "%d-%02d-12,%s,3,press_material,,1,,,,Pressmeddelande\n", year,
                month_of(1 + i * 2), orgs[i % 3]);
        for (int i = 0; i < 3 + pick(g, 3); i++)
            out(&o, "%d-%02d-18,%s,4,partner_forum,%s,1,%d,,,Forum\n", year, month_of(1 + i * 2),
                orgs[i % 3], areas[i % N_AREAS], 20 + pick(g, 40));
        for (int i = 0; i < 1 + (k > 1); i++)
            out(&o, "%d-%02d-25,%s,4,common_material,,1,,,,Material\n", year, 4 + i * 5,
                orgs[i % 3]);
    }
    return close_out(&o);
}

int jarva__sample_write(const char *dir, unsigned respondents, unsigned seed, char *errbuf,
                        size_t errlen)
{
    if (!dir || respondents == 0) {
        snprintf(errbuf, errlen, "no directory or no respondents");
        return JARVA_EINVAL;
    }
    rng g = { 0x9E3779B97F4A7C15ULL ^ ((uint64_t)seed * 0xBF58476D1CE4E5B9ULL) };
    if (g.state == 0)
        g.state = 1;
    int rc = JARVA_OK;
    for (int year = 2019; year <= 2025 && !rc; year += 2)
        rc = write_survey(dir, year, respondents, &g, errbuf, errlen);
    for (int year = 2021; year <= 2025 && !rc; year += 2)
        rc = write_staff(dir, year, respondents * 2, &g, errbuf, errlen);
    if (!rc)
        rc = write_tables(dir, &g, errbuf, errlen);
    if (!rc)
        rc = write_police_list(dir, errbuf, errlen);
    if (!rc)
        rc = write_activities(dir, &g, errbuf, errlen);
    return rc;
}

int jarva__sample_import(jarva_db *db, const char *dir)
{
    size_t n;
    const jarva__sample_file *files = jarva__sample_files(&n);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
        opts.kind = files[i].kind;
        jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
        int rc = jarva_import_file(&res, db, path, &opts);
        if (rc)
            return rc;
    }
    return JARVA_OK;
}
