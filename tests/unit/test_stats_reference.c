/* test_stats_reference.c: the statistics core against R. tests/reference/
 * make_fixtures.R draws a stratified weighted survey and records R's survey
 * package results (svymean, svyciprop with every method, degf, each
 * lonely-PSU option) and prop.test, binom.test and poisson.test intervals;
 * here libjarva recomputes each from the same microdata, once through the public
 * array estimators and once from grouped sums (stats_sums.c, what `jarva
 * compute` and `jarva estimate` use). Tolerances: estimate,
 * SE and n_eff 1e-9 relative, interval bounds 1e-7 relative (absolute at 0). */
#include "harness.h"
#include "stats.h"
#include "test_stats_csv.h"

#define REL_ESTIMATE 1e-9
#define REL_CI 1e-7

typedef struct survey {
    csv_table table;
    size_t count;
    double *answer;
    double *weight;
    unsigned *stratum;
    size_t stratum_count;
    int *area, *sex, *agegroup, *tiny, *df0;
} survey;

static const char *const stratum_names[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9" };

static int survey_load(survey *s, const char *name)
{
    memset(s, 0, sizeof *s);
    if (csv_table_load(&s->table, name) != 0)
        return -1;
    size_t n = s->count = s->table.rows;
    s->answer = calloc(n, sizeof *s->answer);
    s->weight = calloc(n, sizeof *s->weight);
    s->stratum = calloc(n, sizeof *s->stratum);
    int **ints[] = { &s->area, &s->sex, &s->agegroup, &s->tiny, &s->df0 };
    const char *names[] = { "area", "sex", "agegroup", "tiny", "df0" };
    for (size_t k = 0; k < 5; k++)
        *ints[k] = calloc(n, sizeof(int));
    for (size_t i = 0; i < n; i++) {
        s->answer[i] = csv_num(&s->table, i, "answer");
        s->weight[i] = csv_num(&s->table, i, "weight");
        s->stratum[i] = (unsigned)csv_num(&s->table, i, "stratum") - 1;
        if (s->stratum[i] + 1 > s->stratum_count)
            s->stratum_count = s->stratum[i] + 1;
        for (size_t k = 0; k < 5; k++)
            (*ints[k])[i] = (int)csv_num(&s->table, i, names[k]);
    }
    return 0;
}

static void survey_free(survey *s)
{
    free(s->answer);
    free(s->weight);
    free(s->stratum);
    free(s->area);
    free(s->sex);
    free(s->agegroup);
    free(s->tiny);
    free(s->df0);
    csv_table_free(&s->table);
}

/* Respondent i's domain (1-based value as in the R script, 0 = none) for a
 * domain variable; also returns how many values it has. */
static int domain_value(const survey *s, const char *dom, size_t i)
{
    double a = s->answer[i];
    if (strcmp(dom, "all") == 0)
        return 1;
    if (strcmp(dom, "area") == 0)
        return s->area[i];
    if (strcmp(dom, "sex") == 0)
        return s->sex[i];
    if (strcmp(dom, "agegroup") == 0)
        return s->agegroup[i];
    if (strcmp(dom, "area_sex") == 0)
        return (s->area[i] - 1) * 2 + s->sex[i];
    if (strcmp(dom, "top") == 0)
        return !isnan(a) && a == 5;
    if (strcmp(dom, "bottom") == 0)
        return !isnan(a) && a <= 2;
    if (strcmp(dom, "tiny") == 0)
        return s->tiny[i];
    if (strcmp(dom, "df0") == 0)
        return s->df0[i];
    fprintf(stderr, "unknown domain %s\n", dom);
    abort();
}

static jarva_ci_method method_of(const char *name)
{
    if (strcmp(name, "logit") == 0)
        return JARVA_CI_LOGIT;
    if (strcmp(name, "beta") == 0)
        return JARVA_CI_BETA;
    if (strcmp(name, "mean") == 0)
        return JARVA_CI_MEAN;
    if (strcmp(name, "wilson") == 0)
        return JARVA_CI_WILSON;
    if (strcmp(name, "clopper-pearson") == 0)
        return JARVA_CI_CLOPPER_PEARSON;
    return JARVA_CI_DEFAULT;
}

static jarva_lonely_psu lonely_of(const char *name)
{
    if (strcmp(name, "adjust") == 0)
        return JARVA_LONELY_PSU_ADJUST;
    if (strcmp(name, "remove") == 0)
        return JARVA_LONELY_PSU_REMOVE;
    if (strcmp(name, "certainty") == 0)
        return JARVA_LONELY_PSU_CERTAINTY;
    if (strcmp(name, "average") == 0)
        return JARVA_LONELY_PSU_AVERAGE;
    return JARVA_LONELY_PSU_FAIL;
}

/* Whether compute() goes through the grouped sums instead of the arrays. */
static int grouped;

/* The estimates of jarva_estimate_proportions() / _means() from sums per
 * (domain, stratum, answer code), as compute_survey.c forms them: the code
 * is the answer 1-5 (index answer - 1), its value data->value's. */
static int grouped_estimates(const jarva_survey_data *data, const int *domain, size_t domain_count,
                             const double *answer, const jarva_estimate_options *in, int binary,
                             jarva_estimate *out, char *err, size_t errlen)
{
    jarva_estimate_options opts;
    int rc = jarva__estimate_options_check(in, &opts, err, errlen);
    size_t strata = data->stratum ? data->stratum_count : 1;
    size_t *stratum_size = calloc(strata, sizeof *stratum_size);
    double values[5];
    for (int k = 0; k < 5; k++)
        values[k] = NAN;
    jarva__sum_grid g = { 0 };
    for (size_t i = 0; i < data->count && !rc; i++) {
        size_t h = data->stratum ? data->stratum[i] : 0;
        stratum_size[h]++;
        if (domain[i] < 0 || isnan(answer[i]))
            continue;
        size_t k = (size_t)answer[i] - 1;
        values[k] = data->value[i];
        CHECK_INT(
            jarva__sum_grid_add(&g, (size_t)domain[i], h, k, data->weight ? data->weight[i] : 1.0),
            0);
    }
    for (size_t d = 0; d < domain_count && !rc; d++) {
        jarva__domain_moments m = { 0 };
        if (d < g.domains)
            rc = jarva__moments_from_sums(strata, stratum_size, g.values, values,
                                          g.cells + d * g.strata * g.values, opts.lonely_psu,
                                          data->stratum_names, &m, err, errlen);
        if (!rc)
            jarva__estimate_from_moments(&m, &opts, binary, &out[d]);
    }
    jarva__sum_grid_free(&g);
    free(stratum_size);
    return rc;
}

/* Computes all domains of one domain variable in one call, as the engine
 * will, and returns the estimate of domain `value`; the status in *rc. With
 * lonely-PSU rule "fail" a lonely stratum fails the whole call, so there the
 * domain is computed alone, as R's per-subset call does. */
static jarva_estimate compute(const survey *s, const char *design, const char *lonely,
                              const char *variable, const char *dom, int value, const char *method,
                              double level, int *rc, char *err, size_t errlen)
{
    size_t n = s->count;
    double *values = malloc(n * sizeof *values);
    int *domain = malloc(n * sizeof *domain);
    int domain_count = 1;
    int proportion = strcmp(variable, "pos") == 0;
    for (size_t i = 0; i < n; i++) {
        double a = s->answer[i];
        values[i] = isnan(a) ? NAN : proportion ? (a >= 4) : a;
        int v = domain_value(s, dom, i);
        domain[i] = v - 1; /* value 0 (outside a mask domain) becomes -1 */
        if (strcmp(lonely, "fail") == 0)
            domain[i] = v == value ? value - 1 : -1;
        if (v > domain_count)
            domain_count = v;
    }
    jarva_survey_data data = { n, values, s->weight, s->stratum, s->stratum_count, stratum_names };
    if (strcmp(design, "nostrata") == 0)
        data.stratum = NULL;
    if (strcmp(design, "noweights") == 0)
        data.weight = NULL;
    jarva_estimate_options opts = JARVA_ESTIMATE_OPTIONS_INIT;
    opts.method = method_of(method);
    opts.level = level;
    opts.lonely_psu = lonely_of(lonely);
    jarva_estimate *out = calloc((size_t)domain_count, sizeof *out);
    jarva_estimate_init(out, (size_t)domain_count);
    if (grouped)
        *rc = grouped_estimates(&data, domain, (size_t)domain_count, s->answer, &opts, proportion,
                                out, err, errlen);
    else
        *rc = proportion ? jarva_estimate_proportions(out, &data, domain, (size_t)domain_count,
                                                      &opts, err, errlen)
                         : jarva_estimate_means(out, &data, domain, (size_t)domain_count, &opts,
                                                err, errlen);
    jarva_estimate e = out[value - 1];
    free(out);
    free(values);
    free(domain);
    return e;
}

/* The largest relative differences seen, reported so that the margin to
 * the tolerances is visible in the test log. */
static double worst_estimate, worst_ci;

static void track(double *worst, double got, double want)
{
    double d = want == 0 ? fabs(got) : fabs(got - want) / fabs(want);
    if (d > *worst)
        *worst = d;
}

static int all_finite(const jarva_estimate *e)
{
    return isfinite(e->estimate) && isfinite(e->se) && isfinite(e->ci_low) &&
           isfinite(e->ci_high) && !isnan(e->df) && isfinite(e->n_eff);
}

static void test_survey_reference(const survey *main_survey, const survey *lonely_survey)
{
    csv_table ref;
    CHECK_INT(csv_table_load(&ref, "ref_survey.csv"), 0);
    size_t compared = 0, errors = 0, no_ci = 0;
    for (size_t r = 0; r < ref.rows; r++) {
        const survey *s =
            strcmp(csv_str(&ref, r, "data"), "main") == 0 ? main_survey : lonely_survey;
        const char *method = csv_str(&ref, r, "method");
        const char *dom = csv_str(&ref, r, "domain");
        int value = (int)csv_num(&ref, r, "value");
        char err[256];
        int rc;
        jarva_estimate e = compute(s, csv_str(&ref, r, "design"), csv_str(&ref, r, "lonely"),
                                   csv_str(&ref, r, "variable"), dom, value, method,
                                   csv_num(&ref, r, "level"), &rc, err, sizeof err);
        if (strcmp(method, "error") == 0) {
            /* R stopped: "Stratum (5) has only one PSU at stage 1". */
            CHECK_INT(rc, JARVA_ENUMERIC);
            CHECK_CONTAINS(err, "stratum 5 has a single respondent");
            errors++;
            continue;
        }
        CHECK_INT(rc, JARVA_OK);
        if (rc != JARVA_OK) {
            fprintf(stderr, "row %zu: %s\n", r + 2, err);
            continue;
        }
        CHECK(all_finite(&e));
        CHECK_INT(e.n, (long long)csv_num(&ref, r, "n"));
        CHECK_INT((long long)e.df, (long long)csv_num(&ref, r, "df"));
        CHECK_REL(e.estimate, csv_num(&ref, r, "estimate"), REL_ESTIMATE);
        CHECK_REL(e.se, csv_num(&ref, r, "se"), REL_ESTIMATE);
        track(&worst_estimate, e.estimate, csv_num(&ref, r, "estimate"));
        track(&worst_estimate, e.se, csv_num(&ref, r, "se"));
        double n_eff = csv_num(&ref, r, "n_eff");
        if (!isnan(n_eff))
            CHECK_REL(e.n_eff, n_eff, REL_ESTIMATE);
        if (strcmp(dom, "top") == 0 || strcmp(dom, "bottom") == 0)
            continue; /* boundary intervals: test_boundary() */
        double lo = csv_num(&ref, r, "ci_low"), hi = csv_num(&ref, r, "ci_high");
        if (isnan(lo)) {
            /* R's NaN (df = 0): libjarva flags the missing interval. */
            CHECK(e.flags & JARVA_EST_NO_CI);
            CHECK(e.ci_low == e.estimate && e.ci_high == e.estimate);
            no_ci++;
            continue;
        }
        CHECK(!(e.flags & JARVA_EST_NO_CI));
        CHECK_REL(e.ci_low, lo, REL_CI);
        CHECK_REL(e.ci_high, hi, REL_CI);
        track(&worst_ci, e.ci_low, lo);
        track(&worst_ci, e.ci_high, hi);
        if (test_failures && compared < 5)
            fprintf(stderr, "  (row %zu: %s %s %s=%d %s)\n", r + 2, csv_str(&ref, r, "variable"),
                    csv_str(&ref, r, "lonely"), dom, value, method);
        compared++;
    }
    fprintf(stderr,
            "survey reference: %zu intervals, %zu lonely-PSU errors, %zu without CI; largest "
            "relative difference from R: estimate/SE %.2g, CI bound %.2g\n",
            compared, errors, no_ci, worst_estimate, worst_ci);
    CHECK(compared > 300);
    CHECK(errors >= 4);
    CHECK(no_ci >= 2);
    csv_table_free(&ref);
}

/* Shares 0 and 1: every method gives the exact binomial interval on n, which
 * R's binom.test(x, n) computes (svyciprop itself gives NaN there). */
static void test_boundary(const survey *s)
{
    csv_table ref;
    CHECK_INT(csv_table_load(&ref, "ref_boundary.csv"), 0);
    const char *methods[] = { "logit", "beta", "mean", "wilson", "clopper-pearson" };
    for (size_t r = 0; r < ref.rows; r++)
        for (size_t m = 0; m < 5; m++) {
            char err[256];
            int rc;
            jarva_estimate e = compute(s, "full", "fail", "pos", csv_str(&ref, r, "domain"), 1,
                                       methods[m], csv_num(&ref, r, "level"), &rc, err, sizeof err);
            CHECK_INT(rc, JARVA_OK);
            CHECK(all_finite(&e));
            CHECK(e.flags & JARVA_EST_BOUNDARY);
            CHECK_INT(e.n, (long long)csv_num(&ref, r, "n"));
            CHECK_INT(e.n_positive, (long long)csv_num(&ref, r, "x"));
            CHECK_REL(e.n_eff, csv_num(&ref, r, "n"), 0);
            CHECK_REL(e.ci_low, csv_num(&ref, r, "ci_low"), REL_CI);
            CHECK_REL(e.ci_high, csv_num(&ref, r, "ci_high"), REL_CI);
            /* All on one side of the answer: never published. */
            CHECK(e.suppressed);
            CHECK(e.flags & JARVA_EST_SUPPRESSED_CELL);
        }
    csv_table_free(&ref);
}

/* Published shares (prop.test / binom.test) and counts (poisson.test). */
static void test_simple_reference(void)
{
    csv_table ref;
    CHECK_INT(csv_table_load(&ref, "ref_simple.csv"), 0);
    for (size_t r = 0; r < ref.rows; r++) {
        const char *kind = csv_str(&ref, r, "kind");
        jarva_estimate_options opts = JARVA_ESTIMATE_OPTIONS_INIT;
        opts.level = csv_num(&ref, r, "level");
        jarva_estimate e = JARVA_ESTIMATE_INIT;
        char err[256];
        int rc;
        if (strcmp(kind, "poisson") == 0) {
            rc = jarva_estimate_count(&e, csv_num(&ref, r, "input"), csv_num(&ref, r, "n"), &opts,
                                      err, sizeof err);
        } else {
            opts.method = strcmp(kind, "wilson") == 0 ? JARVA_CI_DEFAULT : JARVA_CI_CLOPPER_PEARSON;
            rc = jarva_estimate_table_share(&e, csv_num(&ref, r, "input"), csv_num(&ref, r, "n"),
                                            &opts, err, sizeof err);
        }
        CHECK_INT(rc, JARVA_OK);
        CHECK(all_finite(&e));
        CHECK_REL(e.estimate, csv_num(&ref, r, "estimate"), REL_ESTIMATE);
        CHECK_REL(e.ci_low, csv_num(&ref, r, "ci_low"), REL_CI);
        CHECK_REL(e.ci_high, csv_num(&ref, r, "ci_high"), REL_CI);
    }
    CHECK(ref.rows >= 40);
    csv_table_free(&ref);
}

/* The one-call-per-variable form gives what separate single-domain calls
 * give, bit for bit. */
static void test_multi_domain_equals_single(const survey *s)
{
    size_t n = s->count;
    double *values = malloc(n * sizeof *values);
    int *by_area = malloc(n * sizeof *by_area), *mask = malloc(n * sizeof *mask);
    for (size_t i = 0; i < n; i++) {
        values[i] = isnan(s->answer[i]) ? NAN : (s->answer[i] >= 4);
        by_area[i] = s->area[i] - 1;
    }
    jarva_survey_data data = { n, values, s->weight, s->stratum, s->stratum_count, NULL };
    jarva_estimate all[6] = { JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT,
                              JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT, JARVA_ESTIMATE_INIT },
                   one = JARVA_ESTIMATE_INIT;
    CHECK_INT(jarva_estimate_proportions(all, &data, by_area, 6, NULL, NULL, 0), JARVA_OK);
    for (int a = 0; a < 6; a++) {
        for (size_t i = 0; i < n; i++)
            mask[i] = by_area[i] == a ? 0 : -1;
        CHECK_INT(jarva_estimate_proportions(&one, &data, mask, 1, NULL, NULL, 0), JARVA_OK);
        CHECK(one.estimate == all[a].estimate && one.se == all[a].se &&
              one.ci_low == all[a].ci_low && one.ci_high == all[a].ci_high && one.df == all[a].df &&
              one.n_eff == all[a].n_eff && one.n == all[a].n &&
              one.n_positive == all[a].n_positive && one.suppressed == all[a].suppressed &&
              one.flags == all[a].flags);
    }
    free(values);
    free(by_area);
    free(mask);
}

int main(void)
{
    survey main_survey, lonely_survey;
    CHECK_INT(survey_load(&main_survey, "survey.csv"), 0);
    CHECK_INT(survey_load(&lonely_survey, "survey_lonely.csv"), 0);
    CHECK_INT(main_survey.count, 3000);
    CHECK_INT(main_survey.stratum_count, 8);
    CHECK_INT(lonely_survey.stratum_count, 6);
    if (main_survey.count && lonely_survey.count) {
        test_survey_reference(&main_survey, &lonely_survey);
        test_boundary(&main_survey);
        test_multi_domain_equals_single(&main_survey);
        grouped = 1;
        worst_estimate = worst_ci = 0;
        fprintf(stderr, "from grouped sums:\n");
        test_survey_reference(&main_survey, &lonely_survey);
        test_boundary(&main_survey);
        grouped = 0;
    }
    test_simple_reference();
    survey_free(&main_survey);
    survey_free(&lonely_survey);
    return test_report();
}
