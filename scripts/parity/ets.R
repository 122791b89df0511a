# Parity fixture for src/model/stats/ets: runs R's forecast::ets on simulated series of known
# form and on real series shipped with R, and writes test/model/stats/fixtures/ets.json.
# The TypeScript tests only read that JSON; R is not needed to run them.
#
# Usage (from the repository root): Rscript scripts/parity/ets.R
# Needs: R >= 4, packages forecast and jsonlite.
#
# Only the series below are used: some classic data sets are held out of this repository on
# purpose; do not add others without checking that list.

suppressPackageStartupMessages({
  library(forecast)
  library(jsonlite)
})

H <- 8
out_path <- "test/model/stats/fixtures/ets.json"

form_code <- function(fit) {
  comp <- fit$components
  paste0(comp[1], comp[2], if (comp[4] == "TRUE") "d" else "", comp[3])
}

num <- function(x) unname(as.numeric(x))
# A numeric vector that stays a JSON array even when of length 1 (auto_unbox is on).
vec <- function(x) I(num(x))

describe_fit <- function(fit) {
  fc <- forecast(fit, h = H, level = 80)
  par <- fit$par
  n <- length(fit$x)
  list(
    form = form_code(fit),
    alpha = num(par["alpha"]),
    beta = if (is.na(par["beta"])) 0 else num(par["beta"]),
    gamma = if (is.na(par["gamma"])) 0 else num(par["gamma"]),
    phi = if (is.na(par["phi"])) 1 else num(par["phi"]),
    initstate = vec(fit$states[1, ]),
    finalstate = vec(fit$states[n + 1, ]),
    loglik = num(fit$loglik),
    aic = num(fit$aic),
    aicc = num(fit$aicc),
    bic = num(fit$bic),
    sigma2 = num(fit$sigma2),
    mean = vec(fc$mean),
    lower80 = vec(fc$lower[, 1]),
    upper80 = vec(fc$upper[, 1])
  )
}

# Fixed forms fitted on every series (one per analytic variance class when the data allow).
fixed_forms <- function(y) {
  m <- frequency(y)
  pos <- min(y) > 0
  if (m > 1) {
    if (pos) c("AAdA", "MAA", "MAdM", "MNM") else c("AAdA", "ANA")
  } else {
    if (pos) c("AAdN", "MAN", "MNN") else c("AAdN", "ANN")
  }
}

fit_fixed <- function(y, code) {
  damped <- grepl("d", code)
  model <- gsub("d", "", code)
  describe_fit(ets(y, model = model, damped = damped))
}

entry <- function(name, kind, y, true_form = NULL) {
  cat(name, "\n")
  auto <- ets(y)
  fixed <- lapply(fixed_forms(y), function(code) fit_fixed(y, code))
  list(
    name = name,
    kind = kind,
    trueForm = true_form,
    m = frequency(y),
    y = vec(y),
    auto = describe_fit(auto),
    fixed = fixed
  )
}

