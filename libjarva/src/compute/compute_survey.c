/* compute_survey.c: estimates from survey microdata (residents' and staff
 * surveys). Each wave is read once: weights, strata and the breakdowns become
 * arrays, each question used by an indicator a column of interned codes; then
 * every indicator of the wave is a pass over those arrays per breakdown (see
 * jarva_estimate_proportions in stats*.c for the estimator). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compute_internal.h"
#include "estimate_file_internal.h"

/* Distinct strings of one column, numbered in order of appearance, in the
 * hash table the ad-hoc estimator uses: a million rows look up several
 * columns each. */
typedef jarva__keytab intern;

/* The value's number; -1 for NULL (no value), -2 out of memory. */
static int intern_id(intern *t, const char *s)
{
    if (!s)
        return -1;
    long id = jarva__keytab_add(t, s, strlen(s));
    return id < 0 ? -2 : (int)id;
}

static void intern_free(intern *t)
{
    jarva__keytab_free(t);
}

enum { BY_AREA, BY_SEX, BY_AGE, BY_ORG, BY_ROLE, BY_COUNT };
static const char *const by_names[BY_COUNT] = { "area", "sex", "age_group", "organisation",
                                                "role" };

/* One wave in memory. codes[v][i] is respondent i's answer to question v as an
 * index into answer[v] (-1 missing). */
typedef struct wave {
    int64_t batch_id;
    int year;
    size_t n, cap;
    double *weight;
    unsigned *stratum;
    int *by[BY_COUNT];
    intern strata, by_values[BY_COUNT];
    size_t nvars;
    char **var_names;
    int *var_position; /* position in the batch's answers */
    int **codes;
    intern *answer;
    /* outside[i]: respondent i lives in a comparison area (in_jarva = 0),
     * stored for comparison but never counted into Järva or its breakdowns. */
    unsigned char *outside;
    size_t n_outside;
} wave;

static void wave_free(wave *w)
{
    free(w->weight);
    free(w->stratum);
    for (int b = 0; b < BY_COUNT; b++) {
        free(w->by[b]);
        intern_free(&w->by_values[b]);
    }
    intern_free(&w->strata);
    for (size_t v = 0; v < w->nvars; v++) {
        free(w->var_names[v]);
        free(w->codes[v]);
        intern_free(&w->answer[v]);
    }
    free(w->var_names);
    free(w->var_position);
    free(w->codes);
    free(w->answer);
    free(w->outside);
}

static int grow(wave *w)
{
    size_t cap = w->cap ? w->cap * 2 : 1024;
    double *weight = realloc(w->weight, cap * sizeof *weight);
    if (weight)
        w->weight = weight;
    unsigned *stratum = realloc(w->stratum, cap * sizeof *stratum);
    if (stratum)
        w->stratum = stratum;
    if (!weight || !stratum)
        return -1;
    for (int b = 0; b < BY_COUNT; b++) {
        int *by = realloc(w->by[b], cap * sizeof *by);
        if (!by)
            return -1;
        w->by[b] = by;
    }
    for (size_t v = 0; v < w->nvars; v++) {
        int *codes = realloc(w->codes[v], cap * sizeof *codes);
        if (!codes)
            return -1;
        w->codes[v] = codes;
    }
    w->cap = cap;
    return 0;
}

/* Reads the elements of a JSON array of strings and nulls, as import_survey.c
 * writes it, calling back for the positions wanted (sorted ascending). */
