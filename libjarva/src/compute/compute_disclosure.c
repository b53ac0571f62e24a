/* compute_disclosure.c: complementary (secondary) suppression, run once after
 * every estimate of a compute is written and before it commits. A primary
 * suppression (too few respondents, see jarva__apply_disclosure) alone can be
 * undone by subtraction: Järva minus the other areas, or all minus men, gives
 * the hidden cell. So in every additive breakdown a suppressed cell takes
 * others with it until nothing can be derived; docs/disclosure.md states the
 * rule and the handbook it follows (Hundepool et al., Statistical Disclosure
 * Control, Wiley 2012, ch. 4-5: primary and secondary cell suppression). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compute_internal.h"

/* One stored estimate of the indicator and year being protected. */
typedef struct cell {
    int64_t id;
    char *area;
    char *domain;
    long long n; /* valid respondents; 0 when not known (suppressed at the source) */
    int suppressed;
    int secondary; /* suppressed here, to protect another cell */
} cell;

/* total = sum of cells: members[first] is the total, the rest its cells. */
typedef struct equation {
    size_t first, count;
} equation;

typedef struct area_row {
    char *id, *parent, *kind;
    int in_jarva;
} area_row;

typedef struct protect {
    jarva__compute *c;
    area_row *areas;
    size_t nareas, capareas;
    cell *cells;
    size_t ncells, capcells;
    equation *eqs;
    size_t neqs, capeqs;
    size_t *members;
    size_t nmembers, capmembers;
    long long min_n;
    size_t secondary; /* cells suppressed here, over the whole compute */
    jarva__suppression_writer *writer;
} protect;

static int nomem(protect *p)
{
    return jarva__seterr(jarva__db_err(p->c->db), JARVA_ENOMEM, "out of memory");
}

static void clear_cells(protect *p)
{
    for (size_t i = 0; i < p->ncells; i++) {
        free(p->cells[i].area);
        free(p->cells[i].domain);
    }
    p->ncells = p->neqs = p->nmembers = 0;
}

static void free_areas(protect *p)
{
    for (size_t i = 0; i < p->nareas; i++) {
        free(p->areas[i].id);
        free(p->areas[i].parent);
        free(p->areas[i].kind);
    }
    free(p->areas);
}

static int add_area(void *ctx, const jarva__store_area *from)
{
    protect *p = ctx;
    if (p->nareas == p->capareas) {
        size_t cap = p->capareas ? p->capareas * 2 : 16;
        area_row *grown = realloc(p->areas, cap * sizeof *grown);
        if (!grown)
            return nomem(p);
        p->areas = grown;
        p->capareas = cap;
    }
    area_row *a = &p->areas[p->nareas++];
    a->id = jarva__strdup(from->id);
    a->parent = from->parent_id ? jarva__strdup(from->parent_id) : NULL;
    a->kind = jarva__strdup(from->kind);
    a->in_jarva = from->in_jarva;
    if (!a->id || !a->kind || (from->parent_id && !a->parent))
        return nomem(p);
    return JARVA_OK;
}

static const area_row *find_area(const protect *p, const char *id)
{
    for (size_t i = 0; i < p->nareas; i++)
        if (!strcmp(p->areas[i].id, id))
            return &p->areas[i];
    return NULL;
}

/* The cell of area with domain "", or -1. */
static long find_cell(const protect *p, const char *area)
{
    for (size_t i = 0; i < p->ncells; i++)
        if (!strcmp(p->cells[i].area, area) && !*p->cells[i].domain)
            return (long)i;
    return -1;
}

static int add_member(protect *p, size_t cell_index)
{
    if (p->nmembers == p->capmembers) {
        size_t cap = p->capmembers ? p->capmembers * 2 : 64;
        size_t *grown = realloc(p->members, cap * sizeof *grown);
        if (!grown)
            return nomem(p);
        p->members = grown;
        p->capmembers = cap;
    }
    p->members[p->nmembers++] = cell_index;
    return JARVA_OK;
}

/* Starts an equation with its total; cells follow with add_member. */
static int begin_equation(protect *p, size_t total)
{
    if (p->neqs == p->capeqs) {
        size_t cap = p->capeqs ? p->capeqs * 2 : 16;
        equation *grown = realloc(p->eqs, cap * sizeof *grown);
        if (!grown)
            return nomem(p);
        p->eqs = grown;
        p->capeqs = cap;
    }
    p->eqs[p->neqs].first = p->nmembers;
    p->eqs[p->neqs].count = 0;
    p->neqs++;
    return add_member(p, total);
}

