/* test_disclosure.c: the subtraction attack on every breakdown, as a reader
 * of jarva's outputs would mount it: Järva minus the shown areas, all minus
 * men, a district minus its other areas, and every sum and difference of
 * those (each equation added, subtracted or left out), on n and on n·p. On
 * the example database and on one where an area is suppressed it must
 * recover no suppressed cell; on the same numbers before complementary
 * suppression it recovers the hidden area exactly, so the attack is real.
 * Then the rule itself on a small survey whose counts are known by hand,
 * and survey rows from areas outside Järva (refused, or stored but never
 * counted into Järva when the mapping says covers,comparison). */
#include "harness.h"
#include "test_db_helpers.h"
#include "jarva_internal.h"
#include "report_sample.h"
#include "store_db.h"

#define MAX_CELLS 64
#define MAX_EQS 8

/* What an output shows of one estimate (n and n·p), or that it is hidden. */
typedef struct cell {
    char area[64];
    char domain[96];
    int hidden;
    int secondary;
    double n, np;
} cell;

/* total = sum of cells: members[0] is the total. */
typedef struct equation {
    int members[MAX_CELLS];
    int count;
} equation;

typedef struct breakdown {
    cell cells[MAX_CELLS];
    int ncells;
    equation eqs[MAX_EQS];
    int neqs;
} breakdown;

/* The attack: every combination of the equations with coefficients -1, 0,
 * 1; one that leaves a single hidden cell with a nonzero coefficient gives
 * it away: its n is the combination of the shown n. Returns how many
 * combinations recover a cell; *n_out the last n recovered. */
static int attack(const breakdown *b, double *n_out, double *np_out)
{
    int recovered = 0;
    int combos = 1;
    for (int q = 0; q < b->neqs; q++)
        combos *= 3;
    for (int code = 0; code < combos; code++) {
        double coef[MAX_CELLS] = { 0 };
        int c = code, used = 0;
        for (int q = 0; q < b->neqs; q++, c /= 3) {
            double k = (double)(c % 3) - 1.0; /* -1, 0, 1 */
            used |= k != 0;
            const equation *e = &b->eqs[q];
            for (int m = 0; m < e->count; m++)
                coef[e->members[m]] += m == 0 ? -k : k;
        }
        int hidden = 0, which = -1;
        for (int i = 0; i < b->ncells && used; i++)
            if (b->cells[i].hidden && fabs(coef[i]) > 1e-9) {
                hidden++;
                which = i;
            }
        if (hidden != 1)
            continue;
        double n = 0, np = 0;
        for (int i = 0; i < b->ncells; i++)
            if (!b->cells[i].hidden) {
                n -= coef[i] * b->cells[i].n;
                np -= coef[i] * b->cells[i].np;
            }
        *n_out = n / coef[which];
        *np_out = np / coef[which];
        recovered++;
    }
    return recovered;
}

static int find_cell(const breakdown *b, const char *area, const char *domain)
{
    for (int i = 0; i < b->ncells; i++)
        if (!strcmp(b->cells[i].area, area) && !strcmp(b->cells[i].domain, domain))
            return i;
    return -1;
}

