# Simulated weekly cases for the accuracy benchmark (SIMULATED, seeded; not real data):
# long weekly series with a yearly cycle of 365.25/7 weeks, the shape the real weekly
# benchmark series lack. Rscript make_simulated.R  (writes into the current folder)
set.seed(20261129)
n <- 520
dates <- format(seq(as.Date("2010-01-03"), by = "week", length.out = n))
t <- 1:n
yr <- 2 * pi * t / (365.25 / 7)
write_long <- function(file, cols) {
  rows <- do.call(rbind, lapply(names(cols), function(k) data.frame(key = k, date = dates, value = round(as.numeric(cols[[k]]), 4))))
  write.csv(rows, file, row.names = FALSE, quote = FALSE)
}
# CO2-like: a slowly accelerating trend, a yearly cycle of two harmonics, small AR(1) noise.
co2 <- 380 + 0.04 * t + 2e-5 * t^2 + 3 * sin(yr) + 0.8 * cos(2 * yr) + arima.sim(list(ar = 0.6), n, sd = 0.35)
write_long("sim_co2_weekly.csv", list(co2 = co2))
# Temperature-like: a yearly cycle, AR(1) weather, and three other weather columns
# (humidity follows temperature; wind and pressure are noise around their own cycles).
temp <- 12 + 9 * sin(yr - 1.9) + arima.sim(list(ar = 0.5), n, sd = 2.2)
humidity <- 70 - 0.8 * (temp - 12) + rnorm(n, sd = 4)
wind <- 15 + 3 * cos(yr) + rnorm(n, sd = 3)
pressure <- 1013 + arima.sim(list(ar = 0.7), n, sd = 4)
write_long("sim_temp_weekly.csv", list(temp = temp, humidity = humidity, wind = wind, pressure = pressure))
