/* estimate_file_split.c: a large file read on two threads. The caller's
 * thread reads the records up to a line feed near the middle, a second
 * thread those after it into a tally of its own (estimate_file_parts.h),
 * and the second tally is merged into the first: its distinct values,
 * strata and domains numbered on after the first part's in their order of
 * first appearance, which is the numbering one pass gives, so that the sums
 * are added in the same cells and order and only the two parts' partial
 * sums are rounded apart (a few units in the last place).
 *
 * The second part is the file's second half only if the first part ends a
 * record exactly at the split, outside quotes (csv_split.c); if not (a
 * quoted line break across it), the first part reads on over the whole file
 * and the second part's work is dropped. Whatever goes wrong in the second
 * part (a bad value, a ragged row, non-ASCII text before the encoding is
 * decided, out of memory) is not reported from there: the first part reads
 * on over the second half as one pass would, and reports the first error in
 * file order with its own line and column. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "estimate_file_parts.h"
#include "thread_start.h"

typedef jarva__adhoc adhoc;
typedef jarva__adhoc_tally tally;

typedef struct second_part {
    const adhoc *a;
    tally t;
    atomic_int cancel; /* set by the first part: stop, the work is not needed */
    int rc;
    pthread_t thread;
} second_part;

static void *read_second(void *arg)
{
    second_part *p = arg;
    p->rc = jarva__adhoc_read_rows(p->a, &p->t, &p->cancel, 0);
    return NULL;
}

/* Where the second part starts, or 0 for one pass. */
static uint64_t split_offset(const adhoc *a, uint64_t hint)
{
    uint64_t size = jarva__csv_bytes_total(a->all.csv), at;
    if (hint == UINT64_MAX)
        return 0;
    if (hint == 0) {
        if (size < JARVA__ADHOC_SPLIT_MIN)
            return 0;
        hint = size / 2;
    }
    return jarva__csv_split_point(a->all.csv, hint, &at) == 0 ? at : 0;
}

/* The second part's reader, tally and thread; -1 if any cannot be had
 * (then the file is read in one pass). The thread blocks every signal,
 * which stay the application's. */
static int start_second(adhoc *a, second_part *p, uint64_t at)
{
    memset(p, 0, sizeof *p);
    p->a = a;
    atomic_init(&p->cancel, 0);
    if (jarva__adhoc_tally_init(&p->t, a->opts->by_count) != JARVA_OK ||
        jarva__csv_open_part(&p->t.csv, a->all.csv, at, &p->t.err) != JARVA_OK) {
        jarva__adhoc_tally_free(&p->t, a->opts->by_count);
        return -1;
    }
    if (jarva__thread_start(&p->thread, read_second, p) != 0) {
        jarva__adhoc_tally_free(&p->t, a->opts->by_count);
        return -1;
    }
    return 0;
}

/* ---- merging the second part's tally into the first's ---- */

typedef struct id_maps {
    uint32_t **values; /* per by column: the second part's id -> the first's */
    uint32_t *strata, *domains;
} id_maps;

static int map_keys(jarva__keytab *into, const jarva__keytab *from, uint32_t **map)
{
    *map = malloc((from->count ? from->count : 1) * sizeof **map);
    if (!*map)
        return -1;
    for (size_t id = 0; id < from->count; id++) {
        long to = jarva__keytab_add(into, from->keys[id], from->lengths[id]);
        if (to < 0)
            return -1;
        (*map)[id] = (uint32_t)to;
    }
    return 0;
}

/* Strata first seen in the second part take its first respondent's line
 * (moved by line_offset to the file's) and whether they count. */
static int merge_strata(const adhoc *a, tally *into, const tally *from, id_maps *m,
                        long line_offset)
{
    int named = a->stratum_col >= 0;
    size_t count = named ? from->strata.count : (from->n ? 1 : 0);
    if (named && map_keys(&into->strata, &from->strata, &m->strata))
        return -1;
    if (!named && !(m->strata = calloc(1, sizeof *m->strata)))
        return -1;
    for (size_t h = 0; h < count; h++) {
        size_t to = m->strata[h];
        if (jarva__adhoc_fit_stratum(into, to))
            return -1;
        if (into->stratum_size[to] == 0) {
            into->stratum_first_counts[to] = from->stratum_first_counts[h];
            if (named)
                into->stratum_line[to] = from->stratum_line[h] + line_offset;
        }
        into->stratum_size[to] += from->stratum_size[h];
    }
    return 0;
}

