# SPDX-License-Identifier: GPL-3.0-or-later
# Writes ev-intrauterine-adhesions.evident, Evident's bundled example project.
#
# ILLUSTRATIVE DATA, NOT FROM REAL STUDIES. The numbers are simulated (fixed seed) to look like a
# preclinical systematic review of stem-cell-derived extracellular vesicles (EVs) for intrauterine
# adhesions in rodents: 26 studies ("Author A 2016" ... "Author Z 2024"), four outcomes with their own
# data, two-group mean/SD/n with 5 to 12 animals per group. The study labels name no real papers.
#
# How the numbers arise, per study and outcome:
#   true SMD  = mean benefit + moderators (hydrogel +0.4, intravenous route -0.5)
#               + a study effect (SD tau) + a small-study term 0.05 * (8.5 - mean group size),
#   then each animal's value is drawn from a normal distribution (control mean and SD varying
#   between laboratories) and the group's sample mean and SD are reported, rounded as papers do.
#   Fibrosis is "lower is better": the benefit is a reduction. Not every study reports every
#   outcome, and one study did not report the SDs of its gland counts (a row left out, with the
#   reason shown), as happens in real reviews.
#   Egger's test finds more asymmetry than the small-study term puts in: with SMDs near 2 and groups
#   of 5 to 12, an SMD and its standard error are correlated by construction (Zwetsloot et al. 2017,
#   eLife 6:e24260), which is what real preclinical data show too.
#
# Run from the repository root: Rscript resources/examples/make_ev_intrauterine_adhesions.R
# Needs R with jsonlite. Writes the project file in Evident's format (docs/project-format.md).
library(jsonlite)

set.seed(20240611)
k <- 26

year <- sort(sample(2016:2024, k, replace = TRUE, prob = c(1, 1, 2, 2, 3, 3, 4, 4, 4)))
label <- paste0("Author ", LETTERS[seq_len(k)], " ", year)
source <- sample(c("BMSC", "UC-MSC", "ADSC", "menstrual blood", "ESC"), k, replace = TRUE,
                 prob = c(0.3, 0.27, 0.2, 0.12, 0.11))
hydrogel <- sample(c("yes", "no"), k, replace = TRUE, prob = c(0.4, 0.6))
route <- sample(c("intrauterine", "intravenous"), k, replace = TRUE, prob = c(0.75, 0.25))
species <- sample(c("rat", "mouse"), k, replace = TRUE, prob = c(0.8, 0.2))
dose <- sample(c(20, 25, 50, 100, 150, 200), k, replace = TRUE)
n_treated <- sample(5:12, k, replace = TRUE)
n_control <- pmin(12, pmax(5, n_treated + sample(c(-1, 0, 0, 1), k, replace = TRUE)))

covariate_names <- c("EV source", "Hydrogel", "Route", "Species", "Dose (\u00b5g)", "Year")
covariates <- data.frame(source, hydrogel, route, species, as.character(dose), as.character(year),
                         stringsAsFactors = FALSE)
names(covariates) <- covariate_names

# One outcome: which studies report it, and the summary statistics they report.
simulate_outcome <- function(reported, benefit, tau, control_mean, control_sd, digits, sd_digits,
                             lower_is_better = FALSE) {
    rows <- list()
    for (i in which(reported)) {
        n_t <- n_treated[i]
        n_c <- n_control[i]
        smd <- benefit + 0.4 * (hydrogel[i] == "yes") - 0.5 * (route[i] == "intravenous") +
            rnorm(1, 0, tau) + 0.05 * (8.5 - (n_t + n_c) / 2)
        if (lower_is_better) smd <- -smd
        lab_mean <- control_mean * exp(rnorm(1, 0, 0.12))
        lab_sd <- control_sd * exp(rnorm(1, 0, 0.2))
        control <- rnorm(n_c, lab_mean, lab_sd)
        treated <- rnorm(n_t, lab_mean + smd * lab_sd, lab_sd)
        fmt <- function(x, d) formatC(round(x, d), format = "f", digits = d)
        rows[[length(rows) + 1]] <- list(
            study = i, included = TRUE,
            treated = list(mean = fmt(mean(treated), digits), sd = fmt(sd(treated), sd_digits), n = as.character(n_t)),
            control = list(mean = fmt(mean(control), digits), sd = fmt(sd(control), sd_digits), n = as.character(n_c))
        )
    }
    rows
}

reports <- function(share) runif(k) < share

glands <- simulate_outcome(reports(0.92), 2.2, 0.8, 6.5, 1.8, 1, 2)
glands[[5]]$treated$sd <- "" # not reported in the paper
glands[[5]]$control$sd <- ""
thickness <- simulate_outcome(reports(0.85), 1.9, 0.7, 340, 55, 0, 1)
embryos <- simulate_outcome(reports(0.55), 1.5, 0.6, 4.2, 1.9, 1, 2)
fibrosis <- simulate_outcome(reports(0.78), 2.0, 0.8, 34, 7, 1, 1, lower_is_better = TRUE)

figure <- function(favours_left, favours_right) {
    list(width_mm = 175, height_mm = 0, dpi = 300, format = "pdf", font_family = "Liberation Sans",
         font_point_size = 8, favours_left = favours_left, favours_right = favours_right, contours = TRUE)
}

outcome <- function(name, rows, subgroup, lower_is_better = FALSE) {
    favours <- if (lower_is_better) c("Favours EVs", "Favours control") else c("Favours control", "Favours EVs")
    list(
        name = name, lower_is_better = lower_is_better, layout = "two_group_continuous",
        analysis = list(measure = "SMD", tau2_estimator = "REML", ci_method = "z", prediction_interval = TRUE,
                        subgroup = subgroup, cumulative_order = "Year"),
        tsa = list(model = "random", heterogeneity_adjustment = "D2", alpha = 0.05, beta = 0.2,
                   minimal_relevant_effect = 0.5, sd = 0, spending = "OBF", futility = FALSE,
                   order_column = "Year"),
        figures = list(forest = figure(favours[1], favours[2]), funnel = figure("", ""), tsa = figure("", "")),
        rows = rows
    )
}

studies <- lapply(seq_len(k), function(i) {
    list(id = i, label = label[i], covariates = as.list(covariates[i, , drop = FALSE]))
})

project <- list(
    format = "evident-project",
    schema_version = 1,
    generator = "resources/examples/make_ev_intrauterine_adhesions.R",
    title = "Stem-cell-derived extracellular vesicles for intrauterine adhesions (example)",
    notes = paste(
        "Illustrative data, not from real studies.",
        "The numbers were simulated by resources/examples/make_ev_intrauterine_adhesions.R (seed 20240611)",
        "to resemble a preclinical review of stem-cell-derived extracellular vesicles for intrauterine",
        "adhesions. The study labels name no real papers. Do not cite these results."
    ),
    covariates = covariate_names,
    studies = studies,
    outcomes = list(
        outcome("Endometrial glands (count)", glands, "EV source"),
        outcome("Endometrial thickness (\u00b5m)", thickness, "Hydrogel"),
        outcome("Embryos (count)", embryos, "Route"),
        outcome("Fibrosis (% area)", fibrosis, "EV source", lower_is_better = TRUE)
    )
)

json <- toJSON(project, auto_unbox = TRUE, pretty = 2, digits = NA)
writeLines(json, "resources/examples/ev-intrauterine-adhesions.evident", useBytes = TRUE)
