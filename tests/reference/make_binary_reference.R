#!/usr/bin/env Rscript
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reference values for Evident's dichotomous-outcome statistics (core/effectsize/binary,
# core/model/mantelhaenszel, core/model/peto), computed with R's metafor.
#
# Run from the repository root:
#     Rscript tests/reference/make_binary_reference.R
# It writes tests/reference/binary_reference.json; no random numbers, so re-runs are byte-identical.
#
# Data: three metadat data sets and constructed tables (see `datasets` below). For each data set and
# each measure (OR, RR, RD) it records
#   - escalc yi/vi under three double-zero rules (Evident's default, drop00 = TRUE, drop00 = FALSE);
#   - rma.mh under the same rules, and under the RevMan 5 convention (0.5 added to the cells of
#     zero-cell tables inside the Mantel-Haenszel sums as well: add = c(1/2, 1/2),
#     to = c("only0", "only0"), drop00 = c(d, d));
#   - RevMan's "M-H, Random", computed here from the rma.mh pieces (see mh_random());
#   - for OR: rma.peto (default and drop00 = FALSE) and each table's O - E and V;
#   - rma(yi, vi) with DL and REML, with z and Hartung-Knapp (test = "knha") inference.
# A value metafor reports as NA (no estimate, a dropped table) is written as null.

suppressPackageStartupMessages({
    library(metafor)
    library(metadat)
    library(jsonlite)
})

if (!dir.exists("tests/reference"))
    stop("Run this script from the repository root.")

# REML iterates; tighten metafor's convergence so that its answer is the exact optimum.
CONTROL <- list(threshold = 1e-12, maxiter = 10000, tol = 1e-12)

versions <- list(
    R = paste(R.version$major, R.version$minor, sep = "."),
    metafor = as.character(packageVersion("metafor")),
    metadat = as.character(packageVersion("metadat")),
    jsonlite = as.character(packageVersion("jsonlite"))
)

# --------------------------------------------------------------------------------------------
# Data: events (ai, ci) out of totals (n1i, n2i), treated first
# --------------------------------------------------------------------------------------------

tables <- function(study, ai, n1i, ci, n2i) data.frame(study = study, ai = ai, n1i = n1i, ci = ci, n2i = n2i)

egger <- dat.egger2001
hine <- dat.hine1989
cannon <- dat.cannon2006

datasets <- list(
    egger2001 = list(
        source = paste("metadat dat.egger2001: Egger, M., Davey Smith, G., & Altman, D. G. (Eds.) (2001).",
                       "Systematic reviews in health care: Meta-analysis in context (2nd ed.). BMJ Books.",
                       "Intravenous magnesium in acute myocardial infarction, deaths; 16 trials (one with a zero cell)."),
        tables = tables(egger$study, egger$ai, egger$n1i, egger$ci, egger$n2i)),
    hine1989 = list(
        source = paste("metadat dat.hine1989: Hine, L. K., Laird, N., Hewitt, P., & Chalmers, T. C. (1989).",
                       "Meta-analytic evidence against prophylactic use of lidocaine in acute myocardial",
                       "infarction. Archives of Internal Medicine, 149(12), 2694-2698. Deaths; 6 trials."),
        tables = tables(hine$source, hine$ai, hine$n1i, hine$ci, hine$n2i)),
    cannon2006 = list(
        source = paste("metadat dat.cannon2006: Cannon, C. P., Steinberg, B. A., Murphy, S. A., Mega, J. L., &",
                       "Braunwald, E. (2006). Meta-analysis of cardiovascular outcomes trials comparing",
                       "intensive versus moderate statin therapy. JACC, 48(3), 438-445. End point 1 (coronary",
                       "death or non-fatal MI), high vs standard dose; 4 large trials."),
        tables = tables(cannon$trial, cannon$ep1t, cannon$nt, cannon$ep1c, cannon$nc)),
    constructed_zeros = list(
        source = "Constructed (not real data): single zeros in either group, two double-zero tables, an all-events table, a table with no non-events in one group.",
        tables = tables(c("Zero treated", "Zero control", "Double zero", "All events", "No zero",
                          "No non-events treated", "Regular", "Double zero large"),
                        ai = c(0, 5, 0, 8, 3, 10, 12, 0), n1i = c(12, 15, 10, 8, 20, 10, 40, 25),
                        ci = c(4, 0, 0, 9, 7, 6, 15, 0), n2i = c(12, 14, 11, 9, 21, 10, 38, 30))),
    constructed_k1 = list(
        source = "Constructed (not real data): a single table (k = 1).",
        tables = tables("Only study", 7, 30, 12, 29)),
    constructed_k2 = list(
        source = "Constructed (not real data): two tables (k = 2), one with a zero cell.",
        tables = tables(c("First", "Second"), ai = c(2, 0), n1i = c(15, 9), ci = c(6, 3), n2i = c(16, 10))),
    constructed_no_treated_events = list(
        source = "Constructed (not real data): no events in the treated groups, so the MH odds and risk ratios do not exist (RD and Peto do).",
        tables = tables(c("A", "B", "C"), ai = c(0, 0, 0), n1i = c(10, 8, 12), ci = c(3, 2, 0), n2i = c(10, 9, 12)))
)

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

