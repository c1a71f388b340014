#!/usr/bin/env Rscript
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reference values for Evident's analysis engine (effect sizes, pooled fit, subgroups,
# leave-one-out, cumulative meta-analysis, small-study tests, trim-and-fill, fail-safe N),
# computed with R's metafor.
#
# Run from the repository root:
#     Rscript tests/reference/make_metafor_reference.R
# It writes tests/reference/data/*.csv (the inputs, in Evident's CSV format) and
# tests/reference/metafor_reference.json (the expected values). No random numbers are used, so
# running it twice gives byte-identical files.
#
# Every case re-reads its input from the CSV just written, so R and the C++ tests start from the
# very same doubles. The R calls of a case are kept as text, run with eval(parse()), and stored
# verbatim in the JSON ("r_calls"), so what is recorded is exactly what ran.

suppressPackageStartupMessages({
    library(metafor)
    library(metadat)
    library(jsonlite)
})

if (!dir.exists("tests/reference"))
    stop("Run this script from the repository root.")
setwd("tests/reference")
dir.create("data", showWarnings = FALSE)

# Evident iterates its tau^2 estimators to convergence; metafor's default threshold (1e-5) and
# maxiter (100) would stop early and make the references inexact, so every fit uses these.
CONTROL <- "control = list(threshold = 1e-12, maxiter = 10000, tol = 1e-12)"
CONFINT_CONTROL_TOL <- 1e-12

versions <- list(
    R = paste(R.version$major, R.version$minor, sep = "."),
    R_version_string = R.version.string,
    metafor = as.character(packageVersion("metafor")),
    metadat = as.character(packageVersion("metadat")),
    jsonlite = as.character(packageVersion("jsonlite"))
)

# --------------------------------------------------------------------------------------------
# Writing and re-reading the input CSVs
# --------------------------------------------------------------------------------------------

# RFC 4180 quoting: only fields holding a comma, a quote or a line break are quoted.
csv_field <- function(s) {
    needs <- grepl("[\",\r\n]", s)
    s[needs] <- paste0("\"", gsub("\"", "\"\"", s[needs]), "\"")
    s
}

# Numbers with 17 significant digits, so every double round-trips exactly.
csv_number <- function(x) sprintf("%.17g", as.double(x))

# Writes df (first column "study") as data/<name>.csv, reads it back and checks that every value
# survived exactly. Returns the path relative to tests/reference.
write_dataset <- function(name, df) {
    stopifnot(names(df)[1] == "study", !anyNA(df), !anyDuplicated(df$study))
    columns <- lapply(df, function(col) if (is.numeric(col)) csv_number(col) else csv_field(as.character(col)))
    lines <- c(paste(csv_field(names(df)), collapse = ","), do.call(paste, c(columns, sep = ",")))
    path <- file.path("data", paste0(name, ".csv"))
    con <- file(path, open = "wb") # "\n" line ends on every platform
    writeLines(lines, con, sep = "\n")
    close(con)

    back <- read.csv(path, stringsAsFactors = FALSE, check.names = FALSE)
    stopifnot(identical(names(back), names(df)), nrow(back) == nrow(df))
    for (column in names(df)) {
        if (is.numeric(df[[column]])) {
            if (!identical(as.double(back[[column]]), as.double(df[[column]])))
                stop("Column ", column, " of ", path, " does not round-trip exactly.")
        } else if (!identical(as.character(back[[column]]), as.character(df[[column]]))) {
            stop("Column ", column, " of ", path, " does not round-trip.")
        }
    }
    path
}

# Makes labels unique by appending " [tag]" to the labels that occur more than once.
unique_labels <- function(labels, tags) {
    dup <- labels %in% labels[duplicated(labels)]
    labels[dup] <- paste0(labels[dup], " [", tags[dup], "]")
    stopifnot(!anyDuplicated(labels))
    labels
}

# Column layout of two-group summary data in Evident's CSV format.
summary_columns <- function(study, mean_t, sd_t, n_t, mean_c, sd_c, n_c) {
    data.frame(study = study, mean_t = mean_t, sd_t = sd_t, n_t = n_t, mean_c = mean_c, sd_c = sd_c,
               n_c = n_c, stringsAsFactors = FALSE)
}

# --------------------------------------------------------------------------------------------
# The data sets (sources are cited in tests/reference/README.md as well)
# --------------------------------------------------------------------------------------------

# dat.normand1999 (metadat): Normand, S.-L. T. (1999). Meta-analysis: formulating, evaluating,
# combining, and reporting. Statistics in Medicine, 18(3), 321-359. Length of hospital stay (days)
# of stroke patients, specialist care (group 1 = treated) vs routine care (group 2 = control).
# The study label is the trial's `source`; there is no categorical covariate with repeated levels.
normand <- with(dat.normand1999, summary_columns(source, m1i, sd1i, n1i, m2i, sd2i, n2i))
ds_normand <- write_dataset("normand1999", normand)
ds_normand_k1 <- write_dataset("normand1999_k1", normand[1, ])
ds_normand_k2 <- write_dataset("normand1999_k2", normand[1:2, ])

