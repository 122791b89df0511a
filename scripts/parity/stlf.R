# Parity fixture for src/model/stats/stlf.ts: forecast::stlf (STL with s.window 11 via mstl,
# then ets(model = "ZZN") on the seasonally adjusted series).
# Rscript scripts/parity/stlf.R > test/model/stats/fixtures/stlf.json
suppressMessages({ library(forecast); library(jsonlite) })
set.seed(11)
wk <- ts(50 + 0.02 * (1:260) + 6 * sin(2 * pi * (1:260) / 52) + arima.sim(list(ar = 0.5), 260), frequency = 52)
series <- list(ldeaths = ldeaths, wineind = wineind, UKgas = UKgas, weekly_sim = wk)
out <- lapply(names(series), function(nm) {
  y <- series[[nm]]
  fc <- stlf(y, h = 8, level = 80)
  list(name = nm, period = frequency(y), y = as.numeric(y), mean = as.numeric(fc$mean),
    lower = as.numeric(fc$lower), upper = as.numeric(fc$upper), form = fc$model$method)
})
cat(toJSON(out, auto_unbox = TRUE, digits = I(15)))
