# test_mapping.sh: `jarva mapping draft` (issue 14): a draft placed from the
# columns' names and the catalogue, with the unplaced columns marked '?',
# refused by an import until edited, and imported once edited and loaded
# with `jarva --catalog DIR init`.
. "$JARVA_SRC/tests/cli/lib.sh"
unset JARVA_CATALOG
DB=$T/j.db
CAT=$T/catalogue
cp -R "$JARVA_SRC/indicators" "$CAT"
run --db "$DB" --quiet init
expect_status 0 "init"

# Roles from Swedish and English names, whatever their case and accents.
printf 'Löpnummer;Stadsdel;Vikt_kal;Kön;Ålder;strata;F99\n1;Husby;1,5;K;16-29;a;2\n2;Kista;2,5;M;30-49;b;1\n' >"$T/roles.csv"
run --db "$DB" mapping draft "$T/roles.csv"
expect_status 0 "draft from names"
expect_out "respondent_id,Löpnummer,,,guessed from the column's name" "lopnr"
expect_out "area,Stadsdel,,," "area"
expect_out "weight,Vikt_kal,,," "weight"
expect_out "sex,Kön,,," "sex"
expect_out "age_group,Ålder,,," "age"
expect_out "stratum,strata,,," "stratum"
expect_out '?,F99,,"1,2",NOT PLACED' "an unknown column is marked, with its codes"
expect_err "1 column not placed" "says how many are not placed"

# The residents' survey with one question renamed: every other column is
# placed from the catalogue's mapping, the renamed one is not.
sed '1s/F14/Q_OROLIG/' "$JARVA_SRC/examples/data/simulerade-trygghetsenkat-2025.csv" >"$T/enkat.csv"
run --db "$DB" mapping draft "$T/enkat.csv" --source jarva-trygghet -o "$T/draft.csv"
expect_status 0 "draft of the survey"
OUT=$T/draft.csv
expect_out "respondent_id,lopnr,,,as sources/jarva-trygghet.csv maps it" "from the catalogue"
expect_out 'q_trygg_kvall,F12a,,"1,2,3,4,9"' "a question with the codes the file holds"
expect_out '?,Q_OROLIG,,"1,2,3,4,9",NOT PLACED' "the renamed question is not placed"
OUT=$T/stdout
run --db "$DB" mapping draft "$T/enkat.csv" -o "$T/draft.csv"
expect_status 1 "-o never writes over a file"
expect_err "draft.csv: cannot write" "says why"

cp "$T/draft.csv" "$CAT/sources/jarva-trygghet.csv"
run --db "$DB" --quiet --catalog "$CAT" init
expect_status 0 "init with the draft"
run --db "$DB" import survey "$T/enkat.csv"
expect_status 1 "an unedited draft is refused"
expect_err "sources/jarva-trygghet.csv:10: column 'Q_OROLIG' was not placed by the mapping draft" "names the row"
sed -i 's/^?,Q_OROLIG,/q_orolig_brott,Q_OROLIG,/' "$CAT/sources/jarva-trygghet.csv"
run --db "$DB" --quiet --catalog "$CAT" init
expect_status 0 "init with the edited draft"
run --db "$DB" import survey "$T/enkat.csv"
expect_status 0 "the edited draft imports the survey"
checks=$((checks + 1))
[ "$(sqlite3 "$DB" "SELECT name FROM batch_variable WHERE source_column = 'Q_OROLIG'")" = q_orolig_brott ] ||
    fail "the renamed column was read as q_orolig_brott"

# No database: roles only, said so.
run --db "$T/none.db" mapping draft "$T/roles.csv"
expect_status 0 "draft without a database"
expect_err "no catalogue to place questions by" "says the catalogue is missing"
run --db "$DB" mapping draft "$T/no-such.csv"
expect_status 1 "a missing file"
run --db "$DB" mapping
expect_status 2 "mapping without draft"
finish
