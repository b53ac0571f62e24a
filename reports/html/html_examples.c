/* html_examples.c: exempel.html, the concrete examples for residents that
 * the plan's principles ask for ("vi visar på konkret nytta för invånare",
 * "återkoppla vad som hänt med deras synpunkter"): the activity log's
 * published examples (example_published) and the dialogues whose feedback
 * has been given (feedback_given with a delivered date), newest first,
 * each with its date and area, up to the report's year. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"

static bool wanted(const jarva_activity *a)
{
    if (!strcmp(a->type, "example_published"))
        return true;
    return !strcmp(a->type, "feedback_given") && a->delivered_date[0];
}

static const char *when(const jarva_activity *a)
{
    return !strcmp(a->type, "feedback_given") ? a->delivered_date : a->date;
}

/* Newest first by the date shown: an example's publication, a dialogue's
 * feedback. */
static int newest_first(const void *pa, const void *pb)
{
    const jarva_activity *a = *(const jarva_activity *const *)pa;
    const jarva_activity *b = *(const jarva_activity *const *)pb;
    return strcmp(when(b), when(a));
}

static void item(jarva__html *h, jarva__html_buf *b, const jarva_activity *a)
{
    const jarva__report *r = &h->r;
    bool feedback = !strcmp(a->type, "feedback_given");
    char date[64];
    jarva__report_date_from_iso(r->lang, when(a), date, sizeof date);
    html_add(b, "<li>");
    jarva__html_text(b, a->description[0] ? a->description
                        : feedback        ? TR(r, "Dialog med invånare", "Dialogue with residents")
                                          : TR(r, "Exempel", "Example"));
    html_add(b, "<br><span class=\"meta\">%s<time datetime=\"%.10s\">",
             feedback ? TR(r, "Återkoppling lämnad ", "Feedback given ") : "", when(a));
    jarva__html_text(b, date);
    html_add(b, "</time>");
    if (a->area_name[0]) {
        html_add(b, " \xC2\xB7 ");
        jarva__html_text(b, a->area_name);
    }
    const char *org = r->lang == JARVA__LANG_EN ? a->organisation_en : a->organisation_sv;
    if (org[0]) {
        html_add(b, " \xC2\xB7 ");
        jarva__html_text(b, org);
    }
    html_add(b, "</span></li>\n");
}

int jarva__html_examples(jarva__html *h)
{
    const jarva__report *r = &h->r;
    jarva_activity_filter f = JARVA_ACTIVITY_FILTER_INIT;
    f.year_to = r->year;
    jarva_activity_list *list = NULL;
    int rc = jarva_activity_list_open(&list, r->db, &f);
    if (rc)
        return rc;
    jarva__html_buf b = { 0 };
    jarva__html_begin(h, &b, "exempel.html",
                      TR(r, "Konkreta exempel på samverkan", "Concrete examples of cooperation"));
    html_add(&b, "<p class=\"lead\">%s</p>\n",
             TR(r,
                "Organisationerna i Järvasamverkan gör saker tillsammans i Järva. Här är "
                "exempel som visats för invånare, och dialoger där invånare fått veta vad som "
                "hänt med deras synpunkter.",
                "The organisations of the Järva collaboration do things together in Järva. "
                "Here are examples shown to residents, and dialogues where residents were told "
                "what became of their views."));
    size_t n = jarva_activity_list_count(list), shown = 0;
    const jarva_activity **rows = malloc((n ? n : 1) * sizeof *rows);
    if (!rows) {
        jarva_activity_list_free(list);
        free(b.text);
        return JARVA_ENOMEM;
    }
    for (size_t k = 0; k < n; k++)
        if (wanted(jarva_activity_list_get(list, k)) &&
            atoi(when(jarva_activity_list_get(list, k))) <= r->year)
            rows[shown++] = jarva_activity_list_get(list, k);
    qsort(rows, shown, sizeof *rows, newest_first);
    char year[5] = "";
    for (size_t k = 0; k < shown; k++) {
        if (strncmp(when(rows[k]), year, 4) != 0) {
            html_add(&b, "%s<h2>%.4s</h2>\n<ul>\n", year[0] ? "</ul>\n" : "", when(rows[k]));
            snprintf(year, sizeof year, "%.4s", when(rows[k]));
        }
        item(h, &b, rows[k]);
    }
    free(rows);
    if (year[0])
        html_add(&b, "</ul>\n");
    if (!shown)
        html_add(&b, "<p>%s</p>\n",
                 TR(r, "Aktivitetsloggen har ännu inga publicerade exempel.",
                    "The activity log holds no published examples yet."));
    jarva_activity_list_free(list);
    jarva__html_end(h, &b);
    return jarva__html_save(h, &b, "exempel.html");
}
