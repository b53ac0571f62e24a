/* report_phrases.c: every phrase the sentence generator (report_sentence.c)
 * builds its sentences from, Swedish and English side by side in ONE table,
 * so that a translator edits words here and never code. A phrase names the
 * values it takes in braces ({subject}, {from}, {year} ...); each language
 * may put them in its own order, use them more than once or leave one out.
 * docs/report-text.md lists the slots and the rules that choose a phrase. */
#include <string.h>

#include "report_internal.h"

#define NB "\xC2\xA0" /* no-break space: "95 % KI", "8 procentenheter" */

static const struct {
    jarva__phrase id;
    const char *sv, *en;
} phrases[] = {
    /* No data, or nothing that may be shown. */
    { PH_NO_DATA, "Det finns inga data för indikatorn till och med {year}.",
      "There are no data for this indicator up to {year}." },
    { PH_NONE_SHOWN, "Inget värde kan redovisas för {years} eftersom {too_few} ({rule}).",
      "No value can be shown for {years} because {too_few} ({rule})." },
    { PH_TOO_FEW_ANSWERS, "för få svarade", "too few responded" },
    { PH_TOO_SMALL_BASIS, "underlaget är för litet", "the basis is too small" },
    { PH_LIST_AND, " och ", " and " },
    /* One value. */
    { PH_VALUE, "{subject} var {value} år {year}", "{subject} was {value} in {year}" },
    { PH_VALUE_CI, " ({level}" NB "KI {ci}).", " ({level}" NB "CI {ci})." },
    { PH_VALUE_NO_N, ". Osäkerheten kan inte anges eftersom antalet svarande inte har publicerats.",
      ". Its uncertainty cannot be given because the number of respondents was not "
      "published." },
    { PH_END, ".", "." },
    /* The change since the baseline: its year and source are always named. */
    { PH_ROSE, "{subject} ökade från {from} ({from_year}, {source}) till {to} ({to_year}).",
      "{subject} rose from {from} ({from_year}, {source}) to {to} ({to_year})." },
    { PH_FELL, "{subject} minskade från {from} ({from_year}, {source}) till {to} ({to_year}).",
      "{subject} fell from {from} ({from_year}, {source}) to {to} ({to_year})." },
    { PH_SAME_COUNT, "{subject} var {to} år {to_year}, lika många som år {from_year} ({source}).",
      "{subject} was {to} in {to_year}, the same as in {from_year} ({source})." },
    { PH_SAME_SHARE, "{subject} var {to} år {to_year}, lika stor som år {from_year} ({source}).",
      "{subject} was {to} in {to_year}, the same as in {from_year} ({source})." },
    { PH_SAME_MEAN, "{subject} var {to} år {to_year}, lika högt som år {from_year} ({source}).",
      "{subject} was {to} in {to_year}, the same as in {from_year} ({source})." },
    { PH_SOURCE_PLAN, "planens utgångsvärde", "the plan's baseline" },
    { PH_SOURCE_FIRST, "första jämförbara mätningen", "the first comparable measurement" },
    { PH_UNTESTED_NO_N,
      " Förändringen kan inte prövas statistiskt eftersom antalet svarande inte har "
      "publicerats.",
      " The change cannot be tested statistically because the number of respondents was not "
      "published." },
    { PH_UNTESTED_EXACT,
      " Uppgifterna är totalräknade och har ingen urvalsosäkerhet, så förändringen prövas inte "
      "statistiskt.",
      " The figures are complete counts without sampling error, so the change is not tested "
      "statistically." },
    { PH_UNTESTED_UNKNOWN,
      " Förändringen kan inte prövas statistiskt eftersom osäkerheten inte är känd.",
      " The change cannot be tested statistically because its uncertainty is not known." },
    { PH_INCREASE, "Ökningen", "The increase" },
    { PH_DECREASE, "Minskningen", "The decrease" },
    { PH_DIFFERENCE, "Skillnaden", "The difference" },
    { PH_SIGNIFICANT, " {noun}, {size} ({level}" NB "KI {ci}), är statistiskt säkerställd",
      " {noun}, {size} ({level}" NB "CI {ci}), is statistically significant" },
    { PH_NOT_SIGNIFICANT, " {noun}, {size} ({level}" NB "KI {ci}), är inte statistiskt säkerställd",
      " {noun}, {size} ({level}" NB "CI {ci}), is not statistically significant" },
    { PH_NOT_AFTER_ADJUSTMENT,
      " när hänsyn tas till rapportens många jämförelser (justerat p = {p})",
      " once the report's many comparisons are taken into account (adjusted p = {p})" },
    /* Why earlier values are not compared. */
    { PH_BREAK, " Tidigare värden jämförs inte eftersom serien bröts {year}.",
      " Earlier values are not compared because the series broke in {year}." },
    { PH_NO_EARLIER, " Det finns ingen tidigare jämförbar mätning.",
      " There is no earlier comparable measurement." },
    { PH_BASELINE_IS_LATEST,
      " Planens utgångsvärde gäller {year}, samma år som det senaste värdet, så ingen "
      "förändring sedan utgångsvärdet kan redovisas ännu.",
      " The plan's baseline is for {year}, the year of the latest value, so no change since the "
      "baseline can be shown yet." },
    { PH_BASELINE_BEFORE_BREAK,
      " Jämförelsen görs inte med utgångsåret {baseline_year} eftersom serien bröts {year}.",
      " The comparison does not start from the baseline year {baseline_year} because the series "
      "broke in {year}." },
    { PH_LATEST_WITHHELD, " Värdet för {year} redovisas inte eftersom {too_few} ({rule}).",
      " The value for {year} is not shown because {too_few} ({rule})." },
    /* The trend of the latest segment. */
    { PH_NO_TREND,
      " Över {first}\xE2\x80\x93{last} ({points} mätningar) syns ingen statistiskt säkerställd "
      "trend.",
      " Over {first}\xE2\x80\x93{last} ({points} points) there is no statistically significant "
      "trend." },
    { PH_TREND,
      " Trenden {first}\xE2\x80\x93{last} är {direction}, i genomsnitt {slope} per år "
      "(statistiskt säkerställd).",
      " The trend over {first}\xE2\x80\x93{last} is {direction}, on average {slope} a year "
      "(statistically significant)." },
    { PH_RISING, "ökande", "rising" },
    { PH_FALLING, "minskande", "falling" },
    /* The target: a proposal is said to be one (issue 12). */
    { PH_NO_TARGET, " Indikatorn har inget målvärde.", " The indicator has no target." },
    { PH_TARGET_PROPOSED, " Förslaget till målvärde är {target} år {year}. Status: {status}.",
      " The proposed target is {target} by {year}. Status: {status}." },
    { PH_TARGET_DECIDED, " Det beslutade målvärdet är {target} år {year}. Status: {status}.",
      " The decided target is {target} by {year}. Status: {status}." },
    /* Why a target the trend reaches is uncertain (rule recent_turn). */
    { PH_RECENT_TURN,
      " Trendlinjen når målvärdet år {year}, men de två senaste mätningarna har båda gått bort "
      "från det.",
      " The trend line reaches the target by {year}, but the two latest measurements both moved "
      "away from it." },
    /* The line above an area's profile (report_area.c): how many of its
     * comparisons with Järva as a whole differ after the adjustment. */
    { PH_AREA_UNTESTABLE,
      "Ingen skillnad mot Järva som helhet kan prövas: ett av värdena saknas, är för osäkert "
      "eller har inget intervall.",
      "No difference from Järva as a whole can be tested: one of the values is missing, too "
      "uncertain or has no interval." },
    { PH_AREA_NO_DIFFERENCE,
      "{area} skiljer sig inte säkert från Järva som helhet i någon av de {tested} jämförelser "
      "som kan prövas.",
      "{area} does not differ significantly from Järva as a whole in any of the {tested} "
      "comparisons that can be tested." },
    { PH_AREA_ONE_BETTER,
      "{area} skiljer sig säkert från Järva som helhet i {differ} av {tested} jämförelser, den "
      "till det bättre.",
      "{area} differs significantly from Järva as a whole in {differ} of {tested} comparisons, "
      "that one for the better." },
    { PH_AREA_ONE_WORSE,
      "{area} skiljer sig säkert från Järva som helhet i {differ} av {tested} jämförelser, den "
      "till det sämre.",
      "{area} differs significantly from Järva as a whole in {differ} of {tested} comparisons, "
      "that one for the worse." },
    { PH_AREA_ALL_BETTER,
      "{area} skiljer sig säkert från Järva som helhet i {differ} av {tested} jämförelser, alla "
      "till det bättre.",
      "{area} differs significantly from Järva as a whole in {differ} of {tested} comparisons, "
      "all for the better." },
    { PH_AREA_ALL_WORSE,
      "{area} skiljer sig säkert från Järva som helhet i {differ} av {tested} jämförelser, alla "
      "till det sämre.",
      "{area} differs significantly from Järva as a whole in {differ} of {tested} comparisons, "
      "all for the worse." },
    { PH_AREA_MIXED,
      "{area} skiljer sig säkert från Järva som helhet i {differ} av {tested} jämförelser: "
      "bättre i {better} och sämre i {worse}.",
      "{area} differs significantly from Järva as a whole in {differ} of {tested} comparisons: "
      "better in {better} and worse in {worse}." },
};

