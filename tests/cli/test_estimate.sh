# test_estimate.sh: `jarva estimate` end to end. It reproduces R's svyby(...,
# svyciprop) on the fixture survey for every interval method, overall and by
# one and two columns, and for every lonely-PSU rule (tests/reference/
# ref_estimate.csv, written by make_fixtures.R: estimate, SE and n_eff to 1e-9
# relative, interval bounds to 1e-7); it prints the same bytes for the survey
# saved as Windows-1252 with ';' and decimal commas (survey_cp1252.csv, written
# by make_cp1252.py); edge domains (all positive, none positive, one
# respondent, no valid answer, a stratum of one respondent) give the results
# docs/api.md and jarva/adhoc.h describe, checked by hand; and errors carry
# file:line:column with exit 1, usage errors exit 2.
# $DESIGN holds several arguments and is split on purpose.
# shellcheck shell=sh disable=SC1091,SC2086
. "$JARVA_SRC/tests/cli/lib.sh"
REF=$JARVA_SRC/tests/reference
CMP=$JARVA_SRC/tests/cli/compare_estimate.awk
DESIGN="--var answer --positive 4,5 --valid 1,2,3,4,5 --weight weight --strata stratum"

# expect_compare EXPECTED NBY WHAT: stdout agrees with EXPECTED within tolerance.
expect_compare() {
    checks=$((checks + 1))
    awk -F, -v nby="$2" -f "$CMP" "$1" "$OUT" >"$T/cmp" 2>&1 || fail "$3: $(head -5 "$T/cmp")"
}

# reference DATA LONELY BY METHOD LEVEL > FILE: ref_estimate.csv's rows of one
# case in the shape of the command's CSV output, sorted as it sorts (by area,
# then sex, numerically).
reference() {
    ref_by=$3
    case $ref_by in
    "") header= ;;
    area) header=area, ;;
    *) header=area,sex, ;;
    esac
    echo "${header}n,estimate,se,ci_low,ci_high,unit,method,level,df,n_eff,suppressed"
    awk -F, -v data="$1" -v lonely="$2" -v by="$ref_by" -v method="$4" -v level="$5" '
        NR > 1 && $1 == data && $2 == lonely && $3 == by && $4 == method && $5 == level {
            key = by == "" ? "" : by == "area" ? $6 "," : $6 "," $7 ","
            print key $8 "," $9 "," $10 "," $11 "," $12 ",proportion," method "," level "," \
                $13 "," $14 ",0"
        }' "$REF/ref_estimate.csv" | sort -t, -k1,1n -k2,2n
}

# 1. Every method, overall, by area and by area and sex, against R.
for method in logit beta mean wilson clopper-pearson; do
    for by in "" area area,sex; do
        case $by in "") nby=0 ;; area) nby=1 ;; *) nby=2 ;; esac
        reference survey fail "$(echo "$by" | tr , +)" "$method" 0.95 >"$T/expected.csv"
        checks=$((checks + 1))
        [ "$(wc -l <"$T/expected.csv")" -gt 1 ] || fail "no reference rows for $method by '$by'"
        by_option=${by:+--by $by}
        run estimate "$REF/survey.csv" $DESIGN $by_option --method "$method" --format csv
        expect_status 0 "$method by '$by'"
        expect_compare "$T/expected.csv" $nby "$method by '$by' agrees with R"
        cp "$OUT" "$T/utf8.out"
        # The same survey as Excel saves it in Windows-1252: the same bytes out.
        run estimate "$REF/survey_cp1252.csv" $DESIGN $by_option --method "$method" --format csv
        expect_status 0 "$method by '$by', Windows-1252 copy"
        expect_same "$OUT" "$T/utf8.out" "$method by '$by': Windows-1252 ';' decimal-comma copy"
    done
done

# 2. Another level.
reference survey fail area logit 0.9 >"$T/expected.csv"
run estimate "$REF/survey.csv" $DESIGN --by area --level 0.9 --format csv
expect_status 0 "level 0.9"
expect_compare "$T/expected.csv" 1 "level 0.9 agrees with R"