/* Closes the equation begun last; one with fewer than two cells says
 * nothing a reader does not see already and is dropped. */
static void end_equation(protect *p)
{
    equation *e = &p->eqs[p->neqs - 1];
    e->count = p->nmembers - e->first;
    if (e->count < 3) {
        p->nmembers = e->first;
        p->neqs--;
    }
}

/* Survey microdata: Järva as a whole is the sum of its areas (those that lie
 * in Järva; comparison areas are not part of it) and of each breakdown's
 * categories (sex=K + sex=M, ...), exactly as compute_survey.c computes
 * them. Respondents without a value for the breakdown are not counted as
 * protection: their number may be small or known. */
static int survey_equations(protect *p)
{
    long total = find_cell(p, "jarva");
    if (total < 0)
        return JARVA_OK;
    int rc = begin_equation(p, (size_t)total);
    for (size_t i = 0; i < p->ncells && !rc; i++) {
        const area_row *a = find_area(p, p->cells[i].area);
        if (!*p->cells[i].domain && (long)i != total && a && a->in_jarva)
            rc = add_member(p, i);
    }
    if (rc)
        return rc;
    end_equation(p);
    /* One equation per breakdown: the domains "name=value" of the same name. */
    for (size_t i = 0; i < p->ncells && !rc; i++) {
        const char *d = p->cells[i].domain;
        const char *eq = strchr(d, '=');
        if (!eq || strcmp(p->cells[i].area, "jarva"))
            continue;
        size_t len = (size_t)(eq - d) + 1;
        int seen = 0;
        for (size_t k = 0; k < i && !seen; k++)
            seen = !strcmp(p->cells[k].area, "jarva") && !strncmp(p->cells[k].domain, d, len);
        if (seen)
            continue;
        rc = begin_equation(p, (size_t)total);
        for (size_t k = i; k < p->ncells && !rc; k++)
            if (!strcmp(p->cells[k].area, "jarva") && !strncmp(p->cells[k].domain, d, len))
                rc = add_member(p, k);
        if (!rc)
            end_equation(p);
    }
    return rc;
}

/* Adds the cells that make up area child: its own cell if published, else
 * those of its children (recursively). 0, or -1 when some part has no cell
 * (then the sum is not known to a reader and gives no equation). */
static int add_cover(protect *p, const char *child, int depth, int *rc)
{
    long k = find_cell(p, child);
    if (k >= 0) {
        *rc = add_member(p, (size_t)k);
        return *rc ? -1 : 0;
    }
    int any = 0;
    for (size_t i = 0; i < p->nareas && depth < 8; i++)
        if (p->areas[i].parent && !strcmp(p->areas[i].parent, child)) {
            any = 1;
            if (add_cover(p, p->areas[i].id, depth + 1, rc))
                return -1;
        }
    return any ? 0 : -1;
}

/* Published tables: an area is the sum of its parts in areas.csv. The parts
 * of one kind are taken together (Järva = Rinkeby-Kista + Spånga-Tensta, the
 * districts), since areas of another kind under the same parent may overlap
 * them (Rinkeby/Tensta, the police's area); a part without a published cell
 * is replaced by its own parts. Only areas in Järva are totals here: the
 * catalogue does not list the rest of the city or the region. */
static int table_equations(protect *p)
{
    int rc = JARVA_OK;
    for (size_t t = 0; t < p->ncells && !rc; t++) {
        const area_row *a = find_area(p, p->cells[t].area);
        if (*p->cells[t].domain || !a || !a->in_jarva)
            continue;
        for (size_t i = 0; i < p->nareas && !rc; i++) {
            const area_row *child = &p->areas[i];
            if (!child->parent || strcmp(child->parent, a->id))
                continue;
            int first_of_kind = 1;
            for (size_t k = 0; k < i && first_of_kind; k++)
                first_of_kind = !(p->areas[k].parent && !strcmp(p->areas[k].parent, a->id) &&
                                  !strcmp(p->areas[k].kind, child->kind));
            if (!first_of_kind)
                continue;
            if ((rc = begin_equation(p, t)))
                break;
            int complete = 1;
            for (size_t k = i; k < p->nareas && complete && !rc; k++)
                if (p->areas[k].parent && !strcmp(p->areas[k].parent, a->id) &&
                    !strcmp(p->areas[k].kind, child->kind))
                    complete = add_cover(p, p->areas[k].id, 0, &rc) == 0;
            if (rc)
                break;
            if (complete)
                end_equation(p);
            else {
                p->nmembers = p->eqs[p->neqs - 1].first;
                p->neqs--;
            }
        }
    }
    return rc;
}

