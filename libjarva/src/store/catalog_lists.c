/* catalog_lists.c: reading the catalogue back from the database: the plan
 * version and lists of goals, indicators, organisations, priority areas,
 * audiences, principles and areas, each a self-contained copy that stays valid
 * until freed. */
#include <stdlib.h>
#include <string.h>

#include "store_db.h"
#include "catalog_internal.h"

/* The common part of every list: items of one size, and every allocation the
 * items point into. */
typedef struct cat_list {
    unsigned char *items;
    size_t count, cap, item_size;
    jarva__owned owned;
    int nomem;
} cat_list;

static void *own(cat_list *l, void *p)
{
    void *kept = jarva__owned_keep(&l->owned, p);
    if (!kept)
        l->nomem = 1;
    return kept;
}

/* A copy of column col, or NULL when it is NULL. */
static const char *text(cat_list *l, sqlite3_stmt *stmt, int col)
{
    const unsigned char *t = sqlite3_column_text(stmt, col);
    return t ? own(l, jarva__strdup((const char *)t)) : NULL;
}

static void *push(cat_list *l)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        unsigned char *grown = realloc(l->items, cap * l->item_size);
        if (!grown) {
            l->nomem = 1;
            return NULL;
        }
        l->items = grown;
        l->cap = cap;
    }
    void *item = l->items + l->count++ * l->item_size;
    memset(item, 0, l->item_size);
    return item;
}

static void list_clear(cat_list *l)
{
    jarva__owned_free(&l->owned);
    free(l->items);
}

typedef void (*fill_item)(cat_list *l, void *item, sqlite3_stmt *stmt);

/* Runs sql (with ?1 bound to arg when arg is not NULL) and fills one item per
 * row. */
static int query(jarva_db *db, cat_list *l, const char *sql, const char *arg, fill_item fill)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the catalogue");
    if (arg)
        sqlite3_bind_text(stmt, 1, arg, -1, SQLITE_TRANSIENT);
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW && !l->nomem) {
        void *item = push(l);
        if (item)
            fill(l, item, stmt);
    }
    sqlite3_finalize(stmt);
    if (l->nomem)
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    if (step != SQLITE_DONE && step != SQLITE_ROW)
        return jarva__sqlerr(db, "reading the catalogue");
    return JARVA_OK;
}

static int word(const char *value, const char *const *words, int fallback)
{
    for (int i = 0; value && words[i]; i++)
        if (strcmp(value, words[i]) == 0)
            return i;
    return fallback;
}

/* Defines struct NAME { cat_list base; } and NAME_count / _get / _free, and a
 * helper NAME_new that runs a query into a new list. */
