# SPDX-License-Identifier: GPL-3.0-or-later
# Reference values for Evident's TSA on SMD and binary outcomes (tests/core/tst_tsa_outcomes.cpp).
# Needs metafor and RTSA 0.2.2 (R CMD INSTALL of the CRAN source; set RTSA_LIB to its library if it is
# not on the default path). Run: Rscript make_tsa_checks.R  (writes tsa_checks.json)
suppressMessages({
  library(metafor)
  library(jsonlite)
  library(RTSA, lib.loc = c(Sys.getenv("RTSA_LIB", unset = .libPaths()[1]), .libPaths()))
})

cumulative <- function(yi, vi) {
  lapply(seq_along(yi), function(k) {
    fe <- rma(yi = yi[1:k], vi = vi[1:k], method = "FE")
    re <- rma(yi = yi[1:k], vi = vi[1:k], method = "DL")
    list(k = k, z_fixed = fe$zval, var_fixed = fe$se^2, tau2 = re$tau2, z_random = re$zval,
         d2 = if (re$tau2 > 0) 1 - fe$se^2 / re$se^2 else 0, i2 = re$I2 / 100)
  })
}

# 1. SMD: the eds data as Hedges' g (metafor escalc "SMD", large-sample variance).
data(eds, package = "RTSA")
eds <- eds[order(eds$year, eds$study), ]
smd <- escalc(measure = "SMD", m1i = mI, sd1i = sdI, n1i = nI, m2i = mC, sd2i = sdC, n2i = nC, data = eds)

# 2. Binary: perioOxy (RTSA data), in data order.
data(perioOxy, package = "RTSA")
binary <- list()
for (measure in c("RR", "OR", "RD")) {
  # RTSA's per-trial conventions: drop trials without events, 0.5 added to every cell of a trial with a
  # zero cell; metafor does the same with add = 1/2, to = "only0", drop00 = TRUE, also for the MH fit.
  es <- escalc(measure = measure, ai = eI, n1i = nI, ci = eC, n2i = nC, data = perioOxy,
               add = 1/2, to = "only0", drop00 = TRUE)
  keep <- !is.na(es$yi)
  steps <- cumulative(es$yi[keep], es$vi[keep])
  dat <- perioOxy[keep, ]
  for (k in seq_along(steps)) {
    mh <- rma.mh(ai = eI, n1i = nI, ci = eC, n2i = nC, data = dat[1:k, ], measure = measure,
                 add = c(1/2, 1/2), to = c("only0", "only0"), drop00 = c(TRUE, TRUE))
    steps[[k]]$z_mh <- mh$zval
    steps[[k]]$var_mh <- mh$se^2
  }
  entry <- list(measure = measure, steps = steps)
  if (measure != "RD") {
    # Full RTSA run: random effects (DL), D²-adjusted RIS, MH fixed effect, no power adjustment.
    run <- suppressWarnings(RTSA(type = "analysis", data = perioOxy, outcome = measure, mc = 0.8, pC = 0.15,
                                 side = 2, alpha = 0.05, beta = 0.2, es_alpha = "esOF", futility = "none",
                                 fixed = FALSE, random_adj = "D2", re_method = "DL", weights = "MH",
                                 tau_ci_method = "QP", power_adj = FALSE))
    entry$rtsa <- list(
      call = sprintf("RTSA(type='analysis', data=perioOxy, outcome='%s', mc=0.8, pC=0.15, side=2, alpha=0.05, beta=0.2, es_alpha='esOF', futility='none', fixed=FALSE, random_adj='D2', re_method='DL', weights='MH', tau_ci_method='QP', power_adj=FALSE)", measure),
      NF = run$ris$NF$NF_full, HARIS = run$results$HARIS,
      D2 = run$results$metaanalysis$synthesize$U[4],
      timing = run$results$results_df$sma_timing,
      upper = run$results$results_df$upper,
      z_fixed = run$results$results_df$z_fixed,
      z_random = run$results$results_df$z_random)
  }
  binary[[measure]] <- entry
}

out <- list(
  generated_by = "make_tsa_checks.R",
  versions = list(R = R.version.string, metafor = as.character(packageVersion("metafor")),
                  RTSA = as.character(packageVersion("RTSA"))),
  smd_eds = list(data = eds[, c("study", "mI", "sdI", "nI", "mC", "sdC", "nC")], steps = cumulative(smd$yi, smd$vi)),
  perioOxy = perioOxy[, c("study", "eI", "nI", "eC", "nC")],
  binary = binary
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null"), "tsa_checks.json")
