# make_fixtures.R: generates the survey microdata and the reference results that
# tests/unit/test_stats_reference.c compares libjarva's statistics core with.
# Run from this directory:  Rscript make_fixtures.R
# (R 4.2 with survey 4.1; see README.md). Everything is seeded: a second run
# writes byte-identical files.
suppressMessages(library(survey))
stopifnot(packageVersion("survey") >= "4.1")
set.seed(20240501)
options(survey.adjust.domain.lonely = FALSE) # R's default, stated for the record

# Numbers in the shortest form that reads back as the same double (write.csv's
# 15 digits would lose the last bits); confidence levels as written.
num1 <- function(x) {
    if (is.na(x)) return("NA")
    for (digits in 15:17) {
        s <- sprintf(paste0("%.", digits, "g"), x)
        if (as.numeric(s) == x) return(s)
    }
}
num <- function(x) vapply(x, num1, "")
write_fixture <- function(df, file) {
    out <- df
    for (col in names(out))
        if (col == "level") out[[col]] <- as.character(out[[col]])
        else if (is.double(out[[col]])) out[[col]] <- num(out[[col]])
    write.csv(out, file, row.names = FALSE, quote = FALSE, na = "NA")
}

## 1. The main survey: 3000 respondents, 8 strata, 6 areas, sex, age group,
##    unequal weights, an answer 1-5 with about 6 % missing.
n <- 3000
stratum <- sample(1:8, n, replace = TRUE, prob = c(.20, .15, .15, .10, .10, .10, .10, .10))
area <- sample(1:6, n, replace = TRUE, prob = c(.25, .20, .20, .15, .12, .08))
sex <- sample(1:2, n, replace = TRUE)
agegroup <- sample(1:3, n, replace = TRUE, prob = c(.3, .4, .3))
base <- c(50, 80, 120, 60, 200, 90, 150, 70)
weight <- round(base[stratum] * exp(rnorm(n, 0, 0.35)), 3)
latent <- 3 + c(.4, .2, 0, -.2, -.4, -.6)[area] + c(.15, -.15)[sex] + 0.1 * stratum - 0.4 +
    rnorm(n, 0, 1.1)
answer <- pmin(5, pmax(1, round(latent)))
answer[runif(n) < 0.06] <- NA
# Edge-case domains: four respondents in two strata with two positive and two
# negative answers (df = 2), and two respondents in two strata (df = 0).
pick <- function(s, pos, k) head(which(stratum == s & !is.na(answer) & (answer >= 4) == pos), k)
tiny <- integer(n); tiny[c(pick(1, TRUE, 1), pick(1, FALSE, 1), pick(2, TRUE, 1), pick(2, FALSE, 1))] <- 1L
df0 <- integer(n); df0[c(pick(3, TRUE, 1), pick(4, FALSE, 1))] <- 1L
survey <- data.frame(id = 1:n, stratum, area, sex, agegroup, weight, answer, tiny, df0)
write_fixture(survey, "survey.csv")

## 2. A small survey with lonely strata: stratum 5 has one respondent (answer 5,
##    area 1), stratum 6 one respondent with a missing answer (area 2).
m <- 300
lonely <- data.frame(id = 1:m, stratum = sample(1:4, m, replace = TRUE),
                     area = sample(1:3, m, replace = TRUE), sex = sample(1:2, m, replace = TRUE),
                     agegroup = sample(1:3, m, replace = TRUE),
                     weight = round(runif(m, 20, 120), 3),
                     answer = sample(c(1:5, NA), m, replace = TRUE,
                                     prob = c(.15, .2, .25, .2, .15, .05)),
                     tiny = 0L, df0 = 0L)
lonely <- rbind(lonely,
                data.frame(id = m + 1, stratum = 5, area = 1, sex = 1, agegroup = 2, weight = 75.5,
                           answer = 5, tiny = 0L, df0 = 0L),
                data.frame(id = m + 2, stratum = 6, area = 2, sex = 2, agegroup = 1, weight = 60.25,
                           answer = NA, tiny = 0L, df0 = 0L))
write_fixture(lonely, "survey_lonely.csv")