# Normand (1999) plus one CONSTRUCTED study with 100,000 animals per group (not real data): one
# huge study among small ones, where its weight dominates and the variance ratio is ~10^4.
huge <- rbind(normand, summary_columns("Constructed huge study", 60, 45, 1e5, 62, 45, 1e5))
ds_huge <- write_dataset("normand1999_plus_huge", huge)

# dat.curtis1998 (metadat): Curtis, P. S., & Wang, X. (1998). A meta-analysis of elevated CO2
# effects on woody plant mass, form, and physiology. Oecologia, 113(3), 299-313 (data as used by
# Hedges, Gurevitch & Curtis 1999, Ecology 80:1150). Plant mass under elevated (group 1) vs
# ambient (group 2) CO2; analysed as log ratio of means. Covariates: functional group (3 levels),
# duration of the experiment in days, and a few design variables.
curtis <- with(dat.curtis1998, cbind(
    summary_columns(paste0(genus, " ", species, " (id ", id, ")"), m1i, sd1i, n1i, m2i, sd2i, n2i),
    data.frame(paper = paper, fungrp = fungrp, method = method, stock = stock, xtrt = xtrt,
               time = time, co2_ambi = co2.ambi, co2_elev = co2.elev, stringsAsFactors = FALSE)))
ds_curtis <- write_dataset("curtis1998", curtis)

# dat.gibson2002 (metadat): Gibson, P. G., Powell, H., Wilson, A., et al. (2002). Self-management
# education and regular practitioner review for adults with asthma. Cochrane Database of
# Systematic Reviews, (3), CD001117. Days off work/school, intervention (group 1) vs control
# (group 2). Studies 14 and 15 report only dichotomous data and are dropped (k = 13). The numeric
# `type` code is written as the intervention label documented in metadat, so it is categorical;
# four of its five levels hold a single study.
gib <- dat.gibson2002[!is.na(dat.gibson2002$m1i), ]
intervention_labels <- c("optimal self-management", "self-monitoring and review", "self-monitoring only",
                         "regular review only", "written action plan only")
gibson <- with(gib, cbind(
    summary_columns(unique_labels(paste(author, year), letters[seq_along(author)]), m1i, sd1i, n1i, m2i, sd2i, n2i),
    data.frame(year = year, intervention = intervention_labels[type], stringsAsFactors = FALSE)))
ds_gibson <- write_dataset("gibson2002", gibson)

# dat.bcg (metadat): Colditz, G. A., Brewer, T. F., Berkey, C. S., et al. (1994). Efficacy of BCG
# vaccine in the prevention of tuberculosis. JAMA, 271(9), 698-702. Log risk ratios from
# escalc("RR"), written once as precomputed yi/vi and once as yi/sei (sei = sqrt(vi)).
bcg_es <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
bcg_labels <- unique_labels(paste(dat.bcg$author, dat.bcg$year), dat.bcg$trial)
bcg_cov <- data.frame(year = dat.bcg$year, ablat = dat.bcg$ablat, alloc = dat.bcg$alloc, stringsAsFactors = FALSE)
ds_bcg_vi <- write_dataset("bcg_yi_vi", cbind(data.frame(study = bcg_labels, yi = c(bcg_es$yi), vi = c(bcg_es$vi),
                                                         stringsAsFactors = FALSE), bcg_cov))
ds_bcg_sei <- write_dataset("bcg_yi_sei", cbind(data.frame(study = bcg_labels, yi = c(bcg_es$yi), sei = sqrt(c(bcg_es$vi)),
                                                           stringsAsFactors = FALSE), bcg_cov))

# dat.raudenbush1985 (metadat): Raudenbush, S. W. (1984). Magnitude of teacher expectancy effects
# on pupil IQ as a function of the credibility of expectancy induction. Journal of Educational
# Psychology, 76(1), 85-97; Raudenbush & Bryk (1985), J Educ Stat 10:75. Precomputed SMDs (yi, vi,
# as published, rounded), with ties in vi (two pairs), so Begg's test uses the normal
# approximation. The subset with more than one week of prior contact (k = 11) is homogeneous:
# Q < df and tau^2 = 0 for every estimator.
rau <- dat.raudenbush1985
raudenbush <- data.frame(study = unique_labels(paste(rau$author, rau$year), rau$study), yi = c(rau$yi), vi = c(rau$vi),
                         weeks = rau$weeks, setting = rau$setting, tester = rau$tester, year = rau$year,
                         stringsAsFactors = FALSE)
ds_raudenbush <- write_dataset("raudenbush1985", raudenbush)
ds_raudenbush_h <- write_dataset("raudenbush1985_weeks_over_1", raudenbush[raudenbush$weeks > 1, ])

