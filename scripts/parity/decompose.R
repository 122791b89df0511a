# Parity fixtures for the decomposition and transform modules of src/model/stats
# (stl, mstl, decompose, Box-Cox, Guerrero's lambda, fourier, the seas heuristic).
# Run from the repository root:  Rscript scripts/parity/decompose.R
# Writes test/model/stats/fixtures/decompose.json, which the tests only read (R is not needed by npm test).
# Series: ldeaths, mdeaths, wineind, UKgas, JohnsonJohnson, a window of sunspot.month, lynx, and
# seeded simulated weekly (period 52) and daily (periods 7 and 30.5) series.
suppressMessages({ library(forecast); library(jsonlite) })

set.seed(20240601)
tt <- 1:520
weekly <- ts(100 + 0.05 * tt + 10 * sin(2 * pi * tt / 52) + 5 * cos(4 * pi * tt / 52) + rnorm(520, sd = 3),
             frequency = 52)
weekly[c(100, 333)] <- weekly[c(100, 333)] + c(40, -35) # outliers for the robust fits
set.seed(7)
td <- 1:600
daily <- 50 + 0.02 * td + 5 * sin(2 * pi * td / 7) + 8 * sin(2 * pi * td / 30.5) + rnorm(600, sd = 1.5)
sunspots <- window(sunspot.month, start = c(1900, 1), end = c(1939, 12))

series <- list(
  ldeaths = ldeaths, mdeaths = mdeaths, wineind = wineind, UKgas = UKgas,
  JohnsonJohnson = JohnsonJohnson, sunspots = sunspots, lynx = lynx,
  weekly = weekly, daily = ts(daily, frequency = 7)
)
vals <- function(x) as.numeric(x)
out <- list(series = lapply(series, function(x) list(values = vals(x), period = frequency(x))))

# --- stl ---------------------------------------------------------------------------------
stl_case <- function(name, period, ...) {
  x <- ts(vals(series[[name]]), frequency = period)
  args <- list(...)
  fit <- do.call(stl, c(list(x), args))
  ts3 <- fit$time.series
  list(series = name, period = period, args = args, seasonal = vals(ts3[, "seasonal"]),
       trend = vals(ts3[, "trend"]), remainder = vals(ts3[, "remainder"]), weights = fit$weights)
}
out$stl <- list(
  stl_case("ldeaths", 12, s.window = "periodic"),
  stl_case("ldeaths", 12, s.window = 7),
  stl_case("mdeaths", 12, s.window = 13, robust = TRUE),
  stl_case("wineind", 12, s.window = 13, robust = TRUE),
  stl_case("wineind", 12, s.window = "periodic", robust = TRUE),
  stl_case("UKgas", 4, s.window = 9, t.window = 15),
  stl_case("UKgas", 4, s.window = "periodic"),
  stl_case("JohnsonJohnson", 4, s.window = 7, s.degree = 1),
  stl_case("sunspots", 12, s.window = 21, robust = TRUE),
  stl_case("lynx", 10, s.window = "periodic"),
  stl_case("weekly", 52, s.window = 11),
  stl_case("weekly", 52, s.window = "periodic"),
  stl_case("weekly", 52, s.window = 11, robust = TRUE),
  stl_case("weekly", 52, s.window = 15, t.window = 61, l.window = 41, s.jump = 1, t.jump = 1, l.jump = 1,
           inner = 3, outer = 2),
  stl_case("weekly", 365.25 / 7, s.window = 11),
  stl_case("daily", 7, s.window = 11, t.degree = 0)
)

# --- mstl (a ts gives one period and iterate = 1; an msts gives several and iterate = 2) ---
mstl_case <- function(name, periods, ...) {
  v <- vals(series[[name]])
  x <- if (length(periods) > 1) msts(v, seasonal.periods = periods) else ts(v, frequency = periods)
  fit <- mstl(x, ...)
  cn <- colnames(fit)
  args <- list(...)
  list(series = name, periods = periods, args = args, trend = vals(fit[, "Trend"]),
       seasonals = lapply(grep("Seasonal", cn), function(j) vals(fit[, j])),
       remainder = vals(fit[, "Remainder"]),
       lambda = if (is.null(args$lambda)) NULL else as.numeric(if (args$lambda == "auto") BoxCox.lambda(x, lower = -0.9) else args$lambda))
}
out$mstl <- list(
  mstl_case("ldeaths", 12),
  mstl_case("wineind", 12, lambda = "auto"),
  mstl_case("UKgas", 4, lambda = 0),
  mstl_case("weekly", 52),
  mstl_case("weekly", 365.25 / 7),
  mstl_case("daily", c(7, 30.5)),
  mstl_case("daily", c(7, 30.5), s.window = c(9, 21), robust = TRUE),
  mstl_case("daily", c(7, 30.5, 400))
)

