/* report_internal.h: what the files of the effect report share: the report
 * being rendered, each indicator's data as of the report's year, the words
 * of both languages and the generated sentences. */
#ifndef JARVA_REPORT_INTERNAL_H
#define JARVA_REPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <jarva.h>
#include <jarva/report.h>
#include "number_format.h"
#include "pdf_doc.h"
#include "pdf_symbol.h"

/* The confidence level when the database stores none (every estimate
 * carries the level `jarva compute --level` used, and the report states
 * that one: jarva__report_level()). */
#define REPORT_LEVEL 0.95
/* The smallest number of positive and of other answers a share is shown
 * with (jarva_estimate_options.min_cell's default, which compute uses). */
#define REPORT_MIN_CELL 3

/* One indicator as the report shows it, as of the report's year. */
typedef struct jarva__report_item {
    const jarva_indicator *ind;
    const jarva_goal *goal;  /* NULL if the catalogue lost it */
    char *area_id;           /* the headline area (owned) */
    const char *area_name;   /* its name, borrowed from the area list */
    jarva_series_data *data; /* the headline series, every year (owned) */
    jarva_series series;     /* the same, cut at the report's year */
    size_t shown;            /* estimates in series that may be shown */
    long latest;             /* index of the latest estimate, -1 if none */
    long latest_shown;       /* index of the latest estimate that may be shown, -1 */
    long base;               /* index compared with latest_shown, -1 if none */
    bool base_is_baseline;   /* base is the catalogue's baseline year */
    double base_value;       /* the baseline's value: the catalogue's, or the estimate at base */
    int break_year;          /* the series break that starts latest_shown's segment, 0 */
    bool has_change;
    jarva_change change; /* from base to latest_shown; significant as the family decides */
    /* Benjamini-Hochberg adjusted p of the change over the report's family
     * (jarva_summary_open(): every indicator's change since baseline in its
     * headline area, as `jarva status` adjusts); NaN when not tested. */
    double change_p_adjusted;
    bool has_trend;    /* a trend fitted through at least 3 points */
    jarva_trend trend; /* of latest_shown's segment */
    jarva_target_status status;
    int has_target;
    jarva_result_list *results; /* every estimate of the indicator (owned), for the bars */
    size_t bars_from, bars_to;  /* the results of the areas compared, [from, to) */
    int bar_year;               /* their year, 0 if fewer than two areas have one */
    /* The headline area's breakdowns (sex, age group, organisation, role)
     * in the latest year with a value shown (owned; NULL if none), and its
     * groups in the tables' order (owned; report_breakdown.c). */
    jarva_result_list *breakdowns;
    int breakdown_year;
    struct jarva__breakdown_row *breakdown_rows;
    size_t n_breakdown_rows;
    double level; /* the level its estimates were computed at; 0: REPORT_LEVEL */
} jarva__report_item;

typedef struct jarva__report {
    jarva_db *db;
    jarva__pdf *doc;
    jarva__lang lang;
    int year;
    const char *notice; /* UTF-8 or NULL */
    bool stale;         /* batches were imported after the estimates were computed */
    char date[64];      /* the cover's date, "" if none */
    jarva_plan plan;
    jarva_goal_list *goals;
    jarva_indicator_list *indicators;
    jarva_audience_list *audiences;
    jarva_organisation_list *organisations;
    jarva_area_list *areas;
    jarva_batch_list *batches;
    jarva_source_info_list *sources;        /* sources.csv (may be empty) */
    jarva_published_source_list *published; /* where the published figures came from */
    jarva_summary *summary;                 /* every target's status, what needs action first */
    jarva__report_item *items;              /* one per indicator, in plan order */
    size_t n_items;
    int figure; /* the last figure and table numbers used */
    int table;
    int section;            /* the last section number */
    double level;           /* the level of the stored estimates (REPORT_LEVEL if none) */
    char survey_method[32]; /* the stored CI method of survey shares ("logit", "beta"), or "" */
    bool continue_page;     /* the next part goes on below the contents, on their page */
    bool stay_on_page;      /* a heading stayed on a page less than half filled: its first
                          indicator's texts stay with it (report_goals.c) */
} jarva__report;

/* ---- report.c ---- */

/* Fills r for a report (PDF or web edition) as opts ask: checks the options,
 * computes estimates the database lacks, chooses the year, reads everything
 * (jarva__report_load), the notice and the date. r->doc stays NULL. On
 * failure the message is in the database; call jarva__report_unload(r)
 * either way. */
struct jarva_report_options;
int jarva__report_open(jarva__report *r, jarva_db *db, const struct jarva_report_options *opts);

