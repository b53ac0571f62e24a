/* import_activity.c: dated activity records from the organisations' logs:
 * press material, dialogue meetings, feedback given to residents, reports
 * delivered between the collaboration's groups, and so on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil_date.h"
#include "import_internal.h"
#include "store_internal.h"

enum {
    A_DATE,
    A_ORGANISATION,
    A_AUDIENCE,
    A_TYPE,
    A_AREA,
    A_COUNT,
    A_REACH,
    A_PLANNED,
    A_DELIVERED,
    A_DESCRIPTION,
    A_NCOLS
};

static const char *const names_date[] = { "date", "datum", NULL };
static const char *const names_org[] = { "organisation", "organisation_id", "org", "organization",
                                         "aktör",        "aktor",           NULL };
static const char *const names_audience[] = { "audience", "målgrupp", "malgrupp", NULL };
static const char *const names_type[] = { "type", "activity",  "activity_type",
                                          "typ",  "aktivitet", NULL };
static const char *const names_area[] = { "area", "område", "omrade", NULL };
static const char *const names_count[] = { "count", "antal", NULL };
static const char *const names_reach[] = { "reach", "räckvidd", "rackvidd", NULL };
static const char *const names_planned[] = { "planned", "planned_date", "planerat", "planerad",
                                             NULL };
static const char *const names_delivered[] = { "delivered", "delivered_date", "levererat",
                                               "levererad", NULL };
static const char *const names_description[] = { "description", "beskrivning", "note", "anmärkning",
                                                 "source",      "källa",       NULL };
static const char *const *const column_names[A_NCOLS] = {
    names_date,  names_org,   names_audience, names_type,      names_area,
    names_count, names_reach, names_planned,  names_delivered, names_description
};

/* Activity types the plan's communication work produces; the catalogue's
 * indicators count some of them (indicator.event_type). A type outside this
 * list and the catalogue is most likely a typo. */
static const char *const known_types[] = { "press_material",
                                           "media_mention",
                                           "dialogue_meeting",
                                           "feedback_given",
                                           "proposal_received",
                                           "report_delivered",
                                           "information_material",
                                           "partner_forum",
                                           "social_media_post",
                                           "staff_information",
                                           "training",
                                           "joint_event",
                                           "listed_area",
                                           "walk_and_talk",
                                           "newsletter",
                                           NULL };

typedef struct activity_state {
    jarva__import *imp;
    int col[A_NCOLS];
    jarva__lookup *areas, *organisations, *audiences, *types;
    jarva__activity_writer *writer;
} activity_state;

static const char *cell(const jarva__csv_row *row, int col)
{
    return col >= 0 && (size_t)col < row->nfields ? row->fields[col] : NULL;
}

static int is_blank(const char *v)
{
    return !v || !*v;
}

/* Activity types as a lookup: the catalogue's event types plus the built-in list. */
static int load_types(activity_state *a)
{
    int rc = jarva__lookup_activity_types(a->imp->db, &a->types);
    for (int i = 0; rc == JARVA_OK && known_types[i]; i++)
        if (jarva__lookup_add(a->types, known_types[i], known_types[i], known_types[i]))
            rc = jarva__seterr(jarva__db_err(a->imp->db), JARVA_ENOMEM, "out of memory");
    return rc;
}

static const char *resolve(activity_state *a, jarva__lookup *l, const jarva__csv_row *row, int col,
                           const char *what)
{
    const char *v = cell(row, col);
    if (is_blank(v))
        return NULL;
    const char *id = jarva__lookup_find(l, v);
    if (!id) {
        const char *hint = jarva__lookup_suggest(l, v);
        jarva__import_error(&a->imp->errors, a->imp->reader, row->line, col,
                            "unknown %s '%s'%s%s%s", what, v, hint ? " (did you mean '" : "",
                            hint ? hint : "", hint ? "'?)" : "");
    }
    return id;
}

static long whole_number(activity_state *a, const jarva__csv_row *row, int col, long fallback)
{
    const char *v = cell(row, col);
    if (is_blank(v))
        return fallback;
    double d;
    if (jarva__parse_double(v, jarva__source_decimal(a->imp->reader), &d) || d < 0 ||
        d != (double)(long)d || d > 1e12) {
        char hint[JARVA__DECIMAL_HINT_SIZE];
        jarva__import_decimal_hint(a->imp, v, hint);
        jarva__import_error(&a->imp->errors, a->imp->reader, row->line, col,
                            "'%s' is not a whole number of zero or more%s", v, hint);
        return fallback;
    }
    return (long)d;
}

static int optional_date(activity_state *a, const jarva__csv_row *row, int col, char iso[11])
{
    const char *v = cell(row, col);
    iso[0] = '\0';
    if (is_blank(v))
        return 0;
    if (jarva__parse_date(v, iso, NULL)) {
        jarva__import_error(&a->imp->errors, a->imp->reader, row->line, col,
                            "'%s' is not a date (2025-03-01, 1/3/2025 or 1 mars 2025)", v);
        iso[0] = '\0';
    }
    return 0;
}

/* Days since 1970-01-01 of an ISO date jarva__parse_date wrote. */
static long days_of(const char iso[11])
{
    long y = strtol(iso, NULL, 10), m = strtol(iso + 5, NULL, 10), d = strtol(iso + 8, NULL, 10);
    return (long)jarva__days_from_civil(y, (unsigned)m, (unsigned)d);
}

