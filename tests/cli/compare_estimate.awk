# compare_estimate.awk: compares `jarva estimate --format csv` output with an
# expected file of the same shape (header, then rows in the expected order):
# the by columns, unit and method as text, n, level, df and suppressed exactly, estimate, se and n_eff
# to tol_est relative, ci_low and ci_high to tol_ci relative (absolute where
# the expected value is 0); empty cells must be empty in both. Prints one line
# per mismatch and exits 1 if there is any, else prints the rows compared.
# Usage: awk -F, -v nby=K [-v tol_est=1e-9] [-v tol_ci=1e-7] -f compare_estimate.awk
#            EXPECTED ACTUAL
BEGIN {
    if (tol_est == "") tol_est = 1e-9
    if (tol_ci == "") tol_ci = 1e-7
    # Columns after the by columns: n estimate se ci_low ci_high unit method
    # level df n_eff suppressed
    split("n estimate se ci_low ci_high unit method level df n_eff suppressed", names, " ")
    split("exact est est ci ci text text exact exact est exact", kinds, " ")
    ncols = 11
}
FNR == NR { expected[FNR] = $0; nexpected = FNR; next }
{ actual[FNR] = $0; nactual = FNR }

function differs(e, a, tol) {
    if (e == 0) return (a < 0 ? -a : a) > tol
    d = (a - e) / e
    return (d < 0 ? -d : d) > tol
}

END {
    bad = 0
    if (nexpected != nactual) {
        printf "%d rows, expected %d\n", nactual - 1, nexpected - 1
        bad = 1
    }
    n = nexpected < nactual ? nexpected : nactual
    for (r = 1; r <= n; r++) {
        ne = split(expected[r], e, ",")
        na = split(actual[r], a, ",")
        if (r == 1 || ne != na) {
            if (expected[r] != actual[r]) {
                printf "line %d: '%s', expected '%s'\n", r, actual[r], expected[r]
                bad = 1
            }
            continue
        }
        for (c = 1; c <= nby; c++)
            if (e[c] != a[c]) {
                printf "line %d column %d: '%s', expected '%s'\n", r, c, a[c], e[c]
                bad = 1
            }
        # suppressed is a boolean, true or false; R's fixtures write 1 or 0.
        c = nby + ncols
        if (a[c] == "true") a[c] = 1
        if (a[c] == "false") a[c] = 0
        if (e[c] == "true") e[c] = 1
        if (e[c] == "false") e[c] = 0
        for (k = 1; k <= ncols; k++) {
            c = nby + k
            if (e[c] == "" || a[c] == "") {
                if (e[c] != a[c]) {
                    printf "line %d %s: '%s', expected '%s'\n", r, names[k], a[c], e[c]
                    bad = 1
                }
                continue
            }
            if ((kinds[k] == "text" && e[c] != a[c]) ||
                (kinds[k] == "exact" && e[c] + 0 != a[c] + 0) ||
                (kinds[k] == "est" && differs(e[c] + 0, a[c] + 0, tol_est)) ||
                (kinds[k] == "ci" && differs(e[c] + 0, a[c] + 0, tol_ci))) {
                printf "line %d %s: %s, expected %s\n", r, names[k], a[c], e[c]
                bad = 1
            }
        }
    }
    if (!bad) printf "%d rows agree\n", n - 1
    exit bad
}