/* What a rendered report drew where, page by page (the layout tests): the
 * boxes jarva__pdf_record_boxes collects, each page's flags and the frame. */
typedef struct jarva__report_layout {
    jarva__pdf_box *boxes;
    size_t n_boxes;
    unsigned *page_flags; /* JARVA__PAGE_* per page */
    size_t n_pages;
    jarva__pdf_frame frame;
} jarva__report_layout;
/* Renders the report as jarva_report_render does, into *layout instead of
 * bytes; free it with jarva__report_layout_free. */
int jarva__report_render_layout(jarva_db *db, const struct jarva_report_options *opts,
                                jarva__report_layout *layout);
void jarva__report_layout_free(jarva__report_layout *layout);

/* ---- report_data.c: reading the database ---- */

/* Reads the catalogue, the batches and every indicator's data into r (db,
 * lang and year set). Returns a status with the message in the database. */
int jarva__report_load(jarva__report *r);
void jarva__report_unload(jarva__report *r);
/* The catalogue's organisation of an id, NULL if none; its name in the
 * report's language (the Swedish one where no English is given). */
const jarva_organisation *jarva__report_organisation(const jarva__report *r, const char *id);
const char *jarva__report_organisation_name(const jarva__report *r, const jarva_organisation *o);
/* The organisation that owns an indicator's goal (goals.csv's owner), in
 * the report's language; NULL if none is named. */
const char *jarva__report_goal_owner(const jarva__report *r, const jarva_indicator *ind);
/* An area's name in the report's language (areas.csv's name_en in English
 * where given), or fallback for an unknown id. Valid while r is loaded. */
const char *jarva__report_area_name(const jarva__report *r, const char *id, const char *fallback);
/* The area with that id, or NULL. */
const jarva_area *jarva__report_area(const jarva__report *r, const char *id);
/* The analysis that needs no database: latest, base, change and trend from
 * it->series and it->ind (pure, for tests). */
void jarva__report_analyse(jarva__report_item *it);
/* Takes the baseline and the change from it->status (the one baseline rule
 * of jarva_target_assess(), docs/status.md) and the change's significance
 * from the summary's Benjamini-Hochberg family (it may be NULL: then the
 * change's own test). Pure, for tests. */
void jarva__report_adopt_status(jarva__report_item *it, const jarva_summary_item *family);
/* Whether an estimate may be shown. */
bool jarva__report_shown(const jarva_estimate *e);

/* ---- report_words.c: words, numbers and names in the report's language ---- */

/* An item's level (REPORT_LEVEL when unset), and a level as "95 %"/"95%". */
double jarva__report_level(const jarva__report_item *it);
void jarva__report_level_text(jarva__lang lang, double level, char *buf, size_t cap);

/* sv or en as the language says. */
const char *jarva__report_tr(jarva__lang lang, const char *sv, const char *en);
#define TR(r, sv, en) jarva__report_tr((r)->lang, (sv), (en))

/* A growing UTF-8 string; a failed allocation is remembered and makes
 * jarva__report_buf_take return NULL. */
typedef struct jarva__report_buf {
    char *text;
    size_t len, cap;
    bool failed;
} jarva__report_buf;
void jarva__report_buf_add(jarva__report_buf *b, const char *fmt, ...) JARVA__PDF_PRINTF(2, 3);
/* The text (the caller frees), or NULL if memory ran out. */
char *jarva__report_buf_take(jarva__report_buf *b);

/* How an indicator's values are shown: percent for shares, else plain. */
jarva__unit jarva__report_unit(const jarva_indicator *ind);
int jarva__report_decimals(const jarva_indicator *ind);
/* A value ("64 %", "3,5", "12"); "–" if not finite. */
void jarva__report_value(jarva__lang lang, const jarva_indicator *ind, double value, char *buf,
                         size_t cap);
/* An interval of values ("24–58 %", "1,1–10,2"). */
void jarva__report_interval(jarva__lang lang, const jarva_indicator *ind, double lo, double hi,
                            char *buf, size_t cap);
/* An estimate's interval as the tables show it: "KI saknas" (no n), "exakt"
 * (a count or published value without sampling error), else its interval:
 * one wording for the PDF and the web pages. */
void jarva__report_estimate_ci(jarva__lang lang, const jarva_indicator *ind,
                               const jarva_estimate *e, char *buf, size_t cap);
/* A difference's size without sign and with its unit ("8 procentenheter",
 * "2", "0,3"), and an interval of differences without unit ("3–13"). */
void jarva__report_diff(jarva__lang lang, const jarva_indicator *ind, double diff, unsigned flags,
                        char *buf, size_t cap);
