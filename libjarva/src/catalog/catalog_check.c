/* catalog_check.c: the catalogue's rules that span rows and files: unique ids,
 * references (goal → audience, indicator → goal, alias → area, area → parent),
 * no cycles among areas, unambiguous area names, and what makes an indicator
 * measurable (a source it can be computed from, codes, baseline and target on
 * the right side of each other). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_internal.h"
#include "csv_reader.h"

static const jarva__cat_cell *cell(const jarva__cat_row *row, int col)
{
    return &row->cells[col];
}

/* A well-formed value, or NULL if empty or already reported as malformed. */
static const char *value(const jarva__cat_row *row, int col)
{
    return row->cells[col].invalid ? NULL : row->cells[col].text;
}

static int present(const jarva__cat_row *row, int col)
{
    return row->cells[col].text != NULL;
}

static int ascii_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

/* Reports rows whose column col repeats an earlier row's value (ignoring
 * ASCII case with nocase, as SQLite's NOCASE does for aliases). */
static void check_unique(jarva__catalog *cat, int file, int col, const char *what, int nocase)
{
    const jarva__cat_table *t = &cat->tables[file];
    for (size_t r = 0; r < t->nrows; r++) {
        const char *text = value(&t->rows[r], col);
        for (size_t first = 0; text && first < r; first++) {
            const char *earlier = value(&t->rows[first], col);
            if (earlier && (nocase ? ascii_ieq(text, earlier) : strcmp(text, earlier) == 0)) {
                jarva__cat_error(&cat->errors, t->path, t->rows[r].line,
                                 "duplicate %s '%s' (first on line %ld)", what, text,
                                 t->rows[first].line);
                break;
            }
        }
    }
}

/* Reports a reference in column col of file to an id missing from target. */
static void check_reference(jarva__catalog *cat, int file, int col, int target, const char *what)
{
    const jarva__cat_table *t = &cat->tables[file];
    if (!cat->tables[target].complete)
        return; /* its own error says why; every reference would be "unknown" */
    for (size_t r = 0; r < t->nrows; r++) {
        const char *ref = value(&t->rows[r], col);
        if (ref && jarva__cat_find(&cat->tables[target], 0, ref) < 0)
            jarva__cat_error(&cat->errors, t->path, t->rows[r].line, "unknown %s '%s' (not in %s)",
                             what, ref, jarva__catalog_file(target));
    }
}

static void check_goals(jarva__catalog *cat)
{
    const jarva__cat_table *t = &cat->tables[CAT_GOALS];
    check_reference(cat, CAT_GOALS, GOAL_AUDIENCE, CAT_AUDIENCES, "audience");
    check_reference(cat, CAT_GOALS, GOAL_OWNER, CAT_ORGANISATIONS, "owner organisation");
    for (size_t r = 0; r < t->nrows; r++) {
        const jarva__cat_row *row = &t->rows[r];
        const char *kind = value(row, GOAL_KIND);
        const char *audience = jarva__cat_text(row, GOAL_AUDIENCE);
        if (!kind)
            continue;
        if (strcmp(kind, "overall") == 0 && audience)
            jarva__cat_error(&cat->errors, t->path, row->line,
                             "overall goal '%s' cannot have an audience ('%s')",
                             jarva__cat_text(row, GOAL_ID), audience);
        else if (strcmp(kind, "communication") == 0 && !audience)
            jarva__cat_error(&cat->errors, t->path, row->line,
                             "communication goal '%s' needs an audience",
                             jarva__cat_text(row, GOAL_ID));
    }
}

/* Parents: known, and no area its own ancestor. A cycle is reported once, at
 * the first of its areas in the file. */
