/* compute_survey.c: estimates from survey microdata (residents' and staff
 * surveys). Each wave is read once, block by block of the stored columns
 * (answer_reader.c): the weights, the design columns and only the questions
 * the wave's indicators use. Every answer adds its respondent's weight to
 * the sums of its question per area, stratum and answer code (and per
 * domain of any other breakdown asked for); Järva as a whole is the sum over
 * its areas. Each indicator then finishes its estimates from the sums of its
 * question with its own valid and positive codes (stats_sums.c). Memory
 * depends on the numbers of questions, domains, strata and codes, not on
 * the number of respondents. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"
#include "compute_internal.h"
#include "stats.h"

enum { BY_AREA, BY_SEX, BY_AGE, BY_ORG, BY_ROLE, BY_COUNT };
static const char *const by_names[BY_COUNT] = { "area", "sex", "age_group", "organisation",
                                                "role" };
static const int by_column[BY_COUNT] = { JARVA__COL_AREA, JARVA__COL_SEX, JARVA__COL_AGE_GROUP,
                                         JARVA__COL_ORGANISATION, JARVA__COL_ROLE };

/* A stored column's code texts: text[c - 1] for code c. */
typedef struct code_list {
    char **text;
    size_t count;
} code_list;

/* One wave's sums. */
typedef struct wave {
    int64_t batch_id;
    int year;
    size_t n; /* respondents */
    /* Strata: index 0 for respondents without one (named ""), c for code c. */
    char **stratum_names;
    size_t nstrata;
    size_t *stratum_size; /* respondents per stratum, everyone counted */
    code_list strata, by_values[BY_COUNT];
    /* outside[a]: area code a + 1 lies outside Järva (in_jarva = 0): its
     * respondents are stored for comparison and count into their area's
     * estimate but never into Järva or its breakdowns by sex, age, ...
     * (R: subset(design, in_jarva)). */
    unsigned char *outside;
    size_t nvars;
    char **var_names;
    int *var_position;  /* batch_variable.position */
    unsigned *var_dims; /* bit b: breakdown b wanted besides the areas */
    code_list *answer;  /* per question: its codes */
    /* Per question: by_area's domain a is area code a (0: no area), whose
     * sum over the areas in Järva is Järva; by[b] for the other breakdowns
     * (domain c - 1 for code c). */
    jarva__sum_grid *by_area, (*by)[BY_COUNT];
} wave;

static void codes_free(code_list *c)
{
    jarva__answers_codes_free(c->text, c->count);
    c->text = NULL;
    c->count = 0;
}

static void wave_free(wave *w)
{
    for (int b = 0; b < BY_COUNT; b++)
        codes_free(&w->by_values[b]);
    codes_free(&w->strata);
    free(w->stratum_names);
    free(w->stratum_size);
    free(w->outside);
    for (size_t v = 0; v < w->nvars; v++) {
        free(w->var_names[v]);
        if (w->answer)
            codes_free(&w->answer[v]);
        if (w->by_area)
            jarva__sum_grid_free(&w->by_area[v]);
        for (int b = 0; w->by && b < BY_COUNT; b++)
            jarva__sum_grid_free(&w->by[v][b]);
    }
    free(w->var_names);
    free(w->var_position);
    free(w->var_dims);
    free(w->answer);
    free(w->by_area);
    free(w->by);
}

typedef struct survey_indicator {
    char *id;
    int mean;
    char *variable;
    char *positive;
    char *valid;
    int min_n;
    unsigned by_mask;
} survey_indicator;

static unsigned parse_by(const char *list, int staff)
{
    unsigned mask = 0;
    for (int b = 0; b < BY_COUNT; b++)
        if (list && strstr(list, by_names[b]))
            mask |= 1u << b;
    if (staff)
        mask &= ~(1u << BY_AREA);
    return mask;
}

/* The indicators of one wave's source, copied out of the store's rows. */
typedef struct indicator_list {
    jarva__compute *c;
    int staff;
    survey_indicator *items;
    size_t count, cap;
} indicator_list;