void jarva__report_diff_interval(jarva__lang lang, const jarva_indicator *ind, double lo, double hi,
                                 char *buf, size_t cap);
/* The same at the given decimals. */
void jarva__report_diff_at(jarva__lang lang, const jarva_indicator *ind, double diff, int decimals,
                           unsigned flags, char *buf, size_t cap);
void jarva__report_diff_interval_at(jarva__lang lang, const jarva_indicator *ind, double lo,
                                    double hi, int decimals, char *buf, size_t cap);
/* The decimals a tested change and its interval are printed with: the
 * indicator's, or more until an interval that excludes 0 prints excluding 0
 * (issue 11); the indicator's own for an untested change. */
int jarva__report_change_decimals(const jarva_indicator *ind, const jarva_change *change);
/* Where an item's baseline comes from, as a noun phrase: "planens
 * utgångsvärde" (the catalogue's, same series) or "första jämförbara
 * mätningen" (the first estimate of the latest segment). Static. */
const char *jarva__report_baseline_source(jarva__lang lang, const jarva__report_item *it);
/* The baseline with its year and source, "50 % (2019, första jämförbara
 * mätningen)"; "" when the series has none. */
void jarva__report_baseline_text(jarva__lang lang, const jarva__report_item *it, char *buf,
                                 size_t cap);
/* The indicator's name, a goal's text and an audience's name in the language. */
const char *jarva__report_ind_name(jarva__lang lang, const jarva_indicator *ind);
const char *jarva__report_goal_text(jarva__lang lang, const jarva_goal *goal);
const char *jarva__report_audience_name(jarva__lang lang, const jarva_audience *aud);
/* The name of a survey, table or log id ("Polisens trygghetsmätning"), as
 * the catalogue's sources.csv gives it (a built-in name without it); the id
 * itself if unknown. Valid while r is loaded. */
const char *jarva__report_source_name(const jarva__report *r, const char *source);
/* A date as "29 november 2026" / "29 November 2026" from seconds since 1970,
 * or from the start of an ISO 8601 text; "" if it cannot be read. */
void jarva__report_date_from_time(jarva__lang lang, long long seconds, char *buf, size_t cap);
void jarva__report_date_from_iso(jarva__lang lang, const char *iso, char *buf, size_t cap);
/* The disclosure rule of an indicator, as a clause ("färre än 30 svar eller
 * färre än 3 på endera sidan"). */
void jarva__report_rule(jarva__lang lang, const jarva_indicator *ind, char *buf, size_t cap);
/* The trend's word for the summary ("Ökande", "Ingen säker trend", ...). */
const char *jarva__report_trend_word(jarva__lang lang, const jarva__report_item *it);

/* A status's word ("Uppnått", "Inte på väg" / "Achieved", "Off track") and
 * the mark drawn before it. */
const char *jarva__report_status_word(jarva__lang lang, jarva_target_state state);
jarva__pdf_mark jarva__report_mark(jarva_target_state state);

/* ---- report_phrases.c: the sentence generator's words, sv and en ---- */

typedef enum jarva__phrase {
    PH_NO_DATA,
    PH_NONE_SHOWN,
    PH_TOO_FEW_ANSWERS,
    PH_TOO_SMALL_BASIS,
    PH_LIST_AND,
    PH_VALUE,
    PH_VALUE_CI,
    PH_VALUE_NO_N,
    PH_END,
    PH_ROSE,
    PH_FELL,
    PH_SAME_COUNT,
    PH_SAME_SHARE,
    PH_SAME_MEAN,
    PH_SOURCE_PLAN,
    PH_SOURCE_FIRST,
    PH_UNTESTED_NO_N,
    PH_UNTESTED_EXACT,
    PH_UNTESTED_UNKNOWN,
    PH_INCREASE,
    PH_DECREASE,
    PH_DIFFERENCE,
    PH_SIGNIFICANT,
    PH_NOT_SIGNIFICANT,
    PH_NOT_AFTER_ADJUSTMENT,
    PH_BREAK,
    PH_NO_EARLIER,
    PH_BASELINE_IS_LATEST,
    PH_BASELINE_BEFORE_BREAK,
    PH_LATEST_WITHHELD,
    PH_NO_TREND,
    PH_TREND,
    PH_RISING,
    PH_FALLING,
    PH_NO_TARGET,
    PH_TARGET_PROPOSED,
    PH_TARGET_DECIDED,
    PH_RECENT_TURN,
    PH_AREA_UNTESTABLE,
    PH_AREA_NO_DIFFERENCE,
    PH_AREA_ONE_BETTER,
    PH_AREA_ONE_WORSE,
    PH_AREA_ALL_BETTER,
    PH_AREA_ALL_WORSE,
    PH_AREA_MIXED
} jarva__phrase;