/* A delivery cannot come before the activity it delivers: feedback before
 * the dialogue it answers (a delivered 1999 for a 2019 dialogue is a typo).
 * Something due (a planned date) may be delivered early, but not more than a
 * year before it was due: the year of such a row is still the typo kind. */
static void check_delivered(activity_state *a, const jarva__csv_row *row, const char *date,
                            const char *planned, const char *delivered)
{
    if (!*date || !*delivered)
        return;
    long d = days_of(delivered);
    if (!*planned) {
        if (d < days_of(date))
            jarva__import_error(&a->imp->errors, a->imp->reader, row->line, a->col[A_DELIVERED],
                                "delivered %s is before the activity's own date %s", delivered,
                                date);
        return;
    }
    long earliest = days_of(planned) - 365;
    if (days_of(date) < earliest)
        earliest = days_of(date);
    if (d < earliest)
        jarva__import_error(&a->imp->errors, a->imp->reader, row->line, a->col[A_DELIVERED],
                            "delivered %s is more than a year before it was due (planned %s) "
                            "and before the activity's own date %s",
                            delivered, planned, date);
}

static int import_row(void *ctx, const jarva__csv_row *row)
{
    activity_state *a = ctx;
    jarva__import *imp = a->imp;
    jarva__import_errors *errors = &imp->errors;
    imp->rows++;
    char date[11] = "", planned[11], delivered[11];
    int year = 0;
    const char *date_text = cell(row, a->col[A_DATE]);
    if (is_blank(date_text) || jarva__parse_date(date_text, date, &year)) {
        jarva__import_error(errors, imp->reader, row->line, a->col[A_DATE],
                            "'%s' is not a date (2025-03-01, 1/3/2025 or 1 mars 2025)",
                            date_text ? date_text : "");
        date[0] = '\0';
    }
    const char *type = cell(row, a->col[A_TYPE]);
    const char *type_id = NULL;
    if (is_blank(type))
        jarva__import_error(errors, imp->reader, row->line, a->col[A_TYPE], "empty activity type");
    else
        type_id = resolve(a, a->types, row, a->col[A_TYPE], "activity type");
    const char *org = resolve(a, a->organisations, row, a->col[A_ORGANISATION], "organisation");
    const char *audience = resolve(a, a->audiences, row, a->col[A_AUDIENCE], "audience");
    const char *area = resolve(a, a->areas, row, a->col[A_AREA], "area");
    long count = whole_number(a, row, a->col[A_COUNT], 1);
    long reach = whole_number(a, row, a->col[A_REACH], -1);
    optional_date(a, row, a->col[A_PLANNED], planned);
    optional_date(a, row, a->col[A_DELIVERED], delivered);
    check_delivered(a, row, date, planned, delivered);
    if (errors->count)
        return JARVA_OK;

    const char *description = cell(row, a->col[A_DESCRIPTION]);
    const jarva__activity_row stored = { .row_no = row->line,
                                         .date = date,
                                         .year = year,
                                         .organisation_id = org,
                                         .audience_id = audience,
                                         .type = type_id,
                                         .area_id = area,
                                         .count = count,
                                         .reach = reach,
                                         .planned_date = planned,
                                         .delivered_date = delivered,
                                         .description = description };
    return jarva__activity_writer_put(a->writer, &stored);
}

static void check_header(activity_state *a)
{
    jarva__import *imp = a->imp;
    for (int c = 0; c < A_NCOLS; c++)
        a->col[c] = jarva__find_column(imp->reader, column_names[c]);
    const jarva__csv_row *header = jarva__source_header(imp->reader);
    for (size_t h = 0; header && h < header->nfields; h++) {
        int known = 0;
        for (int c = 0; c < A_NCOLS; c++)
            known |= a->col[c] == (int)h;
        if (!known)
            jarva__import_error(&imp->errors, imp->reader, 1, (int)h,
                                "unknown column (an activity log has date, organisation, "
                                "audience, type, area, count, reach, planned, delivered, "
                                "description)");
    }
    if (a->col[A_DATE] < 0)
        jarva__import_error(&imp->errors, imp->reader, 1, -1, "missing column 'date'");
    if (a->col[A_TYPE] < 0)
        jarva__import_error(&imp->errors, imp->reader, 1, -1, "missing column 'type'");
}

int jarva__import_activities(jarva__import *imp)
{
    activity_state a;
    memset(&a, 0, sizeof a);
    a.imp = imp;
    int rc = jarva__lookup_areas(imp->db, &a.areas);
    if (!rc)
        rc = jarva__lookup_organisations(imp->db, &a.organisations);
    if (!rc)
        rc = jarva__lookup_audiences(imp->db, &a.audiences);
    if (!rc)
        rc = load_types(&a);
    if (!rc)
        check_header(&a);
    if (!rc)
        rc = jarva__activity_writer_open(&a.writer, imp->db, imp->batch_id);
    if (!rc)
        rc = jarva__import_each_row(imp, import_row, &a);
    if (!rc && imp->rows == 0 && imp->errors.count == 0)
        jarva__import_error(&imp->errors, imp->reader, 1, -1, "no activities in the file");
    jarva__activity_writer_free(a.writer);
    jarva__lookup_free(a.areas);
    jarva__lookup_free(a.organisations);
    jarva__lookup_free(a.audiences);
    jarva__lookup_free(a.types);
    return rc;
}