static int add_indicator(void *ctx, const jarva__store_survey_indicator *from)
{
    indicator_list *l = ctx;
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        survey_indicator *grown = realloc(l->items, cap * sizeof *grown);
        if (!grown)
            return jarva__seterr(jarva__db_err(l->c->db), JARVA_ENOMEM, "out of memory");
        l->items = grown;
        l->cap = cap;
    }
    survey_indicator *ind = &l->items[l->count++];
    ind->id = jarva__strdup(from->id);
    ind->mean = from->mean;
    ind->variable = jarva__strdup(from->variable);
    ind->positive = from->positive_codes ? jarva__strdup(from->positive_codes) : NULL;
    ind->valid = from->valid_codes ? jarva__strdup(from->valid_codes) : NULL;
    ind->min_n = from->min_n;
    ind->by_mask = parse_by(from->disaggregations, l->staff);
    if (!ind->id || !ind->variable || (!ind->positive && from->positive_codes) ||
        (!ind->valid && from->valid_codes))
        return jarva__seterr(jarva__db_err(l->c->db), JARVA_ENOMEM, "out of memory");
    return JARVA_OK;
}

static int load_indicators(jarva__compute *c, const char *kind, const char *source,
                           survey_indicator **out, size_t *count)
{
    indicator_list l = { c, !strcmp(kind, "staff"), NULL, 0, 0 };
    int rc = jarva__store_survey_indicators(c->db, kind, source, add_indicator, &l);
    *out = l.items;
    *count = l.count;
    return rc;
}

static void free_indicators(survey_indicator *list, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(list[i].id);
        free(list[i].variable);
        free(list[i].positive);
        free(list[i].valid);
    }
    free(list);
}

/* The questions the wave's indicators use, once each, with their positions
 * in the batch and every breakdown asked of them; a question the wave does
 * not have is left out. */
static int plan_variables(jarva__compute *c, wave *w, const survey_indicator *inds, size_t n)
{
    w->var_names = calloc(n ? n : 1, sizeof *w->var_names);
    w->var_position = calloc(n ? n : 1, sizeof *w->var_position);
    w->var_dims = calloc(n ? n : 1, sizeof *w->var_dims);
    const char **names = malloc((n ? n : 1) * sizeof *names);
    int rc = (!w->var_names || !w->var_position || !w->var_dims || !names)
                 ? jarva__seterr(jarva__db_err(c->db), JARVA_ENOMEM, "out of memory")
                 : JARVA_OK;
    size_t nnames = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        size_t v = 0;
        while (v < nnames && strcmp(names[v], inds[i].variable))
            v++;
        if (v == nnames)
            names[nnames++] = inds[i].variable;
        w->var_dims[v] |= inds[i].by_mask;
    }
    if (!rc)
        rc = jarva__store_wave_variables(c->db, w->batch_id, names, nnames, w->var_position);
    /* Those the wave has, moved to the front in the same order. */
    for (size_t v = 0; v < nnames && !rc; v++) {
        if (w->var_position[v] < 0)
            continue;
        w->var_names[w->nvars] = jarva__strdup(names[v]);
        if (!w->var_names[w->nvars])
            rc = jarva__seterr(jarva__db_err(c->db), JARVA_ENOMEM, "out of memory");
        w->var_position[w->nvars] = w->var_position[v];
        w->var_dims[w->nvars] = w->var_dims[v];
        w->nvars++;
    }
    free(names);
    return rc;
}

/* Marks the wave's area codes that lie outside Järva. */
static int mark_outside(void *ctx, const jarva__store_area *a)
{
    wave *w = ctx;
    if (a->in_jarva)
        return JARVA_OK;
    const code_list *areas = &w->by_values[BY_AREA];
    for (size_t k = 0; k < areas->count; k++)
        if (!strcmp(areas->text[k], a->id))
            w->outside[k] = 1;
    return JARVA_OK;
}