/* A value for a phrase's {name}. */
typedef struct jarva__slot {
    const char *name, *value;
} jarva__slot;

/* A phrase's text in the language (static; "" for an unknown id). */
const char *jarva__report_phrase_text(jarva__lang lang, jarva__phrase id);
/* Appends the phrase with its {name}s replaced by the n slots' values; a
 * name without a slot is left as written. */
void jarva__report_phrase(jarva__report_buf *b, jarva__lang lang, jarva__phrase id,
                          const jarva__slot *slots, size_t n);
#define PHRASE(b, lang, id, ...)                                                                   \
    jarva__report_phrase((b), (lang), (id), (const jarva__slot[]){ __VA_ARGS__ },                  \
                         sizeof((const jarva__slot[]){ __VA_ARGS__ }) / sizeof(jarva__slot))

/* ---- report_sentence.c ---- */

/* The sentences that state an indicator's result with its uncertainty, in
 * plain Swedish or English. Malloc'd UTF-8, or NULL if memory ran out. */
char *jarva__report_sentence(jarva__lang lang, int year, const jarva__report_item *it);
/* The noun phrase an indicator's sentence starts with ("Andelen som ..."). */
char *jarva__report_subject(jarva__lang lang, const jarva_indicator *ind);

/* ---- the parts of the document, each drawing at the cursor ---- */
int jarva__report_cover(jarva__report *r);   /* report_front.c */
int jarva__report_summary(jarva__report *r); /* report_front.c */
int jarva__report_glance(jarva__report *r);  /* report_glance.c: «Läget i korthet» */
/* The cells of a «Läget i korthet» row that needs action, shared by the PDF
 * and the web edition (report_glance.c): the latest value, the target with
 * its kind, the gap, the pace needed | so far, the probability, and the
 * organisation that owns the goal. */
typedef struct jarva__glance_cells {
    char latest[160], target[200], gap[64], paces[160], prob[64];
    char owner[256];      /* "Ansvarig: Lokalpolisområde Järva" (goals.csv's owner), "" if none */
    char owner_name[200]; /* "Lokalpolisområde Järva", ".." if none is named */
} jarva__glance_cells;
void jarva__report_glance_cells(const jarva__report *r, const jarva_summary_item *it,
                                jarva__glance_cells *c);
const char *jarva__report_glance_group_title(const jarva__report *r, jarva_summary_group g);
/* The note under the table: units, and what . and .. mean. */
void jarva__report_glance_note(const jarva__report *r, char *buf, size_t cap);
int jarva__report_goals(jarva__report *r); /* report_goals.c */

/* ---- report_breakdown.c: an indicator by sex, age group, organisation, role ---- */

/* One group of a breakdown, as the tables show it. */
typedef struct jarva__breakdown_row {
    const jarva_result *result; /* in the item's breakdowns */
    const char *code;           /* the group's code: "K", "16-29", an organisation id */
    int rank;                   /* the breakdown's place in the tables' order */
    long position;              /* an organisation's catalogue position, else LONG_MAX */
    size_t index;               /* in the results, which sort the rest */
} jarva__breakdown_row;

/* Reads it's breakdowns (surveys and the staff survey only: the tables
 * count respondents) and orders their groups: the breakdown_* fields. A
 * status with the message in the database. */
int jarva__report_breakdown_load(const jarva__report *r, jarva__report_item *it);
/* A breakdown's id ("sex", "age_group", "organisation", "role") of a row. */
const char *jarva__report_breakdown_dimension(const jarva__breakdown_row *row);
/* Whether the breakdown of that rank has a group that may be shown. */
bool jarva__report_breakdown_shown(const jarva__report_item *it, int rank);
/* The sentence for the breakdowns whose every group is withheld ("Efter kön
 * och åldersgrupp kan inget värde redovisas för 2023: ..."); false (buf
 * untouched) when there are none. */
bool jarva__report_breakdown_withheld(const jarva__report *r, const jarva__report_item *it,
                                      char *buf, size_t cap);
/* A breakdown's name ("Kön", "Åldersgrupp"; "Sex", "Age group"), static. */
const char *jarva__report_dimension_name(jarva__lang lang, const char *dimension);
/* A group's name: "Kvinnor", "16–29 år", an organisation's name, "Chefer";
 * a code the shipped mappings do not list as stored. */
void jarva__report_domain_label(const jarva__report *r, const char *dimension, const char *value,
                                char *buf, size_t cap);