## Domain definitions shared with the C test (domain name, value -> logical).
domain_values <- function(data, dom) {
    switch(dom, all = list(`1` = rep(TRUE, nrow(data))),
           area = lapply(setNames(1:max(data$area), 1:max(data$area)), function(v) data$area == v),
           sex = lapply(setNames(1:2, 1:2), function(v) data$sex == v),
           agegroup = lapply(setNames(1:3, 1:3), function(v) data$agegroup == v),
           area_sex = lapply(setNames(1:(2 * max(data$area)), 1:(2 * max(data$area))), function(v)
               (data$area - 1) * 2 + data$sex == v),
           top = list(`1` = !is.na(data$answer) & data$answer == 5),
           bottom = list(`1` = !is.na(data$answer) & data$answer <= 2),
           tiny = list(`1` = data$tiny == 1), df0 = list(`1` = data$df0 == 1))
}

make_design <- function(data, kind) {
    data$pos <- as.numeric(data$answer >= 4)
    switch(kind,
           full = svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = data),
           nostrata = svydesign(ids = ~1, weights = ~weight, data = data),
           noweights = suppressWarnings(svydesign(ids = ~1, strata = ~stratum, data = data)))
}

## The two methods svyciprop lacks, on n_eff = p(1-p)/v (see libjarva/src/stats_ci.c):
## Wilson's score interval exactly as prop.test(correct = FALSE) computes it,
## and Clopper-Pearson from beta quantiles with real-valued x = p * n_eff.
wilson <- function(p, neff, level) {
    z <- qnorm((1 + level) / 2); z22n <- z^2 / (2 * neff)
    half <- z * sqrt(p * (1 - p) / neff + z22n / (2 * neff))
    c((p + z22n - half) / (1 + 2 * z22n), (p + z22n + half) / (1 + 2 * z22n))
}
clopper <- function(p, neff, level) {
    a <- (1 - level) / 2
    c(qbeta(a, neff * p, neff * (1 - p) + 1), qbeta(1 - a, neff * p + 1, neff * (1 - p)))
}

rows <- list()
add_row <- function(...) rows[[length(rows) + 1]] <<- data.frame(..., stringsAsFactors = FALSE)

reference <- function(dataname, data, kind, lonely_psu, dom, methods, level = 0.95,
                      variables = c("pos", "answer")) {
    options(survey.lonely.psu = lonely_psu)
    design <- make_design(data, kind)
    for (value in names(domain_values(data, dom))) {
        inside <- domain_values(data, dom)[[value]]
        for (variable in variables) {
            valid <- !is.na(data$answer)
            sub <- subset(design, inside & valid) # as R's subset(): n_h keeps every respondent
            f <- as.formula(paste0("~", variable))
            m <- try(svymean(f, sub), silent = TRUE)
            base_row <- list(data = dataname, design = kind, lonely = lonely_psu,
                             variable = variable, domain = dom, value = as.integer(value),
                             level = level, n = sum(inside & valid), df = degf(sub))
            if (inherits(m, "try-error")) {
                do.call(add_row, c(base_row, list(method = "error", estimate = NA, se = NA,
                                                  n_eff = NA, ci_low = NA, ci_high = NA)))
                next
            }
            p <- unname(coef(m)); v <- unname(vcov(m)[1, 1])
            neff <- if (variable == "pos") p * (1 - p) / v else NA
            for (method in if (variable == "pos") methods else "t") {
                ci <- suppressWarnings(switch(method,
                             t = as.vector(confint(m, df = degf(sub), level = level)),
                             wilson = wilson(p, neff, level),
                             `clopper-pearson` = clopper(p, neff, level),
                             as.vector(attr(svyciprop(~pos, sub, method = method, level = level),
                                            "ci"))))
                do.call(add_row, c(base_row, list(method = method, estimate = p, se = sqrt(v),
                                                  n_eff = neff, ci_low = ci[1], ci_high = ci[2])))
            }
        }
    }
}

all_methods <- c("logit", "beta", "mean", "wilson", "clopper-pearson")
for (dom in c("all", "area", "sex", "agegroup", "area_sex"))
    reference("main", survey, "full", "fail", dom, all_methods)
reference("main", survey, "full", "fail", "area", all_methods, level = 0.90)
for (kind in c("nostrata", "noweights"))
    for (dom in c("all", "area")) reference("main", survey, kind, "fail", dom, all_methods)
# Edge cases: all positive, none positive (estimate and SE only: svyciprop gives
# NaN there, libjarva a documented interval), a tiny domain, a df = 0 domain.
for (dom in c("top", "bottom", "df0")) reference("main", survey, "full", "fail", dom, "mean")
reference("main", survey, "full", "fail", "tiny", all_methods)
for (lp in c("fail", "adjust", "remove", "certainty", "average"))
    for (dom in c("all", "area", "sex"))
        reference("lonely", lonely, "full", lp, dom, c("logit", "beta", "mean"))
