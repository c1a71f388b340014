#!/usr/bin/env Rscript
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end reference values for dichotomous outcomes: what Evident's project layer
# (prepareOutcome -> runAnalysis -> core/analysis/pooledfit) must report for an outcome of 2x2
# tables under each pooling method, computed with R's metafor. tests/core/tst_pooledfit_reference.cpp
# builds the same outcomes as a Project and compares the pooled fit, the percent weights, the
# prediction interval, the Mantel-Haenszel tests and the leave-one-out fits.
#
# Run from the repository root:
#     Rscript tests/reference/make_pooledfit_reference.R
# It writes tests/reference/pooledfit_reference.json; no random numbers, so re-runs are byte-identical.
#
# Models (each on the data set's tables; Evident leaves tables without events in either group, or
# with events in everyone, out of OR and RR by default, so they are removed here first for those
# measures — the Mantel-Haenszel sums are the same with or without them; for RD they are kept, in Q as
# well, so rma.mh gets drop00 = FALSE):
#   MH      rma.mh(measure), weights(rma.mh) in percent, leave1out(rma.mh)
#   MH-DL   RevMan's "M-H, Random": tau2 = DL from rma.mh's QE (inverse-variance weights of its yi/vi),
#           then rma(yi, vi, tau2 = tau2); weights and predict() of that fit; Q and I2 are rma.mh's (the
#           heterogeneity around the M-H estimate, as RevMan reports it)
#   PETO    rma.peto, weights(rma.peto), leave1out(rma.peto)
#   REML_KNHA  rma(escalc yi/vi, method = "REML", test = "knha"), weights, predict()
#   MH_REVMAN5 rma.mh with add = c(1/2, 1/2), to = c("only0", "only0"): RevMan 5's zero-cell convention
#           (with its CMH and Tarone tests on the corrected tables)
#   DL_KEEP    OR with double-zero tables kept (escalc drop00 = FALSE), rma(method = "DL")

suppressPackageStartupMessages({
    library(metafor)
    library(metadat)
    library(jsonlite)
})

if (!dir.exists("tests/reference"))
    stop("Run this script from the repository root.")

CONTROL <- list(threshold = 1e-12, maxiter = 10000, tol = 1e-12)

tables <- function(study, ai, n1i, ci, n2i)
    data.frame(study = as.character(study), ai = ai, n1i = n1i, ci = ci, n2i = n2i, stringsAsFactors = FALSE)

datasets <- list(
    egger2001 = list(
        source = paste("metadat dat.egger2001 (Egger, Davey Smith & Altman 2001, Systematic reviews in health",
                       "care, BMJ Books): intravenous magnesium in acute myocardial infarction, deaths."),
        tables = with(dat.egger2001, tables(study, ai, n1i, ci, n2i))),
    hine1989 = list(
        source = paste("metadat dat.hine1989 (Hine et al. 1989, Arch Intern Med 149:2694): prophylactic",
                       "lidocaine in acute myocardial infarction, deaths."),
        tables = with(dat.hine1989, tables(source, ai, n1i, ci, n2i))),
    pregnancy_example = list(
        source = paste("Illustrative, not real data: the pregnancy outcome of Evident's bundled example",
                       "(resources/examples/make_ev_intrauterine_adhesions.R, seed 20240611), with two",
                       "zero cells and an all-events group."),
        tables = tables(paste("Study", 1:16),
                        ai = c(4, 3, 4, 4, 5, 8, 4, 1, 4, 3, 4, 5, 6, 11, 2, 10),
                        n1i = c(9, 7, 7, 6, 9, 9, 5, 5, 5, 5, 8, 9, 11, 12, 6, 10),
                        ci = c(2, 3, 2, 0, 3, 6, 1, 1, 2, 0, 2, 2, 3, 2, 3, 7),
                        n2i = c(8, 7, 6, 6, 9, 9, 5, 5, 5, 5, 8, 9, 11, 12, 6, 10))),
    constructed_zeros = list(
        source = paste("Constructed (not real data): single zeros in either group, a double-zero table and",
                       "an all-events table (left out of OR and RR by default)."),
        tables = tables(c("Zero treated", "Zero control", "Double zero", "All events", "No zero", "Regular"),
                        ai = c(0, 5, 0, 8, 3, 12), n1i = c(12, 15, 10, 8, 20, 40),
                        ci = c(4, 0, 0, 9, 7, 15), n2i = c(12, 14, 11, 9, 21, 38)))
)