static void check_area_parents(jarva__catalog *cat)
{
    const jarva__cat_table *t = &cat->tables[CAT_AREAS];
    check_reference(cat, CAT_AREAS, AREA_PARENT, CAT_AREAS, "parent area");
    for (size_t r = 0; r < t->nrows; r++) {
        long at = (long)r;
        long lowest = at;
        int cycle = 0;
        for (size_t steps = 0; steps <= t->nrows; steps++) {
            at = jarva__cat_find(t, AREA_ID, jarva__cat_text(&t->rows[at], AREA_PARENT));
            if (at < 0)
                break;
            if (at < lowest)
                lowest = at;
            if ((size_t)at == r) {
                cycle = 1;
                break;
            }
        }
        if (cycle && (size_t)lowest == r)
            jarva__cat_error(&cat->errors, t->path, t->rows[r].line,
                             "area '%s' is its own ancestor (a cycle of parent areas)",
                             jarva__cat_text(&t->rows[r], AREA_ID));
    }
}

/* A name that resolves to an area: an id, a name or an alias, folded. */
typedef struct area_key {
    char *folded;
    const char *area;
    const char *path;
    long line;
} area_key;

static int add_key(jarva__catalog *cat, area_key *keys, size_t *n, const char *name,
                   const char *area, const char *path, long line)
{
    char *folded = jarva__area_fold(name);
    if (!folded) {
        jarva__cat_nomem(&cat->errors);
        return -1;
    }
    for (size_t k = 0; k < *n; k++)
        if (strcmp(keys[k].folded, folded) == 0 && strcmp(keys[k].area, area) != 0) {
            jarva__cat_error(&cat->errors, path, line,
                             "'%s' cannot name area '%s': it already names area '%s' (%s:%ld)",
                             name, area, keys[k].area, keys[k].path, keys[k].line);
            free(folded);
            return 0;
        }
    keys[*n].folded = folded;
    keys[*n].area = area;
    keys[*n].path = path;
    keys[*n].line = line;
    (*n)++;
    return 0;
}

/* Every id, name and alias must lead to one area, also after folding case,
 * diacritics and separators, so that "Spanga-Tensta" and "Spånga Tensta" can
 * never mean two places. */
static void check_area_names(jarva__catalog *cat)
{
    const jarva__cat_table *areas = &cat->tables[CAT_AREAS];
    const jarva__cat_table *aliases = &cat->tables[CAT_ALIASES];
    check_reference(cat, CAT_ALIASES, ALIAS_AREA, CAT_AREAS, "area");
    area_key *keys = calloc(2 * areas->nrows + aliases->nrows + 1, sizeof *keys);
    size_t n = 0;
    if (!keys) {
        jarva__cat_nomem(&cat->errors);
        return;
    }
    for (size_t r = 0; r < areas->nrows; r++) {
        const jarva__cat_row *row = &areas->rows[r];
        const char *id = jarva__cat_text(row, AREA_ID);
        if (!id)
            continue;
        if (add_key(cat, keys, &n, id, id, areas->path, row->line) < 0)
            goto done;
        if (jarva__cat_text(row, AREA_NAME) &&
            add_key(cat, keys, &n, jarva__cat_text(row, AREA_NAME), id, areas->path, row->line) < 0)
            goto done;
    }
    for (size_t r = 0; r < aliases->nrows; r++) {
        const jarva__cat_row *row = &aliases->rows[r];
        const char *alias = jarva__cat_text(row, ALIAS_ALIAS);
        const char *area = jarva__cat_text(row, ALIAS_AREA);
        if (alias && area && jarva__cat_find(areas, AREA_ID, area) >= 0 &&
            add_key(cat, keys, &n, alias, area, aliases->path, row->line) < 0)
            goto done;
    }
done:
    for (size_t k = 0; k < n; k++)
        free(keys[k].folded);
    free(keys);
}

/* ---- indicators --------------------------------------------------------- */

static int is(const char *text, const char *word)
{
    return text && strcmp(text, word) == 0;
}

/* The first code of the list sub ("1,2") that the list set lacks, copied
 * to code, or NULL if set has them all (util/code_list.c's rule). */
static const char *first_missing_code(const char *sub, const char *set, char *code, size_t size)
{
    const char *item;
    size_t len;
    for (const char *p = sub; jarva__code_list_next(&p, &item, &len);)
        if (!jarva__code_in(set, item, len)) {
            snprintf(code, size, "%.*s", (int)len, item);
            return code;
        }
    return NULL;
}