static void suppress(protect *p, size_t k)
{
    p->cells[k].suppressed = 1;
    p->cells[k].secondary = 1;
}

/* The unsuppressed cell (not the total) with the fewest respondents, the
 * first such in catalogue order on a tie; -1 if none is left. */
static long smallest_shown(const protect *p, const equation *e)
{
    long best = -1;
    for (size_t m = 1; m < e->count; m++) {
        size_t k = p->members[e->first + m];
        if (!p->cells[k].suppressed && (best < 0 || p->cells[k].n < p->cells[best].n))
            best = (long)k;
    }
    return best;
}

/* The rule, per equation: none of its members suppressed, or at least two,
 * whose respondents together number at least min_n (so that their sum,
 * which a reader can compute, is itself a publishable figure). Returns the
 * number of cells it suppressed. */
static size_t apply_rule(protect *p)
{
    size_t added = 0;
    for (size_t q = 0; q < p->neqs; q++) {
        const equation *e = &p->eqs[q];
        for (;;) {
            size_t hidden = 0;
            long long hidden_n = 0;
            for (size_t m = 0; m < e->count; m++) {
                const cell *x = &p->cells[p->members[e->first + m]];
                if (x->suppressed && m > 0)
                    hidden_n += x->n;
                hidden += x->suppressed != 0;
            }
            int total_hidden = p->cells[p->members[e->first]].suppressed;
            if (hidden == 0 || (hidden >= 2 && (total_hidden || hidden_n >= p->min_n)))
                break;
            long k = smallest_shown(p, e);
            if (k < 0)
                break;
            suppress(p, (size_t)k);
            added++;
        }
    }
    return added;
}

/* The audit: could a reader solve the equations for one suppressed cell? The
 * unknowns are the suppressed members; each equation is a row of +1 (cells)
 * and -1 (its total) over them, the shown members being known. A cell is
 * determined when its column is a pivot of the reduced row echelon form and
 * its pivot row has no free column (Gaussian elimination; the coefficients
 * stay small integers, so a tolerance of 1e-9 is exact enough). Returns the
 * index of a determined cell, -1 if none, -2 out of memory. */
static long determined_cell(const protect *p)
{
    size_t nu = 0;
    long *unknown = malloc((p->ncells ? p->ncells : 1) * sizeof *unknown);
    if (!unknown)
        return -2;
    for (size_t i = 0; i < p->ncells; i++)
        unknown[i] = p->cells[i].suppressed ? (long)nu++ : -1;
    long found = -1;
    double *a = nu && p->neqs ? calloc(p->neqs * nu, sizeof *a) : NULL;
    if (nu && p->neqs && !a) {
        free(unknown);
        return -2;
    }
    for (size_t q = 0; q < p->neqs && a; q++)
        for (size_t m = 0; m < p->eqs[q].count; m++) {
            long u = unknown[p->members[p->eqs[q].first + m]];
            if (u >= 0)
                a[q * nu + (size_t)u] += m == 0 ? -1.0 : 1.0;
        }
    size_t rows = a ? p->neqs : 0, rank = 0;
    long *pivot_row = malloc((nu ? nu : 1) * sizeof *pivot_row);
    if (!pivot_row) {
        free(a);
        free(unknown);
        return -2;
    }
    for (size_t col = 0; col < nu; col++) {
        pivot_row[col] = -1;
        if (rank >= rows)
            continue;
        size_t best = rank;
        for (size_t r = rank; r < rows; r++)
            if (fabs(a[r * nu + col]) > fabs(a[best * nu + col]))
                best = r;
        if (fabs(a[best * nu + col]) < 1e-9)
            continue;
        for (size_t j = 0; j < nu; j++) {
            double t = a[rank * nu + j];
            a[rank * nu + j] = a[best * nu + j];
            a[best * nu + j] = t;
        }
        double lead = a[rank * nu + col];
        for (size_t j = 0; j < nu; j++)
            a[rank * nu + j] /= lead;
        for (size_t r = 0; r < rows; r++)
            if (r != rank && fabs(a[r * nu + col]) > 1e-9) {
                double f = a[r * nu + col];
                for (size_t j = 0; j < nu; j++)
                    a[r * nu + j] -= f * a[rank * nu + j];
            }
        pivot_row[col] = (long)rank++;
    }
    for (size_t col = 0; col < nu && found < 0; col++) {
        if (pivot_row[col] < 0)
            continue;
        int alone = 1;
        for (size_t j = 0; j < nu && alone; j++)
            if (j != col && pivot_row[j] < 0 && fabs(a[(size_t)pivot_row[col] * nu + j]) > 1e-9)
                alone = 0;
        if (alone)
            for (size_t i = 0; i < p->ncells; i++)
                if (unknown[i] == (long)col)
                    found = (long)i;
    }
    free(pivot_row);
    free(a);
    free(unknown);
    return found;
}