value <- function(x) {
    x <- as.numeric(x)
    if (length(x) != 1 || !is.finite(x)) NULL else x
}
values <- function(x) lapply(as.numeric(x), value)

# Tables without events in either group, or with events in every animal of both groups.
uninformative <- function(d) (d$ai == 0 & d$ci == 0) | (d$ai == d$n1i & d$ci == d$n2i)

fit_summary <- function(res, weights, pred = NULL) {
    out <- list(estimate = value(res$beta), se = value(res$se), ci_lb = value(res$ci.lb), ci_ub = value(res$ci.ub),
                p = value(res$pval), tau2 = value(if (is.null(res$tau2)) 0 else res$tau2), Q = value(res$QE),
                I2 = value(res$I2), weights = values(weights))
    if (!is.null(pred))
        out <- c(out, list(pi_lb = value(pred$pi.lb), pi_ub = value(pred$pi.ub)))
    out
}

loo_summary <- function(loo) list(estimate = values(loo$estimate), ci_lb = values(loo$ci.lb), ci_ub = values(loo$ci.ub))

cases <- list()
add_case <- function(dataset, measure, model, studies, summary, extra = list())
    cases[[length(cases) + 1]] <<- c(list(id = paste(dataset, measure, model, sep = "_"), dataset = dataset,
                                          measure = measure, model = model, studies = studies),
                                     summary, extra)

for (name in names(datasets)) {
    all <- datasets[[name]]$tables
    for (measure in c("OR", "RR", "RD")) {
        d <- if (measure == "RD") all else all[!uninformative(all), ]
        # drop00 = FALSE: for RD Evident keeps double-zero tables (RevMan) in Q and tau2 too; for OR and RR
        # they are already removed above.
        args <- list(ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i, measure = measure, drop00 = FALSE)

        mh <- do.call(rma.mh, args)
        extra <- list(leave_one_out = loo_summary(leave1out(mh)))
        if (measure == "OR")
            extra <- c(extra, list(cmh = value(mh$MH), cmh_p = value(mh$MHp), tarone = value(mh$TA),
                                   tarone_p = value(mh$TAp)))
        add_case(name, measure, "MH", d$study, fit_summary(mh, weights(mh)), extra)

        w <- 1 / mh$vi
        df <- mh$k.yi - 1
        tau2 <- if (df > 0) max(0, (mh$QE - df) / (sum(w) - sum(w^2) / sum(w))) else 0
        random <- rma(mh$yi, mh$vi, tau2 = tau2)
        summary <- fit_summary(random, weights(random), predict(random))
        summary$Q <- value(mh$QE)
        summary$I2 <- value(mh$I2)
        add_case(name, measure, "MH-DL", d$study, summary)

        es <- escalc(measure, ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i)
        reml <- rma(es$yi, es$vi, method = "REML", test = "knha", control = CONTROL)
        add_case(name, measure, "REML_KNHA", d$study, fit_summary(reml, weights(reml), predict(reml)))

        if (measure == "OR") {
            peto <- rma.peto(ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i)
            add_case(name, measure, "PETO", d$study, fit_summary(peto, weights(peto)),
                     list(leave_one_out = loo_summary(leave1out(peto))))
            revman5 <- rma.mh(ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i, measure = "OR",
                              add = c(1/2, 1/2), to = c("only0", "only0"))
            add_case(name, measure, "MH_REVMAN5", d$study, fit_summary(revman5, weights(revman5)),
                     list(cmh = value(revman5$MH), cmh_p = value(revman5$MHp), tarone = value(revman5$TA),
                          tarone_p = value(revman5$TAp)))
            kept <- escalc("OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = all, drop00 = FALSE)
            dl <- rma(kept$yi, kept$vi, method = "DL")
            add_case(name, measure, "DL_KEEP", all$study, fit_summary(dl, weights(dl), predict(dl)))
        }
    }
}

reference <- list(
    generated_by = "tests/reference/make_pooledfit_reference.R",
    versions = list(R = paste(R.version$major, R.version$minor, sep = "."),
                    metafor = as.character(packageVersion("metafor")),
                    metadat = as.character(packageVersion("metadat"))),
    datasets = lapply(datasets, function(x) list(source = x$source, study = x$tables$study, ai = x$tables$ai,
                                                 n1i = x$tables$n1i, ci = x$tables$ci, n2i = x$tables$n2i)),
    cases = cases)
writeLines(toJSON(reference, auto_unbox = TRUE, digits = NA, null = "null", pretty = FALSE),
           "tests/reference/pooledfit_reference.json")