/* The smallest and largest valid code of a mean, if all are numbers. */
static int numeric_range(const char *codes, double *lo, double *hi)
{
    int any = 0;
    const char *item;
    size_t len;
    for (const char *p = codes; jarva__code_list_next(&p, &item, &len);) {
        char token[64];
        double v;
        if (len >= sizeof token)
            return 0;
        memcpy(token, item, len);
        token[len] = '\0';
        if (jarva__parse_double(token, '.', &v) != 0)
            return 0;
        if (!any || v < *lo)
            *lo = v;
        if (!any || v > *hi)
            *hi = v;
        any = 1;
    }
    return any;
}

typedef struct ind_ctx {
    jarva__catalog *cat;
    const char *path;
    long line;
    const jarva__cat_row *row;
} ind_ctx;

#define IND_ERROR(ctx, ...)                                                                        \
    jarva__cat_error(&(ctx)->cat->errors, (ctx)->path, (ctx)->line, __VA_ARGS__)

/* What each source kind needs and allows. */
static void check_source(const ind_ctx *ctx, const char *kind, const char *measure)
{
    const jarva__cat_row *row = ctx->row;
    int microdata = is(kind, "survey") || is(kind, "staff");
    int activity = is(kind, "activity");
    if (microdata && measure && !is(measure, "proportion") && !is(measure, "mean"))
        IND_ERROR(ctx, "measure '%s' cannot be computed from %s answers (proportion or mean)",
                  measure, kind);
    if (activity && measure && !is(measure, "count") && !is(measure, "rate"))
        IND_ERROR(ctx, "measure '%s' cannot be computed from an activity log (count or rate)",
                  measure);
    if (!activity && !present(row, IND_VARIABLE))
        IND_ERROR(ctx, "missing value for 'variable' (the %s's question or published measure)",
                  kind);
    if (activity && present(row, IND_VARIABLE))
        IND_ERROR(ctx, "'variable' is not used by activity indicators (use event_type)");
    if (!microdata && (present(row, IND_POSITIVE) || present(row, IND_VALID)))
        IND_ERROR(ctx, "answer codes are only used by survey and staff indicators");
    if (!activity && (present(row, IND_EVENT_TYPE) || present(row, IND_RULE)))
        IND_ERROR(ctx, "event_type and counting_rule are only used by activity indicators");

    if (microdata) {
        const char *positive = value(row, IND_POSITIVE);
        const char *valid = value(row, IND_VALID);
        char code[64];
        double lo, hi;
        if (!present(row, IND_VALID))
            IND_ERROR(ctx, "missing value for 'valid_codes'");
        if (is(measure, "proportion") && !present(row, IND_POSITIVE))
            IND_ERROR(ctx, "missing value for 'positive_codes'");
        if (is(measure, "mean") && present(row, IND_POSITIVE))
            IND_ERROR(ctx, "positive_codes are not used by a mean");
        if (positive && valid && first_missing_code(positive, valid, code, sizeof code))
            IND_ERROR(ctx, "positive code '%s' is not among valid_codes '%s'", code, valid);
        if (is(measure, "mean") && valid && !numeric_range(valid, &lo, &hi))
            IND_ERROR(ctx, "valid_codes '%s' of a mean must be numbers", valid);
    }
    if (activity) {
        const char *rule = value(row, IND_RULE);
        if (!present(row, IND_EVENT_TYPE))
            IND_ERROR(ctx, "missing value for 'event_type'");
        if (!present(row, IND_RULE))
            IND_ERROR(ctx, "missing value for 'counting_rule'");
        int share = is(rule, "share_on_time") || is(rule, "share_delivered");
        if (rule && measure && share != is(measure, "rate"))
            IND_ERROR(ctx, "counting_rule '%s' gives a %s, not a %s", rule,
                      share ? "rate" : "count", measure);
        if (share && !is(value(row, IND_UNIT), "%"))
            IND_ERROR(ctx, "counting_rule '%s' gives a share: its unit must be '%%'", rule);
    }
}

