/* activities.c: the simulated joint activity log (jarva-aktivitetslogg),
 * 2019-2025, one row per activity with the event types and columns that the
 * catalogue's activity indicators count (see indicators/README.md).
 *
 * True parameters (also in examples/README.md):
 * - report_delivered: 25 scheduled reports a year (4 quarterly reports to the
 *   steering group, 11 monthly reports to the preparation group, 2 half-year
 *   reports from each of the 5 collaboration groups to the line
 *   organisation). Each is delivered on time (0-7 days early) with the year's
 *   probability below, never with probability 0.04 (empty delivered date),
 *   else 1-30 days late. The row's date is the planned date.
 * - feedback_given: dialogues with residents, Poisson(mean) a year, each with
 *   1 + Poisson(2) proposals (count); feedback is given 14-90 days later with
 *   the year's probability (delivered date), else not (empty). Feedback that
 *   would fall after 31 December 2025, when the log is exported, is empty.
 * - The other types: Poisson(mean) events a year, count 1, on random days. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "simulate.h"

enum { FIRST_YEAR = 2019, NYEARS = 7 };

static const double on_time[NYEARS] = { .60, .58, .66, .72, .78, .82, .88 };
static const double not_delivered = .04;
static const double dialogues[NYEARS] = { 8, 6, 10, 12, 13, 14, 16 };
static const double feedback[NYEARS] = { .55, .58, .65, .70, .76, .80, .85 };

static const char *const org_names[] = { "Järva stadsdelsförvaltning",
                                         "Lokalpolisområde Järva",
                                         "Utbildningsförvaltningen",
                                         "Trafikkontoret",
                                         "Idrottsförvaltningen",
                                         "Kulturförvaltningen",
                                         "Svenska Bostäder" };
enum { SDF, POLICE, NORGS = 7 };
static const double org_p[NORGS] = { .35, .30, .10, .05, .07, .05, .08 };
static const char *const areas[] = { "Akalla", "Husby", "Kista", "Rinkeby", "Tensta", "Hjulsta" };

typedef struct event_kind {
    const char *type;
    const char *indicator;
    const char *audience;
    double mean[NYEARS];
    int with_area;  /* in one of the six areas */
    int with_reach; /* people reached */
    const char *text[4];
} event_kind;

static const event_kind kinds[] = {
    { "experience_exchange",
      "experience-exchanges",
      "collaboration",
      { 2, 1.5, 2.5, 3, 3.5, 4, 4.5 },
      0,
      0,
      { "Gemensamt uppföljningsmöte för styr- och beredningsgruppen",
        "Erfarenhetsutbyte mellan samverkansgrupperna", "Workshop om lägesbilden i Järva", NULL } },
    { "example_published",
      "examples-published",
      "residents",
      { 3, 4, 6, 7, 9, 10, 12 },
      1,
      0,
      { "Trygghetsvandring i %s med polis och stadsdelsförvaltning",
        "Ny belysning i %s efter invånarnas förslag",
        "Sommarlovsaktiviteter i %s ordnade tillsammans", "Gemensam städinsats i %s" } },
    { "press_material",
      "press-material",
      "residents",
      { 1, 1, 2, 2, 3, 3.5, 4 },
      0,
      0,
      { "Pressmeddelande om samverkansöverenskommelsens mål",
        "Pressunderlag om lägesbilden i Järva", "Pressträff om effekterna av samarbetet", NULL } },
    { "partner_forum",
      "partner-forums",
      "partners",
      { 2, 1, 3, 4, 5, 5, 6.5 },
      0,
      1,
      { "Fastighetsägarforum Järva", "Möte med föreningsrådet", "Företagarfrukost i Kista",
        NULL } },
    { "common_material",
      "common-material",
      "partners",
      { .3, .5, 1, 1, 1.2, 1.8, 2.2 },
      0,
      0,
      { "Gemensam broschyr: Vart vänder jag mig?",
        "Informationsblad om trygghetsarbetet på flera språk", NULL, NULL } },
};
enum { NKINDS = sizeof kinds / sizeof kinds[0] };

