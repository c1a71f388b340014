# SPDX-License-Identifier: GPL-3.0-or-later
# Writes ev-intrauterine-adhesions.evident, Evident's bundled example project.
#
# ILLUSTRATIVE DATA, NOT FROM REAL STUDIES. The numbers are simulated (fixed seed) to look like a
# preclinical systematic review of stem-cell-derived extracellular vesicles (EVs) for intrauterine
# adhesions in rodents: 26 studies ("Author A 2016" ... "Author Z 2024"), four continuous outcomes with
# their own data, two-group mean/SD/n with 5 to 12 animals per group, and one dichotomous outcome
# (pregnancy after mating, events out of the animals mated). The study labels name no real papers.
#
# How the numbers arise, per study and outcome:
#   true SMD  = mean benefit + moderators (hydrogel +0.4, intravenous route -0.5)
#               + a study effect (SD tau) + a small-study term 0.05 * (8.5 - mean group size),
#   then each animal's value is drawn from a normal distribution (control mean and SD varying
#   between laboratories) and the group's sample mean and SD are reported, rounded as papers do.
#   Fibrosis is "lower is better": the benefit is a reduction. Not every study reports every
#   outcome, and one study did not report the SDs of its gland counts (a row left out, with the
#   reason shown), as happens in real reviews.
#   Some papers report their groups differently (added for the preclinical data entry screens, from the
#   same simulated animals): in the gland counts, five studies give mean ± SEM and two studies compare
#   two treatment arms with one shared control group; in the endometrial thickness, three give the mean
#   with a 95% or 90% confidence interval; in the embryo counts, three give the median with the IQR or
#   the five-number summary. Every study has SYRCLE risk-of-bias judgements with a made-up support text.
#   Egger's test finds more asymmetry than the small-study term puts in: with SMDs near 2 and groups
#   of 5 to 12, an SMD and its standard error are correlated by construction (Zwetsloot et al. 2017,
#   eLife 6:e24260), which is what real preclinical data show too.
#   Pregnancy (drawn last, so that the numbers above do not change): about half the studies mated their
#   animals; the control group's pregnancy risk varies between laboratories around 30%, the treatment's
#   true log odds ratio is 1.3 (+0.3 with a hydrogel) with a study effect (SD 0.4), and each group's
#   pregnancies are binomial. Small groups give some studies no pregnancy in the control group (a zero
#   cell), as in real reviews.
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

fmt <- function(x, d) formatC(round(x, d), format = "f", digits = d)

