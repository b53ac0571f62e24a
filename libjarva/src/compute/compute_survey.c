/* compute_survey.c: estimates from survey microdata (residents' and staff
 * surveys). Each wave is read once, row by row: every respondent adds their
 * weight to the sums of each question they answered, per breakdown domain,
 * stratum and answer code (stats_sums.c); then each indicator of the wave
 * finishes its estimates from the sums of its question, with its own valid
 * and positive codes. Memory depends on the numbers of questions, domains,
 * strata and codes, not on the number of respondents. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compute_internal.h"
#include "estimate_file_internal.h"
#include "stats.h"

/* Distinct strings of one column, numbered in order of appearance, in the
 * hash table the ad-hoc estimator uses. */
typedef jarva__keytab intern;

/* The value's number; -1 for NULL (no value), -2 out of memory. */
static int intern_id(intern *t, const char *s)
{
    if (!s)
        return -1;
    long id = jarva__keytab_add(t, s, strlen(s));
    return id < 0 ? -2 : (int)id;
}

enum { BY_AREA, BY_SEX, BY_AGE, BY_ORG, BY_ROLE, BY_COUNT };
static const char *const by_names[BY_COUNT] = { "area", "sex", "age_group", "organisation",
                                                "role" };
/* The sums of a question: sums[BY_WHOLE] for Järva as a whole (one domain),
 * sums[b] for breakdown b. */
enum { BY_WHOLE = BY_COUNT };

/* One wave's sums. */
typedef struct wave {
    int64_t batch_id;
    int year;
    size_t n; /* respondents */
    intern strata, by_values[BY_COUNT];
    size_t *stratum_size; /* respondents per stratum, everyone counted */
    size_t stratum_cap;
    /* area_outside[a]: area a (an id of by_values[BY_AREA]) lies outside
     * Järva (in_jarva = 0): its respondents are stored for comparison and
     * count into their area's estimate but never into Järva or its
     * breakdowns by sex, age, ... (R: subset(design, in_jarva)). */
    unsigned char *area_outside;
    size_t area_cap;
    sqlite3_stmt *in_jarva;
    size_t nvars;
    char **var_names;
    int *var_position;  /* position in the batch's answers, ascending */
    unsigned *var_dims; /* bit b: sums[b] wanted (BY_WHOLE always) */
    intern *answer;     /* per question: its codes */
    jarva__sum_grid (*sums)[BY_COUNT + 1];
} wave;

static void wave_free(wave *w)
{
    for (int b = 0; b < BY_COUNT; b++)
        jarva__keytab_free(&w->by_values[b]);
    jarva__keytab_free(&w->strata);
    free(w->stratum_size);
    free(w->area_outside);
    sqlite3_finalize(w->in_jarva);
    for (size_t v = 0; v < w->nvars; v++) {
        free(w->var_names[v]);
        jarva__keytab_free(&w->answer[v]);
        for (int b = 0; b <= BY_COUNT; b++)
            jarva__sum_grid_free(&w->sums[v][b]);
    }
    free(w->var_names);
    free(w->var_position);
    free(w->var_dims);
    free(w->answer);
    free(w->sums);
}

/* Grows a zero-filled array of n elements of size bytes to hold index i. */
static int fit(void *array, size_t *cap, size_t size, size_t i)
{
    if (i < *cap)
        return 0;
    size_t n = *cap ? *cap : 16;
    while (n <= i)
        n *= 2;
    unsigned char *grown = realloc(*(void **)array, n * size);
    if (!grown)
        return -1;
    memset(grown + *cap * size, 0, (n - *cap) * size);
    *(void **)array = grown;
    *cap = n;
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
    w->var_dims = calloc(n ? n : 1, sizeof *w->var_dims);
    w->answer = calloc(n ? n : 1, sizeof *w->answer);
    w->sums = calloc(n ? n : 1, sizeof *w->sums);
    int rc = (!w->var_names || !w->var_position || !w->var_dims || !w->answer || !w->sums)
                 ? jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory")
                 : JARVA_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        int known = 0;
        for (size_t v = 0; v < w->nvars; v++)
            if (!strcmp(w->var_names[v], inds[i].variable)) {
                w->var_dims[v] |= inds[i].by_mask;
                known = 1;
            }
        if (known)
            continue;
        sqlite3_bind_int64(st, 1, w->batch_id);
        sqlite3_bind_text(st, 2, inds[i].variable, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            w->var_names[w->nvars] = jarva__strdup(inds[i].variable);
            w->var_position[w->nvars] = sqlite3_column_int(st, 0);
            w->var_dims[w->nvars] = inds[i].by_mask | 1u << BY_WHOLE;
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
                unsigned dims = w->var_dims[a];
                w->var_dims[a] = w->var_dims[b];
                w->var_dims[b] = dims;
            }
    return rc;
}