# --- decompose -----------------------------------------------------------------------------
dec_case <- function(name, period, type) {
  d <- decompose(ts(vals(series[[name]]), frequency = period), type = type)
  list(series = name, period = period, type = type, trend = vals(d$trend), seasonal = vals(d$seasonal),
       random = vals(d$random), figure = d$figure)
}
out$decompose <- list(
  dec_case("ldeaths", 12, "additive"), dec_case("ldeaths", 12, "multiplicative"),
  dec_case("wineind", 12, "additive"), dec_case("UKgas", 4, "multiplicative"),
  dec_case("JohnsonJohnson", 4, "multiplicative"), dec_case("weekly", 52, "additive"),
  dec_case("daily", 7, "additive"), dec_case("lynx", 9, "multiplicative")
)

# --- Guerrero's lambda (BoxCox.lambda, method = "guerrero") ---------------------------------
g_case <- function(name, period, lower = -1, upper = 2) {
  x <- ts(vals(series[[name]]), frequency = period)
  list(series = name, period = period, lower = lower, upper = upper,
       lambda = suppressWarnings(BoxCox.lambda(x, method = "guerrero", lower = lower, upper = upper)))
}
out$guerrero <- list(
  g_case("ldeaths", 12), g_case("mdeaths", 12), g_case("wineind", 12), g_case("UKgas", 4),
  g_case("JohnsonJohnson", 4), g_case("sunspots", 12), g_case("lynx", 1), g_case("weekly", 52),
  g_case("weekly", 365.25 / 7), g_case("wineind", 12, 0, 1), g_case("UKgas", 4, -0.9, 2),
  g_case("ldeaths", 36)
)

# --- Box-Cox and the bias-adjusted inverse ---------------------------------------------------
z <- c(-2.5, -1, -0.2, 0, 0.3, 1, 2.2, 4.5)
fvar <- c(0.1, 0.5, 1, 0.02, 0.3, 2, 0.7, 1.5)
inv_case <- function(lambda, biasadj) list(z = z, lambda = lambda, biasadj = biasadj, fvar = fvar,
  out = vals(InvBoxCox(z, lambda, biasadj = biasadj, fvar = if (biasadj) fvar else NULL)))
out$invBoxCox <- list(inv_case(0, TRUE), inv_case(0.5, TRUE), inv_case(-0.3, TRUE), inv_case(1.2, TRUE),
                      inv_case(0.5, FALSE), inv_case(-0.3, FALSE))
xb <- c(-1.5, 0, 0.25, 1, 2.7, 10, 123.4)
out$boxCox <- lapply(c(0, 0.5, -0.3, 1, 1.7), function(l) list(x = xb, lambda = l, out = vals(BoxCox(xb, l))))

# --- fourier ---------------------------------------------------------------------------------
f_case <- function(periods, K, n, h = NULL) {
  x <- if (length(periods) > 1) msts(1:n, seasonal.periods = periods) else ts(1:n, frequency = periods)
  m <- fourier(x, K = K, h = h)
  list(periods = periods, K = K, n = n, h = h, labels = colnames(m),
       columns = lapply(seq_len(ncol(m)), function(j) vals(m[, j])))
}
out$fourier <- list(
  f_case(12, 6, 30), f_case(12, 6, 30, 14), f_case(4, 2, 10), f_case(365.25 / 7, 5, 60),
  f_case(365.25 / 7, 5, 520, 52), f_case(c(7, 30.5), c(3, 5), 40), f_case(c(12, 24), c(2, 4), 30, 5),
  f_case(c(7, 30.5), c(0, 2), 20)
)

# --- seas heuristic (nsdiffs(test = "seas")) ----------------------------------------------
s_case <- function(name, period) list(series = name, period = period,
  strength = forecast:::seas.heuristic(ts(vals(series[[name]]), frequency = period)))
out$seas <- list(
  s_case("ldeaths", 12), s_case("mdeaths", 12), s_case("wineind", 12), s_case("UKgas", 4),
  s_case("JohnsonJohnson", 4), s_case("sunspots", 12), s_case("weekly", 52), s_case("daily", 7),
  s_case("lynx", 10)
)

out$meta <- list(R = R.version.string, forecast = as.character(packageVersion("forecast")))
# jsonlite prints at most 15 significant digits; write every double with 17 so that values
# (the simulated series, 365.25/7) round-trip exactly. NA, NaN and +-Inf become null.
full <- function(x) {
  if (is.list(x)) return(lapply(x, full))
  if (!is.double(x)) return(x)
  v <- ifelse(is.finite(x), sprintf("%.17g", x), "null")
  structure(if (length(x) == 1L) v else paste0("[", paste(v, collapse = ","), "]"), class = "json")
}
writeLines(toJSON(full(out), json_verbatim = TRUE, auto_unbox = TRUE, null = "null", na = "null"),
           "test/model/stats/fixtures/decompose.json")
cat("wrote test/model/stats/fixtures/decompose.json\n")