# ---- simulated series of known form ----------------------------------------------------------
# A model of the wanted form with chosen parameters is "fitted" to a base series (parameters
# fixed, only the initial states estimated), its noise level set, and a future path simulated.
sim_specs <- list(
  list(form = "ANN", base = "lynx", m = 1, n = 120, alpha = 0.35, sd = 0.10),
  list(form = "AAN", base = "austres_ns", m = 1, n = 120, alpha = 0.5, beta = 0.1, sd = 0.05),
  list(form = "AAdN", base = "austres_ns", m = 1, n = 150, alpha = 0.6, beta = 0.2, phi = 0.9, sd = 0.05),
  list(form = "MNN", base = "lynx", m = 1, n = 120, alpha = 0.3, sd = 0.08),
  list(form = "MAN", base = "austres_ns", m = 1, n = 120, alpha = 0.4, beta = 0.1, sd = 0.01),
  list(form = "MAdN", base = "austres_ns", m = 1, n = 150, alpha = 0.5, beta = 0.15, phi = 0.9, sd = 0.01),
  list(form = "ANA", base = "mdeaths", m = 12, n = 144, alpha = 0.3, gamma = 0.1, sd = 0.06),
  list(form = "AAA", base = "wineind", m = 12, n = 168, alpha = 0.3, beta = 0.05, gamma = 0.1, sd = 0.04),
  list(form = "AAdA", base = "wineind", m = 12, n = 168, alpha = 0.4, beta = 0.1, gamma = 0.1, phi = 0.9, sd = 0.04),
  list(form = "MNM", base = "mdeaths", m = 12, n = 144, alpha = 0.3, gamma = 0.1, sd = 0.05),
  list(form = "MAM", base = "wineind", m = 12, n = 168, alpha = 0.3, beta = 0.05, gamma = 0.1, sd = 0.04),
  list(form = "MAdM", base = "wineind", m = 12, n = 168, alpha = 0.4, beta = 0.1, gamma = 0.1, phi = 0.9, sd = 0.04),
  list(form = "MNA", base = "mdeaths", m = 12, n = 144, alpha = 0.3, gamma = 0.1, sd = 0.05),
  list(form = "MAA", base = "UKgas", m = 4, n = 100, alpha = 0.3, beta = 0.05, gamma = 0.1, sd = 0.03),
  list(form = "MNM", base = "UKgas", m = 4, n = 100, alpha = 0.3, gamma = 0.2, sd = 0.04),
  list(form = "AAA", base = "UKgas", m = 4, n = 100, alpha = 0.3, beta = 0.1, gamma = 0.2, sd = 0.03),
  list(form = "ANA", base = "woolyrnq", m = 4, n = 100, alpha = 0.4, gamma = 0.2, sd = 0.05),
  list(form = "MAdM", base = "UKgas", m = 4, n = 120, alpha = 0.5, beta = 0.1, gamma = 0.15, phi = 0.9, sd = 0.04)
)

bases <- list(
  lynx = lynx,
  austres_ns = ts(as.numeric(austres)),
  mdeaths = mdeaths,
  wineind = wineind,
  UKgas = UKgas,
  woolyrnq = woolyrnq
)

simulate_form <- function(spec, seed) {
  base <- bases[[spec$base]]
  code <- spec$form
  damped <- grepl("d", code)
  model <- gsub("d", "", code)
  args <- list(y = base, model = model, damped = damped, alpha = spec$alpha)
  if (!is.null(spec$beta)) args$beta <- spec$beta
  if (!is.null(spec$gamma)) args$gamma <- spec$gamma
  if (!is.null(spec$phi)) args$phi <- spec$phi
  fit <- do.call(ets, args)
  level <- abs(mean(base))
  # Relative noise for multiplicative error; absolute (scaled to the level) for additive error.
  fit$sigma2 <- if (substr(code, 1, 1) == "M") spec$sd^2 else (spec$sd * level)^2
  # Start trended paths upwards so that multiplicative forms stay positive.
  last <- nrow(fit$states)
  if ("b" %in% colnames(fit$states)) fit$states[last, "b"] <- abs(fit$states[last, "b"])
  y <- simulate(fit, nsim = spec$n, seed = seed, future = TRUE)
  # Round so that the JSON text holds the exact doubles R fits.
  ts(signif(as.numeric(y), 10), frequency = spec$m)
}

series <- list()
for (i in seq_along(sim_specs)) {
  spec <- sim_specs[[i]]
  seed <- 100 + i
  y <- simulate_form(spec, seed = seed)
  # Multiplicative forms need a positive path: redraw with the next seed if it crossed zero.
  while (grepl("M", spec$form) && min(y) <= 0) {
    seed <- seed + 1000
    y <- simulate_form(spec, seed = seed)
  }
  series[[length(series) + 1]] <- entry(paste0("sim_", spec$form, "_m", spec$m, "_", i), "simulated", y, spec$form)
}

# ---- real series ------------------------------------------------------------------------------
real <- list(
  ldeaths = ldeaths,
  mdeaths = mdeaths,
  wineind = wineind,
  UKgas = UKgas,
  JohnsonJohnson = JohnsonJohnson,
  woolyrnq = woolyrnq,
  austres = austres,
  lynx = lynx
)
for (nm in names(real)) {
  series[[length(series) + 1]] <- entry(nm, "real", real[[nm]])
}

