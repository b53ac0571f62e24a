/* html_about.c: the pages about the report rather than its results: method
 * and quality (metod.html: how the figures are made, what a status means,
 * what is withheld and why, the data sources, series breaks and the
 * figures' limits) and the accessibility statement (tillganglighet.html),
 * laid out as DIGG's template for a tillgänglighetsredogörelse asks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"

static void para(jarva__html_buf *b, const char *text)
{
    html_add(b, "<p>");
    jarva__html_text(b, text);
    html_add(b, "</p>\n");
}

static void series_breaks(jarva__html *h, jarva__html_buf *b)
{
    const jarva__report *r = &h->r;
    size_t n = 0;
    for (size_t i = 0; i < r->n_items; i++) {
        const jarva_indicator *ind = r->items[i].ind;
        if (!ind->series_break_count)
            continue;
        if (!n++)
            html_add(b, "<ul>\n");
        html_add(b, "<li>");
        jarva__html_text(b, jarva__report_ind_name(r->lang, ind));
        html_add(b, ": %s", TR(r, "ny serie från", "new series from"));
        for (size_t k = 0; k < ind->series_break_count; k++)
            html_add(b, "%s %d", k ? "," : "", ind->series_breaks[k]);
        html_add(b, "</li>\n");
    }
    if (n)
        html_add(b, "</ul>\n");
    else
        para(b, TR(r, "Inga serier är brutna.", "No series is broken."));
}

int jarva__html_method(jarva__html *h)
{
    jarva__report *r = &h->r;
    jarva__html_buf b = { 0 };
    jarva__html_begin(h, &b, "metod.html", TR(r, "Metod och kvalitet", "Method and quality"));
    html_add(&b, "<h2>%s</h2>\n", TR(r, "Hur siffrorna tas fram", "How the figures are made"));
    char level[32], text[2000];
    jarva__report_level_text(r->lang, r->level, level, sizeof level);
    if (r->lang == JARVA__LANG_SV)
        snprintf(text, sizeof text,
                 "Andelar och medelvärden från enkäter skattas med hänsyn till urvalet: varje svar "
                 "vägs med sin vikt, och osäkerheten räknas ut för den urvalsdesign som användes. "
                 "Varje värde visas med ett %s konfidensintervall (KI), ett intervall som "
                 "beräknas så att det i %s av fallen innehåller det sanna värdet. "
                 "Aktivitetsloggens uppgifter är totalräknade och har ingen urvalsosäkerhet.",
                 level, level);
    else
        snprintf(text, sizeof text,
                 "Shares and means from surveys are estimated with the sample design in mind: each "
                 "answer is weighted, and the uncertainty is computed for the design used. Every "
                 "value is shown with a %s confidence interval (CI), an interval computed so that "
                 "it contains the true value in %s of cases. The activity log's figures are "
                 "complete counts and have no sampling error.",
                 level, level);
    para(&b, text);
    para(&b, TR(r,
                "Rapporten prövar många förändringar samtidigt. En förändring kallas därför "
                "säkerställd när dess p-värde, justerat med Benjamini–Hochbergs metod över "
                "förändringarna sedan utgångsvärdet för alla indikatorer, är mindre än "
                "signifikansnivån; intervallet som visas gäller förändringen för sig. Trenden "
                "är en rät linje genom den senaste obrutna delen av serien, med minst tre "
                "mätningar.",
                "The report tests many changes at once. A change is therefore called significant "
                "when its p-value, adjusted by the Benjamini-Hochberg method over the changes "
                "since baseline of every indicator, is below the significance level; the interval "
                "shown is that of the change alone. The trend is a straight line through the "
                "latest unbroken part of the series, with at least three points."));
    html_add(&b, "<h2>%s</h2>\n<dl class=\"facts\">\n",
             TR(r, "Status mot målet", "Status against the target"));
    static const jarva_target_state order[] = { JARVA_TARGET_ACHIEVED, JARVA_TARGET_ON_TRACK,
                                                JARVA_TARGET_UNCERTAIN, JARVA_TARGET_OFF_TRACK,
                                                JARVA_TARGET_INSUFFICIENT_DATA };
    for (size_t k = 0; k < 5; k++) {
        html_add(&b, "<dt>");
        jarva__html_status(&b, r->lang, order[k]);
        html_add(&b, "</dt><dd>");
        jarva__html_text(&b, jarva__report_status_meaning(r->lang, order[k]));
        html_add(&b, "</dd>\n");
    }
    html_add(&b, "</dl>\n");
    para(&b, TR(r,
                "Sannolikheten bygger på att utvecklingen fortsätter som den gjort de senaste "
                "jämförbara åren. Den säger inte hur troligt det är att arbetet lyckas: en ny "
                "insats kan ändra utvecklingen, och det är vad nästa mätning visar.",
                "The probability assumes that things go on as in the latest comparable years. It "
                "does not say how likely the work is to succeed: a new initiative can change the "
                "course, and that is what the next measurement will show."));
    html_add(&b, "<h2>%s</h2>\n", TR(r, "Värden som inte redovisas", "Values not shown"));
    para(&b, TR(r,
                "Ett värde som bygger på färre svar än indikatorns gräns (oftast 30) redovisas "
                "aldrig, varken på webben, i rapporten eller i de öppna data; det markeras med "
                "\xE2\x80\x93. Då döljs också ett annat värde i samma jämförelse, så att det "
                "dolda inte kan räknas fram genom subtraktion.",
                "A value based on fewer answers than the indicator's threshold (usually 30) is "
                "never shown, on the web, in the report or in the open data; it is marked "
                "\xE2\x80\x93. Another value of the same comparison is then withheld too, so "
                "that the hidden one cannot be worked out by subtraction."));
    html_add(&b, "<h2>%s</h2>\n", TR(r, "Datakällor", "Data sources"));
    char *sources = jarva__report_data_sources(r);
    if (!sources) {
        free(b.text);
        return JARVA_ENOMEM;
    }
    para(&b, sources);
    free(sources);
    html_add(&b, "<h2>%s</h2>\n", TR(r, "Brutna serier", "Series breaks"));
    para(&b, TR(r,
                "När en fråga eller metod ändras börjar en ny serie. Förändringar och trender "
                "räknas aldrig över ett sådant brott.",
                "When a question or a method changes, a new series begins. Changes and trends "
                "are never computed across such a break."));
    series_breaks(h, &b);
    if (r->notice) {
        html_add(&b, "<h2>%s</h2>\n", TR(r, "Exempeldata", "Example data"));
        para(&b, r->notice);
    }
    jarva__html_end(h, &b);
    return jarva__html_save(h, &b, "metod.html");
}

int jarva__html_a11y(jarva__html *h)
{
    const jarva__report *r = &h->r;
    jarva__html_buf b = { 0 };
    jarva__html_begin(h, &b, "tillganglighet.html",
                      TR(r, "Tillgänglighetsredogörelse", "Accessibility statement"));
    para(&b, TR(r,
                "Järvasamverkan står bakom den här webbplatsen. Vi vill att så många som möjligt "
                "ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om "
                "tillgänglighet till digital offentlig service, kända tillgänglighetsproblem och "
                "hur du kan rapportera brister till oss så att vi kan åtgärda dem.",
                "The Järva collaboration is responsible for this website. We want as many people "
                "as possible to be able to use it. This statement describes how the website "
                "complies with the Swedish act on accessibility to digital public services, known "
                "accessibility problems, and how you can report shortcomings to us so that we "
                "can fix them."));
    html_add(&b, "<h2>%s</h2>\n",
             TR(r, "Hur tillgänglig är webbplatsen?", "How accessible is the website?"));
    para(&b, TR(r,
                "Webbplatsen är gjord för att uppfylla WCAG 2.1 på nivå AA (EN 301 549). Alla "
                "diagram har en text som säger resultatet i ord och en tabell med siffrorna. "
                "Status visas med både symbol och ord, aldrig med bara färg. Sidorna går att "
                "använda med tangentbord, förstorade 400\xC2\xA0% och på en 320 pixlar bred "
                "skärm. Webbplatsen hämtar inget från andra webbplatser.",
                "The website is built to meet WCAG 2.1 at level AA (EN 301 549). Every chart has "
                "a text stating the result in words and a table with its figures. A status is "
                "shown by symbol and word, never by colour alone. The pages work with a keyboard "
                "only, at 400% zoom and on a screen 320 pixels wide. The website loads nothing "
                "from other websites."));
    html_add(&b, "<h2>%s</h2>\n",
             TR(r, "Vad kan du göra om du inte kan använda delar av webbplatsen?",
                "What can you do if you cannot use parts of the website?"));
    para(&b, TR(r,
                "Alla siffror finns också som öppna data (CSV och JSON) som du kan läsa med egna "
                "hjälpmedel. Behöver du innehållet i ett annat format, kontakta någon av "
                "organisationerna i samverkan.",
                "Every figure is also available as open data (CSV and JSON) that you can read with "
                "your own tools. If you need the content in another format, contact one of the "
                "organisations of the collaboration."));
    html_add(&b, "<h2>%s</h2>\n",
             TR(r, "Rapportera brister i webbplatsens tillgänglighet",
                "Report shortcomings in the website's accessibility"));
    para(&b,
         TR(r,
            "Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du "
            "upptäcker problem som inte är beskrivna på den här sidan, eller om du anser att "
            "vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns.",
            "We keep working to improve the website's accessibility. If you find problems "
            "not described on this page, or think that we do not meet the requirements of "
            "the act, tell us so that we know the problem exists."));
    html_add(&b, "<h2>%s</h2>\n", TR(r, "Tillsyn", "Enforcement"));
    para(&b, TR(r,
                "Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen "
                "om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi "
                "hanterar dina synpunkter kan du kontakta Digg och påpeka det.",
                "The Agency for Digital Government (Digg) enforces the act on accessibility to "
                "digital public services. If you are not satisfied with how we handle your "
                "comments, you can contact Digg and say so."));
    html_add(&b, "<h2>%s</h2>\n",
             TR(r, "Teknisk information om webbplatsens tillgänglighet",
                "Technical information about the website's accessibility"));
    para(&b, TR(r,
                "Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig "
                "service, så långt våra tester visar.",
                "The website is fully compliant with the act on accessibility to digital public "
                "services, as far as our tests show."));
    html_add(&b, "<h3>%s</h3>\n",
             TR(r, "Innehåll som inte är tillgängligt", "Content that is not accessible"));
    para(&b, TR(r,
                "Den tryckta rapporten (PDF) är inte taggad och därför inte tillgänglig för "
                "skärmläsare: verktyget som skapar den kan inte skriva taggad PDF. Den här "
                "webbplatsen är den tillgängliga versionen av rapporten, med samma innehåll.",
                "The printed report (PDF) is untagged and so not accessible to screen readers: "
                "the tool that makes it cannot write tagged PDF. This website is the accessible "
                "edition of the report, with the same content."));
    html_add(&b, "<h2>%s</h2>\n", TR(r, "Hur vi testat webbplatsen", "How we tested the website"));
    para(&b, TR(r,
                "Varje sida testas automatiskt varje gång webbplatsen byggs: axe-core granskar "
                "den mot WCAG 2.1 A och AA i webbläsaren Chromium, tidy kontrollerar HTML-koden, "
                "och testet prövar tangentbordet, hopplänken och 320 pixlars bredd. Automatiska "
                "tester hittar inte alla brister; vi har också granskat sidorna själva.",
                "Every page is tested automatically each time the website is built: axe-core "
                "checks it against WCAG 2.1 A and AA in the Chromium browser, tidy checks the "
                "HTML, and the test tries the keyboard, the skip link and a width of 320 pixels. "
                "Automatic tests do not find every problem; we have also reviewed the pages "
                "ourselves."));
    if (r->date[0]) {
        html_add(
            &b, "<p>%s ",
            TR(r, "Redogörelsen uppdaterades senast den", "The statement was last updated on"));
        jarva__html_text(&b, r->date);
        html_add(&b, ".</p>\n");
    }
    jarva__html_end(h, &b);
    return jarva__html_save(h, &b, "tillganglighet.html");
}
