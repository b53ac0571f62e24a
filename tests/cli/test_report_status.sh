#!/bin/sh
# test_report_status.sh: the report's «Läget i korthet» agrees with
# `jarva status --format json` (issue 12), on the example data
# (examples/run.sh): each group's count in its heading is the number of
# indicators with that status; every off-track and uncertain indicator is in
# the table of those that need action, all off-track ones before the
# uncertain ones; every on-track, achieved and not-judged indicator is named
# in its own group's list and in no other; the table of activities per
# year has the years the sentences compare with; and the tables by sex,
# age group, organisation and role show what `jarva results --domains`
# stores (n and value), never a suppressed group's. Read through pdftotext;
# skipped where it is missing.
. "$(dirname "$0")/lib.sh"

if ! command -v pdftotext >/dev/null 2>&1; then
    echo "pdftotext not found: skipping"
    finish
fi
DB=$T/example.db
JARVA_EXAMPLE_DB=$DB JARVA_EXAMPLE_PDF=$T/report.pdf JARVA_EXAMPLE_WEB=$T/web \
    sh "$JARVA_SRC/examples/run.sh" "$(dirname "$JARVA")/../.." >"$T/run.out" 2>&1
checks=$((checks + 1))
[ -s "$T/report.pdf" ] || fail "examples/run.sh wrote no report: $(tail -n 5 "$T/run.out")"

# indicator id and status, one a line; and id and Swedish name.
run --db "$DB" --format json status
expect_status 0 "status --format json"
sed -n 's/.*"indicator": "\([^"]*\)".*"status": "\([^"]*\)".*/\1 \2/p' "$OUT" >"$T/status.txt"
run --db "$DB" --format json indicators
expect_status 0 "indicators --format json"
sed -n 's/.*"id": "\([^"]*\)".*"name_sv": "\([^"]*\)".*/\1\t\2/p' "$OUT" >"$T/names.txt"
checks=$((checks + 1))
[ "$(wc -l <"$T/status.txt")" -ge 30 ] || fail "status gave $(wc -l <"$T/status.txt") rows"

# The summary page as one line, no-break spaces as spaces.
pdftotext "$T/report.pdf" - | sed 's/\xc2\xa0/ /g' | tr '\n\f' '  ' | tr -s ' ' >"$T/all.txt"
# When it runs over a page, the page's foot and the next one's head go.
glance=$(sed -n 's/.*Läget i korthet Läget i korthet \(.*\) Innehåll Läget i korthet.*/\1/p' \
    "$T/all.txt" | sed 's/ \(Simulerade exempeldata: [^S]*\)\{0,1\}Sida [0-9]* av [0-9]* Effektrapport [0-9]* · Järvasamverkan Läget i korthet / /g')
checks=$((checks + 1))
[ -n "$glance" ] || fail "no «Läget i korthet» page before the contents"

count() { awk -v s="$1" '$2 == s' "$T/status.txt" | wc -l | tr -d ' '; }
name_of() { awk -F '\t' -v id="$1" '$1 == id { print $2 }' "$T/names.txt"; }
# The offset of a fixed string in the page, or -1.
offset() {
    printf '%s' "$glance" | awk -v s="$1" '{ i = index($0, s); print i ? i : -1 }'
}

off=$(count off_track)
unc=$(count uncertain)
ok=$(count on_track)
done_=$(count achieved)
nj=$(count insufficient_data)
for heading in "Inte på väg ($off)" "Osäkert ($unc)" "På väg mot målet, med sannolikheten att nå det ($ok)" \
    "Uppnått ($done_)"; do
    checks=$((checks + 1))
    case $glance in
    *"$heading"*) ;;
    *) fail "the summary page lacks the heading «$heading» that status --format json gives" ;;
    esac
done
checks=$((checks + 1))
printf '%s' "$glance" | grep -q "Kan inte bedömas ännu[^(]*($nj)" ||
    fail "the summary page does not say $nj cannot be judged"

# Where the lists of the groups start (the table of those needing action
# ends with its note, "Kvar och takt ...").
table_end=$(offset "Kvar och takt")
on_from=$(offset "På väg mot målet, med sannolikheten")
done_from=$(offset "Uppnått (")
nj_from=$(offset "Kan inte bedömas ännu")
last_off=0
first_unc=999999
while read -r id status; do
    name=$(name_of "$id")
    at=$(offset "$name")
    checks=$((checks + 1))
    case $status in
    off_track | uncertain)
        if [ "$at" -lt 0 ] || [ "$at" -gt "$table_end" ]; then
            fail "$id ($status) is not in the table of what needs action"
        elif [ "$status" = off_track ] && [ "$at" -gt "$last_off" ]; then
            last_off=$at
        elif [ "$status" = uncertain ] && [ "$at" -lt "$first_unc" ]; then
            first_unc=$at
        fi
        ;;
    on_track)
        [ "$at" -gt "$on_from" ] && [ "$at" -lt "$done_from" ] ||
            fail "$id (on_track) is not in the list of goals on track"
        ;;
    achieved)
        [ "$at" -gt "$done_from" ] && [ "$at" -lt "$nj_from" ] ||
            fail "$id (achieved) is not in the list of achieved goals"
        ;;
    insufficient_data)
        [ "$at" -gt "$nj_from" ] || fail "$id (insufficient_data) is not among those not judged"
        ;;
    esac