static int in_jarva(jarva_db *db, const char *area)
{
    sqlite3_stmt *st = NULL;
    int in = 0;
    if (sqlite3_prepare_v2(db->sql, "SELECT in_jarva FROM area WHERE id = ?", -1, &st, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_text(st, 1, area, -1, SQLITE_STATIC);
        in = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
    }
    sqlite3_finalize(st);
    return in;
}

static void add_equation(breakdown *b, const char *total, const char *const *parts)
{
    equation e = { { 0 }, 0 };
    int t = find_cell(b, total, "");
    if (t < 0 || b->neqs == MAX_EQS)
        return;
    e.members[e.count++] = t;
    for (const char *const *p = parts; *p; p++) {
        int k = find_cell(b, *p, "");
        if (k < 0)
            return; /* a part not published: no equation for a reader */
        e.members[e.count++] = k;
    }
    b->eqs[b->neqs++] = e;
}

/* The breakdowns of one indicator and year as written by hand from
 * indicators/areas.csv and the survey's breakdowns, independently of
 * compute_disclosure.c. */
static void build_equations(jarva_db *db, breakdown *b, int table)
{
    b->neqs = 0;
    if (table) {
        static const char *const districts[] = { "rinkeby-kista", "spanga-tensta", NULL };
        static const char *const areas[] = { "akalla", "husby",   "kista", "rinkeby",
                                             "tensta", "hjulsta", NULL };
        static const char *const rk_st[] = { "rinkeby-kista", "tensta", "hjulsta", NULL };
        static const char *const areas_st[] = { "akalla",  "husby",         "kista",
                                                "rinkeby", "spanga-tensta", NULL };
        static const char *const rk[] = { "akalla", "husby", "kista", "rinkeby", NULL };
        static const char *const st[] = { "tensta", "hjulsta", NULL };
        add_equation(b, "jarva", districts);
        add_equation(b, "jarva", areas);
        add_equation(b, "jarva", rk_st);
        add_equation(b, "jarva", areas_st);
        add_equation(b, "rinkeby-kista", rk);
        add_equation(b, "spanga-tensta", st);
        return;
    }
    int total = find_cell(b, "jarva", "");
    if (total < 0)
        return;
    equation e = { { 0 }, 0 };
    e.members[e.count++] = total;
    for (int i = 0; i < b->ncells; i++)
        if (i != total && !*b->cells[i].domain && in_jarva(db, b->cells[i].area))
            e.members[e.count++] = i;
    if (e.count > 1)
        b->eqs[b->neqs++] = e;
    static const char *const families[] = { "sex=", "age_group=", "organisation=", "role=" };
    for (size_t f = 0; f < sizeof families / sizeof families[0]; f++) {
        equation d = { { 0 }, 0 };
        d.members[d.count++] = total;
        for (int i = 0; i < b->ncells; i++)
            if (!strncmp(b->cells[i].domain, families[f], strlen(families[f])))
                d.members[d.count++] = i;
        if (d.count > 1 && b->neqs < MAX_EQS)
            b->eqs[b->neqs++] = d;
    }
}

/* The respondent-based indicators with their kind. */
static int respondent_indicator(jarva_db *db, const char *id, int *table)
{
    sqlite3_stmt *st = NULL;
    int yes = 0;
    if (sqlite3_prepare_v2(db->sql,
                           "SELECT source_kind = 'table' FROM indicator WHERE id = ? AND "
                           "source_kind IN ('survey', 'staff', 'table') AND "
                           "measure IN ('proportion', 'mean')",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            yes = 1;
            *table = sqlite3_column_int(st, 0);
        }
    }
    sqlite3_finalize(st);
    return yes;
}

typedef struct attack_summary {
    int breakdowns;  /* indicator × year with at least one equation */
    int with_hidden; /* of which some cell is hidden */
    int recovered;   /* combinations that gave a hidden cell away */
    int leaks;       /* hidden cells whose n or value the API still hands out */
} attack_summary;

/* Mounts the attack on every indicator and year of db, from what
 * jarva_result_list_open (the source of every CLI output and the report)
 * shows. */
static attack_summary attack_database(jarva_db *db)
{
    attack_summary sum = { 0, 0, 0, 0 };
    jarva_result_filter all = { NULL, 0, NULL, 1 };
    jarva_result_list *l = NULL;
    CHECK_INT(jarva_result_list_open(&l, db, &all), JARVA_OK);
    size_t count = jarva_result_list_count(l);
    static breakdown b;
    for (size_t i = 0; i < count;) {
        const jarva_result *first = jarva_result_list_get(l, i);
        size_t j = i;
        b.ncells = 0;
        int table = 0;
        int wanted = respondent_indicator(db, first->indicator_id, &table);
        for (; j < count; j++) {
            const jarva_result *r = jarva_result_list_get(l, j);
            if (strcmp(r->indicator_id, first->indicator_id) || r->year != first->year)
                break;
            if (!wanted || b.ncells == MAX_CELLS || !strcmp(r->method, "exact"))
                continue;
            const jarva_estimate *e = &r->estimate;
            cell *c = &b.cells[b.ncells++];
            snprintf(c->area, sizeof c->area, "%s", r->area_id);
            snprintf(c->domain, sizeof c->domain, "%s", r->domain);
            c->hidden = e->suppressed != 0;
            c->secondary = (e->flags & JARVA_EST_SUPPRESSED_SECONDARY) != 0;
            c->n = (double)e->n;
            c->np = e->estimate * (double)e->n;
            if (c->hidden && (e->n || e->n_positive || e->estimate != 0 || e->ci_low != 0 ||
                              e->ci_high != 0 || e->se != 0))
                sum.leaks++;
        }
        i = j;
        if (!wanted)
            continue;
        build_equations(db, &b, table);
        if (b.neqs == 0)
            continue;
        sum.breakdowns++;
        int any_hidden = 0;
        for (int k = 0; k < b.ncells; k++)
            any_hidden |= b.cells[k].hidden;
        sum.with_hidden += any_hidden;
        double n = 0, np = 0;
        int got = attack(&b, &n, &np);
        if (got)
            fprintf(stderr, "%s %d: the attack recovers a suppressed cell (n = %g, n*p = %g)\n",
                    first->indicator_id, first->year, n, np);
        sum.recovered += got;
    }
    jarva_result_list_free(l);
    return sum;
}

/* No suppressed row of the store, nor of its view for analysts, holds n or
 * a value. */
static void check_store(jarva_db *db)
{
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_prepare_v2(db->sql,
                                 "SELECT (SELECT count(*) FROM estimate WHERE suppressed = 1 AND "
                                 "(n IS NOT NULL OR n_positive IS NOT NULL OR value IS NOT NULL "
                                 "OR se IS NOT NULL OR ci_low IS NOT NULL OR ci_high IS NOT "
                                 "NULL)), (SELECT count(*) FROM estimate_overview WHERE "
                                 "suppressed = 1 AND (n IS NOT NULL OR value IS NOT NULL)), "
                                 "(SELECT count(*) FROM estimate WHERE suppressed = 1)",
                                 -1, &st, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(st, 0), 0);
    CHECK_INT(sqlite3_column_int(st, 1), 0);
    CHECK(sqlite3_column_int(st, 2) > 0);
    sqlite3_finalize(st);
}

static int import(jarva_db *db, const char *file, jarva_import_kind kind, const char *catalog)
{
    jarva_import_options opts = JARVA_IMPORT_OPTIONS_INIT;
    opts.kind = kind;
    opts.catalog_dir = catalog ? catalog : JARVA_SOURCE_DIR "/indicators";
    jarva_import_result res = JARVA_IMPORT_RESULT_INIT;
    return jarva_import_file(&res, db, file, &opts);
}

static void test_example_database(void)
{
    jarva_db *db = test_db_with_catalog("disclosure_example.db");
    static const struct {
        const char *file;
        jarva_import_kind kind;
    } files[] = {
        { "publicerade-trygghetsmatningar.csv", JARVA_IMPORT_TABLE },
        { "polisens-utsatta-omraden.csv", JARVA_IMPORT_TABLE },
        { "simulerade-trygghetsenkat-2019.csv", JARVA_IMPORT_SURVEY },
        { "simulerade-trygghetsenkat-2021.csv", JARVA_IMPORT_SURVEY },
        { "simulerade-trygghetsenkat-2023.csv", JARVA_IMPORT_SURVEY },
        { "simulerade-trygghetsenkat-2025.csv", JARVA_IMPORT_SURVEY },
        { "simulerade-personalenkat-2021.csv", JARVA_IMPORT_STAFF },
        { "simulerade-personalenkat-2023.csv", JARVA_IMPORT_STAFF },
        { "simulerade-personalenkat-2025.csv", JARVA_IMPORT_STAFF },
        { "simulerade-aktivitetslogg-2019-2025.csv", JARVA_IMPORT_ACTIVITIES },
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/examples/data/%s", JARVA_SOURCE_DIR, files[i].file);
        CHECK_INT(import(db, path, files[i].kind, NULL), JARVA_OK);
    }
    jarva_compute_summary cs = JARVA_COMPUTE_SUMMARY_INIT;
    CHECK_INT(jarva_compute(&cs, db, NULL), JARVA_OK);
    attack_summary s = attack_database(db);
    CHECK(s.breakdowns > 50);
    CHECK(s.with_hidden > 10); /* the staff survey's small organisations */
    CHECK_INT(s.recovered, 0);
    CHECK_INT(s.leaks, 0);
    check_store(db);
    jarva_db_close(db);
}

/* Valid answers to the indicator's question in one area (all of Järva's
 * areas for "jarva"), counted from the stored microdata. */
static long long raw_n(jarva_db *db, const char *indicator, int year, const char *area)
{
    sqlite3_stmt *st = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(
            db->sql,
            "SELECT count(*) FROM answer a JOIN indicator i ON i.variable = a.variable "
            "JOIN area ar ON ar.id = a.area_id WHERE i.id = ?1 AND a.year = ?2 AND "
            "(a.area_id = ?3 OR (?3 = 'jarva' AND ar.in_jarva = 1)) AND "
            "instr(',' || replace(i.valid_codes, ' ', '') || ',', ',' || a.code || ',') > 0",
            -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, indicator, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 2, year);
        sqlite3_bind_text(st, 3, area, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

static void test_one_suppressed_area(void)
{
    jarva_db *db = test_db_with_catalog("disclosure_sample.db");
    char dir[4096], err[256] = "";
    snprintf(dir, sizeof dir, "%s", test_tmp_path("disclosure_sample"));
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    CHECK_INT(system(cmd), 0);
    /* 80 respondents per area and wave, Hjulsta a fifth of that (16). */
    CHECK_INT(jarva__sample_write(dir, 80, 7, err, sizeof err), JARVA_OK);
    CHECK_INT(jarva__sample_import(db, dir), JARVA_OK);
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK);

    attack_summary s = attack_database(db);
    CHECK(s.with_hidden > 10);
    CHECK_INT(s.recovered, 0);
    CHECK_INT(s.leaks, 0);
    check_store(db);

    /* One area breakdown by hand: Hjulsta is suppressed for too few answers,
     * and one other area with it. Shown as before complementary suppression
     * (the other area's n and n·p from the microdata), the attack gives
     * Hjulsta's n exactly; as stored, nothing. */
    jarva_result_filter f = { "safe-evening-survey", 2025, NULL, 0 };
    jarva_result_list *l = NULL;
    CHECK_INT(jarva_result_list_open(&l, db, &f), JARVA_OK);
    static breakdown b;
    b.ncells = 0;
    int hjulsta = -1, secondary = -1;
    for (size_t i = 0; i < jarva_result_list_count(l) && b.ncells < MAX_CELLS; i++) {
        const jarva_result *r = jarva_result_list_get(l, i);
        cell *c = &b.cells[b.ncells];
        snprintf(c->area, sizeof c->area, "%s", r->area_id);
        c->domain[0] = '\0';
        c->hidden = r->estimate.suppressed;
        c->secondary = (r->estimate.flags & JARVA_EST_SUPPRESSED_SECONDARY) != 0;
        c->n = (double)r->estimate.n;
        c->np = r->estimate.estimate * c->n;
        if (!strcmp(r->area_id, "hjulsta"))
            hjulsta = b.ncells;
        if (c->secondary)
            secondary = b.ncells;
        b.ncells++;
    }
    jarva_result_list_free(l);
    CHECK(hjulsta >= 0 && secondary >= 0);
    if (hjulsta < 0 || secondary < 0) {
        jarva_db_close(db);
        return;
    }
    CHECK(b.cells[hjulsta].hidden && !b.cells[hjulsta].secondary);
    long long hjulsta_n = raw_n(db, "safe-evening-survey", 2025, "hjulsta");
    CHECK(hjulsta_n > 0 && hjulsta_n < 30);
    /* The smallest other area was taken: no shown area has fewer answers. */
    long long secondary_n = raw_n(db, "safe-evening-survey", 2025, b.cells[secondary].area);
    for (int i = 0; i < b.ncells; i++)
        if (!b.cells[i].hidden && strcmp(b.cells[i].area, "jarva") && in_jarva(db, b.cells[i].area))
            CHECK(b.cells[i].n >= (double)secondary_n);
    CHECK_INT((long long)b.cells[find_cell(&b, "jarva", "")].n,
              raw_n(db, "safe-evening-survey", 2025, "jarva"));
    build_equations(db, &b, 0);
    double n = 0, np = 0;
    CHECK_INT(attack(&b, &n, &np), 0);
    b.cells[secondary].hidden = 0;
    b.cells[secondary].n = (double)secondary_n;
    CHECK(attack(&b, &n, &np) > 0);
    CHECK_REL(n, (double)hjulsta_n, 1e-9);
    jarva_db_close(db);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* A survey of 215 in four areas, every weight 1, F14 coded 1, 2, 3, 4 in turn
 * (worried-crime-survey: 1 positive among 1-4; by area, sex and age group;
 * min_n 30): Akalla 35, Husby 20, Kista 60, Rinkeby 100; 12 women, all in
 * Kista; ages 16-29: 5 and 30-49: 8 (in Rinkeby), the rest 50-64. With
 * extra_rows, rows for `Stockholms stad` follow. */
static void write_survey(const char *path, int extra_rows)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("lopnr,ar,omrade,strata,vikt,kon,aldersgrupp,F12a,F14,F15,F20,F24,F25,F30,F31,F32\n", f);
    for (int i = 1; i <= 215 + extra_rows; i++) {
        const char *area = i <= 35    ? "Akalla"
                           : i <= 55  ? "Husby"
                           : i <= 115 ? "Kista"
                           : i <= 215 ? "Rinkeby"
                                      : "Stockholms stad";
        const char *sex = i >= 56 && i <= 67 ? "K" : "M";
        const char *age = i >= 116 && i <= 120 ? "16-29" : i >= 121 && i <= 128 ? "30-49" : "50-64";
        fprintf(f, "%d,2023,%s,%s,1,%s,%s,,%d,,,,,,,\n", i, area, area, sex, age, i % 4 + 1);
    }
    fclose(f);
}

static const jarva_result *find_result(const jarva_result_list *l, const char *area,
                                       const char *domain)
{
    for (size_t i = 0; i < jarva_result_list_count(l); i++) {
        const jarva_result *r = jarva_result_list_get(l, i);
        if (!strcmp(r->area_id, area) && !strcmp(r->domain, domain))
            return r;
    }
    return NULL;
}

static int secondary(const jarva_result *r)
{
    return r && r->estimate.suppressed && (r->estimate.flags & JARVA_EST_SUPPRESSED_SECONDARY);
}

static int primary(const jarva_result *r)
{
    return r && r->estimate.suppressed && !(r->estimate.flags & JARVA_EST_SUPPRESSED_SECONDARY);
}

static void test_rule_by_hand(void)
{
    jarva_db *db = test_db_with_catalog("disclosure_rule.db");
    char path[4096];
    snprintf(path, sizeof path, "%s", test_tmp_path("disclosure_rule.csv"));
    write_survey(path, 0);
    CHECK_INT(import(db, path, JARVA_IMPORT_SURVEY, NULL), JARVA_OK);
    jarva_compute_summary cs = JARVA_COMPUTE_SUMMARY_INIT;
    CHECK_INT(jarva_compute(&cs, db, NULL), JARVA_OK);
    jarva_result_filter f = { "worried-crime-survey", 2023, NULL, 1 };
    jarva_result_list *l = NULL;
    CHECK_INT(jarva_result_list_open(&l, db, &f), JARVA_OK);
    const jarva_result *jarva = find_result(l, "jarva", "");
    CHECK(jarva && !jarva->estimate.suppressed);
    if (jarva) {
        CHECK_INT(jarva->estimate.n, 215);
        /* i % 4 + 1 == 1 for i = 4, 8, ..., 212: 53 of 215. */
        CHECK_REL(jarva->estimate.estimate, 53.0 / 215.0, 1e-12);
    }
    /* Husby (20) is below 30; the smallest other area, Akalla (35), goes too;
     * together 55, so Kista and Rinkeby stay. */
    CHECK(primary(find_result(l, "husby", "")));
    CHECK(secondary(find_result(l, "akalla", "")));
    const jarva_result *kista = find_result(l, "kista", "");
    CHECK(kista && !kista->estimate.suppressed && kista->estimate.n == 60);
    const jarva_result *rinkeby = find_result(l, "rinkeby", "");
    CHECK(rinkeby && !rinkeby->estimate.suppressed && rinkeby->estimate.n == 100);
    /* 12 women: men, the only other cell, go with them. */
    CHECK(primary(find_result(l, "jarva", "sex=K")));
    CHECK(secondary(find_result(l, "jarva", "sex=M")));
    /* Two suppressed of three: 5 + 8 = 13 answers, which Järva minus the
     * third cell would show as a group below 30, so the third goes too. */
    CHECK(primary(find_result(l, "jarva", "age_group=16-29")));
    CHECK(primary(find_result(l, "jarva", "age_group=30-49")));
    CHECK(secondary(find_result(l, "jarva", "age_group=50-64")));
    for (size_t i = 0; i < jarva_result_list_count(l); i++) {
        const jarva_estimate *e = &jarva_result_list_get(l, i)->estimate;
        if (e->suppressed)
            CHECK(e->n == 0 && e->n_positive == 0 && e->estimate == 0);
    }
    jarva_result_list_free(l);
    /* compute's summary counts the secondary suppressions too. */
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM estimate WHERE suppressed = 1", -1,
                                 &st, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_INT(cs.suppressed, sqlite3_column_int(st, 0));
    sqlite3_finalize(st);
    attack_summary s = attack_database(db);
    CHECK_INT(s.recovered, 0);
    CHECK_INT(s.leaks, 0);
    jarva_db_close(db);
}

/* A published table in Järva's hierarchy (unsafe-neighbourhood-city, min_n
 * 30): Järva 200 = Rinkeby-Kista 180 + Spånga-Tensta 20, and Rinkeby-Kista
 * = Akalla 40 + Husby 50 + Kista 45 + Rinkeby 45. Spånga-Tensta is below 30;
 * Rinkeby-Kista, the only other district, goes with it; then Rinkeby-Kista
 * would be its areas' sum, so the smallest of them, Akalla, goes too. */
static void test_published_hierarchy(void)
{
    jarva_db *db = test_db_with_catalog("disclosure_table.db");
    char path[4096];
    snprintf(path, sizeof path, "%s", test_tmp_path("disclosure_table.csv"));
    static const char *const rows[][2] = { { "Järva", "200" },        { "Rinkeby-Kista", "180" },
                                           { "Spånga-Tensta", "20" }, { "Akalla", "40" },
                                           { "Husby", "50" },         { "Kista", "45" },
                                           { "Rinkeby", "45" } };
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("survey,year,area,measure,value_percent,n,note,source\n", f);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        fprintf(f, "stockholm-stad-trygghetsmatning,2020,%s,otrygg i bostadsområdet,20,%s,,test\n",
                rows[i][0], rows[i][1]);
    fclose(f);
    CHECK_INT(import(db, path, JARVA_IMPORT_TABLE, NULL), JARVA_OK);
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK);
    jarva_result_filter flt = { "unsafe-neighbourhood-city", 2020, NULL, 0 };
    jarva_result_list *l = NULL;
    CHECK_INT(jarva_result_list_open(&l, db, &flt), JARVA_OK);
    CHECK(primary(find_result(l, "spanga-tensta", "")));
    CHECK(secondary(find_result(l, "rinkeby-kista", "")));
    CHECK(secondary(find_result(l, "akalla", "")));
    static const char *const shown[] = { "jarva", "husby", "kista", "rinkeby" };
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
        const jarva_result *r = find_result(l, shown[i], "");
        CHECK(r && !r->estimate.suppressed);
    }
    jarva_result_list_free(l);
    attack_summary s = attack_database(db);
    CHECK_INT(s.breakdowns, 1);
    CHECK_INT(s.recovered, 0);
    CHECK_INT(s.leaks, 0);
    jarva_db_close(db);
}

