# bench_catalog.sh: sourced by estimate.sh, peers.sh and scale.sh, which all
# read the files of gen_estimate.awk. bench_catalog DIR writes DIR/catalog:
# the plan's indicators plus the bench's 20 questions (q01..q20, codes 1-5 and
# 9 = vet inte, share answering 1 or 2) in a source mapping bench-estimate.
bench_catalog() {
    cp -r indicators "$1/catalog"
    {
        echo "field,column,years,codes"
        printf 'respondent_id,lopnr,,\nyear,ar,,\narea,omrade,,\nstratum,strata,,\nweight,vikt,,\n'
        printf 'sex,kon,,\nage_group,aldersgrupp,,\n'
        for q in $(seq -w 1 20); do echo "q$q,F$q,,\"1,2,3,4,5,9\""; done
    } >"$1/catalog/sources/bench-estimate.csv"
    for q in $(seq -w 1 20); do
        echo "bench-q$q,g2,Bänk q$q,Bench q$q,survey,proportion,bench-estimate,q$q,\"1,2\",\"1,2,3,4,5\",,,higher,,,,,%,area,30,,,,,,,,,"
    done >>"$1/catalog/indicators.csv"
}