/* The wave's code lists, which fix the sizes of every grid of sums. */
static int read_codes(jarva__compute *c, wave *w)
{
    int rc = jarva__answers_codes(c->db, w->batch_id, JARVA__COL_STRATUM, &w->strata.text,
                                  &w->strata.count);
    for (int b = 0; b < BY_COUNT && !rc; b++)
        rc = jarva__answers_codes(c->db, w->batch_id, by_column[b], &w->by_values[b].text,
                                  &w->by_values[b].count);
    w->answer = calloc(w->nvars ? w->nvars : 1, sizeof *w->answer);
    w->by_area = calloc(w->nvars ? w->nvars : 1, sizeof *w->by_area);
    w->by = calloc(w->nvars ? w->nvars : 1, sizeof *w->by);
    if (!rc && (!w->answer || !w->by_area || !w->by))
        rc = jarva__seterr(jarva__db_err(c->db), JARVA_ENOMEM, "out of memory");
    for (size_t v = 0; v < w->nvars && !rc; v++)
        rc = jarva__answers_codes(c->db, w->batch_id, w->var_position[v], &w->answer[v].text,
                                  &w->answer[v].count);
    if (rc)
        return rc;
    w->nstrata = w->strata.count + 1;
    w->stratum_names = calloc(w->nstrata, sizeof *w->stratum_names);
    w->stratum_size = calloc(w->nstrata, sizeof *w->stratum_size);
    size_t nareas = w->by_values[BY_AREA].count;
    w->outside = calloc(nareas ? nareas : 1, 1);
    if (!w->stratum_names || !w->stratum_size || !w->outside)
        return jarva__seterr(jarva__db_err(c->db), JARVA_ENOMEM, "out of memory");
    w->stratum_names[0] = "";
    for (size_t h = 1; h < w->nstrata; h++)
        w->stratum_names[h] = w->strata.text[h - 1];
    /* Value slot k is answer code k; slot 0 takes the respondents who did
     * not answer, so that the hot loop in add_block() needs no branch: its
     * value is NaN (code_values()), which leaves it out of every estimate. */
    for (size_t v = 0; v < w->nvars; v++) {
        size_t values = w->answer[v].count;
        int failed = jarva__sum_grid_fit(&w->by_area[v], nareas, w->nstrata - 1, values);
        for (int b = 1; b < BY_COUNT && !failed; b++)
            if ((w->var_dims[v] & (1u << b)) && w->by_values[b].count)
                failed = jarva__sum_grid_fit(&w->by[v][b], w->by_values[b].count - 1,
                                             w->nstrata - 1, values);
        if (failed)
            return jarva__seterr(jarva__db_err(c->db), JARVA_ENOMEM, "out of memory");
    }
    return jarva__store_areas(c->db, mark_outside, w);
}

/* The reader's columns: weight, stratum, the breakdowns some question of
 * the wave is asked by (the area always), then the questions. Reading a
 * breakdown nobody asked for would cost a byte per respondent for nothing. */
enum { READ_WEIGHT, READ_STRATUM, READ_BY };
typedef struct read_plan {
    size_t by_slot[BY_COUNT]; /* 0: not read */
    size_t first_question;
} read_plan;

static size_t plan_columns(const wave *w, int *columns, read_plan *plan)
{
    unsigned wanted = 1u << BY_AREA;
    for (size_t v = 0; v < w->nvars; v++)
        wanted |= w->var_dims[v];
    size_t k = READ_BY;
    columns[READ_WEIGHT] = JARVA__COL_WEIGHT;
    columns[READ_STRATUM] = JARVA__COL_STRATUM;
    for (int b = 0; b < BY_COUNT; b++) {
        plan->by_slot[b] = (wanted & (1u << b)) ? k : 0;
        if (plan->by_slot[b])
            columns[k++] = by_column[b];
    }
    plan->first_question = k;
    for (size_t v = 0; v < w->nvars; v++)
        columns[k++] = w->var_position[v];
    return k;
}