options(survey.lonely.psu = "fail")
survey_ref <- do.call(rbind, rows)
write_fixture(survey_ref, "ref_survey.csv")

## 3. Boundary intervals: libjarva gives p = 0 or 1 the exact binomial
##    (Clopper-Pearson) interval on the n valid respondents, as binom.test does.
bounds <- list()
for (dom in c("top", "bottom")) {
    inside <- domain_values(survey, dom)[[1]] & !is.na(survey$answer)
    k <- sum(inside); x <- sum(survey$answer[inside] >= 4)
    for (level in c(0.95, 0.90)) {
        ci <- binom.test(x, k, conf.level = level)$conf.int
        bounds[[length(bounds) + 1]] <- data.frame(domain = dom, level = level, n = k, x = x,
                                                   ci_low = ci[1], ci_high = ci[2])
    }
}
write_fixture(do.call(rbind, bounds), "ref_boundary.csv")

## 4. Published shares from share and n with x = share * n, not rounded (a
##    weighted share times the unweighted n is no count): Wilson as
##    prop.test(correct = FALSE), which takes a real x; Clopper-Pearson as
##    binom.test, which wants an integer x, so from its beta quantiles when x is
##    not one. Counts and rates: poisson.test (Garwood's exact interval).
simple <- list()
add_simple <- function(...) simple[[length(simple) + 1]] <<- data.frame(..., stringsAsFactors = FALSE)
shares <- data.frame(share = c(0.63, 0.5, 0.071, 0, 1, 0.999, 0.35, 0.125),
                     n = c(412, 7, 1250, 40, 40, 1001, 20, 8))
for (i in seq_len(nrow(shares))) for (level in c(0.95, 0.90)) {
    s <- shares$share[i]; k <- shares$n[i]; x <- s * k
    w <- suppressWarnings(prop.test(x, k, correct = FALSE, conf.level = level))$conf.int
    b <- if (x == round(x)) binom.test(x, k, conf.level = level)$conf.int else
        clopper(s, k, level)
    add_simple(kind = "wilson", input = s, n = k, level = level, estimate = s,
               ci_low = w[1], ci_high = w[2])
    add_simple(kind = "clopper-pearson", input = s, n = k, level = level, estimate = s,
               ci_low = b[1], ci_high = b[2])
}
counts <- data.frame(x = c(0, 1, 7, 42, 1234), exposure = c(1, 1, 2.5, 1, 365))
for (i in seq_len(nrow(counts))) for (level in c(0.95, 0.90)) {
    pt <- poisson.test(counts$x[i], counts$exposure[i], conf.level = level)
    add_simple(kind = "poisson", input = counts$x[i], n = counts$exposure[i], level = level,
               estimate = unname(pt$estimate), ci_low = pt$conf.int[1], ci_high = pt$conf.int[2])
}
write_fixture(do.call(rbind, simple), "ref_simple.csv")

## 5. Change between independent waves: difference, SE sqrt(se1^2 + se2^2),
##    Welch-Satterthwaite df, t interval and two-sided p (normal when both df are Inf).
change <- data.frame(est1 = c(0.62, 0.40, 3.1, 0.30), se1 = c(0.021, 0.05, 0.08, 0.02),
                     df1 = c(120, 9, 45, Inf), est2 = c(0.68, 0.43, 2.9, 0.35),
                     se2 = c(0.019, 0.04, 0.07, 0.03), df2 = c(140, 14, 60, Inf))
change$diff <- change$est2 - change$est1
change$se <- sqrt(change$se1^2 + change$se2^2)
change$df <- change$se^4 / (change$se1^4 / change$df1 + change$se2^4 / change$df2)
q <- ifelse(is.finite(change$df), qt(0.975, change$df), qnorm(0.975))
change$ci_low <- change$diff - q * change$se
change$ci_high <- change$diff + q * change$se
change$p <- ifelse(is.finite(change$df), 2 * pt(-abs(change$diff / change$se), change$df),
                   2 * pnorm(-abs(change$diff / change$se)))
write_fixture(change, "ref_change.csv")

