# Straight from a survey file: ';', decimal commas, Windows-1252.
f=$DATA/simulerade-trygghetsenkat-2025.csv
jarva estimate "$f" --var F12a --positive 1,2 --valid 1,2,3,4 --by omrade --weight vikt \
    --strata strata --quiet
jarva estimate "$f" --var=F12a --positive=1,2 --valid=1,2,3,4 --weight=vikt --strata=strata \
    --format=csv
jarva estimate --format json --var F12a --positive 1,2 --by kon --weight vikt - <"$f"