/* Whether area id a lies outside Järva, looked up when the area first
 * appears. 0, or a status. */
static int note_area(jarva__compute *c, wave *w, int a)
{
    if ((size_t)a < w->area_cap && w->area_outside[a])
        return JARVA_OK;
    if (fit(&w->area_outside, &w->area_cap, 1, (size_t)a))
        return jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory");
    if (!w->in_jarva && sqlite3_prepare_v2(c->db->sql, "SELECT in_jarva FROM area WHERE id = ?", -1,
                                           &w->in_jarva, NULL) != SQLITE_OK)
        return jarva__sqlerr(c->db, "reading the areas");
    sqlite3_bind_text(w->in_jarva, 1, w->by_values[BY_AREA].keys[a], -1, SQLITE_STATIC);
    int outside =
        sqlite3_step(w->in_jarva) == SQLITE_ROW && sqlite3_column_int(w->in_jarva, 0) == 0;
    sqlite3_reset(w->in_jarva);
    w->area_outside[a] = outside ? 2 : 1; /* 0: not looked up yet */
    return JARVA_OK;
}

/* One respondent's answer code k to question v into the sums of every
 * breakdown the question's indicators ask for. 0, or -1 out of memory. */
static int add_answer(wave *w, size_t v, unsigned h, const int *by, int outside, size_t k,
                      double weight)
{
    unsigned dims = w->var_dims[v];
    jarva__sum_grid *sums = w->sums[v];
    if (!outside && jarva__sum_grid_add(&sums[BY_WHOLE], 0, h, k, weight))
        return -1;
    for (int b = 0; b < BY_COUNT; b++)
        if ((dims & (1u << b)) && by[b] >= 0 && (b == BY_AREA || !outside) &&
            jarva__sum_grid_add(&sums[b], (size_t)by[b], h, k, weight))
            return -1;
    return 0;
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
    const char **found = calloc(w->nvars ? w->nvars : 1, sizeof *found);
    char *buf = NULL;
    size_t buf_cap = 0;
    int rc = found ? JARVA_OK : jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory");
    int step = SQLITE_ROW;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        double weight = sqlite3_column_double(st, 0);
        const char *stratum = (const char *)sqlite3_column_text(st, 1);
        int h = intern_id(&w->strata, stratum ? stratum : "");
        int by[BY_COUNT];
        static const int by_column[BY_COUNT] = { 2, 3, 4, 5, 6 };
        for (int b = 0; b < BY_COUNT && h >= 0; b++) {
            by[b] =
                intern_id(&w->by_values[b], (const char *)sqlite3_column_text(st, by_column[b]));
            if (by[b] < -1)
                h = -2;
        }
        if (h < 0 || fit(&w->stratum_size, &w->stratum_cap, sizeof *w->stratum_size, (size_t)h)) {
            rc = jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory");
            break;
        }
        w->stratum_size[h]++;
        w->n++;
        if (by[BY_AREA] >= 0 && (rc = note_area(c, w, by[BY_AREA])) != JARVA_OK)
            break;
        int outside = by[BY_AREA] >= 0 && w->area_outside[by[BY_AREA]] == 2;
        const char *answers = (const char *)sqlite3_column_text(st, 7);
        size_t len = (size_t)sqlite3_column_bytes(st, 7);
        if (len + 1 > buf_cap) {
            char *grown = realloc(buf, 2 * len + 1);
            if (!grown) {
                rc = jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory");
                break;
            }
            buf = grown;
            buf_cap = 2 * len + 1;
        }
        /* Unescaped, the answers take no more bytes than their JSON. */
        if (!answers || parse_answers(answers, w->var_position, w->nvars, buf, buf_cap, found)) {
            rc = jarva__seterr(&c->db->err, JARVA_EDB,
                               "%s: batch %lld: a stored answer list is malformed", c->db->path,
                               (long long)w->batch_id);
            break;
        }
        for (size_t v = 0; v < w->nvars && !rc; v++) {
            int code = intern_id(&w->answer[v], found[v]);
            if (code < -1 ||
                (code >= 0 && add_answer(w, v, (unsigned)h, by, outside, (size_t)code, weight)))
                rc = jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory");
        }
    }
    if (!rc && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = jarva__sqlerr(c->db, "reading the wave");
    sqlite3_finalize(st);
    free(found);
    free(buf);
    return rc;
}