# 3. A stratum of one respondent (stratum 5 of survey_lonely.csv, line 302,
#    answer 5, area 1): R's four rules, and "fail" as an error that names it.
for lonely in adjust remove certainty average; do
    for method in logit beta mean; do
        reference survey_lonely "$lonely" area "$method" 0.95 >"$T/expected.csv"
        run estimate "$REF/survey_lonely.csv" $DESIGN --by area --method "$method" \
            --lonely-psu "$lonely" --format csv
        expect_status 0 "lonely PSU $lonely, $method"
        expect_compare "$T/expected.csv" 1 "lonely PSU $lonely, $method agrees with R"
    done
done
run estimate "$REF/survey_lonely.csv" $DESIGN --by area
expect_status 1 "lonely PSU fail"
expect_err "survey_lonely.csv:302:2 (stratum): stratum '5' has a single respondent" \
    "lonely stratum located"
expect_no_out "estimate" "nothing printed on error"

# 4. Edge domains on the fixture: --by answer makes domains whose answers are
#    all positive (4, 5), none positive (1, 2, 3) and none valid ("NA"). Shares
#    0 and 1 get se 0 and the exact binomial (Clopper-Pearson) interval on n:
#    [(alpha/2)^(1/n), 1] and [0, 1 - (alpha/2)^(1/n)]; binom.test gives the
#    same (ref_boundary.csv: answer 5 is its "top" domain). "NA" is no number,
#    so the column sorts by text: 1 2 3 4 5 NA.
run estimate "$REF/survey.csv" $DESIGN --by answer --min-n 0 --min-cell 0 --format csv
expect_status 0 "by answer"
{
    echo "answer,n,estimate,se,ci_low,ci_high,unit,method,level,df,n_eff,suppressed"
    awk -v u=proportion,logit,0.95 'BEGIN {
        split("289 657 931 672 273", n, " "); split("281 649 923 664 265", df, " ")
        for (a = 1; a <= 5; a++) {
            bound = exp(log(0.025) / n[a])
            if (a <= 3) printf "%d,%d,0,0,0,%.17g,%s,%d,%d,0\n", a, n[a], 1 - bound, u, df[a], n[a]
            else printf "%d,%d,1,0,%.17g,1,%s,%d,%d,0\n", a, n[a], bound, u, df[a], n[a]
        }
        print "NA,0,,,,,proportion,logit,0.95,0,,true"
    }'
} >"$T/expected.csv"
expect_compare "$T/expected.csv" 1 "all, none and no valid answers"
expect_out "5,273,1,0,0.98657850343341" "answer 5 is binom.test(273, 273) (ref_boundary.csv)"
# With the default disclosure rule (3 on each side) the boundary rows and the
# empty one are suppressed: no estimate, se, interval or n_eff.
run estimate "$REF/survey.csv" $DESIGN --by answer --format csv
expect_out "1,289,,,,,proportion,logit,0.95,281,,true" \
    "all-negative domain suppressed, n and df kept; the interval it would have named"
expect_out "NA,0,,,,,proportion,logit,0.95,0,,true" "empty domain suppressed"
run estimate "$REF/survey.csv" $DESIGN --by answer --format json
expect_out '{"answer": "5", "n": 273, "estimate": null, "se": null, "ci_low": null' "json null"

# A small design computed by hand: strata A and B of 3 respondents each, all
# weights 1. Respondent 6 has no domain value: in no domain, but in stratum
# B's size. Domain "two" holds 2, 3 (stratum A) and 4, 5 (B) with answers
# 0 1 0 1: p = 0.5, z = (y - p) / 4 = -+0.125, V = 3/2 * 0.03125 (A) + 3/2 *
# 0.03125 (B) = 0.09375, df = 4 - 2, n_eff = 0.25 / V; mean method p -+ t(2)
# se, qt(0.975, 2) = 4.3026527297494619 (R). Domain "one" is one respondent:
# share 1, se 0, df 0, so no interval (empty); n_eff = n = 1.
printf 'id,stratum,w,q,g\n1,A,1,1,one\n2,A,1,2,two\n3,A,1,1,two\n4,B,1,2,two\n5,B,1,1,two\n6,B,1,1,\n' \
    >"$T/edge.csv"
run estimate "$T/edge.csv" --var q --positive 1 --weight w --strata stratum --by g \
    --method mean --min-n 0 --min-cell 0 --format csv
