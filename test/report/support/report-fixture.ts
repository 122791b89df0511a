/**
 * A realistic, deterministic ReportInput: weekly Spanish Google Trends keywords forecasting
 * `desempleo`, with fold forecasts, a 4-week forecast, scores for five candidates, a selection
 * curve, a feature ranking (with hostile names to test escaping) and an outlier projection.
 */
import type { Frame } from '../../../src/frame/frame.js';
import { METRICS, type CandidateScore, type MetricName, type MetricSummary } from '../../../src/model/types.js';
import { isoDate } from '../../../src/report/iso-date.js';
import { outlierProjection } from '../../../src/report/outlier-projection.js';
import type { ReportBand, ReportInput, ReportPrediction } from '../../../src/report/types.js';

export const HOSTILE_FEATURE = '<script>alert("x")</script>';
const WORDS = [
  'empleo',
  'paro',
  'trabajo',
  'sepe',
  'cita previa',
  'curriculum',
  'ofertas',
  'infojobs',
  'prestacion',
  'despido',
  'erte',
  'subsidio',
  'vida laboral',
  'indeed',
  'contrato',
  'nomina',
];

export interface FixtureOptions {
  readonly weeks?: number;
  readonly features?: number;
  readonly seed?: number;
}

/** Linear congruential generator in [0, 1): seeded, so the fixture is the same every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 4_294_967_296;
}

function featureName(j: number): string {
  if (j === 3) return HOSTILE_FEATURE;
  if (j === 5) return 'ayuda "alquiler" & <b>bonos</b> para jóvenes desempleados de larga duración';
  return j < WORDS.length ? WORDS[j] : `${WORDS[j % WORDS.length]} ${Math.floor(j / WORDS.length)}`;
}

function bands(levels: readonly number[], centre: number, sd: number): ReportBand[] {
  return levels.map((level) => {
    const z = level >= 0.95 ? 1.96 : level >= 0.9 ? 1.645 : 1.2816;
    return { level, lower: centre - z * sd, upper: centre + z * sd };
  });
}

function metrics(base: number, rand: () => number): Record<MetricName, MetricSummary> {
  return Object.fromEntries(
    METRICS.map((m, i) => [
      m,
      {
        mean: m === 'r2' || m === 'explained_variance' ? 0.9 - base / 20 : base * (1 + i / 4) + rand(),
        std: base / 5 + rand() / 3,
      },
    ]),
  ) as Record<MetricName, MetricSummary>;
}

/** The fixture. 73 weeks × 80 features by default; `features: 2000` for the top-N check. */
export function makeReportInput(options: FixtureOptions = {}): ReportInput {
  const { weeks = 73, features = 80, seed = 42 } = options;
  const rand = lcg(seed);
  const levels = [0.8, 0.95];
  const start = Date.UTC(2023, 0, 1) / 86_400_000; // a Sunday
  const dates = Array.from({ length: weeks }, (_, i) => start + 7 * i);
  const y = dates.map((_, i) => 60 + 12 * Math.sin(i / 8) + 4 * rand() + (i === 30 ? 25 : 0));
  const names = Array.from({ length: features }, (_, j) => featureName(j));
  const columns = names.map((_, j) => Float64Array.from(y, (v, i) => (j % 4 === 0 ? v / 2 : 30) + 10 * rand() + (i === 30 || i === 51 ? 40 : 0)));
  const frame: Frame = { freq: 'W-SUN', dates: Int32Array.from(dates), names: ['desempleo', ...names], columns: [Float64Array.from(y), ...columns] };
  const sd = 3;
  const history: ReportPrediction[] = dates.map((d, i) => {
    const folded = i >= weeks - 20;
    const forecast = folded ? y[i] + (rand() - 0.5) * 6 : null;
    return {
      date: isoDate(d),
      actual: y[i],
      forecast,
      bands: forecast === null ? [] : bands(levels, forecast, sd),
      horizon: folded ? 1 : 0,
      kind: 'history',
      model: 'ridge',
    };
  });
  const last = dates[weeks - 1];
  const future: ReportPrediction[] = [1, 2, 3, 4].map((h) => {
    const f = y[weeks - 1] + h * 0.8;
    return { date: isoDate(last + 7 * h), actual: null, forecast: f, bands: bands(levels, f, sd * Math.sqrt(h)), horizon: h, kind: 'forecast', model: 'ridge' };
  });
  const backtest = Array.from({ length: 12 }, (_, c) => weeks - 17 + c).flatMap((cut) =>
    [1, 2, 3, 4].map((h) => {
      const forecast = y[cut] + (y[cut + h] - y[cut]) * 0.7 + (rand() - 0.5) * 4;
      return {
        cutoff: isoDate(dates[cut]),
        targetDate: isoDate(dates[cut + h]),
        horizon: h,
        actual: y[cut + h],
        forecast,
        naive: y[cut],
        model: 'ridge',
        bands: bands(levels, forecast, sd * Math.sqrt(h)),
      };
    }),
  );
  const scores: CandidateScore[] = ['naive', 'seasonal_naive', 'ols', 'ridge', 'lasso'].map((model, k) => ({
    model,
    metrics: metrics([4.1, 4.8, 3.9, 2.7, 3.0][k], rand),
    coverage: k < 2 ? NaN : 0.78 + k / 100,
    mapeZerosSkipped: 0,
    nFolds: 5,
  }));
  const counts = [1, 2, 5, 10, 20, 40, 80, 160, 320, 640, 1280, 2000].filter((c) => c <= features);
  const selectionCurve = counts.map((n) => ({ nFeatures: n, score: 2.4 + Math.abs(Math.log(n / 12)) * 0.3 + rand() * 0.2, std: 0.4 + rand() * 0.2 }));
  const featureRanking = names.map((feature, j) => ({
    feature,
    rank: j + 1,
    coefficient: ((j % 3 === 1 ? -1 : 1) * 2) / (1 + j * 0.15),
    selected: j < 10,
  }));
  const removedFeatures = Array.from({ length: Math.min(25, Math.floor(features / 8)) }, (_, j) => ({
    feature: `${featureName(j)} constante ${j}`,
    reason: j % 2 === 0 ? 'constant' : 'more than 50 % missing',
  }));
  const removed = [dates[30], dates[51]];
  return {
    runDate: '2024-05-27',
    target: 'desempleo',
    horizon: 4,
    freq: 'W-SUN',
    levels,
    metric: 'mae',
    winner: 'ridge',
    deadlineHit: false,
    skipped: [],
    elapsedMs: 8_412,
    stageTimings: [
      { stage: 'merge', ms: 412 },
      { stage: 'train', ms: 6_230 },
      { stage: 'predict', ms: 35 },
      { stage: 'report', ms: 1_210 },
    ],
    inputs: [
      { uri: 'fixtures/demo/trends.csv', rows: weeks * features },
      { uri: 'gs://bucket/gdelt/events.csv.gz', rows: 12_345 },
    ],
    predictions: [...history, ...future],
    scores,
    backtest,
    selectionCurve,
    featureRanking,
    removedFeatures,
    outliers: outlierProjection(frame, 'desempleo', removed),
    problems: ['filled 3 missing weeks with 0 in trends.csv', 'dropped 2 rows with unparseable dates in events.csv.gz (first at row 17: "2023-13-01")'],
  };
}
