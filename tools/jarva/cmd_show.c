/* cmd_show.c: `jarva show ID`: every field of one goal or indicator; as a
 * field/value list on a terminal, as one row in csv and json. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct show_args {
    const char *id;
} show_args;

static const cli_opt show_opts[] = {
    CLI_ARG("ID", show_args, id, CLI_OPT_REQUIRED,
            "a goal or indicator id, from `jarva goals` or `jarva indicators`"),
    CLI_END
};

#define MAX_FIELDS 32

/* Field names and values of one item; values are copied into buffers. */
typedef struct fields {
    const char *names[MAX_FIELDS];
    const char *values[MAX_FIELDS];
    int numeric[MAX_FIELDS]; /* FIELD_NUMBER: unquoted in json; FIELD_LIST: an array */
    char buffers[MAX_FIELDS][64];
    int n;
} fields;

enum { FIELD_TEXT = 0, FIELD_NUMBER = 1, FIELD_LIST = 2 };

static void add(fields *f, const char *name, const char *value)
{
    if (f->n < MAX_FIELDS) {
        f->names[f->n] = name;
        f->values[f->n] = value;
        f->n++;
    }
}

/* Adds a formatted number; empty when has is 0. */
static void add_number(fields *f, const char *name, int has, double value)
{
    if (f->n >= MAX_FIELDS)
        return;
    char *buffer = f->buffers[f->n];
    buffer[0] = '\0';
    if (has)
        snprintf(buffer, sizeof f->buffers[0], "%.12g", value);
    f->numeric[f->n] = FIELD_NUMBER;
    add(f, name, buffer);
}

/* Adds a comma-separated list ("1,2"), a JSON array in json. */
static void add_list(fields *f, const char *name, const char *value)
{
    if (f->n < MAX_FIELDS)
        f->numeric[f->n] = FIELD_LIST;
    add(f, name, value);
}

static int print_fields(const fields *f, cli_format format)
{
    cli_table *t;
    if (format == CLI_FORMAT_TABLE) {
        static const char *const headers[] = { "field", "value" };
        t = cli_table_new(2, headers);
        for (int i = 0; t && i < f->n; i++) {
            const char *cells[] = { f->names[i], f->values[i] };
            if (cli_table_add(t, cells) != 0) {
                cli_table_free(t);
                t = NULL;
            }
        }
    } else {
        t = cli_table_new(f->n, f->names);
        for (int i = 0; t && i < f->n; i++)
            if (f->numeric[i] == FIELD_NUMBER)
                cli_table_numeric(t, i);
            else if (f->numeric[i] == FIELD_LIST)
                cli_table_list(t, i);
        if (t && cli_table_add(t, f->values) != 0) {
            cli_table_free(t);
            t = NULL;
        }
    }
    if (!t) {
        cli_error("out of memory");
        return CLI_FAIL;
    }
    cli_table_print(t, format, stdout);
    cli_table_free(t);
    return CLI_OK;
}

/* "1 = mycket trygg; 2 = ganska trygg; ... (batch 3, F12a)": the value
 * labels the latest SPSS, Stata or SAS import stored for the question;
 * empty if none did. */
static int code_labels(jarva_db *db, const char *id, char *out, size_t size)
{
    jarva_code_label_list *labels = NULL;
    out[0] = '\0';
    if (jarva_code_labels_open(&labels, db, id) != JARVA_OK)
        return -1;
    size_t used = 0;
    size_t n = jarva_code_label_list_count(labels);
    for (size_t i = 0; i < n && used < size; i++) {
        const jarva_code_label *l = jarva_code_label_list_get(labels, i);
        int w = snprintf(out + used, size - used, "%s%s = %s", i ? "; " : "", l->code, l->label);
        used += w > 0 ? (size_t)w : 0;
    }
    if (n && used < size)
        snprintf(out + used, size - used, " (batch %lld, %s)",
                 (long long)jarva_code_label_list_batch(labels),
                 jarva_code_label_list_column(labels));
    jarva_code_label_list_free(labels);
    return 0;
}