# dat.besson2016 (metadat): Besson, A. A., Lagisz, M., Senior, A. M., Hector, K. L., & Nakagawa, S.
# (2016). Effect of maternal diet on offspring coping styles in rodents: a systematic review and
# meta-analysis. Biological Reviews, 91(4), 1065-1080. A real preclinical (rodent) data set. Subset
# used here: outcomes classified as ACTIVITY, complete summary data, the first comparison of each
# study (so the effect sizes are independent); SD = SE * sqrt(n) as in the metadat example.
# Group 1 = maternal diet manipulation (experimental), group 2 = control. Covariates: species,
# manipulation type, timing of the diet (diet_label), sex, test, and publication year (parsed
# from the reference). It has no `route` or `hydrogel` columns; none are invented.
# Comparisons reporting an SE of 0 in a group are left out: Evident rejects SD <= 0 as invalid input
# (metafor would accept it as long as the pooled SD is positive).
bes <- dat.besson2016
bes <- bes[bes$our_behaviour_classification == "ACTIVITY", ]
bes <- bes[complete.cases(bes[, c("exp_mean", "exp_se", "exp_n", "con_mean", "con_se", "con_n")]), ]
bes <- bes[bes$exp_se > 0 & bes$con_se > 0, ]
bes <- bes[!duplicated(bes$study_ID), ]
besson <- with(bes, cbind(
    summary_columns(unique_labels(Reference, study_ID), exp_mean, exp_se * sqrt(exp_n), exp_n,
                    con_mean, con_se * sqrt(con_n), con_n),
    data.frame(species = species, manip_type = manip_type, diet_label = diet_label, sex = sex,
               response_test = response_test, year = as.numeric(sub(".*?(\\d{4}).*", "\\1", Reference)),
               stringsAsFactors = FALSE)))
ds_besson <- write_dataset("besson2016_activity", besson)

# --------------------------------------------------------------------------------------------
# One reference case
# --------------------------------------------------------------------------------------------

# Evident's names: measure keys as measureKey(), method as estimatorKey(), test as inferenceKey().
evident_test_key <- function(test) if (test == "knha") "hksj" else test

effect_size_calls <- function(measure, dataset) {
    columns <- names(read.csv(dataset, nrows = 1, check.names = FALSE))
    if (measure == "GENERIC") {
        if ("vi" %in% columns) return(character())
        stopifnot("sei" %in% columns)
        return("dat$vi <- dat$sei^2")
    }
    if (measure == "SMD_REVMAN") {
        # RevMan 5 (Deeks & Higgins, Statistical algorithms in Review Manager 5, 2010):
        # g = (1 - 3/(4N - 9)) (m_t - m_c) / s_pooled, var = N/(n_t n_c) + g^2 / (2 (N - 3.94)).
        return(c(
            "dat$yi <- with(dat, (1 - 3 / (4 * (n_t + n_c) - 9)) * (mean_t - mean_c) / sqrt(((n_t - 1) * sd_t^2 + (n_c - 1) * sd_c^2) / (n_t + n_c - 2)))",
            "dat$vi <- with(dat, (n_t + n_c) / (n_t * n_c) + yi^2 / (2 * (n_t + n_c - 3.94)))"))
    }
    # metafor's escalc(): SMD = Hedges' g with the exact correction, vtype "LS"; MD; ROM.
    sprintf("dat <- escalc(measure = \"%s\", m1i = mean_t, sd1i = sd_t, n1i = n_t, m2i = mean_c, sd2i = sd_c, n2i = n_c, data = dat)",
            measure)
}

num <- function(x) {
    x <- unname(c(x))
    stopifnot(length(x) == 1)
    if (is.na(x)) NULL else as.double(x)
}

rel_diff <- function(a, b) abs(a - b) / max(abs(b), 1e-300)

# Checks that an iterative estimate is the converged optimum: a refit with a 100 times stricter
# threshold (relative to tau^2 when tau^2 > 1) must give the same tau^2 to ~1e-10 (Fisher scoring), and for PM the generalised Q
# statistic must equal k - 1.
check_converged <- function(env, method) {
    res <- env$res
    if (res$k < 2) return(invisible())
    if (method %in% c("REML", "ML", "EB")) {
        # metafor's threshold is on the absolute change of tau^2; keep it above tau^2's rounding.
        strict <- rma(res$yi, res$vi, method = method,
                      control = list(threshold = max(1e-14, 1e-14 * res$tau2), maxiter = 10000))
        if (!(abs(strict$tau2 - res$tau2) <= 1e-10 * max(res$tau2, 1e-8)))
            stop("tau^2 not converged: ", res$tau2, " vs ", strict$tau2)
    }
    if (method == "PM" && res$tau2 > 0) {
        w <- 1 / (res$vi + res$tau2)
        q <- sum(w * (res$yi - sum(w * res$yi) / sum(w))^2)
        if (rel_diff(q, res$k - 1) > 1e-9) stop("PM not converged: Q = ", q)
    }
}