/* Per answer code of question v: its value for indicator ind (NaN: not a
 * valid answer). values has at least the grids' value capacity. */
static void code_values(const wave *w, size_t v, const survey_indicator *ind, double *values,
                        size_t count)
{
    const intern *codes = &w->answer[v];
    for (size_t k = 0; k < count; k++) {
        if (k >= codes->count) {
            values[k] = NAN;
            continue;
        }
        const char *code = codes->keys[k];
        int valid = ind->valid && *ind->valid ? code_in(ind->valid, code) : 1;
        if (!valid)
            values[k] = NAN;
        else if (ind->mean) {
            char *end;
            double x = strtod(code, &end);
            values[k] = (*end || end == code) ? NAN : x;
        } else
            values[k] = code_in(ind->positive, code) ? 1.0 : 0.0;
    }
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
        return jarva__seterr(&c->db->err, rc, "%s", c->errbuf);
    opts.min_n = ind->min_n > 0 ? (unsigned)ind->min_n : opts.min_n;
    const char *method = ind->mean ? "t" : jarva__ci_method_name(opts.method, 0);
    size_t most = 2;
    for (int b = 0; b <= BY_COUNT; b++)
        if (w->sums[v][b].values > most)
            most = w->sums[v][b].values;
    double *values = malloc(most * sizeof *values);
    if (!values)
        return jarva__seterr(&c->db->err, JARVA_ENOMEM, "out of memory");
    code_values(w, v, ind, values, most);
    size_t strata = w->strata.count;
    for (int b = -1; b < BY_COUNT && !rc; b++) {
        if (b >= 0 && !(ind->by_mask & (1u << b)))
            continue;
        const jarva__sum_grid *g = &w->sums[v][b < 0 ? BY_WHOLE : b];
        size_t ndomains = b < 0 ? 1 : w->by_values[b].count;
        for (size_t d = 0; d < ndomains && !rc; d++) {
            jarva__domain_moments m = { 0 };
            if (d < g->domains)
                rc = jarva__moments_from_sums(
                    strata < g->strata ? strata : g->strata, w->stratum_size, g->values, values,
                    g->cells + d * g->strata * g->values, opts.lonely_psu,
                    (const char *const *)w->strata.keys, &m, c->errbuf, sizeof c->errbuf);
            if (rc) {
                rc = jarva__seterr(&c->db->err, rc, "%s, %d: %s", ind->id, w->year, c->errbuf);
                break;
            }
            jarva_estimate e;
            jarva__estimate_from_moments(&m, &opts, !ind->mean, &e);
            if (e.flags & JARVA_EST_EMPTY)
                continue;
            const char *area = "jarva";
            char label[256] = "";
            if (b == BY_AREA)
                area = w->by_values[b].keys[d];
            else if (b >= 0)
                snprintf(label, sizeof label, "%s=%s", by_names[b], w->by_values[b].keys[d]);
            rc =
                jarva__compute_write(c, ind->id, w->year, area, label, &e, method, &w->batch_id, 1);
        }
    }
    free(values);
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