static int show_indicator(jarva_db *db, const jarva_indicator *ind, cli_format format)
{
    fields f = { .n = 0 };
    char breaks[256] = "";
    for (size_t b = 0, used = 0; b < ind->series_break_count && used < sizeof breaks; b++) {
        int w = snprintf(breaks + used, sizeof breaks - used, "%s%d", b ? "," : "",
                         ind->series_breaks[b]);
        used += w > 0 ? (size_t)w : 0;
    }
    /* Shares in percent for people, as proportions 0-1 for programs (the
     * unit field says which). */
    double scale = ind->percent && format == CLI_FORMAT_TABLE ? 100.0 : 1.0;
    add(&f, "id", ind->id);
    add(&f, "type", "indicator");
    add(&f, "goal", ind->goal_id);
    add(&f, "audience", ind->audience_id);
    add(&f, "name_sv", ind->name_sv);
    add(&f, "name_en", ind->name_en);
    add(&f, "source_kind", jarva_import_kind_name(ind->source_kind));
    add(&f, "measure", cli_measure_name(ind->measure));
    add(&f, "source", ind->source);
    add(&f, "variable", ind->variable);
    add_list(&f, "positive_codes", ind->positive_codes);
    add_list(&f, "valid_codes", ind->valid_codes);
    char labels[1024];
    if (code_labels(db, ind->id, labels, sizeof labels) != 0)
        return cli_db_error(db);
    add(&f, "code_labels", labels);
    add(&f, "event_type", ind->event_type);
    add(&f, "counting_rule", ind->counting_rule);
    add(&f, "direction", ind->direction == JARVA_LOWER_IS_BETTER ? "lower" : "higher");
    add_number(&f, "baseline_year", ind->has_baseline, ind->baseline_year);
    add_number(&f, "baseline", ind->has_baseline, ind->baseline_value * scale);
    add_number(&f, "target_year", ind->has_target, ind->target_year);
    add_number(&f, "target", ind->has_target, ind->target_value * scale);
    add(&f, "target_kind", ind->has_target ? jarva_target_kind_name(ind->target_kind) : NULL);
    add(&f, "target_decision", ind->target_decision);
    add(&f, "unit", cli_value_unit(ind, format));
    add_list(&f, "disaggregations", ind->disaggregations);
    add_number(&f, "min_n", 1, ind->min_n);
    add_list(&f, "series_breaks", breaks);
    add(&f, "description_sv", ind->description_sv);
    add(&f, "description_en", ind->description_en);
    return print_fields(&f, format);
}

static int show_goal(jarva_db *db, const jarva_goal *g, cli_format format)
{
    jarva_indicator_list *list = NULL;
    if (jarva_indicator_list_open(&list, db, g->id) != JARVA_OK)
        return cli_db_error(db);
    char ids[2048] = "";
    for (size_t i = 0, used = 0; i < jarva_indicator_list_count(list) && used < sizeof ids; i++) {
        int w = snprintf(ids + used, sizeof ids - used, "%s%s", i ? "," : "",
                         jarva_indicator_list_get(list, i)->id);
        used += w > 0 ? (size_t)w : 0;
    }
    fields f = { .n = 0 };
    add(&f, "id", g->id);
    add(&f, "type", "goal");
    add(&f, "kind", g->kind == JARVA_GOAL_OVERALL ? "overall" : "communication");
    add_number(&f, "position", 1, g->position);
    add(&f, "audience", g->audience_id);
    add(&f, "audience_sv", g->audience_sv);
    add(&f, "audience_en", g->audience_en);
    add(&f, "text_sv", g->text_sv);
    add(&f, "text_en", g->text_en);
    add_number(&f, "indicator_count", 1, g->indicator_count);
    add_list(&f, "indicators", ids);
    int rc = print_fields(&f, format);
    jarva_indicator_list_free(list);
    return rc;
}

/* Goal ids and indicator ids never meet (the catalogue loader refuses it), so
 * the order of the two look-ups does not matter. */
static int show(jarva_db *db, const char *id, cli_format format)
{
    jarva_goal_list *goals = NULL;
    if (jarva_goal_list_open(&goals, db) != JARVA_OK)
        return cli_db_error(db);
    for (size_t i = 0; i < jarva_goal_list_count(goals); i++) {
        const jarva_goal *g = jarva_goal_list_get(goals, i);
        if (strcmp(g->id, id) == 0) {
            int rc = show_goal(db, g, format);
            jarva_goal_list_free(goals);
            return rc;
        }
    }
    jarva_goal_list_free(goals);

    jarva_indicator_list *list = NULL;
    int status = jarva_indicator_find(&list, db, id);
    if (status == JARVA_ENOTFOUND) {
        cli_error("no goal or indicator '%s'", id);
        return CLI_FAIL;
    }
    if (status != JARVA_OK)
        return cli_db_error(db);
    int rc = show_indicator(db, jarva_indicator_list_get(list, 0), format);
    jarva_indicator_list_free(list);
    return rc;
}

static int run_show(cli_ctx *ctx, int argc, char **argv)
{
    show_args a = { NULL };
    int parsed;
    jarva_db *db = cli_read_command(&cli_cmd_show, ctx, argc, argv, &a, &parsed);
    if (!db)
        return parsed;
    const char *id = a.id;
    jarva_plan plan = JARVA_PLAN_INIT;
    int rc = jarva_plan_get(&plan, db) == JARVA_OK ? show(db, id, ctx->format) : cli_db_error(db);
    jarva_db_close(db);
    return rc;
}

const cli_command cli_cmd_show = {
    "show", "show one goal or indicator in full", show_opts,
    "Shows every field of the goal or indicator ID: a goal with its audience and\n"
    "the ids of its indicators; an indicator with its source, codes (and their\n"
    "labels, from the latest SPSS, Stata or SAS file imported) or counting rule,\n"
    "baseline, target, breakdowns, disclosure threshold, series breaks and\n"
    "description. In a table shares are in percent; csv and json give them as\n"
    "proportions 0-1 (unit \"proportion\").\n"
    "\n"
    "Exit status: 0 success, 1 no such goal or indicator (or no database),\n"
    "2 usage error.\n",
    run_show
};
