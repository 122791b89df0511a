import { resolve } from 'node:path';

/** The demo pipeline as the function tests run it: the shipped fixtures, no report, outputs under `outDir` (a gs:// prefix). */
export function functionConfig(outDir: string): Record<string, unknown> {
  const fixtures = resolve('fixtures');
  return {
    sources: [
      { uri: `${fixtures}/google_trends_spain_2019_2020.csv`, format: 'long', key: 'keyword', date: 'date', value: 'trend_index' },
      {
        uri: `${fixtures}/gdelt_events_synthetic.csv`,
        format: 'events',
        key: 'theme',
        date: 'Date',
        value: 'Sentiment',
        agg: 'count_x_mean',
        prefix: 'gdelt_',
      },
    ],
    freq: 'W-SUN',
    end: '2020-05-24',
    target: 'desempleo',
    horizon: 4,
    levels: [0.8, 0.95],
    metric: 'mae',
    folds: 4,
    outDir,
    report: false,
    deadline: '60s',
    maxMemory: '3.5GiB',
  };
}
