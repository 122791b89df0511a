# Writes test/model/stats/fixtures/arima.json: R's stats::arima / forecast::Arima / auto.arima results on
# simulated and real series, read by test/model/stats/arima/*.test.ts (R is never needed by npm test).
# Usage (from the repository root): Rscript scripts/parity/arima.R
suppressMessages({ library(forecast); library(urca); library(jsonlite) })
h <- 8
num <- function(x) as.numeric(x)

fit_record <- function(fit, xf = NULL) {
  fc <- if (is.null(xf)) forecast(fit, h = h, level = 80) else forecast(fit, xreg = xf, level = 80)
  list(arma = num(fit$arma), coefNames = names(coef(fit)), coef = num(coef(fit)),
       loglik = fit$loglik, aic = if (is.null(fit$aic)) NA else fit$aic, aicc = fit$aicc, bic = fit$bic,
       sigma2 = fit$sigma2, nobs = fit$nobs, method = if (is.null(fit$call$method)) "CSS-ML" else fit$call$method,
       mean = num(fc$mean), lower80 = num(fc$lower), upper80 = num(fc$upper),
       se = num((fc$upper - fc$mean) / qnorm(0.9)))
}

unit_root <- function(y) {
  x <- as.numeric(y); n <- length(x)
  k <- ur.kpss(x, type = "mu", use.lag = trunc(3 * sqrt(n) / 13))
  out <- list(kpss = k@teststat, kpssLag = k@lag, ndiffs = ndiffs(y))
  if (frequency(y) > 1) {
    out$seasStrength <- forecast:::seas.heuristic(y)
    out$nsdiffs <- nsdiffs(y)
    out$ocsb <- tryCatch(forecast:::ocsb.test(y, maxlag = 3, lag.method = "AIC")$statistics, error = function(e) NA)
    out$ocsbCrit <- forecast:::calcOCSBCritVal(round(frequency(y)))
    out$nsdiffsOcsb <- nsdiffs(y, test = "ocsb")
  }
  out
}

# fits: list of list(order, seasonal, include.mean, include.drift, method, xreg, xf)
make_case <- function(name, y, fits, xreg = NULL, xf = NULL, seasonal = TRUE, kind = "real") {
  a <- if (is.null(xreg)) auto.arima(y, seasonal = seasonal) else auto.arima(y, seasonal = seasonal, xreg = xreg)
  auto <- fit_record(a, xf)
  auto$ic <- a$aicc
  fixed <- lapply(fits, function(s) {
    args <- list(y = y, order = s$order, seasonal = if (is.null(s$seasonal)) c(0, 0, 0) else s$seasonal,
                 include.mean = !isFALSE(s$mean), include.drift = isTRUE(s$drift),
                 method = if (is.null(s$method)) "CSS-ML" else s$method)
    if (isTRUE(s$xreg)) args$xreg <- xreg
    f <- do.call(Arima, args)
    r <- fit_record(f, if (isTRUE(s$xreg)) xf else NULL)
    r$spec <- list(order = s$order, seasonal = args$seasonal, includeMean = args$include.mean,
                   includeDrift = args$include.drift, method = args$method, xreg = isTRUE(s$xreg))
    r
  })
  list(name = name, kind = kind, period = frequency(y), seasonal = seasonal, y = num(y),
       xreg = if (is.null(xreg)) NULL else lapply(seq_len(ncol(xreg)), function(j) num(xreg[, j])),
       xregFuture = if (is.null(xf)) NULL else lapply(seq_len(ncol(xf)), function(j) num(xf[, j])),
       unitRoot = unit_root(y), auto = auto, fixed = fixed)
}

cases <- list()
add <- function(x) cases[[length(cases) + 1]] <<- x

# (a) simulated series of known orders
set.seed(101); s1 <- ts(10 + arima.sim(list(ar = 0.7), n = 200))
add(make_case("sim_ar1_mean", s1, list(list(order = c(1, 0, 0)), list(order = c(1, 0, 0), method = "CSS"),
                                       list(order = c(1, 0, 0), method = "ML")), kind = "sim"))