/* Baseline and target: complete pairs, in range, in order, and the target on
 * the better side of the baseline for the direction. */
static void check_values(const ind_ctx *ctx, const char *measure)
{
    const jarva__cat_row *row = ctx->row;
    int percent = jarva__cat_is_percent(measure, value(row, IND_UNIT));
    static const struct {
        const char *name;
        int year, value;
    } points[] = { { "baseline", IND_BASE_YEAR, IND_BASE_VALUE },
                   { "target", IND_TARGET_YEAR, IND_TARGET_VALUE } };
    int usable[2] = { 0, 0 };
    for (int p = 0; p < 2; p++) {
        const jarva__cat_cell *year = cell(row, points[p].year);
        const jarva__cat_cell *number = cell(row, points[p].value);
        if (!year->text != !number->text) {
            IND_ERROR(ctx, "%s needs both %s_year and %s_value", points[p].name, points[p].name,
                      points[p].name);
            continue;
        }
        if (!number->text || year->invalid || number->invalid)
            continue;
        double lo, hi;
        const char *valid = value(row, IND_VALID);
        if (percent && (number->number < 0 || number->number > 100))
            IND_ERROR(ctx, "%s_value %s is outside 0-100 (shares are written in percent)",
                      points[p].name, number->text);
        else if (is(measure, "count") && number->number < 0)
            IND_ERROR(ctx, "%s_value %s of a count is negative", points[p].name, number->text);
        else if (is(measure, "mean") && valid && numeric_range(valid, &lo, &hi) &&
                 (number->number < lo || number->number > hi))
            IND_ERROR(ctx, "%s_value %s is outside the scale of valid_codes '%s'", points[p].name,
                      number->text, valid);
        else
            usable[p] = 1; /* in range: worth comparing with the other */
    }
    /* A target is decided (and then says by what decision) or proposed; a
     * kind or decision without a target is a mistake. */
    const char *kind = value(row, IND_TARGET_KIND);
    if (!present(row, IND_TARGET_VALUE) && (kind || present(row, IND_TARGET_DECISION)))
        IND_ERROR(ctx, "target_kind or target_decision without a target");
    else if (is(kind, "decided") && !present(row, IND_TARGET_DECISION))
        IND_ERROR(ctx, "a decided target needs the decision in 'target_decision'");
    else if (is(kind, "proposed") && present(row, IND_TARGET_DECISION))
        IND_ERROR(ctx, "a proposed target has no 'target_decision' (or is it decided?)");
    if (!usable[0] || !usable[1])
        return;
    const jarva__cat_cell *base = cell(row, IND_BASE_VALUE), *target = cell(row, IND_TARGET_VALUE);
    if (cell(row, IND_TARGET_YEAR)->number < cell(row, IND_BASE_YEAR)->number)
        IND_ERROR(ctx, "target_year %s is before baseline_year %s",
                  cell(row, IND_TARGET_YEAR)->text, cell(row, IND_BASE_YEAR)->text);
    const char *direction = value(row, IND_DIRECTION);
    if (is(direction, "higher") && target->number < base->number)
        IND_ERROR(ctx, "target %s is below the baseline %s, but higher is better", target->text,
                  base->text);
    if (is(direction, "lower") && target->number > base->number)
        IND_ERROR(ctx, "target %s is above the baseline %s, but lower is better", target->text,
                  base->text);
}

static void check_indicators(jarva__catalog *cat)
{
    const jarva__cat_table *t = &cat->tables[CAT_INDICATORS];
    const jarva__cat_table *goals = &cat->tables[CAT_GOALS];
    check_reference(cat, CAT_INDICATORS, IND_GOAL, CAT_GOALS, "goal");
    for (size_t r = 0; r < t->nrows; r++) {
        ind_ctx ctx = { cat, t->path, t->rows[r].line, &t->rows[r] };
        const char *id = value(ctx.row, IND_ID);
        long goal = jarva__cat_find(goals, GOAL_ID, id);
        /* `jarva show ID` takes either: the two kinds of id must not meet. */
        if (goal >= 0)
            IND_ERROR(&ctx, "indicator id '%s' is already a goal's (%s:%ld)", id, goals->path,
                      goals->rows[goal].line);
        const char *kind = value(ctx.row, IND_SOURCE_KIND);
        const char *measure = value(ctx.row, IND_MEASURE);
        if (kind)
            check_source(&ctx, kind, measure);
        check_values(&ctx, measure);
    }
}