# Multiplicative trend (opt-in, allow.multiplicative.trend = TRUE). forecast 8.x used 2*phi instead
# of phi + phi^2 for the damped multiplicative-trend point forecast at h >= 2 (fixed in 9.0.2), and
# its intervals are simulated, so only the fit and the one-step forecast are recorded.
mult_trend <- list()
for (nm in c("austres", "JohnsonJohnson", "wineind", "lynx")) {
  y <- real[[nm]]
  auto <- ets(y, allow.multiplicative.trend = TRUE)
  fits <- lapply(if (frequency(y) > 1) c("MMN", "MMdN", "MMM", "MMdM") else c("MMN", "MMdN"), function(code) {
    f <- ets(y, model = gsub("d", "", code), damped = grepl("d", code))
    list(form = form_code(f), aicc = num(f$aicc), loglik = num(f$loglik), alpha = num(f$par["alpha"]),
      beta = num(f$par["beta"]), phi = if (is.na(f$par["phi"])) 1 else num(f$par["phi"]),
      mean1 = num(forecast(f, h = 1, PI = FALSE)$mean))
  })
  mult_trend[[length(mult_trend) + 1]] <- list(series = nm, auto = form_code(auto), autoAicc = num(auto$aicc), fits = fits)
}

# ---- building blocks --------------------------------------------------------------------------
# R's initstate() on a few series and forms (the starting values of the optimiser).
init_cases <- list()
for (nm in c("ldeaths", "UKgas", "lynx", "JohnsonJohnson")) {
  y <- real[[nm]]
  seasons <- if (frequency(y) > 1) c("N", "A", "M") else "N"
  for (tr in c("N", "A", "M")) {
    for (se in seasons) {
      init_cases[[length(init_cases) + 1]] <- list(
        series = nm, trend = tr, season = se,
        state = vec(forecast:::initstate(y, tr, se))
      )
    }
  }
}
# Short seasonal series (n < 3m): the Fourier-regression branch.
short <- ts(ldeaths[1:30], start = c(1974, 1), frequency = 12)
for (se in c("A", "M")) {
  init_cases[[length(init_cases) + 1]] <- list(
    series = "ldeaths_30", trend = "A", season = se,
    state = vec(forecast:::initstate(short, "A", se))
  )
}

# Admissibility decisions on random parameters.
set.seed(7)
adm <- list()
for (i in 1:400) {
  m <- sample(c(1, 2, 4, 7, 12), 1)
  trended <- runif(1) < 0.6
  alpha <- runif(1, -0.2, 1.3)
  beta <- if (trended) runif(1, -0.3, 1) else 0
  gamma <- if (m > 1) runif(1, -0.2, 1.1) else 0
  phi <- if (runif(1) < 0.4) 1 else runif(1, 0.7, 1)
  if (runif(1) < 0.2 && m > 1) { beta <- 0; trended <- FALSE; phi <- 1 } # ETS(·,N,·): a root at z = 1
  ok <- forecast:::admissible(alpha, if (trended) beta else NULL, if (m > 1) gamma else NULL, phi, m)
  adm[[i]] <- list(alpha = alpha, beta = beta, gamma = gamma, phi = phi, m = m, trended = trended, seasonal = m > 1, ok = ok == 1)
}

# R's Nelder-Mead (optim) on test functions, for the port in src/model/stats/optim.
rosen <- function(x) 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2
quad <- function(x) sum((x - c(1, -2, 3))^2 * c(1, 10, 100))
nm_cases <- list(
  { r <- optim(c(-1.2, 1), rosen, method = "Nelder-Mead"); list(fn = "rosenbrock", x0 = c(-1.2, 1), maxit = 500, par = r$par, value = r$value, count = num(r$counts[1]), convergence = r$convergence) },
  { r <- optim(c(0, 0, 0), quad, method = "Nelder-Mead", control = list(maxit = 2000)); list(fn = "quadratic", x0 = c(0, 0, 0), maxit = 2000, par = r$par, value = r$value, count = num(r$counts[1]), convergence = r$convergence) },
  { r <- optim(c(-1.2, 1), rosen, method = "Nelder-Mead", control = list(maxit = 50)); list(fn = "rosenbrock", x0 = c(-1.2, 1), maxit = 50, par = r$par, value = r$value, count = num(r$counts[1]), convergence = r$convergence) }
)

out <- list(
  generator = "scripts/parity/ets.R",
  r = R.version.string,
  forecast = as.character(packageVersion("forecast")),
  h = H,
  series = series,
  multTrend = mult_trend,
  initstate = init_cases,
  admissible = adm,
  nelderMead = nm_cases
)
dir.create(dirname(out_path), showWarnings = FALSE, recursive = TRUE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null"), out_path)
cat("wrote", out_path, "\n")