set.seed(102); s2 <- ts(5 + arima.sim(list(ar = c(0.5, -0.3), ma = 0.4), n = 150))
add(make_case("sim_arma21", s2, list(list(order = c(2, 0, 1))), kind = "sim"))
set.seed(103); s3 <- ts(cumsum(0.3 + arima.sim(list(ma = -0.4), n = 180)))
add(make_case("sim_ima11_drift", s3, list(list(order = c(0, 1, 1), drift = TRUE)), kind = "sim"))
seasonal_sim <- function(n, m, ar, sma, sar = 0, ma = 0, level = 100, amp = 10) {
  e <- rnorm(n + 3 * m)
  u <- as.numeric(stats::filter(e, c(1, ma, rep(0, max(0, m - 2)), sma), sides = 1))
  u[is.na(u)] <- 0
  w <- as.numeric(stats::filter(u, c(ar, rep(0, m - 2), sar, -ar * sar), method = "recursive"))
  y <- diffinv(w, lag = m, xi = amp * sin(2 * pi * (1:m) / m))
  ts(level + tail(y, n), frequency = m)
}
set.seed(104); s4 <- seasonal_sim(240, 12, ar = 0.6, sma = -0.5)
add(make_case("sim_sarima_monthly240", s4, list(list(order = c(1, 0, 0), seasonal = c(0, 1, 1))), kind = "sim"))
set.seed(105); s5 <- ts(cumsum(as.numeric(arima.sim(list(ma = -0.3, ar = c(0, 0, 0, 0.5)), n = 120))) + 50, frequency = 4)
add(make_case("sim_quarterly", s5, list(list(order = c(0, 1, 1), seasonal = c(1, 0, 0))), kind = "sim"))
set.seed(106); s6 <- ts(20 + arima.sim(list(ar = c(0.5, 0.2, rep(0, 9), 0.5, -0.25, -0.1)), n = 144), frequency = 12)
add(make_case("sim_ar2_sar1_monthly144", s6, list(list(order = c(2, 0, 0), seasonal = c(1, 0, 0))), kind = "sim"))

# (b) real series
add(make_case("ldeaths", ldeaths, list(list(order = c(0, 0, 1), seasonal = c(0, 1, 1)),
                                       list(order = c(1, 0, 0), seasonal = c(1, 1, 0), method = "CSS"))))
add(make_case("mdeaths", mdeaths, list(list(order = c(1, 0, 0), seasonal = c(0, 1, 1), drift = TRUE))))
add(make_case("wineind", wineind, list(list(order = c(1, 1, 1), seasonal = c(0, 1, 1)))))
add(make_case("lynx", lynx, list(list(order = c(2, 0, 0)), list(order = c(2, 0, 0), method = "CSS"),
                                 list(order = c(4, 0, 1)))))
lh_x <- matrix(as.numeric(time(LakeHuron)) - 1920, ncol = 1, dimnames = list(NULL, "year"))
lh_f <- matrix(1973:1980 - 1920, ncol = 1, dimnames = list(NULL, "year"))
add(make_case("LakeHuron", LakeHuron, list(list(order = c(1, 0, 1), xreg = TRUE), list(order = c(2, 0, 0))),
              xreg = lh_x, xf = lh_f))
add(make_case("Nile", Nile, list(list(order = c(1, 1, 1)), list(order = c(1, 1, 1), method = "ML"))))
add(make_case("WWWusage", WWWusage, list(list(order = c(3, 1, 0)), list(order = c(1, 1, 1), drift = TRUE))))
add(make_case("UKgas", UKgas, list(list(order = c(0, 1, 1), seasonal = c(0, 1, 1)))))
add(make_case("sunspot.year", sunspot.year, list(list(order = c(2, 0, 1)), list(order = c(9, 0, 0), method = "CSS"))))

# (c) weekly series with Fourier(K = 4) regressors and non-seasonal ARMA errors
set.seed(107)
wk <- ts(numeric(520), frequency = 365.25 / 7)
fx <- fourier(wk, K = 4); ff <- fourier(wk, K = 4, h = h)
wy <- ts(50 + fx %*% c(8, -5, 3, 2, -1.5, 1, 0.5, -0.8) + 2 * arima.sim(list(ar = 0.6, ma = 0.3), n = 520),
         frequency = 365.25 / 7)
add(make_case("weekly_fourier520", wy, list(list(order = c(1, 0, 1), xreg = TRUE), list(order = c(1, 1, 1), xreg = TRUE)),
              xreg = fx, xf = ff, seasonal = FALSE, kind = "sim"))

out <- list(generator = "scripts/parity/arima.R", r = R.version.string,
            forecast = as.character(packageVersion("forecast")), h = h, cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = FALSE),
           "test/model/stats/fixtures/arima.json")
cat("wrote", length(cases), "cases\n")