const char *jarva__report_phrase_text(jarva__lang lang, jarva__phrase id)
{
    for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++)
        if (phrases[i].id == id)
            return lang == JARVA__LANG_EN ? phrases[i].en : phrases[i].sv;
    return "";
}

void jarva__report_phrase(jarva__report_buf *b, jarva__lang lang, jarva__phrase id,
                          const jarva__slot *slots, size_t n)
{
    const char *p = jarva__report_phrase_text(lang, id);
    while (*p) {
        const char *open = strchr(p, '{');
        const char *close = open ? strchr(open, '}') : NULL;
        if (!close) {
            jarva__report_buf_add(b, "%s", p);
            return;
        }
        jarva__report_buf_add(b, "%.*s", (int)(open - p), p);
        size_t len = (size_t)(close - open - 1);
        const char *value = NULL;
        for (size_t k = 0; k < n && !value; k++)
            if (strlen(slots[k].name) == len && !strncmp(slots[k].name, open + 1, len))
                value = slots[k].value;
        /* A slot the caller did not give stays visible, so a translator's
         * typo shows in the output instead of vanishing. */
        if (value)
            jarva__report_buf_add(b, "%s", value);
        else
            jarva__report_buf_add(b, "%.*s", (int)(close - open + 1), open);
        p = close + 1;
    }
}