#define LIST_TYPE(name, item_type)                                                                 \
    struct name {                                                                                  \
        cat_list base;                                                                             \
    };                                                                                             \
    size_t name##_count(const struct name *list)                                                   \
    {                                                                                              \
        return list ? list->base.count : 0;                                                        \
    }                                                                                              \
    const item_type *name##_get(const struct name *list, size_t i)                                 \
    {                                                                                              \
        if (!list || i >= list->base.count)                                                        \
            return NULL;                                                                           \
        return (const item_type *)(const void *)(list->base.items + i * sizeof(item_type));        \
    }                                                                                              \
    void name##_free(struct name *list)                                                            \
    {                                                                                              \
        if (!list)                                                                                 \
            return;                                                                                \
        list_clear(&list->base);                                                                   \
        free(list);                                                                                \
    }                                                                                              \
    static int name##_new(jarva_db *db, struct name **out, const char *sql, const char *arg,       \
                          fill_item fill)                                                          \
    {                                                                                              \
        if (!out)                                                                                  \
            return db ? jarva__seterr(&db->err, JARVA_EINVAL, "no list to fill") : JARVA_EINVAL;   \
        *out = NULL;                                                                               \
        if (!db)                                                                                   \
            return JARVA_EINVAL;                                                                   \
        struct name *list = calloc(1, sizeof *list);                                               \
        if (!list)                                                                                 \
            return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");                         \
        list->base.item_size = sizeof(item_type);                                                  \
        int rc = query(db, &list->base, sql, arg, fill);                                           \
        if (rc) {                                                                                  \
            name##_free(list);                                                                     \
            return rc;                                                                             \
        }                                                                                          \
        *out = list;                                                                               \
        return JARVA_OK;                                                                           \
    }

LIST_TYPE(jarva_goal_list, jarva_goal)
LIST_TYPE(jarva_indicator_list, jarva_indicator)
LIST_TYPE(jarva_organisation_list, jarva_organisation)
LIST_TYPE(jarva_priority_area_list, jarva_priority_area)
LIST_TYPE(jarva_audience_list, jarva_audience)
LIST_TYPE(jarva_principle_list, jarva_principle)
LIST_TYPE(jarva_area_list, jarva_area)
LIST_TYPE(jarva_source_info_list, jarva_source_info)

/* ---- plan --------------------------------------------------------------- */

int jarva_plan_contact(char **contact, jarva_db *db, const char *lang)
{
    if (db)
        jarva__clearerr(&db->err);
    if (!db || !contact)
        return JARVA_EINVAL;
    *contact = NULL;
    int en = lang && !strcmp(lang, "en");
    if (lang && !en && strcmp(lang, "sv") != 0)
        return jarva__seterr(&db->err, JARVA_EINVAL, "language \"%s\" is not sv or en", lang);
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           en ? "SELECT coalesce(nullif(contact_en, ''), nullif(contact_sv, ''))"
                                " FROM plan_version ORDER BY year DESC LIMIT 1"
                              : "SELECT nullif(contact_sv, '') FROM plan_version"
                                " ORDER BY year DESC LIMIT 1",
                           -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the plan's contact");
    int step = sqlite3_step(stmt);
    int rc = JARVA_OK;
    if (step == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(stmt, 0);
        if (text && !(*contact = jarva__strdup(text)))
            rc = jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    } else if (step == SQLITE_DONE)
        rc = jarva__seterr(&db->err, JARVA_ENOTFOUND, "%s: no catalogue loaded (load one first)",
                           db->path);
    else
        rc = jarva__sqlerr(db, "reading the plan's contact");
    sqlite3_finalize(stmt);
    return rc;
}

int jarva_plan_get(jarva_plan *out, jarva_db *db)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(&db->err);
    if (!db || !out)
        return JARVA_EINVAL;
    if (out->version != JARVA_PLAN_VERSION)
        return jarva__seterr(&db->err, JARVA_EINVAL,
                             "jarva_plan_get: plan version %u, this libjarva knows %d (initialise "
                             "it from JARVA_PLAN_INIT)",
                             out->version, JARVA_PLAN_VERSION);
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT year, title_sv, title_en, coalesce(on_track_probability, 0.75),"
                           " coalesce(off_track_probability, 0.25) FROM plan_version"
                           " ORDER BY year DESC LIMIT 1",
                           -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the plan version");
    int step = sqlite3_step(stmt);
    if (step != SQLITE_ROW) {
        sqlite3_finalize(stmt);
        if (step != SQLITE_DONE)
            return jarva__sqlerr(db, "reading the plan version");
        return jarva__seterr(&db->err, JARVA_ENOTFOUND, "%s: no catalogue loaded (load one first)",
                             db->path);
    }
    char *title_sv = jarva__strdup((const char *)sqlite3_column_text(stmt, 1));
    char *title_en = jarva__strdup((const char *)sqlite3_column_text(stmt, 2));
    int year = sqlite3_column_int(stmt, 0);
    out->on_track_probability = sqlite3_column_double(stmt, 3);
    out->off_track_probability = sqlite3_column_double(stmt, 4);
    sqlite3_finalize(stmt);
    if (!title_sv || !title_en) {
        free(title_sv);
        free(title_en);
        return jarva__seterr(&db->err, JARVA_ENOMEM, "out of memory");
    }
    free(db->plan_title_sv);
    free(db->plan_title_en);
    db->plan_title_sv = title_sv;
    db->plan_title_en = title_en;
    out->year = year;
    out->title_sv = title_sv;
    out->title_en = title_en;
    return JARVA_OK;
}

/* ---- goals -------------------------------------------------------------- */

/* Overall goals first, then the communication goals by audience. */
#define GOAL_ORDER " ORDER BY g.kind = 'communication', a.position, g.position, g.id"

static void fill_goal(cat_list *l, void *item, sqlite3_stmt *stmt)
{
    jarva_goal *g = item;
    g->id = text(l, stmt, 0);
    g->kind = strcmp((const char *)sqlite3_column_text(stmt, 1), "overall") == 0
                  ? JARVA_GOAL_OVERALL
                  : JARVA_GOAL_COMMUNICATION;
    g->position = sqlite3_column_int(stmt, 2);
    g->audience_id = text(l, stmt, 3);
    g->audience_sv = text(l, stmt, 4);
    g->audience_en = text(l, stmt, 5);
    g->text_sv = text(l, stmt, 6);
    g->text_en = text(l, stmt, 7);
    g->indicator_count = sqlite3_column_int(stmt, 8);
    g->owner_id = text(l, stmt, 9);
}