static long long count_rows(jarva_db *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void test_areas_outside_jarva(void)
{
    jarva_db *db = test_db_with_catalog("disclosure_outside.db");
    char path[4096];
    snprintf(path, sizeof path, "%s", test_tmp_path("disclosure_outside.csv"));
    write_survey(path, 80);
    /* Refused by default, with file, line and column; nothing stored. */
    CHECK_INT(import(db, path, JARVA_IMPORT_SURVEY, NULL), JARVA_EFORMAT);
    CHECK_CONTAINS(jarva_errmsg(db), "disclosure_outside.csv:217:3 (omrade): area 'Stockholms "
                                     "stad' is not in Järva (in_jarva = 0 in areas.csv)");
    CHECK_CONTAINS(jarva_errmsg(db), "covers,comparison");
    CHECK_INT(count_rows(db, "SELECT count(*) FROM response"), 0);

    /* A mapping that says the source covers comparison areas: the rows are
     * stored, with an estimate of their own, never counted into Järva. */
    char catalog[4096], cmd[8400];
    snprintf(catalog, sizeof catalog, "%s", test_tmp_path("disclosure_catalog"));
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/sources' && cp '%s/indicators/sources/jarva-trygghet.csv' '%s/sources/'",
             catalog, JARVA_SOURCE_DIR, catalog);
    CHECK_INT(system(cmd), 0);
    char mapping[4200];
    snprintf(mapping, sizeof mapping, "%s/sources/jarva-trygghet.csv", catalog);
    FILE *f = fopen(mapping, "a");
    CHECK(f != NULL);
    if (f) {
        fputs("covers,comparison,,,Also respondents in Stockholms stad for comparison\n", f);
        fclose(f);
    }
    CHECK_INT(import(db, path, JARVA_IMPORT_SURVEY, catalog), JARVA_OK);
    CHECK_INT(count_rows(db, "SELECT count(*) FROM response WHERE area_id = 'stockholm'"), 80);
    CHECK_INT(jarva_compute(NULL, db, NULL), JARVA_OK);
    jarva_result_filter flt = { "worried-crime-survey", 2023, NULL, 1 };
    jarva_result_list *l = NULL;
    CHECK_INT(jarva_result_list_open(&l, db, &flt), JARVA_OK);
    const jarva_result *jarva = find_result(l, "jarva", "");
    CHECK(jarva != NULL);
    if (jarva) {
        CHECK_INT(jarva->estimate.n, 215); /* as without the 80 */
        CHECK_REL(jarva->estimate.estimate, 53.0 / 215.0, 1e-12);
    }
    const jarva_result *city = find_result(l, "stockholm", "");
    CHECK(city && !city->estimate.suppressed && city->estimate.n == 80);
    /* i = 216 .. 295: i % 4 + 1 == 1 for 216, 220, ..., 292: 20 of 80. */
    if (city)
        CHECK_REL(city->estimate.estimate, 20.0 / 80.0, 1e-12);
    jarva_result_list_free(l);
    attack_summary s = attack_database(db);
    CHECK_INT(s.recovered, 0);

    /* A mapping whose covers is neither value is refused with its line. */
    f = fopen(mapping, "a");
    if (f) {
        fputs("covers,everywhere,,,\n", f);
        fclose(f);
    }
    write_text(path, "lopnr,ar,omrade\n1,2023,Husby\n");
    CHECK(import(db, path, JARVA_IMPORT_SURVEY, catalog) < 0);
    CHECK_CONTAINS(jarva_errmsg(db), "covers 'everywhere' is neither 'jarva'");
    jarva_db_close(db);
}