run_case <- function(id, dataset, measure, method, test, subgroup = NULL, order = NULL) {
    env <- new.env(parent = globalenv())
    calls <- character()
    notes <- character()
    run <- function(code) {
        calls <<- c(calls, code)
        withCallingHandlers(eval(parse(text = code), envir = env), warning = function(w) {
            notes <<- c(notes, paste0(sub(" <-.*", "", code), ": metafor warned \"", conditionMessage(w), "\""))
            invokeRestart("muffleWarning")
        })
    }
    run(sprintf("dat <- read.csv(\"%s\", stringsAsFactors = FALSE)", dataset))
    for (code in effect_size_calls(measure, dataset)) run(code)

    # The pooled model.
    run(sprintf("res <- rma(yi, vi, data = dat, slab = study, method = \"%s\", test = \"%s\", %s)",
                method, test, CONTROL))
    res <- env$res
    k <- res$k
    check_converged(env, method)
    run("pred <- predict(res)")
    run("w <- weights(res)")
    pred <- env$pred
    if (is.null(pred$pi.lb)) {
        # predict() gives no prediction interval for FE models; with tau^2 = 0 it is the CI.
        stopifnot(method == "FE")
        pred$pi.lb <- pred$ci.lb
        pred$pi.ub <- pred$ci.ub
    }

    tau2_ci <- NULL
    if (method != "FE" && k >= 2) {
        # Q-profile interval (Viechtbauer 2007). metafor searches tau^2 in [0, tau2.max] with
        # tau2.max = max(100, 10 tau^2) and reports the limit itself (flagged ">") when the upper
        # bound lies beyond it; the search limit is then widened until the true root is found.
        run(sprintf("ci <- confint(res, control = list(tol = %g))", CONFINT_CONTROL_TOL))
        limit <- 10^ceiling(log10(max(100, 10 * res$tau2)))
        while (env$ci$ub.sign == ">") {
            limit <- limit * 100
            calls <- calls[-length(calls)]
            run(sprintf("ci <- confint(res, control = list(tol = %g, tau2.max = %g))", CONFINT_CONTROL_TOL, limit))
        }
        tau2_ci <- env$ci$random["tau^2", c("ci.lb", "ci.ub")]
        # "<" marks a bound below 0 (Q(0) under the quantile); metafor then reports 0, as Evident.
        stopifnot(env$ci$lb.sign %in% c("", "<"), env$ci$ub.sign %in% c("", "<"),
                  env$ci$lb.sign == "" || tau2_ci[1] == 0, env$ci$ub.sign == "" || tau2_ci[2] == 0)
        if (env$ci$ub.sign == "<")
            notes <- c(notes, "confint: both tau^2 bounds fall below 0; metafor reports [0, 0] (the null/empty set)")
    }

    if (k == 1) {
        # metafor itself switches to test = "z" at k = 1 (with a warning), which is Evident's rule:
        # the study itself with a Wald interval. Check that it does.
        z <- qnorm(0.975)
        stopifnot(rel_diff(res$beta, res$yi) < 1e-15, rel_diff(res$se, sqrt(res$vi)) < 1e-15,
                  rel_diff(res$ci.lb, res$yi - z * sqrt(res$vi)) < 1e-14, res$tau2 == 0, res$I2 == 0,
                  res$H2 == 1, res$QE == 0, res$QEp == 1, rel_diff(pred$pi.lb, res$ci.lb) < 1e-14)
    }

    expected <- list(
        k = k,
        measure = measure,
        method = method,
        test = evident_test_key(test),
        estimate = num(res$beta), se = num(res$se), ci_lower = num(res$ci.lb), ci_upper = num(res$ci.ub),
        statistic = num(res$zval), p = num(res$pval),
        tau2 = num(res$tau2), tau = num(sqrt(res$tau2)),
        tau2_ci_lower = if (is.null(tau2_ci)) NULL else num(tau2_ci[1]),
        tau2_ci_upper = if (is.null(tau2_ci)) NULL else num(tau2_ci[2]),
        i2 = num(res$I2), h2 = num(res$H2),
        q = num(res$QE), q_df = k - 1L, q_p = num(res$QEp),
        pi_lower = num(pred$pi.lb), pi_upper = num(pred$pi.ub),
        studies = lapply(seq_len(k), function(i) list(study = env$dat$study[i], yi = num(res$yi[i]), vi = num(res$vi[i]),
                                                      weight_percent = num(env$w[i])))
    )
    stopifnot(res$k == nrow(env$dat))

    # Subgroups: the same model in each level (in order of first appearance), RevMan's test for
    # subgroup differences (Q of the level estimates), and the mixed-effects omnibus test.
    expected$subgroups <- NULL
    if (!is.null(subgroup)) {
        levels <- unique(env$dat[[subgroup]])
        run(sprintf("fits <- lapply(%s, function(g) rma(yi, vi, data = dat, subset = %s == g, method = \"%s\", test = \"%s\", %s))",
                    paste(deparse(levels, width.cutoff = 500L), collapse = ""), subgroup, method, test, CONTROL))
        run("between <- rma(sapply(fits, coef), sei = sapply(fits, function(f) f$se), method = \"FE\")")
        run(sprintf("mixed <- rma(yi, vi, mods = ~ factor(%s), data = dat, method = \"%s\", test = \"%s\", %s)",
                    subgroup, method, test, CONTROL))
        groups <- lapply(seq_along(levels), function(j) {
            f <- env$fits[[j]]
            list(level = levels[j], k = f$k, estimate = num(f$beta), se = num(f$se), ci_lower = num(f$ci.lb),
                 ci_upper = num(f$ci.ub), tau2 = num(f$tau2), i2 = num(f$I2))
        })
        between <- env$between
        mixed <- env$mixed
        expected$subgroups <- list(variable = subgroup, groups = groups,
                                   q_between = num(between$QE), df = length(levels) - 1L, p = num(between$QEp),
                                   qm = num(mixed$QM), qm_df = as.integer(mixed$QMdf[1]), qm_p = num(mixed$QMp))
    }

    # Leave-one-out (none when k = 1). For FE models metafor's leave1out() has no tau2 column; it is 0.
    expected$leave_one_out <- list()
    if (k >= 2) {
        run("l1o <- leave1out(res)")
        l1o <- env$l1o
        expected$leave_one_out <- lapply(seq_len(k), function(i) list(
            omitted = l1o$slab[i], estimate = num(l1o$estimate[i]), ci_lower = num(l1o$ci.lb[i]),
            ci_upper = num(l1o$ci.ub[i]), tau2 = if (is.null(l1o$tau2)) 0 else num(l1o$tau2[i]), i2 = num(l1o$I2[i])))
    }

    # Cumulative meta-analysis, in data order or sorted by `order` (ascending, stable).
    run(if (is.null(order)) "cum <- cumul(res)" else sprintf("cum <- cumul(res, order = %s)", order))
    cum <- env$cum
    expected$cumulative <- lapply(seq_len(k), function(i) list(
        study = cum$slab[i], estimate = num(cum$estimate[i]), ci_lower = num(cum$ci.lb[i]), ci_upper = num(cum$ci.ub[i]),
        z = num(cum[[3]][i])))

    # Small-study tests and trim-and-fill need k >= 3.
    expected$egger <- NULL
    expected$begg <- NULL
    expected$trim_and_fill <- NULL
    if (k >= 3) {
        run("reg <- regtest(res, model = \"lm\")")
        run("egger <- coef(summary(reg$fit))[2, ]")
        egger <- env$egger
        expected$egger <- list(bias = num(egger[["Estimate"]]), se = num(egger[["Std. Error"]]),
                               statistic = num(egger[["t value"]]), df = as.integer(env$reg$dfs),
                               p = num(egger[["Pr(>|t|)"]]))
        stopifnot(env$reg$dfs == k - 2, rel_diff(egger[["t value"]], env$reg$zval) < 1e-14)

        run("rank <- ranktest(res)")
        expected$begg <- list(tau = num(env$rank$tau), p = num(env$rank$pval))

        # trimfill() does not pass the model's control list to its internal rma() refits; it is
        # given explicitly (through `...`) so those refits converge as fully as the model itself.
        run(sprintf("tf <- trimfill(res, %s)", CONTROL))
        tf <- env$tf
        filled <- which(tf$fill)
        expected$trim_and_fill <- list(
            k0 = as.integer(tf$k0), side = tf$side, estimate = num(tf$beta), ci_lower = num(tf$ci.lb),
            ci_upper = num(tf$ci.ub),
            filled = lapply(filled, function(i) list(yi = num(tf$yi[i]), vi = num(tf$vi[i]))))
    }

    run("fs <- fsn(yi, vi, data = dat, type = \"Rosenthal\")")
    expected$fail_safe_n <- list(rosenthal = num(env$fs$fsnum))

    # Keep the key order of the schema.
    keys <- c("k", "measure", "method", "test", "estimate", "se", "ci_lower", "ci_upper", "statistic", "p",
              "tau2", "tau", "tau2_ci_lower", "tau2_ci_upper", "i2", "h2", "q", "q_df", "q_p", "pi_lower",
              "pi_upper", "studies", "subgroups", "leave_one_out", "cumulative", "egger", "begg",
              "trim_and_fill", "fail_safe_n")
    ordered <- setNames(lapply(keys, function(key) expected[[key]]), keys)

    list(id = id, dataset = dataset,
         options = list(measure = measure, method = method, test = test, subgroup = subgroup, order = order),
         r_calls = I(calls), notes = I(unique(notes)), expected = ordered)
}