static int corrupt(jarva__compute *c, const wave *w)
{
    return jarva__seterr(jarva__db_err(c->db), JARVA_EDB,
                         "%s: batch %lld: a stored answer has a code without a text",
                         jarva__db_path(c->db), (long long)w->batch_id);
}

/* Adds one block to the sums. base and weight_sq are scratch arrays of
 * JARVA__BLOCK_ROWS. */
static int add_block(jarva__compute *c, wave *w, jarva__answer_reader *r, const read_plan *plan,
                     size_t n, size_t *base, double *weight_sq)
{
    /* Every code of a block's column must have its text: *max says. */
    uint32_t max;
    const double *weight = jarva__answers_reader_weights(r, READ_WEIGHT);
    const uint32_t *stratum = jarva__answers_reader_codes(r, READ_STRATUM, &max);
    if (max > w->strata.count)
        return corrupt(c, w);
    const uint32_t *by[BY_COUNT] = { NULL };
    for (int b = 0; b < BY_COUNT; b++) {
        if (!plan->by_slot[b])
            continue;
        by[b] = jarva__answers_reader_codes(r, plan->by_slot[b], &max);
        if (max > w->by_values[b].count)
            return corrupt(c, w);
    }
    const uint32_t *area = by[BY_AREA];
    for (size_t i = 0; i < n; i++) {
        if (!(weight[i] > 0) || !isfinite(weight[i]))
            return jarva__seterr(jarva__db_err(c->db), JARVA_EDB,
                                 "%s: batch %lld: a stored weight %g", jarva__db_path(c->db),
                                 (long long)w->batch_id, weight[i]);
        weight_sq[i] = weight[i] * weight[i];
        w->stratum_size[stratum[i]]++;
    }
    w->n += n;
    /* Every question's area grid has the same domains and strata (read_codes()
     * fits them alike), so a respondent's (area, stratum) row of cells is the
     * same in all of them: computed once per block, not once per question. */
    size_t strata = w->nvars ? w->by_area[0].strata : 0;
    for (size_t i = 0; i < n; i++)
        base[i] = (size_t)area[i] * strata + stratum[i];
    for (size_t v = 0; v < w->nvars; v++) {
        size_t column = plan->first_question + v;
        jarva__sum_grid *g = &w->by_area[v];
        if (g->strata != strata)
            return jarva__seterr(jarva__db_err(c->db), JARVA_ERROR,
                                 "question grids of unequal strata");
        /* The hot loop: one cell per answer, no branch (slot 0: no answer),
         * on the stored bytes themselves when the codes fit in one. */
        jarva__value_sums *cells = g->cells;
        size_t values = g->values;
        const unsigned char *bytes = jarva__answers_reader_bytes(r, column, &max);
        if (max > w->answer[v].count)
            return corrupt(c, w);
        const uint32_t *answer = bytes ? NULL : jarva__answers_reader_codes(r, column, &max);
        if (bytes)
            for (size_t i = 0; i < n; i++) {
                jarva__value_sums *s = &cells[base[i] * values + bytes[i]];
                s->n++;
                s->weight_sum += weight[i];
                s->weight_sq_sum += weight_sq[i];
            }
        else
            for (size_t i = 0; i < n; i++) {
                jarva__value_sums *s = &cells[base[i] * values + answer[i]];
                s->n++;
                s->weight_sum += weight[i];
                s->weight_sq_sum += weight_sq[i];
            }
        for (int b = 1; b < BY_COUNT; b++) {
            jarva__sum_grid *gb = &w->by[v][b];
            if (!gb->cells)
                continue;
            const uint32_t *code = by[b];
            if (!answer)
                answer = jarva__answers_reader_codes(r, column, &max);
            for (size_t i = 0; i < n; i++) {
                if (!code[i] || (area[i] && w->outside[area[i] - 1]))
                    continue;
                jarva__value_sums *s =
                    &gb->cells[((code[i] - 1) * gb->strata + stratum[i]) * gb->values + answer[i]];
                s->n++;
                s->weight_sum += weight[i];
                s->weight_sq_sum += weight_sq[i];
            }
        }
    }
    return JARVA_OK;
}