/* Days since 1970-01-01 of a civil date and back (H. Hinnant,
 * "chrono-compatible low-level date algorithms"). The library's
 * util/civil_date.h holds the same; jarva-simulate keeps its own copy
 * because it links no libjarva (CMakeLists.txt: the C library and libm). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, char iso[64])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    snprintf(iso, 64, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
}

typedef struct row {
    long date, planned, delivered; /* days; planned and delivered -1 if none */
    int org, count, reach;         /* reach -1 if none */
    const char *type, *audience;
    const char *area;
    char text[160];
    size_t seq; /* order of drawing, to sort stably */
} row;

typedef struct activity_log {
    row *rows;
    size_t n, cap;
} activity_log;

static row *add(activity_log *l)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 256;
        row *grown = realloc(l->rows, cap * sizeof *grown);
        if (!grown)
            return NULL;
        l->rows = grown;
        l->cap = cap;
    }
    row *r = &l->rows[l->n];
    memset(r, 0, sizeof *r);
    r->planned = r->delivered = r->reach = -1;
    r->count = 1;
    r->seq = l->n++;
    return r;
}

/* The log is exported on 31 December 2025: nothing is delivered after it. */
static long export_day(void)
{
    return days_from_civil(2025, 12, 31);
}

/* The template with its one "%s" replaced by the area. */
static void fill(char *out, size_t size, const char *template_text, const char *area)
{
    const char *at = strstr(template_text, "%s");
    if (!at || !area)
        snprintf(out, size, "%s", template_text);
    else
        snprintf(out, size, "%.*s%s%s", (int)(at - template_text), template_text, area, at + 2);
}

static int draw_reports(sim_rng *rng, activity_log *l, int y)
{
    static const char *const groups[] = { "unga i riskzon", "kriminella miljöer",
                                          "systemhotande brottslighet", "otrygga platser",
                                          "våld i nära relation" };
    static const int group_org[] = { SDF, POLICE, POLICE, SDF, SDF };
    int year = FIRST_YEAR + y;
    for (int k = 0; k < 25; k++) {
        row *r = add(l);
        if (!r)
            return -1;
        r->type = "report_delivered";
        r->audience = "collaboration";
        if (k < 4) {
            static const int month[] = { 3, 6, 9, 12 }, day[] = { 15, 15, 15, 5 };
            r->planned = days_from_civil(year, month[k], day[k]);
            r->org = k % 2 ? POLICE : SDF;
            snprintf(r->text, sizeof r->text, "Kvartalsrapport %d till styrgruppen", k + 1);
        } else if (k < 15) {
            int m = k - 3 + (k - 3 >= 7); /* January to December without July */
            r->planned = days_from_civil(year, m, 10);
            r->org = m % 2 ? SDF : POLICE;
            snprintf(r->text, sizeof r->text, "Månadsrapport till beredningsgruppen");
        } else {
            int g = (k - 15) / 2, second = (k - 15) % 2;
            r->planned = days_from_civil(year, second ? 10 : 4, second ? 31 : 30);
            r->org = group_org[g];
            snprintf(r->text, sizeof r->text,
                     "Halvårsrapport från samverkansgruppen för %s till linjeorganisationen",
                     groups[g]);
        }
        r->date = r->planned;
        double u = sim_uniform(rng);
        if (u < on_time[y])
            r->delivered = r->planned - sim_int(rng, 0, 7);
        else if (u < 1 - not_delivered)
            r->delivered = r->planned + sim_int(rng, 1, 30);
        if (r->delivered > export_day())
            r->delivered = -1;
    }
    return 0;
}

static long random_day(sim_rng *rng, int year)
{
    long first = days_from_civil(year, 1, 1), next = days_from_civil(year + 1, 1, 1);
    return first + sim_int(rng, 0, (int)(next - first - 1));
}

static int draw_feedback(sim_rng *rng, activity_log *l, int y)
{
    static const char *const text[] = { "Dialogmöte med invånare i %s",
                                        "Förslag från medborgardialog i %s",
                                        "Synpunkter från trygghetsvandring i %s" };
    int n = sim_poisson(rng, dialogues[y]);
    for (int k = 0; k < n; k++) {
        row *r = add(l);
        if (!r)
            return -1;
        r->type = "feedback_given";
        r->audience = "residents";
        r->date = random_day(rng, FIRST_YEAR + y);
        r->org = sim_categorical(rng, org_p, NORGS);
        r->area = areas[sim_int(rng, 0, 5)];
        r->count = 1 + sim_poisson(rng, 2);
        fill(r->text, sizeof r->text, text[sim_int(rng, 0, 2)], r->area);
        if (sim_bernoulli(rng, feedback[y]))
            r->delivered = r->date + sim_int(rng, 14, 90);
        if (r->delivered > export_day())
            r->delivered = -1;
    }
    return 0;
}