# A number, or NULL (JSON null) for NA/NaN/Inf.
value <- function(x) {
    x <- as.numeric(x)
    if (length(x) != 1 || !is.finite(x)) NULL else x
}
values <- function(x) lapply(as.numeric(x), value)

# Evident's default double-zero rule: dropped for OR and RR, kept for RD.
RULES <- function(measure) list(evident = measure != "RD", drop = TRUE, keep = FALSE)

effects <- function(d, measure, drop00) {
    es <- escalc(measure, ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = d, drop00 = drop00)
    list(yi = values(es$yi), vi = values(es$vi))
}

mh_summary <- function(res, measure) {
    out <- list(k = res$k, k_yi = res$k.yi, estimate = value(res$beta), se = value(res$se),
                z = value(res$zval), p = value(res$pval), ci_lb = value(res$ci.lb), ci_ub = value(res$ci.ub),
                Q = value(res$QE), Qp = value(res$QEp), I2 = value(res$I2))
    if (measure == "OR")
        out <- c(out, list(cmh = value(res$MH), cmh_p = value(res$MHp), tarone = value(res$TA),
                           tarone_p = value(res$TAp), k_tarone = value(res$k.pos)))
    out
}

fit_mh <- function(d, measure, add, to, drop00, correct = TRUE)
    rma.mh(ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = d, measure = measure, add = add, to = to,
           drop00 = drop00, correct = correct)

# RevMan 5's "M-H, Random" (Deeks & Higgins 2010, Statistical algorithms in Review Manager 5):
# DerSimonian-Laird tau^2 from Q around the MH estimate (rma.mh's QE, inverse-variance weights of its
# yi/vi), then the inverse-variance pool with weights 1/(vi + tau^2) (rma with tau2 fixed).
mh_random <- function(res) {
    if (res$k.yi < 1 || is.na(res$beta)) return(NULL)
    w <- 1 / res$vi
    df <- res$k.yi - 1
    tau2 <- if (df > 0) max(0, (res$QE - df) / (sum(w) - sum(w^2) / sum(w))) else 0
    re <- rma(res$yi, res$vi, tau2 = tau2)
    list(tau2 = tau2, estimate = value(re$beta), se = value(re$se), z = value(re$zval), p = value(re$pval),
         ci_lb = value(re$ci.lb), ci_ub = value(re$ci.ub), Q = value(res$QE))
}

peto_summary <- function(res)
    list(k = res$k, k_yi = res$k.yi, estimate = value(res$beta), se = value(res$se), z = value(res$zval),
         p = value(res$pval), ci_lb = value(res$ci.lb), ci_ub = value(res$ci.ub), Q = value(res$QE),
         Qp = value(res$QEp), I2 = value(res$I2), yi = values(res$yi.f), vi = values(res$vi.f))

# Each table's O - E and V on the raw counts: escalc "PETO" without correction gives yi = (O - E)/V and
# vi = 1/V; V = 0 (no events or no non-events) is written as null.
peto_terms <- function(d) {
    es <- escalc("PETO", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = d, add = 0, to = "none", drop00 = FALSE)
    list(o_minus_e = values(es$yi / es$vi), v = values(1 / es$vi))
}

rma_summary <- function(yi, vi, method, test) {
    res <- tryCatch(rma(yi, vi, method = method, test = test, control = CONTROL), error = function(e) NULL)
    if (is.null(res)) return(NULL)
    list(estimate = value(res$beta), se = value(res$se), statistic = value(res$zval), p = value(res$pval),
         ci_lb = value(res$ci.lb), ci_ub = value(res$ci.ub), tau2 = value(res$tau2), Q = value(res$QE),
         Qp = value(res$QEp), I2 = value(res$I2))
}

# --------------------------------------------------------------------------------------------
# Cases: one per data set and measure
# --------------------------------------------------------------------------------------------

