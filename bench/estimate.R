# estimate.R: R's half of bench/estimate.sh. For each wave DIR/survey_YEAR.csv
# (2022-2025, as bench/gen_estimate.awk writes them) it reads the file and
# builds the design (timed as "load"), then for the first N questions F01..
# computes the share answering 1 or 2 among answers 1-5 in each area with
#     svyby(~y, ~omrade, subset(design, !is.na(y)), svyciprop, method = "logit")
# (timed as "areas": adding the variable, the subset and svyby) and for all
# respondents (area "Jarva", what jarva compute gives as Järva) with
# svyciprop on the same subset (timed as "whole"), and writes OUT.csv:
# indicator, year, area, estimate, se, ci_low, ci_high (17 digits).
# The estimate and SE printed are svyciprop's; its logit estimate comes from
# an svyglm fit, so it may differ from the exact weighted mean by about 1e-9
# relative (IRLS convergence). The last line printed is
# "R: load L s cpu C s, areas A s cpu B s, whole W s cpu X s, N estimates"
# (wall-clock and processor seconds).
# Usage: Rscript estimate.R DIR N OUT.csv
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
nquestions <- as.integer(args[2])
out <- args[3]
suppressMessages(library(survey))

# Wall-clock and processor (user + system) seconds so far.
clock <- function() {
    t <- proc.time()
    c(t[["elapsed"]], t[["user.self"]] + t[["sys.self"]])
}
load_time <- c(0, 0)
areas_time <- c(0, 0)
whole_time <- c(0, 0)
row <- function(q, year, area, estimate, se, ci_low, ci_high)
    data.frame(indicator = sprintf("bench-q%02d", q), year = year, area = area,
               estimate = sprintf("%.17g", estimate), se = sprintf("%.17g", se),
               ci_low = sprintf("%.17g", ci_low), ci_high = sprintf("%.17g", ci_high))
results <- list()
for (year in 2022:2025) {
    start <- clock()
    wave <- read.csv2(file.path(dir, sprintf("survey_%d.csv", year)), stringsAsFactors = FALSE)
    design <- svydesign(ids = ~1, strata = ~strata, weights = ~vikt, data = wave)
    load_time <- load_time + clock() - start
    for (q in seq_len(nquestions)) {
        start <- clock()
        answer <- wave[[sprintf("F%02d", q)]]
        with_y <- update(design, y = ifelse(answer %in% 1:5, as.numeric(answer %in% 1:2), NA))
        valid <- subset(with_y, !is.na(y))
        by_area <- svyby(~y, ~omrade, valid, svyciprop, method = "logit", vartype = c("se", "ci"))
        areas_time <- areas_time + clock() - start
        start <- clock()
        whole <- svyciprop(~y, valid, method = "logit")
        whole_time <- whole_time + clock() - start
        results[[length(results) + 1]] <- row(q, year, by_area$omrade, coef(by_area),
                                               SE(by_area), by_area$ci_l, by_area$ci_u)
        results[[length(results) + 1]] <- row(q, year, "Jarva", coef(whole), SE(whole),
                                               attr(whole, "ci")[1], attr(whole, "ci")[2])
    }
}
table <- do.call(rbind, results)
write.csv(table, out, row.names = FALSE, quote = FALSE)
cat(sprintf("R: load %.2f s cpu %.2f s, areas %.2f s cpu %.2f s, whole %.2f s cpu %.2f s, %d estimates\n",
            load_time[1], load_time[2], areas_time[1], areas_time[2], whole_time[1],
            whole_time[2], nrow(table)))