expect_status 0 "hand-computed design"
awk 'BEGIN {
    se = sqrt(0.09375); t = 4.3026527297494619
    print "g,n,estimate,se,ci_low,ci_high,unit,method,level,df,n_eff,suppressed"
    print "one,1,1,0,,,proportion,mean,0.95,0,1,false"
    printf "two,4,0.5,%.17g,%.17g,%.17g,proportion,mean,0.95,2,%.17g,0\n", se, 0.5 - t * se,
        0.5 + t * se, 0.25 / 0.09375
}' >"$T/expected.csv"
expect_compare "$T/expected.csv" 1 "hand-computed domains"
# Without --by: everyone, respondent 6 included (p = 4/6).
run estimate "$T/edge.csv" --var q --positive 1 --weight w --strata stratum --min-n 0 \
    --min-cell 0 --format csv
expect_out "6,0.66666666666666" "one row for everyone"

# Stratum C of one respondent in domain "two" (y = 1): z = (y - 0.6) / 5 =
# -0.12 0.08 (A), -0.12 0.08 (B), 0.08 (C), so V = 2 * 3/2 (0.0208 - 0.04^2/3)
# = 0.0608 with "remove" and "certainty", plus z_C^2 = 0.0064 with "adjust";
# df = 5 - 3 = 2.
printf '7,C,1,1,two\n' >>"$T/edge.csv"
run estimate "$T/edge.csv" --var q --positive 1 --weight w --strata stratum --by g --min-n 0
expect_status 1 "lonely stratum, fail"
expect_err "edge.csv:8:2 (stratum): stratum 'C' has a single respondent" "lonely stratum located"
for rule in remove:0.0608 certainty:0.0608 adjust:0.0672; do
    run estimate "$T/edge.csv" --var q --positive 1 --weight w --strata stratum --by g \
        --min-n 0 --min-cell 0 --lonely-psu "${rule%:*}" --format csv
    expect_status 0 "lonely stratum, ${rule%:*}"
    checks=$((checks + 1))
    awk -F, -v v="${rule#*:}" '$1 == "two" { d = $4 / sqrt(v) - 1; ok = $2 == 5 && $3 == 0.6 &&
        d < 1e-12 && d > -1e-12 && $10 == 2 } END { exit !ok }' "$OUT" ||
        fail "lonely stratum, ${rule%:*}: se sqrt(${rule#*:})"
done

# Sorting: a column of numbers sorts numerically (with the file's decimal
# mark: "-1,5" in a ';' file), one with any other value by bytes (UTF-8).
printf 'g;h;q\n10;b;1\n9;a;2\n-1,5;a;1\n2;\303\245;1\n10;B;2\n' >"$T/sort.csv"
run estimate "$T/sort.csv" --var q --positive 1 --by g --min-n 0 --format csv
# Suppressed rows still name the interval they would have had (logit, 0.95).
u=proportion,logit,0.95
printf '%s\n' "g,n,estimate,se,ci_low,ci_high,unit,method,level,df,n_eff,suppressed" \
    "\"-1,5\",1,,,,,$u,0,,true" "2,1,,,,,$u,0,,true" "9,1,,,,,$u,0,,true" \
    "10,2,,,,,$u,1,,true" >"$T/expected.csv"
expect_same "$OUT" "$T/expected.csv" "numeric column sorted as numbers"
run estimate "$T/sort.csv" --var q --positive 1 --by h,g --min-n 0 --format csv
printf '%s\n' "h,g,n,estimate,se,ci_low,ci_high,unit,method,level,df,n_eff,suppressed" \
    "B,10,1,,,,,$u,0,,true" "a,\"-1,5\",1,,,,,$u,0,,true" "a,9,1,,,,,$u,0,,true" \
    "b,10,1,,,,,$u,0,,true" >"$T/expected.csv"
printf '\303\245,2,1,,,,,%s,0,,true\n' "$u" >>"$T/expected.csv"
expect_same "$OUT" "$T/expected.csv" "text column sorted by bytes, then the numeric one"
# Many domains: one per respondent (3000), sorted by number.
run estimate "$REF/survey.csv" $DESIGN --by id --min-n 0 --min-cell 0 --format csv
checks=$((checks + 1))
if [ "$(wc -l <"$OUT")" -ne 3001 ] || [ "$(sed -n '2p;$p' "$OUT" | cut -d, -f1 | tr '\n' ' ')" != "1 3000 " ]; then
    fail "3000 one-respondent domains"