cases <- list()
for (name in names(datasets)) {
    d <- datasets[[name]]$tables
    for (measure in c("OR", "RR", "RD")) {
        rules <- RULES(measure)
        case <- list(id = paste(name, measure, sep = "_"), dataset = name, measure = measure)
        case$escalc <- lapply(rules, function(drop00) effects(d, measure, drop00))
        fits <- lapply(rules, function(drop00) suppressWarnings(fit_mh(d, measure, 1/2, "only0", drop00)))
        fits$revman5 <- suppressWarnings(fit_mh(d, measure, c(1/2, 1/2), c("only0", "only0"),
                                                rep(rules$evident, 2)))
        case$mh <- lapply(fits, mh_summary, measure = measure)
        if (measure == "OR") {
            uncorrected <- suppressWarnings(fit_mh(d, measure, 1/2, "only0", TRUE, correct = FALSE))
            case$cmh_uncorrected <- list(cmh = value(uncorrected$MH), cmh_p = value(uncorrected$MHp))
        }
        case$mh_random <- lapply(fits, mh_random)
        if (measure == "OR") {
            case$peto <- list(
                evident = peto_summary(suppressWarnings(rma.peto(ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = d))),
                keep = peto_summary(suppressWarnings(rma.peto(ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = d,
                                                              drop00 = FALSE))))
            case$peto_terms <- peto_terms(d)
        }
        es <- escalc(measure, ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = d, drop00 = rules$evident)
        ok <- !is.na(es$yi)
        case$rma <- list(
            DL = rma_summary(es$yi[ok], es$vi[ok], "DL", "z"),
            REML = rma_summary(es$yi[ok], es$vi[ok], "REML", "z"),
            DL_knha = rma_summary(es$yi[ok], es$vi[ok], "DL", "knha"),
            REML_knha = rma_summary(es$yi[ok], es$vi[ok], "REML", "knha"))
        cases[[length(cases) + 1]] <- case
    }
}

conventions <- list(
    tables = "ai/n1i = events/total in the treated group, ci/n2i in the control group.",
    escalc = paste("escalc(measure, ai, n1i, ci, n2i, add = 1/2, to = 'only0', drop00 = d): 'evident' d = (measure != 'RD'),",
                   "'drop' d = TRUE, 'keep' d = FALSE. null = dropped (or not computable)."),
    mh = paste("rma.mh(measure, add = 1/2, to = 'only0', drop00 = d, correct = TRUE) with d as for escalc: the",
               "MH sums use the raw counts of every table. 'revman5': add = c(1/2, 1/2), to = c('only0', 'only0'),",
               "drop00 = c(d, d) with Evident's d. cmh = metafor's MH (with N - 1), tarone = TA, k_tarone = k.pos."),
    cmh_uncorrected = "rma.mh(measure = 'OR', correct = FALSE): the CMH statistic without the continuity correction.",
    mh_random = paste("From each rma.mh fit: tau2 = max(0, (QE - df)/(sum(w) - sum(w^2)/sum(w))), w = 1/vi of its",
                      "yi/vi, df = k.yi - 1; then rma(yi, vi, tau2 = tau2)."),
    peto = "rma.peto(add = 1/2, to = 'only0', drop00 = TRUE) ('evident') and drop00 = FALSE ('keep'); yi/vi = yi.f/vi.f.",
    peto_terms = "escalc('PETO', add = 0, to = 'none', drop00 = FALSE): O - E = yi/vi, V = 1/vi; null where V = 0.",
    rma = paste("rma(yi, vi, method, test, control = list(threshold = 1e-12, maxiter = 10000, tol = 1e-12)) on",
                "the 'evident' escalc yi/vi without the dropped tables; statistic = zval (t under knha).")
)

document <- list(generated_by = "make_binary_reference.R", versions = versions, conventions = conventions,
                 datasets = lapply(datasets, function(x) c(list(source = x$source, study = as.list(x$tables$study)),
                                                           lapply(x$tables[c("ai", "n1i", "ci", "n2i")],
                                                                  function(v) as.list(as.numeric(v))))),
                 cases = cases)

# jsonlite writes at most 15 significant digits; format every double with 17 so it round-trips.
as_json_numbers <- function(x) {
    if (is.list(x)) {
        attrs <- attributes(x)
        out <- lapply(x, as_json_numbers)
        attributes(out) <- attrs
        return(out)
    }
    if (is.double(x)) {
        stopifnot(all(is.finite(x)))
        if (length(x) == 1) return(structure(sprintf("%.17g", x), class = "json"))
        return(lapply(x, function(v) structure(sprintf("%.17g", v), class = "json")))
    }
    x
}
json <- toJSON(as_json_numbers(document), auto_unbox = TRUE, json_verbatim = TRUE, null = "null", na = "null",
               pretty = TRUE)
writeLines(json, "tests/reference/binary_reference.json", useBytes = TRUE)
cat("Wrote", length(cases), "cases to tests/reference/binary_reference.json\n")