# One outcome: which studies report it, and the summary statistics they report. Each row keeps the
# simulated animals in `raw` (dropped before writing) so a paper may report them another way below.
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
        rows[[length(rows) + 1]] <- list(
            study = i, included = TRUE,
            treated = list(mean = fmt(mean(treated), digits), sd = fmt(sd(treated), sd_digits), n = as.character(n_t)),
            control = list(mean = fmt(mean(control), digits), sd = fmt(sd(control), sd_digits), n = as.character(n_c)),
            raw = list(treated = treated, control = control, lab_mean = lab_mean, lab_sd = lab_sd, smd = smd)
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

# ---- Data as the papers report it ------------------------------------------------------------------
# Everything below draws from the random stream only after all the numbers above, so the data of the
# studies not named here are those of the mean ± SD example.

# A group reported as mean ± SEM, mean with a CI, median with IQR, or the five-number summary.
as_sem <- function(x, digits, sem_digits) {
    list(dispersion = "SEM", mean = fmt(mean(x), digits), sd = "", n = as.character(length(x)),
         sem = fmt(sd(x) / sqrt(length(x)), sem_digits))
}
as_ci <- function(x, digits, level) {
    half <- qt((1 + level) / 2, length(x) - 1) * sd(x) / sqrt(length(x))
    list(dispersion = "CI", mean = fmt(mean(x), digits), sd = "", n = as.character(length(x)),
         ci_lower = fmt(mean(x) - half, digits), ci_upper = fmt(mean(x) + half, digits),
         ci_level = as.character(100 * level))
}
as_median <- function(x, digits, range = FALSE) {
    q <- quantile(x, c(0.25, 0.75), names = FALSE)
    arm <- list(dispersion = if (range) "MEDIAN_IQR_RANGE" else "MEDIAN_IQR", mean = fmt(median(x), digits),
                sd = "", n = as.character(length(x)), q1 = fmt(q[1], digits), q3 = fmt(q[2], digits))
    if (range) {
        arm$min <- fmt(min(x), digits)
        arm$max <- fmt(max(x), digits)
    }
    arm
}
report_as <- function(rows, positions, convert) {
    for (p in positions) {
        rows[[p]]$treated <- convert(rows[[p]]$raw$treated)
        rows[[p]]$control <- convert(rows[[p]]$raw$control)
    }
    rows
}

glands <- report_as(glands, c(2, 7, 10, 13, 16), function(x) as_sem(x, 1, 2))
thickness <- report_as(thickness, c(3, 9), function(x) as_ci(x, 0, 0.95))
thickness <- report_as(thickness, 14, function(x) as_ci(x, 0, 0.90))
embryos <- report_as(embryos, c(2, 6), function(x) as_median(x, 1))
embryos <- report_as(embryos, 9, function(x) as_median(x, 1, range = TRUE))

# Two gland studies compare a second treatment arm with the same control animals: the new row leaves
# its control cells empty and shares the first row's control group. The second arm differs from its
# study in one characteristic (a higher dose; a hydrogel), which it keeps as its own covariate value.
add_arm <- function(rows, position, first_label, second_label, extra_smd, convert, second_own) {
    row <- rows[[position]]
    raw <- row$raw
    second <- rnorm(length(raw$treated), raw$lab_mean + (raw$smd + extra_smd) * raw$lab_sd, raw$lab_sd)
    row$arm <- first_label
    row$control_group <- "vehicle"
    row$treated <- convert(raw$treated)
    row$control <- convert(raw$control)
    arm <- list(study = row$study, included = TRUE, treated = convert(second),
                control = list(mean = "", sd = "", n = ""), arm = second_label, control_group = "vehicle",
                covariates = second_own)
    rows[[position]] <- row
    append(rows, list(arm), after = position)
}
as_sd <- function(x) list(mean = fmt(mean(x), 1), sd = fmt(sd(x), 2), n = as.character(length(x)))
glands <- add_arm(glands, 4, "EV 100 \u00b5g", "EV 200 \u00b5g", 0.3, function(x) as_sem(x, 1, 2),
                  list("Dose (\u00b5g)" = "200"))
glands <- add_arm(glands, 9, "EV", "EV + hydrogel", 0.4, as_sd, list(Hydrogel = "yes"))

figure <- function(favours_left, favours_right) {
    list(width_mm = 175, height_mm = 0, dpi = 300, format = "pdf", font_family = "Liberation Sans",
         font_point_size = 8, favours_left = favours_left, favours_right = favours_right, contours = TRUE)
}

continuous_analysis <- function(subgroup) {
    list(measure = "SMD", tau2_estimator = "REML", ci_method = "z", prediction_interval = TRUE,
         subgroup = subgroup, cumulative_order = "Year")
}
outcome <- function(name, rows, subgroup, lower_is_better = FALSE, kind = "continuous",
                    analysis = continuous_analysis(subgroup), minimal_relevant_effect = 0.5) {
    favours <- if (lower_is_better) c("Favours EVs", "Favours control") else c("Favours control", "Favours EVs")
    list(
        name = name, lower_is_better = lower_is_better, kind = kind,
        analysis = analysis,
        tsa = list(model = "random", heterogeneity_adjustment = "D2", alpha = 0.05, beta = 0.2,
                   minimal_relevant_effect = minimal_relevant_effect, sd = 0, spending = "OBF",
                   futility = FALSE, order_column = "Year"),
        figures = list(forest = figure(favours[1], favours[2]), funnel = figure("", ""), tsa = figure("", "")),
        rows = lapply(rows, function(row) row[names(row) != "raw"])
    )
}

# SYRCLE risk of bias (Hooijmans et al. 2014): judgements drawn with the shares typical of preclinical
# reviews (most items unclear, because papers rarely report them), each with a made-up support text.
syrcle <- list(
    sequence_generation = list(p = c(0.2, 0.1, 0.7), support = c(
        "Allocated with a random number table (methods).", "Allocated by cage order.",
        "\"Randomly divided\"; the method is not described.")),
    baseline_characteristics = list(p = c(0.6, 0.05, 0.35), support = c(
        "Age and weight similar across groups (table 1).", "Treated animals heavier at baseline.",
        "Baseline characteristics not reported.")),
    allocation_concealment = list(p = c(0.05, 0.1, 0.85), support = c(
        "Allocation done by a colleague not involved in the experiment.", "Allocated openly by the surgeon.",
        "Not reported.")),
    random_housing = list(p = c(0.05, 0.05, 0.9), support = c(
        "Cages placed at random on the racks.", "Each group housed on its own rack.", "Housing not described.")),
    blinding_caregivers = list(p = c(0.05, 0.15, 0.8), support = c(
        "Coded syringes prepared by a third person.", "Investigators knew the groups (stated).",
        "Not reported.")),
    random_outcome_assessment = list(p = c(0.05, 0.1, 0.85), support = c(
        "Animals picked at random for sacrifice and histology.", "Assessed group by group.", "Not reported.")),
    blinding_assessor = list(p = c(0.25, 0.2, 0.55), support = c(
        "Sections scored by a pathologist unaware of the groups.", "Scored by the operating investigator.",
        "Not reported.")),
    incomplete_outcome_data = list(p = c(0.55, 0.15, 0.3), support = c(
        "All animals analysed (figure legends).", "Two treated animals excluded without a reason.",
        "Numbers analysed not reported.")),
    selective_reporting = list(p = c(0.7, 0.05, 0.25), support = c(
        "All outcomes named in the methods are reported.", "Fertility test in the methods, not in the results.",
        "No protocol available.")),
    other_bias = list(p = c(0.7, 0.05, 0.25), support = c(
        "No other problems found.", "Funded by the maker of the EV isolation kit.",
        "Unclear whether sham animals came from the same batch."))
)
judgements <- c("low", "high", "unclear")
risk_of_bias <- lapply(seq_len(k), function(i) {
    lapply(syrcle, function(item) {
        j <- sample(3, 1, prob = item$p)
        list(judgement = judgements[j], support = item$support[j])
    })
})

# ---- A dichotomous outcome: pregnancy after mating (drawn after everything above) ----------------
pregnancy <- list()
for (i in which(runif(k) < 0.5)) {
    risk_control <- plogis(qlogis(0.3) + rnorm(1, 0, 0.5))
    log_or <- 1.3 + 0.3 * (hydrogel[i] == "yes") + rnorm(1, 0, 0.4)
    risk_treated <- plogis(qlogis(risk_control) + log_or)
    pregnancy[[length(pregnancy) + 1]] <- list(
        study = i, included = TRUE,
        treated = list(events = as.character(rbinom(1, n_treated[i], risk_treated)),
                       total = as.character(n_treated[i])),
        control = list(events = as.character(rbinom(1, n_control[i], risk_control)),
                       total = as.character(n_control[i])))
}
# RevMan's default for a dichotomous outcome under random effects: M-H odds ratio, DL tau².
pregnancy_analysis <- list(measure = "OR", pooling = "MH", tau2_estimator = "DL", ci_method = "z",
                           prediction_interval = TRUE, subgroup = "Hydrogel", cumulative_order = "Year",
                           keep_double_zero = FALSE, revman5_zero_cells = FALSE)

studies <- lapply(seq_len(k), function(i) {
    list(id = i, label = label[i], covariates = as.list(covariates[i, , drop = FALSE]),
         risk_of_bias = risk_of_bias[[i]])
})

project <- list(
    format = "evident-project",
    schema_version = 3,
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
        outcome("Fibrosis (% area)", fibrosis, "EV source", lower_is_better = TRUE),
        outcome("Pregnancy (animals pregnant)", pregnancy, "Hydrogel", kind = "dichotomous",
                analysis = pregnancy_analysis, minimal_relevant_effect = 0.3)
    )
)

json <- toJSON(project, auto_unbox = TRUE, pretty = 2, digits = NA)
writeLines(json, "resources/examples/ev-intrauterine-adhesions.evident", useBytes = TRUE)