int jarva_goal_list_open(jarva_goal_list **out, jarva_db *db)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(&db->err);
    return jarva_goal_list_new(
        db, out,
        "SELECT g.id, g.kind, g.position, g.audience_id, a.name_sv, a.name_en, g.text_sv,"
        " g.text_en, (SELECT count(*) FROM indicator i WHERE i.goal_id = g.id), g.owner_id"
        " FROM goal g LEFT JOIN audience a ON a.id = g.audience_id" GOAL_ORDER,
        NULL, fill_goal);
}

/* ---- indicators --------------------------------------------------------- */

static const char *const measures[] = { "proportion", "mean", "count", "rate", NULL };

static int compare_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* "2021,2025" (in any order) into an ascending array. */
static void fill_breaks(cat_list *l, jarva_indicator *ind, const char *years)
{
    size_t n = 0;
    for (const char *p = years; p && *p; p++)
        n += *p == ',';
    if (!years || !*years)
        return;
    int *out = own(l, calloc(n + 1, sizeof *out));
    if (!out)
        return;
    size_t count = 0;
    for (const char *p = years; *p && count <= n;) {
        char *end = NULL;
        long year = strtol(p, &end, 10);
        if (end == p)
            break;
        out[count++] = (int)year;
        p = *end ? end + 1 : end;
    }
    qsort(out, count, sizeof *out, compare_int);
    ind->series_breaks = out;
    ind->series_break_count = count;
}

static void fill_indicator(cat_list *l, void *item, sqlite3_stmt *stmt)
{
    jarva_indicator *ind = item;
    ind->id = text(l, stmt, 0);
    ind->goal_id = text(l, stmt, 1);
    ind->audience_id = text(l, stmt, 2);
    ind->name_sv = text(l, stmt, 3);
    ind->name_en = text(l, stmt, 4);
    ind->source_kind = JARVA_IMPORT_SURVEY; /* the catalogue check allows no other names */
    jarva__import_kind_parse((const char *)sqlite3_column_text(stmt, 5), &ind->source_kind);
    ind->measure = (jarva_measure)word((const char *)sqlite3_column_text(stmt, 6), measures, 0);
    ind->source = text(l, stmt, 7);
    ind->variable = text(l, stmt, 8);
    ind->positive_codes = text(l, stmt, 9);
    ind->valid_codes = text(l, stmt, 10);
    ind->event_type = text(l, stmt, 11);
    ind->counting_rule = text(l, stmt, 12);
    const char *direction = (const char *)sqlite3_column_text(stmt, 13);
    ind->direction = direction && strcmp(direction, "lower") == 0 ? JARVA_LOWER_IS_BETTER
                                                                  : JARVA_HIGHER_IS_BETTER;
    ind->has_baseline = sqlite3_column_type(stmt, 15) != SQLITE_NULL;
    ind->baseline_year = sqlite3_column_int(stmt, 14);
    ind->baseline_value = sqlite3_column_double(stmt, 15);
    ind->has_target = sqlite3_column_type(stmt, 17) != SQLITE_NULL;
    ind->target_year = sqlite3_column_int(stmt, 16);
    ind->target_value = sqlite3_column_double(stmt, 17);
    ind->unit = text(l, stmt, 18);
    ind->percent = jarva__cat_is_percent((const char *)sqlite3_column_text(stmt, 6), ind->unit);
    ind->disaggregations = text(l, stmt, 19);
    ind->min_n = sqlite3_column_int(stmt, 20);
    ind->description_sv = text(l, stmt, 21);
    ind->description_en = text(l, stmt, 22);
    fill_breaks(l, ind, (const char *)sqlite3_column_text(stmt, 23));
    const char *kind = (const char *)sqlite3_column_text(stmt, 24);
    ind->target_kind =
        kind && !strcmp(kind, "decided") ? JARVA_TARGET_DECIDED : JARVA_TARGET_PROPOSED;
    ind->target_decision = text(l, stmt, 25);
    ind->question_sv = text(l, stmt, 26);
    ind->question_en = text(l, stmt, 27);
    ind->scale_sv = text(l, stmt, 28);
    ind->scale_en = text(l, stmt, 29);
}