/* A database from schema version 1 kept n of suppressed estimates: opening
 * it with this version removes them. */
static void test_migration(void)
{
    jarva_db *db = test_db_with_catalog("disclosure_v1.db");
    char path[4096];
    snprintf(path, sizeof path, "%s", db->path);
    CHECK_INT(jarva__exec(db, "INSERT INTO estimate(indicator_id, year, area_id, n, n_positive, "
                              "suppressed, computed_at) VALUES ('safe-evening-survey', 2025, "
                              "'husby', 20, 9, 1, 'x'), ('safe-evening-survey', 2025, 'kista', "
                              "60, 30, 0, 'x'); "
                              /* what version 3 added, so the file is version 1's */
                              "ALTER TABLE indicator DROP COLUMN target_kind; "
                              "ALTER TABLE indicator DROP COLUMN target_decision; "
                              "ALTER TABLE plan_version DROP COLUMN on_track_probability; "
                              "ALTER TABLE plan_version DROP COLUMN off_track_probability; "
                              /* ... and version 5 */
                              "ALTER TABLE batch DROP COLUMN weight_ratio; "
                              "ALTER TABLE batch DROP COLUMN extreme_weights; "
                              /* ... and version 7 */
                              "ALTER TABLE plan_version DROP COLUMN contact_sv; "
                              "ALTER TABLE plan_version DROP COLUMN contact_en; "
                              /* ... and version 10 */
                              "ALTER TABLE goal DROP COLUMN owner_id; "
                              "ALTER TABLE area DROP COLUMN name_en; "
                              "ALTER TABLE indicator DROP COLUMN question_sv; "
                              "ALTER TABLE indicator DROP COLUMN question_en; "
                              "ALTER TABLE indicator DROP COLUMN scale_sv; "
                              "ALTER TABLE indicator DROP COLUMN scale_en; "
                              "DROP TABLE source_info; "
                              "PRAGMA user_version = 1"),
              JARVA_OK);
    jarva_db_close(db);
    db = NULL;
    CHECK_INT(jarva_db_open(&db, path, 0), JARVA_OK);
    CHECK_INT(count_rows(db, "SELECT count(*) FROM estimate WHERE area_id = 'husby' AND n IS NULL "
                             "AND n_positive IS NULL"),
              1);
    CHECK_INT(count_rows(db, "SELECT n FROM estimate WHERE area_id = 'kista'"), 60);
    CHECK_INT(count_rows(db, "SELECT user_version FROM pragma_user_version"),
              jarva_db_schema_version());
    jarva_db_close(db);
}