## 6. Trend: weighted least squares with weights 1/se^2 and the unscaled
##    covariance (the variances are known), so lm()'s cov.unscaled; normal CI.
trend <- list(
    a = data.frame(year = c(2019, 2020, 2021, 2022, 2023), est = c(0.55, 0.57, 0.56, 0.60, 0.62),
                   se = c(0.02, 0.025, 0.02, 0.018, 0.02)),
    b = data.frame(year = c(2018, 2020, 2023), est = c(3.4, 3.3, 3.1), se = c(0.05, 0.06, 0.04)))
trend_rows <- list()
for (name in names(trend)) {
    t <- trend[[name]]
    fit <- lm(est ~ I(year - mean(year)), data = t, weights = 1 / se^2)
    cov <- summary(fit)$cov.unscaled
    b <- unname(coef(fit)[2]); seb <- sqrt(cov[2, 2])
    trend_rows[[name]] <- data.frame(series = name, years = paste(t$year, collapse = " "),
                                     estimates = paste(t$est, collapse = " "),
                                     ses = paste(t$se, collapse = " "),
                                     intercept = unname(coef(fit)[1]), slope = b, se_slope = seb,
                                     ci_low = b - qnorm(0.975) * seb,
                                     ci_high = b + qnorm(0.975) * seb,
                                     p = 2 * pnorm(-abs(b / seb)),
                                     chisq = sum(residuals(fit)^2 / t$se^2))
}
write_fixture(do.call(rbind, trend_rows), "ref_trend.csv")

## 7. `jarva estimate` (tests/cli/test_estimate.sh): the shares of answers 4-5
##    among answers 1-5 from the survey files, overall and by one or two columns,
##    as R's svyby computes them on subset(design, !is.na(pos)) (that subset
##    keeps each stratum's size, and svyby's design[domain, ] then gives each
##    domain R's subset(design, domain & !is.na(pos)), df = respondents minus
##    strata). One row per domain in the shape of the command's CSV output,
##    after columns naming the case. The estimate and SE are svymean's (by
##    svyby): svyciprop(method = "logit") returns the estimate of its
##    svyglm fit instead, which differs from the exact weighted mean by up to
##    1e-9 relative (IRLS convergence); its interval is kept as R gives it.
##    Wilson and Clopper-Pearson on n_eff come from svymean as in section 2.
estimate_rows <- list()
estimate_ref <- function(dataname, data, lonely_psu, by, method, level = 0.95) {
    options(survey.lonely.psu = lonely_psu)
    data$pos <- as.numeric(data$answer >= 4)
    data$everyone <- 1L
    design <- subset(svydesign(ids = ~1, strata = ~stratum, weights = ~weight, data = data),
                     !is.na(pos))
    by_vars <- if (length(by)) by else "everyone"
    byf <- as.formula(paste("~", paste(by_vars, collapse = " + ")))
    m <- svyby(~pos, byf, design, svymean)
    ci <- if (method %in% c("logit", "beta", "mean"))
        suppressWarnings(svyby(~pos, byf, design, svyciprop, method = method, level = level,
                               vartype = "ci"))
    for (i in seq_len(nrow(m))) {
        key <- m[i, by_vars, drop = FALSE]
        inside <- Reduce(`&`, lapply(by_vars, function(v) design$variables[[v]] == key[[v]]))
        p <- unname(coef(m)[i]); se <- unname(SE(m)[i]); neff <- p * (1 - p) / se^2
        bounds <- switch(method, wilson = wilson(p, neff, level),
                         `clopper-pearson` = clopper(p, neff, level),
                         unname(unlist(ci[i, c("ci_l", "ci_u")])))
        value <- function(v) if (v %in% by) as.character(key[[v]]) else ""
        estimate_rows[[length(estimate_rows) + 1]] <<- data.frame(
            data = dataname, lonely = lonely_psu, by = paste(by, collapse = "+"),
            method = method, level = level, area = value("area"), sex = value("sex"),
            n = sum(inside), estimate = p, se = se, ci_low = bounds[1], ci_high = bounds[2],
            df = degf(design[inside, ]), n_eff = neff, stringsAsFactors = FALSE)
    }
}
for (method in all_methods) for (by in list(character(0), "area", c("area", "sex")))
    estimate_ref("survey", survey, "fail", by, method)
estimate_ref("survey", survey, "fail", "area", "logit", level = 0.90)
for (lp in c("adjust", "remove", "certainty", "average")) for (method in c("logit", "beta", "mean"))
    estimate_ref("survey_lonely", lonely, lp, "area", method)
options(survey.lonely.psu = "fail")
write_fixture(do.call(rbind, estimate_rows), "ref_estimate.csv")
