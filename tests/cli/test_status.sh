# test_status.sh: the judgement of issue 11 through the CLI: complete counts
# are exact (20 of 20 proposals answered is 100 % and achieved, never
# suppressed), zeros stay in a count's trend, `jarva status` and `jarva
# trend` give typed CSV/JSON with exactly the documented fields, and a
# single-respondent stratum computes with --lonely-psu adjust (or the
# source's default) as R's options(survey.lonely.psu = "adjust")
# (tests/reference/make_compute_fixture.R, ref_compute_lonely.csv).
. "$JARVA_SRC/tests/cli/lib.sh"
DB=$T/status.db
j() { run --db "$DB" "$@"; }

# An activity log: 16 of 20 proposals answered in 2024, 20 of 20 in 2025;
# common material in 2021 and 2023 only (2022, 2024 and 2025 are zeros).
log=$T/log.csv
echo "datum;organisation;målgrupp;typ;område;antal;räckvidd;planerat;levererat;beskrivning" >"$log"
i=0
while [ $i -lt 20 ]; do
    i=$((i + 1))
    given=2024-06-30
    [ $i -gt 16 ] && given=""
    echo "2024-03-01;Järva stadsdelsförvaltning;3;feedback_given;Husby;1;;;$given;Förslag $i" >>"$log"
    echo "2025-03-01;Järva stadsdelsförvaltning;3;feedback_given;Husby;1;;;2025-05-02;Förslag $i" >>"$log"
done
for y in 2021 2022 2023 2024 2025; do
    echo "$y-04-01;Järva stadsdelsförvaltning;3;press_material;;1;;;;Press $y" >>"$log"
done
echo "2021-05-01;Järva stadsdelsförvaltning;2;common_material;;1;;;;Gemensamt material" >>"$log"
echo "2023-05-01;Järva stadsdelsförvaltning;2;common_material;;1;;;;Gemensamt material" >>"$log"
j init
expect_status 0 "init"
j import activities "$log"
expect_status 0 "import the log"
j compute
expect_status 0 "compute"

j --format csv results --indicator proposals-feedback
expect_status 0 "results"
expect_out "proposals-feedback,2025,jarva,Järva,,20,1,,,,proportion,exact,,true,false" \
    "20 of 20 answered: 100 %, exact, no interval, not suppressed"
expect_out "proposals-feedback,2024,jarva,Järva,,20,0.8,,,,proportion,exact,,true,false" "16 of 20: 80 %"

j --format json status
expect_status 0 "status --format json"
cp "$OUT" "$T/status.json"
expect_out '{"indicator": "proposals-feedback", "area": "jarva", "status": "achieved", "rule": "latest_meets_target", "latest_year": 2025, "latest": 1, "latest_ci_low": null, "latest_ci_high": null, "latest_method": "exact", "latest_level": null, "exact": true, "target_year": 2026, "target": 1, "target_kind": "decided",' \
    "100 % achieves the decided 100 % target; typed JSON"
expect_out '"indicator": "safe-evening-survey", "area": "jarva", "status": "insufficient_data", "rule": "no_data",' \
    "no data is said as such"
expect_out '"indicator": "unsafe-evening-city", "area": "jarva", "status": "no_target", "rule": "no_target",' \
    "an indicator without a target"
checks=$((checks + 1))
! grep -q '": "[0-9.-]*"' "$T/status.json" || fail "a number is written as a string"

j --format csv status
expect_status 0 "status --format csv"
checks=$((checks + 1))
[ "$(head -n 1 "$OUT")" = "indicator,area,status,rule,latest_year,latest,latest_ci_low,latest_ci_high,latest_method,latest_level,exact,target_year,target,target_kind,direction,baseline_year,baseline,baseline_source,change,change_ci_low,change_ci_high,change_p,change_p_adjusted,change_significant,test_level,trend_points,trend_slope,trend_ci_low,trend_ci_high,trend_p,dispersion,projected,projected_se,probability,pace,required_pace,mdc,unit" ] ||
    fail "status CSV fields"
# Every target is marked decided or proposed as the catalogue says: 29
# proposals, 2 decided.
checks=$((checks + 1))
[ "$(grep -c ',proposed,' "$OUT")" -eq 29 ] && [ "$(grep -c ',decided,' "$OUT")" -eq 2 ] ||
    fail "29 proposed and 2 decided targets"
# Common material: 1 0 1 0 0 over 2021-2025 (the log's years): the trend
# keeps the zeros (5 points). OLS by hand: years centred -2..2, Sxy = -2,
# Sxx = 10, slope -0.2; residuals 0.2 -0.6 0.6 -0.2 0, RSS 0.8, se
# sqrt(0.8 / 3 / 10) = 0.163299316186.
j --format csv trend common-material
expect_status 0 "trend --format csv"
expect_out "common-material,jarva,2022,0,0,,,,exact,,true,false,ols,2021,2025,5,-0.2,0.163299316186," \
    "zeros are points of the trend"
j trend common-material
expect_out "trend 2021-2025 (5 points, exact values, ordinary least squares)" "table says OLS on 5 points"

# A single-respondent stratum (Akalla centrum, respondent 1001).
DB=$T/lonely.db
j init
j import survey "$JARVA_SRC/tests/data/import/survey_2023_lonely.csv"
expect_status 0 "import a wave with a lonely stratum"
j compute
expect_status 1 "compute refuses a lonely stratum by default"
expect_err "Akalla centrum" "names the stratum"
j compute --lonely-psu adjust
expect_status 0 "compute --lonely-psu adjust"
j --format csv results --indicator safe-evening-survey --area jarva
cp "$OUT" "$T/lonely.csv"
compare_lonely() {
    checks=$((checks + 1))
    awk -F, 'NR == FNR { if (FNR == 2) { e = $5; s = $6; lo = $7; hi = $8 } next }
        FNR == 2 { ok = rel($7, e) && rel($8, s) && rel($9, lo) && rel($10, hi); exit !ok }
        function rel(a, b) { d = a - b; if (d < 0) d = -d; return d <= 1e-9 * (b < 0 ? -b : b) }' \
        "$JARVA_SRC/tests/reference/ref_compute_lonely.csv" "$1" ||
        fail "$2: $(sed -n 2p "$1") differs from R's $(sed -n 2p "$JARVA_SRC/tests/reference/ref_compute_lonely.csv")"
}
compare_lonely "$T/lonely.csv" "--lonely-psu adjust"
# The same from the source's default in its mapping file.
cp -r "$JARVA_SRC/indicators" "$T/catalogue"
printf 'lonely_psu,adjust,,,A stratum of one respondent: as R adjust\n' \
    >>"$T/catalogue/sources/jarva-trygghet.csv"
DB=$T/lonely2.db
j --catalog "$T/catalogue" init
j --catalog "$T/catalogue" import survey "$JARVA_SRC/tests/data/import/survey_2023_lonely.csv"
expect_status 0 "import with the setting row in the mapping"
j --catalog "$T/catalogue" compute
expect_status 0 "compute with the source's default lonely_psu,adjust"
j --format csv results --indicator safe-evening-survey --area jarva
cp "$OUT" "$T/lonely2.csv"
compare_lonely "$T/lonely2.csv" "lonely_psu,adjust in the mapping"
printf 'lonely_psu,sometimes,,,bad\n' >>"$T/catalogue/sources/jarva-trygghet.csv"
j --catalog "$T/catalogue" compute
expect_status 1 "a bad rule in the mapping"
expect_err "lonely_psu 'sometimes'" "names the bad rule"
finish