int main(void)
{
    jarva_global_init();
    /* The attack itself, on a breakdown a reader sees without protection:
     * Järva 215 (n·p 53), Kista 60 (15), Rinkeby 100 (25), Akalla 35 (9),
     * Husby hidden: 215 - 60 - 100 - 35 = 20 and 53 - 15 - 25 - 9 = 4. */
    static breakdown b = { { { "jarva", "", 0, 0, 215, 53 },
                             { "akalla", "", 0, 0, 35, 9 },
                             { "husby", "", 1, 0, 0, 0 },
                             { "kista", "", 0, 0, 60, 15 },
                             { "rinkeby", "", 0, 0, 100, 25 } },
                           5,
                           { { { 0, 1, 2, 3, 4 }, 5 } },
                           1 };
    double n = 0, np = 0;
    CHECK_INT(attack(&b, &n, &np), 2); /* the equation added and subtracted */
    CHECK_REL(n, 20, 1e-12);
    CHECK_REL(np, 4, 1e-12);
    b.cells[1].hidden = 1;
    CHECK_INT(attack(&b, &n, &np), 0);

    test_rule_by_hand();
    test_migration();
    test_published_hierarchy();
    test_areas_outside_jarva();
    test_one_suppressed_area();
    test_example_database();
    return test_report();
}