fi
expect_out "3,1,1,0,,,proportion,logit,0.95,0,1,false" "respondent 3 (answer 5): share 1, no interval"

# 5. Codes: without --valid every non-empty answer is valid ("NA" too, here).
run estimate "$REF/survey.csv" --var answer --positive 4,5 --weight weight --strata stratum \
    --format csv
expect_out "3000," "every non-empty code valid without --valid"
run estimate "$REF/survey.csv" --var answer --positive " 4 , 5" --valid "1, 2,3,4 ,5" \
    --weight weight --strata stratum --format csv
expect_out "2822,0.34834752003583" "codes trimmed (R: 0.34834752003583513)"

# 6. Formats: the table shows percent; csv and json proportions.
run estimate "$REF/survey.csv" $DESIGN --by area
expect_status 0 "table"
expect_out "43.2" "table in percent"
expect_err "3000 respondents, 2822 with a valid answer in a domain" "summary on stderr"
run estimate "$REF/survey.csv" $DESIGN --format json
expect_out '"n": 2822, "estimate": 0.34834752003583' "json"

# 7. Errors in the data: file:line:column, exit 1.
run estimate "$REF/survey.csv" --var nosuch --positive 1
expect_status 1 "unknown column"
expect_err "survey.csv:1: no column 'nosuch' (the answer) in the header; it has: id, stratum" \
    "unknown column named with the header"
run estimate "$REF/survey.csv" $DESIGN --by area,region
expect_status 1 "unknown by column"
expect_err "no column 'region' (a domain)" "unknown by column named"
printf 'id;w;q\n1;1,5;1\n2;0;2\n' >"$T/w.csv"
run estimate "$T/w.csv" --var q --positive 1 --weight w
expect_status 1 "weight 0"
expect_err "w.csv:3:2 (w): weight '0' is not a positive number" "bad weight located"
printf 'id,w,q\n1,1.5,1\n2,abc,2\n' >"$T/w2.csv"
run estimate "$T/w2.csv" --var q --positive 1 --weight w
expect_err "w2.csv:3:2 (w): weight 'abc' is not a positive number" "text weight located"
printf 'id,s,q\n1,A,1\n2,,2\n' >"$T/s.csv"
run estimate "$T/s.csv" --var q --positive 1 --strata s
expect_status 1 "empty stratum"
expect_err "s.csv:3:2 (s): empty stratum" "empty stratum located"
printf 'id,q\n1,1\n2,2,3\n' >"$T/ragged.csv"
run estimate "$T/ragged.csv" --var q --positive 1
expect_status 1 "ragged row"
expect_err "ragged.csv:3" "ragged row located"
run estimate "$T/no-such.csv" --var q --positive 1
expect_status 1 "missing file"
expect_err "no-such.csv: cannot open" "missing file named"
run estimate "$REF/survey.csv" --var answer --positive 4,6 --valid 1,2,3,4,5
expect_status 1 "positive code not valid"
expect_err "positive code '6' is not among the valid codes" "says which code"
run estimate "$REF/survey.csv" $DESIGN --by area,AREA
expect_status 1 "a column twice"
expect_err "column 'AREA' is given twice" "duplicate by column"

# 8. Usage errors: exit 2.
run estimate "$REF/survey.csv" --positive 4,5
expect_status 2 "no --var"
run estimate --var answer --positive 4,5
expect_status 2 "no file"
run estimate "$REF/survey.csv" --var answer
expect_status 2 "no --positive"
run estimate "$REF/survey.csv" $DESIGN --method wald
expect_status 2 "unknown method"
run estimate "$REF/survey.csv" $DESIGN --level 95
expect_status 2 "level out of range"
run estimate "$REF/survey.csv" $DESIGN --lonely-psu drop
expect_status 2 "unknown lonely-PSU rule"
run estimate "$REF/survey.csv" $DESIGN --min-n -1
expect_status 2 "negative min-n"
run estimate "$REF/survey.csv" $DESIGN --by area,
expect_status 2 "empty by name"
run estimate "$REF/survey.csv" $DESIGN --frobnicate
expect_status 2 "unknown option"
run estimate --help
expect_status 0 "help"
expect_out "Usage: jarva estimate FILE.csv" "usage text"

finish