# --------------------------------------------------------------------------------------------
# The cases
# --------------------------------------------------------------------------------------------

ALL_METHODS <- c("FE", "DL", "REML", "ML", "PM", "EB", "HE", "SJ")
cases <- list()
add <- function(id, ...) {
    message("case ", id)
    cases[[length(cases) + 1]] <<- run_case(id, ...)
}

# Normand 1999: MD and SMD with every estimator and both tests; RevMan's SMD with REML and DL.
for (measure in c("MD", "SMD"))
    for (method in ALL_METHODS)
        for (test in c("z", "knha"))
            add(sprintf("normand1999_%s_%s_%s", measure, method, test), ds_normand, measure, method, test)
for (method in c("REML", "DL"))
    add(sprintf("normand1999_SMD_REVMAN_%s_z", method), ds_normand, "SMD_REVMAN", method, "z")

# Curtis 1998: ROM, 102 studies, subgroups by functional group (3 levels, one with 2 studies),
# cumulative by duration (many ties, kept in data order).
for (method in c("REML", "DL"))
    for (test in c("z", "knha"))
        add(sprintf("curtis1998_ROM_%s_%s", method, test), ds_curtis, "ROM", method, test,
            subgroup = "fungrp", order = "time")
add("curtis1998_ROM_PM_z", ds_curtis, "ROM", "PM", "z", subgroup = "method")