done <"$T/status.txt"
checks=$((checks + 1))
[ "$last_off" -lt "$first_unc" ] || fail "an uncertain goal comes before an off-track one"

# Table 2 (activities per year) has every year the activity sentences
# compare with (their baseline: "Utgångsvärde: 68 % (2019, första jämförbara
# mätningen)", the year the sentence "ökade från 68 % (2019 ...) till ..." starts from).
head2=$(pdftotext -layout "$T/report.pdf" - | grep -a -A1 "Tabell [0-9]*\. Aktiviteter per år" | tail -n 1)
years=$(grep -ao "Källa: Aktivitetsloggen · Område[^·]*· Utgångsvärde: [^(]*([0-9]\{4\}" \
    "$T/all.txt" | grep -o "[0-9]\{4\}$" | sort -u)
checks=$((checks + 1))
[ -n "$years" ] || fail "found no activity sentence comparing with a year"
for y in $years; do
    checks=$((checks + 1))
    case $head2 in
    *"$y"*) ;;
    *) fail "Table 2 lacks $y, which the text compares with (header: $head2)" ;;
    esac
done

# The breakdowns: in the table under safe-evening-survey (Järva 2025) and
# under staff-know-agreement, each group's n and value as the CLI's JSON
# has them (the value rounded to a whole percent, as the report prints
# shares), and ".." with no n for a suppressed group.
pdftotext -layout "$T/report.pdf" - | sed 's/\xc2\xa0/ /g' >"$T/layout.txt"
# The table's lines, caption to note, of the indicator's own block: after
# its name as a heading (a line starting with "Källa:" follows within three
# lines), since every staff indicator's table has the same caption.
breakdown() { # INDICATOR CAPTION
    name=$(name_of "$1" | cut -c1-40)
    awk -v name="$name" -v c="$2" '
        index($0, name) { at = NR }
        /^ *Källa:/ && at && NR - at <= 3 { mine = 1 }
        mine && index($0, c) { on = 1 }
        on { print }
        on && /redovisas inte:/ { exit }' "$T/layout.txt"
}
check_group() { # TABLE_FILE LABEL N VALUE SUPPRESSED
    checks=$((checks + 1))
    line=$(grep -a "^ *$2  " "$1" | head -n 1)
    if [ "$5" = true ]; then
        case $line in
        *"$2"*" .. "*".."*) ;;
        *) fail "$2: a suppressed group shows «$line»" ;;
        esac
        return
    fi
    pct=$(awk -v v="$4" 'BEGIN { printf "%d", v * 100 + 0.5 }')
    case $line in
    *" $pct %"*" $3") ;;
    *) fail "$2: expected $pct % and n $3, the report has «$line»" ;;
    esac
}
for spec in "safe-evening-survey|Efter kön och åldersgrupp, Järva 2025" \
    "staff-know-agreement|Efter organisation och roll, Järva 2025"; do
    id=${spec%%|*}
    caption=${spec#*|}
    breakdown "$id" "$caption" >"$T/breakdown.txt"
    checks=$((checks + 1))
    [ -s "$T/breakdown.txt" ] || { fail "no table «$caption»"; continue; }
    run --db "$DB" --format csv results --indicator "$id" --year 2025 --area jarva --domains
    expect_status 0 "results --domains $id"
    # domain, n, estimate, suppressed (columns 5, 6, 7, 15)
    tail -n +2 "$OUT" | awk -F, '$5 != "" { print $5 "|" $6 "|" $7 "|" $15 }' >"$T/groups.txt"
    checks=$((checks + 1))
    [ "$(wc -l <"$T/groups.txt")" -ge 5 ] || fail "$id: $(wc -l <"$T/groups.txt") groups"
    while IFS='|' read -r domain n est supp; do
        case $domain in
        sex=K) label=Kvinnor ;;
        sex=M) label=Män ;;
        age_group=*) label="$(echo "${domain#*=}" | sed 's/-/–/') år" ;;
        role=chef) label=Chefer ;;
        role=medarbetare) label=Medarbetare ;;
        "role=utpekat ansvar") label="Med utpekat ansvar" ;;
        organisation=polisen-lpo-jarva) label="Lokalpolisområde Järva" ;;
        organisation=jarva-sdf) label="Järva stadsdelsförvaltning" ;;
        organisation=trafikkontoret) label=Trafikkontoret ;;
        *) continue ;;
        esac
        check_group "$T/breakdown.txt" "$label" "$n" "$est" "$supp"
    done <"$T/groups.txt"
done
finish
