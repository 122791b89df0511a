# Parity fixture for src/model/stats/theta.ts: forecast::thetaf on public series.
# Rscript scripts/parity/theta.R > test/model/stats/fixtures/theta.json
suppressMessages({ library(forecast); library(jsonlite) })
set.seed(7)
sim <- ts(100 + cumsum(rnorm(120, 0.3, 2)) + 8 * sin(2 * pi * (1:120) / 12), frequency = 12)
series <- list(wineind = wineind, ldeaths = ldeaths, mdeaths = mdeaths, lynx = lynx, Nile = Nile,
  UKgas = UKgas, JohnsonJohnson = JohnsonJohnson, sunspot_year = sunspot.year, sim_monthly = sim)
# thetaf's own seasonality test (forecast 8.20 does not return it).
theta_seasonal <- function(x) {
  m <- frequency(x); n <- length(x)
  if (m <= 1 || n <= 2 * m) return(FALSE)
  r <- as.numeric(acf(x, lag.max = m, plot = FALSE)$acf)[-1]
  abs(r[m]) / sqrt((1 + 2 * sum(r[-m]^2)) / n) > qnorm(0.95)
}
out <- lapply(names(series), function(nm) {
  y <- series[[nm]]
  fc <- thetaf(y, h = 8, level = 80)
  list(name = nm, period = frequency(y), y = as.numeric(y), mean = as.numeric(fc$mean),
    lower = as.numeric(fc$lower), upper = as.numeric(fc$upper), alpha = unname(fc$model$par["alpha"]),
    drift = (fc$mean[2] - fc$mean[1]) * (frequency(y) == 1), seasonal = theta_seasonal(y))
})
cat(toJSON(out, auto_unbox = TRUE, digits = I(15)))