/* Protects a cell the audit found determined: in an equation that holds it,
 * the smallest shown cell goes too (a shown total if no cell is left). */
static int protect_cell(protect *p, size_t k)
{
    for (size_t q = 0; q < p->neqs; q++) {
        const equation *e = &p->eqs[q];
        int holds = 0;
        for (size_t m = 0; m < e->count; m++)
            holds |= p->members[e->first + m] == k;
        if (!holds)
            continue;
        long s = smallest_shown(p, e);
        if (s < 0 && !p->cells[p->members[e->first]].suppressed)
            s = (long)p->members[e->first];
        if (s >= 0) {
            suppress(p, (size_t)s);
            return 1;
        }
    }
    /* Every equation that holds it is hidden already: it is determined
     * through others, so one of those gives up a cell. */
    for (size_t q = 0; q < p->neqs; q++) {
        long s = smallest_shown(p, &p->eqs[q]);
        if (s >= 0) {
            suppress(p, (size_t)s);
            return 1;
        }
    }
    return 0;
}

static int add_cell(void *ctx, const jarva__store_cell *from)
{
    protect *p = ctx;
    if (p->ncells == p->capcells) {
        size_t cap = p->capcells ? p->capcells * 2 : 64;
        cell *grown = realloc(p->cells, cap * sizeof *grown);
        if (!grown)
            return nomem(p);
        p->cells = grown;
        p->capcells = cap;
    }
    cell *x = &p->cells[p->ncells++];
    x->id = from->id;
    x->area = jarva__strdup(from->area_id);
    x->domain = jarva__strdup(from->domain);
    x->n = from->n;
    x->suppressed = from->suppressed;
    x->secondary = 0;
    if (!x->area || !x->domain)
        return nomem(p);
    return JARVA_OK;
}

/* Stores the secondary suppressions: like a primary one, without any value. */
static int store_secondary(protect *p)
{
    for (size_t i = 0; i < p->ncells; i++) {
        if (!p->cells[i].secondary)
            continue;
        int rc = jarva__suppression_writer_put(p->writer, p->cells[i].id);
        if (rc)
            return rc;
        p->secondary++;
    }
    return JARVA_OK;
}

/* One breakdown: its equations, the rule and the audit, the result stored. */
static int protect_one(void *ctx, const jarva__store_breakdown *b)
{
    protect *p = ctx;
    /* The threshold of the primary suppression (compute_survey.c). */
    p->min_n = b->min_n > 0 ? b->min_n : (long long)p->c->opts.estimate.min_n;
    clear_cells(p);
    int rc = jarva__store_breakdown_cells(p->c->db, b->indicator_id, b->year, add_cell, p);
    if (!rc)
        rc = strcmp(b->source_kind, "table") ? survey_equations(p) : table_equations(p);
    if (rc || p->neqs == 0)
        return rc;
    /* Each round suppresses at least one more cell, so this ends. */
    for (size_t round = 0; round <= p->ncells; round++) {
        apply_rule(p);
        long k = determined_cell(p);
        if (k == -2)
            return nomem(p);
        if (k < 0 || !protect_cell(p, (size_t)k))
            break;
    }
    return store_secondary(p);
}

int jarva__compute_protect(jarva__compute *c)
{
    protect p;
    memset(&p, 0, sizeof p);
    p.c = c;
    int rc = jarva__store_areas(c->db, add_area, &p);
    if (!rc)
        rc = jarva__suppression_writer_open(&p.writer, c->db);
    if (!rc)
        rc = jarva__store_breakdowns(c->db, protect_one, &p);
    jarva__suppression_writer_free(p.writer);
    /* No output shows how many answered in a suppressed cell: n would give it
     * away by subtraction (total minus the shown cells) as surely as a value. */
    if (!rc)
        rc = jarva__store_hide_suppressed_n(c->db);
    if (!rc)
        c->summary->suppressed += p.secondary;
    clear_cells(&p);
    free(p.cells);
    free(p.eqs);
    free(p.members);
    free_areas(&p);
    return rc;
}
