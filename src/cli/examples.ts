/**
 * Two or three examples per subcommand, printed at the end of its `--help` (and the program's).
 * Every example here runs as written from the repository root, on the shipped fixtures where it
 * can; test/cli/examples.test.ts runs the local ones.
 */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  forecast: [
    'forecast run-all --config fixtures/demo/pipeline.json --out-dir out',
    "forecast merge --source 'fixtures/google_trends_spain_2019_2020.csv?key=keyword&value=trend_index' | forecast train --target desempleo",
  ],
  extract: [
    'forecast extract --from bq://my-project.trends.keywords --location EU --to trends.csv',
    "forecast extract --query 'SELECT keyword, date, trend_index FROM `p.trends.keywords` WHERE date >= @since' --param since=2020-01-01 --location EU",
    'forecast extract --from gs://trends-eu/weekly/trends.csv.gz --to trends.csv',
  ],
  merge: [
    "forecast merge --source 'fixtures/google_trends_spain_2019_2020.csv?key=keyword&value=trend_index' --to merged.csv",
    "forecast merge --source 'fixtures/gdelt_events_synthetic.csv?format=events&agg=count_x_mean&value=Sentiment&prefix=gdelt_' --freq W-SUN",
    "forecast merge --source 'bq://gdelt-bq.gdeltv2.gkg?format=events&key=V2Themes&split=;&date=DATE' --start 2020-01-05 --dry-run",
  ],
  train: [
    'forecast train --from merged.csv --target desempleo --horizon 4 --to model.json',
    "forecast train --from merged.csv --target 'desempleo,paro,gdelt_*' --workers 2 --to models.json",
    'forecast train --from merged.csv --target desempleo --levels 80,95 --metrics-to scores.csv',
  ],
  predict: ['forecast predict --from merged.csv --model model.json > forecast.csv'],
  backtest: [
    'forecast backtest --from merged.csv --target desempleo --horizon 4 --origins 20 --to backtest.csv',
    'forecast backtest --from merged.csv --target paro --origins 8',
  ],
  publish: [
    'forecast publish --from out/weekly_score.csv --to bq://my-project.dashboard.weekly_score --mode append',
    'forecast publish --from out/predictions.csv --to gs://dashboards/forecast/predictions.csv',
  ],
  'run-all': [
    'forecast run-all --config fixtures/demo/pipeline.json --out-dir out',
    "forecast run-all --config fixtures/demo/pipeline.json --target 'desempleo,paro,gdelt_*' --workers 2 --no-report",
    'forecast run-all --config gs://my-config/pipeline.json --out-dir gs://my-out/weekly --shard 3/8 --deadline 55s',
  ],
  prepare: [
    "forecast prepare --config fixtures/demo/pipeline.json --target '*' --run-date 2020-05-24 --out-dir out",
    'forecast prepare --config gs://my-config/pipeline.json --out-dir gs://my-out/weekly --force',
  ],
  gather: [
    "forecast gather --config fixtures/demo/pipeline.json --target '*' --run-date 2020-05-24 --out-dir out",
    'forecast gather --config gs://my-config/pipeline.json --out-dir gs://my-out/weekly --shards 8',
  ],
  report: ['forecast report --from out', 'forecast report --from gs://my-out/weekly --to report/'],
  recover: ['forecast recover --out-dir out', 'forecast recover --out-dir gs://my-out/weekly'],
};

/** The `--help` epilogue of a command: its examples, one per line. */
export function examplesText(name: string): string {
  const lines = EXAMPLES[name] ?? [];
  return lines.length ? `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n` : '';
}