/* The plan's two status thresholds: 0 < off_track < on_track < 1. */
static void check_plan_probabilities(jarva__catalog *cat)
{
    const jarva__cat_table *t = &cat->tables[CAT_PLAN];
    for (size_t r = 0; r < t->nrows; r++) {
        const jarva__cat_cell *on = &t->rows[r].cells[PLAN_ON_TRACK];
        const jarva__cat_cell *off = &t->rows[r].cells[PLAN_OFF_TRACK];
        double on_value = on->text ? on->number : 0.75, off_value = off->text ? off->number : 0.25;
        if (on->invalid || off->invalid)
            continue;
        if (!(off_value > 0 && off_value < on_value && on_value < 1))
            jarva__cat_error(&cat->errors, t->path, t->rows[r].line,
                             "off_track_probability %g and on_track_probability %g must satisfy "
                             "0 < off < on < 1",
                             off_value, on_value);
    }
}

/* The plan's adoption date, when given: an ISO 8601 date (YYYY-MM-DD) that
 * exists, not after the plan's year (a plan for 2025 adopted in 2026 is a
 * typo). "2025-02-30" and "igår" were loaded before. */
static void check_plan_adopted(jarva__catalog *cat)
{
    const jarva__cat_table *t = &cat->tables[CAT_PLAN];
    for (size_t r = 0; r < t->nrows; r++) {
        const char *adopted = value(&t->rows[r], PLAN_ADOPTED);
        if (!adopted)
            continue;
        char iso[11];
        int year = 0;
        if (strlen(adopted) != 10 || jarva__parse_date(adopted, iso, &year) ||
            strcmp(iso, adopted) != 0) {
            jarva__cat_error(&cat->errors, t->path, t->rows[r].line,
                             "adopted '%s' is not a date written YYYY-MM-DD", adopted);
            continue;
        }
        const jarva__cat_cell *plan_year = cell(&t->rows[r], PLAN_YEAR);
        if (plan_year && plan_year->text && !plan_year->invalid && year > plan_year->number)
            jarva__cat_error(&cat->errors, t->path, t->rows[r].line,
                             "adopted %s is after the plan's year %.0f", adopted,
                             plan_year->number);
    }
}

void jarva__catalog_check(jarva__catalog *cat)
{
    const jarva__cat_table *plan = &cat->tables[CAT_PLAN];
    if (plan->complete && plan->nrows == 0)
        jarva__cat_error(&cat->errors, plan->path, 0, "no plan version (one row per plan year)");
    check_unique(cat, CAT_PLAN, PLAN_YEAR, "plan year", 0);
    check_plan_probabilities(cat);
    check_plan_adopted(cat);
    check_unique(cat, CAT_ORGANISATIONS, ORG_ID, "id", 0);
    check_unique(cat, CAT_PRIORITY_AREAS, PRIO_ID, "id", 0);
    check_unique(cat, CAT_AUDIENCES, AUD_ID, "id", 0);
    check_unique(cat, CAT_GOALS, GOAL_ID, "id", 0);
    check_unique(cat, CAT_PRINCIPLES, PRIN_ID, "id", 0);
    check_unique(cat, CAT_AREAS, AREA_ID, "id", 0);
    check_unique(cat, CAT_ALIASES, ALIAS_ALIAS, "alias", 1);
    check_unique(cat, CAT_INDICATORS, IND_ID, "id", 0);
    check_unique(cat, CAT_SOURCES, SRC_ID, "id", 0);
    check_goals(cat);
    check_area_parents(cat);
    check_area_names(cat);
    check_indicators(cat);
}