#define INDICATOR_SELECT                                                                           \
    "SELECT i.id, i.goal_id, g.audience_id, i.name_sv, i.name_en, i.source_kind, i.measure,"       \
    " i.source, i.variable, i.positive_codes, i.valid_codes, i.event_type, i.counting_rule,"       \
    " i.direction, i.baseline_year, i.baseline_value, i.target_year, i.target_value, i.unit,"      \
    " i.disaggregations, i.min_n, i.description_sv, i.description_en,"                             \
    " (SELECT group_concat(b.year) FROM indicator_series_break b WHERE b.indicator_id = i.id),"    \
    " i.target_kind, i.target_decision, i.question_sv, i.question_en, i.scale_sv, i.scale_en"      \
    " FROM indicator i JOIN goal g ON g.id = i.goal_id"                                            \
    " LEFT JOIN audience a ON a.id = g.audience_id"
#define INDICATOR_ORDER " ORDER BY g.kind = 'communication', a.position, g.position, i.position"

static int exists(jarva_db *db, const char *sql, const char *id, int *found)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &stmt, NULL) != SQLITE_OK)
        return jarva__sqlerr(db, "reading the catalogue");
    sqlite3_bind_text(stmt, 1, id, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return jarva__sqlerr(db, "reading the catalogue");
    *found = step == SQLITE_ROW;
    return JARVA_OK;
}

int jarva_indicator_list_open(jarva_indicator_list **out, jarva_db *db, const char *goal_id)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(&db->err);
    if (out)
        *out = NULL;
    if (goal_id && db && out) {
        int found = 0;
        int rc = exists(db, "SELECT 1 FROM goal WHERE id = ?1", goal_id, &found);
        if (rc)
            return rc;
        if (!found)
            return jarva__seterr(&db->err, JARVA_ENOTFOUND, "no goal '%s'", goal_id);
    }
    return jarva_indicator_list_new(db, out,
                                    goal_id ? INDICATOR_SELECT
                                        " WHERE i.goal_id = ?1" INDICATOR_ORDER
                                            : INDICATOR_SELECT INDICATOR_ORDER,
                                    goal_id, fill_indicator);
}

int jarva_indicator_find(jarva_indicator_list **out, jarva_db *db, const char *id)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(&db->err);
    if (!id) {
        if (out)
            *out = NULL;
        return db ? jarva__seterr(&db->err, JARVA_EINVAL, "no indicator id given") : JARVA_EINVAL;
    }
    int rc =
        jarva_indicator_list_new(db, out, INDICATOR_SELECT " WHERE i.id = ?1", id, fill_indicator);
    if (rc == JARVA_OK && (*out)->base.count == 0) {
        jarva_indicator_list_free(*out);
        *out = NULL;
        return jarva__seterr(&db->err, JARVA_ENOTFOUND, "no indicator '%s'", id);
    }
    return rc;
}

/* ---- organisations, priority areas, audiences, principles --------------- */

static void fill_organisation(cat_list *l, void *item, sqlite3_stmt *stmt)
{
    jarva_organisation *o = item;
    o->id = text(l, stmt, 0);
    o->position = sqlite3_column_int(stmt, 1);
    o->name_sv = text(l, stmt, 2);
    o->name_en = text(l, stmt, 3);
    const char *role = (const char *)sqlite3_column_text(stmt, 4);
    o->role = role && strcmp(role, "signatory") == 0 ? JARVA_ORG_SIGNATORY : JARVA_ORG_PARTICIPANT;
}

int jarva_organisation_list_open(jarva_organisation_list **out, jarva_db *db)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(&db->err);
    return jarva_organisation_list_new(
        db, out,
        "SELECT id, position, name_sv, name_en, role FROM organisation ORDER BY position, id", NULL,
        fill_organisation);
}

static void fill_priority_area(cat_list *l, void *item, sqlite3_stmt *stmt)
{
    jarva_priority_area *p = item;
    p->id = text(l, stmt, 0);
    p->position = sqlite3_column_int(stmt, 1);
    p->name_sv = text(l, stmt, 2);
    p->name_en = text(l, stmt, 3);
}

int jarva_priority_area_list_open(jarva_priority_area_list **out, jarva_db *db)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(&db->err);
    return jarva_priority_area_list_new(
        db, out, "SELECT id, position, name_sv, name_en FROM priority_area ORDER BY position, id",
        NULL, fill_priority_area);
}

static void fill_audience(cat_list *l, void *item, sqlite3_stmt *stmt)
{
    jarva_audience *a = item;
    a->id = text(l, stmt, 0);
    a->position = sqlite3_column_int(stmt, 1);
    a->name_sv = text(l, stmt, 2);
    a->name_en = text(l, stmt, 3);
    a->description_sv = text(l, stmt, 4);
    a->description_en = text(l, stmt, 5);
    a->goal_count = sqlite3_column_int(stmt, 6);
}