# Gibson 2002: MD and SMD; subgroups by intervention type, four levels of which have one study.
for (measure in c("MD", "SMD"))
    for (method in c("REML", "DL"))
        add(sprintf("gibson2002_%s_%s_z", measure, method), ds_gibson, measure, method, "z",
            subgroup = "intervention", order = "year")
add("gibson2002_SMD_REML_knha", ds_gibson, "SMD", "REML", "knha", subgroup = "intervention", order = "year")

# k = 1 and k = 2.
add("normand1999_k1_SMD_REML_z", ds_normand_k1, "SMD", "REML", "z")
add("normand1999_k1_SMD_REML_knha", ds_normand_k1, "SMD", "REML", "knha")
add("normand1999_k1_MD_FE_z", ds_normand_k1, "MD", "FE", "z")
add("normand1999_k2_SMD_REML_z", ds_normand_k2, "SMD", "REML", "z")
add("normand1999_k2_SMD_REML_knha", ds_normand_k2, "SMD", "REML", "knha")
add("normand1999_k2_MD_DL_z", ds_normand_k2, "MD", "DL", "z")

# One huge (constructed) study among small ones.
add("normand1999_plus_huge_SMD_REML_z", ds_huge, "SMD", "REML", "z")
add("normand1999_plus_huge_SMD_DL_z", ds_huge, "SMD", "DL", "z")
add("normand1999_plus_huge_SMD_REML_knha", ds_huge, "SMD", "REML", "knha")

# Precomputed log risk ratios (BCG): yi/vi and yi/sei inputs.
add("bcg_yi_vi_GENERIC_REML_z", ds_bcg_vi, "GENERIC", "REML", "z", subgroup = "alloc", order = "year")
add("bcg_yi_vi_GENERIC_DL_z", ds_bcg_vi, "GENERIC", "DL", "z", order = "ablat")
add("bcg_yi_sei_GENERIC_REML_knha", ds_bcg_sei, "GENERIC", "REML", "knha", subgroup = "alloc", order = "year")
add("bcg_yi_sei_GENERIC_PM_z", ds_bcg_sei, "GENERIC", "PM", "z")

# Ties in vi (Begg's test by the normal approximation), and a homogeneous subset (tau^2 = 0).
add("raudenbush1985_GENERIC_REML_z", ds_raudenbush, "GENERIC", "REML", "z", subgroup = "tester", order = "year")
add("raudenbush1985_GENERIC_DL_knha", ds_raudenbush, "GENERIC", "DL", "knha", subgroup = "setting")
add("raudenbush1985_weeks_over_1_GENERIC_REML_z", ds_raudenbush_h, "GENERIC", "REML", "z")
add("raudenbush1985_weeks_over_1_GENERIC_DL_z", ds_raudenbush_h, "GENERIC", "DL", "z")
add("raudenbush1985_weeks_over_1_GENERIC_REML_knha", ds_raudenbush_h, "GENERIC", "REML", "knha")

# A real preclinical SMD data set (rodents).
add("besson2016_activity_SMD_REML_z", ds_besson, "SMD", "REML", "z", subgroup = "species", order = "year")
add("besson2016_activity_SMD_REML_knha", ds_besson, "SMD", "REML", "knha", subgroup = "manip_type", order = "year")
add("besson2016_activity_SMD_REVMAN_DL_z", ds_besson, "SMD_REVMAN", "DL", "z", subgroup = "diet_label", order = "year")
add("besson2016_activity_SMD_EB_knha", ds_besson, "SMD", "EB", "knha", subgroup = "diet_label")