static int draw_events(sim_rng *rng, activity_log *l, const event_kind *kind, int y)
{
    int n = sim_poisson(rng, kind->mean[y]);
    int ntexts = 0;
    while (ntexts < 4 && kind->text[ntexts])
        ntexts++;
    for (int k = 0; k < n; k++) {
        row *r = add(l);
        if (!r)
            return -1;
        r->type = kind->type;
        r->audience = kind->audience;
        r->date = random_day(rng, FIRST_YEAR + y);
        r->org = sim_categorical(rng, org_p, NORGS);
        if (kind->with_area)
            r->area = areas[sim_int(rng, 0, 5)];
        if (kind->with_reach)
            r->reach = sim_int(rng, 10, 80);
        fill(r->text, sizeof r->text, kind->text[sim_int(rng, 0, ntexts - 1)], r->area);
    }
    return 0;
}

static int by_date(const void *a, const void *b)
{
    const row *x = a, *y = b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void write_date(sim_csv *c, long day)
{
    char iso[64] = "";
    if (day >= 0)
        civil_from_days(day, iso);
    sim_csv_text(c, iso);
}

static int write_log(const sim_options *opts, const activity_log *l)
{
    const char *name = "simulerade-aktivitetslogg-2019-2025.csv";
    sim_csv c;
    if (sim_csv_open(&c, opts->out_dir, name, ',', "\n", 0, '.'))
        return -1;
    const char *const header[] = {
        "date",  "organisation", "audience", "type",      "area",
        "count", "reach",        "planned",  "delivered", "description"
    };
    for (size_t k = 0; k < sizeof header / sizeof header[0]; k++)
        sim_csv_text(&c, header[k]);
    sim_csv_end_row(&c);
    for (size_t i = 0; i < l->n; i++) {
        const row *r = &l->rows[i];
        write_date(&c, r->date);
        sim_csv_text(&c, org_names[r->org]);
        sim_csv_text(&c, r->audience);
        sim_csv_text(&c, r->type);
        sim_csv_text(&c, r->area ? r->area : "");
        sim_csv_int(&c, r->count);
        if (r->reach >= 0)
            sim_csv_int(&c, r->reach);
        else
            sim_csv_text(&c, "");
        write_date(&c, r->planned);
        write_date(&c, r->delivered);
        sim_csv_text(&c, r->text);
        sim_csv_end_row(&c);
    }
    return sim_csv_close(&c, name);
}

int sim_activities_write(const sim_options *opts)
{
    sim_rng rng;
    sim_rng_seed(&rng, opts->seed, "aktivitetslogg");
    activity_log l = { NULL, 0, 0 };
    int rc = 0;
    for (int y = 0; y < NYEARS && !rc; y++) {
        rc = draw_reports(&rng, &l, y) || draw_feedback(&rng, &l, y);
        for (int k = 0; k < NKINDS && !rc; k++)
            rc = draw_events(&rng, &l, &kinds[k], y);
    }
    if (rc)
        fprintf(stderr, "jarva-simulate: out of memory\n");
    else {
        qsort(l.rows, l.n, sizeof *l.rows, by_date);
        rc = write_log(opts, &l);
    }
    free(l.rows);
    return rc ? -1 : 0;
}

void sim_activities_truth(FILE *out)
{
    for (int y = 0; y < NYEARS; y++)
        fprintf(out, "reports-on-time,%d,jarva,%.4f\n", FIRST_YEAR + y, on_time[y]);
    for (int y = 0; y < NYEARS; y++)
        fprintf(out, "proposals-feedback,%d,jarva,%.4f\n", FIRST_YEAR + y, feedback[y]);
    for (int k = 0; k < NKINDS; k++)
        for (int y = 0; y < NYEARS; y++)
            fprintf(out, "%s,%d,jarva,%.4f\n", kinds[k].indicator, FIRST_YEAR + y,
                    kinds[k].mean[y]);
}
