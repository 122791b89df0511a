/** The report's charts in page order, each with the file name of its PNG. */
import { backtestChart } from './backtest-chart.js';
import type { ChartBuilder, ChartName } from './chart.js';
import { featuresChart } from './features-chart.js';
import { forecastChart } from './forecast-chart.js';
import { outliersChart } from './outliers-chart.js';
import { selectionChart } from './selection-chart.js';

export const CHARTS: readonly { readonly name: ChartName; readonly build: ChartBuilder }[] = [
  { name: 'forecast', build: forecastChart },
  { name: 'backtest', build: backtestChart },
  { name: 'selection', build: selectionChart },
  { name: 'features', build: (input) => featuresChart(input) },
  { name: 'outliers', build: outliersChart },
];