stopifnot(!anyDuplicated(vapply(cases, function(x) x$id, "")))

# --------------------------------------------------------------------------------------------
# Conventions and output
# --------------------------------------------------------------------------------------------

conventions <- list(
    general = paste(
        "Every number is metafor's (versions above) unless said otherwise, written with 17 significant digits.",
        "Each case reads its CSV (dataset, relative to tests/reference) and runs r_calls in order; 'notes' lists",
        "the warnings metafor issued. null = the statistic does not apply."),
    csv = paste(
        "Comma-delimited, header row, one study per row, RFC 4180 quoting only where a field holds a comma or quote,",
        "numbers with 17 significant digits. 'study' (label), then mean_t,sd_t,n_t,mean_c,sd_c,n_c (t = group 1 =",
        "treated/experimental, c = group 2 = control) or yi,vi or yi,sei; every other column is a covariate,",
        "categorical if any value is not a number."),
    names = paste(
        "options are the command-line values (test 'z' or 'knha'). expected.measure/method/test are Evident's keys",
        "(measureKey, estimatorKey, inferenceKey): measure SMD, SMD_REVMAN, MD, ROM or GENERIC (precomputed yi/vi or",
        "yi/sei, used as given), test 'z' or 'hksj' (= metafor test 'knha')."),
    effect_sizes = paste(
        "SMD = escalc('SMD'): Hedges' g with the exact correction J = exp(lgamma(m/2) - log(sqrt(m/2)) - lgamma((m-1)/2)),",
        "m = n_t + n_c - 2, vi = 1/n_t + 1/n_c + g^2/(2(n_t + n_c)) (vtype 'LS'). MD = escalc('MD'), vi = sd_t^2/n_t +",
        "sd_c^2/n_c. ROM = escalc('ROM'), log(mean_t/mean_c), vi = sd_t^2/(n_t mean_t^2) + sd_c^2/(n_c mean_c^2).",
        "SMD_REVMAN is not in metafor and is computed in R from RevMan 5's formulas: J = 1 - 3/(4N - 9),",
        "g = J (mean_t - mean_c)/s_pooled, vi = N/(n_t n_c) + g^2/(2(N - 3.94)), N = n_t + n_c.",
        "yi/sei input: vi = sei^2."),
    fit = paste(
        "rma(yi, vi, method, test, control = list(threshold = 1e-12, maxiter = 10000, tol = 1e-12)) so REML/ML/EB",
        "(Fisher scoring) and PM (root finding) are fully converged; the script checks REML/ML/EB against a refit with",
        "threshold 1e-14 (relative difference <= 1e-10) and PM by Q(tau^2) = k - 1. estimate = beta, statistic = zval",
        "(a t statistic under knha, df = k - 1), p = pval, ci = ci.lb/ci.ub, tau = sqrt(tau2), i2 = I2 (percent),",
        "h2 = H2, q = QE with q_df = k - 1 and q_p = QEp. For FE, tau2 = 0 and I2 = max(0, 100 (QE - (k-1))/QE),",
        "H2 = QE/(k - 1). Prediction interval = predict(res) pi.lb/pi.ub: estimate -/+ crit sqrt(se^2 + tau2) with the",
        "same critical value as the CI (t with k - 1 df under knha); equals the CI for FE. weight_percent = weights(res)."),
    tau2_ci = paste(
        "Q-profile interval (Viechtbauer 2007), confint(res, control = list(tol = 1e-12)), row 'tau^2'; null for FE and",
        "k = 1. The lower bound is 0 when Q(0) is below the 97.5% chi-squared quantile (k - 1 df); both bounds are 0",
        "when Q(0) is below even the 2.5% quantile (metafor then calls the interval the null/empty set and reports",
        "[0, 0]). metafor searches [0, tau2.max] with tau2.max = max(100, 10 tau2) and otherwise reports tau2.max",
        "itself as the upper bound (printed as '>...'); whenever that happens (e.g. k = 2) the script widens tau2.max",
        "by factors of 100 (powers of 10) until the true root is inside, and records that call."),
    k1 = paste(
        "k = 1: the study itself: estimate yi, se sqrt(vi), Wald z interval and test even under knha, tau2 = 0, i2 = 0,",
        "h2 = 1, q = 0, q_df = 0, q_p = 1, tau2 CI null, prediction interval = CI. metafor 3.8 does the same: at k = 1 it",
        "switches to test = 'z' itself with the warning 'Setting argument test=\"z\" since k=1.' (so it does not give NA).",
        "The same holds wherever a fit has one study: a subgroup level with one study, the first step of a cumulative",
        "analysis, each leave-one-out fit when k = 2. leave_one_out is empty when k = 1."),
    subgroups = paste(
        "Levels in order of first appearance in the data. Per level: the same rma() (method and test of the case) on",
        "that subset; k = 1 rule for a single-study level. q_between = RevMan's test for subgroup differences: QE of",
        "rma(level estimates, sei = level SEs, method = 'FE'), df = G - 1, p = QEp (chi-squared); under knha the",
        "level SEs are the knha SEs. qm/qm_df/qm_p = QM, QMdf[1], QMp of rma(yi, vi, mods = ~ factor(x), method, test)",
        "(one common tau^2; under knha QM is the F statistic with QMdf = (G - 1, k - G))."),
    leave_one_out = paste(
        "leave1out(res): omitted = label of the omitted study, estimate, ci.lb, ci.ub, tau2, I2 of the fit without it",
        "(same method, test and control). For FE models leave1out() has no tau2 column; tau2 is given as 0."),
    cumulative = paste(
        "cumul(res) in data order, or cumul(res, order = column) when 'order' is set (ascending, R's stable order(),",
        "so ties keep data order): study = label added at that step, estimate, ci.lb, ci.ub, z = zval (a t statistic",
        "under knha, except at the first step, which follows the k = 1 rule)."),
    egger = paste(
        "regtest(res, model = 'lm'): weighted least squares yi ~ sei with weights 1/vi (the model's method and test",
        "play no part). bias = coefficient of sei, se = its standard error, statistic = its t value, df = k - 2,",
        "p = two-sided t p value (coef(summary(reg$fit))[2, ]). null when k < 3."),
    begg = paste(
        "ranktest(res): Kendall's tau (tau-b) between (yi - theta_FE)/sqrt(vi - 1/sum(1/vi)) and vi, with",
        "cor.test(exact = TRUE): the exact p value when there are no ties, otherwise (ties in either variable, e.g.",
        "raudenbush1985) the normal approximation without continuity correction, with a warning. The fixed-effect",
        "theta is used whatever the model's method. null when k < 3."),
    trim_and_fill = paste(
        "trimfill(res, control = <as the fit>): estimator L0, side chosen by metafor (the sign of the slope of",
        "rma(yi, vi, mods = sqrt(vi), method): negative -> 'right', else 'left'). metafor does not pass the model's",
        "control list to its internal refits, so the script passes it through '...'; without it the REML refits stop",
        "at metafor's default threshold 1e-5. k0, side, estimate, ci_lower, ci_upper of the returned model and the",
        "filled studies' yi/vi (empty when k0 = 0). The refit on the filled data uses a Wald (z) test even when the",
        "model used knha, but with k0 = 0 metafor returns the original model unchanged (then the knha interval).",
        "null when k < 3."),
    fail_safe_n = paste(
        "fsn(yi, vi, type = 'Rosenthal'): Stouffer's method, alpha = 0.05 one-sided: N = max(0, (sum(yi/sqrt(vi)) /",
        "qnorm(0.95))^2 - k), then rounded UP to the next integer (metafor 3.8 takes ceiling(N), or round(N) when N is",
        "within sqrt(machine epsilon) of an integer).")
)