int jarva_audience_list_open(jarva_audience_list **out, jarva_db *db)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(&db->err);
    return jarva_audience_list_new(
        db, out,
        "SELECT a.id, a.position, a.name_sv, a.name_en, a.description_sv, a.description_en,"
        " (SELECT count(*) FROM goal g WHERE g.audience_id = a.id)"
        " FROM audience a ORDER BY a.position, a.id",
        NULL, fill_audience);
}

static void fill_principle(cat_list *l, void *item, sqlite3_stmt *stmt)
{
    jarva_principle *p = item;
    p->id = text(l, stmt, 0);
    p->position = sqlite3_column_int(stmt, 1);
    p->text_sv = text(l, stmt, 2);
    p->text_en = text(l, stmt, 3);
}

int jarva_principle_list_open(jarva_principle_list **out, jarva_db *db)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(&db->err);
    return jarva_principle_list_new(
        db, out, "SELECT id, position, text_sv, text_en FROM principle ORDER BY position, id", NULL,
        fill_principle);
}

/* ---- areas -------------------------------------------------------------- */

static const char *const area_kinds[] = { "whole", "area",   "district", "police_area",
                                          "city",  "region", NULL };

static void fill_area(cat_list *l, void *item, sqlite3_stmt *stmt)
{
    jarva_area *a = item;
    a->id = text(l, stmt, 0);
    a->position = sqlite3_column_int(stmt, 1);
    a->name = text(l, stmt, 2);
    a->kind = (jarva_area_kind)word((const char *)sqlite3_column_text(stmt, 3), area_kinds, 1);
    a->parent_id = text(l, stmt, 4);
    a->in_jarva = sqlite3_column_int(stmt, 5);
    a->name_en = text(l, stmt, 6);
}

#define AREA_SELECT "SELECT id, position, name, kind, parent_id, in_jarva, name_en FROM area"

int jarva_area_list_open(jarva_area_list **out, jarva_db *db)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(&db->err);
    return jarva_area_list_new(db, out, AREA_SELECT " ORDER BY position, id", NULL, fill_area);
}

int jarva_area_find(jarva_area_list **out, jarva_db *db, const char *name)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(&db->err);
    if (out)
        *out = NULL;
    if (!db || !out)
        return JARVA_EINVAL;
    char *id = NULL;
    int rc = jarva__area_resolve(db, name, &id);
    if (rc)
        return rc;
    rc = jarva_area_list_new(db, out, AREA_SELECT " WHERE id = ?1", id, fill_area);
    free(id);
    return rc;
}

const char *jarva_target_kind_name(jarva_target_kind kind)
{
    switch (kind) {
    case JARVA_TARGET_PROPOSED: return "proposed";
    case JARVA_TARGET_DECIDED: return "decided";
    default: return "";
    }
}

/* ---- sources ------------------------------------------------------------ */

static void fill_source_info(cat_list *l, void *item, sqlite3_stmt *stmt)
{
    jarva_source_info *s = item;
    s->id = text(l, stmt, 0);
    s->name_sv = text(l, stmt, 1);
    s->name_en = text(l, stmt, 2);
    s->publisher = text(l, stmt, 3);
    s->simulated = sqlite3_column_int(stmt, 4);
    s->population_sv = text(l, stmt, 5);
    s->population_en = text(l, stmt, 6);
    s->sampling_sv = text(l, stmt, 7);
    s->sampling_en = text(l, stmt, 8);
    s->fieldwork_sv = text(l, stmt, 9);
    s->fieldwork_en = text(l, stmt, 10);
    s->response_rate_sv = text(l, stmt, 11);
    s->response_rate_en = text(l, stmt, 12);
    s->reference = text(l, stmt, 13);
    s->reference_year = sqlite3_column_int(stmt, 14);
    s->url = text(l, stmt, 15);
}

int jarva_source_info_list_open(jarva_source_info_list **out, jarva_db *db)
{
    /* Success leaves jarva_errmsg(db) empty, as db.h promises. */
    if (db)
        jarva__clearerr(&db->err);
    return jarva_source_info_list_new(
        db, out,
        "SELECT id, name_sv, name_en, publisher, simulated, population_sv, population_en,"
        " sampling_sv, sampling_en, fieldwork_sv, fieldwork_en, response_rate_sv,"
        " response_rate_en, reference, reference_year, url FROM source_info ORDER BY position",
        NULL, fill_source_info);
}

const jarva_source_info *jarva_source_info_find(const jarva_source_info_list *list, const char *id)
{
    for (size_t i = 0; id && i < jarva_source_info_list_count(list); i++) {
        const jarva_source_info *s = jarva_source_info_list_get(list, i);
        if (!strcmp(s->id, id))
            return s;
    }
    return NULL;
}