static int load_wave(jarva__compute *c, wave *w)
{
    int rc = read_codes(c, w);
    if (rc)
        return rc;
    int *columns = malloc((READ_BY + BY_COUNT + w->nvars) * sizeof *columns);
    read_plan plan;
    size_t *base = malloc(JARVA__BLOCK_ROWS * sizeof *base);
    double *weight_sq = malloc(JARVA__BLOCK_ROWS * sizeof *weight_sq);
    jarva__answer_reader *r = NULL;
    if (!columns || !base || !weight_sq)
        rc = jarva__seterr(jarva__db_err(c->db), JARVA_ENOMEM, "out of memory");
    if (!rc) {
        size_t ncolumns = plan_columns(w, columns, &plan);
        rc = jarva__answers_reader_open(&r, c->db, w->batch_id, columns, ncolumns);
    }
    size_t n;
    int got = 0;
    while (!rc && (got = jarva__answers_reader_next(r, &n)) == 1)
        rc = add_block(c, w, r, &plan, n, base, weight_sq);
    if (!rc && got < 0)
        rc = got;
    jarva__answers_reader_free(r);
    free(columns);
    free(base);
    free(weight_sq);
    return rc;
}

/* Per value slot of question v: its value for indicator ind (NaN: not a
 * valid answer). Slot k is code k, slot 0 no answer (read_codes()). */
static void code_values(const wave *w, size_t v, const survey_indicator *ind, double *values,
                        size_t count)
{
    const code_list *list = &w->answer[v];
    for (size_t k = 0; k < count; k++) {
        if (k == 0 || k > list->count) {
            values[k] = NAN;
            continue;
        }
        const char *code = list->text[k - 1];
        int valid = ind->valid && *ind->valid ? jarva__code_in(ind->valid, code, strlen(code)) : 1;
        if (!valid)
            values[k] = NAN;
        else if (ind->mean) {
            char *end;
            double x = strtod(code, &end);
            values[k] = (*end || end == code) ? NAN : x;
        } else
            values[k] = jarva__code_in(ind->positive, code, strlen(code)) ? 1.0 : 0.0;
    }
}

/* Järva as a whole: the sums of the areas in Järva and of respondents
 * without an area. */
static int whole_sums(const wave *w, size_t v, jarva__sum_grid *whole)
{
    const jarva__sum_grid *g = &w->by_area[v];
    if (jarva__sum_grid_fit(whole, 0, g->strata - 1, g->values - 1))
        return -1;
    size_t nareas = w->by_values[BY_AREA].count;
    for (size_t a = 0; a <= nareas && a < g->domains; a++) {
        if (a && w->outside[a - 1])
            continue;
        for (size_t h = 0; h < g->strata; h++)
            for (size_t k = 0; k < g->values; k++) {
                const jarva__value_sums *from = &g->cells[(a * g->strata + h) * g->values + k];
                jarva__value_sums *to = &whole->cells[h * whole->values + k];
                to->n += from->n;
                to->weight_sum += from->weight_sum;
                to->weight_sq_sum += from->weight_sq_sum;
            }
    }
    return 0;
}