document <- list(generated_by = "make_metafor_reference.R", versions = versions, conventions = conventions,
                 cases = cases)
# jsonlite 1.8.4 writes at most 15 significant digits whatever `digits` says (digits = I(17) and
# digits = NA both give 15), which does not round-trip. So every double is formatted here with
# 17 significant digits and inserted verbatim.
as_json_numbers <- function(x) {
    if (is.list(x)) {
        if (inherits(x, "AsIs")) return(x)
        attrs <- attributes(x)
        out <- lapply(x, as_json_numbers)
        attributes(out) <- attrs
        return(out)
    }
    if (is.double(x)) {
        stopifnot(length(x) == 1, is.finite(x))
        return(structure(sprintf("%.17g", x), class = "json"))
    }
    x
}
json <- toJSON(as_json_numbers(document), auto_unbox = TRUE, json_verbatim = TRUE, null = "null", na = "null",
               pretty = TRUE)
writeLines(json, "metafor_reference.json", useBytes = TRUE)

# Verify that every number round-trips exactly through the JSON file.
back <- fromJSON("metafor_reference.json", simplifyVector = FALSE)
compare <- function(a, b, where) {
    if (is.null(b)) {
        if (!is.null(a)) stop("Not null at ", where)
    } else if (is.list(b)) {
        if (length(a) != length(b)) stop("Length differs at ", where)
        for (i in seq_along(b)) compare(a[[i]], b[[i]], paste0(where, "/", if (is.null(names(b))) i else names(b)[i]))
    } else if (is.numeric(b)) {
        if (!identical(as.double(unlist(a)), as.double(b))) stop("Number does not round-trip at ", where)
    } else if (!identical(as.character(unlist(a)), as.character(b))) {
        stop("Value differs at ", where)
    }
}
compare(back$cases, lapply(cases, function(x) x), "cases")
message(length(cases), " cases written to tests/reference/metafor_reference.json (",
        round(file.size("metafor_reference.json") / 1024), " KiB)")