/* What «..» means under a breakdown's table (PDF and web). Static. */
const char *jarva__report_breakdown_note(jarva__lang lang);
/* The PDF table of an indicator's breakdowns (nothing when it has none). */
int jarva__report_breakdown(jarva__report *r, const jarva__report_item *it);
/* report_area.c: a page per area against Järva as a whole, and the method
 * appendix's paragraph on those comparisons and their family. */
int jarva__report_areas(jarva__report *r);
int jarva__report_area_method(jarva__report *r);
void jarva__report_area_method_text(const jarva__report *r, size_t tested, size_t significant,
                                    char *buf, size_t cap);
/* The test of an area's estimate against Järva's (area minus whole, as two
 * independent estimates: conservative, since the area is part of the
 * whole); false if it cannot be tested (pure, for tests). */
bool jarva__report_area_test(const jarva_estimate *area, const jarva_estimate *whole, double level,
                             jarva_change *out);
/* The family of area comparisons of r: each tested comparison's p-value and
 * its Benjamini-Hochberg adjusted value (both malloc'd, the caller frees). */
int jarva__report_area_family(const jarva__report *r, double **p_values, double **p_adjusted,
                              size_t *n);
int jarva__report_activity(jarva__report *r); /* report_appendix.c */
int jarva__report_method(jarva__report *r);   /* report_appendix.c */
/* The quality declaration, one table per source (report_quality.c). */
int jarva__report_quality(jarva__report *r);
int jarva__report_sources(jarva__report *r); /* report_appendix.c */
/* Every survey, table and log the database holds, with its years, as one
 * sentence (the cover's "Datakällor"); malloc'd, NULL with the message set if
 * it failed (report_front.c). */
char *jarva__report_data_sources(jarva__report *r);
/* The summary's opening paragraph: how many indicators, with what data and
 * which statuses (report_front.c). */
void jarva__report_summary_text(const jarva__report *r, char *text, size_t cap);
/* What a status means, as the legend says it; static UTF-8. */
const char *jarva__report_status_meaning(jarva__lang lang, jarva_target_state state);
/* The summary's cells, shared by the PDF and the web edition (report_front.c):
 * the latest value with its year and interval ("64 % (2025)\n61–67 %"), and
 * the change since the base year with its test ("+8 sedan 2019\nsäkerställd");
 * lines are separated by '\n'. */
void jarva__report_latest_cell(const jarva__report *r, const jarva__report_item *it, char *buf,
                               size_t cap);
void jarva__report_change_cell(const jarva__report *r, const jarva__report_item *it, char *buf,
                               size_t cap);
/* The line under an indicator's name ("Källa: … · Område: … · Mål: …") and
 * what its chart's value axis shows ("Procent, med 95 % konfidensintervall"),
 * shared by the PDF and the web edition (report_goals.c). */
void jarva__report_meta_line(const jarva__report *r, const jarva__report_item *it, char *buf,
                             size_t cap);
/* The charts' subtitle: what the value axis shows, and "med 95 %
 * konfidensintervall" (at the stored level) only when has_ci. */
void jarva__report_measure_text(const jarva__report *r, const jarva__report_item *it, bool has_ci,
                                char *buf, size_t cap);
/* The target with its year and kind, "70 % (2027)\nförslag" ("inget mål"). */
void jarva__report_target_cell(const jarva__report *r, const jarva__report_item *it, char *buf,
                               size_t cap);
/* The note under the summary table (units, the baseline's source, what
 * "säkerställd" means in the report's family, the symbols), shared by the
 * PDF and the web edition. */
void jarva__report_summary_note(const jarva__report *r, char *note, size_t cap);
/* A change's test in a word: "säkerställd", "ej säkerställd", or "ej
 * prövbar" for NULL or an untestable change. Static. */
const char *jarva__report_test_word(jarva__lang lang, const jarva_change *change);
/* "Mål 2: <text>" or "Kommunikationsmål 3.1: <text>" (report_front.c). */
void jarva__report_goal_label(const jarva__report *r, const jarva_goal *g, char *buf, size_t cap);
/* Starts a part of the report on a new page, or on the contents' page
 * when that has room saved for it (report.c). */
int jarva__report_new_part(jarva__report *r);
/* Lets a section go on below the one before when `height` points (its
 * heading and what must stay with it) fit, else on a new page (issue 12:
 * sections continue on the same page where they fit; report.c). */
int jarva__report_flow_section(jarva__report *r, double height);
/* A level-1 heading numbered as the next section ("3 Målgrupp: ..."). */
int jarva__report_section(jarva__report *r, const char *title);

#endif /* JARVA_REPORT_INTERNAL_H */