/* A domain is a tuple of by value ids: the second part's, mapped. */
static int merge_domains(size_t nby, tally *into, const tally *from, id_maps *m)
{
    size_t count = nby ? from->domains.count : 1;
    m->domains = calloc(count ? count : 1, sizeof *m->domains);
    uint32_t *tuple = malloc((nby ? nby : 1) * sizeof *tuple);
    int rc = m->domains && tuple ? 0 : -1;
    for (size_t d = 0; d < count && nby && !rc; d++) {
        for (size_t c = 0; c < nby; c++) {
            uint32_t id;
            memcpy(&id, from->domains.keys[d] + c * sizeof id, sizeof id);
            tuple[c] = m->values[c][id];
        }
        long to = jarva__keytab_add(&into->domains, tuple, nby * sizeof *tuple);
        if (to < 0)
            rc = -1;
        else
            m->domains[d] = (uint32_t)to;
    }
    free(tuple);
    return rc;
}

/* The cells, in the order of the second part's domains, strata, answers. */
static int merge_sums(tally *into, const tally *from, const id_maps *m, size_t ndomains,
                      size_t nstrata)
{
    const jarva__sum_grid *g = &from->sums;
    for (size_t d = 0; d < ndomains && d < g->domains; d++)
        for (size_t h = 0; h < nstrata && h < g->strata; h++)
            for (size_t k = 0; k < g->values; k++) {
                const jarva__value_sums *s = &g->cells[(d * g->strata + h) * g->values + k];
                if (s->n == 0)
                    continue;
                size_t td = m->domains[d], th = m->strata[h];
                jarva__sum_grid *to = &into->sums;
                if (jarva__sum_grid_fit(to, td, th, k))
                    return -1;
                jarva__value_sums *t = &to->cells[(td * to->strata + th) * to->values + k];
                t->n += s->n;
                t->weight_sum += s->weight_sum;
                t->weight_sq_sum += s->weight_sq_sum;
            }
    return 0;
}

/* into's domain_of is left as it is: into reads no row after this. */
static int merge(const adhoc *a, tally *into, const tally *from, long line_offset)
{
    size_t nby = a->opts->by_count;
    id_maps m = { calloc(nby ? nby : 1, sizeof *m.values), NULL, NULL };
    int rc = m.values ? 0 : -1;
    for (size_t c = 0; c < nby && !rc; c++)
        rc = map_keys(&into->by_values[c], &from->by_values[c], &m.values[c]);
    if (!rc)
        rc = merge_strata(a, into, from, &m, line_offset);
    if (!rc)
        rc = merge_domains(nby, into, from, &m);
    size_t nstrata = a->stratum_col >= 0 ? from->strata.count : (from->n ? 1 : 0);
    if (!rc)
        rc = merge_sums(into, from, &m, nby ? from->domains.count : 1, nstrata);
    if (!rc) {
        into->n += from->n;
        into->valid_count += from->valid_count;
    }
    for (size_t c = 0; m.values && c < nby; c++)
        free(m.values[c]);
    free(m.values);
    free(m.strata);
    free(m.domains);
    return rc ? jarva__seterr(&into->err, JARVA_ENOMEM, "out of memory") : JARVA_OK;
}

int jarva__adhoc_read_file(adhoc *a, uint64_t split_hint, int *parts)
{
    *parts = 1;
    uint64_t at = split_offset(a, split_hint);
    second_part *p = at ? malloc(sizeof *p) : NULL;
    if (p && start_second(a, p, at) != 0) {
        free(p);
        p = NULL;
    }
    if (!p)
        return jarva__adhoc_read_rows(a, &a->all, NULL, 1);
    jarva__csv_stop_at(a->all.csv, at);
    int rc = jarva__adhoc_read_rows(a, &a->all, &p->cancel, 1);
    int stopped = rc == JARVA_OK && jarva__csv_stopped(a->all.csv);
    if (!stopped) /* an error before the split, or the split lost: not needed */
        atomic_store(&p->cancel, 1);
    pthread_join(p->thread, NULL);
    if (stopped && p->rc == JARVA_OK) {
        rc = merge(a, &a->all, &p->t, jarva__csv_line(a->all.csv) - 1);
        if (rc == JARVA_OK)
            *parts = 2;
    } else if (stopped) {
        jarva__csv_resume(a->all.csv);
        rc = jarva__adhoc_read_rows(a, &a->all, NULL, 1);
    }
    jarva__adhoc_tally_free(&p->t, a->opts->by_count);
    free(p);
    return rc;
}