static int parse_answers(const char *json, const int *positions, size_t npositions, char *buf,
                         size_t bufsize, const char **out)
{
    const char *p = json;
    if (*p++ != '[')
        return -1;
    int index = 0;
    size_t want = 0;
    size_t used = 0;
    for (size_t k = 0; k < npositions; k++)
        out[k] = NULL;
    while (*p && *p != ']' && want < npositions) {
        while (*p == ' ' || *p == ',')
            p++;
        if (*p == 'n') {
            if (strncmp(p, "null", 4))
                return -1;
            p += 4;
        } else if (*p == '"') {
            p++;
            char *start = buf + used;
            while (*p && *p != '"') {
                char ch = *p++;
                if (ch == '\\') {
                    ch = *p++;
                    if (ch == 'u') {
                        /* Only control characters are written as \u00XX. */
                        unsigned v = 0;
                        for (int h = 0; h < 4 && *p; h++, p++)
                            v = v * 16 + (unsigned)(*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
                        ch = (char)v;
                    } else if (ch == 'n')
                        ch = '\n';
                    else if (ch == 't')
                        ch = '\t';
                    else if (ch == 'r')
                        ch = '\r';
                }
                if (used + 1 >= bufsize)
                    return -1;
                buf[used++] = ch;
            }
            if (*p++ != '"')
                return -1;
            buf[used++] = '\0';
            if (positions[want] == index)
                out[want] = start;
        } else {
            return -1;
        }
        if (positions[want] == index)
            want++;
        index++;
        while (*p == ' ')
            p++;
    }
    return 0;
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

static int code_in(const char *list, const char *code)
{
    if (!list || !code)
        return 0;
    size_t n = strlen(code);
    for (const char *p = list; *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *end = p;
        while (*end && *end != ',')
            end++;
        const char *trim = end;
        while (trim > p && trim[-1] == ' ')
            trim--;
        if ((size_t)(trim - p) == n && !strncmp(p, code, n))
            return 1;
        p = end;
    }
    return 0;
}

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

static int load_indicators(jarva__compute *c, const char *kind, const char *source,
                           survey_indicator **out, size_t *count)
{
    sqlite3_stmt *st = NULL;
    *out = NULL;
    *count = 0;
    if (sqlite3_prepare_v2(c->db->sql,
                           "SELECT id, measure, variable, positive_codes, valid_codes, min_n, "
                           "disaggregations FROM indicator WHERE source_kind = ? AND source = ? "
                           "AND measure IN ('proportion', 'mean') AND variable IS NOT NULL "
                           "ORDER BY position, id",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(c->db, "reading survey indicators");
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, source, -1, SQLITE_STATIC);
    size_t cap = 0;
    int rc = JARVA_OK;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (*count == cap) {
            cap = cap ? cap * 2 : 16;
            survey_indicator *grown = realloc(*out, cap * sizeof *grown);
            if (!grown) {
                rc = jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory");
                break;
            }
            *out = grown;
        }
        survey_indicator *ind = &(*out)[(*count)++];
        ind->id = jarva__strdup((const char *)sqlite3_column_text(st, 0));
        ind->mean = !strcmp((const char *)sqlite3_column_text(st, 1), "mean");
        ind->variable = jarva__strdup((const char *)sqlite3_column_text(st, 2));
        ind->positive = jarva__strdup((const char *)sqlite3_column_text(st, 3));
        ind->valid = jarva__strdup((const char *)sqlite3_column_text(st, 4));
        ind->min_n = sqlite3_column_int(st, 5);
        ind->by_mask = parse_by((const char *)sqlite3_column_text(st, 6), !strcmp(kind, "staff"));
    }
    sqlite3_finalize(st);
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

/* The questions the wave's indicators use, with their positions in the batch. */
static int plan_variables(jarva__compute *c, wave *w, const survey_indicator *inds, size_t n)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(c->db->sql,
                           "SELECT position FROM batch_variable WHERE batch_id = ? AND name = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(c->db, "reading the wave's variables");
    w->var_names = calloc(n ? n : 1, sizeof *w->var_names);
    w->var_position = calloc(n ? n : 1, sizeof *w->var_position);
    w->codes = calloc(n ? n : 1, sizeof *w->codes);
    w->answer = calloc(n ? n : 1, sizeof *w->answer);
    int rc = (!w->var_names || !w->var_position || !w->codes || !w->answer)
                 ? jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory")
                 : JARVA_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        int known = 0;
        for (size_t v = 0; v < w->nvars; v++)
            known |= !strcmp(w->var_names[v], inds[i].variable);
        if (known)
            continue;
        sqlite3_bind_int64(st, 1, w->batch_id);
        sqlite3_bind_text(st, 2, inds[i].variable, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            w->var_names[w->nvars] = jarva__strdup(inds[i].variable);
            w->var_position[w->nvars] = sqlite3_column_int(st, 0);
            w->nvars++;
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    /* Sorted by position so one left-to-right scan of each row's answers
     * finds them all. */
    for (size_t a = 0; a < w->nvars; a++)
        for (size_t b = a + 1; b < w->nvars; b++)
            if (w->var_position[b] < w->var_position[a]) {
                int pos = w->var_position[a];
                w->var_position[a] = w->var_position[b];
                w->var_position[b] = pos;
                char *name = w->var_names[a];
                w->var_names[a] = w->var_names[b];
                w->var_names[b] = name;
            }
    return rc;
}

static int load_wave(jarva__compute *c, wave *w)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(c->db->sql,
                           "SELECT weight, stratum, area_id, sex, age_group, organisation_id, "
                           "role, answers FROM response WHERE batch_id = ? ORDER BY row_no",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(c->db, "reading the wave");
    sqlite3_bind_int64(st, 1, w->batch_id);
    const char *found[64];
    char buf[4096];
    int rc = JARVA_OK;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (w->n == w->cap && grow(w)) {
            rc = jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory");
            break;
        }
        size_t i = w->n;
        w->weight[i] = sqlite3_column_double(st, 0);
        const char *stratum = (const char *)sqlite3_column_text(st, 1);
        int s = intern_id(&w->strata, stratum ? stratum : "");
        static const int by_column[BY_COUNT] = { 2, 3, 4, 5, 6 };
        for (int b = 0; b < BY_COUNT && s >= 0; b++) {
            w->by[b][i] =
                intern_id(&w->by_values[b], (const char *)sqlite3_column_text(st, by_column[b]));
            if (w->by[b][i] < -1)
                s = -2;
        }
        if (s < 0) {
            rc = jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory");
            break;
        }
        w->stratum[i] = (unsigned)s;
        size_t batch = w->nvars < 64 ? w->nvars : 64;
        if (parse_answers((const char *)sqlite3_column_text(st, 7), w->var_position, batch, buf,
                          sizeof buf, found)) {
            rc = jarva__seterr(&c->db->err, JARVA_EDB,
                               "%s: batch %lld: a stored answer list is malformed", c->db->path,
                               (long long)w->batch_id);
            break;
        }
        for (size_t v = 0; v < batch; v++) {
            int code = intern_id(&w->answer[v], found[v]);
            if (code < -1) {
                rc = jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory");
                break;
            }
            w->codes[v][i] = code;
        }
        if (rc)
            break;
        w->n++;
    }
    if (!rc && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = jarva__sqlerr(c->db, "reading the wave");
    sqlite3_finalize(st);
    return rc;
}

/* Marks the respondents whose area lies outside Järva (see wave.outside). */
static int mark_outside(jarva__compute *c, wave *w)
{
    const intern *areas = &w->by_values[BY_AREA];
    unsigned char *area_outside = calloc(areas->count ? areas->count : 1, 1);
    w->outside = calloc(w->n ? w->n : 1, 1);
    sqlite3_stmt *st = NULL;
    int rc = !area_outside || !w->outside
                 ? jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory")
                 : JARVA_OK;
    if (!rc && sqlite3_prepare_v2(c->db->sql, "SELECT in_jarva FROM area WHERE id = ?", -1, &st,
                                  NULL) != SQLITE_OK)
        rc = jarva__sqlerr(c->db, "reading the areas");
    for (size_t k = 0; k < areas->count && !rc; k++) {
        sqlite3_bind_text(st, 1, areas->keys[k], -1, SQLITE_STATIC);
        area_outside[k] = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0;
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    for (size_t i = 0; i < w->n && !rc; i++)
        if (w->by[BY_AREA][i] >= 0 && area_outside[w->by[BY_AREA][i]]) {
            w->outside[i] = 1;
            w->n_outside++;
        }
    free(area_outside);
    return rc;
}

/* One indicator on one wave: the whole, then each breakdown it asks for. */
static int estimate_indicator(jarva__compute *c, wave *w, const survey_indicator *ind,
                              double *value, int *domain, jarva_estimate *results)
{
    size_t v = 0;
    while (v < w->nvars && strcmp(w->var_names[v], ind->variable))
        v++;
    if (v == w->nvars)
        return JARVA_OK; /* not asked in this wave */
    /* Per answer code: its value (NaN: not a valid answer). */
    const intern *codes = &w->answer[v];
    double *code_value = malloc((codes->count ? codes->count : 1) * sizeof *code_value);
    if (!code_value)
        return jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory");
    for (size_t k = 0; k < codes->count; k++) {
        const char *code = codes->keys[k];
        int valid = ind->valid && *ind->valid ? code_in(ind->valid, code) : 1;
        if (!valid)
            code_value[k] = NAN;
        else if (ind->mean) {
            char *end;
            double x = strtod(code, &end);
            code_value[k] = (*end || end == code) ? NAN : x;
        } else
            code_value[k] = code_in(ind->positive, code) ? 1.0 : 0.0;
    }
    for (size_t i = 0; i < w->n; i++)
        value[i] = w->codes[v][i] < 0 ? NAN : code_value[w->codes[v][i]];
    free(code_value);

    jarva_survey_data data = { w->n,       value,           w->weight,
                               w->stratum, w->strata.count, (const char *const *)w->strata.keys };
    jarva_estimate_options opts = c->opts.estimate;
    opts.min_n = ind->min_n > 0 ? (unsigned)ind->min_n : opts.min_n;
    const char *method = ind->mean ? "t" : jarva__ci_method_name(opts.method, 0);
    int rc = JARVA_OK;
    /* b = -1: everyone, as the whole of Järva. */
    for (int b = -1; b < BY_COUNT && !rc; b++) {
        if (b >= 0 && !(ind->by_mask & (1u << b)))
            continue;
        size_t ndomains = b < 0 ? 1 : w->by_values[b].count;
        if (ndomains == 0)
            continue;
        const int *dom = NULL;
        if (b >= 0) {
            memcpy(domain, w->by[b], w->n * sizeof *domain);
            dom = domain;
        }
        /* Järva and its breakdowns by sex, age, ... are of Järva's
         * respondents only: comparison areas are domains of the design
         * outside it (R: subset(design, in_jarva)). */
        if (w->n_outside && b != BY_AREA) {
            for (size_t i = 0; i < w->n; i++)
                domain[i] = w->outside[i] ? -1 : (b < 0 ? 0 : w->by[b][i]);
            dom = domain;
        }
        rc = ind->mean ? jarva_estimate_means(&data, dom, ndomains, &opts, results, c->errbuf,
                                              sizeof c->errbuf)
                       : jarva_estimate_proportions(&data, dom, ndomains, &opts, results, c->errbuf,
                                                    sizeof c->errbuf);
        if (rc) {
            rc = jarva__seterr(&c->db->err, rc, "%s, %d: %s", ind->id, w->year, c->errbuf);
            break;
        }
        for (size_t d = 0; d < ndomains && !rc; d++) {
            if (results[d].flags & JARVA_EST_EMPTY)
                continue;
            const char *area = "jarva";
            char label[256] = "";
            if (b == BY_AREA)
                area = w->by_values[b].keys[d];
            else if (b >= 0)
                snprintf(label, sizeof label, "%s=%s", by_names[b], w->by_values[b].keys[d]);
            rc = jarva__compute_write(c, ind->id, w->year, area, label, &results[d], method,
                                      &w->batch_id, 1);
        }
    }
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
    double *value = NULL;
    int *domain = NULL;
    jarva_estimate *results = NULL;
    rc = plan_variables(c, &w, inds, ninds);
    if (!rc)
        rc = load_wave(c, &w);
    if (!rc)
        rc = mark_outside(c, &w);
    if (!rc && w.n) {
        size_t most = 1;
        for (int b = 0; b < BY_COUNT; b++)
            if (w.by_values[b].count > most)
                most = w.by_values[b].count;
        value = malloc(w.n * sizeof *value);
        domain = malloc(w.n * sizeof *domain);
        results = calloc(most, sizeof *results);
        if (!value || !domain || !results)
            rc = jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < ninds && !rc && w.n; i++)
        rc = estimate_indicator(c, &w, &inds[i], value, domain, results);
    free(value);
    free(domain);
    free(results);
    wave_free(&w);
    free_indicators(inds, ninds);
    c->opts.estimate.lonely_psu = caller_rule;
    return rc;
}

int jarva__compute_surveys(jarva__compute *c)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(c->db->sql,
                           "SELECT id, kind, source, year FROM batch "
                           "WHERE kind IN ('survey', 'staff') ORDER BY year, id",
                           -1, &st, NULL) != SQLITE_OK)
        return jarva__sqlerr(c->db, "listing survey waves");
    int rc = JARVA_OK;
    while (!rc && sqlite3_step(st) == SQLITE_ROW) {
        char *kind = jarva__strdup((const char *)sqlite3_column_text(st, 1));
        char *source = jarva__strdup((const char *)sqlite3_column_text(st, 2));
        if (!kind || !source)
            rc = jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory");
        else
            rc = compute_wave(c, sqlite3_column_int64(st, 0), kind, source,
                              sqlite3_column_int(st, 3));
        free(kind);
        free(source);
    }
    sqlite3_finalize(st);
    return rc;
}