/* One indicator on one wave: the whole, then each breakdown it asks for. */
static int estimate_indicator(jarva__compute *c, wave *w, const survey_indicator *ind)
{
    size_t v = 0;
    while (v < w->nvars && strcmp(w->var_names[v], ind->variable))
        v++;
    if (v == w->nvars)
        return JARVA_OK; /* not asked in this wave */
    jarva_estimate_options opts;
    int rc = jarva__estimate_options_check(&c->opts.estimate, &opts, c->errbuf, sizeof c->errbuf);
    if (rc)
        return jarva__seterr(jarva__db_err(c->db), rc, "%s", c->errbuf);
    opts.min_n = ind->min_n > 0 ? (unsigned)ind->min_n : opts.min_n;
    const char *method = ind->mean ? "t" : jarva__ci_method_name(opts.method, 0);
    jarva__sum_grid whole = { 0 };
    int failed = whole_sums(w, v, &whole);
    size_t nvalues = whole.values;
    for (int b = 0; b < BY_COUNT; b++)
        if (w->by[v][b].values > nvalues)
            nvalues = w->by[v][b].values;
    double *values = failed ? NULL : malloc(nvalues * sizeof *values);
    if (!values) {
        free(values);
        jarva__sum_grid_free(&whole);
        return jarva__seterr(jarva__db_err(c->db), JARVA_ENOMEM, "out of memory");
    }
    code_values(w, v, ind, values, nvalues);
    for (int b = -1; b < BY_COUNT && !rc; b++) {
        if (b >= 0 && !(ind->by_mask & (1u << b)))
            continue;
        /* Domain d's sums: Järva's; area d's (area code d + 1); else by. */
        const jarva__sum_grid *g = b < 0 ? &whole : b == BY_AREA ? &w->by_area[v] : &w->by[v][b];
        size_t first = b == BY_AREA ? 1 : 0;
        size_t ndomains = b < 0 ? 1 : w->by_values[b].count;
        for (size_t d = 0; d < ndomains && !rc; d++) {
            jarva__domain_moments m = { 0 };
            if (g->cells && d + first < g->domains)
                rc = jarva__moments_from_sums(
                    w->nstrata, w->stratum_size, g->values, values,
                    g->cells + (d + first) * g->strata * g->values, opts.lonely_psu,
                    (const char *const *)w->stratum_names, &m, c->errbuf, sizeof c->errbuf);
            if (rc) {
                rc = jarva__seterr(jarva__db_err(c->db), rc, "%s, %d: %s", ind->id, w->year,
                                   c->errbuf);
                break;
            }
            jarva_estimate e = JARVA_ESTIMATE_INIT;
            jarva__estimate_from_moments(&m, &opts, !ind->mean, &e);
            if (e.flags & JARVA_EST_EMPTY)
                continue;
            const char *area = "jarva";
            char label[256] = "";
            if (b == BY_AREA)
                area = w->by_values[b].text[d];
            else if (b >= 0)
                snprintf(label, sizeof label, "%s=%s", by_names[b], w->by_values[b].text[d]);
            rc =
                jarva__compute_write(c, ind->id, w->year, area, label, &e, method, &w->batch_id, 1);
        }
    }
    free(values);
    jarva__sum_grid_free(&whole);
    return rc;
}

static int compute_wave(jarva__compute *c, int64_t batch_id, const char *kind, const char *source,
                        int year)
{
    survey_indicator *inds = NULL;
    size_t ninds = 0;
    /* The wave's lonely-stratum rule; estimate_indicator() reads c->opts. */
    jarva_lonely_psu caller_rule = c->opts.estimate.lonely_psu;
    int rc = jarva__compute_lonely_psu(c, source, &c->opts.estimate.lonely_psu);
    if (!rc)
        rc = load_indicators(c, kind, source, &inds, &ninds);
    if (rc || ninds == 0) {
        c->opts.estimate.lonely_psu = caller_rule;
        free_indicators(inds, ninds);
        return rc;
    }
    wave w;
    memset(&w, 0, sizeof w);
    w.batch_id = batch_id;
    w.year = year;
    jarva_global_init();
    rc = plan_variables(c, &w, inds, ninds);
    if (!rc)
        rc = load_wave(c, &w);
    for (size_t i = 0; i < ninds && !rc && w.n; i++)
        rc = estimate_indicator(c, &w, &inds[i]);
    wave_free(&w);
    free_indicators(inds, ninds);
    c->opts.estimate.lonely_psu = caller_rule;
    return rc;
}

static int compute_stored_wave(void *ctx, const jarva__store_wave *w)
{
    return compute_wave(ctx, w->batch_id, w->kind, w->source, w->year);
}

int jarva__compute_surveys(jarva__compute *c)
{
    return jarva__store_survey_waves(c->db, compute_stored_wave, c);
}
